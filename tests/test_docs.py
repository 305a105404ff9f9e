"""The documentation builds without a warning (nitpicky), documents every public name, and its pages stand alone."""

import importlib
import pkgutil
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").glob("*/*.rst"))


#: The tests of the HTML build: the build takes about 40 s of one core, so they are slow tests (CI runs them).
BUILD = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The HTML build of the docs (``-W --keep-going``: any warning fails it) and its output."""
    pytest.importorskip("sphinx")
    out = tmp_path_factory.mktemp("html")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html", str(ROOT / "docs"), str(out)],
        capture_output=True, text=True, timeout=900)
    return result, out


@BUILD
def test_sphinx_builds_the_docs_without_warnings(built):
    result, out = built
    assert result.returncode == 0, result.stderr[-4000:]
    assert (out / "index.html").exists()


def test_nitpicky_is_on():
    assert re.search(r"^nitpicky = True$", (ROOT / "docs" / "conf.py").read_text(), re.M)


def public_modules():
    """The package, its errors and strategies modules, and every public subpackage."""
    import cybergames

    names = ["cybergames", "cybergames.errors", "cybergames.strategies", "cybergames.figures"]
    names += [f"cybergames.{m.name}" for m in pkgutil.iter_modules(cybergames.__path__)
              if m.ispkg and not m.name.startswith("_")]
    return names


def _resolve(fullname):
    """The object an inventory name stands for, by attribute from the top package (None if absent).

    Attributes first: ``cybergames.repeated.values`` is the function the package exports, not
    the module of the same name.
    """
    parts = fullname.split(".")
    obj = importlib.import_module(parts[0])
    for k, part in enumerate(parts[1:], start=1):
        if hasattr(obj, part):
            obj = getattr(obj, part)
            continue
        try:
            obj = importlib.import_module(".".join(parts[:k + 1]))
        except ImportError:
            return None
    return obj


@BUILD
def test_every_public_name_is_in_the_reference(built):
    from sphinx.util.inventory import InventoryFile

    result, out = built
    with open(out / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "", posixpath.join)
    documented = {}
    for kind, entries in inventory.items():
        if kind.startswith("py:"):
            for fullname in entries:
                documented.setdefault(fullname.rsplit(".", 1)[-1], []).append(fullname)
    missing = []
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if f"{module_name}.{name}" in documented.get(name, []):
                continue
            if any(_resolve(fullname) is obj for fullname in documented.get(name, [])):
                continue
            if getattr(obj, "__name__", None) in inventory.get("py:module", {}):
                continue
            missing.append(f"{module_name}.{name}")
    assert not missing, f"public names missing from the reference: {missing}"


@BUILD
def test_the_cli_reference_is_generated_from_the_parser_and_the_registry(built):
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    try:
        from cybergames_docs import cli_lines
    finally:
        sys.path.remove(str(ROOT / "docs" / "_ext"))
    from cybergames.models import ALIASES, REGISTRY, model_class
    from cybergames.report import parser

    text = "\n".join(cli_lines())
    for action in parser()._actions:
        for flag in action.option_strings:
            assert flag in text
    for letter, name in ALIASES.items():
        assert f"- ``{letter}``: ``{name}``" in text
    for key in REGISTRY:
        for name in model_class(key)().parameters():
            assert f"   * - ``{name}``" in text
    html = (built[1] / "reference" / "cli.html").read_text()
    assert "unit_cost_untrustworthy" in html and "--plots" in html


def test_every_docs_page_is_reachable_from_the_index():
    index = (ROOT / "docs" / "index.rst").read_text()
    for section in ("tutorial", "how-to", "explanation", "reference"):
        assert f"{section}/*" in index, f"the index should glob docs/{section}/"
        assert list((ROOT / "docs" / section).glob("*.rst")), f"docs/{section}/ should have pages"


def test_doctests_get_no_injected_names():
    # Every page runs under plain ``python -m doctest``: nothing may be slipped into its namespace.
    assert "doctest_namespace" not in (ROOT / "conftest.py").read_text()


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_page_imports_what_its_examples_use(page):
    imports = {"Fraction": ">>> from fractions import Fraction", "np": ">>> import numpy as np"}
    lines = page.read_text().splitlines()
    for name, line in imports.items():
        used = [k for k, text in enumerate(lines) if re.match(r"\s*(>>>|\.\.\.) ", text)
                and re.search(rf"\b{name}\b[.(]", text)]
        if used:
            imported = [k for k, text in enumerate(lines) if text.strip() == line]
            assert imported and imported[0] < used[0], f"{page.name} uses {name} before importing it"
