r"""Exact values of a strategy profile in every joint state.

With the profile's joint automaton on states :math:`w`, stage payoffs
:math:`u_i(w) = u_i(f(w))` and the transition matrix
:math:`P_{w w'} = \Pr(\tau(w, y) = w' \mid f(w))`, player :math:`i`'s
normalised discounted value solves

.. math:: V_i = (1 - \delta) u_i + \delta P V_i,
   \qquad V_i = (1 - \delta) (I - \delta P)^{-1} u_i,

which has a unique solution for :math:`0 \le \delta < 1` because the
eigenvalues of :math:`\delta P` lie inside the unit disc. Exact inputs are
solved exactly (fractions), floats in float64, symbols with sympy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Hashable

import numpy as np
import sympy

from .. import _linalg, _numbers
from .._numbers import FLOAT, SYMBOLIC
from ..errors import AutomatonError, GameError
from . import _delta
from .joint import Chain, bind, chain

__all__ = ["Values", "values"]


@dataclass(frozen=True)
class Values:
    """Each player's normalised discounted value in each joint state.

    Attributes
    ----------
    delta : number or sympy.Expr
        The discount factor.
    states : tuple
        The reachable joint states; ``states[0]`` is the initial one.
    players : tuple of str
        The player labels.
    table : tuple of tuples
        ``table[i][k]`` is player ``i``'s value in ``states[k]``.
    """

    delta: Any
    states: tuple
    players: tuple
    table: tuple = field(repr=False)

    @property
    def initial(self) -> tuple:
        """Each player's value in the initial state: the repeated-game payoffs of the profile."""
        return tuple(row[0] for row in self.table)

    def value(self, player: int | str, state: Hashable | None = None) -> Any:
        """``player``'s value in ``state`` (default: the initial state)."""
        if isinstance(player, str) and player in self.players:
            i = self.players.index(player)
        elif isinstance(player, (int, np.integer)) and not isinstance(player, bool) \
                and 0 <= player < len(self.players):
            i = int(player)
        else:
            raise GameError(f"player: expected an index in 0..{len(self.players) - 1} or a label in "
                            f"{self.players}, got {player!r}")
        if state is None:
            return self.table[i][0]
        try:
            k = self.states.index(state)
        except ValueError:
            raise AutomatonError(f"state: expected a reachable joint state {self.states}, got {state!r}") from None
        return self.table[i][k]


def deterministic_successors(transition: np.ndarray) -> list | None:
    """The successor of each state when every row of ``transition`` is a unit vector, else None."""
    successor = []
    for row in transition:
        nonzero = [t for t, p in enumerate(row) if p != 0]
        if len(nonzero) != 1 or row[nonzero[0]] != 1:
            return None
        successor.append(nonzero[0])
    return successor


def functional_values(successor: list, u: list, delta: Any) -> list:
    r"""Exact values when each state has one successor: V(w) = (1 - d) u(w) + d V(s(w)).

    Every state leads into a cycle :math:`c_0 \to \dots \to c_{L-1} \to c_0`, on which
    :math:`V(c_0) = (1 - \delta) \sum_{k < L} \delta^k u(c_k) / (1 - \delta^L)`; the other values follow
    backwards along the paths into the cycle. Linear in the number of states, with no elimination.
    """
    m = len(successor)
    value: list = [None] * m
    for start in range(m):
        path, position = [], {}
        w = start
        while value[w] is None and w not in position:
            position[w] = len(path)
            path.append(w)
            w = successor[w]
        if value[w] is None:                       # a new cycle: path[position[w]:]
            cycle = path[position[w]:]
            total, weight = 0, 1
            for x in cycle:
                total = total + weight * u[x]
                weight = weight * delta
            value[cycle[0]] = (1 - delta) * total / (1 - weight) if weight != 1 else u[cycle[0]]
            for x in reversed(cycle[1:]):
                value[x] = (1 - delta) * u[x] + delta * value[successor[x]]
            path = path[: position[w]]
        for x in reversed(path):
            value[x] = (1 - delta) * u[x] + delta * value[successor[x]]
    return value


def solve_values(c: Chain, delta: Any, players: range | None = None) -> list:
    """Per player, the value vector at ``delta`` in the arithmetic of the chain and delta (internal)."""
    kind = _delta.kind_with(c.kind, delta)
    players = range(c.bound.rg.num_players) if players is None else players
    m = c.bound.num_states
    if kind == FLOAT:
        d = float(delta)
        _, transition = c.equilibrium(0)
        system = np.eye(m) - d * np.asarray(transition, dtype=float)
        rhs = np.column_stack([(1 - d) * np.asarray(c.equilibrium(i)[0], dtype=float) for i in players])
        try:
            solution = np.linalg.solve(system, rhs)
        except np.linalg.LinAlgError as exc:  # impossible for 0 <= delta < 1; kept as a guard
            raise GameError(f"delta: the value equations are singular at delta={delta!r}") from exc
        return [solution[:, j] for j in range(len(players))]
    if kind == SYMBOLIC:
        d = _numbers.to_sympy(delta)
        _, transition = c.equilibrium(0)
        system = sympy.eye(m) - d * sympy.Matrix(m, m, [_numbers.to_sympy(x) for x in transition.flat])
        out = []
        for i in players:
            u = c.equilibrium(i)[0]
            rhs = sympy.Matrix([(1 - d) * _numbers.to_sympy(x) for x in u])
            solution = system.LUsolve(rhs)
            out.append(np.array([sympy.factor(sympy.cancel(x)) for x in solution], dtype=object))
        return out
    _, transition = c.equilibrium(0)
    successor = deterministic_successors(transition)
    if successor is not None:
        return [np.array([_numbers.simplify_exact(Fraction(x)) for x in
                          functional_values(successor, list(c.equilibrium(i)[0]), delta)], dtype=object)
                for i in players]
    system = [[(1 if r == s else 0) - delta * transition[r, s] for s in range(m)] for r in range(m)]
    rhs = [[(1 - delta) * x for x in c.equilibrium(i)[0]] for i in players]
    try:
        columns = _linalg.solve_many(system, rhs)
    except _linalg.SingularMatrixError as exc:  # impossible for 0 <= delta < 1
        raise GameError(f"delta: the value equations are singular at delta={delta!r}") from exc
    return [np.array([_numbers.simplify_exact(Fraction(x)) for x in col], dtype=object) for col in columns]


def values(rg: Any, profile: Any, delta: Any) -> Values:
    r"""Each player's normalised discounted value in every reachable joint state.

    Solves :math:`V_i = (1 - \delta) u_i + \delta P V_i` for every player.

    Parameters
    ----------
    rg : RepeatedGame
        The repeated game.
    profile : tuple of Automaton or JointAutomaton
        The strategy profile.
    delta : number or sympy.Expr
        The discount factor, :math:`0 \le \delta < 1`; a sympy symbol gives
        the values as functions of :math:`\delta`.

    Returns
    -------
    Values
        Exact (int/Fraction) for exact inputs, float for float inputs, sympy
        expressions for symbolic ones.

    Raises
    ------
    DiscountFactorError
        If ``delta`` is not in ``[0, 1)``.
    AutomatonError
        If the profile does not fit the game.

    Examples
    --------
    Grim trigger against always-defect in the prisoner's dilemma (5, 3, 1, 0):
    the first round pays 0 to the cooperator, then both defect.

    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, grim_trigger, always_defect
    >>> v = values(RepeatedGame(prisoners_dilemma()), (grim_trigger(), always_defect()), Fraction(1, 2))
    >>> v.initial
    (Fraction(1, 2), 3)
    >>> from sympy import Symbol
    >>> values(RepeatedGame(prisoners_dilemma()), (grim_trigger(), always_defect()), Symbol("d")).initial
    (d, 5 - 4*d)
    """
    delta = _delta.check_delta(delta)
    c = chain(bind(rg, profile))
    table = solve_values(c, delta)
    return Values(delta, c.bound.states, rg.stage.players,
                  tuple(tuple(_plain(x) for x in column) for column in table))


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, sympy.Basic):
        return _numbers.from_sympy(value)
    return value
