r"""Compiled planar kernels for the polygon operator, compiled by numba.

The polygon operator (:mod:`.polygon`) spends its time on a few dozen points
per iteration: the pieces :math:`(1 - \delta) u(a) + \delta (W \cap Q_a)` and
their convex hull. In numpy these are some forty small array operations and a
monotone chain in Python, tens of microseconds each. When numba is importable,
:func:`_generated_loops` and :func:`_hull2_loops` (plain loops, which also run,
slowly, as Python) are compiled on first use and each call costs a few
microseconds. They perform the same float operations as the numpy path
(:meth:`.polygon.PolygonOperator.pieces` and
:func:`cybergames.repeated._polytopes.hull2`), so they return the same
vertices; the tests compare the two paths on random and degenerate input.

numba is a dependency; where it cannot be imported, or with the environment
variable ``CYBERGAMES_NO_NUMBA`` set to a non-empty value, :func:`hull2` and the
operator take the numpy path.

References
----------
Andrew, A. M. (1979). Another efficient algorithm for convex hulls in two
dimensions. Information Processing Letters 9(5), 216-219.
"""

from __future__ import annotations

import math

import numpy as np

from ..._compiled import compile_kernel
from .. import _polytopes


def _hull2_loops(points: np.ndarray, rel_tol: float) -> np.ndarray:
    """Monotone chain and clean-up in plain loops (the compiled kernel); at least two points.

    The same float operations, in the same order, as :func:`_polytopes.hull2`
    and its clean-up, so the vertices are the same.
    """
    n = points.shape[0]
    big = 0.0
    for k in range(n):
        big = max(big, abs(points[k, 0]), abs(points[k, 1]))
    unit = 1.0                                                  # _polytopes.binary_unit: squares of 1e300
    if big != 0.0 and math.isfinite(big) and not 2.0 ** -256 <= big <= 2.0 ** 256:   # overflow
        unit = math.ldexp(1.0, math.frexp(big)[1] - 1)
        points = points / unit
    order = np.argsort(points[:, 1], kind="mergesort")
    order = order[np.argsort(points[order, 0], kind="mergesort")]    # stable: by x, then by y
    xs = points[order, 0].copy()
    ys = points[order, 1].copy()
    low, high = ys[0], ys[0]
    big = 0.0
    for k in range(n):
        low = min(low, ys[k])
        high = max(high, ys[k])
        big = max(big, abs(xs[k]), abs(ys[k]))
    span = max(xs[n - 1] - xs[0], high - low)
    scale = max(span, big, 1e-300)
    if span <= rel_tol * scale:
        result = np.empty((1, 2))
        result[0, 0], result[0, 1] = xs[0] * unit, ys[0] * unit
        return result
    chain = np.empty(2 * n + 1, dtype=np.int64)
    size = 0
    for k in range(n):                                          # lower chain
        while size >= 2:
            o, a = chain[size - 2], chain[size - 1]
            if (xs[a] - xs[o]) * (ys[k] - ys[o]) - (ys[a] - ys[o]) * (xs[k] - xs[o]) <= 0:
                size -= 1
            else:
                break
        chain[size] = k
        size += 1
    lower = size
    start = size - 1                                            # drop the lower chain's last point
    size = start
    base = size
    for k in range(n - 1, -1, -1):                              # upper chain
        while size - base >= 2:
            o, a = chain[size - 2], chain[size - 1]
            if (xs[a] - xs[o]) * (ys[k] - ys[o]) - (ys[a] - ys[o]) * (xs[k] - xs[o]) <= 0:
                size -= 1
            else:
                break
        chain[size] = k
        size += 1
    upper = size - base
    count = (lower - 1) + (upper - 1)
    vx = np.empty(max(count, 2))
    vy = np.empty(max(count, 2))
    if count < 2:
        vx[0], vy[0], vx[1], vy[1] = xs[0], ys[0], xs[n - 1], ys[n - 1]
        count = 2
    else:
        for k in range(lower - 1):
            vx[k], vy[k] = xs[chain[k]], ys[chain[k]]
        for k in range(upper - 1):
            vx[lower - 1 + k], vy[lower - 1 + k] = xs[chain[base + k]], ys[chain[base + k]]
    tol = rel_tol * span
    tol2 = tol * tol
    while count >= 3:                                           # the clean-up of _polytopes._clean2
        worst, where = math.inf, -1
        for k in range(count):
            bx, by = vx[k - 1 if k > 0 else count - 1], vy[k - 1 if k > 0 else count - 1]
            ax, ay = vx[(k + 1) % count], vy[(k + 1) % count]
            px, py = vx[k], vy[k]
            cx, cy = ax - bx, ay - by
            length = cx * cx + cy * cy
            t = ((px - bx) * cx + (py - by) * cy) / length if length > 0 else 0.0
            t = 0.0 if t < 0 else 1.0 if t > 1 else t
            dx, dy = px - bx - t * cx, py - by - t * cy
            distance = dx * dx + dy * dy
            if distance < worst:
                worst, where = distance, k
        if worst > tol2:
            break
        for k in range(where, count - 1):
            vx[k], vy[k] = vx[k + 1], vy[k + 1]
        count -= 1
    if count == 2 and (vx[1] - vx[0]) ** 2 + (vy[1] - vy[0]) ** 2 <= tol2:
        count = 1
    result = np.empty((count, 2))
    for k in range(count):
        result[k, 0], result[k, 1] = vx[k] * unit, vy[k] * unit
    return result


def _generated_loops(W: np.ndarray, corner: np.ndarray, base: np.ndarray, delta: float) -> np.ndarray:
    r"""The points :math:`(1 - \delta) u(a) + \delta p`, ``p`` spanning each :math:`W \cap Q_a`, in plain loops.

    The compiled counterpart of :meth:`.polygon.PolygonOperator.pieces` (same
    points, with the same float operations; their order may differ, which no
    hull sees): the vertices of ``W`` in each quadrant, the crossings of its
    edges with the quadrant's sides, and the corner when it lies in ``W``.
    ``W`` has at least one vertex.
    """
    n = W.shape[0]
    profiles = corner.shape[0]
    out = np.empty((profiles * (3 * n + 1), 2))
    m = 0
    for a in range(profiles):
        c0, c1 = corner[a, 0], corner[a, 1]
        b0, b1 = base[a, 0], base[a, 1]
        for j in range(n):
            if W[j, 0] - c0 >= 0 and W[j, 1] - c1 >= 0:
                out[m, 0], out[m, 1] = b0 + delta * W[j, 0], b1 + delta * W[j, 1]
                m += 1
        if n >= 2:
            for j in range(n):
                following = j + 1 if j + 1 < n else 0
                for k in range(2):
                    ck = c0 if k == 0 else c1
                    co = c1 if k == 0 else c0
                    signed = W[j, k] - ck
                    ahead = W[following, k] - ck
                    step = ahead - signed
                    if (signed >= 0) != (ahead >= 0) and step != 0:
                        t = -signed / step
                        x0 = W[j, 0] + t * (W[following, 0] - W[j, 0])
                        x1 = W[j, 1] + t * (W[following, 1] - W[j, 1])
                        if k == 0:
                            x0 = ck
                        else:
                            x1 = ck
                        if (x1 if k == 0 else x0) >= co:
                            out[m, 0], out[m, 1] = b0 + delta * x0, b1 + delta * x1
                            m += 1
        if n >= 3:
            inside = True
            for j in range(n):
                following = j + 1 if j + 1 < n else 0
                e0, e1 = W[following, 0] - W[j, 0], W[following, 1] - W[j, 1]
                if not e0 * (c1 - W[j, 1]) - e1 * (c0 - W[j, 0]) >= 0:
                    inside = False
                    break
            if inside:
                out[m, 0], out[m, 1] = b0 + delta * c0, b1 + delta * c1
                m += 1
    return out[:m].copy()


_KERNELS: dict = {}


def kernel(name: str = "hull"):
    """The compiled kernel ``"hull"`` or ``"generated"`` (compiled on first use), or None without numba."""
    if name not in _KERNELS:
        _KERNELS[name] = compile_kernel(_hull2_loops if name == "hull" else _generated_loops)
    return _KERNELS[name]


def hull2(points: np.ndarray, rel_tol: float = 1e-11) -> np.ndarray:
    """Counterclockwise hull vertices of planar float points, as :func:`_polytopes.hull2` gives them.

    Parameters
    ----------
    points : numpy.ndarray
        Float array of shape (n, 2), n >= 0.
    rel_tol : float
        Vertices within ``rel_tol`` times the spread of the segment joining their neighbours are dropped.

    Returns
    -------
    numpy.ndarray
        The vertices, counterclockwise from the lowest-leftmost; one row for a
        point, two for a segment.

    Examples
    --------
    >>> import numpy as np
    >>> hull2(np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 1.0], [2.0, 2.0], [0.0, 2.0]])).tolist()
    [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]
    """
    points = np.asarray(points, dtype=float)
    n = len(points)
    if n <= 1:
        return np.array(points, dtype=float).reshape(n, 2)
    compiled = kernel()
    if compiled is None:
        return _polytopes.hull2(points, rel_tol)
    return compiled(np.ascontiguousarray(points), float(rel_tol))
