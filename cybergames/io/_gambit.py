r"""Gambit's strategic-form ``.nfg`` files, in both the payoff-list and the outcome form.

The format (Gambit manual, "Game representation formats": "The strategic game
(.nfg) file format, payoff version" and "outcome version") is::

    NFG 1 R "title" { "Player 1" "Player 2" } { 3 2 }       (or { { "a" "b" "c" } { "x" "y" } })
    "optional comment"
    1 1  0 2  0 2  1 1  0 3  2 0                              (payoff form)

or, in the outcome form, a list of outcomes ``{ "name" p_1, ..., p_n }``
(numbered from 1) followed by one outcome index per contingency, where ``0``
is the null outcome (every payoff zero). Contingencies run with the *first*
player's strategy changing fastest; each lists every player's payoff in turn.

Numbers. Gambit reads every number exactly (``0.1`` is ``1/10``). Here an
``R`` file gives an exact game (ints and Fractions: ``0.1`` becomes
``Fraction(1, 10)``) and a ``D`` file a float game, which is what :func:`~cybergames.io.write_nfg`
writes for float games, with each float's shortest round-trip decimal, so both
kinds round-trip losslessly. ``numbers="exact"`` or ``"float"`` overrides the header.

Labels. A game needs non-empty, distinct labels; Gambit files may repeat them
or leave them empty. As Gambit itself does when it reads a file, an empty or
repeated label ``x`` becomes ``x_1``, ``x_2``, ... (the first number not already
used), so the labels match what ``pygambit`` shows for the same file.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import CybergamesError, FormatError, ParameterError
from ..games import NormalFormGame
from ._arrays import typed_array
from ._nfg_lexer import CLOSE, COMMA, END, OPEN, STRING, WORD, Lexer, parse_number
from ._sources import Limits, check_limits, is_path, read_path_or_file, text_of

__all__ = ["NfgDocument", "read_nfg", "read_nfg_document"]

_LOOKS_LIKE_NFG = re.compile(r"\s*NFG\s")


@dataclass(frozen=True)
class NfgDocument:
    """A Gambit ``.nfg`` file: the game and what the file says about it.

    Attributes
    ----------
    game : NormalFormGame
    title : str
        The game's title (the quoted string after ``NFG 1 R``).
    comment : str
        The optional comment ("" if there is none).
    form : str
        ``"payoffs"`` or ``"outcomes"``: how the file lists the payoffs.
    numbers : str
        ``"exact"`` or ``"float"``: how its numbers were read.
    """

    game: NormalFormGame
    title: str
    comment: str
    form: str
    numbers: str


def _unique(labels: list[str]) -> tuple[str, ...]:
    """Gambit's rule: an empty or repeated label ``x`` becomes ``x_1``, ``x_2``, ... (first unused)."""
    counts = Counter(labels)
    used = set(labels)
    suffix: Counter = Counter()
    result = []
    for label in labels:
        if label and counts[label] == 1:
            result.append(label)
            continue
        while True:
            suffix[label] += 1
            candidate = f"{label}_{suffix[label]}"
            if candidate not in used:
                break
        used.add(candidate)
        result.append(candidate)
    return tuple(result)


def _source_text(source: Any, limits: Limits, looks_like: Any = _LOOKS_LIKE_NFG,
                 kind: str = "nfg") -> tuple[str, str]:
    """The text of a Gambit file given as its text, bytes, a path or an open file (``kind``: nfg or efg)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return text_of(source, "text", limits), ""
    if isinstance(source, str) and ("{" in source or "\n" in source or looks_like.match(source)):
        return text_of(source, "text", limits), ""
    if is_path(source) or hasattr(source, "read"):
        return read_path_or_file(source, limits, "source")
    raise ParameterError(f"source: expected the text of an .{kind} file, a path or an open file, "
                         f"got {type(source).__name__}")


def read_nfg_document(source: Any, *, numbers: str | None = None, limits: Limits | None = None) -> NfgDocument:
    """Read a Gambit ``.nfg`` file with its title and comment; see :func:`read_nfg`.

    Examples
    --------
    >>> document = read_nfg_document('NFG 1 R "Coin" { "A" "B" } { 2 2 } "zero-sum"\\n'
    ...                              '1 -1 -1 1 -1 1 1 -1')
    >>> document.title, document.comment, document.form, document.game.shape
    ('Coin', 'zero-sum', 'payoffs', (2, 2))
    """
    limits = check_limits(limits)
    if numbers not in (None, "exact", "float"):
        raise ParameterError(f"numbers: expected None, 'exact' or 'float', got {numbers!r}")
    text, name = _source_text(source, limits)
    return _parse(Lexer(text, name, limits), numbers)


def read_nfg(source: Any, *, numbers: str | None = None, limits: Limits | None = None) -> NormalFormGame:
    r"""Read a game from a Gambit strategic-form (``.nfg``) file, in either form.

    Parameters
    ----------
    source : str, bytes, os.PathLike or file
        The file's text (a ``str`` that starts with ``NFG`` or contains ``{``
        or a newline, or ``bytes``), a path, or an open file.
    numbers : {None, "exact", "float"}
        ``None`` follows the header: ``R`` gives exact numbers (a decimal
        ``0.1`` becomes ``Fraction(1, 10)``, as in Gambit), ``D`` floats.
    limits : Limits, optional
        Bounds on the file size, players, strategies, contingencies and
        outcomes (defaults: :class:`Limits`).

    Returns
    -------
    NormalFormGame
        Players and actions labelled as in the file (strategy counts give
        ``"1"``, ``"2"``, ...); empty or repeated labels are made unique.

    Raises
    ------
    FormatError
        If the file is malformed: a wrong header, a missing brace, an
        unterminated string, a bad number, too few or too many payoffs, an
        outcome index out of range, or a bound exceeded. The message names the
        line and column.
    OSError
        If a path cannot be opened.

    References
    ----------
    The Gambit Project, *Gambit: Software Tools for Game Theory*, "Game
    representation formats", sections on the strategic game (.nfg) file format,
    payoff and outcome versions.

    Examples
    --------
    The payoff-form example of Gambit's manual (Selten 1975, Figure 2):

    >>> game = read_nfg('NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"\n'
    ...                 '{ "Player 1" "Player 2" } { 3 2 }\n'
    ...                 '1 1 0 2 0 2 1 1 0 3 2 0')
    >>> game.players, game.actions
    (('Player 1', 'Player 2'), (('1', '2', '3'), ('1', '2')))
    >>> game.payoff(("2", "1")), game.payoff(("3", "2"))
    ((0, 2), (2, 0))
    >>> read_nfg('NFG 1 R "" { "A" } { 2 }\n1/2 0.25').payoffs[0]
    array([Fraction(1, 2), Fraction(1, 4)], dtype=object)
    >>> read_nfg('NFG 1 R "" { "A" "B" } { 2 2 }\n1 2 3')
    Traceback (most recent call last):
    ...
    cybergames.errors.FormatError: line 2, column 6: the file ends after 3 of the 8 payoffs (4 contingencies x 2 players)
    """
    return read_nfg_document(source, numbers=numbers, limits=limits).game


def _parse(lexer: Lexer, numbers: str | None) -> NfgDocument:
    if lexer.kind != WORD or lexer.value != "NFG":
        raise lexer.error(f"expected 'NFG' (a Gambit strategic-form file starts 'NFG 1 R'), got {lexer.describe()}")
    lexer.advance()
    if lexer.kind != WORD or lexer.value != "1":
        raise lexer.error(f"expected the version 1 after 'NFG' (the only version of the format), got {lexer.describe()}")
    lexer.advance()
    if lexer.kind != WORD or lexer.value not in ("R", "D"):
        raise lexer.error(f"expected 'R' or 'D' after 'NFG 1', got {lexer.describe()}")
    exact = (lexer.value == "R") if numbers is None else numbers == "exact"
    lexer.advance()
    title = lexer.expect(STRING, "the game's title (a quoted string)")
    players = _players(lexer)
    actions = _strategies(lexer, len(players))
    comment = lexer.value if lexer.kind == STRING else ""
    if lexer.kind == STRING:
        lexer.advance()
    shape = tuple(len(labels) for labels in actions)
    if lexer.kind == OPEN:
        form, columns = "outcomes", _outcome_body(lexer, shape, exact)
    elif lexer.kind == WORD:
        form, columns = "payoffs", _payoff_body(lexer, shape, exact)
    else:
        raise lexer.error(f"expected the payoffs (numbers) or the outcome list ('{{'), got {lexer.describe()}")
    if lexer.kind != END:
        raise lexer.error(f"expected the end of the file after the last "
                          f"{'outcome index' if form == 'outcomes' else 'payoff'}, got {lexer.describe()}")
    arrays = [typed_array(column, shape, order="F") for column in columns]  # player 1 fastest: Fortran order
    try:
        game = NormalFormGame(arrays, actions, players)
    except CybergamesError as exc:  # pragma: no cover - the parser checks everything the game checks
        raise FormatError(f"{lexer.where(0)}: {exc}") from exc
    return NfgDocument(game, title, comment, form, "exact" if exact else "float")


def _players(lexer: Lexer) -> tuple[str, ...]:
    start = lexer.offset
    lexer.expect(OPEN, "'{' opening the list of player names")
    names = []
    while lexer.kind == STRING:
        if len(names) == lexer.limits.max_players:
            raise lexer.error(f"more than {lexer.limits.max_players} players (the limit)")
        names.append(lexer.value)
        lexer.advance()
    lexer.expect(CLOSE, "a quoted player name or '}' closing the list of players")
    if not names:
        raise lexer.error("the game has no players; expected at least one name in '{ ... }'", start)
    return _unique(names)


def _strategies(lexer: Lexer, num_players: int) -> list[tuple[str, ...]]:
    limits = lexer.limits
    lexer.expect(OPEN, "'{' opening the strategies (names per player, or counts)")
    actions: list[tuple[str, ...]] = []
    profiles = 1
    nested = lexer.kind == OPEN  # names per player, or one count per player
    for i in range(num_players):
        start = lexer.offset
        if nested and lexer.kind == OPEN:
            lexer.advance()
            names = []
            while lexer.kind == STRING:
                if len(names) == limits.max_actions:
                    raise lexer.error(f"player {i + 1} has more than {limits.max_actions} strategies (the limit)")
                names.append(lexer.value)
                lexer.advance()
            lexer.expect(CLOSE, f"a quoted strategy name or '}}' closing player {i + 1}'s strategies")
            if not names:
                raise lexer.error(f"player {i + 1} has no strategies", start)
            labels = _unique(names)
        elif not nested and lexer.kind == WORD:
            count = lexer.count(f"player {i + 1}'s number of strategies", limits.max_actions)
            labels = tuple(str(k) for k in range(1, count + 1))
        else:
            what = "'{' opening the strategy names" if nested else "the number of strategies"
            raise lexer.error(f"expected {what} of player {i + 1} (of {num_players}), got {lexer.describe()}")
        profiles *= len(labels)
        if profiles > limits.max_profiles:
            raise lexer.error(f"the game has more than {limits.max_profiles} contingencies (the limit)", start)
        actions.append(labels)
    lexer.expect(CLOSE, f"'}}' closing the strategies of the {num_players} players")
    return actions


_NOT_INTEGERS = re.compile(r"[^0-9+\-\s]")
_NOT_DIGITS = re.compile(r"[^0-9\s]")
_NOT_DECIMALS = re.compile(r"[^0-9+\-.eE\s]")
_WORD = re.compile(r"\S+")
_MANTISSA_DIGIT = re.compile(r"[1-9]")


def _fast_words(lexer: Lexer, exact: bool, *, indices: bool = False) -> list | None:
    """Every word from the current token to the end as numbers, when they are plain integers
    (or, for a float game, plain decimals; for outcome indices, unsigned integers), read in
    bulk; ``None`` sends the caller to the token-by-token reader."""
    rest = lexer.text[lexer.offset:]
    if (_NOT_DIGITS if indices else _NOT_INTEGERS).search(rest) is None:
        convert = int if exact else float
    elif not exact and not indices and _NOT_DECIMALS.search(rest) is None:
        convert = float
    else:
        return None
    words = rest.split()
    if max(map(len, words), default=0) > lexer.limits.max_number_length:
        return None
    try:
        values = list(map(convert, words))
    except ValueError:
        return None
    if convert is float:
        array = np.array(values, dtype=float)
        if not np.isfinite(array).all():
            return None
        # a non-zero decimal that underflows to 0.0: the token reader says so
        if any(_MANTISSA_DIGIT.search(words[k].partition("e")[0].partition("E")[0])
               for k in np.flatnonzero(array == 0)):
            return None
    elif sum(map(len, words)) > lexer.limits.max_total_digits:
        return None
    return values


def _word_at(lexer: Lexer, k: int) -> tuple[int, str]:
    """Offset and text of the ``k``-th word (from 0) after the current token's start."""
    for n, match in enumerate(_WORD.finditer(lexer.text, lexer.offset)):
        if n == k:
            return match.start(), match.group()
    raise AssertionError("unreachable: the caller counted the words")  # pragma: no cover


def _skip_to_end(lexer: Lexer) -> None:
    lexer.position = len(lexer.text)
    lexer.advance()


def _payoff_body(lexer: Lexer, shape: tuple[int, ...], exact: bool) -> list[list]:
    n, profiles = len(shape), math.prod(shape)
    total = n * profiles
    values = _fast_words(lexer, exact)
    if values is not None:
        if len(values) > total:
            offset, word = _word_at(lexer, total)
            raise lexer.error(f"expected the end of the file after the last payoff, got {word[:40]!r}", offset)
        _skip_to_end(lexer)
        if len(values) < total:
            raise lexer.error(f"the file ends after {len(values)} of the {total} payoffs "
                              f"({profiles} contingencies x {n} players)")
        return [values[i::n] for i in range(n)]
    columns: list[list] = [[] for _ in range(n)]
    for c in range(profiles):
        for i in range(n):
            if lexer.kind == END:
                raise lexer.error(f"the file ends after {c * n + i} of the {total} payoffs "
                                  f"({profiles} contingencies x {n} players)")
            columns[i].append(lexer.number(f"the payoff of player {i + 1} in contingency {c + 1}", exact))
    return columns


def _outcome_pattern(n: int) -> re.Pattern:
    """One outcome ``{ "name" p_1, ..., p_n }`` with a short plain name, for the bulk path.

    Words are separated by whitespace or a comma, so the pattern cannot split a
    number in two, and a name has no backslash, so it cannot backtrack far."""
    number, separator = r'([^\s{}",]+)', r"(?:\s+|\s*,\s*)"
    return re.compile(r'\{\s*"[^"\\]{0,200}"\s*' + number + (separator + number) * (n - 1) + r"\s*,?\s*\}")


def _outcome_body(lexer: Lexer, shape: tuple[int, ...], exact: bool) -> list[list]:
    n, profiles = len(shape), math.prod(shape)
    lexer.advance()
    outcomes: list[tuple] = [tuple(0 if exact else 0.0 for _ in range(n))]  # 0: the null outcome
    pattern = _outcome_pattern(n)
    while lexer.kind == OPEN:
        if len(outcomes) > lexer.limits.max_outcomes:
            raise lexer.error(f"more than {lexer.limits.max_outcomes} outcomes (the limit)")
        number = len(outcomes)
        match = pattern.match(lexer.text, lexer.offset)
        if match:  # the common case in bulk; anything unusual goes token by token below
            payoffs = [parse_number(word, exact, lexer.limits) for word in match.groups()]
            if not any(value is None or isinstance(value, str) for value in payoffs):
                outcomes.append(tuple(payoffs))
                lexer.position = match.end()
                lexer.advance()
                continue
        lexer.advance()
        lexer.expect(STRING, f"the name of outcome {number} (a quoted string)")
        payoffs = []
        for i in range(n):
            if lexer.kind == CLOSE:
                raise lexer.error(f"outcome {number} has {i} payoffs; expected {n} (one per player)")
            payoffs.append(lexer.number(f"the payoff of player {i + 1} in outcome {number}", exact))
            if lexer.kind == COMMA:
                lexer.advance()
        lexer.expect(CLOSE, f"'}}' closing outcome {number} after its {n} payoffs")
        outcomes.append(tuple(payoffs))
    lexer.expect(CLOSE, "'{' opening an outcome or '}' closing the list of outcomes")
    last = len(outcomes) - 1
    indices = _fast_words(lexer, True, indices=True) if lexer.kind == WORD else None
    if indices is not None:
        for c, index in enumerate(indices[:profiles]):
            if index > last:
                offset, word = _word_at(lexer, c)
                raise lexer.error(f"outcome index {word[:20]} of contingency {c + 1} is out of range 0..{last}",
                                  offset)
        if len(indices) > profiles:
            offset, word = _word_at(lexer, profiles)
            raise lexer.error(f"expected the end of the file after the last outcome index, got {word[:40]!r}",
                              offset)
        _skip_to_end(lexer)
        if len(indices) < profiles:
            raise lexer.error(f"the file ends after {len(indices)} of the {profiles} outcome indices "
                              f"(one per contingency)")
        return [[outcomes[k][i] for k in indices] for i in range(n)]
    columns: list[list] = [[] for _ in range(n)]
    for c in range(profiles):
        if lexer.kind == END:
            raise lexer.error(f"the file ends after {c} of the {profiles} outcome indices (one per contingency)")
        word = lexer.value if lexer.kind == WORD else ""
        if not word.isascii() or not word.isdigit():
            raise lexer.error(f"expected the outcome index of contingency {c + 1} "
                              f"(an integer in 0..{last}), got {lexer.describe()}")
        index = int(word) if len(word) <= 12 else last + 1
        if index > last:
            raise lexer.error(f"outcome index {word[:20]} of contingency {c + 1} is out of range 0..{last}")
        for i, payoff in enumerate(outcomes[index]):
            columns[i].append(payoff)
        lexer.advance()
    return columns
