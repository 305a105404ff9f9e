"""The signalling_games strategy builds valid games within its bounds."""

from fractions import Fraction

from hypothesis import given

from cybergames.signalling import SignallingGame
from cybergames.strategies import signalling_games


@given(signalling_games(min_types=1, max_types=4, min_messages=1, max_messages=4, min_actions=1, max_actions=3,
                        min_value=-2, max_value=7, type_dependent=True, message_dependent=True))
def test_generated_games_respect_the_bounds(sg):
    assert isinstance(sg, SignallingGame) and sg.is_exact
    assert 1 <= len(sg.types) <= 4 and 1 <= len(sg.messages) <= 4
    assert all(1 <= len(acts) <= 3 for acts in sg.actions.values())
    assert sum(sg.prior.values()) == 1 and all(p > 0 for p in sg.prior.values())
    assert all(sg.available[t] for t in sg.types)
    assert all(sg.senders_of(m) for m in sg.messages)
    assert all(-2 <= v <= 7 for table in (sg.sender_payoff, sg.receiver_payoff) for v in table.values())


@given(signalling_games(exact=False))
def test_float_games_are_float(sg):
    assert sg.kind == "float"
    assert all(isinstance(p, float) for p in sg.prior.values())
    assert all(isinstance(v, float) for v in sg.sender_payoff.values())


@given(signalling_games())
def test_default_games_offer_every_message_to_every_type(sg):
    assert all(sg.available[t] == sg.messages for t in sg.types)
    assert all(isinstance(p, Fraction) for p in sg.prior.values())
