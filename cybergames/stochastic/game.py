r"""Finite stochastic (Markov) games with discounting.

In state :math:`s` the players choose actions :math:`a = (a_1, \dots, a_n)`
simultaneously, player :math:`i` earns :math:`u_i(s, a)`, and the next state is
drawn from :math:`P(\cdot \mid s, a)`. Payoffs are discounted by :math:`\delta`
and **not** normalised: a player's value is :math:`E \sum_t \delta^t u_i(s_t, a_t)`
(Shapley 1953; Filar & Vrieze 1997, *Competitive Markov Decision Processes*).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from .._numbers import FLOAT
from ..errors import GameError
from ._checks import as_storage, discount_factor, number_array, stochastic_rows, widest

__all__ = ["StochasticGame"]



def _sized(value: Any) -> bool:
    """Whether ``value`` is a sequence (not a string) or an array of at least one dimension."""
    if isinstance(value, np.ndarray):
        return value.ndim >= 1
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))

@dataclass(frozen=True, eq=False)
class StochasticGame:
    r"""A finite discounted stochastic game, validated at construction.

    Parameters
    ----------
    payoffs : sequence, one entry per state
        For a two-player **zero-sum** game, the row player's payoff matrix in
        each state (the column player gets its negative). Otherwise an array
        of shape ``(players, |A_1(s)|, ..., |A_n(s)|)``: one payoff array per
        player, as in :class:`cybergames.NormalFormGame`.
    transitions : sequence, one entry per state
        ``transitions[s][a_1]...[a_n]`` is the distribution of the next state,
        a vector of length ``states`` summing to one.
    discount : int, Fraction or float
        The common discount factor, ``0 <= discount < 1``.

    Attributes
    ----------
    payoffs : tuple
        Per state, a tuple with one read-only array per player.
    transitions : tuple
        Per state, a read-only array of shape ``(|A_1(s)|, ..., |A_n(s)|, states)``.
    discount : number
    kind : str
        ``"exact"`` or ``"float"``.

    Raises
    ------
    GameError
        For arrays whose shapes disagree, ragged or non-numeric entries, or
        states with different numbers of players.
    ProbabilityError
        If a transition vector is negative or does not sum to one.
    DiscountFactorError
        If ``discount`` lies outside ``[0, 1)``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.stochastic import StochasticGame
    >>> g = StochasticGame([[[1, -1], [-1, 1]]], [[[[1], [1]], [[1], [1]]]], Fraction(1, 2))
    >>> g.num_states, g.num_players, g.is_zero_sum, g.action_counts(0)
    (1, 2, True, (2, 2))
    """

    payoffs: tuple
    transitions: tuple
    discount: Any

    def __post_init__(self) -> None:
        if not _sized(self.payoffs) or len(self.payoffs) == 0:
            raise GameError(f"payoffs: expected one payoff array per state, got {self.payoffs!r}")
        states = len(self.payoffs)
        if not _sized(self.transitions) or len(self.transitions) != states:
            raise GameError(f"transitions: expected one array per state ({states} states), "
                            f"got {self.transitions!r}")
        arrays, kinds, players = [], [], None
        for s, entry in enumerate(self.payoffs):
            try:
                raw = np.array(entry, dtype=object)
            except (ValueError, TypeError) as exc:
                raise GameError(f"payoffs[{s}]: expected a rectangular array, got {entry!r}") from exc
            zero_sum = raw.ndim == 2
            array, kind = number_array(entry, f"payoffs[{s}]", 2 if zero_sum else max(raw.ndim, 3))
            per_player = (array, -array) if zero_sum else tuple(array[i] for i in range(array.shape[0]))
            if len(per_player) != (array.ndim if zero_sum else array.ndim - 1):
                raise GameError(f"payoffs[{s}]: expected shape (players, |A_1|, ..., |A_n|) with one axis per "
                                f"player, got {array.shape}")
            if players is not None and len(per_player) != players:
                raise GameError(f"payoffs[{s}]: expected {players} players as in state 0, got {len(per_player)}")
            players = len(per_player)
            arrays.append(per_player)
            kinds.append(kind)
        moves = []
        for s, entry in enumerate(self.transitions):
            shape = arrays[s][0].shape + (states,)
            array, kind = number_array(entry, f"transitions[{s}]", len(shape))
            if array.shape != shape:
                raise GameError(f"transitions[{s}]: expected shape {shape} (actions in state {s}, then "
                                f"{states} next states), got {array.shape}")
            stochastic_rows(array, kind, f"transitions[{s}]")
            moves.append(array)
            kinds.append(kind)
        delta = discount_factor(self.discount)
        kind = widest(*kinds, FLOAT if isinstance(delta, float) else "exact")
        object.__setattr__(self, "payoffs", tuple(tuple(as_storage(a, kind) for a in per) for per in arrays))
        object.__setattr__(self, "transitions", tuple(as_storage(a, kind) for a in moves))
        object.__setattr__(self, "discount", float(delta) if kind == FLOAT else delta)

    @property
    def kind(self) -> str:
        """``"float"`` if any entry is a float, else ``"exact"``."""
        return FLOAT if self.transitions[0].dtype != object else "exact"

    @property
    def num_states(self) -> int:
        """The number of states."""
        return len(self.payoffs)

    @property
    def num_players(self) -> int:
        """The number of players."""
        return len(self.payoffs[0])

    def action_counts(self, state: int) -> tuple:
        """The number of actions of each player in ``state``."""
        return self.payoffs[state][0].shape

    @property
    def is_zero_sum(self) -> bool:
        """Whether two players' payoffs sum to zero in every state and action profile (exactly or to 1e-9)."""
        if self.num_players != 2:
            return False
        for first, second in self.payoffs:
            total = first + second
            if (np.abs(total.astype(float)) > 1e-9).any() if self.kind == FLOAT else any(v != 0 for v in total.flat):
                return False
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StochasticGame) and self.discount == other.discount \
            and self.num_states == other.num_states and self.num_players == other.num_players \
            and all(a.shape == b.shape and np.array_equal(a, b) for pa, pb in zip(self.payoffs, other.payoffs)
                    for a, b in zip(pa, pb)) \
            and all(a.shape == b.shape and np.array_equal(a, b) for a, b in zip(self.transitions, other.transitions))

    def __hash__(self) -> int:
        return hash((self.discount, tuple(tuple(a.flat) for per in self.payoffs for a in per)))

    def __repr__(self) -> str:
        counts = ", ".join("x".join(map(str, self.action_counts(s))) for s in range(self.num_states))
        return (f"StochasticGame(states={self.num_states}, players={self.num_players}, actions=[{counts}], "
                f"discount={self.discount}, kind={self.kind!r})")
