"""The report rendered as text (wrapped at 100 columns), CommonMark Markdown or JSON (schema in schema.json)."""

from __future__ import annotations

import json
import textwrap
from fractions import Fraction
from typing import Any, Callable

import sympy

from .. import _maths, _numbers
from ..errors import ParameterError
from ._build import ConditionFact, Entry, Parameter, RemedyFact, Section, model_entry

__all__ = ["WIDTH", "SCHEMA_VERSION", "render", "render_analysis", "json_number", "RENDERERS"]

#: Columns of the text report.
WIDTH = 100
#: Version of the JSON report's schema (``cybergames/report/schema.json``); the major part changes
#: when a field is removed or changes meaning, the minor part when one is added.
SCHEMA_VERSION = "1.3"

_VERDICT = {True: "holds", False: "fails", None: "undecided"}


_NBSP = "\u00a0"
_KEEP_TOGETHER = (" = ", " ≥ ", " ≤ ", " ≈ ", " < ", " > ", " → ")


#: The heading of the verdict lines: each is the condition of the model's named strategy profile.
VERDICTS_HEADING = ("Verdicts at the models' parameters, for the strategy profile each model names "
                    "(another equilibrium of the game may do better):")


#: The heading of the game's verdict lines: what any equilibrium can do, where the models compute it.
GAME_VERDICTS_HEADING = ("What the game allows at the same parameters, under any strategies (the certified "
                         "least discount factor of full cooperation, or the best explicit equilibrium found; for a "
                         "one-shot game or decision problem, its whole equilibrium set; details under each model):")


def _wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    """``text`` wrapped at :data:`WIDTH`, never breaking a line beside a relation sign."""
    for glue in _KEEP_TOGETHER:
        text = text.replace(glue, glue.replace(" ", _NBSP))
    lines = textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=first if rest is None else rest,
                          break_long_words=False, break_on_hyphens=False) or [first.rstrip()]
    return [line.replace(_NBSP, " ") for line in lines]


def _parameter_label(parameter: Parameter) -> str:
    return parameter.name if parameter.letter == parameter.name else f"{parameter.letter} ({parameter.name})"


def _parameter_value(parameter: Parameter) -> str:
    if parameter.value is None and parameter.meaning:
        return parameter.meaning
    return _maths.number(parameter.value)


def _condition_line(condition: ConditionFact) -> str:
    shown = "" if condition.value is None else f" = {_maths.number(condition.value)}"
    return f"{condition.text}{shown} ({_VERDICT[condition.holds]} here)"


def _table_rows(remedy: RemedyFact) -> list[tuple[str, str]]:
    head = (_parameter_label(remedy.parameter), remedy.column)
    return [head] + [(_maths.number(x), _maths.number(y)) for x, y in remedy.table]


# ----------------------------------------------------------------------- text
def _text_model(entry: Entry) -> list[str]:
    lines = _wrap(entry.fact("summary"), "  model: ", "    ")
    parameters = ", ".join(f"{_parameter_label(p)} = {_parameter_value(p)}".replace(" (", _NBSP + "(", 1)
                           for p in entry.fact("parameters"))
    lines += _wrap(parameters, "  parameters: ", "    ")
    lines.append("  findings:")
    for finding in entry.fact("findings"):
        lines += _wrap(finding, "    - ", "      ")
    lines.append("  conditions:")
    for condition in entry.fact("conditions"):
        lines += _wrap(condition.name + ":", "    - ", "      ")
        lines += _wrap(_condition_line(condition), "      ", "        ")
        if condition.explanation:
            lines += _wrap(condition.explanation, "      ")
    game = entry.fact("game")
    if game is not None:
        lines.append(f"  game (what it allows beyond {game.profile_name}):")
        for line in _game_lines(game):
            lines += _wrap(line, "    - ", "      ")
    lines.append("  remedies:")
    for remedy in entry.fact("remedies"):
        lines += _wrap(remedy.name + ":", "    - ", "      ")
        lines += _wrap(remedy.effect, "      ")
        rows = _table_rows(remedy)
        if len(rows) > 1:
            width = max(len(left) for left, _ in rows)
            lines += [f"        {left:<{width}}  {right}".rstrip() for left, right in rows[:1]]
            lines += [f"        {'-' * width}  {'-' * len(rows[0][1])}"]
            for left, right in rows[1:]:
                lines += _wrap(right, f"        {left:<{width}}  ", " " * (width + 10))
    return lines


def _game_lines(game: Any) -> list[str]:
    """The game's answer, one line per item (the findings hold the same in sentences)."""
    if game is None:
        return []
    lines = []
    if game.certificate:
        lines.append(f"the game's answer, every equilibrium: {game.certificate}" if game.complete else
                     f"the game's answer, the equilibria certified (not every one): {game.certificate}")
        for found in game.equilibria:
            worth = (f"{_maths.number(found.value[0])} each" if len(set(found.value)) == 1
                     else _maths.number(tuple(found.value)))
            lines.append(f"equilibrium: {found.name}, worth {worth}")
        return lines + [f"note: {note}" for note in game.notes]
    if game.folk is None:
        lines.append("folk theorem: not computed (see notes)")
    else:
        folk = dict(game.folk)
        reason = "perfect monitoring" if folk.get("perfect") else "pairwise full rank"
        lines.append("folk theorem: " + (f"applies ({reason})" if folk["holds"] else "does not apply"))
    for label, found in (("best explicit equilibrium", game.best), ("at a larger δ", game.patient)):
        if found is None:
            continue
        where = ("" if found.least_delta is None else
                 f"; an equilibrium exactly for δ {'≥' if found.intervals[0][2] else '>'} "
                 f"{_maths.number(found.least_delta)}")
        at = (f"(δ₁, δ₂) = {_maths.number(found.delta)}" if isinstance(found.delta, tuple)
              else f"δ = {_maths.number(found.delta)}")
        if found.intervals == ((0, 1, True, False),):        # an equilibrium at every discount factor
            at, where = "every δ", ""
        worth = (f"{_maths.number(float(found.value[0]))} each" if len(set(found.value)) == 1
                 else _maths.number(tuple(found.value)))
        lines.append(f"{label}: {found.name} at {at}, worth {worth}{where}")
    if game.best is None and game.patient is None:
        lines.append("no member of the searched family is an equilibrium at the discount factors tried")
    if game.bracket is not None:
        found = dict(game.bracket)
        ends = found.get("by_player")
        if ends is not None and isinstance(game.best.delta if game.best else (game.patient.delta if game.patient
                                                                               else None), tuple):
            lows = [low for low, _ in ends]
            exact = found["exact"]
            lines.append(f"least discount factors for full cooperation {_maths.number(found['payoff'])}, each "
                         f"state's own: {'exactly ' if exact else 'at least '}"
                         + ", ".join(f"δ{'₁₂₃₄₅₆₇₈₉'[i]} ≥ {_maths.number(v)}" for i, v in enumerate(lows))
                         + ("" if min(lows) < 1 else " (none below 1 for some state)"))
        elif found["exact"] and not found["found"]:
            lines.append(f"full cooperation {_maths.number(found['payoff'])}: no equilibrium outcome below δ = "
                         f"{_maths.number(found['lower'])} (certified)")
        elif found["exact"]:
            lines.append(f"least δ for full cooperation {_maths.number(found['payoff'])}: exactly "
                         f"{_maths.number(found['lower'])}")
        elif found["found"]:
            lines.append(f"least δ for full cooperation {_maths.number(found['payoff'])}: between "
                         f"{_maths.number(found['lower'])} and {_maths.number(found['upper'])} (certified bracket)")
        elif found["lower"] is not None and found["lower"] >= 1:
            lines.append(f"full cooperation {_maths.number(found['payoff'])} itself: no equilibrium payoff for any "
                         f"δ < 1 (certified by the vertex argument)")
        else:
            lines.append(f"least δ for full cooperation {_maths.number(found['payoff'])}: at least "
                         f"{_maths.number(found['lower'])} (certified); no upper end certified")
    if game.payoff_set is not None:
        bounds = dict(game.payoff_set)
        inner = "none" if bounds["inner"] is None else _maths.number(bounds["inner"])
        lines.append(f"payoff set at δ: best common payoff between {inner} (inner) and "
                     f"{_maths.number(bounds['outer'])} (outer), {bounds['status']}")
    lines += [f"note: {note}" for note in game.notes]
    return lines


def _text_stage(entry: Entry) -> list[str]:
    lines = ["  equilibria:"]
    lines += [line for eq in entry.fact("equilibria") for line in _wrap(eq.description, "    - ", "      ")]
    for note in entry.fact("notes"):
        lines += _wrap(note, "  note: ", "    ")
    lines.append(f"  minmax values: {_maths.number(entry.fact('minmax'))}")
    return lines


def _render_text(sections: list[Section]) -> str:
    lines: list[str] = []
    for section in sections:
        if section.title:
            lines += [section.title, "=" * len(section.title)]
        if section.intro:
            lines += _wrap(section.intro, "")
        if section.key == "models" and len(section.entries) > 1:
            width = max(len(e.key) for e in section.entries)
            lines += [""] + _wrap(VERDICTS_HEADING, "")
            for entry in section.entries:
                lines += _wrap(entry.verdict, f"  {entry.key:<{width}}  ", " " * (width + 4))
            answered = [e for e in section.entries if e.game_verdict]
            if answered:
                lines += [""] + _wrap(GAME_VERDICTS_HEADING, "")
                for entry in answered:
                    lines += _wrap(entry.game_verdict, f"  {entry.key:<{width}}  ", " " * (width + 4))
        for entry in section.entries:
            lines += ["", entry.title, "-" * len(entry.title)]
            lines += _text_model(entry) if section.key == "models" else _text_stage(entry)
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------- markdown
_ESCAPE = {c: "\\" + c for c in "\\`*_[]<>|#"}


def _md(text: str) -> str:
    """Prose as CommonMark text: every character that could start markup escaped."""
    return "".join(_ESCAPE.get(c, c) for c in str(text))


def _code(text: str) -> str:
    return f"`{text}`"


def _md_table(rows: list[tuple[str, ...]]) -> list[str]:
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return out + ["| " + " | ".join(row) + " |" for row in rows[1:]] + [""]


def _md_model(entry: Entry) -> list[str]:
    lines = [f"**Model.** {_md(entry.fact('summary'))}", "", "**Parameters.**", ""]
    lines += _md_table([("parameter", "letter", "value")] + [
        (_code(p.name), _md(p.letter), _md(_parameter_value(p))) for p in entry.fact("parameters")])
    lines += ["**Findings.**", ""] + [f"- {_md(f)}" for f in entry.fact("findings")] + [""]
    lines += ["**Conditions.**", ""]
    for c in entry.fact("conditions"):
        shown = "" if c.value is None else f" = {_md(_maths.number(c.value))}"
        lines.append(f"- {_md(c.name)}: {_code(c.text)}{shown} ({_VERDICT[c.holds]} here). {_md(c.explanation)}")
    lines.append("")
    game = entry.fact("game")
    if game is not None:
        lines += [f"**The game (beyond {_md(game.profile_name)}).**", ""]
        lines += [f"- {_md(line)}" for line in _game_lines(game)] + [""]
    for remedy in entry.fact("remedies"):
        lines += [f"**Remedy: {_md(remedy.name)}.** {_md(remedy.effect)}", ""]
        rows = _table_rows(remedy)
        if len(rows) > 1:
            lines += _md_table([tuple(_md(cell) for cell in row) for row in rows])
    return lines


def _md_stage(entry: Entry) -> list[str]:
    lines = [f"- {_md(eq.description)}" for eq in entry.fact("equilibria")] + [""]
    lines += [f"*Note:* {_md(note)}" for note in entry.fact("notes")]
    lines += [f"Minmax values: {_md(_maths.number(entry.fact('minmax')))}", ""]
    return lines


def _render_markdown(sections: list[Section]) -> str:
    lines: list[str] = []
    for section in sections:
        if section.title:
            lines += [f"## {_md(section.title)}", ""]
        if section.intro:
            lines += [_md(section.intro), ""]
        if section.key == "models" and len(section.entries) > 1:
            lines += _md_table([("model", "verdict of its named strategy profile", "the game, any strategies")]
                               + [(_code(e.key), _md(e.verdict), _md(e.game_verdict or "not computed"))
                                  for e in section.entries])
        for entry in section.entries:
            title = _md(entry.title)
            if entry.key and title.endswith(f"({_md(entry.key)})"):
                title = title[:-len(_md(entry.key)) - 2] + f"({_code(entry.key)})"
            lines += [f"### {title}", ""]
            lines += _md_model(entry) if section.key == "models" else _md_stage(entry)
    return "\n".join(lines).rstrip() + "\n"


# ----------------------------------------------------------------------- json
def json_number(value: Any) -> Any:
    """One number in the JSON report's encoding (null for None).

    Every number is an object with ``text`` (as the text report shows it) and
    ``float``; a rational also has ``exact`` (``"p/q"`` or an integer's digits),
    an irrational algebraic number ``algebraic``: its minimal polynomial's
    integer coefficients (highest degree first) and an interval with rational
    ends that isolates it among the polynomial's real roots. An expression
    that is not a number (symbolic parameters) has ``float`` null and
    ``formula``, its Unicode text.

    >>> json_number(Fraction(3, 2))
    {'text': '3/2', 'float': 1.5, 'exact': '3/2'}
    >>> json_number(sympy.sqrt(2))["algebraic"]
    {'minimal_polynomial': [1, 0, -2], 'interval': ['1', '2']}
    """
    if value is None:
        return None
    if isinstance(value, sympy.Rational):
        value = Fraction(int(value.p), int(value.q))
    if isinstance(value, (int, Fraction)) and not isinstance(value, bool):
        return {"text": _maths.number(value), "float": float(value), "exact": str(value)}
    if isinstance(value, float):
        return {"text": _maths.number(value), "float": value}
    if isinstance(value, sympy.Basic) and value.is_number:
        out = {"text": _maths.number(value), "float": _numbers.approximate(value)}
        found = _maths.algebraic(value)
        if found is not None:
            coefficients, (low, high) = found
            out["algebraic"] = {"minimal_polynomial": coefficients, "interval": [str(low), str(high)]}
        return out
    if isinstance(value, sympy.Basic):
        return {"text": _maths.formula(value), "float": None, "formula": _maths.formula(value)}
    raise ParameterError(f"value: expected a number for the JSON report, got {value!r}")  # pragma: no cover


def _json_model(entry: Entry) -> dict[str, Any]:
    return {
        "key": entry.key,
        "title": entry.title,
        "summary": entry.fact("summary"),
        "sustainable": entry.sustainable,
        "verdict": entry.verdict,
        "game_verdict": entry.game_verdict or None,
        "parameters": {p.name: json_number(p.value) for p in entry.fact("parameters")},
        "letters": {p.name: p.letter for p in entry.fact("parameters")},
        "parameter_notes": {p.name: p.meaning for p in entry.fact("parameters") if p.meaning and p.value is None},
        "findings": list(entry.fact("findings")),
        "conditions": [{"key": c.key, "name": c.name, "formula": c.text, "value": json_number(c.value),
                        "holds": c.holds, "explanation": c.explanation} for c in entry.fact("conditions")],
        "remedies": [{"key": r.key, "name": r.name, "effect": r.effect, "parameter": r.parameter.name,
                      "column": r.column,
                      "table": [{"parameter": json_number(x), "value": json_number(y)} for x, y in r.table]}
                     for r in entry.fact("remedies")],
        "game": _json_game(entry.fact("game")),
        **({"numbers": {name: json_number(value) for name, value in entry.fact("numbers")}}
           if entry.fact("numbers") else {}),
        **_json_anonymity(entry),
    }


def _json_anonymity(entry: Entry) -> dict[str, Any]:
    """The optimal anonymity level of the information model (absent for the other models)."""
    found = dict(entry.facts).get("anonymity")
    if found is None:
        return {}
    found = dict(found)
    return {"anonymity": {"level": json_number(found["level"]), "least_delta": json_number(found["least_delta"]),
                          "game_lower": json_number(found["game_lower"]), "kind": found["kind"],
                          "reason": found["reason"],
                          "candidates": [{"level": json_number(a), "least_delta": json_number(d)}
                                         for a, d in found["candidates"]]}}


def _json_explicit(found: Any) -> Any:
    if found is None:
        return None
    delta = [json_number(d) for d in found.delta] if isinstance(found.delta, tuple) else json_number(found.delta)
    return {"name": found.name, "delta": delta, "value": [json_number(v) for v in found.value],
            "method": found.method,
            "delta_set": None if found.intervals is None else [
                {"lower": json_number(lo), "upper": json_number(hi), "lower_closed": lc, "upper_closed": uc}
                for lo, hi, lc, uc in found.intervals],
            "least_delta": json_number(found.least_delta)}


def _json_game(game: Any) -> Any:
    if game is None:
        return None
    bounds = None
    if game.payoff_set is not None:
        bounds = {k: (v if isinstance(v, str) else json_number(v)) for k, v in game.payoff_set}
    return {"profile": game.profile_name, "family": game.family,
            "folk": None if game.folk is None else dict(game.folk),
            "best": _json_explicit(game.best), "patient": _json_explicit(game.patient), "payoff_set": bounds,
            "impossible": game.impossible, "notes": list(game.notes),
            **({"certificate": game.certificate, "equilibria": [_json_explicit(e) for e in game.equilibria],
                "complete": game.complete} if game.certificate else {}),
            "least_delta_for_cooperation": None if game.bracket is None else {
                "payoff": [json_number(v) for v in dict(game.bracket)["payoff"]],
                "lower": json_number(dict(game.bracket)["lower"]), "upper": json_number(dict(game.bracket)["upper"]),
                "exact": dict(game.bracket)["exact"], "found": dict(game.bracket)["found"],
                **({} if "by_player" not in dict(game.bracket) else {"by_player": [
                    {"lower": json_number(low), "upper": json_number(high)}
                    for low, high in dict(game.bracket)["by_player"]]})}}


def _json_stage(entry: Entry) -> dict[str, Any]:
    return {
        "key": entry.key,
        "title": entry.title,
        "equilibria": [{"description": eq.description,
                        "strategies": [[json_number(p) for p in mixed] for mixed in eq.strategies],
                        "payoffs": [json_number(v) for v in eq.payoffs]} for eq in entry.fact("equilibria")],
        "notes": list(entry.fact("notes")),
        "minmax": [json_number(v) for v in entry.fact("minmax")],
    }


def _render_json(sections: list[Section]) -> str:
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "models": [], "stage_games": []}
    for section in sections:
        if section.key == "models":
            data["models"] += [_json_model(e) for e in section.entries]
        else:
            data["stage_games"] += [_json_stage(e) for e in section.entries]
    return json.dumps(data, indent=2, ensure_ascii=False)


RENDERERS: dict[str, Callable[[list[Section]], str]] = {
    "text": _render_text, "markdown": _render_markdown, "json": _render_json}


def render(sections: list[Section], fmt: str = "text") -> str:
    """Render sections as ``"text"``, ``"markdown"`` or ``"json"``.

    Raises
    ------
    ParameterError
        If ``fmt`` is not one of the three.
    """
    if fmt not in RENDERERS:
        raise ParameterError(f"format: expected one of {sorted(RENDERERS)}, got {fmt!r}")
    return RENDERERS[fmt](sections)


def render_analysis(analysis: Any, fmt: str = "text") -> str:
    """One model's analysis as the report shows it (``"text"``, ``"markdown"`` or ``"json"``).

    >>> from cybergames.models import CapacityModel
    >>> print(render_analysis(CapacityModel().analyse()).splitlines()[0])
    Technological disparities (capacity)
    """
    text = render([Section("", (model_entry(analysis),), key="models")], fmt)
    return text.lstrip("\n") if fmt == "text" else text
