r"""Cutoff (threshold) equilibria of Bayesian games with continuous types.

When each player's best response to the others' cutoff strategies is itself a
cutoff ("act iff my type exceeds :math:`c_i`"), an equilibrium is a fixed
point of the best-response cutoffs

.. math:: c_k = \operatorname{clip}_{[\ell_k, h_k]} f_k(c), \qquad k = 1, \dots, n,

where :math:`f_k` is a formula in all the cutoffs (it may involve
:math:`c_k` itself when a third party's response to :math:`c_k` has been
substituted in, as the defender's in :mod:`.attribution`) and the clip
keeps the cutoff in the type support :math:`[\ell_k, h_k]` (a cutoff at an
end means "always" or "never").

**Exact method** (exact coefficients, rational :math:`f_k`). Every cutoff is
either interior or at one end. For each of the :math:`3^n` patterns the
interior cutoffs solve the polynomial system
:math:`\operatorname{numer}(c_k - f_k) = 0` exactly (sympy: Gröbner bases and
exact real roots), solutions are kept when real, inside their intervals,
away from poles, and consistent with the pattern (:math:`f_k \le \ell_k` at a
lower end, :math:`\ge h_k` at an upper end). The list is then complete.

**Float method.** One cutoff: :math:`g(c) = c - \operatorname{clip} f(c)` is
sampled on a grid and each sign change is refined by Brent's method
(:func:`scipy.optimize.brentq`). Uniqueness is certified, when possible, by
interval arithmetic on :math:`f'` over the subintervals of the grid: if
:math:`f' < 1` everywhere, :math:`g` is strictly increasing and the fixed
point unique (a monotonicity certificate, which includes every contraction
and every decreasing best response). Several cutoffs: damped best-response
iteration from the corners of the box, then :func:`scipy.optimize.root`;
uniqueness is then not certified (``unique`` is None).

**Comparative statics.** At an interior equilibrium with
:math:`\det(I - D_c f) \ne 0`, the implicit function theorem gives

.. math:: \frac{\partial c}{\partial \theta} = (I - D_c f)^{-1} \frac{\partial f}{\partial \theta},

exactly (sympy) for exact input; cutoffs at an end of their interval have
derivative 0.

References
----------
Morris & Shin (2003), "Global games: theory and applications", *Advances in
Economics and Econometrics*, sec. 2 (cutoff fixed points). Vives (2005),
"Complementarities and games: new developments", *JEL* 43. Baliga, Bueno de
Mesquita & Wolitzky (2020), "Deterrence with imperfect attribution", *APSR*
114(4).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import scipy.optimize
import sympy
from sympy.calculus.accumulationbounds import AccumBounds

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import GameError, ParameterError

__all__ = ["CutoffEquilibrium", "CutoffEquilibria", "cutoff_equilibria", "cutoff_comparative_statics"]


@dataclass(frozen=True)
class CutoffEquilibrium:
    r"""One fixed point of the best-response cutoffs.

    Attributes
    ----------
    cutoffs : tuple
        :math:`c_1, \dots, c_n`: Fractions or sympy algebraic numbers (exact
        input), floats otherwise.
    residuals : tuple
        :math:`c_k - \operatorname{clip} f_k(c)`: exactly 0 for exact input.
    interior : tuple of bool
        Whether each cutoff is strictly inside its interval.
    """

    cutoffs: tuple
    residuals: tuple
    interior: tuple


@dataclass(frozen=True, eq=False)
class CutoffEquilibria:
    r"""Every cutoff equilibrium found, with how completeness and uniqueness are known.

    Attributes
    ----------
    equilibria : tuple of CutoffEquilibrium
        Sorted by the first cutoff.
    exact : bool
        Whether the exact method was used (then the list is complete).
    unique : bool or None
        True/False when known (exact method, or a certified float case); None when not certified.
    certificate : str
        How completeness and uniqueness were established.
    best_responses, cutoffs, bounds, parameters : the inputs (the formulas after substitution).
    tol : float
    """

    equilibria: tuple
    exact: bool
    unique: bool | None
    certificate: str
    best_responses: tuple = field(repr=False)
    cutoffs: tuple = field(repr=False)
    bounds: tuple = field(repr=False)
    parameters: tuple = field(repr=False, default=())
    formulas: tuple = field(repr=False, default=())
    tol: float = field(repr=False, default=DEFAULT_TOL)

    def __len__(self) -> int:
        return len(self.equilibria)

    def __iter__(self):
        return iter(self.equilibria)

    def __getitem__(self, index: int) -> CutoffEquilibrium:
        return self.equilibria[index]


def _inputs(best_responses: Any, cutoffs: Any, bounds: Any, parameters: Any) -> tuple:
    if isinstance(cutoffs, sympy.Symbol):
        cutoffs = (cutoffs,)
    if isinstance(cutoffs, (str, bytes)) or not isinstance(cutoffs, Sequence) or not cutoffs \
            or not all(isinstance(c, sympy.Symbol) for c in cutoffs) or len(set(cutoffs)) != len(cutoffs):
        raise GameError(f"cutoffs: expected distinct sympy symbols, one per cutoff, got {cutoffs!r}")
    cutoffs = tuple(cutoffs)
    if isinstance(best_responses, (sympy.Basic, int, float, Fraction)):
        best_responses = (best_responses,)
    if isinstance(best_responses, (str, bytes)) or not isinstance(best_responses, Sequence) \
            or len(best_responses) != len(cutoffs):
        raise GameError(f"best_responses: expected one formula per cutoff ({len(cutoffs)}), got {best_responses!r}")
    formulas = []
    for k, f in enumerate(best_responses):
        if isinstance(f, (str, bytes)):
            raise GameError(f"best_responses[{k}]: expected a sympy expression, got the string {f!r}")
        value = _numbers.normalise(f, f"best_responses[{k}]", GameError)
        formulas.append(_numbers.to_sympy(value))
    parameters = dict(parameters or {})
    subs = {}
    for key, value in parameters.items():
        if not isinstance(key, sympy.Symbol):
            raise ParameterError(f"parameters: expected sympy symbols as keys, got {key!r}")
        v = _numbers.normalise(value, f"parameters[{key}]", ParameterError)
        subs[key] = _numbers.to_sympy(v) if not isinstance(v, float) else sympy.Float(v)
    formulas = tuple(sympy.sympify(f).subs(subs) for f in formulas)
    free = set().union(*(f.free_symbols for f in formulas)) - set(cutoffs)
    if free:
        raise ParameterError(f"parameters: give values for the symbols {sorted(map(str, free))}")
    if bounds is None:
        bounds = (0, 1)
    if isinstance(bounds, Sequence) and len(bounds) == 2 and not isinstance(bounds[0], Sequence):
        bounds = [bounds] * len(cutoffs)
    if not isinstance(bounds, Sequence) or len(bounds) != len(cutoffs):
        raise ParameterError(f"bounds: expected (low, high) or one pair per cutoff, got {bounds!r}")
    clean = []
    for k, pair in enumerate(bounds):
        if not isinstance(pair, Sequence) or len(pair) != 2:
            raise ParameterError(f"bounds[{k}]: expected a pair (low, high), got {pair!r}")
        lo, hi = (_numbers.normalise(x, f"bounds[{k}]", ParameterError) for x in pair)
        if isinstance(lo, sympy.Basic) or isinstance(hi, sympy.Basic) or not lo < hi:
            raise ParameterError(f"bounds[{k}]: expected numbers low < high, got {pair!r}")
        clean.append((lo, hi))
    return formulas, cutoffs, tuple(clean), tuple(subs.items())


def _is_exact(formulas: tuple, cutoffs: tuple, bounds: tuple) -> bool:
    if any(isinstance(x, float) for pair in bounds for x in pair):
        return False
    for f in formulas:
        if f.has(sympy.Float):
            return False
        num, den = sympy.fraction(sympy.together(f))
        try:
            sympy.Poly(num, *cutoffs, domain="QQ")
            sympy.Poly(den, *cutoffs, domain="QQ")
        except (sympy.PolynomialError, sympy.GeneratorsNeeded, sympy.CoercionFailed):
            return False
    return True


def _value(x: Any) -> Any:
    return _numbers.from_sympy(sympy.nsimplify(x) if isinstance(x, sympy.Float) else x)


def _clip_exact(value: Any, lo: Any, hi: Any) -> Any:
    v = sympy.sympify(value)
    if _sign(v - sympy.Rational(lo)) <= 0:
        return lo
    if _sign(v - sympy.Rational(hi)) >= 0:
        return hi
    return value


_Z = sympy.Symbol("_z")


def _is_zero(value: Any) -> bool:
    """Exact zero test of a real algebraic expression: in QQ(alpha) when it holds one CRootOf alpha."""
    value = sympy.sympify(value)
    roots = value.atoms(sympy.CRootOf)
    if len(roots) == 1:
        (root,) = roots
        num, _ = sympy.fraction(sympy.together(value.subs(root, _Z)))
        minimal = sympy.Poly(root.poly.as_expr().subs(root.poly.gen, _Z), _Z, domain="QQ")
        return sympy.Poly(sympy.expand(num), _Z, domain="QQ").rem(minimal).is_zero
    if not roots:
        if sympy.radsimp(sympy.expand(value)) == 0:
            return True
    try:
        return sympy.minimal_polynomial(value, _Z) == _Z
    except (NotImplementedError, ValueError):
        return sympy.simplify(value) == 0


def _sign(value: Any) -> int:
    """The exact sign of a real algebraic number (high-precision evaluation, exact test near zero)."""
    value = sympy.sympify(value)
    if value.is_Rational:
        return int(bool(value > 0)) - int(bool(value < 0))
    approx = sympy.N(value, 60)
    re, im = approx.as_real_imag()
    if abs(re) > sympy.Float(10) ** -45:
        return 1 if re > 0 else -1
    if _is_zero(value):
        return 0
    raise GameError(f"could not decide the sign of {value}; pass floats to use the numerical method")


def _canonical(value: Any) -> Any:
    """A rational, a simplified radical, or a polynomial of degree < d in one CRootOf of degree d."""
    value = sympy.sympify(value)
    if value.is_Rational:
        return value
    roots = value.atoms(sympy.CRootOf)
    if len(roots) == 1:
        (root,) = roots
        num, den = sympy.fraction(sympy.together(value.subs(root, _Z)))
        minimal = sympy.Poly(root.poly.as_expr().subs(root.poly.gen, _Z), _Z, domain="QQ")
        inverse = sympy.invert(sympy.Poly(den, _Z, domain="QQ"), minimal)
        reduced = (sympy.Poly(num, _Z, domain="QQ") * inverse).rem(minimal)
        return reduced.as_expr().subs(_Z, root)
    if roots:
        return value
    return sympy.radsimp(sympy.expand(value))


def _real_roots(poly: sympy.Poly) -> list:
    if poly.degree() <= 0:
        return []
    return list(dict.fromkeys(poly.real_roots(radicals=True)))


def _interior_solutions(equations: list, free: list) -> list:
    """All real solutions of a zero-dimensional polynomial system over QQ (dicts), exactly."""
    if len(free) == 1:
        poly = sympy.Poly(equations[0], free[0], domain="QQ")
        for extra in equations[1:]:
            poly = sympy.gcd(poly, sympy.Poly(extra, free[0], domain="QQ"))
        if poly.is_zero:
            raise GameError("best_responses: the exact system has a continuum of solutions; "
                            "the cutoffs are not determined")
        return [{free[0]: r} for r in _real_roots(poly)]
    basis = sympy.groebner(equations, *free, order="lex", domain="QQ")
    if list(basis) == [1]:
        return []
    if not basis.is_zero_dimensional:
        raise GameError("best_responses: the exact system has a continuum of solutions; "
                        "the cutoffs are not determined")
    last = free[-1]
    univariate = [g for g in basis if g.free_symbols <= {last}]
    solutions = []
    for root in _real_roots(sympy.Poly(univariate[0], last, domain="QQ")):
        rest = [sympy.expand(g.subs(last, root)) for g in basis if not g.free_symbols <= {last}]
        partial = _back_substitute(rest, free[:-1])
        solutions += [{**p, last: root} for p in partial]
    return solutions


def _back_substitute(equations: list, free: list) -> list:
    """Solve a triangular system with algebraic coefficients from its last variable up (linear steps fast)."""
    if not free:
        return [{}]
    var = free[-1]
    own = [e for e in equations if e.free_symbols & {var} and not (e.free_symbols & set(free[:-1]))]
    values = []
    if own:
        linear = [e for e in own if sympy.Poly(e, var).degree() == 1]
        if linear:
            a, b = sympy.Poly(linear[0], var).all_coeffs()
            values = [_canonical(-b / a)]
        else:
            values = [v for v in sympy.solve(own[0], var) if _is_real(v)]
    out = []
    for v in values:
        if any(_sign(e.subs(var, v)) != 0 for e in own):
            continue
        rest = [sympy.expand(e.subs(var, v)) for e in equations if e not in own]
        out += [{**p, var: v} for p in _back_substitute(rest, free[:-1])]
    return out


def _is_real(value: Any) -> bool:
    value = sympy.sympify(value)
    if value.is_real is not None:
        return bool(value.is_real)
    return abs(sympy.im(sympy.N(value, 60))) < sympy.Float(10) ** -45


def _solve_exact(formulas: tuple, cutoffs: tuple, bounds: tuple) -> list:
    n = len(cutoffs)
    found = []
    parts = [sympy.fraction(sympy.together(f)) for f in formulas]
    for pattern in itertools.product(("in", "lo", "hi"), repeat=n):
        fixed = {c: sympy.Rational(bounds[k][0] if s == "lo" else bounds[k][1])
                 for k, (c, s) in enumerate(zip(cutoffs, pattern)) if s != "in"}
        free = [c for c, s in zip(cutoffs, pattern) if s == "in"]
        equations = []
        for k, (c, s) in enumerate(zip(cutoffs, pattern)):
            if s == "in":
                num, den = parts[k]
                equations.append(sympy.expand((c * den - num).subs(fixed)))
        solutions = _interior_solutions(equations, free) if free else [{}]
        for sol in solutions:
            point = {**fixed, **sol}
            values = [_canonical(point[c]) for c in cutoffs]
            if not all(_is_real(v) for v in values):
                continue
            ok = True
            for k, (c, s) in enumerate(zip(cutoffs, pattern)):
                lo, hi = sympy.Rational(bounds[k][0]), sympy.Rational(bounds[k][1])
                v = values[k]
                if s == "in" and not (_sign(v - lo) > 0 and _sign(hi - v) > 0):
                    ok = False
                    break
                num, den = parts[k]
                at = dict(zip(cutoffs, values))
                if _sign(den.subs(at)) == 0:
                    ok = False
                    break
                if s != "in":
                    fk = num.subs(at) / den.subs(at)
                    if (s == "lo" and _sign(fk - lo) > 0) or (s == "hi" and _sign(fk - hi) < 0):
                        ok = False
                        break
            if ok:
                found.append(tuple(_value(v) for v in values))
    unique = []
    for point in found:
        if not any(all(_sign(_numbers.to_sympy(a) - _numbers.to_sympy(b)) == 0 for a, b in zip(point, q))
                   for q in unique):
            unique.append(point)
    return sorted(unique, key=lambda p: tuple(_numbers.approximate(x) for x in p))


def _lambdas(formulas: tuple, cutoffs: tuple) -> list:
    return [sympy.lambdify(cutoffs, f, modules=["scipy", "numpy"]) for f in formulas]


def _certify_one(formula: sympy.Expr, c: sympy.Symbol, lo: float, hi: float, pieces: int = 256) -> bool:
    """Whether interval arithmetic shows f'(c) < 1 on [lo, hi] (so c - f(c) is strictly increasing)."""
    derivative = sympy.diff(formula, c)
    edges = np.linspace(lo, hi, pieces + 1)
    for a, b in zip(edges[:-1], edges[1:]):
        try:
            enclosure = derivative.subs(c, AccumBounds(sympy.Rational(a), sympy.Rational(b)))
        except (TypeError, ValueError, NotImplementedError, ZeroDivisionError):
            return False
        upper = enclosure.max if isinstance(enclosure, AccumBounds) else enclosure
        if not getattr(upper, "is_number", False) or upper.has(sympy.oo, sympy.zoo, sympy.nan):
            return False
        if not float(upper) < 1:
            return False
    return True


def _solve_float(formulas: tuple, cutoffs: tuple, bounds: tuple, tol: float) -> tuple[list, bool | None, str]:
    fs = _lambdas(formulas, cutoffs)
    lows = np.array([float(b[0]) for b in bounds])
    highs = np.array([float(b[1]) for b in bounds])

    def clipped(x):
        return np.array([min(max(float(f(*x)), lows[k]), highs[k]) for k, f in enumerate(fs)])

    if len(cutoffs) == 1:
        lo, hi = lows[0], highs[0]
        grid = np.linspace(lo, hi, 513)
        g = [x - clipped([x])[0] for x in grid]
        roots = []
        for k in range(len(grid)):
            if g[k] == 0:
                roots.append(float(grid[k]))
            elif k + 1 < len(grid) and g[k] * g[k + 1] < 0:
                roots.append(scipy.optimize.brentq(lambda x: x - clipped([x])[0], grid[k], grid[k + 1],
                                                   xtol=tol * max(1.0, abs(hi)), rtol=4 * np.finfo(float).eps))
        certified = _certify_one(formulas[0], cutoffs[0], lo, hi)
        text = ("bracketing: 512 grid intervals, Brent's method on each sign change; uniqueness certified "
                "by interval arithmetic: f' < 1 on all 256 subintervals" if certified else
                "bracketing: 512 grid intervals, Brent's method on each sign change; uniqueness not certified")
        points = [(r,) for r in roots]
        return points, (len(points) == 1) if certified else None, text
    starts = [np.array(corner) for corner in itertools.product(*zip(lows, highs))]
    starts.append((lows + highs) / 2)
    points = []
    for x in starts:
        for _ in range(2000):
            y = clipped(x)
            if np.max(np.abs(y - x)) <= tol:
                break
            x = 0.5 * x + 0.5 * y
        result = scipy.optimize.root(lambda z: z - clipped(z), x, tol=tol * 1e-3)
        z = result.x if result.success else x
        if np.max(np.abs(z - clipped(z))) <= 10 * tol * max(1.0, float(np.max(np.abs(z)))):
            if not any(np.max(np.abs(z - p)) <= 1e-6 for p in points):
                points.append(z)
    points = [tuple(float(v) for v in p) for p in points]
    return sorted(points), None, ("damped best-response iteration from every corner and the centre, "
                                  "refined by scipy.optimize.root; neither completeness nor uniqueness certified")


def cutoff_equilibria(best_responses: Any, cutoffs: Any, bounds: Any = (0, 1), *, parameters: Mapping | None = None,
                      tol: float = DEFAULT_TOL) -> CutoffEquilibria:
    r"""The cutoff equilibria: fixed points of the clipped best-response cutoffs.

    Parameters
    ----------
    best_responses : sympy.Expr or sequence of them
        :math:`f_k`, one formula per cutoff, in the cutoff symbols (and any
        parameter symbols given values in ``parameters``).
    cutoffs : sympy.Symbol or sequence of them
        The cutoff symbols :math:`c_1, \dots, c_n`.
    bounds : pair or sequence of pairs, optional
        The type support :math:`[\ell_k, h_k]` of each cutoff (default [0, 1]).
    parameters : mapping, optional
        Values of other symbols in the formulas.
    tol : float, optional
        Float method only: the tolerance of the residual.

    Returns
    -------
    CutoffEquilibria
        Exact and complete when every formula is a rational function with
        rational coefficients and the bounds are exact; floats otherwise. The
        certificate says how completeness and uniqueness are known.

    Raises
    ------
    GameError
        For malformed formulas or cutoffs, or an exact system with a continuum of solutions.
    ParameterError
        For bad bounds or symbols without values.

    Examples
    --------
    Two players, each acting iff its type (uniform on [0, 1]) exceeds the
    cutoff :math:`c_i = (1 + c_j)/3`: the unique fixed point is :math:`1/2`.

    >>> import sympy
    >>> c1, c2 = sympy.symbols("c1 c2")
    >>> result = cutoff_equilibria([(1 + c2) / 3, (1 + c1) / 3], [c1, c2])
    >>> result[0].cutoffs, result.unique
    ((Fraction(1, 2), Fraction(1, 2)), True)
    >>> cutoff_equilibria([(1.0 + c1) / 3], [c1])[0].cutoffs   # float method, one cutoff
    (0.5,)
    """
    formulas, cutoffs, bounds, subs = _inputs(best_responses, cutoffs, bounds, parameters)
    tol = float(tol)
    if _is_exact(formulas, cutoffs, bounds):
        points = _solve_exact(formulas, cutoffs, bounds)
        equilibria = []
        for p in points:
            residuals = tuple(_residual_exact(formulas, cutoffs, bounds, p, k) for k in range(len(cutoffs)))
            interior = tuple(_sign(_numbers.to_sympy(x) - sympy.Rational(bounds[k][0])) > 0
                             and _sign(sympy.Rational(bounds[k][1]) - _numbers.to_sympy(x)) > 0
                             for k, x in enumerate(p))
            equilibria.append(CutoffEquilibrium(p, residuals, interior))
        return CutoffEquilibria(tuple(equilibria), True, len(equilibria) == 1,
                                "exact: every interior/boundary pattern solved as a polynomial system",
                                tuple(best_responses) if isinstance(best_responses, Sequence) else (best_responses,),
                                cutoffs, bounds, subs, formulas, tol)
    points, unique, text = _solve_float(formulas, cutoffs, bounds, tol)
    fs = _lambdas(formulas, cutoffs)
    equilibria = []
    for p in points:
        residuals = tuple(p[k] - min(max(float(fs[k](*p)), float(bounds[k][0])), float(bounds[k][1]))
                          for k in range(len(cutoffs)))
        interior = tuple(float(bounds[k][0]) < x < float(bounds[k][1]) for k, x in enumerate(p))
        equilibria.append(CutoffEquilibrium(p, residuals, interior))
    return CutoffEquilibria(tuple(equilibria), False, unique, text,
                            tuple(best_responses) if isinstance(best_responses, Sequence) else (best_responses,),
                            cutoffs, bounds, subs, formulas, tol)


def _residual_exact(formulas: tuple, cutoffs: tuple, bounds: tuple, point: tuple, k: int) -> Any:
    value = formulas[k].subs({c: _numbers.to_sympy(x) for c, x in zip(cutoffs, point)})
    clipped = _clip_exact(value, bounds[k][0], bounds[k][1])
    residual = _numbers.to_sympy(point[k]) - _numbers.to_sympy(clipped)
    return 0 if _sign(residual) == 0 else _value(_canonical(residual))


def cutoff_comparative_statics(result: CutoffEquilibria, index: int, parameter: sympy.Symbol) -> tuple:
    r"""The derivative of each cutoff in a parameter at one equilibrium (implicit function theorem).

    Parameters
    ----------
    result : CutoffEquilibria
        Solved with ``parameters`` holding a value for ``parameter``.
    index : int
        Which equilibrium of ``result``.
    parameter : sympy.Symbol

    Returns
    -------
    tuple
        :math:`\partial c_k / \partial\theta` per cutoff (0 for cutoffs at an
        end of their interval); exact for an exact result.

    Raises
    ------
    ParameterError
        If ``parameter`` has no value in ``result`` or :math:`I - D_c f` is singular there.

    Examples
    --------
    >>> import sympy
    >>> c, t = sympy.symbols("c t")
    >>> r = cutoff_equilibria([t * (1 + c) / 3], [c], parameters={t: 1})
    >>> cutoff_comparative_statics(r, 0, t)     # c = t / (3 - t): dc/dt = 3 / (3 - t)^2 = 3/4
    (Fraction(3, 4),)
    """
    if not isinstance(result, CutoffEquilibria):
        raise ParameterError(f"result: expected CutoffEquilibria, got {type(result).__name__}")
    values = dict(result.parameters)
    if parameter not in values:
        raise ParameterError(f"parameter: {parameter!r} has no value in the result; solve with parameters={{...}}")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(result.equilibria):
        raise ParameterError(f"index: expected an equilibrium index below {len(result.equilibria)}, got {index!r}")
    eq = result.equilibria[index]
    cutoffs = result.cutoffs
    raw = []
    for f in result.best_responses:
        raw.append(_numbers.to_sympy(_numbers.normalise(f, "best_responses", GameError)))
    point = {c: _numbers.to_sympy(x) if not isinstance(x, float) else sympy.Float(x) for c, x in zip(cutoffs, eq.cutoffs)}
    at = {**values, **point}
    inner = [k for k, flag in enumerate(eq.interior) if flag]
    if not inner:
        return tuple(0 for _ in cutoffs)
    J = sympy.Matrix(len(inner), len(inner), lambda r, s: (1 if r == s else 0)
                     - sympy.diff(raw[inner[r]], cutoffs[inner[s]]).subs(at))
    rhs = sympy.Matrix([sympy.diff(raw[k], parameter).subs(at) for k in inner])
    if result.exact:
        J = J.applyfunc(_canonical)
        rhs = rhs.applyfunc(_canonical)
        det = _canonical(J.det(method="berkowitz"))
        if _sign(det) == 0:
            raise ParameterError("index: I - D_c f is singular at this equilibrium; the IFT does not apply")
        out = [0] * len(cutoffs)
        for r, k in enumerate(inner):          # Cramer's rule keeps every entry a canonical radical
            Jr = J.copy()
            Jr[:, r] = rhs
            out[k] = _value(_canonical(_canonical(Jr.det(method="berkowitz")) / det))
        return tuple(out)
    Jf = np.array(J.evalf(), dtype=float)
    rf = np.array(rhs.evalf(), dtype=float).ravel()
    if abs(np.linalg.det(Jf)) < 1e-12:
        raise ParameterError("index: I - D_c f is singular at this equilibrium; the IFT does not apply")
    sol = np.linalg.solve(Jf, rf)
    out = [0.0] * len(cutoffs)
    for r, k in enumerate(inner):
        out[k] = float(sol[r])
    return tuple(out)


@verify.register(CutoffEquilibria)
def _verify_cutoffs(result: CutoffEquilibria, *, tol: float | None = None) -> Verification:
    """Re-check each equilibrium: substitute the cutoffs in the formulas, clip, and compare (exactly for exact)."""
    tol = result.tol if tol is None else float(tol)
    failures, checked = [], 0
    for j, eq in enumerate(result.equilibria):
        for k, f in enumerate(result.formulas):
            checked += 1
            lo, hi = result.bounds[k]
            point = {c: (_numbers.to_sympy(x) if not isinstance(x, float) else sympy.Float(x, 30))
                     for c, x in zip(result.cutoffs, eq.cutoffs)}
            value = f.subs(point)
            if result.exact:
                clipped = _clip_exact(value, lo, hi)
                if _sign(_numbers.to_sympy(eq.cutoffs[k]) - _numbers.to_sympy(clipped)) != 0:
                    failures.append(f"equilibrium {j}: cutoff {k} is {eq.cutoffs[k]}, its best response {clipped}")
            else:
                clipped = min(max(float(value), float(lo)), float(hi))
                if abs(eq.cutoffs[k] - clipped) > 10 * tol * max(1.0, abs(clipped)):
                    failures.append(f"equilibrium {j}: cutoff {k} is {eq.cutoffs[k]}, its best response {clipped}")
    return Verification(not failures, checked, tuple(failures))
