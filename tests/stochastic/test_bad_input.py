"""Bad input to the stochastic solvers: the precise error, naming the argument; inputs never mutated."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy

from cybergames.errors import DiscountFactorError, GameError, ParameterError, ProbabilityError
from cybergames.stochastic import (StochasticGame, axelrod_iliev, markov_perfect_equilibria, optimal_stopping,
                                   policy_values, shapley_value, solve_mdp)

H = Fraction(1, 2)
P = [[[H, H], [0, 1]]]
R = [[1, 0]]
GAME = StochasticGame([[[1, 0], [0, 1]]], [[[[1], [1]], [[1], [1]]]], H)

CASES = [
    (solve_mdp, (P, R, 1), {}, DiscountFactorError, "discount"),
    (solve_mdp, (P, R, Fraction(3, 2)), {}, DiscountFactorError, "discount"),
    (solve_mdp, (P, R, -0.1), {}, DiscountFactorError, "discount"),
    (solve_mdp, (P, R, sympy.Symbol("d")), {}, DiscountFactorError, "discount"),
    (solve_mdp, ([[[H, H], [H, 0]]], R, H), {}, ProbabilityError, "transitions[0, 1]"),
    (solve_mdp, ([[[Fraction(3, 2), -H], [0, 1]]], R, H), {}, ProbabilityError, "transitions"),
    (solve_mdp, ([[[0.5, 0.6], [0, 1]]], R, 0.5), {}, ProbabilityError, "sum to 1"),
    (solve_mdp, (P, [[1, 0, 2]], H), {}, GameError, "rewards"),
    (solve_mdp, ([[[1, 0]]], [[1]], H), {}, GameError, "transitions"),
    (solve_mdp, ([[[1, 0], [1]]], R, H), {}, GameError, "transitions"),
    (solve_mdp, (P, [["a", 0]], H), {}, GameError, "rewards"),
    (solve_mdp, (P, [[float("nan"), 0]], H), {}, GameError, "rewards"),
    (solve_mdp, (P, R, H), {"method": "simplex"}, ParameterError, "method"),
    (solve_mdp, (P, R, H), {"tol": 0}, ParameterError, "tol"),
    (policy_values, (P, R, H, [0, 1]), {}, GameError, "policy"),
    (StochasticGame, ([[[1, 0]]], [[[[1], [1]]], [[[1]]]], H), {}, GameError, "transitions"),
    (StochasticGame, ([[[1, 0]]], [[[[1, 0]]]], H), {}, GameError, "transitions[0]"),
    (StochasticGame, ([[[1, 0]]], [[[[H], [H]]]], H), {}, ProbabilityError, "transitions[0]"),
    (StochasticGame, ([[[1, 0]]], [[[[1], [1]]]], 1), {}, DiscountFactorError, "discount"),
    (StochasticGame, ([], [], H), {}, GameError, "payoffs"),
    # zero-dimensional arrays have no len() (a TypeError, found by the fuzz test)
    (StochasticGame, ((None, {}), np.array(0.0), {}), {}, GameError, "transitions"),
    (StochasticGame, (np.array(0.0), [], H), {}, GameError, "payoffs"),
    (StochasticGame, ([[[1, 0]], [[[[1]]], [[[1]]], [[[1]]]]], [[[[1, 0], [1, 0]]], [[[[0, 1]]]]], H), {},
     GameError, "payoffs[1]"),
    (shapley_value, (StochasticGame([[[[1, 0]], [[1, 0]]]], [[[[1], [1]]]], H),), {}, GameError, "zero-sum"),
    (shapley_value, ("game",), {}, GameError, "game"),
    (shapley_value, (GAME,), {"method": "lp"}, ParameterError, "method"),
    (markov_perfect_equilibria, (StochasticGame([[[1, 0, 1]]], [[[[1], [1], [1]]]], H),), {"mixed": True},
     GameError, "two actions"),
    (optimal_stopping, ([1, 2], [[1, 0], [0, 1], [0, 1]], H), {}, GameError, "transitions"),
    (optimal_stopping, ([1, 2], [[1, 0], [H, 0]], H), {}, ProbabilityError, "transitions[1]"),
    (optimal_stopping, ([1, 2], [[1, 0], [0, 1]], 2), {}, DiscountFactorError, "discount"),
    (axelrod_iliev, (Fraction(3, 2), 1, H, {1: 1}), {}, ParameterError, "stealth"),
    (axelrod_iliev, (0, -1, H, {1: 1}), {}, ParameterError, "persistence"),
    (axelrod_iliev, (0, 1, 1, {1: 1}), {}, DiscountFactorError, "discount"),
    (axelrod_iliev, (0, 1, H, {1: H}), {}, ProbabilityError, "stakes"),
    (axelrod_iliev, (0, 1, H, {-1: 1}), {}, ParameterError, "stakes"),
    (axelrod_iliev, (0, 1, H, [1, 2]), {}, ParameterError, "stakes"),
]


@pytest.mark.parametrize("function, args, kwargs, error, word", CASES,
                         ids=[f"{c[0].__name__}-{k}" for k, c in enumerate(CASES)])
def test_bad_input_raises_the_precise_error(function, args, kwargs, error, word):
    with pytest.raises(error) as info:
        function(*args, **kwargs)
    assert type(info.value) is error
    assert word in str(info.value)
