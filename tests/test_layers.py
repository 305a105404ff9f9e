"""The layers of DESIGN.md: each imports only the layers above it; nothing imports models but the report.

games <- equilibria <- repeated / signalling <- models; strategies, sweep,
plot and io sit beside them and the report on top. The shared helpers
(``_numbers``, ``_linalg``, ``errors``, ``_verify``, ``_compiled``) may be imported anywhere.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cybergames"

#: Each layer and the layers it may import (besides itself and the shared helpers).
ALLOWED = {
    "games": set(),
    "equilibria": {"games"},
    "repeated": {"games", "equilibria"},
    "signalling": {"games", "equilibria"},
    "io": {"games"},
    "stochastic": {"games", "equilibria"},
    "bargaining": {"games", "equilibria"},
    "extensive": {"games", "equilibria", "signalling", "io"},
    "sweep": set(),
    "plot": {"games", "equilibria", "repeated", "signalling", "sweep"},
    "strategies": {"games", "equilibria", "repeated", "signalling", "extensive"},
    "models": {"games", "equilibria", "repeated", "signalling", "sweep"},
    "reputation": {"games", "equilibria", "repeated"},
    "bayesian": {"games", "equilibria", "repeated"},
    "report": {"games", "equilibria", "repeated", "signalling", "models", "sweep", "plot", "io"},
}
ALLOWED["strategies"] |= {"stochastic"}     # stochastic/_strategies.py builds StochasticGame objects
ALLOWED["dynamics"] = {"games", "equilibria"}
ALLOWED["plot"] |= {"dynamics"}             # plot/_dynamics.py draws dynamics.Trajectory objects
ALLOWED["security"] = {"games", "equilibria"}
ALLOWED["models"] |= {"security", "bargaining"}   # the literature's models wrap these families' solvers
ALLOWED["models"] |= {"bayesian", "stochastic"}   # deterrence (BBW 2020) and timing (Axelrod & Iliev 2014) too
ALLOWED["models"] |= {"dynamics"}             # the norms model's stochastic stability (KMR 1993)
ALLOWED["models"] |= {"reputation"}           # the trust model's finite-horizon reading (KMRW 1982)
SHARED = {"_numbers", "_linalg", "errors", "_verify", "_maths", "limits", "_compiled"}


def layer_of(parts):
    """The layer of a module given by its path parts under cybergames/ (or of an import target)."""
    if parts[-1].endswith("_strategies"):      # subpackages' hypothesis strategies belong to strategies
        return "strategies"
    head = parts[0]
    if head in ("report", "figures", "__main__", "_cli"):
        return "report"
    if head == "__init__":
        return "top"
    return head


def imports(path):
    """The cybergames modules ``path`` imports, as tuples of name parts."""
    own = path.relative_to(PACKAGE).with_suffix("").parts
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(own[:-1]) if own[-1] != "__init__" else list(own[:-1])
            base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
            target = base + (node.module.split(".") if node.module else [])
            for alias in node.names if not node.module else [None]:
                yield tuple(target + ([alias.name] if alias else [])), node.lineno
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                if name.startswith("cybergames."):
                    yield tuple(name.split(".")[1:]), node.lineno


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_module_imports_only_layers_above_it(path):
    own = layer_of(path.relative_to(PACKAGE).with_suffix("").parts)
    if own == "top":
        return
    for target, line in imports(path):
        if not target:
            continue
        layer = layer_of(target)
        if layer in SHARED or layer == own or layer == "top":
            continue
        assert layer in ALLOWED[own], f"{path.relative_to(PACKAGE)}:{line} ({own}) imports {'.'.join(target)} ({layer})"


TEXT_MODULES = sorted(PACKAGE.glob("models/_*_text.py"))


@pytest.mark.parametrize("path", TEXT_MODULES, ids=[p.name for p in TEXT_MODULES])
def test_report_text_does_not_import_back_from_its_model(path):
    # The model module imports its _text module (lazily) to analyse; the text must not import the model back.
    model = path.stem[1:-len("_text")]
    for target, line in imports(path):
        assert target[:2] != ("models", model), f"{path.name}:{line} imports {'.'.join(target)}"
