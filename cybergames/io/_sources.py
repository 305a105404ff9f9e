"""Bounds on what the readers accept, and reading text from a path, a file or a string.

Every reader of untrusted files takes ``limits=``, a :class:`Limits`. A file
beyond a bound raises :class:`~cybergames.errors.FormatError` before the
reader builds anything large, so a hostile file cannot make it allocate
gigabytes or loop for minutes.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, fields
from typing import Any

from ..errors import FormatError, ParameterError

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """What the readers accept; beyond any bound they raise :class:`FormatError`.

    Parameters
    ----------
    max_bytes : int
        Size of a file or string, in bytes (characters for a ``str``); default 16 MiB.
    max_players : int
        Number of players of a game; default 32.
    max_actions : int
        Number of actions (strategies) of one player; default 100 000.
    max_profiles : int
        Number of pure profiles (contingencies) of a game; default 10**6.
    max_outcomes : int
        Number of outcomes listed in a Gambit outcome-form file; default 10**6.
    max_depth : int
        Nesting depth of a symbolic expression; default 200.
    max_nodes : int
        Number of nodes of all the symbolic expressions of one document; default 10**6.
    max_number_length : int
        Characters of a single number (digits of an integer, a fraction or a
        decimal); default 10 000.
    max_exponent : int
        Size of a decimal exponent (``1e999`` has 999); default 1000.
    max_total_digits : int
        Decimal digits of all the exact numbers of one document together (a
        file of ten thousand ``1e999`` payoffs holds ten million); default 10**7.

    Examples
    --------
    >>> from cybergames.io import Limits
    >>> Limits().max_players
    32
    >>> Limits(max_players=64).max_players
    64
    """

    max_bytes: int = 16 * 2**20
    max_players: int = 32
    max_actions: int = 100_000
    max_profiles: int = 10**6
    max_outcomes: int = 10**6
    max_depth: int = 200
    max_nodes: int = 10**6
    max_number_length: int = 10_000
    max_exponent: int = 1_000
    max_total_digits: int = 10**7

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ParameterError(f"Limits.{item.name}: expected a positive int, got {value!r}")


DEFAULT_LIMITS = Limits()


def check_limits(limits: Any) -> Limits:
    """``limits`` itself, or the defaults for ``None``; anything else is refused."""
    if limits is None:
        return DEFAULT_LIMITS
    if not isinstance(limits, Limits):
        raise ParameterError(f"limits: expected a cybergames.io.Limits or None, got {limits!r}")
    return limits


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{name}: not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from exc
    return text[1:] if text.startswith("\ufeff") else text  # a byte-order mark is not content


def _too_big(name: str, limits: Limits) -> FormatError:
    return FormatError(f"{name}: larger than the limit of {limits.max_bytes} bytes "
                       f"(pass limits=Limits(max_bytes=...) to read larger files)")


def text_of(content: str | bytes, name: str, limits: Limits) -> str:
    """A string or bytes document as text, within the size limit."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(content)
        if len(data) > limits.max_bytes:
            raise _too_big(name, limits)
        return _decode(data, name)
    if not isinstance(content, str):
        raise FormatError(f"{name}: expected text (str or bytes), got {type(content).__name__}")
    if len(content) > limits.max_bytes:
        raise _too_big(name, limits)
    return content


def is_path(source: Any) -> bool:
    """Whether ``source`` names a file (a ``str`` path or an ``os.PathLike``)."""
    return isinstance(source, (str, os.PathLike))


def read_path_or_file(source: Any, limits: Limits, what: str) -> tuple[str, str]:
    """The text of a path or an open file (text or binary) and a name for messages.

    Reads at most ``limits.max_bytes + 1`` bytes, so that a huge file is refused
    without being read whole. A missing file raises the usual :class:`OSError`.
    """
    if is_path(source):
        path = os.fspath(source)
        name = str(path)
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise _too_big(name, limits)
        return _decode(data, name), name
    read = getattr(source, "read", None)
    if read is None or not callable(read):
        raise ParameterError(f"{what}: expected a path (str or os.PathLike) or an open file, "
                             f"got {type(source).__name__}")
    name = str(getattr(source, "name", "<file>"))
    data = read(limits.max_bytes + 1)
    if isinstance(data, str):
        if len(data) > limits.max_bytes:
            raise _too_big(name, limits)
        return data, name
    return text_of(data, name, limits), name


def write_text(text: str, target: Any, what: str) -> None:
    """Write ``text`` (UTF-8) to a path or an open text or binary file.

    Text UTF-8 cannot encode (a lone surrogate such as ``"\\ud800"`` in a label)
    raises :class:`FormatError` before anything is written.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FormatError(f"{what}: {text[exc.start:exc.end]!r} at character {exc.start} cannot be written as "
                          f"UTF-8 (a lone surrogate); labels and titles must be valid Unicode text") from None
    if is_path(target):
        with open(os.fspath(target), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    write = getattr(target, "write", None)
    if write is None or not callable(write):
        raise ParameterError(f"{what}: expected a path (str or os.PathLike) or an open file, "
                             f"got {type(target).__name__}")
    if isinstance(target, (io.RawIOBase, io.BufferedIOBase)) or "b" in str(getattr(target, "mode", "")):
        write(data)
    else:
        write(text)
