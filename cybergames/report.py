"""The cooperation report printed by ``python -m cybergames``.

The report is built as plain data (sections of titled entries holding exact
numbers, formulas and text), then rendered as text, Markdown or JSON, so that
the three formats always carry the same numbers.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Sequence

import numpy as np
import sympy

from . import _numbers
from ._cli import _parser, check_model_names  # the parser lives where --help need not load the solvers
from .errors import CybergamesError, ParameterError

__all__ = ["Entry", "Section", "stage_game_section", "model_entry", "render_analysis", "models_section", "build_report", "render", "run"]


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
    """A number for people: exact where short, with a decimal where the exact form is long."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        text = str(value)
        simple = value.denominator <= 12 or (value * 1000).denominator == 1
        return text if simple else f"{text} ≈ {float(value):.4g}"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, sympy.Basic):
        if isinstance(value, sympy.Rational):
            return _number(Fraction(int(value.p), int(value.q)))
        approx = _numbers.approximate(value)
        if approx is not None and not isinstance(value, sympy.Rational):
            if isinstance(value, sympy.CRootOf):
                return f"≈ {approx:.4g} (a root of {sympy.sstr(value.expr)})"
            return f"{sympy.sstr(value)} ≈ {approx:.4g}"
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
        approx = _numbers.approximate(value)
        if approx is not None:
            return {"exact": sympy.sstr(value), "float": approx}
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
            ("equilibria", [{"profile": _describe_equilibrium(game, eq),
                             "strategies": [list(mixed) for mixed in eq.strategies],
                             "payoffs": list(eq.payoffs)} for eq in equilibria]),
        ]
        if getattr(equilibria, "degenerate", False):
            facts.append(("note", "degenerate game: the equilibria listed are the extreme points "
                                  "of components of equilibria"))
        if not getattr(equilibria, "complete", True):
            facts.append(("note", "pure equilibria only (more than two players)"))
        facts.append(("minmax values", tuple(minmax(game, i).value for i in range(game.num_players))))
        entries.append(Entry(title, tuple(facts)))
    return Section("Classic stage games", tuple(entries),
                   "Nash equilibria (exact) and the minmax value that bounds what a player can be held to.")


def _condition_fact(condition: Any) -> tuple[str, Any]:
    return condition.name, {"formula": condition.formula, "value": condition.value,
                            "holds": condition.holds, "explanation": condition.explanation}


def _remedy_fact(remedy: Any) -> tuple[str, Any]:
    return f"remedy: {remedy.name}", {"effect": remedy.effect, "parameter": remedy.parameter,
                                      "table": [list(row) for row in remedy.table]}


def _display(value: Any) -> list[str]:
    """The lines that show one fact's value in text and Markdown."""
    if isinstance(value, dict) and "formula" in value:
        shown = "" if value["value"] is None else f" = {_number(value['value'])}"
        verdict = {True: "holds", False: "fails", None: "undecided"}[value["holds"]]
        line = f"{_number(value['formula'])}{shown} ({verdict} here)"
        return [line] + ([value["explanation"]] if value["explanation"] else [])
    if isinstance(value, dict) and "effect" in value:
        lines = [value["effect"]]
        if value["table"]:
            lines.append(f"{value['parameter']} -> threshold: " + "; ".join(
                f"{_number(x)} -> {_number(y)}" for x, y in value["table"]))
        return lines
    if isinstance(value, list):
        return [v if isinstance(v, str) else v["profile"] if isinstance(v, dict) and "profile" in v
                else _number(v) for v in value]
    return [_number(value)]


def model_entry(analysis: Any) -> Entry:
    """A report entry from a :class:`cybergames.models.ModelAnalysis`."""
    model = analysis.model
    facts: list[tuple[str, Any]] = [
        ("model", analysis.summary),
        ("parameters", ", ".join(f"{k} = {_number(v)}" for k, v in model.parameters().items())),
        ("findings", list(analysis.findings)),
    ]
    facts += [_condition_fact(c) for c in analysis.conditions]
    facts += [_remedy_fact(r) for r in analysis.remedies]
    title = f"{analysis.obstacle[:1].upper()}{analysis.obstacle[1:]} ({model.key})"
    return Entry(title, tuple(facts))


def render_analysis(analysis: Any, fmt: str = "text") -> str:
    """One model's analysis as the report shows it (``"text"``, ``"markdown"`` or ``"json"``).

    >>> from cybergames.models import CapacityModel
    >>> print(render_analysis(CapacityModel().analyse()).splitlines()[0])
    Technological disparities (capacity)
    """
    text = render([Section("", (model_entry(analysis),))], fmt)
    return text.lstrip("=\n") if fmt == "text" else text


def models_section(keys: Sequence[str], overrides: dict[str, Any]) -> Section:
    """The analyses of the models named by ``keys`` with parameter ``overrides``.

    An override ``name`` applies to every selected model that has a parameter
    of that name; ``model.name`` applies to one model only.
    """
    from .models import configured

    entries = tuple(model_entry(model.analyse()) for model in configured(keys, overrides, argument="--set"))
    return Section("When is cyber cooperation sustainable?", entries,
                   "Each obstacle to cooperation as a game: the equilibrium finding, the condition "
                   "under which cooperation is sustainable, and what each remedy does to it.")


def _model_keys() -> list[str]:
    from .models import REGISTRY
    return list(REGISTRY)


def build_report(names: Sequence[str] | None = None, overrides: dict[str, Any] | None = None
                 ) -> list[Section]:
    """Build the report: the named models (all seven by default) and, if asked, ``"stage"``.

    With no names the report holds all seven models and the classic stage games.
    """
    keys = _model_keys()
    names = list(names or [])
    check_model_names(names)
    selected = [k for k in keys if k in names] if names else keys
    sections = []
    if selected:
        sections.append(models_section(selected, overrides or {}))
    elif overrides:
        raise ParameterError("--set: parameters apply to models; name at least one model")
    if not names or "stage" in names:
        sections.append(stage_game_section())
    return sections


# ----------------------------------------------------------------- rendering
@dataclass(frozen=True)
class _Layout:
    """How a plain-text format lays out sections, entries and facts."""

    section: Callable[[Section], list[str]]
    entry: Callable[[Entry], list[str]]
    fact: str                 # one-line fact, formatted with key and value
    list_head: str            # a fact shown as a list: its first line, then one item per line
    item: str
    after_entry: list[str]
    after_section: list[str]


def _render_lines(sections: list[Section], layout: _Layout) -> str:
    lines: list[str] = []
    for section in sections:
        lines += layout.section(section)
        for entry in section.entries:
            lines += layout.entry(entry)
            for key, value in entry.facts:
                shown = _display(value)
                if len(shown) == 1 and not isinstance(value, list):
                    lines.append(layout.fact.format(key=key, value=shown[0]))
                else:
                    lines.append(layout.list_head.format(key=key))
                    lines += [layout.item.format(line) for line in shown]
            lines += layout.after_entry
        lines += layout.after_section
    return "\n".join(lines)


_TEXT = _Layout(
    section=lambda s: [s.title, "=" * len(s.title)] + ([s.intro] if s.intro else []),
    entry=lambda e: ["", e.title, "-" * len(e.title)],
    fact="  {key}: {value}", list_head="  {key}:", item="    - {}", after_entry=[], after_section=[""])
_MARKDOWN = _Layout(
    section=lambda s: [f"## {s.title}", ""] + ([s.intro, ""] if s.intro else []),
    entry=lambda e: [f"### {e.title}", ""],
    fact="- **{key}**: {value}", list_head="- **{key}**:", item="  - {}", after_entry=[""], after_section=[])


def _render_text(sections: list[Section]) -> str:
    return _render_lines(sections, _TEXT)


def _render_markdown(sections: list[Section]) -> str:
    return _render_lines(sections, _MARKDOWN)


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
def _parse_overrides(items: Sequence[str]) -> dict[str, Any]:
    from .models._base import as_fraction

    overrides = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep or not name.strip() or not text.strip():
            raise ParameterError(f"--set: expected NAME=VALUE, got {item!r}")
        try:
            overrides[name.strip()] = as_fraction(text.strip())
        except ParameterError:
            raise ParameterError(f"--set {name.strip()}: expected a number such as 0.8 or 4/5, "
                                 f"got {text.strip()!r}") from None
    return overrides


def run(argv: Sequence[str]) -> int:
    """Run the command line; return the exit status (errors print one line to stderr)."""
    try:
        args = _parser().parse_args(list(argv))
        overrides = _parse_overrides(args.overrides)
        sections = build_report(args.models, overrides)
        if args.plots:
            from .figures import write_figures
            write_figures(args.plots, args.models, overrides)
        print(render(sections, args.format))
    except CybergamesError as exc:
        print(f"cybergames: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0
