"""minmax and maxmin: textbook values, LP duality, the gap with three players, exact vs float."""

from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import (NormalFormGame, matching_pennies, maxmin, minmax, prisoners_dilemma, public_goods,
                        symmetric_game, verify)
from cybergames.equilibria import _lp
from cybergames.strategies import normal_form_games

RPS = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]


def test_rock_paper_scissors_mixed_minmax_is_strictly_below_the_pure_one():
    # von Neumann & Morgenstern (1944), Theory of Games and Economic Behavior, sec. 18.3 (the
    # "Stone, Paper, Scissors" game): value 0 with the uniform mix. By hand: against any pure
    # punishment the player picks the winning action and gets 1, so the pure minmax is 1; against
    # (1/3, 1/3, 1/3) every action pays (1 + 0 - 1) / 3 = 0, and no punishment does better since the
    # uniform mix guarantees the player 0.
    game = symmetric_game(RPS, actions=("R", "P", "S"))
    mixed, pure = minmax(game, 0), minmax(game, 0, mixed=False)
    assert mixed.value == 0 and pure.value == 1 and mixed.value < pure.value
    assert tuple(mixed.punishment[1]) == (F(1, 3), F(1, 3), F(1, 3)) and mixed.punishment[0] is None
    assert tuple(mixed.security) == (F(1, 3), F(1, 3), F(1, 3))
    assert verify(mixed) and verify(pure)


def test_matching_pennies_security_levels():
    # Fudenberg & Tirole (1991), Game Theory, sec. 5.1.1 (minmax in matching pennies): mixed minmax
    # 0 (the punisher mixes 1/2-1/2), pure minmax 1 and pure maxmin -1.
    game = matching_pennies()
    for player in (0, 1):
        assert minmax(game, player).value == 0
        assert maxmin(game, player).value == 0
        assert minmax(game, player, mixed=False).value == 1
        assert maxmin(game, player, mixed=False).value == -1
    assert tuple(maxmin(game, 0).strategy) == (F(1, 2), F(1, 2))


def test_prisoners_dilemma_minmax_is_mutual_punishment():
    # Fudenberg & Tirole (1991), sec. 5.1.2: in the prisoner's dilemma the minmax payoff is P, by
    # defecting; here P = 1 (Axelrod's payoffs).
    game = prisoners_dilemma()
    result = minmax(game, "0")
    assert result.value == 1 and tuple(result.punishment[1]) == (0, 1)
    assert maxmin(game, 1).value == 1


def test_a_two_by_two_value_by_hand():
    # M = [[3, 1], [0, 2]]: the row player equalises 3p = p + 2 (1 - p), p = 1/2, value 3/2; the
    # column player equalises 3q + (1 - q) = 2 (1 - q), q = 1/4.
    game = NormalFormGame([[[3, 1], [0, 2]], [[0, 0], [0, 0]]])
    low, high = maxmin(game, 0), minmax(game, 0)
    assert low.value == high.value == F(3, 2)
    assert tuple(low.strategy) == (F(1, 2), F(1, 2)) and tuple(high.punishment[1]) == (F(1, 4), F(3, 4))


def test_three_players_where_correlated_punishment_is_stronger():
    # Player 0 picks one of three bets on the others' actions b, c: "both 0", "both 1", "different",
    # and wins 1 if right. Correlated punishers put 1/3 on each bet's event (e.g. 1/3 (0,0),
    # 1/3 (1,1), 1/6 (0,1), 1/6 (1,0)): value 1/3, which equals player 0's maxmin (LP duality).
    # Independent punishers cannot: with p = P(b = 0), q = P(c = 0) the three events have
    # probabilities pq, (1-p)(1-q), p + q - 2pq, summing to 1, and all equal to 1/3 would need
    # p + q = 1 and pq = 1/3 > 1/4 >= pq. So the bounds must differ and value is None.
    payoff = np.zeros((3, 2, 2), dtype=object)
    for b in range(2):
        for c in range(2):
            payoff[0, b, c], payoff[1, b, c], payoff[2, b, c] = int(b == c == 0), int(b == c == 1), int(b != c)
    game = NormalFormGame([payoff, payoff * 0, payoff * 0])
    result = minmax(game, 0)
    assert result.value is None and result.lower == F(1, 3) and result.upper > F(1, 3)
    assert maxmin(game, 0).value == F(1, 3)
    # upper is attained by the independent punishment it names, and a fine grid finds nothing
    # below lower (the grid minimum is 4/9 at p = q = 1/3 or 2/3)
    p, q = result.punishment[1][0], result.punishment[2][0]
    assert result.upper == max(p * q, (1 - p) * (1 - q), p + q - 2 * p * q)
    grid = np.linspace(0, 1, 301)
    P, Q = np.meshgrid(grid, grid)
    grid_min = np.maximum(np.maximum(P * Q, (1 - P) * (1 - Q)), P + Q - 2 * P * Q).min()
    assert float(result.lower) < grid_min <= float(result.upper) + 1e-12
    assert result.upper == F(4, 9)
    assert verify(result)
    assert minmax(game, 0, mixed=False).value == 1


def test_three_player_public_goods_minmax_is_exact():
    # n = 3, multiplier 2, cost 1: the others defect and the player's best reply (defect) pays 0.
    # The player's maxmin is 0 too (defecting guarantees 0), so the bounds meet.
    game = public_goods(n=3, multiplier=2, cost=1)
    result = minmax(game, 1)
    assert result.value == 0 and result.lower == result.upper == 0
    assert result.correlated.shape == (2, 2) and verify(result)


two_player_exact = normal_form_games(2, (1, 4), min_value=-5, max_value=5, max_denominator=2)


@pytest.mark.slow
@given(two_player_exact)
def test_minmax_equals_maxmin_with_two_players_and_is_bracketed_by_pure_values(game):
    for player in (0, 1):
        high, low = minmax(game, player), maxmin(game, player)
        assert high.value == low.value                      # the minimax theorem
        assert maxmin(game, player, mixed=False).value <= low.value
        assert high.value <= minmax(game, player, mixed=False).value
        assert verify(high) and verify(low)


@pytest.mark.slow
@settings(max_examples=30)
@given(normal_form_games(3, (1, 3), min_value=-3, max_value=3))
def test_three_player_bounds_are_certified(game):
    for player in range(3):
        result = minmax(game, player)
        assert result.lower <= result.upper <= minmax(game, player, mixed=False).value
        assert result.lower == maxmin(game, player).value
        assert (result.value is None) == (result.lower != result.upper)
        assert verify(result) and verify(maxmin(game, player))


@pytest.mark.slow
@given(two_player_exact)
def test_exact_and_float_values_agree(game):
    as_float = NormalFormGame([np.array(p, dtype=float) for p in game.payoffs])
    for player in (0, 1):
        exact, approximate = minmax(game, player), minmax(as_float, player)
        assert exact.exact and not approximate.exact
        assert isinstance(exact.value, (int, F)) and isinstance(approximate.value, float)
        assert approximate.value == pytest.approx(float(exact.value), abs=1e-9)
        assert verify(approximate)


@settings(max_examples=40)
@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_exact_simplex_fallback_agrees_with_the_certified_path(rows, cols, data):
    matrix = np.array(data.draw(st.lists(st.lists(st.integers(-3, 3), min_size=cols, max_size=cols),
                                         min_size=rows, max_size=rows)), dtype=object)
    value, x, rho = _lp.exact_solution(matrix)
    assert _lp.certificate_value(matrix, x, rho) == (value, value)
    other, x2, rho2 = _lp._sympy_solution(matrix)
    assert other == value and _lp.certificate_value(matrix, x2, rho2) == (value, value)
    # the last resort: the best vertex of {w >= 0 : N w <= 1}, N = M - min + 1, normalised
    low = min(matrix.flat)
    shifted = [[F(v - low + 1) for v in row] for row in matrix]
    w = _lp._vertex_max(shifted)
    punishment = [v / sum(w) for v in w]
    assert max(matrix.dot(np.array(punishment, dtype=object))) == value


def test_inputs_are_not_mutated():
    payoffs = [np.array(RPS, dtype=float), -np.array(RPS, dtype=float)]
    copies = [p.copy() for p in payoffs]
    game = NormalFormGame(payoffs)
    minmax(game, 0), maxmin(game, 1)
    assert all(np.array_equal(p, c) for p, c in zip(payoffs, copies))
