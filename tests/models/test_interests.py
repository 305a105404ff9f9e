"""The interests model: per-state thresholds by hand and from the library, issue linkage, number kinds."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import nash_equilibria
from cybergames.errors import ParameterError
from cybergames.models import InterestsModel, model_class
from cybergames.models import _interests_games as games
from cybergames.repeated import (RepeatedGame, check_equilibrium, critical_discount_factor, grim_trigger,
                                 sustainable_discount_factors)
from cybergames.sweep import vectorize

g1, l1, L1 = (games.SYMBOLS[n] for n in ("gain_1", "loss_1", "linkage_1"))
g2, l2, L2 = (games.SYMBOLS[n] for n in ("gain_2", "loss_2", "linkage_2"))


def hand_threshold(gain, loss, linkage=0):
    # Grim trigger (Friedman 1971) in the stage game of Moore, Friedman & Procaccia (2010):
    # T - R = g and T - P = g - (g - l) = l, so (T - R)/(T - P) = g/l. With a linked relationship worth
    # L that also ends (Bernheim & Whinston 1990), stockpiling while keeping it pays (1 - d)(g + L) +
    # d (g - l) against L from cooperation: g <= d (l + L), so d >= g/(l + L).
    return Fraction(gain) / (loss + linkage)


# ----------------------------------------------------------------------------- defaults by hand
def test_defaults_reproduce_the_hand_derivation():
    # State 1: g = 3, l = 4: 3/4 > delta_1 = 2/3, fails. State 2: g = 1, l = 4: 1/4 <= 1/2, holds.
    analysis = InterestsModel().analyse()
    first, second = analysis.conditions
    assert (first.value, first.holds) == (Fraction(3, 4), False)
    assert (second.value, second.holds) == (Fraction(1, 4), True)
    assert isinstance(first.value, Fraction) and analysis.sustainable is False
    # state 1's best one-shot deviation at delta_1 = 2/3 (stockpile, keep the link): g - d l = 3 - 8/3 = 1/3
    checks = analysis.details["checks"]
    assert checks[0].best_gains[0] == Fraction(1, 3)
    assert all(v.player == 0 for v in checks[0].violations)
    assert checks[1].best_gains[1] <= 0                      # state 2 at its own delta_2 = 1/2
    # the least linkage that makes state 1 disclose: g/d - l = 9/2 - 4 = 1/2
    assert "L_1 = g_1/delta_1 - l_1 = 1/2" in " ".join(analysis.findings)
    assert "state 1 gains 1/3 by stockpiling once" in " ".join(analysis.findings)


def test_stage_game_has_only_mutual_stockpiling():
    # Moore, Friedman & Procaccia (2010): "a mutually defensive approach to security is not a stable
    # equilibrium". By hand: stockpiling adds g_i > 0 whatever the other does.
    game = InterestsModel().stage_game()
    assert game.payoff(("stockpile", "disclose")) == (3, -4) and game.payoff(("stockpile", "stockpile")) == (-1, -3)
    equilibria = nash_equilibria(game)
    assert len(equilibria) == 1 and [list(s) for s in equilibria[0].strategies] == [[0, 1], [0, 1]]


def test_linkage_table_at_the_defaults():
    # 3/(4 + L): L = 0 -> 3/4, 1/2 -> 2/3, 1 -> 3/5, 2 -> 1/2, 4 -> 3/8
    first, second = InterestsModel().analyse().remedies
    assert first.parameter == "linkage_1"
    assert first.table == ((0, Fraction(3, 4)), (Fraction(1, 2), Fraction(2, 3)), (1, Fraction(3, 5)),
                           (2, Fraction(1, 2)), (4, Fraction(3, 8)))
    assert second.table == ((0, Fraction(1, 4)), (1, Fraction(1, 5)), (2, Fraction(1, 6)), (4, Fraction(1, 8)))


# ----------------------------------------------------------------------------- formulas from the library
def test_library_formulas_equal_the_closed_forms():
    assert sympy.simplify(games.threshold_formula(1) - g1 / (l1 + L1)) == 0
    assert sympy.simplify(games.threshold_formula(2) - g2 / (l2 + L2)) == 0
    condition = InterestsModel().analyse().conditions[0]
    assert {s.name for s in condition.formula.free_symbols} == {"delta_1", "gain_1", "loss_1", "linkage_1"}


def test_the_unlinked_game_gives_the_same_threshold_as_the_plain_dilemma():
    # With L = 0 the linked game doubles every action; the plain 2x2 game gives g_i/l_i per player.
    model = InterestsModel(gain_1=2, loss_1=5, gain_2=7, loss_2=9)
    plain = RepeatedGame(model.stage_game())
    grim = (grim_trigger(cooperate="disclose", defect="stockpile"),) * 2
    assert critical_discount_factor(plain, grim, player=0) == Fraction(2, 5) == model.threshold(1)
    assert critical_discount_factor(plain, grim, player=1) == Fraction(7, 9) == model.threshold(2)


# ----------------------------------------------------------------------------- properties
positive = st.fractions(Fraction(1, 8), 10, max_denominator=8)
discount = st.fractions(0, Fraction(49, 50), max_denominator=50)


@st.composite
def interests_models(draw):
    return InterestsModel(gain_1=draw(positive), loss_1=draw(positive), delta_1=draw(discount),
                          linkage_1=draw(st.fractions(0, 10, max_denominator=8)),
                          gain_2=draw(positive), loss_2=draw(positive), delta_2=draw(discount),
                          linkage_2=draw(st.fractions(0, 10, max_denominator=8)))


@pytest.mark.slow
@settings(max_examples=60)
@given(interests_models())
def test_library_thresholds_match_the_closed_form_state_by_state(model):
    analysis = model.analyse()
    for i in (1, 2):
        gain, loss, link, delta = (getattr(model, f"{n}_{i}") for n in ("gain", "loss", "linkage", "delta"))
        expected = hand_threshold(gain, loss, link)
        deltas = analysis.details["delta_sets"][i - 1]
        # offence-dominant (g >= l + L): no discount factor in [0, 1) works
        assert deltas.is_empty == (expected >= 1)
        if expected < 1:
            assert deltas.infimum == expected and deltas.is_interval_to_one
        assert analysis.conditions[i - 1].value == expected
        assert analysis.conditions[i - 1].holds == (delta >= expected)


@pytest.mark.slow
@settings(max_examples=40)
@given(interests_models())
def test_check_equilibrium_agrees_on_both_sides_of_each_threshold(model):
    rg = RepeatedGame(model.linked_game())
    for i in (1, 2):
        threshold = model.threshold(i)
        if threshold >= 1:
            continue
        above = check_equilibrium(rg, games.PROFILE, threshold)
        assert not any(v.player == i - 1 for v in above.violations)
        if threshold > 0:
            below = check_equilibrium(rg, games.PROFILE, threshold * Fraction(999, 1000))
            assert any(v.player == i - 1 for v in below.violations)


@pytest.mark.slow
@settings(max_examples=40)
@given(interests_models(), st.fractions(0, 5, max_denominator=8), st.sampled_from((1, 2)))
def test_more_linkage_never_raises_a_threshold(model, extra, i):
    # The remedy's parameter: d/dL g/(l + L) < 0; the other state's threshold does not move.
    linked = model.replace(**{f"linkage_{i}": getattr(model, f"linkage_{i}") + extra})
    assert linked.threshold(i) <= model.threshold(i)
    assert linked.threshold(3 - i) == model.threshold(3 - i)
    if model.analyse().sustainable:
        assert linked.analyse().sustainable


@settings(max_examples=40)
@given(interests_models())
def test_the_minimal_linkage_makes_the_state_indifferent(model):
    for i in (1, 2):
        gain, loss, delta = (getattr(model, f"{n}_{i}") for n in ("gain", "loss", "delta"))
        if delta == 0 or gain / delta - loss <= 0:
            continue
        needed = gain / delta - loss
        assert model.threshold(i, linkage=needed) == delta


def test_heterogeneous_patience_is_checked_state_by_state():
    # One discount factor for both would miss it: state 1 patient enough (1/2 >= 1/4), state 2 not
    # (1/2 < 3/4) although 3/4 is below state 1's delta: each state's own delta is what counts.
    model = InterestsModel(gain_1=1, loss_1=4, delta_1=Fraction(1, 2), gain_2=3, loss_2=4, delta_2=Fraction(4, 5))
    assert [c.holds for c in model.analyse().conditions] == [True, True]
    model = model.replace(delta_2=Fraction(1, 2))
    assert [c.holds for c in model.analyse().conditions] == [True, False]


def test_offence_dominant_state_never_discloses_without_linkage():
    model = InterestsModel(gain_1=5, loss_1=4)
    analysis = model.analyse()
    assert analysis.conditions[0].value == Fraction(5, 4) and analysis.conditions[0].holds is False
    assert analysis.details["delta_sets"][0].is_empty
    assert "no discount factor makes it disclose" in analysis.conditions[0].explanation
    assert model.threshold(1, linkage=2) == Fraction(5, 6)      # 5/(4 + 2): linkage rescues it


# ----------------------------------------------------------------------------- number kinds and regions
def test_symbolic_parameters_give_formulas():
    g = sympy.Symbol("g", positive=True)
    analysis = InterestsModel(gain_1=g).analyse()
    assert analysis.conditions[0].value == g / 4 and analysis.conditions[0].holds is None
    assert analysis.conditions[1].holds is True
    assert analysis.remedies[0].table[0] == (0, g / 4)


def test_float_parameters_give_float_answers():
    analysis = InterestsModel(gain_1=3.0).analyse()
    assert all(isinstance(v, float) for v in InterestsModel(gain_1=3.0).parameters().values())
    assert isinstance(analysis.conditions[0].value, float)
    assert analysis.conditions[0].value == pytest.approx(0.75)
    assert analysis.conditions[0].holds is False


def test_region_condition_vectorises_at_scale():
    region = vectorize(InterestsModel().region_condition(free=("delta_1", "linkage_1")))
    rng = np.random.default_rng(0)
    deltas, links = rng.uniform(0, 1, 10_000), rng.uniform(0, 4, 10_000)
    # state 2 holds at the defaults (1/4 <= 1/2); state 1 needs delta_1 >= 3/(4 + L_1)
    assert np.array_equal(region(delta_1=deltas, linkage_1=links), deltas >= 3 / (4 + links))


def test_registry_finds_the_model():
    assert model_class("interests") is InterestsModel and InterestsModel.key == "interests"


# ----------------------------------------------------------------------------- bad parameters
@pytest.mark.parametrize("changes, words", [
    ({"gain_1": 0}, "InterestsModel.gain_1: expected a value > 0"),
    ({"loss_2": -1}, "InterestsModel.loss_2: expected a value > 0"),
    ({"delta_1": 1}, "InterestsModel.delta_1: expected a value < 1"),
    ({"delta_2": -0.5}, "InterestsModel.delta_2: expected a value >= 0"),
    ({"linkage_1": -1}, "InterestsModel.linkage_1: expected a value >= 0"),
    ({"gain_2": "3"}, "InterestsModel.gain_2"),
    ({"loss_1": float("inf")}, "InterestsModel.loss_1"),
    ({"delta_1": sympy.Symbol("d", negative=True)}, "InterestsModel.delta_1"),
])
def test_bad_parameters_are_rejected_with_a_clear_error(changes, words):
    with pytest.raises(ParameterError, match=words):
        InterestsModel(**changes)


def test_bad_arguments_to_the_methods():
    with pytest.raises(ParameterError, match="i: expected the state 1 or 2"):
        InterestsModel().threshold(3)
    with pytest.raises(ParameterError, match="free: unknown parameter"):
        InterestsModel().region_condition(free=("delta",))


def test_the_library_set_for_a_mixed_kind_model_stays_float():
    # sustainable_discount_factors on the float linked game: the library's float path
    deltas = sustainable_discount_factors(RepeatedGame(InterestsModel(loss_1=4.5).linked_game()), games.PROFILE,
                                          player=0)
    assert deltas.kind == "float" and deltas.infimum == pytest.approx(3 / 4.5)
