"""Benchmarks of the dynamics against nashpy, and of the exact stochastic-stability computations.

Run with::

    python -m pytest tests/benchmarks/dynamics/test_bench_dynamics.py --benchmarks \
        --benchmark-columns=min,median,rounds

The replicator paths of both libraries are compared with each other; nashpy
estimates fixation probabilities by simulation where cybergames evaluates the
closed form, so that pair times two ways of getting the same number.
"""

import warnings

import nashpy
import numpy as np
import pytest

from cybergames import stag_hunt, symmetric_game
from cybergames.dynamics import (fictitious_play, fixation_probability, kmr, replicator_dynamics,
                                 stationary_distribution, stochastically_stable)

RPS = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
TIMES = np.linspace(0, 10, 101)


def test_bench_cybergames_replicator_3x3(benchmark):
    benchmark.group = "replicator dynamics 3x3, t in [0, 10], 101 points"
    path = benchmark(replicator_dynamics, symmetric_game(RPS), [0.5, 0.3, 0.2], horizon=10, step=0.1)
    theirs = nashpy.Game(np.array(RPS)).replicator_dynamics(np.array([0.5, 0.3, 0.2]), TIMES)
    assert np.allclose(path.states[0], theirs, atol=1e-5)


def test_bench_nashpy_replicator_3x3(benchmark):
    benchmark.group = "replicator dynamics 3x3, t in [0, 10], 101 points"
    benchmark(nashpy.Game(np.array(RPS)).replicator_dynamics, np.array([0.5, 0.3, 0.2]), TIMES)


def test_bench_cybergames_fictitious_play_10x10(benchmark):
    benchmark.group = "fictitious play 10x10, 2000 rounds"
    rng = np.random.default_rng(0)
    from cybergames import NormalFormGame
    game = NormalFormGame(list(rng.random((2, 10, 10))))
    benchmark.pedantic(fictitious_play, (game, 2000), rounds=5, iterations=1)


def test_bench_nashpy_fictitious_play_10x10(benchmark):
    benchmark.group = "fictitious play 10x10, 2000 rounds"
    rng = np.random.default_rng(0)
    A, B = rng.random((2, 10, 10))
    game = nashpy.Game(A, B)

    def run():
        np.random.seed(0)
        for _ in game.fictitious_play(iterations=2000):
            pass
    benchmark.pedantic(run, rounds=5, iterations=1)


def test_bench_cybergames_fixation_probability_exact_n20(benchmark):
    benchmark.group = "fixation probability, N = 20"
    game = symmetric_game([[3, 1], [2, 2]])
    result = benchmark(fixation_probability, game, 20)
    assert 0 < result.probability < 1


def test_bench_nashpy_fixation_probability_simulated_n20(benchmark):
    benchmark.group = "fixation probability, N = 20"
    game = nashpy.Game(np.array([[3, 1], [2, 2]]))
    population = np.array([0] + [1] * 19)

    def run():
        np.random.seed(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return game.fixation_probabilities(population, repetitions=100)
    benchmark.pedantic(run, rounds=3, iterations=1)


@pytest.mark.parametrize("population", [10, 40])
def test_bench_kmr_stochastically_stable(benchmark, population):
    benchmark.group = "KMR stochastic stability"
    result = benchmark(lambda: stochastically_stable(kmr(stag_hunt(), population)))
    assert result.stable_states == ((0, population),)


def test_bench_kmr_exact_stationary_distribution_n20(benchmark):
    from fractions import Fraction
    benchmark.group = "KMR stationary distribution, N = 20"
    chain = kmr(stag_hunt(), 20)
    benchmark.pedantic(stationary_distribution, (chain, Fraction(1, 100)), rounds=3, iterations=1)


def test_bench_kmr_float_stationary_distribution_n20(benchmark):
    benchmark.group = "KMR stationary distribution, N = 20"
    chain = kmr(stag_hunt(), 20)
    benchmark(stationary_distribution, chain, 0.01)
