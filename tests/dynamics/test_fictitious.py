"""Fictitious play: Brown's procedure by hand, Robinson's convergence in zero-sum 2x2 games, seeds."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, matching_pennies, prisoners_dilemma, verify
from cybergames.dynamics import fictitious_play
from cybergames.errors import GameError, ParameterError


def test_first_rounds_of_matching_pennies_by_hand():
    # Brown (1951): best respond to the counts so far; prior weights (1, 1) each, ties to the first action.
    # Round 1: uniform beliefs, both indifferent: (H, H). Round 2: row believes (2, 1) in favour of H and
    # matches: H; column believes row plays H with 2/3 and mismatches: T. Round 3: row sees (2, 2) for the
    # column, a tie: H; column sees (3, 1): T. Round 4: row sees (2, 3): T; column sees (4, 1): T.
    run = fictitious_play(matching_pennies(), 4)
    assert run.plays.tolist() == [[0, 0], [0, 1], [0, 1], [1, 1]]
    assert run.final == ((Fraction(3, 4), Fraction(1, 4)), (Fraction(1, 4), Fraction(3, 4)))
    assert verify(run).ok and not run.plays.flags.writeable


def test_dominant_actions_are_played_from_the_start():
    run = fictitious_play(prisoners_dilemma(), 5)
    assert run.plays.tolist() == [[1, 1]] * 5


@st.composite
def zero_sum_2x2(draw):
    entries = draw(st.lists(st.integers(-10, 10), min_size=4, max_size=4))
    matrix = np.array(entries, dtype=object).reshape(2, 2)
    return NormalFormGame([matrix, -matrix])


@settings(max_examples=40, deadline=None)
@given(zero_sum_2x2())
def test_robinson_empirical_frequencies_approach_the_value(game):
    # Robinson (1951), Theorem: in a finite two-player zero-sum game the empirical frequencies (x_t, y_t)
    # of fictitious play satisfy max_i (A y_t)_i - min_j (x_t A)_j -> 0, so every limit point is an
    # equilibrium. After 2000 rounds the gap is below 5% of the payoff range (random 2x2 games reach 2%).
    run = fictitious_play(game, 2000)
    a = np.asarray(game.payoffs[0], dtype=float)
    x = np.array([float(v) for v in run.final[0]])
    y = np.array([float(v) for v in run.final[1]])
    gap = (a @ y).max() - (x @ a).min()
    assert -1e-12 <= gap <= 0.05 * max(1.0, a.max() - a.min())


def test_matching_pennies_frequencies_approach_one_half():
    run = fictitious_play(matching_pennies(), 5000)
    assert np.concatenate(run.frequencies)[-1] == pytest.approx(0.5, abs=0.02)
    assert np.array([float(p) for p in run.final[0]]) == pytest.approx([0.5, 0.5], abs=0.02)


def test_stochastic_fictitious_play_is_reproducible_and_approaches_the_equilibrium():
    first = fictitious_play(matching_pennies(), 3000, noise=0.3, seed=11)
    again = fictitious_play(matching_pennies(), 3000, noise=0.3, seed=11)
    other = fictitious_play(matching_pennies(), 3000, noise=0.3, seed=12)
    assert (first.plays == again.plays).all() and not (first.plays == other.plays).all()
    # the logit QRE of matching pennies is (1/2, 1/2) at every noise level (by symmetry)
    assert np.array([float(p) for p in first.final[0]]) == pytest.approx([0.5, 0.5], abs=0.05)
    assert verify(first).ok


def test_three_players_and_float_games():
    coordination = NormalFormGame([[[[2, 0], [0, 0]], [[0, 0], [0, 1]]]] * 3)
    run = fictitious_play(coordination, 20)
    assert run.plays.tolist() == [[0, 0, 0]] * 20 and verify(run).ok
    floats = fictitious_play(prisoners_dilemma(5.0, 3.0, 1.0, 0.0), 5, weights=[[0.5, 0.5], [2.0, 1.0]])
    assert floats.plays.tolist() == [[1, 1]] * 5 and verify(floats).ok


def test_progress_and_bad_input():
    calls = []
    fictitious_play(matching_pennies(), 1000, progress=lambda done, total: calls.append(done))
    assert calls[-1] == 1000 and len(calls) <= 101
    with pytest.raises(ParameterError, match="rounds"):
        fictitious_play(matching_pennies(), 0)
    with pytest.raises(ParameterError, match="noise"):
        fictitious_play(matching_pennies(), 5, noise=-1)
    with pytest.raises(ParameterError, match="weights"):
        fictitious_play(matching_pennies(), 5, weights=[[0, 0], [1, 1]])
    with pytest.raises(ParameterError, match="seed"):
        fictitious_play(matching_pennies(), 5, noise=1, seed="x")
    with pytest.raises(GameError, match="game"):
        fictitious_play([[1, 0], [0, 1]], 5)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.05, 5))
def test_any_seed_reproduces_its_run(seed, noise):
    first = fictitious_play(matching_pennies(), 60, noise=noise, seed=seed)
    again = fictitious_play(matching_pennies(), 60, noise=noise, seed=np.random.default_rng(seed))
    assert (first.plays == again.plays).all()
    assert first == first and first != again                  # results holding arrays compare by identity
