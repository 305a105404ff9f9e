"""The equilibrium payoff set of a repeated prisoner's dilemma, with the feasible and individually rational regions.

Which payoff pairs can two patient states sustain? The folk theorem bounds the
answer by the feasible payoffs (the convex hull of the stage payoffs) above
each state's minmax value (Fudenberg & Maskin 1986). For a given discount
factor the library brackets the set of subgame perfect equilibrium payoffs
(with public randomisation) by Abreu, Pearce & Stacchetti's (1990)
self-generation operator, from outside and inside. In Axelrod's dilemma
(T, R, P, S = 5, 3, 1, 0) mutual cooperation (3, 3) becomes an equilibrium
payoff at delta = 1/2, the grim-trigger threshold (T - R)/(T - P), and from
there the whole folk-theorem region is.

Run ``python examples/equilibrium_payoff_set.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames import (RepeatedGame, equilibrium_payoff_set, feasible_payoffs, folk_theorem_region,  # noqa: E402
                        individually_rational, prisoners_dilemma)
from cybergames.plot import plot_payoff_sets  # noqa: E402
from cybergames.repeated.payoff_sets import min_discount_factor_for_payoff  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "equilibrium_payoff_set"



def vertices(polygon):
    return ", ".join("(" + ", ".join(f"{float(x):.4g}" for x in row) + ")" for row in polygon.vertices)


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    game = prisoners_dilemma(5, 3, 1, 0)
    rg = RepeatedGame(game)
    print("Feasible payoffs: hull of", vertices(feasible_payoffs(game)))
    print("Minmax values (mixed):", individually_rational(game).minmax)
    print("Folk-theorem region (feasible and individually rational):", vertices(folk_theorem_region(game).closure))
    bracket = min_discount_factor_for_payoff(rg, (3, 3))
    print(f"(3, 3) is an equilibrium payoff exactly from delta = {bracket.lower} on "
          f"(exact: {bracket.exact}; grim trigger: (T - R)/(T - P) = 1/2)")

    deltas = (Fraction(1, 4), Fraction(1, 2))
    fig, axes = plt.subplots(1, len(deltas), figsize=(10, 5.4), layout="constrained", sharey=True)
    for ax, delta in zip(axes, deltas):
        payoff_set = equilibrium_payoff_set(rg, delta)
        print(f"\ndelta = {delta}: {payoff_set}")
        print(f"  inner (every point an equilibrium payoff): {vertices(payoff_set.inner)}")
        print(f"  outer (every equilibrium payoff inside):   {vertices(payoff_set.outer)}")
        plot_payoff_sets(payoff_set, ax=ax)
        ax.set_title(f"δ = {delta}")
    fig.suptitle("Repeated prisoner's dilemma (5, 3, 1, 0): subgame perfect equilibrium payoffs\n"
                 "within the feasible and individually rational payoffs", fontsize="medium")
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
