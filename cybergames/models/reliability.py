r"""Who provides security when capacities differ: total effort, weakest link and best shot (after Varian 2004).

Technological disparities matter differently depending on how the states'
efforts combine into the security of a shared system. Varian (2004)
distinguishes three technologies: the *total effort* (security is the sum of
efforts), the *weakest link* (the minimum) and the *best shot* (the maximum).
Two states with values :math:`v_i` of a secure system and unit costs
:math:`c_i` of effort earn :math:`u_i = v_i P(G) - c_i x_i`, with the concave
reliability :math:`P(G) = G(2 - G)` up to :math:`G = 1` (a choice made here so
that every answer is rational; the closed forms are derived in
:func:`cybergames.security.reliability_games`). The *cost–benefit ratio*
:math:`r_i = c_i/v_i` measures a state's capacity (lower: more capable); alone it
would choose :math:`x_i^* = \max(0, 1 - r_i/2)`.

* Total effort: the more capable state provides :math:`\max_i x_i^*` and the other
  free-rides; capacity building for the weaker state changes nothing until it
  becomes the more capable one.
* Weakest link: the security level is at most :math:`\min_i x_i^*`, set by the
  less capable state; capacity building for it raises everyone's security.
* Best shot: one state provides. The more capable always can; the less capable
  can too, iff :math:`(x_{hi}^*)^2 \le x_{lo}^*(2 - x_{lo}^*)`, and then the more
  capable free-rides on it at a lower security level. Disparity removes that
  coordination problem: only when the capacities differ enough is the more
  capable state the sole provider.

Every claim is re-checked by :func:`cybergames.verify` against the enumerated
game of :func:`cybergames.security.security_game`.

References
----------
H. R. Varian, "System reliability and free riding", in L. J. Camp and S. Lewis
(eds.), *Economics of Information Security*, Kluwer, 2004, 1–15.
J. Hirshleifer, "From weakest-link to best-shot: the voluntary provision of
public goods", *Public Choice* 41(3), 1983, 371–386.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show
from .deterrence import VERDICT_WIDTH

__all__ = ["ReliabilityModel"]

#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {name: sympy.Symbol(name, positive=True) for name in ("value_1", "value_2", "cost_1", "cost_2")}

#: Multiples of state 2's cost shown in the capacity-building tables.
COST_MULTIPLES = (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1, Fraction(3, 2), 2)


def _formulas() -> tuple:
    """(both protect, a unique best-shot provider) in the parameter symbols, for own optima > 0."""
    s = SYMBOLS
    x1 = 1 - s["cost_1"] / (2 * s["value_1"])
    x2 = 1 - s["cost_2"] / (2 * s["value_2"])
    protect = sympy.And(sympy.Lt(s["cost_1"], 2 * s["value_1"]), sympy.Lt(s["cost_2"], 2 * s["value_2"]))
    unique = sympy.Or(sympy.Gt(x1 ** 2, x2 * (2 - x2)), sympy.Gt(x2 ** 2, x1 * (2 - x1)))
    return protect, unique


@dataclass(frozen=True)
class ReliabilityModel(Model):
    r"""Varian's total-effort, weakest-link and best-shot games for two states of different capacity.

    Parameters are ints or Fractions (exact results) or floats (float
    results); sympy symbols are refused.

    Parameters
    ----------
    value_1, value_2 : number, default 1 and 1
        :math:`v_i > 0`, each state's value of a secure shared system.
    cost_1, cost_2 : number, default 1/2 and 1
        :math:`c_i > 0`, each state's unit cost of effort (state 1 the more capable by default).

    Raises
    ------
    ParameterError
        If a parameter is not a positive number.

    Examples
    --------
    Alone, state 1 would choose :math:`1 - (1/2)/2 = 3/4` and state 2 :math:`1/2`:

    >>> model = ReliabilityModel()
    >>> model.games().standalone
    (Fraction(3, 4), Fraction(1, 2))
    >>> model.games().providers        # under the best shot, either may provide
    (0, 1)
    """

    value_1: Any = 1
    value_2: Any = 1
    cost_1: Any = Fraction(1, 2)
    cost_2: Any = 1

    key: ClassVar[str] = "reliability"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "capacity and free riding: total effort, weakest link, best shot"

    def __post_init__(self) -> None:
        for name in SYMBOLS:
            check_parameter(self, name, lower=0, lower_open=True, symbolic=False)
        self._floats_throughout()

    def games(self, **changes: Any):
        """:func:`cybergames.security.reliability_games` at the parameters (``changes`` override them)."""
        from ..security import reliability_games

        m = self.replace(**changes) if changes else self
        return reliability_games((m.value_1, m.value_2), (m.cost_1, m.cost_2))

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""Both states protect alone (:math:`c_i < 2v_i`) and the best shot has one provider, in the symbols.

        The provider is unique iff :math:`(x_{hi}^*)^2 > x_{lo}^*(2 - x_{lo}^*)`. Parameters named in
        ``free`` stay symbols (default: all); the others take the model's values.

        At the defaults (:math:`v = 1, 1`, :math:`c_2 = 1`): state 1 must be far more capable
        (:math:`c_1^2 - 4c_1 + 1 > 0`, i.e. :math:`c_1 < 2 - \sqrt 3`) or far less (:math:`\sqrt 3 < c_1 < 2`):

        >>> ReliabilityModel().region_condition(free=["cost_1"])
        (cost_1 < 2) & ((cost_1**2 > 3) | (cost_1**2 - 4*cost_1 > -1))
        """
        protect, unique = _formulas()
        return self._region(sympy.And(protect, unique), free)

    def game_answer(self) -> Any:
        r"""The three games' answer: every pure equilibrium of each technology and the mixed best-shot ones.

        The closed forms of :func:`cybergames.security.reliability_games` list
        every pure equilibrium (each state's best reply is unique: :math:`\max(0,
        x_i^* - x_j)` under total effort, :math:`\min(x_j, x_i^*)` under the weakest
        link, and under the best shot either its own optimum or nothing): total
        effort, the most capable state alone at its own optimum (every split when
        tied); the weakest link, every common level from 0 to :math:`\min_i x_i^*` (the
        two ends are listed); the best shot, each state working alone at its own
        optimum when the other would rather free-ride.

        Mixed best-shot equilibria are characterised in
        ``cybergames.security.reliability`` (module rules 1–7): when the
        cost–benefit ratios differ every one has finite supports and is a *ladder*
        of :math:`n` alternating positive efforts, one per :math:`n` and top state, up
        to a last :math:`n` (:func:`~cybergames.security.reliability.best_shot_ladder_limits`).
        Listed: :math:`n = 2` (one state mixes,
        :func:`~cybergames.security.reliability.best_shot_mixed`) and both mixing over
        at most ``MAX_SUPPORT`` = 3 efforts each
        (:func:`~cybergames.security.reliability.best_shot_two_mixers`). The answer is
        complete when that covers every ladder; otherwise (longer ladders, or equal
        ratios, which give infinitely many and one with continuous supports) it is
        partial and says what is missing. Exact parameters only (None for floats).

        Examples
        --------
        >>> answer = ReliabilityModel().game_answer()
        >>> [e.name for e in answer.equilibria][-2]
        'best shot: state 2 provides 1/2, state 1 free-rides'
        >>> answer.equilibria[-1].name
        'best shot, mixed: state 1 works 3/4 with probability 1 − 2√7/7 ≈ 0.2441 (else free-rides), state 2 works 1 − √7/4 ≈ 0.3386'
        >>> answer.complete                 # the ladders stop at n = 2 (state 1 on top) and n = 0
        True
        """
        from ._game import ExplicitEquilibrium, one_shot_answer
        from ..security.reliability import MAX_SUPPORT, reliability

        if isinstance(self.cost_1, float):
            return None
        g = self.games()
        v, c = (self.value_1, self.value_2), (self.cost_1, self.cost_2)

        def worth(profile: tuple, level: Any) -> tuple:
            return tuple(_numbers.simplify_exact(v[i] * reliability(level) - c[i] * profile[i]) for i in (0, 1))

        def alone(profile: tuple) -> str:
            working = [i for i in (0, 1) if profile[i] != 0]
            if not working:
                return "nobody works"
            if len(working) == 2:
                return f"both work, {show(profile[0])} and {show(profile[1])}"
            i = working[0]
            return f"state {i + 1} provides {show(profile[i])}, state {2 - i} free-rides"

        found = []
        for label, answer in (("total effort", g.total_effort), ("weakest link", g.weakest_link),
                              ("best shot", g.best_shot)):
            for profile, level in zip(answer.equilibria, answer.levels):
                if label == "weakest link":
                    name = ("weakest link: neither works" if level == 0 else
                            f"weakest link: both work {show(level)}") + (
                        " (and every common level from 0 to it)" if level != 0 and answer.continuum else "")
                else:
                    name = f"{label}: {alone(profile)}" + (" (and every split of it)" if answer.continuum else "")
                found.append(ExplicitEquilibrium(name, tuple(profile), None, worth(profile, level), None,
                                                 "closed form, re-checked by cybergames.verify against the "
                                                 "enumerated game"))
        for m in g.best_shot_mixed:
            i = m.mixer
            profile = tuple((m.effort, m.work_probability) if k == i else m.fixed_effort for k in (0, 1))
            found.append(ExplicitEquilibrium(
                f"best shot, mixed: state {i + 1} works {show(m.effort)} with probability "
                f"{show(m.work_probability)} (else free-rides), state {2 - i} works {show(m.fixed_effort)}",
                profile, None, tuple(m.payoffs), None,
                "closed form (indifference conditions solved exactly), re-checked by cybergames.verify against "
                "every reply on a fine effort grid"))
        for e in g.best_shot_two_mixers:
            def lottery(k: int) -> str:
                pairs = zip(e.supports[k], e.probabilities[k])
                return ", ".join(f"{float(x):.4g} (p ≈ {float(p):.3g})" for x, p in pairs)

            found.append(ExplicitEquilibrium(
                f"best shot, both mix ({e.levels} levels, state {e.top + 1} on top): state 1 works ≈ {lottery(0)}; "
                f"state 2 ≈ {lottery(1)}",
                tuple(tuple(zip(e.supports[k], e.probabilities[k])) for k in (0, 1)), None, tuple(e.payoffs), None,
                "exact ladder (algebraic numbers: the root of a polynomial of degree n), re-checked by "
                "cybergames.verify against every reply on a fine effort grid and at the critical points"))
        complete, missing = self._ladders_beyond(g, MAX_SUPPORT)
        pure = ("every pure equilibrium of the three games: each state's best reply is unique, so the closed forms "
                "of cybergames.security.reliability_games list them all (the weakest link's continuum by its ends)")
        if complete:
            certificate = (pure + "; and every mixed best-shot equilibrium: here every equilibrium has finite "
                           "supports (the cost–benefit ratios differ, or a state never works) and so is a ladder "
                           "of alternating efforts, one candidate per number of levels and top state (derived in "
                           "cybergames.security.reliability), and every ladder that is an equilibrium is listed "
                           f"(one state mixes, or both mix over at most {MAX_SUPPORT} efforts each)")
        else:
            certificate = (pure + "; and every mixed best-shot equilibrium in which one state mixes, or both mix "
                           f"over at most {MAX_SUPPORT} efforts each (every mixed equilibrium with finite supports "
                           "is a ladder of alternating efforts, one candidate per number of levels and top state, "
                           f"derived in cybergames.security.reliability); not listed: {missing}")
        verdict = self._verdict(g)
        family = ("every Nash equilibrium of the total-effort, weakest-link and best-shot games" if complete else
                  "every pure Nash equilibrium of the total-effort, weakest-link and best-shot games, every best-shot "
                  f"equilibrium where one state mixes, and every one where both mix over at most {MAX_SUPPORT} levels")
        return one_shot_answer("the three technologies' equilibria", tuple(found), certificate, family,
                               worth(g.total_effort.optimum, g.total_effort.optimal_level), verdict,
                               notes=("best: the listed equilibrium with the largest total payoff",),
                               partial=not complete)

    @staticmethod
    def _ladders_beyond(g: Any, max_support: int) -> tuple:
        """(whether every best-shot ladder is listed, the unlisted ones in words)."""
        limits = g.best_shot_ladder_limits
        if any(limit is None for limit in limits):
            return False, ("with equal cost–benefit ratios, infinitely many more: one ladder for every number of "
                           "levels and top state, and one with continuous supports F(x) = r/(2(1 − x)) on [0, x*]")
        last = 2 * max_support - 1
        extra = [(k, limit) for k, limit in enumerate(limits) if limit > last]
        if not extra:
            return True, ""
        return False, "; ".join(f"{limit - last} ladder{'s' if limit - last > 1 else ''} topped by state {k + 1} with "
                                f"{last + 1} to {limit} levels (more than {max_support} efforts for a state)"
                                for k, limit in extra)

    def _verdict(self, g: Any) -> str:
        """The one-line verdict: the equilibrium that decides it and the condition that binds."""
        x = g.standalone
        lazy = [i for i in (0, 1) if x[i] == 0]
        if lazy:
            i = lazy[0]
            return (f"not sustainable: weakest link at 0 only (state {i + 1} won't protect); "
                    f"binds: c{'₁₂'[i]} < 2v{'₁₂'[i]}")
        binds = "; binds: x_hi*² > x_lo*(2 − x_lo*)"
        if len(g.providers) > 1:
            weak = max((0, 1), key=lambda i: g.ratios[i])
            head = f"not sustainable: best shot by state {weak + 1} ({show(x[weak])}) too"
        else:
            (i,) = g.providers
            head = f"sustainable: best shot only by state {i + 1}, at {show(x[i])}"
        return head + binds if len(head + binds) < VERDICT_WIDTH else head

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """Who provides under each technology, the orderings of security, and what capacity building does.

        Returns
        -------
        ModelAnalysis
            Conditions: both states protect alone (:math:`c_i < 2v_i`); the best shot
            has a single provider. Remedies: capacity building for state 2 (its cost)
            against the weakest-link, total-effort and lowest best-shot security.
            ``details``: ``games`` (the :class:`~cybergames.security.ReliabilityGames`,
            which :func:`cybergames.verify` re-checks against :func:`~cybergames.security.security_game`).
        """
        g = self.games()
        (x1, x2), (r1, r2) = g.standalone, g.ratios
        te, wl, bs = g.total_effort, g.weakest_link, g.best_shot
        names = ("state 1", "state 2")
        if r1 != r2:
            strong, weak = (0, 1) if r1 < r2 else (1, 0)
            capable = (f"{names[strong].capitalize()} is the more capable (cost–benefit ratio "
                       f"{show(g.ratios[strong])} against {show(g.ratios[weak])}).")
        else:
            strong, weak = 0, 1
            capable = f"The two states are equally capable (ratio {show(r1)}): a tie, so neither leads."
        top = names[strong] if r1 != r2 else "either state"
        findings = [
            f"Each state earns v_i P(G) - c_i x_i with P(G) = G(2 - G) (after Varian 2004; closed forms derived in "
            f"cybergames.security.reliability). Alone, state 1 would choose x₁* = 1 - r₁/2 = {show(x1)} and state 2 "
            f"x₂* = {show(x2)}, where r_i = c_i/v_i. " + capable,
            f"Total effort (security is the sum): {top} provides {show(te.best_level)} and the other free-rides "
            f"(exerts nothing)" + (" — any split of that total is an equilibrium too" if te.continuum else "")
            + f"; the pair's optimum has the cheaper state provide {show(te.optimal_level)}.",
            f"Weakest link (the minimum): every common level from 0 to min(x₁*, x₂*) = {show(wl.best_level)} is an "
            f"equilibrium — the less capable state caps the system; the optimum is {show(wl.optimal_level)}.",
        ]
        if not g.providers:
            findings.append("Best shot (the maximum): neither state's own optimum is positive, so nobody works; the "
                            f"optimum is {show(bs.optimal_level)}.")
        elif len(g.providers) == 1:
            i = g.providers[0]
            findings.append(f"Best shot (the maximum): only {names[i]} provides, at {show(bs.levels[0])}: the other "
                            f"state would rather work itself than free-ride on it, (x*)² > x(2 - x) for the other "
                            f"state's x. The optimum is {show(bs.optimal_level)}.")
        else:
            low = min(bs.levels)
            findings.append(
                f"Best shot (the maximum): either state providing alone is an equilibrium (security "
                f"{', '.join(show(x) for x in bs.levels)}): the more capable state is content to free-ride on the "
                f"less capable one at {show(low)} because (x_hi*)² <= x_lo*(2 - x_lo*)"
                + (" (with equality: weakly)" if max(x1, x2) ** 2 == min(x1, x2) * (2 - min(x1, x2)) else "")
                + f". The optimum is {show(bs.optimal_level)}.")
        findings.append(
            f"Orderings (derived here, after Varian): equilibrium security is lowest under the weakest link "
            f"({show(wl.best_level)} <= {show(te.best_level)}, total effort's, which the best shot's best equilibrium "
            f"matches); every technology's equilibrium falls short of its optimum ({show(te.best_level)} <= "
            f"{show(te.optimal_level)}, {show(wl.best_level)} <= {show(wl.optimal_level)}).")
        protect, unique = _formulas()
        protects = bool(self.cost_1 < 2 * self.value_1 and self.cost_2 < 2 * self.value_2)
        conditions = (
            Condition("weakest link: both states protect on their own (c_i < 2 v_i)", protect, None, protects,
                      "Under the weakest link the system is only as secure as its least capable state, which "
                      "works at all only if its first unit of effort pays: c_i < 2 v_i."),
            Condition("best shot: a single provider",
                      sympy.Gt(sympy.Symbol("x_hi*") ** 2, sympy.Symbol("x_lo*") * (2 - sympy.Symbol("x_lo*"))),
                      None, len(g.providers) <= 1,
                      "The less capable state can be left to provide (and the more capable free-rides on it at a "
                      "lower level) unless the capacities differ enough: (x_hi*)² > x_lo*(2 - x_lo*)."),
        )
        floats = isinstance(self.cost_2, float)
        costs = sorted({_numbers.simplify_exact(self.cost_2 * (float(m) if floats else m)) for m in COST_MULTIPLES})
        tables = {c: self.games(cost_2=c) for c in costs}
        remedies = (
            Remedy("capacity building for state 2: weakest-link security", "cost_2",
                   "Lowering the weaker state's cost raises the level the weakest link allows, for both. Table: "
                   "state 2's cost -> highest weakest-link security.",
                   tuple((c, t.weakest_link.best_level) for c, t in tables.items()),
                   column="weakest-link security"),
            Remedy("capacity building for state 2: total-effort security", "cost_2",
                   "Under total effort the weaker state free-rides, so its capacity adds nothing until it becomes "
                   "the more capable. Table: state 2's cost -> total-effort security.",
                   tuple((c, t.total_effort.best_level) for c, t in tables.items()),
                   column="total-effort security"),
            Remedy("capacity building for state 2: the worst best-shot equilibrium", "cost_2",
                   "Under the best shot, similar capacities let the less capable state be left to provide. Table: "
                   "state 2's cost -> security in the worst best-shot equilibrium.",
                   tuple((c, min(t.best_shot.levels)) for c, t in tables.items()),
                   column="worst best-shot security"),
            Remedy("capacity building for state 2: the pair's optimum, total effort and best shot", "cost_2",
                   "The security the pair would choose together when the cheaper state works alone, "
                   "1 - min(c_i)/(2(v_1 + v_2)). Table: state 2's cost -> optimal total-effort (and best-shot) "
                   "security.",
                   tuple((c, t.total_effort.optimal_level) for c, t in tables.items()),
                   column="optimal total-effort security"),
            Remedy("capacity building for state 2: the pair's optimum, weakest link", "cost_2",
                   "The common level the pair would choose together, 1 - (c_1 + c_2)/(2(v_1 + v_2)). Table: "
                   "state 2's cost -> optimal weakest-link security.",
                   tuple((c, t.weakest_link.optimal_level) for c, t in tables.items()),
                   column="optimal weakest-link security"),
        )
        summary = (f"Two states secure a shared system; state i values it at v_i and pays c_i per unit of effort "
                   f"(v = {show(self.value_1)}, {show(self.value_2)}; c = {show(self.cost_1)}, {show(self.cost_2)}); "
                   f"security is the sum, minimum or maximum of their efforts (after Varian 2004).")
        answer = self.game_answer()
        if answer is not None:
            from ._game import one_shot_sentence
            findings.append(one_shot_sentence(answer, ("equilibrium", "equilibria")))
        numbers = (("standalone_1", x1), ("standalone_2", x2), ("total_effort_security", te.best_level),
                   ("weakest_link_security", wl.best_level), ("best_shot_security_worst", min(bs.levels)),
                   ("best_shot_security_best", max(bs.levels)), ("total_effort_optimum", te.optimal_level),
                   ("weakest_link_optimum", wl.optimal_level), ("best_shot_providers", len(g.providers)),
                   ("best_shot_mixed", len(g.best_shot_mixed)),
                   ("best_shot_two_mixers", len(g.best_shot_two_mixers)))
        for m in g.best_shot_mixed:
            tag = f"best_shot_mixed_{m.mixer + 1}"
            numbers += ((f"{tag}_work_probability", m.work_probability), (f"{tag}_other_effort", m.fixed_effort))
        for k, limit in enumerate(g.best_shot_ladder_limits):   # -1: no limit (equal ratios, infinitely many)
            numbers += ((f"best_shot_ladder_limit_{k + 1}", -1 if limit is None else limit),)
        verdict = answer.verdict if answer is not None else self._verdict(g)
        return ModelAnalysis(self, self.obstacle, summary, tuple(findings), conditions, remedies, {"games": g},
                             game=answer, verdict=verdict, numbers=numbers)
