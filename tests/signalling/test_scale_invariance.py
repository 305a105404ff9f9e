"""Scale invariance of the signalling solvers: payoffs times 10**k, from 1e-300 to 1e300.

A perfect Bayesian equilibrium, the intuitive criterion and D1 compare each
player's payoffs only with the same player's payoffs, so multiplying every
payoff by a positive constant changes none of them (Fudenberg & Tirole, *Game
Theory*, 1991, §8.2: the refinements are defined by payoff comparisons alone).
The exact game with small integer payoffs is the reference; float
multiplication by 10**k keeps such payoffs exactly ordered.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames.signalling import SignallingGame, d1, intuitive_criterion, perfect_bayesian_equilibria
from cybergames.signalling._strategies import signalling_games

from ._brute import profile_key


def scaled(sg, scale):
    return SignallingGame(sg.types, {t: float(p) for t, p in sg.prior.items()}, sg.messages, dict(sg.actions),
                          {k: float(v) * scale for k, v in sg.sender_payoff.items()},
                          {k: float(v) * scale for k, v in sg.receiver_payoff.items()})


def answers(sg):
    """Each pure PBE's strategies with whether it survives the intuitive criterion and D1."""
    return sorted(((repr(profile_key(eq)), intuitive_criterion(sg, eq).survives, d1(sg, eq).survives)
                   for eq in perfect_bayesian_equilibria(sg) if eq.kind != "hybrid"), key=repr)


@settings(max_examples=30)
@given(signalling_games(max_types=2, max_messages=2), st.integers(-300, 300))
def test_equilibria_and_refinements_do_not_depend_on_the_payoff_scale(sg, exponent):
    assert answers(scaled(sg, 10.0 ** exponent)) == answers(scaled(sg, 1.0))


def test_beer_quiche_at_1e_minus_12_keeps_its_two_pooling_equilibria():
    # Cho & Kreps (1987), §II: beer-quiche has two pooling equilibria and only "both drink beer"
    # passes the intuitive criterion. At 1e-12 the absolute tolerance 1e-9 used to swallow every
    # payoff difference and return 16 "equilibria", all passing.
    from cybergames.signalling import beer_quiche

    game = scaled(beer_quiche(), 1e-12)
    equilibria = perfect_bayesian_equilibria(game)
    assert sorted(eq.sender["weak"] for eq in equilibria) == ["beer", "quiche"]
    assert {eq.sender["weak"]: intuitive_criterion(game, eq).survives for eq in equilibria} == \
        {"beer": True, "quiche": False}
