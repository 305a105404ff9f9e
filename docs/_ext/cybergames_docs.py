"""Sphinx helpers of the cybergames docs: unqualified cross-references and the generated CLI reference.

* ``missing-reference``: numpy-style docstrings name types and errors briefly
  (``GameError``, ``NormalFormGame``); a reference the Python domain cannot
  resolve is resolved to the one documented object of that name, if there is
  exactly one. Anything else stays a warning (``nitpicky = True``).
* ``.. cybergames-cli::`` renders the command line's options from its argparse
  parser and every model's parameters, defaults and letters from the model
  registry, at build time, so that the CLI reference cannot drift from the code.
"""

from __future__ import annotations

import dataclasses

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode, nested_parse_with_titles


def resolve_unqualified(app, env, node, contnode):
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    name = target.rsplit(".", 1)[-1]
    domain = env.get_domain("py")
    found = [(fullname, obj) for fullname, obj in domain.objects.items()
             if fullname.rsplit(".", 1)[-1] == name and not obj.aliased
             and (fullname.endswith("." + target) or "." not in target or target.startswith("cybergames."))]
    if len({obj.docname + "#" + obj.node_id for _, obj in found}) != 1:
        return None
    fullname, obj = found[0]
    return make_refnode(app.builder, node["refdoc"], obj.docname, obj.node_id, contnode, fullname)


def _value(value) -> str:
    from cybergames._maths import number

    return "none" if value is None else number(value)


def cli_lines() -> list[str]:
    """The CLI reference in reStructuredText."""
    from cybergames.models import ALIASES, REGISTRY, model_class
    from cybergames.models._letters import letters
    from cybergames.report import parser

    cli = parser()
    lines = ["Usage", "-----", "", ".. code-block:: text", ""]
    lines += ["   " + line for line in cli.format_usage().strip().splitlines()] + [""]
    lines += ["Options", "-------", ""]
    for action in cli._actions:
        flags = ", ".join(action.option_strings) or action.metavar or action.dest
        metavar = "" if not action.option_strings or action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
        lines += [f"``{flags}{metavar}``", f"   {action.help}" + (
            f" Choices: {', '.join(f'``{c}``' for c in action.choices)}." if action.choices else ""), ""]
    lines += ["Letters for ``--set``", "---------------------", "",
              "These letters stand for the parameters they name, in every model that has them:", ""]
    lines += [f"- ``{letter}``: ``{name}``" for letter, name in ALIASES.items()] + [""]
    lines += ["Models and their parameters", "---------------------------", "",
              "``--set NAME=VALUE`` sets a parameter of every selected model that has it, "
              "``--set MODEL.NAME=VALUE`` of one model only. The letter is how the report's formulas "
              "and sentences write the parameter.", ""]
    for key in REGISTRY:
        cls = model_class(key)
        title = f"``{key}``: {cls.obstacle} (:class:`~cybergames.models.{cls.__name__}`)"
        lines += [title, "~" * len(title), "", ".. list-table::", "   :header-rows: 1", "",
                  "   * - parameter", "     - letter", "     - default"]
        model = cls()
        names = letters(key)
        for field in dataclasses.fields(cls):
            lines += [f"   * - ``{field.name}``", f"     - {names.get(field.name, field.name)}",
                      f"     - {_value(getattr(model, field.name))}"]
        lines.append("")
    return lines


class CliReference(SphinxDirective):
    """``.. cybergames-cli::``: the generated CLI reference."""

    has_content = False

    def run(self):
        container = nodes.section() if False else nodes.container()
        nested_parse_with_titles(self.state, StringList(cli_lines(), source="cybergames-cli"), container)
        return container.children


def setup(app):
    app.connect("missing-reference", resolve_unqualified)
    app.add_directive("cybergames-cli", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
