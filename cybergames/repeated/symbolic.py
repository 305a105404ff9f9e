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
from typing import Any, Callable

import numpy as np
import sympy

from ..errors import ParameterError
from . import _polynomials
from ._signs import Decider, _facts, _positive_form, _ratio
from .delta_sets import IncentiveConstraint, concept_of

__all__ = ["DeltaCondition"]

#: The largest number of joint states for which symbolic conditions are computed (sympy is slow beyond).
MAX_SYMBOLIC_STATES = 32



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
        >>> cond = sustainable_discount_factors(RepeatedGame(prisoners_dilemma(T=T, R=R, P=P, S=S)),
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

