"""Logit QRE: closed forms by hand, the branch's start and Nash limit, the maximum-likelihood fit."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cybergames import (NormalFormGame, fit_logit, logit_branch, matching_pennies, nash_equilibria, qre_at,
                        verify)
from cybergames.errors import GameError, ParameterError, ProbabilityError
from cybergames.strategies import normal_form_games

from ..gambit_compat import needs_pygambit, strategic

# Goeree, Holt & Palfrey, Quantal Response Equilibrium (2016), ch. 1 (after Goeree & Holt, "Ten little
# treasures of game theory", AER 91, 2001): asymmetric matching pennies, the row player earning x = 9 at
# (Top, Left) and 1 at (Bottom, Right), the column player 1 when it mismatches.
ASYMMETRIC = NormalFormGame([[[9, 0], [0, 1]], [[0, 1], [1, 0]]], actions=[["Top", "Bottom"], ["Left", "Right"]])

# Top strictly dominates Bottom by exactly 1 whatever the column player does; the column player earns 2 at
# (Top, Left) and 1 at (Bottom, Right).
DOMINANT = NormalFormGame([[[1, 1], [0, 0]], [[2, 0], [0, 1]]])


def _logistic(z):
    return 1 / (1 + math.exp(-z))


# ------------------------------------------------------------------ closed forms by hand
@pytest.mark.parametrize("lam", [0, 0.5, 3, 100])
def test_matching_pennies_is_even_at_every_precision(lam):
    # By hand: against (1/2, 1/2) both of a player's actions earn 0, so the logit response is (1/2, 1/2)
    # for every lambda, and the branch never leaves the even mix (McKelvey & Palfrey 1995, sec. 3).
    qre = qre_at(matching_pennies(), lam)
    assert all(np.allclose(s, [0.5, 0.5], rtol=0, atol=1e-12) for s in qre.strategies)
    assert qre.lam == lam and qre.residual <= 1e-12 and verify(qre).ok


@pytest.mark.parametrize("lam", [0.25, 1, 4, 30])
def test_a_dominant_action_has_a_closed_form(lam):
    # By hand (the logit formula, McKelvey & Palfrey 1995, eq. 6): Top earns exactly 1 more than Bottom
    # against anything, so p(Top) = e^lam / (e^lam + 1) = logistic(lam). Against it the column player's
    # Left earns 2p and Right 1 - p, so q(Left) = logistic(lam (2p - (1 - p))) = logistic(lam (3p - 1)).
    p = _logistic(lam)
    q = _logistic(lam * (3 * p - 1))
    qre = qre_at(DOMINANT, lam)
    assert qre.strategies[0] == pytest.approx([p, 1 - p], abs=1e-12)
    assert qre.strategies[1] == pytest.approx([q, 1 - q], abs=1e-12)


@pytest.mark.parametrize("lam", [0.1, 1, 5, 50])
def test_asymmetric_matching_pennies_solves_the_hand_written_equations(lam):
    # By hand: with p = P(Top), q = P(Left), Top earns 9q and Bottom 1 - q; Left earns 1 - p, Right p:
    #   p = logistic(lam (9q - (1 - q))) = logistic(lam (10q - 1)),   q = logistic(lam (1 - 2p)).
    # Solving the second for lam: lam = log(q / (1 - q)) / (1 - 2p), a closed form of the branch in (p, q).
    qre = qre_at(ASYMMETRIC, lam)
    (p, _), (q, _) = qre.strategies
    assert p == pytest.approx(_logistic(lam * (10 * q - 1)), abs=1e-12)
    assert q == pytest.approx(_logistic(lam * (1 - 2 * p)), abs=1e-12)
    assert math.log(q / (1 - q)) / (1 - 2 * p) == pytest.approx(lam, rel=1e-9)
    # the own-payoff effect (Goeree, Holt & Palfrey 2016, ch. 1): Top is played more than Nash's 1/2
    assert p > 0.5


def test_asymmetric_matching_pennies_converges_to_nash():
    # The unique Nash equilibrium by hand: the column player makes the row player indifferent,
    # 9q = 1 - q, q = 1/10; the row player makes the column player indifferent, p = 1/2.
    branch = logit_branch(ASYMMETRIC)
    assert branch.end == "max_regret" and verify(branch).ok
    (p, _), (q, _) = branch.last.strategies
    assert p == pytest.approx(0.5, abs=1e-6) and q == pytest.approx(0.1, abs=1e-6)
    assert all(point.strategies[0][0] > 0.5 for point in branch.points[1:])


@needs_pygambit
@pytest.mark.parametrize("lam", [0.5, 5.0])
def test_asymmetric_matching_pennies_agrees_with_gambit(lam):
    from pygambit.qre import logit_solve_lambda
    game = strategic(np.array([[9, 0], [0, 1]]), np.array([[0, 1], [1, 0]]))
    (point,) = logit_solve_lambda(game, lam=[lam])
    # Gambit stops its path near lam; compare at the precision it reached
    ours = qre_at(ASYMMETRIC, point.lam)
    theirs = [[float(point.profile[p][s]) for s in game.get_strategies(p)] for p in game.players]
    assert all(np.allclose(a, b, atol=1e-7) for a, b in zip(ours.strategies, theirs))


@needs_pygambit
def test_a_three_player_game_agrees_with_gambit():
    from pygambit.qre import logit_solve_lambda
    rng = np.random.default_rng(3)
    arrays = [rng.integers(-5, 6, size=(2, 3, 2)) for _ in range(3)]
    game = strategic(*arrays)
    ours_game = NormalFormGame(arrays)
    for point in logit_solve_lambda(game, lam=[0.3, 2.0, 10.0]):
        ours = qre_at(ours_game, point.lam)
        theirs = [[float(point.profile[p][s]) for s in game.get_strategies(p)] for p in game.players]
        assert all(np.allclose(a, b, atol=1e-7) for a, b in zip(ours.strategies, theirs))


# ------------------------------------------------------------------ properties
any_games = st.one_of(normal_form_games(2, (1, 4), min_value=-3, max_value=3),
                      normal_form_games(2, (1, 3), exact=False, min_value=-3, max_value=3),
                      normal_form_games(3, 2, min_value=-3, max_value=3))


@settings(max_examples=40, deadline=None)
@given(any_games)
def test_the_branch_starts_uniform_and_every_point_verifies(game):
    # at lambda = 0 the logit response ignores payoffs: each player mixes uniformly
    branch = logit_branch(game, max_lambda=20)
    first = branch.points[0]
    assert first.lam == 0 and all(np.allclose(s, 1 / len(s), atol=1e-15) for s in first.strategies)
    assert branch.last.lam == 20 and branch.end == "max_lambda"
    assert verify(branch).ok
    scale = max(1.0, max(float(abs(p).max()) for p in game.payoffs))
    assert all(point.residual <= 1e-9 * max(1, point.lam * scale) for point in branch.points)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.one_of(normal_form_games(2, 2, min_value=-5, max_value=5),
                 normal_form_games(2, 2, exact=False, min_value=-5, max_value=5)))
def test_the_limit_is_a_nash_equilibrium_of_a_generic_game(game):
    # McKelvey & Palfrey (1995), Theorem 2: limit points of QRE as lambda -> infinity are Nash equilibria.
    # Generic here: nondegenerate, and distinct payoffs of a player differ by at least 1/16 (a regret of
    # 1e-8 then bounds the distance to the limit by about 1e-8 * 5 * 16).
    equilibria = nash_equilibria(game)
    assume(not equilibria.degenerate)
    values = [sorted(set(float(v) for v in p.flat)) for p in game.payoffs]
    assume(all(b - a >= 1 / 16 for v in values for a, b in zip(v, v[1:])))
    last = logit_branch(game).last
    distance = min(max(float(np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float)).max())
                       for a, b in zip(last.strategies, eq.strategies)) for eq in equilibria)
    assert distance <= 1e-5


@settings(max_examples=25, deadline=None)
@given(normal_form_games(2, (1, 3), min_value=-3, max_value=3), st.integers(-6, 6),
       st.floats(0, 10, allow_subnormal=False))
def test_scaling_the_payoffs_scales_the_precision(game, k, lam):
    # The logit response depends on lam * u only: the game c u at lam / c has the QRE of u at lam.
    c = 10.0 ** k
    scaled = NormalFormGame([np.asarray(p, dtype=float) * c for p in game.payoffs])
    first, second = qre_at(game, lam), qre_at(scaled, lam / c)
    assert all(np.allclose(a, b, atol=1e-8) for a, b in zip(first.strategies, second.strategies))
    assert verify(second).ok


def test_exact_games_give_float_qre_and_are_not_changed():
    game = NormalFormGame([[[Fraction(1, 3), 2], [1, 0]], [[0, 1], [Fraction(5, 2), 0]]])
    before = [p.copy() for p in game.payoffs]
    qre = qre_at(game, Fraction(3, 2))
    assert all(s.dtype == float for s in qre.strategies) and isinstance(qre.lam, float)
    assert all((a == b).all() for a, b in zip(before, game.payoffs))


def test_verify_rejects_a_profile_that_is_not_a_qre():
    qre = qre_at(ASYMMETRIC, 2)
    forged = type(qre)(qre.lam, (np.array([0.5, 0.5]), qre.strategies[1]), qre.payoffs, qre.gains,
                       qre.residual, qre.game)
    result = verify(forged)
    assert not result.ok and any("residual" in f for f in result.failures)


# ------------------------------------------------------------------ maximum likelihood
def test_fit_of_a_dominant_action_has_a_closed_form():
    # Only the row player observed (n1 = 70 Top, n2 = 30 Bottom). By hand p(Top) = logistic(lam), so
    # l(lam) = n1 lam - n log(1 + e^lam); l' = n1 - n p = 0 gives p = 7/10, lam = log(7/3);
    # l'' = -n p (1 - p) = -100 * 0.21, so the standard error is 1/sqrt(21).
    fit = fit_logit(DOMINANT, [[70, 30], [0, 0]])
    assert fit.status == "interior"
    assert fit.lam == pytest.approx(math.log(7 / 3), rel=1e-9)
    assert fit.standard_error == pytest.approx(1 / math.sqrt(21), rel=1e-6)
    assert fit.log_likelihood == pytest.approx(70 * math.log(0.7) + 30 * math.log(0.3), rel=1e-12)
    assert verify(fit).ok


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(st.floats(0.2, 5), st.integers(50, 5000))
def test_expected_counts_recover_the_precision(lam, n):
    # Counts proportional to the QRE at lam: by Gibbs' inequality sum c log sigma is largest, over all
    # mixed actions, at sigma = c / n, which the branch reaches at lam; so the estimate is lam.
    # The information grows linearly in n: four times the data halves the standard error.
    truth = qre_at(ASYMMETRIC, lam)
    counts = [list(n * s) for s in truth.strategies]
    fit = fit_logit(ASYMMETRIC, counts)
    assert fit.lam == pytest.approx(lam, rel=1e-6) and fit.status == "interior" and verify(fit).ok
    bigger = fit_logit(ASYMMETRIC, [[4 * c for c in player] for player in counts])
    assert bigger.standard_error == pytest.approx(fit.standard_error / 2, rel=1e-4)


def test_frequencies_with_observations_are_counts():
    counts = fit_logit(ASYMMETRIC, [[89, 11], [31, 69]])
    frequencies = fit_logit(ASYMMETRIC, [[0.89, 0.11], [0.31, 0.69]], observations=100)
    labelled = fit_logit(ASYMMETRIC, [{"Top": 89, "Bottom": 11}, {"Left": 31, "Right": 69}])
    assert frequencies.lam == pytest.approx(counts.lam, rel=1e-9) == labelled.lam
    assert frequencies.standard_error == pytest.approx(counts.standard_error, rel=1e-6)


def test_data_at_the_nash_limit_are_an_upper_bound():
    # All play on the strict equilibrium (Top, Left) of DOMINANT: the likelihood rises with lam forever.
    fit = fit_logit(DOMINANT, [[10, 0], [10, 0]])
    assert fit.status == "upper bound" and fit.standard_error is None and verify(fit).ok


def test_uniform_data_in_a_game_that_moves_away_from_uniform_are_a_lower_bound():
    # Even play of DOMINANT: p(Top) = logistic(lam) only moves away from 1/2 as lam grows.
    fit = fit_logit(DOMINANT, [[50, 50], [50, 50]])
    assert fit.status == "lower bound" and fit.lam == 0 and verify(fit).ok


@needs_pygambit
def test_fit_agrees_with_gambit():
    from pygambit.qre import logit_estimate
    game = strategic(np.array([[9, 0], [0, 1]]), np.array([[0, 1], [1, 0]]))
    data = game.mixed_strategy_profile(rational=False)
    first, second = list(game.players)
    data[first] = {"1": 89, "2": 11}
    data[second] = {"1": 31, "2": 69}
    theirs = logit_estimate(data)
    ours = fit_logit(ASYMMETRIC, [[89, 11], [31, 69]])
    assert ours.lam == pytest.approx(theirs.lam, rel=1e-5)
    assert ours.log_likelihood == pytest.approx(theirs.log_like, rel=1e-8)


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("lam", [-1, -1e-9, float("nan"), float("inf"), True, "1", None])
def test_a_precision_that_is_not_a_non_negative_number_is_refused(lam):
    with pytest.raises(ParameterError, match="lam"):
        qre_at(ASYMMETRIC, lam)


def test_bad_branch_arguments_are_refused():
    with pytest.raises(ParameterError, match="max_lambda"):
        logit_branch(ASYMMETRIC, max_lambda=-2)
    with pytest.raises(ParameterError, match="max_regret"):
        logit_branch(ASYMMETRIC, max_regret=0)
    with pytest.raises(GameError):
        qre_at(NormalFormGame([[[sympy.Symbol("x"), 0], [0, 1]], [[0, 1], [1, 0]]]), 1)


@pytest.mark.parametrize("data", [
    [[89, -11], [31, 69]],               # a negative count
    [[89, 11], [31]],                    # too few actions
    [[89, 11]],                          # too few players
    [[89, float("nan")], [31, 69]],      # not finite
    [[89, "11"], [31, 69]],              # not a number
    [[0, 0], [0, 0]],                    # no observation at all
    "89 11 31 69",
    [{"Top": 3, "Middle": 1}, [1, 1]],   # an unknown action
])
def test_data_that_are_not_counts_are_refused(data):
    with pytest.raises(ProbabilityError, match="data"):
        fit_logit(ASYMMETRIC, data)


def test_frequencies_must_sum_to_one_and_observations_be_positive():
    with pytest.raises(ProbabilityError, match="frequencies"):
        fit_logit(ASYMMETRIC, [[0.8, 0.3], [0.5, 0.5]], observations=100)
    with pytest.raises(ParameterError, match="observations"):
        fit_logit(ASYMMETRIC, [[0.8, 0.2], [0.5, 0.5]], observations=0)


@pytest.mark.parametrize("k", [-200, 200])
def test_extreme_payoff_scales_are_followed(k):
    # The path works in units of the largest payoff: payoffs of 1e-200 or 1e200 give the branch of the
    # unscaled game with lambda divided by the scale, ending near the same Nash equilibrium (1/2, 1/10).
    c = 10.0 ** k
    scaled = NormalFormGame([np.asarray(p, dtype=float) * c for p in ASYMMETRIC.payoffs])
    last = logit_branch(scaled).last
    assert last.strategies[0][0] == pytest.approx(0.5, abs=1e-6)
    assert last.strategies[1][0] == pytest.approx(0.1, abs=1e-6)
    assert qre_at(scaled, 5 / c).strategies[0] == pytest.approx(qre_at(ASYMMETRIC, 5).strategies[0], abs=1e-9)
    fit = fit_logit(scaled, [[89, 11], [31, 69]])
    assert fit.lam * c == pytest.approx(fit_logit(ASYMMETRIC, [[89, 11], [31, 69]]).lam, rel=1e-6)
    assert verify(fit).ok


def test_a_precision_beyond_float_resolution_is_refused():
    # 1e12 over the largest payoff (9 here): a payoff gap of 1e-10 of the scale already weighs e^100
    with pytest.raises(ParameterError, match="at most"):
        qre_at(ASYMMETRIC, 1e12)
    assert qre_at(ASYMMETRIC, 1e11).residual <= 1e-9 * 1e11 * 9


# A random 3x2x2 integer game (drawn with numpy's default_rng(0)) on whose branch arc-length steps failed at
# every length near lambda = 2.26e7: the Jacobian's smallest singular value (4e-8 against 3e7) fell below
# lstsq's cut-off, so Newton could not correct. The branch is continued there in lambda itself.
FAR_OUT = NormalFormGame([[[[2, -1], [-2, 2]], [[-1, 0], [2, -2]], [[2, 0], [0, 1]]],
                          [[[0, 2], [2, 0]], [[-2, -1], [1, 2]], [[-2, -1], [-2, 1]]],
                          [[[2, 1], [2, 2]], [[0, 1], [-2, -1]], [[-1, -2], [0, 1]]]])


def test_a_branch_whose_arc_length_steps_collapse_is_continued_in_lambda():
    branch = logit_branch(FAR_OUT)
    assert branch.end == "max_regret" and max(branch.last.gains) <= 1e-8 * 2
    assert verify(branch).ok


def test_an_unfollowable_branch_raises_a_solver_error(monkeypatch):
    # Newton's corrector failing at every step (forced here) is reported as a SolverError, which names
    # where the branch was lost and what to ask for instead, and is still an ArithmeticError and a ValueError.
    from cybergames.equilibria import _logit_path
    from cybergames.errors import SolverError
    monkeypatch.setattr(_logit_path, "correct", lambda *args, **kwargs: None)
    with pytest.raises(SolverError, match=r"could not be followed beyond lambda = 0 .*max_lambda") as info:
        logit_branch(ASYMMETRIC)
    assert isinstance(info.value, ArithmeticError) and isinstance(info.value, ValueError)
    with pytest.raises(SolverError):
        qre_at(ASYMMETRIC, 2)
