"""Crawford-Sobel partition equilibria and finite cheap talk."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames.signalling import (crawford_sobel, max_intervals, partition_boundaries, perfect_bayesian_equilibria,
                                   uniform_quadratic_cheap_talk)


@pytest.mark.parametrize("bias, most", [
    # N(b) = largest N with 2 b N (N - 1) < 1 (Crawford & Sobel 1982, section 4; Gibbons 1992, ch. 4.3.A).
    (Fraction(1, 4), 1),    # N = 2: 2 * 1/4 * 2 = 1, not < 1 (Gibbons: two steps need b < 1/4)
    (Fraction(1, 5), 2),    # N = 2: 4/5 < 1; N = 3: 12/5
    (Fraction(1, 12), 2),   # N = 3: 2 * 1/12 * 6 = 1, not < 1
    (Fraction(1, 20), 3),   # N = 3: 6/10 < 1; N = 4: 12/10
    (Fraction(1, 40), 4),   # N = 4: 12/20; N = 5: 20/20
    (Fraction(1, 100), 7),  # N = 7: 84/100; N = 8: 112/100
    (Fraction(-1, 20), 3),  # a negative bias mirrors a positive one
])
def test_number_of_intervals(bias, most):
    assert max_intervals(bias) == most
    equilibria = crawford_sobel(bias)
    assert [eq.intervals for eq in equilibria] == list(range(1, most + 1))


def test_boundaries_for_a_bias_of_one_twentieth_by_hand():
    # a_i = i/N + 2 b i (i - N) with b = 1/20 (Gibbons 1992, ch. 4.3.A):
    # N = 2: a_1 = 1/2 - 1/10 = 2/5 (= 1/2 - 2b, Gibbons' x_1).
    # N = 3: a_1 = 1/3 + (1/10)(1)(-2) = 2/15, a_2 = 2/3 + (1/10)(2)(-1) = 7/15.
    babbling, two, three = crawford_sobel(Fraction(1, 20))
    assert babbling.boundaries == (0, 1) and babbling.actions == (Fraction(1, 2),)
    assert two.boundaries == (0, Fraction(2, 5), 1)
    assert three.boundaries == (0, Fraction(2, 15), Fraction(7, 15), 1)
    assert three.actions == (Fraction(1, 15), Fraction(3, 10), Fraction(11, 15))
    # widths 2/15, 5/15, 8/15: EU_R = -(8 + 125 + 512)/(3375 * 12) = -43/2700
    assert three.receiver_utility == Fraction(-43, 2700)
    assert three.sender_utility == Fraction(-43, 2700) - Fraction(1, 400)


def test_two_step_boundary_is_symbolic_in_the_bias():
    b = sympy.Symbol("b", positive=True)
    assert partition_boundaries(b, 2) == (0, sympy.Rational(1, 2) - 2 * b, 1)


@given(st.fractions(min_value=Fraction(-1, 2), max_value=Fraction(1, 2), max_denominator=200).filter(bool))
def test_every_partition_satisfies_the_indifference_and_the_utility_formula(bias):
    for eq in crawford_sobel(bias):
        a, y, n = eq.boundaries, eq.actions, eq.intervals
        assert a[0] == 0 and a[-1] == 1 and all(lo < hi for lo, hi in zip(a, a[1:]))
        for i in range(1, n):  # the boundary type is indifferent between its two neighbouring actions
            assert (y[i - 1] - a[i] - bias) ** 2 == (y[i] - a[i] - bias) ** 2
        assert all(y[i] == (a[i] + a[i + 1]) / 2 for i in range(n))
        # Crawford & Sobel (1982) eq. for the uniform-quadratic case: EU_R = -1/(12 N^2) - b^2 (N^2 - 1)/3
        assert eq.receiver_utility == Fraction(-1, 12 * n * n) - bias * bias * (n * n - 1) / 3
        assert eq.sender_utility == eq.receiver_utility - bias * bias
    assert not 2 * abs(bias) * (max_intervals(bias) + 1) * max_intervals(bias) < 1


def test_float_bias_gives_float_boundaries():
    eq = crawford_sobel(0.05)[-1]
    assert eq.intervals == 3 and all(isinstance(v, float) for v in eq.boundaries)
    assert eq.boundaries == pytest.approx((0, 2 / 15, 7 / 15, 1))


def test_finite_cheap_talk_has_babbling_and_informative_equilibria():
    # Two equally likely states 1/4 and 3/4, actions 1/4, 1/2, 3/4, u_S = -(y - theta - b)^2,
    # u_R = -(y - theta)^2 (a discrete Crawford-Sobel game). Babbling: the receiver plays the prior mean
    # 1/2 whatever is said. Separation: the low state's sender prefers 1/4 to 3/4 iff b^2 <= (1/2 - b)^2,
    # i.e. b <= 1/4 (for b >= 0; the high state's sender always prefers 3/4).
    informative = perfect_bayesian_equilibria(uniform_quadratic_cheap_talk(2, Fraction(1, 10)), hybrid=False)
    assert {eq.kind for eq in informative} == {"pooling", "separating"}
    for eq in informative:
        if eq.kind == "pooling":
            assert eq.receiver[eq.sender["1/4"]] == "1/2"
        else:
            assert eq.receiver[eq.sender["1/4"]] == "1/4" and eq.receiver[eq.sender["3/4"]] == "3/4"
    biased = perfect_bayesian_equilibria(uniform_quadratic_cheap_talk(2, Fraction(3, 10)), hybrid=False)
    assert biased and {eq.kind for eq in biased} == {"pooling"}


def test_three_state_cheap_talk_without_bias_reveals_everything():
    # With b = 0 interests coincide: a fully separating equilibrium plays each state's own value.
    equilibria = perfect_bayesian_equilibria(uniform_quadratic_cheap_talk(3, 0), hybrid=False)
    separating = [eq for eq in equilibria if eq.kind == "separating"]
    assert separating
    assert all(eq.receiver[eq.sender[t]] == t for eq in separating for t in ("1/6", "1/2", "5/6"))
    assert any(eq.kind == "pooling" for eq in equilibria)


def test_verify_rechecks_partition_equilibria():
    import dataclasses

    import cybergames
    equilibria = crawford_sobel(Fraction(1, 40)) + crawford_sobel(0.05)
    assert all(cybergames.verify(eq).ok for eq in equilibria)
    wrong = dataclasses.replace(crawford_sobel(Fraction(1, 20))[1], boundaries=(0, Fraction(1, 2), 1))
    result = cybergames.verify(wrong)
    assert not result.ok and any("indifferent" in f for f in result.failures)
