"""Kunreuther and Heal's (2003) interdependent security game: closed-form conditions against the game."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError, ProbabilityError
from cybergames.security import interdependent_security

FIFTH, HALF = Fraction(1, 5), Fraction(1, 2)


def pure_profiles(result):
    return {eq.profile for eq in result.equilibria if eq.is_pure}


@pytest.mark.parametrize("c, expected", [
    # Kunreuther & Heal (2003), J. Risk Uncertainty 26, with p = 1/5, q = 1/2, L = 100: pL = 20 and
    # p(1 - q)L = 10. By hand from the payoff table: c = 5 < 10 makes investing dominant; c = 25 > 20 makes
    # not investing dominant; c = 15 in between gives both pure equilibria.
    (5, {("invest", "invest")}),
    (25, {("not", "not")}),
    (15, {("invest", "invest"), ("not", "not")}),
])
def test_the_three_regions(c, expected):
    r = interdependent_security(FIFTH, HALF, 100, c)
    assert pure_profiles(r) == expected
    assert verify(r)


def test_mixed_equilibrium_in_the_coordination_region():
    # Same parameters, c = 15: the partner invests with probability y making one indifferent:
    # -15 - (1 - y) 50 = -20 - (1 - y) 40  <=>  10 (1 - y) = 5  <=>  y = 1/2.
    r = interdependent_security(FIFTH, HALF, 100, 15)
    assert r.mixed_invest_probability == HALF
    mixed = [eq for eq in r.equilibria if not eq.is_pure]
    assert len(mixed) == 1 and list(mixed[0].strategies[0]) == [HALF, HALF]


def test_float_in_float_out():
    r = interdependent_security(0.2, 0.5, 100.0, 15.0)
    assert isinstance(r.mixed_invest_probability, float) and r.game.kind == "float"


probabilities = st.fractions(0, 1, max_denominator=20)


@given(probabilities, probabilities, st.integers(1, 50), st.fractions(0, 60, max_denominator=20))
def test_closed_form_matches_the_games_equilibria(p, q, L, c):
    # The closed forms against nash_equilibria of the game itself, including the ties c = pL, c = p(1 - q)L.
    r = interdependent_security(p, q, L, c)
    pure = pure_profiles(r)
    assert (("invest", "invest") in pure) == (c <= p * L) == r.both_invest
    assert (("not", "not") in pure) == (c >= p * (1 - q) * L) == r.neither_invests
    if p * (1 - q) * L < c < p * L:
        y = (c - p * (1 - q) * L) / (p * q * L)
        assert any(list(eq.strategies[0]) == [y, 1 - y] for eq in r.equilibria if not eq.is_pure)
    assert verify(r)


@pytest.mark.parametrize("args, error, word", [
    ((-FIFTH, HALF, 1, 1), ProbabilityError, "p"),
    ((FIFTH, Fraction(3, 2), 1, 1), ProbabilityError, "q"),
    ((FIFTH, HALF, 0, 1), ParameterError, "L"),
    ((FIFTH, HALF, 1, -1), ParameterError, "c"),
])
def test_bad_input(args, error, word):
    with pytest.raises(error, match=word):
        interdependent_security(*args)


@given(probabilities, probabilities, probabilities, st.integers(1, 50), st.fractions(0, 60, max_denominator=20))
def test_more_contagion_never_makes_not_investing_less_stable(p, q, more, L, c):
    # Comparative statics of the closed form p(1 - q)L: raising q lowers the threshold above which (not, not)
    # is an equilibrium, and leaves the (invest, invest) condition c <= pL unchanged.
    high_q = q + (1 - q) * more
    low, high = interdependent_security(p, q, L, c), interdependent_security(p, high_q, L, c)
    assert high.neither_invests >= low.neither_invests
    assert high.both_invest == low.both_invest
