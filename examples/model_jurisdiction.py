"""Legal and jurisdictional complexity: when does a host state prosecute the attackers it harbours?

A host state prosecutes or harbours attackers on its territory; the victim
cooperates or sanctions. Harbouring is detected and attributed with
probability pi; after a detected harbouring both switch to mutual defection
for ever. Prosecution is sustained iff
delta pi (v + s - b - c_p) >= (1 - delta)(b + c_p): the enforcement
probability and the sanction are the remedies (mutual legal assistance,
Budapest Convention arts. 23-35; Maurer 2018 on cyber proxies).

Run ``python examples/model_jurisdiction.py [--output DIR] [--dpi N]``; the
figure (``model_jurisdiction.png``) shows the enforcement probabilities and
sanctions that sustain prosecution, at several discount factors.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402

from cybergames.figures import example_arguments, model_figure, save_figure  # noqa: E402
from cybergames.report import render_analysis  # noqa: E402
from cybergames.models import JurisdictionModel  # noqa: E402

NAME = "model_jurisdiction"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    model = JurisdictionModel()
    analysis = model.analyse()
    print(render_analysis(analysis))

    print("\nThresholds at the model's parameters:")
    print(f"  critical discount factor {model.critical_discount_factor()}, minimal enforcement probability "
          f"{model.minimal_enforcement()}, minimal sanction {model.minimal_sanction()}")
    for pi in (Fraction(1, 5), Fraction(1, 4), Fraction(1, 2)):
        print(f"  enforcement {pi}: critical discount factor {model.critical_discount_factor(enforcement=pi)}")

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    model_figure(model, ax=ax)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
