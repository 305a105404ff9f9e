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

__all__ = ["ExplicitEquilibrium", "PayoffSetAnswer", "GameAnswer"]


@dataclass(frozen=True)
class ExplicitEquilibrium:
    """An explicit equilibrium (a profile of automata), certified at one discount factor.

    Attributes
    ----------
    name : str
        The profile in words (its automaton's name).
    profile : tuple of Automaton
        One automaton per player.
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
        The family searched, in words.
    payoff_set : cybergames.models.PayoffSetAnswer or None
        The payoff-set bounds at delta, when computed.
    notes : tuple of str
        What was not computed, and why.
    """

    profile_name: str
    cooperation: tuple
    folk: Any
    best: ExplicitEquilibrium | None
    patient: ExplicitEquilibrium | None
    family: str
    payoff_set: PayoffSetAnswer | None = None
    notes: tuple = ()

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
    if answer.best is not None:
        found = answer.best
        text = (f"The best explicit equilibrium found at δ = {show(delta)} ({answer.family}) is {found.name}: "
                f"an exact perfect public equilibrium ({found.method}) worth {brief(found.value[0])} {per} "
                f"against {show(cooperation)} for full cooperation")
    elif answer.patient is not None:
        found = answer.patient
        text = (f"No profile of the searched family ({answer.family}) is an equilibrium at δ = {show(delta)}, which "
                f"certifies nothing about other profiles; {found.name} is an exact perfect public equilibrium at "
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


def payoff_set_sentence(answer: GameAnswer) -> str:
    """The payoff-set bounds in words, with the gap, or why they were not computed."""
    found = answer.payoff_set
    if found is None:
        return ""
    inner = "no symmetric payoff certified" if found.inner is None else f"(t, t) with t = {show(found.inner)}"
    return (f"The equilibrium payoff set at δ = {show(found.delta)} ({found.status} after {found.seconds:.0f} s, gap "
            f"{show(found.hausdorff)}): the inner set holds {inner}; the outer set gives no state more than "
            f"{show(found.outer)} in common.")
