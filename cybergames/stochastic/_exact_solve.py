r"""Exact solutions of ``A x = b`` over the rationals by p-adic lifting (Dixon 1982), vectorised.

The value equations of a policy, :math:`(I - \delta P_\pi) v = r_\pi`, are
small dense systems with small rational entries. Gauss–Jordan elimination in
:class:`fractions.Fraction` costs :math:`O(n^3)` big-number operations (seconds
at :math:`n = 100`). Instead, each row is scaled to integers, :math:`A^{-1}` is
computed once modulo a prime :math:`p < 2^{27}` in int64 numpy arithmetic, and
the p-adic digits of the solution are lifted one matrix-vector product at a time:

.. math::

    x_k = A^{-1} r_k \bmod p, \qquad r_{k+1} = (r_k - A x_k) / p, \qquad
    x \equiv \textstyle\sum_k x_k p^k \pmod{p^K}.

The residuals stay bounded by :math:`\|b\| + n \max|A|`, so every step runs in
int64. Cramer's rule and Hadamard's bound :math:`H = \prod_i \|(A, b)_i\|_2`
bound the numerators and the denominator of :math:`x` by :math:`H`, so
:math:`p^K > 2 H^2` makes rational reconstruction (the half extended Euclid
algorithm) unique. The answer is checked exactly (:math:`A x = b`) before it is
returned; anything outside the int64 range falls back to
:func:`cybergames._linalg.solve`.

References
----------
Dixon, J. D. (1982). Exact solution of linear equations using p-adic
expansions. *Numerische Mathematik* 40, 137–141.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Sequence

import numpy as np

from .. import _linalg

#: Primes just below 2^27: n p^2 < 2^62 for n <= 256 keeps products of residues in int64.
PRIMES = (134217689, 134217649, 134217617)
_LIMIT = 2 ** 61


def solve(matrix: Sequence[Sequence], rhs: Sequence) -> list[Fraction]:
    """Solve ``matrix @ x = rhs`` exactly (entries int or Fraction); raise ``_linalg.SingularMatrixError``.

    >>> from fractions import Fraction
    >>> solve([[2, 1], [1, 3]], [3, 5])
    [Fraction(4, 5), Fraction(7, 5)]
    """
    integer_rows, integer_rhs = [], []
    for row, value in zip(matrix, rhs):
        entries = [Fraction(v) for v in row] + [Fraction(value)]
        scale = math.lcm(*(v.denominator for v in entries))
        scaled = [int(v * scale) for v in entries]
        integer_rows.append(scaled[:-1])
        integer_rhs.append(scaled[-1])
    result = _dixon(integer_rows, integer_rhs)
    if result is None:
        return _linalg.solve(matrix, rhs)
    return result


def solve_integer(matrix: np.ndarray, rhs: np.ndarray) -> list[Fraction]:
    """Solve ``matrix @ x = rhs`` for integer arrays (int64 or Python-int object arrays) exactly."""
    rows = [[int(v) for v in row] for row in matrix]
    values = [int(v) for v in rhs]
    result = _dixon(rows, values)
    if result is None:
        return _linalg.solve(rows, values)
    return result


def _inverse_mod(matrix: np.ndarray, p: int) -> np.ndarray | None:
    """The inverse of an int64 matrix modulo ``p`` by Gauss–Jordan, or None if singular mod p."""
    n = matrix.shape[0]
    work = np.concatenate([matrix % p, np.eye(n, dtype=np.int64)], axis=1)
    for col in range(n):
        nonzero = np.flatnonzero(work[col:, col])
        if nonzero.size == 0:
            return None
        pivot = col + int(nonzero[0])
        if pivot != col:
            work[[col, pivot]] = work[[pivot, col]]
        work[col] = (work[col] * pow(int(work[col, col]), -1, p)) % p
        factors = work[:, col].copy()
        factors[col] = 0
        work = (work - (factors[:, None] * work[col][None, :]) % p) % p
    return work[:, n:]


def _reconstruct(value: int, modulus: int, bound: int) -> Fraction | None:
    """The fraction a/b with |a|, |b| <= bound and a = b value (mod modulus), if any."""
    r0, r1 = modulus, value % modulus
    s0, s1 = 0, 1
    while r1 > bound:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        s0, s1 = s1, s0 - q * s1
    if s1 == 0 or abs(s1) > bound:
        return None
    return Fraction(r1, s1)


def _dixon(rows: list[list[int]], rhs: list[int]) -> list[Fraction] | None:
    """Dixon's lifting on an integer system; None when the entries leave the int64 range or it fails."""
    n = len(rows)
    if n == 0 or n > 256:
        return None
    largest = max(max((abs(v) for row in rows for v in row), default=0), 1)
    if largest * n * PRIMES[0] >= _LIMIT or max((abs(v) for v in rhs), default=0) >= _LIMIT:
        return None
    matrix = np.array(rows, dtype=np.int64)
    for p in PRIMES:
        inverse = _inverse_mod(matrix, p)
        if inverse is not None:
            break
    else:
        return None
    log_h = sum(0.5 * math.log2(max(1, sum(v * v for v in row) + b * b)) for row, b in zip(rows, rhs))
    steps = int(math.ceil((2 * log_h + 2) / math.log2(p))) + 1
    residual = np.array(rhs, dtype=np.int64)
    digits = []
    for _ in range(steps):
        digit = (inverse @ (residual % p)) % p
        digits.append(digit)
        difference = residual - matrix @ digit
        if np.any(difference % p):  # pragma: no cover - cannot happen when inverse is right
            return None
        residual = difference // p
    modulus = p ** steps
    lifted = [0] * n
    power = 1
    for digit in digits:
        for i, d in enumerate(digit.tolist()):
            if d:
                lifted[i] += d * power
        power *= p
    bound = math.isqrt(modulus // 2)
    denominator = 1
    solution = []
    for value in lifted:
        scaled = (value * denominator) % modulus
        if scaled > modulus // 2:
            scaled -= modulus
        if abs(scaled) <= bound:
            solution.append(Fraction(scaled, denominator))
            continue
        fraction = _reconstruct(value, modulus, bound)
        if fraction is None:
            return None
        denominator = math.lcm(denominator, fraction.denominator)
        solution.append(fraction)
    common = math.lcm(*(x.denominator for x in solution))
    numerators = [x.numerator * (common // x.denominator) for x in solution]
    for row, b in zip(rows, rhs):
        if sum(a * x for a, x in zip(row, numerators) if a) != b * common:
            return None
    return solution
