"""verify() re-checks repeated-game results independently, and catches tampered ones."""

import dataclasses
from fractions import Fraction

import sympy

from cybergames import prisoners_dilemma, verify
from cybergames.repeated import (DELTA, Interval, RepeatedGame, Violation, check_equilibrium, check_nash,
                                 grim_trigger, limited_punishment, noisy_attribution, sustainable_discount_factors,
                                 tit_for_tat, trigger_on_signal)

RG = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
GRIM = (grim_trigger(), grim_trigger())


def test_honest_results_verify():
    assert verify(sustainable_discount_factors(RG, GRIM))
    assert verify(check_equilibrium(RG, GRIM, Fraction(1, 3)))
    assert verify(check_nash(RG, (tit_for_tat(), tit_for_tat()), Fraction(1, 2)))


def test_a_delta_set_with_a_wrong_endpoint_fails():
    honest = sustainable_discount_factors(RG, GRIM)
    too_wide = dataclasses.replace(honest, intervals=(Interval(Fraction(2, 5), Fraction(1), True, False),))
    too_narrow = dataclasses.replace(honest, intervals=(Interval(Fraction(3, 5), Fraction(1), True, False),))
    open_end = dataclasses.replace(honest, intervals=(Interval(Fraction(1, 2), Fraction(1), False, False),))
    for tampered in (too_wide, too_narrow, open_end):
        result = verify(tampered)
        assert not result.ok and result.failures


def test_a_delta_set_with_a_wrong_certificate_fails():
    honest = sustainable_discount_factors(RG, (limited_punishment(2), limited_punishment(2)))
    first = honest.constraints[0]
    forged = dataclasses.replace(first, coefficients=tuple(c + 1 for c in first.coefficients))
    tampered = dataclasses.replace(honest, constraints=(forged,) + honest.constraints[1:])
    assert not verify(tampered).ok
    wrong_denominator = dataclasses.replace(honest, denominator=(1, -2))   # det(I - dP) is 1 - d here
    assert not verify(wrong_denominator).ok


def test_a_check_with_a_hidden_violation_fails():
    honest = check_equilibrium(RG, GRIM, Fraction(1, 3))
    assert not honest.holds
    hidden = dataclasses.replace(honest, violations=())
    assert not verify(hidden).ok
    wrong_gain = dataclasses.replace(honest, violations=(Violation(0, ("cooperate", "cooperate"), "D", 1),)
                                     + honest.violations[1:])
    assert not verify(wrong_gain).ok
    forged = dataclasses.replace(honest, deviations=tuple(dataclasses.replace(d, gain=d.gain + 1)
                                                         for d in honest.deviations))
    assert not verify(forged).ok


def test_a_nash_check_with_a_wrong_gain_fails():
    honest = check_nash(RG, (tit_for_tat(), tit_for_tat()), Fraction(1, 2))
    assert not verify(dataclasses.replace(honest, gains=(0, 0))).ok
    lazy = dataclasses.replace(honest, best_responses=tuple(
        tuple((state, "C") for state, _ in response) for response in honest.best_responses))
    assert not verify(lazy).ok


def test_symbolic_conditions_verify_at_sampled_parameters():
    T, R, P, S = sympy.symbols("T R P S")
    rg = RepeatedGame(prisoners_dilemma(T, R, P, S))
    facts = [T > R, R > P, P > S]
    honest = sustainable_discount_factors(rg, GRIM, assumptions=facts)
    result = verify(honest)
    assert result.ok and result.checked > 0
    wrong = dataclasses.replace(honest, condition=sympy.Ge(DELTA, (T - R) / (R - P)))
    assert not verify(wrong).ok
    q, r = sympy.symbols("q r")
    game = prisoners_dilemma()
    blame = trigger_on_signal(lambda y: len(y) > 0)
    attribution = sustainable_discount_factors(RepeatedGame(game, noisy_attribution(game, q, r)), (blame, blame),
                                               assumptions=[q > r, r >= 0, q <= 1, r < 1])
    assert verify(attribution)
