"""The investment-and-sharing model (after Gordon-Loeb-Lucyshyn 2003, Gal-Or-Ghose 2005): verdict, numbers, region."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import SharingInvestmentModel
from cybergames.report import build_report, render


def test_defaults_substitutes_and_the_subsidy_that_falls_short():
    # Derived here (cybergames/security/sharing.py): w, theta, lambda, rho, l, tau = 1, 1/2, 1/4, 1/4, 1, 1/2.
    # s* = (rho + tau)/l = 3/4; z* = 1 - (1/4)(3/4) = 13/16. Optimum: s = (1/2 + 1/4 + 1/4)/(1 + 1/4 - 1/16)
    # = 16/19; z = 1 - (1/4)(16/19) = 15/19; implementing subsidy 16/19 - 1/4 = 45/76 > 1/2.
    model = SharingInvestmentModel()
    analysis = model.analyse()
    r = analysis.details["solution"]
    assert (r.relation, r.sharing, r.investment) == ("substitutes", Fraction(3, 4), Fraction(13, 16))
    assert (r.optimal_sharing, r.optimal_investment) == (Fraction(16, 19), Fraction(15, 19))
    condition, = analysis.conditions
    assert (condition.value, condition.holds) == (Fraction(45, 76), False)
    assert analysis.sustainable is False
    assert "substitutes" in analysis.findings[0] and "Gordon, Loeb & Lucyshyn" in analysis.findings[0]
    assert verify(r).ok and verify(analysis.details["unsubsidised"]).ok


def test_the_implementing_subsidy_holds_weakly_and_reaches_the_optimum():
    model = SharingInvestmentModel(subsidy=Fraction(45, 76))
    analysis = model.analyse()
    assert analysis.conditions[0].holds is True
    assert "weakly" in analysis.conditions[0].explanation
    r = analysis.details["solution"]
    assert (r.sharing, r.investment) == (r.optimal_sharing, r.optimal_investment)


def test_a_strong_spillover_makes_them_complements():
    # lambda = 1 > theta = 1/2: complements; s = (1/2 + 1 + 1/4)/(1 + 1 - 1) = 7/4 and z = 1 + 7/8 = 15/8.
    analysis = SharingInvestmentModel(spillover=1).analyse()
    r = analysis.details["solution"]
    assert r.relation == "complements" and "Gal-Or & Ghose" in analysis.findings[0]
    assert (r.optimal_sharing, r.optimal_investment) == (Fraction(7, 4), Fraction(15, 8))


def test_the_tie_is_said_weakly():
    analysis = SharingInvestmentModel(spillover=Fraction(1, 2)).analyse()
    assert analysis.details["solution"].relation == "independent"
    assert "weakly" in analysis.findings[0]


def test_floats_give_floats():
    analysis = SharingInvestmentModel(subsidy=0.5).analyse()
    assert isinstance(analysis.conditions[0].value, float)
    assert analysis.conditions[0].value == pytest.approx(45 / 76)


def test_a_non_concave_welfare_is_refused():
    with pytest.raises(ParameterError, match="leakage"):
        SharingInvestmentModel(substitution=0, spillover=2, leakage=1)


def test_the_report_and_json_carry_the_numbers():
    text = render(build_report(["sharing"]), "text")
    assert "45/76" in text and "16/19" in text and "substitutes" in text
    data = render(build_report(["sharing"]), "json")
    assert '"exact": "45/76"' in data


positive = st.fractions(min_value=Fraction(1, 8), max_value=2, max_denominator=8)
small = st.fractions(min_value=0, max_value=2, max_denominator=8)


@settings(max_examples=40)          # each example verifies exactly (sympy / enumeration): slow
@given(positive, small, small, small, positive, small)
def test_the_region_condition_agrees_with_the_analysis(w, theta, lam, rho, extra, tau):
    leakage = max(lam * (lam - 2 * theta), 0) + extra
    model = SharingInvestmentModel(w, theta, lam, rho, leakage, tau)
    region = model.region_condition(free=[])
    assert bool(region) == model.analyse().conditions[0].holds


@settings(max_examples=40)          # each example verifies exactly (sympy / enumeration): slow
@given(small, small)
def test_subsidy_needed_is_what_the_region_says_at_one_free_parameter(theta, lam):
    model = SharingInvestmentModel(substitution=theta, spillover=lam, leakage=max(lam * (lam - 2 * theta), 0) + 1)
    relation = model.region_condition(free=["subsidy"])
    tau = sympy.Symbol("subsidy", nonnegative=True)
    target = model.implementing_subsidy()
    assert bool(relation.subs(tau, sympy.Rational(target) + sympy.Rational(1, 1000)))
    if target >= Fraction(1, 1000):                # below it (a subsidy is never negative: tau >= 0 holds)
        assert not bool(relation.subs(tau, sympy.Rational(target) - sympy.Rational(1, 1000)))
