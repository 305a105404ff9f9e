"""Exact, float and symbolic numbers: the one place that decides which is which.

cybergames keeps three kinds of number apart:

* **exact**: Python ``int`` and :class:`fractions.Fraction`. sympy ``Integer`` and
  ``Rational`` are converted to these on the way in, so exact arithmetic runs at
  Python speed and exact answers come back as ``Fraction``.
* **float**: Python and numpy floats (and sympy ``Float``); stored as float64.
* **symbolic**: any other sympy expression (symbols, ``sqrt(2)``, ...).

A collection of numbers has the kind of its "widest" member, where
float beats exact and symbolic beats both ("exact in, exact out; floats give
floats; symbols give expressions"). Mixing floats with symbols is refused.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any, Iterable, Union

import numpy as np
import sympy

from . import limits

Number = Union[int, Fraction, float, sympy.Expr]

EXACT = "exact"
FLOAT = "float"
SYMBOLIC = "symbolic"

#: Default tolerance of the float path; exact inputs never use it.
DEFAULT_TOL = 1e-9


def normalise(value: Any, name: str, error: type[Exception]) -> Number:
    """Return ``value`` as int, Fraction, float or sympy expression, or raise ``error``.

    ``name`` is the argument's name for the message. Booleans, complex numbers,
    strings, NaN and infinities are refused.

    >>> from cybergames.errors import GameError
    >>> normalise(sympy.Rational(1, 3), "x", GameError)
    Fraction(1, 3)
    >>> normalise(np.float64(0.5), "x", GameError)
    0.5
    """
    if isinstance(value, (bool, np.bool_)):
        raise error(f"{name}: expected a number, got the boolean {value!r}")
    if isinstance(value, int):
        return int(value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise error(f"{name}: expected a finite number, got {value!r}")
        return float(value)  # np.float64 is a float subclass: hand back the plain float
    if isinstance(value, numbers.Integral):  # numpy integers
        return int(value)
    if isinstance(value, sympy.Basic):
        return _normalise_sympy(value, name, error)
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, numbers.Real):  # numpy floats and other real types
        result = float(value)
        if not math.isfinite(result):
            raise error(f"{name}: expected a finite number, got {value!r}")
        return result
    raise error(f"{name}: expected a real number or sympy expression, got {value!r}")


def _normalise_sympy(value: sympy.Basic, name: str, error: type[Exception]) -> Number:
    if isinstance(value, sympy.Integer):
        return int(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, sympy.Float):
        result = float(value)
        if not math.isfinite(result):
            raise error(f"{name}: expected a finite number, got {value!r}")
        return result
    if not isinstance(value, sympy.Expr):
        raise error(f"{name}: expected a real number or sympy expression, got {value!r}")
    check_expression(value, name, error)
    try:
        if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise error(f"{name}: expected a finite number, got {value!r}")
        if value.is_real is False or (value.is_real is None and value.has(sympy.I)
                                      and sympy.expand(value).has(sympy.I)):
            # symbols stand for real numbers; an explicit imaginary unit that does not cancel is refused
            raise error(f"{name}: expected a real number, got the non-real {value!r}")
    except RecursionError:
        raise error(f"{name}: the expression is nested too deeply to analyse") from None
    return value


def discount_factor(value: Any, name: str, error: type[Exception]) -> Number:
    """``value`` as an exact or float number in [0, 1), else ``error`` naming ``name``."""
    result = normalise(value, name, error)
    if isinstance(result, sympy.Basic):
        raise error(f"{name}: expected a number in [0, 1), got the expression {value!r}")
    if not 0 <= result < 1:
        raise error(f"{name} must satisfy 0 <= {name} < 1, got {value!r}")
    return result


def check_expression(value: sympy.Basic, name: str, error: type[Exception]) -> None:
    """Refuse an expression deeper than ``cybergames.limits.MAX_EXPRESSION_DEPTH`` or with an exact
    power whose integer exponent exceeds ``cybergames.limits.MAX_EXPONENT`` (``10**(10**12)``, kept
    unevaluated, would hang whatever simplifies it). Iterative: no RecursionError on deep input."""
    depth = limits.expression_depth(value)
    if depth > limits.MAX_EXPRESSION_DEPTH:
        raise error(f"{name}: the expression is nested deeper than cybergames.limits.MAX_EXPRESSION_DEPTH = "
                    f"{limits.MAX_EXPRESSION_DEPTH}; set cybergames.limits.MAX_EXPRESSION_DEPTH to a larger value "
                    f"to allow more")
    for node in sympy.postorder_traversal(value):     # inner powers first: their size bounds the outer ones
        if isinstance(node, sympy.Pow):
            check_power(node.exp, name, error)


def check_power(exponent: sympy.Basic, name: str, error: type[Exception], bound: int | None = None,
                bound_name: str = "cybergames.limits.MAX_EXPONENT") -> None:
    """Refuse a numeric exponent above ``bound`` (default ``cybergames.limits.MAX_EXPONENT``) in magnitude.

    The exponent's own powers must have been checked already (bottom-up), so
    that evaluating its size is cheap.
    """
    if not exponent.is_number:
        return
    bound = limits.MAX_EXPONENT if bound is None else bound
    try:
        if exponent.is_Integer:
            too_big = abs(int(exponent)) > bound
        else:
            too_big = bool(sympy.Abs(exponent).evalf(15) > bound)
    except (TypeError, ValueError):     # not comparable (non-real): other checks refuse it
        return
    if too_big:
        raise error(f"{name}: the exponent {str(exponent)[:40]} exceeds {bound_name} = {bound}; "
                    f"set {bound_name} to a larger value to allow more")


def kind_of(values: Iterable[Number]) -> str:
    """The kind of a collection of normalised numbers: ``"exact"``, ``"float"`` or ``"symbolic"``.

    >>> kind_of([1, Fraction(1, 2)]), kind_of([1, 0.5]), kind_of([1, sympy.Symbol("x")])
    ('exact', 'float', 'symbolic')
    """
    has_float = has_symbolic = False
    for value in values:
        if isinstance(value, float):
            has_float = True
        elif isinstance(value, sympy.Basic):
            has_symbolic = True
    if has_symbolic:
        return SYMBOLIC
    return FLOAT if has_float else EXACT


def is_exact(value: Any) -> bool:
    """Whether ``value`` is an exact rational (int or Fraction, not bool)."""
    return isinstance(value, (int, Fraction)) and not isinstance(value, bool)


def ratio(num: Number, den: Number) -> Number:
    """``num / den`` that keeps exact numbers exact: ``int / int`` gives a Fraction.

    >>> ratio(1, 2), ratio(1.0, 2), ratio(Fraction(1, 3), 2)
    (Fraction(1, 2), 0.5, Fraction(1, 6))
    """
    if is_exact(num) and is_exact(den):
        return Fraction(num) / Fraction(den)
    return num / den


def simplify_exact(value: Number) -> Number:
    """A Fraction with denominator one becomes an int; everything else is returned as is."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value.numerator)
    return value


def truth(condition: Any) -> bool | None:
    """Three-valued truth of a possibly symbolic condition: True, False or None (undecided).

    >>> x = sympy.Symbol("x", positive=True)
    >>> truth(x > 0), truth(x > 1), truth(1 > 2)
    (True, None, False)
    """
    if isinstance(condition, (bool, np.bool_)):
        return bool(condition)
    condition = sympy.sympify(condition)
    if condition is sympy.true:
        return True
    if condition is sympy.false:
        return False
    if isinstance(condition, sympy.core.relational.Relational) and not condition.free_symbols:
        # two closed-form numbers too close for sympy's default precision: decide by their difference
        difference = sign(condition.lhs - condition.rhs)
        if difference is not None:
            return {"<": difference < 0, "<=": difference <= 0, ">": difference > 0, ">=": difference >= 0,
                    "==": difference == 0, "!=": difference != 0}.get(condition.rel_op)
    return None


def sign(value: Any) -> int | None:
    """The sign (-1, 0 or 1) of a real number, deciding closed forms sympy leaves open; None if unknown.

    Closed forms such as ``1 - (b + sqrt(b**2 + c))/d`` can lie within ``1e-300`` of zero, beyond
    sympy's default precision (comparing them then raises "cannot determine truth value of
    Relational"); they are evaluated with up to 4000 digits.

    >>> sign(Fraction(-1, 3)), sign(sympy.sqrt(2) - 1), sign(sympy.sqrt(10**600 + 1) - 10**300)
    (-1, 1, 1)
    """
    if not isinstance(value, sympy.Basic):
        return (value > 0) - (value < 0)
    if value.free_symbols:
        return None
    if value.is_zero:
        return 0
    if value.is_positive:
        return 1
    if value.is_negative:
        return -1
    for digits in (50, 500, 4000):
        try:
            approximation = value.evalf(digits, strict=True)
        except (sympy.core.evalf.PrecisionExhausted, ValueError, TypeError):
            continue
        if approximation.is_Number and approximation.is_real:
            return int(sympy.sign(approximation))
    return None


def require(condition: Any, error: type[Exception], message: str) -> None:
    """Raise ``error(message)`` when ``condition`` is provably false.

    A symbolic condition that cannot be decided passes; the caller's docstring
    states the assumption it then makes.
    """
    if truth(condition) is False:
        raise error(message)


def to_sympy(value: Number) -> sympy.Expr:
    """The sympy form of a number: Fraction to Rational, int to Integer, float to Float."""
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, sympy.Basic):
        return value
    return sympy.sympify(value)


def from_sympy(value: sympy.Expr) -> Number:
    """Back from sympy: rationals to int/Fraction, floats to float, other expressions unchanged."""
    if isinstance(value, sympy.Integer):
        return int(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, sympy.Float):
        return float(value)
    return value


def object_array(values: Any, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """A read-only numpy object array holding ``values`` (a nested sequence or an array)."""
    array = np.empty(shape if shape is not None else np.shape(values), dtype=object)
    array[...] = values
    array.flags.writeable = False
    return array


def frozen(array: np.ndarray) -> np.ndarray:
    """Mark ``array`` read-only and return it."""
    array.flags.writeable = False
    return array


def as_kind(values: np.ndarray, kind: str) -> np.ndarray:
    """A read-only copy of an object array of normalised numbers in the storage of ``kind``.

    Float games are float64 arrays; exact and symbolic games are object arrays.
    """
    if kind == FLOAT:
        return frozen(np.array(values, dtype=float))
    result = np.empty(values.shape, dtype=object)
    result[...] = values
    return frozen(result)


def scale_of(*arrays: Any) -> float:
    """The payoff scale of float comparisons: the largest ``|x|`` over ``arrays`` (0.0 if all are empty).

    Float solvers accept a payoff within ``tol * scale`` of the best as a best
    response, so that multiplying a game by any positive constant (1e-300 or
    1e300) leaves every answer unchanged; ``tol * max(1, |best|)`` was absolute
    for payoffs below 1.
    """
    scale = 0.0
    for array in arrays:
        try:
            values = np.abs(np.asarray(array, dtype=float))
        except OverflowError:                   # exact numbers beyond the float range
            return float(np.finfo(float).max)
        if values.size:
            scale = max(scale, float(values.max()))
    return scale


def unit_of(*arrays: Any) -> float:
    """The unit float solvers work in: :func:`scale_of` the arrays, or 1.0 when every entry is 0."""
    return scale_of(*arrays) or 1.0


def comparable(array: np.ndarray) -> np.ndarray:
    """An array whose element order equals that of the exact or float ``array``, fast to compare.

    Float arrays are returned as they are. Exact arrays are scaled by the common
    denominator to integers; when these fit in int64 the result is an int64 array
    (comparisons then run in numpy), otherwise it stays an object array. Used
    by vectorised solvers that only compare payoffs.
    """
    if array.dtype != object:
        return array
    try:                                    # integer games, the common case, convert in one numpy call
        as_int = array.astype(np.int64)
    except (OverflowError, TypeError, ValueError):
        as_int = None
    if as_int is not None and (as_int == array).all():   # astype truncates Fractions: compare
        return as_int
    flat = array.ravel()
    denominator = 1
    for value in flat:
        if isinstance(value, Fraction):
            denominator = math.lcm(denominator, value.denominator)
    scaled = [int(value * denominator) for value in flat]
    bound = 2**62
    if all(-bound < value < bound for value in scaled):
        return np.array(scaled, dtype=np.int64).reshape(array.shape)
    result = np.empty(array.shape, dtype=object)
    result.ravel()[:] = scaled
    return result


def approximate(value: Any) -> float | None:
    """A float approximation of a real exact, float or algebraic number; None for a non-number.

    Real roots of polynomials (sympy ``CRootOf``) are approximated with
    numpy's roots of the polynomial: sympy's own evaluation of high-degree
    roots can take seconds.

    >>> approximate(Fraction(1, 3)), approximate(sympy.sqrt(2)) == 2 ** 0.5
    (0.3333333333333333, True)
    >>> round(approximate(sympy.CRootOf(sympy.Symbol("x") ** 3 + sympy.Symbol("x") - 1, 0)), 6)
    0.682328
    """
    if isinstance(value, (int, Fraction, float)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, sympy.Basic) or not value.is_number:
        return None
    if isinstance(value, sympy.CRootOf) and value.is_real:
        coefficients = [float(c) for c in value.poly.all_coeffs()]
        roots = np.roots(coefficients)
        real = np.sort(roots[np.abs(roots.imag) <= 1e-9 * np.maximum(1.0, np.abs(roots))].real)
        if value.index < len(real):
            return float(real[value.index])
    try:
        return float(sympy.N(value, 15))
    except (TypeError, ValueError):
        return None


def substitution(args: tuple, kwargs: dict, symbols: Any, error: type[Exception]) -> dict:
    """The mapping ``symbol -> value`` that a ``subs(*args, **kwargs)`` call asks for, validated.

    ``args`` is empty, one mapping, one sequence of ``(symbol, value)`` pairs,
    or one ``(symbol, value)``; keyword arguments and string keys name symbols
    of ``symbols`` (never parsed). Values are normalised numbers or sympy
    expressions (Fractions as sympy rationals, floats kept as floats). Symbols
    not in ``symbols`` are allowed and ignored by the substitution, as in sympy.

    Raises ``error`` for a malformed call, an unknown name, a key that is not a
    symbol, a symbol whose assumptions differ from the one of the same name in
    ``symbols``, or a value that is not a number or expression.
    """
    if len(args) == 1 and isinstance(args[0], dict):
        pairs = list(args[0].items())
    elif len(args) == 1 and isinstance(args[0], (list, tuple)) and all(
            isinstance(pair, (list, tuple)) and len(pair) == 2 for pair in args[0]):
        pairs = [tuple(pair) for pair in args[0]]
    elif len(args) == 2:
        pairs = [(args[0], args[1])]
    elif args:
        raise error(f"subs: expected a mapping, a sequence of (symbol, value) pairs "
                    f"or (symbol, value), got {args!r}")
    else:
        pairs = []
    pairs += list(kwargs.items())
    symbols = frozenset(symbols)
    by_name = {str(s): s for s in symbols}
    mapping: dict = {}
    for key, value in pairs:
        if isinstance(key, str):
            if key not in by_name:
                raise error(f"subs: no symbol named {key!r}; the symbols are {sorted(by_name)}")
            key = by_name[key]
        elif not isinstance(key, sympy.Expr) or key.is_number:
            raise error(f"subs: expected a symbol (or its name) to replace, got {key!r}")
        elif isinstance(key, sympy.Symbol) and key not in symbols and key.name in by_name:
            raise error(f"subs: the symbol {key!r} differs from the one of the same name here "
                        f"(their assumptions differ); pass that symbol or its name")
        value = normalise(value, f"subs: the value of {key}", error)
        mapping[key] = to_sympy(value) if isinstance(value, Fraction) else value
    return mapping

