"""Bayesian games: finite types through the induced normal form, continuous types through cutoff fixed points.

* :class:`BayesianGame` and :func:`bayesian_nash_equilibria`: Bayesian Nash
  equilibria of finite games, per type (every one for two players).
* :func:`cutoff_equilibria` and :func:`cutoff_comparative_statics`: threshold
  equilibria of games with continuous types as fixed points of best-response
  cutoffs, exact for rational best responses, with their comparative statics.
* :func:`attribution_game`: a two-attacker, one-defender deterrence game with
  imperfect attribution after Baliga, Bueno de Mesquita & Wolitzky (2020).

The maths and sources are in :doc:`/explanation/bayesian-games`.
"""

from .attribution import (AttributionEquilibrium, attribution_best_responses, attribution_comparative_statics,
                          attribution_game)
from .cutoff import CutoffEquilibria, CutoffEquilibrium, cutoff_comparative_statics, cutoff_equilibria
from .finite import BayesianEquilibrium, BayesianGame, bayesian_nash_equilibria

__all__ = [
    "BayesianGame",
    "BayesianEquilibrium",
    "bayesian_nash_equilibria",
    "cutoff_equilibria",
    "cutoff_comparative_statics",
    "CutoffEquilibria",
    "CutoffEquilibrium",
    "attribution_game",
    "attribution_best_responses",
    "attribution_comparative_statics",
    "AttributionEquilibrium",
]
