"""Perfect recall and the players' sequences of a game tree (Kuhn 1953).

Each player's *sequences* are the empty sequence and the pairs (information
set, action) of her own moves. Walking the tree in preorder gives, for every
node, each player's last own sequence on its path; the game has perfect recall
when all nodes of an information set share the mover's last sequence, which is
then the information set's *parent sequence*.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from .._numbers import FLOAT, SYMBOLIC
from ._builder import DECISION

__all__ = ["Recall", "recall"]


@dataclass(frozen=True)
class Recall:
    """What :func:`recall` finds; :class:`~cybergames.extensive.ExtensiveGame` keeps these fields."""

    sequences: tuple        # per player: () then the (infoset, action) pairs
    seq_index: tuple        # per player: sequence -> its index
    last: tuple             # per node: each player's last own sequence index on the path
    reach: tuple            # per node: the chance probability of reaching it
    infoset_parent: tuple   # per information set: the mover's parent sequence index
    imperfect_recall: tuple  # labels of information sets that break perfect recall (at most one)


def recall(players: tuple, nodes: tuple, infosets: tuple, kind: str) -> Recall:
    """Each node's per-player last own sequence; perfect recall; each infoset's parent sequence."""
    n = len(players)
    sequences: list[list] = [[()] for _ in range(n)]      # per player: () then (infoset, action) pairs
    seq_index: list[dict] = [{(): 0} for _ in range(n)]
    for h, infoset in enumerate(infosets):
        for a in range(len(infoset.actions)):
            seq_index[infoset.player][(h, a)] = len(sequences[infoset.player])
            sequences[infoset.player].append((h, a))
    last = [None] * len(nodes)                          # per node: tuple of each player's last sequence
    reach = [None] * len(nodes)                         # chance probability of reaching the node
    last[0] = (0,) * n
    reach[0] = 1 if kind != FLOAT else 1.0
    if kind == SYMBOLIC:
        reach[0] = sympy.Integer(1)
    parent_of: list = [None] * len(infosets)
    offenders: list[str] = []
    for node in nodes:
        own = last[node.index]
        if node.kind == DECISION:
            known = parent_of[node.infoset]
            if known is None:
                parent_of[node.infoset] = own[node.player]
            elif known != own[node.player] and len(offenders) < 1:
                offenders.append(infosets[node.infoset].label)
        for a, child in enumerate(node.children):
            if node.kind == DECISION:
                updated = list(own)
                updated[node.player] = seq_index[node.player][(node.infoset, a)]
                last[child] = tuple(updated)
                reach[child] = reach[node.index]
            else:
                last[child] = own
                reach[child] = reach[node.index] * node.probabilities[a]
    return Recall(tuple(tuple(s) for s in sequences), tuple(seq_index), tuple(last), tuple(reach),
                  tuple(parent_of), tuple(offenders))

