"""Arrays of decoded numbers in the storage that makes building a game fast."""

from __future__ import annotations

from typing import Any

import numpy as np


def typed_array(values: list, shape: tuple[int, ...], order: str = "C") -> np.ndarray:
    """``values`` (ints, Fractions, floats or sympy expressions) as an array of ``shape``.

    All floats give a float64 array and all ints that fit an int64 array, which
    :class:`~cybergames.NormalFormGame` takes in one vectorised step; anything
    else gives an object array (the entries are numbers, never sequences, so
    numpy cannot mistake one for an axis).
    """
    kinds = set(map(type, values))
    array: Any = None
    if kinds == {float}:
        array = np.array(values, dtype=float)
    elif kinds == {int}:
        try:
            array = np.array(values, dtype=np.int64)
        except OverflowError:
            array = None
    if array is None:
        array = np.empty(len(values), dtype=object)
        for k, value in enumerate(values):
            array[k] = value
    return array.reshape(shape, order=order)
