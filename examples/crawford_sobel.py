"""Crawford–Sobel cheap talk: how much a biased sender can tell.

The state is uniform on [0, 1]; the receiver wants to match it, the sender
wants it exceeded by a bias b. Every equilibrium partitions [0, 1] into N
intervals with boundaries a_i = i/N + 2 b i (i - N), so each interval is 4b
longer than the one before; N is possible iff 2 b N (N - 1) < 1 (Crawford &
Sobel 1982). The receiver's expected loss is 1/(12 N^2) + b^2 (N^2 - 1)/3.
This example lists the partitions at b = 1/20 and b = 1/40, the most
informative N for several biases, and draws the partitions at b = 1/40.

Run ``python examples/crawford_sobel.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.signalling import crawford_sobel, max_intervals  # noqa: E402
from cybergames.plot import plot_partitions  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "crawford_sobel"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    for bias in (Fraction(1, 20), Fraction(1, 40)):
        print(f"bias b = {bias}:")
        for eq in crawford_sobel(bias):
            bounds = ", ".join(str(a) for a in eq.boundaries)
            print(f"  N = {eq.intervals}: boundaries {bounds}; receiver's expected utility {eq.receiver_utility}")
    print("\nmost informative equilibrium (largest N) by bias:")
    for d in (4, 5, 12, 20, 40, 100):
        print(f"  b = 1/{d}: N = {max_intervals(Fraction(1, d))}")

    fig, ax = plt.subplots(figsize=(7, 4.8), layout="constrained")
    plot_partitions(Fraction(1, 40), ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
