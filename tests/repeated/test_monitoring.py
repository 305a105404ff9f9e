"""Monitoring structures: perfect, noisy attribution, deterministic public signals, tables and arrays."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import prisoners_dilemma, public_goods
from cybergames.errors import MonitoringError
from cybergames.repeated import (Monitoring, RepeatedGame, critical_discount_factor, noisy_attribution, perfect,
                                 public_signal, trigger_on_signal)
from cybergames.strategies import automaton_profiles, monitoring_structures, normal_form_games, repeated_games

GAME = prisoners_dilemma()


def test_perfect_monitoring_reveals_the_profile():
    m = perfect(GAME)
    assert m.is_perfect and m.is_deterministic
    assert m.distribution(("D", "C")) == {("D", "C"): 1}


def test_noisy_attribution_probabilities_by_hand():
    # Each player is blamed independently: a defector with probability q, a cooperator with r.
    q, r = Fraction(9, 10), Fraction(1, 10)
    m = noisy_attribution(GAME, q, r)
    assert m.signals == ((), ("0",), ("1",), ("0", "1"))
    assert m.distribution(("C", "C")) == {(): (1 - r) ** 2, ("0",): r * (1 - r), ("1",): r * (1 - r),
                                          ("0", "1"): r * r}
    assert m.distribution(("D", "C")) == {(): (1 - q) * (1 - r), ("0",): q * (1 - r), ("1",): (1 - q) * r,
                                          ("0", "1"): q * r}
    assert not m.is_perfect and noisy_attribution(GAME, 1, 0).is_perfect


def test_symbolic_attribution_substitutes():
    q, r = sympy.symbols("q r")
    m = noisy_attribution(GAME, q, r)
    assert m.is_symbolic and m.free_symbols == {q, r}
    assert m.subs({q: Fraction(9, 10), r: Fraction(1, 10)}) == noisy_attribution(GAME, Fraction(9, 10), Fraction(1, 10))


def test_hostile_actions_in_an_n_player_game():
    game = public_goods(3, 2, 1)
    m = noisy_attribution(game, 1, 0)
    assert m.distribution(("C", "D", "D")) == {("1", "2"): 1}
    m = noisy_attribution(game, 1, 0, hostile={0: "C"})
    assert m.distribution(("C", "C", "C")) == {("0",): 1}


def test_public_signal_of_whether_anyone_defected():
    m = public_signal(GAME, lambda a: "defection" if "D" in a else "peace")
    assert m.signals == ("peace", "defection") and m.is_deterministic and not m.is_perfect
    # grim trigger on the public alarm is grim trigger: (T - R)/(T - P) = 1/2 in (5, 3, 1, 0)
    alarm = trigger_on_signal({"defection"})
    assert critical_discount_factor(RepeatedGame(GAME, m), (alarm, alarm)) == Fraction(1, 2)
    with pytest.raises(MonitoringError, match="no signal"):
        public_signal(GAME, {("C", "C"): "peace"})
    with pytest.raises(MonitoringError, match="signal label"):
        public_signal(GAME, lambda a: 3)
    with pytest.raises(MonitoringError, match="mapping or a callable"):
        public_signal(GAME, 3)


def test_from_array_and_table_round_trip():
    array = [[[1, 0], [Fraction(1, 5), Fraction(4, 5)]], [[Fraction(1, 5), Fraction(4, 5)], [0, 1]]]
    m = Monitoring.from_array(GAME, ["quiet", "alarm"], array)
    assert m.distribution(("D", "C")) == {"quiet": Fraction(1, 5), "alarm": Fraction(4, 5)}
    assert Monitoring(GAME, m.signals, m.table()) == m
    assert np.array_equal(m.matrix, np.array(array, dtype=object))
    with pytest.raises(MonitoringError, match="shape"):
        Monitoring.from_array(GAME, ["quiet"], array)
    with pytest.raises(MonitoringError, match="signals"):
        Monitoring.from_array(GAME, "quiet", array)


@given(st.data())
def test_drawn_monitoring_structures_are_distributions(data):
    game = data.draw(normal_form_games(2, (2, 3)))
    exact = data.draw(st.booleans())
    m = data.draw(monitoring_structures(game, exact=exact, full_support=True))
    assert m.kind == ("exact" if exact else "float")
    assert all(p > 0 for p in m.matrix.flat)
    for profile in game.profiles():
        assert sum(m.distribution(profile).values()) == pytest.approx(1, abs=1e-12)
    assert Monitoring(game, m.signals, m.table()) == m


@given(st.data())
def test_drawn_profiles_fit_their_games(data):
    rg = data.draw(repeated_games(players=3, actions=2))
    profile = data.draw(automaton_profiles(rg, min_states=2, max_states=2))
    assert len(profile) == 3 and all(a.num_states == 2 for a in profile)
    assert all(set(a.output.values()) <= set(rg.stage.actions[i]) for i, a in enumerate(profile))
