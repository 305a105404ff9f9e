"""Benchmarks of the mixed KMRW equilibrium (run with --benchmarks): 50 periods, exact."""

from fractions import Fraction

import cybergames.reputation.kmrw_mixed as kmrw_mixed
from cybergames import verify
from cybergames.reputation import chain_store, kmrw_equilibrium


def _cold():
    kmrw_mixed._SOLVERS.clear()              # the value functions are cached per (a, b): time them too
    return kmrw_equilibrium(Fraction(1, 10), 50, 2, -1)


def test_bench_kmrw_50_periods_exact_cold(benchmark):
    eq = benchmark(_cold)
    assert eq.exact and len(eq.path) == 50


def test_bench_kmrw_50_periods_exact_cached_value_functions(benchmark):
    eq = benchmark(kmrw_equilibrium, Fraction(1, 10), 50, 2, -1)
    assert verify(eq).ok


def test_bench_verify_chain_store_1000_periods_exact(benchmark):
    eq = chain_store(Fraction(1, 10), 1000, 2, Fraction(1, 2))
    assert benchmark(verify, eq).ok
