"""The cooperation report printed by ``python -m cybergames``.

The report is built as plain data (:func:`build_report`: sections of entries
holding exact numbers, sympy formulas and words), then rendered by
:func:`render` as text wrapped at 100 columns, as CommonMark Markdown (formulas
in code spans, remedies as pipe tables) or as JSON, so that the three formats
always carry the same numbers.

One notation throughout: Unicode maths in the letters of the prose
(``δ ≥ (T − R)/(T − P)``, each model's letters listed beside its parameters)
and one decimal style, the exact value followed by ``≈`` and four significant
digits where it is long (``8800000/9252791 ≈ 0.9511``).

The JSON report follows the JSON Schema shipped as ``cybergames/report/schema.json``
(:data:`SCHEMA_PATH`, version :data:`SCHEMA_VERSION`).
"""

from __future__ import annotations

from pathlib import Path

from ._build import Entry, Section, build_report, model_entry, models_section, stage_game_section
from ._cli import parser, run
from ._render import SCHEMA_VERSION, WIDTH, json_number, render, render_analysis

__all__ = ["Entry", "Section", "stage_game_section", "model_entry", "render_analysis", "models_section",
           "build_report", "render", "run", "parser", "json_number", "SCHEMA_VERSION", "SCHEMA_PATH", "WIDTH"]

#: The JSON Schema of ``--format json``.
SCHEMA_PATH = Path(__file__).with_name("schema.json")
