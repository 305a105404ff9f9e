"""Missing norms: the coalition of committed states that tips a norm.

n states each follow a norm of restraint or not; each pair plays a stag hunt
(R > T >= P > S). Following is a best response iff the share of others who
follow is at least x* = (P - S)/((R - T) + (P - S)); the norm is risk
dominant iff x* < 1/2 (Harsanyi & Selten 1988). A committed coalition of
ceil(x* (n - 1)) states tips the others (Finnemore & Hollis 2016 on cyber
norms). With rare mistakes the risk-dominant convention is the stochastically
stable one (Kandori, Mailath & Rob 1993; Young 1993). A norm of restraint
(violating it pays T' = R + g > R, a prisoner's dilemma) can be enforced among
randomly matched states by contagion (Kandori 1992) for discount factors in
an exact interval, which grows harder to reach with the number of states.

Run ``python examples/model_norms.py [--output DIR] [--dpi N]``; the figure
(``model_norms.png``) shows, left, the committed coalitions that tip the norm
against the payoff of following alone (hatched: the game's region, all
states following at every discount factor, which is the whole domain) and, right, the discount factors at which
the contagion profile sustains a norm of restraint, by the number of states.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames import prisoners_dilemma  # noqa: E402
from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import NormsModel  # noqa: E402
from cybergames.repeated import contagion  # noqa: E402

NAME = "model_norms"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = NormsModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    print(f"\nTipping share x* = {model.tipping_share()}; coalition that tips the norm: {model.coalition()} states")
    for S in (-1, 0, 1, Fraction(3, 2)):
        print(f"  payoff of following alone S = {S}: tipping share {model.replace(S=S).tipping_share()}")

    stable = model.stochastic_stability()
    print(f"\nKMR among {model.n} states: {stable.resistances[1][0]} mistakes tip abstention into the norm, "
          f"{stable.resistances[0][1]} tip it back; stochastically stable: {stable.stable_states}")

    # The contagion profile for a norm of restraint, T' = R + g: the default payoffs and a cheaper
    # sucker's payoff (S = 1), where infected states may prefer to slow the contagion when patient.
    sizes = range(2, 17, 2)
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 6), layout="constrained")
    model_figure(model, ax=left)
    for S, colour, shift in ((model.S, "tab:blue", -0.25), (1, "tab:orange", 0.25)):
        game = prisoners_dilemma(T=model.temptation, R=model.R, P=model.P, S=S)
        print(f"contagion, T' = {model.temptation}, R = {model.R}, P = {model.P}, S = {S}:")
        for n in sizes:
            found = contagion(game, n)
            print(f"  {n} states: " + " or ".join(
                f"{float(i.lower):.4f} <= δ {'<=' if i.upper_closed else '<'} {float(i.upper):.4f}"
                for i in found.delta_set.intervals))
            for piece in found.delta_set.intervals:
                right.plot([n + shift] * 2, [float(piece.lower), float(piece.upper)], color=colour, linewidth=6,
                           label=f"S = {S}" if n == 2 else None)
    right.axhline(float(model.delta), color="grey", linestyle=":", label=f"δ = {model.delta}")
    right.set(xlabel="states paired at random, n", ylabel="discount factor δ", ylim=(0, 1))
    right.set_title(f"Contagion sustains a norm of restraint (T' = {model.temptation}, R = {model.R}, "
                    f"P = {model.P})\nfor the contagion profile, Kandori (1992)", fontsize=10)
    right.legend(loc="lower right")
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
