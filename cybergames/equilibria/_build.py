"""Shared by the solvers: argument checks and the construction of checked equilibria."""

from __future__ import annotations

import itertools
import math
import numbers
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import _numbers
from .._numbers import FLOAT
from ..errors import GameError, ParameterError, SolverError
from ..games import _profiles
from ..games.normal_form import NormalFormGame
from .result import Equilibrium


class NotAnEquilibrium(SolverError):
    """A candidate failed the best-response check (internal: the caller falls back or reports a bug)."""


def check_game(game: Any, function: str) -> NormalFormGame:
    """``game`` if it is a numeric :class:`NormalFormGame`; a :class:`GameError` otherwise."""
    if not isinstance(game, NormalFormGame):
        raise GameError(f"game: {function} expected a NormalFormGame, got {type(game).__name__} {game!r:.80}")
    if game.is_symbolic:
        symbols = ", ".join(sorted(str(s) for s in game.free_symbols))
        raise GameError(f"game: {function} needs numeric payoffs, but this game depends on the symbols "
                        f"{symbols}; substitute numbers first with game.subs(...)")
    return game


def check_tol(tol: Any) -> float:
    """``tol`` as a float in (0, 1); a :class:`ParameterError` otherwise."""
    if isinstance(tol, (bool, np.bool_)) or not isinstance(tol, numbers.Real):
        raise ParameterError(f"tol: expected a positive number below 1, got {tol!r}")
    value = float(tol)
    if not math.isfinite(value) or not 0 < value < 1:
        raise ParameterError(f"tol: expected a positive number below 1, got {tol!r}")
    return value


def check_flag(value: Any, name: str) -> bool:
    """A bool argument; a :class:`ParameterError` for anything else."""
    if not isinstance(value, (bool, np.bool_)):
        raise ParameterError(f"{name}: expected True or False, got {value!r}")
    return bool(value)


def _action_values(payoff: np.ndarray, strategies: Sequence[np.ndarray], i: int) -> np.ndarray:
    """The payoff of each of player ``i``'s actions against the others' mixed actions."""
    pure = [np.flatnonzero(s) for s in strategies]
    if all(len(p) == 1 for j, p in enumerate(pure) if j != i):
        index = tuple(slice(None) if j == i else int(p[0]) for j, p in enumerate(pure))
        return payoff[index]
    return _profiles.action_payoffs(payoff, [None if j == i else s for j, s in enumerate(strategies)], i)


def equilibrium(game: NormalFormGame, strategies: Sequence[np.ndarray], tol: float) -> Equilibrium:
    """The :class:`Equilibrium` of ``strategies`` in ``game``, after checking every best response.

    Exact games must have gains exactly 0; in float games every action played
    must earn within ``tol * max|u_i|`` of the best. Raises
    :class:`NotAnEquilibrium` otherwise.
    """
    is_float = game.kind == FLOAT
    stored = []
    for vector in strategies:
        if is_float:
            array = np.array(vector, dtype=float)
        else:
            array = np.empty(len(vector), dtype=object)
            array[:] = [_numbers.simplify_exact(Fraction(v)) if not isinstance(v, int) else v
                        for v in vector]
        array.flags.writeable = False
        stored.append(array)
    payoffs, gains, support = [], [], []
    for i, payoff in enumerate(game.payoffs):
        values = _action_values(payoff, stored, i)
        value = values.dot(stored[i])
        best = values.max()
        gain = best - value
        if is_float:
            value, gain = float(value), float(gain)
            played = np.asarray(stored[i]) > 0
            if (best - np.asarray(values, dtype=float)[played]).max() > game_tolerance(payoff, tol):
                raise NotAnEquilibrium(f"player {i} plays an action that is not a best response")
        else:
            value, gain = _numbers.simplify_exact(Fraction(value)), _numbers.simplify_exact(Fraction(gain))
            if gain != 0:
                raise NotAnEquilibrium(f"player {i} gains {gain} by deviating")
        payoffs.append(value)
        gains.append(gain)
        support.append(tuple(label for label, p in zip(game.actions[i], stored[i]) if p > 0))
    return Equilibrium(tuple(stored), tuple(payoffs), tuple(gains), tuple(support), game)


def game_tolerance(payoff: Any, tol: float) -> float:
    """The slack of a float best-response comparison: ``tol`` times the player's payoff scale."""
    return tol * _numbers.scale_of(payoff)


def float_pair_equilibria(game: NormalFormGame, X: np.ndarray, Y: np.ndarray, tol: float,
                          scales: tuple | None = None) -> list[Equilibrium]:
    """The equilibria ``(X[k], Y[k])`` of a float two-player game (one row per pair), checked all at once.

    The same checks as :func:`equilibrium` (every action played is a best
    response within the tolerance), vectorised over the pairs. Raises
    :class:`NotAnEquilibrium` if some pair is not a mutual best response. ``scales``, if known, are
    the players' largest payoff magnitudes.
    """
    A, B = game.payoffs
    if not len(X):
        return []
    X.flags.writeable = False
    Y.flags.writeable = False
    against_y = Y @ A.T                  # row player's payoff of each action
    against_x = X @ B                    # column player's payoff of each action
    value_1 = np.einsum("ek,ek->e", X, against_y)
    value_2 = np.einsum("ek,ek->e", against_x, Y)
    best_1, best_2 = against_y.max(axis=1), against_x.max(axis=1)
    gain_1, gain_2 = best_1 - value_1, best_2 - value_2
    played_x, played_y = X > 0, Y > 0
    # every action played must be a best response (within the tolerance), not only the mix
    short_1 = (best_1[:, None] - against_y)[played_x].max()
    short_2 = (best_2[:, None] - against_x)[played_y].max()
    scale_1, scale_2 = scales if scales is not None else (float(np.abs(A).max()), float(np.abs(B).max()))
    if short_1 > tol * scale_1 or short_2 > tol * scale_2:
        raise NotAnEquilibrium("a float vertex pair is not a mutual best response")
    labels_x, labels_y = game.actions
    supports_x = [tuple(itertools.compress(labels_x, row)) for row in played_x.tolist()]
    supports_y = [tuple(itertools.compress(labels_y, row)) for row in played_y.tolist()]
    values = zip(X, Y, value_1.tolist(), value_2.tolist(), gain_1.tolist(), gain_2.tolist(), supports_x, supports_y)
    return [Equilibrium((x, y), (v1, v2), (g1, g2), (sx, sy), game) for x, y, v1, v2, g1, g2, sx, sy in values]
