r"""Stochastic stability: which states survive vanishing mutations (KMR 1993, Young 1993).

A *perturbed Markov chain* :math:`P^\varepsilon` on a finite state space has
transition probabilities that vanish like :math:`\varepsilon^{r(x, y)}` as the
mutation rate :math:`\varepsilon \to 0`; :math:`r(x, y)` is the *resistance* of
the transition (the number of mutations it needs; :math:`r = 0` for moves of
the unperturbed dynamics). The chain is ergodic for :math:`\varepsilon > 0`
with a unique stationary distribution :math:`\mu^\varepsilon`. A state is
*stochastically stable* if :math:`\lim_{\varepsilon \to 0} \mu^\varepsilon(x) > 0`
(Foster & Young 1990).

**Exactly.** Let :math:`\Omega_1, \dots, \Omega_K` be the recurrent classes of
the unperturbed chain and :math:`r_{ij}` the least total resistance of a path
from :math:`\Omega_i` to :math:`\Omega_j`. The *stochastic potential* of
:math:`\Omega_j` is the least total resistance :math:`\sum r_{ik}` of a
spanning tree of the classes in which every class but :math:`\Omega_j` has one
outgoing edge and all paths lead to :math:`\Omega_j` (a :math:`j`-tree).
The stochastically stable states are the states of the classes of least
stochastic potential (Young 1993, Theorem 4, by the Markov chain tree theorem
of Freidlin & Wentzell 1984). Ellison's (2000) *radius* :math:`R(\Omega)` (the
least resistance of a path out of the basin of :math:`\Omega`) and *coradius*
:math:`CR(\Omega)` (the largest, over states, least resistance of a path into
:math:`\Omega`) give a sufficient condition: if :math:`R(\Omega) > CR(\Omega)`,
the stochastically stable states lie in :math:`\Omega`.

**Numerically.** :func:`stationary_distribution` computes
:math:`\mu^\varepsilon` exactly (Fractions) for a rational :math:`\varepsilon`
and in floats otherwise, by the subtraction-free elimination of Grassmann,
Taksar & Heyman (1985); as :math:`\varepsilon \to 0` its mass concentrates on
the stochastically stable classes.

Two chains are built in:

* :func:`kmr` (Kandori, Mailath & Rob 1993): :math:`N` players of a symmetric
  game, the state is how many play each action. Each period every player
  switches to a best response to the other :math:`N - 1` players' actions
  (keeping her action when it is one, else the first best response in action
  order); then each player independently mutates with probability
  :math:`\varepsilon` to one of the other actions, chosen uniformly. The
  resistance of :math:`z \to z'` is the number of players whose action the
  mutations must change, :math:`\tfrac12 \lVert b(z) - z' \rVert_1`.
* :func:`adaptive_play` (Young 1993): two players (roles) remember the last
  :math:`m` action profiles; each period each samples :math:`s` of the
  other's last :math:`m` actions without replacement and plays a best response
  to the sample's frequencies (uniformly among ties); with probability
  :math:`\varepsilon` she plays an action chosen uniformly at random instead.
  The state is the history; a transition's resistance is the number of players
  whose action is a best response to no sample.

In a 2x2 coordination game both select the risk-dominant equilibrium
(Harsanyi & Selten 1988) when the population or sample is large enough,
even when the other equilibrium is payoff dominant (the stag hunt).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers, limits
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, ParameterError
from ..games.normal_form import NormalFormGame
from . import _checks

__all__ = ["PerturbedChain", "kmr", "adaptive_play", "StochasticStability", "stochastically_stable",
           "StationaryDistribution", "stationary_distribution"]

#: The resistance of an impossible transition.
IMPOSSIBLE = -1
_INF = np.iinfo(np.int64).max // 4


@dataclass(frozen=True, eq=False)            # holds arrays: compared by identity
class PerturbedChain:
    """A Markov chain perturbed by mutations at rate epsilon, with the resistance of every transition.

    Attributes
    ----------
    model : str
        ``"KMR"`` or ``"adaptive play"``.
    states : tuple
        KMR: per state, the number of players of each action (in action order).
        Adaptive play: per state, the history of the last ``memory`` profiles
        (oldest first), each a pair of action labels.
    resistance : numpy.ndarray
        Read-only integer matrix: ``resistance[x, y]`` is the resistance of the
        transition from state ``x`` to ``y`` (``-1`` if it is impossible).
    parameters : tuple of pairs
        ``(("population", N),)`` or ``(("memory", m), ("sample", s))``.
    game : NormalFormGame
    """

    model: str
    states: tuple = field(repr=False)
    resistance: np.ndarray = field(repr=False)
    parameters: tuple
    game: NormalFormGame = field(repr=False)
    _targets: tuple = field(repr=False, default=())          # KMR: b(z) per state; adaptive play: beta per state

    @property
    def size(self) -> int:
        """The number of states."""
        return len(self.states)

    def label(self, state: int) -> str:
        """A readable description of state ``state`` (an index)."""
        value = self.states[state]
        if self.model == "KMR":
            return ", ".join(f"{a}: {c}" for a, c in zip(self.game.actions[0], value))
        return " ".join(f"({a},{b})" for a, b in value)

    def transition_matrix(self, epsilon: Any) -> Any:
        """The transition matrix at mutation rate ``epsilon``: Fractions (lists) for exact input, else floats.

        Raises
        ------
        ProbabilityError
            If ``epsilon`` is not strictly between 0 and 1.
        """
        epsilon = _checks.epsilon_of(epsilon)
        exact = not isinstance(epsilon, float)
        if self.model == "KMR":
            return _kmr_matrix(self, epsilon, exact)
        return _adaptive_matrix(self, epsilon, exact)


# --------------------------------------------------------------------------- KMR
def _compositions(n: int, k: int) -> list[tuple[int, ...]]:
    """All ways of writing ``n`` as an ordered sum of ``k`` non-negative integers (lexicographic, descending)."""
    if k == 1:
        return [(n,)]
    return [(first,) + rest for first in range(n, -1, -1) for rest in _compositions(n - first, k - 1)]


def _kmr_target(matrix: np.ndarray, z: tuple, n: int, kind: str, tol: float) -> tuple:
    """b(z): every player's best response to the other N - 1 (keep the current action if it is one)."""
    k = len(z)
    result = [0] * k
    unit = _numbers.unit_of(matrix) if kind == FLOAT else 1.0
    totals = [sum(matrix[a][b] * z[b] for b in range(k)) for a in range(k)]
    for c in range(k):
        if z[c] == 0:
            continue
        values = np.array([totals[a] - matrix[a][c] for a in range(k)], dtype=float if kind == FLOAT else object)
        best = _checks.best_response_indices(values, kind, tol, unit * n)       # sums of n - 1 payoffs
        choice = c if c in best else int(best[0])
        result[choice] += z[c]
    return tuple(result)


def kmr(game: NormalFormGame, population: int, *, tol: float = DEFAULT_TOL) -> PerturbedChain:
    r"""The KMR chain: a population of ``population`` best responders with mutations.

    Parameters
    ----------
    game : NormalFormGame
        A symmetric two-player game (``payoffs[1]`` is ``payoffs[0]`` transposed)
        with a few actions; each player is matched with every other one.
    population : int
        :math:`N \ge 2`. The chain has :math:`\binom{N + k - 1}{k - 1}` states
        (``k`` actions), at most ``cybergames.limits.MAX_CHAIN_STATES``.
    tol : float, keyword-only
        Ties of float payoffs (exact games compare exactly).

    Returns
    -------
    PerturbedChain

    Raises
    ------
    GameError
        If the game is not a numeric symmetric two-player game.
    ParameterError
        If ``population`` is not an integer >= 2, or the chain would exceed the limit.

    References
    ----------
    Kandori, M., Mailath, G. J. & Rob, R. (1993). Learning, mutation, and long run equilibria in
    games. *Econometrica* 61(1), 29–56.

    Examples
    --------
    >>> from cybergames import stag_hunt
    >>> from cybergames.dynamics import kmr
    >>> chain = kmr(stag_hunt(), 10)
    >>> chain.size, chain.label(0)
    (11, 'Stag: 10, Hare: 0')
    """
    game = _checks.symmetric_game_of(game, "kmr")
    n = _checks.count(population, "population", 2, "MAX_POPULATION")
    from ..equilibria._build import check_tol
    tol = check_tol(tol)
    k = game.shape[0]
    limits.check("the number of states of kmr(game, population)", math.comb(n + k - 1, k - 1), "MAX_CHAIN_STATES")
    states = _compositions(n, k)
    index = {z: i for i, z in enumerate(states)}
    kind = game.kind
    matrix = [list(row) for row in (np.asarray(game.payoffs[0], dtype=float) if kind == FLOAT
                                    else game.payoffs[0])]
    targets = tuple(index[_kmr_target(matrix, z, n, kind, tol)] for z in states)
    array = np.array(states, dtype=np.int64)
    moved = np.abs(array[list(targets)][:, None, :] - array[None, :, :]).sum(axis=2) // 2
    return PerturbedChain("KMR", tuple(states), _numbers.frozen(moved.astype(np.int64)),
                          (("population", n),), game, targets)


def _mutation_rows(chain: PerturbedChain, epsilon: Any, exact: bool) -> dict:
    """For each target composition y, the distribution of the composition after independent mutations."""
    k = chain.game.shape[0]
    one = Fraction(1) if exact else 1.0
    stay = one - epsilon
    move = epsilon / (k - 1) if not exact else Fraction(epsilon) / (k - 1)
    index = {z: i for i, z in enumerate(chain.states)}
    rows = {}
    for y in set(chain._targets):
        y_counts = chain.states[y]
        distribution = {tuple([0] * k): one}
        for a, size in enumerate(y_counts):
            if size == 0:
                continue
            group = {}
            for destination in _compositions(size, k):
                ways = math.factorial(size)
                for c in destination:
                    ways //= math.factorial(c)
                group[destination] = ways * stay ** destination[a] * move ** (size - destination[a])
            combined: dict = {}
            for left, p in distribution.items():
                for right, q in group.items():
                    key = tuple(u + v for u, v in zip(left, right))
                    combined[key] = combined.get(key, 0) + p * q
            distribution = combined
        row = [0 * one] * len(chain.states)
        for z, p in distribution.items():
            row[index[z]] = p
        rows[y] = row
    return rows


def _kmr_matrix(chain: PerturbedChain, epsilon: Any, exact: bool) -> Any:
    rows = _mutation_rows(chain, epsilon, exact)
    if exact:
        return [list(rows[y]) for y in chain._targets]
    return np.array([rows[y] for y in chain._targets], dtype=float)


# --------------------------------------------------------------------------- adaptive play
def _sample_best_replies(game: NormalFormGame, i: int, opponent_actions: tuple, sample: int, tol: float) -> tuple:
    """beta_i: the probability of each of player i's actions as a best reply to a random sample."""
    k = game.shape[i]
    kind = game.kind
    payoff = np.asarray(game.payoffs[i], dtype=float) if kind == FLOAT else game.payoffs[i]
    if i == 1:
        payoff = payoff.T                          # rows: own actions, columns: the opponent's
    m = len(opponent_actions)
    unit = _numbers.unit_of(payoff) if kind == FLOAT else 1.0
    total = [Fraction(0)] * k
    subsets = list(itertools.combinations(range(m), sample))
    for subset in subsets:
        counts = [0] * payoff.shape[1]
        for position in subset:
            counts[opponent_actions[position]] += 1
        values = np.array([sum(payoff[a][b] * counts[b] for b in range(len(counts))) for a in range(k)],
                          dtype=float if kind == FLOAT else object)
        best = _checks.best_response_indices(values, kind, tol, unit * sample)   # sums of sample payoffs
        for a in best:
            total[int(a)] += Fraction(1, len(best) * len(subsets))
    return tuple(total)


def adaptive_play(game: NormalFormGame, memory: int, sample: int, *, tol: float = DEFAULT_TOL) -> PerturbedChain:
    r"""Young's adaptive play: two players best respond to samples of a finite memory, with mistakes.

    Parameters
    ----------
    game : NormalFormGame
        A numeric two-player game.
    memory : int
        :math:`m \ge 1`, the number of past profiles remembered. The chain has
        :math:`(|A_1| |A_2|)^m` states, at most ``cybergames.limits.MAX_CHAIN_STATES``.
    sample : int
        :math:`1 \le s \le m`, the size of each player's sample (Young's
        theorem on conventions assumes :math:`s \le m/2`).
    tol : float, keyword-only
        Ties of float payoffs.

    Returns
    -------
    PerturbedChain

    Raises
    ------
    GameError
        If the game is not a numeric two-player game.
    ParameterError
        If ``memory`` or ``sample`` is out of range, or the chain exceeds the limit.

    References
    ----------
    Young, H. P. (1993). The evolution of conventions. *Econometrica* 61(1), 57–84.
    Young, H. P. (1998). *Individual Strategy and Social Structure*, Princeton University Press, ch. 4.

    Examples
    --------
    >>> from cybergames import stag_hunt
    >>> from cybergames.dynamics import adaptive_play
    >>> adaptive_play(stag_hunt(), memory=3, sample=1).size
    64
    """
    game = _checks.game_of(game, "adaptive_play")
    if game.num_players != 2:
        raise GameError(f"game: adaptive_play needs a two-player game, got {game.num_players} players")
    m = _checks.count(memory, "memory", 1, "MAX_CHAIN_STATES")
    if isinstance(sample, (bool, np.bool_)) or not isinstance(sample, (int, np.integer)) or not 1 <= sample <= m:
        raise ParameterError(f"sample: expected an integer from 1 to the memory {m}, got {sample!r}")
    sample = int(sample)
    from ..equilibria._build import check_tol
    tol = check_tol(tol)
    k1, k2 = game.shape
    profiles = k1 * k2
    limits.check("the number of states of adaptive_play(game, memory, sample)", profiles ** m, "MAX_CHAIN_STATES")
    histories = list(itertools.product(range(profiles), repeat=m))
    size = len(histories)
    resistance = np.full((size, size), IMPOSSIBLE, dtype=np.int64)
    betas = []
    cache: dict = {}
    for h, history in enumerate(histories):
        column = tuple(q % k2 for q in history)
        row = tuple(q // k2 for q in history)
        key1, key2 = (0, tuple(sorted(column))), (1, tuple(sorted(row)))
        if key1 not in cache:
            cache[key1] = _sample_best_replies(game, 0, key1[1], sample, tol)
        if key2 not in cache:
            cache[key2] = _sample_best_replies(game, 1, key2[1], sample, tol)
        beta1, beta2 = cache[key1], cache[key2]
        betas.append((beta1, beta2))
        shifted = (h * profiles) % size
        for a1 in range(k1):
            for a2 in range(k2):
                resistance[h, shifted + a1 * k2 + a2] = (beta1[a1] == 0) + (beta2[a2] == 0)
    states = tuple(tuple((game.actions[0][q // k2], game.actions[1][q % k2]) for q in history)
                   for history in histories)
    return PerturbedChain("adaptive play", states, _numbers.frozen(resistance), (("memory", m), ("sample", sample)),
                          game, tuple(betas))


def _adaptive_matrix(chain: PerturbedChain, epsilon: Any, exact: bool) -> Any:
    k1, k2 = chain.game.shape
    profiles = k1 * k2
    size = chain.size
    one = Fraction(1) if exact else 1.0
    matrix = [[0 * one] * size for _ in range(size)] if exact else np.zeros((size, size))
    for h, (beta1, beta2) in enumerate(chain._targets):
        shifted = (h * profiles) % size
        p1 = [(one - epsilon) * (b if exact else float(b)) + epsilon * one / k1 for b in beta1]
        p2 = [(one - epsilon) * (b if exact else float(b)) + epsilon * one / k2 for b in beta2]
        for a1 in range(k1):
            for a2 in range(k2):
                matrix[h][shifted + a1 * k2 + a2] = p1[a1] * p2[a2]
    return matrix


# --------------------------------------------------------------------------- graph algorithms
def _recurrent_classes(resistance: np.ndarray) -> list[list[int]]:
    """The closed communicating classes of the zero-resistance graph, each sorted, ordered by first state."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    zero = resistance == 0
    count, labels = connected_components(csr_matrix(zero.astype(np.int8)), directed=True, connection="strong")
    classes = []
    for c in range(count):
        members = np.flatnonzero(labels == c)
        leaving = zero[members][:, labels != c]
        if not leaving.any():
            classes.append(sorted(int(x) for x in members))
    return sorted(classes)


def _distances(resistance: np.ndarray, sources: list[int]) -> np.ndarray:
    """Least total resistance from any of ``sources`` to every state (dense Dijkstra, exact integers)."""
    size = len(resistance)
    cost = np.where(resistance >= 0, resistance, _INF)
    dist = np.full(size, _INF, dtype=np.int64)
    dist[sources] = 0
    done = np.zeros(size, dtype=bool)
    for _ in range(size):
        candidates = np.where(done, _INF, dist)
        x = int(np.argmin(candidates))
        if candidates[x] >= _INF:
            break
        done[x] = True
        np.minimum(dist, np.where(cost[x] < _INF, dist[x] + cost[x], _INF), out=dist)
    return dist


def _least_tree(weight: list[list[int]], nodes: list[int], root: int) -> dict:
    """A least-cost tree into ``root`` over ``nodes``: each other node's parent (Chu–Liu/Edmonds).

    ``weight[v][p]`` is the cost of node ``v`` pointing to parent ``p``. Each node first takes its
    cheapest parent; a cycle among the choices is contracted into one node (entering it costs the
    cheapest entry, leaving it replaces one cycle edge) and the smaller problem solved recursively
    (Chu & Liu 1965; Edmonds 1967, with the edges reversed).
    """
    choice = {}
    for v in nodes:
        if v != root:
            choice[v] = min((p for p in nodes if p != v), key=lambda p: (weight[v][p], p))
    cycle = None
    for start in choice:                         # find a cycle of the chosen parents, if any
        path, v = [], start
        while v != root and v not in path:
            path.append(v)
            v = choice[v]
        if v != root:
            cycle = path[path.index(v):]
            break
    if cycle is None:
        return choice
    members = set(cycle)
    c = max(len(weight), max(nodes) + 1)        # a fresh index for the contracted node
    size = c + 1
    contracted = [row + [_INF] * (size - len(row)) for row in weight] + [[_INF] * size]
    keep = [v for v in nodes if v not in members]
    enter_via, leave_via = {}, {}
    for v in keep:
        u = min(members, key=lambda u: (weight[v][u], u))
        contracted[v][c], enter_via[v] = weight[v][u], u
    for p in keep:
        u = min(members, key=lambda u: (weight[u][p] - weight[u][choice[u]], u))
        contracted[c][p], leave_via[p] = weight[u][p] - weight[u][choice[u]], u
    smaller = _least_tree(contracted, keep + [c], root)        # the root never lies on a cycle
    parents = {}
    for v, p in smaller.items():
        if v == c:
            u = leave_via[p]
            for w in cycle:
                parents[w] = choice[w]
            parents[u] = p
        else:
            parents[v] = enter_via[v] if p == c else p
    return parents


def _trees(matrix: list[list[int]]) -> tuple[list[int], list[tuple]]:
    """For each root j, the least total cost of a j-tree over ``matrix`` (edge i -> parent) and one such tree."""
    size = len(matrix)
    nodes = list(range(size))
    costs, trees = [], []
    for root in nodes:
        parents = _least_tree(matrix, nodes, root)
        costs.append(sum(matrix[v][p] for v, p in parents.items()))
        trees.append(tuple(None if v == root else parents[v] for v in nodes))
    return costs, trees


# --------------------------------------------------------------------------- exact stability
@dataclass(frozen=True)
class StochasticStability:
    """The stochastically stable states of a perturbed chain, with the trees that certify them.

    Attributes
    ----------
    classes : tuple of tuples of int
        The recurrent classes of the unperturbed chain (state indices).
    resistances : tuple of tuples of int
        ``resistances[i][j]``: the least resistance of a path from class i to class j.
    potentials : tuple of int
        The stochastic potential of each class: the cost of its least j-tree.
    trees : tuple of tuples
        For each class, a least-cost tree: per class its parent class (None for the root).
    stable : tuple of int
        The classes of least stochastic potential.
    stable_states : tuple
        Their states (as in ``chain.states``).
    radius, coradius : tuple of int
        Ellison's radius and coradius of each class.
    ellison : int or None
        A class with ``radius > coradius`` (then the only stable one), if any.
    chain : PerturbedChain
    """

    classes: tuple
    resistances: tuple
    potentials: tuple
    trees: tuple = field(repr=False)
    stable: tuple
    stable_states: tuple
    radius: tuple
    coradius: tuple
    ellison: int | None
    chain: PerturbedChain = field(repr=False)


def _basins(resistance: np.ndarray, classes: list[list[int]]) -> list[np.ndarray]:
    """For each class, the states from which the unperturbed chain reaches that class and no other."""
    zero = resistance == 0
    reach = []
    for members in classes:
        seen = np.zeros(len(zero), dtype=bool)
        seen[members] = True
        frontier = list(members)
        while frontier:                       # backwards along zero-resistance moves
            predecessors = np.flatnonzero(zero[:, frontier].any(axis=1) & ~seen)
            seen[predecessors] = True
            frontier = list(predecessors)
        reach.append(seen)
    total = np.sum(reach, axis=0)
    return [r & (total == 1) for r in reach]


def stochastically_stable(chain: PerturbedChain) -> StochasticStability:
    r"""The stochastically stable states, exactly, by least-cost trees over the recurrent classes.

    Also reports Ellison's radius and coradius of each class.

    Parameters
    ----------
    chain : PerturbedChain
        From :func:`kmr` or :func:`adaptive_play`.

    Returns
    -------
    StochasticStability

    Raises
    ------
    ParameterError
        If ``chain`` is not a :class:`PerturbedChain`, or it has more recurrent
        classes than ``cybergames.limits.MAX_RECURRENT_CLASSES``.

    References
    ----------
    Young, H. P. (1993). The evolution of conventions. *Econometrica* 61(1), 57–84, Theorem 4.
    Freidlin, M. I. & Wentzell, A. D. (1984). *Random Perturbations of Dynamical Systems*,
    Springer, ch. 6. Ellison, G. (2000). Basins of attraction, long-run stochastic stability,
    and the speed of step-by-step evolution. *Review of Economic Studies* 67(1), 17–45, Theorem 1.
    Chu, Y. J. & Liu, T. H. (1965). On the shortest arborescence of a directed graph. *Scientia
    Sinica* 14, 1396–1400. Edmonds, J. (1967). Optimum branchings. *J. Research of the National
    Bureau of Standards* 71B, 233–240 (the least tree into each class).

    Examples
    --------
    Skyrms' stag hunt (T, R, P, S = 3, 4, 3, 0) among 10 players: 3 mutations
    tip all-stag into all-hare, 8 are needed back, so hare is selected:

    >>> from cybergames import stag_hunt
    >>> from cybergames.dynamics import kmr, stochastically_stable
    >>> result = stochastically_stable(kmr(stag_hunt(), 10))
    >>> result.resistances, result.stable_states
    (((0, 3), (8, 0)), ((0, 10),))
    """
    if not isinstance(chain, PerturbedChain):
        raise ParameterError(f"chain: expected a PerturbedChain from kmr or adaptive_play, got {chain!r:.80}")
    resistance = chain.resistance
    classes = _recurrent_classes(resistance)
    limits.check("the number of recurrent classes", len(classes), "MAX_RECURRENT_CLASSES")
    from_class = [_distances(resistance, members) for members in classes]
    between = [[0 if i == j else int(min(from_class[i][members])) for j, members in enumerate(classes)]
               for i in range(len(classes))]
    potentials, trees = _trees(between)
    least = min(potentials)
    stable = tuple(j for j, p in enumerate(potentials) if p == least)
    basins = _basins(resistance, classes)
    reverse = resistance.T
    radius, coradius = [], []
    for c, members in enumerate(classes):
        outside = ~basins[c]
        radius.append(int(from_class[c][outside].min()) if outside.any() else 0)
        coradius.append(int(_distances(reverse, members).max()))
    ellison = next((c for c in range(len(classes)) if radius[c] > coradius[c]), None)
    return StochasticStability(tuple(tuple(m) for m in classes), tuple(tuple(r) for r in between),
                               tuple(int(p) for p in potentials), tuple(trees), stable,
                               tuple(chain.states[x] for j in stable for x in classes[j]),
                               tuple(radius), tuple(coradius), ellison, chain)


def _floyd_warshall(resistance: np.ndarray) -> np.ndarray:
    dist = np.where(resistance >= 0, resistance, _INF).astype(np.int64)
    np.fill_diagonal(dist, 0)
    for k in range(len(dist)):
        np.minimum(dist, np.minimum(dist[:, [k]] + dist[[k], :], _INF), out=dist)
    return dist


@verify.register
def _verify_stability(result: StochasticStability, **kwargs: Any) -> Verification:
    """Recompute the resistances from the game, the class-to-class costs by Floyd–Warshall and every tree.

    Checks: each transition's resistance (KMR: from best responses computed with
    ``game.best_responses``; adaptive play: the sampled best replies); each class is
    closed and irreducible under zero-resistance moves; the class resistances
    (Floyd–Warshall, not Dijkstra); that each reported tree is a tree of its cost
    and, for at most seven classes, by enumerating every tree, that none is
    cheaper than the least potential; and Ellison's condition where it is reported.
    """
    chain = result.chain
    failures: list[str] = []
    checked = 0
    game = chain.game
    if chain.model == "KMR":
        n = sum(chain.states[0])
        for x, z in enumerate(chain.states):
            target = [0] * len(z)
            for c, count in enumerate(z):
                if count == 0:
                    continue
                others = [Fraction(zb - (b == c), n - 1) if game.kind != FLOAT else (zb - (b == c)) / (n - 1)
                          for b, zb in enumerate(z)]
                best = game.best_responses(0, [None, others])
                label = game.actions[0][c]
                target[c if label in best else game.actions[0].index(best[0])] += count
            expected = [sum(max(0, t - y) for t, y in zip(target, z2)) for z2 in chain.states]
            checked += 1
            if list(chain.resistance[x]) != expected:
                failures.append(f"state {chain.label(x)}: resistances differ from the best responses")
    else:
        m, s = dict(chain.parameters)["memory"], dict(chain.parameters)["sample"]
        index = {h: x for x, h in enumerate(chain.states)}
        for x, history in enumerate(chain.states):
            replies = []
            for i in range(2):
                other = [profile[1 - i] for profile in history]
                found: set = set()
                for subset in itertools.combinations(range(m), s):
                    sample = [other[k] for k in subset]
                    belief = [Fraction(sample.count(a), s) for a in game.actions[1 - i]]
                    found.update(game.best_responses(i, [belief, belief]))
                replies.append(found)
            expected = np.full(chain.size, IMPOSSIBLE, dtype=np.int64)
            for a1 in game.actions[0]:
                for a2 in game.actions[1]:
                    expected[index[history[1:] + ((a1, a2),)]] = (a1 not in replies[0]) + (a2 not in replies[1])
            checked += 1
            if not np.array_equal(expected, chain.resistance[x]):
                failures.append(f"history {chain.label(x)}: resistances differ from the sampled best replies")
    dist = _floyd_warshall(np.asarray(chain.resistance))
    classes = [list(c) for c in result.classes]
    zero = np.asarray(chain.resistance) == 0
    zero_dist = _floyd_warshall(np.where(zero, 0, -1))
    for c, members in enumerate(classes):
        checked += 1
        outside = np.setdiff1d(np.arange(chain.size), members)
        if zero[np.ix_(members, outside)].any():
            failures.append(f"class {c} is not closed under zero-resistance moves")
        if np.any(zero_dist[np.ix_(members, members)] != 0):
            failures.append(f"class {c} is not irreducible")
    size = len(classes)
    between = [[0 if i == j else int(dist[np.ix_(classes[i], classes[j])].min()) for j in range(size)]
               for i in range(size)]
    checked += 1
    if tuple(tuple(r) for r in between) != result.resistances:
        failures.append(f"class resistances: recomputed {between}, reported {result.resistances}")
    for j, tree in enumerate(result.trees):
        checked += 1
        cost = sum(between[i][tree[i]] for i in range(size) if i != j)
        if tree[j] is not None or cost != result.potentials[j]:
            failures.append(f"tree of class {j}: cost {cost}, reported potential {result.potentials[j]}")
    least = min(result.potentials)
    for parents in itertools.product(range(size), repeat=size) if size <= 7 else ():   # by enumeration
        root = [i for i in range(size) if parents[i] == i]
        if len(root) != 1:
            continue
        ok = all(_reaches(parents, i, root[0]) for i in range(size))
        if ok and sum(between[i][parents[i]] for i in range(size) if i != root[0]) < least:
            failures.append(f"a tree rooted at class {root[0]} costs less than the least potential")
            break
    checked += 1
    if result.ellison is not None and result.stable != (result.ellison,):
        failures.append("Ellison's radius exceeds the coradius of a class that is not the only stable one")
    return Verification(not failures, checked, tuple(failures))


def _reaches(parents: tuple, i: int, root: int) -> bool:
    for _ in range(len(parents) + 1):
        if i == root:
            return True
        i = parents[i]
    return i == root


# --------------------------------------------------------------------------- stationary distribution
@dataclass(frozen=True)
class StationaryDistribution:
    """The stationary distribution of a perturbed chain at one mutation rate.

    Attributes
    ----------
    epsilon : number
    distribution : tuple
        The probability of each state (Fractions for a rational epsilon, floats otherwise).
    classes : tuple of tuples of int
        The recurrent classes of the unperturbed chain.
    class_mass : tuple
        The stationary probability of each class (as epsilon -> 0 it concentrates
        on the stochastically stable classes).
    chain : PerturbedChain

    The certificate is the balance ``mu P = mu`` with ``sum(mu) = 1``, which
    :func:`cybergames.verify` re-checks (exactly for Fractions).
    """

    epsilon: Any
    distribution: tuple = field(repr=False)
    classes: tuple
    class_mass: tuple
    chain: PerturbedChain = field(repr=False)


def _gth(matrix: Any, exact: bool) -> list:
    """The stationary distribution by Grassmann–Taksar–Heyman elimination (no subtractions)."""
    if exact:
        p = [list(row) for row in matrix]
        size = len(p)
        for k in range(size - 1, 0, -1):
            scale = sum(p[k][:k])
            for i in range(k):
                p[i][k] /= scale
            for i in range(k):
                factor = p[i][k]
                if factor:
                    row_i, row_k = p[i], p[k]
                    for j in range(k):
                        if row_k[j]:
                            row_i[j] += factor * row_k[j]
        x = [Fraction(1)] + [Fraction(0)] * (size - 1)
        for k in range(1, size):
            x[k] = sum(x[i] * p[i][k] for i in range(k))
        total = sum(x)
        return [v / total for v in x]
    p = np.array(matrix, dtype=float)
    size = len(p)
    for k in range(size - 1, 0, -1):
        scale = p[k, :k].sum()
        p[:k, k] /= scale
        p[:k, :k] += np.outer(p[:k, k], p[k, :k])
    x = np.zeros(size)
    x[0] = 1.0
    for k in range(1, size):
        x[k] = x[:k] @ p[:k, k]
    return list(x / x.sum())


def stationary_distribution(chain: PerturbedChain, epsilon: Any) -> StationaryDistribution:
    r"""The stationary distribution of the perturbed chain at mutation rate ``epsilon``.

    Parameters
    ----------
    chain : PerturbedChain
    epsilon : int, Fraction or float
        Strictly between 0 and 1. A Fraction gives exact probabilities (chains of at most
        ``cybergames.limits.MAX_EXACT_CHAIN_STATES`` states); a float gives floats.

    Returns
    -------
    StationaryDistribution

    Raises
    ------
    ProbabilityError
        If ``epsilon`` is not strictly between 0 and 1.
    ParameterError
        If ``chain`` is not a :class:`PerturbedChain`, or an exact answer is asked of too large a chain.

    References
    ----------
    Grassmann, W. K., Taksar, M. I. & Heyman, D. P. (1985). Regenerative analysis and steady state
    distributions for Markov chains. *Operations Research* 33(5), 1107–1116.

    Examples
    --------
    The mass on all-hare (class 1; class 0 is all-stag) grows to one as mutations vanish:

    >>> from fractions import Fraction
    >>> from cybergames import stag_hunt
    >>> from cybergames.dynamics import kmr, stationary_distribution
    >>> chain = kmr(stag_hunt(), 6)
    >>> [round(float(stationary_distribution(chain, Fraction(1, d)).class_mass[1]), 4) for d in (10, 100, 1000)]
    [0.5305, 0.9415, 0.994]
    """
    if not isinstance(chain, PerturbedChain):
        raise ParameterError(f"chain: expected a PerturbedChain from kmr or adaptive_play, got {chain!r:.80}")
    epsilon = _checks.epsilon_of(epsilon)
    exact = not isinstance(epsilon, float)
    if exact:
        limits.check("the number of states for an exact stationary distribution", chain.size,
                     "MAX_EXACT_CHAIN_STATES")
    matrix = chain.transition_matrix(epsilon)
    distribution = _gth(matrix, exact)
    if exact:
        distribution = [_numbers.simplify_exact(v) for v in distribution]
    else:
        distribution = [float(v) for v in distribution]
    classes = _recurrent_classes(chain.resistance)
    mass = tuple(_numbers.simplify_exact(sum(Fraction(distribution[x]) for x in members)) if exact
                 else float(sum(distribution[x] for x in members)) for members in classes)
    return StationaryDistribution(epsilon, tuple(distribution), tuple(tuple(c) for c in classes), mass, chain)


@verify.register
def _verify_stationary(result: StationaryDistribution, *, tol: float = 1e-9) -> Verification:
    """Check ``mu P = mu`` and ``sum(mu) = 1`` with P recomputed from the chain (exactly for Fractions)."""
    mu = result.distribution
    exact = not isinstance(result.epsilon, float)
    matrix = result.chain.transition_matrix(result.epsilon)
    failures = []
    size = len(mu)
    for y in range(size):
        inflow = sum(mu[x] * matrix[x][y] for x in range(size) if matrix[x][y])
        if (inflow != mu[y]) if exact else abs(inflow - mu[y]) > tol:
            failures.append(f"state {result.chain.label(y)}: inflow {inflow} differs from its probability {mu[y]}")
    if (sum(mu) != 1) if exact else abs(sum(mu) - 1) > tol:
        failures.append("the probabilities do not sum to one")
    return Verification(not failures, size + 1, tuple(failures))

