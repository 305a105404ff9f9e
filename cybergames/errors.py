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

import difflib
import re
from typing import Any, Iterable

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
    "SweepInterruptedError",
    "SolverError",
]


class CybergamesError(ValueError):
    """The input does not describe a valid model; the base of every cybergames error.

    Numbers in the message read as users write them (``3/2``, not
    ``Fraction(3, 2)``): see ``shown``.
    """

    def __init__(self, *args: Any) -> None:
        if args and isinstance(args[0], str):
            args = (_plain(args[0]), *args[1:])
        super().__init__(*args)


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


class ExtensiveGameError(GameError):
    """A game tree is malformed: a node of the wrong shape, a cycle, an information set
    that mixes players or action sets, or payoffs of the wrong length."""


class PerfectRecallError(ExtensiveGameError):
    """A solver that needs perfect recall got a game in which some player forgets her own moves."""


class SweepInterruptedError(CybergamesError):
    """A sweep lost points because a worker died (a broken process pool, a killed Dask worker).

    Attributes
    ----------
    table : SweepTable
        The points that finished, in grid order, with their results.
    lost : tuple of dict
        The parameter points that were lost, in grid order; sweep them again
        with ``sweep(func, error.lost, executor)``.
    """

    def __init__(self, message: str, table: Any = None, lost: tuple = ()) -> None:
        super().__init__(message)
        self.table = table
        self.lost = tuple(lost)


class SolverError(CybergamesError, ArithmeticError):
    """A solver could not finish on a game it accepted.

    Raised when a numerical path is lost (a float Lemke–Howson path whose exact
    re-run exceeds its bound, a logit QRE branch whose step length collapses),
    when the sign of an algebraic number cannot be decided, or when an internal
    consistency check fails (a bug: please report the game). The message names
    the step that failed and what to try instead (exact payoffs, another
    starting label, a smaller precision). It is also an :class:`ArithmeticError`,
    so code that caught the arithmetic failure before keeps working.
    """


def _strategy_argument_error() -> type:
    """Build :class:`StrategyArgumentError` on first use, so importing this module stays cheap.

    The class is both a :class:`CybergamesError` and Hypothesis's
    ``InvalidArgument`` (when Hypothesis is installed), so either ``except``
    clause catches it. Hypothesis costs about 0.3 s to import; creating the
    class only when ``cybergames.errors.StrategyArgumentError`` is first looked
    up (the strategies modules do so, and they import Hypothesis anyway) keeps
    ``import cybergames`` fast without changing the class anyone sees.
    """
    try:
        from hypothesis.errors import InvalidArgument
    except ImportError:  # pragma: no cover - hypothesis is a test dependency
        bases: tuple = (CybergamesError,)
    else:
        bases = (CybergamesError, InvalidArgument)
    doc = ("A hypothesis strategy in ``cybergames.strategies`` got an invalid argument.\n\n"
           "    It is both a :class:`CybergamesError` and Hypothesis's ``InvalidArgument``, so\n"
           "    either ``except`` clause catches it.\n    ")
    return type("StrategyArgumentError", bases, {"__doc__": doc, "__module__": __name__})


def __getattr__(name: str) -> Any:
    if name == "StrategyArgumentError":
        cls = _strategy_argument_error()
        globals()[name] = cls  # one class, created once
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------ messages
_REPRS = (
    (re.compile(r"\bFraction\((-?\d+), (\d+)\)"), lambda m: m[1] if m[2] == "1" else f"{m[1]}/{m[2]}"),
    (re.compile(r"\bnp\.(?:float|int|uint)\d*\(([^()]*)\)"), lambda m: m[1]),
    (re.compile(r"\bDecimal\('([^']*)'\)"), lambda m: m[1]),
)


def shown(value: Any) -> str:
    """A value as users write it: ``3/2`` for ``Fraction(3, 2)``, ``0.25`` for ``np.float64(0.25)``.

    Every error message of the library goes through this formatter: the base
    class :class:`CybergamesError` applies it to its message, so a message
    built with ``{value!r}`` reads the same as one built with ``shown``.

    >>> from fractions import Fraction
    >>> shown(Fraction(3, 2)), shown([Fraction(1, 4), 0.5]), shown("q")
    ('3/2', '[1/4, 0.5]', "'q'")
    """
    return _plain(repr(value))


def _plain(text: str) -> str:
    for pattern, replace in _REPRS:
        text = pattern.sub(replace, text)
    return text


def did_you_mean(word: Any, choices: Iterable[str]) -> str:
    """`` (did you mean 'trust'?)`` when ``word`` is close to one of ``choices``, else ``""``.

    >>> did_you_mean("trsut", ["trust", "norms"])
    " (did you mean 'trust'?)"
    >>> did_you_mean("xyz", ["trust", "norms"])
    ''
    """
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=2, cutoff=0.6)
    if not close:
        return ""
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)"
