"""The chain store: how a weak incumbent's reputation for toughness deters entry.

An incumbent meets N entrants in turn; with prior probability mu it is tough
(it always fights), otherwise weak (monopoly a = 2 per period, 0 when it
acquiesces, -1 when it fights); an entrant gains b = 1/2 if the incumbent
acquiesces and loses 1/2 if it fights (Fudenberg & Tirole 1991, ch. 9.2.2).
In the Kreps–Wilson (1982) sequential equilibrium entry is deterred while
mu > b^k with k periods left, the weak incumbent fights early entrants to keep
its reputation, and near the end it fights with the probability that lifts
the posterior to b^(k-1). This example prints the equilibrium for two priors,
the deterrence thresholds, cooperation until the last period in a finitely
repeated game with two stage equilibria (Benoit–Krishna 1985), and the
Fudenberg–Levine bound of the product-choice game; it draws the reputation
paths and the entry probabilities.

Run ``python examples/chain_store_reputation.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames import NormalFormGame  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402
from cybergames.reputation import (chain_store, deterrence_threshold, fudenberg_levine_bound,  # noqa: E402
                                   last_sustainable_period)

NAME = "chain_store_reputation"
PERIODS, A, B = 10, 2, Fraction(1, 2)
PRIORS = (Fraction(1, 20), Fraction(1, 200))


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    print(f"Chain store, N = {PERIODS}, a = {A}, b = {B}: the first entrant stays out iff mu > b^N = "
          f"{deterrence_threshold(PERIODS, B)}")
    paths = {}
    for mu in PRIORS:
        eq = chain_store(mu, PERIODS, A, B)
        paths[mu] = eq
        print(f"\nprior mu = {mu}: entry deterred in the first {eq.deterred} periods; weak incumbent's payoff "
              f"{eq.weak_value}")
        print("  period  left  reputation  entry  weak fights")
        for row in eq.path:
            print(f"  {row.period:>6}  {row.remaining:>4}  {str(row.reputation):>10}  {str(row.entry):>5}  "
                  f"{str(row.weak_fight):>11}")

    stage = NormalFormGame([[[4, 0, 0], [5, 1, 0], [0, 0, 3]], [[4, 5, 0], [0, 1, 0], [0, 0, 3]]],
                           actions=[("C", "D", "R"), ("C", "D", "R")])
    sustained = last_sustainable_period(stage, 6, ("C", "C"))
    print(f"\nBenoit-Krishna, 6 periods: (C, C) is played up to period {sustained.last_period}, "
          f"then {sustained.path[-1]}")

    product = NormalFormGame([[[2, 0], [3, 1]], [[3, 2], [0, 1]]], actions=[("H", "L"), ("h", "l")])
    bound = fudenberg_levine_bound(product, "H", Fraction(1, 100), Fraction(9, 10))
    print(f"Fudenberg-Levine, product choice, mu = 1/100, delta = 9/10: pi = {bound.threshold}, "
          f"k* = {bound.periods}, payoff >= {bound.bound} (commitment payoff {bound.commitment_payoff})")

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 6), sharex=True, layout="constrained")
    for mu, eq in paths.items():
        periods = range(1, PERIODS + 2)
        top.step(periods, [float(p) for p in eq.reputations], where="post", label=f"prior {mu}")
        bottom.plot(range(1, PERIODS + 1), [float(x) for x in eq.entry_probabilities], "o-", label=f"prior {mu}")
    top.plot(range(1, PERIODS + 1), [float(B ** (PERIODS - t + 1)) for t in range(1, PERIODS + 1)], "k:",
             label="deterrence threshold $b^k$")
    top.set_yscale("log")
    top.set_ylabel("reputation (prob. tough)")
    top.set_title("Chain store: reputation path when the incumbent fights every entry")
    top.legend(fontsize=8)
    bottom.set_ylabel("entry probability")
    bottom.set_xlabel("period")
    bottom.legend(fontsize=8)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
