"""The game answers of the interests, jurisdiction and norms models (cybergames/models/_game_path.py).

Each model's named profile (the joint grim trigger on disclosure, the trigger on detected
harbouring, the best-response cascade from the committed states) is one strategy profile; the game
answer says what any equilibrium can do. The least discount factor of a cooperative path is bounded
below by the minmax argument (a deviator can be held at worst to his minmax value: Mailath &
Samuelson, *Repeated Games and Reputations*, 2006, sec. 2.1 and 7.1) and above by reverting to a stage
Nash equilibrium (the one-shot deviation principle, ibid. Prop. 2.2.1 and 7.1.1). Every number below
is derived by hand in the comment beside it.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, check_equilibrium, sustainable_discount_factors
from cybergames.models import InterestsModel, JurisdictionModel, NormsModel
from cybergames.models._game import neu_conditions
from cybergames.models._game_path import path_threshold
from cybergames.repeated import RepeatedGame


# ------------------------------------------------------------------ interests
def test_interests_each_states_least_discount_factor_for_mutual_disclosure_is_exact():
    # Moore, Friedman & Procaccia (2010) payoffs as in models/interests.py: state i gets g_i for stockpiling,
    # -l_i when the other does. Defaults g = (3, 1), l = (4, 4), L = (0, 0). State i gains g_i by deviating
    # from mutual disclosure (worth 0); the other state stockpiling holds it to its minmax g_i - l_i
    # (stockpiling dominates), so delta_i >= g_i / (g_i + 0 - (g_i - l_i)) = g_i / l_i: 3/4 and 1/4, by hand.
    # Mutual stockpiling is a stage equilibrium paying exactly the minmax, so both ends agree.
    model = InterestsModel()
    answer = model.game_answer()
    found = answer.bracket
    assert found.player_lower == found.player_upper == (Fraction(3, 4), Fraction(1, 4)) and found.exact
    assert found.vertex is True and answer.cooperation == (0, 0)
    # Second method: the library's exact per-player delta sets of the reversion profile start there too.
    rg = RepeatedGame(model.linked_game())
    for i, least in enumerate(found.player_upper):
        delta_set = sustainable_discount_factors(rg, found.reversion, player=i)
        assert delta_set.infimum == least and delta_set.is_interval_to_one
    # At (2/3, 1/2) state 1 is short of 3/4: no member of the family is an equilibrium; raising state 1 alone
    # to 9/10 (state 2's 1/2 already exceeds 1/4) makes the grim trigger one, worth (0, 0).
    assert answer.best is None
    assert answer.patient.delta == (Fraction(9, 10), Fraction(1, 2)) and answer.patient.value == (0, 0)
    assert answer.folk.holds and not answer.impossible


def test_interests_linkage_gives_the_per_state_threshold_and_the_grim_trigger_holds_at_own_discount_factors():
    # With L_1 = 1: state 1's cooperative payoff is L_1 = 1, its deviation (stockpile, keep) pays g_1 + L_1 = 4
    # (gain 3), its minmax is g_1 - l_1 = -1, so delta_1 >= 3 / (3 + 1 + 1) = 3/5 <= 2/3, by hand.
    model = InterestsModel(linkage_1=1)
    answer = model.game_answer()
    assert answer.bracket.player_lower == (Fraction(3, 5), Fraction(1, 4))
    assert answer.best.delta == (Fraction(2, 3), Fraction(1, 2)) and answer.best.value == (1, 0)
    rg = RepeatedGame(model.linked_game())
    for i, delta in enumerate(answer.best.delta):     # each state's constraints at its own discount factor
        assert not any(v.player == i for v in check_equilibrium(rg, answer.best.profile, delta).violations)


def test_an_offence_dominant_state_never_discloses_and_the_text_says_only_that():
    # g_1 = 5 > l_1 = 4: state 1's minmax g_1 - l_1 = 1 exceeds what mutual disclosure gives it (0), so no
    # punishment deters its deviation: the lower end is 1 (none below one), by hand.
    analysis = InterestsModel(gain_1=5).analyse()
    assert analysis.game.bracket.player_lower[0] == 1 and not analysis.game.bracket.found
    text = " ".join(analysis.findings)
    assert "not strictly above the minmax values (1, −3)" in text
    assert "this certifies nothing about other profiles" in text and not analysis.game.impossible


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(0, 4), st.integers(1, 6), st.integers(1, 6))
def test_the_games_least_discount_factor_is_the_grim_triggers_threshold(g1, excess, link, g2, excess2):
    # With l_i > g_i the stage equilibrium (mutual stockpiling) holds each state to its minmax g_i - l_i, so the
    # game can do no better for mutual disclosure than the named profile: both give g_i / (l_i + L_i).
    model = InterestsModel(gain_1=g1, loss_1=g1 + excess, linkage_1=link, gain_2=g2, loss_2=g2 + excess2)
    found = model.game_answer().bracket
    assert found.exact
    assert found.player_lower == (Fraction(g1, g1 + excess + link), Fraction(g2, g2 + excess2))
    assert found.player_lower == (model.threshold(1), model.threshold(2))


# ------------------------------------------------------------------ jurisdiction
def test_jurisdiction_the_least_delta_for_prosecution_is_the_triggers():
    # Defaults v, c_p, b, s = 4, 1, 2, 2; pi = 1/5, r = 0. The host gains b + c_p = 3 by harbouring and is
    # caught with probability 1/5; prosecuting pays v - c_p = 3, and the victim's sanction holds the host to
    # its minmax b - s = 0 (harbouring dominates). So delta >= 3 / (3 + (1/5)(3 - 0)) = 3 / (18/5) = 5/6, by
    # hand, the named trigger's delta* = (b + c_p)/((b + c_p) + pi (v + s - b - c_p)) = 3/(3 + 3/5) as well
    # (Green & Porter 1984 trigger; models/jurisdiction.py). (harbour, sanction) is a stage equilibrium
    # (rho d = 2 >= k = 1) paying the host exactly 0, so both ends agree.
    model = JurisdictionModel()
    answer = model.game_answer()
    assert answer.bracket.lower == answer.bracket.upper == Fraction(5, 6) and answer.bracket.exact
    assert answer.bracket.lower == model.critical_discount_factor()
    assert answer.cooperation == (3, 0) and answer.bracket.vertex
    # delta = 4/5 < 5/6: no member of the family; the permanent trigger at 9/10, exact for delta >= 5/6.
    assert answer.best is None and answer.patient.delta == Fraction(9, 10)
    assert answer.patient.least_delta == Fraction(5, 6) and answer.patient.value == (3, 0)
    assert answer.folk.holds and answer.folk.pairwise_full_rank
    text = " ".join(model.analyse().findings)
    assert "exactly when δ ≥ 5/6" in text and "so at δ = 4/5 it is not" in text


def _trigger_gain(model, delta):
    """The host's largest one-shot gain under the permanent trigger, by hand in floats: the path is worth
    v - c_p; harbouring once pays v + b now and, if caught (probability pi), b - s for ever after."""
    v, c, b, s, pi = (float(x) for x in (model.relations_value, model.prosecution_cost, model.harbour_benefit,
                                         model.sanction, model.enforcement))
    path = v - c
    deviate = (1 - delta) * (v + b) + delta * (pi * (b - s) + (1 - pi) * path)
    return deviate - path


def test_jurisdiction_the_bound_separates_deterrence_by_a_brute_force_check():
    model = JurisdictionModel()
    least = float(model.game_answer().bracket.lower)
    assert _trigger_gain(model, least - 1e-3) > 0 > _trigger_gain(model, least + 1e-3)


def test_jurisdiction_with_false_accusations_the_least_delta_is_not_computed_and_nothing_is_denied():
    # r > 0: the cooperative path itself triggers punishment with probability r, so the path's signal is not
    # certain; the answer says the least delta is not computed and claims nothing impossible.
    answer = JurisdictionModel(false_accusation=Fraction(1, 20)).game_answer()
    assert answer.bracket is None and any("not computed" in note for note in answer.notes)
    assert not answer.impossible and answer.patient is not None


def test_jurisdiction_without_a_credible_sanction_only_the_lower_end_is_certified():
    # rho = 1/10: rho d = 1/2 < k = 1, so the victim does not sanction in the stage game; the only stage
    # equilibrium (harbour, cooperate) pays the host v + b = 6 > v - c_p = 3, which deters nothing. The host's
    # minmax is still b - s = 0, so the lower end stays 5/6 (same arithmetic as above) and no upper end.
    found = JurisdictionModel(averted_share=Fraction(1, 10)).game_answer().bracket
    assert found.lower == Fraction(5, 6) and found.upper is None and not found.exact


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(0, 3), st.integers(1, 3), st.integers(0, 4),
       st.sampled_from([Fraction(1, 5), Fraction(1, 2), Fraction(9, 10), Fraction(1)]))
def test_jurisdiction_with_a_credible_sanction_the_game_and_the_trigger_agree(v, c, b, s, pi):
    # Credible (defaults rho d = 2 >= k = 1) and r = 0: (harbour, sanction) holds the host to b - s, its
    # minmax, so the least delta is (b + c)/((b + c) + pi (v + s - b - c)) when v + s > b + c, for the game
    # and for the trigger alike; otherwise the lower end is 1 (no delta below one).
    model = JurisdictionModel(relations_value=v, prosecution_cost=c, harbour_benefit=b, sanction=s, enforcement=pi)
    found = model.game_answer().bracket
    assert found.exact
    if v + s > b + c:
        assert found.lower == Fraction(b + c) / ((b + c) + pi * (v + s - b - c)) == model.critical_discount_factor()
    else:
        assert found.lower == 1 and not found.found


# ------------------------------------------------------------------ norms
def test_norms_following_is_a_stage_equilibrium_so_the_game_sustains_it_at_every_discount_factor():
    # n = 10, R, T, P, S = 4, 3, 2, 0: a state whose 9 partners all follow gets 9R = 36 by following
    # and 9T = 27 by abstaining, so all-follow is a stage Nash equilibrium and repeating it is subgame perfect
    # for every delta (Mailath & Samuelson 2006, Prop. 2.2.1): least delta 0, value 36 each, by hand.
    analysis = NormsModel(n=10).analyse()
    answer = analysis.game
    assert answer.best.value == (36,) * 10 and answer.bracket.lower == answer.bracket.upper == 0
    assert answer.bracket.exact and answer.folk.holds and answer.folk.neu
    assert answer.folk.minmax == (18,) * 10       # everyone else abstains: best reply abstain, 9P = 18
    (every,) = answer.best.delta_set.intervals                                  # every delta, so said
    assert (every.lower, every.upper, every.lower_closed, every.upper_closed) == (0, 1, True, False)
    text = " ".join(analysis.findings)
    assert "(n − 1)T = 27 < (n − 1)R = 36" in text and "δ = 0 included" in text


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 6), st.integers(1, 5), st.integers(0, 4), st.integers(1, 5), st.integers(1, 5))
def test_norms_any_stag_hunt_sustains_the_norm_with_neu(n, gap_rt, gap_tp, gap_ps, s):
    # Built, not filtered: S < P <= T < R. All following is a stage equilibrium (R > T), worth (n - 1)R; the
    # pure minmax is (n - 1)P (everyone else abstains; abstaining is the best reply, P > S); NEU holds (the
    # swapped-profile argument of test_neu_is_checked_exactly gives c = -1).
    S = -s
    P = S + gap_ps
    T = P + gap_tp
    R = T + gap_rt
    answer = NormsModel(n=n, R=R, T=T, P=P, S=S, adopters=0).game_answer()
    assert answer.best.value == ((n - 1) * R,) * n and answer.bracket.exact and answer.bracket.lower == 0
    assert answer.folk.neu and answer.folk.holds and answer.folk.minmax == ((n - 1) * P,) * n


def test_norms_beyond_the_library_the_folk_conditions_are_not_computed():
    answer = NormsModel(n=50).game_answer()
    assert answer.folk is None and any("not computed beyond 10 states" in note for note in answer.notes)
    assert answer.best.value[0] == 49 * 4


def test_neu_is_checked_exactly():
    # Two states of the norms game: swapping who follows alone exchanges (n - 1)S and T + (n - 2)P between
    # them, so u_1 = c u_2 + d forces c = -1 < 0: never equivalent. A common-interest game (identical
    # payoffs, c = 1) is the textbook failure of NEU (Abreu, Dutta & Smith 1994, sec. 2).
    three = NormsModel(n=3).game()
    assert neu_conditions(three, (8, 8, 8)).neu
    same = np.array([[[1, 0], [0, 2]], [[0, 3], [2, 0]]])
    common = NormalFormGame([same, same, same])
    assert not neu_conditions(common, (3, 3, 3)).neu
    affine = NormalFormGame([same, 2 * same + 1, -same])        # player 1 is 2 u_0 + 1: equivalent to player 0
    assert not neu_conditions(affine, (3, 7, -3)).neu


def test_path_threshold_declines_what_it_cannot_certify():
    # A float game and an uncertain on-path signal are outside the argument: None, not a guess.
    assert path_threshold(RepeatedGame(InterestsModel(gain_1=3.0, loss_1=4.0, gain_2=1.0, loss_2=4.0,
                                                      delta_1=0.6, delta_2=0.5).linked_game())) is None
    assert path_threshold(JurisdictionModel(false_accusation=Fraction(1, 20)).repeated_game()) is None
