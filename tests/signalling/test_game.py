"""SignallingGame: construction from tables, functions and arrays; kinds; new games."""

from fractions import Fraction

import numpy as np
import pytest
import sympy

from cybergames.errors import SignallingGameError
from cybergames.signalling import FrozenMap, SignallingGame, beer_quiche, spence_job_market

TYPES, MESSAGES, ACTIONS = ("weak", "strong"), ("beer", "quiche"), ("duel", "not")


def sender(t, m, a):
    return (m == ("quiche" if t == "weak" else "beer")) + 2 * (a == "not")


def receiver(t, m, a):
    return int((a == "duel") == (t == "weak"))


def test_tables_functions_and_arrays_describe_the_same_game():
    prior = {"weak": Fraction(1, 10), "strong": Fraction(9, 10)}
    table_s = {(t, m, a): sender(t, m, a) for t in TYPES for m in MESSAGES for a in ACTIONS}
    table_r = {(t, m, a): receiver(t, m, a) for t in TYPES for m in MESSAGES for a in ACTIONS}
    array_s = [[[sender(t, m, a) for a in ACTIONS] for m in MESSAGES] for t in TYPES]
    array_r = np.array([[[receiver(t, m, a) for a in ACTIONS] for m in MESSAGES] for t in TYPES])
    games = [SignallingGame(TYPES, prior, MESSAGES, ACTIONS, sender, receiver),
             SignallingGame(TYPES, prior, MESSAGES, ACTIONS, table_s, table_r),
             SignallingGame(TYPES, [Fraction(1, 10), Fraction(9, 10)], MESSAGES, ACTIONS, array_s, array_r),
             SignallingGame(TYPES, prior, MESSAGES, {m: ACTIONS for m in MESSAGES}, table_s, table_r)]
    assert all(g == beer_quiche() for g in games)
    assert len({hash(g) for g in games}) == 1


def test_kinds_follow_the_numbers():
    assert beer_quiche().kind == "exact" and beer_quiche().is_exact
    assert beer_quiche(0.1).kind == "float"
    assert isinstance(beer_quiche(0.1).prior["weak"], float)
    p = sympy.Symbol("p", positive=True)
    symbolic = beer_quiche(p)
    assert symbolic.is_symbolic and symbolic.free_symbols == {p}
    assert symbolic.subs(p, Fraction(1, 10)) == beer_quiche()
    assert symbolic.subs(p=sympy.Rational(1, 10)) == beer_quiche()
    assert SignallingGame(TYPES, [sympy.Rational(1, 10), sympy.Rational(9, 10)], MESSAGES, ACTIONS, sender,
                          receiver).prior["weak"] == Fraction(1, 10)


def test_message_dependent_actions_and_type_dependent_messages():
    sg = SignallingGame(("a", "b"), [Fraction(1, 2)] * 2, ("x", "y"), {"x": ("u",), "y": ("u", "v")},
                        lambda t, m, a: 1, lambda t, m, a: 0, available={"a": ("x",)})
    assert sg.available == {"a": ("x",), "b": ("x", "y")}
    assert sg.senders_of("y") == ("b",) and sg.shape == (2, 2, 2)
    assert ("a", "y", "u") not in sg.sender_payoff
    with pytest.raises(SignallingGameError, match="cannot send"):
        sg.payoffs("a", "y", "u")


def test_game_is_immutable_and_copies_its_inputs():
    table = {(t, m, a): sender(t, m, a) for t in TYPES for m in MESSAGES for a in ACTIONS}
    sg = SignallingGame(TYPES, {"weak": Fraction(1, 10), "strong": Fraction(9, 10)}, MESSAGES, ACTIONS, table,
                        receiver)
    table[("weak", "beer", "duel")] = 100
    assert sg.sender_payoff[("weak", "beer", "duel")] == 0
    with pytest.raises(AttributeError):
        sg.types = ("x",)
    with pytest.raises(TypeError):
        sg.prior["weak"] = 1


def test_relabel_renames_and_reorders():
    sg = beer_quiche().relabel(types={"weak": "w", "strong": "s"}, messages={"beer": "B"}, order=True)
    assert sg.types == ("s", "w") and sg.messages == ("B", "quiche")
    assert sg.payoffs("w", "quiche", "not") == beer_quiche().payoffs("weak", "quiche", "not")


def test_frozen_map_behaves_like_a_read_only_dict():
    fm = FrozenMap({"a": 1, "b": 2})
    assert fm == {"a": 1, "b": 2} and list(fm) == ["a", "b"] and fm["b"] == 2
    assert fm == FrozenMap([("b", 2), ("a", 1)]) and hash(fm) == hash(FrozenMap([("b", 2), ("a", 1)]))
    with pytest.raises(AttributeError):
        fm.x = 1
    import pickle
    assert pickle.loads(pickle.dumps(fm)) == fm


def test_spence_game_labels_and_symbolic_cost():
    sg = spence_job_market()
    assert sg.types == ("low", "high") and sg.prior == {"low": Fraction(1, 2), "high": Fraction(1, 2)}
    # cost 4e/(3 theta): education 3 costs the low type 4, the high type 4/3
    assert sg.payoffs("low", "3", "3") == (-1, -4) and sg.payoffs("high", "3", "3") == (Fraction(5, 3), 0)
    k = sympy.Symbol("k", positive=True)
    assert spence_job_market(cost=k).sender_payoff[("high", "3", "3")] == 3 - k
