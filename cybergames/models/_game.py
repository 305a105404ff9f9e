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
  the equilibrium payoff set at :math:`\delta`;
* for the attribution and information models, the certificate that full
  cooperation itself, an extreme feasible payoff, is no equilibrium payoff at
  any :math:`\delta < 1` under full-support blame (:func:`vertex_bracket`),
  and on request the certified bracket of the least :math:`\delta` for a
  stated share of it (:func:`share_bracket`).

Nothing here says "impossible" unless the outer payoff set certifies it
(:attr:`GameAnswer.impossible`), or, for full cooperation itself only, the
vertex argument does (``GameAnswer.bracket`` with ``found`` False).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import _numbers
from ._base import show

__all__ = ["ExplicitEquilibrium", "PayoffSetAnswer", "GameAnswer", "NeuConditions", "perfect_monitoring_answer",
           "first_found", "best_at_own_deltas", "path_sentence", "one_shot_answer", "one_shot_sentence"]


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
        (:func:`~cybergames.repeated.min_discount_factor_for_payoff`), or, for
        the interests, jurisdiction and norms models, at which the
        cooperative profile played in every period is an equilibrium outcome,
        player by player (a ``PathThreshold`` of ``cybergames/models/_game_path.py``:
        the minmax bound below, reversion to a stage equilibrium above), when computed.
    certificate : str
        For a one-shot game or a decision problem whose equilibrium set is
        computed whole: why ``best`` is the game's answer (the equilibrium is
        unique, or ``equilibria`` lists them all), in words. Empty for the
        searches of repeated games, whose ``best`` is only the best found.
    equilibria : tuple of cybergames.models.ExplicitEquilibrium
        With ``certificate``: every equilibrium of the game (or one per
        component of a continuum, as ``certificate`` says), ``best`` among them.
    verdict : str
        The one-line verdict on the game where the model states its own
        (empty: the report derives it from the fields above).
    share : number or None
        The share of cooperation whose least discount factor ``share_bracket``
        brackets: the payoff ``share`` of the way from the stage Nash payoff to
        ``cooperation`` (None: not asked).
    share_bracket : cybergames.repeated.DiscountFactorBracket or None
        The certified bracket of the least discount factor for that payoff
        (:func:`~cybergames.repeated.min_discount_factor_for_payoff` with ``fraction=share``).
    partial : bool
        With ``certificate``: True when ``equilibria`` lists only a certified
        part of the equilibrium set (``certificate`` says which part), so the
        answer is not ``complete``.
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
    certificate: str = ""
    equilibria: tuple = ()
    verdict: str = ""
    share: Any = None
    share_bracket: Any = None
    partial: bool = False

    @property
    def complete(self) -> bool:
        """Whether the answer is the game's whole equilibrium set (a one-shot game or decision problem)."""
        return bool(self.certificate) and not self.partial

    @property
    def impossible(self) -> bool:
        """Whether some cooperation is certified impossible at delta: the outer set is the stage Nash payoff.

        True only when the payoff-set engine's outer set at delta gives no
        player more than the mutual-defection payoff (within 1e-9); never
        inferred from the failure of a profile.
        """
        found = self.payoff_set
        return found is not None and found.outer <= float(found.stage_nash) + 1e-9


@dataclass(frozen=True)
class NeuConditions:
    r"""The folk-theorem conditions of an n-player game under perfect monitoring, from the stage payoffs alone.

    Under perfect monitoring every profile has individual and pairwise full
    rank. Abreu, Dutta & Smith (1994) then need only non-equivalent utilities
    (NEU: no two players' payoffs are positive affine transformations of each
    other) and a feasible payoff strictly above the minmax vector. Both are
    checked exactly on the payoff arrays, without the rank tests and the
    convex hull in :math:`n` dimensions of
    :func:`~cybergames.repeated.folk_theorem_conditions` (seconds at five
    players, minutes at six). The pure minmax value bounds the mixed one from
    above, so a payoff strictly above it is strictly above the mixed one.

    Attributes
    ----------
    neu : bool
        Non-equivalent utilities, checked exactly for every pair of players.
    minmax : tuple
        Each player's pure minmax value.
    witness : tuple
        A feasible payoff strictly above ``minmax`` (the cooperative one), or None.
    """

    neu: bool
    minmax: tuple
    witness: tuple | None
    perfect: bool = True
    individual_full_rank: bool = True
    pairwise_full_rank: bool = True

    @property
    def holds(self) -> bool:
        """Whether the folk theorem of Abreu, Dutta & Smith (1994) applies."""
        return self.neu and self.witness is not None

    @property
    def conclusion(self) -> str:
        """The conditions in words."""
        if not self.holds:
            return ("The folk theorem of Abreu, Dutta & Smith (1994) does not apply here (" +
                    ("two players' payoffs are equivalent" if not self.neu else
                     "no feasible payoff lies strictly above the minmax values") + ").")
        return (f"The folk theorem applies (Abreu, Dutta & Smith 1994: perfect monitoring, and no two of the "
                f"{len(self.minmax)} players have equivalent payoffs, checked exactly), so every feasible payoff "
                f"strictly above the minmax values, full cooperation included, is a subgame perfect equilibrium "
                f"payoff of patient enough players; the full-dimension test and the exact rank test are not run.")


@dataclass(frozen=True)
class IndependentBlameConditions:
    r"""The folk-theorem conditions of an n-state public-goods game whose public signal blames each state apart.

    Each state is blamed independently, with probability :math:`q` when it
    withholds and :math:`r` when it shares, so the public signal's distribution
    is a product of one factor per state. Then, for :math:`q \ne r`:

    * *individual full rank* at every profile: a state's two actions give two
      different distributions of its own factor;
    * *pairwise full rank* for every pair :math:`i, j` at every profile: the
      rows of :math:`i`'s deviations span :math:`\mathbb{R}^2 \otimes w_j` and
      those of :math:`j`'s span :math:`v_i \otimes \mathbb{R}^2`, which meet only
      in :math:`v_i \otimes w_j`, so the rank is :math:`2 + 2 - 1 = 3`.

    Stage payoffs :math:`u_i = (mc/n)k - (c + \ell)[i \text{ shares}]` with
    :math:`k` sharers: the payoffs of the :math:`n` profiles with one sharer,
    less that of nobody sharing, are the columns of :math:`(mc/n)J - (c + \ell)I`,
    of rank :math:`n` iff :math:`c + \ell \ne 0` and :math:`mc \ne c + \ell`
    (otherwise every payoff lies on the hyperplane :math:`\sum_i u_i = 0`, or is
    0): the feasible set then has full dimension. Each state's minmax value is
    :math:`\max(0, mc/n - c - \ell)` (its payoff rises with the others'
    sharing, so they hold it down by withholding). Fudenberg, Levine & Maskin
    (1994) then make every payoff in the interior of the feasible, strictly
    individually rational set, full sharing :math:`mc - c - \ell` included when it
    exceeds the minmax value, a perfect public equilibrium payoff of patient
    enough states. Checked in closed form, without the rank tests of
    :func:`~cybergames.repeated.folk_theorem_conditions` (seconds at five
    states, minutes at six); the tests compare both on small groups.

    Attributes
    ----------
    n : int
    individual_full_rank, pairwise_full_rank : bool
        Both are ``q != r``.
    dimension : int
        The affine dimension of the feasible payoffs: ``n``, or less in the cases above.
    minmax : tuple
        Each state's minmax value.
    witness : tuple or None
        Full sharing's payoff when it lies strictly above the minmax values.
    """

    n: int
    individual_full_rank: bool
    pairwise_full_rank: bool
    dimension: int
    minmax: tuple
    witness: tuple | None
    perfect: bool = False

    @property
    def holds(self) -> bool:
        """Whether the folk theorem of Fudenberg, Levine & Maskin (1994) applies."""
        return self.pairwise_full_rank and self.dimension == self.n and self.witness is not None

    @property
    def conclusion(self) -> str:
        """The conditions in words."""
        if not self.holds:
            why = ("q = r: a state's blame does not depend on its action (pairwise full rank fails)"
                   if not self.pairwise_full_rank else
                   "the feasible payoffs do not have full dimension" if self.dimension < self.n else
                   "full sharing is not strictly above the minmax values")
            return f"The folk theorem of Fudenberg, Levine & Maskin (1994) does not apply here ({why})."
        return (f"The folk theorem applies (Fudenberg, Levine & Maskin 1994): each state is blamed apart from the "
                f"others, with q ≠ r, so the public signals have pairwise full rank at every profile, and the "
                f"feasible payoffs of the {self.n} states have full dimension (both shown in closed form); so "
                f"payoffs as close to full sharing as one likes are perfect public equilibrium payoffs of patient "
                f"enough states.")


def independent_blame_conditions(n: int, multiplier: Any, cost: Any, leakage: Any, detect: Any,
                                 false_flag: Any) -> IndependentBlameConditions:
    """:class:`IndependentBlameConditions` of the n-state sharing game with blame probabilities q and r."""
    share_cost = cost + leakage
    dimension = n if share_cost != 0 and multiplier * cost != share_cost else n - 1
    floor = _numbers.simplify_exact(max(0 * cost, _numbers.ratio(multiplier * cost, n) - share_cost))
    full = _numbers.simplify_exact(multiplier * cost - share_cost)
    ranks = detect != false_flag
    return IndependentBlameConditions(n, ranks, ranks, dimension, (floor,) * n,
                                      (full,) * n if full > floor else None)


def neu_conditions(game: Any, cooperative: tuple) -> NeuConditions:
    """:class:`NeuConditions` of ``game`` (exact or float), with ``cooperative`` as the candidate witness."""
    import numpy as np
    arrays = [np.asarray(p, dtype=object) for p in game.payoffs]
    n = len(arrays)
    floors = tuple(_numbers.simplify_exact(min(np.max(a, axis=i).flat)) for i, a in enumerate(arrays))

    def equivalent(a: Any, b: Any) -> bool:
        x, y = list(a.flat), list(b.flat)
        k = next((k for k in range(1, len(y)) if y[k] != y[0]), None)
        if k is None:
            return all(v == x[0] for v in x)
        c = _numbers.ratio(x[k] - x[0], y[k] - y[0])
        return c > 0 and all(u == c * (v - y[0]) + x[0] for u, v in zip(x, y))

    neu = not any(equivalent(arrays[i], arrays[j]) for i in range(n) for j in range(i + 1, n))
    above = all(c > f for c, f in zip(cooperative, floors))
    return NeuConditions(neu, floors, tuple(cooperative) if above else None)


def first_found(search: Any, delta: Any, larger: Any) -> tuple:
    """``(best, patient)``: ``search(delta)``, else ``search`` at the first of ``larger`` above ``delta``
    that finds one."""
    best = search(delta)
    if best is not None:
        return best, None
    for bigger in larger:
        if (bigger > delta if not isinstance(delta, tuple) else any(b > d for b, d in zip(bigger, delta))):
            found = search(bigger)
            if found is not None:
                return None, found
    return None, None


def best_at_own_deltas(rg: Any, candidates: Any, deltas: tuple) -> ExplicitEquilibrium | None:
    r"""The candidate (name, profile) with the largest sum of values that is an equilibrium when each player
    discounts at its own ``deltas[i]`` (exact one-shot deviation checks, player by player), or None.

    Player :math:`i`'s one-shot deviation constraints involve only its own
    values, so checking them in the common-:math:`\delta` game at
    :math:`\delta_i` is exact for heterogeneous discounting.
    """
    from ..repeated import check_equilibrium, values
    best, top = None, None
    for name, profile in candidates:
        worth = []
        for i, delta in enumerate(deltas):
            if any(v.player == i for v in check_equilibrium(rg, profile, delta).violations):
                break
            worth.append(values(rg, profile, delta).initial[i])
        else:
            if top is None or sum(worth) > top:
                top = sum(worth)
                best = ExplicitEquilibrium(name, profile, tuple(deltas), tuple(worth), None,
                                           "one-shot deviation principle at every state, each player's constraints "
                                           "at its own discount factor, exact arithmetic")
    return best


def path_sentence(found: Any, deltas: tuple, what: str, concept: str = "subgame perfect") -> str:
    """A ``PathThreshold`` (``cybergames/models/_game_path.py``) in words; ``what`` names the path."""
    if found is None:
        return ""
    n = len(found.player_lower)
    common = len(set(deltas)) == 1
    name = (lambda i: "δ") if common else (lambda i: f"δ{'₁₂₃₄₅₆₇₈₉'[i]}")
    payoff = show(tuple(found.payoff))
    about = (f"{what} in every period (worth {payoff}"
             + (", an extreme feasible payoff, so this is the least δ for that payoff itself)" if found.vertex
                else ")"))
    if common:
        lows, highs = (found.lower,), (found.upper,)
    else:
        lows, highs = tuple(found.player_lower), tuple(found.player_upper or (None,) * n)
    shown = range(len(lows))
    blocked = [i for i in shown if lows[i] >= 1]
    if blocked:
        who = "" if common else f" of state {blocked[0] + 1}"
        return (f"{about[:1].upper()}{about[1:]} is not a {concept} equilibrium outcome for any discount "
                f"factor{who} below 1 (certified: {found.certificate}); this certifies nothing about other "
                f"profiles, which may sustain less cooperation.")
    holds = found.holds(deltas)
    at = ", ".join(f"{name(i)} = {show(d)}" for i, d in enumerate(deltas[:1] if common else deltas))
    verdict = {True: f"so at {at} it is", False: f"so at {at} it is not",
               None: "not decided at the model's parameters"}[holds]
    if found.exact:
        ends = " and ".join(f"{name(i)} ≥ {brief(lows[i])}" for i in shown)
        return (f"{about[:1].upper()}{about[1:]} is a {concept} equilibrium outcome exactly when {ends} "
                f"({found.certificate}); {verdict}.")
    lower = " and ".join(f"{name(i)} ≥ {brief(lows[i])}" for i in shown)
    upper = ("" if any(h is None for h in highs) else
             "; it is one when " + " and ".join(f"{name(i)} ≥ {brief(highs[i])}" for i in shown))
    return f"{about[:1].upper()}{about[1:]} needs {lower}{upper} ({found.certificate}); {verdict}."


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


def folk_sentence(folk: Any, cooperation: Any = None) -> str:
    """The folk-theorem conditions in words; with ``cooperation``, whether they cover that payoff."""
    if folk is None:
        return ""
    if isinstance(folk, (NeuConditions, IndependentBlameConditions)):
        return folk.conclusion
    covered = "mutual cooperation included"
    if cooperation is not None and folk.holds and not folk.covers(cooperation):
        covered = (f"but not full cooperation {show(tuple(cooperation))}, which is not strictly above the minmax "
                   f"values {show(tuple(folk.region.minmax))}" if folk.perfect and folk.rg.num_players == 2 else
                   f"but it does not cover full cooperation {show(tuple(cooperation))} itself")
    if folk.holds and folk.perfect:
        return ("The folk theorem applies (Fudenberg & Maskin 1986: perfect monitoring, and the feasible payoffs "
                f"have full dimension), so every feasible, strictly individually rational payoff, {covered}, is a "
                "subgame perfect equilibrium payoff of patient enough states.")
    if folk.holds:
        return ("The folk theorem applies (Fudenberg, Levine & Maskin 1994: the public signals have "
                f"{'pairwise' if folk.pairwise_full_rank else 'individual'} full rank, computed exactly), so "
                "every payoff in the interior of the feasible, strictly individually rational payoffs, payoffs "
                "as close to full cooperation as one likes included, is a perfect public equilibrium payoff of "
                "patient enough states.")
    return ("The folk theorem of Fudenberg, Levine & Maskin (1994) does not apply here (pairwise full rank fails), "
            "so the library cannot say from it whether patient states can do better than the named profile.")


def _at(delta: Any) -> str:
    """``δ = 4/5``, or ``(δ₁, δ₂) = (2/3, 1/2)`` when the players discount differently."""
    if isinstance(delta, tuple):
        names = ", ".join(f"δ{'₁₂₃₄₅₆₇₈₉'[i]}" for i in range(len(delta)))
        return f"({names}) = {show(delta)}"
    return f"δ = {show(delta)}"


def equilibrium_sentence(answer: GameAnswer, delta: Any, per: str = "per state") -> str:
    """The best explicit equilibrium found, its value and its delta set, in words."""
    cooperation = answer.cooperation[0]
    concept = "subgame perfect" if answer.folk is not None and answer.folk.perfect else "perfect public"
    if answer.best is not None:
        found = answer.best
        worth = (f"{brief(found.value[0])} {per} against {show(cooperation)}" if len(set(answer.cooperation)) == 1
                 else f"{show(tuple(found.value))} against {show(tuple(answer.cooperation))}")
        text = (f"The best explicit equilibrium found at {_at(delta)} ({answer.family}) is {found.name}: "
                f"an exact {concept} equilibrium ({found.method}) worth {worth} for full cooperation")
    elif answer.patient is not None:
        found = answer.patient
        text = (f"No profile of the searched family ({answer.family}) is an equilibrium at {_at(delta)}, which "
                f"certifies nothing about other profiles; {found.name} is an exact {concept} equilibrium at "
                f"{_at(found.delta)} ({found.method}), worth "
                + (f"{brief(found.value[0])} {per}" if len(set(answer.cooperation)) == 1
                   else f"{show(tuple(found.value))} against {show(tuple(answer.cooperation))} for full cooperation"))
    else:
        return (f"No profile of the searched family ({answer.family}) is an equilibrium at {_at(delta)} or "
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


def vertex_bracket(rg: Any, cooperation: tuple) -> Any:
    r"""The certificate that ``cooperation`` itself is no equilibrium payoff at any :math:`\delta < 1`, or None.

    :func:`~cybergames.repeated.min_discount_factor_for_payoff` for the
    extreme payoff ``cooperation`` when its vertex argument decides at once
    (public monitoring: every continuation after the cooperative profile is
    the vertex itself, so a profitable deviation that produces no new signal
    cannot be punished; ``found`` False, ``lower`` 1). None when the argument
    does not apply (a deviation can produce a new signal, e.g. without false
    flags); then the least :math:`\delta` would need the bisection over payoff
    sets, which is not run here.
    """
    from ..repeated.payoff_sets.derived import undeterrable_bracket
    return undeterrable_bracket(rg, tuple(cooperation))


#: The bisection's tolerance for the bracket of a share of cooperation.
SHARE_XTOL = 1e-3


def share_bracket(rg: Any, cooperation: tuple, share: Any) -> Any:
    """:func:`~cybergames.repeated.min_discount_factor_for_payoff` for ``share`` of ``cooperation`` (from the stage
    Nash payoff), with ``xtol`` :data:`SHARE_XTOL`."""
    from ..repeated import min_discount_factor_for_payoff
    return min_discount_factor_for_payoff(rg, tuple(cooperation), fraction=share, xtol=SHARE_XTOL)


def vertex_sentence(answer: GameAnswer, concept: str = "perfect public") -> str:
    """The certificate of :func:`vertex_bracket` in words (empty when it was not computed)."""
    found = answer.bracket
    if found is None or found.found or found.lower < 1:
        return ""
    reason = found.certificate.split(": ", 1)[-1]
    return (f"Full cooperation {show(tuple(answer.cooperation))} itself, exactly, is not a {concept} equilibrium "
            f"payoff for any δ < 1 (certified by the vertex argument: it is an extreme feasible payoff, so every "
            f"continuation after the cooperative profile must be that payoff again; {reason}); this concerns that "
            f"payoff only, and payoffs close to it may be equilibrium payoffs of patient states.")


def share_sentence(answer: GameAnswer, delta: Any, nash: tuple, concept: str = "perfect public") -> str:
    """The certified bracket of the least δ for a share of cooperation, and where the model's δ lies."""
    found = answer.share_bracket
    if found is None:
        return ""
    payoff = show(tuple(found.payoff)) if len(set(found.payoff)) > 1 else f"{brief(found.payoff[0])} each"
    what = (f"The payoff {show(answer.share)} of the way from the stage Nash payoff {show(tuple(nash))} to full "
            f"cooperation {show(tuple(answer.cooperation))} ({payoff})")
    if not found.found:
        return (f"{what} is not a {concept} equilibrium payoff at any δ up to {brief(found.lower)} (certified: "
                f"outside the outer payoff set); no δ up to the search's end was found to give it.")
    where = share_position(found, delta)
    at = {"above": f"so at δ = {show(delta)}, above the bracket, it is one (certified)",
          "below": f"so at δ = {show(delta)}, below the bracket, it is not (certified)",
          "inside": f"so at δ = {show(delta)}, inside the bracket, this does not decide"}[where]
    return (f"{what} is a {concept} equilibrium payoff (with public randomisation) from a least δ between "
            f"{brief(found.lower)} and {brief(found.upper)} (certified bracket, width {SHARE_XTOL:g} asked: outside "
            f"the outer payoff set at the lower end, inside the inner self-generating set at the upper end); {at}.")


def share_position(found: Any, delta: Any) -> str:
    """Where ``delta`` lies against a found bracket: ``"above"`` (at or above its upper end), ``"below"`` (at or
    below its lower end) or ``"inside"``."""
    if delta >= found.upper:
        return "above"
    return "below" if delta <= found.lower else "inside"


def bracket_numbers(answer: GameAnswer) -> tuple:
    """The numbers of :func:`vertex_bracket` and the share bracket, by name, for the JSON report."""
    out = []
    found = answer.bracket
    if found is not None and not found.found:
        out.append(("cooperation_least_delta_lower", found.lower))
    found = answer.share_bracket
    if found is not None:
        out += [("cooperation_share", answer.share), ("cooperation_share_payoff", found.payoff[0]),
                ("cooperation_share_least_delta_lower", found.lower)]
        if found.upper is not None:
            out.append(("cooperation_share_least_delta_upper", found.upper))
    return tuple(out)


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


def answerable_values(model: Any, deltas: tuple) -> bool:
    """:func:`answerable` for a model whose players have their own discount factors ``deltas``."""
    from fractions import Fraction
    values = [v for v in model.parameters().values() if not isinstance(v, (bool, type(None), str))]
    return all(isinstance(v, (int, Fraction)) for v in values) and all(0 < d < 1 for d in deltas)


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


def answer_findings(answer: GameAnswer, delta: Any, what: str, per: str = "per state") -> tuple:
    """The findings of a game answer with a :class:`~cybergames.models._game_path.PathThreshold` as its bracket:
    the folk conditions, the cooperative path's least discount factor(s) and the best explicit equilibrium,
    each introduced as an answer about the game; then the notes of what was not computed."""
    deltas = delta if isinstance(delta, tuple) else (delta,) * len(answer.cooperation)
    concept = "subgame perfect" if answer.folk is not None and answer.folk.perfect else "perfect public"
    text = [_lead(answer.profile_name, folk_sentence(answer.folk, answer.cooperation)),
            _lead(answer.profile_name, path_sentence(answer.bracket, deltas, what, concept))]
    if answer.family:
        text.append(_lead(answer.profile_name, equilibrium_sentence(answer, delta, per)))
    return tuple(t for t in text if not t.endswith(": "))


def perfect_monitoring_findings(answer: GameAnswer, delta: Any) -> tuple:
    """The findings of :func:`perfect_monitoring_answer`, each introduced as an answer about the game."""
    text = [_lead(answer.profile_name, folk_sentence(answer.folk, answer.cooperation)),
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


def one_shot_answer(profile_name: str, equilibria: tuple, certificate: str, family: str, cooperation: tuple,
                    verdict: str, notes: tuple = (), partial: bool = False) -> GameAnswer:
    """The game's answer of a one-shot game or a decision problem whose equilibrium set is computed whole.

    ``equilibria`` holds :class:`ExplicitEquilibrium` entries with ``delta`` None
    (no discounting enters); ``best`` is the one with the largest sum of values.
    There is nothing to search beyond them and no folk theorem to apply, so
    ``folk``, ``patient`` and ``bracket`` stay None; ``certificate`` says why the
    list is the game's whole answer (with ``partial``, which part of it the list is).
    """
    best = max(equilibria, key=lambda e: sum(e.value)) if equilibria else None
    return GameAnswer(profile_name, tuple(cooperation), None, best, None, family, notes=tuple(notes),
                      certificate=certificate, equilibria=tuple(equilibria), verdict=verdict, partial=partial)


def one_shot_sentence(answer: GameAnswer, what: tuple = ("equilibrium", "equilibria")) -> str:
    """A :func:`one_shot_answer` in words: the certificate, and every equilibrium (``what``: the noun, singular
    and plural) with its value."""
    found = answer.equilibria
    if not found:
        return ""
    def worth(e: ExplicitEquilibrium) -> str:
        if len(e.value) == 1:
            return show(e.value[0])
        return f"{show(e.value[0])} to each" if len(set(e.value)) == 1 else show(tuple(e.value))

    each = "; ".join(f"{e.name}, worth {worth(e)}" for e in found)
    head = (f"The game's answer, not only the named profile's, in part: its {what[1]} include "
            if answer.partial else
            f"The game's answer, not only the named profile's: its {what[1]} are " if len(found) > 1 else
            f"The game's answer, not only the named profile's: its only {what[0]}: ")
    return f"{head}{each} ({answer.certificate})."
