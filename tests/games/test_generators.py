"""Generated games: shapes, seeds, and the defining property of each family, checked by hand or by solving."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from cybergames import (blotto_game, covariance_game, is_zero_sum, nash_equilibria, random_game, ranking_game,
                        sgc_game, unit_vector_game, verify)
from cybergames.errors import ParameterError, StrategyArgumentError
from cybergames.strategies import (blotto_games, covariance_games, random_games, ranking_games, sgc_games,
                                   unit_vector_games)


# ------------------------------------------------------------------ uniform
@settings(max_examples=20, deadline=None)
@given(random_games(players=(1, 3), actions=(1, 4)))
def test_random_games_are_uniform_on_the_unit_interval(game):
    assert game.kind == "float" and len(game.payoffs) == game.num_players
    assert all(((p >= 0) & (p < 1)).all() for p in game.payoffs)


def test_the_seed_fixes_the_game_and_a_generator_is_accepted():
    assert random_game((3, 2), seed=5) == random_game((3, 2), seed=5)
    assert random_game((3, 2), seed=5) != random_game((3, 2), seed=6)
    rng = np.random.default_rng(5)
    assert random_game((3, 2), seed=rng) == random_game((3, 2), seed=5)


def test_uniform_payoffs_have_the_uniform_mean_and_variance():
    # U[0, 1) has mean 1/2 and variance 1/12; 40 000 draws put the sample mean within 4 sd (0.0058) of 1/2
    payoffs = random_game((200, 200), seed=0).payoffs[0]
    assert abs(payoffs.mean() - 0.5) < 4 * math.sqrt(1 / 12 / payoffs.size)
    assert abs(payoffs.var() - 1 / 12) < 0.005


# ------------------------------------------------------------------ covariance
@pytest.mark.parametrize("rho", [-0.5, 0.0, 0.3, 0.9])
def test_covariance_games_have_the_asked_correlation(rho):
    # Rinott & Scarsini (2000): the players' payoffs at a profile have correlation rho. With 40 000 profiles
    # the sample correlation's standard error is (1 - rho^2)/sqrt(40 000) <= 0.005; allow 5 standard errors.
    game = covariance_game((200, 200), rho, seed=1)
    first, second = (p.ravel() for p in game.payoffs)
    assert np.corrcoef(first, second)[0, 1] == pytest.approx(rho, abs=0.025)
    assert first.mean() == pytest.approx(0, abs=0.025) and first.std() == pytest.approx(1, abs=0.025)


def test_three_players_at_the_lowest_correlation_sum_to_zero():
    # With N = 3 and rho = -1/2 the covariance matrix (I - J/3) * 3/2 has the all-ones vector in its kernel:
    # u_1 + u_2 + u_3 has variance 3 + 6 rho = 0, so the three payoffs sum to zero at every profile.
    game = covariance_game((3, 3, 3), -0.5, seed=2)
    assert np.allclose(sum(game.payoffs), 0, atol=1e-12)


@settings(max_examples=20, deadline=None)
@given(covariance_games(players=2, rho=-1))
def test_perfectly_negative_correlation_is_zero_sum(game):
    assert is_zero_sum(game)


@settings(max_examples=20, deadline=None)
@given(covariance_games(players=(2, 3), rho=1))
def test_perfect_correlation_is_common_interest(game):
    assert all(np.allclose(p, game.payoffs[0]) for p in game.payoffs)


# ------------------------------------------------------------------ unit vector
@settings(max_examples=20, deadline=None)
@given(unit_vector_games())
def test_unit_vector_games_have_one_unit_per_column(game):
    # Savani & von Stengel (2016): every column of the row player's matrix is a unit vector
    A, B = game.payoffs
    assert game.shape[0] == game.shape[1]
    assert ((A == 0) | (A == 1)).all() and (A.sum(axis=0) == 1).all()
    assert ((B >= 0) & (B < 1)).all()


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 6), st.integers(0, 1000))
def test_avoiding_pure_equilibria(n, seed):
    try:
        game = unit_vector_game(n, avoid_pure_nash=True, seed=seed)
    except ParameterError:          # a column that is best against every row: no such game for this B
        return
    assert not any(eq.is_pure for eq in nash_equilibria(game))


# ------------------------------------------------------------------ ranking
def test_a_ranking_game_by_hand():
    # Goldberg et al. (2013): 1 to the higher score, 1/2 each on a tie, minus the cost of effort.
    # Recompute every payoff from the scores and costs drawn with the same seed (the generator draws
    # scores, then cost increments, from one Generator).
    n, steps, seed = 3, 10, 4
    game = ranking_game(n, steps, seed=seed)
    rng = np.random.default_rng(seed)
    scores = np.cumsum(rng.integers(1, steps + 1, size=(2, n)), axis=1)
    costs = np.cumsum(rng.integers(1, steps + 1, size=(2, n - 1)), axis=1)
    cost = [[0] + [Fraction(int(c), n * steps) for c in costs[p]] for p in range(2)]
    for a in range(n):
        for b in range(n):
            if scores[0, a] > scores[1, b]:
                prizes = (1, 0)
            elif scores[0, a] < scores[1, b]:
                prizes = (0, 1)
            else:
                prizes = (Fraction(1, 2), Fraction(1, 2))
            assert game.payoffs[0][a, b] == prizes[0] - cost[0][a]
            assert game.payoffs[1][a, b] == prizes[1] - cost[1][b]


@settings(max_examples=20, deadline=None)
@given(ranking_games())
def test_ranking_games_split_a_prize_of_one_less_increasing_costs(game):
    # A[a, b] + B[a, b] = 1 - c_row(a) - c_col(b) (the prize goes to someone, or is split), and effort 0
    # is free: so c_row(a) = (A + B)[0, b] - (A + B)[a, b] for every b, increasing in a, and
    # A[a, b] + c_row(a) is the row player's prize share, 0, 1/2 or 1.
    A, B = game.payoffs
    total = A + B
    n = A.shape[0]
    assert game.kind == "exact"
    for a in range(n):
        cost = {total[0, b] - total[a, b] for b in range(n)}
        assert len(cost) == 1
        (c,) = cost
        assert c >= 0 and (a == 0 or c > total[0, 0] - total[a - 1, 0])
        assert all(A[a, b] + c in (0, Fraction(1, 2), 1) for b in range(n))


# ------------------------------------------------------------------ Sandholm-Gilpin-Conitzer
@pytest.mark.parametrize("k", [1, 2, 3])
def test_sgc_has_a_unique_equilibrium_with_support_2k_minus_1(k):
    # Sandholm, Gilpin & Conitzer (2005), sec. 5: a unique equilibrium, uniform on the first 2k - 1 actions.
    # By hand: against uniform play on the cyclic block each of its rows earns
    # (3/4 (m - 2) + 1 + 1/2) / m = 3/4 (m = 2k - 1 >= 3; for k = 1 the block is 3/4 itself), and every
    # later row earns 0: so the profile is an equilibrium. nash_equilibria (complete for two players)
    # finds no other.
    game = sgc_game(k)
    assert game.shape == (4 * k - 1, 4 * k - 1) and game.kind == "exact"
    m = 2 * k - 1
    expected = [Fraction(1, m)] * m + [0] * (2 * k)
    equilibria = nash_equilibria(game)
    assert equilibria.complete and len(equilibria) == 1
    (eq,) = equilibria
    assert [list(s) for s in eq.strategies] == [expected, expected]
    assert eq.payoffs == (Fraction(3, 4), Fraction(3, 4)) and verify(eq).ok
    # payoffs between 0 and 1 (the single-cell block of k = 1 has no 1)
    assert min(min(p.flat) for p in game.payoffs) == 0
    assert max(max(p.flat) for p in game.payoffs) == (1 if k > 1 else Fraction(3, 4))


@settings(max_examples=5, deadline=None)
@given(sgc_games(max_k=4))
def test_sgc_games_are_equilibria_of_their_uniform_block(game):
    # the support property for every drawn k, checked as a best-response condition (fast at k = 4)
    k = (game.shape[0] + 1) // 4
    m = 2 * k - 1
    x = np.array([1 / m] * m + [0] * (2 * k))
    A, B = (np.asarray(p, dtype=float) for p in game.payoffs)
    assert np.allclose((A @ x)[:m], 0.75) and (A @ x)[m:].max() < 0.75
    assert np.allclose((x @ B)[:m], 0.75) and (x @ B)[m:].max() < 0.75


# ------------------------------------------------------------------ Colonel Blotto
def test_blotto_payoffs_by_hand():
    # Hortala-Vallve & Llorente-Saguer (2012): 2 hills, 2 troops; the row player values the hills at 1 and
    # 3, the column player at 2 and 2. Allocations (2,0), (1,1), (0,2). By hand:
    #   (2,0) v (2,0): both hills tie -> row (1 + 3)/2 = 2, column (2 + 2)/2 = 2
    #   (2,0) v (1,1): row wins hill 1 (1), column wins hill 2 (2)            -> (1, 2)
    #   (2,0) v (0,2): row wins hill 1 (1), column wins hill 2 (2)            -> (1, 2)
    #   (1,1) v (2,0): column wins hill 1 (2), row wins hill 2 (3)            -> (3, 2)
    #   (1,1) v (1,1): ties                                                   -> (2, 2)
    #   (1,1) v (0,2): row wins hill 1 (1), column wins hill 2 (2)            -> (1, 2)
    #   (0,2) v (2,0): row wins hill 2 (3), column wins hill 1 (2)            -> (3, 2)
    #   (0,2) v (1,1): row wins hill 2 (3), column wins hill 1 (2)            -> (3, 2)
    #   (0,2) v (0,2): ties                                                   -> (2, 2)
    game = blotto_game(2, 2, values=[[1, 3], [2, 2]])
    assert game.actions[0] == ("2-0", "1-1", "0-2") == game.actions[1]
    assert game.payoffs[0].tolist() == [[2, 1, 1], [3, 2, 1], [3, 3, 2]]
    assert game.payoffs[1].tolist() == [[2, 2, 2], [2, 2, 2], [2, 2, 2]]
    assert game.kind == "exact"


@settings(max_examples=20, deadline=None)
@given(blotto_games())
def test_blotto_action_counts_and_value_split(game):
    # a player has C(t + h - 1, h - 1) allocations; at every profile each hill's value goes to one player
    # or is split: so with identical values for both (rho = 1 is not forced here) the sum is bounded.
    h = len(game.actions[0][0].split("-"))
    t = sum(int(v) for v in game.actions[0][0].split("-"))
    assert game.shape == (math.comb(t + h - 1, h - 1),) * 2
    assert all(sum(int(v) for v in label.split("-")) == t for label in game.actions[0])


def test_blotto_with_common_values_is_constant_sum():
    # rho = 1: both players value each hill alike, so the hills' total value is split at every profile
    game = blotto_game(3, 3, rho=1, seed=9)
    total = game.payoffs[0] + game.payoffs[1]
    assert np.allclose(total, total[0, 0])


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("call, words", [
    (lambda: random_game(3), ("shape", "sequence")),
    (lambda: random_game((2, 0)), ("shape[1]", ">= 1")),
    (lambda: random_game((10**4, 10**4)), ("shape", "MAX_PROFILES")),
    (lambda: random_game((2, 2), seed=-1), ("seed",)),
    (lambda: random_game((2, 2), seed="x"), ("seed",)),
    (lambda: covariance_game((2,), 0.5), ("shape", "at least 2")),
    (lambda: covariance_game((2, 2, 2), -0.6), ("rho", "-1/(N - 1)")),
    (lambda: covariance_game((2, 2), 1.5), ("rho",)),
    (lambda: covariance_game((2, 2), float("nan")), ("rho",)),
    (lambda: unit_vector_game(0), ("n", ">= 1")),
    (lambda: unit_vector_game(3, avoid_pure_nash=1), ("avoid_pure_nash",)),
    (lambda: unit_vector_game(1, avoid_pure_nash=True), ("avoid_pure_nash", "column 0")),
    (lambda: ranking_game(3, 0), ("steps", ">= 1")),
    (lambda: sgc_game(0), ("k", ">= 1")),
    (lambda: sgc_game(True), ("k",)),
    (lambda: blotto_game(0, 2), ("hills",)),
    (lambda: blotto_game(2, 2, values=[[1, 2]]), ("values", "two rows")),
    (lambda: blotto_game(2, 2, values=[[1, "a"], [1, 2]]), ("values[0][1]",)),
    (lambda: blotto_game(2, 2, rho=2), ("rho",)),
    (lambda: blotto_game(2, 2, mu=float("inf")), ("mu",)),
    (lambda: blotto_game(30, 30), ("hills, troops", "MAX_PROFILES")),
])
def test_bad_arguments_are_refused(call, words):
    with pytest.raises(ParameterError) as info:
        call()
    assert all(word in str(info.value) for word in words)


@pytest.mark.parametrize("strategy", [
    lambda: random_games(players=0), lambda: covariance_games(players=1), lambda: covariance_games(rho=2),
    lambda: unit_vector_games(actions=(3, 2)), lambda: ranking_games(steps=0), lambda: sgc_games(min_k=0),
    lambda: blotto_games(hills=(1, 7)), lambda: blotto_games(rho="high"),
])
def test_bad_strategy_arguments_are_refused_at_draw_time(strategy):
    built = strategy()                       # building never fails
    with pytest.raises(StrategyArgumentError):
        find(built, lambda game: True, settings=settings(max_examples=1, database=None))
