"""The pieces of the vertex enumeration, each against an independent computation."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, nash_equilibria, stag_hunt, verify
from cybergames._linalg import SingularMatrixError, solve
from cybergames.equilibria import _components, _double_description, _exact, _labels, _polytope, nash
from cybergames.equilibria import vertex_enumeration as ve
from cybergames.equilibria.vertex_enumeration import Enumeration


def _brute_force_vertices(matrix):
    """Vertices of {z >= 0 : M z <= 1} by trying every choice of d tight constraints (exact)."""
    k, d = matrix.shape
    rows = [[Fraction(int(i == j)) for j in range(d)] for i in range(d)] + [[Fraction(v) for v in r] for r in matrix]
    rhs = [Fraction(0)] * d + [Fraction(1)] * k
    found = set()
    for chosen in itertools.combinations(range(d + k), d):
        try:
            point = solve([rows[c] for c in chosen], [rhs[c] for c in chosen])
        except SingularMatrixError:
            continue
        if all(v >= 0 for v in point) and all(sum(a * x for a, x in zip(r, point)) <= 1 for r in matrix):
            found.add(tuple(point))
    return found


positive_matrices = st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
    lambda shape: st.lists(st.lists(st.integers(1, 5), min_size=shape[1], max_size=shape[1]),
                           min_size=shape[0], max_size=shape[0]))


@settings(max_examples=60)
@given(positive_matrices)
def test_double_description_finds_exactly_the_brute_force_vertices(rows):
    matrix = np.array(rows, dtype=object)
    numerators, denominators, tight = _double_description.vertices(matrix)
    points = {tuple(Fraction(int(v), int(q)) for v in row) for row, q in zip(numerators, denominators)}
    assert points == _brute_force_vertices(matrix)
    # the recorded tight sets are the tight constraints of each point
    for row, q, flags in zip(numerators, denominators, tight):
        levels = [sum(int(a) * int(v) for a, v in zip(r, row)) for r in rows]
        assert list(flags) == [v == 0 for v in row] + [level == q for level in levels]


@pytest.mark.parametrize("shape", [(3, 3), (5, 4), (6, 6), (8, 8), (60, 3)])
def test_qhull_double_description_and_exact_resolve_agree(shape):
    # (60, 3): 63 constraints, beyond int64 bitmasks, exercises the wide (byte-string) label sets
    matrix = np.random.default_rng(shape[0]).integers(1, 10**6, shape)
    exact = matrix.astype(object)
    numerators, denominators, tight = _double_description.vertices(exact)
    points, float_tight = _polytope.vertices(_polytope.normalised(matrix.astype(float)), 1e-9)
    as_set = lambda flags: {tuple(row) for row in flags}  # noqa: E731
    assert as_set(tight) == as_set(float_tight)
    resolved = _exact.resolve(exact, float_tight)
    assert resolved is not None and np.array_equal(resolved[2], float_tight)
    assert _labels.closed_under_pivoting(tight, shape[1])
    raw, raw_tight = _polytope.vertices(matrix.astype(float), 1e-9)
    exact_points = {tuple(row): [Fraction(int(v), int(q)) for v in n] for n, q, row in
                    zip(numerators, denominators, tight)}
    for point, flags in zip(raw, raw_tight):
        np.testing.assert_allclose(point, [float(v) for v in exact_points[tuple(flags)]], rtol=1e-9, atol=1e-15)


def test_pivoting_certificate_rejects_incomplete_and_degenerate_sets():
    matrix = np.random.default_rng(3).integers(1, 1000, (5, 5)).astype(object)
    _, _, tight = _double_description.vertices(matrix)
    assert _labels.closed_under_pivoting(tight, 5)
    for drop in range(len(tight)):
        assert not _labels.closed_under_pivoting(np.delete(tight, drop, axis=0), 5)
    assert not _labels.closed_under_pivoting(np.vstack([tight, tight[:1]]), 5)     # a repeated vertex
    degenerate = np.array([[1, 1], [1, 1]], dtype=object)                        # the vertex (1/2, 1/2) has 3 labels
    _, _, flags = _double_description.vertices(degenerate)
    assert flags.sum(axis=1).max() == 3 and not _labels.closed_under_pivoting(flags, 2)


def test_wide_label_sets_behave_like_int64_ones():
    matrix = np.random.default_rng(4).integers(1, 1000, (6, 5)).astype(object)
    _, _, tight = _double_description.vertices(matrix)
    wide = np.hstack([tight, np.zeros((len(tight), 60), dtype=bool)])
    narrow_bits, wide_bits = _labels.pack(tight), _labels.pack(wide)
    assert wide_bits.dtype.kind == "V" and narrow_bits.dtype == np.int64
    assert [int(b) for b in narrow_bits] == [int.from_bytes(bytes(b), "little") for b in wide_bits]
    assert _labels.closed_under_pivoting(wide, 5) == _labels.closed_under_pivoting(tight, 5)
    assert list(_labels.popcount(wide_bits)) == list(_labels.popcount(narrow_bits))


@settings(max_examples=50)
@given(st.integers(1, 6), st.data())
def test_batched_bareiss_solves_like_gauss_jordan(size, data):
    count = data.draw(st.integers(1, 5))
    entries = st.integers(-3, 3)
    systems = np.array(data.draw(st.lists(st.lists(st.lists(entries, min_size=size, max_size=size),
                                                   min_size=size, max_size=size),
                                          min_size=count, max_size=count)), dtype=object)
    rhs = np.array(data.draw(st.lists(st.lists(entries, min_size=size, max_size=size),
                                      min_size=count, max_size=count)), dtype=object)
    numerators, denominators, singular = _exact.solve_batch(systems, rhs)
    for k in range(count):
        try:
            expected = solve(systems[k].tolist(), rhs[k].tolist())
        except SingularMatrixError:
            assert singular[k]
            continue
        assert not singular[k] and denominators[k] > 0
        assert [Fraction(int(v), int(denominators[k])) for v in numerators[k]] == expected


@settings(max_examples=60)
@given(st.sets(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1))
def test_maximal_bicliques_by_brute_force(edges):
    left = sorted({x for x, _ in edges})
    right = sorted({y for _, y in edges})
    bicliques = set()
    for r in range(1, len(left) + 1):
        for xs in itertools.combinations(left, r):
            ys = tuple(y for y in right if all((x, y) in edges for x in xs))
            if ys:
                closed = tuple(x for x in left if all((x, y) in edges for y in ys))
                if closed == xs:
                    bicliques.add((xs, ys))
    assert set(_components.maximal_bicliques(edges)) == bicliques


def test_a_failing_fast_path_falls_back_to_the_exact_enumeration(monkeypatch):
    game = stag_hunt()
    expected = nash_equilibria(game)

    def broken(*args):
        raise _polytope.PolytopeError("qhull failed")

    monkeypatch.setattr(ve._polytope, "vertices", broken)
    monkeypatch.setattr(ve._tableau, "vertices", broken)      # the compiled pivoting, when numba is there
    equilibria = nash_equilibria(game)
    assert equilibria.method == "double description"
    assert list(equilibria) == list(expected)


def test_a_wrong_candidate_is_never_returned(monkeypatch):
    # the fast path proposes (Stag, Hare), which is not an equilibrium: the check rejects it and
    # the exact enumeration answers instead
    game = stag_hunt(T=3.0, R=4.0, P=3.0, S=0.0)
    bogus = Enumeration(((np.array([1.0, 0.0]),), (np.array([0.0, 1.0]),)), ((0, 0),), False, "vertex enumeration")
    monkeypatch.setattr(nash.vertex_enumeration, "fast_enumeration", lambda game, tol: bogus)
    equilibria = nash_equilibria(game)
    assert equilibria.method == "double description" and len(equilibria) == 3
    assert verify(equilibria)


def test_exact_games_with_large_denominators_and_huge_integers():
    game = NormalFormGame([[[Fraction(1, 10**12), 0], [0, Fraction(1, 3)]],
                           [[10**30, 0], [0, 10**30 + 1]]])
    equilibria = nash_equilibria(game)
    assert verify(equilibria) and len(equilibria) == 3
    mixed = equilibria[2]
    # column indifferent iff 10^30 p = (10^30 + 1)(1 - p); row iff q / 10^12 = (1 - q) / 3
    assert mixed.strategies[0][0] == Fraction(10**30 + 1, 2 * 10**30 + 1)
    assert mixed.strategies[1][0] == Fraction(10**12, 10**12 + 3)


@settings(max_examples=80)
@given(st.fractions(-5, 5, max_denominator=50), st.fractions(0, 1, max_denominator=50))
def test_simplest_between_has_the_least_denominator(low, width):
    high = low + width
    found = _exact.simplest_between(low, high)
    assert low <= found <= high
    for q in range(1, found.denominator):                       # no smaller denominator fits
        assert not any(low <= Fraction(p, q) <= high for p in range(int(low * q) - 1, int(high * q) + 2))


def test_float_ties_within_the_tolerance_are_ties():
    # von Stengel's degenerate game with the column player's payoffs divided by 10 in floats:
    # 0.1 + 0.2 != 0.3 in binary, but the two differ by 5.6e-17, far below tol, so the column
    # player is indifferent against the top row and the segment of equilibria is found.
    A = np.array([[3.0, 3.0], [2.0, 5.0], [0.0, 6.0]])
    B = np.array([[0.1 + 0.2, 0.3], [0.2, 0.6], [0.3, 0.1]])
    equilibria = nash_equilibria(NormalFormGame([A, B]))
    assert equilibria.degenerate and len(equilibria) == 3 and verify(equilibria)
    segment = equilibria.components[0]
    np.testing.assert_allclose(sorted(y[0] for y in segment.actions[1]), [2 / 3, 1.0])
