"""Tests of the one notation of the report and the prose (cybergames._maths)."""

from __future__ import annotations

import re
from fractions import Fraction

import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames._maths import algebraic, formula, number, prose

T, R, P, S, delta = sympy.symbols("T R P S delta")


@given(st.fractions(max_denominator=10**6))
def test_a_fraction_shows_its_exact_value_then_four_significant_digits_when_long(value):
    text = number(value)
    exact, _, approx = text.partition(" ≈ ")
    assert Fraction(exact.replace("−", "-")) == value                  # every number kept exactly
    if approx:
        assert value.denominator > 12 and (value * 1000).denominator != 1
        assert float(approx.replace("−", "-")) == float(f"{float(value):.4g}")


def test_the_examples_of_the_issue():
    # 8800000/9252791: the information model's critical discount factor without a clearing house.
    assert number(Fraction(8800000, 9252791)) == "8800000/9252791 ≈ 0.9511"
    assert formula((T - R) / (T - P)) == "(T − R)/(T − P)"
    assert formula(delta >= (T - R) / (T - P)) == "δ ≥ (T − R)/(T − P)"
    assert formula(sympy.Or(P >= S, sympy.And(sympy.ceiling(T / R) <= 2, R - P >= 0))) == \
        "P ≥ S or (R − P ≥ 0 and ⌈T/R⌉ ≤ 2)"
    assert formula(sympy.Max(0, T - R * (delta + 1))) == "max(0, T − R (δ + 1))"


@given(st.lists(st.integers(-9, 9), min_size=4, max_size=4))
def test_a_linear_relation_prints_without_ascii_operators(coefficients):
    expression = sum(c * x for c, x in zip(coefficients, (T, R, P, S)))
    text = formula(expression >= 1)
    assert not any(op in text for op in ("**", ">=", "*", " - ", "(-"))
    # The text is the expression: read back with ASCII operators it is the same polynomial.
    back = text.replace("≥", ">=").replace("−", "-").replace("·", "*")
    lhs = back.split(" >= ")[0]
    lhs = re.sub(r"(\d)([TRPS])", r"\1*\2", lhs)
    assert sympy.expand(sympy.sympify(lhs, locals={"T": T, "R": R, "P": P, "S": S}) - expression) == 0


@given(st.integers(2, 40))
def test_an_irrational_square_root_carries_its_minimal_polynomial_and_an_isolating_interval(n):
    value = sympy.sqrt(n)
    found = algebraic(value)
    if sympy.sqrt(n).is_Integer:
        assert found is None or found[0] == [1, -int(sympy.sqrt(n))]
        return
    coefficients, (low, high) = found
    assert coefficients == [1, 0, -n]                                    # x² − n, by definition of √n
    assert low <= Fraction(float(value)) <= high and not (low <= -Fraction(float(value)) <= high)


def test_prose_in_the_library_notation():
    assert prose("delta >= (T - R)/(T - P) = 1/2; delta_1 = -1") == "δ ≥ (T − R)/(T − P) = 1/2; δ₁ = −1"
    assert prose("one-shot, tit-for-tat, arts. 23-35") == "one-shot, tit-for-tat, arts. 23-35"
