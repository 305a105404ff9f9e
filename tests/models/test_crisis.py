"""The crisis-bargaining model (Fearon 1995): the bargaining range and the risk-return trade-off."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import CrisisBargainingModel, model_class


def utility(x, p, c_a, low, high):
    """A's expected utility of demanding x, by hand: B (cost uniform on [low, high]) accepts iff
    c_B >= x - p, so conflict has probability F(x - p) and pays A p - c_A."""
    war = min(max(Fraction(x - p - low) / (high - low), 0), 1)
    return (1 - war) * x + war * (p - c_a)


def test_defaults_match_fearons_closed_form():
    # Fearon (1995), section "War due to private information and incentives to misrepresent":
    # x* = p + (c_high - c_A)/2 = 1/2 + (1/2 - 1/10)/2 = 7/10,
    # conflict with probability (7/10 - 1/2 - 0)/(1/2) = 2/5; EU = 3/5 * 7/10 + 2/5 * 2/5 = 29/50.
    model = CrisisBargainingModel()
    assert model.demand() == Fraction(7, 10) and model.war_probability() == Fraction(2, 5)
    analysis = model.analyse()
    assert analysis.details["offer"].expected_utility == Fraction(29, 50)
    # Second method: a grid of exact demands over [p, p + c_high]; none beats 7/10.
    best = utility(Fraction(7, 10), Fraction(1, 2), Fraction(1, 10), 0, Fraction(1, 2))
    assert best == Fraction(29, 50)
    assert all(utility(Fraction(1, 2) + Fraction(k, 200), Fraction(1, 2), Fraction(1, 10), 0, Fraction(1, 2)) <= best
               for k in range(0, 101))
    assert verify(analysis.details["offer"]).ok and verify(analysis.details["range"]).ok
    # The bargaining range against the toughest B (c_B = 0): [p - c_A, p] = [2/5, 1/2] (Fearon 1995,
    # section "When will there exist bargains both sides prefer to war?").
    window = analysis.details["range"]
    assert (window.lower, window.upper) == (Fraction(2, 5), Fraction(1, 2))
    assert [c.holds for c in analysis.conditions] == [True, False]
    assert analysis.conditions[1].value == Fraction(1, 10)             # c_high <= c_A + 2 c_low = 1/10


def test_complete_information_means_no_conflict():
    model = CrisisBargainingModel(cost_b_low=Fraction(1, 5), cost_b_high=Fraction(1, 5))
    assert model.demand() == Fraction(7, 10) and model.war_probability() == 0     # p + c_B, accepted
    assert model.analyse().sustainable is True


def test_the_knife_edge_is_said_weakly():
    # c_high = c_A + 2 c_low: the stationary demand p + (c_high - c_A)/2 = p + c_low is accepted by all.
    model = CrisisBargainingModel(cost_b_low=Fraction(1, 10), cost_b_high=Fraction(3, 10))
    assert model.war_probability() == 0
    assert any("weakly" in f for f in model.analyse().findings)


costs = st.fractions(0, 1, max_denominator=20)


@settings(max_examples=60, deadline=None)
@given(st.fractions(0, 1, max_denominator=20), costs, costs, costs)
def test_conflict_iff_the_closed_form_condition_fails(p, c_a, a, b):
    low, high = sorted((a, b))
    model = CrisisBargainingModel(p=p, cost_a=c_a, cost_b_low=low, cost_b_high=high)
    peaceful = high <= c_a + 2 * low or p + low >= 1 or high == low
    assert (model.war_probability() == 0) is peaceful
    region = model.region_condition(free=[])                   # every parameter at the model's value
    assert bool(region) is peaceful or high == low


@settings(max_examples=40, deadline=None)
@given(st.fractions(0, 1, max_denominator=20), costs, costs, costs)
def test_more_uncertainty_never_lowers_the_risk_of_conflict(p, c_a, a, b):
    # Comparative statics: with c_low fixed, the probability of conflict rises with c_high:
    # (x* - p - c_low)/(c_high - c_low) = ((c_high - c_A)/2 - c_low)/(c_high - c_low) is non-decreasing.
    low, high = sorted((a, b))
    model = CrisisBargainingModel(p=p, cost_a=c_a, cost_b_low=low, cost_b_high=low)
    assert model.war_probability() <= model.war_probability(cost_b_high=high)


def test_floats_and_bad_input():
    model = CrisisBargainingModel(p=0.5)
    assert model.war_probability() == pytest.approx(0.4)
    with pytest.raises(ParameterError, match="cost_b_high"):
        CrisisBargainingModel(cost_b_low=Fraction(1, 2), cost_b_high=Fraction(1, 4))
    with pytest.raises(ParameterError, match="expression"):
        CrisisBargainingModel(p=sympy.Symbol("p"))
    assert model_class("crisis") is CrisisBargainingModel
