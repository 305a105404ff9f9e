r"""General linear programmes, solved in float64 and, for exact data, certified by an exact optimal basis.

The programme is

.. math::

    \max_x\; c^\top x \quad\text{s.t.}\quad A_{ub} x \le b_{ub},\; A_{eq} x = b_{eq},\; x \ge 0,

with dual :math:`\min b_{ub}^\top y + b_{eq}^\top z` s.t. :math:`A_{ub}^\top y +
A_{eq}^\top z \ge c`, :math:`y \ge 0`. A primal-feasible :math:`x` and a
dual-feasible :math:`(y, z)` with equal objectives are both optimal (weak
duality): that pair is the certificate every answer carries.

Float data go to HiGHS (:func:`scipy.optimize.linprog`). Exact data are solved
in float first; the float optimum then names a basis (the columns, slacks
included, that are positive, completed by those of smallest reduced cost),
which is re-solved in exact rational arithmetic (sparse LU over
:math:`\mathbb{Q}`): when the exact basic solution is primal feasible and its
reduced costs have the optimal sign, the basis is optimal, exactly. If the
float basis is wrong (a degenerate or badly scaled programme), an exact
two-phase simplex with Bland's rule (Dantzig 1963; Bland 1977, which cannot
cycle) solves the programme from scratch. This is the exact counterpart, for
any programme, of the support re-solve that :mod:`._lp` does for matrix games.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import numpy as np
from sympy import QQ
from sympy.polys.matrices import DomainMatrix

from .. import _numbers
from ..errors import SolverError


@dataclass(frozen=True)
class Solution:
    """An optimal primal-dual pair: ``x`` (primal), ``y_ub >= 0`` and ``y_eq`` (duals), the value."""

    x: tuple
    y_ub: tuple
    y_eq: tuple
    value: Any


def _rows(matrix: Any, width: int) -> list[list]:
    if matrix is None:
        return []
    rows = [list(row) for row in matrix]
    for row in rows:
        if len(row) != width:  # pragma: no cover - internal callers build the rows
            raise ValueError("internal error: a constraint row has the wrong width")
    return rows


def maximise(c: Sequence, A_ub: Any = None, b_ub: Sequence = (), A_eq: Any = None, b_eq: Sequence = (), *,
             exact: bool) -> Solution | None:
    """An optimal solution with its dual, or None if the programme is infeasible.

    The programmes posed by the library are bounded; an unbounded one is an
    internal error (``ArithmeticError``).
    """
    n = len(c)
    ub, eq = _rows(A_ub, n), _rows(A_eq, n)
    guess = _float_solve(c, ub, list(b_ub), eq, list(b_eq))
    if not exact:
        return guess if guess is None or isinstance(guess, Solution) else None
    data = ([Fraction(v) for v in c], [[Fraction(v) for v in r] for r in ub], [Fraction(v) for v in b_ub],
            [[Fraction(v) for v in r] for r in eq], [Fraction(v) for v in b_eq])
    if isinstance(guess, Solution):
        certified = _from_basis(*data, guess)
        if certified is not None:
            return certified
    return _simplex(*data)


def _float_solve(c, ub, b_ub, eq, b_eq) -> Solution | str | None:
    import scipy.optimize                   # here, not at import: scipy costs most of a second to load
    n = len(c)
    try:
        result = scipy.optimize.linprog(-np.array(c, dtype=float),
                                        A_ub=np.array(ub, dtype=float).reshape(-1, n) if ub else None,
                                        b_ub=np.array(b_ub, dtype=float) if ub else None,
                                        A_eq=np.array(eq, dtype=float).reshape(-1, n) if eq else None,
                                        b_eq=np.array(b_eq, dtype=float) if eq else None,
                                        bounds=[(0, None)] * n, method="highs")
    except ValueError:  # pragma: no cover - defensive: scipy refusing the data
        return "failed"
    if result.status == 2:
        return None
    if result.status != 0:
        return "failed"
    y_ub = -np.asarray(result.ineqlin.marginals) if ub else np.zeros(0)
    y_eq = -np.asarray(result.eqlin.marginals) if eq else np.zeros(0)
    return Solution(tuple(float(v) for v in np.maximum(result.x, 0.0)), tuple(float(v) for v in y_ub),
                    tuple(float(v) for v in y_eq), float(-result.fun))


def _dm(rows: list[list[Fraction]], shape: tuple[int, int]) -> DomainMatrix:
    data = {}
    for i, row in enumerate(rows):
        entries = {j: QQ(v.numerator, v.denominator) for j, v in enumerate(row) if v}
        if entries:
            data[i] = entries
    return DomainMatrix(data, shape, QQ)


def _fraction(value: Any) -> Fraction:
    return Fraction(int(value.numerator), int(value.denominator))


def _fractions(matrix: DomainMatrix) -> list[Fraction]:
    return [Fraction(int(v.numerator), int(v.denominator)) for v in matrix.to_list_flat()]


def _standard(c, ub, b_ub, eq, b_eq):
    """The equality form ``[A_ub I; A_eq 0] (x, s) = b`` with its cost ``(c, 0)``."""
    m_ub, n = len(ub), len(c)
    rows = [row + [Fraction(int(k == r)) for k in range(m_ub)] for r, row in enumerate(ub)]
    rows += [row + [Fraction(0)] * m_ub for row in eq]
    return rows, list(b_ub) + list(b_eq), list(c) + [Fraction(0)] * m_ub


def _from_basis(c, ub, b_ub, eq, b_eq, guess: Solution) -> Solution | None:
    """The exact basic solution of the basis the float optimum names, if it is optimal; else None."""
    n, m_ub = len(c), len(ub)
    rows, rhs, cost = _standard(c, ub, b_ub, eq, b_eq)
    m, width = len(rows), n + m_ub
    if m == 0:
        return None
    # the slack columns make the inequality rows independent; keep a maximal independent set of equality rows
    independent = list(range(m_ub))
    if eq:
        _, eq_pivots = _dm([list(r) for r in eq], (len(eq), n)).transpose().rref()
        if len(eq_pivots) < len(eq):
            extended = _dm([list(r) + [b] for r, b in zip(eq, b_eq)], (len(eq), n + 1))
            if extended.rank() != len(eq_pivots):
                return None
        independent += [m_ub + k for k in eq_pivots]
    rows = [rows[k] for k in independent]
    kept_rhs = [rhs[k] for k in independent]
    m = len(rows)
    primal = list(guess.x) + [float(b) - float(np.dot(np.array(r, dtype=float), guess.x))
                              for r, b in zip(ub, b_ub)]
    duals = list(guess.y_ub) + list(guess.y_eq)
    float_rows = np.array(_rows_float(_standard(c, ub, b_ub, eq, b_eq)[0]), dtype=float)
    reduced = np.array(cost, dtype=float) - float_rows.T @ np.array(duals, dtype=float)
    scale = max(1.0, max(abs(v) for v in primal))
    order = sorted(range(width), key=lambda j: (0, -primal[j]) if primal[j] > 1e-9 * scale else (1, abs(reduced[j])))
    # one sparse reduction of [M (columns in that order) | b] names the basis and solves for it
    reduced_form, pivots = _dm([[row[j] for j in order] + [b] for row, b in zip(rows, kept_rhs)],
                               (m, width + 1)).rref()
    if len(pivots) != m or pivots[-1] == width:  # pragma: no cover - the rows are independent and consistent
        return None
    basis = [order[p] for p in pivots]
    last = reduced_form.to_sdm()
    x_basic = [_fraction(last.get(k, {}).get(width, QQ(0))) for k in range(m)]
    if any(v < 0 for v in x_basic):
        return None
    transposed, y_pivots = _dm([[rows[r][j] for r in range(m)] + [cost[j]] for j in basis], (m, m + 1)).rref()
    if len(y_pivots) != m or y_pivots[-1] == m:  # pragma: no cover - the basis is nonsingular
        return None
    solved = transposed.to_sdm()
    y = [_fraction(solved.get(k, {}).get(m, QQ(0))) for k in range(m)]
    column_values = [sum(row[j] * y[r] for r, row in enumerate(rows) if row[j]) for j in range(width)]
    if any(cost[j] - column_values[j] > 0 for j in range(width)):
        return None
    return _assemble(c, ub, b_ub, eq, b_eq, basis, x_basic, rows, y, independent)


def _rows_float(rows):
    return [[float(v) for v in row] for row in rows]


def _assemble(c, ub, b_ub, eq, b_eq, basis, x_basic, rows, y, kept) -> Solution:
    """The certified :class:`Solution` from a basic solution and the duals of the kept rows."""
    n, m_ub, m_eq = len(c), len(ub), len(eq)
    values = [Fraction(0)] * (n + m_ub)
    for j, v in zip(basis, x_basic):
        values[j] = v
    full_y = [Fraction(0)] * (m_ub + m_eq)
    for k, r in enumerate(kept):
        full_y[r] = y[k]
    x = values[:n]
    solution = Solution(tuple(_numbers.simplify_exact(v) for v in x),
                        tuple(_numbers.simplify_exact(v) for v in full_y[:m_ub]),
                        tuple(_numbers.simplify_exact(v) for v in full_y[m_ub:]),
                        _numbers.simplify_exact(sum(ci * xi for ci, xi in zip(c, x))))
    if not certified(c, ub, b_ub, eq, b_eq, solution):  # pragma: no cover - basis algebra is exact
        raise SolverError("internal error: the exact basis does not certify its solution"
                          " (a bug: please report the game)")
    return solution


def certified(c, ub, b_ub, eq, b_eq, solution: Solution) -> bool:
    """Whether ``solution`` is exactly primal feasible, dual feasible and of equal objectives."""
    x, y, z = solution.x, solution.y_ub, solution.y_eq
    if any(v < 0 for v in x) or any(v < 0 for v in y):
        return False
    if any(sum(a * v for a, v in zip(row, x) if a) > b for row, b in zip(ub, b_ub)):
        return False
    if any(sum(a * v for a, v in zip(row, x) if a) != b for row, b in zip(eq, b_eq)):
        return False
    for j in range(len(c)):
        column = sum(row[j] * yr for row, yr in zip(ub, y) if row[j]) + \
            sum(row[j] * zr for row, zr in zip(eq, z) if row[j])
        if column < c[j]:
            return False
    primal = sum(ci * xi for ci, xi in zip(c, x))
    dual = sum(b * v for b, v in zip(b_ub, y)) + sum(b * v for b, v in zip(b_eq, z))
    return primal == dual == solution.value


def _simplex(c, ub, b_ub, eq, b_eq) -> Solution | None:
    """Two-phase tableau simplex in exact arithmetic with Bland's rule."""
    n, m_ub = len(c), len(ub)
    rows, rhs, cost = _standard(c, ub, b_ub, eq, b_eq)
    m, width = len(rows), n + m_ub
    if m == 0:  # pragma: no cover - the library never poses an unconstrained programme
        raise SolverError("internal error: an unconstrained programme (a bug: please report the game)")
    # phase one: artificial variables a >= 0 in every row (rows negated so that b >= 0)
    tableau = []
    for r, (row, b) in enumerate(zip(rows, rhs)):
        sign = -1 if b < 0 else 1
        tableau.append([sign * v for v in row] + [Fraction(int(k == r)) for k in range(m)] + [sign * b])
    basis = list(range(width, width + m))
    phase_one = [Fraction(0)] * width + [Fraction(-1)] * m
    _pivot_to_optimum(tableau, basis, phase_one, width + m)
    if sum(tableau[r][-1] for r, j in enumerate(basis) if j >= width) != 0:
        return None
    for r, j in enumerate(basis):              # drive the remaining (zero) artificials out of the basis
        if j >= width:
            entering = next((k for k in range(width) if tableau[r][k] != 0), None)
            if entering is not None:
                _pivot(tableau, basis, r, entering)
    keep = [r for r, j in enumerate(basis) if j < width]          # rows left with an artificial are redundant
    tableau = [tableau[r][:width] + [tableau[r][-1]] for r in keep]
    basis = [basis[r] for r in keep]
    _pivot_to_optimum(tableau, basis, cost, width)
    values = [Fraction(0)] * width
    for r, j in enumerate(basis):
        values[j] = tableau[r][-1]
    # duals: y = c_B B^{-1}, from the original rows restricted to the basis
    kept_rows = [rows[r] for r in keep]
    B = _dm([[row[j] for j in basis] for row in kept_rows], (len(basis), len(basis)))
    y = _fractions(B.transpose().lu_solve(_dm([[cost[j]] for j in basis], (len(basis), 1)))) if basis else []
    return _assemble(c, ub, b_ub, eq, b_eq, basis, [values[j] for j in basis], kept_rows, y, keep)


def _pivot(tableau: list[list[Fraction]], basis: list[int], r: int, k: int) -> None:
    inverse = 1 / tableau[r][k]
    tableau[r] = [v * inverse for v in tableau[r]]
    pivot_row = tableau[r]
    for s in range(len(tableau)):
        factor = tableau[s][k]
        if s != r and factor:
            tableau[s] = [a - factor * b for a, b in zip(tableau[s], pivot_row)]
    basis[r] = k


def _pivot_to_optimum(tableau: list[list[Fraction]], basis: list[int], cost: list[Fraction], width: int) -> None:
    """Maximise ``cost`` over the tableau's columns ``< width`` by Bland's rule (lowest index enters)."""
    while True:
        prices = [cost[j] - sum(cost[b] * tableau[r][j] for r, b in enumerate(basis) if tableau[r][j])
                  for j in range(width)]
        entering = next((j for j in range(width) if prices[j] > 0 and j not in basis), None)
        if entering is None:
            return
        ratios = [(tableau[r][-1] / tableau[r][entering], basis[r], r)
                  for r in range(len(tableau)) if tableau[r][entering] > 0]
        if not ratios:  # pragma: no cover - the library's programmes are bounded
            raise SolverError("internal error: an unbounded programme (a bug: please report the game)")
        _, _, leaving = min(ratios)
        _pivot(tableau, basis, leaving, entering)
