"""Interdependent security: two states' protection when an unprotected partner spreads the damage.

Each state invests c in protection or not; an unprotected state is breached
directly with probability p and passes the loss L on to its partner with
probability q (Kunreuther & Heal 2003). Both investing is an equilibrium iff
c <= pL, neither investing iff c >= p(1 - q)L; between the two the states must
coordinate, and investing is selected (risk dominance) iff c < pL(1 - q/2).

Run ``python examples/model_interdependence.py [--output DIR] [--dpi N]``; the
figure (``model_interdependence.png``) shows the contagion probabilities and
costs at which both states invest and coordinate on it.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import InterdependentSecurityModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402

NAME = "model_interdependence"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = InterdependentSecurityModel()
    print(render_analysis(model.analyse()))

    print("\nThresholds: both invest iff c <= pL = %s; investing dominant iff c <= p(1 - q)L = %s; "
          "selected iff c < pL(1 - q/2) = %s" % (model.invest_threshold(), model.dominance_threshold(),
                                                 model.selection_threshold()))
    for q in (0, Fraction(1, 4), Fraction(1, 2), 1):
        print(f"  contagion q = {q}: tipping point y* = {model.tipping_point(contagion=q)}, "
              f"dominance threshold {model.dominance_threshold(contagion=q)}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
