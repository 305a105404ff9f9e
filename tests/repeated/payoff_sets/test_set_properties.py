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
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import Automaton, NormalFormGame, RepeatedGame, check_equilibrium, equilibrium_payoff_set, values
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
