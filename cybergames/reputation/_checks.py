"""Input checks shared by the reputation solvers (internal)."""

from __future__ import annotations

import numbers
from typing import Any

import sympy

from .. import _numbers
from ..errors import DiscountFactorError, ParameterError, ProbabilityError


def number(value: Any, name: str, *, symbolic: bool = False) -> Any:
    """``value`` normalised (int, Fraction, float; sympy only when ``symbolic``), or ParameterError."""
    result = _numbers.normalise(value, name, ParameterError)
    if isinstance(result, sympy.Basic) and not symbolic:
        raise ParameterError(f"{name}: expected a number (int, Fraction or float), got the expression {value!r}")
    return result


def prior(value: Any, name: str = "prior") -> Any:
    """A probability strictly between 0 and 1, or ProbabilityError."""
    result = _numbers.normalise(value, name, ProbabilityError)
    if isinstance(result, sympy.Basic):
        raise ProbabilityError(f"{name}: expected a number in (0, 1), got the expression {value!r}")
    if not 0 < result < 1:
        raise ProbabilityError(f"{name}: expected a probability strictly between 0 and 1, got {value!r}")
    return result


def horizon(value: Any, name: str = "periods") -> int:
    """A whole number of periods, at least one, or ParameterError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ParameterError(f"{name}: expected a whole number of periods >= 1, got {value!r}")
    if value < 1:
        raise ParameterError(f"{name}: expected a horizon of at least 1 period, got {value!r}")
    return int(value)


def discount(value: Any, name: str = "delta") -> Any:
    """A discount factor in [0, 1), or DiscountFactorError."""
    return _numbers.discount_factor(value, name, DiscountFactorError)
