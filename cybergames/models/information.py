r"""Limited information sharing: threat intelligence as a public good with leakage.

The obstacle
------------
Threat intelligence is worth most when pooled, but each state's report costs
it analysts' effort and risks exposing its sources, methods and own
vulnerabilities; every state gains from the others' reports whether or not it
contributes. Without incentives states free-ride and little is shared
(Gordon, Loeb & Lucyshyn 2003), even though sharing and security investment
reinforce each other (Gal-Or & Ghose 2005).

The model
---------
:math:`n` states each round share (``"Share"``) or withhold (``"Withhold"``).
A report costs its sender effort :math:`c` (``cost``) and leakage :math:`\ell`
(``leakage``); pooled, every report is worth :math:`m c` (``multiplier``),
spread evenly over all states. With :math:`k` sharers

.. math:: u_i = \frac{m c k}{n} - (c + \ell)\,[i \text{ shares}],

the linear public good :func:`~cybergames.games.public_goods` with multiplier
:math:`m c/(c + \ell)` and cost :math:`c + \ell`. It is a dilemma iff
:math:`c + \ell < m c < n (c + \ell)`: sharing is efficient, withholding
dominant. In the repeated game let :math:`T = m c (n - 1)/n` (withholding
while all others share), :math:`R = m c - c - \ell` (all share), :math:`P = 0`.

*With a clearing house* that makes each state's contribution observable
(perfect monitoring), sharing until someone withholds and then withholding for
ever (grim trigger) is subgame perfect iff

.. math:: \delta \ge \delta^*_h(n) = \frac{T - R}{T - P} = \frac{n (c + \ell) - m c}{m c (n - 1)},

increasing in :math:`n` (its derivative has the sign of :math:`m c - c - \ell > 0`)
and in :math:`\ell`, with limit :math:`(c + \ell)/(m c)` as :math:`n \to \infty`.

*Without it*, withholding is noticed with probability :math:`q` (``detect``)
and a sharer falsely suspected with probability :math:`r` (``false_flag``)
(:func:`~cybergames.repeated.noisy_attribution`); sharing until anyone is
suspected is a perfect public equilibrium iff
:math:`\delta [\rho_c T - \rho_d R] \ge T - R` with :math:`\rho_c = (1 - r)^n`,
:math:`\rho_d = (1 - q)(1 - r)^{n - 1}`:

.. math:: \delta \ge \delta^*_s(n) = \frac{T - R}{(1 - r)^n T - (1 - q)(1 - r)^{n-1} R},

where the denominator exceeds :math:`T - R`, and never otherwise. It grows with
:math:`n` much faster and, for :math:`r > 0`, sharing becomes impossible beyond
some group size. The library computes both for :math:`n \le 6`
(:data:`LIBRARY_MAX_STATES`); larger groups use these closed forms.

*Anonymised reports* (:meth:`InformationSharingModel.optimal_anonymity`). A
mixer strips each state's submission to the clearing house (a report, or
nothing) of its sender with probability :math:`a`, drawn after the state
decides; stripped reports reach a merged feed that reveals neither their
senders nor their number, and the clearing house publishes only a verdict per
state. A submission that keeps its sender is judged on it (withholding
suspected surely, sharing cleared); a stripped one leaves only the status quo's
background evidence (:math:`q_0`, :math:`r_0` = ``detect``, ``false_flag``);
a stripped report cannot be traced to its sender, so it leaks nothing. Each
state's verdict depends only on its own action and its own draws, so the
game is :func:`~cybergames.repeated.noisy_attribution` with

.. math:: q(a) = 1 - a (1 - q_0), \quad r(a) = a r_0, \quad \ell(a) = (1 - a)\,\ell:

one parameter lowers leakage and worsens attribution at once (:math:`a = 0`
is the attributing clearing house, :math:`a = 1` the status quo's monitoring
without leakage). With :math:`N(a) = c + \ell(a) - m c/n` (a sharer's
one-shot gain from withholding) and
:math:`D(a) = (1 - r)^n T - (1 - q)(1 - r)^{n-1} R(a)`, sharing until anyone
is suspected needs :math:`\delta \ge \delta_s(a) = N/D` (none below one
where :math:`D \le N`), the condition for that profile; in the game, no
equilibrium has any state share at :math:`\delta < N/(N + |q - r|\,T)`
(a sharer's continuation can differ between its verdicts by at most
:math:`T`, its best feasible payoff, minus its minmax value 0), so the game's
least :math:`\delta` for some sharing lies between the two. The optimal
level minimises :math:`\delta_s(a)`: it is :math:`0`, :math:`1`, or a root
of a cubic in :math:`(0, 1)` (the derivative of :math:`N/D` is
:math:`(1 - a r_0)^{n-2}` times that cubic, see
``cybergames/models/_anonymity.py``), computed exactly (an algebraic number
when interior).

*A share of full sharing* (``cooperation_share`` :math:`f`,
:meth:`InformationSharingModel.cooperation_share_bracket`). Without a clearing
house full sharing itself is no equilibrium payoff (a vertex of the feasible
set, :meth:`InformationSharingModel.full_sharing_bracket`); the least
:math:`\delta` at which :math:`(fR, \dots, fR)` is one is bracketed from above
by an explicit targeted punishment worth at least :math:`fR` (checked exactly;
a public lottery with no sharing gives :math:`fR`), and from below by
:math:`N/(N + |q - r| T)` and, for :math:`n \le 6`, by the score in the
direction of the sum of payoffs with feasible, individually rational
continuations, taken to its fixed point in one linear program per number of
sharers (Fudenberg, Levine & Maskin 1994; Judd, Yeltekin & Conklin 2003); see
``cybergames/models/_sharing_share.py``.

References
----------
* L. A. Gordon, M. P. Loeb and W. Lucyshyn, "Sharing information on computer
  systems security: an economic analysis", *Journal of Accounting and Public
  Policy* 22(6), 2003, 461-485.
* E. Gal-Or and A. Ghose, "The economic incentives for sharing security
  information", *Information Systems Research* 16(2), 2005, 186-208.
* G. J. Mailath and L. Samuelson, *Repeated Games and Reputations*, 2006,
  sections 2.4 and 7.2.
* D. Fudenberg, D. Levine and E. Maskin, "The folk theorem with imperfect
  public information", *Econometrica* 62(5), 1994, 997-1039 (the folk-theorem
  conditions, shown here in closed form: ``cybergames/models/_game.py``).
* K. Judd, S. Yeltekin and J. Conklin, "Computing supergame equilibria",
  *Econometrica* 71(4), 2003, 1239-1254.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import sympy

from .. import _numbers
from ..errors import ParameterError
from ..games.classic import public_goods
from ..games.normal_form import NormalFormGame
from ..repeated import RepeatedGame, check_equilibrium, grim_trigger, noisy_attribution, \
    sustainable_discount_factors, targeted_retaliation, trigger_on_signal
from . import _attribution_formulas as closed
from ._base import Model, ModelAnalysis, check_parameter
from ..repeated.builtins import MAX_TARGETED_PLAYERS
from ._information_game import LIBRARY_MAX_STATES, MAX_STATES, SHARE, WITHHOLD
from .attribution import DELTA, DETECT, FALSE_FLAG, anyone_blamed
from . import _anonymity
from ._anonymity import AnonymisedReports, AnonymityOptimum

__all__ = ["InformationSharingModel", "LIBRARY_MAX_STATES", "SYMBOLS", "AnonymisedReports", "AnonymityOptimum"]

#: The named profile without a clearing house, for the conditions' label.
PROFILE_NAME = "sharing until anyone is suspected"
#: (K, L, cap - K, war) of the targeted punishments :meth:`InformationSharingModel.game_answer` searches.
TARGETED_GRID = tuple((K, L, extra, war) for K in (1, 2, 3, 4) for L in (0, 1, 2, 3) for extra in (0, 1, 2)
                      for war in range(10))
#: The family in words.
FAMILY = ("targeted punishment of a lone suspected state, which shares while the others withhold, for K ≤ 4 "
          "rounds, extended by L ≤ 3 per further suspicion up to K + 2, then 0 to 9 rounds in which nobody shares")
#: Larger discount factors tried when no candidate is an equilibrium at the model's.
PATIENT_DELTAS = (Fraction(19, 20), Fraction(49, 50), Fraction(99, 100))

N_ = sympy.Symbol("n", positive=True, integer=True)
MULTIPLIER = sympy.Symbol("multiplier", positive=True)
COST = sympy.Symbol("cost", positive=True)
LEAKAGE = sympy.Symbol("leakage", nonnegative=True)
#: The parameter symbols of the formulas, by parameter name.
SYMBOLS = {"n": N_, "multiplier": MULTIPLIER, "cost": COST, "leakage": LEAKAGE, "detect": DETECT,
           "false_flag": FALSE_FLAG, "delta": DELTA}


def _payoff_exprs() -> tuple[sympy.Expr, sympy.Expr]:
    """T (withhold while all others share) and R (all share), as expressions in the parameters."""
    return MULTIPLIER * COST * (N_ - 1) / N_, MULTIPLIER * COST - COST - LEAKAGE


@dataclass(frozen=True)
class InformationSharingModel(Model):
    r"""n states sharing threat intelligence, with and without a clearing house.

    Parameters
    ----------
    n : int
        Number of states, 2 to 1000 (the library computes up to 6, closed forms beyond).
    multiplier : number > 0
        :math:`m`: a report's value to the group, per unit of its effort cost.
    cost : number > 0
        :math:`c`: the effort of producing a report.
    leakage : number >= 0
        :math:`\ell`: the sender's expected cost of exposing sources and vulnerabilities.
    detect : number in [0, 1]
        :math:`q`: without a clearing house, the probability that withholding is noticed.
    false_flag : number in [0, 1]
        :math:`r`: the probability that a sharing state is wrongly suspected of withholding.
    delta : number in [0, 1)
        The states' discount factor.
    anonymity : number in [0, 1] or None
        :math:`a`: an anonymity level of the clearing house to analyse beside
        the optimal one (:meth:`optimal_anonymity`): the analysis then gives
        :math:`q(a)`, :math:`r(a)`, :math:`\ell(a)`, the least δ of sharing
        until anyone is suspected at that level, and the certified lower end of
        the game's. None (the default): only the optimum is reported.
    cooperation_share : number in (0, 1] or None
        :math:`f`: also bracket, in :meth:`game_answer`, the least discount
        factor at which :math:`(fR, \dots, fR)`, the share :math:`f` of the way
        from the all-withhold payoff 0 to full sharing, is a perfect public
        equilibrium payoff without a clearing house
        (:meth:`cooperation_share_bracket`; under a second at ``n <= 6``).
        None (the default): not computed.

    Raises
    ------
    ParameterError
        If a parameter is out of range, or the game is not a sharing dilemma
        (it needs :math:`c + \ell < m c < n (c + \ell)`).

    Examples
    --------
    >>> analysis = InformationSharingModel().analyse()
    >>> [c.value for c in analysis.conditions]
    [Fraction(8800000, 9252791), Fraction(11, 16)]
    >>> [c.holds for c in analysis.conditions]
    [False, True]
    """

    n: int = 5
    multiplier: Any = 2
    cost: Any = 1
    leakage: Any = Fraction(1, 2)
    detect: Any = Fraction(4, 5)
    false_flag: Any = Fraction(1, 20)
    delta: Any = Fraction(9, 10)
    anonymity: Any = None
    cooperation_share: Any = None

    key: ClassVar[str] = "information"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "limited information sharing"

    def __post_init__(self) -> None:
        check_parameter(self, "n", lower=2, upper=MAX_STATES, integer=True)
        check_parameter(self, "multiplier", lower=0, lower_open=True, symbolic=False)
        check_parameter(self, "cost", lower=0, lower_open=True, symbolic=False)
        check_parameter(self, "leakage", lower=0, symbolic=False)
        check_parameter(self, "detect", lower=0, upper=1, symbolic=False)
        check_parameter(self, "false_flag", lower=0, upper=1, symbolic=False)
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True, symbolic=False)
        if self.anonymity is not None:
            check_parameter(self, "anonymity", lower=0, upper=1, symbolic=False)
        if self.cooperation_share is not None:
            check_parameter(self, "cooperation_share", lower=0, upper=1, lower_open=True, symbolic=False)
        pooled, private = self.multiplier * self.cost, self.cost + self.leakage
        if not pooled > private:
            raise ParameterError(
                f"InformationSharingModel: sharing must be worth more to the group than it costs its sender, "
                f"multiplier*cost > cost + leakage; got {pooled!r} <= {private!r} (then no one should share)")
        if not pooled < self.n * private:
            raise ParameterError(
                f"InformationSharingModel: withholding must pay for each state, multiplier*cost < "
                f"n*(cost + leakage); got {pooled!r} >= {self.n * private!r} with n={self.n} (then sharing is "
                f"dominant and there is no dilemma)")

    # ------------------------------------------------------------ payoffs
    @property
    def temptation(self) -> Any:
        """:math:`T = m c (n - 1)/n`: a state's payoff from withholding while all others share."""
        return _numbers.simplify_exact(_numbers.ratio(self.multiplier * self.cost * (self.n - 1), self.n))

    @property
    def reward(self) -> Any:
        """:math:`R = m c - c - \\ell`: each state's payoff when all share."""
        return _numbers.simplify_exact(self.multiplier * self.cost - self.cost - self.leakage)

    # ------------------------------------------------------------ the games
    def stage_game(self) -> NormalFormGame:
        """The n-state sharing game, actions ``"Share"`` and ``"Withhold"`` (n <= 16)."""
        private = self.cost + self.leakage
        game = public_goods(self.n, _numbers.ratio(self.multiplier * self.cost, private), private)
        return NormalFormGame(game.payoffs, actions=[(SHARE, WITHHOLD)] * self.n)

    def clearing_house_game(self) -> RepeatedGame:
        """The repeated game with a clearing house: every state's contribution is observed."""
        return RepeatedGame(self.stage_game())

    def status_quo_game(self) -> RepeatedGame:
        """The repeated game without it: withholding noticed with ``detect``, sharers suspected with ``false_flag``."""
        game = self.stage_game()
        return RepeatedGame(game, noisy_attribution(game, detect=self.detect, false_flag=self.false_flag))

    def clearing_house_profile(self) -> tuple:
        """Grim trigger for every state: share until someone withholds, then withhold for ever."""
        return (grim_trigger(cooperate=SHARE, defect=WITHHOLD),) * self.n

    def status_quo_profile(self) -> tuple:
        """Every state shares until anyone is suspected of withholding, then withholds for ever."""
        return (trigger_on_signal(anyone_blamed, cooperate=SHARE, defect=WITHHOLD),) * self.n

    # ------------------------------------------------------------ thresholds
    def uses_library(self) -> bool:
        """Whether the thresholds come from the library (``n <= LIBRARY_MAX_STATES``) or the closed forms."""
        return self.n <= LIBRARY_MAX_STATES

    def clearing_house_delta_set(self) -> Any:
        """The library's exact set of discount factors with a clearing house (``n <= 6``)."""
        return _delta_sets(_key(self), True)

    def status_quo_delta_set(self) -> Any:
        """The library's exact set of discount factors without a clearing house (``n <= 6``)."""
        return _delta_sets(_key(self), False)

    def clearing_house_threshold(self) -> Any:
        """The critical discount factor with a clearing house (library for small n, closed form beyond)."""
        if self.uses_library():
            found = self.clearing_house_delta_set()
            return found.infimum if found.is_interval_to_one else None
        return closed.permanent_threshold(self.temptation, self.reward, 0, 1, 0)

    def status_quo_threshold(self) -> Any:
        """The critical discount factor without a clearing house, or None if no discount factor works."""
        if self.uses_library():
            found = self.status_quo_delta_set()
            return found.infimum if found.is_interval_to_one else None
        rho_c, rho_d = closed.blame_free(self.detect, self.false_flag, self.n)
        return closed.permanent_threshold(self.temptation, self.reward, 0, rho_c, rho_d)

    # ------------------------------------------------------------ formulas
    def clearing_house_formula(self) -> sympy.Basic:
        """``delta >= (n (cost + leakage) - multiplier cost)/(multiplier cost (n - 1))``."""
        return sympy.Ge(DELTA, (N_ * (COST + LEAKAGE) - MULTIPLIER * COST) / (MULTIPLIER * COST * (N_ - 1)))

    def status_quo_formula(self) -> sympy.Basic:
        """``delta >= (T - R)/((1 - r)^n T - (1 - q)(1 - r)^(n-1) R)`` in the parameters."""
        T, R = _payoff_exprs()
        bracket = (1 - FALSE_FLAG) ** N_ * T - (1 - DETECT) * (1 - FALSE_FLAG) ** (N_ - 1) * R
        return sympy.Ge(DELTA, (T - R) / bracket)

    def region_condition(self, free: Any = None, *, clearing_house: bool = False) -> sympy.Basic:
        r"""The sustainability region as a sympy relation in the parameter symbols.

        Multiplied out so that it is right where sharing cannot be sustained too:
        :math:`\delta [(1 - r)^n T - (1 - q)(1 - r)^{n-1} R] \ge T - R` without a
        clearing house, :math:`\delta\, m c (n - 1) \ge n (c + \ell) - m c` with one
        (``clearing_house=True``), where :math:`T = m c (n - 1)/n` and :math:`R = m c - c - \ell`.

        Parameters
        ----------
        free : sequence of str, optional
            The parameters left as symbols; the others take the model's values.
            Default: all free.
        clearing_house : bool
            The region with the clearing house instead of the status quo.

        Raises
        ------
        ParameterError
            If ``free`` names something that is not a parameter.

        Examples
        --------
        >>> InformationSharingModel().region_condition(free=("n", "delta"), clearing_house=True)
        2*delta*(n - 1) >= 3*n/2 - 2
        """
        T, R = _payoff_exprs()
        if clearing_house:
            relation = sympy.Ge(DELTA * MULTIPLIER * COST * (N_ - 1), N_ * (COST + LEAKAGE) - MULTIPLIER * COST)
        else:
            bracket = (1 - FALSE_FLAG) ** N_ * T - (1 - DETECT) * (1 - FALSE_FLAG) ** (N_ - 1) * R
            relation = sympy.Ge(DELTA * bracket, T - R)
        return relation.xreplace(self._fixed(free))

    # ------------------------------------------------------------ anonymised reports
    def _level(self, a: Any) -> Any:
        if isinstance(a, sympy.Rational):
            a = Fraction(int(a.p), int(a.q))
        if isinstance(a, bool) or not isinstance(a, (int, Fraction, float)) or not 0 <= a <= 1:
            raise ParameterError(f"a: expected an anonymity level, a number from 0 to 1, got {a!r}")
        return a

    def anonymised_reports(self, a: Any) -> AnonymisedReports:
        r"""The clearing house's verdicts at anonymity level ``a``: :math:`q(a)`, :math:`r(a)`, :math:`\ell(a)`.

        Raises
        ------
        ParameterError
            If ``a`` is not a number in [0, 1].

        Examples
        --------
        >>> InformationSharingModel().anonymised_reports(Fraction(1, 2))
        AnonymisedReports(level=Fraction(1, 2), detect=Fraction(9, 10), false_flag=Fraction(1, 40), leakage=Fraction(1, 4))
        """
        return _anonymity.anonymised_reports(self, self._level(a))

    def anonymised(self, a: Any) -> "InformationSharingModel":
        """The model whose status-quo game is the clearing house at anonymity level ``a`` (its ``detect``,
        ``false_flag`` and ``leakage`` are :math:`q(a)`, :math:`r(a)`, :math:`\\ell(a)`), for the library's
        checks; a :class:`ParameterError` where that leaves the sharing dilemma (sharing dominant)."""
        found = self.anonymised_reports(a)
        return self.replace(detect=found.detect, false_flag=found.false_flag, leakage=found.leakage)

    def anonymity_threshold(self, a: Any) -> Any:
        r"""The least δ of sharing until anyone is suspected at anonymity level ``a`` (that profile's condition).

        :math:`\delta_s(a) = N(a)/D(a)` (module docstring); None where no δ < 1
        works; 0 where a report pays its sender by itself.

        Examples
        --------
        >>> model = InformationSharingModel()
        >>> model.anonymity_threshold(0), model.anonymity_threshold(1)
        (Fraction(11, 16), Fraction(800000, 1433531))
        """
        return _anonymity.anonymity_threshold(self, self._level(a))

    def anonymity_lower_bound(self, a: Any) -> Any:
        r"""Below this δ no equilibrium of the game at anonymity level ``a`` has any state share (certified).

        :math:`N/(N + |q(a) - r(a)|\,T)` (module docstring); 1 where
        :math:`q(a) = r(a)`: then no discount factor below one sustains any sharing.

        Examples
        --------
        >>> InformationSharingModel().anonymity_lower_bound(0)
        Fraction(11, 27)
        """
        return _anonymity.anonymity_lower_bound(self, self._level(a))

    def status_quo_lower_bound(self) -> Any:
        r"""Without a clearing house: below this δ no equilibrium of the game has any state share (certified).

        :math:`N/(N + |q - r|\,T)` with :math:`N = c + \ell - m c/n`: a sharer
        gives up :math:`(1 - \delta) N` now, and its continuation can differ
        between its two verdicts by at most :math:`T` (its best feasible payoff)
        minus 0 (its minmax value), with probability :math:`|q - r|` of telling
        them apart. 1 where :math:`q = r`: then no δ < 1 sustains any sharing.

        Examples
        --------
        >>> InformationSharingModel().status_quo_lower_bound()
        Fraction(11, 23)
        """
        N = self.cost + self.leakage - _numbers.ratio(self.multiplier * self.cost, self.n)
        return _numbers.simplify_exact(N / (N + abs(self.detect - self.false_flag) * self.temptation))

    def anonymity_formula(self) -> sympy.Expr:
        r""":math:`\delta_s(a)` as a sympy expression in the level ``a``, other parameters at the model's values
        (where it exceeds 1 or the denominator is not positive, no δ < 1 works)."""
        a = _anonymity.LEVEL
        n = self.n
        values = {k: sympy.nsimplify(v) if isinstance(v, float) else sympy.Rational(v)
                  for k, v in self.parameters().items() if k not in ("n", "anonymity", "cooperation_share")}
        m, c, l, q0, r0 = (values[k] for k in ("multiplier", "cost", "leakage", "detect", "false_flag"))
        T, R = m * c * (n - 1) / sympy.Integer(n), m * c - c - (1 - a) * l
        bracket = (1 - a * r0) ** n * T - a * (1 - q0) * (1 - a * r0) ** (n - 1) * R
        return (T - R) / bracket

    def optimal_anonymity(self) -> AnonymityOptimum:
        r"""The anonymity level that minimises the least δ of sharing until anyone is suspected.

        Exact for exact parameters (a Fraction at a corner, an algebraic
        number, a root of the cubic recorded in ``stationary``, when
        interior); floats for floats. :func:`cybergames.verify` re-checks it
        on a grid of levels.

        Examples
        --------
        At the defaults full anonymity is best for this profile: the leakage
        saved outweighs the poorer attribution (:math:`\delta_s` falls from
        11/16 to about 0.558); with poorer background detection the optimum is interior:

        >>> best = InformationSharingModel().optimal_anonymity()
        >>> best.kind, best.level, round(float(best.least_delta), 4)
        ('full anonymity', Fraction(1, 1), 0.5581)
        >>> best = InformationSharingModel(n=3, detect=Fraction(3, 10)).optimal_anonymity()
        >>> best.kind, round(float(best.level), 4), round(float(best.least_delta), 4)
        ('interior', 0.5307, 0.5913)
        """
        return _anonymity.optimal_anonymity(self)

    # ------------------------------------------------------------ the game
    def targeted_profile(self, K: int, L: int, cap: int, war: int = 0) -> tuple:
        """:func:`~cybergames.repeated.targeted_retaliation` among the n states: the suspected state shares while
        the others withhold (``n <= 12``)."""
        players = tuple(str(i) for i in range(self.n))
        return targeted_retaliation(K, L, cap, war=war, players=players, cooperate=SHARE, defect=WITHHOLD)

    def game_answer(self, *, library_check: bool = False) -> Any:
        r"""What the game without a clearing house allows, beyond sharing until anyone is suspected.

        Searches :func:`~cybergames.repeated.targeted_retaliation` among the
        :math:`n` states (``TARGETED_GRID``) at :math:`\delta`: screened in
        floats and confirmed in exact arithmetic on the profile's symmetric
        reduction (one state's view: punished or not; see
        ``cybergames/models/_sharing_punishment.py``). Where none is an
        equilibrium at :math:`\delta`, the first of ``PATIENT_DELTAS`` (19/20, 49/50, 99/100) above
        it at which one is.

        With ``cooperation_share`` set, ``share_bracket`` is
        :meth:`cooperation_share_bracket` (about half a second at ``n <= 6``);
        otherwise the notes say how to ask for it.

        Parameters
        ----------
        library_check : bool
            Also confirm the winner with the library's full :math:`n`-state
            :func:`~cybergames.repeated.check_equilibrium` (``n <= 6``; seconds
            to a minute) and compute its exact delta set.

        Returns
        -------
        cybergames.models.GameAnswer

        Examples
        --------
        >>> answer = InformationSharingModel(n=6).game_answer()
        >>> answer.best.name, round(float(answer.best.value[0]), 4)
        ('targeted_retaliation(2, 2, 2, war=8)', 0.3639)
        """
        from ._game import GameAnswer, answerable, first_found
        if not answerable(self):
            return GameAnswer(PROFILE_NAME, (self.reward,) * self.n, None, None, None, "",
                              notes=("the explicit search runs on exact parameters with 0 < δ < 1 only",))
        best, patient = first_found(lambda delta: self._best_targeted(delta, library_check), self.delta,
                                    PATIENT_DELTAS)
        from ._game import independent_blame_conditions
        folk = independent_blame_conditions(self.n, self.multiplier, self.cost, self.leakage, self.detect,
                                            self.false_flag)
        bracket = self.full_sharing_bracket()
        notes = ("folk-theorem conditions shown in closed form for blame that falls on each state apart (the "
                 "library's exact rank test takes seconds at n = 5 and minutes at n = 6)",
                 "payoff-set bounds not computed (the payoff-set engine handles two players)")
        share = self.cooperation_share
        found = None if share is None else self.cooperation_share_bracket()
        if share is None:
            notes += ("the least δ for a share of full sharing is not computed by default (set cooperation_share, "
                      "e.g. 1/2, for a certified bracket: explicit targeted punishments above, the score in the "
                      "direction of the sum below; under a second at n ≤ 6)",)
        if bracket is None:
            notes += ("the least δ for full sharing itself is not computed: the vertex certificate does not apply "
                      "(without false flags, or with r = 1, withholding can produce a verdict that full sharing "
                      "never does)",)
        return GameAnswer(PROFILE_NAME, (self.reward,) * self.n, folk, best, patient, FAMILY, None, notes,
                          bracket=bracket, share=share, share_bracket=found)

    def cooperation_share_bracket(self, share: Any = None) -> Any:
        r"""The certified bracket of the least δ at which a share of full sharing is an equilibrium payoff.

        Without a clearing house, for the payoff :math:`(fR, \dots, fR)` with
        :math:`f` = ``share`` (default: ``cooperation_share``), perfect public
        equilibria in pure strategies with public randomisation (the
        library's notion, as in
        :func:`~cybergames.repeated.min_discount_factor_for_payoff`):

        * ``upper`` (exact): the least discount factor found at which a
          :func:`~cybergames.repeated.targeted_retaliation` of
          ``TARGETED_GRID`` is an equilibrium worth at least :math:`fR` per
          state (recorded in ``punishment`` and ``value``), checked exactly on
          its symmetric reduction; a public lottery between it and the stage
          Nash payoff 0 gives :math:`fR` exactly.
        * ``lower``: the larger of :math:`N/(N + |q - r| T)` (no state shares
          in any equilibrium below it; any :math:`n`) and, for ``n <= 6``, the
          largest discount factor found at which the score in the direction
          :math:`(1, \dots, 1)` (Fudenberg, Levine & Maskin 1994; Judd,
          Yeltekin & Conklin 2003), with continuations in the feasible,
          individually rational payoffs and taken to its fixed point in one
          linear program per number of sharers, bounds every equilibrium's sum
          of payoffs below :math:`n f R` (HiGHS).
        * The least δ lies in ``[lower, upper]`` because the equilibrium
          payoff sets grow with δ under public randomisation (Abreu, Pearce &
          Stacchetti 1990, Theorem 6), the assumption of
          :func:`~cybergames.repeated.min_discount_factor_for_payoff`'s
          bisection. :func:`cybergames.verify` re-checks both ends (the score
          programs without their symmetric reduction).
        * For :math:`f = 1` with :math:`0 < r < 1`: :meth:`full_sharing_bracket`'s
          certificate (no δ < 1).

        The derivation is in ``cybergames/models/_sharing_share.py``.

        Parameters
        ----------
        share : number in (0, 1], optional
            The share :math:`f`; default ``cooperation_share``.

        Returns
        -------
        cybergames.repeated.DiscountFactorBracket
            A subclass recording also ``share``, ``punishment``, ``value``,
            ``closed_lower``, ``score_lower`` and ``score_sum``.

        Raises
        ------
        ParameterError
            If no share is given or set, the share is not in (0, 1], or a
            parameter is not exact (the upper end is certified in exact arithmetic).

        References
        ----------
        Mailath & Samuelson, *Repeated Games and Reputations*, 2006, chapters
        7 to 9; Fudenberg, Levine & Maskin, *Econometrica* 62(5), 1994,
        section 3; Judd, Yeltekin & Conklin, *Econometrica* 71(4), 2003.

        Examples
        --------
        >>> found = InformationSharingModel().cooperation_share_bracket(Fraction(1, 2))
        >>> found.payoff[0], round(found.lower, 3), found.upper, found.punishment
        (Fraction(1, 4), 0.736, Fraction(8881, 10000), (2, 2, 2, 9))
        """
        from ._sharing_share import share_bracket
        share = self.cooperation_share if share is None else share
        if isinstance(share, bool) or not isinstance(share, (int, Fraction)) or not 0 < share <= 1:
            raise ParameterError(f"share: expected an exact number in (0, 1] (int or Fraction), or "
                                 f"cooperation_share set, got {share!r}")
        inexact = {k: v for k, v in self.parameters().items()
                   if k not in ("anonymity", "cooperation_share") and not isinstance(v, (int, Fraction))}
        if inexact:
            raise ParameterError(f"InformationSharingModel: the share bracket needs exact parameters (int or "
                                 f"Fraction), got {inexact}")
        return share_bracket(self, Fraction(share))

    def full_sharing_bracket(self) -> Any:
        r"""The certificate that full sharing itself is no equilibrium payoff without a clearing house, or None.

        Full sharing :math:`(R, \dots, R)` is the only profile that maximises
        the sum of payoffs :math:`k (m c - c - \ell)` (:math:`k` sharers, and
        :math:`m c > c + \ell`), so it is an exposed vertex of the feasible
        set: every continuation after it must be full sharing again, whatever
        the verdicts (Mailath & Samuelson 2006, ch. 7;
        ``cybergames/repeated/payoff_sets/_vertex.py``). A state gains
        :math:`c + \ell - m c/n > 0` by withholding, and with
        :math:`0 < r < 1` every profile of verdicts has positive probability
        after full sharing, so no continuation can punish it: no
        :math:`\delta < 1` gives :math:`(R, \dots, R)` (also when
        :math:`q = r \in \{0, 1\}`). Shown in closed form here (any
        :math:`n`; the tests compare it with the library's
        ``undeterrable_vertex`` on small groups).

        Returns
        -------
        cybergames.repeated.DiscountFactorBracket or None
            ``found`` False and ``lower`` 1 with the certificate in words
            (its ``game`` is the status quo's for ``n <= LIBRARY_MAX_STATES``,
            None beyond); None when the argument does not apply.

        Examples
        --------
        >>> InformationSharingModel().full_sharing_bracket().lower
        Fraction(1, 1)
        >>> InformationSharingModel(false_flag=0).full_sharing_bracket() is None
        True
        """
        from ..repeated import DiscountFactorBracket
        q, r = self.detect, self.false_flag
        if not (0 < r < 1 or q == r):
            return None
        exact = not any(isinstance(v, float) for v in self.parameters().values())
        gain = _numbers.simplify_exact(self.cost + self.leakage - _numbers.ratio(self.multiplier * self.cost, self.n))
        target = tuple((Fraction(self.reward) if exact else float(self.reward),) * self.n)
        path = (SHARE,) * self.n
        reason = (f"on the path {path} each state gains c + ℓ − mc/n = {gain} by playing {WITHHOLD}, which produces "
                  f"no verdict the path does not (after full sharing every verdict has positive probability, "
                  f"0 < r < 1{', or q = r' if q == r else ''}), so the continuation (the vertex itself after every "
                  f"signal) cannot punish it")
        game = self.status_quo_game() if self.uses_library() else None
        return DiscountFactorBracket(target, Fraction(1) if exact else 1.0, None, False, 0, game, False, None,
                                     f"no discount factor below one (a vertex of the feasible set under public "
                                     f"monitoring): {reason}")

    def _best_targeted(self, delta: Any, library_check: bool) -> Any:
        from ._game import ExplicitEquilibrium
        from ._sharing_punishment import reduced_check
        exact = not any(isinstance(v, float) for v in self.parameters().values())
        pay = (self.reward, self.temptation, _numbers.ratio(self.multiplier * self.cost, self.n) - self.cost
               - self.leakage, _numbers.ratio(self.multiplier * self.cost, self.n))
        floats = tuple(float(x) for x in pay)
        ranked = []
        for K, L, extra, war in TARGETED_GRID:
            value, gain = reduced_check(self.n, floats, float(self.detect), float(self.false_flag), K, L, K + extra,
                                        war, float(delta))
            if gain <= 1e-9 and value > 1e-9:
                ranked.append((-value, K, L, K + extra, war))
        for _, K, L, cap, war in sorted(ranked):
            value, gain = reduced_check(self.n, pay if exact else floats, self.detect, self.false_flag, K, L, cap,
                                        war, delta)
            if not gain <= 0:
                continue
            profile = self.targeted_profile(K, L, cap, war) if self.n <= MAX_TARGETED_PLAYERS else None
            method = "one-shot deviation principle on the symmetric reduction, exact arithmetic"
            delta_set = None
            if library_check and self.uses_library():
                rg = self.status_quo_game()
                if not check_equilibrium(rg, profile, delta).holds:
                    continue
                method = "one-shot deviation principle at every state of the n-state game, exact arithmetic"
                delta_set = sustainable_discount_factors(rg, profile)
            name = f"targeted_retaliation({K}, {L}, {cap}{f', war={war}' if war else ''})"
            return ExplicitEquilibrium(name, profile, delta, (value,) * self.n, delta_set, method)
        return None

    # ------------------------------------------------------------ analysis
    def analyse(self) -> ModelAnalysis:
        """Equilibria, the critical discount factors with and without a clearing house, and the remedies."""
        from ._information_text import information_analysis
        return information_analysis(self)

    def _cast(self, value: Any) -> Any:
        if any(isinstance(v, float) for v in self.parameters().values()):
            return float(value)
        return value

    def _variant(self, **changes: Any) -> "InformationSharingModel | None":
        """The model with ``changes``, or None when they leave the sharing dilemma (for tables)."""
        try:
            return self.replace(**changes)
        except ParameterError:
            return None


def _key(model: InformationSharingModel) -> tuple:
    """The parameters that determine the delta sets, with their number types (1 and 1.0 differ)."""
    return tuple((name, type(value).__name__, value) for name, value in model.parameters().items()
                 if name not in ("delta", "anonymity", "cooperation_share"))


@functools.lru_cache(maxsize=256)
def _delta_sets(key: tuple, clearing_house: bool) -> Any:
    """The library's delta set for one parameter key (the n-state monitoring structures are costly to
    build, and the analysis asks for the same group sizes in several tables)."""
    model = InformationSharingModel(**{name: value for name, _, value in key})
    if model.n > LIBRARY_MAX_STATES:
        raise ParameterError(f"InformationSharingModel: the library computes groups of up to "
                             f"{LIBRARY_MAX_STATES} states here, got n={model.n}; use the closed-form thresholds")
    if clearing_house:
        return sustainable_discount_factors(model.clearing_house_game(), model.clearing_house_profile())
    return sustainable_discount_factors(model.status_quo_game(), model.status_quo_profile())
