r"""What :func:`~cybergames.equilibria.nash_equilibria` returns, and how it is re-checked.

An :class:`Equilibrium` carries its certificate: each player's payoff and
*best-deviation gain*

.. math:: g_i = \max_{a_i \in A_i} u_i(a_i, \sigma_{-i}) - u_i(\sigma),

which is never negative and is zero exactly when :math:`\sigma_i` is a best
response. ``verify(eq)`` recomputes the gains from the game with the game's
own payoff methods, independently of the solver.

An :class:`EquilibriumSet` is a tuple of equilibria that also records how it was
computed and what it covers (``complete``, ``degenerate``, ``components``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, SolverError
from ..games.normal_form import NormalFormGame

__all__ = ["Equilibrium", "EquilibriumSet", "NashSubset"]


def _show(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(_numbers.simplify_exact(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    return str(value)


def _show_vector(values: Any) -> str:
    return "[" + ", ".join(_show(v) for v in values) + "]"


@dataclass(frozen=True, eq=False)
class Equilibrium:
    r"""A Nash equilibrium of a normal-form game, with its certificate.

    Attributes
    ----------
    strategies : tuple of ndarray
        One read-only 1-D array per player: the probability of each action, in
        action order (object arrays of int/Fraction for exact games, float64
        for float games).
    payoffs : tuple
        Each player's expected payoff :math:`u_i(\sigma)`.
    gains : tuple
        Each player's best-deviation gain :math:`\max_a u_i(a, \sigma_{-i}) -
        u_i(\sigma)`: exactly 0 in exact games, at most the tolerance in float
        games.
    support : tuple of tuple of str
        Each player's actions played with positive probability.
    game : NormalFormGame
        The game (not shown in the repr); ``cybergames.verify(eq)`` re-checks against it.

    Examples
    --------
    >>> from cybergames import matching_pennies, nash_equilibria, verify
    >>> (eq,) = nash_equilibria(matching_pennies())
    >>> eq
    Equilibrium(strategies=([1/2, 1/2], [1/2, 1/2]), payoffs=(0, 0), gains=(0, 0))
    >>> eq.support, eq.is_pure, bool(verify(eq))
    ((('Heads', 'Tails'), ('Heads', 'Tails')), False, True)
    """

    strategies: tuple
    payoffs: tuple
    gains: tuple
    support: tuple
    game: NormalFormGame = field(repr=False)

    @property
    def is_pure(self) -> bool:
        """Whether every player plays a single action."""
        return all(len(s) == 1 for s in self.support)

    @property
    def profile(self) -> tuple[str, ...] | None:
        """The pure profile (action labels) of a pure equilibrium; None for a mixed one."""
        return tuple(s[0] for s in self.support) if self.is_pure else None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Equilibrium):
            return NotImplemented
        return (len(self.strategies) == len(other.strategies)
                and all(a.shape == b.shape and all(x == y for x, y in zip(a, b))
                        for a, b in zip(self.strategies, other.strategies))
                and (self.game is other.game or self.game == other.game))

    def __hash__(self) -> int:
        return hash(tuple(tuple(s.tolist()) for s in self.strategies))

    def __repr__(self) -> str:
        strategies = ", ".join(_show_vector(s) for s in self.strategies)
        payoffs = ", ".join(_show(v) for v in self.payoffs)
        gains = ", ".join(_show(v) for v in self.gains)
        return f"Equilibrium(strategies=({strategies}), payoffs=({payoffs}), gains=({gains}))"


@dataclass(frozen=True, eq=False)
class NashSubset:
    """A maximal Nash subset of a two-player game: a product of extreme mixed actions.

    Every pair ``(x, y)`` with ``x`` among ``actions[0]`` and ``y`` among
    ``actions[1]`` is an (extreme) equilibrium, and so is every pair of convex
    combinations of them: the subset is the product of the two convex hulls.
    The equilibrium components of a degenerate game are unions of such subsets
    (Avis, Rosenberg, Savani & von Stengel 2010, *Economic Theory* 42, sec. 3).

    Attributes
    ----------
    actions : tuple of tuple of ndarray
        Per player, the extreme mixed actions spanning the subset.
    equilibria : tuple of Equilibrium
        The extreme equilibria in the subset (all pairs), in the order of the set.
    """

    actions: tuple
    equilibria: tuple = field(repr=False)

    def __repr__(self) -> str:
        shown = ", ".join("(" + ", ".join(_show_vector(v) for v in side) + ")" for side in self.actions)
        return f"NashSubset(actions=({shown}))"


class EquilibriumSet(tuple):
    """A tuple of :class:`Equilibrium` that records how it was found and what it covers.

    Attributes
    ----------
    game : NormalFormGame
    method : str
        ``"pure"`` (pure profiles only), ``"vertex enumeration"`` (float
        vertex enumeration, by compiled pivoting or qhull), ``"vertex enumeration, exact
        re-solve"`` (float candidates re-solved and certified in exact
        arithmetic), ``"double description"`` (exact vertex enumeration),
        ``"support enumeration"`` (exact polynomial systems, any number of
        players) or ``"logit paths"`` (approximate, any number of players).
    exact : bool
        Whether strategies and payoffs are exact numbers.
    complete : bool
        True when every equilibrium is listed (two-player games and small
        games with more players; for a degenerate game, every *extreme*
        equilibrium, see ``components``); False when only the pure
        equilibria or some equilibria were computed, or when support
        enumeration met a continuum it could not describe.
    degenerate : bool or None
        Whether the two-player game is degenerate (some mixed action with
        support size k has more than k pure best responses); then the
        equilibria listed are the extreme equilibria. None when not determined.
    components : tuple
        Two-player games: the maximal Nash subsets (:class:`NashSubset`; each
        equilibrium of a nondegenerate game is its own subset). Support
        enumeration: an :class:`~cybergames.equilibria.nplayer.EquilibriumContinuum`
        for each support with a continuum of solutions. Otherwise empty.

    Examples
    --------
    >>> from cybergames import stag_hunt, nash_equilibria
    >>> equilibria = nash_equilibria(stag_hunt())
    >>> len(equilibria), equilibria.complete, equilibria.degenerate
    (3, True, False)
    >>> [eq.profile for eq in equilibria.pure]
    [('Stag', 'Stag'), ('Hare', 'Hare')]
    """

    def __new__(cls, equilibria: Any = (), *, game: NormalFormGame, method: str, exact: bool,
                complete: bool, degenerate: bool | None, components: tuple = ()) -> "EquilibriumSet":
        if not isinstance(game, NormalFormGame):
            raise GameError(f"game: expected a NormalFormGame, got {type(game).__name__}")
        try:
            self = super().__new__(cls, equilibria)
            components = tuple(components)
        except TypeError as exc:
            raise GameError(f"equilibria and components: expected iterables of equilibria, got "
                            f"{equilibria!r} and {components!r}") from exc
        if not all(isinstance(eq, Equilibrium) for eq in self):
            raise GameError(f"equilibria: expected Equilibrium results, got {equilibria!r}")
        for name, value in (("game", game), ("method", method), ("exact", bool(exact)),
                            ("complete", bool(complete)), ("degenerate", degenerate),
                            ("components", components)):
            object.__setattr__(self, name, value)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"EquilibriumSet is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"EquilibriumSet is immutable; cannot delete {name!r}")

    def __reduce__(self):
        attributes = {name: getattr(self, name) for name in _SET_FIELDS}
        return (_rebuild, (tuple(self), attributes))

    @property
    def pure(self) -> tuple:
        """The pure equilibria among those listed."""
        return tuple(eq for eq in self if eq.is_pure)

    def __repr__(self) -> str:
        return (f"EquilibriumSet({tuple.__repr__(tuple(self))}, method={self.method!r}, "
                f"exact={self.exact}, complete={self.complete}, degenerate={self.degenerate})")


_SET_FIELDS = ("game", "method", "exact", "complete", "degenerate", "components")


def _rebuild(items: tuple, attributes: dict) -> EquilibriumSet:
    return EquilibriumSet(items, **attributes)


# ---------------------------------------------------------------- verification
def _tolerance(game: NormalFormGame, tol: float | None) -> float:
    return DEFAULT_TOL if tol is None else float(tol)


def _slack(game: NormalFormGame, player: int, tol: float) -> Any:
    """How far below the best payoff a float game may be (exact games: not at all), relative to the payoff scale."""
    return tol * _numbers.scale_of(game.payoffs[player]) if game.kind == FLOAT else 0


def _exceeds(game: NormalFormGame, player: int, difference: Any, tol: float) -> bool:
    """Whether ``difference`` exceeds the slack: exactly for exact and algebraic numbers."""
    if isinstance(difference, sympy.Basic):
        return _algebraic_sign(difference) > 0
    return difference > _slack(game, player, tol)


def _algebraic_sign(value: sympy.Basic) -> int:
    """The exact sign of a real algebraic number (radicals, ``CRootOf``): zero iff its minimal polynomial is x."""
    value = sympy.expand(value)
    if value.is_Rational:
        return int(sympy.sign(value))
    # a nonzero value is decided by evaluation with tracked error (strict: sympy raises rather than
    # return digits it cannot guarantee), at increasing precision; zero needs the exact test below
    for digits in (30, 120):
        try:
            approximation = value.evalf(digits, strict=True)
        except (sympy.core.evalf.PrecisionExhausted, ValueError, TypeError):
            continue
        if approximation.is_Number and approximation.is_real and approximation != 0:
            return 1 if approximation > 0 else -1
    roots = value.atoms(sympy.CRootOf)
    if len(roots) == 1:                 # a polynomial in one root: reduce modulo its minimal polynomial
        (root,) = roots
        try:
            reduced = sympy.Poly(value.subs(root, _X), _X, domain=sympy.QQ).rem(
                sympy.Poly(root.poly.as_expr().subs(root.poly.gen, _X), _X, domain=sympy.QQ))
        except sympy.PolynomialError:
            reduced = None
        if reduced is not None:
            if reduced.is_zero:
                return 0
            sign = _numbers.sign(reduced.as_expr().subs(_X, root))
            if sign is None:
                raise SolverError(_UNDECIDED.format(value))
            return sign
    if sympy.minimal_polynomial(value, _X) == _X:
        return 0
    sign = _numbers.sign(value)
    if sign is None:
        raise SolverError(_UNDECIDED.format(value))
    return sign


_X = sympy.Symbol("x")
_UNDECIDED = ("verify: cannot decide the sign of the algebraic number {} (it is nonzero but agrees with zero to "
              "4000 digits); check the profile with float payoffs and a tolerance instead")


@verify.register(Equilibrium)
def _verify_equilibrium(eq: Equilibrium, *, tol: float | None = None) -> Verification:
    """Re-check an equilibrium from its game: probabilities, support, payoffs and every player's gain."""
    game, tol = eq.game, _tolerance(eq.game, tol)
    field_check = _verify_in_number_field(eq)
    if field_check is not None:
        return field_check
    failures: list[str] = []
    checked = 0
    try:
        mixed = game.mixed_profile(list(eq.strategies), tol=tol)
    except ValueError as exc:
        return Verification(False, 1, (f"strategies: not a mixed profile of the game ({exc})",))
    for i in range(game.num_players):
        values = _profile_values(game, i, mixed)
        best = values[0]
        for v in values[1:]:
            best = v if _exceeds(game, i, v - best, 0.0) else best
        value = game.expected_payoffs(mixed)[i]
        checked += 3
        if _exceeds(game, i, best - value, tol):
            failures.append(f"player {game.players[i]!r}: deviating gains {best - value}")
        for action, payoff, p in zip(game.actions[i], values, mixed[i]):
            if _exceeds(game, i, p, 0.0) and _exceeds(game, i, best - payoff, tol):
                failures.append(f"player {game.players[i]!r}: plays {action!r}, which falls "
                                f"{best - payoff} short of a best response")
        recorded_gain, recorded_value = eq.gains[i], eq.payoffs[i]
        if game.kind == FLOAT:
            if abs(recorded_value - value) > _slack(game, i, tol) or \
                    abs(recorded_gain - (best - value)) > _slack(game, i, tol):
                failures.append(f"player {game.players[i]!r}: recorded payoff/gain "
                                f"{recorded_value!r}/{recorded_gain!r}, recomputed {value!r}/{best - value!r}")
        elif _differ(recorded_value, value) or _differ(recorded_gain, best - value):
            failures.append(f"player {game.players[i]!r}: recorded payoff/gain {recorded_value!r}/"
                            f"{recorded_gain!r}, recomputed {value!r}/{best - value!r}")
        support = tuple(a for a, p in zip(game.actions[i], mixed[i]) if _exceeds(game, i, p, 0.0))
        if support != tuple(eq.support[i]):
            failures.append(f"player {game.players[i]!r}: recorded support {eq.support[i]}, actual {support}")
    return Verification(not failures, checked, tuple(failures))


def _single_root(eq: Equilibrium) -> Any:
    """The one ``CRootOf`` that every coordinate of an exact equilibrium is a polynomial in, or None."""
    if eq.game.kind == FLOAT or len(eq.strategies) != eq.game.num_players:
        return None
    roots: set = set()
    for vector in eq.strategies:
        for v in vector:
            if isinstance(v, sympy.Basic):
                if v.free_symbols:
                    return None
                roots |= v.atoms(sympy.CRootOf)
    return next(iter(roots)) if len(roots) == 1 else None


def _verify_in_number_field(eq: Equilibrium) -> Verification | None:
    r"""The check of :func:`_verify_equilibrium` in :math:`\mathbb Q(\alpha)`, for coordinates in one root α.

    Coordinates that are polynomials in one ``CRootOf`` α (long ones, when
    the equilibrium solves a system of high degree) are reduced to
    polynomials of degree below that of α's minimal polynomial :math:`m`;
    every payoff is then computed in :math:`\mathbb Q[x]/(m)`, where a number
    is zero iff its reduced polynomial is (``m`` is irreducible), and the
    sign of a nonzero one is decided at the midpoint of an isolating interval
    of α refined until the error bound is below the value (as
    ``RealPoint.sign_of``). Expanding the same products as sympy expressions
    took minutes. None when the coordinates are not of that form.
    """
    root = _single_root(eq)
    if root is None:
        return None
    from ._algebraic import RealPoint
    game = eq.game
    try:
        minimal = sympy.Poly(sympy.minimal_polynomial(root, _X), _X, domain=sympy.QQ)

        def reduce(value: Any) -> sympy.Poly:
            value = _numbers.to_sympy(value)
            return sympy.Poly(value.xreplace({root: _X}), _X, domain=sympy.QQ).rem(minimal)
        strategies = [[reduce(v) for v in vector] for vector in eq.strategies]
        recorded = [(reduce(v), reduce(g)) for v, g in zip(eq.payoffs, eq.gains)]
    except (sympy.PolynomialError, sympy.CoercionFailed, TypeError, ValueError):
        return None
    approximation = root.evalf(60)
    intervals = [(a, b) for (a, b), _ in minimal.intervals() if a <= approximation <= b]
    if len(intervals) != 1:
        return None
    (lo, hi), = intervals
    point = RealPoint(minimal, Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q)), ())
    zero, one = sympy.Poly(0, _X, domain=sympy.QQ), sympy.Poly(1, _X, domain=sympy.QQ)
    failures: list[str] = []
    checked = 0
    for i, vector in enumerate(strategies):
        checked += 1
        if len(vector) != game.shape[i] or (sum(vector, zero) - one).rem(minimal) != zero \
                or any(point.sign_of(p) < 0 for p in vector):
            return Verification(False, checked, (f"strategies: player {i}'s is not a probability vector",))
    for i in range(game.num_players):
        payoff = game.payoffs[i]
        values = []
        for a in range(game.shape[i]):
            total = zero
            for index in np.ndindex(*game.shape):
                if index[i] != a or not payoff[index]:
                    continue
                term = sympy.Poly(sympy.Rational(str(payoff[index])), _X, domain=sympy.QQ)
                for j, k in enumerate(index):
                    if j != i:
                        term = (term * strategies[j][k]).rem(minimal)
                total += term
            values.append(total)
        best = values[0]
        for v in values[1:]:
            best = v if point.sign_of(v - best) > 0 else best
        value = sum((p * v for p, v in zip(strategies[i], values)), zero).rem(minimal)
        gain = best - value
        checked += 3
        if point.sign_of(gain) != 0:
            about = float(sympy.N(gain.as_expr().subs(_X, root), 15))
            failures.append(f"player {game.players[i]!r}: deviating gains {about:.6g} (an algebraic number)")
        for action, v, p in zip(game.actions[i], values, strategies[i]):
            if point.sign_of(p) > 0 and point.sign_of(best - v) > 0:
                failures.append(f"player {game.players[i]!r}: plays {action!r}, which is not a best response")
        if recorded[i][0] != value or recorded[i][1] != gain:
            failures.append(f"player {game.players[i]!r}: recorded payoff/gain differ from those recomputed")
        support = tuple(a for a, p in zip(game.actions[i], strategies[i]) if point.sign_of(p) > 0)
        if support != tuple(eq.support[i]):
            failures.append(f"player {game.players[i]!r}: recorded support {eq.support[i]}, actual {support}")
    return Verification(not failures, checked, tuple(failures))


def _differ(a: Any, b: Any) -> bool:
    """Exact inequality of two exact or algebraic numbers."""
    difference = a - b
    if isinstance(difference, sympy.Basic):
        return _algebraic_sign(difference) != 0
    return difference != 0


def _profile_values(game: NormalFormGame, i: int, mixed: tuple) -> list:
    others = [None if j == i else m for j, m in enumerate(mixed)]
    return list(game.action_payoffs(i, others))


@verify.register(EquilibriumSet)
def _verify_set(equilibria: EquilibriumSet, *, tol: float | None = None) -> Verification:
    """Re-check every equilibrium, and that each Nash subset's pairs are listed equilibria."""
    failures: list[str] = []
    checked = 0
    for k, eq in enumerate(equilibria):
        if eq.game is not equilibria.game and eq.game != equilibria.game:
            failures.append(f"equilibrium {k}: belongs to another game")
        result = verify(eq, tol=tol)
        checked += result.checked
        failures += [f"equilibrium {k}: {f}" for f in result.failures]
    listed = set(equilibria)
    for k, subset in enumerate(equilibria.components):
        if not isinstance(subset, NashSubset):       # another kind of component checks itself
            result = verify(subset, tol=tol)
            checked += result.checked
            failures += [f"component {k}: {f}" for f in result.failures]
            continue
        checked += 1
        pairs = len(subset.actions[0]) * len(subset.actions[1]) if len(subset.actions) == 2 else None
        if pairs != len(subset.equilibria) or any(eq not in listed for eq in subset.equilibria):
            failures.append(f"component {k}: its extreme equilibria are not all listed")
    return Verification(not failures, checked, tuple(failures))
