"""Deterrence with imperfect attribution: which improvements deter, and which backfire (Baliga et al. 2020).

Two attackers with private benefits; the defender retaliates on its posterior
after a noisy signal. The unique equilibrium cutoff solves
(2r - d) c^2 + (d + K) c - K = 0 with K = L v (q - r) q. Better detection at a
fixed identification rate, fewer false alarms and a larger retaliation loss
deter; detecting more attacks whose author cannot be identified (d up with
q = d alpha fixed) raises attacks.

Run ``python examples/model_deterrence.py [--output DIR] [--dpi N]``; the
figure (``model_deterrence.png``) shows where attacks stay within the
tolerated level over detection and false alarms.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import DeterrenceModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402

NAME = "model_deterrence"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = DeterrenceModel()
    print(render_analysis(model.analyse()))

    q = model.detection * model.identification
    print(f"\nEquilibrium: cutoff {model.cutoff()}, attack probability {model.attack_probability()}, "
          f"retaliation probability {model.retaliation_probability()}")
    print(f"Detection with alpha = {model.identification} fixed vs with q = {q} fixed:")
    for d in (Fraction(7, 10), Fraction(9, 10), Fraction(1)):
        identified = model.attack_probability(detection=d)
        unattributed = model.attack_probability(detection=d, identification=q / d)
        print(f"  d = {d}: alpha fixed p* = {float(identified):.4f}, q fixed p* = {float(unattributed):.4f}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
