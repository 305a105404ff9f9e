"""The multimarket-contact model (Bernheim & Whinston 1990): pooled incentive constraints across two issues."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import nash_equilibria
from cybergames.errors import ParameterError
from cybergames.models import MultimarketContactModel, model_class
from cybergames import grim_trigger, prisoners_dilemma
from cybergames.models.multimarket import joint_grim_trigger, penitence, weakly_renegotiation_proof
from cybergames.repeated import RepeatedGame, check_equilibrium, sustainable_discount_factors


def grim(T, R, P):
    """Friedman (1971): grim trigger in a prisoner's dilemma holds iff delta >= (T - R)/(T - P)."""
    return Fraction(T - R) / (T - P)


def pooled(a, b):
    """By hand: defecting on both issues at once gains (T1 - R1) + (T2 - R2) now and loses
    (R1 - P1) + (R2 - P2) per period after; (1 - d) sum(T - R) <= d sum(R - P) iff
    d >= sum(T - R)/sum(T - P), the mediant of the two issues' thresholds."""
    return Fraction((a[0] - a[1]) + (b[0] - b[1])) / ((a[0] - a[2]) + (b[0] - b[2]))


def test_defaults_by_hand_and_from_the_library():
    # Issue 1 (5, 3, 1, 0): 2/4; issue 2 (4, 3, 0, -1): 1/4; linked: (2 + 1)/(4 + 4) = 3/8 < 1/2.
    model = MultimarketContactModel()
    assert model.separate_thresholds() == (grim(5, 3, 1), grim(4, 3, 0)) == (Fraction(1, 2), Fraction(1, 4))
    assert model.pooled_threshold() == pooled((5, 3, 1), (4, 3, 0)) == Fraction(3, 8)
    analysis = model.analyse()
    assert analysis.conditions[0].value == Fraction(3, 8) and analysis.conditions[0].holds is True
    assert analysis.details["check"].holds                               # delta = 2/5 >= 3/8
    assert any("only because it is linked" in f for f in analysis.findings)
    # Slack: 2/5 * 4 - 2 = -2/5 and 2/5 * 4 - 1 = 3/5; sum 1/5 >= 0.
    assert (model.slack(1), model.slack(2)) == (Fraction(-2, 5), Fraction(3, 5))


def test_the_punishment_is_the_unique_stage_equilibrium_of_the_linked_game():
    # Defection dominates on each issue, so (D/D, D/D) is the only Nash equilibrium of the product game:
    # unlike the interests model's "cut", no weakly dominated act is needed to punish.
    equilibria = nash_equilibria(MultimarketContactModel().linked_game())
    assert [eq.profile for eq in equilibria] == [("D/D", "D/D")]


def test_bernheim_whinston_irrelevance_for_identical_issues():
    # Bernheim & Whinston (1990): identical firms in identical markets gain nothing from multimarket
    # contact. Two copies of Axelrod's dilemma (5, 3, 1, 0): (2 + 2)/(4 + 4) = 1/2 = each issue's threshold.
    model = MultimarketContactModel(T_2=5, R_2=3, P_2=1, S_2=0)
    assert model.separate_thresholds() == (Fraction(1, 2),) * 2 and model.pooled_threshold() == Fraction(1, 2)
    assert any("irrelevance" in f for f in model.analyse().findings)


def test_below_the_pooled_threshold_the_joint_trigger_fails_one_shot_deviation():
    # delta = 1/3 < 3/8: by hand the joint constraint (1 - d)(2 + 1) <= d (2 + 3) fails at d = 1/3
    # (2 > 5/3); the library's one-shot-deviation check finds the violation.
    model = MultimarketContactModel(delta=Fraction(1, 3))
    check = check_equilibrium(RepeatedGame(model.linked_game()), joint_grim_trigger(), model.delta)
    assert not check.holds
    assert model.analyse().conditions[0].holds is False


positive = st.fractions(Fraction(1, 10), 5, max_denominator=12)


@st.composite
def dilemmas(draw):
    """(T, R, P, S) with T > R > P > S, built from positive gaps."""
    S = draw(st.fractions(-3, 3, max_denominator=6))
    P = S + draw(positive)
    R = P + draw(positive)
    return R + draw(positive), R, P, S


@settings(max_examples=30, deadline=None)
@given(dilemmas(), dilemmas())
def test_pooled_threshold_is_the_mediant_never_above_the_separate_ones(a, b):
    model = MultimarketContactModel(*a, *b)
    d1, d2 = model.separate_thresholds()
    d12 = model.pooled_threshold()
    assert (d1, d2) == (grim(*a[:3]), grim(*b[:3]))
    assert d12 == pooled(a, b)                                       # library == closed form
    assert min(d1, d2) <= d12 <= max(d1, d2)
    assert (d12 < max(d1, d2)) is (d1 != d2)                        # strict gain iff the issues differ


@settings(max_examples=20, deadline=None)
@given(dilemmas(), st.fractions(Fraction(1, 4), 4, max_denominator=8), st.fractions(-3, 3, max_denominator=4))
def test_irrelevance_for_issues_with_the_same_threshold(a, scale, shift):
    # An issue that is a positive affine copy of the other has the same threshold; linking them gains nothing.
    b = tuple(scale * x + shift for x in a)
    model = MultimarketContactModel(*a, *b)
    d1, d2 = model.separate_thresholds()
    assert d1 == d2 == model.pooled_threshold()


def test_the_library_condition_matches_the_symbolic_formula():
    s = MultimarketContactModel.symbols
    formula = MultimarketContactModel.pooled_formula()
    values = dict(zip((s[n] for n in ("T_1", "R_1", "P_1", "T_2", "R_2", "P_2")), (5, 3, 1, 4, 3, 0)))
    assert formula.subs(values) == sympy.Rational(3, 8)
    assert MultimarketContactModel().region_condition(free=["delta"]) == sympy.Ge(s["delta"], sympy.Rational(3, 8))


def test_floats_and_bad_input():
    model = MultimarketContactModel(delta=0.4)
    assert isinstance(model.T_1, float) and model.pooled_threshold() == pytest.approx(0.375)
    with pytest.raises(ParameterError, match="issue 2 must be a strict prisoner's dilemma"):
        MultimarketContactModel(R_2=5)
    with pytest.raises(ParameterError, match="delta"):
        MultimarketContactModel(delta=1)
    assert model_class("multimarket") is MultimarketContactModel


def penitence_by_hand(T, R, P, S):
    """Penitence (van Damme 1989), by hand. Penance value v = (1 - d) S + d R. Cooperating:
    R >= (1 - d) T + d v  iff  R (1 + d) >= T + d S  iff  d >= (T - R)/(R - S). Doing penance:
    v >= (1 - d) P + d v  iff  v >= P  iff  d >= (P - S)/(R - S). The victim gains T > R by punishing."""
    return max(Fraction(T - R) / (R - S), Fraction(P - S) / (R - S))


def test_grim_trigger_is_not_weakly_renegotiation_proof_but_penitence_is():
    # Farrell & Maskin (1989): in the prisoner's dilemma (5, 3, 1, 0) grim trigger's punishment (1, 1) is
    # Pareto-dominated by its cooperation (3, 3), so it is not WRP although subgame perfect at 3/5.
    rg = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
    grim = weakly_renegotiation_proof(rg, (grim_trigger(),) * 2, Fraction(3, 5))
    assert grim.subgame_perfect and not grim.holds and len(grim.dominated) == 1
    # Penitence: max(2/3, 1/3) = 2/3; at 3/4 it is subgame perfect and no continuation is Pareto-ranked.
    assert sustainable_discount_factors(rg, penitence("C", "D")).infimum == penitence_by_hand(5, 3, 1, 0)
    check = weakly_renegotiation_proof(rg, penitence("C", "D"), Fraction(3, 4))
    assert check.holds and check.dominated == ()


def test_linked_penitence_pools_too():
    # Linked payoffs summed: (9, 6, 1, -1): max(3/7, 2/7) = 3/7 < issue 1's 2/3 (issue 2: 1/4).
    model = MultimarketContactModel()
    assert model.penitence_threshold() == penitence_by_hand(9, 6, 1, -1) == Fraction(3, 7)
    assert (model.penitence_threshold((1,)), model.penitence_threshold((2,))) == (Fraction(2, 3), Fraction(1, 4))
    analysis = MultimarketContactModel(delta=Fraction(1, 2)).analyse()
    assert analysis.details["penitence_renegotiation"].holds
    assert not analysis.details["renegotiation"].holds


@settings(max_examples=15, deadline=None)
@given(dilemmas(), dilemmas())
def test_linked_penitence_threshold_is_never_above_the_separate_ones(a, b):
    model = MultimarketContactModel(*a, *b)
    summed = tuple(x + y for x, y in zip(a, b))
    linked = model.penitence_threshold()
    expected = penitence_by_hand(*summed)
    assert linked == (expected if expected < 1 else None)
    separate = [model.penitence_threshold((k,)) for k in (1, 2)]
    if linked is not None and None not in separate:
        assert linked <= max(separate)


@settings(max_examples=15, deadline=None)
@given(dilemmas(), dilemmas(), st.fractions(Fraction(1, 20), Fraction(19, 20), max_denominator=20))
def test_the_games_least_delta_is_the_pooled_threshold(a, b, delta):
    # The game under any strategies: cooperation on both issues in every period needs delta >= sum(T - R)/
    # (sum(T - R) + sum(R - P)) (the deviation to D/D, punished at worst to the minmax P_1 + P_2: by hand,
    # the rival defecting on both holds a state to P_k on each issue, since P_k > S_k), and reversion to the
    # stage equilibrium attains it. So the game's least delta equals the joint grim trigger's, the mediant.
    model = MultimarketContactModel(*a, *b, delta=delta)
    found = model.game_answer().bracket
    assert found.exact and found.lower == pooled(a, b) == model.pooled_threshold()
    assert found.holds((delta, delta)) is (delta >= pooled(a, b))


def test_the_game_answer_at_the_defaults_and_below_the_threshold():
    answer = MultimarketContactModel().game_answer()                 # delta = 2/5 >= 3/8
    assert answer.best.name == "the joint grim trigger" and answer.best.value == (6, 6)   # R_1 + R_2 = 3 + 3
    assert answer.best.least_delta == Fraction(3, 8)
    low = MultimarketContactModel(delta=Fraction(3, 10)).game_answer()
    assert low.best is None and low.patient.delta == Fraction(9, 10) and not low.bracket.holds((Fraction(3, 10),) * 2)
    assert MultimarketContactModel(delta=0.5).game_answer().bracket is None          # floats: not computed


def test_the_folk_conditions_of_the_linked_game():
    # Fudenberg & Maskin (1986): under perfect monitoring every feasible, strictly individually rational payoff
    # of the two-player linked game is a subgame perfect payoff of patient states. By hand at the defaults:
    # defecting on both issues is dominant, so a state's minmax in the linked game is P_1 + P_2 = 1 + 0 = 1,
    # and cooperation on both, (R_1 + R_2, R_1 + R_2) = (6, 6), lies strictly above it; the feasible set
    # holds (6, 6), (1, 1) and the asymmetric (S_1 + S_2, T_1 + T_2) = (-1, 9), so it has full dimension.
    model = MultimarketContactModel()
    answer = model.game_answer()
    assert answer.folk.holds and answer.folk.perfect and answer.folk.covers((6, 6))
    assert tuple(answer.folk.region.minmax) == (1, 1)
    text = " ".join(model.analyse().findings)
    assert "In the game, not only for the joint grim trigger: the folk theorem applies" in text
    assert not any("folk" in note for note in answer.notes)
