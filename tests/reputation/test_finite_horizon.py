"""Finitely repeated games: Benoit–Krishna cooperation until the end, checked by hand and by brute force."""

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, matching_pennies, prisoners_dilemma, verify
from cybergames.errors import GameError, ParameterError
from cybergames.reputation import (benoit_krishna_condition, finite_horizon_equilibria, is_subgame_perfect_path,
                                   last_sustainable_period, subgame_perfect_paths)

# A prisoner's dilemma with a third action R: (D, D) = 1 and (R, R) = 3 are stage equilibria, (C, C) = 4 is not.
LABELS = [("C", "D", "R"), ("C", "D", "R")]
BK = NormalFormGame([[[4, 0, 0], [5, 1, 0], [0, 0, 3]], [[4, 5, 0], [0, 1, 0], [0, 0, 3]]], actions=LABELS)


def test_cooperation_is_sustained_until_the_last_period():
    # Benoit & Krishna (1985), Econometrica 53(4), sec. 2 (the kind of example of their fig. 1); Fudenberg & Tirole
    # (1991), ch. 5.1.2. By hand: in the last period a stage equilibrium is played. Play (C, C) in periods 1..T-1 and
    # (R, R) in T; a deviator is punished with (D, D) for the rest of the game. In period T-1 deviating gains
    # 5 - 4 = 1 and loses 3 - 1 = 2 next period: no deviation. Earlier, each extra period of (C, C) instead of
    # (D, D) adds 3 more to the loss. So (C, C) can be played up to T - 1 and not in T.
    for T in (2, 3, 5):
        result = last_sustainable_period(BK, T, ("C", "C"))
        assert result.last_period == T - 1
        assert result.path == (("C", "C"),) * (T - 1) + (("R", "R"),)
        assert all(x >= 0 for row in result.slack for x in row)
        assert verify(result).ok
    assert benoit_krishna_condition(BK, ("C", "C"), ("R", "R"), [("D", "D"), ("D", "D")]) is True


def test_a_unique_stage_equilibrium_unravels():
    # Fudenberg & Tirole (1991), ch. 5.1.2: with a unique stage equilibrium the only SPE plays it in every period.
    pd = prisoners_dilemma(5, 3, 1, 0)
    assert last_sustainable_period(pd, 4, ("C", "C")).last_period == 0
    assert subgame_perfect_paths(pd, 3) == ((("D", "D"),) * 3,)


def test_a_small_reward_cannot_sustain_cooperation():
    # Reward (R, R) = 3/2: switching costs 3/2 - 1 = 1/2 < 1, the gain; no construction sustains (C, C) in T-1.
    # Deviating in period T-2 would lose 2 * 1/2 = 1 >= 1 (two later periods of reward)... but the path must
    # then play (C, C) in T-1 too, so by hand the answer is 0 periods only if T - 1 periods of slack are missing:
    # at T = 3, (C, C) in period 1 then (R, R), (R, R): deviating gains 1, loses 2 * (3/2 - 1) = 1. Holds (equality).
    weak = NormalFormGame([[[4, 0, 0], [5, 1, 0], [0, 0, Fraction(3, 2)]], [[4, 5, 0], [0, 1, 0], [0, 0, Fraction(3, 2)]]],
                          actions=LABELS)
    assert benoit_krishna_condition(weak, ("C", "C"), ("R", "R"), [("D", "D"), ("D", "D")]) is False
    assert last_sustainable_period(weak, 3, ("C", "C")).last_period == 1
    assert last_sustainable_period(weak, 2, ("C", "C")).last_period == 0


def test_symbolic_condition_matches_the_numeric_answer():
    g, r = sympy.symbols("g r", positive=True)
    game = NormalFormGame([[[4, 0, 0], [4 + g, 1, 0], [0, 0, r]], [[4, 4 + g, 0], [0, 1, 0], [0, 0, r]]],
                          actions=LABELS)
    condition = benoit_krishna_condition(game, ("C", "C"), ("R", "R"), [("D", "D"), ("D", "D")])
    for gv, rv in [(1, 3), (2, 3), (3, 3), (Fraction(1, 2), Fraction(3, 2))]:
        holds = bool(condition.subs({g: gv, r: rv}))
        assert holds == (last_sustainable_period(game.subs({g: gv, r: rv}), 4, ("C", "C")).last_period == 3)


def brute_force_paths(game, T):
    """Pure SPE paths by the definition: no player gains by deviating once and being held to its worst SPE."""
    profiles = list(game.profiles())
    n = game.num_players
    u = {a: game.payoff(a) for a in profiles}
    dev = {a: tuple(max(u[a[:i] + (x,) + a[i + 1:]][i] for x in game.actions[i]) for i in range(n))
           for a in profiles}
    worst = {0: (0,) * n}
    paths = {0: [()]}
    for k in range(1, T + 1):
        good = [p for p in itertools.product(profiles, repeat=k)
                if all(dev[p[s]][i] + worst[k - s - 1][i] <= sum(u[x][i] for x in p[s:])
                       for s in range(k) for i in range(n))]
        paths[k] = good
        worst[k] = tuple(min(sum(u[x][i] for x in p) for p in good) for i in range(n)) if good else None
        if not good:
            return []
    return paths[T]


small_games = st.tuples(st.integers(2, 3), st.integers(2, 3)).flatmap(
    lambda shape: st.lists(st.integers(-3, 3), min_size=2 * shape[0] * shape[1], max_size=2 * shape[0] * shape[1])
    .map(lambda xs, s=shape: NormalFormGame([[xs[i * s[1]:(i + 1) * s[1]] for i in range(s[0])],
                                             [xs[s[0] * s[1] + i * s[1]:s[0] * s[1] + (i + 1) * s[1]]
                                              for i in range(s[0])]])))


@settings(max_examples=40)
@given(small_games, st.integers(1, 3))
def test_every_subgame_perfect_path_is_found_and_no_other(game, T):
    expected = brute_force_paths(game, T)
    if not expected:
        with pytest.raises(GameError):
            subgame_perfect_paths(game, T)
        return
    found = subgame_perfect_paths(game, T)
    assert set(found) == set(expected)
    solution = finite_horizon_equilibria(game, T)
    for path in found[:5]:
        assert is_subgame_perfect_path(solution, path)


@settings(max_examples=30)
@given(small_games, st.integers(1, 3))
def test_last_sustainable_period_is_the_longest_prefix_among_all_paths(game, T):
    expected = brute_force_paths(game, T)
    if not expected:
        return
    a = expected[0][0]
    longest = max(next((t for t in range(T) if p[t] != a), T) for p in expected)
    result = last_sustainable_period(game, T, a)
    assert result.last_period == longest
    assert verify(result).ok


def test_bad_input():
    with pytest.raises(ParameterError, match="horizon"):
        finite_horizon_equilibria(BK, 0)
    with pytest.raises(GameError, match="stage"):
        finite_horizon_equilibria(prisoners_dilemma(*sympy.symbols("T R P S")), 2)
    with pytest.raises(GameError, match="pure Nash"):
        finite_horizon_equilibria(matching_pennies(), 2)
    with pytest.raises(GameError, match="profile"):
        last_sustainable_period(BK, 3, ("C", "X"))
    with pytest.raises(ParameterError, match="limit"):
        subgame_perfect_paths(BK, 3, limit=5)
    with pytest.raises(ParameterError, match="mixed"):
        finite_horizon_equilibria(BK, 2, mixed="yes")


def test_a_shortened_last_period_fails_verification():
    from dataclasses import replace
    result = last_sustainable_period(BK, 3, ("C", "C"))
    short = replace(result, last_period=1, path=(("C", "C"), ("R", "R"), ("R", "R")))
    assert verify(result).ok and not verify(short).ok


# ---------------------------------------------------------------- mixed stage equilibria as continuations
def _bk_game(gain):
    return NormalFormGame([[[4, 0, 0], [4 + gain, 1, 0], [0, 0, 3]], [[4, 4 + gain, 0], [0, 1, 0], [0, 0, 3]]],
                          actions=LABELS)


def test_a_mixed_stage_equilibrium_punishes_harder_and_sustains_cooperation_longer():
    # Benoit & Krishna (1985), sec. 2: rewards and punishments are stage equilibria, mixed ones included.
    # By hand: besides (D, D) = 1 and (R, R) = 3 the stage game has the mixed equilibrium 3/4 D + 1/4 R for both
    # (D against it: 3/4 * 1 = 3/4; R: 1/4 * 3 = 3/4; C: 0), worth 3/4 < 1. With a deviation gain of 11/5 in
    # (C, C): in period T-1 the pure punishment loses 3 - 1 = 2 < 11/5 (fails), the mixed one 3 - 3/4 = 9/4 >= 11/5
    # (holds). In period T-2 the pure one loses 2 * 2 = 4 >= 11/5. So T = 4: pure until period 2, mixed until 3.
    game = _bk_game(Fraction(11, 5))
    pure = last_sustainable_period(game, 4, ("C", "C"))
    mixed = last_sustainable_period(game, 4, ("C", "C"), mixed=True)
    assert pure.last_period == 2 and mixed.last_period == 3
    assert mixed.solution.worst[1] == (Fraction(3, 4), Fraction(3, 4))
    (eq,) = mixed.solution.stage_equilibria
    assert eq.strategies == ((0, Fraction(3, 4), Fraction(1, 4)), (0, Fraction(3, 4), Fraction(1, 4)))
    assert verify(pure).ok and verify(mixed).ok


def test_a_game_without_pure_equilibria_has_mixed_subgame_perfect_paths():
    # Matching pennies: the only stage equilibrium is (1/2, 1/2) each, worth 0 (by hand), played every period.
    paths = subgame_perfect_paths(matching_pennies(), 3, mixed=True)
    assert len(paths) == 1 and all(x.payoffs == (0, 0) for x in paths[0])
    solution = finite_horizon_equilibria(matching_pennies(), 3, mixed=True)
    assert solution.payoffs[3] == ((0, 0),)
    assert is_subgame_perfect_path(solution, paths[0])


def brute_force_paths_with(game, T, extras):
    """SPE paths of the mixed class by the definition, from the payoff table: options are pure profiles and extras."""
    profiles = list(game.profiles())
    n = game.num_players
    u = {a: tuple(game.payoff(a)) for a in profiles}
    dev = {a: tuple(max(u[a[:i] + (x,) + a[i + 1:]][i] for x in game.actions[i]) for i in range(n))
           for a in profiles}
    for e in extras:                       # two players: expected payoffs and best pure replies, by hand
        x, y = e.strategies
        A = [[u[(r, c)][0] for c in game.actions[1]] for r in game.actions[0]]
        B = [[u[(r, c)][1] for c in game.actions[1]] for r in game.actions[0]]
        row = [sum(A[i][j] * y[j] for j in range(len(y))) for i in range(len(x))]
        col = [sum(B[i][j] * x[i] for i in range(len(x))) for j in range(len(y))]
        u[e] = (sum(p * v for p, v in zip(x, row)), sum(q * v for q, v in zip(y, col)))
        dev[e] = (max(row), max(col))
    options = profiles + list(extras)
    worst = {0: (0,) * n}
    for k in range(1, T + 1):
        good = [p for p in itertools.product(options, repeat=k)
                if all(dev[p[s]][i] + worst[k - s - 1][i] <= sum(u[x][i] for x in p[s:])
                       for s in range(k) for i in range(n))]
        if not good:
            return []
        worst[k] = tuple(min(sum(u[x][i] for x in p) for p in good) for i in range(n))
    return good


@settings(max_examples=30, deadline=None)
@given(small_games, st.integers(1, 3))
def test_mixed_class_paths_match_the_definition_and_extend_the_pure_ones(game, T):
    solution = finite_horizon_equilibria(game, T, mixed=True)
    expected = brute_force_paths_with(game, T, solution.stage_equilibria)
    found = subgame_perfect_paths(game, T, mixed=True, limit=10 ** 6)
    assert set(found) == set(expected)
    pure = brute_force_paths(game, T)
    if pure:
        # harsher punishments: every pure SPE path stays one, and no player's worst payoff rises
        assert set(pure) <= set(found)
        pure_solution = finite_horizon_equilibria(game, T)
        assert all(m <= p for m, p in zip(solution.worst[T], pure_solution.worst[T]))
        a = pure[0][0]
        assert last_sustainable_period(game, T, a, mixed=True).last_period >= \
            last_sustainable_period(game, T, a).last_period
