"""Assumption predicates: agreement with the constructors, with the inequalities written
out, with brute-force definitions, and three-valued answers for symbolic games."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import (NormalFormGame, battle_of_the_sexes, chicken, is_chicken, is_coordination_game,
                        is_prisoners_dilemma, is_public_goods_game, is_stag_hunt, is_symmetric, is_zero_sum,
                        matching_pennies, prisoners_dilemma, public_goods, stag_hunt, symmetric_game, trust_game)
from cybergames.errors import GameError, ParameterError
from cybergames.strategies import normal_form_games, positive_affine_transformations

CLASSICS = {
    "prisoners_dilemma": prisoners_dilemma(),
    "prisoners_dilemma_float": prisoners_dilemma(5.0, 3.0, 1.0, 0.0),
    "stag_hunt": stag_hunt(),
    "stag_hunt_float": stag_hunt(T=2.5, R=4.5, P=1.5, S=0.5),
    "chicken": chicken(),
    "battle_of_the_sexes": battle_of_the_sexes(),
    "matching_pennies": matching_pennies(),
    "trust_game": trust_game(),
    "public_goods": public_goods(3),
}

# Which predicate holds for which classic game; every other pair must be False.
HOLDS = {
    "prisoners_dilemma": {is_prisoners_dilemma, is_symmetric},
    "prisoners_dilemma_float": {is_prisoners_dilemma, is_symmetric},
    "stag_hunt": {is_stag_hunt, is_coordination_game, is_symmetric},
    "stag_hunt_float": {is_stag_hunt, is_coordination_game, is_symmetric},
    "chicken": {is_chicken, is_symmetric},
    "battle_of_the_sexes": {is_coordination_game},
    "matching_pennies": {is_zero_sum},
    "trust_game": set(),
    "public_goods": {is_public_goods_game, is_symmetric},
}
PREDICATES = [is_prisoners_dilemma, is_stag_hunt, is_chicken, is_coordination_game, is_public_goods_game,
              is_symmetric, is_zero_sum]


@pytest.mark.parametrize("name", sorted(CLASSICS))
@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: p.__name__)
def test_classic_games_satisfy_exactly_their_predicates(name, predicate):
    assert predicate(CLASSICS[name]) is (predicate in HOLDS[name])


def test_repeated_prisoners_dilemma_condition():
    # Axelrod (1984), ch. 1: 2R > T + S; with T, R, S = 5, 3, 0 it holds (6 > 5); with T = 7 not.
    assert is_prisoners_dilemma(prisoners_dilemma(5, 3, 1, 0), repeated=True) is True
    assert is_prisoners_dilemma(prisoners_dilemma(6, 3, 1, 0), repeated=True) is False    # 6 = 6
    assert is_prisoners_dilemma(prisoners_dilemma(6, 3, 1, 0)) is True


def test_two_player_public_goods_games_are_prisoners_dilemmas():
    # n = 2, m = 3/2, c = 2: T, R, P, S = 3/2, 1, 0, -1/2 by hand (b = m c / n = 3/2).
    game = public_goods(2, Fraction(3, 2), 2)
    assert game.payoff(("D", "C"), 0) == Fraction(3, 2) and game.payoff(("C", "C"), 0) == 1
    assert is_prisoners_dilemma(game) and is_public_goods_game(game)
    # a linear prisoner's dilemma (T - R = P - S) is a public-goods game; Axelrod's is not
    assert is_public_goods_game(prisoners_dilemma(4, 3, 1, 0)) is True
    assert is_public_goods_game(prisoners_dilemma(5, 3, 1, 0)) is False


# ------------------------------------------------------------- relabelling
def swap_both(game):
    return game.permute_actions(0, [1, 0]).permute_actions(1, [1, 0])


@pytest.mark.parametrize("game, predicate", [
    (prisoners_dilemma(), is_prisoners_dilemma),
    (stag_hunt(), is_stag_hunt),
    (chicken(), is_chicken),
    (stag_hunt(), is_coordination_game),
    (battle_of_the_sexes(), is_coordination_game),
])
def test_the_same_relabelling_for_both_players_is_recognised(game, predicate):
    assert predicate(swap_both(game)) is True


def test_relabelling_one_player_only_is_not_recognised():
    # Documented: the game is isomorphic, but not symmetric in the index sense.
    game = prisoners_dilemma().permute_actions(1, [1, 0])
    assert is_symmetric(game) is False and is_prisoners_dilemma(game) is False
    # swapping one player's actions in a coordination game moves the equilibria off the diagonal
    assert is_coordination_game(battle_of_the_sexes().permute_actions(1, [1, 0])) is False


def test_public_goods_with_defection_listed_first():
    game = public_goods(3, 2, 1)
    relabelled = game
    for i in range(3):
        relabelled = relabelled.permute_actions(i, [1, 0])
    assert relabelled.actions == (("D", "C"),) * 3
    assert is_public_goods_game(relabelled) is True
    assert is_public_goods_game(game.permute_actions(0, [1, 0])) is False


def test_public_goods_up_to_a_common_affine_map():
    game = public_goods(4, 3, 2)
    shifted = game
    for i in range(4):                   # the same scale and endowment for every player
        shifted = shifted.transform_payoffs(i, 3, 10)
    assert is_public_goods_game(shifted) is True
    assert is_public_goods_game(game.transform_payoffs(0, 3, 10)) is False


# ------------------------------------------------------------- inequalities written out
def letters(game, order):
    """T, R, P, S of the row player reading action order[0] as cooperation."""
    c, d = order
    u = game.payoffs[0]
    return u[d, c], u[c, c], u[d, d], u[c, d]


small_symmetric_2x2 = normal_form_games(2, 2, symmetric=True, min_value=0, max_value=3)


@given(small_symmetric_2x2)
def test_prisoners_dilemma_predicate_is_the_inequalities(game):
    orders = [letters(game, o) for o in ((0, 1), (1, 0))]
    assert is_prisoners_dilemma(game) == any(T > R > P > S for T, R, P, S in orders)
    assert is_prisoners_dilemma(game, repeated=True) == any(
        T > R > P > S and 2 * R > T + S for T, R, P, S in orders)


@given(small_symmetric_2x2)
def test_stag_hunt_predicate_is_the_inequalities(game):
    assert is_stag_hunt(game) == any(R > T >= P > S for T, R, P, S in
                                     (letters(game, o) for o in ((0, 1), (1, 0))))


@given(small_symmetric_2x2)
def test_chicken_predicate_is_the_inequalities(game):
    assert is_chicken(game) == any(T > R > S > P for T, R, P, S in
                                   (letters(game, o) for o in ((0, 1), (1, 0))))


@given(normal_form_games(2, 2, min_value=0, max_value=3))
def test_two_by_two_predicates_need_symmetry(game):
    symmetric = (game.payoffs[1] == game.payoffs[0].T).all()
    assert is_symmetric(game) == symmetric
    if not symmetric:
        assert not (is_prisoners_dilemma(game) or is_stag_hunt(game) or is_chicken(game))


@given(normal_form_games(players=(1, 3), actions=(1, 3), min_value=0, max_value=2))
def test_symmetry_is_invariance_under_every_permutation_of_players(game):
    n = game.num_players
    by_definition = len(set(game.shape)) == 1 and all(
        game.payoffs[pi[i]][tuple(a[pi.index(j)] for j in range(n))] == game.payoffs[i][a]
        for pi in itertools.permutations(range(n)) for i in range(n) for a in np.ndindex(*game.shape))
    assert is_symmetric(game) == by_definition


@given(normal_form_games(players=(1, 3), actions=(1, 3), min_value=0, max_value=2))
def test_coordination_is_a_strict_equilibrium_on_every_diagonal_profile(game):
    n, shape = game.num_players, game.shape
    expected = n >= 2 and len(set(shape)) == 1 and shape[0] >= 2 and all(
        game.best_responses(i, [k] * n) == (game.actions[i][k],)
        for k in range(shape[0]) for i in range(n))
    assert is_coordination_game(game) == expected


@given(st.integers(2, 4), st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3), st.booleans())
def test_public_goods_predicate_is_the_linear_form_and_its_inequalities(n, e, b, c, swapped):
    # u_i = e + b k - c x_i built by hand, with any signs: a public-goods game iff b < c < n b,
    # or, reading the other action as the contribution (k -> n - k, x_i -> 1 - x_i, which maps
    # b, c to -b, -c), iff -b < -c < -n b.
    contribute = 1 if swapped else 0
    arrays = []
    for i in range(n):
        array = np.empty((2,) * n, dtype=object)
        for a in np.ndindex(*(2,) * n):
            k = sum(1 for x in a if x == contribute)
            array[a] = e + b * k - c * (1 if a[i] == contribute else 0)
        arrays.append(array)
    game = NormalFormGame(arrays)
    assert is_public_goods_game(game) == (b < c < n * b or -b < -c < -n * b)


@given(st.integers(2, 4), st.data())
def test_changing_one_payoff_breaks_linearity(n, data):
    player = data.draw(st.integers(0, n - 1))
    profile = data.draw(st.tuples(*[st.integers(0, 1)] * n))
    change = data.draw(st.sampled_from([-1, Fraction(1, 3), 2]))
    arrays = [np.array(a) for a in public_goods(n, Fraction(3, 2), 1).payoffs]   # writable copies
    arrays[player][profile] += change
    assert is_public_goods_game(NormalFormGame(arrays)) is False


# ------------------------------------------------------------- invariance
@given(normal_form_games(2, 2, symmetric=True, min_value=0, max_value=3), positive_affine_transformations())
def test_predicates_are_invariant_under_one_affine_map_for_both_players(game, f):
    transformed = f.apply(f.apply(game, 0), 1)
    for predicate in (is_prisoners_dilemma, is_stag_hunt, is_chicken, is_coordination_game, is_symmetric):
        assert predicate(transformed) == predicate(game)


# ------------------------------------------------------------- floats and tolerance
def test_float_near_ties_count_as_ties():
    # T and R differ by rounding only: not a strict T > R.
    game = symmetric_game([[0.3, 0.0], [0.1 + 0.2, 0.1]])
    assert 0.1 + 0.2 > 0.3
    assert is_prisoners_dilemma(game) is False
    assert is_prisoners_dilemma(game, tol=0.0) is True
    # T = P up to rounding satisfies the stag hunt's T >= P
    hunt = symmetric_game([[1.0, 0.0], [0.3, 0.1 + 0.2]])
    assert is_stag_hunt(hunt) is True and is_stag_hunt(hunt, tol=0.0) is False


def test_float_symmetry_within_tolerance():
    game = NormalFormGame([[[1.0, 0.3], [0.1 + 0.2, 2.0]], [[1.0, 0.3], [0.3, 2.0]]])
    assert is_symmetric(game) is True and is_symmetric(game, tol=0.0) is False


# ------------------------------------------------------------- symbolic games
def test_plain_symbols_are_undecidable():
    T, R, P, S = sympy.symbols("T R P S")
    assert is_prisoners_dilemma(prisoners_dilemma(T, R, P, S)) is None
    assert is_stag_hunt(stag_hunt(T=T, R=R, P=P, S=S)) is None
    assert is_symmetric(prisoners_dilemma(T, R, P, S)) is True


def test_positive_gaps_decide():
    a, b, c = sympy.symbols("a b c", positive=True)
    x = sympy.Symbol("x")
    assert is_prisoners_dilemma(prisoners_dilemma(x + a + b, x + a, x, x - c)) is True
    assert is_chicken(chicken(x + a + b + c, x + a + b, x, x + a)) is True
    assert is_stag_hunt(stag_hunt(T=x + a, R=x + a + b, P=x, S=x - c)) is True
    assert is_coordination_game(stag_hunt(T=x + a, R=x + a + b, P=x, S=x - c)) is True
    # T = x, R = x + a: T > R is false in the given order, and false after swapping too
    # (swapped, T' = S = x - b - c < R' = P = x - b)
    not_pd = symmetric_game([[x + a, x - b - c], [x, x - b]])
    assert is_prisoners_dilemma(not_pd) is False


def test_repeated_condition_undecidable_then_decided():
    a, b, c = sympy.symbols("a b c", positive=True)
    x = sympy.Symbol("x")
    # T - R = b, R - S = a + c: 2R > T + S iff a + c > b, undecidable
    assert is_prisoners_dilemma(prisoners_dilemma(x + a + b, x + a, x, x - c), repeated=True) is None
    # T - R = b, R - S = a + b + c > b
    assert is_prisoners_dilemma(prisoners_dilemma(x + a + b, x + a, x, x - b - c), repeated=True) is True


def test_symbolic_public_goods():
    m, c = sympy.symbols("m c", positive=True)
    assert is_public_goods_game(public_goods(3, 1 + m, c)) is None        # m + 1 < 3 undecidable
    d = sympy.Symbol("d", positive=True)
    assert is_public_goods_game(public_goods(3, 3 - 2 / (1 + d), c)) is True  # 1 < 3 - 2/(1+d) < 3


def test_zero_sum_symbolic_and_float():
    s = sympy.Symbol("s", positive=True)
    assert is_zero_sum(matching_pennies(s)) is True
    assert is_zero_sum(matching_pennies(0.5)) is True


# ------------------------------------------------------------- arguments
@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: p.__name__)
def test_predicates_need_a_game(predicate):
    with pytest.raises(GameError, match="game"):
        predicate([[3, 0], [5, 1]])


@pytest.mark.parametrize("tol", [-1e-9, float("nan"), "0", True])
def test_tolerance_must_be_a_non_negative_number(tol):
    with pytest.raises(ParameterError, match="tol"):
        is_symmetric(prisoners_dilemma(), tol=tol)


def test_repeated_must_be_a_bool():
    with pytest.raises(ParameterError, match="repeated"):
        is_prisoners_dilemma(prisoners_dilemma(), repeated="yes")


def test_shapes_other_than_two_by_two_are_not_dilemmas():
    three = symmetric_game([[3, 0, 0], [5, 1, 0], [0, 0, 0]])
    assert not any(p(three) for p in (is_prisoners_dilemma, is_stag_hunt, is_chicken))
    assert is_coordination_game(NormalFormGame([[[1]], [[1]]])) is False
    assert is_public_goods_game(NormalFormGame([[1, 0]])) is False
