r"""Targeted punishment in the n-state sharing game, checked on its symmetric reduction (internal).

The profile is :func:`~cybergames.repeated.targeted_retaliation` with ``n``
players, actions ``Share``/``Withhold``, under independent suspicion (each
state suspected with probability :math:`q` when it withholds, :math:`r` when it
shares). All share; when exactly one state :math:`i` is suspected it is
punished for :math:`K` rounds: it shares while every other state withholds.
If it is suspected again the punishment grows by :math:`L` rounds, up to
``cap``; a suspicion that would push it past ``cap`` starts :math:`W` rounds in
which nobody shares, after which the punishment resumes at ``cap``.

The joint automaton has :math:`1 + n(\mathrm{cap} + W)` states and
:math:`2^n` signals, but it is symmetric under permutations of the states, so
one state's values depend only on whether it is the punished one. From the
viewpoint of state 0 the joint states are ``C``, ``P(me, m)``, ``P(other, m)``,
``X(me, w)``, ``X(other, w)``, and with :math:`\rho = r(1 - r)^{n-1}` (exactly
one given state suspected after full sharing) the transitions are

* ``C`` → ``P(me, K)`` with probability :math:`\rho`, ``P(other, K)`` with
  :math:`(n - 1)\rho`, else ``C``;
* ``P(x, m)`` → the escalation of ``x`` at ``m`` with probability :math:`r`
  (the punished state shares and is suspected), else ``P(x, m - 1)``
  (``C`` after the last round); suspicion of the withholding punishers is ignored;
* ``X(x, w)`` → ``X(x, w - 1)``, and ``X(x, 1)`` → ``P(x, cap)``.

State 0's stage payoffs are :math:`R = mc - c - \ell` in ``C``,
:math:`mc/n - c - \ell` when it shares alone, :math:`mc/n` when one other
shares, 0 in a war. Its one-shot deviations (the one-shot deviation
principle, Mailath & Samuelson 2006, Proposition 7.1.1):

* in ``C``, withholding pays :math:`T = mc(n-1)/n` and leads to ``P(me, K)``
  with probability :math:`q(1 - r)^{n-1}` and to ``P(other, K)`` with
  :math:`(n - 1)(1 - q) r (1 - r)^{n - 2}`;
* in ``P(me, m)``, withholding pays 0 and escalates with probability :math:`q`;
* in ``P(other, m)`` and ``X``, sharing lowers the stage payoff by
  :math:`c + \ell - mc/n > 0` and leaves the transitions unchanged (they read
  only the punished state's suspicion, or nothing), so it never pays.

The same reduction holds in any symmetric game with a cooperative and a
defecting action under independent blame, once the sharing payoffs are
replaced by the game's: in the attribution model's prisoner's dilemma
(:math:`n = 2`) all restrain for :math:`R`, a lone attack pays :math:`T`, the
punished state restrains against an attack for :math:`S` while its punisher
gets :math:`T`, a war pays :math:`P` (so does the punished state's attack),
and a punisher that restrains gets :math:`R` (``payoffs`` of six entries).
With ``q``, ``r`` and ``delta`` as numpy arrays of floats the values and gains
come for every point at once (one batched linear solve per automaton), which
is how the attribution figure screens targeted retaliation over
:math:`(q, r)`.

The tests compare these values and verdicts with the library's full
:math:`n`-state :func:`~cybergames.repeated.check_equilibrium` for small groups,
and with the two-state attribution game.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from .. import _linalg

__all__ = ["reduced_check", "screen"]


def _states(cap: int, war: int) -> list:
    return (["C"] + [("P", x, m) for x in ("me", "other") for m in range(1, cap + 1)]
            + [("X", x, w) for x in ("me", "other") for w in range(1, war + 1)])


def _stage_payoffs(payoffs: tuple) -> tuple:
    """``(R, T, alone, one, mutual, joint)``; four entries are the sharing game's (mutual 0, joint one + alone)."""
    if len(payoffs) == 4:
        R, T, alone, one = payoffs
        return R, T, alone, one, alone - alone, one + alone
    return tuple(payoffs)


def reduced_check(n: int, payoffs: tuple, q: Any, r: Any, K: int, L: int, cap: int, war: int,
                  delta: Any) -> tuple:
    """State 0's values and largest one-shot gain of ``targeted_retaliation(K, L, cap, war=war)``.

    ``payoffs`` is ``(R, T, alone, one)`` in the sharing game: all share,
    withhold while all others share, share alone, withhold while one other
    shares (0 when nobody shares). In another game it is
    ``(R, T, alone, one, mutual, joint)``, adding the payoff when nobody
    cooperates and a punisher's payoff when it cooperates beside the punished
    state (the prisoner's dilemma: ``(R, T, S, T, P, R)``). Exact for exact
    input (Fractions); floats otherwise, and with ``q``, ``r`` or ``delta``
    numpy arrays the results are arrays of their broadcast shape.

    Returns
    -------
    (value, gain)
        State 0's value from the start (all cooperate) and the largest gain of
        a one-shot deviation over the reduced states (the profile is a perfect
        public equilibrium iff ``gain <= 0``).
    """
    R, T, alone, one, mutual, joint = _stage_payoffs(payoffs)
    arrays = any(isinstance(x, np.ndarray) for x in (q, r, delta))
    exact = not arrays and not any(isinstance(x, float) for x in (*payoffs, q, r, delta))
    states = _states(cap, war)
    index = {s: k for k, s in enumerate(states)}
    zero, unit = (Fraction(0), Fraction(1)) if exact else (0.0, 1.0)

    def escalate(x: str, m: int) -> Any:
        if war and m - 1 + L > cap:
            return ("X", x, war)
        left = min(m - 1 + L, cap)
        return ("P", x, left) if left else "C"

    def down(x: str, m: int) -> Any:
        return ("P", x, m - 1) if m > 1 else "C"

    single = r * (1 - r) ** (n - 1)
    moves: dict = {"C": [(("P", "me", K), single), (("P", "other", K), (n - 1) * single),
                         ("C", 1 - n * single)]}
    stage = {"C": R}
    for s in states[1:]:
        kind, x, m = s
        if kind == "P":
            moves[s] = [(escalate(x, m), r), (down(x, m), 1 - r)]
            stage[s] = alone if x == "me" else one
        else:
            moves[s] = [(("X", x, m - 1) if m > 1 else ("P", x, cap), unit)]
            stage[s] = mutual
    V = _solve(states, index, moves, stage, delta, exact, np.broadcast(q, r, delta).shape if arrays else None)

    def continuation(pairs: list) -> Any:
        return sum((p * V[index[t]] for t, p in pairs), zero)

    reachable, frontier = {"C"}, ["C"]        # by some signal: constraints bind only where play can be
    while frontier:
        for target, _ in moves[frontier.pop()]:
            if target not in reachable:
                reachable.add(target)
                frontier.append(target)
    to_me = q * (1 - r) ** (n - 1)
    to_other = (n - 1) * (1 - q) * r * (1 - r) ** (n - 2)
    gains = [(1 - delta) * T + delta * continuation([(("P", "me", K), to_me), (("P", "other", K), to_other),
                                                      ("C", 1 - to_me - to_other)]) - V[0]]
    # A punisher that cooperates beside the punished state, or a state that cooperates alone in a war, moves
    # its stage payoff (by joint - one, and by alone - mutual: mc/n - c - l < 0 in the sharing game, R - T and
    # S - P in the prisoner's dilemma) and not the transitions, which read only the punished state's blame.
    gains.append((1 - delta) * (joint - one))
    if war:
        gains.append((1 - delta) * (alone - mutual))
    for m in range(1, cap + 1):
        s = ("P", "me", m)
        if s not in reachable:
            continue
        gains.append((1 - delta) * mutual + delta * continuation([(escalate("me", m), q), (down("me", m), 1 - q)])
                     - V[index[s]])
    if arrays:
        return V[0], np.maximum.reduce(np.broadcast_arrays(*gains))
    return V[0], max(gains)


def _solve(states: list, index: dict, moves: dict, stage: dict, delta: Any, exact: bool, shape: Any) -> list:
    """The values of ``V = (1 - delta) u + delta Q V`` on the reduced states (one list entry per state)."""
    size = len(states)
    if exact:
        matrix = [[Fraction(0)] * size for _ in range(size)]
        rhs = [Fraction(0)] * size
        for s, k in index.items():
            matrix[k][k] += 1
            for target, p in moves[s]:
                matrix[k][index[target]] -= delta * p
            rhs[k] = (1 - delta) * stage[s]
        return _linalg.solve(matrix, rhs)
    shape = () if shape is None else shape
    matrix = np.zeros(shape + (size, size))
    rhs = np.zeros(shape + (size,))
    for s, k in index.items():
        matrix[..., k, k] += 1.0
        for target, p in moves[s]:
            matrix[..., k, index[target]] -= delta * p
        rhs[..., k] = (1 - delta) * stage[s]
    solved = np.linalg.solve(matrix, rhs[..., None])[..., 0]
    if not shape:
        return [float(v) for v in solved]
    return [solved[..., k] for k in range(size)]


def screen(n: int, payoffs: tuple, q: float, r: float, K: int, L: int, cap: int, war: int,
           deltas: np.ndarray) -> tuple:
    """:func:`reduced_check` in floats at many discount factors at once: arrays ``(values, gains)``.

    The same chain and one-shot deviations, with the linear systems of all
    ``deltas`` solved as one batch (for searching a discount factor; the
    answer is then confirmed exactly by :func:`reduced_check`).
    """
    return reduced_check(n, tuple(float(x) for x in payoffs), float(q), float(r), K, L, cap, war,
                         np.asarray(deltas, dtype=float))
