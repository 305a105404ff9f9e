r"""The games of the trust model and the formulas the library derives from them.

Two pieces, both built from library objects:

* the repeated cooperation dilemma, :func:`cybergames.prisoners_dilemma`
  played with grim trigger, whose condition
  :math:`\delta \ge (T - R)/(T - P)` :func:`grim_threshold` obtains from the
  library's symbolic path (:func:`cybergames.repeated.critical_discount_factor`
  on a game of sympy symbols);
* the reassurance game (:func:`reassurance_game`), a
  :class:`~cybergames.signalling.SignallingGame` in which a trustworthy or
  untrustworthy state sends a gesture of size :math:`s` and the partner
  trusts or not. :func:`prior_threshold` and :func:`gesture_bounds` read the
  prior threshold :math:`p^*` and the separating range of :math:`s` off
  :func:`~cybergames.signalling.pbe_conditions`, and :func:`solve_reassurance`
  lists the game's perfect Bayesian equilibria by outcome, with the
  refinements each outcome survives.

The symbolic derivations depend only on the structure of the games, so each
runs once per process (:func:`functools.lru_cache`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import sympy

from ..games.classic import prisoners_dilemma
from ..repeated import RepeatedGame, critical_discount_factor, grim_trigger
from ..signalling import SignallingGame, d1, intuitive_criterion, pbe_conditions, perfect_bayesian_equilibria

__all__ = ["SYMBOLS", "TYPES", "ACTIONS", "grim_threshold", "prior_threshold", "gesture_bounds",
           "reassurance_game", "Outcome", "Reassurance", "solve_reassurance"]

#: The model's parameters as sympy symbols, named as the parameters, with their assumptions.
SYMBOLS: dict[str, sympy.Symbol] = {
    "T": sympy.Symbol("T", real=True),
    "R": sympy.Symbol("R", real=True),
    "P": sympy.Symbol("P", real=True),
    "S": sympy.Symbol("S", real=True),
    "delta": sympy.Symbol("delta", nonnegative=True),
    "prior": sympy.Symbol("prior", positive=True),
    "max_signal": sympy.Symbol("max_signal", positive=True, integer=True),
    "unit_cost_trustworthy": sympy.Symbol("unit_cost_trustworthy", nonnegative=True),
    "unit_cost_untrustworthy": sympy.Symbol("unit_cost_untrustworthy", positive=True),
}

TYPES = ("trustworthy", "untrustworthy")
ACTIONS = ("trust", "distrust")

#: A symbol for the size of one gesture in the symbolic derivation.
GESTURE = sympy.Symbol("s", positive=True)


def _ordered(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with T > R > P > S written as S + a, S + a + b, ... with positive gaps (to decide signs)."""
    a, b, c = sympy.symbols("_gap_a _gap_b _gap_c", positive=True)
    T, R, P, S = (SYMBOLS[n] for n in "TRPS")
    return sympy.factor(sympy.sympify(expr).subs({T: S + a + b + c, R: S + a + b, P: S + a}))


def _linear_bound(relation: sympy.Basic, variable: sympy.Symbol) -> tuple[sympy.Expr, int]:
    """For ``e >= 0`` linear in ``variable`` with a coefficient of known sign: ``(bound, sign)``.

    ``sign = 1`` means ``variable >= bound``, ``-1`` means ``variable <= bound``.
    """
    if not isinstance(relation, sympy.GreaterThan) or relation.rhs != 0:
        raise RuntimeError(f"expected a condition of the form e >= 0 from pbe_conditions, got {relation}")
    expr = sympy.expand(relation.lhs)
    slope = sympy.expand(expr.coeff(variable, 1))
    rest = sympy.expand(expr - slope * variable)
    if variable in rest.free_symbols or variable in slope.free_symbols:
        raise RuntimeError(f"expected {relation} to be linear in {variable}")
    ordered = _ordered(slope)
    if ordered.is_positive:
        sign = 1
    elif ordered.is_negative:
        sign = -1
    else:
        raise RuntimeError(f"the sign of {slope} in {relation} is not decided by T > R > P > S")
    return sympy.expand(-rest) / slope, sign


@functools.lru_cache(maxsize=None)
def grim_threshold() -> sympy.Expr:
    r"""The grim-trigger threshold of the symbolic prisoner's dilemma, from the library.

    >>> grim_threshold()
    (-R + T)/(-P + T)
    """
    T, R, P, S = (SYMBOLS[n] for n in "TRPS")
    rg = RepeatedGame(prisoners_dilemma(T, R, P, S))
    return critical_discount_factor(rg, (grim_trigger(), grim_trigger()), assumptions=[T > R, R > P, P > S],
                                    delta=SYMBOLS["delta"])


def reassurance_game(T: Any, R: Any, P: Any, S: Any, prior: Any, unit_cost_trustworthy: Any,
                     unit_cost_untrustworthy: Any, gestures: tuple[tuple[str, Any], ...]) -> SignallingGame:
    r"""The reassurance game: a gesture of size :math:`s`, then trust or distrust.

    The sender is ``"trustworthy"`` with probability ``prior``. A gesture of size
    :math:`s` costs :math:`k_t s` to a trustworthy and :math:`k_u s` to an
    untrustworthy sender. Trusted, a trustworthy sender reciprocates (both get
    R) and an untrustworthy one exploits (sender T, partner S); distrusted,
    both get P.

    Parameters
    ----------
    T, R, P, S, prior, unit_cost_trustworthy, unit_cost_untrustworthy : number or sympy.Expr
        As in :class:`~cybergames.models.TrustModel`.
    gestures : tuple of (label, size)
        The messages and the gesture size each stands for.

    Examples
    --------
    >>> sg = reassurance_game(5, 3, 1, 0, 1/4, 1/2, 2, (("0", 0), ("2", 2)))
    >>> sg.payoffs("untrustworthy", "2", "trust")   # exploits (5) after a gesture costing 4
    (1.0, 0.0)
    """
    size = dict(gestures)
    cost = {"trustworthy": unit_cost_trustworthy, "untrustworthy": unit_cost_untrustworthy}
    trusted = {"trustworthy": (R, R), "untrustworthy": (T, S)}

    def sender(t: str, m: str, a: str) -> Any:
        return (trusted[t][0] if a == "trust" else P) - cost[t] * size[m]

    def receiver(t: str, m: str, a: str) -> Any:
        return trusted[t][1] if a == "trust" else P

    return SignallingGame(TYPES, {"trustworthy": prior, "untrustworthy": 1 - prior}, tuple(size), ACTIONS,
                          sender, receiver)


def _symbolic_game(gestures: tuple[tuple[str, Any], ...]) -> SignallingGame:
    names = ("T", "R", "P", "S", "prior", "unit_cost_trustworthy", "unit_cost_untrustworthy")
    return reassurance_game(*(SYMBOLS[n] for n in names), gestures=gestures)


@functools.lru_cache(maxsize=None)
def prior_threshold() -> sympy.Expr:
    r"""The prior :math:`p^*` from which the partner trusts without a gesture, from :func:`pbe_conditions`.

    Trust after no gesture, with both types pooling on it, is a best reply iff
    :math:`p R + (1 - p) S \ge P`, i.e. :math:`p \ge (P - S)/(R - S)`.

    >>> prior_threshold()
    (P - S)/(R - S)
    """
    sg = _symbolic_game((("0", 0),))
    condition = pbe_conditions(sg, {t: "0" for t in TYPES}, {"0": "trust"})
    bound, sign = _linear_bound(condition, SYMBOLS["prior"])
    if sign != 1:
        raise RuntimeError(f"expected a lower bound on the prior, got {condition}")
    return bound


@functools.lru_cache(maxsize=None)
def gesture_bounds() -> tuple[sympy.Expr, sympy.Basic]:
    r"""The separating gestures, from :func:`pbe_conditions`: ``(lower, fits)``.

    A gesture :math:`s` sent by the trustworthy type only, trusted, with no
    gesture distrusted, is a perfect Bayesian equilibrium iff the untrustworthy
    type would not copy it, :math:`k_u s \ge T - P`, and the trustworthy type
    would pay it, :math:`k_t s \le R - P`. ``lower`` is :math:`(T - P)/k_u`;
    ``fits`` is the second condition as a relation in :data:`GESTURE`.

    >>> lower, fits = gesture_bounds()
    >>> lower, fits
    ((-P + T)/unit_cost_untrustworthy, -P + R - s*unit_cost_trustworthy >= 0)
    """
    s = GESTURE
    sg = _symbolic_game((("0", 0), ("s", s)))
    condition = pbe_conditions(sg, {"trustworthy": "s", "untrustworthy": "0"}, {"s": "trust", "0": "distrust"})
    lower, fits = None, None
    for relation in (condition.args if isinstance(condition, sympy.And) else (condition,)):
        if s not in relation.free_symbols:
            continue          # the partner's replies, which hold whenever T > R > P > S
        slope = sympy.expand(relation.lhs).coeff(s, 1)
        if slope == -SYMBOLS["unit_cost_trustworthy"]:
            fits = relation
        else:
            bound, sign = _linear_bound(relation, s)
            if sign != 1:
                raise RuntimeError(f"unexpected condition on the gesture: {relation}")
            lower = bound
    if lower is None or fits is None:
        raise RuntimeError(f"expected two conditions on the gesture in {condition}")
    return lower, fits


@dataclass(frozen=True)
class Outcome:
    """A pure equilibrium outcome of the reassurance game.

    Attributes
    ----------
    kind : str
        ``"pooling"`` or ``"separating"``.
    gestures : tuple of int
        The gesture of the trustworthy and of the untrustworthy state.
    trusted : tuple of bool
        Whether the partner trusts each type.
    intuitive, d1 : bool
        Whether some equilibrium with this outcome survives the intuitive
        criterion and D1.
    equilibria : int
        How many equilibria (differing in replies to unused gestures) share it.
    """

    kind: str
    gestures: tuple
    trusted: tuple
    intuitive: bool
    d1: bool
    equilibria: int


@dataclass(frozen=True)
class Reassurance:
    """The equilibria of the reassurance game, by outcome.

    Attributes
    ----------
    outcomes : tuple of Outcome
        The pure outcomes, ordered by the two types' gestures.
    hybrids : int
        The number of semi-separating outcomes (a type mixes over gestures).
    separating_gestures : tuple of int
        The gestures :math:`s > 0` that separate (sent by the trustworthy type
        alone, trusted).
    least_cost_gesture : int or None
        The smallest of them; None when no gesture separates.
    trust_on_prior : bool
        Whether pooling on no gesture with trust is an equilibrium.
    game : SignallingGame
    equilibria : tuple of PBE
        Every equilibrium :func:`perfect_bayesian_equilibria` found.
    """

    outcomes: tuple
    hybrids: int
    separating_gestures: tuple
    least_cost_gesture: int | None
    trust_on_prior: bool
    game: SignallingGame = field(repr=False)
    equilibria: tuple = field(repr=False)


def solve_reassurance(sg: SignallingGame, *, refine: bool = True) -> Reassurance:
    """Every perfect Bayesian equilibrium of ``sg`` grouped by outcome; with ``refine``, their refinements.

    Without ``refine`` the hybrids are skipped and no outcome is tested (both
    flags False): enough for the separating gestures.
    """
    equilibria = perfect_bayesian_equilibria(sg, hybrid=refine)
    groups: dict = {}
    hybrids = set()
    for eq in equilibria:
        if not eq.is_pure:
            hybrids.add((tuple(sorted(map(str, eq.sender.items())))))
            continue
        sent = tuple(eq.sender[t] for t in TYPES)
        key = (eq.kind, tuple(int(m) for m in sent), tuple(eq.receiver[m] == "trust" for m in sent))
        groups.setdefault(key, []).append(eq)
    outcomes = []
    for (kind, gestures, trusted), members in sorted(groups.items(), key=lambda item: item[0][1]):
        passes_ic = refine and any(intuitive_criterion(sg, eq).survives for eq in members)
        passes_d1 = refine and any(d1(sg, eq).survives for eq in members)
        outcomes.append(Outcome(kind, gestures, trusted, passes_ic, passes_d1, len(members)))
    separating = tuple(sorted(o.gestures[0] for o in outcomes
                              if o.kind == "separating" and o.trusted == (True, False) and o.gestures[0] > 0))
    on_prior = any(o.kind == "pooling" and o.gestures == (0, 0) and o.trusted == (True, True) for o in outcomes)
    return Reassurance(tuple(outcomes), len(hybrids), separating, separating[0] if separating else None,
                       on_prior, sg, equilibria)
