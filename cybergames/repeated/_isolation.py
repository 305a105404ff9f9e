r"""Where a family of polynomials is non-positive on [0, 1): exactly, or in floats (internal).

Given polynomials :math:`h_1, \dots, h_K` in :math:`\delta`, the set
:math:`\{\delta \in [0, 1) : h_k(\delta) \le 0 \ \forall k\}` is a finite union
of intervals whose endpoints are roots of the :math:`h_k`. The exact method
factors every :math:`h_k` over the integers, isolates the real roots of each
irreducible factor in :math:`(0, 1)` in disjoint intervals with rational
endpoints (sympy's real-root isolation), and reads the sign of every
:math:`h_k` at a rational point of each gap between consecutive roots and at
each root (zero iff the root's factor divides :math:`h_k`, otherwise the sign
of the neighbouring gap). Nothing is rounded, so a set that is a single point
stays one.

The float method finds the roots with numpy (companion-matrix eigenvalues),
merges roots closer than ``cluster`` and tests signs with a tolerance
relative to the largest coefficient.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import numpy as np
import sympy

_X = sympy.Symbol("x")

#: Roots of a float polynomial closer than this are taken to be one root.
CLUSTER = 1e-7


@dataclass
class _Root:
    lo: Fraction
    hi: Fraction
    factor: tuple           # the irreducible factor, integer coefficients (descending)
    poly: Any               # its sympy Poly (None for a rational root)
    exact: Fraction | None  # the root itself when rational
    cached: tuple | None = None

    def refine(self) -> None:
        a, b = self.poly.refine_root(self.lo, self.hi, eps=(self.hi - self.lo) / 4)
        self.lo, self.hi = Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q))

    def value(self) -> Any:
        """The root as a Fraction, a radical expression (degree 2) or a CRootOf."""
        if self.exact is not None:
            return self.exact
        poly = self.poly
        if poly.degree() == 2:
            a, b, c = poly.all_coeffs()
            for sign in (-1, 1):
                root = (-b + sign * sympy.sqrt(b * b - 4 * a * c)) / (2 * a)
                root = sympy.radsimp(root)
                if sympy.Rational(self.lo.numerator, self.lo.denominator) <= root \
                        <= sympy.Rational(self.hi.numerator, self.hi.denominator):
                    return root
        below = poly.count_roots(sup=sympy.Rational(self.lo.numerator, self.lo.denominator))
        return sympy.CRootOf(poly, below)


def _primitive(coefficients: Sequence) -> tuple:
    """Integer coefficients (ascending) with the same sign pattern, content removed."""
    den = 1
    for c in coefficients:
        if isinstance(c, Fraction):
            den = math.lcm(den, c.denominator)
    ints = [int(c * den) for c in coefficients]
    while len(ints) > 1 and ints[-1] == 0:
        ints.pop()
    g = 0
    for c in ints:
        g = math.gcd(g, c)
    return tuple(c // g for c in ints) if g > 1 else tuple(ints)


def _sign_at(poly: tuple, x: Fraction) -> int:
    """The sign of the integer polynomial (ascending) at the rational ``x``, in integer arithmetic."""
    a, b = x.numerator, x.denominator
    acc = poly[-1]
    power = b
    for c in reversed(poly[:-1]):          # acc = b^d h(a/b) by Horner's rule
        acc = acc * a + c * power
        power *= b
    return (acc > 0) - (acc < 0)


def _bernstein(poly: tuple) -> list[Fraction]:
    """Coefficients of ``poly`` in the Bernstein basis of degree d on [0, 1]."""
    d = len(poly) - 1
    return [sum((Fraction(math.comb(j, k), math.comb(d, k)) * poly[k] for k in range(j + 1)), Fraction(0))
            for j in range(d + 1)]


def _screen(poly: tuple) -> int:
    """-1 if ``poly <= 0`` on [0, 1], +1 if ``poly > 0`` on (0, 1), 0 if undecided (Bernstein signs)."""
    b = _bernstein(poly)
    if all(x <= 0 for x in b):
        return -1
    if all(x >= 0 for x in b):
        return 1
    return 0


def _factors(poly: tuple) -> list[tuple]:
    """The distinct irreducible factors (descending integer coefficients, positive lead) of degree >= 1."""
    if len(poly) == 2:
        a, b = poly[1], poly[0]
        g = math.gcd(a, b)
        a, b = a // g, b // g
        return [(a, b) if a > 0 else (-a, -b)]
    _, factors = sympy.Poly(list(reversed(poly)), _X, domain="ZZ").factor_list()
    out = []
    for f, _ in factors:
        coeffs = [int(c) for c in f.all_coeffs()]
        if coeffs[0] < 0:
            coeffs = [-c for c in coeffs]
        out.append(tuple(coeffs))
    return out


def _roots_in_unit_interval(factor: tuple) -> list[_Root]:
    if len(factor) == 2:
        root = Fraction(-factor[1], factor[0])
        return [_Root(root, root, factor, None, root)] if 0 < root < 1 else []
    poly = sympy.Poly(list(factor), _X, domain="ZZ")
    out = []
    for (a, b), _ in poly.intervals(inf=0, sup=1):
        root = _Root(Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q)), factor, poly, None)
        while root.lo <= 0 or root.hi >= 1:   # an irreducible factor of degree >= 2 has no root 0 or 1
            if root.lo >= 1 or root.hi <= 0:
                break
            root.refine()
        if 0 < root.lo and root.hi < 1:
            out.append(root)
    return out


def _separate(roots: list[_Root]) -> list[_Root]:
    """Sort the roots and refine their intervals until consecutive ones are disjoint."""
    while True:
        roots.sort(key=lambda r: (r.lo, r.hi))
        clash = False
        for left, right in zip(roots, roots[1:]):
            if left.hi >= right.lo:
                clash = True
                for r in (left, right):
                    if r.exact is None:
                        r.refine()
        if not clash:
            return roots


def _merge(pieces: list[tuple[Any, Any, bool]]) -> list[tuple]:
    """Pieces (left, right, satisfied) in order, points as (x, x) -> intervals (lo, hi, lo_closed, hi_closed)."""
    out: list[list] = []
    previous_ok = False
    for left, right, is_point, ok in pieces:
        if ok:
            if previous_ok:
                out[-1][1] = right
                out[-1][3] = is_point
            else:
                out.append([left, right, is_point, is_point])
        previous_ok = ok
    return [tuple(x) for x in out]


def solve_exact(polynomials: Sequence[Sequence], *, as_float: bool = False) -> list[tuple]:
    """Intervals (lo, hi, lo_closed, hi_closed) of [0, 1) where every polynomial is <= 0, exactly.

    With ``as_float`` the endpoints are the floats nearest below each exact endpoint's
    isolating interval refined to one float (bisection in exact arithmetic), not exact numbers.
    """
    unique = {}
    for coefficients in polynomials:
        poly = _primitive(coefficients)
        if poly == (0,):
            continue
        if len(poly) == 1:
            if poly[0] > 0:
                return []
            continue
        unique[poly] = None
    zero, one = Fraction(0), Fraction(1)
    at_zero = all(p[0] <= 0 for p in unique)
    polys = []
    for p in unique:                      # a cheap screen before any factoring
        screen = _screen(p)
        if screen == 1:                   # violated on all of (0, 1): at most delta = 0 remains
            return [(zero, zero, True, True)] if at_zero else []
        if screen == 0:
            polys.append(p)
    factors_of = {p: set(_factors(p)) for p in polys}
    distinct = set().union(*factors_of.values()) if polys else set()
    roots = _separate([r for f in distinct for r in _roots_in_unit_interval(f)])
    bounds = [zero] + [x for r in roots for x in (r.lo, r.hi)] + [one]
    tests = [(bounds[2 * k] + bounds[2 * k + 1]) / 2 for k in range(len(roots) + 1)]
    gap_signs = [[_sign_at(p, t) for p in polys] for t in tests]
    pieces: list = [(zero, zero, True, at_zero)]
    for k, root in enumerate(roots):
        left = zero if k == 0 else roots[k - 1]
        pieces.append((left, root, False, all(s <= 0 for s in gap_signs[k])))
        at_root = [0 if root.factor in factors_of[p] else gap_signs[k][j] for j, p in enumerate(polys)]
        pieces.append((root, root, True, all(s <= 0 for s in at_root)))
    pieces.append((zero if not roots else roots[-1], one, False, all(s <= 0 for s in gap_signs[-1])))
    # only the endpoints of the answer are turned into exact numbers (radicals, CRootOf)
    value = _float_value if as_float else _value
    return [(value(lo), value(hi), lc, hc) for lo, hi, lc, hc in _merge(pieces)]


def _newton(descending: tuple, x: float, lo: float, hi: float) -> float | None:
    """A float root of the polynomial near ``x`` by Newton's method kept inside [lo, hi], or None."""
    coefficients = [float(c) for c in descending]
    for _ in range(60):
        value = derivative = 0.0
        for c in coefficients:
            derivative = derivative * x + value
            value = value * x + c
        if derivative == 0.0 or not math.isfinite(value):
            return None
        step = value / derivative
        x_next = min(max(x - step, lo), hi)
        if x_next == x:
            return x
        x = x_next
    return x


def _float_value(root: Any) -> float:
    """The float of an endpoint: a rational's float, or an algebraic root's isolating interval
    bisected exactly until both ends round to the same float."""
    if isinstance(root, Fraction):
        return float(root)
    if root.exact is not None:
        return float(root.exact)
    lo, hi = root.lo, root.hi
    ascending = tuple(reversed(root.factor))
    low_sign = _sign_at(ascending, lo)
    guess = _newton(root.factor, float((lo + hi) / 2), float(lo), float(hi))
    if guess is not None:                 # narrow to a few floats around Newton's guess, if it brackets
        step = 4 * math.ulp(guess)
        a, b = Fraction(guess - step), Fraction(guess + step)
        if lo < a < b < hi and _sign_at(ascending, a) == low_sign and _sign_at(ascending, b) == -low_sign:
            lo, hi = a, b
    while float(lo) != float(hi):
        mid = (lo + hi) / 2
        sign = _sign_at(ascending, mid)
        if sign == 0:
            return float(mid)
        if sign == low_sign:
            lo = mid
        else:
            hi = mid
    return float(lo)


def _value(root: Any) -> Any:
    if isinstance(root, Fraction):
        return root
    if root.cached is None:
        root.cached = (root.value(),)
    return root.cached[0]


# --------------------------------------------------------------------------- float path
def _bernstein_matrix(d: int) -> np.ndarray:
    """M with M @ c = Bernstein coefficients on [0, 1] of the ascending coefficients c (degree d)."""
    M = np.zeros((d + 1, d + 1))
    for j in range(d + 1):
        for k in range(j + 1):
            M[j, k] = math.comb(j, k) / math.comb(d, k)
    return M


_BERNSTEIN: dict = {}


def solve_float(polynomials: Sequence[Sequence[float]], tol: float) -> list[tuple]:
    """Intervals of [0, 1) where every float polynomial is <= 0 up to ``tol`` x its largest coefficient."""
    unique = {}
    for coefficients in polynomials:
        h = np.asarray(coefficients, dtype=float)
        scale = np.max(np.abs(h)) if h.size else 0.0
        if scale == 0.0:
            continue
        h = h / scale
        nonzero = np.flatnonzero(np.abs(h) > 1e-14)
        h = h[: nonzero[-1] + 1]
        unique.setdefault(h.tobytes(), h)
    at_zero = all(h[0] <= tol for h in unique.values())
    polys = []
    for h in unique.values():
        if h.size == 1:
            if h[0] > tol:
                return []
            continue
        d = h.size - 1
        if d not in _BERNSTEIN:
            _BERNSTEIN[d] = _bernstein_matrix(d)
        b = _BERNSTEIN[d] @ h
        if np.all(b <= tol):                 # h <= 0 on [0, 1] (up to tol): the constraint always holds
            continue
        if np.all(b >= -tol) and np.any(b[1:-1] > tol):   # h > 0 inside (0, 1): it never holds there
            return [(0.0, 0.0, True, True)] if at_zero else []
        polys.append(h)
    if not polys:
        return [(0.0, 1.0, True, False)] if at_zero else [(0.0, 1.0, False, False)]
    candidates: list = []
    by_degree: dict = {}
    for h in polys:
        by_degree.setdefault(h.size - 1, []).append(h)
    for d, group in by_degree.items():
        H = np.array(group)
        if d == 1:
            roots = (-H[:, 0] / H[:, 1])[:, None]
        else:                                 # eigenvalues of stacked companion matrices
            companion = np.zeros((len(group), d, d))
            companion[:, 1:, :-1] = np.eye(d - 1)
            companion[:, :, -1] = -H[:, :-1] / H[:, -1:]
            roots = np.linalg.eigvals(companion)
            roots = np.where(np.abs(roots.imag) <= CLUSTER * 10 * np.maximum(1.0, np.abs(roots)),
                             roots.real, np.nan)
        flat = roots.ravel()
        candidates.extend(flat[(flat > CLUSTER) & (flat < 1 - CLUSTER / 10)].tolist())
    candidates.sort()
    clusters: list[list[float]] = []
    for r in candidates:
        if clusters and r - clusters[-1][-1] <= CLUSTER * max(1.0, abs(r)):
            clusters[-1].append(r)
        else:
            clusters.append([r])
    points = [sum(c) / len(c) for c in clusters]
    width = max(h.size for h in polys)
    matrix = np.array([np.pad(h, (0, width - h.size)) for h in polys])
    edges = [0.0] + points + [1.0]
    middles = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
    where = np.array(points + middles)
    values = matrix @ np.vander(where, width, increasing=True).T if where.size else np.zeros((len(polys), 0))
    ok = np.all(values <= tol, axis=0).tolist()
    at_points, at_middles = ok[: len(points)], ok[len(points):]
    pieces = [(0.0, 0.0, True, at_zero)]
    for k, x in enumerate(points):
        pieces.append((edges[k], x, False, at_middles[k]))
        pieces.append((x, x, True, at_points[k]))
    pieces.append((edges[-2], 1.0, False, at_middles[-1]))
    return _merge(pieces)
