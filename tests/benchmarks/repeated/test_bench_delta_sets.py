"""Benchmarks of sustainable_discount_factors and of symbolic conditions (run with --benchmarks).

Targets (issue 3): a built-in 2x2 profile in under 50 ms exact and under 5 ms
float; a symbolic condition evaluated at 10^6 parameter points in under a
second. Each benchmark also checks its answer, so a fast wrong answer fails.
"""

import random
from fractions import Fraction

import numpy as np
import pytest
import sympy

from cybergames import NormalFormGame, prisoners_dilemma, public_goods, symmetric_game
from cybergames.repeated import (Automaton, RepeatedGame, check_equilibrium, forgiving_trigger, grim_trigger,
                                 limited_punishment, noisy_attribution, sustainable_discount_factors, tit_for_tat,
                                 trigger_on_signal, values, win_stay_lose_shift)

BUILTINS = {
    "grim_trigger": grim_trigger,
    "tit_for_tat": tit_for_tat,
    "win_stay_lose_shift": win_stay_lose_shift,
    "limited_punishment_2": lambda: limited_punishment(2),
    "forgiving_trigger_1/3": lambda: forgiving_trigger(Fraction(1, 3)),
}


def pd(exact):
    values = (5, 3, 1, 0) if exact else (5.0, 3.0, 1.0, 0.0)
    return RepeatedGame(prisoners_dilemma(*values))


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
@pytest.mark.parametrize("name", list(BUILTINS))
def test_bench_builtin_2x2(benchmark, name, exact):
    rg = pd(exact)
    profile = (BUILTINS[name](), BUILTINS[name]())
    result = benchmark(sustainable_discount_factors, rg, profile)
    assert result == sustainable_discount_factors(rg, profile)
    benchmark.extra_info["set"] = str(result)


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
@pytest.mark.parametrize("k", [12, 16])
def test_bench_limited_punishment_long(benchmark, k, exact):
    # k + 1 states per automaton: the float path solves the float inputs exactly (their polynomials
    # are of high degree) and must be no slower than the exact path
    rg = pd(exact)
    profile = (limited_punishment(k), limited_punishment(k))
    result = benchmark(sustainable_discount_factors, rg, profile)
    benchmark.extra_info["set"] = str(result)


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
@pytest.mark.parametrize("k", [7, 12, 16])
@pytest.mark.parametrize("solver", ["values", "check_equilibrium"])
def test_bench_long_profiles_values_and_checks(benchmark, solver, k, exact):
    # limited_punishment(7) has 8 states; the float path must be no slower than the exact one
    benchmark.group = f"{solver}, limited_punishment({k})"
    rg = pd(exact)
    profile = (limited_punishment(k), limited_punishment(k))
    delta = Fraction(9, 10) if exact else 0.9
    function = values if solver == "values" else check_equilibrium
    result = benchmark(function, rg, profile, delta)
    if solver == "check_equilibrium":
        assert result.holds                 # k >= 7 punishes long enough at delta = 0.9 (T, R, P = 5, 3, 1)


def _graded(exact):
    """A graded dilemma: cooperate (C), a limited attack (L), a full attack (D), which dominates."""
    matrix = [[4, 1, 0], [5, 2, 0], [6, 3, 1]]
    return symmetric_game([[x if exact else float(x) for x in row] for row in matrix], actions=("C", "L", "D"))


def _warn_then_punish():
    """Four states: cooperate; warn after a limited attack; two rounds of punishment after anything worse."""
    def transition(w, y):
        if w == "cooperate":
            if all(a == "C" for a in y):
                return "cooperate"
            return "punish 1" if "D" in y else "warn"
        if w == "warn":
            return "cooperate" if all(a == "L" for a in y) else "punish 1"
        return "punish 2" if w == "punish 1" else "cooperate"
    return Automaton(["cooperate", "warn", "punish 1", "punish 2"], "cooperate",
                     {"cooperate": "C", "warn": "L", "punish 1": "D", "punish 2": "D"}, transition)


def _random_3x3(exact, seed=3):
    """A fixed random 3x3 game and two random 4-state automata: 16 reachable joint states."""
    rnd = random.Random(seed)
    payoffs = [[[rnd.randint(-5, 5) for _ in range(3)] for _ in range(3)] for _ in range(2)]
    if not exact:
        payoffs = [[[float(x) for x in row] for row in p] for p in payoffs]
    rg = RepeatedGame(NormalFormGame(payoffs, actions=[["a", "b", "c"], ["a", "b", "c"]]))
    states = [f"s{k}" for k in range(4)]
    profile = tuple(Automaton(states, "s0", {s: rnd.choice("abc") for s in states},
                              {(s, y): rnd.choice(states) for s in states for y in rg.monitoring.signals})
                    for _ in range(2))
    return rg, profile


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_bench_3x3_graded_dilemma_4_states(benchmark, exact):
    rg = RepeatedGame(_graded(exact))
    profile = (_warn_then_punish(), _warn_then_punish())
    result = benchmark(sustainable_discount_factors, rg, profile)
    assert float(result.infimum) == pytest.approx(0.5) and result.is_interval_to_one


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_bench_3x3_random_4_state_automata(benchmark, exact):
    rg, profile = _random_3x3(exact)
    result = benchmark(sustainable_discount_factors, rg, profile)
    assert result == sustainable_discount_factors(*_random_3x3(exact))
    benchmark.extra_info["set"] = str(result)


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
def test_bench_public_goods_5_players(benchmark, exact):
    rg = RepeatedGame(public_goods(5, 2, 1) if exact else public_goods(5, 2.0, 1.0))
    profile = tuple(grim_trigger() for _ in range(5))
    result = benchmark(sustainable_discount_factors, rg, profile)
    assert float(result.infimum) == pytest.approx(3 / 8)     # (n - m)/(m (n - 1)) by hand


def test_bench_attribution_exact(benchmark):
    game = prisoners_dilemma()
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(9, 10), Fraction(1, 10)))
    blame = trigger_on_signal(lambda y: len(y) > 0)
    result = benchmark(sustainable_discount_factors, rg, (blame, blame))
    assert result.infimum == Fraction(100, 153)


def test_bench_symbolic_condition_at_a_million_points(benchmark):
    q, r = sympy.symbols("q r")
    game = prisoners_dilemma()
    rg = RepeatedGame(game, noisy_attribution(game, q, r))
    blame = trigger_on_signal(lambda y: len(y) > 0)
    condition = sustainable_discount_factors(rg, (blame, blame), assumptions=[q > r, r >= 0, q <= 1, r < 1])
    f = condition.lambdify(q, r)
    rng = np.random.default_rng(0)
    size = 10 ** 6
    qs = rng.uniform(0.5, 1, size)
    rs = rng.uniform(0, 0.2, size)
    ds = rng.uniform(0, 1, size)
    result = benchmark(f, qs, rs, ds)
    assert result.shape == (size,)
    assert np.array_equal(result, ds * (4 * (1 - rs) ** 2 - 2 * (1 - qs) * (1 - rs)) >= 2)
