r"""Float vertex enumeration of small best-response polytopes by trying every basis.

A vertex of :math:`\{z \in \mathbb{R}^d : z \ge 0,\ M z \le 1\}` (``M``
positive, ``k x d``) is a feasible point where ``d`` linearly independent
constraints are tight, and every feasible basic solution is a vertex (Ziegler
1995, *Lectures on Polytopes*, sec. 1.1; the fundamental theorem of linear
programming). With the constraints written :math:`G z \le h`, :math:`G =
\binom{-I}{M}`, :math:`h = \binom{0}{1}`, all :math:`\binom{d + k}{d}` square
systems :math:`G_S z = h_S` are solved in one batched LAPACK call and the
feasible solutions kept. For a 4x4 game that is 70 systems of size 4, less
work than a convex hull, whose fixed cost dominates small games; beyond
:data:`MAX_BASES` bases qhull (:mod:`._polytope`) is faster and is used instead.

The output has the contract of :func:`._polytope.vertices`: tight constraints
are decided with the same normalised slack (the slack at the vertex divided by
the slack at the same interior point), so both routes label a vertex alike, and
the caller certifies the labels in the same way (closure under pivoting), so a
basis lost to rounding makes the certificate fail rather than the answer wrong.
"""

from __future__ import annotations

import functools
import itertools
import math

import numpy as np

from ._polytope import PolytopeError

#: The most bases (square systems) tried; larger polytopes go to qhull (measured: 70 bases of a
#: 4x4 game take 0.1 ms against qhull's 0.17 ms per polytope, 924 of a 6x6 game 0.7 ms against 0.23 ms).
MAX_BASES = 100


def applies(k: int, d: int) -> bool:
    """Whether a polytope with ``d`` coordinates and ``k`` payoff rows is small enough for this route."""
    return d >= 2 and math.comb(d + k, d) <= MAX_BASES


@functools.lru_cache(maxsize=64)
def _systems(count: int, k: int, d: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The fixed parts of ``count`` polytopes' systems (read-only): for every ``d``-subset of the
    ``d + k`` constraints of each polytope, the flat positions of its system's entries in the stacked
    constraints and its right-hand side; the right-hand side of all constraints; and the sign
    constraints' rows ``-I`` of each polytope."""
    bases = np.array(list(itertools.combinations(range(d + k), d)), dtype=np.intp).reshape(-1, d)
    bounds = np.concatenate([np.zeros(d), np.ones(k)])
    rhs = np.ascontiguousarray(np.tile(bounds[bases][:, :, None], (count, 1, 1)))
    signs = np.ascontiguousarray(np.broadcast_to(-np.eye(d), (count, d, d)))
    # flat positions in the (count, d + k, d) constraint stack of each basis system's entries
    rows = np.arange(count)[:, None, None] * (d + k) + bases[None, :, :]
    flat = (rows[..., None] * d + np.arange(d)).reshape(-1, d, d)
    for array in (rhs, bounds, signs, flat):
        array.flags.writeable = False
    return flat, rhs, bounds, signs


def vertices(matrix: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of ``{z >= 0 : matrix @ z <= 1}`` and their tight constraints.

    Same parameters and tight-set rule as :func:`._polytope.vertices`
    (columns ``0..d-1`` of ``tight`` are the constraints ``z_r >= 0``, then
    the rows of ``matrix``): one row per feasible basis. When the polytope is
    simple these are its vertices, once each; a degenerate vertex (more than
    ``d`` tight constraints) appears once per basis, which the caller's
    certificate (:func:`._labels.closed_under_pivoting`) rejects, as it
    rejects repeated rows.

    Raises
    ------
    PolytopeError
        If a system cannot be solved in floating point, or a basic solution
        lies just outside the polytope (closer than ten times ``tol``), where
        rounding could decide whether it is a vertex.
    """
    return vertices_of_each(matrix[None], tol)[0]


def vertices_of_each(matrices: np.ndarray, tol: float) -> list[tuple[np.ndarray, np.ndarray]]:
    """:func:`vertices` of each matrix of a ``(c, k, d)`` stack, all systems solved in one batch."""
    count, k, d = matrices.shape
    flat, rhs, bounds, signs = _systems(count, k, d)
    constraints = np.concatenate([signs, matrices], axis=1)
    systems = constraints.take(flat)
    determinants = np.linalg.det(systems)
    try:
        solution = np.linalg.solve(systems, rhs)
    except np.linalg.LinAlgError:
        # some basis is exactly singular (ties in the payoffs): solve only the others
        regular = determinants != 0
        solution = np.full((systems.shape[0], d, 1), np.nan)
        try:
            solution[regular] = np.linalg.solve(systems[regular], rhs[regular])
        except np.linalg.LinAlgError as exc:
            raise PolytopeError("a basis of the polytope is singular") from exc
    solution = solution.reshape(count, -1, d)
    # the normalised slack of _polytope.vertices: slack at z over slack at the interior point
    sums = matrices.sum(axis=2)
    centre = 0.5 / sums.max(axis=1, keepdims=True)
    reference = np.concatenate([centre.repeat(d, axis=1), 1.0 - sums * centre], axis=1)
    slack = (bounds - np.matmul(solution, constraints.transpose(0, 2, 1))) / reference[:, None, :]
    low = slack.min(axis=2)
    feasible = low >= -tol
    if np.count_nonzero(low >= -tol * 10) != np.count_nonzero(feasible):     # some in [-10 tol, -tol)
        raise PolytopeError("a basic solution is within the tolerance of the polytope: maybe degenerate")
    # a singular basis (ties: dependent tight rows) can still come back solved, rounding having left a tiny
    # pivot; its solution is any point of a face, not a vertex, so such a polytope is left to the exact route
    size = np.abs(determinants) / np.prod(np.linalg.norm(systems, axis=2), axis=1)
    if (feasible & (size.reshape(count, -1) <= _SINGULAR)).any():
        raise PolytopeError("a feasible basic solution has a singular basis: maybe degenerate")
    tight = slack <= tol
    return [(solution[c][feasible[c]], tight[c][feasible[c]]) for c in range(count)]


#: A basis whose determinant is at most this fraction of the product of its rows' lengths (Hadamard's
#: bound) is taken as singular: an exactly singular one comes out of LAPACK at about 1e-16 of it.
_SINGULAR = 1e-12
