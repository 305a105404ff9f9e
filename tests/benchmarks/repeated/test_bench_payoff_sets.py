"""Benchmark of equilibrium_payoff_set against QuantEcon's equilibrium_payoffs (run with --benchmarks).

Both solvers run on the same games in one session, so that the figures are
comparable on a shared machine::

    python -m pytest tests/benchmarks/repeated/test_bench_payoff_sets.py --benchmarks \\
        --benchmark-columns=min,median,rounds --benchmark-group-by=param:case

QuantEcon's numba functions are compiled before timing (one untimed call per
game). Ours runs at tol=1e-4 (Hausdorff gap between its outer and inner sets);
QuantEcon at its defaults (tol=1e-12 on vertex movement, Abreu & Sannikov's
algorithm). Each benchmark also asserts that our inner and outer sets are
within 1e-3 of QuantEcon's hull, and records that distance in extra_info.
Cases where QuantEcon raises (lower-dimensional sets) are timed for ours only.
"""

import numpy as np
import pytest
import quantecon.game_theory as qe

from cybergames import NormalFormGame, RepeatedGame, stag_hunt
from cybergames.repeated import _polytopes
from cybergames.repeated.payoff_sets import equilibrium_payoff_set

PD = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
AS_GAME = NormalFormGame([[[16, 3, 0], [21, 10, -1], [9, 5, -5]], [[9, 13, 3], [1, 4, 0], [0, -4, -15]]])
R3 = NormalFormGame([[[9, 4, 5], [8, 3, 6], [7, -2, -5]], [[-1, -1, 8], [8, -5, 2], [7, -4, 6]]])
CASES = {"pd-0.9": (PD, 0.9), "pd-0.75": (PD, 0.75), "as-0.3": (AS_GAME, 0.3), "as-0.6": (AS_GAME, 0.6),
         "as-0.9": (AS_GAME, 0.9), "stag-0.9": (stag_hunt(), 0.9), "r3-0.6": (R3, 0.6), "r3-0.9": (R3, 0.9)}


def _quantecon(game, delta):
    bimatrix = [[(float(game.payoffs[0][i, j]), float(game.payoffs[1][i, j])) for j in range(game.shape[1])]
                for i in range(game.shape[0])]
    return qe.RepeatedGame(qe.NormalFormGame(bimatrix), delta)


def _hull(hull):
    return _polytopes.hull2(hull.points[hull.vertices])


@pytest.mark.parametrize("case", sorted(CASES))
def test_bench_quantecon_equilibrium_payoffs(benchmark, case):
    game, delta = CASES[case]
    rpg = _quantecon(game, delta)
    rpg.equilibrium_payoffs()                                   # numba compilation, not timed
    hull = benchmark(rpg.equilibrium_payoffs)
    benchmark.extra_info["vertices"] = len(hull.vertices)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bench_equilibrium_payoff_set(benchmark, case):
    game, delta = CASES[case]
    rg = RepeatedGame(game)
    result = benchmark(equilibrium_payoff_set, rg, delta, tol=1e-4)
    reference = _hull(_quantecon(game, delta).equilibrium_payoffs())
    inner = np.asarray(result.inner.vertices, dtype=float)
    outer = np.asarray(result.outer.vertices, dtype=float)
    distance = max(_polytopes.hausdorff2(inner, reference), _polytopes.hausdorff2(outer, reference))
    benchmark.extra_info.update(hausdorff_to_quantecon=distance, gap=result.hausdorff,
                                iterations=result.iterations)
    assert result.converged and distance <= 1e-3


@pytest.mark.parametrize("case", ["pd-0.2", "pd-0.1439"])
def test_bench_lower_dimensional_sets(benchmark, case):
    delta = {"pd-0.2": 0.2, "pd-0.1439": 1 / 7 + 1e-3}[case]                # QuantEcon raises QhullError
    result = benchmark(equilibrium_payoff_set, RepeatedGame(PD), delta, tol=1e-4)
    assert result.shape == "segment"
