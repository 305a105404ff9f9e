"""Generated junk fed to the stochastic and bargaining solvers raises only cybergames errors."""

from __future__ import annotations

from fractions import Fraction

import pytest

from cybergames.bargaining import bargaining_range, crisis_offer, nash_bargaining, rubinstein, rubinstein_finite
from cybergames.stochastic import (StochasticGame, axelrod_iliev, optimal_stopping, shapley_value, simulate_chain,
                                   solve_mdp)
from tests.test_errors import feed_junk

H = Fraction(1, 2)
CALLS = {
    "solve_mdp": lambda a, b, c: solve_mdp(a, b, c),
    "solve_mdp-transitions": lambda a, b, c: solve_mdp(a, [[1]], H),
    "StochasticGame": lambda a, b, c: StochasticGame(a, b, c),
    "shapley_value": lambda a, b, c: shapley_value(StochasticGame([a], [[[b]]], H)),
    "optimal_stopping": lambda a, b, c: optimal_stopping(a, b, c),
    "axelrod_iliev": lambda a, b, c: axelrod_iliev(a, b, H, c),
    "simulate_chain": lambda a, b, c: simulate_chain(a, b, 3, rng=c if not isinstance(c, (list, dict)) else 0),
    "rubinstein": lambda a, b, c: rubinstein(a, b),
    "rubinstein_finite": lambda a, b, c: rubinstein_finite(a, b, c),
    "nash_bargaining": lambda a, b, c: nash_bargaining(a, b, c),
    "bargaining_range": lambda a, b, c: bargaining_range(a, b, c),
    "crisis_offer": lambda a, b, c: crisis_offer(a, b, c),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_junk_raises_only_cybergames_errors(name):
    feed_junk(CALLS[name])
