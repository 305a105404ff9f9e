"""The analysis of the information-sharing model: findings, conditions and remedies in words (internal)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from .. import _numbers
from ..equilibria import nash_equilibria
from ..repeated import check_equilibrium
from ._base import show
from ._base import Condition, ModelAnalysis, Remedy
from ._game import bracket_numbers
from ._information_game import LIBRARY_MAX_STATES, MAX_STATES

GROUP_GRID = [2, 3, 4, 5, 6, 8, 10, 15, 20]
LEAKAGE_GRID = [0, Fraction(1, 8), Fraction(1, 4), Fraction(3, 8), Fraction(1, 2), Fraction(3, 4)]


def smallest_group(model: Any) -> int:
    """The smallest n at which withholding is dominant (the model's validity starts there)."""
    pooled, private = model.multiplier * model.cost, model.cost + model.leakage
    n = 2
    while not pooled < n * private:
        n += 1
    return n


def _float_threshold(model: Any, n: int) -> float | None:
    """The status-quo threshold at group size n in floats (for scanning large groups)."""
    m, c, l, q, r = (float(x) for x in (model.multiplier, model.cost, model.leakage, model.detect, model.false_flag))
    T, R = m * c * (n - 1) / n, m * c - c - l
    bracket = (1 - r) ** n * T - (1 - q) * (1 - r) ** (n - 1) * R
    return None if bracket <= T - R else (T - R) / bracket


class Thresholds:
    """The critical discount factors of one model at other group sizes, each computed once."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.status_quo: dict = {}
        self.clearing_house: dict = {}

    def at(self, n: int) -> tuple[Any, Any]:
        """(without, with a clearing house) at group size n: the model's own group from the library (up to
        ``LIBRARY_MAX_STATES``), other sizes from the closed forms, which the tests check against the library
        (building the n-state games of every size shown would cost the analysis a large share of its time)."""
        if n not in self.status_quo:
            if n == self.model.n:
                self.status_quo[n] = self.model.status_quo_threshold()
                self.clearing_house[n] = self.model.clearing_house_threshold()
            else:
                from . import _attribution_formulas as closed
                variant = self.model.replace(n=n)
                self.status_quo[n] = _closed_status_quo(variant)
                self.clearing_house[n] = closed.permanent_threshold(variant.temptation, variant.reward, 0, 1, 0)
        return self.status_quo[n], self.clearing_house[n]


def unlimited_threshold(model: Any) -> Any:
    r"""Without false suspicion (r = 0): the limit of the status-quo threshold as n grows, else None.

    With r = 0 the threshold :math:`(T - R)/(T - (1 - q) R)` increases in n towards
    :math:`(c + \ell)/(m c - (1 - q)(m c - c - \ell))`, so a discount factor at least
    this sustains sharing in groups of any size.
    """
    if model.false_flag != 0 or model.detect == 0:
        return None
    pooled, private = model.multiplier * model.cost, model.cost + model.leakage
    return _ratio(private, pooled - (1 - model.detect) * (pooled - private))


def largest_groups(model: Any, table: Thresholds) -> tuple[Any, Any]:
    """Without a clearing house: the largest group sharing at the model's delta, and for some delta < 1.

    None for the first when no group shares at delta; ``math.inf`` for a group
    of any size; an int otherwise. The threshold rises with n (module docstring of
    :mod:`.information`), so the groups that share are the sizes from the smallest
    valid one up to these bounds. Groups beyond the library's size are scanned with
    the closed form in floats and decided exactly near a boundary.
    """

    limit = unlimited_threshold(model)
    if limit is not None:
        return (math.inf if model.delta >= limit else _scan(model, table, LIBRARY_MAX_STATES, MAX_STATES)[0],
                math.inf)
    return _scan(model, table, LIBRARY_MAX_STATES, MAX_STATES)


def _scan(model: Any, table: Thresholds, library_max: int, largest: int) -> tuple[Any, Any]:
    at_delta = anywhere = None
    for n in range(smallest_group(model), largest + 1):
        approx = None if n <= library_max else _float_threshold(model, n)
        if approx is not None and abs(approx - float(model.delta)) > 1e-9 and approx < 1 - 1e-9:
            feasible, patient_enough = True, approx <= float(model.delta)
        elif n > library_max and approx is None and _float_bracket_margin(model, n) > 1e-9:
            feasible = patient_enough = False
        else:
            threshold = table.at(n)[0]
            feasible = threshold is not None
            patient_enough = feasible and threshold <= model.delta
        if not feasible:
            return at_delta, anywhere
        anywhere = n
        if patient_enough:
            at_delta = n
    return at_delta, math.inf


def _float_bracket_margin(model: Any, n: int) -> float:
    """How far (T - R) exceeds the bracket in floats: clearly infeasible when positive beyond rounding."""
    m, c, l, q, r = (float(x) for x in (model.multiplier, model.cost, model.leakage, model.detect, model.false_flag))
    T, R = m * c * (n - 1) / n, m * c - c - l
    return (T - R) - ((1 - r) ** n * T - (1 - q) * (1 - r) ** (n - 1) * R)


def information_analysis(model: Any) -> ModelAnalysis:
    """Build the :class:`ModelAnalysis` of an :class:`~cybergames.models.InformationSharingModel`."""

    n, delta = model.n, model.delta
    m, c, l = model.multiplier, model.cost, model.leakage
    table = Thresholds(model)
    quo, house = table.at(n)
    details: dict = {"uses_library": model.uses_library(), "status_quo_threshold": quo,
                     "clearing_house_threshold": house}
    if model.uses_library():
        house_set, quo_set = model.clearing_house_delta_set(), model.status_quo_delta_set()
        stage = house_set.rg.stage
        details.update(stage=stage, stage_equilibria=nash_equilibria(stage), clearing_house_delta_set=house_set,
                       status_quo_delta_set=quo_set, clearing_house_game=house_set.rg, status_quo_game=quo_set.rg)
        details["clearing_house_check"] = check_equilibrium(house_set.rg, house_set.profile, delta)
        details["status_quo_check"] = check_equilibrium(quo_set.rg, quo_set.profile, delta)
        source = f"computed with the library's {n}-state repeated games"
    else:
        source = (f"from the closed forms: the {n}-state game has 2^{n} action profiles, beyond the "
                  f"{LIBRARY_MAX_STATES}-state size the analysis computes with the library")
    at_delta, anywhere = largest_groups(model, table)
    game = model.game_answer()
    anonymity = model.optimal_anonymity()
    details.update(largest_group_at_delta=at_delta, largest_group=anywhere, anonymity=anonymity)

    findings = (
        f"One-shot, withholding dominates: a state's own report costs it c + ℓ = {show(c + l)} (effort and "
        f"leakage) and returns only mc/n = {show(_ratio(m * c, n))} to it, so the only equilibrium is that no "
        f"state shares (each gets 0), although if all {n} shared each would get mc − c − ℓ = "
        f"{show(model.reward)}: the free riding that, as Gordon, Loeb & Lucyshyn (2003) argue, undermines "
        f"sharing agreements without incentive mechanisms.",
        _status_quo_finding(model, quo) + f" (Thresholds {source}.)",
        f"A clearing house that makes each state's contribution observable turns this into perfect monitoring: "
        f"sharing until someone withholds, then withholding for ever, is an equilibrium among {n} states for "
        f"δ ≥ {show(house)}, and among any number of states once δ ≥ (c + ℓ)/(mc) = "
        f"{show(_ratio(c + l, m * c))}.",
        _groups_finding(model, at_delta, anywhere),
        _anonymity_finding(model, anonymity),
        _chosen_anonymity_finding(model),
        *_game_findings(model, game),
    )
    conditions = (
        Condition("critical discount factor without a clearing house", model.status_quo_formula(), quo,
                  quo is not None and quo <= delta,
                  "The condition for this strategy only: sharing until anyone is suspected of withholding is an "
                  "equilibrium iff the states weigh the "
                  "future at least this much; where the denominator is at most the numerator, a state's one-shot "
                  "gain from withholding c + ℓ − mc/n (large groups, frequent false suspicion, poor detection), "
                  "no discount factor below one suffices."),
        Condition("critical discount factor with a clearing house", model.clearing_house_formula(), house,
                  house is not None and house <= delta,
                  "With every contribution observed, grim trigger sustains sharing iff the states weigh the "
                  "future at least this much; the threshold rises with the number of states and the leakage "
                  "cost but stays below (c + ℓ)/(mc)."),
    )
    return ModelAnalysis(
        model=model,
        obstacle=model.obstacle,
        summary=f"{n} states repeatedly decide whether to share threat intelligence, a public good whose "
                f"sender bears effort and leakage costs; without a clearing house withholding is noticed only "
                f"with probability q and sharers are falsely suspected with probability r.",
        findings=tuple(f for f in findings if f),
        conditions=conditions,
        remedies=_remedies(model, table, quo, at_delta, anywhere, anonymity),
        details=details,
        game=game,
        numbers=_chosen_anonymity_numbers(model) + bracket_numbers(game) + _share_numbers(game),
    )


def _game_findings(model: Any, game: Any) -> tuple:
    """What the game without a clearing house allows, beside sharing until anyone is suspected."""
    from ._game import _lead, equilibrium_sentence, folk_sentence, vertex_sentence
    if not game.family:
        return ()
    text = [_lead(game.profile_name, folk_sentence(game.folk))] if game.folk is not None else []
    text.append(_lead(game.profile_name, equilibrium_sentence(game, model.delta)))
    vertex = vertex_sentence(game).replace("Full cooperation", "Full sharing")
    if vertex:
        text.append(_lead(game.profile_name, vertex))
    share = share_finding(model, game)
    if share:
        text.append(_lead(game.profile_name, share))
    lower = model.status_quo_lower_bound()
    if lower < 1:
        from ._game import brief
        text.append(_lead(game.profile_name,
                          f"below δ = {brief(lower)} no equilibrium has any state share in any period (certified: a "
                          f"sharer gives up (1 − δ)(c + ℓ − mc/n) now, and its continuation can differ between its "
                          f"two verdicts, told apart with probability |q − r|, by at most its best feasible payoff "
                          f"T = {brief(model.temptation)} minus its minmax value 0), an outer bound on the game's "
                          f"region."))
    if game.best is not None or game.patient is not None:
        text.append("Punishing only the suspected state, which keeps sharing while the others withhold, singles "
                    "it out where a public good cannot exclude it; a false suspicion costs the group a few rounds "
                    "of one state's reports instead of all of them for ever.")
    return tuple(text)


def share_finding(model: Any, game: Any) -> str:
    """The certified bracket of the least δ for ``cooperation_share`` of full sharing, in words (empty if unset)."""
    from ._game import brief, share_position
    found = game.share_bracket
    if found is None:
        return ""
    what = (f"The payoff {show(game.share)} of the way from no sharing (0 each) to full sharing "
            f"({show(model.reward)} each), {brief(found.payoff[0])} each," if game.share != 1 else
            f"Full sharing ({show(model.reward)} each)")
    if found.upper is None and found.lower >= 1:
        reason = found.certificate.split(": ", 1)[-1]
        how = "certified by the vertex argument" if "vertex" in found.certificate else "certified"
        return f"{what} is not a perfect public equilibrium payoff at any δ < 1 ({how}: {reason})."
    if found.score_lower is not None:
        below = ("no equilibrium has any state share" if found.score_sum <= 0 else
                 f"no equilibrium's payoffs sum to more than {found.score_sum:.10g}, less than {model.n} × "
                 f"{brief(found.payoff[0])}")
        below = (f"at δ = {brief(found.lower)} {below} (the score in the direction of the sum, with continuations "
                 f"feasible and individually rational, taken to its fixed point: one linear program per number of "
                 f"sharers)")
    else:
        below = (f"below δ = {brief(found.lower)} no state shares in any equilibrium (the closed form "
                 f"N/(N + |q − r| T))")
    if not found.found:
        return (f"{what} is not a perfect public equilibrium payoff at δ ≤ {brief(found.lower)} (certified: "
                f"{below}); no targeted punishment of the family searched gives it up to δ = 0.999, so the least δ is not "
                f"bracketed from above.")
    K, L, cap, war = found.punishment
    name = f"targeted_retaliation({K}, {L}, {cap}{f', war={war}' if war else ''})"
    where = share_position(found, model.delta)
    at = {"above": f"so at δ = {show(model.delta)}, above the bracket, it is one (certified)",
          "below": f"so at δ = {show(model.delta)}, at or below the bracket, it is not (certified)",
          "inside": f"so at δ = {show(model.delta)}, inside the bracket, this does not decide"}[where]
    return (f"{what} is a perfect public equilibrium payoff (with public randomisation) from a least δ between "
            f"{brief(found.lower)} and {brief(found.upper)} (certified: at δ = {brief(found.upper)} {name} is an "
            f"equilibrium worth {brief(found.value)} ≥ {brief(found.payoff[0])} per state, checked exactly, and a "
            f"public lottery between it and no sharing gives the payoff; {below}; the equilibrium payoff sets grow "
            f"with δ); {at}.")


def _ratio(a: Any, b: Any) -> Any:
    return _numbers.simplify_exact(_numbers.ratio(a, b))


def _threshold_text(value: Any) -> str:
    return "out of reach (no δ < 1 for this strategy)" if value is None else show(value)


def _status_quo_finding(model: Any, quo: Any) -> str:
    start = (f"Without a clearing house, withholding comes to light with probability q = {show(model.detect)} "
             f"and each sharer is wrongly suspected with probability r = {show(model.false_flag)} per round")
    if quo is None:
        return (start + f"; then sharing until anyone is suspected cannot be sustained among {model.n} states "
                        f"at any δ < 1: suspicion ends cooperation too often, and detects withholding too "
                        f"rarely, for the threat to be worth keeping.")
    verdict = "holds" if quo <= model.delta else "fails"
    return (start + f"; sharing until anyone is suspected, then withholding for ever, is an equilibrium among "
                    f"{model.n} states for δ ≥ {show(quo)}: at δ = {show(model.delta)} it {verdict}.")


def _groups_finding(model: Any, at_delta: Any, anywhere: Any) -> str:
    smallest = smallest_group(model)
    if at_delta is None:
        here = (f"at δ = {show(model.delta)} sharing until anyone is suspected fails in every group of {smallest} or "
                f"more states without a clearing house")
    elif at_delta == math.inf:
        here = (f"at δ = {show(model.delta)} sharing until anyone is suspected survives without a clearing house in "
                f"groups of any size")
    else:
        here = (f"at δ = {show(model.delta)} sharing until anyone is suspected survives without a clearing house "
                f"among at most {at_delta} states")
    if anywhere == math.inf:
        limit = ("without false suspicion (r = 0) patient enough states share in groups of any size"
                 if model.false_flag == 0 else "patient enough states share in groups of any size the model allows")
    elif anywhere is None:
        limit = "no patience sustains sharing until anyone is suspected in any group"
    else:
        limit = (f"for any patience this strategy works among at most {anywhere} (in a large group someone is "
                 f"falsely suspected almost surely, since (1 − r)^n → 0)")
    return (f"Group size is decisive for this strategy: {here}, and {limit}; with the clearing house the threshold "
            f"only creeps up towards (c + ℓ)/(mc).")


def _group_grid(model: Any) -> list[int]:
    smallest = smallest_group(model)
    return sorted({n for n in GROUP_GRID if n >= smallest} | {model.n})


def _remedies(model: Any, table: Thresholds, quo: Any, at_delta: Any, anywhere: Any, anonymity: Any) -> tuple:

    sizes = _group_grid(model)
    quo_table = tuple((size, table.at(size)[0]) for size in sizes)
    house_table = tuple((size, table.at(size)[1]) for size in sizes)
    how = (f" ({model.n} states computed with the library's {model.n}-state game, other group sizes from the "
           f"closed forms)" if model.uses_library() else " (from the closed forms)")
    if anywhere == math.inf:
        beyond = "sharing can be sustained in groups of any size too, but only by more patient states"
    elif anywhere is None:
        beyond = "sharing until anyone is suspected fails in every group"
    else:
        beyond = (f"sharing until anyone is suspected fails at every δ beyond {anywhere} states (a limit of this "
                  f"strategy, not of the game: targeted punishment of the suspected state does better)")
    first, last = house_table[0], house_table[-1]
    ceiling = show(_ratio(model.cost + model.leakage, model.multiplier * model.cost))
    return (
        Remedy("clearing house that makes withholding observable (q → 1, r → 0)", "n",
               f"With the clearing house the critical discount factor rises only from {show(first[1])} for "
               f"{first[0]} states to {show(last[1])} for {last[0]} and never reaches {ceiling}; without it "
               f"{beyond}{how}.", house_table, column="critical discount factor with a clearing house"),
        Remedy("small sharing circles (minilateral groups) without a clearing house", "n",
               _circles_effect(model, quo_table, at_delta), quo_table,
               column="critical discount factor without a clearing house"),
        _leakage_remedy(model, quo),
        _anonymity_remedy(model, anonymity),
    )


def _circles_effect(model: Any, quo_table: tuple, at_delta: Any) -> str:
    possible = [row for row in quo_table if row[1] is not None]
    if not possible:
        return ("Without a clearing house no group size shown sustains sharing until anyone is suspected at "
                "any δ < 1.")
    if len(possible) == 1:
        climb = f"only {possible[0][0]} states can share at all (δ ≥ {show(possible[0][1])})"
    else:
        climb = (f"the threshold climbs steeply with the number of states, from {show(possible[0][1])} for "
                 f"{possible[0][0]} states to {show(possible[-1][1])} for {possible[-1][0]}")
    if at_delta is None:
        tail = f"; at δ = {show(model.delta)} not even the smallest circle shares."
    elif at_delta == math.inf:
        tail = f"; at δ = {show(model.delta)} circles of any size share."
    else:
        tail = f"; at δ = {show(model.delta)} the largest circle that shares has {at_delta} states."
    return f"Without a clearing house {climb}, so trusted small circles can share where a large forum cannot{tail}"


def _closed_status_quo(model: Any) -> Any:
    """The status-quo threshold from its closed form (module docstring of :mod:`.information`)."""
    from . import _attribution_formulas as closed
    rho_c, rho_d = closed.blame_free(model.detect, model.false_flag, model.n)
    return closed.permanent_threshold(model.temptation, model.reward, 0, rho_c, rho_d)


def _leakage_remedy(model: Any, quo: Any) -> Remedy:
    levels = sorted({model._cast(v) for v in LEAKAGE_GRID} | {model.leakage})
    # The closed form, which the tests check against the library's delta sets (tests/models/test_information.py):
    # the analysis need not build an n-state game per leakage level.
    rows = tuple((level, quo if level == model.leakage else _closed_status_quo(variant)) for level in levels
                 if (variant := model._variant(leakage=level)) is not None)
    low, high = rows[0], rows[-1]
    if low[1] is None:
        move = (f"even with no leakage (ℓ = {show(low[0])}) sharing until anyone is suspected fails at every δ "
                f"without a clearing house")
    elif model.leakage == low[0]:
        move = (f"raising it from ℓ = {show(low[0])} to ℓ = {show(high[0])} would raise the threshold without "
                f"a clearing house from {_threshold_text(low[1])} to {_threshold_text(high[1])}")
    else:
        move = (f"lowering it from ℓ = {show(model.leakage)} to ℓ = {show(low[0])} lowers the threshold "
                f"without a clearing house from {_threshold_text(quo)} to {_threshold_text(low[1])}")
    return Remedy("protecting shared intelligence (lower leakage: handling rules)", "leakage",
                  f"The sender's leakage cost works against sharing: {move}, among {model.n} states.", rows,
                  column="critical discount factor without a clearing house")


ANONYMITY_GRID = [0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), 1]


def _anonymity_finding(model: Any, best: Any) -> str:
    """The optimal anonymity level of the clearing house, for sharing until anyone is suspected, and the game's
    bracket there."""
    from ._game import brief
    start = ("Anonymised reports trade leakage against attribution: if the clearing house strips each submission of "
             "its sender with probability a, withholding is suspected with q(a) = 1 − a(1 − q), a sharer with "
             "r(a) = a·r, and a report leaks (1 − a)ℓ")
    if best.kind == "sharing dominant":
        return (start + f"; from a = {brief(best.level)} on a report pays its sender by itself (mc/n ≥ c + ℓ(a)), "
                        f"so sharing needs no patience at all.")
    level = brief(best.level)
    level = f"≈ {level[2:]}" if level.startswith("≈") else f"= {level}"
    where = {"interior": f"an interior optimum, a* {level}",
             "full anonymity": "full anonymity, a* = 1", "no anonymity": "no anonymity, a* = 0"}[best.kind]
    return (start + f". For sharing until anyone is suspected the least δ is lowest at {where}, where it is "
                    f"{brief(best.least_delta)} (against {_threshold_text(model.anonymity_threshold(0))} with "
                    f"attributed reports): {best.reason}. In the game, not only for this profile, the least δ "
                    f"at which any state shares in any equilibrium at that level is at least "
                    f"{brief(best.game_lower)} (certified: a sharer's continuation can differ between its "
                    f"verdicts by at most its best feasible payoff minus its minmax value) and at most "
                    f"{brief(best.least_delta)}.")


def _chosen_anonymity_finding(model: Any) -> str:
    """The clearing house at the anonymity level the user set (``anonymity``), beside the optimum; empty if unset."""
    from ._game import brief
    a = model.anonymity
    if a is None:
        return ""
    reports = model.anonymised_reports(a)
    least, lower = model.anonymity_threshold(a), model.anonymity_lower_bound(a)
    if least is None:
        profile = "no δ < 1 sustains sharing until anyone is suspected"
    else:
        verdict = "holds" if least <= model.delta else "fails"
        profile = (f"sharing until anyone is suspected needs δ ≥ {brief(least)} (that profile's condition; at δ = "
                   f"{brief(model.delta)} it {verdict})")
    game = (f"no equilibrium at that level has any state share below δ = {brief(lower)} (certified)" if lower < 1
            else "no δ < 1 sustains any sharing at that level (q(a) = r(a): the verdicts say nothing)")
    return (f"At the anonymity level set, a = {brief(a)}: q(a) = {brief(reports.detect)}, r(a) = "
            f"{brief(reports.false_flag)}, leakage ℓ(a) = {brief(reports.leakage)}; {profile}; {game}.")


def _share_numbers(game: Any) -> tuple:
    """The worth of the explicit equilibrium at the share bracket's upper end, for the JSON report."""
    found = game.share_bracket
    if found is None or found.value is None:
        return ()
    return (("cooperation_share_equilibrium_value", found.value),)


def _chosen_anonymity_numbers(model: Any) -> tuple:
    """The chosen anonymity level's numbers for the JSON report (none when ``anonymity`` is unset)."""
    a = model.anonymity
    if a is None:
        return ()
    reports = model.anonymised_reports(a)
    least = model.anonymity_threshold(a)
    return (("anonymity_set", a), ("anonymity_set_detect", reports.detect),
            ("anonymity_set_false_flag", reports.false_flag), ("anonymity_set_leakage", reports.leakage),
            *((("anonymity_set_least_delta", least),) if least is not None else ()),
            ("anonymity_set_game_lower", model.anonymity_lower_bound(a)))


def _anonymity_remedy(model: Any, best: Any) -> Remedy:
    levels = sorted({model._cast(v) for v in ANONYMITY_GRID}
                    | ({best.level} if isinstance(best.level, (int, Fraction, float)) else set())
                    | ({model.anonymity} if model.anonymity is not None else set()))
    rows = tuple((level, model.anonymity_threshold(level)) for level in levels)
    return Remedy("anonymised reports to the clearing house (anonymity a: less leakage, weaker attribution)",
                  "anonymity",
                  f"Stripping a share a of the submissions of their sender cuts the leakage cost to (1 − a)ℓ but "
                  f"leaves those states to the background evidence (q, r): the table gives the least δ of sharing "
                  f"until anyone is suspected at each level, among {model.n} states (a = 0: the attributing "
                  f"clearing house; a = 1: the status quo's monitoring without leakage).", rows,
                  column="least δ of sharing until anyone is suspected (that profile)")
