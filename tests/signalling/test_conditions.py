"""Symbolic conditions for a pure profile to be a PBE."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames.errors import SignallingGameError
from cybergames.signalling import (SignallingGame, beer_quiche, pbe_conditions, perfect_bayesian_equilibria,
                                   spence_job_market)

K = sympy.Symbol("k", positive=True)
SEPARATING = ({"low": "0", "high": "2"}, {"0": "1", "1": "1", "2": "3", "3": "1"})


def test_separating_condition_on_the_signal_cost():
    # By hand (Spence 1973; defaults but cost scale k: cost k e / theta, theta = 1, 3): separating at
    # e = 2 with wage 1 off the path needs the low type not to mimic, 1 >= 3 - 2k (k >= 1), the high type
    # not to drop to e = 0, 3 - 2k/3 >= 1 (k <= 3), and nobody to want e = 1 or 3 at wage 1 (true for
    # k > 0). So k in [1, 3].
    condition = pbe_conditions(spence_job_market(cost=K), *SEPARATING)
    assert condition.as_set() == sympy.Interval(1, 3)


@settings(max_examples=30)
@given(st.fractions(min_value=Fraction(1, 10), max_value=5, max_denominator=12))
def test_condition_agrees_with_the_solver(k):
    condition = pbe_conditions(spence_job_market(cost=K), *SEPARATING)
    holds = bool(condition.subs(K, sympy.Rational(k.numerator, k.denominator)))
    profiles = {(tuple(eq.sender.items()), tuple(eq.receiver.items()))
                for eq in perfect_bayesian_equilibria(spence_job_market(cost=k), hybrid=False)}
    assert holds == ((tuple(SEPARATING[0].items()), tuple(SEPARATING[1].items())) in profiles)


def test_off_path_belief_is_eliminated_for_two_types():
    # Beer pool with a symbolic prior p of the weak type: no duel after beer needs 1 - p >= p; a duel after
    # quiche is supported by some belief (weak for sure) whatever p: the condition is p <= 1/2.
    p = sympy.Symbol("p", positive=True)
    condition = pbe_conditions(beer_quiche(p), {"weak": "beer", "strong": "beer"}, {"beer": "not", "quiche": "duel"})
    assert condition.subs(p, sympy.Rational(1, 10)) is sympy.true
    assert condition.subs(p, sympy.Rational(9, 10)) is sympy.false
    assert sympy.simplify(condition.as_set() - sympy.Interval(-sympy.oo, sympy.Rational(1, 2))) == sympy.EmptySet


def test_numeric_game_gives_a_truth_value_and_explicit_beliefs_are_used():
    sg = beer_quiche()
    assert pbe_conditions(sg, {"weak": "beer", "strong": "beer"}, {"beer": "not", "quiche": "duel"}) is sympy.true
    assert pbe_conditions(sg, {"weak": "beer", "strong": "beer"}, {"beer": "not", "quiche": "duel"},
                          beliefs={"quiche": {"weak": Fraction(1, 4), "strong": Fraction(3, 4)}}) is sympy.false


def test_three_possible_senders_need_an_explicit_belief():
    sg = SignallingGame(("a", "b", "c"), [Fraction(1, 3)] * 3, ("x", "y"), ("u", "v"),
                        lambda t, m, a: int(m == "x"), lambda t, m, a: int(a == "u"))
    with pytest.raises(SignallingGameError, match="belief"):
        pbe_conditions(sg, {"a": "x", "b": "x", "c": "x"}, {"x": "u", "y": "u"})
    assert pbe_conditions(sg, {"a": "x", "b": "x", "c": "x"}, {"x": "u", "y": "u"},
                          beliefs={"y": {"a": 1}}) is sympy.true
