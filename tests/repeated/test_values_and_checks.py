"""Values, one-shot deviation checks and Nash checks on textbook profiles, in every number kind."""

from fractions import Fraction

import numpy as np
import pytest
import sympy

from cybergames import prisoners_dilemma, verify
from cybergames.repeated import (RepeatedGame, always_defect, check_equilibrium, check_nash, forgiving_trigger,
                                 grim_trigger, limited_punishment, noisy_attribution, play, simulate,
                                 tit_for_tat, trigger_on_signal, values)

RG = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
TFT = (tit_for_tat(), tit_for_tat())


def test_tit_for_tat_values_in_every_state():
    # By hand: CC pays R = 3 for ever; DD pays P = 1; in (D, C) player 0 earns T, S, T, ... with value
    # (T + d S)/(1 + d) and player 1 (S + d T)/(1 + d). At d = 1/2: 10/3 and 5/3.
    v = values(RG, TFT, Fraction(1, 2))
    assert v.value(0, ("cooperate", "cooperate")) == 3
    assert v.value(0, ("defect", "defect")) == 1
    assert v.value(0, ("defect", "cooperate")) == Fraction(10, 3)
    assert v.value("1", ("defect", "cooperate")) == Fraction(5, 3)
    assert v.initial == (3, 3)


def test_values_in_every_number_kind():
    profile = (grim_trigger(), always_defect())
    # by hand: player 0 earns S = 0 then P = 1: (1 - d) 0 + d 1 = d; player 1 earns T then P: 5 - 4d
    assert values(RG, profile, Fraction(1, 4)).initial == (Fraction(1, 4), 4)
    floats = values(RepeatedGame(prisoners_dilemma(5.0, 3.0, 1.0, 0.0)), profile, 0.25).initial
    assert floats == pytest.approx((0.25, 4.0)) and isinstance(floats[0], float)
    d = sympy.Symbol("d")
    symbolic = values(RG, profile, d).initial
    assert sympy.simplify(symbolic[0] - d) == 0 and sympy.simplify(symbolic[1] - (5 - 4 * d)) == 0


def test_values_under_a_public_lottery():
    # By hand: V_p = ((1 - d) P + d p R)/(1 - d (1 - p)); d = 1/2, p = 1/3: (1/2 + 1/2)/(2/3) = 3/2.
    v = values(RG, (forgiving_trigger(Fraction(1, 3)),) * 2, Fraction(1, 2))
    assert v.value(0, ("punish", "punish")) == Fraction(3, 2)


def test_grim_trigger_check_on_both_sides_of_one_half():
    below = check_equilibrium(RG, (grim_trigger(), grim_trigger()), Fraction(49, 100))
    at = check_equilibrium(RG, (grim_trigger(), grim_trigger()), Fraction(1, 2))
    assert not below.holds and at.holds
    # the gain of defecting: (1 - d) T + d P - R = 5 - 4d - 3 = 2 - 4d
    assert [v.gain for v in below.violations] == [Fraction(1, 25), Fraction(1, 25)]
    assert {(v.player, v.state, v.deviation) for v in below.violations} == \
        {(0, ("cooperate", "cooperate"), "D"), (1, ("cooperate", "cooperate"), "D")}
    assert at.best_gains == (0, 0) and at.delta == Fraction(1, 2)
    assert at.concept == "subgame perfect"
    assert verify(below) and verify(at)


def test_tit_for_tat_fails_off_the_path():
    # At d = 2/3 defecting at CC does not pay (d >= (T - R)/(R - S) = 2/3 holds with equality), but at
    # DD cooperating pays (1 - d) S + d (T + d S)/(1 + d) = (2/3)(5/(5/3)) = 2 > P = 1 (by hand): the
    # violation is off the equilibrium path, in a state only a deviation leads to.
    result = check_equilibrium(RG, TFT, Fraction(2, 3))
    assert not result.holds
    assert all(v.state != ("cooperate", "cooperate") for v in result.violations)
    assert (0, ("defect", "defect"), "C") in {(v.player, v.state, v.deviation) for v in result.violations}
    assert verify(result)


def test_tit_for_tat_is_nash_above_the_textbook_bound():
    # Mailath & Samuelson (2006), ch. 2: tit-for-tat is a Nash equilibrium iff
    # d >= max((T - R)/(T - P), (T - R)/(R - S)) = max(1/2, 2/3) = 2/3 for (5, 3, 1, 0).
    # Brute force over the four stationary replies to tit-for-tat (a two-state decision problem:
    # the opponent cooperates or defects), all values by hand at d:
    #   cooperate always: R;  defect always: (1 - d) T + d P;  alternate: (T + d S)/(1 + d).
    for d in (Fraction(1, 2), Fraction(3, 5), Fraction(2, 3), Fraction(3, 4), Fraction(9, 10)):
        replies = [3, (1 - d) * 5 + d * 1, (5 + d * 0) / (1 + d)]
        nash = max(replies) <= 3
        result = check_nash(RG, TFT, d)
        assert result.holds == nash == (d >= Fraction(2, 3))
        assert result.gains[0] == max(replies) - 3
        assert verify(result)


def test_nash_and_subgame_perfection_agree_for_grim_trigger():
    for d in (Fraction(1, 3), Fraction(1, 2), Fraction(3, 4)):
        assert check_nash(RG, (grim_trigger(), grim_trigger()), d).holds == \
            check_equilibrium(RG, (grim_trigger(), grim_trigger()), d).holds


def test_float_checks_use_a_tolerance():
    rg = RepeatedGame(prisoners_dilemma(5.0, 3.0, 1.0, 0.0))
    result = check_equilibrium(rg, (grim_trigger(), grim_trigger()), 0.5)
    assert result.holds and result.tol == 1e-9 and isinstance(result.best_gains[0], float)
    assert not check_equilibrium(rg, (grim_trigger(), grim_trigger()), 0.4999).holds
    assert verify(result)


def test_perfect_public_check_under_noisy_attribution():
    game = prisoners_dilemma()
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(9, 10), Fraction(1, 10)))
    blame = trigger_on_signal(lambda y: len(y) > 0)
    # closed form (see test_attribution): 100/153
    assert check_equilibrium(rg, (blame, blame), Fraction(100, 153)).holds
    result = check_equilibrium(rg, (blame, blame), Fraction(99, 153))
    assert not result.holds and result.concept == "perfect public"
    assert verify(result)


def test_play_along_the_path():
    outcome = play(RG, (tit_for_tat(), always_defect()), 3)
    assert outcome.is_deterministic
    path = outcome.path
    assert path.actions == (("C", "D"), ("D", "D"), ("D", "D"))
    assert path.payoffs == ((0, 5), (1, 1), (1, 1))
    # truncated sum by hand at d = 1/2: (1/2)(0 + 1/2 + 1/4) and (1/2)(5 + 1/2 + 1/4)
    assert path.discounted(Fraction(1, 2)) == (Fraction(3, 8), Fraction(23, 8))
    without_game = play((tit_for_tat(), always_defect()), 3)
    assert without_game.path.actions == path.actions and without_game.path.payoffs is None


def test_play_distribution_under_noise():
    game = prisoners_dilemma()
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(9, 10), Fraction(1, 10)))
    blame = trigger_on_signal(lambda y: len(y) > 0)
    outcome = play(rg, (blame, blame), 3)
    assert not outcome.is_deterministic
    # nobody blamed while both cooperate: (1 - r)^2 = 81/100 per round
    assert dict(outcome.distributions[2])[("cooperate", "cooperate")] == Fraction(81, 100) ** 2
    assert sum(p.probability for p in outcome.paths) == 1
    assert len({p.signals for p in outcome.paths}) == len(outcome.paths)
    assert play(rg, (blame, blame), 12, max_paths=100).paths is None


def test_monte_carlo_average_matches_the_values():
    game = prisoners_dilemma()
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(9, 10), Fraction(1, 10)))
    blame = trigger_on_signal(lambda y: len(y) > 0, periods=2)
    delta = Fraction(4, 5)
    exact = float(values(rg, (blame, blame), delta).initial[0])
    rng = np.random.default_rng(12345)
    samples = [float(simulate(rg, (blame, blame), 60, rng=rng).discounted(delta)[0]) for _ in range(1000)]
    # payoffs lie in [1, 3] along these paths: the standard error is below 1/sqrt(1000) ~ 0.032
    assert abs(np.mean(samples) - exact) < 0.1
    assert abs(exact - float(play(rg, (blame, blame), 60, max_paths=1).discounted(delta)[0])) < 0.8 ** 60 * 3
