"""Thresholds and best payoffs read off payoff sets (cybergames/repeated/payoff_sets/derived.py)."""

import math

import pytest

from cybergames import NormalFormGame, RepeatedGame, matching_pennies
from cybergames.errors import DiscountFactorError, GameError, ParameterError
from cybergames.repeated.payoff_sets import equilibrium_payoff_set
from cybergames.repeated.payoff_sets.derived import (best_symmetric_payoff, min_discount_factor_for_payoff,
                                                     most_cooperative_payoff)

PD = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]], actions=[["C", "D"], ["C", "D"]])


def test_mutual_cooperation_needs_one_seventh():
    # Grim trigger (Friedman 1971; Mailath & Samuelson 2006, sec. 2.4.2): (C, C) forever is an
    # equilibrium iff delta >= (T - R)/(T - P) = (10 - 9)/(10 - 3) = 1/7.
    bracket = min_discount_factor_for_payoff(RepeatedGame(PD), (9, 9), xtol=1e-4)
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
