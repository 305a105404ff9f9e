r"""What the game allows, beside the condition for the model's named strategy profile (internal).

Each model's conditions belong to one strategy profile (retaliating after any
blame, sharing until anyone is suspected, ...). A profile that fails says
nothing about the game: other equilibria may do better. :class:`GameAnswer`
holds what the library certifies about the game itself at the model's
parameters:

* the folk-theorem conditions (Fudenberg, Levine & Maskin 1994), computed
  exactly on the model's monitoring;
* the best explicit equilibrium found in a stated family of automata, checked
  exactly by the one-shot deviation principle at the model's :math:`\delta`,
  with its value and its exact set of discount factors;
* where no member of the family is an equilibrium at :math:`\delta`, one found
  at a larger :math:`\delta` (so a reader sees that patience rescues
  cooperation, and from which :math:`\delta`);
* when asked for (they take seconds to minutes), the inner and outer bounds of
  the equilibrium payoff set at :math:`\delta`.

Nothing here says "impossible" unless the outer payoff set certifies it
(:attr:`GameAnswer.impossible`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._base import show

__all__ = ["ExplicitEquilibrium", "PayoffSetAnswer", "GameAnswer", "perfect_monitoring_answer"]


@dataclass(frozen=True)
class ExplicitEquilibrium:
    """An explicit equilibrium (a profile of automata), certified at one discount factor.

    Attributes
    ----------
    name : str
        The profile in words (its automaton's name).
    profile : tuple of Automaton or None
        One automaton per player (None where the group is too large to build
        them and the equilibrium is certified on a reduction, see ``method``).
    delta : number
        The discount factor at which it was checked.
    value : tuple
        Each player's exact value at ``delta`` (from the initial state).
    delta_set : cybergames.repeated.DeltaSet or None
        The exact set of discount factors at which it is an equilibrium, or
        None where it was not computed (``method`` says why).
    method : str
        How the equilibrium property was verified, in words.
    """

    name: str
    profile: tuple = field(repr=False)
    delta: Any
    value: tuple
    delta_set: Any = field(default=None, repr=False)
    method: str = ""

    @property
    def least_delta(self) -> Any:
        """The infimum of :attr:`delta_set` when it is an interval up to one, else None."""
        found = self.delta_set
        return found.infimum if found is not None and found.is_interval_to_one else None


@dataclass(frozen=True)
class PayoffSetAnswer:
    """What the equilibrium payoff set at ``delta`` says about symmetric payoffs.

    Attributes
    ----------
    delta : number
        The discount factor.
    inner : float or None
        The best common payoff :math:`t` with :math:`(t, t)` in the inner set
        (attained by an equilibrium), None when the inner set misses the diagonal.
    outer : float
        No equilibrium gives every player more than this (from the outer set).
    status : str
        The payoff-set engine's status (``"converged"``, ``"stalled"``, ...).
    hausdorff : float
        The distance between the inner and outer sets: the gap left open.
    seconds : float
        How long the engine took.
    stage_nash : number
        The common payoff of the stage game's mutual-defection equilibrium.
    """

    delta: Any
    inner: Any
    outer: float
    status: str
    hausdorff: float
    seconds: float
    stage_nash: Any = 0


@dataclass(frozen=True)
class GameAnswer:
    """What the game allows at a model's parameters, beside its named profile's condition.

    Attributes
    ----------
    profile_name : str
        The named profile the model's conditions are about.
    cooperation : tuple
        The payoff of full cooperation, one entry per player.
    folk : cybergames.repeated.FolkTheoremConditions or None
        The folk-theorem conditions on the model's monitoring (None: not
        computed, see ``notes``).
    best : cybergames.models.ExplicitEquilibrium or None
        The best equilibrium of the searched family at the model's delta
        (None: no member is an equilibrium there).
    patient : cybergames.models.ExplicitEquilibrium or None
        When ``best`` is None: an equilibrium of the family found at a larger
        discount factor, with its exact delta set.
    family : str
        The family searched, in words (empty: nothing was searched, see ``notes``).
    payoff_set : cybergames.models.PayoffSetAnswer or None
        The payoff-set bounds at delta, when computed.
    notes : tuple of str
        What was not computed, and why.
    bracket : cybergames.repeated.DiscountFactorBracket or None
        The certified bracket of the least discount factor at which
        ``cooperation`` is an equilibrium payoff
        (:func:`~cybergames.repeated.min_discount_factor_for_payoff`), when computed.
    """

    profile_name: str
    cooperation: tuple
    folk: Any
    best: ExplicitEquilibrium | None
    patient: ExplicitEquilibrium | None
    family: str
    payoff_set: PayoffSetAnswer | None = None
    notes: tuple = ()
    bracket: Any = None

    @property
    def impossible(self) -> bool:
        """Whether some cooperation is certified impossible at delta: the outer set is the stage Nash payoff.

        True only when the payoff-set engine's outer set at delta gives no
        player more than the mutual-defection payoff (within 1e-9); never
        inferred from the failure of a profile.
        """
        found = self.payoff_set
        return found is not None and found.outer <= float(found.stage_nash) + 1e-9


def _lead(profile_name: str, sentence: str) -> str:
    """``sentence`` introduced as an answer about the game, not about the named profile."""
    return f"In the game, not only for {profile_name}: {sentence[:1].lower()}{sentence[1:]}"


def brief(value: Any) -> str:
    """A number for a sentence: :func:`show`, but long fractions and algebraic numbers by their decimal only
    (the exact value is in the result and the JSON report)."""
    from fractions import Fraction
    import sympy
    if isinstance(value, Fraction) and value.denominator > 10 ** 4:
        return f"≈ {float(value):.4g}"
    if isinstance(value, sympy.Basic) and not value.is_Rational:
        return f"≈ {float(value):.4g}"
    return show(value)


def folk_sentence(folk: Any) -> str:
    """The folk-theorem conditions in words."""
    if folk is None:
        return ""
    if folk.holds and folk.perfect:
        return ("The folk theorem applies (Fudenberg & Maskin 1986: perfect monitoring, and the feasible payoffs "
                "have full dimension), so every feasible, strictly individually rational payoff, mutual cooperation "
                "included, is a subgame perfect equilibrium payoff of patient enough states.")
    if folk.holds:
        return ("The folk theorem applies (Fudenberg, Levine & Maskin 1994: the public signals have "
                f"{'pairwise' if folk.pairwise_full_rank else 'individual'} full rank, computed exactly), so "
                "every feasible, strictly individually rational payoff, mutual cooperation included, is a "
                "perfect public equilibrium payoff of patient enough states.")
    return ("The folk theorem of Fudenberg, Levine & Maskin (1994) does not apply here (pairwise full rank fails), "
            "so the library cannot say from it whether patient states can do better than the named profile.")


def equilibrium_sentence(answer: GameAnswer, delta: Any, per: str = "per state") -> str:
    """The best explicit equilibrium found, its value and its delta set, in words."""
    cooperation = answer.cooperation[0]
    concept = "subgame perfect" if answer.folk is not None and answer.folk.perfect else "perfect public"
    if answer.best is not None:
        found = answer.best
        worth = (f"{brief(found.value[0])} {per} against {show(cooperation)}" if len(set(answer.cooperation)) == 1
                 else f"{show(tuple(found.value))} against {show(tuple(answer.cooperation))}")
        text = (f"The best explicit equilibrium found at δ = {show(delta)} ({answer.family}) is {found.name}: "
                f"an exact {concept} equilibrium ({found.method}) worth {worth} for full cooperation")
    elif answer.patient is not None:
        found = answer.patient
        text = (f"No profile of the searched family ({answer.family}) is an equilibrium at δ = {show(delta)}, which "
                f"certifies nothing about other profiles; {found.name} is an exact {concept} equilibrium at "
                f"δ = {show(found.delta)} ({found.method}), worth {brief(found.value[0])} {per}")
    else:
        return (f"No profile of the searched family ({answer.family}) is an equilibrium at δ = {show(delta)} or "
                f"at the larger discount factors tried; this certifies nothing about other profiles.")
    least = found.least_delta
    if least is not None:
        sign = "≥" if found.delta_set.intervals[0].lower_closed else ">"
        shown = brief(least)
        text += f", and it is one exactly for δ {sign} {shown[2:] if shown.startswith('≈') else shown}" + (
            " (an algebraic number, exact in the result)" if shown.startswith("≈") else "")
    elif found.delta_set is not None:
        text += f"; its exact set of discount factors is {found.delta_set}"
    return text + "."


def bracket_sentence(answer: GameAnswer, delta: Any, concept: str = "subgame perfect") -> str:
    """The least discount factor for full cooperation, in words, from its certified bracket."""
    found = answer.bracket
    if found is None:
        return ""
    payoff = show(tuple(answer.cooperation))
    if not found.found:
        return (f"Full cooperation {payoff} is not a {concept} equilibrium payoff at any δ below "
                f"{show(found.lower)} searched (certified lower end: {found.certificate}).")
    if found.exact:
        holds = "it is" if delta >= found.lower else "it is not"
        return (f"Full cooperation {payoff} is a {concept} equilibrium payoff exactly when δ ≥ {show(found.lower)} "
                f"(the least δ, certified exactly by min_discount_factor_for_payoff); so at δ = {show(delta)} "
                f"{holds}.")
    return (f"The least δ at which full cooperation {payoff} is a {concept} equilibrium payoff lies between "
            f"{show(found.lower)} and {show(found.upper)} (certified bracket).")


def answerable(model: Any) -> bool:
    """Whether the game's answer is computed: exact numeric parameters and 0 < delta < 1.

    The searches certify in exact arithmetic, so float and symbolic models (and
    the degenerate delta = 0) get the named profile's answer only.
    """
    from fractions import Fraction
    values = [v for v in model.parameters().values() if not isinstance(v, (bool, type(None), str))]
    if not all(isinstance(v, (int, Fraction)) for v in values):
        return False
    return 0 < model.delta < 1


def perfect_monitoring_answer(rg: Any, delta: Any, profile_name: str) -> GameAnswer:
    """The game's answer for a two-player repeated game under perfect monitoring with exact payoffs.

    Full cooperation is the payoff of both players' first actions. The folk
    conditions, the exact least δ for that payoff (an extreme point of the
    feasible set, so :func:`~cybergames.repeated.min_discount_factor_for_payoff`
    certifies it exactly) and the best of :func:`~cybergames.repeated.best_equilibrium`'s
    named family at δ, with its exact delta set.
    """
    from ..repeated import best_equilibrium, folk_theorem_conditions, min_discount_factor_for_payoff, values
    cooperation = tuple(rg.stage.payoffs[i][(0,) * rg.stage.num_players] for i in range(rg.stage.num_players))
    found = best_equilibrium(rg, delta, max_states=0, payoff_set=False)
    best = None
    if found.value is not None:
        best = ExplicitEquilibrium(found.description, found.profile, delta,
                                   tuple(values(rg, found.profile, delta).initial), found.delta_set,
                                   "one-shot deviation principle at every state, exact arithmetic")
    bracket = min_discount_factor_for_payoff(rg, cooperation)
    return GameAnswer(profile_name, cooperation, folk_theorem_conditions(rg), best, None,
                      "the named automata of best_equilibrium (grim trigger, limited punishment, forgiving trigger, "
                      "win-stay-lose-shift, tit-for-tat, triggers on sets of signals)",
                      notes=("payoff-set bounds not computed in the analysis",), bracket=bracket)


def perfect_monitoring_findings(answer: GameAnswer, delta: Any) -> tuple:
    """The findings of :func:`perfect_monitoring_answer`, each introduced as an answer about the game."""
    text = [_lead(answer.profile_name, folk_sentence(answer.folk)),
            _lead(answer.profile_name, bracket_sentence(answer, delta))]
    if answer.best is not None:
        text.append(_lead(answer.profile_name, equilibrium_sentence(answer, delta)))
    return tuple(t for t in text if not t.endswith(": "))


def payoff_set_sentence(answer: GameAnswer) -> str:
    """The payoff-set bounds in words, with the gap, or why they were not computed."""
    found = answer.payoff_set
    if found is None:
        return ""
    inner = "no symmetric payoff certified" if found.inner is None else f"(t, t) with t = {show(found.inner)}"
    return (f"The equilibrium payoff set at δ = {show(found.delta)} ({found.status} after {found.seconds:.0f} s, gap "
            f"{show(found.hausdorff)}): the inner set holds {inner}; the outer set gives no state more than "
            f"{show(found.outer)} in common.")
