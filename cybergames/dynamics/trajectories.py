r"""Deterministic dynamics on mixed actions: replicator, best-response and logit dynamics.

A *population state* is one mixed action per player (for the one-population
replicator dynamics of a symmetric game, a single mixed action): the shares of
a large population playing each action. Write :math:`u_i(a, x_{-i})` for the
payoff of action :math:`a` of player :math:`i` against the others' states and
:math:`\bar u_i(x) = \sum_a x_{ia} u_i(a, x_{-i})` for the population average.

* **Replicator dynamics** (Taylor & Jonker 1978), one population playing a
  symmetric game with payoff matrix :math:`A`:
  :math:`\dot x_a = x_a\,[(Ax)_a - x^\top A x]`. The *asymmetric* (multi-population)
  replicator dynamics give each player role its own population:
  :math:`\dot x_{ia} = x_{ia}\,[u_i(a, x_{-i}) - \bar u_i(x)]` (Hofbauer & Sigmund
  1998, *Evolutionary Games and Population Dynamics*, ch. 7 and 10).
  Every Nash equilibrium is a rest point; so is every pure profile.
* **Best-response dynamics** (Gilboa & Matsui 1991; Hofbauer & Sigmund 1998, ch. 8):
  :math:`\dot x_i = b_i(x) - x_i`, with :math:`b_i(x)` a best response to
  :math:`x_{-i}` (here: the uniform mixture of all pure best responses). Its
  rest points are exactly the Nash equilibria.
* **Logit dynamics** (Fudenberg & Levine 1998, *The Theory of Learning in Games*,
  ch. 4; Hofbauer & Sandholm 2002): :math:`\dot x_i = L_i(x) - x_i` with
  :math:`L_i(x)_a = e^{\beta u_i(a, x_{-i})} / \sum_b e^{\beta u_i(b, x_{-i})}`.
  Its rest points are exactly the logit quantal response equilibria of
  precision :math:`\beta` (McKelvey & Palfrey 1995).

Continuous time is integrated with ``scipy.integrate.solve_ivp`` (floats).
Discrete time (best-response and logit dynamics) iterates
:math:`x_{t + s} = x_t + s\,(T(x_t) - x_t)` with step :math:`s \in (0, 1]`, a
convex combination that stays on the simplex; :math:`s = 1` is simultaneous
(Cournot) best-response play. Discrete best-response dynamics of an exact game
with an exact step are computed exactly (Fractions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL, EXACT, FLOAT
from .._verify import Verification, verify
from ..equilibria._build import check_tol
from ..errors import ParameterError
from ..games import _profiles
from ..games.normal_form import NormalFormGame
from . import _checks

__all__ = ["Trajectory", "replicator_dynamics", "asymmetric_replicator_dynamics", "best_response_dynamics",
           "logit_dynamics"]


@dataclass(frozen=True, eq=False)            # holds arrays: compared by identity
class Trajectory:
    """A path of population states.

    Attributes
    ----------
    dynamics : str
        ``"replicator"``, ``"asymmetric replicator"``, ``"best response"`` or ``"logit"``.
    time : str
        ``"continuous"`` (integrated by ``solve_ivp``) or ``"discrete"`` (iterated).
    times : numpy.ndarray
        The times of the recorded states, read-only (Fractions for exact discrete runs).
    states : tuple of numpy.ndarray
        One read-only array per population, of shape ``(len(times), number of actions)``:
        row ``t`` is that population's mixed action at ``times[t]``. The one-population
        replicator dynamics have one population; the others one per player.
    horizon, step : number
        The final time and the time step (the spacing of recorded points in continuous time).
    beta : number or None
        The logit precision (logit dynamics only).
    method : str
        The ``solve_ivp`` method, or ``"iterate"`` (discrete time).
    kind : str
        ``"exact"`` (Fractions) or ``"float"``.
    game : NormalFormGame
    """

    dynamics: str
    time: str
    times: np.ndarray = field(repr=False)
    states: tuple = field(repr=False)
    horizon: Any
    step: Any
    beta: Any
    method: str
    kind: str
    game: NormalFormGame = field(repr=False)

    @property
    def final(self) -> tuple:
        """The last state: one mixed action (1-D array) per population."""
        return tuple(s[-1] for s in self.states)

    @property
    def populations(self) -> int:
        """The number of populations (1 for the one-population replicator dynamics)."""
        return len(self.states)


# ----------------------------------------------------------------------- vector fields
def _values(payoffs: tuple, state: list, i: int) -> np.ndarray:
    """The payoff of each of player ``i``'s actions against the others' mixed actions."""
    return _profiles.action_payoffs(payoffs[i], [None if j == i else s for j, s in enumerate(state)], i)


def _best_response_target(payoffs: tuple, state: list, kind: str, tol: float) -> list:
    targets = []
    for i in range(len(state)):
        values = _values(payoffs, state, i)
        unit = _numbers.unit_of(payoffs[i]) if kind == FLOAT else 1.0
        best = _checks.best_response_indices(values, kind, tol, unit)
        target = np.zeros(len(values), dtype=float) if kind == FLOAT else np.array([0] * len(values), dtype=object)
        share = 1.0 / len(best) if kind == FLOAT else Fraction(1, len(best))
        target[best] = share
        targets.append(target)
    return targets


def _softmax(values: np.ndarray, beta: float) -> np.ndarray:
    scaled = beta * np.asarray(values, dtype=float)
    scaled -= scaled.max()
    weights = np.exp(scaled)
    return weights / weights.sum()


def _logit_target(payoffs: tuple, state: list, beta: float) -> list:
    return [_softmax(_values(payoffs, state, i), beta) for i in range(len(state))]


def _replicator_field(matrix: np.ndarray, x: np.ndarray) -> np.ndarray:
    fitness = matrix @ x
    return x * (fitness - x @ fitness)


def _asymmetric_field(payoffs: tuple, state: list) -> list:
    result = []
    for i, x in enumerate(state):
        values = _values(payoffs, state, i)
        result.append(x * (values - x @ values))
    return result


# ----------------------------------------------------------------------- integration
def _split(vector: np.ndarray, sizes: tuple) -> list:
    return list(np.split(vector, np.cumsum(sizes)[:-1]))


def _grid(horizon: Any, step: Any) -> tuple[int, list]:
    """The number of steps and the recorded times ``0, step, ..., horizon`` (the last may be shorter)."""
    steps = math.ceil(horizon / step)
    limits.check("horizon / step", steps, "MAX_ROUNDS")
    times = [min(k * step, horizon) for k in range(steps + 1)]
    return steps, times


def _integrate(rhs: Callable, start: list, horizon: float, step: float, method: str,
               progress: Callable | None, *, smooth: bool = True, rate: float = 1.0) -> tuple[np.ndarray, list]:
    """Integrate ``rhs`` (a function of the concatenated state) from ``start`` and record every ``step``.

    A right-hand side that is not ``smooth`` (best responses jump) gets steps no longer than ``step``.
    A field proportional to the payoffs (the replicator's) is integrated in time measured in units
    of ``1 / rate`` (a power of two near the payoff scale, so exactly): the solver then sees a field
    of size 1 whatever the payoffs, instead of norms of 1e300 that overflow its step selection.
    """
    from scipy.integrate import solve_ivp

    sizes = tuple(len(x) for x in start)
    steps, times = _grid(horizon, step)
    times = np.array(times, dtype=float)
    y = np.concatenate([np.asarray(x, dtype=float) for x in start])
    report = _checks.reporter(progress, steps)
    reached = [0]

    def tracked(t: float, v: np.ndarray) -> np.ndarray:
        if progress is not None:                       # the recorded points the integrator has passed
            done = min(steps, int(t / rate / step))
            while reached[0] < done:
                reached[0] += 1
                report(reached[0])
        return rhs(v) / rate

    try:
        solution = solve_ivp(tracked, (0.0, float(times[-1]) * rate), y, method=method, t_eval=times * rate,
                             max_step=np.inf if smooth else float(step) * rate, rtol=1e-8, atol=1e-10)
    except ValueError as exc:
        raise ParameterError(f"method: solve_ivp refused the method {method!r}: {exc}") from exc
    if solution.status < 0 or solution.y.shape[1] != len(times):
        raise ParameterError(f"method: solve_ivp failed at t = {solution.t[-1]}: {solution.message}")
    while reached[0] < steps:
        reached[0] += 1
        report(reached[0])
    rows = np.clip(solution.y.T, 0.0, None)              # round-off below zero
    return times, [_numbers.frozen(np.ascontiguousarray(p)) for p in np.split(rows, np.cumsum(sizes)[:-1], axis=1)]


def _rate(*payoffs: np.ndarray) -> float:
    """The power of two nearest below the payoff scale: the replicator's time unit (see :func:`_integrate`)."""
    return math.ldexp(1.0, math.frexp(_numbers.unit_of(*payoffs))[1] - 1)


def _iterate(target: Callable, start: list, horizon: Any, step: Any, kind: str,
             progress: Callable | None) -> tuple[np.ndarray, list]:
    """``x <- x + s (target(x) - x)`` until ``horizon``; the last step is shortened to end there."""
    steps, times = _grid(horizon, step)
    rows = [[x] for x in start]
    state = list(start)
    report = _checks.reporter(progress, steps)
    for k in range(steps):
        s = times[k + 1] - times[k]
        goal = target(state)
        state = [x + s * (g - x) for x, g in zip(state, goal)]
        for i, x in enumerate(state):
            rows[i].append(x)
        report(k + 1)
    if kind == FLOAT:
        arrays = [_numbers.frozen(np.array(r, dtype=float)) for r in rows]
        return _numbers.frozen(np.array(times, dtype=float)), arrays
    arrays = [_numbers.object_array([[_numbers.simplify_exact(v) for v in x] for x in r]) for r in rows]
    times = _numbers.object_array([_numbers.simplify_exact(t) for t in times])
    return times, arrays


def _time_arguments(horizon: Any, step: Any, time: str) -> tuple[Any, Any]:
    horizon = _checks.positive(horizon, "horizon")
    step = _checks.positive(step, "step")
    if time not in ("continuous", "discrete"):
        raise ParameterError(f"time: expected 'continuous' or 'discrete', got {time!r}")
    if time == "discrete" and step > 1:
        raise ParameterError(f"step: discrete-time dynamics need a step in (0, 1], got {step!r}")
    if step > horizon:
        raise ParameterError(f"step: expected a step no larger than the horizon {horizon!r}, got {step!r}")
    return horizon, step


def _method(method: Any) -> str:
    if not isinstance(method, str):
        raise ParameterError(f"method: expected the name of a solve_ivp method such as 'RK45', got {method!r}")
    return method


# ----------------------------------------------------------------------- public functions
def replicator_dynamics(game: NormalFormGame, initial: Any = None, *, horizon: Any = 10, step: Any = 0.1,
                        method: str = "RK45", progress: Callable | None = None,
                        tol: float = DEFAULT_TOL) -> Trajectory:
    r"""The one-population replicator dynamics of a symmetric two-player game.

    .. math:: \dot x_a = x_a \bigl[(A x)_a - x^\top A x\bigr],

    where :math:`A` is the row player's payoff matrix (``game.payoffs[0]``) and
    :math:`x` the population's shares of the actions.

    Parameters
    ----------
    game : NormalFormGame
        A symmetric two-player game (``payoffs[1]`` is ``payoffs[0]`` transposed).
    initial : sequence of numbers, optional
        The initial shares (default: uniform).
    horizon, step : number, keyword-only
        Integrate on ``[0, horizon]`` and record the state every ``step`` (both > 0).
    method : str, keyword-only
        A ``scipy.integrate.solve_ivp`` method.
    progress : callable, optional
        Called as ``progress(done, total)`` (recorded steps) about a hundred times.
    tol : float, keyword-only
        Tolerance of the check that ``initial`` sums to one (floats).

    Returns
    -------
    Trajectory
        Float states, one population.

    Raises
    ------
    GameError
        If the game is not a numeric symmetric two-player game.
    ProbabilityError
        If ``initial`` is not a probability vector.
    ParameterError
        If ``horizon`` or ``step`` is not positive, ``step > horizon``, or the
        number of steps exceeds ``cybergames.limits.MAX_ROUNDS``.

    References
    ----------
    Taylor, P. D. & Jonker, L. B. (1978). Evolutionarily stable strategies and game dynamics.
    *Mathematical Biosciences* 40, 145–156. Hofbauer, J. & Sigmund, K. (1998). *Evolutionary
    Games and Population Dynamics*, Cambridge University Press, ch. 7.

    Examples
    --------
    In the hawk–dove game (chicken) the mixed equilibrium attracts every interior state:

    >>> from cybergames import chicken
    >>> from cybergames.dynamics import replicator_dynamics
    >>> path = replicator_dynamics(chicken(), [0.9, 0.1], horizon=30)
    >>> [round(float(v), 4) for v in path.final[0]]
    [0.5, 0.5]
    """
    game = _checks.symmetric_game_of(game, "replicator_dynamics")
    tol = check_tol(tol)
    horizon, step = _time_arguments(horizon, step, "continuous")
    progress = _checks.callback(progress)
    start = _checks.initial_population(game, initial, FLOAT, tol=tol)
    matrix = np.asarray(game.payoffs[0], dtype=float)
    times, states = _integrate(lambda v: _replicator_field(matrix, v), [start], float(horizon), float(step),
                               _method(method), progress, rate=_rate(matrix))
    return Trajectory("replicator", "continuous", _numbers.frozen(times), tuple(states), horizon, step, None,
                      method, FLOAT, game)


def asymmetric_replicator_dynamics(game: NormalFormGame, initial: Any = None, *, horizon: Any = 10,
                                   step: Any = 0.1, method: str = "RK45", progress: Callable | None = None,
                                   tol: float = DEFAULT_TOL) -> Trajectory:
    r"""The multi-population replicator dynamics: one population per player.

    .. math:: \dot x_{ia} = x_{ia} \bigl[u_i(a, x_{-i}) - \textstyle\sum_b x_{ib}\, u_i(b, x_{-i})\bigr].

    For two players with payoff matrices :math:`A, B` this is
    :math:`\dot x_a = x_a[(Ay)_a - x^\top A y]`,
    :math:`\dot y_b = y_b[(x^\top B)_b - x^\top B y]`.

    Parameters
    ----------
    game : NormalFormGame
        Any numeric game (n players).
    initial : sequence, optional
        One mixed action per player (labels mean pure actions); default uniform.
    horizon, step, method, progress, tol
        As in :func:`replicator_dynamics`.

    Returns
    -------
    Trajectory
        Float states, one population per player.

    Raises
    ------
    GameError, ProbabilityError, ParameterError
        As in :func:`replicator_dynamics` (any numeric game is accepted).

    References
    ----------
    Hofbauer, J. & Sigmund, K. (1998). *Evolutionary Games and Population Dynamics*, ch. 10.
    Weibull, J. W. (1995). *Evolutionary Game Theory*, MIT Press, sec. 5.1.

    Examples
    --------
    Matching pennies cycles around its equilibrium; the distance from it is a
    constant of motion (Hofbauer & Sigmund 1998, sec. 10.2):

    >>> from cybergames import matching_pennies
    >>> from cybergames.dynamics import asymmetric_replicator_dynamics
    >>> path = asymmetric_replicator_dynamics(matching_pennies(), [[0.6, 0.4], [0.5, 0.5]], horizon=5)
    >>> path.populations, path.states[0].shape
    (2, (51, 2))
    """
    game = _checks.game_of(game, "asymmetric_replicator_dynamics")
    tol = check_tol(tol)
    horizon, step = _time_arguments(horizon, step, "continuous")
    progress = _checks.callback(progress)
    start = _checks.initial_profile(game, initial, FLOAT, tol=tol)
    payoffs = _checks.payoff_arrays(game, FLOAT)
    sizes = game.shape

    def rhs(v: np.ndarray) -> np.ndarray:
        return np.concatenate(_asymmetric_field(payoffs, _split(v, sizes)))

    times, states = _integrate(rhs, start, float(horizon), float(step), _method(method), progress,
                               rate=_rate(*payoffs))
    return Trajectory("asymmetric replicator", "continuous", _numbers.frozen(times), tuple(states), horizon, step,
                      None, method, FLOAT, game)


def best_response_dynamics(game: NormalFormGame, initial: Any = None, *, horizon: Any = 10, step: Any = 0.1,
                           time: str = "continuous", method: str = "RK45", progress: Callable | None = None,
                           tol: float = DEFAULT_TOL) -> Trajectory:
    r"""Best-response dynamics :math:`\dot x_i = b_i(x) - x_i`, in continuous or discrete time.

    :math:`b_i(x)` is the uniform mixture of player :math:`i`'s pure best
    responses to :math:`x_{-i}` (ties within ``tol`` times the payoff scale for
    floats, exact for exact games). In discrete time each step of length
    :math:`s \in (0, 1]` moves every population a fraction :math:`s` of the way
    to its best response, :math:`x_{t+s} = (1 - s)\,x_t + s\,b(x_t)`; with
    :math:`s = 1` everyone plays a best response to last period (Cournot).

    Parameters
    ----------
    game : NormalFormGame
        Any numeric game.
    initial : sequence, optional
        One mixed action per player; default uniform.
    horizon, step : number, keyword-only
        The final time and the step (both > 0; ``step <= 1`` in discrete time).
    time : {"continuous", "discrete"}, keyword-only
    method, progress, tol
        As in :func:`replicator_dynamics` (``method`` is used in continuous time only).

    Returns
    -------
    Trajectory
        Discrete time with an exact game, exact ``initial`` and exact ``step`` and
        ``horizon``: Fractions. Otherwise floats.

    Raises
    ------
    GameError, ProbabilityError, ParameterError
        As in :func:`replicator_dynamics`; also for an unknown ``time``.

    References
    ----------
    Gilboa, I. & Matsui, A. (1991). Social stability and equilibrium. *Econometrica* 59(3),
    859–867. Hofbauer, J. & Sigmund, K. (1998), ch. 8.

    Examples
    --------
    In the prisoner's dilemma every population moves straight to defection;
    after time 1 of discrete steps 1/2, a quarter of the initial cooperators are left:

    >>> from fractions import Fraction
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.dynamics import best_response_dynamics
    >>> path = best_response_dynamics(prisoners_dilemma(), [[1, 0], [1, 0]], horizon=1,
    ...                               step=Fraction(1, 2), time="discrete")
    >>> path.final[0].tolist()
    [Fraction(1, 4), Fraction(3, 4)]
    """
    game = _checks.game_of(game, "best_response_dynamics")
    tol = check_tol(tol)
    horizon, step = _time_arguments(horizon, step, time)
    progress = _checks.callback(progress)
    if time == "continuous":
        start = _checks.initial_profile(game, initial, FLOAT, tol=tol)
        payoffs = _checks.payoff_arrays(game, FLOAT)
        sizes = game.shape

        def rhs(v: np.ndarray) -> np.ndarray:
            state = _split(v, sizes)
            return np.concatenate([b - x for b, x in
                                   zip(_best_response_target(payoffs, state, FLOAT, tol), state)])

        times, states = _integrate(rhs, start, float(horizon), float(step), _method(method), progress,
                                   smooth=False)
        return Trajectory("best response", "continuous", _numbers.frozen(times), tuple(states), horizon, step,
                          None, method, FLOAT, game)
    kind = _checks.kind_of_game(game, horizon, step)
    start = _checks.initial_profile(game, initial, kind, tol=tol)
    if kind == EXACT and any(isinstance(x, float) for v in start for x in v):   # float initial shares
        kind = FLOAT
        start = [np.asarray(v, dtype=float) for v in start]
    if kind == FLOAT:
        horizon, step = float(horizon), float(step)
    payoffs = _checks.payoff_arrays(game, kind)
    times, states = _iterate(lambda state: _best_response_target(payoffs, state, kind, tol), start, horizon, step,
                             kind, progress)
    return Trajectory("best response", "discrete", times, tuple(states), horizon, step, None, "iterate", kind, game)


def logit_dynamics(game: NormalFormGame, beta: Any, initial: Any = None, *, horizon: Any = 10, step: Any = 0.1,
                   time: str = "continuous", method: str = "RK45", progress: Callable | None = None,
                   tol: float = DEFAULT_TOL) -> Trajectory:
    r"""Logit dynamics :math:`\dot x_i = L_i(x) - x_i`, in continuous or discrete time.

    .. math:: L_i(x)_a = \frac{\exp(\beta\, u_i(a, x_{-i}))}{\sum_b \exp(\beta\, u_i(b, x_{-i}))}.

    The rest points are the logit quantal response equilibria of precision
    :math:`\beta` (:math:`\beta = 0`: uniform play; :math:`\beta \to \infty`:
    best responses).

    Parameters
    ----------
    game : NormalFormGame
        Any numeric game.
    beta : number
        The precision :math:`\beta \ge 0` (QuantEcon's ``beta``, McKelvey and Palfrey's :math:`\lambda`).
    initial, horizon, step, time, method, progress, tol
        As in :func:`best_response_dynamics`.

    Returns
    -------
    Trajectory
        Float states.

    Raises
    ------
    ParameterError
        If ``beta`` is negative or not a number; otherwise as :func:`best_response_dynamics`.

    References
    ----------
    Fudenberg, D. & Levine, D. K. (1998). *The Theory of Learning in Games*, MIT Press, ch. 4.
    Hofbauer, J. & Sandholm, W. H. (2002). On the global convergence of stochastic fictitious play.
    *Econometrica* 70(6), 2265–2294. McKelvey, R. D. & Palfrey, T. R. (1995). Quantal response
    equilibria for normal form games. *Games and Economic Behavior* 10, 6–38.

    Examples
    --------
    At precision 0 everyone mixes uniformly:

    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.dynamics import logit_dynamics
    >>> path = logit_dynamics(prisoners_dilemma(), 0, [[1, 0], [1, 0]], horizon=40)
    >>> [round(float(v), 6) for v in path.final[0]]
    [0.5, 0.5]
    """
    game = _checks.game_of(game, "logit_dynamics")
    beta = _checks.non_negative(beta, "beta")
    tol = check_tol(tol)
    horizon, step = _time_arguments(horizon, step, time)
    progress = _checks.callback(progress)
    start = _checks.initial_profile(game, initial, FLOAT, tol=tol)
    payoffs = _checks.payoff_arrays(game, FLOAT)
    b = float(beta)
    if time == "continuous":
        sizes = game.shape

        def rhs(v: np.ndarray) -> np.ndarray:
            state = _split(v, sizes)
            return np.concatenate([g - x for g, x in zip(_logit_target(payoffs, state, b), state)])

        times, states = _integrate(rhs, start, float(horizon), float(step), _method(method), progress)
        method_used = method
    else:
        times, states = _iterate(lambda state: _logit_target(payoffs, state, b), start, float(horizon),
                                 float(step), FLOAT, progress)
        method_used = "iterate"
    return Trajectory("logit", time, _numbers.frozen(np.asarray(times, dtype=float)), tuple(states), horizon, step,
                      beta, method_used, FLOAT, game)


# ----------------------------------------------------------------------- verification
@verify.register
def _verify_trajectory(result: Trajectory, *, tol: float = 1e-7) -> Verification:
    """Every state is a probability vector; discrete steps are recomputed from the game's own methods.

    Discrete best-response and logit steps are recomputed with
    :meth:`NormalFormGame.action_payoffs` (exactly for exact trajectories).
    Replicator trajectories are checked not to grow a support: a share that
    starts at zero stays zero.
    """
    failures: list[str] = []
    checked = 0
    game = result.game
    exact = result.kind == EXACT
    for p, states in enumerate(result.states):
        for t, row in enumerate(states):
            checked += 1
            total = sum(row)
            bad = (any(v < 0 for v in row) or total != 1) if exact else \
                (float(np.min(row)) < -tol or abs(float(total) - 1) > tol * len(row))
            if bad:
                failures.append(f"population {p} at time index {t} is not a probability vector: {list(row)}")
        if result.dynamics.endswith("replicator"):
            zero = states[0] == 0
            checked += 1
            if np.any(np.abs(states[:, zero]) > tol):
                failures.append(f"population {p}: an action absent at the start appears later")
    if result.time == "discrete":
        for t in range(len(result.times) - 1):
            s = result.times[t + 1] - result.times[t]
            profile = [states[t] for states in result.states]
            for i in range(game.num_players):
                values = game.action_payoffs(i, [list(x) for x in profile], tol=1e-6)
                if result.dynamics == "logit":
                    goal = _softmax(values, float(result.beta))
                else:
                    best = max(values)
                    slack = 0 if exact else DEFAULT_TOL * max(_numbers.unit_of(game.payoffs[i]),
                                                              float(np.max(np.abs(np.asarray(values, dtype=float)))))
                    winners = [k for k, v in enumerate(values) if v >= best - slack]
                    goal = [Fraction(1, len(winners)) if k in winners else 0 for k in range(len(values))]
                    if not exact:
                        goal = [float(g) for g in goal]
                expected = [x + s * (g - x) for x, g in zip(profile[i], goal)]
                checked += 1
                actual = result.states[i][t + 1]
                same = list(actual) == expected if exact else \
                    np.allclose(np.asarray(actual, dtype=float), np.asarray(expected, dtype=float), atol=tol)
                if not same:
                    failures.append(f"player {i}, step {t}: expected {expected}, recorded {list(actual)}")
    return Verification(not failures, checked, tuple(failures))
