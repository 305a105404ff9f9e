"""A small immutable, hashable mapping for the fields of signalling results."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Iterable, Iterator

from ..errors import SignallingGameError


class FrozenMap(Mapping):
    """An immutable mapping that keeps insertion order, compares like a dict and hashes.

    Results such as :class:`~cybergames.signalling.PBE` expose mappings (type to
    message, message to action, message to belief); this class makes them
    read-only and usable in sets.

    >>> sender = FrozenMap([("weak", "beer"), ("strong", "beer")])
    >>> sender["weak"], dict(sender) == {"weak": "beer", "strong": "beer"}
    ('beer', True)
    >>> sender
    {'weak': 'beer', 'strong': 'beer'}
    """

    __slots__ = ("_items", "_index", "_hash")

    def __init__(self, items: Iterable[tuple[Any, Any]] | Mapping = ()) -> None:
        try:
            pairs = tuple(items.items()) if isinstance(items, Mapping) else tuple(items)
            pairs = tuple((key, value) for key, value in pairs)
            index = {key: value for key, value in pairs}
        except (TypeError, ValueError) as exc:
            raise SignallingGameError(f"items: expected a mapping or an iterable of (key, value) pairs "
                                      f"with hashable keys, got {items!r}") from exc
        object.__setattr__(self, "_items", pairs)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_hash", None)

    def __getitem__(self, key: Any) -> Any:
        return self._index[key]

    def __iter__(self) -> Iterator:
        return (key for key, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._index.items())))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._index == other._index
        if isinstance(other, Mapping):
            return dict(self._index) == dict(other.items())
        return NotImplemented

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("FrozenMap is immutable")

    def __repr__(self) -> str:
        return "{" + ", ".join(f"{k!r}: {v!r}" for k, v in self._items) + "}"

    def __reduce__(self):
        return (FrozenMap, (self._items,))
