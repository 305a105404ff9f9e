r"""Minmax and maxmin values: what a player can be held to, and what it can guarantee.

For player :math:`i` with payoff :math:`u_i`,

.. math::

    \underline{v}_i = \max_{\sigma_i} \min_{a_{-i}} u_i(\sigma_i, a_{-i})
    \quad\text{(maxmin, security level)}, \qquad
    \overline{v}_i = \min_{\sigma_{-i}} \max_{a_i} u_i(a_i, \sigma_{-i})
    \quad\text{(minmax, punishment level)},

with the opponents mixing *independently* in the minmax. The minmax is the
payoff below which no equilibrium of the repeated game can push the player
(the folk theorem's individually rational level; Fudenberg & Tirole 1991,
*Game Theory*, sec. 5.1.1), and :math:`\underline{v}_i \le \overline{v}_i`.

* Maxmin is a linear programme for any number of players: the worst case
  against a mixed :math:`\sigma_i` is attained at a pure opponents' profile.
* With two players the minmax is the LP dual of the maxmin and both are equal
  (von Neumann's minimax theorem).
* With three or more players the independent minmax is not an LP. Its dual
  relaxation lets the opponents *correlate*, which can only punish harder:
  the LP value equals the maxmin and is a **lower** bound; the pure minmax
  and the product of the correlated punishment's marginals give **upper**
  bounds. When the bounds meet, the value is exact; otherwise
  :attr:`MinmaxResult.value` is None and ``lower``/``upper`` say how far apart
  they are (Fudenberg & Tirole 1991, sec. 5.1.1, note the same gap).

With ``mixed=False`` only pure actions are considered:
:math:`\max_{a_i}\min_{a_{-i}} u_i` and :math:`\min_{a_{-i}}\max_{a_i} u_i`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..games.normal_form import NormalFormGame
from . import _lp
from ._build import check_flag, check_game, check_tol
from .result import _show, _show_vector

__all__ = ["minmax", "maxmin", "MinmaxResult", "MaxminResult"]


@dataclass(frozen=True, eq=False)
class MinmaxResult:
    """A player's minmax (punishment) value and the punishment that attains it.

    Attributes
    ----------
    value : number or None
        The minmax value; None only when, with three or more players, the
        bounds ``lower`` and ``upper`` differ.
    punishment : tuple
        One entry per player: the opponents' mixed actions (independent) that
        hold the player to ``upper``; None at the player's own index.
    player : int
        The punished player's index.
    mixed : bool
        Whether mixed actions were allowed.
    exact : bool
        Whether the numbers are exact.
    lower, upper : number
        Bounds on the value (both equal to ``value`` when it is determined).
        ``lower`` is the value against correlated punishment (equal to the
        player's maxmin); ``upper`` the payoff the player gets against
        ``punishment``.
    security : ndarray or None
        With ``mixed=True``: the player's maxmin mixed action, which certifies
        ``lower`` (no opponents' profile holds it below ``lower``).
    correlated : ndarray or None
        Three or more players with ``mixed=True``: the optimal correlated
        punishment, a distribution over the opponents' pure profiles (one axis
        per opponent) under which no action earns more than ``lower``.
    game : NormalFormGame
    """

    value: Any
    punishment: tuple
    player: int
    mixed: bool
    exact: bool
    lower: Any
    upper: Any
    security: np.ndarray | None = field(default=None, repr=False)
    correlated: np.ndarray | None = field(default=None, repr=False)
    game: NormalFormGame | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        shown = ", ".join("None" if p is None else _show_vector(p) for p in self.punishment)
        bounds = "" if self.value is not None else f", lower={_show(self.lower)}, upper={_show(self.upper)}"
        return (f"MinmaxResult(player={self.player}, mixed={self.mixed}, value={_show(self.value)}"
                f"{bounds}, punishment=({shown}))")


@dataclass(frozen=True, eq=False)
class MaxminResult:
    """A player's maxmin (security) value and the action that guarantees it.

    Attributes
    ----------
    value : number
        The maxmin value.
    strategy : ndarray
        The player's security (mixed) action: it earns at least ``value``
        against every opponents' profile.
    player : int
    mixed : bool
    exact : bool
    punishment : ndarray or None
        With ``mixed=True``: a distribution over the opponents' pure profiles
        (one axis per opponent) under which no action of the player earns more
        than ``value``, which certifies that nothing better can be guaranteed.
    game : NormalFormGame
    """

    value: Any
    strategy: np.ndarray
    player: int
    mixed: bool
    exact: bool
    punishment: np.ndarray | None = field(default=None, repr=False)
    game: NormalFormGame | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        return (f"MaxminResult(player={self.player}, mixed={self.mixed}, value={_show(self.value)}, "
                f"strategy={_show_vector(self.strategy)})")


def _matrix(game: NormalFormGame, i: int) -> np.ndarray:
    """Player ``i``'s payoffs as a matrix: rows its actions, columns the opponents' profiles."""
    return np.moveaxis(game.payoffs[i], i, 0).reshape(game.shape[i], -1)


def _frozen(vector: Any, is_float: bool) -> np.ndarray:
    if is_float:
        array = np.array(vector, dtype=float)
    else:
        flat = np.empty(np.size(vector), dtype=object)
        flat[:] = [_numbers.simplify_exact(Fraction(v)) for v in np.ravel(vector)]
        array = flat.reshape(np.shape(vector))
    array.flags.writeable = False
    return array


def _unit(size: int, k: int, is_float: bool) -> np.ndarray:
    vector = [0] * size
    vector[k] = 1
    return _frozen(vector, is_float)


def _number(value: Any, is_float: bool) -> Any:
    return float(value) if is_float else _numbers.simplify_exact(Fraction(value))


def _solve(game: NormalFormGame, matrix: np.ndarray):
    if game.kind == FLOAT:
        solution = _lp.float_solution(matrix)
        if solution is None:  # pragma: no cover - HiGHS solves matrix games
            exact = np.empty(matrix.shape, dtype=object)
            exact.ravel()[:] = [Fraction(float(v)) for v in matrix.flat]
            value, x, rho = _lp.exact_solution(exact)
            return float(value), np.array(x, dtype=float), np.array(rho, dtype=float)
        x, rho = solution
        lower, upper = _lp.certificate_value(matrix, x, rho)
        return float((lower + upper) / 2), x, rho
    return _lp.exact_solution(matrix)


def _opponents(game: NormalFormGame, i: int) -> list[int]:
    return [j for j in range(game.num_players) if j != i]


def minmax(game: NormalFormGame, player: int | str, mixed: bool = True, *,
           tol: float = DEFAULT_TOL) -> MinmaxResult:
    r"""The minmax value of ``player``: the least payoff the others can hold it to.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game with any number of players.
    player : int or str
        The punished player (index or label).
    mixed : bool, optional
        Allow the opponents to mix (default); False restricts everyone to pure actions.
    tol : float, optional
        Float games only: when the bounds of a three-or-more-player minmax count as equal.

    Returns
    -------
    MinmaxResult
        ``value``, the punishing ``punishment`` profile and the certificate.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame` or ``player`` is unknown.
    ParameterError
        If ``mixed`` is not a bool or ``tol`` not in (0, 1).

    Notes
    -----
    Two players: :math:`\min_{y}\max_a (M y)_a` by linear programming, certified
    by the player's maxmin action (equal values). Three or more players: see
    the module notes; ``value`` is None when the correlated lower bound and the
    best independent punishment found differ.

    Examples
    --------
    Rock–paper–scissors: any pure punishment is beaten, so the pure minmax is
    1, while the uniform mix holds the player to 0.

    >>> from cybergames import symmetric_game, minmax
    >>> rps = symmetric_game([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], actions=("R", "P", "S"))
    >>> minmax(rps, 0)
    MinmaxResult(player=0, mixed=True, value=0, punishment=(None, [1/3, 1/3, 1/3]))
    >>> minmax(rps, 0, mixed=False).value
    1
    """
    check_game(game, "minmax")
    i = game.player_index(player)
    mixed = check_flag(mixed, "mixed")
    tol = check_tol(tol)
    is_float = game.kind == FLOAT
    matrix = _matrix(game, i)
    others = _opponents(game, i)
    shape = tuple(game.shape[j] for j in others)
    pure_column = int(np.argmin(_numbers.comparable(matrix).max(axis=0)))
    pure_value = _number(max(matrix[:, pure_column]), is_float)
    pure_profile = np.unravel_index(pure_column, shape)
    pure_punishment = [None] * game.num_players
    for j, k in zip(others, pure_profile):
        pure_punishment[j] = _unit(game.shape[j], int(k), is_float)
    if not mixed:
        return MinmaxResult(pure_value, tuple(pure_punishment), i, False, not is_float, pure_value, pure_value,
                            game=game)
    value, x, rho = _solve(game, matrix)
    value = _number(value, is_float)
    security = _frozen(x, is_float)
    if len(others) == 1:
        punishment = [None] * game.num_players
        punishment[others[0]] = _frozen(rho, is_float)
        return MinmaxResult(value, tuple(punishment), i, True, not is_float, value, value,
                            security=security, game=game)
    correlated = _frozen(np.reshape(rho, shape), is_float)
    tensor = matrix.reshape((game.shape[i],) + shape)
    marginals = [correlated.sum(axis=tuple(a for a in range(len(shape)) if a != k)) for k in range(len(shape))]
    start = [p for j, p in enumerate(pure_punishment) if j != i]
    candidates = [(_number(_against(tensor, marginals), is_float), marginals), (pure_value, start)]
    upper, profile = min(candidates, key=lambda c: c[0])
    upper, profile = _descend(game, tensor, list(profile), upper, value, tol)
    punishment = [None] * game.num_players
    for j, mixed_action in zip(others, profile):
        punishment[j] = _frozen(mixed_action, is_float)
    same = abs(upper - value) <= tol * _numbers.scale_of(game.payoffs[i]) if is_float else upper == value
    return MinmaxResult(upper if same else None, tuple(punishment), i, True, not is_float, value, upper,
                        security=security, correlated=correlated, game=game)


def _against(tensor: np.ndarray, profile: list, skip: int | None = None) -> Any:
    """The player's best payoff against independent mixed actions (or, with ``skip``, the matrix
    of its payoffs against opponent ``skip``'s pure actions)."""
    result = tensor
    for k in reversed(range(len(profile))):
        if k != skip:
            result = np.tensordot(result, profile[k], axes=([k + 1], [0]))
    return result if skip is not None else max(result)


def _descend(game: NormalFormGame, tensor: np.ndarray, profile: list, upper: Any, lower: Any,
             tol: float, rounds: int = 20) -> tuple[Any, list]:
    """Improve an independent punishment one opponent at a time, each step a matrix-game LP.

    Fixing all opponents but one, the best punishment by the remaining one is a
    two-player zero-sum problem. Each accepted step strictly lowers ``upper``,
    so the loop ends; it stops early when ``upper`` meets ``lower``. The
    result is a local optimum, hence only an upper bound.
    """
    is_float = game.kind == FLOAT
    for _ in range(rounds):
        improved = False
        for k in range(len(profile)):
            if upper == lower:
                return upper, profile
            reply_value, _, reply = _solve(game, _against(tensor, profile, skip=k))
            trial = list(profile)
            trial[k] = reply
            achieved = _number(_against(tensor, trial), is_float)
            margin = tol * _numbers.scale_of(tensor) if is_float else 0
            if achieved < upper - margin:
                upper, profile, improved = achieved, trial, True
        if not improved:
            break
    return upper, profile


def maxmin(game: NormalFormGame, player: int | str, mixed: bool = True) -> MaxminResult:
    r"""The maxmin (security) value of ``player``: what it can guarantee whatever the others do.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game with any number of players.
    player : int or str
        The player (index or label).
    mixed : bool, optional
        Let the player mix (default); False restricts it to pure actions.

    Returns
    -------
    MaxminResult
        ``value``, the security ``strategy`` and, for mixed play, the
        opponents' correlated ``punishment`` certifying optimality.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame` or ``player`` is unknown.
    ParameterError
        If ``mixed`` is not a bool.

    Notes
    -----
    :math:`\max_x \min_b (x^\top M)_b` is a linear programme for any number of
    players (columns: the opponents' pure profiles). Its dual is the
    correlated punishment, so the pair of solutions certifies the value.

    Examples
    --------
    Matching pennies: mixing evenly guarantees 0; a pure action guarantees only -1.

    >>> from cybergames import matching_pennies, maxmin
    >>> maxmin(matching_pennies(), 0)
    MaxminResult(player=0, mixed=True, value=0, strategy=[1/2, 1/2])
    >>> maxmin(matching_pennies(), 0, mixed=False).value
    -1
    """
    check_game(game, "maxmin")
    i = game.player_index(player)
    mixed = check_flag(mixed, "mixed")
    is_float = game.kind == FLOAT
    matrix = _matrix(game, i)
    if not mixed:
        row = int(np.argmax(_numbers.comparable(matrix).min(axis=1)))
        value = _number(min(matrix[row]), is_float)
        return MaxminResult(value, _unit(game.shape[i], row, is_float), i, False, not is_float, game=game)
    value, x, rho = _solve(game, matrix)
    shape = tuple(game.shape[j] for j in _opponents(game, i))
    return MaxminResult(_number(value, is_float), _frozen(x, is_float), i, True, not is_float,
                        punishment=_frozen(np.reshape(rho, shape), is_float), game=game)


# ---------------------------------------------------------------- verification
def _agree(game: NormalFormGame, a: Any, b: Any, tol: float) -> bool:
    if game.kind == FLOAT:
        return abs(float(a) - float(b)) <= tol * _numbers.scale_of(*game.payoffs)
    return a == b


def _column_values(game: NormalFormGame, i: int, strategy: np.ndarray) -> np.ndarray:
    """What the mixed action ``strategy`` of player ``i`` earns against each opponents' profile."""
    return np.asarray(strategy).dot(_matrix(game, i))


def _row_values(game: NormalFormGame, i: int, distribution: np.ndarray) -> np.ndarray:
    """What each action of player ``i`` earns against a distribution over the opponents' profiles."""
    return _matrix(game, i).dot(np.ravel(distribution))


@verify.register(MinmaxResult)
def _verify_minmax(result: MinmaxResult, *, tol: float | None = None) -> Verification:
    """Recompute the punishment's payoff, the certificates and (pure play) the brute-force value."""
    game, i, tol = result.game, result.player, DEFAULT_TOL if tol is None else float(tol)
    failures = []
    profile = [None if p is None else list(p) for p in result.punishment]
    achieved = max(game.action_payoffs(i, profile, tol=tol))
    if not _agree(game, achieved, result.upper, tol):
        failures.append(f"the punishment holds the player to {achieved!r}, not upper={result.upper!r}")
    if result.value is not None and not (_agree(game, result.value, result.lower, tol)
                                         and _agree(game, result.value, result.upper, tol)):
        failures.append(f"value {result.value!r} is not both bounds {result.lower!r}, {result.upper!r}")
    if result.security is not None:
        guaranteed = min(_column_values(game, i, result.security))
        if not _agree(game, guaranteed, result.lower, tol):
            failures.append(f"the security action guarantees {guaranteed!r}, not lower={result.lower!r}")
    if result.correlated is not None:
        held = max(_row_values(game, i, result.correlated))
        if not _agree(game, held, result.lower, tol):
            failures.append(f"the correlated punishment holds the player to {held!r}, not lower={result.lower!r}")
    if not result.mixed:
        matrix = _matrix(game, i)
        brute = min(max(matrix[:, b]) for b in range(matrix.shape[1]))
        if not _agree(game, brute, result.value, tol):
            failures.append(f"the pure minmax is {brute!r}, not {result.value!r}")
    return Verification(not failures, 5, tuple(failures))


@verify.register(MaxminResult)
def _verify_maxmin(result: MaxminResult, *, tol: float | None = None) -> Verification:
    """Recompute what the security action guarantees and what the punishment concedes."""
    game, i, tol = result.game, result.player, DEFAULT_TOL if tol is None else float(tol)
    failures = []
    guaranteed = min(_column_values(game, i, result.strategy))
    if not _agree(game, guaranteed, result.value, tol):
        failures.append(f"the strategy guarantees {guaranteed!r}, not value={result.value!r}")
    if result.punishment is not None:
        held = max(_row_values(game, i, result.punishment))
        if not _agree(game, held, result.value, tol):
            failures.append(f"the punishment concedes {held!r}, more than value={result.value!r}")
    if not result.mixed:
        matrix = _matrix(game, i)
        brute = max(min(row) for row in matrix)
        if not _agree(game, brute, result.value, tol):
            failures.append(f"the pure maxmin is {brute!r}, not {result.value!r}")
    return Verification(not failures, 3, tuple(failures))
