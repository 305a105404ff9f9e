"""The classic games against their textbook tables, and their defining inequalities."""

import inspect
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import (battle_of_the_sexes, chicken, matching_pennies, prisoners_dilemma, public_goods,
                        stag_hunt, symmetric_game, trust_game)
from cybergames.errors import GameError


def bimatrix(game):
    """The game as a table {(row label, column label): (u_row, u_column)}."""
    return {profile: game.payoff(profile) for profile in game.profiles()}


# ------------------------------------------------------------- textbook tables
def test_prisoners_dilemma_is_axelrods():
    # Axelrod, The Evolution of Cooperation (1984), ch. 1, fig. 1: R = 3, S = 0, T = 5, P = 1.
    assert bimatrix(prisoners_dilemma()) == {
        ("C", "C"): (3, 3), ("C", "D"): (0, 5), ("D", "C"): (5, 0), ("D", "D"): (1, 1)}


def test_prisoners_dilemma_with_osbornes_numbers():
    # Osborne, An Introduction to Game Theory (2004), sec. 2.2: Quiet/Fink with payoffs
    # (2, 2), (0, 3), (3, 0), (1, 1); Quiet is C, so T, R, P, S = 3, 2, 1, 0.
    assert bimatrix(prisoners_dilemma(T=3, R=2, P=1, S=0)) == {
        ("C", "C"): (2, 2), ("C", "D"): (0, 3), ("D", "C"): (3, 0), ("D", "D"): (1, 1)}


def test_stag_hunt_with_osbornes_numbers():
    # Osborne (2004), sec. 2.5, the two-hunter stag hunt: (2, 2), (0, 1), (1, 0), (1, 1),
    # i.e. R = 2, S = 0, T = 1, P = 1 (T = P: a hare is worth the same whatever the other does).
    assert bimatrix(stag_hunt(R=2, T=1, P=1, S=0)) == {
        ("Stag", "Stag"): (2, 2), ("Stag", "Hare"): (0, 1), ("Hare", "Stag"): (1, 0), ("Hare", "Hare"): (1, 1)}


def test_stag_hunt_default_is_skyrms():
    # Skyrms, The Stag Hunt and the Evolution of Social Structure (2004), ch. 1: 4, 0 / 3, 3.
    assert bimatrix(stag_hunt()) == {
        ("Stag", "Stag"): (4, 4), ("Stag", "Hare"): (0, 3), ("Hare", "Stag"): (3, 0), ("Hare", "Hare"): (3, 3)}


def test_chicken_default_is_the_ordinal_game():
    # Rapoport & Chammah, "The game of chicken" (1966): T > R > S > P; ranks 3, 2, 1, 0.
    assert bimatrix(chicken()) == {
        ("Swerve", "Swerve"): (2, 2), ("Swerve", "Straight"): (1, 3),
        ("Straight", "Swerve"): (3, 1), ("Straight", "Straight"): (0, 0)}


def test_hawk_dove_as_chicken():
    # Maynard Smith & Price (1973); Osborne (2004), ch. 2 (Hawk-Dove): value V = 2, cost C = 4.
    # By hand: Dove/Dove V/2 = 1, Dove/Hawk 0 / V = 2, Hawk/Hawk (V - C)/2 = -1;
    # so T, R, S, P = 2, 1, 0, -1 with Swerve = Dove, Straight = Hawk.
    V, C = 2, 4
    game = chicken(T=V, R=Fraction(V, 2), P=Fraction(V - C, 2), S=0)
    assert bimatrix(game) == {
        ("Swerve", "Swerve"): (1, 1), ("Swerve", "Straight"): (0, 2),
        ("Straight", "Swerve"): (2, 0), ("Straight", "Straight"): (-1, -1)}


def test_battle_of_the_sexes_with_osbornes_numbers():
    # Osborne (2004), sec. 2.3 (Bach or Stravinsky?): (2, 1), (0, 0) / (0, 0), (1, 2).
    assert bimatrix(battle_of_the_sexes(high=2, low=1, mismatch=0)) == {
        ("Opera", "Opera"): (2, 1), ("Opera", "Football"): (0, 0),
        ("Football", "Opera"): (0, 0), ("Football", "Football"): (1, 2)}


def test_matching_pennies_is_osbornes():
    # Osborne (2004), sec. 2.4: (1, -1), (-1, 1) / (-1, 1), (1, -1).
    assert bimatrix(matching_pennies()) == {
        ("Heads", "Heads"): (1, -1), ("Heads", "Tails"): (-1, 1),
        ("Tails", "Heads"): (-1, 1), ("Tails", "Tails"): (1, -1)}
    assert matching_pennies().is_zero_sum


def test_trust_game_table():
    # The binary trust game in normal form (Kreps 1990; Kydd 2005, ch. 2), as the docstring states it:
    # Trust/Honour R, R; Trust/Abuse S, T; Distrust P, P whatever the trustee would do.
    game = trust_game(T=3, R=2, P=1, S=0)
    assert game.players == ("investor", "trustee")
    assert bimatrix(game) == {
        ("Trust", "Honour"): (2, 2), ("Trust", "Abuse"): (0, 3),
        ("Distrust", "Honour"): (1, 1), ("Distrust", "Abuse"): (1, 1)}
    assert game.best_responses("trustee", ("Trust", None)) == ("Abuse",)
    assert game.best_responses("investor", (None, "Abuse")) == ("Distrust",)


# ------------------------------------------------------------- public goods by hand
def test_public_goods_three_players_by_hand():
    # u_i = m c k / n - c [i contributes] (Ledyard 1995, the linear voluntary-contribution game,
    # without endowment). n = 3, m = 2, c = 1: a contribution returns 2/3 to each player.
    game = public_goods(3, 2, 1)
    share = Fraction(2, 3)
    for profile in game.profiles():
        k = profile.count("C")
        assert game.payoff(profile) == tuple(share * k - (1 if a == "C" else 0) for a in profile)
    assert game.payoff(("C", "C", "C")) == (1, 1, 1)
    assert game.payoff(("D", "D", "D")) == (0, 0, 0)
    assert game.payoff(("C", "D", "D")) == (Fraction(-1, 3), Fraction(2, 3), Fraction(2, 3))


def test_public_goods_four_players_by_hand():
    # n = 4, m = 3, c = 2: each contribution of 2 becomes 6, shared as 3/2 per player.
    game = public_goods(4, 3, 2)
    assert game.payoff(("C", "D", "D", "D")) == (Fraction(-1, 2), Fraction(3, 2), Fraction(3, 2), Fraction(3, 2))
    assert game.payoff(("C", "C", "C", "C")) == (4, 4, 4, 4)
    assert game.payoff(("C", "C", "D", "D")) == (1, 1, 3, 3)
    # Defection dominates: switching C -> D gains c (1 - m/n) = 2 * 1/4 = 1/2 whatever the others do.
    for profile in game.profiles():
        if profile[0] == "C":
            switched = ("D",) + profile[1:]
            assert game.payoff(switched, 0) - game.payoff(profile, 0) == Fraction(1, 2)


def test_public_goods_with_symbols():
    m, c = sympy.symbols("m c", positive=True)
    game = public_goods(3, m, c)
    assert game.is_symbolic
    assert sympy.simplify(game.payoff(("C", "C", "D"), 2) - 2 * m * c / 3) == 0
    assert sympy.simplify(game.payoff(("C", "C", "D"), 0) - (2 * m * c / 3 - c)) == 0


def test_public_goods_float_in_float_out():
    game = public_goods(2, 1.5, 1)
    assert game.kind == "float"
    assert game.payoff(("C", "D")) == (-0.25, 0.75)


# ------------------------------------------------------------- kinds
@pytest.mark.parametrize("constructor", [prisoners_dilemma, stag_hunt, chicken, trust_game])
def test_float_arguments_give_float_games(constructor):
    defaults = inspect.signature(constructor).parameters
    game = constructor(**{name: float(defaults[name].default) for name in "TRPS"})
    assert game.kind == "float" and game.payoffs[0].dtype == np.float64
    assert constructor().kind == "exact"


def test_sympy_rationals_become_fractions():
    game = prisoners_dilemma(sympy.Rational(11, 2), 3, 1, 0)
    assert game.kind == "exact" and game.payoff(("D", "C"), 0) == Fraction(11, 2)


# ------------------------------------------------------------- inequality checks
@pytest.mark.parametrize("constructor, args, words", [
    (prisoners_dilemma, (3, 5, 1, 0), "T > R > P > S"),      # T < R
    (prisoners_dilemma, (5, 3, 3, 0), "T > R > P > S"),      # R = P
    (prisoners_dilemma, (5, 3, 0, 1), "T > R > P > S"),      # P < S
    (stag_hunt, dict(T=4, R=3, P=3, S=0), "R > T >= P > S"),  # R < T
    (stag_hunt, dict(T=2, R=4, P=3, S=0), "R > T >= P > S"),  # T < P
    (stag_hunt, dict(T=3, R=4, P=3, S=3), "R > T >= P > S"),  # P = S
    (chicken, (3, 2, 1, 0), "T > R > S > P"),                # S < P
    (chicken, (2, 2, 0, 1), "T > R > S > P"),                # T = R
    (battle_of_the_sexes, (2, 3, 0), "high > low > mismatch"),
    (battle_of_the_sexes, (3, 2, 2), "high > low > mismatch"),
    (matching_pennies, (0,), "stake > 0"),
    (matching_pennies, (-1.5,), "stake > 0"),
    (trust_game, (3, 2, 2, 0), "T > R > P > S"),
    (public_goods, (3, 3, 1), "1 < multiplier < n"),
    (public_goods, (3, 1, 1), "1 < multiplier < n"),
    (public_goods, (3, 2, 0), "cost > 0"),
])
def test_numbers_that_break_the_inequalities_raise(constructor, args, words):
    with pytest.raises(GameError, match=words):
        constructor(**args) if isinstance(args, dict) else constructor(*args)


def test_the_message_shows_the_values():
    with pytest.raises(GameError, match=r"T=3, R=5, P=1, S=0"):
        prisoners_dilemma(3, 5, 1, 0)


@pytest.mark.parametrize("constructor, count", [
    (prisoners_dilemma, 4), (stag_hunt, 4), (chicken, 4), (trust_game, 4), (battle_of_the_sexes, 3),
])
def test_undecidable_symbols_pass(constructor, count):
    symbols = sympy.symbols(f"a0:{count}")
    game = constructor(**dict(zip("TRPS", symbols))) if constructor is stag_hunt else constructor(*symbols)
    assert game.is_symbolic and game.free_symbols == set(symbols)
    assert matching_pennies(sympy.Symbol("s")).is_symbolic
    assert public_goods(3, sympy.Symbol("m"), sympy.Symbol("c")).is_symbolic


def test_contradictory_assumptions_on_symbols_raise():
    a = sympy.Symbol("a", positive=True)
    P = sympy.Symbol("P")
    with pytest.raises(GameError):                   # R = T + a > T contradicts T > R
        prisoners_dilemma(P + 3, P + 3 + a, P, P - 1)
    with pytest.raises(GameError):                   # S = P + a > P contradicts P > S
        prisoners_dilemma(P + 2, P + 1, P, P + a)
    with pytest.raises(GameError):                   # chicken needs S > P
        chicken(P + 3, P + 2, P, P - a)
    with pytest.raises(GameError):
        matching_pennies(-a)
    with pytest.raises(GameError):                   # multiplier must be below n = 3
        public_goods(3, 3 + a, 1)


def test_consistent_symbols_pass():
    a, b, c = sympy.symbols("a b c", positive=True)
    P = sympy.Symbol("P")
    game = prisoners_dilemma(P + a + b, P + a, P, P - c)
    assert game.payoff(("D", "C")) == (P + a + b, P - c)


# ------------------------------------------------------------- symmetric_game
def test_symmetric_game_transposes_for_the_column_player():
    game = symmetric_game([[1, 2, 3], [4, 5, 6], [7, 8, 9]], actions=("a", "b", "c"))
    assert game.actions == (("a", "b", "c"),) * 2
    for r in range(3):
        for c in range(3):
            assert game.payoffs[1][r, c] == game.payoffs[0][c, r]


@given(st.integers(1, 4), st.data())
def test_symmetric_game_of_any_square_matrix(size, data):
    matrix = data.draw(st.lists(st.lists(st.integers(-5, 5), min_size=size, max_size=size),
                                min_size=size, max_size=size))
    game = symmetric_game(matrix)
    assert game.payoffs[0].tolist() == matrix
    assert game.payoffs[1].T.tolist() == matrix


def test_classic_games_take_the_same_keywords():
    # Issue 13: prisoners_dilemma(T, R, P, S) but stag_hunt(R, T, P, S). Every 2x2 classic game
    # now takes T, R, P, S by keyword, meaning the same cells of the symmetric 2x2 games:
    # (C, C) -> R, (D, C) -> T, (D, D) -> P, (C, D) -> S (trust_game takes the same keywords).
    for constructor, (T, R, P, S) in [(prisoners_dilemma, (5, 3, 1, 0)), (stag_hunt, (3, 4, 2, 0)),
                                      (chicken, (3, 2, 0, 1))]:
        game = constructor(T=T, R=R, P=P, S=S)
        cooperate, defect = game.actions[0]
        assert game.payoff((cooperate, cooperate)) == (R, R) and game.payoff((defect, defect)) == (P, P)
        assert game.payoff((defect, cooperate)) == (T, S)


def test_positional_stag_hunt_payoffs_are_deprecated_but_still_read_as_before():
    with pytest.warns(DeprecationWarning, match=r"stag_hunt\(T=\.\.\., R="):
        game = stag_hunt(4, 3, 2, 0)                  # the old order R, T, P, S
    assert game == stag_hunt(T=3, R=4, P=2, S=0)
