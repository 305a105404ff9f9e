"""The norms model: n states coordinating on a norm, each pair playing a stag hunt."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import pure_equilibria, risk_dominant
from cybergames.errors import ParameterError
from cybergames.models import NormsModel
from cybergames.sweep import vectorize


def hand_share(R, T, P, S):
    # Derived by hand: with a share x of the other states following, following pays x R + (1 - x) S and
    # abstaining x T + (1 - x) P; following is a best response iff x (R - T) >= (1 - x)(P - S), i.e.
    # x >= (P - S)/((R - T) + (P - S)).
    return Fraction(P - S) / ((R - T) + (P - S))


@st.composite
def stag_hunts(draw):
    """Integer stag hunts R > T >= P > S, built, not filtered."""
    S = draw(st.integers(-5, 5))
    P = S + draw(st.integers(1, 6))
    T = P + draw(st.integers(0, 4))
    R = T + draw(st.integers(1, 6))
    return R, T, P, S


def brute_force_equilibria(n, R, T, P, S):
    """Every pure equilibrium of the n-state game, each state's payoffs summed over its partners by hand."""
    def payoff(follows, others):
        return others * R + (n - 1 - others) * S if follows else others * T + (n - 1 - others) * P
    found = []
    for profile in itertools.product((True, False), repeat=n):
        k = sum(profile)
        stable = all(payoff(f, k - f) >= payoff(not f, k - f) for f in profile)
        if stable:
            found.append(tuple("Follow" if f else "Abstain" for f in profile))
    return sorted(found)


def test_defaults_match_the_hand_derivation():
    # R, T, P, S = 4, 3, 2, 0: x* = 2/(1 + 2) = 2/3, so among 8 states an abstainer follows once
    # ceil(2/3 * 7) = ceil(14/3) = 5 others do (no tie: 14/3 is not whole); 3 committed adopters are too few.
    analysis = NormsModel().analyse()
    coalition, risk = analysis.conditions[:2]
    assert (coalition.value, coalition.holds) == (5, False)
    assert (risk.value, risk.holds) == (Fraction(2, 3), False)
    assert [eq.profile for eq in analysis.details["equilibria"]] == [("Follow",) * 8, ("Abstain",) * 8]
    assert analysis.details["cascade"] == 3
    assert NormsModel(adopters=5).analyse().details["cascade"] == 8
    assert NormsModel(adopters=4).analyse().details["cascade"] == 4


def test_risk_and_payoff_dominance_in_skyrms_stag_hunt():
    # Harsanyi & Selten (1988), sec. 3.9; Skyrms, The Stag Hunt (2004), ch. 1: with R, T, P, S = 4, 3, 3, 0
    # the deviation losses are 1 at (Stag, Stag) and 3 at (Hare, Hare): Nash products 1 < 9, hare is risk
    # dominant, stag payoff dominant; x* = 3/(1 + 3) = 3/4.
    analysis = NormsModel(R=4, T=3, P=3, S=0, n=5).analyse()
    assert analysis.details["risk_dominance"].selected == ("Abstain", "Abstain")
    assert analysis.details["risk_dominance"].nash_products == (1, 9)
    assert analysis.details["payoff_dominance"].selected == ("Follow", "Follow")
    assert analysis.details["tipping_share"] == Fraction(3, 4)


def test_no_split_equilibrium_even_when_the_threshold_is_an_integer():
    # x* (n - 1) = 2/3 * 9 = 6 is an integer at the defaults: with 7 followers each follower sees 6 others
    # (indifferent) but each abstainer sees 7 > 6 and would follow; with 6 followers each follower sees only
    # 5 < 6. So no profile with 1..n-1 followers is an equilibrium.
    assert brute_force_equilibria(10, 4, 3, 2, 0) == [("Abstain",) * 10, ("Follow",) * 10]
    game = NormsModel(n=10).game()
    seven = ("Follow",) * 7 + ("Abstain",) * 3
    assert game.best_responses(0, seven) == ("Follow", "Abstain")
    assert game.best_responses(9, seven) == ("Follow",)


@settings(max_examples=40)
@given(stag_hunts(), st.integers(2, 7))
def test_the_pure_equilibria_are_the_two_conventions(payoffs, n):
    R, T, P, S = payoffs
    # pure_equilibria, not nash_equilibria: the mixed ones of a 5-7 player game are not in question here
    found = sorted(eq.profile for eq in pure_equilibria(NormsModel(n=n, R=R, T=T, P=P, S=S, adopters=0).game()))
    assert found == brute_force_equilibria(n, R, T, P, S) == [("Abstain",) * n, ("Follow",) * n]


@settings(max_examples=60)
@given(stag_hunts(), st.integers(2, 10))
def test_tipping_share_and_coalition_match_the_closed_forms(payoffs, n):
    R, T, P, S = payoffs
    model = NormsModel(n=n, R=R, T=T, P=P, S=S, adopters=0)
    share = hand_share(R, T, P, S)
    assert model.tipping_share() == share                          # the pairwise game's mixed equilibrium
    assert model.coalition() == math.ceil(share * (n - 1))         # best responses in the n-state game


@settings(max_examples=40)
@given(stag_hunts(), st.fractions(0, 1, max_denominator=12))
def test_a_higher_S_never_raises_the_tipping_share(payoffs, t):
    R, T, P, S = payoffs
    higher = S + t * (P - S) * Fraction(99, 100)                 # stays below P
    low, high = NormsModel(R=R, T=T, P=P, S=S), NormsModel(R=R, T=T, P=P, S=higher)
    assert high.tipping_share() <= low.tipping_share()


@pytest.mark.slow
@settings(max_examples=20)
@given(stag_hunts())
def test_risk_dominance_is_a_tipping_share_below_one_half(payoffs):
    # Harsanyi & Selten (1988): (Follow, Follow) risk dominates iff (R - T)^2 > (P - S)^2.
    R, T, P, S = payoffs
    analysis = NormsModel(n=4, R=R, T=T, P=P, S=S).analyse()
    norm_first = analysis.details["risk_dominance"].selected == ("Follow", "Follow")
    assert norm_first == (R - T > P - S) == (hand_share(R, T, P, S) < Fraction(1, 2))
    assert analysis.conditions[1].holds == norm_first


@settings(max_examples=30)
@given(stag_hunts(), st.integers(2, 9), st.data())
def test_a_coalition_tips_the_norm_iff_it_reaches_the_threshold(payoffs, n, data):
    R, T, P, S = payoffs
    adopters = data.draw(st.integers(0, n))
    model = NormsModel(n=n, R=R, T=T, P=P, S=S, adopters=adopters)
    needed = math.ceil(hand_share(R, T, P, S) * (n - 1))
    assert model.cascade() == (n if adopters >= needed else adopters)


@settings(max_examples=25)
@given(stag_hunts(), st.integers(2, 6), st.fractions(Fraction(1, 10), 10, max_denominator=10),
       st.fractions(-5, 5, max_denominator=10))
def test_positive_affine_payoff_changes_leave_the_thresholds_alone(payoffs, n, scale, shift):
    R, T, P, S = payoffs
    model = NormsModel(n=n, R=R, T=T, P=P, S=S, adopters=0)
    moved = model.replace(R=scale * R + shift, T=scale * T + shift, P=scale * P + shift, S=scale * S + shift)
    assert moved.tipping_share() == model.tipping_share() and moved.coalition() == model.coalition()


def test_large_groups_use_the_closed_form():
    # 193 states (the UN membership): ceil(2/3 * 192) = 128.
    model = NormsModel(n=193, adopters=130)
    analysis = model.analyse()
    assert analysis.conditions[0].value == 128 and analysis.conditions[0].holds
    assert "threshold argument" in analysis.findings[0]
    with pytest.raises(ParameterError, match="2\\^11"):
        NormsModel(n=11).game()


def test_remedy_tables():
    assistance, shaming, size = NormsModel().analyse().remedies
    # x*(S) = (2 - S)/(3 - S): 2/3, 3/5, 1/2, 1/3 at S = 0, 1/2, 1, 3/2.
    assert assistance.table == ((0, Fraction(2, 3)), (Fraction(1, 2), Fraction(3, 5)), (1, Fraction(1, 2)),
                                (Fraction(3, 2), Fraction(1, 3)))
    # x*(T) = 2/(4 - T): 2/3, 4/7, 1/2 at T = 3, 5/2, 2.
    assert shaming.table == ((3, Fraction(2, 3)), (Fraction(5, 2), Fraction(4, 7)), (2, Fraction(1, 2)))
    # ceil(2/3 (n - 1)): 8/3 -> 3, 14/3 -> 5, 6, 38/3 -> 13, 98/3 -> 33, 128; ties (whole numbers) at 10 and 193.
    assert size.table == ((5, 3), (8, 5), (10, 6), (20, 13), (50, 33), (193, 128))
    assert "at n = 10 and 193, x*(n − 1) is a whole number" in size.effect and "only weakly" in size.effect


def test_region_condition_agrees_with_the_coalition():
    model = NormsModel()
    region = vectorize(model.region_condition(free=("S", "adopters")))
    for S in (0, Fraction(1, 2), 1, Fraction(3, 2)):
        needed = model.replace(S=S).coalition()
        adopters = np.arange(0, 9)
        assert region(S=float(S), adopters=adopters).tolist() == [a >= needed for a in adopters]


def test_risk_dominance_formula_agrees_with_the_library():
    formula = vectorize(NormsModel().risk_dominance_formula())
    for S in (0, Fraction(1, 2), Fraction(3, 2)):
        selected = risk_dominant(NormsModel(S=S).pairwise_game()).selected
        assert bool(formula(R=4, T=3, P=2, S=float(S))) == (selected == ("Follow", "Follow"))


def test_float_parameters_give_float_answers():
    analysis = NormsModel(R=4.0, T=3.0, P=2.0, S=0.0).analyse()
    assert isinstance(analysis.conditions[1].value, float)
    assert analysis.conditions[1].value == pytest.approx(2 / 3)
    assert analysis.conditions[0].value == 5


@pytest.mark.parametrize("changes, words", [
    (dict(T=5), "R > T >= P > S"),
    (dict(P=Fraction(7, 2)), "R > T >= P > S"),
    (dict(S=2), "R > T >= P > S"),
    (dict(n=1), "n"),
    (dict(n=1001), "n"),
    (dict(adopters=9), "adopters"),
    (dict(violation_gain=0), "violation_gain"),
    (dict(delta=1), "delta"),
    (dict(delta=-Fraction(1, 2)), "delta"),
    (dict(adopters=-1), "adopters"),
    (dict(adopters=1.5), "adopters"),
    (dict(R=float("nan")), "R"),
])
def test_bad_parameters_are_refused(changes, words):
    with pytest.raises(ParameterError, match=words):
        NormsModel(**changes)


def test_an_exact_tie_is_reported_as_weak_tipping():
    # n = 10: x* = (P - S)/((R - T) + (P - S)) = 2/3 and 9 partners, so x* * 9 = 6 exactly: a state
    # seeing 6 followers is indifferent (the mixed equilibrium of the pairwise game), and "6 tips the
    # norm" holds only weakly. The defaults (8 states: x* * 7 = 14/3) and 11 states (20/3) have no tie.
    tie = " ".join(NormsModel(n=10).analyse().findings)
    assert "knife edge" in tie and "only weakly" in tie
    assert "knife edge" not in " ".join(NormsModel(n=11).analyse().findings)
    assert "knife edge" not in " ".join(NormsModel().analyse().findings)


# ------------------------------------------------------------------ which norm emerges (KMR 1993, Young 1993)
def hand_escape_bounds(share, n):
    # Derived by hand for the KMR chain of this model (each state best-responds to the other n - 1, keeping
    # its action on a tie): with c = x*(n - 1), a state with k <= c followers goes to all-abstain in one step
    # and one with k >= c + 1 to all-follow. So leaving all-abstain needs a single step of more than c
    # mistakes (at least floor(c) + 1) and ceil(c) + 1 always suffice; the same with (1 - x*)(n - 1) for
    # leaving all-follow.
    c, d = share * (n - 1), (1 - share) * (n - 1)
    return (math.floor(c) + 1, math.ceil(c) + 1), (math.floor(d) + 1, math.ceil(d) + 1)


def test_kmr_selects_abstention_among_the_default_eight_states():
    # Kandori, Mailath & Rob (1993), the round-robin stag hunt; defaults R, T, P, S = 4, 3, 2, 0, n = 8:
    # x* = 2/3, c = 14/3. Into the norm: 5 mistakes give 5 followers, each sees 4 < 14/3 and abstains
    # while the 3 abstainers see 5 > 14/3 and follow: 3 followers, then none; 6 mistakes give 6 >= c + 1:
    # all follow. Out of the norm: 3 mistakes leave 5 followers, which swing to 3 and then 0. So 6 into,
    # 3 out: abstention is stochastically stable, the risk-dominant convention ((P - S)^2 = 4 > (R - T)^2 = 1).
    model = NormsModel()
    result = model.stochastic_stability()
    assert result.resistances == ((0, 3), (6, 0))
    assert result.stable_states == ((0, 8),) and result.potentials == (6, 3)
    analysis = model.analyse()
    epsilon, mass = analysis.details["stationary_mass"]
    assert epsilon == Fraction(1, 100) and mass[1] > Fraction(9, 10) > mass[0]
    text = " ".join(analysis.findings)
    assert "6 simultaneous mistakes tip universal abstention into the norm and 3 tip the norm back" in text
    assert "universal abstention is the only stochastically stable convention" in text
    assert "|2x* − 1|(n − 1) = 7/3 ≥ 2" in text


@settings(max_examples=30, deadline=None)
@given(stag_hunts(), st.integers(2, 30))
def test_kmr_selects_the_risk_dominant_norm_in_large_enough_groups(payoffs, n):
    # KMR (1993), the result its abstract states: in 2x2 symmetric games with two symmetric strict
    # equilibria the risk-dominant one is the long-run equilibrium for large populations; here "large" is |2x* - 1|(n - 1) >= 2, by the hand bounds above
    # (the two escape ranges then do not overlap, and no two-cycle class exists).
    R, T, P, S = payoffs
    model = NormsModel(n=n, R=R, T=T, P=P, S=S, adopters=0)
    share = hand_share(R, T, P, S)
    result = model.stochastic_stability()
    if abs(2 * share - 1) * (n - 1) >= 2:
        into, out = hand_escape_bounds(share, n)
        assert len(result.classes) == 2
        assert into[0] <= result.resistances[1][0] <= into[1] and out[0] <= result.resistances[0][1] <= out[1]
        risk_dominant_follow = R - T > P - S                      # Harsanyi & Selten (1988), Nash products
        assert result.stable_states == (((n, 0),) if risk_dominant_follow else ((0, n),))


def test_young_adaptive_play_on_the_pairwise_game_also_selects_abstention():
    # Young (1993), adaptive play (the stochastically stable convention, computed, as its abstract says,
    # from a theorem on perturbed Markov processes: least-resistance trees) with memory m = 4 and samples s = 2: following is a best reply only to a
    # sample of two followers (share 1 >= x* = 2/3; share 1/2 is not), so one mistake in the history tips
    # the norm and two are needed to tip abstention: potentials 2 (norm) and 1 (abstention), by hand.
    from cybergames.dynamics import adaptive_play, stochastically_stable
    result = stochastically_stable(adaptive_play(NormsModel().pairwise_game(), 4, 2))
    assert result.potentials == (2, 1)
    assert result.stable_states == ((("Abstain", "Abstain"),) * 4,)


def test_a_risk_tie_is_reported_and_no_convention_claimed():
    # R, T, P, S = 4, 3, 1, 0: x* = 1/2, Nash products equal: the knife edge of KMR's theorem.
    text = " ".join(NormsModel(R=4, T=3, P=1, S=0, n=7).analyse().findings)
    assert "Neither convention is risk dominant (x* = 1/2)" in text


# ------------------------------------------------------------------ community enforcement (Kandori 1992)
# Kandori (1992), the first of the two main results its abstract states: a community sustains cooperation
# by contagion even when each agent knows only its own experience.
def test_the_default_norm_of_restraint_is_sustained_by_contagion_at_delta_four_fifths():
    # T' = R + g = 5, R, P, S = 4, 2, 0 among 8 states. On path the least delta is the root near 0.653
    # (tests/repeated/test_community.py checks the sets against values solved at rational delta); the
    # off-path conditions hold at every delta since cooperating against a defector costs P - S = 2.
    analysis = NormsModel().analyse()
    on, off = analysis.conditions[2:]
    assert "for the contagion profile" in on.name and "for the contagion profile" in off.name
    assert 0.65 < float(on.value) < 0.66 and on.holds
    assert off.value is None and off.holds and str(off.formula) == "delta < 1"
    found = analysis.details["community_enforcement"]
    assert float(found.least_delta) == pytest.approx(float(on.value))
    # below the threshold the profile fails, and the text says so for this strategy only
    low = NormsModel(delta=Fraction(3, 5)).analyse()
    assert low.conditions[2].holds is False
    assert "at δ = 3/5 it does not" in " ".join(low.findings)
    # grim trigger between two states needs only (T' - R)/(T' - P) = 1/3
    assert "(T′ − R)/(T′ − P) = 1/3" in " ".join(analysis.findings)


def test_odd_groups_are_not_paired_and_say_so():
    analysis = NormsModel(n=9).analyse()
    assert len(analysis.conditions) == 2
    assert "not computed: the states cannot all be paired each period (n is odd)" in " ".join(analysis.findings)


def test_a_discount_factor_at_the_end_of_the_contagion_set_is_reported_as_weak():
    # Two states: contagion is grim trigger, delta >= (T' - R)/(T' - P) = (5 - 4)/(5 - 2) = 1/3 (by hand);
    # at delta = 1/3 exactly a state is indifferent between violating and not.
    text = " ".join(NormsModel(n=2, adopters=0, delta=Fraction(1, 3)).analyse().findings)
    assert "at δ = 1/3 it does, only weakly" in text
    assert "it does, only weakly" not in " ".join(NormsModel(n=2, adopters=0, delta=Fraction(1, 2)).analyse().findings)


def test_equal_stochastic_potentials_are_reported_as_a_tie():
    # Two states, R, T, P, S = 4, 3, 2, 0 (KMR 1993's chain with N = 2; by hand): a follower facing an
    # abstainer switches (0 < x* = 2/3) and the abstainer facing a follower switches too (1 > 2/3), so the
    # split profile maps to itself (a two-cycle of who follows) and is a third recurrent class. One mistake
    # moves between neighbouring classes, two between the conventions, so every class has a tree of cost 2:
    # all three are stochastically stable, a tie, which the text must call weak.
    result = NormsModel(n=2, adopters=0).stochastic_stability()
    assert result.resistances == ((0, 1, 2), (1, 0, 1), (2, 1, 0)) and result.potentials == (2, 2, 2)
    text = " ".join(NormsModel(n=2, adopters=0).analyse().findings)
    assert "are stochastically stable only weakly, with equal stochastic potential 2" in text
    assert "no one convention is selected" in text
