"""Sequence-form equilibria: Kuhn poker's value, the LP against the strategic-form minmax, properties."""

from fractions import Fraction

import pytest
from hypothesis import given, settings

from cybergames import minmax, verify
from cybergames.errors import ExtensiveGameError, ParameterError
from cybergames.extensive import ExtensiveGame, decision, sequence_form_equilibria
from cybergames.extensive.classic import kuhn_poker, selten_horse
from cybergames.strategies import extensive_games

from .test_backward import _is_nash_of_reduced_form


def test_kuhn_poker_value_is_minus_one_eighteenth():
    # Kuhn, "A simplified two-person poker" (1950): the game's value for the first player is -1/18.
    # Second, independent method: the minmax LP of the 27 x 64 reduced strategic form. Kuhn also
    # shows player 2's optimal strategy is unique: call a bet with K always, with Q w.p. 1/3, never
    # with J; after a check bet with K always and with J w.p. 1/3 (bluff).
    game = kuhn_poker()
    (eq,) = sequence_form_equilibria(game)
    assert eq.payoffs == (Fraction(-1, 18), Fraction(1, 18))
    assert eq.gains == (0, 0) and verify(eq)
    assert minmax(game.reduced_normal_form(), 0).value == Fraction(-1, 18)
    # Kuhn's characterisation of player 2's optimal play is unique at these information sets:
    assert eq.behaviour["2:Q:bet"]["call"] == Fraction(1, 3)
    assert eq.behaviour["2:J:check"]["bet"] == Fraction(1, 3)
    assert eq.behaviour["2:K:bet"]["call"] == 1 and eq.behaviour["2:J:bet"]["call"] == 0


def test_realisation_plans_satisfy_the_sequence_form_constraints():
    game = kuhn_poker()
    (eq,) = sequence_form_equilibria(game)
    form = game.sequence_form()
    for i, (matrix, rhs) in enumerate(((form.E, form.e), (form.F, form.f))):
        x = [eq.realisation[i][s] for s in form.sequences[i]]
        assert list(matrix.dot(x)) == list(rhs) and min(x) >= 0


@settings(max_examples=40, deadline=None)
@given(extensive_games(max_depth=3, zero_sum=True))
def test_the_lp_value_equals_the_strategic_form_minmax(game):
    # Second method: the minmax LP of the reduced strategic form (cybergames.minmax).
    (eq,) = sequence_form_equilibria(game, method="lp")
    assert verify(eq)
    nfg = game.reduced_normal_form()
    assert eq.payoffs == (minmax(nfg, 0).value, minmax(nfg, 1).value)
    _is_nash_of_reduced_form(eq)


@settings(max_examples=30, deadline=None)
@given(extensive_games(max_depth=3, max_actions=2))     # three actions a node can give reduced forms whose
def test_enumerated_equilibria_mapped_to_mixed_strategies_are_nash(game):  # enumeration takes minutes
    equilibria = sequence_form_equilibria(game, method="enumeration")
    assert equilibria
    for eq in equilibria:
        assert verify(eq)
        _is_nash_of_reduced_form(eq)


@settings(max_examples=20, deadline=None)
@given(extensive_games(max_depth=3, zero_sum=True, exact=False))
def test_float_lp(game):
    (eq,) = sequence_form_equilibria(game)
    assert isinstance(eq.payoffs[0], float) and verify(eq)
    assert eq.payoffs[1] == pytest.approx(float(minmax(game.reduced_normal_form(), 1).value), abs=1e-7)


def test_bad_input():
    with pytest.raises(ExtensiveGameError, match="two-player"):
        sequence_form_equilibria(selten_horse())
    with pytest.raises(ExtensiveGameError, match="zero-sum"):
        sequence_form_equilibria(ExtensiveGame(decision("1", {"a": (1, 1), "b": decision("2", {"c": (0, 0)})})),
                                 method="lp")
    with pytest.raises(ParameterError):
        sequence_form_equilibria(kuhn_poker(), method="simplex")


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(extensive_games(max_depth=3))
def test_lemke_equilibria_mapped_to_mixed_strategies_are_nash(game):
    # Lemke's end point is certified by the deviation gains and, independently, must be a Nash
    # equilibrium of the reduced strategic form once mapped to mixed strategies (Kuhn's theorem).
    (eq,) = sequence_form_equilibria(game, method="lemke")
    assert verify(eq) and eq.gains == (0, 0)
    _is_nash_of_reduced_form(eq)


def test_lemke_solves_kuhn_poker_exactly():
    # Every equilibrium of a zero-sum game has the value: -1/18 (Kuhn 1950).
    (eq,) = sequence_form_equilibria(kuhn_poker(), method="lemke")
    assert eq.payoffs == (Fraction(-1, 18), Fraction(1, 18))


@settings(max_examples=15, deadline=None)
@given(extensive_games(max_depth=3, exact=False))
def test_float_lemke(game):
    (eq,) = sequence_form_equilibria(game, method="lemke")
    assert verify(eq)
    _is_nash_of_reduced_form(eq)
