r"""Security investment and information sharing: substitutes or complements (after Gordon–Loeb–Lucyshyn, Gal-Or–Ghose).

Two states' agencies (or two firms of a critical sector) each invest
:math:`z_i` in security and share :math:`s_i` units of threat information.
Two literatures disagree on how the two interact. For Gordon, Loeb and
Lucyshyn (2003) shared information does part of the work of investment, so a
partner's sharing *lowers* one's own investment (strategic substitutes) and
sharing is free-ridden. For Gal-Or and Ghose (2005) sharing also raises
confidence in the whole sector, which raises the return on one's own security:
with strong demand spillovers the two are strategic *complements*.

The model, stated in full at :func:`cybergames.security.information_sharing` and built
*after* both papers (not their own models), has both channels: the partner's
sharing replaces :math:`\theta` units of investment and raises its return by
:math:`\lambda`; so investment and the partner's sharing are substitutes iff
:math:`\theta > \lambda` and complements iff :math:`\lambda > \theta`. Sharing
costs the sharer a leakage :math:`\ell s_i^2/2` and earns it :math:`\rho s_i`, so in
equilibrium each shares :math:`s^* = (\rho + \tau)/\ell` under a sharing subsidy
:math:`\tau` and invests :math:`z^* = \max(0, w + (\lambda - \theta)s^*)`. The joint
optimum (an information-sharing centre maximising the pair's payoff) shares
:math:`s^\circ` and invests :math:`z^\circ`, and the subsidy
:math:`\tau^\circ = \ell s^\circ - \rho` implements it. All closed forms are derived
there; :func:`cybergames.verify` re-checks them.

References
----------
L. A. Gordon, M. P. Loeb and W. Lucyshyn, "Sharing information on computer
systems security: an economic analysis", *Journal of Accounting and Public
Policy* 22(6), 2003, 461–485.
E. Gal-Or and A. Ghose, "The economic incentives for sharing security
information", *Information Systems Research* 16(2), 2005, 186–208.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ..errors import ParameterError
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show
from .deterrence import VERDICT_WIDTH, _fits

__all__ = ["SharingInvestmentModel"]

#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {"investment_return": sympy.Symbol("investment_return", positive=True),
           **{name: sympy.Symbol(name, nonnegative=True)
              for name in ("substitution", "spillover", "private_benefit", "subsidy")},
           "leakage": sympy.Symbol("leakage", positive=True)}

#: Multiples of the implementing subsidy shown in the subsidy tables.
SUBSIDY_MULTIPLES = (0, Fraction(1, 2), 1, Fraction(3, 2))
#: Spillovers shown in the spillover table, as multiples of the substitution (besides the model's own).
SPILLOVER_MULTIPLES = (0, Fraction(1, 2), 1, Fraction(3, 2), 2)


def optimal_sharing_formula() -> sympy.Basic:
    r"""The joint optimum's sharing :math:`s^\circ` in the parameter symbols (a ``Piecewise``: interior, corner)."""
    s = SYMBOLS
    w, th, la, rho, ell = (s[n] for n in ("investment_return", "substitution", "spillover", "private_benefit",
                                          "leakage"))
    interior = (th + la * w + rho) / (ell + 2 * la * th - la ** 2)
    corner = (th * (1 + w) + rho) / (th ** 2 + ell)
    return sympy.Piecewise((interior, w + (la - th) * interior >= 0), (corner, True))


@dataclass(frozen=True)
class SharingInvestmentModel(Model):
    r"""Security investment and information sharing between two states: substitutes or complements.

    Parameters are ints or Fractions (exact results) or floats (float
    results); sympy symbols are refused.

    Parameters
    ----------
    investment_return : number, default 1
        :math:`w > 0`, the net return of the first unit of investment.
    substitution : number, default 1/2
        :math:`\theta \ge 0`, how much of one's investment a unit of the partner's information replaces.
    spillover : number, default 1/4
        :math:`\lambda \ge 0`, how much a unit of the partner's sharing raises the return on one's investment.
    private_benefit : number, default 1/4
        :math:`\rho \ge 0`, what sharing earns the sharer per unit.
    leakage : number, default 1
        :math:`\ell > 0`, the cost of leakage (sharing :math:`s` costs :math:`\ell s^2/2`).
    subsidy : number, default 1/2
        :math:`\tau \ge 0`, a reward per unit shared, each state funding the other's (a transfer).

    Raises
    ------
    ParameterError
        If a parameter is not a number in its range, or
        :math:`\ell \le \lambda(\lambda - 2\theta)` (the joint welfare is not concave).

    Examples
    --------
    Substitutes (:math:`\theta = 1/2 > \lambda = 1/4`); each shares :math:`(1/4 + 1/2)/1 = 3/4`
    and invests :math:`1 - (1/4)(3/4) = 13/16`:

    >>> model = SharingInvestmentModel()
    >>> model.solution().relation, model.solution().sharing, model.solution().investment
    ('substitutes', Fraction(3, 4), Fraction(13, 16))
    """

    investment_return: Any = 1
    substitution: Any = Fraction(1, 2)
    spillover: Any = Fraction(1, 4)
    private_benefit: Any = Fraction(1, 4)
    leakage: Any = 1
    subsidy: Any = Fraction(1, 2)

    key: ClassVar[str] = "sharing"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "security investment and information sharing"

    def __post_init__(self) -> None:
        for name in ("investment_return", "leakage"):
            check_parameter(self, name, lower=0, lower_open=True, symbolic=False)
        for name in ("substitution", "spillover", "private_benefit", "subsidy"):
            check_parameter(self, name, lower=0, symbolic=False)
        self._floats_throughout()
        la, th = self.spillover, self.substitution
        if not self.leakage > la * (la - 2 * th):
            raise ParameterError(f"{type(self).__name__}.leakage: expected a value > spillover (spillover - 2 "
                                 f"substitution) = {show(la * (la - 2 * th))} (a concave joint welfare), "
                                 f"got {show(self.leakage)}")

    def solution(self, **changes: Any):
        """:func:`cybergames.security.information_sharing` at the parameters (``changes`` override them)."""
        from ..security import information_sharing

        m = self.replace(**changes) if changes else self
        return information_sharing(m.investment_return, m.substitution, m.spillover, m.private_benefit, m.leakage,
                                   subsidy=m.subsidy)

    def implementing_subsidy(self, **changes: Any) -> Any:
        r""":math:`\tau^\circ = \ell s^\circ - \rho`, the subsidy whose equilibrium is the joint optimum."""
        return self.solution(**changes).implementing_subsidy

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""Where the subsidy suffices for optimal sharing, :math:`\tau \ge \ell s^\circ - \rho`, in the symbols.

        Parameters named in ``free`` stay symbols (default: all); the others take the model's values.

        >>> SharingInvestmentModel().region_condition(free=["subsidy"])
        subsidy >= 45/76
        """
        s = SYMBOLS
        region = sympy.Ge(s["subsidy"], s["leakage"] * optimal_sharing_formula() - s["private_benefit"])
        return self._region(region, free)

    def game_answer(self) -> Any:
        r"""The game's answer: its only Nash equilibrium, certified (exact parameters only; None for floats).

        Each state's payoff is strictly concave in its own :math:`(z_i, s_i)`
        (Hessian :math:`\operatorname{diag}(-1, -\ell)`) and separates: sharing
        :math:`s^* = (\rho + \tau)/\ell` is its unique best reply whatever the
        other does (strictly dominant), and :math:`z^* = \max(0, w + (\lambda - \theta)s_j)`
        its unique best reply to the other's sharing. So the equilibrium is
        unique, and the named equilibrium is the game's answer.

        Examples
        --------
        >>> answer = SharingInvestmentModel().game_answer()
        >>> answer.complete, answer.best.value, answer.cooperation
        (True, (Fraction(469, 512), Fraction(469, 512)), (Fraction(35, 38), Fraction(35, 38)))
        """
        from ._game import ExplicitEquilibrium, one_shot_answer

        if isinstance(self.subsidy, float):
            return None
        r = self.solution()
        target = r.implementing_subsidy
        found = ExplicitEquilibrium(f"each state shares s* = {show(r.sharing)} and invests z* = {show(r.investment)}",
                                    ((r.investment, r.sharing),) * 2, None, (r.welfare, r.welfare), None,
                                    "each state's unique best reply to the other's, exact arithmetic")
        certificate = ("unique: each state's payoff is strictly concave in its own investment and sharing, "
                       "sharing (ρ + τ)/ℓ is strictly dominant and investment the unique best reply to it")
        holds = self.subsidy >= target
        head, op = ("sustainable", "≥") if holds else ("not sustainable", "<")
        binds = f"; binds: τ ≥ {show(target)}"
        verdict = next((v for v in (
            f"{head}: unique equilibrium shares s* = {show(r.sharing)} {op} s° = {show(r.optimal_sharing)}{binds}",
            f"{head}: unique equilibrium shares {show(r.sharing)} {op} s°{binds}") if len(v) <= VERDICT_WIDTH),
            f"{head}: unique equilibrium shares s* = {show(r.sharing)} {op} s° = {show(r.optimal_sharing)}")
        return one_shot_answer(f"the equilibrium (s* = {show(r.sharing)})", (found,), certificate,
                               "every Nash equilibrium (unique)", (r.optimal_welfare,) * 2, verdict)

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """The strategic relation, the equilibrium, the joint optimum, and the subsidy that implements it.

        Returns
        -------
        ModelAnalysis
            Condition: the subsidy makes equilibrium sharing reach the joint
            optimum (:math:`\\tau \\ge \\tau^\\circ`). Remedies: the sharing subsidy
            (against equilibrium sharing, investment and payoff) and the sector's
            demand spillover. ``details``: ``solution`` (the
            :class:`~cybergames.security.SharingEquilibrium`, which
            :func:`cybergames.verify` re-checks) and ``unsubsidised`` (the same at :math:`\\tau = 0`).
        """
        s = SYMBOLS
        th, la, rho, ell, tau = self.substitution, self.spillover, self.private_benefit, self.leakage, self.subsidy
        r = self.solution()
        bare = self.solution(subsidy=0 * tau)
        target = r.implementing_subsidy
        relation = {"substitutes": f"substitutes (θ = {show(th)} > λ = {show(la)}): the partner's sharing lowers "
                                   f"one's own investment, as Gordon, Loeb & Lucyshyn (2003) argue",
                    "complements": f"complements (λ = {show(la)} > θ = {show(th)}): the partner's sharing raises "
                                   f"one's own investment, as Gal-Or & Ghose (2005) find when demand spillovers "
                                   f"are strong",
                    "independent": f"independent, weakly: λ = θ = {show(th)}, so the two channels cancel exactly "
                                   f"and the partner's sharing leaves one's investment unchanged"}[r.relation]
        more_less = lambda a, b: "more" if a > b else "less" if a < b else "as much"   # noqa: E731
        findings = (
            f"Investment and the partner's sharing are strategic {relation}. Each unit the partner shares "
            f"changes one's optimal investment by λ - θ = {show(r.slope)} (after Gordon, Loeb & Lucyshyn 2003 "
            f"and Gal-Or & Ghose 2005; the model and its closed forms are derived in cybergames.security.sharing).",
            f"Sharing costs the sharer a leakage ℓ s²/2 and earns it (ρ + τ) s, so each state shares "
            f"s* = (ρ + τ)/ℓ = {show(r.sharing)} whatever the other does, and invests "
            f"z* = max(0, w + (λ - θ) s*) = {show(r.investment)}; each earns {show(r.welfare)}. Without the "
            f"subsidy it would share {show(bare.sharing)} and invest {show(bare.investment)}"
            + (" (ρ = 0: sharing is wholly free-ridden)." if rho == 0 else "."),
            f"An information-sharing centre maximising the pair's payoff has each share s° = {show(r.optimal_sharing)} "
            f"({more_less(r.optimal_sharing, r.sharing)} than in equilibrium) and invest "
            f"z° = {show(r.optimal_investment)} ({more_less(r.optimal_investment, r.investment)}); each earns "
            f"{show(r.optimal_welfare)}, a gain of {show(_numbers.simplify_exact(r.welfare_gain))} over the "
            f"equilibrium." + (" Under substitutes, efficient sharing comes with less investment, and is still "
                               "worth more." if r.relation == "substitutes" and r.optimal_investment < r.investment
                               else ""),
            f"Investment imposes no externality here, so once sharing is right investment follows: the subsidy "
            f"τ° = ℓ s° - ρ = {show(target)} implements the joint optimum exactly"
            + (f"; here τ = {show(tau)} " + ("reaches it exactly." if tau == target else
                                            "overshoots: the states share more than is efficient." if tau > target
                                            else "falls short.")),
        )
        conditions = (
            Condition("sharing reaches the joint optimum (the subsidy implements it)",
                      sympy.Ge(s["subsidy"], s["leakage"] * sympy.Symbol("s°") - s["private_benefit"]),
                      target, bool(tau >= target),
                      f"Equilibrium sharing (ρ + τ)/ℓ reaches the centre's s° = {show(r.optimal_sharing)} iff "
                      f"τ >= ℓ s° - ρ = {show(target)}"
                      + (" (exactly at the threshold: weakly)." if tau == target else ".")),
        )
        floats = isinstance(tau, float)
        base = max(target, 0 * target) or (1.0 if floats else 1)
        subsidies = sorted({_numbers.simplify_exact(base * (float(m) if floats else m)) for m in SUBSIDY_MULTIPLES}
                           | {tau})
        spillovers = sorted({_numbers.simplify_exact(th * (float(m) if floats else m)) for m in SPILLOVER_MULTIPLES
                             if ell > th * m * (th * m - 2 * th)} | {la})
        remedies = (
            Remedy("a sharing subsidy: equilibrium sharing", "subsidy",
                   "An information-sharing centre that rewards each unit shared raises equilibrium sharing "
                   "(ρ + τ)/ℓ; at τ° it reaches the joint optimum. Table: subsidy -> equilibrium sharing s*.",
                   tuple((x, self.solution(subsidy=x).sharing) for x in subsidies), column="equilibrium sharing s*"),
            Remedy("a sharing subsidy: equilibrium investment", "subsidy",
                   "Subsidised sharing moves investment by λ - θ per unit: down under substitutes, up under "
                   "complements. Table: subsidy -> equilibrium investment z*.",
                   tuple((x, self.solution(subsidy=x).investment) for x in subsidies),
                   column="equilibrium investment z*"),
            Remedy("a sharing subsidy: each state's payoff", "subsidy",
                   "The subsidy is a transfer between the two, so it changes payoffs only through the sharing "
                   "and investment it induces; the payoff peaks at τ°. Table: subsidy -> each state's payoff.",
                   tuple((x, self.solution(subsidy=x).welfare) for x in subsidies), column="each state's payoff"),
            Remedy("confidence in the sector: the demand spillover", "spillover",
                   "A stronger spillover (the partner's sharing raises the return on one's own security) turns "
                   "substitutes into complements at λ = θ and raises the subsidy that optimal sharing needs. "
                   "Table: spillover -> implementing subsidy τ°.",
                   tuple((x, self.implementing_subsidy(spillover=x)) for x in spillovers),
                   column="implementing subsidy τ°"),
        )
        summary = (f"Two states invest in security and share threat information; the partner's information "
                   f"replaces θ = {show(th)} of one's investment and raises its return by λ = {show(la)} "
                   f"(after Gordon, Loeb & Lucyshyn 2003 and Gal-Or & Ghose 2005).")
        answer = self.game_answer()
        if answer is not None:
            from ._game import one_shot_sentence
            findings += (one_shot_sentence(answer) + f" The joint optimum is worth {show(r.optimal_welfare)} to "
                         f"each, so no equilibrium of this game reaches it without the subsidy τ° = {show(target)}"
                         + (" (here it does)." if tau >= target else "."),)
        verdict = (answer.verdict if answer is not None else
                   _fits(f"{'sustainable' if tau >= target else 'not sustainable'}: equilibrium shares "
                         f"s* = {show(r.sharing)}", f"; binds: τ ≥ {show(target)}"))
        numbers = (("equilibrium_sharing", r.sharing), ("equilibrium_investment", r.investment),
                   ("equilibrium_payoff", r.welfare), ("optimal_sharing", r.optimal_sharing),
                   ("optimal_investment", r.optimal_investment), ("optimal_payoff", r.optimal_welfare),
                   ("implementing_subsidy", target), ("investment_slope", r.slope))
        return ModelAnalysis(self, self.obstacle, summary, findings, conditions, remedies,
                             {"solution": r, "unsubsidised": bare}, game=answer, verdict=verdict, numbers=numbers)
