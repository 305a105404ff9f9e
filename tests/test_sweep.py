"""Tests of cybergames.sweep: grids, executors, the result table and the vectorised path."""

from __future__ import annotations

import io
import itertools
import math
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import FrozenInstanceError
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from ._sweep_functions import dies_at, grim_trigger, grim_trigger_check, grim_trigger_float, product, product_of_x, reciprocal
from cybergames.errors import ParameterError, SweepInterruptedError
from cybergames.sweep import SweepTable, VectorizedCondition, grid_points, sweep, sweep_vectorized, vectorize

# 10 * 2 * 2 * 250 = 10^4 points, every one a prisoner's dilemma (T > R > P).
GRID = {"T": range(5, 15), "R": [3, 4], "P": [0, 1], "delta": [Fraction(k, 250) for k in range(250)]}
SIZE = 10_000


def _start_method():
    # fork in a process that already runs threads (Dask's, the thread pools') can deadlock
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


@pytest.fixture(scope="module")
def serial():
    return sweep(grim_trigger, GRID)


@pytest.fixture(scope="module")
def process_pool():
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context(_start_method())) as pool:
        yield pool


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        yield client


# --- grids and order -------------------------------------------------------------------------------

def test_grid_order_is_that_of_nested_loops():
    grid = {"a": [1, 2, 3], "b": ["x", "y"], "c": [0.5, 1.5]}
    loops = [{"a": a, "b": b, "c": c} for a in grid["a"] for b in grid["b"] for c in grid["c"]]
    assert grid_points(grid) == loops
    table = sweep(product, {"x": [1, 2, 3], "y": [10, 20]})
    assert list(table) == [{"x": x, "y": y, "result": x * y}
                                            for x, y in itertools.product([1, 2, 3], [10, 20])]


@settings(max_examples=30)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(1, 50))
def test_every_chunking_visits_the_points_in_product_order(sizes, chunksize):
    grid = {f"p{k}": list(range(size)) for k, size in enumerate(sizes)}
    table = sweep(lambda **point: sum(point.values()), grid, chunksize=chunksize)
    expected = list(itertools.product(*(range(size) for size in sizes)))
    assert [tuple(row[name] for name in grid) for row in table] == expected
    assert table.column("result").tolist() == [sum(point) for point in expected]


def test_explicit_points_are_swept_in_the_order_given():
    points = [{"x": 3, "y": 1}, {"y": 2, "x": 1}, {"x": 2, "y": 2}]
    table = sweep(product, points)
    assert table.parameters == ("x", "y")
    assert table.column("x").tolist() == [3, 1, 2]
    assert table.column("result").tolist() == [3, 2, 4]


def test_numpy_axes_reach_func_as_python_numbers():
    seen = []

    def record(x):
        seen.append(type(x))
        return x

    table = sweep(record, {"x": np.array([1, 2, 3])})
    assert seen == [int, int, int]
    assert table.column("x").dtype == np.int64


# --- results ---------------------------------------------------------------------------------------

def test_grim_trigger_thresholds_are_exact():
    # Axelrod, The Evolution of Cooperation (1984), ch. 1: T, R, P = 5, 3, 1. By hand, grim trigger
    # holds iff delta >= (T - R)/(T - P) = 2/4 = 1/2.
    table = sweep(grim_trigger, {"T": [5], "R": [3], "P": [1], "delta": [Fraction(1, 4), Fraction(1, 2)]})
    assert table.results == ("threshold", "holds")
    assert table.column("threshold").dtype == object
    assert all(type(value) is Fraction for value in table.column("threshold"))
    assert table.column("threshold").tolist() == [Fraction(1, 2)] * 2
    assert table.column("holds").dtype == bool
    assert table.column("holds").tolist() == [False, True]


def test_dataclass_results_are_flattened_with_dotted_names():
    table = sweep(grim_trigger_check, {"T": [5], "R": [3], "P": [1], "delta": [Fraction(1, 4), Fraction(3, 4)]})
    assert table.results == ("holds", "values.keep", "values.deviate", "gain")
    # By hand: deviate = (1 - delta) 5 + delta 1 = 5 - 4 delta: 4 at delta 1/4, 2 at delta 3/4.
    assert table.column("values.deviate").tolist() == [4, 2]
    assert table.column("gain").tolist() == [1, -1]
    assert table.column("holds").tolist() == [False, True]


def test_dataclass_and_mapping_results_agree_with_the_hand_threshold(serial):
    checked = sweep(grim_trigger_check, GRID)
    assert checked.column("holds").tolist() == serial.column("holds").tolist()


@pytest.mark.parametrize("values, dtype", [
    ([True, False], bool), ([1, 2], np.int64), ([1, 2.5], float), ([np.float64(0.5), 1], float),
    ([Fraction(1, 2), 1], object), ([2**70, 1], object), (["a", "b"], object), ([True, 1], object),
])
def test_result_columns_are_typed_by_their_values(values, dtype):
    table = sweep(lambda k: values[k], {"k": [0, 1]})
    column = table.column("result")
    assert column.dtype == dtype
    assert column.tolist() == [value.item() if isinstance(value, np.generic) else value for value in values]
    if dtype == object:  # kept as they came, never converted
        assert [type(value) for value in column] == [type(value) for value in values]


@pytest.mark.parametrize("func, message", [
    (lambda x: {} if x else {"a": 1}, "no results"),
    (lambda x: {"a": 1} if x < 2 else {"b": 1}, "results named"),
    (lambda x: {"x": 1}, "also parameter names"),
    (lambda x: {1: 2}, "must be strings"),
])
def test_inconsistent_results_are_refused(func, message):
    with pytest.raises(ParameterError, match=message):
        sweep(func, {"x": [0, 1, 2, 3]}, chunksize=2)


# --- executors --------------------------------------------------------------------------------------

def test_grid_has_ten_thousand_points(serial):
    assert len(serial) == SIZE
    # one hand-checked row: T, R, P = 5, 3, 0 gives the threshold 2/5 = 100/250
    row = next(r for r in serial if r["T"] == 5 and r["R"] == 3 and r["P"] == 0 and r["delta"] == Fraction(2, 5))
    assert row["threshold"] == Fraction(2, 5) and row["holds"] is True


@pytest.mark.parametrize("chunksize", [None, 1_000, 7_777])
def test_process_pool_gives_the_serial_table(process_pool, serial, chunksize):
    assert sweep(grim_trigger, GRID, process_pool, chunksize=chunksize) == serial


def test_thread_pool_gives_the_serial_table(serial):
    with ThreadPoolExecutor(max_workers=3) as pool:
        assert sweep(grim_trigger, GRID, pool, chunksize=333) == serial


def test_dask_local_cluster_gives_the_serial_table(dask_client, serial):
    table = sweep(grim_trigger, GRID, dask_client.get_executor())
    assert len(table) == SIZE
    assert table == serial


@pytest.mark.slow
def test_dask_cluster_of_worker_processes_gives_the_serial_table(serial):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        assert sweep(grim_trigger, GRID, client.get_executor(), chunksize=2_500) == serial


def test_results_come_back_in_grid_order_whatever_order_they_complete_in():
    last_done = threading.Event()
    completed = []

    def wait_for_the_last(k):
        if k == 0:
            if not last_done.wait(timeout=10):
                raise TimeoutError("the last point never ran")
        completed.append(k)
        if k == 5:
            last_done.set()
        return k * k

    with ThreadPoolExecutor(max_workers=2) as pool:
        table = sweep(wait_for_the_last, {"k": range(6)}, pool, chunksize=1)
    assert completed[-1] == 0 and completed != sorted(completed)
    assert table.column("result").tolist() == [0, 1, 4, 9, 16, 25]


# --- progress -------------------------------------------------------------------------------------

@pytest.mark.parametrize("pooled", [False, True])
def test_progress_callback_counts_every_point(pooled):
    calls = []
    grid = {"x": range(10), "y": range(3)}
    if pooled:
        with ThreadPoolExecutor(max_workers=2) as pool:
            sweep(product, grid, pool, chunksize=4, progress=lambda done, total: calls.append((done, total)))
    else:
        sweep(product, grid, chunksize=4, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 30) and calls[-1] == (30, 30)
    assert len(calls) == 1 + math.ceil(30 / 4)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_progress_bar_is_drawn_on_stderr(capsys):
    sweep(product, {"x": range(10), "y": [1]}, progress=True, chunksize=5)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\rsweep [") == 3
    assert captured.err.endswith("] 10/10 points (100%)\n")


# --- errors raised by func ------------------------------------------------------------------------

def test_exceptions_propagate_with_the_failing_point_serially():
    evaluated = []

    def tracked(x):
        evaluated.append(x)
        return reciprocal(x)

    with pytest.raises(ZeroDivisionError) as info:
        sweep(tracked, {"x": [3, 2, 1, 0, -1, -2]}, chunksize=1)
    assert "point 3: {'x': 0}" in "".join(info.value.__notes__)
    assert evaluated == [3, 2, 1, 0]  # stops at the failing point


def test_exceptions_propagate_with_the_failing_point_from_processes(process_pool):
    with pytest.raises(ZeroDivisionError) as info:
        sweep(reciprocal, {"x": [3, 2, 1, 0, -1]}, process_pool, chunksize=2)
    assert "point 3: {'x': 0}" in "".join(info.value.__notes__)


def test_exceptions_propagate_with_the_failing_point_from_dask(dask_client):
    with pytest.raises(ZeroDivisionError) as info:
        sweep(reciprocal, {"x": [3, 2, 1, 0, -1]}, dask_client.get_executor(), chunksize=1)
    assert "point 3: {'x': 0}" in "".join(info.value.__notes__)


# --- bad arguments --------------------------------------------------------------------------------

def _shut_down_pool():
    pool = ThreadPoolExecutor(max_workers=1)
    pool.shutdown()
    return pool


@pytest.mark.parametrize("kwargs, argument", [
    ({"func": 3}, "func"),
    ({"grid": {}}, "grid"),
    ({"grid": []}, "grid"),
    ({"grid": {"x": []}}, "grid['x']"),
    ({"grid": {"x": 3}}, "grid['x']"),
    ({"grid": {"x": "abc"}}, "grid['x']"),
    ({"grid": {"x": {1, 2}}}, "grid['x']"),
    ({"grid": {"x": (k for k in range(3))}}, "grid['x']"),
    ({"grid": {"x": np.zeros((2, 2))}}, "grid['x']"),
    ({"grid": {1: [1]}}, "grid"),
    ({"grid": "x"}, "grid"),
    ({"grid": [{"x": 1}, 2]}, "grid[1]"),
    ({"grid": [{"x": 1}, {"y": 2}]}, "grid[1]"),
    ({"grid": [{}]}, "grid[0]"),
    ({"executor": "processes"}, "executor"),
    ({"executor": _shut_down_pool()}, "executor"),
    ({"progress": "yes"}, "progress"),
    ({"chunksize": 0}, "chunksize"),
    ({"chunksize": 2.5}, "chunksize"),
    ({"chunksize": True}, "chunksize"),
])
def test_bad_arguments_are_refused_naming_the_argument(kwargs, argument):
    arguments = {"func": product, "grid": {"x": [1, 2], "y": [3]}, **kwargs}
    with pytest.raises(ParameterError) as info:
        sweep(**arguments)
    assert str(info.value).startswith(argument)


def test_unpicklable_functions_are_refused_before_reaching_a_process_pool(process_pool):
    with pytest.raises(ParameterError, match="func: .* cannot be pickled"):
        sweep(lambda x, y: x * y, {"x": [1], "y": [2]}, process_pool)
    assert sweep(product, {"x": [1], "y": [2]}, process_pool).column("result").tolist() == [2]  # pool intact


def test_a_dask_client_itself_is_refused_with_a_pointer_to_its_executor(dask_client):
    with pytest.raises(ParameterError, match="get_executor"):
        sweep(product, {"x": [1], "y": [2]}, dask_client)


# --- the table ------------------------------------------------------------------------------------

def test_table_basics():
    table = sweep(grim_trigger, {"T": [5, 6], "R": [3], "P": [1], "delta": [Fraction(1, 2)]})
    assert len(table) == 2
    assert table.columns == ("T", "R", "P", "delta", "threshold", "holds")
    assert next(table.rows()) == {"T": 5, "R": 3, "P": 1, "delta": Fraction(1, 2),
                                  "threshold": Fraction(1, 2), "holds": True}
    with pytest.raises(ParameterError, match="no column 'q'"):
        table.column("q")
    with pytest.raises(ValueError):
        table.column("T")[0] = 7  # read-only
    with pytest.raises(FrozenInstanceError):
        table.results = ()


def test_table_equality_is_strict_about_types():
    exact = SweepTable(("x",), ("y",), ([1], [Fraction(1, 2)]))
    inexact = SweepTable(("x",), ("y",), ([1], [0.5]))
    assert exact != inexact
    assert exact == SweepTable(("x",), ("y",), ([1], [Fraction(1, 2)]))
    assert hash(exact) == hash(SweepTable(("x",), ("y",), ([1], [Fraction(1, 2)])))
    assert SweepTable(("x",), ("y",), ([1], [float("nan")])) == SweepTable(("x",), ("y",), ([1], [float("nan")]))
    assert exact != SweepTable(("x",), ("z",), ([1], [Fraction(1, 2)]))


@pytest.mark.parametrize("parameters, results, data", [
    (("x",), ("x",), ([1], [2])),
    (("x",), ("y",), ([1], [2, 3])),
    (("x",), ("y",), ([1],)),
    ((1,), ("y",), ([1], [2])),
    (("x",), ("y",), (np.zeros((1, 1)), [2])),
])
def test_malformed_tables_are_refused(parameters, results, data):
    with pytest.raises(ParameterError):
        SweepTable(parameters, results, data)


def test_table_repr_shows_the_first_and_last_rows():
    text = repr(sweep(product, {"x": range(20), "y": [2]}))
    lines = text.splitlines()
    assert lines[0] == "SweepTable: 20 rows; parameters x, y; results result"
    assert lines[1].split() == ["x", "y", "result"]
    assert lines[2].split() == ["0", "2", "0"] and lines[-1].split() == ["19", "2", "38"]
    assert [line.split() for line in lines].count(["...", "...", "..."]) == 1
    assert len(lines) == 2 + 10 + 1


def test_csv_round_trip(tmp_path):
    table = sweep(grim_trigger, {"T": [5], "R": [3], "P": [1], "delta": [Fraction(1, 3), 0.75]})
    path = tmp_path / "grim.csv"
    table.to_csv(path)
    buffer = io.StringIO()
    table.to_csv(buffer)
    assert path.read_text() == buffer.getvalue() == table.to_csv()
    assert table.to_csv().splitlines() == ["T,R,P,delta,threshold,holds", "5,3,1,1/3,1/2,False",
                                           "5,3,1,0.75,1/2,True"]
    with pytest.raises(ParameterError, match="path_or_buffer"):
        table.to_csv(3)


def test_to_pandas_keeps_exact_columns():
    pandas = pytest.importorskip("pandas")
    table = sweep(grim_trigger, {"T": [5, 6], "R": [3], "P": [1], "delta": [Fraction(1, 2)]})
    frame = table.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(table.columns)
    assert frame["threshold"].tolist() == [Fraction(1, 2), Fraction(3, 5)]
    assert frame["holds"].dtype == bool and frame["T"].dtype == np.int64


# --- the vectorised path --------------------------------------------------------------------------

T, R, P, delta = sympy.symbols("T R P delta")
GRIM = delta >= (T - R) / (T - P)
GRIM_VECTORISED = vectorize(GRIM)  # compiled once


@st.composite
def dilemma_points(draw):
    """(T, R, P, delta) floats with T > R > P and 0 <= delta < 1, built, not filtered."""
    p = draw(st.floats(-10, 10))
    gap = draw(st.floats(0.01, 10))
    share = draw(st.floats(0.01, 0.99))
    d = draw(st.floats(0, 1, exclude_max=True))
    return p + gap, p + share * gap, p, d


@given(st.lists(dilemma_points(), min_size=1, max_size=50))
def test_vectorised_grim_trigger_equals_a_python_loop(points):
    t, r, p, d = (np.array(column) for column in zip(*points))
    vectorised = GRIM_VECTORISED(T=t, R=r, P=p, delta=d)
    loop = [grim_trigger_float(*point) for point in points]
    assert vectorised.dtype == bool
    assert vectorised.tolist() == loop
    for (tt, rr, pp, dd), holds in zip(points, vectorised):  # and the exact answer away from the boundary
        exact = Fraction(tt - rr) / Fraction(tt - pp)
        if abs(Fraction(dd) - exact) > Fraction(1, 10**9):
            assert holds == (Fraction(dd) >= exact)


X = sympy.Symbol("x")
PIECEWISE = vectorize(sympy.Piecewise((X**2, X < 1), (2 * X - 1, True)))


@given(st.lists(st.floats(-5, 5), min_size=1, max_size=50))
def test_vectorised_piecewise_equals_a_python_loop(xs):
    vectorised = PIECEWISE(x=np.array(xs))
    loop = [value**2 if value < 1 else 2 * value - 1 for value in xs]
    assert vectorised.dtype == float
    assert all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300) for a, b in zip(vectorised, loop))


def test_vectorised_sweep_equals_the_serial_float_sweep():
    grid = {"T": [5.0, 6.0, 7.5], "R": [3.0, 4.0], "P": [0.0, 1.0], "delta": list(np.linspace(0, 0.99, 100))}
    assert sweep_vectorized(GRIM, grid) == sweep(grim_trigger_float, grid)
    points = grid_points(grid)[::7]
    assert sweep_vectorized(GRIM, points) == sweep(grim_trigger_float, points)


def test_vectorised_sweep_of_an_expression_and_extra_parameters():
    table = sweep_vectorized((T - R) / (T - P), {"T": [5, 6], "R": [3], "P": [1], "S": [0, -1]},
                             name="threshold")
    assert table.results == ("threshold",)
    assert table.column("threshold").tolist() == [0.5, 0.5, 0.6, 0.6]  # (5-3)/4, (6-3)/5
    assert table.column("T").dtype == np.int64


def test_vectorised_results_broadcast():
    grim = vectorize(GRIM, [T, R, P, delta])
    assert grim.names == ("T", "R", "P", "delta")
    holds = grim(np.array([[5.0], [6.0]]), 3, 1, np.array([0.4, 0.55, 0.7]))
    # thresholds 1/2 (T = 5) and 3/5 (T = 6)
    assert holds.tolist() == [[False, True, True], [False, False, True]]
    always = vectorize(sympy.Eq(T, T), [T])
    assert always(T=np.zeros(4)).tolist() == [True] * 4


@pytest.mark.parametrize("condition, expected", [
    (sympy.And(T > R, R > 1), lambda t, r: t > r and r > 1),
    (sympy.Or(T > 1, R < 1), lambda t, r: t > 1 or r < 1),
    (sympy.Not(T > 1), lambda t, r: not t > 1),
    (sympy.Min(T, R, 1), lambda t, r: min(t, r, 1)),
    (sympy.Max(T, R), lambda t, r: max(t, r)),
    (sympy.Piecewise((T, T < R), (R * 2, True)), lambda t, r: t if t < r else 2 * r),
    (sympy.Abs(T - R), lambda t, r: abs(t - r)),
])
def test_logical_and_elementwise_functions_on_an_open_grid(condition, expected):
    grid = {"T": [0.0, 1.0, 2.0, 3.0], "R": [0.5, 1.5, 2.5]}
    table = sweep_vectorized(condition, grid)
    assert table.column("result").tolist() == [expected(t, r) for t, r in itertools.product(*grid.values())]


def test_assumptions_are_enforced_on_the_values():
    x = sympy.Symbol("x", positive=True)
    absolute = vectorize(sympy.Abs(x))  # sympy has simplified Abs(x) to x using the assumption
    assert absolute.expression == x
    assert absolute(x=[1.5, 2.0]).tolist() == [1.5, 2.0]
    with pytest.raises(ParameterError, match="x: the symbol is declared positive"):
        absolute(x=[-1.0])
    n = sympy.Symbol("n", integer=True, positive=True)
    with pytest.raises(ParameterError, match="declared integer"):
        vectorize(1 / n)(n=[1.5])
    assert vectorize(1 / n)(n=[1, 2, 4]).tolist() == [1.0, 0.5, 0.25]


def test_vectorised_ten_thousand_points_agree_with_the_exact_sweep(serial):
    table = sweep_vectorized(GRIM, GRID, name="holds")
    threshold = serial.column("threshold")
    mask = np.array([abs(d - t) > Fraction(1, 10**9) for d, t in zip(serial.column("delta"), threshold)])
    assert mask.sum() > SIZE // 2
    assert np.array_equal(table.column("holds")[mask], serial.column("holds")[mask])
    assert table.parameters == serial.parameters and table.column("delta").dtype == object


@pytest.mark.parametrize("condition, grid, message", [
    ("delta >= 1/2", {"delta": [0.5]}, "condition: expected a sympy expression or relation, got a string"),
    (sympy.Function("f")(T), {"T": [1]}, "condition: undefined functions"),
    (sympy.Symbol("x") + sympy.Symbol("x", positive=True), {"x": [1]}, "condition: two different symbols"),
    (sympy.I * T, {"T": [1]}, "condition: expected a real expression"),
    (sympy.FiniteSet(1), {"T": [1]}, "condition"),
    (GRIM, {"T": [5], "R": [3], "P": [1]}, r"grid: the condition's parameters \['delta'\]"),
    (GRIM, {"T": [5], "R": [3], "P": [1], "delta": ["a"]}, "delta: expected real numbers"),
    (GRIM, {"T": [5], "R": [3], "P": [1], "delta": [float("inf")]}, "delta: expected finite numbers"),
    (GRIM, {"T": [5], "R": [3], "P": [1], "delta": [Fraction(1, 2), "a"]}, "delta: expected real numbers"),
])
def test_vectorised_bad_input_is_refused(condition, grid, message):
    with pytest.raises(ParameterError, match=message):
        sweep_vectorized(condition, grid)


def test_vectorised_call_errors():
    grim = vectorize(GRIM)
    with pytest.raises(ParameterError, match="do not broadcast"):
        grim(T=np.ones(2) * 5, R=np.ones(3) * 3, P=1, delta=0.5)
    with pytest.raises(ParameterError, match="missing values"):
        grim(T=5)
    with pytest.raises(ParameterError, match="q: not a parameter"):
        grim(T=5, R=3, P=1, delta=0.5, q=1)
    with pytest.raises(ParameterError, match="P: given both"):
        grim(1, P=1)
    with pytest.raises(ParameterError, match="at most 4 positional"):
        grim(1, 2, 3, 4, 5)
    with pytest.raises(ParameterError, match="parameters: the condition's symbols"):
        vectorize(GRIM, ["T", "R"])
    with pytest.raises(ParameterError, match="parameters: names must be unique"):
        vectorize(GRIM, ["T", "R", "P", "delta", "T"])
    with pytest.raises(ParameterError, match="name"):
        sweep_vectorized(GRIM, {"T": [5], "R": [3], "P": [1], "delta": [0.5]}, name="T")
    assert isinstance(grim, VectorizedCondition) and grim == vectorize(GRIM)


@settings(max_examples=20)
@given(st.integers(1, 30), st.integers(1, 30))
def test_vectorised_grid_order_matches_the_sweep_order(m, n):
    x, y = sympy.symbols("x y")
    grid = {"x": list(range(m)), "y": list(range(n))}
    table = sweep_vectorized(x * 100 + y, grid)
    assert table.column("result").tolist() == [float(100 * a + b) for a, b in itertools.product(range(m), range(n))]


# --- workers that die --------------------------------------------------------------------------------

class _LosingExecutor(ThreadPoolExecutor):
    """A thread pool whose tasks on the chunks starting at ``doomed`` fail as a broken pool's do."""

    def __init__(self, doomed, error):
        super().__init__(max_workers=2)
        self.doomed, self.error = set(doomed), error

    def submit(self, fn, *args, **kwargs):
        chunk = args[1]
        if chunk.start in self.doomed:
            error = self.error

            def lose():
                raise error
            return super().submit(lose)
        return super().submit(fn, *args, **kwargs)


@pytest.mark.parametrize("error", [BrokenProcessPool("a child process terminated abruptly"),
                                   type("KilledWorker", (Exception,), {})("task lost twice")])
def test_a_dead_worker_loses_only_its_points_and_says_which(error):
    grid = {"x": list(range(10))}
    with _LosingExecutor({4, 8}, error) as pool:
        with pytest.raises(SweepInterruptedError, match=r"4 of 10 points were lost \(\{'x': 4\}") as caught:
            sweep(product_of_x, grid, pool, chunksize=2)
    assert caught.value.lost == ({"x": 4}, {"x": 5}, {"x": 8}, {"x": 9})
    assert caught.value.__cause__ is error
    finished = caught.value.table
    assert list(finished) == [{"x": x, "result": x * x} for x in (0, 1, 2, 3, 6, 7)]
    assert finished.lost == caught.value.lost
    # sweeping the lost points again completes the table
    again = sweep(product_of_x, list(caught.value.lost))
    assert sorted([*finished, *again], key=lambda row: row["x"]) == list(sweep(product_of_x, grid))


def test_a_dead_worker_can_return_the_finished_rows_with_a_warning():
    with _LosingExecutor({0}, BrokenProcessPool("gone")) as pool:
        with pytest.warns(RuntimeWarning, match="1 of 3 points were lost"):
            table = sweep(product_of_x, {"x": [1, 2, 3]}, pool, chunksize=1, on_worker_loss="return")
    assert table.lost == ({"x": 1},)
    assert list(table) == [{"x": 2, "result": 4}, {"x": 3, "result": 9}]
    assert "1 point lost to a dead worker" in repr(table)


def test_every_point_lost_gives_an_empty_table():
    with _LosingExecutor({0, 2}, BrokenProcessPool("gone")) as pool:
        with pytest.raises(SweepInterruptedError) as caught:
            sweep(product_of_x, {"x": [1, 2, 3]}, pool, chunksize=2)
    assert len(caught.value.table) == 0 and len(caught.value.lost) == 3


def test_an_error_of_func_is_not_mistaken_for_a_dead_worker():
    with ThreadPoolExecutor(max_workers=2) as pool, pytest.raises(ZeroDivisionError):
        sweep(reciprocal, {"x": [1, 0, 2]}, pool, chunksize=1)


def test_on_worker_loss_is_checked():
    with pytest.raises(ParameterError, match="on_worker_loss: expected 'raise' or 'return'"):
        sweep(product_of_x, {"x": [1]}, on_worker_loss="ignore")


def test_a_process_that_really_dies_breaks_the_pool_and_the_finished_points_survive():
    grid = {"x": list(range(12)), "fatal": [7]}
    context = multiprocessing.get_context(_start_method())
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        with pytest.raises(SweepInterruptedError, match="BrokenProcessPool") as caught:
            sweep(dies_at, grid, pool, chunksize=3)
    lost, finished = caught.value.lost, caught.value.table
    assert {"x": 7, "fatal": 7} in lost
    # every point is either finished, with the right result, or named as lost
    assert sorted([row["x"] for row in finished] + [point["x"] for point in lost]) == list(range(12))
    assert all(row["result"] == row["x"] ** 2 for row in finished)
