r"""Maximal Nash subsets: the maximal bicliques of the graph of extreme equilibria.

Join an extreme mixed action :math:`x` of player 1 to an extreme mixed action
:math:`y` of player 2 when :math:`(x, y)` is an equilibrium (a completely
labelled vertex pair). A *Nash subset* is a set :math:`X \times Y` of such
pairs in which every :math:`x \in X` is joined to every :math:`y \in Y` (a
biclique); then every point of :math:`\operatorname{conv} X \times
\operatorname{conv} Y` is an equilibrium, because the labels of a convex
combination include the labels common to its points (Winkels 1979; Avis,
Rosenberg, Savani & von Stengel 2010, "Enumeration of Nash equilibria for
two-player games", *Economic Theory* 42, 9–37, sec. 3). The maximal ones cover
the equilibrium set.

Maximal bicliques are the closed pairs of a Galois connection: with
:math:`N(x)` the neighbours of :math:`x`, a biclique :math:`(X, Y)` is maximal
iff :math:`Y = \bigcap_{x \in X} N(x)` and :math:`X = \{x : N(x) \supseteq
Y\}`. The possible :math:`Y` are exactly the non-empty intersections of
neighbourhoods, found here by closing the set of neighbourhoods under
intersection (bitmasks as Python integers).
"""

from __future__ import annotations

from typing import Iterable


def maximal_bicliques(pairs: Iterable[tuple[int, int]]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The maximal bicliques ``(X, Y)`` of a bipartite graph given by its edges ``(x, y)``.

    Returns them sorted, each side as a sorted tuple of indices.

    >>> maximal_bicliques([(0, 0), (0, 1), (1, 1)])
    [((0,), (0, 1)), ((0, 1), (1,))]
    """
    neighbours: dict[int, int] = {}
    for x, y in pairs:
        neighbours[x] = neighbours.get(x, 0) | (1 << y)
    intents = set(neighbours.values())
    frontier = set(intents)
    while frontier:
        fresh = set()
        for a in frontier:
            for b in intents:
                c = a & b
                if c and c not in intents:
                    fresh.add(c)
        intents |= fresh
        frontier = fresh
    result = []
    for intent in intents:
        extent = tuple(sorted(x for x, mask in neighbours.items() if mask & intent == intent))
        right = tuple(y for y in range(intent.bit_length()) if intent >> y & 1)
        result.append((extent, right))
    return sorted(result)
