r"""The chain-store game with a tough incumbent: the Kreps–Wilson sequential equilibrium.

**Game** (Fudenberg & Tirole 1991, *Game Theory*, ch. 9.2.2, whose notation we
use). An incumbent faces :math:`N` entrants, one per period, each seeing the
whole history. Entrant :math:`t` stays out (payoff 0) or enters; after entry
the incumbent fights or acquiesces. The entrant gains :math:`b` if the
incumbent acquiesces and :math:`b - 1` if it fights, :math:`0 < b < 1`. The
*weak* incumbent gets :math:`a > 1` in a period without entry, 0 when it
acquiesces and :math:`-1` when it fights, and sums its payoffs over periods
(no discounting). With prior probability :math:`\mu` the incumbent is *tough*
(a commitment type that always fights).

**Equilibrium.** Index a period by the number :math:`k` of periods left
(:math:`k = N` first, :math:`k = 1` last) and let :math:`p` be the entrants'
belief that the incumbent is tough (its *reputation*). In the sequential
equilibrium of Kreps & Wilson (1982):

* the weak incumbent acquiesces in the last period; with :math:`k \ge 2` left
  it fights for sure if :math:`p \ge b^{k-1}`, otherwise with the probability
  that makes the posterior after a fight exactly :math:`b^{k-1}`,

  .. math:: \beta_k(p) = \frac{p\,(1 - b^{k-1})}{(1 - p)\, b^{k-1}};

* entrant :math:`k` is fought with probability :math:`p + (1 - p)\beta_k(p) = \min(1, p / b^{k-1})`
  (for :math:`k \ge 2`), so it enters if :math:`p < b^k`, stays out if
  :math:`p > b^k`, and at :math:`p = b^k` stays out with probability
  :math:`1/a`, which makes the weak incumbent of the period before
  indifferent between fighting (:math:`-1` now, :math:`a/a = 1` later) and
  acquiescing (0 now and later);
* beliefs follow Bayes' rule; acquiescing reveals the weak type (:math:`p = 0`).

Entry is deterred in the first period iff :math:`\mu > b^N`, and in every
period :math:`t` with :math:`\mu > b^{N - t + 1}`: the weak incumbent fights
early entrants to keep its reputation, and only the last
:math:`\approx \ln \mu / \ln b` periods see entry.

References
----------
Kreps & Wilson (1982), "Reputation and imperfect information", *Journal of
Economic Theory* 27, 253–279. Milgrom & Roberts (1982), "Predation,
reputation and entry deterrence", *JET* 27, 280–312. Fudenberg & Tirole
(1991), *Game Theory*, MIT Press, ch. 9.2.2–9.2.3.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError
from . import _checks

__all__ = ["ChainStorePeriod", "ChainStoreEquilibrium", "chain_store", "chain_store_behaviour",
           "deterrence_threshold"]


@dataclass(frozen=True)
class ChainStorePeriod:
    r"""Play in one period of the chain store, on the reported path.

    Attributes
    ----------
    period : int
        The period :math:`t = 1, \dots, N`.
    remaining : int
        Periods left including this one, :math:`k = N - t + 1`.
    reputation : number
        The entrants' belief :math:`p` that the incumbent is tough at the start of the period.
    entry : number
        The probability that the entrant enters.
    weak_fight : number
        The probability that the weak incumbent fights if the entrant enters (:math:`\beta_k(p)`).
    fight : number
        The entrant's probability of being fought, :math:`p + (1 - p)\beta_k(p)`.
    after_fight : number
        The posterior after a fight (Bayes' rule): :math:`p / (p + (1 - p)\beta_k(p))`.
    entrant_payoff : number
        The entrant's expected payoff from entering, :math:`b - \text{fight}` (staying out pays 0).
    """

    period: int
    remaining: int
    reputation: Any
    entry: Any
    weak_fight: Any
    fight: Any
    after_fight: Any
    entrant_payoff: Any


@dataclass(frozen=True)
class ChainStoreEquilibrium:
    r"""The Kreps–Wilson sequential equilibrium of the chain store, on its reputation path.

    The path reported is the one a tough incumbent follows when every entrant
    who enters with positive probability does enter: the incumbent fights
    every entry, and its reputation rises by Bayes' rule. (The equilibrium
    strategies at any other state are given by :func:`chain_store_behaviour`.)

    Attributes
    ----------
    prior, periods, a, b : number, int, number, number
        The inputs: :math:`\mu`, :math:`N` and the payoffs (Fudenberg–Tirole notation).
    path : tuple of ChainStorePeriod
        One row per period, first period first.
    deterred : int
        The number of initial periods in which entry is deterred for sure
        (:math:`\mu > b^k` with :math:`k` periods left).
    weak_value : number
        The weak incumbent's equilibrium payoff (sum over the periods) from the start.
    exact : bool
        Whether the numbers are exact (Fractions).
    tol : float
        Float input only: the tolerance of the equality :math:`p = b^k`.
    """

    prior: Any
    periods: int
    a: Any
    b: Any
    path: tuple = field(repr=False)
    deterred: int
    weak_value: Any
    exact: bool
    tol: float = field(default=DEFAULT_TOL, repr=False)

    @property
    def reputations(self) -> tuple:
        """The reputation at the start of every period, then after the last (the path's posteriors)."""
        last = self.path[-1]
        final = last.after_fight if last.entry else last.reputation
        return tuple(row.reputation for row in self.path) + (final,)

    @property
    def entry_probabilities(self) -> tuple:
        """The entry probability of every period on the path."""
        return tuple(row.entry for row in self.path)

    @property
    def fight_probabilities(self) -> tuple:
        """The weak incumbent's fight probability of every period on the path."""
        return tuple(row.weak_fight for row in self.path)


def deterrence_threshold(periods: int, b: Any) -> Any:
    r"""The prior above which the first of ``periods`` entrants stays out: :math:`b^N`.

    Entry is deterred in the first period iff :math:`\mu > b^N` (Kreps &
    Wilson 1982; Fudenberg & Tirole 1991, ch. 9.2.2). Symbolic ``b`` gives an
    expression, so ``mu > deterrence_threshold(N, b)`` is the condition as a
    sympy relation.

    Parameters
    ----------
    periods : int
        The number of periods :math:`N \ge 1`.
    b : int, Fraction, float or sympy.Expr
        The entrant's gain from unopposed entry, :math:`0 < b < 1`.

    Returns
    -------
    number or sympy.Expr

    Raises
    ------
    ParameterError
        If ``periods < 1`` or ``b`` is not in (0, 1).

    Examples
    --------
    >>> from fractions import Fraction
    >>> deterrence_threshold(3, Fraction(1, 2))
    Fraction(1, 8)
    >>> import sympy
    >>> mu, b = sympy.symbols("mu b", positive=True)
    >>> mu > deterrence_threshold(5, b)
    mu > b**5
    """
    periods = _checks.horizon(periods)
    b = _b(b, symbolic=True)
    return b ** periods


def _b(value: Any, *, symbolic: bool = False) -> Any:
    b = _checks.number(value, "b", symbolic=symbolic)
    _numbers.require(sympy.And(sympy.sympify(b) > 0, sympy.sympify(b) < 1) if isinstance(b, sympy.Basic)
                     else 0 < b < 1, ParameterError, f"b: expected 0 < b < 1, got {value!r}")
    return b


def _a(value: Any) -> Any:
    a = _checks.number(value, "a")
    if not a > 1:
        raise ParameterError(f"a: expected the weak incumbent's monopoly payoff a > 1, got {value!r}")
    return a


def _equal(x: Any, y: Any, tol: float) -> bool:
    if isinstance(x, float) or isinstance(y, float):
        return abs(x - y) <= tol * max(1.0, abs(y))
    return x == y


def _at_least(x: Any, y: Any, tol: float) -> bool:
    return x >= y or _equal(x, y, tol)


def _behaviour(k: int, p: Any, a: Any, b: Any, tol: float) -> tuple:
    """(entry probability, weak fight probability, fight probability, posterior after fight)."""
    one = 1.0 if isinstance(b, float) or isinstance(p, float) else 1
    bk, bk1 = b ** k, b ** (k - 1)
    if _equal(p, bk, tol):
        entry = 1 - _numbers.ratio(one, a)
    elif p > bk:
        entry = 0 * one
    else:
        entry = one
    if k == 1 or p == 0:
        weak = 0 * one
    elif _at_least(p, bk1, tol):
        weak = one
    else:
        weak = _numbers.ratio(p * (1 - bk1), (1 - p) * bk1)
    fight = p + (1 - p) * weak
    after = _numbers.ratio(p, fight) if fight else p
    if 0 < weak < 1:
        after = bk1                   # Bayes' rule gives b^(k-1) exactly; floats keep it so
    return entry, weak, fight, after


def chain_store_behaviour(remaining: int, reputation: Any, a: Any, b: Any, *, tol: float = DEFAULT_TOL) -> tuple:
    r"""The equilibrium behaviour at a state: ``(entry, weak_fight, fight, after_fight)``.

    With ``remaining`` :math:`= k` periods left and reputation :math:`p`,
    returns the entrant's entry probability, the weak incumbent's fight
    probability :math:`\beta_k(p)`, the total fight probability and the
    posterior after a fight (see the module docstring).

    Parameters
    ----------
    remaining : int
        Periods left including the current one, :math:`k \ge 1`.
    reputation : number
        The belief :math:`p \in [0, 1)` that the incumbent is tough.
    a, b : number
        Payoffs, :math:`a > 1`, :math:`0 < b < 1`.
    tol : float, optional
        Float input only: the tolerance of the equality :math:`p = b^k`.

    Returns
    -------
    tuple of four numbers

    Raises
    ------
    ParameterError, ProbabilityError
        For payoffs out of range, ``remaining < 1`` or above
        ``cybergames.limits.MAX_REPUTATION_PERIODS``, or a reputation outside [0, 1).

    Examples
    --------
    >>> from fractions import Fraction
    >>> chain_store_behaviour(2, Fraction(1, 4), a=2, b=Fraction(1, 2))   # p = b^2: the entrant mixes
    (Fraction(1, 2), Fraction(1, 3), Fraction(1, 2), Fraction(1, 2))
    """
    k = _checks.horizon(remaining, "remaining")
    limits.check("remaining", k, "MAX_REPUTATION_PERIODS")
    a, b = _a(a), _b(b)
    p = _numbers.normalise(reputation, "reputation", ParameterError)
    if isinstance(p, sympy.Basic) or not 0 <= p < 1:
        from ..errors import ProbabilityError
        raise ProbabilityError(f"reputation: expected a probability in [0, 1), got {reputation!r}")
    return _behaviour(k, p, a, b, float(tol))


def chain_store(prior: Any, periods: int, a: Any = 2, b: Any = Fraction(1, 2), *,
                tol: float = DEFAULT_TOL) -> ChainStoreEquilibrium:
    r"""The sequential equilibrium of the finite chain store with a tough type (Kreps–Wilson 1982).

    Parameters
    ----------
    prior : int, Fraction or float
        The prior probability :math:`\mu \in (0, 1)` that the incumbent is tough.
    periods : int
        The number of entrants :math:`N \ge 1`.
    a : number, optional
        The weak incumbent's payoff in a period without entry, :math:`a > 1`
        (acquiescing pays 0, fighting :math:`-1`). Default 2.
    b : number, optional
        The entrant's gain when the incumbent acquiesces, :math:`0 < b < 1`
        (fought: :math:`b - 1`; out: 0). Default 1/2.
    tol : float, optional
        Float input only: the tolerance of the knife-edge test :math:`p = b^k`.

    Returns
    -------
    ChainStoreEquilibrium
        The entry and fight probabilities and the reputation path (exact for
        exact input), with the weak incumbent's payoff; ``verify(result)``
        re-checks Bayes' rule and every player's incentives.

    Raises
    ------
    ProbabilityError
        If ``prior`` is not strictly between 0 and 1.
    ParameterError
        If ``periods`` is not a whole number >= 1 or exceeds
        ``cybergames.limits.MAX_REPUTATION_PERIODS`` (raise that attribute
        for a longer horizon), ``a <= 1``, ``b`` is not in (0, 1), or an input
        is symbolic (use :func:`deterrence_threshold` for the condition in symbols).

    Notes
    -----
    The solver applies the equilibrium rules of the module docstring period
    by period: :math:`O(N)` arithmetic operations on numbers of :math:`O(N)`
    digits. The weak incumbent's value solves

    .. math:: V_k(p) = s\,(a + V_{k-1}(p)) + (1 - s)\,\max\{0,\ -1 + V_{k-1}(p')\},

    with :math:`s` the probability of staying out and :math:`p'` the
    posterior after a fight; acquiescing reveals the weak type, after which
    every entrant enters and is accommodated (value 0).

    References
    ----------
    Kreps & Wilson (1982), *JET* 27, sec. 3; Fudenberg & Tirole (1991), *Game Theory*, ch. 9.2.2.

    Examples
    --------
    >>> from fractions import Fraction
    >>> eq = chain_store(Fraction(1, 10), periods=5, a=2, b=Fraction(1, 2))
    >>> eq.deterred          # 1/10 > (1/2)^k for k = 5, 4: two periods without entry
    2
    >>> [str(p) for p in eq.reputations]
    ['1/10', '1/10', '1/10', '1/4', '1/2', '1']
    >>> [str(x) for x in eq.fight_probabilities]      # beta = p (1 - b^(k-1)) / ((1 - p) b^(k-1))
    ['1', '7/9', '1/3', '1/3', '0']
    >>> eq.weak_value                                  # a = 2 in each of the two deterred periods
    4
    """
    mu = _checks.prior(prior)
    N = _checks.horizon(periods)
    limits.check("periods", N, "MAX_REPUTATION_PERIODS")
    a, b = _a(a), _b(b)
    tol = float(tol)
    exact = all(_numbers.is_exact(x) for x in (mu, a, b))
    if not exact:
        mu, a, b = float(mu), float(a), float(b)
    else:
        mu, a, b = Fraction(mu), Fraction(a), Fraction(b)
    rows = []
    p = mu
    for t in range(1, N + 1):
        k = N - t + 1
        entry, weak, fight, after = _behaviour(k, p, a, b, tol)
        rows.append(ChainStorePeriod(t, k, _out(p), _out(entry), _out(weak), _out(fight), _out(after),
                                     _out(b - fight)))
        if entry:
            p = after
    deterred = 0
    for row in rows:
        if row.entry:
            break
        deterred += 1
    value = _weak_value(N, mu, a, b, tol, {})
    return ChainStoreEquilibrium(_out(mu), N, _out(a), _out(b), tuple(rows), deterred, _out(value), exact, tol)


def _out(x: Any) -> Any:
    return _numbers.simplify_exact(x) if isinstance(x, Fraction) else x


def _weak_value(k: int, p: Any, a: Any, b: Any, tol: float, memo: dict) -> Any:
    """The weak incumbent's equilibrium payoff with k periods left at reputation p (iterative)."""
    # Along a branch p changes only after fights, so the states are few; evaluate from k = 1 up.
    key = (k, p)
    if key in memo:
        return memo[key]
    stack = [(k, p)]
    while stack:
        kk, pp = stack[-1]
        if (kk, pp) in memo:
            stack.pop()
            continue
        if kk == 0 or pp == 0:
            memo[(kk, pp)] = 0 * a
            stack.pop()
            continue
        entry, weak, fight, after = _behaviour(kk, pp, a, b, tol)
        needs = [(kk - 1, pp)] if entry < 1 else []
        if weak > 0:
            needs.append((kk - 1, after))
        missing = [s for s in needs if s not in memo]
        if missing:
            stack.extend(missing)
            continue
        stay = 1 - entry
        fought = -1 + memo[(kk - 1, after)] if weak > 0 else None
        when_entered = max(0 * a, fought) if fought is not None else 0 * a
        value = (stay * (a + memo[(kk - 1, pp)]) if stay else 0) + entry * when_entered
        memo[(kk, pp)] = value
        stack.pop()
    return memo[key]


# ---------------------------------------------------------------- verification
@verify.register(ChainStoreEquilibrium)
def _verify_chain_store(eq: ChainStoreEquilibrium, *, tol: float | None = None) -> Verification:
    """Re-check the path: Bayes' rule, the entrants' and the weak incumbent's incentives, from the payoffs.

    The weak incumbent's continuation values are recomputed by backward
    induction over the states (periods left, reputation) that the recorded
    strategies reach, using only the payoffs and the probabilities on the path
    and the rule "acquiescing reveals the weak type".
    """
    tol = eq.tol if tol is None else float(tol)
    failures: list[str] = []
    checked = 0
    a, b = eq.a, eq.b

    def close(x, y):
        return _equal(x, y, tol) if not eq.exact else x == y

    p = eq.prior
    memo: dict = {}
    for row in eq.path:
        checked += 4
        if not close(row.reputation, p):
            failures.append(f"period {row.period}: reputation {row.reputation} does not follow from the previous one")
        if not close(row.fight, row.reputation + (1 - row.reputation) * row.weak_fight):
            failures.append(f"period {row.period}: fight probability is not p + (1 - p) beta")
        if row.fight and not close(row.after_fight * row.fight, row.reputation):
            failures.append(f"period {row.period}: the posterior after a fight breaks Bayes' rule")
        gain = b - row.fight
        if (row.entry > 0 and gain < 0 and not close(gain, 0)) or (row.entry < 1 and gain > 0 and not close(gain, 0)):
            failures.append(f"period {row.period}: entering pays {gain}, yet the entrant enters with "
                            f"probability {row.entry}")
        # the weak incumbent: fighting pays -1 plus the value of the next period at the posterior,
        # acquiescing pays 0 (its type is revealed and every later entrant is accommodated)
        if row.remaining >= 2:
            checked += 1
            later = _check_value(row.remaining - 1, row.after_fight, eq, tol, memo)
            fight_value = -1 + later
            if row.weak_fight > 0 and fight_value < 0 and not close(fight_value, 0):
                failures.append(f"period {row.period}: the weak incumbent fights, losing {fight_value}")
            if row.weak_fight < 1 and fight_value > 0 and not close(fight_value, 0):
                failures.append(f"period {row.period}: the weak incumbent acquiesces, forgoing {fight_value}")
        elif row.weak_fight != 0:
            failures.append("last period: the weak incumbent must acquiesce")
        if row.entry:
            p = row.after_fight
    return Verification(not failures, checked, tuple(failures))


def _check_value(k: int, p: Any, eq: ChainStoreEquilibrium, tol: float, states: dict) -> Any:
    """The weak incumbent's value with k left at reputation p, by its own backward induction.

    Entry and fight probabilities come from the Kreps–Wilson rules written
    directly as the entrants' indifference (stay out with 1/a at p = b^k) and
    the posterior target b^(k-1).
    """
    a, b = eq.a, eq.b

    def value(kk, pp):
        if kk == 0 or pp == 0:
            return 0
        if (kk, pp) in states:
            return states[(kk, pp)]
        target = b ** (kk - 1)
        if isinstance(pp, float):
            knife = abs(pp - b ** kk) <= tol * max(1.0, b ** kk)
        else:
            knife = pp == b ** kk
        stay = Fraction(1) / a if knife and not isinstance(a, float) else (1 / a if knife else (1 if pp > b ** kk else 0))
        if kk == 1:
            entered = 0
        else:
            posterior = pp if pp >= target else target
            entered = max(0, -1 + value(kk - 1, posterior))
        result = stay * (a + value(kk - 1, pp)) + (1 - stay) * entered
        states[(kk, pp)] = result
        return result

    import sys
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * k + 100))
    try:
        return value(k, p)
    finally:
        sys.setrecursionlimit(limit)
