"""Limited information sharing: the critical discount factor grows with the number of states.

n states share threat intelligence (a public good with multiplier m, effort
cost c and leakage cost l) or withhold it; withholding dominates one-shot
(Gordon, Loeb & Lucyshyn 2003). A clearing house that makes contributions
observable sustains sharing iff delta >= (n (c + l) - m c)/(m c (n - 1));
without it withholding is detected only with probability q and sharers are
falsely suspected with probability r, and cooperation fails beyond a few
states (Gal-Or & Ghose 2005 on sharing incentives).

Run ``python examples/model_information.py [--output DIR] [--dpi N]``; the
figure (``model_information.png``) shows the discount factors at which sharing
is sustained against the number of states, with and without the clearing house.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import InformationSharingModel  # noqa: E402

NAME = "model_information"


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
    model = InformationSharingModel()
    analysis = model.analyse()
    show(analysis)

    print("\nCritical discount factor by number of states (without / with a clearing house; None: impossible):")
    for n in (2, 3, 4, 5, 6):
        variant = model.replace(n=n)
        print(f"  n = {n}: {variant.status_quo_threshold()} / {variant.clearing_house_threshold()}")

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
