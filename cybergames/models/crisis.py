r"""Crisis bargaining over an agreement: why states that would both prefer a deal may still fight (Fearon 1995).

The "international agreements" remedy assumes that states in a cyber crisis
can find terms both prefer to escalation. Fearon (1995) shows that they always
can when conflict is costly, and that what stands in the way is private
information (or commitment problems, or indivisible stakes). Two states, A and
B, dispute a good of value one (A's share is :math:`x`). Escalation is a
costly lottery: A prevails with probability :math:`p`, and it costs the states
:math:`c_A` and :math:`c_B`. A split :math:`x` is better than conflict for both iff

.. math:: p - c_A \le x \le p + c_B,

the *bargaining range*, of width :math:`c_A + c_B > 0` whenever conflict is
costly. With complete information there is always an agreement.

**Private information.** B knows its cost :math:`c_B`; A believes it uniform on
:math:`[\underline c, \overline c]` and makes a take-it-or-leave-it demand. B
accepts iff :math:`c_B \ge x - p`. A's expected utility is
:math:`(1 - F(x - p))\,x + F(x - p)(p - c_A)`, concave in :math:`x` on
:math:`[p + \underline c, p + \overline c]`, and the first-order condition gives
the *risk–return trade-off*:

.. math:: x^* = p + \frac{\overline c - c_A}{2}
          \ \text{clipped to}\ [p + \underline c,\ \min(p + \overline c, 1)],
          \qquad
          \Pr(\text{war}) = \frac{x^* - p - \underline c}{\overline c - \underline c}.

Conflict happens with positive probability iff :math:`\overline c - c_A > 2\underline c`
(and :math:`p + \underline c < 1`): A demands more than the toughest type of
B accepts because the extra share from the others outweighs the risk.

The numbers come from :func:`cybergames.bargaining.bargaining_range` and
:func:`cybergames.bargaining.crisis_offer` (exact for exact input; the offer
carries the expected utility of every candidate demand as its certificate).

References
----------
J. D. Fearon, "Rationalist explanations for war", *International
Organization* 49(3), 1995, 379–414 (the bargaining range: the section "When will there exist bargains both
sides prefer to war?"; private information and the risk–return trade-off: "War due
to private information and incentives to misrepresent").
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ..errors import ParameterError
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show

__all__ = ["CrisisBargainingModel"]

#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {name: sympy.Symbol(name, nonnegative=True)
           for name in ("p", "cost_a", "cost_b_low", "cost_b_high")}


@dataclass(frozen=True)
class CrisisBargainingModel(Model):
    r"""Fearon's crisis bargaining: the bargaining range, and the risk of conflict under private costs.

    Parameters are ints or Fractions (exact results) or floats (float
    results); sympy symbols are refused.

    Parameters
    ----------
    p : number, default 1/2
        :math:`p \in [0, 1]`, the probability that A prevails in a conflict.
    cost_a : number, default 1/10
        :math:`c_A \ge 0`, A's cost of conflict (in units of the disputed good).
    cost_b_low, cost_b_high : number, default 0 and 1/2
        B's cost is uniform on :math:`[\underline c, \overline c]`, known to B only
        (:math:`0 \le \underline c \le \overline c`; equal bounds: complete information).

    Raises
    ------
    ParameterError
        If a parameter is not a number or lies outside its range.

    Examples
    --------
    A demands :math:`1/2 + (1/2 - 1/10)/2 = 7/10`, refused with probability :math:`(1/5)/(1/2)`:

    >>> model = CrisisBargainingModel()
    >>> model.demand(), model.war_probability()
    (Fraction(7, 10), Fraction(2, 5))
    """

    p: Any = Fraction(1, 2)
    cost_a: Any = Fraction(1, 10)
    cost_b_low: Any = 0
    cost_b_high: Any = Fraction(1, 2)

    key: ClassVar[str] = "crisis"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "crisis bargaining over an agreement"

    def __post_init__(self) -> None:
        check_parameter(self, "p", lower=0, upper=1, symbolic=False)
        for name in ("cost_a", "cost_b_low", "cost_b_high"):
            check_parameter(self, name, lower=0, symbolic=False)
        if self.cost_b_high < self.cost_b_low:
            raise ParameterError(f"{type(self).__name__}.cost_b_high: expected a value >= cost_b_low "
                                 f"({show(self.cost_b_low)}), got {show(self.cost_b_high)}")
        self._floats_throughout()

    def offer(self, **changes: Any):
        """:func:`cybergames.bargaining.crisis_offer` at the parameters (``changes`` override them)."""
        from ..bargaining import crisis_offer

        m = self.replace(**changes) if changes else self
        return crisis_offer(m.p, m.cost_a, (m.cost_b_low, m.cost_b_high))

    def demand(self, **changes: Any) -> Any:
        """A's optimal demand :math:`x^*`."""
        return _numbers.simplify_exact(self.offer(**changes).demand)

    def war_probability(self, **changes: Any) -> Any:
        """The probability that B refuses A's optimal demand and the crisis escalates."""
        return _numbers.simplify_exact(self.offer(**changes).war_probability)

    def bargaining_range(self, cost_b: Any = None):
        """The bargaining range against a B of cost ``cost_b`` (default its lowest, the toughest type)."""
        from ..bargaining import bargaining_range

        return bargaining_range(self.p, self.cost_a, self.cost_b_low if cost_b is None else cost_b)

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""No risk of conflict: :math:`\overline c \le c_A + 2\underline c` or :math:`p + \underline c \ge 1`.

        Parameters named in ``free`` stay symbols (default: all); the others take the model's values.

        >>> CrisisBargainingModel().region_condition(free=["cost_a"])
        cost_a >= 1/2
        """
        s = SYMBOLS
        region = sympy.Or(sympy.Le(s["cost_b_high"], s["cost_a"] + 2 * s["cost_b_low"]),
                          sympy.Ge(s["p"] + s["cost_b_low"], 1))
        return self._region(region, free)

    def payoffs(self, demand: Any) -> tuple:
        r"""(A's, B's) expected utilities when A demands ``demand`` and B accepts iff :math:`x \le p + c_B`.

        With :math:`a = x - p` clipped to :math:`[c_{low}, c_{high}]`, B accepts with
        probability :math:`(c_{high} - a)/(c_{high} - c_{low})` and gets :math:`1 - x`; a
        refusing type gets :math:`1 - p - c_B`, so B expects
        :math:`[(c_{high} - a)(1 - x) + (1 - p)(a - c_{low}) - (a^2 - c_{low}^2)/2]/(c_{high} - c_{low})`.

        >>> CrisisBargainingModel().payoffs(Fraction(7, 10))
        (Fraction(29, 50), Fraction(17, 50))
        """
        p, c_a, low, high = self.p, self.cost_a, self.cost_b_low, self.cost_b_high
        x = demand
        if high == low:
            accept = x - p <= low
            return (_numbers.simplify_exact(x if accept else p - c_a),
                    _numbers.simplify_exact(1 - x if accept else 1 - p - low))
        a = min(max(x - p, low), high)
        spread = high - low
        chance = (high - a) / spread
        a_value = chance * x + (1 - chance) * (p - c_a)
        b_value = ((high - a) * (1 - x) + (1 - p) * (a - low) - (a * a - low * low) / 2) / spread
        return _numbers.simplify_exact(a_value), _numbers.simplify_exact(b_value)

    def game_answer(self) -> Any:
        r"""The game's answer: its perfect Bayesian equilibrium, unique up to B's ties (exact parameters only).

        B's best reply to a demand :math:`x` is to accept iff :math:`x \le p + c_B`
        (types that are indifferent have probability zero), and A's expected
        utility is strictly concave in :math:`x` on :math:`[p + c_{low}, p + c_{high}]`
        (a quadratic with leading coefficient :math:`-1/(c_{high} - c_{low})`),
        increasing below and constant above, so A's best demand is unique. None
        for float parameters.

        Examples
        --------
        >>> CrisisBargainingModel().game_answer().best.value
        (Fraction(29, 50), Fraction(17, 50))
        """
        from ._game import ExplicitEquilibrium, one_shot_answer

        if isinstance(self.p, float):
            return None
        x, war = self.demand(), self.war_probability()
        found = ExplicitEquilibrium(f"A demands x* = {show(x)} and B accepts iff x* ≤ p + c_B (refused with "
                                    f"probability {show(war)})", (x,), None, self.payoffs(x), None,
                                    "B's best reply and A's best demand against it, exact arithmetic")
        certificate = ("unique up to B's ties (a probability-zero set of types): B's best reply is to accept iff "
                       "x ≤ p + c_B, and A's expected utility against it is strictly concave on the types' "
                       "acceptance range, increasing below it and constant above, where it is lower since "
                       "c_A + c_high > 0")
        if self.cost_a + self.cost_b_high == 0:               # conflict costless: every refused demand ties
            certificate = ("one of a continuum: with c_A = c_high = 0 every demand that B refuses is worth the same "
                           "to A")
        return one_shot_answer(f"the take-it-or-leave-it equilibrium (x* = {show(x)})", (found,), certificate,
                               "every perfect Bayesian equilibrium (B's types accept or refuse; A demands)",
                               self.payoffs(x), self._verdict())

    def _verdict(self) -> str:
        """The one-line verdict: the equilibrium demand, the risk of conflict, and the condition that binds."""
        from .deterrence import VERDICT_WIDTH
        x, war = self.demand(), self.war_probability()
        binds = (f"; binds: c_high ≤ {show(_numbers.simplify_exact(self.cost_a + 2 * self.cost_b_low))}"
                 if self.p + self.cost_b_low < 1 else "")
        head = (f"not sustainable: demand {show(x)} refused w.p. {show(war)} (unique eq.)" if war != 0 else
                f"sustainable: demand {show(x)} accepted by every type (unique eq.)")
        return head + binds if len(head + binds) < VERDICT_WIDTH else head

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """The bargaining range, A's optimal demand, the risk of conflict, and what shrinks it.

        Returns
        -------
        ModelAnalysis
            Conditions: an agreement both prefer exists (complete information);
            no risk of conflict under private information. Remedies: B's
            uncertainty (transparency) and A's cost of conflict. ``details``:
            ``offer`` (the :class:`~cybergames.bargaining.CrisisOffer`) and
            ``range`` (against B's toughest type).
        """
        s = SYMBOLS
        p, c_a, low, high = self.p, self.cost_a, self.cost_b_low, self.cost_b_high
        offer, window = self.offer(), self.bargaining_range()
        x, war = self.demand(), self.war_probability()
        eu = _numbers.simplify_exact(offer.expected_utility)
        lower, upper = (_numbers.simplify_exact(v) for v in (window.lower, window.upper))
        width = _numbers.simplify_exact(c_a + low)
        costly = width > 0
        findings = [
            f"Conflict is a costly lottery: A prevails with probability p = {show(p)} and pays c_A = {show(c_a)}; "
            f"B pays c_B. Every split x with p - c_A <= x <= p + c_B is better than conflict for both (Fearon "
            f"1995): against B's toughest type (c_B = {show(low)}) A's share may lie anywhere in "
            f"[{show(lower)}, {show(upper)}]"
            + (", so with complete information the states always have an agreement."
               if costly else ", a single point: conflict is costless to both, and they are indifferent."),
        ]
        if high == low:
            findings.append(f"B's cost is known, so A demands p + c_B = {show(x)} and B accepts: no conflict.")
        else:
            findings.append(
                f"B's cost is private, uniform on [{show(low)}, {show(high)}]. A's best take-it-or-leave-it demand "
                f"trades the share it gets from the types that accept against the risk that tough types refuse: "
                f"x* = p + (c_high - c_A)/2, clipped to the types' acceptance range, = {show(x)}; it is refused, "
                f"and the crisis escalates, with probability {show(war)} (A's expected utility {show(eu)}).")
            findings.append(
                "The risk of conflict is positive iff c_high - c_A > 2 c_low (and p + c_low < 1): rational states "
                "fight with positive probability although an agreement both prefer always exists, because each "
                "has an incentive to misrepresent its resolve."
                + (" Here it is exactly zero at the boundary: A is indifferent (weakly)."
                   if high - c_a == 2 * low and p + low < 1 else ""))
        threshold = _numbers.simplify_exact(c_a + 2 * low)
        conditions = (
            Condition("an agreement both prefer exists (complete information)",
                      sympy.Gt(s["cost_a"] + s["cost_b_low"], 0), None, costly,
                      f"The bargaining range [p - c_A, p + c_B] has width c_A + c_B, here at least "
                      f"{show(width)}: any cost of conflict opens it."),
            Condition("no risk of conflict under private information",
                      sympy.Le(s["cost_b_high"], s["cost_a"] + 2 * s["cost_b_low"]),
                      threshold if p + low < 1 else None, war == 0,
                      f"A's optimal demand is accepted by every type of B iff the uncertainty about B's cost is "
                      f"small against A's own cost: c_high <= c_A + 2 c_low (or p + c_low >= 1, when even the "
                      f"whole good is accepted). Here conflict breaks out with probability {show(war)}."),
        )
        floats = isinstance(p, float)
        scale = [float(m) if floats else m for m in (0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1)]
        highs = sorted({low + (high - low) * m for m in scale} | {high})
        costs = sorted({c * (float(m) if floats else m) for c in (max(high, c_a),)
                        for m in (0, Fraction(1, 4), Fraction(1, 2), 1, 2)} | {c_a})
        remedies = (
            Remedy("transparency: narrowing the uncertainty about B's cost", "cost_b_high",
                   "Confidence-building and verification narrow what A does not know about B's resolve; the "
                   "less uncertainty, the smaller A's gamble and the rarer conflict. Table: the highest cost A "
                   "thinks B may have -> probability of conflict.",
                   tuple((h, self.war_probability(cost_b_high=h)) for h in highs),
                   column="probability of conflict"),
            Remedy("raising A's cost of conflict", "cost_a",
                   "A costlier conflict (interdependence, collateral damage, norms against escalation) makes A "
                   "demand less and risk less. Table: A's cost -> probability of conflict.",
                   tuple((c, self.war_probability(cost_a=c)) for c in costs),
                   column="probability of conflict"),
        )
        summary = (f"Two states bargain over a disputed good; conflict is a lottery A wins with probability "
                   f"p = {show(p)}, costing A c_A = {show(c_a)} and B a cost known only to B, uniform on "
                   f"[{show(low)}, {show(high)}] (Fearon 1995).")
        answer = self.game_answer()
        if answer is not None:
            from ._game import one_shot_sentence
            findings.append(one_shot_sentence(answer))
        numbers = (("demand", x), ("conflict_probability", war), ("expected_utility_a", eu),
                   ("bargaining_range_lower", lower), ("bargaining_range_upper", upper),
                   *((("expected_utility_b", answer.best.value[1]),) if answer is not None else ()))
        return ModelAnalysis(self, self.obstacle, summary, tuple(findings), conditions, remedies,
                             {"offer": offer, "range": window}, game=answer, verdict=self._verdict(),
                             numbers=numbers)
