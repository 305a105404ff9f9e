r"""Gambit's extensive-form ``.efg`` files (the outcome format ``EFG 2 R``), read and written.

The format (Gambit manual, "Game representation formats", "The extensive game
(.efg) file format") is a header and the nodes in preorder::

    EFG 2 R "title" { "Player 1" "Player 2" }
    "optional comment"

    c "" 1 "" { "Red" 1/2 "Black" 1/2 } 0                   chance: infoset, [name, {action prob ...}], outcome
    p "" 1 1 "" { "Raise" "Fold" } 0                        decision: player, infoset, [name, {actions}], outcome
    t "" 1 "Win Big" { 2, -2 }                              terminal: outcome, [name, {payoffs}]

An information set's name and actions are given at its first node and may be
left out at the others; an outcome's payoffs likewise. An outcome at a
non-terminal node adds its payoffs to every terminal node below it (Gambit's
rule), so the game read has payoffs at the terminal nodes only. Outcome ``0``
is the null outcome.

Reading follows the discipline of :func:`cybergames.io.read_nfg`: no
evaluation of anything in the file, a bound on every size
(:class:`cybergames.io.Limits`: ``max_bytes`` for the file, ``max_players``,
``max_actions`` per information set, ``max_profiles`` for the number of nodes,
``max_outcomes``), and every malformed file a
:class:`~cybergames.errors.FormatError` naming the line and column. Numbers
are exact in an ``R`` file (``0.1`` is ``1/10``, as in Gambit) and floats in a
``D`` file; :func:`write_efg` writes exact games with ``R`` and float games
with ``D`` and each float's shortest round-trip decimal, so that
``read_efg(write_efg(game)) == game``.

Labels. Empty or repeated player and action labels ``x`` become ``x_1``,
``x_2``, ... as Gambit does. An information set keeps its name when it is
non-empty and not used by another set; otherwise it is named
``"<player>:<number>"``.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import CybergamesError, FormatError, ParameterError
from ..io._gambit import _players, _source_text, _unique
from ..io._nfg_lexer import CLOSE, COMMA, END, OPEN, STRING, WORD, Lexer
from ..io._nfg_writer import _quote
from ..io._sources import Limits, check_limits, write_text
from .game import CHANCE, DECISION, ExtensiveGame, decision

__all__ = ["read_efg", "write_efg"]

_LOOKS_LIKE_EFG = re.compile(r"\s*EFG\s")


def read_efg(source: Any, *, numbers: str | None = None, limits: Limits | None = None) -> ExtensiveGame:
    r"""Read an extensive game from a Gambit ``.efg`` file.

    Parameters
    ----------
    source : str, bytes, os.PathLike or file
        The file's text (a ``str`` that starts with ``EFG`` or contains ``{`` or
        a newline, or ``bytes``), a path, or an open file.
    numbers : {None, "exact", "float"}
        ``None`` follows the header: ``R`` gives exact numbers, ``D`` floats.
    limits : cybergames.io.Limits, optional
        Bounds on the file size, players, actions, nodes (``max_profiles``) and
        outcomes.

    Returns
    -------
    ExtensiveGame

    Raises
    ------
    FormatError
        If the file is malformed (a wrong header, a missing brace, a bad
        number, an unknown player, an outcome used before its payoffs are given,
        chance probabilities that do not sum to one, ...) or a bound is exceeded
        (a 50 MB file with the default limits); the message names the line and column.
    OSError
        If a path cannot be opened.

    References
    ----------
    The Gambit Project, *Gambit: Software Tools for Game Theory*, "Game
    representation formats", the extensive game (.efg) file format.

    Examples
    --------
    Myerson's (1991, §2.1) one-card poker:

    >>> game = read_efg('''EFG 2 R "A simple Poker game" { "Fred" "Alice" } ""
    ... c "" 1 "" { "Red" 1/2 "Black" 1/2 } 0
    ... p "" 1 1 "" { "Raise" "Fold" } 0
    ... p "" 2 1 "" { "Meet" "Pass" } 0
    ... t "" 1 "Win Big" { 2, -2 }
    ... t "" 2 "Win" { 1, -1 }
    ... t "" 2
    ... p "" 1 2 "" { "Raise" "Fold" } 0
    ... p "" 2 1 0
    ... t "" 3 "Lose Big" { -2, 2 }
    ... t "" 2
    ... t "" 4 "Lose" { -1, 1 }''')
    >>> game.players, [s.label for s in game.infosets]
    (('Fred', 'Alice'), ['Fred:1', 'Alice:1', 'Fred:2'])
    >>> game.reduced_normal_form().payoffs[0].tolist()
    [[0, 1], [Fraction(1, 2), 0], [Fraction(-1, 2), 1], [0, 0]]
    """
    limits = check_limits(limits)
    if numbers not in (None, "exact", "float"):
        raise ParameterError(f"numbers: expected None, 'exact' or 'float', got {numbers!r}")
    text, name = _source_text(source, limits, _LOOKS_LIKE_EFG, "efg")
    lexer = Lexer(text, name, limits)
    return _Parser(lexer, numbers).parse()


class _Parser:
    def __init__(self, lexer: Lexer, numbers: str | None) -> None:
        self.lexer = lexer
        self.numbers = numbers

    def keyword(self, expected: str, message: str) -> None:
        if self.lexer.kind != WORD or self.lexer.value != expected:
            raise self.lexer.error(f"expected {message}, got {self.lexer.describe()}")
        self.lexer.advance()

    def parse(self) -> ExtensiveGame:
        lexer = self.lexer
        self.keyword("EFG", "'EFG' (a Gambit extensive-form file starts 'EFG 2 R')")
        self.keyword("2", "the version 2 after 'EFG'")
        if lexer.kind != WORD or lexer.value not in ("R", "D"):
            raise lexer.error(f"expected 'R' or 'D' after 'EFG 2', got {lexer.describe()}")
        self.exact = (lexer.value == "R") if self.numbers is None else self.numbers == "exact"
        lexer.advance()
        lexer.expect(STRING, "the game's title (a quoted string)")
        self.players = _players(lexer)
        if lexer.kind == STRING:            # the comment
            lexer.advance()
        self.outcomes: dict[int, tuple] = {0: (0,) * len(self.players) if self.exact
                                           else (0.0,) * len(self.players)}
        self.infosets: dict[tuple[int, int], dict] = {}
        self.used_names: set[str] = set()
        root = self.tree()
        if lexer.kind != END:
            raise lexer.error(f"expected the end of the file after the last node, got {lexer.describe()}")
        try:
            return ExtensiveGame(root, self.players, max_nodes=lexer.limits.max_profiles)
        except CybergamesError as exc:
            raise FormatError(f"{lexer.where(0)}: {exc}") from exc

    def tree(self) -> Any:
        """All the nodes, iteratively: a stack of (node, children so far, payoff offset)."""
        lexer = self.lexer
        zero = self.outcomes[0]
        count = 0
        root_holder: list = []
        stack: list[list] = []              # [spec, labels, children, cumulative payoffs]
        while True:
            if lexer.kind == END:
                raise lexer.error("the file ends inside the tree: a node has fewer children than actions"
                                  if stack else "the file has no nodes")
            count += 1
            if count > lexer.limits.max_profiles:
                raise lexer.error(f"more than {lexer.limits.max_profiles} nodes (the limit max_profiles)")
            cumulative = stack[-1][3] if stack else zero
            kind = lexer.value if lexer.kind == WORD else None
            if kind not in ("c", "p", "t"):
                raise lexer.error(f"expected a node ('c', 'p' or 't'), got {lexer.describe()}")
            lexer.advance()
            lexer.expect(STRING, "the node's name (a quoted string)")
            if kind == "t":
                payoffs = self.outcome(cumulative, required=True)
                node: Any = payoffs
                labels: tuple = ()
            elif kind == "c":
                node, labels = self.chance_node()
                cumulative = self.outcome(cumulative, required=False)
            else:
                node, labels = self.decision_node()
                cumulative = self.outcome(cumulative, required=False)
            if stack:
                stack[-1][2].append(node)
            else:
                root_holder.append(node)
            if labels:
                stack.append([node, labels, [], cumulative])
            while stack and len(stack[-1][2]) == len(stack[-1][1]):
                spec, labels_done, children, _ = stack.pop()
                if "chance" in spec:
                    spec["chance"] = {a: (p, child) for (a, p), child in zip(spec["chance"], children)}
                else:
                    spec["actions"] = dict(zip(labels_done, children))
            if not stack:
                return root_holder[0]

    def actions(self, what: str, with_probabilities: bool) -> list:
        lexer = self.lexer
        lexer.expect(OPEN, f"'{{' opening the actions of {what}")
        labels, probabilities = [], []
        while lexer.kind == STRING:
            if len(labels) == lexer.limits.max_actions:
                raise lexer.error(f"{what} has more than {lexer.limits.max_actions} actions (the limit)")
            labels.append(lexer.value)
            lexer.advance()
            if with_probabilities:
                probabilities.append(lexer.number(f"the probability of action {len(labels)} of {what}", self.exact))
                if lexer.kind == COMMA:
                    lexer.advance()
        lexer.expect(CLOSE, f"a quoted action label or '}}' closing the actions of {what}")
        if not labels:
            raise lexer.error(f"{what} has no actions")
        labels = list(_unique(labels))
        return list(zip(labels, probabilities)) if with_probabilities else labels

    def infoset_header(self, player: int) -> dict:
        """The infoset number and, at its first node, its name and actions."""
        lexer = self.lexer
        who = "chance" if player == 0 else f"player {player}"
        number = lexer.count(f"the information set number of {who}", 10**9)
        key = (player, number)
        name = None
        if lexer.kind == STRING:
            name = lexer.value
            lexer.advance()
        known = self.infosets.get(key)
        if lexer.kind == OPEN:
            what = f"information set {number} of {who}"
            actions = self.actions(what, player == 0)
            if known is not None and known["actions"] != actions:
                raise lexer.error(f"{what} was given other actions at an earlier node: {known['actions']}")
            if known is None:
                known = self.infosets[key] = {"actions": actions, "label": self.label(name, player, number)}
        elif known is None:
            raise lexer.error(f"information set {number} of {who} appears for the first time without its "
                              f"actions ('{{ ... }}')")
        return known

    def label(self, name: str | None, player: int, number: int) -> str:
        label = name if name and name not in self.used_names else None
        if label is None:
            base = f"{self.players[player - 1] if player else 'chance'}:{number}"
            label, k = base, 0
            while label in self.used_names:
                k += 1
                label = f"{base}_{k}"
        self.used_names.add(label)
        return label

    def chance_node(self) -> tuple[dict, tuple]:
        infoset = self.infoset_header(0)
        branches = infoset["actions"]
        return {"chance": list(branches)}, tuple(a for a, _ in branches)

    def decision_node(self) -> tuple[dict, tuple]:
        lexer = self.lexer
        if lexer.kind != WORD or not lexer.value.isdigit() or lexer.value == "0" or len(lexer.value) > 6 \
                or int(lexer.value) > len(self.players):
            raise lexer.error(f"expected a player number 1..{len(self.players)}, got {lexer.describe()}")
        player = int(lexer.value)
        lexer.advance()
        infoset = self.infoset_header(player)
        labels = tuple(infoset["actions"])
        return decision(self.players[player - 1], {}, infoset["label"]), labels

    def outcome(self, cumulative: tuple, required: bool) -> tuple:
        """Read an outcome reference (and its payoffs at first use); return ``cumulative`` plus it."""
        lexer = self.lexer
        if lexer.kind != WORD or not lexer.value.isdigit() or len(lexer.value) > 9:
            raise lexer.error(f"expected an outcome number (0 for none), got {lexer.describe()}")
        number = int(lexer.value)
        lexer.advance()
        if lexer.kind == STRING:
            lexer.advance()
        if lexer.kind == OPEN:
            if number == 0:
                raise lexer.error("outcome 0 is the null outcome and cannot be given payoffs")
            lexer.advance()
            payoffs = []
            for i in range(len(self.players)):
                if lexer.kind == CLOSE:
                    raise lexer.error(f"outcome {number} has {i} payoffs; expected {len(self.players)}")
                payoffs.append(lexer.number(f"the payoff of player {i + 1} in outcome {number}", self.exact))
                if lexer.kind == COMMA:
                    lexer.advance()
            lexer.expect(CLOSE, f"'}}' closing outcome {number} after its {len(self.players)} payoffs")
            if number in self.outcomes and self.outcomes[number] != tuple(payoffs):
                raise lexer.error(f"outcome {number} was given other payoffs earlier: {self.outcomes[number]}")
            if number not in self.outcomes and len(self.outcomes) > lexer.limits.max_outcomes:
                raise lexer.error(f"more than {lexer.limits.max_outcomes} outcomes (the limit)")
            self.outcomes[number] = tuple(payoffs)
        elif number not in self.outcomes:
            raise lexer.error(f"outcome {number} is used before its payoffs are given")
        return tuple(a + b for a, b in zip(cumulative, self.outcomes[number]))


def _number(value: Any, is_float: bool) -> str:
    if is_float:
        return repr(float(value)).replace("e+", "e")
    if isinstance(value, int):
        return str(value)
    return f"{value.numerator}/{value.denominator}"


def write_efg(game: ExtensiveGame, path: Any = None, *, title: str = "", comment: str = "") -> str:
    r"""Write an extensive game as a Gambit ``.efg`` file (outcome format, one outcome per leaf).

    Parameters
    ----------
    game : ExtensiveGame
        An exact or float game (substitute symbols first).
    path : str, os.PathLike or file, optional
        Where to write the text as well as returning it.
    title, comment : str

    Returns
    -------
    str
        The text: ``EFG 2 R`` with integers and ``p/q`` for an exact game,
        ``EFG 2 D`` with shortest round-trip decimals for a float game, so
        that :func:`read_efg` gives back an equal game.

    Raises
    ------
    ExtensiveGameError
        If ``game`` is not an ExtensiveGame or is symbolic.
    ParameterError
        If ``title`` or ``comment`` is not a string.

    Examples
    --------
    >>> from cybergames.extensive import ExtensiveGame, decision
    >>> game = ExtensiveGame(decision("A", {"L": (1, 0), "R": decision("B", {"l": (0, 1), "r": (2, 2)})}))
    >>> print(write_efg(game, title="ultimatum"))
    EFG 2 R "ultimatum" { "A" "B" }
    ""
    <BLANKLINE>
    p "" 1 1 "A@root" { "L" "R" } 0
    t "" 1 "" { 1, 0 }
    p "" 2 1 "B@R" { "l" "r" } 0
    t "" 2 "" { 0, 1 }
    t "" 3 "" { 2, 2 }
    <BLANKLINE>
    >>> read_efg(write_efg(game)) == game
    True
    """
    from ..errors import ExtensiveGameError
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    if game.is_symbolic:
        raise ExtensiveGameError(f"game: a symbolic game (symbols {sorted(map(str, game.free_symbols))}) cannot "
                                 f"be written as an .efg file; substitute numbers with game.subs(...) first")
    for name, value in (("title", title), ("comment", comment)):
        if not isinstance(value, str):
            raise ParameterError(f"{name}: expected a string, got {value!r}")
    is_float = game.kind == "float"
    lines = [f"EFG 2 {'D' if is_float else 'R'} {_quote(title)} {{ {' '.join(map(_quote, game.players))} }}",
             _quote(comment), ""]
    numbers: dict[int, int] = {}            # infoset index -> number within its player
    counts = [0] * game.num_players
    seen: set[int] = set()
    chance_count = outcome = 0
    try:
        for node in game.nodes:
            if node.kind == CHANCE:
                chance_count += 1
                branches = " ".join(f"{_quote(a)} {_number(p, is_float)}"
                                    for a, p in zip(node.actions, node.probabilities))
                lines.append(f'c "" {chance_count} "" {{ {branches} }} 0')
            elif node.kind == DECISION:
                h = node.infoset
                if h not in numbers:
                    counts[node.player] += 1
                    numbers[h] = counts[node.player]
                header = f'p "" {node.player + 1} {numbers[h]}'
                if h in seen:
                    lines.append(f"{header} 0")
                else:
                    seen.add(h)
                    infoset = game.infosets[h]
                    lines.append(f"{header} {_quote(infoset.label)} {{ {' '.join(map(_quote, infoset.actions))} }} 0")
            else:
                outcome += 1
                payoffs = ", ".join(_number(u, is_float) for u in node.payoffs)
                lines.append(f't "" {outcome} "" {{ {payoffs} }}')
    except ValueError as exc:  # an integer beyond Python's 4300-digit conversion limit
        raise ExtensiveGameError(f"game: a number is too large to write in decimal: {exc}") from exc
    text = "\n".join(lines) + "\n"
    if path is not None:
        write_text(text, path, "path")
    return text



