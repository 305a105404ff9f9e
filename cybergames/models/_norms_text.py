"""The analysis of the norms model: findings, conditions and remedies in words (internal)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from .. import _numbers
from ..equilibria import nash_equilibria, payoff_dominant, risk_dominant
from ._base import show
from ._base import Condition, ModelAnalysis, Remedy
from ._norms_game import FOLLOW, LIBRARY_MAX_STATES, MAX_STATES, tipping_share_expr

GROUP_GRID = [5, 10, 20, 50, 193]          # 193: the members of the United Nations


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
    conditions = (
        Condition("tipping coalition", model.coalition_formula(), needed, adopters >= needed,
                  "A coalition of states committed to the norm tips all others into following it iff it reaches "
                  "this many states: each remaining state then sees enough followers for the norm to pay."),
        Condition("tipping share (the norm is risk dominant iff it is below 1/2)", tipping_share_expr(), share,
                  norm_risk_dominant,
                  "The share of the other states that must follow before following pays; the norm is the safer "
                  "convention, and the one adaptive play with occasional mistakes selects in large groups "
                  "(Kandori, Mailath & Rob 1993; Young 1993), iff it is below one half."),
    )
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
    rows = tuple((size, model.replace(n=size, adopters=min(model.adopters, size)).coalition()) for size in sizes)
    listed = ", ".join(f"{k} of {size}" for size, k in rows)
    return Remedy("the number of states that must coordinate", "n",
                  f"The tipping share does not depend on the number of states, but the coalition it takes does: "
                  f"{listed} (193: the UN membership; groups up to {LIBRARY_MAX_STATES} states from the "
                  f"library's best responses, larger ones from k* = ⌈x*(n − 1)⌉). Norms agreed in small "
                  f"like-minded groups first need fewer committed states to tip.", rows,
                  column="tipping coalition k* (states)")
