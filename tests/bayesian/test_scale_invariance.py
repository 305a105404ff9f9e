"""Scale invariance of the Bayesian Nash equilibria: payoffs times 10**k, from 1e-300 to 1e300.

A Bayesian Nash equilibrium is a Nash equilibrium of the agent normal form
(Harsanyi 1967-68; Fudenberg & Tirole, *Game Theory*, 1991, §6.1), which
multiplying every payoff by a positive constant leaves unchanged.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bayesian import BayesianGame, bayesian_nash_equilibria

TYPES = [("strong", "weak"), ("x",)]
PRIOR = {("strong", "x"): 0.25, ("weak", "x"): 0.75}
ACTIONS = [("fight", "yield"), ("attack", "wait")]


def game(table, scale):
    """A 2-type defender against one attacker, payoffs from ``table`` times ``scale``."""
    def payoff(t, a):
        k = 4 * TYPES[0].index(t[0]) + 2 * ACTIONS[0].index(a[0]) + ACTIONS[1].index(a[1])
        return (table[k][0] * scale, table[k][1] * scale)
    return BayesianGame(TYPES, PRIOR, ACTIONS, payoff)


def strategies(equilibria):
    return sorted(tuple(np.round(np.concatenate([np.asarray(s, dtype=float).ravel() for side in eq.strategies
                                                  for s in side]), 6)) for eq in equilibria)


@settings(max_examples=30)
@given(st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)), min_size=8, max_size=8), st.integers(-300, 300))
def test_bayesian_equilibria_do_not_depend_on_the_payoff_scale(table, exponent):
    unit, scaled = bayesian_nash_equilibria(game(table, 1.0)), bayesian_nash_equilibria(game(table, 10.0 ** exponent))
    assert strategies(scaled) == strategies(unit)
    assert all(verify(eq).ok for eq in scaled)
