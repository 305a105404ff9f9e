"""Stage games: :class:`NormalFormGame` and the classic games."""

from .classic import (battle_of_the_sexes, chicken, matching_pennies, prisoners_dilemma, public_goods,
                      stag_hunt, symmetric_game, trust_game)
from .normal_form import NormalFormGame

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
]
