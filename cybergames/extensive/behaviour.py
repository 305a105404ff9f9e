r"""Behaviour strategies, realisation plans and best responses in extensive games; the equilibrium result.

A **behaviour strategy** gives, at each information set, a probability
distribution over its actions. Under perfect recall it is equivalent (Kuhn
1953) to a mixed strategy and to its **realisation plan**

.. math:: x(h, a) = \prod_{(h', a') \preceq (h, a)} \beta(h')(a'),

the product of the player's own move probabilities along the sequence.

A player's **best-response value** against the others' behaviour is found by
backward induction over her own sequences: with :math:`w(\ell)` the
probability that chance and the other players reach the terminal node
:math:`\ell`,

.. math::

    V(\sigma) = \sum_{\ell:\ \sigma(\ell) = \sigma} w(\ell) u_i(\ell)
        + \sum_{h:\ \sigma_h = \sigma} \max_{a \in A(h)} V(h, a),

and :math:`V(\emptyset)` is the best she can get. The *best-deviation gain*
:math:`V(\emptyset) - u_i(\beta)` is never negative and is zero exactly when
:math:`\beta_i` is a best response. Evaluated in every subgame it certifies
subgame perfection; at the root, Nash equilibrium.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT, SYMBOLIC
from .._verify import Verification, verify
from ..errors import ExtensiveGameError
from ..signalling import FrozenMap
from .forms import reduced_strategies
from .game import CHANCE, DECISION, TERMINAL, ExtensiveGame

__all__ = ["ExtensiveEquilibrium", "ExtensiveEquilibria", "expected_payoffs", "deviation_gains",
           "realisation_plans", "behaviour_from_mixed", "mixed_from_behaviour"]


def _one(kind: str) -> Any:
    return 1.0 if kind == FLOAT else sympy.Integer(1) if kind == SYMBOLIC else 1


def _zero(kind: str) -> Any:
    return 0.0 if kind == FLOAT else sympy.Integer(0) if kind == SYMBOLIC else 0


def behaviour_table(game: ExtensiveGame, behaviour: Any, name: str = "behaviour") -> list[tuple]:
    """The behaviour as a list (one tuple of probabilities per information set), validated."""
    if not isinstance(behaviour, (dict, FrozenMap)):
        raise ExtensiveGameError(f"{name}: expected a mapping infoset label -> mapping action -> probability, "
                                 f"got {type(behaviour).__name__}")
    table = []
    for infoset in game.infosets:
        if infoset.label not in behaviour:
            raise ExtensiveGameError(f"{name}: no distribution for information set {infoset.label!r}")
        given = behaviour[infoset.label]
        if isinstance(given, str):
            if given not in infoset.actions:
                raise ExtensiveGameError(f"{name}[{infoset.label!r}]: unknown action {given!r}; "
                                         f"the actions are {list(infoset.actions)}")
            table.append(tuple(_one(game.kind) if a == given else _zero(game.kind) for a in infoset.actions))
            continue
        if not isinstance(given, (dict, FrozenMap)) or set(given) - set(infoset.actions):
            raise ExtensiveGameError(f"{name}[{infoset.label!r}]: expected an action label or a mapping over "
                                     f"the actions {list(infoset.actions)}, got {given!r}")
        table.append(tuple(_numbers.normalise(given.get(a, 0), f"{name}[{infoset.label!r}][{a!r}]",
                                              ExtensiveGameError) for a in infoset.actions))
    return table


def _reach_weights(game: ExtensiveGame, table: list[tuple], root: int, skip: int | None) -> dict[int, Any]:
    """For each terminal node below ``root``: the probability that chance and every player other
    than ``skip`` play its path from ``root``."""
    end = game._subtree_end(root)
    weight: dict[int, Any] = {root: _one(game.kind)}
    leaves: dict[int, Any] = {}
    for node in game.nodes[root:end]:
        w = weight.pop(node.index)
        if node.kind == TERMINAL:
            leaves[node.index] = w
            continue
        for a, child in enumerate(node.children):
            if node.kind == CHANCE:
                weight[child] = w * node.probabilities[a]
            elif node.player == skip:
                weight[child] = w
            else:
                weight[child] = w * table[node.infoset][a]
    return leaves


def expected_payoffs(game: ExtensiveGame, table: list[tuple], root: int = 0) -> tuple:
    """Each player's expected payoff in the subgame at ``root`` under the behaviour ``table``."""
    totals = [_zero(game.kind)] * game.num_players
    for leaf, w in _reach_weights(game, table, root, None).items():
        totals = [t + w * u for t, u in zip(totals, game.nodes[leaf].payoffs)]
    return tuple(_numbers.simplify_exact(t) for t in totals)


def best_response_value(game: ExtensiveGame, table: list[tuple], player: int, root: int = 0) -> Any:
    """The most ``player`` can get in the subgame at ``root`` against the others' behaviour."""
    leaves = _reach_weights(game, table, root, player)
    value: dict[int, Any] = {}                     # sequence index -> accumulated value
    for leaf, w in leaves.items():
        s = game._last[leaf][player]
        value[s] = value.get(s, 0) + w * game.nodes[leaf].payoffs[player]
    end = game._subtree_end(root)
    index = game._seq_index[player]
    mine = sorted({game.nodes[v].infoset for v in range(root, end)
                   if game.nodes[v].kind == DECISION and game.nodes[v].player == player}, reverse=True)
    for h in mine:
        best = max(value.get(index[(h, a)], 0) for a in range(len(game.infosets[h].actions)))
        parent = game._infoset_parent[h]
        value[parent] = value.get(parent, 0) + best
    return value.get(game._last[root][player], 0)


def deviation_gains(game: ExtensiveGame, table: list[tuple], root: int = 0) -> tuple:
    """Each player's best-deviation gain in the subgame at ``root`` (needs perfect recall)."""
    current = expected_payoffs(game, table, root)
    return tuple(_numbers.simplify_exact(best_response_value(game, table, i, root) - current[i])
                 for i in range(game.num_players))


def realisation_plans(game: ExtensiveGame, table: list[tuple]) -> tuple:
    """Each player's realisation plan (a FrozenMap sequence -> probability) of the behaviour ``table``."""
    plans = []
    for i in range(game.num_players):
        x = [_one(game.kind)] + [None] * (len(game._sequences[i]) - 1)
        for h, infoset in enumerate(game.infosets):     # parents come first
            if infoset.player != i:
                continue
            parent = x[game._infoset_parent[h]]
            for a in range(len(infoset.actions)):
                x[game._seq_index[i][(h, a)]] = _numbers.simplify_exact(parent * table[h][a])
        labels = [() if not seq else (game.infosets[seq[0]].label, game.infosets[seq[0]].actions[seq[1]])
                  for seq in game._sequences[i]]
        plans.append(FrozenMap(zip(labels, x)))
    return tuple(plans)


def behaviour_from_plan(game: ExtensiveGame, player: int, plan: list) -> dict[int, tuple]:
    """Behaviour at the player's information sets from a realisation plan (indexed by sequence).

    Where the plan gives the parent sequence probability zero the information set
    is never reached under the player's own moves; any behaviour is then
    equivalent, and the first action is taken."""
    result = {}
    for h, infoset in enumerate(game.infosets):
        if infoset.player != player:
            continue
        parent = plan[game._infoset_parent[h]]
        entries = [plan[game._seq_index[player][(h, a)]] for a in range(len(infoset.actions))]
        if parent > 0:
            result[h] = tuple(_numbers.simplify_exact(_numbers.ratio(x, parent)) for x in entries)
        else:
            result[h] = tuple(_one(game.kind) if a == 0 else _zero(game.kind) for a in range(len(entries)))
    return result


def behaviour_from_mixed(game: ExtensiveGame, mixed: tuple) -> list[tuple]:
    """The behaviour table of a profile of mixed strategies over the reduced strategies
    (in :func:`~cybergames.extensive.reduced_normal_form` order)."""
    table: list = [None] * len(game.infosets)
    for i, sigma in enumerate(mixed):
        strategies, _ = reduced_strategies(game, i)
        plan = [_zero(game.kind)] * len(game._sequences[i])
        plan[0] = _one(game.kind)
        for strategy, p in zip(strategies, sigma):
            for h, a in strategy.items():
                k = game._seq_index[i][(h, a)]
                plan[k] = plan[k] + p
        for h, probs in behaviour_from_plan(game, i, plan).items():
            table[h] = probs
    return table


def mixed_from_behaviour(game: ExtensiveGame, table: list[tuple]) -> tuple:
    """Kuhn's theorem: each player's mixed strategy over the reduced strategies, the product of the
    behaviour probabilities of the moves each strategy makes."""
    result = []
    for i in range(game.num_players):
        strategies, _ = reduced_strategies(game, i)
        probabilities = []
        for strategy in strategies:
            p = _one(game.kind)
            for h, a in strategy.items():
                p = p * table[h][a]
            probabilities.append(_numbers.simplify_exact(p))
        array = np.array(probabilities, dtype=float) if game.kind == FLOAT else _numbers.object_array(probabilities)
        result.append(_numbers.frozen(array))
    return tuple(result)


def relation(better: Any, worse: Any) -> sympy.Basic:
    """The condition ``better >= worse`` in a canonical form: solved for the symbol when the
    difference is linear in one symbol (``q >= 2/5``), else both sides expanded."""
    a, b = sympy.expand(_numbers.to_sympy(better)), sympy.expand(_numbers.to_sympy(worse))
    difference = sympy.expand(a - b)
    if difference.is_number:
        return sympy.true if difference >= 0 else sympy.false
    symbols = difference.free_symbols
    if len(symbols) == 1:
        (symbol,) = symbols
        polynomial = sympy.Poly(difference, symbol) if difference.is_polynomial(symbol) else None
        if polynomial is not None and polynomial.degree() == 1:
            slope, intercept = polynomial.all_coeffs()
            if slope.is_number and slope != 0:
                root = -intercept / slope
                return sympy.Ge(symbol, root) if slope > 0 else sympy.Le(symbol, root)
    return sympy.Ge(a, b)


def _show(value: Any) -> str:
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    return str(_numbers.simplify_exact(value)) if isinstance(value, Fraction) else str(value)


@dataclass(frozen=True, eq=False)
class ExtensiveEquilibrium:
    r"""An equilibrium of an extensive game in behaviour strategies, with its certificate.

    Attributes
    ----------
    behaviour : FrozenMap
        Information-set label -> FrozenMap action label -> probability.
    realisation : tuple of FrozenMap
        Each player's realisation plan: sequence -> probability, where a
        sequence is ``()`` or ``(infoset label, action label)``.
    payoffs : tuple
        Each player's expected payoff.
    gains : tuple
        Each player's largest best-deviation gain: over every subgame for a
        subgame-perfect equilibrium, at the root for a Nash equilibrium.
        Exactly 0 for exact games; empty for symbolic games, whose certificate is ``condition``.
    condition : sympy.Basic or None
        For a symbolic game, the condition on the symbols under which this is an
        equilibrium (a conjunction of the optimality inequalities); None otherwise.
    method : str
        How it was found.
    game : ExtensiveGame
        The game (not shown); ``cybergames.verify(eq)`` re-checks against it.

    Examples
    --------
    >>> from cybergames.extensive import ExtensiveGame, decision, subgame_perfect_equilibria
    >>> game = ExtensiveGame(decision("Entrant", {
    ...     "Out": (0, 2), "In": decision("Incumbent", {"Fight": (-1, -1), "Accommodate": (1, 1)})}))
    >>> (eq,) = subgame_perfect_equilibria(game)
    >>> eq
    ExtensiveEquilibrium(Entrant@root: In, Incumbent@In: Accommodate; payoffs=(1, 1), gains=(0, 0))
    >>> eq.path
    ('In', 'Accommodate')
    """

    behaviour: FrozenMap
    realisation: tuple
    payoffs: tuple
    gains: tuple
    condition: Any
    method: str
    game: ExtensiveGame = field(repr=False)

    @property
    def is_pure(self) -> bool:
        """Whether every information set has one action played with probability one."""
        return all(sum(1 for p in d.values() if p != 0) == 1 for d in self.behaviour.values())

    def table(self) -> list[tuple]:
        """The behaviour as one tuple of probabilities per information set, in the game's order."""
        return [tuple(self.behaviour[s.label][a] for a in s.actions) for s in self.game.infosets]

    def mixed_strategies(self) -> tuple:
        """The equivalent mixed strategies over the reduced strategic form's strategies (Kuhn 1953)."""
        return mixed_from_behaviour(self.game, self.table())

    @property
    def path(self) -> tuple | None:
        """The action labels along the play path when play is deterministic (no chance, pure
        behaviour on the path); None otherwise."""
        node = self.game.nodes[0]
        labels = []
        while node.kind == DECISION:
            distribution = self.behaviour[self.game.infosets[node.infoset].label]
            played = [a for a in node.actions if distribution[a] != 0]
            if len(played) != 1:
                return None
            labels.append(played[0])
            node = self.game.nodes[node.children[node.actions.index(played[0])]]
        return tuple(labels) if node.kind == TERMINAL else None

    def __repr__(self) -> str:
        parts = []
        for label, distribution in self.behaviour.items():
            support = [(a, p) for a, p in distribution.items() if p != 0]
            if len(support) == 1 and support[0][1] == 1:
                parts.append(f"{label}: {support[0][0]}")
            else:
                parts.append(f"{label}: {{" + ", ".join(f"{a}: {_show(p)}" for a, p in support) + "}")
        payoffs = ", ".join(map(_show, self.payoffs))
        gains = ", ".join(map(_show, self.gains))
        extra = f", condition={self.condition}" if self.condition is not None else ""
        return f"ExtensiveEquilibrium({', '.join(parts)}; payoffs=({payoffs}), gains=({gains}){extra})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ExtensiveEquilibrium):
            return NotImplemented
        return self.behaviour == other.behaviour and self.game == other.game

    def __hash__(self) -> int:
        return hash(self.behaviour)


class ExtensiveEquilibria(tuple):
    """A tuple of :class:`ExtensiveEquilibrium` recording how it was found and whether it is complete.

    Attributes
    ----------
    game : ExtensiveGame
    method : str
    complete : bool
        Whether every equilibrium of the kind promised is listed (see each solver).
    """

    def __new__(cls, items: Any = (), *, game: ExtensiveGame, method: str, complete: bool) -> "ExtensiveEquilibria":
        if not isinstance(game, ExtensiveGame):
            raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
        if not isinstance(complete, bool):
            raise ExtensiveGameError(f"complete: expected True or False, got {complete!r}")
        try:
            self = super().__new__(cls, items)
        except TypeError as exc:
            raise ExtensiveGameError(f"items: expected an iterable of ExtensiveEquilibrium, got {items!r}") from exc
        if not all(isinstance(eq, ExtensiveEquilibrium) for eq in self):
            raise ExtensiveGameError(f"items: expected ExtensiveEquilibrium results, got {items!r}")
        object.__setattr__(self, "game", game)
        object.__setattr__(self, "method", method)
        object.__setattr__(self, "complete", bool(complete))
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"ExtensiveEquilibria is immutable; cannot set {name!r}")

    def __reduce__(self):
        return (_rebuild, (tuple(self), self.game, self.method, self.complete))


def _rebuild(items: tuple, game: ExtensiveGame, method: str, complete: bool) -> ExtensiveEquilibria:
    return ExtensiveEquilibria(items, game=game, method=method, complete=complete)


def make_equilibrium(game: ExtensiveGame, table: list[tuple], *, roots: tuple[int, ...], method: str,
                     condition: Any = None) -> ExtensiveEquilibrium:
    """An equilibrium result from a behaviour table; gains are the maxima over ``roots``."""
    behaviour = FrozenMap((s.label, FrozenMap(zip(s.actions, (_numbers.simplify_exact(p) for p in table[h]))))
                          for h, s in enumerate(game.infosets))
    if game.is_symbolic:
        gains: tuple = ()
    else:
        per_root = [deviation_gains(game, table, r) for r in roots]
        gains = tuple(max(g[i] for g in per_root) for i in range(game.num_players))
    return ExtensiveEquilibrium(behaviour, realisation_plans(game, table), expected_payoffs(game, table),
                                gains, condition, method, game)


def subgame_roots(game: ExtensiveGame) -> tuple[int, ...]:
    """The roots of the subgames: the non-terminal nodes whose subtree contains every information
    set it touches entirely."""
    low = [len(game.nodes)] * len(game.nodes)
    high = [-1] * len(game.nodes)
    first = {h: min(s.nodes) for h, s in enumerate(game.infosets)}
    last = {h: max(s.nodes) for h, s in enumerate(game.infosets)}
    for node in reversed(game.nodes):
        if node.kind == DECISION:
            low[node.index] = min(low[node.index], first[node.infoset])
            high[node.index] = max(high[node.index], last[node.infoset])
        for child in node.children:
            low[node.index] = min(low[node.index], low[child])
            high[node.index] = max(high[node.index], high[child])
    roots = []
    for node in game.nodes:
        if node.kind == TERMINAL:
            continue
        end = game._subtree_end(node.index)
        if low[node.index] >= node.index and high[node.index] < end:
            roots.append(node.index)
    return tuple(roots)


def _tolerance(game: ExtensiveGame, tol: float | None) -> float:
    if tol is not None:
        return tol
    return DEFAULT_TOL * payoff_scale(game)


def payoff_scale(game: ExtensiveGame) -> float:
    """The largest absolute payoff of a numeric tree (1.0 if every payoff is 0): float slack is relative to it."""
    return _numbers.unit_of([u for t in game.terminals for u in game.nodes[t].payoffs])


@verify.register
def _verify_extensive(eq: ExtensiveEquilibrium, *, tol: float | None = None) -> Verification:
    """Recompute the behaviour's payoffs and each player's best-deviation gain in every subgame
    (for ``method`` naming subgame perfection) or at the root, by backward induction over the
    player's own sequences; for a symbolic game, check that every one-step deviation's loss is
    non-negative under ``condition``."""
    game = eq.game
    table = eq.table()
    failures: list[str] = []
    checked = 0
    if game.is_symbolic:
        implied = set(sympy.And.make_args(eq.condition)) if eq.condition is not None else set()
        for node in game.nodes:
            if node.kind != DECISION:
                continue
            values = [expected_payoffs(game, table, child)[node.player] for child in node.children]
            current = sum((p * v for p, v in zip(table[node.infoset], values)), sympy.Integer(0))
            for a, v in enumerate(values):
                checked += 1
                condition = relation(current, v)
                if condition is not sympy.true and condition not in implied:
                    failures.append(f"node {list(node.history)}: deviation to {node.actions[a]!r} "
                                    f"is not excluded by the condition")
        return Verification(not failures, checked, tuple(failures))
    tol = _tolerance(game, tol)
    roots = subgame_roots(game) if "subgame" in eq.method else (0,)
    payoffs = expected_payoffs(game, table)
    for i in range(game.num_players):
        checked += 1
        if abs(payoffs[i] - eq.payoffs[i]) > (tol if game.kind == FLOAT else 0):
            failures.append(f"player {game.players[i]!r}: payoff {eq.payoffs[i]} recorded, {payoffs[i]} recomputed")
    for r in roots:
        for i, gain in enumerate(deviation_gains(game, table, r)):
            checked += 1
            if gain > (tol if game.kind == FLOAT else 0):
                failures.append(f"subgame at {list(game.nodes[r].history)}: player {game.players[i]!r} "
                                f"gains {gain} by deviating")
    return Verification(not failures, checked, tuple(failures))
