"""Hypothesis strategies for the generated games of :mod:`cybergames.games.generators`.

Re-exported by ``cybergames.strategies``; import them from there. Each draws a
shape (within the bounds given) and a seed, and calls the generator: the
examples are the generators' games, reproducible from the seed that
Hypothesis reports. (Shrinking a seed does not make a game simpler; shrinking
the shape does.)

Examples
--------
>>> from hypothesis import given, settings
>>> from cybergames import nash_equilibria
>>> from cybergames.strategies import sgc_games
>>> @settings(max_examples=3)
... @given(sgc_games(max_k=2))
... def test_unique_equilibrium(game):
...     assert len(nash_equilibria(game)) == 1
>>> test_unique_equilibrium()
"""

from __future__ import annotations

import math
import numbers
from typing import Any

from hypothesis import strategies as st

from ..errors import StrategyArgumentError
from .generators import (blotto_game, covariance_game, random_game, ranking_game, sgc_game,
                         unit_vector_game)

__all__ = ["random_games", "covariance_games", "unit_vector_games", "ranking_games", "sgc_games", "blotto_games"]

_SEEDS = st.integers(0, 2**32 - 1)
_MAX_BLOTTO_ACTIONS = 100

#: The largest number of pure profiles a drawn game may have (a bound on a test's memory and time).
_MAX_PROFILES = 10_000


def _count_range(value: Any, name: str, minimum: int, maximum: int | None = None) -> tuple[int, int]:
    """An int or a ``(min, max)`` tuple of ints within ``[minimum, maximum]``, as an inclusive range.

    (Defined here, not imported from ``cybergames.strategies``, which imports this module.)
    """
    pair = value if isinstance(value, tuple) and len(value) == 2 else (value, value)
    for v in pair:
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or v < minimum \
                or (maximum is not None and v > maximum):
            bound = f"integers >= {minimum}" + (f" and <= {maximum}" if maximum is not None else "")
            raise StrategyArgumentError(f"{name}: expected {bound} (an integer or a (min, max) tuple), got {value!r}")
    if pair[0] > pair[1]:
        raise StrategyArgumentError(f"{name}: expected (min, max) with min <= max, got {value!r}")
    return int(pair[0]), int(pair[1])


def _shape(draw: Any, players: Any, actions: Any, minimum_players: int = 1) -> tuple[int, ...]:
    low_players, high_players = _count_range(players, "players", minimum_players, 8)
    low_actions, high_actions = _count_range(actions, "actions", 1)
    if low_actions ** low_players > _MAX_PROFILES:
        raise StrategyArgumentError(f"players, actions: the smallest game has {low_actions ** low_players} "
                                    f"profiles, more than {_MAX_PROFILES}")
    n = draw(st.integers(low_players, high_players))
    shape = []
    for i in range(n):
        room = _MAX_PROFILES // (math.prod(shape) * low_actions ** (n - i - 1))
        shape.append(draw(st.integers(low_actions, max(low_actions, min(high_actions, room)))))
    return tuple(shape)


@st.composite
def random_games(draw: Any, players: Any = 2, actions: Any = (1, 4)) -> Any:
    """Games with independent uniform payoffs on ``[0, 1)`` (:func:`~cybergames.games.generators.random_game`).

    Parameters
    ----------
    players : int or (min, max), optional
        The number of players (default 2; at most 8).
    actions : int or (min, max), optional
        Each player's number of actions (default 1 to 4).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames.strategies import random_games
    >>> @given(random_games(players=3, actions=2))
    ... def test_shape(game):
    ...     assert game.shape == (2, 2, 2)
    >>> test_shape()
    """
    return random_game(_shape(draw, players, actions), seed=draw(_SEEDS))


@st.composite
def covariance_games(draw: Any, players: Any = 2, actions: Any = (1, 4), *, rho: Any = None) -> Any:
    """Covariance games (:func:`~cybergames.games.generators.covariance_game`).

    Parameters
    ----------
    players, actions : as for :func:`random_games` (at least two players)
    rho : float, optional
        The correlation; default: drawn from its whole range ``[-1/(N - 1), 1]``.

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import is_zero_sum
    >>> from cybergames.strategies import covariance_games
    >>> @given(covariance_games(rho=-1))
    ... def test_zero_sum(game):
    ...     assert is_zero_sum(game)
    >>> test_zero_sum()
    """
    shape = _shape(draw, players, actions, minimum_players=2)
    low = -1 / (len(shape) - 1)
    if rho is None:
        rho = draw(st.floats(low, 1))
    elif isinstance(rho, bool) or not isinstance(rho, numbers.Real) or not low <= rho <= 1:
        raise StrategyArgumentError(f"rho: expected None or a correlation in [-1/(N - 1), 1] = [{low:.6g}, 1], "
                                    f"got {rho!r}")
    return covariance_game(shape, rho, seed=draw(_SEEDS))


@st.composite
def unit_vector_games(draw: Any, actions: Any = (1, 6)) -> Any:
    """Two-player unit-vector games (:func:`~cybergames.games.generators.unit_vector_game`).

    Parameters
    ----------
    actions : int or (min, max), optional
        The number of actions of each player (default 1 to 6; at most 100).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames.strategies import unit_vector_games
    >>> @given(unit_vector_games())
    ... def test_one_unit_per_column(game):
    ...     assert (game.payoffs[0].sum(axis=0) == 1).all()
    >>> test_one_unit_per_column()
    """
    low, high = _count_range(actions, "actions", 1, 100)
    return unit_vector_game(draw(st.integers(low, high)), seed=draw(_SEEDS))


@st.composite
def ranking_games(draw: Any, actions: Any = (1, 6), *, steps: Any = 10) -> Any:
    """Two-player ranking games, exact (:func:`~cybergames.games.generators.ranking_game`).

    Parameters
    ----------
    actions : int or (min, max), optional
        The number of effort levels (default 1 to 6; at most 100).
    steps : int, optional
        The largest increment of scores and costs (default 10).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames.strategies import ranking_games
    >>> @given(ranking_games())
    ... def test_no_effort_costs_nothing(game):
    ...     assert all(0 <= u <= 1 for u in game.payoffs[0][0])
    >>> test_no_effort_costs_nothing()
    """
    low, high = _count_range(actions, "actions", 1, 100)
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 1:
        raise StrategyArgumentError(f"steps: expected an integer >= 1, got {steps!r}")
    return ranking_game(draw(st.integers(low, high)), int(steps), seed=draw(_SEEDS))


@st.composite
def sgc_games(draw: Any, *, min_k: Any = 1, max_k: Any = 3) -> Any:
    """Sandholm–Gilpin–Conitzer games, ``k`` in ``[min_k, max_k]`` (:func:`~cybergames.games.generators.sgc_game`).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames.strategies import sgc_games
    >>> @given(sgc_games())
    ... def test_odd_size(game):
    ...     assert game.shape[0] % 4 == 3
    >>> test_odd_size()
    """
    low, high = _count_range((min_k, max_k), "min_k, max_k", 1, 25)
    return sgc_game(draw(st.integers(low, high)))


@st.composite
def blotto_games(draw: Any, hills: Any = (1, 3), troops: Any = (1, 4), *, rho: Any = None) -> Any:
    """Colonel Blotto games with drawn hill values (:func:`~cybergames.games.generators.blotto_game`).

    Parameters
    ----------
    hills, troops : int or (min, max), optional
        Default 1 to 3 hills and 1 to 4 troops (at most 6 hills and 10 troops;
        troops are drawn so that a player has at most 100 actions).
    rho : float, optional
        The correlation of the players' values; default: drawn from [-1, 1].

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames.strategies import blotto_games
    >>> @given(blotto_games(hills=1))
    ... def test_one_hill_one_action(game):
    ...     assert game.shape == (1, 1)
    >>> test_one_hill_one_action()
    """
    low_h, high_h = _count_range(hills, "hills", 1, 6)
    low_t, high_t = _count_range(troops, "troops", 1, 10)
    if math.comb(low_t + low_h - 1, low_h - 1) > _MAX_BLOTTO_ACTIONS:
        raise StrategyArgumentError(f"hills, troops: the smallest game has more than {_MAX_BLOTTO_ACTIONS} "
                                    f"actions per player")
    if rho is None:
        rho = draw(st.floats(-1, 1))
    elif isinstance(rho, bool) or not isinstance(rho, numbers.Real) or not -1 <= rho <= 1:
        raise StrategyArgumentError(f"rho: expected None or a correlation in [-1, 1], got {rho!r}")
    h = draw(st.integers(low_h, high_h))
    fitting = [t for t in range(low_t, high_t + 1) if math.comb(t + h - 1, h - 1) <= _MAX_BLOTTO_ACTIONS]
    t = draw(st.sampled_from(fitting)) if fitting else low_t
    return blotto_game(h, t, rho, seed=draw(_SEEDS))
