"""Limited information sharing: the critical discount factor grows with the number of states.

n states share threat intelligence (a public good with multiplier m, effort
cost c and leakage cost l) or withhold it; withholding dominates one-shot
(Gordon, Loeb & Lucyshyn 2003). A clearing house that makes contributions
observable sustains sharing iff delta >= (n (c + l) - m c)/(m c (n - 1));
without it withholding is detected only with probability q and sharers are
falsely suspected with probability r, and cooperation fails beyond a few
states (Gal-Or & Ghose 2005 on sharing incentives).

Run ``python examples/model_information.py [--output DIR] [--dpi N]``; the
figure (``model_information.png``) shows the discount factors at which sharing
is sustained against the number of states, with and without the clearing house.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import InformationSharingModel  # noqa: E402

NAME = "model_information"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = InformationSharingModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    print("\nCritical discount factor by number of states (without / with a clearing house; None: impossible):")
    for n in (2, 3, 4, 5, 6):
        variant = model.replace(n=n)
        print(f"  n = {n}: {variant.status_quo_threshold()} / {variant.clearing_house_threshold()}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
