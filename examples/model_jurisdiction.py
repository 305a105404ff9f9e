"""Legal and jurisdictional complexity: when does a host state prosecute the attackers it harbours?

A host state prosecutes or harbours attackers on its territory; the victim
cooperates or sanctions. Harbouring is detected and attributed with
probability pi; after a detected harbouring both switch to mutual defection
for ever. Prosecution is sustained iff
delta pi (v + s - b - c_p) >= (1 - delta)(b + c_p): the enforcement
probability and the sanction are the remedies (mutual legal assistance,
Budapest Convention arts. 23-35; Maurer 2018 on cyber proxies).

Run ``python examples/model_jurisdiction.py [--output DIR] [--dpi N]``; the
figure (``model_jurisdiction.png``) shows the enforcement probabilities and
sanctions that sustain prosecution, at several discount factors.
"""

from __future__ import annotations

import argparse
from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import JurisdictionModel  # noqa: E402

NAME = "model_jurisdiction"


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
    model = JurisdictionModel()
    analysis = model.analyse()
    show(analysis)

    print("\nThresholds at the model's parameters:")
    print(f"  critical discount factor {model.critical_discount_factor()}, minimal enforcement probability "
          f"{model.minimal_enforcement()}, minimal sanction {model.minimal_sanction()}")
    for pi in (Fraction(1, 5), Fraction(1, 4), Fraction(1, 2)):
        print(f"  enforcement {pi}: critical discount factor {model.critical_discount_factor(enforcement=pi)}")

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
