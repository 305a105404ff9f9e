r"""The least discount factor at which a cooperative profile played in every period is an equilibrium outcome.

(Internal.)

Let :math:`a` be an action profile whose public signal is certain, :math:`y_0`
with probability one (every profile under perfect monitoring; under the
jurisdiction model's detection technology, prosecution with no false
accusations). In a perfect public equilibrium whose outcome is :math:`a` in
every period, the continuation after :math:`y_0` is again worth :math:`v =
u(a)`, whoever deviated (public strategies cannot tell), and after any other
signal it is an equilibrium payoff, worth at least player :math:`i`'s mixed
minmax value :math:`m_i` (Mailath & Samuelson 2006, sec. 2.1 and 7.1). A
deviation :math:`a_i'` gains :math:`g = u_i(a_i', a_{-i}) - v_i` now and
leaves :math:`y_0` with probability :math:`p_0 = p(y_0 \mid a_i', a_{-i})`, so

.. math::
    v_i \ge (1 - \delta_i)(v_i + g) + \delta_i \bigl[p_0 v_i + (1 - p_0) w_i\bigr]
    \iff \delta_i \ge \frac{g}{g + (1 - p_0)(v_i - w_i)}

with :math:`w_i \ge m_i` is necessary for every deviation with :math:`g > 0`
(if :math:`(1 - p_0)(v_i - m_i) \le 0` no :math:`\delta_i < 1` works). Each
inequality involves only player :math:`i`'s own discount factor, so the bounds
hold player by player when the players discount differently. Reverting to a
stage Nash equilibrium :math:`e` for ever after any signal but :math:`y_0` is
an equilibrium (one-shot deviation principle, Mailath & Samuelson 2006,
Prop. 7.1.1) as soon as the same inequalities hold with :math:`w_i =
u_i(e)`. When :math:`e` holds every deviator to his minmax value the two
bounds agree and the least discount factor is exact, with the reversion
profile attaining it. When :math:`v` is moreover an extreme point of the
feasible payoffs, the path is the only way to obtain :math:`v`, and the bound
is the least discount factor for the payoff itself.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .. import _numbers
from ._base import show

__all__ = ["PathThreshold", "path_threshold"]


@dataclass(frozen=True)
class PathThreshold:
    """Where the least discount factor of a cooperative path lies, player by player, with its certificate.

    Attributes
    ----------
    path : tuple of str
        The action profile played in every period.
    payoff : tuple
        Its stage payoffs, the value of the path.
    player_lower : tuple
        Per player: below this own discount factor no equilibrium has the path
        as its outcome (1: none below one).
    player_upper : tuple or None
        Per player: the reversion profile is an equilibrium when every player's
        discount factor reaches its entry (None: no stage equilibrium punishes enough).
    reversion : tuple of Automaton or None
        Play the path; after any other signal, the stage equilibrium for ever.
    vertex : bool or None
        Whether the payoff is an extreme point of the feasible payoffs (then
        the bounds are about the payoff itself); None where not checked.
    certificate : str
        How the two ends are certified, in words.
    """

    path: tuple
    payoff: tuple
    player_lower: tuple
    player_upper: tuple | None
    reversion: tuple | None = field(repr=False, default=None)
    vertex: bool | None = None
    certificate: str = field(repr=False, default="")
    players: tuple = field(repr=False, default=())

    @property
    def binding(self) -> Any:
        """The player whose own lower end is the largest (whose incentive binds), or None when none is positive."""
        top = max(self.player_lower)
        return None if top <= 0 else list(self.player_lower).index(top)

    @property
    def lower(self) -> Any:
        """The certified lower end with a common discount factor."""
        return max(self.player_lower)

    @property
    def upper(self) -> Any:
        """The certified upper end with a common discount factor (None: not attained below one)."""
        if self.player_upper is None or max(self.player_upper) >= 1:
            return None
        return max(self.player_upper)

    @property
    def found(self) -> bool:
        """Whether an equilibrium with this outcome path exists for some discount factors below one."""
        return self.upper is not None

    @property
    def exact(self) -> bool:
        """Whether both ends agree for every player (the least discount factors are known exactly)."""
        return self.player_upper is not None and tuple(self.player_lower) == tuple(self.player_upper)

    def holds(self, deltas: tuple) -> bool | None:
        """Whether the path is an equilibrium outcome at these discount factors (one per player; None: undecided)."""
        if any(d < low for d, low in zip(deltas, self.player_lower)):
            return False
        if self.player_upper is not None and all(d >= up for d, up in zip(deltas, self.player_upper)):
            return True
        return None


def _bound(gain: Any, leave: Any, margin: Any) -> Any:
    """The least delta with 0 >= (1 - delta) gain - delta leave margin; 1 when none below one."""
    if gain <= 0:
        return Fraction(0)
    if leave * margin <= 0:
        return Fraction(1)
    return _numbers.simplify_exact(_numbers.ratio(gain, gain + leave * margin))


def path_threshold(rg: Any, path: tuple | None = None) -> PathThreshold | None:
    """The bounds of the module docstring for ``path`` (default: every player's first action).

    Returns None when they do not apply: a symbolic or float game, an on-path
    signal that is not certain, or (with a deviation to punish) more than two
    players, whose mixed minmax the library does not compute exactly.
    """
    from ..equilibria import minmax
    from ..repeated import always_cooperate, trigger_on_signal
    from ..repeated.geometry import feasible_payoffs
    game, monitoring = rg.stage, rg.monitoring
    n = game.num_players
    entries = [x for p in game.payoffs for x in p.flat]
    if game.is_symbolic or _numbers.kind_of(entries) != _numbers.EXACT:
        return None
    index = tuple(0 for _ in range(n)) if path is None else tuple(game.action_index(i, a) for i, a in enumerate(path))
    labels = tuple(game.actions[i][k] for i, k in enumerate(index))
    calm = {y: p for y, p in monitoring.distribution(labels).items() if p != 0}
    if len(calm) != 1:
        return None
    (signal,) = calm
    payoff = tuple(_numbers.simplify_exact(game.payoffs[i][index]) for i in range(n))

    def deviations(i: int):
        for k in range(game.shape[i]):
            if k != index[i]:
                other = index[:i] + (k,) + index[i + 1:]
                leave = 1 - monitoring.distribution(tuple(game.actions[j][other[j]] for j in range(n))).get(signal, 0)
                yield game.payoffs[i][other] - payoff[i], leave

    tempted = [i for i in range(n) if any(g > 0 for g, _ in deviations(i))]
    if tempted and n != 2:
        return None
    floor = {i: minmax(game, i).value for i in tempted}
    lower = tuple(max((_bound(g, leave, payoff[i] - floor[i]) for g, leave in deviations(i)), default=Fraction(0))
                  if i in floor else Fraction(0) for i in range(n))
    upper, reversion, chosen = None, None, None
    for e in itertools.product(*(range(s) for s in game.shape)):
        if any(game.payoffs[i][e[:i] + (k,) + e[i + 1:]] > game.payoffs[i][e]
               for i in range(n) for k in range(game.shape[i])):
            continue                                     # not a stage Nash equilibrium
        bounds = tuple(max((_bound(g, leave, payoff[i] - game.payoffs[i][e]) for g, leave in deviations(i)),
                           default=Fraction(0)) for i in range(n))
        if upper is None or (max(bounds), sum(bounds)) < (max(upper), sum(upper)):
            upper, chosen = bounds, e
    if chosen is not None:
        reversion = tuple(always_cooperate(labels[j]) if chosen[j] == index[j] else
                          trigger_on_signal(lambda y, calm=signal: y != calm, cooperate=labels[j],
                                            defect=game.actions[j][chosen[j]]) for j in range(n))
    vertex = None
    if n == 2:
        vertex = any(tuple(v) == payoff for v in feasible_payoffs(game).vertices.tolist())
    punished = ", ".join(f"{'' if str(game.players[i])[-1].isdigit() else 'the '}{game.players[i]} to its minmax "
                         f"value {show(floor[i])}" for i in sorted(floor))
    words = ("no equilibrium punishes a deviation by more than holding " + punished) if punished \
        else "no deviation from it pays"
    if chosen is not None and upper is not None and max(upper) < 1:
        stage = ", ".join(game.actions[j][chosen[j]] for j in range(n))
        words += f"; reverting for ever to the stage equilibrium ({stage}) after any other signal attains the bound"
    else:
        words += "; no stage equilibrium punishes enough to certify an upper end"
    return PathThreshold(labels, payoff, lower, upper, reversion, vertex, words, tuple(game.players))
