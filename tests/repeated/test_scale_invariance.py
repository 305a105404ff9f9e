"""Scale invariance of the repeated-game solvers: payoffs times 10**k, from 1e-300 to 1e300.

Multiplying every stage payoff by a positive constant multiplies every discounted
value by it and leaves every incentive constraint's sign alone
(Mailath & Samuelson, *Repeated Games and Reputations*, 2006, §2.1: the game is
unchanged under positive affine transformations of payoffs). So the δ-set of a
profile, and whether it is an equilibrium at a given δ, cannot depend on the
scale. The exact game is the reference; its payoffs are small integers, which
float multiplication by 10**k keeps exactly ordered.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, RepeatedGame, check_equilibrium, sustainable_discount_factors, values
from cybergames.repeated import Monitoring
from cybergames.strategies import automaton_profiles, repeated_games


def scaled(rg, scale):
    """The float repeated game with every payoff multiplied by ``scale`` and the same monitoring."""
    stage = NormalFormGame([np.asarray(p, dtype=float) * scale for p in rg.stage.payoffs], rg.stage.actions)
    table = {profile: {signal: float(p) for signal, p in dist.items()}
             for profile, dist in rg.monitoring.table().items()}
    return RepeatedGame(stage, Monitoring(stage, rg.monitoring.signals, table))


def endpoints(delta_set):
    return [float(x) for interval in delta_set.intervals for x in (interval.lower, interval.upper)]


@settings(max_examples=40)
@given(st.data(), repeated_games(actions=2, max_signals=3), st.integers(-300, 300))
def test_delta_sets_and_equilibrium_checks_do_not_depend_on_the_payoff_scale(data, rg, exponent):
    profile = data.draw(automaton_profiles(rg, max_states=2))
    exact = sustainable_discount_factors(rg, profile)
    big_or_small = scaled(rg, 10.0 ** exponent)
    unit = scaled(rg, 1.0)
    floats = sustainable_discount_factors(big_or_small, profile)
    assert np.allclose(endpoints(floats), endpoints(sustainable_discount_factors(unit, profile)),
                       rtol=1e-9, atol=1e-12)
    assert np.allclose(endpoints(floats), endpoints(exact), rtol=1e-9, atol=1e-12)
    delta = data.draw(st.fractions(0, 0.99))
    far = all(abs(float(delta) - x) > 1e-6 for x in endpoints(exact))
    if far:   # away from an endpoint, the float check agrees with the exact set
        assert check_equilibrium(big_or_small, profile, float(delta)).holds == (delta in exact)
    got, want = values(big_or_small, profile, float(delta)), values(rg, profile, delta)
    assert got.states == want.states
    for got_row, want_row in zip(got.table, want.table):
        for x, y in zip(got_row, want_row):
            assert math.isclose(x / 10.0 ** exponent, float(y), rel_tol=1e-9, abs_tol=1e-9)
