r"""All equilibria of a two-player game by enumerating the vertices of its best-response polytopes.

Let :math:`A, B` be the ``m x n`` payoff matrices of the row and column player,
moved by a positive affine map so that every entry is positive (this changes no
best response). Von Stengel's best-response polytopes are

.. math::

    P = \{x \in \mathbb{R}^m : x \ge 0,\ B^\top x \le 1\}, \qquad
    Q = \{y \in \mathbb{R}^n : A y \le 1,\ y \ge 0\}.

Label the ``m + n`` inequalities ``0..m-1`` (row actions: :math:`x_i \ge 0` in
:math:`P`, :math:`(Ay)_i \le 1` in :math:`Q`) and ``m..m+n-1`` (column
actions: :math:`(B^\top x)_j \le 1` in :math:`P`, :math:`y_j \ge 0` in
:math:`Q`). A vertex pair :math:`(x, y) \ne (0, 0)` whose labels together are
all ``m + n`` labels is an equilibrium after normalising :math:`x / \sum x, y
/ \sum y`: every action is either unplayed or a best response. Conversely every
extreme equilibrium arises this way (von Stengel 2007, "Equilibrium computation
for two-player games in strategic and extensive form", in *Algorithmic Game
Theory*, ch. 3, Thm 3.4; von Stengel 2002, *Handbook of Game Theory* 3, ch. 45).

Three routes, tried in this order (lopsided games, with one player at most
eight actions and the other at least three times as many, first try the small
player's polytope alone, in the private module ``_small_side``):

* **float** games: with numba, the vertices of both polytopes by breadth-first
  pivoting, their labels, the certificate and the matching in one compiled
  call (``._tableau``; a tie fails it); without numba, vertices by qhull
  (``._polytope``), or for polytopes with
  at most ``_bases.MAX_BASES`` bases (4x4 games) by solving every basis in one
  batch (``._bases``); if every vertex has
  exactly ``dim`` labels and they pass the pivoting certificate
  (``_labels.closed_under_pivoting``) the game is nondegenerate, each
  vertex has a unique complementary partner, found by binary search (with
  at most ``_labels.FEW_VERTICES`` vertices in all, certificate and
  matching run on Python int masks, which is faster there);
* **exact** games: the float vertices' label sets are re-solved in integer
  arithmetic (``._exact``); if every one is exactly a simple vertex and the
  certificate holds on the exact label sets, the enumeration is complete;
* otherwise (a degenerate game, or any check failing): exact vertex
  enumeration by the double description method (``._double_description``)
  on the exact payoffs. A float game is first snapped to the simplest
  rationals within a quarter of the tolerance, so that payoffs equal within
  the tolerance become exactly equal (and the degenerate structure is the one
  the tolerance sees); should an equilibrium of the snapped game fail the
  check on the float game, the exact rationals the floats store are used.
  Pairs are matched by OR-ing label masks, and the maximal Nash subsets are
  computed.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from .. import limits
from .._numbers import FLOAT
from ..errors import SolverError
from ..games.normal_form import NormalFormGame
from . import _bases, _double_description, _exact, _labels, _polytope, _small_side, _tableau
from ._polytope import PolytopeError


@dataclass(frozen=True)
class Enumeration:
    """The raw outcome of a vertex enumeration (internal).

    ``actions[p]`` lists player ``p``'s extreme mixed actions (the normalised
    non-zero vertices that occur in some equilibrium); ``pairs`` the
    equilibria as index pairs into them.
    """

    actions: tuple
    pairs: tuple
    degenerate: bool
    method: str


def _q_labels(tight: np.ndarray, n: int) -> np.ndarray:
    """Tight sets of Q (sign constraints of y first, then the rows of A) in label order."""
    return np.concatenate([tight[:, n:], tight[:, :n]], axis=1)


def _nonzero(labels: np.ndarray, first: int, count: int) -> np.ndarray:
    """Rows whose labels do not include all of ``first .. first+count-1`` (those are the origin)."""
    return ~labels[:, first:first + count].all(axis=1)


def _match(labels_p: np.ndarray, labels_q: np.ndarray, m: int, n: int, simple: bool,
           bits: tuple[np.ndarray, np.ndarray] | None = None):
    """Index pairs of completely labelled vertex pairs, the origins left out (``bits``: packed labels, if known)."""
    if simple and bits is not None and bits[0].dtype == np.int64:
        # the origins are complementary only to each other: match everything, then drop that pair
        i, j = _labels.complementary_pairs(bits[0], bits[1], m + n)
        nonzero = bits[0][i] != np.int64((1 << m) - 1)
        return i[nonzero], j[nonzero]
    keep_p = np.flatnonzero(_nonzero(labels_p, 0, m))
    keep_q = np.flatnonzero(_nonzero(labels_q, m, n))
    if bits is None:
        bits_p, bits_q = _labels.pack(labels_p[keep_p]), _labels.pack(labels_q[keep_q])
    else:
        bits_p, bits_q = bits[0][keep_p], bits[1][keep_q]
    matcher = _labels.complementary_pairs if simple else _labels.covering_pairs
    i, j = matcher(bits_p, bits_q, m + n)
    return keep_p[i], keep_q[j]


def _collect(points_p, points_q, i: np.ndarray, j: np.ndarray, normalise) -> tuple[tuple, tuple]:
    """Distinct vertices used by the pairs, normalised, and the pairs re-indexed to them."""
    used_p, index_i = np.unique(i, return_inverse=True)
    used_q, index_j = np.unique(j, return_inverse=True)
    actions = (tuple(normalise(points_p, k) for k in used_p), tuple(normalise(points_q, k) for k in used_q))
    return actions, tuple(zip(index_i.tolist(), index_j.tolist()))


def _exact_normalise(points: np.ndarray, k: int) -> list:
    return _exact.normalised_rows(points[k:k + 1])[0]


def _float_collect(points: tuple[np.ndarray, np.ndarray], labels: tuple[np.ndarray, np.ndarray],
                   i: np.ndarray, j: np.ndarray, m: int) -> tuple[tuple, tuple]:
    """:func:`_collect` for the vertices of a nondegenerate float game, vectorised.

    Each vertex has one complementary partner, so the pairs use each vertex
    once and pair ``k`` is ``(k, k)``; the actions are 2-D arrays, row ``k``
    for pair ``k``. An unplayed action is exactly 0 (not the enumeration's
    rounding of it) and each row sums to 1.
    """
    actions = []
    for chosen, rows, zero in ((i, points[0], labels[0][:, :m]), (j, points[1], labels[1][:, m:])):
        vectors = rows[chosen]
        np.maximum(vectors, 0.0, out=vectors)
        vectors[zero[chosen]] = 0.0
        vectors /= vectors.sum(axis=1, keepdims=True)
        actions.append(vectors)
    return tuple(actions), tuple((k, k) for k in range(len(i)))


def float_enumeration(A: np.ndarray, B: np.ndarray, tol: float) -> Enumeration:
    """Vertex enumeration of a float game (basis enumeration or qhull); PolytopeError unless provably nondegenerate."""
    m, n = A.shape
    if _tableau.applies(n, m) and _tableau.applies(m, n):     # all in one compiled kernel
        actions = _tableau.game_actions(A, B, tol)
        return Enumeration(actions, tuple((k, k) for k in range(len(actions[0]))), False, "vertex enumeration")
    p_matrix, q_matrix = _polytope.normalised(B).T, _polytope.normalised(A)
    if m == n and _bases.applies(m, m):        # both polytopes' systems in one batch
        (points_p, labels_p), (points_q, tight_q) = _bases.vertices_of_each(np.stack([p_matrix, q_matrix]), tol)
    else:
        points_p, labels_p = _float_vertices(p_matrix, tol)
        points_q, tight_q = _float_vertices(q_matrix, tol)
    labels_q = _q_labels(tight_q, n)
    if len(labels_p) + len(labels_q) <= _labels.FEW_VERTICES and m + n <= _labels.INT64_LABELS:
        found = _labels.few_complementary_pairs(labels_p, labels_q, (m, n))
        if found is None:
            raise PolytopeError("the float vertices are degenerate or incomplete")
        i, j = (np.array(k, dtype=np.intp) for k in found)
    else:
        bits_p, bits_q = _labels.pack(labels_p), _labels.pack(labels_q)
        if not _labels.both_closed_under_pivoting(labels_p, labels_q, bits_p, bits_q, (m, n)):
            raise PolytopeError("the float vertices are degenerate or incomplete")
        i, j = _match(labels_p, labels_q, m, n, simple=True, bits=(bits_p, bits_q))
    actions, pairs = _float_collect((points_p, points_q), (labels_p, labels_q), i, j, m)
    return Enumeration(actions, pairs, False, "vertex enumeration")


def _float_vertices(matrix: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of a float polytope: by the compiled kernel, or by trying every basis when there are
    few, else by qhull."""
    if _tableau.applies(*matrix.shape):
        return _tableau.vertices(matrix, tol)
    if _bases.applies(*matrix.shape):
        return _bases.vertices(matrix, tol)
    return _polytope.vertices(matrix, tol)


def resolved_enumeration(A: np.ndarray, B: np.ndarray, tol: float) -> Enumeration:
    """Exact games: float candidates, exact re-solve, exact certificate; PolytopeError if any step fails."""
    m, n = A.shape
    try:
        float_a = np.array(A, dtype=float)
        float_b = np.array(B, dtype=float)
    except OverflowError as exc:     # integers beyond the float range: the exact route takes them
        raise PolytopeError("payoffs beyond the float range") from exc
    if not (np.isfinite(float_a).all() and np.isfinite(float_b).all()):
        raise PolytopeError("payoffs beyond the float range")
    _, tight_p = _tableau.float_vertices(_polytope.normalised(float_b).T, tol, load=False)
    _, tight_q = _tableau.float_vertices(_polytope.normalised(float_a), tol, load=False)
    if (tight_p.sum(axis=1) != m).any() or (tight_q.sum(axis=1) != n).any():
        raise PolytopeError("degenerate (in float)")
    exact_p = _exact.resolve(np.ascontiguousarray(B.T), tight_p)
    exact_q = _exact.resolve(A, tight_q)
    if exact_p is None or exact_q is None:
        raise PolytopeError("a float vertex did not re-solve to an exact vertex")
    if not (np.array_equal(exact_p[2], tight_p) and np.array_equal(exact_q[2], tight_q)):
        raise PolytopeError("exact tight sets differ from the float ones")
    labels_p, labels_q = exact_p[2], _q_labels(exact_q[2], n)
    if not (_labels.closed_under_pivoting(labels_p, m) and _labels.closed_under_pivoting(labels_q, n)):
        raise PolytopeError("the exact vertices are not closed under pivoting")
    i, j = _match(labels_p, labels_q, m, n, simple=True)
    actions, pairs = _collect(exact_p[0], exact_q[0], i, j, _exact_normalise)
    return Enumeration(actions, pairs, False, "vertex enumeration, exact re-solve")


def exact_enumeration(A: np.ndarray, B: np.ndarray, as_float: bool) -> Enumeration:
    """Double description on positive integer matrices; handles degenerate games."""
    m, n = A.shape
    points_p, _, labels_p = _double_description.vertices(np.ascontiguousarray(B.T))
    points_q, _, tight_q = _double_description.vertices(A)
    labels_q = _q_labels(tight_q, n)
    simple = bool((labels_p.sum(axis=1) == m).all() and (labels_q.sum(axis=1) == n).all())
    if simple and not (_labels.closed_under_pivoting(labels_p, m) and _labels.closed_under_pivoting(labels_q, n)):
        raise SolverError("internal error: the double description missed a vertex (a bug: please report the game)")
    i, j = _match(labels_p, labels_q, m, n, simple=simple)
    if as_float:
        def normalise(points, k):
            return np.array([float(v) for v in _exact_normalise(points, k)])
    else:
        normalise = _exact_normalise
    actions, pairs = _collect(points_p, points_q, i, j, normalise)
    return Enumeration(actions, pairs, not simple, "double description")


def small_side_enumeration(A: np.ndarray, B: np.ndarray, exact: bool, tol: float) -> Enumeration:
    """Lopsided games: the small player's polytope only (:mod:`._small_side`); PolytopeError if it fails."""
    actions, pairs = _small_side.enumeration(A, B, exact, tol)
    method = "vertex enumeration (small side), exact" if exact else "vertex enumeration (small side)"
    return Enumeration(actions, pairs, False, method)


def fast_enumeration(game: NormalFormGame, tol: float) -> Enumeration:
    """The first route for the game's number kind (raises PolytopeError when it does not apply)."""
    A, B = game.payoffs
    if _small_side.applies(*A.shape):
        try:
            if game.kind == FLOAT:
                return small_side_enumeration(A, B, False, tol)
            return small_side_enumeration(_exact.integer_matrix(A), _exact.integer_matrix(B), True, tol)
        except PolytopeError:
            pass                                # a possibly degenerate game: the general routes decide
        if max(A.shape) > limits.MAX_HULL_DIMENSION:   # no hull in that many dimensions: the exact routes
            raise PolytopeError("the small side's route failed and the large side is beyond MAX_HULL_DIMENSION")
    if game.kind == FLOAT:
        return float_enumeration(A, B, tol)
    return resolved_enumeration(_exact.integer_matrix(A), _exact.integer_matrix(B), tol)


def vertex_bound(m: int, n: int) -> int:
    r"""The most vertices either best-response polytope of an ``m x n`` game can have.

    A ``d``-polytope with ``f`` facets has at most

    .. math:: \binom{f - \lfloor (d + 1)/2 \rfloor}{f - d} + \binom{f - \lfloor (d + 2)/2 \rfloor}{f - d}

    vertices (McMullen's upper bound theorem; Ziegler 1995, *Lectures on
    Polytopes*, Thm 8.23, for the dual statement on faces of a simplicial
    polytope); :math:`P` has ``d = m`` and :math:`Q` has ``d = n``, each with
    ``f = m + n`` facets.

    >>> vertex_bound(2, 2)       # a square has 4 vertices
    4
    """
    facets = m + n

    def bound(d: int) -> int:
        return math.comb(facets - (d + 1) // 2, facets - d) + math.comb(facets - (d + 2) // 2, facets - d)

    return max(bound(m), bound(n))


def fallback_enumerations(game: NormalFormGame, tol: float):
    """The exact double description routes for any two-player numeric game, in the order to try.

    A float game is first snapped to nearby simple rationals (so that ties
    within the tolerance become exact ties and the degenerate structure the
    float labels saw is kept); if an equilibrium of the snapped game fails the
    tolerance check on the float game, the exact rationals the floats store
    are enumerated instead.
    """
    A, B = game.payoffs
    if game.kind == FLOAT:
        yield lambda: exact_enumeration(_exact.snapped_integer_matrix(A, tol), _exact.snapped_integer_matrix(B, tol),
                                        True)
        yield lambda: exact_enumeration(_exact.float_as_integer_matrix(A), _exact.float_as_integer_matrix(B), True)
    else:
        yield lambda: exact_enumeration(_exact.integer_matrix(A), _exact.integer_matrix(B), False)


def fallback_enumeration(game: NormalFormGame, tol: float = 1e-9) -> Enumeration:
    """The first exact route of :func:`fallback_enumerations` (for tests and benchmarks)."""
    return next(iter(fallback_enumerations(game, tol)))()
