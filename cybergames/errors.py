"""The errors cybergames raises on input that does not describe a valid model.

Every class is a :class:`ValueError`, so ``except ValueError`` keeps working in
code that predates this module. Each message names the argument, what was
expected and what came.

>>> from cybergames import NormalFormGame
>>> from cybergames.errors import GameError
>>> try:
...     NormalFormGame([[1, 2], [3]])
... except GameError as exc:
...     print(type(exc).__name__)
GameError
"""

from __future__ import annotations

import hypothesis.errors

__all__ = [
    "CybergamesError",
    "GameError",
    "ProbabilityError",
    "DiscountFactorError",
    "AutomatonError",
    "MonitoringError",
    "SignallingGameError",
    "FormatError",
    "ParameterError",
    "StrategyArgumentError",
    "ExtensiveGameError",
    "PerfectRecallError",
]


class CybergamesError(ValueError):
    """The input does not describe a valid model; the base of every cybergames error."""


class GameError(CybergamesError):
    """A stage game is malformed or unsuitable.

    Raised for payoff arrays of the wrong shape, non-finite or non-numeric
    entries, duplicate or unknown action labels, empty action sets, payoffs that
    break a classic game's defining inequalities, and a symbolic game passed to
    a solver that needs numbers.
    """


class ProbabilityError(CybergamesError):
    """A probability is negative or above one, or a distribution does not sum to one."""


class DiscountFactorError(CybergamesError):
    """A discount factor lies outside ``[0, 1)``."""


class AutomatonError(CybergamesError):
    """An automaton refers to a missing state, action or signal, or does not fit its game."""


class MonitoringError(CybergamesError):
    """A monitoring structure names unknown signals or action profiles, or misses some."""


class SignallingGameError(CybergamesError):
    """A signalling game's types, messages, actions or payoff tables are malformed."""


class FormatError(CybergamesError):
    """A file or document is malformed; the message names the line or field."""


class ParameterError(CybergamesError):
    """A model, sweep or report parameter has the wrong type or lies out of range."""


class StrategyArgumentError(CybergamesError, hypothesis.errors.InvalidArgument):
    """A hypothesis strategy in ``cybergames.strategies`` got an invalid argument.

    It is both a :class:`CybergamesError` and Hypothesis's ``InvalidArgument``, so
    either ``except`` clause catches it.
    """


class ExtensiveGameError(GameError):
    """A game tree is malformed: a node of the wrong shape, a cycle, an information set
    that mixes players or action sets, or payoffs of the wrong length."""


class PerfectRecallError(ExtensiveGameError):
    """A solver that needs perfect recall got a game in which some player forgets her own moves."""
