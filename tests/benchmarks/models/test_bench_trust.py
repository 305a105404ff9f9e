"""Benchmark of the trust model's analysis at its defaults (run with --benchmarks); it also checks the answer."""

from fractions import Fraction

from cybergames.models import TrustModel


def test_bench_trust_analyse_defaults(benchmark):
    analysis = benchmark(TrustModel().analyse)
    # the separating gesture of 3 units; cooperation from delta = 11/20 with it (tests/models/test_trust.py)
    assert analysis.details["answer"].start_with == Fraction(11, 20) and analysis.sustainable is True


def test_bench_trust_reputation_reading(benchmark):
    reading = benchmark(TrustModel(periods=100).reputation)
    # KMRW at mu = 7/10 >= mu* = 2/3: cooperation in all but the last two periods (tests/models/test_trust_reputation.py)
    assert reading.holds and reading.cooperative_periods == 98
