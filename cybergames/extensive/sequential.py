r"""Assessments in game trees: sequential rationality, Bayes consistency and pure weak perfect Bayesian equilibria.

An **assessment** is a behaviour profile :math:`\beta` with beliefs
:math:`\mu(\cdot \mid h)` over the nodes of every information set. With
:math:`v(n)` the payoffs :math:`\beta` gives from node :math:`n` on, the
value of action :math:`a` at :math:`h` is :math:`Q(a) = \sum_{n \in h}
\mu(n \mid h)\, v_i(n a)`. The assessment is

* **sequentially rational** (one-step form, Hendon, Jacobsen and Sloth 1996)
  when at every information set no action has a higher :math:`Q` than the
  behaviour's own mixture;
* **Bayes consistent** when at every information set reached with positive
  probability the beliefs are :math:`\mu(n \mid h) = P(n) / P(h)`.

Both together make a *weak* perfect Bayesian equilibrium (Mas-Colell,
Whinston and Green 1995, Definition 9.C.3). At an unreached information set
Bayes' rule says nothing, and :func:`weak_perfect_bayesian_equilibria` reports
the whole polytope of beliefs at which the prescribed action is optimal, as
:func:`cybergames.perfect_bayesian_equilibria` does for signalling games (and
the two agree there). Kreps–Wilson consistency (beliefs as limits of totally
mixed profiles) is *not* imposed, so in general trees these are weak PBE, a
superset of the sequential equilibria.

References
----------
D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica* 50 (1982) 863–894.
A. Mas-Colell, M. D. Whinston and J. R. Green, *Microeconomic Theory* (1995), §9.C.
E. Hendon, H. J. Jacobsen and B. Sloth, "The one-shot-deviation principle for
sequential rationality", *Games and Economic Behavior* 12 (1996) 274–282.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from ..errors import ExtensiveGameError, ParameterError
from ..signalling import FrozenMap
from ..signalling.beliefs import polytope_vertices
from .behaviour import behaviour_table
from .consistency import consistency
from .game import CHANCE, TERMINAL, ExtensiveGame

__all__ = ["check_assessment", "weak_perfect_bayesian_equilibria", "AssessmentCheck", "TreeBeliefSet",
           "WeakPBE"]


@dataclass(frozen=True)
class TreeBeliefSet:
    r"""The beliefs at an unreached information set at which the prescribed action is optimal.

    Attributes
    ----------
    infoset, action : str
    nodes : tuple of tuple
        The member nodes' histories (action labels from the root).
    vertices : tuple of FrozenMap
        The extreme points of the polytope, each a belief history -> probability.
    constraints : tuple of FrozenMap
        One inequality :math:`\sum_n c(n) \mu(n) \ge 0` per alternative action.
    """

    infoset: str
    action: str
    nodes: tuple
    vertices: tuple
    constraints: tuple = field(repr=False)

    def __contains__(self, belief: Any) -> bool:
        if not isinstance(belief, (dict, FrozenMap)):
            return False
        mu = [belief.get(n, 0) for n in self.nodes]
        if any(p < 0 for p in mu) or abs(sum(mu) - 1) > DEFAULT_TOL:
            return False
        return all(sum(c[n] * p for n, p in zip(self.nodes, mu)) >= -DEFAULT_TOL for c in self.constraints)


@dataclass(frozen=True)
class AssessmentCheck:
    """The result of :func:`check_assessment`.

    Attributes
    ----------
    sequentially_rational : bool
    consistent : bool
        Kreps–Wilson consistency: the beliefs are limits of Bayes beliefs under
        totally mixed behaviour converging to the profile (decided exactly, see
        :mod:`cybergames.extensive.consistency`). It implies ``bayes``.
    violations : tuple of str
        Each failed condition, with the information set and the gain or the Bayes belief.
    bayes : bool
        Bayes' rule holds wherever it applies (the weak consistency of weak PBE).
    orders : FrozenMap or None
        When consistent, the certificate: (infoset label, action label) -> the
        integer order :math:`K(a)` of the tremble on each action the profile never takes.
    """

    sequentially_rational: bool
    consistent: bool
    violations: tuple
    bayes: bool = True
    orders: FrozenMap | None = field(default=None, repr=False)

    @property
    def holds(self) -> bool:
        """Whether the assessment is a sequential equilibrium (sequentially rational and consistent)."""
        return self.sequentially_rational and self.consistent

    @property
    def is_weak_pbe(self) -> bool:
        """Whether the assessment is a weak perfect Bayesian equilibrium (sequentially rational, Bayes where it applies)."""
        return self.sequentially_rational and self.bayes


@dataclass(frozen=True, eq=False)
class WeakPBE:
    """A pure weak perfect Bayesian equilibrium of a tree.

    Attributes
    ----------
    behaviour : FrozenMap
        Information-set label -> the action played.
    beliefs : FrozenMap
        Information-set label -> a belief (FrozenMap history -> probability) where
        the set is reached, or a :class:`TreeBeliefSet` where it is not.
    payoffs : tuple
    game : ExtensiveGame
    """

    behaviour: FrozenMap
    beliefs: FrozenMap
    payoffs: tuple
    game: ExtensiveGame = field(repr=False)


def _values_and_reach(game: ExtensiveGame, table: list[tuple]) -> tuple[list, list]:
    one, zero = (1.0, 0.0) if game.kind == FLOAT else (1, 0)
    values: list = [None] * len(game.nodes)
    for node in reversed(game.nodes):
        if node.kind == TERMINAL:
            values[node.index] = node.payoffs
            continue
        weights = node.probabilities if node.kind == CHANCE else table[node.infoset]
        values[node.index] = tuple(
            _numbers.simplify_exact(sum((w * values[c][i] for w, c in zip(weights, node.children)), zero))
            for i in range(game.num_players))
    reach: list = [zero] * len(game.nodes)
    reach[0] = one
    for node in game.nodes:
        if node.kind == TERMINAL:
            continue
        weights = node.probabilities if node.kind == CHANCE else table[node.infoset]
        for w, c in zip(weights, node.children):
            reach[c] = reach[node.index] * w
    return values, reach


def _check_tol(tol: Any) -> None:
    if not isinstance(tol, (int, float)) or tol < 0:
        raise ParameterError(f"tol: expected a non-negative number, got {tol!r}")


def check_pure_search(game: Any, tol: Any, max_profiles: Any) -> None:
    """The checks of a search over every pure behaviour profile: a numeric game, a tolerance, a bound."""
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    _check_tol(tol)
    if isinstance(max_profiles, bool) or not isinstance(max_profiles, int) or max_profiles < 1:
        raise ExtensiveGameError(f"max_profiles: expected a positive int, got {max_profiles!r}")
    if game.is_symbolic:
        raise ExtensiveGameError("game: symbolic payoffs; substitute numbers with game.subs(...) first")
    count = math.prod(len(s.actions) for s in game.infosets)
    if count > max_profiles:
        raise ExtensiveGameError(f"game: {count} pure behaviour profiles, more than max_profiles={max_profiles}")


def check_assessment(game: ExtensiveGame, behaviour: Any, beliefs: Any, *,
                     tol: float = DEFAULT_TOL) -> AssessmentCheck:
    r"""Check an assessment for sequential rationality and Kreps–Wilson consistency.

    The assessment is a sequential equilibrium (Kreps and Wilson 1982) when both
    hold (:attr:`AssessmentCheck.holds`), a weak perfect Bayesian equilibrium
    when it is sequentially rational and Bayes' rule holds where it applies
    (:attr:`AssessmentCheck.is_weak_pbe`). Consistency is decided exactly by
    the orders of trembles of :mod:`cybergames.extensive.consistency`.

    Parameters
    ----------
    game : ExtensiveGame
        Exact or float, with perfect recall.
    behaviour : mapping
        Information-set label -> an action label, or a mapping action -> probability.
    beliefs : mapping
        Information-set label -> mapping node history (tuple of action labels)
        -> probability. Singleton information sets may be left out.
    tol : float
        Float games only.

    Returns
    -------
    AssessmentCheck

    Raises
    ------
    ExtensiveGameError
        If the behaviour or a belief does not fit the game, or the game is symbolic.
    PerfectRecallError
        If the game does not have perfect recall.

    References
    ----------
    D. M. Kreps and R. Wilson, "Sequential equilibria", *Econometrica* 50 (1982) 863–894.

    Examples
    --------
    Selten's horse: (R, R, L) with player 3 believing she is after player 1's L.

    >>> from cybergames.extensive.classic import selten_horse
    >>> game = selten_horse()
    >>> check = check_assessment(game, {"1@root": "R", "2@R": "R", "3": "L"},
    ...                          {"3": {("L",): 1, ("R", "L"): 0}})
    >>> check.holds, check.violations
    (False, ("information set '3': action 'R' gains 2 over the behaviour",))
    >>> check = check_assessment(game, {"1@root": "R", "2@R": "R", "3": "L"},
    ...                          {"3": {("L",): 0, ("R", "L"): 1}})
    >>> check.holds, dict(check.orders)
    (True, {('1@root', 'L'): 2, ('2@R', 'L'): 1, ('3', 'R'): 1})

    The orders certify consistency: player 1's tremble to L is of order
    :math:`\varepsilon^2`, player 2's of order :math:`\varepsilon`, so player 3's
    belief puts weight one on the node after player 2's L (her own tremble to R
    does not matter).
    """
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    _check_tol(tol)
    table = behaviour_table(game, behaviour)
    if not isinstance(beliefs, (dict, FrozenMap)):
        raise ExtensiveGameError(f"beliefs: expected a mapping infoset label -> belief, got {beliefs!r}")
    if game.is_symbolic:
        raise ExtensiveGameError("game: symbolic payoffs; substitute numbers with game.subs(...) first")
    game.require_perfect_recall("check_assessment")
    values, reach = _values_and_reach(game, table)
    slack = tol if game.kind == FLOAT else 0
    violations: list[str] = []
    rational = bayes_holds = True
    table_mu = []
    for h, infoset in enumerate(game.infosets):
        histories = [game.nodes[n].history for n in infoset.nodes]
        if len(infoset.nodes) == 1 and infoset.label not in beliefs:
            mu = [1]
        else:
            given = beliefs.get(infoset.label)
            if not isinstance(given, (dict, FrozenMap)) or set(given) - set(histories):
                raise ExtensiveGameError(f"beliefs[{infoset.label!r}]: expected a mapping over the node "
                                         f"histories {histories}, got {given!r}")
            mu = [_numbers.normalise(given.get(n, 0), f"beliefs[{infoset.label!r}]", ExtensiveGameError)
                  for n in histories]
            if any(p < 0 for p in mu) or abs(sum(mu) - 1) > max(slack, 0):
                raise ExtensiveGameError(f"beliefs[{infoset.label!r}]: expected a probability distribution, "
                                         f"got {given!r}")
        table_mu.append(mu)
        total = sum(reach[n] for n in infoset.nodes)
        if total > slack:
            bayes = [_numbers.ratio(reach[n], total) for n in infoset.nodes]
            if any(abs(a - b) > slack for a, b in zip(mu, bayes)):
                bayes_holds = False
                violations.append(f"information set {infoset.label!r}: beliefs {mu} differ from Bayes' rule "
                                  f"{[_numbers.simplify_exact(b) for b in bayes]}")
        i = infoset.player
        q = [sum(m * values[game.nodes[n].children[a]][i] for m, n in zip(mu, infoset.nodes))
             for a in range(len(infoset.actions))]
        current = sum(p * v for p, v in zip(table[h], q))
        for a, value in enumerate(q):
            gain = _numbers.simplify_exact(value - current)
            if gain > slack:
                rational = False
                violations.append(f"information set {infoset.label!r}: action {infoset.actions[a]!r} gains "
                                  f"{gain} over the behaviour")
    if bayes_holds:
        verdict = consistency(game, table, table_mu, tol=tol)
        violations.extend(verdict.reasons)
        return AssessmentCheck(rational, verdict.consistent, tuple(violations), True, verdict.orders)
    return AssessmentCheck(rational, False, tuple(violations), False, None)


def weak_perfect_bayesian_equilibria(game: ExtensiveGame, *, tol: float = DEFAULT_TOL,
                                     max_profiles: int = 10**5) -> tuple[WeakPBE, ...]:
    r"""Every pure weak perfect Bayesian equilibrium of a small tree, with exact belief sets off the path.

    Each pure behaviour profile is tried: on its path beliefs follow Bayes' rule
    and the prescribed actions must be optimal; at each unreached information
    set the belief polytope at which the prescribed action is optimal must be
    non-empty, and is returned (its vertices exact for exact games).

    Parameters
    ----------
    game : ExtensiveGame
        Exact or float.
    tol : float
        Float games only.
    max_profiles : int
        Refuse games with more pure behaviour profiles than this.

    Returns
    -------
    tuple of WeakPBE

    Raises
    ------
    ExtensiveGameError
        If the game is symbolic or too large.

    Notes
    -----
    Kreps–Wilson consistency is not imposed (see the module docstring); in
    signalling games, where every belief off the path is consistent, these are
    the pure perfect Bayesian equilibria.

    Examples
    --------
    >>> from cybergames.extensive import read_efg
    >>> from cybergames.signalling import beer_quiche, to_efg
    >>> game = read_efg(to_efg(beer_quiche()))
    >>> [dict(eq.behaviour) for eq in weak_perfect_bayesian_equilibria(game)][0]
    {'weak': 'beer', 'beer': 'not', 'quiche': 'duel', 'strong': 'beer'}
    """
    check_pure_search(game, tol, max_profiles)
    exact = game.kind != FLOAT
    slack = 0 if exact else tol
    one, zero = (1, 0) if exact else (1.0, 0.0)
    found = []
    for choice in itertools.product(*(range(len(s.actions)) for s in game.infosets)):
        table = [tuple(one if a == c else zero for a in range(len(s.actions))) for s, c in zip(game.infosets, choice)]
        values, reach = _values_and_reach(game, table)
        beliefs = []
        for h, infoset in enumerate(game.infosets):
            i, chosen = infoset.player, choice[h]
            histories = tuple(game.nodes[n].history for n in infoset.nodes)
            outcome = [[values[game.nodes[n].children[a]][i] for a in range(len(infoset.actions))]
                       for n in infoset.nodes]
            total = sum(reach[n] for n in infoset.nodes)
            if total > 0:
                mu = [_numbers.simplify_exact(_numbers.ratio(reach[n], total)) for n in infoset.nodes]
                q = [sum(m * row[a] for m, row in zip(mu, outcome)) for a in range(len(infoset.actions))]
                if max(q) > q[chosen] + slack:
                    break
                beliefs.append((infoset.label, FrozenMap(zip(histories, mu))))
                continue
            rows = [[row[chosen] - row[b] for row in outcome] for b in range(len(infoset.actions)) if b != chosen]
            points = polytope_vertices(rows, len(histories), exact=exact, tol=tol)
            if not points:
                break
            vertices = tuple(FrozenMap(zip(histories, (_numbers.simplify_exact(p) if exact else p for p in point)))
                             for point in points)
            constraints = tuple(FrozenMap(zip(histories, r)) for r in rows)
            beliefs.append((infoset.label, TreeBeliefSet(infoset.label, infoset.actions[chosen], histories,
                                                         vertices, constraints)))
        else:
            behaviour = FrozenMap((s.label, s.actions[c]) for s, c in zip(game.infosets, choice))
            found.append(WeakPBE(behaviour, FrozenMap(beliefs), values[0], game))
    return tuple(found)



