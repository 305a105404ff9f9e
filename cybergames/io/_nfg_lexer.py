"""Tokens and numbers of Gambit's text formats, with line and column in every error.

Gambit's files are whitespace-separated tokens: braces, commas, quoted strings
(a ``\\"`` inside stands for a quote, ``\\\\`` for a backslash; any other
backslash is kept as it is) and bare words, which are keywords or numbers.
Numbers are integers (``-3``), fractions (``3/2``) or decimals (``0.25``,
``.5``, ``1e-3``, ``2.5E+2``). This module only scans; nothing in a file is
evaluated.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Any

from ..errors import FormatError
from ._sources import Limits

STRING, OPEN, CLOSE, COMMA, WORD, END = "string", "'{'", "'}'", "','", "word", "end of file"

_TOKEN = re.compile(r"""\s*(?:
      (?P<quote>")
    | (?P<open>\{) | (?P<close>\}) | (?P<comma>,)
    | (?P<word>[^\s{}",]+)
    | (?P<end>\Z))""", re.VERBOSE | re.DOTALL)
_KINDS = {"open": OPEN, "close": CLOSE, "comma": COMMA, "word": WORD, "end": END}
_ESCAPE = re.compile(r'\\(["\\])')

_INTEGER = re.compile(r"[+-]?[0-9]+")
_FRACTION = re.compile(r"([+-]?[0-9]+)/([0-9]+)")
_DECIMAL = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?")


class Lexer:
    """Scans ``text`` one token at a time; ``kind``, ``value`` and ``offset`` describe the current one."""

    def __init__(self, text: str, name: str, limits: Limits) -> None:
        self.text = text
        self.name = name
        self.limits = limits
        self.position = 0
        self.kind = self.value = None
        self.offset = 0
        self.digits = 0         # digits of the exact numbers read so far (Limits.max_total_digits)
        self.advance()

    def advance(self) -> None:
        """Move to the next token."""
        match = _TOKEN.match(self.text, self.position)
        group = match.lastgroup
        self.offset = match.start(group)
        if group == "quote":
            end = closing_quote(self.text, self.offset + 1)
            if end < 0:
                raise self.error("unterminated string: no closing quote before the end of the file")
            self.kind, self.value = STRING, unescape(self.text[self.offset + 1:end])
            self.position = end + 1
            return
        self.kind = _KINDS[group]
        self.value = match.group(group)
        self.position = match.end()

    def where(self, offset: int | None = None) -> str:
        """``"name: line L, column C"`` of an offset (default: the current token)."""
        offset = self.offset if offset is None else offset
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        prefix = f"{self.name}: " if self.name else ""
        return f"{prefix}line {line}, column {column}"

    def error(self, message: str, offset: int | None = None) -> FormatError:
        """A :class:`FormatError` at the current token (or ``offset``)."""
        return FormatError(f"{self.where(offset)}: {message}")

    def describe(self) -> str:
        """The current token, for messages."""
        if self.kind == END:
            return "the end of the file"
        if self.kind == STRING:
            return f"the string {self.value[:40]!r}"
        if self.kind == WORD:
            return repr(self.value[:40])
        return self.kind

    def expect(self, kind: str, what: str) -> str:
        """Check that the current token is of ``kind``, return its value and advance."""
        if self.kind != kind:
            raise self.error(f"expected {what}, got {self.describe()}")
        value = self.value
        self.advance()
        return value

    def count(self, what: str, maximum: int) -> int:
        """A positive integer word (a count), at most ``maximum``; advances."""
        if self.kind != WORD or not _INTEGER.fullmatch(self.value) or self.value[0] in "+-":
            raise self.error(f"expected {what} (a positive integer), got {self.describe()}")
        if len(self.value) > 12 or int(self.value) > maximum:
            raise self.error(f"{what} {self.value[:20]} exceeds the limit of {maximum}")
        value = int(self.value)
        if value < 1:
            raise self.error(f"expected {what} (a positive integer), got {self.value}")
        self.advance()
        return value

    def number(self, what: str, exact: bool) -> int | Fraction | float:
        """The current word as a number (exact, or a float if not ``exact``); advances."""
        if self.kind != WORD:
            raise self.error(f"expected {what}, got {self.describe()}")
        value = parse_number(self.value, exact, self.limits)
        if value is None:
            raise self.error(f"expected {what} (an integer, a fraction p/q or a decimal), "
                             f"got {self.describe()}")
        if isinstance(value, str):
            raise self.error(f"{what} {self.value[:40]!r}: {value}")
        if exact:
            self.digits += _digits(value)
            if self.digits > self.limits.max_total_digits:
                raise self.error(f"{what} {self.value[:40]!r}: the exact numbers of the file have more than "
                                 f"{self.limits.max_total_digits} digits in all (Limits.max_total_digits)")
        self.advance()
        return value


def closing_quote(text: str, start: int) -> int:
    """The offset of the quote that closes a string opened just before ``start``, or -1.

    A quote preceded by an odd run of backslashes is escaped (the run reads as
    pairs ``\\\\`` and a final ``\\"``). Scanning jumps from quote to quote, so
    a long unterminated string costs one ``str.find``, not a regex backtrack.
    """
    position = start
    while True:
        quote = text.find('"', position)
        if quote < 0:
            return -1
        before = quote
        while before > start and text[before - 1] == "\\":
            before -= 1
        if (quote - before) % 2 == 0:
            return quote
        position = quote + 1


def unescape(raw: str) -> str:
    """The text of a string's inside: ``\\"`` is a quote and ``\\\\`` a backslash."""
    return _ESCAPE.sub(r"\1", raw) if "\\" in raw else raw


def parse_number(word: str, exact: bool, limits: Limits) -> int | Fraction | float | str | None:
    """A number word as int/Fraction (``exact``) or float; ``None`` if it is not a number,
    a string (the reason) if it is one that cannot be taken."""
    if len(word) > limits.max_number_length:
        return f"longer than the limit of {limits.max_number_length} characters"
    if _INTEGER.fullmatch(word):
        try:
            value = int(word)
        except ValueError:  # beyond Python's 4300-digit conversion limit
            return "too many digits"
        return value if exact else _finite(value)
    match = _FRACTION.fullmatch(word)
    if match:
        try:
            numerator, denominator = int(match.group(1)), int(match.group(2))
        except ValueError:
            return "too many digits"
        if denominator == 0:
            return "the denominator is zero"
        value = Fraction(numerator, denominator)
        return value if exact else _finite(value)
    match = _DECIMAL.fullmatch(word)
    if not match or not (match.group(2) or match.group(3)):
        return None
    sign, whole, fraction, exponent = match.groups()
    fraction = fraction or ""
    if exponent and len(exponent.lstrip("+-0")) > len(str(limits.max_exponent)):
        return f"the exponent exceeds the limit of {limits.max_exponent} (Limits.max_exponent)"
    exponent_value = int(exponent) if exponent else 0
    if abs(exponent_value) > limits.max_exponent:
        return f"the exponent exceeds the limit of {limits.max_exponent} (Limits.max_exponent)"
    if not exact:
        value = _finite(float(word))
        if value == 0 and (whole + fraction).strip("0"):
            return "too small for a float: it would become 0 (numbers='exact' keeps it)"
        return value
    try:
        mantissa = int((whole or "0") + fraction)
    except ValueError:
        return "too many digits"
    scale = exponent_value - len(fraction)
    value = Fraction(mantissa * 10**scale) if scale >= 0 else Fraction(mantissa, 10**-scale)
    if sign == "-":
        value = -value
    return int(value) if value.denominator == 1 else value


def _finite(value: Any) -> float | str:
    try:
        result = float(value)
    except OverflowError:       # an int or Fraction beyond the float range
        return "too large for a float"
    return result if math.isfinite(result) else "too large for a float"


def _digits(value: Any) -> int:
    """Decimal digits of an exact number (numerator and denominator), estimated from its bit length."""
    if isinstance(value, Fraction):
        return (value.numerator.bit_length() + value.denominator.bit_length()) * 3 // 10 + 2
    if isinstance(value, int):
        return value.bit_length() * 3 // 10 + 1
    return 1
