r"""The real solutions of a square polynomial system over the rationals, exactly (internal).

Given polynomials :math:`f_1, \dots, f_m \in \mathbb{Q}[x_1, \dots, x_m]`,
:func:`real_solutions` decides whether the ideal :math:`I = \langle f \rangle`
is trivial (no solution), positive-dimensional (a continuum of complex
solutions) or zero-dimensional, and in the last case returns every real
solution exactly.

Method (Cox, Little & O'Shea, *Using Algebraic Geometry*, 2nd ed., ch. 2,
sec. 2-4: the quotient algebra and multiplication matrices; Rouillier 1999,
"Solving zero-dimensional systems through the rational univariate
representation", *AAECC* 9):

1. A Groebner basis in grevlex order. ``{1}`` means no solution; the ideal is
   zero-dimensional iff every variable has a pure power among the leading
   monomials, and then the standard monomials :math:`B` (those divisible by
   no leading monomial) are a basis of :math:`A = \mathbb{Q}[x]/I`.
2. For a linear form :math:`t = \sum c_k x_k` with small integer
   coefficients, the Krylov vectors :math:`[t^j]` of the class of 1 under the
   multiplication by :math:`t` give its minimal polynomial :math:`h(t)`. When
   :math:`\deg h = \dim A` and :math:`h` is squarefree, :math:`I` is radical
   and :math:`t` separates its points; then each :math:`x_k` is a polynomial
   :math:`f_k(t)` (solve :math:`[x_k] = \sum_j c_{kj} [t^j]`), and the
   solutions are :math:`x_k = f_k(\alpha)` over the roots :math:`\alpha` of
   :math:`h` -- real exactly when :math:`\alpha` is real. Otherwise the
   squarefree parts of the eliminants of every variable (Krylov minimal
   polynomials of :math:`x_k`) are added, which makes the ideal radical
   (Seidenberg's lemma), and another form is tried.
3. :math:`h` is factored over :math:`\mathbb{Q}`; the real roots of each
   irreducible factor are isolated in intervals with rational endpoints.

A polynomial :math:`r` in the variables is then *exactly* zero, positive or
negative at a solution :math:`f(\alpha)`: substitute, reduce modulo the
irreducible factor :math:`p` of :math:`\alpha` (zero iff the remainder is
zero, since :math:`p` is the minimal polynomial of :math:`\alpha`), and
otherwise refine the isolating interval until the remainder has no root in
it and read its sign at an endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import sympy
from sympy import QQ
from sympy.polys.groebnertools import groebner as _groebner
from sympy.polys.matrices import DomainMatrix
from sympy.polys.orderings import grevlex
from sympy.polys.rings import ring as _make_ring

from ..errors import SolverError

_T = sympy.Symbol("t")


def _fraction(value: Any) -> Fraction:
    return Fraction(int(value.numerator), int(value.denominator))


@dataclass
class RealPoint:
    """One real solution :math:`x_k = f_k(\\alpha)`, :math:`\\alpha` the root of ``minimal`` in ``[lo, hi]``."""

    minimal: sympy.Poly                 # irreducible over Q, in t
    lo: Fraction
    hi: Fraction
    coordinates: tuple                  # f_k as sympy Poly in t, reduced modulo `minimal`
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def degree(self) -> int:
        return self.minimal.degree()

    def substitute(self, poly: Any) -> sympy.Poly:
        """A ring polynomial in the variables, at this point: a Poly in t reduced modulo ``minimal``."""
        result = sympy.Poly(0, _T, domain=QQ)
        for exponents, coefficient in poly.terms():
            term = sympy.Poly(coefficient, _T, domain=QQ)
            for k, e in enumerate(exponents):
                if e:
                    term = (term * self._power(k, e)).rem(self.minimal)
            result += term
        return result.rem(self.minimal)

    def _power(self, k: int, e: int) -> sympy.Poly:
        key = (k, e)
        if key not in self._cache:
            self._cache[key] = (self.coordinates[k] ** e).rem(self.minimal) if e > 1 else self.coordinates[k]
        return self._cache[key]

    def sign(self, poly: Any) -> int:
        """The exact sign (-1, 0, 1) of a ring polynomial at this point."""
        return self.sign_of(self.substitute(poly))

    def sign_of(self, r: sympy.Poly) -> int:
        """The exact sign of a polynomial in t (reduced modulo ``minimal``) at the root."""
        if r.is_zero:
            return 0
        if self.degree == 1:
            value = _fraction(r.eval(self.root_rational()))
            return (value > 0) - (value < 0)
        # r(alpha) != 0 (r has lower degree than alpha's minimal polynomial): evaluate at the midpoint m
        # of the isolating interval; |r(alpha) - r(m)| <= max|r'| * width / 2, bounded by the
        # coefficients; refine the interval until |r(m)| exceeds the bound
        coefficients = [_fraction(c) for c in reversed(r.all_coeffs())]          # ascending
        lo, hi = self.lo, self.hi
        while True:
            m = (lo + hi) / 2
            value = Fraction(0)
            for c in reversed(coefficients):
                value = value * m + c
            bound = max(abs(lo), abs(hi), Fraction(1))
            slope = sum(k * abs(c) * bound ** (k - 1) for k, c in enumerate(coefficients) if k)
            if abs(value) > slope * (hi - lo) / 2:
                self.lo, self.hi = lo, hi
                return 1 if value > 0 else -1
            a, b = self.minimal.refine_root(sympy.Rational(lo.numerator, lo.denominator),
                                            sympy.Rational(hi.numerator, hi.denominator),
                                            eps=sympy.Rational((hi - lo).numerator, (hi - lo).denominator) / 2**16)
            lo, hi = _fraction(a), _fraction(b)

    def root_rational(self) -> sympy.Rational:
        a, b = self.minimal.all_coeffs()
        return -b / a

    def root(self) -> sympy.Expr:
        """The root itself: a Rational, a radical (degree 2) or a ``CRootOf``."""
        if self.degree == 1:
            return self.root_rational()
        if self.degree == 2:
            a, b, c = self.minimal.all_coeffs()
            lo = sympy.Rational(self.lo.numerator, self.lo.denominator)
            hi = sympy.Rational(self.hi.numerator, self.hi.denominator)
            for s in (-1, 1):
                candidate = (-b + s * sympy.sqrt(b * b - 4 * a * c)) / (2 * a)
                if lo <= candidate <= hi:
                    return sympy.radsimp(candidate)
        below = self.minimal.count_roots(None, sympy.Rational(self.lo.numerator, self.lo.denominator))
        return sympy.CRootOf(self.minimal, below)

    def value(self, r: sympy.Poly) -> Any:
        r"""``r`` (a Poly in t) at the root: a Fraction when rational, else an exact sympy number.

        An irrational value at a quadratic point is a radical (from its own minimal polynomial
        ``q``, the factor of the resultant of ``p(t)`` and ``y - r(t)`` with ``q(r(t)) = 0 mod p``);
        at a point of higher degree it is the polynomial ``r(alpha)`` in the point's ``CRootOf``, so
        that all coordinates of a point lie in one field Q(alpha) and comparisons reduce modulo ``p``.
        """
        r = r.rem(self.minimal)
        if r.degree() <= 0:
            return _fraction(r.LC()) if not r.is_zero else Fraction(0)
        if self.degree == 1:
            return _fraction(r.eval(self.root_rational()))
        if self.degree > 2:         # a polynomial in the one CRootOf: exact arithmetic stays in Q(alpha)
            return sympy.expand(r.as_expr().subs(_T, self.root()))
        y = sympy.Symbol("y")
        resultant = sympy.Poly(self.minimal.as_expr(), _T, y).resultant(sympy.Poly(y - r.as_expr(), _T, y))
        approximation = self._high_precision(r)
        for factor, _ in sympy.Poly(resultant.as_expr(), y, domain=QQ).factor_list()[1]:
            q = sympy.Poly(factor, y, domain=QQ)
            if q.degree() < 1 or not self._compose(q, r).is_zero:
                continue
            if q.degree() == 1:
                a, b = q.all_coeffs()
                return _fraction(-b / a)
            if q.degree() == 2:
                a, b, c = q.all_coeffs()
                candidates = [(-b + s * sympy.sqrt(b * b - 4 * a * c)) / (2 * a) for s in (-1, 1)]
                return min(candidates, key=lambda v: abs(sympy.N(v - approximation, 60)))
            intervals = q.intervals(eps=sympy.Rational(1, 10**30))
            hits = [k for k, ((a, b), _) in enumerate(intervals)
                    if a - sympy.Rational(1, 10**25) <= approximation <= b + sympy.Rational(1, 10**25)]
            if len(hits) == 1:
                return sympy.CRootOf(q.as_expr(), hits[0])
            break
        return sympy.expand(r.as_expr().subs(_T, self.root()))

    def _compose(self, q: sympy.Poly, r: sympy.Poly) -> sympy.Poly:
        """q(r(t)) modulo the minimal polynomial, by Horner's rule (never expanded in full)."""
        result = sympy.Poly(0, _T, domain=QQ)
        for c in q.all_coeffs():
            result = (result * r + sympy.Poly(c, _T, domain=QQ)).rem(self.minimal)
        return result

    def _high_precision(self, r: sympy.Poly) -> sympy.Rational:
        a = sympy.Rational(self.lo.numerator, self.lo.denominator)
        b = sympy.Rational(self.hi.numerator, self.hi.denominator)
        if b - a > sympy.Rational(1, 10**40):
            a, b = self.minimal.refine_root(a, b, eps=sympy.Rational(1, 10**40))
            self.lo, self.hi = _fraction(a), _fraction(b)
        return r.eval((a + b) / 2)

    def approximate(self, r: sympy.Poly) -> float:
        """``r`` at the root as a float (the root refined to 1e-30 first)."""
        r = r.rem(self.minimal)
        if self.degree == 1:
            return float(_fraction(r.eval(self.root_rational())))
        a = sympy.Rational(self.lo.numerator, self.lo.denominator)
        b = sympy.Rational(self.hi.numerator, self.hi.denominator)
        if b - a > sympy.Rational(1, 10**30):
            a, b = self.minimal.refine_root(a, b, eps=sympy.Rational(1, 10**30))
            self.lo, self.hi = _fraction(a), _fraction(b)
        return float(r.eval((a + b) / 2))


@dataclass
class Solutions:
    """What :func:`real_solutions` found: ``status`` is "none", "points" or "positive-dimensional"."""

    status: str
    points: tuple = ()
    basis: tuple = ()


def _standard_monomials(leading: Sequence[tuple], nvars: int) -> list[tuple] | None:
    """The monomials divisible by no leading monomial (None when infinitely many)."""
    for k in range(nvars):
        if not any(m[k] > 0 and sum(m) == m[k] for m in leading):
            return None
    result, frontier, seen = [], [(0,) * nvars], set()
    while frontier:
        m = frontier.pop()
        if m in seen or any(all(a >= b for a, b in zip(m, lm)) for lm in leading):
            continue
        seen.add(m)
        result.append(m)
        for k in range(nvars):
            frontier.append(tuple(e + (j == k) for j, e in enumerate(m)))
    return sorted(result)


def _coordinates(poly: Any, index: dict, size: int) -> list:
    vector = [QQ(0)] * size
    for monomial, coefficient in poly.terms():
        vector[index[monomial]] = coefficient
    return vector


def _krylov(ring: Any, basis: list, form: Any, index: dict) -> tuple[list, list]:
    """Minimal polynomial (ascending coefficients) of ``form`` modulo the ideal, and the Krylov vectors."""
    size = len(index)
    vectors, power = [], ring.one
    for _ in range(size + 1):
        reduced = power.rem(basis)
        vectors.append(_coordinates(reduced, index, size))
        matrix = DomainMatrix([list(col) for col in zip(*vectors)], (size, len(vectors)), QQ)
        null = matrix.nullspace().to_Matrix()
        if null.rows:
            relation = list(null.row(0))
            last = relation[-1]
            return [sympy.Rational(c) / last for c in relation], vectors[:-1]
        power = (power * form).rem(basis)
    raise SolverError("internal error: no minimal polynomial within the quotient's dimension"
                      " (a bug: please report the game)")


def real_solutions(equations: Sequence[Any], ring: Any, *, attempts: int = 6) -> Solutions:
    """Every real solution of ``equations`` (elements of the sympy ``ring``, QQ, grevlex), exactly."""
    nvars = ring.ngens
    equations = [f for f in equations if f]
    if not equations:
        return Solutions("positive-dimensional")
    if all(f.degree() <= 1 if nvars == 1 else sum(max(f.monoms(), key=sum)) <= 1 for f in equations):
        return _linear_solutions(equations, ring)
    basis = _groebner(equations, ring)
    if len(basis) == 1 and basis[0].is_ground:
        return Solutions("none", basis=tuple(basis))
    for attempt in range(attempts):
        leading = [g.LM for g in basis]
        standard = _standard_monomials(leading, nvars)
        if standard is None:
            return Solutions("positive-dimensional", basis=tuple(basis))
        index = {m: k for k, m in enumerate(standard)}
        size = len(standard)
        coefficients = [1 + ((attempt * 7 + 3 * k * k + k) % (5 + 2 * attempt)) for k in range(nvars)]
        form = sum((c * g for c, g in zip(coefficients, ring.gens)), ring.zero)
        minimal, vectors = _krylov(ring, basis, form, index)
        h = sympy.Poly(list(reversed(minimal)), _T, domain=QQ)
        if h.degree() == size and sympy.gcd(h, h.diff(_T)).degree() == 0:
            return Solutions("points", _points(h, vectors, basis, ring, index), tuple(basis))
        # not radical (or t not separating): add the squarefree eliminants of every variable
        extra = []
        for g in ring.gens:
            eliminant, _ = _krylov(ring, basis, g, index)
            e = sympy.Poly(list(reversed(eliminant)), _T, domain=QQ)
            squarefree = sympy.quo(e, sympy.gcd(e, e.diff(_T)))
            if squarefree.degree() < e.degree():
                extra.append(sum((QQ.from_sympy(c) * g ** k
                                  for k, c in enumerate(reversed(squarefree.all_coeffs()))), ring.zero))
        if extra:
            basis = _groebner(list(basis) + extra, ring)
    raise SolverError("internal error: no separating linear form found for a zero-dimensional system"
                      " (a bug: please report the game)")


def _linear_solutions(equations: Sequence[Any], ring: Any) -> Solutions:
    """A linear system by exact row reduction (what Buchberger's algorithm would do, without its overhead)."""
    nvars = ring.ngens
    rows = []
    for f in equations:
        row = [QQ.zero] * (nvars + 1)
        for exponents, coefficient in f.terms():
            if any(exponents):
                row[exponents.index(1)] = coefficient
            else:
                row[nvars] = -coefficient
        rows.append(row)
    reduced, pivots = DomainMatrix(rows, (len(rows), nvars + 1), QQ).rref()
    if nvars in pivots:
        return Solutions("none")
    if len(pivots) < nvars:
        return Solutions("positive-dimensional")
    table = reduced.to_Matrix()
    values = [table[k, nvars] for k in range(nvars)]
    coordinates = tuple(sympy.Poly(v, _T, domain=QQ) for v in values)
    return Solutions("points", (RealPoint(sympy.Poly(_T, _T, domain=QQ), Fraction(0), Fraction(0), coordinates),))


def _points(h: sympy.Poly, vectors: list, basis: list, ring: Any, index: dict) -> tuple:
    """The real points x_k = f_k(alpha), h(alpha) = 0, alpha real."""
    size = len(index)
    krylov = DomainMatrix([list(col) for col in zip(*vectors)], (size, size), QQ)
    inverse = krylov.inv()
    coordinate_polys = []
    for g in ring.gens:
        target = DomainMatrix([[c] for c in _coordinates(g.rem(basis), index, size)], (size, 1), QQ)
        coefficients = (inverse * target).to_Matrix()
        coordinate_polys.append(sympy.Poly(list(reversed(list(coefficients))), _T, domain=QQ))
    points = []
    for factor, _ in sympy.factor_list(h)[1]:
        factor = sympy.Poly(factor, _T, domain=QQ)
        if factor.degree() == 0:
            continue
        reduced = tuple(f.rem(factor) for f in coordinate_polys)
        for (a, b), _ in factor.intervals():
            points.append(RealPoint(factor, _fraction(a), _fraction(b), reduced))
    return tuple(points)


def product_ring(names: Sequence[str]) -> tuple:
    """A polynomial ring over QQ in ``names`` (at least one) with grevlex order, and its generators."""
    r, *gens = _make_ring(",".join(names), QQ, grevlex)
    return r, tuple(gens)


__all__ = ["RealPoint", "Solutions", "product_ring", "real_solutions"]
