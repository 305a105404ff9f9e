"""The trust model: hand-derived thresholds, the library's equilibria against the closed forms, remedies."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames.errors import ParameterError
from cybergames.models import TrustModel, model_class
from cybergames.models import _trust_games as games
from cybergames.repeated import RepeatedGame, check_equilibrium, check_nash, grim_trigger, tit_for_tat
from cybergames.signalling import perfect_bayesian_equilibria
from cybergames.strategies import prisoners_dilemmas
from cybergames.sweep import vectorize

T, R, P, S = (games.SYMBOLS[n] for n in "TRPS")
k_t, k_u = games.SYMBOLS["unit_cost_trustworthy"], games.SYMBOLS["unit_cost_untrustworthy"]


def closed_form_gestures(T, R, P, S, k_t, k_u, max_signal):
    """The separating gestures by hand: k_u s >= T - P (no mimicry) and k_t s <= R - P (worth paying)."""
    return tuple(s for s in range(1, max_signal + 1) if k_u * s >= T - P and k_t * s <= R - P)


# ----------------------------------------------------------------------------- defaults by hand
def test_defaults_reproduce_the_hand_derivation():
    # Grim trigger (Friedman 1971; Mailath & Samuelson 2006, sec. 2.4.1), Axelrod's payoffs 5, 3, 1, 0:
    # cooperating pays R = 3, defecting (1 - d) 5 + d 1 = 5 - 4d; 3 >= 5 - 4d iff d >= 1/2.
    # Trust on the prior: p R + (1 - p) S >= P iff 3p >= 1 iff p >= 1/3 (> 1/4, the prior: no trust).
    # Separation: k_u s >= T - P = 4 iff s >= 2 (k_u = 2); k_t s <= R - P = 2 iff s <= 4 (k_t = 1/2).
    analysis = TrustModel().analyse()
    grim, trust = analysis.conditions
    assert grim.value == Fraction(1, 2) and isinstance(grim.value, Fraction) and grim.holds is True
    assert trust.value is None and trust.holds is True and analysis.sustainable is True
    reassurance = analysis.details["reassurance"]
    assert analysis.details["prior_threshold"] == Fraction(1, 3)
    assert reassurance.trust_on_prior is False
    assert reassurance.separating_gestures == (2, 3, 4) == closed_form_gestures(5, 3, 1, 0, Fraction(1, 2), 2, 4)
    assert reassurance.least_cost_gesture == 2 == math.ceil(Fraction(4, 2))
    # D1 keeps only the least costly separating equilibrium; the pool without gestures fails it
    kept = [(o.kind, o.gestures) for o in reassurance.outcomes if o.d1]
    assert kept == [("separating", (2, 0))]
    pool = next(o for o in reassurance.outcomes if o.kind == "pooling")
    assert pool.gestures == (0, 0) and pool.trusted == (False, False) and not pool.intuitive
    # at delta = 3/5 the best one-shot defection loses 3 - (5 - 4 * 3/5) = 2/5
    assert max(analysis.details["grim_check"].best_gains) == Fraction(-2, 5)


def test_defaults_numbers_appear_in_the_texts():
    analysis = TrustModel().analyse()
    text = " ".join(analysis.findings)
    assert "= 1/2" in text and "p* = (P - S)/(R - S) = 1/3" in text and "2, 3, 4 units" in text
    assert "the least costly, 2 units" in text and "only pure equilibrium that survives D1" in text
    assert "k_t <= (R - P)/s* = 1" in analysis.conditions[1].explanation


def test_tit_for_tat_contrast_agrees_with_the_library():
    # Mailath & Samuelson (2006), sec. 2.4.3: tit-for-tat is subgame perfect only where
    # (T - R)/(R - S) = (P - S)/(T - P) (here 2/3 and 1/4: never) and Nash iff
    # d >= max{(T - R)/(T - P), (T - R)/(R - S)} = max{1/2, 2/3} = 2/3.
    analysis = TrustModel().analyse()
    assert analysis.details["tit_for_tat"].is_empty
    assert analysis.details["tit_for_tat_nash"].holds is False          # delta = 3/5 < 2/3
    rg, tft = analysis.details["repeated_game"], (tit_for_tat(), tit_for_tat())
    assert check_nash(rg, tft, Fraction(2, 3)).holds
    assert not check_nash(rg, tft, Fraction(2, 3) - Fraction(1, 1000)).holds
    assert "= 2/3" in analysis.findings[2]


# ----------------------------------------------------------------------------- formulas from the library
def test_library_formulas_equal_the_closed_forms():
    assert sympy.simplify(games.grim_threshold() - (T - R) / (T - P)) == 0
    assert sympy.simplify(games.prior_threshold() - (P - S) / (R - S)) == 0
    lower, fits = games.gesture_bounds()
    assert sympy.simplify(lower - (T - P) / k_u) == 0
    assert sympy.simplify(fits.lhs - (R - P - k_t * games.GESTURE)) == 0 and fits.rhs == 0


def test_condition_formulas_use_the_parameter_names():
    analysis = TrustModel().analyse()
    names = set(TrustModel().parameters())
    for condition in analysis.conditions:
        assert {s.name for s in condition.formula.free_symbols} <= names
    assert analysis.conditions[0].formula == sympy.Ge(games.SYMBOLS["delta"], (T - R) / (T - P))


# ----------------------------------------------------------------------------- properties against the closed forms
@st.composite
def trust_models(draw, max_signal=5):
    game = draw(prisoners_dilemmas(max_gap=6))
    (R_, S_), (T_, P_) = game.payoffs[0].tolist()
    k_t_ = draw(st.fractions(0, 3, max_denominator=4))
    k_u_ = k_t_ + draw(st.fractions(Fraction(1, 4), 6, max_denominator=4))
    prior = draw(st.fractions(Fraction(1, 20), Fraction(19, 20), max_denominator=20))
    delta = draw(st.fractions(0, Fraction(19, 20), max_denominator=20))
    signals = draw(st.integers(1, max_signal))
    return TrustModel(T=T_, R=R_, P=P_, S=S_, delta=delta, prior=prior, max_signal=signals,
                      unit_cost_trustworthy=k_t_, unit_cost_untrustworthy=k_u_)


@settings(max_examples=40)
@given(trust_models())
def test_library_equilibria_match_the_closed_forms(model):
    m = model
    analysis = m.analyse()
    reassurance = analysis.details["reassurance"]
    # grim trigger: d >= (T - R)/(T - P), from the library's delta set and its check at delta
    threshold = Fraction(m.T - m.R, m.T - m.P)
    assert analysis.conditions[0].value == threshold
    assert analysis.conditions[0].holds == (m.delta >= threshold)
    # the receiver trusts without a gesture iff p >= (P - S)/(R - S)
    assert reassurance.trust_on_prior == (m.prior >= Fraction(m.P - m.S, m.R - m.S))
    # the separating gestures are exactly the hand-derived ones; the least is ceil((T - P)/k_u) if it fits
    gestures = closed_form_gestures(m.T, m.R, m.P, m.S, m.unit_cost_trustworthy, m.unit_cost_untrustworthy,
                                    m.max_signal)
    assert reassurance.separating_gestures == gestures
    least = math.ceil(Fraction(m.T - m.P) / m.unit_cost_untrustworthy)
    fits = least <= m.max_signal and m.unit_cost_trustworthy * least <= m.R - m.P
    assert reassurance.least_cost_gesture == (least if fits else None)
    # the trust condition's formula, at the model's values, says what the library found
    trust = analysis.conditions[1]
    substituted = trust.formula.subs({games.SYMBOLS[n]: sympy.nsimplify(v) for n, v in m.parameters().items()})
    assert bool(substituted) == trust.holds == (reassurance.trust_on_prior or fits)
    assert bool(m.region_condition(free=())) == (analysis.sustainable is True)


@settings(max_examples=25)
@given(trust_models(max_signal=4))
def test_refinements_select_the_least_costly_separating_equilibrium(model):
    # Cho & Kreps (1987), sec. IV, applied by hand to the gesture grid. With s* the least separating
    # gesture, the trustworthy state strictly gaining from it (k_t s* < R - P), prior < p*, and gestures
    # costly to it (k_t > 0; a free gesture gives it the same payoff at every size, so nothing tells the
    # sizes apart):
    # (a) s* survives the intuitive criterion: below s* the untrustworthy state would gain if trusted,
    #     so it is not equilibrium-dominated there; above s* both types are;
    # (b) D1 keeps no other pure equilibrium: at s* the untrustworthy state gains at best weakly (only if
    #     trusted for sure), the trustworthy one strictly, so D1 reads s* as trustworthy and s* breaks
    #     every equilibrium that does not send it;
    # (c) without a tie k_u s* = T - P the untrustworthy state is equilibrium-dominated at s* and the
    #     intuitive criterion keeps only s*.
    m = model
    reassurance = m.analyse().details["reassurance"]
    s = reassurance.least_cost_gesture
    if s is None or reassurance.trust_on_prior or not 0 < m.unit_cost_trustworthy * s < m.R - m.P:
        return
    chosen = ("separating", (s, 0))
    assert any((o.kind, o.gestures) == chosen and o.intuitive for o in reassurance.outcomes)
    assert {(o.kind, o.gestures) for o in reassurance.outcomes if o.d1} <= {chosen}
    if m.unit_cost_untrustworthy * s > m.T - m.P:
        assert [(o.kind, o.gestures) for o in reassurance.outcomes if o.intuitive] == [chosen]


def test_d1_can_reject_every_pure_equilibrium_on_a_coarse_grid():
    # T, R, P, S = 5, 4, 1, 0, k_t = 1, k_u = 11/4, gestures 0..2: s* = ceil(4/(11/4)) = 2. At the unused
    # gesture 1 the untrustworthy state gains iff trusted with probability a > 11/16, the trustworthy one
    # iff a > 2/3 (4a + (1 - a) - 1 > 2), a larger set: D1 reads 1 as trustworthy, and then the trustworthy
    # state prefers 1 (payoff 3) to 2 (payoff 2). The intuitive criterion keeps the separating equilibrium.
    model = TrustModel(T=5, R=4, P=1, S=0, prior=Fraction(1, 20), max_signal=2, unit_cost_trustworthy=1,
                       unit_cost_untrustworthy=Fraction(11, 4))
    analysis = model.analyse()
    reassurance = analysis.details["reassurance"]
    assert reassurance.least_cost_gesture == 2
    assert not any(o.d1 for o in reassurance.outcomes)
    assert [(o.kind, o.gestures) for o in reassurance.outcomes if o.intuitive] == [("separating", (2, 0))]
    assert "D1 keeps no pure equilibrium" in analysis.findings[4]


@settings(max_examples=30)
@given(trust_models(max_signal=4), st.fractions(Fraction(1, 4), 4, max_denominator=4))
def test_costlier_mimicry_never_makes_reassurance_harder(model, increase):
    # The remedy's parameter: raising k_u never raises the least separating gesture, and a gesture that
    # separates keeps separating (k_u s >= T - P only gets easier).
    before = model.least_cost_gesture(model.unit_cost_untrustworthy)
    after = model.least_cost_gesture(model.unit_cost_untrustworthy + increase)
    if before is not None:
        assert after is not None and after <= before


@given(prisoners_dilemmas(max_gap=20), st.fractions(0, 1, max_denominator=50), st.fractions(0, 1, max_denominator=50))
def test_resilience_lowers_the_prior_threshold(game, a, b):
    # p*(S) = (P - S)/(R - S) falls as S rises towards P: d p*/dS = (P - R)/(R - S)^2 < 0.
    (R_, S_), (T_, P_) = game.payoffs[0].tolist()
    low, high = sorted((S_ + a * (P_ - S_) * Fraction(99, 100), S_ + b * (P_ - S_) * Fraction(99, 100)))
    model = TrustModel(T=T_, R=R_, P=P_, S=S_)
    p_low = model.replace(S=low)._value(games.prior_threshold())
    p_high = model.replace(S=high)._value(games.prior_threshold())
    assert p_high <= p_low
    assert p_low == Fraction(P_ - low) / (R_ - low)


def test_remedy_tables_at_the_defaults():
    gesture, resilience = TrustModel().analyse().remedies
    # s* = ceil(4 / k_u): k_u = 1 -> 4, 4/3 -> 3, 2 -> 2, 4 -> 1; k_u = 4/5 would need 5 > max_signal = 4
    assert gesture.parameter == "unit_cost_untrustworthy"
    assert gesture.table == ((Fraction(4, 5), None), (1, 4), (Fraction(4, 3), 3), (2, 2), (4, 1))
    # p* = (1 - S)/(3 - S): S = -1 -> 1/2, 0 -> 1/3, 1/2 -> 1/5, 3/4 -> 1/9
    assert resilience.parameter == "S"
    assert resilience.table == ((-1, Fraction(1, 2)), (0, Fraction(1, 3)), (Fraction(1, 2), Fraction(1, 5)),
                                (Fraction(3, 4), Fraction(1, 9)))


# ----------------------------------------------------------------------------- both sides of the thresholds
@settings(max_examples=30)
@given(prisoners_dilemmas(max_gap=10))
def test_grim_threshold_agrees_with_check_equilibrium_on_both_sides(game):
    (R_, S_), (T_, P_) = game.payoffs[0].tolist()
    model = TrustModel(T=T_, R=R_, P=P_, S=S_)
    threshold = model.analyse().conditions[0].value
    rg, grim = RepeatedGame(model.stage_game()), (grim_trigger(), grim_trigger())
    assert check_equilibrium(rg, grim, threshold).holds
    assert not check_equilibrium(rg, grim, threshold - Fraction(1, 10**6)).holds


def test_separation_switches_exactly_at_the_cost_threshold():
    # k_t s* <= R - P with s* = 2: k_t = 1 separates (weakly: the trustworthy state is indifferent),
    # k_t = 1 + 1/100 does not. Checked on the library's equilibria directly.
    yes = TrustModel(unit_cost_trustworthy=1).analyse().details["reassurance"]
    no = TrustModel(unit_cost_trustworthy=Fraction(101, 100), max_signal=1).analyse().details["reassurance"]
    assert yes.least_cost_gesture == 2 and no.least_cost_gesture is None
    sg = TrustModel(unit_cost_trustworthy=Fraction(101, 100)).reassurance_game()
    assert not any(eq.kind == "separating" for eq in perfect_bayesian_equilibria(sg))


# ----------------------------------------------------------------------------- number kinds and regions
def test_float_parameters_give_float_answers():
    exact = TrustModel().analyse()
    floats = TrustModel(T=5.0).analyse()
    assert all(isinstance(v, float) for v in TrustModel(T=5.0).parameters().values() if not isinstance(v, int))
    assert isinstance(floats.conditions[0].value, float)
    assert floats.conditions[0].value == pytest.approx(float(exact.conditions[0].value))
    assert floats.details["least_cost_gesture"] == exact.details["least_cost_gesture"]
    assert floats.details["prior_threshold"] == pytest.approx(1 / 3)


def test_region_condition_vectorises_and_matches_the_analysis():
    model = TrustModel()
    region = vectorize(model.region_condition(free=("delta", "prior", "unit_cost_untrustworthy")))
    deltas = np.array([0.4, 0.6])[:, None, None]
    priors = np.array([0.2, 0.5])[None, :, None]
    costs = np.array([0.75, 1.5, 3.0])[None, None, :]
    grid = region(delta=deltas, prior=priors, unit_cost_untrustworthy=costs)
    assert grid.shape == (2, 2, 3)
    for i, d in enumerate((0.4, 0.6)):
        for j, p in enumerate((0.2, 0.5)):
            for k, c in enumerate((0.75, 1.5, 3.0)):
                exact = model.replace(delta=Fraction(d).limit_denominator(), prior=Fraction(p).limit_denominator(),
                                      unit_cost_untrustworthy=Fraction(c).limit_denominator())
                assert grid[i, j, k] == exact.analyse().sustainable


def test_registry_finds_the_model():
    assert model_class("trust") is TrustModel and TrustModel.key == "trust"


# ----------------------------------------------------------------------------- bad parameters
@pytest.mark.parametrize("changes, words", [
    ({"T": 3}, "T > R > P > S"),
    ({"S": 2}, "T > R > P > S"),
    ({"T": "5"}, "TrustModel.T"),
    ({"R": sympy.Symbol("R")}, "TrustModel.R: expected a number"),
    ({"delta": 1}, "TrustModel.delta"),
    ({"delta": -0.1}, "TrustModel.delta"),
    ({"delta": float("nan")}, "TrustModel.delta"),
    ({"prior": 0}, "TrustModel.prior"),
    ({"prior": 1}, "TrustModel.prior"),
    ({"max_signal": 0}, "TrustModel.max_signal"),
    ({"max_signal": 9}, "TrustModel.max_signal"),
    ({"max_signal": 2.0}, "TrustModel.max_signal: expected an integer"),
    ({"max_signal": True}, "TrustModel.max_signal: expected an integer"),
    ({"unit_cost_trustworthy": -1}, "TrustModel.unit_cost_trustworthy"),
    ({"unit_cost_untrustworthy": Fraction(1, 2)}, "unit_cost_untrustworthy: expected a value > unit_cost_trustworthy"),
    ({"unit_cost_untrustworthy": 0}, "unit_cost_untrustworthy"),
])
def test_bad_parameters_are_rejected_with_a_clear_error(changes, words):
    with pytest.raises(ParameterError, match=words.replace("(", r"\(").replace("*", r"\*")):
        TrustModel(**changes)


def test_unknown_names_are_rejected():
    with pytest.raises(ParameterError, match="unknown parameter"):
        TrustModel().replace(detect=1)
    with pytest.raises(ParameterError, match="free: unknown parameter"):
        TrustModel().region_condition(free=("q",))


def test_models_are_frozen_and_not_mutated_by_the_analysis():
    model = TrustModel()
    before = model.parameters()
    model.analyse()
    assert model.parameters() == before
    with pytest.raises(AttributeError):
        model.T = 7


def test_the_least_separating_gesture_at_a_tie_is_reported_as_weak():
    # Defaults: k_u = 2 and T - P = 4, so s* = (T - P)/k_u = 2 exactly (Spence 1973's separating
    # condition k_u s >= T - P holds with equality): the untrustworthy type is indifferent at s = 2.
    assert "separates only weakly" in " ".join(TrustModel().analyse().findings)
    # With k_u = 3, (T - P)/k_u = 4/3 and the least integer gesture 2 separates strictly (6 > 4).
    assert "knife edge" not in " ".join(TrustModel(unit_cost_untrustworthy=3).analyse().findings)
