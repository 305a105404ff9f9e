"""Benchmarks of all equilibria of three-player games: support enumeration vs Gambit's enumpoly.

One run times both solvers on the same games (run with --benchmarks)::

    python -m pytest tests/benchmarks/equilibria/test_bench_nplayer.py --benchmarks \
        --benchmark-columns=min,median,rounds

Float games have payoffs uniform on [0, 1), exact games integer payoffs in
0..99, seeded. Gambit's enumpoly solves in floating point (it is given the
float image of the exact games); cybergames solves exactly (float games on the
exact rationals of their floats). Every equilibrium Gambit reports must be
among ours (Gambit 17.0.0b2's enumpoly can miss totally mixed equilibria, see
tests/equilibria/test_nplayer.py), so a benchmark that passes also
cross-checks.
"""

import numpy as np
import pygambit
import pytest
import sympy

from cybergames import NormalFormGame, nash_equilibria, verify

from ...gambit_compat import mixed_profiles, strategic

SHAPES = [(2, 2, 2), (3, 3, 2)]


def _arrays(shape, exact):
    rng = np.random.default_rng([*shape, 11 if exact else 12])
    if exact:
        return [rng.integers(0, 100, shape) for _ in shape]
    return [rng.random(shape) for _ in shape]


def _floats(eq):
    return [np.array([float(sympy.N(v, 30)) if isinstance(v, sympy.Basic) else float(v) for v in s])
            for s in eq.strategies]


def _group(benchmark, shape, exact):
    benchmark.group = f"{'exact' if exact else 'float'} {'x'.join(map(str, shape))}"


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_bench_cybergames_support_enumeration(benchmark, shape, exact):
    _group(benchmark, shape, exact)
    game = NormalFormGame([a.tolist() if exact else a for a in _arrays(shape, exact)])
    equilibria = benchmark.pedantic(nash_equilibria, (game,), rounds=3, iterations=1)
    benchmark.extra_info["equilibria"] = len(equilibria)
    assert equilibria.method == "support enumeration" and equilibria.complete


@pytest.mark.parametrize("exact", [True, False], ids=["exact", "float"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_bench_gambit_enumpoly(benchmark, shape, exact):
    _group(benchmark, shape, exact)
    arrays = _arrays(shape, exact)
    table = strategic(*[a.astype(float) for a in arrays])
    result = benchmark.pedantic(pygambit.nash.enumpoly_solve, (table,), rounds=3, iterations=1)
    theirs = mixed_profiles(table, result)
    equilibria = nash_equilibria(NormalFormGame([a.tolist() if exact else a for a in arrays]))
    assert verify(equilibria)                       # ours, including any Gambit does not report, re-checked
    ours = [_floats(eq) for eq in equilibria]
    benchmark.extra_info["equilibria"] = len(theirs)
    benchmark.extra_info["ours"] = len(ours)
    for profile in theirs:
        assert any(all(np.allclose(x, y, atol=1e-6) for x, y in zip(profile, mine)) for mine in ours)
