r"""Gambit ``.efg`` export of signalling games, written as plain text.

The extensive form: a chance node draws the type with the prior; each type's
node is a singleton information set of the sender (player 1) with the type's
available messages; each message leads to a receiver node (player 2), and the
receiver's information set for message :math:`m` holds the nodes of every type
that can send :math:`m`; each action ends the game with payoffs
:math:`(u_S, u_R)`. Exact numbers are written as rationals (``1/10``), floats
in decimal. The format is Gambit's "EFG 2 R" (see the Gambit manual, "The
extensive game (.efg) file format").
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

from ..errors import SignallingGameError
from .game import SignallingGame

__all__ = ["to_efg", "write_efg"]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    raise SignallingGameError(f"sg: the .efg format needs numeric payoffs and prior, got {value!r}")


def to_efg(sg: SignallingGame, title: str = "Signalling game") -> str:
    r"""The text of a Gambit ``.efg`` file describing ``sg``.

    Raises
    ------
    SignallingGameError
        If ``sg`` is not a signalling game or is symbolic.

    Examples
    --------
    >>> from cybergames.signalling import beer_quiche
    >>> print(to_efg(beer_quiche()).splitlines()[3])
    c "" 1 "" { "weak" 1/10 "strong" 9/10 } 0
    """
    if not isinstance(sg, SignallingGame):
        raise SignallingGameError(f"sg: expected a SignallingGame, got {type(sg).__name__}")
    if sg.is_symbolic:
        raise SignallingGameError("sg: the .efg format needs numeric payoffs; substitute values with sg.subs(...)")
    lines = [f'EFG 2 R {_quote(str(title))} {{ "Sender" "Receiver" }}', '""', ""]
    chance = " ".join(f"{_quote(t)} {_number(sg.prior[t])}" for t in sg.types)
    lines.append(f'c "" 1 "" {{ {chance} }} 0')
    outcome = 0
    for i, t in enumerate(sg.types):
        messages = " ".join(_quote(m) for m in sg.available[t])
        lines.append(f'p {_quote(t)} 1 {i + 1} {_quote(t)} {{ {messages} }} 0')
        for m in sg.available[t]:
            actions = " ".join(_quote(a) for a in sg.actions[m])
            lines.append(f'p "" 2 {sg.messages.index(m) + 1} {_quote(m)} {{ {actions} }} 0')
            for a in sg.actions[m]:
                outcome += 1
                u_s, u_r = sg.payoffs(t, m, a)
                lines.append(f't "" {outcome} {_quote(f"{t}, {m}, {a}")} {{ {_number(u_s)}, {_number(u_r)} }}')
    return "\n".join(lines) + "\n"


def write_efg(sg: SignallingGame, path: str | Path, title: str = "Signalling game") -> Path:
    """Write ``sg`` to ``path`` as a Gambit ``.efg`` file and return the path."""
    if not isinstance(path, (str, Path)) and not hasattr(path, "__fspath__"):
        raise SignallingGameError(f"path: expected a file path (str or os.PathLike), got {path!r}")
    text = to_efg(sg, title=title)
    target = Path(path)
    target.write_text(text, encoding="utf-8")
    return target
