"""Validation shared by the security-economics models."""

from __future__ import annotations

from typing import Any

import sympy

from .. import _numbers
from ..errors import ParameterError, ProbabilityError


def number(value: Any, name: str, *, error: type[Exception] = ParameterError) -> Any:
    """An int, Fraction, float or closed-form sympy number; symbols are refused."""
    value = _numbers.normalise(value, name, error)
    if isinstance(value, sympy.Basic) and value.free_symbols:
        raise error(f"{name}: expected a number, got the expression {value!r}")
    return value


def positive(value: Any, name: str) -> Any:
    """A number > 0, else :class:`ParameterError`."""
    value = number(value, name)
    if _numbers.sign(value) != 1:
        raise ParameterError(f"{name}: expected a number > 0, got {value!r}")
    return value


def nonnegative(value: Any, name: str) -> Any:
    """A number >= 0, else :class:`ParameterError`."""
    value = number(value, name)
    if _numbers.sign(value) == -1:
        raise ParameterError(f"{name}: expected a number >= 0, got {value!r}")
    return value


def probability(value: Any, name: str, *, open_interval: bool = False) -> Any:
    """A probability in [0, 1] (or (0, 1) when ``open_interval``), else :class:`ProbabilityError`."""
    value = number(value, name, error=ProbabilityError)
    low, high = _numbers.sign(value), _numbers.sign(sympy.sympify(value) - 1) if isinstance(
        value, sympy.Basic) else _numbers.sign(value - 1)
    bad = (low != 1 or high != -1) if open_interval else (low == -1 or high == 1)
    if bad:
        interval = "0 < {0} < 1" if open_interval else "0 <= {0} <= 1"
        raise ProbabilityError(f"{name}: expected {interval.format(name)}, got {value!r}")
    return value


def floating(*values: Any) -> bool:
    """Whether any value is a float (the float path)."""
    return any(isinstance(v, float) for v in values)
