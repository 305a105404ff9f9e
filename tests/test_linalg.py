"""cybergames._linalg: exact Gauss-Jordan elimination against sympy."""

import copy
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames._linalg import SingularMatrixError, solve, solve_many


@st.composite
def systems(draw, max_size=5, columns=1):
    """A square matrix of small Fractions and ``columns`` right-hand sides."""
    n = draw(st.integers(1, max_size))
    entry = st.builds(Fraction, st.integers(-20, 20), st.integers(1, 4))     # in [-20, 20], denominators <= 4
    matrix = draw(st.lists(st.lists(entry, min_size=n, max_size=n), min_size=n, max_size=n))
    rhs = draw(st.lists(st.lists(entry, min_size=n, max_size=n), min_size=columns, max_size=columns))
    return matrix, rhs


def sympy_solution(matrix, rhs):
    """The unique solution by sympy, or None if the matrix is singular."""
    m = sympy.Matrix([[sympy.Rational(v.numerator, v.denominator) for v in row] for row in matrix])
    if m.det() == 0:
        return None
    b = sympy.Matrix([sympy.Rational(v.numerator, v.denominator) for v in rhs])
    return [Fraction(int(v.p), int(v.q)) for v in m.LUsolve(b)]


@given(systems())
def test_solve_agrees_with_sympy(system):
    matrix, (rhs,) = system
    expected = sympy_solution(matrix, rhs)
    if expected is None:
        with pytest.raises(SingularMatrixError):
            solve(matrix, rhs)
    else:
        result = solve(matrix, rhs)
        assert result == expected and all(type(v) is Fraction for v in result)


@given(systems(columns=3))
def test_solve_many_solves_each_column(system):
    matrix, columns = system
    try:
        expected = [solve(matrix, column) for column in columns]
    except SingularMatrixError:
        with pytest.raises(SingularMatrixError):
            solve_many(matrix, columns)
        return
    assert solve_many(matrix, columns) == expected


@given(systems())
def test_inputs_are_not_mutated(system):
    matrix, (rhs,) = system
    before = copy.deepcopy((matrix, rhs))
    try:
        solve(matrix, rhs)
    except SingularMatrixError:
        pass
    assert (matrix, rhs) == before


def test_solve_by_hand():
    # 2x + y = 3, x + 3y = 5: x = (9 - 5)/5 = 4/5, y = (10 - 3)/5 = 7/5.
    assert solve([[2, 1], [1, 3]], [3, 5]) == [Fraction(4, 5), Fraction(7, 5)]
    # a zero first pivot needs a row swap
    assert solve([[0, 1], [1, 0]], [2, 3]) == [3, 2]


def test_ints_floats_and_fractions_are_read_exactly():
    assert solve([[Fraction(1, 3)]], [1]) == [3]
    assert solve([[0.5]], [0.25]) == [Fraction(1, 2)]          # binary floats are exact fractions


@pytest.mark.parametrize("matrix, rhs", [
    ([[1, 2], [2, 4]], [1, 2]),          # rank 1
    ([[0, 0], [0, 0]], [0, 0]),
    ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [1, 1, 1]),
    ([[1, 2]], [1]),                     # not square
    ([[1, 2], [3, 4]], [1]),             # rhs of the wrong length
    ([[1], [2, 3]], [1, 2]),             # ragged
])
def test_singular_or_malformed_systems_raise(matrix, rhs):
    with pytest.raises(SingularMatrixError):
        solve(matrix, rhs)


def test_empty_system():
    assert solve([], []) == []
