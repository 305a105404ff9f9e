r"""The reduced strategic form and the sequence form of an extensive game.

**Reduced strategic form.** A pure strategy picks an action at each of a
player's information sets; two strategies that differ only at information sets
their own earlier choices rule out are payoff-equivalent, and the *reduced*
strategies keep one of each class: an action at exactly the information sets
the strategy itself leaves reachable, ``"*"`` elsewhere. The payoff of a
profile is the chance-weighted payoff of the terminal nodes every player's
strategy is compatible with.

**Sequence form** (Koller, Megiddo and von Stengel 1996; von Stengel 1996).
Under perfect recall a player's *sequences* are the empty sequence
:math:`\emptyset` and the pairs :math:`(h, a)` of her information sets and
actions. A *realisation plan* :math:`x \ge 0` gives each sequence the
probability that the player's own moves play it; it satisfies

.. math::

    x(\emptyset) = 1, \qquad \sum_{a \in A(h)} x(h, a) = x(\sigma_h) \text{ for every } h,

that is :math:`E x = e` (:math:`\sigma_h` is the parent sequence of
:math:`h`), and :math:`F y = f` for player 2. The payoff matrices sum the
chance-weighted payoffs of the leaves: :math:`A[s, t] = \sum_{\ell:\ s_1(\ell) = s,\
s_2(\ell) = t} c(\ell)\, u_1(\ell)`, so that :math:`x^\top A y` is player 1's
expected payoff. The sizes are linear in the tree, where the strategic form
is exponential.

References
----------
D. Koller, N. Megiddo and B. von Stengel, "Efficient computation of equilibria
for extensive two-person games", *Games and Economic Behavior* 14 (1996) 247–259.
B. von Stengel, "Efficient computation of behavior strategies", *Games and
Economic Behavior* 14 (1996) 220–246.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import FLOAT
from ..errors import ExtensiveGameError
from ..games import NormalFormGame
from .game import DECISION, TERMINAL, ExtensiveGame

__all__ = ["reduced_normal_form", "reduced_strategies", "sequence_form", "SequenceForm"]

#: Bound on the number of pure profiles of a reduced strategic form.
MAX_PROFILES = 10**6


def _zero(kind: str) -> Any:
    return 0.0 if kind == FLOAT else 0


def _tidy(array: np.ndarray, kind: str) -> np.ndarray:
    """Float arrays as float64; Fractions with denominator one as ints."""
    if kind == FLOAT:
        return array.astype(float)
    flat = array.ravel()
    for k, value in enumerate(flat):
        flat[k] = _numbers.simplify_exact(value)
    return array


def _own_paths(game: ExtensiveGame, player: int) -> dict[int, tuple]:
    """For each terminal node, the player's (infoset, action) pairs on its path, root first."""
    paths: dict[int, tuple] = {}
    own: list = [None] * len(game.nodes)
    own[0] = ()
    for node in game.nodes:
        if node.kind == TERMINAL:
            paths[node.index] = own[node.index]
        for a, child in enumerate(node.children):
            mine = node.kind == DECISION and node.player == player
            own[child] = own[node.index] + ((node.infoset, a),) if mine else own[node.index]
    return paths


def reduced_strategies(game: ExtensiveGame, player: int) -> tuple[tuple[dict, ...], tuple[str, ...]]:
    """The player's reduced pure strategies, as mappings infoset index -> action index, and labels.

    A label lists the actions at the player's information sets in order,
    separated by commas, with ``*`` where the strategy leaves the set
    unreachable (just the action label when the player has one information set).
    """
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    if isinstance(player, bool) or not isinstance(player, int) or not 0 <= player < game.num_players:
        raise ExtensiveGameError(f"player: expected a player index 0 to {game.num_players - 1}, got {player!r}")
    mine = [h for h, s in enumerate(game.infosets) if s.player == player]
    if not mine:
        return ({},), ("-",)
    if game.has_perfect_recall:
        children: dict[int, list[int]] = {}
        for h in mine:
            children.setdefault(game._infoset_parent[h], []).append(h)
        index = game._seq_index[player]
        found: list[dict] = []

        def expand(pending: list[int], chosen: dict) -> None:
            if len(found) > MAX_PROFILES:
                raise ExtensiveGameError(f"game: player {game.players[player]!r} has more than "
                                         f"{MAX_PROFILES} reduced strategies")
            if not pending:
                found.append(dict(chosen))
                return
            h, rest = pending[0], pending[1:]
            for a in range(len(game.infosets[h].actions)):
                chosen[h] = a
                expand(rest + children.get(index[(h, a)], []), chosen)
                del chosen[h]

        expand(list(children.get(0, [])), {})
        strategies = found
    else:
        total = math.prod(len(game.infosets[h].actions) for h in mine)
        if total > MAX_PROFILES:
            raise ExtensiveGameError(f"game: player {game.players[player]!r} has {total} pure strategies "
                                     f"(more than {MAX_PROFILES})")
        paths = _own_paths(game, player)
        seen: dict = {}
        for choice in itertools.product(*(range(len(game.infosets[h].actions)) for h in mine)):
            assignment = dict(zip(mine, choice))
            reached = tuple(all(assignment[h] == a for h, a in path) for path in paths.values())
            relevant = {h for leaf, path in paths.items() if all(assignment[g] == b for g, b in path)
                        for h, _ in path}
            seen.setdefault(reached, {h: a for h, a in assignment.items() if h in relevant})
        strategies = list(seen.values())
    labels = []
    for strategy in strategies:
        parts = [game.infosets[h].actions[strategy[h]] if h in strategy else "*" for h in mine]
        labels.append(parts[0] if len(mine) == 1 else ",".join(parts))
    if len(set(labels)) != len(labels):
        labels = [str(k + 1) for k in range(len(strategies))]
    return tuple(strategies), tuple(labels)


def _compatible(game: ExtensiveGame, player: int, strategies: tuple[dict, ...]) -> dict[int, list[int]]:
    """For each terminal node, the indices of the player's strategies that do not rule it out."""
    paths = _own_paths(game, player)
    return {leaf: [k for k, s in enumerate(strategies) if all(s.get(h) == a for h, a in path)]
            for leaf, path in paths.items()}


def reduced_normal_form(game: ExtensiveGame) -> NormalFormGame:
    r"""The reduced strategic form of ``game``.

    Parameters
    ----------
    game : ExtensiveGame

    Returns
    -------
    NormalFormGame
        The players of ``game``; each player's reduced pure strategies (see
        :func:`reduced_strategies` for the labels); the expected payoffs
        :math:`\sum_\ell c(\ell) u(\ell)` over the terminal nodes compatible
        with the profile. Exact, float or symbolic as the game is.

    Raises
    ------
    ExtensiveGameError
        If the strategic form would have more than ``MAX_PROFILES`` profiles.

    Examples
    --------
    Matching pennies played in turn, the second mover not seeing the first move:

    >>> from cybergames.extensive import ExtensiveGame, decision
    >>> game = ExtensiveGame(decision("1", {
    ...     "H": decision("2", {"h": (1, -1), "t": (-1, 1)}, infoset="guess"),
    ...     "T": decision("2", {"h": (-1, 1), "t": (1, -1)}, infoset="guess")}))
    >>> reduced_normal_form(game).payoffs[0].tolist()
    [[1, -1], [-1, 1]]
    """
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    n = game.num_players
    per_player = [reduced_strategies(game, i) for i in range(n)]
    shape = tuple(len(s) for s, _ in per_player)
    if math.prod(shape) > MAX_PROFILES:
        raise ExtensiveGameError(f"game: the reduced strategic form has {math.prod(shape)} profiles "
                                 f"(more than {MAX_PROFILES})")
    compatible = [_compatible(game, i, per_player[i][0]) for i in range(n)]
    kind = game.kind
    tensors = [np.empty(shape, dtype=object) for _ in range(n)]
    for t in tensors:
        t[...] = _zero(kind)
    for leaf in game.terminals:
        reach = game._reach[leaf]
        block = np.ix_(*(compatible[i][leaf] for i in range(n)))
        if any(len(compatible[i][leaf]) == 0 for i in range(n)):
            continue
        for i in range(n):
            tensors[i][block] = tensors[i][block] + reach * game.nodes[leaf].payoffs[i]
    tensors = [_tidy(t, kind) for t in tensors]
    return NormalFormGame(tensors, [labels for _, labels in per_player], game.players)


@dataclass(frozen=True, eq=False)
class SequenceForm:
    r"""The sequence form of a two-player game with perfect recall.

    Attributes
    ----------
    sequences : tuple of two tuples
        Each player's sequences: ``()`` (the empty sequence), then
        ``(infoset label, action label)`` in the order of the information sets.
    A, B : ndarray
        The payoff matrices (rows: player 1's sequences, columns: player 2's).
    E, F : ndarray
        The constraint matrices, one row for the empty sequence and one per
        information set of the player.
    e, f : ndarray
        The right-hand sides :math:`(1, 0, \ldots, 0)`.
    infosets : tuple of two tuples
        Each player's information-set indices, in the order of the rows 1, 2, ... of E (F).
    game : ExtensiveGame

    Examples
    --------
    >>> from cybergames.extensive import ExtensiveGame, decision
    >>> form = ExtensiveGame(decision("1", {"L": decision("2", {"l": (1, 0), "r": (0, 1)}),
    ...                                     "R": (2, 2)})).sequence_form()
    >>> form.sequences[0], form.E.tolist(), form.A.tolist()
    (((), ('1@root', 'L'), ('1@root', 'R')), [[1, 0, 0], [-1, 1, 1]], [[0, 0, 0], [0, 1, 0], [2, 0, 0]])
    """

    sequences: tuple
    A: np.ndarray = field(repr=False)
    B: np.ndarray = field(repr=False)
    E: np.ndarray = field(repr=False)
    F: np.ndarray = field(repr=False)
    e: np.ndarray = field(repr=False)
    f: np.ndarray = field(repr=False)
    infosets: tuple = field(repr=False)
    game: ExtensiveGame = field(repr=False)


def _constraints(game: ExtensiveGame, player: int, kind: str) -> tuple[np.ndarray, np.ndarray, tuple]:
    sequences = game._sequences[player]
    mine = tuple(h for h, s in enumerate(game.infosets) if s.player == player)
    one, zero = (1.0, 0.0) if kind == FLOAT else (1, 0)
    matrix = np.full((1 + len(mine), len(sequences)), zero, dtype=object)
    matrix[0, 0] = one
    index = game._seq_index[player]
    for row, h in enumerate(mine, start=1):
        matrix[row, game._infoset_parent[h]] = -one
        for a in range(len(game.infosets[h].actions)):
            matrix[row, index[(h, a)]] = one
    rhs = np.full(1 + len(mine), zero, dtype=object)
    rhs[0] = one
    if kind == FLOAT:
        return matrix.astype(float), rhs.astype(float), mine
    return matrix, rhs, mine


def sequence_form(game: ExtensiveGame) -> SequenceForm:
    """The sequence form of a two-player game with perfect recall; see :class:`SequenceForm`.

    Raises
    ------
    ExtensiveGameError
        If the game does not have two players.
    PerfectRecallError
        If it lacks perfect recall.
    """
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    game.require_perfect_recall("sequence_form")
    if game.num_players != 2:
        raise ExtensiveGameError(f"game: the sequence form is for two-player games, got {game.num_players} players")
    kind = game.kind
    sizes = tuple(len(game._sequences[i]) for i in range(2))
    payoff = [np.full(sizes, _zero(kind), dtype=object) for _ in range(2)]
    for leaf in game.terminals:
        s, t = game._last[leaf]
        for i in range(2):
            payoff[i][s, t] = payoff[i][s, t] + game._reach[leaf] * game.nodes[leaf].payoffs[i]
    payoff = [_tidy(p, kind) for p in payoff]
    E, e, mine_1 = _constraints(game, 0, kind)
    F, f, mine_2 = _constraints(game, 1, kind)
    labels = tuple(tuple(() if not seq else (game.infosets[seq[0]].label, game.infosets[seq[0]].actions[seq[1]])
                         for seq in game._sequences[i]) for i in range(2))
    arrays = [_numbers.frozen(a) for a in (payoff[0], payoff[1], E, F, e, f)]
    return SequenceForm(labels, *arrays, (mine_1, mine_2), game)
