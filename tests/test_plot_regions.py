"""Tests of the region maps and discount-factor figures (cybergames.plot)."""

from __future__ import annotations

import re
import sys
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.collections import QuadMesh
from matplotlib.figure import Figure

from cybergames import (RepeatedGame, grim_trigger, limited_punishment, prisoners_dilemma,
                        sustainable_discount_factors, tit_for_tat)
from cybergames.plot import plot_delta_sets, plot_region
from cybergames.errors import ParameterError

T, R, P, DELTA = sympy.symbols("T R P delta")
GRIM = DELTA >= (T - R) / (T - P)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def cells(fig):
    """The shaded cells of a region map: (values, mask) of its first QuadMesh, rows along y."""
    mesh = next(c for c in fig.axes[0].collections if isinstance(c, QuadMesh))
    array = mesh.get_array()
    return np.asarray(array.data), np.ma.getmaskarray(array)


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


# ------------------------------------------------------------------ plot_region
def test_region_cells_are_the_condition_at_each_grid_point():
    # Grim trigger holds iff delta >= (T - R)/(T - P) (Friedman 1971; Axelrod 1984, ch. 1):
    # evaluated here by hand with numpy on the same grid, cell by cell.
    rs = np.linspace(1.5, 4.5, 31)
    deltas = np.linspace(0, 0.99, 23)
    fig = plot_region(GRIM, ("R", rs), ("delta", deltas), fixed={"T": 5, "P": 1})
    values, mask = cells(fig)
    expected = deltas[:, None] >= (5 - rs[None, :]) / 4
    assert values.shape == (23, 31)
    assert not mask.any()
    assert np.array_equal(values == 1, expected)


def test_region_on_a_linear_range_and_in_exact_values():
    fig = plot_region(GRIM, ("R", 2, 4), ("delta", Fraction(0), Fraction(9, 10)),
                      fixed={"T": Fraction(5), "P": 1}, resolution=11)
    values, _ = cells(fig)
    rs, deltas = np.linspace(2, 4, 11), np.linspace(0, 0.9, 11)
    assert np.array_equal(values == 1, deltas[:, None] >= (5 - rs[None, :]) / 4)


def test_region_of_a_logical_combination():
    x, y = sympy.symbols("x y")
    condition = sympy.Or(sympy.And(x >= 0.5, y >= 0.5), x + y <= 0.25)
    xs = ys = np.linspace(0, 1, 9)
    values, _ = cells(plot_region(condition, ("x", xs), ("y", ys)))
    X, Y = np.meshgrid(xs, ys)
    assert np.array_equal(values == 1, ((X >= 0.5) & (Y >= 0.5)) | (X + Y <= 0.25))


def test_labels_legend_and_title_say_what_is_shown():
    fig = plot_region(GRIM, ("R", 1.5, 4.5), ("delta", 0, 0.99), fixed={"T": 5, "P": 1},
                      label="grim trigger is an equilibrium", resolution=21)
    ax = fig.axes[0]
    assert isinstance(fig, Figure)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("R", r"$\delta$")
    assert legend_texts(ax) == ["grim trigger is an equilibrium", "not sustainable", "boundary"]
    assert ax.get_title() == "Where grim trigger is an equilibrium: $\\delta$ against R\n(at T = 5, P = 1)"


def test_a_closed_form_boundary_is_drawn_from_the_formula_not_as_a_staircase():
    # Grim trigger's boundary delta = (T - R)/(T - P) = (5 - R)/4 (Friedman 1971): a straight line in (R, delta).
    fig = plot_region(GRIM, ("R", 1.5, 4.5), ("delta", 0, 0.99), fixed={"T": 5, "P": 1}, resolution=21)
    ax = fig.axes[0]
    lines = [path.vertices for c in ax.collections if hasattr(c, "get_paths") and not isinstance(c, QuadMesh)
             and c.get_linewidth().size and c.get_facecolor().size == 0 for path in c.get_paths()]
    vertices = np.concatenate([v for v in lines if len(v)])
    assert len(vertices) >= 10
    # On a 21 x 21 grid a staircase strays by up to a cell (0.05 in delta); the formula's line does not.
    assert np.abs(vertices[:, 1] - (5 - vertices[:, 0]) / 4).max() < 1e-9


def test_custom_labels_point_and_limits():
    fig = plot_region(GRIM, ("R", [2, 3, 4]), ("delta", [0.1, 0.5, 0.9]), fixed={"T": 5, "P": 1},
                      xlabel="reward R", ylabel="discount factor", title="Grim trigger", point=(3, 0.6),
                      point_label="Axelrod's payoffs")
    ax = fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("reward R", "discount factor", "Grim trigger")
    assert "Axelrod's payoffs" in legend_texts(ax)
    star = next(line for line in ax.lines if line.get_label() == "Axelrod's payoffs")
    assert (list(star.get_xdata()), list(star.get_ydata())) == ([3.0], [0.6])
    assert ax.get_xlim() == pytest.approx((1.5, 4.5))      # cells are centred on the grid values
    assert ax.get_ylim() == pytest.approx((-0.1, 1.1))


def test_point_as_a_mapping():
    fig = plot_region(GRIM, ("R", [2, 3, 4]), ("delta", [0.1, 0.5, 0.9]), fixed={"T": 5, "P": 1},
                      point={"R": 2, "delta": Fraction(1, 2)})
    star = next(line for line in fig.axes[0].lines if line.get_label() == "parameters analysed")
    assert list(star.get_ydata()) == [0.5]


def test_valid_masks_the_cells_outside_the_model():
    x, y = sympy.symbols("x y")
    xs = ys = np.linspace(0, 1, 11)
    fig = plot_region(x >= 0.5, ("x", xs), ("y", ys), valid=y < x)
    values, mask = cells(fig)
    X, Y = np.meshgrid(xs, ys)
    assert np.array_equal(mask, ~(Y < X))
    assert np.array_equal(values[~mask] == 1, (X >= 0.5)[~mask])
    assert "outside the model's assumptions" in legend_texts(fig.axes[0])


def test_vary_draws_one_boundary_per_value():
    # At T, R, P = 5, 3, 1 the threshold is 1/2; at T = 4 it is 1/3, at T = 9 it is 3/4 (by hand).
    fig = plot_region(GRIM, ("P", [0, 0.5, 1, 1.5, 2]), ("delta", 0, 0.99), fixed={"T": 5, "R": 3},
                      vary=("T", [4, Fraction(9)]), resolution=51)
    texts = legend_texts(fig.axes[0])
    assert "boundary at T = 4" in texts and "boundary at T = 9" in texts


def test_vary_says_when_a_region_is_everywhere_or_nowhere():
    x, a = sympy.symbols("x a")
    fig = plot_region(x <= a, ("x", 0, 1), ("y", 0, 1), fixed={"a": 0.5}, vary=("a", [2, -1]), resolution=5)
    texts = legend_texts(fig.axes[0])
    assert "boundary at a = 2 (holds everywhere)" in texts
    assert "boundary at a = -1 (holds nowhere)" in texts


def test_regions_drawn_on_one_axes_share_a_legend():
    fig = Figure()
    ax = fig.add_subplot()
    x, y = sympy.symbols("x y")
    grid = (("x", 0, 1), ("y", 0, 1))
    assert plot_region(x + y >= 0.5, *grid, ax=ax, label="easy", color="tab:orange", resolution=11) is fig
    plot_region(x + y >= 1.5, *grid, ax=ax, label="hard", fill_outside=False, alpha=0.9, resolution=11)
    texts = legend_texts(ax)
    assert texts.count("not sustainable") == 1 and texts.count("boundary") == 1
    assert "easy" in texts and "hard" in texts


def test_a_non_relational_expression_holds_where_positive():
    x, y = sympy.symbols("x y")
    values, _ = cells(plot_region(x - y, ("x", [0, 1, 2]), ("y", [0, 1, 2])))
    assert np.array_equal(values == 1, np.array([[0, 1, 1], [0, 0, 1], [0, 0, 0]], dtype=bool))


def test_region_does_not_change_its_inputs():
    xs = np.linspace(0, 1, 5)
    fixed = {"T": 5, "P": 1}
    plot_region(GRIM, ("R", [2, 3]), ("delta", xs), fixed=fixed)
    assert fixed == {"T": 5, "P": 1} and np.array_equal(xs, np.linspace(0, 1, 5))


@pytest.mark.parametrize("kwargs, words", [
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5}}, "['P']"),
    ({"x": "R", "y": ("delta", 0, 1)}, "x: expected (name, values)"),
    ({"x": ("R", 4, 2), "y": ("delta", 0, 1)}, "low < high"),
    ({"x": ("R", [3]), "y": ("delta", 0, 1)}, "at least two values"),
    ({"x": ("R", [3, 2]), "y": ("delta", 0, 1)}, "increasing"),
    ({"x": ("R", "ab"), "y": ("delta", 0, 1)}, "sequence of values"),
    ({"x": ("R", 2, 4), "y": ("R", 0, 1)}, "two different parameters"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"R": 3, "T": 5, "P": 1}}, "are axes"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "resolution": 1}, "resolution"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "vary": ("R", [1])}, "is an axis"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "vary": "T"}, "vary"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "vary": ("T", "45")}, "vary"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "vary": ("Q", [1])}, "fixed="),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": float("nan")}}, "fixed['P']"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "ax": "axes"}, "ax: expected"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "point": (1, 2, 3)}, "point"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "point": {"R": 3}}, "point"),
    ({"x": ("R", 2, 4), "y": ("delta", 0, 1), "fixed": {"T": 5, "P": 1}, "point": (3, "x")}, "point"),
])
def test_bad_arguments_are_refused_clearly(kwargs, words):
    with pytest.raises(ParameterError, match=re.escape(words)):
        plot_region(GRIM, **kwargs)


def test_a_condition_must_be_a_sympy_relation():
    with pytest.raises(ParameterError, match="condition"):
        plot_region("delta >= 1/2", ("R", 2, 4), ("delta", 0, 1))


def test_values_breaking_a_symbols_assumptions_are_refused():
    q = sympy.Symbol("q", nonnegative=True)
    with pytest.raises(ParameterError, match="q"):
        plot_region(q >= 0.5, ("q", -1, 1), ("y", 0, 1))


def test_missing_matplotlib_is_an_import_error_that_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"pip install 'cybergames\[plot\]'"):
        plot_region(GRIM, ("R", 2, 4), ("delta", 0, 1), fixed={"T": 5, "P": 1})


# -------------------------------------------------------------- plot_delta_sets
def rows(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def test_delta_sets_of_grim_trigger_and_tit_for_tat():
    # T, R, P, S = 4, 3, 1, 0: grim trigger needs delta >= (T - R)/(T - P) = 1/3. Tit-for-tat is
    # subgame perfect iff delta = (T - R)/(R - S) = (P - S)/(T - P) (one-shot deviations after (C, D)
    # and after (D, D) give the reverse inequalities), here 1/3 = 1/3: a single point.
    rg = RepeatedGame(prisoners_dilemma(4, 3, 1, 0))
    found = {"grim trigger": sustainable_discount_factors(rg, (grim_trigger(),) * 2),
             "tit-for-tat": sustainable_discount_factors(rg, (tit_for_tat(),) * 2)}
    fig = plot_delta_sets(found)
    ax = fig.axes[0]
    assert rows(ax) == ["grim trigger", "tit-for-tat"]
    bar = next(line for line in ax.lines if line.get_label() == "sustainable discount factors")
    assert list(bar.get_xdata()) == pytest.approx([1 / 3, 1]) and list(bar.get_ydata()) == [0, 0]
    point = next(line for line in ax.lines if line.get_label() == "sustainable at a single discount factor")
    assert list(point.get_xdata()) == pytest.approx([1 / 3]) and list(point.get_ydata()) == [1]
    assert ax.get_xlabel() == r"discount factor $\delta$"
    assert legend_texts(ax) == ["sustainable discount factors", "endpoint included", "endpoint excluded",
                                "sustainable at a single discount factor"]
    assert "equilibrium" in ax.get_title()
    assert [t.get_text() for t in ax.texts] == ["1/3", "1/3"]


def test_an_empty_set_and_an_algebraic_endpoint():
    # Axelrod's payoffs 5, 3, 1, 0: tit-for-tat needs 2/3 = 1/4, never; two rounds of punishment
    # need delta + delta^2 >= (T - R)/(R - P) = 1, i.e. delta >= (sqrt(5) - 1)/2 (by hand).
    rg = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
    fig = plot_delta_sets({"tit-for-tat": sustainable_discount_factors(rg, (tit_for_tat(),) * 2),
                           "two rounds": sustainable_discount_factors(rg, (limited_punishment(2),) * 2)},
                          title="Axelrod's dilemma")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "no discount factor" in texts and "0.618" in texts
    bar = next(line for line in ax.lines if line.get_label() == "sustainable discount factors")
    assert bar.get_xdata()[0] == pytest.approx((5 ** 0.5 - 1) / 2)
    assert ax.get_title() == "Axelrod's dilemma"


def test_only_empty_sets_still_have_a_legend():
    rg = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
    fig = plot_delta_sets({"tit-for-tat": sustainable_discount_factors(rg, (tit_for_tat(),) * 2)})
    assert legend_texts(fig.axes[0]) == ["sustainable discount factors (none here)"]


@pytest.mark.parametrize("bad", [{}, [], {"grim": "[1/2, 1)"}])
def test_delta_sets_must_be_a_mapping_of_delta_sets(bad):
    with pytest.raises(ParameterError, match="delta_sets"):
        plot_delta_sets(bad)


def test_a_symbolic_condition_is_not_a_delta_set():
    a = sympy.Symbol("a", positive=True)
    rg = RepeatedGame(prisoners_dilemma(5 + a, 3, 1, 0))
    condition = sustainable_discount_factors(rg, (grim_trigger(),) * 2)
    with pytest.raises(ParameterError, match="numeric game"):
        plot_delta_sets({"grim": condition})


# ------------------------------------------------------------------ properties
COEFFICIENTS = st.integers(-5, 5)


@settings(max_examples=25)
@given(COEFFICIENTS, COEFFICIENTS, COEFFICIENTS, COEFFICIENTS)
def test_cells_of_a_linear_region_are_its_inequality(a, b, c, d):
    # a x + b y >= c + d/2, on a grid of quarters: every value is exact in binary floating point,
    # so the cells must equal the inequality evaluated exactly with Fractions.
    x, y = sympy.symbols("x y")
    xs = ys = [Fraction(k, 4) for k in range(-4, 5)]
    values, _ = cells(plot_region(a * x + b * y >= c + sympy.Rational(d, 2), ("x", xs), ("y", ys)))
    plt.close("all")
    expected = [[a * xv + b * yv >= c + Fraction(d, 2) for xv in xs] for yv in ys]
    assert (values == 1).tolist() == expected


@settings(max_examples=15)
@given(st.fractions(0, 1, max_denominator=20), st.fractions(0, 1, max_denominator=20))
def test_regions_of_and_and_or_are_intersection_and_union(s, t):
    x, y = sympy.symbols("x y")
    first, second = x + y >= s, x - y <= t
    grid = (("x", 0, 1), ("y", 0, 1))
    region = {}
    for name, condition in (("first", first), ("second", second), ("and", sympy.And(first, second)),
                            ("or", sympy.Or(first, second))):
        region[name] = cells(plot_region(condition, *grid, resolution=9))[0] == 1
        plt.close("all")
    assert np.array_equal(region["and"], region["first"] & region["second"])
    assert np.array_equal(region["or"], region["first"] | region["second"])
