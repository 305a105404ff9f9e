r"""One figure per cyber-cooperation model: where cooperation is sustainable in two parameters.

Each model's ``region_condition()`` is a sympy relation in symbols named
like its parameters. :func:`model_figure` fixes every parameter but two at
the model's values, evaluates the relation on a grid of those two in one numpy
call (:func:`cybergames.sweep.vectorize`, through
:func:`cybergames.plot.plot_region`) and shades where it holds, marking the
model's own parameters with a star. :func:`write_figures` writes the figures
of several models as PNG files; ``python -m cybergames --plots DIR`` calls it.

================  ==========================================  ===========================================
model             horizontal axis                             vertical axis (and what else is drawn)
================  ==========================================  ===========================================
trust             discount factor ``delta``                   prior of a security seeker ``prior``; where
                                                              cooperation starts with reassurance (the
                                                              game) and without a gesture
interests         state 1's discount factor ``delta_1``       state 2's ``delta_2``; state 1's boundary
                                                              with issue linkage ``linkage_1`` raised;
                                                              hatched: the game's region (mutual
                                                              disclosure an equilibrium outcome, exact)
jurisdiction      enforcement probability ``enforcement``     sanction ``sanction``; boundaries at other
                                                              discount factors; hatched: the game's region
                                                              (prosecution an equilibrium outcome, exact;
                                                              drawn without false accusations)
capacity          the weak state's cost ``cost_weak``         the transfer ``transfer``; boundaries at
                                                              other discount factors; hatched: the game's
                                                              region (both invest for ever, exact; it is
                                                              grim trigger's: abstaining is the minmax)
norms             payoff of following alone ``S``             committed states ``adopters``; hatched: the
                                                              game's region (all follow at every δ, exact:
                                                              the whole domain)
attribution       detection probability ``detect``            false-flag rate ``false_flag``; boundaries
                                                              at other discount factors; hatched: the
                                                              game's outer bound (certified: outside it no
                                                              state ever restrains) and inner region
                                                              (targeted retaliation an equilibrium worth
                                                              more than mutual attack; screened in floats
                                                              on a 25 x 25 grid, exact at the model's
                                                              point); the legend adds that (R, R) is no
                                                              equilibrium payoff for r > 0
information       number of states ``n``                      discount factor ``delta``, with and without
                                                              the clearing house; hatched: the game's
                                                              regions (full sharing with a clearing house,
                                                              exact; without one, the certified outer bound)
investment        vulnerability ``vulnerability``             loss ``loss``; boundaries at half and
                                                              double the productivity
interdependence   contagion probability ``contagion``         cost of protection ``cost``
multimarket       discount factor ``delta``                   issue 2's temptation ``T_2``; where issue 1
                                                              cooperates on its own; hatched: the game's
                                                              region (both issues cooperative, exact)
crisis            A's cost of conflict ``cost_a``             B's highest possible cost ``cost_b_high``
deterrence        detection probability ``detection``         false-alarm rate ``false_alarm``; where
                                                              attacks stay within the tolerated level,
                                                              boundaries at half and double the loss
timing            stealth ``stealth``                         persistence ``persistence``; where the
                                                              resource is spent (used even at low
                                                              stakes: the verdict's "not sustainable",
                                                              the reverse of the other figures' shading),
                                                              boundaries at other discount factors
sharing           substitution ``substitution``               demand spillover ``spillover``; where the
                                                              two are complements; boundaries at other
                                                              subsidies
reliability       state 1's cost of effort ``cost_1``         state 2's ``cost_2``; where state 1 is the
                                                              more capable (provides under total effort)
================  ==========================================  ===========================================
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy
import sympy

from .plot._regions import new_axes, plot_region, show_number
from .errors import ParameterError

__all__ = ["FIGURES", "model_figure", "write_figures", "example_arguments", "save_figure", "game_region"]

#: Discount factors whose boundaries are drawn beside the model's own.
OTHER_DELTAS = (Fraction(7, 10), Fraction(4, 5), Fraction(19, 20))


def _others(value: Any, candidates: Sequence[Any]) -> list[Any]:
    return [c for c in candidates if c != value]


_TEX = {"δ": r"\delta", "π": r"\pi", "τ": r"\tau", "ρ": r"\rho", "ℓ": r"\ell", "s̄": r"\bar{s}"}
_TEX.update({"θ": r"\theta", "λ": r"\lambda"})
_SUB = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def _tex(letter: str) -> str:
    """A letter of the report (``δ₁``, ``c_p``, ``L₁``) in mathtext (``$\\delta_1$``)."""
    for unicode, tex in _TEX.items():
        letter = letter.replace(unicode, tex + (" " if unicode != "s̄" else ""))
    head, digits = letter.rstrip("₀₁₂₃₄₅₆₇₈₉ "), letter[len(letter.rstrip("₀₁₂₃₄₅₆₇₈₉")):]
    head = head.strip()
    if digits:
        head += "_" + digits.translate(_SUB)
    elif "_" in head:
        stem, _, sub = head.partition("_")
        head = f"{stem}_{{{sub}}}"
    return f"${head}$"


def _names(model: Any) -> dict[str, str]:
    from .models._letters import letters
    return {name: _tex(letter) for name, letter in letters(model.key).items()}


def _region(model: Any, ax: Any, x: Any, y: Any, *, title: str, condition: Any = None, **options: Any) -> None:
    """``plot_region`` of the model's condition, other parameters at the model's values, model marked."""
    condition = model.region_condition() if condition is None else condition
    axes = {x[0], y[0]}
    fixed = {s.name: getattr(model, s.name) for s in condition.free_symbols if s.name not in axes}
    vary = options.pop("vary", None)
    if vary is not None and not vary[1]:
        vary = None
    plot_region(condition, x, y, fixed=fixed, vary=vary, ax=ax, title=title,
                point=options.pop("point", (getattr(model, x[0]), getattr(model, y[0]))),
                point_label=options.pop("point_label", "the model's parameters"), fit=options.pop("fit", True),
                names=_names(model), **options)


def _trust(model: Any, ax: Any) -> None:
    x, y = ("delta", 0, 0.99), ("prior", 0.01, 0.99)
    answer = model.answer()
    title = (f"Lack of trust: reassurance lowers the patience and the prior cooperation needs\n"
             f"(gestures of up to {model.max_signal} units at $k_t$ = {show_number(model.unit_cost_trustworthy)}, "
             f"$k_u$ = {show_number(model.unit_cost_untrustworthy)}; an expansionist reciprocates from "
             f"$\\delta_u$ = {show_number(answer.reciprocity_threshold)})")
    names = dict(xlabel=r"discount factor $\delta$", ylabel="prior of a security seeker $p$", title=title, fit=False)
    _region(model, ax, x, y, color="tab:orange", label="the game: cooperation starts (with reassurance)", **names)
    _region(model, ax, x, y, condition=model.no_gesture_condition(), color="tab:blue", alpha=0.8,
            fill_outside=False, label="without a gesture", point=None, **names)


def _interests(model: Any, ax: Any) -> None:
    linkage = model.linkage_1
    x, y = ("delta_1", 0, 0.99), ("delta_2", 0, 0.99)
    _region(model, ax, x, y,
            vary=("linkage_1", [linkage + 1, linkage + 2]),
            label="both states keep disclosing (joint grim trigger)",
            xlabel=r"state 1's discount factor $\delta_1$", ylabel=r"state 2's discount factor $\delta_2$",
            title=f"Differing interests: disclosure sustained player by player\n"
                  f"(gains {show_number(model.gain_1)}, {show_number(model.gain_2)}; losses "
                  f"{show_number(model.loss_1)}, {show_number(model.loss_2)}; grey lines: state 1 with more issue linkage)")
    found = model.game_answer().bracket if not model.is_symbolic else None
    if found is not None and found.exact and found.found:
        deltas = sympy.symbols("delta_1 delta_2")
        region = sympy.And(*(sympy.Ge(d, low) for d, low in zip(deltas, found.player_lower)))
        game_region(ax, region, x, y, label="the game, any strategy (exact): disclosure for ever")


def game_region(ax: Any, condition: Any, x: Any, y: Any, *, label: str, fixed: Mapping[str, Any] | None = None,
                color: str = "tab:red") -> None:
    """Outline and hatch, on a model's figure, where the game's answer certifies cooperation (``condition``).

    Drawn over the named profile's region without hiding it: a dashed boundary
    and a hatch in ``color``, with ``label`` in the legend (the contour set
    carries ``label`` as its ``gid``, for tests and for editing the figure).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The model's figure, drawn first (:func:`model_figure`).
    condition : sympy relation
        Where the game sustains cooperation, in symbols named like the axes
        and ``fixed`` (``And``/``Or`` allowed), e.g. each player's certified
        least discount factor from :meth:`~cybergames.models.InterestsModel.game_answer`.
    x, y : tuple
        The axes, as :func:`cybergames.plot.plot_region` takes them.
    label : str
        The legend entry.
    fixed : mapping, optional
        Values of the condition's other symbols.
    color : str
        The outline's and the hatch's colour.

    Examples
    --------
    >>> import sympy
    >>> d1, d2 = sympy.symbols("delta_1 delta_2")
    >>> ax = model_figure("interests").axes[0]
    >>> game_region(ax, (d1 >= 0.5) & (d2 >= 0.5), ("delta_1", 0, 0.99), ("delta_2", 0, 0.99), label="example")
    >>> "example" in [t.get_text() for t in ax.get_legend().get_texts()]
    True
    """
    from .plot._regions import _axis, region_values, RESOLUTION
    xaxis, yaxis = _axis(x, "x", RESOLUTION), _axis(y, "y", RESOLUTION)
    holds = region_values(condition, xaxis, yaxis, dict(fixed or {}))
    _hatch(ax, xaxis[1], yaxis[1], holds, label=label, color=color)


def _hatch(ax: Any, xs: Any, ys: Any, holds: Any, *, label: str, color: str, hatch: str = "//") -> None:
    """Hatch and outline where ``holds`` (rows follow ``ys``) is true; the legend gets ``label``."""
    from matplotlib import rc_context

    holds = numpy.asarray(holds, dtype=float)
    with rc_context({"hatch.color": color}):
        hatched = ax.contourf(xs, ys, holds, levels=[0.5, 1.5], colors="none", hatches=[hatch])
    hatched.set_gid(label)
    if holds.any() and not holds.all():
        ax.contour(xs, ys, holds, levels=[0.5], colors=[color], linewidths=1.8, linestyles="--")
    ax.fill([], [], facecolor="none", edgecolor=color, hatch=hatch, ls="--", label=label)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize="small", frameon=False)


def _jurisdiction(model: Any, ax: Any) -> None:
    high = max(6.0, 1.5 * float(model.sanction))
    x, y = ("enforcement", 0, 1), ("sanction", 0, high)
    _region(model, ax, x, y,
            vary=("delta", _others(model.delta, OTHER_DELTAS)),
            label="the host prosecutes (trigger on detection)",
            xlabel=r"probability that harbouring is detected and attributed $\pi$",
            ylabel=r"sanction's cost to the host $s$",
            title=f"Jurisdiction: enforcement and sanctions that sustain prosecution\n"
                  f"($\\delta$ = {show_number(model.delta)}; grey lines: the boundary at other discount factors)")
    found = model.game_answer().bracket if not model.is_symbolic else None
    if found is not None and found.exact:
        # With no false accusations the host's deviation is caught with probability pi and can be punished at
        # worst to its minmax value b - s (it harbours, the victim sanctions), so prosecution in every period
        # needs delta ((b + c_p) + pi (v - c_p - (b - s))) >= b + c_p (cybergames/models/_game_path.py); the
        # credible sanction attains it (found.exact at the model's parameters; the sanction's credibility does
        # not depend on pi or s).
        S = model.symbols
        gain = S["harbour_benefit"] + S["prosecution_cost"]
        premium = S["relations_value"] - S["prosecution_cost"] - (S["harbour_benefit"] - S["sanction"])
        region = sympy.Ge(S["delta"] * (gain + S["enforcement"] * premium), gain)
        fixed = {n: getattr(model, n) for n in ("harbour_benefit", "prosecution_cost", "relations_value", "delta")}
        game_region(ax, region, x, y, fixed=fixed,
                    label="the game, any strategy (exact): prosecution for ever")


#: The legend entries of the game's regions added to the capacity, norms and attribution figures.
CAPACITY_GAME = "the game, any strategy (exact): both invest for ever"
NORMS_GAME = "the game, any strategy (exact): all follow the norm at every δ"
ATTRIBUTION_NOTE = "the game (certified): (R, R) itself is no\nequilibrium payoff for r > 0"
ATTRIBUTION_OUTER = "the game (certified outer bound): outside,\nno perfect public equilibrium has restraint"
ATTRIBUTION_INNER = ("the game: an explicit equilibrium (targeted\nretaliation) worth more than mutual attack\n"
                     "inside (screened in floats on a grid)")
ATTRIBUTION_INNER_EXACT = ATTRIBUTION_INNER[:-1] + ";\nexact at the model's point)"
ATTRIBUTION_INNER_NONE = ("the game: no targeted retaliation worth more than\nmutual attack on the grid "
                          "(certifies nothing\nabout other strategies)")
#: Points per axis of the attribution figure's screened inner region.
INNER_GRID = 25


def _capacity(model: Any, ax: Any) -> None:
    b, c_1, c_2 = float(model.benefit), float(model.cost_strong), float(model.cost_weak)
    reach = b * (1 + float(model.delta))            # b(1 + delta): what cooperation is worth to each side
    x_high = max(1.5 * c_2, 2 * reach - c_1 + b, c_1 + 1)
    y_high = max(1.5 * (reach - c_1), 1.5 * float(model.transfer), b)
    _region(model, ax, ("cost_weak", c_1, x_high), ("transfer", 0, y_high),
            vary=("delta", _others(model.delta, OTHER_DELTAS)),
            label="cooperation sustainable for both",
            xlabel=r"weak state's cost of investing $c_2$", ylabel=r"capacity-building transfer $\tau$",
            title=f"Technological disparities: the transfer that sustains cooperation\n"
                  f"(capable state's cost $c_1$ = {show_number(model.cost_strong)}, benefit $b$ = "
                  f"{show_number(model.benefit)}, $\\delta$ = {show_number(model.delta)}; grey lines: other discount "
                  f"factors)")
    # The game's region: both states invest in every period, under any strategies (cybergames/models/_game_path.py).
    # Abstaining is dominant in the stage game (c_1 + tau >= b, c_2 >= b), so each state's minmax value is 0, the
    # payoff of (abstain, abstain), the stage equilibrium. State i's one deviation gains T_i - R_i (c_1 + tau - b for
    # the capable state, c_2 - tau - b for the weak one) once and is seen surely, and no equilibrium holds it below
    # 0 afterwards, so delta b >= c_1 + tau - b and delta b >= c_2 - tau - b (T_i - P_i = b) are necessary; reverting
    # to the stage equilibrium attains both. The game's region on these axes is therefore exactly grim trigger's:
    # the transfer is paid only while both invest, and the named profile's punishment already is the minmax.
    s = model.symbols
    b, delta = s["benefit"], s["delta"]
    region = sympy.And(sympy.Ge(delta * b, s["cost_strong"] + s["transfer"] - b),
                       sympy.Ge(delta * b, s["cost_weak"] - s["transfer"] - b))
    fixed = {name: getattr(model, name) for name in ("benefit", "cost_strong", "delta")}
    game_region(ax, region, ("cost_weak", c_1, x_high), ("transfer", 0, y_high), fixed=fixed,
                label=CAPACITY_GAME)


def _norms(model: Any, ax: Any) -> None:
    P, S = float(model.P), float(model.S)
    low = min(S, P) - 2 * max(P - S, 1.0)
    _region(model, ax, ("S", low, P - (P - low) / 200), ("adopters", list(range(0, model.n + 1))),
            label="the committed states tip the norm",
            xlabel=r"payoff of following the norm alone $S$",
            ylabel="states already committed to the norm $a$",
            title=f"Missing norms: the coalition that tips a norm among {model.n} states\n"
                  f"($R, T, P$ = {show_number(model.R)}, {show_number(model.T)}, {show_number(model.P)})")
    # The game's region: every state following the norm in every period is an equilibrium of the repeated game
    # at every discount factor, for any committed coalition. All follow is a Nash equilibrium of the stage game
    # (R > T: a state that abstains while all others follow gets (n - 1)T < (n - 1)R), so playing it in every
    # period is subgame perfect whatever delta (Mailath & Samuelson 2006, Prop. 2.2.1), and NormsModel.game_answer
    # certifies the least delta 0 exactly. The condition holds on the whole parameter domain (R > T >= P > S),
    # so the whole plot is hatched: the tipping coalition is a question of which convention emerges, not of
    # what the game sustains.
    s = model.symbols
    region = sympy.And(sympy.Lt(s["S"], s["P"]), sympy.Gt(s["R"], s["T"]))
    game_region(ax, region, ("S", low, P - (P - low) / 200), ("adopters", list(range(0, model.n + 1))),
                fixed={name: getattr(model, name) for name in ("R", "T", "P")}, label=NORMS_GAME)


def _attribution(model: Any, ax: Any) -> None:
    high = max(0.5, 2 * float(model.false_flag))
    x, y = ("detect", 0, 1), ("false_flag", 0, min(high, 1.0))
    _region(model, ax, x, y,
            vary=("delta", _others(model.delta, OTHER_DELTAS)),
            label="deterrence holds (retaliation\nafter any blame)",
            xlabel=r"detection probability $q$", ylabel=r"false-flag rate $r$",
            title=f"Attribution: where retaliating against the blamed deters, and what the game allows\n"
                  f"($\\delta$ = {show_number(model.delta)}; grey lines: the boundary at other discount factors)")
    for patch in ax.patches:            # the profile's complement, not the game's (which the hatches show)
        if patch.get_label() == "not sustainable":
            patch.set_label("retaliation after any blame\ndoes not deter")
    from .models._attribution_regions import outer_condition, targeted_exact, targeted_screen
    from .models._game import answerable, vertex_bracket
    # The game's outer region (cybergames/models/_attribution_regions.py): a restraining state gains at least
    # g = min(T - R, P - S) by attacking, its restraint moves only the chance of its own blame, by |q - r|, and its
    # continuation can differ between its verdicts by at most v - P, the range of its equilibrium payoffs (minmax P
    # to the most it gets among feasible payoffs leaving the other P). Outside (1 - delta) g <= delta |q - r| (v - P)
    # no perfect public equilibrium has either state restrain after any history (Mailath & Samuelson 2006,
    # sections 2.1, 7.1, 7.3).
    fixed = {"delta": model.delta}
    game_region(ax, outer_condition(model), x, y, fixed=fixed, color="tab:purple", label=ATTRIBUTION_OUTER)
    # The game's inner region: some targeted retaliation of TARGETED_GRID is an equilibrium worth more than mutual
    # attack, screened in floats on a coarse grid by the symmetric reduction (one batched solve per automaton) and
    # confirmed exactly at the model's point by check_equilibrium on the library's automaton.
    (x_low, x_high), (y_low, y_high) = ax.get_xlim(), ax.get_ylim()      # the plotted window (fitted)
    xs = numpy.linspace(max(x_low, 0.0), min(x_high, 1.0), INNER_GRID)
    ys = numpy.linspace(max(y_low, 0.0), min(y_high, 1.0), INNER_GRID)
    holds, _ = targeted_screen(model, xs[None, :], ys[:, None])
    exact = answerable(model) and targeted_exact(model) is not None
    label = ATTRIBUTION_INNER_EXACT if exact else ATTRIBUTION_INNER if holds.any() else ATTRIBUTION_INNER_NONE
    _hatch(ax, xs, ys, holds, label=label, color="tab:green", hatch="\\\\")
    # With false flags (r > 0) every signal is possible after mutual restraint, so (R, R), an extreme feasible
    # payoff, is no perfect public equilibrium payoff at any delta < 1 (the vertex argument of
    # min_discount_factor_for_payoff: found=False with lower=1, no search). That is about the payoff (R, R) only;
    # payoffs near it may be equilibrium payoffs (targeted retaliation, the inner region).
    if not answerable(model):
        return
    bracket = vertex_bracket(model.repeated_game(), (model.R, model.R))
    if bracket is not None and not bracket.found and bracket.lower == 1:
        ax.plot([], [], ls="none", label=ATTRIBUTION_NOTE, gid=ATTRIBUTION_NOTE)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize="small", frameon=False)


def _information(model: Any, ax: Any) -> None:
    sizes = list(range(2, max(20, 2 * model.n) + 1))
    x, y = ("n", sizes), ("delta", 0, 0.99)
    title = (f"Information sharing: the critical discount factor grows with the number of states\n"
             f"(multiplier {show_number(model.multiplier)}, cost {show_number(model.cost)}, leakage "
             f"{show_number(model.leakage)}, $q$ = {show_number(model.detect)}, $r$ = {show_number(model.false_flag)};\n"
             f"with a clearing house the game's region is grim trigger's: no sharing is each state's minmax)")
    _region(model, ax, x, y, condition=model.region_condition(clearing_house=True), color="tab:orange",
            label="sharing sustained with a clearing house", title=title,
            xlabel="number of states $n$", ylabel=r"discount factor $\delta$", point=None)
    _region(model, ax, x, y, color="tab:blue", alpha=0.8, fill_outside=False,
            label="sharing sustained without one (noisy detection)", title=title,
            xlabel="number of states $n$", ylabel=r"discount factor $\delta$")
    # The game's regions, from certified answers, not the profiles' relabelled
    # (cybergames/models/information.py). With a clearing house (perfect monitoring) full sharing in every
    # period is an equilibrium outcome iff delta T >= T - R = N: no equilibrium punishes a state below its
    # minmax value 0 (the others withhold), and grim trigger's reversion to no sharing attains it, so the
    # game's region is exactly grim trigger's (cybergames/models/_game_path.py). Without one, a state that
    # shares in any period of any equilibrium needs (1 - delta) N <= delta |q - r| T: outside that outer
    # bound no state ever shares.
    S = model.symbols
    T = S["multiplier"] * S["cost"] * (S["n"] - 1) / S["n"]
    N = S["cost"] + S["leakage"] - S["multiplier"] * S["cost"] / S["n"]
    fixed = {name: getattr(model, name) for name in ("multiplier", "cost", "leakage")}
    game_region(ax, sympy.Ge(S["delta"] * T, N), x, y, fixed=fixed, color="tab:red",
                label="the game with a clearing house, any strategy (exact)")
    gap = abs(model.detect - model.false_flag)
    game_region(ax, sympy.Ge(S["delta"] * (N + gap * T), N), x, y, fixed=fixed, color="tab:purple",
                label="the game without one: no sharing outside (outer bound)")


def _investment(model: Any, ax: Any) -> None:
    high = max(4.0, 2 * float(model.loss))
    productivity = model.productivity
    _region(model, ax, ("vulnerability", 0.005, 0.995), ("loss", high / 200, high),
            vary=("productivity", [productivity / 2, productivity * 2]),
            label="investing in security pays\n(the game's answer: the only optimum)",
            xlabel="vulnerability $v$ (breach probability without investment)", ylabel="loss from a breach $L$",
            title=f"Security investment (investment): where protecting the information pays\n"
                  f"(Gordon–Loeb class I, $\\alpha$ = {show_number(productivity)}, $\\beta$ = "
                  f"{show_number(model.shape)}; grey lines: half and double the productivity)")


def _interdependence(model: Any, ax: Any) -> None:
    pl = float(model.direct_risk) * float(model.loss)
    high = max(1.5 * pl, 1.5 * float(model.cost), 1.0)
    _region(model, ax, ("contagion", 0, 1), ("cost", 0, high),
            label="both invest, and investment is selected",
            xlabel="contagion probability $q$", ylabel="cost of protection $c$",
            title=f"Interdependent security: when both states invest and coordinate on it\n"
                  f"(direct risk $p$ = {show_number(model.direct_risk)}, loss $L$ = {show_number(model.loss)}; "
                  f"investing is an equilibrium up to $c = pL$)")


def _multimarket(model: Any, ax: Any) -> None:
    r2, gain = float(model.R_2), float(model.T_2 - model.R_2)
    x, y = ("delta", 0, 0.99), ("T_2", r2 + gain / 20, r2 + 4 * gain)
    title = (f"Multimarket contact: linking two issues pools their incentive constraints\n"
             f"(issue 1: $T, R, P$ = {show_number(model.T_1)}, {show_number(model.R_1)}, {show_number(model.P_1)}; "
             f"issue 2: $R, P$ = {show_number(model.R_2)}, {show_number(model.P_2)};\n"
             f"the game's region is the joint trigger's: defecting on both is each state's minmax)")
    names = dict(xlabel=r"discount factor $\delta$", ylabel=r"issue 2's temptation $T_2$", title=title)
    _region(model, ax, x, y, color="tab:orange", label="both issues cooperative when linked", fit=False, **names)
    s = model.symbols
    alone = sympy.Ge(s["delta"], (s["T_1"] - s["R_1"]) / (s["T_1"] - s["P_1"]))
    _region(model, ax, x, y, condition=alone, color="tab:blue", alpha=0.8, fill_outside=False,
            label="issue 1 cooperative on its own", point=None, fit=False, **names)
    # The game's region for cooperation on both issues in every period (cybergames/models/_game_path.py):
    # a deviation to D/D gains (T_1 - R_1) + (T_2 - R_2) once and is seen surely; no equilibrium holds a state
    # below its minmax P_1 + P_2 (its rival defecting on both), so delta >= gain/(gain + R_1 - P_1 + R_2 - P_2)
    # is necessary, and reverting to mutual defection on both, the stage equilibrium, attains it. It therefore
    # coincides with the joint grim trigger's region: that trigger's punishment is the minmax.
    gain = sum(s[f"T_{k}"] - s[f"R_{k}"] for k in (1, 2))
    margin = sum(s[f"R_{k}"] - s[f"P_{k}"] for k in (1, 2))
    fixed = {name: getattr(model, name) for name in ("T_1", "R_1", "P_1", "R_2", "P_2")}
    game_region(ax, sympy.Ge(s["delta"] * (gain + margin), gain), x, y, fixed=fixed,
                label="the game, any strategy (exact): both issues for ever")


def _crisis(model: Any, ax: Any) -> None:
    low = float(model.cost_b_low)
    high = max(1.0, 2 * float(model.cost_b_high), 2 * float(model.cost_a))
    _region(model, ax, ("cost_a", 0, high), ("cost_b_high", low, low + high),
            label="no risk of conflict at A's optimal demand\n(the game's region: its only equilibrium)",
            xlabel="A's cost of conflict $c_A$", ylabel="the highest cost of conflict B may have $c_{high}$",
            title=f"Crisis bargaining (Fearon): when private costs make conflict possible\n"
                  f"($p$ = {show_number(model.p)}, B's cost uniform from {show_number(model.cost_b_low)} to "
                  f"$c_{{high}}$; the bargaining range is never empty)")


def _deterrence(model: Any, ax: Any) -> None:
    loss = model.loss
    _region(model, ax, ("detection", 0.005, 1), ("false_alarm", 0.0025, 0.5),
            vary=("loss", [loss / 2, loss * 2]),
            label="attacks within the tolerated level\n(the game's region: its only equilibrium)",
            xlabel="detection probability $d$", ylabel="false-alarm rate $r$",
            title=f"Deterrence with imperfect attribution: where attacks stay within "
                  f"$\\tau$ = {show_number(model.tolerated)}\n"
                  f"(identification $\\alpha$ = {show_number(model.identification)}, loss $L$ = "
                  f"{show_number(loss)}; grey lines: half and double the loss)")


def _timing(model: Any, ax: Any) -> None:
    _region(model, ax, ("stealth", 0, 1), ("persistence", 0, 1),
            vary=("discount", _others(model.discount, OTHER_DELTAS)),
            label="spent: used at once, even at low stakes (not sustainable)\n"
                  "(the game's answer: the optimal policy)",
            xlabel="stealth $S$ (survives its use)", ylabel="persistence $P$ (survives waiting)",
            title=f"When to use a cyber resource: stealth and persistence (Axelrod–Iliev)\n"
                  f"(stakes {show_number(model.stakes_low)} or, with probability "
                  f"{show_number(model.high_probability)}, {show_number(model.stakes_high)}; $w$ = "
                  f"{show_number(model.discount)}; grey lines: other discount factors)")
    for patch in ax.patches:    # the unshaded side is the verdict's "sustainable" here, not plot_region's default
        if patch.get_label() == "not sustainable":
            patch.set_label("kept for high stakes (sustainable)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize="small", frameon=False)


def _sharing(model: Any, ax: Any) -> None:
    s = model.symbols
    high = max(1.0, 2 * float(model.substitution), 2 * float(model.spillover))
    x, y = ("substitution", 0, high), ("spillover", 0, high)
    tau = model.subsidy
    others = sorted({tau / 2, tau * 2} - {tau}) if tau else [0.25 if isinstance(tau, float) else Fraction(1, 4)]
    title = (f"Investment and information sharing: where the subsidy $\\tau$ = {show_number(tau)} brings optimal "
             f"sharing\n($w$ = {show_number(model.investment_return)}, $\\rho$ = {show_number(model.private_benefit)}, "
             f"$\\ell$ = {show_number(model.leakage)}; grey lines: other subsidies)")
    valid = sympy.Gt(s["leakage"], s["spillover"] * (s["spillover"] - 2 * s["substitution"]))
    with numpy.errstate(divide="ignore", invalid="ignore"):     # the formula's pole lies outside the model (valid)
        _region(model, ax, x, y, vary=("subsidy", others), valid=valid,
                label="the subsidy brings optimal sharing\n(the game's region: its only equilibrium)",
                xlabel=r"substitution $\theta$ (the partner's information replaces investment)",
                ylabel=r"demand spillover $\lambda$ (the partner's sharing raises its return)", title=title)
    game_region(ax, sympy.Gt(s["spillover"], s["substitution"]), x, y, color="tab:orange",
                label=r"complements ($\lambda > \theta$); below: substitutes")


def _reliability(model: Any, ax: Any) -> None:
    s = model.symbols
    v1, v2 = float(model.value_1), float(model.value_2)
    x, y = ("cost_1", v1 / 100, 2.2 * v1), ("cost_2", v2 / 100, 2.2 * v2)
    _region(model, ax, x, y, label="best shot: one provider (both protect alone)", fit=False,
            xlabel="state 1's cost of effort $c_1$", ylabel="state 2's cost of effort $c_2$",
            title=f"Capacity and free riding: who provides a shared system's security (after Varian)\n"
                  f"(values $v_1$ = {show_number(model.value_1)}, $v_2$ = {show_number(model.value_2)}; "
                  f"in the band around equal capacity either state may provide)")
    game_region(ax, sympy.Lt(s["cost_1"] * s["value_2"], s["cost_2"] * s["value_1"]), x, y,
                fixed={"value_1": model.value_1, "value_2": model.value_2}, color="tab:orange",
                label="state 1 more capable (provides under total effort)")


#: key -> function drawing the model's figure on given axes.
FIGURES: dict[str, Callable[[Any, Any], None]] = {
    "trust": _trust, "interests": _interests, "jurisdiction": _jurisdiction, "capacity": _capacity,
    "norms": _norms, "attribution": _attribution, "information": _information,
}
FIGURES.update(investment=_investment, interdependence=_interdependence, multimarket=_multimarket,
               crisis=_crisis)
FIGURES.update(deterrence=_deterrence, timing=_timing)
FIGURES.update(sharing=_sharing, reliability=_reliability)


def model_figure(model: Any, *, ax: Any = None) -> Any:
    """The sustainability-region figure of one cyber-cooperation model.

    Parameters
    ----------
    model : Model or str
        A model instance (its parameter values are used) or a model key
        (``"attribution"``: the model at its defaults).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``model`` is neither a model nor a known key, or has symbolic parameters.
    ImportError
        If matplotlib is not installed.

    Examples
    --------
    >>> fig = model_figure("attribution")
    >>> ax = fig.axes[0]
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('detection probability $q$', 'false-flag rate $r$')
    """
    from .models import Model, model_class

    if isinstance(model, str):
        model = model_class(model)()
    if not isinstance(model, Model):
        raise ParameterError(f"model: expected a cyber-cooperation model or its key, got {model!r}")
    if model.key not in FIGURES:
        raise ParameterError(f"model: no figure is defined for {model.key!r}")
    symbolic = {name: value for name, value in model.parameters().items()
                if isinstance(value, sympy.Basic) and value.free_symbols}
    if symbolic:
        raise ParameterError(f"model: a figure needs numeric parameters; got {symbolic} (substitute numbers, "
                             "or draw region_condition() with plot_region)")
    ax = new_axes(ax, figsize=(7.0, 6.0))
    FIGURES[model.key](model, ax)
    return ax.figure


def _models(keys: Sequence[str] | None, overrides: Mapping[str, Any]) -> list[Any]:
    """The selected models with the overrides applied; the report's stage games have no figure."""
    from .models import configured

    names = [k for k in (keys or []) if k != "stage"]
    if keys and not names:
        return []
    return configured(names, overrides)


def write_figures(directory: str | Path, keys: Sequence[str] | None = None,
                  overrides: Mapping[str, Any] | None = None, *, dpi: int = 100) -> list[Path]:
    """Write each selected model's figure to ``directory/<key>.png``.

    Parameters
    ----------
    directory : str or Path
        Created if missing.
    keys : sequence of str, optional
        Model keys (``"trust"``, ...); default all seven. ``"stage"`` (the
        report's classic stage games) is ignored.
    overrides : mapping, optional
        Parameter values: ``"delta"`` applies to every selected model with that
        parameter, ``"attribution.delta"`` to one model, and the report's
        letters (``q``, ``r``, ``pi``, ``tau``) stand for ``detect``,
        ``false_flag``, ``enforcement`` and ``transfer``, as with ``--set`` in the report.
    dpi : int
        Resolution of the PNG files.

    Returns
    -------
    list of Path
        The files written, in the order of the models.

    Raises
    ------
    ParameterError
        If a key or override is unknown, a parameter value is invalid, the
        directory cannot be written, or matplotlib is not installed (so that
        ``python -m cybergames --plots DIR`` reports it in one line).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as out:
    ...     [p.name for p in write_figures(out, ["attribution"], {"detect": Fraction(9, 10)}, dpi=30)]
    ['attribution.png']
    """
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not 10 <= dpi <= 1200:
        raise ParameterError(f"dpi: expected an integer from 10 to 1200, got {dpi!r}")
    models = _models(keys, dict(overrides or {}))
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ParameterError("plots: the figures need matplotlib; pip install 'cybergames[plot]'") from exc
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParameterError(f"plots: cannot create the directory {str(folder)!r} ({exc.strerror or exc})") from exc
    written = []
    for model in models:
        figure = Figure(figsize=(7.0, 6.0), layout="constrained")
        model_figure(model, ax=figure.add_subplot())
        path = folder / f"{model.key}.png"
        try:
            figure.savefig(path, dpi=dpi)
        except OSError as exc:
            raise ParameterError(f"plots: cannot write {str(path)!r} ({exc.strerror or exc})") from exc
        written.append(path)
    return written


# ------------------------------------------------------------------ the example scripts
def example_arguments(script: str, description: str | None, argv: Sequence[str] | None = None) -> Any:
    """The command line every gallery script shares: ``--output DIR`` and ``--dpi N``.

    ``script`` is the script's ``__file__``; the default output directory is
    ``output/`` beside it. ``description`` is the script's docstring (its first
    line is shown by ``--help``).

    >>> args = example_arguments("examples/demo.py", "A demo.", ["--dpi", "30"])
    >>> args.dpi, args.output.name
    (30, 'output')
    """
    import argparse

    parser = argparse.ArgumentParser(description=(description or "").strip().splitlines()[0]
                                     if description else None)
    parser.add_argument("--output", type=Path, default=Path(script).resolve().parent / "output",
                        help="directory for the figure (default: output/ beside the script)")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of the PNG (default 100)")
    return parser.parse_args(argv)


def save_figure(figure: Any, args: Any, name: str) -> Path:
    """Write ``figure`` to ``args.output/<name>.png`` at ``args.dpi``, close it, print and return the path."""
    import matplotlib.pyplot as plt

    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / f"{name}.png"
    figure.savefig(path, dpi=args.dpi)
    plt.close(figure)
    print(f"\nfigure: {path}")
    return path
