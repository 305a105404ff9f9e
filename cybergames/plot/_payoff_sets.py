"""The figure of an equilibrium payoff set with the feasible and individually rational payoffs,
and of the best symmetric payoff against the discount factor."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._regions import new_axes
from ..errors import ParameterError

__all__ = ["plot_payoff_sets", "plot_best_symmetric_payoffs"]


def _fill(ax: Any, vertices: np.ndarray, **style: Any) -> None:
    vertices = np.asarray(vertices, dtype=float)
    if len(vertices) == 0:
        return
    if len(vertices) == 1:
        ax.plot(vertices[:, 0], vertices[:, 1], "o", color=style.get("edgecolor", style.get("color")),
                label=style.get("label"))
    elif len(vertices) == 2:
        ax.plot(vertices[:, 0], vertices[:, 1], "-", lw=2, color=style.get("edgecolor", style.get("color")),
                label=style.get("label"))
    else:
        ax.fill(vertices[:, 0], vertices[:, 1], **style)


def plot_payoff_sets(payoff_set: Any, *, ax: Any = None, feasible: bool = True,
                     individually_rational: bool = True, outer: bool = True, mixed: bool = True) -> Any:
    """Draw the feasible set, the individually rational region and an equilibrium payoff set together.

    Parameters
    ----------
    payoff_set : EquilibriumPayoffSet
        The result of :func:`cybergames.equilibrium_payoff_set`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    feasible, individually_rational, outer : bool
        Whether to draw the feasible payoffs, the minmax lines with the region
        above them, and the outer approximation (the inner one is always drawn).
    mixed : bool, default True
        Mixed or pure minmax values for the individually rational region.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``payoff_set`` is not an equilibrium payoff set.
    ImportError
        If matplotlib is not installed.

    Examples
    --------
    >>> from cybergames import NormalFormGame, RepeatedGame
    >>> from cybergames.repeated.payoff_sets import equilibrium_payoff_set
    >>> from cybergames.plot import plot_payoff_sets
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> figure = plot_payoff_sets(equilibrium_payoff_set(RepeatedGame(pd), 0.9))
    >>> sorted(text.get_text() for text in figure.axes[0].get_legend().get_texts())
    ['equilibrium payoffs (inner)', 'feasible payoffs', 'individually rational', 'outer approximation']
    """
    from ..repeated.geometry import feasible_payoffs, individually_rational as minmax_region
    from ..repeated.payoff_sets import EquilibriumPayoffSet
    if not isinstance(payoff_set, EquilibriumPayoffSet):
        raise ParameterError(f"payoff_set: expected an EquilibriumPayoffSet, got {type(payoff_set).__name__}")
    ax = new_axes(ax, figsize=(5, 5))
    game = payoff_set.game.stage
    if feasible:
        _fill(ax, feasible_payoffs(game).vertices, facecolor="0.92", edgecolor="0.5", label="feasible payoffs")
    if individually_rational:
        values = [float(v) for v in minmax_region(game, mixed).minmax]
        ax.axvline(values[0], color="tab:red", ls="--", lw=1, label="individually rational")
        ax.axhline(values[1], color="tab:red", ls="--", lw=1)
    if outer and not payoff_set.outer.is_empty:
        _fill(ax, payoff_set.outer.vertices, facecolor="none", edgecolor="tab:blue", ls=":",
              label="outer approximation")
    _fill(ax, payoff_set.inner.vertices, facecolor="tab:blue", alpha=0.45, edgecolor="tab:blue",
          label="equilibrium payoffs (inner)")
    players = game.players
    ax.set_xlabel(f"payoff of player {players[0]}")
    ax.set_ylabel(f"payoff of player {players[1]}")
    ax.set_title(f"delta = {payoff_set.delta}: {payoff_set.shape}")
    ax.legend(loc="best", fontsize="small")
    return ax.figure


def plot_best_symmetric_payoffs(curve: Any, *, ax: Any = None) -> Any:
    """Draw the bracket of the best symmetric equilibrium payoff against the discount factor.

    Parameters
    ----------
    curve : SymmetricPayoffCurve
        From :func:`cybergames.best_symmetric_payoffs`.
    ax : matplotlib.axes.Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``curve`` is not a :class:`~cybergames.repeated.payoff_sets.derived.SymmetricPayoffCurve`.

    Examples
    --------
    >>> from cybergames import NormalFormGame, RepeatedGame, best_symmetric_payoffs
    >>> from cybergames.plot import plot_best_symmetric_payoffs
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> figure = plot_best_symmetric_payoffs(best_symmetric_payoffs(RepeatedGame(pd), [0.1, 0.3, 0.5]))
    >>> figure.axes[0].get_xlabel()
    'discount factor delta'
    """
    from ..repeated.payoff_sets import SymmetricPayoffCurve
    if not isinstance(curve, SymmetricPayoffCurve):
        raise ParameterError(f"curve: expected a SymmetricPayoffCurve, got {type(curve).__name__}")
    ax = new_axes(ax, figsize=(6, 4))
    deltas = np.asarray(curve.deltas, dtype=float)
    lower = np.asarray(curve.lower, dtype=float)
    upper = np.asarray(curve.upper, dtype=float)
    shown = np.isfinite(lower) & np.isfinite(upper)
    ax.fill_between(deltas[shown], lower[shown], upper[shown], color="tab:blue", alpha=0.25,
                    label="bracket (inner to outer)")
    ax.plot(deltas[np.isfinite(lower)], lower[np.isfinite(lower)], "o-", color="tab:blue",
            label="attained by an equilibrium")
    ax.plot(deltas[np.isfinite(upper)], upper[np.isfinite(upper)], ":", color="tab:blue", label="bound")
    ax.set_xlabel("discount factor delta")
    ax.set_ylabel("best symmetric equilibrium payoff")
    ax.set_title("Best symmetric equilibrium payoff")
    ax.legend(loc="best", fontsize="small")
    return ax.figure
