"""Hostile and extreme input (issue 13): each case found by trying malformed and extreme input is
a regression test here. Every one used to give a wrong answer, hang, exhaust memory or raise a
foreign exception; each must now give the right answer or a clear cybergames error naming the
bound and how to raise it."""

from __future__ import annotations

import json
import os
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import cybergames.limits
from cybergames import (NormalFormGame, RepeatedGame, grim_trigger, limited_punishment, matching_pennies, maxmin,
                        minmax, nash_equilibria, perfect_bayesian_equilibria, prisoners_dilemma, pure_equilibria,
                        simulate)
from cybergames.errors import AutomatonError, FormatError, GameError, ParameterError, SignallingGameError
from cybergames.io import Limits, decode_expression, dump, encode_expression, from_json, read_nfg, to_json, write_nfg
from cybergames.signalling import spence_job_market, uniform_quadratic_cheap_talk
from cybergames.strategies import normal_form_games

x = sympy.Symbol("x")
NFG = 'NFG 1 R "x" { "a" "b" } { 2 2 }\n'


def bound(name):
    """The message of a refusal at limit ``name``: it names the bound and how to raise it."""
    return rf"cybergames\.limits\.{name} = \d+; set cybergames\.limits\.{name} to a larger value"


# ----------------------------------------------------------- silently wrong answers
@pytest.mark.parametrize("scale", [1e-10, 1e-150, 1e-300])
def test_tiny_matching_pennies_has_no_pure_equilibrium(scale):
    # Matching pennies has no pure equilibrium (Osborne, An Introduction to Game Theory, 2004, ex. 19.1);
    # the tolerance tol * max(1, |best|) was absolute below 1 and returned every profile.
    game = NormalFormGame([p.astype(float) * scale for p in matching_pennies().payoffs])
    assert len(pure_equilibria(game)) == 0
    (mixed,) = nash_equilibria(game)                  # the unique equilibrium mixes half and half
    assert np.allclose(mixed.strategies[0], [0.5, 0.5]) and np.allclose(mixed.strategies[1], [0.5, 0.5])


def test_a_tiny_coordination_game_has_two_pure_equilibria():
    # (0, 0) and (1, 1) by hand: the off-diagonal profiles pay 0 < 1e-300 to whoever deviates back.
    game = NormalFormGame([np.eye(2) * 1e-300, np.eye(2) * 1e-300])
    assert [e.profile for e in pure_equilibria(game)] == [("0", "0"), ("1", "1")]


@given(normal_form_games(players=2, actions=(1, 4)), st.integers(-300, 300))
def test_float_solvers_are_scale_invariant(game, exponent):
    # Multiplying every payoff by a positive constant is an affine transformation: the same
    # equilibria and a scaled minmax value (by definition; the exact game is the reference).
    # Integer payoffs stay exactly ordered when multiplied by 10**exponent in floats.
    scale = 10.0 ** exponent
    floats = NormalFormGame([p.astype(float) for p in game.payoffs], game.actions)
    scaled = NormalFormGame([p.astype(float) * scale for p in game.payoffs], game.actions)
    assert [e.profile for e in pure_equilibria(scaled)] == [e.profile for e in pure_equilibria(game)]
    mixed = sorted(tuple(np.round(np.concatenate(e.strategies), 6)) for e in nash_equilibria(scaled))
    exact = sorted(tuple(np.round(np.array(np.concatenate(e.strategies), dtype=float), 6))
                   for e in nash_equilibria(game))
    assert mixed == exact
    for solver in (minmax, maxmin):
        value = float(solver(game, 0).value)
        assert np.isclose(solver(scaled, 0).value / scale, value, rtol=1e-6, atol=1e-9 * max(1, abs(value)))
        assert np.isclose(solver(floats, 0).value, value, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("payoff", [x / 0, sympy.oo, -sympy.oo, sympy.nan, sympy.zoo * x])
def test_non_finite_symbolic_payoffs_are_refused(payoff):
    with pytest.raises(GameError, match="expected a finite number"):
        NormalFormGame([[[payoff, 1], [1, 1]], [[1, 1], [1, 1]]])


def test_nfg_decimals_that_would_vanish_are_refused():
    with pytest.raises(FormatError, match=r"exceeds the limit of 1000 \(Limits.max_exponent\)"):
        read_nfg(NFG + "1e-99999 1 1 1 1 1 1 1\n")
    for payoffs in ("1e-400 1.5 1 1 1 1 1 1", "1e-400 1.5 1.0 1.0 1.0 1.0 1.0 1.0"):   # token and bulk readers
        with pytest.raises(FormatError, match="too small for a float: it would become 0"):
            read_nfg(NFG + payoffs + "\n", numbers="float")
    assert read_nfg(NFG + "1e-400 1 1 1 1 1 1 1\n").payoff((0, 0), 0) == Fraction(1, 10**400)


# ----------------------------------------------------------------------- hangs
def test_a_json_power_tower_is_refused_by_the_reader():
    # 97 bytes that used to pass the reader and hang is_zero_sum, is_symmetric, ...
    tower = {"op": "Pow", "args": [{"op": "Integer", "value": 10},
                                   {"op": "Pow", "args": [{"op": "Integer", "value": 10},
                                                          {"op": "Integer", "value": 12}]}]}
    document = json.loads(to_json(NormalFormGame([[[x, 1], [1, 1]], [[1, 1], [1, 1]]])))
    document["data"]["payoffs"][0][0][0] = {"expr": tower}
    with pytest.raises(FormatError, match="exceeds Limits.max_exponent = 1000"):
        from_json(json.dumps(document))
    unevaluated = sympy.Pow(10, sympy.Pow(10, 12, evaluate=False), evaluate=False)
    with pytest.raises(GameError, match=bound("MAX_EXPONENT")):
        NormalFormGame([[[unevaluated, 1], [1, 1]], [[1, 1], [1, 1]]])


def test_a_file_of_huge_exact_numbers_is_refused_early():
    # 14 MB of 1e9999 used to be read exactly for minutes; the digits of a file are budgeted.
    text = 'NFG 1 R "x" { "a" "b" } { 100 100 }\n' + "1e999 " * 20000
    with pytest.raises(FormatError, match=r"more than 10000000 digits in all \(Limits.max_total_digits\)"):
        read_nfg(text)
    with pytest.raises(FormatError, match="max_exponent"):
        read_nfg(NFG + "1e9999 1 1 1 1 1 1 1\n")


@pytest.mark.parametrize("value", ["1e999999999", "1e-999999999"])
def test_command_line_numbers_with_huge_exponents_are_refused(value, capsys):
    from cybergames.report import run

    assert run(["attribution", "--set", f"q={value}"]) == 2
    assert "expected a number" in capsys.readouterr().err
    from cybergames.models._base import as_fraction
    with pytest.raises(ParameterError, match="MAX_EXPONENT"):
        as_fraction(value)


@pytest.mark.slow
def test_mixed_equilibria_of_huge_games_are_refused():
    game = NormalFormGame([np.zeros((400, 400)), np.zeros((400, 400))])
    with pytest.raises(GameError, match=bound("MAX_MIXED_ACTIONS")):
        nash_equilibria(game)
    assert len(pure_equilibria(game)) == 400 * 400        # every profile: all payoffs equal


def test_long_education_grids_bound_the_equilibrium_search():
    with pytest.raises(SignallingGameError, match=bound("MAX_CANDIDATES")):
        perfect_bayesian_equilibria(spence_job_market(education=list(range(200))))


def test_limited_punishment_with_an_astronomical_k_is_refused():
    with pytest.raises(AutomatonError, match=bound("MAX_STATES")):
        limited_punishment(10**60)


def test_cheap_talk_with_a_million_states_is_refused():
    with pytest.raises(ParameterError, match=bound("MAX_TYPES")):
        uniform_quadratic_cheap_talk(states=1000000)


# ---------------------------------------------------------------- memory errors
def test_simulating_a_trillion_rounds_is_refused():
    rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
    with pytest.raises(ParameterError, match=bound("MAX_ROUNDS")):
        simulate(rg, (grim_trigger(), grim_trigger()), rounds=10**12)


def test_games_with_a_billion_profiles_are_refused():
    with pytest.raises(GameError, match="max_profiles="):
        NormalFormGame.from_function([2] * 30, lambda profile: (0,) * 30)


def test_the_cheap_talk_equilibrium_search_is_bounded():
    with pytest.raises(SignallingGameError, match=bound("MAX_CANDIDATES")):
        perfect_bayesian_equilibria(uniform_quadratic_cheap_talk(states=12))


def test_raising_a_limit_lets_the_computation_through(monkeypatch):
    monkeypatch.setattr(cybergames.limits, "MAX_STATES", 10)
    with pytest.raises(AutomatonError, match=bound("MAX_STATES")):
        limited_punishment(10)
    monkeypatch.setattr(cybergames.limits, "MAX_STATES", 11)
    assert len(limited_punishment(10).states) == 11


# ------------------------------------------------------------ foreign exceptions
def deep(levels):
    expression = x
    for _ in range(levels):
        expression = sympy.Add(sympy.Mul(2, expression, evaluate=False), 1, evaluate=False)
    return expression


def test_deep_expressions_are_refused_without_recursion_error():
    with pytest.raises(GameError, match=bound("MAX_EXPRESSION_DEPTH")):
        NormalFormGame([[[deep(3000), 1], [1, 1]], [[1, 1], [1, 1]]])
    for levels in (250, 3000):                          # the reader refuses deeper than 200: so does the writer
        with pytest.raises(FormatError, match="nested deeper than 200 levels, which the readers refuse"):
            encode_expression(deep(levels))


def test_exact_solvers_take_integers_beyond_the_float_range():
    # A coordination game whose payoffs overflow a float: by hand, (0, 0) and (1, 1) are strict
    # equilibria and the mixed one puts 1/(big + 1) on action 0 (indifference: big * y = 1 - y).
    big = 10**400
    game = NormalFormGame([[[big, 0], [0, 1]], [[1, 0], [0, big]]])
    found = nash_equilibria(game)
    assert [e.profile for e in found if len(e.support[0]) == 1] == [("0", "0"), ("1", "1")]
    (mixed,) = [e for e in found if len(e.support[0]) == 2]
    assert list(mixed.strategies[1]) == [Fraction(1, big + 1), Fraction(big, big + 1)]
    assert minmax(game, 0).value == Fraction(big, big + 1)


def test_the_nfg_lexer_refuses_numbers_beyond_float_range_and_long_exponents():
    with pytest.raises(FormatError, match="too large for a float"):
        read_nfg(NFG + "9" * 400 + " 1.5 1 1 1 1 1 1\n", numbers="float")
    with pytest.raises(FormatError, match="too large for a float"):
        read_nfg(NFG + "9" * 400 + "/7 1.5 1 1 1 1 1 1\n", numbers="float")
    with pytest.raises(FormatError, match="max_exponent"):             # was ValueError (4300-digit limit)
        read_nfg(NFG + "1e" + "9" * 5001 + " 1 1 1 1 1 1 1\n")


@pytest.mark.parametrize("writer", [write_nfg, dump])
def test_labels_with_lone_surrogates_are_refused_before_writing(writer, tmp_path):
    game = NormalFormGame([[[1, 0], [0, 1]], [[1, 0], [0, 1]]], actions=[["a\ud800", "b"], ["c", "d"]])
    target = tmp_path / "game"
    with pytest.raises(FormatError, match="cannot be written as UTF-8"):
        writer(game, target)
    assert not os.path.exists(target)


@pytest.mark.parametrize("detect", [Fraction(1, 10**300), 1e-300, Fraction(10**400 - 1, 10**400)])
def test_attribution_with_extreme_detection_rates_is_analysed(detect):
    # Was TypeError ("cannot determine truth value of Relational"): thresholds within 1e-300 of a
    # boundary. With almost no detection, deterrence needs more detection than there is.
    from cybergames.models import AttributionModel

    analysis = AttributionModel(detect=detect).analyse()
    by_name = {c.name: c for c in analysis.conditions}
    assert by_name["minimum detection probability"].holds is (detect > Fraction(1, 2))


def test_vectorize_takes_a_symbol_named_like_a_numpy_function():
    from cybergames.sweep import vectorize

    root = sympy.Symbol("sqrt", positive=True)
    condition = vectorize(sympy.sqrt(x) + root, ["x", "sqrt"])
    assert condition(x=np.array([4.0, 9.0]), sqrt=np.array([1.0, 2.0])).tolist() == [3.0, 5.0]


def test_a_zero_dimensional_array_among_the_arguments_is_a_game_error():
    # Was TypeError ("len() of unsized object") while guessing whether the second argument
    # was a nashpy-style second matrix; found by the junk-argument test.
    with pytest.raises(GameError, match="payoffs"):
        NormalFormGame((-5, None), [np.array(0.0)], [])


def test_a_lopsided_game_too_wide_for_a_hull_is_refused_naming_the_bound():
    # 9x53: the smaller side is above the small-side route's 8 actions, so the larger player's
    # polytope would need a 53-dimensional hull; qhull crashed the process (segmentation fault).
    rng = np.random.default_rng(0)
    game = NormalFormGame([rng.random((9, 53)), rng.random((9, 53))])
    with pytest.raises(GameError, match=bound("MAX_HULL_DIMENSION")):
        nash_equilibria(game)
