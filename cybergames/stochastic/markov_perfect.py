r"""Markov perfect equilibria of finite general-sum stochastic games.

A stationary Markov profile :math:`\sigma` assigns each player a mixed action
in each state. Player :math:`i`'s values solve the linear equations

.. math::

    V_i = u_i^\sigma + \delta P^\sigma V_i, \qquad
    u_i^\sigma(s) = \sum_a \sigma(a \mid s) u_i(s, a), \quad
    P^\sigma(s, s') = \sum_a \sigma(a \mid s) P(s' \mid s, a),

and :math:`\sigma` is a **Markov perfect equilibrium** iff no player gains by
a one-shot deviation in any state: for every :math:`i, s` and action :math:`b`,

.. math::

    Q_i(s, b) = \sum_{a_{-i}} \sigma_{-i}(a_{-i} \mid s)
       \big[u_i(s, b, a_{-i}) + \delta \textstyle\sum_{s'} P(s' \mid s, b, a_{-i}) V_i(s')\big]
       \le V_i(s)

(the one-shot deviation principle holds in discounted stochastic games;
Fudenberg & Tirole 1991, *Game Theory*, sec. 13.1; Maskin & Tirole 2001).

* **Pure** MPE: every pure stationary profile is evaluated exactly (rational
  linear solves) and kept iff it passes every one-shot deviation check.
* **Mixed** MPE of two-player games with two actions per state: for each
  choice, per state and player, of "action 0", "action 1" or "mix", the
  mixing probabilities must make the mixer indifferent. With the values
  eliminated (they are rational functions of the probabilities) this is a
  polynomial system, solved exactly by sympy; real solutions strictly inside
  (0, 1) that pass the one-shot deviation checks are equilibria (algebraic
  numbers in general). Reality and the bounds are decided exactly (a
  solution such as :math:`p = 1/2 \pm i\sqrt{39}/6` is discarded, never
  rounded to its real part). Patterns whose solutions form a continuum are not
  enumerated: they are listed in ``continua``, never silently dropped; a
  parametric family is listed only if its constant coordinates are real and
  strictly inside (0, 1) (its parametric coordinates are not decided).

Every returned equilibrium carries its values and each player's largest
one-shot deviation gain per state (at most zero), which
:func:`cybergames.verify` recomputes.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

from .. import _linalg, _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, ParameterError
from .game import StochasticGame

__all__ = ["MarkovPerfectEquilibrium", "MarkovPerfectSet", "markov_perfect_equilibria", "profile_values",
           "deviation_gains"]

#: The largest number of pure stationary profiles enumerated.
MAX_PROFILES = 200_000


@dataclass(frozen=True, eq=False)
class MarkovPerfectEquilibrium:
    """A stationary Markov perfect equilibrium.

    Attributes
    ----------
    profile : tuple
        ``profile[s][i]`` is player ``i``'s mixed action in state ``s`` (a tuple
        of probabilities).
    values : tuple
        ``values[i][s]``: player ``i``'s value in state ``s``.
    gains : tuple
        ``gains[i][s]``: player ``i``'s largest one-shot deviation gain in
        state ``s`` (the certificate: at most zero).
    pure : bool
    game : StochasticGame
    """

    profile: tuple
    values: tuple
    gains: tuple = field(repr=False)
    pure: bool
    game: StochasticGame = field(repr=False)


@dataclass(frozen=True)
class MarkovPerfectSet:
    """Every MPE found: ``equilibria``, and the support patterns with a continuum of them.

    Attributes
    ----------
    equilibria : tuple of MarkovPerfectEquilibrium
        Pure ones first.
    continua : tuple
        Support patterns (per state, per player: 0, 1 or "mix") whose
        equilibria form a continuum, which are not enumerated.
    """

    equilibria: tuple
    continua: tuple = ()

    def __iter__(self):
        return iter(self.equilibria)

    def __len__(self) -> int:
        return len(self.equilibria)

    def __getitem__(self, index: int) -> MarkovPerfectEquilibrium:
        return self.equilibria[index]


def _expected(array: np.ndarray, mixes: list) -> Any:
    """Contract the leading player axes of ``array`` with each player's mixed action."""
    result = array
    for mix in mixes:
        result = np.tensordot(np.asarray(mix, dtype=result.dtype), result, axes=(0, 0))
    return result[()] if result.ndim == 0 else result


def _check_profile(game: StochasticGame, profile: Any) -> tuple:
    if not isinstance(game, StochasticGame):
        raise GameError(f"game: expected a StochasticGame, got {type(game).__name__}")
    dtype_float = game.kind == FLOAT
    if isinstance(profile, (str, bytes)) or not hasattr(profile, "__len__") or len(profile) != game.num_states:
        raise GameError(f"profile: expected one entry per state ({game.num_states}), got {profile!r}")
    checked = []
    for s, entry in enumerate(profile):
        counts = game.action_counts(s)
        if isinstance(entry, (str, bytes)) or len(entry) != game.num_players:
            raise GameError(f"profile[{s}]: expected one action per player, got {entry!r}")
        mixes = []
        for i, action in enumerate(entry):
            if isinstance(action, (int, np.integer)) and not isinstance(action, bool):
                if not 0 <= action < counts[i]:
                    raise GameError(f"profile[{s}][{i}]: expected an action index below {counts[i]}, got {action}")
                mix = [0] * counts[i]
                mix[int(action)] = 1
            else:
                mix = [_numbers.normalise(v, f"profile[{s}][{i}]", GameError) for v in action]
                if len(mix) != counts[i] or any(v < 0 for v in mix if not isinstance(v, sympy.Basic)):
                    raise GameError(f"profile[{s}][{i}]: expected {counts[i]} probabilities, got {action!r}")
            mixes.append(tuple(float(v) for v in mix) if dtype_float else tuple(mix))
        checked.append(tuple(mixes))
    return tuple(checked)


def profile_values(game: StochasticGame, profile: Any) -> tuple:
    r"""Each player's values :math:`V_i = (I - \delta P^\sigma)^{-1} u_i^\sigma` under a stationary profile.

    Parameters
    ----------
    game : StochasticGame
    profile : sequence
        Per state, per player: an action index or a mixed action.

    Returns
    -------
    tuple
        ``values[i][s]``; exact for exact games and profiles.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.stochastic import StochasticGame, profile_values
    >>> g = StochasticGame([[[[2, 0], [3, 1]], [[2, 3], [0, 1]]]], [[[[1], [1]], [[1], [1]]]], Fraction(1, 2))
    >>> profile_values(g, [(1, 1)])
    ((Fraction(2, 1),), (Fraction(2, 1),))
    """
    profile = _check_profile(game, profile)
    return _values(game, profile)


def _values(game: StochasticGame, profile: tuple) -> tuple:
    states, players = game.num_states, game.num_players
    symbolic = any(isinstance(v, sympy.Basic) for entry in profile for mix in entry for v in mix)
    rows, rhs = [], [[] for _ in range(players)]
    for s in range(states):
        move = _expected(game.transitions[s], list(profile[s]))
        rows.append([(1 if s == t else 0) - game.discount * move[t] for t in range(states)])
        for i in range(players):
            rhs[i].append(_expected(game.payoffs[s][i], list(profile[s])))
    if game.kind == FLOAT and not symbolic:
        solution = np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float).T)
        return tuple(tuple(solution[:, i].tolist()) for i in range(players))
    if symbolic:
        matrix = sympy.Matrix([[_numbers.to_sympy(v) for v in row] for row in rows])
        result = []
        for i in range(players):
            column = matrix.LUsolve(sympy.Matrix([_numbers.to_sympy(v) for v in rhs[i]]))
            result.append(tuple(sympy.cancel(v) for v in column))
        return tuple(result)
    solution = _linalg.solve_many(rows, rhs)
    return tuple(tuple(column) for column in solution)


def _gains(game: StochasticGame, profile: tuple, values: tuple) -> tuple:
    """``gains[i][s] = max_b Q_i(s, b) - V_i(s)``."""
    result = []
    for i in range(game.num_players):
        per_state = []
        V = np.array(values[i], dtype=float if game.kind == FLOAT and not isinstance(values[i][0], sympy.Basic)
                     else object)
        for s in range(game.num_states):
            others = [m for k, m in enumerate(profile[s]) if k != i]
            payoff = np.moveaxis(game.payoffs[s][i], i, 0)
            move = np.moveaxis(game.transitions[s], i, 0)
            q = [_expected(payoff[b], others) + game.discount * (_expected(move[b], others) @ V)
                 for b in range(game.action_counts(s)[i])]
            if any(isinstance(v, sympy.Basic) for v in q):
                per_state.append(_max_algebraic([v - values[i][s] for v in q]))
            else:
                per_state.append(max(q) - values[i][s])
        result.append(tuple(per_state))
    return tuple(result)


def _max_algebraic(values: list) -> Any:
    best = max(values, key=lambda v: _numbers.approximate(v))     # compare numerically, simplify the winner only
    return sympy.simplify(best) if isinstance(best, sympy.Basic) else best


def deviation_gains(game: StochasticGame, profile: Any) -> tuple:
    """Each player's largest one-shot deviation gain in each state, ``gains[i][s]``, under ``profile``.

    A profile is a Markov perfect equilibrium iff every gain is at most zero.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.stochastic import StochasticGame, deviation_gains
    >>> pd = StochasticGame([[[[2, 0], [3, 1]], [[2, 3], [0, 1]]]], [[[[1], [1]], [[1], [1]]]], Fraction(1, 2))
    >>> deviation_gains(pd, [(0, 0)])            # cooperating forever: defecting gains 1 today
    ((Fraction(1, 1),), (Fraction(1, 1),))
    """
    profile = _check_profile(game, profile)
    return _gains(game, profile, _values(game, profile))


def _is_equilibrium(game: StochasticGame, gains: tuple, tol: float) -> bool:
    slack = tol if game.kind == FLOAT else 0
    return all(_numbers.approximate(g) <= slack if isinstance(g, sympy.Basic) else g <= slack
               for per in gains for g in per)


def markov_perfect_equilibria(game: StochasticGame, *, mixed: bool = False, tol: float = DEFAULT_TOL
                              ) -> MarkovPerfectSet:
    r"""Every pure stationary Markov perfect equilibrium, and optionally the mixed ones of 2x2 games.

    Parameters
    ----------
    game : StochasticGame
    mixed : bool
        Also find the isolated mixed MPE; requires two players with two
        actions in every state, and an exact game (float games are converted
        exactly to fractions).
    tol : float
        Float games only: the largest deviation gain accepted.

    Returns
    -------
    MarkovPerfectSet
        The equilibria (pure first) and the support patterns with continua.

    Raises
    ------
    GameError
        If ``game`` is not a :class:`StochasticGame`, or ``mixed`` is asked of
        a game that is not two-player with two actions per state.
    ParameterError
        If there are more than ``MAX_PROFILES`` pure stationary profiles.

    Notes
    -----
    The pure enumeration evaluates every pure stationary profile: fast for
    small games (thousands of profiles per second). The mixed search solves
    one polynomial system per support pattern, :math:`3^{2S}` of them for
    :math:`S` states: the indifference conditions are built by Cramer's rule
    in a polynomial ring, each equation is split into its irreducible factors
    and every factor system is solved by Groebner bases (``sympy.solve`` only
    for the positive-dimensional ones): well under a second for one state, a
    few seconds for two; use it on small games.

    References
    ----------
    Maskin, E. & Tirole, J. (2001). Markov perfect equilibrium I. *Journal of
    Economic Theory* 100, 191–219. Fudenberg, D. & Tirole, J. (1991).
    *Game Theory*, MIT Press, ch. 13. Filar & Vrieze (1997), sec. 6.3.

    Examples
    --------
    A prisoner's dilemma played forever in one state: the only MPE is defection.

    >>> from fractions import Fraction
    >>> from cybergames.stochastic import StochasticGame, markov_perfect_equilibria
    >>> pd = StochasticGame([[[[2, 0], [3, 1]], [[2, 3], [0, 1]]]], [[[[1], [1]], [[1], [1]]]], Fraction(1, 2))
    >>> [eq.profile for eq in markov_perfect_equilibria(pd, mixed=True)]
    [(((0, 1), (0, 1)),)]
    """
    if not isinstance(game, StochasticGame):
        raise GameError(f"game: expected a StochasticGame, got {type(game).__name__}")
    choices = [range(n) for s in range(game.num_states) for n in game.action_counts(s)]
    total = math.prod(len(c) for c in choices)
    if total > MAX_PROFILES:
        raise ParameterError(f"game: {total} pure stationary profiles exceed the limit of {MAX_PROFILES}")
    found = []
    players = game.num_players
    for flat in itertools.product(*choices):
        profile = []
        for s in range(game.num_states):
            entry = []
            for i in range(players):
                mix = [0] * game.action_counts(s)[i]
                mix[flat[s * players + i]] = 1
                entry.append(tuple(float(v) for v in mix) if game.kind == FLOAT else tuple(mix))
            profile.append(tuple(entry))
        profile = tuple(profile)
        values = _values(game, profile)
        gains = _gains(game, profile, values)
        if _is_equilibrium(game, gains, tol):
            found.append(MarkovPerfectEquilibrium(profile=profile, values=values, gains=gains, pure=True, game=game))
    continua: list = []
    if mixed:
        found.extend(_mixed(game, continua, tol))
    return MarkovPerfectSet(equilibria=tuple(found), continua=tuple(dict.fromkeys(continua)))


def _exact_game(game: StochasticGame) -> StochasticGame:
    if game.kind != FLOAT:
        return game
    return StochasticGame([np.vectorize(Fraction, otypes=[object])(np.array(p, dtype=float)) for p in game.payoffs],
                          [np.vectorize(Fraction, otypes=[object])(np.array(t, dtype=float)) for t in game.transitions],
                          Fraction(game.discount))


def _mixed(game: StochasticGame, continua: list, tol: float) -> list:
    if game.num_players != 2 or any(game.action_counts(s) != (2, 2) for s in range(game.num_states)):
        raise GameError("game: mixed Markov perfect equilibria need two players with two actions in every state")
    exact = _exact_game(game)
    states = game.num_states
    found = []
    seen: set = set()
    for pattern in itertools.product((0, 1, "mix"), repeat=2 * states):
        if "mix" not in pattern:
            continue
        unknowns = [sympy.Symbol(f"p_{k}") for k, c in enumerate(pattern) if c == "mix"]
        names = iter(unknowns)
        profile = []
        for s in range(states):
            entry = []
            for i in range(2):
                choice = pattern[2 * s + i]
                if choice == "mix":
                    p = next(names)
                    entry.append((p, 1 - p))
                else:
                    entry.append((1, 0) if choice == 0 else (0, 1))
            profile.append(tuple(entry))
        equations = _indifference(exact, profile, pattern, unknowns)
        if any(e == 0 for e in equations):
            continua.append(tuple(pattern))
            continue
        if not equations:
            continue
        solutions = _solve_system(equations, unknowns)
        for solution in solutions:
            if not _may_be_inside(solution):
                continue                  # a complex or out-of-range value: no equilibrium on this branch
            if len(solution) < len(unknowns) or any(v.free_symbols for v in solution.values()):
                continua.append(tuple(pattern))
                continue
            point = {u: sympy.nsimplify(solution[u]) if solution[u].is_Float else solution[u] for u in unknowns}
            concrete = tuple(tuple(tuple(_numbers.from_sympy(sympy.expand(sympy.sympify(x).subs(point)))
                                         for x in mix) for mix in entry) for entry in profile)
            if concrete in seen:      # the same point can solve several factor systems
                continue
            seen.add(concrete)
            vals = _values(exact, concrete)
            gains = _gains(exact, concrete, vals)
            if not all(_numbers.approximate(g) <= 1e-12 for per in gains for g in per):
                continue
            if game.kind == FLOAT:
                concrete = tuple(tuple(tuple(float(_numbers.approximate(x)) for x in mix) for mix in entry)
                                 for entry in concrete)
                vals = _values(game, concrete)
                gains = _gains(game, concrete, vals)
            found.append(MarkovPerfectEquilibrium(profile=concrete, values=vals, gains=gains, pure=False, game=game))
    return found


def _locate(value: Any) -> tuple:
    """``(is_real, strictly_inside_0_1)`` for an algebraic number, decided through its minimal polynomial.

    The minimal polynomial :math:`m` over the rationals is exact; its real
    roots are isolated in disjoint rational intervals (Sturm sequences, via
    ``Poly.intervals``), refined until none contains 0 or 1 and each is
    narrower than :math:`10^{-30}`. The number is real iff its 60-digit value
    has no imaginary part beyond that width and lies in one of these intervals
    (distinct roots of :math:`m` are farther apart), and it is inside (0, 1)
    iff that interval is. Expressions written with :math:`i` that are real
    (Cardano's formula for three real roots) are therefore kept.
    """
    if value.is_Rational:
        return True, bool(0 < value < 1)
    x = sympy.Dummy("x")
    poly = sympy.Poly(sympy.minimal_polynomial(value, x), x)
    real_part, imaginary_part = (sympy.N(part, 60) for part in sympy.N(value, 60).as_real_imag())
    eps = sympy.Rational(1, 10**30)
    if abs(imaginary_part) > eps:
        return False, False
    for (lo, hi), _ in poly.intervals():
        while hi - lo > eps or lo < 0 < hi or lo < 1 < hi:
            lo, hi = poly.refine_root(lo, hi, eps=min(eps, (hi - lo) / 4))
        if lo - eps <= real_part <= hi + eps:
            return True, bool(0 <= lo and hi <= 1 and poly.eval(0) != 0 and poly.eval(1) != 0)
    return False, False


def _may_be_inside(solution: dict) -> bool:
    """False when a value of ``solution`` that involves no free parameter is non-real or outside (0, 1).

    A mixing probability must be a real number strictly between 0 and 1. The
    constant values of a solution (isolated, or the fixed coordinates of a
    parametric family) are decided through their minimal polynomials
    (:func:`_locate`). A solution that fails is not an equilibrium
    (``p = 1/2 + i sqrt(39)/6`` is not a probability), whatever its free parameters.
    """
    for value in solution.values():
        value = sympy.sympify(value)
        if value.free_symbols:
            continue
        if value.is_Float:
            value = sympy.nsimplify(value)
        real, inside = _locate(value)
        if not (real and inside):
            return False
    return True


def _solve_system(equations: list, unknowns: list) -> list:
    """Every solution of the polynomial system, as dicts; parametric ones for positive-dimensional parts.

    The solution set is the union, over one irreducible factor per equation,
    of the factor systems' solutions. Each factor system goes to Groebner
    bases (``solve_poly_system``) when it is zero-dimensional, and to
    ``sympy.solve`` (which lists a continuum as a parametric solution beside
    any isolated points) otherwise; the split keeps the slow general solver
    to the small systems that need it.
    """
    factors = []
    for equation in equations:
        _, pieces = sympy.factor_list(equation, *unknowns)
        factors.append([piece for piece, _ in pieces if piece.free_symbols] or [equation])
    solutions = []
    for system in itertools.product(*factors):
        system = list(dict.fromkeys(system))
        try:
            roots = sympy.solve_poly_system(system, *unknowns)
            solutions.extend(dict(zip(unknowns, root)) for root in (roots or []))
        except NotImplementedError:
            solutions.extend(sympy.solve(system, unknowns, dict=True))
    return solutions


def _indifference(game: StochasticGame, profile: list, pattern: tuple, unknowns: list) -> list:
    """The numerators of ``Q_i(s, 0) - Q_i(s, 1)`` for every mixing (state, player), as sympy polynomials.

    The values solve :math:`(I - \\delta P) V = r` with polynomial entries in
    the mixing probabilities; by Cramer's rule :math:`V = \\mathrm{adj}(M) r /
    \\det M`, so :math:`\\det M` times each difference is a polynomial, built in
    sympy's polynomial ring without intermediate fractions. Dividing it by its
    gcd with :math:`\\det M` leaves the numerator of the reduced difference
    (:math:`\\det M > 0` on the probability box, as :math:`\\delta < 1`).
    """
    ring = QQ[tuple(unknowns)] if unknowns else QQ
    cache: dict = {}

    def to_ring(value: Any) -> Any:
        key = value
        if key not in cache:
            cache[key] = ring.from_sympy(sympy.sympify(_numbers.to_sympy(value)))
        return cache[key]
    states = game.num_states
    mixes = [[[to_ring(x) for x in mix] for mix in entry] for entry in profile]
    delta = to_ring(game.discount)
    zero, one = ring.zero, ring.one
    rows, rhs = [], [[], []]
    for s in range(states):
        a, b = mixes[s]
        rows.append([one * (1 if s == t else 0) - delta * sum(
            (a[i] * b[j] * to_ring(game.transitions[s][i, j, t]) for i in range(2) for j in range(2)), zero)
            for t in range(states)])
        for k in range(2):
            rhs[k].append([sum((a[i] * b[j] * to_ring(game.payoffs[s][k][i, j]) for i in range(2) for j in range(2)),
                               zero)])
    matrix = DomainMatrix(rows, (states, states), ring)
    adjugate, det = matrix.adj_det()
    scaled = [[row[0] for row in (adjugate * DomainMatrix(rhs[k], (states, 1), ring)).to_list()] for k in range(2)]
    equations = []
    for k, choice in enumerate(pattern):
        if choice != "mix":
            continue
        s, i = divmod(k, 2)
        other = mixes[s][1 - i]
        V = scaled[i]                       # det * V
        difference = zero
        for j in range(2):
            own = (0, j) if i == 0 else (j, 0)
            alt = (1, j) if i == 0 else (j, 1)
            term = (to_ring(game.payoffs[s][i][own]) - to_ring(game.payoffs[s][i][alt])) * det
            for t in range(states):
                term += delta * (to_ring(game.transitions[s][own + (t,)])
                                 - to_ring(game.transitions[s][alt + (t,)])) * V[t]
            difference += other[j] * term
        if difference != zero and unknowns:
            common = ring.gcd(difference, det)
            difference = ring.exquo(difference, common)
        equations.append(sympy.expand(ring.to_sympy(difference)))
    return equations


@verify.register
def _verify_mpe(result: MarkovPerfectEquilibrium, *, tol: float = DEFAULT_TOL) -> Verification:
    """Recompute the values from the profile and every one-shot deviation gain (all at most zero)."""
    game = result.game
    values = _values(game, result.profile)
    gains = _gains(game, result.profile, values)
    failures = []
    for i, per in enumerate(gains):
        for s, g in enumerate(per):
            g = _numbers.approximate(g) if isinstance(g, sympy.Basic) else g
            if g > (tol if (game.kind == FLOAT or isinstance(g, float)) else 0):
                failures.append(f"player {i} gains {g} by a one-shot deviation in state {s}")
    checked = sum(len(per) for per in gains)
    return Verification(ok=not failures, checked=checked, failures=tuple(failures))


@verify.register
def _verify_mpe_set(result: MarkovPerfectSet, *, tol: float = DEFAULT_TOL) -> Verification:
    """Verify every equilibrium of the set."""
    checks = [verify(eq, tol=tol) for eq in result.equilibria]
    failures = tuple(f for c in checks for f in c.failures)
    return Verification(ok=not failures, checked=sum(c.checked for c in checks), failures=failures)
