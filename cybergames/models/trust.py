r"""Lack of trust: one repeated game with private types, in which reassurance is the first move.

Two states could both gain from restraint in cyberspace (no intrusions into
each other's critical infrastructure, say), but state B does not know what
kind of state A is (Kydd 2005). A *security seeker* (trustworthy, prior
probability :math:`p`) prefers mutual restraint to exploiting a partner that
restrains itself (:math:`T_t < R`); an *expansionist* (untrustworthy) would
rather exploit (:math:`T > R_u`). First A may make a costly reassuring
gesture :math:`s \in \{0, \dots, \bar s\}` (transparency measures, opening
networks to inspection), costing :math:`k_t s` to a security seeker and
:math:`k_u s` to an expansionist; then B trusts or not, and the two play the
prisoner's dilemma forever with discount factor :math:`\delta` (B's payoffs
:math:`T > R > P > S`, payoffs normalised by :math:`1 - \delta`).

**The named profile** is grim trigger: B's patience condition

.. math:: \delta \ge \delta_B = \frac{T - R}{T - P}

(Friedman 1971) is the condition of that profile, and also necessary for
permanent mutual cooperation in any equilibrium (P is B's minmax).

**The game's answer.** With B punishing a betrayal by permanent defection, a
trusted expansionist reciprocates iff :math:`\delta \ge \delta_u = (T - R_u)/(T - P)`;
below it exploits once. Each type's gain from being trusted is
:math:`G_t = R - P` and :math:`G_u = \max\{R_u, (1 - \delta) T + \delta P\} - P`.
B trusts a pool of both types iff :math:`p \ge p^*(\delta) = (1 - \delta)(P - S)/(R - P + (1 - \delta)(P - S))`,
and a gesture separates the types iff it costs an expansionist at least
:math:`G_u` and a security seeker at most :math:`G_t`: with equal costs, iff
its cost lies in :math:`[G_u, G_t]`, an interval that is non-empty iff
:math:`\delta \ge \delta_B` (and :math:`R_u \le R`). The pure perfect
Bayesian equilibria of the first move are computed with
:func:`~cybergames.signalling.perfect_bayesian_equilibria` and refined with
:func:`~cybergames.signalling.intuitive_criterion` and
:func:`~cybergames.signalling.d1`; the closed forms are in
``cybergames/models/_trust_games.py`` and the tests check one against the
other.

**The finite-horizon reading.** Over a known horizon of :math:`N` periods,
with probability :math:`\mu` the partner is a behavioural reciprocator (tit
for tat, a commitment type) and otherwise an expansionist: the cooperative
profile of Kreps, Milgrom, Roberts & Wilson (1982) is computed with
:func:`~cybergames.reputation.tit_for_tat_reputation` on B's dilemma in the
normalisation :math:`a = (T - P)/(R - P)`, :math:`b = (S - P)/(R - P)`, and the
expansionist's incentives are re-checked with its own payoffs. B cooperates
until two periods are left iff :math:`\mu \ge \mu^*(a, b)` (for
:math:`2R > T + S`). The Fudenberg–Levine (1989) bound for a reputation for
restraint against short-lived partners is :math:`S`: vacuous, since B's best
reply to restraint is to exploit it. This reading is separate from the
conditions above (``details["reputation"]``).

References
----------
* A. H. Kydd, *Trust and Mistrust in International Relations*, Princeton
  University Press, 2005 (ch. 2: security seekers and expansionists; ch. 7:
  reassurance).
* A. H. Kydd, "Trust, reassurance, and cooperation", *International
  Organization* 54(2), 2000, 325–357.
* J. W. Friedman, "A non-cooperative equilibrium for supergames", *Review of
  Economic Studies* 38(1), 1971, 1–12.
* R. Axelrod, *The Evolution of Cooperation*, Basic Books, 1984.
* I.-K. Cho and D. M. Kreps, "Signaling games and stable equilibria",
  *Quarterly Journal of Economics* 102(2), 1987, 179–221.
* D. M. Kreps, P. Milgrom, J. Roberts and R. Wilson, "Rational cooperation in
  the finitely repeated prisoners' dilemma", *Journal of Economic Theory* 27,
  1982, 245–252.
* D. Fudenberg and D. K. Levine, "Reputation and equilibrium selection in
  games with a patient player", *Econometrica* 57(4), 1989, 759–778.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import sympy

from .. import _numbers
from ..equilibria import nash_equilibria
from ..errors import ParameterError
from ..games import NormalFormGame
from ..games.classic import prisoners_dilemma
from ..repeated import (RepeatedGame, check_equilibrium, check_nash, grim_trigger, sustainable_discount_factors,
                        tit_for_tat)
from . import _trust_games as games
from . import _trust_text as text
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show

__all__ = ["TrustModel"]

#: The largest gesture grid: the number of equilibria doubles with every gesture level no type would pay for.
MAX_SIGNAL = 8
#: The longest horizon of the finite-horizon reading (its reputation profile takes O(N) exact steps).
MAX_PERIODS = 1000


@dataclass(frozen=True)
class TrustModel(Model):
    r"""Lack of trust: a repeated dilemma with a security-seeking or expansionist partner, and reassurance.

    Parameters
    ----------
    T, R, P, S : int, Fraction or float
        B's prisoner's dilemma payoffs, :math:`T > R > P > S` (temptation,
        mutual restraint, mutual defection, sucker's payoff). An expansionist
        has the same T, P, S; a security seeker the same R, P, S.
    delta : int, Fraction or float
        The common discount factor, :math:`0 \le \delta < 1`.
    prior : int, Fraction or float
        B's prior probability that A is a security seeker, :math:`0 < p < 1`.
    max_signal : int
        The largest gesture :math:`\bar s`, an integer from 1 to 8.
    unit_cost_trustworthy, unit_cost_untrustworthy : int, Fraction or float
        What one unit of gesture costs a security seeker, :math:`k_t \ge 0`,
        and an expansionist, :math:`k_u > 0` (equal by default: a gesture that
        costs every state the same, which separates only because the types
        gain differently from being trusted).
    temptation_trustworthy : int, Fraction or float
        A security seeker's payoff from exploiting, :math:`T_t < R`.
    reward_untrustworthy : int, Fraction or float
        An expansionist's payoff from mutual restraint, :math:`P < R_u < T`.
    behavioural_prior : int, Fraction or float
        The finite-horizon reading's prior :math:`\mu` that B's partner is a
        *behavioural reciprocator*, a commitment type that plays tit for tat
        whatever its payoffs (otherwise it is an expansionist), :math:`0 < \mu < 1`.
    periods : int
        The finite-horizon reading's horizon :math:`N`, an integer from 1 to
        1000 (both know it).

    Raises
    ------
    ParameterError
        A parameter that is not a number, payoffs that are not a prisoner's
        dilemma, :math:`T_t \ge R`, :math:`R_u` outside :math:`(P, T)`,
        ``delta`` or ``prior`` outside their ranges, ``max_signal`` not an
        integer in [1, 8], :math:`k_t < 0` or :math:`k_u \le 0`,
        ``behavioural_prior`` outside (0, 1), ``periods`` not an integer in [1, 1000].

    Examples
    --------
    >>> analysis = TrustModel().analyse()
    >>> [(c.name, c.value, c.holds) for c in analysis.conditions]
    [('patience for reciprocal cooperation (grim trigger profile)', Fraction(1, 2), True),
     ('trust, by reciprocity, on the prior or through reassurance', None, True)]
    >>> answer = analysis.details["answer"]
    >>> answer.equilibrium, answer.cost_interval, answer.least_gesture
    ('separating reassurance', (Fraction(8, 5), 2), 3)
    >>> reading = analysis.details["reputation"]       # ten periods, a reciprocator with probability 7/10
    >>> reading.prior_threshold, reading.holds, reading.cooperative_periods, reading.restraint_bound
    (Fraction(2, 3), True, 8, 0)
    """

    T: Any = 5
    R: Any = 3
    P: Any = 1
    S: Any = 0
    delta: Any = Fraction(3, 5)
    prior: Any = Fraction(1, 10)
    max_signal: int = 4
    unit_cost_trustworthy: Any = Fraction(3, 5)
    unit_cost_untrustworthy: Any = Fraction(3, 5)
    temptation_trustworthy: Any = 2
    reward_untrustworthy: Any = 2
    behavioural_prior: Any = Fraction(7, 10)
    periods: int = 10

    key: ClassVar[str] = "trust"
    symbols: ClassVar[dict] = games.SYMBOLS
    obstacle: ClassVar[str] = "lack of trust"

    def __post_init__(self) -> None:
        numbers = ("T", "R", "P", "S", "delta", "prior", "unit_cost_trustworthy", "unit_cost_untrustworthy",
                   "temptation_trustworthy", "reward_untrustworthy", "behavioural_prior")
        for name in numbers:
            value = getattr(self, name)
            if isinstance(value, sympy.Basic) and not value.is_number:
                raise ParameterError(f"TrustModel.{name}: expected a number, got the expression {value!r} (the "
                                     "reassurance move is solved numerically; the conditions as formulas are in "
                                     "analyse().conditions and region_condition())")
            check_parameter(self, name, symbolic=False)
        T, R, P, S = self.T, self.R, self.P, self.S
        if not T > R > P > S:
            raise ParameterError(f"TrustModel: expected T > R > P > S (a prisoner's dilemma), got T = {T!r}, "
                                 f"R = {R!r}, P = {P!r}, S = {S!r}")
        if not self.temptation_trustworthy < R:
            raise ParameterError(f"TrustModel.temptation_trustworthy: expected a value < R = {R!r} (a security "
                                 f"seeker prefers mutual restraint to exploiting), got {self.temptation_trustworthy!r}")
        if not P < self.reward_untrustworthy < T:
            raise ParameterError(f"TrustModel.reward_untrustworthy: expected a value in (P, T) = ({P!r}, {T!r}) (an "
                                 f"expansionist has prisoner's dilemma preferences), got {self.reward_untrustworthy!r}")
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True, symbolic=False)
        check_parameter(self, "prior", lower=0, upper=1, lower_open=True, upper_open=True, symbolic=False)
        check_parameter(self, "max_signal", lower=1, upper=MAX_SIGNAL, integer=True)
        check_parameter(self, "unit_cost_trustworthy", lower=0, symbolic=False)
        check_parameter(self, "unit_cost_untrustworthy", lower=0, lower_open=True, symbolic=False)
        check_parameter(self, "behavioural_prior", lower=0, upper=1, lower_open=True, upper_open=True,
                        symbolic=False)
        check_parameter(self, "periods", lower=1, upper=MAX_PERIODS, integer=True)
        self._floats_throughout(n for n in self.parameters() if n not in ("max_signal", "periods"))

    # ------------------------------------------------------------------ games
    def stage_game(self) -> Any:
        """B's stage game: :func:`cybergames.prisoners_dilemma` with the model's T, R, P, S."""
        return prisoners_dilemma(self.T, self.R, self.P, self.S)

    def type_game(self, kind: str) -> NormalFormGame:
        """The stage game between A of type ``kind`` (``"trustworthy"`` or ``"untrustworthy"``) and B.

        >>> TrustModel().type_game("trustworthy").payoffs[0].tolist()   # A's payoffs: T_t = 2 < R = 3
        [[3, 0], [2, 1]]

        Raises
        ------
        ParameterError
            If ``kind`` is not one of the two types.
        """
        if kind not in games.TYPES:
            raise ParameterError(f"kind: expected one of {games.TYPES}, got {kind!r}")
        T, R, P, S = self.T, self.R, self.P, self.S
        own = (self.temptation_trustworthy, R) if kind == "trustworthy" else (T, self.reward_untrustworthy)
        return NormalFormGame(([[own[1], S], [own[0], P]], [[R, T], [S, P]]), actions=(("C", "D"), ("C", "D")))

    def answer(self) -> games.TrustAnswer:
        """The game's answer in closed form (``solve_trust`` in ``cybergames/models/_trust_games.py``)."""
        return games.solve_trust(self.T, self.R, self.P, self.S, self.reward_untrustworthy, self.delta, self.prior,
                                 self.unit_cost_trustworthy, self.unit_cost_untrustworthy, self.max_signal)

    def reputation(self) -> games.ReputationReading:
        """The finite-horizon reading: KMRW reputation with a behavioural reciprocator (``reputation_reading``
        in ``cybergames/models/_trust_games.py``) and the Fudenberg–Levine bound for a reputation for restraint.
        """
        return games.reputation_reading(self.T, self.R, self.P, self.S, self.reward_untrustworthy,
                                        self.behavioural_prior, self.periods, self.delta)

    def reassurance_game(self) -> Any:
        """The first move as a :class:`~cybergames.signalling.SignallingGame` (gestures ``"0"`` to ``str(max_signal)``).

        Its payoffs are the two states' values of the repeated game after trust or distrust.
        """
        R, P, S, delta = self.R, self.P, self.S, self.delta
        answer = self.answer()
        reciprocates = delta >= answer.reciprocity_threshold
        partner = R if reciprocates else (1 - delta) * S + delta * P
        trusted = {"trustworthy": (R, R), "untrustworthy": (answer.gains[1] + P, partner)}
        costs = {"trustworthy": self.unit_cost_trustworthy, "untrustworthy": self.unit_cost_untrustworthy}
        return games.reassurance_game(trusted, P, self.prior, costs,
                                      tuple((str(s), s) for s in range(self.max_signal + 1)))

    # --------------------------------------------------------------- formulas
    def region_condition(self, free: Any = None) -> Any:
        r"""The region where cooperation starts, as a sympy relation in the parameter symbols.

        .. math:: \delta \ge \delta_B \;\wedge\; \bigl(\delta \ge \delta_u \vee p \ge p^*(\delta)
                  \vee (s^* \le \bar s \wedge k_t s^* \le R - P)\bigr)

        (see the module docstring). ``free`` names the parameters left as
        symbols; the others take the model's values. Default: all free.

        Raises
        ------
        ParameterError
            If ``free`` names something that is not a parameter.

        Examples
        --------
        >>> delta, prior = TrustModel.symbols["delta"], TrustModel.symbols["prior"]
        >>> region = TrustModel().region_condition(free=("delta", "prior"))
        >>> bool(region.subs({delta: sympy.Rational(3, 5), prior: sympy.Rational(1, 10)}))
        True
        """
        condition = sympy.And(sympy.Ge(games.SYMBOLS["delta"], games.grim_threshold()), games.trust_formula())
        # one simultaneous replacement: ``subs`` substitutes one symbol at a time and re-evaluates the Max and
        # ceiling of every partial result, up to half a second at a point
        return condition.xreplace(self._fixed(free))

    def no_gesture_condition(self, free: Any = None) -> Any:
        r"""Where cooperation starts without a gesture.

        .. math:: \delta \ge \delta_B \wedge (\delta \ge \delta_u \vee p \ge p^*(\delta))


        >>> TrustModel().no_gesture_condition(free=("prior",))
        prior >= 1/6
        """
        return games.no_gesture_formula().xreplace(self._fixed(free))

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """The game's equilibria, the profile's and the game's conditions, and the remedies.

        Returns
        -------
        ModelAnalysis
            ``details`` holds ``stage_game``, ``stage_equilibria``,
            ``repeated_game``, ``grim_trigger`` (the :class:`~cybergames.repeated.DeltaSet`),
            ``grim_check``, ``tit_for_tat``, ``tit_for_tat_nash``,
            ``reassurance_game``, ``reassurance`` (the equilibria of the first
            move by outcome), ``prior_threshold`` (:math:`p^*(\\delta)`),
            ``least_cost_gesture`` (from the equilibria), ``answer`` (the
            closed forms, ``TrustAnswer`` (``cybergames/models/_trust_games.py``)),
            ``reciprocity_threshold`` and ``reputation`` (the finite-horizon
            reading, ``ReputationReading``: the KMRW profile with a behavioural
            reciprocator over ``periods`` periods, and the Fudenberg–Levine
            bound; a separate reading, so not among the conditions, which are
            those of the infinite-horizon game).
        """
        stage = self.stage_game()
        rg = RepeatedGame(stage)
        grim = (grim_trigger(), grim_trigger())
        grim_set = sustainable_discount_factors(rg, grim)
        grim_check = check_equilibrium(rg, grim, self.delta)
        tft = (tit_for_tat(), tit_for_tat())
        tft_set = sustainable_discount_factors(rg, tft)
        tft_nash = check_nash(rg, tft, self.delta)
        answer = self.answer()
        sg = self.reassurance_game()
        reassurance = games.solve_reassurance(sg)
        reading = self.reputation()
        details = {
            "stage_game": stage, "stage_equilibria": nash_equilibria(stage), "repeated_game": rg,
            "grim_trigger": grim_set, "grim_check": grim_check, "tit_for_tat": tft_set, "tit_for_tat_nash": tft_nash,
            "reassurance_game": sg, "reassurance": reassurance, "prior_threshold": answer.prior_threshold,
            "least_cost_gesture": reassurance.least_cost_gesture, "answer": answer,
            "reciprocity_threshold": answer.reciprocity_threshold, "reputation": reading,
        }
        findings = (text.one_shot(self, details["stage_equilibria"]), text.types(self, answer),
                    text.grim(self, grim_set, grim_check), text.tit_for_tat(self, tft_set, tft_nash),
                    text.prior(self, answer, reassurance), text.separation(self, answer, reassurance),
                    text.refinements(reassurance), text.game_answer(self, answer, reassurance))
        from ._game import answerable, perfect_monitoring_answer, perfect_monitoring_findings
        game = None
        trusted = answer.equilibrium != "none" or self.delta < answer.partner_threshold
        if answerable(self) and trusted:
            known = RepeatedGame(self.type_game("trustworthy"))
            game = perfect_monitoring_answer(known, self.delta, "grim trigger")
            findings = (*findings, text.known_type_lead(self),
                        *perfect_monitoring_findings(game, self.delta))
        findings = (*findings, text.reputation(self, reading), text.restraint(self, reading))
        return ModelAnalysis(
            model=self, obstacle=self.obstacle, game=game,
            summary=(f"Two states repeat a cyber-restraint dilemma (B's prisoner's dilemma T, R, P, S = "
                     f"{show(self.T)}, {show(self.R)}, {show(self.P)}, {show(self.S)}; discount factor "
                     f"{show(self.delta)}); B believes A a security seeker (T_t = {show(self.temptation_trustworthy)}"
                     f") with probability {show(self.prior)}, else an expansionist (R_u = "
                     f"{show(self.reward_untrustworthy)}); A can first make a costly gesture of 0 to "
                     f"{self.max_signal} units. Read over a known horizon of {self.periods} periods, B's partner "
                     f"is a behavioural reciprocator (tit for tat) with probability {show(self.behavioural_prior)}."),
            findings=tuple(f for f in findings if f),
            conditions=(self._grim_condition(grim_set, grim_check), self._trust_condition(answer, reassurance)),
            remedies=(self._gesture_remedy(), self._prior_remedy(), self._patience_remedy(),
                      self._resilience_remedy(), self._reputation_remedy(reading)),
            details=details, verdict=text.verdict(self, answer), numbers=text.numbers(self, answer, reading))

    # ----------------------------------------------------------- conditions
    def _grim_condition(self, grim_set: Any, check: Any) -> Condition:
        threshold = grim_set.infimum
        weakly = " (weakly: B is indifferent)" if self.delta == threshold else ""
        return Condition(
            name="patience for reciprocal cooperation (grim trigger profile)",
            formula=sympy.Ge(games.SYMBOLS["delta"], games.grim_threshold()),
            value=threshold, holds=check.holds,
            explanation=(f"The condition of the grim-trigger profile: a defection gains B T - R = "
                         f"{show(self.T - self.R)} once and loses R - P = {show(self.R - self.P)} in every later "
                         f"period, so it holds iff delta >= {show(threshold)}; here delta = {show(self.delta)}"
                         f"{weakly}. P is B's minmax, so permanent cooperation needs it in any equilibrium."))

    def _trust_condition(self, answer: Any, reassurance: Any) -> Condition:
        holds = answer.equilibrium != "none" or (self.delta < answer.partner_threshold and (
            self.delta >= answer.reciprocity_threshold or self.prior >= answer.prior_threshold or answer.separates))
        return Condition(name="trust, by reciprocity, on the prior or through reassurance",
                         formula=games.trust_formula(), value=None, holds=bool(holds),
                         explanation=text.trust_explanation(self, answer))

    # ------------------------------------------------------------- remedies
    def least_cost_gesture(self, unit_cost_untrustworthy: Any) -> Any:
        """The least separating gesture when a gesture costs an expansionist ``unit_cost_untrustworthy`` per unit.

        Computed from the equilibria of the first move (None when no gesture separates).

        >>> TrustModel().least_cost_gesture(1)
        2
        """
        model = self.replace(unit_cost_untrustworthy=unit_cost_untrustworthy)
        return games.solve_reassurance(model.reassurance_game(), refine=False).least_cost_gesture

    def _closed_form_gesture(self, unit_cost_untrustworthy: Any) -> Any:
        answer = self.replace(unit_cost_untrustworthy=unit_cost_untrustworthy).answer()
        return answer.least_gesture if answer.separates else None

    def _gesture_remedy(self) -> Remedy:
        g_t, g_u = self.answer().gains
        steps = sorted({n for n in (1, 2, 3, 4, self.max_signal, self.max_signal + 1)})
        costs = {_numbers.simplify_exact(_numbers.ratio(g_u, n)) for n in steps} | {self.unit_cost_untrustworthy}
        table = tuple((c, self._closed_form_gesture(c)) for c in sorted(costs))
        return Remedy(
            name="costly reassurance gestures (trust-building measures)", parameter="unit_cost_untrustworthy",
            effect=(f"A gesture separates iff it costs an expansionist at least its gain from being trusted, G_u = "
                    f"{show(g_u)}, and a security seeker at most its gain, G_t = {show(g_t)}: with equal costs, iff "
                    f"its cost lies in [G_u, G_t]. The costlier a unit of gesture to an expansionist (k_u), the "
                    f"smaller the gesture that reassures, s* = max(1, ceiling(G_u/k_u)), while k_t s* <= G_t and "
                    f"s* <= {self.max_signal} (the table gives s*, none where no gesture separates)."),
            table=table, column="least separating gesture s* (units)")

    def _prior_remedy(self) -> Remedy:
        priors = sorted({Fraction(1, 20), Fraction(1, 10), Fraction(1, 5), Fraction(1, 3), Fraction(1, 2)}
                        | {self.prior}) if not isinstance(self.prior, float) else [0.05, 0.1, 0.2, 1 / 3, 0.5]
        table = tuple((p, self.replace(prior=p).answer().start_without) for p in priors)
        return Remedy(
            name="confidence building (a higher prior of a security seeker)", parameter="prior",
            effect=("A higher prior lowers the discount factor from which B trusts without a gesture: p >= p*(delta) "
                    "iff delta >= 1 - p (R - P)/((1 - p)(P - S)), bounded below by B's patience (T - R)/(T - P) and "
                    "above by (T - R_u)/(T - P), from which an expansionist reciprocates (the table gives the least "
                    "delta for cooperation without a gesture)."),
            table=table, column="least delta for cooperation without a gesture")

    def _patience_remedy(self) -> Remedy:
        d_b, d_u = self.answer().partner_threshold, self.answer().reciprocity_threshold
        deltas = sorted({d_b, _numbers.simplify_exact((d_b + d_u) / 2), self.delta, d_u})
        table = tuple((d, self.replace(delta=d).answer().cost_interval[0]) for d in deltas if d < 1)
        return Remedy(
            name="a longer shadow of the future (patience)", parameter="delta",
            effect=("Patience shrinks an expansionist's gain from being trusted, G_u = max(R_u, (1 - delta) T + "
                    "delta P) - P (one exploitation is worth less), and with it the cheapest gesture that "
                    "separates and the prior needed without one, p*(delta); from (T - R_u)/(T - P) an expansionist "
                    "reciprocates (the table gives G_u, the lower end of the separating cost interval [G_u, G_t])."),
            table=table, column="expansionist's gain from trust G_u")

    def _reputation_remedy(self, reading: Any) -> Remedy:
        mu = self.behavioural_prior
        if isinstance(mu, float):
            priors = sorted({0.2, 0.5, float(reading.prior_threshold), mu})
        else:
            priors = sorted({Fraction(1, 5), Fraction(1, 2), reading.prior_threshold, mu})
        table = tuple((m, reading.cooperative_periods if m == mu else
                       self.replace(behavioural_prior=m).reputation().cooperative_periods) for m in priors if 0 < m < 1)
        return Remedy(
            name="a reputation for reciprocity (finite horizon: a likelier behavioural reciprocator)",
            parameter="behavioural_prior",
            effect=(f"Over {self.periods} periods, the likelier B thinks its partner a reciprocator that plays tit for "
                    f"tat, the longer the expansionist finds it worth mimicking one"
                    + (f": from μ* = {show(reading.prior_threshold)} on both cooperate in all but the last two periods"
                       if reading.a + reading.b < 2 else "")
                    + " (Kreps, Milgrom, Roberts & Wilson 1982; the table gives the periods of sure mutual cooperation "
                      "in that profile, 0 where it fails)."),
            table=table, column=f"periods of mutual cooperation out of {self.periods}")

    def _resilience_remedy(self) -> Remedy:
        P, S = self.P, self.S
        half = _numbers.ratio(P - S, 2)
        values = (S - (P - S), S, S + half, S + half + _numbers.ratio(half, 2))
        table = tuple((_numbers.simplify_exact(v), self.replace(S=v).answer().prior_threshold) for v in values)
        return Remedy(
            name="limiting the damage of misplaced trust (resilience)", parameter="S",
            effect=("Raising S, what a betrayed partner keeps (segmented networks, backups, limited access for the "
                    "other side), lowers the prior at which trust needs no gesture, p*(delta) = (1 - delta)(P - S)/"
                    "(R - P + (1 - delta)(P - S)) (the table gives p* at the model's delta)."),
            table=table, column="prior needed without a gesture p*")
