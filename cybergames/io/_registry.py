"""The registry of the types JSON documents can hold, and the helpers their codecs use.

A type joins with :func:`register`, giving an encoder (object to a JSON-ready
``dict``) and a decoder (a :class:`Fields` view of that ``dict`` to the
object); objects inside objects are written with :func:`encode_object` and
read with :meth:`Fields.object`, arrays of numbers with :func:`encode_array`
and :meth:`Fields.array`. Reading never evaluates anything: decoders build
objects from JSON values, and every malformed value raises
:class:`~cybergames.errors.FormatError` naming its field.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import sympy

from ..errors import CybergamesError, FormatError, ParameterError
from ._arrays import typed_array
from ._expressions import _show, decode_expression, decode_number, encode_number
from ._sources import Limits

__all__ = ["register", "registered_types", "encode_object", "encode_array", "Fields"]


@dataclass(frozen=True)
class _Codec:
    name: str
    cls: type
    encode: Callable[[Any], dict]
    decode: Callable[["Fields"], Any]


_BY_NAME: dict[str, _Codec] = {}
_BY_CLASS: dict[type, _Codec] = {}


def register(type_name: str, cls: type, encode: Callable[[Any], dict],
             decode: Callable[["Fields"], Any], *, replace: bool = False) -> None:
    """Let JSON documents hold objects of ``cls`` under the name ``type_name``.

    Parameters
    ----------
    type_name : str
        The ``"type"`` written in documents; stable across versions (a file
        written today must read tomorrow), so usually the class name.
    cls : class
        The class; instances of subclasses are written as ``cls`` too.
    encode : callable
        ``encode(obj) -> dict`` of JSON-ready values. Write numbers with
        :func:`encode_number`, sympy objects with :func:`encode_expression`,
        registered objects with :func:`encode_object`; use lists, not tuples.
    decode : callable
        ``decode(fields) -> obj`` where ``fields`` is a :class:`Fields` view of
        the ``dict``; its accessors raise :class:`FormatError` naming the field.
        Errors of the model's own validation (a :class:`CybergamesError`, such
        as ``GameError``) become :class:`FormatError` with the field's path.
    replace : bool
        Allow replacing an existing registration of ``type_name``.

    Raises
    ------
    ParameterError
        If the arguments are of the wrong type, or ``type_name`` is taken and
        ``replace`` is false.

    Examples
    --------
    A subpackage registers its types when its module is imported:

    >>> from dataclasses import dataclass
    >>> from cybergames.io import register, encode_number, to_json, from_json
    >>> @dataclass(frozen=True)
    ... class Transfer:
    ...     amount: object
    >>> register("example.Transfer", Transfer, lambda t: {"amount": encode_number(t.amount)},
    ...          lambda fields: Transfer(fields.number("amount")))
    >>> from fractions import Fraction
    >>> from_json(to_json(Transfer(Fraction(3, 2))))
    Transfer(amount=Fraction(3, 2))
    """
    if not isinstance(type_name, str) or not type_name:
        raise ParameterError(f"type_name: expected a non-empty string, got {type_name!r}")
    if not isinstance(cls, type):
        raise ParameterError(f"cls: expected a class, got {cls!r}")
    if not callable(encode) or not callable(decode):
        raise ParameterError("encode, decode: expected two callables")
    old = _BY_NAME.get(type_name)
    if old is not None and not replace and old.cls is not cls:
        raise ParameterError(f"type_name: {type_name!r} is already registered for {old.cls.__qualname__}; "
                             f"pass replace=True to replace it")
    if old is not None:
        _BY_CLASS.pop(old.cls, None)
    codec = _Codec(type_name, cls, encode, decode)
    _BY_NAME[type_name] = codec
    _BY_CLASS[cls] = codec


def registered_types() -> tuple[str, ...]:
    """The type names documents may hold, sorted.

    >>> "NormalFormGame" in registered_types()
    True
    """
    return tuple(sorted(_BY_NAME))


def _codec_of(obj: Any) -> _Codec:
    for cls in type(obj).__mro__:
        codec = _BY_CLASS.get(cls)
        if codec is not None:
            return codec
    raise ParameterError(f"obj: cannot write a {type(obj).__qualname__} as JSON; the registered types "
                         f"are {list(registered_types())}")


def encode_object(obj: Any) -> dict:
    """A registered object as ``{"type": name, "data": {...}}``, for use inside an encoder."""
    codec = _codec_of(obj)
    data = codec.encode(obj)
    if not isinstance(data, dict):
        raise ParameterError(f"the encoder of {codec.name} returned {type(data).__name__}, expected a dict")
    return {"type": codec.name, "data": data}


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _decode_object(node: Any, where: str, limits: Limits) -> Any:
    fields = Fields(node, where or "document", limits)
    fields.check(required={"type", "data"})
    name = fields.string("type")
    codec = _BY_NAME.get(name)
    if codec is None:
        raise FormatError(f"{_join(where, 'type')}: unknown type {name[:60]!r}; "
                          f"expected one of {list(registered_types())}")
    where = _join(where, "data")
    data = Fields(node["data"], where, limits)
    try:
        return codec.decode(data)
    except FormatError:
        raise
    except CybergamesError as exc:
        raise FormatError(f"{where}: {exc}") from exc
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as exc:
        raise FormatError(f"{where}: not a valid {name}: {type(exc).__name__}: {exc}") from exc


class Fields:
    """A read-only view of a JSON object being decoded, whose accessors name the field in errors.

    Decoders registered with :func:`register` receive one. Each accessor checks
    the value's JSON type and raises :class:`FormatError` with the field's path
    (``where``) otherwise.

    Attributes
    ----------
    where : str
        The object's path in the document (such as ``"data"``).
    limits : Limits
        The reader's bounds; pass them on to nested decoding.
    """

    def __init__(self, data: Any, where: str, limits: Limits) -> None:
        if not isinstance(data, dict):
            raise FormatError(f"{where}: expected a JSON object, got {_show(data)}")
        self._data = data
        self.where = where
        self.limits = limits

    def path(self, key: str) -> str:
        """The path of field ``key``, for messages."""
        return _join(self.where, key)

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def check(self, required: set[str] | frozenset = frozenset(),
              optional: set[str] | frozenset = frozenset()) -> None:
        """Raise unless the object has every ``required`` field and no field outside both sets."""
        unknown = set(self._data) - set(required) - set(optional)
        if unknown:
            raise FormatError(f"{self.where}: unknown field(s) {sorted(map(str, unknown))[:10]}; "
                              f"expected {sorted(set(required) | set(optional))}")
        missing = set(required) - set(self._data)
        if missing:
            raise FormatError(f"{self.where}: missing field(s) {sorted(missing)}")

    def raw(self, key: str) -> Any:
        """The JSON value of a required field."""
        if key not in self._data:
            raise FormatError(f"{self.where}: missing field {key!r}")
        return self._data[key]

    def string(self, key: str) -> str:
        """A required string field."""
        value = self.raw(key)
        if not isinstance(value, str):
            raise FormatError(f"{self.path(key)}: expected a string, got {_show(value)}")
        return value

    def integer(self, key: str) -> int:
        """A required JSON-integer field (booleans are refused)."""
        value = self.raw(key)
        if type(value) is not int:
            raise FormatError(f"{self.path(key)}: expected an integer, got {_show(value)}")
        return value

    def list(self, key: str, *, max_length: int | None = None) -> list:
        """A required list field, at most ``max_length`` long."""
        value = self.raw(key)
        if not isinstance(value, list):
            raise FormatError(f"{self.path(key)}: expected a list, got {_show(value)}")
        if max_length is not None and len(value) > max_length:
            raise FormatError(f"{self.path(key)}: {len(value)} entries exceed the limit of {max_length}")
        return value

    def strings(self, key: str, *, max_length: int | None = None) -> tuple[str, ...]:
        """A required list of strings, as a tuple."""
        values = self.list(key, max_length=max_length)
        for k, value in enumerate(values):
            if not isinstance(value, str):
                raise FormatError(f"{self.path(key)}[{k}]: expected a string, got {_show(value)}")
        return tuple(values)

    def number(self, key: str) -> Any:
        """A required number written by :func:`encode_number`."""
        return decode_number(self.raw(key), self.path(key), limits=self.limits)

    def expression(self, key: str) -> Any:
        """A required sympy object written by :func:`encode_expression`."""
        return decode_expression(self.raw(key), self.path(key), limits=self.limits)

    def array(self, key: str, shape: tuple[int, ...]) -> np.ndarray:
        """A required array of numbers written by :func:`encode_array`, of exactly this ``shape``.

        Returns a writeable numpy object array of ints, Fractions, floats and
        sympy expressions (non-expression sympy objects, such as sets, are refused).
        """
        size = math.prod(shape)
        if size > self.limits.max_profiles * self.limits.max_players:
            raise FormatError(f"{self.path(key)}: {size} entries exceed the limits")
        values: list = []
        _nested(self.raw(key), tuple(shape), self.path(key), values, self.limits)
        return typed_array(values, tuple(shape))

    def object(self, key: str) -> Any:
        """A required registered object written by :func:`encode_object`."""
        return _decode_object(self.raw(key), self.path(key), self.limits)


def _nested(node: Any, shape: tuple[int, ...], where: str, out: list, limits: Limits) -> None:
    if not shape:
        value = decode_number(node, where, limits=limits)
        if isinstance(value, sympy.Basic) and not isinstance(value, sympy.Expr):
            raise FormatError(f"{where}: expected a number or expression, got {str(value)[:60]}")
        out.append(value)
        return
    if not isinstance(node, list) or len(node) != shape[0]:
        got = f"a list of {len(node)}" if isinstance(node, list) else _show(node)
        raise FormatError(f"{where}: expected a list of {shape[0]} entries, got {got}")
    for k, item in enumerate(node):
        _nested(item, shape[1:], f"{where}[{k}]", out, limits)


def encode_array(array: Any, where: str = "array") -> list:
    """A numpy array of numbers as nested JSON lists of :func:`encode_number` values.

    >>> from fractions import Fraction
    >>> import numpy as np
    >>> encode_array(np.array([[1, Fraction(1, 2)], [0.5, 2]], dtype=object))
    [[1, {'fraction': '1/2'}], [0.5, 2]]
    """
    array = np.asarray(array)
    if array.dtype.kind == "f" and np.isfinite(array).all():
        flat = array.ravel().tolist()  # Python floats: JSON numbers, written to round-trip exactly
    else:
        bound = 2**53
        flat = [value if type(value) is int and -bound <= value <= bound else encode_number(value, where)
                for value in array.ravel().tolist()]
    for size in reversed(array.shape[1:]):
        flat = [flat[k:k + size] for k in range(0, len(flat), size)]
    return flat if array.ndim else flat[0]
