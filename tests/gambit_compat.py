"""pygambit 16 and 17 side by side, for the tests that cross-check against Gambit.

pygambit 16 builds a table with ``Game.from_arrays`` and indexes profiles by
strategy objects; pygambit 17 builds it with ``StrategicGame.from_arrays`` and
addresses players and strategies by label. The tests call these helpers only.
"""

from fractions import Fraction

import numpy as np

from .optional import needs_pygambit  # noqa: F401  (re-exported for the tests that use both)

try:
    import pygambit
except ImportError:                                  # the crosscheck extra is not installed
    pygambit = None

LABELS_API = hasattr(pygambit, "StrategicGame")      # pygambit 17


def strategic(*arrays):
    """A pygambit strategic game with the given payoff arrays (players and strategies "1", "2", ...)."""
    maker = pygambit.StrategicGame if LABELS_API else pygambit.Game
    return maker.from_arrays(*arrays)


def mixed_profiles(game, result, convert=float):
    """The equilibria of a pygambit ``NashResult``, each a tuple of per-player probability lists."""
    if LABELS_API:
        players = list(game.players)
        return [tuple([convert(eq[p][s]) for s in game.get_strategies(p)] for p in players)
                for eq in result.equilibria]
    return [tuple([convert(eq[s]) for s in player.strategies] for player in game.players)
            for eq in result.equilibria]


def enummixed(arrays, rational):
    """Gambit's ``enummixed_solve`` on a two-player game, exact (Fractions) or in floats."""
    game = strategic(*arrays)
    result = pygambit.nash.enummixed_solve(game, rational=rational)
    return mixed_profiles(game, result, (lambda v: Fraction(str(v))) if rational else float)


def null_table(shape):
    """A table game whose every contingency has the null outcome."""
    return pygambit.StrategicGame(list(shape)) if LABELS_API else pygambit.Game.new_table(list(shape))


def as_object(array):
    return np.asarray(array).astype(object)


def node_count(game):
    """How many nodes an extensive game has."""
    return len(game.get_histories(pygambit.H.after())) if LABELS_API else len(list(game.nodes))


def infoset_counts(game):
    """How many information sets each personal player has, in player order."""
    if LABELS_API:
        return [len(game.get_infosets(p)) for p in game.players]
    return [len(p.infosets) for p in game.players]


def root_chance_probabilities(game):
    """The probabilities of the root chance move's actions, in action order."""
    if LABELS_API:
        return list(game.get_action_probs(pygambit.H.path()).values())
    return [a.prob for a in game.root.infoset.actions]


def pure_agent_equilibria(game):
    """Gambit's pure agent-form equilibria, each a mapping (player, infoset key) -> action label.

    The key of an information set is its label in pygambit 16, and in pygambit 17
    the label of the last action on the path to its first member; the signalling
    games' .efg files label each information set by exactly that action (the
    sender's by the type, the receiver's by the message).
    """
    found = []
    for profile in pygambit.nash.enumpure_agent_solve(game).equilibria:
        chosen = {}
        if LABELS_API:
            for player in game.players:
                for history, mixed in profile[player]:      # (first member's history, action -> prob)
                    action = next(label for label, prob in mixed if prob == 1)  # (label, probability) pairs
                    chosen[(player, history[-1].action)] = action
        else:
            for infoset in game.infosets:
                action = next(a for a in infoset.actions if profile[a] == 1)
                chosen[(infoset.player.label, infoset.label)] = action.label
        found.append(chosen)
    return found


def support_labels(game, support):
    """A pygambit strategy support profile as per-player lists of strategy labels, in player order."""
    if LABELS_API:
        return [list(labels) for labels in support]
    players = [p.label for p in game.players]
    return [[s.label for s in support if s.player.label == p] for p in players]
