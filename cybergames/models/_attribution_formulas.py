r"""Closed forms of deterrence by retaliating against whoever is blamed (internal).

Shared by the attribution and the information-sharing models. ``n`` states
play a dilemma with temptation :math:`T`, reward :math:`R` and punishment
:math:`P` (:math:`T > R > P`); after each round every state is publicly blamed
or not, a defector with probability :math:`q`, a cooperator with probability
:math:`r`, independently. Everyone cooperates until someone is blamed, then
defects for ever or for :math:`k` rounds. With

.. math:: \rho_c = (1 - r)^n, \qquad \rho_d = (1 - q)(1 - r)^{n - 1}

the probabilities that nobody is blamed after a round of cooperation and
after a lone defection, and :math:`V` the value of cooperating, a defection
gains :math:`(1 - \delta)(T - R)` now and raises the chance of a punishment
by :math:`\rho_c - \rho_d`. The one-shot deviation condition is

.. math:: (T - R)\,[1 + (1 - \rho_c)\, s] \le (\rho_c - \rho_d)(R - P)\, s, \qquad
   s = s_k(\delta) = \delta + \delta^2 + \dots + \delta^k,

(:math:`s_\infty = \delta / (1 - \delta)`), that is :math:`A\, s \ge T - R` with
:math:`A = (\rho_c - \rho_d)(R - P) - (1 - \rho_c)(T - R)`. For permanent
punishment it is :math:`\delta\,[\rho_c (T - P) - \rho_d (R - P)] \ge T - R`
(Green & Porter 1984; Mailath & Samuelson 2006, ch. 7). The functions
below solve it for :math:`\delta`, :math:`q` and :math:`r`; the models compute
the same thresholds with the library and use these as the independent check
and beyond the sizes the library handles quickly.
"""

from __future__ import annotations

import math
from typing import Any

import sympy

from .. import _numbers

__all__ = ["blame_free", "rounds_weight", "permanent_threshold", "minimum_detection",
           "maximum_false_flag", "exact_sqrt"]


def blame_free(detect: Any, false_flag: Any, n: int = 2) -> tuple[Any, Any]:
    r"""``(rho_c, rho_d)``: nobody blamed after cooperation, and after one state's defection."""
    return (1 - false_flag) ** n, (1 - detect) * (1 - false_flag) ** (n - 1)


def rounds_weight(delta: Any, rounds: int | None) -> Any:
    r""":math:`s_k(\delta) = \delta + \dots + \delta^k` (:math:`\delta / (1 - \delta)` for ``rounds=None``)."""
    if rounds is None:
        return _numbers.ratio(delta, 1 - delta)
    return sum(delta ** j for j in range(1, rounds + 1))


def permanent_threshold(T: Any, R: Any, P: Any, rho_c: Any, rho_d: Any) -> Any:
    r""":math:`(T - R) / (\rho_c (T - P) - \rho_d (R - P))`, or None when no :math:`\delta < 1` works."""
    bracket = rho_c * (T - P) - rho_d * (R - P)
    if bracket <= T - R:
        return None
    return _numbers.simplify_exact(_numbers.ratio(T - R, bracket))


def minimum_detection(T: Any, R: Any, P: Any, false_flag: Any, weight: Any, n: int = 2) -> Any:
    r"""The smallest detection probability :math:`q^*` at which the trigger deters, or None if none does.

    ``weight`` is :math:`s` (None for :math:`s = \infty`, the limit of
    permanent punishment as :math:`\delta \to 1`). Solving :math:`A\, s \ge T - R` for :math:`q`:

    .. math:: q^* = 1 - \frac{\rho_c (R - P) - (1 - \rho_c)(T - R) - (T - R)/s}{(1 - r)^{n-1} (R - P)}.

    A value at or below 0 means every detection rate deters; above 1, none does.
    None means none does either (no patience at all, :math:`s = 0`, or every state always blamed, :math:`r = 1`).
    """
    if weight == 0 or false_flag == 1:
        return None
    rho_c = (1 - false_flag) ** n
    patience = 0 if weight is None else _numbers.ratio(T - R, weight)
    numerator = rho_c * (R - P) - (1 - rho_c) * (T - R) - patience
    return _numbers.simplify_exact(1 - _numbers.ratio(numerator, (1 - false_flag) ** (n - 1) * (R - P)))


def maximum_false_flag(T: Any, R: Any, P: Any, detect: Any, weight: Any) -> Any:
    r"""The largest false-flag rate :math:`r^*` at which the trigger deters two states (None if :math:`s = 0`).

    ``weight`` is :math:`s` as in :func:`minimum_detection`. With :math:`u = 1 - r` the condition is
    :math:`u^2 (T - P) - (1 - q)(R - P) u - (T - R)(1 + 1/s) \ge 0`, a convex quadratic negative
    at :math:`u = 0`, so it holds iff :math:`u` is at least its positive root:

    .. math:: r^* = 1 - \frac{(1 - q)(R - P) + \sqrt{(1 - q)^2 (R - P)^2 + 4 (T - P)(T - R)(1 + 1/s)}}{2 (T - P)}.

    A negative value means no false-flag rate, not even zero, lets the trigger deter.
    """
    if weight == 0:
        return None
    b = (1 - detect) * (R - P)
    factor = 1 if weight is None else 1 + _numbers.ratio(1, weight)
    root = exact_sqrt(b * b + 4 * (T - P) * (T - R) * factor)
    return _simplify(1 - (b + root) / (2 * (T - P)))


def exact_sqrt(value: Any) -> Any:
    """The square root: float for a float, Fraction when rational, a sympy surd otherwise."""
    if isinstance(value, float):
        return math.sqrt(value)
    root = sympy.sqrt(_numbers.to_sympy(value))
    return _numbers.from_sympy(root) if root.is_Rational else root


def _simplify(value: Any) -> Any:
    if isinstance(value, sympy.Basic):
        value = sympy.expand(value)
        return _numbers.from_sympy(value) if value.is_Rational else value
    return _numbers.simplify_exact(value)


