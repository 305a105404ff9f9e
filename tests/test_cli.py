"""The command line's cheap path (--help and option errors before the solvers load) and --set scoping."""

from __future__ import annotations

import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from cybergames.errors import ParameterError
from cybergames.models import configured

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("numpy", "scipy", "sympy", "hypothesis")


def cheap_run(*args: str) -> subprocess.CompletedProcess:
    """``python -m cybergames ARGS`` in a fresh process that reports which heavy modules it loaded."""
    script = ("import sys, runpy\n"
              "try:\n"
              f"    sys.argv = ['cybergames', *{list(args)!r}]; runpy.run_module('cybergames', run_name='__main__')\n"
              "except SystemExit as exc:\n"
              f"    print('LOADED', sorted(m for m in {HEAVY!r} if m in sys.modules), exc.code, file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)


def test_help_loads_no_solver():
    done = cheap_run("--help")
    assert "usage: python -m cybergames" in done.stdout
    assert "LOADED [] 0" in done.stderr


@pytest.mark.parametrize("args, words", [
    (["trsut"], "model: unknown ['trsut'] (did you mean 'trust'?)"),
    (["atribution", "stage"], "(did you mean 'attribution'?)"),
    (["--format", "xml"], "invalid choice: 'xml'"),
    (["--no-such-option"], "unrecognized arguments: --no-such-option"),
])
def test_option_errors_load_no_solver_and_suggest(args, words):
    done = cheap_run(*args)
    assert done.stdout == ""
    first, loaded = done.stderr.splitlines()
    assert first.startswith("cybergames: error: ") and words in first
    assert loaded == "LOADED [] 2"


def test_an_unscoped_override_must_fit_every_selected_model():
    # --set delta=0.95 used to skip the models without a delta silently (issue 13).
    with pytest.raises(ParameterError, match=r"have no parameter 'delta'; scope it to a model \(trust.delta=") as info:
        configured([], {"delta": Fraction(19, 20)}, argument="--set")
    # interests (per-player discount factors) has no delta (norms has one, for its community enforcement).
    # (models added later without a delta follow it in the list)
    lacking = str(info.value).split("have no")[0]
    assert "the selected model(s) ['interests', " in lacking and "'norms'" not in lacking
    assert "have no parameter 'delta'" in str(info.value)
    trust, attribution = configured(["trust", "attribution"], {"delta": Fraction(19, 20)})
    assert trust.delta == attribution.delta == Fraction(19, 20)
    (model,) = [m for m in configured([], {"trust.delta": Fraction(19, 20)}) if type(m).__name__ == "TrustModel"]
    assert model.delta == Fraction(19, 20)


@pytest.mark.parametrize("overrides, words", [
    ({"detcet": Fraction(1, 2)}, "['detcet'] (did you mean 'detect'?)"),
    ({"atribution.detect": Fraction(1, 2)}, "(did you mean 'attribution'?)"),
    ({"attribution.detcet": Fraction(1, 2)}, "(did you mean 'detect'?)"),
])
def test_parameter_names_get_suggestions(overrides, words):
    with pytest.raises(ParameterError) as info:
        configured(["attribution"], overrides, argument="--set")
    assert words in str(info.value)


def test_a_set_value_beyond_the_exponent_bound_names_the_bound():
    # issue 13: --set q=1e999999999 used to get the generic "expected a number"
    from cybergames.report import run
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert run(["attribution", "--set", "q=1e999999999"]) == 2
    assert "MAX_EXPONENT" in err.getvalue() and "--set q" in err.getvalue()
