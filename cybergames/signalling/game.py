r"""Finite signalling games.

Nature draws the sender's *type* :math:`t \in T` from a prior :math:`p`; the
sender, knowing :math:`t`, sends a *message* :math:`m \in M(t)`; the receiver
sees :math:`m` (not :math:`t`) and takes an *action* :math:`a \in A(m)`. Payoffs
are :math:`u_S(t, m, a)` and :math:`u_R(t, m, a)`; both players maximise.

Messages may be type-dependent (``available``): verifiable evidence, for
instance, can only be shown by the types that hold it. The receiver's beliefs
after a message are then distributions over the types that can send it.
Actions may be message-dependent (``actions`` as a mapping).

Numbers follow the library's convention: ints and Fractions (and sympy
rationals) make an *exact* game, floats a *float* game, other sympy expressions
a *symbolic* game (see :mod:`cybergames._numbers`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers, limits
from .._numbers import EXACT, FLOAT, SYMBOLIC
from ..errors import CybergamesError, ProbabilityError, SignallingGameError
from ._frozen import FrozenMap

__all__ = ["SignallingGame"]


def _labels(values: Any, name: str, what: str) -> tuple[str, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)):
        raise SignallingGameError(f"{name}: expected a sequence of {what} labels (strings), got {values!r}")
    labels = tuple(values)
    if not labels:
        raise SignallingGameError(f"{name}: expected at least one {what}, got none")
    for label in labels:
        if not isinstance(label, str) or not label:
            raise SignallingGameError(f"{name}: {what} labels must be non-empty strings, got {label!r}")
    if len(set(labels)) != len(labels):
        raise SignallingGameError(f"{name}: {what} labels must be unique, got {values!r}")
    return labels


def _prior(prior: Any, types: tuple[str, ...]) -> tuple:
    if isinstance(prior, Mapping):
        unknown = [key for key in prior if key not in types]
        if unknown:
            raise SignallingGameError(f"prior: unknown type {unknown[0]!r}; the types are {types}")
        missing = [t for t in types if t not in prior]
        if missing:
            raise SignallingGameError(f"prior: missing the probability of type {missing[0]!r}")
        values = [prior[t] for t in types]
    elif isinstance(prior, (Sequence, np.ndarray)) and not isinstance(prior, (str, bytes)):
        values = list(prior)
        if len(values) != len(types):
            raise SignallingGameError(f"prior: expected {len(types)} probabilities (one per type), "
                                      f"got {len(values)}: {prior!r}")
    else:
        raise SignallingGameError(f"prior: expected a mapping type -> probability, got {prior!r}")
    values = [_numbers.normalise(v, f"prior[{t!r}]", ProbabilityError) for t, v in zip(types, values)]
    for t, v in zip(types, values):
        _numbers.require(sympy.sympify(v) > 0 if isinstance(v, sympy.Basic) else v > 0, ProbabilityError,
                         f"prior[{t!r}]: expected a positive probability, got {v!r}")
    total = sum(values)
    kind = _numbers.kind_of(values)
    if kind == FLOAT:
        if abs(total - 1.0) > 1e-9:
            raise ProbabilityError(f"prior: probabilities must sum to one, got {total!r} from {prior!r}")
    elif kind == EXACT:
        if total != 1:
            raise ProbabilityError(f"prior: probabilities must sum to one, got {total} from {prior!r}")
    else:
        _numbers.require(sympy.Eq(sympy.simplify(sympy.sympify(total) - 1), 0), ProbabilityError,
                         f"prior: probabilities must sum to one, got {total} from {prior!r}")
    return tuple(values)


def _available(available: Any, types: tuple[str, ...], messages: tuple[str, ...]) -> np.ndarray:
    mask = np.ones((len(types), len(messages)), dtype=bool)
    if available is not None:
        if not isinstance(available, Mapping):
            raise SignallingGameError(f"available: expected a mapping type -> messages, got {available!r}")
        for t in available:
            if t not in types:
                raise SignallingGameError(f"available: unknown type {t!r}; the types are {types}")
        for i, t in enumerate(types):
            if t not in available:
                continue
            own = _labels(available[t], f"available[{t!r}]", "message")
            for m in own:
                if m not in messages:
                    raise SignallingGameError(f"available[{t!r}]: unknown message {m!r}; "
                                              f"the messages are {messages}")
            mask[i] = [m in own for m in messages]
    for j, m in enumerate(messages):
        if not mask[:, j].any():
            raise SignallingGameError(f"messages: message {m!r} is unavailable to every type")
    mask.flags.writeable = False
    return mask


def _actions(actions: Any, messages: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    if isinstance(actions, Mapping):
        for m in actions:
            if m not in messages:
                raise SignallingGameError(f"actions: unknown message {m!r}; the messages are {messages}")
        missing = [m for m in messages if m not in actions]
        if missing:
            raise SignallingGameError(f"actions: missing the actions after message {missing[0]!r}")
        return tuple(_labels(actions[m], f"actions[{m!r}]", "action") for m in messages)
    shared = _labels(actions, "actions", "action")
    return tuple(shared for _ in messages)


def _payoff_table(values: Any, name: str, types, messages, actions, mask) -> list[list[list]]:
    """Per message, a (types x actions) nested list of normalised payoffs (0 where unavailable)."""
    table = [[[0] * len(actions[j]) for _ in types] for j in range(len(messages))]
    cells = [(i, j, k) for j in range(len(messages)) for i in range(len(types)) if mask[i, j]
             for k in range(len(actions[j]))]
    if callable(values) and not isinstance(values, Mapping):
        for i, j, k in cells:
            key = (types[i], messages[j], actions[j][k])
            try:
                value = values(*key)
            except CybergamesError:
                raise
            except Exception as exc:  # the user's function: report which entry failed
                raise SignallingGameError(f"{name}: the payoff function raised {exc!r} at {key!r}") from exc
            table[j][i][k] = _numbers.normalise(value, f"{name}[{key!r}]", SignallingGameError)
        return table
    if isinstance(values, Mapping):
        for key in values:
            if not (isinstance(key, tuple) and len(key) == 3):
                raise SignallingGameError(f"{name}: keys must be (type, message, action) triples, got {key!r}")
            t, m, a = key
            if t not in types:
                raise SignallingGameError(f"{name}: unknown type {t!r} in key {key!r}")
            if m not in messages:
                raise SignallingGameError(f"{name}: unknown message {m!r} in key {key!r}")
            if a not in actions[messages.index(m)]:
                raise SignallingGameError(f"{name}: unknown action {a!r} after message {m!r} in key {key!r}")
        for i, j, k in cells:
            key = (types[i], messages[j], actions[j][k])
            if key not in values:
                raise SignallingGameError(f"{name}: missing the payoff of {key!r}")
            table[j][i][k] = _numbers.normalise(values[key], f"{name}[{key!r}]", SignallingGameError)
        return table
    if len({len(a) for a in actions}) != 1:
        raise SignallingGameError(f"{name}: with message-dependent actions give a mapping or a function, "
                                  f"got {type(values).__name__}")
    shape = (len(types), len(messages), len(actions[0]))
    try:
        array = np.array(values, dtype=object)
    except (ValueError, TypeError) as exc:
        raise SignallingGameError(f"{name}: expected an array of shape {shape} (types x messages x actions), "
                                  f"a mapping or a function, got {values!r}") from exc
    if array.shape != shape:
        raise SignallingGameError(f"{name}: expected an array of shape {shape} (types x messages x actions), "
                                  f"got shape {array.shape}")
    for i, j, k in cells:
        table[j][i][k] = _numbers.normalise(array[i, j, k], f"{name}[{i}, {j}, {k}]", SignallingGameError)
    return table


@dataclass(frozen=True)
class SignallingGame:
    r"""A finite signalling game between a sender with private type and a receiver.

    Parameters
    ----------
    types : sequence of str
        The sender's types (unique labels).
    prior : mapping type -> probability, or sequence in type order
        Positive probabilities summing to one (exactly for exact input,
        within ``1e-9`` for floats).
    messages : sequence of str
        The messages (unique labels).
    actions : sequence of str, or mapping message -> sequence of str
        The receiver's actions, the same after every message or per message.
    sender_payoff, receiver_payoff : mapping, callable or array
        :math:`u_S(t, m, a)` and :math:`u_R(t, m, a)`: a mapping from
        ``(type, message, action)`` to a number, a function of the three
        labels, or (with the same actions after every message) an array of
        shape ``(types, messages, actions)``. Entries are ints, Fractions,
        floats or sympy expressions.
    available : mapping type -> sequence of str, optional
        The messages each type can send (default: every message). Types left
        out can send every message.

    Attributes
    ----------
    types, messages : tuple of str
    prior : FrozenMap
        Type to probability.
    actions : FrozenMap
        Message to the tuple of actions available after it.
    sender_payoff, receiver_payoff : FrozenMap
        ``(type, message, action)`` to the normalised payoff, for every message
        the type can send.
    available : FrozenMap
        Type to the tuple of messages it can send.

    Raises
    ------
    SignallingGameError
        Labels missing, repeated or unknown, a payoff table of the wrong shape
        or with missing entries, a non-numeric payoff, a type with no message
        or a message that no type can send.
    ProbabilityError
        A prior probability that is not positive, or a prior that does not sum
        to one.

    Examples
    --------
    >>> sg = SignallingGame(
    ...     types=("low", "high"), prior={"low": Fraction(1, 2), "high": Fraction(1, 2)},
    ...     messages=("quiet", "loud"), actions=("ignore", "listen"),
    ...     sender_payoff=lambda t, m, a: (a == "listen") - (m == "loud") * (2 if t == "low" else 0),
    ...     receiver_payoff=lambda t, m, a: 1 if (a == "listen") == (t == "high") else 0)
    >>> sg.kind, sg.senders_of("loud")
    ('exact', ('low', 'high'))
    >>> sg.payoffs("low", "loud", "listen")
    (-1, 0)
    """

    types: tuple
    prior: Any
    messages: tuple
    actions: Any
    sender_payoff: Any
    receiver_payoff: Any
    available: Any = None

    def __post_init__(self) -> None:
        types = _labels(self.types, "types", "type")
        messages = _labels(self.messages, "messages", "message")
        prior = _prior(self.prior, types)
        mask = _available(self.available, types, messages)
        actions = _actions(self.actions, messages)
        limits.check("types", len(types), "MAX_TYPES", SignallingGameError)
        limits.check("types x messages x actions (payoff entries)", len(types) * sum(map(len, actions)),
                     "MAX_PROFILES", SignallingGameError)
        sender = _payoff_table(self.sender_payoff, "sender_payoff", types, messages, actions, mask)
        receiver = _payoff_table(self.receiver_payoff, "receiver_payoff", types, messages, actions, mask)
        every = list(prior) + [v for table in (sender, receiver) for rows in table for row in rows for v in row]
        kind = _numbers.kind_of(every)
        if kind == SYMBOLIC:
            prior = tuple(sympy.Float(v) if isinstance(v, float) else v for v in prior)
            sender, receiver = ([[[sympy.Float(v) if isinstance(v, float) else v for v in row] for row in rows]
                                 for rows in table] for table in (sender, receiver))
        try:
            us, ur = (tuple(_numbers.as_kind(_numbers.object_array(rows, (len(types), len(actions[j]))), kind)
                            for j, rows in enumerate(table)) for table in (sender, receiver))
            prior_array = _numbers.as_kind(_numbers.object_array(list(prior), (len(types),)), kind)
        except OverflowError as exc:
            raise SignallingGameError("sender_payoff, receiver_payoff: an integer entry is too large to "
                                      "mix with floats") from exc
        if kind == FLOAT and not all(np.isfinite(a).all() for a in us + ur):
            raise SignallingGameError("sender_payoff, receiver_payoff: entries must be finite")
        set_ = object.__setattr__
        set_(self, "types", types)
        set_(self, "messages", messages)
        set_(self, "prior", FrozenMap(zip(types, prior)))
        set_(self, "actions", FrozenMap(zip(messages, actions)))
        set_(self, "available", FrozenMap((t, tuple(m for j, m in enumerate(messages) if mask[i, j]))
                                          for i, t in enumerate(types)))
        for name, arrays in (("sender_payoff", us), ("receiver_payoff", ur)):
            set_(self, name, FrozenMap(((t, m, a), _value(arrays[j][i, k]))
                                       for j, m in enumerate(messages) for i, t in enumerate(types)
                                       if mask[i, j] for k, a in enumerate(actions[j])))
        set_(self, "_kind", kind)
        set_(self, "_us", us)
        set_(self, "_ur", ur)
        set_(self, "_mask", mask)
        set_(self, "_prior", prior_array)
        set_(self, "_belief_cache", {})  # memo of belief polytopes (derived facts, never part of equality)

    # ----------------------------------------------------------------- facts
    @property
    def kind(self) -> str:
        """``"exact"``, ``"float"`` or ``"symbolic"``."""
        return self._kind

    @property
    def is_exact(self) -> bool:
        """Whether every probability and payoff is an int or Fraction."""
        return self._kind == EXACT

    @property
    def is_symbolic(self) -> bool:
        """Whether some probability or payoff is a sympy expression other than a rational."""
        return self._kind == SYMBOLIC

    @property
    def free_symbols(self) -> frozenset:
        """The sympy symbols the prior and payoffs depend on."""
        values = list(self.prior.values()) + list(self.sender_payoff.values()) + list(self.receiver_payoff.values())
        return frozenset().union(*(v.free_symbols for v in values if isinstance(v, sympy.Basic)))

    @property
    def shape(self) -> tuple[int, int, int]:
        """``(number of types, number of messages, largest number of actions)``."""
        return len(self.types), len(self.messages), max(len(a) for a in self.actions.values())

    def senders_of(self, message: str) -> tuple[str, ...]:
        """The types that can send ``message``."""
        j = self.message_index(message)
        return tuple(t for i, t in enumerate(self.types) if self._mask[i, j])

    def payoffs(self, type: str, message: str, action: str) -> tuple:
        """``(u_S, u_R)`` at a type, message and action."""
        key = (type, message, action)
        if key not in self.sender_payoff:
            self.type_index(type)
            self.message_index(message)
            if action not in self.actions[message]:
                raise SignallingGameError(f"action: unknown action {action!r} after message {message!r}")
            raise SignallingGameError(f"message: type {type!r} cannot send {message!r}")
        return self.sender_payoff[key], self.receiver_payoff[key]

    def type_index(self, type: str) -> int:
        """The index of a type label."""
        if isinstance(type, str) and type in self.types:
            return self.types.index(type)
        raise SignallingGameError(f"type: expected one of {self.types}, got {type!r}")

    def message_index(self, message: str) -> int:
        """The index of a message label."""
        if isinstance(message, str) and message in self.messages:
            return self.messages.index(message)
        raise SignallingGameError(f"message: expected one of {self.messages}, got {message!r}")

    def action_index(self, message: str, action: str) -> int:
        """The index of an action label among the actions after ``message``."""
        own = self.actions[self.messages[self.message_index(message)]]
        if isinstance(action, str) and action in own:
            return own.index(action)
        raise SignallingGameError(f"action: expected one of {own} after {message!r}, got {action!r}")

    # ----------------------------------------------------------- new games
    def subs(self, *args: Any, **kwargs: Any) -> "SignallingGame":
        """Substitute values for symbols (as :meth:`sympy.Expr.subs`) and return the new game.

        Keyword arguments name symbols by their string names.
        """
        mapping: dict = {}
        if len(args) == 1 and isinstance(args[0], Mapping):
            mapping.update(args[0])
        elif len(args) == 2:
            mapping[args[0]] = args[1]
        elif args:
            raise SignallingGameError(f"subs: expected a mapping or (symbol, value), got {args!r}")
        by_name = {str(s): s for s in self.free_symbols}
        for name, value in kwargs.items():
            if name not in by_name:
                raise SignallingGameError(f"subs: the game has no symbol named {name!r}; its symbols are {sorted(by_name)}")
            mapping[by_name[name]] = value
        mapping = {k: _numbers.to_sympy(v) if isinstance(v, Fraction) else v for k, v in mapping.items()}

        def put(value: Any) -> Any:
            return value.subs(mapping) if isinstance(value, sympy.Basic) else value

        return SignallingGame(self.types, {t: put(p) for t, p in self.prior.items()}, self.messages,
                              dict(self.actions), {k: put(v) for k, v in self.sender_payoff.items()},
                              {k: put(v) for k, v in self.receiver_payoff.items()}, dict(self.available))

    def relabel(self, *, types: Mapping | None = None, messages: Mapping | None = None,
                actions: Mapping | None = None, order: bool = False) -> "SignallingGame":
        """The same game with labels renamed (``old -> new`` mappings; unnamed labels stay).

        With ``order=True`` the types, messages and actions are also listed in
        the order of their new labels (sorted), so that a relabelling permutes
        the game's index order too.
        """
        rename_t = {t: (types or {}).get(t, t) for t in self.types}
        rename_m = {m: (messages or {}).get(m, m) for m in self.messages}
        rename_a = {a: (actions or {}).get(a, a) for acts in self.actions.values() for a in acts}
        key = sorted if order else list
        new_types = key(rename_t.values())
        new_messages = key(rename_m.values())
        inv_m = {rename_m[m]: m for m in self.messages}
        new_actions = {nm: key(rename_a[a] for a in self.actions[inv_m[nm]]) for nm in new_messages}
        prior = {rename_t[t]: p for t, p in self.prior.items()}

        def table(payoff: Mapping) -> dict:
            return {(rename_t[t], rename_m[m], rename_a[a]): v for (t, m, a), v in payoff.items()}

        available = {rename_t[t]: key(rename_m[m] for m in ms) for t, ms in self.available.items()}
        return SignallingGame(new_types, prior, new_messages, new_actions, table(self.sender_payoff),
                              table(self.receiver_payoff), available)

    # ------------------------------------------------------------- interop
    def to_efg(self, title: str = "Signalling game") -> str:
        """The game as the text of a Gambit ``.efg`` file (see :func:`~cybergames.signalling.to_efg`)."""
        from .gambit import to_efg
        return to_efg(self, title=title)

    def __repr__(self) -> str:
        return (f"SignallingGame(types={self.types!r}, prior={dict(self.prior)!r}, messages={self.messages!r}, "
                f"actions={dict(self.actions)!r}, ...)")


def _value(x: Any) -> Any:
    return x.item() if isinstance(x, np.generic) else _numbers.simplify_exact(x)

