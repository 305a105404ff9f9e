r"""Pure Nash equilibria of n-player games, vectorised over the payoff arrays.

A pure profile :math:`a` is an equilibrium iff every player's payoff there is
the largest along that player's own axis:

.. math:: u_i(a) = \max_{b_i \in A_i} u_i(b_i, a_{-i}) \quad \text{for all } i.

For each player the maximum over its axis is taken once (``max(axis=i,
keepdims=True)``), broadcast back and compared; the comparisons are AND-ed
over the players. Exact games are compared as int64: the machine-integer
payoffs recorded when the game was built, or else after scaling by the common
denominator (:func:`cybergames._numbers.comparable`), float games with
the tolerance ``tol * max|u_i|`` (relative to the player's payoff scale). No Python loop runs over profiles.
"""

from __future__ import annotations

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from ..games.normal_form import NormalFormGame, comparable_payoffs
from ._build import check_game, check_tol, equilibrium
from .result import EquilibriumSet

__all__ = ["pure_equilibria"]


def _equilibrium_mask(payoffs: list[np.ndarray], tol: float | None) -> np.ndarray:
    """Boolean array over profiles: True where no player gains by a unilateral pure deviation."""
    mask = np.ones(payoffs[0].shape, dtype=bool)
    for i, payoff in enumerate(payoffs):
        best = payoff.max(axis=i, keepdims=True)
        if tol is None:
            mask &= payoff == best
        else:
            mask &= payoff >= best - tol * _numbers.scale_of(payoff)
    return mask


def pure_profiles(game: NormalFormGame, tol: float) -> np.ndarray:
    """The pure equilibria of a numeric game as an ``(E, n)`` array of action indices (lexicographic)."""
    if game.kind == FLOAT:
        return np.argwhere(_equilibrium_mask(list(game.payoffs), tol))
    return np.argwhere(_equilibrium_mask(list(comparable_payoffs(game)), None))


def pure_equilibria(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> EquilibriumSet:
    r"""Every pure Nash equilibrium of a game with any number of players.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game (exact or float).
    tol : float, optional
        Float games only: a payoff within ``tol * max|u_i|`` of the best counts as best (relative to
        the player's payoff scale, so that scaling a game changes nothing).

    Returns
    -------
    EquilibriumSet
        The pure equilibria in lexicographic order of their profiles, with
        ``method="pure"`` and ``complete=False`` (mixed equilibria are not searched).

    Raises
    ------
    GameError
        If ``game`` is not a :class:`NormalFormGame` or is symbolic.
    ParameterError
        If ``tol`` is not a positive finite number.

    Examples
    --------
    >>> from cybergames import public_goods
    >>> [eq.profile for eq in pure_equilibria(public_goods(n=3, multiplier=2, cost=1))]
    [('D', 'D', 'D')]
    """
    check_game(game, "pure_equilibria")
    tol = check_tol(tol)
    profiles = pure_profiles(game, tol)
    equilibria = tuple(equilibrium(game, _one_hot(game, row), tol) for row in profiles)
    return EquilibriumSet(equilibria, game=game, method="pure", exact=game.kind != FLOAT,
                          complete=False, degenerate=None)


def _one_hot(game: NormalFormGame, row: np.ndarray) -> list[np.ndarray]:
    strategies = []
    for size, k in zip(game.shape, row):
        if game.kind == FLOAT:
            vector = np.zeros(size)
            vector[k] = 1.0
        else:
            vector = np.zeros(size, dtype=object)
            vector[...] = 0
            vector[k] = 1
        strategies.append(vector)
    return strategies
