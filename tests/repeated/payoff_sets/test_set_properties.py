"""Properties of equilibrium payoff sets that follow from the theory, on random games with public monitoring.

* Monotone in delta: with public randomisation the set of perfect public equilibrium payoffs is convex,
  and a convex self-generating set at delta_1 is self-generating at every delta_2 > delta_1, so
  V(delta_1) is inside V(delta_2) (Abreu, Pearce & Stacchetti 1990, Theorem 6; Mailath & Samuelson 2006,
  sec. 7.3, and sec. 2.5 for perfect monitoring).
* Every equilibrium payoff lies in every outer approximation: the value of each profile that
  check_equilibrium accepts (Mailath & Samuelson 2006, Prop. 7.1.1: the one-shot deviation principle).
"""

import itertools

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cybergames import (Automaton, Monitoring, NormalFormGame, RepeatedGame, check_equilibrium, equilibrium_payoff_set,
                        noisy_attribution, values, verify)
from cybergames.strategies import automaton_profiles, monitoring_structures, normal_form_games

SETTINGS = dict(method="jyc", directions=8, tol=1e-3, max_iter=15)


@st.composite
def public_games(draw):
    """2x2 and 3x3 games on a grid of quarters (float), with 2 or 3 public signals of full support."""
    exact = draw(normal_form_games(actions=draw(st.sampled_from([2, 3])), min_value=-5, max_value=5,
                                   max_denominator=4))
    game = NormalFormGame([np.array(p, dtype=float) for p in exact.payoffs], actions=exact.actions)
    monitoring = draw(monitoring_structures(game, min_signals=2, max_signals=3, exact=False, full_support=True))
    return RepeatedGame(game, monitoring)


def _distance(polytope, points):
    return max((polytope.distance(tuple(p)) for p in np.asarray(points, dtype=float).tolist()), default=0.0)


@settings(max_examples=5, deadline=None)
@given(public_games(), st.sampled_from([(0.5, 0.8), (0.7, 0.9), (0.3, 0.6)]))
def test_the_outer_set_is_monotone_in_delta(rg, deltas):
    low = equilibrium_payoff_set(rg, deltas[0], **SETTINGS)
    high = equilibrium_payoff_set(rg, deltas[1], **SETTINGS)
    if low.outer.is_empty:
        return
    # inner(d1) is in V(d1), inside V(d2), inside outer(d2): no tolerance beyond rounding
    assert _distance(high.outer, low.inner.vertices) <= 1e-6
    # outer(d1) is within the gap of inner(d1), hence of outer(d2): contained up to that gap
    assert _distance(high.outer, low.outer.vertices) <= low.hausdorff + 1e-6


def _constant(action):
    return Automaton(["s"], "s", {"s": action}, lambda state, signal: "s")


@settings(max_examples=5, deadline=None)
@given(public_games(), st.sampled_from([0.5, 0.9]), st.data())
def test_the_value_of_every_accepted_profile_lies_in_the_outer_set(rg, delta, data):
    # Every constant profile (those that are stage Nash equilibria pass) and a few random two-state
    # automaton profiles: whatever check_equilibrium accepts is a PPE, so its value is in V.
    game = rg.stage
    profiles = [tuple(_constant(a) for a in labels) for labels in itertools.product(*game.actions)]
    profiles += [data.draw(automaton_profiles(rg, min_states=1, max_states=2)) for _ in range(4)]
    V = equilibrium_payoff_set(rg, delta, **SETTINGS)
    accepted = [p for p in profiles if check_equilibrium(rg, p, delta).holds]
    for profile in accepted:
        value = tuple(float(v) for v in values(rg, profile, delta).initial)
        assert V.outer.contains(value, tol=1e-6), (profile, value)


@st.composite
def near_tie_games(draw):
    """2x2 float games with ties, near-ties and tiny payoffs, times 10**k for k in -300..300.

    Each payoff is 0, +-1, a quarter in [-5, 5], a tiny +-10**-j (j up to 300) or a
    neighbour of another one (x (1 + 10**-j)): the ties that decide which profiles are
    stage Nash equilibria sit far below any float tolerance. Perfect monitoring or two
    public signals of full support.
    """
    def payoff():
        tiny = st.tuples(st.sampled_from([1.0, -1.0]), st.integers(1, 300)).map(lambda t: t[0] * 10.0 ** -t[1])
        return st.one_of(st.sampled_from([0.0, 1.0, -1.0]), st.integers(-20, 20).map(lambda k: k / 4), tiny)
    values = [draw(payoff()) for _ in range(8)]
    for k in range(8):
        if draw(st.booleans()) and k:
            values[k] = values[draw(st.integers(0, k - 1))] * (1 + 10.0 ** -draw(st.integers(1, 300)))
    scale = 10.0 ** draw(st.integers(-300, 300))
    game = NormalFormGame([np.array(values[:4]).reshape(2, 2) * scale, np.array(values[4:]).reshape(2, 2) * scale])
    if draw(st.booleans()):
        return RepeatedGame(game)
    return RepeatedGame(game, draw(monitoring_structures(game, min_signals=2, max_signals=2, exact=False,
                                                         full_support=True)))


def _stage_nash_payoffs(game):
    # by definition, not by the code under test: no player gains by switching its own action
    u = [np.asarray(p, dtype=float) for p in game.payoffs]
    return [(u[0][i, j], u[1][i, j]) for i in range(2) for j in range(2)
            if u[0][i, j] >= u[0][1 - i, j] and u[1][i, j] >= u[1][i, 1 - j]]


# Payoffs of 1e-315 (subnormal): the outer set, computed in units of a power of two, came back with
# 0.0 and -0.0 as two vertices, and the repeated vertex gave NaN normals, so no point lay inside it.
_SUBNORMAL = NormalFormGame([np.zeros((2, 2)), np.array([[0.0, 0.0], [0.0, 1e-315]])])
SUBNORMAL = RepeatedGame(_SUBNORMAL, Monitoring(_SUBNORMAL, ("y0", "y1"), lambda a: {"y0": 0.25, "y1": 0.75}
                                                if a == ("0", "0") else {"y0": 0.6, "y1": 0.4}))


@settings(max_examples=20, deadline=None)
@given(near_tie_games(), st.sampled_from([0.1, 0.5, 0.9]), st.sampled_from(["jyc", "hyperplane", "polygon", "projection"]))
@example(SUBNORMAL, 0.1, "projection")
@example(SUBNORMAL, 0.1, "hyperplane")
def test_every_outer_set_contains_every_stage_nash_payoff(rg, delta, method):
    # Repeating a stage Nash equilibrium after every history is an equilibrium at every delta (Mailath &
    # Samuelson 2006, Prop. 2.2.1 and, with public signals, sec. 7.1), so its payoff lies in V(delta) and in
    # every outer approximation, after any number of iterations: the outer sets are sound, so a near-tie
    # far below the float tolerance, or a scale of 1e-300 or 1e300, must not cut a stage Nash payoff away.
    if method == "polygon":
        rg = RepeatedGame(rg.stage)                   # the polygon method is for perfect monitoring
    V = equilibrium_payoff_set(rg, delta, method=method, directions=8, tol=1e-3, max_iter=4)
    nash = _stage_nash_payoffs(rg.stage)
    if not nash:                                  # matching pennies and its kin: nothing to keep
        return
    assert not V.is_empty
    normals = np.asarray(V.outer.normals, dtype=float)
    offsets = np.asarray(V.outer.offsets, dtype=float)
    size = max(np.abs(np.asarray(p, dtype=float)).max() for p in rg.stage.payoffs)
    # the JYC and hyperplane cuts are moved out by the rounding; the polygon method applies B exactly, so a
    # stage Nash payoff can be a vertex of its outer set, within rounding; projection keeps them as vertices
    slack = 0.0 if method in ("jyc", "hyperplane") else 1e-9 * size
    assert (np.array(nash) @ normals.T - offsets <= slack).all(), (nash, V.outer.vertices)


@pytest.mark.parametrize("perfect", [True, False])
def test_projection_keeps_a_stage_nash_payoff_that_is_the_whole_feasible_set_above_the_floor(perfect):
    # Found by the property above: u1 = [[-1, 0], [-1.1, -1.1]], u2 = [[0, -1], [0, 0.1]]. The only pure
    # equilibrium is (top, left), worth (-1, 0), which is also the minmax vector; (-1, 0) lies on the edge
    # from (0, -1) to (-1.1, 0.1) (y = -1 - x), so the feasible set above the floor is that one point, and
    # in floats the first outer set was empty: projection reported "converged" on an empty set at every delta.
    game = NormalFormGame([np.array([[-1.0, 0.0], [-1.1, -1.1]]), np.array([[0.0, -1.0], [0.0, 0.1]])])
    rg = RepeatedGame(game) if perfect else RepeatedGame(game, noisy_attribution(game, 0.9, 0.1))
    for delta in (0.1, 0.9):
        V = equilibrium_payoff_set(rg, delta, method="projection", tol=1e-3)
        assert not V.is_empty and verify(V).ok
        assert (np.array([-1.0, 0.0]) @ np.asarray(V.outer.normals, dtype=float).T
                - np.asarray(V.outer.offsets, dtype=float) <= 1e-9).all()
