"""Differing national interests: disclose or stockpile vulnerabilities, player by player.

Each state discloses the vulnerabilities it finds (cooperates) or stockpiles
them for offence. State i gains g_i from exploiting the other and loses l_i
when exploited; with grim trigger it keeps disclosing iff
delta_i >= g_i / l_i (Moore, Friedman & Procaccia 2010 for the dilemma).
Linking cyber restraint to another relationship worth L_i per period lowers
the condition to delta_i >= g_i / (l_i + L_i) (Bernheim & Whinston 1990).

Run ``python examples/model_interests.py [--output DIR] [--dpi N]``; the figure
(``model_interests.png``) shows the discount factors (delta_1, delta_2) at
which both states disclose, and how linkage moves state 1's boundary.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import InterestsModel  # noqa: E402

NAME = "model_interests"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = InterestsModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    print("\nEach state's critical discount factor, and state 1's with more issue linkage:")
    print(f"  state 1: {model.threshold(1)}, state 2: {model.threshold(2)}")
    for linkage in (1, 2, 4):
        print(f"  state 1 with linkage L_1 = {linkage}: {model.threshold(1, linkage=linkage)}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
