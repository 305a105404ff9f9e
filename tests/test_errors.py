"""Bad input: one table of malformed calls for every public function, and generated junk.

Each row is a :class:`Case`: a function, its arguments, the precise
:mod:`cybergames.errors` class it must raise, and words its message must
contain, the first being the argument's name. Subpackages add their rows in
their own section of ``CASES`` (see the markers below). Strategies are drawn
from once (:func:`drawn`), since they check their arguments at draw time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from cybergames import (NormalFormGame, battle_of_the_sexes, chicken, is_chicken, is_coordination_game,
                        is_prisoners_dilemma, is_public_goods_game, is_stag_hunt, is_symmetric, is_zero_sum,
                        matching_pennies, prisoners_dilemma, public_goods, stag_hunt, symmetric_game, trust_game)
from cybergames import strategies as cs
from cybergames.errors import (CybergamesError, GameError, ParameterError, ProbabilityError,
                               StrategyArgumentError)
from cybergames.errors import SignallingGameError


@dataclass(frozen=True)
class Case:
    """One malformed call: ``function(*args, **kwargs)`` raises ``error`` naming ``words``."""

    function: Callable
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    error: type = CybergamesError
    words: tuple = ()
    note: str = ""

    @property
    def id(self) -> str:
        name = getattr(self.function, "__qualname__", repr(self.function))
        return f"{name}-{self.note}" if self.note else name


def drawn(factory: Callable) -> Callable:
    """``factory(*args, **kwargs)`` as a strategy, then one example drawn from it."""
    def draw_one(*args: Any, **kwargs: Any) -> Any:
        return find(factory(*args, **kwargs), lambda value: True,
                    settings=settings(max_examples=1, database=None, deadline=None))
    draw_one.__qualname__ = f"strategies.{factory.__name__}"
    return draw_one


PD = prisoners_dilemma()
FLOAT_PD = prisoners_dilemma(5.0, 3.0, 1.0, 0.0)
T, R, P, S = sympy.symbols("T R P S")
SYMBOLIC_PD = prisoners_dilemma(T, R, P, S)
GOOD = [[[3, 0], [5, 1]], [[3, 5], [0, 1]]]
x = sympy.Symbol("x")

# ============================================================================ games layer
import cybergames.games.generators as _generators  # noqa: E402

GAMES_CASES = [
    # --- NormalFormGame: shapes
    Case(NormalFormGame, ([[1, 2], [3, 4]],), error=GameError, words=("payoffs", "axes"), note="one-axis-per-player"),
    Case(NormalFormGame, ([[[1, 2], [3, 4]]],), error=GameError, words=("payoffs", "axes"), note="too-many-axes"),
    Case(NormalFormGame, ([[[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6]]],), error=GameError, words=("payoffs", "shapes"),
         note="unequal-shapes"),
    Case(NormalFormGame, ([[[1, 2], [3, 4]], [[1, 2], [3]]],), error=GameError, words=("payoffs[1]", "rectangular"),
         note="ragged"),
    Case(NormalFormGame, ([[[1, 2], [3, 4]], [[1, 2], [3, [4]]]],), error=GameError, words=("payoffs[1]", "rectangular"),
         note="nested-entry"),
    Case(NormalFormGame, ([],), error=GameError, words=("payoffs", "none"), note="no-players"),
    Case(NormalFormGame, ([[]],), error=GameError, words=("payoffs", "at least one action"), note="empty-actions"),
    Case(NormalFormGame, (np.zeros((2, 2, 0)),), error=GameError, words=("payoffs", "at least one action"),
         note="empty-array"),
    Case(NormalFormGame, ([5],), error=GameError, words=("payoffs[0]", "scalar"), note="scalar"),
    Case(NormalFormGame, (np.array(5.0),), error=GameError, words=("payoffs",), note="0-d-array"),
    Case(NormalFormGame, (None,), error=GameError, words=("payoffs",), note="none"),
    Case(NormalFormGame, ("payoffs",), error=GameError, words=("payoffs",), note="string"),
    Case(NormalFormGame, ({"row": [1]},), error=GameError, words=("payoffs",), note="dict"),
    # --- NormalFormGame: entries
    Case(NormalFormGame, ([[[1, 2], [3, 4]], [[1, float("nan")], [3, 4]]],), error=GameError,
         words=("payoffs[1][0, 1]", "finite"), note="nan"),
    Case(NormalFormGame, ([np.array([[1.0, np.inf], [3, 4]]), np.zeros((2, 2))],), error=GameError,
         words=("payoffs[0][0, 1]", "finite"), note="inf-array"),
    Case(NormalFormGame, ([[[True, 2], [3, 4]], [[1, 2], [3, 4]]],), error=GameError,
         words=("payoffs[0][0, 0]", "boolean"), note="bool"),
    Case(NormalFormGame, ([np.array([[True, False], [True, True]]), np.zeros((2, 2))],), error=GameError,
         words=("payoffs[0][0, 0]", "boolean"), note="bool-array"),
    Case(NormalFormGame, ([[["3", 0], [5, 1]], [[3, 5], [0, 1]]],), error=GameError,
         words=("payoffs[0][0, 0]", "real number"), note="string-entry"),
    Case(NormalFormGame, ([[[1j, 0], [5, 1]], [[3, 5], [0, 1]]],), error=GameError,
         words=("payoffs[0][0, 0]", "real number"), note="complex"),
    Case(NormalFormGame, ([np.array([[1j, 0], [5, 1]]), np.zeros((2, 2))],), error=GameError,
         words=("payoffs[0][0, 0]", "real number"), note="complex-array"),
    Case(NormalFormGame, ([[[sympy.I * x, 0], [5, 1]], [[3, 5], [0, 1]]],), error=GameError,
         words=("payoffs[0][0, 0]", "real"), note="sympy-imaginary"),
    Case(NormalFormGame, ([[[sympy.oo, 0], [5, 1]], [[3, 5], [0, 1]]],), error=GameError,
         words=("payoffs[0][0, 0]", "finite"), note="sympy-infinity"),
    Case(NormalFormGame, ([[[None, 0], [5, 1]], [[3, 5], [0, 1]]],), error=GameError,
         words=("payoffs[0][0, 0]",), note="none-entry"),
    Case(NormalFormGame, ([[[10**400, 0.5], [5, 1]], [[3, 5], [0, 1]]],), error=GameError,
         words=("payoffs[0]", "float"), note="huge-int-in-float-game"),
    # --- NormalFormGame: labels
    Case(NormalFormGame, (GOOD,), {"actions": [["C", "C"], ["C", "D"]]}, GameError, ("actions[0]", "unique"),
         note="duplicate-actions"),
    Case(NormalFormGame, (GOOD,), {"actions": [["C"], ["C", "D"]]}, GameError, ("actions[0]", "2 action labels"),
         note="too-few-actions"),
    Case(NormalFormGame, (GOOD,), {"actions": [["C", "D"]]}, GameError, ("actions", "2 label sequences"),
         note="actions-per-player"),
    Case(NormalFormGame, (GOOD,), {"actions": "CD"}, GameError, ("actions",), note="actions-string"),
    Case(NormalFormGame, (GOOD,), {"actions": [["C", 1], ["C", "D"]]}, GameError, ("actions[0]", "strings"),
         note="non-string-action"),
    Case(NormalFormGame, (GOOD,), {"actions": [["C", ""], ["C", "D"]]}, GameError, ("actions[0]", "non-empty"),
         note="empty-action-label"),
    Case(NormalFormGame, (GOOD,), {"players": ["a", "a"]}, GameError, ("players", "unique"),
         note="duplicate-players"),
    Case(NormalFormGame, (GOOD,), {"players": ["a"]}, GameError, ("players", "2 player labels"),
         note="too-few-players"),
    Case(NormalFormGame, (GOOD,), {"players": 2}, GameError, ("players",), note="players-int"),
    # --- look-ups
    Case(NormalFormGame.payoff, (PD, ("C", "X")), error=GameError, words=("profile[1]", "'X'"), note="unknown-label"),
    Case(NormalFormGame.payoff, (PD, ("C",)), error=GameError, words=("profile", "2 actions"), note="short-profile"),
    Case(NormalFormGame.payoff, (PD, (0, 2)), error=GameError, words=("profile[1]", "0..1"), note="index-range"),
    Case(NormalFormGame.payoff, (PD, (True, 0)), error=GameError, words=("profile[0]",), note="bool-index"),
    Case(NormalFormGame.payoff, (PD, "CD"), error=GameError, words=("profile",), note="string-profile"),
    Case(NormalFormGame.payoff, (PD, ("C", "D")), {"player": 2}, GameError, ("player",), note="player-range"),
    Case(NormalFormGame.player_index, (PD, "nobody"), error=GameError, words=("player", "'nobody'")),
    Case(NormalFormGame.action_index, (PD, 0, "E"), error=GameError, words=("action", "'E'")),
    Case(NormalFormGame.profile_index, (PD, ("C", None)), error=GameError, words=("profile[1]",)),
    # --- mixed play
    Case(NormalFormGame.expected_payoffs, (PD, ([0.5, 0.6], "C")), error=ProbabilityError,
         words=("profile[0]", "summing to one"), note="sum"),
    Case(NormalFormGame.expected_payoffs, (PD, ([Fraction(3, 2), Fraction(-1, 2)], "C")), error=ProbabilityError,
         words=("profile[0]", "non-negative"), note="negative"),
    Case(NormalFormGame.expected_payoffs, (PD, ([float("nan"), 1.0], "C")), error=ProbabilityError,
         words=("profile[0]", "finite"), note="nan"),
    Case(NormalFormGame.expected_payoffs, (PD, ([True, False], "C")), error=ProbabilityError,
         words=("profile[0]", "boolean"), note="bool"),
    Case(NormalFormGame.expected_payoffs, (PD, ([1, 0, 0], "C")), error=GameError,
         words=("profile[0]", "2 probabilities"), note="length"),
    Case(NormalFormGame.expected_payoffs, (PD, ("C",)), error=GameError, words=("profile", "2 entries"),
         note="one-entry"),
    Case(NormalFormGame.mixed_profile, (PD, ([1j, 1], "C")), error=ProbabilityError, words=("profile[0]", "real")),
    Case(NormalFormGame.action_payoffs, (PD, 0, (None, [0.2, 0.2])), error=ProbabilityError, words=("profile[1]",)),
    Case(NormalFormGame.best_responses, (PD, "2", (None, "C")), error=GameError, words=("player",),
         note="unknown-player"),
    Case(NormalFormGame.best_responses, (SYMBOLIC_PD, 0, (None, "C")), error=GameError, words=("game", "numeric"),
         note="symbolic"),
    # --- new games
    Case(NormalFormGame.subs, (SYMBOLIC_PD,), {"Q": 1}, GameError, ("subs", "'Q'"), note="unknown-name"),
    Case(NormalFormGame.subs, (SYMBOLIC_PD, {T: "5"}), error=GameError, words=("subs", "T"), note="string-value"),
    Case(NormalFormGame.subs, (SYMBOLIC_PD, {T: float("inf")}), error=GameError, words=("subs", "T", "finite"),
         note="inf-value"),
    Case(NormalFormGame.subs, (SYMBOLIC_PD, {5: 1}), error=GameError, words=("subs", "symbol"), note="number-key"),
    Case(NormalFormGame.subs, (SYMBOLIC_PD, 1, 2, 3), error=GameError, words=("subs",), note="three-arguments"),
    Case(NormalFormGame.subs, (SYMBOLIC_PD, {sympy.Symbol("T", positive=True): 5}), error=GameError,
         words=("subs", "assumptions"), note="other-assumptions"),
    Case(NormalFormGame.permute_actions, (PD, 0, [0, 0]), error=GameError, words=("order", "permutation"),
         note="repeat"),
    Case(NormalFormGame.permute_actions, (PD, 0, [0, 1, 2]), error=GameError, words=("order", "permutation"),
         note="too-long"),
    Case(NormalFormGame.permute_actions, (PD, 0, "10"), error=GameError, words=("order",), note="string"),
    Case(NormalFormGame.permute_actions, (PD, 3, [1, 0]), error=GameError, words=("player",), note="player"),
    Case(NormalFormGame.permute_players, (PD, [1, 1]), error=GameError, words=("order", "permutation")),
    Case(NormalFormGame.transform_payoffs, (PD, 0, -2), error=GameError, words=("scale", "positive"),
         note="negative-scale"),
    Case(NormalFormGame.transform_payoffs, (PD, 0, 0), error=GameError, words=("scale", "positive"), note="zero"),
    Case(NormalFormGame.transform_payoffs, (PD, 0, float("nan")), error=GameError, words=("scale", "finite"),
         note="nan-scale"),
    Case(NormalFormGame.transform_payoffs, (PD, 0, 1, "1"), error=GameError, words=("shift",), note="string-shift"),
    Case(NormalFormGame.transform_payoffs, (FLOAT_PD, 0, 1e308), error=GameError, words=("scale", "overflow"),
         note="overflow"),
    Case(NormalFormGame.transform_payoffs, (FLOAT_PD, 0, 10**400), error=GameError, words=("scale", "float"),
         note="huge-int"),
    # --- classic constructors
    Case(prisoners_dilemma, (1, 2, 3, 4), error=GameError, words=("T > R > P > S", "T=1"), note="order"),
    Case(prisoners_dilemma, ("5",), error=GameError, words=("T", "real number"), note="string"),
    Case(prisoners_dilemma, (True,), error=GameError, words=("T", "boolean"), note="bool"),
    Case(prisoners_dilemma, (float("inf"),), error=GameError, words=("T", "finite"), note="inf"),
    Case(prisoners_dilemma, (5.0, 10**400), error=GameError, words=("R", "float"), note="huge-int-with-floats"),
    Case(prisoners_dilemma, (T + sympy.I, R, P, S), error=GameError, words=("T", "real"), note="imaginary"),
    Case(stag_hunt, (4, 3, 3, 3), error=GameError, words=("R > T >= P > S", "S=3")),
    Case(stag_hunt, (None,), error=GameError, words=("R",), note="none"),
    Case(chicken, (3, 2, 1, 0), error=GameError, words=("T > R > S > P",)),
    Case(chicken, (3, 2, 0, 1j), error=GameError, words=("S", "real"), note="complex"),
    Case(battle_of_the_sexes, (2, 3), error=GameError, words=("high > low > mismatch",)),
    Case(battle_of_the_sexes, (3, 2, [0]), error=GameError, words=("mismatch",), note="list"),
    Case(matching_pennies, (-1,), error=GameError, words=("stake > 0",)),
    Case(matching_pennies, (np.nan,), error=GameError, words=("stake", "finite"), note="nan"),
    Case(trust_game, (3, 2, 1, 1), error=GameError, words=("T > R > P > S",)),
    Case(public_goods, (1,), error=GameError, words=("n", ">= 2"), note="one-player"),
    Case(public_goods, (3.0,), error=GameError, words=("n", "integer"), note="float-n"),
    Case(public_goods, (True,), error=GameError, words=("n",), note="bool-n"),
    Case(public_goods, (17,), error=GameError, words=("n", "16"), note="too-many"),
    Case(public_goods, (3, 3, 1), error=GameError, words=("multiplier < n",), note="multiplier"),
    Case(public_goods, (3, 2, -1), error=GameError, words=("cost > 0",), note="cost"),
    Case(public_goods, (3, 2.5, 1e308), error=GameError, words=("multiplier", "cost", "overflow"),
         note="overflow"),
    Case(symmetric_game, ([[1, 2]],), error=GameError, words=("matrix", "square"), note="not-square"),
    Case(symmetric_game, ([[1, 2], [3]],), error=GameError, words=("matrix",), note="ragged"),
    Case(symmetric_game, ([[1, "2"], [3, 4]],), error=GameError, words=("matrix[0, 1]",), note="string"),
    Case(symmetric_game, (5,), error=GameError, words=("matrix",), note="scalar"),
    Case(symmetric_game, ([[1, 2], [3, 4]],), {"actions": 3}, GameError, ("actions",), note="actions-int"),
    Case(symmetric_game, ([[1, 2], [3, 4]],), {"actions": ("a", "a")}, GameError, ("actions[0]", "unique"),
         note="duplicate-actions"),
    # --- predicates
    *[Case(predicate, ([[3, 0], [5, 1]],), error=GameError, words=("game", "NormalFormGame"), note="not-a-game")
      for predicate in (is_prisoners_dilemma, is_stag_hunt, is_chicken, is_coordination_game,
                        is_public_goods_game, is_symmetric, is_zero_sum)],
    *[Case(predicate, (PD,), {"tol": -1}, ParameterError, ("tol",), note="negative-tol")
      for predicate in (is_prisoners_dilemma, is_stag_hunt, is_chicken, is_coordination_game,
                        is_public_goods_game, is_symmetric)],
    Case(is_symmetric, (PD,), {"tol": float("inf")}, ParameterError, ("tol",), note="inf-tol"),
    Case(is_prisoners_dilemma, (PD,), {"repeated": 1}, ParameterError, ("repeated",), note="repeated"),
    # --- generated games
    *[Case(getattr(_generators, name), args, kwargs, ParameterError, words, note=note)
      for name, args, kwargs, words, note in [
        ("random_game", ((2, 0),), {}, ("shape[1]", ">= 1"), "no-actions"),
        ("random_game", ((2, 2),), {"seed": -1}, ("seed",), "seed"),
        ("covariance_game", ((2, 2, 2), -0.6), {}, ("rho", "-1/(N - 1)"), "rho"),
        ("unit_vector_game", (0,), {}, ("n", ">= 1"), "n"),
        ("ranking_game", (3, 0), {}, ("steps", ">= 1"), "steps"),
        ("sgc_game", (0,), {}, ("k", ">= 1"), "k"),
        ("blotto_game", (2, 2), {"values": [[1, 2]]}, ("values", "two rows"), "values"),
    ]],
]

# ============================================================================ strategies
STRATEGY_CASES = [
    Case(drawn(cs.normal_form_games), (0,), error=StrategyArgumentError, words=("players", ">= 1"),
         note="no-players"),
    Case(drawn(cs.normal_form_games), (2, 0), error=StrategyArgumentError, words=("actions", ">= 1"),
         note="no-actions"),
    Case(drawn(cs.normal_form_games), ((3, 2),), error=StrategyArgumentError, words=("players", "min <= max"),
         note="reversed-range"),
    Case(drawn(cs.normal_form_games), (2, (1, 2, 3)), error=StrategyArgumentError, words=("actions",),
         note="three-tuple"),
    Case(drawn(cs.normal_form_games), (2.0,), error=StrategyArgumentError, words=("players",), note="float"),
    Case(drawn(cs.normal_form_games), (True,), error=StrategyArgumentError, words=("players",), note="bool"),
    Case(drawn(cs.normal_form_games), (3, [2, 2]), error=StrategyArgumentError, words=("players", "actions"),
         note="list-length"),
    Case(drawn(cs.normal_form_games), (2, []), error=StrategyArgumentError, words=("actions", "non-empty"),
         note="empty-list"),
    Case(drawn(cs.normal_form_games), (2, [2, 3]), {"symmetric": True}, StrategyArgumentError,
         ("actions", "equal"), note="symmetric-unequal"),
    Case(drawn(cs.normal_form_games), (12, 12), error=StrategyArgumentError, words=("players", "actions", "values"),
         note="too-large"),
    Case(drawn(cs.normal_form_games), (), {"min_value": 1, "max_value": 0}, StrategyArgumentError,
         ("min_value", "max_value"), note="bounds"),
    Case(drawn(cs.normal_form_games), (), {"min_value": float("nan")}, StrategyArgumentError, ("min_value",),
         note="nan-bound"),
    Case(drawn(cs.normal_form_games), (), {"max_value": "10"}, StrategyArgumentError, ("max_value",),
         note="string-bound"),
    Case(drawn(cs.normal_form_games), (), {"max_value": x}, StrategyArgumentError, ("max_value",),
         note="symbolic-bound"),
    Case(drawn(cs.normal_form_games), (), {"min_value": 0.25, "max_value": 0.75}, StrategyArgumentError,
         ("min_value", "max_denominator"), note="no-integer"),
    Case(drawn(cs.normal_form_games), (), {"exact": "yes"}, StrategyArgumentError, ("exact",), note="exact"),
    Case(drawn(cs.normal_form_games), (), {"max_denominator": 0}, StrategyArgumentError, ("max_denominator",),
         note="denominator"),
    Case(drawn(cs.normal_form_games), (1, 5), {"distinct": True, "min_value": 0, "max_value": 3},
         StrategyArgumentError, ("distinct",), note="distinct-room"),
    Case(drawn(cs.prisoners_dilemmas), (), {"max_gap": 0}, StrategyArgumentError, ("max_gap", ">= 1"),
         note="gap"),
    Case(drawn(cs.prisoners_dilemmas), (), {"repeated": None}, StrategyArgumentError, ("repeated",),
         note="repeated"),
    Case(drawn(cs.prisoners_dilemmas), (), {"max_denominator": 1.5}, StrategyArgumentError, ("max_denominator",),
         note="denominator"),
    Case(drawn(cs.stag_hunts), (), {"max_gap": -1}, StrategyArgumentError, ("max_gap",)),
    Case(drawn(cs.chickens), (), {"exact": 1}, StrategyArgumentError, ("exact",)),
    Case(drawn(cs.coordination_games), (1,), error=StrategyArgumentError, words=("players", ">= 2"),
         note="one-player"),
    Case(drawn(cs.coordination_games), (2, 1), error=StrategyArgumentError, words=("actions", ">= 2"),
         note="one-action"),
    Case(drawn(cs.coordination_games), (2, [2, 3]), error=StrategyArgumentError, words=("actions",),
         note="list"),
    Case(drawn(cs.coordination_games), (), {"min_value": 0, "max_value": 0}, StrategyArgumentError,
         ("min_value", "max_value"), note="no-room"),
    Case(drawn(cs.coordination_games), (), {"exact": False, "min_value": 0, "max_value": 0.5},
         StrategyArgumentError, ("min_value", "max_value"), note="no-room-float"),
    Case(drawn(cs.public_goods_games), (1,), error=StrategyArgumentError, words=("players", ">= 2")),
    Case(drawn(cs.public_goods_games), ((2, 17),), error=StrategyArgumentError, words=("players[1]", "16"),
         note="too-many"),
    Case(drawn(cs.public_goods_games), (), {"max_cost": 0.5}, StrategyArgumentError, ("max_cost",), note="cost"),
    Case(drawn(cs.mixed_actions), ([[1, 2]], 0), error=StrategyArgumentError, words=("game", "NormalFormGame"),
         note="not-a-game"),
    Case(drawn(cs.mixed_actions), (PD, 2), error=StrategyArgumentError, words=("player",), note="player"),
    Case(drawn(cs.mixed_actions), (PD, 0), {"full_support": "yes"}, StrategyArgumentError, ("full_support",),
         note="full-support"),
    Case(drawn(cs.mixed_profiles), (None,), error=StrategyArgumentError, words=("game",)),
    Case(drawn(cs.mixed_profiles), (PD,), {"exact": 0}, StrategyArgumentError, ("exact",), note="exact"),
    Case(drawn(cs.positive_affine_transformations), (), {"max_scale": 0.5}, StrategyArgumentError,
         ("max_scale", ">= 1"), note="scale"),
    Case(drawn(cs.positive_affine_transformations), (), {"max_shift": -1}, StrategyArgumentError,
         ("max_shift", ">= 0"), note="shift"),
    Case(drawn(cs.action_permutations), ("game",), error=StrategyArgumentError, words=("game",)),
    Case(drawn(cs.player_permutations), (3,), error=StrategyArgumentError, words=("game",)),
    Case(drawn(cs.symbolic_games), (), {"names": "xyz"}, StrategyArgumentError, ("names",), note="string-names"),
    Case(drawn(cs.symbolic_games), (), {"names": ("x", "x")}, StrategyArgumentError, ("names", "distinct"),
         note="duplicate-names"),
    Case(drawn(cs.symbolic_games), (), {"names": ("1x",)}, StrategyArgumentError, ("names", "identifiers"),
         note="bad-identifier"),
    Case(drawn(cs.symbolic_games), (), {"min_value": 0.2, "max_value": 0.8, "exact": False},
         StrategyArgumentError, ("min_value", "integers"), note="no-integer-constant"),
]

# ============================================================================ other subpackages
# Add a list per subpackage (equilibria, io, repeated, signalling, models, sweep) and
# append it to CASES below.

# --- reputation: finitely repeated games, chain store, commitment bounds
from cybergames import bayesian as _bayesian  # noqa: E402
from cybergames import reputation as _reputation  # noqa: E402
from cybergames.errors import DiscountFactorError  # noqa: E402

_BK = NormalFormGame([[[4, 0], [5, 1]], [[4, 5], [0, 1]]], actions=[("C", "D"), ("C", "D")])
_BAYES = _bayesian.BayesianGame([("x",), ("a",)], {("x", "a"): 1}, [("L",), ("L",)], lambda t, a: (0, 0))
_C = sympy.Symbol("c")
REPUTATION_CASES = [
    Case(_reputation.chain_store, (0, 5), error=ProbabilityError, words=("prior", "between 0 and 1"), note="prior-0"),
    Case(_reputation.chain_store, (Fraction(3, 2), 5), error=ProbabilityError, words=("prior",), note="prior-above-1"),
    Case(_reputation.chain_store, (Fraction(1, 2), 0), error=ParameterError, words=("periods", "at least 1"),
         note="horizon-0"),
    Case(_reputation.chain_store, (Fraction(1, 2), 3, 1), error=ParameterError, words=("a", "a > 1"), note="a-1"),
    Case(_reputation.chain_store, (Fraction(1, 2), 3, 2, 1), error=ParameterError, words=("b", "0 < b < 1"),
         note="b-1"),
    Case(_reputation.chain_store_behaviour, (0, Fraction(1, 2), 2, Fraction(1, 2)), error=ParameterError,
         words=("remaining",)),
    Case(_reputation.chain_store_behaviour, (2, 1, 2, Fraction(1, 2)), error=ProbabilityError,
         words=("reputation",), note="reputation-1"),
    Case(_reputation.deterrence_threshold, (0, Fraction(1, 2)), error=ParameterError, words=("periods",)),
    Case(_reputation.fudenberg_levine_bound, (_BK, "C", Fraction(1, 2), 1), error=DiscountFactorError,
         words=("delta", "< 1")),
    Case(_reputation.fudenberg_levine_bound, (_BK, "C", 1, Fraction(1, 2)), error=ProbabilityError,
         words=("prior",), note="prior-1"),
    Case(_reputation.finite_horizon_equilibria, (_BK, 0), error=ParameterError, words=("horizon", "at least 1")),
    Case(_reputation.last_sustainable_period, (_BK, 2, ("C", "X")), error=GameError, words=("profile",)),
    Case(_reputation.subgame_perfect_paths, (_BK, -1), error=ParameterError, words=("horizon",)),
    Case(_reputation.is_subgame_perfect_path, ("no", ()), error=GameError, words=("solution",)),
    Case(_reputation.benoit_krishna_condition, (_BK, ("C", "C"), ("D", "D"), [("D", "D")]), error=GameError,
         words=("punishments",)),    Case(_reputation.tit_for_tat_reputation, (0, 5), error=ProbabilityError, words=("prior",)),
    Case(_reputation.tit_for_tat_reputation, (Fraction(1, 2), 0), error=ParameterError, words=("periods",),
         note="horizon-0"),
    Case(_reputation.tit_for_tat_reputation, (Fraction(1, 2), 3, 2, 1), error=ParameterError, words=("b", "b < 0"),
         note="b-positive"),
    Case(_reputation.cooperation_prior_threshold, (1, -1), error=ParameterError, words=("a", "a > 1")),
    Case(_reputation.kmrw_equilibrium, (1, 5), error=ProbabilityError, words=("prior",)),
    Case(_reputation.kmrw_equilibrium, (Fraction(1, 2), 10**9), error=ParameterError,
         words=("periods", "MAX_REPUTATION_PERIODS"), note="horizon-limit"),
    Case(_reputation.chain_store, (Fraction(1, 2), 10**9), error=ParameterError,
         words=("periods", "MAX_REPUTATION_PERIODS"), note="horizon-limit"),
    Case(_reputation.noncooperation_bound, (Fraction(1, 2),), {"horizons": 1}, ParameterError, ("horizons",)),
]
BAYESIAN_CASES = [
    Case(_bayesian.BayesianGame, ([("x",), ("a", "b")], {("x", "a"): 1}, [("L",), ("L",)], lambda t, a: (0, 0)),
         error=ProbabilityError, words=("prior", "probability 0"), note="type-without-probability"),
    Case(_bayesian.BayesianGame, ([("x",)], {("x",): 2}, [("L",)], lambda t, a: (0,)), error=ProbabilityError,
         words=("prior", "summing to 1"), note="prior-sum"),
    Case(_bayesian.bayesian_nash_equilibria, ("game",), error=GameError, words=("game",)),
    Case(_bayesian.cutoff_equilibria, ([_C], ["c"]), error=GameError, words=("cutoffs",)),
    Case(_bayesian.cutoff_equilibria, ([_C / 2], [_C], (1, 0)), error=ParameterError, words=("bounds",),
         note="reversed-bounds"),
    Case(_bayesian.cutoff_comparative_statics, ("result", 0, _C), error=ParameterError, words=("result",)),
    Case(_bayesian.attribution_game, (Fraction(4, 5), Fraction(3, 4), Fraction(1, 10)),
         {"benefits": (sympy.Heaviside(_C - Fraction(1, 2)), _C)}, ProbabilityError, ("benefits", "density"),
         note="type-without-density"),
    Case(_bayesian.attribution_game, (0, Fraction(3, 4), Fraction(1, 10)), error=ProbabilityError,
         words=("detection",), note="detection-0"),
    Case(_bayesian.attribution_comparative_statics, ("eq", _C), error=ParameterError, words=("eq",)),
    Case(_bayesian.attribution_best_responses, (), {"benefits": (sympy.Integer(1), _C)}, ProbabilityError,
         ("benefits", "density")),
]


from cybergames.bargaining import crisis_offer, nash_bargaining, rubinstein, rubinstein_finite  # noqa: E402
from cybergames.errors import DiscountFactorError  # noqa: E402
from cybergames.stochastic import StochasticGame, axelrod_iliev, shapley_value, solve_mdp  # noqa: E402

_HALF = Fraction(1, 2)
STOCHASTIC_CASES = [
    Case(solve_mdp, ([[[1]]], [[1]], 1), error=DiscountFactorError, words=("discount", "0 <= discount < 1"),
         note="discount-one"),
    Case(solve_mdp, ([[[_HALF, 0]]], [[1]], _HALF), error=GameError, words=("transitions",), note="not-square"),
    Case(solve_mdp, ([[[_HALF, _HALF], [_HALF, 0]]], [[1, 1]], _HALF), error=ProbabilityError,
         words=("transitions", "sum to 1"), note="non-stochastic"),
    Case(solve_mdp, ([[[1]]], [[1, 2]], _HALF), error=GameError, words=("rewards", "shape"), note="shapes-disagree"),
    Case(StochasticGame, ([[[1]]], [[[[2]]]], _HALF), error=ProbabilityError, words=("transitions[0]",),
         note="non-stochastic"),
    Case(shapley_value, (StochasticGame([[[[1]], [[1]]]], [[[[1]]]], _HALF),), error=GameError,
         words=("game", "zero-sum"), note="general-sum"),
    Case(axelrod_iliev, (2, 1, _HALF, {1: 1}), error=ParameterError, words=("stealth",), note="stealth"),
]
BARGAINING_CASES = [
    Case(rubinstein, (1, _HALF), error=DiscountFactorError, words=("delta_1",), note="delta-one"),
    Case(rubinstein, (_HALF, -1), error=DiscountFactorError, words=("delta_2",), note="negative"),
    Case(rubinstein_finite, (_HALF, _HALF, 0), error=ParameterError, words=("horizon",), note="horizon"),
    Case(nash_bargaining, ([(0, 0)],), error=ParameterError, words=("points",), note="no-gain"),
    Case(crisis_offer, (2, 0, (0, 1)), error=ParameterError, words=("p",), note="p"),
]

# --- extensive games
def _extensive_cases():
    from cybergames.errors import ExtensiveGameError, FormatError, PerfectRecallError
    from cybergames.extensive import (ExtensiveGame, check_assessment, decision, read_efg, sequence_form_equilibria,
                                      subgame_perfect_equilibria, weak_perfect_bayesian_equilibria, write_efg)
    from cybergames.extensive import sequential_equilibria
    cycle = {"player": "A", "actions": {}}
    cycle["actions"]["x"] = cycle
    forgetful = ExtensiveGame(decision("A", {"x": (0,), "y": decision("A", {"x": (1,), "y": (2,)}, "h")}, "h"))
    return [
        Case(ExtensiveGame, (cycle,), error=ExtensiveGameError, words=("tree", "cycle"), note="cycle"),
        Case(ExtensiveGame, ({"chance": {"a": (Fraction(1, 2), (0,))}}, ["A"]), error=ProbabilityError,
             words=("tree", "sum to 1"), note="chance"),
        Case(ExtensiveGame.from_function, (lambda h: decision("A", ["x"]),), {"max_depth": 5},
             error=ExtensiveGameError, words=("expand", "cycle"), note="endless"),
        Case(read_efg, ('EFG 2 R "" { "A" } ""\n' + " " * 200,), {"limits": __import__("cybergames.io").io.Limits(
            max_bytes=100)}, error=FormatError, words=("text", "limit"), note="size"),
        Case(write_efg, ("game",), error=ExtensiveGameError, words=("game",)),
        Case(subgame_perfect_equilibria, (forgetful,), error=PerfectRecallError, words=("game", "perfect recall")),
        Case(sequence_form_equilibria, (forgetful,), error=PerfectRecallError, words=("game", "perfect recall")),
        Case(weak_perfect_bayesian_equilibria, ("game",), error=ExtensiveGameError, words=("game",)),
        Case(check_assessment, (forgetful, {"h": "z"}, {}), error=ExtensiveGameError, words=("behaviour", "z")),
        Case(sequential_equilibria, ("game",), error=ExtensiveGameError, words=("game",)),
        Case(sequential_equilibria, (forgetful,), error=PerfectRecallError, words=("game", "perfect recall"),
             note="recall"),
    ]


EXTENSIVE_CASES = _extensive_cases()

# --- equilibria: iterated elimination, correlated equilibria, persuasion
def _dominance_cases():
    from cybergames import iterated_elimination
    return [
        Case(iterated_elimination, ([[1, 0], [0, 1]],), {}, GameError, ("game", "NormalFormGame"), note="not-a-game"),
        Case(iterated_elimination, (SYMBOLIC_PD,), {}, GameError, ("game", "symbols"), note="symbolic"),
        Case(iterated_elimination, (PD,), {"strict": 1}, ParameterError, ("strict", "True or False")),
        Case(iterated_elimination, (PD,), {"mixed": "yes"}, ParameterError, ("mixed", "True or False")),
        Case(iterated_elimination, (PD,), {"tol": 2}, ParameterError, ("tol",), note="tol"),
    ]


def _correlated_cases():
    from cybergames import correlated_equilibria
    big = NormalFormGame([np.zeros((9, 9)), np.zeros((9, 9))])
    return [
        Case(correlated_equilibria, ("chicken",), {}, GameError, ("game", "NormalFormGame"), note="not-a-game"),
        Case(correlated_equilibria, (SYMBOLIC_PD,), {}, GameError, ("game", "symbols"), note="symbolic"),
        Case(correlated_equilibria, (PD, "nobody"), {}, ParameterError, ("objective", "welfare"), note="player"),
        Case(correlated_equilibria, (PD, [1, 2, 3]), {}, ParameterError, ("objective", "weights"), note="weights"),
        Case(correlated_equilibria, (PD, [1, float("nan")]), {}, ParameterError, ("objective[1]", "finite"),
             note="nan-weight"),
        Case(correlated_equilibria, (PD, 5), {}, ParameterError, ("objective",), note="index"),
        Case(correlated_equilibria, (PD,), {"coarse": None}, ParameterError, ("coarse", "True or False")),
        Case(correlated_equilibria, (PD,), {"vertices": 1}, ParameterError, ("vertices", "True or False")),
        Case(correlated_equilibria, (big,), {"vertices": True}, ParameterError, ("vertices", "64"), note="too-big"),
        Case(correlated_equilibria, (PD,), {"tol": -1}, ParameterError, ("tol",), note="tol"),
    ]


def _persuasion_cases():
    from cybergames import persuasion
    prior = {"innocent": Fraction(7, 10), "guilty": Fraction(3, 10)}
    actions = ["acquit", "convict"]
    payoff = lambda state, action: 1  # noqa: E731
    return [
        Case(persuasion, ({"innocent": Fraction(7, 10), "guilty": Fraction(2, 10)}, actions, payoff, payoff), {},
             ProbabilityError, ("prior", "sum to one"), note="prior-sum"),
        Case(persuasion, ({"innocent": Fraction(13, 10), "guilty": Fraction(-3, 10)}, actions, payoff, payoff), {},
             ProbabilityError, ("prior['guilty']", "probability"), note="prior-negative"),
        Case(persuasion, ([Fraction(1, 2), Fraction(1, 2)], actions, payoff, payoff), {},
             ProbabilityError, ("prior", "mapping"), note="prior-not-mapping"),
        Case(persuasion, ({"innocent": 0.7, "guilty": float("nan")}, actions, payoff, payoff), {},
             ProbabilityError, ("prior['guilty']", "finite"), note="prior-nan"),
        Case(persuasion, (prior, ["acquit", "acquit"], payoff, payoff), {}, SignallingGameError,
             ("actions", "unique"), note="actions"),
        Case(persuasion, (prior, actions, {("guilty", "convict"): 1}, payoff), {}, SignallingGameError,
             ("sender_payoff", "missing"), note="missing-payoff"),
        Case(persuasion, (prior, actions, payoff, lambda s, a: "high"), {}, SignallingGameError,
             ("receiver_payoff",), note="payoff-not-a-number"),
        Case(persuasion, (prior, actions, payoff, payoff), {"method": "simplex"}, ParameterError,
             ("method", "concavification"), note="method"),
        Case(persuasion, ({"a": Fraction(1, 3), "b": Fraction(1, 3), "c": Fraction(1, 3)}, actions, payoff, payoff),
             {"method": "concavification"}, ParameterError, ("method", "two states"), note="three-states"),
    ]


def _pivoting_cases():
    from cybergames import lemke_howson, lemke_howson_equilibria, public_goods
    return [
        Case(lemke_howson, ([[1, 0], [0, 1]],), {}, GameError, ("game", "NormalFormGame"), note="not-a-game"),
        Case(lemke_howson, (SYMBOLIC_PD,), {}, GameError, ("game", "symbols"), note="symbolic"),
        Case(lemke_howson, (public_goods(n=3),), {}, GameError, ("game", "two-player"), note="three-players"),
        Case(lemke_howson, (PD, 4), {}, ParameterError, ("label", "0 to 3"), note="label-range"),
        Case(lemke_howson, (PD, True), {}, ParameterError, ("label",), note="label-bool"),
        Case(lemke_howson, (PD, "C"), {}, ParameterError, ("label", "integer"), note="label-str"),
        Case(lemke_howson, (PD,), {"tol": 0}, ParameterError, ("tol",), note="tol"),
        Case(lemke_howson_equilibria, (public_goods(n=3),), {}, GameError, ("game", "two-player")),
    ]


ELIMINATION_CASES = _dominance_cases() + _correlated_cases() + _persuasion_cases() + _pivoting_cases()

CASES = GAMES_CASES + STRATEGY_CASES
CASES += EXTENSIVE_CASES
CASES += ELIMINATION_CASES
CASES += STOCHASTIC_CASES + BARGAINING_CASES
CASES += REPUTATION_CASES + BAYESIAN_CASES

# --- repeated: the game-level answers (folk conditions, best equilibrium, targeted retaliation)
from cybergames import (RepeatedGame, best_equilibrium, folk_theorem_conditions,  # noqa: E402
                        noisy_attribution, targeted_retaliation)
from cybergames.errors import AutomatonError, DiscountFactorError, MonitoringError  # noqa: E402

_ATTRIBUTION = RepeatedGame(PD, noisy_attribution(PD, Fraction(4, 5), Fraction(1, 10)))
_PERFECT_GRIM = __import__("cybergames").Automaton(
    ["c", "p"], "c", {"c": "C", "p": "D"},
    {(w, y): "p" for w in ("c", "p") for y in [("C", "C"), ("C", "D"), ("D", "C"), ("D", "D")]})
GAME_LEVEL_CASES = [
    Case(folk_theorem_conditions, (PD,), {}, MonitoringError, ("rg", "RepeatedGame"), note="not-a-game"),
    Case(folk_theorem_conditions, (RepeatedGame(SYMBOLIC_PD),), {}, GameError, ("rg", "numeric"),
         note="symbolic"),
    Case(folk_theorem_conditions, (_ATTRIBUTION,), {"tol": 2}, ParameterError, ("tol",), note="tol"),
    Case(best_equilibrium, (_ATTRIBUTION, 1), {"payoff_set": False}, DiscountFactorError, ("delta", "0 < delta < 1"),
         note="delta-one"),
    Case(best_equilibrium, (_ATTRIBUTION, 0), {"payoff_set": False}, DiscountFactorError, ("delta",),
         note="delta-zero"),
    Case(best_equilibrium, (_ATTRIBUTION, Fraction(9, 10)),
         {"candidates": [(_PERFECT_GRIM, _PERFECT_GRIM)], "payoff_set": False, "max_states": 0},
         AutomatonError, ("transition", "signal"), note="wrong-signals"),
    Case(best_equilibrium, (_ATTRIBUTION, Fraction(9, 10)), {"weights": (1, -1)}, ParameterError, ("weights",),
         note="weights"),
    Case(targeted_retaliation, (0, 1, 1), {}, AutomatonError, ("K", ">= 1"), note="K"),
    Case(targeted_retaliation, (1, -1, 1), {}, AutomatonError, ("L", ">= 0"), note="L"),
    Case(targeted_retaliation, (3, 1, 2), {}, AutomatonError, ("cap", ">= K"), note="cap"),
]
CASES = CASES + GAME_LEVEL_CASES

# --- repeated: issue 9's bad input, one row each (payoff sets, least delta, profiles over the wrong signals)
from cybergames import check_equilibrium, equilibrium_payoff_set, min_discount_factor_for_payoff  # noqa: E402

ISSUE_9_CASES = [
    Case(equilibrium_payoff_set, (_ATTRIBUTION, 1), {}, DiscountFactorError, ("delta", "0 <= delta < 1"),
         note="delta-one"),
    Case(equilibrium_payoff_set, (_ATTRIBUTION, Fraction(9, 10)), {"directions": 2}, ParameterError,
         ("directions", ">= 3"), note="directions"),
    Case(min_discount_factor_for_payoff, (RepeatedGame(PD), (5, 5)), {}, GameError, ("payoff", "feasible"),
         note="infeasible-payoff"),
    Case(min_discount_factor_for_payoff, (RepeatedGame(PD), (3, 3)), {"upper": 1}, DiscountFactorError,
         ("upper", "< 1"), note="upper-one"),
    Case(check_equilibrium, (_ATTRIBUTION, (_PERFECT_GRIM, _PERFECT_GRIM), Fraction(9, 10)), {}, AutomatonError,
         ("transition", "signal"), note="wrong-signals"),
]
CASES = CASES + ISSUE_9_CASES

# --- equilibria: logit quantal response equilibria and their fit
from cybergames import fit_logit, logit_branch, qre_at  # noqa: E402

QUANTAL_CASES = [
    Case(qre_at, (PD, -1), {}, ParameterError, ("lam", ">= 0"), note="negative"),
    Case(qre_at, (PD, float("nan")), {}, ParameterError, ("lam",), note="nan"),
    Case(qre_at, (SYMBOLIC_PD, 1), {}, GameError, ("game", "symbols"), note="symbolic"),
    Case(logit_branch, (PD,), {"max_lambda": -1}, ParameterError, ("max_lambda", ">= 0"), note="max-lambda"),
    Case(logit_branch, (PD,), {"max_regret": 2}, ParameterError, ("max_regret",), note="max-regret"),
    Case(fit_logit, (PD, [[1, -1], [1, 1]]), {}, ProbabilityError, ("data[0][1]", "non-negative"), note="negative"),
    Case(fit_logit, (PD, [[1, 1]]), {}, ProbabilityError, ("data", "per player"), note="players"),
    Case(fit_logit, (PD, [[0.5, 0.6], [0.5, 0.5]]), {"observations": 10}, ProbabilityError,
         ("data[0]", "frequencies"), note="not-frequencies"),
    Case(fit_logit, (PD, [[1, 1], [1, 1]]), {"observations": -3}, ParameterError, ("observations",),
         note="observations"),
]
CASES = CASES + QUANTAL_CASES


def _nplayer_cases():
    from cybergames import approximate_equilibria, support_enumeration
    return [
        Case(support_enumeration, ([[1, 0], [0, 1]],), {}, GameError, ("game", "NormalFormGame"), note="not-a-game"),
        Case(support_enumeration, (SYMBOLIC_PD,), {}, GameError, ("game", "symbols"), note="symbolic"),
        Case(support_enumeration, (PD,), {"tol": 0}, ParameterError, ("tol",), note="tol"),
        Case(support_enumeration, (NormalFormGame([np.zeros((13, 13))] * 2),), {}, GameError,
             ("game", "MAX_ENUMERATED_SUPPORTS"), note="too-large"),
        Case(approximate_equilibria, ([[1, 0], [0, 1]],), {}, GameError, ("game", "NormalFormGame"),
             note="not-a-game"),
        Case(approximate_equilibria, (PD,), {"starts": 0}, ParameterError, ("starts", "positive integer"),
             note="starts"),
        Case(approximate_equilibria, (PD,), {"seed": 0.5}, ParameterError, ("seed", "integer"), note="seed"),
        Case(approximate_equilibria, (PD,), {"seed": -1}, ParameterError, ("seed", "non-negative"),
             note="seed-negative"),
        Case(approximate_equilibria, (PD,), {"starts": 10**9}, ParameterError, ("starts", "1000"),
             note="starts-large"),
        Case(approximate_equilibria, (PD,), {"tol": 2}, ParameterError, ("tol",), note="tol"),
    ]


CASES = CASES + _nplayer_cases()

# --- security: Gordon-Loeb investment, Kunreuther-Heal interdependent security, Varian's games
def _security_cases():
    from cybergames.security import gordon_loeb, interdependent_security, security_game
    return [
        Case(gordon_loeb, (1, 8, 1), error=ProbabilityError, words=("v", "0 < v < 1"), note="v-one"),
        Case(gordon_loeb, (Fraction(1, 2), 0, 1), error=ParameterError, words=("L", "> 0"), note="L"),
        Case(gordon_loeb, (Fraction(1, 2), 8, -1.0), error=ParameterError, words=("alpha", "> 0"), note="alpha"),
        Case(gordon_loeb, (Fraction(1, 2), 8, 1), {"kind": 2}, ParameterError, ("kind",), note="kind"),
        Case(interdependent_security, (Fraction(6, 5), 0, 1, 1), error=ProbabilityError, words=("p",), note="p"),
        Case(interdependent_security, (0, 0, 1, -1), error=ParameterError, words=("c", ">= 0"), note="c"),
        Case(security_game, (2, range(2), abs, 1), {"technology": "sum"}, ParameterError, ("technology",),
             note="technology"),
        Case(security_game, (2, [0, 0], abs, 1), error=ParameterError, words=("efforts", "distinct"),
             note="repeated-effort"),
    ]


def _sharing_cases():
    from cybergames.security import information_sharing, reliability_games
    return [
        Case(reliability_games, ([1, 1], [1]), error=ParameterError, words=("values, costs", "same length"),
             note="lengths"),
        Case(reliability_games, ([1, 0], [1, 1]), error=ParameterError, words=("values[1]", "> 0"), note="value"),
        Case(information_sharing, (1, 0, 2, 0, 1), error=ParameterError, words=("leakage", "concave"),
             note="not-concave"),
        Case(information_sharing, (1, -1, 0, 0, 1), error=ParameterError, words=("substitution", ">= 0"),
             note="substitution"),
    ]


CASES = CASES + _sharing_cases()


CASES = CASES + _security_cases()


# --- contagion under random matching (Kandori 1992)
def _contagion_cases():
    from cybergames.repeated import contagion
    from cybergames.repeated.community import matching_transitions
    pd = prisoners_dilemma(T=5, R=3, P=1, S=0)
    return [
        Case(contagion, (pd, 5), error=ParameterError, words=("states", "even"), note="odd"),
        Case(contagion, (matching_pennies(), 4), error=GameError, words=("game", "symmetric"), note="asymmetric"),
        Case(matching_transitions, (4, 5), error=ParameterError, words=("marked",), note="marked"),
    ]


CASES = CASES + _contagion_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_raises_the_precise_error_naming_the_argument(case):
    with pytest.raises(CybergamesError) as info:
        case.function(*case.args, **case.kwargs)
    assert type(info.value) is case.error, f"expected {case.error.__name__}, got {type(info.value).__name__}"
    message = str(info.value)
    for word in case.words:
        assert word in message, f"{word!r} not in the message {message!r}"


def test_every_public_function_of_the_games_layer_has_a_row():
    import cybergames.games as games
    covered = {getattr(case.function, "__qualname__", "") for case in GAMES_CASES}
    for name in games.__all__:
        if isinstance(getattr(games, name), type) and issubclass(getattr(games, name), Warning):
            continue                          # a warning category, not a function
        assert name in covered, f"no bad-input row for {name}"
    methods = {"payoff", "player_index", "action_index", "profile_index", "expected_payoffs", "mixed_profile",
               "action_payoffs", "best_responses", "subs", "permute_actions", "permute_players",
               "transform_payoffs"}
    assert {f"NormalFormGame.{m}" for m in methods} <= covered


def test_every_strategy_of_the_module_has_a_row():
    # the strategies re-exported from the subpackages get rows in their subpackage's section
    covered = {case.function.__qualname__ for case in STRATEGY_CASES}
    for name in cs.__all__:
        value = getattr(cs, name)
        if callable(value) and not isinstance(value, type) and value.__module__ == "cybergames.strategies":
            assert f"strategies.{name}" in covered, f"no bad-input row for {name}"


# ============================================================================ generated junk
_x = sympy.Symbol("x")
scalars = st.one_of(
    st.integers(-5, 5), st.integers(min_value=10**300, max_value=10**400), st.floats(), st.fractions(),
    st.complex_numbers(), st.text(max_size=3), st.booleans(), st.none(), st.decimals(), st.binary(max_size=2),
    st.sampled_from([_x, sympy.oo, sympy.I, sympy.nan, _x + sympy.I, sympy.Rational(1, 3), np.float64("nan"),
                     np.int64(3), np.bool_(True), np.float32(2.5), sympy.Float(1.5), sympy.true, Ellipsis,
                     object()]),
)
arrays = hnp.arrays(st.sampled_from([np.float64, np.int64, np.bool_, np.complex128, np.uint8, "U2", object]),
                    hnp.array_shapes(min_dims=0, max_dims=3, max_side=3))
junk = st.recursive(scalars | arrays,
                    lambda children: st.lists(children, max_size=3) | st.tuples(children, children)
                    | st.dictionaries(st.text(max_size=2), children, max_size=2),
                    max_leaves=12)


@st.composite
def rectangular_junk(draw):
    """Payoff arrays of a consistent shape whose entries mix numbers and junk."""
    n = draw(st.integers(1, 3))
    shape = [draw(st.integers(1, 2)) for _ in range(n)]
    entry = scalars | st.integers(-3, 3) | st.floats(-3, 3)

    def fill(depth):
        if depth == n:
            return draw(entry)
        return [fill(depth + 1) for _ in range(shape[depth])]
    return [fill(0) for _ in range(n)]


CALLS = {
    "NormalFormGame": lambda a, b, c: NormalFormGame(a, actions=b, players=c),
    "NormalFormGame-payoffs": lambda a, b, c: NormalFormGame(a),
    "prisoners_dilemma": lambda a, b, c: prisoners_dilemma(a, b, c),
    "stag_hunt": lambda a, b, c: stag_hunt(T=b, R=a, P=c, S=a),
    "chicken": lambda a, b, c: chicken(T=a, S=b),
    "battle_of_the_sexes": lambda a, b, c: battle_of_the_sexes(a, b, c),
    "matching_pennies": lambda a, b, c: matching_pennies(a),
    "trust_game": lambda a, b, c: trust_game(a, b, c),
    "public_goods": lambda a, b, c: public_goods(a, b, c),
    "symmetric_game": lambda a, b, c: symmetric_game(a, b, c),
    "payoff": lambda a, b, c: PD.payoff(a, b),
    "expected_payoffs": lambda a, b, c: PD.expected_payoffs(a),
    "best_responses": lambda a, b, c: FLOAT_PD.best_responses(a, b),
    "subs": lambda a, b, c: SYMBOLIC_PD.subs(a, b),
    "subs-mapping": lambda a, b, c: SYMBOLIC_PD.subs({T: a, R: b}),
    "permute_actions": lambda a, b, c: PD.permute_actions(a, b),
    "permute_players": lambda a, b, c: PD.permute_players(a),
    "transform_payoffs": lambda a, b, c: FLOAT_PD.transform_payoffs(a, b, c),
    "is_prisoners_dilemma": lambda a, b, c: is_prisoners_dilemma(a, repeated=b, tol=c),
    "is_symmetric": lambda a, b, c: is_symmetric(PD, tol=a),
}
JUNK_SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def feed_junk(call):
    """Call ``call(a, b, c)`` on generated junk: a cybergames error or an answer, nothing else."""
    @JUNK_SETTINGS
    @given(junk | rectangular_junk(), junk, junk)
    def feed(a, b, c):
        try:
            call(a, b, c)
        except CybergamesError:
            pass                  # anything else fails the test
    feed()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_junk_raises_only_cybergames_errors(name):
    feed_junk(CALLS[name])


def test_every_public_function_of_reputation_and_bayesian_has_a_row():
    import inspect
    covered = {getattr(case.function, "__qualname__", "") for case in REPUTATION_CASES + BAYESIAN_CASES}
    for module in (_reputation, _bayesian):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or name == "BayesianGame":
                assert name in covered, f"no bad-input row for {name}"


# ============================================================================ dynamics
def _dynamics_cases():
    from cybergames.dynamics import (adaptive_play, asymmetric_replicator_dynamics, best_response_dynamics,
                                     fictitious_play, fixation_probability, kmr, logit_dynamics, moran_process,
                                     replicator_dynamics, simulate_fixation, stationary_distribution,
                                     stochastically_stable)
    hunt, pennies = stag_hunt(), matching_pennies()
    return [
        Case(replicator_dynamics, (chicken(),), {"horizon": -1}, ParameterError, ("horizon", "positive"),
             note="negative-horizon"),
        Case(replicator_dynamics, (pennies,), {}, GameError, ("game", "symmetric"), note="asymmetric-game"),
        Case(asymmetric_replicator_dynamics, (pennies,), {"step": -0.5}, ParameterError, ("step", "positive"),
             note="negative-step"),
        Case(best_response_dynamics, (pennies,), {"step": 2, "time": "discrete"}, ParameterError, ("step", "(0, 1]"),
             note="discrete-step"),
        Case(best_response_dynamics, (pennies, [[1, 1], [1, 0]]), {}, ProbabilityError, ("initial",),
             note="not-a-distribution"),
        Case(logit_dynamics, (pennies, -1), {}, ParameterError, ("beta", ">= 0"), note="negative-beta"),
        Case(fictitious_play, (pennies, 0), {}, ParameterError, ("rounds", ">= 1"), note="no-rounds"),
        Case(fictitious_play, (pennies, 5), {"noise": -1}, ParameterError, ("noise",), note="negative-noise"),
        Case(fixation_probability, (hunt, 1), {}, ParameterError, ("population", ">= 2"), note="population-1"),
        Case(fixation_probability, (hunt, 5), {"intensity": 2}, ParameterError, ("intensity", "[0, 1]"),
             note="intensity"),
        Case(moran_process, (hunt, 4, [2, 1]), {"intensity": 0.5}, ParameterError, ("initial", "summing"), note="counts"),
        Case(simulate_fixation, (hunt, 0), {}, ParameterError, ("population",), note="population-0"),
        Case(kmr, (hunt, 1), {}, ParameterError, ("population", ">= 2"), note="population-1"),
        Case(adaptive_play, (hunt, 2, 3), {}, ParameterError, ("sample",), note="sample-above-memory"),
        Case(stochastically_stable, (hunt,), {}, ParameterError, ("chain", "PerturbedChain"), note="not-a-chain"),
        Case(stationary_distribution, (kmr(hunt, 3), 0), {}, ProbabilityError, ("epsilon", "between 0 and 1"),
             note="epsilon-0"),
        Case(stationary_distribution, (kmr(hunt, 3), 1.5), {}, ProbabilityError, ("epsilon",), note="epsilon-above-1"),
    ]


DYNAMICS_CASES = _dynamics_cases()


@pytest.mark.parametrize("case", DYNAMICS_CASES, ids=[case.id for case in DYNAMICS_CASES])
def test_dynamics_bad_input_raises_the_precise_error_naming_the_argument(case):
    test_bad_input_raises_the_precise_error_naming_the_argument(case)


def test_every_public_function_of_the_dynamics_has_a_row():
    import inspect

    import cybergames.dynamics as dynamics
    covered = {getattr(case.function, "__qualname__", "") for case in DYNAMICS_CASES}
    for name in dynamics.__all__:
        if inspect.isfunction(getattr(dynamics, name)):
            assert name in covered, f"no bad-input row for {name}"


def test_equilibria_and_dynamics_raise_no_bare_arithmetic_errors():
    # a solver that cannot finish raises SolverError (a CybergamesError), never a bare ArithmeticError,
    # ZeroDivisionError or OverflowError of its own (issue 11)
    import pathlib
    import re
    root = pathlib.Path(__file__).resolve().parent.parent / "cybergames"
    bare = re.compile(r"raise (ArithmeticError|ZeroDivisionError|OverflowError|FloatingPointError)\(")
    found = [f"{path.name}:{number}" for package in ("equilibria", "dynamics")
             for path in sorted((root / package).glob("*.py"))
             for number, line in enumerate(path.read_text().splitlines(), 1) if bare.search(line)]
    assert not found, found
