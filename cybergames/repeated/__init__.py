"""Repeated games: monitoring, automaton strategies, values and sustainable discount factors."""

from ._delta import DELTA
from .automata import Automaton, JointAutomaton
from .community import ContagionConditions, contagion
from .builtins import (always_cooperate, always_defect, forgiving_trigger, grim_trigger, limited_punishment,
                       targeted_retaliation, tit_for_tat, trigger_on_signal, win_stay_lose_shift)
from .best import BestEquilibrium, best_equilibrium
from .delta_sets import (DeltaSet, IncentiveConstraint, Interval, critical_discount_factor,
                         sustainable_discount_factors)
from .folk import FolkTheoremConditions, ProfileRanks, folk_theorem_conditions
from .game import RepeatedGame
from .geometry import (FolkTheoremRegion, IndividuallyRational, Polytope, feasible_payoffs, folk_theorem_region,
                       individually_rational)
from .incentives import Deviation, EquilibriumCheck, Violation, check_equilibrium
from .joint import compose
from .monitoring import Monitoring, noisy_attribution, perfect, public_signal
from .nash import NashCheck, check_nash
from .payoff_sets import (DiscountFactorBracket, EquilibriumPayoffSet, PayoffBound, SymmetricPayoffCurve,
                          best_symmetric_payoff, best_symmetric_payoffs, equilibrium_payoff_set,
                          min_discount_factor_for_payoff, most_cooperative_payoff)
from .play import Path, Play, play, simulate
from .symbolic import DeltaCondition
from .values import Values, values
from . import verification as _verification  # noqa: F401  (registers verify() checkers)

__all__ = [
    "Monitoring", "perfect", "noisy_attribution", "public_signal", "RepeatedGame",
    "Automaton", "JointAutomaton", "compose",
    "always_cooperate", "always_defect", "grim_trigger", "tit_for_tat", "win_stay_lose_shift",
    "limited_punishment", "forgiving_trigger", "trigger_on_signal",
    "Values", "values", "Path", "Play", "play", "simulate",
    "Deviation", "Violation", "EquilibriumCheck", "check_equilibrium", "NashCheck", "check_nash",
    "DELTA", "Interval", "IncentiveConstraint", "DeltaSet", "DeltaCondition",
    "sustainable_discount_factors", "critical_discount_factor",
    "targeted_retaliation", "folk_theorem_conditions", "FolkTheoremConditions", "ProfileRanks",
    "best_equilibrium", "BestEquilibrium",
    "Polytope", "IndividuallyRational", "FolkTheoremRegion", "feasible_payoffs",
    "individually_rational", "folk_theorem_region",
    "EquilibriumPayoffSet", "equilibrium_payoff_set", "DiscountFactorBracket", "PayoffBound",
    "min_discount_factor_for_payoff", "best_symmetric_payoff", "most_cooperative_payoff",
    "SymmetricPayoffCurve", "best_symmetric_payoffs",
    "ContagionConditions", "contagion",
]

