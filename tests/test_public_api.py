"""The public API contract of DESIGN.md: names importable from the top level, with these fields.

Research code outside the package calls these exactly as written, so a
rename must fail here first.
"""

import inspect
from fractions import Fraction

import cybergames
from cybergames import (Automaton, DeltaSet, Interval, Monitoring, NormalFormGame, RepeatedGame, SignallingGame,
                        check_equilibrium, critical_discount_factor, crawford_sobel, d1, grim_trigger,
                        intuitive_criterion, limited_punishment, minmax, nash_equilibria, noisy_attribution,
                        perfect, perfect_bayesian_equilibria, prisoners_dilemma, sustainable_discount_factors,
                        tit_for_tat, win_stay_lose_shift)


def parameters(function):
    return list(inspect.signature(function).parameters)


def test_signatures_follow_the_contract():
    assert parameters(NormalFormGame)[:3] == ["payoffs", "actions", "players"]
    assert parameters(prisoners_dilemma)[:4] == ["T", "R", "P", "S"]
    assert parameters(minmax)[:3] == ["game", "player", "mixed"]
    assert parameters(Automaton)[:4] == ["states", "initial", "output", "transition"]
    assert parameters(Monitoring)[:3] == ["game", "signals", "probabilities"]
    assert parameters(noisy_attribution)[:3] == ["game", "detect", "false_flag"]
    assert parameters(RepeatedGame)[:2] == ["stage", "monitoring"]
    assert parameters(check_equilibrium)[:3] == ["rg", "profile", "delta"]
    assert parameters(sustainable_discount_factors)[:2] == ["rg", "profile"]
    assert parameters(critical_discount_factor)[:3] == ["rg", "profile", "player"]
    assert parameters(SignallingGame)[:6] == ["types", "prior", "messages", "actions", "sender_payoff",
                                              "receiver_payoff"]
    assert parameters(crawford_sobel)[:1] == ["bias"]
    assert parameters(limited_punishment)[:1] == ["k"]


def test_result_fields_follow_the_contract():
    game = prisoners_dilemma(5, 3, 1, 0)
    (equilibrium,) = nash_equilibria(game)
    assert isinstance(nash_equilibria(game), tuple)
    assert [list(s) for s in equilibrium.strategies] == [[0, 1], [0, 1]]
    assert tuple(equilibrium.payoffs) == (1, 1)
    assert minmax(game, 0, mixed=True).value == 1

    rg = RepeatedGame(game, None)
    assert rg.monitoring == perfect(game)
    profile = (grim_trigger(), grim_trigger())
    check = check_equilibrium(rg, profile, Fraction(1, 4))
    assert check.holds is False and check.violations
    deltas = sustainable_discount_factors(rg, profile)
    assert isinstance(deltas, DeltaSet) and not deltas.is_empty
    (interval,) = deltas.intervals
    assert isinstance(interval, Interval)
    assert (interval.lower, interval.upper, interval.lower_closed, interval.upper_closed) == (
        Fraction(1, 2), 1, True, False)
    assert Fraction(1, 2) in deltas and Fraction(1, 3) not in deltas
    assert critical_discount_factor(rg, profile) == Fraction(1, 2)
    assert critical_discount_factor(rg, profile, player=1) == Fraction(1, 2)
    for automaton in (tit_for_tat(), win_stay_lose_shift(), limited_punishment(2)):
        assert isinstance(automaton, Automaton)


def test_signalling_fields_follow_the_contract():
    from cybergames.signalling import beer_quiche

    sg = beer_quiche()
    assert isinstance(sg, SignallingGame)
    equilibria = perfect_bayesian_equilibria(sg)
    assert isinstance(equilibria, tuple) and equilibria
    for eq in equilibria:
        assert set(eq.sender) == set(sg.types)
        assert eq.kind in ("pooling", "separating", "hybrid")
        assert set(eq.receiver) <= set(sg.messages) and set(eq.beliefs) <= set(sg.messages)
        assert isinstance(intuitive_criterion(sg, eq).survives, bool)
        assert isinstance(d1(sg, eq).survives, bool)
    partitions = crawford_sobel(Fraction(1, 20))
    assert [len(p.boundaries) for p in partitions] == sorted(len(p.boundaries) for p in partitions)
    assert all(p.boundaries[0] == 0 and p.boundaries[-1] == 1 for p in partitions)


def test_every_public_name_is_exported_once_and_documented():
    names = cybergames.__all__
    assert len(names) == len(set(names))
    for name in names:
        obj = getattr(cybergames, name)
        assert obj.__doc__, f"cybergames.{name} has no docstring"


def test_game_level_answers_follow_the_contract():
    from cybergames import best_equilibrium, folk_theorem_conditions, targeted_retaliation

    assert parameters(folk_theorem_conditions)[:1] == ["rg"]
    assert parameters(best_equilibrium)[:2] == ["rg", "delta"]
    assert parameters(targeted_retaliation)[:3] == ["K", "L", "cap"]
    game = prisoners_dilemma(5, 3, 1, 0)
    rg = RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(1, 10)))
    conditions = folk_theorem_conditions(rg)
    assert (conditions.pairwise_full_rank, conditions.individual_full_rank, conditions.holds) == (True, True, True)
    profile = targeted_retaliation(1, 2, 2)
    assert isinstance(profile, tuple) and len(profile) == 2 and all(isinstance(a, Automaton) for a in profile)
    best = best_equilibrium(RepeatedGame(game), Fraction(1, 2), payoff_set=False)
    assert all(isinstance(a, Automaton) for a in best.profile) and tuple(best.value) == (3, 3)
    assert isinstance(best.delta_set, DeltaSet) and Fraction(1, 2) in best.delta_set


def test_reputation_and_bayesian_names_are_importable_from_their_packages():
    from cybergames.bayesian import attribution_game, bayesian_nash_equilibria, cutoff_equilibria
    from cybergames.reputation import chain_store, fudenberg_levine_bound, last_sustainable_period
    assert parameters(chain_store)[:4] == ["prior", "periods", "a", "b"]
    assert parameters(last_sustainable_period)[:3] == ["stage", "horizon", "profile"]
    assert parameters(fudenberg_levine_bound)[:4] == ["stage", "action", "prior", "delta"]
    assert parameters(cutoff_equilibria)[:3] == ["best_responses", "cutoffs", "bounds"]
    assert parameters(bayesian_nash_equilibria)[:1] == ["game"]
    assert parameters(attribution_game)[:3] == ["detection", "identification", "false_alarm"]


def test_stochastic_and_bargaining_names_follow_the_contract():
    from cybergames.bargaining import rubinstein
    from cybergames.stochastic import StochasticGame, shapley_value, solve_mdp

    assert parameters(rubinstein)[:2] == ["delta_1", "delta_2"]
    assert rubinstein(Fraction(1, 2), Fraction(1, 2)).shares == (Fraction(2, 3), Fraction(1, 3))
    assert parameters(solve_mdp)[:3] == ["transitions", "rewards", "discount"]
    result = solve_mdp([[[1, 0], [0, 1]], [[0, 1], [0, 1]]], [[0, 0], [1, 0]], Fraction(1, 2))
    assert result.values == (1, 0) and result.policy == (1, 0)
    game = StochasticGame([[[1, -1], [-1, 1]]], [[[[1], [1]], [[1], [1]]]], Fraction(1, 2))
    assert shapley_value(game).values == (0,)
    assert cybergames.bargaining.rubinstein is rubinstein and cybergames.stochastic.solve_mdp is solve_mdp


def test_extensive_names_follow_the_contract():
    from cybergames import sequence_form_equilibria, subgame_perfect_equilibria
    from cybergames.extensive import ExtensiveGame, decision, read_efg, write_efg
    game = ExtensiveGame(decision("1", {"a": (1, -1), "b": decision("2", {"c": (0, 0), "d": (2, -2)})}))
    assert game.players == ("1", "2")
    assert game.reduced_normal_form().shape == (2, 2)
    assert read_efg(write_efg(game)) == game
    assert isinstance(subgame_perfect_equilibria(game), tuple)
    assert isinstance(sequence_form_equilibria(game), tuple)


def test_stage_game_additions_follow_the_contract():
    from cybergames import iterated_elimination
    assert parameters(iterated_elimination)[:3] == ["game", "strict", "mixed"]
    signature = inspect.signature(iterated_elimination).parameters
    assert signature["strict"].kind is inspect.Parameter.KEYWORD_ONLY and signature["strict"].default is True
    assert signature["mixed"].kind is inspect.Parameter.KEYWORD_ONLY and signature["mixed"].default is True
    reduced = iterated_elimination(prisoners_dilemma(5, 3, 1, 0))
    assert isinstance(reduced, NormalFormGame) and reduced.actions == (("D",), ("D",))
    assert [(r.player, r.action) for r in reduced.eliminated] == [(0, "C"), (1, "C")]


def test_correlated_equilibria_follow_the_contract():
    from cybergames import chicken, correlated_equilibria
    assert parameters(correlated_equilibria)[:2] == ["game", "objective"]
    result = correlated_equilibria(chicken())
    assert set(result.distribution) == set(chicken().profiles()) and sum(result.distribution.values()) == 1
    assert len(result.payoffs) == 2


def test_persuasion_is_exported():
    from fractions import Fraction

    from cybergames import persuasion
    result = persuasion({"bad": Fraction(1, 2), "good": Fraction(1, 2)}, ["no", "yes"],
                        lambda s, a: int(a == "yes"), lambda s, a: int((s == "good") == (a == "yes")))
    assert result.value == 1          # a receiver who accepts at even odds is persuaded always


def test_lemke_howson_is_exported():
    from cybergames import Equilibrium, EquilibriumSet, lemke_howson, lemke_howson_equilibria
    assert isinstance(lemke_howson(prisoners_dilemma(5, 3, 1, 0)), Equilibrium)
    assert isinstance(lemke_howson_equilibria(prisoners_dilemma(5, 3, 1, 0)), EquilibriumSet)


def test_the_lazy_top_level_map_agrees_with_every_subpackage():
    # cybergames/__init__.py loads names on first use from a static map; a name added
    # to a subpackage's __all__ but not to the map (or the reverse) fails here.
    import importlib

    partial = {"_verify", "extensive"}    # the top level takes two solvers of extensive games, not its objects
    for module, names in cybergames._EXPORTS.items():
        exported = importlib.import_module(f"cybergames.{module}").__all__ if module not in partial else names
        assert sorted(names) == sorted(exported), module
    assert set(cybergames._EXPORTS["extensive"]) <= set(importlib.import_module("cybergames.extensive").__all__)
    assert sorted(cybergames.__all__) == sorted(["errors", *cybergames._LAZY])
    assert set(dir(cybergames)) >= set(cybergames.__all__)
    for name in cybergames.__all__:
        assert getattr(cybergames, name) is not None


def test_import_cybergames_loads_no_heavy_dependency():
    # import cybergames and the command line's --help must stay cheap (issue 13): no scipy,
    # sympy or hypothesis until a name that needs them is used.
    import subprocess
    import sys

    heavy = ("scipy", "sympy", "hypothesis", "numpy")
    script = ("import sys, cybergames, cybergames.errors, cybergames._cli, cybergames.models; "
              f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    script = "import sys, cybergames.equilibria; print('scipy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_strategy_argument_error_is_still_hypothesis_invalid_argument():
    from hypothesis.errors import InvalidArgument

    from cybergames.errors import CybergamesError, StrategyArgumentError

    assert issubclass(StrategyArgumentError, CybergamesError) and issubclass(StrategyArgumentError, InvalidArgument)
    assert cybergames.errors.StrategyArgumentError is StrategyArgumentError


def test_kmrw_names_are_importable_from_reputation():
    from cybergames.reputation import cooperation_prior_threshold, tit_for_tat_reputation
    assert parameters(tit_for_tat_reputation)[:4] == ["prior", "periods", "a", "b"]
    assert parameters(cooperation_prior_threshold) == ["a", "b"]


def test_nplayer_solvers_are_exported():
    from cybergames import EquilibriumContinuum, EquilibriumSet, approximate_equilibria, support_enumeration
    assert isinstance(support_enumeration(prisoners_dilemma(5, 3, 1, 0)), EquilibriumSet)
    assert isinstance(approximate_equilibria(prisoners_dilemma(5.0, 3.0, 1.0, 0.0)), EquilibriumSet)
    assert EquilibriumContinuum.__module__ == "cybergames.equilibria.nplayer"


def test_mixed_kmrw_names_are_importable_from_reputation():
    from cybergames.reputation import MixedReputation, kmrw_equilibrium, noncooperation_bound
    assert parameters(kmrw_equilibrium)[:4] == ["prior", "periods", "a", "b"]
    assert parameters(noncooperation_bound)[:3] == ["prior", "a", "b"]
    assert MixedReputation.__module__ == "cybergames.reputation.kmrw_mixed"


def test_contagion_is_exported():
    from cybergames import ContagionConditions, contagion, prisoners_dilemma
    found = contagion(prisoners_dilemma(T=5, R=3, P=1, S=0), 2)
    assert isinstance(found, ContagionConditions) and found.least_delta == Fraction(1, 2)
    assert {"on_path", "off_path", "delta_set", "states"} <= set(ContagionConditions.__dataclass_fields__)
