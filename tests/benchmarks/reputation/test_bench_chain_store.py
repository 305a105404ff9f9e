"""Benchmark of the exact chain store (run with --benchmarks): 50 periods, Fractions throughout, under 1 s."""

from fractions import Fraction

from cybergames import verify
from cybergames.reputation import chain_store


def test_bench_chain_store_50_periods_exact(benchmark):
    eq = benchmark(chain_store, Fraction(1, 1000), 50, Fraction(3, 2), Fraction(9, 10))
    benchmark.extra_info["deterred"] = eq.deterred
    assert eq.exact and len(eq.path) == 50 and verify(eq).ok


def test_bench_chain_store_50_periods_float(benchmark):
    eq = benchmark(chain_store, 0.001, 50, 1.5, 0.9)
    assert not eq.exact and len(eq.path) == 50
