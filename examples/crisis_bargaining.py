"""Bargaining over cyber norms and crises: Rubinstein's shares and Fearon's risk of war.

Two states split the gains of an agreement by alternating offers; the more
patient state gets more, and the first proposer gets 1/(1 + delta) when both
are equally patient (Rubinstein 1982). In a crisis every split in Fearon's
bargaining range [p - c_A, p + c_B] beats escalation for both, yet when A does
not know B's cost of escalation it demands more than B may accept, and
bargaining fails with positive probability: the risk-return trade-off
(Fearon 1995). This example prints textbook values and draws the shares
against patience and the risk of war against A's cost and its uncertainty
about B's cost.

Run ``python examples/crisis_bargaining.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from cybergames.bargaining import bargaining_range, crisis_offer, rubinstein, rubinstein_finite  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "crisis_bargaining"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    nine = Fraction(9, 10)
    equal = rubinstein(nine, nine)
    print(f"Rubinstein, delta_1 = delta_2 = 9/10: shares {equal.shares[0]}, {equal.shares[1]}")
    unequal = rubinstein(Fraction(1, 2), Fraction(4, 5))
    print(f"Rubinstein, delta_1 = 1/2, delta_2 = 4/5: shares {unequal.shares[0]}, {unequal.shares[1]}")
    finite = [str(rubinstein_finite(nine, nine, horizon).shares[0]) for horizon in (1, 2, 3, 4)]
    print(f"finite horizons 1..4, delta = 9/10: first proposer gets {', '.join(finite)}")
    p, cost_a, cost_b = Fraction(1, 2), Fraction(1, 10), Fraction(1, 5)
    r = bargaining_range(p, cost_a, cost_b)
    print(f"Fearon: p = {p}, c_A = {cost_a}, c_B = {cost_b}: bargaining range [{r.lower}, {r.upper}]")
    offer = crisis_offer(p, cost_a, (0, Fraction(1, 2)))
    print(f"c_B uniform on [0, 1/2]: A demands {offer.demand}, war with probability {offer.war_probability}")

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.4), layout="constrained")
    deltas = np.linspace(0, 0.99, 100)
    for other in (0.5, 0.8, 0.95):
        axes[0].plot(deltas, [rubinstein(float(d), other).shares[0] for d in deltas],
                     label=f"responder's delta_2 = {other}")
    axes[0].plot(deltas, [rubinstein(float(d), float(d)).shares[0] for d in deltas], "k--",
                 label="equal patience: 1/(1 + delta)")
    axes[0].set_xlabel("first proposer's discount factor delta_1")
    axes[0].set_ylabel("first proposer's share")
    axes[0].set_title("Rubinstein (1982): patience is bargaining power")
    axes[0].legend(fontsize=8)
    costs = np.linspace(0, 0.5, 101)
    for high in (0.2, 0.35, 0.5):
        axes[1].plot(costs, [crisis_offer(0.5, float(c), (0.0, high)).war_probability for c in costs],
                     label=f"c_B uniform on [0, {high}]")
    axes[1].set_xlabel("A's own cost of war c_A")
    axes[1].set_ylabel("probability that bargaining ends in war")
    axes[1].set_title("Fearon (1995): the risk-return trade-off (p = 1/2)")
    axes[1].legend(fontsize=8)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
