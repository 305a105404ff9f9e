"""Technological disparities: the capacity-building transfer that makes cooperation sustainable for both.

A capable state (cost c_1) and a weak one (cost c_2 > c_1) each invest in
defence and joint incident response, which yields b to both. A transfer tau
from the capable to the weak state while both invest moves their grim-trigger
thresholds in opposite directions: the weak state needs
tau >= c_2 - b(1 + delta), the capable one pays at most b(1 + delta) - c_1
(Barrett 2003, ch. 13, on side payments).

Run ``python examples/model_capacity.py [--output DIR] [--dpi N]``; the figure
(``model_capacity.png``) shows the transfers that sustain cooperation against
the weak state's cost, at several discount factors, and hatches the game's
region (both invest for ever under any strategies, exact), which is grim
trigger's: abstaining, the stage equilibrium, is each state's minmax.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import CapacityModel  # noqa: E402

NAME = "model_capacity"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = CapacityModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    low, high = model.minimal_transfer(), model.maximal_transfer()
    print(f"\nTransfers that keep both states investing: from {low} to {high}")
    for tau in (0, low, 1, high):
        capable, weak = model.critical_discount_factors(transfer=tau)
        print(f"  transfer {tau}: critical discount factors {capable} (capable state), {weak} (weak state)")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
