"""Sustainable discount factors: the textbook profiles, exact and float, and the critical discount factor."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, prisoners_dilemma, public_goods, verify
from cybergames.errors import DiscountFactorError
from cybergames.repeated import (DELTA, Automaton, Interval, JointAutomaton, Monitoring, RepeatedGame,
                                 always_cooperate, always_defect, check_equilibrium, critical_discount_factor,
                                 forgiving_trigger, grim_trigger, limited_punishment, sustainable_discount_factors,
                                 tit_for_tat, win_stay_lose_shift)

from cybergames.repeated import _polynomials
from cybergames.repeated import joint as _joint
from cybergames.strategies import automaton_profiles, repeated_games

from .repeated_helpers import grim_with_a_clock


def pd(T=5, R=3, P=1, S=0):
    return RepeatedGame(prisoners_dilemma(T, R, P, S))


def both(automaton):
    return (automaton, automaton)


# ----------------------------------------------------------------------------- grim trigger
def test_grim_trigger_threshold_is_one_half_in_axelrods_dilemma():
    # Mailath & Samuelson, Repeated Games and Reputations (2006), ch. 2 (grim trigger);
    # Axelrod, The Evolution of Cooperation (1984), ch. 1: T, R, P, S = 5, 3, 1, 0.
    # By hand: cooperating pays R = 3; defecting pays (1 - d) T + d P = 5 - 4d; 3 >= 5 - 4d iff d >= 1/2.
    # In the punishment state D is a stage best response and the future does not depend on it.
    delta_set = sustainable_discount_factors(pd(), both(grim_trigger()))
    assert delta_set.intervals == (Interval(Fraction(1, 2), Fraction(1), True, False),)
    star = critical_discount_factor(pd(), both(grim_trigger()))
    assert star == Fraction(1, 2) and isinstance(star, Fraction)
    assert Fraction(1, 2) in delta_set and Fraction(1, 2) - Fraction(1, 10**9) not in delta_set
    assert delta_set.concept == "subgame perfect" and delta_set.kind == "exact"
    assert verify(delta_set)


@pytest.mark.parametrize("T, R, P, S", [(5, 3, 1, 0), (3, 2, 0, -1), (10, 9, 1, 0), (Fraction(7, 2), 3, 1, 0)])
def test_grim_trigger_threshold_is_T_minus_R_over_T_minus_P(T, R, P, S):
    # Mailath & Samuelson (2006), ch. 2: grim trigger is an SPE iff delta >= (T - R)/(T - P).
    expected = Fraction(T - R) / Fraction(T - P)
    assert critical_discount_factor(pd(T, R, P, S), both(grim_trigger())) == expected
    # the float path agrees to its tolerance
    floats = pd(*map(float, (T, R, P, S)))
    assert critical_discount_factor(floats, both(grim_trigger())) == pytest.approx(float(expected), abs=1e-9)


# ----------------------------------------------------------------------------- tit-for-tat
def _tit_for_tat_bounds(T, R, P, S):
    # Derived by hand (Mailath & Samuelson 2006, ch. 2, tit-for-tat): the joint states are the action
    # profiles last played reversed. Player 1's one-shot constraints:
    #   at CC: R >= (1-d) T + d (S + d T)/(1 + d)      <=>  d >= (T - R)/(R - S)
    #   at DC (1 plays D, 2 plays C, i.e. 1 is being punished... 1 gets T, then S, alternating):
    #          (T + d S)/(1 + d) >= R                   <=>  d <= (T - R)/(R - S)
    #   at CD: (S + d T)/(1 + d) >= P                   <=>  d >= (P - S)/(T - P)
    #   at DD: P >= (1-d) S + d (T + d S)/(1 + d)       <=>  d <= (P - S)/(T - P)
    return Fraction(T - R, R - S), Fraction(P - S, T - P)


def test_tit_for_tat_is_never_subgame_perfect_in_axelrods_dilemma():
    # (5, 3, 1, 0): the bounds are 2/3 and 1/4, which differ: no discount factor works.
    a, b = _tit_for_tat_bounds(5, 3, 1, 0)
    assert (a, b) == (Fraction(2, 3), Fraction(1, 4))
    delta_set = sustainable_discount_factors(pd(), both(tit_for_tat()))
    assert delta_set.is_empty and delta_set.intervals == ()
    for delta in (Fraction(1, 4), Fraction(2, 3), Fraction(9, 10)):
        assert not check_equilibrium(pd(), both(tit_for_tat()), delta).holds
    with pytest.raises(DiscountFactorError, match="no discount factor"):
        critical_discount_factor(pd(), both(tit_for_tat()))
    assert verify(delta_set)


def test_tit_for_tat_is_subgame_perfect_at_a_single_point_when_the_bounds_meet():
    # Payoffs chosen by hand so that (T - R)/(R - S) = (P - S)/(T - P) = 1/2: S = 0, T = 3R/2, P = T/3.
    # With R = 4: T = 6, P = 2 (a prisoner's dilemma: 6 > 4 > 2 > 0 and 2R = 8 > T + S = 6).
    assert _tit_for_tat_bounds(6, 4, 2, 0) == (Fraction(1, 2), Fraction(1, 2))
    delta_set = sustainable_discount_factors(pd(6, 4, 2, 0), both(tit_for_tat()))
    assert delta_set.intervals == (Interval(Fraction(1, 2), Fraction(1, 2), True, True),)
    assert delta_set.points == (Fraction(1, 2),) and delta_set.intervals[0].is_degenerate
    assert Fraction(1, 2) in delta_set
    assert Fraction(1, 2) + Fraction(1, 10**12) not in delta_set and Fraction(1, 2) - Fraction(1, 10**12) not in delta_set
    assert check_equilibrium(pd(6, 4, 2, 0), both(tit_for_tat()), Fraction(1, 2)).holds
    with pytest.raises(DiscountFactorError, match="isolated point"):
        critical_discount_factor(pd(6, 4, 2, 0), both(tit_for_tat()))
    assert verify(delta_set)


def test_the_single_point_survives_the_float_path():
    delta_set = sustainable_discount_factors(pd(6.0, 4.0, 2.0, 0.0), both(tit_for_tat()))
    assert len(delta_set.intervals) == 1 and delta_set.intervals[0].is_degenerate
    assert delta_set.intervals[0].lower == pytest.approx(0.5, abs=1e-9)
    assert delta_set.kind == "float" and delta_set.tol == 1e-9
    assert verify(delta_set)


def test_tit_for_tat_bounds_at_other_payoffs_where_they_meet():
    # Another meeting point, found by hand: S = 0, P = 1, T - P = 3 (T = 4) gives (P - S)/(T - P) = 1/3;
    # (T - R)/(R - S) = 1/3 <=> 3(4 - R) = R <=> R = 3. (4, 3, 1, 0) is a prisoner's dilemma.
    assert _tit_for_tat_bounds(4, 3, 1, 0) == (Fraction(1, 3), Fraction(1, 3))
    delta_set = sustainable_discount_factors(pd(4, 3, 1, 0), both(tit_for_tat()))
    assert delta_set.points == (Fraction(1, 3),) and len(delta_set.intervals) == 1


# ----------------------------------------------------------------------------- Pavlov and k-period punishment
@pytest.mark.parametrize("T, R, P, S", [(4, 3, 1, 0), (5, 4, 1, 0), (3, 2, 0, -1)])
def test_win_stay_lose_shift_threshold(T, R, P, S):
    # Nowak & Sigmund, Nature 364 (1993); derived by hand: both play Pavlov, so the joint states are CC
    # and DD. At CC a defection earns T, then P in the round of mutual defection, then R again:
    #   R >= (1-d) T + d (1-d) P + d^2 R   <=>   d (R - P) >= T - R.
    # At DD, cooperating alone earns S < P and leads to DD again, so it never pays.
    expected = Fraction(T - R, R - P)
    delta_set = sustainable_discount_factors(pd(T, R, P, S), both(win_stay_lose_shift()))
    if expected < 1:
        assert delta_set.intervals == (Interval(expected, Fraction(1), True, False),)
    else:
        assert delta_set.is_empty
    assert verify(delta_set)


def test_win_stay_lose_shift_is_never_an_equilibrium_when_T_minus_R_equals_R_minus_P():
    # (5, 3, 1, 0): T - R = 2 = R - P, so the threshold is 1.
    assert sustainable_discount_factors(pd(), both(win_stay_lose_shift())).is_empty


def test_one_period_punishment_is_the_pavlov_condition():
    # k = 1: T - R <= (R - P) d.
    delta_set = sustainable_discount_factors(pd(4, 3, 1, 0), both(limited_punishment(1)))
    assert delta_set.intervals == (Interval(Fraction(1, 2), Fraction(1), True, False),)


def test_two_period_punishment_threshold_is_a_quadratic_root():
    # Mailath & Samuelson (2006), ch. 2 (finite punishments); by hand: after a defection both defect twice:
    #   R >= (1-d) T + (d - d^3) P + d^3 R  <=>  T - R <= (R - P)(d + d^2).
    # (5, 3, 1, 0): d^2 + d - 1 >= 0, d >= (sqrt(5) - 1)/2 (the golden ratio's inverse).
    star = critical_discount_factor(pd(), both(limited_punishment(2)))
    assert sympy.simplify(star - (sympy.sqrt(5) - 1) / 2) == 0
    assert float(star) == pytest.approx((5 ** 0.5 - 1) / 2, abs=1e-15)
    delta_set = sustainable_discount_factors(pd(), both(limited_punishment(2)))
    below, above = Fraction(618, 1000), Fraction(6181, 10000)   # (sqrt 5 - 1)/2 = 0.61803...
    assert below not in delta_set and above in delta_set
    assert not check_equilibrium(pd(), both(limited_punishment(2)), below).holds
    assert check_equilibrium(pd(), both(limited_punishment(2)), above).holds
    assert verify(delta_set)


def test_longer_punishments_need_less_patience():
    # T - R <= (R - P)(d + ... + d^k): the right side grows with k, so the threshold falls.
    stars = [float(critical_discount_factor(pd(), both(limited_punishment(k)))) for k in (2, 3, 4, 6)]
    assert stars == sorted(stars, reverse=True)
    grim = float(critical_discount_factor(pd(), both(grim_trigger())))
    assert stars[-1] > grim   # finite punishments never beat reversion for ever
    # k = 3 by hand: d + d^2 + d^3 = 1 has the real root found by numpy
    roots = np.roots([1, 1, 1, -1])
    real = [r.real for r in roots if abs(r.imag) < 1e-12 and 0 < r.real < 1]
    assert stars[1] == pytest.approx(real[0], abs=1e-12)


def test_forgiving_trigger_threshold():
    # Derived by hand: punishment ends with probability p each round, so the punishment value is
    # V_p = ((1-d) P + d p R)/(1 - d (1 - p)) and cooperation needs (T - R)(1 - d + d p) <= d (R - P), i.e.
    #   d >= (T - R)/(T - P - p (T - R)).     p = 1/4 in (5, 3, 1, 0): 2/(4 - 1/2) = 4/7.
    star = critical_discount_factor(pd(), both(forgiving_trigger(Fraction(1, 4))))
    assert star == Fraction(4, 7)
    assert critical_discount_factor(pd(), both(forgiving_trigger(0))) == Fraction(1, 2)   # grim trigger
    assert critical_discount_factor(pd(4, 3, 1, 0), both(forgiving_trigger(1))) == Fraction(1, 2)  # one period


# ----------------------------------------------------------------------------- n players
@pytest.mark.parametrize("n, m", [(2, Fraction(3, 2)), (3, 2), (4, 2), (5, 2), (5, 3), (6, Fraction(5, 2))])
def test_public_goods_grim_trigger_threshold(n, m):
    # Derived by hand for u_i = m c k / n - c [i contributes] (k contributors), c = 1: everyone
    # contributing pays c (m - 1); a lone defector gets m c (n - 1)/n, then 0 for ever. Cooperation needs
    #   c (m - 1) >= (1 - d) m c (n - 1)/n   <=>   d >= (n - m)/(m (n - 1)).
    # In the punishment state D is dominant and the future does not depend on it.
    expected = Fraction(n - m) / (m * (n - 1))
    rg = RepeatedGame(public_goods(n, m, 1))
    assert critical_discount_factor(rg, tuple(grim_trigger() for _ in range(n))) == expected


def test_five_state_public_goods_thresholds_increase():
    stars = [critical_discount_factor(RepeatedGame(public_goods(n, 2, 1)), tuple(grim_trigger() for _ in range(n)))
             for n in (3, 4, 5)]
    assert stars == [Fraction(1, 4), Fraction(1, 3), Fraction(3, 8)]
    assert stars == sorted(stars)


# ----------------------------------------------------------------------------- per player, gaps, corner cases
def test_per_player_conditions_in_an_asymmetric_dilemma():
    # Row has temptation 5, column 7 (R = 3, P = 1 for both); grim trigger constraints by hand:
    # row d >= (5 - 3)/(5 - 1) = 1/2, column d >= (7 - 3)/(7 - 1) = 2/3; jointly the larger.
    game = NormalFormGame([[[3, 0], [5, 1]], [[3, 7], [0, 1]]], actions=[["C", "D"], ["C", "D"]])
    rg = RepeatedGame(game)
    assert critical_discount_factor(rg, both(grim_trigger()), player=0) == Fraction(1, 2)
    assert critical_discount_factor(rg, both(grim_trigger()), player=1) == Fraction(2, 3)
    assert critical_discount_factor(rg, both(grim_trigger())) == Fraction(2, 3)
    assert sustainable_discount_factors(rg, both(grim_trigger()), player="1").player == 1


def _gap_profile():
    # Player 0 prefers "a" today (0 against -1), but "b" starts a one-round reward of 5 and then a penalty
    # of -1 for ever. The gain of "b" is, by hand,
    #   g(d) = -(1 - d) + d ((1 - d) 5 - d) = -1 + 6d - 6d^2,
    # positive between the roots 1/2 -+ sqrt(3)/6: the deviation pays only for middling patience.
    # Player 1's payoffs are all zero, so only player 0 has incentives.
    u0 = [[0, 5, -1], [-1, 5, -1]]
    u1 = [[0, 0, 0], [0, 0, 0]]
    game = NormalFormGame([u0, u1], actions=[["a", "b"], ["x", "y", "z"]])
    states = ["calm", "reward", "penalty"]
    output = {"calm": ("a", "x"), "reward": ("a", "y"), "penalty": ("a", "z")}

    def transition(state, signal):
        if state == "calm":
            return "reward" if signal[0] == "b" else "calm"
        return "penalty"

    return RepeatedGame(game), JointAutomaton(states, "calm", output, transition)


def test_a_set_with_a_gap_and_irrational_endpoints():
    rg, joint = _gap_profile()
    delta_set = sustainable_discount_factors(rg, joint)
    low = sympy.Rational(1, 2) - sympy.sqrt(3) / 6
    high = sympy.Rational(1, 2) + sympy.sqrt(3) / 6
    assert len(delta_set.intervals) == 2
    first, second = delta_set.intervals
    assert first.lower == 0 and first.lower_closed and first.upper_closed
    assert sympy.simplify(first.upper - low) == 0 and sympy.simplify(second.lower - high) == 0
    assert second.lower_closed and not second.upper_closed and second.upper == 1
    assert Fraction(1, 5) in delta_set and Fraction(1, 2) not in delta_set and Fraction(4, 5) in delta_set
    with pytest.raises(DiscountFactorError, match="gaps"):
        critical_discount_factor(rg, joint)
    assert verify(delta_set)
    floats = sustainable_discount_factors(RepeatedGame(NormalFormGame(
        [np.array(a, dtype=float) for a in rg.stage.payoffs], actions=rg.stage.actions)), joint)
    assert [x for i in floats.intervals for x in (i.lower, i.upper)] == pytest.approx(
        [0.0, float(low), float(high), 1.0], abs=1e-9)


def test_a_stage_nash_equilibrium_forever_is_sustainable_for_every_delta():
    delta_set = sustainable_discount_factors(pd(), both(always_defect()))
    assert delta_set.intervals == (Interval(Fraction(0), Fraction(1), True, False),)
    assert critical_discount_factor(pd(), both(always_defect())) == 0
    assert sustainable_discount_factors(pd(), both(always_cooperate())).is_empty


def test_the_condition_and_string_forms():
    delta_set = sustainable_discount_factors(pd(), both(grim_trigger()))
    assert str(delta_set) == "[1/2, 1)"
    assert delta_set.condition == sympy.And(DELTA >= sympy.Rational(1, 2), DELTA < 1)
    assert str(sustainable_discount_factors(pd(), both(tit_for_tat()))) == "{}"


def test_the_certificate_reproduces_the_gains():
    rg = pd()
    delta_set = sustainable_discount_factors(rg, both(limited_punishment(2)))
    result = check_equilibrium(rg, both(limited_punishment(2)), Fraction(1, 3))
    gains = {(d.player, d.state, d.deviation): d.gain for d in result.deviations}
    for constraint in delta_set.constraints:
        assert constraint.gain(Fraction(1, 3)) == gains[(constraint.player, constraint.state, constraint.deviation)]


def test_membership_accepts_every_kind_of_number():
    delta_set = sustainable_discount_factors(pd(), both(limited_punishment(2)))
    assert 0.7 in delta_set and 0.6 not in delta_set
    assert sympy.Rational(7, 10) in delta_set
    assert 1 not in delta_set and -0.1 not in delta_set
    assert (sympy.sqrt(5) - 1) / 2 in delta_set
    with pytest.raises(DiscountFactorError):
        sympy.Symbol("x") in delta_set


@pytest.mark.parametrize("periods", [(3, 2), (5, 4), (7, 6)])
def test_redundant_states_do_not_change_the_answer(periods):
    # the clocks multiply the joint states (12, 40 and 84 of them) but not the incentives: [1/2, 1) as for
    # grim trigger; float games with more than 12 joint states are solved exactly from their floats
    profile = tuple(grim_with_a_clock(p) for p in periods)
    exact = sustainable_discount_factors(pd(), profile)
    assert exact.intervals == (Interval(Fraction(1, 2), Fraction(1), True, False),)
    floats = sustainable_discount_factors(pd(5.0, 3.0, 1.0, 0.0), profile)
    assert len(floats.intervals) == 1 and floats.infimum == pytest.approx(0.5, abs=1e-9)
    assert floats.kind == "float"


@pytest.mark.parametrize("k", [11, 12, 16])
def test_long_float_profiles_round_the_exact_endpoints(k):
    # From 13 joint states on, float games are solved exactly on the rationals their floats store
    # and each endpoint is bisected to the float it rounds to: the float set must be the exact
    # set of the same (integer-valued) game, rounded. k = 11 stays on the float polynomial path.
    profile = (limited_punishment(k), limited_punishment(k))
    exact = sustainable_discount_factors(RepeatedGame(prisoners_dilemma(5, 3, 1, 0)), profile)
    floats = sustainable_discount_factors(RepeatedGame(prisoners_dilemma(5.0, 3.0, 1.0, 0.0)), profile)
    assert len(exact.intervals) == len(floats.intervals) == 1
    (e,), (f,) = exact.intervals, floats.intervals
    assert isinstance(f.lower, float) and f.upper == 1
    rounded = float(sympy.N(e.lower, 30))
    if k > 11:                                   # correctly rounded, not merely close
        assert f.lower == rounded
    else:
        assert abs(f.lower - rounded) <= 1e-12


# ----------------------------------------------------------------------------- long float profiles, exactly

def _fraction_chain(c):
    """The float chain with every entry as a Fraction (the exact chain as it was built before ints)."""
    import dataclasses

    from cybergames._numbers import EXACT

    def exact(array):
        out = np.empty(array.shape, dtype=object)
        out.ravel()[:] = [Fraction(float(x)) for x in array.ravel()]
        return out
    return _joint.Chain(dataclasses.replace(c.bound, kind=EXACT), tuple(exact(a) for a in c.payoffs),
                        tuple(exact(a) for a in c.rows), c.own)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_exact_chain_of_a_float_model_keeps_every_constraint(data):
    # The exact chain turns integral floats into ints: the constraints (and the set) must be those
    # of the chain with every entry a Fraction, on games with integral, half-integral and
    # non-dyadic float payoffs and public monitoring.
    rg = data.draw(repeated_games(exact=False, actions=2))
    profile = data.draw(automaton_profiles(rg, max_states=3))
    c = _joint.chain(_joint.bind(rg, profile))
    players = list(range(rg.num_players))
    new, new_d = _polynomials.constraints(_polynomials.exact_chain(c), players)
    old, old_d = _polynomials.constraints(_fraction_chain(c), players)
    assert new == old and list(new_d) == list(old_d)


@settings(max_examples=10, deadline=None)
@given(st.lists(st.integers(-6, 6).map(lambda v: v / 2), min_size=8, max_size=8), st.integers(12, 14))
def test_long_float_profiles_are_the_exact_set_rounded(values, k):
    # limited_punishment(k) has k + 1 states: the float path solves the floats exactly. Its set must
    # be the set of the exact game holding the same (half-integral) payoffs, endpoints rounded.
    payoffs = [[values[0:2], values[2:4]], [values[4:6], values[6:8]]]
    game = NormalFormGame(payoffs, actions=[["C", "D"], ["C", "D"]])
    twin = NormalFormGame([[[Fraction(v) for v in row] for row in p] for p in payoffs], actions=game.actions)
    profile = (limited_punishment(k), limited_punishment(k))
    floats = sustainable_discount_factors(RepeatedGame(game), profile)
    exact = sustainable_discount_factors(RepeatedGame(twin), profile)
    assert len(floats.intervals) == len(exact.intervals)
    for f, e in zip(floats.intervals, exact.intervals):
        assert (f.lower_closed, f.upper_closed) == (e.lower_closed, e.upper_closed)
        assert f.lower == float(sympy.N(e.lower, 30)) and f.upper == float(sympy.N(e.upper, 30))


# ----------------------------------------------------------------------------- constraints that vanish identically

def _random_transitions(states, signals, seed):
    rng = np.random.default_rng(seed)
    return {(s, y): states[rng.integers(len(states))] for s in states for y in signals}


@pytest.mark.parametrize("states", [2, 14])
@pytest.mark.parametrize("scale", [1.0, 0.1])
def test_a_deviation_that_changes_nothing_holds_at_every_delta_in_float_games(states, scale):
    # Player 1's payoff depends only on its opponent's action and player 2's only on its own row
    # choice, which player 1 never changes; the column player's automaton plays '1' in every state.
    # A deviation then changes neither a stage payoff nor a continuation value: every constraint is
    # the zero polynomial and the exact set is [0, 1). In floats the constraints come out as rounding
    # noise (the signal probabilities below do not sum to 1 exactly as dyadic rationals), which
    # must not be read as a sign. 2 joint states take the float polynomial path, 14 the exact one.
    signals = ("y0", "y1", "y2")
    first = Automaton(("s0",), "s0", {"s0": "1"}, {("s0", y): "s0" for y in signals})
    names = tuple(f"s{j}" for j in range(states))
    second = Automaton(names, "s0", {s: "1" for s in names}, _random_transitions(names, signals, states))
    game = NormalFormGame([np.zeros((2, 2)), np.array([[0.0, 0.0], [1.0, 1.0]]) * scale],
                          actions=[["0", "1"], ["0", "1"]])
    table = {("0", "0"): (0.4735859221687824, 0.004842346125493457),
             ("0", "1"): (0.3371782333948314, 0.57781920287229),
             ("1", "0"): (0.5523870811583227, 0.1097079155775478),
             ("1", "1"): (0.5811942588269687, 0.29776233370385186)}
    table = {a: {"y0": p, "y1": q, "y2": 1 - p - q} for a, (p, q) in table.items()}
    rg = RepeatedGame(game, Monitoring(game, signals, table))
    got = sustainable_discount_factors(rg, (first, second))
    assert got.intervals == (Interval(0.0, 1.0, True, False),)
