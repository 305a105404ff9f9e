r"""Hypothesis strategies for games that satisfy an assumption: property-test your models.

``@given(prisoners_dilemmas())`` runs a test on many prisoner's dilemmas, each
*built* to satisfy :math:`T > R > P > S` (never filtered), exact by default or
float on request; :func:`~cybergames.games.predicates.is_prisoners_dilemma` and
the other predicates of :mod:`cybergames.games.predicates` check the same
assumptions on any game. The strategies follow Hypothesis's API style: plural
names, ``min_value``/``max_value`` bounds, every other argument keyword-only,
and invalid arguments raise :class:`~cybergames.errors.StrategyArgumentError`
(a Hypothesis ``InvalidArgument`` too) when the strategy is first drawn from.

Exact games hold ``int`` payoffs, or ``Fraction`` ones with ``max_denominator``
above one (each game draws one denominator ``d <= max_denominator`` and its
payoffs are multiples of ``1/d``). Float games hold finite floats; strict
inequalities hold with a margin (gaps of at least 1/64) far above the float
tolerance of the predicates.

Examples
--------
>>> from hypothesis import given
>>> from cybergames import is_prisoners_dilemma
>>> @given(prisoners_dilemmas(exact=False))
... def test_defection_dominates(game):
...     assert is_prisoners_dilemma(game)
...     assert game.best_responses(0, (None, "C")) == ("D",)
>>> test_defection_dominates()
"""

from __future__ import annotations

import importlib
import itertools
import math
from fractions import Fraction
from typing import Any, NamedTuple, Sequence

import numpy as np
import sympy
from hypothesis import strategies as st

from . import _numbers
from .errors import GameError, StrategyArgumentError
from .games.classic import chicken, prisoners_dilemma, public_goods, stag_hunt
from .games.normal_form import NormalFormGame

__all__ = [
    "normal_form_games",
    "prisoners_dilemmas",
    "stag_hunts",
    "chickens",
    "coordination_games",
    "public_goods_games",
    "mixed_actions",
    "mixed_profiles",
    "positive_affine_transformations",
    "action_permutations",
    "player_permutations",
    "symbolic_games",
    "AffineTransformation",
    "SymbolicGame",
]

#: Smallest gap of a strict inequality in float games.
_FLOAT_GAP = 1 / 64


# ----------------------------------------------------------- argument checks
def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise StrategyArgumentError(f"{name}: expected True or False, got {value!r}")
    return bool(value)


def _integer(value: Any, name: str, minimum: int, maximum: int | None = None) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or value < minimum or (maximum is not None and value > maximum):
        bound = f"an integer >= {minimum}" + (f" and <= {maximum}" if maximum is not None else "")
        raise StrategyArgumentError(f"{name}: expected {bound}, got {value!r}")
    return int(value)


def _count_range(value: Any, name: str, minimum: int, maximum: int | None = None) -> tuple[int, int]:
    """An int or a ``(min, max)`` tuple of ints, as an inclusive range."""
    if isinstance(value, tuple) and len(value) == 2:
        low = _integer(value[0], f"{name}[0]", minimum, maximum)
        high = _integer(value[1], f"{name}[1]", minimum, maximum)
        if low > high:
            raise StrategyArgumentError(f"{name}: expected (min, max) with min <= max, got {value!r}")
        return low, high
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        count = _integer(value, name, minimum, maximum)
        return count, count
    raise StrategyArgumentError(f"{name}: expected an integer or a (min, max) tuple of integers, got {value!r}")


def _real(value: Any, name: str) -> Fraction | float:
    """A finite int, Fraction or float bound (exact numbers become Fractions)."""
    number = _numbers.normalise(value, name, StrategyArgumentError)
    if isinstance(number, sympy.Basic):
        raise StrategyArgumentError(f"{name}: expected a finite int, Fraction or float, got {value!r}")
    return number if isinstance(number, float) else Fraction(number)


def _at_least(value: Any, name: str, minimum: int) -> Fraction | float:
    number = _real(value, name)
    if number < minimum:
        raise StrategyArgumentError(f"{name}: expected a number >= {minimum}, got {value!r}")
    return number


class _Scale(NamedTuple):
    """How payoff values are drawn: exact on a grid of ``1/d`` or float, within bounds."""

    exact: bool
    low: Fraction | float
    high: Fraction | float
    denominators: tuple[int, ...]      # grids 1/d with a point in [low, high]


def _scale(exact: Any, min_value: Any, max_value: Any, max_denominator: Any, *, points: int = 1) -> _Scale:
    """Check the value arguments; ``points`` values must fit (distinct grid points, or a float span)."""
    exact = _flag(exact, "exact")
    low, high = _real(min_value, "min_value"), _real(max_value, "max_value")
    if low > high:
        raise StrategyArgumentError(f"min_value, max_value: expected min_value <= max_value, "
                                    f"got {min_value!r} > {max_value!r}")
    max_denominator = _integer(max_denominator, "max_denominator", 1, 10**6)
    if not exact:
        if points > 1 and high - low < 1:
            raise StrategyArgumentError(f"min_value, max_value: expected max_value - min_value >= 1, "
                                        f"got {min_value!r}, {max_value!r}")
        return _Scale(False, float(low), float(high), ())
    low, high = Fraction(low), Fraction(high)
    grids = tuple(d for d in range(1, max_denominator + 1)
                  if math.floor(high * d) - math.ceil(low * d) + 1 >= points)
    if not grids:
        raise StrategyArgumentError(f"min_value, max_value: expected {points} multiple(s) of 1/d for some "
                                    f"d <= max_denominator={max_denominator} in [{min_value!r}, {max_value!r}]")
    return _Scale(True, low, high, grids)


def _exact(units: int, d: int) -> int | Fraction:
    return _numbers.simplify_exact(Fraction(units, d))


def _game_argument(game: Any, name: str = "game") -> NormalFormGame:
    if not isinstance(game, NormalFormGame):
        raise StrategyArgumentError(f"{name}: expected a NormalFormGame, got {type(game).__name__}")
    return game


# ----------------------------------------------------------- general games
#: A bound on the payoff values one game may draw, checked before anything is drawn so that a
#: huge shape fails at once instead of hanging. Hypothesis bounds the data of one example more
#: tightly still: about 800 floats, or a few thousand small integers, fit (it reports larger
#: draws as too large to generate).
_MAX_VALUES = 10_000


def _distinct_entries(shape: tuple[int, ...], symmetric: bool) -> int:
    """How many payoff values a game of this shape draws."""
    n = len(shape)
    if symmetric:
        return shape[0] * math.comb(shape[0] + n - 2, n - 1)
    return n * math.prod(shape)


def _shape(draw: Any, players: Any, actions: Any, symmetric: bool, *, equal: bool = False,
           minimum_actions: int = 1, per_entry: int = 1) -> tuple[int, ...]:
    """Draw the number of actions of each player (``equal``: the same for all), after checking
    that the largest game fits in one example."""
    equal = equal or symmetric
    if isinstance(actions, list):
        if not actions:
            raise StrategyArgumentError("actions: expected a non-empty list of action counts, got []")
        counts = tuple(_integer(a, f"actions[{k}]", minimum_actions) for k, a in enumerate(actions))
        low, high = _count_range(players, "players", 1)
        if not low <= len(counts) <= high:
            raise StrategyArgumentError(f"players, actions: a list of {len(counts)} action counts needs "
                                        f"{len(counts)} players, but players is {players!r}")
        if equal and len(set(counts)) > 1:
            raise StrategyArgumentError(f"actions: expected equal action counts, got {actions!r}")
        largest = counts
    else:
        low, high = _count_range(players, "players", 1)
        a_low, a_high = _count_range(actions, "actions", minimum_actions)
        largest = (a_high,) * high
    values = _distinct_entries(largest, symmetric) * per_entry
    if values > _MAX_VALUES:
        raise StrategyArgumentError(
            f"players, actions: the largest game would draw {values} values, more than one Hypothesis "
            f"example holds (at most {_MAX_VALUES}); use fewer players or actions")
    if isinstance(actions, list):
        return largest
    n = draw(st.integers(low, high))
    if equal:
        return (draw(st.integers(a_low, a_high)),) * n
    return tuple(draw(st.integers(a_low, a_high)) for _ in range(n))


def _keys(shape: tuple[int, ...], symmetric: bool) -> tuple[list, Any]:
    """The distinct payoff entries of a game: every (player, profile), or for a symmetric
    game every (own action, sorted actions of the others); and the map to them."""
    n = len(shape)
    if not symmetric:
        keys = [(i, profile) for i in range(n) for profile in np.ndindex(*shape)]
        return keys, lambda i, profile: (i, profile)
    m = shape[0]
    keys = [(own, others) for own in range(m)
            for others in itertools.combinations_with_replacement(range(m), n - 1)]
    return keys, lambda i, profile: (profile[i], tuple(sorted(profile[:i] + profile[i + 1:])))


def _assemble(shape: tuple[int, ...], lookup: Any, values: dict) -> NormalFormGame:
    arrays = []
    for i in range(len(shape)):
        array = np.empty(shape, dtype=object)
        for profile in np.ndindex(*shape):
            array[profile] = values[lookup(i, profile)]
        arrays.append(array)
    return NormalFormGame(arrays)


def _values(draw: Any, scale: _Scale, count: int, d: int, *, distinct: bool = False,
            low: Any = None, high: Any = None) -> list:
    """``count`` values in ``[low, high]`` (default the scale's bounds): grid units for
    exact scales (integers, value = units / d), floats otherwise."""
    if scale.exact:
        low = math.ceil(scale.low * d) if low is None else low
        high = math.floor(scale.high * d) if high is None else high
        if distinct and high - low + 1 < count:
            raise StrategyArgumentError(f"distinct: {count} distinct values do not fit in "
                                        f"[min_value, max_value] on the grid 1/{d}")
        if distinct and high - low + 1 <= 4 * count:        # a tight pool: permute it
            return draw(st.permutations(range(low, high + 1)))[:count]
        element = st.integers(low, high)
    else:
        low = scale.low if low is None else low
        high = scale.high if high is None else high
        element = st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=False)
    return draw(st.lists(element, min_size=count, max_size=count, unique=distinct))


@st.composite
def normal_form_games(draw: Any, players: Any = 2, actions: Any = 2, *, exact: bool = True,
                      symmetric: bool = False, min_value: Any = -10, max_value: Any = 10,
                      max_denominator: int = 1, distinct: bool = False) -> NormalFormGame:
    """Finite games in normal form with bounded payoffs.

    Parameters
    ----------
    players : int or (int, int), optional
        The number of players, or an inclusive ``(min, max)`` range (default 2).
    actions : int, (int, int) or list of int, optional
        Each player's number of actions: a fixed count, an inclusive ``(min, max)``
        range drawn per player (once for all in a symmetric game), or a *list*
        giving each player's count (its length is then the number of players).
    exact : bool, optional
        ``int``/``Fraction`` payoffs (default) or floats.
    symmetric : bool, optional
        Symmetric games (:func:`~cybergames.games.predicates.is_symmetric`):
        every player has the same actions and a player's payoff depends on its
        own action and the multiset of the others' actions only.
    min_value, max_value : int, Fraction or float, optional
        Bounds of every payoff (default -10 and 10).
    max_denominator : int, optional
        Exact games: payoffs are multiples of ``1/d`` for one drawn
        ``d <= max_denominator`` (default 1: integers).
    distinct : bool, optional
        Each player's payoffs differ across profiles (for symmetric games, the
        payoff function's values differ), so that no player is ever indifferent
        between two pure actions.

    Notes
    -----
    Every payoff is drawn, so the size of a game is bounded by what one
    Hypothesis example holds: about 800 float payoffs (two players with 20
    actions each) or a few thousand small integers; Hypothesis reports larger
    games as too large to generate. Shapes that could need more than 10,000
    values are refused at once.

    Raises
    ------
    StrategyArgumentError
        If an argument is of the wrong type or out of range (when drawn from).

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(normal_form_games(3, (2, 4), exact=False))
    ... def test_shape(game):
    ...     assert game.num_players == 3 and all(2 <= m <= 4 for m in game.shape)
    ...     assert game.kind == "float"
    >>> test_shape()
    """
    symmetric = _flag(symmetric, "symmetric")
    distinct = _flag(distinct, "distinct")
    scale = _scale(exact, min_value, max_value, max_denominator)
    shape = _shape(draw, players, actions, symmetric)
    keys, lookup = _keys(shape, symmetric)
    d = draw(st.sampled_from(scale.denominators)) if scale.exact else 1
    if distinct and not symmetric:            # distinct within each player's array
        per_player = len(keys) // len(shape)
        drawn = [v for _ in shape for v in _values(draw, scale, per_player, d, distinct=True)]
    else:
        drawn = _values(draw, scale, len(keys), d, distinct=distinct)
    values = {key: (_exact(v, d) if scale.exact else v) for key, v in zip(keys, drawn)}
    return _assemble(shape, lookup, values)


@st.composite
def coordination_games(draw: Any, players: Any = 2, actions: Any = 2, *, exact: bool = True,
                       symmetric: bool = False, min_value: Any = -10, max_value: Any = 10,
                       max_denominator: int = 1) -> NormalFormGame:
    """Coordination games: each diagonal profile ``(k, ..., k)`` is a strict equilibrium.

    The off-diagonal payoffs are drawn freely below ``max_value``; each player's
    payoff at a diagonal profile is then drawn above every payoff it could get
    by deviating alone from it, so every player strictly prefers to match when
    all others match (:func:`~cybergames.games.predicates.is_coordination_game`).
    Arguments as for :func:`normal_form_games`; ``players`` and ``actions`` are
    at least 2, every player has the same number of actions, and the bounds
    leave room for two values (two grid points; a span of 1 for floats).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import is_coordination_game
    >>> @given(coordination_games(players=(2, 3), actions=(2, 3)))
    ... def test_matching_is_an_equilibrium(game):
    ...     assert is_coordination_game(game)
    >>> test_matching_is_an_equilibrium()
    """
    symmetric = _flag(symmetric, "symmetric")
    scale = _scale(exact, min_value, max_value, max_denominator, points=2)
    _count_range(players, "players", 2)
    if isinstance(actions, list):
        raise StrategyArgumentError(f"actions: coordination games give every player the same number "
                                    f"of actions; expected an int or (min, max), got {actions!r}")
    shape = _shape(draw, players, actions, symmetric, equal=True, minimum_actions=2)
    n, m = len(shape), shape[0]
    keys, lookup = _keys(shape, symmetric)
    diagonal = {lookup(i, (k,) * n): (i, k) for k in range(m) for i in range(n)}
    free = [key for key in keys if key not in diagonal]
    d = draw(st.sampled_from(scale.denominators)) if scale.exact else 1
    if scale.exact:
        top = math.floor(scale.high * d)                  # free values leave room above them
        drawn = _values(draw, scale, len(free), d, high=top - 1)
    else:
        top = scale.high
        drawn = _values(draw, scale, len(free), d, high=top - _FLOAT_GAP)
    values = dict(zip(free, drawn))
    for key, (i, k) in diagonal.items():
        deviations = []
        for a in range(m):
            if a != k:
                profile = [k] * n
                profile[i] = a
                deviations.append(values[lookup(i, tuple(profile))])
        best = max(deviations)
        if scale.exact:
            values[key] = draw(st.integers(best + 1, top))
        else:
            values[key] = draw(st.floats(best + _FLOAT_GAP / 2, top, allow_nan=False, allow_infinity=False))
    if scale.exact:
        values = {key: _exact(v, d) for key, v in values.items()}
    return _assemble(shape, lookup, values)


# ----------------------------------------------------- the classic dilemmas
def _gaps(draw: Any, exact: Any, max_gap: Any, max_denominator: Any) -> tuple[bool, Any, int]:
    exact = _flag(exact, "exact")
    gap = _at_least(max_gap, "max_gap", 1)
    d = _integer(max_denominator, "max_denominator", 1, 10**6)
    return exact, (math.floor(gap) if exact else float(gap)), draw(st.integers(1, d)) if exact else 1


def _base(draw: Any, exact: bool, max_gap: Any) -> Any:
    if exact:
        return draw(st.integers(-max_gap, max_gap))
    return draw(st.floats(-max_gap, max_gap, allow_nan=False, allow_infinity=False, allow_subnormal=False))


def _gap(draw: Any, exact: bool, max_gap: Any, upper: Any = None, zero: bool = False) -> Any:
    """A gap in ``[1, max_gap]`` (ints) or ``[1/64, max_gap]`` (floats), at most ``upper``; 0 allowed if ``zero``."""
    high = max_gap if upper is None else min(max_gap, upper)
    if exact:
        return draw(st.integers(0 if zero else 1, high))
    return draw(st.floats(0.0 if zero else _FLOAT_GAP, high, allow_nan=False, allow_infinity=False,
                          allow_subnormal=False))


def _scaled(values: Sequence[Any], exact: bool, d: int) -> list:
    return [_exact(v, d) for v in values] if exact else list(values)


@st.composite
def prisoners_dilemmas(draw: Any, *, exact: bool = True, max_gap: Any = 100, repeated: bool = False,
                       max_denominator: int = 1) -> NormalFormGame:
    """Prisoner's dilemmas ``prisoners_dilemma(T, R, P, S)`` with T > R > P > S, built, not filtered.

    S is drawn in ``[-max_gap, max_gap]``, then each of P - S, R - P and T - R
    in ``[1, max_gap]`` (exact) or ``[1/64, max_gap]`` (float).

    Parameters
    ----------
    exact : bool, optional
        Integer payoffs (Fractions with ``max_denominator > 1``: all four
        divided by one drawn ``d <= max_denominator``) or floats.
    max_gap : int or float, optional
        Bound of S's magnitude and of each gap, at least 1 (default 100).
    repeated : bool, optional
        Also ``2R > T + S`` (T - R < R - S), as repeated-game texts assume.
    max_denominator : int, optional
        See ``exact`` (default 1).

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(prisoners_dilemmas(repeated=True))
    ... def test_order(game):
    ...     (R, S), (T, P) = game.payoffs[0].tolist()
    ...     assert T > R > P > S and 2 * R > T + S
    >>> test_order()
    """
    exact, max_gap, d = _gaps(draw, exact, max_gap, max_denominator)
    repeated = _flag(repeated, "repeated")
    S = _base(draw, exact, max_gap)
    P = S + _gap(draw, exact, max_gap)
    R = P + _gap(draw, exact, max_gap)
    if not repeated:
        upper = None
    else:                                   # T - R < R - S, with a margin
        upper = R - S - 1 if exact else (R - S) * (1 - _FLOAT_GAP)
    T = R + _gap(draw, exact, max_gap, upper)
    return prisoners_dilemma(*_scaled((T, R, P, S), exact, d))


@st.composite
def stag_hunts(draw: Any, *, exact: bool = True, max_gap: Any = 100, max_denominator: int = 1) -> NormalFormGame:
    """Stag hunts ``stag_hunt(T=T, R=R, P=P, S=S)`` with R > T >= P > S (T = P allowed), built.

    Arguments as for :func:`prisoners_dilemmas`; T - P is drawn from
    ``[0, max_gap]``.

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(stag_hunts(exact=False))
    ... def test_both_hunts_are_strict_equilibria(game):
    ...     assert game.best_responses(0, (None, "Stag")) == ("Stag",)
    ...     assert game.best_responses(0, (None, "Hare")) == ("Hare",)
    >>> test_both_hunts_are_strict_equilibria()
    """
    exact, max_gap, d = _gaps(draw, exact, max_gap, max_denominator)
    S = _base(draw, exact, max_gap)
    P = S + _gap(draw, exact, max_gap)
    T = P + _gap(draw, exact, max_gap, zero=True)
    R = T + _gap(draw, exact, max_gap)
    R, T, P, S = _scaled((R, T, P, S), exact, d)
    return stag_hunt(R=R, T=T, P=P, S=S)


@st.composite
def chickens(draw: Any, *, exact: bool = True, max_gap: Any = 100, max_denominator: int = 1) -> NormalFormGame:
    """Games of chicken ``chicken(T, R, P, S)`` with T > R > S > P, built.

    Arguments as for :func:`prisoners_dilemmas`.

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(chickens())
    ... def test_best_reply_is_the_opposite(game):
    ...     assert game.best_responses(0, (None, "Straight")) == ("Swerve",)
    ...     assert game.best_responses(0, (None, "Swerve")) == ("Straight",)
    >>> test_best_reply_is_the_opposite()
    """
    exact, max_gap, d = _gaps(draw, exact, max_gap, max_denominator)
    P = _base(draw, exact, max_gap)
    S = P + _gap(draw, exact, max_gap)
    R = S + _gap(draw, exact, max_gap)
    T = R + _gap(draw, exact, max_gap)
    T, R, P, S = _scaled((T, R, P, S), exact, d)
    return chicken(T=T, R=R, P=P, S=S)


@st.composite
def public_goods_games(draw: Any, players: Any = (2, 5), *, exact: bool = True,
                       max_cost: Any = 10) -> NormalFormGame:
    """Linear public-goods games ``public_goods(n, multiplier, cost)`` with 1 < m < n, c > 0.

    Parameters
    ----------
    players : int or (int, int), optional
        The number of players n, or a range (default 2 to 5; at most 16, the
        game has 2**n profiles).
    exact : bool, optional
        Exact multiplier and cost (``m = 1 + j/q`` with ``q <= 12``, integer
        cost) or floats (``m`` at least 1/64 inside (1, n), cost >= 1/64).
    max_cost : int or float, optional
        Bound of the cost, at least 1 (default 10).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import is_public_goods_game
    >>> @given(public_goods_games(players=(2, 4)))
    ... def test_is_linear_public_good(game):
    ...     assert is_public_goods_game(game)
    >>> test_is_linear_public_good()
    """
    exact = _flag(exact, "exact")
    low, high = _count_range(players, "players", 2, 16)
    top = _at_least(max_cost, "max_cost", 1)
    n = draw(st.integers(low, high))
    if exact:
        q = draw(st.integers(2, 12))
        multiplier = 1 + Fraction(draw(st.integers(1, (n - 1) * q - 1)), q)
        cost = draw(st.integers(1, math.floor(top)))
    else:
        multiplier = draw(st.floats(1 + _FLOAT_GAP, n - _FLOAT_GAP, allow_nan=False))
        cost = draw(st.floats(_FLOAT_GAP, float(top), allow_nan=False))
    return public_goods(n, _numbers.simplify_exact(multiplier), cost)


# ------------------------------------------------------------- mixed play
def _mixed_action(draw: Any, size: int, exact: bool, full_support: bool) -> tuple:
    anchor = draw(st.integers(0, size - 1))           # one action keeps a positive weight
    if exact:
        weights = draw(st.lists(st.integers(1 if full_support else 0, 20), min_size=size, max_size=size))
        weights[anchor] += 1
        total = sum(weights)
        return tuple(_exact(w, total) for w in weights)
    weights = draw(st.lists(st.floats(_FLOAT_GAP if full_support else 0.0, 1.0, allow_nan=False),
                            min_size=size, max_size=size))
    weights[anchor] = max(weights[anchor], _FLOAT_GAP)
    total = math.fsum(weights)
    return tuple(w / total for w in weights)


def _exactness(game: NormalFormGame, exact: Any) -> bool:
    return game.kind != _numbers.FLOAT if exact is None else _flag(exact, "exact")


@st.composite
def mixed_actions(draw: Any, game: NormalFormGame, player: Any, *, exact: Any = None,
                  full_support: bool = False) -> tuple:
    """Mixed actions of one player: probability vectors over its actions, in action order.

    Parameters
    ----------
    game : NormalFormGame
    player : int or str
        Index or label.
    exact : bool or None, optional
        Fractions summing exactly to one, or floats summing to one up to
        rounding; None (default) follows the game (floats for float games).
    full_support : bool, optional
        Every action gets a positive probability.

    Returns
    -------
    tuple
        One probability per action (pure actions, zero elsewhere, are drawn too).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import matching_pennies
    >>> @given(mixed_actions(matching_pennies(), "1"))
    ... def test_probabilities(sigma):
    ...     assert sum(sigma) == 1 and min(sigma) >= 0
    >>> test_probabilities()
    """
    game = _game_argument(game)
    try:
        i = game.player_index(player)
    except GameError as exc:
        raise StrategyArgumentError(f"player: {exc}") from exc
    return _mixed_action(draw, game.shape[i], _exactness(game, exact), _flag(full_support, "full_support"))


@st.composite
def mixed_profiles(draw: Any, game: NormalFormGame, *, exact: Any = None, full_support: bool = False) -> tuple:
    """Profiles of mixed actions, one probability vector per player (see :func:`mixed_actions`).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import prisoners_dilemma
    >>> game = prisoners_dilemma()
    >>> @given(mixed_profiles(game))
    ... def test_expected_payoffs_are_exact(profile):
    ...     assert all(not isinstance(u, float) for u in game.expected_payoffs(profile))
    >>> test_expected_payoffs_are_exact()
    """
    game = _game_argument(game)
    exact = _exactness(game, exact)
    full_support = _flag(full_support, "full_support")
    return tuple(_mixed_action(draw, size, exact, full_support) for size in game.shape)


# ------------------------------------------------------- invariance helpers
class AffineTransformation(NamedTuple):
    """A positive affine map ``u -> scale * u + shift`` of one player's payoffs (``scale > 0``)."""

    scale: Any
    shift: Any

    def apply(self, game: NormalFormGame, player: Any) -> NormalFormGame:
        """``game`` with ``player``'s payoffs transformed (:meth:`NormalFormGame.transform_payoffs`)."""
        return game.transform_payoffs(player, self.scale, self.shift)


@st.composite
def positive_affine_transformations(draw: Any, *, exact: bool = True, max_scale: Any = 16,
                                    max_shift: Any = 100) -> AffineTransformation:
    """Positive affine transformations: a scale in ``[1/max_scale, max_scale]`` and a shift.

    Best responses, equilibria and incentive conditions are invariant under
    them, player by player.

    Parameters
    ----------
    exact : bool, optional
        Fractions (denominators up to 16) or floats.
    max_scale : int or float, optional
        At least 1 (default 16).
    max_shift : int or float, optional
        The shift lies in ``[-max_shift, max_shift]``; at least 0 (default 100).

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import prisoners_dilemma, is_prisoners_dilemma
    >>> @given(positive_affine_transformations())
    ... def test_both_players_transformed_alike_stay_dilemmas(f):
    ...     game = f.apply(f.apply(prisoners_dilemma(), 0), 1)
    ...     assert is_prisoners_dilemma(game)
    >>> test_both_players_transformed_alike_stay_dilemmas()
    """
    exact = _flag(exact, "exact")
    top = _at_least(max_scale, "max_scale", 1)
    shift_bound = _real(max_shift, "max_shift")
    if shift_bound < 0:
        raise StrategyArgumentError(f"max_shift: expected a number >= 0, got {max_shift!r}")
    if exact:
        top, shift_bound = Fraction(top), Fraction(shift_bound)
        scale = draw(st.fractions(1 / top, top, max_denominator=16))
        shift = draw(st.fractions(-shift_bound, shift_bound, max_denominator=16))
        return AffineTransformation(_numbers.simplify_exact(scale), _numbers.simplify_exact(shift))
    scale = draw(st.floats(1 / float(top), float(top), allow_nan=False))
    shift = draw(st.floats(-float(shift_bound), float(shift_bound), allow_nan=False, allow_subnormal=False))
    return AffineTransformation(scale, shift)


@st.composite
def action_permutations(draw: Any, game: NormalFormGame) -> tuple[tuple[int, ...], ...]:
    """One reordering of the actions per player, for :meth:`NormalFormGame.permute_actions`.

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import battle_of_the_sexes
    >>> game = battle_of_the_sexes()
    >>> @given(action_permutations(game))
    ... def test_relabelling_keeps_payoffs(orders):
    ...     relabelled = game
    ...     for player, order in enumerate(orders):
    ...         relabelled = relabelled.permute_actions(player, order)
    ...     assert all(relabelled.payoff(p) == game.payoff(p) for p in game.profiles())
    >>> test_relabelling_keeps_payoffs()
    """
    game = _game_argument(game)
    return tuple(tuple(draw(st.permutations(range(m)))) for m in game.shape)


@st.composite
def player_permutations(draw: Any, game: NormalFormGame) -> tuple[int, ...]:
    """A reordering of the players, for :meth:`NormalFormGame.permute_players`.

    Examples
    --------
    >>> from hypothesis import given
    >>> from cybergames import trust_game
    >>> @given(player_permutations(trust_game()))
    ... def test_order(order):
    ...     assert sorted(order) == [0, 1]
    >>> test_order()
    """
    game = _game_argument(game)
    return tuple(draw(st.permutations(range(game.num_players))))


# ------------------------------------------------------------ symbolic games
class SymbolicGame(NamedTuple):
    """A symbolic game, values for its symbols, and the numeric game they give.

    ``numeric`` is computed from the drawn coefficients with plain Python
    arithmetic, independently of sympy, so ``game.subs(values) == numeric``
    holds exactly for exact values (and up to rounding for floats).
    """

    game: NormalFormGame
    values: dict
    numeric: NormalFormGame


@st.composite
def symbolic_games(draw: Any, players: Any = 2, actions: Any = 2, *, names: Sequence[str] = ("x", "y", "z"),
                   exact: bool = True, min_value: Any = -10, max_value: Any = 10,
                   max_denominator: int = 1) -> SymbolicGame:
    r"""Games whose payoffs are polynomials in a few real symbols, with values for the symbols.

    Each payoff is :math:`c_0 + \sum_j c_j s_j + q\, s_1 s_2` with an integer
    constant :math:`c_0` in ``[min_value, max_value]`` and small integer
    coefficients (the product term only with two or more symbols); every symbol
    occurs in some payoff, so the game is symbolic. The symbols are
    ``sympy.Symbol(name, real=True)`` for the first 1 to ``len(names)`` names.

    Parameters
    ----------
    players, actions : as for :func:`normal_form_games`
    names : sequence of str, optional
        Names of the symbols that may be used (default ``("x", "y", "z")``).
    exact : bool, optional
        Exact values for the symbols (integers, or multiples of ``1/d`` with
        ``max_denominator``) or floats.
    min_value, max_value : optional
        Bounds of the constants and of the symbols' values.

    Returns
    -------
    SymbolicGame
        ``(game, values, numeric)``.

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(symbolic_games())
    ... def test_subs(case):
    ...     assert case.game.is_symbolic and case.game.subs(case.values) == case.numeric
    >>> test_subs()
    """
    if isinstance(names, str) or not isinstance(names, Sequence) or not names \
            or not all(isinstance(name, str) and name.isidentifier() for name in names) \
            or len(set(names)) != len(names):
        raise StrategyArgumentError(f"names: expected a non-empty sequence of distinct identifiers, got {names!r}")
    scale = _scale(exact, min_value, max_value, max_denominator)
    shape = _shape(draw, players, actions, symmetric=False, per_entry=len(names) + 2)
    k = draw(st.integers(1, len(names)))
    symbols = [sympy.Symbol(name, real=True) for name in names[:k]]
    d = draw(st.sampled_from(scale.denominators)) if scale.exact else 1
    raw_values = _values(draw, scale, k, d)
    values = [_exact(v, d) for v in raw_values] if scale.exact else raw_values
    entries = len(shape) * math.prod(shape)
    low, high = math.ceil(scale.low), math.floor(scale.high)
    if low > high:
        raise StrategyArgumentError(f"min_value, max_value: the constants are integers; expected one "
                                    f"in [{min_value!r}, {max_value!r}]")
    constants = draw(st.lists(st.integers(low, high), min_size=entries, max_size=entries))
    coefficients = [draw(st.lists(st.integers(-3, 3), min_size=k, max_size=k)) for _ in range(entries)]
    for j in range(k):                          # every symbol occurs somewhere
        where = draw(st.integers(0, entries - 1))
        if coefficients[where][j] == 0:
            coefficients[where][j] = draw(st.sampled_from((1, -1, 2, -2, 3, -3)))
    products = draw(st.lists(st.integers(-2, 2), min_size=entries, max_size=entries)) if k >= 2 \
        else [0] * entries
    symbolic, numeric = [], []
    for c0, cs, q in zip(constants, coefficients, products):
        expression = sympy.Integer(c0) + sum((c * s for c, s in zip(cs, symbols)), sympy.Integer(0))
        number = c0 + sum(c * v for c, v in zip(cs, values))
        if q:
            expression += q * symbols[0] * symbols[1]
            number += q * values[0] * values[1]
        symbolic.append(expression)
        numeric.append(number)
    size = math.prod(shape)
    arrays = [np.array(symbolic[i * size:(i + 1) * size], dtype=object).reshape(shape) for i in range(len(shape))]
    numbers = [np.array(numeric[i * size:(i + 1) * size], dtype=object).reshape(shape) for i in range(len(shape))]
    return SymbolicGame(NormalFormGame(arrays), dict(zip(symbols, values)), NormalFormGame(numbers))


# =============================================================================
# Re-exports: strategies of the repeated-game and signalling subpackages
# -----------------------------------------------------------------------------
# cybergames/repeated/_strategies.py and cybergames/signalling/_strategies.py
# (automata, monitoring structures, signalling games, ...) list their public
# strategies in ``__all__``; every name listed there is re-exported here, so that
# users import all strategies from ``cybergames.strategies``. Those modules may
# import the strategies above from this module; nothing else should import them,
# so this module is always initialised first. A module that does not exist yet
# is skipped; any other import error propagates.
# =============================================================================
_SUBPACKAGE_STRATEGIES = ("cybergames.repeated._strategies", "cybergames.signalling._strategies")


def _reexport(module_name: str, namespace: dict, exported: list) -> None:
    """Copy the names in ``module_name.__all__`` into ``namespace`` and ``exported``."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return
    for name in module.__all__:
        namespace[name] = getattr(module, name)
        if name not in exported:
            exported.append(name)


for _module_name in _SUBPACKAGE_STRATEGIES:
    _reexport(_module_name, globals(), __all__)
_reexport("cybergames.stochastic._strategies", globals(), __all__)
_reexport("cybergames.extensive._strategies", globals(), __all__)
_reexport("cybergames.games._strategies", globals(), __all__)
