"""Cutoff equilibria: fixed points by hand, exact fixed points as a property, comparative statics against re-solving."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bayesian import cutoff_comparative_statics, cutoff_equilibria
from cybergames.errors import GameError, ParameterError

c1, c2, t = sympy.symbols("c1 c2 t")


def test_linear_cutoffs_by_hand():
    # c_i = (1 + c_j)/3: c = (1 + c)/3 gives c = 1/2 for both (a contraction: unique).
    result = cutoff_equilibria([(1 + c2) / 3, (1 + c1) / 3], [c1, c2])
    assert [eq.cutoffs for eq in result] == [(Fraction(1, 2), Fraction(1, 2))]
    assert result.exact and result.unique and verify(result).ok


def test_coordination_cutoffs_have_three_equilibria():
    # Morris & Shin (2003), sec. 2's kind of coordination: c = 3c^2 - 2c^3 (a smooth step) has fixed points 0, 1/2, 1
    # (by hand: 3c^2 - 2c^3 - c = -c (2c - 1)(c - 1)).
    result = cutoff_equilibria([3 * c1**2 - 2 * c1**3], [c1])
    assert [eq.cutoffs for eq in result] == [(0,), (Fraction(1, 2),), (1,)]
    assert result.unique is False
    assert [eq.interior for eq in result] == [(False,), (True,), (False,)]


def test_irrational_cutoff_is_exact():
    # c = 1/(1 + c): c^2 + c - 1 = 0, c = (sqrt(5) - 1)/2.
    (eq,) = cutoff_equilibria([1 / (1 + c1)], [c1])
    assert sympy.simplify(eq.cutoffs[0] - (sympy.sqrt(5) - 1) / 2) == 0
    assert eq.residuals == (0,)


def test_clipped_cutoff_sits_at_the_end_of_the_support():
    # f(c) = 2 + c/2 > 1 on [0, 1]: the cutoff is 1 ("never act").
    (eq,) = cutoff_equilibria([2 + c1 / 2], [c1])
    assert eq.cutoffs == (1,) and eq.interior == (False,)


@pytest.mark.slow
def test_float_path_brackets_and_certifies_uniqueness():
    # c = 1/2 + cos(c)/4: f' = -sin(c)/4 < 1, so c - f(c) is increasing: one fixed point, certified.
    result = cutoff_equilibria([sympy.Rational(1, 2) + sympy.cos(c1) / 4], [c1])
    assert not result.exact and result.unique is True and "certified" in result.certificate
    (eq,) = result
    c = 0.5
    for _ in range(200):                         # a second method: fixed-point iteration of a contraction
        c = 0.5 + sympy.cos(c).evalf() / 4
    assert eq.cutoffs[0] == pytest.approx(float(c), abs=1e-9)
    assert verify(result).ok


def test_comparative_statics_by_hand_and_against_re_solving():
    # c = t (1 + c)/3: c = t/(3 - t), dc/dt = 3/(3 - t)^2; at t = 1: 3/4.
    r = cutoff_equilibria([t * (1 + c1) / 3], [c1], parameters={t: 1})
    assert cutoff_comparative_statics(r, 0, t) == (Fraction(3, 4),)
    h = Fraction(1, 10**6)
    up = cutoff_equilibria([t * (1 + c1) / 3], [c1], parameters={t: 1 + h})[0].cutoffs[0]
    assert abs((up - r[0].cutoffs[0]) / h - Fraction(3, 4)) < Fraction(1, 10**5)


coefficients = st.fractions(min_value=Fraction(-9, 10), max_value=Fraction(9, 10), max_denominator=20)


@settings(max_examples=30, deadline=None)
@given(coefficients, coefficients, coefficients, coefficients)
def test_exact_cutoff_equilibrium_is_an_exact_fixed_point(a1, b1, a2, b2):
    # linear best responses c_i = a_i + b_i c_j, |b_i| < 1: a unique equilibrium (the map is a contraction)
    result = cutoff_equilibria([a1 + b1 * c2, a2 + b2 * c1], [c1, c2])
    assert len(result) == 1 and result.unique
    x, y = result[0].cutoffs
    clip = lambda v: min(max(v, 0), 1)            # noqa: E731
    assert x == clip(a1 + b1 * y) and y == clip(a2 + b2 * x)      # exactly, with Fractions
    assert result[0].residuals == (0, 0)
    assert verify(result).ok


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(st.floats(0.05, 0.95), st.floats(-0.9, 0.9))
def test_float_cutoff_equilibrium_is_a_fixed_point_to_tolerance(a, b):
    result = cutoff_equilibria([a + b * c1 * c1], [c1])
    assert result.equilibria
    for eq in result:
        (x,) = eq.cutoffs
        assert abs(x - min(max(a + b * x * x, 0.0), 1.0)) <= 1e-9


def test_bad_input():
    with pytest.raises(GameError, match="cutoffs"):
        cutoff_equilibria([c1], ["c1"])
    with pytest.raises(GameError, match="best_responses"):
        cutoff_equilibria([c1, c2], [c1])
    with pytest.raises(ParameterError, match="parameters"):
        cutoff_equilibria([t * c1], [c1])
    with pytest.raises(ParameterError, match="bounds"):
        cutoff_equilibria([c1 / 2], [c1], (1, 0))
    with pytest.raises(GameError, match="continuum"):
        cutoff_equilibria([c1], [c1])
    r = cutoff_equilibria([t * (1 + c1) / 3], [c1], parameters={t: 1})
    with pytest.raises(ParameterError, match="parameter"):
        cutoff_comparative_statics(r, 0, c2)
