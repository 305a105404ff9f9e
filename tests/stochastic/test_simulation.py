"""Simulation: reproducible with a seed, and the discounted payoffs estimate the exact values."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from cybergames.errors import GameError, ParameterError, ProbabilityError
from cybergames.stochastic import (StochasticGame, policy_values, profile_values, simulate_chain, simulate_game,
                                   simulate_mdp)

H = Fraction(1, 2)


def test_same_seed_same_path_and_generators_are_accepted():
    P = [[H, H], [Fraction(1, 4), Fraction(3, 4)]]
    a = simulate_chain(P, 0, 200, rng=7).states
    b = simulate_chain(P, 0, 200, rng=np.random.default_rng(7)).states
    assert np.array_equal(a, b) and a[0] == 0 and set(a) <= {0, 1}


def test_long_run_frequencies_match_the_stationary_distribution():
    # pi P = pi for P = [[1/2, 1/2], [1/4, 3/4]]: pi = (1/3, 2/3) by hand (pi_0/2 = pi_1/4).
    states = simulate_chain([[H, H], [Fraction(1, 4), Fraction(3, 4)]], 0, 20000, rng=1).states
    assert np.mean(states == 0) == pytest.approx(1 / 3, abs=0.02)


def test_mdp_paths_estimate_the_policy_values():
    P = [[[H, H], [Fraction(1, 4), Fraction(3, 4)]]]
    r = [[1, 3]]
    exact = policy_values(P, r, Fraction(9, 10), [0, 0])
    rng = np.random.default_rng(0)
    totals = [simulate_mdp(P, r, [0, 0], 0, 120, 0.9, rng=rng).discounted_payoffs[0] for _ in range(400)]
    # standard error about sd/sqrt(400) <= 10/20: allow 4 of them around the exact value
    assert np.mean(totals) == pytest.approx(float(exact[0]), abs=2.0)


def test_game_paths_estimate_the_profile_values():
    pennies = StochasticGame([[[[1, -1], [-1, 1]], [[-1, 1], [1, -1]]], [[[2, 0], [0, 2]], [[0, 2], [2, 0]]]],
                             [[[[H, H], [H, H]], [[H, H], [H, H]]]] * 2, H)
    profile = [((H, H), (H, H)), (0, 1)]
    exact = profile_values(pennies, profile)
    rng = np.random.default_rng(3)
    totals = np.array([simulate_game(pennies, profile, 0, 40, rng=rng).discounted_payoffs for _ in range(500)])
    # |sum| <= 4, so the standard error is below 4/sqrt(500) < 0.18; delta^40 truncation is negligible
    assert totals.mean(axis=0) == pytest.approx([float(v[0]) for v in exact], abs=0.5)


def test_bad_simulation_input():
    with pytest.raises(ProbabilityError, match="transitions"):
        simulate_chain([[H, H], [H, 0]], 0, 3)
    with pytest.raises(GameError, match="initial"):
        simulate_chain([[1]], 1, 3)
    with pytest.raises(ParameterError, match="periods"):
        simulate_chain([[1]], 0, -1)
    with pytest.raises(ParameterError, match="rng"):
        simulate_chain([[1]], 0, 1, rng="seed")
    with pytest.raises(GameError, match="policy"):
        simulate_mdp([[[1]]], [[1]], [1], 0, 3)
