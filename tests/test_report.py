"""Tests of the cooperation report, ``python -m cybergames`` (cybergames.report)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cybergames.models import REGISTRY, model_class
from cybergames.report import run

ROOT = Path(__file__).resolve().parents[1]


def command(*args: str, timeout: float = 120) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``python -m cybergames ARGS`` in a fresh process; return it and its wall-clock time."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cybergames", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=timeout)
    return done, time.perf_counter() - start


def title(key: str) -> str:
    obstacle = model_class(key).obstacle
    return f"{obstacle[:1].upper()}{obstacle[1:]} ({key})"


@pytest.fixture(scope="module")
def full_reports():
    """The whole report as text and as JSON, each from a fresh process (timed, not asserted)."""
    text, seconds = command()
    as_json, _ = command("--format", "json")
    return text, as_json, seconds


# ------------------------------------------------------------------- the report
def test_all_seven_models_in_a_fresh_process(full_reports, record_property):
    text, _, seconds = full_reports
    record_property("report_seconds", round(seconds, 2))     # the goal is under 10 s; measured, not asserted
    print(f"python -m cybergames (all seven models and the stage games): {seconds:.2f} s")
    assert text.returncode == 0, text.stderr
    assert text.stderr == ""
    for key in REGISTRY:
        assert title(key) in text.stdout
    assert text.stdout.count("(holds here)") + text.stdout.count("(fails here)") + \
        text.stdout.count("(undecided here)") >= len(REGISTRY)
    assert "Classic stage games" in text.stdout


def _token(value):
    """The text by which the text report shows a number the JSON report carries.

    Exact numbers appear in full (long ones followed by a decimal approximation); roots of
    polynomials (``CRootOf``) by their approximation; floats to six significant digits.
    """
    if value is None:
        return "none"
    if isinstance(value, dict) and "exact" in value:
        if value["exact"].startswith("CRootOf"):
            return f"≈ {value['float']:.4g}"
        return value["exact"]
    if isinstance(value, dict) and "expression" in value:
        return value["expression"]
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _fact_lines(lines, name):
    """The lines of one fact of an entry: those after ``  name:`` up to the next fact."""
    start = lines.index(f"  {name}:") + 1
    end = next((k for k in range(start, len(lines)) if not lines[k].startswith("    ")), len(lines))
    return lines[start:end]


def _in_order(line, tokens):
    """Whether the tokens appear in ``line`` one after the other."""
    at = 0
    for token in tokens:
        found = line.find(token, at)
        if found < 0:
            return False
        at = found + len(token)
    return True


def _block(text: str, heading: str, headings: list[str]) -> str:
    """The text of one entry: from its heading to the next one."""
    start = text.index(heading + "\n")
    ends = [text.index(h + "\n", start + 1) for h in headings if h != heading and text.find(h + "\n", start + 1) > 0]
    return text[start:min(ends, default=len(text))]


def test_json_parses_and_carries_the_same_numbers_as_the_text(full_reports):
    text, as_json, _ = full_reports
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    models, stage = data["report"]
    headings = [entry["title"] for section in data["report"] for entry in section["entries"]]
    assert headings[:len(REGISTRY)] == [title(key) for key in REGISTRY]
    checked = 0
    for entry in models["entries"]:
        block = _block(text.stdout, entry["title"], headings)
        facts = entry["facts"]
        assert f"  parameters: {facts['parameters']}" in block
        for finding in facts["findings"]:
            assert f"    - {finding}" in block
        lines = block.splitlines()
        for name, fact in facts.items():
            if isinstance(fact, dict) and "formula" in fact:
                shown = lines[lines.index(f"  {name}:") + 1]
                verdict = {True: "holds", False: "fails", None: "undecided"}[fact["holds"]]
                tokens = [_token(fact["formula"])] + ([] if fact["value"] is None else [" = ", _token(fact["value"])])
                assert shown.startswith("    - ") and _in_order(shown, tokens), (shown, tokens)
                assert shown.endswith(f"({verdict} here)")
                checked += 1
            elif isinstance(fact, dict) and "table" in fact and fact["table"]:
                heading = f"    - {fact['parameter']} -> threshold: "
                shown = next(line for line in _fact_lines(lines, name) if line.startswith(heading))
                tokens = [t for x, y in fact["table"] for t in (_token(x), " -> ", _token(y))]
                assert _in_order(shown[len(heading):], tokens), (shown, tokens)
                checked += 1
    assert checked >= 2 * len(REGISTRY)
    for entry in stage["entries"]:
        shown = next(line for line in _block(text.stdout, entry["title"], headings).splitlines()
                     if line.startswith("  minmax values: "))
        assert _in_order(shown, [_token(v) for v in entry["facts"]["minmax values"]])


def test_one_model(capsys):
    assert run(["attribution"]) == 0
    out = capsys.readouterr().out
    assert title("attribution") in out
    assert all(title(key) not in out for key in REGISTRY if key != "attribution")
    assert "Classic stage games" not in out


def test_overrides_are_read_exactly(capsys):
    # With perfect attribution (q = 1, r = 0) the trigger is grim trigger: delta >= (T - R)/(T - P)
    # = (5 - 3)/(5 - 1) = 1/2 (Axelrod 1984, ch. 1 payoffs); "0.8" is read as 4/5, not a float.
    assert run(["attribution", "--set", "detect=1", "--set", "false_flag=0", "--format", "json"]) == 0
    facts = json.loads(capsys.readouterr().out)["report"][0]["entries"][0]["facts"]
    assert facts["critical discount factor"]["value"] == {"exact": "1/2", "float": 0.5}
    assert "detect = 1, false_flag = 0" in facts["parameters"]
    assert run(["attribution", "--set", "attribution.detect=0.8", "--format", "json"]) == 0
    facts = json.loads(capsys.readouterr().out)["report"][0]["entries"][0]["facts"]
    assert "detect = 4/5" in facts["parameters"]


def test_an_override_applies_to_every_model_with_that_parameter(capsys):
    assert run(["attribution", "trust", "--set", "delta=1/2", "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)["report"][0]["entries"]
    assert len(entries) == 2 and all("delta = 1/2" in e["facts"]["parameters"] for e in entries)


def test_markdown(capsys):
    assert run(["attribution", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## When is cyber cooperation sustainable?")
    assert f"### {title('attribution')}" in out and "- **critical discount factor**:" in out


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize("args, words", [
    (["weather"], "model: unknown ['weather']"),
    (["attribution", "--set", "detect"], "--set: expected NAME=VALUE, got 'detect'"),
    (["attribution", "--set", "detect=abc"], "got 'abc'"),
    (["attribution", "--set", "no_such_parameter=1"], "no selected model has the parameter(s) ['no_such_parameter']"),
    (["attribution", "--set", "detect=2"], "AttributionModel.detect: expected a value <= 1, got 2"),
    (["attribution", "--set", "trust.prior=1/2"], "['trust.prior']"),
    (["stage", "--set", "delta=1/2"], "name at least one model"),
    (["--format", "xml"], "invalid choice: 'xml'"),
    (["--no-such-option"], "unrecognized arguments: --no-such-option"),
    (["--plots"], "argument --plots: expected one argument"),
])
def test_errors_are_one_clear_line_with_status_2(capsys, args, words):
    assert run(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("cybergames: error: ")
    assert words in lines[0]


def test_an_error_in_a_fresh_process_has_no_traceback():
    done, _ = command("--set", "detect=2", "attribution")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == ["cybergames: error: AttributionModel.detect: expected a value <= 1, got 2"]


# ----------------------------------------------------------------------- plots
def test_plots_writes_the_figures_of_the_models_reported(tmp_path, capsys):
    out = tmp_path / "figures"
    assert run(["attribution", "--set", "detect=9/10", "--plots", str(out)]) == 0
    assert title("attribution") in capsys.readouterr().out
    assert [p.name for p in out.iterdir()] == ["attribution.png"]
    assert (out / "attribution.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plots_take_the_same_letters_as_set(tmp_path, capsys):
    assert run(["attribution", "--set", "q=1/2", "--plots", str(tmp_path)]) == 0
    assert "detect = 1/2" in capsys.readouterr().out
    assert (tmp_path / "attribution.png").is_file()


def test_plots_of_the_stage_games_alone_write_nothing(tmp_path, capsys):
    assert run(["stage", "--plots", str(tmp_path)]) == 0
    assert "Classic stage games" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_plots_into_a_file_is_one_clear_line(tmp_path, capsys):
    blocker = tmp_path / "taken"
    blocker.write_text("a file")
    assert run(["attribution", "--plots", str(blocker)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("cybergames: error: plots: cannot create the directory")
    assert len(captured.err.splitlines()) == 1
