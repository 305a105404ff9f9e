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


# --- best shot: equilibria in which both agents mix -----------------------------------------------------------
# The characterisation (ladders of alternating efforts, module rules 1-7) is derived in
# cybergames/security/reliability.py; no source is quoted for it. The checks below are independent of that algebra:
# each agent's expected payoff against the other's lottery is evaluated directly on a grid.

def _expected(v, c, effort, lottery):
    """Best-shot payoff of working ``effort`` against the other's lottery [(effort, probability)], in floats."""
    return sum(q * v * min(1.0, max(effort, y) * (2 - max(effort, y))) for y, q in lottery) - c * effort


def _gain(values, costs, supports, probabilities, step=2000):
    """Brute force: the most any agent gains by a reply on a grid of step 1/step, and the support's misfit."""
    gain, misfit = -1.0, 0.0
    for k in (0, 1):
        other = [(float(y), float(q)) for y, q in zip(supports[1 - k], probabilities[1 - k])]
        v, c = float(values[k]), float(costs[k])
        on = [_expected(v, c, float(x), other) for x in supports[k]]
        own = max(0.0, 1 - c / (2 * v))              # the reply above every other effort, exactly
        best = max(_expected(v, c, x, other) for x in [t / step for t in range(step + 1)] + [own])
        gain = max(gain, best - max(on))
        misfit = max(misfit, max(on) - min(on))
    return gain, misfit


def _alone(values, costs):
    return tuple(max(0.0, 1 - (c / v) / 2) if isinstance(v, float) else max(0, 1 - Fraction(c, v) / 2)
                 for v, c in zip(values, costs))


def test_no_two_mixer_equilibrium_at_the_defaults():
    # v = (1, 1), c = (1/2, 1): x* = (3/4, 1/2). Module rule 6: state 1 on top with n = 3 needs rho < r_1/r_2 = 1/2,
    # i.e. 4 (1/2)^3 = 1/2 > r_1 (1 + 1/4) = 5/8, false; state 2 on top already fails at n = 2: rho^2 = 1/3 and
    # (t - s)^2 = (1/2 - 1/4)^2 = 1/16 > s t (1 - rho)^2/rho = (1/8)(1 - 0.5774)^2/0.5774 ~ 0.0387.
    from cybergames.security.reliability import best_shot_ladder_limits, best_shot_two_mixers

    alone = (Fraction(3, 4), Fraction(1, 2))
    assert best_shot_two_mixers((1, 1), (Fraction(1, 2), 1), alone, max_support=3) == ()
    assert best_shot_ladder_limits((1, 1), (Fraction(1, 2), 1), alone) == (2, 0)
    # A second method: the three-level candidates of rule 6 (one per top state) each lose to a reply on a grid of
    # step 1/2000 or need a negative probability.
    from cybergames.security.reliability import _ladder
    for top in (0, 1):
        e = _ladder(3, top, (1.0, 1.0), (0.5, 1.0), (0.75, 0.5))
        negative = min(min(float(p) for p in side) for side in e.probabilities) <= 0
        gain, _ = _gain((1, 1), (0.5, 1), e.supports, e.probabilities)
        assert negative or gain > 1e-6


def test_max_support_must_be_an_integer_of_at_least_two():
    from cybergames.security.reliability import best_shot_two_mixers

    for bad in (1, 2.0, True, "2"):
        with pytest.raises(ParameterError, match="max_support"):
            best_shot_two_mixers((1, 1), (1, 1), (Fraction(1, 2), Fraction(1, 2)), max_support=bad)


def test_equal_ratios_have_ladders_of_every_length_and_floats_give_floats():
    # r_1 = r_2 = 1: rule 6's (a) and (b) never bind, so every n is an equilibrium (limits None); with three
    # efforts each, n = 3, 4, 5 for each top state. Floats in, floats out, and the same numbers.
    from cybergames.security.reliability import best_shot_ladder_limits, best_shot_two_mixers

    exact = best_shot_two_mixers((1, 2), (1, 2), (Fraction(1, 2), Fraction(1, 2)), max_support=3)
    floats = best_shot_two_mixers((1.0, 2.0), (1.0, 2.0), (0.5, 0.5), max_support=3)
    assert best_shot_ladder_limits((1, 2), (1, 2), (Fraction(1, 2), Fraction(1, 2))) == (None, None)
    assert [(e.levels, e.top) for e in exact] == [(3, 0), (4, 0), (5, 0), (3, 1), (4, 1), (5, 1)]
    assert all(isinstance(x, float) for e in floats for side in e.supports + e.probabilities for x in side)
    for a, b in zip(exact, floats):
        assert all(abs(float(x) - y) < 1e-12 for sx, sy in zip(a.supports, b.supports) for x, y in zip(sx, sy))
        gain, misfit = _gain((1, 2), (1, 2), a.supports, a.probabilities)
        assert gain <= 1e-9 and misfit <= 1e-12


positive = st.fractions(min_value=Fraction(1, 8), max_value=3, max_denominator=8)


@settings(max_examples=25, deadline=None)
@given(positive, positive, positive, positive)
def test_each_two_mixer_equilibrium_survives_brute_force_and_swapping_the_agents(v1, v2, c1, c2):
    from cybergames.security.reliability import best_shot_mixed, best_shot_two_mixers, best_shot_ladder_limits

    alone = _alone((v1, v2), (c1, c2))
    found = best_shot_two_mixers((v1, v2), (c1, c2), alone, max_support=3)
    for e in found:
        gain, misfit = _gain((v1, v2), (c1, c2), e.supports, e.probabilities)
        assert gain <= 1e-9 and misfit <= 1e-9
        assert all(float(p) > 0 for side in e.probabilities for p in side)
        assert all(abs(sum(float(p) for p in side) - 1) < 1e-12 for side in e.probabilities)
        assert all(len(side) <= 3 for side in e.supports) and all(len(side) >= 2 for side in e.supports)
    swapped = best_shot_two_mixers((v2, v1), (c2, c1), alone[::-1], max_support=3)
    assert sorted((e.levels, 1 - e.top) for e in found) == sorted((e.levels, e.top) for e in swapped)
    mirror = {(e.levels, 1 - e.top): e for e in swapped}
    for e in found:
        twin = mirror[(e.levels, e.top)]
        assert all(abs(float(x) - float(y)) < 1e-12 for a, b in zip(e.supports, twin.supports[::-1])
                   for x, y in zip(a, b))
        assert all(abs(float(x) - float(y)) < 1e-12 for x, y in zip(e.payoffs, twin.payoffs[::-1]))
    # n = 2 of rule 6 is best_shot_mixed (the other method): a ladder topped by T reaches n = 2 iff T mixes there
    limits = best_shot_ladder_limits((v1, v2), (c1, c2), alone)
    mixers = {m.mixer for m in best_shot_mixed((v1, v2), (c1, c2), alone)}
    assert mixers == {k for k in (0, 1) if limits[k] is None or limits[k] >= 2}
    assert verify(reliability_games((v1, v2), (c1, c2))).ok


@settings(max_examples=30, deadline=None)
@given(st.floats(0.2, 3), st.floats(0.2, 3), st.floats(0.1, 3), st.floats(0.1, 3))
def test_the_ladder_limits_agree_with_a_brute_force_check_of_each_candidate(v1, v2, c1, c2):
    # Every candidate n = 2..10 (module rule 6) is checked on a grid: it is an equilibrium (no reply gains,
    # every probability positive) exactly for n up to the limit, with a margin against grid and rounding error.
    from cybergames.security.reliability import _ladder, best_shot_ladder_limits

    alone = _alone((v1, v2), (c1, c2))
    if min(alone) <= 0:
        return
    limits = best_shot_ladder_limits((v1, v2), (c1, c2), alone)
    for top in (0, 1):
        for n in range(2, 11):
            e = _ladder(n, top, (v1, v2), (c1, c2), alone)
            smallest = min(min(float(p) for p in side) for side in e.probabilities)
            gain, _ = _gain((v1, v2), (c1, c2), e.supports, e.probabilities, step=1000)
            claimed = limits[top] is None or n <= limits[top]
            if claimed:
                assert smallest > 0 and gain <= 1e-9
            elif smallest > 1e-6:                 # clearly positive masses: then a reply must gain
                assert gain > 0


def test_equal_ratios_admit_the_continuous_equilibrium_the_module_states():
    # Module rule 5: r_1 = r_2 = r = 1 (v = 1, c = 1, x* = 1/2): F(x) = r/(2(1 - x)) on [0, 1/2], an atom 1/2 at 0
    # and density 1/(2(1 - x)^2), is an equilibrium. Checked here by quadrature (midpoint rule, 20000 cells):
    # the payoff E[P(max(x, X))] - x is the same at every x in [0, 1/2] and lower above.
    cells = 20000
    width = 0.5 / cells
    lottery = [(0.0, 0.5)] + [((k + 0.5) * width, width / (2 * (1 - (k + 0.5) * width) ** 2)) for k in range(cells)]
    assert abs(sum(q for _, q in lottery) - 1) < 1e-8          # F(1/2) = 1/(2 * 1/2) = 1
    level = [_expected(1.0, 1.0, x, lottery) for x in (0.0, 0.1, 0.25, 0.4, 0.5)]
    assert max(level) - min(level) < 1e-6
    assert all(_expected(1.0, 1.0, x, lottery) < level[0] - 1e-4 for x in (0.6, 0.75, 1.0))
