r"""Float vertex enumeration of a best-response polytope by breadth-first pivoting (compiled kernel).

The polytope is :math:`\{z \in \mathbb{R}^d : z \ge 0,\ M z \le 1\}` with a
positive ``k x d`` matrix :math:`M`. With the slacks :math:`s = 1 - M z`, a
vertex is a basis: ``k`` of the ``d + k`` variables :math:`(z, s)` are basic,
the ``d`` others are zero, and the zero ones are the vertex's *labels* (its
tight constraints; label ``r < d`` is :math:`z_r \ge 0`, label ``d + i`` is
row ``i`` of :math:`M`). The origin is the basis of the slacks. A vertex is
kept as its dictionary :math:`x_B = b - T x_N` (Chvátal 1983, *Linear
Programming*, ch. 2); letting a nonbasic variable grow until the first basic one
reaches zero (the ratio test) walks the edge to a neighbouring vertex, and one
pivot gives that vertex's dictionary. Starting from the origin and pivoting on
every nonbasic variable of every vertex found, breadth first, reaches every
vertex, the graph of a polytope being connected; the vertices are told apart by
the bitmasks of their labels, kept in a hash table (open addressing). Breadth
first keeps each dictionary a few pivots away from the origin's, so the rounding
of a long chain of pivots does not build up. This is the pivoting of the
reverse search of Avis & Fukuda (1992, *Discrete Comput. Geom.* 8, 295-313),
without its memory saving, which these small polytopes do not need.

A tie means the polytope may be degenerate: a basic variable whose normalised
value (its value divided by its value at the interior point of
:func:`._polytope.vertices`) is at most ``tol`` after a pivot. The kernel then
stops with a failure status and the caller's exact routes decide. The labels
returned are recomputed from the coordinates with the same normalised slack as
:func:`._polytope.vertices`, and the callers certify them in the same way
(:func:`._labels.closed_under_pivoting`), so the kernel is trusted no more than
qhull is: a vertex lost or mislabelled makes the certificate fail.

:func:`vertices` (one polytope) and :func:`game_actions` (both polytopes of a
game, the certificate and the matching, :func:`_game_loops`, in one call) use
kernels compiled by numba; without numba, or with the environment variable
``CYBERGAMES_NO_NUMBA`` set to a non-empty value, :func:`applies` is False and
the callers take qhull (:mod:`._polytope`) or the basis enumeration
(:mod:`._bases`). The loops also run, slowly, as plain Python, which the tests
compare with the compiled kernels, with qhull and with the exact vertices.
"""

from __future__ import annotations

import numpy as np

from .._compiled import compile_kernel
from . import _polytope
from ._labels import INT64_LABELS
from ._polytope import PolytopeError

#: Kernel statuses: solved; a pivot met a tie; a pivot found no bound; a vertex outside the polytope;
#: label sets not closed under pivoting; more vertices than the room given; a longer queue than that.
SOLVED, DEGENERATE, UNBOUNDED, OUTSIDE, UNCERTIFIED, FULL, QUEUE_FULL = 0, 1, 2, 3, 4, 5, 6


def _vertex_loops(matrix: np.ndarray, reference: np.ndarray, tol: float, capacity: int, pool: int):
    """Breadth-first pivoting over the vertices of ``{z >= 0 : matrix @ z <= 1}`` (plain loops).

    ``reference[v]`` is variable ``v``'s value at the interior point (``z``
    first, then the slacks); ``capacity`` the room for vertices (a power of
    two; the status is ``FULL`` when there are more, and the caller tries again
    with more room: growing arrays inside the kernel would double its
    compilation time). Returns ``(status, coordinates, masks)`` with ``V`` rows
    each, the masks being the labels of the bases (int64).

    The dictionaries of the vertices found but not yet expanded (the queue) live
    in a pool of ``pool`` slots (``QUEUE_FULL`` when the queue is longer; it
    can hold half the vertices), each returned to the pool once its vertex is expanded;
    a dictionary is stored by columns (``T[c]`` the coefficients of nonbasic
    ``c`` in every row), so that the ratio test and the pivot run along memory.
    """
    k, d = matrix.shape
    # every vertex found: its label mask and coordinates, in the order found (the queue's order)
    masks = np.zeros(capacity, dtype=np.int64)
    coordinates = np.zeros((capacity, d))
    holder = np.zeros(capacity, dtype=np.int64)          # the pool slot of each vertex's dictionary
    table_size = 2 * capacity                              # hash slots: at most half full
    shift = 64                                             # slots: the top 64 - shift bits of mask * _MULTIPLIER
    while (1 << (64 - shift)) < table_size:
        shift -= 1
    table = np.full(table_size, -1, dtype=np.int64)
    # the pool of dictionaries x_B = b - T x_N
    values = np.zeros((pool, k))
    columns = np.zeros((pool, d, k))
    basic = np.zeros((pool, k), dtype=np.int64)
    nonbasic = np.zeros((pool, d), dtype=np.int64)
    free = np.arange(pool - 1, -1, -1)                     # a stack of free slots
    free_count = pool
    # the origin: z nonbasic, the slacks basic, s = 1 - M z
    free_count -= 1
    home = free[free_count]
    origin = 0
    for j in range(d):
        nonbasic[home, j] = j
        origin |= np.int64(1) << np.int64(j)
        for i in range(k):
            columns[home, j, i] = matrix[i, j]
    for i in range(k):
        values[home, i] = 1.0
        basic[home, i] = d + i
    masks[0] = origin
    holder[0] = home
    table[(int(origin) * _MULTIPLIER >> shift) & (table_size - 1)] = 0
    count = 1
    head = 0
    fresh = np.zeros(k)
    while head < count:
        here = holder[head]
        for c in range(d):
            # ratio test: the first basic variable to reach zero as nonbasic c grows
            row = -1
            step = 0.0
            for i in range(k):
                entry = columns[here, c, i]
                if entry > 0.0:
                    ratio = values[here, i] / entry
                    if row < 0 or ratio < step:
                        row, step = i, ratio
            if row < 0:
                return UNBOUNDED, coordinates[:0].copy(), masks[:0].copy()
            entering, leaving = nonbasic[here, c], basic[here, row]
            mask = masks[head] ^ (np.int64(1) << np.int64(entering)) ^ (np.int64(1) << np.int64(leaving))
            slot = (int(mask) * _MULTIPLIER >> shift) & (table_size - 1)
            known = False
            while table[slot] >= 0:
                if masks[table[slot]] == mask:
                    known = True
                    break
                slot = (slot + 1) & (table_size - 1)
            if known:
                continue
            # the new vertex's basic values: every one must stay clear of zero, else a tie (every
            # vertex but the origin is checked so, once, when found; a tie met from a known vertex
            # leads to a vertex with a zero basic value, which was checked when found)
            for i in range(k):
                fresh[i] = values[here, i] - columns[here, c, i] * step
            fresh[row] = step
            for i in range(k):
                variable = entering if i == row else basic[here, i]
                if fresh[i] <= tol * reference[variable]:
                    return DEGENERATE, coordinates[:0].copy(), masks[:0].copy()
            if count == capacity:
                return FULL, coordinates[:0].copy(), masks[:0].copy()
            if free_count == 0:
                return QUEUE_FULL, coordinates[:0].copy(), masks[:0].copy()
            free_count -= 1
            there = free[free_count]
            table[slot] = count
            masks[count] = mask
            holder[count] = there
            # the pivot on (row, c): x_entering = (b_row - x_leaving - sum_{j != c} T_row,j x_j) / T_row,c
            pivot = columns[here, c, row]
            for i in range(k):
                values[there, i] = fresh[i]
                basic[there, i] = basic[here, i]
            basic[there, row] = entering
            for j in range(d):
                nonbasic[there, j] = nonbasic[here, j]
            nonbasic[there, c] = leaving
            for j in range(d):
                if j == c:
                    continue
                factor = columns[here, j, row] / pivot          # the new pivot row's entry in column j
                for i in range(k):
                    columns[there, j, i] = columns[here, j, i] - columns[here, c, i] * factor
                columns[there, j, row] = factor
            for i in range(k):
                columns[there, c, i] = -columns[here, c, i] / pivot
            columns[there, c, row] = 1.0 / pivot
            for i in range(k):
                if basic[there, i] < d:
                    coordinates[count, basic[there, i]] = fresh[i]
            count += 1
        free[free_count] = here                 # expanded: its dictionary is no longer needed
        free_count += 1
        head += 1
    return SOLVED, coordinates[:count].copy(), masks[:count].copy()


def _normalised_loops(matrix: np.ndarray, transpose: bool) -> np.ndarray:
    """:func:`._polytope.normalised` of ``matrix`` (transposed first if asked), the same float operations."""
    rows, cols = matrix.shape
    result = np.ones((cols, rows)) if transpose else np.ones((rows, cols))
    low, high = matrix[0, 0], matrix[0, 0]
    for i in range(rows):
        for j in range(cols):
            low = min(low, matrix[i, j])
            high = max(high, matrix[i, j])
    if high == low:
        return result
    span = high - low
    for i in range(rows):
        for j in range(cols):
            value = 1.0 + (matrix[i, j] - low) / span
            if transpose:
                result[j, i] = value
            else:
                result[i, j] = value
    return result


def _labelled_loops(matrix: np.ndarray, tol: float, sign_label: int, row_label: int, capacity: int, pool: int):
    """The vertices of ``{z >= 0 : matrix @ z <= 1}`` and their label masks, recomputed from the coordinates.

    Label ``sign_label + r`` is ``z_r >= 0`` and ``row_label + i`` row ``i``;
    a label is tight when its normalised slack (as in :func:`vertices`) is at
    most ``tol``; ``capacity``, ``pool`` as in :func:`_vertex_loops`. Returns ``(status, coordinates, masks)``.
    """
    k, d = matrix.shape
    reference = np.empty(d + k)
    top = 0.0
    for i in range(k):
        total = 0.0
        for j in range(d):
            total += matrix[i, j]
        reference[d + i] = total
        top = max(top, total)
    scale = 0.5 / top                            # the interior point of _polytope.vertices: z = scale
    for i in range(k):
        reference[d + i] = 1.0 - reference[d + i] * scale
    for j in range(d):
        reference[j] = scale
    status, coordinates, _ = _vertex_loops(matrix, reference, tol, capacity, pool)
    count = coordinates.shape[0]
    masks = np.zeros(count, dtype=np.int64)
    if status != SOLVED:
        return status, coordinates, masks
    for v in range(count):
        mask = 0
        for r in range(d):
            slack = coordinates[v, r] / scale
            if slack < -tol * 10:
                return OUTSIDE, coordinates, masks
            if slack <= tol:
                mask |= np.int64(1) << np.int64(sign_label + r)
        for i in range(k):
            level = 0.0
            for r in range(d):
                level += coordinates[v, r] * matrix[i, r]
            slack = (1.0 - level) / reference[d + i]
            if slack < -tol * 10:
                return OUTSIDE, coordinates, masks
            if slack <= tol:
                mask |= np.int64(1) << np.int64(row_label + i)
        masks[v] = mask
    return SOLVED, coordinates, masks


def _tally(keys: np.ndarray):
    """An open-addressing hash table of int64 ``keys``: ``(table, shift, tallies)``.

    ``table[slot]`` is the index of the first key hashed there (-1: empty) and
    ``tallies[slot]`` how many of the keys equal it; the slot of a key is found
    as in :func:`_vertex_loops` (:func:`_find`).
    """
    size, shift = 2, 63
    while size < 2 * keys.shape[0]:
        size *= 2
        shift -= 1
    table = np.full(size, -1, dtype=np.int64)
    tallies = np.zeros(size, dtype=np.int64)
    for v in range(keys.shape[0]):
        slot = _find(table, shift, keys, keys[v])
        if table[slot] < 0:
            table[slot] = v
        tallies[slot] += 1
    return table, shift, tallies


def _find(table: np.ndarray, shift: int, keys: np.ndarray, key) -> int:
    """The slot of ``key`` in a :func:`_tally` table of ``keys``: its own, or the empty one it would take."""
    size = table.shape[0]
    slot = (int(key) * _MULTIPLIER >> shift) & (size - 1)
    while table[slot] >= 0 and keys[table[slot]] != key:
        slot = (slot + 1) & (size - 1)
    return slot


def _closed_loops(masks: np.ndarray, dimension: int) -> bool:
    """:func:`._labels.closed_under_pivoting` of int64 label masks: distinct, ``dimension`` labels each,
    and every set "a vertex's labels less one" shared by exactly two vertices (counted in hash tables)."""
    count = masks.shape[0]
    if count == 0:
        return False
    keys = np.empty(count * dimension, dtype=np.int64)
    size = 0
    for v in range(count):
        rest = masks[v]
        while rest:
            if size == keys.shape[0]:           # more labels than the dimension
                return False
            low = rest & -rest
            rest ^= low
            keys[size] = masks[v] ^ low
            size += 1
        if size != (v + 1) * dimension:         # fewer
            return False
    _, _, tallies = _tally(masks)
    if tallies.max() > 1:                       # a vertex found twice
        return False
    table, _, tallies = _tally(keys)
    for slot in range(table.shape[0]):
        if table[slot] >= 0 and tallies[slot] != 2:
            return False
    return True


def _mixed_rows(coordinates: np.ndarray, masks: np.ndarray, chosen: np.ndarray, sign_label: int) -> np.ndarray:
    """The chosen vertices normalised to mixed actions, an unplayed (labelled) action exactly 0."""
    d = coordinates.shape[1]
    rows = np.zeros((chosen.shape[0], d))
    for t in range(chosen.shape[0]):
        v = chosen[t]
        total = 0.0
        for r in range(d):
            if not (masks[v] >> np.int64(sign_label + r)) & 1:
                rows[t, r] = max(coordinates[v, r], 0.0)
                total += rows[t, r]
        for r in range(d):
            rows[t, r] /= total
    return rows


def _game_loops(A: np.ndarray, B: np.ndarray, tol: float, capacity: int, pool: int):
    """The extreme equilibria of a nondegenerate float game: ``(status, X, Y)``, pair ``t`` being
    ``(X[t], Y[t])``, as :func:`.vertex_enumeration.float_enumeration` finds them (plain loops).

    Both best-response polytopes by pivoting, their labels recomputed from the
    coordinates, each label set certified closed under pivoting, and every
    vertex of P but the origin matched to the vertex of Q with the
    complementary labels (looked up in a hash table of Q's masks). ``capacity``,
    ``pool``: the room for each polytope's vertices and queue (as in :func:`_vertex_loops`).
    """
    m, n = A.shape
    empty = np.zeros((0, m)), np.zeros((0, n))
    # P = {x >= 0 : B^T x <= 1}: labels 0..m-1 the signs, m.. the columns; Q = {y >= 0 : A y <= 1}: labels
    # 0..m-1 the rows of A, m.. the signs
    status, points_p, masks_p = _labelled_loops(_normalised_loops(B, True), tol, 0, m, capacity, pool)
    if status != SOLVED:
        return status, empty[0], empty[1]
    status, points_q, masks_q = _labelled_loops(_normalised_loops(A, False), tol, m, 0, capacity, pool)
    if status != SOLVED:
        return status, empty[0], empty[1]
    if not (_closed_loops(masks_p, m) and _closed_loops(masks_q, n)):
        return UNCERTIFIED, empty[0], empty[1]
    full = (np.int64(1) << np.int64(m + n)) - 1
    origin = (np.int64(1) << np.int64(m)) - 1
    table, shift, _ = _tally(masks_q)
    found_p = np.zeros(masks_p.shape[0], dtype=np.int64)
    found_q = np.zeros(masks_p.shape[0], dtype=np.int64)
    pairs = 0
    for v in range(masks_p.shape[0]):
        if masks_p[v] == origin:
            continue
        at = table[_find(table, shift, masks_q, full ^ masks_p[v])]
        if at >= 0:
            found_p[pairs] = v
            found_q[pairs] = at
            pairs += 1
    return (SOLVED, _mixed_rows(points_p, masks_p, found_p[:pairs], 0),
            _mixed_rows(points_q, masks_q, found_q[:pairs], m))


#: An odd 63-bit multiplier for Fibonacci hashing (Knuth, *TAOCP* 3, sec. 6.4): a mask's slot is bits
#: ``shift .. 63`` of its product with it (the product wraps in 64 bits when compiled and is exact in
#: Python; the bits taken are the same).
_MULTIPLIER = 0x5851F42D4C957F2D


def _compile(function):
    """``function`` compiled with the plain functions it calls (:func:`cybergames._compiled.compile_kernel`)."""
    return compile_kernel(function, _CALLEES)


_CALLEES = (_vertex_loops, _normalised_loops, _labelled_loops, _tally, _find, _closed_loops, _mixed_rows)
_KERNELS: dict = {}


def kernel(name: str = "vertices"):
    """The compiled kernel ``"vertices"`` or ``"game"`` (compiled on first use), or None without numba."""
    if name not in _KERNELS:
        _KERNELS[name] = _compile(_vertex_loops if name == "vertices" else _game_loops)
    return _KERNELS[name]


def applies(k: int, d: int) -> bool:
    """Whether the kernel is available and the labels of a ``k x d`` polytope fit an int64 mask."""
    return d >= 2 and d + k <= INT64_LABELS and kernel() is not None


def game_actions(A: np.ndarray, B: np.ndarray, tol: float, loops=None) -> tuple[np.ndarray, np.ndarray]:
    """The extreme equilibria ``(X, Y)`` of a float game, pair ``t`` being ``(X[t], Y[t])`` (:func:`_game_loops`).

    The compiled kernel, or ``loops`` (such as the plain Python
    :func:`_game_loops`). Call only when :func:`applies` to both polytopes.

    Raises
    ------
    PolytopeError
        If a pivot meets a tie, a vertex is outside its polytope, or the label
        sets fail the certificate: the game may be degenerate.
    """
    A, B = np.ascontiguousarray(A, dtype=np.float64), np.ascontiguousarray(B, dtype=np.float64)
    status, X, Y = _with_room((loops or kernel("game")), (A, B, float(tol)), ("game", A.shape))
    if status != SOLVED:
        raise PolytopeError(_FAILURES[status])
    return X, Y


#: The room that sufficed last, by kernel and shape: the next game of that shape starts there.
_ROOM: dict = {}


def _with_room(function, arguments: tuple, key: tuple):
    """``function(*arguments, capacity, pool)``, with 4 times the room that it reports full, until it fits."""
    capacity, pool = _ROOM.get(key, (64, 16))
    while True:
        result = function(*arguments, capacity, pool)
        if result[0] == FULL:
            capacity *= 4
        elif result[0] == QUEUE_FULL:
            pool *= 4
        else:
            _ROOM[key] = capacity, pool
            return result


_FAILURES = {DEGENERATE: "a pivot met a tie: the polytope may be degenerate",
             UNBOUNDED: "a pivot found no bound: numerical trouble",
             OUTSIDE: "a pivoted vertex is outside the polytope",
             UNCERTIFIED: "the float vertices are degenerate or incomplete"}


#: Tall polytopes (many more rows than dimensions, the small side of a lopsided game) go to qhull from
#: this dimension up: they have thousands of vertices, each dictionary ``k x d`` is large, and the
#: kernel's queue leaves the cache (measured, 2026-12: d = 5, k = 57: 164 vertices, kernel 0.23 ms and
#: qhull 0.36 ms; d = 6, k = 56: 735, 1.5 ms and 1.8 ms; d = 8, k = 54: 2832, 24 ms and 6 ms).
TALL_DIMENSION = 7


def float_vertices(matrix: np.ndarray, tol: float, *, load: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """:func:`vertices` when the kernel applies and pays, else qhull's :func:`._polytope.vertices` (same contract).

    ``load=False`` uses the kernel only if this process has loaded it already:
    loading it (importing numba and reading its cache) costs about a second
    of CPU per process, against a few hundred microseconds saved per game, so
    the exact routes, which a process of exact games alone (the report) takes,
    do not load it.
    """
    k, d = matrix.shape
    if (load or _KERNELS.get("vertices") is not None) and applies(k, d) and (d < TALL_DIMENSION or k <= 2 * d):
        return vertices(matrix, tol)
    return _polytope.vertices(matrix, tol)


def vertices(matrix: np.ndarray, tol: float, loops=None) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of ``{z >= 0 : matrix @ z <= 1}`` and their tight constraints, by pivoting.

    The contract of :func:`._polytope.vertices` (``matrix`` positive, ``(k, d)``;
    ``tight`` has the sign constraints first, then the rows), for polytopes
    whose pivoting meets no tie: one row per vertex, found by the compiled
    kernel (``loops``: another implementation of :func:`_vertex_loops`, such as
    the plain Python one). Call only when :func:`applies` (or with ``loops``).

    Raises
    ------
    PolytopeError
        If a pivot meets a tie (the polytope may be degenerate) or a vertex's
        recomputed slack is below ``-10 tol`` (numerical trouble).
    """
    k, d = matrix.shape
    matrix = np.ascontiguousarray(matrix, dtype=np.float64)
    sums = matrix.sum(axis=1)
    scale = 0.5 / sums.max()                    # the interior point of _polytope.vertices: z = scale
    reference = np.empty(d + k)
    reference[:d] = scale
    reference[d:] = 1.0 - sums * scale
    status, coordinates, _ = _with_room((loops or kernel()), (matrix, reference, float(tol)), ("vertices", (k, d)))
    if status != SOLVED:
        raise PolytopeError(_FAILURES[status])
    slack = np.empty((coordinates.shape[0], d + k))
    np.divide(coordinates, scale, out=slack[:, :d])
    np.matmul(coordinates, matrix.T, out=slack[:, d:])
    np.subtract(1.0, slack[:, d:], out=slack[:, d:])
    slack[:, d:] /= reference[d:]
    if slack.min() < -tol * 10:
        raise PolytopeError("a pivoted vertex is outside the polytope")
    return coordinates, slack <= tol
