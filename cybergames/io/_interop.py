r"""Conversion to and from pygambit games, and the nashpy and QuantEcon conversions of the games layer.

pygambit games hold exact rationals, and keep player and strategy labels; the
nashpy and QuantEcon conversions live in ``cybergames.games.interop`` (the
games layer needs them for :meth:`NormalFormGame.to_nashpy`) and are
re-exported here, so that every conversion is found in :mod:`cybergames.io`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from .._numbers import simplify_exact
from ..errors import GameError, ParameterError
from ..games import NormalFormGame
from ..games.interop import _from_arrays, _need, _numeric, from_nashpy, from_quantecon, to_nashpy, to_quantecon
from ._gambit import _unique

__all__ = ["to_nashpy", "from_nashpy", "to_quantecon", "from_quantecon", "to_pygambit", "from_pygambit"]


# ------------------------------------------------------------------------ pygambit
def to_pygambit(game: NormalFormGame, *, title: str = ""):
    """The game as a pygambit strategic-form game (exact rationals, labels kept).

    Float payoffs are converted to the exact value of each float's shortest
    decimal (as Gambit reads ``0.1`` as ``1/10``).

    Both pygambit 16 (``Game.from_arrays``, players and strategies as
    objects) and pygambit 17 (``StrategicGame.from_arrays``, addressed by
    label) are supported.

    Raises
    ------
    GameError
        If the game is symbolic, or pygambit refuses a label (pygambit 16.7
        takes labels of printable ASCII characters with single inner spaces).
    ImportError
        If pygambit is not installed.

    Examples
    --------
    >>> from cybergames import matching_pennies
    >>> g = to_pygambit(matching_pennies(), title="pennies")
    >>> g.title, from_pygambit(g).actions
    ('pennies', (('Heads', 'Tails'), ('Heads', 'Tails')))
    """
    _numeric(game, "to_pygambit")
    gbt = _need("pygambit", "to_pygambit")
    if not isinstance(title, str):
        raise ParameterError(f"title: expected a string, got {title!r}")
    arrays = []
    for array in game.payoffs:
        converted = np.empty(array.shape, dtype=object)
        for index, value in np.ndenumerate(array):
            converted[index] = Fraction(repr(float(value))) if isinstance(value, float) else value
        arrays.append(converted)
    if _labels_api(gbt):
        return _to_pygambit_17(gbt, game, arrays, title)
    try:
        result = gbt.Game.from_arrays(*arrays, title=title)
    except ValueError as exc:
        raise ParameterError(f"title: pygambit refuses {title!r}: {exc}") from exc
    for player, label, labels in zip(result.players, game.players, game.actions):
        _set_label(player, label, f"game.players: player {label!r}")
        for strategy, action in zip(player.strategies, labels):
            _set_label(strategy, action, f"game.actions: action {action!r} of player {label!r}")
    return result


def _labels_api(gbt: Any) -> bool:
    """Whether pygambit addresses players and strategies by label (17) or by object (16)."""
    return hasattr(gbt, "StrategicGame")


def _to_pygambit_17(gbt: Any, game: NormalFormGame, arrays: list, title: str):
    try:
        result = gbt.StrategicGame.from_arrays(*arrays, title=title)
    except ValueError as exc:
        raise ParameterError(f"title: pygambit refuses {title!r}: {exc}") from exc
    default = list(result.players)
    try:
        result.relabel_players(dict(zip(default, game.players)))
    except (ValueError, KeyError) as exc:
        raise GameError(f"game.players: the players {game.players!r}: pygambit refuses one of these labels: "
                        f"{exc}") from exc
    for player, labels in zip(game.players, game.actions):
        try:
            result.relabel_strategies(player, dict(zip(result.get_strategies(player), labels)))
        except (ValueError, KeyError) as exc:
            raise GameError(f"game.actions: the actions {labels!r} of player {player!r}: "
                            f"pygambit refuses one of these labels: {exc}") from exc
    return result


def _set_label(item: Any, label: str, what: str) -> None:
    try:
        item.label = label
    except ValueError as exc:  # pygambit 16.7 takes printable ASCII with single inner spaces only
        raise GameError(f"{what}: pygambit refuses this label: {exc}") from exc


def from_pygambit(pygambit_game: Any) -> NormalFormGame:
    """A :class:`NormalFormGame` (exact) from a pygambit game's strategic form, labels kept.

    Empty or repeated labels are made unique as :func:`read_nfg` does.

    Raises
    ------
    GameError
        If ``pygambit_game`` is not a pygambit game.

    Examples
    --------
    >>> from cybergames import stag_hunt
    >>> from_pygambit(to_pygambit(stag_hunt())) == stag_hunt()
    True
    """
    gbt = _need("pygambit", "from_pygambit")
    if not isinstance(pygambit_game, gbt.Game):
        raise GameError(f"pygambit_game: expected a pygambit.Game, got {type(pygambit_game).__name__}")
    if _labels_api(gbt):  # pygambit 17: labels address everything; to_arrays covers every representation
        players = list(pygambit_game.players)
        arrays = [np.vectorize(lambda v: simplify_exact(Fraction(v)), otypes=[object])(array)
                  for array in pygambit_game.to_arrays(dtype=Fraction)]
        players, actions = _unique(players), [_unique(pygambit_game.get_strategies(p)) for p in players]
        return _from_arrays(list(arrays), actions, players, "pygambit_game")
    players_of = list(pygambit_game.players)
    shape = tuple(len(player.strategies) for player in players_of)
    arrays = [np.zeros(shape, dtype=object) for _ in players_of]
    if pygambit_game.is_tree:  # an extensive game: its (reduced) strategic form
        for i, array in enumerate(pygambit_game.to_arrays(dtype=Fraction)):
            for index, value in np.ndenumerate(array):
                arrays[i][index] = simplify_exact(Fraction(value))
    else:
        for index in np.ndindex(shape):
            outcome = pygambit_game[index]
            if outcome is None:  # the null outcome: every payoff zero (to_arrays fails on it in 16)
                continue
            for i, player in enumerate(players_of):
                arrays[i][index] = simplify_exact(Fraction(outcome[player]))  # Rational or Decimal, exactly
    players = _unique([p.label for p in pygambit_game.players])
    actions = [_unique([s.label for s in p.strategies]) for p in pygambit_game.players]
    return _from_arrays(list(arrays), actions, players, "pygambit_game")
