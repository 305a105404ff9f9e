"""The jurisdiction model's findings and remedies in words (internal)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any


from .. import _numbers
from ._base import Remedy, show

#: Enforcement probabilities shown in the comparative statics (with the model's own value).
ENFORCEMENT_GRID = (Fraction(1, 10), Fraction(1, 5), Fraction(1, 4), Fraction(1, 3), Fraction(1, 2),
                    Fraction(3, 4), 1)
#: Sanctions shown, as multiples of the model's sanction (of b + c_p when the sanction is zero).
SANCTION_MULTIPLES = (0, Fraction(1, 2), 1, Fraction(3, 2), 2, 3)




def _like(model: Any, value: Any) -> Any:
    """``value`` in the model's number kind: floats for a float model, exact otherwise."""
    kind = _numbers.kind_of(model.parameters().values())
    return float(value) if kind == _numbers.FLOAT else value


def _stage(model: Any, details: dict, credible: Any) -> str:
    p = model.parameters()
    gain = p["harbour_benefit"] + p["prosecution_cost"]
    rho_d, k = p["averted_share"] * p["damage"], p["sanction_cost"]
    if "stage_equilibria" not in details:
        return (f"One-shot, harbouring gains the host b + c_p = {show(gain)} whatever the victim does, and "
                f"the victim sanctions a harbouring host iff sanctions avert more damage than they cost "
                f"(rho d = {show(rho_d)} against k = {show(k)}).")
    game = details["stage_equilibria"]
    pure = [eq for eq in game if all(max(s) == 1 for s in eq.strategies)]
    stage = model.stage_game()
    profiles = [" and ".join(f"({stage.actions[0][list(eq.strategies[0]).index(1)]}, "
                             f"{stage.actions[1][list(eq.strategies[1]).index(1)]}) paying the host "
                             f"{show(eq.payoffs[0])} and the victim {show(eq.payoffs[1])}" for eq in pure)]
    dominant = (f"harbouring is the host's dominant action: it keeps the proxies' benefit (b = "
                f"{show(p['harbour_benefit'])}) and saves the prosecution cost (c_p = {show(p['prosecution_cost'])})"
                if gain > 0 else "the host is indifferent between prosecuting and harbouring (b + c_p = 0)")
    if credible and rho_d > k:
        reply = (f"against harbouring the victim sanctions, because sanctions avert more damage "
                 f"(rho d = {show(rho_d)}) than they cost (k = {show(k)})")
    elif credible:
        reply = f"against harbouring the victim is indifferent about sanctioning (rho d = k = {show(k)})"
    else:
        reply = (f"against harbouring the victim does not even sanction, because sanctions avert less damage "
                 f"(rho d = {show(rho_d)}) than they cost (k = {show(k)})")
    count = "only equilibrium is" if len(game) == 1 else "pure equilibria are"
    sanctuary = all(eq.strategies[0][1] == 1 for eq in pure)
    return (f"One-shot, {dominant}; {reply}. The stage game's {count} {profiles[0]}"
            + (": the sanctuary outcome, in which attackers operate from the host's territory unprosecuted "
               "(Maurer 2018)." if sanctuary else "."))


def findings(model: Any, details: dict, delta_star: Any, pi_star: Any, s_star: Any, credible: Any,
             prosecutes: Any) -> tuple[str, ...]:
    """The equilibrium findings, in words with their numbers."""
    p = model.parameters()
    delta, pi, r = p["delta"], p["enforcement"], p["false_accusation"]
    out = [_stage(model, details, credible)]
    strategy = (f"Repeated, the host prosecutes and the victim cooperates until harbouring is detected "
                f"(harbouring is detected and attributed with probability pi = {show(pi)} per period"
                + (f", a prosecuting host falsely accused with probability r = {show(r)}" if r != 0 else "")
                + "); after a detection both revert for ever to (harbour, sanction).")
    if delta_star is None:
        if _numbers.truth(model._premium() <= 0):
            reason = (f"what it would lose when relations collapse into sanctions, v + s - b - c_p = "
                      f"{show(model._premium())}, is no loss at all")
        elif _numbers.truth(pi <= r):
            reason = "detection does not tell harbouring from prosecution (pi = r), so prosecuting buys no safety"
        else:
            reason = ("false accusations make the punishment likely whatever it does, so the expected loss "
                      "delta (pi - r) (v + s - b - c_p) never outweighs the gain from harbouring")
        verdict = f" No discount factor below 1 makes the host prosecute: {reason}."
    else:
        verdict = f" The host prosecutes iff delta >= {show(delta_star)}"
        check = details.get("check")
        if check is not None:
            host_violations = [v for v in check.violations if v.player == 0]
            if host_violations:
                verdict += (f"; at delta = {show(delta)} it harbours instead (a one-shot switch to harbouring "
                            f"gains {show(host_violations[0].gain)} in normalised value).")
            else:
                host, victim = details["path_values"]
                verdict += (f"; at delta = {show(delta)} it does (no one-shot deviation pays), and the "
                            f"cooperative path is worth {show(host)} to the host and {show(victim)} to the "
                            "victim per period on average.")
        else:
            verdict += "."
    out.append(strategy + verdict)
    if pi_star is not None or s_star is not None:
        parts = []
        if pi_star is not None:
            reach = "" if _numbers.truth(pi_star <= 1) is not False else " (more than certainty: out of reach)"
            parts.append(f"the enforcement probability reaches pi* = {show(pi_star)}{reach} (now {show(pi)})")
        if s_star is not None:
            parts.append(f"the sanction reaches s* = {show(s_star)} (now {show(p['sanction'])})")
        out.append(f"At delta = {show(delta)} prosecution is sustained once " + " or once ".join(parts)
                   + ". Detection and sanction are substitutes: what deters is the expected loss "
                     "delta (pi - r) (v + s - b - c_p), probability times severity (Becker 1968).")
    if credible is False:
        out.append("The threat is not credible: once harbouring is detected the victim would rather not "
                   "sanction (rho d < k), so the trigger strategy is no equilibrium at any discount factor; "
                   "sanctions that avert more damage, or cost less to impose, are needed first.")
    if r != 0 and not model.is_symbolic:
        clean = model.critical_discount_factor(false_accusation=0)
        out.append(f"False accusations set off the punishment on the equilibrium path (once every "
                   f"{show(_numbers.ratio(1, r))} periods on average) and raise the host's critical discount "
                   f"factor from {show(clean)} (with r = 0) to "
                   + (f"{show(delta_star)}." if delta_star is not None else "beyond 1: prosecution is lost."))
    return tuple(out)


def _grid(model: Any, values: list) -> list:
    unique: list = []
    for v in sorted(values, key=float):
        v = _numbers.simplify_exact(_like(model, v))
        if all(v != u for u in unique):
            unique.append(v)
    return unique


def remedies(model: Any, delta_star: Any, pi_star: Any, s_star: Any) -> tuple[Remedy, ...]:
    """The comparative statics of enforcement and sanctions."""
    p = model.parameters()
    delta, r = p["delta"], p["false_accusation"]
    if model.is_symbolic:
        enforcement, sanctions = [p["enforcement"]], [p["sanction"]]
    else:
        enforcement = _grid(model, [x for x in ENFORCEMENT_GRID if x >= r] + [p["enforcement"]])
        unit = p["sanction"] if p["sanction"] > 0 else (p["harbour_benefit"] + p["prosecution_cost"] or 1)
        sanctions = _grid(model, [m * unit for m in SANCTION_MULTIPLES] + [p["sanction"]])
    where = (f"; at delta = {show(delta)} it is enough from pi* = {show(pi_star)}" if pi_star is not None else "")
    mla = Remedy(
        "mutual legal assistance: the enforcement probability", "enforcement",
        "More detection and attribution of harbouring (evidence sharing, data preservation, extradition: "
        "Budapest Convention arts. 23-35) lowers the host's critical discount factor" + where
        + ". Table: enforcement probability -> critical discount factor (none: no delta < 1 makes prosecuting "
          "under this strategy an equilibrium).",
        tuple((x, model.critical_discount_factor(enforcement=x)) for x in enforcement),
        column="critical discount factor")
    where = (f"; at delta = {show(delta)} and pi = {show(p['enforcement'])} it is enough from s* = {show(s_star)}"
             if s_star is not None else "")
    sanction = Remedy(
        "sanctions: their cost to the host", "sanction",
        "A heavier sanction deepens the punishment and lowers the critical discount factor" + where
        + "; it deters only while it stays credible (rho d >= k). Table: sanction -> critical discount factor.",
        tuple((x, model.critical_discount_factor(sanction=x)) for x in sanctions),
        column="critical discount factor")
    trade = Remedy(
        "certainty against severity: the sanction each enforcement level needs", "enforcement",
        "The minimal sanction falls as enforcement rises: rare detection must be answered by heavy sanctions, "
        "reliable detection makes mild ones enough. Table: enforcement probability -> minimal sanction s*.",
        tuple((x, model.minimal_sanction(enforcement=x)) for x in enforcement
              if _numbers.truth(x > r) is not False),
        column="minimal sanction s*")
    return mla, sanction, trade
