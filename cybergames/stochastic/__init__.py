"""Stochastic (Markov) games and decision problems.

* :func:`solve_mdp`: finite discounted MDPs, by exact policy iteration (exact
  input) or float value iteration; :func:`policy_values` evaluates a policy.
* :func:`optimal_stopping`: stopping problems with a threshold policy on a
  finite or discretised ordered state; :func:`axelrod_iliev`: the threshold for
  using a cyber resource given its stealth and persistence (Axelrod & Iliev 2014).
* :class:`StochasticGame`: finite discounted stochastic games;
  :func:`shapley_value` solves the two-player zero-sum ones (Shapley's
  iteration or Hoffman–Karp), exactly when the value is rational.
* :func:`markov_perfect_equilibria`: every pure stationary Markov perfect
  equilibrium, and the mixed ones of two-player games with two actions per state.
* :func:`simulate_chain`, :func:`simulate_mdp`, :func:`simulate_game`: seeded
  simulation of the induced Markov chains.

The maths and sources are in ``docs/explanation/stochastic-games.rst``.
"""

from .game import StochasticGame
from .markov_perfect import (MarkovPerfectEquilibrium, MarkovPerfectSet, deviation_gains,
                             markov_perfect_equilibria, profile_values)
from .mdp import MDPResult, policy_values, solve_mdp
from .simulation import ChainPath, simulate_chain, simulate_game, simulate_mdp
from .stopping import (CyberTimingResult, StoppingResult, axelrod_iliev, optimal_stopping,
                       timing_mdp)
from .zero_sum import ShapleyResult, shapley_value, stage_matrix

__all__ = [
    "solve_mdp",
    "policy_values",
    "MDPResult",
    "optimal_stopping",
    "StoppingResult",
    "axelrod_iliev",
    "CyberTimingResult",
    "timing_mdp",
    "StochasticGame",
    "shapley_value",
    "ShapleyResult",
    "stage_matrix",
    "markov_perfect_equilibria",
    "MarkovPerfectEquilibrium",
    "MarkovPerfectSet",
    "profile_values",
    "deviation_gains",
    "simulate_chain",
    "simulate_mdp",
    "simulate_game",
    "ChainPath",
]
