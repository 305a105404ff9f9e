r"""Beliefs of the receiver: Bayes' rule on the path, exact belief polytopes off it.

After message :math:`m` the receiver holds a belief :math:`\mu` over the types
that can send :math:`m`, :math:`T(m)`. Action :math:`a^*` is a best response
to :math:`\mu` iff

.. math:: \sum_{t \in T(m)} \mu(t)\,\bigl(u_R(t, m, a^*) - u_R(t, m, a)\bigr) \ge 0
          \quad \text{for every } a \in A(m),

so the beliefs that support :math:`a^*` form the polytope

.. math:: B(m, a^*) = \{\mu \in \Delta(T(m)) : \text{the inequalities above}\}.

Its vertices are found exactly by enumeration: a vertex of a polytope in the
:math:`(|T(m)|-1)`-dimensional simplex is the unique solution of the equality
:math:`\sum_t \mu(t) = 1` and :math:`|T(m)| - 1` of the inequalities made
tight, that satisfies the others. Exact games give Fraction vertices (solved
by Cramer's rule with fraction-free integer determinants); float games solve all the small
systems in one batched :func:`numpy.linalg.solve`. With two types the
polytope is an interval of :math:`\mu(t_1)`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from ..errors import ProbabilityError, SignallingGameError
from ._frozen import FrozenMap

__all__ = ["BeliefSet", "bayes"]


@dataclass(frozen=True)
class BeliefSet:
    r"""The set of beliefs after an off-path message at which the prescribed action is optimal.

    Attributes
    ----------
    message : str
        The message.
    action : str
        The receiver's prescribed action after it.
    support : tuple of str
        The types that can send the message; beliefs put no weight elsewhere.
    vertices : tuple of FrozenMap
        The extreme points of the polytope, each a belief (type to
        probability, over every type of the game). Exact for exact games.
    constraints : tuple of FrozenMap
        The best-response inequalities :math:`\sum_t c(t)\,\mu(t) \ge 0`,
        one per alternative action, each as its coefficients ``c``.
    """

    message: str
    action: str
    support: tuple
    vertices: tuple
    constraints: tuple = field(repr=False)
    tol: float = field(default=DEFAULT_TOL, repr=False)

    @property
    def is_empty(self) -> bool:
        """Whether no belief supports the action."""
        return not self.vertices

    def interval(self, type: str | None = None) -> tuple:
        """The range ``(lowest, highest)`` of the probability of ``type`` over the set.

        With two types this describes the set completely. ``type`` defaults to
        the first type that can send the message.

        >>> from cybergames.signalling import beer_quiche, perfect_bayesian_equilibria
        >>> beer_pool = perfect_bayesian_equilibria(beer_quiche())[0]
        >>> beer_pool.beliefs["quiche"].interval("weak")
        (Fraction(1, 2), 1)
        """
        if self.is_empty:
            raise SignallingGameError(f"the belief set after {self.message!r} is empty")
        name = self.support[0] if type is None else type
        if name not in self.vertices[0]:
            raise SignallingGameError(f"type: expected one of {tuple(self.vertices[0])}, got {name!r}")
        values = [v[name] for v in self.vertices]
        return min(values), max(values)

    def __contains__(self, belief: Any) -> bool:
        if not isinstance(belief, Mapping) or self.is_empty:
            return False
        types = tuple(self.vertices[0])
        try:
            mu = {t: _numbers.normalise(belief.get(t, 0), f"belief[{t!r}]", ProbabilityError) for t in types}
        except ProbabilityError:
            return False
        if set(belief) - set(types):
            return False
        slack = self.tol if any(isinstance(v, float) for v in mu.values()) or isinstance(
            next(iter(self.vertices[0].values())), float) else 0
        if any(v < -slack for v in mu.values()) or abs(sum(mu.values()) - 1) > slack:
            return False
        if any(mu[t] > slack for t in types if t not in self.support):
            return False
        return all(sum(c[t] * mu[t] for t in c) >= -slack for c in self.constraints)


def bayes(prior: Sequence, weights: Sequence) -> list:
    r"""The posterior :math:`\mu(t) = p(t) w(t) / \sum_s p(s) w(s)` (``weights`` are the sending probabilities).

    >>> bayes([Fraction(1, 10), Fraction(9, 10)], [1, Fraction(1, 9)])
    [Fraction(1, 2), Fraction(1, 2)]
    """
    mass = [p * w for p, w in zip(prior, weights)]
    total = sum(mass)
    return [_numbers.ratio(x, total) for x in mass]


def polytope_vertices(rows: Sequence[Sequence], size: int, *, exact: bool, tol: float = DEFAULT_TOL) -> list[tuple]:
    r"""Vertices of :math:`\{x \in \mathbb{R}^{size} : x \ge 0,\ \sum x = 1,\ g \cdot x \ge 0\ \forall g \in rows\}`.

    Returns a list of tuples (Fractions when ``exact``, floats otherwise), in a
    deterministic order without repeats.

    >>> polytope_vertices([[1, -1]], 2, exact=True)   # x1 >= x2 on the segment
    [(Fraction(1, 1), Fraction(0, 1)), (Fraction(1, 2), Fraction(1, 2))]
    """
    if size == 1:
        return [(Fraction(1) if exact else 1.0,)] if all(g[0] >= (0 if exact else -tol) for g in rows) else []
    eye = [[1 if i == j else 0 for j in range(size)] for i in range(size)]
    constraints = eye + [list(g) for g in rows]
    combos = list(itertools.combinations(range(len(constraints)), size - 1))
    if exact:
        return _exact_vertices(constraints, _screen(constraints, combos, size), size)
    return _float_vertices(np.array(constraints, dtype=float), combos, size, tol)


def _screen(constraints: list, combos: list, size: int) -> list:
    """The combinations that may give a vertex, screened in floats before the exact solve.

    A combination is dropped only if its float system is well conditioned and
    its solution violates some constraint by far more than rounding could
    explain; nearly singular systems are kept for the exact solver to decide.
    """
    if len(combos) < 16:
        return combos
    try:
        array = np.array([[float(v) for v in row] for row in constraints])
    except OverflowError:
        return combos
    index = np.array(combos, dtype=int).reshape(len(combos), size - 1)
    matrices = np.empty((len(combos), size, size))
    matrices[:, 0, :] = 1.0
    matrices[:, 1:, :] = array[index]
    scale = np.abs(matrices).max(axis=(1, 2))
    det = np.linalg.det(matrices / scale[:, None, None])
    regular = np.abs(det) > 1e-6
    keep = ~regular
    if regular.any():
        rhs = np.zeros((int(regular.sum()), size, 1))
        rhs[:, 0, 0] = 1.0
        points = np.linalg.solve(matrices[regular], rhs)[..., 0]
        slack = 1e-6 * max(1.0, float(np.abs(array).max()))
        keep[np.flatnonzero(regular)] = (points @ array.T >= -slack).all(axis=1)
    return [combo for combo, kept in zip(combos, keep) if kept]


def _exact_vertices(constraints: list, combos: list, size: int) -> list[tuple]:
    """Vertices by Cramer's rule in integers: x_i = det(M_i) / det(M), M's rows scaled to integers.

    Scaling a constraint row by a positive number changes neither the
    solution nor the sign of a slack, so everything runs in Python ints.
    """
    found: list[tuple] = []
    seen: set = set()
    ones = [1] * size
    integral = [_integer_row(row) for row in constraints]
    for combo in combos:
        rows = [ones] + [integral[c] for c in combo]
        det = _bareiss_det(rows)
        if det == 0:
            continue
        # column i replaced by e_1 (the right-hand side (1, 0, ..., 0))
        numerators = [_bareiss_det([[(1 if r == 0 else 0) if c == i else rows[r][c] for c in range(size)]
                                    for r in range(size)]) for i in range(size)]
        if det < 0:
            det, numerators = -det, [-v for v in numerators]
        if any(v < 0 for v in numerators) or any(sum(g[i] * numerators[i] for i in range(size)) < 0
                                                 for g in integral[size:]):
            continue
        point = tuple(Fraction(v, det) for v in numerators)
        if point not in seen:
            seen.add(point)
            found.append(point)
    return found


def _integer_row(row: Sequence) -> list[int]:
    """A positive multiple of a rational row with integer entries (same solutions, same signs)."""
    scale = 1
    for value in row:
        if isinstance(value, Fraction):
            scale = scale * value.denominator // math.gcd(scale, value.denominator)
    return [int(value * scale) for value in row]


def _bareiss_det(matrix: list[list[int]]) -> int:
    """The determinant of an integer matrix by fraction-free (Bareiss) elimination."""
    a = [list(row) for row in matrix]
    n, sign, previous = len(a), 1, 1
    for k in range(n - 1):
        if a[k][k] == 0:
            swap = next((r for r in range(k + 1, n) if a[r][k] != 0), None)
            if swap is None:
                return 0
            a[k], a[swap] = a[swap], a[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // previous
        previous = a[k][k]
    return sign * a[n - 1][n - 1]


def _float_vertices(constraints: np.ndarray, combos: list, size: int, tol: float) -> list[tuple]:
    index = np.array(combos, dtype=int).reshape(len(combos), size - 1)
    matrices = np.empty((len(combos), size, size))
    matrices[:, 0, :] = 1.0
    matrices[:, 1:, :] = constraints[index]
    scale = np.abs(matrices).max(axis=(1, 2))
    det = np.linalg.det(matrices / scale[:, None, None])
    regular = np.abs(det) > 1e-12
    if not regular.any():
        return []
    rhs = np.zeros((int(regular.sum()), size))
    rhs[:, 0] = 1.0
    points = np.linalg.solve(matrices[regular], rhs[..., None])[..., 0]
    slack = tol * max(1.0, float(np.abs(constraints).max()))
    feasible = (points @ constraints.T >= -slack).all(axis=1)
    found: list[tuple] = []
    close = max(tol, 1e-12)
    for point in points[feasible].tolist():
        point = tuple(0.0 if abs(v) < tol else v for v in point)
        if not any(max(abs(a - b) for a, b in zip(point, other)) <= close for other in found):
            found.append(point)
    return found


def action_rows(values: np.ndarray, support: Sequence[int], k: int) -> list[list]:
    """Rows ``u_R(., m, a*) - u_R(., m, a)`` over the support, one per alternative ``a``."""
    return [[values[i, k] - values[i, b] for i in support] for b in range(values.shape[1]) if b != k]


def belief_set(sg: Any, message: int, action: int, *, support: Sequence[int] | None = None,
               tol: float = DEFAULT_TOL) -> BeliefSet:
    """The :class:`BeliefSet` of ``action`` after ``message`` (indices) in ``sg``.

    ``support`` (type indices) restricts the beliefs to a subset of the types
    that can send the message (as the refinements do); by default all of them.
    """
    senders = [i for i in range(len(sg.types)) if sg._mask[i, message]]
    support = senders if support is None else [i for i in senders if i in set(support)]
    if not support:
        raise SignallingGameError("support: expected at least one type that can send the message")
    key = (message, action, tuple(support), tol)
    cache = sg._belief_cache
    if key not in cache:
        cache[key] = _belief_set(sg, message, action, support, tol)
    return cache[key]


def _belief_set(sg: Any, message: int, action: int, support: list[int], tol: float) -> BeliefSet:
    values = sg._ur[message]
    exact = sg.kind != FLOAT
    rows = action_rows(values, support, action)
    unit = 1 if exact else _numbers.unit_of(*sg._ur)   # float rows in units of the payoff scale
    points = polytope_vertices(rows if exact else [[c / unit for c in row] for row in rows], len(support),
                               exact=exact, tol=tol)
    vertices = tuple(_embed(sg, support, point, exact) for point in points)
    constraints = tuple(FrozenMap((sg.types[i], _numbers.simplify_exact(c) if exact else float(c))
                                  for i, c in zip(support, row)) for row in rows)
    m = sg.messages[message]
    return BeliefSet(m, sg.actions[m][action], tuple(sg.types[i] for i in support), vertices, constraints, tol)


def _embed(sg: Any, support: list, point: tuple, exact: bool) -> FrozenMap:
    zero = 0 if exact else 0.0
    full = {t: zero for t in sg.types}
    for i, value in zip(support, point):
        full[sg.types[i]] = _numbers.simplify_exact(value) if exact else value
    return FrozenMap((t, full[t]) for t in sg.types)
