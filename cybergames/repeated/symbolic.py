r"""Sustainability conditions for symbolic games: sympy relations in the discount factor.

When payoffs or signal probabilities are sympy expressions, every incentive
constraint :math:`h(\delta) \le 0` (see :mod:`cybergames.repeated.delta_sets`)
has coefficients in the parameters. Each is solved for :math:`\delta`:

* constant in :math:`\delta`: the condition ``h <= 0`` on the parameters;
* linear, :math:`a + b\delta \le 0`: :math:`\delta \ge -a/b` when
  :math:`b < 0`, :math:`\delta \le -a/b` when :math:`b > 0`, and the three
  cases joined by ``Or`` when the sign of :math:`b` is unknown;
* quadratic: between or outside the roots
  :math:`(-a_1 \pm \sqrt{a_1^2 - 4 a_2 a_0}) / 2 a_2`, depending on the sign
  of :math:`a_2`; a root known to be negative is dropped;
* higher degree, or a quadratic whose leading sign is unknown: the polynomial
  inequality itself.

Signs are decided under the user's ``assumptions`` (e.g.
``[T > R, R > P, P > S]``): by sympy's own assumptions on the symbols; for
expressions linear in the parameters by an exact Farkas certificate (a
non-negative combination of the assumptions, found by sympy's rational simplex
method); for products factor by factor; and for an expression affine in a
parameter with numeric bounds (``0 <= p <= 1``) by its signs at the bounds.
Conditions implied by the assumptions are dropped, and of several comparable
lower (upper) bounds only the largest (smallest) is kept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Iterable

import numpy as np
import sympy
from sympy.solvers.simplex import InfeasibleLPError, UnboundedLPError, linprog

from ..errors import ParameterError
from . import _polynomials
from .delta_sets import IncentiveConstraint, concept_of

__all__ = ["DeltaCondition"]


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

#: The largest number of joint states for which symbolic conditions are computed (sympy is slow beyond).
MAX_SYMBOLIC_STATES = 32
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


def _sign_on_unit_interval(f: sympy.Expr, delta: sympy.Symbol, decider: Decider) -> int | None:
    """+1 (-1) if the factor ``f`` is provably positive (negative) on all of [0, 1), else None.

    In the Bernstein basis on [0, 1], f = sum_j b_j C(d, j) x^j (1 - x)^(d - j); if b_0 > 0 and every
    b_j >= 0 then f > 0 on [0, 1) (the j = 0 term is positive there and none is negative).
    """
    coefficients = list(reversed(sympy.Poly(f, delta).all_coeffs()))
    d = len(coefficients) - 1
    bernstein = [sympy.cancel(sum(sympy.Rational(math.comb(j, k), math.comb(d, k)) * coefficients[k]
                                  for k in range(j + 1))) for j in range(d + 1)]
    if decider.sign(bernstein[0]) == 1 and all(decider.nonnegative(b) for b in bernstein[1:]):
        return 1
    if decider.sign(bernstein[0]) == -1 and all(decider.nonpositive(b) for b in bernstein[1:]):
        return -1
    return None


def _essential(coefficients: tuple, delta: sympy.Symbol, decider: Decider) -> list:
    """h's coefficients after dropping factors of decided sign (constant or on [0, 1)), sign kept."""
    h = sympy.factor(sum(sympy.cancel(c) * delta ** k for k, c in enumerate(coefficients)))
    if h == 0:
        return [sympy.Integer(0)]
    coefficient, factors = sympy.factor_list(h)
    result = sympy.Integer(1 if coefficient > 0 else -1)
    for f, k in factors:
        s = decider.sign(f) if delta not in f.free_symbols else _sign_on_unit_interval(f, delta, decider)
        result = result * (s ** k if s is not None else f ** k)
    poly = sympy.Poly(sympy.expand(result), delta)
    return [sympy.factor(c) for c in reversed(poly.all_coeffs())]


def _solve(coefficients: tuple, delta: sympy.Symbol, decider: Decider) -> sympy.Basic:
    """The condition h(delta) <= 0 on [0, 1), solved for delta where possible."""
    h = _essential(coefficients, delta, decider)
    if len(h) == 1:
        possible = decider.signs(h[0])
        if possible <= {-1, 0}:
            return sympy.true
        if possible == {1}:
            return sympy.false
        return sympy.Le(_positive_form(h[0], decider), 0)
    if len(h) == 2:
        a, b = h
        threshold = _ratio(-a, b, decider)
        s = decider.sign(b)
        if s == 1:
            return sympy.true if decider.nonnegative(threshold - 1) else sympy.Le(delta, threshold)
        if s == -1:
            return sympy.true if decider.nonpositive(threshold) else sympy.Ge(delta, threshold)
        return sympy.Or(sympy.And(b > 0, sympy.Le(delta, threshold)),
                        sympy.And(b < 0, sympy.Ge(delta, threshold)),
                        sympy.And(sympy.Eq(b, 0), a <= 0))
    if len(h) == 3:
        a0, a1, a2 = h
        s2 = decider.sign(a2)
        if s2 in (1, -1):
            disc = _positive_form(sympy.factor(a1 ** 2 - 4 * a2 * a0), decider)
            sd = decider.sign(disc)
            if sd == -1:
                return sympy.false if s2 == 1 else sympy.true
            root = sympy.sqrt(disc)
            # with a2 > 0 the smaller root takes -sqrt; with a2 < 0, +sqrt
            low = _ratio(-a1 - s2 * root, 2 * a2, decider)
            high = _ratio(-a1 + s2 * root, 2 * a2, decider)
            opposite = sd == 1 and decider.sign(a0 * a2) == -1   # roots of opposite signs: low < 0
            if s2 == 1:
                inside = sympy.Le(delta, high) if opposite else sympy.And(sympy.Ge(delta, low),
                                                                          sympy.Le(delta, high))
                return inside if sd in (0, 1) else sympy.And(disc >= 0, inside)
            outside = sympy.Ge(delta, high) if opposite else sympy.Or(sympy.Le(delta, low),
                                                                      sympy.Ge(delta, high))
            return outside if sd in (0, 1) else sympy.Or(disc < 0, outside)
    polynomial = sum(c * delta ** k for k, c in enumerate(h))
    return sympy.Le(polynomial, 0)


def _combine(conditions: list, delta: sympy.Symbol, decider: Decider) -> sympy.Basic:
    kept: list = []
    for condition in conditions:
        if condition is sympy.false:
            return sympy.false
        if condition is sympy.true or condition in kept:
            continue
        kept.append(condition)
    lower = [c for c in kept if isinstance(c, (sympy.GreaterThan, sympy.StrictGreaterThan)) and c.lhs == delta]
    upper = [c for c in kept if isinstance(c, (sympy.LessThan, sympy.StrictLessThan)) and c.lhs == delta]
    dropped: set = set()
    for group, better in ((lower, 1), (upper, -1)):
        for a in group:
            for b in group:
                if a is b or id(b) in dropped or id(a) in dropped:
                    continue
                s = decider.sign(a.rhs - b.rhs)
                if s is not None and s * better > 0:   # a is tighter than b
                    dropped.add(id(b))
    kept = [c for c in kept if id(c) not in dropped]
    return sympy.And(*kept)


@dataclass(frozen=True, eq=False)
class DeltaCondition:
    r"""The discount factors at which a profile of a symbolic game is an equilibrium, as a sympy condition.

    Attributes
    ----------
    condition : sympy.Basic
        A sympy Boolean in :attr:`delta` and the game's parameters, for
        :math:`\delta \in [0, 1)` and valid under :attr:`assumptions`.
    delta : sympy.Symbol
        The discount-factor symbol.
    assumptions : tuple
        The facts used to simplify.
    concept : str
        ``"subgame perfect"`` or ``"perfect public"``.
    player : int or None
        When set, only this player's constraints were imposed.
    constraints : tuple of IncentiveConstraint
        The certificate: every constraint polynomial, with sympy coefficients.
    denominator : tuple
        :math:`\det(I - \delta P)`, ascending coefficients.
    rg, profile
        The inputs.
    """

    condition: sympy.Basic
    delta: sympy.Symbol
    assumptions: tuple
    concept: str
    player: int | None = None
    constraints: tuple = field(default=(), repr=False)
    denominator: tuple = field(default=(), repr=False)
    rg: Any = field(default=None, repr=False)
    profile: Any = field(default=None, repr=False)

    @property
    def threshold(self) -> sympy.Expr | None:
        """``e`` when the condition is ``delta >= e`` (or ``delta > e``), 0 when it always holds, else None."""
        condition = self.condition
        if condition is sympy.true:
            return sympy.Integer(0)
        if isinstance(condition, (sympy.GreaterThan, sympy.StrictGreaterThan)) and condition.lhs == self.delta:
            return condition.rhs
        return None

    @property
    def parameters(self) -> tuple:
        """The parameters (symbols other than delta) of the condition and the game, sorted by name."""
        symbols = (self.condition.free_symbols | self.rg.free_symbols) - {self.delta}
        return tuple(sorted(symbols, key=str))

    def subs(self, *args: Any, **kwargs: Any) -> Any:
        """Substitute parameter values in the game and the assumptions, and re-solve.

        Takes a mapping ``{symbol: value}``, a pair ``(symbol, value)`` or
        keywords by symbol name; returns a :class:`DeltaSet` once the game is
        numeric, another :class:`DeltaCondition` otherwise.
        """
        from .delta_sets import sustainable_discount_factors
        if len(args) == 1 and isinstance(args[0], dict):
            mapping = dict(args[0])
        elif len(args) == 2:
            mapping = {args[0]: args[1]}
        elif not args:
            mapping = {}
        else:
            raise ParameterError(f"subs: expected a mapping or (symbol, value), got {args!r}")
        by_name = {str(s): s for s in self.rg.free_symbols}
        for name, value in kwargs.items():
            if name not in by_name:
                raise ParameterError(f"subs: no parameter named {name!r}; the parameters are {sorted(by_name)}")
            mapping[by_name[name]] = value
        mapping = {k: sympy.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
                   for k, v in mapping.items()}
        facts = [fact.subs(mapping) for fact in self.assumptions]
        if any(fact is sympy.false for fact in facts):
            raise ParameterError(f"subs: the values {mapping} contradict the assumptions {self.assumptions}")
        facts = [fact for fact in facts if fact is not sympy.true]
        return sustainable_discount_factors(self.rg.subs(mapping), self.profile, player=self.player,
                                            assumptions=facts, delta=self.delta)

    def lambdify(self, *symbols: sympy.Symbol) -> Callable[..., np.ndarray]:
        """A vectorised test of the condition: ``f(*parameter_arrays, delta_array) -> bool array``.

        ``symbols`` fixes the order of the parameters (default :attr:`parameters`);
        the discount factor comes last. Arrays broadcast against each other.

        >>> from sympy import symbols
        >>> from cybergames import prisoners_dilemma
        >>> from cybergames.repeated import RepeatedGame, grim_trigger, sustainable_discount_factors
        >>> T, R, P, S = symbols("T R P S")
        >>> cond = sustainable_discount_factors(RepeatedGame(prisoners_dilemma(T, R, P, S)),
        ...                                     (grim_trigger(), grim_trigger()), assumptions=[T > R, R > P, P > S])
        >>> f = cond.lambdify(T, R, P, S)
        >>> f(np.array([5, 5]), 3, 1, 0, np.array([0.4, 0.6]))
        array([False,  True])
        """
        params = list(symbols) if symbols else list(self.parameters)
        for s in params:
            if not isinstance(s, sympy.Symbol):
                raise ParameterError(f"symbols: expected sympy symbols, got {s!r}")
        missing = (self.condition.free_symbols - {self.delta}) - set(params)
        if missing:
            raise ParameterError(f"symbols: the condition also depends on {sorted(map(str, missing))}")
        function = sympy.lambdify(params + [self.delta], self.condition, modules="numpy")

        def evaluate(*arrays: Any) -> np.ndarray:
            if len(arrays) != len(params) + 1:
                raise ParameterError(f"expected {len(params) + 1} arrays ({', '.join(map(str, params))}, "
                                     f"{self.delta}), got {len(arrays)}")
            with np.errstate(invalid="ignore"):
                result = function(*arrays)
            shape = np.broadcast_shapes(*(np.shape(a) for a in arrays))
            return np.broadcast_to(np.asarray(result, dtype=bool), shape).copy()

        return evaluate

    def __str__(self) -> str:
        return str(self.condition)


def solve_symbolic(c: Any, players: Any, index: int | None, *, assumptions: Any, delta: sympy.Symbol,
                   profile: Any) -> DeltaCondition:
    """The DeltaCondition of a symbolic chain (internal; see sustainable_discount_factors)."""
    if not isinstance(delta, sympy.Symbol):
        raise ParameterError(f"delta: expected a sympy Symbol, got {delta!r}")
    facts = _facts(assumptions)
    rg = c.bound.rg
    if c.bound.num_states > MAX_SYMBOLIC_STATES:
        raise ParameterError(f"profile: {c.bound.num_states} reachable joint states; symbolic conditions are "
                             f"computed for at most {MAX_SYMBOLIC_STATES} (substitute numbers with rg.subs(...) "
                             "for larger profiles)")
    raw, D = _polynomials.constraints(c, players)
    if delta in rg.free_symbols:
        raise ParameterError(f"delta: the symbol {delta} is also a parameter of the game; pass another "
                             "symbol as delta=")
    decider = Decider(facts, rg.free_symbols)
    solved: dict = {}
    for r in raw:                       # symmetric players share their constraints: solve each once
        if r.coefficients not in solved:
            solved[r.coefficients] = _solve(r.coefficients, delta, decider)
    conditions = list(solved.values())
    condition = _combine(conditions, delta, decider)
    game = rg.stage
    certificate = tuple(IncentiveConstraint(r.player, c.bound.states[r.state], game.actions[r.player][r.action],
                                            tuple(r.coefficients), r.power, tuple(D)) for r in raw)
    return DeltaCondition(condition, delta, facts, concept_of(rg), index, certificate, tuple(D), rg, profile)

