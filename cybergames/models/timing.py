r"""The timing of cyber conflict: when to use a cyber resource and when to keep it (Axelrod & Iliev 2014).

A state holds a cyber resource, an exploit of a vulnerability in a rival's
systems. Each period the stakes :math:`T` are drawn afresh; using the resource
gains :math:`T`, and it survives its use with probability :math:`S`, its
**stealth**; keeping it gains nothing, and it survives with probability
:math:`P`, its **persistence** (the vulnerability is not found and patched).
With discount factor :math:`w`, the value of holding the resource before the
stakes are drawn solves :math:`V = E\max(T + wSV,\ wPV)`, and the resource is
used iff the stakes reach the **threshold**

.. math:: T^* = w(P - S)V

(Axelrod & Iliev 2014, "The model"). Here the stakes are low, :math:`t_L`, or
high, :math:`t_H > t_L`, the latter with probability :math:`h`.

**Closed forms** (derived here). A policy "use iff :math:`T \ge t`" is worth
:math:`V = G/(1 - wSQ - wP(1 - Q))` with :math:`Q` the probability of using and
:math:`G` the expected stakes when used; so using always is worth
:math:`V_A = \bar T/(1 - wS)` with :math:`\bar T = ht_H + (1 - h)t_L`, and using
only at high stakes :math:`V_H = ht_H/(1 - wSh - wP(1 - h))`. Using at low
stakes is optimal iff :math:`t_L \ge w(P - S)V_A`, which rearranges to

.. math:: t_L(1 - wP) \ge w(P - S)\,h\,(t_H - t_L),

linear in stealth and persistence: the resource is used at once even at low
stakes iff :math:`S \ge S^* = P - t_L(1 - wP)/(wh(t_H - t_L))`, or iff
:math:`P \le P^* = (t_L + wh(t_H - t_L)S)/(w(t_L + h(t_H - t_L)))`.

**Comparative statics** (derived here). Along a fixed policy,

.. math:: \frac{\partial T^*}{\partial S} = -\frac{wG(1 - wP)}{D^2} < 0, \qquad
          \frac{\partial T^*}{\partial P} = \frac{wG(1 - wS)}{D^2} > 0,
          \qquad D = 1 - wSQ - wP(1 - Q),

and :math:`T^*` is continuous where the policy changes, so the threshold falls
with stealth and rises with persistence everywhere: stealthy resources are
used readily, persistent ones are kept for high stakes (Axelrod & Iliev's
central claim). When :math:`S \ge P` waiting never pays and the resource is
used at any stakes.

The numbers come from :func:`cybergames.stochastic.axelrod_iliev` (exact for
exact input; its certificate is the value of every threshold policy, and
:func:`cybergames.verify` re-solves the MDP of :func:`cybergames.stochastic.timing_mdp`).

References
----------
R. Axelrod and R. Iliev, "Timing of cyber conflict", *Proceedings of the
National Academy of Sciences* 111(4), 2014, 1298–1303 (the model: stealth,
persistence, stakes and the threshold).
D. Blackwell, "Discounted dynamic programming", *Annals of Mathematical
Statistics* 36(1), 1965, 226–235 (a stationary policy that attains the
optimality equation is optimal among all policies).
M. L. Puterman, *Markov Decision Processes*, Wiley, 1994, section 6.2.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ..errors import ParameterError
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show
from .deterrence import _fits

__all__ = ["CyberTimingModel"]

#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {name: sympy.Symbol(name, nonnegative=True)
           for name in ("stealth", "persistence", "discount", "stakes_low", "stakes_high", "high_probability")}


@dataclass(frozen=True)
class CyberTimingModel(Model):
    r"""Axelrod and Iliev's timing of the use of a cyber resource, with low or high stakes.

    Parameters are ints or Fractions (exact results) or floats (float
    results); sympy symbols are refused.

    Parameters
    ----------
    stealth : number, default 1/2
        :math:`S \in [0, 1]`, the probability that the resource survives its use.
    persistence : number, default 9/10
        :math:`P \in [0, 1]`, the probability that it survives a period of waiting.
    discount : number, default 9/10
        :math:`w \in [0, 1)`.
    stakes_low, stakes_high : number, default 1 and 4
        :math:`0 \le t_L < t_H`, the stakes of an ordinary and of a high-stakes period.
    high_probability : number, default 1/4
        :math:`h \in (0, 1)`, the probability that a period's stakes are high.

    Raises
    ------
    ParameterError
        If a parameter is not a number or lies outside its range.

    Examples
    --------
    Using only at high stakes is worth :math:`(1/4)(4)/(1 - 9/80 - (81/100)(3/4)) = 25/7`, so
    :math:`T^* = (9/10)(2/5)(25/7) = 9/7`: kept at stakes 1, used at stakes 4.

    >>> model = CyberTimingModel()
    >>> model.value(), model.threshold(), model.uses_at_low_stakes()
    (Fraction(25, 7), Fraction(9, 7), False)
    >>> model.stealth_threshold()
    Fraction(167, 270)
    """

    stealth: Any = Fraction(1, 2)
    persistence: Any = Fraction(9, 10)
    discount: Any = Fraction(9, 10)
    stakes_low: Any = 1
    stakes_high: Any = 4
    high_probability: Any = Fraction(1, 4)

    key: ClassVar[str] = "timing"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "when to use a cyber resource"

    def __post_init__(self) -> None:
        for name in ("stealth", "persistence"):
            check_parameter(self, name, lower=0, upper=1, symbolic=False)
        check_parameter(self, "discount", lower=0, upper=1, upper_open=True, symbolic=False)
        check_parameter(self, "stakes_low", lower=0, symbolic=False)
        check_parameter(self, "stakes_high", lower=0, symbolic=False)
        check_parameter(self, "high_probability", lower=0, upper=1, lower_open=True, upper_open=True,
                        symbolic=False)
        if not self.stakes_high > self.stakes_low:
            raise ParameterError(f"{type(self).__name__}.stakes_high: expected a value > stakes_low "
                                 f"({show(self.stakes_low)}), got {show(self.stakes_high)}")
        self._floats_throughout()

    def solution(self, **changes: Any):
        """:func:`cybergames.stochastic.axelrod_iliev` at the parameters (``changes`` override them)."""
        from ..stochastic import axelrod_iliev

        m = self.replace(**changes) if changes else self
        h = m.high_probability
        return axelrod_iliev(m.stealth, m.persistence, m.discount, {m.stakes_low: 1 - h, m.stakes_high: h})

    def value(self, **changes: Any) -> Any:
        r"""The value :math:`V` of holding the resource before the stakes are drawn."""
        return _numbers.simplify_exact(self.solution(**changes).value)

    def threshold(self, **changes: Any) -> Any:
        r"""The stakes threshold :math:`T^* = w(P - S)V`: use iff the stakes reach it."""
        return _numbers.simplify_exact(self.solution(**changes).threshold)

    def uses_at_low_stakes(self, **changes: Any) -> bool:
        """Whether the resource is used even when the stakes are low (indifference counts as using)."""
        return bool(self.solution(**changes).use[0])

    def stealth_threshold(self) -> Any:
        r""":math:`S^* = P - t_L(1 - wP)/(wh(t_H - t_L))`: used at low stakes iff :math:`S \ge S^*` (None if w = 0)."""
        S, P, w, low, high, h = self._values()
        if w == 0:
            return None
        return _numbers.simplify_exact(P - _numbers.ratio(low * (1 - w * P), w * h * (high - low)))

    def persistence_threshold(self) -> Any:
        r""":math:`P^* = (t_L + wh(t_H - t_L)S)/(w(t_L + h(t_H - t_L)))`: used at low stakes iff :math:`P \le P^*`."""
        S, P, w, low, high, h = self._values()
        if w == 0:
            return None
        return _numbers.simplify_exact(_numbers.ratio(low + w * h * (high - low) * S,
                                                      w * (low + h * (high - low))))

    def threshold_slopes(self) -> tuple:
        r""":math:`(\partial T^*/\partial S, \partial T^*/\partial P)` along the optimal policy (closed form above)."""
        S, P, w, low, high, h = self._values()
        used = [(t, q) for (t, q), u in zip(self.solution().stakes, self.solution().use) if u]
        G = sum((t * q for t, q in used), 0)
        Q = sum((q for _, q in used), 0)
        D = 1 - w * S * Q - w * P * (1 - Q)
        return (_numbers.simplify_exact(_numbers.ratio(-w * G * (1 - w * P), D * D)),
                _numbers.simplify_exact(_numbers.ratio(w * G * (1 - w * S), D * D)))

    def _values(self) -> tuple:
        return (self.stealth, self.persistence, self.discount, self.stakes_low, self.stakes_high,
                self.high_probability)

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""Where the resource is **spent**, used at once even at low stakes: :math:`t_L(1 - wP) \ge w(P - S)h(t_H - t_L)`.

        This is the region of the verdict's "not sustainable": the optimal
        policy uses the resource at any stakes (:meth:`uses_at_low_stakes` is
        True, ties counted as use). Its complement,
        :math:`t_L(1 - wP) < w(P - S)h(t_H - t_L)`, is "sustainable": the
        resource is kept at low stakes and saved for high ones. The figure
        shades this region (spent), not the sustainable one.

        Parameters named in ``free`` stay symbols (default: all); the others take the model's values.

        >>> CyberTimingModel().region_condition(free=["stealth"])
        stealth >= 167/270
        """
        s = SYMBOLS
        region = sympy.Ge(s["stakes_low"] * (1 - s["discount"] * s["persistence"]),
                          s["discount"] * (s["persistence"] - s["stealth"]) * s["high_probability"]
                          * (s["stakes_high"] - s["stakes_low"]))
        return self._region(region, free)

    def game_answer(self) -> Any:
        r"""The decision problem's answer: every optimal policy, certified by the Bellman equation (exact only).

        The holder's problem is a Markov decision problem (its only player is the
        holder). :math:`V`, the best value of the threshold policies, solves the
        Bellman equation :math:`V = E\max(T + wSV,\ wPV)` exactly (checked here),
        so "use iff the stakes reach :math:`T^*`" is optimal among *all* policies,
        history-dependent and randomised ones included (Puterman 1994, section
        6.2: a stationary policy that attains the maximum in the optimality
        equation is optimal; Blackwell 1965). It is the unique optimal policy unless some stakes
        level equals :math:`T^*` exactly, where using and keeping are both optimal.
        None for float parameters.

        Examples
        --------
        >>> answer = CyberTimingModel().game_answer()
        >>> answer.complete, answer.best.value, len(answer.equilibria)
        (True, (Fraction(25, 7),), 1)
        """
        from ._game import ExplicitEquilibrium, one_shot_answer

        if isinstance(self.stealth, float):
            return None
        S, P, w, low, high, h = self._values()
        result = self.solution()
        V, T = self.value(), self.threshold()
        pairs = tuple(result.stakes)
        bellman = sum((q * max(t + w * S * V, w * P * V) for t, q in pairs), 0)
        if bellman != V:                                        # pragma: no cover - the certificate itself
            raise ArithmeticError(f"the Bellman equation fails at V = {V}: {bellman}")
        ties = [t for t, _ in pairs if t + w * S * V == w * P * V]
        policies = [tuple(u for u in result.use)]
        if ties:                                                # a tie: keeping at that level is optimal too
            policies.append(tuple(u and t not in ties for (t, _), u in zip(pairs, result.use)))

        def name(use: tuple) -> str:
            used = [show(t) for (t, _), u in zip(pairs, use) if u]
            kept = [show(t) for (t, _), u in zip(pairs, use) if not u]
            return ("use it at any stakes" if not kept else "keep it at any stakes" if not used else
                    f"keep it at stakes {', '.join(kept)}, use it at {', '.join(used)}")

        found = tuple(ExplicitEquilibrium(name(use), use, None, (V,), None,
                                          "value of the stationary policy, exact arithmetic") for use in policies)
        certificate = (("the only optimal policy" if not ties else
                        f"the optimal policies (stakes {', '.join(show(t) for t in ties)} equal T*: a tie)")
                       + f": V = {show(V)} solves the Bellman equation V = E max(T + wSV, wPV) exactly, so the "
                         f"threshold policy is optimal among all policies (Blackwell 1965; Puterman 1994, section 6.2)")
        use_low = bool(result.use[0])
        S_star = self.stealth_threshold()
        binds = "" if S_star is None else f"; binds: S {'≥' if use_low else '<'} {show(S_star)}"
        verdict = _fits(("not sustainable: optimal policy uses it at any stakes" if use_low else
                         f"sustainable: optimal policy keeps it at {show(low)} < T* = {show(T)}"), binds)
        return one_shot_answer(f"the threshold policy (T* = {show(T)})", found, certificate,
                               "every policy of the holder's decision problem (the Bellman equation certifies "
                               "the optimum)", (V,), verdict)

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """The threshold, where the resource is used now and where it is kept, and how stealth and persistence move it.

        Returns
        -------
        ModelAnalysis
            Conditions: waiting can pay (:math:`P > S`); the resource is kept at
            low stakes (:math:`t_L < T^*`). Remedies (each a table of the
            threshold :math:`T^*`): stealth (the rival's detection of use),
            persistence (the rival's patching), the discount factor.
            ``details``: ``solution`` (the
            :class:`~cybergames.stochastic.CyberTimingResult`, which
            :func:`cybergames.verify` re-checks).
        """
        s = SYMBOLS
        S, P, w, low, high, h = self._values()
        result = self.solution()
        V, T = self.value(), self.threshold()
        always, only_high = (_numbers.simplify_exact(x) for x in result.candidates[:2])
        use_low = bool(result.use[0])
        tie = low == T
        S_star, P_star = self.stealth_threshold(), self.persistence_threshold()
        slope_S, slope_P = self.threshold_slopes()
        use_probability = _numbers.simplify_exact(result.use_probability)
        findings = [
            f"Each period the stakes are t_low = {show(low)} or, with probability h = {show(h)}, "
            f"t_high = {show(high)}. Using the resource gains the stakes and it survives with probability "
            f"S = {show(S)} (stealth); keeping it gains nothing and it survives with probability P = {show(P)} "
            f"(persistence); future periods are discounted by w = {show(w)} (Axelrod & Iliev 2014).",
            f"Holding the resource is worth V = {show(V)}, the best of using it always ({show(always)}), only at "
            f"high stakes ({show(only_high)}) and never (0). It is used iff the stakes reach the threshold "
            f"T* = w(P - S)V = {show(T)}: "
            + (f"used now at any stakes (probability of use {show(use_probability)} per period)"
               + (" — weakly: at low stakes using and keeping are worth the same." if tie else ".")
               if use_low else
               f"used now at high stakes ({show(high)} >= T*) and kept at low stakes ({show(low)} < T*), so "
               f"it is used with probability {show(use_probability)} per period."),
            (f"Using it at low stakes is optimal iff t_low (1 - wP) >= w (P - S) h (t_high - t_low): iff "
             f"stealth S >= S* = {show(S_star)}, or iff persistence P <= P* = {show(P_star)} at this stealth."
             if S_star is not None else "With w = 0 the future does not count: the resource is used at once."),
            (f"Stealth lowers the threshold (dT*/dS = {show(slope_S)}) and persistence raises it "
             f"(dT*/dP = {show(slope_P)}): a stealthy resource is used readily, a persistent one is kept for "
             f"high stakes; a resource that survives use better than waiting (S >= P) is used at any stakes."),
        ]
        conditions = (
            Condition("waiting can pay: the resource survives waiting better than use",
                      sympy.Gt(s["persistence"], s["stealth"]), None, bool(P > S),
                      f"If S >= P, keeping the resource risks it as much as using it and the threshold "
                      f"w(P - S)V is not positive: use at any stakes. Here P = {show(P)}, S = {show(S)}."),
            Condition("the resource is kept at low stakes (used only when the stakes are high)",
                      sympy.Lt(s["stakes_low"], sympy.Symbol("T*")), T, not use_low,
                      f"The low stakes t_low = {show(low)} against the threshold T* = {show(T)}"
                      + (" (weakly: a tie, counted as use)." if tie else ".")),
        )
        floats = isinstance(S, float)

        def grid(values: Iterable[Any], own: Any) -> list:
            return sorted({float(x) if floats else x for x in values} | {own})

        remedies = (
            Remedy("the rival detects use (lower stealth)", "stealth",
                   "A rival that notices when the resource is used lowers its stealth; the threshold rises, so "
                   "the resource is saved for higher stakes and used more rarely. Table: S -> T*.",
                   tuple((x, self.threshold(stealth=x))
                         for x in grid((0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1), S)),
                   column="threshold T*"),
            Remedy("the rival patches sooner (lower persistence)", "persistence",
                   "Finding and patching vulnerabilities sooner lowers persistence; the threshold falls, so the "
                   "resource is used sooner, at lower stakes, before it is lost. Table: P -> T*.",
                   tuple((x, self.threshold(persistence=x))
                         for x in grid((Fraction(1, 2), Fraction(7, 10), Fraction(4, 5), 1), P)),
                   column="threshold T*"),
            Remedy("patience (the discount factor)", "discount",
                   "A more patient holder values the future uses of a persistent resource more and waits for "
                   "higher stakes. Table: w -> T*.",
                   tuple((x, self.threshold(discount=x))
                         for x in grid((Fraction(1, 2), Fraction(3, 4), Fraction(19, 20)), w)),
                   column="threshold T*"),
        )
        summary = (f"A state holds a cyber resource of stealth S = {show(S)} and persistence P = {show(P)}; each "
                   f"period's stakes are {show(low)} or, with probability {show(h)}, {show(high)} "
                   f"(Axelrod & Iliev 2014).")
        binds = "" if S_star is None else f"; binds: S {'≥' if use_low else '<'} {show(S_star)}"
        verdict = _fits(f"not sustainable: optimal policy uses it at any stakes{' (weakly)' if tie else ''} "
                        f"(T* = {show(T)})" if use_low else
                        f"sustainable: optimal policy keeps it at {show(low)} < T* = {show(T)}", binds)
        answer = self.game_answer()
        if answer is not None:
            from ._game import one_shot_sentence
            findings.append(one_shot_sentence(answer, ("optimal policy", "optimal policies")))
        numbers = (("value", V), ("threshold", T), ("use_probability", use_probability),
                   ("value_use_always", always), ("value_use_at_high_stakes", only_high),
                   *((("stealth_threshold", S_star), ("persistence_threshold", P_star))
                     if S_star is not None else ()),
                   ("d_threshold_d_stealth", slope_S), ("d_threshold_d_persistence", slope_P))
        return ModelAnalysis(self, self.obstacle, summary, tuple(findings), conditions, remedies,
                             {"solution": result}, game=answer, verdict=verdict, numbers=numbers)
