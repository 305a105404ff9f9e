"""Lack of trust: reciprocal cooperation and reassurance by costly gestures.

Two states repeat a cyber-restraint dilemma (grim trigger sustains
cooperation iff delta >= (T - R)/(T - P)), but cooperation also needs trust:
the partner trusts on its prior alone iff p >= (P - S)/(R - S). Otherwise a
trustworthy state can reassure with a costly gesture that an untrustworthy
state would not make (Kydd 2000; 2005): the least separating gesture is
s* = ceil((T - P)/k_u) units, affordable iff k_t s* <= R - P.

Run ``python examples/model_trust.py [--output DIR] [--dpi N]``; the figure
(``model_trust.png``) shows the unit costs (k_u, k_t) at which a gesture
separates the types.
"""

from __future__ import annotations

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

    reassurance = analysis.details["reassurance"]
    print("\nPure equilibrium outcomes of the reassurance game (gesture of the trustworthy, untrustworthy state):")
    for outcome in reassurance.outcomes:
        trusted = ", ".join("trusted" if t else "not trusted" for t in outcome.trusted)
        print(f"  {outcome.kind}: gestures {outcome.gestures}, {trusted}; intuitive criterion "
              f"{'passes' if outcome.intuitive else 'fails'}, D1 {'passes' if outcome.d1 else 'fails'}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
