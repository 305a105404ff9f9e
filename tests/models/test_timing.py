"""The timing model (Axelrod & Iliev 2014): the threshold for using a cyber resource, stealth and persistence."""

import json
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import CyberTimingModel
from cybergames.report import render_analysis
from cybergames.stochastic import solve_mdp, timing_mdp

F = Fraction


def policy_value(model, use_low):
    """V of "use at high stakes, and at low stakes iff use_low", by hand: V = G/(1 - wSQ - wP(1 - Q))."""
    S, P, w, low, high, h = (model.stealth, model.persistence, model.discount, model.stakes_low,
                             model.stakes_high, model.high_probability)
    G, Q = (h * high + (1 - h) * low, 1) if use_low else (h * high, h)
    return F(G) / (1 - w * S * Q - w * P * (1 - Q))


def test_defaults_match_the_closed_forms():
    # Axelrod & Iliev (2014), "The model": V = E max(T + wSV, wPV), use iff T >= T* = w(P - S)V. Derived here
    # for S, P, w = 1/2, 9/10, 9/10 and stakes 1 (prob 3/4) or 4 (prob 1/4):
    #   always:     V_A = (7/4)/(1 - 9/20) = 35/11;
    #   high only:  V_H = 1/(1 - 9/80 - (81/100)(3/4)) = 1/(7/25) = 25/7 > 35/11, so V = 25/7,
    #   T* = (9/10)(2/5)(25/7) = 9/7: kept at stakes 1, used at stakes 4.
    model = CyberTimingModel()
    assert (policy_value(model, True), policy_value(model, False)) == (F(35, 11), F(25, 7))
    result = model.solution()
    assert (model.value(), model.threshold(), result.use) == (F(25, 7), F(9, 7), (False, True))
    # Second method: the MDP on (stakes seen, resource lost), solved exactly; the mean of its values is V.
    mdp = solve_mdp(*timing_mdp(result), result.discount)
    assert F(3, 4) * mdp.values[0] + F(1, 4) * mdp.values[1] == F(25, 7)
    assert verify(result).ok
    # S* = P - t_L(1 - wP)/(w h (t_H - t_L)) = 9/10 - (19/100)/(27/40) = 167/270;
    # P* = (t_L + w h (t_H - t_L) S)/(w (t_L + h (t_H - t_L))) = (107/80)/(63/40) = 107/126.
    assert (model.stealth_threshold(), model.persistence_threshold()) == (F(167, 270), F(107, 126))
    # dT*/dS = -wG(1 - wP)/D^2 = -(9/10)(19/100)(625/49) = -855/392; dT*/dP = (9/10)(11/20)(625/49) = 2475/392.
    assert model.threshold_slopes() == (F(-855, 392), F(2475, 392))
    analysis = model.analyse()
    assert [c.holds for c in analysis.conditions] == [True, True]
    # The verdict names the optimal policy and the binding condition, S < S* = 167/270 (above).
    assert analysis.verdict == "sustainable: optimal policy keeps it at 1 < T* = 9/7; binds: S < 167/270 ≈ 0.6185"


def test_the_slopes_are_the_derivatives_of_the_threshold_along_the_policy():
    # Second method: differentiate T* = w(P - S) G/(1 - wSQ - wP(1 - Q)) with sympy, at the defaults' policy.
    S, P = sympy.symbols("S P")
    w, G, Q = sympy.Rational(9, 10), 1, sympy.Rational(1, 4)
    T = w * (P - S) * G / (1 - w * S * Q - w * P * (1 - Q))
    at = {S: sympy.Rational(1, 2), P: sympy.Rational(9, 10)}
    slopes = CyberTimingModel().threshold_slopes()
    assert (sympy.diff(T, S).subs(at), sympy.diff(T, P).subs(at)) == tuple(sympy.Rational(x) for x in slopes)


def test_at_the_stealth_threshold_the_holder_is_indifferent_and_uses_it_weakly():
    model = CyberTimingModel(stealth=F(167, 270))
    assert model.uses_at_low_stakes() and model.threshold() == model.stakes_low       # a tie, counted as use
    assert "weakly" in model.analyse().verdict
    assert not CyberTimingModel(stealth=F(166, 270)).uses_at_low_stakes()
    assert CyberTimingModel(persistence=F(107, 126)).uses_at_low_stakes()
    assert not CyberTimingModel(persistence=F(108, 126)).uses_at_low_stakes()


def test_a_resource_that_survives_use_better_than_waiting_is_used_at_any_stakes():
    model = CyberTimingModel(stealth=F(9, 10), persistence=F(1, 2))
    assert model.threshold() < 0 and model.uses_at_low_stakes()
    assert model.analyse().conditions[0].holds is False


def test_floats_in_floats_out_and_the_json_carries_every_number():
    floats = CyberTimingModel(stealth=0.5, persistence=0.9, discount=0.9, high_probability=0.25)
    assert isinstance(floats.threshold(), float) and floats.threshold() == pytest.approx(9 / 7)
    analysis = CyberTimingModel().analyse()
    data = json.loads(render_analysis(analysis, "json"))["models"][0]
    text = " ".join(render_analysis(analysis).split())
    assert set(data["numbers"]) == {name for name, _ in analysis.numbers}
    assert data["numbers"]["threshold"]["exact"] == "9/7"
    for number in data["numbers"].values():
        assert number["text"] in text


@pytest.mark.parametrize("changes", [dict(stealth=F(3, 2)), dict(discount=1), dict(stakes_high=1),
                                     dict(high_probability=0), dict(stakes_low=-1)])
def test_bad_parameters_are_refused(changes):
    with pytest.raises(ParameterError):
        CyberTimingModel(**changes)


# ---------------------------------------------------------------- properties
probabilities = st.fractions(0, 1, max_denominator=12)


@st.composite
def timing_models(draw):
    low = draw(st.fractions(0, 5, max_denominator=4))
    return CyberTimingModel(stealth=draw(probabilities), persistence=draw(probabilities),
                            discount=draw(st.fractions(0, F(19, 20), max_denominator=20)), stakes_low=low,
                            stakes_high=low + draw(st.fractions(F(1, 4), 5, max_denominator=4)),
                            high_probability=draw(st.fractions(F(1, 12), F(11, 12), max_denominator=12)))


@settings(max_examples=60, deadline=None)
@given(timing_models())
def test_use_at_low_stakes_iff_the_linear_condition_holds(model):
    # The closed form (derived in cybergames.models.timing) against the solver's best threshold policy and the
    # two policy values computed by hand.
    holds = bool(sympy.sympify(model.region_condition(free=[])))
    assert model.uses_at_low_stakes() == holds
    assert model.value() == max(policy_value(model, True), policy_value(model, False), 0)


@settings(max_examples=60, deadline=None)
@given(timing_models(), st.fractions(0, 1, max_denominator=12))
def test_stealth_lowers_and_persistence_raises_the_threshold(model, other):
    # Axelrod & Iliev (2014): stealthy resources are used readily, persistent ones are kept for high stakes.
    low, high = sorted((model.stealth, other))
    assert model.threshold(stealth=high) <= model.threshold(stealth=low)
    assert not model.uses_at_low_stakes(stealth=low) or model.uses_at_low_stakes(stealth=high)
    low, high = sorted((model.persistence, other))
    assert model.threshold(persistence=low) <= model.threshold(persistence=high)
    assert not model.uses_at_low_stakes(persistence=high) or model.uses_at_low_stakes(persistence=low)


@settings(max_examples=40, deadline=None)
@given(timing_models())
def test_region_condition_is_the_spent_region_the_complement_of_sustainable(model):
    # region_condition is where the resource is spent (used even at low stakes); the verdict calls exactly the
    # complement "sustainable" (kept at low stakes), so the two never agree.
    spent = bool(sympy.sympify(model.region_condition(free=[])))
    verdict = model.analyse().verdict
    assert verdict.startswith("not sustainable") == spent
    assert verdict.startswith("sustainable") == (not spent)
