"""The analysis of the attribution model: findings, conditions and remedies in words (internal)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .. import _numbers
from ..repeated import folk_theorem_conditions, values
from ._base import show
from ._base import Condition, ModelAnalysis, Remedy
from ._game import bracket_numbers

DETECT_GRID = [Fraction(3, 10), Fraction(1, 2), Fraction(3, 5), Fraction(7, 10), Fraction(4, 5),
               Fraction(9, 10), 1]
FALSE_FLAG_GRID = [0, Fraction(1, 20), Fraction(1, 10), Fraction(3, 20), Fraction(1, 5), Fraction(1, 4),
                   Fraction(3, 10)]
PUNISHMENT_GRID = [1, 2, 3, 5, 10]


def _grid(model: Any, grid: list, current: Any) -> list:
    points = {model._cast(v) for v in grid} | {current}
    return sorted(points)


def _retaliation(k: int | None) -> str:
    return "for ever" if k is None else f"for {k} round{'s' if k != 1 else ''}"


def attribution_analysis(model: Any) -> ModelAnalysis:
    """Build the :class:`ModelAnalysis` of an :class:`~cybergames.models.AttributionModel`."""
    facts = model._facts()
    T, R, P, q, r, delta, k = model.T, model.R, model.P, model.detect, model.false_flag, model.delta, model.punishment
    threshold = facts["threshold"]
    holds = facts["check"].holds
    rho_c, _ = facts["no_blame"]
    value = facts["values"].initial[0]
    q_star, r_star = facts["minimum_detection"], facts["maximum_false_flag"]
    q_floor, r_ceiling = facts["detection_floor"], facts["false_flag_ceiling"]

    stage = [eq.profile for eq in facts["stage_equilibria"]]
    findings = [
        f"One-shot, attacking is dominant: the only equilibrium of the stage game is mutual attack, paying "
        f"P = {show(P)} to each, against R = {show(R)} for mutual restraint." if stage == [("Attack", "Attack")]
        else f"The stage game's equilibria are {stage}.",
    ]
    if threshold is not None:
        comparison = ("" if q == 1 and r == 0 else
                      f"; with perfect attribution (q = 1, r = 0) δ ≥ {show(facts['perfect_threshold'])} "
                      f"would do")
        findings.append(
            f"Retaliating {_retaliation(k)} against whoever is blamed deters attacks (a perfect public "
            f"equilibrium) for discount factors δ ≥ {show(threshold)}, with detection q = {show(q)} and "
            f"false flags r = {show(r)}{comparison}. At δ = {show(delta)} deterrence "
            f"{'holds' if holds else 'fails'}.")
    else:
        findings.append(
            f"No discount factor below one sustains deterrence by retaliating {_retaliation(k)} against "
            f"whoever is blamed: with detection q = {show(q)} and false flags r = {show(r)} an attack raises "
            f"the chance of being punished too little to outweigh its gain T − R = {show(T - R)}.")
    if r == 0:
        findings.append(f"Without false flags retaliation never starts by mistake: restraint, once deterrence "
                        f"holds, is worth the full R = {show(R)} to each state.")
    else:
        findings.append(
            f"False flags set off retaliation on the equilibrium path: in each round of mutual restraint some "
            f"state is wrongly blamed with probability 1 − (1 − r)² = {show(_numbers.simplify_exact(1 - rho_c))}, "
            f"so at δ = {show(delta)} restraint is worth V = {show(value)} to each state rather than "
            f"R = {show(R)}.")
    findings.append(_limits(q, r, q_floor, r_ceiling, folk_theorem_conditions(model.repeated_game()).holds))
    if r != 0:
        findings.append(
            f"As δ → 1 the value of retaliation after any blame falls to P = {show(model.P)}: false flags start "
            f"a retaliation that never ends, so the more patient the states, the more of the future is war.")
    game = model.game_answer()
    findings.extend(_game_findings(model, game))

    conditions = (
        Condition("critical discount factor", model.threshold_formula(), threshold, holds,
                  "The condition for this strategy (retaliation after any blame) only: deterrence by "
                  "retaliating against whoever is blamed holds iff the states weigh the future at least this "
                  "much; where detection is weak or false flags frequent no discount factor below one suffices "
                  "for this strategy."),
        Condition("minimum detection probability", model.detection_formula(), q_star,
                  _at_least(q, q_star),
                  f"At δ = {show(delta)} and r = {show(r)}, attackers must be blamed at least this often "
                  f"for retaliation to deter (a value above 1: no detection rate suffices)."),
        Condition("maximum false-flag rate", model.false_flag_formula(), r_star,
                  _at_most(r, r_star),
                  f"At δ = {show(delta)} and q = {show(q)}, innocent states may be blamed at most this often "
                  f"(a negative value: even flawless exoneration does not restore deterrence)."),
    )
    return ModelAnalysis(
        model=model,
        obstacle=model.obstacle,
        summary="Two states repeat a prisoner's dilemma of restraint and attack; each round an attacker is "
                "blamed with probability q and a restrained state with probability r, and both retaliate "
                "after any blame.",
        findings=tuple(findings),
        conditions=conditions,
        remedies=_remedies(model, facts, value),
        details={**facts, "value": value},
        game=game,
        numbers=bracket_numbers(game) + (("restraint_least_delta_lower", model.restraint_lower_bound()),),
    )


def _game_findings(model: Any, game: Any) -> list:
    """What the game allows, beside the named profile: folk conditions and the best explicit equilibrium."""
    from ._game import _lead, equilibrium_sentence, folk_sentence, payoff_set_sentence, share_sentence, vertex_sentence
    if not game.family:
        return []
    found = game.best
    text = [_lead(game.profile_name, folk_sentence(game.folk)),
            equilibrium_sentence(game, model.delta)]
    text += [_lead(game.profile_name, t) for t in (vertex_sentence(game), share_sentence(game, model.delta,
                                                                                      (model.P, model.P))) if t]
    text.append(_lead(game.profile_name, _outer_sentence(model)))
    if found is not None and found.name.startswith("targeted"):
        text.append("Targeted retaliation punishes only the blamed state (it restrains while the other attacks, "
                    "a transfer rather than a war), so false flags cost far less than under retaliation after "
                    "any blame.")
    bounds = payoff_set_sentence(game)
    if bounds:
        text.append(bounds)
    return text


def _outer_sentence(model: Any) -> str:
    """The certified outer bound on restraint (:meth:`AttributionModel.restraint_lower_bound`)."""
    from ._attribution_regions import outer_terms
    from ._game import brief
    gain, spread = outer_terms(model.T, model.R, model.P, model.S)
    lower = model.restraint_lower_bound()
    why = (f"certified: a restraining state gives up at least (1 − δ) g now, g = min(T − R, P − S) = {brief(gain)}, "
           f"and its continuation can differ between its two verdicts, told apart with probability |q − r|, by at "
           f"most the range of its equilibrium payoffs, {brief(spread)} (from its minmax P to its best payoff that "
           f"leaves the other P)")
    if lower >= 1:
        return (f"With q = r blame says nothing about a state's own action, so no perfect public equilibrium has "
                f"either state restrain in any period for any discount factor below one ({why}).")
    at = (f"; at δ = {brief(model.delta)} mutual attack in every period is therefore the only perfect public "
          f"equilibrium" if model.delta < lower else "")
    return (f"Below δ = {brief(lower)} no perfect public equilibrium has either state restrain in any period ({why}), "
            f"an outer "
            f"bound on the game's region{at}.")


def _limits(q: Any, r: Any, q_floor: Any, r_ceiling: Any, folk: bool) -> str:
    """The finding on the attribution quality below which retaliation after any blame deters at no δ.

    These are limits of that strategy profile. Whether the *game* allows more is
    said from the folk-theorem conditions (``folk``: Fudenberg, Levine & Maskin
    1994, computed exactly on the model's monitoring), never inferred from the profile.
    """
    if q_floor is None or _numbers.truth(q_floor >= 1):
        detection = f"at false-flag rate r = {show(r)} no detection rate, however high, makes deterrence possible"
    elif _numbers.truth(q_floor <= 0):
        some = "any" if _numbers.truth(q_floor < 0) else "any positive"
        detection = (f"at false-flag rate r = {show(r)} {some} detection rate makes deterrence possible for "
                     f"patient states")
    else:
        detection = (f"at false-flag rate r = {show(r)} deterrence is possible for patient states only if "
                     f"detection exceeds q = {show(q_floor)}")
    if r_ceiling is None or _numbers.truth(r_ceiling <= 0):
        flags = f"at detection q = {show(q)} not even flawless exoneration (r = 0) makes it possible"
    else:
        flags = f"at detection q = {show(q)} only if false flags stay below r = {show(r_ceiling)}"
    game = (" These are limits of retaliation after any blame, not of the game: blame here tells the attacker "
            "apart from the victim (pairwise full rank, since q ≠ r), so by the folk theorem of Fudenberg, "
            "Levine & Maskin (1994) other perfect public equilibria of patient enough states come arbitrarily "
            "close to mutual restraint." if folk else
            " The folk theorem of Fudenberg, Levine & Maskin (1994) does not apply here (pairwise full rank "
            "fails), so these limits of one strategy say nothing either way about other equilibria.")
    return (f"Attribution quality limits deterrence by retaliation after any blame, whatever the patience: "
            f"{detection}; {flags}.{game}")


def _clip(x: Any) -> Any:
    """Thresholds outside [0, 1] shown at the boundary they cross."""
    if x is None:
        return 1
    if _numbers.truth(x > 1):
        return 1
    if _numbers.truth(x < 0):
        return 0
    return x


def _at_least(x: Any, bound: Any) -> bool:
    return bound is not None and bool(_numbers.truth(x >= bound))


def _at_most(x: Any, bound: Any) -> bool:
    return bound is not None and bool(_numbers.truth(x <= bound))


def _remedies(model: Any, facts: dict, value: Any) -> tuple:
    q, r, delta = model.detect, model.false_flag, model.delta
    threshold = facts["threshold"]
    detect_table = tuple((v, model.replace(detect=v).threshold()) for v in _grid(model, DETECT_GRID, q))
    flag_table = tuple((v, model.replace(false_flag=v).threshold()) for v in _grid(model, FALSE_FLAG_GRID, r))
    best_detect = detect_table[-1][1]
    best_flag = flag_table[0][1]
    floor = _clip(facts["detection_floor"])
    if q == 1:
        detect_effect = (f"Raising detection never raises the critical discount factor; every attack is "
                         f"already attributed here (threshold {show(threshold)}), and as detection falls the "
                         f"threshold rises")
    else:
        detect_effect = (f"Raising detection never raises the critical discount factor: from {show(threshold)} "
                         f"at q = {show(q)} to {show(best_detect)} when every attack is attributed")
    detect_effect += (f"; below q = {show(floor)} retaliation after any blame deters at no δ (at r = {show(r)})."
                      if floor > 0 else
                      f"; at r = {show(r)} any positive detection rate deters patient enough states.")
    if r == 0:
        flag_effect = (f"There are no false accusations here (threshold {show(best_flag)}, and restraint is "
                       f"worth the full R = {show(model.R)}); each false flag would raise the threshold and "
                       f"set off retaliation by mistake")
    else:
        flag_effect = (f"Cutting false accusations lowers the critical discount factor (to {show(best_flag)} at "
                       f"r = 0) and stops retaliation from breaking out by mistake: at δ = {show(delta)} the "
                       f"value of restraint rises from {show(value)} to R = {show(model.R)}")
    flag_effect += (f"; above r = {show(_clip(facts['false_flag_ceiling']))} retaliation after any blame deters "
                    f"at no δ (at q = {show(q)}).")
    remedies = [
        Remedy("better detection (forensics, intelligence on attackers)", "detect", detect_effect, detect_table,
               column="critical discount factor"),
        Remedy("fewer false flags (attribution standards, shared evidence)", "false_flag", flag_effect,
               flag_table, column="critical discount factor"),
    ]
    remedies.append(_limited_retaliation(model, threshold, value))
    return tuple(remedies)


def _limited_retaliation(model: Any, threshold: Any, value: Any) -> Remedy:
    """Proportionate retaliation: punish for k rounds only; the shortest k that deters at the model's delta."""
    grid = sorted(set(PUNISHMENT_GRID) | ({model.punishment} if model.punishment is not None else set()))
    rows = []
    shortest = None
    for periods in grid:
        limited = model.replace(punishment=periods)
        found = limited.delta_set()
        rows.append((periods, found.infimum if found.is_interval_to_one else None))
        if shortest is None and model.delta in found:
            shortest = (periods, values(limited.repeated_game(), limited.profile(), model.delta).initial[0])
    permanent = model if model.punishment is None else model.replace(punishment=None)
    permanent_threshold = threshold if model.punishment is None else permanent.threshold()
    permanent_value = values(permanent.repeated_game(), permanent.profile(), model.delta).initial[0]
    if permanent_threshold is None:
        versus = "permanent retaliation does not deter at any δ"
    else:
        versus = f"permanent retaliation needs δ ≥ {show(permanent_threshold)}"
    if shortest is None:
        tail = f"At δ = {show(model.delta)} no retaliation of up to {grid[-1]} rounds deters; {versus}."
    else:
        periods, limited_value = shortest
        tail = (f"At δ = {show(model.delta)} retaliating for {periods} round{'s' if periods != 1 else ''} is "
                f"the shortest punishment that deters, and it keeps restraint worth {show(limited_value)} "
                f"against {show(permanent_value)} under permanent retaliation ({versus}).")
        if model.false_flag == 0:
            tail += " Without false flags retaliation never starts on the path, so nothing is lost either way."
    return Remedy("proportionate retaliation (punish for k rounds, then restore restraint)", "punishment",
                  "Shorter retaliation needs more patience to deter but forgives false alarms sooner. " + tail,
                  tuple(rows), column="critical discount factor")
