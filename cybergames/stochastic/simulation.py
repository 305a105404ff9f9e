r"""Simulation of the Markov chains that solved decision problems and games induce.

Under a stationary policy of an MDP, or a stationary profile of a stochastic
game, the state follows a Markov chain with transition matrix
:math:`P^\sigma(s, s') = \sum_a \sigma(a \mid s) P(s' \mid s, a)`. The
functions here draw paths of it with a seeded :class:`numpy.random.Generator`,
so runs are reproducible; the discounted payoff of a path is an unbiased
estimate of the values that :func:`~cybergames.stochastic.policy_values` and
:func:`~cybergames.stochastic.profile_values` compute exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import GameError, ParameterError
from ._checks import number_array, stochastic_rows
from .game import StochasticGame
from .markov_perfect import _check_profile

__all__ = ["ChainPath", "simulate_chain", "simulate_game", "simulate_mdp"]


@dataclass(frozen=True, eq=False)
class ChainPath:
    """A simulated path.

    Attributes
    ----------
    states : ndarray of int
        Of shape (periods + 1,).
        The states visited, starting with the initial state.
    actions : ndarray of int or None
        Of shape (periods, players).
        The actions drawn (None for a plain Markov chain).
    payoffs : ndarray or None
        Of shape (periods, players).
        Each period's payoffs (None for a plain Markov chain).
    discount : float or None
    """

    states: np.ndarray
    actions: np.ndarray | None = field(default=None, repr=False)
    payoffs: np.ndarray | None = field(default=None, repr=False)
    discount: float | None = None

    @property
    def discounted_payoffs(self) -> np.ndarray | None:
        r"""Each player's :math:`\sum_t \delta^t u_t` along the path (None without payoffs)."""
        if self.payoffs is None:
            return None
        weights = float(self.discount) ** np.arange(self.payoffs.shape[0])
        return weights @ self.payoffs


def _rng(rng: Any) -> np.random.Generator:
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (isinstance(rng, (int, np.integer)) and not isinstance(rng, bool) and rng >= 0):
        return np.random.default_rng(rng)
    raise ParameterError(f"rng: expected a numpy Generator, a seed >= 0 or None, got {rng!r}")


def _periods(periods: Any) -> int:
    if isinstance(periods, bool) or not isinstance(periods, (int, np.integer)) or periods < 0:
        raise ParameterError(f"periods: expected an integer >= 0, got {periods!r}")
    return int(periods)


def _initial(initial: Any, states: int) -> int:
    if isinstance(initial, bool) or not isinstance(initial, (int, np.integer)) or not 0 <= initial < states:
        raise GameError(f"initial: expected a state index in 0..{states - 1}, got {initial!r}")
    return int(initial)


def _draw(cumulative: np.ndarray, u: float) -> int:
    return int(min(np.searchsorted(cumulative, u, side="right"), cumulative.shape[0] - 1))


def simulate_chain(transitions: Any, initial: int, periods: int, *, rng: Any = None) -> ChainPath:
    """A path of the Markov chain with the given transition matrix.

    Parameters
    ----------
    transitions : array_like
        Of shape (states, states).
        Rows sum to one.
    initial : int
        The initial state.
    periods : int
        The number of transitions drawn.
    rng : numpy.random.Generator, int or None
        The generator, or a seed for :func:`numpy.random.default_rng`.

    Returns
    -------
    ChainPath

    Examples
    --------
    >>> from cybergames.stochastic import simulate_chain
    >>> simulate_chain([[0, 1], [1, 0]], 0, 4, rng=0).states.tolist()
    [0, 1, 0, 1, 0]
    """
    P, kind = number_array(transitions, "transitions", 2)
    if P.shape[0] != P.shape[1]:
        raise GameError(f"transitions: expected a square matrix, got shape {P.shape}")
    stochastic_rows(P, kind, "transitions")
    state, periods, generator = _initial(initial, P.shape[0]), _periods(periods), _rng(rng)
    cumulative = np.cumsum(P.astype(float), axis=1)
    draws = generator.random(periods)
    states = np.empty(periods + 1, dtype=int)
    states[0] = state
    for t in range(periods):
        state = _draw(cumulative[state], draws[t])
        states[t + 1] = state
    return ChainPath(states=states)


def simulate_mdp(transitions: Any, rewards: Any, policy: Any, initial: int, periods: int, discount: Any = None, *,
                 rng: Any = None) -> ChainPath:
    """A path of an MDP under a stationary deterministic policy (one action index per state).

    Returns a :class:`ChainPath` whose ``payoffs`` column holds the rewards.

    Examples
    --------
    >>> from cybergames.stochastic import simulate_mdp
    >>> path = simulate_mdp([[[0, 1], [1, 0]]], [[1, 2]], [0, 0], 0, 3, 0.5, rng=1)
    >>> path.states.tolist(), path.payoffs[:, 0].tolist(), float(path.discounted_payoffs[0])
    ([0, 1, 0, 1], [1.0, 2.0, 1.0], 2.25)
    """
    P, kind = number_array(transitions, "transitions", 3)
    r, _ = number_array(rewards, "rewards", 2)
    actions, states, _ = P.shape
    if P.shape[2] != states or r.shape != (actions, states):
        raise GameError(f"transitions, rewards: expected shapes (actions, states, states) and (actions, states), "
                        f"got {P.shape} and {r.shape}")
    stochastic_rows(P, kind, "transitions")
    if isinstance(policy, (str, bytes)) or len(policy) != states or not all(
            isinstance(a, (int, np.integer)) and not isinstance(a, bool) and 0 <= a < actions for a in policy):
        raise GameError(f"policy: expected one action index in 0..{actions - 1} per state, got {policy!r}")
    state, periods, generator = _initial(initial, states), _periods(periods), _rng(rng)
    policy = np.array(policy, dtype=int)
    chain = P.astype(float)[policy, np.arange(states)]
    cumulative = np.cumsum(chain, axis=1)
    draws = generator.random(periods)
    visited = np.empty(periods + 1, dtype=int)
    visited[0] = state
    for t in range(periods):
        state = _draw(cumulative[state], draws[t])
        visited[t + 1] = state
    taken = policy[visited[:-1]][:, None]
    payoffs = r.astype(float)[taken[:, 0], visited[:-1]][:, None]
    return ChainPath(states=visited, actions=taken, payoffs=payoffs, discount=None if discount is None else float(discount))


def simulate_game(game: StochasticGame, profile: Any, initial: int, periods: int, *, rng: Any = None) -> ChainPath:
    """A path of a stochastic game under a stationary profile (per state, per player: index or mixed action).

    Actions are drawn independently from each player's mixed action, then the
    next state from the transition probabilities of the action profile.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.stochastic import StochasticGame, simulate_game
    >>> pd = StochasticGame([[[[2, 0], [3, 1]], [[2, 3], [0, 1]]]], [[[[1], [1]], [[1], [1]]]], Fraction(1, 2))
    >>> path = simulate_game(pd, [(1, 1)], 0, 3, rng=0)
    >>> path.payoffs.tolist(), path.discounted_payoffs.tolist()
    ([[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]], [1.75, 1.75])
    """
    if not isinstance(game, StochasticGame):
        raise GameError(f"game: expected a StochasticGame, got {type(game).__name__}")
    profile = _check_profile(game, profile)
    state, periods, generator = _initial(initial, game.num_states), _periods(periods), _rng(rng)
    players = game.num_players
    mixes = [[np.cumsum(np.array(mix, dtype=float)) for mix in entry] for entry in profile]
    moves = [np.cumsum(np.asarray(t, dtype=float), axis=-1) for t in game.transitions]
    pays = [[np.asarray(u, dtype=float) for u in per] for per in game.payoffs]
    draws = generator.random((periods, players + 1))
    states = np.empty(periods + 1, dtype=int)
    actions = np.empty((periods, players), dtype=int)
    payoffs = np.empty((periods, players))
    states[0] = state
    for t in range(periods):
        profile_t = tuple(_draw(mixes[state][i], draws[t, i]) for i in range(players))
        actions[t] = profile_t
        payoffs[t] = [pays[state][i][profile_t] for i in range(players)]
        state = _draw(moves[state][profile_t], draws[t, players])
        states[t + 1] = state
    return ChainPath(states=states, actions=actions, payoffs=payoffs, discount=float(game.discount))
