r"""Perfect Bayesian equilibria of finite signalling games.

A perfect Bayesian equilibrium (PBE) is a sender strategy :math:`\sigma`, a
receiver strategy :math:`\rho` and beliefs :math:`\mu(\cdot \mid m)` such that

1. each type's message is optimal given :math:`\rho`:
   :math:`u_S(t, \sigma(t), \rho(\sigma(t))) \ge u_S(t, m, \rho(m))` for every
   :math:`m \in M(t)`;
2. each action is optimal given the belief:
   :math:`\rho(m) \in \arg\max_a \sum_t \mu(t \mid m) u_R(t, m, a)`;
3. on the path (messages sent with positive probability) beliefs follow Bayes'
   rule, :math:`\mu(t \mid m) = p(t)\sigma(m \mid t) / \sum_s p(s)\sigma(m \mid s)`;
   off the path they are any distribution over the types that can send
   :math:`m` (Fudenberg & Tirole 1991, *Game Theory*, ch. 8.2).

:func:`perfect_bayesian_equilibria` lists every PBE in pure strategies: it
enumerates the sender's pure strategies, takes every best reply on the path,
and keeps, after each unused message, every action that is a best response to
*some* belief (its :class:`~cybergames.signalling.BeliefSet` is not empty) and
deters every type. A pure PBE is identified by :math:`(\sigma, \rho)`; its
off-path beliefs are the whole polytope of supporting beliefs. For two-type
games it adds the semi-separating equilibria of :mod:`.hybrid`.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL, FLOAT
from ..errors import SignallingGameError
from ._frozen import FrozenMap
from .beliefs import BeliefSet, bayes, belief_set
from .game import SignallingGame

__all__ = ["PBE", "perfect_bayesian_equilibria"]

POOLING, SEPARATING, HYBRID = "pooling", "separating", "hybrid"


@dataclass(frozen=True)
class PBE:
    r"""A perfect Bayesian equilibrium of a signalling game, with its certificate.

    Attributes
    ----------
    sender : FrozenMap
        Type to message, or, for a type that randomises, to a mapping message
        to probability.
    receiver : FrozenMap
        Message to action, or, where the receiver randomises, to a mapping
        action to probability.
    beliefs : FrozenMap
        Message to belief: on the path a mapping type to probability (Bayes'
        rule); off the path the :class:`~cybergames.signalling.BeliefSet` of
        every belief at which the receiver's action is a best response.
    kind : str
        ``"pooling"`` (every type sends one message), ``"separating"`` (the
        types send distinct messages) or ``"hybrid"`` (neither: some types
        pool, or a type randomises).
    sender_payoffs : FrozenMap
        Each type's expected equilibrium payoff.
    receiver_payoff : number
        The receiver's ex-ante expected payoff.
    sender_gains : FrozenMap
        Per type, the largest gain from sending a message it does not use
        (``<= 0`` in equilibrium; ``None`` if the type has no other message).
    receiver_gains : FrozenMap
        Per message on the path, the largest gain of an alternative action
        under the equilibrium belief (``<= 0``; ``None`` if no alternative).
    game : SignallingGame
        The game, for :func:`cybergames.verify`.
    """

    sender: FrozenMap
    receiver: FrozenMap
    beliefs: FrozenMap
    kind: str
    sender_payoffs: FrozenMap
    receiver_payoff: Any
    sender_gains: FrozenMap = field(repr=False)
    receiver_gains: FrozenMap = field(repr=False)
    game: SignallingGame = field(repr=False, compare=False)
    tol: float = field(default=DEFAULT_TOL, repr=False, compare=False)

    @property
    def is_pure(self) -> bool:
        """Whether neither player randomises."""
        return all(isinstance(v, str) for v in self.sender.values()) and all(
            isinstance(v, str) for v in self.receiver.values())

    @property
    def on_path(self) -> tuple[str, ...]:
        """The messages sent with positive probability, in message order."""
        return tuple(m for m, b in self.beliefs.items() if not isinstance(b, BeliefSet))

    @property
    def off_path(self) -> tuple[str, ...]:
        """The messages no type sends, in message order."""
        return tuple(m for m, b in self.beliefs.items() if isinstance(b, BeliefSet))

    @property
    def payoffs(self) -> tuple:
        """``(sender_payoffs, receiver_payoff)``."""
        return self.sender_payoffs, self.receiver_payoff


class FloatScale:
    """The marker ``fl`` of a float game: true, and carrying the game's payoff scale.

    Slack is ``tol * max(scale, |value|)``, so that multiplying every payoff by
    a positive constant (1e-300 or 1e300) leaves every answer unchanged; a bare
    ``True`` (scale 1) is for comparisons of probabilities.
    """

    __slots__ = ("scale",)

    def __init__(self, scale: float) -> None:
        self.scale = scale

    def __bool__(self) -> bool:
        return True


def float_scale(sg: SignallingGame) -> FloatScale | bool:
    """``False`` for an exact game, else its :class:`FloatScale` (the largest absolute payoff)."""
    if sg.kind != FLOAT:
        return False
    return FloatScale(_numbers.unit_of(*sg._us, *sg._ur))


def _slack(value: Any, fl: Any, tol: float) -> Any:
    if not fl:
        return 0
    return tol * max(getattr(fl, "scale", 1.0), abs(float(value)))


def _best(values: list, fl: bool, tol: float) -> list[int]:
    top = max(values)
    slack = _slack(top, fl, tol)
    return [k for k, v in enumerate(values) if v >= top - slack]


def _number(value: Any, fl: bool) -> Any:
    return float(value) if fl else _numbers.simplify_exact(value)


def _show(mixture: dict, labels: tuple) -> Any:
    support = {k: p for k, p in mixture.items() if p != 0}
    if len(support) == 1:
        return labels[next(iter(support))]
    return FrozenMap((labels[k], p) for k, p in sorted(support.items()))


def make_pbe(sg: SignallingGame, sender: list[dict], receiver: dict, cells: dict, *, tol: float) -> PBE:
    """Assemble a :class:`PBE` from index-based strategies (``type -> {message: prob}``,
    ``message -> {action: prob}``) and the belief sets of the unused messages."""
    fl = float_scale(sg)
    n, us, ur = len(sg.types), sg._us, sg._ur
    prior = list(sg._prior)
    used = sorted({j for mix in sender for j, p in mix.items() if p != 0})

    def value(table: tuple, t: int, j: int) -> Any:
        return sum(p * table[j][t, k] for k, p in receiver[j].items())

    payoffs = [sum(q * value(us, t, j) for j, q in sender[t].items()) for t in range(n)]
    gains = []
    for t in range(n):
        others = [value(us, t, j) - payoffs[t] for j in range(len(sg.messages))
                  if sg._mask[t, j] and sender[t].get(j, 0) == 0]
        gains.append(_number(max(others), fl) if others else None)
    beliefs, receiver_gains = [], []
    for j, m in enumerate(sg.messages):
        if j in used:
            mu = bayes(prior, [sender[t].get(j, 0) for t in range(n)])
            if fl:
                mu = [float(x) for x in mu]
            beliefs.append((m, FrozenMap((sg.types[t], _number(mu[t], fl)) for t in range(n))))
            expected = [sum(mu[t] * ur[j][t, k] for t in range(n)) for k in range(len(sg.actions[m]))]
            chosen = sum(p * expected[k] for k, p in receiver[j].items())
            alternatives = [expected[k] - chosen for k in range(len(expected)) if receiver[j].get(k, 0) == 0]
            receiver_gains.append((m, _number(max(alternatives), fl) if alternatives else None))
        else:
            beliefs.append((m, cells[j]))
    distinct = {j for mix in sender for j, p in mix.items() if p != 0}
    mixing = any(sum(1 for p in mix.values() if p != 0) > 1 for mix in sender)
    if mixing or 1 < len(distinct) < n:
        kind = HYBRID
    elif len(distinct) == 1:
        kind = POOLING
    else:
        kind = SEPARATING
    receiver_payoff = sum(prior[t] * q * value(ur, t, j) for t in range(n) for j, q in sender[t].items())
    return PBE(
        sender=FrozenMap((sg.types[t], _show(sender[t], sg.messages)) for t in range(n)),
        receiver=FrozenMap((m, _show(receiver[j], sg.actions[m])) for j, m in enumerate(sg.messages)),
        beliefs=FrozenMap(beliefs), kind=kind,
        sender_payoffs=FrozenMap((sg.types[t], _number(payoffs[t], fl)) for t in range(n)),
        receiver_payoff=_number(receiver_payoff, fl),
        sender_gains=FrozenMap(zip(sg.types, gains)), receiver_gains=FrozenMap(receiver_gains),
        game=sg, tol=tol)


class BeliefCells:
    """The belief sets of the actions after each message, computed on first use and kept."""

    def __init__(self, sg: SignallingGame, tol: float) -> None:
        self.sg, self.tol, self._cache = sg, tol, {}

    def get(self, j: int, k: int) -> BeliefSet:
        """The belief set that supports action ``k`` after message ``j``."""
        if (j, k) not in self._cache:
            self._cache[(j, k)] = belief_set(self.sg, j, k, tol=self.tol)
        return self._cache[(j, k)]


def belief_cells(sg: SignallingGame, *, tol: float) -> BeliefCells:
    """The lazily computed belief sets of ``sg``."""
    return BeliefCells(sg, tol)


def deterring(sg: SignallingGame, cells: BeliefCells, j: int, payoffs: list, fl: bool, tol: float) -> list[int]:
    """Actions after unused message ``j`` that no type beats its payoff with and that some belief supports."""
    senders = [t for t in range(len(sg.types)) if sg._mask[t, j]]
    return [k for k in range(len(sg.actions[sg.messages[j]]))
            if all(sg._us[j][t, k] <= payoffs[t] + _slack(payoffs[t], fl, tol) for t in senders)
            and not cells.get(j, k).is_empty]


def _pure(sg: SignallingGame, cells: BeliefCells, tol: float) -> list[PBE]:
    fl = float_scale(sg)
    n, nm = len(sg.types), len(sg.messages)
    prior = list(sg._prior)
    us = [table.tolist() for table in sg._us]  # plain Python numbers: fast scalar access
    ur = [table.tolist() for table in sg._ur]
    options = [[j for j in range(nm) if sg._mask[t, j]] for t in range(n)]
    memo: dict = {}

    def replies(j: int, senders: tuple) -> list[int]:
        # the receiver's best replies depend only on who sends the message
        if (j, senders) not in memo:
            mu = bayes([prior[t] for t in senders], [1] * len(senders))
            expected = [sum(p * ur[j][t][k] for p, t in zip(mu, senders)) for k in range(len(ur[j][0]))]
            memo[(j, senders)] = _best(expected, fl, tol)
        return memo[(j, senders)]

    found, searched = [], 0
    for sigma in itertools.product(*options):
        used = sorted(set(sigma))
        choices = [replies(j, tuple(t for t in range(n) if sigma[t] == j)) for j in used]
        for on in itertools.product(*choices):
            rho = dict(zip(used, on))
            payoffs = [us[sigma[t]][t][rho[sigma[t]]] for t in range(n)]
            ceiling = [p + _slack(p, fl, tol) for p in payoffs] if fl else payoffs
            if any(us[j][t][rho[j]] > ceiling[t] for t in range(n) for j in used
                   if j != sigma[t] and sg._mask[t, j]):
                continue
            unused = [j for j in range(nm) if j not in rho]
            allowed = [deterring(sg, cells, j, payoffs, fl, tol) for j in unused]
            searched += math.prod(map(len, allowed))     # one equilibrium per off-path choice
            limits.check("sg (equilibria to list)", searched, "MAX_CANDIDATES", SignallingGameError)
            for off in itertools.product(*allowed):
                full = {**rho, **dict(zip(unused, off))}
                found.append(make_pbe(sg, [{sigma[t]: 1} for t in range(n)],
                                      {j: {k: 1} for j, k in full.items()},
                                      {j: cells.get(j, full[j]) for j in unused}, tol=tol))
    return found


def perfect_bayesian_equilibria(sg: SignallingGame, *, hybrid: bool = True, tol: float = DEFAULT_TOL) -> tuple[PBE, ...]:
    r"""Every pure perfect Bayesian equilibrium of a finite signalling game, and its hybrids.

    Parameters
    ----------
    sg : SignallingGame
        An exact or float game (substitute symbols first with ``sg.subs``; for
        a symbolic game test a given profile with :func:`pbe_conditions`).
    hybrid : bool, keyword-only
        Also list the semi-separating equilibria of two-type games (see
        :func:`~cybergames.signalling.hybrid.hybrid_equilibria`). Default True.
    tol : float, keyword-only
        Tolerance of best-response ties in float games; exact games compare exactly.

    Returns
    -------
    tuple of PBE
        The pure equilibria first, ordered by the sender's strategy (types'
        messages in the game's order, lexicographically) and then the
        receiver's; then the hybrids. Each carries its certificate and can be
        re-checked with :func:`cybergames.verify`.

    Raises
    ------
    SignallingGameError
        If ``sg`` is not a :class:`SignallingGame` or is symbolic.

    Notes
    -----
    The number of sender strategies is :math:`\prod_t |M(t)|`; each is
    checked against the best replies on its path and the deterring, supportable
    actions off it, so games up to a few types, messages and actions take
    milliseconds.

    References
    ----------
    Fudenberg & Tirole (1991), *Game Theory*, ch. 8.2; Gibbons (1992), *Game
    Theory for Applied Economists*, ch. 4.2.

    Examples
    --------
    Beer–Quiche (Cho & Kreps 1987) has two pooling equilibria:

    >>> from cybergames.signalling import beer_quiche
    >>> for eq in perfect_bayesian_equilibria(beer_quiche()):
    ...     print(eq.kind, dict(eq.sender), dict(eq.receiver))
    pooling {'weak': 'beer', 'strong': 'beer'} {'beer': 'not', 'quiche': 'duel'}
    pooling {'weak': 'quiche', 'strong': 'quiche'} {'beer': 'duel', 'quiche': 'not'}
    """
    if not isinstance(sg, SignallingGame):
        raise SignallingGameError(f"sg: expected a SignallingGame, got {type(sg).__name__}")
    if sg.is_symbolic:
        raise SignallingGameError(
            "sg: perfect_bayesian_equilibria needs numeric probabilities and payoffs; substitute values "
            "with sg.subs(...), or test a given profile with pbe_conditions(sg, sender, receiver)")
    limits.check("sg (sender strategies to search)", math.prod(int(row.sum()) for row in sg._mask),
                 "MAX_CANDIDATES", SignallingGameError)
    cells = belief_cells(sg, tol=tol)
    found = _pure(sg, cells, tol)
    if hybrid and len(sg.types) == 2:
        from .hybrid import hybrid_equilibria
        found.extend(hybrid_equilibria(sg, tol=tol, _cells=cells))
    return tuple(found)
