r"""Lack of trust: repeated cooperation, and reassurance as a costly signal.

Two states could both gain from restraint in cyberspace (no intrusions into
each other's critical infrastructure, say) but each is tempted to defect and
fears being exploited. The model has two parts.

**Repeated cooperation.** The stage game is the prisoner's dilemma with
:math:`T > R > P > S` (defect on a cooperator, both cooperate, both defect,
cooperate against a defector). Under grim trigger a state that defects gains
:math:`T - R` once and loses :math:`R - P` in every later period, so
cooperation is a subgame perfect equilibrium iff

.. math:: (1 - \delta)\, T + \delta P \le R
          \iff \delta \ge \delta^* = \frac{T - R}{T - P}

(Friedman 1971; Axelrod 1984). Tit-for-tat is subgame perfect only where
:math:`(T - R)/(R - S) = (P - S)/(T - P)` and a Nash equilibrium for
:math:`\delta \ge \max\{(T - R)/(T - P), (T - R)/(R - S)\}`.

**Reassurance.** Cooperation needs the partner to believe it faces a state
that will reciprocate. A sender state is *trustworthy* with probability
:math:`p` (``prior``) and *untrustworthy* otherwise. It makes a gesture of size
:math:`s \in \{0, 1, \dots, \bar s\}` (transparency measures, unilateral
restraint, opening networks to inspection) that costs :math:`k_t s` to a
trustworthy and :math:`k_u s` to an untrustworthy state, :math:`k_u > k_t`:
the untrustworthy state gives up capabilities it means to use (Kydd 2000,
2005: costly signals reassure because they are cheaper for those who intend
to cooperate). The partner then trusts or not. Trusted, a trustworthy state
reciprocates (both get R) and an untrustworthy one exploits (it gets T, the
partner S); distrusted, both get P.

* Without a gesture the partner trusts iff
  :math:`p R + (1 - p) S \ge P \iff p \ge p^* = (P - S)/(R - S)`.
* Gesture :math:`s` separates the types (only the trustworthy state makes
  it, and is trusted) iff the trustworthy state would pay it and the
  untrustworthy one would not: :math:`k_t s \le R - P` and
  :math:`k_u s \ge T - P`. The least costly separating gesture is
  :math:`s^* = \lceil (T - P)/k_u \rceil`, and reassurance is possible iff
  :math:`s^* \le \bar s` and :math:`k_t s^* \le R - P`. With continuous
  gestures this is :math:`k_u / k_t \ge (T - P)/(R - P)`: the gesture must
  cost a state that means to exploit more than a trustworthy one, by at
  least the ratio of their gains from being trusted.

The analysis computes both parts with the library: the critical discount
factor and the equilibrium checks with :mod:`cybergames.repeated`, the
reassurance equilibria with :func:`~cybergames.signalling.perfect_bayesian_equilibria`,
refined by :func:`~cybergames.signalling.intuitive_criterion` and
:func:`~cybergames.signalling.d1` (which keeps only the least-cost separating
equilibrium); the formulas come from the library's symbolic path
(:func:`~cybergames.repeated.critical_discount_factor` on a game of symbols,
:func:`~cybergames.signalling.pbe_conditions`). The closed forms above are the
independent check in the tests.

References
----------
* A. H. Kydd, "Trust, reassurance, and cooperation", *International
  Organization* 54(2), 2000, 325–357.
* A. H. Kydd, *Trust and Mistrust in International Relations*, Princeton
  University Press, 2005.
* J. W. Friedman, "A non-cooperative equilibrium for supergames", *Review of
  Economic Studies* 38(1), 1971, 1–12.
* R. Axelrod, *The Evolution of Cooperation*, Basic Books, 1984.
* I.-K. Cho and D. M. Kreps, "Signaling games and stable equilibria",
  *Quarterly Journal of Economics* 102(2), 1987, 179–221.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import sympy

from .. import _numbers
from ..equilibria import nash_equilibria
from ..errors import ParameterError
from ..games.classic import prisoners_dilemma
from ..repeated import (RepeatedGame, check_equilibrium, check_nash, grim_trigger, sustainable_discount_factors,
                        tit_for_tat)
from . import _trust_games as games
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show

__all__ = ["TrustModel"]

#: The largest gesture grid: the number of equilibria doubles with every gesture level no type would pay for.
MAX_SIGNAL = 8




def _units(s: Any) -> str:
    return f"{show(s)} unit" + ("" if s == 1 else "s")


def _describe(outcome: Any) -> str:
    """An equilibrium outcome of the reassurance game in words."""
    reply = "trusted" if outcome.trusted[0] else "not trusted"
    if outcome.kind == "separating":
        return f"the separating gesture of {_units(outcome.gestures[0])}"
    if outcome.gestures[0] == 0:
        return f"pooling on no gesture, {reply},"
    return f"pooling on a gesture of {_units(outcome.gestures[0])}, {reply},"


def _listed(outcomes: list) -> str:
    return "; ".join(_describe(o).rstrip(",") for o in outcomes) or "no pure equilibrium"


@dataclass(frozen=True)
class TrustModel(Model):
    r"""Lack of trust: a repeated cooperation dilemma and a reassurance signalling game.

    Parameters
    ----------
    T, R, P, S : int, Fraction or float
        The prisoner's dilemma payoffs, :math:`T > R > P > S`: temptation,
        reward for mutual cooperation, punishment for mutual defection,
        sucker's payoff. The reassurance game uses them too (trusted
        trustworthy: R each; trusted untrustworthy: T to the sender, S to the
        partner; no trust: P each).
    delta : int, Fraction or float
        The states' common discount factor, :math:`0 \le \delta < 1`.
    prior : int, Fraction or float
        The partner's prior probability that the sender is trustworthy,
        :math:`0 < p < 1`.
    max_signal : int
        The largest gesture :math:`\bar s`, an integer from 1 to 8 (the
        gestures are :math:`0, 1, \dots, \bar s`; the number of equilibria
        doubles with every gesture level that neither type would pay for, so
        rescale the unit costs for a finer grid).
    unit_cost_trustworthy : int, Fraction or float
        What one unit of gesture costs a trustworthy state, :math:`k_t \ge 0`.
    unit_cost_untrustworthy : int, Fraction or float
        What it costs an untrustworthy state, :math:`k_u > k_t`.

    Raises
    ------
    ParameterError
        A parameter that is not a number (symbols included: the signalling
        game is solved numerically; the formulas are in
        :meth:`analyse` and :meth:`region_condition`), payoffs that are not a
        prisoner's dilemma, ``delta`` or ``prior`` outside their ranges,
        ``max_signal`` not an integer in [1, 8], or ``k_u <= k_t``.

    Examples
    --------
    >>> analysis = TrustModel().analyse()
    >>> [(c.name, c.value, c.holds) for c in analysis.conditions]
    [('patience for reciprocal cooperation (grim trigger)', Fraction(1, 2), True),
     ('trust, on the prior or through reassurance', None, True)]
    >>> analysis.details["reassurance"].least_cost_gesture
    2
    """

    T: Any = 5
    R: Any = 3
    P: Any = 1
    S: Any = 0
    delta: Any = Fraction(3, 5)
    prior: Any = Fraction(1, 4)
    max_signal: int = 4
    unit_cost_trustworthy: Any = Fraction(1, 2)
    unit_cost_untrustworthy: Any = 2

    key: ClassVar[str] = "trust"
    symbols: ClassVar[dict] = games.SYMBOLS
    obstacle: ClassVar[str] = "lack of trust"

    def __post_init__(self) -> None:
        for name in ("T", "R", "P", "S", "delta", "prior", "unit_cost_trustworthy", "unit_cost_untrustworthy"):
            value = getattr(self, name)
            if isinstance(value, sympy.Basic) and not value.is_number:
                raise ParameterError(f"TrustModel.{name}: expected a number, got the expression {value!r} (the "
                                     "reassurance game is solved numerically; the conditions as formulas are in "
                                     "analyse().conditions and region_condition())")
            check_parameter(self, name, symbolic=False)
        T, R, P, S = self.T, self.R, self.P, self.S
        if not T > R > P > S:
            raise ParameterError(f"TrustModel: expected T > R > P > S (a prisoner's dilemma), got T = {T!r}, "
                                 f"R = {R!r}, P = {P!r}, S = {S!r}")
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True, symbolic=False)
        check_parameter(self, "prior", lower=0, upper=1, lower_open=True, upper_open=True, symbolic=False)
        check_parameter(self, "max_signal", lower=1, upper=MAX_SIGNAL, integer=True)
        check_parameter(self, "unit_cost_trustworthy", lower=0, symbolic=False)
        self._floats_throughout(n for n in self.parameters() if n != "max_signal")
        if not self.unit_cost_untrustworthy > self.unit_cost_trustworthy:
            raise ParameterError(
                f"TrustModel.unit_cost_untrustworthy: expected a value > unit_cost_trustworthy = "
                f"{self.unit_cost_trustworthy!r} (a gesture costs a state that means to exploit more), got "
                f"{self.unit_cost_untrustworthy!r}")

    # ------------------------------------------------------------------ games
    def stage_game(self) -> Any:
        """The stage game: :func:`cybergames.prisoners_dilemma` with the model's T, R, P, S."""
        return prisoners_dilemma(self.T, self.R, self.P, self.S)

    def reassurance_game(self) -> Any:
        """The reassurance :class:`~cybergames.signalling.SignallingGame` (gestures ``"0"`` to ``str(max_signal)``)."""
        return games.reassurance_game(self.T, self.R, self.P, self.S, self.prior, self.unit_cost_trustworthy,
                                      self.unit_cost_untrustworthy,
                                      tuple((str(s), s) for s in range(self.max_signal + 1)))

    # --------------------------------------------------------------- formulas
    def _value(self, expr: Any) -> Any:
        """``expr`` (in the parameter symbols) at the model's values, as a library number."""
        values = {games.SYMBOLS[n]: _numbers.to_sympy(v) for n, v in self.parameters().items()}
        result = sympy.sympify(expr).subs(values)
        return _numbers.simplify_exact(_numbers.from_sympy(result)) if result.is_number else result

    @staticmethod
    def _least_gesture_formula() -> Any:
        return sympy.ceiling(games.gesture_bounds()[0])

    @classmethod
    def _trust_formula(cls) -> Any:
        lower, fits = games.gesture_bounds()
        least = sympy.ceiling(lower)
        separates = sympy.And(fits.subs(games.GESTURE, least), sympy.Le(least, games.SYMBOLS["max_signal"]))
        return sympy.Or(sympy.Ge(games.SYMBOLS["prior"], games.prior_threshold()), separates)

    def region_condition(self, free: Any = None) -> Any:
        r"""The region where cooperation is sustainable, as a sympy relation in the parameter symbols.

        Cooperation needs patience and trust:

        .. math:: \delta \ge \frac{T - R}{T - P} \;\wedge\; \Bigl(p \ge \frac{P - S}{R - S}
                  \;\vee\; \bigl(k_t s^* \le R - P \wedge s^* \le \bar s\bigr)\Bigr),
                  \qquad s^* = \lceil (T - P)/k_u \rceil .

        Parameters
        ----------
        free : sequence of str, optional
            The parameters left as symbols; the others are replaced by the
            model's values. Default: all are left free.

        Raises
        ------
        ParameterError
            If ``free`` names something that is not a parameter.

        Examples
        --------
        >>> TrustModel().region_condition(free=("prior", "unit_cost_untrustworthy"))
        (prior >= 1/3) | ((ceiling(4/unit_cost_untrustworthy) <= 4) &
                          (2 - ceiling(4/unit_cost_untrustworthy)/2 >= 0))
        """
        condition = sympy.And(sympy.Ge(games.SYMBOLS["delta"], games.grim_threshold()), self._trust_formula())
        return condition.subs(self._fixed(free))

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """Equilibria, the conditions for cooperation and the remedies, computed with the library.

        Returns
        -------
        ModelAnalysis
            ``details`` holds ``stage_game``, ``stage_equilibria``,
            ``repeated_game``, ``grim_trigger`` (the :class:`~cybergames.repeated.DeltaSet`),
            ``grim_check`` (:func:`~cybergames.repeated.check_equilibrium` at
            ``delta``), ``tit_for_tat`` (its subgame perfect set),
            ``tit_for_tat_nash`` (:func:`~cybergames.repeated.check_nash` at
            ``delta``), ``reassurance_game``, ``reassurance`` (the equilibria
            by outcome), ``prior_threshold`` and ``least_cost_gesture``.
        """
        stage = self.stage_game()
        rg = RepeatedGame(stage)
        grim = (grim_trigger(), grim_trigger())
        grim_set = sustainable_discount_factors(rg, grim)
        grim_check = check_equilibrium(rg, grim, self.delta)
        tft = (tit_for_tat(), tit_for_tat())
        tft_set = sustainable_discount_factors(rg, tft)
        tft_nash = check_nash(rg, tft, self.delta)
        sg = self.reassurance_game()
        reassurance = games.solve_reassurance(sg)
        p_star = self._value(games.prior_threshold())
        details = {
            "stage_game": stage, "stage_equilibria": nash_equilibria(stage), "repeated_game": rg,
            "grim_trigger": grim_set, "grim_check": grim_check, "tit_for_tat": tft_set, "tit_for_tat_nash": tft_nash,
            "reassurance_game": sg, "reassurance": reassurance, "prior_threshold": p_star,
            "least_cost_gesture": reassurance.least_cost_gesture,
        }
        findings = (self._one_shot_finding(details["stage_equilibria"]),
                    self._grim_finding(grim_set, grim_check),
                    self._tft_finding(tft_set, tft_nash),
                    self._prior_finding(p_star, reassurance),
                    self._separation_finding(reassurance),
                    self._refinement_finding(reassurance))
        from ._game import answerable, perfect_monitoring_answer, perfect_monitoring_findings
        game = perfect_monitoring_answer(rg, self.delta, "grim trigger") if answerable(self) else None
        if game is not None:
            findings = (*findings, *perfect_monitoring_findings(game, self.delta))
        return ModelAnalysis(
            model=self, obstacle=self.obstacle, game=game,
            summary=(f"Two states in a repeated cyber-restraint dilemma (prisoner's dilemma T, R, P, S = "
                     f"{show(self.T)}, {show(self.R)}, {show(self.P)}, {show(self.S)}; discount factor "
                     f"{show(self.delta)}); a state its partner believes trustworthy with probability "
                     f"{show(self.prior)} can first make a costly reassuring gesture of 0 to "
                     f"{self.max_signal} units."),
            findings=tuple(f for f in findings if f),
            conditions=(self._grim_condition(grim_set, grim_check), self._trust_condition(p_star, reassurance)),
            remedies=(self._gesture_remedy(), self._resilience_remedy()),
            details=details)

    # ------------------------------------------------------------ findings
    def _one_shot_finding(self, equilibria: Any) -> str:
        only = len(equilibria) == 1 and all(list(s) == [0, 1] for s in equilibria[0].strategies)
        return (("In a single round defection dominates: the only equilibrium is mutual defection, worth P = "
                 if only else "One-shot equilibria give each state P = ")
                + f"{show(self.P)} to each, although mutual cooperation would give each R = {show(self.R)}.")

    def _grim_finding(self, grim_set: Any, check: Any) -> str:
        threshold = grim_set.infimum
        gain = max(g for g in check.best_gains if g is not None)
        verdict = (f"at delta = {show(self.delta)} it is (the most tempting one-shot defection loses "
                   f"{show(-gain)})" if check.holds else
                   f"at delta = {show(self.delta)} it is not (a one-shot defection gains {show(gain)})")
        return ("Repeated, cooperation can rest on the threat of permanent defection (grim trigger): it is a "
                f"subgame perfect equilibrium iff delta >= (T - R)/(T - P) = {show(threshold)}; {verdict}.")

    def _tft_finding(self, tft_set: Any, nash: Any) -> str:
        T, R, P, S = self.T, self.R, self.P, self.S
        a, b = _numbers.ratio(T - R, R - S), _numbers.ratio(P - S, T - P)
        spe = ("never subgame perfect here" if tft_set.is_empty else f"subgame perfect only at delta in {tft_set}")
        need = max(_numbers.ratio(T - R, T - P), a)
        return (f"Tit-for-tat, for contrast, is {spe} (it needs (T - R)/(R - S) = {show(a)} and (P - S)/(T - P) = "
                f"{show(b)} to coincide); at delta = {show(self.delta)} it is "
                + ("a Nash equilibrium" if nash.holds else "not even a Nash equilibrium")
                + f" (that needs delta >= max{{(T - R)/(T - P), (T - R)/(R - S)}} = {show(need)}).")

    def _prior_finding(self, p_star: Any, reassurance: Any) -> str:
        head = ("Cooperation also needs the partner to believe it faces a state that will reciprocate. "
                f"Without a gesture it trusts iff the prior is at least p* = (P - S)/(R - S) = {show(p_star)}; ")
        if reassurance.trust_on_prior:
            return head + (f"at prior {show(self.prior)} it trusts: pooling on no gesture, with trust, is an "
                           "equilibrium.")
        return head + (f"at prior {show(self.prior)} it withholds trust and both get P = {show(self.P)} "
                       "(mistrust alone blocks cooperation).")

    def _separation_finding(self, reassurance: Any) -> str:
        gestures = reassurance.separating_gestures
        head = (f"A gesture reassures when only a trustworthy state would make it: it costs an untrustworthy state "
                f"k_u = {show(self.unit_cost_untrustworthy)} per unit, to gain T - P = {show(self.T - self.P)} "
                f"from being trusted, and a trustworthy one k_t = {show(self.unit_cost_trustworthy)} per unit, to "
                f"gain R - P = {show(self.R - self.P)}. ")
        if not gestures:
            return head + (f"No gesture up to {_units(self.max_signal)} separates them: no equilibrium lets a "
                           "trustworthy state prove itself.")
        least = gestures[0]
        cost = (f"costs a trustworthy state {show(self.unit_cost_trustworthy * least)} of its gain of "
                f"{show(self.R - self.P)} from being trusted.")
        if len(gestures) == 1:
            text = head + f"One gesture separates them, {_units(least)}; it {cost}"
        else:
            text = head + (f"Separating equilibria exist for gestures of {', '.join(show(g) for g in gestures)} "
                           f"units; the least costly, {_units(least)}, {cost}")
        if _numbers.truth(sympy.Eq(self.unit_cost_untrustworthy * least, self.T - self.P)):
            text += (f" That is a knife edge: at {_units(least)} an untrustworthy state is exactly indifferent "
                     f"(k_u s* = T - P = {show(self.T - self.P)}), so the gesture separates only weakly, when the "
                     f"indifferent state declines it; any larger gesture separates strictly.")
        if reassurance.trust_on_prior:
            return text + " Trusted on its prior, though, a trustworthy state need not prove itself."
        by_d1 = [o for o in reassurance.outcomes if o.d1]
        by_ic = [o for o in reassurance.outcomes if o.intuitive]
        chosen = [o for o in reassurance.outcomes if o.kind == "separating" and o.gestures[0] == least]
        coarse = (" (on a coarse grid of gestures a smaller gesture that would not separate is still read as "
                  "coming from the trustworthy state)")
        if by_d1 == chosen:
            both = " and the intuitive criterion" if by_ic == chosen else ""
            return text + f" It is the only pure equilibrium that survives D1{both} (Cho & Kreps 1987)."
        if by_ic == chosen:
            return text + (" It is the only pure equilibrium that survives the intuitive criterion (Cho & Kreps "
                           f"1987); D1 keeps {_listed(by_d1)}{coarse if not by_d1 else ''}.")
        return text + (f" The intuitive criterion keeps {_listed(by_ic)}; D1 keeps {_listed(by_d1)}"
                       f"{coarse if not by_d1 else ''}.")

    def _refinement_finding(self, reassurance: Any) -> str:
        parts = []
        for o in (o for o in reassurance.outcomes if o.kind == "pooling"):
            kept = ("survives D1" if o.d1 else
                    "fails D1" + (" and the intuitive criterion" if not o.intuitive else ""))
            why = ""
            if not o.d1 and not any(o.trusted) and reassurance.least_cost_gesture is not None:
                why = (f" (a gesture of {_units(reassurance.least_cost_gesture)} would be taken as the mark of a "
                       "trustworthy state)")
            parts.append(f"{_describe(o)} {kept}{why}")
        text = "; ".join(parts)
        text = (text[:1].upper() + text[1:] + ".") if text else ""
        if any(o.kind == "pooling" and o.gestures[0] > 0 and o.trusted[0] and o.d1 for o in reassurance.outcomes):
            text += (" Where both types make a gesture and are trusted, skipping it would be read as the mark of an "
                     "untrustworthy state, which gains more from saving its cost: the gesture becomes a ritual "
                     "that every state performs.")
        if reassurance.least_cost_gesture is None and not any(o.d1 for o in reassurance.outcomes):
            text += " No pure equilibrium survives D1 here."
        if reassurance.hybrids:
            text += (f" There {'is' if reassurance.hybrids == 1 else 'are'} also {reassurance.hybrids} "
                     f"semi-separating equilibri{'um' if reassurance.hybrids == 1 else 'a'}, in which one type "
                     "mixes between gestures and the partner mixes between trusting and not.")
        return text.strip()

    # ----------------------------------------------------------- conditions
    def _grim_condition(self, grim_set: Any, check: Any) -> Condition:
        threshold = grim_set.infimum
        return Condition(
            name="patience for reciprocal cooperation (grim trigger)",
            formula=sympy.Ge(games.SYMBOLS["delta"], games.grim_threshold()),
            value=threshold, holds=check.holds,
            explanation=(f"A defection gains T - R = {show(self.T - self.R)} once and loses R - P = "
                         f"{show(self.R - self.P)} in every later period, so cooperation holds iff delta >= "
                         f"{show(threshold)}; here delta = {show(self.delta)}."))

    def _trust_condition(self, p_star: Any, reassurance: Any) -> Condition:
        least = self._value(self._least_gesture_formula())
        holds = reassurance.trust_on_prior or reassurance.least_cost_gesture is not None
        prior_part = (f"The partner trusts on its prior alone iff prior >= p* = {show(p_star)} (here "
                      f"{show(self.prior)}: {'it does' if reassurance.trust_on_prior else 'it does not'}).")
        afford = _numbers.ratio(self.R - self.P, least)
        if reassurance.least_cost_gesture is not None:
            gesture_part = (f" A trustworthy state can prove itself with a gesture of s* = ceiling((T - P)/k_u) = "
                            f"{_units(least)}, affordable iff k_t <= (R - P)/s* = {show(afford)} (here "
                            f"{show(self.unit_cost_trustworthy)}): reassurance works.")
        elif least > self.max_signal:
            gesture_part = (f" No reassurance is available: a separating gesture would need s* = ceiling((T - P)/k_u) "
                            f"= {_units(least)}, more than the largest gesture, {self.max_signal}.")
        else:
            gesture_part = (f" No reassurance is available: the least separating gesture, s* = {_units(least)}, "
                            f"would cost a trustworthy state {show(self.unit_cost_trustworthy * least)}, more than "
                            f"its gain R - P = {show(self.R - self.P)} from being trusted (k_t must be <= "
                            f"{show(afford)}).")
        return Condition(name="trust, on the prior or through reassurance", formula=self._trust_formula(),
                         value=None, holds=holds, explanation=prior_part + gesture_part)

    # ------------------------------------------------------------- remedies
    def least_cost_gesture(self, unit_cost_untrustworthy: Any) -> Any:
        """The least separating gesture when a gesture costs an untrustworthy state ``unit_cost_untrustworthy``.

        Computed from the equilibria of the reassurance game (None when no
        gesture separates).

        >>> TrustModel().least_cost_gesture(4)
        1
        """
        model = self.replace(unit_cost_untrustworthy=unit_cost_untrustworthy)
        return games.solve_reassurance(model.reassurance_game(), refine=False).least_cost_gesture

    def _gesture_remedy(self) -> Remedy:
        gap = self.T - self.P
        steps = sorted({n for n in (1, 2, 3, 4, self.max_signal, self.max_signal + 1)})
        costs = {_numbers.simplify_exact(_numbers.ratio(gap, n)) for n in steps} | {self.unit_cost_untrustworthy}
        costs = sorted(c for c in costs if c > self.unit_cost_trustworthy)
        table = tuple((c, self.least_cost_gesture(c)) for c in costs)
        return Remedy(
            name="costly reassurance gestures (trust-building measures)", parameter="unit_cost_untrustworthy",
            effect=("The more a gesture costs a state that means to exploit (k_u), the smaller the gesture that "
                    "reassures: the least separating gesture is s* = ceiling((T - P)/k_u) units, affordable to a "
                    f"trustworthy state while k_t s* <= R - P = {show(self.R - self.P)} and s* <= "
                    f"{self.max_signal} (the table gives s*, none where no gesture separates)."),
            table=table, column="least separating gesture s* (units)")

    def _resilience_remedy(self) -> Remedy:
        P, S = self.P, self.S
        half = _numbers.ratio(P - S, 2)
        values = (S - (P - S), S, S + half, S + half + _numbers.ratio(half, 2))
        threshold = games.prior_threshold()
        table = tuple((_numbers.simplify_exact(v), self.replace(S=v)._value(threshold)) for v in values)
        return Remedy(
            name="limiting the damage of misplaced trust (resilience)", parameter="S",
            effect=("Raising S, what a betrayed partner keeps (segmented networks, backups, limited access for the "
                    "other side), lowers the prior at which trust needs no gesture, p* = (P - S)/(R - S) (the table "
                    "gives p*)."),
            table=table, column="prior needed without a gesture p*")
