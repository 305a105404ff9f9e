"""The compiled planar kernels against the numpy path (cybergames/repeated/payoff_sets/_planar.py).

The kernels are an accelerator: every property here compares them (compiled,
and run as plain Python) with the numpy code they replace, on random and
degenerate input (repeated points, collinear points, points on a small grid,
polygons with vertices on the quadrants' sides), and the whole payoff-set
solver with and without them on random games.
"""

from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import RepeatedGame
from cybergames._compiled import compile_kernel, enabled as compiled_kernels_enabled
from cybergames.repeated import _polytopes
from cybergames.repeated.payoff_sets import _planar, equilibrium_payoff_set
from cybergames.repeated.payoff_sets.polygon import PolygonOperator
from cybergames.repeated.payoff_sets.stage import stage_of
from cybergames.strategies import normal_form_games

needs_kernels = pytest.mark.skipif(not compiled_kernels_enabled(), reason="numba missing or CYBERGAMES_NO_NUMBA set")

_coordinates = st.one_of(st.integers(-3, 3).map(float),                       # a small grid: ties, collinearity
                         st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False))


@st.composite
def point_sets(draw, *, min_size=2, max_size=60):
    """Planar float points, some of them repeated or on one line."""
    points = draw(st.lists(st.tuples(_coordinates, _coordinates), min_size=min_size, max_size=max_size))
    if draw(st.booleans()):                                                 # a collinear family
        (x, y), slope = points[0], draw(st.sampled_from([0.0, 1.0, -0.5]))
        points += [(x + t, y + slope * t) for t in draw(st.lists(st.integers(-4, 4).map(float), max_size=6))]
    points += draw(st.lists(st.sampled_from(points), max_size=4))         # repeats
    return np.array(points, dtype=float)


def _same(first, second):
    return first.shape == second.shape and bool((first == second).all())


def _rows(points):
    return sorted(map(tuple, np.asarray(points).tolist()))


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(point_sets(), st.sampled_from([1e-11, 1e-6, 1e-2]))
def test_compiled_hull_is_the_numpy_hull(points, rel_tol):
    expected = _polytopes.hull2(points, rel_tol)
    assert _same(_planar.kernel("hull")(points, rel_tol), expected)
    assert _same(_planar._hull2_loops(points, rel_tol), expected)
    assert _same(_planar.hull2(points, rel_tol), expected)


@pytest.mark.parametrize("points", [[[0.0, 0.0], [0.0, 0.0]], [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]],
                                    [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.5, 0.5], [1.0, 0.5]]])
def test_compiled_hull_on_a_point_a_segment_and_a_square(points):
    # By hand: two equal points are a point; three points on y = x + 1 are the segment of the
    # outer two; the unit square keeps its four corners (its centre and an edge midpoint go).
    points = np.array(points)
    expected = {2: [[0.0, 0.0]], 3: [[1.0, 2.0], [5.0, 6.0]], 6: [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]}
    assert _planar.hull2(points).tolist() == expected[len(points)]


@st.composite
def operator_inputs(draw):
    """A 2x2 or 3x3 integer stage game, a discount factor and a polygon W around its payoffs."""
    game = draw(normal_form_games(players=2, actions=draw(st.sampled_from([2, 3])), exact=True))
    delta = draw(st.sampled_from([0.1, 0.3, 0.6, 0.9]))
    stage = stage_of(RepeatedGame(game))
    W = _polytopes.hull2(np.vstack([stage.payoffs, draw(point_sets(min_size=1, max_size=8))]))
    margin = draw(st.sampled_from([0.0, 1e-3]))
    return stage, delta, W, margin


@needs_kernels
@settings(max_examples=200, deadline=None)
@given(operator_inputs())
def test_compiled_pieces_are_the_numpy_pieces(inputs):
    stage, delta, W, margin = inputs
    operator = PolygonOperator(stage, delta)
    points, owners = operator.pieces(W, margin)
    expected = _rows(operator.base[owners] + delta * points)
    corner = operator.corners(W, margin)
    assert _rows(_planar.kernel("generated")(W, corner, operator.base, delta)) == expected
    assert _rows(_planar._generated_loops(W, corner, operator.base, delta)) == expected


def _solve(game, delta):
    result = equilibrium_payoff_set(RepeatedGame(game), delta, tol=1e-4)
    return (np.asarray(result.inner.vertices, dtype=float), np.asarray(result.outer.vertices, dtype=float),
            result.iterations, result.status)


def _numpy_path():
    """The kernels switched off: the operator and hull take the numpy path."""
    return mock.patch.dict(_planar._KERNELS, hull=None, generated=None)


@needs_kernels
@settings(max_examples=15, deadline=None)
@given(normal_form_games(players=2, actions=2, exact=True, min_value=-5, max_value=5),
       st.sampled_from([0.2, 0.5, 0.8]))
def test_payoff_sets_are_the_same_without_the_kernels(game, delta):
    compiled = _solve(game, delta)
    with _numpy_path():
        plain = _solve(game, delta)
    assert all(_same(a, b) for a, b in zip(compiled[:2], plain[:2])) and compiled[2:] == plain[2:]


def test_the_switch_keeps_the_numpy_path(monkeypatch):
    monkeypatch.setenv("CYBERGAMES_NO_NUMBA", "1")
    assert compile_kernel(_planar._hull2_loops) is None
