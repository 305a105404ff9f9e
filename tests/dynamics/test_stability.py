"""Stochastic stability: KMR and adaptive play select the risk-dominant equilibrium, exactly and numerically."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cybergames import payoff_dominant, risk_dominant, stag_hunt, symmetric_game, verify
from cybergames.dynamics import adaptive_play, kmr, stationary_distribution, stochastically_stable
from cybergames.errors import GameError, ParameterError, ProbabilityError


def test_kmr_selects_hare_in_skyrms_stag_hunt_against_payoff_dominance():
    # Skyrms (2004), ch. 1: T, R, P, S = 3, 4, 3, 0; stag is payoff dominant (4 > 3) and hare risk dominant
    # (Nash products 1 < 9). KMR (1993), N = 10, each player matched with the other 9:
    # from all-hare, z stag mutants: a hare player sees z stags, switches iff 4z > 27 (z >= 7); a stag player
    # sees z - 1 stags, keeps stag iff 4(z - 1) >= 27 (z >= 8). z = 7 gives b = 3 stags and then 0: 8 mutations
    # are needed. From all-stag, m hare mutants: z = 10 - m >= 8 keeps everybody on stag, m = 3 tips it
    # (z = 7 -> 3 -> 0). Resistances 8 and 3: hare's stochastic potential 3 < 8, hare is selected.
    game = stag_hunt()
    result = stochastically_stable(kmr(game, 10))
    assert result.resistances == ((0, 3), (8, 0))          # class 0 is all-stag, class 1 all-hare
    assert result.stable_states == ((0, 10),)
    assert risk_dominant(game).selected == ("Hare", "Hare")
    assert payoff_dominant(game).selected == ("Stag", "Stag")  # the two criteria differ; KMR follows risk
    # Ellison (2000): radius of all-hare 8 > its coradius 3, which alone proves the selection
    assert (result.radius, result.coradius, result.ellison) == ((3, 8), (8, 3), 1)
    assert verify(result).ok


def test_kmr_where_risk_and_payoff_dominance_agree():
    # A = [[2, 0], [0, 1]], N = 10: an action-1 player seeing z action-0 players switches iff 2z > 9 - z (z >= 4);
    # an action-0 player seeing z - 1 others on 0 keeps 0 iff 3(z - 1) >= 9 (z >= 4). From all-1, 4 mutations
    # suffice (z = 4 -> everybody on 0; z = 3 -> 0). From all-0, m mutants leave z = 10 - m: z >= 4 returns to
    # all-0, so m = 7 is needed. Potentials 7 (all-1) and 4 (all-0): action 0 is selected, as both criteria say.
    game = symmetric_game([[2, 0], [0, 1]])
    result = stochastically_stable(kmr(game, 10))
    assert result.resistances == ((0, 7), (4, 0))
    assert result.stable_states == ((10, 0),)
    assert risk_dominant(game).selected == payoff_dominant(game).selected == ("0", "0")


def _threshold(a, b, c, d):
    """p*: the share of action 0 that makes a player indifferent, (d - b)/((a - c) + (d - b))."""
    return Fraction(d - b, (a - c) + (d - b))


@settings(max_examples=30, deadline=None)
@given(st.integers(-5, 5), st.integers(-5, 5), st.integers(1, 6), st.integers(1, 6))
def test_kmr_selects_the_risk_dominant_equilibrium_of_2x2_coordination_games(c, b, gap_0, gap_1):
    # A coordination game a > c, d > b; action 0 is risk dominant iff a - c > d - b (p* < 1/2).
    # Against the other N - 1, the thresholds of the two groups lie within one player of p*(N - 1), so
    # the two resistances are about p*(N - 1) and (1 - p*)(N - 1), each within 2: with
    # |1 - 2p*| (N - 1) > 5 the larger basin wins (KMR 1993, Theorem 3).
    a, d = c + gap_0, b + gap_1
    assume(gap_0 != gap_1)
    p = _threshold(a, b, c, d)
    n = math.ceil(6 / abs(1 - 2 * p)) + 2
    assume(n <= 60)
    game = symmetric_game([[a, b], [c, d]])
    result = stochastically_stable(kmr(game, n))
    winner = 0 if gap_0 > gap_1 else 1
    expected = tuple(n if k == winner else 0 for k in range(2))
    assert result.stable_states == (expected,)
    label = game.actions[0][winner]
    assert risk_dominant(game).selected == (label, label)


def test_stationary_distribution_concentrates_on_the_stable_state():
    # Exact for rational epsilon: the mass of all-hare rises towards 1 as epsilon falls (Young 1993, Thm 4).
    chain = kmr(stag_hunt(), 6)
    masses = [stationary_distribution(chain, Fraction(1, d)).class_mass for d in (10, 100, 1000, 10000)]
    hare = [m[1] for m in masses]
    assert all(isinstance(m, Fraction) for m in hare)
    assert hare == sorted(hare) and hare[-1] > Fraction(999, 1000)
    stag = [m[0] for m in masses]
    assert stag == sorted(stag, reverse=True)
    exact = stationary_distribution(chain, Fraction(1, 100))
    floating = stationary_distribution(chain, 0.01)
    assert [float(v) for v in exact.distribution] == pytest.approx(floating.distribution, rel=1e-9)
    assert verify(exact).ok and verify(floating).ok


def test_stationary_probability_of_two_players_by_hand():
    # N = 2 in the coordination game [[2, 0], [0, 1]]: states (2,0), (1,1), (0,2). From (1,1) a 0-player sees
    # a 1-player (0 < 1: switch to 1) and the 1-player sees a 0-player (2 > 0: switch to 0): b(1,1) = (1,1).
    # From (2,0) both keep 0; from (0,2) both keep 1. Each player flips with probability e independently, so
    # from a target with both on one action: stay (1-e)^2, one flip 2e(1-e), two flips e^2; from (1,1)
    # to (1,1): (1-e)^2 + e^2, to each pure state e(1-e). By symmetry mu(2,0) = mu(0,2) = m and mu(1,1) = k;
    # balance at (1,1): k = 2 m 2e(1-e) + k((1-e)^2 + e^2), so k * 2e(1-e) = 4 m e (1-e), k = 2m: (1/4, 1/2, 1/4).
    result = stationary_distribution(kmr(symmetric_game([[2, 0], [0, 1]]), 2), Fraction(1, 7))
    assert result.distribution == (Fraction(1, 4), Fraction(1, 2), Fraction(1, 4))


def test_adaptive_play_selects_the_risk_dominant_convention():
    # Young (1993), m = 4, s = 2 <= m/2 in Skyrms' stag hunt. Against a sample of two of the other's actions,
    # stag is a best reply only to two stags (4 > 3; one stag gives 2 < 3). Leaving the stag convention takes
    # one mistake (one hare in a sample makes hare the best reply); leaving the hare convention takes two
    # (a sample of two stags). The hare convention has the smaller stochastic potential.
    chain = adaptive_play(stag_hunt(), memory=4, sample=2)
    result = stochastically_stable(chain)
    assert result.resistances == ((0, 1), (2, 0))
    assert result.stable_states == ((("Hare", "Hare"),) * 4,)
    assert verify(result).ok
    mass = [stationary_distribution(chain, e).class_mass[1] for e in (0.1, 0.01, 0.001)]
    assert mass == sorted(mass) and mass[-1] > 0.99


def test_three_action_coordination_game():
    # Symmetric 3x3 pure coordination with payoffs 3, 2, 1 on the diagonal, N = 6: each all-k state is
    # recurrent; the action with the highest coordination payoff has the largest basin.
    game = symmetric_game([[3, 0, 0], [0, 2, 0], [0, 0, 1]])
    result = stochastically_stable(kmr(game, 6))
    assert len(result.classes) == 3
    assert result.stable_states == ((6, 0, 0),)
    assert verify(result).ok


def test_bad_input():
    with pytest.raises(ProbabilityError, match="epsilon"):
        stationary_distribution(kmr(stag_hunt(), 4), 0)
    with pytest.raises(ProbabilityError, match="epsilon"):
        stationary_distribution(kmr(stag_hunt(), 4), Fraction(3, 2))
    with pytest.raises(ParameterError, match="population"):
        kmr(stag_hunt(), 1)
    with pytest.raises(ParameterError, match="MAX_CHAIN_STATES"):
        kmr(stag_hunt(), 5000)
    with pytest.raises(ParameterError, match="sample"):
        adaptive_play(stag_hunt(), 3, 4)
    with pytest.raises(ParameterError, match="chain"):
        stochastically_stable(stag_hunt())
    with pytest.raises(GameError, match="symmetric"):
        kmr(symmetric_game([[1, 0], [0, 1]]).transform_payoffs(1, shift=1), 4)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=4, max_size=4), st.integers(2, 8))
def test_the_stationary_distribution_agrees_with_the_exact_answer(entries, n):
    # Two methods for one question: least-cost trees (exact) and mu^epsilon at a small epsilon (numerical).
    # With a unique stable class of potential p and every other potential >= p + 1, the others' mass is
    # O(epsilon) relative to it (Young 1993, proof of Theorem 4): at epsilon = 1e-6 the stable class leads.
    a, b, c, d = entries
    game = symmetric_game([[a, b], [c, d]])
    chain = kmr(game, n)
    result = stochastically_stable(chain)
    mass = stationary_distribution(chain, 1e-6).class_mass
    if len(result.stable) == 1:
        assert int(np.argmax(mass)) == result.stable[0]
        assert mass[result.stable[0]] > 0.99
    assert verify(result).ok


@pytest.mark.parametrize("n", [3, 12, 30])
def test_without_incentives_every_state_is_stochastically_stable(n):
    # All payoffs equal: every action is always a best response, so nobody moves and each of the N + 1
    # compositions is its own recurrent class. Moving from z to z' changes |z - z'| players. A tree on
    # N + 1 classes has N edges of cost >= 1, and the path of neighbours into any z costs exactly N:
    # every potential is N and every state is stochastically stable (by hand).
    result = stochastically_stable(kmr(symmetric_game([[1, 1], [1, 1]]), n))
    assert len(result.classes) == n + 1
    assert result.potentials == (n,) * (n + 1)
    assert len(result.stable_states) == n + 1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(-3, 3), min_size=9, max_size=9), st.integers(2, 5))
def test_least_trees_agree_with_enumerating_every_tree(entries, n):
    # verify() recomputes the class resistances by Floyd-Warshall and, with at most seven classes,
    # enumerates every tree: an independent check of the Chu-Liu/Edmonds search.
    game = symmetric_game(np.array(entries).reshape(3, 3).tolist())
    result = stochastically_stable(kmr(game, n))
    assert verify(result).ok
