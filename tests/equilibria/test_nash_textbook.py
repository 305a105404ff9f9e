"""Textbook equilibria, each derived by hand in a comment: exact Fractions in, exact Fractions out."""

from fractions import Fraction as F

import numpy as np
import pytest

from cybergames import (NormalFormGame, battle_of_the_sexes, chicken, matching_pennies, nash_equilibria,
                        prisoners_dilemma, public_goods, stag_hunt, verify)


def strategies(eq):
    return tuple(tuple(s) for s in eq.strategies)


def test_matching_pennies_has_only_the_even_mix():
    # Osborne (2004), An Introduction to Game Theory, sec. 4.1-4.3: matching pennies has no pure
    # equilibrium and the unique mixed one is (1/2, 1/2) for both. By hand: the row player is
    # indifferent iff q - (1 - q) = -q + (1 - q), i.e. q = 1/2; symmetrically p = 1/2; value 0.
    (eq,) = nash_equilibria(matching_pennies())
    assert strategies(eq) == ((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))
    assert all(isinstance(p, F) for s in eq.strategies for p in s)
    assert eq.payoffs == (0, 0) and eq.gains == (0, 0)
    assert not eq.is_pure and eq.support == (("Heads", "Tails"), ("Heads", "Tails"))


def test_battle_of_the_sexes_with_osbornes_payoffs():
    # Osborne (2004), sec. 4.3 (Bach or Stravinsky with payoffs 2, 1, 0): two pure equilibria and
    # the mixed one ((2/3, 1/3), (1/3, 2/3)). By hand: the column player (1 at Opera-Opera, 2 at
    # Football-Football) is indifferent iff p = 2 (1 - p), p = 2/3; the row player (2, 1) iff
    # 2 q = 1 - q, q = 1/3. Payoffs: row 2 q = 2/3, column 2 (1 - p) = 2/3.
    game = battle_of_the_sexes(high=2, low=1, mismatch=0)
    pure_1, pure_2, mixed = nash_equilibria(game)
    assert pure_1.profile == ("Opera", "Opera") and pure_1.payoffs == (2, 1)
    assert pure_2.profile == ("Football", "Football") and pure_2.payoffs == (1, 2)
    assert strategies(mixed) == ((F(2, 3), F(1, 3)), (F(1, 3), F(2, 3)))
    assert mixed.payoffs == (F(2, 3), F(2, 3))


def test_battle_of_the_sexes_default_payoffs():
    # high = 3, low = 2: row indifferent iff 3 q = 2 (1 - q), q = 2/5; column iff 2 p = 3 (1 - p),
    # p = 3/5; payoffs 3 q = 6/5 and 3 (1 - p) = 6/5.
    *_, mixed = nash_equilibria(battle_of_the_sexes())
    assert strategies(mixed) == ((F(3, 5), F(2, 5)), (F(2, 5), F(3, 5)))
    assert mixed.payoffs == (F(6, 5), F(6, 5))


def test_stag_hunt_has_three_equilibria():
    # Skyrms (2004), The Stag Hunt and the Evolution of Social Structure, ch. 1 (R, T, P, S = 4, 3, 3, 0):
    # both hunt stag, both hunt hare, and a mixed equilibrium. By hand: Stag pays 4 q, Hare pays 3
    # whatever the other does, so the mix has q = 3/4 and pays 3.
    equilibria = nash_equilibria(stag_hunt())
    assert [eq.profile for eq in equilibria] == [("Stag", "Stag"), ("Hare", "Hare"), None]
    assert strategies(equilibria[2]) == ((F(3, 4), F(1, 4)), (F(3, 4), F(1, 4)))
    assert [eq.payoffs for eq in equilibria] == [(4, 4), (3, 3), (3, 3)]
    assert equilibria.complete and not equilibria.degenerate and equilibria.exact


def test_chicken_has_three_equilibria():
    # Rapoport & Chammah (1966), "The game of chicken", Am. Behav. Sci. 10(3): two asymmetric pure
    # equilibria (one swerves) and a symmetric mixed one. With T, R, P, S = 3, 2, 0, 1 by hand:
    # Swerve pays 2 q + 1 (1 - q) = 1 + q, Straight pays 3 q, equal at q = 1/2, payoff 3/2.
    equilibria = nash_equilibria(chicken())
    assert {eq.profile for eq in equilibria.pure} == {("Swerve", "Straight"), ("Straight", "Swerve")}
    (mixed,) = [eq for eq in equilibria if not eq.is_pure]
    assert strategies(mixed) == ((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))
    assert mixed.payoffs == (F(3, 2), F(3, 2))


def test_prisoners_dilemma_has_only_mutual_defection():
    # Axelrod (1984), The Evolution of Cooperation, ch. 1: D strictly dominates C.
    (eq,) = nash_equilibria(prisoners_dilemma())
    assert eq.profile == ("D", "D") and eq.payoffs == (1, 1)


def test_von_stengels_nondegenerate_three_by_two_game():
    # von Stengel (2007), "Equilibrium computation for two-player games in strategic and extensive
    # form", Algorithmic Game Theory, ch. 3, sec. 3.2 (A = [[3,3],[2,5],[0,6]], B = [[3,2],[2,6],[3,1]]):
    # three equilibria. By hand for the last: the column player, against (0, 1/3, 2/3), gets
    # 2/3 + 2 = 8/3 from both columns; the row player, against (1/3, 2/3), gets 1 from row 1 and
    # 2/3 + 10/3 = 4 = 0 + 4 from rows 2 and 3.
    game = NormalFormGame([[[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]]])
    found = {strategies(eq) for eq in nash_equilibria(game)}
    assert found == {((1, 0, 0), (1, 0)),
                     ((F(4, 5), F(1, 5), 0), (F(2, 3), F(1, 3))),
                     ((0, F(1, 3), F(2, 3)), (F(1, 3), F(2, 3)))}


def test_von_stengels_degenerate_game_returns_the_extreme_equilibria_and_components():
    # von Stengel (2007), sec. 3.5: with B's first row (3, 3) the column player is indifferent
    # against the top row, and (top, (y, 1 - y)) is an equilibrium iff the top row is a best
    # response: 3 >= 5 - 3 y and 3 >= 6 - 6 y, i.e. 2/3 <= y <= 1. A continuum with extreme points
    # y = 1 and y = 2/3, plus the isolated ((0, 1/3, 2/3), (1/3, 2/3)).
    game = NormalFormGame([[[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]]])
    equilibria = nash_equilibria(game)
    assert equilibria.degenerate and equilibria.complete and equilibria.method == "double description"
    assert {strategies(eq) for eq in equilibria} == {((1, 0, 0), (1, 0)), ((1, 0, 0), (F(2, 3), F(1, 3))),
                                                     ((0, F(1, 3), F(2, 3)), (F(1, 3), F(2, 3)))}
    segment, isolated = equilibria.components
    assert [tuple(x) for x in segment.actions[0]] == [(1, 0, 0)]
    assert sorted(tuple(y) for y in segment.actions[1]) == [(F(2, 3), F(1, 3)), (1, 0)]
    assert len(segment.equilibria) == 2 and len(isolated.equilibria) == 1
    # every point of the segment is an equilibrium, as the Nash subset claims
    assert game.best_responses(1, ([1, 0, 0], None)) == ("0", "1")
    for y in (F(2, 3), F(3, 4), F(9, 10), 1):
        assert "0" in game.best_responses(0, (None, [y, 1 - y]))
    assert "0" not in game.best_responses(0, (None, [F(2, 3) - F(1, 100), F(1, 3) + F(1, 100)]))
    assert verify(equilibria)


def test_a_game_where_everything_is_an_equilibrium():
    # All payoffs equal: every profile is an equilibrium; the one maximal Nash subset is the product
    # of the two simplices, spanned by the pure actions, so the extreme equilibria are the 4 pure profiles.
    game = NormalFormGame([np.zeros((2, 2), dtype=int), np.ones((2, 2), dtype=int)])
    equilibria = nash_equilibria(game)
    assert len(equilibria) == 4 and all(eq.is_pure for eq in equilibria)
    (subset,) = equilibria.components
    assert len(subset.actions[0]) == 2 and len(subset.actions[1]) == 2 and len(subset.equilibria) == 4


def test_float_games_give_float_equilibria():
    # The float stag hunt has the same equilibria as the exact one, in float64.
    equilibria = nash_equilibria(stag_hunt(T=3.0, R=4.0, P=3.0, S=0.0))
    assert not equilibria.exact
    assert all(s.dtype == np.float64 for eq in equilibria for s in eq.strategies)
    np.testing.assert_allclose(equilibria[2].strategies[0], [0.75, 0.25], atol=1e-12)
    assert all(g <= 1e-9 for eq in equilibria for g in eq.gains)


def test_strategies_are_read_only_and_inputs_untouched():
    payoffs = [np.array([[3.0, 0.0], [5.0, 1.0]]), np.array([[3.0, 5.0], [0.0, 1.0]])]
    copies = [p.copy() for p in payoffs]
    game = NormalFormGame(payoffs)
    (eq,) = nash_equilibria(game)
    with pytest.raises(ValueError):
        eq.strategies[0][0] = 0.5
    assert all(np.array_equal(p, c) for p, c in zip(payoffs, copies))
    assert all(np.array_equal(p, c) for p, c in zip(game.payoffs, copies))


def test_three_player_public_goods_game_pure_equilibria():
    # Public goods with n = 3, multiplier 2, cost 1: contributing returns 2/3 < 1 to the contributor,
    # so D strictly dominates and (D, D, D) is the only equilibrium, mixed ones included (support enumeration).
    equilibria = nash_equilibria(public_goods(n=3, multiplier=2, cost=1))
    assert [eq.profile for eq in equilibria] == [("D", "D", "D")]
    assert equilibria.complete and equilibria.method == "support enumeration" and equilibria.degenerate is None
    assert equilibria.components == ()


def test_one_player_game():
    game = NormalFormGame([[1, 3, 3]])
    equilibria = nash_equilibria(game)
    assert [eq.profile for eq in equilibria] == [("1",), ("2",)]
    assert equilibria[0].payoffs == (3,)


def test_one_action_players():
    # A 1 x 3 game: the row player has nothing to choose, the column player's best responses are
    # the two 5s; the extreme equilibria are the two pure ones and they span a Nash subset.
    game = NormalFormGame([[[0, 0, 0]], [[5, 1, 5]]])
    equilibria = nash_equilibria(game)
    assert [eq.profile for eq in equilibria] == [("0", "0"), ("0", "2")]
    assert equilibria.degenerate and len(equilibria.components) == 1
    (only,) = nash_equilibria(NormalFormGame([[[7]], [[2]]]))
    assert only.profile == ("0", "0")
