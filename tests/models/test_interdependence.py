"""The interdependent-security model (Kunreuther & Heal 2003): equilibria, tipping, contagion, selection."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.equilibria import risk_dominant
from cybergames.errors import ParameterError
from cybergames.models import InterdependentSecurityModel, model_class


def payoff(own, other, p, q, L, c):
    """Kunreuther & Heal (2003), two-agent game: expected payoff of a state, by hand.

    Investing costs c and removes the direct risk p; an unprotected partner infects with
    probability q; the loss L happens at most once: P(loss) = 1 - (1 - direct)(1 - contagion).
    """
    direct = 0 if own == "invest" else p
    contagion = q if other == "not" else 0
    return -(c if own == "invest" else 0) - (1 - (1 - direct) * (1 - contagion)) * L


ACTIONS = ("invest", "not")


def test_defaults_reproduce_the_thresholds_and_the_mixed_equilibrium():
    # Kunreuther & Heal (2003): (I, I) is an equilibrium iff c <= pL, (N, N) iff c >= p(1 - q)L.
    # p, q, L, c = 1/5, 1/2, 100, 14: pL = 20, p(1 - q)L = 10, so both; y* = (14 - 10)/(pqL = 10) = 2/5.
    model = InterdependentSecurityModel()
    assert (model.invest_threshold(), model.dominance_threshold()) == (20, 10)
    assert model.tipping_point() == Fraction(2, 5)
    analysis = model.analyse()
    pure = sorted(eq.profile for eq in analysis.details["solution"].equilibria if eq.is_pure)
    assert pure == [("invest", "invest"), ("not", "not")]
    # By hand: at y = 2/5, investing pays 2/5 (-14) + 3/5 (-64) = -44, not investing
    # 2/5 (-20) + 3/5 (-20 - 40) = -44: indifferent.
    y = Fraction(2, 5)
    args = (Fraction(1, 5), Fraction(1, 2), 100, 14)
    assert y * payoff("invest", "invest", *args) + (1 - y) * payoff("invest", "not", *args) == -44
    assert y * payoff("not", "invest", *args) + (1 - y) * payoff("not", "not", *args) == -44
    assert verify(analysis.details["solution"]).ok


def test_risk_dominance_closed_form_against_the_library():
    # Harsanyi & Selten (1988), sec. 3.9: Nash products (pL - c)^2 = 36 at (I, I) and (c - p(1-q)L)^2 = 16
    # at (N, N), so investing is selected; the closed form says c < pL(1 - q/2) = 15.
    analysis = InterdependentSecurityModel().analyse()
    rd = analysis.details["risk_dominance"]
    assert rd.selected == ("invest", "invest") and rd.nash_products == (36, 16)
    assert InterdependentSecurityModel().selection_threshold() == 15


def test_the_knife_edge_is_a_tie_and_said_so():
    analysis = InterdependentSecurityModel(cost=15).analyse()
    assert analysis.details["risk_dominance"].selected is None
    assert analysis.conditions[1].holds is False
    assert any("exactly tied" in f for f in analysis.findings)


def test_efficiency_gap_above_pl():
    # c = 30 > pL = 20: not investing is dominant, yet welfare at (I, I) = -60 beats (N, N):
    # 2 (-20 - 0.8 * 50) = -120, and the one-sided profiles: -30 - 50 - 20 = -100. Threshold 20 + 40 = 60.
    model = InterdependentSecurityModel(cost=30)
    args = (Fraction(1, 5), Fraction(1, 2), 100, 30)
    welfare = {(a, b): payoff(a, b, *args) + payoff(b, a, *args) for a in ACTIONS for b in ACTIONS}
    assert max(welfare, key=welfare.get) == ("invest", "invest")
    assert model.efficiency_threshold() == 60
    analysis = model.analyse()
    assert [c.holds for c in analysis.conditions] == [False, False]
    assert any("efficient but no equilibrium" in f for f in analysis.findings)


fractions = st.fractions(0, 1, max_denominator=20)


@settings(max_examples=80, deadline=None)
@given(fractions, fractions, st.integers(1, 200), st.fractions(0, 100, max_denominator=10))
def test_conditions_agree_with_best_responses_by_hand(p, q, L, c):
    model = InterdependentSecurityModel(direct_risk=p, contagion=q, loss=L, cost=c)
    args = (p, q, L, c)
    both = payoff("invest", "invest", *args) >= payoff("not", "invest", *args)
    assert model.analyse().conditions[0].holds is both
    # Tipping point: investing is a best reply to a partner investing with probability y iff y >= y*.
    y = model.tipping_point()
    gain = lambda y: (y * (payoff("invest", "invest", *args) - payoff("not", "invest", *args))
                      + (1 - y) * (payoff("invest", "not", *args) - payoff("not", "not", *args)))
    assert gain(y) >= 0 or y == 1
    if 0 < y < 1:
        assert gain(y) == 0
    # The model's selection condition against the library's risk dominance in the coordination region.
    low, high = model.dominance_threshold(), model.invest_threshold()
    if low < c < high:
        rd = risk_dominant(model.solution().game)
        assert (rd.selected == ("invest", "invest")) is (c < model.selection_threshold())


@settings(max_examples=60, deadline=None)
@given(fractions, fractions, fractions, st.integers(1, 200), st.fractions(0, 100, max_denominator=10))
def test_more_contagion_never_lowers_the_tipping_point(p, q1, q2, L, c):
    # y*(q) = (c - p(1-q)L)/(pqL) = (c - pL)/(pqL) + 1, non-decreasing in q when c <= pL; 1 when c >= pL.
    low, high = sorted((q1, q2))
    model = InterdependentSecurityModel(direct_risk=p, contagion=low, loss=L, cost=c)
    assert model.tipping_point() <= model.tipping_point(contagion=high)


def test_float_in_float_out_and_bad_input():
    model = InterdependentSecurityModel(cost=14.0)
    assert isinstance(model.tipping_point(), float) and model.tipping_point() == pytest.approx(0.4)
    with pytest.raises(ParameterError, match="contagion"):
        InterdependentSecurityModel(contagion=Fraction(3, 2))
    with pytest.raises(ParameterError, match="expression"):
        InterdependentSecurityModel(cost=sympy.Symbol("c"))
    assert model_class("interdependence") is InterdependentSecurityModel


@settings(max_examples=60, deadline=None)
@given(fractions, fractions, st.integers(1, 200), st.fractions(0, 200, max_denominator=10))
def test_efficiency_threshold_against_brute_force_welfare(p, q, L, c):
    # (invest, invest) maximises the sum of the two expected payoffs iff c <= pL + (1 - p)qL: compare the
    # four pure profiles by hand (mixed profiles average them, so they never do better).
    model = InterdependentSecurityModel(direct_risk=p, contagion=q, loss=L, cost=c)
    args = (p, q, L, c)
    welfare = {(a, b): payoff(a, b, *args) + payoff(b, a, *args) for a in ACTIONS for b in ACTIONS}
    best = max(welfare.values())
    assert (welfare[("invest", "invest")] == best) is (c <= model.efficiency_threshold())
