r"""Optimal stopping with threshold policies, and Axelrod & Iliev's (2014) timing of cyber conflict.

**Optimal stopping.** A Markov chain moves on states :math:`s = 0, \dots, S-1`
(ordered, e.g. a discretised continuous state) with transition matrix
:math:`P`. In each period the decision maker either stops, collecting
:math:`g(s)`, or continues, collecting :math:`c(s)` and moving on. The values solve

.. math:: V(s) = \max\Big(g(s),\; c(s) + \delta \sum_{s'} P(s, s') V(s')\Big),

an MDP with an absorbing "stopped" state, solved exactly by
:func:`~cybergames.stochastic.solve_mdp`. The stopping set is reported with its
threshold when it is an upper set (stop iff :math:`s \ge s^*`) or a lower set
(stop iff :math:`s \le s^*`); indifference counts as stopping.

**The timing of cyber conflict.** Axelrod & Iliev (2014) model a cyber
resource (an exploit) that can be used once per period. The stakes :math:`T_t`
of each period are drawn i.i.d. from a known distribution. Using the resource
gains :math:`T_t`, and the resource survives to the next period with
probability :math:`S`, its **stealth** (the use goes unnoticed); waiting gains
nothing, and the resource survives with probability :math:`P`, its
**persistence** (the vulnerability is not discovered and patched). With
discount factor :math:`w` the value of holding the resource before the stakes
are drawn is the fixed point

.. math::

    V = E_T \max\big(T + w S V,\; w P V\big),

and the resource is used iff the stakes reach the **threshold**

.. math:: T \ge T^* = w (P - S) V .

Stealthy resources (large :math:`S`) are used readily; persistent ones
(large :math:`P`) are kept for high stakes (Axelrod & Iliev 2014, PNAS
111(4), 1298–1303, "The model"). For a finite stakes distribution every
stationary policy "use iff :math:`T \ge t_k`" has the value
:math:`V_k = \sum_{t_j \ge t_k} q_j t_j / (1 - w S Q_k - w P (1 - Q_k))` with
:math:`Q_k = \Pr(T \ge t_k)`; the optimal value is their maximum (the
Bellman operator is monotone and optimal policies are of this form), found
exactly without iteration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, ParameterError, ProbabilityError
from ._checks import discount_factor, number_array, stochastic_rows, widest
from .mdp import MDPResult, reward_scale, solve_mdp

__all__ = ["StoppingResult", "optimal_stopping", "CyberTimingResult", "axelrod_iliev", "timing_mdp"]


@dataclass(frozen=True, eq=False)
class StoppingResult:
    """The solution of an optimal stopping problem.

    Attributes
    ----------
    values : tuple
        ``V(s)`` per state.
    stop : tuple of bool
        Whether stopping is optimal in each state (indifference counts as stopping).
    threshold : int or None
        With ``direction == "above"``: the first state from which on one stops;
        with ``"below"``: the last state up to which one stops; None when the
        stopping set is empty or is not an upper or lower set.
    direction : str or None
        ``"above"``, ``"below"`` or None (no stopping, or not a threshold rule).
    levels : tuple or None
        The levels the states stand for, if given; ``threshold_level`` reads them.
    mdp : MDPResult
        The solved MDP (last state: stopped), the certificate.
    """

    values: tuple
    stop: tuple
    threshold: int | None
    direction: str | None
    levels: tuple | None = None
    mdp: MDPResult | None = field(default=None, repr=False)

    @property
    def is_threshold(self) -> bool:
        """Whether the stopping set is a (non-empty) upper or lower set of states."""
        return self.direction is not None

    @property
    def threshold_level(self) -> Any:
        """The level of the threshold state (None without levels or threshold)."""
        if self.levels is None or self.threshold is None:
            return None
        return self.levels[self.threshold]


def _threshold(stop: Sequence[bool]) -> tuple[int | None, str | None]:
    if not any(stop):
        return None, None
    first, last = stop.index(True), len(stop) - 1 - stop[::-1].index(True)
    if all(stop[first:]) and (first > 0 or not all(stop)):
        return first, "above"
    if all(stop[:last + 1]):
        return last, "below"
    if all(stop):
        return 0, "above"
    return None, None


def optimal_stopping(stop_rewards: Any, transitions: Any, discount: Any, continue_rewards: Any = None, *,
                     levels: Sequence | None = None) -> StoppingResult:
    r"""Solve an optimal stopping problem on a finite (or discretised) ordered state space.

    Parameters
    ----------
    stop_rewards : array_like
        Of shape (states,).
        ``g(s)``, collected when stopping in ``s``.
    transitions : array_like
        Of shape (states, states).
        The Markov chain followed while continuing; rows sum to one.
    discount : int, Fraction or float
        In ``[0, 1)``.
    continue_rewards : array_like, optional
        Of shape (states,).
        ``c(s)``, collected per period of continuing (default 0).
    levels : sequence, optional
        The numbers the states stand for (increasing), for reading the threshold.

    Returns
    -------
    StoppingResult
        Exact for exact input.

    Raises
    ------
    GameError
        For shapes that disagree.
    ProbabilityError
        If a row of ``transitions`` is not a distribution.
    DiscountFactorError
        If ``discount`` lies outside ``[0, 1)``.

    References
    ----------
    Puterman, M. L. (1994). *Markov Decision Processes*, sec. 3.4 (optimal
    stopping). Ferguson, T. S. *Optimal Stopping and Applications*, ch. 1.

    Examples
    --------
    A random walk on 0..3 (reflecting), stopping pays the state, discount 1/2:
    stopping is optimal from state 1 on (V(0) = 1/3 by hand, and continuing from 1 is worth 7/12 < 1).

    >>> from fractions import Fraction
    >>> from cybergames.stochastic import optimal_stopping
    >>> h = Fraction(1, 2)
    >>> walk = [[h, h, 0, 0], [h, 0, h, 0], [0, h, 0, h], [0, 0, h, h]]
    >>> result = optimal_stopping([0, 1, 2, 3], walk, h)
    >>> result.stop, result.threshold, result.direction
    ((False, True, True, True), 1, 'above')
    """
    g, kind_g = number_array(stop_rewards, "stop_rewards", 1)
    P, kind_p = number_array(transitions, "transitions", 2)
    states = g.shape[0]
    if P.shape != (states, states):
        raise GameError(f"transitions: expected shape ({states}, {states}) to match stop_rewards, got {P.shape}")
    if continue_rewards is None:
        c, kind_c = np.zeros(states, dtype=object), "exact"
        c[...] = 0
    else:
        c, kind_c = number_array(continue_rewards, "continue_rewards", 1)
        if c.shape != (states,):
            raise GameError(f"continue_rewards: expected shape ({states},), got {c.shape}")
    stochastic_rows(P, kind_p, "transitions")
    delta = discount_factor(discount)
    if levels is not None and len(levels) != states:
        raise GameError(f"levels: expected {states} levels, one per state, got {len(levels)}")
    kind = widest(kind_g, kind_p, kind_c, FLOAT if isinstance(delta, float) else "exact")
    dtype = float if kind == FLOAT else object
    mdp_p = np.zeros((2, states + 1, states + 1), dtype=dtype)
    mdp_r = np.zeros((2, states + 1), dtype=dtype)
    mdp_p[0, :states, :states] = P
    mdp_p[:, states, states] = 1
    mdp_p[1, :states, states] = 1
    mdp_r[0, :states] = c
    mdp_r[1, :states] = g
    result = solve_mdp(mdp_p, mdp_r, delta, method="policy_iteration")
    stop = tuple(bool(q[1] >= q[0]) if kind != FLOAT else bool(q[1] >= q[0] - DEFAULT_TOL)
                 for q in result.q_values[:states])
    threshold, direction = _threshold(list(stop))
    return StoppingResult(values=result.values[:states], stop=stop, threshold=threshold, direction=direction,
                          levels=None if levels is None else tuple(levels), mdp=result)


@dataclass(frozen=True)
class CyberTimingResult:
    """Axelrod & Iliev's optimal use of a cyber resource.

    Attributes
    ----------
    threshold : number
        ``T* = discount (persistence - stealth) value``: use iff the stakes reach it.
    value : number
        ``V``, the value of holding the resource before the stakes are drawn.
    use : tuple of bool
        Per stakes level (increasing), whether to use the resource.
    stakes : tuple
        The ``(level, probability)`` pairs, by increasing level.
    stealth, persistence, discount : number
    use_probability : number
        The probability of using the resource in a given period.
    candidates : tuple
        The certificate: the value ``V_k`` of each policy "use iff T >= t_k"
        (the last: never use); ``value`` is their maximum.
    """

    threshold: Any
    value: Any
    use: tuple
    stakes: tuple
    stealth: Any
    persistence: Any
    discount: Any
    use_probability: Any
    candidates: tuple = field(repr=False)


def _probability(value: Any, name: str) -> Any:
    value = _numbers.normalise(value, name, ParameterError)
    if isinstance(value, sympy.Basic) or not 0 <= value <= 1:
        raise ParameterError(f"{name}: expected a probability in [0, 1], got {value!r}")
    return value


def _stakes(stakes: Any) -> tuple:
    if not isinstance(stakes, Mapping) or not stakes:
        raise ParameterError(f"stakes: expected a non-empty mapping level -> probability, got {stakes!r}")
    pairs = []
    for level, q in stakes.items():
        level = _numbers.normalise(level, "stakes (a level)", ParameterError)
        q = _numbers.normalise(q, f"stakes[{level!r}]", ProbabilityError)
        if isinstance(level, sympy.Basic) or isinstance(q, sympy.Basic):
            raise ParameterError(f"stakes: expected numbers, got {level!r}: {q!r}")
        if level < 0:
            raise ParameterError(f"stakes: expected levels >= 0, got {level!r}")
        if q < 0:
            raise ProbabilityError(f"stakes[{level!r}]: probabilities must be >= 0, got {q!r}")
        pairs.append((level, q))
    total = sum(q for _, q in pairs)
    floating = any(isinstance(v, float) for pair in pairs for v in pair)
    if (abs(total - 1) > 1e-9) if floating else total != 1:
        raise ProbabilityError(f"stakes: probabilities must sum to 1, got {total!r}")
    return tuple(sorted(pairs))


def axelrod_iliev(stealth: Any, persistence: Any, discount: Any, stakes: Mapping) -> CyberTimingResult:
    r"""The stakes threshold above which a cyber resource should be used (Axelrod & Iliev 2014).

    Parameters
    ----------
    stealth : number
        ``S``: the probability that the resource survives its use.
    persistence : number
        ``P``: the probability that it survives a period of waiting.
    discount : number
        ``w`` in ``[0, 1)``.
    stakes : mapping level -> probability
        The distribution of each period's stakes (levels ``>= 0``; discretise a
        continuous distribution on a grid).

    Returns
    -------
    CyberTimingResult
        ``threshold``, ``value`` and the use decision per stakes level; exact
        for exact input.

    Raises
    ------
    ParameterError
        If stealth or persistence is not a probability, or the stakes are malformed.
    ProbabilityError
        If the stakes probabilities are negative or do not sum to one.
    DiscountFactorError
        If ``discount`` lies outside ``[0, 1)``.

    References
    ----------
    Axelrod, R. & Iliev, R. (2014). Timing of cyber conflict. *PNAS* 111(4),
    1298–1303.

    Examples
    --------
    A resource that is lost when used (S = 0) and never discovered while
    waiting (P = 1), w = 3/5, stakes 1 or 3 with equal chances. Using only at
    stakes 3 is worth (3/2)/(1 - 3/10) = 15/7 > 2 (using always), so
    T* = (3/5)(15/7) = 9/7.

    >>> from fractions import Fraction
    >>> from cybergames.stochastic import axelrod_iliev
    >>> result = axelrod_iliev(0, 1, Fraction(3, 5), {1: Fraction(1, 2), 3: Fraction(1, 2)})
    >>> result.value, result.threshold, result.use
    (Fraction(15, 7), Fraction(9, 7), (False, True))
    """
    S = _probability(stealth, "stealth")
    P = _probability(persistence, "persistence")
    w = discount_factor(discount)
    pairs = _stakes(stakes)
    floating = any(isinstance(v, float) for v in (S, P, w, *(x for pair in pairs for x in pair)))
    if floating:
        S, P, w = float(S), float(P), float(w)
        try:
            pairs = tuple((float(t), float(q)) for t, q in pairs)
        except OverflowError as exc:
            raise ParameterError("stakes: levels too large for float arithmetic; scale them down") from exc
    candidates = []
    for k in range(len(pairs) + 1):
        used = pairs[k:]
        gain = sum((q * t for t, q in used), 0)
        Q = sum((q for _, q in used), 0)
        candidates.append(_numbers.ratio(gain, 1 - w * S * Q - w * P * (1 - Q)))
    value = max(candidates)
    threshold = w * (P - S) * value
    use = tuple(bool(t >= threshold) if not floating else bool(t >= threshold - DEFAULT_TOL) for t, _ in pairs)
    use_probability = sum((q for (t, q), u in zip(pairs, use) if u), 0)
    return CyberTimingResult(threshold=threshold, value=value, use=use, stakes=pairs, stealth=S, persistence=P,
                             discount=w, use_probability=use_probability, candidates=tuple(candidates))


def timing_mdp(result: CyberTimingResult) -> tuple[np.ndarray, np.ndarray]:
    """The MDP of Axelrod & Iliev's model: states = stakes levels, then "resource lost"; actions wait, use.

    ``solve_mdp(*timing_mdp(r), r.discount)`` values the resource *after* the
    stakes are seen; their expectation is ``r.value``.
    """
    if not isinstance(result, CyberTimingResult):
        raise ParameterError(f"result: expected the CyberTimingResult of axelrod_iliev, got {type(result).__name__}")
    levels = len(result.stakes)
    floating = isinstance(result.discount, float)
    P = np.zeros((2, levels + 1, levels + 1), dtype=float if floating else object)
    r = np.zeros((2, levels + 1), dtype=float if floating else object)
    for k, (t, _) in enumerate(result.stakes):
        for j, (_, q) in enumerate(result.stakes):
            P[0, k, j] = result.persistence * q
            P[1, k, j] = result.stealth * q
        P[0, k, levels] = 1 - result.persistence
        P[1, k, levels] = 1 - result.stealth
        r[1, k] = t
    P[:, levels, levels] = 1
    return P, r


@verify.register
def _verify_axelrod_iliev(result: CyberTimingResult, *, tol: float = DEFAULT_TOL) -> Verification:
    """Re-check the fixed point V = E max(T + wSV, wPV) and the use rule, and against the MDP's values."""
    S, P, w, V = result.stealth, result.persistence, result.discount, result.value
    floating = isinstance(V, float)
    slack = tol * max(abs(float(V)), *(abs(float(t)) for t, _ in result.stakes)) if floating else 0
    failures = []
    expected = sum(q * max(t + w * S * V, w * P * V) for t, q in result.stakes)
    if abs(expected - V) > slack:
        failures.append(f"V = {V} is not the fixed point (E max(...) = {expected})")
    for (t, _), use in zip(result.stakes, result.use):
        if use and t + w * S * V < w * P * V - slack:
            failures.append(f"using at stakes {t} is worse than waiting")
        if not use and t + w * S * V > w * P * V + slack:
            failures.append(f"waiting at stakes {t} is worse than using")
    mdp = solve_mdp(*timing_mdp(result), w)
    mean = sum(q * v for (_, q), v in zip(result.stakes, mdp.values))
    if abs(mean - V) > (10 * slack if floating else 0):
        failures.append(f"the MDP values the resource at {mean}, not {V}")
    return Verification(ok=not failures, checked=2 + len(result.stakes), failures=tuple(failures))


@verify.register
def _verify_stopping(result: StoppingResult, *, tol: float | None = None) -> Verification:
    """Re-check the MDP behind the answer, and that each stop flag is the better of stopping and continuing."""
    mdp = verify(result.mdp, tol=tol)
    failures = list(mdp.failures)
    slack = 0 if result.mdp.exact else (tol if tol is not None else DEFAULT_TOL) * reward_scale(result.mdp.rewards)
    for s, (q, stop) in enumerate(zip(result.mdp.q_values, result.stop)):
        if stop != (q[1] >= q[0] - slack):
            failures.append(f"state {s}: stop={stop} but stopping is worth {q[1]} and continuing {q[0]}")
    if result.direction is not None:
        expected = [s >= result.threshold if result.direction == "above" else s <= result.threshold
                    for s in range(len(result.stop))]
        if list(result.stop) != expected:
            failures.append(f"the stopping set {result.stop} is not the {result.direction} set of {result.threshold}")
    return Verification(ok=not failures, checked=mdp.checked + len(result.stop) + 1, failures=tuple(failures))
