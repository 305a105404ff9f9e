"""Deterrence with imperfect attribution: attack cutoffs against detection quality.

Two attackers with private benefits (uniform on [0, 1]) may attack a defender
who sees a noisy signal: an attack is detected with probability d and then
pinned on its author with probability alpha; without an attack a false alarm
points at each attacker with probability r. The defender retaliates after a
signal with probability v times its posterior that the accused attacked, and
retaliation costs the target L. Each attacker attacks iff its benefit exceeds
a cutoff; the equilibrium is the fixed point of the two cutoffs (after Baliga,
Bueno de Mesquita & Wolitzky 2020, APSR). This example solves one case
exactly, gives the comparative statics, and draws the cutoff and the attack
probability against the detection probability for three false-alarm rates.

Run ``python examples/attribution_cutoffs.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from cybergames.bayesian import attribution_comparative_statics, attribution_game  # noqa: E402
from cybergames.bayesian.attribution import DETECT, FALSE_ALARM  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "attribution_cutoffs"
IDENTIFICATION = Fraction(3, 4)


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    eq = attribution_game(Fraction(4, 5), IDENTIFICATION, Fraction(1, 10))
    print("d = 4/5, alpha = 3/4, r = 1/10, L = v = 1 (exact):")
    print(f"  cutoffs {eq.cutoffs[0]}, {eq.cutoffs[1]}; attack probabilities {eq.attack[0]}, {eq.attack[1]}; "
          f"retaliation after an accusation {eq.retaliation[0]}")
    print(f"  unique: {eq.solution.unique} ({eq.solution.certificate})")
    print(f"  d(cutoff)/dd = {attribution_comparative_statics(eq, DETECT)[0]}, "
          f"d(cutoff)/dr = {attribution_comparative_statics(eq, FALSE_ALARM)[0]}")
    low = attribution_game(Fraction(1, 2), IDENTIFICATION, Fraction(1, 10))
    print(f"d = 1/2 instead: cutoff {low.cutoffs[0]} (about {float(low.cutoffs[0]):.4f})")

    detection = np.linspace(0.3, 1.0, 36)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4), layout="constrained")
    for r in (0.02, 0.05, 0.1):
        cutoffs, attacks = [], []
        for d in detection:
            sol = attribution_game(float(d), float(IDENTIFICATION), r)
            cutoffs.append(sol.cutoffs[0])
            attacks.append(sol.attack[0])
        left.plot(detection, cutoffs, label=f"false alarms r = {r}")
        right.plot(detection, attacks, label=f"false alarms r = {r}")
    left.set_xlabel("detection probability d")
    left.set_ylabel("equilibrium cutoff $c$")
    left.set_title("Attack cutoff")
    right.set_xlabel("detection probability d")
    right.set_ylabel("attack probability $1 - c$")
    right.set_title(f"Attacks (identification {IDENTIFICATION})")
    left.legend(fontsize=8)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
