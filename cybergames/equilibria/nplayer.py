r"""Mixed Nash equilibria of games with any number of players.

:func:`support_enumeration` finds *all* equilibria of a small game exactly;
:func:`approximate_equilibria` finds some equilibria of a larger game by
following logit paths. :func:`~cybergames.nash_equilibria` calls the first
for small games with three or more players and the second beyond.

Support enumeration
-------------------
A profile :math:`\sigma` with supports :math:`S_1, \dots, S_n` is an
equilibrium iff, for every player :math:`i` and a reference action
:math:`a_i^0 \in S_i`,

.. math::

    u_i(a, \sigma_{-i}) = u_i(a_i^0, \sigma_{-i}) \ (a \in S_i), \qquad
    \sigma_i(a) > 0 \ (a \in S_i), \qquad
    u_i(b, \sigma_{-i}) \le u_i(a_i^0, \sigma_{-i}) \ (b \notin S_i).

With :math:`\sigma_i(a_i^0) = 1 - \sum_{a \in S_i \setminus a_i^0} \sigma_i(a)`
the equations are :math:`\sum_i (|S_i| - 1)` polynomials in as many unknowns,
multilinear in the other players' probabilities. Each system is solved
exactly (Groebner basis, multiplication matrix of a separating linear form,
real roots isolated with rational intervals; see ``cybergames/equilibria/_algebraic.py``), and
every inequality is decided exactly at each real solution. A support whose
system has a positive-dimensional solution set is not dropped: it is reported
as an :class:`EquilibriumContinuum`. Where the equations are linear the set is
described exactly (``cybergames/equilibria/_continua.py``): with one free
unknown, as a union of intervals with algebraic ends; with several and linear
inequalities, as a polytope by its vertices. Other continua carry exact
equilibria found on them (on lines through them, or by slicing) and mark the
set incomplete. Supports with an action
that is strictly dominated given the others' supports cannot carry an
equilibrium and are skipped before solving (Porter, Nudelman & Shoham 2008),
and so are supports for which an exact certificate shows that no positive play
of the others with their supports, even correlated play, meets some player's
indifference and best-response conditions (Motzkin's transposition theorem:
multipliers of those conditions whose combination is nonnegative and nonzero
on every profile of the others' supports; found by a float LP and checked in
rationals, so that no support carrying an equilibrium is ever skipped).

Float games are solved on the exact rationals of their floats, then rounded.

Logit paths
-----------
For a prior :math:`\pi` and :math:`\lambda \ge 0` the logit tracing equations

.. math:: \sigma_i(a) \propto \pi_i(a) \exp(\lambda\, u_i(a, \sigma_{-i}))

have the solution :math:`\sigma = \pi` at :math:`\lambda = 0`; following it as
:math:`\lambda \to \infty` leads to a Nash equilibrium (McKelvey & Palfrey 1995
for the uniform prior, the principal branch of the quantal response
equilibrium correspondence). The support read off the end of the path is
polished by Newton's method on its indifference equations.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from sympy import QQ

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, ParameterError
from ..games.normal_form import NormalFormGame
from . import _continua, _logit_tracing
from ._algebraic import RealPoint, product_ring, real_solutions
from ._build import NotAnEquilibrium, check_game, check_tol, equilibrium
from .pure import pure_equilibria
from .result import Equilibrium, EquilibriumSet, _algebraic_sign

__all__ = ["EquilibriumContinuum", "approximate_equilibria", "support_enumeration"]

#: Games whose players' actions sum, less one per player, to at most this many unknowns are solved
#: exactly by :func:`~cybergames.nash_equilibria` (2x2x2x2 has 4, 3x3x3 has 6); larger ones approximately.
MAX_EXACT_UNKNOWNS = 6
#: The same bound for float games (solved on the exact rationals of their floats, which is slower).
MAX_EXACT_UNKNOWNS_FLOAT = 5
#: ... and at most this many support profiles (3x3x3 has 7**3 = 343, six players with two actions 729).
MAX_SUPPORT_PROFILES = 400
#: Beyond those bounds, :func:`~cybergames.nash_equilibria` follows logit paths in games with at most this
#: many players and pure profiles (5x5x5, 4x4x4x4), and lists the pure equilibria only in larger ones
#: (call :func:`approximate_equilibria` directly for those).
MAX_APPROXIMATE_PLAYERS = 4
MAX_APPROXIMATE_PROFILES = 256
#: Most support profiles :func:`support_enumeration` accepts (a 4x4x4 game has 15**3 = 3375).
MAX_ENUMERATED_SUPPORTS = 5000
#: Most logit paths :func:`approximate_equilibria` follows in one call.
MAX_STARTS = 1000


@dataclass(frozen=True, eq=False)
class EquilibriumContinuum:
    r"""A support whose indifference equations have a continuum of solutions.

    Support enumeration cannot list the points of such a set; it records the
    support and the equations, and lists the exact equilibria it found on the
    set by fixing coordinates (``samples``, possibly none). The equilibrium set
    that holds it has ``complete=False``.

    Attributes
    ----------
    support : tuple of tuple of str
        Each player's actions played with positive probability.
    variables : tuple of sympy.Symbol
        The unknowns: ``p{i}_{a}`` is the probability of player ``i``'s action
        ``a`` (index), for every action of the support but the first.
    equations : tuple of sympy.Expr
        The indifference equations :math:`u_i(a, \sigma_{-i}) - u_i(a_i^0,
        \sigma_{-i}) = 0`, in the variables.
    samples : tuple of Equilibrium
        Exact equilibria on the set or its closure (where a probability of
        the support may vanish). The extreme points of a described set are
        also listed in the equilibrium set; the other samples are not (they
        are not canonical points). A continuum whose equations are linear but
        not described is sampled exactly on lines through it (all parameters
        but the last fixed to rationals), others by slicing.
    segment : bool
        True when one player mixes two actions, and the equilibria are the
        segment between the two ``samples`` (its extreme points; one sample
        when the segment is a point).
    parameters : tuple of sympy.Symbol
        When the equations are linear: the unknowns left free by them (empty otherwise).
    parametrization : tuple of sympy.Expr
        When the equations are linear: each variable as an affine expression
        in the ``parameters`` (a parameter maps to itself); every solution of
        the equations is of this form.
    positive : tuple of sympy.Expr
        The probabilities of the support, in the variables: each must be > 0.
    nonnegative : tuple of sympy.Expr
        Each player's payoff of the support's first action less that of an
        action outside the support, in the variables: each must be >= 0.
    region : sympy.Set or None
        With one parameter: exactly the values of the parameter at which the
        profile is an equilibrium with this support, a union of intervals
        (and points) whose ends are rational or algebraic (``CRootOf``).
    vertices : tuple of Equilibrium
        The extreme points of the set's closure: the ends of the ``region``'s
        intervals with one parameter, the vertices of the polytope with
        several parameters and linear inequalities. They are equilibria (the
        set of equilibria is closed) and are also listed in the equilibrium
        set; where a probability vanishes there, their support is smaller.
    described : bool
        True when the set is described exactly (a segment, a ``region``, or a
        polytope with its ``vertices``); the samples then are the vertices and
        one interior point of each interval (or the polytope's centroid).
        Such a continuum does not make the equilibrium set incomplete, as with
        the extreme equilibria and Nash subsets of two-player games.
    """

    support: tuple
    variables: tuple
    equations: tuple
    samples: tuple
    segment: bool
    game: NormalFormGame = field(repr=False)
    parameters: tuple = ()
    parametrization: tuple = field(default=(), repr=False)
    positive: tuple = field(default=(), repr=False)
    nonnegative: tuple = field(default=(), repr=False)
    region: Any = None
    vertices: tuple = field(default=(), repr=False)
    described: bool = False

    def __repr__(self) -> str:
        region = "" if self.region is None else f", region={self.region}"
        return (f"EquilibriumContinuum(support={self.support}, equations={len(self.equations)}, "
                f"samples={len(self.samples)}, segment={self.segment}, described={self.described}{region})")


def _exact_payoffs(game: NormalFormGame) -> list[np.ndarray]:
    """Each player's payoffs as an object array of QQ numbers (floats by their exact rationals)."""
    arrays = []
    for payoff in game.payoffs:
        converted = np.empty(payoff.shape, dtype=object)
        for index, value in np.ndenumerate(payoff):
            f = Fraction(float(value)) if isinstance(value, (float, np.floating)) else Fraction(value)
            converted[index] = QQ(f.numerator, f.denominator)
        arrays.append(converted)
    return arrays


def _comparable(payoffs: list[np.ndarray]) -> list[np.ndarray]:
    """Arrays ordered as the exact payoffs, fast to compare (Python Fractions in object arrays)."""
    return [np.vectorize(lambda q: Fraction(int(q.numerator), int(q.denominator)), otypes=[object])(p)
            for p in payoffs]


def _subsets(size: int) -> list[tuple[int, ...]]:
    return [s for k in range(1, size + 1) for s in itertools.combinations(range(size), k)]


def _restricted(payoff: np.ndarray, i: int, supports: tuple) -> np.ndarray:
    """Player ``i``'s payoffs, one row per own action, one column per profile of the others' supports."""
    axes = [range(payoff.shape[i]) if j == i else list(s) for j, s in enumerate(supports)]
    return np.moveaxis(payoff[np.ix_(*axes)], i, 0).reshape(payoff.shape[i], -1)


def _dominated(compare: list[np.ndarray], supports: tuple) -> bool:
    """Whether some action in a support is strictly dominated by a pure action, given the others' supports."""
    for i, payoff in enumerate(compare):
        rows = _restricted(payoff, i, supports)
        for a in supports[i]:
            if any(all(x > y for x, y in zip(rows[b], rows[a])) for b in range(rows.shape[0]) if b != a):
                return True
    return False


def _unit_floats(payoff: np.ndarray) -> np.ndarray:
    """A player's exact payoffs divided by their largest magnitude, as floats (no overflow at 10**400)."""
    largest = max((abs(x) for x in payoff.flat), default=Fraction(0)) or Fraction(1)
    return np.vectorize(lambda x: float(x / largest), otypes=[float])(payoff)


def _infeasible(compare: list[np.ndarray], floats: list[np.ndarray], supports: tuple) -> bool:
    r"""Whether an exact certificate shows that no profile with these supports is an equilibrium.

    For player :math:`i`, write :math:`D_a = u_i(a, \cdot) - u_i(a_i^0, \cdot)` on the profiles
    :math:`c \in S_{-i}` of the others' supports. At an equilibrium with supports :math:`S` the
    product :math:`q = \prod_{j \ne i} \sigma_j` is positive on every :math:`c` and has
    :math:`D_a q = 0` (:math:`a \in S_i`) and :math:`D_b q \le 0` (:math:`b \notin S_i`). Rational
    :math:`\lambda_a` and :math:`\mu_b \ge 0` with :math:`w = \sum_a \lambda_a D_a + \sum_b \mu_b
    D_b \ge 0` and :math:`w \ne 0` rule that out, since then :math:`0 < w^\top q = \sum_b \mu_b
    D_b q \le 0`. By Motzkin's transposition theorem such multipliers exist exactly when no
    positive :math:`q` (even a correlated one) meets the conditions. They are found by a float LP,
    :math:`\max \sum_c w_c` subject to :math:`w \ge 0` and the multipliers summing to at most 1,
    then rounded to rationals and checked exactly: a support is dropped only on an exact
    certificate, so pruning never loses an equilibrium (a certificate the floats miss only
    costs time). This is the feasibility programme of Porter, Nudelman & Shoham (2008) relaxed to
    correlated play of the others, which makes it linear.
    """
    from scipy.optimize import linprog        # here, not at import: scipy costs most of a second to load

    for i, payoff in enumerate(floats):
        s = supports[i]
        outside = [b for b in range(payoff.shape[i]) if b not in s]
        if not outside and len(s) == 1:
            continue
        rows = _restricted(payoff, i, supports)
        differences = rows[outside + list(s[1:])] - rows[s[0]]
        scale = float(np.abs(differences).max())
        if not 0 < scale < math.inf:
            continue
        # columns: mu_b >= 0 (b outside), then lambda_a = plus_a - minus_a (a in the support but the first)
        generators = np.vstack([differences, -differences[len(outside):]]) / scale
        cells = generators.shape[1]
        try:
            result = linprog(-generators.sum(axis=1),
                             A_ub=np.vstack([-generators.T, np.ones((1, generators.shape[0]))]),
                             b_ub=np.concatenate([np.zeros(cells), [1.0]]), bounds=(0, None), method="highs")
        except ValueError:                    # scipy refusing the data: no certificate, keep the support
            continue
        if result.status != 0 or -result.fun <= 1e-9:
            continue
        exact = _restricted(compare[i], i, supports)
        exact_differences = [[x - y for x, y in zip(exact[b], exact[s[0]])] for b in outside + list(s[1:])]
        weights = [Fraction(float(x)).limit_denominator(10**6) if x > 1e-12 else Fraction(0)
                   for x in result.x]
        count = len(outside) + len(s) - 1
        multipliers = weights[:count]
        for k in range(len(outside), count):
            multipliers[k] -= weights[count + k - len(outside)]
        w = [sum((m * row[c] for m, row in zip(multipliers, exact_differences) if m), Fraction(0))
             for c in range(cells)]
        if all(x >= 0 for x in w) and any(x > 0 for x in w) and all(m >= 0 for m in multipliers[:len(outside)]):
            return True
    return False


class _SupportSystem:
    """The indifference polynomials and action payoffs of one support profile."""

    def __init__(self, payoffs: list[np.ndarray], supports: tuple):
        self.supports = supports
        names = [f"p{i}_{a}" for i, s in enumerate(supports) for a in s[1:]]
        self.names = names
        if names:
            self.ring, gens = product_ring(names)
        else:
            self.ring, gens = None, ()
        self.gens = gens
        probabilities, k = [], 0
        one = self.ring.one if self.ring is not None else QQ(1)
        for s in supports:
            own = list(gens[k:k + len(s) - 1])
            k += len(s) - 1
            probabilities.append([one - sum(own, 0 * one)] + own)
        self.probabilities = probabilities
        self.values = []                  # values[i][b]: player i's payoff of action b against sigma_{-i}
        n = len(payoffs)
        for i, payoff in enumerate(payoffs):
            others = [j for j in range(n) if j != i]
            row = []
            weights = []
            for combo in itertools.product(*[range(len(supports[j])) for j in others]):
                w = one
                for j, k in zip(others, combo):
                    w = w * probabilities[j][k]
                weights.append((combo, w))
            for b in range(payoff.shape[i]):
                total = 0 * one
                for combo, w in weights:
                    index = [0] * n
                    index[i] = b
                    for j, k in zip(others, combo):
                        index[j] = supports[j][k]
                    coefficient = payoff[tuple(index)]
                    if coefficient:
                        total = total + w * coefficient
                row.append(total)
            self.values.append(row)
        self.equations = [self.values[i][a] - self.values[i][s[0]]
                          for i, s in enumerate(supports) for a in s[1:]]


def _pure_is_equilibrium(system: _SupportSystem) -> bool:
    for i, s in enumerate(system.supports):
        reference = system.values[i][s[0]]
        if any(v > reference for v in system.values[i]):
            return False
    return True


def _accept(system: _SupportSystem, point: Any) -> bool:
    """Exactly: every support probability positive, no action outside the support better."""
    for i, s in enumerate(system.supports):
        for p in system.probabilities[i]:
            if point.sign(p) <= 0:
                return False
        reference = system.values[i][s[0]]
        for b, v in enumerate(system.values[i]):
            if b not in s and point.sign(v - reference) > 0:
                return False
    return True


def _to_fraction(q: Any) -> Fraction:
    return Fraction(int(q.numerator), int(q.denominator))


def _build(game: NormalFormGame, system: _SupportSystem, point: Any, tol: float) -> Equilibrium:
    """The checked :class:`Equilibrium` at an accepted point (None for the pure case)."""
    supports = system.supports
    is_float = game.kind == FLOAT
    strategies = []
    for i, s in enumerate(supports):
        vector = [0] * game.shape[i]
        for a, p in zip(s, system.probabilities[i]):
            if point is None:
                vector[a] = 1
            elif is_float:
                vector[a] = point.approximate(point.substitute(p))
            else:
                vector[a] = point.value(point.substitute(p))
        strategies.append(vector)
    if is_float or all(isinstance(v, (int, Fraction)) for vector in strategies for v in vector):
        return equilibrium(game, strategies, tol)
    # algebraic probabilities: every condition was decided exactly by _accept
    stored = [np.empty(len(v), dtype=object) for v in strategies]
    for array, vector in zip(stored, strategies):
        array[:] = [_simplify(v) for v in vector]
        array.flags.writeable = False
    payoffs = tuple(_simplify(point.value(point.substitute(system.values[i][s[0]])))
                    for i, s in enumerate(supports))
    support = tuple(tuple(game.actions[i][a] for a in s) for i, s in enumerate(supports))
    return Equilibrium(tuple(stored), payoffs, (0,) * game.num_players, support, game)


def _simplify(value: Any) -> Any:
    if isinstance(value, Fraction):
        return int(value.numerator) if value.denominator == 1 else value
    return value


def _check_method(method: Any, allowed: tuple) -> str:
    if not isinstance(method, str) or method not in allowed:
        raise ParameterError(f"method: expected one of {allowed}, got {method!r}")
    return method


def support_enumeration(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> EquilibriumSet:
    r"""Every Nash equilibrium of a small game with any number of players, exactly.

    Enumerates the support profiles and solves each one's indifference
    equations as a polynomial system in exact arithmetic (see the module
    notes): exact games give exact equilibria -- Fractions, or sympy algebraic
    numbers (radicals, ``CRootOf``) when the equilibrium is irrational, as
    games with three or more players allow. Float games are solved on the
    exact rationals of their floats and return floats.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game. The work grows quickly with the number of actions:
        2x2x2 takes milliseconds, 3x3x3 seconds.
    tol : float, optional
        Float games only: the tolerance of the final best-response check of
        the rounded equilibria.

    Returns
    -------
    EquilibriumSet
        Pure equilibria first, then by support size. ``method="support
        enumeration"``. ``components`` holds an :class:`EquilibriumContinuum`
        for each support with a continuum of equilibria (``degenerate=True``).
        ``complete=True`` when every support's system was zero-dimensional
        or its continuum is described exactly (a segment, an interval set
        with algebraic ends, or a polytope by its vertices; their extreme
        points are listed), so that every equilibrium is listed or lies on a
        described continuum. Otherwise ``complete=False``, and the other
        continua carry the exact sample equilibria found on them.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame`, or has more
        than :data:`~cybergames.equilibria.nplayer.MAX_ENUMERATED_SUPPORTS` support profiles.
    ParameterError
        If ``tol`` is not a number in (0, 1).

    References
    ----------
    McKelvey & McLennan, "Computation of equilibria in finite games",
    *Handbook of Computational Economics* 1 (1996), sec. 6. Datta, "Using
    computer algebra to find Nash equilibria", *ISSAC* (2003). Porter, Nudelman
    & Shoham, "Simple search methods for finding a Nash equilibrium", *Games
    and Economic Behavior* 63 (2008).

    Examples
    --------
    Three-player matching pennies (Jordan 1993): player 1 wants to match
    player 2, player 2 to match player 3, player 3 to mismatch player 1. Its
    only equilibrium is uniform mixing:

    >>> import numpy as np
    >>> from cybergames import NormalFormGame
    >>> from cybergames.equilibria.nplayer import support_enumeration
    >>> a, b, c = np.indices((2, 2, 2))
    >>> game = NormalFormGame([(a == b) * 1, (b == c) * 1, (c != a) * 1])
    >>> equilibria = support_enumeration(game)
    >>> equilibria[0], equilibria.complete
    (Equilibrium(strategies=([1/2, 1/2], [1/2, 1/2], [1/2, 1/2]), payoffs=(1/2, 1/2, 1/2), gains=(0, 0, 0)), True)

    Irrational equilibria are exact algebraic numbers:

    >>> game = NormalFormGame([[[[1, 7], [4, 2]], [[6, 5], [0, 3]]],
    ...                        [[[3, 5], [6, 7]], [[0, 4], [2, 1]]],
    ...                        [[[3, 7], [6, 0]], [[2, 1], [5, 4]]]])
    >>> support_enumeration(game)[-1].strategies[0][0]
    -43/60 + sqrt(4369)/60
    """
    check_game(game, "support_enumeration")
    tol = check_tol(tol)
    count = math.prod(2 ** size - 1 for size in game.shape)
    if count > MAX_ENUMERATED_SUPPORTS:
        raise GameError(f"game: support_enumeration would solve {count} support profiles, beyond "
                        f"cybergames.equilibria.nplayer.MAX_ENUMERATED_SUPPORTS = {MAX_ENUMERATED_SUPPORTS}; "
                        f"use approximate_equilibria(game) for a game this large")
    return _enumerate(game, tol, prune=True)


def _enumerate(game: NormalFormGame, tol: float, *, prune: bool) -> EquilibriumSet:
    """The enumeration of :func:`support_enumeration`; ``prune=False`` skips the certificates of
    :func:`_infeasible` (the tests compare the two)."""
    payoffs = _exact_payoffs(game)
    compare = _comparable(payoffs)
    floats = [_unit_floats(p) for p in compare]
    profiles = sorted(itertools.product(*[_subsets(size) for size in game.shape]),
                      key=lambda s: (sum(len(x) for x in s), s))
    found: list[tuple] = []
    continua: list[EquilibriumContinuum] = []
    complete = True
    for supports in profiles:
        if _dominated(compare, supports):
            continue
        if prune and any(len(s) > 1 for s in supports) and _infeasible(compare, floats, supports):
            continue
        system = _SupportSystem(payoffs, supports)
        if not system.gens:
            if _pure_is_equilibrium(system):
                found.append((supports, _build(game, system, None, tol)))
            continue
        solutions = real_solutions(system.equations, system.ring)
        if solutions.status == "positive-dimensional" and len(system.gens) == 1:
            segment = _segment(game, system, tol)
            if segment is not None:
                continua.append(segment)
                found += [(supports, eq) for eq in segment.samples]
            continue
        if solutions.status == "positive-dimensional":
            try:
                description = _continua.describe(game, system, _symbols(system), tol)
            except NotAnEquilibrium:         # a float game where rounding broke a tie beyond tol
                description = None
            if description is not None and description.described:
                if description.isolated:        # the equations' continuum meets the set in points
                    found += [(supports, eq) for eq in description.samples]
                elif description.samples:
                    continua.append(_continuum(game, system, description.samples, description=description))
                    found += [(supports, eq) for eq in description.vertices]
                continue
            if description is not None and description.samples:      # sampled on slices, not described
                continua.append(_continuum(game, system, description.samples, description=description))
                complete = False
                continue
            samples = tuple(_build_checked(game, system, point, tol)
                            for point in _slice_points(system))
            samples = tuple(eq for eq in samples if eq is not None)
            continua.append(_continuum(game, system, samples))
            complete = False
            continue
        for point in solutions.points:
            if _accept(system, point):
                eq = _build_checked(game, system, point, tol)
                if eq is None:
                    complete = False
                else:
                    found.append((supports, eq))
    ordered, listed = [], set()
    for _, eq in sorted(found, key=lambda item: _order(item)):
        if eq not in listed:
            listed.add(eq)
            ordered.append(eq)
    complete = complete and all(c.described for c in continua)
    return EquilibriumSet(tuple(ordered), game=game, method="support enumeration", exact=game.kind != FLOAT,
                          complete=complete, degenerate=True if continua else None, components=tuple(continua))


def _rational_point(value: Fraction) -> RealPoint:
    t = sympy.Symbol("t")
    return RealPoint(sympy.Poly(t - sympy.Rational(value.numerator, value.denominator), t, domain=QQ),
                     value, value, (sympy.Poly(sympy.Rational(value.numerator, value.denominator), t, domain=QQ),))


def _segment(game: NormalFormGame, system: _SupportSystem, tol: float) -> EquilibriumContinuum | None:
    r"""One player mixes two actions and is indifferent whatever the mix: every condition is linear in
    its probability :math:`x`, so the equilibria form the segment :math:`\{x \in [0, 1] : \ell_k(x) \le 0\}`,
    found exactly. None when it is empty or a single point at a pure profile (listed elsewhere);
    a single interior point is returned as a degenerate segment."""
    lo, hi = Fraction(0), Fraction(1)
    for i, s in enumerate(system.supports):
        reference = system.values[i][s[0]]
        for b, v in enumerate(system.values[i]):
            if b in s:
                continue
            linear = v - reference                          # c0 + c1 x <= 0
            c0 = _to_fraction(linear.coeff(1)) if linear else Fraction(0)
            c1 = _to_fraction(linear.coeff(system.gens[0])) if linear else Fraction(0)
            if c1 == 0:
                if c0 > 0:
                    return None
            elif c1 > 0:
                hi = min(hi, -c0 / c1)
            else:
                lo = max(lo, -c0 / c1)
    if lo > hi or (lo == hi and lo in (0, 1)):
        return None
    ends = [lo] if lo == hi else [lo, hi]
    samples = tuple(_build(game, system, _rational_point(x), tol) for x in ends)
    return _continuum(game, system, samples, segment=True)


def _build_checked(game: NormalFormGame, system: _SupportSystem, point: Any, tol: float) -> Equilibrium | None:
    try:
        return _build(game, system, point, tol)
    except NotAnEquilibrium:
        return None     # a float game where rounding broke a tie beyond tol: the set is then incomplete


def _order(item: tuple) -> tuple:
    supports, eq = item
    approx = tuple(-float(sympy.N(v)) if isinstance(v, sympy.Basic) else -float(v)
                   for s in eq.strategies for v in s)
    return (sum(len(s) for s in supports), supports, approx)


def _symbols(system: _SupportSystem) -> tuple:
    return tuple(sympy.Symbol(name) for name in system.names)


def _continuum(game: NormalFormGame, system: _SupportSystem, samples: tuple, *, segment: bool = False,
               description: Any = None) -> EquilibriumContinuum:
    symbols = _symbols(system)
    equations = tuple(sympy.expand(e.as_expr(*symbols)) for e in system.equations)
    support = tuple(tuple(game.actions[i][a] for a in s) for i, s in enumerate(system.supports))
    if description is None:
        return EquilibriumContinuum(support, symbols, equations, samples, segment, game, described=segment)
    d = description
    return EquilibriumContinuum(support, symbols, equations, samples, segment, game, d.parameters,
                                d.parametrization, d.positive, d.nonnegative, d.region, d.vertices, d.described)


def _equation_unit(equations: list) -> sympy.Rational:
    """A power of two within a factor 2 of the largest coefficient of ``equations`` (1 if there is none)."""
    largest = max((abs(Fraction(int(c.numerator), int(c.denominator))) for e in equations for c in e.coeffs()),
                  default=Fraction(0))
    if largest == 0:
        return sympy.Integer(1)
    exponent = largest.numerator.bit_length() - largest.denominator.bit_length()
    return sympy.Integer(2) ** exponent


def _slice_points(system: _SupportSystem, attempts: int = 4) -> list:
    """Exact equilibria on a positive-dimensional solution set, by fixing coordinates to rationals.

    A numerical point of the set inside the simplex (least squares from a few
    starts) gives rational values; coordinates are fixed one by one until the
    system is zero-dimensional, and the exact points that pass every check are
    returned.
    """
    from scipy.optimize import least_squares

    count = len(system.gens)
    symbols = sympy.symbols(system.names)
    # in units of the payoffs (a power of two near the largest coefficient, exactly): the residual
    # test below is relative, and payoffs near 1e300 do not overflow the squares of least squares
    unit = _equation_unit(system.equations)
    residual = sympy.lambdify([symbols], [sympy.sympify(e.as_expr(*symbols)) / unit for e in system.equations]
                              + [sympy.sympify(p.as_expr(*symbols)) if hasattr(p, "as_expr") else 0
                                 for probabilities in system.probabilities for p in probabilities[:1]], "numpy")
    rng = np.random.default_rng(len(system.equations) * 7919 + count)
    found = []
    for _ in range(attempts):
        start = rng.dirichlet(np.ones(count + 1))[:count]
        equations = len(system.equations)

        def f(x):
            values = np.asarray(residual(x), dtype=float)
            firsts = values[equations:]
            return np.concatenate([values[:equations], np.minimum(firsts - 1e-3, 0.0)])
        try:
            solution = least_squares(f, start, bounds=(1e-3, 1.0))
        except (ValueError, np.linalg.LinAlgError):
            continue
        if not solution.success or np.max(np.abs(solution.fun)) > 1e-9:
            continue
        equations_now = list(system.equations)
        for k, value in enumerate(solution.x):
            fixed = Fraction(float(value)).limit_denominator(1000)
            equations_now.append(system.gens[k] - QQ(fixed.numerator, fixed.denominator))
            solutions = real_solutions(equations_now, system.ring)
            if solutions.status == "none":
                break
            if solutions.status == "points":
                found += [p for p in solutions.points if _accept(system, p)]
                break
        if found:
            return found[:1]
    return found


def approximate_equilibria(game: NormalFormGame, *, tol: float = DEFAULT_TOL, starts: int = 8,
                           seed: int = 0) -> EquilibriumSet:
    r"""Some Nash equilibria of a game with any number of players, by logit paths and Newton polishing.

    From the uniform prior and ``starts - 1`` random priors (reproducible with
    ``seed``), the logit tracing path :math:`\sigma_i(a) \propto \pi_i(a)
    e^{\lambda u_i(a, \sigma_{-i})}` is followed from :math:`\lambda = 0` to
    large :math:`\lambda`; the support at its end is polished by Newton's
    method on the indifference equations, and the profile is kept if it is an
    equilibrium within ``tol``. The pure equilibria are always included.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game.
    tol : float, optional
        A profile is kept when each player's regret (best-deviation gain) is at
        most ``tol`` times the player's payoff scale; the regret is recorded in
        each equilibrium's ``gains``.
    starts : int, optional
        Number of paths (the first from the uniform prior), at most
        :data:`~cybergames.equilibria.nplayer.MAX_STARTS`.
    seed : int, optional
        Seed of the random priors (non-negative).

    Returns
    -------
    EquilibriumSet
        ``method="logit paths"``, ``complete=False``. Exact games: the
        polished support is re-solved exactly (when its system has at most
        :data:`~cybergames.equilibria.nplayer.MAX_EXACT_UNKNOWNS` unknowns and is zero-dimensional), so that
        the equilibria are exact; a polished profile that cannot be made exact
        is left out. Float games return floats.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame`.
    ParameterError
        If ``tol`` is not in (0, 1), ``starts`` is not a positive integer or
        ``seed`` is not an integer.

    References
    ----------
    McKelvey & Palfrey, "Quantal response equilibria for normal form games",
    *Games and Economic Behavior* 10 (1995). Turocy, "A dynamic homotopy
    interpretation of the logistic quantal response equilibrium
    correspondence", *Games and Economic Behavior* 51 (2005).

    Examples
    --------
    >>> import numpy as np
    >>> from cybergames import NormalFormGame
    >>> from cybergames.equilibria.nplayer import approximate_equilibria
    >>> a, b, c = np.indices((2, 2, 2))
    >>> game = NormalFormGame([(a == b) * 1.0, (b == c) * 1.0, (c != a) * 1.0])
    >>> (eq,) = approximate_equilibria(game)
    >>> eq.strategies[0].round(6).tolist(), max(eq.gains) < 1e-9
    ([0.5, 0.5], True)
    """
    check_game(game, "approximate_equilibria")
    tol = check_tol(tol)
    if isinstance(starts, (bool, np.bool_)) or not isinstance(starts, (int, np.integer)) \
            or not 1 <= starts <= MAX_STARTS:
        raise ParameterError(f"starts: expected a positive integer up to {MAX_STARTS}, got {starts!r}")
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ParameterError(f"seed: expected a non-negative integer, got {seed!r}")
    floats = [np.asarray(p, dtype=float) for p in game.payoffs]
    scales = [s if (s := float(np.abs(p).max())) > 0 else 1.0 for p in floats]
    scaled = [p / s for p, s in zip(floats, scales)]
    candidates = _logit_tracing.equilibria(scaled, starts=int(starts), seed=int(seed), tol=tol)
    result: list[Equilibrium] = list(pure_equilibria(game, tol=tol))
    seen = {eq.support for eq in result}
    for profile in candidates:
        supports = tuple(tuple(int(a) for a in np.flatnonzero(s > 0)) for s in profile)
        labels = tuple(tuple(game.actions[i][a] for a in s) for i, s in enumerate(supports))
        if game.kind == FLOAT:
            if any(labels == eq.support and all(np.allclose(x, y, atol=1e-7) for x, y in
                                                zip(eq.strategies, profile)) for eq in result):
                continue
            try:
                result.append(equilibrium(game, [np.asarray(s) for s in profile], tol))
            except NotAnEquilibrium:
                continue
        else:
            if labels in seen:
                continue
            exact = _exact_on_support(game, supports, profile, tol)
            if exact is not None:
                result.append(exact)
                seen.add(labels)
    result.sort(key=lambda eq: (sum(len(s) for s in eq.support),
                                tuple(-float(sympy.N(v)) if isinstance(v, sympy.Basic) else -float(v)
                                      for s in eq.strategies for v in s)))
    return EquilibriumSet(tuple(result), game=game, method="logit paths", exact=game.kind != FLOAT,
                          complete=False, degenerate=None)


def _exact_on_support(game: NormalFormGame, supports: tuple, profile: list, tol: float) -> Equilibrium | None:
    """The exact equilibrium on ``supports`` nearest the float ``profile``, if the system is small and finite."""
    if sum(len(s) - 1 for s in supports) > MAX_EXACT_UNKNOWNS:
        return None
    system = _SupportSystem(_exact_payoffs(game), supports)
    if not system.gens:
        return _build(game, system, None, tol) if _pure_is_equilibrium(system) else None
    solutions = real_solutions(system.equations, system.ring)
    if solutions.status != "points":
        return None
    best, distance = None, math.inf
    for point in solutions.points:
        if not _accept(system, point):
            continue
        values = [point.approximate(point.substitute(p)) for i in range(len(supports))
                  for p in system.probabilities[i]]
        target = [profile[i][a] for i, s in enumerate(supports) for a in s]
        d = max(abs(x - y) for x, y in zip(values, target))
        if d < distance:
            best, distance = point, d
    return None if best is None else _build(game, system, best, tol)


@verify.register(EquilibriumContinuum)
def _verify_continuum(continuum: EquilibriumContinuum, *, tol: float | None = None) -> Verification:
    """Each sample is an equilibrium with the recorded support that solves the recorded equations."""
    failures: list[str] = []
    checked = 0
    for k, eq in enumerate(continuum.samples):
        result = verify(eq, tol=tol)
        checked += result.checked + 2
        failures += [f"sample {k}: {f}" for f in result.failures]
        if not all(set(s) <= set(r) for s, r in zip(eq.support, continuum.support)):
            failures.append(f"sample {k}: support {eq.support} is not within {continuum.support}")
        values = {}
        for i, labels in enumerate(continuum.support):
            for label in labels[1:]:
                a = continuum.game.actions[i].index(label)
                values[sympy.Symbol(f"p{i}_{a}")] = _numbers.to_sympy(eq.strategies[i][a])
        for equation in continuum.equations:
            residual = sympy.expand(equation.subs(values))
            if continuum.game.kind == FLOAT:
                wrong = abs(float(residual)) > (tol or DEFAULT_TOL) * _numbers.unit_of(*continuum.game.payoffs)
            else:
                wrong = _algebraic_sign(residual) != 0
            if wrong:
                failures.append(f"sample {k}: equation {equation} = {residual}, not 0")
    if continuum.parametrization:                # the parametrization solves the equations identically
        checked += 1
        mapping = dict(zip(continuum.variables, continuum.parametrization))
        for equation in continuum.equations:
            if sympy.expand(equation.subs(mapping)) != 0:
                failures.append(f"parametrization: equation {equation} is not 0 on it")
    if continuum.segment and len(continuum.samples) == 2:      # and the midpoint is an equilibrium too
        game = continuum.game
        middle = [[_numbers.ratio(x + y, 2) for x, y in zip(a, b)] for a, b in zip(*(eq.strategies for eq in continuum.samples))]
        for i in range(game.num_players):
            checked += 1
            best = game.best_responses(i, middle, tol=tol or DEFAULT_TOL)
            played = [label for label, p in zip(game.actions[i], middle[i]) if p > 0]
            if not set(played) <= set(best):
                failures.append(f"segment midpoint: player {game.players[i]!r} plays {played}, best {best}")
    return Verification(not failures, checked, tuple(failures))


def nplayer_equilibria(game: NormalFormGame, tol: float) -> EquilibriumSet:
    """What :func:`~cybergames.nash_equilibria` returns for games of three or more players."""
    unknowns = sum(size - 1 for size in game.shape)
    supports = math.prod(2 ** size - 1 for size in game.shape)
    bound = MAX_EXACT_UNKNOWNS_FLOAT if game.kind == FLOAT else MAX_EXACT_UNKNOWNS
    if unknowns <= bound and supports <= MAX_SUPPORT_PROFILES:
        return support_enumeration(game, tol=tol)
    if game.num_players <= MAX_APPROXIMATE_PLAYERS and math.prod(game.shape) <= MAX_APPROXIMATE_PROFILES:
        return approximate_equilibria(game, tol=tol)
    return pure_equilibria(game, tol=tol)
