r"""Anonymised reports to a clearing house: one level, lower leakage and weaker attribution (internal).

The mechanism (documented for users in :mod:`cybergames.models.information`)
--------------------------------------------------------------------------
Each state's submission to the clearing house (a report, or nothing) passes a
mixer that strips its sender with probability :math:`a` (the *anonymity
level*), drawn after the state has decided. A stripped report is delivered
into a merged feed from which neither its sender nor the number of senders
can be recovered; the clearing house publishes, per state, only its verdict
(suspected of withholding or not).

* A state whose submission kept its sender is judged on it: cleared if it
  shared, suspected if it withheld (perfect attribution).
* A state whose submission was stripped has no record; the clearing house can
  only use the background evidence of the status quo, which notices
  withholding with probability :math:`q_0` (``detect``) and wrongly suspects a
  sharer with probability :math:`r_0` (``false_flag``).
* A stripped report cannot be traced to its sender, so it leaks nothing about
  the sender's sources; a named one costs the leakage :math:`\ell`.

Each state's verdict depends only on its own action and its own independent
draws, so the per-state signal is :func:`~cybergames.repeated.noisy_attribution`
with

.. math::
    q(a) = (1 - a) \cdot 1 + a q_0 = 1 - a (1 - q_0), \qquad
    r(a) = (1 - a) \cdot 0 + a r_0 = a r_0, \qquad
    \ell(a) = (1 - a) \ell .

:math:`a = 0` is the attributing clearing house (perfect monitoring),
:math:`a = 1` the status quo's monitoring without leakage.

With :math:`T = mc(n - 1)/n`, :math:`R(a) = mc - c - \ell(a)`,
:math:`N(a) = T - R(a) = c + \ell(a) - mc/n` (a sharer's one-shot gain from
withholding) and
:math:`D(a) = (1 - r)^n T - (1 - q)(1 - r)^{n - 1} R(a) = (1 - a r_0)^{n - 1} E(a)`,
:math:`E(a) = (1 - a r_0) T - a (1 - q_0) R(a)`:

* **the profile** (sharing until anyone is suspected, then withholding for
  ever) is a perfect public equilibrium iff :math:`\delta D(a) \ge N(a)`, so
  its least discount factor is :math:`\delta_s(a) = N(a)/D(a)` where
  :math:`D > N`, and no :math:`\delta < 1` works otherwise;
* **the game**: in any perfect public equilibrium, a state that shares in some
  period gives up :math:`(1 - \delta) N(a)` now, and its continuation differs
  between its two verdicts by at most the spread of its equilibrium payoffs,
  from its minmax value 0 to its best feasible payoff :math:`T`; its verdict
  moves with its action by :math:`|q(a) - r(a)|`. So
  :math:`(1 - \delta) N \le \delta |q - r| T`, and no equilibrium has any
  state share in any period below
  :math:`\underline\delta(a) = N/(N + |q(a) - r(a)|\,T)` (a certified lower
  end of the game's least :math:`\delta` for any sharing; the profile's
  :math:`\delta_s(a)` is an upper end).

The optimal level minimises :math:`\delta_s(a)` on :math:`[0, 1]`. Where
:math:`D > N`, :math:`\delta_s' = (N' D - N D')/D^2`, and
:math:`N' D - N D' = (1 - a r_0)^{n - 2} Q(a)` with the cubic

.. math:: Q(a) = N'(1 - a r_0) E - N \bigl[(1 - a r_0) E' - (n - 1) r_0 E\bigr],

so the minimum is at :math:`a = 0`, at :math:`a = 1`, or at a root of
:math:`Q` in :math:`(0, 1)` (near the edge of the feasible set
:math:`\delta_s \to 1`, never a minimum). The game's lower end
:math:`\underline\delta(a)` is a ratio of two linear functions, hence
monotone: it alone never has an interior optimum, whereas the profile's
threshold does, through the powers :math:`(1 - a r_0)^{n - 1}` (a group's
chance that nobody is falsely suspected).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._verify import Verification, verify

__all__ = ["AnonymisedReports", "AnonymityOptimum", "anonymised_reports", "anonymity_threshold",
           "anonymity_lower_bound", "optimal_anonymity", "LEVEL"]

#: The anonymity level as a sympy symbol, for the formulas.
LEVEL = sympy.Symbol("a", nonnegative=True)


@dataclass(frozen=True)
class AnonymisedReports:
    """The clearing house's per-state verdict and the sender's leakage at anonymity level ``level``.

    Attributes
    ----------
    level : number
        :math:`a`, the probability that a submission is stripped of its sender.
    detect : number
        :math:`q(a) = 1 - a (1 - q_0)`: withholding suspected.
    false_flag : number
        :math:`r(a) = a r_0`: a sharer wrongly suspected.
    leakage : number
        :math:`\\ell(a) = (1 - a) \\ell`: the sender's expected leakage cost.
    """

    level: Any
    detect: Any
    false_flag: Any
    leakage: Any


@dataclass(frozen=True)
class AnonymityOptimum:
    """The anonymity level that minimises the least discount factor of sharing until anyone is suspected.

    Attributes
    ----------
    level : number
        :math:`a^*`: a Fraction, float or sympy algebraic number (a root of the
        cubic ``stationary`` for an interior optimum).
    least_delta : number
        :math:`\\delta_s(a^*)`, the profile's least discount factor there (the
        condition for that profile only).
    game_lower : number
        :math:`\\underline\\delta(a^*)`: below it no equilibrium of the game has
        any state share (certified); the game's least :math:`\\delta` for some
        sharing at :math:`a^*` lies in ``[game_lower, least_delta]``.
    kind : str
        ``"interior"``, ``"no anonymity"`` (:math:`a^* = 0`), ``"full anonymity"``
        (:math:`a^* = 1`) or ``"sharing dominant"`` (from :math:`a^*` on, a
        report pays its sender by itself and :math:`\\delta = 0` suffices).
    reason : str
        Why the optimum lies where it does, in words.
    candidates : tuple of (level, least delta or None)
        The certificate: both ends and every root of ``stationary`` in (0, 1),
        with the profile's least δ there (None: no δ < 1); exact at rational
        levels, floats (15 digits) at irrational roots.
    stationary : tuple
        The cubic :math:`Q`'s coefficients, highest degree first (empty when
        ``kind == "sharing dominant"``).
    model : InformationSharingModel
        The model, for :func:`cybergames.verify`'s independent re-check.
    """

    level: Any
    least_delta: Any
    game_lower: Any
    kind: str
    reason: str
    candidates: tuple
    stationary: tuple = ()
    model: Any = field(default=None, repr=False, compare=False)


def _exact(model: Any) -> bool:
    return not any(isinstance(v, float) for v in model.parameters().values())


def _parts(model: Any, a: Any) -> tuple:
    """(N, D, q - r, T) at level ``a`` in the model's number kind."""
    m, c, l, q0, r0, n = model.multiplier, model.cost, model.leakage, model.detect, model.false_flag, model.n
    T = _numbers.ratio(m * c * (n - 1), n)
    la = (1 - a) * l
    R = m * c - c - la
    q, r = 1 - a * (1 - q0), a * r0
    N = c + la - _numbers.ratio(m * c, n)
    D = (1 - r) ** n * T - (1 - q) * (1 - r) ** (n - 1) * R
    return N, D, q - r, T


def anonymised_reports(model: Any, a: Any) -> AnonymisedReports:
    """:math:`q(a)`, :math:`r(a)` and :math:`\\ell(a)` of the mechanism (module docstring)."""
    return AnonymisedReports(a, _numbers.simplify_exact(1 - a * (1 - model.detect)),
                             _numbers.simplify_exact(a * model.false_flag),
                             _numbers.simplify_exact((1 - a) * model.leakage))


def anonymity_threshold(model: Any, a: Any) -> Any:
    """:math:`\\delta_s(a)`: the least δ of sharing until anyone is suspected at level ``a``; None if no δ < 1.

    0 where a report pays its sender by itself (:math:`N(a) \\le 0`): sharing is then dominant.
    """
    N, D, _, _ = _parts(model, a)
    if N <= 0:
        return _numbers.simplify_exact(0 * N)
    if D <= N:
        return None
    return _numbers.simplify_exact(_numbers.ratio(N, D) if not isinstance(N, float) else N / D)


def anonymity_lower_bound(model: Any, a: Any) -> Any:
    """:math:`\\underline\\delta(a) = N/(N + |q - r| T)`: no equilibrium has any state share below it (1: none)."""
    N, _, gap, T = _parts(model, a)
    if N <= 0:
        return _numbers.simplify_exact(0 * N)
    return _numbers.simplify_exact(N / (N + abs(gap) * T))


def _poly_mul(p: list, q: list) -> list:
    out = [0 * p[0]] * (len(p) + len(q) - 1)
    for i, x in enumerate(p):
        for j, y in enumerate(q):
            out[i + j] = out[i + j] + x * y
    return out


def _poly_add(p: list, q: list, scale: Any = 1) -> list:
    size = max(len(p), len(q))
    p, q = p + [0 * p[0]] * (size - len(p)), q + [0 * q[0]] * (size - len(q))
    return [x + scale * y for x, y in zip(p, q)]


def cubic(model: Any) -> list:
    """:math:`Q(a)` of the module docstring: coefficients, lowest degree first, in the model's number kind."""
    m, c, l, q0, r0, n = model.multiplier, model.cost, model.leakage, model.detect, model.false_flag, model.n
    T = _numbers.ratio(m * c * (n - 1), n)
    N = [c + l - _numbers.ratio(m * c, n), -l]
    E = [T, -r0 * T - (1 - q0) * (m * c - c - l), -(1 - q0) * l]
    shrink = [1 + 0 * r0, -r0]                                    # 1 - a r0
    dE = [E[1], 2 * E[2]]
    first = [N[1] * x for x in _poly_mul(shrink, E)]
    inner = _poly_add(_poly_mul(shrink, dE), [(n - 1) * r0 * x for x in E], -1)
    return _poly_add(first, _poly_mul(N, inner), -1)


def _roots(exact: bool, coefficients: list) -> list:
    """The real roots of the polynomial in (0, 1), each ``(exact or None, float)``; exact roots are Fractions or
    ``(poly, index)`` for sympy's CRootOf (built only for the optimum)."""
    while coefficients and coefficients[-1] == 0:
        coefficients = coefficients[:-1]
    if len(coefficients) < 2:
        return []
    approx = [z.real for z in np.roots([float(x) for x in reversed(coefficients)]) if abs(z.imag) < 1e-9]
    if not exact:
        return [(float(x), float(x)) for x in sorted(approx) if 1e-12 < x < 1 - 1e-12]
    scale = math.lcm(*(Fraction(x).denominator for x in coefficients))
    poly = sympy.Poly([int(Fraction(x) * scale) for x in reversed(coefficients)], LEVEL)
    out = []
    for index, ((lo, hi), _) in enumerate(poly.intervals()):
        if hi <= 0 or lo >= 1:
            continue
        if lo == hi:
            if 0 < lo < 1:
                out.append((Fraction(int(lo.p), int(lo.q)), float(lo)))
            continue
        inside = [float(x) for x in approx if float(lo) - 1e-9 <= x <= float(hi) + 1e-9]
        guess = inside[0] if inside else (float(lo) + float(hi)) / 2
        if 0 < guess < 1:
            out.append(((poly, index), guess))
    return out


def _approx(x: Any) -> float:
    return float(x) if isinstance(x, (int, Fraction, float)) else float(sympy.sympify(x).evalf(30))


def _float_threshold(model: Any, a: float) -> float | None:
    N, D, _, T = _parts(_Floats(model), a)
    if N <= 1e-12 * max(1.0, T):                 # rounding aside, a report pays its sender by itself
        return 0.0
    return None if D <= N else N / D


class _Floats:
    """The model's parameters in floats (for comparing candidates and for the checker)."""

    def __init__(self, model: Any) -> None:
        self.n = model.n
        for name in ("multiplier", "cost", "leakage", "detect", "false_flag"):
            setattr(self, name, float(getattr(model, name)))


def optimal_anonymity(model: Any) -> AnonymityOptimum:
    """The level :math:`a^*` in [0, 1] minimising :math:`\\delta_s(a)` (module docstring), with its certificate."""
    exact = _exact(model)
    one = Fraction(1) if exact else 1.0
    zero = 0 * one
    l, c, n, m = model.leakage, model.cost, model.n, model.multiplier
    if c - _numbers.ratio(m * c, n) <= 0:       # at full anonymity a report pays its sender by itself
        start = _numbers.simplify_exact(_numbers.ratio(c + l - _numbers.ratio(m * c, n), l) if exact
                                        else (c + l - m * c / n) / l)
        return AnonymityOptimum(start, zero, zero, "sharing dominant",
                                "from this level on a report's expected leakage is so low that its sender gains "
                                "more from it (mc/n) than it costs (c + ℓ(a)): sharing is dominant and needs no "
                                "patience", ((start, zero),), (), model)
    coefficients = cubic(model)
    levels = [(zero, 0.0), *_roots(exact, coefficients), (one, 1.0)]
    scored = []
    for level, approx in levels:
        value = anonymity_threshold(model, level) if isinstance(level, (Fraction, float, int)) \
            else _float_threshold(model, approx)
        scored.append((level, approx, value))
    feasible = [row for row in scored if row[2] is not None]
    level, approx, value = min(feasible, key=lambda row: (float(row[2]), row[1]))
    if isinstance(level, tuple):                               # an irrational root: exact, algebraic
        level, value, lower = _algebraic_optimum(model, level[0], approx, float(value))
    else:
        lower = anonymity_lower_bound(model, level)
    kind = "no anonymity" if level == 0 else "full anonymity" if level == 1 else "interior"
    candidates = tuple((lv if not isinstance(lv, tuple) else x, v) for lv, x, v in scored)
    return AnonymityOptimum(level, value, lower, kind, _reason(kind, scored[-1][2]), candidates,
                            tuple(reversed(coefficients)), model)


def _exact_poly(coefficients: list) -> sympy.Poly:
    """A polynomial in the level from exact coefficients, lowest degree first."""
    return sympy.Poly([sympy.Rational(Fraction(x).numerator, Fraction(x).denominator) for x in reversed(coefficients)],
                      LEVEL, domain="QQ")


def _algebraic_optimum(model: Any, poly: sympy.Poly, approx: float, value: float) -> tuple:
    r"""The irrational optimum exactly: :math:`a^*` as a root of its irreducible factor :math:`f` of :math:`Q`,
    and :math:`\delta_s(a^*)` and :math:`\underline\delta(a^*)` as roots of their own polynomials.

    For a rational function :math:`u/v` of :math:`a`, reduce :math:`u` and :math:`v` modulo :math:`f`; then
    :math:`y = u(a^*)/v(a^*)` is a root of the resultant :math:`\operatorname{res}_a(f, y v - u)`, and the
    real root of one of its factors next to the float value is it (sympy's ``CRootOf`` isolates it exactly).
    """
    y = sympy.Symbol("y")
    factor = next(f for f, _ in poly.factor_list()[1]
                  if f.degree() > 1 and any(abs(float(z) - approx) < 1e-9 for z in f.real_roots()))
    level = next(z for z in factor.real_roots() if abs(float(z) - approx) < 1e-9)
    m, c, l, q0, r0, n = model.multiplier, model.cost, model.leakage, model.detect, model.false_flag, model.n
    T = _numbers.ratio(m * c * (n - 1), n)
    N = _exact_poly([c + l - _numbers.ratio(m * c, n), -l])
    E = _exact_poly([T, -r0 * T - (1 - q0) * (m * c - c - l), -(1 - q0) * l])
    shrink, power, k = _exact_poly([1, -r0]).rem(factor), _exact_poly([1]), n - 1
    while k:                                                    # (1 - a r0)^(n-1) modulo f, by squaring
        if k & 1:
            power = (power * shrink).rem(factor)
        shrink, k = (shrink * shrink).rem(factor), k >> 1
    D = (power * E).rem(factor)
    gap = _exact_poly([1, -(1 - q0) - r0])                      # q(a) - r(a); its sign at a* from the float
    sign = 1 if float(1 - approx * (1 - q0) - approx * r0) >= 0 else -1
    lower_den = (N + gap * (sign * T)).rem(factor)

    def image(num: sympy.Poly, den: sympy.Poly, target: float) -> Any:
        res = sympy.Poly(sympy.resultant(factor.as_expr(), y * den.as_expr() - num.as_expr(), LEVEL), y)
        for g, _ in res.factor_list()[1]:
            for z in g.real_roots():
                if abs(float(z) - target) < 1e-9 * max(1.0, abs(target)):
                    return Fraction(int(z.p), int(z.q)) if z.is_Rational else z
        raise ArithmeticError("the optimum's value is not a root of its resultant")   # pragma: no cover

    N_float, _, gap_float, T_float = _parts(_Floats(model), approx)
    return level, image(N.rem(factor), D, value), image(N.rem(factor), lower_den,
                                                        N_float / (N_float + abs(gap_float) * T_float))


def _reason(kind: str, end: Any) -> str:
    if kind == "interior":
        return ("a little anonymity cuts the leakage, and with it the gain from withholding, "
                "faster than it blurs attribution; beyond it each further stripped report raises the chance that "
                "someone in the group is falsely suspected, 1 − (1 − a r)^n, more than the leakage it saves")
    if kind == "full anonymity":
        return ("a corner: the profile's least δ is lowest at full anonymity, because saving the whole leakage ℓ "
                "lowers the gain from withholding by more than falling back on the background evidence (q, r) lets "
                "deterrence down")
    if end is None:
        return ("a corner: with full anonymity the background evidence (q, r) is too poor for sharing until anyone "
                "is suspected at any δ < 1, and no intermediate level beats the attributing clearing house")
    return ("a corner: any anonymity weakens attribution, detection falls to q(a) and false suspicion rises to "
            "r(a), by more than the leakage it saves lowers the gain from withholding")


@verify.register
def _verify_optimum(result: AnonymityOptimum, **kwargs: Any) -> Verification:
    """Re-check an :class:`AnonymityOptimum`: the profile's least δ at the recorded level is the recorded one, on a
    grid of 201 levels it is never below it (recomputed from q(a), r(a), leakage(a) in floats), and the
    candidates hold the cubic's roots in (0, 1)."""
    model, failures, checked = result.model, [], 0
    if model is None:
        return Verification(False, 0, ("the result does not record its model",))
    target = _approx(result.least_delta)
    at = _float_threshold(model, _approx(result.level))
    checked += 1
    if at is None or abs(at - target) > 1e-9 * max(1.0, abs(target)):
        failures.append(f"at the recorded level {_approx(result.level)} the profile's least δ is {at}, not {target}")
    for k in range(201):
        a = k / 200
        T = float(model.multiplier) * float(model.cost) * (model.n - 1) / model.n
        q, r, leak = 1 - a * (1 - float(model.detect)), a * float(model.false_flag), (1 - a) * float(model.leakage)
        R = float(model.multiplier) * float(model.cost) - float(model.cost) - leak
        bracket, gain = (1 - r) ** model.n * T - (1 - q) * (1 - r) ** (model.n - 1) * R, T - R
        checked += 1
        if gain > 0 and bracket > gain and gain / bracket < target - 1e-9:
            failures.append(f"at a = {a} the profile's least δ is {gain / bracket} < {target}")
        if gain <= 0 and target > 1e-12:
            failures.append(f"at a = {a} sharing is dominant, but the optimum records δ = {target}")
    if result.stationary:
        roots = [z.real for z in np.roots([float(x) for x in result.stationary])
                 if abs(z.imag) < 1e-9 and 1e-9 < z.real < 1 - 1e-9]
        listed = [_approx(a) for a, _ in result.candidates[1:-1]]
        checked += 1
        if len(roots) != len(listed) or any(abs(x - y) > 1e-7 for x, y in zip(sorted(roots), sorted(listed))):
            failures.append(f"the stationary points {listed} are not the cubic's roots in (0, 1), {sorted(roots)}")
    return Verification(not failures, checked, tuple(failures))
