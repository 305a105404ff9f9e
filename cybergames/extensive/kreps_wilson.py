r"""Pure-strategy sequential equilibria of small trees, with their consistent belief sets.

A **sequential equilibrium** (Kreps and Wilson 1982) is an assessment that is
sequentially rational and consistent (:mod:`cybergames.extensive.consistency`).
For a pure behaviour profile, beliefs at reached information sets follow
Bayes' rule. At the unreached ones, consistency ties the beliefs together:
the support of each belief must be the set of nodes of least order for *one*
system of orders of trembles, and within the supports the ratios of beliefs
must be products of *one* system of tremble weights. So the consistent beliefs
are a union of **pieces**, one per system of supports that some orders
realise. In a piece a belief ratio is either free or fixed (when the nodes'
paths tremble on the same off-path actions, e.g. after a deviation followed by
a chance move, the ratio is the chance ratio). Intersected with the beliefs at
which the prescribed action is optimal, a piece is a product over the
unreached information sets of relatively open polytopes, returned exactly.

The weights can also tie beliefs at two information sets together: player
3's belief after a tremble of player 2 must repeat player 2's belief about
player 1's tremble (Kreps and Wilson 1982, §3). When every tie makes the
belief of one information set (a *follower*) a fixed positive rescaling of
another's (its *representative*), node by node, the follower's optimality
constraints become linear constraints on the representative's belief; the
piece records the tie (:attr:`SequentialEquilibrium.ties`), its sets are the
projections, and :meth:`SequentialEquilibrium.admits` checks the ties. Ties
of other shapes (one ratio the product of two others) are not polytopes;
:func:`sequential_equilibria` then refuses the game rather than report a
wrong set, and :func:`~cybergames.extensive.check_assessment` decides any
given assessment.

References
----------
D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica* 50 (1982) 863–894.
A. Mas-Colell, M. D. Whinston and J. R. Green, *Microeconomic Theory* (1995), §9.C.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import ExtensiveGameError
from ..signalling import FrozenMap
from ..signalling.beliefs import polytope_vertices
from .behaviour import expected_payoffs
from .consistency import _counts, node_paths, obviously_unorderable, order_rows, solve_orders, weight_relations
from .game import ExtensiveGame
from .sequential import _values_and_reach, check_pure_search

__all__ = ["sequential_equilibria", "SequentialEquilibrium", "ConsistentBeliefSet"]


@dataclass(frozen=True)
class ConsistentBeliefSet:
    r"""Consistent beliefs at an unreached information set, in one piece, at which the prescribed action is optimal.

    The set is :math:`\{\mu : \mu(x) > 0 \iff x \in \text{support},\ \mu(x) = \rho\,\mu(x_0)
    \text{ for each fixed ratio},\ c \cdot \mu \ge 0 \text{ for each constraint}\}`.

    Attributes
    ----------
    infoset, action : str
    nodes : tuple of tuple
        The member nodes' histories.
    support : tuple of tuple
        The histories with positive belief (every node when the set follows only
        chance moves of probability zero, where beliefs are unconstrained).
    vertices : tuple of FrozenMap
        The extreme points of the set's closure, each history -> probability.
    ratios : tuple of (tuple, tuple, number)
        Fixed ratios :math:`\mu(x)/\mu(x_0) = \rho` as ``(x, x0, rho)``.
    constraints : tuple of FrozenMap
        One inequality :math:`\sum_n c(n) \mu(n) \ge 0` per alternative action.
    open_face : bool
        Whether beliefs must be positive exactly on the support (False only where
        beliefs are unconstrained).
    """

    infoset: str
    action: str
    nodes: tuple
    support: tuple
    vertices: tuple
    ratios: tuple
    constraints: tuple = field(repr=False)
    open_face: bool = True
    tol: float = field(default=DEFAULT_TOL, repr=False)

    def __contains__(self, belief: Any) -> bool:
        if not isinstance(belief, (dict, FrozenMap)) or set(belief) - set(self.nodes):
            return False
        mu = {n: belief.get(n, 0) for n in self.nodes}
        slack = self.tol if any(isinstance(v, float) for v in mu.values()) or isinstance(
            next(iter(self.vertices[0].values())), float) else 0
        if any(p < -slack for p in mu.values()) or abs(sum(mu.values()) - 1) > slack:
            return False
        if self.open_face:
            if any((mu[n] > slack) != (n in self.support) for n in self.nodes):
                return False
        if any(abs(mu[x] - rho * mu[x0]) > slack for x, x0, rho in self.ratios):
            return False
        return all(sum(c[n] * mu[n] for n in self.nodes) >= -slack for c in self.constraints)


@dataclass(frozen=True, eq=False)
class SequentialEquilibrium:
    r"""A pure sequential equilibrium of a tree.

    Attributes
    ----------
    behaviour : FrozenMap
        Information-set label -> the action played.
    beliefs : FrozenMap
        Reached information-set label -> its Bayes belief (history -> probability).
    pieces : tuple of FrozenMap
        The consistent beliefs off the path at which the behaviour is sequentially
        rational: a union of pieces, each unreached information-set label ->
        :class:`ConsistentBeliefSet`; a belief system belongs to the equilibrium
        when it lies, at every unreached set, in the sets of one piece.
    orders : tuple of FrozenMap
        Per piece, the certificate: integer orders of the trembles (see
        :class:`~cybergames.extensive.AssessmentCheck`) that realise its supports.
    payoffs : tuple
    game : ExtensiveGame
    ties : tuple of tuple
        Per piece, the ties between information sets that the tremble weights impose:
        ``(label, other, ((x, y, kappa), ...))`` says that the belief at ``label`` is
        proportional to :math:`\kappa\, \mu_{other}(y)` at each of its nodes :math:`x`.
        The sets of a piece are the projections of its beliefs; a belief system must
        also satisfy the piece's ties.
    """

    behaviour: FrozenMap
    beliefs: FrozenMap
    pieces: tuple
    orders: tuple = field(repr=False)
    payoffs: tuple = ()
    game: ExtensiveGame = field(default=None, repr=False)
    ties: tuple = field(default=(), repr=False)

    def admits(self, beliefs: Any) -> bool:
        """Whether the beliefs at the unreached information sets (label -> belief) complete an equilibrium."""
        ties = self.ties or ((),) * len(self.pieces)
        return any(all(label in beliefs and beliefs[label] in piece[label] for label in piece)
                   and all(_tie_holds(beliefs, tie) for tie in piece_ties)
                   for piece, piece_ties in zip(self.pieces, ties))


def _tied(beliefs: Any, tie: tuple) -> dict:
    """The belief a tie gives the follower, from the representative's belief."""
    _, rep, pairs = tie
    mass = {x: f * beliefs[rep].get(y, 0) for x, y, f in pairs}
    total = sum(mass.values())
    return {x: m / total for x, m in mass.items()}


def _tie_holds(beliefs: Any, tie: tuple) -> bool:
    label = tie[0]
    predicted = _tied(beliefs, tie)
    given = beliefs[label]
    if set(given) - set(predicted) and any(given[n] for n in set(given) - set(predicted)):
        return False
    exact = all(_numbers.is_exact(v) for v in (*predicted.values(), *given.values()))
    return all(given.get(x, 0) == p if exact else abs(given.get(x, 0) - p) <= DEFAULT_TOL
               for x, p in predicted.items())


def _classify(relations: list[list[int]]) -> tuple[set, dict] | None:
    """The ratio coordinates the relations fix, and the ties ``p -> (k, v)``: log ratio p plus v times
    log ratio k is fixed, v = -1 (proportional ratios) or +1 (inversely proportional); None when a
    relation ties coordinates otherwise (three ratios, or a square)."""
    if not relations:
        return set(), {}
    reduced, pivots = sympy.Matrix(relations).rref()
    fixed, ties = set(), {}
    for r, pivot in enumerate(pivots):
        others = [(i, v) for i, v in enumerate(reduced.row(r)) if v != 0 and i != pivot]
        if not others:
            fixed.add(pivot)
        elif len(others) == 1 and others[0][1] in (-1, 1):
            ties[pivot] = (others[0][0], int(others[0][1]))
        else:
            return None
    return fixed, ties


def _orderable(support: tuple, live: list, trembles: dict) -> bool:
    """Quick necessary conditions for some orders to make exactly ``support`` the least: nodes with the
    same trembles are in or out together, and no node in it trembles on a strict superset of another's."""
    inside = set(support)
    for x in live:
        for y in live:
            if trembles[x] == trembles[y] and (x in inside) != (y in inside):
                return False
            if y in inside and trembles[x] < trembles[y]:
                return False
    return True


def _tie_groups(fixed: set, ties: dict, where: list, sizes: dict) -> dict | None:
    """The followers: information set g -> (its representative h, per support position of g the pair
    (support position of h, how the factor is found)), so that mu_g is proportional to factor * mu_h
    position by position: a tied ratio follows h's ratio, a fixed one h's base node. None when the ties
    are not of that form (see the module docstring)."""
    coords: dict[int, list] = {}
    for r, (h, _) in enumerate(where):
        coords.setdefault(h, []).append(r)
    followers = {}
    for g, rs in coords.items():
        tied = [r for r in rs if r in ties]
        if not tied:
            continue
        targets = {where[ties[r][0]][0] for r in tied}
        if any(r not in ties and r not in fixed for r in rs) or len(targets) != 1:
            return None                                    # a free ratio, or ties to two sets
        (h,) = targets
        if h in followers or any(r in ties for r in coords[h]):
            return None
        signs = {ties[r][1] for r in tied}
        if signs == {-1}:                                  # rho_g,j = kappa rho_h,pi(j), or fixed
            mapping = {0: (0, None)}
            for r in rs:
                mapping[where[r][1]] = ((where[ties[r][0]][1], ("proportional", r, ties[r][0])) if r in ties
                                        else (0, ("fixed", r, None)))
        elif signs == {1} and sizes[g] == sizes[h] == 2:   # rho_g = kappa / rho_h
            (r,) = tied
            mapping = {0: (1, None), 1: (0, ("inverse", r, ties[r][0]))}
        else:
            return None
        followers[g] = (h, mapping)
    if any(h in followers for h, _ in followers.values()):
        return None
    return followers


def _piece_set(game: ExtensiveGame, h: int, chosen: int, outcome: list, support: list[int], ratios: list,
               exact: bool, tol: float, extra: tuple = ()) -> ConsistentBeliefSet | None:
    """The beliefs on ``support`` (node positions in the infoset) with the fixed ``ratios`` (and the
    ``extra`` rows over the support, pulled back from tied information sets) at which ``chosen`` is
    optimal, if the set meets the relative interior of the support's face."""
    infoset = game.infosets[h]
    histories = tuple(game.nodes[n].history for n in infoset.nodes)
    k = len(support)
    rows = [[outcome[s][chosen] - outcome[s][b] for s in support] for b in range(len(infoset.actions)) if b != chosen]
    for j, rho in ratios:                                  # mu[j] - rho mu[0] == 0, both ways
        row = [0] * k
        row[j], row[0] = 1, -rho
        rows.append(row)
        rows.append([-v for v in row])
    rows.extend(list(row) for row in extra)
    points = polytope_vertices(rows, k, exact=exact, tol=tol)
    if not points:
        return None
    centre = [sum(p[i] for p in points) / len(points) for i in range(k)]
    if any(c <= (0 if exact else tol) for c in centre):
        return None
    vertices = tuple(FrozenMap((histories[i], (_numbers.simplify_exact(p[support.index(i)]) if exact
                                                else p[support.index(i)]) if i in support else (0 if exact else 0.0))
                               for i in range(len(histories))) for p in points)
    constraints = tuple(FrozenMap(zip(histories, (outcome[s][chosen] - outcome[s][b] for s in range(len(histories)))))
                        for b in range(len(infoset.actions)) if b != chosen)
    fixed = tuple((histories[support[j]], histories[support[0]], rho) for j, rho in ratios)
    return ConsistentBeliefSet(infoset.label, infoset.actions[chosen], histories,
                               tuple(histories[s] for s in support), vertices, fixed, constraints, True, tol)


def _unconstrained_set(game: ExtensiveGame, h: int, chosen: int, outcome: list, exact: bool,
                       tol: float) -> ConsistentBeliefSet | None:
    infoset = game.infosets[h]
    histories = tuple(game.nodes[n].history for n in infoset.nodes)
    rows = [[row[chosen] - row[b] for row in outcome] for b in range(len(infoset.actions)) if b != chosen]
    points = polytope_vertices(rows, len(histories), exact=exact, tol=tol)
    if not points:
        return None
    return ConsistentBeliefSet(infoset.label, infoset.actions[chosen], histories, histories,
                               tuple(FrozenMap(zip(histories, p)) for p in points), (),
                               tuple(FrozenMap(zip(histories, r)) for r in rows), False, tol)


def sequential_equilibria(game: ExtensiveGame, *, tol: float = DEFAULT_TOL, max_profiles: int = 10**5,
                          max_pieces: int = 10**4) -> tuple[SequentialEquilibrium, ...]:
    r"""Every pure sequential equilibrium of a small tree, with its consistent belief sets off the path.

    Each pure behaviour profile is tried. On the path, beliefs follow Bayes'
    rule and the prescribed actions must be optimal. Off the path, every system
    of belief supports is tried: it must be realised by orders of trembles (an
    exact linear programme), the tremble weights fix some belief ratios, and at
    every unreached information set the prescribed action must be optimal for
    some belief in the relative interior of its support with those ratios. The
    profile is a sequential equilibrium if some system passes; each passing
    system is a piece of the equilibrium's belief set (see the module docstring).

    Parameters
    ----------
    game : ExtensiveGame
        Exact or float, with perfect recall.
    tol : float
        Float games only.
    max_profiles : int
        Refuse games with more pure behaviour profiles than this.
    max_pieces : int
        Refuse a profile whose unreached information sets have more systems of
        belief supports than this.

    Returns
    -------
    tuple of SequentialEquilibrium
        Each verified by :func:`cybergames.verify`.

    Raises
    ------
    ExtensiveGameError
        If the game is symbolic or too large, or if the tremble weights tie beliefs
        together other than node by node between two information sets (see the
        module docstring; check given beliefs with :func:`check_assessment`).
    PerfectRecallError
        If the game does not have perfect recall.

    References
    ----------
    D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica* 50 (1982) 863–894.

    Examples
    --------
    Selten's horse: in (R, R, L) player 3's information set is not reached, and
    every belief there is consistent, since two different players' trembles
    lead to her nodes. L is optimal iff :math:`\mu(L) \le 1/3`: one piece has
    both nodes in the support, one only the node after player 2's L.

    >>> from fractions import Fraction
    >>> from cybergames.extensive.classic import selten_horse
    >>> (eq,) = sequential_equilibria(selten_horse())
    >>> dict(eq.behaviour)
    {'1@root': 'R', '2@R': 'R', '3': 'L'}
    >>> sorted(sorted(v[("L",)] for v in piece["3"].vertices) for piece in eq.pieces)
    [[0], [0, Fraction(1, 3)]]
    >>> eq.admits({"3": {("L",): Fraction(1, 4), ("R", "L"): Fraction(3, 4)}})
    True
    """
    check_pure_search(game, tol, max_profiles)
    if isinstance(max_pieces, bool) or not isinstance(max_pieces, int) or max_pieces < 1:
        raise ExtensiveGameError(f"max_pieces: expected a positive int, got {max_pieces!r}")
    game.require_perfect_recall("sequential_equilibria")
    exact = game.kind != FLOAT
    slack = 0 if exact else tol
    one, zero = (1, 0) if exact else (1.0, 0.0)
    found = []
    for choice in itertools.product(*(range(len(s.actions)) for s in game.infosets)):
        table = [tuple(one if a == c else zero for a in range(len(s.actions))) for s, c in zip(game.infosets, choice)]
        equilibrium = _try_profile(game, table, choice, exact, slack, tol, max_pieces)
        if equilibrium is not None:
            found.append(equilibrium)
    return tuple(found)


def _try_profile(game: ExtensiveGame, table: list, choice: tuple, exact: bool, slack: float, tol: float,
                 max_pieces: int) -> SequentialEquilibrium | None:
    values, reach = _values_and_reach(game, table)
    paths = node_paths(game, table)
    on_path, unreached = [], []
    for h, infoset in enumerate(game.infosets):
        i, chosen = infoset.player, choice[h]
        outcome = [[values[game.nodes[n].children[a]][i] for a in range(len(infoset.actions))] for n in infoset.nodes]
        total = sum(reach[n] for n in infoset.nodes)
        if total > 0:
            mu = [_numbers.simplify_exact(_numbers.ratio(reach[n], total)) for n in infoset.nodes]
            q = [sum(m * row[a] for m, row in zip(mu, outcome)) for a in range(len(infoset.actions))]
            if max(q) > q[chosen] + slack:
                return None
            on_path.append((infoset.label, FrozenMap(zip((game.nodes[n].history for n in infoset.nodes), mu))))
            continue
        live = [k for k, n in enumerate(infoset.nodes) if paths[n][1] != 0]
        if not live:
            free = _unconstrained_set(game, h, chosen, outcome, exact, tol)
            if free is None:
                return None
            unreached.append((h, [None], outcome, free))
            continue
        options = []
        trembles = {k: set(paths[infoset.nodes[k]][0]) for k in live}
        for size in range(1, len(live) + 1):
            for support in itertools.combinations(live, size):
                if _orderable(support, live, trembles) and \
                        _piece_set(game, h, chosen, outcome, list(support), [], exact, tol) is not None:
                    options.append(list(support))
        if not options:
            return None
        unreached.append((h, options, outcome, None))
    combos = math.prod(len(options) for _, options, _, _ in unreached)
    if combos > max_pieces:
        raise ExtensiveGameError(f"game: {combos} systems of belief supports off the path of "
                                 f"{dict(zip((s.label for s in game.infosets), choice))}, more than "
                                 f"max_pieces={max_pieces}")
    pieces, certificates, all_ties = [], [], []
    for system in itertools.product(*(options for _, options, _, _ in unreached)):
        supports = {h: [game.infosets[h].nodes[k] for k in support]
                    for (h, _, _, free), support in zip(unreached, system) if free is None}
        if obviously_unorderable(game, paths, supports):
            continue
        pairs_, index, equal, greater = order_rows(game, paths, supports)
        orders = solve_orders(len(pairs_), equal, greater)
        if orders is None:
            continue
        rows, where = [], []
        for (h, _, _, free), support in zip(unreached, system):
            if free is not None:
                continue
            nodes = game.infosets[h].nodes
            first = _counts(paths[nodes[support[0]]][0], index)
            for j in range(1, len(support)):
                rows.append([a - b for a, b in zip(_counts(paths[nodes[support[j]]][0], index), first)])
                where.append((h, j))
        classified = _classify(weight_relations(rows))
        position = {u[0]: i for i, u in enumerate(unreached)}
        sizes = {h: len(system[position[h]]) for h, _ in where}
        internal = {} if classified is None else {
            r: k for r, (k, sign) in classified[1].items() if where[k][0] == where[r][0] and sign == -1}
        external = None if classified is None else {r: t for r, t in classified[1].items() if r not in internal}
        followers = None if classified is None else _tie_groups(classified[0], external, where, sizes)
        if followers is None:
            raise ExtensiveGameError(
                f"game: the tremble weights tie the belief ratios at information sets "
                f"{sorted({game.infosets[h].label for h, _ in where})} together off the path of "
                f"{dict(zip((s.label for s in game.infosets), choice))} in a way that is not a proportion "
                f"between the beliefs of two information sets; check given beliefs with check_assessment")
        fixed = classified[0]

        def base(r: int) -> Any:
            h, j = where[r]
            nodes, support = game.infosets[h].nodes, system[position[h]]
            return _numbers.ratio(paths[nodes[support[j]]][1], paths[nodes[support[0]]][1])

        def factor(how: Any) -> Any:
            if how is None:
                return 1
            kind, p, k = how
            if kind == "fixed":
                return base(p)
            return _numbers.ratio(base(p), base(k)) if kind == "proportional" else base(p) * base(k)

        maps = {g: (h, {pos: (target, factor(how)) for pos, (target, how) in mapping.items()})
                for g, (h, mapping) in followers.items()}
        sets: dict[int, ConsistentBeliefSet] = {}
        for (h, _, outcome, free), support in zip(unreached, system):
            if free is not None or h in maps:
                continue
            extra = []
            for g, (rep, mapping) in maps.items():
                if rep != h:
                    continue
                out_g, sup_g = unreached[position[g]][2], system[position[g]]
                for b in range(len(game.infosets[g].actions)):
                    if b == choice[g]:
                        continue
                    row = [0] * len(support)
                    for pos, (target, f) in mapping.items():
                        row[target] += f * (out_g[sup_g[pos]][choice[g]] - out_g[sup_g[pos]][b])
                    extra.append(row)
            for r, k in internal.items():                 # mu[j] = kappa mu[i] within this set
                if where[r][0] == h:
                    row = [0] * len(support)
                    row[where[r][1]], row[where[k][1]] = 1, -_numbers.ratio(base(r), base(k))
                    extra.extend([row, [-v for v in row]])
            ratios = [(j, base(r)) for r, (g, j) in enumerate(where) if g == h and r in fixed]
            belief_set = _piece_set(game, h, choice[h], outcome, support, ratios, exact, tol, tuple(extra))
            if belief_set is None:
                break
            sets[h] = belief_set
        else:
            tie_records = []
            for g, (h, mapping) in maps.items():
                pairs = tuple((_history(game, g, system[position[g]][pos]), _history(game, h, system[position[h]][target]), f)
                              for pos, (target, f) in sorted(mapping.items()))
                tie_records.append((game.infosets[g].label, game.infosets[h].label, pairs))
                sets[g] = _follower_set(game, g, choice[g], unreached[position[g]][2], system[position[g]],
                                        sets[h], pairs, exact, tol)
            piece = [(game.infosets[h].label, free if free is not None else sets[h])
                     for (h, _, _, free) in unreached]
            pieces.append(FrozenMap(piece))
            all_ties.append(tuple(tie_records))
            certificates.append(FrozenMap(((game.infosets[h].label, game.infosets[h].actions[a]), k)
                                          for (h, a), k in zip(pairs_, orders)))
    if not pieces:
        return None
    behaviour = FrozenMap((s.label, s.actions[c]) for s, c in zip(game.infosets, choice))
    return SequentialEquilibrium(behaviour, FrozenMap(on_path), tuple(pieces), tuple(certificates), values[0], game,
                                 tuple(all_ties))


def _follower_set(game: ExtensiveGame, g: int, chosen: int, outcome: list, support: list, rep_set: ConsistentBeliefSet,
                  pairs: tuple, exact: bool, tol: float) -> ConsistentBeliefSet:
    """A tied information set's beliefs: the images of its representative's set."""
    infoset = game.infosets[g]
    histories = tuple(game.nodes[n].history for n in infoset.nodes)
    vertices = []
    for v in rep_set.vertices:
        image = _tied({rep_set.infoset: v}, (infoset.label, rep_set.infoset, pairs))
        vertices.append(FrozenMap((n, _numbers.simplify_exact(image[n]) if n in image else (0 if exact else 0.0))
                                  for n in histories))
    constraints = tuple(FrozenMap(zip(histories, (outcome[s][chosen] - outcome[s][b] for s in range(len(histories)))))
                        for b in range(len(infoset.actions)) if b != chosen)
    return ConsistentBeliefSet(infoset.label, infoset.actions[chosen], histories,
                               tuple(histories[s] for s in support), tuple(vertices), (), constraints, True, tol)


def _history(game: ExtensiveGame, h: int, position: int) -> tuple:
    return game.nodes[game.infosets[h].nodes[position]].history


def _sample(belief_set: ConsistentBeliefSet) -> dict:
    """The centroid of the closure's vertices: a point of the relatively open set."""
    count = len(belief_set.vertices)
    return {n: _numbers.ratio(sum(v[n] for v in belief_set.vertices), count) for n in belief_set.nodes}


def sample_beliefs(piece: FrozenMap, ties: tuple) -> dict:
    """A belief system of a piece: the centroid of each set, then each tied set moved to its tie."""
    beliefs = {label: _sample(s) for label, s in piece.items()}
    for tie in ties:
        image = _tied(beliefs, tie)
        beliefs[tie[0]] = {n: image.get(n, 0 * v) for n, v in beliefs[tie[0]].items()}
    return beliefs


@verify.register
def _verify_sequential(eq: SequentialEquilibrium, *, epsilon: float = 1e-6, tol: float = 1e-4) -> Verification:
    """Re-check from the definitions. The payoffs are recomputed from the tree. For each piece,
    a belief system is sampled; sequential rationality is checked at every information set with it,
    against continuation payoffs recomputed node by node; consistency is checked by building the
    totally mixed behaviour :math:`\\eta(a) \\varepsilon^{K(a)}` of the piece's certificate (the
    weights :math:`\\eta` by least squares on the belief ratios) and comparing its Bayes beliefs
    with the sampled ones, in floats, at every information set."""
    game = eq.game
    failures: list[str] = []
    checked = 1
    one, zero = (1.0, 0.0) if game.kind == FLOAT else (1, 0)
    table = [tuple(one if a == eq.behaviour[s.label] else zero for a in s.actions) for s in game.infosets]
    payoffs = expected_payoffs(game, table)
    if any(abs(float(a) - float(b)) > tol for a, b in zip(payoffs, eq.payoffs)):
        failures.append(f"payoffs {eq.payoffs} recorded, {payoffs} recomputed")
    for piece, orders, ties in zip(eq.pieces, eq.orders, eq.ties or ((),) * len(eq.pieces)):
        beliefs = {label: dict(mu) for label, mu in eq.beliefs.items()}
        beliefs.update(sample_beliefs(piece, ties))
        for h, infoset in enumerate(game.infosets):
            mu = beliefs.get(infoset.label, {game.nodes[infoset.nodes[0]].history: 1})
            q = [sum(float(mu.get(game.nodes[n].history, 0)) * float(expected_payoffs(
                game, table, game.nodes[n].children[a])[infoset.player]) for n in infoset.nodes)
                for a in range(len(infoset.actions))]
            checked += 1
            if max(q) > q[infoset.actions.index(eq.behaviour[infoset.label])] + tol:
                failures.append(f"information set {infoset.label!r}: the prescribed action is not optimal")
        failures.extend(_tremble_check(game, table, beliefs, orders, epsilon, tol))
        checked += len(game.infosets)
    return Verification(not failures, checked, tuple(failures))


def _tremble_check(game: ExtensiveGame, table: list, beliefs: dict, orders: FrozenMap, epsilon: float,
                   tol: float) -> list[str]:
    """Bayes beliefs under the trembles of ``orders`` compared with ``beliefs`` (log space)."""
    pairs = [(h, s.actions.index(a)) for h, s in enumerate(game.infosets) for a in s.actions
             if (s.label, a) in orders]
    index = {p: k for k, p in enumerate(pairs)}
    paths = node_paths(game, table)
    rows, targets = [], []
    for h, infoset in enumerate(game.infosets):
        mu = beliefs.get(infoset.label, {game.nodes[infoset.nodes[0]].history: 1})
        support = [n for n in infoset.nodes if float(mu.get(game.nodes[n].history, 0)) > 0 and paths[n][1] != 0]
        for x in support[1:]:
            rows.append(np.array(_counts(paths[x][0], index), float) - np.array(_counts(paths[support[0]][0], index)))
            targets.append(math.log(float(mu[game.nodes[x].history]) * float(paths[support[0]][1])
                                    / (float(mu[game.nodes[support[0]].history]) * float(paths[x][1]))))
    weights = np.zeros(len(pairs))
    if rows and pairs:
        weights = np.linalg.lstsq(np.array(rows), np.array(targets), rcond=None)[0]
    failures = []
    for h, infoset in enumerate(game.infosets):
        logs = []
        for n in infoset.nodes:
            off, base = paths[n]
            if base == 0:
                logs.append(-math.inf)
                continue
            logs.append(math.log(float(base)) + sum(weights[index[p]] + orders[
                (game.infosets[p[0]].label, game.infosets[p[0]].actions[p[1]])] * math.log(epsilon) for p in off))
        if all(v == -math.inf for v in logs):
            continue
        top = max(logs)
        mass = [math.exp(v - top) for v in logs]
        bayes = [m / sum(mass) for m in mass]
        mu = beliefs.get(infoset.label, {game.nodes[infoset.nodes[0]].history: 1})
        for n, b in zip(infoset.nodes, bayes):
            if abs(b - float(mu.get(game.nodes[n].history, 0))) > tol:
                failures.append(f"information set {infoset.label!r}: the trembles of the certificate give belief "
                                f"{b:.6g} at {list(game.nodes[n].history)}, not {float(mu.get(game.nodes[n].history, 0)):.6g}")
                break
    return failures
