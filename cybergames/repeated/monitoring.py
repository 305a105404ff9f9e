r"""Public monitoring: what the players see of each other's actions after each round.

A monitoring structure has a finite set :math:`Y` of public signals and, for
every action profile :math:`a`, a distribution :math:`p(y \mid a)`. Under
*perfect* monitoring the signal is the action profile itself; under imperfect
public monitoring the signal is only statistically related to it — as when an
attack is attributed to its author with probability :math:`q` and an innocent
state is blamed with probability :math:`r` (:func:`noisy_attribution`).

Probabilities are exact (int, Fraction), float, or sympy expressions (so
that :math:`q` and :math:`r` can stay symbolic); they are checked to be in
:math:`[0, 1]` and to sum to one (exactly, within a tolerance for floats,
and wherever sympy can decide it for symbols).
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Hashable, Mapping, Sequence

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT, SYMBOLIC
from ..errors import GameError, MonitoringError, ProbabilityError
from ..games.normal_form import NormalFormGame

__all__ = ["Monitoring", "perfect", "noisy_attribution", "public_signal"]


def _signal_label(signal: Any, name: str) -> Hashable:
    if isinstance(signal, str) and signal:
        return signal
    if isinstance(signal, tuple) and all(isinstance(s, str) for s in signal):
        return signal
    raise MonitoringError(f"{name}: expected a signal label (a non-empty string or a tuple of "
                          f"strings), got {signal!r}")


@dataclass(frozen=True, eq=False)
class Monitoring:
    r"""A public monitoring structure: signals and their distribution :math:`p(y \mid a)`.

    Parameters
    ----------
    game : NormalFormGame
        The stage game whose action profiles generate the signals.
    signals : sequence
        The public signals: non-empty strings or tuples of strings, unique.
    probabilities : mapping or callable
        For each action profile (a tuple of action labels), a mapping from
        signal to probability; signals left out have probability zero. Either a
        mapping ``profile -> {signal: p}`` covering every profile, or a callable
        ``profile -> {signal: p}``.

    Raises
    ------
    MonitoringError
        If a signal is malformed or repeated, a profile is missing, or a
        distribution names an unknown signal.
    ProbabilityError
        If a probability is negative, above one, or a distribution does not sum
        to one.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames import prisoners_dilemma
    >>> game = prisoners_dilemma()
    >>> def see_defection(profile):   # a defection is seen with probability 3/4
    ...     if "D" in profile:
    ...         return {"bad": Fraction(3, 4), "good": Fraction(1, 4)}
    ...     return {"good": 1}
    >>> monitoring = Monitoring(game, ["good", "bad"], see_defection)
    >>> monitoring.distribution(("C", "D"))
    {'good': Fraction(1, 4), 'bad': Fraction(3, 4)}
    """

    game: NormalFormGame
    signals: tuple
    probabilities: Any = None

    def __post_init__(self) -> None:
        game = self.game
        if not isinstance(game, NormalFormGame):
            raise MonitoringError(f"game: expected a NormalFormGame, got {type(game).__name__}")
        raw_signals = self.signals
        if isinstance(raw_signals, (str, bytes)) or not isinstance(raw_signals, (Sequence, np.ndarray)):
            raise MonitoringError(f"signals: expected a sequence of signal labels, got {raw_signals!r}")
        signals = tuple(_signal_label(s, f"signals[{k}]") for k, s in enumerate(raw_signals))
        if not signals:
            raise MonitoringError("signals: expected at least one signal, got none")
        if len(set(signals)) != len(signals):
            raise MonitoringError(f"signals: expected unique signals, got {raw_signals!r}")
        index = {s: k for k, s in enumerate(signals)}
        source = self.probabilities
        if isinstance(source, Mapping):
            lookup: Callable = source.get
        elif callable(source):
            lookup = source
        else:
            raise MonitoringError("probabilities: expected a mapping from action profiles to "
                                  f"distributions over signals, or a callable; got {source!r}")
        rows = np.empty(game.shape + (len(signals),), dtype=object)
        for profile in game.profiles():
            try:
                dist = lookup(profile)
            except (KeyError, IndexError, TypeError, ValueError, ArithmeticError) as exc:
                raise MonitoringError(f"probabilities: evaluating profile {profile!r} failed: {exc!r}") from exc
            rows[game.profile_index(profile)] = _distribution(dist, profile, index, signals)
        kind = _numbers.kind_of(rows.flat)
        if kind == SYMBOLIC:
            rows = np.vectorize(_numbers.to_sympy, otypes=[object])(rows)
        matrix = _numbers.as_kind(rows, kind)
        _check_distributions(matrix, kind, game)
        object.__setattr__(self, "signals", signals)
        object.__setattr__(self, "probabilities", None)
        object.__setattr__(self, "matrix", matrix)
        object.__setattr__(self, "_kind", kind)

    # ---------------------------------------------------------------- facts
    @property
    def kind(self) -> str:
        """``"exact"``, ``"float"`` or ``"symbolic"``: how the probabilities are stored."""
        return self._kind

    @property
    def is_symbolic(self) -> bool:
        """Whether some probability is a sympy expression."""
        return self._kind == SYMBOLIC

    @property
    def free_symbols(self) -> frozenset:
        """The sympy symbols the probabilities depend on."""
        if not self.is_symbolic:
            return frozenset()
        return frozenset().union(*(v.free_symbols for v in self.matrix.flat if isinstance(v, sympy.Basic)))

    @functools.cached_property
    def is_deterministic(self) -> bool:
        """Whether every action profile produces one signal with probability one."""
        return all(sum(1 for p in self.matrix[idx] if p != 0) == 1 and 1 in list(self.matrix[idx])
                   for idx in np.ndindex(*self.game.shape))

    @functools.cached_property
    def is_perfect(self) -> bool:
        """Whether the signal reveals the action profile (deterministic and one-to-one)."""
        if not self.is_deterministic:
            return False
        seen = {int(np.flatnonzero([p == 1 for p in self.matrix[idx]])[0])
                for idx in np.ndindex(*self.game.shape)}
        return len(seen) == int(np.prod(self.game.shape))

    # ------------------------------------------------------------ look-ups
    def signal_index(self, signal: Any) -> int:
        """The position of ``signal`` in :attr:`signals`."""
        try:
            return self.signals.index(signal)
        except ValueError:
            raise MonitoringError(f"signal: expected one of {self.signals}, got {signal!r}") from None

    def distribution(self, profile: Sequence[Any]) -> dict:
        """The distribution of signals after the pure ``profile`` (labels or indices), zeros omitted."""
        index = self.game.profile_index(profile)
        return {s: _numbers.simplify_exact(p) if not isinstance(p, float) else float(p)
                for s, p in zip(self.signals, self.matrix[index]) if p != 0}

    def probability(self, signal: Any, profile: Sequence[Any]) -> Any:
        """:math:`p(y \\mid a)` for one signal and one pure profile."""
        value = self.matrix[self.game.profile_index(profile) + (self.signal_index(signal),)]
        return value.item() if isinstance(value, np.generic) else value

    def subs(self, *args: Any, **kwargs: Any) -> "Monitoring":
        """Substitute values for symbols in the probabilities (and the game) and return the result."""
        symbols = self.free_symbols | self.game.free_symbols
        mapping = _numbers.substitution(args, kwargs, symbols, MonitoringError)
        mapping = {k: v if isinstance(v, sympy.Basic) else _numbers.to_sympy(v) for k, v in mapping.items()}
        game = self.game.subs(mapping) if self.game.is_symbolic else self.game
        if not self.is_symbolic:
            return Monitoring(game, self.signals, self._table()) if game is not self.game else self
        matrix = self.matrix
        table = {profile: {s: (p.subs(mapping) if isinstance(p, sympy.Basic) else p)
                           for s, p in zip(self.signals, matrix[game.profile_index(profile)])}
                 for profile in game.profiles()}
        return Monitoring(game, self.signals, table)

    def _table(self) -> dict:
        return {profile: dict(zip(self.signals, self.matrix[self.game.profile_index(profile)]))
                for profile in self.game.profiles()}

    def table(self) -> dict:
        """The structure as a table: action profile -> {signal: probability}, zeros omitted.

        ``Monitoring(m.game, m.signals, m.table())`` rebuilds ``m``.
        """
        return {profile: self.distribution(profile) for profile in self.game.profiles()}

    @classmethod
    def from_array(cls, game: NormalFormGame, signals: Sequence, array: Any) -> "Monitoring":
        """A monitoring structure from an array of shape ``game.shape + (len(signals),)`` holding p(y | a).

        >>> from cybergames import prisoners_dilemma
        >>> game = prisoners_dilemma()
        >>> m = Monitoring.from_array(game, ["quiet", "alarm"], [[[1, 0], [0.2, 0.8]], [[0.2, 0.8], [0, 1]]])
        >>> m.distribution(("C", "D"))
        {'quiet': 0.2, 'alarm': 0.8}
        """
        if not isinstance(game, NormalFormGame):
            raise MonitoringError(f"game: expected a NormalFormGame, got {type(game).__name__}")
        try:
            values = np.array(array, dtype=object)
        except (ValueError, TypeError) as exc:
            raise MonitoringError(f"array: expected an array of probabilities, got {array!r}") from exc
        if isinstance(signals, (str, bytes)) or not isinstance(signals, (Sequence, np.ndarray)):
            raise MonitoringError(f"signals: expected a sequence of signal labels, got {signals!r}")
        expected = tuple(game.shape) + (len(signals),)
        if values.shape != expected:
            raise MonitoringError(f"array: expected shape {expected} (the game's shape, then one entry per "
                                  f"signal), got {values.shape}")
        labels = list(signals)
        return cls(game, labels, {profile: dict(zip(labels, values[game.profile_index(profile)]))
                                  for profile in game.profiles()})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Monitoring):
            return NotImplemented
        return (self.game == other.game and self.signals == other.signals
                and all(x == y for x, y in zip(self.matrix.flat, other.matrix.flat)))

    def __hash__(self) -> int:
        return hash((self.game, self.signals, tuple(self.matrix.flat)))

    def __repr__(self) -> str:
        return f"Monitoring(game={self.game!r}, signals={self.signals!r}, kind={self._kind!r})"


def _distribution(dist: Any, profile: tuple, index: dict, signals: tuple) -> list:
    if not isinstance(dist, Mapping):
        raise MonitoringError(f"probabilities[{profile!r}]: expected a mapping from signals to "
                              f"probabilities, got {dist!r}")
    row: list = [0] * len(signals)
    for signal, p in dist.items():
        if signal not in index:
            raise MonitoringError(f"probabilities[{profile!r}]: unknown signal {signal!r}; "
                                  f"the signals are {signals}")
        row[index[signal]] = _numbers.normalise(p, f"probabilities[{profile!r}][{signal!r}]",
                                                ProbabilityError)
    return row


def _check_distributions(matrix: np.ndarray, kind: str, game: NormalFormGame) -> None:
    for idx in np.ndindex(*game.shape):
        row = matrix[idx]
        profile = tuple(game.actions[j][k] for j, k in enumerate(idx))
        where = f"probabilities[{profile!r}]"
        if kind == FLOAT:
            if (row < -DEFAULT_TOL).any() or (row > 1 + DEFAULT_TOL).any() \
                    or abs(row.sum() - 1) > DEFAULT_TOL * len(row):
                raise ProbabilityError(f"{where}: expected probabilities in [0, 1] summing to one, "
                                       f"got {row.tolist()}")
            continue
        for p in row:
            if isinstance(p, sympy.Basic):
                _numbers.require(sympy.And(p >= 0, p <= 1), ProbabilityError,
                                 f"{where}: expected probabilities in [0, 1], got {p!r}")
            elif not 0 <= p <= 1:
                raise ProbabilityError(f"{where}: expected probabilities in [0, 1], got {p!r}")
        total = _exact_sum(row) if all(_numbers.is_exact(p) for p in row) else sum(row)
        if isinstance(total, sympy.Basic):
            _numbers.require(sympy.Eq(sympy.simplify(total), 1), ProbabilityError,
                             f"{where}: expected probabilities summing to one, got {list(row)}")
        elif total != 1:
            raise ProbabilityError(f"{where}: expected probabilities summing to one, got {list(row)}")


def _exact_sum(values: Sequence) -> Fraction:
    """The exact sum of ints and Fractions, over their common denominator (no repeated gcds)."""
    denominator = 1
    for v in values:
        if isinstance(v, Fraction):
            denominator = math.lcm(denominator, v.denominator)
    return Fraction(sum(int(v * denominator) if isinstance(v, Fraction) else v * denominator
                        for v in values), denominator)


def perfect(game: NormalFormGame) -> Monitoring:
    """Perfect monitoring: the public signal is the action profile played (a tuple of labels).

    >>> from cybergames import prisoners_dilemma
    >>> perfect(prisoners_dilemma()).signals
    (('C', 'C'), ('C', 'D'), ('D', 'C'), ('D', 'D'))
    """
    if not isinstance(game, NormalFormGame):
        raise MonitoringError(f"game: expected a NormalFormGame, got {type(game).__name__}")
    profiles = tuple(game.profiles())
    return Monitoring(game, profiles, {profile: {profile: 1} for profile in profiles})


def noisy_attribution(game: NormalFormGame, detect: Any, false_flag: Any, *,
                      hostile: Mapping[Any, Sequence[str]] | None = None) -> Monitoring:
    r"""Attribution with detection probability ``detect`` (q) and false-flag rate ``false_flag`` (r).

    After every round each player is publicly *blamed* or not, independently:
    a player who took a hostile action is blamed with probability :math:`q`, a
    peaceful one with probability :math:`r`. The signal is the tuple of blamed
    players' labels (in player order), so with two players the signals are
    ``()``, ``("0",)``, ``("1",)`` and ``("0", "1")``, and

    .. math::
        p(B \mid a) = \prod_{i \in B} \pi_i(a_i) \prod_{i \notin B} (1 - \pi_i(a_i)),
        \qquad \pi_i(a_i) = q \text{ if } a_i \text{ is hostile, else } r.

    Parameters
    ----------
    game : NormalFormGame
        The stage game.
    detect, false_flag : number or sympy.Expr
        :math:`q` and :math:`r`, each in :math:`[0, 1]`.
    hostile : mapping, optional
        Player (label or index) to the labels of its hostile actions. By default
        each player's last action (``"D"`` in a prisoner's dilemma) is hostile.

    Raises
    ------
    ProbabilityError
        If ``detect`` or ``false_flag`` is provably outside [0, 1].
    GameError
        If ``hostile`` names an unknown player or action.

    References
    ----------
    Baliga, Bueno de Mesquita & Wolitzky, "Deterrence with imperfect
    attribution", *American Political Science Review* 114(4), 2020.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames import prisoners_dilemma
    >>> m = noisy_attribution(prisoners_dilemma(), detect=Fraction(9, 10), false_flag=Fraction(1, 10))
    >>> m.distribution(("C", "D"))[("1",)]   # only the defector blamed: (1 - r) q
    Fraction(81, 100)
    """
    if not isinstance(game, NormalFormGame):
        raise MonitoringError(f"game: expected a NormalFormGame, got {type(game).__name__}")
    q = _numbers.normalise(detect, "detect", ProbabilityError)
    r = _numbers.normalise(false_flag, "false_flag", ProbabilityError)
    for name, value in (("detect", q), ("false_flag", r)):
        condition = sympy.And(value >= 0, value <= 1) if isinstance(value, sympy.Basic) else 0 <= value <= 1
        _numbers.require(condition, ProbabilityError, f"{name}: expected a probability in [0, 1], got {value!r}")
    if hostile is None:
        hostile_sets = [{game.actions[i][-1]} for i in range(game.num_players)]
    else:
        if not isinstance(hostile, Mapping):
            raise GameError(f"hostile: expected a mapping from players to hostile action labels, got {hostile!r}")
        hostile_sets = [set() for _ in range(game.num_players)]
        for player, labels in hostile.items():
            i = game.player_index(player)
            labels = [labels] if isinstance(labels, str) else list(labels)
            for label in labels:
                game.action_index(i, label)
            hostile_sets[i] = set(labels)
    if kind_needs_sympy := any(isinstance(v, sympy.Basic) for v in (q, r)):
        q, r = _numbers.to_sympy(q), _numbers.to_sympy(r)
    n = game.num_players
    blame_sets = [tuple(b for b in combo) for size in range(n + 1)
                  for combo in itertools.combinations(range(n), size)]
    signals = tuple(tuple(game.players[i] for i in blamed) for blamed in blame_sets)

    # Exact probabilities are computed on integer numerators over a common
    # denominator: one Fraction per entry instead of n Fraction products.
    exact = _numbers.is_exact(q) and _numbers.is_exact(r)
    scale = math.lcm(Fraction(q).denominator, Fraction(r).denominator) if exact else 1
    q_, r_ = (int(q * scale), int(r * scale)) if exact else (q, r)
    one = scale if exact else 1

    def distribution(profile: tuple) -> dict:
        chance = [q_ if profile[i] in hostile_sets[i] else r_ for i in range(n)]
        result = {}
        for blamed, signal in zip(blame_sets, signals):
            p: Any = 1
            for i in range(n):
                p = p * (chance[i] if i in blamed else one - chance[i])
            if exact:
                p = _numbers.simplify_exact(Fraction(p, scale**n))
            result[signal] = sympy.expand(p) if kind_needs_sympy else p
        return result

    return Monitoring(game, signals, distribution)


def public_signal(game: NormalFormGame, signal: Any) -> Monitoring:
    """Deterministic public monitoring: every action profile produces one known signal.

    Parameters
    ----------
    game : NormalFormGame
        The stage game.
    signal : callable or mapping
        Action profile (a tuple of labels) -> its signal (a string or a tuple
        of strings). The signals are listed in order of first appearance.

    Raises
    ------
    MonitoringError
        If a profile has no signal or a signal is malformed.

    Examples
    --------
    Only whether anyone defected is public:

    >>> from cybergames import prisoners_dilemma
    >>> m = public_signal(prisoners_dilemma(), lambda a: "defection" if "D" in a else "peace")
    >>> m.signals, m.is_deterministic, m.is_perfect
    (('peace', 'defection'), True, False)
    """
    if not isinstance(game, NormalFormGame):
        raise MonitoringError(f"game: expected a NormalFormGame, got {type(game).__name__}")
    if isinstance(signal, Mapping):
        lookup: Callable = signal.__getitem__
    elif callable(signal):
        lookup = signal
    else:
        raise MonitoringError(f"signal: expected a mapping or a callable from action profiles to signals, "
                              f"got {signal!r}")
    table = {}
    for profile in game.profiles():
        try:
            y = lookup(profile)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise MonitoringError(f"signal: no signal for the profile {profile!r} ({exc!r})") from exc
        table[profile] = _signal_label(y, f"signal[{profile!r}]")
    signals = list(dict.fromkeys(table.values()))
    return Monitoring(game, signals, {profile: {y: 1} for profile, y in table.items()})
