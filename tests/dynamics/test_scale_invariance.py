"""Scale invariance of the learning dynamics: payoffs times 10**k, from 1e-300 to 1e300.

What scaling the payoffs by s > 0 does depends on the dynamics (Sandholm,
*Population Games and Evolutionary Dynamics*, 2010, §5.4 and §6.2; Weibull,
*Evolutionary Game Theory*, 1995, §3.1):

* replicator (one or several populations): the vector field
  :math:`x_i (u_i(x) - \\bar u(x))` is multiplied by s, so time is rescaled: the
  state at time t of the game s u is the state at time s t of u;
* logit dynamics :math:`\\dot x = L_\\beta(x) - x`: the choice rule depends on
  :math:`\\beta u` only, so the game s u at precision :math:`\\beta / s` follows the
  same path in the same time;
* best-response dynamics (continuous or discrete time), fictitious play, KMR
  and adaptive play: best responses are unchanged by a positive scale, so they
  are scale-invariant outright (and, as every comparison is between one
  player's own payoffs, under positive affine maps player by player).

The tie tolerance of the best responses was ``tol * max(1, |values|)``, absolute for
payoffs below 1: at 1e-300 every action was a best response.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, verify
from cybergames.dynamics import (adaptive_play, asymmetric_replicator_dynamics, best_response_dynamics,
                                 fictitious_play, kmr, logit_dynamics, replicator_dynamics)
from cybergames.strategies import normal_form_games

exponents = st.integers(-300, 300)


def scaled(game, scale):
    return NormalFormGame([np.asarray(p, dtype=float) * scale for p in game.payoffs], game.actions)


def symmetric(matrix):
    matrix = np.asarray(matrix, dtype=float)
    return NormalFormGame([matrix, matrix.T])


def same_path(first, second, atol):
    return all(np.allclose(a, b, atol=atol, rtol=0) for a, b in zip(first.states, second.states))


_matrices = st.lists(st.lists(st.integers(-3, 3), min_size=3, max_size=3), min_size=3, max_size=3)
_interior = st.lists(st.integers(1, 5), min_size=3, max_size=3).map(lambda w: [x / sum(w) for x in w])


@settings(max_examples=15, deadline=None)
@given(_matrices, _interior, exponents)
def test_replicator_time_scales_inversely_with_the_payoffs(matrix, start, exponent):
    s = 10.0 ** exponent
    unit = replicator_dynamics(symmetric(matrix), start, horizon=2.0, step=0.5)
    other = replicator_dynamics(scaled(symmetric(matrix), s), start, horizon=2.0 / s, step=0.5 / s)
    assert np.allclose(np.asarray(other.times) * s, unit.times, rtol=1e-12, atol=0)
    assert same_path(other, unit, atol=1e-6)


@settings(max_examples=10, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), min_value=-3, max_value=3), exponents)
def test_asymmetric_replicator_time_scales_inversely_with_the_payoffs(game, exponent):
    s = 10.0 ** exponent
    unit = asymmetric_replicator_dynamics(scaled(game, 1.0), horizon=2.0, step=0.5)
    other = asymmetric_replicator_dynamics(scaled(game, s), horizon=2.0 / s, step=0.5 / s)
    assert same_path(other, unit, atol=1e-6)


@settings(max_examples=10, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), min_value=-3, max_value=3), exponents,
       st.sampled_from(["continuous", "discrete"]))
def test_logit_dynamics_of_scaled_payoffs_at_the_divided_precision_follow_the_same_path(game, exponent, time):
    s = 10.0 ** exponent
    unit = logit_dynamics(scaled(game, 1.0), 2.0, horizon=2.0, step=0.5, time=time)
    other = logit_dynamics(scaled(game, s), 2.0 / s, horizon=2.0, step=0.5, time=time)
    assert same_path(other, unit, atol=1e-6)


@settings(max_examples=15, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), min_value=-3, max_value=3), exponents,
       st.sampled_from(["continuous", "discrete"]))
def test_best_response_dynamics_are_scale_invariant(game, exponent, time):
    # Integer payoffs keep their ties at every scale, so the best responses are the same sets.
    unit = best_response_dynamics(scaled(game, 1.0), horizon=2.0, step=0.5, time=time)
    other = best_response_dynamics(scaled(game, 10.0 ** exponent), horizon=2.0, step=0.5, time=time)
    assert same_path(other, unit, atol=1e-9)
    assert verify(other).ok


def test_best_responses_of_a_tiny_coordination_game_are_not_all_ties():
    # Regression: coordination game with payoffs 1e-300 on the diagonal. By hand, against the
    # opponent's (0.9, 0.1) the first action pays 0.9e-300 and the second 0.1e-300: the best response
    # is the first alone, so discrete best-response dynamics with step 1 jump to it. With the old
    # absolute tolerance both actions were best responses and the state went to (1/2, 1/2).
    game = NormalFormGame([np.eye(2) * 1e-300, np.eye(2) * 1e-300])
    path = best_response_dynamics(game, [[0.9, 0.1], [0.9, 0.1]], horizon=1, step=1, time="discrete")
    assert [list(x) for x in path.final] == [[1.0, 0.0], [1.0, 0.0]]


@settings(max_examples=15, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), min_value=-3, max_value=3), exponents)
def test_fictitious_play_is_scale_invariant(game, exponent):
    unit = fictitious_play(scaled(game, 1.0), 30)
    other = fictitious_play(scaled(game, 10.0 ** exponent), 30)
    assert np.array_equal(other.plays, unit.plays)
    assert verify(other).ok


@settings(max_examples=10, deadline=None)
@given(_matrices.map(lambda m: [row[:2] for row in m[:2]]), exponents)
def test_kmr_and_adaptive_play_chains_are_scale_invariant(matrix, exponent):
    game = symmetric(matrix)
    s = 10.0 ** exponent
    assert np.array_equal(kmr(scaled(game, s), 4).resistance, kmr(game, 4).resistance)
    assert np.array_equal(adaptive_play(scaled(game, s), 2, 1).resistance, adaptive_play(game, 2, 1).resistance)
