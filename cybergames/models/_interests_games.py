r"""The games of the interests model and the per-state conditions the library derives from them.

:func:`disclosure_game` is the asymmetric stockpile-or-disclose stage game;
:func:`linked_game` adds a second, linked relationship worth :math:`L_i` per
period to state :math:`i` while both keep it (a hostage: it ends only when a
state plays the weakly dominated "cut"; the multimarket model,
:mod:`cybergames.models.multimarket`, links two dilemmas instead), and :data:`PROFILE` is the joint grim trigger that
abandons both relationships after any deviation in either. With
:math:`L_1 = L_2 = 0` the linked game is the plain game with every action
doubled, and the conditions are the plain ones.

:func:`threshold_formula` asks the library's symbolic path for state
:math:`i`'s condition on its own discount factor. The library returns two
lower bounds, :math:`g_i/(l_i + L_i)` (stockpile and keep the linked
relationship) and :math:`(g_i - L_i)/l_i` (stockpile and abandon it), without
comparing them; their difference :math:`L_i (l_i + L_i - g_i) / (l_i (l_i +
L_i))` is non-negative for :math:`l_i > g_i`, which :func:`_largest` proves by
writing :math:`l_i = g_i + e_i` with :math:`e_i > 0`.
"""

from __future__ import annotations

import functools
from typing import Any

import sympy

from ..games.normal_form import NormalFormGame
from ..repeated import RepeatedGame, grim_trigger, sustainable_discount_factors

__all__ = ["SYMBOLS", "PLAYERS", "disclosure_game", "linked_game", "PROFILE", "threshold_formula"]

#: The model's parameters as sympy symbols, named as the parameters, with their assumptions.
SYMBOLS: dict[str, sympy.Symbol] = {
    **{f"gain_{i}": sympy.Symbol(f"gain_{i}", positive=True) for i in (1, 2)},
    **{f"loss_{i}": sympy.Symbol(f"loss_{i}", positive=True) for i in (1, 2)},
    **{f"delta_{i}": sympy.Symbol(f"delta_{i}", nonnegative=True) for i in (1, 2)},
    **{f"linkage_{i}": sympy.Symbol(f"linkage_{i}", nonnegative=True) for i in (1, 2)},
}

PLAYERS = ("state 1", "state 2")
DISCLOSE, STOCKPILE = "disclose", "stockpile"
KEEP, CUT = "keep", "cut"


def _cyber(gain: Any, loss: Any, own: str, other: str) -> Any:
    """A state's stage payoff: +gain if it stockpiles, -loss if the other does."""
    return (gain if own == STOCKPILE else 0) - (loss if other == STOCKPILE else 0)


def disclosure_game(gain_1: Any, loss_1: Any, gain_2: Any, loss_2: Any) -> NormalFormGame:
    r"""The stockpile-or-disclose game: :math:`g_i` to a state that stockpiles, :math:`-l_i` if the other does.

    Both disclose: 0; :math:`i` stockpiles alone: :math:`g_i`; :math:`i`
    discloses alone: :math:`-l_i`; both stockpile: :math:`g_i - l_i`.

    >>> print(disclosure_game(3, 4, 1, 4).table())
                  disclose  stockpile
    disclose          0, 0     -4, 1
    stockpile        3, -4    -1, -3
    """
    actions = (DISCLOSE, STOCKPILE)
    first = [[_cyber(gain_1, loss_1, a, b) for b in actions] for a in actions]
    second = [[_cyber(gain_2, loss_2, b, a) for b in actions] for a in actions]
    return NormalFormGame([first, second], actions=[actions, actions], players=PLAYERS)


LINKED_ACTIONS = tuple(f"{c}/{k}" for k in (KEEP, CUT) for c in (DISCLOSE, STOCKPILE))


def linked_game(gain_1: Any, loss_1: Any, linkage_1: Any, gain_2: Any, loss_2: Any,
                linkage_2: Any) -> NormalFormGame:
    r"""The stockpile-or-disclose game linked to a relationship worth :math:`L_i` to state :math:`i` while both keep it.

    Actions ``"disclose/keep"``, ``"stockpile/keep"``, ``"disclose/cut"`` and
    ``"stockpile/cut"``; the payoff is the disclosure game's plus :math:`L_i`
    when both keep the linked relationship.

    >>> game = linked_game(3, 4, 1, 1, 4, 0)
    >>> game.payoff(("stockpile/keep", "disclose/keep"))
    (4, -4)
    """
    first, second = [], []
    for a in LINKED_ACTIONS:
        rows = ([], [])
        for b in LINKED_ACTIONS:
            (ca, ka), (cb, kb) = a.split("/"), b.split("/")
            kept = ka == KEEP and kb == KEEP
            rows[0].append(_cyber(gain_1, loss_1, ca, cb) + (linkage_1 if kept else 0))
            rows[1].append(_cyber(gain_2, loss_2, cb, ca) + (linkage_2 if kept else 0))
        first.append(rows[0])
        second.append(rows[1])
    return NormalFormGame([first, second], actions=[LINKED_ACTIONS, LINKED_ACTIONS], players=PLAYERS)


#: Joint grim trigger: disclose and keep the linked relationship until anyone deviates in either, then
#: stockpile and cut it for ever.
PROFILE = (grim_trigger(cooperate="disclose/keep", defect="stockpile/cut"),) * 2


def _largest(bounds: list, i: int) -> sympy.Expr:
    """The lower bound that is at least every other one when loss_i > gain_i (proved, not sampled)."""
    gain, loss = SYMBOLS[f"gain_{i}"], SYMBOLS[f"loss_{i}"]
    excess = sympy.Symbol("_excess", positive=True)
    for candidate in bounds:
        if all(sympy.factor((candidate - other).subs(loss, gain + excess)).is_nonnegative for other in bounds):
            return candidate
    raise RuntimeError(f"no lower bound among {bounds} dominates the others")


@functools.lru_cache(maxsize=None)
def threshold_formula(i: int) -> sympy.Expr:
    r"""State ``i``'s threshold on its own discount factor, from the library's symbolic path.

    >>> threshold_formula(1)
    gain_1/(linkage_1 + loss_1)
    """
    s = SYMBOLS
    game = linked_game(s["gain_1"], s["loss_1"], s["linkage_1"], s["gain_2"], s["loss_2"], s["linkage_2"])
    condition = sustainable_discount_factors(RepeatedGame(game), PROFILE, player=i - 1,
                                             assumptions=[s[f"loss_{i}"] > s[f"gain_{i}"]], delta=s[f"delta_{i}"])
    if condition.threshold is not None:
        return condition.threshold
    relations = condition.condition.args if isinstance(condition.condition, sympy.And) else (condition.condition,)
    bounds = []
    for relation in relations:
        if not (isinstance(relation, sympy.GreaterThan) and relation.lhs == s[f"delta_{i}"]):
            raise RuntimeError(f"expected lower bounds on delta_{i}, got {condition.condition}")
        bounds.append(relation.rhs)
    return _largest(bounds, i)
