"""cybergames.games._profiles: pure and mixed profiles, permutations, tables."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import NormalFormGame, matching_pennies, prisoners_dilemma, public_goods
from cybergames.errors import GameError, ProbabilityError
from cybergames.games import _profiles
from cybergames.strategies import mixed_profiles, normal_form_games


def test_pure_entries_become_unit_vectors_in_the_games_kind():
    exact = prisoners_dilemma()
    assert [list(v) for v in exact.mixed_profile(("D", 0))] == [[0, 1], [1, 0]]
    assert exact.mixed_profile(("D", 0))[0].dtype == object
    floating = prisoners_dilemma(5.0, 3.0, 1.0, 0.0)
    assert floating.mixed_profile(("D", "C"))[0].dtype == np.float64


def test_probability_vectors_keep_their_kind():
    game = prisoners_dilemma()
    exact, floats = game.mixed_profile(([Fraction(1, 3), Fraction(2, 3)], [0.25, 0.75]))
    assert exact.dtype == object and list(exact) == [Fraction(1, 3), Fraction(2, 3)]
    assert floats.dtype == np.float64
    p = sympy.Symbol("p")
    symbolic = game.mixed_profile(([p, 1 - p], "C"))[0]
    assert list(symbolic) == [p, 1 - p]


def test_symbolic_games_store_float_probabilities_as_sympy_floats():
    game = prisoners_dilemma(*sympy.symbols("T R P S"))
    row, _ = game.mixed_profile(([0.5, 0.5], "C"))
    assert all(isinstance(v, sympy.Float) for v in row)


def test_mixed_profiles_are_read_only_and_do_not_alias_the_input():
    sigma = [Fraction(1, 2), Fraction(1, 2)]
    vector = matching_pennies().mixed_profile((sigma, "Heads"))[0]
    assert not vector.flags.writeable
    sigma[0] = 7
    assert vector[0] == Fraction(1, 2)


@pytest.mark.parametrize("entry, error, words", [
    ([0.5, 0.6], ProbabilityError, "summing to one"),
    ([Fraction(1, 2), Fraction(1, 3)], ProbabilityError, "summing to one"),
    ([-1, 2], ProbabilityError, "non-negative"),
    ([1.5, -0.5], ProbabilityError, "non-negative"),
    ([float("nan"), 1], ProbabilityError, "finite"),
    ([True, False], ProbabilityError, "boolean"),
    (["a", "b"], ProbabilityError, "real number"),
    ([10**400, 0.5], ProbabilityError, "probabilities"),
    ([1, 0, 0], GameError, "2 probabilities"),
    ([[0.5], [0.5]], GameError, "2 probabilities"),
    ([[1], [1, 2]], ProbabilityError, "real number"),
    ({0: 1}, GameError, "2 probabilities"),
    ("Sideways", GameError, "action"),
    (2, GameError, "action"),
    (None, GameError, "2 probabilities"),
])
def test_bad_mixed_actions(entry, error, words):
    with pytest.raises(error, match=rf"profile\[1\].*{words}"):
        prisoners_dilemma().expected_payoffs(["C", entry])


def test_float_probabilities_within_tolerance_are_accepted():
    game = prisoners_dilemma()
    assert game.expected_payoffs([[1 / 3, 1 / 3 + 1 / 3], "C"])[0] == pytest.approx(1 / 3 * 3 + 2 / 3 * 5)
    with pytest.raises(ProbabilityError):
        game.expected_payoffs([[0.5, 0.5 + 1e-6], "C"])
    assert game.expected_payoffs([[0.5, 0.5 + 1e-6], "C"], tol=1e-5)


def test_symbolic_probabilities_are_checked_when_decidable():
    q = sympy.Symbol("q", negative=True)
    with pytest.raises(ProbabilityError, match="non-negative"):
        prisoners_dilemma().expected_payoffs([[q, 1 - q], "C"])
    p = sympy.Symbol("p")
    with pytest.raises(ProbabilityError, match="sum to one"):
        prisoners_dilemma().expected_payoffs([[p, 2 - p], "C"])


@given(normal_form_games(players=(2, 3), actions=(1, 3)), st.data())
def test_action_payoffs_contract_the_other_players(game, data):
    profile = data.draw(mixed_profiles(game))
    for i in range(game.num_players):
        values = game.action_payoffs(i, profile)
        # the expected payoff is the own mixture's average of the action payoffs
        assert sum(p * v for p, v in zip(profile[i], values)) == game.expected_payoffs(profile)[i]


@pytest.mark.parametrize("order, size", [([0, 0], 2), ([0], 2), ([0, 1, 2], 2), ([1.0, 0.0], 2),
                                         ([True, False], 2), ("10", 2), (5, 2), (None, 2),
                                         ({1: 0, 0: 1}, 2), ([[1], [0]], 2), (iter([1, 0]), 2), ([-1, 0], 2)])
def test_bad_permutations(order, size):
    with pytest.raises(GameError, match="order: expected a permutation of 0..1"):
        _profiles.permutation(order, size, "order")


@pytest.mark.parametrize("order", [[1, 0], (1, 0), np.array([1, 0]), [np.int64(1), np.int8(0)]])
def test_good_permutations(order):
    assert _profiles.permutation(order, 2, "order") == [1, 0]


def test_format_number():
    assert _profiles.format_number(0.1 + 0.2) == "0.3"
    assert _profiles.format_number(Fraction(1, 3)) == "1/3"
    assert _profiles.format_number(sympy.Symbol("T") + 1) == "T + 1"


def test_table_with_long_labels():
    game = NormalFormGame([[[1, 2]], [[3, 4]]], actions=[("only",), ("left", "right")])
    # columns as wide as the widest cell or label ("right", 5), after two spaces
    assert game.table() == "       left  right\nonly   1, 3   2, 4"


def test_table_of_one_player():
    assert NormalFormGame([[1, 2]], actions=[("a", "b")], players=("solo",)).table() == \
        "solo  ->  payoffs\na  ->  1\nb  ->  2"
    assert len(public_goods(4).table().splitlines()) == 17
