r"""Exact arithmetic for best-response polytopes: integer payoffs and exact re-solves.

A vertex of :math:`\{z \ge 0 : M z \le 1\}` with tight set :math:`T` solves
:math:`z_r = 0` for the tight sign constraints and :math:`M_{R S}\, z_S = 1` on
its support :math:`S` (the rows :math:`R` being the tight payoff constraints).
For a simple vertex :math:`|R| = |S|` and the system is square. The systems of
many vertices are solved together by fraction-free (Bareiss) Gauss–Jordan
elimination over Python integers held in numpy object arrays: every
intermediate entry is a minor of the matrix, so the numbers stay exact and
small, and the result is :math:`z_S = N / D` with integers :math:`N` and the
determinant :math:`D` (Bareiss 1968, *Math. Comp.* 22, 565–578).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .. import _numbers


def integer_matrix(payoff: np.ndarray) -> np.ndarray:
    """An exact payoff matrix as positive Python integers (object array), by a positive affine map.

    The entries are multiplied by their common denominator and shifted so that
    the smallest is 1; best responses, labels and equilibria do not change.
    """
    scaled = _numbers.comparable(payoff)
    values = scaled.astype(object) if scaled.dtype != object else scaled.copy()
    low = min(values.flat)
    return values - low + 1


def float_as_integer_matrix(payoff: np.ndarray) -> np.ndarray:
    """A float payoff matrix as the exact rationals it stores, scaled and shifted to positive integers."""
    exact = np.empty(payoff.shape, dtype=object)
    exact.ravel()[:] = [Fraction(float(v)) for v in payoff.flat]
    return integer_matrix(exact)


def simplest_between(low: Fraction, high: Fraction) -> Fraction:
    """The rational with the smallest denominator (then numerator) in ``[low, high]`` (Stern–Brocot).

    >>> simplest_between(Fraction(29, 100), Fraction(31, 100))
    Fraction(3, 10)
    """
    if low <= 0 <= high:
        return Fraction(0)
    if high < 0:
        return -simplest_between(-high, -low)
    ceiling = -(-low.numerator // low.denominator)
    if ceiling <= high:
        return Fraction(ceiling)
    whole = low.numerator // low.denominator
    return whole + 1 / simplest_between(1 / (high - whole), 1 / (low - whole))


def snapped_integer_matrix(payoff: np.ndarray, tol: float) -> np.ndarray:
    """A float payoff matrix with each entry replaced by the simplest rational near it, as positive integers.

    "Near" is within ``tol/4`` times the smaller of 1 and the matrix's range of
    payoffs. Entries that differ by less than that (``0.1 + 0.2`` and ``0.3``)
    become the same rational, so ties the float labels saw are exact ties;
    and since a mixed action's payoff moves by at most twice the radius, an
    exact equilibrium of the snapped game passes the float best-response test
    (slack ``tol * max(1, |best|)``) on the original.
    """
    radius = Fraction(tol / 4 * min(1.0, float(payoff.max()) - float(payoff.min())))
    exact = np.empty(payoff.shape, dtype=object)
    exact.ravel()[:] = [simplest_between(Fraction(float(v)) - radius, Fraction(float(v)) + radius)
                        for v in payoff.flat]
    return integer_matrix(exact)


def solve_batch(matrices: np.ndarray, rhs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Solve ``K`` integer systems ``matrices[k] @ z = rhs[k]`` exactly.

    Parameters
    ----------
    matrices : object ndarray of int, shape (K, s, s)
    rhs : object ndarray of int, shape (K, s)

    Returns
    -------
    numerators : object ndarray, shape (K, s)
    denominators : object ndarray, shape (K,)
        Positive; ``z = numerators / denominators``.
    singular : ndarray of bool, shape (K,)
        Systems without a unique solution (their other outputs are meaningless).
    """
    count, size = matrices.shape[:2]
    work = np.empty((count, size, size + 1), dtype=object)
    work[:, :, :size] = matrices
    work[:, :, size] = rhs
    previous = np.ones(count, dtype=object)
    singular = np.zeros(count, dtype=bool)
    systems = np.arange(count)
    for k in range(size):
        nonzero = work[:, k:, k] != 0
        has_pivot = nonzero.any(axis=1)
        singular |= ~has_pivot
        pivot_row = k + np.argmax(nonzero, axis=1)
        swap = has_pivot & (pivot_row != k)
        if swap.any():
            which = systems[swap]
            rows = pivot_row[swap]
            held = work[which, k, :].copy()
            work[which, k, :] = work[which, rows, :]
            work[which, rows, :] = held
        pivot = work[:, k, k].copy()
        pivot[~has_pivot] = 1
        others = [i for i in range(size) if i != k]
        if others:
            block = work[:, others, :]
            factor = block[:, :, k]
            row = work[:, k, :]
            work[:, others, :] = (pivot[:, None, None] * block
                                  - factor[:, :, None] * row[:, None, :]) // previous[:, None, None]
        previous = pivot
    if size == 0:
        return np.zeros((count, 0), dtype=object), np.ones(count, dtype=object), singular
    denominators = work[:, 0, 0].copy()
    numerators = work[:, :, size].copy()
    negative = denominators < 0
    denominators[negative] = -denominators[negative]
    numerators[negative] = -numerators[negative]
    singular |= denominators == 0
    denominators[singular] = 1
    return numerators, denominators, singular


def resolve(matrix: np.ndarray, tight: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Re-solve vertices of ``{z >= 0 : matrix @ z <= 1}`` exactly from their (float) tight sets.

    Parameters
    ----------
    matrix : object ndarray of positive int, shape (k, d)
    tight : ndarray of bool, shape (V, d + k)
        Each row names ``d`` tight constraints (sign constraints first).

    Returns
    -------
    (numerators, denominators, exact_tight) or None
        ``numerators`` ``(V, d)`` and ``denominators`` ``(V,)`` give the exact
        points; ``exact_tight`` their exact tight sets. None when some system is
        not square or singular, or some point is not in the polytope.
    """
    k, d = matrix.shape
    count = tight.shape[0]
    support = ~tight[:, :d]
    rows = tight[:, d:]
    sizes = support.sum(axis=1)
    if (rows.sum(axis=1) != sizes).any():
        return None
    numerators = np.zeros((count, d), dtype=object)
    numerators[...] = 0
    denominators = np.ones(count, dtype=object)
    for size in np.unique(sizes):
        if size == 0:
            continue
        which = np.flatnonzero(sizes == size)
        columns = np.nonzero(support[which])[1].reshape(which.size, size)
        row_index = np.nonzero(rows[which])[1].reshape(which.size, size)
        systems = matrix[row_index[:, :, None], columns[:, None, :]]
        rhs = np.ones((which.size, size), dtype=object)
        values, dets, singular = solve_batch(systems, rhs)
        if singular.any():
            return None
        block = numerators[which]
        np.put_along_axis(block, columns, values, axis=1)
        numerators[which] = block
        denominators[which] = dets
    if (numerators < 0).any():
        return None
    levels = numerators.dot(matrix.T)
    if (levels > denominators[:, None]).any():
        return None
    exact_tight = np.concatenate([numerators == 0, levels == denominators[:, None]], axis=1)
    return numerators, denominators, exact_tight.astype(bool)


def normalised_rows(numerators: np.ndarray) -> list[list]:
    """Each row of integers divided by its sum, as ints and Fractions (rows must not sum to 0)."""
    result = []
    for row in numerators:
        total = sum(row)
        result.append([_numbers.simplify_exact(Fraction(int(v), int(total))) for v in row])
    return result
