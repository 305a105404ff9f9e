"""Signs of expressions under assumptions, for the symbolic conditions (internal).

:class:`Decider` answers "which signs can this expression take, given the
assumptions?" with a subset of {-1, 0, 1}: from sympy's assumptions on the
symbols; for expressions linear in the parameters from an exact Farkas
certificate (a non-negative combination of the assumptions, found by sympy's
rational simplex method: sound, so an answer is a proof); for products factor
by factor; and for expressions affine in a parameter with numeric bounds from
their signs at the bounds.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import sympy
from sympy.solvers.simplex import InfeasibleLPError, UnboundedLPError, linprog

from ..errors import ParameterError


def _facts(assumptions: Any) -> tuple:
    if assumptions is None:
        return ()
    if isinstance(assumptions, sympy.Basic):
        assumptions = [assumptions]
    if isinstance(assumptions, (str, bytes)) or not isinstance(assumptions, Iterable):
        raise ParameterError(f"assumptions: expected a sequence of sympy relations such as T > R, "
                             f"got {assumptions!r}")
    out = []
    for k, fact in enumerate(assumptions):
        if isinstance(fact, (bool, np.bool_)) or fact is sympy.true:
            continue
        if fact is sympy.false:
            raise ParameterError(f"assumptions[{k}]: the assumption is false")
        if not isinstance(fact, sympy.Basic) or not isinstance(fact, (sympy.core.relational.Relational,
                                                                     sympy.And)):
            raise ParameterError(f"assumptions[{k}]: expected a sympy relation such as T > R, got {fact!r}")
        out.extend(fact.args if isinstance(fact, sympy.And) else [fact])
    return tuple(out)




_ANY = frozenset({-1, 0, 1})
_BIG = 10 ** 9          # bound on the Farkas multipliers (any positive solution scales below it)


def _is_linear(expr: sympy.Expr) -> bool:
    symbols = sorted(expr.free_symbols, key=str)
    if not symbols:
        return True
    try:
        return sympy.Poly(expr, *symbols).total_degree() <= 1
    except sympy.PolynomialError:
        return False


def _bounds(assumptions: tuple) -> dict:
    """Numeric lower and upper bounds on symbols stated by the assumptions (e.g. 0 <= p, p < 1)."""
    low: dict = {}
    high: dict = {}
    for fact in assumptions:
        if not isinstance(fact, (sympy.GreaterThan, sympy.StrictGreaterThan, sympy.LessThan,
                                 sympy.StrictLessThan)):
            continue
        lhs, rhs = fact.lhs, fact.rhs
        greater = isinstance(fact, (sympy.GreaterThan, sympy.StrictGreaterThan))
        if isinstance(rhs, sympy.Symbol) and lhs.is_number:
            lhs, rhs, greater = rhs, lhs, not greater
        if isinstance(lhs, sympy.Symbol) and rhs.is_number and rhs.is_real:
            if greater:
                low[lhs] = rhs if lhs not in low else sympy.Max(low[lhs], rhs)
            else:
                high[lhs] = rhs if lhs not in high else sympy.Min(high[lhs], rhs)
    return {x: (low[x], high[x]) for x in low if x in high}


def _product(a: frozenset, b: frozenset) -> frozenset:
    return frozenset(x * y for x in a for y in b)


class Decider:
    """Decides signs of expressions under assumptions (three-valued: 1, 0, -1 or None)."""

    def __init__(self, assumptions: tuple, symbols: Iterable[sympy.Symbol]) -> None:
        facts: list = []                       # (g, strict): g > 0 or g >= 0, g linear
        for fact in assumptions:
            difference = fact.lhs - fact.rhs
            if isinstance(fact, (sympy.StrictGreaterThan, sympy.GreaterThan)):
                facts.append((difference, isinstance(fact, sympy.StrictGreaterThan)))
            elif isinstance(fact, (sympy.StrictLessThan, sympy.LessThan)):
                facts.append((-difference, isinstance(fact, sympy.StrictLessThan)))
            elif isinstance(fact, sympy.Equality):
                facts += [(difference, False), (-difference, False)]
        for s in set(symbols).union(*(fact.free_symbols for fact in assumptions)):
            if s.is_positive or s.is_negative:
                facts.append((s if s.is_positive else -s, True))
            elif s.is_nonnegative or s.is_nonpositive:
                facts.append((s if s.is_nonnegative else -s, False))
        self.facts = [(sympy.expand(g), strict) for g, strict in facts if _is_linear(g)]
        self.bounds = _bounds(assumptions)
        self.cache: dict = {}

    def signs(self, expr: Any) -> frozenset:
        """The signs (a subset of {-1, 0, 1}) that ``expr`` can take under the assumptions."""
        expr = sympy.cancel(sympy.sympify(expr))
        if expr not in self.cache:
            self.cache[expr] = self._signs(expr)
        return self.cache[expr]

    def sign(self, expr: Any) -> int | None:
        """The sign of ``expr`` (1, 0 or -1) if the assumptions decide it, else None."""
        possible = self.signs(expr)
        return next(iter(possible)) if len(possible) == 1 else None

    def nonnegative(self, expr: Any) -> bool:
        return self.signs(expr) <= {0, 1}

    def nonpositive(self, expr: Any) -> bool:
        return self.signs(expr) <= {-1, 0}

    def _signs(self, expr: sympy.Expr) -> frozenset:
        if expr.is_number:
            return frozenset({1 if expr > 0 else (-1 if expr < 0 else 0)})
        numerator, denominator = sympy.fraction(expr)
        top = self._signs_polynomial(numerator)
        bottom = self._signs_polynomial(denominator) - {0}
        return _product(top, bottom or _ANY)

    def _signs_polynomial(self, p: sympy.Expr) -> frozenset:
        direct = self._signs_atom(p)
        if len(direct) == 1:
            return direct
        direct = direct & self._signs_by_bounds(p)
        if len(direct) == 1:
            return direct
        coefficient, factors = sympy.factor_list(p)
        if len(factors) == 1 and factors[0][1] == 1 and abs(coefficient) == 1:
            return direct                    # irreducible: nothing more to try
        result = frozenset({1 if coefficient > 0 else -1})
        for f, k in factors:
            atom = self._signs_atom(f)
            for _ in range(k):
                result = _product(result, atom)
        return result & direct if result & direct else result

    def _signs_by_bounds(self, p: sympy.Expr) -> frozenset:
        """Signs of ``p`` affine in a variable with numeric bounds: those of the segment between the ends."""
        for x in sorted(p.free_symbols & set(self.bounds), key=str):
            try:
                degree = sympy.Poly(p, x).degree()
            except sympy.PolynomialError:
                continue
            if degree != 1:
                continue
            low, high = self.bounds[x]
            ends = [self.signs(p.subs(x, low)), self.signs(p.subs(x, high))]
            union = ends[0] | ends[1]
            if union <= {0, 1} or union <= {-1, 0}:
                return union
        return _ANY

    def _signs_atom(self, f: sympy.Expr) -> frozenset:
        if f.is_number:
            return frozenset({1 if f > 0 else (-1 if f < 0 else 0)})
        for test, result in ((f.is_positive, {1}), (f.is_negative, {-1}), (f.is_zero, {0}),
                             (f.is_nonnegative, {0, 1}), (f.is_nonpositive, {-1, 0})):
            if test:
                return frozenset(result)
        if not self.facts or not _is_linear(f):
            return _ANY
        positive, negative = self._farkas(f), self._farkas(-f)
        if positive == 1:
            return frozenset({1})
        if negative == 1:
            return frozenset({-1})
        if positive == 0 and negative == 0:
            return frozenset({0})
        if positive == 0:
            return frozenset({0, 1})
        if negative == 0:
            return frozenset({-1, 0})
        return _ANY

    def _farkas(self, f: sympy.Expr) -> int | None:
        """1 if the facts imply f > 0, 0 if only f >= 0, None if neither (found by an exact LP).

        f >= 0 follows when f = sum_k l_k g_k + c with l, c >= 0 (each g_k >= 0); f > 0 when
        moreover c > 0 or l_k > 0 for a strict fact (Motzkin's transposition theorem, sound direction).
        """
        f = sympy.expand(f)
        variables = sorted(f.free_symbols.union(*(g.free_symbols for g, _ in self.facts)), key=str)
        count = len(self.facts) + 1
        rows, rhs = [], []
        for x in variables + [None]:
            coefficient = (lambda e: e.coeff(x)) if x is not None else (lambda e: e.subs({v: 0 for v in variables}))
            rows.append([coefficient(g) for g, _ in self.facts] + [1 if x is None else 0])
            rhs.append(coefficient(f))
        objective = sympy.Matrix([[-1 if strict else 0 for _, strict in self.facts] + [-1]])
        try:
            value, _ = linprog(objective, sympy.eye(count), sympy.Matrix([_BIG] * count),
                               sympy.Matrix(rows), sympy.Matrix(rhs))
        except (InfeasibleLPError, UnboundedLPError):
            return None
        return 1 if value < 0 else 0

def _signed_form(expr: sympy.Expr, decider: Decider) -> tuple[sympy.Expr, int]:
    """``(form, sign)`` with ``expr == sign * form`` and every factor of decided sign made positive."""
    coefficient, factors = sympy.factor_list(expr)
    sign = 1 if coefficient >= 0 else -1
    parts = [abs(coefficient)] if abs(coefficient) != 1 else []
    for f, k in factors:
        if decider.sign(f) == -1:
            f = sympy.expand(-f)
            sign *= (-1) ** k
        parts.append(f ** k)
    return sympy.Mul(*parts), sign


def _positive_form(expr: sympy.Expr, decider: Decider) -> sympy.Expr:
    """``expr`` with its factors of decided sign made positive, e.g. (P-R)(P-T) -> (R-P)(T-P)."""
    form, sign = _signed_form(expr, decider)
    return form if sign == 1 else -form


def _ratio(numerator: sympy.Expr, denominator: sympy.Expr, decider: Decider) -> sympy.Expr:
    """numerator / denominator in lowest terms, factors of decided sign made positive."""
    if any(isinstance(a, sympy.Pow) and a.exp == sympy.S.Half for a in sympy.preorder_traversal(numerator)):
        d, sign = _signed_form(denominator, decider)      # a root expression: normalise the denominator
        return (numerator if sign == 1 else -numerator) / d
    n, d = sympy.fraction(sympy.cancel(numerator / denominator))
    n, sn = _signed_form(n, decider)
    d, sd = _signed_form(d, decider)
    if sn * sd == 1:
        return n / d
    return -n / d
