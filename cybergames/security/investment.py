r"""Gordon and Loeb's (2002) optimal investment in information security, and its 1/e bound.

A firm holds information worth a loss :math:`L > 0` if breached. Without
investment a breach happens with probability :math:`v \in (0, 1)`, its
*vulnerability*; investing :math:`z \ge 0` lowers it to :math:`S(z, v)`. The
firm maximises the expected net benefit of investment

.. math::

    \mathrm{ENBIS}(z) = \bigl(v - S(z, v)\bigr) L - z .

Gordon and Loeb study two classes of breach-probability functions, both
decreasing and convex in :math:`z` (so ENBIS is concave and the first-order
condition :math:`-S_z(z^*, v) L = 1` decides an interior optimum):

* **class I**: :math:`S^I(z, v) = v / (\alpha z + 1)^\beta` with :math:`\alpha, \beta > 0`.
  The condition reads :math:`v \beta \alpha L = (\alpha z + 1)^{\beta + 1}`, so

  .. math:: z^{*I} = \frac{(v \beta \alpha L)^{1/(\beta + 1)} - 1}{\alpha}
            \quad\text{if } v\beta\alpha L > 1, \text{ else } 0 ;

* **class II**: :math:`S^{II}(z, v) = v^{\alpha z + 1}` with :math:`\alpha > 0`.
  The condition reads :math:`-\alpha L \ln v \; v^{\alpha z + 1} = 1`, so

  .. math:: z^{*II} = \frac{-\ln(-\alpha v L \ln v)}{\alpha \ln v}
            \quad\text{if } -\alpha v L \ln v > 1, \text{ else } 0 .

For both classes the optimal investment never exceeds :math:`1/e \approx 36.8\%`
of the expected loss: :math:`z^* \le vL/e` (Gordon and Loeb 2002).
For class I the ratio :math:`z^*/(vL)` is at most :math:`(\beta/(\beta+1))^{\beta+1} < 1/e`,
its maximum over :math:`\alpha`, so there the bound is strict. For class II, with
:math:`t = -\alpha v L \ln v > 1`, the ratio is :math:`z^*/(vL) = \ln t / t`, whose
maximum over :math:`t` is :math:`1/e` exactly, at :math:`t = e`: the bound is attained
(e.g. :math:`v = e^{-1}, L = e^2, \alpha = 1` gives :math:`z^* = 1 = vL/e`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError
from ._checks import floating, positive, probability

__all__ = ["SecurityInvestment", "gordon_loeb"]


@dataclass(frozen=True)
class SecurityInvestment:
    """The Gordon–Loeb optimal security investment for one information set.

    Attributes
    ----------
    investment : number
        The optimal investment :math:`z^*` (0 when no investment pays).
    net_benefit : number
        :math:`\\mathrm{ENBIS}(z^*) = (v - S(z^*, v)) L - z^*`.
    breach_probability : number
        :math:`S(z^*, v)`.
    bound : number
        :math:`vL/e`, the bound :math:`z^*` never exceeds (attained by class II at :math:`-\\alpha vL \\ln v = e`).
    interior : bool
        Whether the first-order condition holds at :math:`z^* > 0` (else :math:`z^* = 0`).
    v, L, alpha, beta : number
        The inputs; ``beta`` is ``None`` for class II.
    kind : str
        ``"I"`` or ``"II"``.

    Exact inputs give exact numbers (a ``Fraction`` where the answer is
    rational, else a sympy closed form with roots or logarithms); floats give floats.
    """

    investment: Any
    net_benefit: Any
    breach_probability: Any
    bound: Any
    interior: bool
    v: Any
    L: Any
    alpha: Any
    beta: Any
    kind: str

    @property
    def share_of_expected_loss(self) -> Any:
        """:math:`z^*/(vL)`, at most :math:`1/e` (strictly below it for class I)."""
        return self.investment / (self.v * self.L)


def _breach(kind: str, z: Any, v: Any, alpha: Any, beta: Any) -> Any:
    """S(z, v) for floats or sympy numbers."""
    if kind == "I":
        return v / (alpha * z + 1) ** beta
    return v ** (alpha * z + 1)


def gordon_loeb(v: Any, L: Any, alpha: Any, beta: Any = 1, *, kind: str = "I") -> SecurityInvestment:
    r"""The optimal security investment of Gordon and Loeb (2002), with the 1/e bound.

    Maximises :math:`(v - S(z, v)) L - z` over :math:`z \ge 0` for
    :math:`S^I(z, v) = v/(\alpha z + 1)^\beta` (``kind="I"``) or
    :math:`S^{II}(z, v) = v^{\alpha z + 1}` (``kind="II"``); see the module
    docstring for the closed forms.

    Parameters
    ----------
    v : int, Fraction, float or sympy number
        The vulnerability: the breach probability without investment, in ``(0, 1)``.
    L : number
        The loss from a breach, ``> 0``.
    alpha : number
        The productivity of investment, ``> 0``.
    beta : number, optional
        Class I's second productivity parameter, ``> 0`` (ignored by class II).
    kind : {"I", "II"}, keyword-only
        The class of breach-probability function.

    Returns
    -------
    SecurityInvestment
        Exact for exact input (sympy closed forms where roots or logarithms
        remain), floats for floats; :func:`cybergames.verify` re-checks the
        first-order condition by differentiating :math:`S` afresh.

    Raises
    ------
    ProbabilityError
        If ``v`` is not a number strictly between 0 and 1.
    ParameterError
        If ``L``, ``alpha`` or ``beta`` is not a positive number (symbols are refused), an exact
        ``beta + 1`` has numerator or denominator beyond ``cybergames.limits.MAX_EXPONENT``,
        ``kind`` is not ``"I"`` or ``"II"``, or float input overflows or puts a positive optimum
        below float64 resolution (exact input then answers).

    References
    ----------
    Gordon, L. A. and Loeb, M. P. (2002). The economics of information security
    investment. *ACM Transactions on Information and System Security* 5(4),
    438–457 (the two classes, the optimal investments, and
    :math:`z^* \le vL/e`; strict for class I, attained by class II at :math:`-\alpha vL\ln v = e`).

    Examples
    --------
    Class I with :math:`\beta = 1`: :math:`z^* = (\sqrt{v\alpha L} - 1)/\alpha`, so
    :math:`v = 1/2, L = 8, \alpha = 1` gives :math:`z^* = 2 - 1 = 1`, breach
    probability :math:`(1/2)/2 = 1/4` and net benefit :math:`(1/2 - 1/4) \cdot 8 - 1 = 1`.

    >>> from fractions import Fraction
    >>> from cybergames.security import gordon_loeb
    >>> r = gordon_loeb(Fraction(1, 2), 8, 1)
    >>> r.investment, r.breach_probability, r.net_benefit
    (1, Fraction(1, 4), 1)
    >>> r.investment < r.bound
    True

    Class II, :math:`v = 1/2, L = 10, \alpha = 1`: the condition :math:`10 \ln 2 \cdot 2^{-(z+1)} = 1`
    gives :math:`z^* = \log_2(5 \ln 2)`; exact input keeps the logarithms.

    >>> gordon_loeb(Fraction(1, 2), 10, 1, kind="II").investment
    log(5*log(2))/log(2)
    >>> round(gordon_loeb(0.5, 10.0, 1.0, kind="II").investment, 6)
    1.793162
    """
    if kind not in ("I", "II"):
        raise ParameterError(f"kind: expected 'I' or 'II', got {kind!r}")
    v = probability(v, "v", open_interval=True)
    L = positive(L, "L")
    alpha = positive(alpha, "alpha")
    beta = positive(beta, "beta") if kind == "I" else None
    if floating(v, L, alpha, beta):
        return _float_path(kind, float(v), float(L), float(alpha), None if beta is None else float(beta))
    sv, sL, sa = (_numbers.to_sympy(x) for x in (v, L, alpha))
    sb = None if beta is None else _numbers.to_sympy(beta)
    if sb is not None and isinstance(sb, sympy.Rational) and max(abs(sb.p + sb.q), sb.q) > limits.MAX_EXPONENT:
        raise ParameterError(f"beta: the exact root of index beta + 1 = {sb + 1} has terms beyond "
                             f"cybergames.limits.MAX_EXPONENT = {limits.MAX_EXPONENT}; pass beta as a float")
    if kind == "I":
        drive = sv * sb * sa * sL
        interior = _numbers.sign(drive - 1) == 1
        z = (drive ** (1 / (sb + 1)) - 1) / sa if interior else sympy.Integer(0)
    else:
        drive = -sa * sv * sL * sympy.log(sv)
        interior = _numbers.sign(drive - 1) == 1
        z = -sympy.log(drive) / (sa * sympy.log(sv)) if interior else sympy.Integer(0)
    if kind == "I":
        z = sympy.simplify(z)
        s = sympy.simplify(_breach(kind, z, sv, sa, sb))
    else:   # at an interior optimum the first-order condition gives S = -1/(alpha L ln v) without powers
        s = -1 / (sa * sL * sympy.log(sv)) if interior else sv
    net = (sv - s) * sL - z
    net = sympy.simplify(net) if kind == "I" else net
    bound = sv * sL * sympy.exp(-1)
    return SecurityInvestment(investment=_numbers.from_sympy(z), net_benefit=_numbers.from_sympy(net),
                              breach_probability=_numbers.from_sympy(s), bound=_numbers.from_sympy(bound),
                              interior=interior, v=v, L=L, alpha=alpha, beta=beta, kind=kind)


def _float_path(kind: str, v: float, L: float, alpha: float, beta: float | None) -> SecurityInvestment:
    if kind == "I":
        drive = v * beta * alpha * L
        interior = drive > 1
        z = (drive ** (1 / (beta + 1)) - 1) / alpha if interior else 0.0
    else:
        drive = -alpha * v * L * math.log(v)
        interior = drive > 1
        z = -math.log(drive) / (alpha * math.log(v)) if interior else 0.0
    if interior and z <= 0:
        raise ParameterError(f"beta: the optimum lies below float64 resolution at v={v!r}, L={L!r}, "
                             f"alpha={alpha!r}, beta={beta!r}; pass exact numbers (int or Fraction) instead")
    s = _breach(kind, z, v, alpha, beta)
    if not all(math.isfinite(x) for x in (z, s, (v - s) * L - z, v * L / math.e)):
        raise ParameterError(f"L, alpha: the float computation overflows at v={v!r}, L={L!r}, alpha={alpha!r}, "
                             f"beta={beta!r}; pass exact numbers (int or Fraction) instead")
    return SecurityInvestment(investment=z, net_benefit=(v - s) * L - z, breach_probability=s,
                              bound=v * L / math.e, interior=interior, v=v, L=L, alpha=alpha, beta=beta, kind=kind)


@verify.register
def _verify_investment(result: SecurityInvestment, *, tol: float = DEFAULT_TOL) -> Verification:
    """Differentiate :math:`S` afresh (sympy) and re-check the optimality conditions and the bound.

    Checked: the recorded breach probability and net benefit at :math:`z^*`;
    at an interior optimum ENBIS' = 0 and ENBIS'' < 0, at a corner ENBIS'(0) <= 0
    (ENBIS is concave, so either is global); :math:`0 \\le z^* \\le vL/e`, strictly below for
    class I (class II attains the bound where :math:`-\\alpha vL \\ln v = e`). Exact results
    are evaluated with mpmath at a fixed 60 digits (plus the digits of :math:`vL`); an
    equality holds when the difference is within :math:`10^{-45} vL`. Floats: 30 digits,
    within ``tol`` relative to :math:`vL`.
    """
    z, V, A, B, LL = sympy.symbols("z v alpha beta L", positive=True)   # differentiate symbolically,
    breach = V / (A * z + 1) ** B if result.kind == "I" else V ** (A * z + 1)   # then evaluate numerically
    enbis = (V - breach) * LL - z
    first = sympy.diff(enbis, z)
    float_path = isinstance(result.investment, float)
    params = [_numbers.to_sympy(x) for x in (result.v, result.alpha, 1 if result.beta is None else result.beta,
                                              result.L)]
    with mpmath.workdps(30):
        scale = max(mpmath.mpf(1), abs(sympy.lambdify((), params[0] * params[3], "mpmath")()))
    dps = 30 if float_path else 60 + int(mpmath.log10(scale))           # fixed precision: never adaptive
    slack = (tol if float_path else mpmath.mpf(10) ** -45) * scale

    def sign(expression: Any, point: Any = None, *, strict: bool = False) -> int:
        """The sign of ``expression`` at ``z = point`` (default z*) at fixed precision; zero within the
        slack unless ``strict``."""
        with mpmath.workdps(dps):
            numbers = [sympy.lambdify((), x, "mpmath")() for x in params]
            at = sympy.lambdify((), _numbers.to_sympy(result.investment), "mpmath")() if point is None else point
            value = sympy.lambdify((z, V, A, B, LL), expression, "mpmath")(mpmath.mpf(at), *numbers)
            return 0 if abs(value) <= (0 if strict else slack) else (1 if value > 0 else -1)

    checks = [
        (sign(breach - _numbers.to_sympy(result.breach_probability)) == 0, "breach_probability is not S(z*, v)"),
        (sign(enbis - _numbers.to_sympy(result.net_benefit)) == 0, "net_benefit is not ENBIS(z*)"),
        (sign(z, strict=True) == (1 if result.interior else 0), f"investment {result.investment} has the wrong sign"),
        (sign(z, strict=True) == 0 or sign(z - V * LL * sympy.exp(-1), strict=result.kind == "I")
         in ((-1,) if result.kind == "I" else (-1, 0)),
         "investment is not below vL/e" if result.kind == "I" else "investment exceeds vL/e"),
    ]
    if result.interior:
        checks.append((sign(first) == 0, "ENBIS'(z*) != 0"))
        checks.append((sign(sympy.diff(first, z), strict=True) == -1, "ENBIS''(z*) >= 0"))
    else:
        checks.append((sign(first, 0) in (-1, 0), "ENBIS'(0) > 0: investing pays"))
    failures = tuple(message for ok, message in checks if not ok)
    return Verification(ok=not failures, checked=len(checks), failures=failures)
