"""Finite Bayesian games: equilibria by hand, and against a brute-force search of interim best responses."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bayesian import BayesianGame, bayesian_nash_equilibria
from cybergames.errors import GameError, ProbabilityError

HALF = Fraction(1, 2)


def meet_or_avoid(p=HALF):
    """Osborne (2004), An Introduction to Game Theory, ch. 9.2, the variant of BoS with imperfect information:
    player 2 wants to meet player 1 (type 'meet', prior p) or to avoid her (type 'avoid')."""
    def payoffs(t, a):
        same = a[0] == a[1]
        u1 = (2 if a[0] == "B" else 1) if same else 0
        if t[1] == "meet":
            u2 = (1 if a[0] == "B" else 2) if same else 0
        else:
            u2 = 0 if same else (2 if a[0] == "B" else 1)
        return (u1, u2)
    return BayesianGame([("x",), ("meet", "avoid")], {("x", "meet"): p, ("x", "avoid"): 1 - p},
                        [("B", "S"), ("B", "S")], payoffs)


def test_meet_or_avoid_pure_equilibrium_by_hand():
    # Osborne (2004), ch. 9.2: with p = 1/2, (B, (B, S)) is a Bayesian Nash equilibrium. By hand: type meet's best
    # response to B is B (1 > 0), type avoid's is S (2 > 0); player 1's B pays 1/2 * 2 = 1, S pays 1/2 * 1 = 1/2.
    pure = [eq for eq in bayesian_nash_equilibria(meet_or_avoid()) if eq.is_pure]
    profiles = [(eq.behaviour(0, "x")["B"], eq.behaviour(1, "meet")["B"], eq.behaviour(1, "avoid")["B"])
                for eq in pure]
    # The other seven pure profiles fail by hand: against (S, B) player 1's S pays 1/2 * 1 < B's 1/2 * 2; against
    # (B, B) or (S, S) one type of player 2 is not best-responding; against player 1's S the meet type wants S and
    # the avoid type B, and (S, (S, B)) fails as above. So the pure equilibrium is unique.
    assert profiles == [(1, 1, 0)]
    for eq in bayesian_nash_equilibria(meet_or_avoid()):
        assert verify(eq).ok and all(g == 0 for gains in eq.gains for g in gains)


def test_exact_in_exact_out_and_float_in_float_out():
    exact = bayesian_nash_equilibria(meet_or_avoid())
    approx = bayesian_nash_equilibria(meet_or_avoid(0.5))
    assert all(isinstance(x, (int, Fraction)) for eq in exact for s in eq.strategies for m in s for x in m)
    assert len(exact) == len(approx)


def brute_force_pure(game):
    """Every pure per-type profile whose every type best-responds on its own posterior."""
    n = game.num_players
    maps = [list(itertools.product(*([game.actions[i]] * len(game.types[i])))) for i in range(n)]
    prior = dict(game.prior)
    found = []
    for profile in itertools.product(*maps):
        ok = True
        for i in range(n):
            for k, t in enumerate(game.types[i]):
                def value(action):
                    total = 0
                    for theta, p in prior.items():
                        if theta[i] != t:
                            continue
                        a = tuple(action if j == i else profile[j][game.types[j].index(theta[j])] for j in range(n))
                        total += p * game.payoffs[(theta, a)][i]
                    return total
                if value(profile[i][k]) < max(value(x) for x in game.actions[i]):
                    ok = False
        if ok:
            found.append(tuple(tuple(tuple(1 if x == a else 0 for x in game.actions[i]) for a in profile[i])
                               for i in range(n)))
    return found


@st.composite
def bayesian_games(draw):
    types = [tuple(f"t{i}{k}" for k in range(draw(st.integers(1, 2)))) for i in range(2)]
    actions = [tuple(f"a{i}{k}" for k in range(2)) for i in range(2)]
    profiles = list(itertools.product(*types))
    weights = [draw(st.integers(1, 5)) for _ in profiles]
    prior = {p: Fraction(w, sum(weights)) for p, w in zip(profiles, weights)}
    table = {(t, a): (draw(st.integers(-3, 3)), draw(st.integers(-3, 3)))
             for t in profiles for a in itertools.product(*actions)}
    return BayesianGame(types, prior, actions, table)


@settings(max_examples=40, deadline=None)
@given(bayesian_games())
def test_pure_equilibria_match_brute_force_and_all_verify(game):
    equilibria = bayesian_nash_equilibria(game)
    assert equilibria, "every finite two-player game has an equilibrium"
    assert {eq.strategies for eq in equilibria if eq.is_pure} == set(brute_force_pure(game))
    for eq in equilibria:
        assert verify(eq).ok


def test_bad_input():
    with pytest.raises(ProbabilityError, match="probability 0"):
        BayesianGame([("x",), ("a", "b")], {("x", "a"): 1}, [("L",), ("L",)], lambda t, a: (0, 0))
    with pytest.raises(ProbabilityError, match="summing to 1"):
        BayesianGame([("x",), ("a",)], {("x", "a"): HALF}, [("L",), ("L",)], lambda t, a: (0, 0))
    with pytest.raises(GameError, match="one number per player"):
        BayesianGame([("x",), ("a",)], {("x", "a"): 1}, [("L",), ("L",)], lambda t, a: (0,))
    with pytest.raises(GameError, match="game"):
        bayesian_nash_equilibria("not a game")
