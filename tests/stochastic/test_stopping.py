"""optimal_stopping and axelrod_iliev: thresholds derived by hand, the MDP cross-check, comparative statics."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.stochastic import axelrod_iliev, optimal_stopping, solve_mdp, timing_mdp

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
H = Fraction(1, 2)


def test_axelrod_iliev_threshold_by_hand():
    # Axelrod & Iliev (2014), PNAS 111(4), "The model": use iff T >= T* = w (P - S) V with
    # V = E max(T + w S V, w P V). Case S = 0, P = 1, w = 3/5, stakes 1 or 3 with probability 1/2:
    # always using is worth E T = 2; using only at 3 is worth V = (1/2)(3) + (1/2)(3/5) V, so
    # (7/10) V = 3/2 and V = 15/7 > 2; then T* = (3/5)(15/7) = 9/7, between 1 and 3: consistent.
    result = axelrod_iliev(0, 1, Fraction(3, 5), {1: H, 3: H})
    assert (result.value, result.threshold, result.use) == (Fraction(15, 7), Fraction(9, 7), (False, True))
    assert result.use_probability == H
    assert verify(result).ok


def test_axelrod_iliev_stealthy_resource_is_used_at_once():
    # S = P: waiting gains nothing, T* = 0, so the resource is always used and
    # V = E T + w S V, V = E T/(1 - w S) = 2/(1 - (1/2)(1/2)) = 8/3.
    result = axelrod_iliev(H, H, H, {1: H, 3: H})
    assert result.threshold == 0 and result.use == (True, True) and result.value == Fraction(8, 3)


def test_axelrod_iliev_float():
    result = axelrod_iliev(0.0, 1.0, 0.6, {1: 0.5, 3: 0.5})
    assert result.value == pytest.approx(15 / 7) and result.threshold == pytest.approx(9 / 7)
    assert verify(result).ok


fractions01 = st.fractions(0, 1, max_denominator=12)
stakes = st.dictionaries(st.integers(0, 20), st.integers(1, 5), min_size=1, max_size=5).map(
    lambda weights: {level: Fraction(w, sum(weights.values())) for level, w in weights.items()})


@SETTINGS
@given(fractions01, fractions01, st.fractions(0, Fraction(19, 20), max_denominator=20), stakes)
def test_axelrod_iliev_agrees_with_the_mdp(stealth, persistence, discount, distribution):
    # The same model as an MDP over (observed stakes, resource lost), solved by exact policy iteration.
    result = axelrod_iliev(stealth, persistence, discount, distribution)
    mdp = solve_mdp(*timing_mdp(result), discount)
    assert sum(q * v for (_, q), v in zip(result.stakes, mdp.values)) == result.value
    assert verify(result).ok


@SETTINGS
@given(fractions01, fractions01, fractions01, st.fractions(0, Fraction(19, 20), max_denominator=20), stakes)
def test_more_stealth_means_readier_use_and_more_persistence_means_waiting(s, s2, p, discount, distribution):
    # Axelrod & Iliev's comparative statics: the set of stakes at which the resource is used grows
    # with stealth and shrinks with persistence.
    low, high = sorted((s, s2))
    at_low = axelrod_iliev(low, p, discount, distribution).use
    at_high = axelrod_iliev(high, p, discount, distribution).use
    assert all(b or not a for a, b in zip(at_low, at_high))
    by_persistence_low = axelrod_iliev(p, low, discount, distribution).use
    by_persistence_high = axelrod_iliev(p, high, discount, distribution).use
    assert all(a or not b for a, b in zip(by_persistence_low, by_persistence_high))


def test_random_walk_stopping_by_hand():
    # Reflecting walk on 0..3, stop pays the state, delta = 1/2. Guess "stop from 1 on": V(1..3) = 1, 2, 3
    # and V(0) = (1/2)(V(0)/2 + 1/2) gives V(0) = 1/3 > 0 (continuing at 0 beats stopping for 0).
    # Continuing at 1 gives (1/2)(1/3 + 2)/2 = 7/12 < 1, at 2: (1/2)(1 + 3)/2 = 1 < 2, at 3: (1/2)(2 + 3)/2 < 3.
    walk = [[H, H, 0, 0], [H, 0, H, 0], [0, H, 0, H], [0, 0, H, H]]
    result = optimal_stopping([0, 1, 2, 3], walk, H, levels=[10, 20, 30, 40])
    assert result.values == (Fraction(1, 3), 1, 2, 3)
    assert result.stop == (False, True, True, True) and result.threshold_level == 20
    assert verify(result.mdp).ok


def test_stopping_below_and_non_threshold_sets():
    stay = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    # continuing pays c(s) forever: c/(1 - delta) = 2c at delta = 1/2, against stopping for g(s)
    below = optimal_stopping([3, 2, 1], stay, H, continue_rewards=[1, 1, 1])
    assert below.stop == (True, True, False) and below.direction == "below" and below.threshold == 1
    scattered = optimal_stopping([3, 0, 3], stay, H, continue_rewards=[1, 1, 1])
    assert scattered.stop == (True, False, True) and not scattered.is_threshold and scattered.threshold is None
    never = optimal_stopping([0, 0], [[1, 0], [0, 1]], H, continue_rewards=[1, 1])
    assert never.stop == (False, False) and never.direction is None


@SETTINGS
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=5), st.data())
def test_stopping_values_solve_the_stopping_equation(rewards, data):
    n = len(rewards)
    rows = [data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)) for _ in range(n)]
    rows = [[w + (1 if k == 0 else 0) for k, w in enumerate(row)] for row in rows]
    P = [[Fraction(w, sum(row)) for w in row] for row in rows]
    result = optimal_stopping(rewards, P, Fraction(3, 4))
    for s in range(n):
        going_on = Fraction(3, 4) * sum(P[s][t] * result.values[t] for t in range(n))
        assert result.values[s] == max(rewards[s], going_on)
        assert result.stop[s] == (rewards[s] >= going_on)


def test_stopping_results_verify():
    walk = [[H, H, 0, 0], [H, 0, H, 0], [0, H, 0, H], [0, 0, H, H]]
    assert verify(optimal_stopping([0, 1, 2, 3], walk, H)).ok
    assert verify(optimal_stopping([0.0, 1.0, 2.0, 3.0], walk, 0.5)).ok
