r"""Correlated and coarse correlated equilibria: :func:`correlated_equilibria`.

A mediator draws a pure profile :math:`s` from a distribution :math:`p` and
tells each player its own action :math:`s_i` only. :math:`p` is a **correlated
equilibrium** (Aumann 1974) when no player gains by disobeying any
recommendation:

.. math::

    \sum_{s_{-i}} p(a, s_{-i}) \bigl[u_i(a', s_{-i}) - u_i(a, s_{-i})\bigr] \le 0
    \quad\text{for every player } i \text{ and actions } a \ne a',

and a **coarse correlated equilibrium** (Moulin & Vial 1978; Hannan 1957) when
no player gains by committing, *before* hearing the recommendation, to a fixed
action :math:`a'`:
:math:`\sum_s p(s) [u_i(a', s_{-i}) - u_i(s)] \le 0` for every :math:`i, a'`.
Both sets are polytopes cut out of the simplex of distributions by linear
inequalities, and every Nash equilibrium (the product of its mixed actions)
lies in both, so the sets are never empty; CE :math:`\subseteq` CCE.

A linear objective :math:`\sum_s p(s) \sum_i w_i u_i(s)` (the welfare, with
all :math:`w_i = 1`, or one player's payoff) is maximised over the polytope by
linear programming: exactly for exact games, the optimum certified by the dual
multipliers of the incentive constraints (``_exact_lp``). For small games
the polytope's extreme points are enumerated exactly by the double description
method (``_double_description``): the polytope is the slice
:math:`\sum_s p(s) = 1` of the pointed cone cut out of the orthant by the
incentive constraints.

References
----------
Aumann, "Subjectivity and correlation in randomized strategies", *Journal of
Mathematical Economics* 1 (1974). Moulin & Vial, "Strategically zero-sum
games", *International Journal of Game Theory* 7 (1978). Papadimitriou &
Roughgarden, "Computing correlated equilibria in multi-player games",
*Journal of the ACM* 55 (2008), sec. 2.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Mapping, Sequence

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import ParameterError, SolverError
from ..games.normal_form import NormalFormGame
from . import _double_description, _exact_lp, _labels
from ._build import check_flag, check_game, check_tol
from .result import _show

__all__ = ["correlated_equilibria", "CorrelatedEquilibrium"]

#: The largest number of pure profiles whose correlated-equilibrium polytope is enumerated.
MAX_VERTEX_PROFILES = 64


@dataclass(frozen=True, eq=False)
class CorrelatedEquilibrium:
    """A (coarse) correlated equilibrium that maximises an objective, with its certificates.

    Attributes
    ----------
    distribution : mapping
        Read-only mapping from every pure profile (a tuple of action labels,
        in :meth:`NormalFormGame.profiles` order) to its probability.
    payoffs : tuple
        Each player's expected payoff.
    value : number
        The objective's value, ``sum(weights[i] * payoffs[i])``.
    weights : tuple
        The objective as weights on the players' payoffs.
    coarse : bool
        Whether this is a coarse correlated equilibrium (``True``) or a correlated one.
    exact : bool
        Whether the numbers are exact.
    gains : tuple
        Each player's largest expected gain from a deviation (a disobeyed
        recommendation, or a committed action for ``coarse``): zero or negative.
    array : ndarray
        The distribution as an array of the game's shape.
    constraints : tuple
        The incentive constraints, ``(player, recommended, deviation)``
        (``recommended`` is None for coarse ones) ...
    multipliers : tuple
        ... and their non-negative dual multipliers: with ``value`` they
        certify that no equilibrium scores higher (for every profile,
        ``sum_k multipliers[k] * gain_k(profile) + value >= objective(profile)``).
    vertices : tuple of ndarray or None
        With ``vertices=True``: every extreme point of the (coarse) correlated
        equilibrium polytope, as arrays of the game's shape.
    game : NormalFormGame
    """

    distribution: Mapping
    payoffs: tuple
    value: Any
    weights: tuple
    coarse: bool
    exact: bool
    gains: tuple
    array: np.ndarray = field(repr=False)
    constraints: tuple = field(repr=False)
    multipliers: tuple = field(repr=False)
    vertices: tuple | None = field(default=None, repr=False)
    game: NormalFormGame | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        support = ", ".join(f"{profile}: {_show(p)}" for profile, p in self.distribution.items() if p > 0)
        kind = "coarse " if self.coarse else ""
        payoffs = ", ".join(_show(v) for v in self.payoffs) + ("," if len(self.payoffs) == 1 else "")
        return f"CorrelatedEquilibrium({kind}distribution={{{support}}}, payoffs=({payoffs}))"


def _weights(game: NormalFormGame, objective: Any) -> tuple:
    n = game.num_players
    if objective is None or (isinstance(objective, str) and objective == "welfare"
                             and "welfare" not in game.players):
        return (1,) * n
    if isinstance(objective, str) or (isinstance(objective, numbers.Integral)
                                      and not isinstance(objective, (bool, np.bool_))):
        try:
            i = game.player_index(objective)
        except ValueError as exc:
            raise ParameterError(f"objective: expected None, 'welfare', a player or {n} weights, got "
                                 f"{objective!r}") from exc
        return tuple(int(k == i) for k in range(n))
    if isinstance(objective, (Sequence, np.ndarray)) and len(objective) == n:
        return tuple(_numbers.normalise(w, f"objective[{k}]", ParameterError) for k, w in enumerate(objective))
    raise ParameterError(f"objective: expected None, 'welfare', a player or {n} weights (one per player), "
                         f"got {objective!r}")


def _incentives(game: NormalFormGame, coarse: bool) -> tuple[list, list[np.ndarray]]:
    """The incentive constraints (labels) and their rows: ``row . p <= 0``, over flattened profiles."""
    labels, rows = [], []
    for i, payoff in enumerate(game.payoffs):
        m = game.shape[i]
        for b in range(m):
            deviation = np.take(payoff, [b], axis=i)          # u_i(b, s_-i), broadcast along axis i
            if coarse:
                row = deviation - payoff
                if any(v != 0 for v in row.flat):
                    labels.append((i, None, game.actions[i][b]))
                    rows.append(np.ravel(row))
                continue
            for a in range(m):
                if a == b:
                    continue
                row = np.zeros_like(payoff) if game.kind == FLOAT else np.full(payoff.shape, 0, dtype=object)
                index = [slice(None)] * game.num_players
                index[i] = a
                row[tuple(index)] = np.take(payoff, b, axis=i) - np.take(payoff, a, axis=i)
                if any(v != 0 for v in row.flat):
                    labels.append((i, game.actions[i][a], game.actions[i][b]))
                    rows.append(np.ravel(row))
    return labels, rows


def correlated_equilibria(game: NormalFormGame, objective: Any = None, *, coarse: bool = False,
                          vertices: bool = False, tol: float = DEFAULT_TOL) -> CorrelatedEquilibrium:
    r"""The (coarse) correlated equilibrium that maximises an objective, and optionally every extreme point.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game with any number of players.
    objective : None, str, int or sequence of numbers, optional
        What to maximise: the sum of the payoffs (None or ``'welfare'``, the
        default), one player's payoff (its index or label), or
        ``sum(w[i] * u_i)`` for weights ``w`` (one per player; negative
        weights minimise).
    coarse : bool, optional
        Coarse correlated equilibria (deviations committed before the
        recommendation) instead of correlated ones.
    vertices : bool, optional
        Also enumerate every extreme point of the equilibrium polytope
        (games with at most 64 pure profiles).
    tol : float, optional
        Float games only: the tolerance of the checks.

    Returns
    -------
    CorrelatedEquilibrium
        ``distribution`` (profile to probability), ``payoffs``, the ``value``
        and the dual ``multipliers`` that certify it is optimal. Exact for an
        exact game with exact weights.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame`.
    ParameterError
        If ``objective`` is not one of the forms above, ``coarse`` or
        ``vertices`` is not a bool, the game is too large for ``vertices``,
        or ``tol`` is not in (0, 1).

    Notes
    -----
    See the module notes for the inequalities. Maximising welfare can select
    an equilibrium outside the convex hull of the Nash equilibria' payoffs:
    the mediator's correlation avoids the worst profile (both go straight, in
    chicken) that independent mixing cannot.

    References
    ----------
    Aumann (1974), *Journal of Mathematical Economics* 1, sec. 2;
    Papadimitriou & Roughgarden (2008), *Journal of the ACM* 55.

    Examples
    --------
    Aumann's chicken (payoffs 6, 6 / 2, 7 / 7, 2 / 0, 0): the best
    correlated equilibrium for welfare recommends (Chicken, Chicken) half of
    the time and each asymmetric profile a quarter, paying 21/4 each, more
    than any Nash equilibrium's 14/3 to both.

    >>> from cybergames import NormalFormGame, correlated_equilibria
    >>> game = NormalFormGame([[[6, 2], [7, 0]], [[6, 7], [2, 0]]], actions=[["C", "D"], ["C", "D"]])
    >>> best = correlated_equilibria(game)
    >>> best
    CorrelatedEquilibrium(distribution={('C', 'C'): 1/2, ('C', 'D'): 1/4, ('D', 'C'): 1/4}, payoffs=(21/4, 21/4))
    >>> best.distribution[("D", "D")], best.gains
    (0, (0, 0))
    >>> correlated_equilibria(game, objective=0).payoffs
    (7, 2)
    >>> len(correlated_equilibria(game, vertices=True).vertices)
    5
    """
    check_game(game, "correlated_equilibria")
    weights = _weights(game, objective)
    coarse = check_flag(coarse, "coarse")
    want_vertices = check_flag(vertices, "vertices")
    tol = check_tol(tol)
    size = int(np.prod(game.shape))
    if want_vertices and size > MAX_VERTEX_PROFILES:
        raise ParameterError(f"vertices: the extreme points are enumerated for games with at most "
                             f"{MAX_VERTEX_PROFILES} pure profiles; this game has {size}")
    is_float = game.kind == FLOAT or any(isinstance(w, float) for w in weights)
    labels, rows = _incentives(game, coarse)
    flat = [np.ravel(p) for p in game.payoffs]
    objective_row = [sum(w * u[s] for w, u in zip(weights, flat)) for s in range(size)]
    objective_scale = rows_scale = payoff_scale = 1.0
    if is_float:
        objective_row = [float(v) for v in objective_row]
        rows = [np.asarray(r, dtype=float) for r in rows]
        # HiGHS's tolerances are absolute (it drops matrix entries below 1e-9): pose the programme with
        # entries of order one, so that its answer is the same at every payoff scale
        objective_scale = _numbers.unit_of(objective_row)
        rows_scale = _numbers.unit_of(*rows)
        payoff_scale = _numbers.unit_of(*game.payoffs)
        posed_objective = [v / objective_scale for v in objective_row]
        posed_rows = [list(r / rows_scale) for r in rows]
    else:
        posed_objective, posed_rows = objective_row, [list(r) for r in rows]
    solution = _exact_lp.maximise(posed_objective, posed_rows, [0] * len(rows), [[1] * size], [1],
                                  exact=not is_float)
    if solution is None:  # pragma: no cover - every game has a Nash, hence a correlated, equilibrium
        raise SolverError("internal error: the correlated-equilibrium programme is infeasible"
                          " (a bug: please report the game)")
    probabilities = [_clean(v, is_float) for v in solution.x]
    if is_float:
        total = sum(probabilities)
        probabilities = [p / total for p in probabilities]
    array = _frozen(np.reshape(np.array(probabilities, dtype=float if is_float else object), game.shape))
    distribution = MappingProxyType(dict(zip(game.profiles(), probabilities)))
    payoffs = tuple(_clean(sum(p * u[s] for s, p in enumerate(probabilities)), is_float, payoff_scale)
                    for u in flat)
    gains = _gains(labels, rows, probabilities, game.num_players, is_float, payoff_scale)
    value = _clean(sum(w * v for w, v in zip(weights, payoffs)), is_float, objective_scale)
    found = _vertices(game, rows, is_float) if want_vertices else None
    # the posed programme's multipliers, times objective_scale / rows_scale, are the game's (both sides of
    # the dual constraint rows . y + z >= objective scale alike)
    unit = objective_scale / rows_scale
    multipliers = tuple(_clean(y * unit, is_float, unit) if is_float else _clean(y, is_float)
                        for y in solution.y_ub)
    return CorrelatedEquilibrium(distribution, payoffs, value, tuple(weights), coarse, not is_float, gains, array,
                                 tuple(labels), multipliers, found, game)


def _clean(value: Any, is_float: bool, scale: float = 1.0) -> Any:
    """Floats within ``1e-15 * scale`` of zero become zero (``scale``: the magnitude of such values)."""
    if is_float:
        value = float(value)
        return 0.0 if abs(value) < 1e-15 * scale else value
    return _numbers.simplify_exact(Fraction(value))


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def _gains(labels: list, rows: list, probabilities: list, players: int, is_float: bool,
           scale: float = 1.0) -> tuple:
    """Each player's largest expected gain over its incentive constraints (0 for a player without any)."""
    result = []
    for i in range(players):
        gains = [sum(r * p for r, p in zip(row, probabilities) if r) for (j, _, _), row in zip(labels, rows) if j == i]
        result.append(_clean(max(gains), is_float, scale) if gains else _clean(0, is_float))
    return tuple(result)


def _vertices(game: NormalFormGame, rows: list, is_float: bool) -> tuple:
    """Every extreme point of ``{p >= 0, sum p = 1, rows . p <= 0}`` by double description, exactly."""
    size = int(np.prod(game.shape))
    total = size + len(rows)
    wide = total > _labels.INT64_LABELS
    rays = np.zeros((size, size), dtype=object)
    rays[...] = 0
    for s in range(size):
        rays[s, s] = 1
    bit = [1 << b for b in range(total)]
    masks = [sum(bit[b] for b in range(size) if b != s) for s in range(size)]
    tight = _double_description._as_bits(masks, wide)
    for k, row in enumerate(rows):
        exact_row = [-Fraction(v) for v in row]                        # -row . p >= 0
        scale = math.lcm(*(v.denominator for v in exact_row))
        integer_row = np.empty(size, dtype=object)
        integer_row[:] = [int(v * scale) for v in exact_row]
        rays, tight = _double_description._add_constraint(rays, tight, integer_row, bit[size + k], size, wide)
    result = []
    for ray in rays:
        total_weight = sum(int(v) for v in ray)
        point = [Fraction(int(v), total_weight) for v in ray]
        array = np.array([float(v) for v in point]) if is_float else np.array(
            [_numbers.simplify_exact(v) for v in point], dtype=object)
        result.append(_frozen(array.reshape(game.shape)))
    result.sort(key=lambda a: tuple(-float(v) for v in a.flat))
    return tuple(result)


# ---------------------------------------------------------------- verification
@verify.register(CorrelatedEquilibrium)
def _verify_correlated(result: CorrelatedEquilibrium, *, tol: float | None = None) -> Verification:
    """Recompute the incentive constraints, payoffs and dual bound from the game's payoffs.

    Checks: the distribution is one (over every profile); every incentive
    constraint holds; the payoffs, gains and value are what the distribution
    gives; the multipliers are non-negative and, for every profile, bound the
    objective (weak duality: so no equilibrium has a larger value); each
    vertex satisfies the constraints.
    """
    game = result.game
    tol = DEFAULT_TOL if tol is None else float(tol)
    is_float = not result.exact
    failures: list[str] = []
    profiles = list(game.profiles())
    p = result.distribution
    slack = tol if is_float else 0

    payoff_scale = _numbers.scale_of(*game.payoffs)

    def close(a: Any, b: Any, unit: float = payoff_scale) -> bool:
        """Equal (exact), or within ``tol`` relative to ``unit`` (the payoff scale) and to ``a`` and ``b``."""
        return abs(float(a) - float(b)) <= tol * max(unit, abs(float(a)), abs(float(b))) if is_float else a == b

    if set(p) != set(profiles) or any(v < -slack for v in p.values()) or not close(sum(p.values()), 1, 1.0):
        failures.append("the distribution is not a probability distribution over the pure profiles")
    payoffs = tuple(sum(p[s] * game.payoff(s, i) for s in profiles) for i in range(game.num_players))
    if not all(close(a, b) for a, b in zip(payoffs, result.payoffs)):
        failures.append(f"the payoffs are {payoffs}, recorded {result.payoffs}")
    if not close(sum(w * v for w, v in zip(result.weights, payoffs)), result.value,
                 payoff_scale * sum(abs(float(w)) for w in result.weights)):
        failures.append("the value is not the objective of the payoffs")

    def gain(constraint: tuple, s: tuple) -> Any:
        i, recommended, deviation = constraint
        if recommended is not None and s[i] != recommended:
            return 0
        return game.payoff(s[:i] + (deviation,) + s[i + 1:], i) - game.payoff(s, i)

    table = [[gain(c, s) for s in profiles] for c in _all_constraints(game, result.coarse)]
    scale = max([0.0] + [abs(float(v)) for row in table for v in row])     # the gains' scale: no absolute floor
    for c, row in zip(_all_constraints(game, result.coarse), table):
        total = sum(g * p[s] for g, s in zip(row, profiles))
        if total > slack * scale:
            failures.append(f"the incentive constraint {c} is violated by {total!r}")
    for i in range(game.num_players):
        mine = [sum(g * p[s] for g, s in zip(row, profiles))
                for c, row in zip(_all_constraints(game, result.coarse), table) if c[0] == i]
        expected = max(mine) if mine else 0
        if not (close(max(expected, result.gains[i]), result.gains[i]) and close(expected, result.gains[i])):
            failures.append(f"player {i}'s largest deviation gain is {expected!r}, recorded {result.gains[i]!r}")
    index = {c: k for k, c in enumerate(result.constraints)}
    if any(y < -slack for y in result.multipliers):
        failures.append("a multiplier is negative")
    for s_index, s in enumerate(profiles):
        bound = result.value + sum(result.multipliers[index[c]] * gain(c, s) for c in result.constraints)
        target = sum(w * game.payoff(s, i) for i, w in enumerate(result.weights))
        if bound < target - slack * scale * max(1, len(result.constraints)):
            failures.append(f"the dual bound fails at {s}: {bound!r} < {target!r}")
            break
    for vertex in result.vertices or ():
        q = dict(zip(profiles, vertex.flat))
        if any(v < -slack for v in q.values()) or not close(sum(q.values()), 1, 1.0) or any(
                sum(g * q[s] for g, s in zip(row, profiles)) > slack * scale for row in table):
            failures.append(f"the vertex {vertex.tolist()} is not an equilibrium")
    return Verification(not failures, 5 + len(table) + len(result.vertices or ()), tuple(failures))


def _all_constraints(game: NormalFormGame, coarse: bool) -> list[tuple]:
    if coarse:
        return [(i, None, b) for i in range(game.num_players) for b in game.actions[i]]
    return [(i, a, b) for i in range(game.num_players) for a in game.actions[i] for b in game.actions[i] if a != b]
