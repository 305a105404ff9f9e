"""Security investment: how much protecting an information set pays (Gordon & Loeb 2002).

A breach happens with probability v without investment and costs L; investing z
lowers the breach probability to v/(alpha z + 1)^beta (Gordon & Loeb's class I).
The optimal investment is z* = ((v beta alpha L)^(1/(beta + 1)) - 1)/alpha when
v beta alpha L > 1, else 0, and never more than 1/e of the expected loss vL
(Gordon and Loeb 2002). Capacity building raises the productivity alpha.

Run ``python examples/model_investment.py [--output DIR] [--dpi N]``; the
figure (``model_investment.png``) shows the vulnerabilities and losses at which
investing pays, at the model's productivity and at half and double it.
"""

from __future__ import annotations

import math
from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.models import SecurityInvestmentModel  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.security import gordon_loeb  # noqa: E402

NAME = "model_investment"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = SecurityInvestmentModel()
    print(render_analysis(model.analyse()))

    print("\nOptimal investment and its share of the expected loss (1/e = %.4f):" % (1 / math.e))
    for v in (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)):
        print(f"  class I, v = {v}: z* = {float(model.optimal_investment(vulnerability=v)):.4f}, "
              f"share {float(model.share_of_expected_loss(vulnerability=v)):.4f}")
    for v in (0.5, 0.8, 0.95):
        result = gordon_loeb(v, 10.0, 1.0, kind="II")
        print(f"  class II (alpha = 1, L = 10), v = {v}: z* = {result.investment:.4f}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
