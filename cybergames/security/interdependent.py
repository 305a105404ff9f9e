r"""Kunreuther and Heal's (2003) interdependent security: two agents, contagion from the unprotected.

Each of two agents chooses to invest in protection (cost :math:`c`) or not. An
unprotected agent suffers a loss :math:`L` directly with probability :math:`p`;
an agent whose partner is unprotected also suffers it by contagion with
probability :math:`q`, whether it invested or not (investment protects only
against the direct risk), and the loss happens at most once. The expected
payoffs (minus expected costs) of the row agent are

.. math::

    \begin{array}{c|cc}
     & \text{invest} & \text{not} \\ \hline
    \text{invest} & -c & -c - qL \\
    \text{not} & -pL & -pL - (1 - p) qL
    \end{array}

Investing is a best response to an investing partner iff :math:`c \le pL`, and
to a non-investing one iff :math:`c + qL \le pL + (1-p)qL`, i.e.
:math:`c \le p(1 - q)L`. Hence (Kunreuther and Heal 2003):

* (invest, invest) is an equilibrium iff :math:`c \le pL`;
* (not, not) is an equilibrium iff :math:`c \ge p(1 - q)L`;
* investing is dominant iff :math:`c \le p(1-q)L` and not investing iff :math:`c \ge pL`;
* for :math:`p(1-q)L < c < pL` both pure equilibria exist (a coordination game),
  with a mixed one in which each invests with probability
  :math:`y^* = (c - p(1-q)L)/(pqL)`.

The contagion term :math:`q` is what makes security interdependent: a partner
that does not invest lowers the value of one's own investment by :math:`pqL`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..equilibria import nash_equilibria
from ..games import NormalFormGame
from ._checks import floating, nonnegative, positive, probability

__all__ = ["InterdependentSecurity", "interdependent_security"]

ACTIONS = ("invest", "not")


@dataclass(frozen=True)
class InterdependentSecurity:
    """The Kunreuther–Heal two-agent game, its equilibria and the closed-form conditions.

    Attributes
    ----------
    game : NormalFormGame
        The symmetric 2x2 game of expected payoffs, actions ``("invest", "not")``.
    equilibria : EquilibriumSet
        Every Nash equilibrium of ``game`` (:func:`cybergames.equilibria.nash_equilibria`).
    both_invest : bool
        Whether (invest, invest) is an equilibrium: :math:`c \\le pL` (a condition for that profile).
    neither_invests : bool
        Whether (not, not) is an equilibrium: :math:`c \\ge p(1 - q)L` (a condition for that profile).
    invest_threshold, dominance_threshold : number
        :math:`pL` and :math:`p(1 - q)L`.
    mixed_invest_probability : number or None
        :math:`y^* = (c - p(1-q)L)/(pqL)` when :math:`p(1-q)L < c < pL`, else ``None``.
    p, q, L, c : number
        The inputs.
    """

    game: NormalFormGame = field(repr=False)
    equilibria: tuple = field(repr=False)
    both_invest: bool
    neither_invests: bool
    invest_threshold: Any
    dominance_threshold: Any
    mixed_invest_probability: Any
    p: Any
    q: Any
    L: Any
    c: Any


def _payoffs(p: Any, q: Any, L: Any, c: Any) -> list:
    """The row agent's expected payoffs, rows and columns in the order (invest, not)."""
    return [[-c, -c - q * L], [-p * L, -p * L - (1 - p) * q * L]]


def interdependent_security(p: Any, q: Any, L: Any, c: Any) -> InterdependentSecurity:
    r"""Kunreuther and Heal's two-agent interdependent security game and its equilibria.

    Parameters
    ----------
    p : int, Fraction or float
        The probability of a direct loss to an unprotected agent, in ``[0, 1]``.
    q : number
        The probability of contagion from an unprotected partner, in ``[0, 1]``.
    L : number
        The loss, ``> 0``.
    c : number
        The cost of protection, ``>= 0``.

    Returns
    -------
    InterdependentSecurity
        The game (exact for exact input, float for floats), its equilibria and
        the closed-form conditions of the module docstring;
        :func:`cybergames.verify` rebuilds the payoffs and re-checks every condition
        against the best responses of the game.

    Raises
    ------
    ProbabilityError
        If ``p`` or ``q`` lies outside ``[0, 1]``.
    ParameterError
        If ``L <= 0`` or ``c < 0``, or an input is symbolic.

    References
    ----------
    Kunreuther, H. and Heal, G. (2003). Interdependent security. *Journal of
    Risk and Uncertainty* 26(2/3), 231–249 (the two-agent game and its
    equilibria).

    Examples
    --------
    :math:`p = 1/5, q = 1/2, L = 100`: :math:`pL = 20` and :math:`p(1-q)L = 10`, so a
    cost of 15 gives two pure equilibria and a mixed one with :math:`y^* = 5/10`.

    >>> from fractions import Fraction
    >>> from cybergames.security import interdependent_security
    >>> r = interdependent_security(Fraction(1, 5), Fraction(1, 2), 100, 15)
    >>> r.both_invest, r.neither_invests, r.mixed_invest_probability
    (True, True, Fraction(1, 2))
    >>> sorted(eq.profile for eq in r.equilibria if eq.is_pure)
    [('invest', 'invest'), ('not', 'not')]
    """
    p = probability(p, "p")
    q = probability(q, "q")
    L = positive(L, "L")
    c = nonnegative(c, "c")
    if floating(p, q, L, c):
        p, q, L, c = (float(x) for x in (p, q, L, c))
    row = _payoffs(p, q, L, c)
    column = [[row[j][i] for j in range(2)] for i in range(2)]
    game = NormalFormGame([row, column], actions=[ACTIONS, ACTIONS])
    high = _numbers.simplify_exact(p * L)
    low = _numbers.simplify_exact(p * (1 - q) * L)
    mixed = _numbers.simplify_exact(_numbers.ratio(c - low, p * q * L)) if low < c < high else None
    return InterdependentSecurity(game=game, equilibria=nash_equilibria(game), both_invest=c <= high,
                                  neither_invests=c >= low, invest_threshold=high, dominance_threshold=low,
                                  mixed_invest_probability=mixed, p=p, q=q, L=L, c=c)


@verify.register
def _verify_interdependent(result: InterdependentSecurity, *, tol: float = DEFAULT_TOL) -> Verification:
    """Rebuild the payoffs from (p, q, L, c); re-check each condition by best responses; verify the equilibria."""
    p, q, L, c = result.p, result.q, result.L, result.c
    slack = tol * max(1.0, abs(L)) if isinstance(L, float) else 0
    u = [[-c, -c - q * L], [-p * L, -(p + (1 - p) * q) * L]]    # loss once: 1 - (1 - p)(1 - q) = p + (1 - p) q
    checks = [(all(abs(result.game.payoffs[0][i, j] - u[i][j]) <= slack
                   and abs(result.game.payoffs[1][j, i] - u[i][j]) <= slack for i in range(2) for j in range(2)),
               "the payoffs are not Kunreuther and Heal's")]
    checks.append((result.both_invest == (u[0][0] >= u[1][0] - slack), "both_invest disagrees with best responses"))
    checks.append((result.neither_invests == (u[1][1] >= u[0][1] - slack),
                   "neither_invests disagrees with best responses"))
    y = result.mixed_invest_probability
    if y is not None:
        invest = y * u[0][0] + (1 - y) * u[0][1]
        keep_out = y * u[1][0] + (1 - y) * u[1][1]
        checks.append((0 < y < 1 and abs(invest - keep_out) <= slack, "the mixed probability does not equalise"))
    inner = verify(result.equilibria, tol=tol) if isinstance(L, float) else verify(result.equilibria)
    checks.append((inner.ok, "the equilibria do not verify: " + "; ".join(inner.failures)))
    failures = tuple(message for ok, message in checks if not ok)
    return Verification(ok=not failures, checked=len(checks) + inner.checked - 1, failures=failures)
