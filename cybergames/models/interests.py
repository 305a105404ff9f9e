r"""Differing national interests: stockpile or disclose the vulnerabilities a state finds.

A state that finds a software vulnerability can disclose it, so that it is
patched everywhere, or stockpile it as a cyber weapon, leaving everyone,
itself included, exposed (Moore, Friedman & Procaccia 2010). States weigh the
two differently: an offence-minded state values its exploits highly, a
heavily digitised economy fears the exposure. The stage game is asymmetric:
state :math:`i` gets

=================================  =======================
profile                            payoff of state i
=================================  =======================
both disclose                      0
i stockpiles, the other discloses  :math:`g_i` (offensive gain)
i discloses, the other stockpiles  :math:`-l_i` (loss from being exploited)
both stockpile                     :math:`g_i - l_i`
=================================  =======================

Stockpiling strictly dominates (it adds :math:`g_i > 0` whatever the other
does), so the one-shot game's only equilibrium is mutual stockpiling: a
mutually defensive posture is not stable, as Moore, Friedman & Procaccia
predict. It is a prisoner's dilemma for state :math:`i` iff
:math:`l_i > g_i > 0` (:math:`T - R = g_i`, :math:`T - P = l_i`).

**Per-state conditions.** The states discount the future differently,
:math:`\delta_1 \ne \delta_2`. Under grim trigger (disclose until someone
stockpiles, then stockpile for ever) state :math:`i` gains :math:`g_i` once
by stockpiling and then loses :math:`l_i - g_i` per period, so it keeps
disclosing iff

.. math:: (1 - \delta_i)\, g_i \le \delta_i (l_i - g_i)
          \iff \delta_i \ge \frac{g_i}{l_i} = \frac{T - R}{T - P}.

Each state's condition involves only its own payoffs and discount factor;
cooperation needs both. An *offence-dominant* state (:math:`g_i \ge l_i`)
never discloses, however patient.

**Remedy: issue linkage as a hostage.** Link disclosure to a
second relationship (trade, research cooperation, an unrelated agreement)
worth :math:`L_i` per period to state :math:`i` while both keep it, and let a
deviation in either relationship end both. This is modelled as the *product*
stage game (each state chooses its disclosure and whether to keep the linked
relationship; it gets :math:`L_i` only if both keep it) with a joint grim
trigger. The best deviation stockpiles while keeping the linked relationship
for one more period, and state :math:`i`'s condition becomes

.. math:: \delta_i \ge \frac{g_i}{l_i + L_i},

which also holds as stated for an offence-dominant state: the threshold is
below 1, and cooperation possible, iff :math:`l_i + L_i > g_i` (the other
deviation, abandoning the linked relationship, binds only above 1). Linkage
worth :math:`L_i \ge g_i/\delta_i - l_i` makes state :math:`i` disclose.

The linked relationship works as a hostage (Schelling 1960; Williamson
1983): it is lost only because both "cut" it, an act weakly dominated by
keeping it, and the punishment is a stage equilibrium worse than another
(both stockpiling while keeping the relationship). That is not Bernheim and Whinston's (1990) multimarket contact,
where the second market is itself a dilemma and the punishment its unique
stage equilibrium; :class:`~cybergames.models.MultimarketContactModel`
(``python -m cybergames multimarket``) pools the incentive constraints of two
such dilemmas.

The analysis computes the conditions with the library, per state
(:func:`~cybergames.repeated.sustainable_discount_factors` with ``player=i``
on the linked game, :func:`~cybergames.repeated.check_equilibrium` at each
state's own discount factor); the formulas come from the library's symbolic
path on a game of symbols. Parameters may be sympy symbols: the conditions
then come back as expressions.

References
----------
* T. Moore, A. Friedman and A. D. Procaccia, "Would a 'cyber warrior' protect
  us? Exploring trade-offs between attack and defense of information
  systems", *Proceedings of the New Security Paradigms Workshop* (NSPW), 2010.
* B. D. Bernheim and M. D. Whinston, "Multimarket contact and collusive
  behavior", *RAND Journal of Economics* 21(1), 1990, 1–26.
* J. W. Friedman, "A non-cooperative equilibrium for supergames", *Review of
  Economic Studies* 38(1), 1971, 1–12.
* T. C. Schelling, *The Strategy of Conflict*, Harvard University Press, 1960.
* O. E. Williamson, "Credible commitments: using hostages to support
  exchange", *American Economic Review* 73(4), 1983, 519–540.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import sympy

from .. import _numbers
from .._numbers import SYMBOLIC
from ..equilibria import nash_equilibria
from ..errors import ParameterError
from ..repeated import RepeatedGame, check_equilibrium, sustainable_discount_factors
from . import _interests_games as games
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, resolved, show

__all__ = ["InterestsModel"]

#: The named profile, for the conditions' label.
PROFILE_NAME = "the joint grim trigger on disclosure"
#: The family in words.
FAMILY = ("grim trigger, limited punishment of 1, 2 or 3 rounds, tit-for-tat and win-stay-lose-shift on "
          "(disclose and keep, stockpile and cut), the same automaton for both states")
#: Larger discount factors tried (for both states, where above theirs) when no member is an equilibrium.
PATIENT_DELTAS = (Fraction(9, 10), Fraction(19, 20), Fraction(99, 100))



@dataclass(frozen=True)
class InterestsModel(Model):
    r"""Differing national interests: the asymmetric stockpile-or-disclose dilemma, state by state.

    Parameters
    ----------
    gain_1, gain_2 : int, Fraction, float or sympy.Expr
        Each state's gain from exploiting a vulnerability the other has
        disclosed, :math:`g_i > 0`.
    loss_1, loss_2 : int, Fraction, float or sympy.Expr
        Each state's loss when its own systems are exploited, :math:`l_i > 0`.
    delta_1, delta_2 : int, Fraction, float or sympy.Expr
        Each state's discount factor, :math:`0 \le \delta_i < 1`.
    linkage_1, linkage_2 : int, Fraction, float or sympy.Expr
        The per-period value to each state of a linked relationship that ends
        with the first deviation, :math:`L_i \ge 0` (0: no linkage).

    Raises
    ------
    ParameterError
        A parameter that is not a number or sympy expression, or provably
        outside its range.

    Examples
    --------
    >>> analysis = InterestsModel().analyse()
    >>> [(c.value, c.holds) for c in analysis.conditions]
    [(Fraction(3, 4), False), (Fraction(1, 4), True)]
    >>> InterestsModel(linkage_1=1).analyse().sustainable
    True
    """

    gain_1: Any = 3
    loss_1: Any = 4
    delta_1: Any = Fraction(2, 3)
    linkage_1: Any = 0
    gain_2: Any = 1
    loss_2: Any = 4
    delta_2: Any = Fraction(1, 2)
    linkage_2: Any = 0

    key: ClassVar[str] = "interests"
    symbols: ClassVar[dict] = games.SYMBOLS
    obstacle: ClassVar[str] = "differing national interests"

    def __post_init__(self) -> None:
        for i in (1, 2):
            check_parameter(self, f"gain_{i}", lower=0, lower_open=True)
            check_parameter(self, f"loss_{i}", lower=0, lower_open=True)
            check_parameter(self, f"delta_{i}", lower=0, upper=1, upper_open=True)
            check_parameter(self, f"linkage_{i}", lower=0)
        self._floats_throughout()

    @property
    def kind(self) -> str:
        """``"exact"``, ``"float"`` or ``"symbolic"``: the kind of the parameters, and of the answers."""
        return _numbers.kind_of(self.parameters().values())

    # ------------------------------------------------------------------ games
    def stage_game(self) -> Any:
        """The stockpile-or-disclose :class:`~cybergames.NormalFormGame` (actions ``"disclose"``, ``"stockpile"``)."""
        return games.disclosure_game(self.gain_1, self.loss_1, self.gain_2, self.loss_2)

    def linked_game(self) -> Any:
        """The stage game linked to the second relationship (four actions per state; see the module notes)."""
        return games.linked_game(self.gain_1, self.loss_1, self.linkage_1, self.gain_2, self.loss_2, self.linkage_2)

    # --------------------------------------------------------------- formulas
    def _value(self, expr: Any) -> Any:
        values = resolved({games.SYMBOLS[n]: _numbers.to_sympy(v) for n, v in self.parameters().items()})
        result = sympy.sympify(expr).xreplace(values)
        return _numbers.simplify_exact(_numbers.from_sympy(result)) if result.is_number else result

    def region_condition(self, free: Any = None) -> Any:
        r"""Where both states keep disclosing: :math:`\delta_i \ge g_i/(l_i + L_i)` for :math:`i = 1, 2`.

        Parameters
        ----------
        free : sequence of str, optional
            The parameters left as symbols; the others take the model's
            values. Default: all are left free.

        Raises
        ------
        ParameterError
            If ``free`` names something that is not a parameter.

        Examples
        --------
        >>> InterestsModel().region_condition(free=("delta_1", "linkage_1"))
        delta_1 >= 3/(linkage_1 + 4)
        """
        condition = sympy.And(*(sympy.Ge(games.SYMBOLS[f"delta_{i}"], games.threshold_formula(i)) for i in (1, 2)))
        return condition.xreplace(self._fixed(free))

    # -------------------------------------------------------------- per state
    def threshold(self, i: int, linkage: Any = None) -> Any:
        r"""State ``i``'s critical discount factor :math:`g_i/(l_i + L_i)`, computed with the library.

        For numeric parameters: the infimum of
        :func:`~cybergames.repeated.sustainable_discount_factors` on the linked
        game with ``player=i - 1``; when that set is empty (an offence-dominant
        state, :math:`g_i \ge l_i + L_i`) the ratio itself, which is then
        at least 1. For symbolic parameters: the library's formula at the
        parameters.

        Parameters
        ----------
        i : 1 or 2
            The state.
        linkage : number, optional
            Use this value of :math:`L_i` instead of the model's.

        Examples
        --------
        >>> InterestsModel().threshold(1), InterestsModel().threshold(1, linkage=2)
        (Fraction(3, 4), Fraction(1, 2))
        """
        if i not in (1, 2):
            raise ParameterError(f"i: expected the state 1 or 2, got {i!r}")
        model = self if linkage is None else self.replace(**{f"linkage_{i}": linkage})
        formula = model._value(games.threshold_formula(i))
        if model.kind == SYMBOLIC:
            return formula
        deltas = sustainable_discount_factors(RepeatedGame(model.linked_game()), games.PROFILE, player=i - 1)
        return deltas.infimum if deltas.is_interval_to_one else formula

    # ------------------------------------------------------------ the game
    def candidate_profiles(self) -> list:
        """The family searched by :meth:`game_answer`: (name, profile) pairs on the linked game."""
        from ..repeated import limited_punishment, tit_for_tat, win_stay_lose_shift
        c, d = games.LINKED_ACTIONS[0], games.LINKED_ACTIONS[-1]
        automata = [("grim trigger", games.PROFILE[0])]
        automata += [(f"limited punishment of {k} round{'s' * (k > 1)}", limited_punishment(k, cooperate=c, defect=d))
                     for k in (1, 2, 3)]
        automata += [("tit-for-tat", tit_for_tat(cooperate=c, defect=d)),
                     ("win-stay-lose-shift", win_stay_lose_shift(cooperate=c, defect=d))]
        return [(name, (a, a)) for name, a in automata]

    def game_answer(self) -> Any:
        r"""What the game allows at the model's parameters, beyond the joint grim trigger.

        The folk-theorem conditions on the linked game (perfect monitoring,
        :func:`~cybergames.repeated.folk_theorem_conditions`); each state's
        least own discount factor at which mutual disclosure (keeping the
        linked relationship) in every period is a subgame perfect outcome,
        certified at both ends (``cybergames/models/_game_path.py``: each
        state's deviations are punished at worst to its minmax value, which
        mutual stockpiling attains, so the bounds are exact); and the best of
        :meth:`candidate_profiles` with each state's incentive constraints at
        its own discount factor, or, where none is an equilibrium, at the first
        of ``PATIENT_DELTAS`` that raises both states' discount factors enough.

        Returns
        -------
        cybergames.models.GameAnswer

        Examples
        --------
        >>> answer = InterestsModel().game_answer()
        >>> answer.bracket.player_lower, answer.bracket.exact, answer.best, answer.patient.delta
        ((Fraction(3, 4), Fraction(1, 4)), True, None, (Fraction(9, 10), Fraction(1, 2)))
        """
        from ..repeated import folk_theorem_conditions
        from ._game import GameAnswer, answerable_values, best_at_own_deltas, first_found
        from ._game_path import path_threshold
        cooperation = (self.linkage_1, self.linkage_2)
        deltas = (self.delta_1, self.delta_2)
        if not answerable_values(self, deltas):
            return GameAnswer(PROFILE_NAME, cooperation, None, None, None, "",
                              notes=("the game's answer is computed for exact parameters with 0 < δ < 1 only",))
        rg = RepeatedGame(self.linked_game())
        candidates = self.candidate_profiles()
        bracket = path_threshold(rg)
        short = [d < low for d, low in zip(deltas, bracket.player_lower)] if bracket is not None else [True, True]
        larger = [tuple(max(d, p) if raise_it else d for d, raise_it in zip(deltas, short)) for p in PATIENT_DELTAS]
        best, patient = first_found(lambda at: best_at_own_deltas(rg, candidates, at), deltas, larger)
        return GameAnswer(PROFILE_NAME, cooperation, folk_theorem_conditions(rg), best, patient, FAMILY,
                          notes=("payoff-set bounds not computed (the payoff-set engine takes one common δ; "
                                 "here the states discount differently)",), bracket=bracket)

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """The one-shot equilibrium, each state's condition and the effect of issue linkage.

        Returns
        -------
        ModelAnalysis
            ``details`` holds ``stage_game``, ``linked_game``, ``thresholds``
            (per state) and, for numeric parameters, ``stage_equilibria``,
            ``repeated_game``, ``delta_sets`` (per state) and ``checks`` (per
            state, :func:`~cybergames.repeated.check_equilibrium` at its own
            discount factor).
        """
        symbolic = self.kind == SYMBOLIC
        thresholds = tuple(self.threshold(i) for i in (1, 2))
        deltas = (self.delta_1, self.delta_2)
        details: dict = {"stage_game": self.stage_game(), "linked_game": self.linked_game(), "thresholds": thresholds}
        if symbolic:
            holds = tuple(_numbers.truth(sympy.Ge(d, t)) for d, t in zip(deltas, thresholds))
            gains = (None, None)
        else:
            rg = RepeatedGame(details["linked_game"])
            checks = tuple(check_equilibrium(rg, games.PROFILE, d) for d in deltas)
            holds = tuple(not any(v.player == i for v in c.violations) for i, c in enumerate(checks))
            gains = tuple(c.best_gains[i] for i, c in enumerate(checks))
            details.update(stage_equilibria=nash_equilibria(details["stage_game"]), repeated_game=rg, checks=checks,
                           delta_sets=tuple(sustainable_discount_factors(rg, games.PROFILE, player=i) for i in (0, 1)))
        findings = [self._one_shot_finding(details.get("stage_equilibria")), self._interests_finding(thresholds),
                    self._verdict_finding(holds, gains)]
        findings += [self._linkage_finding(i, thresholds[i - 1]) for i in (1, 2) if holds[i - 1] is False]
        from ._game import answer_findings
        answer = None if symbolic else self.game_answer()
        if answer is not None and answer.folk is not None:
            findings += answer_findings(answer, (self.delta_1, self.delta_2), "mutual disclosure, keeping the "
                                        "linked relationship,")
        return ModelAnalysis(
            model=self, obstacle=self.obstacle, game=answer,
            summary=(f"Two states each disclose the vulnerabilities they find or stockpile them; offensive gains "
                     f"g = ({show(self.gain_1)}, {show(self.gain_2)}), losses when exploited l = "
                     f"({show(self.loss_1)}, {show(self.loss_2)}), discount factors ({show(self.delta_1)}, "
                     f"{show(self.delta_2)}), linked relationships worth L = ({show(self.linkage_1)}, "
                     f"{show(self.linkage_2)}) per period; grim trigger, state by state."),
            findings=tuple(findings),
            conditions=tuple(self._condition(i, thresholds[i - 1], holds[i - 1]) for i in (1, 2)),
            remedies=tuple(self._linkage_remedy(i) for i in (1, 2)),
            details=details)

    def _get(self, name: str, i: int) -> Any:
        return getattr(self, f"{name}_{i}")

    def _one_shot_finding(self, equilibria: Any) -> str:
        both = (f"(g_1 - l_1, g_2 - l_2) = ({show(self.gain_1 - self.loss_1)}, {show(self.gain_2 - self.loss_2)})")
        if equilibria is not None:
            only = (len(equilibria) == 1 and all(list(s) == [0, 1] for s in equilibria[0].strategies))
            if not only:  # pragma: no cover - stockpiling strictly dominates whenever the gains are positive
                raise RuntimeError(f"unexpected one-shot equilibria {equilibria}")
        better = [_numbers.truth(self._get("loss", i) > self._get("gain", i)) for i in (1, 2)]
        if better == [True, True]:
            wish = "both states would be better off disclosing (0 each)"
        else:
            said = {True: "yes", False: "no", None: "depending on the symbols' values"}
            wish = ("mutual disclosure (0 each) is better for state i iff l_i > g_i: "
                    + ", ".join(f"state {i}: {said[b]}" for i, b in zip((1, 2), better)))
        return ("In a single round stockpiling dominates for both states (an exploit adds g_i whatever the other "
                f"does): the only equilibrium is mutual stockpiling, paying {both}, while {wish}. A mutually "
                "defensive posture is not stable, as Moore, Friedman & Procaccia (2010) found.")

    def _interests_finding(self, thresholds: tuple) -> str:
        parts = []
        for i in (1, 2):
            gain, loss, link, delta = (self._get(n, i) for n in ("gain", "loss", "linkage", "delta"))
            parts.append(f"state {i} gains {show(gain)} from an exploit and loses {show(loss)} when exploited, "
                         f"so it needs delta_{i} >= g_{i}/(l_{i} + L_{i}) = {show(thresholds[i - 1])} and tolerates "
                         f"offensive gains up to delta_{i}(l_{i} + L_{i}) = {show(delta * (loss + link))}")
        alike = all(_numbers.truth(sympy.Eq(self._get(n, 1), self._get(n, 2))) for n in ("gain", "loss", "linkage"))
        return ("The states weigh offence and defence alike: " if alike else "The states' interests differ: ") \
            + "; ".join(parts) + "."

    def _verdict_finding(self, holds: tuple, gains: tuple) -> str:
        deltas = f"delta_1 = {show(self.delta_1)} and delta_2 = {show(self.delta_2)}"
        if holds[0] is True and holds[1] is True:
            return f"With {deltas} both states keep disclosing: mutual disclosure under grim trigger is an equilibrium."
        said = {True: "would keep disclosing", False: "would not",
                None: "may or may not keep disclosing (it depends on the symbols' values)"}
        text = f"With {deltas} " + " and ".join(f"state {i} {said[h]}" for i, h in zip((1, 2), holds))
        if False not in holds:
            return text + "."
        shown = [f"state {i} gains {show(gains[i - 1])} by stockpiling once" for i in (1, 2)
                 if holds[i - 1] is False and gains[i - 1] is not None]
        return text + ": mutual disclosure is not an equilibrium" + (f" ({'; '.join(shown)})." if shown else ".")

    def _linkage_finding(self, i: int, threshold: Any) -> str:
        gain, loss, link, delta = (self._get(n, i) for n in ("gain", "loss", "linkage", "delta"))
        if _numbers.truth(sympy.Eq(delta, 0)):
            return f"State {i} does not value the future at all (delta_{i} = 0): no linkage makes it disclose."
        needed = _numbers.simplify_exact(_numbers.ratio(gain, delta) - loss)
        return (f"Linking disclosure to another relationship worth at least L_{i} = g_{i}/delta_{i} - l_{i} = "
                f"{show(needed)} per period to state {i} (here {show(link)}), lost with the first stockpiled "
                f"exploit, would make it disclose.")

    def _condition(self, i: int, threshold: Any, holds: Any) -> Condition:
        gain, loss, link, delta = (self._get(n, i) for n in ("gain", "loss", "linkage", "delta"))
        cost = loss - gain + link
        verdict = {True: "it does", False: "it does not", None: "undecided"}[holds]
        impossible = _numbers.truth(sympy.Ge(threshold, 1))
        tail = (" This exceeds 1: no discount factor makes it disclose (offence dominates its interests)."
                if impossible else "")
        return Condition(
            name=f"state {i}'s patience (grim trigger on disclosure)",
            formula=sympy.Ge(games.SYMBOLS[f"delta_{i}"], games.threshold_formula(i)),
            value=threshold, holds=holds,
            explanation=(f"Stockpiling once gains state {i} g_{i} = {show(gain)}; afterwards both stockpile, which "
                         f"costs it l_{i} - g_{i} + L_{i} = {show(cost)} per period against mutual disclosure. It "
                         f"keeps disclosing iff (1 - delta_{i}) g_{i} <= delta_{i} (l_{i} - g_{i} + L_{i}), i.e. "
                         f"delta_{i} >= {show(threshold)}; here delta_{i} = {show(delta)}: {verdict}.{tail}"))

    def _linkage_remedy(self, i: int) -> Remedy:
        gain, loss, link, delta = (self._get(n, i) for n in ("gain", "loss", "linkage", "delta"))
        values = [0, link, _numbers.ratio(loss, 4), _numbers.ratio(loss, 2), loss]
        if self.kind != SYMBOLIC:
            if delta > 0 and _numbers.ratio(gain, delta) - loss > 0:
                values.append(_numbers.ratio(gain, delta) - loss)
            values = sorted({_numbers.simplify_exact(v) for v in values})
        else:
            values = list(dict.fromkeys(values))
        table = tuple((v, self.threshold(i, linkage=v)) for v in values)
        return Remedy(
            name=f"issue linkage for state {i}", parameter=f"linkage_{i}",
            effect=(f"Tying vulnerability disclosure to another relationship worth L_{i} per period to state {i}, "
                    f"forfeited after the first stockpiled exploit, raises what defection costs it and lowers its "
                    f"threshold to g_{i}/(l_{i} + L_{i}) (the table gives the threshold; values of 1 or more mean "
                    f"it never discloses). The linked relationship is a hostage: it ends only because both "
                    f"'cut' it, a weakly dominated act, so this is not multimarket contact; pooled constraints "
                    f"across two dilemmas are the multimarket model's."),
            table=table, column=f"state {i}'s critical discount factor")
