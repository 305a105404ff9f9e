"""The trust model as one game: hand-derived values, a brute-force second method, comparative statics, ties."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cybergames.errors import ParameterError
from cybergames.models import TrustModel, model_class
from cybergames.models import _trust_games as games
from cybergames.repeated import (RepeatedGame, always_defect, check_equilibrium, check_nash, grim_trigger,
                                 tit_for_tat, values)
from cybergames.signalling import perfect_bayesian_equilibria
from cybergames.strategies import prisoners_dilemmas
from cybergames.sweep import vectorize

T, R, P, S = (games.SYMBOLS[n] for n in "TRPS")
F = Fraction


# ----------------------------------------------------------------------------- defaults by hand
def test_defaults_reproduce_the_hand_derivation():
    # The game of Kydd (2005), ch. 2 (security seekers with assurance preferences T_t < R, expansionists with
    # prisoner's dilemma preferences T > R_u) and ch. 7 (reassurance by a costly first move), at T, R, P, S =
    # 5, 3, 1, 0, T_t = 2, R_u = 2, delta = 3/5, prior 1/10, k_t = k_u = 3/5. By hand:
    # * B's grim trigger (Friedman 1971): 3 >= (1 - d) 5 + d 1 iff d >= 1/2.
    # * a trusted expansionist reciprocates iff 2 >= 5 - 4d iff d >= 3/4; at 3/5 exploiting pays
    #   (2/5) 5 + (3/5) 1 = 13/5, so its gain from trust is G_u = 13/5 - 1 = 8/5; a security seeker's is 2.
    # * trusting a pool pays p 3 + (1 - p)((2/5) 0 + (3/5) 1) >= 1 iff p (3 - 3/5) >= 2/5 iff p >= 1/6 > 1/10.
    # * with equal unit costs 3/5 a gesture s separates iff 8/5 <= 3s/5 <= 2 iff 8/3 <= s <= 10/3: s = 3.
    # * without a gesture cooperation starts where p* <= 1/10 (9 (1 - d) <= 2, d >= 7/9) or at d_u = 3/4;
    #   with the gesture s = 3 (the largest a security seeker pays) where 9/5 >= 4 (1 - d), d >= 11/20 > 1/2.
    analysis = TrustModel().analyse()
    grim, trust = analysis.conditions
    assert grim.value == F(1, 2) and isinstance(grim.value, Fraction) and grim.holds is True
    assert trust.value is None and trust.holds is True and analysis.sustainable is True
    answer = analysis.details["answer"]
    assert (answer.partner_threshold, answer.reciprocity_threshold) == (F(1, 2), F(3, 4))
    assert answer.gains == (2, F(8, 5)) and answer.cost_interval == (F(8, 5), 2)
    assert analysis.details["prior_threshold"] == F(1, 6)
    assert answer.least_gesture == 3 and answer.separates and answer.equilibrium == "separating reassurance"
    assert (answer.start_without, answer.start_with) == (F(3, 4), F(11, 20))
    assert answer.ties == ()                                   # the defaults are off every knife edge
    reassurance = analysis.details["reassurance"]
    assert reassurance.trust_on_prior is False and reassurance.separating_gestures == (3,)
    # at delta = 3/5 B's best one-shot defection loses 3 - (5 - 4 * 3/5) = 2/5
    assert max(analysis.details["grim_check"].best_gains) == F(-2, 5)


def test_defaults_numbers_appear_in_the_texts():
    analysis = TrustModel().analyse()
    text = " ".join(analysis.findings)
    assert "(T - R_u)/(T - P) = 3/4" in text and "p*(delta)" in text and "= 1/6" in text
    assert "a cost in [8/5, 2]" in text and "s* = 3 units" in text
    assert "from delta = 3/4" in text and "from delta = 11/20" in text
    assert "the condition of that profile" in text                    # the profile's condition, labelled
    assert "condition of the grim-trigger profile" in analysis.conditions[0].explanation


def test_tit_for_tat_contrast_agrees_with_the_library():
    # Mailath & Samuelson (2006), sec. 2.4.3: tit-for-tat is subgame perfect only where
    # (T - R)/(R - S) = (P - S)/(T - P) (here 2/3 and 1/4: never) and Nash iff
    # d >= max{(T - R)/(T - P), (T - R)/(R - S)} = max{1/2, 2/3} = 2/3.
    analysis = TrustModel().analyse()
    assert analysis.details["tit_for_tat"].is_empty
    assert analysis.details["tit_for_tat_nash"].holds is False          # delta = 3/5 < 2/3
    rg, tft = analysis.details["repeated_game"], (tit_for_tat(), tit_for_tat())
    assert check_nash(rg, tft, F(2, 3)).holds
    assert not check_nash(rg, tft, F(2, 3) - F(1, 1000)).holds


def test_the_grim_threshold_is_the_librarys_symbolic_one():
    assert sympy.simplify(games.grim_threshold() - games.library_grim_threshold()) == 0
    assert TrustModel().analyse().conditions[0].formula == sympy.Ge(games.SYMBOLS["delta"], (T - R) / (T - P))


def test_condition_formulas_use_the_parameter_names():
    analysis = TrustModel().analyse()
    names = set(TrustModel().parameters())
    for condition in analysis.conditions:
        assert {s.name for s in condition.formula.free_symbols} <= names


# ----------------------------------------------------------------------------- a second method: brute force
def continuation_values(model):
    """Both states' values of the repeated game after trust, from the repeated layer's exact ``values``.

    A security seeker and B play grim trigger; an expansionist picks the better of grim trigger and always
    defect against B's grim trigger. Independent of the closed forms of ``_trust_games``.
    """
    out = {}
    for kind in games.TYPES:
        rg = RepeatedGame(model.type_game(kind))
        keep, exploit = (values(rg, (a, grim_trigger()), model.delta).initial for a in (grim_trigger(), always_defect()))
        # "weakly": at a tie (delta = delta_u) the expansionist reciprocates; it exploits only if that pays strictly
        out[kind] = tuple(exploit if exploit[0] > keep[0] else keep)
    return out


def brute_force_outcomes(model, trusted=None):
    """Every pure PBE outcome of the first move, by enumerating both states' pure strategies.

    After a gesture off the path, any reply is allowed that some belief justifies (trust: belief 1;
    distrust: belief 0, which justifies it iff B's value of trusting an expansionist is at most P).
    ``trusted``: the continuation values if already computed.
    """
    trusted = continuation_values(model) if trusted is None else trusted
    gestures = range(model.max_signal + 1)
    cost = {"trustworthy": model.unit_cost_trustworthy, "untrustworthy": model.unit_cost_untrustworthy}
    p = {"trustworthy": model.prior, "untrustworthy": 1 - model.prior}
    found = set()
    for sent in itertools.product(gestures, repeat=2):
        sender = dict(zip(games.TYPES, sent))
        for replies in itertools.product((True, False), repeat=len(gestures)):
            ok = True
            for s in gestures:
                senders = [t for t in games.TYPES if sender[t] == s]
                if senders:
                    mass = sum(p[t] for t in senders)
                    trust = sum(p[t] * trusted[t][1] for t in senders) / mass
                    if (trust >= model.P) != replies[s] and trust != model.P:
                        ok = False
                elif not replies[s] and trusted["untrustworthy"][1] > model.P:
                    ok = False
            for t in games.TYPES:
                def pay(s):
                    return (trusted[t][0] if replies[s] else model.P) - cost[t] * s
                if any(pay(s) > pay(sender[t]) for s in gestures):
                    ok = False
            if ok:
                kind = "pooling" if sent[0] == sent[1] else "separating"
                found.add((kind, sent, (replies[sent[0]], replies[sent[1]])))
    return found


def test_brute_force_at_the_defaults():
    # Second method at the defaults: pooling on no gesture, distrusted, and the separating gesture 3.
    found = brute_force_outcomes(TrustModel())
    assert found == {("pooling", (0, 0), (False, False)), ("separating", (3, 0), (True, False))}
    assert continuation_values(TrustModel()) == {"trustworthy": (3, 3), "untrustworthy": (F(13, 5), F(3, 5))}


def test_brute_force_at_the_reciprocity_tie():
    # At d = d_u a trusted expansionist is indifferent and reciprocates ("weakly"): T, R, P, S = 3, 2, 1, 0,
    # R_u = 9/5, d = 3/5: exploiting is worth (2/5) 3 + (3/5) 1 = 9/5 = R_u, so both states get (R_u, R) = (9/5, 2).
    # B then trusts after every gesture; a free gesture (k_t = 0) leaves the security seeker indifferent between
    # 0 and 1 and the expansionist (k_u = 1/5) sends 0: pooling on 0 and (1, 0), all trusted.
    model = TrustModel(T=3, R=2, P=1, S=0, delta=F(3, 5), prior=F(1, 20), max_signal=1, unit_cost_trustworthy=F(0),
                       unit_cost_untrustworthy=F(1, 5), temptation_trustworthy=F(7, 4), reward_untrustworthy=F(9, 5))
    assert continuation_values(model)["untrustworthy"] == (F(9, 5), 2)
    assert brute_force_outcomes(model) == {("pooling", (0, 0), (True, True)), ("separating", (1, 0), (True, True))}


@st.composite
def trust_models(draw, max_signal=4):
    game = draw(prisoners_dilemmas(max_gap=6))
    (R_, S_), (T_, P_) = game.payoffs[0].tolist()
    R_u = P_ + (T_ - P_) * draw(st.fractions(F(1, 20), F(19, 20), max_denominator=20))
    T_t = R_ - draw(st.fractions(F(1, 4), 4, max_denominator=4))
    k_t = draw(st.fractions(0, 3, max_denominator=5))
    k_u = draw(st.fractions(F(1, 5), 4, max_denominator=5))
    prior = draw(st.fractions(F(1, 20), F(19, 20), max_denominator=20))
    delta = draw(st.fractions(0, F(19, 20), max_denominator=20))
    signals = draw(st.integers(1, max_signal))
    return TrustModel(T=T_, R=R_, P=P_, S=S_, delta=delta, prior=prior, max_signal=signals,
                      unit_cost_trustworthy=k_t, unit_cost_untrustworthy=k_u, temptation_trustworthy=T_t,
                      reward_untrustworthy=R_u)


@settings(max_examples=40, deadline=None)
@given(trust_models())
# A tie found by the development profile. T, R, P, S = 3, 2, 1, 0, R_u = 9/5, d = 3/5, p = 1/20, k_t = 0,
# k_u = 1/5, one gesture size. By hand: an expansionist's exploitation is worth (2/5) 3 + (3/5) 1 = 9/5 = R_u,
# so d = d_u = (3 - 9/5)/(3 - 1) = 3/5 and "weakly" makes it reciprocate: trusting either type gives B
# R = 2 > P = 1, so B trusts after every gesture at every belief. A security seeker's gesture is free (k_t = 0):
# it is indifferent between 0 and 1, both trusted; an expansionist's costs 1/5, so it sends 0. The pure
# equilibria: pooling on 0 trusted, and (1, 0) both trusted; no outcome with distrust (distrust is never a
# best reply). Had the expansionist exploited at the tie, B's value of trusting it would be (2/5) 0 + (3/5) 1
# = 3/5 and the pool (p 2 + (1 - p) 3/5 = 67/100 < 1) distrusted: that was the brute force's wrong answer.
@example(TrustModel(T=3, R=2, P=1, S=0, delta=F(3, 5), prior=F(1, 20), max_signal=1, unit_cost_trustworthy=F(0),
                    unit_cost_untrustworthy=F(1, 5), temptation_trustworthy=F(7, 4), reward_untrustworthy=F(9, 5)))
def test_library_equilibria_match_brute_force_and_the_closed_forms(model):
    m = model
    analysis = m.analyse()
    reassurance, answer = analysis.details["reassurance"], analysis.details["answer"]
    library = {(o.kind, o.gestures, o.trusted) for o in reassurance.outcomes}
    values_ = continuation_values(m)
    assert library == brute_force_outcomes(m, values_)
    # the separating gestures are exactly k_u s >= G_u and k_t s <= G_t, while an expansionist would exploit
    g_t, g_u = values_["trustworthy"][0] - m.P, values_["untrustworthy"][0] - m.P
    assert answer.gains == (g_t, g_u)
    exploits = values_["untrustworthy"][1] < m.R
    expected = tuple(s for s in range(1, m.max_signal + 1)
                     if m.unit_cost_untrustworthy * s >= g_u and m.unit_cost_trustworthy * s <= g_t) if exploits else ()
    assert reassurance.separating_gestures == expected
    assert (answer.separates and exploits) == bool(expected)
    if expected:
        assert answer.least_gesture == expected[0] == max(1, math.ceil(g_u / m.unit_cost_untrustworthy))
    # trust on the prior: p R + (1 - p) V_B >= P with B's value of trusting an expansionist from the repeated layer
    on_prior = m.prior * m.R + (1 - m.prior) * values_["untrustworthy"][1] >= m.P
    assert reassurance.trust_on_prior == on_prior == (m.prior >= answer.prior_threshold)
    # the condition formulas at the model's values say what the equilibria say
    trust = analysis.conditions[1]
    substituted = trust.formula.xreplace({games.SYMBOLS[n]: sympy.Rational(v) for n, v in m.parameters().items()})
    assert bool(substituted) == (not exploits or on_prior or bool(expected))
    assert bool(m.region_condition(free=())) == (analysis.sustainable is True)


# ----------------------------------------------------------------------------- comparative statics
@settings(max_examples=60)
@given(trust_models(), st.fractions(0, 1, max_denominator=20))
def test_patience_lowers_the_prior_needed_and_the_expansionists_gain(model, share):
    later = model.replace(delta=model.delta + (F(99, 100) - model.delta) * share)
    before, after = model.answer(), later.answer()
    assert after.prior_threshold <= before.prior_threshold
    assert after.gains[1] <= before.gains[1] and after.gains[0] == before.gains[0]
    # cooperation, once it starts, keeps starting at larger delta (with and without a gesture)
    if bool(model.region_condition(free=())):
        assert bool(later.region_condition(free=()))
    if bool(model.no_gesture_condition(free=())):
        assert bool(later.no_gesture_condition(free=()))


@settings(max_examples=60)
@given(trust_models(), st.fractions(0, 1, max_denominator=20))
def test_a_higher_prior_never_hurts(model, share):
    higher = model.replace(prior=model.prior + (F(99, 100) - model.prior) * share)
    assert higher.answer().start_without <= model.answer().start_without
    assert higher.answer().start_with <= model.answer().start_with <= model.answer().start_without
    if bool(model.region_condition(free=())):
        assert bool(higher.region_condition(free=()))


@settings(max_examples=30, deadline=None)
@given(trust_models(), st.fractions(F(1, 5), 4, max_denominator=5))
def test_costlier_mimicry_never_makes_reassurance_harder(model, increase):
    # raising k_u never raises the least separating gesture (k_u s >= G_u only gets easier), on the equilibria
    before = model.least_cost_gesture(model.unit_cost_untrustworthy)
    after = model.least_cost_gesture(model.unit_cost_untrustworthy + increase)
    if before is not None:
        assert after is not None and after <= before


@settings(max_examples=60)
@given(trust_models(), st.fractions(0, 1, max_denominator=50))
def test_resilience_lowers_the_prior_threshold(model, share):
    # p*(S) = (1 - d)(P - S)/(R - P + (1 - d)(P - S)) rises with P - S: raising S towards P lowers it.
    raised = model.replace(S=model.S + (model.P - model.S) * share * F(99, 100))
    assert raised.answer().prior_threshold <= model.answer().prior_threshold


@settings(max_examples=60)
@given(trust_models())
def test_the_cost_interval_opens_exactly_at_the_partners_threshold(model):
    # With R_u <= R, G_u <= G_t iff (1 - d)(T - P) <= R - P iff d >= (T - R)/(T - P); with R_u = R (types that
    # differ only in the payoff from exploiting), G_u >= G_t always: an equal-cost gesture separates at most weakly.
    answer = model.answer()
    low, high = answer.cost_interval
    if model.reward_untrustworthy <= model.R:
        assert (low <= high) == (model.delta >= answer.partner_threshold)
    same = model.replace(reward_untrustworthy=model.R).answer()
    assert same.cost_interval[0] >= same.cost_interval[1]


def test_remedy_tables_at_the_defaults():
    gesture, prior, patience, resilience, _ = TrustModel().analyse().remedies
    # s* = max(1, ceil((8/5)/k_u)), needs k_t s* = 3 s*/5 <= 2 (s* <= 3): k_u = 8/25 -> 5 and 2/5 -> 4 do not fit;
    # 8/15 -> 3, 3/5 -> 3, 4/5 -> 2, 8/5 -> 1
    assert gesture.parameter == "unit_cost_untrustworthy"
    assert gesture.table == ((F(8, 25), None), (F(2, 5), None), (F(8, 15), 3), (F(3, 5), 3), (F(4, 5), 2),
                             (F(8, 5), 1))
    assert [TrustModel().least_cost_gesture(c) for c, _ in gesture.table] == [s for _, s in gesture.table]
    # least delta without a gesture, max(1/2, min(3/4, 1 - 2p/(1 - p))): p = 1/20 -> 3/4, 1/10 -> 3/4 (7/9 > 3/4),
    # 1/5 -> max(1/2, 1/2) = 1/2, 1/3 -> 1/2 (0), 1/2 -> 1/2
    assert prior.table == ((F(1, 20), F(3, 4)), (F(1, 10), F(3, 4)), (F(1, 5), F(1, 2)), (F(1, 3), F(1, 2)),
                           (F(1, 2), F(1, 2)))
    # G_u = max(2, 5 - 4d) - 1 at d = 1/2, 3/5, 5/8, 3/4: 2, 8/5, 3/2, 1
    assert patience.table == ((F(1, 2), 2), (F(3, 5), F(8, 5)), (F(5, 8), F(3, 2)), (F(3, 4), 1))
    # p* = (2/5)(1 - S)/(2 + (2/5)(1 - S)): S = -1 -> 2/7, 0 -> 1/6, 1/2 -> 1/11, 3/4 -> 1/21
    assert resilience.table == ((-1, F(2, 7)), (0, F(1, 6)), (F(1, 2), F(1, 11)), (F(3, 4), F(1, 21)))


# ----------------------------------------------------------------------------- knife edges: "weakly" at a tie
def test_each_tie_is_reported_as_weak():
    # delta = 1/2 = delta_B: B indifferent (grim trigger holds weakly)
    at_b = TrustModel(delta=F(1, 2)).analyse()
    assert at_b.conditions[0].holds and "weakly" in at_b.conditions[0].explanation
    assert "partner's patience" in " ".join(at_b.details["answer"].ties)
    # delta = 3/4 = delta_u: 2 = 5 - 4 (3/4); the expansionist reciprocates only weakly
    at_u = TrustModel(delta=F(3, 4)).analyse()
    assert at_u.details["answer"].equilibrium == "reciprocity"
    assert "knife edge" in at_u.findings[1] and "weakly" in at_u.findings[4]
    # prior = p*(3/5) = 1/6: B indifferent
    at_p = TrustModel(prior=F(1, 6)).analyse()
    assert at_p.details["answer"].equilibrium == "trust on the prior" and "holds only weakly" in at_p.findings[4]
    # k_u = 8/15: k_u s* = 3 (8/15) = 8/5 = G_u, the expansionist indifferent at s* = 3
    at_k = TrustModel(unit_cost_untrustworthy=F(8, 15)).analyse()
    assert "separates only weakly" in at_k.findings[5]
    assert at_k.details["reassurance"].separating_gestures == (3,)
    # k_t = 2/3: k_t s* = 2 = G_t, the security seeker indifferent
    at_t = TrustModel(unit_cost_trustworthy=F(2, 3)).analyse()
    assert "separates only weakly" in at_t.findings[5] and at_t.details["reassurance"].separating_gestures == (3,)
    # just past each tie, the answer flips the way the closed forms say
    assert TrustModel(unit_cost_trustworthy=F(2, 3) + F(1, 100)).answer().separates is False
    assert TrustModel(unit_cost_untrustworthy=F(8, 15) - F(1, 100)).answer().least_gesture == 4
    assert not TrustModel(delta=F(1, 2) - F(1, 100)).analyse().conditions[0].holds


@settings(max_examples=30)
@given(prisoners_dilemmas(max_gap=10))
def test_grim_threshold_agrees_with_check_equilibrium_on_both_sides(game):
    (R_, S_), (T_, P_) = game.payoffs[0].tolist()
    model = TrustModel(T=T_, R=R_, P=P_, S=S_, temptation_trustworthy=R_ - 1, reward_untrustworthy=F(R_ + P_, 2))
    threshold = model.analyse().conditions[0].value
    rg, grim = RepeatedGame(model.stage_game()), (grim_trigger(), grim_trigger())
    assert check_equilibrium(rg, grim, threshold).holds
    assert not check_equilibrium(rg, grim, threshold - F(1, 10**6)).holds


def test_the_reassurance_game_is_solved_by_the_library():
    # the separating PBE at the defaults, from perfect_bayesian_equilibria directly
    sg = TrustModel().reassurance_game()
    separating = [eq for eq in perfect_bayesian_equilibria(sg) if eq.kind == "separating" and eq.is_pure]
    assert {eq.sender["trustworthy"] for eq in separating} == {"3"}
    assert all(eq.receiver["3"] == "trust" and eq.receiver["0"] == "distrust" for eq in separating)


# ----------------------------------------------------------------------------- number kinds and regions
def test_float_parameters_give_float_answers():
    exact = TrustModel().analyse()
    floats = TrustModel(T=5.0).analyse()
    assert isinstance(floats.conditions[0].value, float)
    assert floats.conditions[0].value == pytest.approx(float(exact.conditions[0].value))
    assert floats.details["least_cost_gesture"] == exact.details["least_cost_gesture"] == 3
    assert floats.details["prior_threshold"] == pytest.approx(1 / 6)
    assert floats.details["answer"].start_with == pytest.approx(11 / 20)


def test_region_condition_vectorises_and_matches_the_analysis():
    model = TrustModel()
    region = vectorize(model.region_condition(free=("delta", "prior", "unit_cost_untrustworthy")))
    deltas, priors, costs = (0.45, 0.6, 0.8), (0.1, 0.3), (0.4, 0.6, 2.0)
    grid = region(delta=np.array(deltas)[:, None, None], prior=np.array(priors)[None, :, None],
                  unit_cost_untrustworthy=np.array(costs)[None, None, :])
    assert grid.shape == (3, 2, 3)
    for (i, d), (j, p), (k, c) in itertools.product(enumerate(deltas), enumerate(priors), enumerate(costs)):
        exact = model.replace(delta=F(d).limit_denominator(), prior=F(p).limit_denominator(),
                              unit_cost_untrustworthy=F(c).limit_denominator())
        assert grid[i, j, k] == exact.analyse().sustainable


def test_registry_finds_the_model():
    assert model_class("trust") is TrustModel and TrustModel.key == "trust"


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
    ({"unit_cost_trustworthy": -1}, "TrustModel.unit_cost_trustworthy"),
    ({"unit_cost_untrustworthy": 0}, "TrustModel.unit_cost_untrustworthy"),
    ({"temptation_trustworthy": 3}, "temptation_trustworthy: expected a value < R"),
    ({"reward_untrustworthy": 1}, "reward_untrustworthy: expected a value in \\(P, T\\)"),
    ({"reward_untrustworthy": 5}, "reward_untrustworthy: expected a value in \\(P, T\\)"),
])
def test_bad_parameters_are_rejected_with_a_clear_error(changes, words):
    with pytest.raises(ParameterError, match=words):
        TrustModel(**changes)


def test_unknown_names_are_rejected():
    with pytest.raises(ParameterError, match="unknown parameter"):
        TrustModel().replace(detect=1)
    with pytest.raises(ParameterError, match="free: unknown parameter"):
        TrustModel().region_condition(free=("q",))
    with pytest.raises(ParameterError, match="kind: expected one of"):
        TrustModel().type_game("neutral")


def test_models_are_frozen_and_not_mutated_by_the_analysis():
    model = TrustModel()
    before = model.parameters()
    model.analyse()
    assert model.parameters() == before
    with pytest.raises(AttributeError):
        model.T = 7


def test_the_verdict_names_the_equilibrium_and_what_binds():
    # defaults: the 3-unit gesture separates (3/5 * 3 = 9/5 in [8/5, 2], derived above)
    analysis = TrustModel().analyse()
    assert analysis.verdict == "sustainable: a gesture of 3 units separates (cost in [8/5, 2])"
    numbers = dict(analysis.numbers)
    answer = analysis.details["answer"]
    assert numbers["cost_interval_lower"] == F(8, 5) == answer.cost_interval[0]
    assert numbers["start_delta_with_gesture"] == F(11, 20) and numbers["reciprocity_threshold"] == F(3, 4)
    # prior 1/5 >= p*(3/5) = 1/6: trust on the prior; at prior 1/6 only weakly
    on_prior = TrustModel(prior=F(1, 5)).analyse().verdict
    assert on_prior.startswith("sustainable: trust on the prior (p ≥ p*(δ) = 1/6)")
    assert TrustModel(prior=F(1, 6)).analyse().verdict.startswith("sustainable (weakly): trust on the prior")
    # delta = 4/5 >= 3/4: both reciprocate
    assert TrustModel(delta=F(4, 5)).analyse().verdict.startswith("sustainable: both types reciprocate")
    # delta = 2/5 < 1/2: B's patience binds, in any equilibrium
    impatient = TrustModel(delta=F(2, 5)).analyse()
    assert impatient.verdict == "not sustainable: needs δ ≥ 1/2 (B's patience, any equilibrium), here 2/5"
    assert impatient.sustainable is False
    # gestures too dear for a security seeker (k_t = 1: 3 units cost 3 > 2): mistrust; the game answer is withheld.
    # The largest gesture it pays is 2 units (cost 2 = G_t), which separates once 2 (3/5) = 6/5 >= 4 (1 - d),
    # i.e. from d = 7/10.
    mistrust = TrustModel(unit_cost_trustworthy=1).analyse()
    assert mistrust.verdict == "not sustainable: p < p*(δ) = 1/6 and no gesture separates; from δ = 7/10"
    assert mistrust.game is None and mistrust.sustainable is False


def test_texts_outside_the_reassurance_region_say_why():
    # delta = 4/5 >= 3/4: no gesture can separate (B trusts after none) and none is needed
    patient = TrustModel(delta=F(4, 5)).analyse()
    assert "none is needed" in patient.findings[5] and patient.details["reassurance"].separating_gestures == ()
    # delta = 2/5 < 1/2: the first move's equilibria take B's cooperation for granted, and the text says so;
    # s* = ceil((12/5)/(3/5)) = 4 ties for the expansionist (4 (3/5) = 12/5) but costs a security seeker
    # 12/5 > 2, so that tie decides nothing and is not reported
    impatient = TrustModel(delta=F(2, 5)).analyse()
    assert "B would not keep it" in impatient.findings[5]
    assert impatient.details["answer"].ties == () and "weakly" not in impatient.findings[7]
