"""Crisis bargaining over an agreement: why states that both prefer a deal may still escalate (Fearon 1995).

Conflict is a costly lottery, so there is always a split both states prefer,
p - c_A <= x <= p + c_B. When B's cost is private (uniform on [c_low, c_high]),
A's best demand p + (c_high - c_A)/2 is refused by the toughest types: conflict
with positive probability iff c_high > c_A + 2 c_low.

Run ``python examples/model_crisis.py [--output DIR] [--dpi N]``; the figure
(``model_crisis.png``) shows the costs at which A's optimal demand is always
accepted.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import CrisisBargainingModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402

NAME = "model_crisis"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = CrisisBargainingModel()
    print(render_analysis(model.analyse()))

    window = model.bargaining_range()
    print(f"\nBargaining range against B's toughest type: [{window.lower}, {window.upper}]")
    for high in (Fraction(1, 10), Fraction(1, 4), Fraction(1, 2), Fraction(1)):
        print(f"  c_high = {high}: A demands {model.demand(cost_b_high=high)}, "
              f"conflict with probability {model.war_probability(cost_b_high=high)}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
