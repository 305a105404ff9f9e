r"""Rubinstein's alternating-offers bargaining, infinite and finite horizon.

Two players split a surplus of size one. Player 1 proposes in periods
0, 2, 4, ..., player 2 in periods 1, 3, ...; the responder accepts or rejects,
and after a rejection the roles swap one period later. Player :math:`i`
discounts by :math:`\delta_i` per period. With an infinite horizon the unique
subgame perfect equilibrium (Rubinstein 1982; Osborne & Rubinstein 1994,
*A Course in Game Theory*, ch. 7, Prop. 122.1) has each proposer offer the
responder exactly what the responder would get by rejecting, and the offers
:math:`x^*` (player 1's proposal) and :math:`y^*` (player 2's) solve

.. math::

    x^*_2 = \delta_2 y^*_2, \qquad y^*_1 = \delta_1 x^*_1, \qquad
    x^*_1 = \frac{1 - \delta_2}{1 - \delta_1\delta_2}, \quad
    y^*_2 = \frac{1 - \delta_1}{1 - \delta_1\delta_2}.

Agreement is immediate on :math:`x^*`. With a horizon of :math:`T` periods
(no agreement means zero for both) backward induction gives the proposer of
the last period everything, and the proposer of period :math:`t` the share
:math:`v_t = 1 - \delta_r v_{t+1}`, with :math:`r` the responder of period :math:`t`
(Osborne & Rubinstein 1994, ch. 7, exercise 125.2 / Ståhl 1972). The first
proposer's share converges to :math:`x^*_1` at the rate
:math:`(\delta_1\delta_2)^{\lfloor (T-1)/2 \rfloor}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import DiscountFactorError, ParameterError
from ._checks import discount_factor

__all__ = ["RubinsteinResult", "rubinstein", "rubinstein_finite"]


@dataclass(frozen=True)
class RubinsteinResult:
    """The subgame perfect agreement of alternating-offers bargaining.

    Attributes
    ----------
    shares : tuple
        ``(first proposer's share, responder's share)``: the agreement in period 0.
    offers : tuple of tuples
        Infinite horizon: ``(x, y)``, the split player 1 proposes and the split
        player 2 proposes (each a pair ``(player 1's share, player 2's share)``);
        the certificate is the responders' indifference ``x[1] = delta_2 y[1]``
        and ``y[0] = delta_1 x[0]``. Finite horizon: the split proposed in each
        period ``0, ..., horizon - 1``.
    delta_1, delta_2 : number
    horizon : int or None
        None for the infinite horizon.
    """

    shares: tuple
    offers: tuple
    delta_1: Any
    delta_2: Any
    horizon: int | None = None


def _pair(delta_1: Any, delta_2: Any) -> tuple:
    """Both discount factors, validated; floats and symbols are not mixed."""
    d1 = discount_factor(delta_1, "delta_1")
    d2 = discount_factor(delta_2, "delta_2")
    kinds = _numbers.kind_of([d1]), _numbers.kind_of([d2])
    if set(kinds) == {_numbers.FLOAT, _numbers.SYMBOLIC}:
        raise DiscountFactorError(f"delta_1, delta_2: cannot mix floats and symbols, got {d1!r} and {d2!r}")
    return d1, d2


def rubinstein(delta_1: Any, delta_2: Any) -> RubinsteinResult:
    r"""The subgame perfect shares of Rubinstein's infinite-horizon bargaining game.

    Player 1 proposes first and gets :math:`(1 - \delta_2)/(1 - \delta_1\delta_2)`;
    player 2 gets :math:`\delta_2(1 - \delta_1)/(1 - \delta_1\delta_2)`.

    Parameters
    ----------
    delta_1, delta_2 : int, Fraction, float or sympy.Expr
        The discount factors of the first proposer and of the responder, in ``[0, 1)``.

    Returns
    -------
    RubinsteinResult
        Exact for exact input, floats for floats, expressions for symbols.

    Raises
    ------
    DiscountFactorError
        If a discount factor is provably outside ``[0, 1)``.

    References
    ----------
    Rubinstein, A. (1982). Perfect equilibrium in a bargaining model.
    *Econometrica* 50(1), 97–109. Osborne, M. J. & Rubinstein, A. (1994).
    *A Course in Game Theory*, MIT Press, ch. 7, Prop. 122.1.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.bargaining import rubinstein
    >>> rubinstein(Fraction(9, 10), Fraction(9, 10)).shares
    (Fraction(10, 19), Fraction(9, 19))
    >>> rubinstein(0.5, 0.8).shares        # (1 - 0.8) / (1 - 0.4) in floating point
    (0.33333333333333326, 0.6666666666666667)
    >>> from sympy import symbols
    >>> d1, d2 = symbols("delta_1 delta_2")
    >>> rubinstein(d1, d2).shares[0]
    (1 - delta_2)/(-delta_1*delta_2 + 1)
    """
    d1, d2 = _pair(delta_1, delta_2)
    denominator = 1 - d1 * d2
    x1 = _numbers.ratio(1 - d2, denominator)
    y2 = _numbers.ratio(1 - d1, denominator)
    if any(isinstance(v, sympy.Basic) for v in (d1, d2)):
        x1, y2 = sympy.sympify(x1), sympy.sympify(y2)
    x = (x1, 1 - x1)
    y = (1 - y2, y2)
    return RubinsteinResult(shares=x, offers=(x, y), delta_1=d1, delta_2=d2)


def rubinstein_finite(delta_1: Any, delta_2: Any, horizon: int) -> RubinsteinResult:
    r"""Alternating offers over at most ``horizon`` periods, solved by backward induction.

    Player 1 proposes in even periods (0, 2, ...), player 2 in odd ones. If the
    last offer is rejected both get zero, so the last proposer takes everything
    and each earlier proposer :math:`t` keeps :math:`v_t = 1 - \delta_r v_{t+1}`,
    where :math:`r` is the responder in period :math:`t`.

    Parameters
    ----------
    delta_1, delta_2 : int, Fraction, float or sympy.Expr
        Discount factors in ``[0, 1)``.
    horizon : int
        The number of periods, at least 1.

    Returns
    -------
    RubinsteinResult
        ``shares`` is the period-0 agreement, ``offers`` the split proposed in
        each period (on and off the path).

    Raises
    ------
    DiscountFactorError
        If a discount factor is outside ``[0, 1)``.
    ParameterError
        If ``horizon`` is not an integer >= 1.

    References
    ----------
    Ståhl, I. (1972). *Bargaining Theory*. Stockholm School of Economics.
    Osborne, M. J. & Rubinstein, A. (1994). *A Course in Game Theory*, ch. 7.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.bargaining import rubinstein_finite
    >>> rubinstein_finite(Fraction(1, 2), Fraction(1, 2), 2).shares   # offer 1/2, the ultimatum value
    (Fraction(1, 2), Fraction(1, 2))
    >>> rubinstein_finite(Fraction(1, 2), Fraction(1, 2), 3).shares
    (Fraction(3, 4), Fraction(1, 4))
    """
    d1, d2 = _pair(delta_1, delta_2)
    if isinstance(horizon, bool) or not isinstance(horizon, int) or horizon < 1:
        raise ParameterError(f"horizon: expected an integer >= 1, got {horizon!r}")
    proposer_share = [None] * horizon
    proposer_share[-1] = 1
    for t in range(horizon - 2, -1, -1):
        responder_delta = d2 if t % 2 == 0 else d1
        proposer_share[t] = 1 - responder_delta * proposer_share[t + 1]
    offers = tuple((v, 1 - v) if t % 2 == 0 else (1 - v, v) for t, v in enumerate(proposer_share))
    if any(isinstance(v, float) for v in (d1, d2)):
        offers = tuple((float(a), float(b)) for a, b in offers)
    elif any(isinstance(v, sympy.Basic) for v in (d1, d2)):
        offers = tuple((sympy.expand(a), sympy.expand(b)) for a, b in offers)
    return RubinsteinResult(shares=offers[0], offers=offers, delta_1=d1, delta_2=d2, horizon=horizon)


@verify.register
def _verify_rubinstein(result: RubinsteinResult, *, tol: float = DEFAULT_TOL) -> Verification:
    """Re-check the responders' indifference (and, finitely, the last proposer taking everything)."""
    d1, d2 = result.delta_1, result.delta_2
    exact = not any(isinstance(v, float) for v in (d1, d2))
    symbolic = any(isinstance(v, sympy.Basic) for v in (d1, d2))

    def same(a: Any, b: Any) -> bool:
        if symbolic:
            return sympy.simplify(sympy.sympify(a) - b) == 0
        return a == b if exact else abs(a - b) <= tol

    checks: list[tuple[bool, str]] = []
    for offer in result.offers:
        checks.append((same(offer[0] + offer[1], 1), f"the split {offer} does not sum to 1"))
    if result.horizon is None:
        x, y = result.offers
        checks.append((same(x[1], d2 * y[1]), "player 2 is not indifferent to player 1's offer"))
        checks.append((same(y[0], d1 * x[0]), "player 1 is not indifferent to player 2's offer"))
        checks.append((result.shares == x, "the agreement is not player 1's offer"))
    else:
        offers = result.offers
        last = offers[-1]
        checks.append((same(last[(result.horizon - 1) % 2], 1), "the last proposer does not take everything"))
        for t in range(result.horizon - 1):
            responder = 1 - t % 2
            factor = d2 if responder == 1 else d1
            checks.append((same(offers[t][responder], factor * offers[t + 1][responder]),
                           f"the responder of period {t} is not indifferent"))
    failures = tuple(message for ok, message in checks if not ok)
    return Verification(ok=not failures, checked=len(checks), failures=failures)
