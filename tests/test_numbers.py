"""cybergames._numbers: normalising inputs, kinds, exact ratios, three-valued truth, storage."""

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import _numbers
from cybergames._numbers import (as_kind, comparable, from_sympy, is_exact, kind_of, normalise, ratio, require,
                                 simplify_exact, to_sympy, truth)
from cybergames.errors import GameError, ParameterError

x = sympy.Symbol("x")


# ------------------------------------------------------------------ normalise
@pytest.mark.parametrize("value, expected, kind", [
    (3, 3, int),
    (np.int64(3), 3, int),
    (np.uint8(3), 3, int),
    (10**400, 10**400, int),
    (Fraction(1, 3), Fraction(1, 3), Fraction),
    (sympy.Integer(4), 4, int),
    (sympy.Rational(2, 6), Fraction(1, 3), Fraction),
    (0.5, 0.5, float),
    (np.float64(0.5), 0.5, float),
    (np.float32(0.5), 0.5, float),
    (sympy.Float(0.25), 0.25, float),
    (x, x, sympy.Symbol),
    (sympy.sqrt(2), sympy.sqrt(2), sympy.Pow),
])
def test_normalise_accepts_real_numbers(value, expected, kind):
    result = normalise(value, "v", GameError)
    assert result == expected and type(result) is kind or isinstance(result, kind)
    assert type(result) is not np.float64 and type(result) is not np.int64


@pytest.mark.parametrize("value, words", [
    (True, "boolean"), (np.bool_(False), "boolean"),
    (float("nan"), "finite"), (float("inf"), "finite"), (-np.inf, "finite"), (np.float32("nan"), "finite"),
    (1j, "real"), (np.complex128(1), "real"), (sympy.I, "real"), (x + sympy.I, "real"),
    (sympy.oo, "finite"), (sympy.zoo, "finite"), (sympy.nan, "finite"), (x + sympy.oo, "finite"),
    ("1", "real"), (b"1", "real"), (None, "real"), ([1], "real"), (Decimal("1.5"), "real"),
    (sympy.Eq(x, 1), "real"), (sympy.true, "real"), (sympy.Matrix([1]), "real"),
])
def test_normalise_refuses_everything_else(value, words):
    with pytest.raises(ParameterError, match=rf"^the_name: .*{words}"):
        normalise(value, "the_name", ParameterError)


def test_imaginary_units_that_cancel_are_accepted():
    value = normalise((1 + sympy.I) * (1 - sympy.I), "v", GameError)
    assert sympy.simplify(value) == 2


# ------------------------------------------------------------------ kinds
@pytest.mark.parametrize("values, kind", [
    ([], "exact"), ([1, Fraction(1, 2)], "exact"), ([1, 0.5], "float"),
    ([x, 1], "symbolic"), ([x, 0.5], "symbolic"), ([0.5, sympy.sqrt(2)], "symbolic"),
])
def test_kind_of(values, kind):
    assert kind_of(values) == kind


def test_is_exact():
    assert is_exact(1) and is_exact(Fraction(1, 2))
    assert not is_exact(True) and not is_exact(0.5) and not is_exact(sympy.Integer(1))


# ------------------------------------------------------------------ ratio and simplify_exact
@given(st.integers(-10**6, 10**6), st.integers(-10**6, 10**6).filter(bool))
def test_ratio_of_integers_is_the_sympy_rational(num, den):
    result = ratio(num, den)
    assert type(result) is Fraction
    assert sympy.Rational(result.numerator, result.denominator) == sympy.Rational(num, den)


@given(st.fractions(max_denominator=1000), st.fractions(max_denominator=1000).filter(bool))
def test_ratio_of_fractions_is_the_sympy_rational(num, den):
    result = ratio(num, den)
    assert to_sympy(result) == to_sympy(num) / to_sympy(den)


def test_ratio_keeps_each_kind():
    assert ratio(1, 2) == Fraction(1, 2)
    assert ratio(1.0, 2) == 0.5 and type(ratio(1.0, 2)) is float
    assert ratio(x, 2) == x / 2
    assert ratio(Fraction(1, 3), 2) == Fraction(1, 6)


def test_simplify_exact():
    assert type(simplify_exact(Fraction(4, 2))) is int and simplify_exact(Fraction(4, 2)) == 2
    assert simplify_exact(Fraction(1, 2)) == Fraction(1, 2)
    assert simplify_exact(0.5) == 0.5 and simplify_exact(x) is x


# ------------------------------------------------------------------ three-valued truth
def test_truth_is_three_valued():
    positive = sympy.Symbol("p", positive=True)
    assert truth(True) is True and truth(np.bool_(False)) is False
    assert truth(positive > 0) is True
    assert truth(positive < 0) is False
    assert truth(positive > 1) is None
    assert truth(sympy.Eq(x, x)) is True


def test_require_raises_only_when_provably_false():
    positive = sympy.Symbol("p", positive=True)
    require(positive > 1, GameError, "undecided: passes")
    require(True, GameError, "true: passes")
    with pytest.raises(GameError, match="^p must be negative$"):
        require(positive < 0, GameError, "p must be negative")
    with pytest.raises(GameError):
        require(1 > 2, GameError, "false")


# ------------------------------------------------------------------ sympy round trip
@given(st.one_of(st.integers(), st.fractions(), st.floats(allow_nan=False, allow_infinity=False)))
def test_to_and_from_sympy_round_trip(value):
    back = from_sympy(to_sympy(value))
    assert back == value and type(back) is type(simplify_exact(value) if isinstance(value, Fraction) else value)


def test_from_sympy_keeps_expressions():
    assert from_sympy(x + 1) == x + 1
    assert from_sympy(sympy.Rational(3, 1)) == 3 and type(from_sympy(sympy.Rational(3, 1))) is int


# ------------------------------------------------------------------ storage
def test_object_array_and_frozen_are_read_only():
    array = _numbers.object_array([1, Fraction(1, 2)])
    assert array.dtype == object and not array.flags.writeable
    nested = _numbers.object_array([[1, 2], [3, 4]])
    assert nested.shape == (2, 2)
    assert not _numbers.frozen(np.zeros(2)).flags.writeable


def test_as_kind_copies():
    values = np.array([1, Fraction(1, 2)], dtype=object)
    floats = as_kind(values, "float")
    assert floats.dtype == np.float64 and floats.tolist() == [1.0, 0.5] and not floats.flags.writeable
    exact = as_kind(values, "exact")
    assert exact is not values and exact.tolist() == [1, Fraction(1, 2)] and not exact.flags.writeable
    assert values.flags.writeable


@given(st.lists(st.fractions(max_denominator=12) | st.integers(), min_size=1, max_size=30))
def test_comparable_preserves_order(values):
    array = np.array(values, dtype=object)
    scaled = comparable(array)
    if all(abs(v) < 2**40 for v in values):
        assert scaled.dtype == np.int64          # the fast path: the common denominator divides
                                                 # lcm(1..12) = 27720 < 2**15, so |scaled| < 2**55
    for i in range(len(values)):
        for j in range(len(values)):
            assert (values[i] < values[j]) == (scaled[i] < scaled[j])
            assert (values[i] == values[j]) == (scaled[i] == scaled[j])


def test_comparable_falls_back_to_python_integers_beyond_int64():
    values = np.array([10**30, -(10**30) + 1, Fraction(1, 3)], dtype=object)
    scaled = comparable(values)
    assert scaled.dtype == object and scaled[0] > scaled[2] > scaled[1]
    floats = np.array([0.5, -1.0])
    assert comparable(floats) is floats


def test_default_tolerance():
    assert 0 < _numbers.DEFAULT_TOL < 1e-6 and math.isfinite(_numbers.DEFAULT_TOL)
