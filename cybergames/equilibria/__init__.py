"""Stage-game solvers: Nash equilibria, minmax and maxmin values, equilibrium selection.

* :func:`nash_equilibria`: every equilibrium of a two-player game (by vertex
  enumeration, exact for exact games), the pure equilibria of other games;
  results are :class:`Equilibrium` objects in an :class:`EquilibriumSet`.
* :func:`pure_equilibria`: the pure equilibria of any game, vectorised.
* :func:`minmax` and :func:`maxmin`: punishment and security values by linear
  programming (exact for exact games).
* :func:`risk_dominant` and :func:`payoff_dominant`: Harsanyi–Selten selection
  between the two strict equilibria of a 2x2 game.
* :func:`iterated_elimination`: iterated removal of strictly or weakly
  dominated actions (by pure or mixed actions), certified.
* :func:`correlated_equilibria`: the (coarse) correlated equilibrium best for
  an objective, exactly by linear programming, and the polytope's vertices.
* :func:`persuasion`: the sender's optimal signal in Bayesian persuasion, by
  linear programming or (two states) concavification, exact.
* :func:`lemke_howson` and :func:`lemke_howson_equilibria`: one equilibrium
  of a two-player game fast, by complementary pivoting (exact for exact games).
* :func:`logit_branch`, :func:`qre_at` and :func:`fit_logit`: logit quantal
  response equilibria by path following, and the maximum-likelihood precision
  for observed play.
* :func:`support_enumeration` and :func:`approximate_equilibria`: all
  equilibria of a small game with any number of players, exactly, and some
  equilibria of a larger one by logit paths.
"""

from .dominance import PayoffDominance, RiskDominance, payoff_dominant, risk_dominant
from .correlated import CorrelatedEquilibrium, correlated_equilibria
from .elimination import ReducedGame, Removal, iterated_elimination
from .pivoting import lemke_howson, lemke_howson_equilibria
from .quantal import LogitBranch, LogitQRE, logit_branch, qre_at
from .quantal_fit import LogitFit, fit_logit
from .information_design import Persuasion, persuasion
from .minmax_values import MaxminResult, MinmaxResult, maxmin, minmax
from .nash import nash_equilibria
from .nplayer import EquilibriumContinuum, approximate_equilibria, support_enumeration
from .pure import pure_equilibria
from .result import Equilibrium, EquilibriumSet, NashSubset

__all__ = [
    "nash_equilibria",
    "pure_equilibria",
    "Equilibrium",
    "EquilibriumSet",
    "NashSubset",
    "minmax",
    "maxmin",
    "MinmaxResult",
    "MaxminResult",
    "risk_dominant",
    "payoff_dominant",
    "RiskDominance",
    "PayoffDominance",
    "iterated_elimination",
    "ReducedGame",
    "Removal",
    "correlated_equilibria",
    "CorrelatedEquilibrium",
    "persuasion",
    "Persuasion",
    "lemke_howson",
    "lemke_howson_equilibria",
    "logit_branch",
    "qre_at",
    "LogitQRE",
    "LogitBranch",
    "fit_logit",
    "LogitFit",
    "support_enumeration",
    "approximate_equilibria",
    "EquilibriumContinuum",
]
