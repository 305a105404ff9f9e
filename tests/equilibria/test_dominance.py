"""Risk and payoff dominance (Harsanyi & Selten 1988, sec. 3.9) in 2x2 games."""

from fractions import Fraction as F

import pytest
import sympy
from hypothesis import given

from cybergames import (NormalFormGame, battle_of_the_sexes, chicken, nash_equilibria, payoff_dominant,
                        risk_dominant, stag_hunt, verify)
from cybergames.errors import GameError
from cybergames.strategies import coordination_games, stag_hunts


def test_stag_hunt_hare_is_risk_dominant_and_stag_payoff_dominant():
    # Skyrms (2004), The Stag Hunt and the Evolution of Social Structure, ch. 1, with R, T, P, S =
    # 4, 3, 3, 0: "hunting hare is risk dominant". By hand: the deviation losses are R - T = 1 for
    # both at (Stag, Stag) and P - S = 3 for both at (Hare, Hare); Nash products 1 < 9. The 50-50
    # test agrees: against a 50-50 opponent Stag pays 2 and Hare pays 3. Stag pays 4 > 3 to both.
    risk, payoff = risk_dominant(stag_hunt()), payoff_dominant(stag_hunt())
    assert risk.selected == ("Hare", "Hare") and risk.nash_products == (1, 9)
    assert risk.equilibria == (("Stag", "Stag"), ("Hare", "Hare")) and risk.condition is False
    assert payoff.selected == ("Stag", "Stag") and payoff.payoffs == ((4, 4), (3, 3))
    assert verify(risk) and verify(payoff)


def test_a_stag_hunt_where_stag_is_also_risk_dominant():
    # R, T, P, S = 5, 2, 2, 0: losses R - T = 3 and P - S = 2, products 9 > 4
    result = risk_dominant(stag_hunt(T=2, R=5, P=2, S=0))
    assert result.selected == ("Stag", "Stag") and result.nash_products == (9, 4)


def test_ties_select_nothing():
    # chicken: (Swerve, Straight) and (Straight, Swerve) are mirror images, losses (1, 1) at both
    # (T - R = 1 for the straight driver... here S - P = 1 and T - R = 1); battle of the sexes:
    # losses (3, 2) and (2, 3), products 6 = 6. Neither is payoff dominant in either game.
    assert risk_dominant(chicken()).selected is None and risk_dominant(chicken()).nash_products == (1, 1)
    bos = battle_of_the_sexes()
    assert risk_dominant(bos).selected is None and risk_dominant(bos).nash_products == (6, 6)
    assert payoff_dominant(bos).selected is None and payoff_dominant(chicken()).selected is None


def test_float_games_compare_with_a_tolerance():
    assert risk_dominant(stag_hunt(T=3.0, R=4.0, P=3.0, S=0.0)).selected == ("Hare", "Hare")
    assert risk_dominant(stag_hunt(T=3.0, R=4.0, P=2.0, S=1.0 + 1e-13)).selected is None   # products 1 and 1


@given(stag_hunts())
def test_stag_hunt_risk_dominance_is_the_fifty_fifty_test(game):
    # in a symmetric stag hunt the products are (R - T)^2 and (P - S)^2; independently, Stag is
    # risk dominant iff it is the better reply to an opponent who mixes 50-50: R + S > T + P
    (R, S), (T, P) = game.payoffs[0].tolist()
    result = risk_dominant(game)
    if R + S > T + P:
        assert result.selected == ("Stag", "Stag")
    elif R + S < T + P:
        assert result.selected == ("Hare", "Hare")
    else:
        assert result.selected is None
    assert payoff_dominant(game).selected == ("Stag", "Stag")      # R > P for both players
    assert verify(result)


@given(coordination_games(2, 2, min_value=-5, max_value=5, max_denominator=2))
def test_risk_dominance_matches_the_mixed_equilibrium(game):
    # Harsanyi & Selten (1988), sec. 3.9: in a 2x2 game with two strict equilibria, e risk-dominates
    # f iff e has the larger basin: with the mixed equilibrium putting p on e's row and q on e's
    # column, iff p + q < 1. (Losses u, v at e and u', v' at f give q = u'/(u + u'),
    # p = v'/(v + v'), and p + q < 1 <=> u v > u' v'.) The mixed equilibrium comes from nash_equilibria.
    result = risk_dominant(game)
    (mixed,) = [eq for eq in nash_equilibria(game) if not eq.is_pure]
    first = game.profile_index(result.equilibria[0])
    p, q = mixed.strategies[0][first[0]], mixed.strategies[1][first[1]]
    expected = result.equilibria[0] if p + q < 1 else result.equilibria[1] if p + q > 1 else None
    assert result.selected == expected


def test_symbolic_stag_hunt_gives_the_condition():
    R, T, P, S = sympy.symbols("R T P S")
    result = risk_dominant(stag_hunt(T=T, R=R, P=P, S=S), equilibria=[("Stag", "Stag"), ("Hare", "Hare")])
    assert result.selected is None
    assert sympy.simplify(result.condition.lhs - (R - T) ** 2) == 0
    assert sympy.simplify(result.condition.rhs - (P - S) ** 2) == 0
    assert set(result.assumptions) == {R - T > 0, P - S > 0}
    numbers = {R: 4, T: 3, P: 3, S: 0}
    assert result.condition.subs(numbers) is sympy.false            # as in the numeric stag hunt
    payoff = payoff_dominant(stag_hunt(T=T, R=R, P=P, S=S), equilibria=[("Stag", "Stag"), ("Hare", "Hare")])
    assert payoff.condition.subs(numbers) is sympy.true


def test_symbolic_game_decided_by_positive_symbols():
    # losses a and b at the top-left, 1 and 1 at the bottom-right (a, b > 1 assumed positive and
    # shifted): products a b versus 1 with a = 1 + s, b = 1 + t, s, t > 0: top-left wins.
    s, t = sympy.symbols("s t", positive=True)
    game = NormalFormGame([[[1 + s, 0], [0, 1]], [[1 + t, 0], [0, 1]]])
    result = risk_dominant(game)
    assert result.selected == ("0", "0") and result.assumptions == ()


@pytest.mark.parametrize("game, message", [
    (NormalFormGame([[[1, 0], [0, 1]], [[0, 1], [1, 0]]]), "exactly two strict"),            # matching pennies
    (NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]]), "exactly two strict"),            # prisoner's dilemma
    (NormalFormGame([[[1, 1], [1, 1]], [[1, 1], [1, 1]]]), "exactly two strict"),            # no strict equilibrium
    (NormalFormGame([[[1, 0, 0], [0, 1, 0]], [[1, 0, 0], [0, 1, 0]]]), "2x2"),
])
def test_games_without_two_strict_equilibria_are_refused(game, message):
    for function in (risk_dominant, payoff_dominant):
        with pytest.raises(GameError, match=message):
            function(game)


def test_named_equilibria_must_be_strict():
    with pytest.raises(GameError, match="not a strict equilibrium"):
        risk_dominant(stag_hunt(), equilibria=[("Stag", "Stag"), ("Stag", "Hare")])
    with pytest.raises(GameError, match="unknown|expected an action"):
        risk_dominant(stag_hunt(), equilibria=[("Stag", "Stag"), ("Deer", "Hare")])
    result = risk_dominant(stag_hunt(), equilibria=[("Hare", "Hare"), (0, 0)])
    assert result.equilibria == (("Stag", "Stag"), ("Hare", "Hare"))


def test_exact_results_stay_exact():
    result = risk_dominant(stag_hunt(T=3, R=F(9, 2), P=3, S=F(1, 3)))
    assert result.nash_products == (F(9, 4), F(64, 9))
