"""cybergames.strategies: generated games satisfy their assumptions, respect their bounds,
shrink to simple examples; helpers for mixed play, invariance and symbolic games."""

import math
import sys
import types
from fractions import Fraction

import hypothesis.errors
import numpy as np
import pytest
import sympy
from hypothesis import find, given
from hypothesis import strategies as st

from cybergames import (NormalFormGame, is_chicken, is_coordination_game, is_prisoners_dilemma,
                        is_public_goods_game, is_stag_hunt, is_symmetric, matching_pennies, prisoners_dilemma)
from cybergames import strategies
from cybergames.errors import CybergamesError, StrategyArgumentError
from cybergames.strategies import (AffineTransformation, action_permutations, chickens, coordination_games,
                                   mixed_actions, mixed_profiles, normal_form_games, player_permutations,
                                   positive_affine_transformations, prisoners_dilemmas, public_goods_games,
                                   stag_hunts, symbolic_games)


def entries(game):
    return [v for a in game.payoffs for v in a.flat]


def is_exact_number(value):
    return type(value) in (int, Fraction)


# ------------------------------------------------------------- generated games satisfy their predicates
@pytest.mark.parametrize("exact", [True, False])
@pytest.mark.parametrize("strategy, predicate", [
    (prisoners_dilemmas, is_prisoners_dilemma),
    (stag_hunts, is_stag_hunt),
    (chickens, is_chicken),
], ids=["prisoners_dilemmas", "stag_hunts", "chickens"])
def test_classic_strategies_satisfy_their_predicates(strategy, predicate, exact):
    @given(strategy(exact=exact))
    def check(game):
        assert predicate(game) is True
        assert game.kind == ("exact" if exact else "float")
    check()


@given(prisoners_dilemmas(repeated=True, max_denominator=6))
def test_repeated_prisoners_dilemmas(game):
    (R, S), (T, P) = game.payoffs[0].tolist()
    assert T > R > P > S and 2 * R > T + S
    assert all(is_exact_number(v) and Fraction(v).denominator <= 6 for v in (T, R, P, S))


@given(prisoners_dilemmas(exact=False, repeated=True, max_gap=3))
def test_float_prisoners_dilemmas_keep_a_margin(game):
    (R, S), (T, P) = game.payoffs[0].tolist()
    assert min(T - R, R - P, P - S) >= 1 / 64 * (1 - 1e-12)
    assert 2 * R - T - S > 1e-4 and -3 <= S <= 3 and max(T - R, R - P, P - S) <= 3 + 1e-12
    assert is_prisoners_dilemma(game, repeated=True)


@given(stag_hunts(max_gap=2))
def test_stag_hunt_gaps(game):
    (R, S), (T, P) = game.payoffs[0].tolist()
    assert 0 < P - S <= 2 and 0 <= T - P <= 2 and 0 < R - T <= 2 and -2 <= S <= 2


@given(coordination_games(players=(2, 3), actions=(2, 3), min_value=-2, max_value=2, max_denominator=3))
def test_coordination_games(game):
    assert is_coordination_game(game) is True
    assert all(-2 <= v <= 2 and Fraction(v).denominator <= 3 for v in entries(game))


@given(coordination_games(players=(2, 3), actions=(2, 3), exact=False, symmetric=True, min_value=0, max_value=1))
def test_symmetric_float_coordination_games(game):
    assert is_coordination_game(game) is True and is_symmetric(game) is True
    assert all(0 <= v <= 1 for v in entries(game))


@pytest.mark.parametrize("exact", [True, False])
def test_public_goods_games(exact):
    @given(public_goods_games(players=(2, 4), exact=exact, max_cost=3))
    def check(game):
        assert 2 <= game.num_players <= 4 and game.shape == (2,) * game.num_players
        assert is_public_goods_game(game) is True and is_symmetric(game) is True
        assert game.kind == ("exact" if exact else "float")
        n = game.num_players
        cost = -game.payoff(("C",) + ("D",) * (n - 1), 0) + game.payoff(("C",) + ("D",) * (n - 1), 1)
        assert 0 < cost <= 3 * (1 + 1e-12)                  # b - (b - c) = c
    check()


# ------------------------------------------------------------- normal_form_games
@given(normal_form_games(players=(1, 3), actions=(1, 4), min_value=-3, max_value=5))
def test_shapes_and_bounds(game):
    assert 1 <= game.num_players <= 3 and all(1 <= m <= 4 for m in game.shape)
    assert game.kind == "exact" and all(type(v) is int and -3 <= v <= 5 for v in entries(game))


@given(normal_form_games(players=3, actions=[3, 1, 2]))
def test_a_list_of_action_counts_fixes_the_shape(game):
    assert game.shape == (3, 1, 2)


@given(normal_form_games(exact=False, min_value=-1.5, max_value=0.25))
def test_float_games(game):
    assert game.kind == "float" and game.payoffs[0].dtype == np.float64
    assert all(-1.5 <= v <= 0.25 and math.isfinite(v) for v in entries(game))


@given(normal_form_games(min_value=Fraction(-1, 2), max_value=Fraction(1, 2), max_denominator=5))
def test_fractions_between_fractional_bounds(game):
    assert game.kind == "exact"
    assert all(-Fraction(1, 2) <= v <= Fraction(1, 2) and Fraction(v).denominator <= 5 for v in entries(game))
    assert all(type(v) is int for v in entries(game) if Fraction(v).denominator == 1)


@pytest.mark.parametrize("exact", [True, False])
def test_symmetric_games(exact):
    @given(normal_form_games(players=(1, 4), actions=(1, 3), exact=exact, symmetric=True))
    def check(game):
        assert is_symmetric(game) is True
    check()


@given(normal_form_games(players=2, actions=(2, 3), distinct=True, min_value=0, max_value=9))
def test_distinct_payoffs_leave_no_indifference(game):
    for array in game.payoffs:
        assert len(set(array.flat)) == array.size
    for j in range(game.shape[1]):
        assert len(game.best_responses(0, (None, j))) == 1


@given(normal_form_games(players=3, actions=2, symmetric=True, distinct=True, exact=False))
def test_distinct_symmetric_games(game):
    # distinct values of the payoff function u(own action, others' multiset): 2 * 3 of them
    assert is_symmetric(game) and len(set(game.payoffs[0].flat)) == 6


def test_games_shrink_to_zeros_and_dilemmas_to_the_smallest_gaps():
    # Built, not filtered: the minimal examples are the simplest games.
    assert find(normal_form_games(), lambda g: True) == NormalFormGame([[[0, 0], [0, 0]], [[0, 0], [0, 0]]])
    assert find(prisoners_dilemmas(), lambda g: True) == prisoners_dilemma(3, 2, 1, 0)
    assert find(prisoners_dilemmas(repeated=True), lambda g: True) == prisoners_dilemma(3, 2, 1, 0)


# ------------------------------------------------------------- mixed play
@given(normal_form_games(players=(1, 3), actions=(1, 4), max_denominator=2), st.data())
def test_exact_mixed_profiles(game, data):
    profile = data.draw(mixed_profiles(game))
    assert len(profile) == game.num_players
    for sigma, size in zip(profile, game.shape):
        assert len(sigma) == size and sum(sigma) == 1 and min(sigma) >= 0
        assert all(is_exact_number(p) for p in sigma)
    game.mixed_profile(profile)                      # the game accepts it


@given(normal_form_games(players=(1, 3), actions=(1, 4), exact=False), st.data())
def test_float_mixed_profiles_follow_the_game(game, data):
    profile = data.draw(mixed_profiles(game, full_support=True))
    for sigma in profile:
        assert math.isclose(math.fsum(sigma), 1, abs_tol=1e-12) and min(sigma) > 0
        assert all(type(p) is float for p in sigma)
    game.mixed_profile(profile)


@given(st.data())
def test_mixed_actions_of_one_player(data):
    game = NormalFormGame([np.zeros((2, 5))] * 2, players=("row", "column"))
    sigma = data.draw(mixed_actions(game, "column", exact=False))
    assert len(sigma) == 5 and math.isclose(sum(sigma), 1)
    sigma = data.draw(mixed_actions(game, 0, exact=True, full_support=True))
    assert len(sigma) == 2 and sum(sigma) == 1 and min(sigma) > 0


def test_pure_actions_are_generated_too():
    assert find(mixed_actions(matching_pennies(), 0), lambda s: True) in {(1, 0), (0, 1)}


# ------------------------------------------------------------- invariance helpers
@given(positive_affine_transformations(max_scale=4, max_shift=3))
def test_exact_affine_transformations(f):
    assert isinstance(f, AffineTransformation)
    assert Fraction(1, 4) <= f.scale <= 4 and -3 <= f.shift <= 3
    assert is_exact_number(f.scale) and is_exact_number(f.shift)


@given(positive_affine_transformations(exact=False))
def test_float_affine_transformations(f):
    assert 1 / 16 <= f.scale <= 16 and -100 <= f.shift <= 100
    game = f.apply(prisoners_dilemma(), 1)
    assert game.payoff(("C", "D"), 1) == pytest.approx(5 * f.scale + f.shift)


@given(normal_form_games(players=(1, 4), actions=(1, 4)), st.data())
def test_permutations(game, data):
    orders = data.draw(action_permutations(game))
    assert [sorted(order) for order in orders] == [list(range(m)) for m in game.shape]
    order = data.draw(player_permutations(game))
    assert sorted(order) == list(range(game.num_players))


# ------------------------------------------------------------- symbolic games
@given(symbolic_games(players=(1, 2), actions=(1, 3), names=("a", "b")))
def test_symbolic_games_use_every_drawn_symbol(case):
    assert case.game.is_symbolic
    assert case.game.free_symbols == set(case.values)
    assert all(s.is_real and s.name in ("a", "b") for s in case.values)
    assert case.numeric.shape == case.game.shape and not case.numeric.is_symbolic


# ------------------------------------------------------------- argument errors
def test_argument_errors_are_raised_when_drawn_and_are_both_kinds():
    strategy = normal_form_games(players=0)                 # building the strategy does not raise
    with pytest.raises(StrategyArgumentError, match="players") as info:
        find(strategy, lambda g: True)
    assert isinstance(info.value, CybergamesError)
    assert isinstance(info.value, hypothesis.errors.InvalidArgument)


# ------------------------------------------------------------- re-export section
def test_subpackage_strategies_are_reexported(monkeypatch):
    fake = types.ModuleType("cybergames.repeated._fake_strategies")
    fake.__all__ = ["automata"]
    fake.automata = st.just("an automaton")
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    namespace, exported = {}, ["normal_form_games"]
    strategies._reexport(fake.__name__, namespace, exported)
    assert namespace == {"automata": fake.automata} and exported == ["normal_form_games", "automata"]


def test_a_missing_subpackage_module_is_skipped_but_other_import_errors_propagate(tmp_path, monkeypatch):
    namespace, exported = {}, []
    strategies._reexport("cybergames.repeated._no_such_module", namespace, exported)
    assert namespace == {} and exported == []
    (tmp_path / "strategies_needing_a_missing_dependency.py").write_text("import no_such_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_xyz"):
        strategies._reexport("strategies_needing_a_missing_dependency", namespace, exported)


def test_public_names():
    for name in strategies.__all__:
        assert hasattr(strategies, name)
        assert getattr(strategies, name).__doc__
    assert {"normal_form_games", "prisoners_dilemmas", "stag_hunts", "chickens", "coordination_games",
            "public_goods_games", "mixed_actions", "mixed_profiles", "positive_affine_transformations",
            "action_permutations", "symbolic_games"} <= set(strategies.__all__)
