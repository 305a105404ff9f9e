"""The information-sharing model: threat intelligence as a public good, with and without a clearing house."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import InformationSharingModel
from cybergames.models._information_text import largest_groups, Thresholds
from cybergames.repeated import check_equilibrium, sustainable_discount_factors
from cybergames.sweep import vectorize


def hand_thresholds(n, m, c, l, q, r):
    # Derived by hand. Withholding while all others share pays T = m c (n - 1)/n, all sharing R = m c - c - l,
    # nobody sharing P = 0. Clearing house (perfect monitoring, grim trigger): delta >= (T - R)/(T - P)
    # = (n (c + l) - m c)/(m c (n - 1)). Without it (trigger on any suspicion): nobody suspected after a
    # round of sharing with rho_c = (1 - r)^n, after one state withholds with rho_d = (1 - q)(1 - r)^(n - 1);
    # as for two states, delta [rho_c T - rho_d R] >= T - R.
    T, R = Fraction(m * c * (n - 1), n), m * c - c - l
    house = Fraction(n * (c + l) - m * c, m * c * (n - 1))
    bracket = (1 - r) ** n * T - (1 - q) * (1 - r) ** (n - 1) * R
    return house, (None if bracket <= T - R else (T - R) / bracket)


@st.composite
def sharing_dilemmas(draw, min_n=2, max_n=5):
    """Parameters with c + l < m c < n (c + l), built from n, c, l and a multiplier in the open range."""
    n = draw(st.integers(min_n, max_n))
    c = draw(st.fractions(Fraction(1, 4), 4, max_denominator=4))
    l = draw(st.fractions(0, 2, max_denominator=4))
    low, high = (c + l) / c, n * (c + l) / c            # multiplier strictly between
    t = draw(st.fractions(Fraction(1, 10), Fraction(9, 10), max_denominator=10))
    return dict(n=n, multiplier=low + t * (high - low), cost=c, leakage=l)


probabilities = st.fractions(0, 1, max_denominator=20)


def test_defaults_match_the_hand_derivation():
    # n = 5, m = 2, c = 1, l = 1/2: T = 8/5, R = 1/2. Clearing house: (5 * 3/2 - 2)/(2 * 4) = 11/16.
    # Without: rho_c T - rho_d R = (19/20)^4 (19/20 * 8/5 - 1/5 * 1/2) = (19/20)^4 * 71/50, so
    # delta* = (11/10) / ((130321/160000) * (71/50)) = 8800000/9252791 > 9/10.
    analysis = InformationSharingModel().analyse()
    quo, house = analysis.conditions
    assert house.value == Fraction(11, 16) and house.holds
    assert quo.value == Fraction(8800000, 9252791) and not quo.holds
    assert (house.value, quo.value) == hand_thresholds(5, 2, 1, Fraction(1, 2), Fraction(4, 5), Fraction(1, 20))
    assert not analysis.sustainable
    assert analysis.details["largest_group_at_delta"] == 4 and analysis.details["largest_group"] == 5


def test_withholding_is_the_only_one_shot_equilibrium():
    # Gordon, Loeb & Lucyshyn (2003): without incentives each party free-rides. Here withholding is
    # strictly dominant (a report returns m c/n = 2/5 < c + l = 3/2 to its sender).
    analysis = InformationSharingModel().analyse()
    game = analysis.details["stage"]
    assert [eq.profile for eq in analysis.details["stage_equilibria"]] == [("Withhold",) * 5]
    for profile in game.profiles():
        for i in range(5):
            assert game.best_responses(i, profile) == ("Withhold",)


@settings(max_examples=30)
@given(sharing_dilemmas(), probabilities, probabilities)
def test_the_library_thresholds_are_the_closed_forms(params, q, r):
    model = InformationSharingModel(**params, detect=q, false_flag=r)
    assert model.uses_library()
    expected = hand_thresholds(params["n"], params["multiplier"], params["cost"], params["leakage"], q, r)
    assert (model.clearing_house_threshold(), model.status_quo_threshold()) == expected


@settings(max_examples=15)
@given(sharing_dilemmas(max_n=4), probabilities, probabilities)
def test_one_shot_deviation_checks_agree_with_the_thresholds(params, q, r):
    model = InformationSharingModel(**params, detect=q, false_flag=r)
    house, quo = hand_thresholds(params["n"], params["multiplier"], params["cost"], params["leakage"], q, r)
    rg, profile = model.clearing_house_game(), model.clearing_house_profile()
    assert check_equilibrium(rg, profile, house).holds
    assert not check_equilibrium(rg, profile, house * Fraction(99, 100)).holds
    rg, profile = model.status_quo_game(), model.status_quo_profile()
    if quo is None:
        assert not check_equilibrium(rg, profile, Fraction(999, 1000)).holds
    else:
        assert check_equilibrium(rg, profile, quo).holds
        assert not check_equilibrium(rg, profile, quo * Fraction(99, 100)).holds


@pytest.mark.slow
@settings(max_examples=40)
@given(sharing_dilemmas(max_n=11), probabilities, probabilities)
def test_a_larger_group_never_lowers_the_critical_discount_factor(params, q, r):
    # The stated condition m c > c + l holds by construction (sharing is efficient).
    smaller = InformationSharingModel(**params, detect=q, false_flag=r)
    larger = smaller.replace(n=smaller.n + 1)
    assert larger.clearing_house_threshold() >= smaller.clearing_house_threshold()
    small, large = smaller.status_quo_threshold(), larger.status_quo_threshold()
    if small is None:
        assert large is None
    elif large is not None:
        assert large >= small


@settings(max_examples=30)
@given(sharing_dilemmas(max_n=8), probabilities, probabilities, st.fractions(0, 1, max_denominator=8))
def test_more_leakage_never_lowers_the_critical_discount_factor(params, q, r, extra):
    model = InformationSharingModel(**params, detect=q, false_flag=r)
    leakier = model._variant(leakage=model.leakage + extra)
    if leakier is None:              # sharing no longer efficient: nothing to sustain
        return
    assert leakier.clearing_house_threshold() >= model.clearing_house_threshold()
    before, after = model.status_quo_threshold(), leakier.status_quo_threshold()
    assert after is None if before is None else (after is None or after >= before)


@pytest.mark.slow
@settings(max_examples=30)
@given(sharing_dilemmas(max_n=8), probabilities, probabilities)
def test_the_clearing_house_never_hurts(params, q, r):
    model = InformationSharingModel(**params, detect=q, false_flag=r)
    quo = model.status_quo_threshold()
    assert quo is None or model.clearing_house_threshold() <= quo


def test_the_closed_form_takes_over_beyond_the_library_size():
    # n = 7 is computed from the closed forms; the library (run here directly) agrees.
    model = InformationSharingModel(n=7, leakage=0, false_flag=Fraction(1, 100))
    assert not model.uses_library()
    found = sustainable_discount_factors(model.status_quo_game(), model.status_quo_profile())
    assert found.infimum == model.status_quo_threshold()
    assert found.infimum == hand_thresholds(7, 2, 1, 0, Fraction(4, 5), Fraction(1, 100))[1]
    house = sustainable_discount_factors(model.clearing_house_game(), model.clearing_house_profile())
    assert house.infimum == model.clearing_house_threshold() == Fraction(5, 12)   # (7 - 2)/(2 * 6)
    analysis = model.analyse()
    assert "closed forms" in analysis.findings[1]


def test_large_groups_and_their_limits():
    # With the clearing house delta*(n) -> (c + l)/(m c) = 3/4; without false suspicion (r = 0) the
    # status quo threshold tends to (c + l)/(m c - (1 - q)(m c - c - l)) = (3/2)/(2 - 1/10) = 15/19.
    model = InformationSharingModel(n=1000, false_flag=0)
    assert model.clearing_house_threshold() == Fraction(3 * 1000 // 2 - 2, 2 * 999)
    assert Fraction(3, 4) - model.clearing_house_threshold() < Fraction(1, 1000)
    assert model.status_quo_threshold() < Fraction(15, 19)
    table = Thresholds(model)
    assert largest_groups(model, table) == (math.inf, math.inf)
    slow = model.replace(delta=Fraction(3, 4))
    at_delta, anywhere = largest_groups(slow, Thresholds(slow))
    assert anywhere == math.inf and slow.replace(n=at_delta).status_quo_threshold() <= Fraction(3, 4)
    assert slow.replace(n=at_delta + 1).status_quo_threshold() > Fraction(3, 4)


def test_region_conditions_agree_with_the_thresholds():
    model = InformationSharingModel()
    for clearing_house in (False, True):
        region = vectorize(model.region_condition(free=("n", "delta"), clearing_house=clearing_house))
        for n in range(2, 9):
            variant = model.replace(n=n)
            threshold = variant.clearing_house_threshold() if clearing_house else variant.status_quo_threshold()
            deltas = np.linspace(0, 0.999, 37)
            expected = [threshold is not None and d >= threshold for d in deltas]
            assert region(n=n, delta=deltas).tolist() == expected


def test_remedies_at_the_defaults():
    house, circles, leakage, anonymity = InformationSharingModel().analyse().remedies
    assert dict(house.table)[2] == Fraction(1, 2) and dict(house.table)[20] == Fraction(14, 19)
    assert [n for n, t in circles.table if t is not None] == [2, 3, 4, 5]
    assert dict(leakage.table)[0] == hand_thresholds(5, 2, 1, 0, Fraction(4, 5), Fraction(1, 20))[1]
    # a = 0: the attributing clearing house (perfect monitoring) with full leakage; a = 1: the background
    # evidence (q, r) = (4/5, 1/20) with no leakage, i.e. the leakage remedy's l = 0 row.
    assert dict(anonymity.table)[0] == dict(house.table)[5] == Fraction(11, 16)
    assert dict(anonymity.table)[1] == dict(leakage.table)[0]


def test_float_parameters_give_float_answers():
    exact = InformationSharingModel().analyse()
    floats = InformationSharingModel(multiplier=2.0, leakage=0.5, detect=0.8, false_flag=0.05, delta=0.9).analyse()
    for a, b in zip(exact.conditions, floats.conditions):
        assert isinstance(b.value, float) and b.value == pytest.approx(float(a.value))
        assert a.holds == b.holds


@pytest.mark.parametrize("changes, words", [
    (dict(n=1), "n"),
    (dict(n=1001), "n"),
    (dict(n=5.0), "n"),
    (dict(cost=0), "cost"),
    (dict(leakage=-1), "leakage"),
    (dict(multiplier=Fraction(3, 2)), "worth more to the group"),     # m c = 3/2 = c + l
    (dict(n=2, multiplier=3), "withholding must pay"),                 # m c = 3 >= 2 * 3/2
    (dict(detect=2), "detect"),
    (dict(false_flag=-Fraction(1, 2)), "false_flag"),
    (dict(delta=1), "delta"),
])
def test_bad_parameters_are_refused(changes, words):
    with pytest.raises(ParameterError, match=words):
        InformationSharingModel(**changes)


def test_the_tables_closed_forms_are_the_librarys_at_six_states():
    # The analysis's tables use the closed forms for group sizes other than the model's own; at n = 6 (the
    # largest the analysis builds) the library's delta sets agree, with and without the clearing house.
    from cybergames.models._information_text import Thresholds
    six = InformationSharingModel(n=6, false_flag=Fraction(1, 100))
    table = Thresholds(InformationSharingModel(false_flag=Fraction(1, 100)))
    assert table.at(6) == (six.status_quo_threshold(), six.clearing_house_threshold())
    assert table.at(6) == hand_thresholds(6, 2, 1, Fraction(1, 2), Fraction(4, 5), Fraction(1, 100))[::-1]


# ------------------------------------------------------------------ the game: full sharing itself
def test_full_sharing_itself_is_certified_no_equilibrium_payoff_at_the_defaults():
    # By hand (Mailath & Samuelson 2006, ch. 7) at n = 5, m = 2, c = 1, l = 1/2: with k sharers the payoffs
    # sum to k (m c - c - l) = k/2, largest at k = 5 only, so full sharing (1/2, ..., 1/2) is an exposed
    # vertex of the feasible set and every continuation after it is full sharing again. Each sharer is
    # suspected with r = 1/20 independently, so every profile of verdicts occurs; a withholder (suspected
    # with q = 4/5) adds none and gains c + l - m c/n = 3/2 - 2/5 = 11/10 now: no delta < 1 deters it.
    model = InformationSharingModel()
    analysis = model.analyse()
    found = analysis.game.bracket
    assert not found.found and found.lower == 1 and found.upper is None
    assert found.payoff == (Fraction(1, 2),) * 5 and "gains c + ℓ − mc/n = 11/10" in found.certificate
    assert verify(found).ok                       # re-read from the 5-state game's monitoring
    assert dict(analysis.numbers)["cooperation_least_delta_lower"] == 1
    text = " ".join(analysis.findings)
    assert "full sharing (1/2, 1/2, 1/2, 1/2, 1/2) itself, exactly, is not" in text
    assert any("a share of full sharing is not computed" in n for n in analysis.game.notes)


@settings(max_examples=12, deadline=None)
@given(st.integers(2, 3), st.sampled_from([0, Fraction(1, 2), Fraction(4, 5), 1]),
       st.sampled_from([0, Fraction(1, 20), Fraction(1, 2), 1]))
def test_the_closed_form_vertex_certificate_agrees_with_the_library(n, q, r):
    # Second method: undeterrable_vertex on the n-state game's monitoring matrix (which checks the vertex
    # and the supports of the signal distributions directly) against the closed form 0 < r < 1 or q = r.
    from cybergames.repeated.payoff_sets._vertex import undeterrable_vertex
    model = InformationSharingModel(n=n, detect=q, false_flag=r)
    found = model.full_sharing_bracket()
    library = undeterrable_vertex(model.status_quo_game(), (Fraction(model.reward),) * n)
    assert (found is not None) == (library is not None)
    if found is not None:
        assert not found.found and found.lower == 1 and found.upper is None


def test_the_vertex_certificate_is_computed_for_large_groups_in_closed_form():
    # n = 8 (beyond the library's 6 states): the same argument; gain c + l - m c/n = 3/2 - 1/4 = 5/4.
    found = InformationSharingModel(n=8).full_sharing_bracket()
    assert found is not None and found.game is None and "5/4" in found.certificate
