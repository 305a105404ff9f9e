r"""A small dense simplex for the support programs of one profile, all directions in one call.

For a polygon (or, in space, a polytope) :math:`W` with vertices :math:`V_1, \dots, V_m`, a profile
:math:`a` with relevant signals :math:`y = 1, \dots, s` (probabilities
:math:`p_y`) and :math:`k` incentive rows (player :math:`i_r`, coefficients
:math:`C_{ry} = \delta (p(y \mid b_r) - p(y \mid a))`, bound
:math:`d_r = (1 - \delta)(u_{i_r}(a) - u_{i_r}(b_r))`), each continuation is
a lottery over the vertices, :math:`w(y) = \sum_j \lambda_{yj} V_j`, and the
support of the payoffs :math:`a` generates in direction :math:`h` is

.. math::
    (1 - \delta) h \cdot u(a) + \max_{\lambda \ge 0} \sum_{y, j} \lambda_{yj}\, \delta p_y\, h \cdot V_j
    \quad\text{s.t.}\quad \sum_j \lambda_{yj} = 1 \;\; \forall y, \qquad
    \sum_{y, j} \lambda_{yj} C_{ry} V_{j, i_r} \le d_r \;\; \forall r.

The program has :math:`s + k` rows and :math:`s m` columns, and its feasible
set does not depend on :math:`h`: phase 1 runs once, and each direction starts
from the optimal basis of the previous one (the directions come sorted by
angle, so a few pivots suffice). The tableau is recomputed from the original
matrix and the basis after every direction, so rounding does not accumulate.

:func:`supports` calls the numba-compiled kernel when numba is importable
(and ``CYBERGAMES_NO_NUMBA`` is unset) and the same code as Python otherwise;
the tests compare both with scipy's HiGHS.

References
----------
Dantzig, Orden & Wolfe (1955), "The generalized simplex method for minimizing
a linear form under linear inequality restraints", *Pacific J. Math.* 5(2);
Bland (1977), "New finite pivoting rules for the simplex method",
*Math. Oper. Res.* 2(2) (the anti-cycling rule used after many degenerate pivots).
"""

from __future__ import annotations

import numpy as np

from ..._compiled import compile_kernel

_PIVOT = 1e-9        # smallest pivot element
_REDUCED = 1e-11     # a reduced cost must exceed this to enter
_FEASIBLE = 1e-9     # phase 1 residual accepted as feasible
_MAX_PIVOTS = 500    # per phase and direction (far above what these programs need)


def _support_loops(V, prob, C, players, d, H):
    r"""The kernel: ``(status, values, expected)`` for every direction (rows of ``H``).

    A revised simplex with an explicit basis inverse. Columns: the weights
    :math:`\lambda_{yj}` (index :math:`y m + j`), one slack per incentive row,
    one artificial per row (phase 1 only). The structural columns are priced
    signal by signal: with duals :math:`\pi`, the reduced cost of
    :math:`\lambda_{yj}` is :math:`g_y \cdot V_j - \pi_y` with
    :math:`g_y = p_y h - \sum_r \pi_{s + r} C_{ry} e_{i_r}`. ``status`` is 0
    (solved), 2 (infeasible: the profile is not enforceable on ``W``) or 1
    (the pivoting failed, or a basis was singular to machine precision); ``values[l]`` is the maximum of
    :math:`\sum_y p_y h_l \cdot w(y)`, ``expected[l]`` the maximiser's
    :math:`\sum_y p_y w(y)`.
    """
    m, s, k, dim = V.shape[0], prob.shape[0], d.shape[0], V.shape[1]
    rows = s + k
    n_struct = s * m
    first_art = n_struct + k
    b = np.zeros(rows)
    b[:s] = 1.0
    b[s:] = d
    sign = np.ones(rows)
    for i in range(rows):
        if b[i] < 0.0:
            sign[i] = -1.0

    def column(j):
        a = np.zeros(rows)
        if j < n_struct:
            y, v = j // m, j % m
            a[y] = 1.0
            for r in range(k):
                a[s + r] = C[r, y] * V[v, players[r]]
        elif j < first_art:
            a[s + j - n_struct] = 1.0
        else:
            a[j - first_art] = sign[j - first_art]
        return a

    def refactor(basis):
        B = np.zeros((rows, rows))
        for i in range(rows):
            B[:, i] = column(basis[i])
        Binv = np.empty((rows, rows))
        try:
            Binv[:, :] = np.linalg.inv(B)
        except Exception:                        # noqa: BLE001 - a basis singular to machine precision
            return False, Binv, b
        x = Binv @ b
        for i in range(rows):
            if x[i] < 0.0:
                x[i] = 0.0
        return True, Binv, x

    def optimise(basis, Binv, x, h, phase1):
        # maximise p_y h . V_j over the structural columns (phase 2) or minus the artificials (phase 1)
        degenerate = 0
        g = np.zeros(dim)
        for _ in range(_MAX_PIVOTS):
            cb = np.zeros(rows)
            for i in range(rows):
                j = basis[i]
                if phase1:
                    cb[i] = -1.0 if j >= first_art else 0.0
                elif j < n_struct:
                    y, v = j // m, j % m
                    dot = 0.0
                    for e in range(dim):
                        dot += h[e] * V[v, e]
                    cb[i] = prob[y] * dot
            pi = cb @ Binv
            best, enter = _REDUCED, -1
            bland = degenerate > 50
            for y in range(s):
                for e in range(dim):
                    g[e] = 0.0 if phase1 else prob[y] * h[e]
                for r in range(k):
                    g[players[r]] -= pi[s + r] * C[r, y]
                for v in range(m):
                    reduced = 0.0
                    for e in range(dim):
                        reduced += g[e] * V[v, e]
                    reduced -= pi[y]
                    if reduced > best:
                        best, enter = reduced, y * m + v
                        if bland:
                            break
                if bland and enter >= 0:
                    break
            if enter < 0 or not bland:
                for r in range(k):
                    reduced = -pi[s + r]
                    if reduced > best:
                        best, enter = reduced, n_struct + r
                        if bland:
                            break
            if phase1 and (enter < 0 or not bland):
                for i in range(rows):
                    reduced = -1.0 - pi[i] * sign[i]
                    if reduced > best:
                        best, enter = reduced, first_art + i
            if enter < 0:
                return 0
            direction = Binv @ column(enter)
            leave, ratio = -1, np.inf
            for i in range(rows):
                if direction[i] > _PIVOT:
                    q = x[i] / direction[i]
                    if q < ratio - 1e-15 or (q <= ratio + 1e-15 and leave >= 0 and basis[i] < basis[leave]):
                        leave, ratio = i, q
            if leave < 0:
                return 1                         # unbounded: cannot happen (the lotteries are bounded)
            degenerate = degenerate + 1 if ratio <= 1e-14 else 0
            pivot = direction[leave]
            Binv[leave] /= pivot
            x[leave] /= pivot
            for i in range(rows):
                if i != leave and direction[i] != 0.0:
                    Binv[i] -= direction[i] * Binv[leave]
                    x[i] -= direction[i] * x[leave]
                    if x[i] < 0.0 and x[i] > -1e-13:
                        x[i] = 0.0
            basis[leave] = enter
        return 1

    count = H.shape[0]
    values = np.full(count, -np.inf)
    expected = np.zeros((count, dim))
    basis = np.empty(rows, dtype=np.int64)
    for i in range(rows):
        basis[i] = first_art + i
    for r in range(k):                           # a slack with a non-negative bound starts basic
        if d[r] >= 0.0:
            basis[s + r] = n_struct + r
    ok, Binv, x = refactor(basis)
    if not ok or optimise(basis, Binv, x, H[0], True) != 0:
        return 1, values, expected
    residual = 0.0
    for i in range(rows):
        if basis[i] >= first_art:
            residual += x[i]
    if residual > _FEASIBLE:
        return 2, values, expected
    for i in range(rows):                        # drive artificials at zero out of the basis
        if basis[i] >= first_art:
            best, enter = _PIVOT, -1
            row = Binv[i].copy()
            for j in range(first_art):
                entry = abs(row @ column(j))
                if entry > best:
                    best, enter = entry, j
            if enter >= 0:
                basis[i] = enter
                ok, Binv, x = refactor(basis)
                if not ok:
                    return 1, values, expected
    for l in range(count):
        ok, Binv, x = refactor(basis)
        if not ok or optimise(basis, Binv, x, H[l], False) != 0:
            return 1, values, expected
        for i in range(rows):
            j = basis[i]
            if j < n_struct:
                y, v = j // m, j % m
                weight = prob[y] * x[i]
                for e in range(dim):
                    expected[l, e] += weight * V[v, e]
        value = 0.0
        for e in range(dim):
            value += H[l, e] * expected[l, e]
        values[l] = value
    return 0, values, expected


_KERNEL: dict = {}


def _kernel():
    if "support" not in _KERNEL:
        _KERNEL["support"] = compile_kernel(_support_loops)
    return _KERNEL["support"]


def compiled() -> bool:
    """Whether the numba kernel is available (numba importable, ``CYBERGAMES_NO_NUMBA`` unset)."""
    return _kernel() is not None


def supports(V: np.ndarray, prob: np.ndarray, C: np.ndarray, players: np.ndarray, d: np.ndarray,
             H: np.ndarray, compiled: bool = True) -> tuple[int, np.ndarray, np.ndarray]:
    r"""Status, :math:`\max \sum_y p_y h \cdot w(y)` and its maximiser's :math:`\sum_y p_y w(y)` per direction.

    Parameters
    ----------
    V : numpy.ndarray
        (m, n) vertices of the continuation polytope, in any dimension n (any order; a lower-dimensional
        set is fine).
    prob : numpy.ndarray
        (s,) signal probabilities under the profile.
    C, players, d : numpy.ndarray
        (k, s) incentive coefficients, (k,) the player of each row, (k,) bounds.
    H : numpy.ndarray
        (L, n) directions, best sorted by angle in the plane (each starts from the last basis).
    compiled : bool
        Use the numba kernel when available (False: the same code in Python).

    Returns
    -------
    tuple
        ``status`` (0 solved, 1 failed, 2 infeasible), ``values`` (L,), ``expected`` (L, n).

    Examples
    --------
    >>> import numpy as np
    >>> square = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    >>> status, values, expected = supports(square, np.array([0.5, 0.5]), np.zeros((0, 2)),
    ...                                     np.zeros(0, dtype=np.int64), np.zeros(0), np.array([[1.0, 1.0]]))
    >>> status, values.tolist(), expected.tolist()
    (0, [2.0], [[1.0, 1.0]])
    """
    args = (np.ascontiguousarray(V, dtype=float), np.ascontiguousarray(prob, dtype=float),
            np.ascontiguousarray(C, dtype=float).reshape(len(d), len(prob)),
            np.ascontiguousarray(players, dtype=np.int64), np.ascontiguousarray(d, dtype=float),
            np.ascontiguousarray(H, dtype=float))
    kernel = _kernel() if compiled else None
    status, values, expected = (kernel or _support_loops)(*args)
    return int(status), values, expected
