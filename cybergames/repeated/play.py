r"""Playing a profile: the path of play, its distribution under noisy monitoring, and samples.

Under perfect (or any deterministic) monitoring a profile of automata
determines one path of joint states, actions and signals. Under noisy
monitoring the signals are random: :func:`play` returns the distribution of
the joint state in every round (propagated exactly with the transition
matrix) and, while there are not too many, every path with its probability;
:func:`simulate` draws one path.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers, limits
from .._numbers import FLOAT
from ..errors import AutomatonError, ParameterError
from . import _delta
from .automata import Automaton
from .game import RepeatedGame
from .joint import bind, chain

__all__ = ["Path", "Play", "play", "simulate"]

#: Default bound on the number of paths :func:`play` enumerates.
MAX_PATHS = 10_000


@dataclass(frozen=True)
class Path:
    """One path of play.

    Attributes
    ----------
    states : tuple
        The joint state in each round.
    actions : tuple
        The action profile (tuple of labels) in each round.
    signals : tuple
        The public signal after each round.
    payoffs : tuple or None
        Each round's stage payoffs (a tuple over players); None when played
        without a game.
    probability : number
        The probability of the path (1 under deterministic monitoring).
    """

    states: tuple
    actions: tuple
    signals: tuple
    payoffs: tuple | None
    probability: Any = 1

    def discounted(self, delta: Any) -> tuple:
        r"""Each player's truncated normalised payoff :math:`(1-\delta)\sum_{t<T} \delta^t u_t`."""
        return _discounted(self.payoffs, delta)


def _discounted(payoffs: tuple | None, delta: Any) -> tuple:
    if payoffs is None:
        raise AutomatonError("payoffs: the path was played without a game; pass rg to play(...)")
    delta = _delta.check_delta(delta)
    totals = [0] * (len(payoffs[0]) if payoffs else 0)
    weight = 1 - delta
    for stage in payoffs:
        totals = [t + weight * u for t, u in zip(totals, stage)]
        weight = weight * delta
    return tuple(_numbers.simplify_exact(t) if isinstance(t, Fraction) else t for t in totals)


@dataclass(frozen=True)
class Play:
    """The outcome of :func:`play`: the distribution of play over ``rounds`` rounds.

    Attributes
    ----------
    rounds : int
        How many rounds were played.
    distributions : tuple
        Per round, the distribution of the joint state: a tuple of
        ``(state, probability)`` pairs with positive probability.
    expected_payoffs : tuple or None
        Per round, each player's expected stage payoff.
    paths : tuple of Path or None
        Every path with positive probability (one under deterministic
        monitoring), or None when there are more than ``max_paths``.
    """

    rounds: int
    distributions: tuple
    expected_payoffs: tuple | None
    paths: tuple | None = field(repr=False)

    @property
    def is_deterministic(self) -> bool:
        """Whether play follows one path with probability one."""
        return self.paths is not None and len(self.paths) == 1

    @property
    def path(self) -> Path:
        """The path of play, when it is deterministic."""
        if not self.is_deterministic:
            raise AutomatonError("path: play is random under this monitoring; see .paths or .distributions")
        return self.paths[0]

    def discounted(self, delta: Any) -> tuple:
        r"""Each player's truncated expected normalised payoff :math:`(1-\delta)\sum_{t<T}\delta^t E u_t`."""
        return _discounted(self.expected_payoffs, delta)


def _rounds(rounds: Any) -> int:
    if isinstance(rounds, (bool, np.bool_)) or not isinstance(rounds, numbers.Integral) or rounds < 0:
        raise ParameterError(f"rounds: expected a non-negative integer, got {rounds!r}")
    limits.check("rounds", int(rounds), "MAX_ROUNDS")
    return int(rounds)


def _without_game(profile: Any, rounds: int) -> Play:
    """Perfect monitoring with only the automata: the signal is the action profile."""
    if isinstance(profile, (str, bytes)) or not isinstance(profile, (tuple, list)) or \
            not all(isinstance(a, Automaton) for a in profile) or not profile:
        raise AutomatonError("profile: expected a tuple of Automaton (one per player); pass rg=... to play a "
                             f"joint automaton or to use a monitoring structure, got {profile!r}")
    if any(a.randomisation is not None for a in profile):
        raise AutomatonError("profile: an automaton uses a public lottery; pass rg=... to play it")
    state = tuple(a.initial for a in profile)
    states, actions = [], []
    for _ in range(rounds):
        action = tuple(a.action(w) for a, w in zip(profile, state))
        states.append(state)
        actions.append(action)
        state = tuple(a.next_state(w, action, i) for i, (a, w) in enumerate(zip(profile, state)))
    path = Path(tuple(states), tuple(actions), tuple(actions), None)
    return Play(rounds, tuple(((s, 1),) for s in states), None, (path,))


def _arguments(args: tuple, kwargs: dict) -> tuple:
    if args and isinstance(args[0], RepeatedGame):
        rg, rest = args[0], list(args[1:])
    else:
        rg, rest = kwargs.pop("rg", None), list(args)
    names = ["profile", "rounds"]
    values = dict(zip(names, rest))
    if len(rest) > 2:
        raise ParameterError(f"play: expected (rg, profile, rounds) or (profile, rounds, rg=...), got {len(args)} "
                             "positional arguments")
    for name in names:
        if name in kwargs:
            values[name] = kwargs.pop(name)
    if set(values) != set(names):
        raise ParameterError("play: expected a profile and a number of rounds")
    return rg, values["profile"], values["rounds"], kwargs


def play(*args: Any, **kwargs: Any) -> Play:
    r"""Play a profile for a number of rounds: the path, or its distribution under noisy monitoring.

    Call as ``play(profile, rounds)`` (perfect monitoring, no payoffs),
    ``play(rg, profile, rounds)`` or ``play(profile, rounds, rg=rg)``; the
    keyword ``max_paths`` (default 10 000) bounds the paths enumerated.

    Returns
    -------
    Play
        ``.path`` under deterministic monitoring; otherwise ``.paths`` (each
        with its probability, when at most ``max_paths``) and, always, the
        distribution of the joint state and the expected payoffs per round.

    Raises
    ------
    AutomatonError
        If the profile does not fit the game.
    ParameterError
        If ``rounds`` is not a non-negative integer.

    Examples
    --------
    >>> from cybergames.repeated import tit_for_tat, grim_trigger, always_defect
    >>> play((tit_for_tat(), always_defect()), 3).path.actions
    (('C', 'D'), ('D', 'D'), ('D', 'D'))
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, noisy_attribution, trigger_on_signal
    >>> game = prisoners_dilemma()
    >>> rg = RepeatedGame(game, noisy_attribution(game, Fraction(9, 10), Fraction(1, 10)))
    >>> blame = trigger_on_signal(lambda y: len(y) > 0)
    >>> outcome = play(rg, (blame, blame), 2)
    >>> outcome.distributions[1]
    ((('cooperate', 'cooperate'), Fraction(81, 100)), (('punish', 'punish'), Fraction(19, 100)))
    """
    rg, profile, rounds, rest = _arguments(args, kwargs)
    max_paths = rest.pop("max_paths", MAX_PATHS)
    if rest:
        raise ParameterError(f"play: unexpected keyword arguments {sorted(rest)}")
    rounds = _rounds(rounds)
    if rg is None:
        return _without_game(profile, rounds)
    bound = bind(rg, profile)
    c = chain(bound)
    m = bound.num_states
    _, P = c.equilibrium(0)
    u = [c.equilibrium(i)[0] for i in range(rg.num_players)]
    labels = [tuple(rg.stage.actions[i][k] for i, k in enumerate(a)) for a in bound.actions]
    payoff_rows = [tuple(_plain(u[i][w]) for i in range(rg.num_players)) for w in range(m)]
    distribution = [0] * m
    distribution[0] = 1
    distributions, expected = [], []
    for _ in range(rounds):
        distributions.append(tuple((bound.states[w], _plain(p)) for w, p in enumerate(distribution) if p != 0))
        expected.append(tuple(_plain(sum((p * payoff_rows[w][i] for w, p in enumerate(distribution) if p),
                                         0.0 if c.kind == FLOAT else 0))
                              for i in range(rg.num_players)))
        distribution = [sum((distribution[w] * P[w, v] for w in range(m) if distribution[w]),
                            0.0 if c.kind == FLOAT else 0) for v in range(m)]
    paths = _paths(bound, labels, payoff_rows, rounds, max_paths)
    return Play(rounds, tuple(distributions), tuple(expected), paths)


def _plain(x: Any) -> Any:
    if isinstance(x, np.generic):
        x = x.item()
    return _numbers.simplify_exact(x) if isinstance(x, Fraction) else x


def _paths(bound: Any, labels: list, payoff_rows: list, rounds: int, max_paths: int) -> tuple | None:
    frontier = [((0,), (), 1)]          # (states, signals, probability)
    for t in range(rounds):
        extended = []
        for states, signals, probability in frontier:
            w = states[-1]
            row = bound.signal_matrix[bound.actions[w]]
            for j, y in enumerate(bound.signals):
                p = row[j]
                if p == 0:
                    continue
                extended.append((states + (bound.next[w][j],), signals + (y,), probability * p))
                if len(extended) > max_paths:
                    return None
        frontier = extended
    return tuple(Path(tuple(bound.states[w] for w in states[:-1]), tuple(labels[w] for w in states[:-1]),
                      signals, tuple(payoff_rows[w] for w in states[:-1]), _plain(probability))
                 for states, signals, probability in frontier)


def simulate(rg: RepeatedGame, profile: Any, rounds: int, *, rng: Any = None) -> Path:
    """Draw one path of play of ``rounds`` rounds (its ``probability`` is that of the draw).

    ``rng`` is a :class:`numpy.random.Generator`, a seed, or None.

    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, grim_trigger
    >>> simulate(RepeatedGame(prisoners_dilemma()), (grim_trigger(), grim_trigger()), 2, rng=0).actions
    (('C', 'C'), ('C', 'C'))
    """
    rounds = _rounds(rounds)
    bound = bind(rg, profile)
    if bound.kind == "symbolic":
        raise ParameterError("rg: simulation needs numeric probabilities; substitute values with rg.subs(...)")
    c = chain(bound)
    generator = np.random.default_rng(rng)
    m = bound.num_states
    rows = [bound.signal_matrix[bound.actions[w]] for w in range(m)]
    cumulative = [np.cumsum(np.asarray(row, dtype=float)) for row in rows]
    labels = [tuple(rg.stage.actions[i][k] for i, k in enumerate(bound.actions[w])) for w in range(m)]
    stage = [tuple(_plain(c.payoffs[i][w, c.own[i][w]]) for i in range(rg.num_players)) for w in range(m)]
    draws = generator.random(rounds)
    w = 0
    states, actions, signals, payoffs, chosen = [], [], [], [], []
    for t in range(rounds):
        j = min(int(np.searchsorted(cumulative[w], draws[t] * cumulative[w][-1], side="right")),
                len(bound.signals) - 1)
        while rows[w][j] == 0:          # never draw a signal of probability zero (rounding at the edges)
            j -= 1
        states.append(bound.states[w])
        actions.append(labels[w])
        signals.append(bound.signals[j])
        payoffs.append(stage[w])
        chosen.append(rows[w][j])
        w = bound.next[w][j]
    probability: Any = 1
    for p in chosen:
        probability = probability * p
    return Path(tuple(states), tuple(actions), tuple(signals), tuple(payoffs), _plain(probability))
