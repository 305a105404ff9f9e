"""Spence's job market: separating and pooling equilibria, and the least-cost separation that refinements keep.

A worker of low (1) or high (3) productivity chooses education 0, 1, 2 or 3
at cost 4e/3 for the low type and 4e/9 for the high one; a competitive market
pays the expected productivity (wages 1, the prior mean, or 3). Separation
at education e needs the low type not to mimic, 3 - 4e/3 <= 1 (e >= 3/2),
and the high type to be willing, 3 - 4e/9 >= 1 (e <= 9/2): so e = 2 or 3.
The intuitive criterion and D1 keep only e = 2, the least-cost (Riley)
separating outcome (Spence 1973; Gibbons 1992, section 4.2.B). Pooling on no
education is an equilibrium too. D1 reads one year of education as the mark of
the high type (it gains from it at more wages than the low type), which pays
it 3 - 4/9 = 23/9; so D1 rejects the pool while the pooling wage 1 + 2p is
lower, for priors p < 7/9, and keeps it above.

Run ``python examples/spence_job_market.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.signalling import d1, intuitive_criterion, perfect_bayesian_equilibria, spence_job_market  # noqa: E402
from cybergames.plot import equilibrium_outcome, plot_equilibrium_outcomes  # noqa: E402
from cybergames.figures import example_arguments, save_figure  # noqa: E402

NAME = "spence_job_market"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    sg = spence_job_market()                   # prior of the high type 1/2, education 0..3, cost 4/3
    equilibria = perfect_bayesian_equilibria(sg)
    print(f"Spence job market, prior {dict(sg.prior)}: {len(equilibria)} perfect Bayesian equilibria "
          "(many differ only in the wages off the path)")
    outcomes = {}
    for eq in equilibria:
        name = equilibrium_outcome(eq)
        row = outcomes.setdefault(name, {"count": 0, "intuitive": False, "d1": False, "payoffs": eq.sender_payoffs})
        row["count"] += 1
        row["intuitive"] |= intuitive_criterion(sg, eq).survives
        row["d1"] |= d1(sg, eq).survives
    for name, row in outcomes.items():
        payoffs = ", ".join(f"{t} {v}" for t, v in row["payoffs"].items())
        print(f"  {name}\n    {row['count']} equilibria; worker payoffs {payoffs}; "
              f"intuitive criterion {'kept' if row['intuitive'] else 'rejects all'}, "
              f"D1 {'kept' if row['d1'] else 'rejects all'}")

    print("\nDoes pooling on no education survive D1? (by hand: iff 1 + 2p >= 23/9, i.e. p >= 7/9)")
    for prior in (Fraction(3, 4), Fraction(7, 9), Fraction(4, 5)):
        game = spence_job_market(prior_high=prior)
        survives = any(d1(game, eq).survives for eq in perfect_bayesian_equilibria(game)
                       if eq.kind == "pooling" and eq.sender["high"] == "0")
        print(f"  prior {prior}: {'yes' if survives else 'no'}")

    fig, ax = plt.subplots(figsize=(7.5, 5.5), layout="constrained")
    priors = [Fraction(k, 40) for k in range(1, 40)]
    plot_equilibrium_outcomes(lambda p: spence_job_market(prior_high=p), priors, refinement="d1", ax=ax,
                              parameter="prior of the high-productivity type",
                              title="Spence's job market (education 0–3, productivities 1 and 3): the equilibria\n"
                                    "at each prior, and those surviving D1")
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
