r"""Figures of signalling equilibria: supporting beliefs, outcomes across priors, cheap-talk partitions.

* :func:`plot_belief_sets` shows, for each perfect Bayesian equilibrium of a
  two-type game, the receiver's belief after every message: the posterior
  from Bayes' rule on the path, and the whole *set* of beliefs that supports
  the receiver's reply off the path (an interval of
  :math:`\mu(t \mid m)` with two types).
* :func:`plot_equilibrium_outcomes` sweeps a parameter (typically the prior)
  and shows for which values each equilibrium outcome exists and whether it
  survives the intuitive criterion or D1: the prior regions of the
  equilibria.
* :func:`plot_partitions` draws the partition equilibria of Crawford and
  Sobel's uniform-quadratic cheap talk.

matplotlib is optional (imported when a function is called); every function
draws on ``ax`` when given, never calls ``plt.show()`` and returns the
:class:`matplotlib.figure.Figure`.
"""

from __future__ import annotations

import numbers
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .. import _numbers
from ._regions import new_axes, show_number
from ..errors import ParameterError

__all__ = ["plot_belief_sets", "plot_equilibrium_outcomes", "plot_partitions", "equilibrium_outcome"]

_REFINEMENTS = {"intuitive": "the intuitive criterion", "d1": "D1"}


def _game(sg: Any) -> Any:
    from ..signalling import SignallingGame

    if not isinstance(sg, SignallingGame):
        raise ParameterError(f"sg: expected a SignallingGame, got {type(sg).__name__}")
    return sg


def _mix(choice: Any) -> str:
    """A pure choice as its label; a mixed one as ``a/b``, its support."""
    if isinstance(choice, Mapping):
        return "/".join(str(label) for label, p in choice.items() if p != 0)
    return str(choice)


def equilibrium_outcome(eq: Any, *, replies: bool = True) -> str:
    """A PBE's outcome in words: its kind, what each type sends and (optionally) the replies on the path.

    Equilibria that differ only off the path share an outcome; mixed choices
    are written by their support (``beer/quiche``), so a hybrid keeps its name
    as the prior moves its probabilities. With ``replies=False`` only the
    sender's behaviour is described (the replies' labels may change with a
    parameter, as the wages of the job market change with the prior).

    >>> from cybergames.signalling import beer_quiche, perfect_bayesian_equilibria
    >>> beer_pool = perfect_bayesian_equilibria(beer_quiche())[0]
    >>> equilibrium_outcome(beer_pool)
    'pooling: weak beer, strong beer; beer -> not'
    >>> equilibrium_outcome(beer_pool, replies=False)
    'pooling: weak beer, strong beer'
    """
    sender = f"{eq.kind}: " + ", ".join(f"{t} {_mix(m)}" for t, m in eq.sender.items())
    if not replies:
        return sender
    return sender + "; " + ", ".join(f"{m} -> {_mix(eq.receiver[m])}" for m in eq.on_path)


def plot_belief_sets(sg: Any, equilibria: Sequence[Any] | None = None, *, type: str | None = None,
                     ax: Any = None, title: str | None = None) -> Any:
    r"""Draw the receiver's beliefs after each message in each equilibrium of a two-type game.

    One row per equilibrium and message: a dot at the posterior
    :math:`\mu(t \mid m)` given by Bayes' rule after a message sent on the
    path, a bar over the interval of beliefs that make the receiver's reply a
    best response after a message nobody sends (the exact
    :class:`~cybergames.signalling.BeliefSet`); the reply is written beside
    it and the prior is a vertical line.

    Parameters
    ----------
    sg : SignallingGame
        A game with exactly two types.
    equilibria : sequence of PBE, optional
        Default: every equilibrium :func:`~cybergames.signalling.perfect_bayesian_equilibria` finds.
    type : str, optional
        The type whose probability is on the horizontal axis (default the first).
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``sg`` is not a signalling game with two types, ``type`` is not one
        of them, or ``equilibria`` is empty or holds something other than PBEs.
    ImportError
        If matplotlib is not installed.

    Examples
    --------
    In Beer–Quiche (prior of the weak type 1/10) the bully duels after the
    off-path breakfast iff he believes the sender weak with probability at least 1/2:

    >>> from cybergames.signalling import beer_quiche
    >>> fig = plot_belief_sets(beer_quiche())
    >>> ax = fig.axes[0]
    >>> ax.get_xlabel()
    "receiver's belief that the sender is weak"
    >>> [t.get_text() for t in ax.get_yticklabels()][:2]
    ['1. pooling, after beer', '1. pooling, after quiche']
    """
    from ..signalling import PBE, BeliefSet, perfect_bayesian_equilibria

    sg = _game(sg)
    if len(sg.types) != 2:
        raise ParameterError(f"sg: expected a game with two types (beliefs are then intervals), got {sg.types}")
    type = sg.types[0] if type is None else type
    if type not in sg.types:
        raise ParameterError(f"type: expected one of {sg.types}, got {type!r}")
    equilibria = tuple(perfect_bayesian_equilibria(sg) if equilibria is None else equilibria)
    if not equilibria:
        raise ParameterError("equilibria: expected at least one equilibrium to draw")
    if not all(isinstance(eq, PBE) for eq in equilibria):
        raise ParameterError(f"equilibria: expected perfect Bayesian equilibria (PBE), got {equilibria!r}")
    rows: list[tuple[str, Any, Any]] = []
    for k, eq in enumerate(equilibria, 1):
        for m in sg.messages:
            if m in eq.beliefs:
                rows.append((f"{k}. {eq.kind}, after {m}", eq.beliefs[m], eq.receiver.get(m)))
    ax = new_axes(ax, figsize=(6.5, 0.32 * len(rows) + 2.4))
    ax.axvline(float(sg.prior[type]), color="0.4", lw=1, ls="--", label=f"prior ({show_number(sg.prior[type])})")
    drawn: set[str] = set()

    def once(text: str) -> str | None:
        if text in drawn:
            return None
        drawn.add(text)
        return text

    for y, (_, belief, reply) in enumerate(rows):
        if isinstance(belief, BeliefSet):
            low, high = (float(v) for v in belief.interval(type))
            ax.plot([low, high], [y, y], lw=7, color="tab:orange", solid_capstyle="butt" if high > low else "round",
                    label=once("off-path beliefs supporting the reply"))
            if high == low:
                ax.plot([low], [y], marker="s", color="tab:orange", ls="none")
            end = high
        else:
            end = float(belief[type])
            ax.plot([end], [y], marker="o", ms=8, color="tab:blue", ls="none",
                    label=once("posterior on the path (Bayes' rule)"))
        ax.annotate(f"→ {_mix(reply)}", (end, y), xytext=(8, 0), textcoords="offset points", va="center",
                    fontsize="small")
    ax.set_yticks(range(len(rows)), [label for label, _, _ in rows], fontsize="small")
    ax.set_ylim(len(rows) - 0.2, -0.8)
    ax.set_xlim(0, 1.22)
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1])
    ax.set_xlabel(f"receiver's belief that the sender is {type}")
    ax.set_ylabel("equilibrium and message")
    ax.grid(axis="x", color="0.92")
    ax.set_title(title or f"Beliefs supporting each perfect Bayesian equilibrium ({len(equilibria)})",
                 fontsize="medium")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=1, fontsize="small", frameon=False)
    return ax.figure


def plot_equilibrium_outcomes(make_game: Callable[[Any], Any], values: Sequence[Any], *,
                              parameter: str = "prior", refinement: str | None = "intuitive",
                              hybrid: bool = True, ax: Any = None, title: str | None = None,
                              xlabel: str | None = None) -> Any:
    r"""Show for which parameter values each equilibrium outcome of a signalling game exists.

    For every value ``v`` the game ``make_game(v)`` is solved
    (:func:`~cybergames.signalling.perfect_bayesian_equilibria`); equilibria
    in which the types behave alike (:func:`equilibrium_outcome` without the
    replies: what each type sends, mixed choices by their support) form one row, shaded over the values where
    the outcome is an equilibrium, darker where one of its equilibria survives
    the refinement. Each value is drawn as a cell reaching halfway to its
    neighbours, so an outcome that exists at a single value (a threshold)
    shows as a thin cell.

    Parameters
    ----------
    make_game : callable
        ``make_game(value) -> SignallingGame``, e.g. ``lambda p: beer_quiche(p)``.
    values : sequence of numbers
        Increasing parameter values (exact values give exact equilibria).
    parameter : str
        The parameter's name, for the axis label.
    refinement : {"intuitive", "d1", None}
        Mark the outcomes that pass :func:`~cybergames.signalling.intuitive_criterion`
        or :func:`~cybergames.signalling.d1`; None draws every outcome alike.
    hybrid : bool
        Include the semi-separating equilibria of two-type games.
    ax : matplotlib.axes.Axes, optional
    title, xlabel : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``make_game`` is not callable or does not return signalling games,
        ``values`` are not at least two increasing numbers, or ``refinement``
        is unknown.
    ImportError
        If matplotlib is not installed.

    Examples
    --------
    Beer–Quiche: both pools are equilibria while the weak type is rare (prior
    below 1/2), only pooling on beer survives the intuitive criterion, and
    above 1/2 only a hybrid remains:

    >>> from fractions import Fraction
    >>> from cybergames.signalling import beer_quiche
    >>> fig = plot_equilibrium_outcomes(beer_quiche, [Fraction(k, 20) for k in range(1, 20)],
    ...                                 parameter="prior of the weak type")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]     # doctest: +NORMALIZE_WHITESPACE
    ['pooling: weak beer, strong beer', 'pooling: weak quiche, strong quiche',
     'hybrid: weak beer/quiche, strong beer']
    """
    from ..signalling import SignallingGame, d1, intuitive_criterion, perfect_bayesian_equilibria

    if not callable(make_game):
        raise ParameterError(f"make_game: expected a callable value -> SignallingGame, got {make_game!r}")
    if refinement is not None and refinement not in _REFINEMENTS:
        raise ParameterError(f"refinement: expected None or one of {sorted(_REFINEMENTS)}, got {refinement!r}")
    points = list(values) if not isinstance(values, (str, bytes)) and hasattr(values, "__iter__") else None
    if points is None or len(points) < 2 or not all(isinstance(v, numbers.Real) and not isinstance(v, bool)
                                                    for v in points):
        raise ParameterError(f"values: expected at least two numbers, got {values!r}")
    xs = np.array([float(v) for v in points])
    if not np.all(np.diff(xs) > 0):
        raise ParameterError(f"values: expected increasing values, got {values!r}")
    refine = {"intuitive": intuitive_criterion, "d1": d1}.get(refinement)
    found: dict[str, list[tuple[int, bool]]] = {}
    for k, value in enumerate(points):
        sg = make_game(value)
        if not isinstance(sg, SignallingGame):
            raise ParameterError(f"make_game: expected a SignallingGame at {value!r}, got {type(sg).__name__}")
        survivors: dict[str, bool] = {}
        for eq in perfect_bayesian_equilibria(sg, hybrid=hybrid):
            outcome = equilibrium_outcome(eq, replies=False)
            if not survivors.get(outcome, False):
                survivors[outcome] = refine is None or refine(sg, eq).survives
        for outcome, survives in survivors.items():
            found.setdefault(outcome, []).append((k, survives))
    edges = np.concatenate([[xs[0] - (xs[1] - xs[0]) / 2], (xs[1:] + xs[:-1]) / 2,
                            [xs[-1] + (xs[-1] - xs[-2]) / 2]])
    outcomes = list(found)
    ax = new_axes(ax, figsize=(7.0, 0.4 * max(len(outcomes), 1) + 2.2))
    styles = {True: {"facecolor": "tab:blue", "edgecolor": "none"},
              False: {"facecolor": "tab:blue", "alpha": 0.3, "edgecolor": "none"}}
    words = {True: "PBE" if refine is None else f"PBE surviving {_REFINEMENTS[refinement]}",
             False: f"PBE failing {_REFINEMENTS.get(refinement, '')}"}
    used: set[bool] = set()
    for y, outcome in enumerate(outcomes):
        for survives in (True, False):
            cells = _runs([k for k, s in found[outcome] if s is survives], edges)
            if cells:
                ax.broken_barh(cells, (y - 0.35, 0.7), label=None if survives in used else words[survives],
                               **styles[survives])
                used.add(survives)
    if not outcomes:
        ax.text(0.5, 0.5, "no equilibrium found", transform=ax.transAxes, ha="center")
        ax.plot([], [], label="no perfect Bayesian equilibrium")
    ax.set_yticks(range(len(outcomes)), outcomes, fontsize="small")
    ax.set_ylim(max(len(outcomes), 1) - 0.3, -0.7)
    ax.set_xlim(edges[0], edges[-1])
    ax.set_xlabel(xlabel or parameter)
    ax.set_ylabel("equilibrium outcome")
    ax.grid(axis="x", color="0.9")
    ax.set_axisbelow(True)
    ax.set_title(title or f"Equilibrium outcomes by {parameter}", fontsize="medium")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize="small", frameon=False)
    return ax.figure


def _runs(indices: list[int], edges: np.ndarray) -> list[tuple[float, float]]:
    """Consecutive grid indices merged into ``(start, width)`` bars between the cell edges."""
    bars: list[tuple[float, float]] = []
    start = previous = None
    for k in indices + [None]:
        if start is not None and (k is None or k != previous + 1):
            bars.append((edges[start], edges[previous + 1] - edges[start]))
            start = None
        if k is not None and start is None:
            start = k
        previous = k
    return bars


def plot_partitions(bias: Any, *, ax: Any = None, title: str | None = None) -> Any:
    r"""Draw every partition equilibrium of uniform-quadratic cheap talk at a bias, one row each.

    Row :math:`N` splits the state space :math:`[0, 1]` at the boundaries
    :math:`a_i = i/N + 2 b\, i (i - N)` (:func:`~cybergames.signalling.crawford_sobel`);
    the receiver's action after each message, the midpoint of its interval,
    is marked. Intervals widen by :math:`4b` from left to right.

    Parameters
    ----------
    bias : number or sequence of PartitionEquilibrium
        The sender's bias :math:`b > 0`, or equilibria already computed.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``bias`` is neither a valid bias nor a non-empty sequence of partition equilibria.
    ImportError
        If matplotlib is not installed.

    Examples
    --------
    >>> from fractions import Fraction
    >>> fig = plot_partitions(Fraction(1, 20))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['N = 1', 'N = 2', 'N = 3']
    """
    from ..signalling import PartitionEquilibrium, crawford_sobel

    if isinstance(bias, (list, tuple)):
        equilibria = tuple(bias)
        if not equilibria or not all(isinstance(eq, PartitionEquilibrium) for eq in equilibria):
            raise ParameterError(f"bias: expected a bias or a non-empty sequence of PartitionEquilibrium, got {bias!r}")
    else:
        _numbers.normalise(bias, "bias", ParameterError)
        equilibria = crawford_sobel(bias)
    ax = new_axes(ax, figsize=(6.5, 0.5 * len(equilibria) + 2.2))
    shades = ("tab:blue", "tab:cyan")
    for row, eq in enumerate(equilibria):
        y = row
        bounds = [float(a) for a in eq.boundaries]
        for i in range(len(bounds) - 1):
            ax.broken_barh([(bounds[i], bounds[i + 1] - bounds[i])], (y - 0.3, 0.6), facecolor=shades[i % 2],
                           alpha=0.45, edgecolor="none",
                           label="interval of states sending one message" if row == i == 0 else None)
        ax.plot(bounds[1:-1], [y] * (len(bounds) - 2), ls="none", marker="|", ms=18, mew=2, color="black",
                label="boundary $a_i$" if row == 1 else None)
        ax.plot([float(a) for a in eq.actions], [y] * len(eq.actions), ls="none", marker="v", ms=7,
                color="tab:red", label="receiver's action (interval midpoint)" if row == 0 else None)
    ax.set_yticks(range(len(equilibria)), [f"N = {eq.intervals}" for eq in equilibria])
    ax.set_ylim(len(equilibria) - 0.4, -0.6)
    ax.set_xlim(0, 1)
    ax.set_xlabel(r"sender's private state $\theta$ (uniform on [0, 1])")
    ax.set_ylabel("equilibrium (number of intervals)")
    ax.set_title(title or f"Crawford–Sobel partition equilibria at bias b = {show_number(equilibria[0].bias)}",
                 fontsize="medium")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize="small", frameon=False)
    return ax.figure
