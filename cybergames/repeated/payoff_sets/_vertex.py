r"""The least discount factor of an extreme feasible payoff, exactly, under perfect monitoring.

Let :math:`v` be a vertex of the feasible set :math:`F` (the convex hull of the
stage payoff vectors) of a game with perfect monitoring (any number of players). Every
pure-strategy subgame perfect equilibrium payoff, with public randomisation,
is a lottery over :math:`(1 - \delta) u(a) + \delta w(a)` with continuations
:math:`w(a)` that are again equilibrium payoffs (Abreu, Pearce & Stacchetti
1990; Mailath & Samuelson 2006, sec. 2.5). Both parts lie in :math:`F`, so a
lottery equal to the vertex :math:`v` puts all weight on profiles :math:`a`
with :math:`u(a) = v` and continuation :math:`w(a) = v`: on the path
:math:`v` is played for ever. A deviation by player :math:`i` is followed by
some equilibrium payoff, worth at least the pure minmax value :math:`m_i`
(Mailath & Samuelson 2006, sec. 2.1), so with the best deviation gain
:math:`g_i(a)`

.. math::
    v_i \ge (1 - \delta)(v_i + g_i(a)) + \delta m_i
    \iff \delta \ge \frac{g_i(a)}{g_i(a) + v_i - m_i}

is necessary (for :math:`g_i(a) > 0`; if moreover :math:`v_i \le m_i` no
:math:`\delta < 1` works). Reverting after a deviation by :math:`i` to the
stage Nash equilibrium :math:`e^i` worst for :math:`i` is an equilibrium (the
one-shot deviation principle, Mailath & Samuelson 2006, Prop. 2.2.1) as soon
as the same inequality holds with :math:`u_i(e^i)` in place of :math:`m_i`
for every player with :math:`g_i(a) > 0`. A player with :math:`g_i(a) \le 0`
is not punished (play stays on the path): his deviation then loses today
and changes nothing later, at every :math:`\delta`, whereas reverting to
:math:`e^i` would reward it where :math:`u_i(e^i) > v_i`.
When the two thresholds agree (a Nash equilibrium holds each deviator to his
minmax value, as in the prisoner's dilemma) the least :math:`\delta` is known
exactly, with an explicit profile attaining it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from ... import _numbers
from ..automata import Automaton
from ..game import RepeatedGame
from ..geometry import feasible_payoffs, minmax_values


@dataclass(frozen=True)
class VertexThreshold:
    """What the vertex argument gives: an exact lower bound, and an upper bound with its profile.

    ``lower`` is None when no discount factor below one can work (then
    ``reason`` says which player cannot be deterred); ``upper`` is None when
    no Nash reversion attains the payoff below one.
    """

    lower: Any
    upper: Any
    profile: tuple | None
    path: tuple | None
    minmax: tuple
    reason: str


def _threshold(gain: Any, payoff: Any, punishment: Any) -> Any:
    """The least delta with payoff >= (1 - delta)(payoff + gain) + delta punishment; None if none below 1."""
    if gain <= 0:
        return Fraction(0)
    if payoff <= punishment:
        return None
    return _numbers.ratio(gain, gain + payoff - punishment)


def _worst(values: list) -> Any:
    return None if any(t is None for t in values) else max(values, default=Fraction(0))


def vertex_threshold(rg: RepeatedGame, target: tuple) -> VertexThreshold | None:
    """The exact bounds of the module docstring, or None when they do not apply.

    They apply to exact games under perfect monitoring, with ``target``
    (exact) a vertex of the feasible set.
    """
    game = rg.stage
    n = game.num_players
    if not rg.is_perfect or game.is_symbolic:
        return None
    if _numbers.kind_of([x for p in game.payoffs for x in p.flat] + list(target)) != _numbers.EXACT:
        return None
    F = feasible_payoffs(game)
    if not any(tuple(vertex) == tuple(target) for vertex in F.vertices.tolist()):
        return None
    m = tuple(minmax_values(game, mixed=False)[0])
    u = game.payoffs
    shape = game.shape
    profiles = list(np.ndindex(*shape))

    def gains(idx: tuple) -> tuple:
        out = []
        for i in range(n):
            best = u[i][idx]
            for alternative in range(shape[i]):
                other = list(idx)
                other[i] = alternative
                best = max(best, u[i][tuple(other)])
            out.append(best - u[i][idx])
        return tuple(out)

    nash = [idx for idx in profiles if all(g <= 0 for g in gains(idx))]
    on_path = [idx for idx in profiles if tuple(u[i][idx] for i in range(n)) == tuple(target)]
    best_lower, best_upper, best_profile, best_path = None, None, None, None
    reasons = []
    for idx in on_path:
        g = gains(idx)
        lower = _worst([_threshold(g[i], target[i], m[i]) for i in range(n)])
        if lower is None:
            labels = tuple(game.actions[j][idx[j]] for j in range(n))
            blocked = [i for i in range(n) if _threshold(g[i], target[i], m[i]) is None]
            reasons.append(f"on the path {labels} player {blocked[0]} gains {g[blocked[0]]} by deviating and "
                           f"gets {target[blocked[0]]}, no more than the pure minmax value {m[blocked[0]]}")
            continue
        if best_lower is None or lower < best_lower:
            best_lower = lower
        if not nash:
            continue
        # a player whose deviation does not pay today is not punished (None): play stays on the path
        punishers = [min(nash, key=lambda e: u[i][e]) if g[i] > 0 else None for i in range(n)]
        upper = _worst([_threshold(g[i], target[i], u[i][punishers[i]]) if g[i] > 0 else Fraction(0)
                        for i in range(n)])
        if upper is not None and upper < 1 and (best_upper is None or upper < best_upper):
            best_upper, best_profile, best_path = upper, _reversion(rg, idx, punishers), idx
    if best_lower is None:
        return VertexThreshold(None, None, None, None, m, "; ".join(reasons))
    path = None if best_path is None else tuple(game.actions[j][best_path[j]] for j in range(n))
    return VertexThreshold(best_lower, best_upper, best_profile, path, m,
                           "the payoff is an extreme point of the feasible set, so it is played for ever")


def _reversion(rg: RepeatedGame, path: tuple, punishers: list) -> tuple:
    """Play ``path``; after a deviation by player i alone play the Nash profile ``punishers[i]`` for ever.

    ``punishers[i]`` None: a deviation by i is not punished (play stays on the
    path). After a deviation by several players at once (which no one-shot
    deviation check looks at) the first of them counts.
    """
    game, monitoring = rg.stage, rg.monitoring
    n = game.num_players
    labels = tuple(game.actions[j][path[j]] for j in range(n))
    punished = {i: tuple(game.actions[j][e[j]] for j in range(n)) for i, e in enumerate(punishers) if e is not None}
    played = {}                                           # signal -> the action profile it reveals
    for idx in np.ndindex(*game.shape):
        row = list(monitoring.matrix[idx])
        played[monitoring.signals[row.index(1)]] = tuple(game.actions[j][idx[j]] for j in range(n))
    punish = {i: f"punish {i}" for i in punished}
    table = {}
    for signal, profile in played.items():
        deviators = [i for i in range(n) if profile[i] != labels[i]]
        table["path", signal] = punish.get(deviators[0], "path") if deviators else "path"
        for state in punish.values():
            table[state, signal] = state
    return tuple(Automaton(["path", *punish.values()], "path",
                           {"path": labels[j], **{punish[i]: punished[i][j] for i in punished}},
                           table, name=f"play {labels}, revert to Nash") for j in range(n))


def undeterrable_vertex(rg: RepeatedGame, target: tuple) -> str | None:
    r"""Why an extreme feasible payoff is no equilibrium payoff at any :math:`\delta < 1` under public monitoring; or None.

    As under perfect monitoring (module docstring), an equilibrium payoff equal
    to a vertex :math:`v` of :math:`F` plays a profile :math:`a` with
    :math:`u(a) = v` now, with an expected continuation :math:`v`. A vertex of
    a polytope is exposed: some :math:`\lambda` has :math:`\lambda \cdot x <
    \lambda \cdot v` on :math:`F \setminus \{v\}`, and the continuations
    :math:`w(y) \in F` average to :math:`v`, so :math:`w(y) = v` after every
    signal :math:`y` that :math:`a` can produce. A deviation :math:`b` of
    player :math:`i` whose signals are among those then changes nothing later,
    and it is deterred only if :math:`u_i(b) \le u_i(a)`: the reason why,
    under full-support monitoring, mutual cooperation itself is not a perfect
    public equilibrium payoff of the prisoner's dilemma, only payoffs near it
    (Mailath & Samuelson 2006, ch. 7). When every profile
    paying :math:`v` has such a profitable deviation, no :math:`\delta < 1`
    gives :math:`v`; the reason names the deviation of each. None when the
    argument does not apply (``target`` is not a vertex, or some profile
    paying it has no such deviation).
    """
    game = rg.stage
    n = game.num_players
    if rg.is_perfect or game.is_symbolic or rg.is_symbolic:
        return None
    exact = _numbers.kind_of([x for p in game.payoffs for x in p.flat] + list(target)) == _numbers.EXACT

    def same(x: Any, y: Any) -> bool:
        return x == y if exact else abs(float(x) - float(y)) <= 1e-12 * max(1.0, abs(float(y)))

    if not any(all(same(x, t) for x, t in zip(vertex, target)) for vertex in feasible_payoffs(game).vertices.tolist()):
        return None
    u, matrix = game.payoffs, rg.monitoring.matrix
    reasons = []
    for idx in np.ndindex(*game.shape):
        if not all(same(u[i][idx], target[i]) for i in range(n)):
            continue
        support = {y for y, p in enumerate(matrix[idx]) if p != 0}
        blocked = None
        for i in range(n):
            for alternative in range(game.shape[i]):
                other = idx[:i] + (alternative,) + idx[i + 1:]
                if u[i][other] > u[i][idx] and {y for y, p in enumerate(matrix[other]) if p != 0} <= support:
                    blocked = (i, other)
                    break
            if blocked is not None:
                break
        if blocked is None:
            return None
        i, other = blocked
        labels = tuple(game.actions[j][idx[j]] for j in range(n))
        reasons.append(f"on the path {labels} player {i} gains {u[i][other] - u[i][idx]} by playing "
                       f"{game.actions[i][other[i]]}, which produces no signal the path does not, so the "
                       f"continuation (the vertex itself after every signal) cannot punish it")
    return "; ".join(reasons) if reasons else None
