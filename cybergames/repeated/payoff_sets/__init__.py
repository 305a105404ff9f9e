"""Equilibrium payoff sets of repeated games, bracketed from outside and inside.

Modules: :mod:`.result` (the result and :func:`equilibrium_payoff_set`),
:mod:`.stage` (the stage game as float arrays), :mod:`.polygon` (the exact
operator on polygons under perfect monitoring), :mod:`.projection` (the exact
operator on polygons under public monitoring, edge by edge, with the simplex
of :mod:`._simplex`), :mod:`.hyperplane` (supporting
hyperplanes under public monitoring), :mod:`.verify` (the one-LP-per-vertex
check) and :mod:`.derived` (thresholds and best payoffs read off a set).
"""

from .result import EquilibriumPayoffSet, equilibrium_payoff_set
from .derived import (DiscountFactorBracket, PayoffBound, SymmetricPayoffCurve, best_symmetric_payoff,
                      best_symmetric_payoffs, min_discount_factor_for_payoff, most_cooperative_payoff)

__all__ = ["EquilibriumPayoffSet", "equilibrium_payoff_set", "DiscountFactorBracket", "PayoffBound",
           "min_discount_factor_for_payoff", "best_symmetric_payoff", "most_cooperative_payoff",
           "SymmetricPayoffCurve", "best_symmetric_payoffs"]
