"""Benchmarks of the mixed KMRW equilibrium (run with --benchmarks): 50 periods, exact."""

from fractions import Fraction

import cybergames.reputation.kmrw_mixed as kmrw_mixed
from cybergames import verify
from cybergames.reputation import chain_store, kmrw_equilibrium


def _cold():
    kmrw_mixed._SOLVERS.clear()              # the value functions are cached per (a, b, prior): time them too
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


def _cold_history_dependent():
    kmrw_mixed._SOLVERS.clear()
    return kmrw_equilibrium(Fraction(3, 10), 16, Fraction(7, 5), -1)


def test_bench_kmrw_history_dependent_16_periods_cold(benchmark):
    # refused before history-dependent play (the coverage sample's a = 7/5, b = -1 with another prior)
    eq = benchmark(_cold_history_dependent)
    assert verify(eq).ok


def _cold_fast_growing():
    kmrw_mixed._SOLVERS.clear()
    return kmrw_equilibrium(Fraction(9, 25), 28, Fraction(14, 5), Fraction(-13, 5))


def test_bench_kmrw_fast_growing_value_functions_28_periods_cold(benchmark):
    # over 20 s before the value functions were built from the prior up (they gain breakpoints near 0)
    eq = benchmark.pedantic(_cold_fast_growing, rounds=3, iterations=1)
    assert verify(eq).ok


def _cold_value_sets(prior, periods, a, b):
    kmrw_mixed._SOLVERS.clear()
    kmrw_mixed._PIECES.clear()
    return kmrw_equilibrium(prior, periods, a, b)


def test_bench_kmrw_value_sets_5_periods_cold(benchmark):
    # refused by both searches before the value sets (the posteriors lie inside cells); the time includes theirs
    eq = benchmark.pedantic(_cold_value_sets, args=(Fraction(4, 25), 5, Fraction(6, 5), -1), rounds=3, iterations=1)
    assert verify(eq).ok


def test_bench_kmrw_nodes_over_value_sets_28_periods_cold(benchmark):
    # the search on nodes over the value sets of the last 8 periods, after both searches stop (their time included)
    eq = benchmark.pedantic(_cold_value_sets, args=(Fraction(17, 100), 28, Fraction(9, 5), Fraction(-13, 5)),
                            rounds=1, iterations=1)
    assert verify(eq).ok
