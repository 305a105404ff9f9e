r"""The matrix-game linear programme behind minmax and maxmin, float and exact.

For a payoff matrix :math:`M` (rows: the player's actions, columns: the
opponents' pure profiles) the player's security level is

.. math::

    v = \max_{x \in \Delta} \min_b (x^\top M)_b = \min_{\rho \in \Delta} \max_a (M \rho)_a,

the two sides being an LP and its dual (von Neumann's minimax theorem; Dantzig
1951). A pair :math:`(x, \rho)` of distributions is a **certificate**: weak
duality gives :math:`\min_b (x^\top M)_b \le v \le \max_a (M\rho)_a`, so when
the two ends are equal both are optimal and equal to :math:`v`.

Float matrices are solved by HiGHS through :func:`scipy.optimize.linprog`,
which returns :math:`x` and, as the constraint marginals, :math:`\rho`. Exact
matrices are solved in float first; the supports found are then re-solved in
exact arithmetic (the equalising systems :math:`x_S^\top M_{ST} = v`,
:math:`M_{ST}\rho_T = v`) and the certificate is checked exactly. When that
fails (a degenerate optimum, say), sympy's exact simplex
(:func:`sympy.solvers.simplex.linprog`) solves both programmes.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from ..errors import SolverError


def float_solution(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Optimal ``(x, rho)`` of the float matrix game, or None if HiGHS fails."""
    import scipy.optimize
    rows, cols = matrix.shape
    low, high = float(matrix.min()), float(matrix.max())
    if high == low:
        x = np.zeros(rows)
        x[0] = 1.0
        rho = np.zeros(cols)
        rho[0] = 1.0
        return x, rho
    scaled = (matrix - low) / (high - low)
    cost = np.zeros(rows + 1)
    cost[-1] = -1.0
    upper = np.hstack([-scaled.T, np.ones((cols, 1))])
    equal = np.zeros((1, rows + 1))
    equal[0, :rows] = 1.0
    bounds = [(0, None)] * rows + [(None, None)]
    result = scipy.optimize.linprog(cost, A_ub=upper, b_ub=np.zeros(cols), A_eq=equal, b_eq=[1.0],
                                    bounds=bounds, method="highs")
    if result.status != 0:
        return None
    x = np.maximum(result.x[:rows], 0.0)
    rho = np.maximum(-result.ineqlin.marginals, 0.0)
    if x.sum() <= 0 or rho.sum() <= 0:
        return None
    return x / x.sum(), rho / rho.sum()


def certificate_value(matrix: np.ndarray, x: Any, rho: Any) -> tuple[Any, Any]:
    """``(min_b (x M)_b, max_a (M rho)_a)``: the bounds the pair proves on the value."""
    return min(np.asarray(x).dot(matrix)), max(matrix.dot(np.asarray(rho)))


def _solve_consistent(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | None:
    """A solution of ``matrix @ z = rhs`` (free variables 0), or None if there is none."""
    rows = [list(r) + [b] for r, b in zip(matrix, rhs)]
    width = len(matrix[0]) if matrix else 0
    pivots: list[int] = []
    r = 0
    for c in range(width):
        pivot = next((k for k in range(r, len(rows)) if rows[k][c] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        inverse = 1 / rows[r][c]
        rows[r] = [v * inverse for v in rows[r]]
        for k in range(len(rows)):
            if k != r and rows[k][c] != 0:
                factor = rows[k][c]
                rows[k] = [a - factor * b for a, b in zip(rows[k], rows[r])]
        pivots.append(c)
        r += 1
        if r == len(rows):
            break
    if any(row[-1] != 0 for row in rows[r:]):
        return None
    solution = [Fraction(0)] * width
    for k, c in enumerate(pivots):
        solution[c] = rows[k][-1]
    return solution


def _equalising(block: np.ndarray) -> list[Fraction] | None:
    """Weights ``w`` (summing to one) on the rows of ``block`` making every column's ``w @ block`` equal."""
    size, count = block.shape
    system = [[Fraction(block[a, b]) for a in range(size)] + [Fraction(-1)] for b in range(count)]
    system.append([Fraction(1)] * size + [Fraction(0)])
    rhs = [Fraction(0)] * count + [Fraction(1)]
    solution = _solve_consistent(system, rhs)
    return None if solution is None else solution[:size]


def _exact_from_supports(matrix: np.ndarray, x: np.ndarray, rho: np.ndarray, eps: float):
    """Exact optimal strategies on the supports and tight constraints of a float solution.

    By complementary slackness the player's mix ``x`` (support ``S``) equalises
    its payoff over every column that is tight at the float optimum, and the
    punishment ``rho`` (support ``T``) equalises the rows that are tight; the
    equalising systems are solved exactly.
    """
    rows, cols = matrix.shape
    as_float = np.array(matrix, dtype=float)
    scale = max(1.0, float(np.abs(as_float).max()))
    by_column, by_row = x @ as_float, as_float @ rho
    support_x, support_rho = np.flatnonzero(x > eps), np.flatnonzero(rho > eps)
    tight_columns = np.flatnonzero(by_column <= by_column.min() + eps * scale)
    tight_rows = np.flatnonzero(by_row >= by_row.max() - eps * scale)
    weights_x = _equalising(matrix[np.ix_(support_x, tight_columns)])
    weights_rho = _equalising(matrix[np.ix_(tight_rows, support_rho)].T)
    if weights_x is None or weights_rho is None:
        return None
    exact_x = _vector(rows, support_x, weights_x)
    exact_rho = _vector(cols, support_rho, weights_rho)
    if any(v < 0 for v in exact_x) or any(v < 0 for v in exact_rho):
        return None
    return exact_x, exact_rho


def _vector(size: int, support: np.ndarray, weights: list[Fraction]) -> np.ndarray:
    vector = np.empty(size, dtype=object)
    vector[...] = 0
    for k, w in zip(support, weights):
        vector[k] = _numbers.simplify_exact(w)
    return vector


def exact_solution(matrix: np.ndarray) -> tuple[Any, np.ndarray, np.ndarray]:
    """``(value, x, rho)`` of an exact matrix game, certified: ``min(x M) == value == max(M rho)``."""
    try:
        as_float = np.array(matrix, dtype=float)
    except OverflowError:                   # integers beyond the float range: exact simplex only
        as_float = None
    guess = float_solution(as_float) if as_float is not None and np.isfinite(as_float).all() else None
    if guess is not None:
        for eps in (1e-9, 1e-6, 1e-12):
            exact = _exact_from_supports(matrix, *guess, eps)
            if exact is not None:
                lower, upper = certificate_value(matrix, *exact)
                if lower == upper:
                    return _numbers.simplify_exact(Fraction(lower)), exact[0], exact[1]
    return _sympy_solution(matrix)


def _sympy_solution(matrix: np.ndarray) -> tuple[Any, np.ndarray, np.ndarray]:
    """Both strategies by sympy's exact simplex, checked; the exact vertex enumeration if that fails.

    Each strategy comes from a programme ``max sum(w) s.t. N w <= 1, w >= 0``
    with a positive matrix ``N``, whose origin is feasible: sympy's simplex
    then needs no phase one (which returns infeasible points in sympy 1.14,
    sympy issue #28089 and its relatives).
    """
    rows, cols = matrix.shape
    low, high = min(matrix.flat), max(matrix.flat)
    punishing = [[Fraction(v - low + 1) for v in row] for row in matrix]           # N = M - low + 1
    securing = [[Fraction(high + 1 - matrix[a, b]) for a in range(rows)] for b in range(cols)]  # (high + 1 - M)^T
    rho = _normalised(_sympy_max(punishing), cols)
    x = _normalised(_sympy_max(securing), rows)
    if x is not None and rho is not None:
        lower, upper = certificate_value(matrix, x, rho)
        if lower == upper:
            return _numbers.simplify_exact(Fraction(lower)), x, rho
    rho = _normalised(_vertex_max(punishing), cols)
    x = _normalised(_vertex_max(securing), rows)
    lower, upper = certificate_value(matrix, x, rho)
    if lower != upper:  # pragma: no cover - exact vertex enumeration is exact
        raise SolverError("internal error: no exact certificate for the matrix game (a bug: please report the game)")
    return _numbers.simplify_exact(Fraction(lower)), x, rho


def _normalised(weights: list | None, size: int) -> np.ndarray | None:
    if weights is None or sum(weights) <= 0 or any(w < 0 for w in weights):
        return None
    total = sum(weights)
    return _vector(size, np.arange(size), [Fraction(w) / total for w in weights])


def _sympy_max(positive: list[list[Fraction]]) -> list[Fraction] | None:
    """``argmax sum(w) s.t. N w <= 1, w >= 0`` by sympy's simplex (None if sympy fails)."""
    from sympy.solvers.simplex import linprog as sympy_linprog
    matrix = sympy.Matrix([[sympy.Rational(v.numerator, v.denominator) for v in row] for row in positive])
    try:
        _, w = sympy_linprog([-1] * matrix.cols, A=matrix, b=[1] * matrix.rows)
    except (ValueError, ArithmeticError, TypeError):  # pragma: no cover - defensive
        return None
    weights = [_numbers.from_sympy(sympy.nsimplify(v)) for v in w]
    if any(not isinstance(v, (int, Fraction)) for v in weights):  # pragma: no cover - defensive
        return None
    return [Fraction(v) for v in weights]


def _vertex_max(positive: list[list[Fraction]]) -> list[Fraction]:
    """``argmax sum(w) s.t. N w <= 1, w >= 0`` (up to a positive factor) over the exact vertices.

    Scaling ``N`` by the common denominator ``D`` of its entries scales the
    polytope by ``1/D``, which changes neither the maximiser's direction nor
    the normalised strategy.
    """
    from . import _double_description
    denominator = math.lcm(*(v.denominator for row in positive for v in row))
    array = np.empty((len(positive), len(positive[0])), dtype=object)
    array[...] = [[int(v * denominator) for v in row] for row in positive]
    numerators, denominators, _ = _double_description.vertices(array)
    best = max(range(len(numerators)), key=lambda k: Fraction(int(sum(numerators[k])), int(denominators[k])))
    return [Fraction(int(v), int(denominators[best])) for v in numerators[best]]
