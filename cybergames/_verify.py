"""``verify(result)``: re-check any solver's answer independently of the code that produced it.

Each result type registers its own checker with :func:`verify.register`; the
checker recomputes the certificate from the inputs the result records (its
game, repeated game or signalling game) and returns a :class:`Verification`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import singledispatch
from typing import Any

from .errors import CybergamesError

__all__ = ["Verification", "verify"]


@dataclass(frozen=True)
class Verification:
    """The outcome of an independent re-check.

    Attributes
    ----------
    ok : bool
        Whether every checked condition holds.
    checked : int
        How many conditions were checked.
    failures : tuple of str
        A description of each condition that fails (empty when ``ok``).
    """

    ok: bool
    checked: int
    failures: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.ok


@singledispatch
def verify(result: Any, **kwargs: Any) -> Verification:
    """Re-check a solver's result independently; see each result type for what is checked.

    Raises
    ------
    CybergamesError
        If ``result`` is not a cybergames result.
    """
    raise CybergamesError(f"result: expected a cybergames solver result, got {type(result).__name__}")
