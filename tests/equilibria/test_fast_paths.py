"""The fast paths of the two-player and pure solvers against the routes they replace.

* basis enumeration (``_bases``) of small polytopes against qhull (``_polytope``)
  and the exact brute-force vertices;
* ``nash_equilibria`` on small float games with basis enumeration against the
  same solver with qhull only, and both against the exact double description,
  on random games with ties (degenerate ones included);
* the certificate of both polytopes in one sort against the two single ones;
* exact pure equilibria on the int64 payoffs recorded at construction against
  ``_numbers.comparable`` and against the payoffs themselves;
* the bound on the exact enumeration (``limits.MAX_EXACT_VERTICES``);
* qhull's facets without the volume (``_polytope.facet_equations``) against
  ``scipy.spatial.ConvexHull``, and whole games solved alike through either;
* the certificate and matching of few vertices on Python ints against numpy.

The compiled pivoting kernel (``_tableau``) is switched off (``without_kernel``)
wherever a test compares the routes it replaces; it is compared with them in
``test_tableau.py``.
"""

import itertools
from fractions import Fraction
from unittest import mock

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, limits, nash_equilibria, verify
from cybergames import _numbers
from cybergames.equilibria import _bases, _double_description, _labels, _polytope, _tableau, pure
from cybergames.equilibria import vertex_enumeration as ve
from cybergames.errors import GameError
from cybergames.games.normal_form import comparable_payoffs

from .test_vertex_enumeration import _brute_force_vertices


@st.composite
def small_matrices(draw, *, max_size=4):
    """``(k, d)`` positive float matrices, k and d up to ``max_size``: uniform ones, or with ties (entries in 1..3)."""
    k, d = draw(st.integers(1, max_size)), draw(st.integers(2, max_size))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        return rng.integers(1, 4, (k, d)).astype(float)
    return 1.0 + rng.random((k, d))


def without_kernel():
    """The routes as they are without numba (``CYBERGAMES_NO_NUMBA=1``): basis enumeration, qhull."""
    return mock.patch.dict(_tableau._KERNELS, vertices=None, game=None)


def _tight_sets(tight):
    return {tuple(row) for row in tight}


# Normalised, its rows 0 and 2 agree off the first column, so the basis {z_0 = 0, rows 0, 2, 3} is
# singular; LAPACK solved it anyway (a tiny pivot) and returned a point of an edge as a vertex.
TIED = np.array([[1.0, 2, 2, 3], [2, 2, 3, 1], [3, 2, 2, 3], [1, 3, 2, 1]])


@settings(max_examples=150, deadline=None)
@given(small_matrices())
@example(TIED)
def test_basis_enumeration_finds_the_qhull_and_the_exact_vertices(matrix):
    try:
        points, tight = _bases.vertices(matrix, 1e-9)
    except _polytope.PolytopeError:
        return                          # a basic solution within the tolerance: the exact route decides
    # every vertex of the polytope, by exact brute force over all bases (an independent method)
    exact = np.array([[float(v) for v in p] for p in
                      _brute_force_vertices(np.array([[Fraction(v) for v in row] for row in matrix], dtype=object))])
    distance = np.abs(points[:, None, :] - exact[None, :, :]).max(axis=2)
    assert (distance.min(axis=1) <= 1e-9).all() and (distance.min(axis=0) <= 1e-9).all()
    # the labels are the constraints tight at each point
    for point, flags in zip(points, tight):
        slack = np.abs(np.concatenate([point, 1.0 - matrix @ point]))
        assert (slack[flags] <= 1e-7).all() and (slack[~flags] > 1e-10).all()
    try:
        _, q_tight = _polytope.vertices(_polytope.normalised(matrix), 1e-9)
        _, b_tight = _bases.vertices(_polytope.normalised(matrix), 1e-9)
    except _polytope.PolytopeError:
        return
    # qhull (on the same polytope moved into [1, 2]) sees the same tight sets
    assert _tight_sets(b_tight) == _tight_sets(q_tight)


@st.composite
def small_float_games(draw):
    """Float games up to 4x4 (basis enumeration) with uniform payoffs or ties in {0, 1, 2}."""
    m, n = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        payoffs = [rng.integers(0, 3, (m, n)).astype(float) for _ in range(2)]
    else:
        payoffs = [rng.random((m, n)) for _ in range(2)]
    return NormalFormGame(payoffs)


def _strategies(equilibria):
    return np.array([np.concatenate([np.asarray(s, dtype=float) for s in eq.strategies]) for eq in equilibria])


def _summary(equilibria):
    components = [tuple(len(side) for side in c.actions) for c in equilibria.components]
    return len(equilibria), components, equilibria.degenerate, equilibria.method


@settings(max_examples=150, deadline=None)
@given(small_float_games())
def test_small_float_games_solve_alike_with_bases_and_with_qhull(game):
    compiled = nash_equilibria(game)            # the pivoting kernel, when numba is there
    with without_kernel():
        found = nash_equilibria(game)
        assert all(verify(eq) for eq in found)
        saved = _bases.MAX_BASES
        _bases.MAX_BASES = 0                    # the qhull route, as before basis enumeration
        try:
            reference = nash_equilibria(game)
        finally:
            _bases.MAX_BASES = saved
    assert _summary(found) == _summary(reference) == _summary(compiled)
    np.testing.assert_allclose(_strategies(found), _strategies(reference), atol=1e-12)
    np.testing.assert_allclose(_strategies(compiled), _strategies(reference), atol=1e-12)
    # and both are the exact double description's extreme equilibria (an independent route; on the
    # simplest rationals within tol/4 of the payoffs, hence the looser comparison)
    exact = ve.fallback_enumeration(game)
    expected = np.array([np.concatenate([np.asarray(exact.actions[0][i], dtype=float),
                                         np.asarray(exact.actions[1][j], dtype=float)]) for i, j in exact.pairs])
    assert len(expected) == len(found)
    distance = np.abs(_strategies(found)[:, None, :] - expected[None, :, :]).max(axis=2)
    assert (distance.min(axis=1) <= 1e-6).all() and (distance.min(axis=0) <= 1e-6).all()


@pytest.mark.parametrize("size", [2, 3, 4])
def test_square_games_take_the_basis_route_in_one_batch(size, monkeypatch):
    calls = []
    original = _bases.vertices_of_each
    monkeypatch.setattr(_bases, "vertices_of_each", lambda matrices, tol: calls.append(matrices.shape)
                        or original(matrices, tol))
    rng = np.random.default_rng(size)
    with without_kernel():
        found = nash_equilibria(NormalFormGame([rng.random((size, size)), rng.random((size, size))]))
    assert calls == [(2, size, size)] and found.method == "vertex enumeration" and found.complete


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 5), st.integers(0, 2**32 - 1), st.sampled_from(["none", "drop", "repeat", "swap"]))
def test_one_certificate_for_both_polytopes_is_the_two_certificates(d, seed, change):
    rng = np.random.default_rng(seed)
    labels = []
    for _ in range(2):
        _, tight = _polytope.vertices(_polytope.normalised(rng.random((d, d))), 1e-9)
        labels.append(tight)
    if change == "drop":
        labels[1] = labels[1][1:]
    elif change == "repeat":
        labels[0] = np.vstack([labels[0], labels[0][:1]])
    elif change == "swap":                      # one polytope's rows in the other's list
        labels[1] = np.vstack([labels[1][1:], labels[0][:1]])
    bits = [_labels.pack(t) for t in labels]
    both = _labels.both_closed_under_pivoting(labels[0], labels[1], bits[0], bits[1], (d, d))
    assert both == (_labels.closed_under_pivoting(labels[0], d) and _labels.closed_under_pivoting(labels[1], d))


# ---------------------------------------------------------------- exact pure equilibria in int64
exact_entries = st.one_of(st.integers(-5, 5), st.integers(-2**70, 2**70),
                          st.sampled_from([2**62 - 1, 2**62, -2**62, 2**63]),
                          st.fractions(-3, 3, max_denominator=7))


@st.composite
def exact_games(draw):
    """Exact games with 2 or 3 players: small ints (many ties), huge ints, Fractions; lists or numpy."""
    shape = tuple(draw(st.lists(st.integers(1, 3), min_size=2, max_size=3)))
    size = int(np.prod(shape))
    if draw(st.booleans()):
        values = st.lists(st.integers(-3, 3), min_size=size, max_size=size)
        payoffs = [np.array(draw(values), dtype=np.int64).reshape(shape) for _ in shape]
        if draw(st.booleans()):
            payoffs = [np.abs(p).astype(np.uint8) for p in payoffs]
        return NormalFormGame(payoffs)
    values = st.lists(exact_entries, min_size=size, max_size=size)
    return NormalFormGame([np.array(draw(values), dtype=object).reshape(shape).tolist() for _ in shape])


def _old_profiles(game):
    """Pure equilibria as before: ``_numbers.comparable`` of each payoff array on every call."""
    return np.argwhere(pure._equilibrium_mask([_numbers.comparable(p) for p in game.payoffs], None))


def _brute_force_profiles(game):
    """Pure equilibria straight from the definition, in exact arithmetic."""
    found = []
    for profile in itertools.product(*(range(k) for k in game.shape)):
        if all(game.payoffs[i][profile] >= max(game.payoffs[i][profile[:i] + (b,) + profile[i + 1:]]
                                                for b in range(game.shape[i]))
               for i in range(game.num_players)):
            found.append(list(profile))
    return found


@settings(max_examples=200, deadline=None)
@given(exact_games())
def test_recorded_int64_payoffs_give_the_old_pure_equilibria(game):
    compare = comparable_payoffs(game)
    for exact, fast in zip(game.payoffs, compare):
        flat, fast_flat = list(exact.flat), fast.ravel()
        # the same order as the exact payoffs, pair by pair
        assert all((a < b) == bool(fast_flat[i] < fast_flat[j]) and (a == b) == bool(fast_flat[i] == fast_flat[j])
                   for (i, a), (j, b) in itertools.product(enumerate(flat), repeat=2))
    if all(type(v) is int and abs(v) < 2**62 for p in game.payoffs for v in p.flat):
        assert all(c.dtype == np.int64 for c in compare)
    profiles = pure.pure_profiles(game, 1e-9)
    assert profiles.tolist() == _old_profiles(game).tolist() == _brute_force_profiles(game)


def test_integer_payoffs_are_recorded_once_at_construction():
    # 10^6 profiles: the exact pure equilibria no longer convert object arrays on every call
    rng = np.random.default_rng(6)
    game = NormalFormGame([rng.integers(0, 100, (10,) * 3) for _ in range(3)])
    recorded = comparable_payoffs(game)
    assert recorded is comparable_payoffs(game) and all(not a.flags.writeable for a in recorded)
    assert NormalFormGame([[[Fraction(1, 2)]], [[1]]])._integers is None
    assert NormalFormGame([[[0.5]], [[1.0]]])._integers is None


# ---------------------------------------------------------------- the bound on the exact enumeration
@pytest.mark.parametrize("d", [2, 3])
def test_the_vertex_bound_is_met_by_the_cube(d):
    # the unit cube {0 <= z <= 1} in d dimensions has 2^d vertices and 2d facets, the most a
    # d-polytope with 2d facets has for d <= 3 (McMullen's bound: 4 for the square, 8 for the cube)
    numerators, _, _ = _double_description.vertices(np.eye(d, dtype=int).astype(object) + 0)
    assert len(numerators) == 2**d == ve.vertex_bound(d, d)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.integers(0, 2**32 - 1), st.sampled_from([2, 3, 1000]))
def test_the_exact_enumeration_never_meets_more_vertices_than_the_bound(m, n, seed, levels):
    rng = np.random.default_rng(seed)
    A, B = (rng.integers(1, levels + 1, (m, n)).astype(object) for _ in range(2))
    bound = ve.vertex_bound(m, n)
    assert len(_double_description.vertices(A)[0]) <= bound
    assert len(_double_description.vertices(np.ascontiguousarray(B.T))[0]) <= bound


def test_a_tie_heavy_5x62_game_is_refused_with_the_bound(monkeypatch):
    # payoffs in {0, 1, 2}: degenerate, so only the exact enumeration applies, and the 62-dimensional
    # polytope may have up to 701,624 vertices (it did not finish in 100 s before the bound)
    rng = np.random.default_rng(0)
    game = NormalFormGame([rng.integers(0, 3, (5, 62)).tolist(), rng.integers(0, 3, (5, 62)).tolist()])
    with pytest.raises(GameError, match="MAX_EXACT_VERTICES = 200000"):
        nash_equilibria(game)
    # a small degenerate game is solved, and refused once the bound is below its polytopes' bound
    small = NormalFormGame([[[1, 1], [0, 0]], [[1, 1], [0, 0]]])
    assert nash_equilibria(small).degenerate
    monkeypatch.setattr(limits, "MAX_EXACT_VERTICES", 3)
    with pytest.raises(GameError, match="MAX_EXACT_VERTICES"):
        nash_equilibria(small)


@settings(max_examples=60, deadline=None)
@given(small_float_games())
def test_nondegenerate_components_are_those_of_the_biclique_route(game):
    # a nondegenerate game's Nash subsets are its single equilibria; the general route (maximal
    # bicliques of the equilibrium graph, used for degenerate games) must find the same ones
    from cybergames.equilibria import nash
    found = nash_equilibria(game)
    if found.degenerate:
        return
    pairs = [(k, k) for k in range(len(found))]
    general = nash._components(pairs, dict(zip(pairs, found)))
    assert [c.equilibria for c in general] == [c.equilibria for c in found.components]
    assert all(len(c.actions[0]) == len(c.actions[1]) == 1 for c in found.components)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 7), st.integers(0, 2**32 - 1), st.booleans())
def test_qhull_without_the_volume_gives_convexhulls_facets(d, seed, ties):
    from scipy.spatial import ConvexHull, QhullError
    rng = np.random.default_rng(seed)
    points = rng.integers(-3, 4, (d + 6, d)).astype(float) if ties else rng.normal(size=(d + 6, d))
    options = "Qx Q5" if d > 4 else "Q5"
    try:
        expected = ConvexHull(points, qhull_options=options).equations
    except (QhullError, ValueError):    # flat point sets: both must refuse
        with pytest.raises(_polytope.PolytopeError):
            _polytope.facet_equations(points, options)
        return
    assert _polytope._private_qhull() is not None
    np.testing.assert_array_equal(_polytope.facet_equations(points, options), expected)


@pytest.mark.parametrize("size", [5, 6, 8])
def test_games_solve_alike_through_scipys_public_convex_hull(size, monkeypatch):
    rng = np.random.default_rng([size, 7])
    games = [NormalFormGame([rng.random((size, size)), rng.random((size, size))]),
             NormalFormGame([rng.integers(0, 3, (size, size)).astype(float) for _ in range(2)])]
    monkeypatch.setitem(_tableau._KERNELS, "vertices", None)    # qhull, not the pivoting kernel
    monkeypatch.setitem(_tableau._KERNELS, "game", None)
    found = [nash_equilibria(game) for game in games]
    monkeypatch.setitem(_polytope._QHULL, "raw", None)          # as with a scipy without _Qhull
    for game, ours in zip(games, found):
        reference = nash_equilibria(game)
        assert _summary(ours) == _summary(reference)
        np.testing.assert_array_equal(_strategies(ours), _strategies(reference))


@settings(max_examples=150, deadline=None)
@given(small_float_games())
def test_few_vertices_match_alike_on_python_ints_and_in_numpy(game):
    # the certificate and the matching of the vertices on Python ints (few vertices) against the numpy route
    with without_kernel():
        found = nash_equilibria(game)
        saved = _labels.FEW_VERTICES
        _labels.FEW_VERTICES = 0
        try:
            reference = nash_equilibria(game)
        finally:
            _labels.FEW_VERTICES = saved
    assert _summary(found) == _summary(reference)
    np.testing.assert_array_equal(_strategies(found), _strategies(reference))
