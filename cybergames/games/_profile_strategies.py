"""Hypothesis strategies for mixed play and for the transformations a solver's answer must be invariant under.

Users import these from :mod:`cybergames.strategies`.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, NamedTuple

from hypothesis import strategies as st

from .. import _numbers
from ..errors import GameError, StrategyArgumentError
from .normal_form import NormalFormGame
from ._strategies import _FLOAT_GAP, _at_least, _exact, _flag, _game_argument, _real

__all__ = [
    "mixed_actions",
    "mixed_profiles",
    "positive_affine_transformations",
    "action_permutations",
    "player_permutations",
    "AffineTransformation",
]


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
