"""Beer–Quiche: pooling equilibria, the beliefs that support them and the intuitive criterion.

Cho and Kreps's (1987) example. A sender, weak with probability 1/10 or
strong, has breakfast (beer or quiche) before a bully decides whether to
duel. Each type gets 1 for its favourite breakfast (the weak type likes
quiche) plus 2 if there is no duel; the bully gets 1 for dueling a weak
sender or leaving a strong one alone. Both types pooling on beer and both
pooling on quiche are perfect Bayesian equilibria, each supported by the
belief that whoever eats the other breakfast is weak with probability at
least 1/2. Only the beer pool survives the intuitive criterion: the weak type
could never gain from beer in the quiche pool, the strong one could.

Run ``python examples/beer_quiche.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.signalling import beer_quiche, d1, intuitive_criterion, perfect_bayesian_equilibria  # noqa: E402
from cybergames.plot import (equilibrium_outcome, plot_belief_sets,  # noqa: E402
                                         plot_equilibrium_outcomes)
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "beer_quiche"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    sg = beer_quiche()                        # prior of the weak type 1/10
    print(f"Beer–Quiche, prior {dict(sg.prior)}:")
    for eq in perfect_bayesian_equilibria(sg):
        print(f"  {equilibrium_outcome(eq)}")
        for message in eq.off_path:
            low, high = eq.beliefs[message].interval("weak")
            print(f"    after {message} (off the path) the bully {eq.receiver[message]}s, "
                  f"supported by mu(weak | {message}) in [{low}, {high}]")
        print(f"    payoffs {dict(eq.sender_payoffs)}, bully {eq.receiver_payoff}; "
              f"intuitive criterion: {'survives' if intuitive_criterion(sg, eq).survives else 'fails'}, "
              f"D1: {'survives' if d1(sg, eq).survives else 'fails'}")

    print("\nWhen the weak type is likely (prior 3/4) only a hybrid equilibrium is left:")
    for eq in perfect_bayesian_equilibria(beer_quiche(Fraction(3, 4))):
        print(f"  sender {dict(eq.sender)}, bully {dict(eq.receiver)}")

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7.5, 9), layout="constrained",
                                      gridspec_kw={"height_ratios": [1.1, 1]})
    plot_belief_sets(sg, ax=top, title="Beer–Quiche (prior of the weak type 1/10): the bully's beliefs\n"
                                       "in each perfect Bayesian equilibrium")
    priors = [Fraction(k, 40) for k in range(1, 40)]
    plot_equilibrium_outcomes(beer_quiche, priors, parameter="prior of the weak type", ax=bottom,
                              title="Beer–Quiche: which equilibria exist at each prior, and which survive\n"
                                    "the intuitive criterion")
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
