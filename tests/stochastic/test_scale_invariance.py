"""Scale invariance of the MDP and zero-sum stochastic-game solvers: rewards times 10**k, 1e-300 to 1e300.

Multiplying every reward by s > 0 multiplies every policy's value by s and
leaves the optimal policies unchanged (Puterman, *Markov Decision Processes*,
1994, §6.2: the Bellman operator is positively homogeneous); likewise the
value of a zero-sum stochastic game scales by s (Shapley 1953, the value of
each stage matrix is positively homogeneous). The exact problem with small
integer rewards is the reference.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.stochastic import StochasticGame, shapley_value, solve_mdp
from cybergames.strategies import mdps, stochastic_games


@settings(max_examples=30)
@given(mdps(), st.integers(-300, 300), st.sampled_from(["value_iteration", "policy_iteration"]))
def test_mdp_policies_and_values_scale_with_the_rewards(mdp, exponent, method):
    transitions, rewards, discount = mdp
    scale = 10.0 ** exponent
    exact = solve_mdp(transitions, rewards, discount)
    floats = solve_mdp(np.asarray(transitions, dtype=float), np.asarray(rewards, dtype=float) * scale,
                       float(discount), method=method)
    assert np.allclose(np.array(floats.values) / scale, np.array(exact.values, dtype=float),
                       rtol=1e-6, atol=1e-6 * max(1.0, float(np.abs(np.asarray(rewards, dtype=float)).max())))
    # the float policy is optimal in the exact problem (ties may pick another optimal action)
    q = np.array(exact.q_values, dtype=float)
    assert all(q[s][a] >= q[s].max() - 1e-6 * max(1.0, abs(q[s].max())) for s, a in enumerate(floats.policy))
    assert verify(floats).ok


@settings(max_examples=15)
@given(stochastic_games(zero_sum=True), st.integers(-300, 300))
def test_zero_sum_values_scale_with_the_payoffs(game, exponent):
    scale = 10.0 ** exponent
    floats = StochasticGame([np.asarray(p[0], dtype=float) * scale for p in game.payoffs],
                            [np.asarray(t, dtype=float) for t in game.transitions], float(game.discount))
    unit = StochasticGame([np.asarray(p[0], dtype=float) for p in game.payoffs],
                          [np.asarray(t, dtype=float) for t in game.transitions], float(game.discount))
    scaled, reference = shapley_value(floats), shapley_value(unit)
    assert np.allclose(np.array(scaled.values) / scale, reference.values, rtol=1e-6, atol=1e-7)
    assert verify(scaled).ok
