"""Bad input to every public function of cybergames.equilibria raises a cybergames error naming it."""

import math

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import (NormalFormGame, maxmin, minmax, nash_equilibria, payoff_dominant, pure_equilibria,
                        risk_dominant, stag_hunt, verify)
from cybergames.errors import CybergamesError, GameError, ParameterError

GAME = stag_hunt()
SYMBOLIC = stag_hunt(**dict(zip("TRPS", sympy.symbols("T R P S"))))
THREE_BY_THREE = NormalFormGame([np.eye(3, dtype=int).tolist(), np.eye(3, dtype=int).tolist()])

CASES = [
    # (call, error, words the message must contain)
    (lambda: nash_equilibria(None), GameError, "game"),
    (lambda: nash_equilibria([[1, 2], [3, 4]]), GameError, "NormalFormGame"),
    (lambda: nash_equilibria("stag hunt"), GameError, "NormalFormGame"),
    (lambda: nash_equilibria(GAME.to_nashpy()), GameError, "NormalFormGame"),
    (lambda: nash_equilibria(SYMBOLIC), GameError, "subs"),
    (lambda: nash_equilibria(GAME, tol=0), ParameterError, "tol"),
    (lambda: nash_equilibria(GAME, tol=-1e-9), ParameterError, "tol"),
    (lambda: nash_equilibria(GAME, tol=math.nan), ParameterError, "tol"),
    (lambda: nash_equilibria(GAME, tol=math.inf), ParameterError, "tol"),
    (lambda: nash_equilibria(GAME, tol="small"), ParameterError, "tol"),
    (lambda: nash_equilibria(GAME, tol=True), ParameterError, "tol"),
    (lambda: nash_equilibria(GAME, tol=1), ParameterError, "tol"),
    (lambda: pure_equilibria(3), GameError, "NormalFormGame"),
    (lambda: pure_equilibria(SYMBOLIC), GameError, "subs"),
    (lambda: pure_equilibria(GAME, tol=None), ParameterError, "tol"),
    (lambda: minmax(None, 0), GameError, "NormalFormGame"),
    (lambda: minmax(SYMBOLIC, 0), GameError, "subs"),
    (lambda: minmax(GAME, 2), GameError, "player"),
    (lambda: minmax(GAME, -1), GameError, "player"),
    (lambda: minmax(GAME, "nobody"), GameError, "player"),
    (lambda: minmax(GAME, 0.5), GameError, "player"),
    (lambda: minmax(GAME, None), GameError, "player"),
    (lambda: minmax(GAME, 0, mixed="yes"), ParameterError, "mixed"),
    (lambda: minmax(GAME, 0, mixed=1), ParameterError, "mixed"),
    (lambda: minmax(GAME, 0, tol=2.0), ParameterError, "tol"),
    (lambda: maxmin({}, 0), GameError, "NormalFormGame"),
    (lambda: maxmin(SYMBOLIC, 1), GameError, "subs"),
    (lambda: maxmin(GAME, 7), GameError, "player"),
    (lambda: maxmin(GAME, 0, mixed=None), ParameterError, "mixed"),
    (lambda: risk_dominant(None), GameError, "NormalFormGame"),
    (lambda: risk_dominant(THREE_BY_THREE), GameError, "2x2"),
    (lambda: risk_dominant(SYMBOLIC), GameError, "equilibria="),
    (lambda: risk_dominant(GAME, equilibria="Stag"), GameError, "equilibria"),
    (lambda: risk_dominant(GAME, equilibria=[("Stag", "Stag")]), GameError, "equilibria"),
    (lambda: risk_dominant(GAME, equilibria=[("Stag",), ("Hare", "Hare")]), GameError, "equilibria[0]"),
    (lambda: risk_dominant(GAME, equilibria=[("Stag", "Stag"), ("Hare", "Cow")]), GameError, "equilibria[1]"),
    (lambda: risk_dominant(GAME, tol=-1), ParameterError, "tol"),
    (lambda: payoff_dominant(THREE_BY_THREE), GameError, "2x2"),
    (lambda: payoff_dominant(GAME, equilibria=5), GameError, "equilibria"),
    (lambda: payoff_dominant(NormalFormGame([[[0, 0], [0, 0]], [[0, 0], [0, 0]]])), GameError, "strict"),
    (lambda: verify("not a result"), CybergamesError, "result"),
]


@pytest.mark.parametrize("call, error, words", CASES)
def test_bad_input_raises_a_named_cybergames_error(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)
    assert isinstance(info.value, ValueError)


junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
                 st.tuples(st.integers(), st.text(max_size=2)))


@given(junk)
def test_junk_instead_of_a_game(value):
    for function in (nash_equilibria, pure_equilibria, risk_dominant, payoff_dominant):
        with pytest.raises(GameError):
            function(value)
    for function in (minmax, maxmin):
        with pytest.raises(GameError):
            function(value, 0)


@given(junk)
def test_junk_players_and_flags(value):
    for function in (minmax, maxmin):
        try:
            result = function(GAME, value)
        except CybergamesError:
            pass
        else:                                    # only real players are accepted: an index or a label
            assert (isinstance(value, str) and value in GAME.players) or \
                (value in (0, 1) and not isinstance(value, bool))
            assert verify(result)
        try:
            function(GAME, 0, mixed=value)
        except CybergamesError as exc:
            assert isinstance(exc, ParameterError)
        else:
            assert isinstance(value, bool)


@given(junk)
def test_junk_tolerances(value):
    try:
        equilibria = nash_equilibria(GAME, tol=value)
    except CybergamesError as exc:
        assert isinstance(exc, ParameterError)
    else:
        assert isinstance(value, (int, float)) and 0 < value < 1 and len(equilibria) == 3
