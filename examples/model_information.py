"""Limited information sharing: the critical discount factor grows with the number of states.

n states share threat intelligence (a public good with multiplier m, effort
cost c and leakage cost l) or withhold it; withholding dominates one-shot
(Gordon, Loeb & Lucyshyn 2003). A clearing house that makes contributions
observable sustains sharing iff delta >= (n (c + l) - m c)/(m c (n - 1));
without it withholding is detected only with probability q and sharers are
falsely suspected with probability r, and cooperation fails beyond a few
states (Gal-Or & Ghose 2005 on sharing incentives).

Anonymised reports are one level a: a submission is stripped of its sender
with probability a, which cuts the leakage to (1 - a) l but leaves the state to
the background evidence, q(a) = 1 - a (1 - q), r(a) = a r. The script prints
the least delta of sharing until anyone is suspected at several levels and the
optimal level, at the defaults (a corner) and with poorer background detection
(interior).

Run ``python examples/model_information.py [--output DIR] [--dpi N]``; the
figure (``model_information.png``) shows the discount factors at which sharing
is sustained against the number of states, with and without the clearing house,
and hatches the game's regions on the same axes; ``model_information_anonymity.png``
shows the profile's least delta and the game's certified lower end against a.
The script also prints the certified bracket of the least delta at which a
share f of full sharing is an equilibrium payoff without the clearing house.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from fractions import Fraction  # noqa: E402

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

    print("\nAnonymised reports (least delta of sharing until anyone is suspected; the game's lower end):")
    levels = [Fraction(k, 20) for k in range(21)]
    for poorer in (model, model.replace(n=3, detect=Fraction(3, 10))):
        best = poorer.optimal_anonymity()
        print(f"  n = {poorer.n}, q = {poorer.detect}: optimum {best.kind}, a* = {float(best.level):.4f}, "
              f"least delta {float(best.least_delta):.4f}, game's lower end {float(best.game_lower):.4f}")

    print("\nShares of full sharing without a clearing house (certified bracket of the least delta; "
          "InformationSharingModel(cooperation_share=f)):")
    for share in (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(9, 10)):
        found = model.cooperation_share_bracket(share)
        upper = "not found up to 0.999" if found.upper is None else f"{float(found.upper):.4f}"
        print(f"  f = {share}: payoff {found.payoff[0]} each, least delta in [{float(found.lower):.4f}, {upper}]")

    fig, ax = plt.subplots(figsize=(7, 5), layout="constrained")
    for poorer, colour in ((model, "tab:blue"), (model.replace(n=3, detect=Fraction(3, 10)), "tab:green")):
        profile = [poorer.anonymity_threshold(a) for a in levels]
        ax.plot([float(a) for a, d in zip(levels, profile) if d is not None],
                [float(d) for d in profile if d is not None], color=colour,
                label=f"sharing until anyone is suspected (n = {poorer.n}, q = {poorer.detect})")
        ax.plot([float(a) for a in levels], [float(poorer.anonymity_lower_bound(a)) for a in levels], color=colour,
                ls="--", label="the game, any strategy: no sharing below (certified)")
        best = poorer.optimal_anonymity()
        ax.plot([float(best.level)], [float(best.least_delta)], "*", color=colour, ms=12,
                label=f"optimal anonymity ({best.kind})")
    ax.set_xlabel("anonymity level $a$ (share of reports stripped of their sender)")
    ax.set_ylabel(r"least discount factor $\delta$")
    ax.set_title("Anonymised reports: less leakage, weaker attribution")
    ax.legend(fontsize="small")
    save_figure(fig, args, NAME + "_anonymity")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
