"""Stochastic (Markov) games and decision problems."""

from .mdp import MDPResult, policy_values, solve_mdp

__all__ = ["solve_mdp", "policy_values", "MDPResult"]
