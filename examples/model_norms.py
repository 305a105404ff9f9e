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

import argparse
from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import NormsModel  # noqa: E402

NAME = "model_norms"


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path(__file__).resolve().parent / "output",
                        help="directory for the figure (default examples/output)")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of the PNG (default 100)")
    return parser.parse_args(argv)


def show(analysis):
    """Print an analysis the way a reader wants it: the model, the findings, the conditions, the remedies."""
    print(f"{analysis.obstacle[:1].upper()}{analysis.obstacle[1:]}: {analysis.summary}")
    print("Parameters:", ", ".join(f"{k} = {v}" for k, v in analysis.model.parameters().items()))
    for finding in analysis.findings:
        print(f"  - {finding}")
    for condition in analysis.conditions:
        verdict = {True: "holds", False: "fails", None: "undecided"}[condition.holds]
        value = "" if condition.value is None else f" = {condition.value}"
        print(f"Condition, {condition.name}: {condition.formula}{value} ({verdict} here)")
    for remedy in analysis.remedies:
        print(f"Remedy, {remedy.name}: {remedy.effect}")
        if remedy.table:
            print(f"    {remedy.parameter} -> threshold: " + "; ".join(f"{x} -> {y}" for x, y in remedy.table))


def main(argv=None):
    args = arguments(argv)
    model = NormsModel()
    analysis = model.analyse()
    show(analysis)

    print(f"\nTipping share x* = {model.tipping_share()}; coalition that tips the norm: {model.coalition()} states")
    for S in (-1, 0, 1, Fraction(3, 2)):
        print(f"  payoff of following alone S = {S}: tipping share {model.replace(S=S).tipping_share()}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / f"{NAME}.png"
    fig.savefig(path, dpi=args.dpi)
    plt.close(fig)
    print(f"\nfigure: {path}")
    return path


if __name__ == "__main__":
    main()
