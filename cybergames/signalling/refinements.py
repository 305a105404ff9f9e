r"""Equilibrium refinements: the intuitive criterion and D1 (Cho & Kreps 1987).

Both tests look at each unused message :math:`m` of an equilibrium with type
payoffs :math:`u^*(t)`, and ask which types could plausibly have sent it.
:math:`BR(J, m)` is the set of the receiver's actions after :math:`m` that are
best responses to some belief concentrated on the types :math:`J`.

**Intuitive criterion.** Type :math:`t` is *equilibrium-dominated* at
:math:`m` if even the best reply it could hope for is worse than what it has:
:math:`u^*(t) > \max_{a \in BR(T(m), m)} u_S(t, m, a)`. With :math:`J(m)` the
types that are not, the equilibrium fails if some type :math:`t' \in J(m)`
gains from :math:`m` whatever the receiver does once he believes :math:`J(m)`:
:math:`u^*(t') < \min_{a \in BR(J(m), m)} u_S(t', m, a)`. (If every type is
equilibrium-dominated, nobody wants to send :math:`m` and the test passes.)

**D1.** Let :math:`MBR(m)` be the receiver's mixed best responses to beliefs
on :math:`T(m)`, and for each type :math:`D_t` (:math:`D^0_t`) the responses
in :math:`MBR(m)` that make :math:`m` strictly better (exactly as good) for
:math:`t` than :math:`u^*(t)`. Type :math:`t` is *deleted* if some other type
:math:`t'` gains strictly whenever :math:`t` gains weakly,
:math:`D_t \cup D^0_t \subseteq D_{t'}`. The equilibrium fails D1 if the
receiver's action after :math:`m` is not a best response to any belief on the
types that are not deleted. (Should every type be deleted, the criterion uses
the types that are not equilibrium-dominated, so that D1 is never weaker than
the intuitive criterion.) :math:`MBR(m)` is a union of simplices
:math:`\Delta(B)` over the receiver's maximal best-response sets :math:`B`, and
the inclusion is checked exactly on the vertices of
:math:`\{\alpha \in \Delta(B) : u_S(t, m, \alpha) \ge u^*(t)\}`.

References
----------
Cho & Kreps (1987), "Signaling games and stable equilibria", *QJE* 102(2),
179–221, sections II–IV; Banks & Sobel (1987), "Equilibrium selection in
signaling games", *Econometrica* 55(3), 647–661; Fudenberg & Tirole (1991),
*Game Theory*, ch. 11.2.
"""

from __future__ import annotations

import itertools
import weakref
from dataclasses import dataclass, field
from typing import Any

from .. import _numbers
from .._numbers import DEFAULT_TOL
from ..errors import SignallingGameError
from ._frozen import FrozenMap
from .beliefs import belief_set
from .game import SignallingGame
from .pbe import PBE, _best, _slack, float_scale

__all__ = ["Break", "Refinement", "intuitive_criterion", "d1"]


@dataclass(frozen=True)
class Break:
    """A deviation that breaks an equilibrium under a refinement.

    Attributes
    ----------
    type : str
        The type that would send the unused message.
    message : str
        The unused message.
    equilibrium_payoff : number
        The type's payoff in the equilibrium.
    deviation_payoff : number
        The type's lowest payoff from the message against the receiver's best
        responses to the refined beliefs (for the intuitive criterion, above
        the equilibrium payoff).
    excluded : tuple of str
        The types the refined beliefs rule out after the message.
    """

    type: str
    message: str
    equilibrium_payoff: Any
    deviation_payoff: Any
    excluded: tuple


@dataclass(frozen=True)
class Refinement:
    """The outcome of a refinement test of one equilibrium.

    Attributes
    ----------
    test : str
        ``"intuitive criterion"`` or ``"D1"``.
    survives : bool
        Whether the equilibrium passes.
    breaks : tuple of Break
        Every (type, message) deviation that breaks it (empty if it survives).
    excluded : FrozenMap
        Per unused message, the types the test rules out (equilibrium-dominated
        types for the intuitive criterion, deleted types for D1).
    equilibrium : PBE
        The equilibrium tested.
    """

    test: str
    survives: bool
    breaks: tuple
    excluded: FrozenMap
    equilibrium: PBE = field(repr=False)

    @property
    def type(self) -> str | None:
        """The type of the first breaking deviation (None if the equilibrium survives)."""
        return self.breaks[0].type if self.breaks else None

    @property
    def message(self) -> str | None:
        """The message of the first breaking deviation (None if the equilibrium survives)."""
        return self.breaks[0].message if self.breaks else None

    def __bool__(self) -> bool:
        return self.survives


def _check(sg: Any, eq: Any) -> None:
    if not isinstance(sg, SignallingGame):
        raise SignallingGameError(f"sg: expected a SignallingGame, got {type(sg).__name__}")
    if not isinstance(eq, PBE):
        raise SignallingGameError(f"eq: expected a PBE, got {type(eq).__name__}")
    if eq.game is not sg and eq.game != sg:
        raise SignallingGameError("eq: the equilibrium belongs to a different game")


def _supported(sg: SignallingGame, j: int, support: list[int], tol: float) -> list[int]:
    return [k for k in range(len(sg.actions[sg.messages[j]]))
            if not belief_set(sg, j, k, support=support, tol=tol).is_empty]


def _context(sg: SignallingGame, eq: PBE, m: str, tol: float):
    j = sg.messages.index(m)
    senders = [i for i in range(len(sg.types)) if sg._mask[i, j]]
    payoffs = [eq.sender_payoffs[t] for t in sg.types]
    replies = _supported(sg, j, senders, tol)
    fl = float_scale(sg)
    dominated = [t for t in senders
                 if payoffs[t] > max(sg._us[j][t, k] for k in replies) + _slack(payoffs[t], fl, tol)]
    return j, senders, payoffs, replies, dominated, fl


def intuitive_criterion(sg: SignallingGame, eq: PBE, *, tol: float = DEFAULT_TOL) -> Refinement:
    r"""Whether an equilibrium passes Cho and Kreps's intuitive criterion.

    Parameters
    ----------
    sg : SignallingGame
    eq : PBE
        An equilibrium of ``sg`` (from :func:`perfect_bayesian_equilibria`).
    tol : float, keyword-only
        Tolerance of comparisons in float games.

    Returns
    -------
    Refinement
        ``survives``, and the breaking ``(type, message)`` deviations.

    Raises
    ------
    SignallingGameError
        If ``eq`` is not an equilibrium of ``sg``.

    References
    ----------
    Cho & Kreps (1987), section IV.

    Examples
    --------
    In Beer–Quiche the quiche-pooling equilibrium fails: the weak type cannot
    gain from beer, so beer signals strength, and the strong type deviates.

    >>> from cybergames.signalling import beer_quiche, perfect_bayesian_equilibria
    >>> sg = beer_quiche()
    >>> beer, quiche = perfect_bayesian_equilibria(sg)
    >>> intuitive_criterion(sg, beer).survives
    True
    >>> result = intuitive_criterion(sg, quiche)
    >>> result.survives, result.type, result.message
    (False, 'strong', 'beer')
    """
    _check(sg, eq)
    breaks, excluded = [], []
    for m in eq.off_path:
        j, senders, payoffs, replies, dominated, fl = _context(sg, eq, m, tol)
        excluded.append((m, tuple(sg.types[t] for t in dominated)))
        rest = [t for t in senders if t not in dominated]
        if not rest:
            continue
        refined = _supported(sg, j, rest, tol)
        for t in rest:
            worst = min(sg._us[j][t, k] for k in refined)
            if worst > payoffs[t] + _slack(payoffs[t], fl, tol):
                breaks.append(Break(sg.types[t], m, payoffs[t], _plain(worst, fl), excluded[-1][1]))
    return Refinement("intuitive criterion", not breaks, tuple(breaks), FrozenMap(excluded), eq)


def d1(sg: SignallingGame, eq: PBE, *, tol: float = DEFAULT_TOL) -> Refinement:
    r"""Whether an equilibrium passes the D1 criterion (Cho & Kreps 1987; Banks & Sobel 1987).

    Parameters
    ----------
    sg : SignallingGame
    eq : PBE
        An equilibrium of ``sg`` whose unused messages get pure replies (as all
        equilibria from :func:`perfect_bayesian_equilibria` do).
    tol : float, keyword-only
        Tolerance of comparisons in float games.

    Returns
    -------
    Refinement
        ``survives``; each break names the unused message, a type that
        deletes the ones in the equilibrium's beliefs, and the deleted types.

    Raises
    ------
    SignallingGameError
        If ``eq`` is not an equilibrium of ``sg``.

    Examples
    --------
    In the default job market the separating equilibrium with education 3
    fails D1: any wage that tempts the low type to take education 1 instead
    tempts the high type strictly, so education 1 signals the high type, who
    would then take it for the top wage.

    >>> from cybergames.signalling import spence_job_market, perfect_bayesian_equilibria
    >>> sg = spence_job_market()
    >>> wasteful = [eq for eq in perfect_bayesian_equilibria(sg) if eq.sender == {"low": "0", "high": "3"}]
    >>> result = d1(sg, wasteful[0])
    >>> result.survives, result.type, result.message, result.breaks[0].excluded
    (False, 'high', '1', ('low',))
    >>> result.breaks[0].deviation_payoff    # wage 3 minus cost 4/9, above 3 - 4/3
    Fraction(23, 9)
    """
    _check(sg, eq)
    breaks, excluded = [], []
    for m in eq.off_path:
        j, senders, payoffs, replies, dominated, fl = _context(sg, eq, m, tol)
        blocks = _maximal_reply_sets(sg, j, senders, tol)
        deleters = {}
        for t in senders:
            for s in senders:
                if s != t and _covers(sg, j, blocks, t, s, payoffs, fl, tol):
                    deleters[t] = s
                    break
        deleted = [t for t in senders if t in deleters]
        excluded.append((m, tuple(sg.types[t] for t in deleted)))
        alive = [t for t in senders if t not in deleters] or [t for t in senders if t not in dominated] or senders
        action = sg.actions[m].index(eq.receiver[m]) if isinstance(eq.receiver[m], str) else None
        if action is None:
            raise SignallingGameError(f"eq: d1 needs a pure reply after the unused message {m!r}")
        if belief_set(sg, j, action, support=alive, tol=tol).is_empty:
            refined = _supported(sg, j, alive, tol)
            deleter = next((deleters[t] for t in deleted if deleters[t] in alive), alive[0])
            worst = min(sg._us[j][deleter, k] for k in refined)
            breaks.append(Break(sg.types[deleter], m, payoffs[deleter], _plain(worst, fl),
                                tuple(sg.types[t] for t in senders if t not in alive)))
    return Refinement("D1", not breaks, tuple(breaks), FrozenMap(excluded), eq)


#: Per game, the maximal reply sets already computed: they depend on the game, the message,
#: the possible senders and the tolerance only, not on the equilibrium, so D1 over many
#: equilibria of one game computes each of them once.
_REPLY_SETS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _maximal_reply_sets(sg: SignallingGame, j: int, senders: list[int], tol: float) -> list[tuple[int, ...]]:
    """The receiver's maximal sets of simultaneous best responses after message ``j``.

    Every maximal set is the best-response set at a vertex of some
    best-response polytope, so the vertices are enough.
    """
    cache = _REPLY_SETS.setdefault(sg, {})
    key = (j, tuple(senders), tol)
    if key not in cache:
        cache[key] = _compute_maximal_reply_sets(sg, j, senders, tol)
    return list(cache[key])


def _compute_maximal_reply_sets(sg: SignallingGame, j: int, senders: list[int], tol: float) -> tuple:
    fl = float_scale(sg)
    values = sg._ur[j]
    found: set = set()
    for k in range(values.shape[1]):
        for vertex in belief_set(sg, j, k, support=senders, tol=tol).vertices:
            mu = [vertex[t] for t in sg.types]
            expected = [sum(mu[i] * values[i, a] for i in senders) for a in range(values.shape[1])]
            found.add(tuple(_best(expected, fl, tol)))
    return tuple(sorted(s for s in found if not any(set(s) < set(other) for other in found)))


def _covers(sg, j, blocks, t, s, payoffs, fl, tol) -> bool:
    r"""Whether every response in MBR that gives ``t`` at least ``u*(t)`` gives ``s`` more than ``u*(s)``."""
    u_t, u_s = sg._us[j][t], sg._us[j][s]
    star_t, star_s = payoffs[t], payoffs[s]
    eps_t, eps_s = _slack(star_t, fl, tol), _slack(star_s, fl, tol)
    for block in blocks:
        for a in block:
            if u_t[a] >= star_t - eps_t and not u_s[a] > star_s + eps_s:
                return False
        for a, b in itertools.permutations(block, 2):
            if u_t[a] > star_t + eps_t and u_t[b] < star_t - eps_t:
                lam = _numbers.ratio(star_t - u_t[b], u_t[a] - u_t[b])
                if not lam * u_s[a] + (1 - lam) * u_s[b] > star_s + eps_s:
                    return False
    return True


def _plain(value: Any, fl: bool) -> Any:
    return float(value) if fl else value
