"""Deterrence under imperfect attribution: grim trigger on a public blame signal, exact and symbolic.

Both states play C while no one is blamed and D for ever after a blame. With
detection q (a defector is blamed with probability q) and false flags r (a
cooperator is blamed with probability r), independently across the two players
(Baliga, Bueno de Mesquita & Wolitzky, APSR 2020, for the attribution model).

Derived by hand. On the path nobody is blamed with probability s0 = (1 - r)^2;
after a defection by one player with probability s1 = (1 - q)(1 - r). With
V the cooperative value and P the punishment value,

    V - P = (1 - d)(R - P)/(1 - d s0),

and the deviation does not pay iff (1 - d) T + d P + d s1 (V - P) <= V, i.e.

    (1 - d)(T - P) <= (1 - d s1)(V - P)  <=>  (T - P)(1 - d s0) <= (R - P)(1 - d s1)
                                          <=>  d [(T - P) s0 - (R - P) s1] >= T - R.

So cooperation is a perfect public equilibrium iff
    d >= (T - R) / ((T - P)(1 - r)^2 - (R - P)(1 - q)(1 - r)),
which needs the denominator to exceed T - R (for some d < 1). In the punishment
state D is a stage best response and the future ignores the signal.
"""

from fractions import Fraction

import numpy as np
import pytest
import sympy

from cybergames import prisoners_dilemma, verify
from cybergames.repeated import (DELTA, RepeatedGame, check_equilibrium, critical_discount_factor,
                                 noisy_attribution, sustainable_discount_factors, trigger_on_signal)

T, R, P, S = 5, 3, 1, 0


def blame():
    return trigger_on_signal(lambda signal: len(signal) > 0)


def attribution_game(q, r, payoffs=(T, R, P, S)):
    game = prisoners_dilemma(*payoffs)
    return RepeatedGame(game, noisy_attribution(game, detect=q, false_flag=r))


def closed_form(q, r, T=T, R=R, P=P):
    denominator = (T - P) * (1 - r) ** 2 - (R - P) * (1 - q) * (1 - r)
    return None if denominator <= T - R else Fraction(T - R) / denominator


@pytest.mark.parametrize("q, r", [(Fraction(9, 10), Fraction(1, 10)), (1, 0), (Fraction(1, 2), 0),
                                  (Fraction(3, 4), Fraction(1, 20)), (Fraction(99, 100), Fraction(1, 100))])
def test_grim_trigger_on_blame_matches_the_closed_form(q, r):
    rg = attribution_game(q, r)
    expected = closed_form(q, r)
    delta_set = sustainable_discount_factors(rg, (blame(), blame()))
    # with q = 1 and r = 0 the blame reveals the actions: perfect monitoring in disguise
    assert delta_set.concept == ("subgame perfect" if (q, r) == (1, 0) else "perfect public")
    assert expected is not None
    assert critical_discount_factor(rg, (blame(), blame())) == expected
    assert delta_set.intervals[0].lower_closed
    assert check_equilibrium(rg, (blame(), blame()), expected).holds
    assert not check_equilibrium(rg, (blame(), blame()), expected - Fraction(1, 10**6)).holds
    assert verify(delta_set)


def test_perfect_attribution_is_the_textbook_grim_trigger():
    # q = 1, r = 0: the blame signal reveals exactly who defected: (T - R)/(T - P) = 1/2.
    assert closed_form(1, 0) == Fraction(1, 2)


def test_cooperation_becomes_impossible_as_detection_falls():
    # r = 1/10: the denominator 3.24 - 1.8 (1 - q) exceeds T - R = 2 iff q > 14/45 (by hand).
    r = Fraction(1, 10)
    q_star = Fraction(14, 45)
    assert (T - P) * (1 - r) ** 2 - (R - P) * (1 - q_star) * (1 - r) == T - R
    thresholds = []
    for q in (Fraction(9, 10), Fraction(7, 10), Fraction(1, 2), Fraction(2, 5), q_star + Fraction(1, 1000)):
        star = critical_discount_factor(attribution_game(q, r), (blame(), blame()))
        assert star == closed_form(q, r)
        thresholds.append(star)
    assert thresholds == sorted(thresholds) and thresholds[-1] < 1
    for q in (q_star, q_star - Fraction(1, 1000), Fraction(1, 10)):
        assert sustainable_discount_factors(attribution_game(q, r), (blame(), blame())).is_empty


def test_cooperation_becomes_impossible_as_false_flags_rise():
    q = Fraction(9, 10)
    thresholds = [critical_discount_factor(attribution_game(q, r), (blame(), blame()))
                  for r in (0, Fraction(1, 20), Fraction(1, 10), Fraction(1, 5))]
    assert thresholds == sorted(thresholds)
    # (T - P)(1 - r)^2 - (R - P)(1 - q)(1 - r) = T - R at q = 9/10: 4 x^2 - x/5 - 2 = 0 with x = 1 - r,
    # x = (1/5 + sqrt(1/25 + 32))/8 ~ 0.73255; so r* = 1 - x ~ 0.26745. Above it, no discount factor works.
    x = (Fraction(1, 5) + sympy.sqrt(Fraction(1, 25) + 32)) / 8
    r_star = float(1 - x)
    assert 0.2674 < r_star < 0.2675
    assert sustainable_discount_factors(attribution_game(q, Fraction(2674, 10000)), (blame(), blame())).intervals
    assert sustainable_discount_factors(attribution_game(q, Fraction(2675, 10000)), (blame(), blame())).is_empty


def test_the_boundary_in_q_r_delta_is_computed_symbolically():
    q, r = sympy.symbols("q r")
    condition = sustainable_discount_factors(attribution_game(q, r), (blame(), blame()),
                                             assumptions=[q > r, r >= 0, q <= 1, r < 1])
    threshold = condition.threshold
    assert threshold is not None
    by_hand = sympy.Rational(T - R) / ((T - P) * (1 - r) ** 2 - (R - P) * (1 - q) * (1 - r))
    assert sympy.simplify(threshold - by_hand) == 0
    assert condition.condition == sympy.Ge(DELTA, threshold)
    # the library's boundary evaluated over a grid of (q, r, delta) equals the hand formula
    f = condition.lambdify(q, r)
    grid_q, grid_r, grid_d = np.meshgrid(np.linspace(0.05, 1, 20), np.linspace(0, 0.04, 5), np.linspace(0, 0.99, 34))
    mask = grid_q > grid_r
    denominator = (T - P) * (1 - grid_r) ** 2 - (R - P) * (1 - grid_q) * (1 - grid_r)
    expected = grid_d * denominator >= T - R
    assert np.array_equal(f(grid_q, grid_r, grid_d)[mask], expected[mask])
    # substituting numbers gives the exact set
    numeric = condition.subs({q: Fraction(9, 10), r: Fraction(1, 10)})
    assert numeric.infimum == closed_form(Fraction(9, 10), Fraction(1, 10))


def test_fully_symbolic_attribution_condition_reduces_to_the_closed_form():
    Ts, Rs, Ps, Ss, q, r = sympy.symbols("T R P S q r")
    rg = attribution_game(q, r, (Ts, Rs, Ps, Ss))
    condition = sustainable_discount_factors(rg, (blame(), blame()),
                                             assumptions=[Ts > Rs, Rs > Ps, Ps > Ss, r >= 0, r < 1, q <= 1])
    # the sign of the denominator depends on (q, r) and the payoffs: a case split, which substituting
    # values resolves to the closed form
    values = {Ts: 5, Rs: 3, Ps: 1, Ss: 0, q: sympy.Rational(3, 4), r: sympy.Rational(1, 20)}
    assert condition.subs(values).infimum == closed_form(Fraction(3, 4), Fraction(1, 20))
    point = dict(values)
    star = closed_form(Fraction(3, 4), Fraction(1, 20))
    for d, holds in ((star, True), (star - Fraction(1, 1000), False)):
        point[DELTA] = sympy.Rational(d.numerator, d.denominator)
        assert bool(condition.condition.subs(point)) is holds
