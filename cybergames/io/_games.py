"""The JSON form of a :class:`~cybergames.NormalFormGame`.

.. code-block:: json

    {"players": ["0", "1"], "actions": [["C", "D"], ["C", "D"]], "kind": "exact",
     "payoffs": [[[3, 0], [5, 1]], [[3, 5], [0, 1]]]}

``payoffs[i]`` is player ``i``'s array as nested lists, one level per player
(``payoffs[i][a_1][a_2]...``); entries are written by
:func:`~cybergames.io.encode_number`. ``kind`` is checked on reading: a file
that says ``"exact"`` but holds a float is refused.
"""

from __future__ import annotations

import math

from ..errors import FormatError
from ..games import NormalFormGame
from ._registry import Fields, encode_array, register

_KINDS = ("exact", "float", "symbolic")


def encode_game(game: NormalFormGame) -> dict:
    """The JSON-ready fields of a normal-form game."""
    return {"players": list(game.players), "actions": [list(labels) for labels in game.actions],
            "kind": game.kind,
            "payoffs": [encode_array(array, f"payoffs[{i}]") for i, array in enumerate(game.payoffs)]}


def decode_game(fields: Fields) -> NormalFormGame:
    """The normal-form game a JSON object written by :func:`encode_game` describes."""
    limits = fields.limits
    fields.check(required={"players", "actions", "kind", "payoffs"})
    players = fields.strings("players", max_length=limits.max_players)
    if not players:
        raise FormatError(f"{fields.path('players')}: expected at least one player")
    actions = fields.list("actions")
    if len(actions) != len(players):
        raise FormatError(f"{fields.path('actions')}: expected {len(players)} lists of labels "
                          f"(one per player), got {len(actions)}")
    labels = []
    for i, row in enumerate(actions):
        if not isinstance(row, list) or not all(isinstance(label, str) for label in row):
            raise FormatError(f"{fields.path('actions')}[{i}]: expected a list of strings")
        if not row:
            raise FormatError(f"{fields.path('actions')}[{i}]: every player needs at least one action")
        if len(row) > limits.max_actions:
            raise FormatError(f"{fields.path('actions')}[{i}]: {len(row)} actions exceed the limit "
                              f"of {limits.max_actions}")
        labels.append(tuple(row))
    shape = tuple(len(row) for row in labels)
    if math.prod(shape) > limits.max_profiles:
        raise FormatError(f"{fields.where}: {math.prod(shape)} profiles exceed the limit of "
                          f"{limits.max_profiles}")
    kind = fields.string("kind")
    if kind not in _KINDS:
        raise FormatError(f"{fields.path('kind')}: expected one of {list(_KINDS)}, got {kind[:40]!r}")
    payoffs = fields.list("payoffs")
    if len(payoffs) != len(players):
        raise FormatError(f"{fields.path('payoffs')}: expected {len(players)} arrays (one per player), "
                          f"got {len(payoffs)}")
    sub = Fields({f"payoffs[{i}]": node for i, node in enumerate(payoffs)}, fields.where, limits)
    arrays = [sub.array(f"payoffs[{i}]", shape) for i in range(len(players))]
    game = NormalFormGame(arrays, labels, players)
    if game.kind != kind:
        raise FormatError(f"{fields.path('kind')}: the document says {kind!r} but the payoffs make "
                          f"a {game.kind} game")
    return game


register("NormalFormGame", NormalFormGame, encode_game, decode_game)
