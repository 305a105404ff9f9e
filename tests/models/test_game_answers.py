"""The models answer for the game, not only for their named profile (cybergames/models/_game.py).

Where the report once said "below q = 14/45 no patience deters" (attribution) and "sharing is
impossible at any δ beyond 5 states" (information sharing), the library now exhibits explicit
automata that are exact perfect public equilibria. Each is re-checked here by a second method
written from scratch: the joint automaton is walked through its public methods (``action``,
``next_state``), its values solved in floats and every one-shot deviation evaluated, with the
signal probabilities written out by hand (each state blamed independently, with probability q
when it attacks or withholds and r otherwise). One-shot deviation principle: Mailath & Samuelson,
*Repeated Games and Reputations* (2006), Proposition 7.1.1.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest

from cybergames import check_equilibrium, sustainable_discount_factors
from cybergames.models import AttributionModel, InformationSharingModel
from cybergames.models._sharing_punishment import reduced_check


def _brute(profile, labels, defect, payoff, q, r, delta):
    """(values at the start, largest one-shot gain) of a public profile under independent blame, in floats."""
    n = len(profile)
    q, r, delta = float(q), float(r), float(delta)
    signals = [tuple(p for p, hit in zip(labels, bits) if hit) for bits in itertools.product((0, 1), repeat=n)]

    def dist(actions):
        chance = [q if a == defect else r for a in actions]
        return [np.prod([c if p in y else 1 - c for p, c in zip(labels, chance)]) for y in signals]

    start = tuple(a.initial for a in profile)
    states, frontier = [start], [start]
    while frontier:                                   # every joint state reachable by some signal
        state = frontier.pop()
        for y in signals:
            nxt = tuple(a.next_state(w, y) for a, w in zip(profile, state))
            if nxt not in states:
                states.append(nxt)
                frontier.append(nxt)
    index = {s: k for k, s in enumerate(states)}
    nexts = {s: [index[tuple(a.next_state(w, y) for a, w in zip(profile, s))] for y in signals] for s in states}
    Q = np.zeros((len(states), len(states)))
    u = np.zeros((len(states), n))
    for s, k in index.items():
        actions = tuple(a.action(w) for a, w in zip(profile, s))
        for target, p in zip(nexts[s], dist(actions)):
            Q[k, target] += p
        u[k] = payoff(actions)
    V = np.linalg.solve(np.eye(len(states)) - delta * Q, (1 - delta) * u)
    gain = -np.inf
    for s, k in index.items():
        actions = tuple(a.action(w) for a, w in zip(profile, s))
        for i in range(n):
            for alt in _OTHER[actions[i]]:
                deviated = actions[:i] + (alt,) + actions[i + 1:]
                cont = sum(p * V[t, i] for t, p in zip(nexts[s], dist(deviated)))
                gain = max(gain, (1 - delta) * payoff(deviated)[i] + delta * cont - V[k, i])
    return V[0], gain


_OTHER = {"Restrain": ("Attack",), "Attack": ("Restrain",), "Share": ("Withhold",), "Withhold": ("Share",)}


def _pd(actions):
    # Axelrod's payoffs T, R, P, S = 5, 3, 1, 0 (the attribution model's defaults).
    table = {("Restrain", "Restrain"): (3, 3), ("Restrain", "Attack"): (0, 5), ("Attack", "Restrain"): (5, 0),
             ("Attack", "Attack"): (1, 1)}
    return table[actions]


def _sharing(model):
    m, c, leak, n = (float(x) for x in (model.multiplier, model.cost, model.leakage, model.n))

    def payoff(actions):
        k = sum(a == "Share" for a in actions)
        return tuple(m * c * k / n - (c + leak) * (a == "Share") for a in actions)
    return payoff


# ------------------------------------------------------------------ attribution
def test_below_14_45_an_explicit_targeted_retaliation_is_a_certified_ppe():
    # The old claim: "below q = 14/45 no patience deters". By hand (models/attribution.py): retaliation
    # after any blame deters for some δ < 1 iff (T - P)(1 - r)^2 - (R - P)(1 - q)(1 - r) > T - R, i.e.
    # at r = 1/10: 4 * 81/100 - 2 * 9/10 (1 - q) > 2  <=>  q > 1 - 124/180 = 14/45 ≈ 0.311. At q = 1/5 it fails.
    model = AttributionModel(detect=Fraction(1, 5))
    assert model.delta_set().is_empty
    answer = model.game_answer()
    assert answer.best is None and answer.folk.holds          # nothing of the family at δ = 9/10; FLM applies
    found = answer.patient
    assert "war=" in found.name                               # the escalation at the cap is what makes it work
    # Second method: the brute-force walk of the joint automaton at the δ where it was found.
    value, gain = _brute(found.profile, ("0", "1"), "Attack", _pd, model.detect, model.false_flag, found.delta)
    assert gain <= 1e-9
    assert value[0] == pytest.approx(float(found.value[0]), abs=1e-9) and value[0] > 2.5   # near R = 3, far above P = 1
    # Its exact δ-set starts at least_delta: the brute force agrees just below and just above.
    least = float(found.least_delta)
    assert 0.9 < least < float(found.delta)
    assert _brute(found.profile, ("0", "1"), "Attack", _pd, model.detect, model.false_flag, least - 1e-3)[1] > 0
    assert _brute(found.profile, ("0", "1"), "Attack", _pd, model.detect, model.false_flag, least + 1e-3)[1] <= 1e-9
    assert check_equilibrium(model.repeated_game(), found.profile, found.delta).holds


def test_at_the_defaults_the_best_equilibrium_found_beats_retaliation_after_any_blame():
    # Retaliation after any blame at the defaults is worth V = P + (1 - δ)(R - P)/(1 - δ (1 - r)^2)
    # = 1 + (1/10)(2)/(1 - (9/10)(81/100)) = 1 + 200/271 = 471/271 ≈ 1.738 (by hand).
    model = AttributionModel()
    assert model.analyse().details["value"] == Fraction(471, 271)
    found = model.game_answer(delta_set=False).best
    value, gain = _brute(found.profile, ("0", "1"), "Attack", _pd, model.detect, model.false_flag, model.delta)
    assert gain <= 1e-9 and value[0] == pytest.approx(float(found.value[0]), abs=1e-9)
    assert found.value[0] > Fraction(471, 271) and found.value[0] < 3


# ------------------------------------------------------------------ information sharing
def test_six_states_share_under_targeted_punishment_where_sharing_until_anyone_is_suspected_fails():
    # The old claim: sharing "impossible at any δ beyond 5 states". For sharing until anyone is suspected,
    # by hand at n = 6 (T = 2*5/6 = 5/3, R = 1/2): the bracket (1 - r)^6 T - (1 - q)(1 - r)^5 R
    # = 0.7351 * 5/3 - 0.2 * 0.7738 * 0.5 = 1.2252 - 0.0774 = 1.148 < T - R = 7/6, so no δ < 1 works.
    model = InformationSharingModel(n=6)
    assert model.status_quo_threshold() is None
    found = model.game_answer().best
    assert found is not None and found.delta == model.delta
    labels = tuple(str(i) for i in range(6))
    value, gain = _brute(found.profile, labels, "Withhold", _sharing(model), model.detect, model.false_flag,
                         model.delta)
    assert gain <= 1e-9
    assert value[0] == pytest.approx(float(found.value[0]), abs=1e-9) and 0 < value[0] < model.reward


@pytest.mark.parametrize("n", [3, 4])
@pytest.mark.parametrize("K, L, cap, war", [(1, 0, 1, 0), (2, 2, 2, 4), (2, 1, 3, 2), (3, 3, 4, 1), (1, 2, 2, 0)])
@pytest.mark.parametrize("delta", [Fraction(1, 2), Fraction(9, 10), Fraction(97, 100)])
def test_the_symmetric_reduction_agrees_with_the_full_joint_automaton(n, K, L, cap, war, delta):
    model = InformationSharingModel(n=n, multiplier=Fraction(5, 2), false_flag=Fraction(1, 10))
    pay = (model.reward, model.temptation, model.multiplier * model.cost / n - model.cost - model.leakage,
           model.multiplier * model.cost / n)
    value, gain = reduced_check(n, pay, model.detect, model.false_flag, K, L, cap, war, delta)
    labels = tuple(str(i) for i in range(n))
    brute_value, brute_gain = _brute(model.targeted_profile(K, L, cap, war), labels, "Withhold", _sharing(model),
                                     model.detect, model.false_flag, delta)
    assert float(value) == pytest.approx(brute_value[0], abs=1e-9)
    assert float(gain) == pytest.approx(brute_gain, abs=1e-9)


@pytest.mark.slow
def test_the_library_confirms_the_six_state_equilibrium_in_the_full_game():
    model = InformationSharingModel(n=6)
    found = model.game_answer(library_check=True).best
    assert found is not None and "every state of the n-state game" in found.method
    assert model.delta in found.delta_set
    assert check_equilibrium(model.status_quo_game(), found.profile, model.delta).holds
    assert sustainable_discount_factors(model.status_quo_game(), model.status_quo_profile()).is_empty


# ------------------------------------------------------------------ perfect monitoring models
def test_trust_the_least_delta_for_mutual_cooperation_is_friedmans():
    # Friedman (1971); Mailath & Samuelson (2006), section 2.4.2: with T, R, P = 5, 3, 1 (the trust model's
    # prisoner's dilemma), (R, R) is a subgame perfect payoff iff δ >= (T - R)/(T - P) = 2/4 = 1/2, by hand.
    from cybergames.models import TrustModel
    model = TrustModel()
    answer = model.analyse().game
    assert (model.T, model.R, model.P) == (5, 3, 1)
    assert answer.bracket.exact and answer.bracket.lower == answer.bracket.upper == Fraction(1, 2)
    assert answer.folk.holds and answer.best.value == (3, 3)
    assert answer.best.least_delta == Fraction(1, 2)


def test_capacity_the_least_delta_for_joint_investment_without_transfer():
    # Stage payoffs at the defaults (b, c1, c2, τ = 4, 5, 7, 0): (invest, invest) = (3, 1). The weak state
    # gains 4 - 1 = 3 by abstaining and its pure minmax is 0 (abstaining against either action gives it
    # at most 0 when the capable state abstains); the capable state gains 4 - 3 = 1 with minmax 0. The
    # vertex (3, 1) needs δ >= max(3/(3 + 1 - 0), 1/(1 + 3 - 0)) = 3/4 (Mailath & Samuelson 2006, Prop. 2.5.1
    # with Nash reversion to (0, 0) equal to the minmax), by hand.
    from cybergames.models import CapacityModel
    answer = CapacityModel().analyse().game
    assert answer.cooperation == (3, 1)
    assert answer.bracket.exact and answer.bracket.lower == Fraction(3, 4)
    text = " ".join(CapacityModel().analyse().findings)
    assert "exactly when δ ≥ 3/4" in text and "at δ = 3/5 it is not" in text


@pytest.mark.slow
def test_the_explicit_equilibrium_lies_within_the_outer_payoff_set():
    # Certified both ways: the explicit equilibrium's common value is an equilibrium payoff, so it
    # cannot exceed the outer set's bound on common payoffs (Abreu, Pearce & Stacchetti 1990: the
    # outer approximation contains every equilibrium payoff).
    answer = AttributionModel().game_answer(delta_set=False, payoff_set=True)
    assert not answer.impossible
    assert float(answer.best.value[0]) <= answer.payoff_set.outer + 1e-6


def test_the_json_report_carries_the_games_numbers():
    import json
    from cybergames.report import render_analysis
    analysis = AttributionModel().analyse()
    data = json.loads(render_analysis(analysis, "json"))
    game = data["models"][0]["game"]
    found = analysis.game.best
    assert game["profile"] == "retaliation after any blame" and game["folk"]["holds"] is True
    assert game["best"]["name"] == found.name
    assert game["best"]["value"][0]["exact"] == str(found.value[0])
    (interval,) = game["best"]["delta_set"]
    assert interval["lower"]["float"] == pytest.approx(float(found.least_delta)) and interval["lower_closed"]
    # (R, R) itself: certified never (the vertex argument, found False, lower 1); the share is not asked by default.
    cooperation = game["least_delta_for_cooperation"]
    assert game["impossible"] is False and cooperation["found"] is False and cooperation["upper"] is None
    assert cooperation["lower"]["exact"] == "1" and [v["exact"] for v in cooperation["payoff"]] == ["3", "3"]
    # Any restraint at all: certified only from delta = 1/(1 + (7/10)(10/3)) = 3/10 (the outer bound, by hand in
    # tests/models/test_attribution_regions.py).
    assert data["models"][0]["numbers"] == {"cooperation_least_delta_lower": {"text": "1", "float": 1.0,
                                                                              "exact": "1"},
                                            "restraint_least_delta_lower": {"text": "3/10", "float": 0.3,
                                                                            "exact": "3/10"}}


# ------------------------------------------------------------------ information: the folk conditions in closed form
from hypothesis import given, settings, strategies as st          # noqa: E402

from cybergames.models._game import independent_blame_conditions  # noqa: E402
from cybergames.repeated import folk_theorem_conditions           # noqa: E402


@st.composite
def sharing_games(draw):
    """Valid models: c + l < m c < n (c + l), built, not filtered; q = r drawn often."""
    n = draw(st.integers(2, 3))
    c = draw(st.fractions(Fraction(1, 2), 2, max_denominator=2))
    leak = draw(st.fractions(0, 1, max_denominator=2))
    u = draw(st.fractions(Fraction(1, 4), Fraction(3, 4), max_denominator=4))
    m = (c + leak) / c * (1 + u * (n - 1))
    q = draw(st.fractions(0, 1, max_denominator=4))
    r = draw(st.one_of(st.just(q), st.fractions(0, 1, max_denominator=4)))
    return InformationSharingModel(n=n, multiplier=m, cost=c, leakage=leak, detect=q, false_flag=r)


@settings(max_examples=20, deadline=None)
@given(sharing_games())
def test_the_closed_form_folk_conditions_are_the_librarys_rank_tests(model):
    # Second method: the library's exact rank tests and polytope (cybergames.repeated.folk_theorem_conditions)
    # on the same n-state game, for small n, q = r included.
    library = folk_theorem_conditions(model.status_quo_game())
    closed = independent_blame_conditions(model.n, model.multiplier, model.cost, model.leakage, model.detect,
                                          model.false_flag)
    assert closed.pairwise_full_rank == library.pairwise_full_rank
    assert closed.individual_full_rank == library.individual_full_rank
    assert closed.dimension == library.dimension == model.n
    assert closed.holds == library.holds


def test_the_information_model_states_the_folk_conditions():
    # At the defaults q = 4/5 ≠ r = 1/20, and m c = 2 ≠ c + l = 3/2: Fudenberg, Levine & Maskin (1994) apply.
    analysis = InformationSharingModel().analyse()
    assert analysis.game.folk.holds and not analysis.game.folk.perfect
    assert analysis.game.folk.minmax == (0,) * 5 and analysis.game.folk.witness == (Fraction(1, 2),) * 5   # mc - c - l
    assert any("In the game, not only for" in f and "pairwise full rank at every profile" in f
               for f in analysis.findings)


@pytest.mark.slow
def test_the_command_line_asks_for_the_share_bracket_and_the_json_numbers_carry_it():
    # --set attribution.cooperation_share=1/2: the payoff (2, 2) halfway from (P, P) = (1, 1) to (R, R) = (3, 3);
    # its bracket's ends go through the report's numbers object, beside the (R, R) certificate's lower end 1.
    import contextlib
    import io
    import json
    from cybergames.report._cli import run
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["attribution", "--set", "attribution.cooperation_share=1/2", "--format", "json"]) == 0
    numbers = json.loads(out.getvalue())["models"][0]["numbers"]
    assert numbers["cooperation_share"]["exact"] == "1/2" and numbers["cooperation_share_payoff"]["exact"] == "2"
    assert numbers["cooperation_least_delta_lower"]["exact"] == "1"
    low, high = (numbers[f"cooperation_share_least_delta_{end}"]["float"] for end in ("lower", "upper"))
    assert 0 < low < high < 9 / 10
