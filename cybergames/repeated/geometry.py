r"""Folk-theorem geometry: feasible payoffs, individually rational payoffs and their intersection.

In a repeated game with public randomisation the *feasible* payoffs are the
convex hull of the stage game's pure payoff profiles,

.. math:: F = \operatorname{conv}\{u(a) : a \in A\} \subset \mathbb{R}^n,

and player :math:`i` can always secure her *minmax* value

.. math:: \underline v_i = \min_{\alpha_{-i}} \max_{a_i} u_i(a_i, \alpha_{-i})

(over mixed :math:`\alpha_{-i}`, or over pure :math:`a_{-i}` for the pure
minmax), so no equilibrium gives her less. The folk theorem (Fudenberg &
Maskin 1986; Mailath & Samuelson 2006, Prop. 3.8.1) says that every feasible
payoff vector that is *strictly* individually rational,

.. math:: F^* = \{v \in F : v_i > \underline v_i \text{ for every } i\},

is a subgame perfect equilibrium payoff when the players are patient enough
(for two players, and for more under a full-dimensionality condition).

The sets are :class:`Polytope` objects: vertices and halfspaces, exact for
exact games (int / Fraction payoffs) and float for float games, in any
dimension and of any affine dimension (a game whose payoffs lie on a line has
a segment as its feasible set, not a Qhull error).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, EXACT, FLOAT
from ..errors import GameError
from ..games.normal_form import NormalFormGame
from . import _polytopes

__all__ = ["Polytope", "IndividuallyRational", "FolkTheoremRegion", "feasible_payoffs",
           "individually_rational", "folk_theorem_region"]

_SHAPES = {-1: "empty", 0: "point", 1: "segment", 2: "polygon"}


def _frozen(rows: Sequence, width: int, exact: bool) -> np.ndarray:
    if exact:
        array = np.empty((len(rows), width), dtype=object)
        for k, row in enumerate(rows):
            array[k, :] = [_numbers.simplify_exact(v) if isinstance(v, Fraction) else v for v in row]
    else:
        array = np.array(rows, dtype=float).reshape(len(rows), width)
    array.flags.writeable = False
    return array


@dataclass(frozen=True, eq=False)
class Polytope:
    r"""A convex polytope given both by its vertices and by halfspaces ``normals @ x <= offsets``.

    Build one with :meth:`from_points` (or get one from :func:`feasible_payoffs`,
    :func:`folk_theorem_region` or an equilibrium payoff set).

    Attributes
    ----------
    vertices : numpy.ndarray
        One vertex per row (counterclockwise for a polygon in the plane); an
        object array of int / Fraction when exact, float64 otherwise.
    normals, offsets : numpy.ndarray
        The halfspaces; a lower-dimensional polytope lists each equation of its
        affine hull as two opposite inequalities. The empty polytope has the one
        infeasible inequality ``0 . x <= -1``.
    dimension : int
        Affine dimension: -1 (empty), 0 (point), 1 (segment), 2 (polygon), ...
    exact : bool
        Whether the coordinates are exact rationals.

    Examples
    --------
    >>> square = Polytope.from_points([(0, 0), (2, 0), (2, 2), (0, 2), (1, 1)])
    >>> square.vertices.tolist(), square.shape, square.area
    ([[0, 0], [2, 0], [2, 2], [0, 2]], 'polygon', Fraction(4, 1))
    >>> Polytope.from_points([(0, 0), (1, 1), (3, 3)]).shape    # collinear: a segment, no error
    'segment'
    """

    vertices: np.ndarray
    normals: np.ndarray = field(repr=False)
    offsets: np.ndarray = field(repr=False)
    dimension: int = -1
    exact: bool = True

    @classmethod
    def from_points(cls, points: Sequence[Sequence[Any]], *, ambient: int | None = None) -> "Polytope":
        """The convex hull of ``points`` (exact if every coordinate is an int or Fraction)."""
        rows = [tuple(_numbers.normalise(v, f"points[{k}]", GameError) for v in p) for k, p in enumerate(points)]
        if ambient is None:
            if not rows:
                raise GameError("points: expected at least one point, or the ambient dimension")
            ambient = len(rows[0])
        if any(len(r) != ambient for r in rows):
            raise GameError(f"points: expected points with {ambient} coordinates each, got {points!r}")
        kind = _numbers.kind_of(v for r in rows for v in r)
        if kind not in (EXACT, FLOAT):
            raise GameError("points: expected numbers, got symbolic coordinates")
        exact = kind == EXACT
        if not exact:
            rows = [tuple(float(v) for v in r) for r in rows]
        return cls._from_hull(_polytopes.convex_hull(rows, ambient, exact=exact), ambient, exact)

    @classmethod
    def _from_hull(cls, hull: _polytopes.Hull, ambient: int, exact: bool) -> "Polytope":
        return cls(_frozen(hull.vertices, ambient, exact), _frozen(hull.normals, ambient, exact),
                   _frozen([[o] for o in hull.offsets], 1, exact)[:, 0], hull.dimension, exact)

    @classmethod
    def _from_float2(cls, vertices: np.ndarray) -> "Polytope":
        vertices = _polytopes.distinct2(vertices)
        normals, offsets = _polytopes.halfspaces2(vertices)
        return cls(_frozen(vertices, 2, False), _frozen(normals, 2, False),
                   _frozen([[o] for o in offsets], 1, False)[:, 0], _polytopes.affine_dimension2(vertices), False)

    # ------------------------------------------------------------------ facts
    @property
    def ambient_dimension(self) -> int:
        """The dimension of the space the polytope lives in (the number of players)."""
        return self.normals.shape[1]

    @property
    def is_empty(self) -> bool:
        """Whether the polytope has no point."""
        return self.dimension < 0

    @property
    def shape(self) -> str:
        """``"empty"``, ``"point"``, ``"segment"``, ``"polygon"`` or ``"polytope"`` (dimension 3 or more)."""
        return _SHAPES.get(self.dimension, "polytope")

    @property
    def halfspaces(self) -> tuple[tuple[tuple, Any], ...]:
        """The inequalities as ``((normal, offset), ...)`` with ``normal . x <= offset``."""
        return tuple((tuple(n.tolist()), o.item() if isinstance(o, np.generic) else o)
                     for n, o in zip(self.normals, self.offsets))

    @property
    def area(self) -> Any:
        """The area of a polytope in the plane (zero for a segment, a point or the empty set)."""
        if self.ambient_dimension != 2:
            raise GameError(f"area: defined for polytopes in the plane, this one has dimension "
                            f"{self.ambient_dimension}")
        if self.dimension < 2:
            return Fraction(0) if self.exact else 0.0
        x, y = self.vertices[:, 0], self.vertices[:, 1]
        total = sum(x[k] * y[(k + 1) % len(x)] - x[(k + 1) % len(x)] * y[k] for k in range(len(x)))
        return Fraction(total) / 2 if self.exact else float(total) / 2

    # --------------------------------------------------------------- queries
    def _point(self, point: Sequence[Any], name: str) -> np.ndarray:
        values = [_numbers.normalise(v, f"{name}[{k}]", GameError) for k, v in enumerate(np.ravel(point))]
        if len(values) != self.ambient_dimension:
            raise GameError(f"{name}: expected {self.ambient_dimension} coordinates, got {point!r}")
        if _numbers.kind_of(values) == _numbers.SYMBOLIC:
            raise GameError(f"{name}: expected numbers, got {point!r}")
        return np.array(values, dtype=object if self.exact and _numbers.kind_of(values) == EXACT else float)

    def contains(self, point: Sequence[Any], *, tol: float = DEFAULT_TOL) -> bool:
        """Whether ``point`` satisfies every inequality (exactly, or within ``tol`` for floats)."""
        x = self._point(point, "point")
        if self.is_empty:
            return False
        if x.dtype == object:
            return all(sum(a * b for a, b in zip(n, x)) <= o for n, o in zip(self.normals, self.offsets))
        slack = np.asarray(self.normals, dtype=float) @ x - np.asarray(self.offsets, dtype=float)
        scale = _numbers.unit_of(np.asarray(self.vertices, dtype=float))    # relative: 1 was absolute below 1
        return bool((slack <= tol * scale).all())

    def support(self, direction: Sequence[Any]) -> Any:
        """:math:`\\max_{x \\in P} d \\cdot x` (exact for exact polytopes); ``-inf`` when empty."""
        d = self._point(direction, "direction")
        if self.is_empty:
            return -math.inf
        values = [sum(a * b for a, b in zip(d, v)) for v in self.vertices]
        best = max(values)
        return best if self.exact and d.dtype == object else float(best)

    def distance(self, point: Sequence[Any]) -> float:
        """Euclidean distance from ``point`` to the polytope (float; planar polytopes only)."""
        if self.ambient_dimension != 2:
            raise GameError("distance: implemented for polytopes in the plane")
        x = np.asarray(self._point(point, "point"), dtype=float)
        return float(_polytopes.distance2(x[None], np.asarray(self.vertices, dtype=float))[0])

    def hausdorff(self, other: "Polytope") -> float:
        """The Hausdorff distance to another planar polytope (inf if exactly one is empty)."""
        if not isinstance(other, Polytope) or other.ambient_dimension != 2 or self.ambient_dimension != 2:
            raise GameError("other: expected a polytope in the plane")
        return _polytopes.hausdorff2(np.asarray(self.vertices, dtype=float), np.asarray(other.vertices, dtype=float))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Polytope):
            return NotImplemented
        return self.exact == other.exact and self.dimension == other.dimension \
            and set(map(tuple, self.vertices.tolist())) == set(map(tuple, other.vertices.tolist()))

    def __hash__(self) -> int:
        return hash((self.dimension, frozenset(map(tuple, self.vertices.tolist()))))

    def __repr__(self) -> str:
        return f"Polytope({self.shape}, vertices={self.vertices.tolist()!r})"


def _numeric_game(game: Any, name: str = "game") -> NormalFormGame:
    if not isinstance(game, NormalFormGame):
        raise GameError(f"{name}: expected a NormalFormGame, got {type(game).__name__}")
    if game.is_symbolic:
        raise GameError(f"{name}: expected numeric payoffs, got a symbolic game; substitute values with "
                        "game.subs(...) first")
    return game


def _payoff_points(game: NormalFormGame) -> list[tuple]:
    exact = game.kind == EXACT
    arrays = [np.asarray(p) for p in game.payoffs]
    points = []
    for index in np.ndindex(*game.shape):
        point = tuple(a[index] for a in arrays)
        points.append(tuple(v if exact else float(v) for v in point))
    return points


def feasible_payoffs(game: NormalFormGame) -> Polytope:
    r"""The feasible payoffs: the convex hull of the pure payoff profiles.

    Parameters
    ----------
    game : NormalFormGame
        A numeric stage game with any number of players.

    Returns
    -------
    Polytope
        Exact for exact games; float for float games. Degenerate hulls (all
        payoffs on one point, a line, a plane in three dimensions...) come back
        as lower-dimensional polytopes.

    Raises
    ------
    GameError
        If ``game`` is not a numeric NormalFormGame.

    References
    ----------
    Mailath & Samuelson, *Repeated Games and Reputations* (2006), sec. 2.1.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma, matching_pennies
    >>> F = feasible_payoffs(prisoners_dilemma(T=10, R=9, P=3, S=1))
    >>> F.vertices.tolist()
    [[1, 10], [3, 3], [10, 1], [9, 9]]
    >>> feasible_payoffs(matching_pennies()).shape        # payoffs sum to zero: a segment
    'segment'
    """
    game = _numeric_game(game)
    exact = game.kind == EXACT
    hull = _polytopes.convex_hull(_payoff_points(game), game.num_players, exact=exact)
    return Polytope._from_hull(hull, game.num_players, exact)


@dataclass(frozen=True, eq=False)
class IndividuallyRational:
    r"""The individually rational region :math:`\{v : v_i \ge \underline v_i\}` and its minmax vector.

    Attributes
    ----------
    game : NormalFormGame
        The stage game.
    mixed : bool
        Whether the punishers may mix (mixed minmax) or only play pure actions.
    minmax : tuple
        :math:`\underline v_i` for each player (exact for exact games).
    punishments : tuple
        For each player, the others' punishing profile: a tuple with one
        probability vector per player (``None`` in the punished player's place).
    upper : tuple
        For each player, the minmax value, or the upper bound of a mixed
        minmax against several independent punishers that was only bracketed
        (``minmax`` None there).
    """

    game: NormalFormGame = field(repr=False)
    mixed: bool
    minmax: tuple
    punishments: tuple = field(repr=False)
    upper: tuple = field(default=(), repr=False)

    @property
    def normals(self) -> np.ndarray:
        """Normals of the halfspaces ``-v_i <= -minmax_i``."""
        n = len(self.minmax)
        return -np.eye(n, dtype=int).astype(object) if self.game.kind == EXACT else -np.eye(n)

    @property
    def offsets(self) -> np.ndarray:
        """Offsets of the halfspaces ``-v_i <= -minmax_i``."""
        return np.array([-m for m in self.minmax], dtype=object if self.game.kind == EXACT else float)

    def contains(self, point: Sequence[Any], *, strict: bool = False) -> bool:
        """Whether ``point`` gives every player at least (``strict``: more than) her minmax value."""
        values = [_numbers.normalise(v, f"point[{k}]", GameError) for k, v in enumerate(np.ravel(point))]
        if len(values) != len(self.minmax):
            raise GameError(f"point: expected {len(self.minmax)} coordinates, got {point!r}")
        return all(v > m if strict else v >= m for v, m in zip(values, self.minmax))


def individually_rational(game: NormalFormGame, mixed: bool = True) -> IndividuallyRational:
    r"""Each player's minmax value and the region of payoffs above all of them.

    Parameters
    ----------
    game : NormalFormGame
        A numeric stage game.
    mixed : bool, default True
        Minmax over the punishers' mixed actions (the folk-theorem bound) or
        over their pure actions (the bound of pure-strategy equilibria, which
        is never lower).

    Returns
    -------
    IndividuallyRational

    Raises
    ------
    GameError
        If ``game`` is not a numeric NormalFormGame.

    References
    ----------
    Mailath & Samuelson (2006), sec. 2.7.1, eq. (2.7.1) (mixed) and (2.7.2) (pure).

    Examples
    --------
    >>> from cybergames import matching_pennies
    >>> individually_rational(matching_pennies()).minmax
    (0, 0)
    >>> individually_rational(matching_pennies(), mixed=False).minmax
    (1, 1)
    """
    game = _numeric_game(game)
    if not isinstance(mixed, (bool, np.bool_)):
        raise GameError(f"mixed: expected True or False, got {mixed!r}")
    values, punishments, upper = minmax_values(game, bool(mixed))
    return IndividuallyRational(game, bool(mixed), tuple(values), tuple(punishments), tuple(upper))


@dataclass(frozen=True, eq=False)
class FolkTheoremRegion:
    r"""The feasible, strictly individually rational payoffs :math:`F^*` of a stage game.

    Attributes
    ----------
    feasible : Polytope
        :math:`F`, the convex hull of the pure payoff profiles.
    individually_rational : IndividuallyRational
        The minmax vector and its region.
    closure : Polytope
        :math:`F \cap \{v \ge \underline v\}`, the closure of :math:`F^*` when
        :math:`F^*` is not empty.
    """

    feasible: Polytope
    individually_rational: IndividuallyRational = field(repr=False)
    closure: Polytope

    @property
    def minmax(self) -> tuple:
        """The minmax vector."""
        return self.individually_rational.minmax

    @property
    def levels(self) -> tuple:
        """The level each player's payoff is cut at: the minmax value, or the upper bound of a mixed
        minmax that was only bracketed (then the region lies inside :math:`F^*`)."""
        return self.individually_rational.upper or self.minmax

    @property
    def is_empty(self) -> bool:
        r"""Whether no feasible payoff is strictly above the minmax vector.

        :math:`F^*` is non-empty iff for every player some vertex of the
        closure gives her strictly more than her minmax value (then the average
        of those vertices is strictly individually rational for all).
        """
        vertices = self.closure.vertices
        if len(vertices) == 0:
            return True
        return not all(any(v[i] > m for v in vertices) for i, m in enumerate(self.levels))

    def contains(self, point: Sequence[Any], *, tol: float = DEFAULT_TOL) -> bool:
        """Whether ``point`` is feasible and strictly individually rational."""
        return self.feasible.contains(point, tol=tol) and self.individually_rational.contains(point, strict=True)


def folk_theorem_region(game: NormalFormGame, mixed: bool = True) -> FolkTheoremRegion:
    r"""The folk-theorem region: feasible payoffs strictly above the minmax vector.

    Parameters
    ----------
    game : NormalFormGame
        A numeric stage game.
    mixed : bool, default True
        Use mixed (the classic folk theorem) or pure minmax values.

    Returns
    -------
    FolkTheoremRegion
        With the exact (or float) closure polytope. Where a player's mixed
        minmax against several independent punishers is only bracketed
        (``MinmaxResult.value`` None), the region is cut at its
        ``upper`` bound, so it lies inside the true region.

    Raises
    ------
    GameError
        If ``game`` is not a numeric NormalFormGame.

    References
    ----------
    Fudenberg & Maskin, "The folk theorem in repeated games with discounting
    or with incomplete information", *Econometrica* 54(3), 1986, Theorem 2;
    Mailath & Samuelson (2006), Prop. 3.8.1.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> region = folk_theorem_region(prisoners_dilemma(T=10, R=9, P=3, S=1))
    >>> region.closure.vertices.tolist()
    [[3, 3], [Fraction(39, 4), 3], [9, 9], [3, Fraction(39, 4)]]
    >>> region.contains((6, 6)), region.contains((3, 8))
    (True, False)
    """
    ir = individually_rational(game, mixed)
    feasible = feasible_payoffs(game)
    exact = feasible.exact and all(_numbers.is_exact(m) for m in ir.minmax)
    hull = _polytopes.convex_hull(_payoff_points(game) if exact else
                                  [tuple(float(v) for v in p) for p in _payoff_points(game)],
                                  game.num_players, exact=exact)
    # a mixed minmax against several independent punishers that was only bracketed is cut at its upper
    # bound: the region above it lies inside the true one, so what it contains stays true
    for i, m in enumerate(ir.upper):
        normal = [-1 if j == i else 0 for j in range(game.num_players)]
        points = _polytopes.clip(hull, normal, -m if exact else -float(m), exact=exact)
        hull = _polytopes.convex_hull(points, game.num_players, exact=exact)
    return FolkTheoremRegion(feasible, ir, Polytope._from_hull(hull, game.num_players, exact))


# ----------------------------------------------------------------------------- minmax values


def minmax_values(game: NormalFormGame, mixed: bool) -> tuple[list, list, list]:
    """Each player's minmax value, the others' punishing profile, and the value or (where only bracketed)
    its upper bound, from :func:`cybergames.equilibria.minmax`."""
    from ..equilibria import minmax
    values, punishments, upper = [], [], []
    for i in range(game.num_players):
        result = minmax(game, i, mixed)
        values.append(result.value)
        upper.append(result.upper if result.value is None else result.value)
        punishments.append(tuple(None if p is None else tuple(np.asarray(p).tolist()) for p in result.punishment))
    return values, punishments, upper
