"""Replicator, best-response and logit dynamics: closed forms by hand, rest points, invariants."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import chicken, matching_pennies, nash_equilibria, prisoners_dilemma, stag_hunt, verify
from cybergames import strategies as cs
from cybergames.dynamics import (asymmetric_replicator_dynamics, best_response_dynamics, logit_dynamics,
                                 replicator_dynamics)
from cybergames.errors import GameError, ParameterError, ProbabilityError


def test_replicator_reaches_the_mixed_equilibrium_of_chicken():
    # Chicken with T, R, P, S = 3, 2, 0, 1: a swerver earns 2x + (1 - x), a straight driver 3x, equal at
    # x = 1/2, and x' = x(1 - x)(1 - 2x) (by hand from x' = x[(Ax)_1 - x.Ax]) drives every interior x there.
    path = replicator_dynamics(chicken(), [0.9, 0.1], horizon=40, step=0.5)
    assert path.final[0] == pytest.approx([0.5, 0.5], abs=1e-6)
    assert path.times[-1] == 40 and not path.states[0].flags.writeable
    assert verify(path).ok


def test_replicator_logistic_solution_in_the_prisoners_dilemma():
    # PD T, R, P, S = 5, 3, 1, 0, cooperators' share x: (Ax)_C = 3x, (Ax)_D = 5x + (1 - x) = 1 + 4x, so by hand
    # x' = x[(Ax)_C - x.Ax] = x(1 - x)[(Ax)_C - (Ax)_D] = -x(1 - x)(1 + x): compared with a fine integration
    # of that scalar equation (an independent second method).
    from scipy.integrate import solve_ivp
    path = replicator_dynamics(prisoners_dilemma(), [0.8, 0.2], horizon=3, step=0.5)
    scalar = solve_ivp(lambda t, x: -x * (1 - x) * (1 + x), (0, 3), [0.8], t_eval=path.times, rtol=1e-11,
                       atol=1e-12)
    assert path.states[0][:, 0] == pytest.approx(scalar.y[0], abs=1e-6)


def test_matching_pennies_conserves_the_hofbauer_sigmund_function():
    # Zero-sum bimatrix game with interior equilibrium (p, q) = (1/2, 1/2): H = sum p_i ln x_i + sum q_j ln y_j
    # has dH/dt = pAy - xAy + xBq - xBy = pAy - xAq = v - v = 0 (B = -A; Aq and pA are constant vectors v),
    # Hofbauer & Sigmund, Evolutionary Games and Population Dynamics (1998), ch. 11.
    path = asymmetric_replicator_dynamics(matching_pennies(), [[0.7, 0.3], [0.4, 0.6]], horizon=20, step=0.25)
    x, y = path.states
    h = 0.5 * np.log(x).sum(axis=1) + 0.5 * np.log(y).sum(axis=1)
    assert np.ptp(h) < 1e-6
    assert np.ptp(x[:, 0]) > 0.2                       # it cycles, it does not converge


def test_best_response_dynamics_in_the_prisoners_dilemma_by_hand():
    # D strictly dominates C: b(x) = D always, so x_C' = -x_C, x_C(t) = e^{-t} from all-C (continuous);
    # in discrete time with step s, x_C = (1 - s)^k after k steps: s = 1/3, 3 steps: 8/27.
    path = best_response_dynamics(prisoners_dilemma(), [[1, 0], [1, 0]], horizon=2, step=0.25)
    assert path.states[0][:, 0] == pytest.approx(np.exp(-path.times), abs=1e-6)
    discrete = best_response_dynamics(prisoners_dilemma(), [[1, 0], [1, 0]], horizon=1, step=Fraction(1, 3),
                                      time="discrete")
    assert discrete.final[0].tolist() == [Fraction(8, 27), Fraction(19, 27)]
    assert discrete.kind == "exact" and verify(discrete).ok


def test_cournot_best_responses_in_the_stag_hunt():
    # step 1: everybody plays a best response to last period. Against the uniform mix, stag earns
    # (4 + 0)/2 = 2 < hare's 3: all hare at once, and hare is a strict equilibrium.
    path = best_response_dynamics(stag_hunt(), horizon=3, step=1, time="discrete")
    assert [row.tolist() for row in path.states[0]] == [[Fraction(1, 2)] * 2, [0, 1], [0, 1], [0, 1]]


@settings(max_examples=25, deadline=None)
@given(cs.normal_form_games(2, (2, 3), min_value=-3, max_value=3))
def test_every_nash_equilibrium_is_a_rest_point_of_the_asymmetric_replicator(game):
    # At an equilibrium every action in a support earns the population average: each x_ia [u_ia - avg] = 0.
    for eq in nash_equilibria(game):
        path = asymmetric_replicator_dynamics(game, [list(s) for s in eq.strategies], horizon=1, step=0.5)
        for start, states in zip(eq.strategies, path.states):
            assert np.abs(states - np.asarray(start, dtype=float)).max() < 1e-8


@settings(max_examples=25, deadline=None)
@given(cs.normal_form_games(2, (2, 3), symmetric=True, min_value=-3, max_value=3))
def test_every_symmetric_nash_equilibrium_is_a_rest_point_of_the_replicator(game):
    symmetric = [eq for eq in nash_equilibria(game) if list(eq.strategies[0]) == list(eq.strategies[1])]
    assert symmetric                                       # a symmetric game has a symmetric equilibrium (Nash 1951)
    for eq in symmetric:
        path = replicator_dynamics(game, list(eq.strategies[0]), horizon=1, step=0.5)
        assert np.abs(path.states[0] - np.asarray(eq.strategies[0], dtype=float)).max() < 1e-8


def _logit_fixed_point_violation(game, profile, beta):
    """max |ln(x_a/x_0) - beta (u_a - u_0)|: zero exactly at a logit QRE (McKelvey & Palfrey 1995, eq. 2)."""
    worst = 0.0
    for i in range(game.num_players):
        values = np.asarray(game.action_payoffs(i, [list(map(float, p)) for p in profile]), dtype=float)
        x = np.asarray(profile[i], dtype=float)
        worst = max(worst, float(np.max(np.abs(np.log(x / x[0]) - beta * (values - values[0])))))
    return worst


@settings(max_examples=25, deadline=None)
@given(cs.normal_form_games(2, 2, exact=False, min_value=-3, max_value=3), st.floats(0, 0.3))
def test_logit_dynamics_come_to_rest_at_a_logit_qre(game, beta):
    # With beta * (payoff range) small the logit map is a contraction (slope at most beta * 12 / 4 < 1), so
    # the dynamics converge; their limit satisfies the QRE log-odds condition, checked from the game itself.
    path = logit_dynamics(game, beta, horizon=60, step=1)
    assert _logit_fixed_point_violation(game, path.final, beta) < 1e-6


def test_logit_dynamics_discrete_and_continuous_share_their_rest_point():
    # matching pennies: the QRE is (1/2, 1/2) for every beta by symmetry
    for time in ("continuous", "discrete"):
        path = logit_dynamics(matching_pennies(), 1.5, [[0.9, 0.1], [0.2, 0.8]], horizon=200, step=0.5, time=time)
        assert np.concatenate(path.final) == pytest.approx(0.5, abs=1e-4)
    assert verify(path).ok


def test_progress_is_reported_and_runs_are_deterministic():
    calls = []
    first = asymmetric_replicator_dynamics(matching_pennies(), [[0.7, 0.3], [0.4, 0.6]], horizon=10, step=0.01,
                                           progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1000, 1000) and len(calls) <= 101
    again = asymmetric_replicator_dynamics(matching_pennies(), [[0.7, 0.3], [0.4, 0.6]], horizon=10, step=0.01)
    assert all((a == b).all() for a, b in zip(first.states, again.states))


def test_bad_input():
    with pytest.raises(ParameterError, match="horizon"):
        replicator_dynamics(chicken(), horizon=-1)
    with pytest.raises(ParameterError, match="step"):
        best_response_dynamics(chicken(), step=-0.1)
    with pytest.raises(ParameterError, match="step"):
        best_response_dynamics(chicken(), step=2, horizon=5, time="discrete")
    with pytest.raises(ParameterError, match="beta"):
        logit_dynamics(chicken(), -1)
    with pytest.raises(ParameterError, match="time"):
        logit_dynamics(chicken(), 1, time="sometimes")
    with pytest.raises(GameError, match="symmetric"):
        replicator_dynamics(matching_pennies())
    with pytest.raises(ProbabilityError, match="initial"):
        replicator_dynamics(chicken(), [0.5, 0.6])
    with pytest.raises(ParameterError, match="MAX_ROUNDS"):
        best_response_dynamics(chicken(), horizon=10**6, step=1e-3)
