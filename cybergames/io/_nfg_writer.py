"""Writing Gambit strategic-form (``.nfg``) files; the format is described in :mod:`cybergames.io._gambit`."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import GameError, ParameterError
from ..games import NormalFormGame
from ._gambit import read_nfg  # noqa: F401  (used by the examples)
from ._sources import write_text

__all__ = ["write_nfg"]


def _quote(text: str) -> str:
    """A Gambit string: quotes escaped; a backslash doubled only where it precedes a quote,
    a backslash or the end (elsewhere Gambit keeps it as it is)."""
    out = []
    for k, char in enumerate(text):
        if char == '"':
            out.append('\\"')
        elif char == "\\" and (k + 1 == len(text) or text[k + 1] in '"\\'):
            out.append("\\\\")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _words(array: np.ndarray) -> list[str]:
    """The payoffs of one player as words, the first player's strategy changing fastest."""
    values = array.ravel(order="F").tolist()  # Python ints, Fractions and floats
    if array.dtype == float:
        return [repr(value).replace("e+", "e") for value in values]  # Gambit refuses a '+' in an exponent
    return [str(value) if type(value) is int else f"{value.numerator}/{value.denominator}" for value in values]


def write_nfg(game: NormalFormGame, path: Any = None, *, form: str = "payoffs",
              title: str = "", comment: str = "") -> str:
    r"""Write a game as a Gambit strategic-form (``.nfg``) file.

    Parameters
    ----------
    game : NormalFormGame
        An exact or float game (a symbolic game must be substituted first).
    path : str, os.PathLike or file, optional
        Where to write the text as well as returning it.
    form : {"payoffs", "outcomes"}
        The payoff-list form, or the outcome form (one outcome per distinct
        payoff vector; all-zero vectors use the null outcome 0).
    title, comment : str
        The file's title and comment.

    Returns
    -------
    str
        The file's text. Exact games are written with an ``R`` header (integers
        and ``p/q``), float games with ``D`` and each float's shortest
        round-trip decimal, so that :func:`read_nfg` gives back an equal game.

    Raises
    ------
    GameError
        If ``game`` is not a game or is symbolic.
    ParameterError
        If ``form``, ``title`` or ``comment`` is invalid.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> print(write_nfg(prisoners_dilemma(T=5, R=3, P=1, S=0), title="PD"))
    NFG 1 R "PD" { "0" "1" }
    { { "C" "D" } { "C" "D" } }
    ""
    <BLANKLINE>
    3 3
    5 0
    0 5
    1 1
    <BLANKLINE>
    >>> read_nfg(write_nfg(prisoners_dilemma(T=5, R=3, P=1, S=0), form="outcomes")) == prisoners_dilemma(T=5, R=3, P=1, S=0)
    True
    """
    if not isinstance(game, NormalFormGame):
        raise GameError(f"game: expected a NormalFormGame, got {type(game).__name__}")
    if game.is_symbolic:
        raise GameError(f"game: a symbolic game (symbols {sorted(map(str, game.free_symbols))}) cannot be "
                        f"written as an .nfg file; substitute numbers with game.subs(...) first")
    if form not in ("payoffs", "outcomes"):
        raise ParameterError(f"form: expected 'payoffs' or 'outcomes', got {form!r}")
    for name, value in (("title", title), ("comment", comment)):
        if not isinstance(value, str):
            raise ParameterError(f"{name}: expected a string, got {value!r}")
    header = "R" if game.is_exact else "D"
    lines = [f"NFG 1 {header} {_quote(title)} {{ {' '.join(map(_quote, game.players))} }}",
             "{ " + " ".join("{ " + " ".join(map(_quote, labels)) + " }" for labels in game.actions) + " }",
             _quote(comment), ""]
    try:
        table = [_words(array) for array in game.payoffs]
    except ValueError as exc:  # an integer beyond Python's 4300-digit conversion limit
        raise GameError(f"game: a payoff is too large to write in decimal: {exc}") from exc
    rows = list(zip(*table))
    if form == "payoffs":
        lines.extend(" ".join(row) for row in rows)
    else:
        numbering: dict[tuple[str, ...], int] = {}
        zero = {"0", "0.0"}
        indices = []
        for row in rows:
            if all(value in zero for value in row):
                indices.append(0)
                continue
            indices.append(numbering.setdefault(row, len(numbering) + 1))
        lines.append("{")
        lines.extend('{ "" ' + ", ".join(row) + " }" for row in numbering)
        lines.append("}")
        lines.extend(" ".join(map(str, indices[k:k + 30])) for k in range(0, len(indices), 30))
    text = "\n".join(lines) + "\n"
    if path is not None:
        write_text(text, path, "path")
    return text
