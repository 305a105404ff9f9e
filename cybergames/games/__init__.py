"""Stage games: :class:`NormalFormGame` and the classic games."""

from .classic import (battle_of_the_sexes, chicken, matching_pennies, prisoners_dilemma, public_goods,
                      stag_hunt, symmetric_game, trust_game)
from ._construction import AmbiguousLayoutWarning
from .generators import (blotto_game, covariance_game, random_game, ranking_game, sgc_game,
                         unit_vector_game)
from .normal_form import NormalFormGame
from .predicates import (is_chicken, is_coordination_game, is_prisoners_dilemma, is_public_goods_game,
                         is_stag_hunt, is_symmetric, is_zero_sum)

__all__ = [
    "NormalFormGame",
    "prisoners_dilemma",
    "stag_hunt",
    "chicken",
    "battle_of_the_sexes",
    "matching_pennies",
    "trust_game",
    "public_goods",
    "symmetric_game",
    "is_symmetric",
    "is_zero_sum",
    "is_prisoners_dilemma",
    "is_stag_hunt",
    "is_chicken",
    "is_coordination_game",
    "is_public_goods_game",
    "AmbiguousLayoutWarning",
    "random_game",
    "covariance_game",
    "unit_vector_game",
    "ranking_game",
    "sgc_game",
    "blotto_game",
]
