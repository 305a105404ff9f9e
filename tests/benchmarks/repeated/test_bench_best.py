"""Benchmarks of best_equilibrium, folk_theorem_conditions and targeted retaliation (run with --benchmarks).

Each benchmark also checks its answer, so a fast wrong answer fails.
"""

from fractions import Fraction

import pytest

from cybergames import (RepeatedGame, best_equilibrium, check_equilibrium, folk_theorem_conditions,
                        noisy_attribution, prisoners_dilemma, targeted_retaliation, verify)

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


@pytest.mark.parametrize("case", ["perfect", "attribution", "good-bad"])
def test_bench_best_equilibrium_three_states(benchmark, case):
    # max_states=3: the two-state search plus 18,144 identical three-state automata (four signals) or
    # 2,592 (the good/bad signal of Mailath & Samuelson 2006, ch. 7), then exact confirmation.
    from cybergames import Monitoring
    if case == "perfect":
        rg, delta = RepeatedGame(GAME), Fraction(1, 2)
    elif case == "attribution":
        rg, delta = attribution(True), Fraction(9, 10)
    else:
        game = prisoners_dilemma(3, 2, 0, -1)
        good = {("C", "C"): Fraction(9, 10), ("C", "D"): Fraction(3, 5), ("D", "C"): Fraction(3, 5),
                ("D", "D"): Fraction(3, 10)}
        rg = RepeatedGame(game, Monitoring(game, ["good", "bad"], {a: {"good": g, "bad": 1 - g}
                                                                  for a, g in good.items()}))
        delta = Fraction(9, 10)
    result = benchmark.pedantic(best_equilibrium, (rg, delta), {"payoff_set": False, "max_states": 3}, rounds=3,
                                iterations=1)
    assert result.check.holds and verify(result).ok
    if case == "good-bad":              # the strongly symmetric bound 5/3, derived in tests/repeated/test_best.py
        assert 1.66 < result.value[0] <= Fraction(5, 3)
