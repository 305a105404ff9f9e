r"""The pieces of a game tree: nested node descriptions and the node and information-set records.

A game tree is described by nested Python structures, which :func:`decision`
and :func:`chance` build:

* a **terminal** node is a sequence of payoffs, one per player, e.g. ``(3, 1)``;
* a **decision** node is ``{"player": p, "actions": {label: subtree, ...},
  "infoset": name}`` (``"infoset"`` is optional: by default every decision
  node is its own information set);
* a **chance** node is ``{"chance": {label: (probability, subtree), ...}}``.

The same shapes, with the subtrees left out (``"actions"`` a sequence of
labels, ``"chance"`` a mapping label -> probability), describe one node of a
tree built from a function of the history
(:meth:`~cybergames.extensive.ExtensiveGame.from_function`).
:class:`~cybergames.extensive.ExtensiveGame` turns a description into
:class:`Node` and :class:`Infoset` records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._builder import CHANCE, DECISION, TERMINAL

__all__ = ["decision", "chance", "Node", "Infoset", "CHANCE", "DECISION", "TERMINAL"]


def decision(player: str, actions: Any, infoset: str | None = None) -> dict:
    """A decision node of ``player``: ``actions`` maps labels to subtrees (or, in
    :meth:`ExtensiveGame.from_function`, is a sequence of labels).

    Examples
    --------
    >>> decision("Entrant", {"Out": (0, 2), "In": (1, 1)})
    {'player': 'Entrant', 'actions': {'Out': (0, 2), 'In': (1, 1)}}
    """
    node = {"player": player, "actions": actions}
    if infoset is not None:
        node["infoset"] = infoset
    return node


def chance(branches: Mapping) -> dict:
    """A chance node: ``branches`` maps labels to ``(probability, subtree)`` (or, in
    :meth:`ExtensiveGame.from_function`, to probabilities).

    Examples
    --------
    >>> chance({"heads": (0.5, (1, -1)), "tails": (0.5, (-1, 1))})["chance"]["heads"]
    (0.5, (1, -1))
    """
    return {"chance": branches}


@dataclass(frozen=True)
class Node:
    """One node of the tree, in depth-first (preorder) numbering.

    Attributes
    ----------
    index : int
    kind : str
        ``"decision"``, ``"chance"`` or ``"terminal"``.
    history : tuple of str
        The action labels from the root to this node.
    parent : int
        The parent's index (-1 for the root).
    children : tuple of int
        One child per action, in action order.
    player : int
        The mover's index at a decision node; -1 otherwise.
    infoset : int
        The information set's index at a decision node; -1 otherwise.
    actions : tuple of str
        The action labels (decision and chance nodes).
    probabilities : tuple
        The chance probabilities (chance nodes; empty otherwise).
    payoffs : tuple
        One payoff per player (terminal nodes; empty otherwise).
    """

    index: int
    kind: str
    history: tuple
    parent: int
    children: tuple
    player: int
    infoset: int
    actions: tuple
    probabilities: tuple
    payoffs: tuple


@dataclass(frozen=True)
class Infoset:
    """An information set: decision nodes of one player that she cannot tell apart.

    Attributes
    ----------
    label : str
        Unique among the game's information sets.
    player : int
        The index of the player who moves.
    actions : tuple of str
    nodes : tuple of int
        The member nodes, in preorder.
    """

    label: str
    player: int
    actions: tuple
    nodes: tuple
