"""Cross-checks against nashpy: replicator paths, asymmetric replicator paths, and Moran fixation estimates."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from cybergames import NormalFormGame, symmetric_game
from cybergames.dynamics import asymmetric_replicator_dynamics, fixation_probability, replicator_dynamics

nashpy = pytest.importorskip("nashpy")


def test_replicator_paths_agree_with_nashpy():
    # nashpy integrates the same equation with scipy's odeint
    matrix = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    ours = replicator_dynamics(symmetric_game(matrix.tolist()), [0.5, 0.3, 0.2], horizon=10, step=0.1)
    theirs = nashpy.Game(matrix).replicator_dynamics(np.array([0.5, 0.3, 0.2]), np.asarray(ours.times))
    assert np.allclose(ours.states[0], theirs, atol=1e-5)


def test_asymmetric_replicator_paths_agree_with_nashpy():
    rng = np.random.default_rng(5)
    A, B = rng.integers(-3, 4, (2, 2, 3))
    x0, y0 = np.array([0.3, 0.7]), np.array([0.2, 0.5, 0.3])
    ours = asymmetric_replicator_dynamics(NormalFormGame([A, B]), [x0, y0], horizon=3, step=0.1)
    xs, ys = nashpy.Game(A, B).asymmetric_replicator_dynamics(x0, y0, np.asarray(ours.times))
    assert np.allclose(ours.states[0], xs, atol=1e-5) and np.allclose(ours.states[1], ys, atol=1e-5)


def test_nashpys_simulated_fixation_agrees_with_the_closed_form():
    # nashpy's Moran process: fitness is the summed payoff against all others (our average times N - 1,
    # the same selection probabilities at intensity 1), death uniform. The closed form by hand for N = 3
    # is 1/5 (tests/dynamics/test_moran.py); nashpy's estimate lies within four standard errors.
    matrix = np.array([[3, 1], [2, 2]])
    exact = float(fixation_probability(symmetric_game(matrix.tolist()), 3).probability)
    np.random.seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fixed = nashpy.Game(matrix).fixation_probabilities(np.array([0, 1, 1]), repetitions=2000)
    estimate = fixed.get((0, 0, 0), 0.0)                   # keyed by the final population
    assert abs(estimate - exact) <= 4 * np.sqrt(exact * (1 - exact) / 2000)
