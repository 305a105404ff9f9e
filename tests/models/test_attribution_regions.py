"""The attribution game's regions over (q, r): the certified outer bound and the screened inner region.

cybergames/models/_attribution_regions.py: the outer bound (no equilibrium has any restraint below
g / (g + |q - r| (v - P))) is checked piece by piece against independent computations (a linear programme
for v, the monitoring's own distribution for the |q - r| step) and against every exact equilibrium found;
the symmetric reduction of targeted retaliation with the prisoner's dilemma's payoffs against the library's
check_equilibrium and values on the two-state game.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, strategies as st
from scipy.optimize import linprog

from cybergames.models import AttributionModel
from cybergames.models._attribution_regions import outer_terms, targeted_exact, targeted_screen
from cybergames.models._sharing_punishment import reduced_check
from cybergames.models.attribution import ATTACK, RESTRAIN, TARGETED_GRID
from cybergames.repeated import check_equilibrium, targeted_retaliation, values

probabilities = st.fractions(0, 1, max_denominator=20)
deltas = st.fractions(Fraction(1, 20), Fraction(99, 100), max_denominator=100)


@st.composite
def dilemmas(draw):
    """T > R > P > S, integers, built (not filtered); 2R > T + S is not required."""
    S = draw(st.integers(-5, 5))
    P = S + draw(st.integers(1, 5))
    R = P + draw(st.integers(1, 5))
    return R + draw(st.integers(1, 8)), R, P, S


# ------------------------------------------------------------------ the outer bound
def test_the_outer_bound_at_axelrods_payoffs_by_hand():
    # T, R, P, S = 5, 3, 1, 0 (Axelrod 1984, ch. 1). By hand: g = min(5 - 3, 1 - 0) = 1; the most a state gets
    # with the other at >= 1 is on the segment from (3, 3) to (0, 5) where the other's payoff is 1, two thirds
    # of the way: 3 + (2/3) 2 = 13/3 (the segment from (5, 0) to (0, 5) gives 5 + 0 - 1 = 4 < 13/3). So the
    # spread is 13/3 - 1 = 10/3 and, with q - r = 7/10, the bound is 1/(1 + 7/3) = 3/10.
    assert outer_terms(5, 3, 1, 0) == (1, Fraction(10, 3))
    assert AttributionModel().restraint_lower_bound() == Fraction(3, 10)
    assert AttributionModel(detect=Fraction(1, 10)).restraint_lower_bound() == 1         # q = r: never
    assert AttributionModel(T=5.0, R=3.0, P=1.0, S=0.0).restraint_lower_bound() == pytest.approx(0.3)


@given(dilemmas())
def test_the_best_individually_rational_payoff_is_the_linear_programmes(payoffs):
    # Second method for v: maximise v_i over the convex hull of the four payoff pairs subject to v_j >= P (scipy).
    T, R, P, S = payoffs
    points = [(R, R), (S, T), (T, S), (P, P)]                        # (v_j, v_i) of (C, C), (C, D), (D, C), (D, D)
    found = linprog(c=[-p[1] for p in points], A_ub=[[-p[0] for p in points]], b_ub=[-P],
                    A_eq=[[1, 1, 1, 1]], b_eq=[1], bounds=[(0, None)] * 4)
    gain, spread = outer_terms(T, R, P, S)
    assert gain == min(T - R, P - S)
    assert float(spread + P) == pytest.approx(-found.fun, abs=1e-9)


@given(probabilities, probabilities, st.fractions(0, 1, max_denominator=10),
       st.lists(st.fractions(-10, 10, max_denominator=10), min_size=4, max_size=4))
def test_restraint_moves_the_expected_continuation_by_at_most_q_minus_r_times_the_spread(q, r, other, w):
    # The step of the bound that uses the monitoring, checked on the library's own signal distribution: for any
    # continuation w(y) of state 0 and any mixed action of state 1, E[w | restrain] - E[w | attack] lies within
    # |q - r| (max w - min w).
    monitoring = AttributionModel(detect=q, false_flag=r).repeated_game().monitoring
    signals = ((), ("0",), ("1",), ("0", "1"))
    cont = dict(zip(signals, w))

    def expected(mine):
        return sum(weight * p * cont[y] for theirs, weight in ((RESTRAIN, other), (ATTACK, 1 - other))
                   for y, p in monitoring.distribution((mine, theirs)).items())

    assert abs(expected(RESTRAIN) - expected(ATTACK)) <= abs(q - r) * (max(w) - min(w))


@given(dilemmas(), probabilities, probabilities, deltas, st.sampled_from(TARGETED_GRID[::3]))
def test_every_exact_equilibrium_found_respects_the_outer_bound(payoffs, q, r, delta, shape):
    # Targeted retaliation and retaliation after any blame both restrain in the first round, so wherever either
    # is an equilibrium (exactly), delta is at least the bound.
    T, R, P, S = payoffs
    model = AttributionModel(T=T, R=R, P=P, S=S, detect=q, false_flag=r, delta=delta)
    bound = model.restraint_lower_bound()
    K, L, extra, war = shape
    _, gain = reduced_check(2, (R, T, S, T, P, R), q, r, K, L, K + extra, war, delta)
    if gain <= 0:
        assert delta >= bound
    if model.threshold() is not None and delta >= model.threshold():
        assert delta >= bound


def test_below_the_outer_bound_no_candidate_is_an_equilibrium():
    # Consistency with the library at delta = 1/4 < 3/10 (the bound at the defaults): none of the 92 profiles
    # the game answer searches, each restraining in the first round, passes the one-shot deviation check.
    model = AttributionModel(delta=Fraction(1, 4))
    rg = model.repeated_game()
    assert model.restraint_lower_bound() > model.delta
    assert not any(check_equilibrium(rg, profile, model.delta).holds for profile in model.candidate_profiles())


# ------------------------------------------------------------------ the symmetric reduction with the PD's payoffs
@given(probabilities, probabilities, deltas, st.sampled_from(TARGETED_GRID))
def test_the_reduction_matches_the_librarys_check_on_the_two_state_game(q, r, delta, shape):
    model = AttributionModel(detect=q, false_flag=r, delta=delta)
    K, L, extra, war = shape
    value, gain = reduced_check(2, (3, 5, 0, 5, 1, 3), q, r, K, L, K + extra, war, delta)
    profile = targeted_retaliation(K, L, K + extra, war=war, cooperate=RESTRAIN, defect=ATTACK)
    rg = model.repeated_game()
    assert value == values(rg, profile, delta).initial[0]
    assert (gain <= 0) == check_equilibrium(rg, profile, delta).holds


def test_the_reduction_runs_on_arrays_as_on_each_point():
    qs, rs = np.meshgrid(np.linspace(0, 1, 6), np.linspace(0, 0.5, 5))
    value, gain = reduced_check(2, (3.0, 5.0, 0.0, 5.0, 1.0, 3.0), qs, rs, 2, 1, 4, 3, 0.9)
    assert value.shape == gain.shape == qs.shape
    for i, j in itertools.product(range(5), range(6)):
        one = reduced_check(2, (3.0, 5.0, 0.0, 5.0, 1.0, 3.0), float(qs[i, j]), float(rs[i, j]), 2, 1, 4, 3, 0.9)
        assert (value[i, j], gain[i, j]) == pytest.approx(one, abs=1e-12)


# ------------------------------------------------------------------ the inner region
def test_the_screen_and_the_exact_check_agree_with_the_game_answer_at_the_defaults():
    # Second method: the game answer's best equilibrium, found by best_equilibrium over all 92 candidates and
    # confirmed by check_equilibrium, is targeted_retaliation(1, 2, 3), worth about 2.918 per state.
    model = AttributionModel()
    best = model.game_answer(delta_set=False).best
    found = targeted_exact(model)
    assert found == (best.name, best.value[0])
    holds, value = targeted_screen(model, float(model.detect), float(model.false_flag))
    assert holds and value == pytest.approx(float(best.value[0]), abs=1e-9)


def test_at_poor_detection_the_screen_finds_nothing_and_neither_does_the_library():
    # At q = 1/5, delta = 9/10 none of the family is an equilibrium (the model page); the library's check of all
    # 92 candidates agrees with the screen and the exact search. From delta = 99/100 one is.
    model = AttributionModel(detect=Fraction(1, 5))
    assert not targeted_screen(model, 0.2, 0.1)[0]
    assert targeted_exact(model) is None
    rg = model.repeated_game()
    assert not any(check_equilibrium(rg, p, model.delta).holds for p in model.candidate_profiles()[2:])
    patient = model.replace(delta=Fraction(99, 100))
    name, value = targeted_exact(patient)
    assert targeted_screen(patient, 0.2, 0.1)[0] and value > patient.P
    assert name == patient.game_answer(delta_set=False).best.name == "targeted_retaliation(6, 3, 8, war=6)"


@pytest.mark.parametrize("q, r", [(Fraction(3, 5), Fraction(1, 5)), (Fraction(2, 5), Fraction(1, 20)),
                                  (Fraction(1, 2), Fraction(3, 10)), (1, 0)])
def test_the_screens_verdict_is_the_exact_one_at_rational_points(q, r):
    # For each point: the screen's verdict, against the exact reduction of every automaton of the family and,
    # for the best one, the library's check on the two-state game.
    model = AttributionModel(detect=q, false_flag=r)
    holds = bool(targeted_screen(model, float(q), float(r))[0])
    exact = [reduced_check(2, (3, 5, 0, 5, 1, 3), q, r, K, L, K + extra, war, model.delta)
             for K, L, extra, war in TARGETED_GRID]
    assert holds == any(gain <= 0 and value > 1 for value, gain in exact)
    assert (targeted_exact(model) is not None) == holds


@pytest.mark.slow
@pytest.mark.parametrize("payoffs, q, r", [((5, 3, 1, 0), Fraction(4, 5), Fraction(1, 10)),
                                           ((4, 3, 1, 0), Fraction(1, 2), Fraction(1, 5))])
def test_the_payoff_set_bisection_never_finds_restraint_below_the_outer_bound(payoffs, q, r):
    # Second method: the payoff-set bracket of the least delta for a payoff 1/50 of the way from (P, P) to (R, R)
    # (equilibrium_payoff_set's inner set at the upper end: an equilibrium payoff there, so some state restrains).
    # The bound must not exceed it. At the defaults it is 3/10 against about 0.349; a bound with the range R - P
    # in place of 13/3 - 1 would give 1/(1 + (7/10) 2) = 5/12 > 0.3496 and fail here (it would not be valid).
    T, R, P, S = payoffs
    model = AttributionModel(T=T, R=R, P=P, S=S, detect=q, false_flag=r, cooperation_share=Fraction(1, 50))
    found = model.game_answer(delta_set=False).share_bracket
    assert found.found and found.upper is not None
    assert model.restraint_lower_bound() <= found.upper
