"""Symbolic sustainability conditions: solved for delta, simplified under assumptions, vectorised."""

from fractions import Fraction

import numpy as np
import pytest
import sympy

from cybergames import NormalFormGame, prisoners_dilemma, public_goods
from cybergames.errors import DiscountFactorError, ParameterError
from cybergames.repeated import (DELTA, DeltaCondition, DeltaSet, RepeatedGame, critical_discount_factor,
                                 forgiving_trigger, grim_trigger, limited_punishment,
                                 sustainable_discount_factors, tit_for_tat, win_stay_lose_shift)

from .repeated_helpers import grim_with_a_clock

T, R, P, S = sympy.symbols("T R P S")
PD_ASSUMPTIONS = [T > R, R > P, P > S]
NUMBERS = [(5, 3, 1, 0), (6, 4, 2, 0), (4, 3, 1, 0), (7, 5, 2, -1), (Fraction(9, 2), 4, 1, 0)]


def symbolic_pd():
    return RepeatedGame(prisoners_dilemma(T, R, P, S))


def both(automaton):
    return (automaton, automaton)


def condition_of(profile, **kwargs):
    kwargs.setdefault("assumptions", PD_ASSUMPTIONS)
    return sustainable_discount_factors(symbolic_pd(), profile, **kwargs)


def test_grim_trigger_condition_is_delta_at_least_T_minus_R_over_T_minus_P():
    # Mailath & Samuelson (2006), ch. 2: grim trigger is subgame perfect iff delta >= (T - R)/(T - P).
    result = condition_of(both(grim_trigger()))
    assert isinstance(result, DeltaCondition)
    assert result.condition == sympy.Ge(DELTA, (T - R) / (T - P))
    assert sympy.simplify(result.condition.rhs - (T - R) / (T - P)) == 0
    assert result.delta == sympy.Symbol("delta")
    assert critical_discount_factor(symbolic_pd(), both(grim_trigger()), assumptions=PD_ASSUMPTIONS) \
        == (T - R) / (T - P)


def test_a_users_own_delta_symbol():
    d = sympy.Symbol("d", positive=True)
    result = condition_of(both(grim_trigger()), delta=d)
    assert result.condition == sympy.Ge(d, (T - R) / (T - P))


def test_without_assumptions_the_sign_of_T_minus_P_stays_open():
    result = sustainable_discount_factors(symbolic_pd(), both(grim_trigger()))
    assert result.threshold is None
    assert result.condition.subs({T: 5, R: 3, P: 1, S: 0, DELTA: sympy.Rational(1, 2)}) == sympy.true
    assert result.condition.subs({T: 5, R: 3, P: 1, S: 0, DELTA: sympy.Rational(49, 100)}) == sympy.false
    with pytest.raises(DiscountFactorError, match="not of the form"):
        critical_discount_factor(symbolic_pd(), both(grim_trigger()))


def test_tit_for_tat_condition_holds_exactly_where_both_bounds_meet():
    # By hand (see test_delta_sets): d = (T - R)/(R - S) and d = (P - S)/(T - P) together.
    result = condition_of(both(tit_for_tat()))
    a, b = (T - R) / (R - S), (P - S) / (T - P)
    expected = sympy.And(DELTA >= a, DELTA <= a, DELTA >= b, DELTA <= b)
    for values in NUMBERS:
        point = dict(zip((T, R, P, S), map(sympy.nsimplify, values)))
        for d in (sympy.Rational(1, 3), sympy.Rational(1, 2), sympy.Rational(2, 3)):
            point[DELTA] = d
            assert result.condition.subs(point) == expected.subs(point)
    assert result.subs({T: 6, R: 4, P: 2, S: 0}).points == (Fraction(1, 2),)


def test_win_stay_lose_shift_condition():
    # Nowak & Sigmund (1993); by hand (see test_delta_sets): d >= (T - R)/(R - P).
    result = condition_of(both(win_stay_lose_shift()))
    assert sympy.simplify(result.threshold - (T - R) / (R - P)) == 0


def test_two_period_punishment_is_solved_as_a_quadratic():
    # (R - P)(d + d^2) >= T - R: the positive root of (R - P) d^2 + (R - P) d - (T - R).
    result = condition_of(both(limited_punishment(2)))
    root = (-(R - P) + sympy.sqrt((R - P) ** 2 + 4 * (R - P) * (T - R))) / (2 * (R - P))
    assert result.threshold is not None and result.threshold.has(sympy.sqrt(T).func)
    for values in NUMBERS:
        point = dict(zip((T, R, P, S), values))
        assert sympy.simplify(result.threshold.subs(point) - root.subs(point)) == 0
        numeric = critical_discount_factor(RepeatedGame(prisoners_dilemma(*values)), both(limited_punishment(2)))
        assert sympy.simplify(result.threshold.subs(point) - numeric) == 0


def test_three_period_punishment_stays_a_polynomial_inequality():
    # degree three in delta: T - R <= (R - P)(d + d^2 + d^3), left as the polynomial inequality
    result = condition_of(both(limited_punishment(3)))
    assert result.threshold is None
    relation = result.condition
    assert isinstance(relation, sympy.LessThan) and relation.rhs == 0
    assert sympy.expand(relation.lhs - ((T - R) - (R - P) * (DELTA + DELTA ** 2 + DELTA ** 3))) == 0


def test_forgiving_trigger_with_a_symbolic_forgiveness_probability():
    # By hand (see test_delta_sets): d >= (T - R)/(T - P - p (T - R)).
    p = sympy.Symbol("p")
    result = condition_of(both(forgiving_trigger(p)), assumptions=PD_ASSUMPTIONS + [p >= 0, p <= 1])
    assert sympy.simplify(result.threshold - (T - R) / (T - P - p * (T - R))) == 0


def test_public_goods_threshold_with_a_symbolic_multiplier():
    # By hand (see test_delta_sets): d >= (n - m)/(m (n - 1)); with five states and m, c symbolic.
    m, c = sympy.symbols("m c")
    rg = RepeatedGame(public_goods(5, m, c))
    result = sustainable_discount_factors(rg, tuple(grim_trigger() for _ in range(5)),
                                          assumptions=[m > 1, m < 5, c > 0])
    assert sympy.simplify(result.threshold - (5 - m) / (4 * m)) == 0


def test_per_player_symbolic_conditions():
    # Row's temptation T, column's temptation U; row's grim-trigger condition involves only T.
    U = sympy.Symbol("U")
    game = NormalFormGame([[[R, S], [T, P]], [[R, U], [S, P]]], actions=[["C", "D"], ["C", "D"]])
    rg = RepeatedGame(game)
    facts = PD_ASSUMPTIONS + [U > R]
    assert critical_discount_factor(rg, both(grim_trigger()), player=0, assumptions=facts) == (T - R) / (T - P)
    assert critical_discount_factor(rg, both(grim_trigger()), player=1, assumptions=facts) == (U - R) / (U - P)


def test_substituting_values_gives_the_exact_set():
    result = condition_of(both(grim_trigger()))
    numeric = result.subs({T: 5, R: 3, P: 1, S: 0})
    assert isinstance(numeric, DeltaSet) and numeric.infimum == Fraction(1, 2)
    partial = result.subs({T: 5})
    assert isinstance(partial, DeltaCondition)
    assert sympy.simplify(partial.threshold - (5 - R) / (5 - P)) == 0


def test_lambdify_evaluates_the_condition_over_arrays():
    result = condition_of(both(grim_trigger()))
    f = result.lambdify(T, R, P, S)
    rng = np.random.default_rng(1)
    size = 10_000
    s = rng.uniform(-5, 0, size)
    p = s + rng.uniform(0.1, 3, size)
    r = p + rng.uniform(0.1, 3, size)
    t = r + rng.uniform(0.1, 3, size)
    d = rng.uniform(0, 1, size)
    assert np.array_equal(f(t, r, p, s, d), d >= (t - r) / (t - p))
    assert f(5, 3, 1, 0, 0.5).shape == () and bool(f(5, 3, 1, 0, 0.5))


def test_lambdify_of_a_condition_that_always_holds_broadcasts():
    from cybergames.repeated import always_defect
    result = condition_of(both(always_defect()))
    assert result.condition == sympy.true and result.threshold == 0
    f = result.lambdify(T, R, P, S)
    assert f(np.zeros(3), 1, 2, 3, 0.5).tolist() == [True, True, True]


def test_bad_symbolic_arguments():
    with pytest.raises(ParameterError, match="assumptions"):
        condition_of(both(grim_trigger()), assumptions=["T > R"])
    with pytest.raises(ParameterError, match="delta"):
        condition_of(both(grim_trigger()), delta=T)
    with pytest.raises(ParameterError, match="delta"):
        condition_of(both(grim_trigger()), delta="delta")
    result = condition_of(both(grim_trigger()))
    with pytest.raises(ParameterError, match="depends on"):
        result.lambdify(T, R)
    with pytest.raises(ParameterError, match="expected 5 arrays"):
        result.lambdify(T, R, P, S)(1, 2, 3)


def test_positive_factors_in_delta_are_divided_out():
    # grim trigger with clocks of periods 3 and 2 (12 joint states): the constraint polynomials carry
    # factors such as 1 + d^2 + d^4 > 0 on [0, 1), which are dropped, leaving grim trigger's condition
    profile = (grim_with_a_clock(3), grim_with_a_clock(2))
    assert condition_of(profile).condition == sympy.Ge(DELTA, (T - R) / (T - P))


def test_too_many_joint_states_for_a_symbolic_condition():
    from cybergames.repeated import Automaton
    clock = Automaton(list(range(7)), 0, {k: "C" for k in range(7)}, lambda w, y: (w + 1) % 7)
    other = Automaton(list(range(5)), 0, {k: "C" for k in range(5)}, lambda w, y: (w + 1) % 5)
    with pytest.raises(ParameterError, match="at most 32"):
        condition_of((clock, other))
