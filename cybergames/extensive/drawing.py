"""Drawing a game tree and an equilibrium's play on it (matplotlib, an optional dependency)."""

from __future__ import annotations

from typing import Any

from .._numbers import approximate
from ..errors import ExtensiveGameError
from .game import CHANCE, DECISION, TERMINAL, ExtensiveGame

__all__ = ["plot_tree"]


def _show(value: Any) -> str:
    number = approximate(value)
    if number is None:
        return str(value)
    text = str(value)
    return text if len(text) <= 6 else f"{number:.3g}"


def plot_tree(game: ExtensiveGame, equilibrium: Any = None, *, ax: Any = None, title: str | None = None):
    """Draw ``game`` left to right: decision nodes labelled by player, chance nodes as squares with
    their probabilities, payoffs at the leaves, information sets as dashed links; the actions an
    ``equilibrium`` (an :class:`~cybergames.extensive.ExtensiveEquilibrium`) plays with positive
    probability are drawn thick and red, with their probabilities when below one.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from cybergames.extensive import ExtensiveGame, decision, subgame_perfect_equilibria
    >>> game = ExtensiveGame(decision("A", {"L": (1, 0), "R": decision("B", {"l": (0, 1), "r": (2, 2)})}))
    >>> ax = plot_tree(game, subgame_perfect_equilibria(game)[0])
    >>> len(ax.texts) >= 5
    True
    """
    import matplotlib.pyplot as plt

    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5))
    nodes = game.nodes
    y: dict[int, float] = {}
    row = 0
    for node in nodes:                    # leaves in preorder get rows, parents the middle of their children
        if node.kind == TERMINAL:
            y[node.index] = -row
            row += 1
    for node in reversed(nodes):
        if node.kind != TERMINAL:
            y[node.index] = sum(y[c] for c in node.children) / len(node.children)
    x = {node.index: len(node.history) for node in nodes}
    for node in nodes:
        for a, child in enumerate(node.children):
            probability = None
            if node.kind == DECISION and equilibrium is not None:
                probability = equilibrium.behaviour[game.infosets[node.infoset].label][node.actions[a]]
            played = probability is not None and probability != 0
            ax.plot([x[node.index], x[child]], [y[node.index], y[child]], color="crimson" if played else "0.55",
                    linewidth=2.6 if played else 1.0, zorder=1)
            label = node.actions[a]
            if node.kind == CHANCE:
                label += f" ({_show(node.probabilities[a])})"
            elif played and probability != 1:
                label += f" [{_show(probability)}]"
            ax.annotate(label, ((x[node.index] + x[child]) / 2, (y[node.index] + y[child]) / 2),
                        fontsize=8, ha="center", va="bottom", color="crimson" if played else "0.25")
        if node.kind == TERMINAL:
            ax.annotate("(" + ", ".join(_show(u) for u in node.payoffs) + ")", (x[node.index] + 0.08, y[node.index]),
                        fontsize=8, va="center")
        elif node.kind == CHANCE:
            ax.scatter([x[node.index]], [y[node.index]], marker="s", s=70, color="white", edgecolor="black", zorder=2)
        else:
            ax.scatter([x[node.index]], [y[node.index]], s=70, color="black", zorder=2)
            ax.annotate(game.players[node.player], (x[node.index] - 0.06, y[node.index] + 0.12), fontsize=8,
                        ha="right", va="bottom", fontweight="bold")
    for infoset in game.infosets:
        members = infoset.nodes
        for first, second in zip(members, members[1:]):
            ax.plot([x[first], x[second]], [y[first], y[second]], linestyle="--", color="royalblue", zorder=0)
    ax.set_xlim(-0.3, max(x.values()) + 1.2)
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    return ax
