r"""Kreps–Wilson consistency of beliefs, decided exactly through orders of trembles.

An assessment :math:`(\beta, \mu)` is **consistent** (Kreps and Wilson 1982)
when it is the limit of assessments :math:`(\beta^\varepsilon, \mu^\varepsilon)`
with :math:`\beta^\varepsilon` totally mixed and :math:`\mu^\varepsilon` given
by Bayes' rule. Kreps and Wilson (1982, Lemma A1) show that it suffices to
look at trembles of the form :math:`\beta^\varepsilon(a) = \eta(a)\,
\varepsilon^{K(a)}` for the actions :math:`a` with :math:`\beta(a) = 0`, with
positive *orders* :math:`K(a)` and positive *weights* :math:`\eta(a)` (and
:math:`\beta^\varepsilon(a) \to \beta(a)` elsewhere). A node :math:`x`, whose
path takes the off-support actions :math:`D(x)` and otherwise has probability
:math:`b(x) > 0` (chance and the behaviour's positive probabilities), is then
reached with probability :math:`b(x) \prod_{a \in D(x)} \eta(a) \,
\varepsilon^{k(x)}`, :math:`k(x) = \sum_{a \in D(x)} K(a)`. In the limit the
belief at an information set :math:`h` is carried by the nodes of least order,
in proportion to those weights. So :math:`\mu` is consistent if and only if

1. **orders**: there are :math:`K \ge 1` with :math:`k(x) = k(y)` for the
   nodes :math:`x, y` in the support of :math:`\mu(\cdot \mid h)` and
   :math:`k(z) > k(x)` for the other nodes :math:`z` of :math:`h`;
2. **weights**: there are :math:`t = \log \eta` with, for the support nodes
   :math:`x_0, x_j` of each :math:`h`,

   .. math::

       \sum_{a \in D(x_j)} t_a - \sum_{a \in D(x_0)} t_a
           = \log \frac{\mu(x_j)\, b(x_0)}{\mu(x_0)\, b(x_j)} .

Condition 1 is a linear programme in rationals (solved exactly; scaled, its
solution gives integer orders, the certificate). Condition 2 is a linear
system :math:`B t = \log r`; it is solvable if and only if
:math:`\prod_j r_j^{y_j} = 1` for every integer vector :math:`y` of the left
null space of :math:`B`, which is checked exactly. At an information set that
is reached, both conditions reduce to Bayes' rule. Nodes that follow a chance
move of probability zero are never reached by any tremble: they must get
belief zero (an information set made only of such nodes is not constrained).

References
----------
D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica* 50 (1982)
863–894, §3 and Lemma A1.
E. Kohlberg and P. J. Reny, "Independence on relative probability spaces and
consistent assessments in game trees", *Journal of Economic Theory* 75 (1997) 280–313.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy
from sympy.solvers.simplex import InfeasibleLPError, linprog

from .._numbers import FLOAT
from ..signalling import FrozenMap
from .game import CHANCE, TERMINAL, ExtensiveGame

__all__ = ["node_paths", "Consistency", "consistency"]


def node_paths(game: ExtensiveGame, table: list[tuple]) -> list[tuple[tuple, Any]]:
    """Per node: the sorted (infoset, action) pairs off the behaviour's support on its path, and the
    product :math:`b(x)` of the other probabilities on the path (chance and positive behaviour)."""
    one = 1.0 if game.kind == FLOAT else 1
    paths: list = [None] * len(game.nodes)
    paths[0] = ((), one)
    for node in game.nodes:
        if node.kind == TERMINAL:
            continue
        off, base = paths[node.index]
        for a, child in enumerate(node.children):
            if node.kind == CHANCE:
                paths[child] = (off, base * node.probabilities[a])
            elif table[node.infoset][a] == 0:
                paths[child] = (tuple(sorted(off + ((node.infoset, a),))), base)
            else:
                paths[child] = (off, base * table[node.infoset][a])
    return paths


@dataclass(frozen=True)
class Consistency:
    """Whether beliefs are Kreps–Wilson consistent with a behaviour profile.

    Attributes
    ----------
    consistent : bool
    orders : FrozenMap or None
        When consistent: (infoset label, action label) -> a positive integer order
        :math:`K(a)` of the tremble of each action the behaviour never takes (the certificate).
    reasons : tuple of str
        Why not, when not.
    """

    consistent: bool
    orders: FrozenMap | None
    reasons: tuple


def _counts(off: tuple, index: dict) -> list[int]:
    row = [0] * len(index)
    for pair in off:
        row[index[pair]] += 1
    return row


def _positive(value: Any, slack: float) -> bool:
    return value > slack


def order_rows(game: ExtensiveGame, paths: list, supports: dict) -> tuple[list, dict, list, list]:
    """The orders' linear programme for the given belief supports (infoset index -> support node indices).

    Returns the variables (off-support pairs), their index, the equality rows and the rows
    :math:`g` of the strict inequalities :math:`g \\cdot K \\ge 1`.
    """
    pairs = sorted({pair for off, _ in paths if off for pair in off})
    index = {pair: k for k, pair in enumerate(pairs)}
    equal, greater = [], []
    for h, support in supports.items():
        nodes = game.infosets[h].nodes
        live = [n for n in nodes if paths[n][1] != 0]
        first = _counts(paths[support[0]][0], index)
        for x in support[1:]:
            equal.append([a - b for a, b in zip(_counts(paths[x][0], index), first)])
        for z in live:
            if z not in support:
                greater.append([a - b for a, b in zip(_counts(paths[z][0], index), first)])
    return pairs, index, equal, greater


def obviously_unorderable(game: ExtensiveGame, paths: list, supports: dict) -> bool:
    """A quick exact test that no orders realise the supports: two nodes pairs whose trembles differ
    by the same actions must be ordered alike (equal orders, or the same strict order), and a node
    whose trembles are a subset of another's is never of higher order."""
    equal, greater = set(), set()
    for h, support in supports.items():
        live = [n for n in game.infosets[h].nodes if paths[n][1] != 0]

        def diff(a: int, b: int) -> frozenset:
            counts: dict = {}
            for pair in paths[a][0]:
                counts[pair] = counts.get(pair, 0) + 1
            for pair in paths[b][0]:
                counts[pair] = counts.get(pair, 0) - 1
            return frozenset((pair, v) for pair, v in counts.items() if v)

        for x in support:
            equal.update(diff(x, y) for y in support)
            greater.update(diff(z, x) for z in live if z not in support)
    for d in greater:
        flipped = frozenset((pair, -v) for pair, v in d)
        if d in equal or flipped in greater or all(v < 0 for _, v in d):
            return True
    return False


def solve_orders(count: int, equal: list, greater: list) -> list[int] | None:
    """Integer orders K >= 1 with ``row . K == 0`` for ``equal`` and ``row . K >= 1`` for ``greater``, or None."""
    if count == 0:
        return [] if not greater else None
    # K = 1 + L with L >= 0 (sympy's default bounds): g . L >= 1 - g . 1, row . L == -row . 1
    upper = [[-v for v in g] for g in greater] + [[0] * count]
    bound = [sum(g) - 1 for g in greater] + [0]
    try:
        if equal:
            _, point = linprog([1] * count, sympy.Matrix(upper), sympy.Matrix(bound),
                               sympy.Matrix(equal), sympy.Matrix([-sum(row) for row in equal]))
        else:
            _, point = linprog([1] * count, sympy.Matrix(upper), sympy.Matrix(bound))
    except InfeasibleLPError:
        return None
    point = [1 + v for v in point]
    values = [Fraction(int(sympy.Rational(v).p), int(sympy.Rational(v).q)) for v in point]
    scale = math.lcm(*(v.denominator for v in values))
    return [int(v * scale) for v in values]


def weight_relations(rows: list[list[int]]) -> list[list[int]]:
    """An integer basis of the left null space of ``rows`` (the vectors y with y . rows = 0)."""
    if not rows:
        return []
    if not rows[0]:
        return [[1 if i == j else 0 for j in range(len(rows))] for i in range(len(rows))]
    basis = sympy.Matrix(rows).T.nullspace()
    relations = []
    for vector in basis:
        scale = math.lcm(*(int(sympy.Rational(v).q) for v in vector))
        relations.append([int(v * scale) for v in vector])
    return relations


def _product_is_one(values: list, exponents: list[int], is_float: bool, tol: float) -> bool:
    if is_float:
        return abs(sum(e * math.log(v) for v, e in zip(values, exponents) if e)) <= max(tol, 1e-9) * 10
    result = Fraction(1)
    for v, e in zip(values, exponents):
        if e:
            result *= Fraction(v) ** e
    return result == 1


def consistency(game: ExtensiveGame, table: list[tuple], beliefs: list[list], *, tol: float) -> Consistency:
    """Decide Kreps–Wilson consistency of ``beliefs`` (one list per information set, over its nodes)
    with the behaviour ``table``; see the module docstring. Exact or float games."""
    is_float = game.kind == FLOAT
    slack = tol if is_float else 0
    paths = node_paths(game, table)
    reasons: list[str] = []
    supports: dict[int, list[int]] = {}
    for h, infoset in enumerate(game.infosets):
        mu = beliefs[h]
        live = [k for k, n in enumerate(infoset.nodes) if paths[n][1] != 0]
        if not live:
            continue
        dead = [k for k in range(len(mu)) if k not in live and mu[k] > slack]
        if dead:
            reasons.append(f"information set {infoset.label!r}: belief on node "
                           f"{list(game.nodes[infoset.nodes[dead[0]]].history)}, which follows a chance move "
                           f"of probability zero")
            continue
        supports[h] = [infoset.nodes[k] for k in live if _positive(mu[k], slack)]
    if reasons:
        return Consistency(False, None, tuple(reasons))
    pairs, index, equal, greater = order_rows(game, paths, supports)
    orders = solve_orders(len(pairs), equal, greater)
    if orders is None:
        return Consistency(False, None, ("no orders of the trembles make exactly the believed nodes the "
                                         "likeliest at every information set",))
    ratio_rows, ratios, where = [], [], []
    for h, support in supports.items():
        infoset = game.infosets[h]
        mu = {n: m for n, m in zip(infoset.nodes, beliefs[h])}
        first = support[0]
        for x in support[1:]:
            ratio_rows.append([a - b for a, b in zip(_counts(paths[x][0], index), _counts(paths[first][0], index))])
            ratios.append(mu[x] * paths[first][1] / (mu[first] * paths[x][1]))
            where.append(infoset.label)
    for y in weight_relations(ratio_rows):
        if not _product_is_one(ratios, y, is_float, tol):
            labels = sorted({where[j] for j, e in enumerate(y) if e})
            if sum(1 for e in y if e) == 1:
                reasons.append(f"information set {labels[0]!r}: two believed nodes follow the same trembles, so "
                               f"their belief ratio must be the ratio of their chance and behaviour probabilities")
            else:
                reasons.append(f"information sets {labels}: the belief ratios cannot all come from one system "
                               f"of tremble weights")
    if reasons:
        return Consistency(False, None, tuple(reasons))
    certificate = FrozenMap(((game.infosets[h].label, game.infosets[h].actions[a]), k)
                            for (h, a), k in zip(pairs, orders))
    return Consistency(True, certificate, ())
