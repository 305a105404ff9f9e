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
from ..._verify import Verification, verify
from ...errors import DiscountFactorError, GameError, ParameterError
from ..game import RepeatedGame
from ._vertex import undeterrable_vertex, vertex_threshold
from .result import EquilibriumPayoffSet, equilibrium_payoff_set
from .stage import stage_of

__all__ = ["DiscountFactorBracket", "PayoffBound", "min_discount_factor_for_payoff",
           "best_symmetric_payoff", "most_cooperative_payoff", "SymmetricPayoffCurve", "best_symmetric_payoffs"]


@dataclass(frozen=True, eq=False)
class DiscountFactorBracket:
    r"""Where the smallest :math:`\delta` supporting a payoff lies, with how each end is certified.

    Attributes
    ----------
    payoff : tuple
        The target payoff vector (exact for exact input).
    lower, upper : Fraction or float
        :math:`\delta^* \in [\text{lower}, \text{upper}]`. ``upper`` is None
        when the payoff was not reached below the search's upper end. Fractions
        where an end is certified exactly (see ``certificate``), floats where it
        comes from the float payoff sets: at a float ``lower`` the payoff is
        outside the outer approximation (no equilibrium gives it), at a float
        ``upper`` inside the inner one (an equilibrium gives it).
    found : bool
        Whether an equilibrium giving the payoff was found (``upper`` is set).
    evaluations : int
        How many payoff sets were computed.
    exact : bool
        Whether the least discount factor is known exactly: ``lower == upper``,
        both Fractions, and :math:`\delta^*` is attained.
    profile : tuple of Automaton or None
        An explicit equilibrium attaining the payoff at ``upper`` (checkable with
        :func:`~cybergames.check_equilibrium`), when one was constructed.
    witnesses : tuple of profiles
        Explicit equilibria at a float ``upper`` whose values, with the inner
        set's vertices, span the payoff (a public lottery over them attains it);
        empty when the inner set alone certifies ``upper``.
    certificate : str
        How ``lower`` and ``upper`` are certified, in words.
    polygon : tuple of (Fraction, Fraction)
        Two players under perfect monitoring with exact payoffs, when the float
        bracket closes on a rational :math:`r`: the vertices of a polygon that is
        self-generating at ``upper`` = :math:`r` in exact arithmetic and contains
        the payoff, while the exact outer sequence at ``lower`` =
        :math:`r - 10^{-12}` excludes it (a certified rational bracket of width
        :math:`10^{-12}`, attained at ``upper``); empty otherwise.
    outer_sequence : tuple
        Three or more players, searched point by point: ``(directions, steps)``,
        the unit directions of an outer sequence from the feasible set cut to
        the pure minmax vector whose ``steps``-th set, at a float ``lower``,
        excludes the payoff (``cybergames.repeated.payoff_sets.verify.outer_levels``
        recomputes it); empty otherwise.
    inner_set : tuple
        Three or more players, searched point by point: the vertices of a
        polytope, self-generating at a float ``upper``, that contains the payoff
        (with the ``witnesses``' values, when there are any); empty otherwise.
    """

    payoff: tuple
    lower: Any
    upper: Any
    found: bool
    evaluations: int
    game: RepeatedGame = field(repr=False, default=None)
    exact: bool = False
    profile: tuple | None = field(repr=False, default=None)
    certificate: str = field(repr=False, default="")
    options: tuple = field(repr=False, default=())
    witnesses: tuple = field(repr=False, default=())
    polygon: tuple = field(repr=False, default=())
    outer_sequence: tuple = field(repr=False, default=())
    inner_set: tuple = field(repr=False, default=())

    @property
    def width(self) -> Any:
        """``upper - lower`` (inf when not found; exact when both ends are)."""
        return math.inf if self.upper is None else self.upper - self.lower


def _payoff(payoff: Any, players: int = 2) -> list:
    values = [_numbers.normalise(v, f"payoff[{k}]", GameError) for k, v in enumerate(np.ravel(np.asarray(payoff, dtype=object)))]
    if len(values) != players or _numbers.kind_of(values) == _numbers.SYMBOLIC:
        raise GameError(f"payoff: expected {players} numbers (one per player), got {payoff!r}")
    return values


def _target(rg: RepeatedGame, payoff: Any, fraction: Any) -> tuple:
    """The payoff asked about: ``payoff`` itself, or ``fraction`` of the way to it from the stage Nash payoff.

    Exact (a tuple of Fractions) when the payoff, the fraction and the game are exact; floats otherwise.
    """
    from ..geometry import feasible_payoffs
    from .stage import stage_of
    if not isinstance(rg, RepeatedGame):
        raise ParameterError(f"rg: expected a RepeatedGame, got {type(rg).__name__}")
    stage = stage_of(rg, any_players=True)
    target = _payoff(payoff, stage.payoffs.shape[1])
    exact = _numbers.kind_of(target) == _numbers.EXACT and \
        _numbers.kind_of([x for p in rg.stage.payoffs for x in p.flat]) == _numbers.EXACT
    if fraction is not None:
        if isinstance(fraction, bool) or not isinstance(fraction, (int, float, Fraction)) or not 0 <= fraction <= 1:
            raise ParameterError(f"fraction: expected a number in [0, 1], got {fraction!r}")
        exact = exact and not isinstance(fraction, float)
        nash = [k for k in range(stage.size) if stage.nash[k]]
        if not nash:
            raise GameError("fraction: the stage game has no pure Nash equilibrium to measure the fraction from")
        worst = min(nash, key=lambda k: stage.payoffs[k].sum())  # the worst pure Nash payoff (by total)
        index = next(idx for k, idx in enumerate(np.ndindex(*rg.stage.shape)) if k == worst)
        start = [p[index] for p in rg.stage.payoffs]
        target = [s + fraction * (t - s) for s, t in zip(start, target)]
    target = tuple(Fraction(v) for v in target) if exact else tuple(float(v) for v in target)
    if not feasible_payoffs(rg.stage).contains(target, tol=1e-9):
        raise GameError(f"payoff: {tuple(float(v) for v in target)} is not a feasible payoff of the stage game "
                        f"(outside the convex hull of its payoff vectors)")
    return target


def min_discount_factor_for_payoff(rg: RepeatedGame, payoff: Sequence[Any], *, fraction: Any = None,
                                   lower: float = 0.0, upper: float = 0.999, xtol: float = 1e-4,
                                   **options: Any) -> DiscountFactorBracket:
    r"""The smallest discount factor at which ``payoff`` is an equilibrium payoff, bracketed.

    Two certificates are combined.

    * **Exact: perfect monitoring, exact input, an extreme payoff** (any
      number of players). A vertex :math:`v` of the feasible set can only be obtained by
      playing a profile :math:`a` with :math:`u(a) = v` for ever, so with the
      best deviation gain :math:`g_i(a)` and the pure minmax value :math:`m_i`
      (the worst any equilibrium can do to :math:`i`)

      .. math:: \delta^* \ge \min_{a : u(a) = v} \max_i \frac{g_i(a)}{g_i(a) + v_i - m_i},

      and Nash reversion attains the same bound with :math:`m_i` replaced by
      the worst stage Nash payoff of :math:`i`. When the two agree,
      ``lower == upper`` exactly, ``exact`` is True and ``profile`` is the
      reversion profile. When every such :math:`a` has a player with
      :math:`g_i(a) > 0` and :math:`v_i \le m_i`, no :math:`\delta < 1` works
      (``found`` is False, ``lower`` is 1, ``certificate`` names the player).
    * **Exact: public monitoring, an extreme payoff.** Every continuation of
      an equilibrium giving a vertex :math:`v` of the feasible set is
      :math:`v` itself after every signal the path can produce, so a
      profitable deviation that produces no other signal cannot be punished.
      When every profile paying :math:`v` has one, no :math:`\delta < 1`
      works (``found`` is False, ``lower`` is 1, ``certificate`` names the
      deviations): mutual cooperation under full-support monitoring, say.
    * **Otherwise, bisection on** :math:`\delta` with
      :func:`equilibrium_payoff_set`: a :math:`\delta` whose inner
      approximation contains the payoff is an upper bound, one whose outer
      approximation misses it a lower bound (the equilibrium set grows with
      :math:`\delta`: Abreu, Pearce & Stacchetti 1990, Theorem 6, for convex
      sets, as public randomisation makes them). The first upper end is
      searched upwards from ``lower`` (:math:`1 - \delta` halves at each step,
      ``upper`` last), since a set costs about :math:`1/(1 - \delta)` steps.
      Under imperfect monitoring,
      where the inner set does not decide, explicit equilibria also certify
      "is": the named profiles of :func:`~cybergames.best_equilibrium`'s family
      that :func:`~cybergames.check_equilibrium` accepts at :math:`\delta`,
      whose values with the inner vertices span the payoff (a public lottery
      attains it); they are kept as ``witnesses``. Where nothing decides, the
      two ends are searched separately, so the bracket is always certified at
      both ends; it is wider than ``xtol`` only when the payoff sets did not
      converge (raise ``max_iter`` or lower ``tol``), or when the payoff lies
      on the boundary of the equilibrium set over a range of :math:`\delta`
      (on an edge that the set keeps as it grows), where no float set decides.
    * **Three or more players: point by point.** Unless ``method`` is given
      (which keeps the bisection over whole payoff sets above), each
      :math:`\delta` is decided for the payoff alone
      (``cybergames.repeated.payoff_sets.membership``): "no" by an outer
      sequence in a few directions (the coordinate axes, the payoff's
      direction from the stage Nash payoff, then 32 spread ones) whose set
      cuts the payoff off, "yes" by a polytope containing it whose every vertex
      is certified generated by it (self-generating). The certificates are kept
      as ``outer_sequence`` and ``inner_set`` and re-checked by
      :func:`~cybergames.verify`. Where neither decides, each end is bisected
      on its own certificate, and the certificate says when the bracket is
      wider than ``xtol``.
    * **Exact polygons: two players, perfect monitoring, exact input, any
      payoff.** When the bisected bracket holds a rational :math:`r` (the one
      with the smallest denominator is tried), the self-generation operator is
      run in exact arithmetic: a polygon self-generating at :math:`r` and
      containing the payoff, and an outer sequence at :math:`r - 10^{-12}` that
      excludes it, give the rational bracket :math:`(r - 10^{-12}, r]`, attained
      at ``upper`` (``polygon`` holds the polygon). An irrational threshold
      keeps the float bracket.

    Parameters
    ----------
    rg : RepeatedGame
        A repeated game.
    payoff : sequence of numbers
        The target payoff vector, one entry per player; it must be feasible.
    fraction : number in [0, 1], optional
        Ask instead about the payoff ``fraction`` of the way from the stage
        Nash payoff (the pure one with the smallest total) to ``payoff``:
        ``fraction=1/2`` with ``payoff=(R, R)`` is half the gain of mutual cooperation.
    lower, upper : float
        The interval the bisection searches, :math:`0 \le \text{lower} < \text{upper} < 1`
        (the exact certificate does not need it).
    xtol : float, default 1e-4
        Stop the bisection when the bracket is at most this wide.
    **options
        Passed to :func:`equilibrium_payoff_set` (``tol``, ``method``, ``directions``, ...).
        Without ``tol``, each :math:`\delta` is asked at a gap of :math:`10^{-3}`
        (of the payoff scale, when below 1), then :math:`10^{-4}` and
        :math:`10^{-5}` while the payoff lies between the inner and the outer set.

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
        If ``fraction`` is not in [0, 1] or ``xtol`` is not positive.

    References
    ----------
    Mailath & Samuelson, *Repeated Games and Reputations*, 2006, sections 2.1
    (minmax bound), 2.2 (one-shot deviation principle, Prop. 2.2.1), 2.5
    (self-generation with public correlation). Abreu, Pearce & Stacchetti,
    *Econometrica* 58(5), 1990, Theorems 1, 2 and 6.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma, RepeatedGame
    >>> bracket = min_discount_factor_for_payoff(RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0)), (3, 3))
    >>> bracket.lower, bracket.upper, bracket.exact      # (T - R)/(T - P) = 2/4
    (Fraction(1, 2), Fraction(1, 2), True)
    >>> from cybergames import NormalFormGame
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> half = min_discount_factor_for_payoff(RepeatedGame(pd), (9, 9), fraction=0.5, xtol=1e-3)
    >>> half.payoff, half.upper < 1 / 7 + 1e-3, half.width <= 1e-3  # (6, 6): halfway from the Nash payoff (3, 3)
    ((6.0, 6.0), True, True)
    >>> from fractions import Fraction
    >>> exact = min_discount_factor_for_payoff(RepeatedGame(pd), (9, 9), fraction=Fraction(1, 2), xtol=1e-3)
    >>> exact.upper, exact.width, exact.polygon      # grim trigger's 1/7, in exact arithmetic
    (Fraction(1, 7), Fraction(1, 1000000000000), ((Fraction(3, 1), Fraction(3, 1)), (Fraction(9, 1), Fraction(9, 1))))
    """
    target = _target(rg, payoff, fraction)
    for name, value in (("lower", lower), ("upper", upper)):
        if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)) or not 0 <= value < 1:
            raise DiscountFactorError(f"{name} must satisfy 0 <= {name} < 1, got {value!r}")
    if lower >= upper:
        raise DiscountFactorError(f"lower must be below upper, got lower={lower!r}, upper={upper!r}")
    if isinstance(xtol, bool) or not isinstance(xtol, (int, float)) or not xtol > 0:
        raise ParameterError(f"xtol: expected a positive number, got {xtol!r}")
    # The sets' gap: down to 1e-5 in payoff units, and 1e-5 of the payoff scale for payoffs below 1
    # (where 1e-5 absolute left every set at its first bracket and the lower end at 0). Each delta is
    # asked at 1e-3 of that unit first, and finer only while the payoff lies between the two sets.
    unit = min(1.0, stage_of(rg, any_players=True).scale)
    tols = (options.pop("tol"),) if "tol" in options else (1e-3 * unit, 1e-4 * unit, 1e-5 * unit)
    frozen_options = tuple(sorted({**options, "tol": tols}.items()))
    out_of_reach = _undeterrable_bracket(rg, target, frozen_options)
    if out_of_reach is not None:
        return out_of_reach
    known = vertex_threshold(rg, target) if isinstance(target[0], Fraction) else None
    if known is not None and known.lower is None:
        return DiscountFactorBracket(target, Fraction(1), None, False, 0, rg, False, None,
                                     f"no discount factor below one: {known.reason}", frozen_options)
    if known is not None and known.upper is not None and known.upper == known.lower:
        return DiscountFactorBracket(
            target, known.lower, known.upper, True, 0, rg, True, known.profile,
            f"exact: {known.reason}; no equilibrium gives it below {known.lower} (deviations punished at most to "
            f"the pure minmax {known.minmax}), and playing {known.path} with Nash reversion does from there on",
            frozen_options)
    if rg.num_players >= 3 and "method" not in options:
        bracket = _pointwise(rg, target, float(lower), float(upper), xtol, frozen_options)
    else:
        bracket = _bisection(rg, target, float(lower), float(upper), xtol, options, tols, frozen_options)
    if known is None:
        refined = _exact_bracket(rg, target, bracket) if rg.is_perfect and rg.num_players == 2 \
            and isinstance(target[0], Fraction) and bracket.found else None
        return bracket if refined is None else refined
    lo, hi, profile, words = bracket.lower, bracket.upper, None, [bracket.certificate]
    if known.lower >= lo:
        lo = known.lower
        words.append(f"lower end exact: no equilibrium gives it below {known.lower} (the pure minmax bound)")
    if known.upper is not None and (hi is None or known.upper <= hi):
        hi, profile = known.upper, known.profile
        words.append(f"upper end exact: playing {known.path} with Nash reversion gives it from {known.upper} on")
    return DiscountFactorBracket(target, lo, hi, hi is not None, bracket.evaluations, rg, lo == hi, profile,
                                 "; ".join(words), frozen_options)


def undeterrable_bracket(rg: RepeatedGame, payoff: Sequence[Any]) -> DiscountFactorBracket | None:
    """:func:`min_discount_factor_for_payoff`'s answer for ``payoff`` when the public-monitoring vertex
    argument decides it ("no discount factor below one"), without the rest of the search; else None."""
    return _undeterrable_bracket(rg, _target(rg, payoff, None), ())


def _undeterrable_bracket(rg: RepeatedGame, target: tuple, frozen_options: tuple) -> DiscountFactorBracket | None:
    undeterrable = undeterrable_vertex(rg, target)
    if undeterrable is None:
        return None
    return DiscountFactorBracket(target, Fraction(1) if isinstance(target[0], Fraction) else 1.0, None, False,
                                 0, rg, False, None, f"no discount factor below one (a vertex of the feasible "
                                 f"set under public monitoring): {undeterrable}", frozen_options)


def _bisection(rg: RepeatedGame, target: tuple, lower: float, upper: float, xtol: float,
               options: dict, tols: tuple, frozen_options: tuple) -> DiscountFactorBracket:
    """Bisection on delta with the payoff sets' verdicts (True inside inner, False outside outer).

    Each verdict is asked at the coarsest tolerance of ``tols`` first and at the finer ones only while
    the payoff lies between the inner and the outer set. The upper end is searched upwards from
    ``lower`` (1 - delta halves at each step) rather than asked at ``upper`` first, since a set costs
    about 1/(1 - delta) operator steps.
    """
    point = np.array([float(v) for v in target])
    evaluations = 0
    words = "float: outside the outer set at lower, inside the inner (self-generating) set at upper"
    named = _named_profiles(rg)
    used: dict = {}                                              # delta -> witnesses that decided it

    def verdict(delta: float) -> bool | None:
        nonlocal evaluations
        answer = None
        for tol in tols:
            evaluations += 1
            payoff_set = equilibrium_payoff_set(rg, delta, tol=tol, **options)
            answer = payoff_set.contains(point, tol=1e-9)
            if answer is not None:
                return answer
        if named:
            witnesses = _spanning_witnesses(rg, payoff_set, named, delta, point)
            if witnesses is not None:
                used[delta] = witnesses
                return True
        return answer

    def result(lo, hi, found):
        witnesses = used.get(hi, ()) if found else ()
        text = words + ("; at upper, with the values of explicit equilibria (a public lottery over them and the "
                        "inner set gives the payoff)" if witnesses else "")
        return DiscountFactorBracket(target, lo, hi, found, evaluations, rg, False, None, text, frozen_options,
                                     witnesses)

    def undecided(a: float, mid: float, hi: float, lo: float | None) -> tuple:
        hi = _bisect(verdict, mid, hi, True, xtol)                 # shrink each end on its own
        found_lo = _bisect(verdict, a, mid, False, xtol)
        return (found_lo if found_lo is not None else lo), hi

    lo, hi = _search(verdict, lower, upper, xtol, undecided)
    return result(0.0 if lo is None else lo, hi, hi is not None)


def _pointwise(rg: RepeatedGame, target: tuple, lower: float, upper: float, xtol: float,
               frozen_options: tuple) -> DiscountFactorBracket:
    """Three or more players: bisection on delta with the certificates of one point (:mod:`.membership`).

    "No" at a delta is an outer sequence in a few directions that cuts the payoff off (the point's own
    directions first, then 32 more spread ones), "yes" a self-generating polytope that contains it. Where
    neither decides, the upper end is bisected with the inner certificate alone and the lower end with
    the outer one alone.
    """
    from . import membership
    stage = stage_of(rg, any_players=True)
    point = np.array([float(v) for v in target])
    own = membership.point_directions(stage, point)
    tiers = (own, membership.point_directions(stage, point, 32))
    outside, inside = {}, {}
    evaluations = 0

    def out(delta: float, deep: bool = True) -> bool:
        nonlocal evaluations
        for directions in tiers if deep else tiers[:1]:
            evaluations += 1
            steps = membership.outer_exclusion(stage, delta, point, directions)
            if steps is not None:
                outside[delta] = (tuple(tuple(h) for h in directions.tolist()), steps)
                return True
        return False

    def ins(delta: float) -> bool:
        nonlocal evaluations
        evaluations += 1
        vertices = membership.inner_containing(stage, delta, point, own)
        if vertices is not None:
            inside[delta] = tuple(tuple(v) for v in vertices.tolist())
        return vertices is not None

    def verdict(delta: float) -> bool | None:
        return False if out(delta, deep=False) else True if ins(delta) else None

    def undecided(a: float, mid: float, hi: float, lo: float | None) -> tuple:
        hi = _bisect(lambda d: True if ins(d) else None, mid, hi, True, xtol)    # each end on its own certificate
        if out(mid):
            lo, a, b = mid, mid, hi
        else:
            b = mid
        found = _bisect(lambda d: False if out(d) else None, a, b, False, xtol)
        return (found if found is not None else lo), hi

    lo, hi = _search(verdict, lower, upper, xtol, undecided)
    lo = 0.0 if lo is None else lo
    words = ("float, point by point: at lower an outer sequence in a few directions cuts the payoff off (no "
             "equilibrium gives it there, nor below, as the set grows with delta); at upper a polytope "
             "certified self-generating contains it")
    if hi is not None and hi - lo > xtol:
        words += f"; wider than xtol = {xtol}: neither certificate decides in between"
    return DiscountFactorBracket(target, lo, hi, hi is not None, evaluations, rg, False, None, words,
                                 frozen_options, outer_sequence=outside.get(lo, ()),
                                 inner_set=inside.get(hi, ()) if hi is not None else ())


def _upward(lower: float, upper: float):
    """Discount factors from ``lower`` up to ``upper``: 1 - delta halves at each step, ``upper`` last."""
    delta = lower
    while True:
        delta = 1 - (1 - delta) / 2
        if delta >= upper:
            yield upper
            return
        yield delta


#: The width of the exact rational bracket :func:`_exact_bracket` certifies, and its budget of exact steps.
EXACT_WIDTH = Fraction(1, 10 ** 12)
EXACT_STEPS = 40


def _simplest_between(lo: Fraction, hi: Fraction) -> Fraction:
    """The rational with the smallest denominator in ``[lo, hi]`` (``0 <= lo <= hi``), by continued fractions."""
    whole = lo.numerator // lo.denominator
    if whole == lo or whole + 1 <= hi:
        return Fraction(whole if whole == lo else whole + 1)
    return whole + 1 / _simplest_between(1 / (hi - whole), 1 / (lo - whole))


def _exact_bracket(rg: RepeatedGame, target: tuple, bracket: DiscountFactorBracket) -> DiscountFactorBracket | None:
    r"""A rational bracket of width :data:`EXACT_WIDTH` around the least delta, certified exactly; or None.

    Two players, perfect monitoring, exact payoffs and payoff. The candidate
    :math:`r` is the simplest rational in the float bracket. At :math:`r` a
    polygon that is self-generating in exact arithmetic and contains the
    payoff proves it an equilibrium payoff (the seed, or the float polygon
    method's sets at :math:`r` with rationalised vertices, grown by
    :math:`Z \mapsto B(Z)`); at :math:`r - 10^{-12}` the exact outer sequence
    from the feasible set cut to the pure minmax vector excluding the payoff
    proves it is not one there, nor, by monotonicity in :math:`\delta`, below
    (:mod:`._exact_polygon`). None when either certificate fails within
    :data:`EXACT_STEPS` steps.
    """
    from ._exact_polygon import ExactPolygonOperator
    low, high = Fraction(bracket.lower), Fraction(bracket.upper)
    if not 0 < low <= high < 1:
        return None
    r = _simplest_between(low, high)
    below = r - EXACT_WIDTH
    if below <= 0:
        return None
    floats = equilibrium_payoff_set(rg, float(r), method="polygon", tol=1e-9)
    starts = tuple([tuple(Fraction(x).limit_denominator(10 ** 6) for x in v)
                    for v in np.asarray(polytope.vertices, dtype=float).tolist()]
                   for polytope in (floats.inner, floats.outer) if len(polytope.vertices))
    found = ExactPolygonOperator(rg, r).certify_in(target, EXACT_STEPS, starts)
    if found is None:
        return None
    outside = ExactPolygonOperator(rg, below).certify_out(target, EXACT_STEPS)
    if outside is None:
        return None
    polygon, steps = found
    words = (f"exact rational bracket: at upper = {r} the polygon with vertices {[tuple(map(str, v)) for v in polygon]} "
             f"is self-generating in exact arithmetic and contains the payoff"
             + (f" ({steps} exact steps Z -> B(Z) from a self-generating start)" if steps else "")
             + f"; at lower = {below} the exact outer sequence from the feasible set cut to the pure minmax vector "
             f"excludes it after {outside} steps, so no delta up to lower gives it (the set grows with delta)")
    return DiscountFactorBracket(target, below, r, True, bracket.evaluations + 1, rg, False, None, words,
                                 bracket.options, (), tuple(polygon))


def _named_profiles(rg: RepeatedGame) -> list:
    """The named automaton profiles of :func:`~cybergames.best_equilibrium`'s family, in floats, or []."""
    from ..best import _as_float, family
    if rg.is_perfect:
        return []                                    # the polygon method is exact there
    floats = _as_float(rg)
    return [(floats, profile) for _, profile in family(rg)]


def _spanning_witnesses(rg: RepeatedGame, payoff_set: EquilibriumPayoffSet, named: list, delta: float,
                        point: np.ndarray) -> tuple | None:
    """Profiles that are equilibria at ``delta`` whose values, with the inner vertices, span ``point``; or None."""
    from ..geometry import Polytope
    from ..incentives import check_equilibrium
    accepted, values = [], []
    for floats, profile in named:
        check = check_equilibrium(floats, profile, delta)
        if check.holds:
            accepted.append(profile)
            values.append([float(v) for v in check.values.initial])
    if not accepted:
        return None
    points = values + np.asarray(payoff_set.inner.vertices, dtype=float).tolist()
    if not Polytope.from_points(points).contains(point.tolist(), tol=1e-9):
        return None
    return tuple(accepted)


def _search(verdict, lower: float, upper: float, xtol: float, undecided) -> tuple:
    """The certified ends ``(lo, hi)`` of the least delta with ``verdict(delta) is True`` (either may be None).

    ``verdict`` is True (the payoff is an equilibrium payoff), False (it is not) or None (undecided).
    ``lower`` first (True there: ``(0.0, lower)``), then upwards (:func:`_upward`) to the first True,
    then bisection; at the first undecided midpoint ``undecided(a, mid, hi, lo)`` returns the ends.
    """
    answer = verdict(lower)
    if answer is True:
        return 0.0, lower
    lo = lower if answer is False else None                      # certified: payoff not in V(lo)
    a, hi = lower, None
    for b in _upward(lower, upper):
        answer = verdict(b)
        if answer is True:
            hi = b                                               # certified: payoff in V(hi)
            break
        if answer is False:
            lo = a = b
    if hi is None:
        return lo, None
    while hi - a > xtol:
        mid = (a + hi) / 2
        answer = verdict(mid)
        if answer is True:
            hi = mid
        elif answer is False:
            lo = a = mid
        else:
            return undecided(a, mid, hi, lo)
    return lo, hi


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
    lam = np.array(_payoff(weights), dtype=float)
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


@verify.register
def _verify_bracket(result: DiscountFactorBracket, **kwargs: Any) -> Verification:
    """Re-check each certified end of a :class:`DiscountFactorBracket`.

    * An explicit ``profile`` at ``upper``: :func:`check_equilibrium` accepts it
      there and its value (:func:`~cybergames.repeated.values.values`) is the payoff.
    * "No discount factor below one" under public monitoring: the payoff is
      a vertex of the feasible set, and every profile paying it has a
      deviation that pays today and whose signals all have positive
      probability under the profile (read from the monitoring's
      distributions, apart from the code that found it).
    * An exact ``lower`` (or "no discount factor below one"): just below it,
      every profile paying the payoff has a player whose best deviation,
      punished by his pure minmax value (from :func:`cybergames.minmax`),
      pays; and the payoff is a vertex of the feasible set.
    * ``outer_sequence`` at a float ``lower``: the outer sequence is recomputed
      by :func:`~.verify.outer_levels` (dense programs written from the
      definition) and must cut the payoff off; ``inner_set`` at a float
      ``upper``: every vertex must be generated by the polytope
      (:func:`~.verify.vertex_residuals`) and the polytope, with the
      witnesses' values, must contain the payoff.
    * Other float ends: the payoff sets are recomputed there, at each tolerance
      the search used (coarse first); the payoff must be outside the outer set
      at ``lower`` (when ``lower > 0``) and inside the inner set at ``upper``,
      for one of them.
    """
    from ...equilibria import minmax
    from ..geometry import Polytope, feasible_payoffs
    from ..incentives import check_equilibrium
    from ..values import values
    failures, checked = [], 0
    rg, target = result.game, result.payoff
    if not isinstance(rg, RepeatedGame):
        return Verification(False, 1, ("no repeated game is recorded with the bracket, so it cannot be re-checked",))
    options = dict(result.options)
    if result.polygon:
        return _verify_exact_bracket(result)
    if result.profile is not None:
        checked += 2
        if not check_equilibrium(rg, result.profile, result.upper).holds:
            failures.append(f"the profile is not an equilibrium at delta = {result.upper}")
        value = values(rg, result.profile, result.upper).initial
        if not all(abs(float(v) - float(t)) <= 1e-9 * max(1.0, abs(float(t))) for v, t in zip(value, target)):
            failures.append(f"the profile is worth {value}, not the payoff {target}")
    elif result.upper is not None and isinstance(result.upper, float) and result.inner_set:
        checked += 1
        failures.extend(_inner_set_failures(result))
    elif result.upper is not None and isinstance(result.upper, float):
        checked += 1
        extra = []
        for profile in result.witnesses:
            checked += 1
            check = check_equilibrium(rg, profile, result.upper)
            if not check.holds:
                failures.append(f"the witness {profile!r} is not an equilibrium at delta = {result.upper}")
            extra.append([float(v) for v in check.values.initial])
        if not any((points := np.asarray(payoff_set.inner.vertices, dtype=float).tolist() + extra)
                   and Polytope.from_points(points).contains([float(v) for v in target], tol=1e-9)
                   for payoff_set in _recomputed(rg, result.upper, options)):
            failures.append(f"the payoff is not in the inner set (with the witnesses' values) at delta = "
                            f"{result.upper}")
    if not rg.is_perfect and result.upper is None and result.lower == 1 and result.evaluations == 0:
        checked += 1
        failures.extend(_unpunishable(rg, target))
    elif isinstance(result.lower, Fraction) and result.lower > 0:
        checked += 1
        game = rg.stage
        below = result.lower - min(result.lower, 1 - result.lower) / 1000 if result.lower < 1 else Fraction(999, 1000)
        n = game.num_players
        m = [minmax(game, i, mixed=False).value for i in range(n)]
        vertices = [tuple(v) for v in feasible_payoffs(game).vertices.tolist()]
        if tuple(target) not in vertices:
            failures.append(f"the payoff {target} is not a vertex of the feasible set")
        for idx in np.ndindex(*game.shape):
            if tuple(game.payoffs[i][idx] for i in range(n)) != tuple(target):
                continue
            deterred = True
            for i in range(n):
                best = max(game.payoffs[i][idx[:i] + (k,) + idx[i + 1:]] for k in range(game.shape[i]))
                if target[i] < (1 - below) * best + below * m[i]:
                    deterred = False
            if deterred:
                failures.append(f"the profile {idx} deters every deviation at delta = {below} < lower")
    elif isinstance(result.lower, float) and result.lower > 0 and result.outer_sequence:
        checked += 1
        from .verify import outer_levels
        directions, steps = result.outer_sequence
        H, c = outer_levels(stage_of(rg, any_players=True), result.lower, np.array(directions, dtype=float), steps)
        if not (H @ np.array(target, dtype=float) - c).max() > 0:
            failures.append(f"the outer set after {steps} steps does not exclude the payoff at delta = {result.lower}")
    elif isinstance(result.lower, float) and result.lower > 0:
        checked += 1
        if not any(payoff_set.contains(np.array(target, dtype=float), tol=1e-9) is False
                   for payoff_set in _recomputed(rg, result.lower, options)):
            failures.append(f"the payoff is not outside the outer set at delta = {result.lower}")
    return Verification(not failures, checked, tuple(failures))


def _inner_set_failures(result: DiscountFactorBracket) -> list:
    """Why the self-generating polytope recorded at ``upper`` does not certify it (empty when it does).

    Each vertex must be generated by the polytope (one program per vertex, continuations as lotteries
    over the vertices: :func:`~.verify.vertex_residuals`, to a relative 1e-7 as for any inner set), and
    the polytope, with the values of the witnesses that :func:`check_equilibrium` accepts, must contain
    the payoff.
    """
    from ..geometry import Polytope
    from ..incentives import check_equilibrium
    from .verify import vertex_residuals
    rg, failures = result.game, []
    stage = stage_of(rg, any_players=True)
    vertices = np.array(result.inner_set, dtype=float)
    for vertex, residual in zip(vertices.tolist(), vertex_residuals(stage, float(result.upper), vertices, vertices)):
        if not residual <= 1e-7 * stage.scale:
            failures.append(f"the vertex {vertex} is not generated by the polytope at delta = {result.upper} "
                            f"(residual {residual:.3g})")
    points = vertices.tolist()
    for profile in result.witnesses:
        check = check_equilibrium(rg, profile, result.upper)
        if not check.holds:
            failures.append(f"the witness {profile!r} is not an equilibrium at delta = {result.upper}")
        points.append([float(v) for v in check.values.initial])
    if not Polytope.from_points(points).contains([float(v) for v in result.payoff], tol=1e-9):
        failures.append(f"the payoff is not in the polytope recorded at delta = {result.upper}")
    return failures


def _unpunishable(rg: RepeatedGame, target: tuple) -> list:
    """Why the public-monitoring vertex certificate fails for ``target`` (empty when it holds)."""
    from ..geometry import Polytope, feasible_payoffs
    game = rg.stage
    n = game.num_players
    point = [float(t) for t in target]
    vertices = np.asarray(feasible_payoffs(game).vertices, dtype=float)
    if not any(np.allclose(v, point, rtol=1e-12, atol=1e-12) for v in vertices):
        return [f"the payoff {target} is not a vertex of the feasible set"]
    if Polytope.from_points([v for v in vertices if not np.allclose(v, point, rtol=1e-12, atol=1e-12)]
                            or [[math.inf] * n]).contains(point, tol=0.0):
        return [f"the payoff {target} is in the hull of the other vertices"]
    failures, paying = [], 0
    for profile in game.profiles():
        index = game.profile_index(profile)
        if not np.allclose([float(game.payoffs[i][index]) for i in range(n)], point, rtol=1e-12, atol=1e-12):
            continue
        paying += 1
        shown = set(rg.monitoring.distribution(profile))
        if not any(game.payoffs[i][index[:i] + (k,) + index[i + 1:]] > game.payoffs[i][index]
                   and set(rg.monitoring.distribution(profile[:i] + (game.actions[i][k],) + profile[i + 1:])) <= shown
                   for i in range(n) for k in range(game.shape[i])):
            failures.append(f"the profile {profile} pays the payoff and has no profitable deviation that "
                            f"produces only its own signals")
    if not paying:
        failures.append(f"no profile pays the payoff {target}")
    return failures


def _recomputed(rg: RepeatedGame, delta: float, options: dict):
    """The payoff sets at ``delta`` with ``options``, one per tolerance when ``tol`` is a tuple, lazily."""
    options = dict(options)
    tols = options.pop("tol", None)
    for tol in tols if isinstance(tols, tuple) else (tols,):
        yield equilibrium_payoff_set(rg, delta, **options) if tol is None else \
            equilibrium_payoff_set(rg, delta, tol=tol, **options)


def _verify_exact_bracket(result: DiscountFactorBracket) -> Verification:
    """The exact rational bracket: the polygon at ``upper`` and the outer sequence at ``lower``.

    At ``upper`` the polygon must contain the payoff (exactly) and each of its
    vertices must be generated by it, which the linear program of
    :mod:`.verify`, written from the definition of :math:`B` independently of
    the exact operator, checks to a relative :math:`10^{-9}`. At ``lower`` the
    exact outer sequence is recomputed and must exclude the payoff.
    """
    from ._exact_polygon import ExactPolygonOperator
    from .verify import generated_residuals
    failures = []
    polygon = [tuple(v) for v in result.polygon]
    if not ExactPolygonOperator.contains(ExactPolygonOperator.hull(polygon), tuple(result.payoff)):
        failures.append("the payoff is not in the polygon recorded at upper")
    scale = stage_of(result.game).scale
    vertices = np.array([[float(x) for x in v] for v in polygon])
    for vertex, residual in zip(polygon, generated_residuals(result.game, float(result.upper), vertices)):
        if not residual <= 1e-9 * scale:
            failures.append(f"the vertex {vertex} is not generated by the polygon at delta = {result.upper} "
                            f"(residual {residual:.3g})")
    if ExactPolygonOperator(result.game, Fraction(result.lower)).certify_out(tuple(result.payoff), EXACT_STEPS) is None:
        failures.append(f"the exact outer sequence does not exclude the payoff at delta = {result.lower}")
    return Verification(not failures, len(polygon) + 2, tuple(failures))
