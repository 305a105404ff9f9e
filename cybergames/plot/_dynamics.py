r"""Figures of learning and evolutionary dynamics: trajectories on the simplex, the square or against time.

:func:`plot_trajectories` draws paths from :mod:`cybergames.dynamics` (a
:class:`~cybergames.dynamics.Trajectory`, the empirical frequencies of a
:class:`~cybergames.dynamics.FictitiousPlay` run or the shares of a
:class:`~cybergames.dynamics.MoranRun`) where they live:

* one population with three actions: the simplex, a triangle whose corners are
  the pure states (a point :math:`x` is drawn at :math:`x_2 (1, 0) + x_3 (\tfrac12, \tfrac{\sqrt3}2)`);
* two populations with two actions each: the unit square of the first actions' shares;
* anything else: every share against time.

matplotlib is optional and imported when the function is called.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from ..dynamics import FictitiousPlay, MoranRun, Trajectory
from ..errors import ParameterError
from ._regions import new_axes

__all__ = ["plot_trajectories"]

_SQRT3 = math.sqrt(3) / 2


def _path(item: Any, k: int) -> tuple[np.ndarray, tuple, str]:
    """Times, float states per population, and a name of what the path is."""
    if isinstance(item, Trajectory):
        return (np.asarray(item.times, dtype=float), tuple(np.asarray(s, dtype=float) for s in item.states),
                f"{item.dynamics} dynamics")
    if isinstance(item, FictitiousPlay):
        return (np.arange(1, item.rounds + 1, dtype=float), item.frequencies,
                "fictitious play" if item.noise == 0 else "stochastic fictitious play")
    if isinstance(item, MoranRun):
        return np.arange(item.steps + 1, dtype=float), (np.asarray(item.shares, dtype=float),), "Moran process"
    raise ParameterError(f"trajectories[{k}]: expected a Trajectory, FictitiousPlay or MoranRun, got {item!r:.80}")


def _corners(ax: Any, labels: Sequence[str]) -> None:
    ax.plot([0, 1, 0.5, 0], [0, 0, _SQRT3, 0], color="0.3", lw=1)
    for (x, y), label, align in zip([(0, 0), (1, 0), (0.5, _SQRT3)], labels, ("right", "left", "center")):
        ax.annotate(f"all {label}", (x, y), xytext=(0, -12 if y == 0 else 6), textcoords="offset points",
                    ha=align, fontsize=9)
    ax.set_aspect("equal")
    ax.set_xlim(-0.15, 1.15)
    ax.set_ylim(-0.12, _SQRT3 + 0.1)
    ax.axis("off")


def plot_trajectories(trajectories: Any, ax: Any = None, *, title: str | None = None) -> Any:
    r"""Draw one or several paths of a dynamics, on the simplex where it has two dimensions.

    Parameters
    ----------
    trajectories : Trajectory, FictitiousPlay, MoranRun or a sequence of them
        Paths of the same game (for instance from several initial states).
    ax : matplotlib.axes.Axes, optional
        Draw here (default: a new figure).
    title : str, optional
        Default: the dynamics and the game's players.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If an item is not a path of :mod:`cybergames.dynamics`, the sequence is
        empty, or ``ax`` is not matplotlib axes.

    Examples
    --------
    >>> from cybergames import symmetric_game
    >>> from cybergames.dynamics import replicator_dynamics
    >>> from cybergames.plot import plot_trajectories
    >>> rock_paper_scissors = symmetric_game([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], ["R", "P", "S"])
    >>> figure = plot_trajectories(replicator_dynamics(rock_paper_scissors, [0.5, 0.3, 0.2], horizon=20))
    >>> figure.axes[0].get_title()
    'replicator dynamics on the simplex'
    """
    items = list(trajectories) if isinstance(trajectories, (list, tuple)) else [trajectories]
    if not items:
        raise ParameterError("trajectories: expected at least one path, got none")
    paths = [_path(item, k) for k, item in enumerate(items)]
    ax = new_axes(ax)
    game = items[0].game
    shapes = [tuple(s.shape[1] for s in states) for _, states, _ in paths]
    name = paths[0][2]
    colours = [f"C{k % 10}" for k in range(len(paths))]
    if all(shape == (3,) for shape in shapes):
        _corners(ax, game.actions[0])
        for k, ((_, (states,), _), colour) in enumerate(zip(paths, colours)):
            x = states[:, 1] + 0.5 * states[:, 2]
            y = _SQRT3 * states[:, 2]
            ax.plot(x, y, color=colour, lw=1.5, label=f"path {k + 1}" if len(paths) > 1 else "path")
            ax.plot(x[0], y[0], "o", color=colour, ms=5)
            ax.plot(x[-1], y[-1], "s", color=colour, ms=6)
        ax.plot([], [], "ko", ms=5, label="start")
        ax.plot([], [], "ks", ms=6, label="end")
        default = f"{name} on the simplex"
    elif all(shape == (2, 2) for shape in shapes):
        for k, ((_, (rows, columns), _), colour) in enumerate(zip(paths, colours)):
            ax.plot(rows[:, 0], columns[:, 0], color=colour, lw=1.5,
                    label=f"path {k + 1}" if len(paths) > 1 else "path")
            ax.plot(rows[0, 0], columns[0, 0], "o", color=colour, ms=5)
            ax.plot(rows[-1, 0], columns[-1, 0], "s", color=colour, ms=6)
        ax.plot([], [], "ko", ms=5, label="start")
        ax.plot([], [], "ks", ms=6, label="end")
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        ax.set_aspect("equal")
        ax.set_xlabel(f"share of {game.actions[0][0]!r} in population {game.players[0]!r}")
        ax.set_ylabel(f"share of {game.actions[1][0]!r} in population {game.players[1]!r}")
        default = f"{name} in the unit square"
    else:
        for k, (times, states, _) in enumerate(paths):
            for p, population in enumerate(states):
                labels = game.actions[p] if p < len(game.actions) else game.actions[0]
                for a in range(population.shape[1]):
                    ax.plot(times, population[:, a], color=f"C{(a + 3 * p) % 10}", lw=1.2,
                            ls=("-", "--", ":", "-.")[k % 4],
                            label=f"{labels[a]!r}" + (f" (population {p})" if len(states) > 1 else "")
                            if k == 0 else None)
        ax.set_xlabel("time" if isinstance(items[0], Trajectory) else
                      ("round" if isinstance(items[0], FictitiousPlay) else "step"))
        ax.set_ylabel("share")
        ax.set_ylim(-0.02, 1.02)
        default = f"{name}: shares over time"
    ax.set_title(title if title is not None else default)
    ax.legend(fontsize=8, loc="best")
    return ax.figure
