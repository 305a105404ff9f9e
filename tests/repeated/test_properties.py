"""Properties of the repeated-game solvers on random games, automata and monitoring structures."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, verify
from cybergames.repeated import (Automaton, Monitoring, RepeatedGame, check_equilibrium, perfect, play,
                                 sustainable_discount_factors, values)
from cybergames.strategies import (automaton_profiles, normal_form_games, positive_affine_transformations,
                                   repeated_games)

SMALL = dict(max_states=2)


def _rational_near(x, side, epsilon):
    """A rational within ``epsilon`` of ``x`` on ``side`` (-1 below, +1 above); x itself if rational and side 0."""
    if isinstance(x, (int, Fraction)):
        return Fraction(x) + side * epsilon
    value = sympy.nsimplify(sympy.N(x, 50), rational=True)
    return Fraction(int(value.p), int(value.q)) + side * epsilon


def _probe_points(delta_set):
    """Points on both sides of every endpoint (and rational endpoints themselves), inside [0, 1)."""
    endpoints = sorted({float(e) for i in delta_set.intervals for e in (i.lower, i.upper)} | {0.0, 1.0})
    gap = min([b - a for a, b in zip(endpoints, endpoints[1:]) if b > a] + [1.0])
    epsilon = Fraction(min(gap / 4, 1e-4)).limit_denominator(10**12) or Fraction(1, 10**12)
    points = set()
    for interval in delta_set.intervals:
        for e in (interval.lower, interval.upper):
            for side in (-1, 1):
                points.add(_rational_near(e, side, epsilon))
            if isinstance(e, (int, Fraction)):
                points.add(Fraction(e))
    return sorted(p for p in points if 0 <= p < 1)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_delta_in_the_set_passes_the_check_and_a_delta_outside_fails_it(data):
    rg = data.draw(repeated_games(actions=(2, 3)))
    profile = data.draw(automaton_profiles(rg, **SMALL))
    delta_set = sustainable_discount_factors(rg, profile)
    extra = data.draw(st.lists(st.fractions(0, Fraction(49, 50), max_denominator=50), max_size=3))
    for delta in _probe_points(delta_set) + extra:
        assert (delta in delta_set) == check_equilibrium(rg, profile, delta).holds, delta


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_random_delta_sets_verify(data):
    rg = data.draw(repeated_games(actions=2))
    profile = data.draw(automaton_profiles(rg, **SMALL))
    assert verify(sustainable_discount_factors(rg, profile))


@settings(max_examples=40, deadline=None)
@given(st.data(), st.sampled_from([Fraction(1, 2), Fraction(2, 3), Fraction(9, 10)]))
def test_values_match_the_truncated_expected_sum(data, delta):
    rg = data.draw(repeated_games(actions=(2, 3)))
    profile = data.draw(automaton_profiles(rg))
    rounds = 40 if delta < Fraction(9, 10) else 120
    truncated = play(rg, profile, rounds, max_paths=1).discounted(delta)
    exact = values(rg, profile, delta).initial
    bound = delta ** rounds * max(abs(x) for a in rg.stage.payoffs for x in a.flat)
    for v, t in zip(exact, truncated):
        assert abs(v - t) <= bound


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_delta_sets_are_invariant_under_positive_affine_payoff_transformations(data):
    rg = data.draw(repeated_games(actions=2))
    profile = data.draw(automaton_profiles(rg, **SMALL))
    game = rg.stage
    for i in range(game.num_players):
        f = data.draw(positive_affine_transformations())
        game = game.transform_payoffs(i, f.scale, f.shift)
    monitoring = Monitoring(game, rg.monitoring.signals, rg.monitoring.table())
    transformed = RepeatedGame(game, monitoring)
    assert sustainable_discount_factors(transformed, profile) == sustainable_discount_factors(rg, profile)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_perfect_monitoring_written_as_a_general_structure_gives_the_same_answers(data):
    game = data.draw(normal_form_games(2, (2, 3), min_value=-5, max_value=5))
    rg = RepeatedGame(game, perfect(game))
    profile = data.draw(automaton_profiles(rg, **SMALL))
    # the same information with other signal names, in another order
    order = data.draw(st.permutations(list(game.profiles())))
    name = {profile_: f"saw {'/'.join(profile_)}" for profile_ in order}
    general = Monitoring(game, [name[p] for p in order], lambda p: {name[p]: 1})
    assert general.is_perfect
    renamed = tuple(Automaton(a.states, a.initial, dict(a.output),
                              {(w, name[y]): target for (w, y), target in a.transition.items()})
                    for a in profile)
    ours = sustainable_discount_factors(RepeatedGame(game, general), renamed)
    assert ours == sustainable_discount_factors(rg, profile)
    assert ours.concept == "subgame perfect"


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_delta_sets_do_not_depend_on_the_order_of_actions(data):
    rg = data.draw(repeated_games(actions=(2, 3), monitoring="perfect"))
    profile = data.draw(automaton_profiles(rg, **SMALL))
    game = rg.stage
    for i in range(game.num_players):
        order = data.draw(st.permutations(range(game.shape[i])))
        game = game.permute_actions(i, order)
    assert sustainable_discount_factors(RepeatedGame(game), profile) == sustainable_discount_factors(rg, profile)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_float_games_agree_with_exact_games(data):
    rg = data.draw(repeated_games(actions=2, monitoring="perfect"))
    profile = data.draw(automaton_profiles(rg, **SMALL))
    exact = sustainable_discount_factors(rg, profile)
    floats = RepeatedGame(NormalFormGame([np.asarray(a, dtype=float) for a in rg.stage.payoffs],
                                         actions=rg.stage.actions))
    approximate = sustainable_discount_factors(floats, profile)
    ends = [float(e) for i in exact.intervals for e in (i.lower, i.upper)]
    if any(abs(b - a) < 1e-6 for a, b in zip(ends, ends[1:]) if a != b):
        return                     # endpoints closer than the float tolerance can merge
    assert len(approximate.intervals) == len(exact.intervals)
    assert [float(e) for i in approximate.intervals for e in (i.lower, i.upper)] == pytest.approx(ends, abs=1e-7)


@settings(max_examples=30, deadline=None)
@given(st.data(), st.fractions(0, Fraction(19, 20), max_denominator=40))
def test_equilibrium_checks_verify(data, delta):
    rg = data.draw(repeated_games(actions=(2, 3)))
    profile = data.draw(automaton_profiles(rg))
    result = check_equilibrium(rg, profile, delta)
    assert verify(result)
    assert result.holds == all(g is None or g <= 0 for g in result.best_gains)
