r"""Technological disparities: asymmetric defence costs, and capacity building as a transfer.

States differ in what it costs them to defend their networks, patch, and take
part in joint incident response. A capable state does it cheaply; a weak state
pays more for the same contribution, and may not find cooperation worth its
while even when the capable state does. Capacity building (funding, training,
equipment) transfers resources to it; the question is how large the transfer
must be, and whether the capable state will pay it.

The game
--------
Two states, the capable state 1 and the weak state 2, each invest (C) or not
(D) in defence and joint incident response. Investing costs :math:`c_i`
(:math:`c_2 \ge c_1 \ge b`: the weak state pays more, and investing alone never
pays for itself); each investment yields :math:`b` to both. A transfer
:math:`\tau \ge 0` per period passes from state 1 to state 2 while both invest:

=================  ============================================  ======================
                   weak state invests                            weak state abstains
=================  ============================================  ======================
capable invests    :math:`2b - c_1 - \tau,\ 2b - c_2 + \tau`     :math:`b - c_1,\ b`
capable abstains   :math:`b,\ b - c_2`                           :math:`0,\ 0`
=================  ============================================  ======================

Abstaining is dominant in the stage game. Under grim trigger (invest until
someone abstains, then abstain for ever; observable investments) state
:math:`i` cooperates iff :math:`\delta \ge (T_i - R_i)/(T_i - P_i)`:

.. math::
   \delta \ge \frac{c_1 + \tau - b}{b}, \qquad \delta \ge \frac{c_2 - \tau - b}{b}.

The transfer moves the two thresholds in opposite directions. The weak state
needs :math:`\tau \ge \tau_{\min} = \max\{0, c_2 - b(1 + \delta)\}`; the
capable state pays at most :math:`\tau_{\max} = b(1 + \delta) - c_1`; some
transfer works iff :math:`c_1 + c_2 \le 2b(1 + \delta)`, i.e.
:math:`\delta \ge (c_1 + c_2 - 2b)/(2b)`, reached with the equalising
transfer :math:`(c_2 - c_1)/2`: with transfers the pair is as patient as two
states of average cost. The minimal transfer grows one for one with the weak
state's cost.

Every number comes from the library (stage equilibria, exact per-player sets
of sustainable discount factors, one-shot-deviation checks); the formulas are
the library's constraint polynomials on the symbolic game, solved for
:math:`\delta` and :math:`\tau` (:mod:`cybergames.models._capacity_game`).

References
----------
S. Barrett, *Environment and Statecraft: The Strategy of Environmental
Treaty-Making*, Oxford University Press, 2003, ch. 13 "The side payments game"
(asymmetric countries; carrots work only with sticks behind them).
J. W. Friedman, "A non-cooperative equilibrium for supergames", *Review of
Economic Studies* 38(1), 1971 (grim trigger).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ..equilibria import nash_equilibria
from ..errors import ParameterError
from ..repeated import check_equilibrium, sustainable_discount_factors
from . import _capacity_game as game
from ._base import Condition, Model, ModelAnalysis, check_parameter
from ._capacity_text import clip, findings, remedies, show

__all__ = ["CapacityModel"]


@dataclass(frozen=True)
class CapacityModel(Model):
    r"""Two states with unequal defence costs; a capacity-building transfer from the capable to the weak.

    Numbers may be ints, Fractions (exact results), floats (float results) or
    sympy expressions (formulas).

    Parameters
    ----------
    benefit : number, default 4
        :math:`b > 0`, what each state's investment yields to each of the two states.
    cost_strong : number, default 5
        :math:`c_1 \ge b`, the capable state's cost of investing.
    cost_weak : number, default 7
        :math:`c_2 \ge c_1`, the weak state's cost of investing.
    transfer : number, default 0
        :math:`\tau \ge 0`, paid per period by the capable state to the weak one while both invest.
    delta : number, default 3/5
        :math:`\delta \in [0, 1)`, the common discount factor.

    Raises
    ------
    ParameterError
        If a parameter is not a number or lies outside its range; in
        particular if investing alone pays for itself (:math:`c_1 < b`: the
        capable state would invest whatever the other does) or the weak state's
        cost is below the capable state's.

    Examples
    --------
    >>> model = CapacityModel()
    >>> model.critical_discount_factors(), model.minimal_transfer(), model.maximal_transfer()
    ((Fraction(1, 4), Fraction(3, 4)), Fraction(3, 5), Fraction(7, 5))
    >>> CapacityModel(transfer=Fraction(3, 5)).critical_discount_factors()
    (Fraction(2, 5), Fraction(3, 5))
    """

    benefit: Any = 4
    cost_strong: Any = 5
    cost_weak: Any = 7
    transfer: Any = 0
    delta: Any = Fraction(3, 5)

    key: ClassVar[str] = "capacity"
    symbols: ClassVar[dict] = game.SYMBOLS
    obstacle: ClassVar[str] = "technological disparities"

    def __post_init__(self) -> None:
        name = type(self).__name__
        check_parameter(self, "benefit", lower=0, lower_open=True)
        check_parameter(self, "cost_strong", lower=0, lower_open=True)
        check_parameter(self, "cost_weak", lower=0, lower_open=True)
        check_parameter(self, "transfer", lower=0)
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True)
        _numbers.require(self.cost_strong >= self.benefit, ParameterError,
                         f"{name}.cost_strong: expected a value >= benefit ({show(self.benefit)}): if investing "
                         f"pays for itself the capable state invests anyway and there is no dilemma; "
                         f"got {show(self.cost_strong)}")
        _numbers.require(self.cost_weak >= self.cost_strong, ParameterError,
                         f"{name}.cost_weak: expected a value >= cost_strong ({show(self.cost_strong)}): the "
                         f"weak state is the one that pays more; got {show(self.cost_weak)}")
        self._floats_throughout()

    # ------------------------------------------------------------ the games
    def stage_game(self):
        """The stage game (players ``capable``, ``weak``; actions ``invest``, ``abstain``)."""
        return game.stage_game(self.parameters())

    def repeated_game(self):
        """The repeated game under perfect monitoring."""
        return game.repeated_game(self.parameters())

    @staticmethod
    def profile() -> tuple:
        """Grim trigger for both states."""
        return game.profile()


    # ------------------------------------------------------------ thresholds
    def critical_discount_factors(self, **changes: Any) -> tuple:
        r"""Each state's critical discount factor (capable, weak).

        Numeric parameters: the infimum of the library's exact (or float) set of
        sustainable discount factors with each state's constraints only; where
        that set is empty, the root of the library's constraint, which is then
        at least 1 (out of reach). Symbolic ones: the library's symbolic
        threshold, clipped at 0. ``changes`` override parameters.
        """
        model = self.replace(**changes) if changes else self
        if model.is_symbolic:
            return tuple(sympy.Max(0, model._substitute(e)) for e in game.derivation().thresholds)
        rg, profile = model.repeated_game(), model.profile()
        sets = (sustainable_discount_factors(rg, profile, player=i) for i in (0, 1))
        return tuple(_numbers.simplify_exact(s.infimum) if s.is_interval_to_one else model._substitute(e)
                     for s, e in zip(sets, game.derivation().thresholds))

    def joint_critical_discount_factor(self, **changes: Any) -> Any:
        """The discount factor both states need at this transfer (None if none below 1 works)."""
        model = self.replace(**changes) if changes else self
        if model.is_symbolic:
            return sympy.Max(*model.critical_discount_factors())
        delta_set = sustainable_discount_factors(model.repeated_game(), model.profile())
        return _numbers.simplify_exact(delta_set.infimum) if delta_set.is_interval_to_one else None

    def minimal_transfer(self, **changes: Any) -> Any:
        r""":math:`\tau_{\min} = \max\{0, c_2 - b(1 + \delta)\}`, the least transfer that keeps the weak state in."""
        model = self.replace(**changes) if changes else self
        return clip(model._substitute(game.derivation().minimal_transfer))

    def maximal_transfer(self, **changes: Any) -> Any:
        r""":math:`\tau_{\max} = b(1 + \delta) - c_1`, the most the capable state pays and still cooperates."""
        model = self.replace(**changes) if changes else self
        return model._substitute(game.derivation().maximal_transfer)

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""The sustainability region as a sympy relation in the parameter symbols.

        .. math:: b(1 + \delta) \ge c_1 + \tau \ \wedge\ b(1 + \delta) \ge c_2 - \tau
           \ \wedge\ c_1 \ge b \ \wedge\ c_2 \ge b

        (the library's constraint polynomials; valid for every parameter value).
        Parameters named in ``free`` stay symbols (default: all of them, for
        :func:`cybergames.sweep.vectorize` on any grid, e.g. transfer against
        ``cost_weak``); the others take the model's values.

        >>> CapacityModel().region_condition(free=["transfer"])
        (transfer >= 3/5) & (transfer <= 7/5)
        """
        return self._region(game.derivation().region, free)

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """Equilibria, each state's condition, the minimal transfer and the comparative statics.

        Returns
        -------
        ModelAnalysis
            Conditions: each state's critical discount factor, the minimal and
            the largest transfer, and the least discount factor at which some
            transfer works. Remedies: the transfer, and technical assistance
            lowering the weak state's cost. ``details``: ``repeated_game``,
            ``profile``, ``derivation`` and, for numeric parameters,
            ``stage_equilibria``, ``player_delta_sets``, ``delta_set``,
            ``check`` (one-shot deviations at the model's delta) and, when some
            transfer works, ``check_at_minimal_transfer``.
        """
        derived = game.derivation()
        p = self.parameters()
        rg, profile = self.repeated_game(), self.profile()
        details: dict[str, Any] = {"repeated_game": rg, "profile": profile, "derivation": derived}
        thresholds = self.critical_discount_factors()
        tau_min, tau_max = self.minimal_transfer(), self.maximal_transfer()
        joint = clip(self._substitute(derived.joint_threshold))
        if self.is_symbolic:
            holds = tuple(None if t is None else _numbers.truth(p["delta"] >= t) for t in thresholds)
        else:
            sets = tuple(sustainable_discount_factors(rg, profile, player=i) for i in (0, 1))
            holds = tuple(p["delta"] in s for s in sets)
            details.update(stage_equilibria=nash_equilibria(rg.stage), player_delta_sets=sets,
                           delta_set=sustainable_discount_factors(rg, profile),
                           check=check_equilibrium(rg, profile, p["delta"]))
            if tau_min <= tau_max:
                at_minimum = self.replace(transfer=tau_min)
                details["check_at_minimal_transfer"] = check_equilibrium(at_minimum.repeated_game(), profile,
                                                                         p["delta"])
        S, D = game.SYMBOLS, game.DELTA
        feasible = _numbers.truth(p["delta"] >= joint) if isinstance(joint, sympy.Basic) else p["delta"] >= joint
        conditions = (
            Condition("capable state's critical discount factor", sympy.Ge(D, derived.thresholds[0]),
                      thresholds[0], holds[0],
                      "The capable state keeps investing iff delta b >= c1 + tau - b: what abstaining once "
                      "saves it (its cost and the transfer, net of the benefit b of its own investment) must "
                      "not exceed delta b, the discounted benefit of the weak state's investment it forfeits."),
            Condition("weak state's critical discount factor", sympy.Ge(D, derived.thresholds[1]),
                      thresholds[1], holds[1],
                      "The weak state keeps investing iff delta b >= c2 - tau - b: its saving from abstaining "
                      "once (its higher cost, net of the transfer and of its own investment's benefit) must "
                      "not exceed the discounted benefit of the capable state's investment."),
            Condition("minimal transfer", sympy.Ge(S["transfer"], sympy.Max(0, derived.minimal_transfer)),
                      tau_min, holds[1],
                      "The least capacity-building transfer per period that keeps the weak state investing."),
            Condition("largest transfer the capable state will pay", sympy.Le(S["transfer"], derived.maximal_transfer),
                      tau_max, holds[0],
                      "Above it the capable state would rather stop investing and paying."),
            Condition("cooperation possible with some transfer", sympy.Ge(D, derived.joint_threshold), joint,
                      feasible,
                      "Some transfer sustains cooperation for both iff c1 + c2 <= 2 b (1 + delta): the two "
                      "states together must value the future enough, however the burden is split."),
        )
        summary = ("Two states invest in defence and joint incident response at unequal costs; the capable "
                   "state can pay the weak one a capacity-building transfer while both invest: asymmetric "
                   "repeated prisoner's dilemma with side payments.")
        from ._game import answerable, perfect_monitoring_answer, perfect_monitoring_findings
        answer = None if not answerable(self) else perfect_monitoring_answer(self.repeated_game(), self.delta,
                                                                         f"grim trigger with the transfer "
                                                                         f"τ = {show(self.transfer)}")
        extra = () if answer is None else perfect_monitoring_findings(answer, self.delta)
        return ModelAnalysis(self, self.obstacle, summary,
                             (*findings(self, details, thresholds, tau_min, tau_max, joint), *extra),
                             conditions, remedies(self, tau_min, tau_max), details, game=answer)
