"""Verifiable disclosure: the unravelling result (Milgrom 1981; Grossman 1981)."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import cybergames
from cybergames.signalling import perfect_bayesian_equilibria, verifiable_disclosure


@given(st.lists(st.integers(-20, 20), min_size=1, max_size=4, unique=True),
       st.lists(st.integers(1, 9), min_size=4, max_size=4))
def test_every_equilibrium_unravels_to_full_disclosure(qualities, weights):
    # Milgrom (1981) Prop. 2 / Grossman (1981): with verifiable messages and a receiver who matches the
    # posterior mean, every equilibrium reveals every type's quality: each type is valued at its quality,
    # and at most one type (the lowest) stays silent.
    weights = weights[:len(qualities)]
    prior = [Fraction(w, sum(weights)) for w in weights]
    sg = verifiable_disclosure(qualities, prior)
    equilibria = perfect_bayesian_equilibria(sg)
    assert equilibria
    for eq in equilibria:
        assert cybergames.verify(eq).ok
        assert eq.sender_payoffs == {str(v): v for v in qualities}
        silent = [t for t, m in eq.sender.items() if m == "silent"]
        assert len(silent) <= 1
        if silent and len(qualities) > 1:
            assert silent == [str(min(qualities))]


def test_full_disclosure_and_the_lowest_type_silent_are_the_two_outcomes():
    # Qualities 1, 2, 3: either everyone reveals (silence off the path must be valued at 1, the lowest
    # quality, else type 1 would be silent) or type 1 is silent and valued at 1. Off the path, the
    # valuation 1 is the best of {1, 3/2, 5/3, 2, 5/2, 3} (the means of the sets of types) iff the
    # belief's mean is at most (1 + 3/2)/2 = 5/4 (quadratic loss: the nearest valuation to the mean);
    # on the simplex that is the triangle with vertices (1, 0, 0), (3/4, 1/4, 0) and (7/8, 0, 1/8).
    sg = verifiable_disclosure((1, 2, 3))
    outcomes = {tuple(sorted(eq.sender.items())) for eq in perfect_bayesian_equilibria(sg)}
    assert outcomes == {
        (("1", "reveal 1"), ("2", "reveal 2"), ("3", "reveal 3")),
        (("1", "silent"), ("2", "reveal 2"), ("3", "reveal 3")),
    }
    revealing = next(eq for eq in perfect_bayesian_equilibria(sg) if eq.sender["1"] == "reveal 1")
    assert revealing.receiver["silent"] == "1"
    assert set(map(lambda v: tuple(v.values()), revealing.beliefs["silent"].vertices)) == {
        (1, 0, 0), (Fraction(3, 4), Fraction(1, 4), 0), (Fraction(7, 8), 0, Fraction(1, 8))}


def test_unravelling_needs_the_receiver_to_match_the_posterior_mean():
    # With only the valuations 1 and 2 and a likely good type (prior 1/10, 9/10), silence by both types
    # has mean 1.9, valued at 2: the bad type then prefers silence (2 > 1) and the market does not unravel.
    sg = verifiable_disclosure((1, 2), [Fraction(1, 10), Fraction(9, 10)], actions=(1, 2))
    assert any(eq.kind == "pooling" and eq.sender["1"] == "silent" for eq in perfect_bayesian_equilibria(sg))
