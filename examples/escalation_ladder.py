"""An escalation ladder under imperfect attribution: probe, detect?, attribute?, retaliate or back down.

A state (the attacker) probes another's networks or refrains (0, 0). A probe
is detected with probability q; an undetected probe gains the attacker 2 and
costs the defender 2. A detected probe is attributed to the attacker with
probability a; otherwise the evidence is ambiguous. The defender, who sees
whether the attribution succeeded, retaliates or backs down: retaliation
costs the attacker 3 and the defender c when attributed; when the evidence is
ambiguous retaliation risks hitting the wrong state and costs the defender
c + 2 and the attacker 1. Backing down leaves (2, -2).

Backward induction: after an attribution the defender retaliates iff
-c >= -2 (c <= 2); after ambiguous evidence iff -(c + 2) >= -2, never for
c > 0. With c = 1 the attacker's probe is worth (1 - q) 2 + q (a (-3) + (1 - a) 2)
= 2 - 5 q a, so deterrence holds iff q a >= 2/5: detection and attribution
substitute for each other.

Run ``python examples/escalation_ladder.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402
import sympy  # noqa: E402

from cybergames.extensive import ExtensiveGame, chance, decision, subgame_perfect_equilibria  # noqa: E402
from cybergames.extensive.drawing import plot_tree  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "escalation_ladder"


def ladder(q, a, c=1):
    """The escalation ladder with detection q, attribution a and retaliation cost c."""
    attributed = decision("Defender", {"retaliate": (-3, -c), "back down": (2, -2)}, "attributed")
    ambiguous = decision("Defender", {"retaliate": (-1, -c - 2), "back down": (2, -2)}, "ambiguous")
    return ExtensiveGame(decision("Attacker", {
        "refrain": (0, 0),
        "probe": chance({"detected": (q, chance({"attributed": (a, attributed), "ambiguous": (1 - a, ambiguous)})),
                         "missed": (1 - q, (2, -2))})}, "probe?"))


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    q, a = sympy.symbols("q a", positive=True)
    print("Subgame-perfect equilibria with symbolic detection q and attribution a (cost c = 1):")
    for eq in subgame_perfect_equilibria(ladder(q, a)):
        choice = "probe" if eq.behaviour["probe?"]["probe"] == 1 else "refrain"
        print(f"  attacker {choice}s iff {eq.condition}; defender retaliates after attribution: "
              f"{eq.behaviour['attributed']['retaliate'] == 1}, after ambiguity: {eq.behaviour['ambiguous']['retaliate'] == 1}")
    for detect, attribute in ((Fraction(4, 5), Fraction(1, 4)), (Fraction(4, 5), Fraction(3, 4))):
        (eq,) = subgame_perfect_equilibria(ladder(detect, attribute))
        print(f"q = {detect}, a = {attribute}: path {eq.path or 'through chance'}, "
              f"attacker {'probes' if eq.behaviour['probe?']['probe'] == 1 else 'refrains'}, payoffs ({', '.join(map(str, eq.payoffs))})")
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.6), layout="constrained")
    for ax, attribute in ((left, Fraction(1, 4)), (right, Fraction(3, 4))):
        game = ladder(Fraction(4, 5), attribute)
        plot_tree(game, subgame_perfect_equilibria(game)[0], ax=ax,
                  title=f"detection 4/5, attribution {attribute}: the equilibrium in red")
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
