r"""The one-shot deviation check: is a profile an equilibrium at a given discount factor?

By the one-shot deviation principle (Mailath & Samuelson, *Repeated Games and
Reputations*, 2006, proposition 2.2.1; proposition 7.1.1 for public
monitoring), a profile of finite automata is a subgame perfect equilibrium
(perfect monitoring) or a perfect public equilibrium (public monitoring) iff
in every joint state :math:`w` reachable by *some* public history - on the
equilibrium path or off it - no player :math:`i` gains by deviating to an
action :math:`a_i'` for one round and following the profile afterwards:

.. math::
   g_i(w, a_i') = (1 - \delta)\, u_i(a_i', f_{-i}(w))
   + \delta \sum_y p(y \mid a_i', f_{-i}(w))\, V_i(\tau(w, y)) - V_i(w) \le 0.

:func:`check_equilibrium` computes every such gain exactly (or in floats for
float games) and lists the positive ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Hashable

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT, SYMBOLIC
from ..errors import DiscountFactorError, GameError
from . import _delta
from .delta_sets import concept_of
from .joint import bind, chain
from .values import Values, solve_values

__all__ = ["Deviation", "Violation", "EquilibriumCheck", "check_equilibrium"]


@dataclass(frozen=True)
class Deviation:
    """A one-shot deviation and its gain.

    Attributes
    ----------
    player : int
        The deviating player's index.
    state : hashable
        The joint state in which it deviates.
    deviation : str
        The action it plays instead of the prescribed one.
    gain : number
        Its gain :math:`g_i(w, a_i')`; the deviation pays iff positive.
    """

    player: int
    state: Hashable
    deviation: str
    gain: Any


@dataclass(frozen=True)
class Violation(Deviation):
    """A one-shot deviation with a positive gain: a violated incentive constraint."""


@dataclass(frozen=True)
class EquilibriumCheck:
    """The result of :func:`check_equilibrium`.

    Attributes
    ----------
    delta : number
        The discount factor checked.
    concept : str
        ``"subgame perfect"`` (perfect monitoring) or ``"perfect public"``.
    violations : tuple of Violation
        Every profitable one-shot deviation (empty iff the profile is an equilibrium).
    best_gains : tuple
        Per player, the largest gain of any one-shot deviation (None for a
        player with a single action): the certificate, each <= 0 when it holds.
    tol : float or None
        The float tolerance (gains up to ``tol`` times the largest absolute
        payoff count as zero); None for exact checks.
    values : Values
        The players' values in every reachable joint state.
    deviations : tuple of Deviation
        Every one-shot deviation with its gain.
    rg, profile
        The inputs.
    """

    delta: Any
    concept: str
    violations: tuple
    best_gains: tuple
    tol: float | None = None
    values: Values | None = field(default=None, repr=False)
    deviations: tuple = field(default=(), repr=False)
    rg: Any = field(default=None, repr=False)
    profile: Any = field(default=None, repr=False)

    @property
    def holds(self) -> bool:
        """Whether no one-shot deviation pays: the profile is an equilibrium at :attr:`delta`."""
        return not self.violations


def slack(kind: str, rg: Any, tol: float) -> Any:
    """The gain above which a deviation counts as profitable: 0 exactly, tol x payoff scale for floats."""
    if kind != FLOAT:
        return 0
    return tol * _numbers.scale_of(*rg.stage.payoffs)


def check_equilibrium(rg: Any, profile: Any, delta: Any, *, tol: float = DEFAULT_TOL) -> EquilibriumCheck:
    r"""Check a profile by the one-shot deviation principle at every reachable joint state.

    Parameters
    ----------
    rg : RepeatedGame
        A repeated game with numeric payoffs and probabilities.
    profile : tuple of Automaton or JointAutomaton
        The strategy profile.
    delta : number
        The discount factor, :math:`0 \le \delta < 1`.
    tol : float
        Float inputs only: gains up to ``tol`` times the largest absolute
        payoff count as zero.

    Returns
    -------
    EquilibriumCheck
        ``.holds``, every violation (player, state, deviation, gain) and
        every deviation's gain. Exact inputs give exact gains.

    Raises
    ------
    DiscountFactorError
        If ``delta`` is not a number in ``[0, 1)``.
    GameError
        If the game or monitoring is symbolic (use ``rg.subs(...)`` or
        :func:`sustainable_discount_factors`).
    AutomatonError
        If the profile does not fit the game.

    Notes
    -----
    Under perfect monitoring this checks subgame perfection, under public
    monitoring perfect public equilibrium. The check runs over every joint
    state reachable from the initial one on *any* sequence of signals, so
    the states after deviations are checked too.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, grim_trigger
    >>> rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
    >>> check_equilibrium(rg, (grim_trigger(), grim_trigger()), Fraction(1, 2)).holds
    True
    >>> result = check_equilibrium(rg, (grim_trigger(), grim_trigger()), Fraction(1, 3))
    >>> result.violations[0]   # (1 - d) T + d P - R = 10/3 + 1/3 - 3
    Violation(player=0, state=('cooperate', 'cooperate'), deviation='D', gain=Fraction(2, 3))
    """
    delta = _delta.check_delta(delta)
    tol = _delta.check_tol(tol)
    if isinstance(delta, sympy.Basic):
        raise DiscountFactorError(f"delta: expected a number, got the expression {delta!r}; "
                                  "use sustainable_discount_factors for conditions on delta")
    c = chain(bind(rg, profile))
    if c.kind == SYMBOLIC:
        raise GameError("rg: check_equilibrium needs numeric payoffs and probabilities; substitute values "
                        "with rg.subs(...) or use sustainable_discount_factors for a symbolic condition")
    kind = _delta.kind_with(c.kind, delta)
    table = solve_values(c, delta)
    bound = c.bound
    game = rg.stage
    threshold = slack(kind, rg, tol)
    deviations, violations, best = [], [], []
    for i in range(game.num_players):
        V = table[i]
        if kind == FLOAT:
            d = float(delta)
            U = np.asarray(c.payoffs[i], dtype=float)
            Q = np.asarray(c.rows[i], dtype=float)
            gains = (1 - d) * U + d * (Q @ np.asarray(V, dtype=float)) - np.asarray(V, dtype=float)[:, None]
        best_i = None
        for w in range(bound.num_states):
            for k in range(game.shape[i]):
                if k == c.own[i][w]:
                    continue
                if kind == FLOAT:
                    gain = float(gains[w, k])
                else:
                    continuation = sum((p * v for p, v in zip(c.rows[i][w, k], V) if p), Fraction(0))
                    gain = _numbers.simplify_exact(Fraction((1 - delta) * c.payoffs[i][w, k]
                                                            + delta * continuation - V[w]))
                record = (i, bound.states[w], game.actions[i][k], gain)
                deviations.append(Deviation(*record))
                if gain > threshold:
                    violations.append(Violation(*record))
                best_i = gain if best_i is None or gain > best_i else best_i
        best.append(best_i)
    values = Values(delta, bound.states, game.players,
                    tuple(tuple(x.item() if isinstance(x, np.generic) else x for x in col) for col in table))
    return EquilibriumCheck(delta, concept_of(rg), tuple(violations), tuple(best),
                            float(tol) if kind == FLOAT else None, values, tuple(deviations), rg, profile)
