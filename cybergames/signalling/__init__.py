"""Signalling games: perfect Bayesian equilibria, refinements, cheap talk and disclosure.

:class:`SignallingGame` describes a finite sender-receiver game;
:func:`perfect_bayesian_equilibria` lists its pure (and, with two types,
semi-separating) perfect Bayesian equilibria with exact off-path belief sets;
:func:`intuitive_criterion` and :func:`d1` test the Cho–Kreps refinements;
:func:`pbe_conditions` gives the symbolic conditions for a profile;
:func:`crawford_sobel` gives the partition equilibria of uniform-quadratic
cheap talk; :func:`verifiable_disclosure` builds the disclosure game whose
equilibria unravel; :func:`to_efg` writes a game for Gambit.
"""

from . import verification as _verification  # noqa: F401  (registers verify(PBE))
from ._frozen import FrozenMap
from .beliefs import BeliefSet
from .cheap_talk import (PartitionEquilibrium, cheap_talk_game, crawford_sobel, max_intervals,
                         partition_boundaries, uniform_quadratic_cheap_talk)
from .classic import beer_quiche, spence_job_market
from .conditions import pbe_conditions
from .disclosure import verifiable_disclosure
from .gambit import to_efg, write_efg
from .game import SignallingGame
from .hybrid import hybrid_equilibria
from .pbe import PBE, perfect_bayesian_equilibria
from .refinements import Break, Refinement, d1, intuitive_criterion

__all__ = [
    "SignallingGame",
    "PBE",
    "BeliefSet",
    "FrozenMap",
    "perfect_bayesian_equilibria",
    "hybrid_equilibria",
    "pbe_conditions",
    "intuitive_criterion",
    "d1",
    "Refinement",
    "Break",
    "crawford_sobel",
    "PartitionEquilibrium",
    "max_intervals",
    "partition_boundaries",
    "cheap_talk_game",
    "uniform_quadratic_cheap_talk",
    "verifiable_disclosure",
    "beer_quiche",
    "spence_job_market",
    "to_efg",
    "write_efg",
]
