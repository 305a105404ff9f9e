"""Benchmarks of nash_equilibria against nashpy, QuantEcon and Gambit (run with --benchmarks).

One run times every solver on the same games, so that the figures are
comparable on a shared machine::

    python -m pytest tests/benchmarks/equilibria --benchmarks --benchmark-columns=min,median,rounds

On a busy machine add ``--benchmark-timer=time.process_time``: the process's CPU
time leaves out the time it waits for a core, which is most of the wall time of
a 10 ms solve when other processes share the cores.

Float games have payoffs uniform on [0, 1) (nondegenerate with probability
one); exact games have integer payoffs in 0..999. Each solver's answer is
checked against ours, so a benchmark that passes also cross-checks. Slow
solvers are limited in size: nashpy's vertex enumeration up to 8x8 (about a
minute at 10x10), Gambit's float enumeration up to 10x10 (over a minute at
12x12), its rational one up to 8x8.
"""

import warnings

import nashpy
import numpy as np
import pygambit
import pytest
import quantecon.game_theory as qe

from cybergames import NormalFormGame, nash_equilibria, verify

from ...gambit_compat import strategic

SIZES = [4, 6, 8, 10, 12]
#: Square float games against both QuantEcon solvers (support enumeration only up to 10x10: 0.35 s there).
FLOAT_SIZES = [4, 6, 8, 10, 12, 14]
SUPPORT_SIZES = [4, 6, 8, 10]


def float_payoffs(size):
    rng = np.random.default_rng([size, 2024])
    return rng.random((size, size)), rng.random((size, size))


def integer_payoffs(size):
    rng = np.random.default_rng([size, 2025])
    return rng.integers(0, 1000, (size, size)), rng.integers(0, 1000, (size, size))


def _rounds(size, fast=20, slow=3):
    return fast if size <= 8 else slow if size <= 12 else 3


def _group(benchmark, size, kind):
    benchmark.group = f"{kind} {size}x{size}"


def _count_matches(benchmark, ours, theirs):
    benchmark.extra_info["equilibria"] = len(ours)
    assert len(theirs) == len(ours)


@pytest.fixture(scope="module")
def quantecon_warm():
    """Compile QuantEcon's numba kernels before timing them."""
    A, B = float_payoffs(3)
    qe.vertex_enumeration(qe.NormalFormGame(np.stack([A, B], axis=-1)))


@pytest.fixture(scope="module")
def cybergames_warm():
    """Load (or compile, the first time) the pivoting kernels before timing them, as for QuantEcon's."""
    A, B = float_payoffs(3)
    nash_equilibria(NormalFormGame([A, B]))                     # both polytopes in one kernel
    A, B = integer_payoffs(3)
    nash_equilibria(NormalFormGame([A.tolist(), B.tolist()]))   # one polytope at a time


@pytest.mark.parametrize("size", FLOAT_SIZES)
def test_bench_cybergames_float(benchmark, cybergames_warm, size):
    _group(benchmark, size, "float")
    game = NormalFormGame(list(float_payoffs(size)))
    equilibria = benchmark.pedantic(nash_equilibria, (game,), rounds=_rounds(size, 50, 10), iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    assert equilibria.method == "vertex enumeration"


@pytest.mark.parametrize("size", FLOAT_SIZES)
def test_bench_quantecon_float(benchmark, quantecon_warm, size):
    _group(benchmark, size, "float")
    A, B = float_payoffs(size)
    game = qe.NormalFormGame(np.stack([A, B], axis=-1))
    result = benchmark.pedantic(qe.vertex_enumeration, (game,), rounds=_rounds(size, 50, 10), iterations=1)
    _count_matches(benchmark, nash_equilibria(NormalFormGame([A, B])), result)


@pytest.mark.parametrize("size", SUPPORT_SIZES)
def test_bench_quantecon_support_float(benchmark, quantecon_support_warm, size):
    _group(benchmark, size, "float")
    A, B = float_payoffs(size)
    game = qe.NormalFormGame(np.stack([A, B], axis=-1))
    result = benchmark.pedantic(qe.support_enumeration, (game,), rounds=_rounds(size, 50, 3), iterations=1)
    _count_matches(benchmark, nash_equilibria(NormalFormGame([A, B])), result)


@pytest.mark.parametrize("size", [4, 6, 8])
def test_bench_nashpy_vertex_enumeration(benchmark, size):
    _group(benchmark, size, "float")
    A, B = float_payoffs(size)
    game = nashpy.Game(A, B)

    def run():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return list(game.vertex_enumeration())

    result = benchmark.pedantic(run, rounds=3 if size <= 6 else 1, iterations=1)
    _count_matches(benchmark, nash_equilibria(NormalFormGame([A, B])), result)


@pytest.mark.parametrize("size", [4, 6, 8, 10])
def test_bench_gambit_float(benchmark, size):
    _group(benchmark, size, "float")
    A, B = float_payoffs(size)
    game = strategic(A, B)
    result = benchmark.pedantic(pygambit.nash.enummixed_solve, (game,), {"rational": False},
                                rounds=_rounds(size, 10, 1), iterations=1)
    _count_matches(benchmark, nash_equilibria(NormalFormGame([A, B])), result.equilibria)


@pytest.mark.parametrize("size", SIZES)
def test_bench_cybergames_exact(benchmark, cybergames_warm, size):
    _group(benchmark, size, "exact")
    A, B = integer_payoffs(size)
    game = NormalFormGame([A.tolist(), B.tolist()])
    equilibria = benchmark.pedantic(nash_equilibria, (game,), rounds=_rounds(size, 10, 3), iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    assert equilibria.exact


@pytest.mark.parametrize("size", [4, 6, 8])
def test_bench_gambit_rational(benchmark, size):
    _group(benchmark, size, "exact")
    A, B = integer_payoffs(size)
    game = strategic(A.astype(object), B.astype(object))
    result = benchmark.pedantic(pygambit.nash.enummixed_solve, (game,), {"rational": True},
                                rounds=3 if size <= 6 else 1, iterations=1)
    _count_matches(benchmark, nash_equilibria(NormalFormGame([A.tolist(), B.tolist()])), result.equilibria)


@pytest.mark.parametrize("exact", [False, True], ids=["float", "exact"])
def test_bench_pure_equilibria_of_a_million_profiles(benchmark, exact):
    # six players with ten actions each: 10^6 profiles
    benchmark.group = "pure equilibria, 6 players x 10 actions"
    rng = np.random.default_rng(6)
    payoffs = [rng.integers(0, 100, (10,) * 6) for _ in range(6)]
    game = NormalFormGame(payoffs if exact else [p.astype(float) for p in payoffs])
    equilibria = benchmark.pedantic(nash_equilibria, (game,), rounds=5, iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    # a check of the answer: every listed profile is a mutual best response
    assert all(verify(eq) for eq in equilibria)


# ---------------------------------------------------------------- lopsided games, against both QuantEcon solvers
LOPSIDED = [(2, 100), (3, 60), (5, 40)]


def lopsided_payoffs(shape):
    rng = np.random.default_rng([*shape, 2026])
    return rng.random(shape), rng.random(shape)


@pytest.fixture(scope="module")
def quantecon_support_warm():
    A, B = float_payoffs(3)
    qe.support_enumeration(qe.NormalFormGame(np.stack([A, B], axis=-1)))


@pytest.mark.parametrize("shape", LOPSIDED, ids=["x".join(map(str, s)) for s in LOPSIDED])
def test_bench_cybergames_lopsided(benchmark, cybergames_warm, shape):
    benchmark.group = "lopsided " + "x".join(map(str, shape))
    game = NormalFormGame(list(lopsided_payoffs(shape)))
    equilibria = benchmark.pedantic(nash_equilibria, (game,), rounds=10, iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    assert equilibria.complete and equilibria.method == "vertex enumeration (small side)"


@pytest.mark.parametrize("shape", LOPSIDED, ids=["x".join(map(str, s)) for s in LOPSIDED])
@pytest.mark.parametrize("solver", ["support_enumeration", "vertex_enumeration"])
def test_bench_quantecon_lopsided(benchmark, quantecon_warm, quantecon_support_warm, shape, solver):
    benchmark.group = "lopsided " + "x".join(map(str, shape))
    A, B = lopsided_payoffs(shape)
    game = qe.NormalFormGame(np.stack([A, B], axis=-1))
    result = benchmark.pedantic(getattr(qe, solver), (game,), rounds=3, iterations=1)
    benchmark.extra_info["equilibria"] = len(result)


# ---------------------------------------------------------------- either side of 62 labels (int64 bitmasks)
WIDE = [(8, 54), (8, 55), (5, 57), (5, 58)]


@pytest.mark.parametrize("shape", WIDE, ids=["x".join(map(str, s)) for s in WIDE])
def test_bench_cybergames_label_boundary(benchmark, shape):
    # 62 labels and 63: the time per equilibrium must not jump at the boundary
    benchmark.group = "labels " + "x".join(map(str, shape))
    game = NormalFormGame(list(lopsided_payoffs(shape)))
    equilibria = benchmark.pedantic(nash_equilibria, (game,), rounds=5, iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    benchmark.extra_info["labels"] = sum(shape)
    assert equilibria.complete
