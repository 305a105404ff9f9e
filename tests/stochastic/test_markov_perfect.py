"""Markov perfect equilibria: hand-solved games, one-shot deviation, completeness against best-reply MDPs."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.stochastic import (StochasticGame, deviation_gains, markov_perfect_equilibria, profile_values,
                                   solve_mdp)
from cybergames.strategies import stochastic_games

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
H = Fraction(1, 2)
STAY = [[[[1], [1]], [[1], [1]]]]


def test_prisoners_dilemma_forever_has_only_defection():
    # One state, R, S, T, P = 2, 0, 3, 1: stationary strategies cannot punish, so each state game must
    # be a Nash equilibrium of u + delta V with V constant: defection is dominant (Fudenberg–Tirole ch. 13).
    pd = StochasticGame([[[[2, 0], [3, 1]], [[2, 3], [0, 1]]]], STAY, H)
    result = markov_perfect_equilibria(pd, mixed=True)
    assert [eq.profile for eq in result] == [(((0, 1), (0, 1)),)]
    assert result[0].values == ((2,), (2,))                  # 1/(1 - 1/2)
    assert verify(result).ok and result.continua == ()


def test_matching_pennies_forever_has_the_mixed_equilibrium():
    # Matching pennies with a constant continuation: the stage equilibrium (1/2, 1/2), value 0.
    pennies = StochasticGame([[[[1, -1], [-1, 1]], [[-1, 1], [1, -1]]]], STAY, H)
    result = markov_perfect_equilibria(pennies, mixed=True)
    assert len(result) == 1 and not result[0].pure
    assert result[0].profile == (((H, H), (H, H)),) and result[0].values == ((0,), (0,))


def test_a_two_state_game_by_hand():
    # State 0: a coordination game [[2, 0], [0, 1]] for both; coordinating on action 0 moves to state 1,
    # which pays 0 and returns to state 0. With delta = 1/2 the profile "always 0" gives
    # V(0) = 2 + V(1)/2, V(1) = V(0)/2, so V(0) = 8/3: deviating at 0 pays 0 + (1/2) V(0) = 4/3 < 8/3.
    # "Always 1" in state 0 stays there: V(0) = 1 + V(0)/2 = 2, deviating pays 0 + (1/2) 2 = 1 < 2.
    # Mixed profiles aside, these are the only pure MPE (the miscoordinated profiles are not equilibria).
    game = StochasticGame([[[[2, 0], [0, 1]], [[2, 0], [0, 1]]], [[[[0]], [[0]]]][0]],
                          [[[[0, 1], [1, 0]], [[1, 0], [1, 0]]], [[[1, 0]]]], H)
    profile = [(0, 0), (0, 0)]
    assert profile_values(game, profile) == ((Fraction(8, 3), Fraction(4, 3)),) * 2
    assert deviation_gains(game, profile) == ((0, 0), (0, 0))         # the best action is the one played
    # Miscoordinated (1, 0) pays 0 and stays: V = 0; switching to 0 once pays 2 now, then state 1 is
    # worth 0 + V(0)/2 = 0: a gain of 2.
    assert deviation_gains(game, [(1, 0), (0, 0)])[0][0] == 2
    profiles = {eq.profile for eq in markov_perfect_equilibria(game)}
    assert profiles == {(((1, 0), (1, 0)), ((1,), (1,))), (((0, 1), (0, 1)), ((1,), (1,)))}


def best_reply_value(game, profile, player):
    """Player's optimal value against the others' stationary profile, by solve_mdp (a second method)."""
    states = game.num_states
    width = max(game.action_counts(s)[player] for s in range(states))
    P = np.zeros((width, states, states), dtype=object)
    r = np.zeros((width, states), dtype=object)
    for s in range(states):
        count = game.action_counts(s)[player]
        for b in range(width):
            bb = min(b, count - 1)
            index = tuple(bb if k == player else profile[s][k] for k in range(game.num_players))
            r[b, s] = game.payoffs[s][player][index]
            P[b, s] = game.transitions[s][index]
    return solve_mdp(P, r, game.discount).values


@SETTINGS
@given(stochastic_games(max_states=2, max_actions=2))
def test_pure_mpe_are_exactly_the_mutual_best_replies(game):
    # A pure stationary profile is an MPE iff every player's value equals her best-reply MDP value.
    found = {tuple(tuple(int(np.argmax(mix)) for mix in entry) for entry in eq.profile)
             for eq in markov_perfect_equilibria(game)}
    choices = [range(n) for s in range(game.num_states) for n in game.action_counts(s)]
    players = game.num_players
    for flat in itertools.product(*choices):
        profile = [tuple(flat[s * players:(s + 1) * players]) for s in range(game.num_states)]
        values = profile_values(game, profile)
        is_mpe = all(values[i] == best_reply_value(game, profile, i) for i in range(players))
        assert is_mpe == (tuple(profile) in found)


@SETTINGS
@given(stochastic_games(max_states=1, max_actions=2))
def test_every_mpe_returned_passes_one_shot_deviation(game):
    result = markov_perfect_equilibria(game, mixed=all(game.action_counts(0) == (2, 2) for _ in [0]))
    assert verify(result).ok
    for eq in result:
        assert all(float(g) <= 1e-12 for per in eq.gains for g in per)


@SETTINGS
@given(stochastic_games(max_states=2, max_actions=2, exact=False))
def test_float_games(game):
    for eq in markov_perfect_equilibria(game):
        assert verify(eq).ok


@pytest.mark.slow
def test_two_state_mixed_equilibria_pass_one_shot_deviation_and_include_algebraic_ones():
    # Two 2x2 states; the search over 80 support patterns finds pure, rational and algebraic MPE.
    game = StochasticGame([[[[2, 0], [0, 1]], [[1, 0], [0, 2]]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]],
                          [[[[H, H], [1, 0]], [[1, 0], [0, 1]]], [[[0, 1], [1, 0]], [[1, 0], [0, 1]]]], H)
    result = markov_perfect_equilibria(game, mixed=True)
    assert verify(result).ok
    assert sum(eq.pure for eq in result) == 4
    # an equilibrium whose probabilities are irrational (sympy algebraic numbers)
    assert any(any(isinstance(x, sympy.Basic) for entry in eq.profile for mix in entry for x in mix)
               for eq in result)
    # The all-mixing pattern has exactly one real solution in the box and no continuum (by hand, from the
    # factored indifference conditions with p0, p1 the state-0 and p2, p3 the state-1 probabilities):
    #   (3 p0 - 2)(2 p2 p3 - p2 - p3 - 3) = 0, and 2 p2 p3 - p2 - p3 = -(p2 (1 - p3) + p3 (1 - p2)) <= 0 < 3,
    #   so p0 = 2/3;  (2 p3 - 1)(3 p0 p1 - 4) = 0 with p0 p1 < 4/3, so p3 = 1/2;
    #   (2 p2 - 1)(3 p0 p1 - 2 p0 - 2 p1 - 2) = 0, whose second factor is 2 p1 - 4/3 - 2 p1 - 2 = -10/3 at p0 = 2/3,
    #   so p2 = 1/2; and 3 p1^2 + 6 p1 p2 p3 - 3 p1 p2 - 3 p1 p3 - 12 p1 + 4 = 3 p1^2 - 27/2 p1 + 4 = 0,
    #   p1 = 9/4 -+ sqrt(537)/12, of which only 9/4 - sqrt(537)/12 ~ 0.319 is a probability.
    # sympy's solver also returns the family p0 = 1/2 -+ i sqrt(39)/6, p1 = conj(p0), p2 = (p3 + 3)/(2 p3 - 1):
    # complex, so not an equilibrium and not a continuum of them (it was once reported as one).
    assert result.continua == ()
    all_mixing = [eq for eq in result if all(0 < x < 1 for entry in eq.profile for mix in entry for x in mix)]
    assert len(all_mixing) == 1
    ((p0, _), (p1, _)), ((p2, _), (p3, _)) = all_mixing[0].profile
    assert (p0, p2, p3) == (Fraction(2, 3), H, H)
    assert sympy.simplify(p1 - (sympy.Rational(9, 4) - sympy.sqrt(537) / 12)) == 0
    _check_mixed_equilibria(result)       # every one real, in the box, and passing one-shot deviation


def test_complex_solutions_are_decided_exactly_and_discarded():
    # p = 1/2 + i sqrt(39)/6 is not real; 9/4 - sqrt(537)/12 is real and inside (0, 1), decided exactly.
    from cybergames.stochastic.markov_perfect import _may_be_inside
    p, q = sympy.symbols("p q")
    complex_value = sympy.Rational(1, 2) + sympy.sqrt(39) * sympy.I / 6
    assert not _may_be_inside({p: complex_value, q: (q + 3) / (2 * q - 1)})
    assert _may_be_inside({p: sympy.Rational(9, 4) - sympy.sqrt(537) / 12})
    assert not _may_be_inside({p: sympy.Rational(9, 4) + sympy.sqrt(537) / 12})       # ~ 4.18 > 1
    # a real number written with i (a root of x^3 - 3x + 1 through Cardano's formula) is kept
    cardano = sympy.solve(sympy.Symbol("x") ** 3 - 3 * sympy.Symbol("x") + 1, sympy.Symbol("x"), cubics=True)
    real_inside = [r for r in cardano if 0 < complex(sympy.N(r)).real < 1]
    assert len(real_inside) == 1 and _may_be_inside({p: real_inside[0]})


@st.composite
def two_by_two_stochastic_games(draw, *, states=1):
    """Exact stochastic games with two players and two actions in every state (payoffs in -3..3)."""
    payoffs = [[[[draw(st.integers(-3, 3)) for _ in range(2)] for _ in range(2)] for _ in range(2)]
               for _ in range(states)]
    weights = st.lists(st.integers(0, 3), min_size=states, max_size=states).filter(any)
    transitions = []
    for _ in range(states):
        cells = [[draw(weights) for _ in range(2)] for _ in range(2)]
        transitions.append([[[Fraction(w, sum(cell)) for w in cell] for cell in row] for row in cells])
    delta = Fraction(draw(st.integers(0, 9)), 10)
    return StochasticGame(payoffs, transitions, delta)


def _is_real_probability(x):
    if isinstance(x, (int, Fraction)):
        return 0 <= x <= 1
    x = sympy.sympify(x)
    return sympy.simplify(sympy.im(x)) == 0 and sympy.Integer(0) <= x <= 1


def _check_mixed_equilibria(result):
    assert verify(result).ok
    for eq in result:
        for entry in eq.profile:
            for mix in entry:
                assert all(_is_real_probability(x) for x in mix)
                assert sympy.simplify(sympy.sympify(sum(mix)) - 1) == 0
        # one-shot deviation recomputed by the public function, in floats, independently of the search
        gains = deviation_gains(eq.game, [tuple(tuple(float(sympy.N(x)) for x in mix) for mix in entry)
                                          for entry in eq.profile])
        assert all(g <= 1e-9 for per in gains for g in per)


@SETTINGS
@given(two_by_two_stochastic_games())
def test_every_mixed_mpe_of_a_one_state_game_is_real_inside_the_box_and_an_equilibrium(game):
    _check_mixed_equilibria(markov_perfect_equilibria(game, mixed=True))
