r"""Finite games in extensive form: a tree of decision, chance and terminal nodes.

:class:`ExtensiveGame` is built from the nested node descriptions of
:mod:`cybergames.extensive.nodes` (:func:`decision`, :func:`chance` and payoff
tuples) or from a function of the history, and holds the tree as
:class:`Node` and :class:`Infoset` records.

Information sets group the decision nodes a player cannot tell apart: all
nodes of one information set belong to one player and offer the same action
labels. **Perfect recall** (Kuhn 1953) holds when every player remembers her
own earlier information sets and actions: all nodes of an information set
have the same sequence of the player's own (information set, action) pairs
on their paths. It is checked at construction (:attr:`ExtensiveGame.has_perfect_recall`);
the solvers that need it raise :class:`~cybergames.errors.PerfectRecallError`.

Numbers follow the library's rule: ints, Fractions and sympy rationals make
an exact game, any float a float game, and other sympy expressions a symbolic
one (chance probabilities included).

References
----------
H. W. Kuhn, "Extensive games and the problem of information", in
*Contributions to the Theory of Games II* (1953), 193–216.
M. J. Osborne and A. Rubinstein, *A Course in Game Theory* (1994), ch. 6 and 11.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

import sympy

from .. import _numbers
from .._numbers import FLOAT, SYMBOLIC
from ..errors import ExtensiveGameError, PerfectRecallError
from ._builder import CHANCE, DECISION, TERMINAL, _Builder, _is_payoffs
from ._recall import recall
from .nodes import Infoset, Node, chance, decision

__all__ = ["ExtensiveGame", "Infoset", "Node", "decision", "chance", "CHANCE", "DECISION", "TERMINAL"]


#: Default bound on the number of nodes of a tree (a shared subtree counts once per occurrence).
MAX_NODES = 10**6


def _convert(value: Any, kind: str, where: str) -> Any:
    if kind == FLOAT:
        try:
            return float(value)
        except OverflowError as exc:
            raise ExtensiveGameError(f"{where}: in a float game every number must fit a float, "
                                     f"got an exact number too large") from exc
    if kind == SYMBOLIC:
        return _numbers.to_sympy(value)
    return value


class ExtensiveGame:
    r"""A finite game in extensive form with information sets, chance moves and payoffs.

    Parameters
    ----------
    tree : dict or sequence
        The root node, in the nested form of the module docstring (built with
        :func:`decision`, :func:`chance` and payoff tuples).
    players : sequence of str, optional
        The player labels, in payoff order. By default the players in the order
        in which they first move (preorder); players who never move must be listed.
    max_nodes : int
        Refuse trees with more nodes than this (a subtree shared by several
        parents counts once per occurrence).

    Raises
    ------
    ExtensiveGameError
        If a node is malformed, the structure contains a cycle, an information set
        mixes players or action sets, labels are missing or repeated, or a payoff
        vector has the wrong length.
    ProbabilityError
        If chance probabilities are negative or do not sum to one.

    Notes
    -----
    Nodes are numbered in preorder (:attr:`nodes`); information sets in the
    order in which their first node appears (:attr:`infosets`). A player's
    *sequences* are the empty sequence and the pairs (information set, action)
    of her own moves; under perfect recall each information set has one parent
    sequence, the player's last own move on the path to it.

    Examples
    --------
    The entry game (Gibbons 1992, §2.1.A style): the entrant stays out or enters,
    the incumbent fights or accommodates.

    >>> game = ExtensiveGame(decision("Entrant", {
    ...     "Out": (0, 2),
    ...     "In": decision("Incumbent", {"Fight": (-1, -1), "Accommodate": (1, 1)})}))
    >>> game.players, [s.label for s in game.infosets]
    (('Entrant', 'Incumbent'), ['Entrant@root', 'Incumbent@In'])
    >>> game.has_perfect_recall, game.is_perfect_information, game.kind
    (True, True, 'exact')
    >>> print(game.reduced_normal_form().table())
                Fight   Accommodate
    Out          0, 2          0, 2
    In         -1, -1          1, 1
    """

    def __init__(self, tree: Any, players: Sequence[str] | None = None, *, max_nodes: int = MAX_NODES) -> None:
        self._build(tree, None, players, max_nodes, 0)

    @classmethod
    def from_function(cls, expand: Callable[[tuple], Any], players: Sequence[str] | None = None, *,
                      max_nodes: int = MAX_NODES, max_depth: int = 1000) -> "ExtensiveGame":
        """The game whose node at history ``h`` (a tuple of action labels) is ``expand(h)``.

        ``expand`` returns a payoff sequence, ``decision(player, [labels], infoset=...)``
        or ``chance({label: probability})``.

        Raises
        ------
        ExtensiveGameError
            As the constructor, and when a history grows beyond ``max_depth``
            (the function never ends the game: a cycle).

        Examples
        --------
        A centipede game of four moves: stopping at move ``k`` pays the mover ``k + 2``.

        >>> def centipede(history):
        ...     k = len(history)
        ...     if history and history[-1] == "stop":
        ...         mover = (k - 1) % 2
        ...         return (k + 1, k - 1) if mover == 0 else (k - 1, k + 1)
        ...     if k == 4:
        ...         return (5, 5)
        ...     return decision(("A", "B")[k % 2], ["stop", "go"])
        >>> game = ExtensiveGame.from_function(centipede)
        >>> len(game.nodes), game.players
        (9, ('A', 'B'))
        """
        if not callable(expand):
            raise ExtensiveGameError(f"expand: expected a function of the history, got {expand!r}")
        game = cls.__new__(cls)
        game._build(None, expand, players, max_nodes, max_depth)
        return game

    # ----------------------------------------------------------------- construction
    def _build(self, tree: Any, expand: Callable | None, players: Any, max_nodes: int, max_depth: int) -> None:
        if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
            raise ExtensiveGameError(f"max_nodes: expected a positive int, got {max_nodes!r}")
        if players is not None:
            if isinstance(players, str) or not isinstance(players, Sequence):
                raise ExtensiveGameError(f"players: expected a sequence of player labels, got {players!r}")
            for label in players:
                if not isinstance(label, str) or not label:
                    raise ExtensiveGameError(f"players: labels must be non-empty strings, got {label!r}")
            if len(set(players)) != len(players):
                raise ExtensiveGameError(f"players: labels must be unique, got {list(players)}")
        builder = _Builder(players, max_nodes)
        builder.build(tree, expand, max_depth)
        n = len(builder.players)
        if n == 0:
            raise ExtensiveGameError("tree: the game has no players (no decision node and no players= given)")
        names = list(builder.infosets)
        index_of = {name: k for k, name in enumerate(names)}
        values = []
        for record in builder.records:
            if record["kind"] == TERMINAL and len(record["payoffs"]) != n:
                raise ExtensiveGameError(
                    f"tree at history {list(record['history'])}: expected {n} payoffs "
                    f"(one per player {builder.players}), got {len(record['payoffs'])}")
            values.extend(record["payoffs"])
            values.extend(record["probabilities"])
        kind = _numbers.kind_of(values)
        nodes = []
        for r in builder.records:
            where = f"tree at history {list(r['history'])}"
            nodes.append(Node(r["index"], r["kind"], r["history"], r["parent"], tuple(r["children"]), r["player"],
                              index_of[r["infoset"]] if r["infoset"] is not None else -1, r["actions"],
                              tuple(_convert(p, kind, where) for p in r["probabilities"]),
                              tuple(_convert(u, kind, where) for u in r["payoffs"])))
        infosets = tuple(Infoset(name, builder.infosets[name]["player"], builder.infosets[name]["actions"],
                                 tuple(builder.infosets[name]["nodes"])) for name in names)
        self._players = tuple(builder.players)
        self._nodes = tuple(nodes)
        self._infosets = tuple(infosets)
        self._kind = kind
        self._recall()

    def _recall(self) -> None:
        found = recall(self._players, self._nodes, self._infosets, self._kind)
        self._sequences = found.sequences
        self._seq_index = found.seq_index
        self._last = found.last
        self._reach = found.reach
        self._infoset_parent = found.infoset_parent
        self._imperfect_recall = found.imperfect_recall

    # ----------------------------------------------------------------- facts
    @property
    def players(self) -> tuple[str, ...]:
        """The player labels, in payoff order."""
        return self._players

    @property
    def num_players(self) -> int:
        """The number of players."""
        return len(self._players)

    @property
    def nodes(self) -> tuple[Node, ...]:
        """Every node, in preorder; ``nodes[0]`` is the root."""
        return self._nodes

    @property
    def infosets(self) -> tuple[Infoset, ...]:
        """Every information set, in the order of their first nodes."""
        return self._infosets

    @property
    def terminals(self) -> tuple[int, ...]:
        """The indices of the terminal nodes, in preorder."""
        return tuple(node.index for node in self._nodes if node.kind == TERMINAL)

    @property
    def kind(self) -> str:
        """``"exact"``, ``"float"`` or ``"symbolic"``."""
        return self._kind

    @property
    def is_symbolic(self) -> bool:
        """Whether some payoff or probability is a symbolic expression."""
        return self._kind == SYMBOLIC

    @property
    def has_perfect_recall(self) -> bool:
        """Whether every player remembers her own earlier information sets and actions."""
        return not self._imperfect_recall

    @property
    def is_perfect_information(self) -> bool:
        """Whether every information set is a single node."""
        return all(len(s.nodes) == 1 for s in self._infosets)

    @property
    def is_zero_sum(self) -> bool | None:
        """Whether the payoffs sum to zero at every terminal node (None if undecided)."""
        results = [_numbers.truth(sympy.simplify(sum(map(_numbers.to_sympy, self._nodes[t].payoffs))) == 0)
                   if self.is_symbolic else
                   (abs(sum(self._nodes[t].payoffs)) <= 1e-9 * max(1.0, *map(abs, self._nodes[t].payoffs))
                    if self._kind == FLOAT else sum(self._nodes[t].payoffs) == 0)
                   for t in self.terminals]
        if all(r is True for r in results):
            return True
        return False if any(r is False for r in results) else None

    @property
    def free_symbols(self) -> frozenset:
        """The sympy symbols in the payoffs and probabilities (empty unless symbolic)."""
        if not self.is_symbolic:
            return frozenset()
        return frozenset().union(*(sympy.sympify(v).free_symbols for node in self._nodes
                                   for v in node.payoffs + node.probabilities))

    def infoset(self, label: str) -> Infoset:
        """The information set labelled ``label``."""
        for infoset in self._infosets:
            if infoset.label == label:
                return infoset
        raise ExtensiveGameError(f"infoset: no information set {label!r}; "
                                 f"they are {[s.label for s in self._infosets]}")

    def require_perfect_recall(self, solver: str) -> None:
        """Raise :class:`PerfectRecallError` naming ``solver`` unless the game has perfect recall."""
        if self._imperfect_recall:
            raise PerfectRecallError(
                f"game: {solver} needs perfect recall, but the nodes of information set "
                f"{self._imperfect_recall[0]!r} follow different sequences of the player's own moves")

    # ----------------------------------------------------------------- conversions
    def to_tree(self, node: int = 0) -> Any:
        """The nested structure of the subtree at ``node`` (infoset names kept), for the constructor.

        Examples
        --------
        >>> from fractions import Fraction
        >>> game = ExtensiveGame(chance({"H": (Fraction(1, 2), (1,)), "T": (Fraction(1, 2), (0,))}), ["A"])
        >>> ExtensiveGame(game.to_tree(), game.players) == game
        True
        """
        built: dict[int, Any] = {}
        for current in reversed(self._nodes[node:self._subtree_end(node)]):
            if current.kind == TERMINAL:
                built[current.index] = current.payoffs
            elif current.kind == CHANCE:
                built[current.index] = chance({a: (p, built[c]) for a, p, c in
                                               zip(current.actions, current.probabilities, current.children)})
            else:
                built[current.index] = decision(self._players[current.player],
                                                {a: built[c] for a, c in zip(current.actions, current.children)},
                                                self._infosets[current.infoset].label)
        return built[node]

    def _subtree_end(self, node: int) -> int:
        """One past the last preorder index of the subtree at ``node``."""
        current = node
        while self._nodes[current].children:
            current = self._nodes[current].children[-1]
        return current + 1

    def reduced_normal_form(self):
        """The reduced strategic form, a :class:`~cybergames.games.NormalFormGame`.

        See :func:`cybergames.extensive.reduced_normal_form`.
        """
        from .forms import reduced_normal_form
        return reduced_normal_form(self)

    def sequence_form(self):
        """The sequence form (two players); see :func:`cybergames.extensive.sequence_form`."""
        from .forms import sequence_form
        return sequence_form(self)

    def subs(self, *args: Any, **kwargs: Any) -> "ExtensiveGame":
        """The game with symbols replaced, as :meth:`NormalFormGame.subs <cybergames.games.normal_form.NormalFormGame.subs>`.

        Examples
        --------
        >>> import sympy
        >>> from fractions import Fraction
        >>> c = sympy.Symbol("c")
        >>> game = ExtensiveGame(decision("A", {"x": (c,), "y": (1,)}))
        >>> game.subs(c=Fraction(1, 2)).kind
        'exact'
        """
        mapping = _numbers.substitution(args, kwargs, self.free_symbols, ExtensiveGameError)

        def replace(value: Any) -> Any:
            if isinstance(value, sympy.Basic):
                return _numbers.normalise(value.subs(mapping), "subs", ExtensiveGameError)
            return value

        tree = self.to_tree()

        def walk(spec: Any) -> Any:
            if _is_payoffs(spec):
                return tuple(replace(v) for v in spec)
            if "chance" in spec:
                return chance({a: (replace(p), walk(t)) for a, (p, t) in spec["chance"].items()})
            return decision(spec["player"], {a: walk(t) for a, t in spec["actions"].items()}, spec["infoset"])

        return ExtensiveGame(walk(tree), self._players)

    # ----------------------------------------------------------------- dunder
    def _key(self) -> tuple:
        return (self._players, tuple((n.kind, n.children, n.player, n.infoset, n.actions, n.probabilities,
                                      n.payoffs) for n in self._nodes),
                tuple((s.label, s.player, s.actions, s.nodes) for s in self._infosets))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ExtensiveGame):
            return NotImplemented
        return self._kind == other._kind and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        decisions = sum(1 for n in self._nodes if n.kind == DECISION)
        return (f"ExtensiveGame(players={self._players}, nodes={len(self._nodes)}, decision_nodes={decisions}, "
                f"infosets={len(self._infosets)}, kind={self._kind!r})")

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_") and name not in self.__dict__:
            object.__setattr__(self, name, value)
            return
        raise AttributeError(f"ExtensiveGame is immutable; cannot set {name!r}")

    def __reduce__(self):
        return (ExtensiveGame, (self.to_tree(), self._players))

