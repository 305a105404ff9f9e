"""Learning and evolutionary dynamics, and stochastic stability.

* :func:`replicator_dynamics`, :func:`asymmetric_replicator_dynamics`,
  :func:`best_response_dynamics` and :func:`logit_dynamics`: deterministic
  dynamics on mixed actions, in continuous time (``scipy.integrate.solve_ivp``)
  or, for best-response and logit dynamics, in discrete time; results are
  :class:`Trajectory` objects.
* :func:`fictitious_play`: deterministic and stochastic fictitious play.
* :func:`fixation_probability` (exact), :func:`moran_process` and
  :func:`simulate_fixation`: the Moran process in a finite population.
* :func:`kmr` and :func:`adaptive_play`: the perturbed Markov chains of
  Kandori–Mailath–Rob and Young; :func:`stochastically_stable` finds their
  stochastically stable states exactly (least-cost trees, with Ellison's
  radius and coradius), :func:`stationary_distribution` the stationary
  distribution at a given mutation rate (exact for a rational one).
"""

from .fictitious import FictitiousPlay, fictitious_play
from .moran import Fixation, FixationEstimate, MoranRun, fixation_probability, moran_process, simulate_fixation
from .stability import (PerturbedChain, StationaryDistribution, StochasticStability, adaptive_play, kmr,
                        stationary_distribution, stochastically_stable)
from .trajectories import (Trajectory, asymmetric_replicator_dynamics, best_response_dynamics, logit_dynamics,
                           replicator_dynamics)

__all__ = [
    "Trajectory",
    "replicator_dynamics",
    "asymmetric_replicator_dynamics",
    "best_response_dynamics",
    "logit_dynamics",
    "FictitiousPlay",
    "fictitious_play",
    "Fixation",
    "fixation_probability",
    "MoranRun",
    "moran_process",
    "FixationEstimate",
    "simulate_fixation",
    "PerturbedChain",
    "kmr",
    "adaptive_play",
    "StochasticStability",
    "stochastically_stable",
    "StationaryDistribution",
    "stationary_distribution",
]
