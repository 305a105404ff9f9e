r"""Subgame-perfect equilibria by backward induction over subgames.

A *subgame* starts at a node whose subtree contains every information set it
touches entirely. Backward induction (Kuhn 1953; Selten 1965) solves the
smallest subgames first and replaces each by the payoffs of an equilibrium of
it:

* a decision node whose children are all subgames or terminal nodes (a
  perfect-information step) keeps every action that maximises the mover's
  payoff, so that in a game of perfect information *every* pure
  subgame-perfect equilibrium is found (one per choice among tied actions);
* a chance node averages its children;
* a block of nodes joined by information sets, with no proper subgame inside,
  is solved as a game of its own: its reduced strategic form is passed to
  :func:`~cybergames.equilibria.nash_equilibria` (every extreme equilibrium
  when two players move in the block, the pure equilibria otherwise), and each
  equilibrium is mapped back to behaviour strategies.

Each combination of the subgames' equilibria gives one profile, so the
answer lists every subgame-perfect equilibrium that these choices reach. For a
symbolic game the perfect-information steps return, with each equilibrium, the
condition on the symbols under which its choices are optimal (for instance a
Stackelberg leader's threshold).

References
----------
R. Selten, "Spieltheoretische Behandlung eines Oligopolmodells mit
Nachfrageträgheit", *Zeitschrift für die gesamte Staatswissenschaft* 121 (1965).
R. Gibbons, *A Primer in Game Theory* (1992), §2.1 and §2.4.
M. J. Osborne and A. Rubinstein, *A Course in Game Theory* (1994), §6.2.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from ..equilibria import nash_equilibria
from ..errors import ExtensiveGameError, ParameterError
from ..games import NormalFormGame
from .behaviour import (ExtensiveEquilibria, behaviour_from_mixed, expected_payoffs, make_equilibrium,
                        payoff_scale, relation, subgame_roots)
from .forms import reduced_normal_form
from .game import CHANCE, TERMINAL, ExtensiveGame, chance, decision

__all__ = ["subgame_perfect_equilibria"]

_METHOD = "backward induction over subgames"


class _Partial:
    """One equilibrium of a subgame: behaviour at its information sets, payoffs, condition."""

    __slots__ = ("behaviour", "value", "condition", "complete")

    def __init__(self, behaviour: dict, value: tuple, condition: Any, complete: bool = True) -> None:
        self.behaviour = behaviour
        self.value = value
        self.condition = condition
        self.complete = complete


def subgame_perfect_equilibria(game: ExtensiveGame, *, tol: float = DEFAULT_TOL,
                               max_equilibria: int = 10_000) -> ExtensiveEquilibria:
    r"""Subgame-perfect equilibria of a finite extensive game with perfect recall, by backward induction.

    Parameters
    ----------
    game : ExtensiveGame
        Exact, float, or symbolic (symbols only where the remaining choices are
        of perfect information).
    tol : float
        Float games only: actions within ``tol`` of the best count as ties.
    max_equilibria : int
        Refuse to list more equilibria than this (ties multiply them).

    Returns
    -------
    ExtensiveEquilibria
        Each an :class:`ExtensiveEquilibrium` whose ``gains`` are the largest
        best-deviation gains over all subgames (exactly zero for exact games).
        ``complete`` is True when every step kept every equilibrium of its kind:
        every pure SPE of a perfect-information game; with imperfect
        information, every combination of the subgames' extreme equilibria
        (two movers per block) — False when a block with more than two movers
        was not solved completely (see :func:`~cybergames.nash_equilibria`).
        Sorted by first appearance.

    Raises
    ------
    PerfectRecallError
        If the game lacks perfect recall.
    ExtensiveGameError
        If a symbolic block has imperfect information, or there are more than
        ``max_equilibria`` equilibria.

    Notes
    -----
    At a perfect-information step, mixing between tied actions is also
    subgame perfect; those continua are represented by their pure extreme points.

    References
    ----------
    R. Gibbons, *A Primer in Game Theory* (1992), §2.1 (backward induction) and
    §2.4.B (subgame perfection).

    Examples
    --------
    Gibbons (1992, §2.1.A): player 1 chooses L or R; after R player 2 chooses L' or R'.

    >>> from cybergames.extensive import ExtensiveGame, decision
    >>> game = ExtensiveGame(decision("1", {"L": (1, 2), "R": decision("2", {"L'": (0, 1), "R'": (2, 0)})}))
    >>> [eq.path for eq in subgame_perfect_equilibria(game)]
    [('L',)]

    A symbolic threshold: the entrant enters exactly when accommodating is the incumbent's better reply.

    >>> import sympy
    >>> a, f = sympy.symbols("a f")
    >>> game = ExtensiveGame(decision("E", {"Out": (0, 2), "In": decision("I", {"Fight": (-1, f),
    ...                                                                       "Acc": (1, a)})}))
    >>> [(eq.path, eq.condition) for eq in subgame_perfect_equilibria(game)]
    [(('Out',), f >= a), (('In', 'Acc'), a >= f)]
    """
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    if isinstance(max_equilibria, bool) or not isinstance(max_equilibria, int) or max_equilibria < 1:
        raise ParameterError(f"max_equilibria: expected a positive int, got {max_equilibria!r}")
    if not isinstance(tol, (int, float)) or tol < 0:
        raise ParameterError(f"tol: expected a non-negative number, got {tol!r}")
    game.require_perfect_recall("subgame_perfect_equilibria")
    roots = subgame_roots(game)
    solver = _Solver(game, set(roots), tol, max_equilibria)
    partials = solver.solve(0)
    results = []
    seen = set()
    for partial in partials:
        table = [partial.behaviour[h] for h in range(len(game.infosets))]
        eq = make_equilibrium(game, table, roots=roots, method=f"subgame perfect: {_METHOD}",
                              condition=partial.condition if game.is_symbolic else None)
        if eq not in seen:
            seen.add(eq)
            results.append(eq)
    complete = all(p.complete for p in partials)
    return ExtensiveEquilibria(results, game=game, method=_METHOD, complete=complete)


class _Solver:
    def __init__(self, game: ExtensiveGame, roots: set, tol: float, limit: int) -> None:
        self.game = game
        self.roots = roots
        self.tol = tol
        self.scale = payoff_scale(game) if game.kind == FLOAT else 1.0
        self.limit = limit
        self.memo: dict[int, list[_Partial]] = {}
        self.index = {s.label: h for h, s in enumerate(game.infosets)}

    def frontier(self, v: int) -> tuple[list[int], list[int]]:
        """The block of ``v`` (nodes reached without entering another subgame) and its frontier
        (subgame roots and terminal nodes just below the block)."""
        block, frontier, stack = [], [], [v]
        while stack:
            u = stack.pop()
            node = self.game.nodes[u]
            if u != v and (u in self.roots or node.kind == TERMINAL):
                frontier.append(u)
                continue
            block.append(u)
            stack.extend(reversed(node.children))
        return block, frontier

    def leaf(self, u: int) -> list[_Partial]:
        node = self.game.nodes[u]
        if node.kind == TERMINAL:
            return [_Partial({}, node.payoffs, sympy.true)]
        return self.solve(u)

    def solve(self, v: int) -> list[_Partial]:
        if v in self.memo:
            return self.memo[v]
        block, frontier = self.frontier(v)
        options = [self.leaf(u) for u in frontier]
        count = 1
        for o in options:
            count *= len(o)
        if count > self.limit:
            raise ExtensiveGameError(f"game: more than max_equilibria={self.limit} subgame-perfect equilibria "
                                     f"(ties multiply them); raise max_equilibria")
        results: list[_Partial] = []
        for combination in itertools.product(*options):
            merged: dict = {}
            condition = sympy.true
            for part in combination:
                merged.update(part.behaviour)
                condition = sympy.And(condition, part.condition)
            if condition is sympy.false:
                continue
            values = dict(zip(frontier, (part.value for part in combination)))
            complete = all(part.complete for part in combination)
            if len(block) == 1:
                results.extend(self.single(v, values, merged, condition, complete))
            else:
                results.extend(self.block(v, block, values, merged, condition, complete))
            if len(results) > self.limit:
                raise ExtensiveGameError(f"game: more than max_equilibria={self.limit} subgame-perfect "
                                         f"equilibria (ties multiply them); raise max_equilibria")
        self.memo[v] = results
        return results

    def single(self, v: int, values: dict, merged: dict, condition: Any, complete: bool) -> list[_Partial]:
        game = self.game
        node = game.nodes[v]
        children = [values[c] for c in node.children]
        if node.kind == CHANCE:
            value = tuple(_numbers.simplify_exact(sum((p * u[i] for p, u in zip(node.probabilities, children)),
                                                      0 * children[0][i]))
                          for i in range(game.num_players))
            return [_Partial(merged, value, condition, complete)]
        i = node.player
        own = [u[i] for u in children]
        out = []
        one = 1.0 if game.kind == FLOAT else 1
        for a, value in enumerate(own):
            if game.is_symbolic:
                relations = [relation(value, other) for b, other in enumerate(own) if b != a]
                keep = sympy.And(condition, *relations)
                if keep is sympy.false:
                    continue
            else:
                best = max(own)
                if value < best - (self.tol * self.scale if game.kind == FLOAT else 0):
                    continue
                keep = condition
            behaviour = dict(merged)
            behaviour[node.infoset] = tuple(one if b == a else 0 * one for b in range(len(own)))
            out.append(_Partial(behaviour, children[a], keep, complete))
        return out

    def block(self, v: int, block: list[int], values: dict, merged: dict, condition: Any,
              complete: bool) -> list[_Partial]:
        """Solve a block with imperfect information through its reduced strategic form."""
        game = self.game
        if game.is_symbolic:
            raise ExtensiveGameError(
                f"game: the subgame at history {list(game.nodes[v].history)} has imperfect information; "
                f"symbolic payoffs are solved only where every choice is of perfect information "
                f"(substitute numbers with game.subs(...))")
        inside = set(block)

        def build(u: int) -> Any:          # recursion depth is the block's depth
            if u not in inside:
                return values[u]
            node = game.nodes[u]
            if node.kind == CHANCE:
                return chance({a: (p, build(c)) for a, p, c in zip(node.actions, node.probabilities, node.children)})
            return decision(game.players[node.player], {a: build(c) for a, c in zip(node.actions, node.children)},
                            game.infosets[node.infoset].label)

        sub = ExtensiveGame(build(v), game.players)
        strategic = reduced_normal_form(sub)
        movers = [i for i in range(sub.num_players) if any(s.player == i for s in sub.infosets)]
        shape = strategic.shape
        squeezed = NormalFormGame([np.asarray(strategic.payoffs[i]).reshape([shape[j] for j in movers])
                                   for i in movers], [strategic.actions[j] for j in movers],
                                  [strategic.players[j] for j in movers])
        equilibria = nash_equilibria(squeezed, tol=self.tol)
        out = []
        for eq in equilibria:
            mixed = []
            k = 0
            for i in range(sub.num_players):
                if i in movers:
                    mixed.append(list(eq.strategies[k]))
                    k += 1
                else:
                    mixed.append([1.0 if game.kind == FLOAT else 1])
            table = behaviour_from_mixed(sub, tuple(mixed))
            behaviour = dict(merged)
            for h, infoset in enumerate(sub.infosets):
                behaviour[self.index[infoset.label]] = table[h]
            value = tuple(_numbers.simplify_exact(eq.payoffs[movers.index(i)]) if i in movers
                          else self.passive_value(sub, table, i) for i in range(sub.num_players))
            out.append(_Partial(behaviour, value, condition, complete and equilibria.complete))
        return out

    @staticmethod
    def passive_value(sub: ExtensiveGame, table: list, i: int) -> Any:
        return expected_payoffs(sub, table)[i]

