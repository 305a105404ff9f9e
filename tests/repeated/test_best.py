"""best_equilibrium (cybergames/repeated/best.py): the best small public automaton profile, certified."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import (Automaton, RepeatedGame, best_equilibrium, check_equilibrium, grim_trigger, values,
                        noisy_attribution, prisoners_dilemma, sustainable_discount_factors, trigger_on_signal,
                        verify)
from cybergames.errors import AutomatonError, DiscountFactorError, ParameterError
from cybergames.repeated.best import _automata_arrays, _count
from cybergames.strategies import monitoring_structures, normal_form_games

PD = prisoners_dilemma(5, 3, 1, 0)
ATTRIBUTION = RepeatedGame(PD, noisy_attribution(PD, Fraction(4, 5), Fraction(1, 10)))


def test_perfect_monitoring_at_the_grim_threshold_reaches_mutual_cooperation():
    # Mailath & Samuelson (2006), section 2.4.1: grim trigger is an SPE of the PD iff
    # delta >= (T - R)/(T - P) = 2/4 = 1/2. (R, R) = (3, 3) maximises u_0 + u_1 over the
    # feasible set (2R = 6 > T + S = 5 > 2P), so the best utilitarian value is (3, 3).
    best = best_equilibrium(RepeatedGame(PD), Fraction(1, 2), payoff_set=False)
    assert best.value == (3, 3) and best.objective == 6
    assert best.check.holds and Fraction(1, 2) in best.delta_set
    assert verify(best)


def test_below_the_grim_threshold_mutual_cooperation_is_out_of_reach():
    # Abreu's optimal penal codes: no SPE punishes below the minmax value P = 1, so keeping (C, C)
    # for ever needs (1 - d) T + d P <= R, i.e. d >= 1/2; at d = 2/5 the best sum is below 2R = 6.
    best = best_equilibrium(RepeatedGame(PD), Fraction(2, 5), payoff_set=False)
    assert best.found and best.objective < 6 and best.check.holds
    assert all(best.value[i] >= 1 for i in range(2))            # individually rational


def test_attribution_defaults_find_an_exact_ppe_near_R():
    best = best_equilibrium(ATTRIBUTION, Fraction(9, 10), payoff_set=False)
    assert best.check.holds and best.check.tol is None           # confirmed exactly
    assert all(isinstance(v, Fraction) for v in best.value)
    # Collective punishment for ever after any blame gives, by hand (models.attribution),
    # V = (1 - d) R / (1 - d (1 - r)^2) + P (d - d (1 - r)^2)/(1 - d (1 - r)^2) = 0.471/0.271 = 1.74; the best beats it.
    d, r = Fraction(9, 10), Fraction(1, 10)
    rho = (1 - r) ** 2
    collective = ((1 - d) * 3 + d * (1 - rho) * 1) / (1 - d * rho)
    grim = trigger_on_signal(lambda y: len(y) > 0)
    assert check_equilibrium(ATTRIBUTION, (grim, grim), d).values.initial[0] == collective
    assert best.value[0] > collective
    assert verify(best)


def test_a_player_objective_never_gives_that_player_less():
    utilitarian = best_equilibrium(ATTRIBUTION, Fraction(9, 10), payoff_set=False)
    selfish = best_equilibrium(ATTRIBUTION, Fraction(9, 10), player=0, payoff_set=False)
    assert selfish.weights == (1, 0) and selfish.value[0] >= utilitarian.value[0]
    assert selfish.check.holds


def test_the_exhaustive_count_matches_the_formula():
    # m constant automata, plus m (m - 1) output pairs times the 2^(2Y) tables whose first row
    # leaves state 0 on some signal (2^(2Y) - 2^Y): 2 + 2 * (256 - 16) = 482 for a 2x2 game with 4 signals.
    outputs, transitions = _automata_arrays(2, 4, 2)
    assert len(outputs) == _count(2, 4, 2) == 482
    assert len({(tuple(o), t.tobytes()) for o, t in zip(outputs, transitions)}) == 482


def test_user_candidates_are_considered():
    best = best_equilibrium(RepeatedGame(PD), Fraction(1, 2), max_states=0, use_family=False,
                            candidates=[(grim_trigger(), grim_trigger())], payoff_set=False)
    assert best.description == "candidates[0]" and best.value == (3, 3)


@pytest.mark.parametrize("delta", [0, 1, Fraction(3, 2), -0.1])
def test_delta_outside_the_open_unit_interval(delta):
    with pytest.raises(DiscountFactorError, match="delta"):
        best_equilibrium(ATTRIBUTION, delta, payoff_set=False)


def test_a_profile_over_the_wrong_signals_is_refused_clearly():
    # An automaton written for perfect monitoring (signals are action profiles) under blame signals.
    grim = Automaton(["c", "p"], "c", {"c": "C", "p": "D"},
                     {(w, y): "c" if w == "c" and y == ("C", "C") else "p"
                      for w in ("c", "p") for y in [("C", "C"), ("C", "D"), ("D", "C"), ("D", "D")]})
    with pytest.raises(AutomatonError, match="signal"):
        best_equilibrium(ATTRIBUTION, Fraction(9, 10), candidates=[(grim, grim)], payoff_set=False)


@pytest.mark.parametrize("kwargs, words", [(dict(weights=(1, -1)), "weights"), (dict(weights=(1,)), "weights"),
                                           (dict(weights=(1, 1), player=0), "weights, player"),
                                           (dict(max_states=4), "max_states"), (dict(budget=0), "budget"),
                                           (dict(payoff_set="yes"), "payoff_set")])
def test_bad_options(kwargs, words):
    with pytest.raises(ParameterError, match=words):
        best_equilibrium(ATTRIBUTION, Fraction(9, 10), **kwargs)


@st.composite
def small_games(draw):
    game = draw(normal_form_games(2, (2, 3), min_value=-3, max_value=3))
    return RepeatedGame(game, draw(monitoring_structures(game, min_signals=2, max_signals=3, full_support=True)))


@pytest.mark.slow
@given(small_games(), st.sampled_from([Fraction(1, 2), Fraction(4, 5), Fraction(9, 10)]))
@settings(max_examples=6, deadline=None)
def test_every_returned_profile_is_an_equilibrium_inside_the_payoff_set(rg, delta):
    best = best_equilibrium(rg, delta)
    if not best.found:
        return
    assert check_equilibrium(rg, best.profile, delta).holds and verify(best)
    assert delta in sustainable_discount_factors(rg, best.profile)
    point = tuple(float(v) for v in best.value)
    payoff_set = best.payoff_set
    # A PPE value lies in the true set V, which is inside the outer set and within the
    # Hausdorff gap of the inner set; once the bracket is tight, inside the inner set.
    assert best.place in ("inner", "between") and payoff_set.outer.contains(point, tol=1e-6)
    assert payoff_set.inner.distance(point) <= payoff_set.hausdorff + 1e-6
    if payoff_set.hausdorff <= 1e-3:
        assert payoff_set.inner.contains(point, tol=1e-3)


def test_swapping_players_maps_blame_signals_and_halves_the_search():
    from cybergames.repeated.best import _canonical_pairs, _mirror
    sigma = _mirror(ATTRIBUTION)
    signals = ATTRIBUTION.monitoring.signals            # (), ("0",), ("1",), ("0", "1")
    assert [signals[k] for k in sigma] == [(), ("1",), ("0",), ("0", "1")]
    outputs, transitions = _automata_arrays(2, 4, 2)
    assert len(_canonical_pairs(outputs, transitions, sigma)) == (482 * 482 + 482) // 2
    from cybergames import NormalFormGame
    asymmetric = NormalFormGame([[[3, 0], [5, 1]], [[3, 6], [0, 1]]], actions=[("C", "D"), ("C", "D")])
    assert _mirror(RepeatedGame(asymmetric, noisy_attribution(asymmetric, Fraction(4, 5), Fraction(1, 10)))) is None


@pytest.mark.slow
@given(st.fractions(Fraction(1, 5), 1, max_denominator=10), st.fractions(0, Fraction(1, 5), max_denominator=10))
@settings(max_examples=3, deadline=None)
def test_the_symmetric_search_finds_the_same_best_value_as_the_full_one(q, r):
    import numpy as np
    from cybergames.repeated.best import _canonical_pairs, _mirror, _screen
    rg = RepeatedGame(PD, noisy_attribution(PD, q, r))
    lists = [_automata_arrays(2, 4, 2)] * 2
    full, _, _ = _screen(rg, 0.9, np.ones(2), lists, 1e-9)
    half, _, _ = _screen(rg, 0.9, np.ones(2), lists, 1e-9, _canonical_pairs(*lists[0], _mirror(rg)))
    assert len(half) <= len(full) <= 2 * len(half)      # mirror pairs pass or fail together
    assert np.isclose(full.max(), half.max())


def test_verify_catches_a_tampered_result():
    import dataclasses
    best = best_equilibrium(RepeatedGame(PD), Fraction(1, 2), payoff_set=False)
    assert not verify(dataclasses.replace(best, value=(Fraction(5, 2), 3)))
    assert not verify(dataclasses.replace(best, delta=Fraction(2, 5)))        # grim fails below 1/2


# ----------------------------------------------------------------------------- Mailath & Samuelson ch. 7

MS_P, MS_Q, MS_R, MS_DELTA = Fraction(9, 10), Fraction(6, 10), Fraction(3, 10), Fraction(9, 10)


def _ms_game():
    from cybergames import Monitoring
    game = prisoners_dilemma(3, 2, 0, -1)          # u(E, E) = 2, u(S, E) = 3, u(E, S) = -1, u(S, S) = 0
    good = {("C", "C"): MS_P, ("C", "D"): MS_Q, ("D", "C"): MS_Q, ("D", "D"): MS_R}
    return RepeatedGame(game, Monitoring(game, ["good", "bad"], {a: {"good": g, "bad": 1 - g} for a, g in good.items()}))


def _punish_after_bad_with_chance(phi):
    # (E, E) until a bad signal; then, by a public lottery, (S, S) for ever with probability phi.
    def transition(state, observed):
        signal, outcome = observed
        return "punish" if state == "punish" or (signal == "bad" and outcome == "punish") else "work"
    return Automaton(["work", "punish"], "work", {"work": "C", "punish": "D"}, transition,
                     randomisation={"punish": phi, "forgive": 1 - phi})


def test_best_strongly_symmetric_payoff_of_mailath_and_samuelsons_imperfect_monitoring_pd():
    # Mailath & Samuelson, Repeated Games and Reputations (2006), ch. 7 (secs. 7.2 and 7.7): the PD with
    # a public signal good with probability p after (E, E), q after one shirk, r after two (p > q > r).
    # By hand. In a strongly symmetric PPE whose best payoff v plays (E, E), let v (after good) and w
    # (after bad) be the continuations; v is the largest payoff, so
    #     v <= (1 - d) 2 + d (p v + (1 - p) w)         (promise keeping, continuation after good <= v)
    #     (1 - d)(3 - 2) <= d (p - q)(v - w)           (shirking does not pay)
    # Eliminating w: (1 - d) v <= (1 - d) 2 - d (1 - p)(v - w) <= (1 - d) 2 - (1 - p)(1 - d)/(p - q), so
    #     v <= 2 - (1 - p)/(p - q) = 2 - (1/10)/(3/10) = 5/3,
    # attained when both bind: w = v - (1 - d)/(d (p - q)) = 5/3 - 10/27 = 35/27 >= 0 = the value of (S, S)
    # for ever, so w is the lottery "(S, S) for ever with chance phi, else back to v": (1 - phi) 5/3 = 35/27,
    # phi = 2/9. The profile is checked here by the one-shot deviation code, not the payoff-set engines.
    rg = _ms_game()
    v_star = 2 - (1 - MS_P) / (MS_P - MS_Q)
    phi = 1 - (v_star - (1 - MS_DELTA) / (MS_DELTA * (MS_P - MS_Q))) / v_star
    assert (v_star, phi) == (Fraction(5, 3), Fraction(2, 9))
    profile = (_punish_after_bad_with_chance(phi),) * 2
    assert check_equilibrium(rg, profile, MS_DELTA).holds
    assert values(rg, profile, MS_DELTA).initial == (Fraction(5, 3), Fraction(5, 3))
    # the bound binds: forgiving a little more is worth more than 5/3 and is no longer an equilibrium
    softer = (_punish_after_bad_with_chance(phi - Fraction(1, 100)),) * 2
    assert values(rg, softer, MS_DELTA).initial[0] > v_star and not check_equilibrium(rg, softer, MS_DELTA).holds


@settings(max_examples=20, deadline=None)
@given(st.fractions(Fraction(1, 100), 1, max_denominator=100))
def test_no_punish_after_bad_profile_beats_the_strongly_symmetric_bound(phi):
    # The same family for any chance phi of punishing for ever: an equilibrium exactly when its value is
    # at most 5/3 (the value falls and the shirking constraint tightens as phi grows; they cross at 2/9).
    rg = _ms_game()
    profile = (_punish_after_bad_with_chance(phi),) * 2
    value = values(rg, profile, MS_DELTA).initial[0]
    # by hand: V = (1 - d) 2 / (1 - d + d (1 - p) phi)
    assert value == (1 - MS_DELTA) * 2 / (1 - MS_DELTA + MS_DELTA * (1 - MS_P) * phi)
    assert check_equilibrium(rg, profile, MS_DELTA).holds == (value <= Fraction(5, 3))


# ----------------------------------------------------------------------------- three states

def test_the_three_state_family_has_the_documented_size():
    # Brute force, independently of the search: a table {s0, s1, s2} x {good, bad} -> state reaching all
    # three states from s0 has exactly two labellings (s1 and s2 swapped), so 1/2 of the reaching tables
    # are canonical; times the non-constant outputs (2^3 - 2 = 6) and the good/bad splits (2^|Y| - 2).
    from cybergames.repeated.best import _three_state_arrays
    reaching = 0
    for flat in itertools.product(range(3), repeat=6):
        seen, frontier = {0}, [0]
        while frontier:
            w = frontier.pop()
            for nxt in flat[2 * w: 2 * w + 2]:
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
        reaching += len(seen) == 3
    assert reaching // 2 == 216
    for signals in (2, 4):
        outputs, transitions, splits = _three_state_arrays(2, signals)
        assert len(outputs) == len(transitions) == len(splits) == 6 * 216 * (2 ** signals - 2)


def test_three_states_come_closer_to_the_strongly_symmetric_bound():
    # Mailath & Samuelson (2006), ch. 7: the best strongly symmetric payoff is 5/3 here (derived by hand in
    # test_best_strongly_symmetric_payoff_of_mailath_and_samuelsons_imperfect_monitoring_pd). Identical
    # automata over the public signal give strongly symmetric profiles, so the value found is at most 5/3;
    # a probation state (S, S) for a while after a bad signal does better than any two-state profile.
    rg = _ms_game()
    two = best_equilibrium(rg, MS_DELTA, payoff_set=False, max_states=2)
    three = best_equilibrium(rg, MS_DELTA, payoff_set=False, max_states=3)
    assert three.source == "three-state" and three.check.holds and verify(three).ok
    assert two.value[0] < three.value[0] <= Fraction(5, 3) and three.value[0] == three.value[1]
    assert all(a.num_states == 3 for a in three.profile) and MS_DELTA in three.delta_set


def test_three_states_keep_the_grim_threshold_under_perfect_monitoring():
    # Axelrod's PD at the grim threshold 1/2 (Mailath & Samuelson 2006, sec. 2.4.1): (3, 3) is the
    # utilitarian maximum of the feasible set, so no search can beat it, and the three-state search
    # must not return anything that is not an equilibrium.
    best = best_equilibrium(RepeatedGame(PD), Fraction(1, 2), payoff_set=False, max_states=3)
    assert best.value == (3, 3) and best.check.holds
    assert any(label.startswith("both players with the same three-state") and count == 18144
               for label, count, _ in best.searched)
