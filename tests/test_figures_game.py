"""The game's region beside the named profile's, on the same axes (cybergames.figures.game_region).

The interests model plots, over both states' discount factors, where its named profile (the joint
grim trigger on disclosure) is an equilibrium; the game's answer adds where mutual disclosure in
every period is an equilibrium outcome under any strategies. Checked on the figure's artists and
labels, not on pixels.
"""

from __future__ import annotations

from fractions import Fraction

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import QuadMesh  # noqa: E402

from cybergames.figures import model_figure  # noqa: E402
from cybergames.models import InterestsModel, JurisdictionModel  # noqa: E402

GAME = "the game, any strategy (exact): disclosure for ever"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _labels(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def _hatched(ax):
    return next(c for c in ax.collections if c.get_gid() == GAME)


def test_the_interests_figure_shows_the_profiles_region_and_the_games():
    ax = model_figure(InterestsModel()).axes[0]
    labels = _labels(ax)
    assert "both states keep disclosing (joint grim trigger)" in labels and GAME in labels
    assert any(isinstance(c, QuadMesh) for c in ax.collections)       # the profile's cells, drawn first
    hatched = _hatched(ax)
    assert list(hatched.hatches) == ["//"]
    # The hatched set is {delta_1 >= 3/4, delta_2 >= 1/4}: g_i / l_i with g = (3, 1), l = (4, 4), by hand
    # (each state's gain from stockpiling over its loss when the other stockpiles; the stage equilibrium holds
    # it to its minmax). Its outline's vertices lie on those two lines or on the plot's edges.
    outline = np.concatenate([p.vertices for p in hatched.get_paths()])
    assert outline[:, 0].min() == pytest.approx(0.75, abs=0.01) and outline[:, 1].min() == pytest.approx(0.25, abs=0.01)


def test_the_games_region_is_drawn_only_where_it_is_certified():
    # g_1 = 5 > l_1 = 4: state 1's minmax g_1 - l_1 = 1 is above mutual disclosure's 0, so no discount factor
    # below one makes it an equilibrium outcome; there is no game region to draw (and none is claimed).
    ax = model_figure(InterestsModel(gain_1=5)).axes[0]
    assert GAME not in _labels(ax)
    assert not any(c.get_gid() == GAME for c in ax.collections)


def test_with_linkage_the_games_region_moves_with_the_profiles():
    # L_1 = 1: delta_1 >= 3/(4 + 1) = 3/5, by hand (see tests/models/test_game_paths.py).
    ax = model_figure(InterestsModel(linkage_1=1)).axes[0]
    outline = np.concatenate([p.vertices for p in _hatched(ax).get_paths()])
    assert outline[:, 0].min() == pytest.approx(float(Fraction(3, 5)), abs=0.01)


PROSECUTION = "the game, any strategy (exact): prosecution for ever"


def test_the_jurisdiction_figure_hatches_where_the_game_answer_certifies_prosecution():
    ax = model_figure(JurisdictionModel()).axes[0]
    assert {"the host prosecutes (trigger on detection)", PROSECUTION} <= set(_labels(ax))
    hatched = next(c for c in ax.collections if c.get_gid() == PROSECUTION)
    paths = hatched.get_paths()
    # Second method: the game answer at each sampled (pi, s), computed on its own. At the defaults (v, c_p, b =
    # 4, 1, 2; delta = 4/5) prosecution needs 4/5 (3 + pi (s + 1)) >= 3, i.e. pi (s + 1) >= 3/4, by hand: at
    # (1/5, 2) 3/5 < 3/4 (outside), at (1/2, 2) 3/2 (inside), at (9/10, 1/2) 27/20 (inside), at (1/10, 5) 3/5
    # (outside). Sanctions inside the plot, not on its lower edge.
    checked = 0
    for pi in (Fraction(1, 10), Fraction(1, 5), Fraction(1, 2), Fraction(9, 10)):
        for s in (Fraction(1, 2), 2, 5):
            lower = JurisdictionModel(enforcement=pi, sanction=s).game_answer().bracket.lower
            if abs(lower - Fraction(4, 5)) < Fraction(1, 50):
                continue                                          # too near the boundary for a drawn outline
            inside = any(p.contains_point((float(pi), float(s))) for p in paths)
            assert inside == (lower <= Fraction(4, 5)), (pi, s)
            assert inside == (pi * (s + 1) >= Fraction(3, 4))
            checked += 1
    assert checked >= 8


def test_with_false_accusations_the_jurisdiction_figure_draws_no_game_region():
    # r > 0: the least delta is not computed (the on-path signal is noisy), so nothing is drawn or claimed.
    ax = model_figure(JurisdictionModel(false_accusation=Fraction(1, 20))).axes[0]
    assert PROSECUTION not in _labels(ax)


# ------------------------------------------------------------------ information sharing and multimarket contact
HOUSE = "the game with a clearing house, any strategy (exact)"
OUTER = "the game without one: no sharing outside (outer bound)"
BOTH = "the game, any strategy (exact): both issues for ever"


def _paths(ax, label):
    return next(c for c in ax.collections if c.get_gid() == label).get_paths()


def test_the_information_figure_hatches_the_games_regions_from_certified_answers():
    from cybergames.models import InformationSharingModel
    from cybergames.models._game_path import path_threshold

    model = InformationSharingModel()
    ax = model_figure(model).axes[0]
    assert {"sharing sustained with a clearing house", HOUSE, OUTER} <= set(_labels(ax))
    house, outer = _paths(ax, HOUSE), _paths(ax, OUTER)
    # Second method for the clearing house at n = 2: the library's certified least delta of the path "both
    # share for ever" (minmax bound below, reversion to no sharing above) is exact, and equals grim trigger's
    # threshold: the game's region is the profile's because no sharing is each state's minmax value 0.
    found = path_threshold(model.replace(n=2).clearing_house_game())
    assert found.exact and found.lower == model.replace(n=2).clearing_house_threshold() == Fraction(1, 2)
    checked = 0
    for n in (3, 5, 8, 12):
        variant = model.replace(n=n)
        least, lower = variant.clearing_house_threshold(), variant.status_quo_lower_bound()
        for delta in (0.6, 0.65, 0.7, 0.75, 0.8, 0.9):
            if abs(delta - float(least)) > 0.01:
                assert any(p.contains_point((n, delta)) for p in house) == (delta >= least), (n, delta)
                checked += 1
            if abs(delta - float(lower)) > 0.01:
                assert any(p.contains_point((n, delta)) for p in outer) == (delta >= lower), (n, delta)
    assert checked >= 15


def test_the_multimarket_figure_hatches_the_games_region_computed_by_the_library():
    from cybergames.models import MultimarketContactModel
    from cybergames.models._game_path import path_threshold
    from cybergames.repeated import RepeatedGame

    model = MultimarketContactModel()
    ax = model_figure(model).axes[0]
    assert {"both issues cooperative when linked", BOTH} <= set(_labels(ax))
    paths = _paths(ax, BOTH)
    checked = 0
    for T_2 in (Fraction(7, 2), 4, 5, Fraction(13, 2)):
        variant = model.replace(T_2=T_2)
        # Second method: the library's certified least delta for cooperation on both issues in every period of
        # the linked game (any strategies); exact, and equal to the joint grim trigger's, whose punishment
        # (defection on both) holds each state to its minmax P_1 + P_2.
        found = path_threshold(RepeatedGame(variant.linked_game()))
        assert found.exact and found.lower == variant.pooled_threshold()
        for delta in (0.2, 0.3, 0.4, 0.5, 0.6, 0.8):
            if abs(delta - float(found.lower)) > 0.01:
                assert any(p.contains_point((delta, float(T_2))) for p in paths) == (delta >= found.lower)
                checked += 1
    assert checked >= 15


# ------------------------------------------------------------------ capacity, norms and attribution
def test_the_capacity_figure_hatches_where_the_games_answer_certifies_both_invest():
    from cybergames.figures import CAPACITY_GAME
    from cybergames.models import CapacityModel
    from cybergames.models._game_path import path_threshold

    model = CapacityModel()
    ax = model_figure(model).axes[0]
    assert {"cooperation sustainable for both", CAPACITY_GAME} <= set(_labels(ax))
    paths = _paths(ax, CAPACITY_GAME)
    # Second method: the model's own game answer (min_discount_factor_for_payoff on the cooperative payoff, an
    # extreme point) and the path bounds, at each sampled (c_2, tau), against the drawn region at delta = 3/5.
    # By hand at b, c_1 = 4, 5: both invest for ever iff 12/5 >= 1 + tau and 12/5 >= c_2 - tau - 4, i.e.
    # tau <= 7/5 and c_2 <= 32/5 + tau: (6, 1/10) inside, (7, 1/10) outside (the defaults need tau_min = 3/5),
    # (7, 1) inside, (11/2, 2) outside (the capable state pays too much). Transfers inside the plot, not on its
    # lower edge.
    checked = 0
    for c_2 in (Fraction(11, 2), 6, 7, 8):
        for tau in (Fraction(1, 10), Fraction(1, 2), 1, 2):
            variant = model.replace(cost_weak=c_2, transfer=tau)
            found = path_threshold(variant.repeated_game())
            bracket = variant.analyse().game.bracket
            assert found.exact and (bracket.exact and bracket.lower == found.lower or not bracket.found)
            if abs(found.lower - model.delta) < Fraction(1, 40):
                continue                                          # too near the boundary for a drawn outline
            inside = any(p.contains_point((float(c_2), float(tau))) for p in paths)
            assert inside == (found.lower <= model.delta), (c_2, tau)
            assert inside == (tau <= Fraction(7, 5) and c_2 <= Fraction(32, 5) + tau)
            checked += 1
    assert checked >= 12


def test_the_norms_figure_hatches_the_whole_domain_the_game_sustains_the_norm_at_every_delta():
    from cybergames.figures import NORMS_GAME
    from cybergames.models import NormsModel

    model = NormsModel()
    ax = model_figure(model).axes[0]
    assert {"the committed states tip the norm", NORMS_GAME} <= set(_labels(ax))
    paths = _paths(ax, NORMS_GAME)
    # Second method: the model's game answer at each sampled (S, a): all follow is a stage equilibrium (R > T),
    # so the least delta is 0, exactly, whatever the coalition; the drawn region covers every such point, also
    # where the coalition does not tip the norm (a = 1, 3; tipping needs a >= 7(2 - S)/(3 - S), by hand). Rows
    # inside the plot, not on its lower edge (a = 0).
    for S in (-3, -1, 0, Fraction(3, 2)):
        for a in (1, 3, 7):
            answer = model.replace(S=S, adopters=a).game_answer()
            assert answer.bracket.exact and answer.bracket.lower == 0 and answer.bracket.found
            assert any(p.contains_point((float(S), a)) for p in paths), (S, a)


def test_the_attribution_figure_states_what_is_certified_about_r_and_r():
    from cybergames.figures import ATTRIBUTION_NOTE
    from cybergames.models import AttributionModel
    from cybergames.repeated import min_discount_factor_for_payoff

    model = AttributionModel()
    ax = model_figure(model).axes[0]
    labels = _labels(ax)
    assert ATTRIBUTION_NOTE in labels and "deterrence holds (retaliation\nafter any blame)" in labels
    assert not any("impossible" in label for label in labels)
    # Second method: the library's bracket of the least delta for (R, R) at r = 1/10 > 0: none below one.
    bracket = min_discount_factor_for_payoff(model.repeated_game(), (model.R, model.R))
    assert not bracket.found and bracket.lower == 1


def test_the_attribution_figure_hatches_the_games_outer_bound_computed_by_hand():
    from cybergames.figures import ATTRIBUTION_OUTER
    from cybergames.models import AttributionModel

    # delta = 4/5 at Axelrod's payoffs, by hand (tests/models/test_attribution_regions.py): g = 1 and the spread
    # of a state's equilibrium payoffs is 13/3 - 1 = 10/3, so a state restrains in some equilibrium only if
    # (1/5) 1 <= (4/5) |q - r| (10/3), i.e. |q - r| >= 3/40: outside that, mutual attack is the only equilibrium.
    model = AttributionModel(delta=Fraction(4, 5))
    ax = model_figure(model).axes[0]
    assert ATTRIBUTION_OUTER in _labels(ax)
    paths = _paths(ax, ATTRIBUTION_OUTER)
    checked = 0
    for q in (Fraction(1, 20), Fraction(1, 10), Fraction(3, 20), Fraction(1, 5), Fraction(1, 2), Fraction(9, 10)):
        for r in (Fraction(1, 20), Fraction(1, 10), Fraction(1, 5)):
            gap = abs(q - r)
            if abs(gap - Fraction(3, 40)) < Fraction(1, 100):
                continue                                          # too near the boundary for a drawn outline
            by_hand = Fraction(1, 5) <= Fraction(4, 5) * gap * Fraction(10, 3)
            bound = model.replace(detect=q, false_flag=r).restraint_lower_bound()
            assert by_hand == (model.delta >= bound)
            assert any(p.contains_point((float(q), float(r))) for p in paths) == by_hand, (q, r)
            checked += 1
    assert checked >= 14


def test_the_attribution_figure_hatches_the_screened_inner_region_at_its_grid_points():
    from cybergames.figures import ATTRIBUTION_INNER_EXACT, INNER_GRID
    from cybergames.models import AttributionModel
    from cybergames.models._attribution_regions import targeted_screen
    from cybergames.models._sharing_punishment import reduced_check
    from cybergames.models.attribution import TARGETED_GRID

    model = AttributionModel()
    ax = model_figure(model).axes[0]
    assert ATTRIBUTION_INNER_EXACT in _labels(ax)                 # confirmed exactly at the model's point
    paths = _paths(ax, ATTRIBUTION_INNER_EXACT)
    # The drawn region is the screen's verdict: at a grid point the contour at level 1/2 passes half a cell away,
    # so the point is inside the hatch iff the screen holds there.
    (x_low, x_high), (y_low, y_high) = ax.get_xlim(), ax.get_ylim()
    xs = np.linspace(max(x_low, 0.0), min(x_high, 1.0), INNER_GRID)
    ys = np.linspace(max(y_low, 0.0), min(y_high, 1.0), INNER_GRID)
    inside = outside = 0
    for i in range(3, INNER_GRID, 6):
        for j in range(3, INNER_GRID, 6):
            q, r = xs[i], ys[j]
            holds = bool(targeted_screen(model, q, r)[0])
            assert any(p.contains_point((q, r)) for p in paths) == holds, (q, r)
            # Second method at the same point: the reduction in exact arithmetic (the float's own value as a
            # Fraction), every automaton of the family; it is compared with check_equilibrium in
            # tests/models/test_attribution_regions.py.
            Q, R_ = Fraction(q), Fraction(r)
            exact = any(gain <= 0 and value > model.P for value, gain in
                        (reduced_check(2, (3, 5, 0, 5, 1, 3), Q, R_, K, L, K + extra, war, model.delta)
                         for K, L, extra, war in TARGETED_GRID))
            assert exact == holds, (q, r)
            inside, outside = inside + holds, outside + (not holds)
    assert inside >= 3 and outside >= 3


def test_the_attribution_figures_regions_are_nested():
    from cybergames.figures import ATTRIBUTION_INNER_EXACT, ATTRIBUTION_OUTER
    from cybergames.models import AttributionModel
    from cybergames.models._attribution_regions import targeted_screen

    # Every explicit equilibrium restrains, so the screened inner region and the profile's region lie inside
    # the outer bound; at the model's point all three hold.
    model = AttributionModel()
    ax = model_figure(model).axes[0]
    outer, inner = _paths(ax, ATTRIBUTION_OUTER), _paths(ax, ATTRIBUTION_INNER_EXACT)
    point = (float(model.detect), float(model.false_flag))
    assert any(p.contains_point(point) for p in outer) and any(p.contains_point(point) for p in inner)
    qs, rs = np.meshgrid(np.linspace(0, 1, 41), np.linspace(0, 0.3, 31))
    holds, _ = targeted_screen(model, qs, rs)
    gap = np.abs(qs - rs)
    assert np.all(gap[holds] * 0.9 * 10 / 3 >= 0.1 - 1e-12)          # (1 - delta) g <= delta |q - r| (10/3)
    from cybergames.sweep import vectorize
    profile = vectorize(model.region_condition(free=("detect", "false_flag")))(detect=qs, false_flag=rs)
    assert profile.any() and np.all(gap[profile] * 0.9 * 10 / 3 >= 0.1 - 1e-12)


def test_without_false_flags_the_attribution_figure_makes_no_claim_about_r_and_r():
    from cybergames.figures import ATTRIBUTION_NOTE
    from cybergames.models import AttributionModel

    # r = 0: restraint is never blamed, the vertex certificate does not apply, so nothing is claimed.
    ax = model_figure(AttributionModel(false_flag=0)).axes[0]
    assert ATTRIBUTION_NOTE not in _labels(ax)


def test_where_the_screen_finds_nothing_the_attribution_figure_says_so_without_a_claim():
    from cybergames.figures import ATTRIBUTION_INNER, ATTRIBUTION_INNER_EXACT, ATTRIBUTION_INNER_NONE
    from cybergames.models import AttributionModel

    # delta = 1/4 is below the outer bound 3/10 at the model's point (tests/models/test_attribution_regions.py),
    # and the family's automata need far more patience anywhere on the plot: nothing is hatched as inner, and the
    # legend says that this certifies nothing about other strategies.
    ax = model_figure(AttributionModel(delta=Fraction(1, 4))).axes[0]
    labels = _labels(ax)
    assert ATTRIBUTION_INNER_NONE in labels and ATTRIBUTION_INNER not in labels
    assert ATTRIBUTION_INNER_EXACT not in labels
    assert not any(len(p.vertices) for p in _paths(ax, ATTRIBUTION_INNER_NONE))
