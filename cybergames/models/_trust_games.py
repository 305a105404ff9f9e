r"""The game of the trust model: one repeated game with private types, and reassurance as its first move.

**The game** (after Kydd 2005, ch. 2 and 7). Nature makes state A a *security
seeker* (trustworthy) with probability :math:`p` and an *expansionist*
(untrustworthy) otherwise; A knows its type, its partner B does not. First A
makes a gesture :math:`s \in \{0, 1, \dots, \bar s\}` that costs
:math:`k_t s` to a security seeker and :math:`k_u s` to an expansionist
(normalised payoff units). Then the two play the prisoner's dilemma forever,
with discount factor :math:`\delta` and payoffs normalised by
:math:`1 - \delta`. B's stage payoffs are :math:`T > R > P > S`. The types
differ in their payoffs: a security seeker gains less from exploiting than
from mutual restraint, :math:`T_t < R` (Kydd's assurance preferences); an
expansionist gains :math:`T` from exploiting and only :math:`R_u \le R` from
mutual restraint (prisoner's dilemma preferences, :math:`T > R_u > P`).

**Continuations** (the equilibria computed here). After the gesture B trusts
(cooperates) or not. Trusted, a security seeker cooperates forever; an
expansionist cooperates forever iff

.. math:: R_u \ge (1 - \delta) T + \delta P \iff \delta \ge \delta_u = \frac{T - R_u}{T - P},

else it exploits once and both defect forever after. B, once it has trusted,
punishes a betrayal by permanent defection: P is each state's minmax and
mutual defection a stage equilibrium, so this is the harshest credible
punishment: under any other, exploiting pays an expansionist at least as much. B itself
keeps cooperating iff :math:`\delta \ge \delta_B = (T - R)/(T - P)` (the
grim-trigger condition; it is also necessary for permanent mutual
cooperation in *any* equilibrium, since a defection earns B at least
:math:`(1 - \delta) T + \delta P`). Distrusted, both defect forever (nothing
is learnt, so by stationarity trust later would have paid now).

With these continuations the first move is a signalling game
(:func:`reassurance_game`) whose payoffs are the types' values of the
repeated game. Each type's *gain from being trusted* is

.. math:: G_t = R - P, \qquad G_u = \max\{R_u, (1 - \delta) T + \delta P\} - P,

and B's value of trusting an expansionist is :math:`R` if
:math:`\delta \ge \delta_u`, else :math:`(1 - \delta) S + \delta P`.

* **Trust on the prior.** For :math:`\delta < \delta_u` B trusts a pool iff
  :math:`p R + (1 - p)((1 - \delta) S + \delta P) \ge P`, i.e.

  .. math:: p \ge p^*(\delta) = \frac{(1 - \delta)(P - S)}{R - P + (1 - \delta)(P - S)};

  for :math:`\delta \ge \delta_u` at every prior.
* **Reassurance.** A gesture of cost :math:`c` to both types separates iff it
  lies between the two types' gains from being trusted,
  :math:`G_u \le c \le G_t`; with unit costs, :math:`s` separates iff
  :math:`k_u s \ge G_u` and :math:`k_t s \le G_t`, so the least separating
  gesture is :math:`s^* = \max(1, \lceil G_u / k_u \rceil)`. With equal
  costs the interval :math:`[G_u, G_t]` is non-empty iff
  :math:`\delta \ge \delta_B` and :math:`R_u \le R`: an expansionist's gain
  from trust is one exploitation, worth less the more patient it is.

:func:`solve_trust` computes all of it at a parameter point (the pure
equilibria with :func:`~cybergames.signalling.perfect_bayesian_equilibria`,
refined by the intuitive criterion and D1) and the discount factors from
which cooperation starts with and without a gesture.

References
----------
* A. H. Kydd, *Trust and Mistrust in International Relations*, Princeton
  University Press, 2005 (ch. 2: security seekers and expansionists; ch. 7:
  reassurance by costly signals).
* A. H. Kydd, "Trust, reassurance, and cooperation", *International
  Organization* 54(2), 2000, 325–357.
* J. W. Friedman, "A non-cooperative equilibrium for supergames", *Review of
  Economic Studies* 38(1), 1971, 1–12.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

import sympy

from .. import _numbers
from .._verify import Verification, verify
from ..games.classic import prisoners_dilemma
from ..repeated import RepeatedGame, critical_discount_factor, grim_trigger
from ..signalling import SignallingGame, d1, intuitive_criterion, perfect_bayesian_equilibria

__all__ = ["SYMBOLS", "TYPES", "ACTIONS", "grim_threshold", "library_grim_threshold", "reciprocity_threshold",
           "prior_threshold",
           "untrustworthy_gain", "trust_formula", "no_gesture_formula", "reassurance_game", "Outcome",
           "Reassurance", "solve_reassurance", "TrustAnswer", "solve_trust", "kmrw_payoffs", "ReputationReading",
           "reputation_reading"]

#: The model's parameters as sympy symbols, named as the parameters, with their assumptions.
SYMBOLS: dict[str, sympy.Symbol] = {
    "T": sympy.Symbol("T", real=True),
    "R": sympy.Symbol("R", real=True),
    "P": sympy.Symbol("P", real=True),
    "S": sympy.Symbol("S", real=True),
    "delta": sympy.Symbol("delta", nonnegative=True),
    "prior": sympy.Symbol("prior", positive=True),
    "max_signal": sympy.Symbol("max_signal", positive=True, integer=True),
    "unit_cost_trustworthy": sympy.Symbol("unit_cost_trustworthy", nonnegative=True),
    "unit_cost_untrustworthy": sympy.Symbol("unit_cost_untrustworthy", positive=True),
    "temptation_trustworthy": sympy.Symbol("temptation_trustworthy", real=True),
    "reward_untrustworthy": sympy.Symbol("reward_untrustworthy", real=True),
    "behavioural_prior": sympy.Symbol("behavioural_prior", positive=True),
    "periods": sympy.Symbol("periods", positive=True, integer=True),
}

TYPES = ("trustworthy", "untrustworthy")
ACTIONS = ("trust", "distrust")

_T, _R, _P, _S = (SYMBOLS[n] for n in "TRPS")
_D, _RU = SYMBOLS["delta"], SYMBOLS["reward_untrustworthy"]


def grim_threshold() -> sympy.Expr:
    r"""B's grim-trigger threshold :math:`\delta_B = (T - R)/(T - P)` (the tests check it against the library's
    symbolic path, :func:`cybergames.repeated.critical_discount_factor` on a game of symbols).

    >>> grim_threshold()
    (-R + T)/(-P + T)
    """
    return (_T - _R) / (_T - _P)


def library_grim_threshold() -> sympy.Expr:
    r""":math:`\delta_B` from :func:`cybergames.repeated.critical_discount_factor` on the symbolic dilemma."""
    rg = RepeatedGame(prisoners_dilemma(_T, _R, _P, _S))
    return critical_discount_factor(rg, (grim_trigger(), grim_trigger()), assumptions=[_T > _R, _R > _P, _P > _S],
                                    delta=_D)


def reciprocity_threshold() -> sympy.Expr:
    r"""The least :math:`\delta` at which a trusted expansionist reciprocates: :math:`(T - R_u)/(T - P)`.

    >>> reciprocity_threshold()
    (T - reward_untrustworthy)/(-P + T)
    """
    return (_T - _RU) / (_T - _P)


def prior_threshold() -> sympy.Expr:
    r"""The prior :math:`p^*(\delta)` from which B trusts a pool of both types, while an expansionist would exploit.

    >>> prior_threshold()
    (1 - delta)*(P - S)/(-P + R + (1 - delta)*(P - S))
    """
    return (1 - _D) * (_P - _S) / (_R - _P + (1 - _D) * (_P - _S))


def untrustworthy_gain() -> sympy.Expr:
    r"""An expansionist's gain from being trusted, :math:`G_u = \max\{R_u, (1 - \delta) T + \delta P\} - P`.

    >>> untrustworthy_gain()
    -P + Max(reward_untrustworthy, P*delta + T*(1 - delta))
    """
    return sympy.Max(_RU, (1 - _D) * _T + _D * _P, evaluate=False) - _P


def _least_gesture() -> sympy.Expr:
    ratio = untrustworthy_gain() / SYMBOLS["unit_cost_untrustworthy"]
    return sympy.Max(1, sympy.ceiling(ratio, evaluate=False), evaluate=False)


@functools.lru_cache(maxsize=None)
def no_gesture_formula() -> sympy.Basic:
    r"""Cooperation without a gesture.

    .. math:: \delta \ge \delta_B \wedge (\delta \ge \delta_u \vee p \ge p^*(\delta))
    """
    return sympy.And(sympy.Ge(_D, grim_threshold()),
                     sympy.Or(sympy.Ge(_D, reciprocity_threshold()), sympy.Ge(SYMBOLS["prior"], prior_threshold())))


@functools.lru_cache(maxsize=None)
def trust_formula() -> sympy.Basic:
    r"""Trust, on the prior, by reciprocity or through a separating gesture, as a relation in the parameters.

    .. math:: \delta \ge \delta_u \;\vee\; p \ge p^*(\delta) \;\vee\;
              \bigl(s^* \le \bar s \wedge k_t s^* \le R - P\bigr),
              \quad s^* = \max(1, \lceil G_u / k_u \rceil).
    """
    least = _least_gesture()
    separates = sympy.And(sympy.Le(least, SYMBOLS["max_signal"], evaluate=False),
                          sympy.Ge(_R - _P - SYMBOLS["unit_cost_trustworthy"] * least, 0, evaluate=False))
    return sympy.Or(sympy.Ge(_D, reciprocity_threshold(), evaluate=False),
                    sympy.Ge(SYMBOLS["prior"], prior_threshold(), evaluate=False), separates)


def reassurance_game(trusted: dict, P: Any, prior: Any, unit_costs: dict,
                     gestures: tuple[tuple[str, Any], ...]) -> SignallingGame:
    r"""The first move of the game: a gesture of size :math:`s`, then trust or distrust, valued by the repeated game.

    Parameters
    ----------
    trusted : mapping type -> (sender value, receiver value)
        The two states' normalised values of the repeated game when B trusts
        that type (see the module docstring).
    P : number
        Both states' value when B distrusts (mutual defection forever).
    prior : number
        The probability of ``"trustworthy"``.
    unit_costs : mapping type -> number
        What one unit of gesture costs each type.
    gestures : tuple of (label, size)
        The messages and the gesture size each stands for.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> sg = reassurance_game({"trustworthy": (3, 3), "untrustworthy": (F(13, 5), F(3, 5))}, 1, F(1, 10),
    ...                       {"trustworthy": F(3, 5), "untrustworthy": F(3, 5)}, (("0", 0), ("3", 3)))
    >>> sg.payoffs("untrustworthy", "3", "trust")     # exploits once (13/5) after a gesture costing 9/5
    (Fraction(4, 5), Fraction(3, 5))
    """
    size = dict(gestures)

    def sender(t: str, m: str, a: str) -> Any:
        return (trusted[t][0] if a == "trust" else P) - unit_costs[t] * size[m]

    def receiver(t: str, m: str, a: str) -> Any:
        return trusted[t][1] if a == "trust" else P

    return SignallingGame(TYPES, {"trustworthy": prior, "untrustworthy": 1 - prior}, tuple(size), ACTIONS,
                          sender, receiver)


@dataclass(frozen=True)
class Outcome:
    """A pure equilibrium outcome of the reassurance move.

    Attributes
    ----------
    kind : str
        ``"pooling"`` or ``"separating"``.
    gestures : tuple of int
        The gesture of the trustworthy and of the untrustworthy state.
    trusted : tuple of bool
        Whether the partner trusts each type.
    intuitive, d1 : bool
        Whether some equilibrium with this outcome survives the intuitive
        criterion and D1.
    equilibria : int
        How many equilibria (differing in replies to unused gestures) share it.
    """

    kind: str
    gestures: tuple
    trusted: tuple
    intuitive: bool
    d1: bool
    equilibria: int


@dataclass(frozen=True)
class Reassurance:
    """The equilibria of the reassurance move, by outcome.

    Attributes
    ----------
    outcomes : tuple of Outcome
        The pure outcomes, ordered by the two types' gestures.
    hybrids : int
        The number of semi-separating outcomes (a type mixes over gestures).
    separating_gestures : tuple of int
        The gestures :math:`s > 0` that separate (sent by the trustworthy type
        alone, trusted).
    least_cost_gesture : int or None
        The smallest of them; None when no gesture separates.
    trust_on_prior : bool
        Whether pooling on no gesture with trust is an equilibrium.
    game : SignallingGame
    equilibria : tuple of PBE
        Every equilibrium :func:`perfect_bayesian_equilibria` found.
    """

    outcomes: tuple
    hybrids: int
    separating_gestures: tuple
    least_cost_gesture: int | None
    trust_on_prior: bool
    game: SignallingGame = field(repr=False)
    equilibria: tuple = field(repr=False)


def solve_reassurance(sg: SignallingGame, *, refine: bool = True) -> Reassurance:
    """Every perfect Bayesian equilibrium of ``sg`` grouped by outcome; with ``refine``, their refinements.

    Without ``refine`` the hybrids are skipped and no outcome is tested (both
    flags False): enough for the separating gestures.
    """
    equilibria = perfect_bayesian_equilibria(sg, hybrid=refine)
    groups: dict = {}
    hybrids = set()
    for eq in equilibria:
        if not eq.is_pure:
            hybrids.add((tuple(sorted(map(str, eq.sender.items())))))
            continue
        sent = tuple(eq.sender[t] for t in TYPES)
        key = (eq.kind, tuple(int(m) for m in sent), tuple(eq.receiver[m] == "trust" for m in sent))
        groups.setdefault(key, []).append(eq)
    outcomes = []
    for (kind, gestures, trusted), members in sorted(groups.items(), key=lambda item: item[0][1]):
        passes_ic = refine and any(intuitive_criterion(sg, eq).survives for eq in members)
        passes_d1 = refine and any(d1(sg, eq).survives for eq in members)
        outcomes.append(Outcome(kind, gestures, trusted, passes_ic, passes_d1, len(members)))
    separating = tuple(sorted(o.gestures[0] for o in outcomes
                              if o.kind == "separating" and o.trusted == (True, False) and o.gestures[0] > 0))
    on_prior = any(o.kind == "pooling" and o.gestures == (0, 0) and o.trusted == (True, True) for o in outcomes)
    return Reassurance(tuple(outcomes), len(hybrids), separating, separating[0] if separating else None,
                       on_prior, sg, equilibria)


# --------------------------------------------------------------------------- the game's answer
@dataclass(frozen=True)
class TrustAnswer:
    r"""What the game gives at a parameter point, in closed form (checked against the equilibria in the tests).

    Attributes
    ----------
    partner_threshold : number
        :math:`\delta_B = (T - R)/(T - P)`: B's patience for permanent cooperation (any equilibrium).
    reciprocity_threshold : number
        :math:`\delta_u = (T - R_u)/(T - P)`: from it a trusted expansionist reciprocates.
    prior_threshold : number
        :math:`p^*(\delta)`, the prior from which B trusts without a gesture (0 when
        :math:`\delta \ge \delta_u`: both types reciprocate).
    gains : tuple
        :math:`(G_t, G_u)`, each type's gain from being trusted at :math:`\delta`.
    cost_interval : tuple
        :math:`(G_u, G_t)`: a gesture whose cost to both types lies in it (ends
        included, weakly) separates; empty when :math:`G_u > G_t`.
    least_gesture : int
        :math:`s^* = \max(1, \lceil G_u / k_u \rceil)` (it separates iff
        :attr:`separates`).
    separates : bool
        Whether :math:`s^* \le \bar s` and :math:`k_t s^* \le G_t`.
    equilibrium : str
        How cooperation starts at the parameters: ``"reciprocity"`` (both
        types reciprocate), ``"trust on the prior"``, ``"separating
        reassurance"``, or ``"none"`` (mistrust, or B impatient).
    start_without, start_with : number
        The least :math:`\delta` from which cooperation starts without a
        gesture, and with the best affordable gesture on the grid (both below
        1, since an expansionist reciprocates from :math:`\delta_u < 1`).
    ties : tuple of str
        The conditions that hold with equality here (where "weakly" applies); the gesture's ties only
        where :math:`s^*` is on the grid and the other type's condition holds.
    """

    partner_threshold: Any
    reciprocity_threshold: Any
    prior_threshold: Any
    gains: tuple
    cost_interval: tuple
    least_gesture: int
    separates: bool
    equilibrium: str
    start_without: Any
    start_with: Any
    ties: tuple


def _ceil(x: Any) -> int:
    return math.ceil(x) if not isinstance(x, float) else math.ceil(x - 1e-12)


def _floor(x: Any) -> int:
    return math.floor(x) if not isinstance(x, float) else math.floor(x + 1e-12)


def solve_trust(T: Any, R: Any, P: Any, S: Any, R_u: Any, delta: Any, prior: Any, k_t: Any, k_u: Any,
                max_signal: int) -> TrustAnswer:
    r"""The closed forms of the module docstring at one parameter point (exact for exact input).

    >>> from fractions import Fraction as F
    >>> answer = solve_trust(5, 3, 1, 0, 2, F(3, 5), F(1, 10), F(3, 5), F(3, 5), 4)
    >>> answer.cost_interval, answer.least_gesture, answer.equilibrium
    ((Fraction(8, 5), 2), 3, 'separating reassurance')
    >>> answer.start_without, answer.start_with
    (Fraction(3, 4), Fraction(11, 20))
    """
    ratio = _numbers.ratio
    d_b, d_u = ratio(T - R, T - P), ratio(T - R_u, T - P)
    reciprocates = delta >= d_u
    exploit = (1 - delta) * T + delta * P
    g_t, g_u = R - P, max(R_u, exploit) - P
    p_star = 0 * delta if reciprocates else ratio((1 - delta) * (P - S), R - P + (1 - delta) * (P - S))
    least = max(1, _ceil(ratio(g_u, k_u)))
    separates = least <= max_signal and k_t * least <= g_t
    if delta < d_b:
        equilibrium = "none"
    elif reciprocates:
        equilibrium = "reciprocity"
    elif prior >= p_star:
        equilibrium = "trust on the prior"
    elif separates:
        equilibrium = "separating reassurance"
    else:
        equilibrium = "none"
    # least delta on the prior: p >= p*(d) iff 1 - d <= p (R - P) / ((1 - p)(P - S))
    d_prior = max(0 * delta, 1 - ratio(prior * (R - P), (1 - prior) * (P - S)))
    start_without = max(d_b, min(d_u, d_prior))
    affordable = max_signal if k_t == 0 else min(max_signal, _floor(ratio(R - P, k_t)))
    start_with = start_without
    if affordable >= 1 and k_u * affordable >= R_u - P:
        start_with = max(d_b, min(start_without, max(0 * delta, 1 - ratio(k_u * affordable, T - P))))
    gesture = not reciprocates and least <= max_signal            # whether s* matters here
    ties = tuple(name for name, tie in (
        ("partner's patience (δ = δ_B)", delta == d_b),
        ("expansionist's reciprocity (δ = δ_u)", delta == d_u),
        ("trust on the prior (p = p*)", not reciprocates and prior == p_star),
        ("expansionist's mimicry of s* (k_u s* = G_u)", gesture and k_t * least <= g_t and k_u * least == g_u),
        ("security seeker's payment of s* (k_t s* = G_t)", gesture and k_u * least >= g_u and k_t * least == g_t))
        if tie)
    out = _numbers.simplify_exact
    return TrustAnswer(out(d_b), out(d_u), out(p_star), (out(g_t), out(g_u)), (out(g_u), out(g_t)), least,
                       bool(separates), equilibrium, out(start_without), out(start_with), ties)


# --------------------------------------------------------------------------- the finite-horizon reading
def kmrw_payoffs(T: Any, R: Any, P: Any, S: Any) -> tuple:
    r"""A prisoner's dilemma :math:`T > R > P > S` in the KMRW normalisation: :math:`(a, b)`.

    Subtracting :math:`P` from every payoff and dividing by :math:`R - P > 0`
    (a positive affine map, which changes no incentive) sends mutual
    cooperation to 1, mutual defection to 0, the temptation to
    :math:`a = (T - P)/(R - P) > 1` and the sucker's payoff to
    :math:`b = (S - P)/(R - P) < 0` (Gibbons 1992, ch. 4.3.C). By hand, at
    5, 3, 1, 0: :math:`a = 4/2 = 2`, :math:`b = -1/2`.

    >>> kmrw_payoffs(5, 3, 1, 0)
    (2, Fraction(-1, 2))
    """
    out = _numbers.simplify_exact
    return out(_numbers.ratio(T - P, R - P)), out(_numbers.ratio(S - P, R - P))


@dataclass(frozen=True)
class ReputationReading:
    r"""The finite-horizon reading of the trust game: reputation for reciprocity (KMRW 1982), and the
    Fudenberg–Levine bound for a reputation for restraint.

    Attributes
    ----------
    periods : int
        The horizon :math:`N`, known to both.
    behavioural_prior : number
        :math:`\mu`, B's prior that its partner is a behavioural reciprocator (tit for tat).
    a, b : number
        B's prisoner's dilemma in the KMRW normalisation (:func:`kmrw_payoffs`).
    a_u, b_u : number
        The expansionist's prisoner's dilemma (:math:`T, R_u, P, S`) in the same normalisation.
    prior_threshold : number
        :math:`\mu^*(a, b)` (:func:`cybergames.reputation.cooperation_prior_threshold`): for
        :math:`a + b < 2` (i.e. :math:`2R > T + S`) B cooperates until two periods are left, at every
        horizon, iff :math:`\mu \ge \mu^*`.
    holds : bool
        Whether the cooperative profile (the expansionist mimics tit for tat until two periods are left,
        B best-responds) is a sequential equilibrium of this game: no one-shot deviation gains B (checked by
        :func:`cybergames.reputation.tit_for_tat_reputation`) or the expansionist (checked here with its own
        payoffs :math:`a_u, b_u` on the same profile).
    weak : bool
        Whether B is indifferent somewhere on the path (:math:`\mu = \mu^*` or a tie at two periods left):
        the profile then holds only weakly, with B's tie broken towards cooperation.
    cooperative_periods : int
        When ``holds``, the initial periods with sure mutual cooperation on the path: :math:`N - 2` for
        :math:`\mu \ge \mu^*` and :math:`N \ge 3`; below :math:`\mu^*` B may defect with three periods left
        and repair with two, leaving :math:`N - 3`. 0 when the profile fails (no claim about other
        equilibria then).
    partner_violations, expansionist_violations : tuple of str
        The certificate when the profile fails: each profitable one-shot deviation with its gain.
    restraint_bound : number
        The Fudenberg–Levine (1989) lower bound on a patient state's payoff from a commitment to restraint
        against short-lived partners: :math:`S` (see :func:`reputation_reading`).
    equilibrium : TitForTatReputation
        The reputation family's result for B's side (``verify`` re-checks it).
    restraint : ReputationBound
        :func:`cybergames.reputation.fudenberg_levine_bound` for the expansionist's restraint against B as
        a short-run player, at prior :math:`\mu` and the model's :math:`\delta` (``verify`` re-checks it).

    ``cybergames.verify(reading)`` re-checks the family's certificate and the
    expansionist's deviations by forward simulation of the recorded profile.
    """

    periods: int
    behavioural_prior: Any
    a: Any
    b: Any
    a_u: Any
    b_u: Any
    prior_threshold: Any
    holds: bool
    weak: bool
    cooperative_periods: int
    partner_violations: tuple
    expansionist_violations: tuple
    restraint_bound: Any
    equilibrium: Any = field(repr=False)
    restraint: Any = field(default=None, repr=False)

    @property
    def endgame_periods(self) -> int:
        """The final periods without sure mutual cooperation on the path (:math:`N` when the profile fails)."""
        return self.periods - self.cooperative_periods


def reputation_reading(T: Any, R: Any, P: Any, S: Any, R_u: Any, mu: Any, periods: int,
                       delta: Any = 0) -> ReputationReading:
    r"""The finite-horizon reading: B and a partner who is a reciprocator (prior :math:`\mu`) or an expansionist.

    **The game** (Kreps, Milgrom, Roberts & Wilson 1982, with Kydd's
    expansionist as the rational type). The two play B's prisoner's dilemma
    for :math:`N` periods, summing payoffs. With probability :math:`\mu` A is
    a *behavioural reciprocator*: it plays tit for tat whatever its payoffs
    (a commitment type). Otherwise it is an expansionist, with payoffs
    :math:`T, R_u, P, S`. In the profile of
    :func:`cybergames.reputation.tit_for_tat_reputation`, the expansionist
    mimics tit for tat while three or more periods are left and defects in
    the last two, and B best-responds to its belief at every state. B's
    incentives are the family's (with B's :math:`a, b`, :func:`kmrw_payoffs`);
    the expansionist's are re-checked here on the same recorded profile with
    its own :math:`a_u = (T - P)/(R_u - P)`, :math:`b_u = (S - P)/(R_u - P)`
    (the family assumes both players have the same payoffs). With both checks
    passing and :math:`\mu \ge \mu^*`, both cooperate in periods
    :math:`1, \dots, N - 2`: the reputation of possibly being a reciprocator
    buys :math:`N - 2` periods of cooperation, although with complete information the only equilibrium
    defects throughout. For :math:`2R > T + S` (so :math:`a + b < 2`) B
    cooperates until two periods are left, for every :math:`N \ge 3`, iff
    :math:`\mu \ge \mu^*(a, b)`; just below :math:`\mu^*` it defects with
    three periods left and repairs with two (the profile may still hold, with
    one cooperative period fewer).

    **A reputation for restraint against short-lived partners**
    (Fudenberg & Levine 1989). Take restraint (C) as the commitment action of
    a patient A facing partners who best-respond to the current period only.
    B's best reply to C is D (:math:`T > R`), so the commitment payoff is
    :math:`v^*(C) = u_A(C, D) = S`; C is never a best reply for B (D strictly
    dominates), so :math:`\pi = 0`, :math:`k^* = 0`, and the bound is
    :math:`S` at every prior and discount factor: vacuous, below the minmax
    :math:`P` (computed with :func:`cybergames.reputation.fudenberg_levine_bound`
    on the expansionist's stage game at ``delta``). In a prisoner's dilemma a reputation for restraint pays only
    against a partner who values the future, as B does in the KMRW profile.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> reading = reputation_reading(5, 3, 1, 0, 2, F(7, 10), 10, F(3, 5))
    >>> reading.a, reading.b, reading.prior_threshold, reading.holds, reading.cooperative_periods
    (2, Fraction(-1, 2), Fraction(2, 3), True, 8)
    >>> reading.restraint_bound
    0
    """
    from ..games import NormalFormGame
    from ..reputation import fudenberg_levine_bound, tit_for_tat_reputation
    from ..reputation.kmrw import _deviations as _kmrw_deviations

    a, b = kmrw_payoffs(T, R, P, S)
    a_u, b_u = kmrw_payoffs(T, R_u, P, S)
    floats = any(isinstance(v, float) for v in (T, R, P, S, R_u, mu))
    if floats:
        a, b, a_u, b_u, mu = (float(v) for v in (a, b, a_u, b_u, mu))
    eq = tit_for_tat_reputation(mu, periods, a, b)
    partner = tuple(v for v in eq.violations if ": COL " in v)
    # the expansionist's incentives on the same recorded profile, with its own payoffs (the family's check
    # assumes ROW has COL's payoffs unless told otherwise)
    mover = tuple(v.replace("rational ROW", "the expansionist")
                  for v in _kmrw_deviations(periods, eq.prior, eq.a, eq.b, eq.behaviour, eq.tol, row=(a_u, b_u))
                  if ": rational ROW " in v)
    holds = not partner and not mover
    weak = holds and _partner_indifferent(eq, a, b)
    # the expansionist (long-run, player 0) against B as a short-run player; its commitment action is restraint
    stage = NormalFormGame(([[R_u, S], [T, P]], [[R, T], [S, P]]), actions=(("C", "D"), ("C", "D")))
    restraint = fudenberg_levine_bound(stage, "C", mu, delta)
    return ReputationReading(periods, eq.prior, eq.a, eq.b, _numbers.simplify_exact(a_u),
                             _numbers.simplify_exact(b_u), eq.threshold, holds, bool(weak),
                             eq.mutual_cooperation if holds else 0, partner, mover, restraint.bound, eq, restraint)


def _partner_indifferent(eq: Any, a: Any, b: Any) -> bool:
    r"""Whether B is exactly indifferent at a state on the path (its tie is broken towards cooperation).

    On the path of the cooperative profile B's belief stays the prior :math:`\mu`. B's indifference points
    there are :math:`t_2 = -b/(1 - b)` (two periods left) and, from three periods on, the threshold
    :math:`\mu^* = \max(t_2, t_3)` (:mod:`cybergames.reputation.kmrw`): the profile holds weakly where
    :math:`\mu` equals one of them.
    """
    mu = eq.prior
    ties = [eq.periods >= 2 and mu == _numbers.ratio(-b, 1 - b), eq.periods >= 3 and mu == eq.threshold]
    return any(ties)


@verify.register(ReputationReading)
def _verify_reading(reading: ReputationReading, *, tol: float | None = None) -> Verification:
    """Re-check a finite-horizon reading: the family's certificate for B's side, and the expansionist's one-shot
    deviations by forward simulation of the recorded profile from every state (not by backward induction, as
    the reading computed them), with beliefs from Bayes' rule."""
    eq = reading.equilibrium
    tol = eq.tol if tol is None else float(tol)
    family = verify(eq, tol=tol)
    failures = [f"family: {f}" for f in family.failures]
    checked = family.checked
    table = {(k, p, x): (r, y) for k, p, x, r, y in eq.behaviour}
    beliefs = sorted({p for _, p, _ in table})
    a, b = reading.a_u, reading.b_u
    u = {("C", "C"): a ** 0, ("C", "D"): b, ("D", "C"): a, ("D", "D"): 0 * a}
    floats = isinstance(a, float) or isinstance(reading.behavioural_prior, float)

    def bayes(p: Any, x: str, r: str, move: str) -> Any:
        mimic = p if move == x else 0 * p
        total = mimic + ((1 - p) if move == r else 0 * p)
        value = mimic / total if total else 0 * p
        return min(beliefs, key=lambda q: abs(q - value)) if floats else value

    def run(k: int, p: Any, x: str) -> Any:
        total = 0 * a
        while k > 0:
            r, y = table[(k, p, x)]
            total += u[(r, y)]
            k, p, x = k - 1, bayes(p, x, r, r), y
        return total

    found = []
    for (k, p, x), (r, y) in sorted(table.items(), key=lambda item: item[0][0]):
        other = "D" if r == "C" else "C"
        gain = u[(other, y)] + run(k - 1, bayes(p, x, r, other), y) - run(k, p, x)
        if gain > (tol * max(1.0, abs(gain)) if floats else 0):
            found.append(f"k={k}, p={p}, x={x}")
        checked += 1
    recorded = [v.split(": the expansionist")[0] for v in reading.expansionist_violations]
    if sorted(found) != sorted(recorded):
        failures.append(f"expansionist's deviations: recorded at {recorded}, recomputed at {found}")
    partner = tuple(v for v in eq.violations if ": COL " in v)
    if partner != reading.partner_violations:
        failures.append("partner_violations: differ from the family's violations of COL")
    holds = not partner and not found
    if reading.holds != holds:
        failures.append(f"holds: recorded {reading.holds}, recomputed {holds}")
    if reading.cooperative_periods != (eq.mutual_cooperation if holds else 0):
        failures.append("cooperative_periods: not the family's mutual cooperation where the profile holds, 0 else")
    checked += 3
    if reading.restraint is not None:
        bound = verify(reading.restraint, tol=tol)
        checked += bound.checked
        failures += [f"restraint: {f}" for f in bound.failures]
        if reading.restraint.bound != reading.restraint_bound:
            failures.append("restraint_bound: not the Fudenberg-Levine bound recorded")
    return Verification(not failures, checked, tuple(failures))
