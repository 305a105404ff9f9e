"""Varian's total-effort, weakest-link and best-shot games with heterogeneous agents (reliability_games).

The reliability P(G) = G(2 - G) is chosen in cybergames/security/reliability.py so that the answers are rational;
the closed forms are derived there, the qualitative statements (who free-rides, who provides, the orderings) are
Varian's (2004). Each expected value is derived by hand in the comment, and checked a second way: by the enumerated
game of security_game (verify), and by brute force over a fine exact grid written out here.
"""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.security import reliability_games

FINE = [Fraction(k, 40) for k in range(0, 41)]


def payoff(v, c, level, effort):
    reliability = level * (2 - level) if level <= 1 else 1
    return v * reliability - c * effort


def test_defaults_who_provides_and_who_free_rides():
    # v = (1, 1), c = (1/2, 1): ratios 1/2, 1; x* = 1 - r/2 = 3/4, 1/2. Total effort: (3/4, 0) - state 2
    # free-rides. Weakest link: common levels up to 1/2. Best shot: state 1 at 3/4, and state 2 at 1/2 since
    # (3/4)^2 = 9/16 <= (1/2)(3/2) = 3/4. Optima: 1 - (1/2)/4 = 7/8 (cheaper state alone), 1 - (3/2)/4 = 5/8.
    g = reliability_games([1, 1], [Fraction(1, 2), 1])
    assert g.standalone == (Fraction(3, 4), Fraction(1, 2))
    assert g.total_effort.equilibria == ((Fraction(3, 4), 0),)
    assert g.weakest_link.equilibria == ((0, 0), (Fraction(1, 2), Fraction(1, 2))) and g.weakest_link.continuum
    assert g.best_shot.equilibria == ((Fraction(3, 4), 0), (0, Fraction(1, 2))) and g.perverse
    assert (g.total_effort.optimal_level, g.weakest_link.optimal_level, g.best_shot.optimal_level) == \
        (Fraction(7, 8), Fraction(5, 8), Fraction(7, 8))
    # Welfare by hand: total effort 2 P(3/4) - (1/2)(3/4) = 2 (15/16) - 3/8 = 3/2.
    assert g.total_effort.welfare == (Fraction(3, 2),)
    assert verify(g).ok


def test_disparity_leaves_one_best_shot_provider():
    # c_1 = 1/5: x_1* = 9/10 and (9/10)^2 = 81/100 > (1/2)(3/2) = 3/4: state 2 providing is no equilibrium.
    g = reliability_games([1, 1], [Fraction(1, 5), 1])
    assert g.providers == (0,) and not g.perverse
    # Brute force: state 1 would rather provide its own 9/10 than free-ride on state 2's 1/2.
    assert max(payoff(1, Fraction(1, 5), y, y) for y in FINE) > payoff(1, Fraction(1, 5), Fraction(1, 2), 0)
    assert verify(g).ok


def test_equal_capacities_give_the_continuum_of_total_effort_splits():
    # c = (1, 1): both x* = 1/2; total effort: any split of 1/2; best shot: either provides.
    g = reliability_games([1, 1], [1, 1])
    assert g.total_effort.continuum and g.total_effort.equilibria == ((Fraction(1, 2), 0), (0, Fraction(1, 2)))
    assert g.providers == (0, 1) and not g.perverse
    assert verify(g).ok


def test_nobody_works_when_no_first_unit_pays_yet_the_pair_would():
    # c = (3, 3) >= 2 v: x* = 0; but the pair values 2: optimum 1 - 3/4 = 1/4 by one state.
    g = reliability_games([1, 1], [3, 3])
    assert g.standalone == (0, 0) and g.providers == ()
    assert g.best_shot.equilibria == ((0, 0),) and g.best_shot.optimal_level == Fraction(1, 4)
    assert verify(g).ok


def test_three_agents_and_floats():
    g = reliability_games([1, 2, 3], [Fraction(1, 2), 1, Fraction(5, 2)])
    # ratios 1/2, 1/2, 5/6: x* = 3/4, 3/4, 7/12; the two most capable tie under total effort.
    assert g.standalone == (Fraction(3, 4), Fraction(3, 4), Fraction(7, 12)) and g.total_effort.continuum
    assert verify(g).ok
    f = reliability_games([1.0, 2.0], [0.5, 1.5])
    assert isinstance(f.weakest_link.best_level, float) and f.weakest_link.best_level == pytest.approx(0.625)
    assert verify(f).ok


def test_a_wrong_claim_fails_verification():
    from dataclasses import replace
    g = reliability_games([1, 1], [Fraction(1, 5), 1])
    wrong = replace(g, providers=(0, 1), best_shot=replace(g.best_shot, equilibria=g.best_shot.equilibria
                                                           + ((0, Fraction(1, 2)),)))
    assert not verify(wrong).ok
    assert not verify(replace(g, weakest_link=replace(g.weakest_link, optimal_welfare=2))).ok


@pytest.mark.parametrize("values, costs, word", [
    ([1], [1], "values"), ([1, 1], [1], "values"), ([1, 0], [1, 1], "values[1]"), ([1, 1], [1, -1], "costs[1]"),
    ("ab", [1, 1], "values"), ([1] * 5, [1] * 5, "MAX_AGENTS"),
])
def test_bad_input_names_the_argument(values, costs, word):
    with pytest.raises(ParameterError, match=word.replace("[", r"\[")):
        reliability_games(values, costs)


amounts = st.fractions(min_value=Fraction(1, 8), max_value=3, max_denominator=8)


@settings(max_examples=40)          # each example verifies exactly (sympy / enumeration): slow
@given(st.lists(amounts, min_size=2, max_size=3), st.data())
def test_varians_orderings_and_who_provides(values, data):
    costs = data.draw(st.lists(amounts, min_size=len(values), max_size=len(values)))
    g = reliability_games(values, costs)
    te, wl, bs = g.total_effort, g.weakest_link, g.best_shot
    # Orderings: weakest link lowest; total effort = the best shot's best equilibrium; each below its optimum.
    assert wl.best_level <= te.best_level == bs.best_level <= te.optimal_level == bs.optimal_level
    assert wl.best_level <= wl.optimal_level <= te.optimal_level
    best_ratio = min(g.ratios)
    # Total effort: only lowest-ratio agents work (the others free-ride).
    for profile in te.equilibria:
        assert all(x == 0 or g.ratios[i] == best_ratio for i, x in enumerate(profile))
    # Weakest link: the highest ratio sets the level.
    assert wl.best_level == max(0, 1 - max(g.ratios) / 2)
    # Best shot: a lowest-ratio agent always provides (when anyone would work at all).
    if te.best_level > 0:
        assert any(g.ratios[i] == best_ratio for i in g.providers)
    assert verify(g).ok


@given(amounts, amounts, amounts)
def test_a_listed_best_shot_provider_survives_brute_force_deviations(c1, c2, v2):
    # Second method, independent of security_game: on a fine exact grid, the free rider never gains by working.
    g = reliability_games([1, v2], [c1, c2])
    for i in g.providers:
        j = 1 - i
        x = g.standalone[i]
        v, c = (1, c1) if j == 0 else (v2, c2)
        stay = payoff(v, c, x, 0)
        assert all(payoff(v, c, max(x, y), y) <= stay for y in FINE)


@given(amounts, amounts, st.fractions(min_value=Fraction(1, 16), max_value=Fraction(15, 16), max_denominator=16))
def test_capacity_building_for_the_weaker_state(c1, c2, cut):
    # Lowering state 2's cost never lowers weakest-link security; under total effort it changes nothing while
    # state 2 stays strictly less capable.
    before = reliability_games([1, 1], [c1, c2])
    after = reliability_games([1, 1], [c1, c2 * (1 - cut)])
    assert after.weakest_link.best_level >= before.weakest_link.best_level
    if c2 * (1 - cut) > c1:
        assert after.total_effort.best_level == before.total_effort.best_level
