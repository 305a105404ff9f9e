"""Lack of trust: one repeated game with a security seeker or an expansionist, and reassurance as its first move.

B does not know whether A is a security seeker (T_t < R: once trusted it
reciprocates) or an expansionist (T > R_u: it reciprocates only from
delta_u = (T - R_u)/(T - P), else it exploits once). Each type's gain from
being trusted is G_t = R - P and G_u = max(R_u, (1 - delta) T + delta P) - P;
a costly first move separates them iff its cost lies in [G_u, G_t] (Kydd
2005). Without a gesture B trusts iff the prior is at least
p*(delta) = (1 - delta)(P - S)/(R - P + (1 - delta)(P - S)). Over a known
horizon of N periods, a partner that is a tit-for-tat reciprocator with
probability mu buys N - 2 periods of cooperation from mu* on (Kreps, Milgrom,
Roberts & Wilson 1982).

Run ``python examples/model_trust.py [--output DIR] [--dpi N]``; the figure
(``model_trust.png``) shows where cooperation starts in the plane of the
discount factor and the prior, with reassurance and without a gesture.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import TrustModel  # noqa: E402

NAME = "model_trust"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = TrustModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    answer = analysis.details["answer"]
    low, high = answer.cost_interval
    print(f"\nThe game's answer: {answer.equilibrium}; a gesture separates iff its cost lies in [{low}, {high}]; "
          f"trust on the prior needs p >= {answer.prior_threshold}.")
    print(f"Cooperation starts from delta = {answer.start_without} without a gesture, "
          f"from delta = {answer.start_with} with one.")
    print("\nPure equilibrium outcomes of the first move (gesture of the security seeker, expansionist):")
    for outcome in analysis.details["reassurance"].outcomes:
        trusted = ", ".join("trusted" if t else "not trusted" for t in outcome.trusted)
        print(f"  {outcome.kind}: gestures {outcome.gestures}, {trusted}; intuitive criterion "
              f"{'passes' if outcome.intuitive else 'fails'}, D1 {'passes' if outcome.d1 else 'fails'}")

    reading = analysis.details["reputation"]
    print(f"\nOver {model.periods} periods, with a reciprocator of probability {model.behavioural_prior} "
          f"(mu* = {reading.prior_threshold}): {reading.cooperative_periods} periods of cooperation, then "
          f"{reading.endgame_periods} without (KMRW).")
    print("Cooperative periods by the reciprocator's probability mu (0: the profile fails):")
    for mu in (Fraction(1, 5), Fraction(1, 2), Fraction(2, 3), Fraction(7, 10)):
        print(f"  mu = {mu}: {model.replace(behavioural_prior=mu).reputation().cooperative_periods}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
