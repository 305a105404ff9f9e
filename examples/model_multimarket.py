"""Multimarket contact: linking two issues pools the states' incentive constraints (Bernheim & Whinston 1990).

Each issue is a prisoner's dilemma; kept apart, cooperation on issue k needs
delta >= (T_k - R_k)/(T_k - P_k). Linked (a defection on either ends both), it
needs delta >= ((T_1 - R_1) + (T_2 - R_2))/((T_1 - P_1) + (T_2 - P_2)), the
mediant: never above the harder issue's threshold, strictly below it when the
issues differ, and equal to both when they are identical (irrelevance).

Run ``python examples/model_multimarket.py [--output DIR] [--dpi N]``; the
figure (``model_multimarket.png``) shows, over delta and issue 2's temptation,
where the linked issues cooperate and where issue 1 would on its own.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import MultimarketContactModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402

NAME = "model_multimarket"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = MultimarketContactModel()
    print(render_analysis(model.analyse()))

    print("\nThresholds (issue 1 alone, issue 2 alone; linked):")
    for label, changes in (("defaults", {}), ("identical issues", dict(T_2=5, R_2=3, P_2=1, S_2=0)),
                           ("a more tempting issue 2", dict(T_2=7))):
        m = model.replace(**changes)
        first, second = m.separate_thresholds()
        print(f"  {label}: {first}, {second}; linked {m.pooled_threshold()}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
