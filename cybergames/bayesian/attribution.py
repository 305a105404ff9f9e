r"""A two-attacker, one-defender attribution game with continuous types (after Baliga, Bueno de Mesquita & Wolitzky 2020).

**Model** (a simplified version of BBW's, stated in full here). One of two
attackers, each with probability 1/2, gets an opportunity to attack the
defender. Attacker :math:`i`'s benefit from attacking is private,
:math:`x_i \sim F` on :math:`[0, 1]` (uniform by default). The defender sees
a signal: an attack by :math:`i` is *detected* with probability :math:`d`
and, when detected, *identified* correctly with probability :math:`\alpha`
(it points at the other attacker otherwise); without an attack, a *false
alarm* points at each attacker with probability :math:`r`. So an attack by
:math:`i` points at :math:`i` with probability :math:`q = d\alpha` and at
:math:`j` with probability :math:`m = d(1 - \alpha)`.

After a signal pointing at :math:`i` the defender may retaliate against
:math:`i`; retaliation is worth :math:`v \le 1` if :math:`i` is guilty, and
costs the defender a private :math:`z \sim U[0, 1]`. It retaliates iff
:math:`z \le v\beta_i`, with :math:`\beta_i` its posterior that :math:`i`
attacked, so with probability :math:`\rho_i = v \beta_i`, where, with attack
probabilities :math:`p_i = 1 - F(c_i)`,

.. math:: \beta_i = \frac{p_i q}{p_i q + p_j m + (2 - p_i - p_j) r}.

Retaliation costs its target :math:`L`. Attacker :math:`i` is retaliated
against with probability :math:`q\rho_i` if it attacks and :math:`r \rho_i`
if not, so it attacks iff :math:`x_i > c_i` with the cutoff

.. math:: c_i = L\,(q - r)\, v\, \beta_i(c_i, c_j).

The equilibrium is a fixed point of these two cutoffs (the defender's
response substituted in), solved by :func:`~cybergames.bayesian.cutoff_equilibria`.

**Properties** (tested). BBW (2020) find an endogenous *strategic
complementarity*: when one attacker attacks more it becomes more suspect and
the other less, so the other attacks more. Here an attack by :math:`j`
raises the chance of a signal against :math:`i` by :math:`m` and removes a
false alarm chance :math:`r`: the complementarity holds when misattribution
is likelier than a false alarm, :math:`m \ge r` (our condition, the
analogue of an attack being likelier than no attack to set off any alarm).
BBW show that improving detection independently of identification
(:math:`d` up, :math:`\alpha` fixed) and reducing false alarms (:math:`r`
down) both strengthen deterrence: attack probabilities fall; the tests check
both here.

References
----------
Baliga, Bueno de Mesquita & Wolitzky (2020), "Deterrence with imperfect
attribution", *American Political Science Review* 114(4), 1155–1178 (the
abstract states the complementarity and the two comparative statics).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL
from ..errors import ParameterError, ProbabilityError
from .cutoff import CutoffEquilibria, cutoff_comparative_statics, cutoff_equilibria

__all__ = ["AttributionEquilibrium", "attribution_game", "attribution_best_responses"]

C1, C2 = sympy.symbols("c_1 c_2", real=True)
#: The parameter symbols of the attribution formulas.
DETECT, IDENTIFY, FALSE_ALARM, LOSS, VALUE = sympy.symbols("d alpha r L v", positive=True)


@dataclass(frozen=True, eq=False)
class AttributionEquilibrium:
    r"""The equilibrium of the attribution game.

    Attributes
    ----------
    cutoffs : tuple
        :math:`(c_1, c_2)`: attacker :math:`i` attacks iff its benefit exceeds :math:`c_i`.
    attack : tuple
        :math:`p_i = 1 - F(c_i)`, each attacker's probability of attacking given an opportunity.
    retaliation : tuple
        :math:`\rho_i = v\beta_i`, the probability of retaliating after a signal pointing at :math:`i`.
    solution : CutoffEquilibria
        All fixed points with their certificate (``solution.unique``).
    """

    cutoffs: tuple
    attack: tuple
    retaliation: tuple
    solution: CutoffEquilibria = field(repr=False)


def _probability(value: Any, name: str, *, low_open: bool = False, high: Any = 1) -> Any:
    x = _numbers.normalise(value, name, ProbabilityError)
    if isinstance(x, sympy.Basic) or x < 0 or x > high or (low_open and x == 0):
        bound = "(0, " if low_open else "[0, "
        raise ProbabilityError(f"{name}: expected a probability in {bound}{high}], got {value!r}")
    return x


def _cdf(benefits: Any) -> tuple:
    """(F as a function of a symbol, the symbol) after checking that F is a CDF with a density on [0, 1]."""
    if benefits is None:
        x = sympy.Symbol("x", real=True)
        return x, x
    if not (isinstance(benefits, tuple) and len(benefits) == 2 and isinstance(benefits[1], sympy.Symbol)
            and isinstance(benefits[0], sympy.Expr)):
        raise ProbabilityError(f"benefits: expected (F, x): a sympy CDF F(x) on [0, 1] with a density, "
                               f"got {benefits!r}")
    F, x = benefits
    if F.free_symbols - {x}:
        raise ProbabilityError(f"benefits: F may only depend on {x}, got {F}")
    density = sympy.diff(F, x)
    if density.has(sympy.DiracDelta, sympy.Derivative) or density == 0:
        raise ProbabilityError(f"benefits: F = {F} has no density on [0, 1]")
    if sympy.simplify(F.subs(x, 0)) != 0 or sympy.simplify(F.subs(x, 1)) != 1:
        raise ProbabilityError(f"benefits: expected F(0) = 0 and F(1) = 1, got F = {F}")
    for k in range(101):
        value = density.subs(x, sympy.Rational(k, 100))
        if not value.is_finite or value.is_negative:
            raise ProbabilityError(f"benefits: F = {F} has no (non-negative, finite) density at {k / 100}")
    return F, x


def attribution_best_responses(*, benefits: Any = None) -> tuple:
    r"""The cutoff formulas :math:`(f_1, f_2)` in :math:`c_1, c_2` and the symbols ``d, alpha, r, L, v``.

    Returns ``(formulas, (c_1, c_2))`` for :func:`~cybergames.bayesian.cutoff_equilibria`.

    Examples
    --------
    >>> formulas, cutoffs = attribution_best_responses()
    >>> formulas[0]
    L*alpha*d*v*(1 - c_1)*(alpha*d - r)/(alpha*d*(1 - c_1) + d*(1 - alpha)*(1 - c_2) + r*(c_1 + c_2))
    """
    F, x = _cdf(benefits)
    p1, p2 = 1 - F.subs(x, C1), 1 - F.subs(x, C2)
    q, m, r = DETECT * IDENTIFY, DETECT * (1 - IDENTIFY), FALSE_ALARM

    def response(pi, pj):
        beta = pi * q / (pi * q + pj * m + (2 - pi - pj) * r)
        return LOSS * (q - r) * VALUE * beta

    return (response(p1, p2), response(p2, p1)), (C1, C2)


def attribution_game(detection: Any, identification: Any, false_alarm: Any, loss: Any = 1, value: Any = 1, *,
                     benefits: Any = None, tol: float = DEFAULT_TOL) -> AttributionEquilibrium:
    r"""Solve the attribution game for its cutoff equilibrium.

    Parameters
    ----------
    detection : number
        :math:`d \in (0, 1]`, the probability that an attack is detected.
    identification : number
        :math:`\alpha \in [0, 1]`, the probability that a detected attack points at its author.
    false_alarm : number
        :math:`r \in (0, 1/2]`, the probability that, without an attack, a signal points at a given attacker.
    loss : number, optional
        :math:`L > 0`, the target's loss from retaliation (default 1).
    value : number, optional
        :math:`v \in (0, 1]`, the defender's gain from retaliating against the guilty (default 1).
    benefits : (sympy.Expr, sympy.Symbol), optional
        The attackers' benefit CDF :math:`F(x)` on [0, 1] (default uniform, :math:`F(x) = x`).
    tol : float, optional
        Float input only.

    Returns
    -------
    AttributionEquilibrium
        The equilibrium with the lowest first cutoff when there are several
        (``solution`` lists them all); exact for exact input when :math:`F` is a
        rational function with rational coefficients (the uniform CDF, :math:`x^2`, ...),
        floats otherwise.

    Raises
    ------
    ProbabilityError
        For probabilities out of range or a CDF without a density.
    ParameterError
        For ``loss <= 0`` or no equilibrium found.

    Examples
    --------
    >>> from fractions import Fraction
    >>> eq = attribution_game(Fraction(4, 5), Fraction(3, 4), Fraction(1, 10))
    >>> eq.cutoffs          # symmetric: c = (q - r) q (1 - c) / (d (1 - c) + 2 r c), q = 3/5
    (Fraction(1, 3), Fraction(1, 3))
    >>> eq.attack, eq.solution.unique
    ((Fraction(2, 3), Fraction(2, 3)), True)
    """
    d = _probability(detection, "detection", low_open=True)
    a = _probability(identification, "identification")
    r = _probability(false_alarm, "false_alarm", low_open=True, high=Fraction(1, 2))
    L = _numbers.normalise(loss, "loss", ParameterError)
    if isinstance(L, sympy.Basic) or not L > 0:
        raise ParameterError(f"loss: expected a positive number, got {loss!r}")
    v = _probability(value, "value", low_open=True)
    formulas, cutoffs = attribution_best_responses(benefits=benefits)
    parameters = {DETECT: d, IDENTIFY: a, FALSE_ALARM: r, LOSS: L, VALUE: v}
    solution = cutoff_equilibria(formulas, cutoffs, (0, 1), parameters=parameters, tol=tol)
    if not solution.equilibria:
        raise ParameterError("no cutoff equilibrium was found for these parameters")
    eq = solution.equilibria[0]
    F, x = _cdf(benefits)
    attack, retaliation = [], []
    for k in range(2):
        ck = eq.cutoffs[k]
        pk = 1 - F.subs(x, _numbers.to_sympy(ck) if not isinstance(ck, float) else ck)
        attack.append(_numbers.from_sympy(sympy.nsimplify(pk) if solution.exact else sympy.Float(pk))
                      if solution.exact else float(pk))
    for k in range(2):
        pi, pj = attack[k], attack[1 - k]
        q, m = d * a, d * (1 - a)
        den = pi * q + pj * m + (2 - pi - pj) * r
        retaliation.append(_numbers.ratio(v * pi * q, den) if den else 0)
    return AttributionEquilibrium(tuple(eq.cutoffs), tuple(attack), tuple(retaliation), solution)


def attribution_comparative_statics(eq: AttributionEquilibrium, parameter: sympy.Symbol) -> tuple:
    r"""The derivatives of the two cutoffs in one of the parameter symbols ``DETECT, IDENTIFY, FALSE_ALARM, LOSS, VALUE``.

    By the implicit function theorem at the equilibrium of ``eq`` (see
    :func:`~cybergames.bayesian.cutoff_comparative_statics`); exact for exact input.
    A positive derivative raises the cutoffs: fewer attacks.

    Raises
    ------
    ParameterError
        If ``eq`` is not an :class:`AttributionEquilibrium` or ``parameter`` is not one of the five symbols.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.bayesian.attribution import DETECT, FALSE_ALARM
    >>> eq = attribution_game(Fraction(4, 5), Fraction(3, 4), Fraction(1, 10))
    >>> attribution_comparative_statics(eq, DETECT)       # better detection: higher cutoffs, fewer attacks
    (Fraction(59, 126), Fraction(59, 126))
    >>> attribution_comparative_statics(eq, FALSE_ALARM)  # more false alarms: more attacks
    (Fraction(-8, 9), Fraction(-8, 9))
    """
    if not isinstance(eq, AttributionEquilibrium):
        raise ParameterError(f"eq: expected an AttributionEquilibrium, got {type(eq).__name__}")
    if parameter not in (DETECT, IDENTIFY, FALSE_ALARM, LOSS, VALUE):
        raise ParameterError(f"parameter: expected one of d, alpha, r, L, v (the symbols of "
                             f"cybergames.bayesian.attribution), got {parameter!r}")
    return cutoff_comparative_statics(eq.solution, 0, parameter)
