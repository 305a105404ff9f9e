r"""One Nash equilibrium of a two-player game by complementary pivoting: :func:`lemke_howson`.

Make both payoff matrices positive (adding a constant changes no best
response) and write the best-response polytopes as the systems

.. math::

    B^\top x + r = \mathbf 1, \qquad A y + s = \mathbf 1, \qquad x, y, r, s \ge 0 .

Label the row player's actions :math:`0, \dots, m-1` and the column player's
:math:`m, \dots, m+n-1`; label :math:`i < m` belongs to :math:`x_i` and
:math:`s_i`, label :math:`m + j` to :math:`r_j` and :math:`y_j`. A pair of
basic solutions in which every label has at least one of its two variables
zero is an equilibrium (normalised), or the artificial start :math:`x = y =
0`. Lemke and Howson (1964) leave the start by letting the variable of a
chosen label :math:`k` enter; the variable that leaves has some label
:math:`l`, whose other variable then enters in the other system, and so on
until the label :math:`k` itself leaves. The path is unique and ends at an
equilibrium; different starting labels can end at different equilibria (but
need not reach them all).

**Degenerate games.** With ties in the ratio test the path can cycle. The
*lexicographic* rule (the minimum of the rows of :math:`(b, B^{-1})` divided by
the entering column, compared lexicographically) breaks every tie, since
:math:`B^{-1}` has independent rows, and makes the path finite for every game
(von Stengel 2002, sec. 3.5, after Dantzig, Orden & Wolfe 1955).

**Arithmetic.** Exact games are scaled to integer matrices and pivoted in
*integer* arithmetic: every tableau entry stays an integer (the entries are
subdeterminants, and each pivot step divides exactly by the previous pivot
element; Bareiss 1968), so the equilibrium found is exact. Float games are
pivoted in float64 with vectorised row operations and the equilibrium checked as
a best-response pair. If the check fails, a large game (more than 2,500
profiles) tries the float paths of the other starting labels first; then the
path is re-run exactly, without a bound up to 2,500 profiles and within a
bounded number of pivots beyond.

References
----------
Lemke & Howson, "Equilibrium points of bimatrix games", *Journal of the
Society for Industrial and Applied Mathematics* 12 (1964). von Stengel,
"Computing equilibria for two-person games", *Handbook of Game Theory* 3
(2002), ch. 45, sec. 3.4–3.5. Shapley, "A note on the Lemke–Howson algorithm",
*Mathematical Programming Study* 1 (1974).
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any

import numpy as np

from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import verify
from ..errors import GameError, ParameterError, SolverError
from ..games.normal_form import NormalFormGame
from ._build import NotAnEquilibrium, check_game, check_tol, equilibrium, game_tolerance
from .result import Equilibrium, EquilibriumSet

__all__ = ["lemke_howson", "lemke_howson_equilibria"]


class _PathDidNotEnd(SolverError):
    """A float path that cycles (rounding broke the lexicographic rule); the exact re-run cannot cycle."""


class _Tableau:
    """One of the two systems: the rows, the labels of the basic variables and the slack columns."""

    def __init__(self, constraints: np.ndarray, slack_first: bool, exact: bool, scratch: dict):
        rows, columns = constraints.shape
        identity = np.eye(rows, dtype=object if exact else float)
        if exact:
            identity[...] = np.eye(rows, dtype=int).astype(object)
        rhs = np.ones((rows, 1), dtype=object if exact else float)
        blocks = [identity, constraints] if slack_first else [constraints, identity]
        self.table = np.hstack(blocks + [rhs])
        # one scratch array per shape, shared by every path of a race (it holds nothing between pivots)
        self.buffer = None if exact else scratch.setdefault(self.table.shape, np.empty_like(self.table))
        offset = 0 if slack_first else columns
        self.slacks = list(range(offset, offset + rows))
        self.basis = list(self.slacks)
        self.exact = exact
        self.determinant = 1

    def leaving_row(self, entering: int, tol: float) -> int:
        """The row that leaves when ``entering`` enters: the lexicographic minimum ratio."""
        column = self.table[:, entering]
        if self.exact:
            candidates = [i for i in range(len(column)) if column[i] > 0]
        else:
            candidates = np.flatnonzero(column > tol)
        if not len(candidates):  # pragma: no cover - the polytopes of a positive game are bounded
            raise SolverError("internal error: unbounded Lemke-Howson ray (a bug: please report the game)")
        for key in [-1] + self.slacks:
            if len(candidates) == 1:
                break
            if self.exact:
                ratios = [Fraction(int(self.table[i, key]), int(column[i])) for i in candidates]
                least = min(ratios)
                candidates = [i for i, r in zip(candidates, ratios) if r == least]
            else:
                ratios = self.table[candidates, key] / column[candidates]
                least = ratios.min()
                candidates = candidates[ratios <= least + tol * max(1.0, abs(least))]
        return int(candidates[0])

    def pivot(self, row: int, entering: int) -> int:
        """Pivot ``entering`` into the basis at ``row``; return the label that leaves."""
        leaving = self.basis[row]
        table = self.table
        if self.exact:
            element = table[row, entering]
            column = table[:, entering].copy()
            pivot_row = table[row].copy()
            updated = (table * element - np.outer(column, pivot_row)) // self.determinant
            updated[row] = pivot_row
            self.table = updated
            self.determinant = element
        else:
            table[row] /= table[row, entering]
            column = table[:, entering].copy()
            column[row] = 0.0
            _rank_one_update(table, column, table[row], self.buffer)
        self.basis[row] = entering
        return leaving

    def values(self, labels: range) -> dict[int, Any]:
        """The values of the basic variables with the given labels (the others are zero)."""
        result = {}
        for row, label in enumerate(self.basis):
            if label in labels:
                rhs, diagonal = self.table[row, -1], self.table[row, label]
                result[label] = Fraction(int(rhs), int(diagonal)) if self.exact else rhs / diagonal
        return result


def _rank_one_update(table: np.ndarray, column: np.ndarray, row: np.ndarray, buffer: np.ndarray) -> None:
    """``table -= outer(column, row)`` in place, through a preallocated buffer.

    Elementwise numpy rather than BLAS ``dger``, whose threads stall on a busy machine.
    """
    np.multiply(column[:, None], row, out=buffer)
    np.subtract(table, buffer, out=table)


def _positive(matrix: np.ndarray, exact: bool) -> np.ndarray:
    """``matrix`` mapped to entries >= 1 by a positive affine map (scaled to integers if exact).

    Floats go to ``[1, 2]``: ``(matrix - min) / span + 1``. Dividing by the span
    rather than only shifting keeps the tableau's entries of order one, so the
    ratio test's tolerance means the same at every payoff scale (``+ 1`` alone
    would round payoffs of ``1e-90`` away).
    """
    if not exact:
        if not np.isfinite(matrix.max() - matrix.min()):     # the span overflows: halve first (exact)
            matrix = matrix / 2
        low, span = matrix.min(), matrix.max() - matrix.min()
        if span == 0:
            return np.ones_like(matrix)
        return (matrix - low) / span + 1.0
    values = [Fraction(v) for v in matrix.flat]
    low = min(values)
    scale = math.lcm(*(v.denominator for v in values))
    result = np.empty(matrix.shape, dtype=object)
    result.ravel()[:] = [int((v - low + 1) * scale) for v in values]
    return result


class _Path:
    """A Lemke–Howson path from one label, advanced one pivot at a time."""

    def __init__(self, positive_A: np.ndarray, positive_B: np.ndarray, label: int, exact: bool, tol: float,
                 scratch: dict):
        self.m, self.n = positive_A.shape
        self.xs = _Tableau(positive_B.T, False, exact, scratch)   # columns: x (0..m-1), r (m..m+n-1)
        self.ys = _Tableau(positive_A, True, exact, scratch)      # columns: s (0..m-1), y (m..m+n-1)
        self.label, self.tol = label, tol
        self.current = self.xs if label < self.m else self.ys
        self.entering = label

    def step(self) -> bool:
        """One pivot; True when the starting label has left (the path is at an equilibrium)."""
        current = self.current
        leaving = current.pivot(current.leaving_row(self.entering, self.tol), self.entering)
        if leaving == self.label:
            return True
        self.entering = leaving
        self.current = self.ys if current is self.xs else self.xs
        return False

    def result(self) -> tuple[list, list]:
        """The normalised mixed actions ``(x, y)`` at the current vertex pair."""
        m, n = self.m, self.n
        x_values, y_values = self.xs.values(range(m)), self.ys.values(range(m, m + n))
        x = [x_values.get(i, 0) for i in range(m)]
        y = [y_values.get(m + j, 0) for j in range(n)]
        x_total, y_total = sum(x), sum(y)
        return [v / x_total for v in x], [v / y_total for v in y]


def _race(A: np.ndarray, B: np.ndarray, labels: list[int], exact: bool, tol: float,
          max_pivots: int | None = None) -> tuple[int, tuple]:
    """Follow the path from ``labels[0]``; if it is long, race it against the others, one pivot each in turn.

    The first path to end wins (ties: the earlier label). Path lengths vary
    enormously from label to label (a few pivots to tens of thousands in
    random 200x200 games); after ``2 (m + n)`` pivots alone, racing the
    remaining paths costs at most their number times the shortest one.
    ``max_pivots`` bounds the pivots of all paths together (:class:`_PathDidNotEnd` beyond it).
    """
    positive_A, positive_B = _positive(A, exact), _positive(B, exact)
    scratch: dict = {}
    budget = math.inf if max_pivots is None else max_pivots
    first = _Path(positive_A, positive_B, labels[0], exact, tol, scratch)
    pivots = 0
    for _ in range(2 * sum(A.shape)):
        if pivots >= budget:
            raise _PathDidNotEnd(f"the path from label {labels[0]} did not end within {max_pivots} pivots")
        pivots += 1
        if first.step():
            return first.label, first.result()
    paths = [first] + [_Path(positive_A, positive_B, label, exact, tol, scratch) for label in labels[1:]]
    limit = 10 * math.comb(sum(A.shape), min(A.shape)) + 100      # every path visits each vertex pair once
    for _ in range(limit):
        for path in paths:
            if pivots >= budget:
                raise _PathDidNotEnd(f"no path ended within {max_pivots} pivots")
            pivots += 1
            if path.step():
                return path.label, path.result()
    raise _PathDidNotEnd("the Lemke-Howson path did not end")


def _path(A: np.ndarray, B: np.ndarray, label: int, exact: bool, tol: float) -> tuple[list, list]:
    """The end of the Lemke–Howson path from ``label``: the normalised mixed actions ``(x, y)``."""
    return _race(A, B, [label], exact, tol)[1]


def _racing_labels(m: int, n: int, count: int = 8) -> list[int]:
    """The row player's first ``count`` labels and the column player's, interleaved."""
    rows, columns = list(range(min(m, count))), list(range(m, m + min(n, count)))
    order = [label for pair in zip(rows, columns) for label in pair]
    return order + rows[len(columns):] + columns[len(rows):]


def _check(game: Any, label: Any, function: str) -> int | None:
    check_game(game, function)
    if game.num_players != 2:
        raise GameError(f"game: {function} needs a two-player game, got {game.num_players} players")
    if label is None:
        return None
    size = sum(game.shape)
    if isinstance(label, (bool, np.bool_)) or not isinstance(label, numbers.Integral) or not 0 <= label < size:
        raise ParameterError(f"label: expected an integer from 0 to {size - 1} (the row player's actions, then "
                             f"the column player's), got {label!r}")
    return int(label)


#: Float games up to this many pure profiles are re-solved exactly, without a bound, when the float path's
#: check fails (a 50x50 game's exact path takes about 0.1 s).
EXACT_FALLBACK_PROFILES = 2500

#: Larger float games are re-solved exactly for at most this many tableau-entry updates (pivots times
#: the entries of the tableaux): about 50 pivots, or 5 s, on a 100x100 game, whose big-integer entries
#: cost about 0.1 s per pivot.
EXACT_FALLBACK_WORK = 2_000_000


def _solve(game: NormalFormGame, label: int | None, tol: float) -> Equilibrium:
    A, B = game.payoffs
    labels = _racing_labels(*game.shape) if label is None else [label]
    if game.kind != FLOAT:
        x, y = _race(A, B, labels, True, tol)[1]
        return equilibrium(game, (x, y), tol)
    failed: list[int] = []
    while True:                                      # float paths first, each failed label dropped in turn
        winner = None
        remaining = [k for k in labels if k not in failed]
        try:
            winner, (x, y) = _race(A, B, remaining, False, tol)
            return _accepted(game, x, y, tol)
        except (NotAnEquilibrium, _PathDidNotEnd) as exc:    # float trouble: another label, else exact
            trouble = exc
            if winner is not None:
                failed.append(winner)
            if winner is None or len(remaining) == 1 or A.size <= EXACT_FALLBACK_PROFILES:
                break
    # exact arithmetic from the label of the first float path to end (the shortest), else race them all
    start = failed[:1] or remaining
    fractions = [np.vectorize(Fraction, otypes=[object])(p) for p in (A, B)]
    bound = None
    if A.size > EXACT_FALLBACK_PROFILES:
        m, n = game.shape
        bound = max(1, EXACT_FALLBACK_WORK // ((m + n) * (m + n + 1)))
    try:
        x, y = _race(*fractions, start, True, tol, bound)[1]
    except _PathDidNotEnd as exact_exc:
        raise SolverError(f"lemke_howson: the float path lost precision ({trouble}), and its exact re-run did not "
                          f"end within {bound} pivots ({exact_exc}); pass exact payoffs (Fractions) to pivot "
                          f"exactly without a bound, or choose another label") from exact_exc
    return equilibrium(game, ([float(v) for v in x], [float(v) for v in y]), tol)


#: Float probabilities this close below zero are rounding and are set to zero (then renormalised).
_ROUNDING = 64 * np.finfo(float).eps

#: A float end whose deviation gains exceed this share of the tolerance is an equilibrium only up to a
#: near-tie (payoffs 1e-9 apart, say), which :func:`nash_equilibria` may tell apart: it is re-run
#: exactly, so that the answer is an equilibrium of the game's own numbers.
_NEAR_TIE = 1e-2


def _accepted(game: NormalFormGame, x: list, y: list, tol: float) -> Equilibrium:
    """The float end of a path as an :class:`Equilibrium`, if it is a mixed profile and verifies.

    Demands non-negative probabilities (entries within rounding of zero, above
    ``-64 eps``, become zero) that sum to one within ``tol``, and a profile that
    :func:`~cybergames.verify` accepts; raises :class:`NotAnEquilibrium` otherwise, so
    that the caller re-runs the path exactly. A near-degenerate game can leave a
    basic variable a little below zero (``-1e-8``, say) after rounding.
    """
    cleaned = []
    for vector in (x, y):
        array = np.array(vector, dtype=float)
        if not np.isfinite(array).all() or (array < -_ROUNDING).any():
            raise NotAnEquilibrium(f"the float path ended at a vector with a negative entry: {array.tolist()}")
        array[array < 0] = 0.0
        total = array.sum()
        if not abs(total - 1) <= tol:
            raise NotAnEquilibrium(f"the float path ended at a vector summing to {total!r}")
        cleaned.append(array / total)
    result = equilibrium(game, cleaned, tol)
    check = verify(result, tol=tol)
    if not check.ok:
        raise NotAnEquilibrium("; ".join(check.failures))
    for payoff, gain in zip(game.payoffs, result.gains):
        if gain > _NEAR_TIE * game_tolerance(payoff, tol):
            raise NotAnEquilibrium(f"the float path ended at a near-tie: a deviation gains {gain!r}, within the "
                                   f"tolerance but above rounding")
    return result


def lemke_howson(game: NormalFormGame, label: int | None = None, *, tol: float = DEFAULT_TOL) -> Equilibrium:
    r"""One Nash equilibrium of a two-player game, by a Lemke–Howson path.

    Parameters
    ----------
    game : NormalFormGame
        A numeric two-player game (degenerate games are fine).
    label : int or None, optional
        The starting label: ``0 .. m-1`` are the row player's actions,
        ``m .. m+n-1`` the column player's. None (the default) follows the
        path from label 0 and, if it has not ended after ``2 (m + n)``
        pivots, races it against the paths from the first eight labels of
        each player, one pivot each in turn, returning the end of the first
        to finish: path lengths vary from a few pivots to tens of thousands
        between labels, and the race costs at most sixteen times the shortest.
    tol : float, optional
        Float games only: the tolerance of the ratio test and of the final check.

    Returns
    -------
    Equilibrium
        Checked to be a mutual best response; exact for an exact game.

    Raises
    ------
    GameError
        If ``game`` is not a numeric two-player :class:`NormalFormGame`.
    ParameterError
        If ``label`` is not an integer in ``[0, m + n)`` or ``tol`` not in (0, 1).
    SolverError
        If a float game's path loses precision (its end fails the check)
        from every starting label tried, and the exact re-run of a game of
        more than ``EXACT_FALLBACK_PROFILES`` pure profiles does not end within
        ``EXACT_FALLBACK_WORK`` tableau-entry updates. Exact payoffs
        (Fractions) pivot exactly without a bound.

    Notes
    -----
    See the module notes for the pivoting and the lexicographic rule. The
    equilibrium found is always one of those :func:`nash_equilibria` lists
    (an extreme one). For a game large enough that enumerating every
    equilibrium is out of reach, this is the fast route to one: with the
    default race, a float 200x200 game typically takes milliseconds to a few
    tenths of a second (one path costs about 0.1 ms per pivot there). The
    result is deterministic: the same game and label give the same equilibrium.

    References
    ----------
    Lemke & Howson (1964); von Stengel (2002), *Handbook of Game Theory* 3, ch. 45, sec. 3.4.

    Examples
    --------
    >>> from cybergames import battle_of_the_sexes, lemke_howson
    >>> lemke_howson(battle_of_the_sexes())
    Equilibrium(strategies=([1, 0], [1, 0]), payoffs=(3, 2), gains=(0, 0))
    >>> lemke_howson(battle_of_the_sexes(), label=0)
    Equilibrium(strategies=([1, 0], [1, 0]), payoffs=(3, 2), gains=(0, 0))
    >>> lemke_howson(battle_of_the_sexes(), label=1)
    Equilibrium(strategies=([0, 1], [0, 1]), payoffs=(2, 3), gains=(0, 0))
    """
    label = _check(game, label, "lemke_howson")
    tol = check_tol(tol)
    return _solve(game, label, tol)


def lemke_howson_equilibria(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> EquilibriumSet:
    r"""The distinct equilibria that the Lemke–Howson paths from every starting label reach.

    Parameters
    ----------
    game : NormalFormGame
        A numeric two-player game.
    tol : float, optional
        Float games only: as in :func:`lemke_howson`; equilibria within ``tol`` are the same.

    Returns
    -------
    EquilibriumSet
        In order of the first label reaching each; ``complete=False``: some
        equilibria are reached from no label (those of even index, in the
        sense of Shapley 1974, can be missed).

    Raises
    ------
    GameError, ParameterError
        As :func:`lemke_howson`.

    References
    ----------
    Shapley (1974), *Mathematical Programming Study* 1; von Stengel (2002), sec. 3.4.

    Examples
    --------
    Every label of battle of the sexes leads to a pure equilibrium; the mixed
    one is reached from none:

    >>> from cybergames import battle_of_the_sexes, lemke_howson_equilibria
    >>> [eq.profile for eq in lemke_howson_equilibria(battle_of_the_sexes())]
    [('Opera', 'Opera'), ('Football', 'Football')]
    """
    _check(game, None, "lemke_howson_equilibria")
    tol = check_tol(tol)
    found: list[Equilibrium] = []
    for label in range(sum(game.shape)):
        candidate = _solve(game, label, tol)
        if not any(_same(candidate, known, game.kind == FLOAT, tol) for known in found):
            found.append(candidate)
    return EquilibriumSet(tuple(found), game=game, method="Lemke-Howson, every starting label",
                          exact=game.kind != FLOAT, complete=False, degenerate=None)


def _same(first: Equilibrium, second: Equilibrium, is_float: bool, tol: float) -> bool:
    if is_float:
        return all(np.allclose(a, b, atol=tol, rtol=0) for a, b in zip(first.strategies, second.strategies))
    return all(list(a) == list(b) for a, b in zip(first.strategies, second.strategies))
