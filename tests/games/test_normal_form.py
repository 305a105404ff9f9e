"""NormalFormGame: construction, immutability, look-ups, mixed payoffs, best responses,
substitution, relabelling, affine transformations, equality, display."""

import dataclasses
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import NormalFormGame, matching_pennies, prisoners_dilemma, public_goods
from cybergames.errors import GameError, ProbabilityError
from cybergames.strategies import (action_permutations, mixed_profiles, normal_form_games, player_permutations,
                                   positive_affine_transformations, symbolic_games)

# Axelrod's prisoner's dilemma (The Evolution of Cooperation, 1984, ch. 1): R, S, T, P = 3, 0, 5, 1.
PD_ROW = [[3, 0], [5, 1]]
PD = [PD_ROW, [[3, 5], [0, 1]]]


# ------------------------------------------------------------------ construction
def test_defaults_label_players_and_actions_by_index():
    game = NormalFormGame([[[1, 2, 3], [4, 5, 6]], [[0, 0, 0], [0, 0, 0]]])
    assert game.players == ("0", "1")
    assert game.actions == (("0", "1"), ("0", "1", "2"))
    assert game.shape == (2, 3) and game.num_players == 2


def test_labels_are_kept_as_tuples_of_str():
    game = NormalFormGame(PD, actions=[np.array(["C", "D"]), ["C", "D"]], players=["row", np.str_("col")])
    assert game.actions == (("C", "D"), ("C", "D"))
    assert game.players == ("row", "col") and all(type(p) is str for p in game.players)


def test_one_and_three_players():
    single = NormalFormGame([[4, 7]])
    assert single.shape == (2,) and single.payoff(("1",)) == (7,)
    three = public_goods(3)
    assert three.shape == (2, 2, 2) and three.num_players == 3


@pytest.mark.parametrize("entries, kind", [
    ([1, 2], "exact"),
    ([Fraction(1, 2), 2], "exact"),
    ([sympy.Rational(1, 3), sympy.Integer(2)], "exact"),
    ([np.int64(1), np.int8(2)], "exact"),
    ([0.5, 2], "float"),
    ([np.float32(0.5), 1], "float"),
    ([sympy.Float(0.5), 1], "float"),
    ([sympy.Symbol("x"), 1], "symbolic"),
    ([sympy.sqrt(2), 1], "symbolic"),
    ([sympy.Symbol("x"), 0.5], "symbolic"),
])
def test_kind_is_the_widest_entry(entries, kind):
    game = NormalFormGame([[entries[0], entries[1]]])
    assert game.kind == kind
    assert game.is_exact == (kind == "exact") and game.is_symbolic == (kind == "symbolic")


def test_storage_of_each_kind():
    exact = NormalFormGame([[sympy.Rational(1, 3), np.int64(2)]])
    assert exact.payoffs[0].dtype == object
    assert [type(v) for v in exact.payoffs[0]] == [Fraction, int]
    floats = NormalFormGame([[1, 0.5]])
    assert floats.payoffs[0].dtype == np.float64
    symbolic = NormalFormGame([[sympy.Symbol("x"), 0.5, 2]])
    assert symbolic.payoffs[0].dtype == object
    assert isinstance(symbolic.payoffs[0][1], sympy.Float) and symbolic.payoffs[0][2] == 2


def test_numeric_numpy_arrays_take_the_vectorised_path():
    ints = np.arange(8).reshape(2, 2, 2)
    game = NormalFormGame([ints, ints, ints])
    assert game.kind == "exact" and type(game.payoffs[0][1, 1, 1]) is int
    floats = np.linspace(0, 1, 8).reshape(2, 2, 2)
    game = NormalFormGame([floats, ints, ints])
    assert game.kind == "float" and game.payoffs[1].dtype == np.float64
    assert game.payoffs[1][1, 1, 1] == 7.0


def test_float_arrays_mixed_with_symbols_become_sympy_floats():
    x = sympy.Symbol("x")
    game = NormalFormGame([np.array([[1.5, 2.0], [3.0, 4.0]]), np.array([[x, 0], [0, 0]], dtype=object)])
    assert game.is_symbolic and game.payoffs[0][0, 0] == sympy.Float(1.5)


# ------------------------------------------------------------------ immutability
def test_fields_cannot_be_reassigned():
    game = NormalFormGame(PD)
    with pytest.raises(dataclasses.FrozenInstanceError):
        game.payoffs = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        game.actions = (("a", "b"), ("a", "b"))


@pytest.mark.parametrize("payoffs", [PD, [[[3.0, 0.0], [5.0, 1.0]], [[3.0, 5.0], [0.0, 1.0]]]])
def test_payoff_arrays_are_read_only(payoffs):
    game = NormalFormGame(payoffs)
    for array in game.payoffs:
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array[0, 0] = 99


def test_inputs_are_copied_and_not_mutated():
    nested = [[[3, 0], [5, 1]], [[3, 5], [0, 1]]]
    floats = np.array([[1.0, 2.0], [3.0, 4.0]])
    ints = np.array([[1, 2], [3, 4]])
    objects = np.array([[sympy.Rational(1, 2), 2], [3, 4]], dtype=object)
    game = NormalFormGame(nested)
    assert nested == [[[3, 0], [5, 1]], [[3, 5], [0, 1]]]
    nested[0][0][0] = 100
    assert game.payoffs[0][0, 0] == 3
    for array in (floats, ints, objects):
        before = array.copy()
        game = NormalFormGame([array, array])
        assert array.flags.writeable and np.array_equal(array, before)
        assert isinstance(objects[0, 0], sympy.Rational)      # not replaced by its Fraction
        array[0, 0] = 100
        assert game.payoffs[0][0, 0] != 100


# ------------------------------------------------------------------ look-ups
def test_payoff_by_labels_indices_and_numpy_integers():
    game = prisoners_dilemma()
    assert game.payoff(("D", "C")) == (5, 0)
    assert game.payoff((1, 0)) == (5, 0)
    assert game.payoff([np.int64(1), "C"]) == (5, 0)
    assert game.payoff(np.array(["C", "D"])) == (0, 5)
    assert game.payoff(("C", "D"), player=1) == 5
    assert game.payoff(("C", "D"), player="0") == 0


def test_float_payoffs_come_back_as_python_floats():
    value = NormalFormGame([[0.25, 0.5]]).payoff((1,), player=0)
    assert type(value) is float and value == 0.5


def test_player_action_and_profile_indices():
    game = NormalFormGame(PD, actions=[("C", "D"), ("c", "d")], players=("row", "column"))
    assert game.player_index("column") == 1 and game.player_index(0) == 0
    assert game.action_index("column", "d") == 1 and game.action_index(0, 1) == 1
    assert game.profile_index(("D", "c")) == (1, 0)


def test_profiles_in_lexicographic_order():
    game = NormalFormGame([np.zeros((2, 3))] * 2, actions=[("a", "b"), ("x", "y", "z")])
    assert list(game.profiles()) == [("a", "x"), ("a", "y"), ("a", "z"), ("b", "x"), ("b", "y"), ("b", "z")]


# ------------------------------------------------------------------ mixed play
def test_matching_pennies_payoffs_of_the_uniform_mixture_are_zero():
    # By hand: each of the four outcomes has probability 1/4; +1 twice and -1 twice.
    half = [Fraction(1, 2), Fraction(1, 2)]
    assert matching_pennies().expected_payoffs([half, half]) == (0, 0)
    assert list(matching_pennies().action_payoffs(0, (None, half))) == [0, 0]


def test_expected_payoffs_exact_by_hand():
    # Row mixes (1/3, 2/3), column (1/4, 3/4) in Axelrod's PD, by hand:
    # u_row = 1/3 (1/4 * 3 + 3/4 * 0) + 2/3 (1/4 * 5 + 3/4 * 1) = 1/4 + 4/3 = 19/12,
    # u_col = 1/3 (1/4 * 3 + 3/4 * 5) + 2/3 (1/4 * 0 + 3/4 * 1) = 3/2 + 1/2 = 2 (an int).
    game = prisoners_dilemma()
    row, col = [Fraction(1, 3), Fraction(2, 3)], [Fraction(1, 4), Fraction(3, 4)]
    values = game.expected_payoffs([row, col])
    assert values == (Fraction(19, 12), 2)
    assert type(values[0]) is Fraction and type(values[1]) is int


def test_pure_entries_give_the_pure_payoff_as_int():
    assert prisoners_dilemma().expected_payoffs(["D", 0]) == (5, 0)


def test_float_probabilities_give_floats():
    values = prisoners_dilemma().expected_payoffs([[0.5, 0.5], "C"])
    assert values == pytest.approx((4.0, 1.5)) and all(type(v) is float for v in values)


def test_symbolic_probabilities_in_a_float_game_give_expressions():
    p = sympy.Symbol("p")
    game = NormalFormGame([[[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 0.0]]])
    values = game.action_payoffs(0, (None, [p, 1 - p]))
    assert sympy.simplify(values[0] - (2 - p)) == 0 and sympy.simplify(values[1] - (4 - p)) == 0


@given(normal_form_games(players=(1, 3), actions=(1, 3)), st.data())
def test_expected_payoff_is_the_probability_weighted_sum(game, data):
    profile = data.draw(mixed_profiles(game))
    for i in range(game.num_players):
        by_hand = 0
        for index in np.ndindex(*game.shape):
            weight = 1
            for j, k in enumerate(index):
                weight *= profile[j][k]
            by_hand += weight * game.payoffs[i][index]
        assert game.expected_payoffs(profile)[i] == by_hand


# ------------------------------------------------------------------ best responses
def test_best_responses_exact_with_a_tie():
    # Against (1/2, 1/2), the row player of matching pennies is indifferent.
    half = [Fraction(1, 2), Fraction(1, 2)]
    assert matching_pennies().best_responses(0, (None, half)) == ("Heads", "Tails")
    assert matching_pennies().best_responses(0, (None, "Heads")) == ("Heads",)
    assert prisoners_dilemma().best_responses(1, ("C", None)) == ("D",)


def test_best_responses_exact_distinguish_a_tiny_difference():
    game = NormalFormGame([[[1, 0], [1 + Fraction(1, 10**30), 0]], [[0, 0], [0, 0]]])
    assert game.best_responses(0, (None, "0")) == ("1",)


def test_best_responses_float_ties_within_tolerance():
    # 0.1 + 0.2 != 0.3 in floats; within tol they tie.
    game = NormalFormGame([[[0.1 + 0.2, 0.0], [0.3, 0.0]], [[0.0, 0.0], [0.0, 0.0]]])
    assert game.best_responses(0, (None, "0")) == ("0", "1")
    assert game.best_responses(0, (None, "0"), tol=0.0) == ("0",)


def test_best_responses_of_an_exact_game_to_float_probabilities_allow_rounding_ties():
    # Against (0.1, 0.2, 0.7) both actions pay 7/10 exactly (0.7 * 1 = 0.1 * 1 + 0.2 * 3),
    # but the float sums differ in the last bit: within tol they tie.
    game = NormalFormGame([[[0, 0, 1], [1, 3, 0]], [[0] * 3] * 2])
    values = game.action_payoffs(0, (None, [0.1, 0.2, 0.7]))
    assert values[0] != values[1] and values[0] == pytest.approx(values[1])
    assert game.best_responses(0, (None, [0.1, 0.2, 0.7])) == ("0", "1")
    assert game.best_responses(0, (None, [0.1, 0.2, 0.7]), tol=0.0) == ("1",)
    assert game.best_responses(0, (None, [Fraction(1, 10), Fraction(2, 10), Fraction(7, 10)])) == ("0", "1")


def test_best_responses_need_numbers():
    with pytest.raises(GameError, match="subs"):
        prisoners_dilemma(*sympy.symbols("T R P S")).best_responses(0, (None, "C"))


@given(normal_form_games(players=(2, 3), actions=(1, 3)), st.data())
def test_best_responses_are_the_maximisers(game, data):
    profile = data.draw(mixed_profiles(game))
    i = data.draw(st.integers(0, game.num_players - 1))
    values = game.action_payoffs(i, profile)
    best = set(game.best_responses(i, profile))
    assert best == {label for label, v in zip(game.actions[i], values) if v == max(values)}


# ------------------------------------------------------------------ substitution
def test_subs_by_mapping_names_pairs_and_pair_lists():
    T, R, P, S = sympy.symbols("T R P S")
    game = prisoners_dilemma(T, R, P, S)
    expected = prisoners_dilemma(5, 3, 1, 0)
    assert game.subs({T: 5, R: 3, P: 1, S: 0}) == expected
    assert game.subs(T=5, R=3, P=1, S=0) == expected
    assert game.subs({"T": 5, "R": 3, "P": 1, "S": 0}) == expected
    assert game.subs([(T, 5), (R, 3), (P, 1), (S, 0)]) == expected
    assert game.subs(T, 5).subs(R=3).subs(P=1, S=0) == expected


def test_subs_keeps_exact_values_exact_and_floats_float():
    T = sympy.Symbol("T")
    game = prisoners_dilemma(T, 3, 1, 0)
    exact = game.subs(T=Fraction(9, 2))
    assert exact.kind == "exact" and exact.payoff(("D", "C")) == (Fraction(9, 2), 0)
    floating = game.subs(T=4.5)
    assert floating.kind == "float" and floating.payoff(("D", "C")) == (4.5, 0.0)
    partial = prisoners_dilemma(*sympy.symbols("T R P S")).subs(T=5)
    assert partial.is_symbolic and partial.free_symbols == set(sympy.symbols("R P S"))


def test_subs_on_a_numeric_game_returns_it():
    game = prisoners_dilemma()
    assert game.subs({}) is game


def test_subs_refuses_a_symbol_with_other_assumptions():
    game = prisoners_dilemma(sympy.Symbol("T"), 3, 1, 0)
    with pytest.raises(GameError, match="assumptions"):
        game.subs({sympy.Symbol("T", positive=True): 4})


@pytest.mark.slow
@given(symbolic_games(players=(1, 3), actions=(1, 3), max_denominator=3))
def test_subs_equals_the_numeric_game(case):
    assert case.game.is_symbolic
    result = case.game.subs(case.values)
    assert result == case.numeric and result.kind == "exact"


@pytest.mark.slow
@given(symbolic_games(exact=False))
def test_subs_with_floats_equals_the_numeric_game_up_to_rounding(case):
    result = case.game.subs(case.values)
    assert result.kind == "float"
    for a, b in zip(result.payoffs, case.numeric.payoffs):
        np.testing.assert_allclose(a, b.astype(float), rtol=1e-12, atol=1e-9)


# ------------------------------------------------------------------ relabelling
def test_permute_actions_by_hand():
    game = prisoners_dilemma().permute_actions(0, [1, 0])
    assert game.actions == (("D", "C"), ("C", "D"))
    assert game.payoffs[0].tolist() == [[5, 1], [3, 0]]
    assert game.payoff(("D", "C")) == (5, 0)


def test_permute_players_by_hand():
    game = NormalFormGame([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]],
                          actions=[("a", "b"), ("x", "y", "z")], players=("p", "q"))
    swapped = game.permute_players([1, 0])
    assert swapped.players == ("q", "p") and swapped.actions == (("x", "y", "z"), ("a", "b"))
    assert swapped.payoff(("z", "b")) == (12, 6)        # q's payoff first: u_q(b, z), u_p(b, z)


@given(normal_form_games(players=(1, 3), actions=(1, 3)), st.data())
def test_relabelling_actions_keeps_payoffs_by_label(game, data):
    orders = data.draw(action_permutations(game))
    relabelled = game
    for i, order in enumerate(orders):
        relabelled = relabelled.permute_actions(i, order)
    for profile in game.profiles():
        assert relabelled.payoff(profile) == game.payoff(profile)


@given(normal_form_games(players=(1, 4), actions=(1, 2)), st.data())
def test_permuting_players_keeps_payoffs_by_label(game, data):
    order = data.draw(player_permutations(game))
    permuted = game.permute_players(order)
    for profile in game.profiles():
        by_new_order = tuple(profile[k] for k in order)
        assert permuted.payoff(by_new_order) == tuple(game.payoff(profile)[k] for k in order)
    inverse = [order.index(k) for k in range(game.num_players)]
    assert permuted.permute_players(inverse) == game


# ------------------------------------------------------------------ affine transformations
def test_transform_payoffs_by_hand():
    game = prisoners_dilemma().transform_payoffs(1, Fraction(1, 2), -1)
    assert game.payoffs[1].tolist() == [[Fraction(1, 2), Fraction(3, 2)], [-1, Fraction(-1, 2)]]
    assert game.payoffs[0].tolist() == PD_ROW and game.kind == "exact"


@pytest.mark.parametrize("scale", [0, -1, Fraction(-1, 2), -0.5])
def test_transform_payoffs_needs_a_positive_scale(scale):
    with pytest.raises(GameError, match="scale"):
        prisoners_dilemma().transform_payoffs(0, scale)


def test_transform_payoffs_with_a_symbolic_scale():
    a = sympy.Symbol("a", positive=True)
    game = prisoners_dilemma().transform_payoffs(0, a)
    assert game.payoff(("D", "C"), player=0) == 5 * a
    with pytest.raises(GameError, match="scale"):
        prisoners_dilemma().transform_payoffs(0, -a)


@pytest.mark.slow
@given(normal_form_games(players=(2, 3), actions=(1, 3)), positive_affine_transformations(), st.data())
def test_best_responses_are_invariant_under_positive_affine_transformations(game, f, data):
    i = data.draw(st.integers(0, game.num_players - 1))
    profile = data.draw(mixed_profiles(game))
    assert f.apply(game, i).best_responses(i, profile) == game.best_responses(i, profile)
    assert f.apply(game, i).payoffs[i].tolist() == (game.payoffs[i] * f.scale + f.shift).tolist()


# ------------------------------------------------------------------ equality and hashing
def test_equality_compares_entries_and_labels():
    assert NormalFormGame(PD) == NormalFormGame([np.array(PD_ROW), np.array(PD_ROW).T])
    assert NormalFormGame(PD) != NormalFormGame(PD, actions=[("C", "D"), ("C", "D")])
    assert NormalFormGame(PD) != NormalFormGame(PD, players=("a", "b"))
    assert NormalFormGame(PD) != prisoners_dilemma(6, 3, 1, 0)
    assert NormalFormGame([[1, 2]]) != NormalFormGame([[1, 2, 3]])
    assert (NormalFormGame(PD) == "a game") is False


def test_games_work_as_dict_keys_and_in_sets():
    games = {prisoners_dilemma(): "axelrod", matching_pennies(): "pennies"}
    assert games[prisoners_dilemma(5, 3, 1, 0)] == "axelrod"
    assert len({prisoners_dilemma(), prisoners_dilemma(), matching_pennies()}) == 2


@given(normal_form_games(players=(1, 3), actions=(1, 3), max_denominator=2))
def test_equal_games_hash_alike_across_number_kinds(game):
    as_float = NormalFormGame([a.astype(float) for a in game.payoffs])
    exactly_representable = all(float(v) == v for a in game.payoffs for v in a.flat)
    assert (as_float == game) is exactly_representable        # denominators 1 and 2 are exact in binary
    assert hash(as_float) == hash(game)


def test_symbolic_games_compare_structurally():
    T, R, P, S = sympy.symbols("T R P S")
    assert prisoners_dilemma(T, R, P, S) == prisoners_dilemma(T, R, P, S)
    assert hash(prisoners_dilemma(T, R, P, S)) == hash(prisoners_dilemma(T, R, P, S))
    assert prisoners_dilemma(T, R, P, S) != prisoners_dilemma(T, R, P, 0)


# ------------------------------------------------------------------ facts
def test_zero_sum():
    assert matching_pennies().is_zero_sum is True
    assert prisoners_dilemma().is_zero_sum is False
    assert NormalFormGame([[[0.1, 0.2]], [[-0.1, -0.2]]]).is_zero_sum is True
    s = sympy.Symbol("s", positive=True)
    assert matching_pennies(s).is_zero_sum is True
    x, y = sympy.symbols("x y")
    assert NormalFormGame([[[x]], [[y]]]).is_zero_sum is None


def test_free_symbols():
    T, R = sympy.symbols("T R")
    assert prisoners_dilemma(T, R, 1, 0).free_symbols == {T, R}
    assert prisoners_dilemma().free_symbols == frozenset()


# ------------------------------------------------------------------ display
def test_table_of_a_bimatrix():
    assert prisoners_dilemma().table() == "      C     D\nC  3, 3  0, 5\nD  5, 0  1, 1"
    assert str(prisoners_dilemma()) == prisoners_dilemma().table()


def test_table_of_floats_and_of_three_players():
    # cells are right-aligned to the widest one, "0.333333, 1e-07" (15 characters)
    table = NormalFormGame([[[0.5, 1 / 3]], [[2.0, 1e-7]]]).table()
    assert table == " " + f"  {'0':>15}  {'1':>15}" + "\n0" + f"  {'0.5, 2':>15}  {'0.333333, 1e-07':>15}"
    lines = public_goods(3, 2, 1).table().splitlines()
    assert lines[0] == "0 | 1 | 2  ->  payoffs"
    assert lines[1] == "C | C | C  ->  1, 1, 1"            # 2 * 1 * 3 / 3 - 1 = 1 each
    assert len(lines) == 1 + 8


def test_repr_shows_payoffs_labels_and_players():
    text = repr(NormalFormGame([[Fraction(1, 2), 1]], actions=[("a", "b")], players=("p",)))
    assert text == "NormalFormGame(payoffs=[[Fraction(1, 2), 1]], actions=[['a', 'b']], players=['p'])"
    assert eval(text, {"NormalFormGame": NormalFormGame, "Fraction": Fraction}) == \
        NormalFormGame([[Fraction(1, 2), 1]], actions=[("a", "b")], players=("p",))


def test_errors_name_the_argument():
    with pytest.raises(GameError, match=r"payoffs\[1\]\[0, 1\]"):
        NormalFormGame([[[1, 2], [3, 4]], [[1, float("nan")], [3, 4]]])
    with pytest.raises(ProbabilityError, match=r"profile\[1\]"):
        prisoners_dilemma().expected_payoffs(["C", [0.5, 0.6]])
