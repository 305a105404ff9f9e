r"""The exact set of discount factors at which a strategy profile is an equilibrium.

By the one-shot deviation principle a profile is a subgame perfect
equilibrium (perfect monitoring) or a perfect public equilibrium (public
monitoring) iff no player gains from a one-shot deviation in any reachable
joint state. Each such *incentive constraint* is a rational function of
:math:`\delta`,

.. math:: g(\delta) = \frac{(1 - \delta)^e\, h(\delta)}{\det(I - \delta P)} \le 0,

whose denominator is positive on :math:`[0, 1)`, so it holds iff the
polynomial :math:`h(\delta) \le 0` (see :mod:`cybergames.repeated._polynomials`).
The set of sustainable :math:`\delta` is the intersection of the sign sets of
finitely many polynomials: a finite union of intervals whose endpoints are
real roots, found by exact root isolation (no grid). Exact games give
rational endpoints as :class:`~fractions.Fraction` and irrational ones as
sympy algebraic numbers (square-root expressions for quadratic factors,
``CRootOf`` otherwise); float games give float endpoints computed with numpy
and a stated tolerance; symbolic games give a sympy condition
(:class:`~cybergames.repeated.DeltaCondition`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Hashable

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, EXACT, FLOAT, SYMBOLIC
from ..errors import DiscountFactorError
from . import _isolation, _polynomials
from ._delta import DELTA, check_tol
from .joint import bind, chain

__all__ = ["Interval", "IncentiveConstraint", "DeltaSet", "sustainable_discount_factors",
           "critical_discount_factor"]


def _as_sympy(x: Any) -> sympy.Expr:
    if isinstance(x, float):
        return sympy.Rational(*Fraction(x).as_integer_ratio())
    return _numbers.to_sympy(x)


def compare(x: Any, y: Any) -> int:
    """The sign of ``x - y`` for real numbers of any kind (Fraction, float, algebraic sympy numbers)."""
    if not isinstance(x, sympy.Basic) and not isinstance(y, sympy.Basic):
        return (x > y) - (x < y)
    difference = _as_sympy(x) - _as_sympy(y)
    if difference == 0:
        return 0
    if difference.is_positive:
        return 1
    if difference.is_negative:
        return -1
    value = difference.evalf(50)
    if value.is_comparable:
        return 1 if value > 0 else (-1 if value < 0 else 0)
    raise DiscountFactorError(f"cannot compare {x!r} with {y!r}")


def _fmt(x: Any) -> str:
    if isinstance(x, Fraction):
        return str(x)
    if isinstance(x, float):
        return f"{x:.12g}"
    return str(x)


@dataclass(frozen=True)
class Interval:
    """An interval of discount factors with exact (or float) endpoints.

    Attributes
    ----------
    lower, upper : Fraction, float or sympy.Expr
        The endpoints, ``lower <= upper``; ``upper`` is 1 for sets reaching 1.
    lower_closed, upper_closed : bool
        Whether each endpoint belongs to the interval. A single point is the
        degenerate closed interval ``[d, d]``.
    """

    lower: Any
    upper: Any
    lower_closed: bool
    upper_closed: bool

    @property
    def is_degenerate(self) -> bool:
        """Whether the interval is a single point ``[d, d]``."""
        return self.lower_closed and self.upper_closed and compare(self.lower, self.upper) == 0

    def __contains__(self, x: Any) -> bool:
        low, high = compare(x, self.lower), compare(x, self.upper)
        return (low > 0 or (low == 0 and self.lower_closed)) and (high < 0 or (high == 0 and self.upper_closed))

    def as_relational(self, delta: sympy.Symbol = DELTA) -> sympy.Basic:
        """The interval as a sympy condition on ``delta``."""
        if self.is_degenerate:
            return sympy.Eq(delta, _as_sympy(self.lower))
        low = (sympy.Ge if self.lower_closed else sympy.Gt)(delta, _as_sympy(self.lower))
        high = (sympy.Le if self.upper_closed else sympy.Lt)(delta, _as_sympy(self.upper))
        return sympy.And(low, high)

    def __str__(self) -> str:
        if self.is_degenerate:
            return f"[{_fmt(self.lower)}, {_fmt(self.upper)}]"
        return (("[" if self.lower_closed else "(") + f"{_fmt(self.lower)}, {_fmt(self.upper)}"
                + ("]" if self.upper_closed else ")"))


@dataclass(frozen=True)
class IncentiveConstraint:
    r"""One one-shot deviation as a polynomial condition on the discount factor.

    The gain of ``player`` deviating to ``deviation`` in joint ``state`` is

    .. math:: g(\delta) = (1 - \delta)^{e}\, h(\delta) / D(\delta),

    with :math:`h` = ``coefficients`` (ascending powers of :math:`\delta`),
    :math:`e` = ``power`` and :math:`D(\delta) = \det(I - \delta P)` =
    ``denominator``, positive on :math:`[0, 1)`. The deviation does not pay
    iff :math:`h(\delta) \le 0`.
    """

    player: int
    state: Hashable
    deviation: str
    coefficients: tuple
    power: int
    denominator: tuple = field(repr=False)

    def polynomial(self, delta: sympy.Symbol = DELTA) -> sympy.Expr:
        """:math:`h` as a sympy expression in ``delta``."""
        return sympy.expand(sum(_numbers.to_sympy(c) * delta ** k for k, c in enumerate(self.coefficients)))

    def gain(self, delta: Any) -> Any:
        """The deviation's gain at ``delta``, from the certificate polynomials."""
        h = _polynomials.evaluate(self.coefficients, delta)
        d = _polynomials.evaluate(self.denominator, delta)
        return _numbers.ratio((1 - delta) ** self.power * h, d)


@dataclass(frozen=True, eq=False)
class DeltaSet:
    r"""The discount factors in :math:`[0, 1)` at which a profile is an equilibrium.

    Attributes
    ----------
    intervals : tuple of Interval
        Disjoint, in increasing order; empty when no discount factor works.
    kind : str
        ``"exact"`` (Fraction and algebraic endpoints) or ``"float"``.
    concept : str
        ``"subgame perfect"`` under perfect monitoring, ``"perfect public"``
        otherwise.
    player : int or None
        When set, only this player's incentive constraints were imposed.
    tol : float or None
        The float path's sign tolerance, relative to each polynomial's largest
        coefficient (``None`` for exact sets).
    constraints : tuple of IncentiveConstraint
        The certificate: every incentive constraint as a polynomial.
    denominator : tuple
        :math:`\det(I - \delta P)`, ascending coefficients.
    rg, profile
        The inputs.
    """

    intervals: tuple
    kind: str
    concept: str
    player: int | None = None
    tol: float | None = None
    constraints: tuple = field(default=(), repr=False)
    denominator: tuple = field(default=(), repr=False)
    rg: Any = field(default=None, repr=False)
    profile: Any = field(default=None, repr=False)

    @property
    def is_empty(self) -> bool:
        """Whether no discount factor in [0, 1) sustains the profile."""
        return not self.intervals

    @property
    def infimum(self) -> Any:
        """The smallest sustainable discount factor (an infimum if not attained); None if empty."""
        return self.intervals[0].lower if self.intervals else None

    @property
    def is_interval_to_one(self) -> bool:
        """Whether the set is one non-degenerate interval reaching up to 1."""
        return (len(self.intervals) == 1 and compare(self.intervals[0].upper, 1) == 0
                and not self.intervals[0].is_degenerate)

    @property
    def points(self) -> tuple:
        """The isolated sustainable discount factors (degenerate intervals)."""
        return tuple(i.lower for i in self.intervals if i.is_degenerate)

    @property
    def condition(self) -> sympy.Basic:
        """The set as a sympy condition on :data:`DELTA`."""
        return sympy.Or(*(i.as_relational() for i in self.intervals))

    def __contains__(self, delta: Any) -> bool:
        value = _numbers.normalise(delta, "delta", DiscountFactorError)
        if isinstance(value, sympy.Basic) and not value.is_number:
            raise DiscountFactorError(f"delta: expected a number, got the expression {delta!r}")
        if compare(value, 0) < 0 or compare(value, 1) >= 0:
            return False
        return any(value in interval for interval in self.intervals)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DeltaSet):
            return NotImplemented
        return self.intervals == other.intervals

    def __hash__(self) -> int:
        return hash(self.intervals)

    def __str__(self) -> str:
        return " U ".join(str(i) for i in self.intervals) if self.intervals else "{}"


#: Above this many joint states the float path computes its polynomials exactly from the float inputs.
FLOAT_POLYNOMIAL_STATES = 12


def concept_of(rg: Any) -> str:
    return "subgame perfect" if rg.is_perfect else "perfect public"


def _players(rg: Any, player: Any) -> tuple[range | list, int | None]:
    if player is None:
        return range(rg.num_players), None
    i = rg.stage.player_index(player)
    return [i], i


def _certificate(c: Any, raw: list, D: tuple) -> tuple:
    game = c.bound.rg.stage
    return tuple(IncentiveConstraint(r.player, c.bound.states[r.state], game.actions[r.player][r.action],
                                     tuple(_plain(x) for x in r.coefficients), r.power,
                                     tuple(_plain(x) for x in D)) for r in raw)


def _plain(x: Any) -> Any:
    if isinstance(x, np.generic):
        return x.item()
    return x


def sustainable_discount_factors(rg: Any, profile: Any, *, player: int | str | None = None,
                                 tol: float = DEFAULT_TOL, assumptions: Any = (),
                                 delta: sympy.Symbol = DELTA) -> Any:
    r"""The exact set of discount factors :math:`\delta \in [0, 1)` at which ``profile`` is an equilibrium.

    Subgame perfect under perfect monitoring, perfect public under public
    monitoring: every one-shot deviation of every player in every reachable
    joint state is unprofitable.

    Parameters
    ----------
    rg : RepeatedGame
        The repeated game.
    profile : tuple of Automaton or JointAutomaton
        The strategy profile.
    player : int or str, optional
        Impose only this player's constraints (for players with different
        patience: player ``i``'s condition on its own discount factor).
    tol : float
        Float games only: the sign tolerance relative to each constraint
        polynomial's largest coefficient. A constraint whose coefficients
        all lie below ``tol`` times the player's payoff scale is the zero
        polynomial (a deviation that changes nothing): it holds at every δ.
    assumptions : sequence of sympy relations
        Symbolic games only: facts about the parameters (e.g.
        ``[T > R, R > P, P > S]``) under which the condition is simplified.
    delta : sympy.Symbol
        Symbolic games only: the symbol for the discount factor (default
        :data:`DELTA`, named ``delta``).

    Returns
    -------
    DeltaSet or DeltaCondition
        A :class:`DeltaSet` for numeric games; a :class:`DeltaCondition`
        (a sympy condition on ``delta``) for symbolic ones.

    Raises
    ------
    AutomatonError
        If the profile does not fit the game.
    GameError
        If ``player`` is not a player.

    References
    ----------
    Mailath & Samuelson, *Repeated Games and Reputations* (2006),
    propositions 2.2.1 (one-shot deviation principle) and 7.1.1 (for PPE).

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, grim_trigger, tit_for_tat, limited_punishment
    >>> rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
    >>> print(sustainable_discount_factors(rg, (grim_trigger(), grim_trigger())))
    [1/2, 1)
    >>> print(sustainable_discount_factors(rg, (limited_punishment(2), limited_punishment(2))))
    [-1/2 + sqrt(5)/2, 1)
    >>> print(sustainable_discount_factors(RepeatedGame(prisoners_dilemma(T=6, R=4, P=2, S=0)),
    ...                                    (tit_for_tat(), tit_for_tat())))
    [1/2, 1/2]
    """
    bound = bind(rg, profile)
    players, index = _players(rg, player)
    c = chain(bound)
    if c.kind == SYMBOLIC:
        from .symbolic import solve_symbolic
        return solve_symbolic(c, players, index, assumptions=assumptions, delta=delta, profile=profile)
    tol = check_tol(tol)
    if c.kind == FLOAT and bound.num_states > FLOAT_POLYNOMIAL_STATES:
        # float polynomial coefficients of high degree lose their accuracy: solve the float inputs
        # exactly (every float is a dyadic rational) and round the endpoints
        raw, D = _polynomials.constraints(_polynomials.exact_chain(c), players)
        raw = _polynomials.without_rounding_noise(raw, c, D, tol)
        pieces = _isolation.solve_exact([r.coefficients for r in raw], as_float=True)
    elif c.kind == FLOAT:
        raw, D = _polynomials.constraints(c, players, tol=tol)
        pieces = _isolation.solve_float([r.coefficients for r in raw], tol)
    else:
        raw, D = _polynomials.constraints(c, players, tol=tol)
        pieces = _isolation.solve_exact([r.coefficients for r in raw])
    intervals = tuple(Interval(lo, hi, lc, hc) for lo, hi, lc, hc in pieces)
    return DeltaSet(intervals, c.kind if c.kind == FLOAT else EXACT, concept_of(rg), index,
                    float(tol) if c.kind == FLOAT else None, _certificate(c, raw, D),
                    tuple(_plain(x) for x in D), rg, profile)


def critical_discount_factor(rg: Any, profile: Any, player: int | str | None = None, *,
                             tol: float = DEFAULT_TOL, assumptions: Any = (),
                             delta: sympy.Symbol = DELTA) -> Any:
    r"""The smallest discount factor from which on ``profile`` is an equilibrium.

    Defined when the sustainable set is one interval reaching up to 1,
    :math:`[\delta^*, 1)` (or :math:`(\delta^*, 1)`); it is then
    :math:`\delta^*`, the infimum.

    Parameters
    ----------
    rg, profile, tol, assumptions, delta
        As for :func:`sustainable_discount_factors`.
    player : int or str, optional
        Only this player's constraints: its own critical discount factor.

    Returns
    -------
    Fraction, sympy.Expr or float
        Exact for exact games (a Fraction when rational, an algebraic number
        otherwise), float for float games, and for symbolic games the
        expression :math:`e` of a condition ``delta >= e``.

    Raises
    ------
    DiscountFactorError
        If the set is not an interval up to 1: empty, an isolated point, or a
        union with gaps (the message shows the set; call
        :func:`sustainable_discount_factors` to inspect it), or if a symbolic
        condition is not of the form ``delta >= e``.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, grim_trigger
    >>> critical_discount_factor(RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0)), (grim_trigger(), grim_trigger()))
    Fraction(1, 2)
    >>> from sympy import symbols
    >>> T, R, P, S = symbols("T R P S")
    >>> critical_discount_factor(RepeatedGame(prisoners_dilemma(T=T, R=R, P=P, S=S)), (grim_trigger(), grim_trigger()),
    ...                          assumptions=[T > R, R > P, P > S])
    (-R + T)/(-P + T)
    """
    result = sustainable_discount_factors(rg, profile, player=player, tol=tol, assumptions=assumptions,
                                          delta=delta)
    if isinstance(result, DeltaSet):
        if result.is_interval_to_one:
            return result.intervals[0].lower
        if result.is_empty:
            what = "no discount factor in [0, 1) sustains the profile"
        elif len(result.intervals) == 1 and result.intervals[0].is_degenerate:
            what = f"the profile is sustainable only at the isolated point {result}"
        elif len(result.intervals) == 1:
            what = f"the sustainable set {result} does not reach 1"
        else:
            what = f"the sustainable set {result} has gaps"
        raise DiscountFactorError(f"no critical discount factor: {what}; see sustainable_discount_factors")
    threshold = result.threshold
    if threshold is None:
        hint = "" if result.assumptions else (" (the signs of its coefficients are unknown: pass assumptions=, "
                                              "e.g. [T > R, R > P, P > S] for a prisoner's dilemma)")
        raise DiscountFactorError(f"no critical discount factor: the condition {result.condition} is not "
                                  f"of the form delta >= e{hint}; see sustainable_discount_factors(...).condition")
    return threshold
