"""Validation shared by the bargaining solvers."""

from __future__ import annotations

from typing import Any

import sympy

from .. import _numbers
from ..errors import DiscountFactorError, ParameterError


def discount_factor(value: Any, name: str) -> Any:
    """A discount factor in [0, 1): exact, float or symbolic (symbols are assumed to lie there)."""
    value = _numbers.normalise(value, name, DiscountFactorError)
    message = f"{name} must satisfy 0 <= {name} < 1, got {value!r}"
    _numbers.require(sympy.sympify(value) >= 0, DiscountFactorError, message)
    _numbers.require(sympy.sympify(value) < 1, DiscountFactorError, message)
    return value


def number(value: Any, name: str, *, low: Any = None, high: Any = None, symbolic: bool = False) -> Any:
    """A normalised number in [low, high] (either bound optional), else :class:`ParameterError`."""
    value = _numbers.normalise(value, name, ParameterError)
    if isinstance(value, sympy.Basic) and not symbolic:
        raise ParameterError(f"{name}: expected a number, got the expression {value!r}")
    if low is not None:
        _numbers.require(sympy.sympify(value) >= low, ParameterError, f"{name}: expected >= {low}, got {value!r}")
    if high is not None:
        _numbers.require(sympy.sympify(value) <= high, ParameterError, f"{name}: expected <= {high}, got {value!r}")
    return value

