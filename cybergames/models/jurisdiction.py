r"""Legal and jurisdictional complexity: a host state prosecutes or harbours the attackers on its soil.

Attacks are often launched from states that will not prosecute the attackers:
proxies, patriotic hackers and criminal groups who serve or pay the host are
tolerated, and the victim has no jurisdiction over them (the sanctuary problem
of Maurer 2018). Mutual legal assistance, data preservation and extradition
(Budapest Convention on Cybercrime 2001, arts. 23-35) raise the chance that
tolerated attacks are traced to the host's inaction; sanctions raise their cost.

The game
--------
Each period the host H prosecutes (C) or harbours (D) the attackers on its
territory; the victim V cooperates (C) or sanctions (D). Payoffs (host, victim):

=================  =====================  ==============================
                   victim cooperates      victim sanctions
=================  =====================  ==============================
host prosecutes    :math:`v - c_p,\ 0`    :math:`-s - c_p,\ -k`
host harbours      :math:`v + b,\ -d`     :math:`b - s,\ -(1 - \rho) d - k`
=================  =====================  ==============================

with :math:`v` the value of normal relations to the host, :math:`c_p` its cost
of prosecuting, :math:`b` its benefit from harbouring proxies, :math:`s` the
sanction's cost to it, :math:`d` the damage harboured attackers do to the victim,
:math:`k` the victim's cost of sanctioning and :math:`\rho` the share of the
damage sanctions avert. Harbouring is the host's dominant action (it gains
:math:`b + c_p`), so the stage game's equilibrium is the sanctuary
(harbour, sanction) when :math:`\rho d \ge k`.

Harbouring is detected and attributed with probability :math:`\pi`
(``enforcement``); a prosecuting host is falsely accused with probability
:math:`r` (``false_accusation``, default 0). The public signal is (detected or
not, the victim's action). Strategy: prosecute and cooperate until harbouring
is detected, then harbour and sanction for ever. With
:math:`G = v + s - b - c_p` (what the host loses when relations collapse into
sanctions), the one-shot deviation principle gives (derived in
:doc:`/explanation/model-jurisdiction`)

.. math::
   \delta\,[(b + c_p)(1 - r) + G(\pi - r)] \ge b + c_p
   \quad\text{and}\quad \rho d \ge k,

the second being the credibility of the punishment: (harbour, sanction) must
be a stage equilibrium. With :math:`r = 0` the first is
:math:`\delta \pi G \ge (1 - \delta)(b + c_p)`, i.e.
:math:`\pi \ge \pi^* = (1 - \delta)(b + c_p)/(\delta G)` and
:math:`s \ge s^* = (1 - \delta)(b + c_p)/(\delta\pi) + b + c_p - v`.

The analysis computes every number with the library (the stage game's
equilibria, the exact sustainable discount factors of the trigger profile
under this monitoring, one-shot-deviation checks); the formulas are the
library's constraint polynomials on the symbolic game, solved for
:math:`\delta`, :math:`\pi`, :math:`s` and :math:`\rho`
(:mod:`cybergames.models._jurisdiction_game`).

References
----------
T. Maurer, *Cyber Mercenaries: The State, Hackers, and Power*, Cambridge
University Press, 2018 (sanctuaries and state-proxy relationships).
Council of Europe, *Convention on Cybercrime* (ETS No. 185), Budapest, 2001,
arts. 23-35 (international co-operation, mutual assistance).
G. S. Becker, "Crime and punishment: an economic approach", *Journal of
Political Economy* 76(2), 1968 (certainty and severity of punishment).
E. J. Green and R. H. Porter, "Noncooperative collusion under imperfect price
information", *Econometrica* 52(1), 1984 (trigger strategies on imperfect signals).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ..equilibria import nash_equilibria
from ..errors import ParameterError
from ..repeated import check_equilibrium, sustainable_discount_factors, values
from . import _jurisdiction_game as game
from ._base import Condition, Model, ModelAnalysis, check_parameter
from ._jurisdiction_text import findings, remedies, show

__all__ = ["JurisdictionModel"]

#: The named profile, for the conditions' label.
PROFILE_NAME = "the trigger on detected harbouring"
#: Rounds of (harbour, sanction) after a detection in the family searched (None: for ever).
PUNISHMENT_ROUNDS = (1, 2, 3, 5, None)
#: The family in words.
FAMILY = ("prosecute and cooperate until harbouring is detected, then harbour and sanction for 1, 2, 3 or 5 "
          "rounds or for ever")
#: Larger discount factors tried when no member of the family is an equilibrium at the model's.
PATIENT_DELTAS = (Fraction(9, 10), Fraction(19, 20), Fraction(99, 100))


@dataclass(frozen=True)
class JurisdictionModel(Model):
    r"""A host state that prosecutes or harbours attackers; a victim that cooperates or sanctions.

    All must be non-negative. Numbers may be ints, Fractions (exact results),
    floats (float results) or sympy expressions (formulas).

    Parameters
    ----------
    relations_value : number, default 4
        :math:`v`, the host's per-period value of normal relations with the victim.
    prosecution_cost : number, default 1
        :math:`c_p`, the host's cost of prosecuting the attackers.
    harbour_benefit : number, default 2
        :math:`b`, the host's benefit from harbouring them (proxies' services, rents).
    sanction : number, default 2
        :math:`s`, the sanction's cost to the host.
    damage : number, default 5
        :math:`d > 0`, the damage harboured attackers do to the victim per period.
    sanction_cost : number, default 1
        :math:`k`, the victim's own cost of sanctioning.
    averted_share : number, default 2/5
        :math:`\rho \in [0, 1]`, the share of the damage that sanctions avert.
    enforcement : number, default 1/5
        :math:`\pi \in [0, 1]`, the probability that harbouring is detected and attributed.
    false_accusation : number, default 0
        :math:`r \in [0, \pi]`, the probability that a prosecuting host is accused anyway.
    delta : number, default 4/5
        :math:`\delta \in [0, 1)`, the common discount factor.

    Raises
    ------
    ParameterError
        If a parameter is not a number or lies outside its range.

    Examples
    --------
    >>> model = JurisdictionModel()
    >>> model.critical_discount_factor(), model.minimal_enforcement(), model.minimal_sanction()
    (Fraction(5, 6), Fraction(1, 4), Fraction(11, 4))
    >>> JurisdictionModel(enforcement=Fraction(1, 2)).critical_discount_factor()
    Fraction(2, 3)
    """

    relations_value: Any = 4
    prosecution_cost: Any = 1
    harbour_benefit: Any = 2
    sanction: Any = 2
    damage: Any = 5
    sanction_cost: Any = 1
    averted_share: Any = Fraction(2, 5)
    enforcement: Any = Fraction(1, 5)
    false_accusation: Any = 0
    delta: Any = Fraction(4, 5)

    key: ClassVar[str] = "jurisdiction"
    symbols: ClassVar[dict] = game.SYMBOLS
    obstacle: ClassVar[str] = "legal and jurisdictional complexity"

    def __post_init__(self) -> None:
        for name in ("relations_value", "prosecution_cost", "harbour_benefit", "sanction", "sanction_cost"):
            check_parameter(self, name, lower=0)
        check_parameter(self, "damage", lower=0, lower_open=True)
        for name in ("averted_share", "enforcement", "false_accusation"):
            check_parameter(self, name, lower=0, upper=1)
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True)
        _numbers.require(self.false_accusation <= self.enforcement, ParameterError,
                         f"{type(self).__name__}.false_accusation: expected a value <= enforcement "
                         f"({show(self.enforcement)}): a prosecuting host cannot be accused more often than "
                         f"a harbouring one is caught; got {show(self.false_accusation)}")
        self._floats_throughout()

    # ------------------------------------------------------------ the games
    def stage_game(self):
        """The stage game (players ``host``, ``victim``) as a :class:`~cybergames.NormalFormGame`."""
        return game.stage_game(self.parameters())

    def repeated_game(self):
        """The repeated game with the detection technology as its public monitoring."""
        return game.repeated_game(self.parameters())

    @staticmethod
    def profile() -> tuple:
        """The trigger profile: cooperate until harbouring is detected, then harbour / sanction for ever."""
        return game.profile()


    def _premium(self, **changes: Any) -> Any:
        p = {**self.parameters(), **changes}
        return p["relations_value"] + p["sanction"] - p["harbour_benefit"] - p["prosecution_cost"]

    # ------------------------------------------------------------ thresholds
    def critical_discount_factor(self, **changes: Any) -> Any:
        r"""The host's critical discount factor :math:`\delta^*` (None if no :math:`\delta < 1` works).

        Computed by the library (:func:`~cybergames.repeated.sustainable_discount_factors`
        with the host's constraints only) for numeric parameters, from the
        library's symbolic condition for symbolic ones. ``changes`` override parameters.
        """
        model = self.replace(**changes) if changes else self
        if model.is_symbolic:
            return model._substitute(game.derivation().delta_threshold)
        delta_set = sustainable_discount_factors(model.repeated_game(), model.profile(), player=0)
        return _numbers.simplify_exact(delta_set.infimum) if delta_set.is_interval_to_one else None

    def minimal_enforcement(self, **changes: Any) -> Any:
        r""":math:`\pi^*`, the least enforcement probability sustaining prosecution at :math:`\delta`.

        None where none exists (:math:`\delta = 0` or :math:`v + s \le b + c_p`); it
        may exceed 1, meaning that enforcement alone cannot do it.
        """
        model = self.replace(**changes) if changes else self
        if _numbers.truth(model.delta > 0) is False or _numbers.truth(model._premium() > 0) is False:
            return None
        return model._substitute(game.derivation().enforcement_threshold)

    def minimal_sanction(self, **changes: Any) -> Any:
        r""":math:`s^*`, the least sanction sustaining prosecution at :math:`\delta` and :math:`\pi`.

        None where none exists (:math:`\delta = 0` or :math:`\pi = r`); 0 where no
        sanction is needed (the loss of normal relations deters on its own).
        """
        model = self.replace(**changes) if changes else self
        if _numbers.truth(model.delta > 0) is False or \
                _numbers.truth(model.enforcement > model.false_accusation) is False:
            return None
        threshold = model._substitute(game.derivation().sanction_threshold)
        if isinstance(threshold, sympy.Basic):
            return sympy.Max(0, threshold)
        return threshold if threshold > 0 else (0.0 if isinstance(threshold, float) else 0)

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""The sustainability region as a sympy relation in the parameter symbols.

        .. math:: \delta[(b + c_p)(1 - r) + (v + s - b - c_p)(\pi - r)] \ge b + c_p
           \ \wedge\ \rho d \ge k

        (the library's two binding constraint polynomials; valid for every
        parameter value, with no division). Parameters named in ``free`` stay
        symbols (default: all of them, so that
        :func:`cybergames.sweep.vectorize` can evaluate it on any grid); the
        others take the model's values.

        >>> JurisdictionModel().region_condition(free=["enforcement"])
        enforcement >= 1/4
        """
        return self._region(game.derivation().region, free)

    # ------------------------------------------------------------ the game
    def candidate_profiles(self) -> list:
        """The family searched by :meth:`game_answer`: (name, profile) pairs, the trigger on detection with
        punishments of ``PUNISHMENT_ROUNDS`` rounds."""
        from ..repeated import trigger_on_signal
        out = []
        for rounds in PUNISHMENT_ROUNDS:
            profile = (trigger_on_signal(game.detected, periods=rounds, cooperate=game.PROSECUTE,
                                         defect=game.HARBOUR),
                       trigger_on_signal(game.detected, periods=rounds, cooperate=game.COOPERATE,
                                         defect=game.SANCTION))
            out.append(("the trigger on detection, punishing " + ("for ever" if rounds is None else
                                                                  f"for {rounds} round{'s' * (rounds > 1)}"),
                        profile))
        return out

    def game_answer(self) -> Any:
        r"""What the game allows at the model's parameters, beyond the trigger on detected harbouring.

        The folk-theorem conditions (:func:`~cybergames.repeated.folk_theorem_conditions`,
        exact ranks), the least discount factor at which prosecution and
        cooperation in every period is an equilibrium outcome (exact when no
        prosecuting host is falsely accused, :math:`r = 0`: see
        ``cybergames/models/_game_path.py``; not computed otherwise), and the
        best of :meth:`candidate_profiles` at :math:`\delta` by
        :func:`~cybergames.repeated.best_equilibrium` (screened in floats,
        confirmed exactly), or at the first of ``PATIENT_DELTAS`` above
        :math:`\delta` where one is an equilibrium, with its exact delta set.

        Returns
        -------
        cybergames.models.GameAnswer

        Examples
        --------
        >>> answer = JurisdictionModel().game_answer()
        >>> answer.bracket.lower, answer.bracket.exact, answer.best, answer.patient.least_delta
        (Fraction(5, 6), True, None, Fraction(5, 6))
        """
        from ..repeated import best_equilibrium, folk_theorem_conditions
        from ._game import ExplicitEquilibrium, GameAnswer, answerable, first_found
        from ._game_path import path_threshold
        cooperation = (self.relations_value - self.prosecution_cost, 0)
        if not answerable(self):
            return GameAnswer(PROFILE_NAME, cooperation, None, None, None, "",
                              notes=("the game's answer is computed for exact parameters with 0 < δ < 1 only",))
        rg = self.repeated_game()
        candidates = self.candidate_profiles()

        def search(delta: Any) -> Any:
            found = best_equilibrium(rg, delta, max_states=0, use_family=False, payoff_set=False,
                                     candidates=[p for _, p in candidates])
            if found.value is None:
                return None
            name = next((n for n, p in candidates if all(a is b for a, b in zip(p, found.profile))),
                        found.description)
            return ExplicitEquilibrium(name, found.profile, delta, tuple(values(rg, found.profile, delta).initial),
                                       sustainable_discount_factors(rg, found.profile),
                                       "one-shot deviation principle at every state, exact arithmetic")

        best, patient = first_found(search, self.delta, PATIENT_DELTAS)
        bracket = path_threshold(rg)
        notes = ["payoff-set bounds not computed in the analysis (equilibrium_payoff_set: tens of seconds)"]
        if bracket is None:
            notes.append("the least δ for full cooperation is not computed: with false accusations (r > 0) the "
                         "cooperative path is not observed without noise, and min_discount_factor_for_payoff "
                         "bisects over payoff sets (minutes)")
        return GameAnswer(PROFILE_NAME, cooperation, folk_theorem_conditions(rg), best, patient, FAMILY,
                          notes=tuple(notes), bracket=bracket)

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """Equilibria, the conditions for prosecution and the comparative statics of enforcement and sanctions.

        Returns
        -------
        ModelAnalysis
            Conditions: the host's critical discount factor, the minimal
            enforcement probability, the minimal sanction and the credibility of
            the punishment (the least averted share of damage). Remedies:
            enforcement, sanctions, and the sanction each enforcement level
            needs. ``details``: ``repeated_game``, ``profile``, ``derivation``
            (the symbolic derivation) and, for numeric parameters,
            ``stage_equilibria``, ``delta_set`` (both players),
            ``host_delta_set``, ``victim_delta_set``, ``check`` (one-shot
            deviations at the model's delta) and ``path_values``.
        """
        derived = game.derivation()
        p = self.parameters()
        symbolic = self.is_symbolic
        rg, profile = self.repeated_game(), self.profile()
        details: dict[str, Any] = {"repeated_game": rg, "profile": profile, "derivation": derived}
        delta_star = self.critical_discount_factor()
        rho_star = self._substitute(derived.averted_share_threshold)
        if symbolic:
            credible = _numbers.truth(p["averted_share"] * p["damage"] >= p["sanction_cost"])
            prosecutes = None if delta_star is None else _numbers.truth(p["delta"] >= delta_star)
        else:
            host_set, victim_set = (sustainable_discount_factors(rg, profile, player=i) for i in (0, 1))
            check = check_equilibrium(rg, profile, p["delta"])
            credible = not victim_set.is_empty
            prosecutes = p["delta"] in host_set
            details.update(stage_equilibria=nash_equilibria(rg.stage),
                           delta_set=sustainable_discount_factors(rg, profile), host_delta_set=host_set,
                           victim_delta_set=victim_set, check=check,
                           path_values=values(rg, profile, p["delta"]).initial)
        pi_star, s_star = self.minimal_enforcement(), self.minimal_sanction()
        r = p["false_accusation"]
        formula = (lambda e: e.subs(game.SYMBOLS["false_accusation"], _numbers.to_sympy(r)))
        S = game.SYMBOLS
        conditions = (
            Condition("host prosecutes: critical discount factor",
                      sympy.Ge(game.DELTA, formula(derived.delta_threshold)), delta_star, prosecutes,
                      "The host prosecutes iff the expected loss from detected harbouring, "
                      "delta (pi - r) (v + s - b - c_p), outweighs what harbouring gains now, "
                      "(1 - delta (1 - r)) (b + c_p)" + (f"; with false accusations at r = {show(r)}"
                                                        if r != 0 else "") + "."),
            Condition("minimal enforcement probability",
                      sympy.Ge(S["enforcement"], formula(derived.enforcement_threshold)), pi_star, prosecutes,
                      "The least probability of detecting and attributing harbouring at which the host "
                      "prefers to prosecute (valid where v + s > b + c_p; above 1 means enforcement "
                      "alone cannot do it)."),
            Condition("minimal sanction", sympy.Ge(S["sanction"], formula(derived.sanction_threshold)),
                      s_star, prosecutes,
                      "The least cost a detected host must bear for prosecution to be its better course "
                      "at the current enforcement probability."),
            Condition("credible punishment (sanctioning is a stage best reply)",
                      sympy.Ge(S["averted_share"], derived.averted_share_threshold), rho_star, credible,
                      "After a detection the victim must want to sanction: sanctions must avert more "
                      "damage (rho d) than they cost (k), so that (harbour, sanction) is a stage equilibrium "
                      "and the threat is not empty."),
        )
        summary = ("Host state prosecutes or harbours attackers; harbouring is detected with probability "
                   "pi and answered by lasting sanctions: repeated enforcement game with imperfect detection.")
        from ._game import answer_findings
        answer = None if symbolic else self.game_answer()
        extra = () if answer is None or answer.folk is None else answer_findings(
            answer, self.delta, "prosecution and cooperation", per="")
        return ModelAnalysis(self, self.obstacle, summary, (*findings(self, details, delta_star, pi_star, s_star,
                                                                      credible, prosecutes), *extra),
                             conditions, remedies(self, delta_star, pi_star, s_star), details, game=answer)
