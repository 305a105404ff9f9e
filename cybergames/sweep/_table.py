"""The tidy table a sweep returns: one row per parameter point, one column per parameter and result.

Columns are read-only one-dimensional numpy arrays typed by what they hold:

* ``bool`` when every entry is a boolean (Python or numpy);
* ``int64`` when every entry is an integer that fits in 64 bits;
* ``float64`` when every entry is a float or an integer and at least one is a float;
* ``object`` otherwise: exact ``Fraction`` results, sympy expressions, integers
  beyond 64 bits, strings and mixtures keep their Python values unchanged
  (numpy scalars among them become the Python numbers they hold).
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

import numpy as np

from ..errors import ParameterError

__all__ = ["SweepTable", "column_array"]

_INT64 = (-(2**63), 2**63 - 1)


def _python(value: Any) -> Any:
    """A numpy scalar as the Python value it holds; anything else unchanged."""
    return value.item() if isinstance(value, np.generic) else value


def column_array(values: Sequence[Any]) -> np.ndarray:
    """A read-only column holding ``values``, typed by the rule in the module docstring.

    >>> column_array([1, 2]).dtype, column_array([1, 2.5]).dtype, column_array([True]).dtype
    (dtype('int64'), dtype('float64'), dtype('bool'))
    >>> from fractions import Fraction
    >>> column_array([Fraction(1, 2), 1])
    array([Fraction(1, 2), 1], dtype=object)
    """
    values = [_python(value) for value in values]
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("bool")
        elif isinstance(value, int):
            kinds.add("int")
        elif isinstance(value, float):
            kinds.add("float")
        else:
            kinds.add("object")
            break
    if kinds == {"int"} and not all(_INT64[0] <= value <= _INT64[1] for value in values):
        kinds = {"object"}
    if kinds == {"bool"}:
        array = np.array(values, dtype=bool)
    elif kinds == {"int"}:
        array = np.array(values, dtype=np.int64)
    elif kinds and kinds <= {"int", "float"}:
        array = np.array(values, dtype=float)
    else:
        array = np.empty(len(values), dtype=object)
        array[:] = values
    array.flags.writeable = False
    return array


def _text(value: Any) -> str:
    """How a value appears in the printed table and in CSV: Fractions as ``1/2``."""
    return str(_python(value))


def _same_column(a: np.ndarray, b: np.ndarray) -> bool:
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype == object:
        return all(type(x) is type(y) and _same_value(x, y) for x, y in zip(a, b))
    if a.dtype.kind == "f":
        return bool(np.array_equal(a, b, equal_nan=True))
    return bool(np.array_equal(a, b))


def _same_value(x: Any, y: Any) -> bool:
    if isinstance(x, float) and math.isnan(x):
        return isinstance(y, float) and math.isnan(y)
    return bool(x == y)


@dataclass(frozen=True, eq=False)
class SweepTable:
    """The results of a parameter sweep: one row per point, in grid order.

    Attributes
    ----------
    parameters : tuple of str
        The parameter names, in grid order.
    results : tuple of str
        The result names: ``("result",)`` when the swept function returns a
        single value, the keys of its mapping, or its dataclass fields.
    data : tuple of numpy.ndarray
        One read-only 1-D array per column, parameters first (see :meth:`column`).
    lost : tuple of dict
        The parameter points missing from the table because a worker died
        (``sweep(..., on_worker_loss="return")``); empty for a complete sweep.

    Tables compare equal when they have the same columns with the same dtypes
    and the same values; in object columns the types must agree too, so a
    ``Fraction(1, 2)`` never equals a ``0.5``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import numpy as np
    >>> table = SweepTable(("x",), ("y",), (np.array([1, 2]), np.array([Fraction(1, 2), 1], dtype=object)))
    >>> table
    SweepTable: 2 rows; parameters x; results y
    x    y
    1  1/2
    2    1
    >>> table.column("y")
    array([Fraction(1, 2), 1], dtype=object)
    >>> list(table)
    [{'x': 1, 'y': Fraction(1, 2)}, {'x': 2, 'y': 1}]
    """

    parameters: tuple[str, ...]
    results: tuple[str, ...]
    data: tuple[np.ndarray, ...] = field(repr=False)
    lost: tuple[dict[str, Any], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        for name in ("parameters", "results", "data"):
            value = getattr(self, name)
            if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
                raise ParameterError(f"{name}: expected a sequence, got {value!r}")
        parameters, results = tuple(self.parameters), tuple(self.results)
        names = parameters + results
        if not all(isinstance(name, str) for name in names):
            raise ParameterError(f"column names must be strings, got {names!r}")
        if len(set(names)) != len(names):
            raise ParameterError(f"column names must be unique, got {names!r}")
        data = []
        for name, column in zip(names, self.data):
            array = column if isinstance(column, np.ndarray) else column_array(list(column))
            if array.ndim != 1:
                raise ParameterError(f"column {name!r}: expected a 1-D array, got shape {array.shape}")
            if array.flags.writeable:
                array = array.copy()
                array.flags.writeable = False
            data.append(array)
        if len(data) != len(names) or len({len(array) for array in data}) > 1:
            raise ParameterError(f"data: expected {len(names)} columns of one length, got lengths "
                                 f"{[len(array) for array in data]}")
        object.__setattr__(self, "parameters", parameters)
        object.__setattr__(self, "results", results)
        object.__setattr__(self, "data", tuple(data))
        lost = tuple(self.lost)
        if not all(isinstance(point, dict) for point in lost):
            raise ParameterError(f"lost: expected a sequence of parameter dicts, got {self.lost!r}")
        object.__setattr__(self, "lost", lost)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column name: the parameters, then the results."""
        return self.parameters + self.results

    def column(self, name: str) -> np.ndarray:
        """The read-only array of column ``name``.

        Raises
        ------
        ParameterError
            If there is no such column.
        """
        try:
            return self.data[self.columns.index(name)]
        except ValueError:
            raise ParameterError(f"name: no column {name!r}; the columns are {self.columns!r}") from None

    def __len__(self) -> int:
        return len(self.data[0]) if self.data else 0

    def rows(self) -> Iterator[dict[str, Any]]:
        """The rows as dictionaries column name -> Python value, in grid order."""
        names = self.columns
        lists = [column.tolist() for column in self.data]
        for values in zip(*lists):
            yield dict(zip(names, values))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.rows()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SweepTable):
            return NotImplemented
        return (self.parameters == other.parameters and self.results == other.results
                and all(_same_column(a, b) for a, b in zip(self.data, other.data)) and self.lost == other.lost)

    def __hash__(self) -> int:
        return hash((self.parameters, self.results, len(self)))

    def to_pandas(self):
        """The table as a :class:`pandas.DataFrame` (pandas is an optional dependency).

        Object columns (exact results) stay object columns.

        Raises
        ------
        ImportError
            If pandas is not installed.
        """
        try:
            import pandas
        except ImportError as exc:
            raise ImportError("SweepTable.to_pandas needs pandas: pip install pandas") from exc
        return pandas.DataFrame({name: column.copy() for name, column in zip(self.columns, self.data)},
                                columns=list(self.columns))

    def to_csv(self, path_or_buffer: str | os.PathLike | Any = None) -> str | None:
        """Write the table as CSV, a header line then one line per row.

        Fractions are written as ``1/2``, floats in their shortest round-trip form.

        Parameters
        ----------
        path_or_buffer : str, os.PathLike, file-like object or None
            Where to write; None returns the CSV text instead.

        Examples
        --------
        >>> from fractions import Fraction
        >>> print(SweepTable(("x",), ("y",), ([1, 2], [Fraction(1, 2), 0.25])).to_csv(), end="")
        x,y
        1,1/2
        2,0.25
        """
        if path_or_buffer is None:
            buffer = io.StringIO()
            self._write_csv(buffer)
            return buffer.getvalue()
        if isinstance(path_or_buffer, (str, os.PathLike)):
            with open(path_or_buffer, "w", newline="", encoding="utf-8") as handle:
                self._write_csv(handle)
            return None
        if not callable(getattr(path_or_buffer, "write", None)):
            raise ParameterError(f"path_or_buffer: expected a path, a writable file or None, "
                                 f"got {path_or_buffer!r}")
        self._write_csv(path_or_buffer)
        return None

    def _write_csv(self, handle: Any) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(self.columns)
        for row in zip(*(column.tolist() for column in self.data)):
            writer.writerow([_text(value) for value in row])

    def to_string(self, max_rows: int | None = None) -> str:
        """The table as aligned text; with ``max_rows``, the first and last rows around ``...``."""
        count = len(self)
        if max_rows is not None and count > max_rows:
            head = max(1, max_rows // 2)
            indices = list(range(head)) + [None] + list(range(count - (max_rows - head), count))
        else:
            indices = list(range(count))
        cells = [list(self.columns)]
        for index in indices:
            if index is None:
                cells.append(["..."] * len(self.columns))
            else:
                cells.append([_text(column[index]) for column in self.data])
        widths = [max(len(row[k]) for row in cells) for k in range(len(self.columns))]
        return "\n".join("  ".join(text.rjust(width) for text, width in zip(row, widths)).rstrip()
                         for row in cells)

    def __str__(self) -> str:
        return self.to_string(max_rows=10)

    def __repr__(self) -> str:
        header = (f"SweepTable: {len(self)} row{'s' if len(self) != 1 else ''}; "
                  f"parameters {', '.join(self.parameters)}; results {', '.join(self.results)}")
        if self.lost:
            header += f"; {len(self.lost)} point{'s' if len(self.lost) != 1 else ''} lost to a dead worker"
        return header + "\n" + self.to_string(max_rows=10)
