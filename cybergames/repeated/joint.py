r"""Composing a profile of automata into one joint automaton bound to a repeated game.

A profile :math:`(W_i, w_i^0, f_i, \tau_i)_{i}` is the automaton on joint
states :math:`w = (w_1, \dots, w_n)` with output :math:`f(w) = (f_i(w_i))_i`
and transition :math:`\tau(w, y) = (\tau_i(w_i, y))_i`. Only the joint states
reachable from :math:`w^0` on *some* sequence of public signals are kept:
under perfect monitoring these are the states after every history, on the
equilibrium path or off it, which is what subgame perfection quantifies over.

When some automaton declares a public lottery (see
:mod:`cybergames.repeated.automata`) the effective public signal is the pair
``(y, outcome)``, drawn with probability :math:`p(y \mid a) \pi(\text{outcome})`;
automata without a lottery read ``y`` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Hashable, Sequence

import numpy as np

from .. import _numbers
from .._numbers import EXACT, FLOAT, SYMBOLIC
from ..errors import AutomatonError, MonitoringError
from .automata import Automaton, JointAutomaton
from .game import RepeatedGame

__all__ = ["compose"]

#: The largest number of reachable joint states a profile may have: exact values cost O(m^3) fraction
#: operations and the constraint polynomials have degree up to m + 1, so larger profiles are refused
#: rather than left to run for hours.
MAX_JOINT_STATES = 256


def _check_rg(rg: Any) -> RepeatedGame:
    if not isinstance(rg, RepeatedGame):
        raise MonitoringError(f"rg: expected a RepeatedGame, got {type(rg).__name__}")
    return rg


def _shared_lottery(automata: Sequence) -> tuple | None:
    lotteries = {a.randomisation for a in automata if a.randomisation is not None}
    if len(lotteries) > 1:
        raise AutomatonError("profile: automata declare different public lotteries "
                             f"{[dict(x) for x in lotteries]}; a public lottery is one device seen by all")
    return next(iter(lotteries)) if lotteries else None


def _effective_signals(rg: RepeatedGame, lottery: tuple | None) -> tuple:
    signals = rg.monitoring.signals
    if lottery is None:
        return signals
    return tuple((y, outcome) for y in signals for outcome, _ in lottery)


def _view(automaton: Any, signal: Any, lottery: tuple | None) -> Any:
    """What an automaton reads of the effective signal."""
    if lottery is not None and automaton.randomisation is None:
        return signal[0]
    return signal


def compose(rg: RepeatedGame, profile: Any) -> JointAutomaton:
    """The joint automaton of a profile on the joint states reachable in ``rg``, validated.

    Parameters
    ----------
    rg : RepeatedGame
        The repeated game: its actions and public signals.
    profile : tuple of Automaton or JointAutomaton
        One automaton per player, or a joint automaton.

    Returns
    -------
    JointAutomaton
        States are tuples of the players' states (or the joint automaton's own
        states), in breadth-first order from the initial one; the transition is
        a table on every (reachable state, effective signal).

    Raises
    ------
    AutomatonError
        If the profile does not fit the game: wrong number of automata, an
        action that is not the player's, an undefined transition or one to an
        unknown state (the message names player, state and signal); or if it
        has more than ``MAX_JOINT_STATES`` (256) reachable joint states.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, grim_trigger
    >>> joint = compose(RepeatedGame(prisoners_dilemma()), (grim_trigger(), grim_trigger()))
    >>> joint.states
    (('cooperate', 'cooperate'), ('punish', 'punish'))
    """
    return bind(rg, profile).joint


@dataclass(frozen=True, eq=False)
class Bound:
    """A profile bound to a repeated game: the joint automaton as index tables (internal)."""

    rg: RepeatedGame
    joint: JointAutomaton
    states: tuple
    actions: tuple            # per joint state, the action profile as a tuple of indices
    signals: tuple            # effective signals
    lottery: tuple | None
    next: tuple               # next[state][signal] -> state index
    kind: str
    signal_matrix: np.ndarray = field(repr=False)   # game.shape + (len(signals),)

    @property
    def num_states(self) -> int:
        return len(self.states)


def _kind(rg: RepeatedGame, lottery: tuple | None) -> str:
    kinds = {rg.stage.kind, rg.monitoring.kind}
    if lottery is not None:
        kinds.add(_numbers.kind_of(p for _, p in lottery))
    if SYMBOLIC in kinds:
        return SYMBOLIC
    return FLOAT if FLOAT in kinds else EXACT


def _signal_matrix(rg: RepeatedGame, lottery: tuple | None, kind: str) -> np.ndarray:
    matrix = rg.monitoring.matrix
    if lottery is not None:
        weights = np.empty(len(lottery), dtype=object)
        weights[:] = [p for _, p in lottery]
        matrix = np.multiply.outer(matrix.astype(object), weights).reshape(matrix.shape[:-1] + (-1,))
    if kind == FLOAT:
        return np.asarray(matrix, dtype=float)
    if kind == SYMBOLIC:
        return np.vectorize(_numbers.to_sympy, otypes=[object])(matrix)
    return np.asarray(matrix, dtype=object)


def bind(rg: RepeatedGame, profile: Any) -> Bound:
    """Validate ``profile`` against ``rg`` and tabulate its joint automaton (internal)."""
    rg = _check_rg(rg)
    game = rg.stage
    if isinstance(profile, JointAutomaton):
        lottery = profile.randomisation
        signals = _effective_signals(rg, lottery)
        for state in profile.states:
            _check_profile_output(game, profile.output[state], state)
        states = profile.reachable(signals)
        if len(states) > MAX_JOINT_STATES:
            raise AutomatonError(f"profile: more than {MAX_JOINT_STATES} reachable joint states")
        index = {s: k for k, s in enumerate(states)}
        table = {(s, y): profile.next_state(s, y) for s in states for y in signals}
        joint = JointAutomaton(states, profile.initial, {s: profile.output[s] for s in states}, table,
                               randomisation=None if lottery is None else dict(lottery))
        nxt = tuple(tuple(index[table[(s, y)]] for y in signals) for s in states)
        actions = tuple(game.profile_index(profile.output[s]) for s in states)
    else:
        automata = _check_profile(game, profile)
        lottery = _shared_lottery(automata)
        signals = _effective_signals(rg, lottery)
        views = [[_view(a, y, lottery) for y in signals] for a in automata]
        initial = tuple(a.initial for a in automata)
        states = [initial]
        index = {initial: 0}
        nxt_list: list = []
        k = 0
        while k < len(states):
            state = states[k]
            k += 1
            row = []
            for j in range(len(signals)):
                target = tuple(a.next_state(w, views[i][j], i) for i, (a, w) in enumerate(zip(automata, state)))
                if target not in index:
                    if len(states) >= MAX_JOINT_STATES:
                        raise AutomatonError(f"profile: more than {MAX_JOINT_STATES} reachable joint states")
                    index[target] = len(states)
                    states.append(target)
                row.append(index[target])
            nxt_list.append(tuple(row))
        states = tuple(states)
        nxt = tuple(nxt_list)
        outputs = {s: tuple(a.action(w) for a, w in zip(automata, s)) for s in states}
        table = {(s, y): states[nxt[k][j]] for k, s in enumerate(states) for j, y in enumerate(signals)}
        joint = JointAutomaton(states, initial, outputs, table,
                               randomisation=None if lottery is None else dict(lottery))
        actions = tuple(tuple(game.action_index(i, a) for i, a in enumerate(outputs[s])) for s in states)
    kind = _kind(rg, lottery)
    return Bound(rg, joint, states, actions, signals, lottery, nxt, kind, _signal_matrix(rg, lottery, kind))


def _check_profile(game: Any, profile: Any) -> tuple:
    if isinstance(profile, Automaton):
        raise AutomatonError("profile: expected a tuple of Automaton (one per player) or a JointAutomaton, "
                             "got a single Automaton")
    if isinstance(profile, (str, bytes)) or not isinstance(profile, Sequence):
        raise AutomatonError("profile: expected a tuple of Automaton (one per player) or a JointAutomaton, "
                             f"got {profile!r}")
    if len(profile) != game.num_players:
        raise AutomatonError(f"profile: expected {game.num_players} automata (one per player), "
                             f"got {len(profile)}")
    for i, automaton in enumerate(profile):
        if not isinstance(automaton, Automaton):
            raise AutomatonError(f"profile[{i}]: expected an Automaton, got {automaton!r}")
        for state in automaton.states:
            action = automaton.output[state]
            if action not in game.actions[i]:
                raise AutomatonError(f"profile[{i}]: state {state!r} plays {action!r}, which is not an action "
                                     f"of player {game.players[i]!r} (the actions are {game.actions[i]})")
    return tuple(profile)


def _check_profile_output(game: Any, output: tuple, state: Hashable) -> None:
    if len(output) != game.num_players:
        raise AutomatonError(f"output[{state!r}]: expected an action profile with {game.num_players} "
                             f"actions, got {output!r}")
    for i, action in enumerate(output):
        if action not in game.actions[i]:
            raise AutomatonError(f"output[{state!r}]: {action!r} is not an action of player "
                                 f"{game.players[i]!r} (the actions are {game.actions[i]})")


@dataclass(frozen=True, eq=False)
class Chain:
    """Payoffs and transition rows of every one-shot deviation, in the bound profile's kind (internal).

    ``payoffs[i][w, k]`` is player ``i``'s stage payoff when it plays its
    ``k``-th action in joint state ``w`` and the others follow the profile;
    ``rows[i][w, k]`` is the distribution of the next joint state then.
    ``own[i][w]`` is the action the profile prescribes to ``i`` in ``w``.
    """

    bound: Bound
    payoffs: tuple
    rows: tuple
    own: tuple

    @property
    def kind(self) -> str:
        return self.bound.kind

    def equilibrium(self, i: int) -> tuple:
        """``(u, P)``: player ``i``'s on-profile payoff vector and the transition matrix."""
        w = np.arange(self.bound.num_states)
        k = np.asarray(self.own[i])
        return self.payoffs[i][w, k], self.rows[i][w, k]


def chain(bound: Bound) -> Chain:
    """Tabulate payoffs and next-state distributions of every one-shot deviation (internal)."""
    game = bound.rg.stage
    m = bound.num_states
    kind = bound.kind
    dtype = float if kind == FLOAT else object
    indicator = np.zeros((m, len(bound.signals), m), dtype=int)
    for w in range(m):
        indicator[w, np.arange(len(bound.signals)), bound.next[w]] = 1
    payoffs, rows, own = [], [], []
    for i in range(game.num_players):
        size = game.shape[i]
        u = np.empty((m, size), dtype=dtype)
        q = np.empty((m, size, m), dtype=dtype)
        stage = game.payoffs[i]
        for w, profile in enumerate(bound.actions):
            for k in range(size):
                index = profile[:i] + (k,) + profile[i + 1:]
                value = stage[index]
                u[w, k] = _convert(value, kind)
                q[w, k] = bound.signal_matrix[index].dot(indicator[w])
        u.flags.writeable = False
        q.flags.writeable = False
        payoffs.append(u)
        rows.append(q)
        own.append(tuple(profile[i] for profile in bound.actions))
    return Chain(bound, tuple(payoffs), tuple(rows), tuple(own))


def _convert(value: Any, kind: str) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if kind == SYMBOLIC:
        return _numbers.to_sympy(value)
    if kind == FLOAT:
        return float(value)
    return value
