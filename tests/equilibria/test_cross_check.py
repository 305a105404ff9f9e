"""Independent enumerations agree with ours: QuantEcon, Gambit, and (where it works) nashpy.

Random games with payoffs uniform on [0, 1) are nondegenerate with probability one. QuantEcon's
``vertex_enumeration`` (numba, float) and Gambit's ``enummixed_solve`` (float or rational) list
every equilibrium of such games; nashpy's ``support_enumeration`` misses some.
"""

import warnings

import nashpy
import numpy as np
import pytest

qe = pytest.importorskip("quantecon.game_theory", reason='needs quantecon: pip install ".[crosscheck]"')

from cybergames import NormalFormGame, nash_equilibria, verify

from ..gambit_compat import enummixed, needs_pygambit


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
    return enummixed((A, B), rational)


def _random_game(size, seed):
    rng = np.random.default_rng(seed)
    return rng.random((size, size)), rng.random((size, size))


@needs_pygambit
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


@needs_pygambit
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


@needs_pygambit
@pytest.mark.parametrize("seed", [13, 18, 25])
def test_we_find_a_superset_of_nashpys_support_enumeration(seed):
    # 4x4 games found by scanning seeds where nashpy 0.0.43's support enumeration can miss an
    # equilibrium: it keeps a solution of a support's indifference equations only if every
    # probability is >= 0, and an unplayed action may come out as -1.6e-17 instead of 0 depending
    # on the CPU's BLAS kernel. What is true of ours on every machine: we agree with QuantEcon and
    # Gambit, every equilibrium nashpy returns is among ours, and nashpy's vertex enumeration
    # (which has no such test) agrees with us.
    A, B = _random_game(4, seed)
    ours = [eq.strategies for eq in nash_equilibria(NormalFormGame([A, B]))]
    assert _same_sets(ours, _quantecon(A, B)) and _same_sets(ours, _gambit(A, B, rational=False))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        support = list(nashpy.Game(A, B).support_enumeration())
        vertex = list(nashpy.Game(A, B).vertex_enumeration())
    assert len(support) <= len(ours)
    assert all(any(np.allclose(_flat(s), _flat(o), atol=1e-7) for o in ours) for s in support)
    assert _same_sets(ours, vertex)


@needs_pygambit
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
