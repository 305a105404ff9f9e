r"""Conversion to and from nashpy and QuantEcon games (each imported only when used).

Conventions. All three libraries, like cybergames, let players maximise and
number actions from the first. nashpy has two players: the row player's matrix
``A`` is ``payoffs[0]`` and the column player's ``B`` is ``payoffs[1]``, both
indexed ``[row, column]``. QuantEcon gives each player its own payoff array
with *its own* action on the first axis, followed by the actions of players
:math:`i+1, \dots, n-1, 0, \dots, i-1`:

.. math:: \text{quantecon}_i[a_i, a_{i+1}, \dots, a_{n-1}, a_0, \dots, a_{i-1}]
          = \text{payoffs}[i][a_0, \dots, a_{n-1}],

so for two players the column player's array is the transpose of ``B``.

Numbers. nashpy and QuantEcon compute with numpy arrays. By default
(``dtype=None``) a game whose payoffs are all integers goes over as ``int64``
(exactly), any other exact or float game as ``float64``; a Fraction then
becomes its nearest float, so pass ``dtype=object`` to keep Fractions (nashpy's
linear-algebra solvers cannot use them, its payoff look-ups can). A symbolic
game must be substituted first. Integer arrays come back as exact games and
float arrays as float games.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import GameError, ParameterError
from .normal_form import NormalFormGame

__all__ = ["to_nashpy", "from_nashpy", "to_quantecon", "from_quantecon"]

_INT64 = np.iinfo(np.int64)


def _need(module: str, function: str):
    import importlib
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        package = module.split(".")[0]
        raise ImportError(f"{function} needs the {package} package: pip install {package}") from exc


def _numeric(game: Any, function: str) -> NormalFormGame:
    if not isinstance(game, NormalFormGame):
        raise GameError(f"game: {function} expected a cybergames NormalFormGame, got {type(game).__name__}")
    if game.is_symbolic:
        raise GameError(f"game: {function} needs numeric payoffs but the game has the symbols "
                        f"{sorted(map(str, game.free_symbols))}; substitute them with game.subs(...) first")
    return game


def _arrays(game: NormalFormGame, dtype: Any, function: str) -> list[np.ndarray]:
    """Writeable copies of the payoff arrays in the requested (or default) dtype."""
    if dtype is None:
        integral = game.is_exact and all(isinstance(v, int) and _INT64.min <= v <= _INT64.max
                                         for a in game.payoffs for v in a.flat)
        dtype = np.int64 if integral else np.float64
    try:
        dtype = np.dtype(dtype)
    except TypeError as exc:
        raise ParameterError(f"dtype: expected None or a numpy dtype, got {dtype!r}") from exc
    if dtype.kind not in "iufO":
        raise ParameterError(f"dtype: expected an integer, float or object dtype, got {dtype}")
    if dtype.kind in "iu" and not (game.is_exact and all(isinstance(v, int) for a in game.payoffs for v in a.flat)):
        raise GameError(f"game: {function} with dtype={dtype} needs integer payoffs; the game's are "
                        f"{game.kind} and not all integers")
    try:
        return [np.array(a, dtype=dtype) for a in game.payoffs]
    except OverflowError as exc:
        raise GameError(f"game: a payoff does not fit {dtype}: {exc}") from exc


def _from_arrays(arrays: list, actions: Any, players: Any, source: str) -> NormalFormGame:
    converted = []
    for array in arrays:
        array = np.asarray(array)
        if array.dtype.kind == "b":
            raise GameError(f"{source}: payoffs must be numbers, got a boolean array")
        converted.append(array)
    return NormalFormGame(converted, actions, players)


# -------------------------------------------------------------------------- nashpy
def to_nashpy(game: NormalFormGame, *, dtype: Any = None):
    """A two-player game as a :class:`nashpy.Game` (``A`` = row player, ``B`` = column player).

    Parameters
    ----------
    game : NormalFormGame
        A numeric two-player game.
    dtype : numpy dtype, optional
        The arrays' dtype; by default ``int64`` when every payoff is an integer,
        ``float64`` otherwise. ``object`` keeps Fractions.

    Returns
    -------
    nashpy.Game

    Raises
    ------
    GameError
        If the game does not have two players, or is symbolic.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> A, B = to_nashpy(prisoners_dilemma(T=5, R=3, P=1, S=0)).payoff_matrices
    >>> A.tolist(), B.tolist()
    ([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    """
    _numeric(game, "to_nashpy")
    if game.num_players != 2:
        raise GameError(f"game: nashpy games have two players; this game has {game.num_players}")
    nashpy = _need("nashpy", "to_nashpy")
    return nashpy.Game(*_arrays(game, dtype, "to_nashpy"))


def from_nashpy(nashpy_game: Any, actions: Any = None, players: Any = None) -> NormalFormGame:
    """A :class:`NormalFormGame` from a :class:`nashpy.Game` (row player first).

    Integer matrices give an exact game, float matrices a float game.

    Raises
    ------
    GameError
        If ``nashpy_game`` is not a nashpy game or its matrices are not valid payoffs.

    Examples
    --------
    >>> import nashpy
    >>> from_nashpy(nashpy.Game([[1, -1], [-1, 1]]), actions=[["H", "T"], ["H", "T"]]).payoff(("H", "T"))
    (-1, 1)
    """
    nashpy = _need("nashpy", "from_nashpy")
    if not isinstance(nashpy_game, nashpy.Game):
        raise GameError(f"nashpy_game: expected a nashpy.Game, got {type(nashpy_game).__name__}")
    return _from_arrays(list(nashpy_game.payoff_matrices), actions, players, "nashpy_game")


# ----------------------------------------------------------------------- QuantEcon
def _order(i: int, n: int) -> list[int]:
    return [(i + k) % n for k in range(n)]


def to_quantecon(game: NormalFormGame, *, dtype: Any = None):
    """The game as a QuantEcon ``quantecon.game_theory.NormalFormGame``.

    Player ``i``'s QuantEcon payoff array has ``i``'s own action on the first
    axis, then players ``i+1, ..., n-1, 0, ..., i-1`` (see the module notes).

    Parameters
    ----------
    game : NormalFormGame
        A numeric game.
    dtype : numpy dtype, optional
        As in :func:`to_nashpy`: ``int64`` for integer games, ``float64`` otherwise.

    Raises
    ------
    GameError
        If the game is symbolic.
    ImportError
        If quantecon is not installed.

    Examples
    --------
    >>> from cybergames import trust_game
    >>> g = to_quantecon(trust_game())
    >>> g.players[1].payoff_array.tolist() == trust_game().payoffs[1].T.tolist()
    True
    """
    _numeric(game, "to_quantecon")
    game_theory = _need("quantecon.game_theory", "to_quantecon")
    arrays = _arrays(game, dtype, "to_quantecon")
    n = game.num_players
    players = [game_theory.Player(np.ascontiguousarray(np.transpose(a, _order(i, n))))
               for i, a in enumerate(arrays)]
    return game_theory.NormalFormGame(players)


def from_quantecon(quantecon_game: Any, actions: Any = None, players: Any = None) -> NormalFormGame:
    """A :class:`NormalFormGame` from a QuantEcon ``NormalFormGame``; the inverse of :func:`to_quantecon`.

    Raises
    ------
    GameError
        If ``quantecon_game`` is not a QuantEcon normal-form game.

    Examples
    --------
    >>> from cybergames import chicken
    >>> from_quantecon(to_quantecon(chicken()), chicken().actions, chicken().players) == chicken()
    True
    """
    game_theory = _need("quantecon.game_theory", "from_quantecon")
    if not isinstance(quantecon_game, game_theory.NormalFormGame):
        raise GameError(f"quantecon_game: expected a quantecon.game_theory.NormalFormGame, "
                        f"got {type(quantecon_game).__name__}")
    n = quantecon_game.N
    arrays = [np.transpose(player.payoff_array, np.argsort(_order(i, n)))
              for i, player in enumerate(quantecon_game.players)]
    return _from_arrays(arrays, actions, players, "quantecon_game")
