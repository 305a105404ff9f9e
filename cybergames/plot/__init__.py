"""Matplotlib figures (an optional dependency: ``pip install cybergames[plot]``).

Each function draws on a given ``matplotlib.axes.Axes`` (``ax=``) or on a new
figure, and returns the :class:`matplotlib.figure.Figure`; none calls
``plt.show()``. Every figure has labelled axes, a legend and a title.

* payoff sets: :func:`plot_payoff_sets`, and the best symmetric payoff
  against the discount factor: :func:`plot_best_symmetric_payoffs`;
* sustainability regions over two parameters: :func:`plot_region`, and exact
  sets of discount factors: :func:`plot_delta_sets`;
* signalling: :func:`plot_belief_sets`, :func:`plot_equilibrium_outcomes`,
  :func:`plot_partitions` (with :func:`equilibrium_outcome`);
* dynamics: :func:`plot_trajectories` (paths on the simplex, the square or against time).
"""

from ._dynamics import plot_trajectories
from ._payoff_sets import plot_best_symmetric_payoffs, plot_payoff_sets
from ._regions import plot_delta_sets, plot_region
from ._signalling import equilibrium_outcome, plot_belief_sets, plot_equilibrium_outcomes, plot_partitions

__all__ = ["plot_payoff_sets", "plot_best_symmetric_payoffs", "plot_region", "plot_delta_sets", "plot_belief_sets",
           "plot_equilibrium_outcomes", "plot_partitions", "equilibrium_outcome"]
__all__ += ["plot_trajectories"]
