"""Hypothesis strategies for repeated games: automata, profiles, monitoring structures, repeated games.

Re-exported by ``cybergames.strategies``; import them from there.

Examples
--------
>>> from hypothesis import given
>>> from cybergames.strategies import repeated_games, automaton_profiles
>>> from hypothesis import strategies as st
>>> @given(st.data())
... def test_profiles_fit(data):
...     rg = data.draw(repeated_games())
...     profile = data.draw(automaton_profiles(rg))
...     assert len(profile) == rg.num_players
>>> test_profiles_fit()
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any, Sequence

from hypothesis import strategies as st

from ..errors import StrategyArgumentError
from ..games._strategies import normal_form_games
from ..games.normal_form import NormalFormGame
from .automata import Automaton
from .game import RepeatedGame
from .monitoring import Monitoring, perfect

__all__ = ["automata", "automaton_profiles", "monitoring_structures", "repeated_games"]


def _count(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise StrategyArgumentError(f"{name}: expected an integer >= {minimum}, got {value!r}")
    return int(value)


def _bounds(min_value: Any, max_value: Any, low_name: str, high_name: str, minimum: int) -> tuple[int, int]:
    low = _count(min_value, low_name, minimum)
    high = _count(max_value, high_name, minimum)
    if low > high:
        raise StrategyArgumentError(f"{low_name}, {high_name}: expected {low_name} <= {high_name}, "
                                    f"got {low} > {high}")
    return low, high


def _labels(values: Any, name: str) -> tuple:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise StrategyArgumentError(f"{name}: expected a non-empty sequence, got {values!r}")
    return tuple(values)


@st.composite
def automata(draw: Any, actions: Sequence[str], signals: Sequence[Any], *, min_states: int = 1,
             max_states: int = 3) -> Automaton:
    """Automata with 1 to ``max_states`` states over the given actions and signals.

    States are ``"s0"``, ``"s1"``, ...; ``"s0"`` is initial. Every state has a
    drawn action and a drawn transition on every signal (a table), so the
    automaton fits any game with these actions and signals.

    Parameters
    ----------
    actions : sequence of str
        The player's action labels.
    signals : sequence
        The public signals (e.g. ``rg.monitoring.signals``).
    min_states, max_states : int
        Bounds on the number of states (default 1 and 3).

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(automata(("C", "D"), ("good", "bad"), max_states=2))
    ... def test_size(automaton):
    ...     assert 1 <= automaton.num_states <= 2
    >>> test_size()
    """
    actions = _labels(actions, "actions")
    signals = _labels(signals, "signals")
    low, high = _bounds(min_states, max_states, "min_states", "max_states", 1)
    size = draw(st.integers(low, high))
    states = [f"s{k}" for k in range(size)]
    output = {s: draw(st.sampled_from(actions)) for s in states}
    transition = {(s, y): draw(st.sampled_from(states)) for s in states for y in signals}
    return Automaton(states, states[0], output, transition)


@st.composite
def automaton_profiles(draw: Any, rg: RepeatedGame, *, min_states: int = 1, max_states: int = 3) -> tuple:
    """One drawn :func:`automata` per player of ``rg``, over its actions and public signals.

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, check_equilibrium
    >>> rg = RepeatedGame(prisoners_dilemma())
    >>> @given(automaton_profiles(rg, max_states=2))
    ... def test_checkable(profile):
    ...     assert check_equilibrium(rg, profile, Fraction(1, 2)).holds in (True, False)
    >>> test_checkable()
    """
    if not isinstance(rg, RepeatedGame):
        raise StrategyArgumentError(f"rg: expected a RepeatedGame, got {rg!r}")
    _bounds(min_states, max_states, "min_states", "max_states", 1)
    return tuple(draw(automata(rg.stage.actions[i], rg.monitoring.signals, min_states=min_states,
                               max_states=max_states)) for i in range(rg.num_players))


@st.composite
def monitoring_structures(draw: Any, game: NormalFormGame, *, min_signals: int = 1, max_signals: int = 3,
                          exact: bool = True, full_support: bool = False, max_denominator: int = 6) -> Monitoring:
    """Public monitoring structures on ``game`` with ``min_signals`` to ``max_signals`` signals.

    Signals are ``"y0"``, ``"y1"``, ...; each action profile gets a drawn
    distribution: integer weights in ``0..max_denominator`` normalised to
    Fractions (or floats with ``exact=False``). With ``full_support`` every
    signal has positive probability after every profile.

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import prisoners_dilemma
    >>> @given(monitoring_structures(prisoners_dilemma(), full_support=True))
    ... def test_full_support(monitoring):
    ...     assert all(p > 0 for p in monitoring.matrix.flat)
    >>> test_full_support()
    """
    if not isinstance(game, NormalFormGame):
        raise StrategyArgumentError(f"game: expected a NormalFormGame, got {game!r}")
    low, high = _bounds(min_signals, max_signals, "min_signals", "max_signals", 1)
    top = _count(max_denominator, "max_denominator", 1)
    if not isinstance(exact, bool) or not isinstance(full_support, bool):
        raise StrategyArgumentError(f"exact, full_support: expected booleans, got {exact!r}, {full_support!r}")
    count = draw(st.integers(low, high))
    signals = [f"y{k}" for k in range(count)]
    table = {}
    for profile in game.profiles():
        weights = draw(st.lists(st.integers(1 if full_support else 0, top), min_size=count, max_size=count))
        if not any(weights):                       # built, not filtered: one signal gets the mass
            weights[draw(st.integers(0, count - 1))] = 1
        total = sum(weights)
        table[profile] = {y: (Fraction(w, total) if exact else w / total) for y, w in zip(signals, weights)}
    return Monitoring(game, signals, table)


@st.composite
def repeated_games(draw: Any, *, players: int = 2, actions: Any = (2, 3), exact: bool = True,
                   monitoring: str = "any", min_value: int = -5, max_value: int = 5,
                   max_signals: int = 3) -> RepeatedGame:
    """Repeated games: a drawn stage game and perfect or drawn public monitoring.

    Parameters
    ----------
    players : int
        The number of players (default 2).
    actions : int or (int, int)
        Actions per player, fixed or an inclusive range (default 2 to 3).
    exact : bool
        Exact (default) or float payoffs and probabilities.
    monitoring : {"any", "perfect", "public"}
        Perfect monitoring, drawn public monitoring, or either (default).
    min_value, max_value : int
        Payoff bounds (default -5 and 5).
    max_signals : int
        Largest number of public signals of drawn monitoring (default 3).

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(repeated_games(monitoring="perfect"))
    ... def test_perfect(rg):
    ...     assert rg.is_perfect
    >>> test_perfect()
    """
    if monitoring not in ("any", "perfect", "public"):
        raise StrategyArgumentError(f"monitoring: expected 'any', 'perfect' or 'public', got {monitoring!r}")
    game = draw(normal_form_games(players, actions, exact=exact, min_value=min_value, max_value=max_value))
    kind = draw(st.sampled_from(("perfect", "public"))) if monitoring == "any" else monitoring
    if kind == "perfect":
        return RepeatedGame(game, perfect(game))
    return RepeatedGame(game, draw(monitoring_structures(game, max_signals=max_signals, exact=exact)))
