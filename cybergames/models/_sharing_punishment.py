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

The tests compare these values and verdicts with the library's full
:math:`n`-state :func:`~cybergames.repeated.check_equilibrium` for small groups.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _linalg

__all__ = ["reduced_check", "screen"]


def _states(cap: int, war: int) -> list:
    return (["C"] + [("P", x, m) for x in ("me", "other") for m in range(1, cap + 1)]
            + [("X", x, w) for x in ("me", "other") for w in range(1, war + 1)])


def _chain(n: int, q: Any, r: Any, K: int, L: int, cap: int, war: int, unit: Any) -> tuple:
    """The reduced states, their transitions under the profile, and the states reachable from ``C``."""
    states = _states(cap, war)

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
    for s in states[1:]:
        kind, x, m = s
        if kind == "P":
            moves[s] = [(escalate(x, m), r), (down(x, m), 1 - r)]
        else:
            moves[s] = [(("X", x, m - 1) if m > 1 else ("P", x, cap), unit)]
    reachable, frontier = {"C"}, ["C"]        # by some signal: constraints bind only where play can be
    while frontier:
        for target, _ in moves[frontier.pop()]:
            if target not in reachable:
                reachable.add(target)
                frontier.append(target)
    return states, moves, reachable, escalate, down


def _stage(states: list, payoffs: tuple, zero: Any) -> dict:
    R, _, alone, one = payoffs
    return {s: R if s == "C" else (alone if s[1] == "me" else one) if s[0] == "P" else zero for s in states}


def reduced_check(n: int, payoffs: tuple, q: Any, r: Any, K: int, L: int, cap: int, war: int,
                  delta: Any) -> tuple:
    """State 0's values and largest one-shot gain of ``targeted_retaliation(K, L, cap, war=war)``.

    ``payoffs`` is ``(R, T, alone, one)``: all share, withhold while all others
    share, share alone, withhold while one other shares (0 when nobody shares).
    Exact for exact input (Fractions), floats otherwise.

    Returns
    -------
    (value, gain)
        State 0's value from the start (all share) and the largest gain of a
        one-shot deviation over the reduced states (the profile is a perfect
        public equilibrium iff ``gain <= 0``).
    """
    R, T, alone, one = payoffs
    exact = not any(isinstance(x, float) for x in (*payoffs, q, r, delta))
    zero, unit = (Fraction(0), Fraction(1)) if exact else (0.0, 1.0)
    states, moves, reachable, escalate, down = _chain(n, q, r, K, L, cap, war, unit)
    index = {s: k for k, s in enumerate(states)}
    size = len(states)
    stage = _stage(states, payoffs, zero)
    matrix = [[zero] * size for _ in range(size)]
    rhs = [zero] * size
    for s, k in index.items():
        matrix[k][k] += unit
        for target, p in moves[s]:
            matrix[k][index[target]] -= delta * p
        rhs[k] = (1 - delta) * stage[s]
    V = _linalg.solve(matrix, rhs) if exact else list(np.linalg.solve(np.array(matrix, float), np.array(rhs, float)))

    def continuation(pairs: list) -> Any:
        return sum((p * V[index[t]] for t, p in pairs), zero)

    to_me = q * (1 - r) ** (n - 1)
    to_other = (n - 1) * (1 - q) * r * (1 - r) ** (n - 2)
    gains = [(1 - delta) * T + delta * continuation([(("P", "me", K), to_me), (("P", "other", K), to_other),
                                                      ("C", 1 - to_me - to_other)]) - V[0]]
    # Sharing while another is punished, or in a war, adds mc/n to every payoff and costs c + l: the
    # stage payoff moves by `alone` = mc/n - c - l < 0 and the transitions do not move.
    gains.append((1 - delta) * alone)
    for m in range(1, cap + 1):
        s = ("P", "me", m)
        if s not in reachable:
            continue
        gains.append(delta * continuation([(escalate("me", m), q), (down("me", m), 1 - q)]) - V[index[s]])
    return V[0], max(gains)


@functools.lru_cache(maxsize=2048)
def _screen_arrays(n: int, payoffs: tuple, q: float, r: float, K: int, L: int, cap: int, war: int) -> tuple:
    """The chain of :func:`screen` as arrays: transitions ``M``, stage payoffs ``u``, and each one-shot
    deviation as (weight of 1 - delta, continuation weights over the states, the state it is taken at)."""
    R, T, alone, one = payoffs
    states, moves, reachable, escalate, down = _chain(n, q, r, K, L, cap, war, 1.0)
    index = {s: k for k, s in enumerate(states)}
    size = len(states)
    stage = _stage(states, payoffs, 0.0)
    M = np.zeros((size, size))
    for s, k in index.items():
        for target, p in moves[s]:
            M[k, index[target]] += p

    def weights(pairs: list) -> np.ndarray:
        row = np.zeros(size)
        for target, p in pairs:
            row[index[target]] += p
        return row

    to_me = q * (1 - r) ** (n - 1)
    to_other = (n - 1) * (1 - q) * r * (1 - r) ** (n - 2)
    rows = [(T, weights([(("P", "me", K), to_me), (("P", "other", K), to_other), ("C", 1 - to_me - to_other)]), 0)]
    for m in range(1, cap + 1):
        s = ("P", "me", m)
        if s in reachable:
            rows.append((0.0, weights([(escalate("me", m), q), (down("me", m), 1 - q)]), index[s]))
    return (M, np.array([stage[s] for s in states]), np.array([c for c, _, _ in rows]),
            np.array([w for _, w, _ in rows]), np.array([k for _, _, k in rows]), alone)


def screen(n: int, payoffs: tuple, q: float, r: float, K: int, L: int, cap: int, war: int,
           deltas: np.ndarray) -> tuple:
    """:func:`reduced_check` in floats at many discount factors at once: arrays ``(values, gains)``.

    The same chain and one-shot deviations, with the linear systems of all
    ``deltas`` solved as one batch (for searching a discount factor; the
    answer is then confirmed exactly by :func:`reduced_check`).
    """
    M, u, const, W, at, alone = _screen_arrays(n, tuple(float(x) for x in payoffs), float(q), float(r), K, L, cap,
                                               war)
    d = np.asarray(deltas, dtype=float)
    A = np.eye(len(u))[None, :, :] - d[:, None, None] * M[None, :, :]
    V = np.linalg.solve(A, ((1 - d)[:, None] * u[None, :])[:, :, None])[:, :, 0]
    # Deviation gains: (1 - d) c + d (W V) - V[at]; sharing while another is punished or in a war moves the
    # stage payoff by `alone` < 0 and leaves the transitions alone.
    gains = (1 - d)[:, None] * const[None, :] + d[:, None] * (V @ W.T) - V[:, at]
    return V[:, 0], np.maximum(np.max(gains, axis=1), (1 - d) * alone)
