"""Folk-theorem geometry: feasible payoffs, minmax region, folk-theorem region (cybergames/repeated/geometry.py)."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial import ConvexHull

from cybergames import (NormalFormGame, battle_of_the_sexes, matching_pennies, prisoners_dilemma,
                        public_goods)
from cybergames.errors import GameError
from cybergames.repeated.geometry import (Polytope, feasible_payoffs, folk_theorem_region,
                                          individually_rational)
from cybergames.strategies import normal_form_games


def _payoff_points(game):
    return [tuple(p[idx] for p in game.payoffs) for idx in np.ndindex(*game.shape)]


def _satisfies(polytope, point):
    return all(sum(a * b for a, b in zip(n, point)) <= o for n, o in zip(polytope.normals, polytope.offsets))


# ----------------------------------------------------------------------------- feasible payoffs


def test_feasible_payoffs_of_the_prisoners_dilemma_are_its_four_payoff_points():
    # Mailath & Samuelson (2006), fig. 2.1.1 shape: for T, R, P, S = 10, 9, 3, 1 no payoff
    # point is a convex combination of the others, so all four are vertices.
    F = feasible_payoffs(prisoners_dilemma(10, 9, 3, 1))
    assert sorted(map(tuple, F.vertices.tolist())) == [(1, 10), (3, 3), (9, 9), (10, 1)]
    assert F.exact and F.dimension == 2 and F.shape == "polygon"
    # every edge line passes through two vertices: each facet is tight at exactly two vertices
    for normal, offset in F.halfspaces:
        tight = [v for v in F.vertices.tolist() if sum(a * b for a, b in zip(normal, v)) == offset]
        assert len(tight) == 2
    # shoelace by hand on (3,3),(10,1),(9,9),(1,10): (3-30) + (90-9) + (90-9) + (3-30) = 108, halved
    assert F.area == 54


def test_matching_pennies_feasible_set_is_a_segment_not_a_qhull_error():
    F = feasible_payoffs(matching_pennies())
    assert F.shape == "segment"
    assert sorted(map(tuple, F.vertices.tolist())) == [(-1, 1), (1, -1)]
    assert F.contains((0, 0)) and not F.contains((0, Fraction(1, 10)))


def test_a_constant_game_has_a_single_feasible_point():
    game = NormalFormGame([[[2, 2], [2, 2]], [[5, 5], [5, 5]]])
    F = feasible_payoffs(game)
    assert F.shape == "point" and F.vertices.tolist() == [[2, 5]]
    assert F.contains((2, 5)) and not F.contains((2, 6))


def test_three_player_public_goods_hull_matches_qhull_and_is_exact():
    game = public_goods(3)
    F = feasible_payoffs(game)
    points = np.array(_payoff_points(game), dtype=float)
    reference = ConvexHull(points)
    assert {tuple(p) for p in points[reference.vertices].tolist()} == \
        {tuple(map(float, v)) for v in F.vertices.tolist()}
    assert all(isinstance(v, (int, Fraction)) for v in F.vertices.flat)
    assert all(_satisfies(F, p) for p in _payoff_points(game))


def test_payoffs_on_a_plane_in_three_dimensions_give_a_polygon_with_its_plane_as_equations():
    # player 3's payoff is the sum of the others': every payoff vector lies in v3 = v1 + v2
    u1 = [[[1, 0], [2, 3]], [[0, 4], [1, 1]]]
    u2 = [[[0, 2], [1, 1]], [[3, 0], [2, 5]]]
    u3 = (np.array(u1) + np.array(u2)).tolist()
    F = feasible_payoffs(NormalFormGame([u1, u2, u3]))
    assert F.dimension == 2 and F.ambient_dimension == 3
    assert F.contains((1, 1, 2)) is True and F.contains((1, 1, 3)) is False


def test_float_games_give_float_polytopes():
    F = feasible_payoffs(prisoners_dilemma(5.0, 3.0, 1.0, 0.0))
    assert not F.exact and F.vertices.dtype == float
    assert F.contains((3.0, 3.0)) and not F.contains((3.1, 3.1))


@settings(max_examples=30)
@given(normal_form_games(players=2, actions=(1, 3)))
def test_feasible_hull_contains_every_payoff_point_and_its_vertices_are_payoff_points(game):
    F = feasible_payoffs(game)
    points = _payoff_points(game)
    assert all(_satisfies(F, p) for p in points)
    assert {tuple(v) for v in F.vertices.tolist()} <= {tuple(p) for p in points}


@settings(max_examples=20)
@given(normal_form_games(players=2, actions=2), st.integers(1, 5), st.integers(-5, 5))
def test_feasible_vertices_move_with_a_positive_affine_transformation(game, scale, shift):
    moved = feasible_payoffs(game.transform_payoffs(0, scale, shift))
    original = feasible_payoffs(game)
    expected = {(scale * v[0] + shift, v[1]) for v in original.vertices.tolist()}
    assert {tuple(v) for v in moved.vertices.tolist()} == expected


# ----------------------------------------------------------------------------- minmax region


def test_battle_of_the_sexes_mixed_minmax_is_six_fifths():
    # By hand: the punisher mixes Opera with y; the player gets max(3y, 2(1 - y)), least at y = 2/5.
    ir = individually_rational(battle_of_the_sexes())
    assert ir.minmax == (Fraction(6, 5), Fraction(6, 5))
    assert ir.contains((Fraction(6, 5), 2)) and not ir.contains((Fraction(6, 5), 2), strict=True)


def test_pure_minmax_is_never_below_the_mixed_one_in_matching_pennies():
    # Mailath & Samuelson (2006), sec. 2.7.1: mixed minmax 0, pure minmax 1 in matching pennies.
    assert individually_rational(matching_pennies()).minmax == (0, 0)
    assert individually_rational(matching_pennies(), mixed=False).minmax == (1, 1)


# ----------------------------------------------------------------------------- folk-theorem region


def test_folk_region_of_the_prisoners_dilemma_by_hand():
    # T, R, P, S = 10, 9, 3, 1: minmax (3, 3) = mutual defection. The edge from (10, 1) to (9, 9)
    # meets v2 = 3 at v1 = 10 - 2/8 = 39/4, symmetrically for player 2.
    region = folk_theorem_region(prisoners_dilemma(10, 9, 3, 1))
    assert sorted(map(tuple, region.closure.vertices.tolist())) == \
        sorted([(3, 3), (Fraction(39, 4), 3), (9, 9), (3, Fraction(39, 4))])
    assert region.contains((6, 6)) and not region.contains((3, 6)) and not region.is_empty


def test_matching_pennies_has_an_empty_folk_region():
    region = folk_theorem_region(matching_pennies())
    assert region.is_empty and region.closure.shape == "point"


def test_three_player_folk_region_is_inside_feasible_and_above_minmax():
    region = folk_theorem_region(public_goods(3), mixed=False)
    for v in region.closure.vertices.tolist():
        assert region.feasible.contains(v)
        assert all(x >= m for x, m in zip(v, region.minmax))


def test_geometry_refuses_symbolic_and_non_games():
    T = sympy.Symbol("T")
    with pytest.raises(GameError, match="symbolic"):
        feasible_payoffs(prisoners_dilemma(T, 3, 1, 0))
    with pytest.raises(GameError, match="NormalFormGame"):
        folk_theorem_region([[1, 2], [3, 4]])
    with pytest.raises(GameError, match="mixed"):
        individually_rational(matching_pennies(), mixed="yes")
    with pytest.raises(GameError, match="coordinates"):
        feasible_payoffs(matching_pennies()).contains((0, 0, 0))
    with pytest.raises(GameError, match="at least one point"):
        Polytope.from_points([])
