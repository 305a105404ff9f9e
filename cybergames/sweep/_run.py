"""Running a sweep: cutting the grid into chunks, serially or on an executor, and assembling the table."""

from __future__ import annotations

import math
import pickle
import sys
import warnings
from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, ProcessPoolExecutor, wait
from dataclasses import fields, is_dataclass
from typing import Any, Callable, Sequence

import numpy as np

from ._grid import Chunk, Grid, parse_grid
from ._table import SweepTable, column_array
from ..errors import ParameterError, SweepInterruptedError

__all__ = ["sweep", "grid_points", "progress_bar"]

#: The column name of a function that returns a single value.
RESULT = "result"

#: Default number of chunks a sweep is cut into, and the most points in one chunk.
TARGET_CHUNKS = 64
MAX_CHUNKSIZE = 10_000

ProgressCallback = Callable[[int, int], Any]


def grid_points(grid: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The parameter points of ``grid`` as dictionaries, in the order :func:`sweep` visits them.

    Examples
    --------
    >>> grid_points({"a": [1, 2], "b": ["x", "y"]})
    [{'a': 1, 'b': 'x'}, {'a': 1, 'b': 'y'}, {'a': 2, 'b': 'x'}, {'a': 2, 'b': 'y'}]
    """
    parsed = parse_grid(grid)
    return [point for _, point in parsed.chunk(0, parsed.size)]


def sweep(func: Callable[..., Any], grid: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]],
          executor: Executor | None = None, *, progress: bool | ProgressCallback = False,
          chunksize: int | None = None, on_worker_loss: str = "raise") -> SweepTable:
    r"""Evaluate ``func(**point)`` at every point of ``grid``; return the results in grid order.

    Parameters
    ----------
    func : callable
        Called with each point's parameters as keyword arguments. It returns a
        single value, a mapping of named results or a dataclass instance (see the
        module docstring). For a process pool or a Dask cluster it must be
        picklable: a function defined at module level of an importable module.
    grid : mapping or sequence of mappings
        A mapping name -> sequence of values (list, tuple, range or 1-D numpy
        array; numpy values are passed on as Python numbers), whose Cartesian
        product is swept with the last parameter varying fastest; or an explicit
        sequence of parameter mappings, all with the same names.
    executor : concurrent.futures.Executor, optional
        Where to run: None runs serially in this process; a
        ``ThreadPoolExecutor``, a ``ProcessPoolExecutor`` or a Dask client's
        ``client.get_executor()`` spreads the chunks over its workers.
    progress : bool or callable, default False
        True draws a progress bar on standard error; a callable is called as
        ``progress(done, total)`` with the number of points finished, once with 0
        before the first chunk and after every chunk.
    chunksize : int, optional
        Points per task. By default the grid is cut into about 64 chunks of at
        most 10,000 points: enough tasks to keep a few dozen workers busy and to
        move the progress bar, few enough that the per-task overhead (a fraction
        of a millisecond for a process pool, about a millisecond for Dask) is
        negligible. Results do not depend on it.
    on_worker_loss : {"raise", "return"}, default "raise"
        What to do when a worker dies (a process pool breaks because a worker
        was killed or ran out of memory, or Dask gives up on a task with
        ``KilledWorker``). The sweep always waits for every other chunk, then:
        ``"raise"`` raises :class:`~cybergames.errors.SweepInterruptedError`
        carrying the finished rows (``.table``) and the lost points
        (``.lost``); ``"return"`` returns the finished rows, with the lost
        points in the table's ``lost`` attribute and a ``RuntimeWarning``.

    Returns
    -------
    SweepTable
        The parameter columns then the result columns, one row per point in grid
        order. ``table.lost`` is empty unless ``on_worker_loss="return"`` and
        a worker died.

    Raises
    ------
    ParameterError
        If ``func`` is not callable (or, for a process pool, not picklable), the
        grid is empty or malformed, ``executor``
        is not an Executor (pass a Dask client as ``client.get_executor()``) or
        has been shut down, ``progress`` or ``chunksize`` is invalid, or ``func``
        returns no results, results named like a parameter, or differently named
        results at different points.
    Exception
        Whatever ``func`` raises, unchanged in type, with a note naming the
        point (shown in the traceback and kept in ``exc.__notes__``). The other
        tasks are cancelled.
    SweepInterruptedError
        If a worker died and ``on_worker_loss="raise"``: the message names the
        lost points; ``.table`` holds the finished ones and ``.lost`` the lost
        ones, ready to sweep again.

    Examples
    --------
    The grim-trigger condition of the prisoner's dilemma, keep cooperating iff
    :math:`\delta \ge (T - R)/(T - P)`, computed exactly:

    >>> from fractions import Fraction
    >>> def grim(T, R, P, delta):
    ...     threshold = Fraction(T - R, T - P)
    ...     return {"threshold": threshold, "holds": delta >= threshold}
    >>> sweep(grim, {"T": [5, 6], "R": [3], "P": [1], "delta": [Fraction(1, 2), Fraction(3, 5)]})
    SweepTable: 4 rows; parameters T, R, P, delta; results threshold, holds
    T  R  P  delta  threshold  holds
    5  3  1    1/2        1/2   True
    5  3  1    3/5        1/2   True
    6  3  1    1/2        3/5  False
    6  3  1    3/5        3/5   True

    The same on a thread pool gives the same table:

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> grid = {"T": range(4, 9), "R": [3], "P": [1], "delta": [Fraction(k, 10) for k in range(10)]}
    >>> with ThreadPoolExecutor(max_workers=2) as pool:
    ...     threaded = sweep(grim, grid, pool, chunksize=7)
    >>> threaded == sweep(grim, grid)
    True
    """
    if not callable(func):
        raise ParameterError(f"func: expected a callable, got {func!r}")
    parsed = parse_grid(grid)
    report = _progress_callback(progress)
    if executor is not None and not isinstance(executor, Executor):
        raise ParameterError("executor: expected None or a concurrent.futures.Executor (for Dask, "
                             f"client.get_executor()), got {executor!r}")
    if isinstance(executor, ProcessPoolExecutor):
        try:  # fail here, clearly, rather than in the pool's feeder thread
            pickle.dumps(func)
        except Exception as exc:
            raise ParameterError(f"func: {func!r} cannot be pickled for the process pool's workers; define it "
                                 f"at module level of a module they can import ({exc})") from exc
    if on_worker_loss not in ("raise", "return"):
        raise ParameterError(f"on_worker_loss: expected 'raise' or 'return', got {on_worker_loss!r}")
    total = parsed.size
    size = _chunksize(chunksize, total)
    chunks = [parsed.chunk(start, min(start + size, total)) for start in range(0, total, size)]
    report(0, total)
    if executor is None:
        outputs = []
        for chunk in chunks:
            outputs.append(_run_chunk(func, chunk))
            report(chunk.stop, total)
        return _assemble(parsed, chunks, outputs)
    outputs, lost, cause = _run_on(executor, func, chunks, report, total)
    if not lost:
        return _assemble(parsed, chunks, outputs)
    kept = [k for k in range(len(chunks)) if k not in lost]
    points = tuple(point for k in sorted(lost) for _, point in chunks[k])
    table = _assemble(parsed, [chunks[k] for k in kept], [outputs[k] for k in kept], points)
    message = (f"executor: a worker died ({type(cause).__name__}: {cause}); {len(points)} of {total} points "
               f"were lost ({_describe(points)}); the {total - len(points)} finished points are kept")
    if on_worker_loss == "return":
        warnings.warn(message, RuntimeWarning, stacklevel=2)
        return table
    raise SweepInterruptedError(message + " in the error's .table; sweep the lost ones again with "
                                "sweep(func, error.lost, executor)", table, points) from cause


def _describe(points: tuple[dict[str, Any], ...], shown: int = 3) -> str:
    """The first few lost points, for the message."""
    head = ", ".join(repr(point) for point in points[:shown])
    return head + (f" and {len(points) - shown} more" if len(points) > shown else "")


def _worker_lost(exc: BaseException) -> bool:
    """Whether ``exc`` says the task's worker died rather than that ``func`` raised.

    A broken pool raises :class:`concurrent.futures.BrokenExecutor` (such as
    ``BrokenProcessPool``) for every unfinished task; Dask raises
    ``distributed.KilledWorker`` once a task has killed its allowed number of workers.
    """
    return isinstance(exc, BrokenExecutor) or any(kind.__name__ == "KilledWorker" for kind in type(exc).__mro__)


def _run_on(executor: Executor, func: Callable[..., Any], chunks: list[Chunk], report: ProgressCallback,
            total: int) -> tuple[list[Any], set[int], BaseException | None]:
    """Submit every chunk to ``executor``; gather the outputs in chunk order as they complete.

    Returns the outputs, the chunks lost to dead workers and the first such error.
    An exception that ``func`` raised propagates at once and cancels the rest.
    """
    futures = {}
    try:
        for k, chunk in enumerate(chunks):
            futures[executor.submit(_run_chunk, func, chunk)] = k
    except RuntimeError as exc:  # submit after shutdown
        for future in futures:
            future.cancel()
        raise ParameterError(f"executor: cannot submit tasks to {executor!r}: {exc}") from exc
    outputs: list[Any] = [None] * len(chunks)
    lost: set[int] = set()
    cause: BaseException | None = None
    done = 0
    pending = set(futures)
    try:
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=futures.__getitem__):  # the first failing point first
                k = futures[future]
                try:
                    outputs[k] = future.result()
                except Exception as exc:
                    if not _worker_lost(exc):
                        raise
                    lost.add(k)
                    cause = cause or exc
                    continue
                done += chunks[k].stop - chunks[k].start
                report(done, total)
    finally:
        for future in pending:
            future.cancel()
    return outputs, lost, cause


def _run_chunk(func: Callable[..., Any], chunk: Chunk) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Evaluate ``func`` on every point of ``chunk`` (where the chunk runs); return names and columns."""
    names: tuple[str, ...] | None = None
    columns: list[list[Any]] = []
    first: dict[str, Any] = {}
    for index, point in chunk:
        try:
            value = func(**point)
        except Exception as exc:
            _add_note(exc, f"raised by func at sweep point {index}: {point!r}")
            raise
        these, values = _flatten(value)
        if not these:
            raise ParameterError(f"func: returned no results ({value!r}) at point {point!r}")
        if names is None:
            names, first = these, point
            columns = [[] for _ in names]
        elif these != names:
            raise ParameterError(f"func: returned results named {list(these)} at point {point!r}, "
                                 f"but {list(names)} at point {first!r}")
        for column, item in zip(columns, values):
            column.append(item)
    return names or (), columns


def _flatten(value: Any, prefix: str = "") -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """Result names and values of one point: a value, a mapping or a dataclass (flattened)."""
    if is_dataclass(value) and not isinstance(value, type):
        names: list[str] = []
        values: list[Any] = []
        for item in fields(value):
            inner = getattr(value, item.name)
            if is_dataclass(inner) and not isinstance(inner, type):
                more_names, more_values = _flatten(inner, f"{prefix}{item.name}.")
                names += more_names
                values += more_values
            else:
                names.append(prefix + item.name)
                values.append(inner)
        return tuple(names), tuple(values)
    if isinstance(value, Mapping):
        keys = tuple(value)
        if not all(isinstance(key, str) for key in keys):
            raise ParameterError(f"func: result names must be strings, got the keys {list(keys)!r}")
        return keys, tuple(value[key] for key in keys)
    return (RESULT,), (value,)


def _add_note(exc: BaseException, note: str) -> None:
    if hasattr(exc, "add_note"):
        exc.add_note(note)
    else:  # Python 3.10: the attribute is kept, the traceback does not show it
        exc.__notes__ = [*getattr(exc, "__notes__", ()), note]


def _assemble(grid: Grid, chunks: list[Chunk], outputs: list[Any], lost: tuple = ()) -> SweepTable:
    """The table of ``chunks`` (all of the grid, or the finished ones when points were ``lost``)."""
    names = outputs[0][0] if outputs else ()
    for chunk, (these, _) in zip(chunks, outputs):
        if these != names:
            raise ParameterError(f"func: returned results named {list(these)} at point "
                                 f"{grid.point(chunk.start)!r}, but {list(names)} at point {grid.point(0)!r}")
    clash = sorted(set(names) & set(grid.names))
    if clash:
        raise ParameterError(f"func: result names {clash} are also parameter names; rename them")
    results = []
    for j in range(len(names)):
        values: list[Any] = []
        for _, columns in outputs:
            values += columns[j]
        results.append(column_array(values))
    parameters = grid.columns()
    if lost:
        rows = np.array([index for chunk in chunks for index in range(chunk.start, chunk.stop)], dtype=np.intp)
        parameters = tuple(column[rows] for column in parameters)
    return SweepTable(grid.names, names, parameters + tuple(results), lost)


def _chunksize(chunksize: Any, total: int) -> int:
    if chunksize is None:
        return max(1, min(math.ceil(total / TARGET_CHUNKS), MAX_CHUNKSIZE))
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ParameterError(f"chunksize: expected None or a positive integer, got {chunksize!r}")
    return chunksize


def _progress_callback(progress: Any) -> ProgressCallback:
    if progress is None or progress is False:
        return _no_progress
    if progress is True:
        return progress_bar
    if callable(progress):
        return progress
    raise ParameterError(f"progress: expected a boolean or a callable progress(done, total), got {progress!r}")


def _no_progress(done: int, total: int) -> None:
    return None


def progress_bar(done: int, total: int, *, width: int = 30) -> None:
    """Draw ``done`` out of ``total`` points as a one-line bar on standard error.

    The bar is redrawn in place (carriage return) and ends with a newline when
    ``done == total``. This is what ``sweep(..., progress=True)`` calls.
    """
    for name, value in (("done", done), ("total", total), ("width", width)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10**15:
            raise ParameterError(f"{name}: expected a non-negative integer, got {value!r}")
    filled = min(width, width * done // total) if total else width
    stream = sys.stderr
    stream.write(f"\rsweep [{'#' * filled}{'.' * (width - filled)}] {done}/{total} points "
                 f"({100 * done // max(total, 1)}%)")
    if done >= total:
        stream.write("\n")
    stream.flush()
