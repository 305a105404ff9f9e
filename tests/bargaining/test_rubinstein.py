"""Rubinstein bargaining: Osborne–Rubinstein's shares by hand, monotonicity, the finite horizon's limit."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bargaining import rubinstein, rubinstein_finite
from cybergames.errors import DiscountFactorError, ParameterError

deltas = st.fractions(0, Fraction(99, 100), max_denominator=100)


def test_equal_discount_factors_by_hand():
    # Osborne & Rubinstein, A Course in Game Theory (1994), ch. 7, Prop. 122.1: x* = (1 - d2)/(1 - d1 d2).
    # With d1 = d2 = d this is (1 - d)/(1 - d^2) = 1/(1 + d): at d = 9/10, 10/19 and 9/19.
    result = rubinstein(Fraction(9, 10), Fraction(9, 10))
    assert result.shares == (Fraction(10, 19), Fraction(9, 19))
    # player 2's own proposal mirrors it: y* = (9/19, 10/19); indifference 9/19 = (9/10)(10/19)
    assert result.offers[1] == (Fraction(9, 19), Fraction(10, 19))
    assert verify(result).ok


def test_unequal_discount_factors_by_hand():
    # Same proposition, d1 = 1/2, d2 = 4/5: x1* = (1/5)/(1 - 2/5) = 1/3; x2* = 2/3. The more patient
    # responder gets more than the first proposer. y2* = (1/2)/(3/5) = 5/6 and x2* = (4/5)(5/6) = 2/3.
    result = rubinstein(Fraction(1, 2), Fraction(4, 5))
    assert result.shares == (Fraction(1, 3), Fraction(2, 3))
    assert result.offers[1] == (Fraction(1, 6), Fraction(5, 6))
    assert rubinstein(0.5, 0.8).shares == pytest.approx((1 / 3, 2 / 3))


def test_symbolic_shares():
    d1, d2 = sympy.symbols("delta_1 delta_2")
    share = rubinstein(d1, d2).shares[0]
    assert sympy.simplify(share - (1 - d2) / (1 - d1 * d2)) == 0
    assert verify(rubinstein(d1, d2)).ok


@settings(max_examples=200, deadline=None)
@given(deltas, deltas, deltas)
def test_share_is_monotone_in_each_discount_factor(a, b, c):
    low, high = sorted((a, b))
    # more patience helps the patient player: increasing in d1, decreasing in d2
    assert rubinstein(low, c).shares[0] <= rubinstein(high, c).shares[0]
    assert rubinstein(c, low).shares[0] >= rubinstein(c, high).shares[0]
    assert rubinstein(c, low).shares[1] <= rubinstein(c, high).shares[1]


@settings(max_examples=100, deadline=None)
@given(deltas, deltas, st.integers(1, 30))
def test_finite_horizon_converges_to_rubinstein(d1, d2, horizon):
    # v_t - x* = d1 d2 (v_{t+2} - x*) and |v_{T-1} - x*| <= 1, so the error is at most (d1 d2)^floor((T-1)/2).
    finite = rubinstein_finite(d1, d2, horizon)
    infinite = rubinstein(d1, d2)
    assert abs(finite.shares[0] - infinite.shares[0]) <= (d1 * d2) ** ((horizon - 1) // 2)
    assert verify(finite).ok


def test_finite_horizon_by_hand():
    # Two periods: player 2 would take everything in period 1, so player 1 offers her d2 * 1.
    assert rubinstein_finite(Fraction(1, 3), Fraction(1, 4), 2).shares == (Fraction(3, 4), Fraction(1, 4))
    # One period: the ultimatum game.
    assert rubinstein_finite(Fraction(1, 3), Fraction(1, 4), 1).shares == (1, 0)
    assert rubinstein_finite(0.5, 0.5, 3).shares == (0.75, 0.25)


@pytest.mark.parametrize("d1, d2", [(1, Fraction(1, 2)), (Fraction(1, 2), Fraction(3, 2)), (-0.1, 0.5)])
def test_discount_factors_outside_the_unit_interval(d1, d2):
    with pytest.raises(DiscountFactorError, match="delta_"):
        rubinstein(d1, d2)
    with pytest.raises(DiscountFactorError, match="delta_"):
        rubinstein_finite(d1, d2, 3)


@pytest.mark.parametrize("horizon", [0, -1, 1.5, True])
def test_horizon_below_one(horizon):
    with pytest.raises(ParameterError, match="horizon"):
        rubinstein_finite(Fraction(1, 2), Fraction(1, 2), horizon)


def test_floats_and_symbols_are_not_mixed():
    with pytest.raises(DiscountFactorError, match="delta_1, delta_2"):
        rubinstein(0.5, sympy.Symbol("d"))
