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

When the weights tie ratios at several nodes to each other (for instance the
same unknown ratio at two information sets), the piece is not a product of
polytopes; :func:`sequential_equilibria` then refuses the game rather than
report a wrong set, and :func:`~cybergames.extensive.check_assessment`
decides any given assessment.

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
from .consistency import node_paths, order_rows, solve_orders, weight_relations, _counts
from .game import ExtensiveGame
from .sequential import _check_tol, _values_and_reach

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
    """A pure sequential equilibrium of a tree.

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
    """

    behaviour: FrozenMap
    beliefs: FrozenMap
    pieces: tuple
    orders: tuple = field(repr=False)
    payoffs: tuple = ()
    game: ExtensiveGame = field(default=None, repr=False)

    def admits(self, beliefs: Any) -> bool:
        """Whether the beliefs at the unreached information sets (label -> belief) complete an equilibrium."""
        return any(all(label in beliefs and beliefs[label] in piece[label] for label in piece)
                   for piece in self.pieces)


def _rref_fixed(relations: list[list[int]], count: int) -> list[int] | None:
    """The ratio coordinates fixed by the relations, or None when they tie several coordinates together."""
    if not relations:
        return []
    reduced, pivots = sympy.Matrix(relations).rref()
    fixed = []
    for r in range(len(pivots)):
        row = reduced.row(r)
        if sum(1 for v in row if v != 0) != 1:
            return None
        fixed.append(pivots[r])
    return fixed


def _piece_set(game: ExtensiveGame, h: int, chosen: int, outcome: list, support: list[int], ratios: list,
               exact: bool, tol: float) -> ConsistentBeliefSet | None:
    """The beliefs on ``support`` (node positions in the infoset) with the fixed ``ratios`` at which
    ``chosen`` is optimal, if the set meets the relative interior of the support's face."""
    infoset = game.infosets[h]
    histories = tuple(game.nodes[n].history for n in infoset.nodes)
    k = len(support)
    rows = [[outcome[s][chosen] - outcome[s][b] for s in support] for b in range(len(infoset.actions)) if b != chosen]
    for j, rho in ratios:                                  # mu[j] - rho mu[0] == 0, both ways
        row = [0] * k
        row[j], row[0] = 1, -rho
        rows.append(row)
        rows.append([-v for v in row])
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
        If the game is symbolic or too large, or if the tremble weights tie belief
        ratios at several nodes together (the set is then not a product of
        polytopes; check given beliefs with :func:`check_assessment`).
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
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    _check_tol(tol)
    for name, value in (("max_profiles", max_profiles), ("max_pieces", max_pieces)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ExtensiveGameError(f"{name}: expected a positive int, got {value!r}")
    if game.is_symbolic:
        raise ExtensiveGameError("game: symbolic payoffs; substitute numbers with game.subs(...) first")
    game.require_perfect_recall("sequential_equilibria")
    count = math.prod(len(s.actions) for s in game.infosets)
    if count > max_profiles:
        raise ExtensiveGameError(f"game: {count} pure behaviour profiles, more than max_profiles={max_profiles}")
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
        for size in range(1, len(live) + 1):
            for support in itertools.combinations(live, size):
                if _piece_set(game, h, chosen, outcome, list(support), [], exact, tol) is not None:
                    options.append(list(support))
        if not options:
            return None
        unreached.append((h, options, outcome, None))
    combos = math.prod(len(options) for _, options, _, _ in unreached)
    if combos > max_pieces:
        raise ExtensiveGameError(f"game: {combos} systems of belief supports off the path of "
                                 f"{dict(zip((s.label for s in game.infosets), choice))}, more than "
                                 f"max_pieces={max_pieces}")
    pieces, certificates = [], []
    for system in itertools.product(*(options for _, options, _, _ in unreached)):
        supports = {h: [game.infosets[h].nodes[k] for k in support]
                    for (h, _, _, free), support in zip(unreached, system) if free is None}
        pairs, index, equal, greater = order_rows(game, paths, supports)
        orders = solve_orders(len(pairs), equal, greater)
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
        fixed = _rref_fixed(weight_relations(rows), len(rows))
        if fixed is None:
            raise ExtensiveGameError(
                f"game: the tremble weights tie the belief ratios at information sets "
                f"{sorted({game.infosets[h].label for h, _ in where})} together off the path of "
                f"{dict(zip((s.label for s in game.infosets), choice))}; the consistent beliefs are not a "
                f"product of polytopes there; check given beliefs with check_assessment")
        piece = []
        for (h, _, outcome, free), support in zip(unreached, system):
            if free is not None:
                piece.append((game.infosets[h].label, free))
                continue
            nodes = game.infosets[h].nodes
            ratios = [(j, _numbers.ratio(paths[nodes[support[j]]][1], paths[nodes[support[0]]][1]))
                      for r, (g, j) in enumerate(where) if g == h and r in fixed]
            belief_set = _piece_set(game, h, choice[h], outcome, support, ratios, exact, tol)
            if belief_set is None:
                break
            piece.append((game.infosets[h].label, belief_set))
        else:
            pieces.append(FrozenMap(piece))
            certificates.append(FrozenMap(((game.infosets[h].label, game.infosets[h].actions[a]), k)
                                          for (h, a), k in zip(pairs, orders)))
    if not pieces:
        return None
    behaviour = FrozenMap((s.label, s.actions[c]) for s, c in zip(game.infosets, choice))
    return SequentialEquilibrium(behaviour, FrozenMap(on_path), tuple(pieces), tuple(certificates), values[0], game)


def _sample(belief_set: ConsistentBeliefSet) -> dict:
    """The centroid of the closure's vertices: a point of the relatively open set."""
    count = len(belief_set.vertices)
    return {n: sum(v[n] for v in belief_set.vertices) / count for n in belief_set.nodes}


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
    for piece, orders in zip(eq.pieces, eq.orders):
        beliefs = {label: dict(mu) for label, mu in eq.beliefs.items()}
        beliefs.update({label: _sample(s) for label, s in piece.items()})
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
