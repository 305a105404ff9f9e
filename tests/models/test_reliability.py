"""The capacity-and-free-riding model (after Varian 2004): verdict, conditions, region and capacity building."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import ReliabilityModel
from cybergames.report import build_report, render


def test_defaults_either_state_may_provide_under_the_best_shot():
    # Derived in cybergames/security/reliability.py: x* = (3/4, 1/2); (3/4)^2 = 9/16 <= (1/2)(3/2) = 3/4, so
    # state 2 providing is an equilibrium too: the single-provider condition fails, the protection one holds.
    analysis = ReliabilityModel().analyse()
    protect, single = analysis.conditions
    assert (protect.holds, single.holds, analysis.sustainable) == (True, False, False)
    assert "free-ride on the less capable one at 1/2" in analysis.findings[3]
    assert verify(analysis.details["games"]).ok


def test_disparity_gives_one_provider_and_the_verdict_holds():
    # c_1 = 1/5: x_1* = 9/10, 81/100 > 3/4: state 1 alone provides.
    analysis = ReliabilityModel(cost_1=Fraction(1, 5)).analyse()
    assert analysis.sustainable is True
    assert "only state 1 provides" in analysis.findings[3]


def test_a_state_that_would_not_protect_leaves_the_weakest_link_at_zero():
    # c_2 = 2 = 2 v_2: x_2* = 0 (weakly: the first unit just breaks even); weakest link level 0.
    analysis = ReliabilityModel(cost_2=2).analyse()
    assert analysis.conditions[0].holds is False
    assert analysis.details["games"].weakest_link.best_level == 0


def test_capacity_building_tables():
    # Weakest link: min(3/4, 1 - c_2/2); total effort: max(3/4, 1 - c_2/2). At c_2 = 1/4: 3/4 and 7/8.
    remedies = {r.name: dict(r.table) for r in ReliabilityModel().analyse().remedies}
    wl = remedies["capacity building for state 2: weakest-link security"]
    te = remedies["capacity building for state 2: total-effort security"]
    assert wl[Fraction(1, 4)] == Fraction(3, 4) and wl[1] == Fraction(1, 2) and wl[2] == 0
    assert te[Fraction(1, 4)] == Fraction(7, 8) and te[1] == Fraction(3, 4) and te[2] == Fraction(3, 4)
    # Optima: 1 - min(c)/(2 (v_1 + v_2)) = 1 - (1/2)/4 = 7/8 at c_2 = 1; weakest link 1 - (1/2 + 1)/4 = 5/8.
    assert remedies["capacity building for state 2: the pair's optimum, total effort and best shot"][1] == \
        Fraction(7, 8)
    assert remedies["capacity building for state 2: the pair's optimum, weakest link"][1] == Fraction(5, 8)


def test_floats_and_bad_parameters():
    analysis = ReliabilityModel(cost_1=0.5).analyse()
    assert isinstance(analysis.details["games"].standalone[0], float)
    with pytest.raises(ParameterError, match="cost_2"):
        ReliabilityModel(cost_2=0)


def test_the_report_and_json_carry_the_numbers():
    text = render(build_report(["reliability"]), "text")
    assert "7/8" in text and "5/8" in text and "free-rides" in text
    assert '"exact": "7/8"' in render(build_report(["reliability"]), "json")


amounts = st.fractions(min_value=Fraction(1, 8), max_value=3, max_denominator=8)


@settings(max_examples=40)          # each example verifies exactly (sympy / enumeration): slow
@given(amounts, amounts, amounts, amounts)
def test_the_region_condition_agrees_with_the_analysis(v1, v2, c1, c2):
    model = ReliabilityModel(v1, v2, c1, c2)
    analysis = model.analyse()
    assert bool(model.region_condition(free=[])) == (analysis.conditions[0].holds and analysis.conditions[1].holds)
