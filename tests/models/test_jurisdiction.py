"""The jurisdiction model: the host's condition by hand and from the library, credibility, remedies, kinds."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import nash_equilibria
from cybergames.errors import ParameterError
from cybergames.models import JurisdictionModel, model_class
from cybergames.models import _jurisdiction_game as games
from cybergames.repeated import check_equilibrium, sustainable_discount_factors, values
from cybergames.report import build_report, render
from cybergames.sweep import vectorize

from ._checks import assert_region_matches

v, c, b, s, d, k, rho, pi, r = (games.SYMBOLS[n] for n in (
    "relations_value", "prosecution_cost", "harbour_benefit", "sanction", "damage", "sanction_cost",
    "averted_share", "enforcement", "false_accusation"))
delta = games.SYMBOLS["delta"]


# Hand derivation of the host's condition (one-shot deviation principle, Mailath & Samuelson 2006,
# prop. 7.1.1; trigger on a public signal as in Green & Porter 1984).
# Punishment value of the host: it harbours, the victim sanctions for ever: P = b - s.
# Cooperative value with false accusations r (prosecution wrongly "detected" with probability r):
#     V = (1 - d)(v - c) + d [r P + (1 - r) V],  so  V - P = (1 - d)(v - c - P) / (1 - d + d r).
# Harbouring once (victim still cooperates this round, detection with probability pi):
#     W = (1 - d)(v + b) + d [pi P + (1 - pi) V].
# V >= W  <=>  (V - P)(1 - d + d pi) >= (1 - d)(v + b - P)
#         <=>  G (1 - d + d pi) >= (v + s)(1 - d + d r)        with G = v + s - b - c, v + b - P = v + s
#         <=>  d [(b + c)(1 - r) + G (pi - r)] >= b + c          (since v + s - G = b + c).
# With r = 0: d pi G >= (1 - d)(b + c), the condition of MODELS.md ("jurisdiction"), whence
#     pi* = (1 - d)(b + c)/(d G)   and   s* = (1 - d)(b + c)/(d pi) + b + c - v.
# The victim, in the punishment phase, compares -(1 - rho) dmg - k (sanction) with -dmg (cooperate;
# the state does not change): it sanctions iff rho dmg >= k. On the path a sanction costs k now and
# changes nothing, so it never pays. The host harbours in the punishment phase (dominant).
def hand_threshold(m):
    """The host's critical discount factor by the hand derivation above; None if no delta < 1 works."""
    gain = m.harbour_benefit + m.prosecution_cost
    premium = m.relations_value + m.sanction - gain
    bracket = gain * (1 - m.false_accusation) + premium * (m.enforcement - m.false_accusation)
    if gain == 0:
        return 0 if bracket >= 0 else None
    return Fraction(gain) / bracket if bracket > gain else None


def hand_minimal_enforcement(m):      # r = 0 only (MODELS.md)
    gain = m.harbour_benefit + m.prosecution_cost
    return (1 - m.delta) * gain / (m.delta * (m.relations_value + m.sanction - gain))


def hand_minimal_sanction(m):         # r = 0 only (MODELS.md), clipped at 0
    gain = m.harbour_benefit + m.prosecution_cost
    return max(0, (1 - m.delta) * gain / (m.delta * m.enforcement) + gain - m.relations_value)


# ----------------------------------------------------------------------------- defaults by hand
def test_defaults_reproduce_the_hand_derivation():
    # v, c, b, s = 4, 1, 2, 2: G = 3, b + c = 3; pi = 1/5, delta = 4/5.
    # delta* = 3/(3 + 3/5) = 5/6 > 4/5: the host harbours.
    # pi* = (1/5)(3)/((4/5) 3) = 1/4;  s* = (1/5) 3/((4/5)(1/5)) + 3 - 4 = 15/4 - 1 = 11/4;  rho* = k/d = 1/5.
    model = JurisdictionModel()
    analysis = model.analyse()
    host, enforcement, sanction, credible = analysis.conditions
    assert (host.value, host.holds) == (Fraction(5, 6), False)
    assert (enforcement.value, enforcement.holds) == (Fraction(1, 4), False)
    assert (sanction.value, sanction.holds) == (Fraction(11, 4), False)
    assert (credible.value, credible.holds) == (Fraction(1, 5), True)
    assert analysis.sustainable is False and isinstance(host.value, Fraction)
    # The host's one-shot gain from harbouring at delta = 4/5:
    # (1/5)(v + b) + (4/5)[(1/5)(b - s) + (4/5)(v - c)] - (v - c) = 6/5 + (4/5)(12/5) - 3 = 3/25
    violations = analysis.details["check"].violations
    assert [(x.player, x.deviation, x.gain) for x in violations] == [(0, "harbour", Fraction(3, 25))]
    text = " ".join(analysis.findings)
    assert "delta >= 5/6" in text and "gains 3/25" in text and "pi* = 1/4" in text and "s* = 11/4" in text


def test_stage_game_is_the_sanctuary():
    # Harbouring adds b + c = 3 whatever the victim does; against it the victim sanctions (rho d = 2 > 1).
    game = JurisdictionModel().stage_game()
    assert game.payoff(("harbour", "sanction")) == (0, -4)          # (b - s, -(1 - rho) d - k)
    assert game.payoff(("prosecute", "cooperate")) == (3, 0)        # (v - c, 0)
    equilibria = nash_equilibria(game)
    assert len(equilibria) == 1 and [list(x) for x in equilibria[0].strategies] == [[0, 1], [0, 1]]


def test_remedy_tables_at_the_defaults():
    # delta*(pi) = 3/(3 + 3 pi) = 1/(1 + pi): 1/10 -> 10/11, 1/5 -> 5/6, 1/4 -> 4/5, 1/3 -> 3/4, 1/2 -> 2/3,
    # 3/4 -> 4/7, 1 -> 1/2.  delta*(s) = 3/(3 + (1 + s)/5) = 15/(16 + s).  s*(pi) = 3/(4 pi) - 1, clipped at 0.
    enforcement, sanction, trade = JurisdictionModel().analyse().remedies
    assert enforcement.parameter == "enforcement" and sanction.parameter == "sanction"
    assert enforcement.table == tuple((x, 1 / (1 + x)) for x in (Fraction(1, 10), Fraction(1, 5), Fraction(1, 4),
                                                                Fraction(1, 3), Fraction(1, 2), Fraction(3, 4), 1))
    assert sanction.table == tuple((x, Fraction(15, 16 + x)) for x in (0, 1, 2, 3, 4, 6))
    assert trade.table == tuple((x, max(0, Fraction(3, 4) / x - 1)) for x, _ in enforcement.table)


def test_false_accusations_cost_the_cooperative_path():
    # r = 1/20, d = 4/5: host V = [(1 - d)(v - c) + d r (b - s)]/(1 - d + d r) = (3/5)/(6/25) = 5/2 (not 3);
    # victim V = [0 + d r (-(1 - rho) dmg - k)]/(1 - d + d r) = (4/5)(1/20)(-4)/(6/25) = -2/3 (not 0);
    # delta* = 3/(3 (19/20) + 3 (1/5 - 1/20)) = 3/(57/20 + 9/20) = 10/11.
    model = JurisdictionModel(false_accusation=Fraction(1, 20))
    assert values(model.repeated_game(), model.profile(), model.delta).initial == (Fraction(5, 2), Fraction(-2, 3))
    assert model.critical_discount_factor() == Fraction(10, 11)
    assert "once every 20 periods" in " ".join(model.analyse().findings)


# ----------------------------------------------------------------------------- formulas from the library
def test_library_formulas_equal_the_hand_closed_forms():
    derived = games.derivation()
    gain, premium = b + c, v + s - b - c
    assert sympy.simplify(derived.host_constraint - (gain - delta * (gain * (1 - r) + premium * (pi - r)))) == 0
    assert sympy.simplify(derived.credibility - (k - rho * d)) == 0
    at_zero = {r: 0}
    assert sympy.simplify(derived.delta_threshold.subs(at_zero) - gain / (gain + pi * premium)) == 0
    assert sympy.simplify(derived.enforcement_threshold.subs(at_zero) - (1 - delta) * gain / (delta * premium)) == 0
    assert sympy.simplify(derived.sanction_threshold.subs(at_zero)
                          - ((1 - delta) * gain / (delta * pi) + gain - v)) == 0
    assert derived.averted_share_threshold == k / d


def test_the_library_condition_under_assumptions_is_the_closed_form():
    # The library's own symbolic path (with sign facts for r = 0) gives delta >= (b + c)/(b + c + pi G).
    x = {n: sympy.Symbol(n, real=True) for n in games.SYMBOLS if n != "delta"}
    rg = games.repeated_game({**x, "false_accusation": 0, "delta": delta})
    facts = [x["relations_value"] >= 0, x["prosecution_cost"] >= 0, x["harbour_benefit"] >= 0, x["sanction"] >= 0,
             x["damage"] > 0, x["sanction_cost"] >= 0, x["averted_share"] >= 0, x["averted_share"] <= 1,
             x["enforcement"] >= 0, x["enforcement"] <= 1,
             x["harbour_benefit"] + x["prosecution_cost"] > 0,
             x["relations_value"] + x["sanction"] - x["harbour_benefit"] - x["prosecution_cost"] > 0]
    threshold = sustainable_discount_factors(rg, games.profile(), player=0, assumptions=facts).threshold
    gain = x["harbour_benefit"] + x["prosecution_cost"]
    expected = gain / (gain + x["enforcement"] * (x["relations_value"] + x["sanction"] - gain))
    assert sympy.simplify(threshold - expected) == 0


def test_conditions_use_the_parameter_symbols():
    conditions = JurisdictionModel().analyse().conditions
    names = {"relations_value", "prosecution_cost", "harbour_benefit", "sanction", "enforcement", "delta"}
    assert {x.name for x in conditions[0].formula.free_symbols} == names
    assert {x.name for x in conditions[3].formula.free_symbols} == {"averted_share", "sanction_cost", "damage"}


# ----------------------------------------------------------------------------- properties
amount = st.fractions(0, 8, max_denominator=4)
probability = st.fractions(0, 1, max_denominator=12)


@st.composite
def jurisdiction_models(draw, *, false_accusations=True):
    enforcement = draw(probability)
    r = draw(st.fractions(0, enforcement, max_denominator=12)) if false_accusations else 0
    return JurisdictionModel(relations_value=draw(amount), prosecution_cost=draw(amount),
                             harbour_benefit=draw(amount), sanction=draw(amount),
                             damage=draw(st.fractions(Fraction(1, 4), 8, max_denominator=4)),
                             sanction_cost=draw(amount), averted_share=draw(probability),
                             enforcement=enforcement, false_accusation=r,
                             delta=draw(st.fractions(0, Fraction(49, 50), max_denominator=50)))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(jurisdiction_models())
def test_library_threshold_matches_the_hand_derivation(model):
    expected = hand_threshold(model)
    assert model.critical_discount_factor() == expected
    analysis = model.analyse()
    assert analysis.conditions[0].value == expected
    assert analysis.conditions[0].holds == (expected is not None and model.delta >= expected)
    credible = model.averted_share * model.damage >= model.sanction_cost
    assert analysis.conditions[3].holds == credible
    assert analysis.sustainable == (credible and expected is not None and model.delta >= expected)
    if model.false_accusation == 0 and model.delta > 0:
        if model.relations_value + model.sanction > model.harbour_benefit + model.prosecution_cost:
            assert model.minimal_enforcement() == hand_minimal_enforcement(model)
        if model.enforcement > 0:
            assert model.minimal_sanction() == hand_minimal_sanction(model)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(jurisdiction_models())
def test_check_equilibrium_agrees_on_both_sides_of_the_threshold(model):
    threshold = model.critical_discount_factor()
    rg, profile = model.repeated_game(), model.profile()
    if threshold is None:
        return
    above = check_equilibrium(rg, profile, threshold)
    assert not any(x.player == 0 for x in above.violations)
    assert above.holds == (model.averted_share * model.damage >= model.sanction_cost)
    if threshold > 0:
        below = check_equilibrium(rg, profile, threshold * Fraction(99, 100))
        assert any(x.player == 0 and x.deviation == "harbour" for x in below.violations)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(jurisdiction_models())
def test_credibility_is_the_punishment_being_a_stage_equilibrium(model):
    # (harbour, sanction) is a pure Nash equilibrium of the stage game iff rho d >= k, iff the victim's
    # constraints hold at some (then every) discount factor.
    game = model.stage_game()
    punishment = any(list(e.strategies[0]) == [0, 1] and list(e.strategies[1]) == [0, 1]
                     for e in nash_equilibria(game))
    victim = sustainable_discount_factors(model.repeated_game(), model.profile(), player=1)
    credible = model.averted_share * model.damage >= model.sanction_cost
    assert punishment == credible == (not victim.is_empty)
    assert victim.is_empty or victim.is_interval_to_one and victim.infimum == 0


def _region(model):
    return sustainable_discount_factors(model.repeated_game(), model.profile())


def _contains(inner, outer):
    return inner.is_empty or (not outer.is_empty and outer.infimum <= inner.infimum)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(jurisdiction_models(), st.fractions(0, 1, max_denominator=12))
def test_more_enforcement_never_shrinks_the_sustainable_region(model, extra):
    stronger = model.replace(enforcement=min(1, model.enforcement + extra))
    assert _contains(_region(model), _region(stronger))
    weak, strong = model.critical_discount_factor(), stronger.critical_discount_factor()
    assert weak is None or (strong is not None and strong <= weak)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(jurisdiction_models(), st.fractions(0, 8, max_denominator=4))
def test_a_heavier_sanction_never_shrinks_the_sustainable_region(model, extra):
    heavier = model.replace(sanction=model.sanction + extra)
    assert _contains(_region(model), _region(heavier))


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(jurisdiction_models(), st.fractions(0, 1, max_denominator=12))
def test_the_minimal_sanction_falls_as_enforcement_rises(model, extra):
    stronger = model.replace(enforcement=min(1, model.enforcement + extra))
    low, high = model.minimal_sanction(), stronger.minimal_sanction()
    assert low is None or high <= low


@settings(max_examples=30, deadline=None)
@given(jurisdiction_models())
def test_the_minimal_enforcement_and_sanction_make_the_host_indifferent(model):
    # At pi* (or s*) the host's constraint binds exactly at the model's delta: delta* = delta. (With
    # b + c_p = 0 the host is indifferent at every delta and delta* = 0: nothing to bind.)
    if model.harbour_benefit + model.prosecution_cost == 0:
        assert model.critical_discount_factor() == 0
        return
    pi_star = model.minimal_enforcement()
    if pi_star is not None and model.false_accusation <= pi_star <= 1 and pi_star > 0:
        assert model.critical_discount_factor(enforcement=pi_star) == model.delta or model.delta == 0
    s_star = model.minimal_sanction()
    if s_star is not None and s_star > 0:
        assert model.critical_discount_factor(sanction=s_star) == model.delta


@settings(max_examples=20, deadline=None)
@given(jurisdiction_models())
def test_region_condition_agrees_with_the_library(model):
    # The region in all parameter symbols, evaluated in floats at the model's values and at 20 discount
    # factors, against the library's exact set (points near the boundary skipped).
    assert_region_matches(model, _region(model))


# ----------------------------------------------------------------------------- number kinds and report
def test_float_parameters_give_float_answers():
    model = JurisdictionModel(enforcement=0.2)
    assert all(isinstance(x, float) for x in model.parameters().values())
    analysis = model.analyse()
    assert isinstance(analysis.conditions[0].value, float)
    assert analysis.conditions[0].value == pytest.approx(5 / 6)
    assert analysis.conditions[1].value == pytest.approx(0.25) and analysis.conditions[2].value == pytest.approx(2.75)


def test_symbolic_parameters_give_formulas():
    p = sympy.Symbol("p", positive=True)
    analysis = JurisdictionModel(enforcement=p).analyse()
    assert sympy.simplify(analysis.conditions[0].value - 1 / (1 + p)) == 0
    assert analysis.conditions[0].holds is None and analysis.conditions[3].holds is True
    assert analysis.conditions[1].value == Fraction(1, 4)       # pi* does not depend on pi


def test_region_condition_substitutes_the_other_parameters():
    assert JurisdictionModel().region_condition(free=["enforcement"]) == sympy.Ge(pi, sympy.Rational(1, 4))
    region = vectorize(JurisdictionModel().region_condition(free=("enforcement", "delta")))
    grid = np.linspace(0.01, 1, 200)
    deltas, pis = np.meshgrid(np.linspace(0, 0.99, 200), grid)
    assert np.array_equal(region(enforcement=pis, delta=deltas), deltas * (3 + 3 * pis) >= 3)


def test_report_override_reaches_the_threshold():
    # --set enforcement=0.25 is read as 1/4 = pi*: delta* becomes exactly 4/5 = delta.
    model = model_class("jurisdiction")(enforcement=Fraction(1, 4))
    assert model.critical_discount_factor() == Fraction(4, 5) and model.analyse().sustainable is True
    text = render(build_report(["jurisdiction"], {"enforcement": Fraction(1, 4)}))
    assert "4/5 (holds here)" in text


# ----------------------------------------------------------------------------- bad parameters
@pytest.mark.parametrize("changes, words", [
    ({"enforcement": Fraction(3, 2)}, "JurisdictionModel.enforcement: expected a value <= 1"),
    ({"averted_share": -0.1}, "JurisdictionModel.averted_share: expected a value >= 0"),
    ({"damage": 0}, "JurisdictionModel.damage: expected a value > 0"),
    ({"sanction": -1}, "JurisdictionModel.sanction: expected a value >= 0"),
    ({"delta": 1}, "JurisdictionModel.delta: expected a value < 1"),
    ({"false_accusation": Fraction(1, 2)}, "JurisdictionModel.false_accusation: expected a value <= enforcement"),
    ({"relations_value": "4"}, "JurisdictionModel.relations_value"),
    ({"prosecution_cost": float("nan")}, "JurisdictionModel.prosecution_cost"),
    ({"harbour_benefit": True}, "JurisdictionModel.harbour_benefit"),
    ({"enforcement": 0.5, "sanction": sympy.Symbol("s")}, "floats and sympy expressions cannot be mixed"),
])
def test_bad_parameters_are_rejected_with_a_clear_error(changes, words):
    with pytest.raises(ParameterError, match=words):
        JurisdictionModel(**changes)


def test_bad_arguments_to_the_methods():
    with pytest.raises(ParameterError, match="free: unknown parameter"):
        JurisdictionModel().region_condition(free=("q",))
    with pytest.raises(ParameterError, match="unknown parameter"):
        JurisdictionModel().critical_discount_factor(detect=Fraction(1, 2))


def test_a_parameter_given_in_another_parameters_symbol_takes_that_parameters_value():
    # relations_value = the symbol of prosecution_cost (whose value is 1) must mean relations_value = 1
    # everywhere: substituting {relations_value: prosecution_cost, prosecution_cost: 1} in one pass left
    # "4*prosecution_cost/25 + 12/5 >= 3" where every parameter is fixed, instead of the boolean.
    tied = JurisdictionModel(relations_value=JurisdictionModel.symbols["prosecution_cost"])
    plain = JurisdictionModel(relations_value=JurisdictionModel().prosecution_cost)
    assert tied.region_condition(free=[]) == plain.region_condition(free=[])
    assert tied.region_condition(free=["delta"]) == plain.region_condition(free=["delta"])
    # (the tied model is symbolic, so its thresholds come from the symbolic derivation: the host's δ* is 1
    # there where the numeric path says None, no δ < 1; both fail)
    assert [c.holds for c in tied.analyse().conditions] == [c.holds for c in plain.analyse().conditions]
