"""Validation shared by the stochastic solvers: numbers, discount factors, stochastic matrices."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import EXACT, FLOAT, SYMBOLIC
from ..errors import DiscountFactorError, GameError, ProbabilityError

#: Tolerance on the row sums of float transition matrices.
ROW_TOL = 1e-9


def discount_factor(value: Any, name: str = "discount") -> Any:
    """``value`` as an exact or float number in [0, 1), else :class:`DiscountFactorError`."""
    return _numbers.discount_factor(value, name, DiscountFactorError)


def number_array(values: Any, name: str, ndim: int) -> tuple[np.ndarray, str]:
    """A normalised object array of ``ndim`` axes and its kind (``"exact"`` or ``"float"``).

    Raises :class:`GameError` for ragged, empty, non-numeric or symbolic input.
    """
    if isinstance(values, np.ndarray) and values.dtype.kind in "fiu" and values.ndim == ndim and values.size:
        if values.dtype.kind == "f":                  # numeric arrays: no per-entry checks needed
            return float_array(values, name).astype(object), FLOAT
        return values.astype(object), EXACT           # numpy integers become Python ints
    try:
        raw = np.array(values, dtype=object)
    except (ValueError, TypeError) as exc:
        raise GameError(f"{name}: expected a rectangular array with {ndim} axes, got {values!r}") from exc
    if raw.ndim != ndim or any(isinstance(v, (list, tuple, np.ndarray)) for v in raw.flat):
        raise GameError(f"{name}: expected a rectangular array with {ndim} axes, got shape {raw.shape}")
    if raw.size == 0:
        raise GameError(f"{name}: expected at least one entry on every axis, got shape {raw.shape}")
    types = set(map(type, raw.flat))
    if types <= {int, Fraction}:                      # the common exact case: nothing to convert
        return raw, EXACT
    if types <= {int, float} and float in types:      # the common float case: one numpy conversion
        return float_array(raw, name).astype(object), FLOAT
    array = np.empty(raw.shape, dtype=object)
    for index, value in np.ndenumerate(raw):
        array[index] = _numbers.normalise(value, f"{name}{list(index)}", GameError)
    kind = _numbers.kind_of(array.flat)
    if kind == SYMBOLIC:
        raise GameError(f"{name}: expected numbers, got symbolic entries; substitute values first")
    if kind == FLOAT:
        array = float_array(array, name).astype(object)
    return array, kind


def float_array(values: np.ndarray, name: str, error: type[Exception] = GameError) -> np.ndarray:
    """``values`` as float64; :class:`GameError` (or ``error``) if an entry is too large for a float."""
    try:
        result = np.asarray(values, dtype=float)
    except OverflowError as exc:
        raise error(f"{name}: entries too large for float arithmetic; scale them down") from exc
    if not np.isfinite(result).all():
        raise error(f"{name}: entries too large for float arithmetic; scale them down")
    return result


def integer_scaled(array: np.ndarray) -> tuple[np.ndarray, int]:
    """``(N, L)`` with ``array == N / L`` for an exact array: ``L`` the common denominator, ``N`` integers.

    ``N`` is int64 when it fits, else an object array of Python ints.
    """
    scale = math.lcm(*{v.denominator for v in array.flat if isinstance(v, Fraction)})
    flat = [v * scale if isinstance(v, int) else v.numerator * (scale // v.denominator) for v in array.flat]
    if all(-2**62 < v < 2**62 for v in flat):
        return np.array(flat, dtype=np.int64).reshape(array.shape), scale
    result = np.empty(array.shape, dtype=object)
    result.ravel()[:] = flat
    return result, scale


def stochastic_rows(array: np.ndarray, kind: str, name: str) -> None:
    """Raise :class:`ProbabilityError` unless every row (last axis) of ``array`` is a distribution."""
    if kind != FLOAT:
        integers, scale = integer_scaled(array)
        if (integers >= 0).all() and (integers.sum(axis=-1) == scale).all():
            return
    else:
        values = array.astype(float)
        if (values >= 0).all() and (np.abs(values.sum(axis=-1) - 1) <= ROW_TOL).all():
            return
    for index in np.ndindex(*array.shape[:-1]):
        row = array[index]
        if any(v < 0 for v in row):
            raise ProbabilityError(f"{name}{list(index)}: probabilities must be >= 0, got {list(row)!r}")
        total = sum(row)
        if (abs(total - 1) > ROW_TOL) if kind == FLOAT else (total != 1):
            raise ProbabilityError(f"{name}{list(index)}: probabilities must sum to 1, got {total!r}")


def as_storage(array: np.ndarray, kind: str) -> np.ndarray:
    """Read-only float64 for float data, read-only object array for exact data."""
    return _numbers.as_kind(array, FLOAT if kind == FLOAT else EXACT)


def widest(*kinds: str) -> str:
    """``"float"`` if any kind is float, else ``"exact"``."""
    return FLOAT if FLOAT in kinds else EXACT
