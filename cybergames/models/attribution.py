r"""Attribution and anonymity: deterrence when cyber operations are attributed with noise.

The obstacle
------------
A state that wants to deter cyber operations must know whom to punish, and
attribution is slow, uncertain and contestable (Rid & Buchanan 2015). It can
only retaliate against whoever is *blamed*: a guilty state escapes with
probability :math:`1 - q`, an innocent one is hit with probability :math:`r`
(misattribution, false flags). Weak detection blunts deterrence; false flags
make retaliation break out when nobody attacked.

The model
---------
Two states repeat a prisoner's dilemma, each round choosing restraint
(``"Restrain"``) or an attack (``"Attack"``) with payoffs :math:`T > R > P > S`
(defaults Axelrod's 5, 3, 1, 0). After each round each state is publicly
blamed or not, independently: an attacker with probability ``detect``
:math:`q`, a restrained state with probability ``false_flag`` :math:`r`
(:func:`~cybergames.repeated.noisy_attribution`). Both restrain until some
state is blamed, then attack for ever (``punishment=None``) or for
``punishment`` = :math:`k` rounds (:func:`~cybergames.repeated.trigger_on_signal`).
The profile is a perfect public equilibrium or not; the library computes its
exact set of discount factors.

The condition
-------------
Nobody is blamed after a round of restraint with probability
:math:`\rho_c = (1 - r)^2`, after a lone attack with :math:`\rho_d = (1 - q)(1 - r)`.
With :math:`V` the value of restraint, :math:`V - P = (1 - \delta)(R - P)/(1 - \delta\rho_c)`
under permanent retaliation, and attacking once does not pay iff
:math:`(1 - \delta)(T - R) \le \delta (\rho_c - \rho_d)(V - P)`, that is

.. math:: \delta \left[\rho_c (T - P) - \rho_d (R - P)\right] \ge T - R
   \iff \delta \ge \delta^* = \frac{T - R}{(T - P)(1 - r)^2 - (R - P)(1 - q)(1 - r)},

possible for some :math:`\delta < 1` only while the bracket exceeds
:math:`T - R`: the trigger-strategy condition of imperfect public monitoring
(Green & Porter 1984; Mailath & Samuelson 2006, ch. 7), with blame as the
public signal. With :math:`q = 1, r = 0` it is the textbook :math:`(T - R)/(T - P)`.
Retaliation for :math:`k` rounds deters iff
:math:`A (\delta + \dots + \delta^k) \ge T - R` with
:math:`A = (\rho_c - \rho_d)(R - P) - (1 - \rho_c)(T - R)`. Higher :math:`q`
and lower :math:`r` both lower :math:`\delta^*`; false flags also lower the
value of restraint, since retaliation breaks out with probability
:math:`1 - \rho_c` in every peaceful round.

Baliga, Bueno de Mesquita & Wolitzky (2020) study deterrence by a defender
facing several possible attackers and a richer attribution signal; they find
that better detection and fewer false alarms strengthen deterrence, while some
other improvements in attribution can backfire. Here blame falls on each state
independently, and better attribution (higher :math:`q`, lower :math:`r`)
never shrinks the region where deterrence holds, in line with their results on
detection and false alarms.

In the game, beyond this profile, :meth:`AttributionModel.game_answer`
searches explicit equilibria (targeted retaliation punishes only the blamed
state), and :meth:`AttributionModel.restraint_lower_bound` is a certified
outer bound: below :math:`g / (g + |q - r|(\bar v - P))`, with
:math:`g = \min(T - R, P - S)` and :math:`\bar v` a state's best feasible
payoff that leaves the other its minmax :math:`P`, no perfect public
equilibrium has either state restrain
(``cybergames/models/_attribution_regions.py``).

References
----------
* S. Baliga, E. Bueno de Mesquita and A. Wolitzky, "Deterrence with imperfect
  attribution", *American Political Science Review* 114(4), 2020, 1155-1178.
* T. Rid and B. Buchanan, "Attributing cyber attacks", *Journal of Strategic
  Studies* 38(1-2), 2015, 4-37.
* E. J. Green and R. H. Porter, "Noncooperative collusion under imperfect price
  information", *Econometrica* 52(1), 1984, 87-100.
* G. J. Mailath and L. Samuelson, *Repeated Games and Reputations*, 2006, ch. 7.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import sympy

from ..equilibria import nash_equilibria
from ..errors import ParameterError
from ..games.classic import prisoners_dilemma
from ..games.normal_form import NormalFormGame
from ..repeated import (RepeatedGame, best_equilibrium, check_equilibrium, folk_theorem_conditions,
                        noisy_attribution, sustainable_discount_factors, targeted_retaliation, trigger_on_signal,
                        values)
from . import _attribution_formulas as closed
from ._base import Model, ModelAnalysis, check_parameter

__all__ = ["AttributionModel", "anyone_blamed", "SYMBOLS"]

RESTRAIN, ATTACK = "Restrain", "Attack"
#: Longest limited punishment analysed (the automaton has punishment + 1 states per player).
MAX_PUNISHMENT = 20

T_, R_, P_, S_ = sympy.symbols("T R P S", real=True)
DETECT = sympy.Symbol("detect", nonnegative=True)
FALSE_FLAG = sympy.Symbol("false_flag", nonnegative=True)
DELTA = sympy.Symbol("delta", nonnegative=True)
#: The parameter symbols of the formulas, by parameter name.
SYMBOLS = {"T": T_, "R": R_, "P": P_, "S": S_, "detect": DETECT, "false_flag": FALSE_FLAG, "delta": DELTA}


#: The named profile's description, for the conditions' label.
PROFILE_NAME = "retaliation after any blame"
#: (K, L, cap - K, war) of the targeted retaliations :meth:`AttributionModel.game_answer` searches.
TARGETED_GRID = tuple((K, L, extra, war) for K in (1, 2, 3, 4, 6) for L in (1, 2, 3) for extra in (0, 2)
                      for war in (0, 3, 6))
#: The family in words.
FAMILY = ("retaliation after any blame, a trigger on blame of both states, and targeted retaliation with "
          "K ≤ 6 rounds, extensions L ≤ 3, caps K or K + 2 and wars of 0, 3 or 6 rounds")
#: Larger discount factors tried when no candidate is an equilibrium at the model's.
PATIENT_DELTAS = (Fraction(19, 20), Fraction(49, 50), Fraction(99, 100), Fraction(999, 1000))


def _best_explicit(model: Any, rg: RepeatedGame, delta: Any, with_delta_set: bool) -> Any:
    """The best candidate equilibrium at delta, certified exactly, or None."""
    from ._game import ExplicitEquilibrium
    found = best_equilibrium(rg, delta, max_states=0, use_family=False, candidates=model.candidate_profiles(),
                             payoff_set=False)
    if found.value is None:
        return None
    profile = found.profile
    name = re.sub(r", cooperate=.*\)$", ")", profile[0].name)
    return ExplicitEquilibrium(name, profile, delta, tuple(values(rg, profile, delta).initial),
                               sustainable_discount_factors(rg, profile) if with_delta_set else None,
                               "one-shot deviation principle at every state, exact arithmetic")


def _payoff_bounds(rg: RepeatedGame, delta: Any, P: Any) -> Any:
    import time
    from ..repeated import best_symmetric_payoff, equilibrium_payoff_set
    from ._game import PayoffSetAnswer
    start = time.perf_counter()
    found = equilibrium_payoff_set(rg, delta)
    bound = best_symmetric_payoff(found)
    return PayoffSetAnswer(delta, None if bound.payoff is None else bound.value, bound.upper, found.status,
                           found.hausdorff, time.perf_counter() - start, P)


def anyone_blamed(signal: tuple) -> bool:
    """The trigger: some state was blamed (the public signal is the tuple of blamed states)."""
    return len(signal) > 0


def _weight_expr(k: int | None) -> sympy.Expr:
    return DELTA / (1 - DELTA) if k is None else sum(DELTA ** j for j in range(1, k + 1))


def _coefficient_expr() -> sympy.Expr:
    rho_c, rho_d = (1 - FALSE_FLAG) ** 2, (1 - DETECT) * (1 - FALSE_FLAG)
    return (rho_c - rho_d) * (R_ - P_) - (1 - rho_c) * (T_ - R_)


@dataclass(frozen=True)
class AttributionModel(Model):
    r"""Deterrence between two states when attacks are attributed with detection q and false flags r.

    Parameters
    ----------
    T, R, P, S : int, Fraction or float
        Stage payoffs, :math:`T > R > P > S`: attacking a restrained state,
        mutual restraint, mutual attack, being attacked while restrained.
    detect : number in [0, 1]
        :math:`q`, the probability that an attacker is blamed.
    false_flag : number in [0, 1]
        :math:`r`, the probability that a restrained state is blamed.
    delta : number in [0, 1)
        The states' discount factor.
    punishment : int or None
        Rounds of retaliation after a blame (1 to 20); ``None`` retaliates for ever.
    cooperation_share : number in (0, 1) or None
        Also bracket, in :meth:`game_answer`, the least discount factor for the
        payoff this share of the way from mutual attack :math:`(P, P)` to
        :math:`(R, R)` (about a second; the first use in a fresh install also
        compiles the payoff-set kernels, 20 to 30 s). ``None``: not computed.

    Raises
    ------
    ParameterError
        If a parameter is not a number, lies outside its range, or the payoffs
        are not a prisoner's dilemma.

    Examples
    --------
    >>> analysis = AttributionModel().analyse()
    >>> analysis.conditions[0].value, analysis.conditions[0].holds
    (Fraction(25, 36), True)
    >>> AttributionModel(detect=1, false_flag=0).analyse().conditions[0].value
    Fraction(1, 2)
    """

    T: Any = 5
    R: Any = 3
    P: Any = 1
    S: Any = 0
    detect: Any = Fraction(4, 5)
    false_flag: Any = Fraction(1, 10)
    delta: Any = Fraction(9, 10)
    punishment: Any = None
    cooperation_share: Any = None

    key: ClassVar[str] = "attribution"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "attribution and anonymity"

    def __post_init__(self) -> None:
        for name in ("T", "R", "P", "S"):
            check_parameter(self, name, symbolic=False)
        check_parameter(self, "detect", lower=0, upper=1, symbolic=False)
        check_parameter(self, "false_flag", lower=0, upper=1, symbolic=False)
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True, symbolic=False)
        if not self.T > self.R > self.P > self.S:
            raise ParameterError(f"AttributionModel: expected a prisoner's dilemma, T > R > P > S; got "
                                 f"T={self.T!r}, R={self.R!r}, P={self.P!r}, S={self.S!r}")
        if self.punishment is not None:
            check_parameter(self, "punishment", lower=1, upper=MAX_PUNISHMENT, integer=True)
        if self.cooperation_share is not None:
            check_parameter(self, "cooperation_share", lower=0, upper=1, lower_open=True, upper_open=True,
                            symbolic=False)

    # ------------------------------------------------------------ the games
    def stage_game(self) -> NormalFormGame:
        """The stage game: a prisoner's dilemma with actions ``"Restrain"`` and ``"Attack"``."""
        pd = prisoners_dilemma(self.T, self.R, self.P, self.S)
        return NormalFormGame(pd.payoffs, actions=[(RESTRAIN, ATTACK)] * 2)

    def repeated_game(self) -> RepeatedGame:
        """The repeated game under noisy attribution with the model's ``detect`` and ``false_flag``."""
        game = self.stage_game()
        return RepeatedGame(game, noisy_attribution(game, detect=self.detect, false_flag=self.false_flag))

    def profile(self) -> tuple:
        """Both states' strategy: restrain until someone is blamed, then retaliate."""
        blame = trigger_on_signal(anyone_blamed, periods=self.punishment, cooperate=RESTRAIN, defect=ATTACK)
        return (blame, blame)

    def delta_set(self) -> Any:
        """The exact set of discount factors at which the profile is a perfect public equilibrium."""
        return sustainable_discount_factors(self.repeated_game(), self.profile())

    def threshold(self) -> Any:
        """The critical discount factor from the library, or None if no discount factor sustains deterrence."""
        found = self.delta_set()
        return found.infimum if found.is_interval_to_one else None

    def symbolic_condition(self) -> Any:
        """The library's condition on delta with ``detect`` and ``false_flag`` left symbolic (payoffs as given).

        Assumes :math:`q > r` (otherwise no discount factor works) and
        :math:`r < 1`. Takes about half a second; :meth:`analyse` shows the
        closed form instead, and the tests check that the two agree.
        """
        game = self.stage_game()
        rg = RepeatedGame(game, noisy_attribution(game, detect=DETECT, false_flag=FALSE_FLAG))
        return sustainable_discount_factors(rg, self.profile(), delta=DELTA,
                                            assumptions=[DETECT > FALSE_FLAG, DETECT <= 1, FALSE_FLAG < 1])

    # ---------------------------------------------------------- formulas
    def threshold_formula(self) -> sympy.Basic:
        """The condition on delta in all parameters (for ``punishment`` rounds as set)."""
        k = self.punishment
        if k is None:
            bracket = (T_ - P_) * (1 - FALSE_FLAG) ** 2 - (R_ - P_) * (1 - DETECT) * (1 - FALSE_FLAG)
            return sympy.Ge(DELTA, (T_ - R_) / bracket)
        return sympy.Ge(_coefficient_expr() * DELTA * (1 - DELTA ** k) / (1 - DELTA), T_ - R_)

    def region_condition(self, free: Any = None) -> sympy.Basic:
        r"""The sustainability region as a sympy relation in the parameter symbols.

        The condition :math:`A\, s_k(\delta) \ge T - R` multiplied out, so that it
        is right everywhere, including where no discount factor works (permanent
        punishment: :math:`\delta[\rho_c (T - P) - \rho_d (R - P)] \ge T - R`).

        Parameters
        ----------
        free : sequence of str, optional
            The parameters left as symbols (of ``T``, ``R``, ``P``, ``S``,
            ``detect``, ``false_flag``, ``delta``); the others take the model's
            values. Default: all free. ``punishment`` is always the model's.

        Raises
        ------
        ParameterError
            If ``free`` names something that is not a parameter symbol.

        Examples
        --------
        >>> AttributionModel().region_condition(free=("detect", "false_flag", "delta"))
        delta*(-2*(1 - detect)*(1 - false_flag) + 4*(1 - false_flag)**2) >= 2
        """
        k = self.punishment
        if k is None:
            rho_c, rho_d = (1 - FALSE_FLAG) ** 2, (1 - DETECT) * (1 - FALSE_FLAG)
            relation = sympy.Ge(DELTA * (rho_c * (T_ - P_) - rho_d * (R_ - P_)), T_ - R_)
        else:
            weight = sum(DELTA ** j for j in range(1, k + 1))
            relation = sympy.Ge(_coefficient_expr() * weight, T_ - R_)
        return relation.xreplace(self._fixed(free))

    def detection_formula(self) -> sympy.Basic:
        """The condition on ``detect`` in all parameters: the minimum detection probability."""
        rho_c = (1 - FALSE_FLAG) ** 2
        if self.punishment is None:      # the general form with s = delta/(1 - delta), simplified
            numerator = rho_c * (T_ - P_) - (T_ - R_) / DELTA
        else:
            numerator = rho_c * (R_ - P_) - (1 - rho_c) * (T_ - R_) - (T_ - R_) / _weight_expr(self.punishment)
        return sympy.Ge(DETECT, 1 - numerator / ((1 - FALSE_FLAG) * (R_ - P_)))

    def false_flag_formula(self) -> sympy.Basic:
        """The condition on ``false_flag`` in all parameters: the maximum false-flag rate."""
        b = (1 - DETECT) * (R_ - P_)
        factor = 1 / DELTA if self.punishment is None else 1 + 1 / _weight_expr(self.punishment)
        root = sympy.sqrt(b ** 2 + 4 * (T_ - P_) * (T_ - R_) * factor)
        return sympy.Le(FALSE_FLAG, 1 - (b + root) / (2 * (T_ - P_)))

    # ------------------------------------------------------------ the game
    def candidate_profiles(self) -> list:
        """The family searched by :meth:`game_answer`: the named profile, a trigger on blame of both
        states, and :func:`~cybergames.repeated.targeted_retaliation` with and without escalation."""
        both = trigger_on_signal([tuple(self.stage_game().players)], cooperate=RESTRAIN, defect=ATTACK)
        profiles = [self.profile(), (both, both)]
        for K, L, extra, war in TARGETED_GRID:
            profiles.append(targeted_retaliation(K, L, K + extra, war=war, cooperate=RESTRAIN, defect=ATTACK))
        return profiles

    def game_answer(self, *, delta_set: bool = True, payoff_set: bool = False) -> Any:
        r"""What the game allows at the model's parameters, beyond the named profile.

        The folk-theorem conditions, and the best equilibrium of
        :meth:`candidate_profiles` at :math:`\delta` (screened in floats,
        confirmed exactly by :func:`~cybergames.repeated.check_equilibrium`),
        with its exact value and exact set of discount factors. Where no
        candidate is an equilibrium at :math:`\delta`, the first of
        ``PATIENT_DELTAS`` (19/20, 49/50, 99/100, 999/1000) above :math:`\delta` at which one is.

        ``bracket`` certifies that :math:`(R, R)` itself is no equilibrium payoff
        at any :math:`\delta < 1` when false flags make every signal possible
        after mutual restraint (the vertex argument of
        :func:`~cybergames.repeated.min_discount_factor_for_payoff`; None
        otherwise). With ``cooperation_share`` set, ``share_bracket`` is the
        certified bracket of the least :math:`\delta` for that share of
        cooperation (``xtol`` 1e-3).

        Parameters
        ----------
        delta_set : bool
            Compute the exact delta set of the equilibrium found (seconds for
            the larger automata).
        payoff_set : bool
            Also bound the equilibrium payoff set at delta with
            :func:`~cybergames.repeated.equilibrium_payoff_set` (tens of seconds).

        Returns
        -------
        cybergames.models.GameAnswer

        Examples
        --------
        >>> answer = AttributionModel().game_answer(delta_set=False)
        >>> answer.folk.holds, answer.best.name, answer.best.value[0] > 29/10
        (True, 'targeted_retaliation(1, 2, 3)', True)
        """
        from ._game import GameAnswer, answerable, first_found, share_bracket, vertex_bracket
        rg = self.repeated_game()
        if not answerable(self):
            return GameAnswer(PROFILE_NAME, (self.R, self.R), None, None, None, "",
                              notes=("the explicit search runs on exact parameters with 0 < δ < 1 only",))
        best, patient = first_found(lambda delta: _best_explicit(self, rg, delta, delta_set), self.delta,
                                    PATIENT_DELTAS)
        bounds = _payoff_bounds(rg, self.delta, self.P) if payoff_set else None
        cooperation = (self.R, self.R)
        bracket = vertex_bracket(rg, cooperation)
        notes = () if bracket is not None else (
            "the least δ for (R, R) itself is not computed: the vertex certificate does not apply (an attack can "
            "produce a blame that restraint never does), and the bisection over payoff sets is not run here",)
        share = self.cooperation_share
        found = None if share is None else share_bracket(rg, cooperation, share)
        if share is None:
            notes += ("the least δ for a share of cooperation is not computed by default (set cooperation_share, "
                      "e.g. 1/2: the bisection over payoff sets takes about a second, and compiling its kernels on "
                      "first use 20 to 30 s more)",)
        if not payoff_set:
            notes += ("payoff-set bounds not computed (pass payoff_set=True; tens of seconds)",)
        return GameAnswer(PROFILE_NAME, cooperation, folk_theorem_conditions(rg), best, patient, FAMILY,
                          bounds, notes, bracket=bracket, share=share, share_bracket=found)

    def restraint_lower_bound(self) -> Any:
        r"""Below this δ no perfect public equilibrium has either state restrain, after any history (certified).

        A state that restrains gives up at least :math:`g = \min(T - R, P - S)`
        now (whatever the other plays), and its restraint changes the chance of
        its own blame by :math:`|q - r|` and nothing else; its continuation
        after the two verdicts can differ by at most :math:`\bar v - P`, the
        range of its equilibrium payoffs (from its minmax :math:`P` to the most
        it gets among feasible payoffs that leave the other its minmax,
        :math:`\bar v = \max(R,\ R + (T - R)(R - P)/(R - S),\ T + S - P)`). So
        restraint needs :math:`(1 - \delta)\,g \le \delta\,|q - r|\,(\bar v - P)`:

        .. math:: \delta \ge \underline\delta = \frac{g}{g + |q - r|\,(\bar v - P)},

        1 where :math:`q = r` (no δ < 1 sustains any restraint). Below it
        mutual attack in every period is the only perfect public equilibrium. The derivation
        is in ``cybergames/models/_attribution_regions.py``.

        References
        ----------
        G. J. Mailath and L. Samuelson, *Repeated Games and Reputations*, 2006,
        sections 2.1 (individual rationality), 7.1 (one-shot deviations) and
        7.3 (self-generation); D. Abreu, D. Pearce and E. Stacchetti,
        *Econometrica* 58(5), 1990, 1041-1063.

        Examples
        --------
        >>> AttributionModel().restraint_lower_bound()     # g = 1, v = 13/3, |q - r| = 7/10
        Fraction(3, 10)
        >>> AttributionModel(detect=Fraction(1, 10)).restraint_lower_bound()   # q = r
        1
        """
        from ._attribution_regions import restraint_lower_bound
        return restraint_lower_bound(self)

    # ------------------------------------------------------------ analysis
    def analyse(self) -> ModelAnalysis:
        """Equilibria, the deterrence conditions and what better attribution does to them."""
        from ._attribution_text import attribution_analysis
        return attribution_analysis(self)

    def _cast(self, value: Any) -> Any:
        """A table value in the model's number kind (float if any parameter is a float)."""
        if any(isinstance(v, float) for v in self.parameters().values()):
            return float(value)
        return value

    def _facts(self) -> dict:
        """The library's results at the model's parameters (used by :meth:`analyse`)."""
        game = self.stage_game()
        rg = self.repeated_game()
        profile = self.profile()
        found = sustainable_discount_factors(rg, profile)
        k = self.punishment
        weight = closed.rounds_weight(self.delta, k)
        rho_c, rho_d = closed.blame_free(self.detect, self.false_flag)
        return {
            "stage": game,
            "stage_equilibria": nash_equilibria(game),
            "repeated_game": rg,
            "profile": profile,
            "delta_set": found,
            "threshold": found.infimum if found.is_interval_to_one else None,
            "check": check_equilibrium(rg, profile, self.delta),
            "values": values(rg, profile, self.delta),
            "perfect_threshold": self.replace(detect=self._cast(1), false_flag=self._cast(0)).threshold(),
            "no_blame": (rho_c, rho_d),
            "minimum_detection": closed.minimum_detection(self.T, self.R, self.P, self.false_flag, weight),
            "maximum_false_flag": closed.maximum_false_flag(self.T, self.R, self.P, self.detect, weight),
            "detection_floor": closed.minimum_detection(self.T, self.R, self.P, self.false_flag,
                                                        None if k is None else k),
            "false_flag_ceiling": closed.maximum_false_flag(self.T, self.R, self.P, self.detect,
                                                            None if k is None else k),
        }
