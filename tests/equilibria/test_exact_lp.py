"""The exact LP helper: the optimal-basis crossover and the exact simplex agree, with certificates."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames.equilibria import _exact_lp


def test_textbook_programme():
    # Chvátal, Linear Programming (1983), ch. 1 style: max x + y, x + 2y <= 4, 3x + y <= 6. By hand the
    # two constraints meet at x = 8/5, y = 6/5 (value 14/5); the duals 2/5, 1/5 give 4*2/5 + 6/5 = 14/5.
    solution = _exact_lp.maximise([1, 1], [[1, 2], [3, 1]], [4, 6], exact=True)
    assert solution.x == (Fraction(8, 5), Fraction(6, 5)) and solution.value == Fraction(14, 5)
    assert solution.y_ub == (Fraction(2, 5), Fraction(1, 5))


def test_redundant_equalities_and_infeasibility():
    # x + y = 1 and 2x + 2y = 2 are one constraint; x + y = 1 with x + y = 2 has no solution
    solution = _exact_lp.maximise([1, 2], None, (), [[1, 1], [2, 2]], [1, 2], exact=True)
    assert solution.x == (0, 1) and solution.value == 2
    assert _exact_lp.maximise([1, 1], None, (), [[1, 1], [1, 1]], [1, 2], exact=True) is None
    assert _exact_lp.maximise([1, 1], None, (), [[1, 1], [1, 1]], [1, 2], exact=False) is None


programmes = st.integers(1, 4).flatmap(lambda n: st.tuples(
    st.lists(st.integers(-3, 3), min_size=n, max_size=n),
    st.lists(st.lists(st.integers(-3, 3), min_size=n, max_size=n), max_size=4),
    st.lists(st.integers(-2, 3), min_size=4, max_size=4),
    st.booleans()))


@settings(max_examples=60, deadline=None)
@given(programmes)
def test_crossover_and_simplex_agree_and_certify(data):
    c, ub, b, with_equality = data
    n = len(c)
    ub = ub + [[1] * n]                      # sum(x) <= 3 keeps every programme bounded
    b_ub = [b[k % 4] for k in range(len(ub) - 1)] + [3]
    eq, b_eq = ([[1] + [0] * (n - 1)], [1]) if with_equality else ([], [])
    exact = _exact_lp.maximise(c, ub, b_ub, eq, b_eq, exact=True)
    fractions = lambda rows: [[Fraction(v) for v in r] for r in rows]  # noqa: E731
    simplex = _exact_lp._simplex([Fraction(v) for v in c], fractions(ub), [Fraction(v) for v in b_ub],
                                 fractions(eq), [Fraction(v) for v in b_eq])
    approx = _exact_lp.maximise(c, ub, b_ub, eq, b_eq, exact=False)
    assert (exact is None) == (simplex is None) == (approx is None)
    if exact is None:
        return
    assert exact.value == simplex.value
    assert float(exact.value) == pytest.approx(approx.value, abs=1e-7)
    for solution in (exact, simplex):
        assert _exact_lp.certified([Fraction(v) for v in c], fractions(ub), b_ub, fractions(eq), b_eq, solution)
