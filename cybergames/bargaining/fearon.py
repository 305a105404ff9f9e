r"""Fearon's (1995) crisis bargaining: the bargaining range and the risk–return trade-off.

Two states, A and B, dispute a good of value one; :math:`x \in [0, 1]` is A's
share. War is a costly lottery: A wins with probability :math:`p`, and the
states pay costs :math:`c_A, c_B \ge 0`, so war is worth :math:`p - c_A` to A
and :math:`1 - p - c_B` to B. A peaceful split :math:`x` is better than war
for both iff

.. math::

    p - c_A \le x \le p + c_B,

the **bargaining range**: never empty when war is costly, which is Fearon's
point — rationalist explanations of war need private information,
commitment problems or indivisibility (Fearon 1995, sec. "War as a costly
lottery", Fig. 1).

**Private information.** A makes a take-it-or-leave-it demand :math:`x`; B
knows its cost :math:`c_B`, A knows only its distribution. B accepts iff
:math:`1 - x \ge 1 - p - c_B`, i.e. :math:`c_B \ge x - p`, so A's expected utility is

.. math::

    EU_A(x) = \Pr(c_B \ge x - p)\, x + \Pr(c_B < x - p)\, (p - c_A).

Demanding more pays more when accepted but risks war: the risk–return
trade-off (Fearon 1995, sec. "Private information and the incentive to
misrepresent"). For :math:`c_B` uniform on :math:`[\underline c, \overline c]`
the first-order condition gives :math:`x^* - p = (\overline c - c_A)/2`,
clipped to :math:`[\underline c, \overline c]` (and :math:`x^* \le 1`), and war
happens with probability :math:`(x^* - p - \underline c)/(\overline c - \underline c)`,
positive whenever :math:`\overline c - c_A > 2\underline c`. For a discrete
distribution the optimal demand leaves some type indifferent, so it is one of
:math:`p + c` for :math:`c` in the support (or 1); all are compared exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError, ProbabilityError
from ._checks import number

__all__ = ["BargainingRange", "CrisisOffer", "bargaining_range", "crisis_offer"]


@dataclass(frozen=True)
class BargainingRange:
    """The splits both states prefer to war: A's share ``x`` in ``[lower, upper]``.

    Attributes
    ----------
    lower, upper : number
        ``max(0, p - cost_a)`` and ``min(1, p + cost_b)``.
    p, cost_a, cost_b : number
        A's probability of winning and the two costs of war.
    """

    lower: Any
    upper: Any
    p: Any
    cost_a: Any
    cost_b: Any

    @property
    def width(self) -> Any:
        """``upper - lower``: ``cost_a + cost_b`` unless a bound is clipped at 0 or 1."""
        return self.upper - self.lower

    def __contains__(self, x: Any) -> bool:
        return self.lower <= x <= self.upper


def bargaining_range(p: Any, cost_a: Any, cost_b: Any) -> BargainingRange:
    r"""Fearon's bargaining range: the splits :math:`x` with :math:`p - c_A \le x \le p + c_B`.

    Parameters
    ----------
    p : number or sympy.Expr
        A's probability of winning a war, in ``[0, 1]``.
    cost_a, cost_b : number or sympy.Expr
        The costs of war to A and to B, ``>= 0`` (in units of the good).

    Returns
    -------
    BargainingRange
        Clipped to ``[0, 1]`` for numbers; for symbols the unclipped bounds.

    Raises
    ------
    ParameterError
        If ``p`` is outside ``[0, 1]`` or a cost is negative.

    References
    ----------
    Fearon, J. D. (1995). Rationalist explanations for war. *International
    Organization* 49(3), 379–414 (Fig. 1).

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.bargaining import bargaining_range
    >>> r = bargaining_range(Fraction(3, 5), Fraction(1, 10), Fraction(1, 5))
    >>> r.lower, r.upper, Fraction(1, 2) in r
    (Fraction(1, 2), Fraction(4, 5), True)
    """
    p = number(p, "p", low=0, high=1, symbolic=True)
    cost_a = number(cost_a, "cost_a", low=0, symbolic=True)
    cost_b = number(cost_b, "cost_b", low=0, symbolic=True)
    lower, upper = p - cost_a, p + cost_b
    if not any(isinstance(v, sympy.Basic) for v in (lower, upper)):
        lower, upper = max(lower, 0), min(upper, 1)
        if any(isinstance(v, float) for v in (p, cost_a, cost_b)):
            lower, upper = float(lower), float(upper)
    return BargainingRange(lower=lower, upper=upper, p=p, cost_a=cost_a, cost_b=cost_b)


@dataclass(frozen=True)
class CrisisOffer:
    """A's optimal take-it-or-leave-it demand against a B of unknown cost.

    Attributes
    ----------
    demand : number
        A's share ``x*``; B accepts iff its cost is at least ``x* - p``.
    war_probability : number
        ``Pr(c_B < x* - p)``.
    expected_utility : number
        A's expected utility ``EU_A(x*)``.
    p, cost_a : number
    costs : tuple
        The distribution of B's cost: ``(("uniform", low, high),)`` or the
        ``(cost, probability)`` pairs.
    candidates : tuple
        The certificate: ``(demand, EU_A(demand))`` for every demand that can be
        optimal (the support points, the clipped stationary point and the
        bounds); ``demand`` attains their maximum.
    """

    demand: Any
    war_probability: Any
    expected_utility: Any
    p: Any
    cost_a: Any
    costs: tuple
    candidates: tuple = field(repr=False)


def _utility(x: Any, p: Any, cost_a: Any, costs: tuple) -> tuple[Any, Any]:
    """``(EU_A(x), Pr(war))`` for a uniform or a discrete distribution of B's cost."""
    threshold = x - p
    if costs[0][0] == "uniform":
        _, low, high = costs[0]
        war = min(max(_numbers.ratio(threshold - low, high - low), 0), 1) if high > low else (
            1 if threshold > low else 0)
    else:
        war = sum(prob for c, prob in costs if c < threshold)
    return (1 - war) * x + war * (p - cost_a), war


def crisis_offer(p: Any, cost_a: Any, costs: Any) -> CrisisOffer:
    r"""A's optimal demand when B's cost of war is private: the risk–return trade-off.

    Parameters
    ----------
    p : number
        A's probability of winning, in ``[0, 1]``.
    cost_a : number
        A's cost of war, ``>= 0``.
    costs : pair or mapping
        B's cost distribution: a pair ``(low, high)`` for the uniform
        distribution on ``[low, high]`` (``0 <= low <= high``), or a mapping
        ``cost -> probability``. B accepts when indifferent.

    Returns
    -------
    CrisisOffer
        Exact for exact input.

    Raises
    ------
    ParameterError
        For ``p`` outside ``[0, 1]``, negative costs, or a malformed distribution.
    ProbabilityError
        If the probabilities are negative or do not sum to one.

    References
    ----------
    Fearon, J. D. (1995). Rationalist explanations for war. *International
    Organization* 49(3), 379–414, sec. on private information.

    Examples
    --------
    B's cost uniform on [0, 1/2], p = 1/2, A's cost 1/10: A demands
    p + (1/2 - 1/10)/2 = 7/10 and war breaks out with probability (1/5)/(1/2) = 2/5.

    >>> from fractions import Fraction
    >>> from cybergames.bargaining import crisis_offer
    >>> offer = crisis_offer(Fraction(1, 2), Fraction(1, 10), (0, Fraction(1, 2)))
    >>> offer.demand, offer.war_probability
    (Fraction(7, 10), Fraction(2, 5))
    """
    p = number(p, "p", low=0, high=1)
    cost_a = number(cost_a, "cost_a", low=0)
    if isinstance(costs, Mapping):
        if not costs:
            raise ParameterError("costs: expected at least one cost")
        pairs = tuple((number(c, "costs (a cost)", low=0),
                       _numbers.normalise(q, f"costs[{c!r}]", ProbabilityError)) for c, q in costs.items())
        if any(q < 0 for _, q in pairs):
            raise ProbabilityError(f"costs: probabilities must be >= 0, got {costs!r}")
        total = sum(q for _, q in pairs)
        floating = any(isinstance(v, float) for _, v in pairs)
        if (abs(total - 1) > 1e-9) if floating else total != 1:
            raise ProbabilityError(f"costs: probabilities must sum to 1, got {total!r}")
        dist = tuple(sorted(pairs))
        candidates = [min(p + c, 1) for c, _ in dist] + [1]
    elif isinstance(costs, Sequence) and not isinstance(costs, (str, bytes)) and len(costs) == 2:
        low = number(costs[0], "costs[0]", low=0)
        high = number(costs[1], "costs[1]", low=low)
        dist = (("uniform", low, high),)
        stationary = p + _numbers.ratio(high - cost_a, 2)
        lo_x, hi_x = min(p + low, 1), min(p + high, 1)
        candidates = [min(max(stationary, lo_x), hi_x), lo_x, hi_x]
    else:
        raise ParameterError(f"costs: expected a pair (low, high) or a mapping cost -> probability, got {costs!r}")
    floating = any(isinstance(v, float) for v in (p, cost_a, *(x for row in dist for x in row[1:] if
                                                                not isinstance(x, str))))
    table = []
    for x in candidates:
        x = float(x) if floating else x
        eu, war = _utility(x, p, cost_a, dist)
        table.append((x, float(eu) if floating else eu, war))
    demand, eu, war = max(table, key=lambda row: (row[1], -row[2]))
    return CrisisOffer(demand=demand, war_probability=float(war) if floating else war, expected_utility=eu,
                       p=p, cost_a=cost_a, costs=dist, candidates=tuple((x, u) for x, u, _ in table))


@verify.register
def _verify_crisis_offer(result: CrisisOffer, *, tol: float = DEFAULT_TOL) -> Verification:
    """Recompute EU_A at the demand and the candidates, and on a grid of 201 demands in [p, 1]."""
    eu, war = _utility(result.demand, result.p, result.cost_a, result.costs)
    slack = tol if isinstance(result.expected_utility, float) else 0
    failures = []
    if abs(eu - result.expected_utility) > slack or abs(war - result.war_probability) > slack:
        failures.append(f"EU_A({result.demand}) recomputes to {eu} (war {war})")
    grid = [result.p + (1 - result.p) * _numbers.ratio(k, 200) for k in range(201)]
    points = [x for x, _ in result.candidates] + grid
    for x in points:
        other, _ = _utility(x, result.p, result.cost_a, result.costs)
        if other > result.expected_utility + slack:
            failures.append(f"demand {x} earns {other} > {result.expected_utility}")
    return Verification(ok=not failures, checked=len(points) + 1, failures=tuple(failures))


@verify.register
def _verify_range(result: BargainingRange, *, tol: float = DEFAULT_TOL) -> Verification:
    """Re-check that both ends of the range (numbers only) beat war for both states and lie in [0, 1]."""
    p, ca, cb = result.p, result.cost_a, result.cost_b
    if any(isinstance(v, sympy.Basic) for v in (p, ca, cb)):
        checks = [(sympy.simplify(result.lower - (p - ca)) == 0, "lower is not p - cost_a"),
                  (sympy.simplify(result.upper - (p + cb)) == 0, "upper is not p + cost_b")]
    else:
        slack = tol if isinstance(result.lower, float) else 0
        checks = [(x >= p - ca - slack and 1 - x >= 1 - p - cb - slack and -slack <= x <= 1 + slack,
                   f"the split {x} does not beat war for both") for x in (result.lower, result.upper)]
        checks.append((result.lower <= result.upper + slack, "the range is empty"))
        checks.append((result.lower in (0, p - ca) or abs(result.lower - max(0, p - ca)) <= slack,
                       "lower is not max(0, p - cost_a)"))
        checks.append((abs(result.upper - min(1, p + cb)) <= slack, "upper is not min(1, p + cost_b)"))
    failures = tuple(message for ok, message in checks if not ok)
    return Verification(ok=not failures, checked=len(checks), failures=failures)
