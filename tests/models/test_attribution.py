"""The attribution model: deterrence by retaliating against whoever is blamed, under noisy attribution."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import AttributionModel
from cybergames.repeated import check_equilibrium
from cybergames.repeated import values as library_values
from cybergames.sweep import vectorize


def hand_threshold(T, R, P, q, r):
    # Derived by hand. On the path nobody is blamed with probability rho_c = (1 - r)^2, after a lone
    # attack with rho_d = (1 - q)(1 - r). With permanent retaliation V - P = (1 - d)(R - P)/(1 - d rho_c);
    # attacking once does not pay iff (1 - d)(T - R) <= d (rho_c - rho_d)(V - P), i.e.
    # (T - R)(1 - d rho_c) <= d (rho_c - rho_d)(R - P)  <=>  d [rho_c (T - P) - rho_d (R - P)] >= T - R.
    rho_c, rho_d = (1 - r) ** 2, (1 - q) * (1 - r)
    bracket = rho_c * (T - P) - rho_d * (R - P)
    return None if bracket <= T - R else Fraction(T - R) / bracket


@st.composite
def dilemmas(draw):
    """Integer prisoner's dilemmas T > R > P > S, built, not filtered."""
    S = draw(st.integers(-5, 5))
    P = S + draw(st.integers(1, 5))
    R = P + draw(st.integers(1, 5))
    T = R + draw(st.integers(1, 5))
    return T, R, P, S


probabilities = st.fractions(0, 1, max_denominator=20)


def test_defaults_match_the_hand_derivation():
    # T, R, P, S = 5, 3, 1, 0, q = 4/5, r = 1/10: rho_c = 81/100, rho_d = 9/50;
    # bracket = 4 * 81/100 - 2 * 9/50 = 72/25, so delta* = 2 / (72/25) = 25/36.
    analysis = AttributionModel().analyse()
    threshold, detection, false_flags = analysis.conditions
    assert threshold.value == Fraction(25, 36) == hand_threshold(5, 3, 1, Fraction(4, 5), Fraction(1, 10))
    assert threshold.holds and analysis.sustainable
    # q* at delta = 9/10: 1 - (rho_c (T - P) - (T - R)/delta)/((1 - r)(R - P))
    #   = 1 - (81/25 - 20/9)/(9/5) = 1 - 229/405 = 176/405.
    assert detection.value == Fraction(176, 405)
    # r*: u = 1 - r solves 4 u^2 - (2/5) u - 2 * 10/9 * 2 = 0 ... u = (3 + 7 sqrt 41)/60, r* = (57 - 7 sqrt 41)/60.
    assert sympy.simplify(false_flags.value - (57 - 7 * sympy.sqrt(41)) / 60) == 0
    # V = P + (1 - d)(R - P)/(1 - d rho_c) = 1 + (1/5)/(271/1000) = 471/271.
    assert analysis.details["value"] == Fraction(471, 271)
    assert analysis.details["perfect_threshold"] == Fraction(1, 2)


def test_perfect_attribution_gives_the_textbook_threshold():
    # Friedman (1971); Axelrod (1984), ch. 1: grim trigger in the prisoner's dilemma needs
    # delta >= (T - R)/(T - P) = 2/4 with Axelrod's 5, 3, 1, 0.
    assert AttributionModel(detect=1, false_flag=0).threshold() == Fraction(1, 2)
    assert AttributionModel(T=7, R=4, P=2, S=0, detect=1, false_flag=0).threshold() == Fraction(3, 5)


def test_the_numbers_of_the_noisy_attribution_how_to():
    # docs/how-to/find-where-noisy-attribution-breaks-deterrence.rst: q = 9/10, r = 1/10 gives 100/153
    # (by hand: 4 * 81/100 - 2 * 9/100 = 153/50, and 2 / (153/50) = 100/153), and at r = 1/10 deterrence
    # is possible only for q > r (3 - 2r)/(1 - r) = 14/45.
    assert AttributionModel(detect=Fraction(9, 10)).threshold() == Fraction(100, 153)
    assert AttributionModel().analyse().details["detection_floor"] == Fraction(14, 45)
    assert AttributionModel(detect=Fraction(14, 45)).threshold() is None
    assert AttributionModel(detect=Fraction(15, 45)).threshold() is not None


def test_limited_retaliation_matches_its_closed_form():
    # Retaliation for k rounds: A (d + ... + d^k) >= T - R with A = (rho_c - rho_d)(R - P) - (1 - rho_c)(T - R).
    # Defaults: A = (81/100 - 18/100) * 2 - (19/100) * 2 = 22/25, so (T - R)/A = 25/11.
    # k = 1: d >= 25/11 > 1, impossible; k = 2: d + d^2 >= 25/11 needs d >= 1.11..., impossible;
    # k = 3: 11 (d + d^2 + d^3) = 25.
    assert AttributionModel(punishment=1).threshold() is None
    assert AttributionModel(punishment=2).threshold() is None
    root = AttributionModel(punishment=3).threshold()
    assert sympy.simplify(11 * (root + root ** 2 + root ** 3) - 25) == 0
    # With perfect attribution A = R - P = 2 and k = 2: d + d^2 >= 1, d = (sqrt 5 - 1)/2
    # (Mailath & Samuelson 2006, ch. 2, limited punishments).
    golden = AttributionModel(detect=1, false_flag=0, punishment=2).threshold()
    assert sympy.simplify(golden - (sympy.sqrt(5) - 1) / 2) == 0


@settings(max_examples=40)
@given(dilemmas(), probabilities, probabilities)
def test_the_library_threshold_is_the_closed_form(payoffs, q, r):
    T, R, P, S = payoffs
    model = AttributionModel(T=T, R=R, P=P, S=S, detect=q, false_flag=r)
    assert model.threshold() == hand_threshold(T, R, P, q, r)


@settings(max_examples=25)
@given(dilemmas(), probabilities, probabilities)
def test_one_shot_deviation_checks_agree_on_both_sides_of_the_threshold(payoffs, q, r):
    T, R, P, S = payoffs
    threshold = hand_threshold(T, R, P, q, r)
    model = AttributionModel(T=T, R=R, P=P, S=S, detect=q, false_flag=r)
    rg, profile = model.repeated_game(), model.profile()
    if threshold is None:
        assert not check_equilibrium(rg, profile, Fraction(999, 1000)).holds
        return
    assert check_equilibrium(rg, profile, threshold).holds
    assert check_equilibrium(rg, profile, (threshold + 1) / 2).holds
    if threshold > 0:
        assert not check_equilibrium(rg, profile, threshold * Fraction(999, 1000)).holds


@settings(max_examples=30)
@given(dilemmas(), probabilities, probabilities, probabilities, probabilities,
       st.sampled_from([None, 1, 2, 3]))
def test_better_attribution_never_shrinks_the_sustainable_region(payoffs, q1, q2, r1, r2, periods):
    T, R, P, S = payoffs
    (q_low, q_high), (r_low, r_high) = sorted((q1, q2)), sorted((r1, r2))
    worse = AttributionModel(T=T, R=R, P=P, S=S, detect=q_low, false_flag=r_high, punishment=periods)
    better = worse.replace(detect=q_high, false_flag=r_low)
    worse_set, better_set = worse.delta_set(), better.delta_set()
    for interval in worse_set.intervals:          # every sustainable delta stays sustainable
        assert interval.lower in better_set or interval.lower == 0
        assert (interval.lower + 1) / 2 in better_set


@settings(max_examples=30)
@given(dilemmas(), probabilities, probabilities, probabilities, st.fractions(0, Fraction(99, 100)))
def test_false_flags_lower_the_value_of_restraint(payoffs, q, r1, r2, delta):
    T, R, P, S = payoffs
    low, high = sorted((r1, r2))
    models = [AttributionModel(T=T, R=R, P=P, S=S, detect=q, false_flag=r, delta=delta) for r in (low, high)]
    values = [library_values(m.repeated_game(), m.profile(), delta).initial[0] for m in models]
    # V = P + (1 - d)(R - P)/(1 - d (1 - r)^2), by hand (module docstring)
    assert values[0] == P + (1 - delta) * (R - P) / (1 - delta * (1 - low) ** 2)
    assert values[1] <= values[0]


def test_the_formula_is_the_library_symbolic_condition():
    # The library derives the condition from the automaton with detect and false_flag as symbols.
    model = AttributionModel()
    condition = model.symbolic_condition()
    library = condition.threshold
    closed = model.threshold_formula().rhs.subs({sympy.Symbol(n, real=True): v for n, v in zip("TRP", (5, 3, 1))})
    assert sympy.simplify(library - closed) == 0


def test_the_conditions_move_together():
    # q* and r* are the detection and false-flag rates at which delta = 9/10 is exactly the threshold.
    analysis = AttributionModel().analyse()
    q_star = analysis.conditions[1].value
    assert AttributionModel(detect=q_star).threshold() == Fraction(9, 10)
    r_star = float(analysis.conditions[2].value)
    assert AttributionModel(detect=0.8, false_flag=r_star - 1e-6, delta=0.9).analyse().sustainable
    assert not AttributionModel(detect=0.8, false_flag=r_star + 1e-6, delta=0.9).analyse().sustainable


def test_region_condition_agrees_with_the_library():
    model = AttributionModel()
    region = vectorize(model.region_condition(free=("detect", "false_flag", "delta")))
    for q in (Fraction(3, 10), Fraction(1, 2), Fraction(4, 5), 1):
        for r in (0, Fraction(1, 10), Fraction(1, 4)):
            found = model.replace(detect=q, false_flag=r).delta_set()
            deltas = np.array([0.0, 0.3, 0.55, 0.7, 0.85, 0.95, 0.999])
            expected = [d in found for d in deltas]
            assert region(detect=float(q), false_flag=float(r), delta=deltas).tolist() == expected


def test_remedy_tables_are_monotone():
    detect, false_flag, punishment = AttributionModel().analyse().remedies
    assert detect.parameter == "detect" and false_flag.parameter == "false_flag"
    inf = Fraction(2)          # stands for "no discount factor works"
    by_q = [inf if t is None else t for _, t in detect.table]
    by_r = [inf if t is None else t for _, t in false_flag.table]
    assert by_q == sorted(by_q, reverse=True) and by_r == sorted(by_r)
    assert dict(detect.table)[1] == Fraction(50, 81)       # q = 1, r = 1/10: 1/((1 - r)(2 - 2r)) = 50/81
    assert dict(false_flag.table)[0] == Fraction(5, 9)     # r = 0: 2/(4 - 2/5) = 5/9
    # The shortest retaliation that deters at delta = 9/10 is 3 rounds (see the closed form above).
    assert [k for k, t in punishment.table if t is not None][0] == 3


def test_float_parameters_give_float_answers():
    exact = AttributionModel().analyse()
    floats = AttributionModel(detect=0.8, false_flag=0.1, delta=0.9).analyse()
    for a, b in zip(exact.conditions, floats.conditions):
        assert isinstance(b.value, float) and b.value == pytest.approx(float(a.value))
        assert a.holds == b.holds


def test_formulas_use_the_parameter_names():
    names = {"T", "R", "P", "S", "detect", "false_flag", "delta"}
    for condition in AttributionModel(punishment=2).analyse().conditions:
        assert {s.name for s in condition.formula.free_symbols} <= names


@pytest.mark.parametrize("changes, words", [
    (dict(T=3), "T > R > P > S"),
    (dict(P=-1), "T > R > P > S"),
    (dict(detect=Fraction(3, 2)), "detect"),
    (dict(false_flag=-0.1), "false_flag"),
    (dict(delta=1), "delta"),
    (dict(delta=True), "delta"),
    (dict(punishment=0), "punishment"),
    (dict(punishment=2.0), "punishment"),
    (dict(punishment=21), "punishment"),
    (dict(T="5"), "T"),
    (dict(detect=sympy.Symbol("q")), "detect"),
])
def test_bad_parameters_are_refused(changes, words):
    with pytest.raises(ParameterError, match=words):
        AttributionModel(**changes)


def test_region_condition_refuses_unknown_names():
    with pytest.raises(ParameterError, match="free"):
        AttributionModel().region_condition(free=("q",))


def test_the_text_says_that_patience_drives_retaliation_after_any_blame_down_to_P():
    # Retaliation after any blame is worth V(δ) = P + (1 - δ)(R - P)/(1 - δ(1 - r)^2) (by hand: one period of R,
    # then R again only while nobody is blamed, probability (1 - r)^2; P for ever after). With r = 1/10 the
    # denominator tends to 1 - 81/100 > 0 as δ → 1, so V → P = 1; the library's exact value shows the fall.
    from fractions import Fraction
    from cybergames import values
    model = AttributionModel()
    text = " ".join(model.analyse().findings)
    assert "As δ → 1 the value of retaliation after any blame falls to P = 1" in text
    rg, profile = model.repeated_game(), model.profile()
    worth = [values(rg, profile, Fraction(d, 1000)).initial[0] for d in (900, 990, 999)]
    by_hand = [1 + (1 - Fraction(d, 1000)) * 2 / (1 - Fraction(d, 1000) * Fraction(81, 100)) for d in (900, 990, 999)]
    assert worth == by_hand and worth[0] > worth[1] > worth[2] > 1 and worth[2] - 1 < Fraction(1, 90)


# ------------------------------------------------------------------ the game: (R, R) itself, and a share of it
def test_full_restraint_itself_is_certified_no_equilibrium_payoff_by_the_vertex_argument():
    # By hand (Mailath & Samuelson 2006, ch. 7): the payoff vectors are (3, 3), (0, 5), (5, 0), (1, 1), and
    # (3, 3) alone maximises the sum (6), so it is an exposed vertex of their hull. An equilibrium worth (3, 3)
    # plays (Restrain, Restrain) now with continuations averaging (3, 3), so every continuation after a
    # signal that (Restrain, Restrain) can produce is (3, 3). With r = 1/10 each restrained state is blamed
    # with probability 1/10, so all four signals (nobody, 0, 1, both blamed) occur; an attack (blamed with
    # q = 4/5) produces no other, and gains T - R = 2 with nothing lost later: no delta < 1 deters it.
    model = AttributionModel()
    rg = model.repeated_game()
    matrix = np.asarray(rg.monitoring.matrix, dtype=object)
    restrain, attack = matrix[0, 0], matrix[1, 0]
    assert all(p > 0 for p in restrain) and {y for y, p in enumerate(attack) if p} <= set(range(len(restrain)))
    answer = model.game_answer(delta_set=False)
    found = answer.bracket
    assert not found.found and found.lower == 1 and found.upper is None and found.evaluations == 0
    assert found.payoff == (3, 3) and "gains 2 by playing Attack" in found.certificate and verify(found).ok
    # restraint_least_delta_lower: the outer bound 1/(1 + (7/10)(10/3)) = 3/10 (tests/models/test_attribution_regions.py)
    assert dict(model.analyse().numbers) == {"cooperation_least_delta_lower": 1,
                                             "restraint_least_delta_lower": Fraction(3, 10)}


@settings(max_examples=15, deadline=None)
@given(st.fractions(Fraction(1, 20), Fraction(19, 20), max_denominator=20),
       st.fractions(0, Fraction(19, 20), max_denominator=20))
def test_the_vertex_certificate_applies_exactly_when_restraint_can_produce_every_signal(q, r):
    # With 0 < r < 1 every signal has positive probability after mutual restraint, so an attack (gain
    # T - R > 0) produces no new one: certified never. With r = 0 and q > 0 only an attack can produce a
    # blame, the argument does not apply, and the answer says the least delta for (R, R) is not computed.
    answer = AttributionModel(detect=q, false_flag=r).game_answer(delta_set=False)
    if r > 0:
        assert answer.bracket is not None and not answer.bracket.found and answer.bracket.lower == 1
    else:
        assert answer.bracket is None
        assert any("the least δ for (R, R) itself is not computed" in n for n in answer.notes)


def test_the_share_bracket_is_not_computed_by_default_and_the_notes_say_so():
    answer = AttributionModel().game_answer(delta_set=False)
    assert answer.share is None and answer.share_bracket is None
    assert any("cooperation_share" in n for n in answer.notes)
    assert not any("minutes" in n for n in answer.notes)


@pytest.mark.slow
def test_half_the_gain_of_restraint_is_bracketed_and_checked_by_a_second_method():
    # The payoff halfway from mutual attack (1, 1) to (3, 3) is (2, 2). By hand, a lower bound: a payoff
    # above (1, 1) needs some state to restrain at some history; attacking there gains at least
    # min(T - R, P - S) = 1 now, and its continuation can differ between its verdicts (told apart with
    # probability q - r = 7/10) by at most 5 - 1 = 4 (best feasible payoff less the minmax value), so
    # (1 - d) * 1 <= d * 7/10 * 4, i.e. d >= 5/19. Second method at the lower end: the outer set of
    # equilibrium_payoff_set(method="jyc") excludes (2, 2) there; the upper end is re-checked by verify.
    from cybergames import verify
    from cybergames.models._game import share_position
    from cybergames.repeated import equilibrium_payoff_set
    model = AttributionModel(cooperation_share=Fraction(1, 2))
    analysis = model.analyse()
    found = analysis.game.share_bracket
    # delta* >= 5/19 by hand and delta* <= upper, so upper >= 5/19 (the lower end is only a certified bound).
    assert found.found and found.payoff == (2, 2) and found.lower < found.upper < model.delta
    assert found.upper >= Fraction(5, 19)
    outer = equilibrium_payoff_set(model.repeated_game(), found.lower, method="jyc", tol=1e-3)
    assert outer.contains(np.array([2.0, 2.0]), tol=1e-9) is False
    assert verify(found).ok
    assert share_position(found, model.delta) == "above"
    numbers = dict(analysis.numbers)
    assert numbers["cooperation_share"] == Fraction(1, 2) and numbers["cooperation_share_payoff"] == 2
    assert (numbers["cooperation_share_least_delta_lower"], numbers["cooperation_share_least_delta_upper"]) == \
        (found.lower, found.upper)
    text = " ".join(analysis.findings)
    assert "1/2 of the way from the stage Nash payoff (1, 1)" in text and "above the bracket, it is one" in text


def test_the_share_sentence_says_where_delta_lies_and_claims_no_more():
    # The three cases of the verdict, on a bracket made by hand: above the upper end "it is one", at or
    # below the lower end "it is not", strictly inside "this does not decide".
    from types import SimpleNamespace
    from cybergames.models._game import GameAnswer, share_sentence
    bracket = SimpleNamespace(payoff=(Fraction(2), Fraction(2)), lower=0.25, upper=0.375, found=True)  # dyadic ends
    answer = GameAnswer("p", (3, 3), None, None, None, "", share=Fraction(1, 2), share_bracket=bracket)
    assert "above the bracket, it is one (certified)" in share_sentence(answer, Fraction(1, 2), (1, 1))
    assert "below the bracket, it is not (certified)" in share_sentence(answer, Fraction(1, 4), (1, 1))
    assert "inside the bracket, this does not decide" in share_sentence(answer, Fraction(5, 16), (1, 1))


@pytest.mark.parametrize("share", [0, 1, Fraction(3, 2), "half"])
def test_a_share_outside_the_open_unit_interval_is_refused(share):
    with pytest.raises(ParameterError, match="cooperation_share"):
        AttributionModel(cooperation_share=share)
