"""Varian's (2004) security games: free riding, weakest link and best shot on small grids."""

from fractions import Fraction
from itertools import accumulate

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.security import security_game


def stepped(marginals):
    """A benefit with the given marginal benefit of each unit of security: b(G) = sum of the first G."""
    levels = [0, *accumulate(marginals)]
    return lambda G: levels[min(G, len(marginals))]


def test_total_effort_free_riding():
    # Varian (2004), "System reliability and free riding" (total effort). Three agents, efforts 0..3,
    # marginal benefits 3, 1, 1 for the first three units of G, unit cost 2. By hand: an agent alone adds the
    # first unit (3 > 2) but no more (1 < 2), so the equilibria are the profiles with total 1; welfare
    # 3 b(G) - 2G is 0, 7, 8, 9, 7 for G = 0..4, so the optimum has total 3 (> 1).
    g = security_game(3, range(4), stepped([3, 1, 1]), 2)
    assert set(g.equilibrium_efforts) == {(1, 0, 0), (0, 1, 0), (0, 0, 1)}
    assert {sum(p) for p in g.optimum_efforts} == {3} and g.optimal_welfare == 9
    assert max(sum(p) for p in g.equilibrium_efforts) < min(sum(p) for p in g.optimum_efforts)
    assert verify(g)


def test_weakest_link_common_levels_up_to_the_lowest_individual_optimum():
    # Varian (2004) (weakest link). Marginal benefits 5, 3, 1, costs 2, 4, 1/2: alone, the agents
    # would choose 2, 1 and 3 (units whose marginal benefit beats the cost). By hand, (1, 1, 1) holds (dropping
    # loses 5 > any cost; raising buys nothing), (2, 2, 2) fails (agent 2 saves 4 > 3), and an agent above the
    # minimum pays for nothing; so the equilibria are the common levels 0 and 1 = min(2, 1, 3).
    g = security_game(3, range(4), stepped([5, 3, 1]), (2, 4, Fraction(1, 2)), technology="weakest_link")
    assert g.equilibrium_efforts == ((0, 0, 0), (1, 1, 1))
    assert verify(g)


def test_best_shot_one_agent_provides():
    # Varian (2004) (best shot). Two agents, efforts 0..2, marginal benefits 3, 3, unit costs 1 and 2.
    # By hand: G = max; either agent alone goes to 2 (3 > 2 and 3 > 1), the other free rides, so (2, 0) and
    # (0, 2) are the equilibria; welfare 2 b(2) - cost is 12 - 2 = 10 with the cheap agent providing.
    g = security_game(2, range(3), stepped([3, 3]), (1, 2), technology="best_shot")
    assert set(g.equilibrium_efforts) == {(2, 0), (0, 2)}
    assert g.optimum_efforts == ((2, 0),) and g.optimal_welfare == 10
    assert verify(g)


def test_floats_give_a_float_game():
    g = security_game(2, [0.0, 1.0], lambda G: 3.0 * G, 1.0, technology="best_shot")
    assert g.game.kind == "float" and isinstance(g.optimal_welfare, float)
    assert verify(g)


decreasing_marginals = st.lists(st.integers(1, 10), min_size=1, max_size=3, unique=True).map(
    lambda xs: sorted(xs, reverse=True))


@given(st.integers(1, 3), decreasing_marginals, st.lists(st.integers(1, 10), min_size=3, max_size=3))
def test_best_shot_at_most_one_agent_exerts_effort(n, marginals, costs):
    g = security_game(n, range(len(marginals) + 1), stepped(marginals), costs[:n], technology="best_shot")
    assert all(sum(1 for e in profile if e > 0) <= 1 for profile in g.equilibrium_efforts)


@given(st.integers(2, 3), decreasing_marginals, st.lists(st.integers(1, 10), min_size=3, max_size=3))
def test_weakest_link_equilibria_are_the_common_levels_up_to_the_lowest_optimum(n, marginals, costs):
    # With n >= 2 no agent can raise the minimum alone (n = 1 is a plain optimisation). Each agent's largest lone optimum, by brute force over the grid; ties count as optimal.
    grid = range(len(marginals) + 1)
    b = stepped(marginals)
    lone = [max(x for x in grid if b(x) - c * x == max(b(y) - c * y for y in grid)) for c in costs[:n]]
    g = security_game(n, grid, b, costs[:n], technology="weakest_link")
    assert set(g.equilibrium_efforts) == {(x,) * n for x in grid if x <= min(lone)}


@given(st.integers(2, 3), decreasing_marginals, st.integers(1, 10))
def test_total_effort_equilibria_do_not_exceed_the_optimum(n, marginals, cost):
    # Identical agents, concave benefit: the marginal unit is bought in equilibrium only if b' >= c, and
    # socially whenever n b' >= c, so no equilibrium total exceeds the largest optimal total.
    g = security_game(n, range(len(marginals) + 1), stepped(marginals), cost)
    assert max(sum(p) for p in g.equilibrium_efforts) <= max(sum(p) for p in g.optimum_efforts)


@pytest.mark.parametrize("args, kwargs, word", [
    ((0, range(2), abs, 1), {}, "n"),
    ((2, [], abs, 1), {}, "efforts"),
    ((2, [1, 1], abs, 1), {}, "efforts"),
    ((2, [-1, 1], abs, 1), {}, "efforts"),
    ((2, range(2), 3, 1), {}, "benefit"),
    ((2, range(2), abs, -1), {}, "cost"),
    ((2, range(2), abs, (1, 2, 3)), {}, "cost"),
    ((2, range(2), abs, 1), {"technology": "average"}, "technology"),
    ((30, range(2), abs, 1), {}, "MAX_PROFILES"),
])
def test_bad_input(args, kwargs, word):
    with pytest.raises(ParameterError, match=word):
        security_game(*args, **kwargs)
