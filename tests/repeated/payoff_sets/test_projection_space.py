"""The APS operator on polytopes in space, facet by facet (repeated/payoff_sets/projection_space.py)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import (NormalFormGame, RepeatedGame, equilibrium_payoff_set, noisy_attribution, public_goods,
                        verify)
from cybergames.repeated.monitoring import Monitoring
from cybergames.repeated.payoff_sets import _simplex, projection_space
from cybergames.repeated.payoff_sets._hulls import inside
from cybergames.repeated.payoff_sets.stage import normalised, stage_of
from cybergames.repeated.payoff_sets.verify import residuals, vertex_residuals
from cybergames.strategies import monitoring_structures, normal_form_games

from .test_projection import _highs   # the support programs in scipy's HiGHS, the second method


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2 ** 32 - 1), st.booleans())
def test_the_simplex_agrees_with_highs_in_space(seed, compiled):
    # A second method: scipy's HiGHS on the same programs, continuations lotteries over points in
    # space, incentive rows for any of three players.
    rng = np.random.default_rng(seed)
    m, s, k = rng.integers(1, 12), rng.integers(1, 5), rng.integers(0, 4)
    V = rng.normal(size=(m, 3))
    prob = rng.dirichlet(np.ones(s))
    C, players, d = 0.5 * rng.normal(size=(k, s)), rng.integers(0, 3, k), 0.3 * rng.normal(size=k)
    H = rng.normal(size=(6, 3))
    H /= np.sqrt((H ** 2).sum(axis=1))[:, None]
    expected = _highs(V, prob, C, players, d, H)
    status, found, point = _simplex.supports(V, prob, C, players, d, H, compiled=compiled)
    if expected[0] is None:
        assert status == 2
    else:
        assert status == 0
        assert np.allclose(found, expected, atol=1e-8)
        assert np.allclose((point * H).sum(axis=1), found, atol=1e-9)


def test_the_hull_does_not_move_its_input():
    # scipy's Qhull rescales its input in place under option Qbb; the inner set once lost its
    # self-generation that way (its vertices moved between iterations).
    rng = np.random.default_rng(1)
    points = rng.normal(size=(200, 3))
    before = points.copy()
    for merge in (0.0, 0.01):
        vertices, normals, offsets = projection_space.hull(points, 3, merge)
        assert np.array_equal(points, before)
        assert (points @ normals.T - offsets <= 1e-12).all()          # every halfspace holds every point
        assert all((points == v).all(axis=1).any() for v in vertices)  # the vertices are input points


def test_a_flat_set_has_the_normals_of_its_plane():
    # Four points of the plane z = 1: the equalities come as the halfspaces z <= 1 and -z <= -1.
    square = np.array([[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]], dtype=float)
    _, normals, offsets = projection_space.hull(square, 3)
    assert any(np.allclose(n, [0, 0, 1]) and np.isclose(c, 1) for n, c in zip(normals, offsets))
    assert any(np.allclose(n, [0, 0, -1]) and np.isclose(c, -1) for n, c in zip(normals, offsets))


def test_the_vertex_check_agrees_with_the_facet_check():
    # Two formulations of z in B(conv V) (verify.residuals: continuations in the facets' halfspaces;
    # vertex_residuals: lotteries over the vertices) on the public-goods game's trigger seed and
    # points beyond it.
    game = public_goods(3)
    stage = normalised(stage_of(RepeatedGame(game, noisy_attribution(game, 0.9, 0.1)), any_players=True))
    from cybergames.repeated.payoff_sets.hyperplane import trigger_seed
    Z, normals, offsets = projection_space.hull(trigger_seed(stage, 0.9), 3)
    points = np.vstack([Z[:6], Z.mean(axis=0) + 0.2, [[0.9, 0.9, 0.9]]])
    by_vertices = vertex_residuals(stage, 0.9, Z, points)
    by_facets = residuals(stage, 0.9, Z, points, halfspaces=(normals, offsets))
    assert np.allclose(by_vertices, by_facets, atol=1e-7)
    assert max(by_vertices[:6]) <= 1e-9 and by_vertices[-1] > 1e-3


@st.composite
def _three_player_games(draw):
    # 2x2x2 games, payoffs on a grid of quarters (near-ties far below the float tolerance are a
    # separate question), random full-support public monitoring with 2 or 3 signals
    exact = draw(normal_form_games(players=3, actions=2, min_value=-2, max_value=2, max_denominator=4))
    game = NormalFormGame([np.array(p, dtype=float) for p in exact.payoffs], actions=exact.actions)
    monitoring = draw(monitoring_structures(game, min_signals=2, max_signals=3, exact=False, full_support=True))
    return RepeatedGame(game, monitoring)


def _outer_contains(result, points, tol=1e-6):
    normals = np.asarray(result.outer.normals, dtype=float).reshape(-1, 3)
    offsets = np.asarray(result.outer.offsets, dtype=float)
    return inside(np.atleast_2d(np.asarray(points, dtype=float)), normals, offsets, tol)


@settings(max_examples=5, deadline=None)
@given(_three_player_games(), st.sampled_from([0.5, 0.8]))
def test_inner_set_lies_in_outer_set_is_certified_and_the_outer_set_holds_stage_nash_payoffs(rg, delta):
    # Inner: self-generating, so verify passes and it lies in the outer set. Outer: contains every
    # equilibrium payoff, in particular every pure stage Nash payoff (repeated forever: an equilibrium).
    V = equilibrium_payoff_set(rg, delta, method="projection", tol=0.05, max_iter=3)
    assert V.method == "projection" and V.outer.ambient_dimension == 3
    if len(V.inner.vertices):
        assert _outer_contains(V, V.inner.vertices).all()
    assert verify(V).ok
    stage = stage_of(rg, any_players=True)
    assert _outer_contains(V, stage.payoffs[stage.nash]).all()


@pytest.mark.slow
def test_three_players_bracket_the_public_goods_game_in_a_few_iterations():
    # A few iterations: certified inner set (verify: about a second per vertex), sound outer set
    # (the stage Nash payoff 0 inside), the gap shrinking.
    game = public_goods(3)
    rg = RepeatedGame(game, noisy_attribution(game, 0.9, 0.1))
    V = equilibrium_payoff_set(rg, 0.9, method="projection", tol=1e-2, max_iter=4)
    assert V.status == "max_iter" and V.hausdorff < 0.25
    assert list(V.history) == sorted(V.history, reverse=True)
    assert _outer_contains(V, [[0.0, 0.0, 0.0]]).all()
    assert _outer_contains(V, V.inner.vertices).all() and verify(V).ok


@pytest.mark.slow
def test_three_players_public_goods_with_noisy_attribution_converge_to_1e_2():
    # Issue 9's acceptance point: the 3-player public-goods game (m = 2, c = 1: payoffs from -1/3 to
    # 4/3) with noisy attribution (q = 0.9, r = 0.1) at delta = 0.9 gives a certified inner set within
    # Hausdorff distance 1e-2 of the outer set.
    game = public_goods(3)
    rg = RepeatedGame(game, noisy_attribution(game, 0.9, 0.1))
    V = equilibrium_payoff_set(rg, 0.9, method="projection", tol=1e-2)
    assert V.status == "converged" and V.hausdorff <= 1e-2
    assert verify(V).ok
    # every payoff in the bracket is at least the minmax 0 and the symmetric best lies near all-C's 1
    assert (np.asarray(V.outer.vertices, dtype=float) >= -1e-9).all()
    best = float(np.asarray(V.inner.vertices, dtype=float).sum(axis=1).max()) / 3
    assert 0.9 < best <= 1.0 + 1e-9


def test_one_player_is_refused_with_a_clear_error():
    from cybergames.errors import GameError
    with pytest.raises(GameError, match="two players"):
        equilibrium_payoff_set(RepeatedGame(NormalFormGame([[1, 2]])), 0.5, method="projection")


def test_values_of_accepted_profiles_lie_in_the_outer_set():
    # Grim trigger on any blame in the public-goods game (m = 2, c = 1) with q = 0.9, r = 0.1 at
    # delta = 0.9: on path v = 0.1 / (1 - 0.9 * 0.729) = 0.2908 (no blame with probability
    # (1 - r)^3); a defector gets 0.1 * 4/3 + 0.9 * 0.081 * v = 0.1545 < v (no blame with probability
    # (1 - r)^2 (1 - q)). check_equilibrium accepts it, so its value is an equilibrium payoff and
    # every outer set contains it.
    from cybergames import check_equilibrium, trigger_on_signal, values
    game = public_goods(3)
    rg = RepeatedGame(game, noisy_attribution(game, 0.9, 0.1))
    profile = (trigger_on_signal(lambda y: len(y) > 0),) * 3
    assert check_equilibrium(rg, profile, 0.9).holds
    value = [float(v) for v in values(rg, profile, 0.9).initial]
    assert np.allclose(value, 0.1 / (1 - 0.9 * 0.729))
    V = equilibrium_payoff_set(rg, 0.9, method="projection", tol=1e-2, max_iter=3)
    assert _outer_contains(V, [value, [0.0, 0.0, 0.0]]).all()


def test_plain_python_and_the_compiled_kernel_bracket_the_same_set():
    # The kernel's code runs as Python without numba. Two iterations on the public-goods game with
    # two random signals: each run's certified inner set lies in the other's outer set (numba may round
    # differently, so the polytopes need not match vertex for vertex), and the plain-Python inner
    # set is generated by itself (an independent HiGHS check).
    import itertools
    from cybergames import Monitoring
    rng = np.random.default_rng(3)
    goods = public_goods(3)                              # a stage Nash equilibrium (all D) seeds the inner set
    game = NormalFormGame([np.array(p, dtype=float) for p in goods.payoffs], actions=goods.actions)
    table = {tuple(game.actions[i][k] for i, k in enumerate(idx)): dict(zip(("y", "z"), (p, 1 - p)))
             for idx, p in zip(itertools.product(range(2), repeat=3), rng.uniform(0.2, 0.8, 8))}
    rg = RepeatedGame(game, Monitoring(game, ("y", "z"), table))
    stage = normalised(stage_of(rg, any_players=True))
    python = projection_space._run(stage, 0.8, 0.01, 2, None, False)
    compiled = projection_space._run(stage, 0.8, 0.01, 2, None, True)
    for (outer, _, *rest), (_, inner, *others) in ((python, compiled), (compiled, python)):
        _, normals, offsets = projection_space.hull(outer, 3)
        assert (inner @ normals.T - offsets <= 1e-9).all()
    # far from the fixed point the pieces are found to about gap * (1 - delta) / 10 = 0.02 per step
    assert len(python[1]) and abs(python[5] - compiled[5]) <= 0.05
    assert max(vertex_residuals(stage, 0.8, python[1], python[1])) <= 1e-8


def _fixed_monitoring_game(payoffs):
    # two signals, p(y0 | a) = (1 + index of a) / 10 (full support, distinct across profiles)
    game = NormalFormGame([np.array(p, dtype=float) for p in payoffs])
    first = np.arange(1, 9, dtype=float).reshape(2, 2, 2) / 10
    return RepeatedGame(game, Monitoring.from_array(game, ["y0", "y1"], np.stack([first, 1 - first], axis=-1)))


def test_a_feasible_set_cut_to_a_face_by_the_minmax_keeps_the_stage_nash_payoffs():
    # Found by the property above. Player 3's pure minmax is 1, its largest payoff, so the feasible set
    # cut to the minmax vector is the face z = 1 (no interior). The outer set came back empty
    # ("converged": a false "no equilibrium"). By hand: player 3 gets 1 after some action against every
    # (a1, a2), and never more, so its minmax is 1. The pure stage Nash equilibria are (0,0,1), (0,1,1)
    # and (1,0,0), worth (0,0,1), (1,0,1) and (1,2,1) (at (0,0,1) players 1 and 2 get 0 after either
    # action and player 3 gets 1 against 0), and every outer set holds them.
    rg = _fixed_monitoring_game(([[[0, 0], [0, 1]], [[1, 0], [0, 0]]], [[[0, 0], [0, 0]], [[2, 0], [0, 1]]],
                                 [[[0, 1], [0, 1]], [[1, 0], [0, 1]]]))
    stage = stage_of(rg, any_players=True)
    assert sorted(map(tuple, stage.payoffs[stage.nash].tolist())) == [(0.0, 0.0, 1.0), (1.0, 0.0, 1.0),
                                                                      (1.0, 2.0, 1.0)]
    for delta in (0.5, 0.8):
        V = equilibrium_payoff_set(rg, delta, method="projection", tol=0.05, max_iter=3)
        assert not V.is_empty
        assert _outer_contains(V, stage.payoffs[stage.nash]).all()
        assert np.allclose(np.asarray(V.outer.vertices, dtype=float)[:, 2], 1.0)     # inside the face z = 1
        assert _outer_contains(V, V.inner.vertices).all() and verify(V).ok


@pytest.mark.parametrize("method", ["projection", "jyc"])
def test_a_flat_feasible_set_keeps_every_vertex_of_the_outer_set(method):
    # Found by the property above. Players 1 and 3 have the same payoffs, so every payoff has x = z: the
    # feasible set is the square (0,0,0), (1,0,1), (0,1,0), (1,1,1) in that plane. Its outer set was
    # built from support points and missed (1, 1, 1), the payoff of the stage Nash equilibrium (1,1,1)
    # (by hand: a deviation of player 1 gets 0 < 1, one of player 2 or 3 gets 1 again), so a certified
    # inner payoff lay outside it. The JYC engine (the default for three players) built its outer
    # box the same way and failed the same check.
    rg = _fixed_monitoring_game(([[[0, 0], [0, 0]], [[0, 0], [1, 1]]], [[[0, 0], [0, 0]], [[0, 1], [0, 1]]],
                                 [[[0, 0], [0, 0]], [[0, 0], [1, 1]]]))
    stage = stage_of(rg, any_players=True)
    assert [1.0, 1.0, 1.0] in stage.payoffs[stage.nash].tolist()
    for delta in (0.5, 0.8):
        V = equilibrium_payoff_set(rg, delta, method=method, tol=0.05, max_iter=3)
        assert _outer_contains(V, [[1.0, 1.0, 1.0]]).all()
        assert _outer_contains(V, V.inner.vertices).all() and verify(V).ok


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2 ** 32 - 1), st.integers(0, 2), st.integers(3, 4))
def test_a_set_without_interior_is_intersected_in_its_affine_hull(seed, d, n):
    # Random points in a random d-dimensional affine subspace of R^n (d < n): the halfspaces of their
    # hull (with the subspace's equalities) intersect back to the same vertices. A second method: the
    # hull of the points (Qhull in the subspace, via _polytopes.convex_hull). Before, such sets went to
    # support points in the facet normals, which can miss vertices.
    from cybergames.repeated.payoff_sets import _hulls
    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(rng.normal(size=(n, n)))[0][:, :d]
    points = rng.normal(size=n) + rng.normal(size=(8, d)) @ basis.T
    vertices, normals, offsets = _hulls.hull_of_points(points, n)
    found = projection_space.intersection(normals, offsets)
    assert len(found) == len(vertices)
    assert all(np.abs(found - v).max(axis=1).min() < 1e-7 for v in vertices)
