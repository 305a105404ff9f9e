"""Benchmarks of the contagion conditions and of the norms model's analysis (run with --benchmarks).

The norms model's analyse() at its defaults runs in the cooperation report, which must stay fast: it
computes the KMR chain of 8 states and the contagion conditions of 8 states. Each benchmark checks its
answer, so a fast wrong answer fails.
"""

import pytest

from cybergames import prisoners_dilemma, verify
from cybergames.models import NormsModel
from cybergames.repeated import contagion


@pytest.mark.parametrize("states", [4, 8, 12, 16])
def test_bench_contagion(benchmark, states):
    game = prisoners_dilemma(T=5, R=4, P=2, S=0)
    found = benchmark(contagion, game, states)
    assert 0 < float(found.least_delta) < 1 and verify(found).ok


def test_bench_norms_analysis_at_the_defaults(benchmark):
    analysis = benchmark(NormsModel().analyse)
    assert analysis.details["stochastic_stability"].stable_states == ((0, 8),)
