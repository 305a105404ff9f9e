r"""One equilibrium of a two-player extensive game by Lemke's algorithm on the sequence-form LCP.

Koller, Megiddo and von Stengel (1996, §4): after shifting every payoff by a
constant so that all terminal payoffs are negative (which changes no
equilibrium), an equilibrium in realisation plans solves the linear
complementarity problem

.. math::

    w = q + M z \ge 0,\quad z \ge 0,\quad z^\top w = 0,\qquad
    M = \begin{pmatrix} 0 & -A & -E^\top & 0 \\ -B^\top & 0 & 0 & -F^\top \\
        E & 0 & 0 & 0 \\ 0 & F & 0 & 0 \end{pmatrix},\quad
    q = \begin{pmatrix} 0 \\ 0 \\ -e \\ -f \end{pmatrix},

with :math:`z = (x, y, u, v)`: each player's plan minimises the (positive)
cost :math:`-Ay` subject to :math:`Ex \ge e`, whose dual has the multipliers
:math:`u \ge 0`. Lemke's algorithm follows the path from the artificial
variable :math:`z_0` (covering vector of ones) with the lexicographic
ratio test, which rules out cycling. It pivots in exact arithmetic for float
games too (a float is an exact binary fraction), so the path never goes astray
by rounding; the cost grows with the cube of the sequence-form size.
The behaviour strategies read from the end point are then certified by the
best-deviation gains; if the path ends in a ray, or the certificate fails,
the function says so rather than return a non-equilibrium.

References
----------
C. E. Lemke, "Bimatrix equilibrium points and mathematical programming",
*Management Science* 11 (1965) 681–689.
D. Koller, N. Megiddo and B. von Stengel, *Games and Economic Behavior* 14 (1996) 247–259.
"""

from __future__ import annotations

from fractions import Fraction


import numpy as np

from .. import _numbers
from .._numbers import FLOAT
from .forms import SequenceForm

__all__ = ["lemke_plans"]


def _matrix(form: SequenceForm) -> tuple[np.ndarray, np.ndarray, bool]:
    game = form.game
    is_float = False        # floats are exact binary fractions: pivot exactly, convert at the end
    reach = np.zeros(form.A.shape, dtype=float if is_float else object)
    if not is_float:
        reach[...] = 0
    for leaf in game.terminals:
        s, t = game._last[leaf]
        reach[s, t] = reach[s, t] + Fraction(game._reach[leaf])
    exact = np.vectorize(Fraction, otypes=[object])
    reach = exact(reach)
    payoffs = [Fraction(u) for leaf in game.terminals for u in game.nodes[leaf].payoffs]
    shift = max(payoffs) + 1
    A = exact(form.A) - shift * reach
    B = exact(form.B) - shift * reach
    E, F, e, f = (exact(m) for m in (form.E, form.F, form.e, form.f))
    n1, n2, k1, k2 = A.shape[0], A.shape[1], E.shape[0], F.shape[0]
    size = n1 + n2 + k1 + k2
    zero = 0.0 if is_float else Fraction(0)
    M = np.full((size, size), zero, dtype=float if is_float else object)
    M[:n1, n1:n1 + n2] = -A
    M[:n1, n1 + n2:n1 + n2 + k1] = -E.T
    M[n1:n1 + n2, :n1] = -B.T
    M[n1:n1 + n2, n1 + n2 + k1:] = -F.T
    M[n1 + n2:n1 + n2 + k1, :n1] = E
    M[n1 + n2 + k1:, n1:n1 + n2] = F
    q = np.full(size, zero, dtype=float if is_float else object)
    q[n1 + n2:n1 + n2 + k1] = -e
    q[n1 + n2 + k1:] = -f
    if not is_float:
        M = np.vectorize(Fraction, otypes=[object])(M)
        q = np.vectorize(Fraction, otypes=[object])(q)
    return M, q, is_float


def lemke_plans(form: SequenceForm, *, max_pivots: int = 100_000) -> tuple[list, list] | None:
    """The plans ``(x, y)`` at the end of Lemke's path (possibly scaled above a realisation plan), or
    None if the path ends in a ray or takes more than ``max_pivots`` pivots."""
    M, q, is_float = _matrix(form)
    size = len(q)
    # tableau rows: w_i - sum_j M_ij z_j - z0 = q_i; columns: w (size), z (size), z0, rhs
    width = 2 * size + 2
    T = np.zeros((size, width), dtype=float if is_float else object)
    if not is_float:
        T[...] = Fraction(0)
    T[:, :size] = np.eye(size) if is_float else np.vectorize(Fraction, otypes=[object])(np.eye(size, dtype=int))
    T[:, size:2 * size] = -M
    T[:, 2 * size] = -1.0 if is_float else Fraction(-1)
    T[:, -1] = q
    basis = list(range(size))                       # basic variable of each row (0..size-1: w, then z, 2 size: z0)
    tol = 1e-12 if is_float else 0

    def pivot(row: int, col: int) -> None:
        T[row] = T[row] / T[row, col]
        for i in range(size):
            if i != row and T[i, col] != 0:
                T[i] = T[i] - T[i, col] * T[row]
        basis[row] = col

    first = min(range(size), key=lambda i: (q[i], i))
    if q[first] >= 0:                               # z = 0 solves it (cannot happen: e has a one)
        return None
    pivot(first, 2 * size)                          # z0 enters, w_first leaves
    entering = size + first                         # the complement of w_first
    for _ in range(max_pivots):
        column = T[:, entering]
        rows = [i for i in range(size) if column[i] > tol]
        if not rows:
            return None                             # ray termination
        leaving = min(rows, key=lambda i: tuple([T[i, -1] / column[i]] + [T[i, j] / column[i] for j in range(size)]))
        left = basis[leaving]
        pivot(leaving, entering)
        if left == 2 * size:                        # z0 left: complementary solution
            break
        entering = left + size if left < size else left - size
    else:
        return None
    z = [0.0 if is_float else 0] * size
    for row, var in enumerate(basis):
        if size <= var < 2 * size:
            z[var - size] = T[row, -1] if is_float else _numbers.simplify_exact(T[row, -1])
    n1, n2 = form.A.shape
    if form.game.kind == FLOAT:
        z = [float(v) for v in z]
    return z[:n1], z[n1:n1 + n2]



