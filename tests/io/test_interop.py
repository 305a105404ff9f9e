"""Tests of cybergames/io/_interop.py: conversion to and from nashpy, QuantEcon and pygambit."""

import io
import sys
from fractions import Fraction

import nashpy
import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from ..gambit_compat import needs_pygambit, null_table, pygambit
from ..optional import needs_quantecon
from .io_strategies import exact_games, float_games, same_entries

from cybergames import NormalFormGame, matching_pennies, prisoners_dilemma, public_goods
from cybergames.errors import GameError, ParameterError
from cybergames.io import from_nashpy, from_pygambit, from_quantecon, to_nashpy, to_pygambit, to_quantecon
from cybergames.strategies import mixed_profiles, normal_form_games


def test_io_does_not_import_quantecon_or_pygambit_until_used():
    # Both are heavy (numba) and optional; importing cybergames.io must not pull them in.
    import subprocess
    code = "import sys, cybergames.io; print('quantecon' in sys.modules, 'pygambit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


# ------------------------------------------------------------------ nashpy
def test_prisoners_dilemma_to_nashpy_and_back():
    game = prisoners_dilemma(5, 3, 1, 0)
    nash_game = to_nashpy(game)
    A, B = nash_game.payoff_matrices
    assert A.dtype == np.int64 and A.tolist() == [[3, 0], [5, 1]] and B.tolist() == [[3, 5], [0, 1]]
    assert from_nashpy(nash_game, game.actions, game.players) == game
    assert game.to_nashpy().payoff_matrices[0].tolist() == A.tolist()
    assert NormalFormGame.from_nashpy(nash_game, game.actions) == game


def test_nashpy_finds_the_equilibrium_of_a_converted_game():
    # Matching pennies has the unique equilibrium (1/2, 1/2) for both players (Osborne, An
    # Introduction to Game Theory, 2004, Example 116.1); nashpy's own solver must see the same game.
    equilibria = list(to_nashpy(matching_pennies()).support_enumeration())
    assert len(equilibria) == 1
    assert all(np.allclose(sigma, [0.5, 0.5]) for sigma in equilibria[0])


@given(normal_form_games(2, (1, 4), exact=False))
def test_float_games_round_trip_through_nashpy(game):
    assert same_entries(from_nashpy(to_nashpy(game), game.actions), game)


@given(normal_form_games(2, (1, 4), max_denominator=12))
def test_fractions_survive_nashpy_with_dtype_object(game):
    back = from_nashpy(to_nashpy(game, dtype=object))
    assert back == game and back.kind == "exact"
    default = to_nashpy(game)  # Fractions become floats unless asked otherwise
    assert default.payoff_matrices[0].dtype in (np.int64, np.float64)
    assert np.allclose(default.payoff_matrices[0].astype(float), game.payoffs[0].astype(float))


@given(st.data())
def test_nashpy_and_cybergames_agree_on_expected_payoffs(data):
    game = data.draw(normal_form_games(2, (1, 4)))
    profile = data.draw(mixed_profiles(game))
    ours = game.expected_payoffs(profile)
    theirs = to_nashpy(game, dtype=object)[np.asarray(profile[0], dtype=object), np.asarray(profile[1], dtype=object)]
    assert tuple(theirs) == ours


def test_nashpy_errors():
    with pytest.raises(GameError, match="nashpy games have two players; this game has 3"):
        to_nashpy(public_goods(3))
    with pytest.raises(GameError, match=r"symbols \['P', 'R', 'S', 'T'\]"):
        to_nashpy(prisoners_dilemma(*sympy.symbols("T R P S")))
    with pytest.raises(GameError, match="expected a nashpy.Game, got list"):
        from_nashpy([[1, 2], [3, 4]])
    with pytest.raises(GameError, match="expected a cybergames NormalFormGame"):
        to_nashpy(nashpy.Game([[1]]))
    with pytest.raises(GameError, match="needs integer payoffs"):
        to_nashpy(prisoners_dilemma(Fraction(11, 2), 3, 1, 0), dtype=int)
    with pytest.raises(ParameterError, match="dtype"):
        to_nashpy(prisoners_dilemma(), dtype="U3")
    boolean = nashpy.Game([[1]], [[0]])  # nashpy cannot build a boolean game; set the matrices directly
    boolean.payoff_matrices = (np.array([[True]]), np.array([[False]]))
    with pytest.raises(GameError, match="boolean"):
        from_nashpy(boolean)


# ------------------------------------------------------------------ QuantEcon
@needs_quantecon
@given(normal_form_games((1, 4), (1, 3)))
def test_quantecons_payoff_profile_matches_ours_at_every_profile(game):
    # QuantEcon computes each player's payoff from its own axis order; agreeing at every pure
    # profile checks the axis convention (own action first, then players i+1, ..., i-1).
    converted = to_quantecon(game)
    assert converted.N == game.num_players and converted.nums_actions == game.shape
    for index in np.ndindex(game.shape):
        theirs = converted[index] if game.num_players > 1 else [converted[index[0]]]  # QuantEcon's g[profile]
        assert tuple(int(v) for v in theirs) == game.payoff(index)


@needs_quantecon
@given(st.one_of(exact_games(max_players=4, labels=False).filter(lambda g: g.num_players > 1),
                 normal_form_games((2, 4), (1, 3), exact=False)))
def test_games_round_trip_through_quantecon(game):
    back = from_quantecon(to_quantecon(game, dtype=object if game.is_exact else None), game.actions, game.players)
    assert back == game


@needs_quantecon
def test_quantecon_three_player_axes_by_hand():
    # payoffs[1][a0, a1, a2] = 100*a0 + 10*a1 + a2; QuantEcon's player 1 array is indexed [a1, a2, a0].
    values = np.fromfunction(lambda a, b, c: 100 * a + 10 * b + c, (2, 3, 4), dtype=int)
    game = NormalFormGame([np.zeros((2, 3, 4), dtype=int), values, np.zeros((2, 3, 4), dtype=int)])
    array = to_quantecon(game).players[1].payoff_array
    assert array.shape == (3, 4, 2)
    assert array[2, 3, 1] == 100 * 1 + 10 * 2 + 3


@needs_quantecon
def test_quantecon_equilibria_of_a_converted_game():
    # The prisoner's dilemma has the single pure equilibrium (D, D).
    import quantecon.game_theory as qe
    g = to_quantecon(prisoners_dilemma(5, 3, 1, 0))
    assert qe.pure_nash_brute(g) == [(1, 1)]


@needs_quantecon
def test_quantecon_errors():
    with pytest.raises(GameError, match="to_quantecon needs numeric payoffs"):
        to_quantecon(prisoners_dilemma(*sympy.symbols("T R P S")))
    with pytest.raises(GameError, match="expected a quantecon.game_theory.NormalFormGame"):
        from_quantecon(to_nashpy(prisoners_dilemma()))


# ------------------------------------------------------------------ pygambit
@needs_pygambit
@given(exact_games(labels=False))
def test_exact_games_round_trip_through_pygambit(game):
    back = from_pygambit(to_pygambit(game))
    assert back == game and back.actions == game.actions and back.players == game.players


@needs_pygambit
@given(float_games(labels=False))
def test_floats_go_to_pygambit_as_their_exact_decimal_values(game):
    back = from_pygambit(to_pygambit(game))
    assert back.is_exact
    assert [list(a.flat) for a in back.payoffs] == [[Fraction(repr(float(v))) for v in a.flat] for a in game.payoffs]


@needs_pygambit
def test_an_extensive_game_gives_its_strategic_form():
    # Entry game: the entrant stays Out (0, 2) or goes In; then the incumbent Fights (-1, -1) or
    # Accommodates (1, 1). Its strategic form, by hand: Out gives (0, 2) whatever the incumbent plans.
    tree = pygambit.read_efg(io.BytesIO(b"""EFG 2 R "Entry" { "Entrant" "Incumbent" }
p "" 1 1 "" { "Out" "In" } 0
t "" 1 "out" { 0, 2 }
p "" 2 1 "" { "Fight" "Accommodate" } 0
t "" 2 "fight" { -1, -1 }
t "" 3 "accommodate" { 1, 1 }
"""))
    game = from_pygambit(tree)
    assert game.players == ("Entrant", "Incumbent")
    assert game.payoffs[0].tolist() == [[0, 0], [-1, 1]]
    assert game.payoffs[1].tolist() == [[2, 2], [-1, 1]]


@needs_pygambit
def test_pygambit_null_outcomes_are_zero_payoffs():
    table = null_table([2, 2])  # every contingency has the null outcome
    assert from_pygambit(table).payoffs[0].tolist() == [[0, 0], [0, 0]]


@needs_pygambit
def test_pygambit_errors():
    with pytest.raises(GameError, match="expected a pygambit.Game"):
        from_pygambit(prisoners_dilemma())
    with pytest.raises(GameError, match="to_pygambit needs numeric payoffs"):
        to_pygambit(prisoners_dilemma(*sympy.symbols("T R P S")))
    with pytest.raises(ParameterError, match="title"):
        to_pygambit(prisoners_dilemma(), title=None)
    # Both pygambit 16.7 and 17 refuse a label with two consecutive spaces.
    with pytest.raises(GameError, match=r"game\.actions: .*'a  b'.*pygambit refuses"):
        to_pygambit(NormalFormGame([[1, 2]], actions=[["a  b", "x"]]))
