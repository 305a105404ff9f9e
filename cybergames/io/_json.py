"""Lossless JSON documents.

A document is a JSON object

.. code-block:: json

    {"format": "cybergames", "version": 1, "type": "NormalFormGame", "data": {...}}

whose ``type`` names a type registered with :func:`~cybergames.io.register`
and whose ``data`` is what that type's encoder wrote. Parsing refuses
``NaN``, ``Infinity`` and repeated fields; nothing in a document is evaluated.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import FormatError
from ._expressions import _show
from ._registry import Fields, _decode_object, encode_object
from ._sources import Limits, check_limits, read_path_or_file, text_of, write_text

__all__ = ["to_json", "from_json", "dump", "load", "FORMAT", "VERSION"]

#: The value of a document's ``"format"`` field.
FORMAT = "cybergames"
#: The newest document version this library writes and reads.
VERSION = 1


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """A registered object (such as a :class:`~cybergames.NormalFormGame`) as a JSON document.

    Parameters
    ----------
    obj : object
        An instance of a registered type (:func:`registered_types`).
    indent : int, optional
        Passed to :func:`json.dumps`; ``None`` writes one line.

    Returns
    -------
    str
        ``{"format": "cybergames", "version": 1, "type": ..., "data": ...}``.

    Raises
    ------
    ParameterError
        If ``obj``'s type is not registered.
    FormatError
        If a value cannot be written (an expression outside the whitelist).

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> text = to_json(prisoners_dilemma(T=5, R=3, P=1, S=0))
    >>> text[:63]
    '{"format": "cybergames", "version": 1, "type": "NormalFormGame"'
    >>> from_json(text) == prisoners_dilemma(T=5, R=3, P=1, S=0)
    True
    """
    inner = encode_object(obj)
    document = {"format": FORMAT, "version": VERSION, **inner}
    try:
        return json.dumps(document, indent=indent, allow_nan=False, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError) as exc:
        raise FormatError(f"obj: cannot write this {type(obj).__qualname__} as JSON: {exc}") from exc


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise FormatError(f"a JSON object repeats the field {key[:60]!r}")
            seen.add(key)
    return result


def _refuse_constant(name: str) -> float:
    raise FormatError(f"the JSON constant {name} (not a finite number) is not allowed")


def from_json(text: str | bytes, *, limits: Limits | None = None) -> Any:
    """The object a JSON document written by :func:`to_json` describes.

    Parameters
    ----------
    text : str or bytes
        The document (UTF-8 if bytes).
    limits : Limits, optional
        Bounds on size, players, actions, profiles and expressions (defaults: :class:`Limits`).

    Returns
    -------
    object
        An instance of the registered type the document names.

    Raises
    ------
    FormatError
        If the text is not JSON, not a cybergames document of a version this
        library reads, exceeds the limits, or its data do not describe a valid
        object; the message names the line or the field. Nothing in the text
        is ever evaluated as code.

    Examples
    --------
    >>> from_json('{"format": "cybergames", "version": 1, "type": "os.system", "data": {}}')
    Traceback (most recent call last):
    ...
    cybergames.errors.FormatError: type: unknown type 'os.system'; expected one of [...]
    """
    limits = check_limits(limits)
    return _document(text_of(text, "text", limits), "", limits)


def _document(text: str, name: str, limits: Limits) -> Any:
    prefix = f"{name}: " if name else ""
    try:
        node = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except FormatError as exc:
        raise FormatError(f"{prefix}{exc}") from exc
    except json.JSONDecodeError as exc:
        raise FormatError(f"{prefix}line {exc.lineno}, column {exc.colno}: not valid JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise FormatError(f"{prefix}JSON nested too deeply") from exc
    except ValueError as exc:  # integers beyond Python's digit limit
        raise FormatError(f"{prefix}not valid JSON: {exc}") from exc
    try:
        fields = Fields(node, "document", limits)
        fields.check(required={"format", "version", "type", "data"})
        if node["format"] != FORMAT:
            raise FormatError(f"format: expected {FORMAT!r}, got {_show(node['format'])}")
        version = node["version"]
        if type(version) is not int or version < 1:
            raise FormatError(f"version: expected a positive integer, got {_show(version)}")
        if version > VERSION:
            raise FormatError(f"version: this document has version {version}, newer than the "
                              f"{VERSION} this cybergames reads; upgrade cybergames")
        return _decode_object({"type": node["type"], "data": node["data"]}, "", limits)
    except FormatError as exc:
        if not prefix:
            raise
        raise FormatError(f"{prefix}{exc}") from exc
    except RecursionError as exc:
        raise FormatError(f"{prefix}document nested too deeply") from exc


def dump(obj: Any, path_or_file: Any, *, indent: int | None = None) -> None:
    """Write :func:`to_json` of ``obj`` to a path or an open file (UTF-8).

    >>> import io
    >>> from cybergames import stag_hunt
    >>> buffer = io.StringIO()
    >>> dump(stag_hunt(), buffer)
    >>> _ = buffer.seek(0)
    >>> load(buffer) == stag_hunt()
    True
    """
    write_text(to_json(obj, indent=indent) + "\n", path_or_file, "path_or_file")


def load(path_or_file: Any, *, limits: Limits | None = None) -> Any:
    """Read a JSON document from a path or an open file; see :func:`from_json`.

    Raises
    ------
    FormatError
        As :func:`from_json`; the message starts with the file name.
    OSError
        If the file cannot be opened.
    """
    limits = check_limits(limits)
    text, name = read_path_or_file(path_or_file, limits, "path_or_file")
    return _document(text, name, limits)

