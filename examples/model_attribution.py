"""Attribution and anonymity: deterrence when attacks are attributed with noise.

Two states repeat a dilemma of restraint and attack; an attacker is blamed
with probability q (detection), a restrained state with probability r (false
flags), and both retaliate after any blame. Retaliation deters iff
delta [(1 - r)^2 (T - P) - (1 - q)(1 - r)(R - P)] >= T - R (Baliga, Bueno de
Mesquita & Wolitzky 2020; Green & Porter 1984); better attribution never
shrinks the region.

Run ``python examples/model_attribution.py [--output DIR] [--dpi N]``; the
figure (``model_attribution.png``) shows the detection and false-flag rates at
which retaliation deters, at several discount factors.
"""

from __future__ import annotations

import argparse
from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import AttributionModel  # noqa: E402

NAME = "model_attribution"


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
    model = AttributionModel()
    analysis = model.analyse()
    show(analysis)

    print("\nCritical discount factor by detection probability (false flags 1/10; None: impossible):")
    for q in (Fraction(3, 10), Fraction(1, 2), Fraction(4, 5), 1):
        print(f"  q = {q}: {model.replace(detect=q).threshold()}")

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
