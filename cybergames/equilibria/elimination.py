r"""Iterated elimination of dominated actions: :func:`iterated_elimination`.

An action :math:`a` of player :math:`i` is **strictly dominated** by a mixed
action :math:`x` of the same player (putting no weight on :math:`a`) when

.. math:: \sum_b x_b\, u_i(b, t) > u_i(a, t) \quad\text{for every opponents' profile } t,

and **weakly dominated** when ``>=`` holds for every :math:`t` and ``>`` for
at least one. With ``D[b, t] = u_i(b, t) - u_i(a, t)`` the strict test is the
matrix game :math:`\varepsilon^* = \max_{x \in \Delta} \min_t (x^\top D)_t`:
:math:`a` is strictly dominated iff :math:`\varepsilon^* > 0`. Its dual, a
belief :math:`\beta` over the opponents' profiles with :math:`\max_b (D\beta)_b
= \varepsilon^*`, is the certificate of the other answer: when
:math:`\varepsilon^* \le 0`, :math:`a` is a best response to :math:`\beta`
(Pearce's lemma; Pearce 1984, Lemma 3). The weak test adds a second programme,
:math:`\max \sum_t (x^\top D)_t` over the :math:`x` with :math:`x^\top D \ge 0`,
whose dual is a *full-support* belief to which :math:`a` is a best response
when it is not weakly dominated.

**Order.** Every round removes, for every player at once, all the actions
dominated in the game that survives the rounds before; the rounds repeat until
nothing is dominated. For *strict* dominance the order does not matter: any
sequence of removals of strictly dominated actions, carried on until none
is left, ends with the same game (Gilboa, Kalai & Zemel 1990; Osborne &
Rubinstein 1994, Proposition 61.2 for the pure case), and that game contains
the support of every Nash equilibrium, since a strictly dominated action is
never a best response. For *weak* dominance the result can depend on the
order (Osborne & Rubinstein 1994, Example 63.2), and weakly dominated actions
can be played in equilibrium; the simultaneous order used here is one of
several conventions.

References
----------
Gibbons, *A Primer in Game Theory* (1992), sec. 1.1.B. Pearce,
"Rationalizable strategic behavior and the problem of perfection",
*Econometrica* 52 (1984). Gilboa, Kalai & Zemel, "On the order of eliminating
dominated strategies", *Operations Research Letters* 9 (1990). Osborne &
Rubinstein, *A Course in Game Theory* (1994), sec. 4.2.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import SolverError
from ..games.normal_form import NormalFormGame
from . import _exact_lp, _lp
from ._build import check_flag, check_game, check_tol
from .result import _show

__all__ = ["iterated_elimination", "ReducedGame", "Removal"]


@dataclass(frozen=True)
class Removal:
    """One removal: ``player``'s ``action`` was dominated by ``dominator`` in round ``round``.

    Attributes
    ----------
    round : int
        The round (from 0) in which the action was removed.
    player : int
        The player's index.
    action : str
        The label of the removed action.
    dominator : tuple of (str, number) pairs
        The dominating mixed action: its support, with probabilities, among the
        player's actions that survived the earlier rounds.
    margin : number
        The dominator's least gain over ``action`` across the opponents'
        profiles surviving the earlier rounds: positive for strict dominance,
        non-negative for weak dominance.
    """

    round: int
    player: int
    action: str
    dominator: tuple
    margin: Any

    def __repr__(self) -> str:
        mix = ", ".join(f"{label}: {_show(p)}" for label, p in self.dominator)
        return (f"Removal(round={self.round}, player={self.player}, action={self.action!r}, "
                f"dominator={{{mix}}}, margin={_show(self.margin)})")


@dataclass(frozen=True, eq=False, repr=False)
class ReducedGame(NormalFormGame):
    """The game left by iterated elimination: a :class:`NormalFormGame` that records how it was reached.

    It is a game like any other (solve it with :func:`nash_equilibria`, say); the
    extra attributes are the certificate.

    Attributes
    ----------
    eliminated : tuple of Removal
        The removals in order, each with its dominator.
    original : NormalFormGame
        The game before elimination.
    strict : bool
        Strict (True) or weak dominance.
    mixed : bool
        Whether dominators could be mixed actions.
    beliefs : tuple or None
        With ``mixed=True``: for every player, one belief per surviving action
        (a distribution over the opponents' surviving profiles, one axis per
        opponent) to which that action is a best response — a full-support one,
        or one against which it is the unique best response, under weak
        dominance. This certifies that nothing more can be removed. None for
        ``mixed=False``, whose final test is brute force.
    """

    eliminated: tuple = ()
    original: NormalFormGame | None = field(default=None, repr=False)
    strict: bool = True
    mixed: bool = True
    beliefs: tuple | None = field(default=None, repr=False)

    @property
    def surviving(self) -> tuple:
        """Each player's surviving action labels (the reduced game's ``actions``)."""
        return self.actions

    def __repr__(self) -> str:
        return (f"ReducedGame(actions={[list(a) for a in self.actions]!r}, strict={self.strict}, "
                f"mixed={self.mixed}, eliminated={len(self.eliminated)} actions)")


def _matrix(payoff: np.ndarray, survivors: list[list[int]], i: int) -> np.ndarray:
    """Player ``i``'s payoffs on the surviving profiles: rows its actions, columns the opponents' profiles."""
    block = payoff[np.ix_(*survivors)]
    return np.moveaxis(block, i, 0).reshape(len(survivors[i]), -1)


def _scale(matrix: np.ndarray) -> float:
    """The payoff scale of float comparisons (no absolute floor: payoffs ×10^k give the same answers)."""
    return _numbers.scale_of(matrix)


def _pure_dominator(matrix: np.ndarray, a: int, strict: bool, slack: float) -> tuple[int, Any] | None:
    """An action (row) dominating row ``a`` and its least gain, or None."""
    gains = matrix - matrix[a]
    for b in range(matrix.shape[0]):
        if b == a:
            continue
        least, most = min(gains[b]), max(gains[b])
        if (least > slack) if strict else (least >= -slack and most > slack):
            return b, least
    return None


def _test(matrix: np.ndarray, a: int, strict: bool, mixed: bool, is_float: bool, tol: float):
    """``("dominated", weights over rows, margin)`` or ``("kept", belief over columns)`` or ``("kept", None)``."""
    rows, cols = matrix.shape
    slack = tol * _scale(matrix) if is_float else 0
    pure = _pure_dominator(matrix, a, strict, slack)
    if pure is not None:
        weights = [0] * rows
        weights[pure[0]] = 1
        return "dominated", weights, pure[1]
    if not mixed:
        return "kept", None
    if rows == 1:
        return "kept", [Fraction(1, cols) if not is_float else 1.0 / cols] * cols
    best = matrix.max(axis=0)
    if strict:   # a best response to a pure profile is not strictly dominated
        replies = np.flatnonzero([matrix[a, t] >= best[t] - slack for t in range(cols)])
    else:        # ... nor weakly dominated if it is the unique best response there
        others = np.delete(matrix, a, axis=0)
        replies = np.flatnonzero([matrix[a, t] > others[:, t].max() + slack for t in range(cols)])
    if len(replies):
        belief = [0] * cols
        belief[int(replies[0])] = 1
        return "kept", belief
    competitors = [b for b in range(rows) if b != a]
    gains = matrix[competitors] - matrix[a]
    if is_float:
        solution = _lp.float_solution(np.asarray(gains, dtype=float))
        if solution is None:  # pragma: no cover - HiGHS solves matrix games
            exact = np.empty(gains.shape, dtype=object)
            exact.ravel()[:] = [Fraction(float(v)) for v in gains.flat]
            solution = tuple(np.array(v, dtype=float) for v in _lp.exact_solution(exact)[1:])
        x, rho = solution
        value = min(x @ gains)
    else:
        value, x, rho = _lp.exact_solution(gains)
    if value > slack:
        return "dominated", _spread(x, competitors, rows), value
    if not strict and value >= -slack:
        return _weak_test(gains, competitors, rows, is_float, slack)
    return "kept", list(rho)


def _weak_test(gains: np.ndarray, competitors: list[int], rows: int, is_float: bool, slack: float):
    """``max sum_t (x D)_t`` s.t. ``x D >= 0``, ``x`` a distribution; its dual is a full-support belief."""
    k, cols = gains.shape
    posed, unit = gains, 1.0
    if is_float:        # entries of order one for HiGHS, whose tolerances are absolute; the duals are unchanged
        unit = _numbers.unit_of(gains)
        posed = np.asarray(gains, dtype=float) / unit
    objective = [sum(posed[b]) for b in range(k)]
    upper = [[-posed[b, t] for b in range(k)] for t in range(cols)]
    solution = _exact_lp.maximise(objective, upper, [0] * cols, [[1] * k], [1], exact=not is_float)
    if solution is not None and solution.value * unit > slack * cols:
        margin = min(sum(solution.x[b] * gains[b, t] for b in range(k)) for t in range(cols))
        return "dominated", _spread(solution.x, competitors, rows), max(margin, 0) if is_float else margin
    if solution is None:  # pragma: no cover - the value test made the programme feasible
        raise SolverError("internal error: the weak-dominance programme is infeasible (a bug: please report the game)")
    total = sum(1 + y for y in solution.y_ub)
    return "kept", [(1 + y) / total for y in solution.y_ub]


def _spread(weights: Any, rows_of: list[int], size: int) -> list:
    full = [0] * size
    for r, w in zip(rows_of, weights):
        full[r] = w
    return full


def _number(value: Any, is_float: bool) -> Any:
    return float(value) if is_float else _numbers.simplify_exact(Fraction(value))


def iterated_elimination(game: NormalFormGame, *, strict: bool = True, mixed: bool = True,
                         tol: float = DEFAULT_TOL) -> ReducedGame:
    r"""Remove dominated actions round by round until none is left.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game with any number of players.
    strict : bool, optional
        Strict dominance (default; the result does not depend on the order of
        removal) or weak dominance (``False``; it can).
    mixed : bool, optional
        Let mixed actions dominate (default; one linear programme per test)
        or only pure actions.
    tol : float, optional
        Float games only: gains within ``tol * max|payoffs|`` of zero count as zero (the
        player's payoffs on the surviving profiles: relative, so that multiplying the
        payoffs by any positive constant changes nothing).

    Returns
    -------
    ReducedGame
        The reduced game (a :class:`NormalFormGame`) with ``eliminated``, the
        removals in order with their dominators, and ``beliefs`` certifying
        that the survivors are undominated. Exact games are tested exactly.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame`.
    ParameterError
        If ``strict`` or ``mixed`` is not a bool or ``tol`` not in (0, 1).

    Notes
    -----
    Each round tests every surviving action of every player in the game left
    by the earlier rounds and removes all that are dominated; see the module
    notes for the linear programmes and why strict elimination is
    order-independent. A pure dominator is looked for first, and an action
    that is a (unique, for weak dominance) best response to some pure profile
    is kept without a programme.

    References
    ----------
    Gibbons (1992), *A Primer in Game Theory*, sec. 1.1.B; Pearce (1984),
    *Econometrica* 52, Lemma 3; Osborne & Rubinstein (1994), sec. 4.2.

    Examples
    --------
    Gibbons' (1992, sec. 1.1.B) game: Middle dominates Right; then Up
    dominates Down; then Middle dominates Left.

    >>> from cybergames import NormalFormGame, iterated_elimination
    >>> game = NormalFormGame([[[1, 1, 0], [0, 0, 2]], [[0, 2, 1], [3, 1, 0]]],
    ...                       actions=[["Up", "Down"], ["Left", "Middle", "Right"]])
    >>> reduced = iterated_elimination(game)
    >>> reduced.actions
    (('Up',), ('Middle',))
    >>> [(r.player, r.action) for r in reduced.eliminated]
    [(1, 'Right'), (0, 'Down'), (1, 'Left')]

    An action dominated only by a mix: Bottom earns 1 against either column,
    the even mix of Top and Middle 3/2.

    >>> game = NormalFormGame([[[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]]],
    ...                       actions=[["Top", "Middle", "Bottom"], ["L", "R"]])
    >>> iterated_elimination(game).eliminated
    (Removal(round=0, player=0, action='Bottom', dominator={Top: 1/2, Middle: 1/2}, margin=1/2),)
    >>> iterated_elimination(game, mixed=False).actions[0]
    ('Top', 'Middle', 'Bottom')
    """
    check_game(game, "iterated_elimination")
    strict = check_flag(strict, "strict")
    mixed = check_flag(mixed, "mixed")
    tol = check_tol(tol)
    is_float = game.kind == FLOAT
    payoffs = game.payoffs
    survivors = [list(range(m)) for m in game.shape]
    removals: list[Removal] = []
    beliefs: list = [None] * game.num_players
    round_ = 0
    while True:
        removed: list[tuple[int, int]] = []
        kept_beliefs: list = []
        for i in range(game.num_players):
            matrix = _matrix(payoffs[i], survivors, i)
            player_beliefs = []
            for a in range(len(survivors[i])):
                verdict = _test(matrix, a, strict, mixed, is_float, tol)
                if verdict[0] == "dominated":
                    _, weights, margin = verdict
                    dominator = tuple((game.actions[i][survivors[i][b]], _number(w, is_float))
                                      for b, w in enumerate(weights) if w > 0)
                    removals.append(Removal(round_, i, game.actions[i][survivors[i][a]], dominator,
                                            _number(margin, is_float)))
                    removed.append((i, a))
                else:
                    player_beliefs.append(verdict[1])
            kept_beliefs.append(player_beliefs)
        if not removed:
            beliefs = kept_beliefs
            break
        for i, a in sorted(removed, reverse=True):
            del survivors[i][a]
        round_ += 1
    return _reduced(game, survivors, tuple(removals), strict, mixed, beliefs if mixed else None, is_float)


def _reduced(game: NormalFormGame, survivors: list[list[int]], removals: tuple, strict: bool, mixed: bool,
             beliefs: list | None, is_float: bool) -> ReducedGame:
    arrays = [p[np.ix_(*survivors)] for p in game.payoffs]
    actions = [[game.actions[i][k] for k in s] for i, s in enumerate(survivors)]
    stored = None
    if beliefs is not None:
        stored = []
        for i, player_beliefs in enumerate(beliefs):
            shape = tuple(len(s) for j, s in enumerate(survivors) if j != i)
            frozen = []
            for belief in player_beliefs:
                if is_float:
                    array = np.array(belief, dtype=float).reshape(shape)
                else:
                    array = np.empty(len(belief), dtype=object)
                    array[:] = [_numbers.simplify_exact(Fraction(v)) for v in belief]
                    array = array.reshape(shape)
                array.flags.writeable = False
                frozen.append(array)
            stored.append(tuple(frozen))
        stored = tuple(stored)
    return ReducedGame(arrays, actions, game.players, eliminated=removals, original=game, strict=strict,
                       mixed=mixed, beliefs=stored)


# ---------------------------------------------------------------- verification
@verify.register(ReducedGame)
def _verify_reduced(result: ReducedGame, *, tol: float | None = None) -> Verification:
    """Replay the removals with their dominators, and check the survivors' beliefs (or, pure, brute force).

    Each dominator is re-checked against the game left by the earlier rounds,
    recomputed from ``original`` with its own payoff look-ups; the survivors
    must be the original actions minus the removed ones, in order.
    """
    game = result.original
    tol = DEFAULT_TOL if tol is None else float(tol)
    is_float = game.kind == FLOAT
    failures: list[str] = []
    checked = 0
    alive = [list(labels) for labels in game.actions]
    rounds = sorted({r.round for r in result.eliminated})
    for number in rounds:
        batch = [r for r in result.eliminated if r.round == number]
        for removal in batch:
            checked += 1
            failure = _check_removal(game, alive, removal, result.strict, is_float, tol)
            if failure:
                failures.append(failure)
        for removal in batch:
            alive[removal.player].remove(removal.action)
    if [list(a) for a in result.actions] != alive:
        failures.append(f"the survivors are {alive}, the reduced game has {result.actions}")
    expected = [[game.payoff(profile, i) for profile in _profiles_of(alive)] for i in range(game.num_players)]
    found = [[result.payoff(profile, i) for profile in _profiles_of(alive)] for i in range(game.num_players)]
    if expected != found:
        failures.append("the reduced game's payoffs differ from the original's on the surviving profiles")
    if result.beliefs is None:
        for i in range(game.num_players):
            for a in alive[i]:
                checked += 1
                for b in alive[i]:
                    gains = [game.payoff(_with(p, i, b), i) - game.payoff(_with(p, i, a), i)
                             for p in _profiles_of(alive)]
                    slack = tol * _alive_scale(game, alive, i) if is_float else 0
                    if b != a and (min(gains) > slack if result.strict else
                                   (min(gains) >= -slack and max(gains) > slack)):
                        failures.append(f"player {i}'s surviving {a!r} is dominated by {b!r}")
    else:
        for i in range(game.num_players):
            for a, belief in zip(alive[i], result.beliefs[i]):
                checked += 1
                failure = _check_belief(game, alive, i, a, belief, result.strict, is_float, tol)
                if failure:
                    failures.append(failure)
    return Verification(not failures, checked + 2, tuple(failures))


def _alive_scale(game: NormalFormGame, alive: list[list[str]], i: int) -> float:
    """Player ``i``'s payoff scale on the surviving profiles: the scale the solver's tolerance used."""
    return _numbers.scale_of([float(game.payoff(profile, i)) for profile in _profiles_of(alive)])


def _profiles_of(alive: list[list[str]]) -> list[tuple]:
    return list(itertools.product(*alive))


def _with(profile: tuple, i: int, action: str) -> tuple:
    return profile[:i] + (action,) + profile[i + 1:]


def _opponent_profiles(alive: list[list[str]], i: int) -> list[tuple]:
    return [p for p in _profiles_of([a if j != i else a[:1] for j, a in enumerate(alive)])]


def _check_removal(game, alive, removal: Removal, strict: bool, is_float: bool, tol: float) -> str | None:
    i, action = removal.player, removal.action
    labels = [label for label, _ in removal.dominator]
    if action not in alive[i] or action in labels or not set(labels) <= set(alive[i]):
        return f"{removal!r}: the action or its dominator's support is not among the survivors"
    weights = [p for _, p in removal.dominator]
    total = sum(weights)
    if any(p < 0 for p in weights) or (abs(total - 1) > tol if is_float else total != 1):
        return f"{removal!r}: the dominator is not a distribution"
    gains = []
    for profile in _opponent_profiles(alive, i):
        mixed_value = sum(p * game.payoff(_with(profile, i, b), i) for b, p in removal.dominator)
        gains.append(mixed_value - game.payoff(_with(profile, i, action), i))
    least, most = min(gains), max(gains)
    slack = tol * _alive_scale(game, alive, i) if is_float else 0
    if (abs(least - removal.margin) > slack) if is_float else least != removal.margin:
        return f"{removal!r}: the least gain is {least!r}, recorded {removal.margin!r}"
    ok = least > slack if strict else (least >= -slack and most > slack)
    return None if ok else f"{removal!r}: the dominator does not dominate (gains {gains})"


def _check_belief(game, alive, i, action, belief, strict: bool, is_float: bool, tol: float) -> str | None:
    profiles = _opponent_profiles(alive, i)
    weights = list(np.ravel(belief))
    if len(weights) != len(profiles) or any(w < 0 for w in weights):
        return f"player {i}'s belief for {action!r} is not a distribution over the opponents' profiles"
    values = {b: sum(w * game.payoff(_with(p, i, b), i) for w, p in zip(weights, profiles)) for b in alive[i]}
    best = max(values.values())
    slack = tol * _alive_scale(game, alive, i) if is_float else 0
    if values[action] < best - slack:
        return f"player {i}'s {action!r} is not a best response to its belief"
    if not strict:
        unique = all(values[action] > v + slack for b, v in values.items() if b != action)
        full = all(w > 0 for w in weights)
        if not (unique or full):
            return (f"player {i}'s belief for {action!r} neither has full support nor makes it the "
                    f"unique best response")
    return None
