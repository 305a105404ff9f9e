r"""Finite Markov decision problems: exact policy iteration and float value iteration.

A finite MDP has states :math:`s = 0, \dots, S-1`, actions :math:`a = 0, \dots, A-1`,
transition probabilities :math:`P_a(s, s')` and rewards :math:`r_a(s)`. With a
discount factor :math:`0 \le \delta < 1` the optimal values are the unique
solution of Bellman's equation

.. math::

    v(s) = \max_a \Big( r_a(s) + \delta \sum_{s'} P_a(s, s') v(s') \Big),

and a stationary policy is optimal iff it picks a maximising action in every
state (Puterman 1994, *Markov Decision Processes*, Thm. 6.2.10). The values are
**not** normalised by :math:`1 - \delta` (the MDP convention; the repeated-game
layer normalises).

* **Policy iteration** (Howard 1960; Puterman sec. 6.4) evaluates a policy
  exactly, :math:`v_\pi = (I - \delta P_\pi)^{-1} r_\pi`, and switches every
  state to a strictly better action until none exists. On exact input every
  evaluation is an exact rational linear solve (p-adic lifting, see
  ``_exact_solve``), started from the policy that float policy iteration
  finds, so usually one exact evaluation and one exact improvement check suffice.
* **Value iteration** (Puterman sec. 6.3) applies the Bellman operator in
  float64, vectorised over states and actions, until successive iterates are
  within :math:`\varepsilon(1 - \delta)/(2\delta)`; the greedy policy is then
  :math:`\varepsilon`-optimal and the values are within ``error_bound`` of the
  optimal ones.

The certificate is the Bellman residual :math:`\max_s |\max_a Q(s, a) - v(s)|`,
zero for an exact answer, which :func:`cybergames.verify` recomputes from the
inputs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, ParameterError
from . import _exact_solve
from ._checks import (as_storage, discount_factor, float_array, integer_scaled, number_array, stochastic_rows,
                      widest)

__all__ = ["MDPResult", "solve_mdp", "policy_values"]

METHODS = ("policy_iteration", "value_iteration")


@dataclass(frozen=True, eq=False)
class MDPResult:
    """The optimal values and an optimal stationary policy of a finite MDP.

    Attributes
    ----------
    values : tuple
        The optimal value of each state (Fractions for exact input, floats otherwise).
    policy : tuple of int
        An optimal action per state.
    method : str
        ``"policy_iteration"`` or ``"value_iteration"``.
    exact : bool
        Whether the numbers are exact.
    discount : number
    iterations : int
        Policy improvements (policy iteration) or Bellman updates (value iteration).
    error_bound : number
        A bound on ``max_s |values[s] - v*(s)|``: 0 for exact answers.
    q_values : tuple
        ``q_values[s][a] = r_a(s) + discount * sum_s' P_a(s, s') values[s']``.
    transitions, rewards : ndarray
        The inputs, read-only (for :func:`cybergames.verify`).
    """

    values: tuple
    policy: tuple
    method: str
    exact: bool
    discount: Any
    iterations: int
    error_bound: Any
    q_values: tuple = field(repr=False)
    transitions: np.ndarray = field(repr=False)
    rewards: np.ndarray = field(repr=False)

    @property
    def residual(self) -> Any:
        """The Bellman residual ``max_s |max_a Q(s, a) - v(s)|`` of the answer."""
        return max(abs(max(q) - v) for q, v in zip(self.q_values, self.values))


def _validate(transitions: Any, rewards: Any, discount: Any) -> tuple[np.ndarray, np.ndarray, Any, str]:
    P, kind_p = number_array(transitions, "transitions", 3)
    r, kind_r = number_array(rewards, "rewards", 2)
    actions, states, states_to = P.shape
    if states != states_to:
        raise GameError(f"transitions: expected shape (actions, states, states), got {P.shape}")
    if r.shape != (actions, states):
        raise GameError(f"rewards: expected shape (actions, states) = {(actions, states)} to match "
                        f"transitions, got {r.shape}")
    stochastic_rows(P, kind_p, "transitions")
    delta = discount_factor(discount)
    kind = widest(kind_p, kind_r, _numbers.kind_of([delta]))
    if kind == FLOAT:
        delta = float(delta)
    return as_storage(P, kind), as_storage(r, kind), delta, kind


def solve_mdp(transitions: Any, rewards: Any, discount: Any, *, method: str | None = None,
              tol: float = DEFAULT_TOL, max_iter: int = 1_000_000) -> MDPResult:
    r"""Optimal values and an optimal stationary policy of a finite discounted MDP.

    Maximises :math:`E \sum_t \delta^t r_{a_t}(s_t)`; Bellman's equation and the
    two methods are in the module docstring.

    Parameters
    ----------
    transitions : array_like
        Of shape (actions, states, states).
        ``transitions[a][s][s']`` is the probability of moving from ``s`` to
        ``s'`` under action ``a``; every row sums to one.
    rewards : array_like
        Of shape (actions, states).
        ``rewards[a][s]`` is the reward of action ``a`` in state ``s``.
    discount : int, Fraction or float
        The discount factor, ``0 <= discount < 1``.
    method : {None, "policy_iteration", "value_iteration"}
        None picks by input kind: exact input (int, Fraction, sympy rational)
        is solved by exact policy iteration, float input by value iteration.
        ``"policy_iteration"`` on float input runs it in float64;
        ``"value_iteration"`` on exact input converts to float.
    tol : float
        Float paths only, relative to the largest absolute reward ``|r|max``
        (so that scaling every reward leaves the answer unchanged): value
        iteration stops with values within ``tol |r|max`` of the optimal ones
        (``error_bound <= tol |r|max``); float policy iteration switches
        actions only for gains above ``tol`` times the largest absolute value.
    max_iter : int
        A cap on the iterations; :class:`ParameterError` if reached.

    Returns
    -------
    MDPResult
        ``values`` and ``policy``, with the Q-values as a certificate.

    Raises
    ------
    GameError
        For arrays of the wrong shape, ragged or non-numeric input.
    ProbabilityError
        If a row of ``transitions`` is negative or does not sum to one.
    DiscountFactorError
        If ``discount`` lies outside ``[0, 1)``.
    ParameterError
        For an unknown ``method`` or a non-positive ``tol``.

    References
    ----------
    Howard, R. A. (1960). *Dynamic Programming and Markov Processes*. MIT Press.
    Puterman, M. L. (1994). *Markov Decision Processes*. Wiley, ch. 6
    (Thm. 6.2.10, secs. 6.3 and 6.4).

    Examples
    --------
    Keep an exploit (action 0: it survives with probability 1/2, paying 0) or
    use it (action 1: it pays 1 and is gone); the lost state pays nothing.

    >>> from fractions import Fraction
    >>> from cybergames.stochastic import solve_mdp
    >>> P = [[[Fraction(1, 2), Fraction(1, 2)], [0, 1]],   # keep
    ...      [[0, 1], [0, 1]]]                             # use
    >>> r = [[0, 0], [1, 0]]
    >>> result = solve_mdp(P, r, Fraction(9, 10))
    >>> result.values, result.policy
    ((Fraction(1, 1), Fraction(0, 1)), (1, 0))
    >>> solve_mdp(P, r, 0.9).values
    (1.0, 0.0)
    """
    P, r, delta, kind = _validate(transitions, rewards, discount)
    if method is None:
        method = "value_iteration" if kind == FLOAT else "policy_iteration"
    if method not in METHODS:
        raise ParameterError(f"method: expected one of {METHODS} or None, got {method!r}")
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not tol > 0:
        raise ParameterError(f"tol: expected a positive number, got {tol!r}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, int) or max_iter < 1:
        raise ParameterError(f"max_iter: expected an integer >= 1, got {max_iter!r}")
    if kind != FLOAT and method == "policy_iteration":
        try:                                          # float policy iteration finds a good first policy
            start, iterations = _float_policy_iteration(float_array(P, "transitions"), float_array(r, "rewards"),
                                                        float(delta), tol, max_iter)
        except GameError:                             # entries beyond float range: start from the greedy one
            start, iterations = [max(range(r.shape[0]), key=lambda a: (r[a, s], -a)) for s in range(r.shape[1])], 0
        values, policy, q, more = _exact_policy_iteration(P, r, delta, start, max_iter)
        return _result(values, policy, q, method, True, delta, iterations + more, 0, P, r)
    Pf, rf = float_array(P, "transitions"), float_array(r, "rewards")
    if method == "value_iteration":
        values, policy, iterations, bound = _value_iteration(Pf, rf, float(delta), tol * reward_scale(rf),
                                                             max_iter)
        q = rf + float(delta) * (Pf @ values)
        return _result(values.tolist(), policy, q, method, False, float(delta), iterations, bound, Pf, rf)
    policy, iterations = _float_policy_iteration(Pf, rf, float(delta), tol, max_iter)
    values = _float_evaluate(Pf, rf, float(delta), policy)
    q = rf + float(delta) * (Pf @ values)
    bound = float(np.max(np.abs(q.max(axis=0) - values))) / (1 - float(delta))
    return _result(values.tolist(), policy, q, method, False, float(delta), iterations, bound, Pf, rf)


def _result(values, policy, q, method, exact, delta, iterations, bound, P, r) -> MDPResult:
    q_rows = tuple(tuple(q[a][s] for a in range(len(q))) for s in range(len(values)))
    return MDPResult(values=tuple(values), policy=tuple(int(a) for a in policy), method=method, exact=exact,
                     discount=delta, iterations=int(iterations), error_bound=bound, q_values=q_rows,
                     transitions=P, rewards=r)


def _value_iteration(P: np.ndarray, r: np.ndarray, delta: float, tol: float, max_iter: int):
    """Bellman updates until the greedy policy is tol-optimal; vectorised over actions and states."""
    values = r.max(axis=0)
    if delta == 0:
        return values, r.argmax(axis=0), 1, 0.0
    stop = tol * (1 - delta) / (2 * delta)
    for iteration in range(1, max_iter + 1):
        q = r + delta * (P @ values)
        new = q.max(axis=0)
        change = float(np.max(np.abs(new - values)))
        values = new
        if change <= stop:
            return values, q.argmax(axis=0), iteration, 2 * delta * change / (1 - delta)
    raise ParameterError(f"max_iter: value iteration did not reach tol={tol} in {max_iter} iterations")


def reward_scale(r: np.ndarray) -> float:
    """The largest absolute reward (1.0 if every reward is 0): float tolerances are relative to it."""
    return _numbers.unit_of(r)


def _float_evaluate(P: np.ndarray, r: np.ndarray, delta: float, policy: np.ndarray) -> np.ndarray:
    states = np.arange(P.shape[1])
    return np.linalg.solve(np.eye(P.shape[1]) - delta * P[policy, states], r[policy, states])


def _float_policy_iteration(P: np.ndarray, r: np.ndarray, delta: float, tol: float, max_iter: int):
    policy = r.argmax(axis=0)
    for iteration in range(1, max_iter + 1):
        values = _float_evaluate(P, r, delta, policy)
        q = r + delta * (P @ values)
        current = q[policy, np.arange(P.shape[1])]
        better = q.max(axis=0) > current + tol * max(reward_scale(r), float(np.abs(values).max()))
        if not better.any():
            return policy, iteration
        policy = np.where(better, q.argmax(axis=0), policy)
    raise ParameterError(f"max_iter: policy iteration did not converge in {max_iter} iterations")


class _ExactMDP:
    """An exact MDP over common denominators: ``P = Pn / Lp``, ``r = rn / Lr``, ``delta = dn / dd``.

    Policy evaluation and Q-values then need only integer arithmetic: the
    evaluation system times ``dd Lp Lr`` is ``Lr (dd Lp I - dn Pn_pi) v = dd Lp rn_pi``.
    """

    def __init__(self, P: np.ndarray, r: np.ndarray, delta: Any):
        self.P_int, self.Lp = integer_scaled(P)
        self.r_int, self.Lr = integer_scaled(r)
        delta = Fraction(delta)
        self.dn, self.dd = delta.numerator, delta.denominator
        self.actions, self.states = r.shape
        self.P_obj = self.P_int.astype(object)
        self.r_obj = self.r_int.astype(object)

    def evaluate(self, policy: list[int]) -> list[Fraction]:
        states = np.arange(self.states)
        P_pi = self.P_obj[policy, states]
        matrix = (self.dd * self.Lp) * np.eye(self.states, dtype=np.int64).astype(object) - self.dn * P_pi
        matrix = self.Lr * matrix
        rhs = (self.dd * self.Lp) * self.r_obj[policy, states]
        return _exact_solve.solve_integer(matrix, rhs)

    def q_scaled(self, values: list[Fraction]) -> tuple[np.ndarray, int]:
        """``(Qn, scale)`` with ``Q = Qn / scale`` as Python-int object arrays, shape (actions, states)."""
        scale_v = math.lcm(*(v.denominator for v in values))
        numerators = np.empty(len(values), dtype=object)
        numerators[...] = [v.numerator * (scale_v // v.denominator) for v in values]
        products = self.P_obj @ numerators
        q = (self.dd * self.Lp * scale_v) * self.r_obj + (self.Lr * self.dn) * products
        return q, self.Lr * self.dd * self.Lp * scale_v


def _exact_policy_iteration(P: np.ndarray, r: np.ndarray, delta: Any, policy, max_iter: int):
    """Howard's policy iteration in exact arithmetic from ``policy``; switches only on strict gains."""
    mdp = _ExactMDP(P, r, delta)
    policy = [int(a) for a in policy]
    states = np.arange(mdp.states)
    for iteration in range(max_iter):
        values = mdp.evaluate(policy)
        q, scale = mdp.q_scaled(values)
        current = q[policy, states]
        best = np.argmax(q, axis=0)                       # the first maximiser
        better = q[best, states] > current
        if not better.any():
            q_fractions = [[Fraction(int(q[a, s]), scale) for s in range(mdp.states)] for a in range(mdp.actions)]
            return values, policy, q_fractions, iteration
        policy = [int(b) if up else a for a, b, up in zip(policy, best, better)]
    raise ParameterError(f"max_iter: exact policy iteration did not converge in {max_iter} iterations")


def _exact_evaluate(P: np.ndarray, r: np.ndarray, delta: Any, policy) -> list[Fraction]:
    return _ExactMDP(P, r, delta).evaluate(list(policy))


def policy_values(transitions: Any, rewards: Any, discount: Any, policy: Any) -> tuple:
    r"""The values :math:`v_\pi = (I - \delta P_\pi)^{-1} r_\pi` of a stationary policy.

    Parameters
    ----------
    transitions, rewards, discount
        As for :func:`solve_mdp`.
    policy : sequence of int
        One action index per state.

    Returns
    -------
    tuple
        One value per state: exact for exact input, floats otherwise.

    Raises
    ------
    GameError
        For bad shapes or a policy with the wrong length or unknown actions.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames.stochastic import policy_values
    >>> policy_values([[[1, 0], [0, 1]]], [[1, 2]], Fraction(1, 2), [0, 0])
    (Fraction(2, 1), Fraction(4, 1))
    """
    P, r, delta, kind = _validate(transitions, rewards, discount)
    actions, states = r.shape
    if isinstance(policy, (str, bytes)) or len(policy) != states or not all(
            isinstance(a, (int, np.integer)) and not isinstance(a, bool) and 0 <= a < actions for a in policy):
        raise GameError(f"policy: expected one action index in 0..{actions - 1} per state "
                        f"({states} states), got {policy!r}")
    if kind == FLOAT:
        return tuple(_float_evaluate(P, r, delta, np.array(policy, dtype=int)).tolist())
    return tuple(_exact_evaluate(P, r, delta, [int(a) for a in policy]))


@verify.register
def _verify_mdp(result: MDPResult, *, tol: float | None = None) -> Verification:
    """Re-check Bellman's equation: ``values[s] = max_a Q(s, a) = Q(s, policy[s])``, recomputing Q."""
    P, r, delta = result.transitions, result.rewards, result.discount
    failures = []
    checked = 0
    for s, v in enumerate(result.values):
        q = [r[a, s] + delta * sum(P[a, s, t] * result.values[t] for t in range(P.shape[2]))
             for a in range(P.shape[0])]
        slack = 0 if result.exact else ((tol if tol is not None else 10 * DEFAULT_TOL) * reward_scale(r)
                                        + 2 * float(result.error_bound))
        checked += 2
        if abs(max(q) - v) > slack:
            failures.append(f"state {s}: value {v} differs from max_a Q = {max(q)}")
        if max(q) - q[result.policy[s]] > 2 * slack:
            failures.append(f"state {s}: action {result.policy[s]} is not greedy (Q = {q})")
    return Verification(ok=not failures, checked=checked, failures=tuple(failures))
