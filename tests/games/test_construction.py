"""NormalFormGame.from_bimatrix, from_payoff_profiles and from_function; the constructor's layout traps."""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergames import AmbiguousLayoutWarning, NormalFormGame, nash_equilibria, prisoners_dilemma
from cybergames.errors import GameError
from cybergames.strategies import normal_form_games


def profiles_of(game):
    """The QuantEcon payoff-profile array of ``game``, built entry by entry (not by the code under test)."""
    array = np.empty(game.shape + (game.num_players,), dtype=object)
    for index in np.ndindex(*game.shape):
        for i in range(game.num_players):
            array[index + (i,)] = game.payoffs[i][index]
    return array


@given(normal_form_games(players=(1, 4), actions=(1, 3)))
def test_payoff_profiles_round_trip(game):
    assert NormalFormGame.from_payoff_profiles(profiles_of(game), game.actions) == game


@given(normal_form_games(players=(1, 4), actions=(1, 3)))
def test_a_payoff_function_rebuilds_any_game(game):
    rebuilt = NormalFormGame.from_function(game.actions, lambda profile: game.payoff(profile))
    assert rebuilt == game


@given(normal_form_games(players=2, actions=(1, 4)))
def test_bimatrix_is_the_list_of_both_matrices(game):
    A, B = (a.tolist() for a in game.payoffs)
    assert NormalFormGame.from_bimatrix(A, B, game.actions) == game


def test_quantecon_payoff_profiles_are_not_misread():
    # Issue 13: a 2x2x2 payoff-profile array (QuantEcon layout) was read as per-player matrices.
    # Profiles of the prisoner's dilemma T, R, P, S = 5, 3, 1, 0: (C, C) -> (3, 3), (C, D) -> (0, 5), ...
    profiles = np.array([[[3, 3], [0, 5]], [[5, 0], [1, 1]]])
    game = NormalFormGame.from_payoff_profiles(profiles, [["C", "D"], ["C", "D"]])
    assert game == prisoners_dilemma(T=5, R=3, P=1, S=0)
    assert len(nash_equilibria(game)) == 1            # (D, D) only: D strictly dominates
    with pytest.warns(AmbiguousLayoutWarning, match="from_payoff_profiles"):
        misread = NormalFormGame(profiles)
    assert misread != NormalFormGame.from_payoff_profiles(profiles)


def test_lists_and_unambiguous_arrays_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]])        # a list: one array per player
        NormalFormGame(list(np.zeros((2, 2, 2))))
        NormalFormGame(np.zeros((2, 3, 4)))                          # players first only: 3 != 2
        NormalFormGame.from_payoff_profiles(np.zeros((2, 2, 2)))


def test_two_matrices_passed_separately_get_a_hint():
    A, B = [[3, 0], [5, 1]], [[3, 5], [0, 1]]
    with pytest.raises(GameError, match=r"write NormalFormGame\(\[A, B\]\)"):
        NormalFormGame(A, B)
    with pytest.raises(GameError, match=r"from_bimatrix"):
        NormalFormGame(np.array(A), np.array(B))


def test_an_n_player_game_from_a_formula():
    # Three-player public-goods game (Osborne, An Introduction to Game Theory, 2004, ex. 38.1 style):
    # contributing costs 1 and adds 2 to a pot shared by 3; by hand, a contributor among two
    # contributors gets 4/3 - 1 = 1/3 and the free rider 4/3.
    game = NormalFormGame.from_function([["keep", "give"]] * 3,
                                        lambda p: tuple(Fraction(2 * p.count("give"), 3) - (a == "give")
                                                        for a in p))
    assert game.payoff(("give", "give", "keep")) == (Fraction(1, 3), Fraction(1, 3), Fraction(4, 3))
    (equilibrium,) = nash_equilibria(game)            # keeping dominates: 2/3 < 1
    assert [list(s) for s in equilibrium.strategies] == [[1, 0]] * 3


@pytest.mark.parametrize("call, words", [
    (lambda: NormalFormGame.from_bimatrix([[1, 2]], [[1], [2]]), "equal shape"),
    (lambda: NormalFormGame.from_bimatrix([1, 2], [1, 2]), "expected a matrix"),
    (lambda: NormalFormGame.from_payoff_profiles(np.zeros((2, 2, 3))), "n_1 x ... x n_N x N"),
    (lambda: NormalFormGame.from_payoff_profiles([1, 2]), "n_1 x ... x n_N x N"),
    (lambda: NormalFormGame.from_function([2, 0], lambda p: (0, 0)), "at least one action"),
    (lambda: NormalFormGame.from_function("ab", lambda p: (0,)), "per player"),
    (lambda: NormalFormGame.from_function([2, 2], lambda p: (0,)), "expected 2 payoffs"),
    (lambda: NormalFormGame.from_function([2, 2], 3), "callable"),
    (lambda: NormalFormGame.from_function([2] * 30, lambda p: p), "max_profiles=1000000"),
])
def test_bad_construction_is_a_game_error(call, words):
    with pytest.raises(GameError, match=words.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        call()


@given(st.integers(1, 4), st.integers(1, 4))
def test_from_function_respects_its_bound(rows, cols):
    if rows * cols > 6:
        with pytest.raises(GameError, match="max_profiles=6"):
            NormalFormGame.from_function([rows, cols], lambda p: (0, 0), max_profiles=6)
    else:
        assert NormalFormGame.from_function([rows, cols], lambda p: (0, 0), max_profiles=6).shape == (rows, cols)
