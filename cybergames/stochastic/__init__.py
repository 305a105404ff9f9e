"""Stochastic (Markov) games and decision problems."""

from .game import StochasticGame
from .mdp import MDPResult, policy_values, solve_mdp
from .stopping import (CyberTimingResult, StoppingResult, axelrod_iliev, optimal_stopping,
                       timing_mdp)
from .zero_sum import ShapleyResult, shapley_value, stage_matrix

__all__ = ["solve_mdp", "policy_values", "MDPResult", "StochasticGame", "shapley_value", "ShapleyResult", "stage_matrix",
           "optimal_stopping", "StoppingResult", "axelrod_iliev", "CyberTimingResult", "timing_mdp"]
