"""Validation and arithmetic of pure and mixed profiles, shared by games and solvers."""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from ..errors import GameError, ProbabilityError

if TYPE_CHECKING:  # pragma: no cover
    from .normal_form import NormalFormGame


def _is_index(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def _is_sequence(value: Any) -> bool:
    """A list, tuple or array with at least one axis (not a string)."""
    if isinstance(value, np.ndarray):
        return value.ndim > 0
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))


def player_index(game: "NormalFormGame", player: Any, name: str = "player") -> int:
    """The index of a player given by index or label."""
    if _is_index(player):
        if 0 <= player < game.num_players:
            return int(player)
        raise GameError(f"{name}: expected a player index in 0..{game.num_players - 1} "
                        f"or a label in {game.players}, got {player!r}")
    if isinstance(player, str) and player in game.players:
        return game.players.index(player)
    raise GameError(f"{name}: expected a player index in 0..{game.num_players - 1} "
                    f"or a label in {game.players}, got {player!r}")


def action_index(game: "NormalFormGame", i: int, action: Any, name: str) -> int:
    """The index of player ``i``'s action given by index or label."""
    size = game.shape[i]
    if _is_index(action):
        if 0 <= action < size:
            return int(action)
    elif isinstance(action, str) and action in game.actions[i]:
        return game.actions[i].index(action)
    raise GameError(f"{name}: expected an action of player {game.players[i]!r} "
                    f"(index 0..{size - 1} or label in {game.actions[i]}), got {action!r}")


def pure_profile(game: "NormalFormGame", profile: Any, name: str) -> tuple[int, ...]:
    """A pure profile (labels or indices) as a tuple of indices."""
    if not _is_sequence(profile):
        raise GameError(f"{name}: expected one action per player, got {profile!r}")
    if len(profile) != game.num_players:
        raise GameError(f"{name}: expected {game.num_players} actions (one per player), "
                        f"got {len(profile)}: {profile!r}")
    return tuple(action_index(game, i, a, f"{name}[{i}]") for i, a in enumerate(profile))


def mixed_action(game: "NormalFormGame", i: int, value: Any, name: str, *,
                 tol: float = DEFAULT_TOL) -> np.ndarray:
    """Player ``i``'s mixed action as a probability vector in the game's number kind."""
    size = game.shape[i]
    if isinstance(value, str) or _is_index(value):
        k = action_index(game, i, value, name)
        vector = [0] * size
        vector[k] = 1
        kind = _numbers.EXACT
    else:
        entries = None
        if isinstance(value, (Sequence, np.ndarray)) and not isinstance(value, (bytes, dict)):
            try:
                array = np.asarray(value, dtype=object)
            except (ValueError, TypeError):       # ragged nesting
                array = None
            if array is not None and array.ndim == 1:
                entries = list(array)
        if entries is None or len(entries) != size:
            raise GameError(f"{name}: expected an action label or {size} probabilities for player "
                            f"{game.players[i]!r}, got {value!r}")
        vector = [_numbers.normalise(p, f"{name}", ProbabilityError) for p in entries]
        kind = _numbers.kind_of(vector)
        if kind == _numbers.SYMBOLIC:
            # as _numbers.require, with the message (a repr of long algebraic numbers) built only on failure
            total = sympy.simplify(sum(vector) - 1)
            if sympy.sympify(sympy.Eq(total, 0)) is sympy.false:
                raise ProbabilityError(f"{name}: probabilities must sum to one, got {value!r}")
            for p in vector:
                if sympy.sympify(sympy.sympify(p) >= 0) is sympy.false:
                    raise ProbabilityError(f"{name}: probabilities must be non-negative, got {value!r}")
        elif kind == FLOAT:
            try:
                vector = [float(p) for p in vector]
            except OverflowError as exc:       # an exact number too large for a float
                raise ProbabilityError(f"{name}: expected probabilities in [0, 1], got {value!r}") from exc
            if any(p < -tol for p in vector) or abs(sum(vector) - 1) > tol * size:
                raise ProbabilityError(f"{name}: expected non-negative probabilities summing to one, "
                                       f"got {value!r}")
        elif any(p < 0 for p in vector) or sum(vector) != 1:
            raise ProbabilityError(f"{name}: expected non-negative probabilities summing to one, "
                                   f"got {value!r}")
    if game.is_symbolic or kind == _numbers.SYMBOLIC:
        # sympy arithmetic: floats become sympy Floats so that they mix with symbols
        return _numbers.object_array([sympy.Float(p) if isinstance(p, float) else p for p in vector])
    if game.kind == FLOAT or kind == FLOAT:
        return _numbers.frozen(np.array(vector, dtype=float))
    return _numbers.object_array(vector)


def mixed_profile(game: "NormalFormGame", profile: Any, name: str, *, ignore: int | None = None,
                  tol: float = DEFAULT_TOL) -> tuple[np.ndarray | None, ...]:
    """A profile of mixed actions; the entry of player ``ignore`` is returned as None."""
    if not _is_sequence(profile):
        raise GameError(f"{name}: expected one (mixed) action per player, got {profile!r}")
    if len(profile) != game.num_players:
        raise GameError(f"{name}: expected {game.num_players} entries (one per player), "
                        f"got {len(profile)}: {profile!r}")
    return tuple(None if i == ignore else mixed_action(game, i, v, f"{name}[{i}]", tol=tol)
                 for i, v in enumerate(profile))


def action_payoffs(payoff: np.ndarray, mixed: Sequence[np.ndarray | None], i: int) -> np.ndarray:
    """Payoff of each action of player ``i`` when the others play ``mixed`` (entry ``i`` unused)."""
    result = payoff
    # contract the axes from the last to the first so that axis numbers stay valid
    for j in reversed(range(len(mixed))):
        if j == i:
            continue
        result = np.tensordot(result, mixed[j], axes=([j], [0]))
    return np.asarray(result)


def expected(payoff: np.ndarray, mixed: Sequence[np.ndarray]) -> Any:
    """Expected payoff of one player's array under a full mixed profile."""
    result = payoff
    for j in reversed(range(len(mixed))):
        result = np.tensordot(result, mixed[j], axes=([j], [0]))
    value = np.asarray(result).item()
    return _numbers.simplify_exact(value) if isinstance(value, Fraction) else value


def permutation(order: Any, size: int, name: str) -> list[int]:
    """Validate a permutation of ``range(size)`` given as a sequence of indices."""
    items = None
    if isinstance(order, (Sequence, np.ndarray)) and not isinstance(order, (str, bytes)) \
            and all(_is_index(k) for k in order):   # entries of a 2-D array are rows: refused
        items = [int(k) for k in order]
    if items is None or sorted(items) != list(range(size)):
        raise GameError(f"{name}: expected a permutation of 0..{size - 1}, got {order!r}")
    return items


def format_number(value: Any) -> str:
    """A compact display of one payoff."""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def table(game: "NormalFormGame") -> str:
    """A bimatrix for two players; one line per profile for other numbers of players."""
    if game.num_players == 2:
        rows, cols = game.actions
        cells = [[", ".join(format_number(a[r, c]) for a in game.payoffs) for c in range(len(cols))]
                 for r in range(len(rows))]
        width = max([len(x) for row in cells for x in row] + [len(c) for c in cols])
        label_width = max(len(r) for r in rows)
        lines = [" " * label_width + "".join(f"  {c:>{width}}" for c in cols)]
        for label, row in zip(rows, cells):
            lines.append(f"{label:<{label_width}}" + "".join(f"  {x:>{width}}" for x in row))
        return "\n".join(lines)
    lines = [" | ".join(game.players) + "  ->  payoffs"]
    for index in np.ndindex(*game.shape):
        labels = " | ".join(game.actions[j][k] for j, k in enumerate(index))
        values = ", ".join(format_number(a[index]) for a in game.payoffs)
        lines.append(f"{labels}  ->  {values}")
    return "\n".join(lines)
