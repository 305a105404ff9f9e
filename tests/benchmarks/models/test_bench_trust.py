"""Benchmark of the trust model's analysis at its defaults (run with --benchmarks); it also checks the answer."""

from fractions import Fraction

from cybergames.models import TrustModel


def test_bench_trust_analyse_defaults(benchmark):
    analysis = benchmark(TrustModel().analyse)
    # the separating gesture of 3 units; cooperation from delta = 11/20 with it (tests/models/test_trust.py)
    assert analysis.details["answer"].start_with == Fraction(11, 20) and analysis.sustainable is True
