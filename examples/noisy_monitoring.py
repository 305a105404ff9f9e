"""Trigger strategies under noisy monitoring: where imperfect attribution still sustains cooperation.

Two states repeat a prisoner's dilemma but see only noisy public signals of
each other's conduct: an attacker is blamed with probability q (detection),
a restrained state with probability r (false flags). Both cooperate until
someone is blamed, then defect for ever. Punishments now happen on the
equilibrium path too, and the condition becomes (Green & Porter 1984;
Mailath & Samuelson 2006, section 7.2)

    delta * [(1 - r)^2 (T - P) - (1 - q)(1 - r)(R - P)] >= T - R.

The library finds it symbolically from the monitoring structure alone; this
example prints thresholds for a few (q, r), the symbolic condition, and maps
the (q, r) region at several discount factors.

Run ``python examples/noisy_monitoring.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402
import sympy  # noqa: E402

from cybergames import (DELTA, RepeatedGame, noisy_attribution, prisoners_dilemma,  # noqa: E402
                        sustainable_discount_factors, trigger_on_signal)
from cybergames.plot import plot_region  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "noisy_monitoring"



def anyone_blamed(blamed):
    """The trigger: the public signal is the tuple of blamed states."""
    return len(blamed) > 0


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    game = prisoners_dilemma(T=5, R=3, P=1, S=0)
    blame = trigger_on_signal(anyone_blamed)
    profile = (blame, blame)

    def deterrence(q, r):
        return RepeatedGame(game, noisy_attribution(game, detect=q, false_flag=r))

    print("Cooperate until someone is blamed, then defect for ever (T, R, P, S = 5, 3, 1, 0):")
    for q, r in [(1, 0), (Fraction(9, 10), Fraction(1, 10)), (Fraction(1, 2), Fraction(1, 10)),
                 (Fraction(3, 10), Fraction(1, 10))]:
        found = sustainable_discount_factors(deterrence(q, r), profile)
        verdict = ("no discount factor sustains it" if found.is_empty
                   else f"{found.concept} equilibrium for delta in {found}")
        print(f"  detection q = {q}, false flags r = {r}: {verdict}")

    q, r = sympy.symbols("q r")
    symbolic = sustainable_discount_factors(deterrence(q, r), profile, assumptions=[q > r, r >= 0, q <= 1, r < 1])
    print("\nWith q and r symbolic (assuming q > r):", symbolic.condition)
    # delta >= 1/b with b = (1 - r)(1 + q - 2r) > 0, i.e. delta * b >= 1: true nowhere when b <= 1,
    # and false for q <= r too, so the product form is right on the whole square.
    region = sympy.Ge(DELTA * sympy.factor(1 / symbolic.threshold), 1)
    print("The region, multiplied out:", region)
    floor = sympy.solve(sympy.Eq(symbolic.threshold, 1), q)[0]
    print(f"Some patience suffices iff q > {sympy.factor(floor)}; at r = 1/10: q > {floor.subs(r, Fraction(1, 10))}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    plot_region(region, ("q", 0, 1), ("r", 0, 0.4), fixed={"delta": 0.9},
                vary=("delta", [Fraction(3, 5), Fraction(4, 5), Fraction(99, 100)]),
                point=(Fraction(9, 10), Fraction(1, 10)),
                point_label="$q$ = 9/10, $r$ = 1/10 (threshold 100/153)",
                label="trigger on blame is an equilibrium", ax=ax,
                xlabel=r"detection probability $q$ (an attacker is blamed)",
                ylabel=r"false-flag rate $r$ (a restrained state is blamed)",
                title="Noisy monitoring: where grim trigger on blame deters\n"
                      "(prisoner's dilemma 5, 3, 1, 0; shaded at $\\delta$ = 0.9, grey lines at other $\\delta$)",
                fit=True)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
