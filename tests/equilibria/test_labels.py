"""Label-set bitmasks (cybergames/equilibria/_labels.py): wide masks (over 62 labels) against Python ints.

Up to 62 labels a label set is an int64; beyond, a byte string of its bits.
Each operation is compared with the same operation on Python ``int`` masks
(the representation used before, written out here as the reference) on random
label matrices around the boundary, degenerate ones (repeated rows, rows with
too many labels) included, and the whole solver on lopsided games with more
than 62 labels, degenerate ones included, is checked against the exact route.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, nash_equilibria, verify
from cybergames.equilibria import _labels, vertex_enumeration


def _ints(labels):
    """The reference: each row as the Python int sum of 2**l over its labels."""
    return [sum(1 << int(l) for l in np.flatnonzero(row)) for row in labels]


def _closed_reference(labels, dimension):
    """The pivoting certificate of _labels.closed_under_pivoting, on Python ints."""
    rows = labels.shape[0]
    if rows == 0 or (labels.sum(axis=1) != dimension).any():
        return False
    bits = _ints(labels)
    if len(set(bits)) != rows:
        return False
    keys = sorted(b ^ (1 << int(l)) for b, row in zip(bits, labels) for l in np.flatnonzero(row))
    first, second = keys[0::2], keys[1::2]
    return len(keys) % 2 == 0 and first == second and all(a != b for a, b in zip(second[:-1], first[1:]))


@st.composite
def label_matrices(draw, *, sizes=(10, 62, 63, 64, 65, 130)):
    """Boolean (V, L) matrices with L around the int64 boundary; some rows repeated."""
    size = draw(st.sampled_from(sizes))
    rows = draw(st.integers(0, 12))
    density = draw(st.sampled_from([0.05, 0.3, 0.7]))
    seed = draw(st.integers(0, 2**32 - 1))
    labels = np.random.default_rng(seed).random((rows, size)) < density
    if rows and draw(st.booleans()):
        labels = np.vstack([labels, labels[draw(st.integers(0, rows - 1))][None, :]])
    return labels


@settings(max_examples=200, deadline=None)
@given(label_matrices())
def test_packed_masks_are_the_python_int_masks(labels):
    bits, reference = _labels.pack(labels), _ints(labels)
    if labels.shape[1] > _labels.INT64_LABELS:
        assert [int.from_bytes(bytes(b), "little") for b in bits] == reference
    else:
        assert [int(b) for b in bits] == reference
    assert _labels.popcount(bits).tolist() == labels.sum(axis=1).tolist()
    assert np.unique(bits).size == len(set(reference))


@st.composite
def simple_label_sets(draw):
    """Label sets of a simple polytope's vertices, padded beyond 62 labels, and perturbed or not."""
    d = draw(st.integers(2, 4))
    seed = draw(st.integers(0, 2**32 - 1))
    from cybergames.equilibria import _polytope
    matrix = _polytope.normalised(np.random.default_rng(seed).random((draw(st.integers(d, 6)), d)))
    _, tight = _polytope.vertices(matrix, 1e-9)
    padding = draw(st.sampled_from([0, 60, 70]))
    labels = np.hstack([tight, np.zeros((len(tight), padding), dtype=bool)])
    change = draw(st.sampled_from(["none", "drop", "repeat", "extra label"]))
    if change == "drop":
        labels = np.delete(labels, draw(st.integers(0, len(labels) - 1)), axis=0)
    elif change == "repeat":
        labels = np.vstack([labels, labels[:1]])
    elif change == "extra label":
        labels = labels.copy()
        labels[0, labels.shape[1] - 1] = True
    return labels, d


@settings(max_examples=150, deadline=None)
@given(st.one_of(simple_label_sets(), label_matrices().map(lambda a: (a, 3))))
def test_pivoting_certificate_matches_the_python_int_one(case):
    labels, dimension = case
    assert _labels.closed_under_pivoting(labels, dimension) == _closed_reference(labels, dimension)


@settings(max_examples=150, deadline=None)
@given(label_matrices(sizes=(20, 63, 70)), label_matrices(sizes=(20, 63, 70)))
def test_pairs_covering_every_label_are_the_brute_force_pairs(first, second):
    size = min(first.shape[1], second.shape[1])
    first, second = first[:, :size], second[:, :size]
    second = np.vstack([second, ~first]) if len(first) else second      # some exact complements
    full = (1 << size) - 1
    expected = {(i, j) for i, a in enumerate(_ints(first)) for j, b in enumerate(_ints(second)) if a | b == full}
    bits_p, bits_q = _labels.pack(first), _labels.pack(second)
    i, j = _labels.covering_pairs(bits_p, bits_q, size)
    assert set(zip(i.tolist(), j.tolist())) == expected
    complements = {(i, j) for i, a in enumerate(_ints(first)) for j, b in enumerate(_ints(second))
                   if b == full ^ a}
    i, j = _labels.complementary_pairs(bits_p, bits_q, size)
    assert set(zip(i.tolist(), j.tolist())) <= complements
    assert {p for p, _ in complements} == set(i.tolist())


@pytest.mark.slow
@settings(max_examples=8, deadline=None)
@given(st.sampled_from([(3, 60), (61, 2), (2, 62)]), st.integers(0, 2**32 - 1), st.sampled_from([None, 3]))
def test_games_beyond_62_labels_match_the_exact_route(shape, seed, levels):
    # levels=3: payoffs in {0, 1, 2}, so ties and degenerate games are common
    rng = np.random.default_rng(seed)
    payoffs = [rng.random(shape) if levels is None else rng.integers(0, levels, shape).astype(float)
               for _ in range(2)]
    game = NormalFormGame(payoffs)
    found = nash_equilibria(game)
    assert all(verify(eq) for eq in found)
    exact = vertex_enumeration.fallback_enumeration(game)     # on rationals within tol/4 of the floats
    expected = [np.concatenate([exact.actions[0][i], exact.actions[1][j]]).astype(float) for i, j in exact.pairs]
    got = [np.concatenate([np.asarray(s, dtype=float) for s in eq.strategies]) for eq in found]
    assert len(got) == len(expected)
    assert all(min(np.abs(g - e).max() for e in expected) <= 1e-6 for g in got)


@pytest.mark.parametrize("size", [62, 63])
def test_a_pure_coordination_game_on_both_sides_of_the_boundary(size):
    # By hand: both players get 1 when the row's action matches column 0 or 1 and 0 otherwise, and
    # columns 2.. give the column player -1, strictly dominated by columns 0 and 1. What is left is
    # the 2x2 coordination game: (0, 0), (1, 1) and both mixing 1/2, 1/2. size labels = 2 + (size - 2).
    n = size - 2
    A = np.zeros((2, n))
    A[0, 0] = A[1, 1] = 1.0
    B = A.copy()
    B[:, 2:] = -1.0
    found = nash_equilibria(NormalFormGame([A, B]))
    strategies = sorted(tuple(np.concatenate(eq.strategies)[:4].round(9)) for eq in found)
    assert strategies == [(0.0, 1.0, 0.0, 1.0), (0.5, 0.5, 0.5, 0.5), (1.0, 0.0, 1.0, 0.0)]


@settings(max_examples=150, deadline=None)
@given(st.one_of(simple_label_sets(), label_matrices(sizes=(10, 30, 62)).map(lambda a: (a, 3))))
def test_the_python_int_certificate_is_the_numpy_one(case):
    labels, dimension = case
    if labels.shape[1] > _labels.INT64_LABELS:
        labels = labels[:, :_labels.INT64_LABELS]
    masks = _labels.int_masks(labels)
    assert masks == _ints(labels)
    assert _labels._closed_ints(masks, dimension) == _labels.closed_under_pivoting(labels, dimension)
