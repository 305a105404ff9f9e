r"""Interdependent security: each state's protection is worth less when its partner's networks stay open.

Two states (or operators of connected infrastructure) each decide whether to
invest :math:`c` in protection. An unprotected state suffers a loss :math:`L`
directly with probability :math:`p`; an unprotected partner passes the loss on
by contagion with probability :math:`q`, which one's own protection does not
stop; the loss happens at most once. Expected payoffs of the row state
(Kunreuther and Heal 2003):

.. math::

    \begin{array}{c|cc}
     & \text{invest} & \text{not} \\ \hline
    \text{invest} & -c & -c - qL \\
    \text{not} & -pL & -pL - (1 - p) qL
    \end{array}

Investing answers an investing partner iff :math:`c \le pL`, and a
non-investing one iff :math:`c \le p(1 - q)L`. So (invest, invest) is an
equilibrium iff :math:`c \le pL`, (not, not) iff :math:`c \ge p(1 - q)L`, and
for :math:`p(1 - q)L < c < pL` both are, with a mixed equilibrium in which
each invests with probability :math:`y^* = (c - p(1 - q)L)/(pqL)`: the
*tipping point*, the partner's investment probability above which investing
pays. Contagion :math:`q` is what makes security interdependent: a partner
that does not invest lowers the value of one's own investment by :math:`pqL`.

Between the two equilibria, (invest, invest) risk-dominates (Harsanyi and
Selten 1988) iff its deviation loss :math:`pL - c` exceeds that of
(not, not), :math:`c - p(1 - q)L`, i.e. iff :math:`c < pL(1 - q/2)`.
(invest, invest) maximises the pair's expected payoff iff
:math:`c \le pL + (1 - p)qL`: for :math:`pL < c \le pL + (1 - p)qL` investing
is efficient but no equilibrium, because each ignores the contagion it
imposes on the other.

The equilibria come from :func:`cybergames.security.interdependent_security`
(the library's :func:`~cybergames.equilibria.nash_equilibria` of the 2x2 game)
and the selection from :func:`~cybergames.equilibria.risk_dominant`.

References
----------
H. Kunreuther and G. Heal, "Interdependent security", *Journal of Risk and
Uncertainty* 26(2/3), 2003, 231–249.
J. C. Harsanyi and R. Selten, *A General Theory of Equilibrium Selection in
Games*, MIT Press, 1988 (risk dominance).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show
from ._game import one_shot_sentence
from .deterrence import VERDICT_WIDTH

__all__ = ["InterdependentSecurityModel"]

#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {"direct_risk": sympy.Symbol("direct_risk", nonnegative=True),
           "contagion": sympy.Symbol("contagion", nonnegative=True),
           "loss": sympy.Symbol("loss", positive=True), "cost": sympy.Symbol("cost", nonnegative=True)}

#: Contagion probabilities shown in the remedy table (besides the model's own).
CONTAGIONS = (0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1)
#: Subsidies, as shares of the cost, shown in the remedy table.
SUBSIDY_SHARES = (0, Fraction(1, 10), Fraction(1, 4), Fraction(1, 2))


@dataclass(frozen=True)
class InterdependentSecurityModel(Model):
    r"""Kunreuther and Heal's two-state interdependent security game.

    Parameters may be ints or Fractions (exact results) or floats (float
    results); sympy symbols are refused.

    Parameters
    ----------
    direct_risk : number, default 1/5
        :math:`p \in [0, 1]`, the probability of a direct loss to an unprotected state.
    contagion : number, default 1/2
        :math:`q \in [0, 1]`, the probability that an unprotected partner passes the loss on.
    loss : number, default 100
        :math:`L > 0`, the loss.
    cost : number, default 14
        :math:`c \ge 0`, the cost of protection.

    Raises
    ------
    ParameterError
        If a parameter is not a number or lies outside its range.

    Examples
    --------
    :math:`pL = 20` and :math:`p(1 - q)L = 10`, so :math:`c = 14` lies between: both pure
    profiles are equilibria and investing pays once the partner invests with probability
    :math:`(14 - 10)/10 = 2/5`.

    >>> model = InterdependentSecurityModel()
    >>> model.tipping_point(), model.selection_threshold()
    (Fraction(2, 5), 15)
    """

    direct_risk: Any = Fraction(1, 5)
    contagion: Any = Fraction(1, 2)
    loss: Any = 100
    cost: Any = 14

    key: ClassVar[str] = "interdependence"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "interdependent security"

    def __post_init__(self) -> None:
        for name in ("direct_risk", "contagion"):
            check_parameter(self, name, lower=0, upper=1, symbolic=False)
        check_parameter(self, "loss", lower=0, lower_open=True, symbolic=False)
        check_parameter(self, "cost", lower=0, symbolic=False)
        self._floats_throughout()

    def solution(self, **changes: Any):
        """:func:`cybergames.security.interdependent_security` at the parameters (``changes`` override them)."""
        from ..security import interdependent_security

        m = self.replace(**changes) if changes else self
        return interdependent_security(m.direct_risk, m.contagion, m.loss, m.cost)

    def _value(self, name: str, **changes: Any) -> Any:
        return {**self.parameters(), **changes}[name]

    def invest_threshold(self, **changes: Any) -> Any:
        """:math:`pL`: (invest, invest) is an equilibrium iff :math:`c \\le pL`."""
        p = {**self.parameters(), **changes}
        return _numbers.simplify_exact(p["direct_risk"] * p["loss"])

    def dominance_threshold(self, **changes: Any) -> Any:
        """:math:`p(1 - q)L`: investing is dominant iff :math:`c \\le p(1 - q)L`."""
        p = {**self.parameters(), **changes}
        return _numbers.simplify_exact(p["direct_risk"] * (1 - p["contagion"]) * p["loss"])

    def selection_threshold(self, **changes: Any) -> Any:
        """:math:`pL(1 - q/2)`: (invest, invest) risk-dominates (not, not) iff :math:`c < pL(1 - q/2)`."""
        p = {**self.parameters(), **changes}
        return _numbers.simplify_exact(p["direct_risk"] * p["loss"] * (1 - _numbers.ratio(p["contagion"], 2)))

    def efficiency_threshold(self, **changes: Any) -> Any:
        """:math:`pL + (1 - p)qL`: (invest, invest) maximises the pair's payoff iff :math:`c` is at most this."""
        p = {**self.parameters(), **changes}
        return _numbers.simplify_exact(p["direct_risk"] * p["loss"]
                                       + (1 - p["direct_risk"]) * p["contagion"] * p["loss"])

    def tipping_point(self, **changes: Any) -> Any:
        r"""The partner's investment probability :math:`y^*` above which investing is a best reply.

        :math:`y^* = (c - p(1 - q)L)/(pqL)` between the thresholds, 0 when investing is
        dominant (:math:`c \le p(1 - q)L`) and 1 when it answers nothing better than not
        investing (:math:`c \ge pL`; at :math:`c = pL` only a sure partner makes it weakly pay).
        """
        c = self._value("cost", **changes)
        low, high = self.dominance_threshold(**changes), self.invest_threshold(**changes)
        floats = isinstance(c, float)
        if c <= low:
            return 0.0 if floats else 0
        if c >= high:
            return 1.0 if floats else 1
        return _numbers.simplify_exact(_numbers.ratio(c - low, high - low))

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""Where investment is selected: :math:`c \le pL \wedge c < pL(1 - q/2)`, in the parameter symbols.

        Parameters named in ``free`` stay symbols (default: all); the others take the model's values.

        >>> InterdependentSecurityModel().region_condition(free=["cost"])
        cost < 15
        """
        s = SYMBOLS
        p, q, L, c = s["direct_risk"], s["contagion"], s["loss"], s["cost"]
        region = sympy.And(sympy.Le(c, p * L), sympy.Lt(c, p * L * (1 - q / 2)))
        return self._region(region, free)

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """The equilibria, the tipping point, the selection between the equilibria and what moves them.

        Returns
        -------
        ModelAnalysis
            Conditions: (invest, invest) is an equilibrium (:math:`c \\le pL`, a
            condition for that profile); investment is selected (risk dominance,
            or the only equilibrium). Remedies: a subsidy for protection, and
            containing contagion. ``details``: ``solution`` (the
            :class:`~cybergames.security.InterdependentSecurity`),
            ``risk_dominance`` (when both pure profiles are strict equilibria).
        """
        from ..equilibria import risk_dominant

        s = SYMBOLS
        p, q, L, c = self.direct_risk, self.contagion, self.loss, self.cost
        result = self.solution()
        high, low = self.invest_threshold(), self.dominance_threshold()
        select, efficient, y = self.selection_threshold(), self.efficiency_threshold(), self.tipping_point()
        details: dict[str, Any] = {"solution": result}
        pure = sorted(eq.profile for eq in result.equilibria if eq.is_pure)
        if low < c < high:
            dominance = risk_dominant(result.game)
            details["risk_dominance"] = dominance
            selected = dominance.selected == ("invest", "invest")
            tie = dominance.selected is None
        else:
            selected, tie = bool(c < high), False
        if c < low:
            regime = (f"With c = {show(c)} < p(1 - q)L investing is strictly dominant: (invest, invest) is the only "
                      f"equilibrium.")
        elif c > high:
            regime = (f"With c = {show(c)} > pL not investing is strictly dominant: (not, not) is the only "
                      f"equilibrium, worth -pL - (1 - p)qL = {show(-high - (1 - p) * q * L)} to each.")
        elif low < c < high:
            regime = (f"With c = {show(c)} between the two the game is a coordination game: (invest, invest) and "
                      f"(not, not) are both equilibria, and in a mixed one each invests with probability "
                      f"y* = (c - p(1 - q)L)/(pqL) = {show(y)}. That is the tipping point: investing pays once the "
                      f"partner invests with probability at least {show(y)}.")
        else:
            regime = (f"With c = {show(c)} at a threshold a state is indifferent against one of the partner's "
                      f"actions (a knife edge): the equilibria are "
                      f"{', '.join('(' + ', '.join(e) + ')' for e in pure)}, some of them only weakly.")
        findings = (
            f"A state that does not protect itself loses L = {show(L)} directly with probability p = {show(p)}; "
            f"an unprotected partner passes the loss on with probability q = {show(q)}, whatever one's own "
            f"protection (Kunreuther & Heal 2003). Investing c answers an investing partner iff c <= pL = "
            f"{show(high)} and a non-investing one iff c <= p(1 - q)L = {show(low)}.",
            regime,
            f"Contagion makes security interdependent: a partner that does not invest lowers the value of one's "
            f"own investment by pqL = {show(_numbers.simplify_exact(high - low))}. Without contagion (q = 0) the two "
            f"thresholds coincide and each state's choice is independent of the other's.",
            f"One state committing to invest (by regulation, a subsidy or leadership) makes investing the "
            f"other's best reply iff c <= pL: it tips the pair from (not, not) to (invest, invest)"
            + (" at these parameters." if c <= high else f", which fails here (c = {show(c)} > pL)."),
            f"Between the equilibria, (invest, invest) risk-dominates iff its deviation loss pL - c exceeds that "
            f"of (not, not), c - p(1 - q)L, i.e. iff c < pL(1 - q/2) = {show(select)} (Harsanyi & Selten 1988)"
            + ("; here the two are exactly tied, so neither is selected." if tie else "."),
            f"Both investing maximises the pair's expected payoff iff c <= pL + (1 - p)qL = {show(efficient)}"
            + (f"; at c = {show(c)} > pL investing is efficient but no equilibrium: each state ignores the "
               f"contagion it imposes on the other." if high < c <= efficient else "."),
        )
        conditions = (
            Condition("both invest: an equilibrium (condition for the profile (invest, invest))",
                      sympy.Le(s["cost"], s["direct_risk"] * s["loss"]), high, bool(c <= high),
                      "Protection must pay against a protected partner: its cost c at most the direct expected "
                      "loss pL it averts."),
            Condition("investment selected: (invest, invest) risk-dominates or is the only equilibrium",
                      sympy.Lt(s["cost"], s["direct_risk"] * s["loss"] * (1 - s["contagion"] / 2)), select,
                      bool(selected),
                      "With both equilibria, states that are unsure of each other coordinate on the one with the "
                      "larger deviation loss (risk dominance): investing needs c < pL(1 - q/2)."),
        )
        floats = isinstance(c, float)
        shares = [float(x) for x in SUBSIDY_SHARES] if floats else list(SUBSIDY_SHARES)
        contagions = sorted({float(x) if floats else x for x in CONTAGIONS} | {q})
        remedies = (
            Remedy("a subsidy for protection", "cost",
                   "Paying part of the cost of protection (capacity building, cyber-insurance discounts) lowers "
                   "the tipping point y*; below p(1 - q)L investing is dominant. Table: cost after the subsidy "
                   "-> tipping point y* (the partner's investment probability above which investing pays).",
                   tuple((_numbers.simplify_exact(c * (1 - x)), self.tipping_point(cost=c * (1 - x)))
                         for x in shares),
                   column="tipping point y*"),
            Remedy("containing contagion", "contagion",
                   "Segmenting networks and sharing indicators lowers the contagion q; the dominance threshold "
                   "p(1 - q)L rises towards pL, so fewer costs leave states in the coordination trap. Table: "
                   "contagion -> tipping point y*.",
                   tuple((x, self.tipping_point(contagion=x)) for x in contagions),
                   column="tipping point y*"),
        )
        n_eq = len(result.equilibria)
        verdict = self._verdict(selected, tie, n_eq)
        answer = self.game_answer(verdict)
        findings += (one_shot_sentence(answer),) if answer is not None else ()
        numbers = (("invest_threshold", high), ("dominance_threshold", low), ("selection_threshold", select),
                   ("efficiency_threshold", efficient), ("tipping_point", y), ("equilibria", n_eq))
        summary = (f"Two states each invest c = {show(c)} in protection or not; an unprotected state is breached "
                   f"directly with probability p = {show(p)} and infects its partner with probability "
                   f"q = {show(q)} (Kunreuther & Heal 2003).")
        return ModelAnalysis(self, self.obstacle, summary, findings, conditions, remedies, details, game=answer,
                             verdict=verdict, numbers=numbers)

    def _verdict(self, selected: bool, tie: bool, count: int) -> str:
        """The one-line verdict: which equilibrium the states coordinate on, and the condition that binds."""
        binds = f"; binds: c < pL(1 − q/2) = {show(self.selection_threshold())}"
        if tie:
            head = "undecided: (invest, invest) and (not, not) tie in risk dominance"
        elif selected:
            head = ("sustainable: (invest, invest) risk-dominates" if count > 1 else
                    "sustainable: (invest, invest) is the only equilibrium")
        else:
            head = ("not sustainable: (not, not) risk-dominates" if count > 1 else
                    "not sustainable: (not, not) is the only equilibrium")
        return head + binds if len(head + binds) < VERDICT_WIDTH else head

    def game_answer(self, verdict: str = "") -> Any:
        r"""The game's answer: every Nash equilibrium of the two-state game with its payoffs (exact only).

        The stage game is a 2×2 game whose equilibria
        :func:`~cybergames.equilibria.nash_equilibria` enumerates completely and
        exactly (vertex enumeration, re-solved exactly), mixed ones included.
        None for float parameters or when the enumeration is not certified complete.

        Examples
        --------
        >>> answer = InterdependentSecurityModel().game_answer()
        >>> [e.value for e in answer.equilibria]
        [(-14, -14), (-60, -60), (-44, -44)]
        """
        from ._game import ExplicitEquilibrium, one_shot_answer

        if isinstance(self.cost, float):
            return None
        found = self.solution().equilibria
        if not getattr(found, "complete", False):
            return None

        def name(eq: Any) -> str:
            if eq.is_pure:
                return f"({', '.join(eq.profile)})"
            chances = [show(_numbers.simplify_exact(m[0])) for m in eq.strategies]
            return ("each invests with probability " + chances[0] if len(set(chances)) == 1 else
                    "state 1 invests with probability " + chances[0] + ", state 2 with " + chances[1])

        listed = tuple(ExplicitEquilibrium(name(eq), tuple(tuple(m) for m in eq.strategies), None,
                                           tuple(_numbers.simplify_exact(v) for v in eq.payoffs), None,
                                           f"{found.method}: no player gains by deviating, exact arithmetic")
                       for eq in found)
        certificate = (f"every Nash equilibrium, mixed ones included: {found.method} of the 2×2 game, complete"
                       + (" (a degenerate game: extreme points of components listed)" if found.degenerate else ""))
        cooperation = next((e.value for e in listed if e.name == "(invest, invest)"), listed[0].value)
        return one_shot_answer("(invest, invest)", listed, certificate, "every Nash equilibrium (complete)",
                               cooperation, verdict)
