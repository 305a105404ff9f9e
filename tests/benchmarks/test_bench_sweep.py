"""Benchmarks of cybergames.sweep: the vectorised path at 10^6 points, the executor overhead at 10^4.

Run with ``python -m pytest tests/benchmarks/test_bench_sweep.py --benchmarks``. The
executor benchmarks sweep a function that does almost nothing, so their time per
point is the cost of the sweep machinery on each executor.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pytest
import sympy

from cybergames.sweep import sweep, sweep_vectorized, vectorize

T, R, P, delta = sympy.symbols("T R P delta")
GRIM = delta >= (T - R) / (T - P)

# 10 * 10 * 100 * 100 = 10^6 prisoner's dilemmas (T > R > P) and discount factors.
MILLION = {"T": np.linspace(6, 8, 10), "R": np.linspace(3, 5, 10), "P": np.linspace(0, 2, 100),
           "delta": np.linspace(0, 0.99, 100)}
TEN_THOUSAND = {"x": range(100), "y": range(100)}


def product(x, y):
    """Almost no work: what remains is the sweep's own overhead."""
    return x * y


def _check_million(table):
    assert len(table) == 10**6
    holds = table.column("result")
    # spot checks against the threshold computed by hand for the first and last rows
    first, last = next(iter(table)), dict(zip(table.columns, (column[-1].item() for column in table.data)))
    for row, value in ((first, holds[0]), (last, holds[-1])):
        assert value == (row["delta"] >= (row["T"] - row["R"]) / (row["T"] - row["P"]))


def test_bench_vectorised_sweep_of_a_million_points(benchmark):
    table = benchmark(sweep_vectorized, GRIM, MILLION)
    _check_million(table)
    assert benchmark.stats.stats.mean < 1.0


def test_bench_vectorised_call_on_a_million_random_points(benchmark):
    rng = np.random.default_rng(2024)
    p = rng.uniform(0, 2, 10**6)
    r = p + rng.uniform(0.1, 2, 10**6)
    t = r + rng.uniform(0.1, 2, 10**6)
    d = rng.uniform(0, 1, 10**6)
    grim = vectorize(GRIM)
    holds = benchmark(grim, T=t, R=r, P=p, delta=d)
    assert np.array_equal(holds, d >= (t - r) / (t - p))
    assert benchmark.stats.stats.mean < 1.0


def test_bench_serial_sweep_of_ten_thousand_points(benchmark):
    table = benchmark.pedantic(sweep, (product, TEN_THOUSAND), rounds=5, iterations=1)
    assert table.column("result")[-1] == 99 * 99


def test_bench_thread_pool_sweep_of_ten_thousand_points(benchmark):
    with ThreadPoolExecutor(max_workers=2) as pool:
        table = benchmark.pedantic(sweep, (product, TEN_THOUSAND, pool), rounds=5, iterations=1)
    assert table.column("result")[-1] == 99 * 99


def test_bench_process_pool_sweep_of_ten_thousand_points(benchmark):
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        sweep(product, {"x": [0, 1], "y": [0]}, pool, chunksize=1)  # start the workers outside the timing
        table = benchmark.pedantic(sweep, (product, TEN_THOUSAND, pool), rounds=5, iterations=1)
    assert table.column("result")[-1] == 99 * 99


@pytest.mark.parametrize("pure", [True, False])
def test_bench_dask_sweep_of_ten_thousand_points(benchmark, pure):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        executor = client.get_executor(pure=pure)
        sweep(product, {"x": [0, 1], "y": [0]}, executor, chunksize=1)  # warm up
        table = benchmark.pedantic(sweep, (product, TEN_THOUSAND, executor), rounds=5, iterations=1)
    assert table.column("result")[-1] == 99 * 99
