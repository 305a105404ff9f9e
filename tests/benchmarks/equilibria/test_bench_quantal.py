"""Benchmarks of the logit QRE branch and fit against Gambit's, on seeded random games.

Run with::

    python -m pytest tests/benchmarks/equilibria/test_bench_quantal.py --benchmarks \
        --benchmark-columns=min,median,rounds

The games are :func:`~cybergames.games.generators.random_game` draws (payoffs
uniform on [0, 1)); both libraries follow the principal branch to the same
precision (``lam = 1000``) and the end points are compared.
"""

import numpy as np
import pytest

from cybergames import fit_logit, qre_at, random_game

from ...gambit_compat import needs_pygambit, strategic

SHAPES = [(2, 2), (5, 5), (2, 2, 2), (3, 3, 2)]
LAMBDA = 1000.0


def _game(shape):
    return random_game(shape, seed=sum(shape))


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_bench_cybergames_qre_at(benchmark, shape):
    benchmark.group = f"logit QRE at lam={LAMBDA:g}, {'x'.join(map(str, shape))}"
    game = _game(shape)
    qre = benchmark.pedantic(qre_at, (game, LAMBDA), rounds=5, iterations=1)
    assert qre.residual <= 1e-9 * LAMBDA


@needs_pygambit
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_bench_pygambit_logit_solve_lambda(benchmark, shape):
    from pygambit.qre import logit_solve_lambda
    benchmark.group = f"logit QRE at lam={LAMBDA:g}, {'x'.join(map(str, shape))}"
    game = _game(shape)
    gambit_game = strategic(*[np.asarray(p) for p in game.payoffs])
    (point,) = benchmark.pedantic(logit_solve_lambda, (gambit_game,), {"lam": [LAMBDA]}, rounds=5, iterations=1)
    theirs = [[float(point.profile[p][s]) for s in gambit_game.get_strategies(p)] for p in gambit_game.players]
    ours = qre_at(game, point.lam)
    assert all(np.allclose(a, b, atol=1e-6) for a, b in zip(ours.strategies, theirs))


def test_bench_cybergames_fit_logit(benchmark):
    benchmark.group = "logit fit, 5x5"
    game = _game((5, 5))
    truth = qre_at(game, 3.0)
    counts = [list(np.round(200 * s)) for s in truth.strategies]
    fit = benchmark.pedantic(fit_logit, (game, counts), rounds=3, iterations=1)
    assert fit.status == "interior"


@needs_pygambit
def test_bench_pygambit_logit_estimate(benchmark):
    from pygambit.qre import logit_estimate
    benchmark.group = "logit fit, 5x5"
    game = _game((5, 5))
    truth = qre_at(game, 3.0)
    counts = [list(np.round(200 * s)) for s in truth.strategies]
    gambit_game = strategic(*[np.asarray(p) for p in game.payoffs])
    data = gambit_game.mixed_strategy_profile(rational=False)
    for player, row in zip(gambit_game.players, counts):
        data[player] = {label: float(c) for label, c in zip(gambit_game.get_strategies(player), row)}
    result = benchmark.pedantic(logit_estimate, (data,), rounds=3, iterations=1)
    assert result.lam == pytest.approx(fit_logit(game, counts).lam, rel=1e-4)
