"""Independent enumerations agree with ours: QuantEcon, Gambit, and (where it works) nashpy.

Random games with payoffs uniform on [0, 1) are nondegenerate with probability one. QuantEcon's
``vertex_enumeration`` (numba, float) and Gambit's ``enummixed_solve`` (float or rational) list
every equilibrium of such games; nashpy's ``support_enumeration`` misses some.
"""

import warnings
from fractions import Fraction

import nashpy
import numpy as np
import pygambit
import pytest
import quantecon.game_theory as qe

from cybergames import NormalFormGame, nash_equilibria, verify


def _flat(strategies):
    return np.concatenate([np.asarray(s, dtype=float) for s in strategies])


def _same_sets(ours, theirs, atol=1e-7):
    """Equal as sets of points (each of ours matches exactly one of theirs within atol)."""
    ours, theirs = [_flat(s) for s in ours], [_flat(s) for s in theirs]
    if len(ours) != len(theirs):
        return False
    unmatched = list(range(len(theirs)))
    for point in ours:
        hits = [k for k in unmatched if np.allclose(point, theirs[k], atol=atol)]
        if len(hits) != 1:
            return False
        unmatched.remove(hits[0])
    return True


def _quantecon(A, B):
    return qe.vertex_enumeration(qe.NormalFormGame(np.stack([A, B], axis=-1)))


def _gambit(A, B, rational):
    game = pygambit.Game.from_arrays(A, B)
    result = pygambit.nash.enummixed_solve(game, rational=rational)
    convert = (lambda v: Fraction(str(v))) if rational else float
    return [tuple([convert(eq[s]) for s in player.strategies] for player in game.players)
            for eq in result.equilibria]


def _random_game(size, seed):
    rng = np.random.default_rng(seed)
    return rng.random((size, size)), rng.random((size, size))


@pytest.mark.parametrize("size", [4, 5, 6, 7, 8, 9, 10, 11, 12])
def test_float_games_agree_with_quantecon_and_gambit(size):
    for seed in range(3 if size <= 10 else 1):
        A, B = _random_game(size, 1000 * size + seed)
        equilibria = nash_equilibria(NormalFormGame([A, B]))
        assert equilibria.method == "vertex enumeration" and not equilibria.degenerate
        ours = [eq.strategies for eq in equilibria]
        assert _same_sets(ours, _quantecon(A, B))
        if size <= 10:                          # Gambit's float enummixed takes over a minute at 12x12
            assert _same_sets(ours, _gambit(A, B, rational=False))
        assert verify(equilibria)


@pytest.mark.parametrize("size", [4, 6, 8, 10])
def test_exact_games_agree_with_gambit(size):
    # integer payoffs in 0..999; Gambit in rational arithmetic up to 6x6 (it takes seconds at 8x8),
    # in floats beyond
    rng = np.random.default_rng(size)
    A, B = rng.integers(0, 1000, (size, size)), rng.integers(0, 1000, (size, size))
    equilibria = nash_equilibria(NormalFormGame([A.tolist(), B.tolist()]))
    assert equilibria.exact
    if size <= 6:
        theirs = {tuple(tuple(s) for s in eq) for eq in _gambit(A.astype(object), B.astype(object), True)}
        assert {tuple(tuple(s) for s in eq.strategies) for eq in equilibria} == theirs
    else:
        assert _same_sets([eq.strategies for eq in equilibria], _gambit(A.astype(float), B.astype(float), False))


@pytest.mark.parametrize("seed, missed", [(13, 1), (18, 1), (25, 1)])
def test_nashpy_support_enumeration_misses_equilibria_that_we_find(seed, missed):
    # 4x4 games found by scanning seeds: nashpy 0.0.43 solves each support's indifference
    # equations and keeps a solution only if every probability is >= 0, so an unplayed action
    # computed as -1.6e-17 instead of 0 loses the equilibrium.
    A, B = _random_game(4, seed)
    ours = [eq.strategies for eq in nash_equilibria(NormalFormGame([A, B]))]
    assert _same_sets(ours, _quantecon(A, B)) and _same_sets(ours, _gambit(A, B, rational=False))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        support = list(nashpy.Game(A, B).support_enumeration())
        vertex = list(nashpy.Game(A, B).vertex_enumeration())
    assert len(support) == len(ours) - missed
    assert all(any(np.allclose(_flat(s), _flat(o), atol=1e-7) for o in ours) for s in support)
    assert _same_sets(ours, vertex)                     # nashpy's own vertex enumeration agrees


def test_exact_degenerate_games_agree_with_gambits_extreme_equilibria():
    # Payoffs in 0..2 make most games degenerate; Gambit's enummixed lists the extreme equilibria.
    rng = np.random.default_rng(7)
    degenerate = 0
    for _ in range(25):
        m, n = rng.integers(2, 5, 2)
        A, B = rng.integers(0, 3, (m, n)), rng.integers(0, 3, (m, n))
        equilibria = nash_equilibria(NormalFormGame([A.tolist(), B.tolist()]))
        degenerate += equilibria.degenerate
        theirs = {tuple(tuple(s) for s in eq) for eq in _gambit(A.astype(object), B.astype(object), True)}
        assert {tuple(tuple(s) for s in eq.strategies) for eq in equilibria} == theirs
    assert degenerate >= 20
