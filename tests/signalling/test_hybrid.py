"""Semi-separating (hybrid) equilibria of two-type games."""

from fractions import Fraction

from hypothesis import given

import cybergames
from cybergames.signalling import beer_quiche, hybrid_equilibria, perfect_bayesian_equilibria, spence_job_market
from cybergames.signalling._strategies import signalling_games

from ._brute import check_pbe


def test_beer_quiche_with_a_likely_weak_type_has_one_hybrid_and_no_pure_equilibrium():
    # Cho & Kreps (1987) payoffs with prior 0.9 weak (the "weak is likely" case).
    # By hand: pooling on beer fails (mu(weak) = 0.9 > 1/2, the bully duels, the weak type gets 0 and
    # would take quiche for >= 1); pooling on quiche fails likewise for the strong type; separating fails.
    # Hybrid: the strong type drinks beer; the weak type drinks beer with probability q so that
    # mu(weak | beer) = 0.9q / (0.9q + 0.1) = 1/2, i.e. q = 1/9; quiche reveals "weak" and is dueled
    # (weak gets 1); the weak type is indifferent iff the bully duels after beer with probability r,
    # (1 - r) * 2 = 1, r = 1/2. The strong type gets r * 1 + (1 - r) * 3 = 2 > 0 (quiche, duel).
    sg = beer_quiche(Fraction(9, 10))
    (eq,) = perfect_bayesian_equilibria(sg)
    assert eq.kind == "hybrid" and not eq.is_pure
    assert eq.sender == {"weak": {"beer": Fraction(1, 9), "quiche": Fraction(8, 9)}, "strong": "beer"}
    assert eq.receiver == {"beer": {"duel": Fraction(1, 2), "not": Fraction(1, 2)}, "quiche": "duel"}
    assert eq.beliefs["beer"] == {"weak": Fraction(1, 2), "strong": Fraction(1, 2)}
    assert eq.sender_payoffs == {"weak": 1, "strong": 2}
    assert cybergames.verify(eq).ok


def test_spence_hybrid_mixing_probabilities_by_hand():
    # Spence defaults (theta 1 / 3, cost 4e/(3 theta), wages 1, 2, 3, prior 1/2; Gibbons 1992 ch. 4.2.B
    # discusses such hybrids). By hand: the high type mixes between e = 0 (with the low type) and e = 3
    # (alone: wage 3, payoff 3 - 4/3 = 5/3). At e = 0 the market must mix two wages, so it is
    # indifferent: wages 1 and 2 with mu = mu(high | 0): -4 mu = -(1 - mu) - mu = -1, mu = 1/4 (wages 2
    # and 3 would need mu = 3/4 > 1/2, impossible). Bayes: q / (q + 1) = 1/4, q = 1/3. The high type is
    # indifferent iff the expected wage at 0 is 5/3: r + 2(1 - r) = 5/3, r = 1/3 on wage 1.
    # A mix of 0 and 2 is impossible: e = 2 alone pays 3 - 8/9 = 19/9 > 2, the most e = 0 can pay.
    sg = spence_job_market()
    found = [eq for eq in hybrid_equilibria(sg) if eq.sender["low"] == "0"]
    assert found
    for eq in found:
        assert eq.sender["high"] == {"0": Fraction(1, 3), "3": Fraction(2, 3)}
        assert eq.receiver["0"] == {"1": Fraction(1, 3), "2": Fraction(2, 3)}
        assert eq.beliefs["0"] == {"low": Fraction(3, 4), "high": Fraction(1, 4)}
        assert eq.sender_payoffs == {"low": Fraction(5, 3), "high": Fraction(5, 3)}
    for eq in hybrid_equilibria(sg):
        assert check_pbe(sg, eq) == []
        assert not (isinstance(eq.sender["high"], dict) and set(eq.sender["high"]) == {"0", "2"})


@given(signalling_games(min_types=2, max_types=2, min_value=-3, max_value=3))
def test_every_hybrid_satisfies_the_definitions(sg):
    for eq in hybrid_equilibria(sg):
        assert eq.kind == "hybrid"
        assert check_pbe(sg, eq) == []
        assert cybergames.verify(eq).ok
        mixing = [t for t, v in eq.sender.items() if not isinstance(v, str)]
        assert len(mixing) == 1 and len(eq.sender[mixing[0]]) == 2
        assert all(0 < p < 1 for p in eq.sender[mixing[0]].values())


def test_hybrids_are_listed_only_for_two_types():
    from cybergames.signalling import SignallingGame
    sg = SignallingGame(("a", "b", "c"), [Fraction(1, 3)] * 3, ("x", "y"), ("u", "v"),
                        lambda t, m, a: 0, lambda t, m, a: 0)
    assert hybrid_equilibria(sg) == ()
