"""Which norm survives when states learn and err: replicator paths, KMR stochastic stability, Moran fixation.

States choose between adopting a demanding cyber norm (Stag: best if all adopt)
and going it alone (Hare: safe), a stag hunt with Skyrms' payoffs T, R, P, S =
3, 4, 3, 0. Adoption is payoff dominant, going it alone risk dominant. Among
10 states that best respond and occasionally err (Kandori, Mailath & Rob
1993), 3 errors tip universal adoption into universal defection, but 8 are
needed back: defection is stochastically stable, and the stationary
distribution puts almost all its mass there as errors become rare. The
example also draws replicator paths in a coordination game with three norms
and the exact Moran fixation probability of a fitter mutant norm
(1 - 1/r)/(1 - 1/r^N), against simulation.

Run ``python examples/evolutionary_dynamics.py [--output DIR] [--dpi N]``.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # write files only; never open a window
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from cybergames import payoff_dominant, risk_dominant, stag_hunt, symmetric_game  # noqa: E402
from cybergames.dynamics import (fixation_probability, kmr, replicator_dynamics, simulate_fixation,  # noqa: E402
                                 stationary_distribution, stochastically_stable)
from cybergames.figures import example_arguments, save_figure  # noqa: E402
from cybergames.plot import plot_trajectories  # noqa: E402

NAME = "evolutionary_dynamics"


def main(argv=None):
    args = example_arguments(__file__, __doc__, argv)
    game = stag_hunt()
    print(f"risk dominant: {risk_dominant(game).selected}; payoff dominant: {payoff_dominant(game).selected}")
    chain = kmr(game, 10)
    result = stochastically_stable(chain)
    (_, up), (down, _) = result.resistances
    print(f"KMR, N = 10: all-Stag -> all-Hare needs {up} mutations, all-Hare -> all-Stag needs {down}")
    print(f"stochastically stable: {chain.label(result.classes[result.stable[0]][0])}; "
          f"radius {result.radius[1]} > coradius {result.coradius[1]}: {result.ellison == 1}")
    small = kmr(game, 6)
    for d in (10, 100, 1000):
        mass = stationary_distribution(small, Fraction(1, d)).class_mass[1]
        print(f"N = 6, epsilon = 1/{d}: stationary probability of all-Hare {float(mass):.6f}")
    print(f"Moran, mutant fitness 2, N = 3: fixation probability "
          f"{fixation_probability(symmetric_game([[2, 2], [1, 1]]), 3).probability}")

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6), layout="constrained")
    norms = symmetric_game([[3, 0, 0], [0, 2, 0], [0, 0, 1]], ["norm A", "norm B", "norm C"])
    starts = [(0.2, 0.45, 0.35), (0.3, 0.5, 0.2), (0.15, 0.3, 0.55), (0.34, 0.33, 0.33), (0.1, 0.6, 0.3),
              (0.25, 0.2, 0.55)]
    paths = [replicator_dynamics(norms, list(x), horizon=15, step=0.05) for x in starts]
    plot_trajectories(paths, ax=axes[0], title="replicator dynamics: three norms (payoffs 3, 2, 1)")

    epsilons = np.logspace(-3.5, -0.5, 25)
    for n in (4, 6, 10):
        chain_n = kmr(game, n)
        masses = np.array([stationary_distribution(chain_n, float(e)).class_mass for e in epsilons])
        axes[1].plot(epsilons, masses[:, 1], label=f"all-Hare, N = {n}")
        axes[1].plot(epsilons, masses[:, 0], ls="--", color=axes[1].lines[-1].get_color(), label=f"all-Stag, N = {n}")
    axes[1].set_xscale("log")
    axes[1].set_xlabel("mutation rate epsilon")
    axes[1].set_ylabel("stationary probability")
    axes[1].set_title("KMR: the risk-dominant state is stochastically stable")
    axes[1].legend(fontsize=8)

    sizes = np.arange(2, 31)
    r = Fraction(11, 10)
    fitter = symmetric_game([[r, r], [1, 1]])
    axes[2].plot(sizes, [float(fixation_probability(fitter, int(n)).probability) for n in sizes],
                 label="exact, mutant fitness r = 1.1")
    axes[2].plot(sizes, 1 / sizes, "k--", label="neutral drift 1/N")
    shown = sizes[::4]
    estimates = [simulate_fixation(fitter, int(n), repetitions=400, seed=int(n)) for n in shown]
    axes[2].errorbar(shown, [e.probability for e in estimates], yerr=[2 * e.standard_error for e in estimates],
                     fmt="o", ms=4, label="simulated (400 runs, 2 s.e.)")
    axes[2].set_xlabel("population size N")
    axes[2].set_ylabel("fixation probability of one mutant")
    axes[2].set_title("Moran process: (1 - 1/r)/(1 - 1/r^N)")
    axes[2].legend(fontsize=8)
    return save_figure(fig, args, NAME)


if __name__ == "__main__":
    main()
