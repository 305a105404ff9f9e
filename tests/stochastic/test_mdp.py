"""solve_mdp: textbook values by hand, exact policy iteration against brute force and value iteration."""

from __future__ import annotations

import copy
import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames._linalg import solve as gauss_jordan
from cybergames.stochastic import policy_values, solve_mdp
from cybergames.stochastic._exact_solve import solve as dixon_solve
from cybergames.strategies import mdps

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def puterman_example(discount):
    # Puterman, Markov Decision Processes (1994), sec. 3.1 (the two-state example, used again in
    # Example 6.4.1): in s1, a11 pays 5 and moves to s1 or s2 with probability 1/2 each, a12 pays
    # 10 and moves to s2; in s2 the only action pays -1 and stays (duplicated as a second action).
    transitions = [[[Fraction(1, 2), Fraction(1, 2)], [0, 1]],
                   [[0, 1], [0, 1]]]
    rewards = [[5, -1], [10, -1]]
    return transitions, rewards, discount


def test_puterman_two_state_example_by_hand():
    # By hand at lambda = 19/20: v(s2) = -1/(1 - 19/20) = -20. In s1, a12 gives 10 + (19/20)(-20) = -9;
    # a11 gives v = 5 + (19/40)(v - 20), so (21/40) v = -9/2 and v = -60/7 > -9: a11 is optimal.
    result = solve_mdp(*puterman_example(Fraction(19, 20)))
    assert result.values == (Fraction(-60, 7), Fraction(-20))
    assert result.policy[0] == 0 and result.exact and result.method == "policy_iteration"
    assert verify(result).ok and result.residual == 0


def test_float_input_uses_value_iteration_and_agrees_with_the_exact_answer():
    transitions, rewards, _ = puterman_example(0.95)
    result = solve_mdp(np.array(transitions, dtype=float), np.array(rewards, dtype=float), 0.95)
    assert result.method == "value_iteration" and not result.exact
    assert result.values == pytest.approx((-60 / 7, -20), abs=1e-8)
    # tol = 1e-9 is relative to the largest absolute reward (the answer must not depend on the reward unit)
    assert result.error_bound <= 1e-9 * np.abs(np.array(rewards, dtype=float)).max() and verify(result).ok


def test_method_override():
    exact = puterman_example(Fraction(19, 20))
    by_value_iteration = solve_mdp(*exact, method="value_iteration")
    assert isinstance(by_value_iteration.values[0], float)
    float_pi = solve_mdp(np.array(exact[0], dtype=float), exact[1], 0.95, method="policy_iteration")
    assert float_pi.method == "policy_iteration" and float_pi.values == pytest.approx((-60 / 7, -20))


def test_zero_discount_is_myopic():
    result = solve_mdp(*puterman_example(0))
    assert result.values == (10, -1) and result.policy[0] == 1       # the larger immediate reward


def test_inputs_are_not_mutated():
    transitions, rewards, discount = puterman_example(Fraction(1, 2))
    before = copy.deepcopy((transitions, rewards))
    solve_mdp(transitions, rewards, discount)
    assert (transitions, rewards) == before


def brute_force_values(transitions, rewards, discount):
    """The best value per state over every deterministic stationary policy (Puterman Thm. 6.2.10)."""
    actions, states = len(rewards), len(rewards[0])
    best = None
    for policy in itertools.product(range(actions), repeat=states):
        values = policy_values(transitions, rewards, discount, list(policy))
        best = values if best is None else tuple(max(a, b) for a, b in zip(best, values))
    return best


@SETTINGS
@given(mdps(max_states=3, max_actions=3))
def test_exact_policy_iteration_equals_the_best_policy_by_brute_force(mdp):
    result = solve_mdp(*mdp)
    assert result.values == brute_force_values(*mdp)
    assert policy_values(*mdp, list(result.policy)) == result.values
    assert verify(result).ok


@SETTINGS
@given(mdps(max_states=5, max_actions=3))
def test_policy_iteration_and_value_iteration_agree(mdp):
    transitions, rewards, discount = mdp
    exact = solve_mdp(transitions, rewards, discount)
    floats = solve_mdp(transitions, rewards, discount, method="value_iteration", tol=1e-9)
    assert floats.values == pytest.approx([float(v) for v in exact.values], abs=1e-8)
    # the greedy policy of value iteration is optimal up to the tolerance
    greedy = policy_values(transitions, rewards, discount, list(floats.policy))
    assert all(float(v) >= float(w) - 1e-7 for v, w in zip(greedy, exact.values))


@SETTINGS
@given(mdps(max_states=4, exact=False))
def test_float_paths_satisfy_bellman_within_tolerance(mdp):
    for method in ("value_iteration", "policy_iteration"):
        result = solve_mdp(*mdp, method=method)
        assert verify(result).ok
        assert all(isinstance(v, float) for v in result.values)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(st.lists(st.integers(-10**3, 10**3), min_size=n, max_size=n), min_size=n, max_size=n),
    st.lists(st.fractions(max_denominator=50), min_size=n, max_size=n))))
def test_exact_solver_matches_gauss_jordan(system):
    matrix, rhs = system
    matrix = [[v + (50 * 10**3 if i == j else 0) for j, v in enumerate(row)] for i, row in enumerate(matrix)]
    assert dixon_solve(matrix, rhs) == gauss_jordan(matrix, rhs)          # diagonally dominant: regular


def test_exact_solver_falls_back_beyond_int64():
    huge = 10**30
    matrix, rhs = [[huge, 1], [1, huge]], [1, Fraction(1, 3)]
    x = dixon_solve(matrix, rhs)
    assert [sum(a * b for a, b in zip(row, x)) for row in matrix] == rhs


def test_hundred_states_exact_agrees_with_float():
    rng = np.random.default_rng(3)
    states, actions = 100, 3
    transitions = np.zeros((actions, states, states), dtype=object)
    transitions[...] = 0
    for a in range(actions):
        for s in range(states):
            for t in rng.choice(states, 4, replace=False):
                transitions[a, s, t] += Fraction(1, 4)
    rewards = rng.integers(0, 10, (actions, states)).tolist()
    exact = solve_mdp(transitions, rewards, Fraction(9, 10))
    floats = solve_mdp(transitions.astype(float), np.array(rewards, dtype=float), 0.9)
    assert np.allclose([float(v) for v in exact.values], floats.values, atol=1e-8)
    assert verify(exact).ok


def test_sympy_rationals_are_exact_input():
    import sympy
    transitions, rewards, _ = puterman_example(None)
    transitions = [[[sympy.Rational(str(v)) for v in row] for row in block] for block in transitions]
    result = solve_mdp(transitions, rewards, sympy.Rational(19, 20))
    assert result.exact and result.values == (Fraction(-60, 7), -20)
