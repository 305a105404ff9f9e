"""The discount factor: its symbol, its validation, and the number kind it implies (internal)."""

from __future__ import annotations

from typing import Any

import sympy

from .. import _numbers
from .._numbers import EXACT, FLOAT, SYMBOLIC
from ..errors import DiscountFactorError, ParameterError

#: The sympy symbol ``delta`` in which symbolic conditions on the discount factor are written.
DELTA = sympy.Symbol("delta")


def check_delta(delta: Any, name: str = "delta") -> Any:
    """``delta`` normalised (int, Fraction, float or sympy expression), or DiscountFactorError.

    Numbers must satisfy ``0 <= delta < 1``; a symbolic ``delta`` passes unless
    sympy can prove it outside ``[0, 1)``.
    """
    value = _numbers.normalise(delta, name, DiscountFactorError)
    if isinstance(value, sympy.Basic):
        _numbers.require(sympy.And(value >= 0, value < 1), DiscountFactorError,
                         f"{name} must satisfy 0 <= {name} < 1, got {delta!r}")
    elif not 0 <= value < 1:
        raise DiscountFactorError(f"{name} must satisfy 0 <= {name} < 1, got {delta!r}")
    return value


def check_tol(tol: Any) -> float:
    """A float tolerance in (0, 1), or ParameterError."""
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not 0 < tol < 1:
        raise ParameterError(f"tol: expected a small positive number, got {tol!r}")
    return float(tol)


def kind_with(kind: str, delta: Any) -> str:
    """The number kind of a computation on a model of ``kind`` at discount factor ``delta``."""
    if kind == SYMBOLIC or isinstance(delta, sympy.Basic):
        return SYMBOLIC
    if kind == FLOAT or isinstance(delta, float):
        return FLOAT
    return EXACT


def convert(value: Any, kind: str) -> Any:
    """A normalised number in the arithmetic of ``kind``."""
    if kind == SYMBOLIC:
        return _numbers.to_sympy(value)
    if kind == FLOAT:
        return float(value)
    return value
