r"""Nash equilibria of normal-form games: :func:`nash_equilibria`.

Two-player games get *all* their equilibria (the extreme ones and the maximal
Nash subsets when the game is degenerate) by vertex enumeration
(:mod:`.vertex_enumeration`); small games with three or more players all
theirs by exact support enumeration, larger ones some by logit paths
(:mod:`.nplayer`); one-player games their pure equilibria (:mod:`.pure`).
Every equilibrium is checked to be a mutual best response before it is
returned.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from .. import limits
from .._numbers import DEFAULT_TOL, FLOAT
from ..errors import GameError, SolverError
from ..games.normal_form import NormalFormGame
from . import _small_side, nplayer, vertex_enumeration
from ._build import NotAnEquilibrium, check_game, check_tol, equilibrium, float_pair_equilibria
from ._components import maximal_bicliques
from ._polytope import PolytopeError
from .pure import pure_equilibria
from .result import EquilibriumSet, NashSubset

__all__ = ["nash_equilibria"]


def nash_equilibria(game: NormalFormGame, *, tol: float = DEFAULT_TOL) -> EquilibriumSet:
    r"""The Nash equilibria of a game, each checked and carrying its certificate.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game: exact (int, Fraction) or float payoffs.
    tol : float, optional
        Float games only: the tolerance of label and best-response tests (a
        payoff within ``tol * max(1, |best|)`` of the best counts as best).
        Exact games are solved exactly.

    Returns
    -------
    EquilibriumSet
        A tuple of :class:`Equilibrium`, pure ones first. For two players it
        holds every equilibrium (``complete=True``); if the game is degenerate
        (``degenerate=True``) its equilibria may form continua, and the tuple
        holds their extreme points while ``components`` lists the maximal Nash
        subsets they span. For three and more players, a small game (at most
        :data:`~cybergames.equilibria.nplayer.MAX_EXACT_UNKNOWNS` unknown
        probabilities, e.g. 3x3x3 or 2x2x2x2; five for float games, and at
        most :data:`~cybergames.equilibria.nplayer.MAX_SUPPORT_PROFILES`
        support profiles) gets every equilibrium by exact support enumeration
        (``method="support enumeration"``, exact algebraic numbers for exact
        games, ``complete=True`` unless a support has a continuum of
        solutions, which ``components`` then lists as
        :class:`~cybergames.equilibria.nplayer.EquilibriumContinuum`); a
        larger one with at most four players and
        :data:`~cybergames.equilibria.nplayer.MAX_APPROXIMATE_PROFILES` pure
        profiles gets some equilibria by logit paths (``method="logit
        paths"``, ``complete=False``); beyond, and for one player, the pure
        equilibria only (``complete=False``).

    Raises
    ------
    GameError
        If ``game`` is not a :class:`NormalFormGame` or has symbolic payoffs
        (substitute numbers with ``game.subs(...)`` first).
    ParameterError
        If ``tol`` is not a number in (0, 1).

    Notes
    -----
    Three and more players: a profile with supports :math:`S_i` is an
    equilibrium iff each player is indifferent among its support actions,
    :math:`u_i(a, \sigma_{-i}) = u_i(a_i^0, \sigma_{-i})`, the probabilities
    are positive and no other action pays more. The equalities are polynomial
    (multilinear) in the other players' probabilities; each support's system
    is solved exactly by a Groebner basis and real-root isolation, and the
    inequalities are decided exactly at every real solution
    (:func:`~cybergames.equilibria.support_enumeration`).

    Two players: a pair of vertices :math:`(x, y) \ne (0, 0)` of the best-response
    polytopes :math:`P = \{x \ge 0 : B^\top x \le 1\}` and :math:`Q = \{y \ge 0
    : A y \le 1\}` whose tight constraints cover all ``m + n`` labels is,
    normalised, an equilibrium; these pairs are exactly the extreme equilibria.
    Float games are enumerated by breadth-first pivoting in a compiled kernel
    (with qhull when numba is switched off) and certified nondegenerate by the
    pivoting test; exact games re-solve the float vertices in integer
    arithmetic and certify them the same way; a degenerate game (or a failed
    check) goes to an exact double-description enumeration. See
    :doc:`/explanation/stage-game-equilibria`.

    References
    ----------
    von Stengel, "Computing equilibria for two-person games", *Handbook of Game
    Theory* 3 (2002), ch. 45, sec. 3. Avis, Rosenberg, Savani & von Stengel,
    "Enumeration of Nash equilibria for two-player games", *Economic Theory* 42
    (2010). McKelvey & McLennan, "Computation of equilibria in finite games",
    *Handbook of Computational Economics* 1 (1996), sec. 6.

    Examples
    --------
    >>> from cybergames import battle_of_the_sexes, nash_equilibria
    >>> for eq in nash_equilibria(battle_of_the_sexes()):
    ...     print(eq)
    Equilibrium(strategies=([1, 0], [1, 0]), payoffs=(3, 2), gains=(0, 0))
    Equilibrium(strategies=([0, 1], [0, 1]), payoffs=(2, 3), gains=(0, 0))
    Equilibrium(strategies=([3/5, 2/5], [2/5, 3/5]), payoffs=(6/5, 6/5), gains=(0, 0))

    A degenerate game: the column player is indifferent, so the row player's
    ``Up`` with any mix of ``Left`` and ``Right`` is an equilibrium. The
    extreme equilibria are listed and the segment between them is a Nash subset:

    >>> from cybergames import NormalFormGame
    >>> game = NormalFormGame([[[1, 1], [0, 0]], [[1, 1], [0, 0]]], actions=[["Up", "Down"], ["Left", "Right"]])
    >>> equilibria = nash_equilibria(game)
    >>> equilibria.degenerate, [eq.profile for eq in equilibria]
    (True, [('Up', 'Left'), ('Up', 'Right')])
    >>> equilibria.components
    (NashSubset(actions=(([1, 0]), ([1, 0], [0, 1]))),)

    Three players: cyclic matching pennies has only the uniform equilibrium.

    >>> import numpy as np
    >>> a, b, c = np.indices((2, 2, 2))
    >>> cycle = nash_equilibria(NormalFormGame([(a == b) * 1, (b == c) * 1, (c != a) * 1]))
    >>> cycle[0].strategies, cycle.complete
    ((array([Fraction(1, 2), Fraction(1, 2)], dtype=object), array([Fraction(1, 2), Fraction(1, 2)], dtype=object), array([Fraction(1, 2), Fraction(1, 2)], dtype=object)), True)
    """
    check_game(game, "nash_equilibria")
    tol = check_tol(tol)
    if game.num_players >= 3:
        return nplayer.nplayer_equilibria(game, tol)
    if game.num_players != 2:
        return pure_equilibria(game, tol=tol)
    limits.check(f"game ({game.shape[0]}x{game.shape[1]}; pure_equilibria(game) is fast), smaller side",
                 min(game.shape), "MAX_MIXED_ACTIONS", GameError)
    limits.check("game, both players' actions", sum(game.shape), "MAX_MIXED_TOTAL_ACTIONS", GameError)
    if not _small_side.applies(*game.shape):
        limits.check(f"game ({game.shape[0]}x{game.shape[1]}; lemke_howson(game) finds one equilibrium), larger "
                     f"side", max(game.shape), "MAX_HULL_DIMENSION", GameError)
    work = _unit_scaled(game)
    try:
        return _assemble(game, vertex_enumeration.fast_enumeration(work, tol), tol, work.scales)
    except (PolytopeError, NotAnEquilibrium):
        pass
    m, n = game.shape
    limits.check(f"game ({m}x{n}; the certified fast routes do not apply, it is degenerate or nearly so; "
                 f"lemke_howson(game) finds one equilibrium), the most vertices of a best-response polytope "
                 f"that the exact enumeration may meet", vertex_enumeration.vertex_bound(m, n),
                 "MAX_EXACT_VERTICES", GameError)
    failure = None
    for route in vertex_enumeration.fallback_enumerations(work, tol):
        try:
            return _assemble(game, route(), tol, work.scales)
        except NotAnEquilibrium as exc:
            failure = exc
    raise SolverError(f"internal error: the exact enumeration produced a non-equilibrium ({failure})"
                      " (a bug: please report the game)")


class _Scaled(NamedTuple):
    """A two-player game's payoffs and number kind, all the enumerations read from a game."""

    payoffs: tuple
    kind: str
    scales: tuple = ()      # float games: each player's largest payoff magnitude


def _unit_scaled(game: NormalFormGame) -> _Scaled:
    """The payoffs of a float game with each player's divided by their largest magnitude (same equilibria).

    Enumerating on payoffs of magnitude at most 1 makes the answer independent
    of the game's scale (1e-300 or 1e300 alike) and keeps the polytope
    arithmetic away from overflow and underflow. Exact games keep their payoffs.
    (Plain arrays rather than a new game: the arrays are already validated.)
    """
    if game.kind != FLOAT:
        return _Scaled(game.payoffs, game.kind)
    scales = tuple(float(np.abs(p).max()) for p in game.payoffs)
    scaled = tuple(p / s if s > 0 else p for p, s in zip(game.payoffs, scales))
    return _Scaled(scaled, game.kind, scales)


def _sort_keys(vectors: Any) -> list:
    """Each mixed action's part of the order: its support and its probabilities, decreasing."""
    if isinstance(vectors, np.ndarray) and vectors.dtype == np.float64:      # a float route's 2-D array
        rows = vectors.tolist()
    else:
        rows = [[float(v) for v in vector] for vector in vectors]
    return [(tuple(i for i, v in enumerate(values) if v > 0), tuple(-v for v in values)) for values in rows]


def _order(pairs: Any, xs: Any, ys: Any) -> list:
    """The pairs with pure equilibria first, then by supports, then by decreasing probabilities."""
    keys_x, keys_y = _sort_keys(xs), _sort_keys(ys)

    def key(pair):
        (support_x, minus_x), (support_y, minus_y) = keys_x[pair[0]], keys_y[pair[1]]
        return len(support_x) + len(support_y), (support_x, support_y), minus_x, minus_y

    return sorted(pairs, key=key)


def _assemble(game: NormalFormGame, enumeration: vertex_enumeration.Enumeration, tol: float,
              scales: tuple = ()) -> EquilibriumSet:
    """Build, check and order the equilibria and the Nash subsets of an enumeration (``scales``: see _Scaled)."""
    xs, ys = enumeration.actions
    pairs = _order(enumeration.pairs, xs, ys)
    if game.kind == FLOAT:
        X, Y = _float_rows(xs, [i for i, _ in pairs]), _float_rows(ys, [j for _, j in pairs])
        built = dict(zip(pairs, float_pair_equilibria(game, X, Y, tol, scales or None)))
    else:
        built = {(i, j): equilibrium(game, (xs[i], ys[j]), tol) for i, j in pairs}
    equilibria = tuple(built[p] for p in pairs)
    if not enumeration.degenerate:          # each extreme equilibrium is its own Nash subset
        components = tuple(NashSubset(actions=((eq.strategies[0],), (eq.strategies[1],)), equilibria=(eq,))
                           for eq in equilibria)
    else:
        components = _components(pairs, built)
    return EquilibriumSet(equilibria, game=game, method=enumeration.method, exact=game.kind != FLOAT,
                          complete=True, degenerate=enumeration.degenerate, components=components)


def _float_rows(vectors: Any, index: list) -> np.ndarray:
    """``vectors[index]`` as a new 2-D float array (``vectors``: a 2-D array or a sequence of vectors)."""
    if isinstance(vectors, np.ndarray) and index == list(range(len(vectors))):
        return vectors.copy()
    return np.array(vectors, dtype=float)[index]


def _components(pairs: list, built: dict) -> tuple:
    """The maximal Nash subsets of a degenerate game, ordered by their first equilibrium in ``pairs``."""
    order = {pair: k for k, pair in enumerate(pairs)}
    components = []
    for left, right in maximal_bicliques(pairs):
        members = sorted(((i, j) for i in left for j in right), key=order.__getitem__)
        components.append((order[members[0]], NashSubset(
            actions=(tuple(built[(i, right[0])].strategies[0] for i in left),
                     tuple(built[(left[0], j)].strategies[1] for j in right)),
            equilibria=tuple(built[p] for p in members))))
    components.sort(key=lambda c: c[0])
    return tuple(c for _, c in components)
