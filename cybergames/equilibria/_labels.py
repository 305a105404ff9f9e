"""Label sets as integer bitmasks, and the vectorised operations on them.

A vertex of a best-response polytope carries the set of its *labels*: the
indices of the inequalities that are tight there (von Stengel 2007, sec. 3.3).
With ``L`` labels in all, a label set is stored as the integer
:math:`\\sum_{l \\in \\text{set}} 2^l`: an ``int64`` when ``L <= 62`` (the usual
case, so that numpy sorts and compares them). Beyond that :func:`pack` stores
it as the bytes of its bits (``numpy.packbits``, little bit order) in a
fixed-size ``void`` element, which numpy also sorts, searches and compares
without Python objects, so that a game with 63 labels costs about what one with
62 does. The operations below accept either kind; Python ``int`` masks in
object arrays (the double description's) are still accepted by :func:`popcount`.
"""

from __future__ import annotations

import numpy as np

#: The most labels an int64 bitmask holds (bit 63 is the sign).
INT64_LABELS = 62


def pack(labels: np.ndarray) -> np.ndarray:
    """The rows of a boolean ``(V, L)`` matrix as bitmasks (bit ``l`` is column ``l``)."""
    rows, size = labels.shape
    width = -(-size // 64) * 64                   # whole 64-bit words, so that rows stay aligned
    padded = np.zeros((rows, width), dtype=bool)
    padded[:, :size] = labels
    octets = np.packbits(padded, axis=1, bitorder="little")
    if size <= INT64_LABELS:                      # one little-endian word; bits 62 and 63 are clear
        return octets.view("<i8").reshape(rows).astype(np.int64, copy=False)
    return _void(octets)


def _void(octets: np.ndarray) -> np.ndarray:
    """Rows of a ``(V, bytes)`` uint8 array as one ``void`` element each."""
    octets = np.ascontiguousarray(octets, dtype=np.uint8)
    return octets.view(np.dtype((np.void, octets.shape[1]))).reshape(octets.shape[0])


def _octets(bits: np.ndarray) -> np.ndarray:
    """The ``(V, bytes)`` uint8 view of wide (``void``) bitmasks."""
    bits = np.ascontiguousarray(bits)
    return bits.view(np.uint8).reshape(bits.shape[0], bits.dtype.itemsize)


def _is_wide(bits: np.ndarray) -> bool:
    return bits.dtype.kind == "V"


def full_mask(size: int, like: np.ndarray):
    """The bitmask of all ``size`` labels, of the same kind as ``like`` (int64, wide, or Python int)."""
    if _is_wide(like):
        return pack(np.ones((1, size), dtype=bool))
    value = (1 << size) - 1
    return np.int64(value) if like.dtype != object else value


def popcount(bits: np.ndarray) -> np.ndarray:
    """The number of set bits of each bitmask."""
    if _is_wide(bits):
        return np.bitwise_count(_octets(bits)).sum(axis=1, dtype=np.int64)
    if bits.dtype != object:
        return np.bitwise_count(bits).astype(np.int64)
    return np.array([int(b).bit_count() for b in bits.ravel()], dtype=np.int64).reshape(bits.shape)


def closed_under_pivoting(labels: np.ndarray, dimension: int, bits: np.ndarray | None = None) -> bool:
    """Whether simple vertices with these label sets are *all* the vertices of their polytope.

    ``labels`` is the boolean ``(V, L)`` matrix of the vertices found. In a
    *simple* polytope of dimension ``d`` every vertex has exactly ``d`` labels,
    and dropping any one of them leads along an edge to exactly one
    neighbouring vertex, which has the ``d - 1`` remaining labels and one new
    one. So every set "a vertex's labels less one" is shared by exactly two
    vertices: the ends of that edge. If the vertices found are distinct, each
    has exactly ``d`` labels, and each such set occurs exactly twice among
    them, the found set is closed under moving to neighbours; the graph of a
    polytope being connected, it holds every vertex.

    The caller must make sure the label sets are exact (computed in exact
    arithmetic), or accept the float tolerance that produced them. ``bits``,
    if given, is ``pack(labels)`` (computed once by the caller).
    """
    rows, size = labels.shape
    if rows == 0:
        return False
    bits = pack(labels) if bits is None else bits
    if not _is_wide(bits):                       # the masks' popcount is the row sum, and cheaper
        # (bits from ``size`` up are not labels: both_closed_under_pivoting tags masks there)
        if (np.bitwise_count(bits & np.int64((1 << size) - 1)) != dimension).any():
            return False
    elif (labels.sum(axis=1) != dimension).any():
        return False
    ordered = np.sort(bits)
    if (ordered[1:] == ordered[:-1]).any():      # the vertices must be distinct
        return False
    if not _is_wide(bits):                       # each row's mask less one of its bits
        kind = np.int32 if size <= 31 and ordered[-1] < 2**31 else np.int64   # int32 sorts twice as fast
        single = np.left_shift(kind(1), np.arange(size, dtype=kind))
        # every row's mask with each label flipped, then those of its labels (the flat positions
        # of its True entries: far cheaper than a boolean mask of the 2-D array)
        keys = np.sort((bits.astype(kind)[:, None] ^ single[None, :]).ravel().take(np.flatnonzero(labels)))
    else:                                        # flip one bit of a copy of each row, byte-wise
        where = np.nonzero(labels)[1].reshape(rows, dimension)
        octets = np.repeat(_octets(bits)[:, None, :], dimension, axis=1)
        flip = np.left_shift(np.uint8(1), (where % 8).astype(np.uint8))
        octets[np.arange(rows)[:, None], np.arange(dimension)[None, :], where // 8] ^= flip
        keys = np.sort(_void(octets.reshape(rows * dimension, -1)))
    if keys.size % 2:
        return False
    first, second = keys[0::2], keys[1::2]
    return bool((first == second).all() and (second[:-1] != first[1:]).all())


#: Up to this many vertices in all, :func:`few_complementary_pairs` works on Python ints: a 4x4
#: game's two polytopes (about 30 vertices) take a third of the numpy calls' time.
FEW_VERTICES = 64


def int_masks(labels: np.ndarray) -> list:
    """The rows of a boolean ``(V, L)`` matrix, ``L <= 62``, as Python int bitmasks (bit ``l``: column ``l``)."""
    return (labels @ _POWERS[:labels.shape[1]]).tolist()


_POWERS = np.left_shift(np.int64(1), np.arange(INT64_LABELS, dtype=np.int64))
_POWERS.flags.writeable = False


def _closed_ints(masks: list, dimension: int) -> bool:
    """:func:`closed_under_pivoting` of label sets given as Python int bitmasks."""
    if not masks or len(set(masks)) != len(masks):
        return False
    counts: dict = {}
    for mask in masks:
        if mask.bit_count() != dimension:
            return False
        rest = mask
        while rest:                              # each label of the mask, lowest first
            low = rest & -rest
            rest ^= low
            key = mask ^ low
            counts[key] = counts.get(key, 0) + 1
    return all(count == 2 for count in counts.values())


def few_complementary_pairs(labels_p: np.ndarray, labels_q: np.ndarray, dimensions: tuple[int, int]):
    """The certificate and the matching of a nondegenerate game's vertices, on Python ints (few vertices).

    Returns ``(i, j)``, the index lists of the completely labelled pairs less
    the origins' pair, as :func:`both_closed_under_pivoting` followed by
    :func:`complementary_pairs` would; None when the certificate fails.
    ``L = m + n <= 62`` labels.
    """
    masks_p, masks_q = int_masks(labels_p), int_masks(labels_q)
    if not (_closed_ints(masks_p, dimensions[0]) and _closed_ints(masks_q, dimensions[1])):
        return None
    full = (1 << (dimensions[0] + dimensions[1])) - 1
    origin = (1 << dimensions[0]) - 1              # x = 0 has the labels 0..m-1
    where = {mask: j for j, mask in enumerate(masks_q)}
    pairs = [(i, where[full ^ mask]) for i, mask in enumerate(masks_p) if mask != origin and full ^ mask in where]
    return [i for i, _ in pairs], [j for _, j in pairs]


def both_closed_under_pivoting(labels_p: np.ndarray, labels_q: np.ndarray, bits_p: np.ndarray,
                               bits_q: np.ndarray, dimensions: tuple[int, int]) -> bool:
    """:func:`closed_under_pivoting` of two polytopes' label sets (``bits_*`` their :func:`pack`).

    When both have the same dimension and the labels leave a spare int64 bit,
    the second polytope's masks are tagged with that bit and one sort checks
    both: no key of one polytope can equal a key of the other.
    """
    size = labels_p.shape[1]
    if dimensions[0] != dimensions[1] or size >= INT64_LABELS or _is_wide(bits_p) or labels_q.shape[1] != size:
        return (closed_under_pivoting(labels_p, dimensions[0], bits_p)
                and closed_under_pivoting(labels_q, dimensions[1], bits_q))
    if not (labels_p.shape[0] and labels_q.shape[0]):
        return False
    tag = np.int64(1) << np.int64(size)
    return closed_under_pivoting(np.concatenate([labels_p, labels_q]), dimensions[0],
                                 np.concatenate([bits_p, bits_q | tag]))


def complementary_pairs(bits_p: np.ndarray, bits_q: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(i, j)`` with ``bits_p[i] | bits_q[j]`` equal to all ``size`` labels.

    When every label set of one side has exactly its polytope's dimension (a
    nondegenerate game) the partner of ``bits_p[i]`` must be its complement,
    found by binary search; call :func:`covering_pairs` otherwise.
    """
    full = full_mask(size, bits_p)
    if bits_p.size == 0 or bits_q.size == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    wanted = _void(_octets(full) ^ _octets(bits_p)) if _is_wide(bits_p) else full ^ bits_p
    order = np.argsort(bits_q, kind="stable")
    ordered = bits_q[order]
    position = np.searchsorted(ordered, wanted)
    position = np.minimum(position, ordered.size - 1)
    hit = ordered[position] == wanted
    return np.flatnonzero(hit), order[position[hit]]


def covering_pairs(bits_p: np.ndarray, bits_q: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(i, j)`` with ``bits_p[i] | bits_q[j]`` equal to all ``size`` labels (any game)."""
    full = full_mask(size, bits_p)
    if bits_p.size == 0 or bits_q.size == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    if _is_wide(bits_p):
        covered = ((_octets(bits_p)[:, None, :] | _octets(bits_q)[None, :, :]) == _octets(full)).all(axis=2)
    else:
        covered = (bits_p[:, None] | bits_q[None, :]) == full
    return np.nonzero(covered)
