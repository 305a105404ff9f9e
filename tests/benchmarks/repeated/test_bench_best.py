"""Benchmarks of best_equilibrium, folk_theorem_conditions and targeted retaliation (run with --benchmarks).

Each benchmark also checks its answer, so a fast wrong answer fails.
"""

from fractions import Fraction

import pytest

from cybergames import (RepeatedGame, best_equilibrium, check_equilibrium, folk_theorem_conditions,
                        noisy_attribution, prisoners_dilemma, targeted_retaliation)

GAME = prisoners_dilemma(5, 3, 1, 0)


def attribution(exact):
    q, r = (Fraction(4, 5), Fraction(1, 10)) if exact else (0.8, 0.1)
    game = GAME if exact else prisoners_dilemma(5.0, 3.0, 1.0, 0.0)
    return RepeatedGame(game, noisy_attribution(game, q, r))


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_bench_best_equilibrium_attribution_defaults(benchmark, exact):
    # 80 named profiles and all 232,324 profiles of at most two states per player.
    rg = attribution(exact)
    delta = Fraction(9, 10) if exact else 0.9
    result = benchmark.pedantic(best_equilibrium, (rg, delta), {"payoff_set": False}, rounds=3, iterations=1)
    assert result.description == "targeted_retaliation(1, 2, 2)" and result.check.holds


def test_bench_best_equilibrium_perfect_monitoring(benchmark):
    rg = RepeatedGame(GAME)
    result = benchmark.pedantic(best_equilibrium, (rg, Fraction(1, 2)), {"payoff_set": False}, rounds=3,
                                iterations=1)
    assert result.value == (3, 3)


def test_bench_folk_theorem_conditions(benchmark):
    result = benchmark(folk_theorem_conditions, attribution(True))
    assert result.holds


def test_bench_targeted_retaliation_exact_check(benchmark):
    rg = attribution(True)
    result = benchmark(check_equilibrium, rg, targeted_retaliation(1, 2, 2), Fraction(9, 10))
    assert result.holds
