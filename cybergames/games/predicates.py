r"""Assumption predicates: is this game a prisoner's dilemma, a stag hunt, ...?

Each predicate answers in three values: ``True``, ``False``, or ``None`` when the
game is symbolic and sympy cannot decide (for instance ``T > R`` for plain
symbols ``T`` and ``R``; declare the symbols ``positive`` or build the payoffs
from positive gaps to make it decidable). Numeric games always get ``True`` or
``False``.

The symmetric two-player games are read in the letters of
:mod:`cybergames.games.classic`: for the row player, **R** = u(first, first),
**S** = u(first, second), **T** = u(second, first), **P** = u(second, second).

* :func:`is_symmetric`: every player has the same number of actions, and
  permuting the players permutes the payoffs, u_{π(i)}(a ∘ π⁻¹) = u_i(a);
* :func:`is_prisoners_dilemma`: symmetric 2x2 with T > R > P > S (with
  ``repeated=True`` also 2R > T + S);
* :func:`is_stag_hunt`: symmetric 2x2 with R > T >= P > S;
* :func:`is_chicken`: symmetric 2x2 with T > R > S > P;
* :func:`is_coordination_game`: every player has the same m >= 2 actions and
  every diagonal profile (k, ..., k) is a strict equilibrium;
* :func:`is_public_goods_game`: two actions each and u_i(a) = e + b k(a) - c x_i(a),
  with k contributors, x_i = 1 if i contributes, and b < c < n b;
* :func:`is_zero_sum`: the payoffs sum to zero in every profile.

**Relabelling.** A prisoner's dilemma whose actions are listed as ``("D", "C")``
is still a prisoner's dilemma, so the two-action predicates try both orders of
the actions, the *same* order for every player (the one relabelling that keeps a
symmetric game symmetric), and hold if either order fits. Relabelling only one
player's actions gives a game that is isomorphic but no longer symmetric in the
index sense (``payoffs[1] != payoffs[0].T``), and it is not recognised; for
coordination games it would move the equilibria off the diagonal, which makes
an anti-coordination game such as chicken. Action *labels* are never read:
predicates depend on the payoff arrays only.

**Floats.** In float games a strict inequality ``a > b`` must hold by more than
``tol * max(1, |a|, |b|)`` and equalities hold within it, as ties do in
:meth:`~cybergames.games.normal_form.NormalFormGame.best_responses`; exact and
symbolic games compare exactly.

Examples
--------
>>> from cybergames import prisoners_dilemma, stag_hunt
>>> is_prisoners_dilemma(prisoners_dilemma()), is_stag_hunt(prisoners_dilemma())
(True, False)
>>> is_prisoners_dilemma(prisoners_dilemma(T=5, R=3, P=1, S=0).permute_actions(0, [1, 0]).permute_actions(1, [1, 0]))
True
>>> import sympy
>>> T, R, P, S = sympy.symbols("T R P S")
>>> print(is_prisoners_dilemma(prisoners_dilemma(T=T, R=R, P=P, S=S)))
None
>>> a, b, c = sympy.symbols("a b c", positive=True)     # T, R, P, S = P + a + b, P + a, P, P - c
>>> is_prisoners_dilemma(prisoners_dilemma(T=P + a + b, R=P + a, P=P, S=P - c))
True
"""

from __future__ import annotations

import math
from typing import Any, Callable, Iterable

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT, SYMBOLIC
from ..errors import GameError, ParameterError
from .normal_form import NormalFormGame

__all__ = [
    "is_symmetric",
    "is_zero_sum",
    "is_prisoners_dilemma",
    "is_stag_hunt",
    "is_chicken",
    "is_coordination_game",
    "is_public_goods_game",
]

# --------------------------------------------------------------- three-valued logic
def _all(values: Iterable[bool | None]) -> bool | None:
    """Kleene conjunction: False if one is False, else None if one is None, else True."""
    result: bool | None = True
    for value in values:
        if value is False:
            return False
        if value is None:
            result = None
    return result


def _any(values: Iterable[bool | None]) -> bool | None:
    """Kleene disjunction: True if one is True, else None if one is None, else False."""
    result: bool | None = False
    for value in values:
        if value is True:
            return True
        if value is None:
            result = None
    return result


class _Compare:
    """Comparisons of two payoffs of one game, in that game's kind of number."""

    def __init__(self, kind: str, tol: float) -> None:
        self.kind = kind
        self.tol = tol

    def _slack(self, a: float, b: float) -> float:
        return self.tol * max(1.0, abs(a), abs(b))

    @staticmethod
    def _sign(a: Any, b: Any, relation: Callable[[Any], Any]) -> bool | None:
        """Decide ``relation(a - b)`` (against 0) on the expanded, then the factored difference."""
        difference = sympy.expand(_numbers.to_sympy(a) - _numbers.to_sympy(b))
        decided = _numbers.truth(relation(difference))
        if decided is None:                 # e.g. 2c - 2c/(d + 1) = 2cd/(d + 1) > 0 needs factoring
            decided = _numbers.truth(relation(sympy.factor(sympy.together(difference))))
        return decided

    def gt(self, a: Any, b: Any) -> bool | None:
        if self.kind == SYMBOLIC:
            return self._sign(a, b, lambda x: x > 0)
        if self.kind == FLOAT:
            return bool(a - b > self._slack(a, b))
        return bool(a > b)

    def ge(self, a: Any, b: Any) -> bool | None:
        if self.kind == SYMBOLIC:
            return self._sign(a, b, lambda x: x >= 0)
        if self.kind == FLOAT:
            return bool(a - b >= -self._slack(a, b))
        return bool(a >= b)

    def eq(self, a: Any, b: Any) -> bool | None:
        if self.kind == SYMBOLIC:
            return self._sign(a, b, lambda x: sympy.Eq(x, 0))
        if self.kind == FLOAT:
            return bool(abs(a - b) <= self._slack(a, b))
        return bool(a == b)

    def arrays_equal(self, a: np.ndarray, b: np.ndarray) -> bool | None:
        """Entry-wise equality of two arrays of the same shape."""
        if self.kind == FLOAT:
            slack = self.tol * np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
            return bool((np.abs(a - b) <= slack).all())
        if self.kind != SYMBOLIC:
            return all(x == y for x, y in zip(a.flat, b.flat))
        return _all(self.eq(x, y) for x, y in zip(a.flat, b.flat))


def _checked(game: Any, tol: Any) -> _Compare:
    if not isinstance(game, NormalFormGame):
        raise GameError(f"game: expected a NormalFormGame, got {type(game).__name__} {game!r}")
    try:
        value = float(tol) if isinstance(tol, (int, float)) and not isinstance(tol, bool) else math.nan
    except OverflowError:                    # an int beyond the float range
        value = math.inf
    if not math.isfinite(value) or value < 0:
        raise ParameterError(f"tol: expected a finite number >= 0, got {tol!r}")
    return _Compare(game.kind, value)


# ----------------------------------------------------------------------- symmetry
def _symmetric(game: NormalFormGame, compare: _Compare) -> bool | None:
    if len(set(game.shape)) > 1:
        return False
    n = game.num_players
    checks = []
    for k in range(n - 1):                        # adjacent transpositions generate all permutations
        order = list(range(n))
        order[k], order[k + 1] = order[k + 1], order[k]
        for j in range(n):
            permuted = np.transpose(game.payoffs[order[j]], order)
            checks.append((permuted, game.payoffs[j]))
    return _all(compare.arrays_equal(a, b) for a, b in checks)


def is_symmetric(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> bool | None:
    r"""Whether the game looks the same to every player.

    All players have the same number of actions, and renaming the players
    permutes the payoffs accordingly: for every permutation :math:`\pi` of the
    players, :math:`u_{\pi(i)}(a_{\pi^{-1}(1)}, \dots, a_{\pi^{-1}(n)}) = u_i(a)`.
    For two players this is ``payoffs[1] == payoffs[0].T``. Action indices are
    identified across players (labels are not read).

    Parameters
    ----------
    game : NormalFormGame
    tol : float, optional
        Tolerance of the equalities in float games (relative, at least absolute).

    Returns
    -------
    bool or None
        None when a symbolic equality cannot be decided.

    Raises
    ------
    GameError
        If ``game`` is not a :class:`NormalFormGame`.
    ParameterError
        If ``tol`` is not a finite number >= 0.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma, trust_game, public_goods
    >>> is_symmetric(prisoners_dilemma()), is_symmetric(trust_game()), is_symmetric(public_goods(4))
    (True, False, True)
    """
    compare = _checked(game, tol)
    return _symmetric(game, compare)


def is_zero_sum(game: NormalFormGame) -> bool | None:
    """Whether the payoffs sum to zero in every profile (None if undecidable symbolically).

    The same as :attr:`NormalFormGame.is_zero_sum`, whose float comparison uses
    an absolute tolerance of ``DEFAULT_TOL``.

    Examples
    --------
    >>> from cybergames import matching_pennies, prisoners_dilemma
    >>> is_zero_sum(matching_pennies()), is_zero_sum(prisoners_dilemma())
    (True, False)
    """
    _checked(game, DEFAULT_TOL)
    return game.is_zero_sum


# ---------------------------------------------------- symmetric two-by-two games
_ORDERS = ((0, 1), (1, 0))       # the first action listed first, or second


def _letters(game: NormalFormGame, order: tuple[int, int]) -> tuple[Any, Any, Any, Any]:
    """T, R, P, S of the row player when action ``order[0]`` is read as the first action."""
    u = game.payoffs[0]
    c, d = order
    return u[d, c], u[c, c], u[d, d], u[c, d]


def _two_by_two(game: NormalFormGame, tol: float,
                holds: Callable[[_Compare, Any, Any, Any, Any], bool | None]) -> bool | None:
    compare = _checked(game, tol)
    if game.shape != (2, 2):
        return False
    return _all([_symmetric(game, compare),
                 _any(holds(compare, *_letters(game, order)) for order in _ORDERS)])


def is_prisoners_dilemma(game: NormalFormGame, *, repeated: bool = False,
                         tol: float = DEFAULT_TOL) -> bool | None:
    r"""Whether the game is a prisoner's dilemma: symmetric 2x2 with T > R > P > S.

    Parameters
    ----------
    game : NormalFormGame
    repeated : bool, optional
        Also require :math:`2R > T + S`, the usual assumption of repeated-game
        texts (mutual cooperation beats taking turns at exploiting each other).
    tol : float, optional
        Margin of the strict inequalities in float games.

    Returns
    -------
    bool or None
        True if one order of the actions (the same for both players) satisfies
        the inequalities; None if that cannot be decided for a symbolic game.

    Raises
    ------
    GameError
        If ``game`` is not a :class:`NormalFormGame`.

    References
    ----------
    Axelrod, *The Evolution of Cooperation* (1984), ch. 1, fig. 1 and p. 10
    (the condition 2R > T + S).

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> is_prisoners_dilemma(prisoners_dilemma(T=5, R=3, P=1, S=0), repeated=True)
    True
    >>> is_prisoners_dilemma(prisoners_dilemma(T=7, R=3, P=1, S=0), repeated=True)   # 2R = 6 < T + S = 7
    False
    """
    if not isinstance(repeated, bool):
        raise ParameterError(f"repeated: expected True or False, got {repeated!r}")

    def holds(compare: _Compare, T: Any, R: Any, P: Any, S: Any) -> bool | None:
        conditions = [lambda: compare.gt(T, R), lambda: compare.gt(R, P), lambda: compare.gt(P, S)]
        if repeated:
            conditions.append(lambda: compare.gt(2 * R, T + S))
        return _all(condition() for condition in conditions)

    return _two_by_two(game, tol, holds)


def is_stag_hunt(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> bool | None:
    r"""Whether the game is a stag hunt: symmetric 2x2 with R > T >= P > S.

    Both symmetric pure profiles are then strict equilibria and hunting stag
    together is the best outcome. The order is that of
    :func:`~cybergames.games.classic.stag_hunt` (Skyrms, *The Stag Hunt and the
    Evolution of Social Structure*, 2004, ch. 1, allows T = P).

    Examples
    --------
    >>> from cybergames import stag_hunt, chicken
    >>> is_stag_hunt(stag_hunt()), is_stag_hunt(chicken())
    (True, False)
    """
    def holds(compare: _Compare, T: Any, R: Any, P: Any, S: Any) -> bool | None:
        return _all(c() for c in (lambda: compare.gt(R, T), lambda: compare.ge(T, P),
                                  lambda: compare.gt(P, S)))

    return _two_by_two(game, tol, holds)


def is_chicken(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> bool | None:
    r"""Whether the game is chicken (hawk–dove): symmetric 2x2 with T > R > S > P.

    Each player's best reply is to do the opposite of the other: the pure
    equilibria are the two asymmetric profiles.

    Examples
    --------
    >>> from cybergames import chicken, prisoners_dilemma
    >>> is_chicken(chicken()), is_chicken(prisoners_dilemma())
    (True, False)
    """
    def holds(compare: _Compare, T: Any, R: Any, P: Any, S: Any) -> bool | None:
        return _all(c() for c in (lambda: compare.gt(T, R), lambda: compare.gt(R, S),
                                  lambda: compare.gt(S, P)))

    return _two_by_two(game, tol, holds)


# ----------------------------------------------------------- n-player predicates
def is_coordination_game(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> bool | None:
    r"""Whether every player strictly prefers to match when all the others match.

    Every player has the same number :math:`m \ge 2` of actions, there are at
    least two players, and each diagonal profile :math:`(k, \dots, k)` is a
    strict Nash equilibrium: :math:`u_i(k, \dots, k) > u_i(a_i, k_{-i})` for
    every player :math:`i` and action :math:`a_i \ne k`. For 2x2 games these
    are the games with two strict pure equilibria on the diagonal (stag hunt,
    battle of the sexes, pure coordination). The game need not be symmetric.

    Examples
    --------
    >>> from cybergames import battle_of_the_sexes, stag_hunt, chicken
    >>> [is_coordination_game(g) for g in (battle_of_the_sexes(), stag_hunt(), chicken())]
    [True, True, False]
    """
    compare = _checked(game, tol)
    n, shape = game.num_players, game.shape
    if n < 2 or len(set(shape)) > 1 or shape[0] < 2:
        return False
    m = shape[0]

    def checks():
        for k in range(m):
            for i in range(n):
                for a in range(m):
                    if a != k:
                        deviation = [k] * n
                        deviation[i] = a
                        yield compare.gt(game.payoffs[i][(k,) * n], game.payoffs[i][tuple(deviation)])

    return _all(checks())


def is_public_goods_game(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> bool | None:
    r"""Whether the game is a linear public-goods game.

    Every one of the :math:`n \ge 2` players contributes or not (two actions),
    and there are numbers :math:`e, b, c` with

    .. math:: u_i(a) = e + b\,k(a) - c\,x_i(a), \qquad b < c < n b,

    where :math:`k(a)` is the number of contributors and :math:`x_i(a) = 1` if
    :math:`i` contributes. Contributing costs its maker :math:`c - b > 0`
    whatever the others do, yet adds :math:`n b - c > 0` to the total.
    :func:`~cybergames.games.classic.public_goods` has :math:`e = 0`,
    :math:`b = m c / n`. Either action may be the contribution, the same for
    every player. Two-player public-goods games are prisoner's dilemmas.

    Examples
    --------
    >>> from cybergames import public_goods, prisoners_dilemma
    >>> is_public_goods_game(public_goods(5, 3, 2)), is_public_goods_game(public_goods(3).transform_payoffs(0, 2))
    (True, False)
    >>> is_public_goods_game(prisoners_dilemma(T=5, R=3, P=1, S=0))      # T - R != P - S: not linear
    False
    """
    compare = _checked(game, tol)
    n = game.num_players
    if n < 2 or set(game.shape) != {2}:
        return False
    return _any(_linear_public_good(game, compare, contribute) for contribute in (0, 1))


def _linear_public_good(game: NormalFormGame, compare: _Compare, contribute: int) -> bool | None:
    n = game.num_players
    keep = 1 - contribute
    u = game.payoffs[0]

    def alone(j: int | None) -> Any:             # player 0's payoff when only j contributes
        profile = [keep] * n
        if j is not None:
            profile[j] = contribute
        return u[tuple(profile)]

    e = alone(None)
    b = alone(1) - e
    c = b - (alone(0) - e)
    index = np.indices((2,) * n)
    x = [(index[i] == contribute).astype(int) for i in range(n)]
    k = sum(x)
    if game.kind != FLOAT:
        k = k.astype(object)
        x = [xi.astype(object) for xi in x]
    linear = _all(compare.arrays_equal(game.payoffs[i], e + b * k - c * x[i]) for i in range(n))
    return _all(check() for check in (lambda: linear, lambda: compare.gt(c, b),
                                      lambda: compare.gt(n * b, c)))
