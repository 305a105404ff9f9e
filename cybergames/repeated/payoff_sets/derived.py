r"""Answers read off equilibrium payoff sets: thresholds for a payoff, best and most cooperative payoffs.

Every answer is a bracket, because the set itself is one: a value attained by
the inner polygon is attained by an equilibrium; a bound from the outer
polygon is one that no equilibrium beats. With public randomisation the set
grows with :math:`\delta` (Mailath & Samuelson 2006, Prop. 2.5.2 for perfect
monitoring; Abreu, Pearce & Stacchetti 1990, Theorem 6), which is what makes
bisection on :math:`\delta` sound.
"""

from __future__ import annotations

import math
from fractions import Fraction
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from ... import _numbers
from ...errors import DiscountFactorError, GameError, ParameterError
from ..game import RepeatedGame
from .result import EquilibriumPayoffSet, equilibrium_payoff_set

__all__ = ["DiscountFactorBracket", "PayoffBound", "min_discount_factor_for_payoff",
           "best_symmetric_payoff", "most_cooperative_payoff", "SymmetricPayoffCurve", "best_symmetric_payoffs"]


@dataclass(frozen=True, eq=False)
class DiscountFactorBracket:
    r"""Where the smallest :math:`\delta` supporting a payoff lies.

    Attributes
    ----------
    payoff : tuple of float
        The target payoff vector.
    lower, upper : float
        :math:`\delta^* \in [\text{lower}, \text{upper}]`: at ``lower`` the payoff
        is outside the outer approximation (no equilibrium gives it), at
        ``upper`` inside the inner one (an equilibrium gives it). ``upper`` is
        None when the payoff was not reached below the search's upper end.
    found : bool
        Whether an equilibrium giving the payoff was found (``upper`` is set).
    evaluations : int
        How many payoff sets were computed.
    """

    payoff: tuple
    lower: float
    upper: float | None
    found: bool
    evaluations: int
    game: RepeatedGame = field(repr=False, default=None)

    @property
    def width(self) -> float:
        """``upper - lower`` (inf when not found)."""
        return math.inf if self.upper is None else self.upper - self.lower


def _payoff(payoff: Any, players: int = 2) -> np.ndarray:
    values = [_numbers.normalise(v, f"payoff[{k}]", GameError) for k, v in enumerate(np.ravel(payoff))]
    if len(values) != players or _numbers.kind_of(values) == _numbers.SYMBOLIC:
        raise GameError(f"payoff: expected {players} numbers (one per player), got {payoff!r}")
    return np.array(values, dtype=float)


def _target(rg: RepeatedGame, payoff: Any, fraction: Any) -> np.ndarray:
    """The payoff asked about: ``payoff`` itself, or ``fraction`` of the way to it from the stage Nash payoff."""
    from ..geometry import feasible_payoffs
    from .stage import stage_of
    if not isinstance(rg, RepeatedGame):
        raise ParameterError(f"rg: expected a RepeatedGame, got {type(rg).__name__}")
    stage = stage_of(rg, any_players=True)
    target = _payoff(payoff, stage.payoffs.shape[1])
    if fraction is not None:
        if isinstance(fraction, bool) or not isinstance(fraction, (int, float, Fraction)) or not 0 <= fraction <= 1:
            raise ParameterError(f"fraction: expected a number in [0, 1], got {fraction!r}")
        nash = stage.payoffs[stage.nash]
        if len(nash) == 0:
            raise GameError("fraction: the stage game has no pure Nash equilibrium to measure the fraction from")
        start = nash[nash.sum(axis=1).argmin()]            # the worst pure Nash payoff (by total)
        target = start + float(fraction) * (target - start)
    if not feasible_payoffs(rg.stage).contains(target, tol=1e-9):
        raise GameError(f"payoff: {tuple(target.tolist())} is not a feasible payoff of the stage game "
                        f"(outside the convex hull of its payoff vectors)")
    return target


def min_discount_factor_for_payoff(rg: RepeatedGame, payoff: Sequence[Any], *, fraction: Any = None,
                                   lower: float = 0.0, upper: float = 0.999, xtol: float = 1e-4,
                                   **options: Any) -> DiscountFactorBracket:
    r"""The smallest discount factor at which ``payoff`` is an equilibrium payoff, bracketed.

    Bisection on :math:`\delta`: a :math:`\delta` whose inner approximation
    contains the payoff is an upper bound, one whose outer approximation
    misses it a lower bound (the set grows with :math:`\delta`). Where neither
    decides, the two ends are searched separately, so the bracket is always
    certified at both ends.

    Parameters
    ----------
    rg : RepeatedGame
        A two-player repeated game.
    payoff : sequence of numbers
        The target payoff vector, one entry per player; it must be feasible.
    fraction : number in [0, 1], optional
        Ask instead about the payoff ``fraction`` of the way from the stage
        Nash payoff (the pure one with the smallest total) to ``payoff``:
        ``fraction=1/2`` with ``payoff=(R, R)`` is half the gain of mutual cooperation.
    lower, upper : float
        The search interval, :math:`0 \le \text{lower} < \text{upper} < 1`.
    xtol : float, default 1e-4
        Stop when the bracket is at most this wide.
    **options
        Passed to :func:`equilibrium_payoff_set` (``tol``, ``method``, ...).

    Returns
    -------
    DiscountFactorBracket

    Raises
    ------
    DiscountFactorError
        If ``lower`` or ``upper`` is outside :math:`[0, 1)` or ``lower >= upper``.
    GameError
        If ``payoff`` is not one number per player, or is not a feasible payoff
        (outside the convex hull of the stage payoff vectors).
    ParameterError
        If ``fraction`` is not in [0, 1].

    Examples
    --------
    >>> from cybergames import NormalFormGame, RepeatedGame
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> bracket = min_discount_factor_for_payoff(RepeatedGame(pd), (9, 9), xtol=1e-3)
    >>> bracket.lower <= 1 / 7 <= bracket.upper, bracket.width <= 1e-3   # grim trigger: 1/7
    (True, True)
    >>> half = min_discount_factor_for_payoff(RepeatedGame(pd), (9, 9), fraction=0.5, xtol=1e-3)
    >>> half.payoff, half.upper <= bracket.upper     # (6, 6): halfway from the Nash payoff (3, 3)
    ((6.0, 6.0), True)
    """
    target = _target(rg, payoff, fraction)
    for name, value in (("lower", lower), ("upper", upper)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise DiscountFactorError(f"{name} must satisfy 0 <= {name} < 1, got {value!r}")
    if lower >= upper:
        raise DiscountFactorError(f"lower must be below upper, got lower={lower!r}, upper={upper!r}")
    if isinstance(xtol, bool) or not isinstance(xtol, (int, float)) or not xtol > 0:
        raise ParameterError(f"xtol: expected a positive number, got {xtol!r}")
    options.setdefault("tol", 1e-5)
    evaluations = 0

    def verdict(delta: float) -> bool | None:
        nonlocal evaluations
        evaluations += 1
        return equilibrium_payoff_set(rg, delta, **options).contains(target, tol=1e-9)

    low_verdict = verdict(lower)
    if low_verdict is True:
        return DiscountFactorBracket(tuple(float(v) for v in target), 0.0, float(lower), True, evaluations, rg)
    high_verdict = verdict(upper)
    if high_verdict is not True:
        return DiscountFactorBracket(tuple(float(v) for v in target), float(lower) if low_verdict is False else 0.0, None,
                                     False, evaluations, rg)
    lo = float(lower) if low_verdict is False else None          # certified: payoff not in V(lo)
    hi = float(upper)                                            # certified: payoff in V(hi)
    a, b = float(lower), float(upper)
    while b - a > xtol:
        mid = (a + b) / 2
        answer = verdict(mid)
        if answer is True:
            hi = b = mid
        elif answer is False:
            lo = a = mid
        else:                                                    # undecided: shrink each end on its own
            hi = _bisect(verdict, mid, hi, True, xtol)
            found_lo = _bisect(verdict, a, mid, False, xtol)
            lo = found_lo if found_lo is not None else lo
            break
    return DiscountFactorBracket(tuple(float(v) for v in target), 0.0 if lo is None else lo, hi, True, evaluations, rg)


def _bisect(verdict, a: float, b: float, inside: bool, xtol: float):
    """Shrink towards the boundary of ``verdict(delta) is inside``; return the last certified end."""
    certified = b if inside else None
    while b - a > xtol:
        mid = (a + b) / 2
        answer = verdict(mid)
        if inside:
            if answer is True:
                certified = b = mid
            else:
                a = mid
        else:
            if answer is False:
                certified = a = mid
            else:
                b = mid
    return certified


@dataclass(frozen=True, eq=False)
class PayoffBound:
    r"""A best payoff in some sense, bracketed by the inner and outer approximations.

    Attributes
    ----------
    payoff : tuple of float
        An equilibrium payoff (a point of the inner polygon) attaining ``value``;
        None when the inner polygon is empty or misses the criterion.
    value : float
        Its criterion value (``-inf`` when ``payoff`` is None).
    upper : float
        No equilibrium payoff has a larger criterion value (from the outer polygon).
    criterion : str
        What was maximised.
    """

    payoff: tuple | None
    value: float
    upper: float
    criterion: str


def _check_set(payoff_set: Any) -> EquilibriumPayoffSet:
    if not isinstance(payoff_set, EquilibriumPayoffSet):
        raise ParameterError(f"payoff_set: expected an EquilibriumPayoffSet, got {type(payoff_set).__name__}")
    return payoff_set


def _diagonal_top(vertices: np.ndarray) -> float | None:
    """The largest t with (t, t) in the float polygon, or None."""
    if len(vertices) == 0:
        return None
    best = None
    points = list(vertices) + ([vertices[0]] if len(vertices) > 1 else [])
    candidates = [p[0] for p in vertices if abs(p[0] - p[1]) <= 1e-12 * max(1.0, abs(p[0]))]
    for p, q in zip(points, points[1:]):
        dp, dq = p[0] - p[1], q[0] - q[1]
        if dp * dq < 0:
            s = dp / (dp - dq)
            candidates.append(p[0] + s * (q[0] - p[0]))
    for t in candidates:
        best = t if best is None else max(best, t)
    return None if best is None else float(best)


def best_symmetric_payoff(payoff_set: EquilibriumPayoffSet) -> PayoffBound:
    r"""The best payoff giving both players the same: :math:`\max \{t : (t, t) \in V\}`.

    ``value`` is attained by an equilibrium (the inner polygon); ``upper`` bounds
    it (the outer polygon).

    Examples
    --------
    >>> from cybergames import NormalFormGame, RepeatedGame
    >>> from cybergames.repeated.payoff_sets import equilibrium_payoff_set
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> best = best_symmetric_payoff(equilibrium_payoff_set(RepeatedGame(pd), 0.5))
    >>> best.payoff, best.upper
    ((9.0, 9.0), 9.0)
    """
    payoff_set = _check_set(payoff_set)
    inner = _diagonal_top(np.asarray(payoff_set.inner.vertices, dtype=float))
    outer = _diagonal_top(np.asarray(payoff_set.outer.vertices, dtype=float))
    return PayoffBound(None if inner is None else (inner, inner), -math.inf if inner is None else inner,
                       -math.inf if outer is None else outer, "common payoff t of (t, t)")


def most_cooperative_payoff(payoff_set: EquilibriumPayoffSet, weights: Sequence[Any] = (1, 1)) -> PayoffBound:
    r"""The equilibrium payoff maximising a weighted sum :math:`\lambda \cdot v` (utilitarian by default).

    Examples
    --------
    >>> from cybergames import NormalFormGame, RepeatedGame
    >>> from cybergames.repeated.payoff_sets import equilibrium_payoff_set
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> most_cooperative_payoff(equilibrium_payoff_set(RepeatedGame(pd), 0.5)).payoff
    (9.0, 9.0)
    """
    payoff_set = _check_set(payoff_set)
    lam = _payoff(weights)
    inner = np.asarray(payoff_set.inner.vertices, dtype=float)
    outer = np.asarray(payoff_set.outer.vertices, dtype=float)
    upper = float((outer @ lam).max()) if len(outer) else -math.inf
    if len(inner) == 0:
        return PayoffBound(None, -math.inf, upper, f"weighted sum with weights {tuple(lam)}")
    k = int((inner @ lam).argmax())
    return PayoffBound(tuple(float(v) for v in inner[k]), float(inner[k] @ lam), upper,
                       f"weighted sum with weights {tuple(lam)}")


@dataclass(frozen=True, eq=False)
class SymmetricPayoffCurve:
    r"""The best symmetric equilibrium payoff :math:`\max\{t : (t, t) \in V(\delta)\}` on a grid of :math:`\delta`.

    Attributes
    ----------
    deltas : tuple of float
        The discount factors, increasing.
    lower : tuple of float
        At each :math:`\delta`, a symmetric payoff attained by an equilibrium (the
        inner set; ``-inf`` where it has no point on the diagonal).
    upper : tuple of float
        At each :math:`\delta`, a bound no equilibrium beats (the outer set).
    sets : tuple of EquilibriumPayoffSet
        The payoff sets the values were read from (each checkable by ``verify``).
    """

    deltas: tuple
    lower: tuple
    upper: tuple
    sets: tuple = field(repr=False)


def best_symmetric_payoffs(rg: RepeatedGame, deltas: Sequence[float], **options: Any) -> SymmetricPayoffCurve:
    r"""The best symmetric equilibrium payoff of a two-player game as a function of :math:`\delta`, bracketed.

    One :func:`equilibrium_payoff_set` per discount factor (``options`` are
    passed to it); :func:`best_symmetric_payoff` reads each bracket. Draw it with
    :func:`cybergames.plot.plot_best_symmetric_payoffs`.

    Raises
    ------
    ParameterError
        If ``deltas`` is empty.
    DiscountFactorError
        If a discount factor is not in :math:`[0, 1)`.

    Examples
    --------
    >>> from cybergames import NormalFormGame, RepeatedGame
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> curve = best_symmetric_payoffs(RepeatedGame(pd), [0.1, 0.5])   # (C, C) needs delta >= 1/7
    >>> [round(v, 3) for v in curve.lower], [round(v, 3) for v in curve.upper]   # brackets within the tolerance
    ([3.0, 9.0], [3.0, 9.0])
    """
    if not isinstance(rg, RepeatedGame):
        raise GameError(f"rg: expected a RepeatedGame, got {type(rg).__name__}")
    try:
        grid = sorted(float(d) for d in np.ravel(np.asarray(deltas, dtype=object)))
    except (TypeError, ValueError):
        raise DiscountFactorError(f"deltas: expected a sequence of discount factors in [0, 1), got {deltas!r}") \
            from None
    if not grid:
        raise ParameterError("deltas: expected at least one discount factor")
    sets = tuple(equilibrium_payoff_set(rg, d, **options) for d in grid)
    bounds = [best_symmetric_payoff(V) for V in sets]
    return SymmetricPayoffCurve(tuple(grid), tuple(b.value for b in bounds), tuple(b.upper for b in bounds), sets)
