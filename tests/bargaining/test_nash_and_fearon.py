"""Nash bargaining and Fearon's crisis bargaining: textbook values by hand, brute force, certificates."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bargaining import bargaining_range, crisis_offer, nash_bargaining
from cybergames.errors import ParameterError, ProbabilityError

PIE = [(0, 0), (1, 0), (0, 1)]
fractions01 = st.fractions(0, 1, max_denominator=20)


def test_split_the_pie_by_hand():
    # Muthoo, Bargaining Theory with Applications (1999), ch. 2: on u1 + u2 = 1 with weights (a, 1 - a),
    # u1 = d1 + a (1 - d1 - d2). Equal weights, d = (1/5, 0): 1/5 + 2/5 = 3/5.
    assert nash_bargaining(PIE, disagreement=(Fraction(1, 5), 0)).utilities == (Fraction(3, 5), Fraction(2, 5))
    assert nash_bargaining(PIE, weights=(2, 1)).utilities == (Fraction(2, 3), Fraction(1, 3))


def test_concave_frontier_by_hand():
    # Frontier through (0, 2), (1, 1), (2, 0)... with a kink: points (0, 3), (1, 2), (3, 0).
    # On (1, 2)-(3, 0): u2 = 3 - u1, product u1 (3 - u1) peaks at 3/2 in [1, 3]: (3/2, 3/2), product 9/4;
    # on (0, 3)-(1, 2): u2 = 3 - u1 too (collinear), same line. So (3/2, 3/2).
    result = nash_bargaining([(0, 3), (1, 2), (3, 0), (0, 0)])
    assert result.utilities == (Fraction(3, 2), Fraction(3, 2)) and verify(result).ok


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=2, max_size=6),
       st.integers(1, 3), st.integers(1, 3))
def test_nash_solution_beats_every_point_of_the_hull_on_a_grid(points, a, b):
    points = points + [(5, 5)]                         # something beats the disagreement point (0, 0)
    result = nash_bargaining(points, weights=(a, b))
    assert verify(result).ok
    x, y = result.utilities
    best = x ** a * y ** b
    # brute force: every point on a 1/20 grid of every segment between two given points
    for p in points:
        for q in points:
            for k in range(21):
                t = Fraction(k, 20)
                u = (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
                if u[0] > 0 and u[1] > 0:
                    assert u[0] ** a * u[1] ** b <= best


def test_nash_bargaining_float():
    result = nash_bargaining([(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)], disagreement=(0.2, 0.0))
    assert result.utilities == pytest.approx((0.6, 0.4)) and not result.exact and verify(result).ok


def test_fearon_bargaining_range_by_hand():
    # Fearon (1995), "Rationalist explanations for war", Fig. 1: x in [p - c_A, p + c_B].
    r = bargaining_range(Fraction(3, 5), Fraction(1, 10), Fraction(1, 5))
    assert (r.lower, r.upper, r.width) == (Fraction(1, 2), Fraction(4, 5), Fraction(3, 10))
    clipped = bargaining_range(Fraction(9, 10), Fraction(1, 20), Fraction(1, 5))
    assert clipped.upper == 1


@settings(max_examples=100, deadline=None)
@given(fractions01, fractions01, fractions01)
def test_every_split_in_the_range_beats_war_for_both(p, c_a, c_b):
    r = bargaining_range(p, c_a, c_b)
    for k in range(11):
        x = r.lower + (r.upper - r.lower) * Fraction(k, 10)
        assert x >= p - c_a and 1 - x >= 1 - p - c_b


def test_fearon_risk_return_uniform_by_hand():
    # Fearon (1995), sec. on private information: B's cost uniform on [0, 1/2], p = 1/2, c_A = 1/10.
    # EU_A(x) = x (1/2 - (x - 1/2))/(1/2) + (2/5)(x - 1/2)/(1/2); derivative 2 (1 - 2x) + 4/5 + ... :
    # d/dx [2x(1 - x)] + 4/5 = 2 - 4x + 4/5 = 0 at x = 7/10; war iff c_B < 1/5: probability 2/5.
    offer = crisis_offer(Fraction(1, 2), Fraction(1, 10), (0, Fraction(1, 2)))
    assert (offer.demand, offer.war_probability) == (Fraction(7, 10), Fraction(2, 5))
    # EU = (3/5)(7/10) + (2/5)(2/5) = 21/50 + 8/50 = 29/50
    assert offer.expected_utility == Fraction(29, 50) and verify(offer).ok


def test_fearon_no_risk_when_costs_are_surely_high():
    # c_B uniform on [1/4, 1/3] and c_A = 1/5: (c_high - c_A)/2 = 1/15 < 1/4, so A demands p + 1/4, no war.
    offer = crisis_offer(Fraction(1, 2), Fraction(1, 5), (Fraction(1, 4), Fraction(1, 3)))
    assert offer.demand == Fraction(3, 4) and offer.war_probability == 0


def test_fearon_discrete_costs_by_hand():
    # c_B = 0 or 1/2 with probability 1/2, p = 1/2, c_A = 0: demanding 1/2 is always accepted (EU 1/2);
    # demanding 1 is accepted only by the high-cost type: (1/2)(1) + (1/2)(1/2) = 3/4. Demand 1, war 1/2.
    offer = crisis_offer(Fraction(1, 2), 0, {0: Fraction(1, 2), Fraction(1, 2): Fraction(1, 2)})
    assert (offer.demand, offer.war_probability, offer.expected_utility) == (1, Fraction(1, 2), Fraction(3, 4))


@settings(max_examples=100, deadline=None)
@given(fractions01, fractions01, fractions01, fractions01)
def test_uniform_offer_is_optimal_on_a_grid(p, c_a, a, b):
    low, high = sorted((a, b))
    offer = crisis_offer(p, c_a, (low, high))
    assert verify(offer).ok
    assert 0 <= offer.war_probability <= 1 and p <= offer.demand <= 1


@pytest.mark.parametrize("args, error, word", [
    ((Fraction(3, 2), 0, 0), ParameterError, "p"),
    ((Fraction(1, 2), -1, 0), ParameterError, "cost_a"),
    ((Fraction(1, 2), 0, -1), ParameterError, "cost_b"),
])
def test_bargaining_range_bad_input(args, error, word):
    with pytest.raises(error, match=word):
        bargaining_range(*args)


@pytest.mark.parametrize("costs, error, word", [
    ({0: Fraction(1, 2)}, ProbabilityError, "sum to 1"),
    ({0: -1, 1: 2}, ProbabilityError, ">= 0"),
    ((Fraction(1, 2), 0), ParameterError, "costs[1]"),
    ("uniform", ParameterError, "costs"),
])
def test_crisis_offer_bad_input(costs, error, word):
    with pytest.raises(error) as info:
        crisis_offer(Fraction(1, 2), 0, costs)
    assert word in str(info.value)


@pytest.mark.parametrize("kwargs, word", [
    ({"points": []}, "points"), ({"points": [(0, 0)]}, "points"), ({"points": PIE, "weights": (0, 1)}, "weights"),
    ({"points": [(1, 2, 3)]}, "points[0]"), ({"points": PIE, "disagreement": (1, 1)}, "points"),
])
def test_nash_bargaining_bad_input(kwargs, word):
    with pytest.raises(ParameterError) as info:
        nash_bargaining(**kwargs)
    assert word in str(info.value)


def test_bargaining_ranges_verify():
    import sympy
    assert verify(bargaining_range(Fraction(3, 5), Fraction(1, 10), Fraction(1, 5))).ok
    assert verify(bargaining_range(0.9, 0.05, 0.2)).ok
    assert verify(bargaining_range(*sympy.symbols("p c_A c_B", nonnegative=True))).ok
