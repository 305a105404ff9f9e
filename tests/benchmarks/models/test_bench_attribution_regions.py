"""Benchmarks of the attribution figure's game regions: the screen of targeted retaliation (run with --benchmarks)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from cybergames.figures import INNER_GRID, model_figure  # noqa: E402
from cybergames.models import AttributionModel  # noqa: E402
from cybergames.models._attribution_regions import targeted_exact, targeted_screen  # noqa: E402


def test_bench_targeted_screen_on_the_figures_grid(benchmark):
    model = AttributionModel()
    qs, rs = np.linspace(0, 1, INNER_GRID)[None, :], np.linspace(0, 0.3, INNER_GRID)[:, None]
    holds, _ = benchmark(targeted_screen, model, qs, rs)
    assert holds.any() and not holds.all()


def test_bench_targeted_exact_at_the_defaults(benchmark):
    found = benchmark(targeted_exact, AttributionModel())
    assert found is not None and found[0] == "targeted_retaliation(1, 2, 3)"


def _figure():
    figure = model_figure("attribution")
    plt.close(figure)
    return figure


def test_bench_attribution_figure(benchmark):
    figure = benchmark.pedantic(_figure, rounds=5, iterations=1)
    assert figure.axes
