"""Reading and writing games: lossless JSON, Gambit ``.nfg`` files, nashpy, QuantEcon and pygambit.

Reading never runs code from the file: no ``eval``, no ``pickle``, no
``sympy.sympify`` on strings. Symbolic payoffs travel as trees of whitelisted
sympy operations (:func:`encode_expression`), and every reader bounds what it
accepts (:class:`Limits`) and reports malformed content as a
:class:`~cybergames.errors.FormatError` naming the line or field.
"""

from . import _games  # noqa: F401  (registers NormalFormGame)
from ._interop import from_nashpy, from_pygambit, from_quantecon, to_nashpy, to_pygambit, to_quantecon
from ._gambit import NfgDocument, read_nfg, read_nfg_document
from ._nfg_writer import write_nfg
from ._expressions import (CONSTANTS, OPERATORS, decode_expression, decode_number, encode_expression,
                           encode_number)
from ._json import dump, from_json, load, to_json
from ._registry import Fields, encode_array, encode_object, register, registered_types
from ._sources import Limits

__all__ = [
    "to_json", "from_json", "dump", "load",
    "register", "registered_types", "encode_object", "encode_array", "Fields",
    "encode_number", "decode_number", "encode_expression", "decode_expression", "OPERATORS", "CONSTANTS",
    "read_nfg", "read_nfg_document", "write_nfg", "NfgDocument",
    "to_nashpy", "from_nashpy", "to_quantecon", "from_quantecon", "to_pygambit", "from_pygambit",
    "Limits",
]
