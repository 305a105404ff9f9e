r"""Rational cooperation in the finitely repeated prisoner's dilemma with a tit-for-tat type (KMRW 1982).

**Game** (Kreps, Milgrom, Roberts & Wilson 1982, sec. 2; Gibbons 1992,
ch. 4.3.C, whose normalisation we use). Two players, ROW and COL, play the
prisoner's dilemma :math:`N` times and sum their payoffs:

============  ==============  ==============
(ROW, COL)    COL cooperates  COL defects
============  ==============  ==============
cooperate     1, 1            b, a
defect        a, b            0, 0
============  ==============  ==============

with :math:`a > 1` and :math:`b < 0`. A prisoner's dilemma with payoffs
:math:`T > R > P > S` has :math:`a = (T - P)/(R - P)` and
:math:`b = (S - P)/(R - P)`. With prior probability :math:`\mu` ROW is a
*tit-for-tat type* (cooperates first, then repeats COL's previous action);
otherwise ROW is rational, as COL is. With complete information the only
equilibrium defects in every period; the small doubt about ROW changes that.

**Two facts of every sequential equilibrium** (by backward induction).
Rational ROW defects in the last two periods (in the last but one its action
cannot change COL's last-period defection). COL defects in the last period,
and in the last but one, facing a cooperative tit-for-tat move with
reputation :math:`p`, cooperates if the inequality below is strict, defects if
it fails, and is indifferent at equality:

.. math:: p \cdot 1 + (1 - p)\, b + p\, a \ge p\, a \iff p \ge t_2 = \frac{-b}{1 - b}

(cooperating costs :math:`b` against the rational type but buys a last-period
cooperation of the tit-for-tat type worth :math:`a` against it; defecting
takes :math:`a` now and nothing later).

**The cooperative equilibrium** (KMRW's construction in Gibbons's form).
Rational ROW mimics tit for tat while three or more periods are left and
defects in the last two; COL best-responds at every reputation and history
(ties go to cooperation). It is a sequential equilibrium in which both
cooperate in periods :math:`1, \dots, N - 2` — two final periods with
defection, whatever the horizon — for every :math:`N \ge 3` iff
:math:`a + b < 2` (so that, far from the end, COL does not
profit from alternating defection and repair) and
:math:`\mu \ge \mu^*(a, b) = \max(t_2, t_3)`, where :math:`t_3` is the
reputation at which COL is indifferent about cooperating with three periods
left:

.. math:: 1 + \mu + (1 - \mu) b + \mu a = a + \max(b + \mu a, 0),

solved as :math:`t_3 = (a - 1)/(1 - b)` when that is at least :math:`-b/a`
(COL would repair a defection in the last but one period) and otherwise
:math:`t_3 = (a - 1 - b)/(1 + a - b)`. (With :math:`a + b \ge 2` defecting
and repairing beats steady cooperation far from the end and the profile fails
for long horizons.) KMRW's theorem is the general bound: in *every*
sequential equilibrium the number of periods with defection is bounded
independently of :math:`N`; this module computes the equilibrium that attains
two such periods, and, for a prior below :math:`\mu^*`, the certificate that
this profile fails (the violated one-shot deviations with their gains). It
does not compute the mixed equilibria that exist below :math:`\mu^*`.

References
----------
Kreps, Milgrom, Roberts & Wilson (1982), "Rational cooperation in the
finitely repeated prisoners' dilemma", *Journal of Economic Theory* 27,
245–252. Gibbons (1992), *Game Theory for Applied Economists*, ch. 4.3.C.
Fudenberg & Tirole (1991), *Game Theory*, ch. 9.2. Mailath & Samuelson
(2006), *Repeated Games and Reputations*, ch. 17.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError
from . import _checks

__all__ = ["CooperationPeriod", "TitForTatReputation", "tit_for_tat_reputation", "cooperation_prior_threshold"]

C, D = "C", "D"


@dataclass(frozen=True)
class CooperationPeriod:
    r"""Play in one period on the path along which ROW keeps its reputation.

    Attributes
    ----------
    period, remaining : int
        :math:`t` and the periods left including it, :math:`k = N - t + 1`.
    reputation : number
        COL's belief that ROW is the tit-for-tat type at the start of the period.
    tit_for_tat_move : str
        The tit-for-tat type's move, ``"C"`` or ``"D"``.
    rational_cooperates : number
        The probability that the rational ROW cooperates (0 or 1).
    column_cooperates : number
        The probability that COL cooperates (0 or 1).
    after_mimic : number
        COL's belief after ROW makes the tit-for-tat move in this period (Bayes' rule).
    """

    period: int
    remaining: int
    reputation: Any
    tit_for_tat_move: str
    rational_cooperates: Any
    column_cooperates: Any
    after_mimic: Any


@dataclass(frozen=True)
class TitForTatReputation:
    r"""The cooperative profile of the KMRW prisoner's dilemma, and whether it is a sequential equilibrium.

    Attributes
    ----------
    prior, periods, a, b : number, int, number, number
        The inputs (Gibbons's normalisation, see the module docstring).
    path : tuple of CooperationPeriod
        One row per period along the path on which ROW plays like tit for tat.
    holds : bool
        Whether the profile is a sequential equilibrium for this horizon.
    violations : tuple of str
        When it is not: every state (periods left, reputation, tit-for-tat move)
        and player with a profitable one-shot deviation, and its gain (the certificate).
    mutual_cooperation : int
        The number of initial periods in which both players cooperate for sure on the path.
    threshold : number
        :math:`\mu^*(a, b)`, the prior from which the profile is an equilibrium for every horizon
        (when :math:`a + b < 2`; see :func:`cooperation_prior_threshold`).
    column_value, rational_value : number
        COL's and the rational ROW's equilibrium payoffs (sums over the periods).
    behaviour : tuple
        The profile at every state: ``(k, p, x, rational ROW's move, COL's move)``; ``verify`` re-checks it.
    exact : bool
    """

    prior: Any
    periods: int
    a: Any
    b: Any
    path: tuple = field(repr=False)
    holds: bool
    violations: tuple
    mutual_cooperation: int
    threshold: Any
    column_value: Any
    rational_value: Any
    behaviour: tuple = field(repr=False)
    exact: bool
    tol: float = field(default=DEFAULT_TOL, repr=False)

    @property
    def defection_periods(self) -> int:
        """The number of final periods in which someone may defect on the path (``periods - mutual_cooperation``)."""
        return self.periods - self.mutual_cooperation


def _payoffs(a: Any, b: Any, exact: bool) -> tuple:
    if exact:
        a, b = Fraction(a), Fraction(b)
    else:
        a, b = float(a), float(b)
    if not a > 1:
        raise ParameterError(f"a: expected the temptation payoff a > 1 (mutual cooperation pays 1), got {a!r}")
    if not b < 0:
        raise ParameterError(f"b: expected the sucker's payoff b < 0 (mutual defection pays 0), got {b!r}")
    return a, b


def _stage(a: Any, b: Any) -> dict:
    """(ROW move, COL move) -> (ROW payoff, COL payoff)."""
    one, zero = a ** 0, 0 * a
    return {(C, C): (one, one), (C, D): (b, a), (D, C): (a, b), (D, D): (zero, zero)}


def cooperation_prior_threshold(a: Any, b: Any) -> Any:
    r"""The prior :math:`\mu^*(a, b) = \max(t_2, t_3)` above which cooperation lasts until two periods from the end.

    For :math:`a + b < 2`, the profile of :func:`tit_for_tat_reputation` (both
    cooperate until the last two periods) is a sequential equilibrium for
    every horizon iff :math:`\mu \ge \mu^*` (see the module docstring for
    :math:`t_2, t_3`). For :math:`a + b \ge 2` it fails for long horizons at
    any prior below 1; the value returned is then still :math:`\max(t_2, t_3)`,
    the threshold for horizons of at most three periods.

    Parameters
    ----------
    a, b : int, Fraction or float
        The temptation :math:`a > 1` and the sucker's payoff :math:`b < 0`.

    Returns
    -------
    Fraction or float

    Raises
    ------
    ParameterError
        If :math:`a \le 1` or :math:`b \ge 0`.

    References
    ----------
    Gibbons (1992), ch. 4.3.C; Kreps, Milgrom, Roberts & Wilson (1982), sec. 2.

    Examples
    --------
    >>> cooperation_prior_threshold(2, -1)       # t2 = 1/2, t3 = (a - 1)/(1 - b) = 1/2 >= -b/a = 1/2
    Fraction(1, 2)
    >>> cooperation_prior_threshold(1.5, -0.5)
    0.3333333333333333
    """
    a = _checks.number(a, "a")
    b = _checks.number(b, "b")
    exact = _numbers.is_exact(a) and _numbers.is_exact(b)
    a, b = _payoffs(a, b, exact)
    return _out(_threshold(a, b))


def _threshold(a: Any, b: Any) -> Any:
    t2 = _numbers.ratio(-b, 1 - b)
    t3 = _numbers.ratio(a - 1, 1 - b)
    if not t3 >= _numbers.ratio(-b, a):
        t3 = _numbers.ratio(a - 1 - b, 1 + a - b)
    return max(t2, t3)


def _rational_move(k: int, p: Any, x: str) -> str:
    """The rational ROW's move: mimic tit for tat with three or more periods left, else defect."""
    return C if (p != 0 and x == C and k >= 3) else D


def _posterior(p: Any, x: str, rational: str, move: str) -> Any:
    """COL's belief after ROW plays ``move`` (Bayes' rule; 0 after a move neither type makes)."""
    tft = p if x == move else 0 * p
    rat = (1 - p) if rational == move else 0 * p
    total = tft + rat
    return _numbers.ratio(tft, total) if total else 0 * p


def _solve(N: int, mu: Any, a: Any, b: Any, tol: float) -> tuple:
    """COL's best responses (ties to cooperation) and both players' values at every state, by backward induction."""
    u = _stage(a, b)
    zero = 0 * a
    beliefs = (zero, mu, zero + 1)
    col_value = {(0, p, x): zero for p in beliefs for x in (C, D)}
    row_value = dict(col_value)
    col_move = {}
    for k in range(1, N + 1):
        for p in beliefs:
            for x in (C, D):
                rational = _rational_move(k, p, x)
                q = {}
                for y in (C, D):
                    total = zero
                    for move, prob in ((x, p), (rational, 1 - p)):
                        if prob:
                            after = _posterior(p, x, rational, move)
                            total += prob * (u[(move, y)][1] + col_value[(k - 1, after, y)])
                    q[y] = total
                y = C if _geq(q[C], q[D], tol) else D
                col_move[(k, p, x)] = y
                col_value[(k, p, x)] = q[y]
                after = _posterior(p, x, rational, rational)
                row_value[(k, p, x)] = u[(rational, y)][0] + row_value[(k - 1, after, y)]
    return col_move, col_value, row_value


def _geq(x: Any, y: Any, tol: float) -> bool:
    if isinstance(x, float) or isinstance(y, float):
        return x >= y - tol * max(1.0, abs(x), abs(y))
    return x >= y


def tit_for_tat_reputation(prior: Any, periods: int, a: Any = 2, b: Any = -1, *,
                           tol: float = DEFAULT_TOL) -> TitForTatReputation:
    r"""The cooperative sequential equilibrium of the KMRW prisoner's dilemma with a tit-for-tat type.

    Builds the profile of the module docstring for the given horizon —
    rational ROW mimics tit for tat until two periods are left, COL
    best-responds at every state by backward induction — and checks every
    one-shot deviation of both players at every state (periods left, COL's
    belief, tit for tat's move) that any history reaches. When all hold, the
    profile with Bayes' rule beliefs is a sequential equilibrium in which both
    cooperate in the first :math:`N - 2` periods.

    Parameters
    ----------
    prior : int, Fraction or float
        The probability :math:`\mu \in (0, 1)` that ROW is the tit-for-tat type.
    periods : int
        The horizon :math:`N \ge 1`.
    a, b : int, Fraction or float, optional
        The temptation :math:`a > 1` and the sucker's payoff :math:`b < 0`
        (mutual cooperation 1, mutual defection 0). Defaults 2 and -1.
    tol : float, optional
        Float input only: the tolerance of the incentive comparisons.

    Returns
    -------
    TitForTatReputation
        The path, ``holds`` and, if not, the violated deviations;
        ``verify(result)`` re-checks Bayes' rule and every incentive.

    Raises
    ------
    ProbabilityError
        If ``prior`` is not strictly between 0 and 1.
    ParameterError
        If ``periods`` is not a whole number between 1 and ``cybergames.limits.MAX_REPUTATION_PERIODS``
        (the limit shared by the reputation solvers), ``a <= 1`` or ``b >= 0``.

    Notes
    -----
    Under the profile COL's belief is :math:`\mu` until ROW's move differs from
    the rational type's, so the states are :math:`k \le N`,
    :math:`p \in \{0, \mu, 1\}` and :math:`x \in \{C, D\}`: the solver does
    :math:`O(N)` exact operations. Beliefs after a move neither type makes
    (ROW cooperating after COL's defection) are set to 0, the limit of
    trembles by the rational type (the tit-for-tat type is a commitment type
    and does not tremble).

    References
    ----------
    Kreps, Milgrom, Roberts & Wilson (1982), *JET* 27, sec. 2; Gibbons (1992), ch. 4.3.C.

    Examples
    --------
    >>> from fractions import Fraction
    >>> eq = tit_for_tat_reputation(Fraction(1, 2), periods=6, a=2, b=-1)
    >>> eq.holds, eq.mutual_cooperation, eq.defection_periods
    (True, 4, 2)
    >>> [(row.rational_cooperates, row.column_cooperates) for row in eq.path]
    [(1, 1), (1, 1), (1, 1), (1, 1), (0, 1), (0, 0)]
    >>> low = tit_for_tat_reputation(Fraction(1, 4), periods=6, a=2, b=-1)   # below mu* = 1/2
    >>> low.holds, low.violations[0]      # COL defects at k = 2, so mimicking at k = 3 does not pay
    (False, 'k=3, p=1/4, x=C: rational ROW gains 1 by playing D instead of C')
    """
    mu = _checks.prior(prior)
    N = _checks.horizon(periods)
    limits.check("periods", N, "MAX_REPUTATION_PERIODS")
    a = _checks.number(a, "a")
    b = _checks.number(b, "b")
    exact = all(_numbers.is_exact(x) for x in (mu, a, b))
    a, b = _payoffs(a, b, exact)
    mu = Fraction(mu) if exact else float(mu)
    tol = float(tol)
    col_move, col_value, row_value = _solve(N, mu, a, b, tol)
    behaviour = tuple((k, _out(p), x, _rational_move(k, p, x), col_move[(k, p, x)])
                      for (k, p, x) in sorted(col_move, key=lambda s: (s[0], s[1], s[2])))
    violations = _deviations(N, mu, a, b, behaviour, tol)
    rows = []
    p, x = mu, C
    for t in range(1, N + 1):
        k = N - t + 1
        rational = _rational_move(k, p, x)
        y = col_move[(k, p, x)]
        after = _posterior(p, x, rational, x)
        rows.append(CooperationPeriod(t, k, _out(p), x, int(rational == C), int(y == C), _out(after)))
        p, x = after, y
    mutual = 0
    for row in rows:
        if not (row.tit_for_tat_move == C and row.rational_cooperates and row.column_cooperates):
            break
        mutual += 1
    return TitForTatReputation(_out(mu), N, _out(a), _out(b), tuple(rows), not violations, violations, mutual,
                               _out(_threshold(a, b)), _out(col_value[(N, mu, C)]), _out(row_value[(N, mu, C)]),
                               behaviour, exact, tol)


def _out(x: Any) -> Any:
    return _numbers.simplify_exact(x) if isinstance(x, Fraction) else x


def _deviations(N: int, mu: Any, a: Any, b: Any, behaviour: tuple, tol: float, row: tuple | None = None) -> tuple:
    """Every profitable one-shot deviation, from the recorded behaviour and the payoffs alone.

    Values are recomputed by a backward induction separate from the solver's:
    beliefs from Bayes' rule on the recorded moves, ROW's and COL's values of
    every move at every state. ``row``: the rational ROW's own ``(a, b)``, when
    they are not COL's (a rational type with other payoffs on the same profile).
    """
    table = {(k, p, x): (r, y) for k, p, x, r, y in behaviour}
    u = _stage(a, b)
    u_row = u if row is None else _stage(*row)
    zero = 0 * a
    beliefs = sorted({p for _, p, _ in table})
    vr = {(0, p, x): zero for p in beliefs for x in (C, D)}
    vc = dict(vr)
    failures = []

    def bayes(p, x, rational, move):
        tft = p if move == x else zero
        rat = (1 - p) if move == rational else zero
        return tft / (tft + rat) if tft + rat else zero

    for k in range(1, N + 1):
        for p in beliefs:
            for x in (C, D):
                rational, y = table[(k, p, x)]
                # ROW (rational): value of each own move against COL's prescribed y
                row_q = {m: u_row[(m, y)][0] + vr[(k - 1, bayes(p, x, rational, m), y)] for m in (C, D)}
                # COL: value of each own move against the mixture of ROW's types
                col_q = {}
                for z in (C, D):
                    total = zero
                    for m, prob in ((x, p), (rational, 1 - p)):
                        if prob:
                            total += prob * (u[(m, z)][1] + vc[(k - 1, bayes(p, x, rational, m), z)])
                    col_q[z] = total
                for who, q, own in (("rational ROW", row_q, rational), ("COL", col_q, y)):
                    other = D if own == C else C
                    gain = q[other] - q[own]
                    if not _geq(0 * gain, gain, tol):
                        failures.append(f"k={k}, p={_out(p)}, x={x}: {who} gains {_out(gain)} by playing "
                                        f"{other} instead of {own}")
                vr[(k, p, x)] = row_q[rational]
                vc[(k, p, x)] = col_q[y]
    return tuple(failures)


# ---------------------------------------------------------------- verification
@verify.register(TitForTatReputation)
def _verify_tit_for_tat(eq: TitForTatReputation, *, tol: float | None = None) -> Verification:
    """Re-check the profile: Bayes' rule on the path, and every one-shot deviation at every state.

    The one-shot deviation principle holds in finite games, so with beliefs
    from Bayes' rule these checks make the profile a sequential equilibrium
    (``holds``), or list why not (they must match ``violations``).
    """
    tol = eq.tol if tol is None else float(tol)
    failures: list[str] = []
    checked = 0
    p, x = eq.prior, C
    for row in eq.path:
        checked += 2
        if row.reputation != p and not (isinstance(p, float) and abs(row.reputation - p) <= tol):
            failures.append(f"period {row.period}: reputation {row.reputation} does not follow from the path")
        if row.tit_for_tat_move != x:
            failures.append(f"period {row.period}: tit for tat must repeat COL's previous move {x}")
        rational_mimics = row.rational_cooperates if x == C else 1 - row.rational_cooperates
        expected = p / (p + (1 - p) * rational_mimics)
        if not (row.after_mimic == expected or (isinstance(expected, float)
                                                      and abs(row.after_mimic - expected) <= tol)):
            failures.append(f"period {row.period}: the posterior after cooperation breaks Bayes' rule")
        p, x = row.after_mimic, (C if row.column_cooperates else D)
    recomputed = _deviations(eq.periods, eq.prior, eq.a, eq.b, eq.behaviour, tol)
    checked += 4 * len(eq.behaviour)
    if recomputed != eq.violations:
        failures.append(f"violations: recorded {len(eq.violations)}, recomputed {len(recomputed)}")
    if eq.holds != (not recomputed):
        failures.append("holds: disagrees with the one-shot deviation checks")
    return Verification(not failures, checked, tuple(failures))
