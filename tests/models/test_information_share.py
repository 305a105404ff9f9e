"""The information model's certified bracket of the least δ for a share of full sharing (cooperation_share)."""

import contextlib
import dataclasses
import io
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import InformationSharingModel
from cybergames.models._sharing_punishment import reduced_check
from cybergames.models._sharing_share import LOWER_XTOL, MARGIN, full_sum_bound, sum_bound
from cybergames.repeated import check_equilibrium, min_discount_factor_for_payoff

#: Two states: m = 3/2, c = 1, l = 1/4 (mc/n = 3/4 < c + l = 5/4 < mc... a sharing dilemma: 5/4 < 3/2 < 5/2).
TWO = dict(n=2, multiplier=Fraction(3, 2), leakage=Fraction(1, 4))


def _pay(model):
    one = Fraction(model.multiplier * model.cost, model.n)              # mc/n, exactly
    return (model.reward, model.temptation, one - model.cost - model.leakage, one)


def test_two_states_match_the_hand_bounds():
    # Hand derivation, n = 2, m = 3/2, c = 1, l = 1/4, q = 4/5, r = 1/20 (Mailath & Samuelson 2006, ch. 7:
    # incentives under imperfect public monitoring come from differences of continuation values).
    # alpha = mc/2 = 3/4, beta = c + l = 5/4: R = 2 alpha - beta = 1/4, T = alpha = 3/4, N = beta - alpha = 1/2.
    # A sharer needs (1 - d) N <= d (q - r)(G0 - G1), G0, G1 its expected continuations after being cleared
    # and suspected. Closed form: G0 - G1 <= T - 0, so d >= N/(N + (q - r) T) = (1/2)/(1/2 + 9/16) = 8/17.
    # Sharper by hand: continuations are individually rational (both >= 0, the pure minmax value), and the
    # largest w_1 of a feasible payoff with w_2 >= 0 lies on the edge from (R, R) = (1/4, 1/4) to
    # (T, alpha - beta) = (3/4, -1/2) where w_2 = 0: t = 1/3, w_1 = 1/4 + (1/2)/3 = 5/12. So
    # d >= (1/2)/(1/2 + (3/4)(5/12)) = (1/2)/(13/16) = 8/13: the score programs, which contain both
    # constraints, must find no sharing (sum bound 0) just below 8/13, and their lower end must be at least it.
    model = InformationSharingModel(**TWO, cooperation_share=Fraction(1, 2))
    found = model.game_answer().share_bracket
    assert found.closed_lower == Fraction(8, 17)
    parameters = found.parameters
    assert sum_bound(parameters, 8 / 13 - 1e-6) == 0 and full_sum_bound(parameters, 8 / 13 - 1e-6) == 0
    assert found.lower >= Fraction(8, 13) and found.score_lower == found.lower
    assert found.payoff == (Fraction(1, 8), Fraction(1, 8))             # half of R = 1/4
    # The upper end: the recorded punishment is an equilibrium of the library's two-state game at upper,
    # worth at least 1/8 to each state (the library's own check, not the reduction that found it).
    K, L, cap, war = found.punishment
    check = check_equilibrium(model.status_quo_game(), model.targeted_profile(K, L, cap, war), found.upper)
    assert check.holds and check.values.initial[0] == found.value >= Fraction(1, 8)
    assert found.lower < found.upper < 1
    assert verify(found).ok


@pytest.mark.slow
@pytest.mark.parametrize("params", [dict(detect=Fraction(9, 10), false_flag=Fraction(1, 10))])
def test_two_states_overlap_with_the_payoff_set_bisection(params):
    # Second method: min_discount_factor_for_payoff bisects over the equilibrium payoff sets of the
    # two-state game (JYC outer and inner sets), a bracket of the same least delta (pure actions, public
    # randomisation), so the two brackets must intersect. About two seconds at xtol 1e-2 with these
    # parameters and the compiled payoff-set kernels, a minute with CYBERGAMES_NO_NUMBA=1 (at q = 4/5,
    # r = 1/20 it takes 30 s: [0.7578, 0.7656] against [0.727, 0.853] here).
    model = InformationSharingModel(**TWO, **params)
    share = Fraction(1, 2)
    library = min_discount_factor_for_payoff(model.status_quo_game(), (model.reward,) * 2, fraction=share,
                                             xtol=1e-2)
    ours = model.cooperation_share_bracket(share)
    assert tuple(library.payoff) == ours.payoff
    assert library.found and ours.found
    assert max(float(library.lower), float(ours.lower)) <= min(float(library.upper), float(ours.upper)) + 1e-9


@settings(max_examples=12, deadline=None)
@given(st.integers(2, 4), st.fractions(Fraction(1, 2), Fraction(19, 20), max_denominator=20),
       st.fractions(0, Fraction(3, 10), max_denominator=20), st.floats(0.3, 0.99))
def test_the_reduced_score_programs_agree_with_the_full_ones(n, q, r, delta):
    # The symmetric reduction (four values per orbit of signals) against one continuation vector per
    # signal in the hull of all 2^n stage payoffs: the same optimum.
    parameters = (n, 2, 1, Fraction(1, 2) if n > 2 else Fraction(1, 4), q, r)
    if n == 2:
        parameters = (2, Fraction(3, 2), 1, Fraction(1, 4), q, r)
    assert sum_bound(parameters, delta) == pytest.approx(full_sum_bound(parameters, delta), abs=1e-6)


def _model(n, q, r, delta=Fraction(9, 10)):
    kw = TWO if n == 2 else dict(n=n)
    return InformationSharingModel(**kw, detect=q, false_flag=r, delta=delta)


@settings(max_examples=8, deadline=None)
@given(st.integers(2, 5), st.fractions(Fraction(3, 5), Fraction(19, 20), max_denominator=20),
       st.fractions(Fraction(1, 50), Fraction(1, 10), max_denominator=50),
       st.lists(st.fractions(Fraction(1, 10), Fraction(19, 20), max_denominator=20), min_size=2, max_size=2,
                unique=True))
def test_the_bracket_is_ordered_monotone_in_the_share_and_certified_at_its_upper_end(n, q, r, shares):
    # lower <= upper; a larger share is harder (both ends move up or stay); and at upper the recorded
    # punishment passes the exact one-shot deviation check with a value of at least f R.
    model = _model(n, q, r)
    small, large = (model.cooperation_share_bracket(f) for f in sorted(shares))
    for found in (small, large):
        assert found.lower >= found.closed_lower
        if found.found:
            assert found.lower < found.upper
            value, gain = reduced_check(n, _pay(model), q, r, *found.punishment, found.upper)
            assert gain <= 0 and value == found.value >= found.share * model.reward
    assert small.lower <= large.lower
    if large.found:
        assert small.found and small.upper <= large.upper


def test_full_sharing_itself_has_the_vertex_certificate():
    found = InformationSharingModel().cooperation_share_bracket(1)
    assert not found.found and found.lower == 1 and found.upper is None
    assert "vertex" in found.certificate and verify(found).ok
    analysis = InformationSharingModel(cooperation_share=1).analyse()
    (sentence,) = [f for f in analysis.findings if "full sharing (1/2 each) is not" in f.lower()]
    assert "certified by the vertex argument" in sentence


def test_without_false_suspicion_full_sharing_is_bracketed_by_targeted_punishment():
    # r = 0: nobody is suspected on the path, so a targeted punishment is worth R exactly and the vertex
    # argument does not apply (withholding can produce a verdict full sharing never does).
    model = InformationSharingModel(n=3, false_flag=0)
    found = model.cooperation_share_bracket(1)
    assert found.found and found.value == model.reward and found.lower < found.upper
    assert verify(found).ok


def test_equal_verdict_rates_certify_no_sharing_at_any_delta():
    # q = r: a state's verdict does not depend on its action; the closed form N/(N + 0 T) is 1.
    found = InformationSharingModel(detect=Fraction(1, 5), false_flag=Fraction(1, 5)).cooperation_share_bracket(
        Fraction(1, 2))
    assert found.lower == 1 and found.upper is None and not found.found and verify(found).ok


def test_large_groups_use_the_closed_form_lower_end():
    model = InformationSharingModel(n=8)
    found = model.cooperation_share_bracket(Fraction(1, 2))
    # N = c + l - mc/n = 3/2 - 1/4 = 5/4, T = 2 * 7/8 = 7/4, |q - r| = 3/4: (5/4)/(5/4 + 21/16) = 20/41.
    assert found.score_lower is None and found.lower == found.closed_lower == Fraction(20, 41)
    assert found.found and found.value >= model.reward / 2 and verify(found).ok


def test_verify_rejects_a_tampered_bracket():
    found = InformationSharingModel(n=3).cooperation_share_bracket(Fraction(1, 2))
    assert verify(found).ok
    early = dataclasses.replace(found, upper=found.lower)                 # the punishment fails there
    assert not verify(early).ok
    late = dataclasses.replace(found, lower=0.99, score_lower=0.99)       # the programs do not exclude it there
    assert not verify(late).ok


def test_the_default_answer_leaves_it_out_and_says_how_to_ask():
    answer = InformationSharingModel().game_answer()
    assert answer.share is None and answer.share_bracket is None
    assert any("cooperation_share" in note for note in answer.notes)
    assert not any("unfinished after 10 minutes" in note for note in answer.notes)


def test_the_report_text_and_numbers_at_the_defaults():
    # At delta = 9/10, above the bracket's upper end (about 0.888): half the gain is sustainable (certified).
    # The punishment found there is re-checked exactly on its symmetric reduction, worth at least R/2 = 1/4.
    model = InformationSharingModel(cooperation_share=Fraction(1, 2))
    analysis = model.analyse()
    found = analysis.game.share_bracket
    assert found.lower < found.upper < model.delta and found.punishment == (2, 2, 2, 9)
    value, gain = reduced_check(5, _pay(model), model.detect, model.false_flag, 2, 2, 2, 9, found.upper)
    assert gain <= 0 and value == found.value >= Fraction(1, 4)
    text = " ".join(analysis.findings)
    assert "1/2 of the way from no sharing" in text and "above the bracket, it is one (certified)" in text
    assert "targeted_retaliation(2, 2, 2, war=9)" in text
    numbers = dict(analysis.numbers)
    assert numbers["cooperation_share"] == Fraction(1, 2) and numbers["cooperation_share_payoff"] == Fraction(1, 4)
    assert (numbers["cooperation_share_least_delta_lower"], numbers["cooperation_share_least_delta_upper"]) == \
        (found.lower, found.upper)
    assert numbers["cooperation_share_equilibrium_value"] == found.value
    assert not any("cooperation_share" in note for note in analysis.game.notes)


def test_the_command_line_sets_the_share_and_the_json_carries_the_bracket():
    from cybergames.report._cli import run
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["information", "--set", "information.cooperation_share=1/2", "--format", "json"]) == 0
    numbers = json.loads(out.getvalue())["models"][0]["numbers"]
    assert numbers["cooperation_share"]["exact"] == "1/2" and numbers["cooperation_share_payoff"]["exact"] == "1/4"
    low, high = (numbers[f"cooperation_share_least_delta_{end}"]["float"] for end in ("lower", "upper"))
    assert 11 / 23 <= low < high < 9 / 10


def test_the_lower_end_is_the_last_delta_the_programs_exclude():
    # Just above lower (by the bisection's tolerance) the programs no longer exclude the target.
    model = InformationSharingModel(n=3)
    found = model.cooperation_share_bracket(Fraction(1, 2))
    n, R = 3, float(model.reward)
    threshold = n * 0.5 * R - MARGIN * max(1.0, n * R)
    assert sum_bound(found.parameters, found.lower) < threshold
    assert sum_bound(found.parameters, found.lower + LOWER_XTOL) >= threshold


@pytest.mark.parametrize("share", [0, Fraction(3, 2), -1, "half"])
def test_a_share_outside_the_unit_interval_is_refused(share):
    with pytest.raises(ParameterError, match="cooperation_share"):
        InformationSharingModel(cooperation_share=share)


def test_the_method_refuses_a_missing_or_inexact_share():
    with pytest.raises(ParameterError, match="share"):
        InformationSharingModel().cooperation_share_bracket()
    with pytest.raises(ParameterError, match="share"):
        InformationSharingModel().cooperation_share_bracket(0.5)
    with pytest.raises(ParameterError, match="exact"):
        InformationSharingModel(detect=0.8).cooperation_share_bracket(Fraction(1, 2))


@pytest.mark.parametrize("share", [Fraction(9, 10), 1])
def test_the_share_findings_make_no_uncertified_denial(share):
    # The rule of tests/models/test_no_overclaims.py: a sentence denying sustainability at every δ names its
    # strategy or carries the vertex certificate. Nine tenths is denied only up to the certified lower end
    # (no "at any δ"); full sharing itself carries the vertex argument.
    from tests.models.test_no_overclaims import IMPOSSIBLE, PROFILES, sentences, vertex_certified
    analysis = InformationSharingModel(cooperation_share=share).analyse()
    for sentence in sentences(analysis):
        if IMPOSSIBLE.search(sentence):
            assert any(p in sentence for p in PROFILES) or vertex_certified(analysis, sentence), sentence
