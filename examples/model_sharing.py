"""Security investment and information sharing: strategic substitutes or complements.

After Gordon, Loeb & Lucyshyn (2003) and Gal-Or & Ghose (2005): the partner's
shared information replaces part of one's investment (theta) and raises its
return (lambda). Investment and the partner's sharing are substitutes iff
theta > lambda, complements iff lambda > theta; a sharing subsidy
tau = l s_opt - rho implements the joint optimum.

Run ``python examples/model_sharing.py [--output DIR] [--dpi N]``; the figure
(``model_sharing.png``) shows, over theta and lambda, where the model's subsidy
brings optimal sharing, and where the two are complements.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import SharingInvestmentModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402

NAME = "model_sharing"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = SharingInvestmentModel()
    print(render_analysis(model.analyse()))

    print()
    for spillover in (0, Fraction(1, 2), 1):
        r = model.solution(spillover=spillover)
        print(f"lambda = {spillover}: {r.relation}; equilibrium z* = {r.investment}, s* = {r.sharing}; "
              f"optimum z = {r.optimal_investment}, s = {r.optimal_sharing}; subsidy {r.implementing_subsidy}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
