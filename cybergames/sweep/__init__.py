r"""Parameter sweeps, serially or on any :class:`concurrent.futures.Executor`.

A single analysis takes milliseconds; research questions ask it over grids of
discount factors, attribution accuracies, group sizes and payoff samples.
:func:`sweep` evaluates a function at every point of a grid and returns a tidy
:class:`SweepTable` (one row per point, one column per parameter and result).
It runs serially, on a thread or process pool, or on a Dask cluster through
``client.get_executor()``, with identical results in grid order.

Where the answer has a closed form (a sympy relation such as
:math:`\delta \ge (T - R)/(T - P)`), :func:`vectorize` and
:func:`sweep_vectorized` compile it once to numpy and evaluate a million points
in one call instead of a million function calls.

**Grid order.** A grid ``{"a": [1, 2], "b": [10, 20, 30]}`` is swept like the
nested loops ``for a in [1, 2]: for b in [10, 20, 30]``: the first parameter
varies slowest, the last fastest (:func:`itertools.product` order, numpy's C
order). An explicit sequence of parameter mappings is swept in the order given.

**Results.** ``func(**point)`` may return

* a single value (a number, a boolean, a string, anything that is neither a
  mapping nor a dataclass instance): one result column named ``"result"``;
* a mapping name -> value: one column per key, in the mapping's order;
* a dataclass instance (frozen, as cybergames results are): one column per
  field, in field order; a field holding another dataclass is flattened in turn
  with dotted names (``"check.holds"``). Properties are not fields: return a
  mapping to record them.

Every point must give the same result names. Columns are typed by what they
hold: booleans, 64-bit integers and floats become bool, int64 and float64
arrays; exact results (``Fraction``, sympy expressions) and anything else stay
as they are in object columns.
"""

from ._run import grid_points, progress_bar, sweep
from ._table import SweepTable
from ._vectorized import VectorizedCondition, sweep_vectorized, vectorize

__all__ = ["sweep", "grid_points", "SweepTable", "vectorize", "VectorizedCondition", "sweep_vectorized",
           "progress_bar"]
