r"""Hypothesis strategies for extensive games (re-exported by :mod:`cybergames.strategies`).

``@given(extensive_games())`` runs a test on many finite game trees with
perfect recall, built valid (never filtered): decision nodes with actions
``"a0"``, ``"a1"``, ..., optional chance nodes with positive probabilities, and
integer payoffs in ``[min_value, max_value]`` (floats with ``exact=False``).
Imperfect information comes from merging sibling decision nodes of one player
(who then does not observe the move, or the chance move, just before), which
keeps perfect recall: siblings share every earlier move.

Examples
--------
>>> from hypothesis import given, settings
>>> @settings(max_examples=10)
... @given(extensive_games(max_depth=2))
... def test_recall(game):
...     assert game.has_perfect_recall
>>> test_recall()
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import strategies as st

from ..errors import StrategyArgumentError
from .game import ExtensiveGame, chance, decision

__all__ = ["extensive_games"]


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise StrategyArgumentError(f"{name} must be an integer in [{low}, {high}], got {value!r}")


@st.composite
def extensive_games(draw, *, min_value: int = -10, max_value: int = 10, num_players: int = 2,
                    max_depth: int = 3, max_actions: int = 3, chance_nodes: bool = True,
                    perfect_information: bool = False, zero_sum: bool = False,
                    exact: bool = True) -> ExtensiveGame:
    """Finite extensive games with perfect recall.

    Parameters
    ----------
    min_value, max_value : int
        Bounds of the integer payoffs.
    num_players : int
        1 to 4 players (``"1"``, ``"2"``, ...).
    max_depth : int
        Largest number of moves on a path (1 to 6).
    max_actions : int
        Largest number of actions at a node (2 to 4).
    chance_nodes : bool
        Whether chance nodes may appear.
    perfect_information : bool
        Whether every information set is a single node.
    zero_sum : bool
        Two players only: player 2's payoff is minus player 1's.
    exact : bool
        Integer payoffs and Fraction probabilities, or floats.
    """
    _check_int("num_players", num_players, 1, 4)
    _check_int("max_depth", max_depth, 1, 6)
    _check_int("max_actions", max_actions, 2, 4)
    _check_int("min_value", min_value, -10**9, 10**9)
    _check_int("max_value", max_value, min_value, 10**9)
    if zero_sum and num_players != 2:
        raise StrategyArgumentError(f"zero_sum needs num_players=2, got {num_players!r}")
    players = [str(k + 1) for k in range(num_players)]
    labels = itertools.count()

    def payoffs() -> tuple:
        values = [draw(st.integers(min_value, max_value)) for _ in players]
        if zero_sum:
            values[1] = -values[0]
        return tuple(values) if exact else tuple(float(v) for v in values)

    def node(depth: int) -> object:
        if depth == max_depth or (depth > 0 and draw(st.integers(0, 2)) == 0):
            return payoffs()
        k = draw(st.integers(2, max_actions))
        actions = [f"a{j}" for j in range(k)]
        children = [node(depth + 1) for _ in actions]
        is_chance = chance_nodes and draw(st.integers(0, 3)) == 0
        mover = None if is_chance else draw(st.integers(0, num_players - 1))
        if not perfect_information and draw(st.booleans()):
            groups: dict = {}
            for child in children:
                if isinstance(child, dict) and "player" in child and child["player"] != (
                        None if mover is None else players[mover]):
                    groups.setdefault((child["player"], len(child["actions"])), []).append(child)
            for group in groups.values():
                for child in group[1:]:
                    child["infoset"] = group[0]["infoset"]
        if is_chance:
            weights = [draw(st.integers(1, 4)) for _ in actions]
            total = sum(weights)
            probabilities = [Fraction(w, total) if exact else w / total for w in weights]
            return chance({a: (p, c) for a, p, c in zip(actions, probabilities, children)})
        return decision(players[mover], dict(zip(actions, children)), infoset=f"h{next(labels)}")

    return ExtensiveGame(node(0), players)
