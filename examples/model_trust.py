"""Lack of trust: reciprocal cooperation and reassurance by costly gestures.

Two states repeat a cyber-restraint dilemma (grim trigger sustains
cooperation iff delta >= (T - R)/(T - P)), but cooperation also needs trust:
the partner trusts on its prior alone iff p >= (P - S)/(R - S). Otherwise a
trustworthy state can reassure with a costly gesture that an untrustworthy
state would not make (Kydd 2000; 2005): the least separating gesture is
s* = ceil((T - P)/k_u) units, affordable iff k_t s* <= R - P.

Run ``python examples/model_trust.py [--output DIR] [--dpi N]``; the figure
(``model_trust.png``) shows the unit costs (k_u, k_t) at which a gesture
separates the types.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import TrustModel  # noqa: E402

NAME = "model_trust"


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
    model = TrustModel()
    analysis = model.analyse()
    show(analysis)

    reassurance = analysis.details["reassurance"]
    print("\nPure equilibrium outcomes of the reassurance game (gesture of the trustworthy, untrustworthy state):")
    for outcome in reassurance.outcomes:
        trusted = ", ".join("trusted" if t else "not trusted" for t in outcome.trusted)
        print(f"  {outcome.kind}: gestures {outcome.gestures}, {trusted}; intuitive criterion "
              f"{'passes' if outcome.intuitive else 'fails'}, D1 {'passes' if outcome.d1 else 'fails'}")

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
