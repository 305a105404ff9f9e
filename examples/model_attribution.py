"""Attribution and anonymity: deterrence when attacks are attributed with noise.

Two states repeat a dilemma of restraint and attack; an attacker is blamed
with probability q (detection), a restrained state with probability r (false
flags), and both retaliate after any blame. Retaliation deters iff
delta [(1 - r)^2 (T - P) - (1 - q)(1 - r)(R - P)] >= T - R (Baliga, Bueno de
Mesquita & Wolitzky 2020; Green & Porter 1984); better attribution never
shrinks the region.

Run ``python examples/model_attribution.py [--output DIR] [--dpi N]``; the
figure (``model_attribution.png``) shows the detection and false-flag rates at
which retaliation after any blame deters, at several discount factors, and
beside it the game's regions: the certified outer bound (outside it no
equilibrium has any state restrain) and where targeted retaliation is an
equilibrium worth more than mutual attack (screened on a grid, exact at the
model's point); the legend states that with false flags (R, R) itself is no
equilibrium payoff.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import AttributionModel  # noqa: E402

NAME = "model_attribution"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = AttributionModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    print("\nCritical discount factor of retaliation after any blame by detection probability (false flags 1/10; "
          "None: this profile deters at no δ):")
    for q in (Fraction(3, 10), Fraction(1, 2), Fraction(4, 5), 1):
        print(f"  q = {q}: {model.replace(detect=q).threshold()}")
    print("\nThe game, any public strategies: below this δ no perfect public equilibrium has either state restrain "
          "(certified outer bound):")
    for q in (Fraction(1, 10), Fraction(3, 10), Fraction(4, 5)):
        print(f"  q = {q}: {model.replace(detect=q).restraint_lower_bound()}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
