"""Argument checks shared by the dynamics: games, times, counts, seeds, callbacks, initial states."""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL, EXACT, FLOAT
from ..equilibria._build import check_game
from ..errors import GameError, ParameterError, ProbabilityError
from ..games import _profiles
from ..games.normal_form import NormalFormGame
from ..games.predicates import is_symmetric


def game_of(game: Any, function: str) -> NormalFormGame:
    """A numeric game (exact or float); GameError otherwise."""
    return check_game(game, function)


def symmetric_game_of(game: Any, function: str) -> NormalFormGame:
    """A numeric two-player symmetric game (``payoffs[1] == payoffs[0].T``); GameError otherwise."""
    game = check_game(game, function)
    if game.num_players != 2 or game.shape[0] != game.shape[1] or not is_symmetric(game):
        raise GameError(f"game: {function} needs a symmetric two-player game (payoffs[1] equal to "
                        f"payoffs[0] transposed), got a game of shape {game.shape}")
    return game


def real(value: Any, name: str, error: type = ParameterError) -> Any:
    """An int, Fraction or float (not bool, NaN or infinite); ``error`` otherwise."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise error(f"{name}: expected a real number, got {value!r}")
    value = _numbers.normalise(value, name, error)
    return value


def positive(value: Any, name: str) -> Any:
    """A real number > 0 (``horizon``, ``step``, ``noise``)."""
    value = real(value, name)
    if value <= 0:
        raise ParameterError(f"{name}: expected a positive number, got {value!r}")
    return value


def non_negative(value: Any, name: str) -> Any:
    """A real number >= 0."""
    value = real(value, name)
    if value < 0:
        raise ParameterError(f"{name}: expected a number >= 0, got {value!r}")
    return value


def count(value: Any, name: str, minimum: int, bound: str) -> int:
    """An integer >= ``minimum`` within the limit ``bound`` of :mod:`cybergames.limits`."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ParameterError(f"{name}: expected an integer >= {minimum}, got {value!r}")
    value = int(value)
    if value < minimum:
        raise ParameterError(f"{name}: expected an integer >= {minimum}, got {value!r}")
    limits.check(name, value, bound)
    return value


def epsilon_of(value: Any, name: str = "epsilon") -> Any:
    """A mutation probability strictly between 0 and 1 (exact or float)."""
    value = real(value, name, ProbabilityError)
    if not 0 < value < 1:
        raise ProbabilityError(f"{name}: expected a probability strictly between 0 and 1, got {value!r}")
    return value


def generator(seed: Any) -> np.random.Generator:
    """A numpy Generator from None, an int seed or a Generator (used as is)."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ParameterError(f"seed: expected None, a non-negative integer or a numpy Generator, got {seed!r}")
    return np.random.default_rng(int(seed))


def callback(progress: Any) -> Callable[[int, int], Any] | None:
    """None or a callable ``progress(done, total)``."""
    if progress is not None and not callable(progress):
        raise ParameterError(f"progress: expected None or a callable progress(done, total), got {progress!r}")
    return progress


def reporter(progress: Callable | None, total: int) -> Callable[[int], None]:
    """A function of the number done that calls ``progress`` about a hundred times over ``total``."""
    if progress is None:
        return lambda done: None
    every = max(1, total // 100)

    def report(done: int) -> None:
        if done % every == 0 or done == total:
            progress(done, total)
    return report


def kind_of_game(game: NormalFormGame, *values: Any) -> str:
    """``"float"`` if the game or any of ``values`` is a float, else ``"exact"``."""
    if game.kind == FLOAT or any(isinstance(v, float) for v in values):
        return FLOAT
    return EXACT


def uniform(size: int, kind: str) -> np.ndarray:
    """The uniform distribution on ``size`` points, read-only, in the storage of ``kind``."""
    if kind == FLOAT:
        return _numbers.frozen(np.full(size, 1.0 / size))
    return _numbers.object_array([Fraction(1, size)] * size)


def initial_profile(game: NormalFormGame, initial: Any, kind: str, *, tol: float = DEFAULT_TOL) -> list:
    """One mixed action per player (default: uniform), as float or exact vectors of ``kind``."""
    if initial is None:
        return [uniform(k, kind) for k in game.shape]
    mixed = _profiles.mixed_profile(game, initial, "initial", tol=tol)
    return [as_kind(m, kind) for m in mixed]


def initial_population(game: NormalFormGame, initial: Any, kind: str, *, tol: float = DEFAULT_TOL) -> np.ndarray:
    """One population's mixed action (default: uniform) in a symmetric game."""
    if initial is None:
        return uniform(game.shape[0], kind)
    vector = _profiles.mixed_action(game, 0, initial, "initial", tol=tol)
    return as_kind(vector, kind)


def as_kind(vector: np.ndarray, kind: str) -> np.ndarray:
    """A probability vector as float64 or as an object array of exact numbers."""
    if kind == FLOAT:
        return np.array(vector, dtype=float)
    return np.array([_numbers.normalise(v, "initial", ProbabilityError) for v in vector], dtype=object)


def payoff_arrays(game: NormalFormGame, kind: str) -> tuple:
    """The payoff arrays as float64 (float kind) or object arrays of exact numbers."""
    if kind == FLOAT:
        return tuple(np.asarray(p, dtype=float) for p in game.payoffs)
    return tuple(game.payoffs)


def best_response_indices(values: np.ndarray, kind: str, tol: float, scale: float = 0.0) -> np.ndarray:
    """Indices of the maxima of ``values`` (for floats within ``tol`` times the larger of ``scale`` and ``|values|``).

    ``scale`` is the size of the payoffs the values are made of (times the total
    weight when they are unnormalised sums), so that the tie tolerance is
    relative to the game at any scale: a floor of 1 made it absolute for payoffs
    below 1, and every action a best response at 1e-300.
    """
    best = max(values)
    if kind == FLOAT:
        slack = tol * max(scale, float(np.max(np.abs(values))))
        return np.flatnonzero(values >= best - slack)
    return np.array([k for k, v in enumerate(values) if v == best])


def finite_float(value: Any, name: str) -> float:
    """A finite float (for plotting bounds and tolerances)."""
    value = float(real(value, name))
    if not math.isfinite(value):
        raise ParameterError(f"{name}: expected a finite number, got {value!r}")
    return value
