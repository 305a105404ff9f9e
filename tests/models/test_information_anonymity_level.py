"""The information model's anonymity level as a parameter (``--set anonymity=...``): hand values, the library's
delta set as a second method, bad input."""

import contextlib
import io
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames.errors import ParameterError
from cybergames.models import InformationSharingModel, configured
from cybergames.report import run

F = Fraction


def test_a_set_level_is_analysed_beside_the_optimum():
    # The mechanism of cybergames/models/information.py at the defaults m, c, l, q, r, n = 2, 1, 1/2, 4/5, 1/20, 5
    # and a = 1/2. By hand: q(a) = 1 - (1/2)(1/5) = 9/10, r(a) = (1/2)(1/20) = 1/40, l(a) = (1/2)(1/2) = 1/4.
    # A sharer's one-shot gain from withholding N = c + l(a) - mc/n = 1 + 1/4 - 2/5 = 17/20; T = mc(n - 1)/n = 8/5;
    # the certified lower end N/(N + |q(a) - r(a)| T) = (17/20)/(17/20 + (7/8)(8/5)) = (17/20)/(45/20) = 17/45.
    (model,) = configured(["information"], {"anonymity": F(1, 2)}, argument="--set")
    assert model.anonymity == F(1, 2)
    analysis = model.analyse()
    numbers = dict(analysis.numbers)
    assert (numbers["anonymity_set"], numbers["anonymity_set_detect"], numbers["anonymity_set_false_flag"],
            numbers["anonymity_set_leakage"]) == (F(1, 2), F(9, 10), F(1, 40), F(1, 4))
    assert numbers["anonymity_set_game_lower"] == F(17, 45)
    # the least delta of sharing until anyone is suspected: N/D with D = (1 - r(a))^5 T - (1 - q(a))(1 - r(a))^4 R(a),
    # R(a) = mc - c - l(a) = 3/4
    D = F(39, 40) ** 5 * F(8, 5) - F(1, 10) * F(39, 40) ** 4 * F(3, 4)
    assert numbers["anonymity_set_least_delta"] == F(17, 20) / D
    text = " ".join(analysis.findings)
    assert "At the anonymity level set, a = 1/2: q(a) = 9/10, r(a) = 1/40, leakage ℓ(a) = 1/4" in text
    assert "that profile's condition" in text and "17/45" in text
    (remedy,) = [r for r in analysis.remedies if r.parameter == "anonymity"]
    assert (F(1, 2), F(17, 20) / D) in remedy.table


def test_unset_the_analysis_is_as_before():
    analysis = InformationSharingModel().analyse()
    assert InformationSharingModel().anonymity is None
    assert not any(name.startswith("anonymity") for name, _ in analysis.numbers)
    assert not any("anonymity level set" in f for f in analysis.findings)


def test_the_command_line_sets_it_and_the_json_carries_it():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["information", "--set", "anonymity=1/2", "--format", "json"]) == 0
    entry = json.loads(out.getvalue())["models"][0]
    assert entry["parameters"]["anonymity"]["exact"] == "1/2" and entry["letters"]["anonymity"] == "a"
    assert entry["numbers"]["anonymity_set_game_lower"]["exact"] == "17/45"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["information", "--format", "json"]) == 0
    entry = json.loads(out.getvalue())["models"][0]
    assert entry["parameters"]["anonymity"] is None and "anonymity" in entry["parameter_notes"]


@pytest.mark.parametrize("value", [F(-1, 10), F(11, 10), "1/2", True])
def test_bad_levels_are_rejected(value):
    with pytest.raises(ParameterError, match="anonymity"):
        InformationSharingModel(anonymity=value)


def test_a_bad_level_on_the_command_line_exits_with_a_message():
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert run(["information", "--set", "anonymity=2"]) == 2
    assert "anonymity" in err.getvalue()


@settings(max_examples=15, deadline=None)
@given(st.fractions(0, 1, max_denominator=12), st.integers(2, 4))
def test_the_set_levels_threshold_is_the_librarys(a, n):
    # Second method: the library's exact delta set of the status-quo game whose monitoring is the clearing house's
    # at level a (q(a), r(a), l(a)), for n states.
    model = InformationSharingModel(n=n, anonymity=a)
    numbers = dict(model.analyse().numbers)
    try:
        library = model.anonymised(a).status_quo_threshold()
    except ParameterError:                      # the level leaves the sharing dilemma (sharing dominant)
        return
    assert numbers.get("anonymity_set_least_delta") == library
