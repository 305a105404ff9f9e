r"""Security investment and information sharing: strategic substitutes or complements.

A two-agent model stated here *after* Gordon, Loeb and Lucyshyn (2003) and
Gal-Or and Ghose (2005); it is not the model of either paper, whose full text
was not consulted, but a linear–quadratic game with both papers' two channels,
whose closed forms are derived here.

Each of two symmetric agents (firms, or states' agencies) :math:`i` chooses a
security investment :math:`z_i \ge 0` and how much security information to
share, :math:`s_i \ge 0`. The partner's shared information protects like
investment: agent :math:`i`'s security level is :math:`\sigma_i = z_i + \theta s_j`.
Its payoff is

.. math::

    u_i = B(\sigma_i) - z_i + \lambda z_i s_j + \rho s_i - \tfrac{\ell}{2} s_i^2,
    \qquad B(\sigma) = (1 + w)\sigma - \tfrac12 \sigma^2,

with

* :math:`w > 0`, the net return of the first unit of investment (:math:`B'(0) - 1`);
* :math:`\theta \ge 0`, the *substitution* channel (Gordon–Loeb–Lucyshyn): the
  partner's information does part of the work of one's own investment, so the
  marginal value of investment falls with it;
* :math:`\lambda \ge 0`, the *demand spillover* (Gal-Or–Ghose): the partner's
  sharing raises confidence in the whole industry, so each unit of one's own
  security is worth more;
* :math:`\rho \ge 0`, the sharer's own benefit of sharing (its direct demand
  effect; :math:`\rho = 0` is pure free riding);
* :math:`\ell > 0`, the cost of leakage: what shared information costs the sharer.

**Strategic relation.** :math:`\partial^2 u_i/\partial z_i \partial s_j = \lambda - \theta`:
the partner's sharing and one's own investment are strategic *substitutes* iff
:math:`\theta > \lambda`, *complements* iff :math:`\lambda > \theta`, independent
at :math:`\lambda = \theta`.

**Equilibrium** (derived here). :math:`u_i` is concave in :math:`(z_i, s_i)`
(Hessian :math:`\operatorname{diag}(-1, -\ell)`), with first-order conditions
:math:`w - z_i + (\lambda - \theta)s_j = 0` and :math:`\rho - \ell s_i = 0`. So
sharing is dominant at :math:`s^* = \rho/\ell` and the unique equilibrium invests

.. math:: z^* = \max\bigl(0,\ w + (\lambda - \theta)\rho/\ell\bigr):

more sharing lowers investment under substitutes and raises it under complements.

**Joint optimum** (an information-sharing centre maximising :math:`u_1 + u_2`;
derived here). The welfare separates into the pairs :math:`(z_1, s_2)` and
:math:`(z_2, s_1)`, each with Hessian
:math:`\begin{pmatrix} -1 & \lambda - \theta \\ \lambda - \theta & -(\theta^2 + \ell)\end{pmatrix}`,
negative definite iff :math:`\ell > \lambda(\lambda - 2\theta)` (required). The
first-order conditions :math:`z = w + (\lambda - \theta)s` and
:math:`\theta(1 + w - z - \theta s) + \lambda z + \rho - \ell s = 0` give

.. math:: s^\circ = \frac{\theta + \lambda w + \rho}{\ell + 2\lambda\theta - \lambda^2},
          \qquad z^\circ = w + (\lambda - \theta)s^\circ,

when :math:`z^\circ \ge 0`; otherwise :math:`z^\circ = 0` and
:math:`s^\circ = (\theta(1 + w) + \rho)/(\theta^2 + \ell)`.

**Subsidy** (derived here). A reward :math:`\tau` per unit shared, each agent
funding the other's (payoff term :math:`\tau s_i - \tau s_j`), moves equilibrium sharing to :math:`(\rho + \tau)/\ell`
and nets out of welfare. Investment creates no externality (:math:`u_j` does not
depend on :math:`z_i`), so its private and joint first-order conditions agree and
:math:`\tau^\circ = \ell s^\circ - \rho` implements the joint optimum exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError
from ._checks import floating, nonnegative, positive

__all__ = ["SharingEquilibrium", "information_sharing"]


@dataclass(frozen=True)
class SharingEquilibrium:
    r"""The equilibrium and the joint optimum of the investment-and-sharing game.

    Attributes
    ----------
    investment, sharing : number
        The equilibrium's :math:`z^*` and :math:`s^* = (\rho + \tau)/\ell` (each agent's).
    welfare : number
        Each agent's equilibrium payoff (the subsidy nets out).
    optimal_investment, optimal_sharing, optimal_welfare : number
        The same at the joint optimum (:math:`z^\circ, s^\circ`, each agent's payoff).
    relation : str
        ``"substitutes"`` (:math:`\theta > \lambda`), ``"complements"``
        (:math:`\lambda > \theta`) or ``"independent"`` (equal).
    slope : number
        :math:`\lambda - \theta`, the slope of investment in the partner's sharing.
    return_, substitution, spillover, private_benefit, leakage, subsidy : number
        The inputs :math:`w, \theta, \lambda, \rho, \ell, \tau`.
    """

    investment: Any
    sharing: Any
    welfare: Any
    optimal_investment: Any
    optimal_sharing: Any
    optimal_welfare: Any
    relation: str
    slope: Any
    return_: Any
    substitution: Any
    spillover: Any
    private_benefit: Any
    leakage: Any
    subsidy: Any = 0

    @property
    def implementing_subsidy(self) -> Any:
        r""":math:`\tau^\circ = \ell s^\circ - \rho`: the subsidy whose equilibrium is the joint optimum
        (negative: a tax on over-sharing)."""
        return _numbers.simplify_exact(self.leakage * self.optimal_sharing - self.private_benefit)

    @property
    def welfare_gain(self) -> Any:
        """What the joint optimum adds to each agent's payoff (``>= 0``)."""
        return self.optimal_welfare - self.welfare


def payoff(z: Any, s: Any, z_other: Any, s_other: Any, w: Any, theta: Any, lam: Any, rho: Any,
           leakage: Any) -> Any:
    """Agent i's payoff :math:`u_i` at its own ``(z, s)`` and the partner's ``(z_other, s_other)``."""
    sigma = z + theta * s_other
    return (1 + w) * sigma - sigma * sigma / 2 - z + lam * z * s_other + rho * s - leakage * s * s / 2


def information_sharing(return_: Any, substitution: Any, spillover: Any, private_benefit: Any,
                        leakage: Any, *, subsidy: Any = 0) -> SharingEquilibrium:
    r"""The equilibrium and the joint optimum of investment and information sharing (module docstring).

    Parameters
    ----------
    return_ : int, Fraction or float
        :math:`w > 0`, the net return of the first unit of investment.
    substitution : number
        :math:`\theta \ge 0`: how much of one's investment the partner's information replaces.
    spillover : number
        :math:`\lambda \ge 0`: how much the partner's sharing raises the return on one's investment.
    private_benefit : number
        :math:`\rho \ge 0`, the sharer's own benefit per unit shared.
    leakage : number
        :math:`\ell > 0`, the cost of leakage; the joint welfare must be concave,
        :math:`\ell > \lambda(\lambda - 2\theta)`.
    subsidy : number, keyword-only
        :math:`\tau \ge 0`, a reward per unit shared, each agent funding the other's
        (:math:`\tau s_i - \tau s_j`) (an information-sharing centre's fee and reward): it raises
        equilibrium sharing to :math:`(\rho + \tau)/\ell` and nets out of welfare.
        :math:`\tau^\circ = \ell s^\circ - \rho` implements the joint optimum, investment
        included (investment has no externality, so its private and joint conditions agree).

    Returns
    -------
    SharingEquilibrium
        Exact for exact input, floats for floats; :func:`cybergames.verify`
        re-derives both agents' first-order (Kuhn–Tucker) conditions and the
        concavity from the payoff by symbolic differentiation.

    Raises
    ------
    ParameterError
        If a parameter is not a number in its range (symbols are refused), or
        :math:`\ell \le \lambda(\lambda - 2\theta)`.

    References
    ----------
    L. A. Gordon, M. P. Loeb and W. Lucyshyn (2003). Sharing information on
    computer systems security: an economic analysis. *Journal of Accounting
    and Public Policy* 22(6), 461–485.
    E. Gal-Or and A. Ghose (2005). The economic incentives for sharing security
    information. *Information Systems Research* 16(2), 186–208.

    Examples
    --------
    Substitutes (:math:`\theta = 1/2 > \lambda = 0`): :math:`s^* = \rho/\ell = 1/2`,
    :math:`z^* = 1 - (1/2)(1/2) = 3/4`; the optimum shares
    :math:`s^\circ = (1/2 + 1/2)/1 = 1` and invests :math:`z^\circ = 1 - 1/2 = 1/2`.

    >>> from fractions import Fraction
    >>> from cybergames.security import information_sharing
    >>> r = information_sharing(1, Fraction(1, 2), 0, Fraction(1, 2), 1)
    >>> r.relation, r.investment, r.sharing, r.optimal_investment, r.optimal_sharing
    ('substitutes', Fraction(3, 4), Fraction(1, 2), Fraction(1, 2), 1)
    >>> r.welfare_gain > 0
    True
    """
    w = positive(return_, "return_")
    theta = nonnegative(substitution, "substitution")
    lam = nonnegative(spillover, "spillover")
    rho = nonnegative(private_benefit, "private_benefit")
    ell = positive(leakage, "leakage")
    tau = nonnegative(subsidy, "subsidy")
    values = (w, theta, lam, rho, ell, tau)
    if any(isinstance(v, sympy.Basic) for v in values):
        raise ParameterError(f"return_, substitution, spillover, private_benefit, leakage: expected rational or "
                             f"float numbers, got {values!r}")
    if floating(*values):
        w, theta, lam, rho, ell, tau = (float(v) for v in values)
    denominator = ell + 2 * lam * theta - lam * lam
    if denominator <= 0:
        raise ParameterError(f"leakage: the joint welfare is concave only if leakage > spillover * (spillover - "
                             f"2 substitution) = {_numbers.simplify_exact(lam * (lam - 2 * theta))!r}, got {ell!r}")
    slope = lam - theta
    s_nash = _numbers.ratio(rho + tau, ell)
    z_nash = max(w + slope * s_nash, 0 * w)
    s_opt = _numbers.ratio(theta + lam * w + rho, denominator)
    z_opt = w + slope * s_opt
    if z_opt < 0:
        z_opt = 0 * w
        s_opt = _numbers.ratio(theta * (1 + w) + rho, theta * theta + ell)
    relation = "substitutes" if slope < 0 else "complements" if slope > 0 else "independent"
    args = (w, theta, lam, rho, ell)
    exact = _numbers.simplify_exact
    return SharingEquilibrium(
        investment=exact(z_nash), sharing=exact(s_nash),
        welfare=exact(payoff(z_nash, s_nash, z_nash, s_nash, *args)),
        optimal_investment=exact(z_opt), optimal_sharing=exact(s_opt),
        optimal_welfare=exact(payoff(z_opt, s_opt, z_opt, s_opt, *args)),
        relation=relation, slope=exact(slope), return_=w, substitution=theta, spillover=lam,
        private_benefit=rho, leakage=ell, subsidy=tau)


@verify.register
def _verify_sharing(result: SharingEquilibrium, *, tol: float = DEFAULT_TOL) -> Verification:
    """Differentiate the payoff afresh (sympy) and re-check both solutions' Kuhn–Tucker conditions and concavity.

    Checked: each agent's gradient in its own ``(z, s)`` at the equilibrium (zero, or
    non-positive at a zero coordinate) and its own Hessian negative definite; the gradient
    of the joint welfare ``u_1 + u_2`` in all four variables at the optimum likewise, and
    its Hessian negative definite (leading principal minors); the recorded payoffs; the
    relation's sign; and that the optimum is worth at least the equilibrium.
    """
    z1, s1, z2, s2 = sympy.symbols("z1 s1 z2 s2", real=True)
    w, th, la, rh, le = (_numbers.to_sympy(x) for x in (result.return_, result.substitution, result.spillover,
                                                         result.private_benefit, result.leakage))
    ta = _numbers.to_sympy(result.subsidy)
    floats = isinstance(result.leakage, float)
    slack = tol * max(1.0, float(abs(w)) + float(abs(rh))) if floats else 0

    def u(own_z, own_s, other_z, other_s):   # written out again from the model's definition
        level = own_z + th * other_s
        return (1 + w) * level - level ** 2 / 2 - own_z + la * own_z * other_s + rh * own_s - le * own_s ** 2 / 2

    u1, u2 = u(z1, s1, z2, s2), u(z2, s2, z1, s1)
    welfare = u1 + u2

    def kuhn_tucker(function, variables, point):
        values = dict(zip(variables, point))
        ok = True
        for v, x in zip(variables, point):
            g = sympy.diff(function, v).subs(values)
            ok &= bool(abs(g) <= slack) if x > slack else bool(g <= slack)
        return ok

    def negative_definite(function, variables):
        hessian = sympy.hessian(function, variables)
        minors = [hessian[:k, :k].det() for k in range(1, len(variables) + 1)]
        return all(((-1) ** k) * m > 0 for k, m in enumerate(minors, start=1))

    nash = [_numbers.to_sympy(x) for x in (result.investment, result.sharing)]
    best = [_numbers.to_sympy(x) for x in (result.optimal_investment, result.optimal_sharing)]
    at_nash = {z1: nash[0], s1: nash[1], z2: nash[0], s2: nash[1]}
    at_best = {z1: best[0], s1: best[1], z2: best[0], s2: best[1]}
    slope = la - th
    checks = [
        (all(x >= -slack for x in nash + best), "a negative investment or sharing level"),
        (kuhn_tucker((u1 + ta * s1 - ta * s2).subs({z2: nash[0], s2: nash[1]}), (z1, s1), nash),
         "the equilibrium is not a best reply (Kuhn-Tucker conditions fail)"),
        (negative_definite(u1, (z1, s1)), "an agent's payoff is not concave in its own choices"),
        (kuhn_tucker(welfare, (z1, s1, z2, s2), [best[0], best[1], best[0], best[1]]),
         "the optimum fails the Kuhn-Tucker conditions of the joint welfare"),
        (negative_definite(welfare, (z1, s2, z2, s1)), "the joint welfare is not concave"),
        (abs(u1.subs(at_nash) - _numbers.to_sympy(result.welfare)) <= slack, "welfare is not u_i at the equilibrium"),
        (abs(u1.subs(at_best) - _numbers.to_sympy(result.optimal_welfare)) <= slack,
         "optimal_welfare is not u_i at the optimum"),
        (result.relation == ("substitutes" if slope < 0 else "complements" if slope > 0 else "independent"),
         "relation disagrees with the sign of spillover - substitution"),
        (welfare.subs(at_best) >= welfare.subs(at_nash) - 2 * slack, "the optimum is worth less than the equilibrium"),
    ]
    failures = tuple(message for ok, message in checks if not ok)
    return Verification(ok=not failures, checked=len(checks), failures=failures)
