"""Tests of the signalling figures (cybergames.plot)."""

from __future__ import annotations

from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from cybergames.plot import (equilibrium_outcome, plot_belief_sets, plot_equilibrium_outcomes,
                                         plot_partitions)
from cybergames.errors import ParameterError
from cybergames.signalling import (SignallingGame, beer_quiche, crawford_sobel, intuitive_criterion,
                                   perfect_bayesian_equilibria, spence_job_market)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def rows(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def spans(ax, y):
    """The (start, end) of every bar drawn in row ``y`` by broken_barh, and whether it is solid."""
    found = []
    for collection in ax.collections:
        for path in collection.get_paths():
            xs, ys = path.vertices[:, 0], path.vertices[:, 1]
            if abs(ys.mean() - y) < 0.4:
                found.append((xs.min(), xs.max(), collection.get_facecolor()[0][3] == 1))
    return sorted(found)


# ---------------------------------------------------------------- belief sets
def test_beer_quiche_beliefs():
    # Cho & Kreps (1987), section II: prior of the weak type 1/10; the bully duels iff
    # mu(weak) >= 1/2 (duel pays mu, not dueling 1 - mu). In each pool the on-path belief is the
    # prior and the off-path breakfast is met by a duel, supported by mu(weak) in [1/2, 1].
    fig = plot_belief_sets(beer_quiche())
    ax = fig.axes[0]
    assert isinstance(fig, Figure)
    assert rows(ax) == ["1. pooling, after beer", "1. pooling, after quiche", "2. pooling, after beer",
                        "2. pooling, after quiche"]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert sorted((float(d.get_xdata()[0]), float(d.get_ydata()[0])) for d in dots) == [(0.1, 0), (0.1, 3)]
    bars = [line for line in ax.lines if line.get_linewidth() == 7]
    assert sorted((tuple(b.get_xdata()), b.get_ydata()[0]) for b in bars) == [((0.5, 1.0), 1), ((0.5, 1.0), 2)]
    assert [t.get_text() for t in ax.texts] == ["→ not", "→ duel", "→ duel", "→ not"]
    assert ax.get_xlabel() == "receiver's belief that the sender is weak"
    assert ax.get_ylabel() == "equilibrium and message"
    assert legend_texts(ax) == ["prior (1/10)", "posterior on the path (Bayes' rule)",
                                "off-path beliefs supporting the reply"]
    assert "perfect Bayesian equilibri" in ax.get_title()


def test_beliefs_of_the_other_type_and_given_equilibria():
    sg = beer_quiche()
    beer_pool = perfect_bayesian_equilibria(sg)[:1]
    fig = plot_belief_sets(sg, beer_pool, type="strong", title="Beer pool")
    ax = fig.axes[0]
    bars = [line for line in ax.lines if line.get_linewidth() == 7]
    assert [tuple(b.get_xdata()) for b in bars] == [(0.0, 0.5)]      # mu(strong) = 1 - mu(weak)
    assert ax.get_title() == "Beer pool"


def test_hybrid_beliefs_are_posteriors():
    # Above prior 1/2 the only equilibrium is a hybrid: the weak type mixes so that the bully is
    # indifferent after beer, mu(weak | beer) = 1/2, and quiche reveals the weak type (mu = 1).
    fig = plot_belief_sets(beer_quiche(Fraction(3, 4)))
    dots = sorted(float(d.get_xdata()[0]) for d in fig.axes[0].lines if d.get_marker() == "o")
    assert dots == [0.5, 1.0]


def test_belief_sets_need_two_types():
    sg = SignallingGame(("a", "b", "c"), {"a": Fraction(1, 3), "b": Fraction(1, 3), "c": Fraction(1, 3)},
                        ("m",), ("x",), sender_payoff=lambda t, m, a: 0, receiver_payoff=lambda t, m, a: 0)
    with pytest.raises(ParameterError, match="two types"):
        plot_belief_sets(sg)
    with pytest.raises(ParameterError, match="type: expected one of"):
        plot_belief_sets(beer_quiche(), type="bully")
    with pytest.raises(ParameterError, match="sg: expected a SignallingGame"):
        plot_belief_sets("beer")
    with pytest.raises(ParameterError, match="at least one equilibrium"):
        plot_belief_sets(beer_quiche(), [])
    with pytest.raises(ParameterError, match="perfect Bayesian equilibria"):
        plot_belief_sets(beer_quiche(), ["pooling"])


# ------------------------------------------------------------------ outcomes
def test_equilibrium_outcome_names():
    sg = beer_quiche(Fraction(3, 4))
    hybrid, = perfect_bayesian_equilibria(sg)
    assert equilibrium_outcome(hybrid) == "hybrid: weak beer/quiche, strong beer; beer -> duel/not, quiche -> duel"


def test_beer_quiche_outcomes_by_prior():
    # By hand: the pools need the bully not to duel on the path, prior mu = p <= 1/2; the beer
    # pool survives the intuitive criterion, the quiche pool does not (Cho & Kreps 1987). Above
    # 1/2 no pure equilibrium exists and the hybrid is the only one.
    priors = [Fraction(k, 10) for k in range(1, 10)]
    fig = plot_equilibrium_outcomes(beer_quiche, priors, parameter="prior of the weak type")
    ax = fig.axes[0]
    assert rows(ax) == ["pooling: weak beer, strong beer", "pooling: weak quiche, strong quiche",
                        "hybrid: weak beer/quiche, strong beer"]
    assert spans(ax, 0) == [(0.05, 0.55, True)]           # cells reach halfway to the neighbours
    assert spans(ax, 1) == [(0.05, 0.55, False)]
    assert spans(ax, 2) == [(0.55, 0.95, True)]
    assert ax.get_xlabel() == "prior of the weak type" and ax.get_ylabel() == "equilibrium outcome"
    assert legend_texts(ax) == ["PBE surviving the intuitive criterion", "PBE failing the intuitive criterion"]
    assert ax.get_title() == "Equilibrium outcomes by prior of the weak type"


def test_spence_outcomes_with_d1_and_without_refinement():
    # Spence (1973) with the library's defaults: the least-cost separating outcome (education 2)
    # survives D1 at every prior; education 3 never does (see spence_job_market's Notes).
    priors = [Fraction(1, 4), Fraction(1, 2)]
    ax = plot_equilibrium_outcomes(lambda p: spence_job_market(prior_high=p), priors, refinement="d1").axes[0]
    names = rows(ax)
    assert all(solid for *_, solid in spans(ax, names.index("separating: low 0, high 2")))
    assert not any(solid for *_, solid in spans(ax, names.index("separating: low 0, high 3")))
    plain = plot_equilibrium_outcomes(lambda p: spence_job_market(prior_high=p), priors, refinement=None,
                                      hybrid=False).axes[0]
    assert legend_texts(plain) == ["PBE"]
    assert not any(name.startswith("hybrid") for name in rows(plain))


def test_outcomes_agree_with_the_solver_at_each_value():
    priors = [Fraction(1, 5), Fraction(2, 5), Fraction(3, 5)]
    ax = plot_equilibrium_outcomes(beer_quiche, priors).axes[0]
    for y, name in enumerate(rows(ax)):
        for p in priors:
            drawn = any(start < p < end for start, end, _ in spans(ax, y))
            solved = any(equilibrium_outcome(eq, replies=False) == name
                         for eq in perfect_bayesian_equilibria(beer_quiche(p)))
            assert drawn == solved
    # and the solid ones are those with an equilibrium passing the criterion
    sg = beer_quiche(Fraction(1, 5))
    passes = {equilibrium_outcome(eq, replies=False): intuitive_criterion(sg, eq).survives
              for eq in perfect_bayesian_equilibria(sg)}
    for y, name in enumerate(rows(ax)):
        at = [solid for start, end, solid in spans(ax, y) if start < 0.2 < end]
        if at:
            assert at[0] == passes[name]


@pytest.mark.parametrize("kwargs, words", [
    ({"make_game": "beer", "values": [0.1, 0.2]}, "make_game: expected a callable"),
    ({"make_game": beer_quiche, "values": [Fraction(1, 2)]}, "at least two numbers"),
    ({"make_game": beer_quiche, "values": [0.2, 0.1]}, "increasing"),
    ({"make_game": beer_quiche, "values": "0.1"}, "at least two numbers"),
    ({"make_game": beer_quiche, "values": [0.1, 0.2], "refinement": "perfect"}, "refinement"),
    ({"make_game": lambda p: p, "values": [0.1, 0.2]}, "expected a SignallingGame"),
])
def test_outcome_arguments_are_checked(kwargs, words):
    with pytest.raises(ParameterError, match=words):
        plot_equilibrium_outcomes(**kwargs)


# ---------------------------------------------------------------- partitions
def test_crawford_sobel_partitions():
    # Crawford & Sobel (1982): a_i = i/N + 2 b i (i - N); at b = 1/20, N = 3 gives 2/15 and 7/15
    # (1/3 - 1/5 and 2/3 - 1/5), N = 2 gives 2/5, and N = 4 is impossible (2 b N (N - 1) = 6/5 > 1).
    fig = plot_partitions(Fraction(1, 20))
    ax = fig.axes[0]
    assert rows(ax) == ["N = 1", "N = 2", "N = 3"]
    boundaries = {line.get_ydata()[0] if len(line.get_ydata()) else None: list(line.get_xdata())
                  for line in ax.lines if line.get_marker() == "|"}
    assert boundaries[1] == pytest.approx([2 / 5])
    assert boundaries[2] == pytest.approx([2 / 15, 7 / 15])
    actions = {line.get_ydata()[0]: list(line.get_xdata()) for line in ax.lines if line.get_marker() == "v"}
    assert actions[2] == pytest.approx([1 / 15, 3 / 10, 11 / 15])     # the interval midpoints
    assert "theta" in ax.get_xlabel() and ax.get_ylabel() == "equilibrium (number of intervals)"
    assert ax.get_title() == "Crawford–Sobel partition equilibria at bias b = 1/20"
    assert legend_texts(ax) == ["interval of states sending one message", "receiver's action (interval midpoint)",
                                "boundary $a_i$"]


def test_partitions_from_given_equilibria():
    equilibria = crawford_sobel(0.1)
    ax = plot_partitions(equilibria[1:], title="Two intervals").axes[0]
    assert rows(ax) == ["N = 2"] and ax.get_title() == "Two intervals"
    segments = sorted((start, end) for start, end, _ in spans(ax, 0))
    assert np.allclose(segments, [(0, 0.3), (0.3, 1)])        # a_1 = 1/2 - 2/10


@pytest.mark.parametrize("bad", [[], ["a"], "b", float("nan")])
def test_partitions_refuse_bad_input(bad):
    with pytest.raises(ParameterError):
        plot_partitions(bad)
