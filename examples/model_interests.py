"""Differing national interests: disclose or stockpile vulnerabilities, player by player.

Each state discloses the vulnerabilities it finds (cooperates) or stockpiles
them for offence. State i gains g_i from exploiting the other and loses l_i
when exploited; with grim trigger it keeps disclosing iff
delta_i >= g_i / l_i (Moore, Friedman & Procaccia 2010 for the dilemma).
Linking cyber restraint to another relationship worth L_i per period lowers
the condition to delta_i >= g_i / (l_i + L_i) (Bernheim & Whinston 1990).

Run ``python examples/model_interests.py [--output DIR] [--dpi N]``; the figure
(``model_interests.png``) shows the discount factors (delta_1, delta_2) at
which both states disclose, and how linkage moves state 1's boundary.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import InterestsModel  # noqa: E402

NAME = "model_interests"


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
    model = InterestsModel()
    analysis = model.analyse()
    show(analysis)

    print("\nEach state's critical discount factor, and state 1's with more issue linkage:")
    print(f"  state 1: {model.threshold(1)}, state 2: {model.threshold(2)}")
    for linkage in (1, 2, 4):
        print(f"  state 1 with linkage L_1 = {linkage}: {model.threshold(1, linkage=linkage)}")

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
