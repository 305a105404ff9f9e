r"""Exact descriptions of the continua of equilibria of one support profile.

For supports :math:`S_1, \dots, S_n` the equilibria with exactly these
supports are the points :math:`p` (each player's probabilities but the first
of the support) with

.. math::

    E(p) = 0, \qquad \sigma_i(a) > 0 \ (a \in S_i), \qquad
    u_i(a_i^0, \sigma_{-i}) - u_i(b, \sigma_{-i}) \ge 0 \ (b \notin S_i),

where :math:`E` are the indifference equations. When these equations are
*linear* (as when one player mixes, or when the other players' cross terms
cancel), their solutions form an affine space :math:`p = p_0 + N t`, solved
exactly with the free unknowns :math:`t` as parameters, and the set is cut
out of it by the inequalities, which are then polynomials in :math:`t`:

* **one parameter.** The real roots of the inequalities' irreducible factors
  split the line into points and open cells on which every inequality has a
  constant sign; deciding each cell at one rational point (and each root
  exactly, as an algebraic number) gives the set exactly, as a union of
  intervals with algebraic end points (a cylindrical decomposition in one
  variable; Basu, Pollack & Roy 2006, ch. 5);
* **several parameters, linear inequalities.** The set is a relatively open
  polytope; the extreme points of its closure are the solutions of every
  choice of :math:`\dim t` tight inequalities that satisfy all the others
  (vertex enumeration by brute force, for the few inequalities a small game
  has), and it is non-empty iff the vertices' centroid satisfies the strict
  inequalities.

Other continua (nonlinear equations, or several parameters with nonlinear
inequalities) are left undescribed.

References
----------
Basu, Pollack & Roy, *Algorithms in Real Algebraic Geometry* (2006), ch. 5.
McKelvey & McLennan, *Handbook of Computational Economics* 1 (1996), sec. 6.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .._numbers import FLOAT
from ..games.normal_form import NormalFormGame
from ._build import NotAnEquilibrium, equilibrium
from .result import Equilibrium, _algebraic_sign

#: Most choices of tight inequalities tried for the vertices of one polytope.
MAX_VERTEX_BASES = 20_000


@dataclass(frozen=True)
class Description:
    """What :func:`describe` found: the exact set, its sample equilibria and its extreme points."""

    parameters: tuple
    parametrization: tuple
    positive: tuple
    nonnegative: tuple
    region: Any
    vertices: tuple
    samples: tuple
    described: bool = True

    @property
    def isolated(self) -> bool:
        """Whether the set is finitely many points (the equations' continuum meets it only there)."""
        return self.described and (isinstance(self.region, sympy.FiniteSet)
                                   or (self.region is None and len(self.vertices) == 1))


def constraints(system: Any, symbols: tuple) -> tuple[list, list, list]:
    """The equations, the strict (probabilities) and the weak (best-response) inequalities, as expressions."""
    equations = [sympy.expand(e.as_expr(*symbols)) for e in system.equations]
    positive, nonnegative = [], []
    for i, s in enumerate(system.supports):
        if len(s) > 1:
            positive += [sympy.expand(p.as_expr(*symbols)) for p in system.probabilities[i]]
        reference = system.values[i][s[0]]
        for b, value in enumerate(system.values[i]):
            if b not in s:
                slack = reference - value
                nonnegative.append(sympy.expand(slack.as_expr(*symbols)) if hasattr(slack, "as_expr")
                                   else sympy.Rational(str(slack)))
    return equations, positive, nonnegative


def describe(game: NormalFormGame, system: Any, symbols: tuple, tol: float) -> Description | None:
    """The exact set of equilibria with the supports of ``system``, or None when it cannot be described.

    An empty set gives a :class:`Description` with no samples.
    """
    equations, positive, nonnegative = constraints(system, symbols)
    if any(sympy.Poly(e, *symbols).total_degree() > 1 for e in equations if e != 0):
        return None
    solutions = sympy.linsolve(equations, list(symbols))
    if not solutions:
        return Description((), (), tuple(positive), tuple(nonnegative), sympy.EmptySet, (), ())
    (solution,) = solutions
    free = tuple(s for s in symbols if any(s in x.free_symbols for x in solution))
    mapping = dict(zip(symbols, solution))
    strict = [sympy.expand(e.subs(mapping)) for e in positive]
    weak = [sympy.expand(e.subs(mapping)) for e in nonnegative]
    start = (free, tuple(solution), tuple(positive), tuple(nonnegative))
    if len(free) == 1:
        found = _interval_set(free[0], strict, weak)
        if found is None:
            return None
        region, ends, inner = found
        samples = _equilibria(game, system, symbols, mapping, free, [(v,) for v in ends + inner], tol)
        vertices = samples[:len(ends)]
        return Description(*start, region, tuple(vertices), tuple(samples))
    if all(sympy.Poly(e, *free).total_degree() <= 1 for e in strict + weak if e.free_symbols):
        found = _polytope(free, strict, weak)
        if found is None:
            return None
        corners, centre = found
        extra = [centre] if len(corners) > 1 else []
        samples = _equilibria(game, system, symbols, mapping, free, corners + extra, tol)
        return Description(*start, None, tuple(samples[:len(corners)]), tuple(samples))
    points = _slices(free, strict, weak)
    if points is None:
        return None
    samples = _equilibria(game, system, symbols, mapping, free, points, tol)
    return Description(*start, None, (), tuple(samples), described=False)


#: Slices tried per continuum that is sampled but not described.
SLICES = 5


def _slices(free: tuple, strict: list, weak: list) -> list | None:
    """Exact points of ``{strict > 0, weak >= 0}`` on lines where all parameters but the last are fixed.

    The probabilities are affine in the parameters, so the closure of
    ``strict > 0`` is a polytope; the lines pass through rational points of
    its projection (its centroid, and the midpoints towards its vertices),
    and on each line the set is found exactly as with one parameter.
    """
    linear = [e for e in strict if e.free_symbols and sympy.Poly(e, *free).total_degree() <= 1]
    if len(linear) != len([e for e in strict if e.free_symbols]):
        return None
    head, last = free[:-1], free[-1]
    box = _polytope(free, linear, [])
    if box is None or not box[0]:
        return None
    corners, centre = box
    targets = [centre] + [tuple((c + x) / 2 for c, x in zip(centre, corner)) for corner in corners]
    points: list = []
    for target in targets[:SLICES]:
        fixed = dict(zip(head, target[:-1]))
        found = _interval_set(last, [sympy.expand(e.subs(fixed)) for e in strict],
                              [sympy.expand(e.subs(fixed)) for e in weak])
        if found is None:
            continue
        _, ends, inner = found
        points += [tuple(target[:-1]) + (v,) for v in ends + inner if (tuple(target[:-1]) + (v,)) not in points]
    return points


def _sign(value: Any) -> int:
    value = sympy.expand(value)
    if value.is_Rational:
        return int(sympy.sign(value))
    return _algebraic_sign(value)


def _holds(t: sympy.Symbol, value: Any, strict: list, weak: list) -> bool:
    return all(_sign(e.subs(t, value)) > 0 for e in strict) and all(_sign(e.subs(t, value)) >= 0 for e in weak)


def _between(low: Any, high: Any) -> sympy.Rational | None:
    """A rational strictly between two real algebraic numbers (None for the infinite ends: see the caller)."""
    for digits in (30, 100, 400):
        guess = sympy.Rational(str(sympy.N((low + high) / 2, digits)))
        if _sign(guess - low) > 0 and _sign(high - guess) > 0:
            return guess
    return None


def _interval_set(t: sympy.Symbol, strict: list, weak: list) -> tuple | None:
    """``(region, end points, interior rationals)`` of ``{t : strict > 0, weak >= 0}``; None if undecided."""
    factors = {}
    for e in strict + weak:
        if t in e.free_symbols:
            for factor, _ in sympy.factor_list(e, t)[1]:
                poly = sympy.Poly(factor, t).monic()
                if poly.degree() > 0:
                    factors[poly.as_expr()] = poly
    roots = [r for poly in factors.values() for r in poly.real_roots()]
    roots.sort(key=lambda r: sympy.N(r, 60))
    if not roots:
        return None
    cells = [(roots[0] - 1, False)]
    for k, r in enumerate(roots):
        cells.append((r, True))
        if k + 1 < len(roots):
            middle = _between(r, roots[k + 1])
            if middle is None:
                return None
            cells.append((middle, False))
    cells.append((roots[-1] + 1, False))
    feasible = [_holds(t, value, strict, weak) for value, _ in cells]
    if feasible[0] or feasible[-1]:
        return None                     # unbounded: not a set of probabilities
    pieces, ends, inner = [], [], []
    k = 0
    while k < len(cells):
        if not feasible[k]:
            k += 1
            continue
        first = k
        while k + 1 < len(cells) and feasible[k + 1]:
            k += 1
        last = k
        k += 1
        # the closure's end points are the roots next to the run (cells alternate open cell, root)
        low = cells[first][0] if cells[first][1] else cells[first - 1][0]
        high = cells[last][0] if cells[last][1] else cells[last + 1][0]
        if first == last and cells[first][1]:
            pieces.append(sympy.FiniteSet(low))
            ends.append(low)
            continue
        pieces.append(sympy.Interval(low, high, left_open=not cells[first][1], right_open=not cells[last][1]))
        ends += [low, high]
        inner.append(next(value for value, is_root in cells[first:last + 1] if not is_root))
    if not pieces:
        return sympy.EmptySet, [], []
    region = pieces[0] if len(pieces) == 1 else sympy.Union(*pieces, evaluate=False)
    return region, ends, inner


def _polytope(free: tuple, strict: list, weak: list) -> tuple | None:
    """``(vertices, centroid)`` of the closure of ``{strict > 0, weak >= 0}``; ``([], None)`` if empty."""
    rows = []
    for e in strict + weak:
        poly = sympy.Poly(e, *free)
        rows.append(([poly.coeff_monomial(s) for s in free], poly.coeff_monomial(1)))
    d = len(free)
    bases = itertools.combinations(range(len(rows)), d)
    vertices = []
    for count, basis in enumerate(bases):
        if count >= MAX_VERTEX_BASES:
            return None
        matrix = sympy.Matrix([rows[k][0] for k in basis])
        if matrix.det() == 0:
            continue
        point = list(matrix.LUsolve(sympy.Matrix([-rows[k][1] for k in basis])))
        if all(sum(c * x for c, x in zip(coefficients, point)) + constant >= 0 for coefficients, constant in rows) \
                and point not in vertices:
            vertices.append(point)
    if not vertices:
        return [], None
    centre = [sum(v[j] for v in vertices) / len(vertices) for j in range(d)]
    if not all(sum(c * x for c, x in zip(rows[k][0], centre)) + rows[k][1] > 0 for k in range(len(strict))):
        return [], None
    return [tuple(v) for v in vertices], tuple(centre)


def _equilibria(game: NormalFormGame, system: Any, symbols: tuple, mapping: dict, free: tuple,
                points: list, tol: float) -> list[Equilibrium]:
    """The equilibria at the given parameter values (points of the set or of its closure)."""
    return [_equilibrium_at(game, system, symbols, mapping, dict(zip(free, point)), tol) for point in points]


def _equilibrium_at(game: NormalFormGame, system: Any, symbols: tuple, mapping: dict, values: dict,
                    tol: float) -> Equilibrium:
    assignment = {s: sympy.expand(mapping[s].subs(values)) for s in symbols}
    strategies = []
    for i, s in enumerate(system.supports):
        vector = [sympy.Integer(0)] * game.shape[i]
        for a, p in zip(s, system.probabilities[i]):
            vector[a] = sympy.expand(sympy.sympify(p.as_expr(*symbols) if hasattr(p, "as_expr") else 1)
                                     .subs(assignment))
        strategies.append(vector)
    if all(v.is_Rational for vector in strategies for v in vector):
        exact = [[Fraction(int(v.p), int(v.q)) for v in vector] for vector in strategies]
        if game.kind == FLOAT:
            return equilibrium(game, [[float(v) for v in vector] for vector in exact], tol)
        return equilibrium(game, exact, tol)
    if game.kind == FLOAT:
        return equilibrium(game, [[float(sympy.N(v, 30)) for v in vector] for vector in strategies], tol)
    stored = []
    for vector in strategies:
        array = np.empty(len(vector), dtype=object)
        array[:] = [Fraction(int(v.p), int(v.q)) if v.is_Rational else v for v in vector]
        array.flags.writeable = False
        stored.append(array)
    payoffs = []
    for payoff in game.payoffs:
        total = sympy.Integer(0)
        for index in itertools.product(*[range(n) for n in game.shape]):
            weight = sympy.Integer(1)
            for j, a in enumerate(index):
                weight *= strategies[j][a]
            if weight != 0 and payoff[index] != 0:
                total += weight * sympy.Rational(str(payoff[index]))
        payoffs.append(sympy.expand(total))
    support = tuple(tuple(game.actions[i][a] for a, p in enumerate(vector) if _sign(p) > 0)
                    for i, vector in enumerate(strategies))
    for i, vector in enumerate(strategies):          # the closure of a Nash set is in it: check anyway
        if any(_sign(p) < 0 for p in vector):
            raise NotAnEquilibrium(f"player {i} has a negative probability")
    return Equilibrium(tuple(stored), tuple(payoffs), (0,) * game.num_players, support, game)
