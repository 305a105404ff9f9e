"""Benchmarks of solve_mdp (run with --benchmarks).

Target (issue 10): a 100-state, 3-action MDP solved exactly in under 1 s. The
instance is random but seeded: each action moves from each state to 4 random
states with probability 1/4 each, integer rewards in 0..9, discount 9/10.
Each benchmark also checks its answer, so a fast wrong answer fails.
"""

from fractions import Fraction

import numpy as np
import pytest

from cybergames import verify
from cybergames.stochastic import solve_mdp


def random_mdp(states=100, actions=3, seed=0):
    rng = np.random.default_rng(seed)
    transitions = np.zeros((actions, states, states), dtype=object)
    transitions[...] = 0
    for a in range(actions):
        for s in range(states):
            for t in rng.choice(states, 4, replace=False):
                transitions[a, s, t] += Fraction(1, 4)
    rewards = rng.integers(0, 10, (actions, states)).tolist()
    return transitions, rewards, Fraction(9, 10)


@pytest.mark.parametrize("seed", [0, 1])
def test_bench_exact_100_states_3_actions(benchmark, seed):
    mdp = random_mdp(seed=seed)
    result = benchmark(solve_mdp, *mdp)
    assert result.exact and verify(result).ok


def test_bench_float_value_iteration_100_states(benchmark):
    transitions, rewards, _ = random_mdp()
    result = benchmark(solve_mdp, transitions.astype(float), np.array(rewards, dtype=float), 0.9)
    assert verify(result).ok
