r"""The Fudenberg–Levine (1989) lower bound on a patient long-run player's payoff.

A long-run player 1 (discount factor :math:`\delta`) faces a new short-run
player 2 every period; actions are observed. With prior probability
:math:`\mu^*` player 1 is a commitment type who always plays the pure action
:math:`a^*`. Let :math:`B(a^*)` be player 2's best responses to :math:`a^*`,

.. math:: v^*(a^*) = \min_{b \in B(a^*)} u_1(a^*, b), \qquad
          \underline u = \min_b u_1(a^*, b),

and let :math:`\pi < 1` be the largest probability of :math:`a^*` at which a
short-run player may still best-respond outside :math:`B(a^*)`:

.. math:: \pi = \max_{b \notin B(a^*)}\ \max\{\sigma(a^*) : \sigma \in \Delta(A_1),\
          b \in \arg\max_{b'} u_2(\sigma, b')\}

(a linear programme per :math:`b`). If the normal type always plays
:math:`a^*`, every period in which player 2 does not best-respond to
:math:`a^*` has :math:`\Pr(a^*) \le \pi`, so seeing :math:`a^*` multiplies the
posterior on the commitment type by at least :math:`1/\pi`; as the posterior
stays at most 1, there are at most

.. math:: k^* = \left\lfloor \frac{\ln \mu^*}{\ln \pi} \right\rfloor

such periods, and in the worst case they come first. Hence in every Nash
equilibrium the normal type's normalised payoff is at least

.. math:: (1 - \delta^{k^*})\, \underline u + \delta^{k^*} v^*(a^*),

which tends to :math:`v^*(a^*)` as :math:`\delta \to 1` (Fudenberg & Levine
1989, Theorem 1 and its proof; Fudenberg & Tirole 1991, ch. 9.3; Mailath &
Samuelson 2006, ch. 15.3). When :math:`\pi = 0` (every short-run action
outside :math:`B(a^*)` is never a best response) :math:`k^* = 0`; when
:math:`B(a^*)` holds every action there is nothing to learn and
:math:`k^* = 0` as well.

References
----------
Fudenberg & Levine (1989), "Reputation and equilibrium selection in games
with a patient player", *Econometrica* 57(4), 759–778. Fudenberg & Tirole
(1991), *Game Theory*, ch. 9.3. Mailath & Samuelson (2006), *Repeated Games
and Reputations*, ch. 15.3.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.optimize
import sympy
from sympy.solvers.simplex import linprog as sympy_linprog

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError
from ..games.normal_form import NormalFormGame
from . import _checks

__all__ = ["ReputationBound", "fudenberg_levine_bound"]


@dataclass(frozen=True, eq=False)
class ReputationBound:
    r"""The Fudenberg–Levine lower bound and its ingredients.

    Attributes
    ----------
    bound : number
        :math:`(1 - \delta^{k^*})\,\underline u + \delta^{k^*} v^*(a^*)`.
    commitment_payoff : number
        :math:`v^*(a^*)`, the payoff the bound tends to as :math:`\delta \to 1`.
    worst_payoff : number
        :math:`\underline u = \min_b u_1(a^*, b)`.
    periods : int
        :math:`k^*`, the most periods in which the short-run players fail to best-respond to :math:`a^*`.
    threshold : number
        :math:`\pi`.
    best_responses : tuple of str
        :math:`B(a^*)`.
    witnesses : tuple
        For each short-run action :math:`b \notin B(a^*)`: ``(b, sigma)`` with
        :math:`\sigma` a mixed action of player 1 that makes :math:`b` a best
        response with the largest :math:`\sigma(a^*)` (``None`` if :math:`b` is
        never a best response).
    stage, action, prior, delta, long_run : the inputs.
    """

    bound: Any
    commitment_payoff: Any
    worst_payoff: Any
    periods: int
    threshold: Any
    best_responses: tuple
    witnesses: tuple = field(repr=False)
    stage: NormalFormGame = field(repr=False)
    action: str = field(repr=False)
    prior: Any = field(repr=False)
    delta: Any = field(repr=False)
    long_run: int = field(repr=False)


def _max_share(M: list, star: int, b: int, exact: bool) -> tuple[Any, Any]:
    """max sigma(a*) s.t. sigma in the simplex and b is a best response for the short-run player (LP)."""
    rows, cols = len(M), len(M[0])
    # constraints: sum_a sigma_a (M[a][b'] - M[a][b]) <= 0 for every b' != b
    A = [[M[a][c] - M[a][b] for a in range(rows)] for c in range(cols) if c != b]
    if exact:
        # sympy's simplex (1.14) does not end on some infeasible programmes (2x + y <= 0, x + y = 1, x, y >= 0:
        # a prisoner's dilemma's cooperation against a dominant defection) and returns a point outside others
        # (x + y <= 0, x + y = 1 gave x = 1): decide feasibility with HiGHS first, which declares a programme
        # infeasible only when no point lies within its tolerance, and accept sympy's point only after checking
        # it exactly
        if _max_share([[float(x) for x in row] for row in M], star, b, False)[0] is None:
            return None, None
        objective = [-1 if a == star else 0 for a in range(rows)]
        try:
            value, solution = sympy_linprog(objective, A or None, [0] * len(A) if A else None,
                                            [[1] * rows], [1])
        except Exception:            # sympy raises InfeasibleLPError when b is never a best response
            return None, None
        sigma = tuple(_numbers.from_sympy(sympy.nsimplify(x)) for x in solution)
        feasible = all(x >= 0 for x in sigma) and sum(sigma) == 1 and all(
            sum(row[a] * sigma[a] for a in range(rows)) <= 0 for row in A)
        if not feasible:
            raise GameError(f"stage: the exact linear programme for the short-run action {b} returned a point "
                            "outside its constraints; pass float payoffs for the float path")
        return _numbers.from_sympy(-value), sigma
    result = scipy.optimize.linprog([-1.0 if a == star else 0.0 for a in range(rows)],
                                    A_ub=np.array(A, dtype=float) if A else None,
                                    b_ub=np.zeros(len(A)) if A else None,
                                    A_eq=np.ones((1, rows)), b_eq=[1.0], bounds=[(0, None)] * rows,
                                    method="highs")
    if result.status != 0:
        return None, None
    return float(-result.fun), tuple(float(x) for x in result.x)


def fudenberg_levine_bound(stage: NormalFormGame, action: Any, prior: Any, delta: Any, *,
                           long_run: int = 0, tol: float = DEFAULT_TOL) -> ReputationBound:
    r"""The Fudenberg–Levine lower bound on the long-run player's payoff for a commitment action.

    Parameters
    ----------
    stage : NormalFormGame
        A two-player numeric stage game.
    action : str or int
        The commitment action :math:`a^*` of the long-run player.
    prior : number
        The prior :math:`\mu^* \in (0, 1)` of the commitment type.
    delta : number
        The long-run player's discount factor, :math:`0 \le \delta < 1`.
    long_run : int, optional
        Which player is long-run (0 or 1); the other is the short-run player.
    tol : float, optional
        Float games only: the tolerance of the best-response test.

    Returns
    -------
    ReputationBound
        The bound (exact for exact input: :math:`\delta^{k^*}` of an exact
        :math:`\delta` is exact) and its ingredients; ``verify`` re-checks
        :math:`\pi` from its witnesses and the best-response set.

    Raises
    ------
    GameError
        If ``stage`` is not a numeric two-player game or ``action`` is not one of its actions.
    ProbabilityError
        If ``prior`` is not strictly between 0 and 1.
    DiscountFactorError
        If ``delta`` is not in [0, 1).

    Notes
    -----
    :math:`k^*` is computed exactly for exact :math:`\pi` and :math:`\mu^*`
    (the largest integer :math:`k` with :math:`\pi^k \ge \mu^*`), not with logarithms.

    References
    ----------
    Fudenberg & Levine (1989), *Econometrica* 57(4), Theorem 1; Fudenberg &
    Tirole (1991), *Game Theory*, ch. 9.3.

    Examples
    --------
    The product-choice game (Mailath & Samuelson 2006, ch. 15): player 1
    chooses high or low effort, the customer buys the high- or low-priced
    product. The customer buys high iff high effort has probability at least 1/2.

    >>> from fractions import Fraction
    >>> from cybergames import NormalFormGame
    >>> g = NormalFormGame([[[2, 0], [3, 1]], [[3, 2], [0, 1]]], actions=[("H", "L"), ("h", "l")])
    >>> r = fudenberg_levine_bound(g, "H", prior=Fraction(1, 100), delta=Fraction(9, 10))
    >>> r.threshold, r.periods, r.commitment_payoff      # pi = 1/2; (1/2)^6 >= 1/100 > (1/2)^7
    (Fraction(1, 2), 6, 2)
    >>> r.bound                                         # 2 (9/10)^6
    Fraction(531441, 500000)
    """
    if not isinstance(stage, NormalFormGame) or stage.num_players != 2:
        raise GameError(f"stage: expected a two-player NormalFormGame, got {stage!r}")
    if stage.is_symbolic:
        raise GameError("stage: expected numeric payoffs; substitute numbers with game.subs(...) first")
    if long_run not in (0, 1) or isinstance(long_run, bool):
        raise GameError(f"long_run: expected the player 0 or 1, got {long_run!r}")
    mu = _checks.prior(prior)
    d = _checks.discount(delta)
    try:
        star = stage.action_index(long_run, action)
    except (GameError, ValueError, TypeError) as exc:
        raise GameError(f"action: expected an action of player {long_run}, got {action!r}") from exc
    short = 1 - long_run
    exact = stage.kind != FLOAT and _numbers.is_exact(mu) and _numbers.is_exact(d)
    m1, m2 = len(stage.actions[long_run]), len(stage.actions[short])

    def u(player, a, b):
        profile = (a, b) if long_run == 0 else (b, a)
        value = stage.payoff(tuple(stage.actions[k][i] for k, i in enumerate(profile)))[player]
        return value if exact else float(value)

    M = [[u(short, a, b) for b in range(m2)] for a in range(m1)]
    reply = [M[star][b] for b in range(m2)]
    top = max(reply)
    near = (lambda x: x == top) if exact else (lambda x: top - x <= tol * max(abs(top), abs(x)))
    best = [b for b in range(m2) if near(reply[b])]
    commitment = min(u(long_run, star, b) for b in best)
    worst = min(u(long_run, star, b) for b in range(m2))
    pi = 0 if exact else 0.0
    witnesses = []
    for b in range(m2):
        if b in best:
            continue
        share, sigma = _max_share(M, star, b, exact)
        witnesses.append((stage.actions[short][b], sigma))
        if share is not None and share > pi:
            pi = share
    if exact:
        mu, d = Fraction(mu), Fraction(d)
    k = _periods(pi, mu, exact)
    bound = (1 - d ** k) * worst + d ** k * commitment
    return ReputationBound(_numbers.simplify_exact(bound) if exact else float(bound), commitment, worst, k,
                           _numbers.simplify_exact(Fraction(pi)) if exact else pi,
                           tuple(stage.actions[short][b] for b in best), tuple(witnesses), stage,
                           stage.actions[long_run][star], mu, d, long_run)


def _periods(pi: Any, mu: Any, exact: bool) -> int:
    """The largest k >= 0 with pi**k >= mu (0 when pi == 0)."""
    if pi <= 0:
        return 0
    if not exact:
        return max(0, int(math.floor(math.log(mu) / math.log(pi) + 1e-12)))
    pi, mu = Fraction(pi), Fraction(mu)
    k = max(0, int(math.floor(math.log(mu) / math.log(pi))) - 1)
    while pi ** (k + 1) >= mu:
        k += 1
    while k > 0 and pi ** k < mu:
        k -= 1
    return k


@verify.register(ReputationBound)
def _verify_bound(result: ReputationBound, *, tol: float | None = None) -> Verification:
    """Re-check the best-response set, each witness (b is a best response to sigma, sigma(a*) <= pi,
    with pi attained), the count k* and the formula of the bound."""
    tol = DEFAULT_TOL if tol is None else float(tol)
    stage, failures, checked = result.stage, [], 0
    lr, sr = result.long_run, 1 - result.long_run
    star = stage.action_index(lr, result.action)

    def u(player, a, b):
        profile = (a, b) if lr == 0 else (b, a)
        return stage.payoff(tuple(stage.actions[k][i] for k, i in enumerate(profile)))[player]

    m1, m2 = len(stage.actions[lr]), len(stage.actions[sr])
    exact = isinstance(result.bound, (int, Fraction))
    slack = 0 if exact else tol
    values = [u(sr, star, b) for b in range(m2)]
    best = tuple(stage.actions[sr][b] for b in range(m2) if max(values) - values[b] <= slack)
    checked += 1
    if best != result.best_responses:
        failures.append(f"best responses to a*: recorded {result.best_responses}, recomputed {best}")
    attained = result.threshold == 0
    for label, sigma in result.witnesses:
        if sigma is None:
            continue
        checked += 2
        b = stage.actions[sr].index(label)
        payoffs = [sum(sigma[a] * u(sr, a, c) for a in range(m1)) for c in range(m2)]
        if max(payoffs) - payoffs[b] > slack:
            failures.append(f"witness for {label}: {label} is not a best response to it")
        if sigma[star] > result.threshold + slack:
            failures.append(f"witness for {label}: sigma(a*) = {sigma[star]} exceeds pi")
        if abs(sigma[star] - result.threshold) <= slack:
            attained = True
    if not attained:
        failures.append("pi is not attained by any witness")
    k, pi, mu = result.periods, result.threshold, result.prior
    checked += 2
    if pi > 0 and not (pi ** k >= mu * (1 - slack) and pi ** (k + 1) < mu * (1 + slack)):
        failures.append(f"k* = {k} is not the largest k with pi^k >= mu")
    expected = (1 - result.delta ** k) * result.worst_payoff + result.delta ** k * result.commitment_payoff
    if abs(expected - result.bound) > slack:
        failures.append(f"bound {result.bound} differs from the formula's {expected}")
    return Verification(not failures, checked, tuple(failures))
