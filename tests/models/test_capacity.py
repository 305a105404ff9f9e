"""The capacity model: each state's threshold by hand and from the library, the minimal transfer, kinds."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import nash_equilibria
from cybergames.errors import ParameterError
from cybergames.models import CapacityModel, model_class
from cybergames.models import _capacity_game as games
from cybergames.repeated import check_equilibrium, sustainable_discount_factors
from cybergames.sweep import vectorize

from ._checks import assert_region_matches

b, c1, c2, tau = (games.SYMBOLS[n] for n in ("benefit", "cost_strong", "cost_weak", "transfer"))
delta = games.SYMBOLS["delta"]


# Hand derivation (grim trigger, Friedman 1971; perfect monitoring). State i's payoffs:
#     R_1 = 2b - c1 - tau, R_2 = 2b - c2 + tau (both invest; the transfer passes),
#     T_i = b (abstain while the other invests), S_i = b - c_i, P_i = 0.
# Cooperating beats abstaining once and being punished for ever iff R_i >= (1 - d) T_i + d P_i, i.e.
#     d >= (T_i - R_i)/(T_i - P_i):  d >= (c1 + tau - b)/b  and  d >= (c2 - tau - b)/b.
# In the punishment phase abstaining is a best reply iff S_i <= P_i, i.e. c_i >= b (validated).
# Solving for tau: the weak state needs tau >= c2 - b(1 + d), the capable one accepts tau <= b(1 + d) - c1.
# Both hold for some tau >= 0 iff max(0, c2 - b(1 + d)) <= b(1 + d) - c1 iff c1 + c2 <= 2b(1 + d) (given
# c1 <= c2, this also gives c1 <= b(1 + d)), i.e. d >= (c1 + c2 - 2b)/(2b), with equality at the
# equalising transfer (c2 - c1)/2, where both thresholds are (c1 + c2 - 2b)/(2b).  MODELS.md ("capacity")
# states the same; we add the credibility requirement c_i >= b it leaves implicit.
def hand_thresholds(m):
    raw = (Fraction(m.cost_strong + m.transfer - m.benefit, m.benefit),
           Fraction(m.cost_weak - m.transfer - m.benefit, m.benefit))
    return tuple(max(0, x) for x in raw)


def hand_minimal_transfer(m):
    return max(0, m.cost_weak - m.benefit * (1 + m.delta))


# ----------------------------------------------------------------------------- defaults by hand
def test_defaults_reproduce_the_hand_derivation():
    # b, c1, c2, tau, d = 4, 5, 7, 0, 3/5: thresholds (5 - 4)/4 = 1/4 and (7 - 4)/4 = 3/4 > 3/5 (fails);
    # tau_min = 7 - 4 (8/5) = 3/5, tau_max = 32/5 - 5 = 7/5; joint (5 + 7 - 8)/8 = 1/2.
    analysis = CapacityModel().analyse()
    strong, weak, minimal, maximal, possible = analysis.conditions
    assert (strong.value, strong.holds) == (Fraction(1, 4), True)
    assert (weak.value, weak.holds) == (Fraction(3, 4), False)
    assert (minimal.value, minimal.holds) == (Fraction(3, 5), False)
    assert (maximal.value, maximal.holds) == (Fraction(7, 5), True)
    assert (possible.value, possible.holds) == (Fraction(1, 2), True)
    assert analysis.sustainable is False
    # the weak state's one-shot gain at d = 3/5: (1 - d) b - R_2 = 8/5 - 1 = 3/5
    assert [(x.player, x.gain) for x in analysis.details["check"].violations] == [(1, Fraction(3, 5))]
    assert analysis.details["check_at_minimal_transfer"].holds
    text = " ".join(analysis.findings)
    assert "3/5 <= tau <= 7/5" in text and "= 1/2" in text and "the weak state abstains" in text


def test_stage_game_is_an_asymmetric_prisoners_dilemma():
    game = CapacityModel().stage_game()
    assert game.payoff(("invest", "invest")) == (3, 1)           # (2b - c1, 2b - c2)
    assert game.payoff(("invest", "abstain")) == (-1, 4)         # (b - c1, b)
    equilibria = nash_equilibria(game)
    assert len(equilibria) == 1 and [list(x) for x in equilibria[0].strategies] == [[0, 1], [0, 1]]


def test_the_transfer_sustains_cooperation_exactly_between_its_bounds():
    model = CapacityModel()
    rg = lambda t: model.replace(transfer=t).repeated_game()     # noqa: E731
    profile, d = model.profile(), model.delta
    assert check_equilibrium(rg(Fraction(3, 5)), profile, d).holds
    assert check_equilibrium(rg(Fraction(7, 5)), profile, d).holds
    assert {x.player for x in check_equilibrium(rg(Fraction(59, 100)), profile, d).violations} == {1}
    assert {x.player for x in check_equilibrium(rg(Fraction(141, 100)), profile, d).violations} == {0}


def test_remedy_tables_at_the_defaults():
    # joint threshold max((1 + tau)/4, (3 - tau)/4): 0 -> 3/4, 3/5 -> 3/5, 1 -> 1/2, 7/5 -> 3/5, 2 -> 3/4.
    # minimal transfer max(0, c2 - 32/5) at c2 = 5 + 2m: 5, 11/2, 6 -> 0; 13/2 -> 1/10; 7 -> 3/5; 15/2 -> 11/10; 8 -> 8/5
    transfer, assistance = CapacityModel().analyse().remedies
    assert transfer.parameter == "transfer" and assistance.parameter == "cost_weak"
    assert transfer.table == ((0, Fraction(3, 4)), (Fraction(3, 5), Fraction(3, 5)), (1, Fraction(1, 2)),
                              (Fraction(7, 5), Fraction(3, 5)), (2, Fraction(3, 4)))
    assert assistance.table == ((5, 0), (Fraction(11, 2), 0), (6, 0), (Fraction(13, 2), Fraction(1, 10)),
                                (7, Fraction(3, 5)), (Fraction(15, 2), Fraction(11, 10)), (8, Fraction(8, 5)))


# ----------------------------------------------------------------------------- formulas from the library
def test_library_formulas_equal_the_hand_closed_forms():
    derived = games.derivation()
    assert sympy.simplify(derived.thresholds[0] - (c1 + tau - b) / b) == 0
    assert sympy.simplify(derived.thresholds[1] - (c2 - tau - b) / b) == 0
    assert sympy.simplify(derived.minimal_transfer - (c2 - b * (1 + delta))) == 0
    assert sympy.simplify(derived.maximal_transfer - (b * (1 + delta) - c1)) == 0
    assert sympy.simplify(derived.equalising_transfer - (c2 - c1) / 2) == 0
    assert sympy.simplify(derived.joint_threshold - (c1 + c2 - 2 * b) / (2 * b)) == 0
    assert [sympy.simplify(h - (b - c)) for h, c in zip(derived.punishment, (c1, c2))] == [0, 0]


def test_the_library_condition_under_assumptions_is_the_closed_form():
    # The library's own symbolic path, player by player, with the validated domain as facts.
    condition = sustainable_discount_factors(games.repeated_game(games.SYMBOLS), games.profile(), player=1,
                                             assumptions=[c1 >= b, c2 >= c1])
    assert sympy.simplify(condition.threshold - (c2 - tau - b) / b) == 0


# ----------------------------------------------------------------------------- properties
@st.composite
def capacity_models(draw):
    benefit = draw(st.fractions(Fraction(1, 2), 8, max_denominator=4))
    cost_strong = benefit + draw(st.fractions(0, 8, max_denominator=4))
    cost_weak = cost_strong + draw(st.fractions(0, 8, max_denominator=4))
    return CapacityModel(benefit=benefit, cost_strong=cost_strong, cost_weak=cost_weak,
                         transfer=draw(st.fractions(0, 8, max_denominator=4)),
                         delta=draw(st.fractions(0, Fraction(49, 50), max_denominator=50)))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(capacity_models())
def test_library_thresholds_match_the_hand_derivation(model):
    expected = hand_thresholds(model)
    assert model.critical_discount_factors() == expected
    sets = [sustainable_discount_factors(model.repeated_game(), model.profile(), player=i) for i in (0, 1)]
    for deltas, x in zip(sets, expected):
        assert deltas.is_empty == (x >= 1)                      # beyond reach: the formula's value >= 1
        assert deltas.is_empty or deltas.infimum == x
    analysis = model.analyse()
    assert [c.holds for c in analysis.conditions[:2]] == [model.delta >= x for x in expected]
    assert analysis.conditions[2].value == hand_minimal_transfer(model)
    assert analysis.conditions[3].value == model.benefit * (1 + model.delta) - model.cost_strong
    assert analysis.sustainable == all(model.delta >= x for x in expected)


@settings(max_examples=40, deadline=None)
@given(capacity_models())
def test_check_equilibrium_agrees_on_both_sides_of_each_threshold(model):
    rg, profile = model.repeated_game(), model.profile()
    for i, threshold in enumerate(model.critical_discount_factors()):
        if threshold >= 1:
            continue
        assert not any(x.player == i for x in check_equilibrium(rg, profile, threshold).violations)
        if threshold > 0:
            below = check_equilibrium(rg, profile, threshold * Fraction(99, 100))
            assert any(x.player == i for x in below.violations)


@settings(max_examples=40, deadline=None)
@given(capacity_models(), st.fractions(0, 4, max_denominator=8))
def test_a_larger_transfer_never_raises_the_weak_states_threshold(model, extra):
    before = model.critical_discount_factors()
    after = model.critical_discount_factors(transfer=model.transfer + extra)
    assert after[1] <= before[1] and after[0] >= before[0]      # and it costs the capable state


@settings(max_examples=40, deadline=None)
@given(capacity_models(), st.fractions(0, 4, max_denominator=8))
def test_the_minimal_transfer_grows_one_for_one_with_the_cost_gap(model, extra):
    wider = model.replace(cost_weak=model.cost_weak + extra)
    floor = model.benefit * (1 + model.delta)
    assert wider.minimal_transfer() >= model.minimal_transfer()
    if model.cost_weak >= floor:                                 # above b(1 + d): exactly one for one
        assert wider.minimal_transfer() - model.minimal_transfer() == extra


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(capacity_models())
def test_some_transfer_works_iff_the_pooled_condition_holds(model):
    # At the equalising transfer both states face (c1 + c2 - 2b)/(2b); no transfer does better for both.
    joint = max(0, Fraction(model.cost_strong + model.cost_weak - 2 * model.benefit, 2 * model.benefit))
    equalised = model.replace(transfer=(model.cost_weak - model.cost_strong) / 2)
    deltas = sustainable_discount_factors(equalised.repeated_game(), equalised.profile())
    assert deltas.is_empty == (joint >= 1)
    assert deltas.is_empty or deltas.infimum == joint
    feasible = model.minimal_transfer() <= model.maximal_transfer()
    assert feasible == (model.delta >= joint) == model.analyse().conditions[4].holds
    if feasible:                                                 # the minimal transfer does sustain it
        at_minimum = model.replace(transfer=model.minimal_transfer())
        assert check_equilibrium(at_minimum.repeated_game(), model.profile(), model.delta).holds


@settings(max_examples=20, deadline=None)
@given(capacity_models())
def test_region_condition_agrees_with_the_library(model):
    assert_region_matches(model, sustainable_discount_factors(model.repeated_game(), model.profile()))


# ----------------------------------------------------------------------------- number kinds and regions
def test_float_parameters_give_float_answers():
    model = CapacityModel(cost_weak=7.0)
    assert all(isinstance(x, float) for x in model.parameters().values())
    analysis = model.analyse()
    assert isinstance(analysis.conditions[1].value, float)
    assert analysis.conditions[1].value == pytest.approx(0.75) and analysis.conditions[2].value == pytest.approx(0.6)


def test_symbolic_parameters_give_formulas():
    t = sympy.Symbol("t", nonnegative=True)
    analysis = CapacityModel(transfer=t).analyse()
    assert analysis.conditions[1].value == sympy.Max(0, Fraction(3, 4) - t / 4)
    assert analysis.conditions[2].value == Fraction(3, 5) and analysis.conditions[2].holds is None


def test_region_condition_maps_transfer_against_the_cost_gap():
    # With b, c1, d = 4, 5, 3/5: cooperation iff 1 + tau <= 12/5... i.e. tau <= 7/5 and tau >= c2 - 32/5.
    region = vectorize(CapacityModel().region_condition(free=("transfer", "cost_weak")))
    taus, costs = np.meshgrid(np.linspace(0, 3, 301), np.linspace(5, 10, 201))
    expected = (taus <= 1.4 + 1e-12) & (taus >= costs - 6.4 - 1e-12)
    boundary = np.isclose(taus, 1.4) | np.isclose(taus, costs - 6.4)
    assert np.array_equal(region(transfer=taus, cost_weak=costs)[~boundary], expected[~boundary])
    assert CapacityModel().region_condition(free=["transfer"]) == sympy.And(
        sympy.Ge(tau, sympy.Rational(3, 5)), sympy.Le(tau, sympy.Rational(7, 5)))


def test_registry_finds_the_model():
    assert model_class("capacity") is CapacityModel and CapacityModel.key == "capacity"


# ----------------------------------------------------------------------------- bad parameters
@pytest.mark.parametrize("changes, words", [
    ({"benefit": 0}, "CapacityModel.benefit: expected a value > 0"),
    ({"cost_strong": 3}, "CapacityModel.cost_strong: expected a value >= benefit"),
    ({"cost_weak": 4}, "CapacityModel.cost_weak: expected a value >= cost_strong"),
    ({"transfer": -1}, "CapacityModel.transfer: expected a value >= 0"),
    ({"delta": Fraction(3, 2)}, "CapacityModel.delta: expected a value < 1"),
    ({"benefit": "4"}, "CapacityModel.benefit"),
    ({"cost_weak": float("inf")}, "CapacityModel.cost_weak"),
    ({"transfer": 0.5, "benefit": sympy.Symbol("b", positive=True)},
     "floats and sympy expressions cannot be mixed"),
])
def test_bad_parameters_are_rejected_with_a_clear_error(changes, words):
    with pytest.raises(ParameterError, match=words):
        CapacityModel(**changes)


def test_bad_arguments_to_the_methods():
    with pytest.raises(ParameterError, match="free: unknown parameter"):
        CapacityModel().region_condition(free=("tau",))
    with pytest.raises(ParameterError, match="unknown parameter"):
        CapacityModel().minimal_transfer(cost=3)
