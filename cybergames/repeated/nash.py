r"""Nash equilibrium of the repeated game: best responses to the other players' automata.

Against a profile of automata, player :math:`i`'s problem is a Markov
decision problem on the joint states: in state :math:`w` it picks an action
:math:`a_i`, earns :math:`(1 - \delta) u_i(a_i, f_{-i}(w))` and moves to
:math:`\tau(w, y)` with probability :math:`p(y \mid a_i, f_{-i}(w))`. Its best
response value :math:`W_i` solves the Bellman equation

.. math:: W_i(w) = \max_{a_i} \Big[(1 - \delta) u_i(a_i, f_{-i}(w))
   + \delta \sum_y p(y \mid a_i, f_{-i}(w))\, W_i(\tau(w, y))\Big],

found exactly by policy iteration (Puterman, *Markov Decision Processes*,
1994, section 6.4), starting from the profile's own actions. The profile is a
Nash equilibrium iff :math:`W_i(w^0) = V_i(w^0)` for every player: no strategy
- however history-dependent - does better from the start. Unlike subgame
perfection, states off the path are not required to be optimal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _linalg, _numbers
from .._numbers import DEFAULT_TOL, FLOAT, SYMBOLIC
from ..errors import DiscountFactorError, GameError
from .._verify import Verification, verify
from . import _delta
from .incentives import slack
from .joint import bind, chain
from .values import deterministic_successors, functional_values

__all__ = ["NashCheck", "check_nash"]


@dataclass(frozen=True)
class NashCheck:
    """The result of :func:`check_nash`.

    Attributes
    ----------
    delta : number
        The discount factor.
    gains : tuple
        Per player, best-response value minus the profile's value at the
        initial state (zero for every player iff the profile is Nash).
    best_responses : tuple
        Per player, a best response as a tuple of ``(joint state, action)``
        pairs: the certificate of the gain.
    values : tuple
        Per player, the profile's value at the initial state.
    tol : float or None
        Float tolerance (relative to the largest absolute payoff); None if exact.
    rg, profile
        The inputs.
    """

    delta: Any
    gains: tuple
    best_responses: tuple = field(repr=False)
    values: tuple = field(repr=False)
    tol: float | None = None
    rg: Any = field(default=None, repr=False)
    profile: Any = field(default=None, repr=False)

    @property
    def holds(self) -> bool:
        """Whether no player has a profitable deviation from the start."""
        threshold = 0 if self.tol is None else slack(FLOAT, self.rg, self.tol)
        return all(g <= threshold for g in self.gains)


def _evaluate(c: Any, i: int, policy: list, delta: Any, kind: str) -> list:
    m = c.bound.num_states
    if kind == FLOAT:
        Q = np.array([np.asarray(c.rows[i][w, policy[w]], dtype=float) for w in range(m)])
        u = np.array([float(c.payoffs[i][w, policy[w]]) for w in range(m)])
        return list(np.linalg.solve(np.eye(m) - float(delta) * Q, (1 - float(delta)) * u))
    transition = np.array([c.rows[i][w, policy[w]] for w in range(m)], dtype=object)
    payoffs = [c.payoffs[i][w, policy[w]] for w in range(m)]
    successor = deterministic_successors(transition)
    if successor is not None:
        return [Fraction(x) for x in functional_values(successor, payoffs, delta)]
    system = [[(1 if r == s else 0) - delta * transition[r, s] for s in range(m)] for r in range(m)]
    return _linalg.solve(system, [(1 - delta) * x for x in payoffs])


def _improve(c: Any, i: int, W: list, delta: Any, kind: str, threshold: Any) -> tuple[list, bool]:
    m = c.bound.num_states
    size = c.bound.rg.stage.shape[i]
    policy, changed = [], False
    for w in range(m):
        q = [(1 - delta) * c.payoffs[i][w, k] + delta * sum(p * v for p, v in zip(c.rows[i][w, k], W))
             for k in range(size)]
        best = max(range(size), key=lambda k: q[k])
        if q[best] > W[w] + threshold:
            changed = True
            policy.append(best)
        else:
            policy.append(None)
    return policy, changed


def check_nash(rg: Any, profile: Any, delta: Any, *, tol: float = DEFAULT_TOL) -> NashCheck:
    r"""Whether ``profile`` is a Nash equilibrium of the repeated game at ``delta``.

    Parameters
    ----------
    rg : RepeatedGame
        A repeated game with numeric payoffs and probabilities.
    profile : tuple of Automaton or JointAutomaton
        The strategy profile.
    delta : number
        The discount factor in ``[0, 1)``.
    tol : float
        Float inputs only: improvements up to ``tol`` times the largest
        absolute payoff count as none.

    Returns
    -------
    NashCheck
        ``.holds``, each player's gain from its best response, and the best
        responses themselves.

    Raises
    ------
    DiscountFactorError
        If ``delta`` is not a number in ``[0, 1)``.
    GameError
        If the game is symbolic.

    Examples
    --------
    Tit-for-tat in the prisoner's dilemma (5, 3, 1, 0) is Nash for
    :math:`\delta \ge \max\{(T-R)/(T-P), (T-R)/(R-S)\} = 2/3` but subgame
    perfect for no :math:`\delta`:

    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, tit_for_tat, check_equilibrium
    >>> rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
    >>> tft = (tit_for_tat(), tit_for_tat())
    >>> check_nash(rg, tft, Fraction(2, 3)).holds, check_equilibrium(rg, tft, Fraction(2, 3)).holds
    (True, False)
    >>> check_nash(rg, tft, Fraction(1, 2)).gains
    (Fraction(1, 3), Fraction(1, 3))
    """
    delta = _delta.check_delta(delta)
    tol = _delta.check_tol(tol)
    if isinstance(delta, sympy.Basic):
        raise DiscountFactorError(f"delta: expected a number, got the expression {delta!r}")
    c = chain(bind(rg, profile))
    if c.kind == SYMBOLIC:
        raise GameError("rg: check_nash needs numeric payoffs and probabilities; substitute values with rg.subs(...)")
    kind = _delta.kind_with(c.kind, delta)
    threshold = slack(kind, rg, tol)
    gains, responses, values = [], [], []
    for i in range(rg.num_players):
        policy = list(c.own[i])
        V = _evaluate(c, i, policy, delta, kind)
        W = V
        for _ in range(10_000):              # policy iteration ends after finitely many strict improvements
            better, changed = _improve(c, i, W, delta, kind, threshold)
            if not changed:
                break
            policy = [k if k is not None else old for k, old in zip(better, policy)]
            W = _evaluate(c, i, policy, delta, kind)
        gain = W[0] - V[0]
        gains.append(_plain(gain))
        values.append(_plain(V[0]))
        responses.append(tuple((c.bound.states[w], rg.stage.actions[i][k]) for w, k in enumerate(policy)))
    return NashCheck(delta, tuple(gains), tuple(responses), tuple(values),
                     float(tol) if kind == FLOAT else None, rg, profile)


def _plain(x: Any) -> Any:
    if isinstance(x, np.generic):
        x = x.item()
    return _numbers.simplify_exact(Fraction(x)) if isinstance(x, (int, Fraction)) else x


@verify.register(NashCheck)
def _verify_nash(result: NashCheck, **kwargs: Any) -> Verification:
    """The best responses reach the recorded gains and admit no one-shot improvement (Bellman)."""
    c = chain(bind(result.rg, result.profile))
    kind = _delta.kind_with(c.kind, result.delta)
    threshold = slack(kind, result.rg, result.tol or DEFAULT_TOL) if kind == FLOAT else 0
    failures, checked = [], 0
    for i, response in enumerate(result.best_responses):
        labels = dict(response)
        policy = [result.rg.stage.actions[i].index(labels[s]) for s in c.bound.states]
        W = _evaluate(c, i, policy, result.delta, kind)
        V = _evaluate(c, i, list(c.own[i]), result.delta, kind)
        _, improvable = _improve(c, i, W, result.delta, kind, threshold)
        checked += 2
        if improvable:
            failures.append(f"player {i}: the recorded best response can be improved")
        gain = W[0] - V[0]
        if (gain != result.gains[i]) if kind != FLOAT else abs(gain - result.gains[i]) > 1e-7:
            failures.append(f"player {i}: gain recorded {result.gains[i]!r}, recomputed {gain!r}")
    return Verification(not failures, checked, tuple(failures))
