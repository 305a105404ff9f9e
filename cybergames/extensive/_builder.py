"""Building the flat preorder node records of a game tree from nested structures or a function."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Callable

import sympy

from .. import _numbers
from .._numbers import FLOAT
from ..errors import ExtensiveGameError, ProbabilityError

DECISION, CHANCE, TERMINAL = "decision", "chance", "terminal"


def _is_payoffs(spec: Any) -> bool:
    return isinstance(spec, Sequence) and not isinstance(spec, (str, bytes))


class _Builder:
    """Walks a nested specification (or a function of the history) into flat preorder nodes."""

    def __init__(self, players: Any, max_nodes: int) -> None:
        self.fixed_players = players is not None
        self.players: list[str] = list(players) if players is not None else []
        self.max_nodes = max_nodes
        self.records: list[dict] = []
        self.infosets: dict[str, dict] = {}

    def player_index(self, label: Any, where: str) -> int:
        if not isinstance(label, str) or not label:
            raise ExtensiveGameError(f"tree{where}: expected a player label (a non-empty string), got {label!r}")
        if label in self.players:
            return self.players.index(label)
        if self.fixed_players:
            raise ExtensiveGameError(f"tree{where}: unknown player {label!r}; the players are {self.players}")
        self.players.append(label)
        return len(self.players) - 1

    def build(self, root: Any, expand: Callable | None, max_depth: int) -> None:
        # stack items: (spec, history, parent index, path ids)
        stack: list = [(root, (), -1, ())]
        while stack:
            spec, history, parent, path = stack.pop()
            if expand is not None:
                if len(history) > max_depth:
                    raise ExtensiveGameError(
                        f"expand: the history {list(history[:8])}... is longer than max_depth={max_depth}; "
                        f"the function never reaches a terminal node (a cycle?)")
                spec = expand(history)
            where = f" at history {list(history)}"
            if len(self.records) >= self.max_nodes:
                raise ExtensiveGameError(f"tree: more than max_nodes={self.max_nodes} nodes")
            index = len(self.records)
            if parent >= 0:
                self.records[parent]["children"].append(index)
            record = {"index": index, "history": history, "parent": parent, "children": [],
                      "player": -1, "infoset": None, "actions": (), "probabilities": (), "payoffs": ()}
            self.records.append(record)
            if _is_payoffs(spec):
                record["kind"] = TERMINAL
                record["payoffs"] = tuple(_numbers.normalise(v, f"tree{where}: payoff", ExtensiveGameError)
                                          for v in spec)
                continue
            if not isinstance(spec, Mapping):
                raise ExtensiveGameError(
                    f"tree{where}: expected a decision node {{'player', 'actions'}}, a chance node "
                    f"{{'chance'}} or a sequence of payoffs, got {spec!r:.80}")
            if expand is None and id(spec) in path:   # nested specs stay alive, so their ids are stable
                raise ExtensiveGameError(f"tree{where}: cycle: this node contains itself")
            inner = path + (id(spec),) if expand is None else ()
            if "chance" in spec:
                labels, probabilities, subtrees = self.chance_node(spec, where, expand is None)
                record.update(kind=CHANCE, actions=labels, probabilities=probabilities)
            else:
                labels, subtrees = self.decision_node(spec, record, where, expand is None)
                record["kind"] = DECISION
                record["actions"] = labels
            for label, subtree in reversed(list(zip(labels, subtrees))):
                stack.append((subtree, history + (label,), index, inner))

    def labels(self, labels: Any, where: str, what: str) -> tuple:
        labels = tuple(labels)
        if not labels:
            raise ExtensiveGameError(f"tree{where}: a {what} node needs at least one action")
        for label in labels:
            if not isinstance(label, str) or not label:
                raise ExtensiveGameError(f"tree{where}: action labels must be non-empty strings, got {label!r}")
        if len(set(labels)) != len(labels):
            raise ExtensiveGameError(f"tree{where}: action labels must be distinct, got {list(labels)}")
        return labels

    def chance_node(self, spec: Mapping, where: str, nested: bool):
        extra = set(spec) - {"chance"}
        if extra:
            raise ExtensiveGameError(f"tree{where}: a chance node has only the key 'chance', got also {sorted(extra)}")
        branches = spec["chance"]
        if not isinstance(branches, Mapping):
            raise ExtensiveGameError(f"tree{where}: 'chance' must map action labels to "
                                     f"{'(probability, subtree)' if nested else 'probabilities'}, got {branches!r:.80}")
        labels = self.labels(branches.keys(), where, "chance")
        probabilities, subtrees = [], []
        for label in labels:
            value = branches[label]
            if nested:
                if not (isinstance(value, Sequence) and not isinstance(value, (str, bytes)) and len(value) == 2):
                    raise ExtensiveGameError(f"tree{where}: chance branch {label!r} must be "
                                             f"(probability, subtree), got {value!r:.80}")
                value, subtree = value
                subtrees.append(subtree)
            else:
                subtrees.append(None)
            p = _numbers.normalise(value, f"tree{where}: the probability of {label!r}", ProbabilityError)
            _numbers.require(p >= 0, ProbabilityError,
                             f"tree{where}: the probability of {label!r} must be non-negative, got {p!r}")
            probabilities.append(p)
        total = sum(probabilities)
        if _numbers.kind_of(probabilities) == FLOAT:
            if abs(total - 1) > 1e-9:
                raise ProbabilityError(f"tree{where}: chance probabilities must sum to 1, got {total!r}")
        else:
            _numbers.require(sympy.Eq(sympy.simplify(_numbers.to_sympy(total)), 1), ProbabilityError,
                             f"tree{where}: chance probabilities must sum to 1, got {total}")
        return labels, tuple(probabilities), subtrees

    def decision_node(self, spec: Mapping, record: dict, where: str, nested: bool):
        extra = set(spec) - {"player", "actions", "infoset"}
        if extra or "player" not in spec or "actions" not in spec:
            raise ExtensiveGameError(f"tree{where}: a decision node has the keys 'player', 'actions' "
                                     f"and optionally 'infoset'; got {sorted(spec)}")
        player = self.player_index(spec["player"], where)
        actions = spec["actions"]
        if nested:
            if not isinstance(actions, Mapping):
                raise ExtensiveGameError(f"tree{where}: 'actions' must map action labels to subtrees, "
                                         f"got {actions!r:.80}")
            labels = self.labels(actions.keys(), where, "decision")
            subtrees = [actions[label] for label in labels]
        else:
            if isinstance(actions, (str, bytes, Mapping)) or not isinstance(actions, Sequence):
                raise ExtensiveGameError(f"expand{where}: 'actions' must be a sequence of labels, got {actions!r:.80}")
            labels = self.labels(actions, where, "decision")
            subtrees = [None] * len(labels)
        name = spec.get("infoset")
        if name is None:
            name = f"{self.players[player]}@{'/'.join(record['history']) or 'root'}"
        if not isinstance(name, str) or not name:
            raise ExtensiveGameError(f"tree{where}: an infoset name must be a non-empty string, got {name!r}")
        known = self.infosets.get(name)
        if known is None:
            self.infosets[name] = {"player": player, "actions": labels, "nodes": [record["index"]]}
        else:
            if known["player"] != player:
                raise ExtensiveGameError(
                    f"tree{where}: information set {name!r} mixes players "
                    f"{self.players[known['player']]!r} and {self.players[player]!r}")
            if known["actions"] != labels:
                raise ExtensiveGameError(
                    f"tree{where}: information set {name!r} mixes action sets: {list(known['actions'])} "
                    f"({len(known['actions'])} actions) and {list(labels)} ({len(labels)} actions)")
            known["nodes"].append(record["index"])
        record["player"], record["infoset"] = player, name
        return labels, subtrees
