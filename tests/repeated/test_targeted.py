"""Targeted retaliation (cybergames/repeated/builtins.py): structure, exact PPE, and where it cannot work."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import (RepeatedGame, check_equilibrium, equilibrium_payoff_set, noisy_attribution,
                        prisoners_dilemma, sustainable_discount_factors, targeted_retaliation, values, verify)
from cybergames._linalg import solve
from cybergames.errors import AutomatonError

T, R, P, S = 5, 3, 1, 0
PD = prisoners_dilemma(T, R, P, S)
Q, RF, DELTA = Fraction(4, 5), Fraction(1, 10), Fraction(9, 10)    # the attribution model's defaults


def _rg(q=Q, r=RF):
    return RepeatedGame(PD, noisy_attribution(PD, q, r))


def _hand_values(K, L, cap, q, r, delta):
    """Values from the rules as stated in the docstring, written out as a Markov chain by hand.

    Joint states: "c" and (i, m). On the path nobody attacks, so each state is blamed with
    probability r, independently; u(c) = (R, R), u(i punished) = S for i and T for the other.
    """
    states = ["c"] + [(i, m) for i in (0, 1) for m in range(1, cap + 1)]
    index = {s: k for k, s in enumerate(states)}
    blame = {(b0, b1): (r if b0 else 1 - r) * (r if b1 else 1 - r) for b0 in (0, 1) for b1 in (0, 1)}
    rows, rhs = [], {0: [], 1: []}
    for s in states:
        row = [Fraction(0)] * len(states)
        row[index[s]] += 1
        for (b0, b1), p in blame.items():
            if s == "c":
                nxt = (0, K) if (b0, b1) == (1, 0) else (1, K) if (b0, b1) == (0, 1) else "c"
            else:
                i, m = s
                left = min(m - 1 + L, cap) if (b0, b1)[i] else m - 1
                nxt = (i, left) if left else "c"
            row[index[nxt]] -= delta * p
        rows.append(row)
        for player in (0, 1):
            u = R if s == "c" else (S if s[0] == player else T)
            rhs[player].append((1 - delta) * u)
    return tuple(solve(rows, rhs[player])[0] for player in (0, 1))


def test_automaton_follows_the_documented_rules():
    first, second = targeted_retaliation(2, 3, 4)
    assert first.states == ("cooperate",) + tuple(f"punish {p} {m}" for p in "01" for m in range(1, 5))
    assert [first.action(s) for s in ("cooperate", "punish 0 1", "punish 1 1")] == ["C", "C", "D"]
    assert [second.action(s) for s in ("cooperate", "punish 0 1", "punish 1 1")] == ["C", "D", "C"]
    step = first.next_state
    assert step("cooperate", ()) == step("cooperate", ("0", "1")) == "cooperate"   # nobody singled out
    assert step("cooperate", ("0",)) == "punish 0 2"                                # K rounds
    assert step("punish 0 2", ("0",)) == "punish 0 4"                               # 2 - 1 + 3, capped at 4
    assert step("punish 0 2", ("1",)) == "punish 0 1"                               # punisher's blame ignored
    assert step("punish 0 1", ()) == "cooperate"
    assert all(first.next_state(s, y) == second.next_state(s, y)
               for s in first.states for y in ((), ("0",), ("1",), ("0", "1")))


@pytest.mark.parametrize("args, words", [((0, 1, 1), "K"), ((2, -1, 2), "L"), ((3, 1, 2), "cap"),
                                         ((1.5, 1, 2), "K"), ((1, True, 2), "L")])
def test_bad_parameters_name_the_argument(args, words):
    with pytest.raises(AutomatonError, match=words):
        targeted_retaliation(*args)


def test_bad_player_labels():
    with pytest.raises(AutomatonError, match="players"):
        targeted_retaliation(1, 1, 1, players=("0", "0"))


def test_an_exact_ppe_at_the_attribution_defaults_worth_close_to_R():
    # Defaults of models.attribution: PD 5, 3, 1, 0, q = 4/5, r = 1/10, delta = 9/10. K = 1, L = 2,
    # cap = 2 is a PPE; its value is checked against the hand-built chain above (a second method).
    profile = targeted_retaliation(1, 2, 2)
    check = check_equilibrium(_rg(), profile, DELTA)
    assert check.holds and all(isinstance(g, (int, Fraction)) for g in check.best_gains)
    assert verify(check)
    value = values(_rg(), profile, DELTA).initial
    assert value == _hand_values(1, 2, 2, Q, RF, DELTA)
    assert value[0] == value[1] and Fraction(29, 10) < value[0] < R   # within 0.1 of R
    assert DELTA in sustainable_discount_factors(_rg(), profile)


@pytest.mark.slow
def test_its_value_lies_in_the_inner_payoff_set():
    # The payoff set engine brackets V between inner and outer; a PPE value is in V, so it lies in
    # the outer set and within the Hausdorff gap of the inner set, and inside the inner set once
    # the bracket has converged.
    value = tuple(float(v) for v in values(_rg(), targeted_retaliation(1, 2, 2), DELTA).initial)
    payoff_set = equilibrium_payoff_set(_rg(), DELTA)
    assert payoff_set.outer.contains(value, tol=1e-6)
    assert payoff_set.inner.distance(value) <= payoff_set.hausdorff + 1e-6
    if payoff_set.hausdorff <= 1e-3:
        assert payoff_set.inner.contains(value, tol=1e-3)


def _necessary(q, r, delta):
    """The punished state's incentive at its deepest punishment level, bounded above (see below)."""
    return (1 - delta * r) * (P - S) <= delta * (q - r) * (R - S)


# Derivation (a condition for this family of profiles only, not for the game). Let M be the
# deepest reachable punishment level; L >= 1 is needed (with L = 0 attacking while punished costs
# nothing), and then a further blame keeps the level at M. Restraining there gives
# V(M) = (1 - d) S + d [(1 - r) V(M-1) + r V(M)], attacking (1 - d) P + d [(1 - q) V(M-1) + q V(M)],
# so the gain is (1 - d)(P - S) - d (q - r)(V(M-1) - V(M)) with V(M-1) - V(M) = (1 - d)(V(M-1) - S)/(1 - d r).
# V(M-1) <= V(cooperate) <= R (symmetric values summing to at most 2R), hence restraint needs
# (1 - d r)(P - S) <= d (q - r)(R - S). At r = 1/10 and any d < 1 this fails for q <= 2/5, above
# the q = 14/45 below which the collective trigger of models.attribution fails.
@given(st.fractions(Fraction(1, 10), 1, max_denominator=20), st.fractions(Fraction(1, 2), Fraction(99, 100),
                                                                           max_denominator=100),
       st.integers(1, 3), st.integers(0, 3), st.integers(0, 2))
@settings(max_examples=25, deadline=None)
def test_targeted_retaliation_needs_the_punished_to_fear_more_blame(q, delta, K, L, extra):
    profile = targeted_retaliation(K, L, K + extra)
    if not (L >= 1 and _necessary(q, RF, delta)):
        assert not check_equilibrium(_rg(q), profile, delta).holds


@pytest.mark.parametrize("q", [Fraction(3, 10), Fraction(2, 5)])
def test_below_two_fifths_no_targeted_retaliation_works_at_any_delta(q):
    # q = 3/10 < 14/45: the collective trigger fails at every delta, and by the bound above so does
    # every targeted retaliation. Certificates: exact empty delta-sets over a grid of K, L, cap.
    assert not _necessary(q, RF, Fraction(999999, 1000000))
    for K, L, cap in [(1, 1, 1), (1, 2, 2), (2, 1, 2), (2, 3, 4), (3, 2, 3)]:
        assert sustainable_discount_factors(_rg(q), targeted_retaliation(K, L, cap)).is_empty


def test_just_above_the_bound_some_targeted_retaliation_is_a_ppe():
    # q = 1/2: (1 - d/10) <= d (2/5)(3) holds for d >= 10/13; K = 2, L = 1 is a PPE from about 0.895.
    delta_set = sustainable_discount_factors(_rg(Fraction(1, 2)), targeted_retaliation(2, 1, 2))
    assert not delta_set.is_empty and _necessary(Fraction(1, 2), RF, delta_set.infimum)
    assert Fraction(19, 20) in delta_set


def test_below_14_45_a_trigger_on_blame_of_both_still_deters():
    # The 14/45 of models.attribution belongs to punishing for ever after *any* blame. Punishing
    # only when both states are blamed (probability r^2 on the path, q r after a lone attack)
    # deters iff (1 - d)(T - R) <= d (q r - r^2)(V - P) with V - P = (1 - d)(R - P)/(1 - d (1 - r^2)),
    # i.e. d >= (T - R)/((T - R)(1 - r^2) + r (q - r)(R - P)); at q = 3/10, r = 1/10:
    # 2 / (2 * 99/100 + 1/10 * 2/10 * 2) = 2 / (202/100) = 100/101. By hand, derived here.
    from cybergames import trigger_on_signal
    both = trigger_on_signal([("0", "1")])
    delta_set = sustainable_discount_factors(_rg(Fraction(3, 10)), (both, both))
    (interval,) = delta_set.intervals
    assert (interval.lower, interval.upper, interval.lower_closed) == (Fraction(100, 101), 1, True)


def test_escalation_to_war_at_the_cap_follows_the_documented_rules():
    # K = 2, L = 2, cap = 3, war = 2 (docstring of targeted_retaliation): in "punish 1 3" a blame of 1
    # would leave 3 - 1 + 2 = 4 > cap rounds, so both attack for 2 rounds, then punishment resumes at cap;
    # in "punish 1 1" a blame leaves 1 - 1 + 2 = 2 <= cap rounds, no war. Blame of the punisher is ignored.
    first, second = targeted_retaliation(2, 2, 3, war=2)
    assert first.num_states == 1 + 2 * (3 + 2)
    assert first.next_state("punish 1 3", ("1",)) == "war 1 2"
    assert first.next_state("punish 1 2", ("0", "1")) == "punish 1 3"       # 2 - 1 + 2 = 3 <= cap: no war
    assert first.next_state("punish 1 1", ("1",)) == "punish 1 2"
    assert first.next_state("punish 1 3", ("0",)) == "punish 1 2"
    assert [first.next_state(f"war 1 {w}", ()) for w in (2, 1)] == ["war 1 1", "punish 1 3"]
    assert first.action("war 1 1") == second.action("war 1 1") == "D"
    with pytest.raises(AutomatonError, match="war"):
        targeted_retaliation(1, 1, 1, war=-1)


def test_without_war_the_profile_is_unchanged():
    plain, escalating = targeted_retaliation(2, 3, 4), targeted_retaliation(2, 3, 4, war=0)
    assert plain[0].num_states == escalating[0].num_states == 9
    for state in plain[0].states:
        for y in ((), ("0",), ("1",), ("0", "1")):
            assert plain[0].next_state(state, y) == escalating[0].next_state(state, y)


def test_with_three_players_the_lone_blamed_state_restrains_while_the_others_attack():
    profile = targeted_retaliation(1, 1, 2, players=("a", "b", "c"))
    assert [a.action("punish b 1") for a in profile] == ["D", "C", "D"]
    assert profile[0].next_state("cooperate", ("b",)) == "punish b 1"
    assert profile[0].next_state("cooperate", ("a", "b")) == "cooperate"    # two blamed single out nobody
    assert profile[2].next_state("punish b 1", ("a", "c")) == "cooperate"   # the punishers' blame is ignored
    assert profile[2].next_state("punish b 1", ("b",)) == "punish b 1"     # min(1 - 1 + 1, 2)
    with pytest.raises(AutomatonError, match="players"):
        targeted_retaliation(1, 1, 1, players=("a", "b", "a"))
