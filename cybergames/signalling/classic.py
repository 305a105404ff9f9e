r"""Classic signalling games: Beer–Quiche and a discrete Spence job market.

Beer–Quiche (Cho & Kreps 1987, section II): the sender is *weak* or *strong*;
he has breakfast (*beer* or *quiche*) before a bully decides whether to
*duel*. Each type gets 1 for his favourite breakfast (the weak type likes
quiche, the strong type beer) plus 2 if there is no duel; the bully gets 1 for
dueling a weak type or for not dueling a strong one, 0 otherwise.

The job market (Spence 1973): a worker of productivity :math:`\theta` chooses
education :math:`e` at cost :math:`k e / \theta`; a competitive market,
modelled as one receiver with payoff :math:`-(w - \theta)^2`, pays a wage
:math:`w` from a finite set, the one closest to the expected productivity. The
worker gets :math:`w - k e / \theta`. Spence's own example has
:math:`\theta \in \{1, 2\}` and :math:`k = 1` with continuous education.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Sequence

import sympy

from .. import _numbers
from ..errors import ParameterError, ProbabilityError
from .game import SignallingGame

__all__ = ["beer_quiche", "spence_job_market"]


def beer_quiche(prior_weak: Any = Fraction(1, 10)) -> SignallingGame:
    r"""Cho and Kreps's Beer–Quiche game.

    Parameters
    ----------
    prior_weak : number or sympy.Expr
        The probability of the weak type (the paper's 0.1 by default, exactly).

    Returns
    -------
    SignallingGame
        Types ``("weak", "strong")``, messages ``("beer", "quiche")``, actions
        ``("duel", "not")``.

    Raises
    ------
    ProbabilityError
        If ``prior_weak`` is not strictly between 0 and 1.

    References
    ----------
    Cho & Kreps (1987), "Signaling games and stable equilibria", *QJE* 102(2),
    179–221, section II and figure I.

    Examples
    --------
    >>> sg = beer_quiche()
    >>> sg.prior
    {'weak': Fraction(1, 10), 'strong': Fraction(9, 10)}
    >>> sg.payoffs("weak", "quiche", "not")
    (3, 0)
    """
    p = _numbers.normalise(prior_weak, "prior_weak", ProbabilityError)
    _numbers.require(sympy.And(sympy.sympify(p) > 0, sympy.sympify(p) < 1) if isinstance(p, sympy.Basic)
                     else 0 < p < 1, ProbabilityError, f"prior_weak: expected 0 < prior_weak < 1, got {p!r}")
    favourite = {"weak": "quiche", "strong": "beer"}

    def sender(t: str, m: str, a: str) -> int:
        return (m == favourite[t]) + 2 * (a == "not")

    def receiver(t: str, m: str, a: str) -> int:
        return int((a == "duel") == (t == "weak"))

    return SignallingGame(("weak", "strong"), {"weak": p, "strong": 1 - p}, ("beer", "quiche"),
                          ("duel", "not"), sender, receiver)


def spence_job_market(*, low: Any = 1, high: Any = 3, prior_high: Any = Fraction(1, 2),
                      education: Sequence = (0, 1, 2, 3), cost: Any = Fraction(4, 3),
                      wages: Sequence | None = None) -> SignallingGame:
    r"""A discrete Spence job-market signalling game.

    Parameters
    ----------
    low, high : number or sympy.Expr
        The productivities :math:`\theta_L < \theta_H` of types ``"low"`` and ``"high"``.
    prior_high : number or sympy.Expr
        The probability of the high type.
    education : sequence of numbers
        The education levels (messages, labelled ``str(e)``); distinct, non-negative.
    cost : number or sympy.Expr
        The cost scale :math:`k > 0`: education :math:`e` costs type
        :math:`\theta` the amount :math:`k e / \theta`.
    wages : sequence of numbers, optional
        The wages the market can pay (actions, labelled ``str(w)``); by default
        :math:`\theta_L`, the prior mean and :math:`\theta_H`.

    Returns
    -------
    SignallingGame

    Raises
    ------
    ParameterError
        If ``low < high`` or ``cost > 0`` is provably false, or education
        levels or wages repeat or are negative.
    ProbabilityError
        If ``prior_high`` is not strictly between 0 and 1.

    Notes
    -----
    With the defaults (:math:`\theta = 1, 3`, prior 1/2, :math:`k = 4/3`,
    :math:`e \in \{0, 1, 2, 3\}`, wages 1, 2, 3) the low type's cost is
    :math:`4e/3` and the high type's :math:`4e/9`. Separation at :math:`e^*`
    needs the low type not to mimic, :math:`3 - 4e^*/3 \le 1`, i.e.
    :math:`e^* \ge 3/2`, and the high type not to drop out,
    :math:`3 - 4e^*/9 \ge 1`, i.e. :math:`e^* \le 9/2`: so
    :math:`e^* \in \{2, 3\}`, and :math:`e^* = 2` is the least-cost (Riley)
    separating outcome, the one the intuitive criterion and D1 keep.

    References
    ----------
    Spence (1973), "Job market signaling", *QJE* 87(3), 355–374; Gibbons
    (1992), *Game Theory for Applied Economists*, ch. 4.2.B; Mas-Colell,
    Whinston & Green (1995), *Microeconomic Theory*, ch. 13.C.

    Examples
    --------
    >>> sg = spence_job_market()
    >>> sg.messages, sg.actions["0"]
    (('0', '1', '2', '3'), ('1', '2', '3'))
    >>> sg.payoffs("high", "3", "3")    # wage 3 minus cost 4 * 3 / 9; the market is right
    (Fraction(5, 3), 0)
    """
    theta_l = _numbers.normalise(low, "low", ParameterError)
    theta_h = _numbers.normalise(high, "high", ParameterError)
    k = _numbers.normalise(cost, "cost", ParameterError)
    p = _numbers.normalise(prior_high, "prior_high", ProbabilityError)
    _numbers.require(sympy.sympify(theta_l) < sympy.sympify(theta_h), ParameterError,
                     f"low, high: expected low < high, got {theta_l!r}, {theta_h!r}")
    _numbers.require(sympy.sympify(theta_l) > 0, ParameterError, f"low: expected a positive productivity, got {theta_l!r}")
    _numbers.require(sympy.sympify(k) > 0, ParameterError, f"cost: expected a positive cost scale, got {k!r}")
    _numbers.require(sympy.And(sympy.sympify(p) > 0, sympy.sympify(p) < 1), ProbabilityError,
                     f"prior_high: expected 0 < prior_high < 1, got {p!r}")
    levels = _levels(education, "education")
    mean = (1 - p) * theta_l + p * theta_h
    if isinstance(mean, sympy.Basic):
        mean = sympy.expand(mean)
    pay = _levels([theta_l, mean, theta_h] if wages is None else wages, "wages", dedupe=wages is None)
    theta = {"low": theta_l, "high": theta_h}
    by_label_e = {str(e): e for e in levels}
    by_label_w = {str(w): w for w in pay}

    def sender(t: str, m: str, a: str) -> Any:
        return by_label_w[a] - _numbers.ratio(k * by_label_e[m], theta[t])

    def receiver(t: str, m: str, a: str) -> Any:
        return -(by_label_w[a] - theta[t]) ** 2

    return SignallingGame(("low", "high"), {"low": 1 - p, "high": p}, tuple(by_label_e), tuple(by_label_w),
                          sender, receiver)


def _levels(values: Sequence, name: str, dedupe: bool = False) -> list:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise ParameterError(f"{name}: expected a non-empty sequence of numbers, got {values!r}")
    levels = [_numbers.normalise(v, f"{name}[{i}]", ParameterError) for i, v in enumerate(values)]
    for v in levels:
        _numbers.require(sympy.sympify(v) >= 0, ParameterError, f"{name}: expected non-negative numbers, got {v!r}")
    if dedupe:
        unique = []
        for v in levels:
            if str(v) not in {str(u) for u in unique}:
                unique.append(v)
        levels = unique
    if len({str(v) for v in levels}) != len(levels):
        raise ParameterError(f"{name}: expected distinct values, got {values!r}")
    return levels
