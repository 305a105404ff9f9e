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

import argparse
from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.signalling import crawford_sobel, max_intervals  # noqa: E402
from cybergames.plot import plot_partitions  # noqa: E402

NAME = "crawford_sobel"


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path(__file__).resolve().parent / "output",
                        help="directory for the figure (default examples/output)")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of the PNG (default 100)")
    return parser.parse_args(argv)


def main(argv=None):
    args = arguments(argv)
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
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / f"{NAME}.png"
    fig.savefig(path, dpi=args.dpi)
    plt.close(fig)
    print(f"\nfigure: {path}")
    return path


if __name__ == "__main__":
    main()
