"""Repeated games: monitoring, automaton strategies, values and sustainable discount factors."""

from ._delta import DELTA
from .automata import Automaton, JointAutomaton
from .builtins import (always_cooperate, always_defect, forgiving_trigger, grim_trigger, limited_punishment,
                       targeted_retaliation, tit_for_tat, trigger_on_signal, win_stay_lose_shift)
from .best import BestEquilibrium, best_equilibrium
from .delta_sets import (DeltaSet, IncentiveConstraint, Interval, critical_discount_factor,
                         sustainable_discount_factors)
from .folk import FolkTheoremConditions, ProfileRanks, folk_theorem_conditions
from .game import RepeatedGame
from .incentives import Deviation, EquilibriumCheck, Violation, check_equilibrium
from .joint import compose
from .monitoring import Monitoring, noisy_attribution, perfect, public_signal
from .nash import NashCheck, check_nash
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
]


def _export_optional(module_name: str) -> None:
    """Re-export the public names of a sibling module if it exists (payoff geometry and payoff sets)."""
    import importlib

    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module_name}":
            raise
        return
    for name in getattr(module, "__all__", ()):
        globals()[name] = getattr(module, name)
        if name not in __all__:
            __all__.append(name)


for _module in ("geometry", "payoff_sets"):
    _export_optional(_module)
del _module
