r"""Convex polytopes as vertices and halfspaces: exact or float, of any dimension, degenerate or not.

Two families of kernels live here.

* **Generic hulls** (:func:`convex_hull`, :func:`clip`) for the folk-theorem
  geometry: the convex hull of finitely many points in :math:`\mathbb{R}^d`,
  exact for exact points (int / Fraction; Qhull is then asked only which
  points form which facet, and every hyperplane is recomputed exactly) and
  float otherwise. A hull of lower affine dimension (a point, a segment, a
  polygon in space) is computed in coordinates of its affine hull and lifted
  back, so Qhull never sees a flat input.
* **Float 2-D kernels** (``*2`` functions) for the payoff-set iteration, on
  float64 arrays of counterclockwise vertices: hull, halfplane clipping,
  membership, distance, Hausdorff distance, area. They accept the degenerate
  polygons (no vertex, one, two) like any other.

Halfspaces are ``normals @ x <= offsets``. A lower-dimensional polytope lists
each equation of its affine hull as a pair of opposite inequalities.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .._linalg import solve_many

# ----------------------------------------------------------------------------- exact helpers


def _rank_basis(rows: list[list], exact: bool, tol: float) -> list[int]:
    """Indices of a maximal linearly independent subset of ``rows`` (greedy, in order)."""
    if not rows:
        return []
    if not exact:
        chosen: list[int] = []
        for k in range(len(rows)):
            trial = np.array([rows[j] for j in chosen + [k]], dtype=float)
            if np.linalg.matrix_rank(trial, tol=tol) == len(chosen) + 1:
                chosen.append(k)
        return chosen
    chosen, reduced = [], []          # reduced rows in echelon form, with their pivot columns
    for k, row in enumerate(rows):
        vec = [Fraction(v) for v in row]
        for pivot, basis in reduced:
            if vec[pivot]:
                factor = vec[pivot] / basis[pivot]
                vec = [a - factor * b for a, b in zip(vec, basis)]
        pivot = next((j for j, v in enumerate(vec) if v), None)
        if pivot is not None:
            chosen.append(k)
            reduced.append((pivot, vec))
    return chosen


def _null_space_exact(rows: list[list], width: int) -> list[list[Fraction]]:
    """A basis of ``{x : row . x = 0 for every row}`` over the rationals."""
    matrix = [[Fraction(v) for v in row] for row in rows]
    pivots: list[int] = []
    r = 0
    for col in range(width):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col]), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        inverse = 1 / matrix[r][col]
        matrix[r] = [v * inverse for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col]:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r])]
        pivots.append(col)
        r += 1
    basis = []
    for free in (c for c in range(width) if c not in pivots):
        vec = [Fraction(0)] * width
        vec[free] = Fraction(1)
        for row, col in zip(matrix, pivots):
            vec[col] = -row[free]
        basis.append(vec)
    return basis


def _scale_exact(normal: list[Fraction], offset: Fraction) -> tuple[tuple, Any]:
    """A canonical positive multiple: integer entries with gcd one (for deduplication)."""
    values = list(normal) + [offset]
    denominator = math.lcm(*(Fraction(v).denominator for v in values))
    integers = [int(Fraction(v) * denominator) for v in values]
    divisor = math.gcd(*integers) or 1
    integers = [v // divisor for v in integers]
    return tuple(integers[:-1]), integers[-1]


def _simplify(value: Any) -> Any:
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value.numerator)
    return value


# ----------------------------------------------------------------------------- generic hull


class Hull:
    """The output of :func:`convex_hull`: plain lists, turned into a Polytope by the caller."""

    __slots__ = ("vertices", "normals", "offsets", "dimension", "edges")

    def __init__(self, vertices: list, normals: list, offsets: list, dimension: int, edges: list) -> None:
        self.vertices, self.normals, self.offsets = vertices, normals, offsets
        self.dimension, self.edges = dimension, edges


def convex_hull(points: Sequence[Sequence[Any]], ambient: int, *, exact: bool, tol: float = 1e-9) -> Hull:
    """The convex hull of ``points`` in :math:`\\mathbb{R}^{ambient}`.

    Returns vertices (tuples; counterclockwise when the hull is a polygon in the
    plane), outward halfspaces, the affine dimension (-1 for no points) and the
    edges (pairs of vertex indices; for hulls of dimension three or more a
    superset: the edges of Qhull's triangulated facets).
    """
    unique = list(dict.fromkeys(tuple(p) for p in points))
    if not unique:
        zero = [0] * ambient
        return Hull([], [zero], [-1], -1, [])
    if not exact:
        # Float points are divided by a power of two near their size (exactly) and the hull is
        # multiplied back: the rank and turn tolerances below are relative to that size, and
        # squared coordinates of 1e300 would overflow (of 1e-300, vanish).
        big = max(abs(float(v)) for p in unique for v in p)
        unit = math.ldexp(1.0, math.frexp(big)[1] - 1) if big > 0 and math.isfinite(big) else 1.0
        if unit != 1.0:
            hull = convex_hull([tuple(float(v) / unit for v in p) for p in unique], ambient, exact=False, tol=tol)
            return Hull([tuple(v * unit for v in p) for p in hull.vertices], hull.normals,
                        [o * unit for o in hull.offsets], hull.dimension, hull.edges)
    origin = unique[0]
    differences = [[a - b for a, b in zip(p, origin)] for p in unique[1:]]
    scale = max([abs(float(v)) for p in unique for v in p] + [1.0])
    basis_rows = _rank_basis(differences, exact, tol * scale)
    k = len(basis_rows)
    if k == 0:
        normals = [[1 if j == i else 0 for j in range(ambient)] for i in range(ambient)]
        normals += [[-v for v in n] for n in normals]
        offsets = [origin[i] for i in range(ambient)] + [-origin[i] for i in range(ambient)]
        return Hull([origin], _as_kind(normals, exact), _as_kind(offsets, exact), 0, [])
    to_local, from_local_normal, equalities = _affine_frame(origin, [differences[r] for r in basis_rows],
                                                            ambient, exact)
    local = [to_local(p) for p in unique]
    if k == 1:
        values = [y[0] for y in local]
        order = [min(range(len(values)), key=values.__getitem__), max(range(len(values)), key=values.__getitem__)]
        faces = [([-1], -values[order[0]]), ([1], values[order[1]])]
        vertex_ids, edges = order, [(0, 1)]
    elif k == 2:
        vertex_ids = _monotone_chain(local, exact, tol * scale * scale)
        faces = _polygon_faces([local[i] for i in vertex_ids])
        edges = [(i, (i + 1) % len(vertex_ids)) for i in range(len(vertex_ids))]
    else:
        vertex_ids, faces, edges = _qhull_faces(local, k, exact)
    normals, offsets = [], []
    for normal, offset in faces:
        full_normal, full_offset = from_local_normal(normal, offset)
        normals.append(full_normal)
        offsets.append(full_offset)
    for row in equalities:
        value = sum(a * b for a, b in zip(row, origin))
        normals += [list(row), [-v for v in row]]
        offsets += [value, -value]
    vertices = [unique[i] for i in vertex_ids]
    return Hull(vertices, _as_kind(normals, exact), _as_kind(offsets, exact), k, edges)


def _as_kind(values: list, exact: bool) -> list:
    if exact:
        return [[_simplify(Fraction(v)) for v in row] if isinstance(row, list) else _simplify(Fraction(row))
                for row in values]
    return [[float(v) for v in row] if isinstance(row, list) else float(row) for row in values]


def _affine_frame(origin: tuple, basis: list[list], ambient: int, exact: bool):
    """Maps between the ambient space and coordinates of the affine hull ``origin + span(basis)``."""
    k = len(basis)
    if k == ambient:
        def to_local(p):
            return [a - b for a, b in zip(p, origin)]

        def lift(normal, offset):
            return list(normal), offset + sum(a * b for a, b in zip(normal, origin))
        return to_local, lift, []
    if exact:
        # coordinates: k pivot columns S where the basis matrix (k x S) is invertible
        columns = _rank_basis([[row[j] for row in basis] for j in range(ambient)], True, 0.0)
        square = [[basis[r][j] for r in range(k)] for j in columns]          # x_S - o_S = square @ y
        columns_of_inverse = solve_many(square, [[1 if i == j else 0 for i in range(k)] for j in range(k)])
        inverse = [[columns_of_inverse[c][r] for c in range(k)] for r in range(k)]

        def to_local(p):
            diff = [p[j] - origin[j] for j in columns]
            return [sum(inverse[r][c] * diff[c] for c in range(k)) for r in range(k)]

        def lift(normal, offset):
            weights = [sum(normal[r] * inverse[r][c] for r in range(k)) for c in range(k)]
            full = [Fraction(0)] * ambient
            for c, j in enumerate(columns):
                full[j] = weights[c]
            return full, offset + sum(a * b for a, b in zip(full, origin))
        equalities = _null_space_exact(basis, ambient)
        return to_local, lift, equalities
    matrix = np.array(basis, dtype=float).T                                  # ambient x k
    q, _ = np.linalg.qr(matrix)
    full_q, _ = np.linalg.qr(np.hstack([q, np.eye(ambient)]))
    complement = full_q[:, k:ambient]
    o = np.array(origin, dtype=float)

    def to_local(p):
        return list(q.T @ (np.asarray(p, dtype=float) - o))

    def lift(normal, offset):
        full = q @ np.asarray(normal, dtype=float)
        return list(full), float(offset + full @ o)
    return to_local, lift, [list(row) for row in complement.T]


def _cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _monotone_chain(points: list, exact: bool, tol: float) -> list[int]:
    """Indices of the hull vertices of planar points, counterclockwise (Andrew's monotone chain)."""
    order = sorted(range(len(points)), key=lambda i: (points[i][0], points[i][1]))
    threshold = 0 if exact else tol

    def half(indices):
        chain: list[int] = []
        for i in indices:
            while len(chain) >= 2 and _cross(points[chain[-2]], points[chain[-1]], points[i]) <= threshold:
                chain.pop()
            chain.append(i)
        return chain
    lower, upper = half(order), half(order[::-1])
    result = lower[:-1] + upper[:-1]
    return result if len(result) >= 2 else [order[0], order[-1]]


def _polygon_faces(vertices: list) -> list[tuple[list, Any]]:
    faces = []
    for p, q in zip(vertices, vertices[1:] + vertices[:1]):
        normal = [q[1] - p[1], p[0] - q[0]]
        faces.append((normal, normal[0] * p[0] + normal[1] * p[1]))
    return faces


def _qhull_faces(local: list, k: int, exact: bool):
    from scipy.spatial import ConvexHull, QhullError
    coordinates = np.array([[float(v) for v in y] for y in local])
    try:
        qhull = ConvexHull(coordinates)
    except QhullError:                                   # pragma: no cover - after the rank reduction
        qhull = ConvexHull(coordinates, qhull_options="QJ")
    vertex_ids = [int(i) for i in qhull.vertices]
    position = {v: n for n, v in enumerate(vertex_ids)}
    edges = sorted({tuple(sorted((position[int(a)], position[int(b)])))
                    for simplex in qhull.simplices for a, b in itertools.combinations(simplex, 2)
                    if int(a) in position and int(b) in position})
    faces: dict = {}
    if exact:
        centre = [sum(Fraction(y[j]) for y in local) / len(local) for j in range(k)]
        for simplex in qhull.simplices:
            base = local[int(simplex[0])]
            rows = [[Fraction(a) - Fraction(b) for a, b in zip(local[int(s)], base)] for s in simplex[1:]]
            space = _null_space_exact(rows, k)
            if len(space) != 1:                          # pragma: no cover - Qhull gives full simplices
                continue
            normal = space[0]
            offset = sum(a * Fraction(b) for a, b in zip(normal, base))
            if sum(a * b for a, b in zip(normal, centre)) > offset:
                normal, offset = [-v for v in normal], -offset
            key = _scale_exact(normal, offset)
            faces[key] = (list(key[0]), key[1])
    else:
        for equation in qhull.equations:
            key = tuple(np.round(equation, 12))
            faces[key] = (list(equation[:-1]), -float(equation[-1]))
    return vertex_ids, list(faces.values()), edges


def clip(hull: Hull, normal: Sequence[Any], offset: Any, *, exact: bool, tol: float = 1e-9) -> list[tuple]:
    """The points spanning ``hull ∩ {x : normal . x <= offset}``: kept vertices and edge crossings."""
    kept, values = [], []
    if not exact:                               # relative to the size of the vertices and the offset
        tol = tol * (max([abs(float(v)) for p in hull.vertices for v in p] + [abs(float(offset))]) or 1.0)
    for vertex in hull.vertices:
        value = sum(a * b for a, b in zip(normal, vertex)) - offset
        values.append(value)
        if value <= (0 if exact else tol):
            kept.append(tuple(vertex))
    for a, b in hull.edges:
        va, vb = values[a], values[b]
        if (va < 0 < vb) or (vb < 0 < va):
            t = Fraction(va) / (Fraction(va) - Fraction(vb)) if exact else va / (va - vb)
            p, q = hull.vertices[a], hull.vertices[b]
            point = tuple(_simplify(x + t * (y - x)) if exact else float(x + t * (y - x)) for x, y in zip(p, q))
            kept.append(point)
    return kept


# ----------------------------------------------------------------------------- float 2-D kernels

_RING = np.array([[math.cos(t), math.sin(t)] for t in np.arange(32) * math.pi / 16])
EMPTY2 = np.zeros((0, 2))
EMPTY2.flags.writeable = False


def binary_unit(points: np.ndarray) -> float:
    """1.0 for float coordinates whose squares stay normal, else the power of two near their largest size.

    Planar kernels square coordinate differences: beyond about :math:`2^{256}`
    (or below :math:`2^{-256}`) the squares of a spread overflow (or vanish),
    so such points are divided by this unit first, exactly.
    """
    big = float(np.abs(points).max()) if len(points) else 0.0
    if big == 0.0 or _SMALL <= big <= _BIG or not math.isfinite(big):
        return 1.0
    return math.ldexp(1.0, math.frexp(big)[1] - 1)


_BIG, _SMALL = 2.0 ** 256, 2.0 ** -256


def hull2(points: np.ndarray, rel_tol: float = 1e-11) -> np.ndarray:
    """Counterclockwise hull vertices of planar float points (0, 1, 2 or more rows).

    Andrew's monotone chain with exact float turns, then a clean-up that drops
    any vertex within ``rel_tol`` (relative to the spread) of the segment
    joining its neighbours, so nearly collinear or repeated points collapse and
    a sliver of width zero comes back as a segment. Points far from size 1
    (whose squares would overflow or underflow) are divided by a power of two
    near their size first and multiplied back, which is exact, so the hull of
    ``s * points`` is ``s *`` the hull for any power of two ``s``.
    r"""
    n = len(points)
    if n <= 1:
        return np.array(points, dtype=float).reshape(n, 2)
    unit = binary_unit(points)
    if unit != 1.0:
        return hull2(points / unit, rel_tol) * unit
    if n > 48:                                     # Akl-Toussaint: drop points inside an inscribed polygon
        heights = points @ _RING.T
        extreme = np.unique(heights.argmax(axis=0))   # in angular order already, up to repeats
        if len(extreme) >= 3:
            order = extreme[np.argsort(np.arctan2(*(points[extreme] - points[extreme].mean(axis=0)).T[::-1]))]
            ring = points[order]
            edge = np.empty_like(ring)
            edge[:-1], edge[-1] = ring[1:] - ring[:-1], ring[0] - ring[-1]
            cross = edge[:, 0] * (points[:, 1, None] - ring[:, 1]) - edge[:, 1] * (points[:, 0, None] - ring[:, 0])
            points = points[~(cross > 0).all(axis=1)]
    pts = sorted(map(tuple, points.tolist()))
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    span = max(xs[-1] - xs[0], max(ys) - min(ys))
    scale = max(span, max(map(abs, xs)), max(map(abs, ys)), 1e-300)
    if span <= rel_tol * scale:
        return np.array([pts[0]], dtype=float)

    def half(sequence):
        chain: list = []
        for p in sequence:
            while len(chain) >= 2:
                o, a = chain[-2], chain[-1]
                if (a[0] - o[0]) * (p[1] - o[1]) - (a[1] - o[1]) * (p[0] - o[0]) <= 0:
                    chain.pop()
                else:
                    break
            chain.append(p)
        return chain
    lower, upper = half(pts), half(reversed(pts))
    result = lower[:-1] + upper[:-1]
    if len(result) < 2:
        result = [pts[0], pts[-1]]
    return np.array(_clean2(result, rel_tol * span), dtype=float)


def _clean2(vertices: list, tol: float) -> list:
    """Drop vertices within ``tol`` of the segment joining their neighbours, one at a time."""
    tol2 = tol * tol
    while len(vertices) >= 3:
        worst, where = math.inf, -1
        count = len(vertices)
        for k in range(count):
            bx, by = vertices[k - 1]
            ax, ay = vertices[(k + 1) % count]
            px, py = vertices[k]
            cx, cy = ax - bx, ay - by
            length = cx * cx + cy * cy
            t = ((px - bx) * cx + (py - by) * cy) / length if length > 0 else 0.0
            t = 0.0 if t < 0 else 1.0 if t > 1 else t
            dx, dy = px - bx - t * cx, py - by - t * cy
            distance = dx * dx + dy * dy
            if distance < worst:
                worst, where = distance, k
        if worst > tol2:
            return vertices
        del vertices[where]
    if len(vertices) == 2 and (vertices[1][0] - vertices[0][0]) ** 2 + (vertices[1][1] - vertices[0][1]) ** 2 <= tol2:
        return vertices[:1]
    return vertices


def edges2(vertices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start points and edge vectors of a counterclockwise polygon (a segment counts both ways)."""
    following = np.empty_like(vertices)
    following[:-1] = vertices[1:]
    following[-1:] = vertices[:1]
    return vertices, following - vertices


def distinct2(vertices: np.ndarray) -> np.ndarray:
    """A float polygon's vertices without repeats of the next one (such as 0.0 and -0.0 below the rounding)."""
    vertices = np.asarray(vertices, dtype=float).reshape(-1, 2)
    if len(vertices) > 1:
        repeated = (vertices == np.roll(vertices, -1, axis=0)).all(axis=1)
        if repeated.any():
            return vertices[~repeated] if not repeated.all() else vertices[:1]
    return vertices


def halfspaces2(vertices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unit outward normals and offsets of a float polygon, segment or point (``N x <= c``)."""
    vertices = distinct2(vertices)
    unit = binary_unit(vertices)
    if unit != 1.0:             # an edge of 1e-315 or 1e300: its length in units of a power of two, exactly
        normals, offsets = halfspaces2(vertices / unit)
        return normals, offsets * unit
    n = len(vertices)
    if n == 0:
        return np.array([[0.0, 0.0]]), np.array([-1.0])
    if n == 1:
        p = vertices[0]
        return np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]]), np.array([p[0], p[1], -p[0], -p[1]])
    if n == 2:
        p, q = vertices
        length = np.hypot(*(q - p))                  # no underflow: a 1e-176 segment keeps its length
        if length == 0:
            return halfspaces2(vertices[:1])
        d = (q - p) / length
        normal = np.array([d[1], -d[0]])
        normals = np.array([normal, -normal, d, -d])
        return normals, np.array([normal @ p, -normal @ p, d @ q, -d @ p])
    start, edge = edges2(vertices)
    normals = np.column_stack([edge[:, 1], -edge[:, 0]])
    normals /= np.hypot(normals[:, 0], normals[:, 1])[:, None]
    return normals, (normals * start).sum(axis=1)


def distance2(points: np.ndarray, vertices: np.ndarray, inside_tol: float = 0.0) -> np.ndarray:
    """Euclidean distance from each point to a float polygon (zero inside); inf if it is empty."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(vertices) == 0:
        return np.full(len(points), math.inf)
    unit = binary_unit(np.concatenate([points, np.asarray(vertices, dtype=float).reshape(-1, 2)]))
    if unit != 1.0:              # squares of 1e300 overflow: measure in units of a power of two, exactly
        return unit * distance2(points / unit, np.asarray(vertices, dtype=float) / unit, inside_tol / unit)
    if len(vertices) == 1:
        return np.sqrt(((points - vertices[0]) ** 2).sum(axis=1))
    start, edge = edges2(vertices)
    length = (edge ** 2).sum(axis=1)
    length[length == 0] = 1.0
    rx = points[:, 0, None] - start[None, :, 0]
    ry = points[:, 1, None] - start[None, :, 1]
    t = np.clip((rx * edge[:, 0] + ry * edge[:, 1]) / length, 0.0, 1.0)
    dx, dy = rx - t * edge[:, 0], ry - t * edge[:, 1]
    nearest = np.sqrt((dx * dx + dy * dy).min(axis=1))
    if len(vertices) >= 3:
        side = (edge[:, 0] * ry - edge[:, 1] * rx) / np.sqrt(length)
        nearest[(side >= -inside_tol).all(axis=1)] = 0.0
    return nearest


def excess2(first: np.ndarray, second: np.ndarray) -> float:
    r"""One-sided Hausdorff distance :math:`\max_{p \in first} d(p, second)` for convex float polygons."""
    if len(first) == 0:
        return 0.0
    if len(second) == 0:
        return math.inf
    return float(distance2(first, second).max())


def contains2(vertices: np.ndarray, points: np.ndarray, tol: float) -> np.ndarray:
    """Whether each point lies within ``tol`` of the float polygon."""
    return distance2(points, vertices, inside_tol=tol) <= tol


def hausdorff2(first: np.ndarray, second: np.ndarray) -> float:
    """Hausdorff distance between two convex float polygons (attained at vertices)."""
    if len(first) == 0 and len(second) == 0:
        return 0.0
    return max(excess2(first, second), excess2(second, first))


def area2(vertices: np.ndarray) -> float:
    """Area of a counterclockwise float polygon (zero for a segment or a point)."""
    if len(vertices) < 3:
        return 0.0
    x, y = vertices[:, 0], vertices[:, 1]
    return float(0.5 * (x @ np.roll(y, -1) - y @ np.roll(x, -1)))


def affine_dimension2(vertices: np.ndarray) -> int:
    """-1 (empty), 0 (point), 1 (segment) or 2 (polygon) for hull2 output."""
    return min(len(vertices), 3) - 1


def clip_box2(vertices: np.ndarray, floor: np.ndarray) -> np.ndarray:
    """The float polygon cut to ``x >= floor`` (both coordinates), as a hull."""
    result = vertices
    for k in range(2):
        if len(result) == 0:
            return EMPTY2
        value = result[:, k] - floor[k]
        if (value >= 0).all():
            continue
        start, edge = edges2(result)
        after = np.roll(value, -1)
        cross = (value < 0) != (after < 0)
        cross &= value != after
        t = np.where(cross, value / np.where(cross, value - after, 1.0), 0.0)[cross, None]
        # from the nearer end, so that a vertex on the floor (t = 0 or 1) is kept exactly: a stage
        # Nash payoff is often a corner of the box, and one ulp below it would empty the polygon
        end = np.roll(result, -1, axis=0)[cross]
        crossing = np.where(t <= 0.5, start[cross] + t * edge[cross], end - (1 - t) * edge[cross])
        crossing[:, k] = floor[k]
        result = hull2(np.vstack([result[value >= 0], crossing])) if len(crossing) or (value >= 0).any() \
            else EMPTY2
    return result
