"""Benchmarks of perfect_bayesian_equilibria on random games of growing size (run with --benchmarks).

Each game is drawn from a fixed seed: integer payoffs in [-5, 5] and a prior
with integer weights in [1, 9]; the float variant holds the same numbers as
floats. Sizes are types x messages x actions.
"""

from fractions import Fraction

import numpy as np
import pytest

from cybergames.signalling import SignallingGame, d1, intuitive_criterion, perfect_bayesian_equilibria

SIZES = [(2, 2, 2), (2, 3, 3), (3, 3, 3), (3, 4, 4), (4, 3, 3), (4, 4, 4)]


def random_game(types, messages, actions, *, exact=True, seed=0):
    rng = np.random.default_rng([seed, types, messages, actions])
    weights = rng.integers(1, 10, size=types)
    prior = [Fraction(int(w), int(weights.sum())) if exact else float(w / weights.sum()) for w in weights]
    payoffs = rng.integers(-5, 6, size=(2, types, messages, actions))
    if not exact:
        payoffs = payoffs.astype(float)
    return SignallingGame([f"t{i}" for i in range(types)], prior, [f"m{j}" for j in range(messages)],
                          [f"a{k}" for k in range(actions)], payoffs[0].tolist(), payoffs[1].tolist())


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
@pytest.mark.parametrize("size", SIZES, ids=["x".join(map(str, s)) for s in SIZES])
def test_bench_perfect_bayesian_equilibria(benchmark, size, exact):
    sg = random_game(*size, exact=exact)
    # a fresh game per round, so that the memo of belief polytopes does not carry over
    equilibria = benchmark.pedantic(perfect_bayesian_equilibria, setup=lambda: ((random_game(*size, exact=exact),), {}),
                                    rounds=5, iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    assert [eq.sender for eq in equilibria] == [eq.sender for eq in perfect_bayesian_equilibria(sg)]


def test_bench_refinements_4x4x4(benchmark):
    sg = random_game(4, 4, 4)
    equilibria = perfect_bayesian_equilibria(sg)

    def refine():
        return [(intuitive_criterion(sg, eq).survives, d1(sg, eq).survives) for eq in equilibria]

    results = benchmark(refine)
    benchmark.extra_info["equilibria"] = len(equilibria)
    assert all(ic or not strong for ic, strong in results)


def test_bench_d1_4x4x4_fresh_game(benchmark):
    # D1 over every pure PBE of a 4x4x4 game, on a fresh copy of the game each round, so that
    # the reply sets cached per game are computed inside the timing.
    equilibria = perfect_bayesian_equilibria(random_game(4, 4, 4))

    def refine(sg):
        return [d1(sg, eq).survives for eq in equilibria]

    results = benchmark.pedantic(refine, setup=lambda: ((random_game(4, 4, 4),), {}), rounds=10, iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    assert len(results) == len(equilibria)
