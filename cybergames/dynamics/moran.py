r"""The Moran process with frequency-dependent fitness: exact fixation probabilities and simulation.

A population of :math:`N` individuals, each of one type (an action of a
symmetric two-player game with payoff matrix :math:`A`), is matched with
everybody else. With :math:`n_b` individuals of type :math:`b`, an individual of
type :math:`a` earns the average payoff over the :math:`N - 1` others,

.. math:: \pi_a = \frac{\sum_b A_{ab}\, n_b - A_{aa}}{N - 1},

and has fitness :math:`1 - w + w\,\pi_a` at selection intensity :math:`w \in [0, 1]`.
Each step one individual is chosen to reproduce with probability proportional
to fitness, and its offspring replaces one individual chosen uniformly at
random (Moran 1958; Nowak 2006, *Evolutionary Dynamics*, ch. 6).

With two types, a mutant type :math:`A` (payoffs :math:`a = A_{AA}`,
:math:`b = A_{AB}`) and a resident type :math:`B` (:math:`c = A_{BA}`,
:math:`d = A_{BB}`), and :math:`i` mutants, the fitnesses are

.. math::

    f_i = 1 - w + w\,\frac{a(i - 1) + b(N - i)}{N - 1}, \qquad
    g_i = 1 - w + w\,\frac{c\,i + d(N - i - 1)}{N - 1},

the number of mutants is a birth–death chain with
:math:`T^+_i = \frac{i f_i}{i f_i + (N - i) g_i}\frac{N - i}{N}` and
:math:`T^-_i = \frac{(N - i) g_i}{i f_i + (N - i) g_i}\frac{i}{N}`, and the
probability that :math:`i` mutants take over is (Karlin & Taylor 1975;
Nowak, Sasaki, Taylor & Fudenberg 2004, eq. 1)

.. math::

    x_i = \frac{1 + \sum_{k=1}^{i-1} \prod_{j=1}^{k} g_j/f_j}
               {1 + \sum_{k=1}^{N-1} \prod_{j=1}^{k} g_j/f_j},
    \qquad \rho = x_1 = \frac{1}{1 + \sum_{k=1}^{N-1} \prod_{j=1}^{k} g_j/f_j}.

Neutral drift (:math:`f = g`) gives :math:`\rho = 1/N`; a constant relative
fitness :math:`r` gives :math:`\rho = (1 - 1/r)/(1 - 1/r^N)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL, EXACT
from .._verify import Verification, verify
from ..errors import ParameterError
from ..games import _profiles
from ..games.normal_form import NormalFormGame
from . import _checks

__all__ = ["Fixation", "fixation_probability", "MoranRun", "moran_process", "FixationEstimate",
           "simulate_fixation"]


@dataclass(frozen=True)
class Fixation:
    """The exact fixation probabilities of a mutant type in the Moran process.

    Attributes
    ----------
    probability : number
        :math:`\\rho`: the probability that one mutant takes over a resident population.
    from_each : tuple
        :math:`x_0, \\dots, x_N`: the probability of fixation from ``i`` mutants
        (``x_0 = 0``, ``x_N = 1``). The certificate: with the transition
        probabilities recomputed from the game, every :math:`x_i` satisfies
        :math:`T^+_i (x_{i+1} - x_i) = T^-_i (x_i - x_{i-1})`.
    fitness : tuple of pairs
        :math:`(f_i, g_i)` for :math:`i = 1, \\dots, N - 1`.
    mutant, resident : str
        The two types (action labels).
    population : int
    intensity : number
    game : NormalFormGame
    """

    probability: Any
    from_each: tuple = field(repr=False)
    fitness: tuple = field(repr=False)
    mutant: str
    resident: str
    population: int
    intensity: Any
    game: NormalFormGame = field(repr=False)

    @property
    def neutral(self) -> Any:
        """:math:`1/N`, the fixation probability under neutral drift (selection favours the mutant above it)."""
        return Fraction(1, self.population) if not isinstance(self.probability, float) else 1 / self.population


def _types(game: NormalFormGame, mutant: Any, resident: Any) -> tuple[int, int]:
    a = _profiles.action_index(game, 0, mutant, "mutant")
    b = _profiles.action_index(game, 0, resident, "resident")
    if a == b:
        raise ParameterError(f"mutant, resident: expected two different types, got {mutant!r} twice")
    return a, b


def _intensity(value: Any) -> Any:
    value = _checks.real(value, "intensity")
    if not 0 <= value <= 1:
        raise ParameterError(f"intensity: expected a selection intensity in [0, 1], got {value!r}")
    return value


def _fitnesses(matrix: np.ndarray, a: int, b: int, n: int, w: Any, exact: bool) -> list:
    """``(f_i, g_i)`` for ``i = 1..N-1``; ParameterError if one is not positive."""
    pa, pb, pc, pd = matrix[a, a], matrix[a, b], matrix[b, a], matrix[b, b]
    if exact:
        pa, pb, pc, pd, w = (Fraction(x) for x in (pa, pb, pc, pd, w))
    else:
        pa, pb, pc, pd, w = (float(x) for x in (pa, pb, pc, pd, w))
    result = []
    for i in range(1, n):
        f = 1 - w + w * _numbers.ratio(pa * (i - 1) + pb * (n - i), n - 1)
        g = 1 - w + w * _numbers.ratio(pc * i + pd * (n - i - 1), n - 1)
        if f <= 0 or g <= 0:
            raise ParameterError(f"intensity: at selection intensity {w!r} a fitness is not positive "
                                 f"(with {i} mutants: {f!r}, {g!r}); lower the intensity or shift the payoffs")
        result.append((f, g))
    return result


def fixation_probability(game: NormalFormGame, population: int, mutant: Any = 0, resident: Any = 1, *,
                         intensity: Any = 1) -> Fixation:
    r"""The exact probability that a mutant type takes over in the Moran process.

    Parameters
    ----------
    game : NormalFormGame
        A symmetric two-player game; its actions are the types.
    population : int
        :math:`N \ge 2`, at most ``cybergames.limits.MAX_POPULATION`` (and
        ``cybergames.limits.MAX_EXACT_POPULATION`` for exact answers, whose
        numbers grow with :math:`N`).
    mutant, resident : int or str
        The two types (action indices or labels); default actions 0 and 1.
    intensity : number, keyword-only
        The selection intensity :math:`w \in [0, 1]` (1: fitness equals payoff;
        0: neutral drift).

    Returns
    -------
    Fixation
        Exact (Fractions) for an exact game and exact intensity, floats otherwise.

    Raises
    ------
    GameError
        If the game is not a numeric symmetric two-player game, or a type is unknown.
    ParameterError
        If ``population`` is not an integer >= 2 (or beyond the limit), the two
        types are the same, ``intensity`` is outside [0, 1], or a fitness is not positive.

    References
    ----------
    Nowak, M. A., Sasaki, A., Taylor, C. & Fudenberg, D. (2004). Emergence of cooperation and
    evolutionary stability in finite populations. *Nature* 428, 646–650, eq. (1). Nowak, M. A.
    (2006). *Evolutionary Dynamics*, Harvard University Press, ch. 6, eqs. (6.4) and (6.13).

    Examples
    --------
    A mutant of constant relative fitness r = 2 in a population of 3:
    :math:`(1 - 1/2)/(1 - 1/8) = 4/7`.

    >>> from cybergames import symmetric_game
    >>> from cybergames.dynamics import fixation_probability
    >>> fixation_probability(symmetric_game([[2, 2], [1, 1]]), 3).probability
    Fraction(4, 7)
    """
    game = _checks.symmetric_game_of(game, "fixation_probability")
    n = _checks.count(population, "population", 2, "MAX_POPULATION")
    a, b = _types(game, mutant, resident)
    w = _intensity(intensity)
    exact = game.kind == EXACT and not isinstance(w, float)
    if exact:                                            # before the N exact fitnesses are built
        limits.check("population", n, "MAX_EXACT_POPULATION")
    fitness = _fitnesses(game.payoffs[0], a, b, n, w, exact)
    if exact:
        product, partial = Fraction(1), [Fraction(1)]    # 1 + sum_{k=1}^{i-1} prod_{j<=k} g_j/f_j, i = 1..N
        for f, g in fitness:
            product = product * g / f
            partial.append(partial[-1] + product)
        total = partial[-1]
        from_each = (0,) + tuple(_numbers.simplify_exact(p / total) for p in partial[:-1]) + (1,)
    else:                                                # in logarithms: the products over- or underflow
        logs = np.cumsum([math.log(g) - math.log(f) for f, g in fitness])
        partial = np.logaddexp.accumulate(np.concatenate(([0.0], logs)))
        from_each = (0.0,) + tuple(float(v) for v in np.exp(partial[:-1] - partial[-1])) + (1.0,)
    fitness = tuple((_numbers.simplify_exact(f), _numbers.simplify_exact(g)) if exact else (f, g)
                    for f, g in fitness)
    return Fixation(from_each[1], from_each, fitness, game.actions[0][a], game.actions[0][b], n,
                    _numbers.simplify_exact(w) if exact else w, game)


@verify.register
def _verify_fixation(result: Fixation, *, tol: float = DEFAULT_TOL) -> Verification:
    """Recompute the birth–death chain from the game and check the balance of every interior state."""
    game, n = result.game, result.population
    a, b = game.actions[0].index(result.mutant), game.actions[0].index(result.resident)
    exact = not isinstance(result.probability, float)
    x = result.from_each
    failures = []
    if len(x) != n + 1 or x[0] != 0 or x[-1] != 1:
        return Verification(False, 1, ("from_each: expected N + 1 values from 0 to 1",))
    w = result.intensity
    for i in range(1, n):
        mutants = [game.payoffs[0][a, a]] * (i - 1) + [game.payoffs[0][a, b]] * (n - i)
        residents = [game.payoffs[0][b, a]] * i + [game.payoffs[0][b, b]] * (n - i - 1)
        if exact:
            f = 1 - w + w * Fraction(sum(mutants)) / (n - 1)
            g = 1 - w + w * Fraction(sum(residents)) / (n - 1)
        else:
            f = 1 - w + w * float(sum(mutants)) / (n - 1)
            g = 1 - w + w * float(sum(residents)) / (n - 1)
        up = i * f * (n - i) / ((i * f + (n - i) * g) * n)
        down = (n - i) * g * i / ((i * f + (n - i) * g) * n)
        lhs, rhs = up * (x[i + 1] - x[i]), down * (x[i] - x[i - 1])
        if (lhs != rhs) if exact else abs(lhs - rhs) > tol * max(1e-300, abs(lhs), abs(rhs)) + 1e-300:
            failures.append(f"state {i}: T+ (x[i+1] - x[i]) = {lhs} differs from T- (x[i] - x[i-1]) = {rhs}")
    return Verification(not failures, n - 1, tuple(failures))


# --------------------------------------------------------------------------- simulation
@dataclass(frozen=True, eq=False)            # holds arrays: compared by identity
class MoranRun:
    """One simulated run of the Moran process.

    Attributes
    ----------
    counts : numpy.ndarray
        Read-only integer array of shape ``(steps + 1, types)``: the number of
        individuals of each type (action) before the first step and after each step.
    fixed : str or None
        The type that took over, or None if ``max_steps`` ran out first.
    steps : int
    population : int
    intensity : number
    seed : int or None
    game : NormalFormGame
    """

    counts: np.ndarray = field(repr=False)
    fixed: str | None
    steps: int
    population: int
    intensity: Any
    seed: Any
    game: NormalFormGame = field(repr=False)

    @property
    def shares(self) -> np.ndarray:
        """The counts divided by the population size (floats)."""
        return _numbers.frozen(self.counts / self.population)


def _initial_counts(game: NormalFormGame, initial: Any, n: int) -> np.ndarray:
    k = game.shape[0]
    if not isinstance(initial, (list, tuple, np.ndarray)) or len(initial) != k:
        raise ParameterError(f"initial: expected {k} counts (one per type) summing to the population {n}, "
                             f"got {initial!r}")
    counts = [_checks.count(c, "initial", 0, "MAX_POPULATION") for c in initial]
    if sum(counts) != n:
        raise ParameterError(f"initial: expected counts summing to the population {n}, got {initial!r}")
    return np.array(counts, dtype=np.int64)


def _run(matrix: np.ndarray, counts: np.ndarray, n: int, w: float, rng: np.random.Generator,
         max_steps: int, record: bool, report: Callable | None = None) -> tuple[list, int | None, int]:
    """Simulate until one type has everybody or ``max_steps`` steps; return rows, the winner, steps.

    Each step draws two uniforms (from blocks drawn at once) and picks the
    parent with probability proportional to count times fitness and the one
    who dies with probability proportional to count, by inverse transform over
    a few types in plain Python: numpy's per-call overhead dominated steps of
    two or three types.
    """
    k = len(counts)
    a = matrix.tolist()
    counts = [int(c) for c in counts]
    rows = [np.array(counts, dtype=np.int64)] if record else []
    steps, uniforms, used = 0, [], 0
    while max(counts) < n and steps < max_steps:
        if used == len(uniforms):
            uniforms, used = rng.random(2 * min(_BLOCK, max_steps - steps)).tolist(), 0
        first, second = uniforms[used], uniforms[used + 1]
        used += 2
        weights = [counts[i] * (1 - w + w * (sum(a[i][j] * counts[j] for j in range(k)) - a[i][i]) / (n - 1))
                   for i in range(k)]
        birth = _inverse(weights, first * sum(weights))
        death = _inverse(counts, second * n)
        counts[birth] += 1
        counts[death] -= 1
        steps += 1
        if record:
            rows.append(np.array(counts, dtype=np.int64))
        if report is not None:
            report(steps)
    winner = counts.index(n) if max(counts) == n else None
    return rows, winner, steps


#: Uniforms drawn at once (two per step).
_BLOCK = 4096


def _inverse(weights: list, target: float) -> int:
    """The first index whose cumulative weight exceeds ``target`` (the last with positive weight at the end)."""
    total, last = 0.0, 0
    for i, weight in enumerate(weights):
        if weight > 0:
            total += weight
            last = i
            if target < total:
                return i
    return last


def _simulation_arguments(game: Any, population: Any, intensity: Any, max_steps: Any, function: str) -> tuple:
    game = _checks.symmetric_game_of(game, function)
    n = _checks.count(population, "population", 2, "MAX_POPULATION")
    w = float(_intensity(intensity))
    max_steps = _checks.count(max_steps, "max_steps", 1, "MAX_ROUNDS")
    matrix = np.asarray(game.payoffs[0], dtype=float)
    lowest = (1 - w) + w * float(matrix.min())          # every average payoff is at least the least entry
    if lowest <= 0:
        raise ParameterError(f"intensity: at selection intensity {w!r} some fitness 1 - w + w * payoff is not "
                             f"positive; lower the intensity or shift the payoffs")
    return game, n, w, max_steps, matrix


def moran_process(game: NormalFormGame, population: int, initial: Any, *, intensity: Any = 1, seed: Any = None,
                  max_steps: int = 100_000, progress: Callable | None = None) -> MoranRun:
    r"""Simulate the Moran process until one type takes over (or ``max_steps`` steps).

    Parameters
    ----------
    game : NormalFormGame
        A symmetric two-player game; its actions are the types (any number of them).
    population : int
        :math:`N \ge 2`.
    initial : sequence of int
        The number of individuals of each type, summing to ``population``.
    intensity : number, keyword-only
        Selection intensity in [0, 1]; every fitness :math:`1 - w + w\pi` must be positive.
    seed : None, int or numpy.random.Generator, keyword-only
    max_steps : int, keyword-only
        At most ``cybergames.limits.MAX_ROUNDS``.
    progress : callable, optional
        ``progress(done, max_steps)``, called about a hundred times over ``max_steps``.

    Returns
    -------
    MoranRun

    Raises
    ------
    GameError
        If the game is not a numeric symmetric two-player game.
    ParameterError
        For a population below 2, counts that do not sum to it, an intensity
        outside [0, 1] or making a fitness non-positive, a bad seed or ``max_steps``.

    References
    ----------
    Moran, P. A. P. (1958). Random processes in genetics. *Proc. Cambridge Philos. Soc.* 54, 60–71.
    Nowak, M. A. (2006). *Evolutionary Dynamics*, ch. 6.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.dynamics import moran_process
    >>> run = moran_process(prisoners_dilemma(), 10, [5, 5], intensity=0.5, seed=0)
    >>> run.fixed, int(run.counts[-1].sum())
    ('D', 10)
    """
    game, n, w, max_steps, matrix = _simulation_arguments(game, population, intensity, max_steps, "moran_process")
    counts = _initial_counts(game, initial, n)
    progress = _checks.callback(progress)
    seed_value = int(seed) if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) else None
    rng = _checks.generator(seed)
    report = _checks.reporter(progress, max_steps) if progress is not None else None
    rows, winner, steps = _run(matrix, counts, n, w, rng, max_steps, True, report)
    return MoranRun(_numbers.frozen(np.array(rows, dtype=np.int64)),
                    None if winner is None else game.actions[0][winner], steps, n, intensity, seed_value, game)


@verify.register
def _verify_moran_run(result: MoranRun, **kwargs: Any) -> Verification:
    """Each step moves one individual from one type to another (or none), and the run ends at fixation."""
    counts = result.counts
    failures = []
    if counts.shape != (result.steps + 1, result.game.shape[0]) or np.any(counts.sum(axis=1) != result.population) \
            or np.any(counts < 0):
        failures.append("counts: not a sequence of compositions of the population")
    else:
        moves = np.abs(np.diff(counts, axis=0)).sum(axis=1)
        if np.any((moves != 0) & (moves != 2)):
            failures.append("counts: a step changes more than one individual")
        ended = counts[-1].max() == result.population
        if ended != (result.fixed is not None) or (ended and result.game.actions[0][int(np.argmax(counts[-1]))]
                                                   != result.fixed):
            failures.append("fixed: does not match the final composition")
    return Verification(not failures, 3, tuple(failures))


@dataclass(frozen=True)
class FixationEstimate:
    """A Monte Carlo estimate of a fixation probability.

    Attributes
    ----------
    probability : float
        The share of runs in which the mutant took over.
    standard_error : float
        :math:`\\sqrt{p(1 - p)/n}` over the ``repetitions`` runs.
    fixations, repetitions, unfinished : int
        Runs won by the mutant, runs in all, runs cut off by ``max_steps`` (counted as not fixed).
    mutant, resident : str
    population : int
    intensity : number
    seed : int or None
    game : NormalFormGame
    """

    probability: float
    standard_error: float
    fixations: int
    repetitions: int
    unfinished: int
    mutant: str
    resident: str
    population: int
    intensity: Any
    seed: Any
    game: NormalFormGame = field(repr=False)


def simulate_fixation(game: NormalFormGame, population: int, mutant: Any = 0, resident: Any = 1, *,
                      repetitions: int = 1000, intensity: Any = 1, seed: Any = None, max_steps: int = 100_000,
                      progress: Callable | None = None) -> FixationEstimate:
    r"""Estimate the fixation probability of one mutant by simulating the Moran process.

    Parameters
    ----------
    game, population, mutant, resident, intensity
        As in :func:`fixation_probability`.
    repetitions : int, keyword-only
        Runs, each from one mutant among ``population - 1`` residents.
    seed, max_steps, progress
        As in :func:`moran_process` (``progress(done, repetitions)``).

    Returns
    -------
    FixationEstimate

    Raises
    ------
    GameError, ParameterError
        As in :func:`moran_process`.

    Examples
    --------
    >>> from cybergames import symmetric_game
    >>> from cybergames.dynamics import simulate_fixation
    >>> estimate = simulate_fixation(symmetric_game([[2, 2], [1, 1]]), 3, repetitions=2000, seed=0)
    >>> abs(estimate.probability - 4 / 7) < 3 * estimate.standard_error
    True
    """
    game, n, w, max_steps, matrix = _simulation_arguments(game, population, intensity, max_steps,
                                                          "simulate_fixation")
    a, b = _types(game, mutant, resident)
    repetitions = _checks.count(repetitions, "repetitions", 1, "MAX_ROUNDS")
    progress = _checks.callback(progress)
    seed_value = int(seed) if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) else None
    rng = _checks.generator(seed)
    report = _checks.reporter(progress, repetitions)
    start = np.zeros(game.shape[0], dtype=np.int64)
    start[a], start[b] = 1, n - 1
    # only the two types are present: the run stays on them
    fixations = unfinished = 0
    for r in range(repetitions):
        _, winner, _ = _run(matrix, start, n, w, rng, max_steps, False)
        fixations += winner == a
        unfinished += winner is None
        report(r + 1)
    p = fixations / repetitions
    return FixationEstimate(p, math.sqrt(p * (1 - p) / repetitions), fixations, repetitions, unfinished,
                            game.actions[0][a], game.actions[0][b], n, intensity, seed_value, game)

