"""Parameter grids of a sweep: validated once, cut into chunks that a worker expands itself.

A grid is either a mapping name -> sequence of values, whose Cartesian product is
swept with the first parameter varying slowest and the last fastest (the order of
nested ``for`` loops written in the mapping's order, as :func:`itertools.product`
gives it), or an explicit sequence of parameter mappings swept in the order given.

A chunk of a Cartesian grid carries the axes and an index range, not the points:
a worker expands it, so that a million-point sweep sends a few hundred values per
task rather than a million dictionaries.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Iterator

import numpy as np

from ._table import column_array
from ..errors import ParameterError

__all__ = ["Grid", "Chunk", "parse_grid"]


def _axis(values: Any, name: str) -> tuple:
    """The values of one grid parameter as a tuple, or a ParameterError naming it."""
    where = f"grid[{name!r}]"
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise ParameterError(f"{where}: expected a sequence of values or a 1-D array, "
                                 f"got an array of shape {values.shape}")
        values = values.tolist()
    elif isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise ParameterError(f"{where}: expected a sequence of values (list, tuple, range or 1-D array), "
                             f"got {type(values).__name__} {values!r}")
    if len(values) == 0:
        raise ParameterError(f"{where}: expected at least one value, got an empty sequence")
    return tuple(values)


def _check_name(name: Any) -> str:
    if not isinstance(name, str):
        raise ParameterError(f"grid: parameter names must be strings, got {name!r}")
    return name


@dataclass(frozen=True)
class Chunk:
    """Points ``start <= index < stop`` of a grid, picklable, expanded where it runs."""

    names: tuple[str, ...]
    start: int
    stop: int
    axes: tuple[tuple, ...] | None = None
    points: tuple[dict, ...] | None = None

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]]]:
        if self.points is not None:
            yield from enumerate(({**point} for point in self.points), start=self.start)
            return
        axes, names = self.axes, self.names
        sizes = [len(axis) for axis in axes]
        digits = []
        rest = self.start
        for size in reversed(sizes):  # the mixed-radix digits of start, last axis least significant
            rest, digit = divmod(rest, size)
            digits.append(digit)
        digits.reverse()
        last = len(sizes) - 1
        for index in range(self.start, self.stop):
            yield index, {name: axis[digit] for name, axis, digit in zip(names, axes, digits)}
            k = last
            while k >= 0:  # odometer: the last parameter turns fastest
                digits[k] += 1
                if digits[k] < sizes[k]:
                    break
                digits[k] = 0
                k -= 1


@dataclass(frozen=True)
class Grid:
    """A validated grid: parameter names, then either Cartesian axes or explicit points."""

    names: tuple[str, ...]
    axes: tuple[tuple, ...] | None = field(default=None, repr=False)
    points: tuple[dict, ...] | None = field(default=None, repr=False)

    @property
    def size(self) -> int:
        """The number of points."""
        if self.axes is not None:
            return math.prod(len(axis) for axis in self.axes)
        return len(self.points)

    @property
    def shape(self) -> tuple[int, ...] | None:
        """The length of each axis of a Cartesian grid; None for explicit points."""
        return None if self.axes is None else tuple(len(axis) for axis in self.axes)

    def chunk(self, start: int, stop: int) -> Chunk:
        """The points ``start <= index < stop``."""
        if self.axes is not None:
            return Chunk(self.names, start, stop, axes=self.axes)
        return Chunk(self.names, start, stop, points=self.points[start:stop])

    def point(self, index: int) -> dict[str, Any]:
        """The parameter mapping of point ``index``."""
        return next(iter(self.chunk(index, index + 1)))[1]

    def axis_columns(self) -> tuple[np.ndarray, ...]:
        """One typed column per axis of a Cartesian grid (its values, not repeated)."""
        return tuple(column_array(axis) for axis in self.axes)

    def columns(self) -> tuple[np.ndarray, ...]:
        """One typed read-only column per parameter, with one entry per point in grid order."""
        if self.points is not None:
            return tuple(column_array([point[name] for point in self.points]) for name in self.names)
        shape = self.shape
        result = []
        for k, axis in enumerate(self.axis_columns()):
            inner = math.prod(shape[k + 1:])
            outer = math.prod(shape[:k])
            column = np.tile(np.repeat(axis, inner), outer)
            column.flags.writeable = False
            result.append(column)
        return tuple(result)


def parse_grid(grid: Any) -> Grid:
    """Validate ``grid`` (a mapping name -> values, or a sequence of parameter mappings)."""
    if isinstance(grid, Mapping):
        if not grid:
            raise ParameterError("grid: expected at least one parameter, got an empty mapping")
        names = tuple(_check_name(name) for name in grid)
        return Grid(names, axes=tuple(_axis(grid[name], name) for name in names))
    if isinstance(grid, (str, bytes)) or not isinstance(grid, Sequence):
        raise ParameterError("grid: expected a mapping name -> sequence of values, or a sequence of "
                             f"parameter mappings; got {type(grid).__name__} {grid!r}")
    if len(grid) == 0:
        raise ParameterError("grid: expected at least one parameter point, got an empty sequence")
    points = []
    names: tuple[str, ...] = ()
    for index, point in enumerate(grid):
        if not isinstance(point, Mapping):
            raise ParameterError(f"grid[{index}]: expected a mapping name -> value, got {point!r}")
        if index == 0:
            names = tuple(_check_name(name) for name in point)
            if not names:
                raise ParameterError("grid[0]: expected at least one parameter, got an empty mapping")
        elif set(point) != set(names):
            raise ParameterError(f"grid[{index}]: expected the parameters {sorted(names)} of grid[0], "
                                 f"got {sorted(map(str, point))}")
        points.append({name: point[name] for name in names})
    return Grid(names, points=tuple(points))
