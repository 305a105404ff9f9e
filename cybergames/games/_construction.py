r"""Friendlier ways to build a :class:`~cybergames.games.NormalFormGame`.

The constructor takes *one payoff array per player* (``payoffs[i][a_1, ...,
a_n]``). Users of the neighbouring libraries hold their games differently:

* nashpy and most textbooks: two matrices, ``A`` for the row player and ``B``
  for the column player (:func:`from_bimatrix`);
* QuantEcon: one *payoff-profile* array of shape ``n_1 x ... x n_N x N`` whose
  last axis lists the players' payoffs at a profile (:func:`from_payoff_profiles`);
* a payoff *function* of the profile, for n-player games written as formulas
  (:func:`from_function`).

A single numpy array whose shape fits both the per-player layout
``(N, n_1, ..., n_N)`` and the payoff-profile layout ``(n_1, ..., n_N, N)`` (a
2x2x2 array, for instance) is ambiguous: the constructor reads it per player,
as its contract says, and warns with :class:`AmbiguousLayoutWarning`. Pass
``list(array)`` to mean per-player arrays, or use :func:`from_payoff_profiles`.
Nested lists are never ambiguous: a list holds one array per player.
"""

from __future__ import annotations

import itertools
import math
import numbers
import warnings
from typing import Any, Callable, Sequence

import numpy as np

from ..errors import GameError

__all__ = ["AmbiguousLayoutWarning", "MAX_PROFILES", "from_bimatrix", "from_payoff_profiles", "from_function"]

#: The most pure profiles :func:`from_function` evaluates (raise it by passing ``max_profiles=``).
MAX_PROFILES = 10**6


class AmbiguousLayoutWarning(UserWarning):
    """A payoff array fits both the per-player and the QuantEcon payoff-profile layout."""


def warn_if_ambiguous(raw: Any) -> None:
    """Warn when a single numpy array could be per-player arrays or QuantEcon payoff profiles."""
    if not isinstance(raw, np.ndarray) or raw.ndim < 3:
        return
    players = raw.ndim - 1
    if raw.shape[0] == players and raw.shape[-1] == players:
        warnings.warn(
            f"payoffs: an array of shape {raw.shape} fits both one array per player (players first, read so) "
            f"and QuantEcon's payoff profiles (players last); pass list(array) for the first or "
            f"NormalFormGame.from_payoff_profiles(array) for the second", AmbiguousLayoutWarning, stacklevel=4)


def _matrix(values: Any, name: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=object) if not isinstance(values, np.ndarray) else values
    except (ValueError, TypeError) as exc:
        raise GameError(f"{name}: expected a matrix (rows of numbers), got {values!r}") from exc
    if array.ndim != 2:
        raise GameError(f"{name}: expected a matrix (2 axes: row actions x column actions), "
                        f"got shape {array.shape}")
    return array


def from_bimatrix(cls: type, A: Any, B: Any, actions: Any = None, players: Any = None) -> Any:
    r"""A two-player game from the row player's matrix ``A`` and the column player's ``B`` (nashpy's order).

    ``A[r, c]`` and ``B[r, c]`` are the payoffs when the row player plays ``r``
    and the column player ``c``; the result equals ``NormalFormGame([A, B])``.

    Raises
    ------
    GameError
        If ``A`` or ``B`` is not a matrix or their shapes differ.

    Examples
    --------
    >>> from cybergames import NormalFormGame
    >>> game = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> game == NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]])
    True
    """
    a, b = _matrix(A, "A"), _matrix(B, "B")
    if a.shape != b.shape:
        raise GameError(f"A, B: expected matrices of equal shape, got {a.shape} and {b.shape}")
    return cls([A, B], actions, players)


def from_payoff_profiles(cls: type, array: Any, actions: Any = None, players: Any = None) -> Any:
    r"""A game from QuantEcon's payoff-profile array of shape ``n_1 x ... x n_N x N``.

    ``array[a_1, ..., a_N, i]`` is player ``i``'s payoff at the profile
    :math:`(a_1, \dots, a_N)` (``quantecon.game_theory.NormalFormGame(array)``
    takes the same array).

    Raises
    ------
    GameError
        If the last axis does not hold one payoff per player (its length must be
        the number of the other axes).

    Examples
    --------
    >>> import numpy as np
    >>> from cybergames import NormalFormGame
    >>> profiles = np.array([[[3, 3], [0, 5]], [[5, 0], [1, 1]]])   # a prisoner's dilemma, (row, col) payoffs
    >>> NormalFormGame.from_payoff_profiles(profiles).payoff((1, 0))
    (5, 0)
    """
    try:
        values = array if isinstance(array, np.ndarray) else np.asarray(array, dtype=object)
    except (ValueError, TypeError) as exc:
        raise GameError(f"array: expected a rectangular payoff-profile array, got {array!r}") from exc
    if values.ndim < 2 or values.shape[-1] != values.ndim - 1:
        raise GameError(f"array: expected shape n_1 x ... x n_N x N (the last axis one payoff per player, "
                        f"N = the number of other axes), got shape {values.shape}")
    return cls([values[..., i] for i in range(values.shape[-1])], actions, players)


def _action_labels(actions: Any) -> tuple[list[Any], list[str]]:
    if isinstance(actions, (str, bytes)) or not isinstance(actions, Sequence) or not actions:
        raise GameError(f"actions: expected, per player, an action count or a sequence of labels; got {actions!r}")
    given, labels = [], []
    for i, item in enumerate(actions):
        if isinstance(item, numbers.Integral) and not isinstance(item, bool):
            if item < 1:
                raise GameError(f"actions[{i}]: expected at least one action, got {item!r}")
            given.append(list(range(int(item))))
            labels.append([str(k) for k in range(int(item))])
        elif isinstance(item, Sequence) and not isinstance(item, (str, bytes)) and len(item) > 0:
            given.append(list(item))
            labels.append([str(label) for label in item])
        else:
            raise GameError(f"actions[{i}]: expected an action count (int >= 1) or a non-empty sequence of "
                            f"labels, got {item!r}")
    return given, labels


def from_function(cls: type, actions: Any, f: Callable[..., Any], players: Any = None, *,
                  max_profiles: int = MAX_PROFILES) -> Any:
    r"""An n-player game whose payoffs at a profile are ``f(profile)``.

    Parameters
    ----------
    actions : sequence
        Per player, the number of actions or a sequence of action labels.
    f : callable
        Called once per pure profile with a tuple of actions (the labels as
        given, or indices ``0, 1, ...`` for a count); returns one payoff per
        player.
    players : sequence of str, optional
        Player labels.
    max_profiles : int, keyword-only
        The most profiles evaluated (default :data:`MAX_PROFILES` = 10**6);
        raise it for larger games.

    Raises
    ------
    GameError
        If ``actions`` is malformed, the game has more than ``max_profiles``
        profiles, or ``f`` does not return one number per player.

    Examples
    --------
    A three-player public-goods game: each contributes 1 or 0, the pot is
    doubled and shared equally.

    >>> from fractions import Fraction
    >>> from cybergames import NormalFormGame
    >>> def payoff(profile):
    ...     pot = 2 * sum(profile)
    ...     return tuple(Fraction(pot, 3) - c for c in profile)
    >>> game = NormalFormGame.from_function([[0, 1]] * 3, payoff)
    >>> game.payoff(("1", "1", "0"))
    (Fraction(1, 3), Fraction(1, 3), Fraction(4, 3))
    """
    given, labels = _action_labels(actions)
    if isinstance(max_profiles, bool) or not isinstance(max_profiles, numbers.Integral) or max_profiles < 1:
        raise GameError(f"max_profiles: expected a positive int, got {max_profiles!r}")
    shape = tuple(len(g) for g in given)
    count = math.prod(shape)
    if count > max_profiles:
        raise GameError(f"actions: the game has {count} pure profiles, more than max_profiles={max_profiles}; "
                        f"pass max_profiles= to allow more")
    if not callable(f):
        raise GameError(f"f: expected a callable profile -> payoffs, got {f!r}")
    n = len(shape)
    arrays = [np.empty(shape, dtype=object) for _ in range(n)]
    for index in itertools.product(*(range(k) for k in shape)):
        profile = tuple(given[i][k] for i, k in enumerate(index))
        values = f(profile)
        if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)) or len(values) != n:
            raise GameError(f"f{profile!r}: expected {n} payoffs (one per player), got {values!r}")
        for i in range(n):
            arrays[i][index] = values[i].item() if isinstance(values[i], np.generic) else values[i]
    return cls(arrays, labels, players)
