"""The security-investment model (Gordon & Loeb 2002): closed forms, the 1/e bound, comparative statics."""

import math
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import SecurityInvestmentModel, model_class
from cybergames.report import build_report, render
from cybergames.security import gordon_loeb


def enbis(z, v, L, alpha, beta):
    """Gordon & Loeb's expected net benefit (v - S(z, v)) L - z for class I, S = v/(alpha z + 1)^beta."""
    return (v - v / (alpha * z + 1) ** beta) * L - z


def test_defaults_match_the_class_one_closed_form():
    # Gordon & Loeb (2002), ACM TISSEC 5(4), class I: z* = ((v beta alpha L)^(1/(beta+1)) - 1)/alpha.
    # v, L, alpha, beta = 1/2, 8, 1, 1: v beta alpha L = 4, z* = sqrt(4) - 1 = 1; S = (1/2)/2 = 1/4;
    # ENBIS = (1/2 - 1/4) 8 - 1 = 1; share z*/(vL) = 1/4.
    model = SecurityInvestmentModel()
    assert model.optimal_investment() == 1
    assert model.share_of_expected_loss() == Fraction(1, 4)
    assert model.least_vulnerability() == Fraction(1, 8)
    # A second method: ENBIS(z) = 4 - 4/(z + 1) - z on a grid of exact z; none beats z = 1.
    best = enbis(Fraction(1), Fraction(1, 2), 8, 1, 1)
    assert best == 1
    assert all(enbis(Fraction(k, 100), Fraction(1, 2), 8, 1, 1) <= best for k in range(0, 500))


def test_beta_two_keeps_the_cube_root_exact():
    # Class I with beta = 2, v = 1/2, alpha = 1, L = 16: (z + 1)^3 = v beta alpha L = 16, z* = 16^(1/3) - 1.
    # Independently: sympy solves ENBIS'(z) = 0 for the positive root.
    model = SecurityInvestmentModel(loss=16, shape=2)
    z = sympy.Symbol("z", positive=True)
    root, = sympy.solve(sympy.diff(enbis(z, sympy.Rational(1, 2), 16, 1, 2), z), z)
    assert sympy.simplify(sympy.sympify(model.optimal_investment()) - root) == 0
    assert sympy.simplify(sympy.sympify(model.optimal_investment()) - (2 * sympy.cbrt(2) - 1)) == 0


def test_no_investment_below_the_least_vulnerability_and_weakly_at_it():
    # v beta alpha L <= 1: ENBIS'(0) = v beta alpha L - 1 <= 0 and ENBIS is concave, so z* = 0.
    at = SecurityInvestmentModel(vulnerability=Fraction(1, 8))
    assert at.optimal_investment() == 0
    analysis = at.analyse()
    assert analysis.conditions[0].holds is False
    assert any("weakly" in f for f in analysis.findings)          # the knife edge is said
    above = SecurityInvestmentModel(vulnerability=Fraction(1, 7))
    assert above.optimal_investment() > 0 and above.analyse().conditions[0].holds is True


def test_the_analysis_carries_a_verifiable_solution_and_the_bound():
    analysis = SecurityInvestmentModel().analyse()
    assert verify(analysis.details["solution"]).ok
    assert [c.holds for c in analysis.conditions] == [True, True]
    assert analysis.sustainable is True
    productivity = dict(analysis.remedies[0].table)
    # beta = 1, v L = 4: z*(alpha) = (sqrt(4 alpha) - 1)/alpha; alpha = 4: (4 - 1)/4 = 3/4; alpha = 1/4: 0.
    assert productivity[4] == Fraction(3, 4) and productivity[Fraction(1, 4)] == 0


def test_float_in_float_out():
    model = SecurityInvestmentModel(vulnerability=0.5)
    assert isinstance(model.loss, float) and isinstance(model.optimal_investment(), float)
    assert model.optimal_investment() == pytest.approx(1.0)


def test_symbols_and_bad_values_are_refused():
    with pytest.raises(ParameterError, match="vulnerability"):
        SecurityInvestmentModel(vulnerability=1)
    with pytest.raises(ParameterError, match="loss"):
        SecurityInvestmentModel(loss=0)
    with pytest.raises(ParameterError, match="expression"):
        SecurityInvestmentModel(loss=sympy.Symbol("L", positive=True))


positive = st.floats(0.05, 50.0)
vulnerability = st.floats(0.01, 0.99)


@settings(max_examples=60, deadline=None)
@given(vulnerability, positive, positive, st.floats(0.1, 10.0))
def test_the_optimum_never_spends_a_share_above_1_over_e(v, L, alpha, beta):
    # Gordon & Loeb (2002): z* < vL/e (about 37% of the expected loss, the bound their abstract summarises
    # as "only a small fraction of the expected loss"); for class I the share is at most
    # (beta/(beta+1))^(beta+1) (maximum over alpha: with u = (v beta alpha L)^(1/(beta+1)),
    # z*/(vL) = beta (u - 1)/u^(beta+1), maximal at u = (beta+1)/beta).
    model = SecurityInvestmentModel(vulnerability=v, loss=L, productivity=alpha, shape=beta)
    share = model.share_of_expected_loss()
    assert share < 1 / math.e
    assert share <= model.share_cap() * (1 + 1e-9)


@settings(max_examples=60, deadline=None)
@given(vulnerability, vulnerability, positive, positive)
def test_class_one_investment_rises_with_vulnerability(v1, v2, L, alpha):
    low, high = sorted((v1, v2))
    model = SecurityInvestmentModel(vulnerability=low, loss=L, productivity=alpha)
    assert model.optimal_investment() <= model.optimal_investment(vulnerability=high) + 1e-12


def test_class_two_investment_is_not_monotone_in_vulnerability():
    # Gordon & Loeb (2002), class II S = v^(alpha z + 1): z* > 0 iff -alpha v L ln v > 1, and
    # -v ln v -> 0 as v -> 1, so the most vulnerable information gets nothing while v = 1/2 gets some.
    # alpha = 1, L = 10: at v = 1/2, 5 ln 2 ≈ 3.47 > 1; at v = 0.99, 9.9 * 0.01005 ≈ 0.0995 < 1.
    middle, top = gordon_loeb(0.5, 10.0, 1.0, kind="II"), gordon_loeb(0.99, 10.0, 1.0, kind="II")
    assert middle.investment > 0 and top.investment == 0


def test_registered_and_in_the_report():
    assert model_class("investment") is SecurityInvestmentModel
    text = render(build_report(["investment"]), "text")
    assert "z*/(L·v) < 1/e" in text and "How much security investment pays (investment)" in text
