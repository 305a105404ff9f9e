"""The Kreps–Wilson chain store: textbook values by hand, Bayes consistency and incentives as properties."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError, ProbabilityError
from cybergames.reputation import chain_store, chain_store_behaviour, deterrence_threshold

HALF = Fraction(1, 2)


def test_deterrence_condition_for_two_priors():
    # Kreps & Wilson (1982), sec. 3; Fudenberg & Tirole (1991), ch. 9.2.2: the first entrant stays out
    # iff mu > b^N. With b = 1/2 and N = 3 the threshold is (1/2)^3 = 1/8 (by hand).
    assert deterrence_threshold(3, HALF) == Fraction(1, 8)
    deterred = chain_store(Fraction(1, 5), 3, a=2, b=HALF)      # 1/5 > 1/8: no entry in period 1
    entered = chain_store(Fraction(1, 10), 3, a=2, b=HALF)      # 1/10 < 1/8: entry in period 1
    assert deterred.path[0].entry == 0 and deterred.deterred == 1
    assert entered.path[0].entry == 1 and entered.deterred == 0


def test_weak_incumbents_fight_probability_for_two_priors():
    # Fudenberg & Tirole (1991), ch. 9.2.2: with k periods left and p < b^(k-1) the weak incumbent fights
    # with beta = p (1 - b^(k-1)) / ((1 - p) b^(k-1)), so that the posterior after a fight is b^(k-1).
    # Prior 1/10, N = 3, b = 1/2: k = 3, b^2 = 1/4: beta = (1/10)(3/4) / ((9/10)(1/4)) = 3/9 = 1/3.
    low = chain_store(Fraction(1, 10), 3, a=2, b=HALF)
    assert low.path[0].weak_fight == Fraction(1, 3)
    assert low.path[0].after_fight == Fraction(1, 4)            # (1/10) / (1/10 + (9/10)(1/3)) = 1/4
    # Prior 1/5: k = 3: beta = (1/5)(3/4) / ((4/5)(1/4)) = 3/4 (the entrant stays out, so this is off
    # the path); k = 2 (p = 1/5 < b^2 = 1/4, entry): beta = (1/5)(1/2) / ((4/5)(1/2)) = 1/4.
    high = chain_store(Fraction(1, 5), 3, a=2, b=HALF)
    assert high.path[0].weak_fight == Fraction(3, 4)
    assert high.path[1].weak_fight == Fraction(1, 4) and high.path[1].entry == 1
    assert high.path[1].after_fight == HALF                     # b^(k-1) = 1/2
    # the last period: p = 1/2 = b, the entrant stays out with probability 1/a = 1/2; the weak incumbent acquiesces
    assert high.path[2].entry == HALF and high.path[2].weak_fight == 0


def test_entrant_mixing_makes_the_previous_weak_incumbent_indifferent():
    # Fudenberg & Tirole (1991), ch. 9.2.2: at p = b^k the entrant stays out with probability 1/a; then fighting
    # in the period before pays -1 + (1/a) a = 0 = acquiescing. Here a = 4: staying out with 1/4.
    entry, weak, fight, after = chain_store_behaviour(2, Fraction(1, 9), a=4, b=Fraction(1, 3))
    assert entry == Fraction(3, 4)
    assert fight == Fraction(1, 3) and after == Fraction(1, 3)   # p / b^(k-1) = (1/9)/(1/3); posterior b


def test_symbolic_deterrence_condition():
    mu, b = sympy.symbols("mu b", positive=True)
    assert (mu > deterrence_threshold(4, b)) == (mu > b**4)


def test_float_input_gives_floats_close_to_the_exact_path():
    exact = chain_store(Fraction(1, 20), 8, a=3, b=Fraction(2, 3))
    approx = chain_store(0.05, 8, a=3.0, b=2 / 3)
    assert all(isinstance(x, float) for x in approx.reputations)
    assert approx.reputations == pytest.approx([float(x) for x in exact.reputations])
    assert verify(approx).ok


exact_probabilities = st.fractions(min_value=Fraction(1, 1000), max_value=Fraction(999, 1000), max_denominator=1000)


@given(exact_probabilities, st.integers(1, 25), st.fractions(min_value=Fraction(101, 100), max_value=10,
                                                              max_denominator=100), exact_probabilities)
def test_reputation_path_is_bayes_consistent(prior, periods, a, b):
    eq = chain_store(prior, periods, a, b)
    p = prior
    for row in eq.path:
        assert row.reputation == p                               # beliefs carried from the last period
        assert 0 <= row.entry <= 1 and 0 <= row.weak_fight <= 1
        fought = row.reputation + (1 - row.reputation) * row.weak_fight
        assert row.fight == fought
        assert row.after_fight * fought == row.reputation        # Bayes: Pr(tough | fight) = p / Pr(fight)
        if row.entry:
            p = row.after_fight
    assert list(eq.reputations) == sorted(eq.reputations)         # fighting never lowers the reputation
    assert verify(eq).ok


@given(exact_probabilities, st.integers(1, 20), exact_probabilities)
def test_entry_is_deterred_exactly_while_the_prior_beats_b_to_the_periods_left(prior, periods, b):
    eq = chain_store(prior, periods, 2, b)
    # period t is deterred for sure iff mu > b^(N - t + 1): count these periods independently
    assert eq.deterred == sum(1 for k in range(periods, 0, -1) if prior > b**k and all(
        prior > b**j for j in range(periods, k - 1, -1)))


def test_a_tampered_path_fails_verification():
    eq = chain_store(Fraction(1, 10), 5, 2, HALF)
    from dataclasses import replace
    rows = list(eq.path)
    rows[2] = replace(rows[2], weak_fight=Fraction(1, 2), fight=Fraction(1, 10) + Fraction(9, 20))
    assert not verify(replace(eq, path=tuple(rows))).ok


@pytest.mark.parametrize("prior", [0, 1, Fraction(3, 2), -0.1, float("nan")])
def test_priors_outside_the_open_unit_interval_are_refused(prior):
    with pytest.raises(ProbabilityError, match="prior"):
        chain_store(prior, 5)


@pytest.mark.parametrize("periods", [0, -3, 2.5, True])
def test_horizons_below_one_are_refused(periods):
    with pytest.raises(ParameterError, match="periods"):
        chain_store(Fraction(1, 2), periods)


@pytest.mark.parametrize("a, b, word", [(1, HALF, "a"), (2, 1, "b"), (2, 0, "b"), (2, sympy.Symbol("b"), "b")])
def test_payoffs_out_of_range_are_refused(a, b, word):
    with pytest.raises(ParameterError, match=word):
        chain_store(Fraction(1, 2), 3, a, b)


def test_a_horizon_beyond_the_limit_is_refused_with_the_bound_named(monkeypatch):
    # A horizon of 10**12 periods would run for hours (and its exact numbers have 10**12 digits): refused
    # at once, with a message naming cybergames.limits.MAX_REPUTATION_PERIODS and how to raise it.
    import cybergames.limits
    with pytest.raises(ParameterError, match=r"cybergames\.limits\.MAX_REPUTATION_PERIODS.*set cybergames"):
        chain_store(Fraction(1, 10), 10**12)
    with pytest.raises(ParameterError, match="MAX_REPUTATION_PERIODS"):
        chain_store_behaviour(10**12, Fraction(1, 10), a=2, b=HALF)
    # the bound is read at each call: lowering it refuses a horizon that was accepted, raising it accepts it
    limit = cybergames.limits.MAX_REPUTATION_PERIODS
    assert chain_store(0.1, limit).periods == limit
    monkeypatch.setattr(cybergames.limits, "MAX_REPUTATION_PERIODS", 5)
    with pytest.raises(ParameterError, match="periods: 6 exceeds"):
        chain_store(Fraction(1, 10), 6)
    assert verify(chain_store(Fraction(1, 10), 5)).ok


def test_verification_of_a_long_exact_chain_store_is_not_quadratic():
    # verify shares the weak incumbent's values across the periods (one backward induction, not one per
    # period); 2000 periods, exact, re-check every incentive.
    assert verify(chain_store(Fraction(1, 10), 2000, a=2, b=HALF)).ok
