"""Finitely repeated games and reputation.

* :func:`finite_horizon_equilibria`, :func:`last_sustainable_period`,
  :func:`subgame_perfect_paths`, :func:`is_subgame_perfect_path`: every pure
  subgame-perfect path of a finitely repeated game by backward induction, and
  how long a profile such as cooperation can be sustained when the stage game
  has several equilibria (Benoit–Krishna 1985); :func:`benoit_krishna_condition`
  gives the condition of the classic construction in symbols.
* :func:`chain_store`: the Kreps–Wilson (1982) sequential equilibrium of the
  finite chain store with a tough incumbent: entry and fight probabilities and
  the reputation path, exact for exact input; :func:`deterrence_threshold`.
* :func:`tit_for_tat_reputation`, :func:`cooperation_prior_threshold`: rational
  cooperation in the finitely repeated prisoner's dilemma with a tit-for-tat
  type (Kreps, Milgrom, Roberts & Wilson 1982): the sequential equilibrium in
  which both cooperate until two periods from the end, and the prior it needs;
  :func:`kmrw_equilibrium` computes a sequential equilibrium at any prior (with
  mixing below the threshold) and its reputation path, and
  :func:`noncooperation_bound` the number of final periods without sure
  cooperation, which does not grow with the horizon.
* :func:`fudenberg_levine_bound`: the Fudenberg–Levine (1989) lower bound on a
  long-run player's payoff from a commitment action.

The maths and sources are in :doc:`/explanation/reputation`.
"""

from .chain_store import (ChainStoreEquilibrium, ChainStorePeriod, chain_store, chain_store_behaviour,
                          deterrence_threshold)
from .commitment import ReputationBound, fudenberg_levine_bound
from .kmrw import (CooperationPeriod, TitForTatReputation, cooperation_prior_threshold,
                          tit_for_tat_reputation)
from .kmrw_mixed import MixedReputation, ReputationState, kmrw_equilibrium, noncooperation_bound
from .finite_horizon import (FiniteHorizonGame, StageEquilibrium, SustainedProfile, benoit_krishna_condition,
                             finite_horizon_equilibria, is_subgame_perfect_path, last_sustainable_period,
                             subgame_perfect_paths)

__all__ = [
    "chain_store",
    "chain_store_behaviour",
    "deterrence_threshold",
    "ChainStoreEquilibrium",
    "ChainStorePeriod",
    "fudenberg_levine_bound",
    "ReputationBound",
    "finite_horizon_equilibria",
    "last_sustainable_period",
    "subgame_perfect_paths",
    "is_subgame_perfect_path",
    "benoit_krishna_condition",
    "FiniteHorizonGame",
    "SustainedProfile",
    "StageEquilibrium",
    "tit_for_tat_reputation",
    "cooperation_prior_threshold",
    "TitForTatReputation",
    "CooperationPeriod",
    "kmrw_equilibrium",
    "noncooperation_bound",
    "MixedReputation",
    "ReputationState",
]
