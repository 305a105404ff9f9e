"""Hypothesis strategies for MDPs and stochastic games.

Re-exported by ``cybergames.strategies``; import them from there.

Examples
--------
>>> from hypothesis import given
>>> from cybergames.strategies import mdps
>>> from cybergames.stochastic import solve_mdp
>>> @given(mdps(max_states=3))
... def test_values_are_finite(mdp):
...     transitions, rewards, discount = mdp
...     assert len(solve_mdp(transitions, rewards, discount).values) == len(rewards[0])
>>> test_values_are_finite()
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from ..errors import StrategyArgumentError
from .game import StochasticGame

__all__ = ["mdps", "stochastic_games", "distributions"]


def _count(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise StrategyArgumentError(f"{name}: expected an integer >= {minimum}, got {value!r}")
    return int(value)


def _bounds(low: Any, high: Any, low_name: str, high_name: str, minimum: int) -> tuple[int, int]:
    low, high = _count(low, low_name, minimum), _count(high, high_name, minimum)
    if low > high:
        raise StrategyArgumentError(f"{low_name}, {high_name}: expected {low_name} <= {high_name}, got {low} > {high}")
    return low, high


@st.composite
def distributions(draw: Any, size: int, *, exact: bool = True, max_weight: int = 4) -> tuple:
    """Probability vectors of length ``size``: integer weights (one at least 1) over their sum."""
    size = _count(size, "size", 1)
    max_weight = _count(max_weight, "max_weight", 1)
    weights = draw(st.lists(st.integers(0, max_weight), min_size=size, max_size=size))
    weights[draw(st.integers(0, size - 1))] += 1
    total = sum(weights)
    return tuple(Fraction(w, total) if exact else w / total for w in weights)


def _discount(draw: Any, exact: bool) -> Any:
    numerator = draw(st.integers(0, 19))
    return Fraction(numerator, 20) if exact else numerator / 20


@st.composite
def mdps(draw: Any, *, min_states: int = 1, max_states: int = 4, min_actions: int = 1, max_actions: int = 3,
         exact: bool = True, max_reward: int = 10) -> tuple:
    """Finite MDPs as ``(transitions, rewards, discount)``, the arguments of ``solve_mdp``.

    Discount factors are multiples of 1/20 in [0, 19/20]; rewards integers in
    ``[-max_reward, max_reward]`` (floats with ``exact=False``).
    """
    states_low, states_high = _bounds(min_states, max_states, "min_states", "max_states", 1)
    actions_low, actions_high = _bounds(min_actions, max_actions, "min_actions", "max_actions", 1)
    max_reward = _count(max_reward, "max_reward", 0)
    states = draw(st.integers(states_low, states_high))
    actions = draw(st.integers(actions_low, actions_high))
    transitions = [[list(draw(distributions(states, exact=exact))) for _ in range(states)] for _ in range(actions)]
    rewards = [[draw(st.integers(-max_reward, max_reward)) for _ in range(states)] for _ in range(actions)]
    if not exact:
        rewards = [[float(v) for v in row] for row in rewards]
    return transitions, rewards, _discount(draw, exact)


@st.composite
def stochastic_games(draw: Any, *, num_players: int = 2, min_states: int = 1, max_states: int = 3,
                     max_actions: int = 2, zero_sum: bool = False, exact: bool = True,
                     max_payoff: int = 5) -> StochasticGame:
    """Finite discounted stochastic games; ``zero_sum=True`` gives two-player zero-sum ones."""
    num_players = _count(num_players, "num_players", 2)
    if zero_sum and num_players != 2:
        raise StrategyArgumentError(f"num_players: zero-sum games have 2 players, got {num_players}")
    states_low, states_high = _bounds(min_states, max_states, "min_states", "max_states", 1)
    max_actions = _count(max_actions, "max_actions", 1)
    max_payoff = _count(max_payoff, "max_payoff", 0)
    states = draw(st.integers(states_low, states_high))
    payoffs, transitions = [], []
    for _ in range(states):
        counts = [draw(st.integers(1, max_actions)) for _ in range(num_players)]
        cells = 1
        for c in counts:
            cells *= c
        layers = 1 if zero_sum else num_players
        flat = [[draw(st.integers(-max_payoff, max_payoff)) for _ in range(cells)] for _ in range(layers)]
        flat = [[v if exact else float(v) for v in layer] for layer in flat]
        payoffs.append(_reshape(flat[0], counts) if zero_sum else [_reshape(layer, counts) for layer in flat])
        moves = [list(draw(distributions(states, exact=exact))) for _ in range(cells)]
        transitions.append(_reshape(moves, counts))
    return StochasticGame(payoffs, transitions, _discount(draw, exact))


def _reshape(flat: list, counts: list) -> list:
    if len(counts) == 1:
        return list(flat)
    step = len(flat) // counts[0]
    return [_reshape(flat[k * step:(k + 1) * step], counts[1:]) for k in range(counts[0])]
