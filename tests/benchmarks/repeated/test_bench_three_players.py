"""Issue 9's three-player case: the public-goods game with noisy attribution (run with --benchmarks).

::

    python -m pytest tests/benchmarks/repeated/test_bench_three_players.py --benchmarks \\
        --benchmark-columns=min,median,rounds

``public_goods(3)`` (multiplier 2, cost 1: payoffs from -1/3 to 4/3) with
``noisy_attribution(game, 0.9, 0.1)`` (eight blame signals) at delta = 0.9,
tol = 1e-2. ``method="projection"`` runs to convergence; ``method="jyc"``
(32 directions) gets the budget of the two-player benchmark, 40 iterations.
The gap, the status and the iterations are recorded in extra_info.

Measured for ``method="projection"`` (one run of the same call, load average
3-5 on 2 cores): "converged" after 40 iterations, gap 0.00991, 128 s wall and
57 s of process CPU time (``time.process_time()``, close to the wall time of
an idle machine); the inner polytope has 595 vertices, the outer one 545.
Before this method, ``method="jyc"`` had a gap of 0.175 after 6 iterations.
The independent check of that inner polytope (``verify``: one HiGHS program
per vertex, continuations as lotteries over the vertices) found every one of
the 595 vertices generated (largest residual 9e-13) in 569 s wall, 293 s CPU.
"""

import pytest

from cybergames import RepeatedGame, equilibrium_payoff_set, noisy_attribution, public_goods

GAME = public_goods(3)
CASE = RepeatedGame(GAME, noisy_attribution(GAME, 0.9, 0.1))
BUDGET = {"projection": {}, "jyc": {"max_iter": 40}}


@pytest.mark.parametrize("method", sorted(BUDGET))
def test_three_player_public_goods(benchmark, method):
    V = benchmark.pedantic(equilibrium_payoff_set, args=(CASE, 0.9),
                           kwargs=dict(method=method, tol=1e-2, **BUDGET[method]), rounds=1, iterations=1)
    benchmark.extra_info.update(gap=V.hausdorff, status=V.status, iterations=V.iterations)
    assert len(V.inner.vertices)        # verify(V) takes about a second per inner vertex: see the slow test
