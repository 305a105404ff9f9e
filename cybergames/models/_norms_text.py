"""The analysis of the norms model: findings, conditions and remedies in words (internal)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from .. import _numbers
from ..equilibria import nash_equilibria, payoff_dominant, risk_dominant
from ..repeated.delta_sets import compare
from ._base import show
from ._base import Condition, ModelAnalysis, Remedy
from ._norms_game import (DELTA_, FOLLOW, KMR_MAX_STATES, LIBRARY_MAX_STATES, MAX_STATES, ceiling as _ceiling,
                          tipping_share_expr)

GROUP_GRID = [5, 10, 20, 50, 193]          # 193: the members of the United Nations
#: Largest group whose contagion conditions the analysis computes (their degree grows with n: 0.5 s at 20).
COMMUNITY_MAX_STATES = 20
#: The mutation rate at which the analysis reports the stationary distribution of the KMR chain.
EPSILON = Fraction(1, 100)


def norms_analysis(model: Any) -> ModelAnalysis:
    """Build the :class:`ModelAnalysis` of a :class:`~cybergames.models.NormsModel`."""

    n, R, P, adopters = model.n, model.R, model.P, model.adopters
    pair = model.pairwise_game()
    risk, payoff = risk_dominant(pair), payoff_dominant(pair)
    share = model.tipping_share()
    needed = model.coalition()
    details: dict = {"pairwise_game": pair, "pairwise_equilibria": nash_equilibria(pair), "risk_dominance": risk,
                     "payoff_dominance": payoff, "tipping_share": share, "coalition": needed}
    if n <= LIBRARY_MAX_STATES:
        game = model.game()
        equilibria = nash_equilibria(game)
        followers = model.cascade()
        details.update(game=game, equilibria=equilibria, cascade=followers)
        found = (f"the library's search of all {2 ** n} action profiles finds exactly "
                 f"{_count(len(equilibria.pure))} pure equilibria")
    else:
        followers = n if adopters >= needed else adopters
        details.update(cascade=followers)
        found = (f"with {n} states the game has 2^{n} profiles, beyond the {LIBRARY_MAX_STATES} states the "
                 f"analysis builds with the library, so this follows from the threshold argument")
    norm_risk_dominant = risk.selected == (FOLLOW, FOLLOW)
    partners = n - 1

    findings = (
        f"Two conventions are self-enforcing and nothing in between: all {n} states following the norm (each "
        f"earns {partners} × R = {show(partners * R)} from its {partners} relationships) and none following "
        f"({partners} × P = {show(partners * P)}); {found}. A state that follows counts one follower fewer among "
        f"its partners than one that abstains, so no split between followers and abstainers is stable.",
        f"A state gains from following only if at least x* = (P − S)/((R − T) + (P − S)) = {show(share)} of the "
        f"other states follow (the probability of following in the mixed equilibrium of the pairwise game); "
        f"among {n} states an abstainer follows once {needed} of the other {partners} do.",
        _dominance_finding(model, risk, share, norm_risk_dominant),
        _coalition_finding(model, needed, followers),
    ) + ((_tie_finding(model, needed),) if _is_tie(model, needed) else ())
    if n <= KMR_MAX_STATES:
        stability = model.stochastic_stability()
        details["stochastic_stability"] = stability
        findings += (_selection_finding(model, stability, risk, share, details),)
    community = None
    if n % 2 == 0 and n <= COMMUNITY_MAX_STATES:
        community = model.community_enforcement()
        details["community_enforcement"] = community
    findings += (_community_finding(model, community),)
    conditions = (
        Condition("tipping coalition", model.coalition_formula(), needed, adopters >= needed,
                  "A coalition of states committed to the norm tips all others into following it iff it reaches "
                  "this many states: each remaining state then sees enough followers for the norm to pay."),
        Condition("tipping share (the norm is risk dominant iff it is below 1/2)", tipping_share_expr(), share,
                  norm_risk_dominant,
                  "The share of the other states that must follow before following pays; the norm is the safer "
                  "convention, and the one adaptive play with occasional mistakes selects in large groups "
                  "(Kandori, Mailath & Rob 1993; Young 1993), iff it is below one half."),
    ) + (_community_conditions(model, community) if community is not None else ())
    game = model.game_answer()
    findings += _game_findings(model, game)
    return ModelAnalysis(
        model=model,
        obstacle=model.obstacle, game=game,
        summary=f"{n} states each follow a norm of responsible behaviour or not; every pair plays a stag hunt, so "
                f"following pays only when enough others follow.",
        findings=findings,
        conditions=conditions,
        remedies=(_assistance(model, share), _shaming(model, share), _group_size(model)),
        details=details,
    )


def _game_findings(model: Any, game: Any) -> tuple:
    """The game's answer in words, each sentence introduced as being about the game."""
    from ._game import _lead, folk_sentence
    n, T = model.n, model.T
    worth = game.cooperation[0]
    text = [f"Every state following the norm in every period is a subgame perfect equilibrium of the repeated game "
            f"for every discount factor, δ = 0 included (the least, exactly): all following is a stage Nash "
            f"equilibrium, since a state that abstains while the others follow gets (n − 1)T = "
            f"{show(_numbers.simplify_exact((n - 1) * T))} < (n − 1)R = {show(worth)} ({game.best.method}). It is "
            f"worth {show(worth)} to each state, the most any state can get (R > T and R > P > S). The game "
            f"sustains the norm once it is established; what it leaves open is which of its stage equilibria the "
            f"states coordinate on, which the tipping coalition answers."]
    if game.folk is not None:
        text.append(folk_sentence(game.folk))
    return tuple(_lead(game.profile_name, t) for t in text)


def _selection_finding(model: Any, stability: Any, risk: Any, share: Any, details: dict) -> str:
    """Which convention is stochastically stable among the n states (KMR 1993), and how it relates to risk dominance."""
    from ..dynamics import stationary_distribution
    n = model.n
    names = {(n, 0): "universal compliance", (0, n): "universal abstention"}
    labels = [names.get(stability.chain.states[c[0]], "a cycle between split profiles") if len(c) == 1
              else "a cycle between split profiles" for c in stability.classes]
    out_of_norm = stability.resistances[0][1] if len(stability.classes) == 2 else None
    into_norm = stability.resistances[1][0] if len(stability.classes) == 2 else None
    epsilon = EPSILON if n <= 20 else float(EPSILON)
    mass = stationary_distribution(stability.chain, epsilon).class_mass
    details["stationary_mass"] = (epsilon, mass)
    stable = [labels[j] for j in stability.stable]
    rd = risk.selected
    risk_label = ("universal compliance" if rd == (FOLLOW, FOLLOW) else
                  "universal abstention" if rd is not None else None)
    head = (f"Which convention emerges (Kandori, Mailath & Rob 1993): when the {n} states best-respond to one "
            f"another every period and each errs with a small probability ε, ")
    if out_of_norm is not None:
        head += (f"{into_norm} simultaneous mistakes tip universal abstention into the norm and {out_of_norm} tip "
                 f"the norm back into abstention (least resistances, computed exactly by least-cost trees over "
                 f"the {n + 1} population states), so ")
    if len(stable) == 1:
        where = stable[0]
        head += (f"{where} is the only stochastically stable convention: as ε → 0 the states spend almost all "
                 f"their time there (at ε = {show(EPSILON)}, {_share_text(mass[stability.stable[0]])} of it).")
    else:
        head += (f"{' and '.join(stable)} are stochastically stable only weakly, with equal stochastic potential "
                 f"{stability.potentials[stability.stable[0]]}: a tie, and no one convention is selected.")
    if risk_label is None:
        return head + " Neither convention is risk dominant (x* = 1/2), the knife edge of KMR's theorem."
    gap = abs(2 * share - 1) * (n - 1)
    bound = _numbers.truth(sympy.Ge(_numbers.to_sympy(gap), 2))
    if stable == [risk_label]:
        why = (f" It is the risk-dominant convention, as KMR's theorem says for large groups; here the group is large "
               f"enough by the bound |2x* − 1|(n − 1) = {show(_numbers.simplify_exact(gap))} ≥ 2 (each escape "
               f"takes from ⌊x*(n − 1)⌋ + 1 to ⌈x*(n − 1)⌉ + 1 mistakes, and from ⌊(1 − x*)(n − 1)⌋ + 1 to "
               f"⌈(1 − x*)(n − 1)⌉ + 1 the other way)." if bound else
               " It is the risk-dominant convention, as KMR's theorem says for large groups (the group is below "
               "the size |2x* − 1|(n − 1) ≥ 2 at which this model guarantees it, yet it holds).")
    else:
        why = (f" The risk-dominant convention is {risk_label}, but with only {n} states the integer counts of "
               f"mistakes decide otherwise (|2x* − 1|(n − 1) = {show(_numbers.simplify_exact(gap))} < 2); KMR's "
               f"theorem selects risk dominance only in large enough groups.")
    return head + why


def _share_text(value: Any) -> str:
    return f"{100 * float(value):.1f}%"


def _community_finding(model: Any, found: Any) -> str:
    """Community enforcement of a norm of restraint by contagion (Kandori 1992), for the contagion profile."""
    n, R, P, T2 = model.n, model.R, model.P, model.temptation
    head = (f"If the norm were one of restraint, where abstaining against a follower pays T′ = R + g = {show(T2)} "
            f"> R (a prisoner's dilemma), no tipping would make it self-enforcing; ")
    if found is None:
        reason = ("the states cannot all be paired each period (n is odd)" if n % 2 else
                  f"beyond {COMMUNITY_MAX_STATES} states the conditions (polynomials of degree about n) are not "
                  f"computed here; call community_enforcement()")
        return head + f"the contagion conditions of Kandori (1992) are not computed: {reason}."
    on, off, both = found.on_path, found.off_path, found.delta_set
    delta = model.delta
    text = head + (f"among {n} states paired at random each period, each seeing only its own encounters, "
                   f"Kandori's (1992) contagion profile (follow the norm until you meet a violation, then "
                   f"abstain for ever) deters a first violation iff δ {_set_text(on)}, and keeps every infected "
                   f"state punishing, whatever it believes about how many are infected, iff δ {_set_text(off)}. ")
    if both.is_empty:
        text += ("The two conditions never hold together: this strategy is an equilibrium at no δ (a limit of "
                 "this strategy, not of the game).")
    else:
        text += ("So this strategy sustains the norm exactly where the first condition holds" if both == on else
                 f"So this strategy sustains the norm exactly for δ {_set_text(both)}")
        edge = any(compare(delta, end) == 0 for i in both.intervals for end in (i.lower, i.upper))
        text += (f"; at δ = {show(delta)} it does, only weakly: δ is an end of the set, where a state is "
                 f"indifferent." if delta in both and edge else
                 f"; at δ = {show(delta)} it does." if delta in both else
                 f"; at δ = {show(delta)} it does not.")
    pair = _numbers.ratio(T2 - R, T2 - P)
    if not on.is_empty and n > 2 and compare(on.infimum, pair) > 0:
        text += (f" The threshold exceeds grim trigger's between two states, (T′ − R)/(T′ − P) = {show(pair)}: a "
                 f"violator meets its victim again only by chance, so the punishment reaches it slowly.")
    return text


def _set_text(found: Any) -> str:
    """``≥ 0.653`` / ``in [a, b]`` / ``at every δ`` style description of a DeltaSet."""
    def number(value: Any, name: str) -> str:
        text = show(value)
        return f"{name} {text}" if text.startswith("≈") else text

    if found.is_empty:
        return "in no interval"
    if len(found.intervals) == 1:
        i = found.intervals[0]
        low, high = i.lower, i.upper
        if _numbers.truth(sympy.Eq(_numbers.to_sympy(high), 1)) and not i.upper_closed:
            if low == 0 and i.lower_closed:
                return "< 1, that is at every δ"
            return f"{'≥' if i.lower_closed else '>'} {number(low, 'δ_on')}"
        if low == 0 and i.lower_closed:
            return f"{'≤' if i.upper_closed else '<'} {number(high, 'δ_off')}"
    return "in " + " ∪ ".join(f"[{show(i.lower)}, {show(i.upper)}]" for i in found.intervals)


def _community_conditions(model: Any, found: Any) -> tuple:
    """The contagion profile's on- and off-path conditions, as conditions on δ labelled as that profile's."""
    delta = model.delta
    conditions = []
    for name, part, symbol, explanation in (
            ("contagion deters a first violation (for the contagion profile, Kandori 1992)", found.on_path, "δ_on",
             "For the contagion profile only: no state gains by violating a norm of restraint once, given that "
             "the violation spreads from state to state through random encounters."),
            ("infected states keep punishing (for the contagion profile, off path)", found.off_path, "δ_off",
             "For the contagion profile only: a state that has met a violation gains nothing by following the norm "
             "once to slow the contagion, whatever it believes about how many states are infected.")):
        formula, value = _delta_formula(part, symbol)
        conditions.append(Condition(name, formula, value, delta in part, explanation))
    return tuple(conditions)


def _delta_formula(found: Any, name: str) -> tuple:
    """The set as a relation on δ with its threshold where it is one half-line (else the union, no threshold).

    An irrational threshold appears as the symbol ``name`` (its value beside it), a rational one as itself.
    """
    def end(value: Any) -> Any:
        return _numbers.to_sympy(value) if isinstance(value, (int, Fraction, float)) else sympy.Symbol(name)

    if len(found.intervals) == 1:
        i = found.intervals[0]
        high_is_one = _numbers.truth(sympy.Eq(_numbers.to_sympy(i.upper), 1)) and not i.upper_closed
        from_zero = i.lower == 0 and i.lower_closed
        if high_is_one and from_zero:
            return sympy.Lt(DELTA_, 1), None                      # every discount factor
        if high_is_one:
            return (sympy.Ge if i.lower_closed else sympy.Gt)(DELTA_, end(i.lower)), i.lower
        if from_zero:
            return (sympy.Le if i.upper_closed else sympy.Lt)(DELTA_, end(i.upper)), i.upper
    return found.condition, None


def _count(k: int) -> str:
    return {0: "no", 1: "one", 2: "two", 3: "three"}.get(k, str(k))


def _dominance_finding(model: Any, risk: Any, share: Any, norm_risk_dominant: bool) -> str:
    R, P = model.R, model.P
    products = tuple(show(_numbers.simplify_exact(x)) for x in risk.nash_products)
    head = (f"The norm is payoff dominant (R = {show(R)} > P = {show(P)}: every state is better off under it) "
            f"and ")
    if norm_risk_dominant:
        return (head + f"also risk dominant (Nash products (R − T)² = {products[0]} > (P − S)² = {products[1]}, "
                       f"x* < 1/2): for large groups adaptive play with occasional mistakes spends most of its "
                       f"time in universal compliance (Kandori, Mailath & Rob 1993; Young 1993).")
    if risk.selected is None:
        return (head + f"tied in risk with abstention (Nash products {products[0]} = {products[1]}, x* = 1/2): "
                       f"neither convention is the safer one.")
    return (head + f"not risk dominant (Nash products (R − T)² = {products[0]} < (P − S)² = {products[1]}, "
                   f"x* > 1/2): abstaining is the safer bet, and for large groups adaptive play with occasional "
                   f"mistakes spends most of its time in universal abstention (Kandori, Mailath & Rob 1993; "
                   f"Young 1993), so the better norm does not emerge on its own.")


def _coalition_finding(model: Any, needed: int, followers: int) -> str:
    n, adopters = model.n, model.adopters
    share = f"{_percent(needed, n)} of the states"
    if adopters >= needed:
        return (f"A committed coalition of {adopters} states tips the norm: each of the others sees at least "
                f"{needed} of its {n - 1} partners following and follows too, and best-response play ends with "
                f"{followers} of {n} states following (a coalition of {needed}, {share}, would suffice).")
    if adopters == 0:
        start = "With no state committed to the norm nobody moves first: every state sees no partner following"
    else:
        start = (f"A committed coalition of {adopters} state{'s' if adopters != 1 else ''} does not tip the norm: "
                 f"each of the others sees only {adopters} of its {n - 1} partners following")
    return (f"{start}, fewer than the {needed} it needs, and abstains (best-response play ends with {followers} "
            f"of {n} following); a coalition of {needed} states ({share}) would start a cascade to universal "
            f"compliance.")


def _is_tie(model: Any, needed: int) -> bool:
    """Whether a state that sees exactly ``needed`` followers among its partners is indifferent."""
    return bool(_numbers.truth(sympy.Eq(model.tipping_share() * (model.n - 1), needed)))


def _tie_finding(model: Any, needed: int) -> str:
    return (f"This is a knife edge: x* × {model.n - 1} = {needed} exactly, so a state that sees {needed} partners "
            f"following is indifferent between following and abstaining. A coalition of {needed} tips the norm "
            f"only weakly: the cascade counts indifferent states as followers; one more adopter makes every step "
            f"strict.")


def _and(items: list) -> str:
    words = [str(x) for x in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _percent(k: int, n: int) -> str:
    return f"{round(100 * k / n)}%"


def _assistance(model: Any, share: Any) -> Remedy:
    R, T, P, S = model.R, model.T, model.P, model.S
    levels = [model._cast(S + Fraction(j, 4) * (P - S)) if not isinstance(S, float) else S + j / 4 * (P - S)
              for j in range(4)]
    rows = tuple((_numbers.simplify_exact(level), model.replace(S=level).tipping_share()) for level in levels)
    switch = P - (R - T)
    if S > switch:
        where = f"the norm is already risk dominant, since S > P − (R − T) = {show(switch)}"
    else:
        where = f"the norm becomes risk dominant once S > P − (R − T) = {show(_numbers.simplify_exact(switch))}"
    return Remedy("assistance to states that follow alone (raises S)", "S",
                  f"Raising what a state gets when it follows the norm alone (technical assistance, capacity "
                  f"building, guarantees against exploitation) lowers the tipping share: from {show(rows[0][1])} "
                  f"at S = {show(rows[0][0])} to {show(rows[-1][1])} at S = {show(rows[-1][0])}; {where}.", rows,
                  column="tipping share x*")


def _shaming(model: Any, share: Any) -> Remedy:
    T, P = model.T, model.P
    levels = sorted({model._cast(_numbers.simplify_exact(T - Fraction(j, 2) * (T - P))) if not isinstance(T, float)
                     else T - j / 2 * (T - P) for j in range(3)}, reverse=True)
    rows = tuple((level, model.replace(T=level).tipping_share()) for level in levels)
    if len(rows) == 1:
        effect = (f"Abstaining already pays no more against a partner that follows than against one that "
                  f"abstains (T = P = {show(P)}), so in this model shaming cannot lower the tipping share "
                  f"{show(share)} further.")
    else:
        effect = (f"Making it costly to abstain while partners follow (naming and shaming, attribution of "
                  f"violations, lowers T) lowers the tipping share: from {show(rows[0][1])} at T = "
                  f"{show(rows[0][0])} to {show(rows[-1][1])} at T = P = {show(rows[-1][0])}.")
    return Remedy("naming and shaming violators (lowers T)", "T", effect, rows, column="tipping share x*")


def _group_size(model: Any) -> Remedy:
    sizes = sorted({n for n in GROUP_GRID if n <= MAX_STATES} | {model.n})
    share = model.tipping_share()
    # the model's own group from the library's best responses (model.coalition()), the others from the
    # closed form, which the tests check against the best responses for every group up to 10 states
    rows = tuple((size, model.coalition() if size == model.n else int(_ceiling(share * (size - 1))))
                 for size in sizes)
    listed = ", ".join(f"{k} of {size}" for size, k in rows)
    ties = [size for size, k in rows if _numbers.truth(sympy.Eq(_numbers.to_sympy(share * (size - 1)), k))]
    if ties:
        listed += (f" (at n = {_and(ties)}, x*(n − 1) is a whole number: that many committed states tip the norm "
                   f"only weakly, the next state being indifferent)")
    return Remedy("the number of states that must coordinate", "n",
                  f"The tipping share does not depend on the number of states, but the coalition it takes does: "
                  f"{listed} (193: the UN membership; the model's own group from the library's best responses, "
                  f"the others from k* = ⌈x*(n − 1)⌉). Norms agreed in small "
                  f"like-minded groups first need fewer committed states to tip.", rows,
                  column="tipping coalition k* (states)")
