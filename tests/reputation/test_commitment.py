"""The Fudenberg–Levine bound: the product-choice game by hand, monotonicity as properties."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergames import NormalFormGame, verify
from cybergames.errors import DiscountFactorError, GameError, ProbabilityError
from cybergames.reputation import fudenberg_levine_bound

# Mailath & Samuelson (2006), Repeated Games and Reputations, ch. 15.1 (the product-choice game, their numbers).
PRODUCT = NormalFormGame([[[2, 0], [3, 1]], [[3, 2], [0, 1]]], actions=[("H", "L"), ("h", "l")])


def test_product_choice_bound_by_hand():
    # The customer buys h iff 3 s >= 2 s + (1 - s), i.e. s = Pr(H) >= 1/2, so pi = 1/2 (l is a best response
    # up to s = 1/2). With mu = 1/100: (1/2)^6 = 1/64 >= 1/100 > 1/128, k* = 6 = floor(ln 100 / ln 2).
    # v*(H) = u_1(H, h) = 2, worst u_1(H, l) = 0; bound (1 - delta^6) 0 + delta^6 2 (Fudenberg & Levine 1989, Thm 1).
    r = fudenberg_levine_bound(PRODUCT, "H", Fraction(1, 100), Fraction(9, 10))
    assert (r.threshold, r.periods, r.commitment_payoff, r.worst_payoff) == (Fraction(1, 2), 6, 2, 0)
    assert r.bound == 2 * Fraction(9, 10) ** 6
    assert r.best_responses == ("h",)
    assert verify(r).ok


def test_committing_to_low_effort_teaches_nothing():
    # B(L) = {l}; h is never a best response to a mix with Pr(L) above 1/2: pi = 1/2 again, v*(L) = 1.
    r = fudenberg_levine_bound(PRODUCT, "L", Fraction(1, 2), Fraction(1, 2))
    assert r.commitment_payoff == 1 and r.threshold == Fraction(1, 2) and r.periods == 1


def test_float_input_matches_exact():
    exact = fudenberg_levine_bound(PRODUCT, "H", Fraction(1, 100), Fraction(9, 10))
    approx = fudenberg_levine_bound(PRODUCT, "H", 0.01, 0.9)
    assert approx.periods == exact.periods and approx.bound == pytest.approx(float(exact.bound))


probabilities = st.fractions(min_value=Fraction(1, 500), max_value=Fraction(499, 500), max_denominator=500)


@given(probabilities, probabilities, probabilities, probabilities)
def test_bound_rises_with_patience_and_prior(mu1, mu2, d1, d2):
    lo_mu, hi_mu = sorted((mu1, mu2))
    lo_d, hi_d = sorted((d1, d2))
    at = lambda mu, d: fudenberg_levine_bound(PRODUCT, "H", mu, d)   # noqa: E731
    assert at(lo_mu, lo_d).bound <= at(hi_mu, lo_d).bound <= at(hi_mu, hi_d).bound
    r = at(lo_mu, lo_d)
    assert r.worst_payoff <= r.bound <= r.commitment_payoff
    assert verify(r).ok


def test_bad_input():
    with pytest.raises(DiscountFactorError, match="delta"):
        fudenberg_levine_bound(PRODUCT, "H", Fraction(1, 2), 1)
    with pytest.raises(ProbabilityError, match="prior"):
        fudenberg_levine_bound(PRODUCT, "H", 0, Fraction(1, 2))
    with pytest.raises(GameError, match="action"):
        fudenberg_levine_bound(PRODUCT, "X", Fraction(1, 2), Fraction(1, 2))


@pytest.mark.parametrize("short_run", [
    # a prisoner's dilemma, the short-run player's D dominant (T, R, P, S = 5, 3, 1, 0): C is never a best reply,
    # so pi = 0 and the bound is u_1(C, D) = S = 0 (Fudenberg & Levine 1989, Theorem 1); its LP is 2x + y <= 0 on
    # the simplex, on which sympy's simplex did not end
    [[3, 5], [0, 1]],
    # r pays exactly 1 more than l against both actions: the LP x + y <= 0 on the simplex, for which sympy's
    # simplex returned the point (1, 0) and the bound divided by log(1) = 0
    [[0, 1], [0, 1]],
])
def test_a_short_run_action_that_is_never_a_best_reply_is_solved_exactly(short_run):
    game = NormalFormGame(([[3, 0], [2, 1]], short_run), actions=(("C", "D"), ("l", "r")))
    r = fudenberg_levine_bound(game, "C", Fraction(1, 5), Fraction(1, 2))
    assert r.threshold == 0 and r.periods == 0 and r.best_responses == ("r",)
    assert r.bound == r.commitment_payoff == 0 and verify(r).ok
