"""KMRW cooperation with a tit-for-tat type: Gibbons's three-period case by hand, a game-tree check, properties."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError, ProbabilityError
from cybergames.reputation import cooperation_prior_threshold, tit_for_tat_reputation

HALF = Fraction(1, 2)


def test_three_period_case_by_hand():
    # Gibbons (1992), ch. 4.3.C; KMRW (1982), sec. 2, with a = 2, b = -1 (mutual cooperation 1, defection 0).
    # Last but one period (k = 2): COL cooperates iff mu + (1 - mu) b >= 0, i.e. mu >= t2 = -b/(1 - b) = 1/2.
    # k = 3: cooperating pays 1 + mu (1 + a) + (1 - mu) b, defecting a + max(b + mu a, 0); at mu = 1/2:
    # 1 + 3/2 - 1/2 = 2 against 2 + max(0, 0) = 2, a tie (broken towards cooperation), so mu* = 1/2.
    assert cooperation_prior_threshold(2, -1) == HALF
    eq = tit_for_tat_reputation(HALF, 3, a=2, b=-1)
    assert eq.holds and eq.mutual_cooperation == 1
    assert [(r.rational_cooperates, r.column_cooperates) for r in eq.path] == [(1, 1), (0, 1), (0, 0)]
    # COL: 1 (period 1) + mu (1 + a) + (1 - mu) b = 1 + 3/2 - 1/2 = 2; rational ROW: 1 + a + 0 = 3.
    assert eq.column_value == 2 and eq.rational_value == 3
    # Below t2 COL defects in the last period but one, so the rational ROW gains 1 by defecting at k = 3
    # (a = 2 now and nothing later, against 1 + 0 + 0 when mimicking): the profile fails, with that certificate.
    low = tit_for_tat_reputation(Fraction(1, 4), 3, a=2, b=-1)
    assert not low.holds
    assert low.violations == ("k=3, p=1/4, x=C: rational ROW gains 1 by playing D instead of C",)


def test_threshold_case_where_col_would_not_repair():
    # a = 3/2, b = -1/2: t2 = (1/2)/(3/2) = 1/3; (a - 1)/(1 - b) = 1/3 >= -b/a = 1/3, so t3 = 1/3 (by hand).
    assert cooperation_prior_threshold(Fraction(3, 2), Fraction(-1, 2)) == Fraction(1, 3)
    # a = 5/4, b = -3: t2 = 3/4; (a - 1)/(1 - b) = 1/16 < -b/a = 12/5 (capped by 1), so
    # t3 = (a - 1 - b)/(1 + a - b) = (13/4)/(21/4) = 13/21 < 3/4: mu* = 3/4.
    assert cooperation_prior_threshold(Fraction(5, 4), -3) == Fraction(3, 4)


def _game_tree_values(N, mu, a, b):
    """COL's optimal value and rational ROW's best-response value, by recursion over full histories.

    Independent of the solver: beliefs are P(tit for tat | history) from the likelihood of ROW's moves,
    COL best-responds by expectimax over histories (ties to C), ROW's profile is "mimic tit for tat
    while 3+ periods are left and never having deviated, else defect".
    """
    u_row = {("C", "C"): 1, ("C", "D"): b, ("D", "C"): a, ("D", "D"): 0}

    def tft(history):
        return history[-1][1] if history else "C"

    def rational(history):
        k = N - len(history)
        mimicked = all(r == (h[-1][1] if h else "C") for h, r in ((history[:i], history[i][0])
                                                                     for i in range(len(history))))
        return tft(history) if (mimicked and k >= 3) else "D"

    def belief(history):
        like_t, like_r = mu, 1 - mu
        for i, (r, _) in enumerate(history):
            like_t *= r == tft(history[:i])
            like_r *= r == rational(history[:i])
        return like_t / (like_t + like_r) if like_t + like_r else 0

    memo = {}

    def col(history):                       # (COL's value, COL's move) after history
        if len(history) == N:
            return 0, None
        if history in memo:
            return memo[history]
        p = belief(history)
        q = {}
        for y in ("C", "D"):
            total = 0
            for r, prob in ((tft(history), p), (rational(history), 1 - p)):
                if prob:
                    total += prob * (u_row[(y, r)] + col(history + ((r, y),))[0])
            q[y] = total
        memo[history] = (q["C"], "C") if q["C"] >= q["D"] else (q["D"], "D")
        return memo[history]

    def row_best(history):                  # the rational ROW's best-response value against COL's play
        if len(history) == N:
            return 0
        y = col(history)[1]
        return max(u_row[(r, y)] + row_best(history + ((r, y),)) for r in ("C", "D"))

    def row_profile(history):
        if len(history) == N:
            return 0
        y, r = col(history)[1], rational(history)
        return u_row[(r, y)] + row_profile(history + ((r, y),))

    return col(())[0], row_best(()), row_profile(())


@pytest.mark.parametrize("mu", [Fraction(1, 4), HALF, Fraction(2, 3)])
@pytest.mark.parametrize("N", [2, 3, 4, 5])
@pytest.mark.parametrize("a, b", [(2, -1), (Fraction(3, 2), Fraction(-1, 2)), (Fraction(5, 4), -3)])
def test_agrees_with_a_game_tree_over_histories(mu, N, a, b):
    # Second method: COL's value by expectimax over all histories; ROW's best response over all of its moves.
    col_value, row_best, row_profile = _game_tree_values(N, mu, a, b)
    eq = tit_for_tat_reputation(mu, N, a, b)
    assert eq.column_value == col_value and eq.rational_value == row_profile
    # the rational ROW's profile is a best response on the path iff no deviation gains (a necessary part of holds)
    if eq.holds:
        assert row_profile == row_best
    elif row_profile < row_best:
        assert any("rational ROW" in v for v in eq.violations)


exact_priors = st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100), max_denominator=100)
temptations = st.fractions(min_value=Fraction(101, 100), max_value=4, max_denominator=100)
suckers = st.fractions(min_value=-3, max_value=Fraction(-1, 100), max_denominator=100)


@given(exact_priors, st.integers(3, 12), temptations, suckers)
def test_cooperation_until_two_periods_from_the_end_iff_prior_reaches_the_threshold(mu, N, a, b):
    eq = tit_for_tat_reputation(mu, N, a, b)
    assert verify(eq).ok
    cooperative = eq.holds and eq.defection_periods == 2
    expected = mu >= cooperation_prior_threshold(a, b) and (a + b < 2 or N == 3)
    assert cooperative == expected


@given(st.integers(3, 12), temptations, suckers)
def test_at_the_threshold_itself_cooperation_holds(N, a, b):
    if a + b >= 2:
        a = 2 - b - Fraction(1, 100)
        if a <= 1:
            return
    mu = cooperation_prior_threshold(a, b)
    if not 0 < mu < 1:
        return
    eq = tit_for_tat_reputation(mu, N, a, b)
    assert eq.holds and eq.mutual_cooperation == N - 2


@given(exact_priors, exact_priors, st.integers(3, 10), temptations, suckers)
def test_cooperation_is_monotone_in_the_prior(mu1, mu2, N, a, b):
    low, high = sorted((mu1, mu2))
    if tit_for_tat_reputation(low, N, a, b).holds and tit_for_tat_reputation(low, N, a, b).defection_periods == 2:
        high_eq = tit_for_tat_reputation(high, N, a, b)
        assert high_eq.holds and high_eq.defection_periods == 2


@given(exact_priors, st.integers(1, 12), temptations, suckers)
def test_reputation_path_is_bayes_consistent(mu, N, a, b):
    eq = tit_for_tat_reputation(mu, N, a, b)
    p, x = mu, "C"
    for row in eq.path:
        assert row.reputation == p and row.tit_for_tat_move == x
        rational_mimics = row.rational_cooperates if x == "C" else 1 - row.rational_cooperates
        # Bayes: P(tft | ROW made tit for tat's move) = p / (p + (1 - p) P(rational makes it))
        assert row.after_mimic * (p + (1 - p) * rational_mimics) == p
        p, x = row.after_mimic, "C" if row.column_cooperates else "D"


def test_float_input_gives_floats_matching_the_exact_answer():
    exact = tit_for_tat_reputation(Fraction(3, 5), 8, Fraction(3, 2), Fraction(-1, 2))
    approx = tit_for_tat_reputation(0.6, 8, 1.5, -0.5)
    assert isinstance(approx.column_value, float) and verify(approx).ok
    assert approx.column_value == pytest.approx(float(exact.column_value))
    assert approx.mutual_cooperation == exact.mutual_cooperation == 6
    assert isinstance(cooperation_prior_threshold(1.5, -0.5), float)


def test_bad_input():
    with pytest.raises(ProbabilityError, match="prior"):
        tit_for_tat_reputation(1, 5)
    with pytest.raises(ParameterError, match="periods"):
        tit_for_tat_reputation(HALF, 0)
    with pytest.raises(ParameterError, match="MAX_REPUTATION_PERIODS"):     # the reputation solvers' shared limit
        tit_for_tat_reputation(HALF, 10**9)
    with pytest.raises(ParameterError, match="a > 1"):
        tit_for_tat_reputation(HALF, 3, a=1)
    with pytest.raises(ParameterError, match="b < 0"):
        tit_for_tat_reputation(HALF, 3, b=0)
    with pytest.raises(ParameterError, match="b < 0"):
        cooperation_prior_threshold(2, Fraction(1, 2))
