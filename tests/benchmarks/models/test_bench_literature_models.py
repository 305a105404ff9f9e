"""Benchmarks of the report's literature models (run with --benchmarks); each also checks its answer.

The report must print every model in under 10 s, so each model's ``analyse()``
at its defaults should take well under 0.5 s.
"""

from fractions import Fraction

from cybergames import verify
from cybergames.models import CyberTimingModel, DeterrenceModel


def test_bench_deterrence_analyse(benchmark):
    analysis = benchmark(DeterrenceModel().analyse)
    assert dict(analysis.numbers)["attack_probability"] == Fraction(4, 7)
    assert verify(analysis.details["equilibrium"].solution).ok


def test_bench_deterrence_analyse_irrational(benchmark):
    # L = 1: 7 c^2 - 12 c + 3 = 0 (derived as in tests/models/test_deterrence.py), c* = (6 - sqrt 15)/7.
    analysis = benchmark.pedantic(DeterrenceModel(loss=1).analyse, rounds=3, iterations=1)
    assert abs(float(dict(analysis.numbers)["cutoff"]) - (6 - 15 ** 0.5) / 7) < 1e-12


def test_bench_timing_analyse(benchmark):
    analysis = benchmark(CyberTimingModel().analyse)
    assert dict(analysis.numbers)["threshold"] == Fraction(9, 7) and verify(analysis.details["solution"]).ok
