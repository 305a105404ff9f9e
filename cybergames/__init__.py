"""cybergames: the game theory of international cyber cooperation.

Stage games and their equilibria, repeated games with perfect or noisy public
monitoring and the exact conditions under which cooperation is sustainable,
signalling games, and models of the seven obstacles to cyber cooperation.

Every name of the public API is importable from here:

>>> from cybergames import prisoners_dilemma
>>> prisoners_dilemma(T=5, R=3, P=1, S=0).payoff(("D", "C"))
(5, 0)

Names are loaded on first use (:pep:`562`), so ``import cybergames`` does not
pay for numpy, sympy, scipy or hypothesis until a name that needs them is
looked up.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import errors

__version__ = "0.1.0"

#: submodule -> the public names it exports at the top level. A name added to a
#: subpackage's ``__all__`` is added here too (tests/test_public_api.py checks).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "_verify": ("verify", "Verification"),
    "games": (
        "NormalFormGame", "prisoners_dilemma", "stag_hunt", "chicken", "battle_of_the_sexes",
        "matching_pennies", "trust_game", "public_goods", "symmetric_game", "is_symmetric", "is_zero_sum",
        "is_prisoners_dilemma", "is_stag_hunt", "is_chicken", "is_coordination_game", "is_public_goods_game",
        "AmbiguousLayoutWarning",
        "random_game", "covariance_game", "unit_vector_game", "ranking_game", "sgc_game", "blotto_game",
    ),
    "equilibria": (
        "nash_equilibria", "pure_equilibria", "Equilibrium", "EquilibriumSet", "NashSubset", "minmax",
        "maxmin", "MinmaxResult", "MaxminResult", "risk_dominant", "payoff_dominant", "RiskDominance",
        "PayoffDominance", "iterated_elimination", "ReducedGame", "Removal", "correlated_equilibria",
        "CorrelatedEquilibrium", "persuasion", "Persuasion", "lemke_howson", "lemke_howson_equilibria",
        "logit_branch", "qre_at", "LogitQRE", "LogitBranch", "fit_logit", "LogitFit",
        "support_enumeration", "approximate_equilibria", "EquilibriumContinuum",
    ),
    "repeated": (
        "Monitoring", "perfect", "noisy_attribution", "public_signal", "RepeatedGame", "Automaton",
        "JointAutomaton", "compose", "always_cooperate", "always_defect", "grim_trigger", "tit_for_tat",
        "win_stay_lose_shift", "limited_punishment", "forgiving_trigger", "trigger_on_signal", "Values",
        "values", "Path", "Play", "play", "simulate", "Deviation", "Violation", "EquilibriumCheck",
        "check_equilibrium", "NashCheck", "check_nash", "DELTA", "Interval", "IncentiveConstraint",
        "DeltaSet", "DeltaCondition", "sustainable_discount_factors", "critical_discount_factor",
        "Polytope", "IndividuallyRational", "FolkTheoremRegion", "feasible_payoffs",
        "individually_rational", "folk_theorem_region", "EquilibriumPayoffSet", "equilibrium_payoff_set",
        "DiscountFactorBracket", "PayoffBound", "min_discount_factor_for_payoff", "best_symmetric_payoff",
        "most_cooperative_payoff", "targeted_retaliation", "folk_theorem_conditions", "FolkTheoremConditions",
        "ProfileRanks", "best_equilibrium", "BestEquilibrium", "SymmetricPayoffCurve", "best_symmetric_payoffs",
        "ContagionConditions", "contagion",
    ),
    "signalling": (
        "SignallingGame", "PBE", "BeliefSet", "FrozenMap", "perfect_bayesian_equilibria",
        "hybrid_equilibria", "pbe_conditions", "intuitive_criterion", "d1", "Refinement", "Break",
        "crawford_sobel", "PartitionEquilibrium", "max_intervals", "partition_boundaries",
        "cheap_talk_game", "uniform_quadratic_cheap_talk", "verifiable_disclosure", "beer_quiche",
        "spence_job_market", "to_efg", "write_efg",
    ),
    "extensive": ("subgame_perfect_equilibria", "sequence_form_equilibria"),
}

_LAZY: dict[str, str] = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = ["errors", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:  # a subpackage such as cybergames.models, as after an eager import
        if name.startswith("_"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        try:
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
