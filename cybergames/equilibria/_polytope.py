r"""Float vertex enumeration of a best-response polytope by polar duality and qhull.

The polytopes are :math:`\{z \in \mathbb{R}^d : z \ge 0,\ M z \le 1\}` with a
positive ``k x d`` matrix :math:`M` (bounded, with the origin a vertex). Write
them as :math:`G z \le h` with :math:`G = \binom{-I}{M}`, :math:`h =
\binom{0}{1}`, move an interior point :math:`z_0` to the origin, :math:`G w \le s
= h - G z_0` with :math:`s > 0`, and take the points :math:`g_r / s_r`. Their
convex hull is the polar polytope: each of its facets :math:`\{p : v \cdot p =
1\}` is a vertex :math:`v` of the translated polytope, and the points on the
facet are the constraints tight at :math:`v` (Ziegler 1995, *Lectures on
Polytopes*, sec. 2.3). qhull, through scipy (:func:`facet_equations`: the
run of ``scipy.spatial.ConvexHull`` without its volume and area), computes all
facets at once, which is why this is fast.

Tight constraints are recomputed from the vertex coordinates with a tolerance
rather than read off qhull's (triangulated) simplices, so that a degenerate
vertex, which qhull reports as several simplices, gets all its labels and
appears once.
"""

from __future__ import annotations

import numpy as np

from ..errors import SolverError
from . import _labels


class PolytopeError(SolverError):
    """The float enumeration cannot be trusted (internal: the caller falls back to exact arithmetic)."""


def normalised(matrix: np.ndarray) -> np.ndarray:
    """``matrix`` moved by a positive affine map into ``[1, 2]`` (labels are unchanged by it)."""
    low, high = float(matrix.min()), float(matrix.max())
    if high == low:
        return np.ones(matrix.shape)
    return 1.0 + (matrix - low) / (high - low)


#: The most multiply-adds in one BLAS product of :func:`vertices` (see there).
_BLOCK = 200_000


def vertices(matrix: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of ``{z >= 0 : matrix @ z <= 1}`` and their tight constraints.

    Parameters
    ----------
    matrix : ndarray of float, shape (k, d)
        Positive entries (use :func:`normalised`).
    tol : float
        A constraint is tight when its normalised slack is at most ``tol``.

    Returns
    -------
    coordinates : ndarray, shape (V, d)
    tight : ndarray of bool, shape (V, d + k)
        Columns ``0..d-1`` are the constraints ``z_r >= 0``, then the rows of ``matrix``.
        One row per distinct tight set (a vertex is determined by its tight set) when some
        vertex is degenerate; when every row has exactly ``d`` tight constraints the rows
        are qhull's facets as they come, which are distinct unless qhull's arithmetic
        failed (the callers' certificate, :func:`._labels.closed_under_pivoting`, rejects
        repeated rows).

    Raises
    ------
    PolytopeError
        If qhull fails or returns a point that is not in the polytope.
    """
    k, d = matrix.shape
    if d == 1:
        return _segment(matrix[:, 0], tol)
    sums = matrix.sum(axis=1)
    scale = 0.5 / sums.max()
    points = np.empty((d + k, d))              # the constraints, each divided by its slack at the centre
    points[:d] = np.eye(d) * (-1.0 / scale)
    np.divide(matrix, (1.0 - sums * scale)[:, None], out=points[d:])
    # scipy's default options ("Qx" above 4-d, "Qt" always) plus "Q5": skip the final
    # correction of outer planes, which only bounds qhull's own precision report; the
    # labels are recomputed below with a tolerance and certified by the caller. Above
    # 6-d, "Q9" (add the furthest of the outside sets' furthest points first, an order
    # of insertion only) is 6-12% faster on random games of 8x8 to 14x14.
    equations = facet_equations(points, "Q5" if d <= 4 else "Qx Q5" if d <= 6 else "Qx Q5 Q9")
    offsets = -equations[:, -1]
    if (offsets <= 0).any():
        raise PolytopeError("a facet of the polar polytope passes through the interior point")
    translated = equations[:, :-1] / offsets[:, None]
    normalised_slack = np.empty((translated.shape[0], d + k))
    # the sign constraints' points are -e_r / scale: their slack is 1 + z_r / scale
    np.multiply(translated, 1.0 / scale, out=normalised_slack[:, :d])
    normalised_slack[:, :d] += 1.0
    payoff_slack = normalised_slack[:, d:]
    # a BLAS product in blocks of rows of at most _BLOCK multiply-adds each: a multithreaded
    # product on a busy machine can take a hundred times longer than the arithmetic, and
    # OpenBLAS (numpy's and scipy's wheels) runs products below 4 * 65536 on one thread
    rows = max(1, _BLOCK // (d * k))
    for start in range(0, translated.shape[0], rows):
        np.matmul(translated[start:start + rows], points[d:].T, out=payoff_slack[start:start + rows])
    np.subtract(1.0, payoff_slack, out=payoff_slack)
    if normalised_slack.min() < -tol * 10:
        raise PolytopeError("qhull returned a point outside the polytope")
    tight = normalised_slack <= tol
    translated += scale                         # back from the centre
    if (tight.sum(axis=1) == d).all():
        # simple vertices: qhull reports each once (a repeated row, which the callers'
        # certificate rejects, would take numerical trouble qhull does not report)
        return translated, tight
    # a degenerate vertex is one qhull facet per simplex of its triangulation: keep it once
    _, first = np.unique(_labels.pack(tight), return_index=True)
    first.sort()
    return translated[first], tight[first]


def facet_equations(points: np.ndarray, options: str) -> np.ndarray:
    """qhull's (triangulated) facet equations ``[normal, offset]`` of the convex hull of ``points``.

    The same computation as ``scipy.spatial.ConvexHull(points, qhull_options=options).equations``
    (the same qhull run, options and triangulation), without the hull's volume and area,
    which ``ConvexHull`` always computes and which cost a fifth of the time here. scipy's
    ``_Qhull``, which ``ConvexHull`` itself uses, is private: if it is missing or has changed,
    ``ConvexHull`` is used.

    Raises
    ------
    PolytopeError
        If qhull fails.
    """
    from scipy.spatial import ConvexHull, QhullError
    points = np.ascontiguousarray(points, dtype=np.float64)     # as ConvexHull hands them to qhull
    try:
        raw = _private_qhull()
        if raw is not None:
            try:
                qhull = raw(b"i", points, options.encode(), required_options=b"Qt")
            except (TypeError, AttributeError):   # another scipy's signature: its public class instead
                _QHULL["raw"] = None
            else:
                try:
                    qhull.triangulate()
                    return qhull.get_simplex_facet_array()[2]
                finally:
                    qhull.close()
        return ConvexHull(points, qhull_options=options).equations
    except (QhullError, ValueError) as exc:
        raise PolytopeError(str(exc)) from exc


#: scipy's private qhull wrapper under "raw", looked up on first use (None when missing or changed).
_QHULL: dict = {}


def _private_qhull():
    if "raw" not in _QHULL:
        try:
            from scipy.spatial._qhull import _Qhull
        except ImportError:                       # another scipy
            _Qhull = None
        methods = ("triangulate", "get_simplex_facet_array", "close")
        _QHULL["raw"] = _Qhull if all(hasattr(_Qhull, name) for name in methods) else None
    return _QHULL["raw"]


def _segment(column: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """The one-dimensional case ``{z >= 0 : column * z <= 1}``: the vertices 0 and ``1 / max``."""
    top = column.max()
    tight = np.zeros((2, 1 + column.size), dtype=bool)
    tight[0, 0] = True
    tight[1, 1:] = column >= top * (1 - tol)
    return np.array([[0.0], [1.0 / top]]), tight
