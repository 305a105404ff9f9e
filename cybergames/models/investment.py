r"""Security investment: how much a state's agency should spend to protect an information set (Gordon–Loeb).

Capacity building and the other remedies ask states to spend on security; the
first question is how much spending pays. Gordon and Loeb (2002) answer it for
one information set. Without investment a breach happens with probability
:math:`v \in (0, 1)`, the *vulnerability*, and costs :math:`L`; investing
:math:`z` lowers the breach probability to :math:`S(z, v)`. The expected net
benefit of the investment is

.. math:: \mathrm{ENBIS}(z) = \bigl(v - S(z, v)\bigr) L - z .

This model uses their class I of breach functions,
:math:`S(z, v) = v/(\alpha z + 1)^\beta` with productivity parameters
:math:`\alpha, \beta > 0` (capacity building raises :math:`\alpha`). ENBIS is
concave, and the first-order condition :math:`-S_z L = 1` reads
:math:`(\alpha z + 1)^{\beta + 1} = v\beta\alpha L`, so

.. math:: z^* = \frac{(v\beta\alpha L)^{1/(\beta + 1)} - 1}{\alpha}
          \quad\text{if } v\beta\alpha L > 1, \qquad z^* = 0 \text{ otherwise.}

Investing pays at all iff the first unit's return exceeds its cost,
:math:`-S_z(0, v) L = v\beta\alpha L > 1`, i.e. iff the vulnerability exceeds
:math:`v^* = 1/(\beta\alpha L)`. And the optimum never exceeds
:math:`1/e \approx 36.8\%` of the expected loss, :math:`z^* < vL/e`
(Gordon and Loeb 2002); for class I the share
:math:`z^*/(vL)`, maximised over :math:`\alpha`, is
:math:`(\beta/(\beta + 1))^{\beta + 1} < 1/e`.

The numbers come from :func:`cybergames.security.gordon_loeb` (exact for exact
parameters: square roots and other radicals stay exact). The derivation and
class II (:math:`S = v^{\alpha z + 1}`, whose optimal investment is not
monotone in :math:`v`) are on :doc:`/explanation/model-investment`.

References
----------
L. A. Gordon and M. P. Loeb, "The economics of information security
investment", *ACM Transactions on Information and System Security* 5(4),
2002, 438–457.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show

__all__ = ["SecurityInvestmentModel"]

#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {name: sympy.Symbol(name, positive=True) for name in ("vulnerability", "loss", "productivity", "shape")}

#: Multiples of the model's productivity shown in the capacity-building table.
PRODUCTIVITY_MULTIPLES = (Fraction(1, 4), Fraction(1, 2), 1, 2, 4)
#: Vulnerabilities shown in the hardening table (besides the model's own).
VULNERABILITIES = (Fraction(1, 10), Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(9, 10))


@dataclass(frozen=True)
class SecurityInvestmentModel(Model):
    r"""Gordon and Loeb's optimal investment in protecting one information set (breach class I).

    Parameters may be ints or Fractions (exact results, radicals kept exact)
    or floats (float results); sympy symbols are refused.

    Parameters
    ----------
    vulnerability : number, default 1/2
        :math:`v \in (0, 1)`, the breach probability without investment.
    loss : number, default 8
        :math:`L > 0`, the loss from a breach.
    productivity : number, default 1
        :math:`\alpha > 0`, how fast investment lowers the breach probability.
    shape : number, default 1
        :math:`\beta > 0`, class I's second productivity parameter.

    Raises
    ------
    ParameterError
        If a parameter is not a number or lies outside its range.

    Examples
    --------
    With :math:`v\beta\alpha L = 4`, :math:`z^* = \sqrt 4 - 1 = 1`, a quarter of the expected loss 4:

    >>> model = SecurityInvestmentModel()
    >>> model.optimal_investment(), model.share_of_expected_loss()
    (1, Fraction(1, 4))
    >>> model.least_vulnerability()
    Fraction(1, 8)
    """

    vulnerability: Any = Fraction(1, 2)
    loss: Any = 8
    productivity: Any = 1
    shape: Any = 1

    key: ClassVar[str] = "investment"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "how much security investment pays"

    def __post_init__(self) -> None:
        check_parameter(self, "vulnerability", lower=0, upper=1, lower_open=True, upper_open=True, symbolic=False)
        for name in ("loss", "productivity", "shape"):
            check_parameter(self, name, lower=0, lower_open=True, symbolic=False)
        self._floats_throughout()

    def solution(self, **changes: Any):
        """:func:`cybergames.security.gordon_loeb` at the model's parameters (``changes`` override them)."""
        from ..security import gordon_loeb

        model = self.replace(**changes) if changes else self
        return gordon_loeb(model.vulnerability, model.loss, model.productivity, model.shape, kind="I")

    def optimal_investment(self, **changes: Any) -> Any:
        r""":math:`z^* = ((v\beta\alpha L)^{1/(\beta+1)} - 1)/\alpha`, or 0 when investing does not pay."""
        return _numbers.simplify_exact(self.solution(**changes).investment)

    def share_of_expected_loss(self, **changes: Any) -> Any:
        r""":math:`z^*/(vL)`, below :math:`1/e` (Gordon and Loeb 2002)."""
        return _numbers.simplify_exact(self.solution(**changes).share_of_expected_loss)

    def least_vulnerability(self, **changes: Any) -> Any:
        r""":math:`v^* = 1/(\beta\alpha L)`: investing pays iff :math:`v > v^*` (may be 1 or more: never)."""
        model = self.replace(**changes) if changes else self
        return _numbers.simplify_exact(_numbers.ratio(1, model.shape * model.productivity * model.loss))

    def share_cap(self) -> Any:
        r""":math:`(\beta/(\beta + 1))^{\beta + 1}`, the largest share :math:`z^*/(vL)` over all :math:`\alpha`."""
        b = _numbers.to_sympy(self.shape)
        cap = (b / (b + 1)) ** (b + 1)
        return float(cap) if isinstance(self.shape, float) else _numbers.simplify_exact(_numbers.from_sympy(cap))

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""Where investing pays, :math:`v\beta\alpha L > 1`, as a sympy relation in the parameter symbols.

        Parameters named in ``free`` stay symbols (default: all); the others take the model's values.

        >>> SecurityInvestmentModel().region_condition(free=["vulnerability"])
        vulnerability > 1/8
        """
        s = SYMBOLS
        region = sympy.Gt(s["vulnerability"] * s["shape"] * s["productivity"] * s["loss"], 1)
        return self._region(region, free)

    def game_answer(self) -> Any:
        r"""The decision problem's answer: the only optimal investment, certified (exact parameters only).

        The agency is the only decision maker and its expected net benefit
        :math:`(v - S(z, v))L - z` is strictly concave in :math:`z` (second
        derivative :math:`-vL\beta(\beta + 1)\alpha^2/(\alpha z + 1)^{\beta + 2} < 0`),
        so :math:`z^*` is its only optimum on :math:`z \ge 0`. None for float parameters.

        Examples
        --------
        >>> answer = SecurityInvestmentModel().game_answer()
        >>> answer.complete, answer.best.profile, answer.best.value
        (True, (1,), (1,))
        """
        from ._game import ExplicitEquilibrium, one_shot_answer

        if isinstance(self.vulnerability, float):
            return None
        result = self.solution()
        z = self.optimal_investment()
        net = _numbers.simplify_exact(result.net_benefit)
        found = ExplicitEquilibrium(f"invest z* = {show(z)}", (z,), None, (net,), None,
                                    "the first-order condition of a strictly concave objective, exact arithmetic")
        certificate = ("the only optimal investment: the expected net benefit is strictly concave in z "
                       "(second derivative -vLβ(β + 1)α²/(αz + 1)^(β + 2) < 0)")
        return one_shot_answer(f"the optimal investment (z* = {show(z)})", (found,), certificate,
                               "every investment z ≥ 0 (a strictly concave decision problem)", (net,),
                               self._verdict(), notes=("value: the expected net benefit of the optimum",))

    def _verdict(self) -> str:
        """The one-line verdict: the optimal investment and the condition that binds, v > v*."""
        from .deterrence import _fits
        result = self.solution()
        z, share, v_star = self.optimal_investment(), self.share_of_expected_loss(), self.least_vulnerability()
        binds = f"; binds: v > v* = {show(v_star)}"
        if not result.interior:
            return _fits("not sustainable: the optimum invests nothing", binds)
        return _fits(f"sustainable: optimal investment z* = {show(z)}, {show(share)} of vL", binds)

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """The optimal investment, the 1/e bound, when investing pays, and the comparative statics.

        Returns
        -------
        ModelAnalysis
            Conditions: investing pays (:math:`v > v^*`); the optimum's share of
            the expected loss stays below :math:`1/e`. Remedies: productivity
            (capacity building) and vulnerability. ``details``: ``solution``
            (the :class:`~cybergames.security.SecurityInvestment`, which
            :func:`cybergames.verify` re-checks).
        """
        s = SYMBOLS
        v, L, alpha, beta = self.vulnerability, self.loss, self.productivity, self.shape
        result = self.solution()
        z, share = self.optimal_investment(), self.share_of_expected_loss()
        breach, net = (_numbers.simplify_exact(x) for x in (result.breach_probability, result.net_benefit))
        v_star, cap = self.least_vulnerability(), self.share_cap()
        below = bool(sympy.sympify(_numbers.to_sympy(share) < sympy.exp(-1)))
        expected = _numbers.simplify_exact(v * L)
        findings = (
            f"Investing z lowers the breach probability from v = {show(v)} to S(z, v) = v/(α z + 1)^β "
            f"(Gordon & Loeb 2002, class I). The expected net benefit (v - S(z, v)) L - z is concave in z and "
            f"is maximised at z* = ((v β α L)^(1/(β + 1)) - 1)/α = {show(z)}, leaving a breach "
            f"probability of {show(breach)} and a net benefit of {show(net)}.",
            f"The optimum spends {show(share)} of the expected loss vL = {show(expected)}: below 1/e ≈ 0.3679, as "
            f"Gordon & Loeb (2002) show for every class I and class II breach function, and at most "
            f"(β/(β + 1))^(β + 1) = {show(cap)}, the most class I ever spends (its maximum over α"
            + ("; reached here)." if share == cap else ")."),
            (f"Investing pays at all iff the first unit returns more than it costs, v β α L > 1, i.e. iff "
             f"the vulnerability exceeds v* = 1/(β α L) = {show(v_star)}; here v = {show(v)}"
             + (" > v*, so the state invests." if result.interior else
                " <= v*, so the state invests nothing (" + ("weakly: at v = v* the first unit exactly breaks even"
                                                           if v == v_star else "the first unit does not pay")
                + ").")),
            "For class I the optimal investment rises with the vulnerability; for Gordon & Loeb's class II "
            "(S = v^(α z + 1)) it first rises and then falls, so the most vulnerable information is not "
            "always where security spending pays best.",
        )
        conditions = (
            Condition("investing pays (the first unit returns more than it costs)",
                      sympy.Gt(s["vulnerability"], 1 / (s["shape"] * s["productivity"] * s["loss"])), v_star,
                      bool(result.interior),
                      "The return of the first unit of investment, -S_z(0, v) L = v β α L, must exceed "
                      "its cost 1: below v* the information is not worth protecting at this productivity."),
            Condition("Gordon–Loeb bound: share of the expected loss invested",
                      sympy.Lt(sympy.Symbol("z*") / (s["vulnerability"] * s["loss"]), 1 / sympy.Symbol("e")),
                      None, below,
                      f"The optimal investment is a fraction z*/(v L) of the expected loss, here {show(share)}, "
                      f"always below 1/e: spending more than about 37% of the expected loss never pays."),
        )
        floats = isinstance(alpha, float)
        alphas = sorted({alpha * (float(m) if floats else m) for m in PRODUCTIVITY_MULTIPLES})
        vulnerabilities = sorted({float(x) if floats else x for x in VULNERABILITIES} | {v})
        remedies = (
            Remedy("capacity building: the productivity of security investment", "productivity",
                   "More productive security spending (skills, tools, shared threat intelligence) lowers the "
                   "vulnerability at which investing starts to pay, 1/(β α L), and changes how much is "
                   "spent: z* first rises with α, then falls as each unit does more. Table: productivity -> "
                   "optimal investment z*.",
                   tuple((a, self.optimal_investment(productivity=a)) for a in alphas),
                   column="optimal investment z*"),
            Remedy("hardening: the vulnerability of the information", "vulnerability",
                   "For class I the optimal investment rises with the vulnerability v (and is 0 up to "
                   "v* = 1/(β α L)); lowering v by design lowers what must be spent. Table: "
                   "vulnerability -> optimal investment z*.",
                   tuple((x, self.optimal_investment(vulnerability=x)) for x in vulnerabilities),
                   column="optimal investment z*"),
        )
        summary = (f"A state's agency protects information worth L = {show(L)} against breaches of probability "
                   f"v = {show(v)}; investing z lowers it to v/(α z + 1)^β (Gordon & Loeb 2002, class I).")
        answer = self.game_answer()
        if answer is not None:
            from ._game import one_shot_sentence
            findings += (one_shot_sentence(answer, ("optimum", "optima")),)
        numbers = (("optimal_investment", z), ("share_of_expected_loss", share), ("breach_probability", breach),
                   ("net_benefit", net), ("least_vulnerability", v_star), ("share_cap", cap))
        return ModelAnalysis(self, self.obstacle, summary, findings, conditions, remedies, {"solution": result},
                             game=answer, verdict=self._verdict(), numbers=numbers)
