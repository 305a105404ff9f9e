"""Tests of the model figures and ``write_figures`` (cybergames.figures)."""

from __future__ import annotations

import sys
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
import sympy
from matplotlib.collections import QuadMesh

from cybergames import figures
from cybergames.errors import ParameterError
from cybergames.figures import FIGURES, model_figure, write_figures
from cybergames.models import REGISTRY, model_class

#: The models whose modules exist (all seven once the models package is complete).
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_every_registered_model_has_a_figure():
    assert set(FIGURES) == set(REGISTRY)


def first_mesh(ax):
    return next(c for c in ax.collections if isinstance(c, QuadMesh))


@pytest.mark.parametrize("key", list(REGISTRY))
def test_model_figure_is_labelled(key):
    fig = model_figure(key)
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()
    title = ax.get_title()
    assert title.split(":")[0].lower() in model_class(key).obstacle.lower() or key in title.lower()
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "the model's parameters" in texts
    assert len(texts) >= 3


@pytest.mark.parametrize("key", list(REGISTRY))
def test_model_figure_cells_are_the_models_condition(key):
    """Cells of the figure agree with the model's region condition evaluated exactly by sympy."""
    model = model_class(key)()
    ax = model_figure(model).axes[0]
    mesh = first_mesh(ax)
    values, mask = np.asarray(mesh.get_array().data), np.ma.getmaskarray(mesh.get_array())
    centres = mesh.get_coordinates()        # cell corners; the centres are the grid values
    xs = (centres[0, 1:, 0] + centres[0, :-1, 0]) / 2
    ys = (centres[1:, 0, 1] + centres[:-1, 0, 1]) / 2
    condition = model.region_condition() if key != "information" else model.region_condition(clearing_house=True)
    xname, yname = _axis_names(key)
    symbols = {s.name: s for s in condition.free_symbols}
    at_model = condition.subs({s: _as_sympy(getattr(model, n)) for n, s in symbols.items() if n not in (xname, yname)})
    rng = np.random.default_rng(0)
    checked = 0
    for j, i in zip(rng.integers(0, len(ys), 25), rng.integers(0, len(xs), 25)):
        if mask[j, i]:
            continue
        truth = bool(at_model.subs({symbols[xname]: _exact(xs[i]), symbols[yname]: _exact(ys[j])}))
        assert truth == bool(values[j, i]), (key, xs[i], ys[j])
        checked += 1
    assert checked >= 8


def _axis_names(key):
    return {"trust": ("delta", "prior"), "interests": ("delta_1", "delta_2"),
            "jurisdiction": ("enforcement", "sanction"), "capacity": ("cost_weak", "transfer"),
            "norms": ("S", "adopters"), "attribution": ("detect", "false_flag"),
            "information": ("n", "delta"),
            "investment": ("vulnerability", "loss"), "interdependence": ("contagion", "cost"),
            "multimarket": ("delta", "T_2"), "crisis": ("cost_a", "cost_b_high"),
            "deterrence": ("detection", "false_alarm"), "timing": ("stealth", "persistence"),
            "sharing": ("substitution", "spillover"), "reliability": ("cost_1", "cost_2")}[key]


def _exact(x):
    """A grid value as the rational number of its float (exactly what numpy evaluated)."""
    return sympy.Rational(Fraction(float(x)))


def _as_sympy(value):
    return sympy.Rational(value) if isinstance(value, (int, Fraction)) else sympy.Float(value)


@pytest.mark.parametrize("key", list(REGISTRY))
def test_model_figure_marks_the_models_parameters(key):
    model = model_class(key)()
    ax = model_figure(model).axes[0]
    star = next(line for line in ax.lines if line.get_label() == "the model's parameters")
    xname, yname = _axis_names(key)
    assert star.get_xdata()[0] == pytest.approx(float(getattr(model, xname)))
    assert star.get_ydata()[0] == pytest.approx(float(getattr(model, yname)))


def test_attribution_figure_at_perfect_attribution():
    # With q = 1 and r = 0 the trigger deters iff delta >= (T - R)/(T - P) = 1/2 (Axelrod's payoffs):
    # at delta = 3/5 the corner cell (q, r) = (1, 0) is inside, at delta = 2/5 outside.
    for delta, inside in ((Fraction(3, 5), True), (Fraction(2, 5), False)):
        model = model_class("attribution")(delta=delta)
        mesh = first_mesh(model_figure(model).axes[0])
        assert bool(mesh.get_array()[0, -1]) is inside
        assert f"$\\delta$ = {delta}" in model_figure(model).axes[0].get_title()


def test_model_figure_needs_numbers():
    model = model_class("jurisdiction")(delta=sympy.Symbol("d", positive=True))
    with pytest.raises(ParameterError, match="numeric parameters"):
        model_figure(model)


def test_attribution_figure_grows_with_detection_and_shrinks_with_false_flags():
    # Better attribution never shrinks the region (the model's comparative statics): along every row
    # (fixed r) the shaded cells form an upper set in q, along every column a lower set in r.
    mesh = first_mesh(model_figure(model_class("attribution")()).axes[0])
    holds = np.asarray(mesh.get_array().data) == 1
    assert holds.any() and not holds.all()
    assert np.all(np.diff(holds.astype(int), axis=1) >= 0)       # rows: q increases to the right
    assert np.all(np.diff(holds.astype(int), axis=0) <= 0)       # columns: r increases upwards


def test_model_figure_refuses_other_objects():
    with pytest.raises(ParameterError, match="model: expected"):
        model_figure(42)
    with pytest.raises(ParameterError, match="model"):
        model_figure("weather")


# --------------------------------------------------------------- write_figures
def test_write_figures_writes_one_png_per_model(tmp_path):
    out = tmp_path / "new" / "figures"
    written = write_figures(out, ["norms", "attribution"], dpi=20)
    assert written == [out / "norms.png", out / "attribution.png"]       # in the report's order
    for path in written:
        assert path.read_bytes()[:8] == PNG


def test_write_figures_of_all_models(tmp_path):
    written = write_figures(tmp_path, dpi=20)
    assert [p.name for p in written] == [f"{key}.png" for key in REGISTRY]


def test_write_figures_applies_overrides(tmp_path, monkeypatch):
    titles = []
    original = figures.model_figure

    def spy(model, *, ax=None):
        fig = original(model, ax=ax)
        titles.append((model.detect, model.delta, fig.axes[0].get_title()))
        return fig

    monkeypatch.setattr(figures, "model_figure", spy)
    write_figures(tmp_path, ["attribution"], {"detect": Fraction(9, 10), "attribution.delta": Fraction(1, 2)},
                  dpi=20)
    (detect, delta, title), = titles
    assert (detect, delta) == (Fraction(9, 10), Fraction(1, 2)) and "$\\delta$ = 1/2" in title


def test_write_figures_knows_the_reports_letters(tmp_path, monkeypatch):
    seen = []
    original = figures.model_figure

    def spy(model, *, ax=None):
        seen.append(model)
        return original(model, ax=ax)

    monkeypatch.setattr(figures, "model_figure", spy)
    write_figures(tmp_path, ["attribution"], {"q": Fraction(9, 10), "attribution.r": Fraction(1, 5)}, dpi=20)
    assert (seen[0].detect, seen[0].false_flag) == (Fraction(9, 10), Fraction(1, 5))


def test_the_stage_games_have_no_figure(tmp_path):
    assert write_figures(tmp_path, ["stage"], dpi=20) == []


@pytest.mark.parametrize("keys, overrides, words", [
    (["attribution"], {"no_such_parameter": 1}, "no_such_parameter"),
    (["weather"], {}, "weather"),
    (["attribution"], {"detect": 2}, "detect"),
])
def test_write_figures_refuses_bad_options(tmp_path, keys, overrides, words):
    with pytest.raises(ParameterError, match=words):
        write_figures(tmp_path, keys, overrides, dpi=20)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("dpi", [0, 5, 10_000, 1.5, True, "100"])
def test_write_figures_checks_dpi(tmp_path, dpi):
    with pytest.raises(ParameterError, match="dpi"):
        write_figures(tmp_path, ["stage"], dpi=dpi)


def test_write_figures_into_a_file_is_one_clear_error(tmp_path):
    blocker = tmp_path / "figures"
    blocker.write_text("not a directory")
    with pytest.raises(ParameterError, match="plots: cannot create the directory"):
        write_figures(blocker, ["stage"], dpi=20)


def test_write_figures_without_matplotlib_is_a_parameter_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ParameterError, match=r"matplotlib; pip install 'cybergames\[plot\]'"):
        write_figures(tmp_path, ["stage"], dpi=20)


# ------------------------------------------------------------------- how the figures read
@pytest.mark.parametrize("key", list(FIGURES))
def test_labels_use_mathtext_and_titles_match_the_line_styles(key):
    ax = model_figure(key).axes[0]
    texts = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()] + [t.get_text() for t in ax.get_legend().get_texts()]
    for text in texts:
        assert "delta" not in text.replace("\\delta", "") and "c_1 " not in text and "dashed" not in text, text
    assert "linkage_1" not in " ".join(texts)
    star = [line for line in ax.lines if line.get_label() == "the model's parameters"]
    assert all(not line.get_clip_on() and line.get_zorder() >= 10 for line in star)   # never half-hidden


def test_limits_fit_the_boundaries():
    # Attribution at its defaults: the highest boundary drawn (delta = 19/20, q = 1) is r with
    # (1 - r)^2 * 4 = 2/(19/20) (the critical condition at q = 1: 2/((1 - r)^2 4) <= delta), r ≈ 0.275;
    # the axis used to run to 0.5.
    ax = model_figure("attribution").axes[0]
    r = 1 - (2 / 0.95 / 4) ** 0.5
    assert r < ax.get_ylim()[1] < r + 0.1


def test_timing_figure_names_its_shaded_region_spent_and_the_rest_sustainable():
    # The timing region is the verdict's "not sustainable" (the resource is spent at any stakes), so the grey
    # complement must not carry plot_region's default "not sustainable" label.
    ax = model_figure("timing").axes[0]
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(t.startswith("spent: used at once") and "(not sustainable)" in t for t in texts)
    assert "kept for high stakes (sustainable)" in texts
    assert "not sustainable" not in texts
