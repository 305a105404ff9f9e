"""The trust model's findings in words (internal): each sentence carries its numbers and says where a tie decides."""

from __future__ import annotations

from typing import Any

from .. import _numbers
from ._base import show

__all__ = ["verdict", "numbers", "one_shot", "types", "grim", "tit_for_tat", "prior", "separation", "refinements",
           "game_answer", "known_type_lead", "trust_explanation", "reputation", "restraint"]


def _units(s: Any) -> str:
    return f"{show(s)} unit" + ("" if s == 1 else "s")


def _describe(outcome: Any) -> str:
    """An equilibrium outcome of the first move in words."""
    reply = "trusted" if outcome.trusted[0] else "not trusted"
    if outcome.kind == "separating":
        return f"the separating gesture of {_units(outcome.gestures[0])}"
    if outcome.gestures[0] == 0:
        return f"pooling on no gesture, {reply},"
    return f"pooling on a gesture of {_units(outcome.gestures[0])}, {reply},"


def _listed(outcomes: list) -> str:
    return "; ".join(_describe(o).rstrip(",") for o in outcomes) or "no pure equilibrium"


def one_shot(model: Any, equilibria: Any) -> str:
    only = len(equilibria) == 1 and all(list(s) == [0, 1] for s in equilibria[0].strategies)
    return (("In a single round defection dominates for B: the only equilibrium of its prisoner's dilemma is mutual "
             "defection, worth P = " if only else "One-shot equilibria give each state P = ")
            + f"{show(model.P)} to each, although mutual restraint would give each R = {show(model.R)}.")


def types(model: Any, answer: Any) -> str:
    d_u, delta = answer.reciprocity_threshold, model.delta
    if delta > d_u:
        now = f"at delta = {show(delta)} it does"
    elif delta == d_u:
        now = f"at delta = {show(delta)} it is exactly indifferent (a knife edge: it reciprocates only weakly)"
    else:
        now = f"at delta = {show(delta)} it exploits once instead"
    return (f"B cannot tell what A is (Kydd 2005): a security seeker gains T_t = {show(model.temptation_trustworthy)} "
            f"from exploiting, less than R = {show(model.R)} from mutual restraint, so once trusted it reciprocates "
            f"for every delta; an expansionist gains T = {show(model.T)} from exploiting and only R_u = "
            f"{show(model.reward_untrustworthy)} from restraint, so, punished by permanent defection, it reciprocates "
            f"iff delta >= (T - R_u)/(T - P) = {show(d_u)}; {now}.")


def grim(model: Any, grim_set: Any, check: Any) -> str:
    threshold = grim_set.infimum
    gain = max(g for g in check.best_gains if g is not None)
    if check.holds and gain == 0:
        verdict = f"at delta = {show(model.delta)} it is, weakly (the best one-shot defection gains exactly 0)"
    elif check.holds:
        verdict = (f"at delta = {show(model.delta)} it is (the most tempting one-shot defection loses "
                   f"{show(-gain)})")
    else:
        verdict = f"at delta = {show(model.delta)} it is not (a one-shot defection gains {show(gain)})"
    return ("The named profile, grim trigger between B and a state known to reciprocate: it is a subgame perfect "
            f"equilibrium iff delta >= (T - R)/(T - P) = {show(threshold)} (the condition of that profile); "
            f"{verdict}.")


def tit_for_tat(model: Any, tft_set: Any, nash: Any) -> str:
    T, R, P, S = model.T, model.R, model.P, model.S
    a, b = _numbers.ratio(T - R, R - S), _numbers.ratio(P - S, T - P)
    spe = ("never subgame perfect here" if tft_set.is_empty else f"subgame perfect only at delta in {tft_set}")
    need = max(_numbers.ratio(T - R, T - P), a)
    return (f"Tit-for-tat in B's prisoner's dilemma, for contrast, is {spe} (it needs (T - R)/(R - S) = {show(a)} and "
            f"(P - S)/(T - P) = {show(b)} to coincide); at delta = {show(model.delta)} it is "
            + ("a Nash equilibrium" if nash.holds else "not even a Nash equilibrium")
            + f" (that needs delta >= max{{(T - R)/(T - P), (T - R)/(R - S)}} = {show(need)}).")


def prior(model: Any, answer: Any, reassurance: Any) -> str:
    if model.delta >= answer.reciprocity_threshold:
        return ("Since a trusted expansionist reciprocates, B trusts at any prior: pooling on no gesture, with "
                "trust, is an equilibrium" + (" (weakly: the expansionist is indifferent)."
                                              if model.delta == answer.reciprocity_threshold else "."))
    p_star = answer.prior_threshold
    head = ("Trusting a pool of both types risks one exploitation, (1 - delta)(P - S) for B, against a gain of "
            f"R - P forever from a security seeker: B trusts iff the prior is at least p*(delta) = (1 - delta)(P - S)/"
            f"(R - P + (1 - delta)(P - S)) = {show(p_star)}; ")
    if model.prior == p_star:
        return head + (f"at prior {show(model.prior)} B is exactly indifferent (a knife edge): trust on the prior "
                       "holds only weakly.")
    if reassurance.trust_on_prior:
        return head + f"at prior {show(model.prior)} it trusts: pooling on no gesture, with trust, is an equilibrium."
    return head + (f"at prior {show(model.prior)} it withholds trust and both get P = {show(model.P)} without a "
                   "gesture (mistrust alone blocks cooperation).")


def separation(model: Any, answer: Any, reassurance: Any) -> str:
    g_t, g_u = answer.gains
    k_t, k_u = model.unit_cost_trustworthy, model.unit_cost_untrustworthy
    head = (f"Being trusted is worth G_t = R - P = {show(g_t)} to a security seeker and G_u = max(R_u, (1 - delta) T "
            f"+ delta P) - P = {show(g_u)} to an expansionist, so a gesture separates exactly when its cost lies "
            f"between the two gains: it costs an expansionist at least {show(g_u)} and a security seeker at most "
            f"{show(g_t)}")
    if g_u > g_t:
        head += (f" (with equal costs the interval [{show(g_u)}, {show(g_t)}] is empty: only a gesture costlier to an "
                 "expansionist can separate). ")
    else:
        head += f" (with equal costs, a cost in [{show(g_u)}, {show(g_t)}]). "
    head += f"A unit costs k_t = {show(k_t)} and k_u = {show(k_u)}. "
    if model.delta >= answer.reciprocity_threshold:
        return head + ("Here no gesture can separate, and none is needed: an expansionist reciprocates too, so B "
                       "trusts whatever A does first.")
    if model.delta < answer.partner_threshold:
        head += (f"(The equilibria of the first move take B's cooperation after trust for granted; at delta = "
                 f"{show(model.delta)} B would not keep it.) ")
    gestures = reassurance.separating_gestures
    if not gestures:
        return head + (f"No gesture of 1 to {_units(model.max_signal)} separates the types: no equilibrium lets a "
                       "security seeker prove itself.")
    least = gestures[0]
    listed = ", ".join(show(g) for g in gestures)
    text = head + (f"Separating equilibria exist for gestures of {listed} units; the least costly, s* = "
                   f"{_units(least)}, costs a security seeker {show(k_t * least)} and an expansionist "
                   f"{show(k_u * least)}.")
    ties = [t for t in answer.ties if "s*" in t]
    if ties:
        text += (f" That is a knife edge ({'; '.join(ties)}): s* separates only weakly, when the indifferent "
                 "state takes the separating choice.")
    if reassurance.trust_on_prior:
        return text + " Trusted on its prior, though, a security seeker need not prove itself."
    by_d1 = [o for o in reassurance.outcomes if o.d1]
    chosen = [o for o in reassurance.outcomes if o.kind == "separating" and o.gestures[0] == least]
    by_ic = [o for o in reassurance.outcomes if o.intuitive]
    if by_d1 == chosen:
        both = " and the intuitive criterion" if by_ic == chosen else ""
        return text + f" It is the only pure equilibrium that survives D1{both} (Cho & Kreps 1987)."
    coarse = ("" if by_d1 else " (on this grid a smaller gesture, which an expansionist would copy, is read by D1 as "
                                "coming from a security seeker, who would gain from it on more replies)")
    return text + f" The intuitive criterion keeps {_listed(by_ic)}; D1 keeps {_listed(by_d1)}{coarse}."


def refinements(reassurance: Any) -> str:
    parts = []
    for o in (o for o in reassurance.outcomes if o.kind == "pooling"):
        kept = "survives D1" if o.d1 else "fails D1" + (" and the intuitive criterion" if not o.intuitive else "")
        why = ""
        if not o.d1 and not any(o.trusted) and reassurance.least_cost_gesture is not None:
            why = f" (a gesture of {_units(reassurance.least_cost_gesture)} would mark a security seeker)"
        parts.append(f"{_describe(o)} {kept}{why}")
    text = "; ".join(parts)
    text = (text[:1].upper() + text[1:] + ".") if text else ""
    if reassurance.hybrids:
        text += (f" There {'is' if reassurance.hybrids == 1 else 'are'} also {reassurance.hybrids} semi-separating "
                 f"equilibri{'um' if reassurance.hybrids == 1 else 'a'} of the first move, in which one type mixes "
                 "between gestures and B mixes between trusting and not.")
    return text.strip()


_HOW = {"reciprocity": "both types reciprocate once trusted, so B trusts without a gesture",
        "trust on the prior": "B trusts both types on its prior and the expansionist exploits once",
        "separating reassurance": "the security seeker makes the separating gesture and is trusted; the expansionist "
                                  "makes none and is not",
        "none": "no pure equilibrium starts cooperation"}


def game_answer(model: Any, answer: Any, reassurance: Any) -> str:
    """Which equilibrium starts cooperation here, and from which delta it starts with and without a gesture."""
    how = _HOW[answer.equilibrium]
    if answer.equilibrium == "none" and model.delta < answer.partner_threshold:
        how = (f"B is too impatient to keep cooperating (delta < {show(answer.partner_threshold)}), whatever it "
               "believes")
    weak = f" (weakly: {'; '.join(answer.ties)})" if answer.ties else ""
    starts = (f"Without a gesture cooperation starts from delta = {show(answer.start_without)}; with the best "
              f"affordable gesture of at most {_units(model.max_signal)}, from delta = {show(answer.start_with)}")
    g_u, g_t = answer.cost_interval
    if model.delta >= answer.reciprocity_threshold:
        needs = "an expansionist reciprocates, so no prior or gesture is needed"
    else:
        interval = (f"a gesture costing both types the same separates iff its cost lies in [{show(g_u)}, {show(g_t)}]"
                    if g_u <= g_t else f"no gesture costing both types the same separates (G_u = {show(g_u)} > G_t = "
                                       f"{show(g_t)})")
        needs = f"on the prior alone trust needs p >= {show(answer.prior_threshold)}; {interval}"
    return (f"The game's answer at these parameters: {how}{weak}. At delta = {show(model.delta)}, {needs}. {starts} "
            "(each bound included, where the state that binds is indifferent).")


def known_type_lead(model: Any) -> str:
    return ("With a state known to be a security seeker (complete information), the lines below give what the "
            "repeated game allows under any strategies.")


def trust_explanation(model: Any, answer: Any) -> str:
    parts = [f"A trusted expansionist reciprocates iff delta >= {show(answer.reciprocity_threshold)}"]
    if model.delta < answer.reciprocity_threshold:
        parts.append(f"B trusts on the prior iff prior >= p*(delta) = {show(answer.prior_threshold)} (here "
                     f"{show(model.prior)})")
        g_u, g_t = answer.cost_interval
        if answer.separates:
            parts.append(f"a gesture of s* = max(1, ceiling(G_u/k_u)) = {_units(answer.least_gesture)} separates, "
                         f"since k_u s* = {show(model.unit_cost_untrustworthy * answer.least_gesture)} >= G_u = "
                         f"{show(g_u)} and k_t s* = {show(model.unit_cost_trustworthy * answer.least_gesture)} <= "
                         f"G_t = {show(g_t)}")
        elif answer.least_gesture > model.max_signal:
            parts.append(f"no gesture separates: it would take s* = {_units(answer.least_gesture)}, more than the "
                         f"largest, {model.max_signal}")
        else:
            parts.append(f"no gesture separates: s* = {_units(answer.least_gesture)} would cost a security seeker "
                         f"{show(model.unit_cost_trustworthy * answer.least_gesture)}, more than G_t = {show(g_t)}")
    return "; ".join(parts) + f"; here delta = {show(model.delta)}."


def verdict(model: Any, answer: Any) -> str:
    """The report's one-line verdict: sustainable or not here, by which equilibrium, which condition binds."""
    weakly = " (weakly)" if answer.ties else ""
    if answer.equilibrium == "reciprocity":
        return (f"sustainable{weakly}: both types reciprocate (δ ≥ (T − R_u)/(T − P) = "
                f"{show(answer.reciprocity_threshold)}), no reassurance needed")
    if answer.equilibrium == "trust on the prior":
        return f"sustainable{weakly}: trust on the prior (p ≥ p*(δ) = {show(answer.prior_threshold)}), no gesture"
    low, high = answer.cost_interval
    if answer.equilibrium == "separating reassurance":
        return (f"sustainable{weakly}: a gesture of {_units(answer.least_gesture)} separates (cost in "
                f"[{show(low)}, {show(high)}])")
    if model.delta < answer.partner_threshold:
        return (f"not sustainable: needs δ ≥ {show(answer.partner_threshold)} (B's patience, any equilibrium), "
                f"here {show(model.delta)}")
    return (f"not sustainable: p < p*(δ) = {show(answer.prior_threshold)} and no gesture separates; from δ = "
            f"{show(answer.start_with)}")


def _periods(n: int) -> str:
    return f"{n} period" + ("" if n == 1 else "s")


def reputation(model: Any, reading: Any) -> str:
    """The finite-horizon reading: how many periods of cooperation a reputation for reciprocity buys (KMRW)."""
    N, mu = model.periods, model.behavioural_prior
    head = (f"Finite-horizon reading (Kreps, Milgrom, Roberts & Wilson 1982): over a known horizon of "
            f"{_periods(N)} complete information leaves only defection, but if B's partner is a behavioural "
            f"reciprocator (tit for tat) with probability μ = {show(mu)}, and otherwise an expansionist, the "
            f"profile in which the expansionist mimics tit for tat until two periods are left and B best-responds ")
    normalised = (f"in the KMRW normalisation a = (T - P)/(R - P) = {show(reading.a)}, b = (S - P)/(R - P) = "
                  f"{show(reading.b)}")
    if reading.a + reading.b < 2:
        threshold = (f"B cooperates until two periods are left, at every horizon, iff μ >= μ* = "
                     f"{show(reading.prior_threshold)} ({normalised})")
    else:
        threshold = (f"the threshold μ* of KMRW does not apply here ({normalised}, a + b >= 2, i.e. 2R <= T + S: far "
                     "from the end B gains from alternating defection and repair)")
    if not reading.holds:
        first = (reading.partner_violations + reading.expansionist_violations)[0]
        return head + (f"is not an equilibrium here (a one-shot deviation pays: {first}); {threshold}. This says "
                       "nothing about other equilibria of the finite game.")
    weak = " (weakly: B is indifferent on the path and its tie is taken as cooperation)" if reading.weak else ""
    bought = (f"the reputation buys {_periods(reading.cooperative_periods)} of mutual cooperation, then "
              f"{_periods(reading.endgame_periods)} without" if reading.cooperative_periods else
              f"over {_periods(N)} the reputation buys no period of sure mutual cooperation (the expansionist defects in the "
              f"last two periods)")
    kept = (f"is a sequential equilibrium (that profile's condition, not a statement about every equilibrium of the "
            f"finite game){weak}: {bought}; ")
    return head + kept + threshold + "."


def restraint(model: Any, reading: Any) -> str:
    """The Fudenberg–Levine bound for a reputation for restraint, and why it is vacuous in this game."""
    return (f"A reputation for restraint does not help against short-lived partners (Fudenberg & Levine 1989): B's "
            f"best reply to restraint is to exploit it (T = {show(model.T)} > R = {show(model.R)}), so the "
            f"commitment payoff of restraint, and the bound on a patient state's payoff from building that "
            f"reputation, is the sucker's payoff S = {show(reading.restraint_bound)}, below the minmax P = "
            f"{show(model.P)}; reputation pays here only because B itself values the future.")


def numbers(model: Any, answer: Any, reading: Any = None) -> tuple:
    """The game's numbers by name, for the JSON report (with the finite-horizon reading's, if given)."""
    low, high = answer.cost_interval
    extra = () if reading is None else (
        ("kmrw_a", reading.a), ("kmrw_b", reading.b), ("reputation_prior_threshold", reading.prior_threshold),
        ("reputation_profile_holds", int(reading.holds)),
        ("reputation_cooperative_periods", reading.cooperative_periods),
        ("reputation_endgame_periods", reading.endgame_periods),
        ("restraint_commitment_bound", reading.restraint_bound))
    return (("partner_threshold", answer.partner_threshold), ("reciprocity_threshold", answer.reciprocity_threshold),
            ("prior_threshold", answer.prior_threshold), ("gain_trustworthy", answer.gains[0]),
            ("gain_untrustworthy", answer.gains[1]), ("cost_interval_lower", low), ("cost_interval_upper", high),
            ("least_separating_gesture", answer.least_gesture),
            ("start_delta_without_gesture", answer.start_without), ("start_delta_with_gesture", answer.start_with),
            *extra)
