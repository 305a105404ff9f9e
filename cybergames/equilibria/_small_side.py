r"""Vertex enumeration of lopsided two-player games from the small player's polytope only.

When one player has few actions (``m`` of them) and the other many (``n``),
building the large player's best-response polytope :math:`Q \subset
\mathbb{R}^n` costs a hull in ``n`` dimensions, although every equilibrium
support has at most ``m`` actions. Instead, enumerate the vertices of the small
polytope :math:`P = \{x \ge 0 : B^\top x \le 1\} \subset \mathbb{R}^m` (a hull
in ``m`` dimensions) and, for each vertex :math:`x \ne 0`, solve for its
partner. With :math:`S` the support of :math:`x` and :math:`J` the columns with
:math:`(B^\top x)_j = 1` (the column player's best responses), a point
:math:`y \in Q` carries every label that :math:`x` lacks iff

.. math::

    y_j = 0 \ (j \notin J), \qquad A_{S J}\, y_J = 1, \qquad y \ge 0, \qquad A y \le 1 .

When :math:`P` is simple, :math:`|S| = |J|` and the system is square. If it is
nonsingular and its solution is *strictly* feasible (:math:`y_J > 0`,
:math:`(A y)_i < 1` off :math:`S`), :math:`y` is the unique simple vertex of
:math:`Q` complementary to :math:`x`, and :math:`(x, y)` normalised is an
equilibrium; if the solution is strictly infeasible there is none. Every
extreme equilibrium is a completely labelled vertex pair (von Stengel 2007,
*Algorithmic Game Theory*, ch. 3, Thm 3.4), so the enumeration is complete once
the vertices of :math:`P` are certified complete (closed under pivoting,
:func:`._labels.closed_under_pivoting`). Any tie — a singular system, a
coordinate or slack at zero — means the game may be degenerate: the caller's
general routes take over (:class:`._polytope.PolytopeError`).

Exact games solve the same systems in integers (:func:`._exact.solve_batch`)
after re-solving the float vertices of :math:`P` exactly.
"""

from __future__ import annotations

import numpy as np

from . import _exact, _labels, _polytope, _tableau
from ._polytope import PolytopeError

#: The most actions of the small player for which this route is taken.
MAX_SMALL = 8
#: ... and the least ratio of the large side to the small side.
MIN_RATIO = 3


def applies(m: int, n: int) -> bool:
    """Whether a game with ``m x n`` actions is lopsided enough for this route."""
    small, large = min(m, n), max(m, n)
    return 2 <= small <= MAX_SMALL and large >= max(MIN_RATIO * small, 10)


def enumeration(A: np.ndarray, B: np.ndarray, exact: bool, tol: float):
    """``(actions, pairs)`` as :class:`.vertex_enumeration.Enumeration` wants them, or PolytopeError.

    ``A``, ``B``: float matrices, or positive integer object matrices when ``exact``.
    """
    m, n = A.shape
    if m <= n:
        return _row_small(A, B, exact, tol)
    (ys, xs), pairs = _row_small(np.ascontiguousarray(B.T), np.ascontiguousarray(A.T), exact, tol)
    return (xs, ys), tuple((j, i) for i, j in pairs)


def _row_small(A, B, exact, tol):
    m, n = A.shape
    if exact:
        _, tight = _tableau.float_vertices(_polytope.normalised(np.array(B, dtype=float)).T, tol, load=False)
        if (tight.sum(axis=1) != m).any():
            raise PolytopeError("degenerate (in float)")
        resolved = _exact.resolve(np.ascontiguousarray(B.T), tight)
        if resolved is None or not np.array_equal(resolved[2], tight):
            raise PolytopeError("a float vertex of the small polytope did not re-solve exactly")
        points, _, labels = resolved
    else:
        points, labels = _tableau.float_vertices(_polytope.normalised(B).T, tol)
    if not _labels.closed_under_pivoting(labels, m):
        raise PolytopeError("the vertices of the small polytope are degenerate or incomplete")
    keep = np.flatnonzero(~labels[:, :m].all(axis=1))           # every vertex but the origin
    support, best = ~labels[keep, :m], labels[keep, m:]
    sizes = support.sum(axis=1)
    xs, ys = [], []
    solve = _exact_partners if exact else _float_partners
    matrix = A if exact else _polytope.normalised(A)
    for size in np.unique(sizes):
        which = np.flatnonzero(sizes == size)
        rows = np.nonzero(support[which])[1].reshape(which.size, size)
        columns = np.nonzero(best[which])[1].reshape(which.size, size)
        for k, y in solve(matrix, rows, columns, tol):
            vertex = keep[which[k]]
            xs.append(_exact.normalised_rows(points[vertex:vertex + 1])[0] if exact
                      else _float_normalised(np.where(labels[vertex, :m], 0.0, points[vertex])))
            ys.append(y)
    return (tuple(xs), tuple(ys)), tuple((t, t) for t in range(len(xs)))


def _float_normalised(row: np.ndarray) -> np.ndarray:
    row = np.maximum(row, 0.0)
    return row / row.sum()


def _float_partners(matrix, rows, columns, tol):
    """The complementary points of a batch of vertices of P (float), as (index in batch, normalised y)."""
    count, size = rows.shape
    n = matrix.shape[1]
    systems = matrix[rows[:, :, None], columns[:, None, :]]
    try:
        solution = np.linalg.solve(systems, np.ones((count, size, 1)))[:, :, 0]
    except np.linalg.LinAlgError as exc:
        raise PolytopeError("a partner system is singular") from exc
    residual = np.abs(np.einsum("kij,kj->ki", systems, solution) - 1.0).max(axis=1)
    if not np.isfinite(solution).all() or (residual > tol).any():
        raise PolytopeError("a partner system is ill-conditioned")
    y = np.zeros((count, n))
    np.put_along_axis(y, columns, solution, axis=1)
    levels = np.einsum("kj,ij->ki", y, matrix)
    off = np.ones((count, matrix.shape[0]), dtype=bool)
    np.put_along_axis(off, rows, False, axis=1)
    scale = solution.max(axis=1, initial=0.0)
    positive = (solution > tol * scale[:, None]).all(axis=1)
    negative = (solution < -tol * scale[:, None]).any(axis=1)
    below = np.where(off, levels < 1.0 - tol, True).all(axis=1)
    above = np.where(off, levels > 1.0 + tol, False).any(axis=1)
    partner = positive & below
    if not (partner | negative | above).all():
        raise PolytopeError("a partner is on the boundary of Q: the game may be degenerate")
    return [(k, _float_normalised(y[k])) for k in np.flatnonzero(partner)]


def _exact_partners(matrix, rows, columns, tol):
    """As :func:`_float_partners`, in integer arithmetic on the positive integer matrix."""
    count, size = rows.shape
    n = matrix.shape[1]
    systems = matrix[rows[:, :, None], columns[:, None, :]]
    numerators, dets, singular = _exact.solve_batch(systems, np.ones((count, size), dtype=object))
    if singular.any():
        raise PolytopeError("a partner system is singular")
    y = np.zeros((count, n), dtype=object)
    np.put_along_axis(y, columns, numerators, axis=1)
    levels = y.dot(matrix.T)                                   # A y, times the determinant
    off = np.ones((count, matrix.shape[0]), dtype=bool)
    np.put_along_axis(off, rows, False, axis=1)
    positive = (numerators > 0).all(axis=1)
    negative = (numerators < 0).any(axis=1)
    limit = dets[:, None]
    below = np.where(off, levels < limit, True).all(axis=1)
    above = np.where(off, levels > limit, False).any(axis=1)
    partner = positive & below
    if not (partner | negative | above).all():
        raise PolytopeError("a partner is on the boundary of Q: the game is degenerate")
    return [(k, _exact.normalised_rows(y[k:k + 1])[0]) for k in np.flatnonzero(partner)]
