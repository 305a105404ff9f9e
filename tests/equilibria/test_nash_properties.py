"""Properties of nash_equilibria on generated games: best responses, invariances, exact vs float."""

from fractions import Fraction

import pytest
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, nash_equilibria, pure_equilibria, verify
from cybergames.strategies import (action_permutations, normal_form_games, player_permutations,
                                   positive_affine_transformations)

# small payoff ranges make ties, hence degenerate games, common
two_player_exact = normal_form_games(2, (1, 4), min_value=-3, max_value=3)
two_player_float = normal_form_games(2, (1, 4), exact=False, min_value=-3, max_value=3)
two_player_fractions = normal_form_games(2, (2, 3), min_value=-2, max_value=2, max_denominator=3)


def _profile_key(eq):
    return tuple(tuple(s) for s in eq.strategies)


def _rounded(eq, digits=9):
    return tuple(tuple(round(float(p), digits) for p in s) for s in eq.strategies)


@given(st.one_of(two_player_exact, two_player_fractions, two_player_float))
def test_every_equilibrium_is_a_mutual_best_response(game):
    equilibria = nash_equilibria(game)
    assert equilibria.complete and len(equilibria) >= 1       # Nash (1951): one always exists
    for eq in equilibria:
        assert verify(eq)
        for i, mixed in enumerate(eq.strategies):
            others = [None if j == i else list(s) for j, s in enumerate(eq.strategies)]
            best = set(game.best_responses(i, others))
            assert set(eq.support[i]) <= best, (i, eq)
            total = sum(mixed)
            assert (abs(total - 1) < 1e-9) if game.kind == "float" else total == 1
            assert all(p >= 0 for p in mixed)
        if game.kind == "exact":
            assert eq.gains == (0, 0)
    assert verify(equilibria)


@pytest.mark.slow
@given(st.data())
def test_relabelling_actions_relabels_the_equilibria(data):
    game = data.draw(st.one_of(two_player_exact, two_player_float))
    orders = data.draw(action_permutations(game))
    relabelled = game
    for player, order in enumerate(orders):
        relabelled = relabelled.permute_actions(player, order)
    expected = {tuple(tuple(s[k] for k in order) for s, order in zip(eq.strategies, orders))
                for eq in nash_equilibria(game)}
    found = {_profile_key(eq) for eq in nash_equilibria(relabelled)}
    if game.kind == "exact":
        assert found == expected
    else:
        round_all = lambda keys: {tuple(tuple(round(p, 9) for p in s) for s in key) for key in keys}  # noqa: E731
        assert round_all(found) == round_all(expected)


@pytest.mark.slow
@settings(deadline=None)        # three-player games: mixed equilibria by exact support enumeration
@given(st.data())
def test_permuting_players_permutes_the_equilibria(data):
    game = data.draw(st.one_of(two_player_exact, normal_form_games(3, (1, 2), min_value=-2, max_value=2)))
    order = data.draw(player_permutations(game))
    expected = {tuple(_profile_key(eq)[k] for k in order) for eq in nash_equilibria(game)}
    assert {_profile_key(eq) for eq in nash_equilibria(game.permute_players(order))} == expected


@pytest.mark.slow
@given(st.data())
def test_positive_affine_transformations_change_payoffs_not_equilibria(data):
    game = data.draw(two_player_exact)
    player = data.draw(st.integers(0, 1))
    transformation = data.draw(positive_affine_transformations())
    transformed = transformation.apply(game, player)
    before, after = nash_equilibria(game), nash_equilibria(transformed)
    assert [_profile_key(eq) for eq in after] == [_profile_key(eq) for eq in before]
    for old, new in zip(before, after):
        assert new.payoffs[player] == transformation.scale * old.payoffs[player] + transformation.shift
        assert new.payoffs[1 - player] == old.payoffs[1 - player]
    assert after.degenerate == before.degenerate


@given(st.one_of(two_player_exact, two_player_fractions))
def test_exact_and_float_answers_agree(game):
    exact = nash_equilibria(game)
    as_float = nash_equilibria(NormalFormGame([np.array(p, dtype=float) for p in game.payoffs],
                                              game.actions, game.players))
    assert exact.exact and not as_float.exact
    assert exact.degenerate == as_float.degenerate
    assert sorted(_rounded(eq) for eq in exact) == sorted(_rounded(eq) for eq in as_float)
    assert all(isinstance(p, (int, Fraction)) for eq in exact for s in eq.strategies for p in s)


@given(normal_form_games((1, 4), (1, 3), min_value=-2, max_value=2))
def test_pure_search_matches_brute_force(game):
    brute = [profile for profile in game.profiles()
             if all(profile[i] in game.best_responses(i, profile) for i in range(game.num_players))]
    found = [eq.profile for eq in pure_equilibria(game)]
    assert sorted(found) == sorted(brute)


@settings(max_examples=25)
@given(normal_form_games(2, (2, 5), min_value=-2, max_value=2))
def test_components_are_maximal_nash_subsets(game):
    equilibria = nash_equilibria(game)
    listed = set(equilibria)
    pairs = {(_profile_key(eq)[0], _profile_key(eq)[1]) for eq in equilibria}
    covered = set()
    for subset in equilibria.components:
        xs = [tuple(x) for x in subset.actions[0]]
        ys = [tuple(y) for y in subset.actions[1]]
        assert all((x, y) in pairs for x in xs for y in ys)          # a biclique of extreme equilibria
        assert set(subset.equilibria) <= listed
        covered |= {(x, y) for x in xs for y in ys}
        # maximal: no other extreme action is joined to all of the other side
        others_x = {x for x, _ in pairs} - set(xs)
        assert not any(all((x, y) in pairs for y in ys) for x in others_x)
        others_y = {y for _, y in pairs} - set(ys)
        assert not any(all((x, y) in pairs for x in xs) for y in others_y)
        # the midpoint of the subset is an equilibrium too (convexity)
        mid_x = [sum(c) / len(xs) for c in zip(*xs)]
        mid_y = [sum(c) / len(ys) for c in zip(*ys)]
        assert set(game.best_responses(0, (None, mid_y))) >= {a for a, p in zip(game.actions[0], mid_x) if p > 0}
        assert set(game.best_responses(1, (mid_x, None))) >= {a for a, p in zip(game.actions[1], mid_y) if p > 0}
    assert covered == pairs
    if not equilibria.degenerate:
        assert len(equilibria.components) == len(equilibria)
