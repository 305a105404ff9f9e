r"""The (asymmetric) Nash bargaining solution over a finite polytope of utility pairs.

Given a feasible set :math:`U \subset \mathbb{R}^2` of utility pairs, a
disagreement point :math:`d` and bargaining weights :math:`\alpha, \beta > 0`,
the Nash solution maximises the weighted Nash product

.. math::

    (u_1 - d_1)^{\alpha} (u_2 - d_2)^{\beta} \quad\text{over } u \in U,\ u > d

(Nash 1950; Kalai 1977 for the weights; Osborne & Rubinstein 1994, ch. 15;
Muthoo 1999, *Bargaining Theory with Applications*, ch. 2). Here :math:`U` is
the convex hull of finitely many points: a polytope, or a concave frontier
given by points along it (free disposal is not assumed: include the corners
you need). The maximum lies on an edge of the hull; on the segment
:math:`u(t) = P + t(Q - P)` the first-order condition
:math:`\alpha b_1/(a_1 + t b_1) + \beta b_2/(a_2 + t b_2) = 0` (with
:math:`a = P - d`, :math:`b = Q - P`) is linear in :math:`t`, so rational data
and rational weights give a rational solution. Every segment between two
given points lies in :math:`U` and every edge is such a segment, so
maximising over all of them is exact.

The certificate is a supporting line: the gradient of the log Nash product at
the solution, :math:`n = (\alpha/(u_1 - d_1), \beta/(u_2 - d_2))`, satisfies
:math:`n \cdot p \le n \cdot u^*` for every given point :math:`p`, which
(with the concavity of the log product) proves optimality over the hull.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError
from ._checks import number

__all__ = ["NashBargainingResult", "nash_bargaining"]


@dataclass(frozen=True)
class NashBargainingResult:
    """The Nash bargaining solution and its supporting line.

    Attributes
    ----------
    utilities : tuple
        The solution ``(u_1, u_2)``.
    disagreement : tuple
        The disagreement point ``d``.
    weights : tuple
        The bargaining weights, normalised to sum to one.
    normal : tuple
        The supporting line's normal ``(w_1/(u_1 - d_1), w_2/(u_2 - d_2))``: no
        feasible point lies beyond it (the certificate).
    points : tuple
        The points whose convex hull is the feasible set.
    exact : bool
    """

    utilities: tuple
    disagreement: tuple
    weights: tuple
    normal: tuple
    points: tuple = field(repr=False)
    exact: bool = True


def _pair(value: Any, name: str) -> tuple:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
        raise ParameterError(f"{name}: expected a pair of numbers, got {value!r}")
    return tuple(number(v, f"{name}[{k}]") for k, v in enumerate(value))


def nash_bargaining(points: Sequence, disagreement: Sequence = (0, 0), weights: Sequence = (1, 1)
                    ) -> NashBargainingResult:
    r"""The weighted Nash bargaining solution over the convex hull of ``points``.

    Parameters
    ----------
    points : sequence of pairs
        Utility pairs ``(u_1, u_2)`` whose convex hull is the feasible set; at
        least one must strictly exceed ``disagreement`` in both coordinates.
    disagreement : pair, default (0, 0)
        The disagreement point ``d``.
    weights : pair, default (1, 1)
        Bargaining powers ``(alpha, beta)``, positive; only their ratio matters.
        Exact weights give exact answers.

    Returns
    -------
    NashBargainingResult
        Exact for exact input, floats for floats.

    Raises
    ------
    ParameterError
        For malformed points or weights, non-positive weights, or when no
        feasible point beats ``disagreement`` for both players.

    References
    ----------
    Nash, J. F. (1950). The bargaining problem. *Econometrica* 18(2), 155–162.
    Kalai, E. (1977). Nonsymmetric Nash solutions and replications of 2-person
    bargaining. *Int. J. Game Theory* 6, 179–187. Muthoo, A. (1999).
    *Bargaining Theory with Applications*, Cambridge UP, ch. 2.

    Examples
    --------
    Splitting a surplus of one with outside options (1/5, 0) and equal power:
    each gets its outside option plus half of the rest.

    >>> from fractions import Fraction
    >>> from cybergames.bargaining import nash_bargaining
    >>> pie = [(0, 0), (1, 0), (0, 1)]
    >>> nash_bargaining(pie, disagreement=(Fraction(1, 5), 0)).utilities
    (Fraction(3, 5), Fraction(2, 5))
    >>> nash_bargaining(pie, weights=(2, 1)).utilities
    (Fraction(2, 3), Fraction(1, 3))
    """
    if isinstance(points, (str, bytes)) or not isinstance(points, Sequence) or not points:
        raise ParameterError(f"points: expected a non-empty sequence of pairs, got {points!r}")
    pts = tuple(_pair(p, f"points[{k}]") for k, p in enumerate(points))
    d = _pair(disagreement, "disagreement")
    w = _pair(weights, "weights")
    if not all(v > 0 for v in w):
        raise ParameterError(f"weights: expected two positive numbers, got {weights!r}")
    exact = not any(isinstance(v, float) for v in (*(c for p in pts for c in p), *d, *w))
    total = w[0] + w[1]
    w = (_numbers.ratio(w[0], total), _numbers.ratio(w[1], total))
    unit: Any = 1
    if not exact:   # floats are solved in units of the largest utility: 1e-300 and 1e300 solve like 1
        pts = tuple(tuple(float(c) for c in p) for p in pts)
        d, w = tuple(float(c) for c in d), tuple(float(c) for c in w)
        unit = _numbers.unit_of(pts, d)
    work_points = tuple((p[0] / unit, p[1] / unit) for p in pts) if not exact else pts
    work_d = (d[0] / unit, d[1] / unit) if not exact else d
    best = None
    for candidate in _candidates(work_points, work_d, w):
        if candidate[0] > work_d[0] and candidate[1] > work_d[1]:
            score = _score(candidate, work_d, w, exact)
            if best is None or score > best[0]:
                best = (score, candidate)
    if best is None:
        raise ParameterError(f"points: no feasible point beats the disagreement point {d} for both players")
    u = best[1]
    normal = (_numbers.ratio(w[0], u[0] - work_d[0]), _numbers.ratio(w[1], u[1] - work_d[1]))
    if not exact:
        u, normal = (u[0] * unit, u[1] * unit), (normal[0] / unit, normal[1] / unit)
    return NashBargainingResult(utilities=u, disagreement=d, weights=w, normal=normal, points=pts, exact=exact)


def _candidates(points: tuple, d: tuple, w: tuple):
    """Every given point and, on every segment between two of them, the interior stationary point."""
    yield from points
    for i, p in enumerate(points):
        for q in points[i + 1:]:
            a = (p[0] - d[0], p[1] - d[1])
            b = (q[0] - p[0], q[1] - p[1])
            if b[0] * b[1] >= 0:                 # not a trade-off: the product is monotone on it
                continue
            t = _numbers.ratio(-(w[0] * b[0] * a[1] + w[1] * b[1] * a[0]), b[0] * b[1])
            if 0 < t < 1:
                yield (p[0] + t * b[0], p[1] + t * b[1])


def _score(u: tuple, d: tuple, w: tuple, exact: bool) -> Any:
    """The weighted Nash product, exactly (integer powers after clearing the weights' denominators)."""
    x, y = u[0] - d[0], u[1] - d[1]
    if not exact:
        return w[0] * math.log(x) + w[1] * math.log(y)
    wa, wb = Fraction(w[0]), Fraction(w[1])
    scale = math.lcm(wa.denominator, wb.denominator)
    return Fraction(x) ** int(wa * scale) * Fraction(y) ** int(wb * scale)


@verify.register
def _verify_nash_bargaining(result: NashBargainingResult, *, tol: float = DEFAULT_TOL) -> Verification:
    """Re-check the supporting line: every given point p satisfies normal . p <= normal . u."""
    n, u = result.normal, result.utilities
    level = n[0] * u[0] + n[1] * u[1]
    failures = tuple(f"point {p} lies beyond the supporting line" for p in result.points
                     if n[0] * p[0] + n[1] * p[1] > level + (0 if result.exact else tol * max(
                         abs(level), abs(n[0] * p[0] + n[1] * p[1]))))  # relative: scale-free
    inside = _in_hull(u, result.points, result.exact, tol)
    failures += () if inside else (f"the solution {u} is not in the hull of the points",)
    return Verification(ok=not failures, checked=len(result.points) + 1, failures=failures)


def _in_hull(u: tuple, points: tuple, exact: bool, tol: float) -> bool:
    """Whether u lies on a segment between two given points (where every candidate comes from)."""
    slack = 0 if exact else tol
    if not exact:   # in units of the largest utility
        unit = _numbers.unit_of(points, u)
        u, points = (u[0] / unit, u[1] / unit), tuple((p[0] / unit, p[1] / unit) for p in points)
    for i, p in enumerate(points):
        for q in points[i:]:
            cross = (q[0] - p[0]) * (u[1] - p[1]) - (q[1] - p[1]) * (u[0] - p[0])
            dot = (u[0] - p[0]) * (q[0] - p[0]) + (u[1] - p[1]) * (q[1] - p[1])
            length = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2
            if abs(cross) <= slack and -slack <= dot <= length + slack and (
                    length > 0 or abs(u[0] - p[0]) + abs(u[1] - p[1]) <= slack):
                return True
    return False
