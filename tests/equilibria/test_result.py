"""Equilibrium and EquilibriumSet: tuple behaviour, immutability, equality, and verify()."""

import copy
import pickle
from fractions import Fraction as F

import numpy as np
import pytest

from cybergames import (Equilibrium, EquilibriumSet, NormalFormGame, battle_of_the_sexes, maxmin, minmax,
                        nash_equilibria, risk_dominant, stag_hunt, verify)
from cybergames.equilibria.dominance import RiskDominance
from cybergames.equilibria.minmax_values import MinmaxResult


def test_an_equilibrium_set_is_a_tuple_of_equilibria():
    equilibria = nash_equilibria(battle_of_the_sexes())
    assert isinstance(equilibria, tuple) and isinstance(equilibria, EquilibriumSet)
    assert all(isinstance(eq, Equilibrium) for eq in equilibria)
    first, *rest = equilibria
    assert first == equilibria[0] and len(rest) == 2
    assert equilibria.game == battle_of_the_sexes() and equilibria.exact
    assert equilibria.method == "vertex enumeration, exact re-solve"
    assert "EquilibriumSet((Equilibrium(strategies=([1, 0], [1, 0])" in repr(equilibria)


def test_equilibrium_sets_are_immutable_and_survive_copy_and_pickle():
    equilibria = nash_equilibria(stag_hunt())
    with pytest.raises(AttributeError):
        equilibria.complete = False
    with pytest.raises(AttributeError):
        del equilibria.method
    with pytest.raises(AttributeError):
        equilibria[0].payoffs = (0, 0)
    for clone in (copy.deepcopy(equilibria), pickle.loads(pickle.dumps(equilibria))):
        assert isinstance(clone, EquilibriumSet) and clone == equilibria
        assert (clone.method, clone.exact, clone.complete, clone.degenerate) == \
            (equilibria.method, equilibria.exact, equilibria.complete, equilibria.degenerate)
        assert len(clone.components) == len(equilibria.components)


def test_equality_and_hashing_of_equilibria():
    first, second = nash_equilibria(stag_hunt()), nash_equilibria(stag_hunt())
    assert first[0] == second[0] and hash(first[0]) == hash(second[0])
    assert first[0] != first[1]
    assert len({*first, *second}) == 3
    other_game = nash_equilibria(stag_hunt(T=3, R=5, P=3, S=0))
    assert first[0] != other_game[0]                 # same strategies, another game


def _tampered(eq, **changes):
    fields = dict(strategies=eq.strategies, payoffs=eq.payoffs, gains=eq.gains, support=eq.support, game=eq.game)
    fields.update(changes)
    return Equilibrium(**fields)


def test_verify_catches_wrong_equilibria():
    eq = nash_equilibria(stag_hunt())[0]                       # (Stag, Stag)
    assert verify(eq)
    not_nash = _tampered(eq, strategies=(np.array([1, 0], dtype=object), np.array([0, 1], dtype=object)),
                         support=(("Stag",), ("Hare",)))
    check = verify(not_nash)
    assert not check and any("deviating gains" in f for f in check.failures)
    assert not verify(_tampered(eq, payoffs=(5, 4)))
    assert not verify(_tampered(eq, support=(("Hare",), ("Stag",))))
    assert not verify(_tampered(eq, strategies=(np.array([F(1, 2), F(1, 3)], dtype=object), eq.strategies[1])))


def test_verify_of_a_float_equilibrium_uses_the_tolerance():
    eq = nash_equilibria(stag_hunt(T=3.0, R=4.0, P=3.0, S=0.0))[2]
    nudged = _tampered(eq, strategies=(eq.strategies[0] + np.array([1e-6, -1e-6]), eq.strategies[1]))
    assert not verify(nudged)
    assert verify(nudged, tol=1e-4)


def test_verify_catches_wrong_minmax_and_dominance_results():
    game = stag_hunt()
    result = minmax(game, 0)
    assert verify(result)
    wrong = MinmaxResult(2, result.punishment, 0, True, True, 2, 2, result.security, None, game)
    assert not verify(wrong)
    assert verify(maxmin(game, 0, mixed=False))
    risk = risk_dominant(game)
    swapped = RiskDominance(("Stag", "Stag"), risk.equilibria, risk.nash_products, risk.condition, (), game)
    assert not verify(swapped)


def test_float_equilibria_are_float64_read_only_arrays():
    game = NormalFormGame([np.random.default_rng(0).random((3, 3)), np.random.default_rng(1).random((3, 3))])
    for eq in nash_equilibria(game):
        assert all(s.dtype == np.float64 and not s.flags.writeable for s in eq.strategies)
        assert all(isinstance(v, float) for v in eq.payoffs + eq.gains)
