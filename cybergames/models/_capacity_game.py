r"""The capacity model's game, strategies and symbolic derivation (internal).

:func:`derivation` runs the library once on the fully symbolic game (symbols
for :math:`b, c_1, c_2, \tau`) and solves its certificate, the incentive
constraints as polynomials in :math:`\delta`, for each state's critical
discount factor, the minimal and maximal transfer, the equalising transfer and
the lowest discount factor at which some transfer sustains cooperation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

import sympy

from ..games.normal_form import NormalFormGame
from ..repeated import DELTA, RepeatedGame, grim_trigger, sustainable_discount_factors
from ._base import affine_root, readable

STRONG, WEAK = "capable", "weak"
INVEST, ABSTAIN = "invest", "abstain"

#: The parameters as sympy symbols, named as the model's fields, with the assumptions of their domains.
SYMBOLS = {
    "benefit": sympy.Symbol("benefit", real=True, positive=True),
    "cost_strong": sympy.Symbol("cost_strong", real=True, positive=True),
    "cost_weak": sympy.Symbol("cost_weak", real=True, positive=True),
    "transfer": sympy.Symbol("transfer", real=True, nonnegative=True),
    "delta": DELTA,
}


def stage_game(p: Mapping[str, Any]) -> NormalFormGame:
    r"""The stage game at parameter values ``p``: each investment yields ``benefit`` to both.

    The transfer :math:`\tau` passes from the capable to the weak state only
    when both invest.
    """
    b, c1, c2, t = p["benefit"], p["cost_strong"], p["cost_weak"], p["transfer"]
    strong = [[2 * b - c1 - t, b - c1],
              [b, 0 * b]]
    weak = [[2 * b - c2 + t, b],
            [b - c2, 0 * b]]
    return NormalFormGame([strong, weak], actions=[(INVEST, ABSTAIN), (INVEST, ABSTAIN)], players=(STRONG, WEAK))


def repeated_game(p: Mapping[str, Any]) -> RepeatedGame:
    """The repeated game (perfect monitoring: investments in defence are observable)."""
    return RepeatedGame(stage_game(p))


@lru_cache(maxsize=None)
def profile() -> tuple:
    """Grim trigger for both: invest until someone abstains, then abstain for ever."""
    trigger = grim_trigger(cooperate=INVEST, defect=ABSTAIN)
    return (trigger, trigger)


@dataclass(frozen=True)
class Derivation:
    r"""What the library says about the fully symbolic game, solved for the transfer.

    Attributes
    ----------
    condition : DeltaCondition
        The library's sustainability condition on the symbolic game (no assumptions made).
    constraints : tuple of sympy.Expr
        Each state's incentive constraint on the cooperative path, :math:`h_i(\delta) \le 0`:
        :math:`c_1 + \tau - b(1 + \delta)` and :math:`c_2 - \tau - b(1 + \delta)`.
    punishment : tuple of sympy.Expr
        Each state's constraint in the punishment phase, :math:`b - c_i \le 0` (abstaining is
        a stage best reply, so the threat is credible).
    thresholds : tuple of sympy.Expr
        Each state's critical discount factor, the root of its constraint in :math:`\delta`.
    minimal_transfer, maximal_transfer : sympy.Expr
        The roots in :math:`\tau` of the weak and the capable state's constraints (the
        weak state needs :math:`\tau \ge` the first, the capable one accepts :math:`\tau \le` the second).
    equalising_transfer : sympy.Expr
        The transfer at which both thresholds are equal.
    joint_threshold : sympy.Expr
        The common threshold there: the least discount factor at which some transfer works.
    """

    condition: Any = field(repr=False)
    constraints: tuple
    punishment: tuple
    thresholds: tuple
    minimal_transfer: sympy.Expr
    maximal_transfer: sympy.Expr
    equalising_transfer: sympy.Expr
    joint_threshold: sympy.Expr

    @property
    def region(self) -> sympy.Basic:
        r"""The sustainable region, valid for every parameter value: every constraint holds.

        Written :math:`b(1 + \delta) \ge c_1 + \tau`, :math:`b(1 + \delta) + \tau \ge c_2` and
        :math:`c_i \ge b` (each is :math:`h \le 0` with the same terms moved across).
        """
        b, c1, c2, t = (SYMBOLS[n] for n in ("benefit", "cost_strong", "cost_weak", "transfer"))
        sides = (c1 + t, c2, b, b)
        return sympy.And(*(sympy.Ge(sympy.expand(side - h), side)
                           for side, h in zip(sides, self.constraints + self.punishment)))


@lru_cache(maxsize=None)
def derivation() -> Derivation:
    """Run the library on the symbolic game once and solve its constraints (cached)."""
    b, c1, c2, t = (SYMBOLS[n] for n in ("benefit", "cost_strong", "cost_weak", "transfer"))
    condition = sustainable_discount_factors(repeated_game(SYMBOLS), profile())
    by_place = {(c.player, c.state): sympy.expand(c.polynomial()) for c in condition.constraints}
    path = tuple(by_place[(i, ("cooperate", "cooperate"))] for i in (0, 1))
    punishment = tuple(by_place[(i, ("punish", "punish"))] for i in (0, 1))
    thresholds = tuple(affine_root(h, DELTA) for h in path)
    equalising = affine_root(thresholds[0] - thresholds[1], t)
    joint = sympy.cancel(thresholds[0].subs(t, equalising))
    return Derivation(
        condition=condition,
        constraints=path,
        punishment=punishment,
        thresholds=(readable(thresholds[0], (c1 + t - b) / b), readable(thresholds[1], (c2 - t - b) / b)),
        minimal_transfer=readable(affine_root(path[1], t), c2 - b * (1 + DELTA)),
        maximal_transfer=readable(affine_root(path[0], t), b * (1 + DELTA) - c1),
        equalising_transfer=readable(equalising, (c2 - c1) / 2),
        joint_threshold=readable(joint, (c1 + c2 - 2 * b) / (2 * b)),
    )
