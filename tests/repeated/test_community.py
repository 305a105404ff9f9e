"""Community enforcement by contagion under random matching (cybergames/repeated/community.py).

Kandori, "Social norms and community enforcement", Review of Economic Studies 59 (1992), section 3:
N states matched at random in pairs, each seeing only its own matches; contagion = cooperate until
you see a defection, then defect for ever. The tests derive the chain of infected states by listing
matchings, and the incentive conditions by hand (small N) or by solving the values at rational discount
factors with sympy (a second method, independent of the module's polynomials).
"""

import dataclasses
import math
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, prisoners_dilemma, stag_hunt, verify
from cybergames.errors import GameError, ParameterError
from cybergames.repeated import DeltaSet, Interval, contagion
from cybergames.repeated.community import matching_transitions


def listed_chain(n):
    """Q[k][k'] by listing every perfect matching of n states, the first k infected (brute force)."""
    def matchings(items):
        if not items:
            yield ()
            return
        for i in range(1, len(items)):
            for rest in matchings(items[1:i] + items[i + 1:]):
                yield ((items[0], items[i]),) + rest
    every = list(matchings(tuple(range(n))))
    q = [[Fraction(0)] * (n + 1) for _ in range(n + 1)]
    for k in range(n + 1):
        for m in every:
            q[k][k + sum((a < k) != (b < k) for a, b in m)] += Fraction(1, len(every))
    return q, every


def gains(n, T, R, P, S, delta):
    """On- and off-path one-shot gains at a rational delta, from matchings listed and values solved by sympy."""
    q, every = listed_chain(n)
    d = sympy.Rational(delta)
    size = n - 1                                             # infected counts 2..n
    A = sympy.eye(size) - d * sympy.Matrix(size, size, lambda i, j: q[i + 2][j + 2])
    f = sympy.Matrix(size, 1, lambda i, _: sympy.Rational(T * (n - i - 2) + P * (i + 1), n - 1))
    W = A.LUsolve((1 - d) * f)
    value = {k: W[k - 2] for k in range(2, n + 1)}
    on = (1 - d) * T + d * value[2] - R
    off = {}
    for k in range(2, n + 1):
        # state 0 is infected and cooperates once; states 1..k-1 are infected and defect.
        payoff, next_value = 0, 0
        for m in every:
            partner = next(b if a == 0 else a for a, b in m if 0 in (a, b))
            payoff += sympy.Rational(S if partner < k else R, len(every))
            # an uninfected state (index >= k) matched with a defecting one (1..k-1) becomes infected
            newly = sum(1 for a, b in m if 0 not in (a, b) and ((1 <= a < k) != (1 <= b < k)))
            next_value += value[k + newly] / len(every)
        off[k] = (1 - d) * payoff + d * next_value - value[k]
    return on, off


def pds():
    """Integer prisoner's dilemmas T > R > P > S, built, not filtered."""
    return st.tuples(st.integers(-4, 4), st.integers(1, 4), st.integers(1, 4), st.integers(1, 6)).map(
        lambda x: (x[0] + x[1] + x[2] + x[3], x[0] + x[1] + x[2], x[0] + x[1], x[0]))


# ------------------------------------------------------------------ the chain
def test_matching_distribution_of_four_states():
    # Of the 3 perfect matchings of {a, b, c, d} with a, b marked, {ab}{cd} has no mixed pair and
    # {ac}{bd}, {ad}{bc} have two: probabilities 1/3, 0, 2/3 (by hand).
    assert matching_transitions(4, 2) == (Fraction(1, 3), Fraction(0), Fraction(2, 3))
    assert matching_transitions(4, 3) == (Fraction(0), Fraction(1))        # d always meets an infected state


@pytest.mark.parametrize("n", [2, 4, 6, 8])
def test_the_closed_form_matches_the_listed_matchings(n):
    q, every = listed_chain(n)
    assert len(every) == math.prod(range(n - 1, 0, -2))                      # (n - 1)!! matchings
    for d in range(n + 1):
        row = matching_transitions(n, d)
        assert sum(row) == 1
        assert [q[d][d + j] for j in range(len(row))] == list(row)


# ------------------------------------------------------------------ textbook values
@settings(max_examples=30, deadline=None)
@given(pds())
def test_two_states_are_one_pair_and_contagion_is_grim_trigger(payoffs):
    # N = 2: the partner is always the same, so contagion is grim trigger, delta >= (T - R)/(T - P)
    # (Friedman 1971; Mailath & Samuelson 2006, section 2.4.1); off path, cooperating once against a
    # defector pays S < P and changes nothing: never profitable.
    T, R, P, S = payoffs
    found = contagion(prisoners_dilemma(T=T, R=R, P=P, S=S), 2)
    assert str(found.delta_set) == str(DeltaSet((Interval(Fraction(T - R, T - P), 1, True, False),), "exact", ""))
    assert found.least_delta == Fraction(T - R, T - P)
    assert found.off_path.intervals == (Interval(0, 1, True, False),)


def test_four_states_in_axelrods_prisoners_dilemma_by_hand():
    # Axelrod (1984) T, R, P, S = 5, 3, 1, 0; N = 4 (Kandori 1992, section 3, the chain of infected states).
    # From 2 infected: 2 w.p. 1/3, 4 w.p. 2/3 (test above); 3 -> 4 surely. f(k) = (T(4 - k) + P(k - 1))/3:
    # f(2) = 11/3, f(3) = 7/3, f(4) = 1. W(4) = 1, W(3) = (1 - d) 7/3 + d, W(2) = (11 - 9d)/(3 - d).
    # On path: 3 >= 5(1 - d) + d (11 - 9d)/(3 - d)  <=>  2d^2 + 3d - 3 >= 0  <=>  d >= (sqrt(33) - 3)/4.
    # Off path, k = 2: 8d^2 - 23d + 15 = (d - 1)(8d - 15) >= 0; k = 3: (d - 1)(d - 3) >= 0: both on [0, 1).
    found = contagion(prisoners_dilemma(T=5, R=3, P=1, S=0), 4)
    assert sympy.simplify(found.least_delta - (sympy.sqrt(33) - 3) / 4) == 0
    assert found.off_path.intervals == (Interval(0, 1, True, False),)
    assert found.delta_set.is_interval_to_one
    # The gains themselves (second method) equal the hand polynomials: on-path gain = -2(2d^2 + 3d - 3)/(3 - d),
    # 9 x off-path gain = -(d - 1)(8d - 15) at k = 2 and -4(d - 1)(d - 3) at k = 3.
    for delta in (Fraction(1, 4), Fraction(1, 2), Fraction(9, 10)):
        on, off = gains(4, 5, 3, 1, 0, delta)
        d = sympy.Rational(delta)
        assert on * (3 - d) == -2 * (2 * d ** 2 + 3 * d - 3)
        assert 9 * off[2] == -(d - 1) * (8 * d - 15) and 9 * off[3] == -4 * (d - 1) * (d - 3)


@pytest.mark.parametrize("n", [4, 6])
@pytest.mark.parametrize("payoffs", [(5, 3, 1, 0), (5, 4, 2, 1), (7, 4, 2, 0)])
def test_the_sets_agree_with_the_values_solved_at_rational_discount_factors(n, payoffs):
    # Second method: the one-shot gains from listed matchings and sympy's linear solve, at a grid of
    # rational delta, against membership in each exact set.
    T, R, P, S = payoffs
    found = contagion(prisoners_dilemma(T=T, R=R, P=P, S=S), n)
    for delta in (Fraction(j, 20) for j in range(0, 20)):
        on, off = gains(n, T, R, P, S, delta)
        assert (on <= 0) == (delta in found.on_path), (delta, on)
        assert all(g <= 0 for g in off.values()) == (delta in found.off_path), (delta, off)
        assert (on <= 0 and all(g <= 0 for g in off.values())) == (delta in found.delta_set)


def test_off_path_incentives_can_fail_for_patient_states():
    # Kandori (1992, section 3) and Ellison (1994): an infected state may prefer to cooperate once, to
    # slow the contagion, when patient and when cooperating against a defector costs little (P - S small).
    # T, R, P, S = 5, 4, 2, 1 among 8 states: the values solved at delta = 99/100 show the gain at k = 2
    # infected is positive, at 1/2 it is not; the set of the contagion profile is a bounded interval.
    found = contagion(prisoners_dilemma(T=5, R=4, P=2, S=1), 8)
    (piece,) = found.off_path.intervals
    assert piece.lower == 0 and 0.9 < float(piece.upper) < 1
    (both,) = found.delta_set.intervals
    assert float(both.lower) < float(both.upper) < 1
    assert dict(found.by_infected())[2].intervals == found.off_path.intervals             # k = 2 binds
    # the same at 8 states with the brute-force solver is slow (105 matchings x 7 counts): check two points
    for delta, fails in ((Fraction(99, 100), True), (Fraction(1, 2), False)):
        _, off = gains(8, 5, 4, 2, 1, delta)
        assert (off[2] > 0) == fails


# ------------------------------------------------------------------ properties
@settings(max_examples=15, deadline=None)
@given(pds())
def test_a_larger_community_needs_more_patience_on_path(payoffs):
    # The deviator meets each victim again with probability 1/(N - 1): contagion reaches it later in a
    # larger community, so the on-path threshold rises with N (Kandori 1992, section 3).
    T, R, P, S = payoffs
    game = prisoners_dilemma(T=T, R=R, P=P, S=S)
    lows = [float(contagion(game, n).on_path.infimum) for n in (2, 4, 6)]
    assert lows[0] < lows[1] < lows[2] < 1


@settings(max_examples=15, deadline=None)
@given(pds(), st.sampled_from([4, 6]), st.fractions(0, Fraction(19, 20), max_denominator=40))
def test_membership_matches_the_one_shot_gains(payoffs, n, delta):
    T, R, P, S = payoffs
    found = contagion(prisoners_dilemma(T=T, R=R, P=P, S=S), n)
    on, off = gains(n, T, R, P, S, delta)
    assert (on <= 0 and all(g <= 0 for g in off.values())) == (delta in found.delta_set)


@settings(max_examples=10, deadline=None)
@given(pds(), st.integers(1, 5), st.sampled_from([2, 4, 6, 8]))
def test_the_sets_do_not_change_under_positive_affine_payoffs(payoffs, scale, n):
    T, R, P, S = payoffs
    found = contagion(prisoners_dilemma(T=T, R=R, P=P, S=S), n)
    moved = contagion(prisoners_dilemma(T=scale * T + 3, R=scale * R + 3, P=scale * P + 3, S=scale * S + 3), n)
    assert moved.delta_set == found.delta_set and moved.off_path == found.off_path


def test_float_payoffs_give_float_ends_close_to_the_exact_ones():
    exact = contagion(prisoners_dilemma(T=5, R=3, P=1, S=0), 6)
    floats = contagion(prisoners_dilemma(T=5.0, R=3.0, P=1.0, S=0.0), 6)
    assert floats.delta_set.kind == "float" and isinstance(floats.least_delta, float)
    assert floats.least_delta == pytest.approx(float(exact.least_delta), abs=1e-12)


def test_verify_rechecks_and_catches_a_wrong_set():
    found = contagion(prisoners_dilemma(T=5, R=4, P=2, S=1), 6)
    assert verify(found).ok
    wrong = dataclasses.replace(found, delta_set=DeltaSet((Interval(Fraction(1, 10), 1, True, False),), "exact", ""))
    report = verify(wrong)
    assert not report.ok and any("both" in f for f in report.failures)


def test_the_input_is_not_changed():
    game = prisoners_dilemma(T=5, R=3, P=1, S=0)
    before = [a.copy() for a in game.payoffs]
    contagion(game, 4)
    assert all((a == b).all() for a, b in zip(game.payoffs, before))


@pytest.mark.parametrize("args, error, words", [
    ((prisoners_dilemma(T=5, R=3, P=1, S=0), 3), ParameterError, "even"),
    ((prisoners_dilemma(T=5, R=3, P=1, S=0), 0), ParameterError, "even"),
    ((prisoners_dilemma(T=5, R=3, P=1, S=0), True), ParameterError, "even"),
    ((prisoners_dilemma(T=5, R=3, P=1, S=0), 42), ParameterError, "MAX_COMMUNITY"),
    ((NormalFormGame([[[1, 2], [3, 4]], [[1, 2], [3, 4]]]), 4), GameError, "symmetric"),
    ((NormalFormGame([[[1, 2, 0]] * 3, [[1, 2, 0]] * 3]), 4), GameError, "two actions"),
    ((prisoners_dilemma(*sympy.symbols("T R P S")), 4), GameError, "numeric"),
    (("not a game", 4), GameError, "NormalFormGame"),
])
def test_bad_input_is_refused(args, error, words):
    with pytest.raises(error, match=words):
        contagion(*args)


def test_a_coordination_stage_game_needs_no_patience_on_path():
    # A stag hunt with R > T: deviating from (Stag, Stag) loses today and later: the on-path set is [0, 1).
    found = contagion(stag_hunt(T=3, R=4, P=3, S=0), 4)
    assert found.on_path.intervals == (Interval(0, 1, True, False),)
