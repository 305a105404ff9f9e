"""The Moran process: closed-form fixation probabilities by hand, the balance certificate, simulation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import prisoners_dilemma, symmetric_game, verify
from cybergames.dynamics import fixation_probability, moran_process, simulate_fixation
from cybergames.errors import GameError, ParameterError

positive_payoffs = st.lists(st.integers(1, 9), min_size=4, max_size=4)


def constant_fitness(r):
    # Mutant payoff r against everybody, resident payoff 1 against everybody: with intensity 1 the
    # fitnesses are f_i = r and g_i = 1 whatever the composition.
    return symmetric_game([[r, r], [1, 1]])


@pytest.mark.parametrize("n", [2, 3, 10, 57])
def test_neutral_drift_fixes_with_probability_one_over_n(n):
    # Nowak, Evolutionary Dynamics (2006), ch. 6, eq. (6.5): with f = g every product g/f is 1, so
    # rho = 1/(1 + (N - 1)) = 1/N; from i mutants x_i = i/N.
    result = fixation_probability(symmetric_game([[4, 4], [4, 4]]), n)
    assert result.probability == Fraction(1, n) == result.neutral
    assert result.from_each == tuple(Fraction(i, n) for i in range(n + 1))
    assert verify(result).ok


def test_constant_fitness_by_hand():
    # Nowak (2006), ch. 6, eq. (6.13): rho = (1 - 1/r)/(1 - 1/r^N). r = 2, N = 3: (1/2)/(7/8) = 4/7.
    # By the sum: 1/(1 + 1/2 + 1/4) = 4/7. From two mutants: (1 + 1/2)/(7/4) = 6/7.
    result = fixation_probability(constant_fitness(2), 3)
    assert result.probability == Fraction(4, 7)
    assert result.from_each == (0, Fraction(4, 7), Fraction(6, 7), 1)


@given(st.fractions(Fraction(1, 10), 10).filter(lambda r: r != 1), st.integers(2, 40))
def test_constant_fitness_matches_the_closed_form(r, n):
    # the same formula, for any r != 1 and N: the game is the constant-fitness game above
    assert fixation_probability(constant_fitness(r), n).probability == (1 - 1 / r) / (1 - 1 / r**n)


def test_frequency_dependent_fitness_by_hand():
    # Nowak, Sasaki, Taylor & Fudenberg (2004), eq. (1), with a, b, c, d = 3, 1, 2, 2 and N = 3, w = 1:
    # one mutant: f_1 = (a*0 + b*2)/2 = 1, g_1 = (c*1 + d*1)/2 = 2; two mutants: f_2 = (a + b)/2 = 2,
    # g_2 = (2c + 0d)/2 = 2. rho = 1/(1 + g1/f1 + g1 g2/(f1 f2)) = 1/(1 + 2 + 2) = 1/5.
    result = fixation_probability(symmetric_game([[3, 1], [2, 2]]), 3)
    assert result.probability == Fraction(1, 5)
    assert result.fitness == ((1, 2), (2, 2))


def test_weak_selection_in_the_prisoners_dilemma_by_hand():
    # T, R, P, S = 5, 3, 1, 0, cooperators invade defectors, N = 2, w = 1/2: one cooperator meets one
    # defector: f_1 = 1/2 + S/2 = 1/2, g_1 = 1/2 + T/2 = 3; rho = 1/(1 + 6) = 1/7.
    result = fixation_probability(prisoners_dilemma(), 2, "C", "D", intensity=Fraction(1, 2))
    assert result.probability == Fraction(1, 7)
    assert result.mutant == "C" and result.resident == "D"


@given(positive_payoffs, st.integers(2, 30), st.fractions(0, 1, max_denominator=10))
def test_certificate_and_float_path(payoffs, n, w):
    a, b, c, d = payoffs
    game = symmetric_game([[a, b], [c, d]])
    exact = fixation_probability(game, n, intensity=w)
    assert verify(exact).ok
    assert all(0 <= x <= 1 for x in exact.from_each)
    assert list(exact.from_each) == sorted(exact.from_each)          # more mutants, likelier fixation
    floating = fixation_probability(game, n, intensity=float(w))
    assert floating.probability == pytest.approx(float(exact.probability), rel=1e-9, abs=1e-300)


@given(positive_payoffs, st.integers(2, 30))
def test_no_selection_is_neutral_drift(payoffs, n):
    a, b, c, d = payoffs
    assert fixation_probability(symmetric_game([[a, b], [c, d]]), n, intensity=0).probability == Fraction(1, n)


@pytest.mark.slow
def test_simulation_agrees_with_the_closed_form():
    # 4/7 from test_constant_fitness_by_hand; a seeded estimate within four standard errors
    estimate = simulate_fixation(constant_fitness(2), 3, repetitions=4000, seed=7)
    assert abs(estimate.probability - 4 / 7) <= 4 * estimate.standard_error
    game = symmetric_game([[3, 1], [2, 2]])
    estimate = simulate_fixation(game, 3, repetitions=4000, seed=8)
    assert abs(estimate.probability - 1 / 5) <= 4 * estimate.standard_error
    assert estimate.unfinished == 0


def test_seeds_reproduce_runs():
    first = moran_process(prisoners_dilemma(), 12, [6, 6], intensity=0.5, seed=3)
    again = moran_process(prisoners_dilemma(), 12, [6, 6], intensity=0.5, seed=3)
    assert (first.counts == again.counts).all() and first.fixed == again.fixed
    assert not first.counts.flags.writeable
    assert verify(first).ok
    assert simulate_fixation(constant_fitness(2), 5, repetitions=50, seed=1) == \
        simulate_fixation(constant_fitness(2), 5, repetitions=50, seed=1)


def test_progress_is_reported():
    calls = []
    moran_process(prisoners_dilemma(), 10, [5, 5], intensity=0.5, seed=0, max_steps=1000,
                  progress=lambda done, total: calls.append((done, total)))
    assert calls and all(total == 1000 for _, total in calls)


def test_bad_input():
    with pytest.raises(ParameterError, match="population"):
        fixation_probability(constant_fitness(2), 1)
    with pytest.raises(ParameterError, match="intensity"):
        fixation_probability(constant_fitness(2), 5, intensity=2)
    with pytest.raises(ParameterError, match="intensity"):
        fixation_probability(symmetric_game([[-1, 1], [1, 1]]), 5)          # a negative fitness
    with pytest.raises(GameError, match="symmetric"):
        fixation_probability(prisoners_dilemma().transform_payoffs(0, shift=1), 5)
    with pytest.raises(ParameterError, match="initial"):
        moran_process(prisoners_dilemma(), 10, [5, 4], intensity=0.5)
    with pytest.raises(ParameterError, match="MAX_EXACT_POPULATION"):
        fixation_probability(constant_fitness(2), 10**5)
