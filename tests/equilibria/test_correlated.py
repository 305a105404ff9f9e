"""correlated_equilibria: Aumann's chicken by hand, the polytope's vertices, Nash ⊆ CE ⊆ CCE."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, correlated_equilibria, nash_equilibria, verify
from cybergames.strategies import normal_form_games

# Aumann, "Subjectivity and correlation in randomized strategies", J. Math. Econ. 1 (1974), sec. 2,
# the game of chicken with payoffs (row, column):  (C, C) = 6, 6; (C, D) = 2, 7; (D, C) = 7, 2; (D, D) = 0, 0.
AUMANN = NormalFormGame([[[6, 2], [7, 0]], [[6, 7], [2, 0]]], actions=[["C", "D"], ["C", "D"]])


def _incentive_gains(game, distribution, coarse=False):
    """Every deviation's expected gain, by brute force over the profiles (independent of the solver)."""
    gains = []
    for i in range(game.num_players):
        for a in (game.actions[i] if not coarse else [None]):
            for b in game.actions[i]:
                if a == b:
                    continue
                total = 0
                for s, p in distribution.items():
                    if a is None or s[i] == a:
                        deviation = s[:i] + (b,) + s[i + 1:]
                        total += p * (game.payoff(deviation, i) - game.payoff(s, i))
                gains.append(total)
    return gains


def test_aumanns_correlated_equilibrium_beyond_the_nash_hull():
    # By hand: recommending C to a player tells it the other plays C or D with odds p(CC) : p(CD);
    # obeying pays 6 p(CC) + 2 p(CD), deviating to D 7 p(CC) + 0 p(CD): obey iff p(CC) <= 2 p(CD).
    # At Aumann's 1/3, 1/3, 1/3: 1/3 <= 2/3; recommending D, obey iff p(DC) >= 2 p(DD): 1/3 >= 0.
    # Payoff (6 + 2 + 7)/3 = 5 each. The Nash equilibria pay (7, 2), (2, 7) and, mixing C with
    # probability 2/3, 14/3 each: welfare at most 28/3 < 10 = 5 + 5, so (5, 5) is outside their hull.
    third = Fraction(1, 3)
    aumann = {("C", "C"): third, ("C", "D"): third, ("D", "C"): third, ("D", "D"): 0}
    assert all(g <= 0 for g in _incentive_gains(AUMANN, aumann))
    nash = nash_equilibria(AUMANN)
    assert sorted(eq.payoffs for eq in nash) == [(2, 7), (Fraction(14, 3), Fraction(14, 3)), (7, 2)]
    assert max(sum(eq.payoffs) for eq in nash) == Fraction(28, 3) < 10
    # the polytope's vertices, by hand: the welfare optimum (1/2, 1/4, 1/4, 0), the Nash product
    # (4/9, 2/9, 2/9, 1/9), the two pure equilibria, and (0, 2/5, 2/5, 1/5) where both D-constraints
    # (p(DC) >= 2 p(DD), p(CD) >= 2 p(DD)) and p(CC) = 0 are tight.
    result = correlated_equilibria(AUMANN, vertices=True)
    found = {tuple(v.flat) for v in result.vertices}
    F = Fraction
    assert found == {(F(1, 2), F(1, 4), F(1, 4), 0), (F(4, 9), F(2, 9), F(2, 9), F(1, 9)), (0, 1, 0, 0),
                     (0, 0, 1, 0), (0, F(2, 5), F(2, 5), F(1, 5))}
    # Aumann's point is 1/6 (C, D) + 1/6 (D, C) + 2/3 (1/2, 1/4, 1/4, 0): in the polytope
    combination = [F(1, 6) * a + F(1, 6) * b + F(2, 3) * c for a, b, c in
                   zip((0, 1, 0, 0), (0, 0, 1, 0), (F(1, 2), F(1, 4), F(1, 4), 0))]
    assert combination == [aumann[s] for s in AUMANN.profiles()]
    assert verify(result).ok


def test_welfare_optimum_of_chicken():
    # By hand: p(DD) = 0 is optimal (it pays 0); maximise 12 p(CC) + 9 (p(CD) + p(DC)) subject to
    # p(CC) <= 2 p(CD) and p(CC) <= 2 p(DC): p(CC) = 1/2, p(CD) = p(DC) = 1/4, welfare 21/2.
    best = correlated_equilibria(AUMANN)
    assert dict(best.distribution) == {("C", "C"): Fraction(1, 2), ("C", "D"): Fraction(1, 4),
                                       ("D", "C"): Fraction(1, 4), ("D", "D"): 0}
    assert best.payoffs == (Fraction(21, 4), Fraction(21, 4)) and best.value == Fraction(21, 2)
    assert best.exact and best.gains == (0, 0)
    assert verify(best).ok


def test_objectives():
    # one player's payoff: the row player's best equilibrium is its favourite pure one (D, C), 7
    assert correlated_equilibria(AUMANN, objective=0).payoffs == (7, 2)
    labelled = NormalFormGame(AUMANN.payoffs, AUMANN.actions, players=["Row", "Column"])
    assert correlated_equilibria(labelled, objective="Column").payoffs == (2, 7)
    # minimising welfare (weights -1, -1): by hand the welfare 12 p(CC) + 9 (p(CD) + p(DC)) at the five
    # vertices (see above) is 21/2, 28/3, 9, 9 and 36/5: the worst correlated equilibrium is
    # (0, 2/5, 2/5, 1/5), worse for both than the mixed Nash equilibrium (18/5 < 14/3)
    worst = correlated_equilibria(AUMANN, objective=[-1, -1])
    assert worst.value == -Fraction(36, 5) and worst.payoffs == (Fraction(18, 5), Fraction(18, 5))
    assert verify(worst).ok


def test_coarse_equilibria_contain_the_correlated_ones():
    # Coarse: committing to D beforehand gains 7 p(CC) + 7 p(CD)... for the row player, so the
    # constraints are weaker; the welfare optimum can only grow.
    coarse = correlated_equilibria(AUMANN, coarse=True)
    assert coarse.coarse and coarse.value >= correlated_equilibria(AUMANN).value
    assert all(g <= 0 for g in _incentive_gains(AUMANN, coarse.distribution, coarse=True))
    assert verify(coarse).ok


def test_float_game_matches_the_exact_one():
    floats = NormalFormGame([p.astype(float) for p in AUMANN.payoffs], AUMANN.actions)
    result = correlated_equilibria(floats, vertices=True)
    assert not result.exact and result.payoffs == pytest.approx((5.25, 5.25))
    assert len(result.vertices) == 5 and verify(result).ok


def test_three_players():
    # a 2x2x2 coordination game: all play the same action, payoff 1 to everyone; the welfare optimum is 3
    payoff = [[[1, 0], [0, 0]], [[0, 0], [0, 1]]]
    game = NormalFormGame([payoff, payoff, payoff])
    result = correlated_equilibria(game)
    assert result.value == 3 and verify(result).ok


small_games = st.one_of(normal_form_games(2, (1, 3), min_value=-3, max_value=3),
                        normal_form_games(2, (1, 3), exact=False, min_value=-3, max_value=3),
                        normal_form_games(3, 2, min_value=-2, max_value=2))


@settings(max_examples=40, deadline=None)
@given(normal_form_games(2, (1, 3), min_value=-3, max_value=3), st.booleans())
def test_every_nash_equilibrium_is_correlated(game, coarse):
    best = correlated_equilibria(game, coarse=coarse)
    for eq in nash_equilibria(game):
        product = {s: np.prod([eq.strategies[i][game.action_index(i, a)] for i, a in enumerate(s)])
                   for s in game.profiles()}
        assert all(g <= 0 for g in _incentive_gains(game, product, coarse))
        assert sum(eq.payoffs) <= best.value          # the welfare optimum is over a larger set


# A 2x1 game with payoffs of order 1e-90: the row player is indifferent, so both rows are correlated
# equilibria; by hand, row 0 has welfare -2e-90 + 0 and row 1 -2e-90 - 2e-90, so row 0 is the optimum.
# The programme was once posed with entries below HiGHS's absolute tolerances, which returned row 1.
TINY_2X1 = NormalFormGame([np.array([[-2.0], [-2.0]]) * 1e-90, np.array([[0.0], [-2.0]]) * 1e-90])


def _welfare(game, distribution):
    """The expected sum of payoffs of a distribution given in profile order, by brute force."""
    return sum(float(p) * sum(float(game.payoff(s, i)) for i in range(game.num_players))
               for s, p in zip(game.profiles(), distribution))


def _near_ties(game, relative=1e-6):
    """Whether some deviation gain is non-zero but within ``relative`` of the payoff scale, by brute force."""
    unit = max(float(abs(np.asarray(p, dtype=float)).max()) for p in game.payoffs)
    for s in game.profiles():
        for i in range(game.num_players):
            for b in game.actions[i]:
                gain = abs(float(game.payoff(s[:i] + (b,) + s[i + 1:], i)) - float(game.payoff(s, i)))
                if 0 < gain <= relative * unit:
                    return True
    return False


# Row 1 against column 0 gains the row player -1e-9 (by hand: 0 - (-1e-9) from deviating to row 0), a
# billionth of the payoff scale 1: within the LP's tolerance the pure profile (1, 0), of welfare
# 1 - 1e-9, is an equilibrium; read exactly it is not, and the best exact vertex has welfare 0.
NEAR_TIE = NormalFormGame([np.array([[0.0, 0.0], [-1e-9, 0.0]]), np.array([[0.0, 0.0], [1.0, 0.0]])])


@pytest.mark.parametrize("coarse", [False, True])
def test_a_near_tie_gives_an_equilibrium_within_tolerance_at_least_as_good_as_every_vertex(coarse):
    result = correlated_equilibria(NEAR_TIE, coarse=coarse, vertices=True)
    assert verify(result).ok                                   # every gain within tol of zero
    assert max(result.gains) <= 1e-9 * (1 + 1e-6)
    best_vertex = max(_welfare(NEAR_TIE, v.flat) for v in result.vertices)
    assert float(result.value) >= best_vertex - 1e-12


@settings(max_examples=30, deadline=None)
@given(small_games, st.booleans())
@example(TINY_2X1, False)
@example(TINY_2X1, True)
def test_optimum_is_the_best_vertex(game, coarse):
    # the LP optimum is attained at a vertex: compare with the double-description enumeration,
    # relative to the payoff scale (payoffs of 1e-90 are as meaningful as payoffs of 1). The vertices
    # are those of the float rows read exactly, while the LP takes a gain within its tolerance of zero
    # for a tie, so games with such near-ties are left to the near-tie test below.
    assume(game.kind != "float" or not _near_ties(game))
    result = correlated_equilibria(game, coarse=coarse, vertices=True)
    assert verify(result).ok
    scale = max(float(abs(p).max()) for p in game.payoffs) * game.num_players
    welfare = [_welfare(game, v.flat) for v in result.vertices]
    assert abs(max(welfare) - float(result.value)) <= 1e-7 * scale
    assert abs(_welfare(game, result.array.flat) - max(welfare)) <= 1e-7 * scale
    if result.exact:
        exact_welfare = [sum(p * sum(game.payoff(s, i) for i in range(game.num_players))
                             for s, p in zip(game.profiles(), v.flat)) for v in result.vertices]
        assert max(exact_welfare) == result.value


@settings(max_examples=30, deadline=None)
@given(normal_form_games(2, (2, 3), min_value=-3, max_value=3), st.sampled_from([None, 0, 1]))
def test_exact_and_float_agree(game, objective):
    floats = NormalFormGame([p.astype(float) for p in game.payoffs], game.actions)
    exact, approx = correlated_equilibria(game, objective), correlated_equilibria(floats, objective)
    assert float(exact.value) == pytest.approx(approx.value, abs=1e-7)
    assert correlated_equilibria(game, coarse=True, objective=objective).value >= exact.value


def test_the_input_game_is_not_changed():
    before = [p.copy() for p in AUMANN.payoffs]
    correlated_equilibria(AUMANN, vertices=True)
    assert all((a == b).all() for a, b in zip(before, AUMANN.payoffs))


@settings(max_examples=30, deadline=None)
@given(normal_form_games(2, (1, 3), min_value=-3, max_value=3), st.integers(-300, 300), st.booleans())
@example(NormalFormGame([[[-2], [-2]], [[0], [-2]]]), -90, False)
def test_scale_invariance(game, k, coarse):
    # Multiplying every payoff by c = 10**k > 0 multiplies every incentive constraint and the objective
    # by c: the polytope is the same and the optimum value is c times the original one.
    floats = NormalFormGame([np.asarray(p, dtype=float) for p in game.payoffs], game.actions)
    scaled = NormalFormGame([np.asarray(p, dtype=float) * 10.0 ** k for p in game.payoffs], game.actions)
    exact = correlated_equilibria(game, coarse=coarse)
    result = correlated_equilibria(scaled, coarse=coarse)
    assert verify(result).ok and verify(correlated_equilibria(floats, coarse=coarse)).ok
    scale = max(float(abs(p).max()) for p in scaled.payoffs)
    assert abs(float(result.value) - float(exact.value) * 10.0 ** k) <= 1e-9 * max(scale, 1e-300)
    assert abs(_welfare(scaled, result.array.flat) - float(exact.value) * 10.0 ** k) <= 1e-9 * max(scale, 1e-300)
