"""shapley_value: Shapley (1953) values derived by hand, both methods, exact certification."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from cybergames import NormalFormGame, minmax, verify
from cybergames.stochastic import StochasticGame, shapley_value, solve_mdp
from cybergames.strategies import stochastic_games

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rational_game(discount=Fraction(1, 2)):
    # State 0: the row player's matrix [[3, 0], [0, 1]]; the top row moves to state 1, where
    # the only action pair pays 1 forever; the bottom row stays in state 0.
    return StochasticGame([[[3, 0], [0, 1]], [[1]]],
                          [[[[0, 1], [0, 1]], [[1, 0], [1, 0]]], [[[0, 1]]]], discount)


def test_shapley_value_by_hand_rational():
    # Shapley (1953), PNAS 39, Thm. 1: v(s) = val G_s(v). Here v(1) = 1/(1 - 1/2) = 2 and
    # G_0(v) = [[3 + 1, 0 + 1], [v/2, 1 + v/2]] = [[4, 1], [v/2, 1 + v/2]]. If there is no saddle,
    # val [[a, b], [c, d]] = (ad - bc)/(a + d - b - c) = (4 + 2v - v/2)/(4) = (4 + 3v/2)/4, so
    # 4v = 4 + 3v/2 and v = 8/5. Check: G_0 = [[4, 1], [4/5, 9/5]]: maxmin 1 < minmax 9/5 (no saddle).
    # Row mix p on the top row: 4p + (4/5)(1 - p) = p + (9/5)(1 - p) gives 4p = 1, p = 1/4.
    for method in ("shapley", "hoffman_karp"):
        result = shapley_value(rational_game(), method=method)
        assert result.exact and result.values == (Fraction(8, 5), 2)
        assert result.strategies[0][0] == (Fraction(1, 4), Fraction(3, 4))
        assert verify(result).ok


def irrational_game():
    # State 0: [[3, 0], [0, 1]]; only (bottom, right) moves to state 1 (worth 2 as above).
    return StochasticGame([[[3, 0], [0, 1]], [[1]]],
                          [[[[1, 0], [1, 0]], [[1, 0], [0, 1]]], [[[0, 1]]]], Fraction(1, 2))


def test_shapley_value_by_hand_irrational():
    # G_0(v) = [[3 + v/2, v/2], [v/2, 1 + 1]]; without a saddle v = ((3 + v/2) 2 - v^2/4)/(5 - v/2),
    # i.e. v^2 - 16 v + 24 = 0, v = 8 - 2 sqrt(10) ~ 1.675 (the other root exceeds 1/(1 - 1/2) * 3).
    # A rational game with an irrational value: the result says it is not exact.
    expected = 8 - 2 * math.sqrt(10)
    for method in ("shapley", "hoffman_karp"):
        result = shapley_value(irrational_game(), method=method)
        assert not result.exact
        assert result.values[0] == pytest.approx(expected, abs=1e-8)
        assert verify(result).ok


def test_float_game():
    game = StochasticGame([np.array([[3.0, 0.0], [0.0, 1.0]]), [[1.0]]],
                          [[[[0, 1], [0, 1]], [[1, 0], [1, 0]]], [[[0, 1]]]], 0.5)
    result = shapley_value(game)
    assert not result.exact and result.values == pytest.approx((1.6, 2.0), abs=1e-8)


@SETTINGS
@given(stochastic_games(zero_sum=True, max_states=3, max_actions=3))
def test_shapley_and_hoffman_karp_agree_and_verify(game):
    a = shapley_value(game, method="shapley")
    b = shapley_value(game, method="hoffman_karp")
    assert np.allclose([float(v) for v in a.values], [float(v) for v in b.values], atol=1e-7)
    assert verify(a).ok and verify(b).ok


@SETTINGS
@given(stochastic_games(zero_sum=True, max_states=1, max_actions=3))
def test_one_absorbing_state_is_the_matrix_game_over_one_minus_delta(game):
    # With one state, v = val(M) + delta v, so v = val(M)/(1 - delta); val(M) by the minmax LP.
    matrix = game.payoffs[0][0]
    value = minmax(NormalFormGame([matrix, -matrix]), 1).value      # the column player's minmax of -M
    expected = Fraction(-value) / (1 - game.discount)
    assert shapley_value(game).values[0] == pytest.approx(float(expected), abs=1e-7)


@SETTINGS
@given(stochastic_games(zero_sum=True, max_states=3, max_actions=3))
def test_a_column_player_with_one_action_makes_it_an_mdp(game):
    # Keep only the column player's first action: the row player then solves an MDP.
    reduced = StochasticGame([p[0][:, :1] for p in game.payoffs], [t[:, :1, :] for t in game.transitions],
                             game.discount)
    width = max(reduced.action_counts(s)[0] for s in range(reduced.num_states))
    states = reduced.num_states
    P = [[list(reduced.transitions[s][min(a, reduced.action_counts(s)[0] - 1), 0]) for s in range(states)]
         for a in range(width)]
    r = [[reduced.payoffs[s][0][min(a, reduced.action_counts(s)[0] - 1), 0] for s in range(states)]
         for a in range(width)]
    mdp = solve_mdp(P, r, reduced.discount)
    result = shapley_value(reduced)
    assert result.exact and result.values == mdp.values
