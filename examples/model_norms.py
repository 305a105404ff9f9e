"""Missing norms: the coalition of committed states that tips a norm.

n states each follow a norm of restraint or not; each pair plays a stag hunt
(R > T >= P > S). Following is a best response iff the share of others who
follow is at least x* = (P - S)/((R - T) + (P - S)); the norm is risk
dominant iff x* < 1/2 (Harsanyi & Selten 1988). A committed coalition of
ceil(x* (n - 1)) states tips the others (Kandori, Mailath & Rob 1993; Young
1993; Finnemore & Hollis 2016 on cyber norms).

Run ``python examples/model_norms.py [--output DIR] [--dpi N]``; the figure
(``model_norms.png``) shows the committed coalitions that tip the norm against
the payoff of following alone.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import NormsModel  # noqa: E402

NAME = "model_norms"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = NormsModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    print(f"\nTipping share x* = {model.tipping_share()}; coalition that tips the norm: {model.coalition()} states")
    for S in (-1, 0, 1, Fraction(3, 2)):
        print(f"  payoff of following alone S = {S}: tipping share {model.replace(S=S).tipping_share()}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
