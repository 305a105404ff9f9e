"""Signalling games: perfect Bayesian equilibria, refinements, cheap talk and disclosure.

:class:`SignallingGame` describes a finite sender-receiver game;
:func:`perfect_bayesian_equilibria` lists its pure (and, with two types,
semi-separating) perfect Bayesian equilibria with exact off-path belief sets;
:func:`intuitive_criterion` and :func:`d1` test the Cho–Kreps refinements;
:func:`crawford_sobel` gives the partition equilibria of uniform-quadratic
cheap talk; :func:`verifiable_disclosure` builds the disclosure game whose
equilibria unravel.
"""

from ._frozen import FrozenMap
from .beliefs import BeliefSet
from .classic import beer_quiche, spence_job_market
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
    "intuitive_criterion",
    "d1",
    "Refinement",
    "Break",
    "beer_quiche",
    "spence_job_market",
]
