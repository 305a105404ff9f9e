r"""Finite games in normal (strategic) form.

A game has players :math:`i = 1, \dots, n`, finite action sets :math:`A_i` and
payoff functions :math:`u_i : A_1 \times \dots \times A_n \to \mathbb{R}`; here
``payoffs[i]`` is the array of :math:`u_i` with one axis per player, in player
order. Players maximise. A *mixed action* :math:`\sigma_i` is a probability
vector over :math:`A_i` in action order, and a mixed profile's payoff is the
multilinear extension

.. math:: u_i(\sigma) = \sum_{a \in A} u_i(a) \prod_j \sigma_j(a_j).

Payoffs are floats (stored as float64), exact numbers (``int``, ``Fraction``;
sympy rationals are converted to these) or sympy expressions (a *symbolic*
game). A game is immutable; :meth:`NormalFormGame.subs` and the relabelling
methods return new games.
"""

from __future__ import annotations

import itertools
import numbers
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, EXACT, FLOAT, SYMBOLIC
from ..errors import GameError
from . import _construction, _profiles

__all__ = ["NormalFormGame"]


def _normalised_array(values: Any, name: str) -> tuple[np.ndarray, str]:
    """A copy of ``values`` with normalised numbers, and its kind.

    Numeric numpy arrays take a vectorised path (a float array stays float64,
    an integer array becomes Python ints); anything else is checked entry by entry.
    """
    if isinstance(values, np.ndarray) and values.dtype.kind in "iuf":
        if values.ndim == 0:
            raise GameError(f"{name}: expected an array with one axis per player, got the scalar {values!r}")
        if values.dtype.kind != "f":
            return values.astype(object), EXACT
        with np.errstate(over="ignore"):
            array = values.astype(float)
        finite = np.isfinite(array)
        if not finite.all():
            index = np.unravel_index(int(np.argmin(finite)), array.shape)
            raise GameError(f"{name}{list(map(int, index))}: expected a finite number, "
                            f"got {values[index]!r}")
        return array, FLOAT
    try:
        array = np.array(values, dtype=object)
    except (ValueError, TypeError) as exc:
        raise GameError(f"{name}: expected a rectangular array of numbers, got {values!r}") from exc
    if array.ndim == 0:
        raise GameError(f"{name}: expected an array with one axis per player, got the scalar {values!r}")
    flat = array.ravel()
    for k, value in enumerate(flat):
        if isinstance(value, (list, tuple, np.ndarray)):
            raise GameError(f"{name}: expected a rectangular array of numbers, got {values!r}")
        index = np.unravel_index(k, array.shape)
        flat[k] = _numbers.normalise(value, f"{name}{list(map(int, index))}", GameError)
    return array, _numbers.kind_of(flat)


def _stored(arrays: list[np.ndarray], kind: str) -> tuple[np.ndarray, ...]:
    """Read-only copies of ``arrays`` in the storage of ``kind``."""
    if kind == SYMBOLIC:
        arrays = [a.astype(object) for a in arrays]
        for a in arrays:
            flat = a.ravel()
            for k, value in enumerate(flat):
                if isinstance(value, float):
                    flat[k] = sympy.Float(value)
    if kind != FLOAT:
        return tuple(_numbers.as_kind(a, kind) for a in arrays)
    stored = []
    for i, a in enumerate(arrays):
        try:
            stored.append(_numbers.as_kind(a, FLOAT))
        except OverflowError as exc:      # an int or Fraction too large for a float
            raise GameError(f"payoffs[{i}]: in a float game every entry must fit a float "
                            f"(|x| < 1.8e308); got an exact number too large") from exc
    return tuple(stored)


#: Exact payoffs below this magnitude are compared as int64 (sums of two stay in range).
_INT64_BOUND = 2**62


def _machine_integers(raw: Any, stored: np.ndarray) -> np.ndarray | None:
    """The exact ``stored`` payoffs as a read-only int64 array if all are ints below 2**62 in magnitude, else None.

    Recorded once at construction so that solvers that only compare payoffs
    (pure equilibria) run in int64 numpy without converting object arrays
    element by element on every call.
    """
    if isinstance(raw, np.ndarray) and raw.dtype.kind in "iu":
        if raw.size and (int(raw.max()) >= _INT64_BOUND or int(raw.min()) <= -_INT64_BOUND):
            return None
        array = raw.astype(np.int64)
    else:
        if not all(type(v) is int for v in stored.flat):
            return None
        try:
            array = np.array(stored.tolist(), dtype=np.int64).reshape(stored.shape)
        except OverflowError:
            return None
        if array.size and (int(array.max()) >= _INT64_BOUND or int(array.min()) <= -_INT64_BOUND):
            return None
    array.flags.writeable = False
    return array


def comparable_payoffs(game: "NormalFormGame") -> tuple[np.ndarray, ...]:
    """Arrays ordered as the game's payoffs, fast to compare: int64 when recorded at construction.

    Float games give their payoffs; exact games the int64 arrays recorded at
    construction when every payoff is a machine integer, else
    :func:`cybergames._numbers.comparable` of each payoff array.
    """
    if game._integers is not None:
        return game._integers
    return tuple(_numbers.comparable(p) for p in game.payoffs)


def _is_matrix(values: Any) -> bool:
    """Whether ``values`` looks like a payoff matrix (numbers in rows) rather than action labels."""
    if isinstance(values, np.ndarray):
        return values.ndim == 2 and values.dtype.kind in "iufcO"
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        return False
    return all(isinstance(row, (Sequence, np.ndarray)) and not isinstance(row, str)
               and (not isinstance(row, np.ndarray) or row.ndim == 1) and len(row) > 0
               and all(isinstance(x, (numbers.Number, sympy.Basic)) for x in row) for row in values)


def _scalar(value: Any) -> Any:
    """A numpy scalar as the Python number it holds; other values unchanged."""
    return value.item() if isinstance(value, np.generic) else value


def _labels(values: Any, count: int, name: str, what: str) -> tuple[str, ...]:
    if values is None:
        return tuple(str(k) for k in range(count))
    if isinstance(values, np.ndarray) and values.ndim == 1:
        values = values.tolist()
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise GameError(f"{name}: expected a sequence of {count} {what} labels (strings), got {values!r}")
    labels = tuple(values)
    if len(labels) != count:
        raise GameError(f"{name}: expected {count} {what} labels, got {len(labels)}: {values!r}")
    for label in labels:
        if not isinstance(label, str) or not label:
            raise GameError(f"{name}: {what} labels must be non-empty strings, got {label!r}")
    if len(set(labels)) != len(labels):
        raise GameError(f"{name}: {what} labels must be unique, got {values!r}")
    return tuple(str(label) for label in labels)    # np.str_ becomes str


@dataclass(frozen=True, eq=False)
class NormalFormGame:
    r"""An n-player finite game in normal form.

    Parameters
    ----------
    payoffs : sequence of arrays
        One array per player, each with one axis per player:
        ``payoffs[i][a_1, ..., a_n]`` is player ``i``'s payoff when player ``j``
        plays its ``a_j``-th action. Entries are floats, ints, Fractions, sympy
        rationals or sympy expressions.
    actions : sequence of sequences of str, optional
        Per player, unique action labels in axis order (default ``"0"``, ``"1"``, ...).
    players : sequence of str, optional
        Unique player labels (default ``"0"``, ``"1"``, ...).

    Raises
    ------
    GameError
        If the arrays are not one per player with one axis per player and equal
        shapes, an entry is not a finite real number or sympy expression, an
        action set is empty, or labels are missing or repeated.

    Notes
    -----
    Float entries make a float game (float64 arrays); otherwise ints and
    Fractions make an exact game and any other sympy expression a symbolic one,
    in which remaining floats become sympy Floats.

    Examples
    --------
    >>> game = NormalFormGame([[[3, 0], [5, 1]], [[3, 5], [0, 1]]], actions=[["C", "D"], ["C", "D"]])
    >>> game.payoff(("D", "C"))
    (5, 0)
    >>> game.best_responses(0, (None, "C"))
    ('D',)
    >>> print(game.table())
           C      D
    C   3, 3   0, 5
    D   5, 0   1, 1
    """

    payoffs: tuple
    actions: tuple | None = None
    players: tuple | None = None

    def __post_init__(self) -> None:
        raw = self.payoffs
        if isinstance(raw, (str, bytes)) or not isinstance(raw, (Sequence, np.ndarray)) \
                or (isinstance(raw, np.ndarray) and raw.ndim == 0):
            raise GameError(f"payoffs: expected one payoff array per player, got {raw!r}")
        _construction.warn_if_ambiguous(raw)
        if len(raw) == 2 and _is_matrix(self.actions):
            raise GameError("payoffs, actions: NormalFormGame(A, B) reads B as action labels; write "
                            "NormalFormGame([A, B]) or NormalFormGame.from_bimatrix(A, B) for the bimatrix game")
        normalised = [_normalised_array(p, f"payoffs[{i}]") for i, p in enumerate(raw)]
        if not normalised:
            raise GameError("payoffs: expected one payoff array per player, got none")
        arrays = [a for a, _ in normalised]
        shapes = [a.shape for a in arrays]
        if len(set(shapes)) != 1 or len(shapes[0]) != len(arrays):
            raise GameError(
                f"payoffs: expected {len(arrays)} arrays (one per player) each with "
                f"{len(arrays)} axes (one per player) and equal shapes; got shapes {shapes}")
        if 0 in shapes[0]:
            raise GameError(f"payoffs: every player needs at least one action; got shape {shapes[0]}")
        kinds = {k for _, k in normalised}
        kind = SYMBOLIC if SYMBOLIC in kinds else FLOAT if FLOAT in kinds else EXACT
        stored = _stored(arrays, kind)
        actions = self.actions
        if actions is not None and (isinstance(actions, str) or not isinstance(actions, Sequence)):
            raise GameError(f"actions: expected one sequence of labels per player, got {actions!r}")
        if actions is not None and len(actions) != len(arrays):
            raise GameError(f"actions: expected {len(arrays)} label sequences (one per player), got {len(actions)}")
        labels = tuple(
            _labels(None if actions is None else actions[i], size, f"actions[{i}]", "action")
            for i, size in enumerate(shapes[0]))
        players = _labels(self.players, len(arrays), "players", "player")
        object.__setattr__(self, "payoffs", stored)
        object.__setattr__(self, "actions", labels)
        object.__setattr__(self, "players", players)
        object.__setattr__(self, "_kind", kind)
        integers = None
        if kind == EXACT:
            integers = tuple(_machine_integers(r, a) for r, a in zip(raw, stored))
            integers = None if any(a is None for a in integers) else integers
        object.__setattr__(self, "_integers", integers)

    # ----------------------------------------------------------------- facts
    @property
    def num_players(self) -> int:
        """The number of players."""
        return len(self.payoffs)

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of actions of each player."""
        return self.payoffs[0].shape

    @property
    def kind(self) -> str:
        """``"exact"``, ``"float"`` or ``"symbolic"``: how the payoffs are stored."""
        return self._kind

    @property
    def is_symbolic(self) -> bool:
        """Whether some payoff is a sympy expression other than a rational number."""
        return self._kind == SYMBOLIC

    @property
    def is_exact(self) -> bool:
        """Whether every payoff is an int or Fraction."""
        return self._kind == EXACT

    @property
    def free_symbols(self) -> frozenset:
        """The sympy symbols the payoffs depend on (empty for a numeric game)."""
        if not self.is_symbolic:
            return frozenset()
        return frozenset().union(*(v.free_symbols for a in self.payoffs for v in a.flat
                                   if isinstance(v, sympy.Basic)))

    @property
    def is_zero_sum(self) -> bool | None:
        """Whether the payoffs sum to zero in every profile (None if undecidable symbolically)."""
        total = sum(self.payoffs[1:], self.payoffs[0])
        if self._kind == FLOAT:
            return bool(np.allclose(total, 0.0, atol=DEFAULT_TOL))
        decided = [_numbers.truth(sympy.Eq(sympy.expand(v), 0)) if isinstance(v, sympy.Basic)
                   else v == 0 for v in total.flat]
        return None if None in decided else all(decided)

    # ------------------------------------------------------------ look-ups
    def player_index(self, player: int | str) -> int:
        """The index of ``player``, given as index or label."""
        return _profiles.player_index(self, player)

    def action_index(self, player: int | str, action: int | str) -> int:
        """The index of one of ``player``'s actions, given as index or label."""
        return _profiles.action_index(self, self.player_index(player), action, "action")

    def profile_index(self, profile: Sequence[int | str]) -> tuple[int, ...]:
        """A pure profile (labels or indices, one per player) as a tuple of indices."""
        return _profiles.pure_profile(self, profile, "profile")

    def payoff(self, profile: Sequence[int | str], player: int | str | None = None) -> Any:
        """The payoffs at a pure profile: a tuple over players, or one player's payoff.

        >>> from cybergames import prisoners_dilemma
        >>> prisoners_dilemma(T=5, R=3, P=1, S=0).payoff(("C", "D"), player=1)
        5
        """
        index = self.profile_index(profile)
        if player is not None:
            return _scalar(self.payoffs[self.player_index(player)][index])
        return tuple(_scalar(a[index]) for a in self.payoffs)

    def profiles(self) -> Iterator[tuple[str, ...]]:
        """Every pure profile, as a tuple of action labels, in lexicographic order."""
        return itertools.product(*self.actions)

    # ------------------------------------------------------------ payoffs of mixed play
    def mixed_profile(self, profile: Sequence[Any], *, tol: float = DEFAULT_TOL) -> tuple[np.ndarray, ...]:
        """Validate a profile of mixed actions and return it as probability vectors.

        Each entry is an action label or index (a pure action) or a sequence of
        probabilities in action order.

        Raises
        ------
        GameError
            If an entry has the wrong length or names an unknown action.
        ProbabilityError
            If probabilities are negative or do not sum to one (within ``tol``
            for floats, exactly otherwise).
        """
        return _profiles.mixed_profile(self, profile, "profile", tol=tol)

    def action_payoffs(self, player: int | str, profile: Sequence[Any], *,
                       tol: float = DEFAULT_TOL) -> np.ndarray:
        """The payoff of each of ``player``'s actions against the others' (mixed) ``profile``.

        ``profile`` has one entry per player; the entry of ``player`` itself is
        ignored and may be ``None``.

        >>> from cybergames import matching_pennies
        >>> from fractions import Fraction
        >>> matching_pennies().action_payoffs(0, (None, [Fraction(1, 2), Fraction(1, 2)]))
        array([Fraction(0, 1), Fraction(0, 1)], dtype=object)
        """
        i = self.player_index(player)
        mixed = _profiles.mixed_profile(self, profile, "profile", ignore=i, tol=tol)
        return _profiles.action_payoffs(self.payoffs[i], mixed, i)

    def expected_payoffs(self, profile: Sequence[Any], *, tol: float = DEFAULT_TOL) -> tuple:
        """Each player's expected payoff under a (mixed) ``profile``."""
        mixed = _profiles.mixed_profile(self, profile, "profile", tol=tol)
        return tuple(_profiles.expected(a, mixed) for a in self.payoffs)

    def best_responses(self, player: int | str, profile: Sequence[Any], *,
                       tol: float = DEFAULT_TOL) -> tuple[str, ...]:
        """``player``'s pure best responses (labels) to the others' (mixed) ``profile``.

        Ties within ``tol`` count as best responses in float games; exact games
        compare exactly. A symbolic game raises :class:`GameError`.
        """
        if self.is_symbolic:
            raise GameError("game: best responses need numeric payoffs; call game.subs(...) first")
        values = self.action_payoffs(player, profile, tol=tol)
        i = self.player_index(player)
        best = max(values)
        floats = values.dtype != object or any(isinstance(v, float) for v in values)
        slack = tol * _numbers.scale_of(self.payoffs[i]) if floats else 0   # float profiles in exact games too
        return tuple(label for label, v in zip(self.actions[i], values) if v >= best - slack)

    # ----------------------------------------------------------- new games
    def subs(self, *args: Any, **kwargs: Any) -> "NormalFormGame":
        """Substitute values for symbols (as :meth:`sympy.Expr.subs`) and return the new game.

        Accepts a mapping, a sequence of ``(symbol, value)`` pairs, one ``symbol,
        value`` pair, or keyword arguments naming symbols by their string names
        (strings are looked up among the game's symbols by name, never parsed).
        Values are numbers or sympy expressions. A numeric game is returned
        unchanged.

        Raises
        ------
        GameError
            If a name is not one of the game's symbols, a symbol has the name of
            one of the game's symbols but other assumptions, a key is not a
            symbol, or a value is not a finite real number or expression.

        Examples
        --------
        >>> from sympy import symbols
        >>> from cybergames import prisoners_dilemma
        >>> T, R, P, S = symbols("T R P S")
        >>> prisoners_dilemma(T=T, R=R, P=P, S=S).subs({T: 5, R: 3, P: 1, S: 0}).payoff(("D", "C"))
        (5, 0)
        """
        mapping = _numbers.substitution(args, kwargs, self.free_symbols, GameError)
        if not self.is_symbolic:
            return self
        arrays = []
        for a in self.payoffs:
            out = np.empty(a.shape, dtype=object)
            out.ravel()[:] = [v.subs(mapping) if isinstance(v, sympy.Basic) else v for v in a.flat]
            arrays.append(out)
        result = NormalFormGame(arrays, self.actions, self.players)
        if result.is_exact and any(isinstance(v, float) for v in mapping.values()):
            # float in, float out: a float value that happened to cancel still makes a float game
            result = NormalFormGame([a.astype(float) for a in result.payoffs], self.actions, self.players)
        return result

    def permute_actions(self, player: int | str, order: Sequence[int]) -> "NormalFormGame":
        """The same game with ``player``'s actions reordered: new action ``k`` is old ``order[k]``."""
        i = self.player_index(player)
        order = _profiles.permutation(order, self.shape[i], "order")
        arrays = [np.take(a, order, axis=i) for a in self.payoffs]
        actions = list(self.actions)
        actions[i] = tuple(self.actions[i][k] for k in order)
        return NormalFormGame(arrays, actions, self.players)

    def permute_players(self, order: Sequence[int]) -> "NormalFormGame":
        """The same game with players reordered: new player ``k`` is old player ``order[k]``."""
        order = _profiles.permutation(order, self.num_players, "order")
        arrays = [np.transpose(self.payoffs[k], order) for k in order]
        return NormalFormGame(arrays, [self.actions[k] for k in order],
                              [self.players[k] for k in order])

    def transform_payoffs(self, player: int | str, scale: Any = 1, shift: Any = 0) -> "NormalFormGame":
        """The game with ``player``'s payoffs replaced by ``scale * u + shift`` (``scale > 0``).

        A positive affine transformation leaves best responses, equilibria and
        incentive conditions unchanged.
        """
        i = self.player_index(player)
        scale = _numbers.normalise(scale, "scale", GameError)
        shift = _numbers.normalise(shift, "shift", GameError)
        _numbers.require(sympy.sympify(scale) > 0 if isinstance(scale, sympy.Basic) else scale > 0,
                         GameError, f"scale: expected a positive number, got {scale!r}")
        arrays = list(self.payoffs)
        try:
            with np.errstate(over="ignore", invalid="ignore"):
                arrays[i] = np.asarray(self.payoffs[i] * scale + shift)
        except OverflowError as exc:        # an exact number too large for a float
            raise GameError(f"scale, shift: {scale!r} * u + {shift!r} does not fit a float") from exc
        if arrays[i].dtype != object and not np.isfinite(arrays[i]).all():
            raise GameError(f"scale, shift: {scale!r} * u + {shift!r} overflows the float range")
        return NormalFormGame(arrays, self.actions, self.players)

    # ------------------------------------------------------------- interop
    def to_nashpy(self):
        """This two-player game as a :class:`nashpy.Game`: int64 arrays for integer games, float64 otherwise."""
        from .interop import to_nashpy
        return to_nashpy(self)

    @classmethod
    def from_bimatrix(cls, A: Any, B: Any, actions: Any = None, players: Any = None) -> "NormalFormGame":
        """A two-player game from the row player's matrix ``A`` and the column player's ``B``.

        See :func:`cybergames.games._construction.from_bimatrix`.

        >>> NormalFormGame.from_bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]).is_zero_sum
        True
        """
        return _construction.from_bimatrix(cls, A, B, actions, players)

    @classmethod
    def from_payoff_profiles(cls, array: Any, actions: Any = None, players: Any = None) -> "NormalFormGame":
        """A game from QuantEcon's payoff-profile array (shape ``n_1 x ... x n_N x N``).

        See :func:`cybergames.games._construction.from_payoff_profiles`.

        >>> NormalFormGame.from_payoff_profiles([[[1, 1], [0, 0]], [[0, 0], [2, 2]]]).payoff((1, 1))
        (2, 2)
        """
        return _construction.from_payoff_profiles(cls, array, actions, players)

    @classmethod
    def from_function(cls, actions: Any, f: Any, players: Any = None, *,
                      max_profiles: int = _construction.MAX_PROFILES) -> "NormalFormGame":
        """An n-player game whose payoffs at a profile are ``f(profile)``.

        ``actions`` gives, per player, a number of actions or their labels; ``f`` is called once per
        pure profile (a tuple of actions) and returns one payoff per player; at most
        ``max_profiles`` profiles (10**6 by default) are evaluated, and more raise a GameError.

        >>> NormalFormGame.from_function([2, 2], lambda p: (int(p[0] == p[1]), int(p[0] != p[1]))).payoff(("0", "1"))
        (0, 1)
        """
        return _construction.from_function(cls, actions, f, players, max_profiles=max_profiles)

    @classmethod
    def from_nashpy(cls, game, actions=None, players=None) -> "NormalFormGame":
        """A two-player game from a :class:`nashpy.Game` (row player first)."""
        from .interop import from_nashpy
        return from_nashpy(game, actions=actions, players=players)

    # ----------------------------------------------------------- display
    def table(self) -> str:
        """A readable payoff table: a bimatrix for two players, one row per profile otherwise."""
        return _profiles.table(self)

    def __repr__(self) -> str:
        payoffs = [a.tolist() for a in self.payoffs]
        return (f"NormalFormGame(payoffs={payoffs!r}, actions={[list(a) for a in self.actions]!r}, "
                f"players={list(self.players)!r})")

    def __str__(self) -> str:
        return self.table()

    # ------------------------------------------------------------ equality
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return (self.actions == other.actions and self.players == other.players
                and len(self.payoffs) == len(other.payoffs)
                and all(_equal_arrays(a, b) for a, b in zip(self.payoffs, other.payoffs)))

    def __hash__(self) -> int:
        return hash((self.actions, self.players, tuple(tuple(a.flat) for a in self.payoffs)))


def _equal_arrays(a: np.ndarray, b: np.ndarray) -> bool:
    """Entry-wise equality (structural for sympy expressions), vectorised for float arrays."""
    if a.shape != b.shape:
        return False
    if a.dtype != object and b.dtype != object:
        return bool(np.array_equal(a, b))
    return all(x == y for x, y in zip(a.flat, b.flat))
