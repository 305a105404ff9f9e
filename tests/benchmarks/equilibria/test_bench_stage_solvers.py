"""Benchmarks of Lemke–Howson against nashpy and QuantEcon, and of the correlated-equilibrium LP.

Run with::

    python -m pytest tests/benchmarks/equilibria/test_bench_stage_solvers.py --benchmarks \
        --benchmark-columns=min,median,rounds

Float games have payoffs uniform on [0, 1) (seeded). Each solver follows the
path from label 0, which visits the same vertices in all three libraries (the
same pivot counts), so the times compare the pivoting itself; the answers are
checked against each other. ``lemke_howson`` without a label (a race of
sixteen labels) is timed too: it is what a user gets by default.
"""

import warnings

import nashpy
import numpy as np
import pytest
import quantecon.game_theory as qe

from cybergames import NormalFormGame, correlated_equilibria, lemke_howson, verify

SIZES = [50, 200]
#: fixed seeds; the label-0 path has 5 pivots at 50x50 and 6,512 at 200x200 (a long one: the default
#: race, which switches to sixteen labels after 800 pivots, ends after fewer)
SEEDS = {50: 3, 200: 4}


def float_payoffs(size):
    rng = np.random.default_rng([size, SEEDS[size]])
    return rng.random((size, size)), rng.random((size, size))


@pytest.fixture(scope="module")
def quantecon_warm():
    """Compile QuantEcon's numba kernels before timing them."""
    A, B = np.random.default_rng(0).random((2, 3, 3))
    qe.lemke_howson(qe.NormalFormGame((qe.Player(A), qe.Player(B.T))), init_pivot=0)


def _close(ours, theirs):
    return all(np.allclose(a, b, atol=1e-6) for a, b in zip(ours, theirs))


@pytest.mark.parametrize("size", SIZES)
def test_bench_cybergames_lemke_howson_label_0(benchmark, size):
    benchmark.group = f"Lemke-Howson {size}x{size}"
    game = NormalFormGame(list(float_payoffs(size)))
    eq = benchmark.pedantic(lemke_howson, (game, 0), rounds=5, iterations=1)
    assert verify(eq).ok


@pytest.mark.parametrize("size", SIZES)
def test_bench_cybergames_lemke_howson_race(benchmark, size):
    benchmark.group = f"Lemke-Howson {size}x{size}"
    game = NormalFormGame(list(float_payoffs(size)))
    eq = benchmark.pedantic(lemke_howson, (game,), rounds=5, iterations=1)
    assert verify(eq).ok


@pytest.mark.parametrize("size", SIZES)
def test_bench_quantecon_lemke_howson(benchmark, quantecon_warm, size):
    benchmark.group = f"Lemke-Howson {size}x{size}"
    A, B = float_payoffs(size)
    game = qe.NormalFormGame((qe.Player(A), qe.Player(B.T)))
    result = benchmark.pedantic(qe.lemke_howson, (game,), {"init_pivot": 0, "max_iter": 10**6},
                                rounds=5, iterations=1)
    assert _close(lemke_howson(NormalFormGame([A, B]), 0).strategies, result)


@pytest.mark.parametrize("size", [50, pytest.param(200, marks=pytest.mark.skip(
    reason="nashpy did not finish this 200x200 path (6,512 pivots) in 19 minutes"))])
def test_bench_nashpy_lemke_howson(benchmark, size):
    benchmark.group = f"Lemke-Howson {size}x{size}"
    A, B = float_payoffs(size)
    game = nashpy.Game(A, B)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = benchmark.pedantic(game.lemke_howson, (), {"initial_dropped_label": 0}, rounds=3, iterations=1)
    assert _close(lemke_howson(NormalFormGame([A, B]), 0).strategies, result)


@pytest.mark.parametrize("exact", [False, True])
def test_bench_correlated_equilibrium_10x10(benchmark, exact):
    benchmark.group = "correlated equilibrium 10x10 (welfare)"
    rng = np.random.default_rng([10, 2027])
    payoffs = [rng.integers(0, 100, (10, 10)) for _ in range(2)]
    game = NormalFormGame([p.tolist() if exact else p.astype(float) for p in payoffs])
    result = benchmark.pedantic(correlated_equilibria, (game,), rounds=5 if exact else 20, iterations=1)
    assert verify(result).ok
