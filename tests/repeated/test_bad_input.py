"""Bad input to the repeated-game solvers raises a cybergames error naming what is wrong."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given

from cybergames import matching_pennies, prisoners_dilemma
from cybergames.errors import (AutomatonError, CybergamesError, DiscountFactorError, GameError, MonitoringError,
                               ParameterError, ProbabilityError, StrategyArgumentError)
from cybergames.repeated import (Automaton, JointAutomaton, Monitoring, RepeatedGame, check_equilibrium,
                                 check_nash, compose, critical_discount_factor, forgiving_trigger, grim_trigger,
                                 limited_punishment, noisy_attribution, play, simulate,
                                 sustainable_discount_factors, tit_for_tat, trigger_on_signal, values,
                                 win_stay_lose_shift)
from cybergames.strategies import automata, automaton_profiles, monitoring_structures, repeated_games

GAME = prisoners_dilemma()
RG = RepeatedGame(GAME)
GRIM = (grim_trigger(), grim_trigger())
NOISY = RepeatedGame(GAME, noisy_attribution(GAME, Fraction(9, 10), Fraction(1, 10)))


@pytest.mark.parametrize("delta", [1, Fraction(3, 2), -0.1, 1.0, math.nan, math.inf, "0.5", True, 1 + 2j, None])
@pytest.mark.parametrize("solver", [check_equilibrium, values, check_nash])
def test_discount_factors_outside_the_unit_interval(solver, delta):
    with pytest.raises(DiscountFactorError, match="delta"):
        solver(RG, GRIM, delta)


def test_a_symbolic_delta_is_refused_where_a_number_is_needed():
    with pytest.raises(DiscountFactorError, match="expected a number"):
        check_equilibrium(RG, GRIM, sympy.Symbol("d"))
    with pytest.raises(DiscountFactorError, match="delta"):
        values(RG, GRIM, sympy.Integer(2))


@pytest.mark.parametrize("arguments, message", [
    ((["a", "a"], "a", {"a": "C"}, {}), "unique"),
    (([], "a", {}, {}), "at least one state"),
    (("ab", "a", {"a": "C"}, {}), "sequence of state labels"),
    ((["a", ["b"]], "a", {"a": "C"}, {}), "hashable"),
    ((["a"], "z", {"a": "C"}, {}), "initial"),
    ((["a", "b"], "a", {"a": "C"}, {}), "state 'b' has no action"),
    ((["a"], "a", {"a": 3}, {}), "action label"),
    ((["a"], "a", {"a": "C", "b": "D"}, {}), "unknown states"),
    ((["a"], "a", "C", {}), "output"),
    ((["a"], "a", {"a": "C"}, {("z", "y"): "a"}), "unknown state 'z'"),
    ((["a"], "a", {"a": "C"}, {("a", "y"): "z"}), "unknown state 'z'"),
    ((["a"], "a", {"a": "C"}, {"a": "a"}), "keys \\(state, signal\\)"),
    ((["a"], "a", {"a": "C"}, 42), "transition"),
])
def test_malformed_automata(arguments, message):
    with pytest.raises(AutomatonError, match=message):
        Automaton(*arguments)


def test_malformed_joint_automata():
    with pytest.raises(AutomatonError, match="action profile"):
        JointAutomaton(["a"], "a", {"a": "C"}, lambda w, y: w)
    joint = JointAutomaton(["a"], "a", {"a": ("C",)}, lambda w, y: w)
    with pytest.raises(AutomatonError, match="2 actions"):
        compose(RG, joint)
    joint = JointAutomaton(["a"], "a", {"a": ("C", "X")}, lambda w, y: w)
    with pytest.raises(AutomatonError, match="'X' is not an action"):
        compose(RG, joint)


def test_a_missing_transition_names_the_state_and_the_signal():
    partial = Automaton(["c"], "c", {"c": "C"}, {("c", ("C", "C")): "c"})
    with pytest.raises(AutomatonError, match=r"state 'c' on signal \('C', 'D'\)"):
        sustainable_discount_factors(RG, (partial, partial))


def test_a_failing_or_wandering_transition_callable():
    def broken(state, signal):
        return {"c": "c"}[signal]
    with pytest.raises(AutomatonError, match="evaluating state 'c' on signal"):
        values(RG, (Automaton(["c"], "c", {"c": "C"}, broken),) * 2, Fraction(1, 2))
    wandering = Automaton(["c"], "c", {"c": "C"}, lambda state, signal: "elsewhere")
    with pytest.raises(AutomatonError, match="unknown state 'elsewhere'"):
        check_equilibrium(RG, (wandering, wandering), Fraction(1, 2))


def test_profiles_that_do_not_fit_the_game():
    with pytest.raises(AutomatonError, match="2 automata"):
        sustainable_discount_factors(RG, (grim_trigger(),))
    with pytest.raises(AutomatonError, match="single Automaton"):
        sustainable_discount_factors(RG, grim_trigger())
    with pytest.raises(AutomatonError, match=r"profile\[1\]: expected an Automaton"):
        sustainable_discount_factors(RG, (grim_trigger(), "grim"))
    with pytest.raises(AutomatonError, match="not an action of player"):
        check_equilibrium(RepeatedGame(matching_pennies()), GRIM, Fraction(1, 2))
    with pytest.raises(AutomatonError, match="expected a tuple of Automaton"):
        values(RG, "grim", Fraction(1, 2))


def test_profiles_with_too_many_joint_states_are_refused():
    # two counters, modulo 17 and modulo 16, visit 272 joint states
    def counter(size):
        return Automaton(list(range(size)), 0, {k: "C" for k in range(size)}, lambda w, y: (w + 1) % size)
    with pytest.raises(AutomatonError, match="more than 256 reachable joint states"):
        compose(RG, (counter(17), counter(16)))
    assert len(compose(RG, (counter(16), counter(15))).states) == 240


def test_perfect_monitoring_strategies_under_noisy_monitoring():
    for automaton in (grim_trigger(), tit_for_tat(), win_stay_lose_shift(), limited_punishment(2)):
        with pytest.raises(AutomatonError, match="reads the action profile"):
            sustainable_discount_factors(NOISY, (automaton, automaton))


def test_builtin_arguments():
    with pytest.raises(AutomatonError, match="positive integer"):
        limited_punishment(0)
    with pytest.raises(AutomatonError, match="positive integer"):
        limited_punishment(1.5)
    with pytest.raises(AutomatonError, match="must differ"):
        grim_trigger(cooperate="C", defect="C")
    with pytest.raises(AutomatonError, match="cooperate"):
        tit_for_tat(cooperate="")
    with pytest.raises(ProbabilityError, match="randomisation"):
        forgiving_trigger(Fraction(3, 2))
    with pytest.raises(ProbabilityError, match="p"):
        forgiving_trigger(math.nan)
    with pytest.raises(AutomatonError, match="collection of signals"):
        trigger_on_signal(5)
    with pytest.raises(AutomatonError, match="periods"):
        trigger_on_signal([()], periods=0)
    not_a_bool = trigger_on_signal(lambda y: "yes")
    with pytest.raises(AutomatonError, match="must return a bool"):
        compose(NOISY, (not_a_bool, not_a_bool))
    with pytest.raises(AutomatonError, match="needs the index"):
        tit_for_tat().next_state("cooperate", ("C", "C"))


def test_public_lotteries():
    with pytest.raises(ProbabilityError, match="summing to one"):
        Automaton(["a"], "a", {"a": "C"}, lambda w, y: w, randomisation={"x": Fraction(1, 2)})
    with pytest.raises(ProbabilityError, match="in \\[0, 1\\]"):
        Automaton(["a"], "a", {"a": "C"}, lambda w, y: w, randomisation={"x": -1, "y": 2})
    with pytest.raises(AutomatonError, match="non-empty mapping"):
        Automaton(["a"], "a", {"a": "C"}, lambda w, y: w, randomisation={})
    with pytest.raises(AutomatonError, match="different public lotteries"):
        compose(RG, (forgiving_trigger(Fraction(1, 2)), forgiving_trigger(Fraction(1, 3))))


def test_monitoring_tables_that_are_not_distributions():
    with pytest.raises(ProbabilityError, match="summing to one"):
        Monitoring(GAME, ["good", "bad"], lambda p: {"good": Fraction(1, 2)})
    with pytest.raises(ProbabilityError, match="in \\[0, 1\\]"):
        Monitoring(GAME, ["good", "bad"], lambda p: {"good": 2, "bad": -1})
    with pytest.raises(MonitoringError, match="unknown signal"):
        Monitoring(GAME, ["good"], lambda p: {"great": 1})
    with pytest.raises(ProbabilityError, match="detect"):
        noisy_attribution(GAME, Fraction(3, 2), 0)
    with pytest.raises(MonitoringError, match="different game"):
        RepeatedGame(GAME, noisy_attribution(matching_pennies(), 1, 0))


def test_solver_options():
    with pytest.raises(GameError, match="player"):
        sustainable_discount_factors(RG, GRIM, player=5)
    with pytest.raises(ParameterError, match="tol"):
        sustainable_discount_factors(RG, GRIM, tol=-1)
    with pytest.raises(ParameterError, match="tol"):
        check_equilibrium(RG, GRIM, 0.5, tol="small")
    with pytest.raises(ParameterError, match="rounds"):
        play(RG, GRIM, -1)
    with pytest.raises(ParameterError, match="rounds"):
        simulate(RG, GRIM, 2.5)
    with pytest.raises(ParameterError, match="unexpected keyword"):
        play(RG, GRIM, 3, colour="red")
    with pytest.raises(MonitoringError, match="rg"):
        values("game", GRIM, Fraction(1, 2))


def test_symbolic_games_where_numbers_are_needed():
    T = sympy.Symbol("T")
    symbolic = RepeatedGame(prisoners_dilemma(T, 3, 1, 0))
    with pytest.raises(GameError, match="numeric payoffs"):
        check_equilibrium(symbolic, GRIM, Fraction(1, 2))
    with pytest.raises(GameError, match="numeric payoffs"):
        check_nash(symbolic, GRIM, Fraction(1, 2))
    with pytest.raises(ParameterError, match="numeric probabilities"):
        blame = trigger_on_signal(lambda y: len(y) > 0)
        simulate(RepeatedGame(GAME, noisy_attribution(GAME, sympy.Symbol("q"), 0)), (blame, blame), 2)


def test_no_critical_discount_factor_is_an_error_not_a_number():
    with pytest.raises(DiscountFactorError, match="no critical discount factor"):
        critical_discount_factor(RG, (tit_for_tat(), tit_for_tat()))


def test_inputs_are_not_mutated():
    table = {("c", y): "c" for y in RG.monitoring.signals}
    output = {"c": "C"}
    automaton = Automaton(["c"], "c", output, table)
    table[("c", ("C", "C"))] = "elsewhere"
    output["c"] = "D"
    assert automaton.action("c") == "C" and automaton.next_state("c", ("C", "C")) == "c"
    before = [a.copy() for a in RG.stage.payoffs]
    sustainable_discount_factors(RG, (automaton, automaton))
    assert all(np.array_equal(a, b) for a, b in zip(before, RG.stage.payoffs))
    with pytest.raises(TypeError):
        automaton.output["c"] = "D"


def test_every_error_is_a_value_error():
    with pytest.raises(ValueError):
        values(RG, GRIM, 2)
    assert issubclass(AutomatonError, CybergamesError)


@pytest.mark.parametrize("strategy", [
    automata(("C", "D"), ("y",), min_states=0),
    automata(("C", "D"), ("y",), min_states=3, max_states=2),
    automata("CD", ("y",)),
    automata(("C", "D"), ()),
    automaton_profiles("game"),
    monitoring_structures("game"),
    monitoring_structures(GAME, max_signals=0),
    monitoring_structures(GAME, max_denominator=0),
    repeated_games(monitoring="private"),
])
def test_strategy_arguments(strategy):
    @given(strategy)
    def draw(value):
        pass

    with pytest.raises(StrategyArgumentError):
        draw()
