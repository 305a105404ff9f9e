"""The cooperation report printed by ``python -m cybergames``.

The report is built as plain data (sections of titled entries holding exact
numbers, formulas and text), then rendered as text, Markdown or JSON, so that
the three formats always carry the same numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Sequence

import numpy as np
import sympy

from .errors import CybergamesError, ParameterError

__all__ = ["Entry", "Section", "stage_game_section", "build_report", "render", "run"]


@dataclass(frozen=True)
class Entry:
    """One item of a report section: a title and its named facts, in order."""

    title: str
    facts: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Section:
    """A titled list of entries."""

    title: str
    entries: tuple[Entry, ...]
    intro: str = ""


def _number(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else str(value.numerator)
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, sympy.Basic):
        return sympy.sstr(value)
    if isinstance(value, (np.ndarray, list, tuple)):
        return "(" + ", ".join(_number(v) for v in value) + ")"
    return str(value)


def _json_value(value: Any) -> Any:
    """A JSON-ready form: exact numbers as strings *and* floats, so nothing is lost."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        return {"exact": str(value), "float": float(value)}
    if isinstance(value, float):
        return value
    if isinstance(value, sympy.Basic):
        if value.is_number:
            try:
                return {"exact": sympy.sstr(value), "float": float(value)}
            except TypeError:
                pass
        return {"expression": sympy.sstr(value)}
    if isinstance(value, np.ndarray):
        return [_json_value(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return str(value)


# ---------------------------------------------------------------- stage games
def _classic_games() -> list[tuple[str, Any]]:
    from .games import classic

    return [
        ("Prisoner's dilemma (T, R, P, S = 5, 3, 1, 0)", classic.prisoners_dilemma()),
        ("Stag hunt (R, T, P, S = 4, 3, 3, 0)", classic.stag_hunt()),
        ("Chicken (T, R, S, P = 3, 2, 1, 0)", classic.chicken()),
        ("Battle of the sexes (3, 2, 0)", classic.battle_of_the_sexes()),
        ("Matching pennies (stake 1)", classic.matching_pennies()),
        ("Trust game (T, R, P, S = 3, 2, 1, 0)", classic.trust_game()),
        ("Public goods (3 players, multiplier 2, cost 1)", classic.public_goods(3, 2, 1)),
    ]


def _describe_equilibrium(game: Any, eq: Any) -> str:
    parts = []
    for i, mixed in enumerate(eq.strategies):
        support = [(game.actions[i][k], p) for k, p in enumerate(mixed) if p != 0]
        if len(support) == 1:
            parts.append(support[0][0])
        else:
            parts.append(" + ".join(f"{_number(p)} {label}" for label, p in support))
    return f"({'; '.join(parts)}) paying {_number(tuple(eq.payoffs))}"


def stage_game_section() -> Section:
    """The classic stage games: their Nash equilibria and each player's minmax value."""
    from .equilibria import minmax, nash_equilibria

    entries = []
    for title, game in _classic_games():
        equilibria = nash_equilibria(game)
        facts: list[tuple[str, Any]] = [
            ("equilibria", [_describe_equilibrium(game, eq) for eq in equilibria]),
        ]
        if not getattr(equilibria, "complete", True):
            facts.append(("note", "pure equilibria only (more than two players)"))
        facts.append(("minmax values", tuple(minmax(game, i).value for i in range(game.num_players))))
        entries.append(Entry(title, tuple(facts)))
    return Section("Classic stage games", tuple(entries),
                   "Nash equilibria (exact) and the minmax value that bounds what a player can be held to.")


SECTIONS: dict[str, Callable[[], Section]] = {"stage": stage_game_section}


def build_report(names: Sequence[str] | None = None) -> list[Section]:
    """Build the report's sections (all of them by default)."""
    names = list(SECTIONS) if not names else list(names)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise ParameterError(f"section: unknown {unknown}; expected one of {sorted(SECTIONS)}")
    return [SECTIONS[name]() for name in names]


# ----------------------------------------------------------------- rendering
def _render_text(sections: list[Section]) -> str:
    lines = []
    for section in sections:
        lines += [section.title, "=" * len(section.title)]
        if section.intro:
            lines.append(section.intro)
        for entry in section.entries:
            lines += ["", entry.title, "-" * len(entry.title)]
            for key, value in entry.facts:
                if isinstance(value, list):
                    lines.append(f"  {key}:")
                    lines += [f"    - {_number(v) if not isinstance(v, str) else v}" for v in value]
                else:
                    lines.append(f"  {key}: {_number(value)}")
        lines.append("")
    return "\n".join(lines)


def _render_markdown(sections: list[Section]) -> str:
    lines = []
    for section in sections:
        lines += [f"## {section.title}", ""]
        if section.intro:
            lines += [section.intro, ""]
        for entry in section.entries:
            lines += [f"### {entry.title}", ""]
            for key, value in entry.facts:
                if isinstance(value, list):
                    lines.append(f"- **{key}**:")
                    lines += [f"  - {_number(v) if not isinstance(v, str) else v}" for v in value]
                else:
                    lines.append(f"- **{key}**: {_number(value)}")
            lines.append("")
    return "\n".join(lines)


def _render_json(sections: list[Section]) -> str:
    data = [{"title": s.title, "intro": s.intro,
             "entries": [{"title": e.title, "facts": {k: _json_value(v) for k, v in e.facts}}
                         for e in s.entries]} for s in sections]
    return json.dumps({"report": data}, indent=2)


RENDERERS = {"text": _render_text, "markdown": _render_markdown, "json": _render_json}


def render(sections: list[Section], fmt: str = "text") -> str:
    """Render sections as ``"text"``, ``"markdown"`` or ``"json"``."""
    if fmt not in RENDERERS:
        raise ParameterError(f"format: expected one of {sorted(RENDERERS)}, got {fmt!r}")
    return RENDERERS[fmt](sections)


# ---------------------------------------------------------------------- CLI
class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, not a usage dump
        raise ParameterError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m cybergames",
                     description="The cooperation report: when is cyber cooperation sustainable?")
    parser.add_argument("sections", nargs="*", metavar="SECTION",
                        help=f"report only these sections ({', '.join(SECTIONS)}); default all")
    parser.add_argument("--format", default="text", choices=sorted(RENDERERS),
                        help="output format (default text)")
    return parser


def run(argv: Sequence[str]) -> int:
    """Run the command line; return the exit status (errors print one line to stderr)."""
    try:
        args = _parser().parse_args(list(argv))
        print(render(build_report(args.sections), args.format))
    except CybergamesError as exc:
        print(f"cybergames: error: {exc}", file=sys.stderr)
        return 2
    return 0
