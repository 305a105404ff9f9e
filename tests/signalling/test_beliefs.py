"""Belief polytopes: exact vertices, checked against linear programming."""

from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from cybergames.signalling import SignallingGame, perfect_bayesian_equilibria
from cybergames.signalling.beliefs import bayes, belief_set, polytope_vertices
from cybergames.signalling._strategies import signalling_games


def test_two_type_belief_set_is_an_interval():
    # Receiver payoffs after "m": a1 pays 1 against t1, a2 pays 1 against t2, a3 pays 2/3 for sure.
    # a1 is optimal iff mu >= 1 - mu and mu >= 2/3, i.e. mu(t1) in [2/3, 1].
    payoff = {("t1", "m", "a1"): 1, ("t2", "m", "a1"): 0, ("t1", "m", "a2"): 0, ("t2", "m", "a2"): 1,
              ("t1", "m", "a3"): Fraction(2, 3), ("t2", "m", "a3"): Fraction(2, 3)}
    sg = SignallingGame(("t1", "t2"), [Fraction(1, 2)] * 2, ("m",), ("a1", "a2", "a3"), lambda *k: 0, payoff)
    cells = [belief_set(sg, 0, k) for k in range(3)]
    assert cells[0].interval("t1") == (Fraction(2, 3), 1)
    assert cells[1].interval("t1") == (0, Fraction(1, 3))
    assert cells[2].interval("t1") == (Fraction(1, 3), Fraction(2, 3))
    assert {"t1": Fraction(3, 4), "t2": Fraction(1, 4)} in cells[0]
    assert {"t1": Fraction(1, 2), "t2": Fraction(1, 2)} not in cells[0]
    assert {"t1": 2, "t2": -1} not in cells[0]


def test_three_type_polytope_vertices_by_hand():
    # x1 >= x2 and x1 >= x3 on the 2-simplex: vertices (1,0,0), (1/2,1/2,0), (1/2,0,1/2), (1/3,1/3,1/3)
    vertices = polytope_vertices([[1, -1, 0], [1, 0, -1]], 3, exact=True)
    assert set(vertices) == {(1, 0, 0), (Fraction(1, 2), Fraction(1, 2), 0), (Fraction(1, 2), 0, Fraction(1, 2)),
                             (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3))}
    floats = polytope_vertices([[1, -1, 0], [1, 0, -1]], 3, exact=False)
    assert len(floats) == 4
    assert np.allclose(sorted(floats), sorted(tuple(float(x) for x in v) for v in vertices))


def test_empty_polytope_and_single_type():
    assert polytope_vertices([[-1, -1]], 2, exact=True) == []
    assert polytope_vertices([[2], [0]], 1, exact=True) == [(1,)]
    assert polytope_vertices([[-1]], 1, exact=False) == []


def test_bayes_rule_is_exact():
    assert bayes([Fraction(1, 4), Fraction(3, 4)], [1, Fraction(1, 3)]) == [Fraction(1, 2), Fraction(1, 2)]


@settings(max_examples=60)
@given(signalling_games(min_types=3, max_types=4, max_messages=2, max_actions=4),
       st.lists(st.integers(-5, 5), min_size=4, max_size=4))
def test_vertices_span_the_best_response_polytope(sg, objective):
    # For every message and action, the LP optimum of a random linear objective over
    # {mu in simplex : action is a best response} equals the best vertex: the vertex list is complete
    # (no optimum outside its hull) and correct (each vertex is feasible).
    n = len(sg.types)
    c = np.array(objective[:n], dtype=float)
    for j, m in enumerate(sg.messages):
        actions = sg.actions[m]
        for k, a in enumerate(actions):
            cell = belief_set(sg, j, k)
            rows = [[-(float(sg.receiver_payoff[(t, m, a)] - sg.receiver_payoff[(t, m, b)])) for t in sg.types]
                    for b in actions if b != a]
            result = linprog(-c, A_ub=np.array(rows), b_ub=np.zeros(len(rows)), A_eq=np.ones((1, n)), b_eq=[1.0],
                             bounds=[(0, None)] * n, method="highs")
            if result.status == 2:
                assert cell.is_empty
                continue
            assert not cell.is_empty
            best = max(sum(Fraction(objective[i]) * v[t] for i, t in enumerate(sg.types)) for v in cell.vertices)
            assert abs(float(best) - (-result.fun)) < 1e-7
            for v in cell.vertices:
                assert v in cell and all(isinstance(x, (int, Fraction)) for x in v.values())


@settings(max_examples=40)
@given(signalling_games(max_types=3))
def test_off_path_belief_sets_support_the_prescribed_action(sg):
    for eq in perfect_bayesian_equilibria(sg, hybrid=False):
        for m in eq.off_path:
            cell = eq.beliefs[m]
            assert cell.message == m and cell.action == eq.receiver[m]
            for v in cell.vertices:
                value = {a: sum(v[t] * sg.receiver_payoff[(t, m, a)] for t in sg.types) for a in sg.actions[m]}
                assert value[eq.receiver[m]] == max(value.values())
