"""The timing of cyber conflict: when to use an exploit (Axelrod & Iliev 2014).

A cyber resource can be used in any period; the stakes of each period are
drawn afresh. Using it gains the stakes, and it survives its use with
probability S (stealth); waiting gains nothing, and it survives with
probability P (persistence). With discount factor w the resource is used iff
the stakes reach T* = w (P - S) V, where V = E max(T + w S V, w P V) is the
value of holding it. This example derives a case by hand, tabulates the
threshold for stakes uniform on 1, ..., 10 at w = 9/10, and draws the
threshold against stealth and persistence: stealthy resources are used at
once, persistent ones are kept for high stakes.

Run ``python examples/cyber_timing.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from cybergames.figures import example_arguments, save_figure  # noqa: E402
from cybergames.stochastic import axelrod_iliev  # noqa: E402

NAME = "cyber_timing"
STAKES = {level: Fraction(1, 10) for level in range(1, 11)}
DISCOUNT = Fraction(9, 10)


def describe(result) -> str:
    used = [level for (level, _), use in zip(result.stakes, result.use) if use]
    where = "never used" if not used else ("used at any stakes" if len(used) == len(result.stakes)
                                            else f"used from stakes {used[0]} on")
    return f"threshold {result.threshold} (~{float(result.threshold):.3f}), value {float(result.value):.3f}; {where}"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    half = Fraction(1, 2)
    # By hand: S = 0, P = 1, w = 3/5, stakes 1 or 3. Using only at 3 is worth (3/2)/(1 - 3/10) = 15/7 > 2.
    hand = axelrod_iliev(0, 1, Fraction(3, 5), {1: half, 3: half})
    print(f"S = 0, P = 1, w = 3/5, stakes 1 or 3: V = {hand.value}, threshold T* = {hand.threshold}; "
          f"use at stakes 3 only: {hand.use == (False, True)}")
    print(f"\nstakes uniform on 1..10, w = {DISCOUNT}:")
    for stealth, persistence in [(half, half), (Fraction(1, 10), Fraction(9, 10)), (0, 1),
                                 (Fraction(9, 10), Fraction(1, 2)), (Fraction(1, 2), Fraction(99, 100))]:
        result = axelrod_iliev(stealth, persistence, DISCOUNT, STAKES)
        print(f"  S = {stealth}, P = {persistence}: {describe(result)}")

    grid = np.linspace(0, 1, 41)
    float_stakes = {float(k): float(q) for k, q in STAKES.items()}
    threshold = np.array([[axelrod_iliev(s, p, float(DISCOUNT), float_stakes).threshold for s in grid]
                          for p in grid])
    use = np.array([[axelrod_iliev(s, p, float(DISCOUNT), float_stakes).use_probability for s in grid]
                    for p in grid])
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.6), layout="constrained")
    shown = axes[0].contourf(grid, grid, np.maximum(threshold, 0), levels=np.arange(0, 10.5, 0.5), cmap="viridis")
    axes[0].contour(grid, grid, threshold, levels=[1, 3, 5, 7, 9], colors="white", linewidths=0.8)
    fig.colorbar(shown, ax=axes[0], label="stakes threshold T* (0 where S >= P)")
    axes[0].set_title("Use the resource iff the stakes reach T* = w (P - S) V")
    chance = axes[1].contourf(grid, grid, use, levels=np.linspace(0, 1, 11), cmap="magma")
    fig.colorbar(chance, ax=axes[1], label="probability of use in a period")
    axes[1].set_title("How often it is used (stakes uniform on 1..10)")
    for ax in axes:
        ax.set_xlabel("stealth S (survives its use)")
        ax.set_ylabel("persistence P (survives waiting)")
    fig.suptitle(f"Axelrod & Iliev (2014): the timing of cyber conflict, w = {DISCOUNT}")
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
