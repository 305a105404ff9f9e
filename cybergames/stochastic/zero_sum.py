r"""Two-player zero-sum stochastic games: Shapley's value iteration and Hoffman–Karp policy improvement.

For a zero-sum discounted stochastic game the row player's values
:math:`v(s)` are the unique fixed point of Shapley's operator

.. math::

    v(s) = \operatorname{val} G_s(v), \qquad
    G_s(v)_{ij} = u(s, i, j) + \delta \sum_{s'} P(s' \mid s, i, j)\, v(s'),

where :math:`\operatorname{val}` is the value of a matrix game; optimal
strategies of the matrix games :math:`G_s(v)` form optimal *stationary*
strategies (Shapley 1953, Thm. 1 and 2; Filar & Vrieze 1997, sec. 4.3).

* **Shapley iteration** applies the operator, one linear programme per state
  and step (HiGHS through the minmax LP of :mod:`cybergames.equilibria`); it is a
  :math:`\delta`-contraction.
* **Hoffman–Karp** (1966) policy improvement: the row player takes optimal
  strategies :math:`x_s` of :math:`G_s(v)`, the column player best-responds by
  solving the MDP against them, and :math:`v` becomes the value of that MDP;
  the values increase monotonically to the game's value, usually in a few steps.

**Exact answers.** The value of a game with rational data can be irrational
(the example in the docs has value :math:`6 - 2\sqrt 5`). On exact input the
float solution is rounded to nearby fractions, each candidate :math:`v` is
refined by one exact Hoffman–Karp step, and it is accepted only when it is an
exact fixed point: :math:`\operatorname{val} G_s(v) = v(s)` in every state,
by the exact matrix-game LP. Then the exact optimal strategies of the matrix
games are the certificate: :math:`\min_j (x_s^\top G_s(v))_j \ge v(s)` and
:math:`\max_i (G_s(v) y_s)_i \le v(s)` prove that :math:`x` guarantees and
:math:`y` holds the row player to :math:`v`. Otherwise the float answer is
returned with ``exact=False``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..equilibria import _lp
from ..errors import GameError, ParameterError
from ._checks import float_array
from .game import StochasticGame
from .mdp import solve_mdp

__all__ = ["ShapleyResult", "shapley_value", "stage_matrix"]

METHODS = ("shapley", "hoffman_karp")


@dataclass(frozen=True, eq=False)
class ShapleyResult:
    """The value of a two-player zero-sum stochastic game and optimal stationary strategies.

    Attributes
    ----------
    values : tuple
        The row player's value in each state.
    strategies : tuple
        Per state, ``(x, y)``: the row player's and the column player's optimal
        mixed actions there (tuples of probabilities).
    method : str
        ``"shapley"`` or ``"hoffman_karp"``: how the (float) values were found.
    exact : bool
        Whether ``values`` and ``strategies`` are exact and exactly certified.
    error_bound : number
        A bound on the distance of ``values`` to the value (0 when exact).
    iterations : int
    game : StochasticGame
    """

    values: tuple
    strategies: tuple = field(repr=False)
    method: str
    exact: bool
    error_bound: Any
    iterations: int
    game: StochasticGame = field(repr=False)


def stage_matrix(game: StochasticGame, state: int, values: Any) -> np.ndarray:
    r"""The matrix game :math:`G_s(v) = u(s) + \delta P(s) v` of the row player in ``state``.

    >>> from fractions import Fraction
    >>> from cybergames.stochastic import StochasticGame, stage_matrix
    >>> g = StochasticGame([[[1, 0]]], [[[[1], [1]]]], Fraction(1, 2))
    >>> stage_matrix(g, 0, [2]).tolist()
    [[Fraction(2, 1), Fraction(1, 1)]]
    """
    if not isinstance(game, StochasticGame):
        raise GameError(f"game: expected a StochasticGame, got {type(game).__name__}")
    if isinstance(state, bool) or not isinstance(state, (int, np.integer)) or not 0 <= state < game.num_states:
        raise ParameterError(f"state: expected a state index 0 to {game.num_states - 1}, got {state!r}")
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__") or len(list(values)) != game.num_states:
        raise ParameterError(f"values: expected one number per state ({game.num_states}), got {values!r}")
    try:
        values = np.asarray(list(values), dtype=float if game.kind == FLOAT else object)
        return game.payoffs[state][0] + game.discount * (game.transitions[state] @ values)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"values: expected one number per state, got {values!r}") from exc


def _float_val(matrix: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """The value and optimal strategies of a float matrix game: saddle point, 2x2 formula, or the LP."""
    matrix = np.asarray(matrix, dtype=float)
    row_security, column_security = matrix.min(axis=1), matrix.max(axis=0)
    i, j = int(row_security.argmax()), int(column_security.argmin())
    if row_security[i] == column_security[j]:                    # a pure saddle point
        x, rho = np.zeros(matrix.shape[0]), np.zeros(matrix.shape[1])
        x[i] = rho[j] = 1.0
        return float(matrix[i, j]), x, rho
    if matrix.shape == (2, 2):                                    # no saddle: both mix (von Neumann)
        (a, b), (c, d) = matrix
        denominator = a + d - b - c
        p, q = (d - c) / denominator, (d - b) / denominator
        return (a * d - b * c) / denominator, np.array([p, 1 - p]), np.array([q, 1 - q])
    solution = _lp.float_solution(matrix)
    if solution is None:  # pragma: no cover - HiGHS solves every bounded matrix game
        raise ArithmeticError("internal error: the matrix-game LP failed")
    x, rho = solution
    low, high = _lp.certificate_value(matrix, x, rho)
    return (low + high) / 2, x, rho


def _column_mdp(game: StochasticGame, xs: list, kind: str):
    """The column player's MDP against stationary row strategies ``xs``: transitions and rewards (negated)."""
    states = game.num_states
    width = max(game.action_counts(s)[1] for s in range(states))
    dtype = float if kind == FLOAT else object
    P = np.empty((width, states, states), dtype=dtype)
    r = np.empty((width, states), dtype=dtype)
    for s in range(states):
        x = np.asarray(xs[s], dtype=dtype)
        cols = game.action_counts(s)[1]
        for j in range(width):
            jj = min(j, cols - 1)                         # pad with copies of the last column
            r[j, s] = -(x @ game.payoffs[s][0][:, jj])
            P[j, s] = x @ game.transitions[s][:, jj, :]
    return P, r


def _hoffman_karp_step(game: StochasticGame, values: Any, kind: str):
    """One Hoffman–Karp step: row strategies from G(v), then the value of the column player's best reply."""
    if kind == FLOAT:
        xs = [_float_val(stage_matrix(game, s, values))[1] for s in range(game.num_states)]
    else:
        xs = [_lp.exact_solution(stage_matrix(game, s, values))[1] for s in range(game.num_states)]
    P, r = _column_mdp(game, xs, kind)
    reply = solve_mdp(P, r, game.discount, method="policy_iteration")
    return np.array([-v for v in reply.values], dtype=float if kind == FLOAT else object)


def _check_game(game: Any) -> StochasticGame:
    if not isinstance(game, StochasticGame):
        raise GameError(f"game: expected a StochasticGame, got {type(game).__name__}")
    if not game.is_zero_sum:
        raise GameError("game: expected a two-player zero-sum stochastic game (payoffs summing to zero)")
    return game


def shapley_value(game: StochasticGame, *, method: str = "shapley", tol: float = DEFAULT_TOL,
                  max_iter: int = 100_000) -> ShapleyResult:
    r"""The value and optimal stationary strategies of a two-player zero-sum stochastic game.

    Parameters
    ----------
    game : StochasticGame
        Two players, payoffs summing to zero (build it from the row player's
        matrices).
    method : {"shapley", "hoffman_karp"}
        Shapley's value iteration or Hoffman–Karp policy improvement over LPs
        (see the module docstring); both give the same values.
    tol : float
        The float solution is within ``tol`` times the largest absolute stage
        payoff of the value (relative, so that scaling every payoff leaves the
        answer unchanged).
    max_iter : int
        A cap on the iterations; :class:`ParameterError` if reached.

    Returns
    -------
    ShapleyResult
        Exact when the game is exact and its value is rational (certified by
        the exact matrix-game LPs); floats with ``exact=False`` otherwise.

    Raises
    ------
    GameError
        If ``game`` is not a two-player zero-sum :class:`StochasticGame`.
    ParameterError
        For an unknown method, a non-positive ``tol`` or too many iterations.

    References
    ----------
    Shapley, L. S. (1953). Stochastic games. *PNAS* 39(10), 1095–1100.
    Hoffman, A. J. & Karp, R. M. (1966). On nonterminating stochastic games.
    *Management Science* 12(5), 359–370. Filar, J. & Vrieze, K. (1997).
    *Competitive Markov Decision Processes*, Springer, sec. 4.3 and 6.3.

    Examples
    --------
    State 0: the row player's matrix ``[[3, 0], [0, 1]]``; its top row leads
    to state 1, which pays 1 forever (value 2 at discount 1/2). So
    :math:`G_0(v) = [[4, 1], [v/2, 1 + v/2]]`, which has no saddle point, and
    :math:`v = \operatorname{val} G_0(v) = (4 + 3v/2)/4` gives :math:`v = 8/5`,
    with the top row played with probability 1/4.

    >>> from fractions import Fraction
    >>> from cybergames.stochastic import StochasticGame, shapley_value
    >>> game = StochasticGame(
    ...     [[[3, 0], [0, 1]], [[1]]],
    ...     [[[[0, 1], [0, 1]], [[1, 0], [1, 0]]], [[[0, 1]]]],
    ...     Fraction(1, 2))
    >>> result = shapley_value(game)
    >>> result.values, result.exact
    ((Fraction(8, 5), Fraction(2, 1)), True)
    >>> result.strategies[0][0]
    (Fraction(1, 4), Fraction(3, 4))
    """
    game = _check_game(game)
    if method not in METHODS:
        raise ParameterError(f"method: expected one of {METHODS}, got {method!r}")
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not tol > 0:
        raise ParameterError(f"tol: expected a positive number, got {tol!r}")
    delta = float(game.discount)
    unit = payoff_scale(game)               # iterate in payoff units: 1e-300 and 1e300 solve like 1
    floats = _as_float(game)
    work = StochasticGame([np.asarray(p[0], dtype=float) / unit for p in floats.payoffs], floats.transitions, delta)
    values = np.zeros(game.num_states)
    iterations, change = 0, np.inf
    stop = tol * (1 - delta) / max(2 * delta, 1e-300)
    while change > stop:
        iterations += 1
        if iterations > max_iter:
            raise ParameterError(f"max_iter: {method} did not reach tol={tol} in {max_iter} iterations")
        if method == "shapley":
            new = np.array([_float_val(stage_matrix(work, s, values))[0] for s in range(game.num_states)])
        else:
            new = _hoffman_karp_step(work, values, FLOAT)
        change = float(np.max(np.abs(new - values)))
        values = new
        if delta == 0:
            break
    bound = delta * change / (1 - delta) * unit
    if game.kind != FLOAT:
        certified = _exact_values(game, values * unit)
        if certified is not None:
            exact_values, strategies = certified
            return ShapleyResult(values=tuple(exact_values), strategies=strategies, method=method, exact=True,
                                 error_bound=0, iterations=iterations, game=game)
    strategies = []
    for s in range(game.num_states):
        _, x, y = _float_val(stage_matrix(work, s, values))
        strategies.append((tuple(x.tolist()), tuple(y.tolist())))
    values = values * unit
    return ShapleyResult(values=tuple(values.tolist()), strategies=tuple(strategies), method=method, exact=False,
                         error_bound=bound, iterations=iterations, game=game)


def payoff_scale(game: StochasticGame) -> float:
    """The largest absolute stage payoff (1.0 if all are 0): float tolerances are relative to it."""
    return _numbers.unit_of(*(p[0] for p in game.payoffs))


def _as_float(game: StochasticGame) -> StochasticGame:
    if game.kind == FLOAT:
        return game
    return StochasticGame([float_array(p[0], "game payoffs") for p in game.payoffs],
                          [float_array(t, "game transitions") for t in game.transitions], float(game.discount))


def _exact_values(game: StochasticGame, approximate: np.ndarray):
    """Exact values and strategies certified as Shapley's fixed point, or None if none was found."""
    tried = set()
    for limit in (10, 100, 10**4, 10**6, 10**9):
        guess = tuple(Fraction(float(v)).limit_denominator(limit) for v in approximate)
        candidates = [guess]
        try:
            candidates.append(tuple(Fraction(v) for v in _hoffman_karp_step(game, np.array(guess, dtype=object),
                                                                             "exact")))
        except (ArithmeticError, ValueError):  # pragma: no cover - exact LPs and solves do not fail
            pass
        for candidate in candidates:
            if candidate in tried:
                continue
            tried.add(candidate)
            strategies = []
            for s in range(game.num_states):
                value, x, y = _lp.exact_solution(stage_matrix(game, s, np.array(candidate, dtype=object)))
                if value != candidate[s]:
                    break
                strategies.append((tuple(x.tolist()), tuple(y.tolist())))
            else:
                return candidate, tuple(strategies)
    return None


@verify.register
def _verify_shapley(result: ShapleyResult, *, tol: float | None = None) -> Verification:
    """Re-check that each state's strategies guarantee and hold the values in G_s(values)."""
    game = result.game
    failures = []
    slack = 0 if result.exact else ((tol if tol is not None else 10 * DEFAULT_TOL) * payoff_scale(game)
                                    + 2 * float(result.error_bound))
    for s, (x, y) in enumerate(result.strategies):
        matrix = stage_matrix(game if result.exact else _as_float(game), s,
                              np.array(result.values, dtype=object if result.exact else float))
        x = np.array(x, dtype=object if result.exact else float)
        y = np.array(y, dtype=object if result.exact else float)
        if abs(sum(x) - 1) > slack or abs(sum(y) - 1) > slack or min(x) < -slack or min(y) < -slack:
            failures.append(f"state {s}: the strategies are not distributions")
        if min(x @ matrix) < result.values[s] - slack:
            failures.append(f"state {s}: the row strategy guarantees only {min(x @ matrix)} < {result.values[s]}")
        if max(matrix @ y) > result.values[s] + slack:
            failures.append(f"state {s}: the column strategy concedes {max(matrix @ y)} > {result.values[s]}")
    return Verification(ok=not failures, checked=3 * len(result.strategies), failures=tuple(failures))
