"""Extensive-form games: trees with information sets, backward induction and sequence-form equilibria.

:class:`ExtensiveGame` holds a finite game tree (decision and chance nodes,
information sets, exact, float or symbolic payoffs), built from nested Python
structures (:func:`decision`, :func:`chance`) or from a function of the
history, and read from Gambit ``.efg`` files (:func:`read_efg`). It converts
to the reduced strategic form and to the sequence form. Assessments are
checked for sequential rationality and Kreps–Wilson consistency
(:func:`check_assessment`), and :func:`sequential_equilibria` finds the pure
sequential equilibria of small trees with their consistent belief sets.
"""

from .backward import subgame_perfect_equilibria
from .behaviour import ExtensiveEquilibria, ExtensiveEquilibrium
from .efg import read_efg, write_efg
from .forms import SequenceForm, reduced_normal_form, reduced_strategies, sequence_form
from .sequential import (AssessmentCheck, TreeBeliefSet, WeakPBE, check_assessment,
                         weak_perfect_bayesian_equilibria)
from .sequence import sequence_form_equilibria
from .game import ExtensiveGame, Infoset, Node, chance, decision
from .kreps_wilson import ConsistentBeliefSet, SequentialEquilibrium, sequential_equilibria

__all__ = [
    "ExtensiveGame",
    "Infoset",
    "Node",
    "decision",
    "chance",
    "reduced_normal_form",
    "reduced_strategies",
    "sequence_form",
    "SequenceForm",
    "read_efg",
    "write_efg",
    "subgame_perfect_equilibria",
    "sequence_form_equilibria",
    "ExtensiveEquilibrium",
    "ExtensiveEquilibria",
    "check_assessment",
    "weak_perfect_bayesian_equilibria",
    "AssessmentCheck",
    "TreeBeliefSet",
    "WeakPBE",
    "sequential_equilibria",
    "SequentialEquilibrium",
    "ConsistentBeliefSet",
]
