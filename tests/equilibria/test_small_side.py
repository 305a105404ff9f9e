"""Lopsided games through the small player's polytope (cybergames/equilibria/_small_side.py).

Each answer is compared with an independent route on the same game: the exact
double description of both polytopes (``fallback_enumeration``), which takes no
shortcut and handles degenerate games, or the exact solve of the same game with
each float replaced by the rational it stores. QuantEcon's support enumeration,
a float solver, is only required to be covered by our answer.
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, nash_equilibria, verify
from cybergames.equilibria import _small_side
from cybergames.equilibria import vertex_enumeration as ve


def _profiles(equilibria):
    return sorted(tuple(tuple(float(p) for p in s) for s in eq.strategies) for eq in equilibria)


def _reference(game):
    """Every extreme equilibrium by the exact double description of both polytopes."""
    enumeration = ve.fallback_enumeration(game)
    xs, ys = enumeration.actions
    return sorted((tuple(float(p) for p in xs[i]), tuple(float(p) for p in ys[j])) for i, j in enumeration.pairs)


def _reference_exact(game):
    enumeration = ve.fallback_enumeration(game)
    xs, ys = enumeration.actions
    return sorted((tuple(xs[i]), tuple(ys[j])) for i, j in enumeration.pairs)


def _exact_profiles(equilibria):
    return sorted(tuple(tuple(s) for s in eq.strategies) for eq in equilibria)


def _close(ours, theirs, atol=1e-9):
    return len(ours) == len(theirs) and all(
        np.allclose(np.concatenate(a), np.concatenate(b), atol=atol) for a, b in zip(ours, theirs))


lopsided_shapes = st.tuples(st.integers(2, 3), st.integers(10, 14), st.booleans()).map(
    lambda t: (t[0], t[1]) if t[2] else (t[1], t[0]))


@settings(max_examples=25, deadline=None)
@given(lopsided_shapes, st.integers(0, 2**32 - 1), st.booleans())
def test_random_lopsided_games_agree_with_the_double_description(shape, seed, exact):
    rng = np.random.default_rng(seed)
    if exact:
        A, B = (rng.integers(-50, 50, shape).tolist() for _ in range(2))
    else:
        A, B = rng.random(shape), rng.random(shape)
    game = NormalFormGame([A, B])
    equilibria = nash_equilibria(game)
    assert equilibria.complete and verify(equilibria)
    if exact:        # exact answers are exactly the reference's
        assert _exact_profiles(equilibria) == _reference_exact(game)
    assert _close(_profiles(equilibria), _reference(game))


@settings(max_examples=25, deadline=None)
@given(lopsided_shapes, st.integers(0, 2**32 - 1))
def test_degenerate_lopsided_games_fall_back_and_agree(shape, seed):
    # payoffs in 0..2: ties everywhere, so most of these games are degenerate and the small-side
    # route must hand over to the general routes rather than answer
    rng = np.random.default_rng(seed)
    A, B = (rng.integers(0, 3, shape).tolist() for _ in range(2))
    game = NormalFormGame([A, B])
    equilibria = nash_equilibria(game)
    assert verify(equilibria)
    reference = ve.fallback_enumeration(game)
    if equilibria.method.startswith("vertex enumeration (small side)"):
        # it answered: then the game is nondegenerate and the answer is every extreme equilibrium
        assert not reference.degenerate
        assert _exact_profiles(equilibria) == _reference_exact(game)


@pytest.mark.parametrize("shape", [(2, 100), (3, 60), (5, 40), (40, 5)])
def test_the_measured_lopsided_shapes_are_exact_and_cover_quantecon(shape):
    # The reference is the exact answer: the same game with each float replaced by the rational it
    # stores, solved in exact arithmetic (every step exact, certified complete). QuantEcon's float
    # answer is only required to be covered by ours: each of its equilibria is one of ours.
    qe = pytest.importorskip("quantecon.game_theory")
    for seed in range(2):
        rng = np.random.default_rng([seed, *shape])
        A, B = rng.random(shape), rng.random(shape)
        equilibria = nash_equilibria(NormalFormGame([A, B]))
        assert equilibria.method == "vertex enumeration (small side)" and verify(equilibria)
        exact = nash_equilibria(NormalFormGame([[[Fraction(v) for v in row] for row in M] for M in (A, B)]))
        assert exact.exact and exact.complete and not exact.degenerate and verify(exact)
        assert _close(_profiles(equilibria), _profiles(exact), atol=1e-9)
        ours = [np.concatenate(p) for p in _profiles(equilibria)]
        theirs = qe.support_enumeration(qe.NormalFormGame(np.stack([A, B], axis=-1)))
        for profile in theirs:
            assert any(np.allclose(np.concatenate(profile), mine, atol=1e-7) for mine in ours)


def test_the_route_applies_to_lopsided_shapes_only():
    assert _small_side.applies(2, 100) and _small_side.applies(100, 2) and _small_side.applies(5, 40)
    assert not _small_side.applies(6, 6) and not _small_side.applies(2, 4) and not _small_side.applies(1, 50)
    assert not _small_side.applies(9, 100)


def test_a_tie_on_the_large_side_hands_over_to_the_general_route():
    # Against column 0 the row player is indifferent between rows 0 and 1 (100 = 100), and column 0 is
    # the column player's unique best reply to row 0 (payoff 2000). The vertex x = row 0 of P is
    # simple, but its partner y = column 0 has (A y)_1 = 1 although row 1 is unplayed: a pure
    # strategy with two best replies, a degenerate game. The small-side route must hand over.
    rng = np.random.default_rng(5)
    A = rng.integers(0, 100, (2, 12))
    B = rng.integers(0, 1000, (2, 12))
    A[0, 0] = A[1, 0] = 100
    B[0, 0] = 2000
    game = NormalFormGame([A.tolist(), B.tolist()])
    with pytest.raises(ve.PolytopeError, match="boundary"):
        ve.small_side_enumeration(*(np.array(m, dtype=object) + 1 for m in (A.tolist(), B.tolist())), True, 1e-9)
    equilibria = nash_equilibria(game)
    assert not equilibria.method.startswith("vertex enumeration (small side)") and equilibria.degenerate
    assert verify(equilibria) and _exact_profiles(equilibria) == _reference_exact(game)
