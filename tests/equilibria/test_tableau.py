"""The compiled pivoting kernel (cybergames/equilibria/_tableau.py) against the routes it replaces.

The kernel is an accelerator: every property here compares it (compiled, and
run as plain Python) with qhull (``_polytope``), with the exact brute-force
vertices, and the whole two-player solver with and without it, on random
games and on games with ties (degenerate ones included, which the kernel must
hand to the exact routes).
"""

import functools
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, nash_equilibria, verify
from cybergames.equilibria import _labels, _polytope, _tableau
from cybergames.equilibria import vertex_enumeration as ve

from .test_fast_paths import _strategies, _summary, small_matrices, without_kernel
from .test_labels import label_matrices, simple_label_sets
from .test_vertex_enumeration import _brute_force_vertices

compiled = pytest.mark.skipif(_tableau.kernel() is None, reason="numba missing or CYBERGAMES_NO_NUMBA set")


def _loops_vertices(matrix):
    """:func:`_tableau.vertices` with the plain Python loops."""
    return _tableau.vertices(matrix, 1e-9, loops=_tableau._vertex_loops)


def _qhull_or_error(matrix):
    try:
        return _polytope.vertices(matrix, 1e-9)
    except _polytope.PolytopeError:
        return None


@settings(max_examples=150, deadline=None)
@given(small_matrices(max_size=6))
def test_pivoting_finds_the_qhull_and_the_exact_vertices(matrix):
    try:
        points, tight = _loops_vertices(matrix)
    except _polytope.PolytopeError:
        # a tie: the polytope is degenerate (qhull sees a vertex with more than d labels) or nearly so
        hull = _qhull_or_error(matrix)
        assert hull is None or (hull[1].sum(axis=1) > matrix.shape[1]).any() \
            or not _labels.closed_under_pivoting(hull[1], matrix.shape[1])
        return
    k, d = matrix.shape
    assert (tight.sum(axis=1) == d).all() and _labels.closed_under_pivoting(tight, d)
    # every vertex of the polytope, by exact brute force over all bases (an independent method)
    exact = np.array([[float(v) for v in p] for p in
                      _brute_force_vertices(np.array([[Fraction(v) for v in row] for row in matrix], dtype=object))])
    assert len(points) == len(exact)
    distance = np.abs(points[:, None, :] - exact[None, :, :]).max(axis=2)
    assert (distance.min(axis=1) <= 1e-9).all() and (distance.min(axis=0) <= 1e-9).all()
    hull = _qhull_or_error(matrix)
    if hull is not None:                # qhull sees the same tight sets
        assert {tuple(row) for row in hull[1]} == {tuple(row) for row in tight}


@compiled
@settings(max_examples=150, deadline=None)
@given(small_matrices(max_size=8))
def test_compiled_pivoting_is_the_python_loops(matrix):
    k, d = matrix.shape
    sums = matrix.sum(axis=1)
    reference = np.concatenate([np.full(d, 0.5 / sums.max()), 1.0 - sums * (0.5 / sums.max())])
    roomy = _tableau.kernel()(matrix, reference, 1e-9, 4096, 4096)
    for capacity, pool in ((1, 1), (4, 4096), (4096, 1), (64, 64), (4096, 4096)):  # too little room: say so
        plain = _tableau._vertex_loops(matrix, reference, 1e-9, capacity, pool)
        fast = _tableau.kernel()(matrix, reference, 1e-9, capacity, pool)
        assert plain[0] == fast[0]
        np.testing.assert_array_equal(plain[1], fast[1])
        np.testing.assert_array_equal(plain[2], fast[2])
        if roomy[0] == _tableau.SOLVED:  # room for fewer vertices than there are: full; for all, with a
            count = len(roomy[1])          # queue as long as that: the vertices
            if capacity < count and pool >= count:
                assert plain[0] == _tableau.FULL
            elif pool < 2 and capacity >= count > 1:    # the origin's dictionary takes the only slot
                assert plain[0] == _tableau.QUEUE_FULL
            elif capacity >= count and pool >= count:
                np.testing.assert_array_equal(plain[1], roomy[1])


@st.composite
def float_games(draw, *, max_size=6):
    """Float games with 2..6 actions each: uniform payoffs, or ties in {0, 1, 2} (often degenerate)."""
    m, n = draw(st.integers(2, max_size)), draw(st.integers(2, max_size))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        return NormalFormGame([rng.integers(0, 3, (m, n)).astype(float) for _ in range(2)])
    return NormalFormGame([rng.random((m, n)) for _ in range(2)])


@settings(max_examples=100, deadline=None)
@given(float_games())
def test_games_solve_alike_with_and_without_the_kernel(game):
    found = nash_equilibria(game)
    assert all(verify(eq) for eq in found)
    with without_kernel():
        reference = nash_equilibria(game)
    assert _summary(found) == _summary(reference)
    np.testing.assert_allclose(_strategies(found), _strategies(reference), atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(float_games(max_size=5))
def test_the_game_loops_find_the_extreme_equilibria_of_the_general_route(game):
    # plain Python loops, so that this runs (and fails) without numba too
    A, B = (p / np.abs(p).max() if np.abs(p).max() > 0 else p for p in game.payoffs)
    with without_kernel():
        reference = nash_equilibria(game)
    try:
        X, Y = _tableau.game_actions(A, B, 1e-9, loops=_tableau._game_loops)
    except _polytope.PolytopeError:     # a tie: the game must be degenerate or nearly so, for the general routes
        with without_kernel():
            with pytest.raises(_polytope.PolytopeError):
                ve.float_enumeration(A, B, 1e-9)
        return
    assert not reference.degenerate and len(X) == len(Y) == len(reference)
    found = np.concatenate([X, Y], axis=1)
    distance = np.abs(found[:, None, :] - _strategies(reference)[None, :, :]).max(axis=2)
    assert (distance.min(axis=1) <= 1e-12).all() and (distance.min(axis=0) <= 1e-12).all()
    if _tableau.kernel("game") is not None:
        fast = _tableau.game_actions(A, B, 1e-9)
        np.testing.assert_array_equal(fast[0], X)
        np.testing.assert_array_equal(fast[1], Y)


@compiled
@pytest.mark.parametrize("size", [7, 8, 9])
def test_larger_games_solve_alike_with_and_without_the_kernel(size):
    rng = np.random.default_rng([size, 15])
    game = NormalFormGame([rng.random((size, size)), rng.random((size, size))])
    found = nash_equilibria(game)
    with without_kernel():
        reference = nash_equilibria(game)
    assert found.method == "vertex enumeration" and _summary(found) == _summary(reference)
    np.testing.assert_allclose(_strategies(found), _strategies(reference), atol=1e-12)


@settings(max_examples=150, deadline=None)
@given(st.one_of(simple_label_sets(), label_matrices(sizes=(10, 30, 62)).map(lambda a: (a, 3))))
def test_the_hashed_certificate_is_the_numpy_one(case):
    # random label sets (a polytope's, with a vertex dropped, repeated or given an extra label, and
    # arbitrary ones) as int64 masks: the hash-table certificate against the sorting one
    labels, dimension = case
    labels = labels[:, :_labels.INT64_LABELS]
    masks = _labels.pack(labels)
    expected = _labels.closed_under_pivoting(labels, dimension)
    assert _tableau._closed_loops(masks, dimension) == expected
    if _compiled_certificate() is not None:
        assert _compiled_certificate()(masks, dimension) == expected


@functools.lru_cache(maxsize=None)
def _compiled_certificate():
    """The certificate compiled alone (once), or None without numba."""
    if _tableau.kernel("game") is None:      # (compiling the kernel registers the callees with numba)
        return None
    import numba
    return numba.njit(_tableau._closed_loops)


def test_the_certificate_loops_are_the_numpy_certificate():
    # a 3-cube's vertices (labels: the 3 facets through each corner) are closed; drop or repeat one and not
    cube = np.array([[(corner >> axis & 1) == side for axis in range(3) for side in (0, 1)] for corner in range(8)])
    masks = _labels.pack(cube)
    assert _tableau._closed_loops(masks, 3) and _labels.closed_under_pivoting(cube, 3)
    for broken in (masks[1:], np.concatenate([masks, masks[:1]])):
        assert not _tableau._closed_loops(broken, 3)
    assert not _tableau._closed_loops(masks, 2) and not _tableau._closed_loops(masks[:0], 3)


def test_degenerate_games_go_to_the_exact_route():
    # Up with any mix of Left and Right is an equilibrium: the kernel meets the tie and the double
    # description gives the extreme equilibria and the segment between them
    game = NormalFormGame([[[1.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.5, 0.2, 0.3]],
                           [[1.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.1, 0.7, 0.4]]])
    equilibria = nash_equilibria(game)
    with without_kernel():
        reference = nash_equilibria(game)
    assert equilibria.degenerate and equilibria.method == "double description"
    assert _summary(equilibria) == _summary(reference)


def test_the_switch_keeps_the_python_routes(monkeypatch):
    monkeypatch.setenv("CYBERGAMES_NO_NUMBA", "1")
    assert _tableau._compile(_tableau._vertex_loops) is None
    monkeypatch.setattr(_tableau, "_KERNELS", {})
    assert not _tableau.applies(4, 4)
    game = NormalFormGame([np.eye(3), np.eye(3)])
    assert nash_equilibria(game).method == "vertex enumeration"


def test_exact_games_alone_do_not_load_the_kernel():
    # Loading the kernel (numba and its cache) costs about a second per process, more than it saves on
    # exact games, which take it only once a float game has loaded it: the report solves exact games.
    code = ("import sys\n"
            "from cybergames import nash_equilibria, battle_of_the_sexes, prisoners_dilemma\n"
            "assert len(nash_equilibria(battle_of_the_sexes())) == 3\n"
            "assert len(nash_equilibria(prisoners_dilemma())) == 1\n"
            "print('numba' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.stdout.strip() == "False"
