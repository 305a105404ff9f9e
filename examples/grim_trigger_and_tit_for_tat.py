"""Grim trigger and tit-for-tat in the repeated prisoner's dilemma: exactly when they are equilibria.

Two states repeat a prisoner's dilemma (cooperate or defect in cyberspace).
Grim trigger (cooperate until the other defects, then defect for ever) is a
subgame perfect equilibrium iff delta >= (T - R)/(T - P) (Friedman 1971;
Axelrod 1984, ch. 1). Tit-for-tat is subgame perfect only where
delta = (T - R)/(R - S) = (P - S)/(T - P), so for most payoffs never. The
library computes each profile's exact set of sustainable discount factors,
also with symbolic payoffs.

Run ``python examples/grim_trigger_and_tit_for_tat.py [--output DIR] [--dpi N]``;
the figure is written to DIR (default ``examples/output``).
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402
import sympy  # noqa: E402

from cybergames import (RepeatedGame, check_nash, grim_trigger, limited_punishment, prisoners_dilemma,  # noqa: E402
                        sustainable_discount_factors, tit_for_tat, win_stay_lose_shift)
from cybergames.plot import plot_delta_sets  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "grim_trigger_and_tit_for_tat"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)

    # The condition itself, with symbolic payoffs (state the prisoner's dilemma's order).
    T, R, P, S = sympy.symbols("T R P S")
    symbolic = RepeatedGame(prisoners_dilemma(T, R, P, S))
    order = [T > R, R > P, P > S]
    grim = sustainable_discount_factors(symbolic, (grim_trigger(),) * 2, assumptions=order)
    tft = sustainable_discount_factors(symbolic, (tit_for_tat(),) * 2, assumptions=order)
    print("Grim trigger is subgame perfect iff", grim.condition)
    print("Tit-for-tat is subgame perfect iff", tft.condition)

    # Axelrod's payoffs, and a dilemma in which tit-for-tat holds at exactly one discount factor.
    axelrod = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
    knife_edge = RepeatedGame(prisoners_dilemma(4, 3, 1, 0))
    profiles = {
        "grim trigger": (axelrod, grim_trigger()),
        "tit-for-tat": (axelrod, tit_for_tat()),
        "1 round of punishment": (axelrod, limited_punishment(1)),
        "2 rounds of punishment": (axelrod, limited_punishment(2)),
        "3 rounds of punishment": (axelrod, limited_punishment(3)),
        "win-stay lose-shift": (axelrod, win_stay_lose_shift()),
        "tit-for-tat, T = 4": (knife_edge, tit_for_tat()),
    }
    found = {}
    print("\nT, R, P, S = 5, 3, 1, 0 (Axelrod 1984) unless stated:")
    for label, (rg, automaton) in profiles.items():
        found[label] = sustainable_discount_factors(rg, (automaton, automaton))
        lowest = found[label].infimum
        approx = "" if lowest is None or isinstance(lowest, Fraction) else f"  (from {float(lowest):.4f})"
        print(f"  {label:24s} subgame perfect for delta in {found[label]}{approx}")
    for delta in (sympy.Rational(3, 5), sympy.Rational(2, 3)):
        holds = check_nash(axelrod, (tit_for_tat(),) * 2, delta).holds
        print(f"  tit-for-tat is {'a' if holds else 'not a'} Nash equilibrium at delta = {delta}")

    fig, ax = plt.subplots(figsize=(7, 5.2), layout="constrained")
    plot_delta_sets(found, ax=ax, title="Repeated prisoner's dilemma: discount factors at which each\n"
                                        "strategy profile is subgame perfect (T, R, P, S = 5, 3, 1, 0)")
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
