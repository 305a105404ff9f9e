"""The capacity model's findings and remedies in words (internal)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from .. import _numbers
from ._base import Remedy, show
from ._capacity_game import derivation as model_derivation

#: Weak-state costs shown in the comparative statics, as c1 + m (c2 - c1) for these m.
GAP_MULTIPLES = (0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1, Fraction(5, 4), Fraction(3, 2))




def clip(value: Any) -> Any:
    """``max(0, value)`` in the value's kind (0 stays an int for exact numbers)."""
    if isinstance(value, sympy.Basic):
        return sympy.Max(0, value)
    if value > 0:
        return value
    return 0.0 if isinstance(value, float) else 0


def _stage(model: Any, details: dict) -> str:
    p = model.parameters()
    b, c1, c2, t = p["benefit"], p["cost_strong"], p["cost_weak"], p["transfer"]
    mutual = (2 * b - c1 - t, 2 * b - c2 + t)
    text = (f"One-shot, investing does not pay for either state on its own: each investment brings its investor "
            f"b = {show(b)} but costs the capable state {show(c1)} and the weak state {show(c2)}.")
    if "stage_equilibria" in details:
        pure = [eq for eq in details["stage_equilibria"] if all(max(s) == 1 for s in eq.strategies)]
        if len(details["stage_equilibria"]) == 1 and len(pure) == 1:
            text += f" The only stage equilibrium is that neither invests (payoffs {show(pure[0].payoffs[0])} each)"
        else:
            text += (" Not investing is a stage equilibrium (payoffs 0 each; with ties at c_i = b there are "
                     "others)")
    else:
        text += " Not investing is the stage equilibrium (payoffs 0 each)"
    gains = _numbers.truth(sympy.And(mutual[0] > 0, mutual[1] > 0))
    if gains:
        kind = "a prisoner's dilemma" + (", made asymmetric by the capability gap" if c2 != c1 else "")
        text += (f", although investing together would give the capable state {show(mutual[0])} and the weak "
                 f"state {show(mutual[1])} per period: {kind}.")
    elif gains is None:
        text += (f"; investing together would give the capable state {show(mutual[0])} and the weak state "
                 f"{show(mutual[1])} per period.")
    else:
        text += (f"; investing together would give the capable state {show(mutual[0])} and the weak state "
                 f"{show(mutual[1])} per period, so at this transfer one of them does not even gain from it.")
    return text


def findings(model: Any, details: dict, thresholds: tuple, tau_min: Any, tau_max: Any,
             joint: Any) -> tuple[str, ...]:
    """The equilibrium findings, in words with their numbers."""
    p = model.parameters()
    delta, t = p["delta"], p["transfer"]
    out = [_stage(model, details)]
    transfer = "" if t == 0 else f" with the transfer tau = {show(t)}"
    needs = [f"{who} delta >= {show(x)}" + (" (out of reach: delta < 1)" if _numbers.truth(x >= 1) else "")
             for who, x in zip(("the capable state needs", "the weak state"), thresholds)]
    line = (f"Under grim trigger (invest until someone abstains, then abstain for ever){transfer}, "
            f"{needs[0]} and {needs[1]}.")
    check = details.get("check")
    if check is not None:
        if check.holds:
            line += f" At delta = {show(delta)} both keep investing: no one-shot deviation pays."
        else:
            players = {v.player for v in check.violations}
            who = {frozenset({0}): "the capable state abstains", frozenset({1}): "the weak state abstains"}.get(
                frozenset(players), "both abstain")
            gain = max(v.gain for v in check.violations)
            line += f" At delta = {show(delta)} {who} (a one-shot deviation gains up to {show(gain)})"
            line += (": cooperation fails on the capability gap, not on a lack of common interest."
                     if players == {1} else ".")
    out.append(line)
    feasible = _numbers.truth(tau_min <= tau_max)
    if feasible is False:
        out.append(f"No transfer sustains cooperation at delta = {show(delta)}: the weak state needs at least "
                   f"tau_min = {show(tau_min)} per period but the capable state pays at most "
                   f"tau_max = {show(tau_max)}.")
    else:
        line = (f"A capacity-building transfer tau per period, paid only while both invest, sustains cooperation "
                f"for both at delta = {show(delta)} iff {show(tau_min)} <= tau <= {show(tau_max)}: the minimal "
                f"transfer is tau_min = {show(tau_min)} and the capable state will pay up to {show(tau_max)}.")
        at_minimum = details.get("check_at_minimal_transfer")
        if at_minimum is not None:
            line += (" At tau_min no one-shot deviation pays (checked)." if at_minimum.holds else
                     " (The one-shot deviation check at tau_min fails: see details.)")
        out.append(line)
    equalising = model._substitute(model_derivation().equalising_transfer)
    out.append(f"Transfers pool the two states' incentives: with the equalising transfer (c2 - c1)/2 = "
               f"{show(equalising)} both need delta >= (c1 + c2 - 2b)/(2b) = {show(joint)}, the least discount "
               "factor at which any transfer works, as for two states of average cost. The carrot works only "
               "with the stick behind it: the transfer stops, and investment with it, after any defection "
               "(Barrett 2003, ch. 13).")
    return tuple(out)


def _grid(model: Any, values: list) -> list:
    kind = _numbers.kind_of(model.parameters().values())
    unique: list = []
    for v in sorted(values, key=float):
        v = float(v) if kind == _numbers.FLOAT else _numbers.simplify_exact(v)
        if all(v != u for u in unique):
            unique.append(v)
    return unique


def remedies(model: Any, tau_min: Any, tau_max: Any) -> tuple[Remedy, ...]:
    """The comparative statics of the transfer and of closing the cost gap."""
    p = model.parameters()
    b, c1, c2, delta = p["benefit"], p["cost_strong"], p["cost_weak"], p["delta"]
    if model.is_symbolic:
        transfers, costs = [p["transfer"]], [c2]
    else:
        gap = c2 - c1
        candidates = [0, tau_min, _numbers.ratio(gap, 2), gap, p["transfer"]] + ([tau_max] if tau_max >= 0 else [])
        transfers = _grid(model, [x for x in candidates if x >= 0])
        costs = _grid(model, [c1 + m * (gap if gap > 0 else b) for m in GAP_MULTIPLES] + [c2])
    transfer = Remedy(
        "capacity-building transfer", "transfer",
        "Each unit of transfer lowers the weak state's threshold by 1/b and raises the capable state's by 1/b; "
        f"the discount factor both need is lowest at the equalising transfer (c2 - c1)/2. At delta = {show(delta)} "
        f"the transfer must lie between {show(tau_min)} and {show(tau_max)}. Table: transfer -> discount factor "
        "both states need (none: no delta < 1 makes this strategy an equilibrium).",
        tuple((x, model.joint_critical_discount_factor(transfer=x)) for x in transfers),
        column="discount factor both states need")
    limit = 2 * b * (1 + delta) - c1
    assistance = Remedy(
        "technical assistance that lowers the weak state's cost", "cost_weak",
        f"The minimal transfer max(0, c2 - b(1 + delta)) grows one for one with the weak state's cost once it "
        f"exceeds b(1 + delta) = {show(b * (1 + delta))}: each unit of the cost gap closed by training or "
        f"equipment saves a unit of transfer per period; beyond c2 = 2b(1 + delta) - c1 = {show(limit)} no "
        f"transfer the capable state accepts is enough. Table: weak state's cost (the cost gap is c2 - "
        f"{show(c1)}) -> minimal transfer.",
        tuple((x, model.minimal_transfer(cost_weak=x)) for x in costs), column="minimal transfer τ_min")
    return transfer, assistance
