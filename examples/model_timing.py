"""When to use a cyber resource: the stakes threshold, stealth and persistence (Axelrod & Iliev 2014).

Using the resource gains the stakes and it survives with probability S
(stealth); keeping it, it survives with probability P (persistence). It is
used iff the stakes reach T* = w (P - S) V. With stakes 1 or 4, it is used at
once even at low stakes iff t_low (1 - w P) >= w (P - S) h (t_high - t_low).

Run ``python examples/model_timing.py [--output DIR] [--dpi N]``; the figure
(``model_timing.png``) shows, over stealth and persistence, where the resource
is used at once even at low stakes.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import CyberTimingModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402

NAME = "model_timing"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = CyberTimingModel()
    print(render_analysis(model.analyse()))

    print(f"\nValue {model.value()}, threshold T* = {model.threshold()}; used at low stakes iff "
          f"S >= {model.stealth_threshold()} (or P <= {model.persistence_threshold()})")
    for stealth in (Fraction(0), Fraction(1, 2), Fraction(3, 4)):
        used = "used" if model.uses_at_low_stakes(stealth=stealth) else "kept"
        print(f"  S = {stealth}: T* = {model.threshold(stealth=stealth)}, {used} at low stakes")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
