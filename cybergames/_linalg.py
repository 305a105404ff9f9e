"""Exact linear algebra over the rationals, in plain Python.

Small dense systems (tens of unknowns) solved by Gauss–Jordan elimination with
:class:`fractions.Fraction`; fast enough for the exact re-solves of the
equilibrium solvers and the value equations of repeated games, and free of the
rounding that numpy would add.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence


class SingularMatrixError(ArithmeticError):
    """The exact system has no unique solution (internal; callers convert it)."""


def solve(matrix: Sequence[Sequence], rhs: Sequence) -> list[Fraction]:
    """Solve ``matrix @ x = rhs`` exactly; raise :class:`SingularMatrixError` if singular.

    >>> solve([[2, 1], [1, 3]], [3, 5])
    [Fraction(4, 5), Fraction(7, 5)]
    """
    return solve_many(matrix, [rhs])[0]


def solve_many(matrix: Sequence[Sequence], rhs_columns: Sequence[Sequence]) -> list[list[Fraction]]:
    """Solve ``matrix @ X = R`` exactly for several right-hand sides (columns of ``R``).

    Returns one solution list per right-hand side.

    >>> solve_many([[1, 1], [0, 2]], [[2, 2], [1, 0]])
    [[Fraction(1, 1), Fraction(1, 1)], [Fraction(1, 1), Fraction(0, 1)]]
    """
    size = len(matrix)
    if any(len(row) != size for row in matrix) or any(len(col) != size for col in rhs_columns):
        raise SingularMatrixError("matrix must be square and match rhs")
    rows = [[Fraction(v) for v in matrix[i]] + [Fraction(col[i]) for col in rhs_columns]
            for i in range(size)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            raise SingularMatrixError(f"singular at column {col}")
        if pivot != col:
            rows[col], rows[pivot] = rows[pivot], rows[col]
        prow = rows[col]
        inverse = 1 / prow[col]
        if inverse != 1:
            prow = rows[col] = [v * inverse for v in prow]
        for r in range(size):
            if r != col:
                factor = rows[r][col]
                if factor:
                    row = rows[r]
                    rows[r] = [a - factor * b for a, b in zip(row, prow)]
    return [[rows[i][size + j] for i in range(size)] for j in range(len(rhs_columns))]
