"""ExtensiveGame: construction from nested structures and functions, bad input, strategic and sequence forms."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings

from cybergames.errors import ExtensiveGameError, PerfectRecallError, ProbabilityError
from cybergames.extensive import ExtensiveGame, chance, decision, reduced_normal_form, sequence_form
from cybergames.extensive.classic import kuhn_poker
from cybergames.strategies import extensive_games


def entry(fight=-1):
    return ExtensiveGame(decision("Entrant", {
        "Out": (0, 2), "In": decision("Incumbent", {"Fight": (fight, -1), "Accommodate": (1, 1)})}))


def test_nested_structure_and_function_give_the_same_game():
    def expand(history):
        if history == ():
            return decision("Entrant", ["Out", "In"], infoset="Entrant@root")
        if history == ("Out",):
            return (0, 2)
        if history == ("In",):
            return decision("Incumbent", ["Fight", "Accommodate"], infoset="Incumbent@In")
        return (-1, -1) if history[-1] == "Fight" else (1, 1)
    assert ExtensiveGame.from_function(expand) == entry()
    assert ExtensiveGame(entry().to_tree(), entry().players) == entry()


def test_number_kinds():
    assert entry().kind == "exact"
    assert entry(-1.0).kind == "float" and isinstance(entry(-1.0).nodes[-1].payoffs[0], float)
    assert entry(sympy.Symbol("f")).is_symbolic
    assert entry(sympy.Symbol("f")).subs(f=-2) == entry(-2)


def test_the_game_is_immutable_and_inputs_are_not_mutated():
    tree = decision("A", {"x": [1], "y": [2]})
    game = ExtensiveGame(tree)
    assert tree == {"player": "A", "actions": {"x": [1], "y": [2]}}
    with pytest.raises(AttributeError):
        game.players = ("B",)


def test_a_shared_subtree_is_copied_not_a_cycle():
    leaf = decision("B", {"l": (0, 0), "r": (1, 1)})
    game = ExtensiveGame(decision("A", {"x": leaf, "y": leaf}))
    assert len(game.nodes) == 7


def test_bad_trees_are_refused_clearly():
    loop = {"player": "A", "actions": {}}
    loop["actions"]["again"] = loop
    with pytest.raises(ExtensiveGameError, match="cycle"):
        ExtensiveGame(loop)
    with pytest.raises(ExtensiveGameError, match="max_depth"):
        ExtensiveGame.from_function(lambda h: decision("A", ["on"]), max_depth=50)
    with pytest.raises(ProbabilityError, match="sum to 1"):
        ExtensiveGame(chance({"a": (Fraction(1, 2), (0,)), "b": (Fraction(1, 3), (1,))}), ["A"])
    with pytest.raises(ProbabilityError, match="non-negative"):
        ExtensiveGame(chance({"a": (Fraction(3, 2), (0,)), "b": (Fraction(-1, 2), (1,))}), ["A"])
    with pytest.raises(ExtensiveGameError, match="mixes players"):
        ExtensiveGame(chance({"a": (0.5, decision("A", {"x": (0, 0)}, "h")),
                              "b": (0.5, decision("B", {"x": (0, 0)}, "h"))}))
    with pytest.raises(ExtensiveGameError, match="mixes action sets"):
        ExtensiveGame(chance({"a": (0.5, decision("A", {"x": (0,)}, "h")),
                              "b": (0.5, decision("A", {"x": (0,), "y": (1,)}, "h"))}))
    with pytest.raises(ExtensiveGameError, match="expected 2 payoffs"):
        ExtensiveGame(decision("A", {"x": (0, 0), "y": decision("B", {"z": (1,)})}))
    with pytest.raises(ExtensiveGameError, match="distinct"):
        ExtensiveGame.from_function(lambda h: decision("A", ["x", "x"]) if not h else (0,))
    with pytest.raises(ExtensiveGameError, match="unknown player"):
        ExtensiveGame(decision("C", {"x": (0, 0)}), ["A", "B"])
    with pytest.raises(ExtensiveGameError, match="payoff"):
        ExtensiveGame(decision("A", {"x": (float("nan"),)}))


def absent_minded():
    """Piccione and Rubinstein's (1997) absent-minded driver: one information set on one path."""
    return ExtensiveGame(decision("driver", {"exit": (0,), "continue": decision("driver", {
        "exit": (4,), "continue": (1,)}, "intersection")}, "intersection"))


def test_imperfect_recall_is_detected_and_refused_where_needed():
    from cybergames.extensive import sequence_form_equilibria, subgame_perfect_equilibria
    game = absent_minded()
    assert not game.has_perfect_recall
    for solver in (sequence_form, subgame_perfect_equilibria):
        with pytest.raises(PerfectRecallError, match="perfect recall"):
            solver(game)
    forgetful = ExtensiveGame(decision("1", {
        "L": decision("2", {"l": decision("1", {"a": (1, 0), "b": (0, 1)}, "forget"), "r": (0, 0)}),
        "R": decision("2", {"l": decision("1", {"a": (0, 1), "b": (1, 0)}, "forget"), "r": (0, 0)})}))
    assert not forgetful.has_perfect_recall
    with pytest.raises(PerfectRecallError):
        sequence_form_equilibria(forgetful)
    assert kuhn_poker().has_perfect_recall


def test_reduced_normal_form_of_the_entry_game_by_hand():
    # Rows Out, In; columns Fight, Accommodate: Out gives (0, 2) whatever the incumbent plans.
    nfg = entry().reduced_normal_form()
    assert nfg.actions == (("Out", "In"), ("Fight", "Accommodate"))
    assert nfg.payoffs[0].tolist() == [[0, 0], [-1, 1]] and nfg.payoffs[1].tolist() == [[2, 2], [-1, 1]]


def test_reduced_strategies_drop_choices_the_player_rules_out():
    # Player 1 moves twice (L then l/r); after R the second choice never comes: L,l  L,r  R,*.
    game = ExtensiveGame(decision("1", {"L": decision("2", {"a": decision("1", {"l": (1, 0), "r": (0, 1)}),
                                                            "b": (2, 2)}), "R": (3, 3)}))
    assert game.reduced_normal_form().actions[0] == ("L,l", "L,r", "R,*")


def test_kuhn_poker_sizes():
    # Kuhn (1950): 3 cards, 6 deals; per player 6 information sets (3 cards x 2 histories);
    # reduced strategies: player 1 per card check-fold, check-call or bet (3^3 = 27),
    # player 2 per card two binary choices (4^3 = 64).
    game = kuhn_poker()
    assert reduced_normal_form(game).shape == (27, 64)
    form = sequence_form(game)
    assert len(form.sequences[0]) == 13 and len(form.sequences[1]) == 13      # 1 + 6 infosets x 2 actions
    assert form.E.shape == (7, 13)


@settings(max_examples=40, deadline=None)
@given(extensive_games(max_depth=3))
def test_sequence_form_and_reduced_form_give_the_same_expected_payoffs(game):
    # x^T A y over realisation plans of pure reduced strategies equals the reduced form's payoff.
    nfg = game.reduced_normal_form()
    form = game.sequence_form()
    from cybergames.extensive import reduced_strategies
    plans = []
    for i in range(2):
        strategies, _ = reduced_strategies(game, i)
        rows = []
        for s in strategies:
            x = [0] * len(form.sequences[i])
            x[0] = 1
            for h, a in s.items():
                x[form.sequences[i].index((game.infosets[h].label, game.infosets[h].actions[a]))] = 1
            rows.append(np.array(x, dtype=object))
        plans.append(rows)
    E, F = form.E, form.F
    for r, x in enumerate(plans[0]):
        assert list(E.dot(x)) == list(form.e)
        for c, y in enumerate(plans[1]):
            assert list(F.dot(y)) == list(form.f)
            assert x.dot(form.A).dot(y) == nfg.payoffs[0][r, c]
            assert x.dot(form.B).dot(y) == nfg.payoffs[1][r, c]


def test_the_split_modules_keep_the_old_import_paths():
    from cybergames.extensive import game, nodes
    assert game.decision is nodes.decision and game.chance is nodes.chance
    assert game.Node is nodes.Node and game.Infoset is nodes.Infoset
    assert (game.CHANCE, game.DECISION, game.TERMINAL) == (nodes.CHANCE, nodes.DECISION, nodes.TERMINAL)
    tree = game.ExtensiveGame(nodes.decision("A", {"x": (1,), "y": nodes.chance({"h": (1, (0,))})}))
    assert tree.has_perfect_recall and tree._reach[tree.nodes[-1].index] == 1
