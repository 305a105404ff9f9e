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

The weights can also tie ratios at two information sets together: player 3's
belief after a tremble of player 2 must repeat player 2's belief about player
1's tremble (Kreps and Wilson 1982, §3). When each tie is a proportion between
the ratios of two two-node supports, the piece records it
(:attr:`SequentialEquilibrium.ties`), its sets are the projections (the
intersection of the tied intervals), and
:meth:`SequentialEquilibrium.admits` checks the ties. Other ties (three ratios
at once, or ratios of larger supports) are not a product of polytopes;
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
        ``(label, x, x0, other, y, y0, kappa)`` says
        :math:`\mu_{label}(x)/\mu_{label}(x_0) = \kappa\, \mu_{other}(y)/\mu_{other}(y_0)`.
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


def _tie_holds(beliefs: Any, tie: tuple) -> bool:
    label, x, x0, other, y, y0, kappa = tie
    left = beliefs[label].get(x, 0) * beliefs[other].get(y0, 0)
    right = kappa * beliefs[other].get(y, 0) * beliefs[label].get(x0, 0)
    exact = all(_numbers.is_exact(v) for v in (left, right))
    return left == right if exact else abs(left - right) <= DEFAULT_TOL


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


def _ratio_interval(rows: list, slack: float) -> tuple | None:
    r"""For a two-node support, the ratios :math:`\rho = \mu(x_1)/\mu(x_0)` with
    :math:`c_0 + c_1 \rho \ge 0` for every row: ``(low, high)`` (high None for no bound), or None."""
    low, high = 0, None
    for c0, c1 in rows:
        if c1 > 0:
            low = max(low, _numbers.ratio(-c0, c1))
        elif c1 < 0:
            bound = _numbers.ratio(c0, -c1)
            high = bound if high is None else min(high, bound)
        elif c0 < -slack:
            return None
    return low, high


def _through(interval: tuple, kappa: Any, sign: int, forward: bool = False) -> tuple:
    r"""Map an interval of ratios through :math:`\rho_m = \kappa \rho_k^{sign}`: to the interval of
    :math:`\rho_m` (``forward``) or back to that of :math:`\rho_k`. None stands for infinity."""
    low, high = interval
    if sign == 1:
        if forward:
            return kappa * low, None if high is None else kappa * high
        return _numbers.ratio(low, kappa), None if high is None else _numbers.ratio(high, kappa)
    # rho_m = kappa / rho_k and rho_k = kappa / rho_m: the same map both ways
    return (0 if high is None else _numbers.ratio(kappa, high)), (None if not low else _numbers.ratio(kappa, low))


def _nonempty(low: Any, high: Any, slack: float) -> bool:
    """Whether some ratio in (0, infinity) lies in [low, high]."""
    return high is None or (high > 0 and low <= high + slack)


def _piece_set(game: ExtensiveGame, h: int, chosen: int, outcome: list, support: list[int], ratios: list,
               exact: bool, tol: float, bounds: tuple = (0, None)) -> ConsistentBeliefSet | None:
    """The beliefs on ``support`` (node positions in the infoset) with the fixed ``ratios`` (and, for a
    two-node support, ``low <= mu[1]/mu[0] <= high`` from ``bounds``) at which ``chosen`` is optimal,
    if the set meets the relative interior of the support's face."""
    infoset = game.infosets[h]
    histories = tuple(game.nodes[n].history for n in infoset.nodes)
    k = len(support)
    rows = [[outcome[s][chosen] - outcome[s][b] for s in support] for b in range(len(infoset.actions)) if b != chosen]
    for j, rho in ratios:                                  # mu[j] - rho mu[0] == 0, both ways
        row = [0] * k
        row[j], row[0] = 1, -rho
        rows.append(row)
        rows.append([-v for v in row])
    low, high = bounds
    if low:
        rows.append([-low, 1])
    if high is not None:
        rows.append([high, -1])
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
        ratios together other than in proportions between two-node supports (see
        the module docstring; check given beliefs with :func:`check_assessment`).
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
    pieces, certificates, all_ties = [], [], []
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
        classified = _classify(weight_relations(rows))
        coupled = classified is not None and any(
            len(system[[u[0] for u in unreached].index(where[r][0])]) != 2
            for r in set(classified[1]) | {k for k, _ in classified[1].values()})
        if classified is None or coupled:
            raise ExtensiveGameError(
                f"game: the tremble weights tie the belief ratios at information sets "
                f"{sorted({game.infosets[h].label for h, _ in where})} together off the path of "
                f"{dict(zip((s.label for s in game.infosets), choice))} in a way that is not a proportion "
                f"between two-node supports; check given beliefs with check_assessment")
        fixed, ties = classified
        position = {u[0]: i for i, u in enumerate(unreached)}

        def base(r: int) -> Any:
            h, j = where[r]
            nodes, support = game.infosets[h].nodes, system[position[h]]
            return _numbers.ratio(paths[nodes[support[j]]][1], paths[nodes[support[0]]][1])

        bounds: dict[int, tuple] = {}                  # infoset -> (low, high) of its one ratio
        tie_records = []
        for k in sorted({k for k, _ in ties.values()}):
            # each member m: rho_m = kappa_m * rho_k ** sign_m (from log rho_m - sign_m log rho_k fixed)
            members = {k: (1, 1)}
            for p in sorted(ties):
                if ties[p][0] == k:
                    sign = -ties[p][1]
                    members[p] = (_numbers.ratio(base(p), base(k)) if sign == 1 else base(p) * base(k), sign)
            low, high = 0, None
            for m, (kappa, sign) in members.items():
                h = where[m][0]
                outcome, support = unreached[position[h]][2], system[position[h]]
                rows_m = [[outcome[support[0]][choice[h]] - outcome[support[0]][b],
                           outcome[support[1]][choice[h]] - outcome[support[1]][b]]
                          for b in range(len(game.infosets[h].actions)) if b != choice[h]]
                own = _ratio_interval(rows_m, slack)
                if own is None:
                    low, high = 1, 0
                    break
                own_low, own_high = _through(own, kappa, sign)
                low = max(low, own_low)
                high = own_high if high is None else high if own_high is None else min(high, own_high)
            if not _nonempty(low, high, slack):
                break
            for m, (kappa, sign) in members.items():
                bounds[where[m][0]] = _through((low, high), kappa, sign, forward=True)
            hk = where[k][0]
            sk = system[position[hk]]
            for p, (kappa, sign) in members.items():
                if p == k:
                    continue
                hp = where[p][0]
                sp = system[position[hp]]
                y, y0 = (sk[1], sk[0]) if sign == 1 else (sk[0], sk[1])
                tie_records.append((game.infosets[hp].label, _history(game, hp, sp[1]), _history(game, hp, sp[0]),
                                    game.infosets[hk].label, _history(game, hk, y), _history(game, hk, y0), kappa))
        else:
            piece = []
            for (h, _, outcome, free), support in zip(unreached, system):
                if free is not None:
                    piece.append((game.infosets[h].label, free))
                    continue
                ratios = [(j, base(r)) for r, (g, j) in enumerate(where) if g == h and r in fixed]
                belief_set = _piece_set(game, h, choice[h], outcome, support, ratios, exact, tol,
                                        bounds.get(h, (0, None)))
                if belief_set is None:
                    break
                piece.append((game.infosets[h].label, belief_set))
            else:
                pieces.append(FrozenMap(piece))
                all_ties.append(tuple(tie_records))
                certificates.append(FrozenMap(((game.infosets[h].label, game.infosets[h].actions[a]), k)
                                              for (h, a), k in zip(pairs, orders)))
    if not pieces:
        return None
    behaviour = FrozenMap((s.label, s.actions[c]) for s, c in zip(game.infosets, choice))
    return SequentialEquilibrium(behaviour, FrozenMap(on_path), tuple(pieces), tuple(certificates), values[0], game,
                                 tuple(all_ties))


def _history(game: ExtensiveGame, h: int, position: int) -> tuple:
    return game.nodes[game.infosets[h].nodes[position]].history


def _sample(belief_set: ConsistentBeliefSet) -> dict:
    """The centroid of the closure's vertices: a point of the relatively open set."""
    count = len(belief_set.vertices)
    return {n: sum(v[n] for v in belief_set.vertices) / count for n in belief_set.nodes}


def sample_beliefs(piece: FrozenMap, ties: tuple) -> dict:
    """A belief system of a piece: the centroid of each set, then each tied set moved to its tie."""
    beliefs = {label: _sample(s) for label, s in piece.items()}
    for label, x, x0, other, y, y0, kappa in ties:
        rho = kappa * beliefs[other][y] / beliefs[other][y0]
        beliefs[label] = {n: 0 * rho for n in beliefs[label]}
        beliefs[label][x], beliefs[label][x0] = rho / (1 + rho), 1 / (1 + rho)
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
