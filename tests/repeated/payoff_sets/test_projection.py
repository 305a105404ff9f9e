"""The APS operator on polygons under public monitoring, edge by edge (repeated/payoff_sets/projection.py)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from cybergames import (Monitoring, NormalFormGame, RepeatedGame, best_symmetric_payoff, check_equilibrium,
                        equilibrium_payoff_set, noisy_attribution, prisoners_dilemma, trigger_on_signal, values,
                        verify)
from cybergames.repeated import _polytopes
from cybergames.repeated.payoff_sets import _simplex, projection
from cybergames.strategies import monitoring_structures, normal_form_games

PD = prisoners_dilemma()          # T, R, P, S = 5, 3, 1, 0
#: Whole runs of the method on random games are slow tests (CI runs them, with its fixed examples; so does
#: --run-slow): most take seconds with the numba kernel, but a random 2-3 signal game at delta = 0.9 once
#: took over five minutes for ten iterations (in hull2 of the tightened polygons), and in plain Python
#: every run takes minutes.
WHOLE_RUNS = pytest.mark.slow


def _highs(V, prob, C, players, d, H):
    """The support programs of _simplex, one scipy/HiGHS program per direction (None: infeasible)."""
    m, s, k = len(V), len(prob), len(d)
    a_eq = np.kron(np.eye(s), np.ones((1, m)))
    a_ub = np.zeros((k, s * m))
    for r in range(k):
        for y in range(s):
            a_ub[r, y * m:(y + 1) * m] = C[r, y] * V[:, players[r]]
    found = []
    for h in H:
        cost = -np.concatenate([prob[y] * (V @ h) for y in range(s)])
        result = linprog(cost, A_ub=a_ub if k else None, b_ub=d if k else None, A_eq=a_eq, b_eq=np.ones(s),
                         bounds=(0, None), method="highs")
        found.append(None if result.status == 2 else -result.fun)
    return found


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2 ** 32 - 1), st.booleans())
def test_the_simplex_agrees_with_highs_on_random_support_programs(seed, compiled):
    # A second method: scipy's HiGHS on the same programs, one per direction. The kernel must find
    # the same optimal values (or infeasibility), and the expected continuation it returns must
    # attain its value.
    rng = np.random.default_rng(seed)
    m, s, k = rng.integers(1, 10), rng.integers(1, 5), rng.integers(0, 4)
    angles = np.sort(rng.uniform(0, 2 * np.pi, m))
    V = rng.uniform(0.5, 2) * np.column_stack([np.cos(angles), np.sin(angles)]) + rng.normal(size=2)
    prob = rng.dirichlet(np.ones(s))
    C, players, d = 0.5 * rng.normal(size=(k, s)), rng.integers(0, 2, k), 0.3 * rng.normal(size=k)
    turns = np.sort(rng.uniform(0, 2 * np.pi, 6))
    H = np.column_stack([np.cos(turns), np.sin(turns)])
    expected = _highs(V, prob, C, players, d, H)
    status, found, point = _simplex.supports(V, prob, C, players, d, H, compiled=compiled)
    if expected[0] is None:
        assert status == 2
    else:
        assert status == 0
        assert np.allclose(found, expected, atol=1e-8)
        assert np.allclose((point * H).sum(axis=1), found, atol=1e-9)


@pytest.mark.parametrize("compiled", [True, False])
def test_a_basis_singular_to_machine_precision_is_a_failed_program_not_an_exception(compiled):
    # A support program from a random 3x3 game with three signals at delta = 0.5 (projection run,
    # tol 1e-2): its continuation square has two vertices 1e-16 apart in x, and the pivoting reached
    # a basis that LAPACK finds exactly singular. np.linalg.inv raised LinAlgError out of the whole
    # run; the program now reports status 1 (failed), which leaves its piece open, as documented.
    V = np.array([[0.29999999975, 1.00000000025], [0.29999999975000013, 0.5999999997499998],
                  [0.40000000025000004, 0.5999999997500001], [0.4000000002500002, 1.000000002500001]])
    prob = np.array([0.36363636363636365, 0.36363636363636365, 0.2727272727272727])
    C = np.array([[-0.07070707070707072, 0.09595959595959597, -0.02525252525252525],
                  [0.03246753246753245, -0.038961038961038974, 0.006493506493506496],
                  [-0.015151515151515166, -0.015151515151515166, 0.030303030303030304],
                  [0.04040404040404039, 0.04040404040404039, -0.0808080808080808]])
    players, d = np.array([0, 0, 1, 1]), np.array([0.35, 0.65, 0.0, 0.15000000000000002])
    H = np.array([[-2.250001063094243e-08, 0.9999999999999998], [-1.0, -2.775557558093443e-16],
                  [2.220446038148085e-15, -1.0], [1.0, -1.110223016992368e-15]])
    status, values, _ = _simplex.supports(V, prob, C, players, d, H, compiled=compiled)
    assert status == 1 and np.isneginf(values).all()


@st.composite
def _public_games(draw, actions=(2, 3)):
    exact = draw(normal_form_games(actions=draw(st.sampled_from(actions)), min_value=-5, max_value=5,
                                   max_denominator=4))
    game = NormalFormGame([np.array(p, dtype=float) for p in exact.payoffs], actions=exact.actions)
    monitoring = draw(monitoring_structures(game, min_signals=2, max_signals=3, exact=False, full_support=True))
    return RepeatedGame(game, monitoring)


def _outer_contains(result, points, tol=1e-6):
    normals = np.asarray(result.outer.normals, dtype=float).reshape(-1, 2)
    offsets = np.asarray(result.outer.offsets, dtype=float)
    points = np.atleast_2d(np.asarray(points, dtype=float))
    return (points @ normals.T - offsets <= tol).all(axis=1)


@WHOLE_RUNS
@settings(max_examples=8, deadline=None)
@given(_public_games(), st.sampled_from([0.5, 0.8, 0.9]))
def test_inner_set_lies_in_outer_set_and_is_certified(rg, delta):
    V = equilibrium_payoff_set(rg, delta, method="projection", tol=1e-2, max_iter=60)
    if len(V.inner.vertices):
        assert _outer_contains(V, V.inner.vertices).all()
    assert verify(V).ok                       # every inner vertex generated by the inner set (HiGHS)


@st.composite
def _grid_games(draw):
    # float payoffs on a grid of quarters: near-ties far below the float tolerance (1e-44 against 0)
    # are decided differently by the two methods' tolerances, as for method="jyc" (test_jyc.py)
    exact = draw(normal_form_games(actions=2, min_value=-5, max_value=5, max_denominator=4))
    return NormalFormGame([np.array(p, dtype=float) for p in exact.payoffs], actions=exact.actions)


@WHOLE_RUNS
@settings(max_examples=5, deadline=None)
@given(_grid_games(), st.sampled_from([0.5, 0.8]))
def test_perfect_monitoring_agrees_with_the_polygon_method(game, delta):
    # Perfect monitoring is public monitoring whose signal is the action profile; the polygon method
    # applies B exactly with the deviator's worst continuation (Abreu & Sannikov 2014, sec. 3), an
    # independent computation. Each outer set holds the other's inner set; converged runs agree.
    rg = RepeatedGame(game)
    polygon = equilibrium_payoff_set(rg, delta, tol=1e-7)
    V = equilibrium_payoff_set(rg, delta, method="projection", tol=1e-7, max_iter=400)
    assert _outer_contains(V, polygon.inner.vertices, 1e-6).all()
    if len(V.inner.vertices):
        assert _outer_contains(polygon, V.inner.vertices, 1e-6).all()
    if V.status == "converged" and polygon.status == "converged":
        a = np.asarray(V.outer.vertices, dtype=float).reshape(-1, 2)
        b = np.asarray(polygon.outer.vertices, dtype=float).reshape(-1, 2)
        if len(a) and len(b):
            assert _polytopes.hausdorff2(_polytopes.hull2(a), _polytopes.hull2(b)) <= 1e-6


@WHOLE_RUNS
@pytest.mark.parametrize("delta", [0.3, 0.9])
def test_issue_4s_prisoners_dilemma_under_perfect_monitoring(delta):
    # V(0.3) = V(0.9) is the quadrilateral (3, 3), (39/4, 3), (9, 9), (3, 39/4), derived by hand in
    # test_polygon.py (from delta = 1/4 on); the projection method must bracket it within 1e-6.
    pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    V = equilibrium_payoff_set(RepeatedGame(pd), delta, method="projection", tol=1e-7, max_iter=400)
    hand = np.array([[3, 3], [39 / 4, 3], [9, 9], [3, 39 / 4]])
    assert V.status == "converged"
    for polytope in (V.inner, V.outer):
        found = np.asarray(polytope.vertices, dtype=float)
        assert _polytopes.hausdorff2(_polytopes.hull2(found), _polytopes.hull2(hand)) <= 1e-6
    assert verify(V).ok


@WHOLE_RUNS
def test_values_of_accepted_profiles_lie_in_the_outer_set_and_the_inner_one_grows_past_them():
    # Grim trigger on any blame is a PPE here (check_equilibrium says so): its value is an
    # equilibrium payoff, so the outer set contains it; with a converged bracket the inner set
    # lies within the gap of it.
    rg = RepeatedGame(PD, noisy_attribution(PD, detect=0.95, false_flag=0.02))
    profile = (trigger_on_signal(lambda y: len(y) > 0),) * 2
    assert check_equilibrium(rg, profile, 0.9).holds
    value = [float(v) for v in values(rg, profile, 0.9).initial]
    V = equilibrium_payoff_set(rg, 0.9, method="projection", tol=1e-2)
    assert V.status == "converged" and _outer_contains(V, value).all()
    assert V.inner.distance(tuple(value)) <= V.hausdorff + 1e-9


CASES = {   # issue 9's three cases: attribution PD, a Share/Withhold game, the attribution model's defaults
    "attribution-pd": ((5, 3, 1, 0), (0.9, 0.1)),
    "share-withhold": ((1, 0.5, 0, -0.5), (0.8, 0.05)),
    "attribution-model": ((5, 3, 1, 0), (0.8, 0.1)),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(CASES))
def test_issue_9s_cases_converge_to_a_gap_of_1e_3(case):
    (T, R, P, S), (q, r) = CASES[case]
    game = prisoners_dilemma(T, R, P, S)
    V = equilibrium_payoff_set(RepeatedGame(game, noisy_attribution(game, q, r)), 0.9, method="projection", tol=1e-3)
    assert V.method == "projection" and V.status == "converged" and V.hausdorff <= 1e-3
    assert verify(V).ok


@WHOLE_RUNS
def test_mailath_samuelson_best_strongly_symmetric_payoff_is_inside_the_bracket():
    # Mailath & Samuelson, Repeated Games and Reputations (2006), ch. 7: u(E, E) = 2, u(S, E) = 3,
    # u(E, S) = -1, u(S, S) = 0, a good signal with probability p, q, r after 0, 1, 2 shirks. By
    # hand (see test_jyc.py): the best strongly symmetric PPE payoff is v = 2 - (1 - p)/(p - q),
    # 5/3 at p, q, r, delta = 0.9, 0.6, 0.3, 0.9, an equilibrium payoff: the outer set reaches it on
    # the diagonal, and the best symmetric PPE payoff (asymmetric continuations allowed) is at
    # least v, so the inner bound is within the gap of at least v.
    p, q, r = 0.9, 0.6, 0.3
    game = prisoners_dilemma(3.0, 2.0, 0.0, -1.0)
    good = {("C", "C"): p, ("C", "D"): q, ("D", "C"): q, ("D", "D"): r}
    monitoring = Monitoring(game, ["good", "bad"], {a: {"good": g, "bad": 1 - g} for a, g in good.items()})
    V = equilibrium_payoff_set(RepeatedGame(game, monitoring), 0.9, method="projection", tol=1e-3)
    v = 2 - (1 - p) / (p - q)
    best = best_symmetric_payoff(V)
    assert V.status == "converged"
    assert v <= best.upper + 1e-7 and best.value >= v - V.hausdorff - 1e-7
    assert verify(V).ok


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2 ** 32 - 1), st.sampled_from([1e-4, 1e-3, 1e-2]))
def test_outer_simplification_only_grows_within_eta_and_inner_only_shrinks(seed, eta):
    # Random convex polygons with many short edges (points on an ellipse): the simplified outer
    # polygon contains the original and lies within eta of it; the inner one lies inside it.
    rng = np.random.default_rng(seed)
    angles = np.sort(rng.uniform(0, 2 * np.pi, rng.integers(5, 200)))
    W = _polytopes.hull2(np.column_stack([rng.uniform(0.5, 3) * np.cos(angles), np.sin(angles)]))
    outer = projection.simplify_outer(W, eta)
    assert _polytopes.contains2(outer, W, 1e-9).all()
    assert _polytopes.excess2(outer, W) <= eta * (1 + 1e-9)
    inner = projection.simplify_inner(W, eta)
    assert _polytopes.contains2(W, inner, 1e-9).all()
    assert len(outer) <= len(W) and len(inner) <= len(W)
