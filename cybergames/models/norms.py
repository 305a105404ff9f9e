r"""Missing norms: n states coordinating on a norm of responsible behaviour in cyberspace.

The obstacle
------------
Norms of state behaviour in cyberspace (no attacks on critical infrastructure
in peacetime, assistance with incidents, no harm to emergency response teams)
help only if enough states follow them; a state that restrains itself while
others do not bears the cost alone (Finnemore & Hollis 2016). Both universal
compliance and universal disregard are self-enforcing, and the question is
which convention prevails and how many states it takes to tip it.

The model
---------
Each of :math:`n` states follows the norm (``"Follow"``) or not
(``"Abstain"``); every pair of states plays a stag hunt with
:math:`R > T \ge P > S`: :math:`R` to each when both follow, :math:`S` to a
state that follows alone, :math:`T` to one that abstains while its partner
follows, :math:`P` when neither follows. A state's payoff is the sum over its
:math:`n - 1` relationships, an n-player :class:`~cybergames.games.NormalFormGame`.

Results
-------
With :math:`x` the share of the *other* states that follow, following is a
best response iff :math:`x R + (1 - x) S \ge x T + (1 - x) P`, i.e.

.. math:: x \ge x^* = \frac{P - S}{(R - T) + (P - S)},

the tipping share, which is also the probability of following in the mixed
equilibrium of the pairwise game. An abstaining state follows once
:math:`k^* = \lceil x^* (n - 1) \rceil` others do. A state that follows sees one
follower fewer than one that abstains, so no split profile is an equilibrium:
with :math:`k` followers, the followers need :math:`k - 1 \ge x^*(n-1)` and the
abstainers :math:`k \le x^*(n-1)`, incompatible; the pure equilibria are
exactly all-follow and all-abstain. Following is payoff dominant (:math:`R > P`)
and risk dominant iff :math:`(R - T)^2 > (P - S)^2 \iff x^* < 1/2`
(Harsanyi & Selten 1988, section 3.9). A coalition of ``adopters`` states
committed to the norm tips all others iff it reaches :math:`k^*`, Schelling's
and Finnemore & Sikkink's tipping point; where :math:`x^*(n - 1)` is a whole
number the state at the threshold is indifferent and the coalition tips the
norm only weakly, which the analysis says. Raising :math:`S` (assistance to
states that follow alone) or lowering :math:`T` (shaming violators) lowers
:math:`x^*`.

*Which norm emerges* (:meth:`NormsModel.stochastic_stability`). With the n
states best-responding to one another and erring with probability
:math:`\varepsilon`, the stochastically stable convention is computed exactly
on the KMR chain (Kandori, Mailath & Rob 1993; Young 1993). It is the
risk-dominant one whenever :math:`|2x^* - 1|(n - 1) \ge 2` (derived in the
method's docstring), KMR's theorem for this model.

*A norm of restraint* (:meth:`NormsModel.community_enforcement`). If violating
the norm against a follower pays :math:`T' = R + g > R`, the pairwise game is a
prisoner's dilemma. Among n states paired at random, each seeing only its own
encounters, Kandori's (1992) contagion profile sustains the norm exactly on
the set of discount factors where no state gains by a first violation (on
path) and no infected state gains by following the norm once to slow the
contagion (off path, at every number of infected states):
:func:`cybergames.repeated.contagion`. These are conditions for that profile.

References
----------
* J. C. Harsanyi and R. Selten, *A General Theory of Equilibrium Selection in
  Games*, MIT Press, 1988, section 3.9.
* M. Kandori, G. J. Mailath and R. Rob, "Learning, mutation, and long run
  equilibria in games", *Econometrica* 61(1), 1993, 29-56.
* H. P. Young, "The evolution of conventions", *Econometrica* 61(1), 1993, 57-84.
* M. Kandori, "Social norms and community enforcement", *Review of Economic
  Studies* 59(1), 1992, 63-80.
* G. Ellison, "Cooperation in the prisoner's dilemma with anonymous random
  matching", *Review of Economic Studies* 61(3), 1994, 567-588.
* M. Finnemore and K. Sikkink, "International norm dynamics and political
  change", *International Organization* 52(4), 1998, 887-917.
* M. Finnemore and D. B. Hollis, "Constructing norms for global
  cybersecurity", *American Journal of International Law* 110(3), 2016, 425-479.
* T. C. Schelling, *Micromotives and Macrobehavior*, Norton, 1978, ch. 3.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np
import sympy

from .. import _numbers
from ..equilibria import nash_equilibria
from ..errors import ParameterError
from ..games.classic import prisoners_dilemma, stag_hunt
from ..games.normal_form import NormalFormGame
from ._base import Model, ModelAnalysis, check_parameter
from ._norms_game import (ABSTAIN, ADOPTERS, FOLLOW, KMR_MAX_STATES, LIBRARY_MAX_STATES, MAX_STATES, N_, SYMBOLS,
                          ceiling as _ceiling, tipping_share_expr)

__all__ = ["NormsModel", "LIBRARY_MAX_STATES", "KMR_MAX_STATES", "SYMBOLS"]

#: The named profile, for the conditions' label.
PROFILE_NAME = "the best-response cascade from the committed states"
#: The family searched by :meth:`NormsModel.game_answer`, in words.
FAMILY = "the stage game's equilibria played in every period (all follow; all abstain)"


@dataclass(frozen=True)
class NormsModel(Model):
    r"""n states deciding whether to follow a norm, each pair playing a stag hunt.

    Parameters
    ----------
    n : int
        Number of states, 2 to 1000 (the library builds the n-state game up to 10).
    R, T, P, S : int, Fraction or float
        Pairwise payoffs, :math:`R > T \ge P > S`: both follow; abstain while
        the partner follows; neither follows; follow alone.
    adopters : int
        States already committed to the norm (0 to n), e.g. a like-minded coalition.
    violation_gain : int, Fraction or float
        :math:`g > 0`: when the norm is one of restraint, abstaining against a
        follower pays :math:`T' = R + g`, a prisoner's dilemma (R, S, P as
        above), enforced by contagion among randomly matched states
        (:meth:`community_enforcement`).
    delta : int, Fraction or float
        The discount factor of that community, :math:`0 \le \delta < 1`.

    Raises
    ------
    ParameterError
        If a parameter is out of range or the pairwise game is not a stag hunt.

    Examples
    --------
    >>> analysis = NormsModel().analyse()
    >>> [(c.value, c.holds) for c in analysis.conditions][:2]
    [(5, False), (Fraction(2, 3), False)]
    >>> from fractions import Fraction
    >>> NormsModel(S=Fraction(3, 2)).tipping_share()
    Fraction(1, 3)
    """

    n: int = 8
    R: Any = 4
    T: Any = 3
    P: Any = 2
    S: Any = 0
    adopters: int = 3
    violation_gain: Any = 1
    delta: Any = Fraction(4, 5)

    key: ClassVar[str] = "norms"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "missing norms"

    def __post_init__(self) -> None:
        check_parameter(self, "n", lower=2, upper=MAX_STATES, integer=True)
        for name in ("R", "T", "P", "S"):
            check_parameter(self, name, symbolic=False)
        check_parameter(self, "adopters", lower=0, upper=self.n, integer=True)
        check_parameter(self, "violation_gain", lower=0, lower_open=True, symbolic=False)
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True, symbolic=False)
        if not (self.R > self.T >= self.P > self.S):
            raise ParameterError(f"NormsModel: expected a stag hunt, R > T >= P > S; got R={self.R!r}, "
                                 f"T={self.T!r}, P={self.P!r}, S={self.S!r}")

    # ------------------------------------------------------------ the games
    def pairwise_game(self) -> NormalFormGame:
        """The 2x2 game every pair of states plays, actions ``"Follow"`` and ``"Abstain"``."""
        game = stag_hunt(T=self.T, R=self.R, P=self.P, S=self.S)
        return NormalFormGame(game.payoffs, actions=[(FOLLOW, ABSTAIN)] * 2)

    def game(self) -> NormalFormGame:
        r"""The n-state game: each state's payoff summed over its n - 1 pairwise games (n <= 10).

        Raises
        ------
        ParameterError
            If ``n`` exceeds :data:`~cybergames.models.norms.LIBRARY_MAX_STATES` (the game has
            :math:`2^n` profiles).
        """
        if self.n > LIBRARY_MAX_STATES:
            raise ParameterError(f"NormsModel.game: the {self.n}-state game has 2^{self.n} profiles; built for "
                                 f"n <= {LIBRARY_MAX_STATES}")
        return _coordination_game(self.n, *((type(v).__name__, v) for v in (self.R, self.T, self.P, self.S)))

    def dilemma_game(self) -> NormalFormGame:
        """The pairwise game of a norm of restraint: a prisoner's dilemma with T' = R + ``violation_gain``, R, P, S."""
        game = prisoners_dilemma(T=self.temptation, R=self.R, P=self.P, S=self.S)
        return NormalFormGame(game.payoffs, actions=[(FOLLOW, ABSTAIN)] * 2)

    @property
    def temptation(self) -> Any:
        """:math:`T' = R + g`: what violating a norm of restraint pays against a follower."""
        return _numbers.simplify_exact(self.R + self.violation_gain)

    # ------------------------------------------------------------ selection and enforcement
    def stochastic_stability(self) -> Any:
        r"""Which convention the n states settle on in the long run, when they err rarely (KMR 1993).

        The n states are Kandori, Mailath & Rob's population: each period every
        state best-responds to the other :math:`n - 1` (the n-state game is the
        sum of its pairwise stag hunts), then each errs independently with
        probability :math:`\varepsilon`. The stochastically stable convention is
        computed exactly by least-cost trees (:func:`cybergames.dynamics.stochastically_stable`).
        For :math:`|2x^* - 1|(n - 1) \ge 2` it is the risk-dominant one: every
        state with at most :math:`x^*(n - 1)` followers moves to all abstaining
        in one step and every state with at least :math:`x^*(n - 1) + 1` to all
        following, so leaving all-abstain takes from :math:`\lfloor x^*(n - 1)\rfloor + 1`
        to :math:`\lceil x^*(n - 1)\rceil + 1` mistakes, leaving all-follow from
        :math:`\lfloor (1 - x^*)(n - 1)\rfloor + 1` to :math:`\lceil (1 - x^*)(n - 1)\rceil + 1`,
        and these ranges do not overlap. KMR (1993) prove the risk-dominant
        convention is selected in large enough populations; this is the bound
        for this model, derived as just said.

        Returns
        -------
        cybergames.dynamics.StochasticStability
            Class 0 is all following, class 1 all abstaining (a third, a
            two-cycle, appears only near :math:`x^* = 1/2`).

        Raises
        ------
        ParameterError
            If ``n`` exceeds :data:`KMR_MAX_STATES`.

        References
        ----------
        Kandori, M., Mailath, G. J. & Rob, R. (1993). Learning, mutation, and long run equilibria
        in games. *Econometrica* 61(1), 29–56, Theorem 3. Young, H. P. (1993). The evolution of
        conventions. *Econometrica* 61(1), 57–84.

        Examples
        --------
        >>> result = NormsModel().stochastic_stability()
        >>> result.resistances, result.stable_states      # mistakes out of (Follow: 8) and of (Abstain: 8)
        (((0, 3), (6, 0)), ((0, 8),))
        """
        if self.n > KMR_MAX_STATES:
            raise ParameterError(f"NormsModel.stochastic_stability: n = {self.n} exceeds {KMR_MAX_STATES} states")
        from ..dynamics import kmr, stochastically_stable
        return stochastically_stable(kmr(self.pairwise_game(), self.n))

    def community_enforcement(self) -> Any:
        r"""Where contagion sustains a norm of restraint among the n states, matched at random (Kandori 1992).

        Each period the n states (an even number) are paired at random and play
        :meth:`dilemma_game`, seeing only their own encounters; the contagion
        profile follows the norm until it meets a violation, then abstains for
        ever. The answer is for that profile (see
        :func:`cybergames.repeated.contagion`).

        Returns
        -------
        cybergames.repeated.ContagionConditions

        Raises
        ------
        ParameterError
            If ``n`` is odd or exceeds ``cybergames.repeated.community.MAX_COMMUNITY``.

        References
        ----------
        Kandori, M. (1992). Social norms and community enforcement. *Review of Economic Studies*
        59(1), 63–80, section 3.

        Examples
        --------
        >>> found = NormsModel(n=4).community_enforcement()
        >>> print(found.delta_set)
        [-2/3 + sqrt(13)/3, 1)
        """
        from ..repeated import contagion
        return contagion(self.dilemma_game(), self.n)

    # ------------------------------------------------------------ thresholds
    def tipping_share(self) -> Any:
        """:math:`x^*`, from the mixed equilibrium of the pairwise game (the library's vertex enumeration)."""
        for eq in nash_equilibria(self.pairwise_game()):
            if not eq.is_pure:
                return _plain(eq.strategies[1][0])
        raise ArithmeticError("internal error: a stag hunt without a mixed equilibrium")   # pragma: no cover

    def coalition(self) -> int:
        r""":math:`k^*`: how many other states must follow before an abstaining state follows too.

        From the library's best responses in the n-state game for ``n <= 10``;
        from :math:`\lceil x^* (n - 1) \rceil` beyond.
        """
        if self.n > LIBRARY_MAX_STATES:
            return int(_ceiling(self.tipping_share() * (self.n - 1)))
        game = self.game()
        for k in range(self.n):
            profile = (ABSTAIN,) + (FOLLOW,) * k + (ABSTAIN,) * (self.n - 1 - k)
            if FOLLOW in game.best_responses(0, profile):
                return k
        raise ArithmeticError("internal error: following is never a best response")   # pragma: no cover

    def cascade(self) -> int:
        """The number of followers once every uncommitted state has best-responded, in turn, until none moves.

        The ``adopters`` (the first states) always follow; an uncommitted state
        switches to following when following is a best response (ties go to the
        norm). Computed with the library's best responses (``n <= 10``).
        """
        game = self.game()
        profile = [FOLLOW] * self.adopters + [ABSTAIN] * (self.n - self.adopters)
        moved = True
        while moved:
            moved = False
            for i in range(self.adopters, self.n):
                if profile[i] == ABSTAIN and FOLLOW in game.best_responses(i, tuple(profile)):
                    profile[i] = FOLLOW
                    moved = True
        return profile.count(FOLLOW)

    def game_answer(self) -> Any:
        r"""What the repeated game among the n states allows: the norm is a stage equilibrium, so it is sustained.

        All states following the norm is a Nash equilibrium of the stage game
        (:math:`R > T`), so following it in every period is a subgame perfect
        equilibrium of the repeated game at every discount factor (Mailath &
        Samuelson 2006, Prop. 2.2.1), worth :math:`(n - 1)R` to each state, the
        most any state can get: the least discount factor for full cooperation
        is 0, exactly. Checked with the library's best responses in the
        :math:`n`-state game (``n <= 10``), from the closed form beyond. The
        folk-theorem conditions for :math:`n` players under perfect monitoring
        are checked exactly and cheaply through non-equivalent utilities
        (:class:`~cybergames.models.NeuConditions`), not through the exact rank
        test and the :math:`n`-dimensional hull (seconds at five states,
        minutes at six); beyond ten states they are not computed.

        Returns
        -------
        cybergames.models.GameAnswer

        Examples
        --------
        >>> answer = NormsModel().game_answer()
        >>> answer.best.value[0], answer.bracket.lower, answer.folk.holds
        (28, Fraction(0, 1), True)
        """
        from fractions import Fraction
        from ..repeated import always_cooperate
        from ._game import ExplicitEquilibrium, GameAnswer, neu_conditions
        from ._game_path import PathThreshold
        n = self.n
        cooperation = tuple(_numbers.simplify_exact((n - 1) * self.R) for _ in range(n))
        notes = ["payoff-set bounds not computed (the payoff-set engine handles two players)"]
        if n <= LIBRARY_MAX_STATES:
            game = self.game()
            everyone = (FOLLOW,) * n
            if not all(FOLLOW in game.best_responses(i, everyone) for i in range(n)):   # pragma: no cover
                raise ArithmeticError("internal error: following the norm is not a best response to all following")
            exact = not any(isinstance(v, float) for v in (self.R, self.T, self.P, self.S))
            folk = neu_conditions(game, cooperation) if exact else None
            if not exact:
                notes.append("folk-theorem conditions computed for exact payoffs only (NEU compares payoffs exactly)")
            method = "checked with the library's best responses in the n-state game"
        else:
            folk = None
            notes.append(f"folk-theorem conditions not computed beyond {LIBRARY_MAX_STATES} states (the game has 2^n "
                         "profiles)")
            method = "from the closed form; the n-state game is too large to build"
        zero = 0.0 if any(isinstance(v, float) for v in (self.R, self.T, self.P, self.S)) else Fraction(0)
        profile = tuple(always_cooperate(FOLLOW) for _ in range(n))
        from ..repeated import DeltaSet, Interval
        every = DeltaSet((Interval(zero, zero + 1, True, False),), "float" if isinstance(zero, float) else "exact",
                         "subgame perfect")
        best = ExplicitEquilibrium("every state follows the norm in every period", profile, zero, cooperation,
                                   every, method)
        bracket = PathThreshold((FOLLOW,) * n, cooperation, (zero,) * n, (zero,) * n, profile, True,
                                "no state gains by abstaining once: (n − 1)T = "
                                f"{_numbers.simplify_exact((n - 1) * self.T)} < (n − 1)R = {cooperation[0]}; the payoff is the unique profile maximising the "
                                "states' total, so an extreme feasible payoff")
        return GameAnswer(PROFILE_NAME, cooperation, folk, best, None, FAMILY, notes=tuple(notes), bracket=bracket)

    # ------------------------------------------------------------ formulas
    def coalition_formula(self) -> sympy.Basic:
        """``adopters >= (n - 1) (P - S)/((R - T) + (P - S))``: the committed coalition tips the norm."""
        return sympy.Ge(ADOPTERS, (N_ - 1) * tipping_share_expr())

    def risk_dominance_formula(self) -> sympy.Basic:
        """``(P - S)/((R - T) + (P - S)) < 1/2``: the norm is risk dominant."""
        return sympy.Lt(tipping_share_expr(), sympy.Rational(1, 2))

    def region_condition(self, free: Any = None) -> sympy.Basic:
        """The tipping region, :meth:`coalition_formula`, in the parameter symbols.

        Parameters
        ----------
        free : sequence of str, optional
            The parameters left as symbols; the others take the model's values.
            Default: all free.

        Raises
        ------
        ParameterError
            If ``free`` names something that is not a parameter.

        Examples
        --------
        >>> NormsModel().region_condition(free=("S", "adopters"))
        adopters >= 7*(2 - S)/(3 - S)
        """
        return self.coalition_formula().xreplace(self._fixed(free))

    # ------------------------------------------------------------ analysis
    def analyse(self) -> ModelAnalysis:
        """Equilibria, risk and payoff dominance, the tipping share and coalition, and the remedies."""
        from ._norms_text import norms_analysis
        return norms_analysis(self)

    def _cast(self, value: Any) -> Any:
        if any(isinstance(v, float) for v in self.parameters().values()):
            return float(value)
        return value


@functools.lru_cache(maxsize=64)
def _coordination_game(n: int, *typed: tuple) -> NormalFormGame:
    """The n-state game of summed pairwise stag hunts (cached: the analysis asks for it several times)."""
    R, T, P, S = (value for _, value in typed)
    floats = any(isinstance(v, float) for v in (R, T, P, S))
    index = np.indices((2,) * n)                          # 0 = Follow, 1 = Abstain
    followers = (index == 0).sum(axis=0)
    arrays = []
    for i in range(n):
        follows = index[i] == 0
        others = (followers - follows).astype(float if floats else object)
        arrays.append(np.where(follows, others * R + (n - 1 - others) * S, others * T + (n - 1 - others) * P))
    return NormalFormGame(arrays, actions=[(FOLLOW, ABSTAIN)] * n)


def _plain(value: Any) -> Any:
    value = value.item() if isinstance(value, np.generic) else value
    return _numbers.simplify_exact(value)
