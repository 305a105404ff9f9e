"""Thresholds and best payoffs read off payoff sets (cybergames/repeated/payoff_sets/derived.py)."""

import dataclasses
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import (Monitoring, NormalFormGame, RepeatedGame, check_equilibrium, matching_pennies,
                        prisoners_dilemma, trigger_on_signal, verify)
from cybergames.errors import DiscountFactorError, GameError, ParameterError
from cybergames.repeated.payoff_sets import equilibrium_payoff_set
from cybergames.strategies import normal_form_games, prisoners_dilemmas
from cybergames.repeated.payoff_sets.derived import (best_symmetric_payoff, min_discount_factor_for_payoff,
                                                     most_cooperative_payoff)

PD = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]], actions=[["C", "D"], ["C", "D"]])


def test_mutual_cooperation_needs_one_seventh():
    # Grim trigger (Friedman 1971; Mailath & Samuelson 2006, sec. 2.4.2): (C, C) forever is an
    # equilibrium iff delta >= (T - R)/(T - P) = (10 - 9)/(10 - 3) = 1/7.
    # (9, 9) is a vertex of the feasible set and P = 3 is both the stage Nash and the pure minmax payoff,
    # so the answer is exact; the float game goes through the payoff sets instead.
    bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (9, 9), xtol=1e-4)
    assert bracket.exact and bracket.lower == bracket.upper == Fraction(1, 7)
    floats = NormalFormGame([[[9.0, 1.0], [10.0, 3.0]], [[9.0, 10.0], [1.0, 3.0]]])
    bracket = min_discount_factor_for_payoff(RepeatedGame(floats), (9.0, 9.0), xtol=1e-4)
    assert bracket.found and bracket.lower <= 1 / 7 <= bracket.upper and bracket.width <= 1e-4


def test_the_asymmetric_vertex_needs_one_quarter():
    # (39/4, 3) is a vertex of the folk region reached at delta = 1/4 (see payoff_sets/test_polygon.py:
    # y = 3/4 there, and y < 3/4 below).
    bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (9.75, 3), xtol=1e-3)
    assert bracket.found and bracket.lower <= 0.25 <= bracket.upper and bracket.width <= 1e-3


def test_a_feasible_payoff_out_of_reach_is_reported_as_not_found():
    # (9.5, 4) is feasible (below the edge from (9, 9) to (10, 1)) but gives player 1 more than any
    # equilibrium at delta <= 0.15 (the set is the segment [(3, 3), (9, 9)] below d2 = 0.247...).
    bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (9.5, 4), upper=0.15, xtol=1e-2)
    assert not bracket.found and bracket.upper is None and math.isinf(bracket.width)


def test_a_nash_payoff_needs_no_patience():
    bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (3, 3))
    assert bracket.found and bracket.lower == 0.0 and bracket.upper == 0.0


def test_best_symmetric_and_most_cooperative_payoffs():
    patient = equilibrium_payoff_set(RepeatedGame(PD), 0.5)
    impatient = equilibrium_payoff_set(RepeatedGame(PD), 0.1)
    assert best_symmetric_payoff(patient).payoff == (9.0, 9.0)
    assert best_symmetric_payoff(impatient).payoff == (3.0, 3.0)
    best = most_cooperative_payoff(patient)
    assert best.payoff == (9.0, 9.0) and best.value == 18.0 and best.upper >= 18.0
    # weighting player 0 heavily picks the vertex (39/4, 3) of the folk region
    assert most_cooperative_payoff(patient, weights=(1, 0.01)).payoff == pytest.approx((9.75, 3.0))


def test_an_empty_set_has_no_best_payoff():
    empty = equilibrium_payoff_set(RepeatedGame(matching_pennies()), 0.9)
    assert best_symmetric_payoff(empty).payoff is None
    assert most_cooperative_payoff(empty).payoff is None


def test_derived_answers_reject_bad_input():
    rg = RepeatedGame(PD)
    with pytest.raises(DiscountFactorError):
        min_discount_factor_for_payoff(rg, (9, 9), lower=0.5, upper=0.4)
    with pytest.raises(DiscountFactorError):
        min_discount_factor_for_payoff(rg, (9, 9), upper=1.0)
    with pytest.raises(GameError, match="payoff"):
        min_discount_factor_for_payoff(rg, (9, 9, 9))
    with pytest.raises(ParameterError, match="xtol"):
        min_discount_factor_for_payoff(rg, (9, 9), xtol=0)
    with pytest.raises(ParameterError, match="EquilibriumPayoffSet"):
        best_symmetric_payoff(PD)


def test_fraction_measures_from_the_stage_nash_payoff():
    # Issue 4's prisoner's dilemma: Nash payoff (3, 3), cooperation (9, 9); a quarter of the way is
    # (4.5, 4.5). By hand it needs delta >= 1/7 at most (grim trigger with public randomisation over
    # (C, C) and (D, D) keeps the same constraint 9 >= (1 - d) 10 + 3 d on the cooperative branch).
    from cybergames import NormalFormGame, RepeatedGame
    pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    bracket = min_discount_factor_for_payoff(RepeatedGame(pd), (9, 9), fraction=0.25, xtol=1e-3)
    assert bracket.payoff == (4.5, 4.5) and bracket.width <= 1e-3 and bracket.upper <= 1 / 7 + 1e-3


def test_a_payoff_outside_the_feasible_set_is_refused():
    from cybergames import NormalFormGame, RepeatedGame
    from cybergames.errors import GameError, ParameterError
    pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    with pytest.raises(GameError, match="feasible"):
        min_discount_factor_for_payoff(RepeatedGame(pd), (10, 10))
    with pytest.raises(ParameterError, match="fraction"):
        min_discount_factor_for_payoff(RepeatedGame(pd), (9, 9), fraction=2)


# ----------------------------------------------------------------------------- the least delta, exactly

def test_mutual_cooperation_in_axelrods_prisoners_dilemma_needs_exactly_one_half():
    # Axelrod's PD (T, R, P, S) = (5, 3, 1, 0); Mailath & Samuelson (2006), sec. 2.4.1 (grim trigger) and
    # sec. 2.1 (every equilibrium payoff is at least the pure minmax value). By hand:
    # * (3, 3) is a vertex of the feasible set conv{(3,3), (0,5), (5,0), (1,1)} (2R > T + S), so an
    #   equilibrium worth (3, 3) plays (C, C) for ever (any other profile or continuation lowers the sum);
    # * a deviation gains T - R = 2 today and is followed by some equilibrium payoff >= P = 1 (the pure
    #   minmax value), so 3 >= (1 - d) 5 + d 1 is necessary: d >= 2/4 = 1/2;
    # * grim trigger (reversion to (D, D), worth exactly P) meets it with equality at d = 1/2.
    rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
    bracket = min_discount_factor_for_payoff(rg, (3, 3))
    assert bracket.exact and bracket.lower == bracket.upper == Fraction(1, 2)
    assert isinstance(bracket.lower, Fraction) and bracket.found
    # the profile it names is an equilibrium at 1/2 and not just below (checked by the one-shot deviation code)
    assert check_equilibrium(rg, bracket.profile, Fraction(1, 2)).holds
    assert not check_equilibrium(rg, bracket.profile, Fraction(499, 1000)).holds
    assert verify(bracket).ok


def test_a_vertex_that_a_player_can_always_improve_on_is_never_an_equilibrium_payoff():
    # (S, T) = (0, 5) needs (C, D) for ever; player 0 gets 0 <= P = 1, his pure minmax value, and gains
    # P - S = 1 by defecting: no delta < 1 deters him (Mailath & Samuelson 2006, sec. 2.1).
    bracket = min_discount_factor_for_payoff(RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0)), (0, 5))
    assert not bracket.found and bracket.upper is None and bracket.lower == 1
    assert "minmax" in bracket.certificate and verify(bracket).ok


def test_a_stage_nash_payoff_needs_no_patience_exactly():
    bracket = min_discount_factor_for_payoff(RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0)), (1, 1))
    assert bracket.exact and bracket.lower == bracket.upper == 0


def test_a_punishment_below_the_stage_nash_payoff_leaves_an_exact_lower_end():
    # Axelrod's PD with a third action X for each player that costs the other 1 (u = -1 against X) and
    # himself 2: X is strictly dominated, so (D, D) is still the only stage Nash equilibrium, but the pure
    # minmax value falls to -1. For (3, 3), by hand: necessary 3 >= (1 - d) 5 + d (-1), d >= 2/6 = 1/3;
    # Nash reversion needs d >= 1/2. The exact lower end is 1/3; the upper end comes from the payoff sets
    # (stick-and-carrot punishments reach -1 here, so it lies just above 1/3).
    X = NormalFormGame([[[3, 0, -1], [5, 1, -1], [-2, -2, -2]], [[3, 5, -2], [0, 1, -2], [-1, -1, -2]]],
                       actions=[["C", "D", "X"]] * 2)
    bracket = min_discount_factor_for_payoff(RepeatedGame(X), (3, 3), xtol=1e-4)
    assert bracket.lower == Fraction(1, 3) and isinstance(bracket.lower, Fraction)
    assert bracket.found and not bracket.exact and bracket.width <= 1e-3
    assert verify(bracket).ok


@settings(max_examples=15)
@given(prisoners_dilemmas(repeated=True, max_gap=20))
def test_mutual_cooperation_needs_exactly_the_grim_trigger_threshold(game):
    # In every PD with 2R > T + S, P is both the stage Nash and the pure minmax payoff, so the necessary
    # condition R >= (1 - d) T + d P and grim trigger's sufficient one coincide: d* = (T - R)/(T - P).
    (R, S), (T, P) = game.payoffs[0].tolist()
    bracket = min_discount_factor_for_payoff(RepeatedGame(game), (R, R))
    assert bracket.exact and bracket.lower == bracket.upper == Fraction(T - R, T - P)
    assert verify(bracket).ok


def test_a_forged_lower_end_fails_verification():
    rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
    bracket = min_discount_factor_for_payoff(rg, (3, 3))
    assert not verify(dataclasses.replace(bracket, lower=Fraction(3, 5))).ok   # grim holds at 0.6 - 0.0004
    assert not verify(dataclasses.replace(bracket, upper=Fraction(2, 5))).ok   # grim fails at 2/5
    float_bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (9.75, 3), xtol=1e-3)
    assert verify(float_bracket).ok
    assert not verify(dataclasses.replace(float_bracket, lower=0.3)).ok       # (39/4, 3) is in V(0.3)


def test_the_bracket_is_at_most_one_thousandth_wide_under_public_monitoring():
    # Mailath & Samuelson (2006), ch. 7 (secs. 7.2 and 7.7): the PD u(E, E) = 2, u(S, E) = 3, u(E, S) = -1,
    # u(S, S) = 0 with a public signal that is good with probability p = 0.9 after (E, E), q = 0.6 after one
    # shirk, r = 0.3 after two. By hand, an upper bound on the least delta for (1, 1): at d = 2/3 the
    # profile "(E, E) until the first bad signal, then (S, S) for ever" is a PPE (shirking gains
    # (1 - d)(3 - 2) = 1/3 and loses d (p - q) V = (2/3)(0.3)(5/3) = 1/3, with V = (1 - d) 2/(1 - d p) = 5/3),
    # and a public lottery between it and (S, S) for ever gives (1, 1). So d* <= 2/3.
    game = prisoners_dilemma(3.0, 2.0, 0.0, -1.0)
    good = {("C", "C"): 0.9, ("C", "D"): 0.6, ("D", "C"): 0.6, ("D", "D"): 0.3}
    rg = RepeatedGame(game, Monitoring(game, ["good", "bad"], {a: {"good": g, "bad": 1 - g} for a, g in good.items()}))
    # The search runs over the whole of [0, 0.999] with the default engine.
    bracket = min_discount_factor_for_payoff(rg, (1, 1), xtol=1e-3)
    assert bracket.found and bracket.width <= 1e-3 and bracket.upper <= 2 / 3 + 1e-3
    assert isinstance(bracket.lower, float) and verify(bracket).ok


def test_the_attribution_dilemma_gets_a_bracket_one_thousandth_wide_where_a_set_beyond_nash_appears():
    # The attribution PD (5, 3, 1, 0) with q = 0.9, r = 0.1 and half of mutual cooperation, (2, 2). Below
    # about delta = 0.3088 the only perfect public equilibrium payoff is the stage Nash payoff (1, 1); there a
    # set appears at once, with vertices near (3.82, 1.09) and (1.09, 3.82) (asymmetric payoffs, which need
    # one state to attack while the other restrains in some rounds), whose hull with (1, 1) holds (2, 2). A second method for the lower end:
    # the JYC engine's outer set at lower - 0.01 excludes (2, 2) too. A second method for the upper
    # end: the inner set at upper passes verify's independent generation program.
    from cybergames import noisy_attribution
    game = prisoners_dilemma(5.0, 3.0, 1.0, 0.0)
    rg = RepeatedGame(game, noisy_attribution(game, 0.9, 0.1))
    bracket = min_discount_factor_for_payoff(rg, (3, 3), fraction=0.5, xtol=1e-3)
    assert bracket.payoff == (2.0, 2.0) and bracket.found and bracket.width <= 1e-3
    assert 0.30 < bracket.lower < bracket.upper < 0.32 and verify(bracket).ok
    below = equilibrium_payoff_set(rg, bracket.lower - 0.01, method="jyc", tol=1e-4)
    assert below.contains((2.0, 2.0), tol=1e-9) is False
    above = equilibrium_payoff_set(rg, bracket.upper, tol=1e-4)
    assert above.contains((2.0, 2.0), tol=1e-9) is True and verify(above).ok


def test_mutual_cooperation_under_full_support_monitoring_is_certified_out_of_reach():
    # Mailath & Samuelson (2006), ch. 7: under full-support public monitoring (R, R) is no PPE payoff of the
    # prisoner's dilemma at any delta < 1. (R, R) is a vertex of the feasible set, so every continuation
    # after (C, C) must be (R, R) itself, and then defecting (gain T - R = 2) goes unpunished.
    from cybergames import noisy_attribution
    game = prisoners_dilemma(5, 3, 1, 0)
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(1, 10)))
    bracket = min_discount_factor_for_payoff(rg, (3, 3))
    assert not bracket.found and bracket.lower == 1 and bracket.evaluations == 0
    assert "player 0 gains 2 by playing D" in bracket.certificate and verify(bracket).ok
    # verify re-reads the monitoring: the same claim about a game where blame only follows an attack fails
    without_false_flags = RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(0)))
    assert not verify(dataclasses.replace(bracket, game=without_false_flags)).ok
    assert not verify(dataclasses.replace(bracket, payoff=(Fraction(5, 2), Fraction(5, 2)))).ok
    # A deviation that shows up in a signal the path never produces can be punished: perfect monitoring
    # (the signal is the profile) gives (R, R) from (T - R)/(T - P) = 1/2.
    assert min_discount_factor_for_payoff(RepeatedGame(game), (3, 3)).upper == Fraction(1, 2)


def test_explicit_equilibria_certify_the_upper_end_where_the_inner_set_does_not():
    # The attribution defaults (5, 3, 1, 0; q = 4/5, r = 1/10) with no iteration at all (max_iter=0): the
    # inner set is only the trigger seed, the outer one the feasible set. The upper end then comes from
    # targeted retaliation, an explicit PPE: a public lottery between its value (about (2.9, 2.9) once it
    # is an equilibrium) and the stage equilibrium (1, 1) gives (5/2, 5/2).
    from cybergames import noisy_attribution
    game = prisoners_dilemma(5, 3, 1, 0)
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(1, 10)))
    bracket = min_discount_factor_for_payoff(rg, (Fraction(5, 2), Fraction(5, 2)), xtol=1e-3, method="hyperplane",
                                             directions=8, max_iter=0)
    assert bracket.found and bracket.witnesses and bracket.upper < 0.9
    for profile in bracket.witnesses:                  # each an equilibrium at upper, in exact arithmetic too
        assert check_equilibrium(rg, profile, Fraction(bracket.upper)).holds
    assert verify(bracket).ok
    grim = trigger_on_signal(lambda y: len(y) > 0)     # collective retaliation: not an equilibrium at 0.69
    assert not check_equilibrium(rg, (grim, grim), Fraction(bracket.upper)).holds
    assert not verify(dataclasses.replace(bracket, witnesses=((grim, grim),))).ok


@pytest.mark.parametrize("n, multiplier", [(3, 2), (4, 3), (3, Fraction(5, 2))])
def test_full_contribution_in_a_public_goods_game_needs_exactly_the_hand_threshold(n, multiplier):
    # Linear public goods (cost c = 1, u_i = m k / n - [i contributes]); Mailath & Samuelson (2006), secs. 2.1
    # and 2.4.1 argued for n players. By hand: everyone contributing pays m - 1 and is a vertex of the
    # feasible set; a defector saves 1 - m/n today; not contributing is dominant, so the pure minmax value
    # and the stage Nash payoff are both 0 (no one contributes). Hence
    #     m - 1 >= (1 - d)(m - 1 + 1 - m/n) + d 0   <=>   d >= (1 - m/n)/(1 - m/n + m - 1),
    # 1/4 for n = 3, m = 2.
    from cybergames import public_goods, sustainable_discount_factors
    rg = RepeatedGame(public_goods(n, multiplier, 1))
    gain, value = 1 - Fraction(multiplier) / n, Fraction(multiplier) - 1
    bracket = min_discount_factor_for_payoff(rg, (value,) * n)
    assert bracket.exact and bracket.lower == bracket.upper == gain / (gain + value)
    # the reversion profile's own delta-set, from the exact one-profile solver, starts there too
    assert sustainable_discount_factors(rg, bracket.profile).infimum == bracket.upper
    assert verify(bracket).ok


@settings(max_examples=15, deadline=None)
@given(normal_form_games(players=2, actions=2, min_value=-3, max_value=3), st.data())
def test_the_exact_answer_agrees_with_the_polygon_method(game, data):
    # A second method: the polygon payoff sets (Abreu-Sannikov style, float) just below the exact least
    # delta cannot contain the vertex in their inner set, and just above cannot miss it from their outer set.
    from cybergames.repeated.geometry import feasible_payoffs
    vertex = data.draw(st.sampled_from(feasible_payoffs(game).vertices.tolist()))
    rg = RepeatedGame(game)
    bracket = min_discount_factor_for_payoff(rg, vertex)
    point = [float(v) for v in vertex]
    # exact ends where the two closed-form ends agree; otherwise a bisected float bracket (the game
    # [[0, 1], [-1, 0]], [[2, 1], [0, 0]] at (1, 1): the column player's Nash payoff 2 punishes nothing,
    # and the bracket closes on 0.618..., an irrational threshold)
    assert (isinstance(bracket.lower, Fraction) or not bracket.exact) and verify(bracket).ok
    if not bracket.found:
        if bracket.lower == 1:                # certified "no delta < 1": not even at 0.99
            assert equilibrium_payoff_set(rg, 0.99).contains(point, tol=1e-9) is not True
        return
    if bracket.lower >= Fraction(1, 100):
        below = equilibrium_payoff_set(rg, float(bracket.lower) - 0.01)
        assert below.contains(point, tol=1e-9) is not True
    if bracket.upper <= Fraction(98, 100):
        above = equilibrium_payoff_set(rg, float(bracket.upper) + 0.01)
        assert above.contains(point, tol=1e-9) is not False


# ----------------------------------------------------------------------------- a payoff inside the set, exactly

def test_half_of_mutual_cooperation_needs_one_seventh_in_a_rational_bracket_of_width_1e_12():
    # PD with T, R, P, S = 10, 9, 3, 0 (argument order of prisoners_dilemma), fraction 1/2 of the way from the
    # stage Nash payoff (3, 3) to (R, R): the payoff (6, 6), not a vertex of the feasible set. By hand:
    # * below 1/7 only (D, D) is enforceable (Mailath & Samuelson 2006, sec. 2.5, the quadrant condition
    #   w_i >= m_i + (1 - delta)/delta g_i with the minmax m = (3, 3)): (C, C) needs w_i > 3 + 6 = 9 for both
    #   players, a sum above 18 = 2R, the largest feasible sum; (D, C) needs the cooperator's w > 3 + 3 * 6 = 21,
    #   above every payoff. So V(delta) = {(3, 3)} and (6, 6) is out of reach;
    # * at 1/7 grim trigger holds with equality (9 = (6/7) 10 + (1/7) 3; sec. 2.4.1), so the segment from
    #   (3, 3) to (9, 9) is self-generating and its midpoint (6, 6) is an equilibrium payoff (public lottery).
    # The float bisection alone gave [0.14244, 0.14341]; the exact polygons give (1/7 - 1e-12, 1/7].
    rg = RepeatedGame(prisoners_dilemma(10, 9, 3, 0))
    bracket = min_discount_factor_for_payoff(rg, (9, 9), fraction=Fraction(1, 2), xtol=1e-3)
    assert bracket.payoff == (6, 6) and bracket.found
    assert bracket.upper == Fraction(1, 7) and bracket.lower == Fraction(1, 7) - Fraction(1, 10 ** 12)
    assert isinstance(bracket.lower, Fraction) and not bracket.exact      # a bracket, attained at its upper end
    assert set(bracket.polygon) == {(3, 3), (9, 9)}
    assert verify(bracket).ok


def test_half_of_mutual_cooperation_in_axelrods_prisoners_dilemma_needs_one_quarter():
    # T, R, P, S = 5, 3, 1, 0 and fraction 1/2: the payoff (2, 2), reached long before (3, 3) (exactly 1/2).
    # By hand, the triangle Z with vertices (1, 1), (4, 1), (1, 4) is self-generating at delta = 1/4 (APS 1990,
    # Theorem 1; Mailath & Samuelson 2006, sec. 2.5.1): (1, 1) is the stage Nash payoff; (4, 1) is
    # (3/4)(5, 0) + (1/4)(1, 4) from (D, C), where the cooperator's continuation 4 is her worst payoff in Z, 1,
    # plus (1 - delta)/delta (P - S) = 3, and the defector has no gain; (1, 4) likewise. (2, 2) is the centroid.
    # Below 1/4 the exact outer sequence excludes (2, 2) (19 steps at 1/4 - 1e-12); the float polygon method,
    # a second computation, agrees just below.
    rg = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
    bracket = min_discount_factor_for_payoff(rg, (3, 3), fraction=Fraction(1, 2), xtol=1e-3)
    assert bracket.payoff == (2, 2) and bracket.upper == Fraction(1, 4)
    assert bracket.upper - bracket.lower == Fraction(1, 10 ** 12)
    assert set(bracket.polygon) == {(1, 1), (4, 1), (1, 4)} and verify(bracket).ok
    assert equilibrium_payoff_set(rg, 0.2499, tol=1e-9).contains((2.0, 2.0), tol=1e-9) is False
    assert equilibrium_payoff_set(rg, 0.25, tol=1e-9).contains((2.0, 2.0), tol=1e-9) is True


def test_an_irrational_threshold_keeps_the_float_bracket():
    # The quadrilateral of the PD, with vertices (3, 3), (9 + y, 3), (9, 9), (3, 9 + y), is generated
    # where y^2 - (1 - delta) y + 6 (2 - 8 delta) = 0 has a real root (derived in
    # docs/explanation/equilibrium-payoff-sets.rst): from delta0 = 12 sqrt(63) - 95 = 0.247047..., with the
    # double root y = (1 - delta0) / 2 = 0.37648 there. (75/8, 3) has y = 3/8 < 0.37648, so it lies in the
    # quadrilateral as soon as it appears, and not before: its least delta is delta0, irrational. No rational
    # is certified there, so the answer is the bisected float bracket, with no exact claim.
    bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (Fraction(75, 8), 3), xtol=1e-3)
    assert bracket.polygon == () and isinstance(bracket.upper, float) and not bracket.exact
    assert bracket.lower <= 12 * math.sqrt(63) - 95 <= bracket.upper and bracket.width <= 1e-3


def test_a_vertex_of_the_quadrilateral_enters_at_the_larger_root():
    # (19/2, 3) needs the quadrilateral's vertex to reach y = 1/2, the larger root of the quadratic above:
    # 1/4 - (1 - delta)/2 + 12 - 48 delta = 0, i.e. delta = (47/4) / (95/2) = 47/190 = 0.247368..., above
    # delta0 = 0.247047 where the quadrilateral appears with y = 0.3765. The float bracket holds 47/190 and
    # not delta0; the float polygon method, a second computation, agrees on both sides of 47/190.
    bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (Fraction(19, 2), 3), xtol=1e-4)
    assert bracket.lower <= Fraction(47, 190) <= bracket.upper and bracket.width <= 1e-4
    assert bracket.lower > 12 * math.sqrt(63) - 95
    rg = RepeatedGame(PD)
    assert equilibrium_payoff_set(rg, 47 / 190 - 1e-4, tol=1e-7).contains((9.5, 3.0), tol=1e-9) is False
    assert equilibrium_payoff_set(rg, 47 / 190 + 1e-4, tol=1e-7).contains((9.5, 3.0), tol=1e-9) is True


def test_a_forged_exact_bracket_fails_verification():
    rg = RepeatedGame(prisoners_dilemma(10, 9, 3, 0))
    bracket = min_discount_factor_for_payoff(rg, (9, 9), fraction=Fraction(1, 2), xtol=1e-3)
    assert not verify(dataclasses.replace(bracket, upper=Fraction(1, 8))).ok    # (9, 9) not generated at 1/8
    assert not verify(dataclasses.replace(bracket, lower=Fraction(1, 6))).ok    # (6, 6) is in V(1/6)
    assert not verify(dataclasses.replace(bracket, polygon=((3, 3), (5, 5)))).ok   # (6, 6) not in it


@settings(max_examples=5, deadline=None)
@given(prisoners_dilemmas(max_gap=6), st.sampled_from([Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)]))
def test_an_exact_rational_bracket_agrees_with_the_float_polygon_method(game, fraction):
    # Where the exact polygons certify a rational bracket, verify re-checks it (the polygon at upper by the
    # linear program written from the definition of B), and the float polygon method, a second computation,
    # neither contains the payoff in its inner set just below nor misses it from its outer set at upper.
    (R, _), (T, P) = game.payoffs[0].tolist()
    rg = RepeatedGame(game)
    bracket = min_discount_factor_for_payoff(rg, (R, R), fraction=fraction, xtol=1e-3)
    assert bracket.found and bracket.width <= 1e-3
    if not bracket.polygon:
        return
    assert bracket.width == Fraction(1, 10 ** 12) and verify(bracket).ok
    point = [float(v) for v in bracket.payoff]
    assert equilibrium_payoff_set(rg, float(bracket.upper), tol=1e-9).contains(point, tol=1e-9) is not False
    if bracket.lower >= Fraction(1, 100):
        below = equilibrium_payoff_set(rg, float(bracket.lower) - 0.01, tol=1e-9)
        assert below.contains(point, tol=1e-9) is not True
    assert bracket.upper <= Fraction(T - R, T - P)     # grim trigger gives (R, R), hence the lottery, from there


def test_a_deviation_that_loses_today_is_not_rewarded_by_reverting_to_a_better_nash_payoff():
    # Found by the development profile. u1 = [[0, 3], [0, 2]], u2 = [[2, 0], [-2, -1]], the vertex (2, -1) of
    # (row 1, column 1). By hand: player 0 gains 3 - 2 = 1 by deviating, and his pure minmax value is 0
    # (column 0 holds him to 0), so d >= 1 / (1 + 2 - 0) = 1/3 is necessary (Mailath & Samuelson 2006,
    # sec. 2.1); the only pure Nash profile, (0, 0), pays him 0, so reverting to it after his deviation
    # attains 1/3. Player 1's deviation loses today (-2 < -1), but reverting to (0, 0) would pay him 2 > -1
    # for ever: (1 - d)(-2) + 2d >= -1 iff d >= 1/4, so Nash reversion after *his* deviation fails from
    # 1/4 on. The profile must leave his deviation unpunished; it then holds at 1/3 and every larger d.
    rg = RepeatedGame(NormalFormGame([[[0, 3], [0, 2]], [[2, 0], [-2, -1]]]))
    bracket = min_discount_factor_for_payoff(rg, (2, -1))
    assert bracket.exact and bracket.lower == bracket.upper == Fraction(1, 3)
    for delta in (Fraction(1, 3), Fraction(1, 2), Fraction(99, 100)):
        assert check_equilibrium(rg, bracket.profile, delta).holds
    assert not check_equilibrium(rg, bracket.profile, Fraction(33, 100)).holds
    assert verify(bracket).ok


def test_an_extreme_payoff_is_reached_when_a_deviation_shows_in_a_signal_the_path_never_produces():
    # noisy_attribution with no false flags (r = 0): after (C, C) nobody is ever blamed, so blame is a signal
    # the path never produces and the vertex argument does not rule (3, 3) out. By hand: an equilibrium
    # giving (3, 3) plays (C, C) for ever with continuation (3, 3) while nobody is blamed; a defector gains
    # T - R = 2 now and is blamed with probability q = 4/5, after which his continuation is at least his
    # minmax P = 1 (reached by Nash reversion). So (1 - d) 2 <= d (4/5)(3 - 1), i.e. d >= 2 / (2 + 8/5) = 5/9.
    from cybergames import noisy_attribution
    game = prisoners_dilemma(5, 3, 1, 0)
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(0)))
    bracket = min_discount_factor_for_payoff(rg, (3, 3), xtol=1e-3)
    assert bracket.found and bracket.lower <= Fraction(5, 9) <= bracket.upper and bracket.width <= 1e-3
    assert verify(bracket).ok


@st.composite
def _full_support_games(draw):
    from cybergames.strategies import monitoring_structures
    game = draw(normal_form_games(actions=draw(st.sampled_from([2, 3])), min_value=-3, max_value=3))
    return RepeatedGame(game, draw(monitoring_structures(game, min_signals=2, max_signals=3, full_support=True)))


@given(_full_support_games())
def test_under_full_support_an_extreme_payoff_is_out_of_reach_iff_no_stage_nash_pays_it(rg):
    # Second method: with full support every deviation produces only signals the path produces, so the
    # vertex argument rules a vertex out exactly when no profile paying it is a stage Nash equilibrium,
    # which is checked here by brute force over unilateral deviations. A vertex some stage equilibrium pays
    # is an equilibrium payoff at every delta (that equilibrium for ever), found at the search's lower end.
    import itertools
    import numpy as np
    from cybergames.repeated.geometry import feasible_payoffs
    from cybergames.repeated.payoff_sets._vertex import undeterrable_vertex
    game = rg.stage
    u = game.payoffs
    for vertex in feasible_payoffs(game).vertices.tolist():
        paying = [idx for idx in itertools.product(*map(range, game.shape))
                  if all(u[i][idx] == vertex[i] for i in range(2))]
        nash = [idx for idx in paying
                if all(u[i][idx] >= u[i][idx[:i] + (k,) + idx[i + 1:]] for i in range(2) for k in range(game.shape[i]))]
        reason = undeterrable_vertex(rg, tuple(vertex))
        assert (reason is not None) == (not nash)
        if reason is not None:
            bracket = min_discount_factor_for_payoff(rg, tuple(vertex))
            assert not bracket.found and bracket.lower == 1 and bracket.evaluations == 0
            assert verify(bracket).ok


def _three_player_public_goods():
    from cybergames import noisy_attribution, public_goods
    game = public_goods(3)
    return RepeatedGame(game, noisy_attribution(game, 0.9, 0.1))


def test_one_point_certificates_in_a_three_player_public_goods_game():
    # public_goods(3) (multiplier 2, cost 1) with noisy attribution (detect 0.9, false flag 0.1): the payoff
    # (1/2, 1/2, 1/2), half the gain of all contributing, is no equilibrium payoff at delta = 0.3 and is one at
    # 0.6 (the whole payoff set: see payoff_sets/test_projection_space.py). Each answer is re-checked by a
    # second program: the outer levels from verify.outer_levels (dense programs of its own), the inner
    # vertices by generated_residuals (the polytope's facets instead of lotteries over its vertices).
    import numpy as np
    from cybergames.repeated.payoff_sets import membership
    from cybergames.repeated.payoff_sets.stage import stage_of
    from cybergames.repeated.payoff_sets.verify import generated_residuals, outer_levels
    rg = _three_player_public_goods()
    stage = stage_of(rg, any_players=True)
    point = np.array([0.5, 0.5, 0.5])
    directions = membership.point_directions(stage, point)
    steps = membership.outer_exclusion(stage, 0.3, point, directions)
    assert steps is not None and membership.inner_containing(stage, 0.3, point, directions) is None
    H, c = outer_levels(stage, 0.3, directions, steps)
    assert (H @ point - c).max() > 0
    vertices = membership.inner_containing(stage, 0.6, point, directions)
    assert vertices is not None and membership.outer_exclusion(stage, 0.6, point, directions) is None
    assert max(generated_residuals(rg, 0.6, vertices)) <= 1e-7
    from cybergames.repeated.geometry import Polytope
    assert Polytope.from_points(vertices.tolist()).contains(point.tolist(), tol=0.0)


@pytest.mark.slow
def test_three_player_least_delta_is_certified_at_both_ends():
    # The three-player case: half the gain of all contributing, xtol 1e-3. The ends are checked
    # apart from the search: at lower the outer set of the JYC engine (its own directions, adaptive
    # normals and Newton bound) excludes the payoff; at upper verify re-checks the polytope, and each of
    # its vertices is generated by it under the facet form of the program as well.
    import numpy as np
    from cybergames.repeated.geometry import Polytope
    from cybergames.repeated.payoff_sets.verify import generated_residuals
    rg = _three_player_public_goods()
    bracket = min_discount_factor_for_payoff(rg, (1.0, 1.0, 1.0), fraction=0.5, xtol=1e-3)
    assert bracket.payoff == (0.5, 0.5, 0.5) and bracket.found and 0 < bracket.lower < bracket.upper < 1
    assert (bracket.width > 1e-3) == ("wider than xtol" in bracket.certificate)
    assert verify(bracket).ok
    outer = equilibrium_payoff_set(rg, bracket.lower, method="jyc", tol=1e-2).outer
    assert not outer.contains(list(bracket.payoff), tol=1e-9)
    vertices = np.array(bracket.inner_set)
    assert max(generated_residuals(rg, bracket.upper, vertices)) <= 1e-7
    assert Polytope.from_points(vertices.tolist()).contains(list(bracket.payoff), tol=0.0)
    assert not verify(dataclasses.replace(bracket, lower=bracket.upper)).ok          # the cut is not there
    assert not verify(dataclasses.replace(bracket, upper=bracket.lower)).ok          # nor the polytope


def test_three_player_least_delta_under_perfect_monitoring_meets_grim_trigger():
    # public_goods(3) (m = 2, c = 1) observed perfectly; half the gain of all contributing is (1/2, 1/2, 1/2).
    # By hand (Mailath & Samuelson 2006, secs. 2.1 and 2.5.1): grim trigger sustains (1, 1, 1) iff
    # 1 >= (1 - d) 4/3, i.e. d >= 1/4, and a public lottery between it and the stage Nash payoff (0, 0, 0)
    # gives (1/2, 1/2, 1/2); so the least delta is at most 1/4, and the certified lower end cannot pass it.
    from cybergames import grim_trigger, public_goods
    rg = RepeatedGame(public_goods(3))
    grim = grim_trigger(cooperate="C", defect="D")
    assert check_equilibrium(rg, (grim,) * 3, Fraction(1, 4)).holds
    assert not check_equilibrium(rg, (grim,) * 3, Fraction(1, 5)).holds
    bracket = min_discount_factor_for_payoff(rg, (1, 1, 1), fraction=0.5, xtol=1e-3)
    assert bracket.found and bracket.lower <= 0.25 and bracket.width <= 1e-3
    assert bracket.inner_set and bracket.outer_sequence and verify(bracket).ok
    assert not verify(dataclasses.replace(bracket, lower=bracket.upper + 0.01)).ok
