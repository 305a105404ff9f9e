"""Float polytope kernels of any dimension for the hyperplane method.

Outer sets are intersections of halfspaces ``H x <= c``; their vertices come
from Qhull's halfspace intersection (scipy.spatial), with an interior point
found by a Chebyshev-centre linear program, and from exact 2-D clipping in the
plane. Inner sets are hulls of finitely many points (:func:`_polytopes.convex_hull`
handles every affine dimension). Distances from a point to a hull solve a small
non-negative least-squares problem.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import linprog, nnls
from scipy.spatial import HalfspaceIntersection, QhullError

from .. import _polytopes
from .._polytopes import EMPTY2

_EMPTY_HALFSPACES = (np.zeros((1, 1)), np.array([-1.0]))


def polygon_of_halfplanes(H: np.ndarray, c: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Vertices of ``start`` (a float polygon) cut by every halfplane ``H[l] . x <= c[l]``.

    Sutherland-Hodgman clipping of a convex polygon: each cut keeps the
    vertices inside, in order, and puts the crossing point of each crossing
    edge between its two ends, so no cut needs a hull; one hull at the end
    drops the repeats and the near-collinear vertices the cuts leave.
    """
    result = _polytopes.hull2(start, rel_tol=1e-12) if len(start) > 2 else start
    cuts = 0
    for normal, offset in zip(H, c):
        if len(result) == 0:
            return EMPTY2
        value = result @ normal - offset
        inside = value <= 0
        if inside.all():
            continue
        if len(result) == 1 or not inside.any():
            return EMPTY2 if not inside.any() else result[inside]
        cuts += 1
        begin, edge = _polytopes.edges2(result)
        following = np.roll(value, -1)
        crossing = np.nonzero(inside != (following <= 0))[0]
        t = value[crossing] / (value[crossing] - following[crossing])
        kept = np.nonzero(inside)[0]
        order = np.argsort(np.concatenate([kept * 2.0, crossing * 2.0 + 1.0]), kind="stable")
        result = _polytopes.distinct2(np.vstack([result[kept], begin[crossing] + t[:, None] * edge[crossing]])[order])
    return _polytopes.hull2(result, rel_tol=1e-12) if cuts else result


def chebyshev_centre(H: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, float]:
    """The centre and radius of the largest ball in ``{H x <= c}`` (radius < 0: empty)."""
    n = H.shape[1]
    norms = np.sqrt((H ** 2).sum(axis=1))
    cost = np.zeros(n + 1)
    cost[-1] = -1.0
    result = linprog(cost, A_ub=np.column_stack([H, norms]), b_ub=c, bounds=[(None, None)] * n + [(None, 1e6)],
                     method="highs")
    if result.status != 0:
        return np.zeros(n), -1.0
    return result.x[:n], float(result.x[-1])


def vertices_of_halfspaces(H: np.ndarray, c: np.ndarray, box: np.ndarray, scale: float,
                           hint: np.ndarray | None = None) -> np.ndarray:
    """Vertices of the bounded set ``{H x <= c}`` (``box``: vertices of a polytope known to contain it).

    In the plane the polygon ``box`` is clipped exactly. In higher dimensions
    Qhull intersects the halfspaces around an interior point (``hint`` if it
    is strictly inside, else the Chebyshev centre); a set without interior
    goes to :func:`flat_intersection`, which works in its affine hull, and a
    full-dimensional one Qhull fails on is returned as the hull of its support
    points in the directions ``H``.
    """
    n = H.shape[1]
    if n == 2:
        return polygon_of_halfplanes(H, c, box)
    slack = 1e-9 * scale
    if hint is not None and len(hint) and (H @ hint - c < -slack).all():
        centre, radius = hint, 2 * slack
    else:
        centre, radius = chebyshev_centre(H, c)
    if radius < -slack:
        return np.zeros((0, n))
    if radius > slack:
        try:
            points = HalfspaceIntersection(np.column_stack([H, -c]), centre).intersections
            points = points[np.isfinite(points).all(axis=1)]
            if len(points):
                return np.array(_polytopes.convex_hull(points.tolist(), n, exact=False).vertices, dtype=float)
        except (QhullError, ValueError):
            pass
    if radius > slack:                              # Qhull failed on a full-dimensional set: its support points
        return _supported(H, c, slack)
    return flat_intersection(H, c, slack)


def _supported(H: np.ndarray, c: np.ndarray, slack: float) -> np.ndarray:
    """The hull of the support points of ``{H x <= c + slack}`` in the directions ``±H`` (inside the set)."""
    n = H.shape[1]
    supports = []
    for h in np.vstack([H, -H]):
        result = linprog(-h, A_ub=H, b_ub=c + slack, bounds=[(None, None)] * n, method="highs")
        if result.status == 0:
            supports.append(result.x)
    if not supports:
        return np.zeros((0, n))
    return np.array(_polytopes.convex_hull(np.array(supports).round(12).tolist(), n, exact=False).vertices,
                    dtype=float)


def flat_intersection(H: np.ndarray, c: np.ndarray, slack: float) -> np.ndarray:
    r"""Vertices of a bounded set ``{H x <= c}`` without interior, in its affine hull.

    A set whose Chebyshev ball has no radius lies in the hyperplanes of its
    *implicit equalities*: the rows :math:`h_i` with :math:`\min_x h_i \cdot x
    = c_i` over the set (one linear program per row that is tight at the
    centre). Writing :math:`x = x_0 + B t` with :math:`B` an orthonormal basis
    of their null space, the set is :math:`\{t : H B t \le c - H x_0\}` in
    :math:`d = n - \operatorname{rank}` dimensions: a point, an interval, or a
    set with interior there (Qhull, or this function again). Every vertex is
    found, so the hull is the set itself (a support-point hull can miss
    vertices of a flat set and is then too small). Empty when the rows are
    inconsistent beyond ``slack``.
    """
    n = H.shape[1]
    empty = np.zeros((0, n))
    centre, radius = chebyshev_centre(H, c + slack)
    if radius < 0:
        return empty
    equal = []
    for i in np.flatnonzero(c - H @ centre <= 4 * slack):
        result = linprog(H[i], A_ub=H, b_ub=c + slack, bounds=[(None, None)] * n, method="highs")
        if result.status == 0 and c[i] - result.fun <= 4 * slack:
            equal.append(i)
    if not equal:                                   # thin, not flat: a set with interior at this precision
        return _supported(H, c, slack)
    E = H[equal]
    x0 = np.linalg.lstsq(E, c[equal], rcond=None)[0]
    _, singular, Vt = np.linalg.svd(E)
    rank = int((singular > 1e-9 * singular[0]).sum())
    B = Vt[rank:].T
    d = n - rank
    if d == 0:
        return x0[None, :] if (H @ x0 - c <= 4 * slack).all() else empty
    Hr, cr = H @ B, c - H @ x0
    norms = np.sqrt((Hr ** 2).sum(axis=1))
    moving = norms > 1e-12
    if (cr[~moving] < -4 * slack).any():
        return empty
    Hr, cr = Hr[moving] / norms[moving, None], cr[moving] / norms[moving]
    if d == 1:
        h = Hr[:, 0]
        low = max((cr[h < 0] / h[h < 0]).max(initial=-math.inf), -1e12)
        high = min((cr[h > 0] / h[h > 0]).min(initial=math.inf), 1e12)
        if low > high + slack:
            return empty
        t = np.array([[low], [max(low, high)]])
    else:
        box = np.zeros((0, d))
        if d == 2:                                  # the plane clips a rectangle around the set
            ends = [linprog(sign * e, A_ub=Hr, b_ub=cr + slack, bounds=[(None, None)] * 2, method="highs")
                    for e in np.eye(2) for sign in (1.0, -1.0)]
            if any(result.status != 0 for result in ends):
                return empty
            (x_low, x_high, y_low, y_high) = (ends[0].x[0], ends[1].x[0], ends[2].x[1], ends[3].x[1])
            box = np.array([[x_low, y_low], [x_high, y_low], [x_high, y_high], [x_low, y_high]]) + \
                np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]]) * slack
        t = vertices_of_halfspaces(Hr, cr, box, 1.0)
        if len(t) == 0:
            return empty
    return x0[None, :] + t @ B.T


def outer_box(payoffs: np.ndarray, floor: np.ndarray, scale: float, slack: float):
    """The feasible set cut to the pure minmax ``floor``, each facet moved out by ``slack``: (vertices, H, c).

    Every equilibrium payoff is feasible and at least the pure minmax vector,
    so it lies in ``{H x <= c}``. The float hull drops payoffs within a
    relative 1e-11 of a facet as nearly collinear, and a stage Nash payoff
    often lies on the floor exactly (a payoff of 1e-176 beside 0 in a game of
    size 1); moving every facet out by the rounding ``slack`` keeps them, so
    that an outer set started here is never emptied by rounding.
    """
    n = payoffs.shape[1]
    feasible, normals, offsets = hull_of_points(payoffs, n)
    H = np.vstack([normals, -np.eye(n)])
    c = np.concatenate([offsets + slack, -np.asarray(floor, dtype=float) + slack])
    if n == 2:
        low, high = payoffs.min(axis=0) - 2 * slack, payoffs.max(axis=0) + 2 * slack
        rectangle = np.array([[low[0], low[1]], [high[0], low[1]], [high[0], high[1]], [low[0], high[1]]])
        return polygon_of_halfplanes(H, c, rectangle), H, c
    return vertices_of_halfspaces(H, c, feasible, scale), H, c


def hull_of_points(points: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vertices, outward normals and offsets of the hull of float points (any affine dimension)."""
    if len(points) == 0:
        return np.zeros((0, n)), np.zeros((1, n)), np.array([-1.0])
    if n == 2:
        vertices = _polytopes.hull2(points, rel_tol=1e-11)
        normals, offsets = _polytopes.halfspaces2(vertices)
        return vertices, normals, offsets
    hull = _polytopes.convex_hull(np.asarray(points, dtype=float).tolist(), n, exact=False, tol=1e-10)
    normals = np.array(hull.normals, dtype=float).reshape(-1, n)
    lengths = np.sqrt((normals ** 2).sum(axis=1))
    lengths[lengths == 0] = 1.0
    return (np.array(hull.vertices, dtype=float).reshape(-1, n), normals / lengths[:, None],
            np.array(hull.offsets, dtype=float) / lengths)


def distances_to_hull(points: np.ndarray, vertices: np.ndarray) -> np.ndarray:
    """Euclidean distance from each point to the convex hull of ``vertices`` (inf if there are none)."""
    points = np.asarray(points, dtype=float)
    if len(vertices) == 0:
        return np.full(len(points), math.inf)
    if points.shape[1] == 2:
        return _polytopes.distance2(points, vertices)
    weight = 1e3 * max(1.0, float(np.abs(vertices).max()))
    matrix = np.vstack([vertices.T, np.full((1, len(vertices)), weight)])
    result = np.empty(len(points))
    for k, p in enumerate(points):
        lam, _ = nnls(matrix, np.append(p, weight))
        lam = lam / lam.sum() if lam.sum() > 0 else lam
        result[k] = float(np.sqrt(((vertices.T @ lam - p) ** 2).sum()))
    return result


def inside(points: np.ndarray, normals: np.ndarray, offsets: np.ndarray, tol: float) -> np.ndarray:
    """Whether each point satisfies every halfspace within ``tol``."""
    return (np.asarray(points, dtype=float) @ normals.T - offsets <= tol).all(axis=1)
