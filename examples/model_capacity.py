"""Technological disparities: the capacity-building transfer that makes cooperation sustainable for both.

A capable state (cost c_1) and a weak one (cost c_2 > c_1) each invest in
defence and joint incident response, which yields b to both. A transfer tau
from the capable to the weak state while both invest moves their grim-trigger
thresholds in opposite directions: the weak state needs
tau >= c_2 - b(1 + delta), the capable one pays at most b(1 + delta) - c_1
(Barrett 2003, ch. 13, on side payments).

Run ``python examples/model_capacity.py [--output DIR] [--dpi N]``; the figure
(``model_capacity.png``) shows the transfers that sustain cooperation against
the weak state's cost, at several discount factors.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import CapacityModel  # noqa: E402

NAME = "model_capacity"


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
    model = CapacityModel()
    analysis = model.analyse()
    show(analysis)

    low, high = model.minimal_transfer(), model.maximal_transfer()
    print(f"\nTransfers that keep both states investing: from {low} to {high}")
    for tau in (0, low, 1, high):
        capable, weak = model.critical_discount_factors(transfer=tau)
        print(f"  transfer {tau}: critical discount factors {capable} (capable state), {weak} (weak state)")

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
