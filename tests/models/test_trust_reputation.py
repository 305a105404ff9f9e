"""The trust model's finite-horizon reading: KMRW reputation with a behavioural reciprocator, and the
Fudenberg-Levine bound for a reputation for restraint. Hand-derived values, a brute force over every history,
the reputation family as a second method, comparative statics."""

import dataclasses
import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.games import NormalFormGame
from cybergames.models import TrustModel, configured
from cybergames.models import _trust_games as games
from cybergames.reputation import cooperation_prior_threshold, fudenberg_levine_bound, tit_for_tat_reputation
from cybergames.strategies import prisoners_dilemmas

F = Fraction
C, D = "C", "D"


# ----------------------------------------------------------------------------- defaults by hand
def test_defaults_reproduce_the_hand_derivation():
    # Kreps, Milgrom, Roberts & Wilson (1982), sec. 2, in the normalisation of Gibbons (1992), ch. 4.3.C
    # (mutual cooperation 1, mutual defection 0, temptation a, sucker b). By hand at T, R, P, S = 5, 3, 1, 0:
    # subtract P = 1 and divide by R - P = 2: a = (5 - 1)/2 = 2, b = (0 - 1)/2 = -1/2. The expansionist's
    # R_u = 2: a_u = 4/1 = 4, b_u = -1/1 = -1.
    # Gibbons's thresholds: t2 = -b/(1 - b) = (1/2)/(3/2) = 1/3; t3 = (a - 1)/(1 - b) = 1/(3/2) = 2/3, which is
    # >= -b/a = 1/4, so mu* = max(1/3, 2/3) = 2/3 < mu = 7/10. Over N = 10 periods both cooperate in periods
    # 1..8 (N - 2) and not in the last two: the rational type defects with two periods left, B in the last.
    # Fudenberg & Levine (1989), Theorem 1: B's only best reply to restraint C is D (T = 5 > R = 3), so
    # v*(C) = u_A(C, D) = S = 0; C is never a best reply (D dominates), pi = 0, k* = 0: the bound is S = 0.
    reading = TrustModel().analyse().details["reputation"]
    assert (reading.a, reading.b, reading.a_u, reading.b_u) == (2, F(-1, 2), 4, -1)
    assert reading.prior_threshold == F(2, 3) and isinstance(reading.prior_threshold, Fraction)
    assert reading.holds and not reading.weak
    assert (reading.cooperative_periods, reading.endgame_periods) == (8, 2)
    assert reading.partner_violations == reading.expansionist_violations == ()
    assert reading.restraint_bound == 0
    path = reading.equilibrium.path
    assert [(row.rational_cooperates, row.column_cooperates) for row in path] == [(1, 1)] * 8 + [(0, 1), (0, 0)]
    assert verify(reading.equilibrium).ok


def test_kmrw_normalisation_is_the_affine_map_by_hand():
    # Gibbons (1992), ch. 4.3.C: a = (T - P)/(R - P), b = (S - P)/(R - P). At 4, 3, 1, 0 (Axelrod-like):
    # a = 3/2, b = -1/2; at floats the same in floats.
    assert games.kmrw_payoffs(4, 3, 1, 0) == (F(3, 2), F(-1, 2))
    assert games.kmrw_payoffs(4.0, 3.0, 1.0, 0.0) == (1.5, -0.5)


def test_the_texts_and_numbers_carry_the_reading():
    analysis = TrustModel().analyse()
    text = " ".join(analysis.findings)
    assert "buys 8 periods of mutual cooperation, then 2 periods without" in text
    assert "μ* = 2/3" in text and "that profile's condition" in text
    assert "Fudenberg & Levine 1989" in text and "sucker's payoff S = 0" in text
    numbers = dict(analysis.numbers)
    assert numbers["reputation_prior_threshold"] == F(2, 3) and numbers["reputation_cooperative_periods"] == 8
    assert numbers["reputation_profile_holds"] == 1 and numbers["restraint_commitment_bound"] == 0
    # a separate reading: the infinite-horizon conditions and verdict do not depend on it
    low = TrustModel(behavioural_prior=F(1, 10), periods=10).analyse()
    assert [c.holds for c in low.conditions] == [c.holds for c in analysis.conditions]
    assert low.verdict == analysis.verdict


def test_below_the_second_threshold_the_profile_fails_with_a_certificate():
    # mu = 1/5 < t2 = 1/3: with two periods left B defects (Gibbons's last-but-one inequality
    # mu + (1 - mu) b + mu a >= mu a fails: 1/5 - (4/5)(1/2) = -1/5 < 0), and with three left too (mu < t3), so
    # the expansionist's mimicry with three periods left is not repaid: by hand mimicking pays b_u = -1, then 0
    # and 0 (tit for tat's move is D, B defects); defecting pays 0, 0, 0: it gains 1 by defecting at once.
    # With four left B cooperates (mu = 1/5 is enough to buy one more cooperation) and mimicking pays 1 + (-1)
    # = 0 against a_u = 4 at once: a gain of 4.
    reading = TrustModel(behavioural_prior=F(1, 5), periods=6).reputation()
    assert not reading.holds and reading.cooperative_periods == 0 and reading.endgame_periods == 6
    assert {"k=3, p=1/5, x=C: the expansionist gains 1 by playing D instead of C",
            "k=4, p=1/5, x=C: the expansionist gains 4 by playing D instead of C"} <= set(
                reading.expansionist_violations)
    text = " ".join(TrustModel(behavioural_prior=F(1, 5), periods=6).analyse().findings)
    assert "is not an equilibrium here" in text and "nothing about other equilibria" in text


def test_between_the_thresholds_B_defects_and_repairs():
    # mu = 1/2 in [t2, t3) = [1/3, 2/3): with three periods left B defects (mu < t3), with two it cooperates
    # again (mu >= t2). The expansionist mimics anyway: with three left, mimicking pays b_u = -1 now, then
    # a_u = 4 (B repairs while it defects) and 0: 3; defecting pays 0, then, revealed, 0 and 0. So the profile
    # holds with N - 3 = 7 cooperative periods at N = 10.
    reading = TrustModel(behavioural_prior=F(1, 2), periods=10).reputation()
    assert reading.holds and reading.cooperative_periods == 7
    assert [row.column_cooperates for row in reading.equilibrium.path][-3:] == [0, 1, 0]


def test_a_tie_at_the_threshold_is_weak():
    # mu = mu* = 2/3 = t3: B is indifferent with three periods left (Gibbons's t3 equation holds with equality)
    reading = TrustModel(behavioural_prior=F(2, 3)).reputation()
    assert reading.holds and reading.weak and reading.cooperative_periods == 8
    assert "weakly" in " ".join(TrustModel(behavioural_prior=F(2, 3)).analyse().findings)


def test_float_parameters_give_float_answers():
    reading = TrustModel(T=5.0, behavioural_prior=0.7).reputation()
    assert isinstance(reading.prior_threshold, float) and isinstance(reading.a_u, float)
    assert reading.prior_threshold == pytest.approx(2 / 3) and reading.cooperative_periods == 8


# ----------------------------------------------------------------------------- a second method: brute force
def brute_force(model):
    """The cooperative profile checked over every history of the N-period game, independently of the family.

    Beliefs by Bayes' rule on the whole history (0 once neither type's moves fit); the expansionist mimics tit
    for tat iff its belief is positive, tit for tat cooperates and three or more periods are left; B best-responds
    by backward induction over histories (ties to cooperation). Returns (holds, sure cooperative periods).
    """
    T, R, P, S, R_u, mu, N = (model.T, model.R, model.P, model.S, model.reward_untrustworthy,
                              model.behavioural_prior, model.periods)
    u_b = {(C, C): R, (C, D): T, (D, C): S, (D, D): P}           # (A's move, B's move) -> B's payoff
    u_e = {(C, C): R_u, (C, D): S, (D, C): T, (D, D): P}         # -> the expansionist's payoff

    def state(h):
        """(belief, tit for tat's move, the expansionist's move) after history h."""
        fits_tft, fits_rat, belief, x = True, True, mu, C
        for t, (a, b) in enumerate(h):
            k = N - t
            rat = C if (belief != 0 and x == C and k >= 3) else D
            fits_tft, fits_rat = fits_tft and a == x, fits_rat and a == rat
            weight = mu * fits_tft + (1 - mu) * fits_rat
            belief = mu * fits_tft / weight if weight else 0
            x = b
        k = N - len(h)
        return belief, x, (C if (belief != 0 and x == C and k >= 3) else D)

    value_b, move_b = {}, {}

    def solve_b(h):
        if len(h) == N:
            return 0
        if h in value_b:
            return value_b[h]
        p, x, r = state(h)
        q = {y: sum(w * (u_b[(a, y)] + solve_b(h + ((a, y),))) for a, w in ((x, p), (r, 1 - p)) if w) for y in (C, D)}
        move_b[h] = C if q[C] >= q[D] else D
        value_b[h] = q[move_b[h]]
        return value_b[h]

    solve_b(())
    value_e = {}

    def solve_e(h):
        if len(h) == N:
            return 0
        if h not in value_e:
            solve_b(h)                              # B's move also after moves neither type makes
            _, _, r = state(h)
            value_e[h] = u_e[(r, move_b[h])] + solve_e(h + ((r, move_b[h]),))
        return value_e[h]

    holds = True
    for length in range(N):
        for h in itertools.product(itertools.product((C, D), repeat=2), repeat=length):
            solve_b(h)
            _, _, r = state(h)
            other = D if r == C else C
            y = move_b[h]
            if u_e[(other, y)] + solve_e(h + ((other, y),)) > u_e[(r, y)] + solve_e(h + ((r, y),)):
                holds = False
    cooperative, h = 0, ()
    while len(h) < N:
        _, x, r = state(h)
        if not (x == C and r == C and move_b[h] == C):
            break
        cooperative += 1
        h += ((r, move_b[h]),)
    return holds, cooperative if holds else 0


@st.composite
def reputation_models(draw, max_periods=5, repeated=False):
    game = draw(prisoners_dilemmas(max_gap=6, repeated=repeated))
    (R_, S_), (T_, P_) = game.payoffs[0].tolist()
    R_u = P_ + (T_ - P_) * draw(st.fractions(F(1, 20), F(19, 20), max_denominator=20))
    mu = draw(st.fractions(F(1, 20), F(19, 20), max_denominator=20))
    periods = draw(st.integers(1, max_periods))
    return TrustModel(T=T_, R=R_, P=P_, S=S_, temptation_trustworthy=R_ - 1, reward_untrustworthy=R_u,
                      behavioural_prior=mu, periods=periods)


def test_brute_force_at_the_defaults_and_a_failing_case():
    for model in (TrustModel(periods=5), TrustModel(behavioural_prior=F(1, 5), periods=5),
                  TrustModel(behavioural_prior=F(1, 2), periods=5)):
        reading = model.reputation()
        assert brute_force(model) == (reading.holds, reading.cooperative_periods)


@settings(max_examples=40, deadline=None)
@given(reputation_models())
def test_the_reading_matches_the_brute_force(model):
    reading = model.reputation()
    assert brute_force(model) == (reading.holds, reading.cooperative_periods)
    assert verify(reading).ok


def test_verify_catches_a_tampered_reading():
    reading = TrustModel().reputation()
    assert verify(reading).ok
    assert not verify(dataclasses.replace(reading, holds=False)).ok
    assert not verify(dataclasses.replace(reading, cooperative_periods=9)).ok
    forged = ("k=3, p=7/10, x=C: the expansionist gains 1 by playing D instead of C",)
    assert not verify(dataclasses.replace(reading, expansionist_violations=forged)).ok
    failing = TrustModel(behavioural_prior=F(1, 5), periods=6).reputation()
    assert verify(failing).ok and not verify(dataclasses.replace(failing, expansionist_violations=())).ok
    assert not verify(dataclasses.replace(reading, restraint_bound=1)).ok


@settings(max_examples=40, deadline=None)
@given(reputation_models(max_periods=8))
def test_with_the_partners_payoffs_the_expansionist_check_is_the_familys(model):
    # With R_u = R the expansionist has B's payoffs, which is the family's symmetric game: its deviations,
    # checked with its own payoffs passed to the family's check, must be the family's own, state by state.
    # (The independent second methods are the brute force over histories and verify's forward simulation.)
    same = model.replace(reward_untrustworthy=model.R)
    reading = same.reputation()
    family = {v.replace("rational ROW", "the expansionist") for v in reading.equilibrium.violations
              if "rational ROW" in v}
    assert set(reading.expansionist_violations) == family
    assert reading.holds == reading.equilibrium.holds


# ----------------------------------------------------------------------------- comparative statics
@settings(max_examples=40, deadline=None)
@given(reputation_models(max_periods=12, repeated=True), st.fractions(0, 1, max_denominator=20), st.integers(0, 6))
def test_more_periods_or_a_likelier_reciprocator_never_shorten_cooperation(model, share, more):
    # KMRW with 2R > T + S (a + b < 2): the reciprocator's probability and the horizon only help; here on the
    # computed profile.
    base = model.reputation().cooperative_periods
    mu = model.behavioural_prior + (1 - model.behavioural_prior) * share * F(19, 20)
    assert model.replace(behavioural_prior=mu).reputation().cooperative_periods >= base
    assert model.replace(periods=model.periods + more).reputation().cooperative_periods >= base


@settings(max_examples=40, deadline=None)
@given(reputation_models(max_periods=12), st.fractions(0, 1, max_denominator=20))
def test_a_likelier_reciprocator_never_shortens_cooperation_in_any_dilemma(model, share):
    base = model.reputation().cooperative_periods
    mu = model.behavioural_prior + (1 - model.behavioural_prior) * share * F(19, 20)
    assert model.replace(behavioural_prior=mu).reputation().cooperative_periods >= base


def test_without_2R_above_T_plus_S_a_longer_horizon_can_shorten_the_cooperative_start():
    # Found by hypothesis: T, R, P, S = 8, 2, 1, 0 (a = 7, b = -1, a + b = 6 >= 2), R_u = 41/20, mu = 3/20. Over
    # 4 periods both cooperate in the first, then B defects and repairs; over 5 B defects in the first period,
    # repairs in the second, defects in the third...: the alternation of defection and repair that Gibbons (1992,
    # ch. 4.3.C) rules out only for a + b < 2. Both readings agree with the brute force over every history.
    model = TrustModel(T=8, R=2, P=1, S=0, temptation_trustworthy=1, reward_untrustworthy=F(41, 20),
                       behavioural_prior=F(3, 20), periods=4)
    longer = model.replace(periods=5)
    assert (model.reputation().cooperative_periods, longer.reputation().cooperative_periods) == (1, 0)
    for m in (model, longer):
        assert brute_force(m) == (m.reputation().holds, m.reputation().cooperative_periods)


@settings(max_examples=40, deadline=None)
@given(reputation_models(max_periods=12, repeated=True))
def test_above_the_threshold_cooperation_lasts_until_two_periods_from_the_end(model):
    # Gibbons (1992), ch. 4.3.C, for a + b < 2 (2R > T + S, which prisoners_dilemmas(repeated=True) builds): at
    # mu >= mu*(a, b) both cooperate in every period but the last two, for every N >= 3.
    reading = model.reputation()
    assert reading.prior_threshold == cooperation_prior_threshold(reading.a, reading.b)
    if model.behavioural_prior >= reading.prior_threshold and model.periods >= 3:
        assert reading.holds and reading.cooperative_periods == model.periods - 2


@settings(max_examples=30, deadline=None)
@given(reputation_models(), st.fractions(F(1, 20), F(19, 20), max_denominator=20),
       st.fractions(0, F(19, 20), max_denominator=20))
def test_restraint_bound_is_the_familys_fudenberg_levine_bound(model, mu, delta):
    # Fudenberg & Levine (1989), Theorem 1, computed by the reputation family on each type's stage game with
    # B as the short-run player, exactly and in floats; both types earn S against B's best reply D to restraint C.
    for kind in games.TYPES:
        exact = model.type_game(kind)
        bound = fudenberg_levine_bound(exact, "C", mu, delta)
        assert bound.best_responses == ("D",) and bound.periods == 0 and verify(bound).ok
        assert bound.bound == model.reputation().restraint_bound == model.S
        stage = NormalFormGame(tuple(a.astype(float) for a in exact.payoffs), actions=exact.actions)
        assert fudenberg_levine_bound(stage, "C", float(mu), float(delta)).bound == float(model.S)


# ----------------------------------------------------------------------------- parameters
@pytest.mark.parametrize("changes, words", [
    ({"behavioural_prior": 0}, "TrustModel.behavioural_prior"),
    ({"behavioural_prior": 1}, "TrustModel.behavioural_prior"),
    ({"behavioural_prior": "1/2"}, "TrustModel.behavioural_prior"),
    ({"periods": 0}, "TrustModel.periods"),
    ({"periods": 1001}, "TrustModel.periods"),
    ({"periods": 2.0}, "TrustModel.periods: expected an integer"),
])
def test_bad_parameters_are_rejected_with_a_clear_error(changes, words):
    with pytest.raises(ParameterError, match=words):
        TrustModel(**changes)


def test_the_new_parameters_take_overrides():
    (model,) = configured(["trust"], {"periods": 12, "behavioural_prior": F(3, 4)})
    reading = model.reputation()
    assert (model.periods, reading.cooperative_periods) == (12, 10)


def test_the_family_result_is_not_mutated_and_the_model_stays_frozen():
    model = TrustModel()
    before = model.parameters()
    first = model.reputation()
    again = model.reputation()
    # ReputationBound compares by identity (it holds a game); every other field compares by value
    assert dataclasses.replace(again, restraint=None) == dataclasses.replace(first, restraint=None)
    assert again.restraint.bound == first.restraint.bound and model.parameters() == before
    direct = tit_for_tat_reputation(model.behavioural_prior, model.periods, *games.kmrw_payoffs(5, 3, 1, 0))
    assert direct.path == first.equilibrium.path


def test_without_2R_above_T_plus_S_the_threshold_is_not_claimed():
    # T, R, P, S = 10, 3, 1, 0: a = 9/2, b = -1/2, a + b = 4 >= 2 (2R = 6 <= T + S = 10). Gibbons (1992), ch. 4.3.C:
    # mu* = max(t2, t3) is then no longer the threshold for every horizon, so the text must not state it.
    model = TrustModel(T=10, behavioural_prior=F(9, 10), reward_untrustworthy=2)
    reading = model.reputation()
    assert reading.a + reading.b == 4
    text = " ".join(model.analyse().findings)
    assert "does not apply here" in text and "iff μ >= μ*" not in text.replace("≥", ">=")
    assert brute_force(model.replace(periods=5)) == (lambda r: (r.holds, r.cooperative_periods))(
        model.replace(periods=5).reputation())
