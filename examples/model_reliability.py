"""Who provides a shared system's security when capacities differ (after Varian 2004).

Two states with values v_i and unit costs c_i of effort; security is the sum
(total effort), the minimum (weakest link) or the maximum (best shot) of their
efforts. The more capable state (lower c_i/v_i) does all the work under total
effort; the less capable caps the weakest link; under the best shot the less
capable can be left to provide unless the capacities differ enough.

Run ``python examples/model_reliability.py [--output DIR] [--dpi N]``; the
figure (``model_reliability.png``) shows, over the two states' costs, where the
best shot has a single provider.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames import verify  # noqa: E402
from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import ReliabilityModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402

NAME = "model_reliability"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = ReliabilityModel()
    print(render_analysis(model.analyse()))

    print()
    for cost_1 in (Fraction(1, 5), Fraction(1, 2), 1):
        g = model.games(cost_1=cost_1)
        print(f"c_1 = {cost_1}: total effort {g.total_effort.best_level}, weakest link {g.weakest_link.best_level}, "
              f"best shot {', '.join(str(x) for x in g.best_shot.levels)}; checked against the enumerated game: "
              f"{verify(g).ok}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
