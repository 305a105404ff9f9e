r"""Numbers and sympy expressions as JSON values, rebuilt from a whitelist.

A file from someone else must never run code when it is read, so a symbolic
expression is not stored as a string to be parsed (``sympy.sympify`` and
``parse_expr`` evaluate Python) but as a tree of JSON objects, one per node:

.. code-block:: json

    {"op": "Add", "args": [{"op": "Symbol", "name": "T"},
                           {"op": "Mul", "args": [{"op": "Integer", "value": -1},
                                                  {"op": "Symbol", "name": "R",
                                                   "assumptions": {"positive": true}}]}]}

Every ``op`` must be one of a fixed set of sympy classes (:data:`OPERATORS` and
:data:`CONSTANTS`); the node is rebuilt by calling that class with
``evaluate=False`` where it takes one, so the tree comes back exactly as it was
written, and no evaluation (no huge power, no simplification) runs while
reading. Anything else in a file raises :class:`~cybergames.errors.FormatError`
naming the field.

Numbers outside expressions (payoffs, probabilities) use a lighter form,
:func:`encode_number`: a JSON integer for an ``int`` (a string beyond
:math:`2^{53}`, where JSON readers in other languages lose digits), a JSON
number for a ``float`` (Python writes the shortest string that reads back to
the same float, bit for bit), ``{"fraction": "p/q"}`` for a ``Fraction`` and
``{"expr": tree}`` for a sympy expression.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from mpmath.libmp import from_man_exp
from sympy.functions.elementary.piecewise import ExprCondPair
from sympy.logic.boolalg import Boolean

from .. import _numbers
from ..errors import FormatError
from .. import limits as limits_module
from ._sources import DEFAULT_LIMITS, Limits, check_limits

__all__ = ["encode_number", "decode_number", "encode_expression", "decode_expression",
           "OPERATORS", "CONSTANTS"]

_EXPR, _BOOL, _SET, _PAIR = "expression", "boolean", "set", "(expression, condition) pair"
_SORTS = {_EXPR: sympy.Expr, _BOOL: Boolean, _SET: sympy.Set, _PAIR: ExprCondPair}

#: The operators a file may use: name -> (sympy class, argument sorts, takes ``evaluate``).
#: Argument sorts are a tuple (fixed arity) or ``[sort, minimum count]`` (variadic).
OPERATORS: dict[str, tuple[type, Any, bool]] = {
    "Add": (sympy.Add, [_EXPR, 0], True),
    "Mul": (sympy.Mul, [_EXPR, 0], True),
    "Pow": (sympy.Pow, (_EXPR, _EXPR), True),
    "exp": (sympy.exp, (_EXPR,), True),
    "log": (sympy.log, (_EXPR,), True),
    "Abs": (sympy.Abs, (_EXPR,), True),
    "sign": (sympy.sign, (_EXPR,), True),
    "re": (sympy.re, (_EXPR,), True),
    "im": (sympy.im, (_EXPR,), True),
    "floor": (sympy.floor, (_EXPR,), True),
    "ceiling": (sympy.ceiling, (_EXPR,), True),
    "Min": (sympy.Min, [_EXPR, 1], True),
    "Max": (sympy.Max, [_EXPR, 1], True),
    "Piecewise": (sympy.Piecewise, [_PAIR, 1], True),
    "ExprCondPair": (ExprCondPair, (_EXPR, _BOOL), False),
    "Eq": (sympy.Eq, (_EXPR, _EXPR), True),
    "Ne": (sympy.Ne, (_EXPR, _EXPR), True),
    "Lt": (sympy.Lt, (_EXPR, _EXPR), True),
    "Le": (sympy.Le, (_EXPR, _EXPR), True),
    "Gt": (sympy.Gt, (_EXPR, _EXPR), True),
    "Ge": (sympy.Ge, (_EXPR, _EXPR), True),
    "And": (sympy.And, [_BOOL, 2], True),
    "Or": (sympy.Or, [_BOOL, 2], True),
    "Not": (sympy.Not, (_BOOL,), True),
    "Xor": (sympy.Xor, [_BOOL, 2], True),
    "Implies": (sympy.Implies, (_BOOL, _BOOL), True),
    "Equivalent": (sympy.Equivalent, [_BOOL, 2], True),
    "ITE": (sympy.ITE, (_BOOL, _BOOL, _BOOL), True),
    "Interval": (sympy.Interval, (_EXPR, _EXPR, _BOOL, _BOOL), False),
    "Union": (sympy.Union, [_SET, 0], True),
    "Intersection": (sympy.Intersection, [_SET, 0], True),
    "Complement": (sympy.Complement, (_SET, _SET), True),
    "FiniteSet": (sympy.FiniteSet, [_EXPR, 0], True),
}

#: The constants a file may name.
CONSTANTS: dict[str, sympy.Basic] = {
    "pi": sympy.pi, "E": sympy.E, "oo": sympy.oo, "-oo": -sympy.oo,
    "true": sympy.true, "false": sympy.false, "EmptySet": sympy.EmptySet, "Reals": sympy.Reals,
}

#: The assumptions a symbol may carry (sympy's assumption names).
ASSUMPTIONS = frozenset("""
    algebraic antihermitian commutative complex composite even extended_negative
    extended_nonnegative extended_nonpositive extended_nonzero extended_positive extended_real
    finite hermitian imaginary infinite integer irrational negative noninteger nonnegative
    nonpositive nonzero odd polar positive prime rational real transcendental zero
""".split())

_NAME_OF = {cls: name for name, (cls, _, _) in OPERATORS.items()}
_CONSTANT_NAMES = {value: name for name, value in CONSTANTS.items()}

_JSON_INT_BOUND = 2**53
_INT_TEXT = re.compile(r"[+-]?(?:0x[0-9a-f]+|[0-9]+)")


# ----------------------------------------------------------------- integers and fractions
def _int_text(value: int) -> str:
    """Decimal text of an int, or hexadecimal beyond Python's 4300-digit conversion limit."""
    if value.bit_length() <= 14_000:  # about 4200 decimal digits
        return str(value)
    return ("-" if value < 0 else "") + hex(abs(value))


def _parse_int_text(text: str, where: str, limits: Limits) -> int:
    if len(text) > limits.max_number_length or not _INT_TEXT.fullmatch(text):
        raise FormatError(f"{where}: expected an integer written in decimal (or 0x hexadecimal) "
                          f"of at most {limits.max_number_length} characters, got {text[:80]!r}")
    try:
        return int(text, 0) if "x" in text else int(text)
    except ValueError as exc:  # Python refuses decimal strings of more than 4300 digits
        raise FormatError(f"{where}: integer {text[:40]!r}... has too many decimal digits; "
                          f"write it in 0x hexadecimal") from exc


def _encode_int(value: int) -> int | str:
    return value if -_JSON_INT_BOUND <= value <= _JSON_INT_BOUND else _int_text(value)


def _decode_int(node: Any, where: str, limits: Limits) -> int:
    if type(node) is int:
        return node
    if isinstance(node, str):
        return _parse_int_text(node, where, limits)
    raise FormatError(f"{where}: expected an integer (a JSON integer or a string of digits), "
                      f"got {_show(node)}")


def _fraction_text(value: Fraction) -> str:
    return f"{_int_text(value.numerator)}/{_int_text(value.denominator)}"


def _parse_fraction_text(text: Any, where: str, limits: Limits) -> Fraction:
    if not isinstance(text, str) or text.count("/") != 1:
        raise FormatError(f"{where}: expected a fraction as a string 'p/q', got {_show(text)}")
    p, q = text.split("/")
    numerator = _parse_int_text(p, where + " (numerator)", limits)
    denominator = _parse_int_text(q, where + " (denominator)", limits)
    if denominator <= 0:
        raise FormatError(f"{where}: the denominator of a fraction must be positive, got {text[:80]!r}")
    return Fraction(numerator, denominator)


def _show(node: Any) -> str:
    """A short description of a JSON value for a message."""
    text = repr(node)
    return text if len(text) <= 80 else text[:77] + "..."


def _expect_object(node: Any, where: str, keys: set[str], required: set[str]) -> dict:
    if not isinstance(node, dict):
        raise FormatError(f"{where}: expected a JSON object, got {_show(node)}")
    unknown = set(node) - keys
    if unknown:
        raise FormatError(f"{where}: unknown field(s) {sorted(unknown)}; expected {sorted(keys)}")
    missing = required - set(node)
    if missing:
        raise FormatError(f"{where}: missing field(s) {sorted(missing)}")
    return node


# ------------------------------------------------------------------------- numbers
def encode_number(value: Any, where: str = "value") -> Any:
    """A number (int, Fraction, float or sympy expression) as a JSON-ready value.

    Parameters
    ----------
    value : int, Fraction, float, numpy scalar or sympy.Basic
        The number; floats must be finite.
    where : str
        The field's name, for the error message.

    Returns
    -------
    int, float or dict
        An ``int`` as a JSON integer (``{"int": digits}`` beyond :math:`2^{53}`),
        a ``float`` as a JSON number, a ``Fraction`` as ``{"fraction": "p/q"}``,
        a sympy object as ``{"expr": tree}`` (see :func:`encode_expression`).

    Raises
    ------
    FormatError
        If the value is not a number, is not finite, or is an expression with
        an operation outside the whitelist.

    Examples
    --------
    >>> encode_number(3), encode_number(Fraction(-3, 2)), encode_number(0.1)
    (3, {'fraction': '-3/2'}, 0.1)
    >>> encode_number(2**60)
    {'int': '1152921504606846976'}
    """
    if isinstance(value, (bool, np.bool_)):
        raise FormatError(f"{where}: expected a number, got the boolean {value!r}")
    if isinstance(value, (int, np.integer)):
        value = int(value)
        return value if -_JSON_INT_BOUND <= value <= _JSON_INT_BOUND else {"int": _int_text(value)}
    if isinstance(value, Fraction):
        return {"fraction": _fraction_text(value)}
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if not math.isfinite(value):
            raise FormatError(f"{where}: cannot write the non-finite float {value!r}")
        return value
    if isinstance(value, sympy.Basic):
        return {"expr": encode_expression(value, where)}
    raise FormatError(f"{where}: expected an int, Fraction, float or sympy expression, got {value!r}")


def decode_number(node: Any, where: str = "value", *, limits: Limits | None = None) -> Any:
    """The number a JSON value written by :func:`encode_number` stands for.

    Parameters
    ----------
    node : JSON value
        What :func:`encode_number` wrote (after ``json.loads``).
    where : str
        The field's name, for error messages.
    limits : Limits, optional
        Bounds on number sizes and expression depth (defaults: :class:`Limits`).

    Returns
    -------
    int, Fraction, float or sympy.Basic

    Raises
    ------
    FormatError
        If ``node`` is not one of the forms :func:`encode_number` writes.

    Examples
    --------
    >>> decode_number({"fraction": "3/6"})
    Fraction(1, 2)
    >>> decode_number(True)
    Traceback (most recent call last):
    ...
    cybergames.errors.FormatError: value: expected a number ..., got True
    """
    limits = check_limits(limits)
    if type(node) is int:
        return node
    if type(node) is float:
        if not math.isfinite(node):
            raise FormatError(f"{where}: expected a finite number, got {node!r}")
        return node
    if isinstance(node, dict) and len(node) == 1:
        (key, inner), = node.items()
        if key == "int":
            if not isinstance(inner, str):
                raise FormatError(f"{where}: expected the digits of an integer as a string, got {_show(inner)}")
            return _parse_int_text(inner, where, limits)
        if key == "fraction":
            return _parse_fraction_text(inner, where, limits)
        if key == "expr":
            return decode_expression(inner, where, limits=limits)
    raise FormatError(f"{where}: expected a number (a JSON number, {{'int': digits}}, "
                      f"{{'fraction': 'p/q'}} or {{'expr': tree}}), got {_show(node)}")


# --------------------------------------------------------------------- expressions
def encode_expression(expr: Any, where: str = "expression") -> dict:
    """A sympy expression (or relation, or set) as a tree of JSON objects.

    Parameters
    ----------
    expr : sympy.Basic
        Built from integers, rationals, floats, symbols (with their assumptions),
        the constants in :data:`CONSTANTS` and the operations in :data:`OPERATORS`
        (``Add``, ``Mul``, ``Pow`` and so ``sqrt``, ``exp``, ``log``, ``Abs``, ``Min``,
        ``Max``, ``Piecewise``, relations, ``And``/``Or``/``Not``, intervals and their unions).
    where : str
        The field's name, for the error message.

    Returns
    -------
    dict
        One JSON object per node: ``{"op": name, "args": [...]}`` for an
        operation; ``Integer`` has a ``value``, ``Rational`` a ``p`` and ``q``,
        ``Float`` an exact ``mantissa`` and binary ``exponent`` and its
        ``precision`` in bits, ``Symbol`` a ``name`` and its ``assumptions``.

    Raises
    ------
    FormatError
        If the expression uses anything outside the whitelist (another function,
        a ``Dummy`` symbol, NaN, a complex infinity).

    Examples
    --------
    >>> import sympy
    >>> T = sympy.Symbol("T", positive=True)
    >>> tree = encode_expression(sympy.sqrt(T) / 2)
    >>> tree["op"], [arg["op"] for arg in tree["args"]]
    ('Mul', ['Rational', 'Pow'])
    >>> decode_expression(tree) == sympy.sqrt(T) / 2
    True
    """
    if not isinstance(expr, sympy.Basic):
        raise FormatError(f"{where}: expected a sympy expression, got {expr!r}")
    readable = DEFAULT_LIMITS.max_depth
    if limits_module.expression_depth(expr, readable) > readable:     # iterative: no RecursionError
        raise FormatError(f"{where}: expression nested deeper than {readable} levels, which the readers refuse "
                          f"(cybergames.io.Limits(max_depth=...) reads deeper ones)")
    try:
        return _encode(expr, where)
    except RecursionError as exc:
        raise FormatError(f"{where}: expression nested too deeply to write") from exc


def _encode(expr: sympy.Basic, where: str) -> dict:
    if isinstance(expr, sympy.Integer):
        return {"op": "Integer", "value": _encode_int(int(expr))}
    if isinstance(expr, sympy.Rational):
        return {"op": "Rational", "p": _encode_int(int(expr.p)), "q": _encode_int(int(expr.q))}
    if isinstance(expr, sympy.Float):
        sign, man, exp, _ = expr._mpf_
        if man == 0 and exp != 0:
            raise FormatError(f"{where}: cannot write the non-finite float {expr}")
        return {"op": "Float", "mantissa": _encode_int(-man if sign else man), "exponent": exp,
                "precision": int(expr._prec)}
    if type(expr) is sympy.Symbol:
        assumptions = getattr(expr, "_assumptions_orig", None)
        if assumptions is None:  # older sympy keeps only the full set of facts
            assumptions = expr.assumptions0
        node = {"op": "Symbol", "name": expr.name}
        if assumptions:
            node["assumptions"] = {key: bool(value) for key, value in assumptions.items()}
        return node
    try:
        constant = _CONSTANT_NAMES.get(expr)
    except TypeError:  # pragma: no cover - unhashable sympy objects do not exist in practice
        constant = None
    if constant is not None and expr == CONSTANTS[constant]:
        return {"op": constant}
    name = _NAME_OF.get(type(expr))
    if name is None:
        raise FormatError(f"{where}: cannot write {type(expr).__name__} ({str(expr)[:60]}): "
                          f"only {sorted(OPERATORS)}, the constants {sorted(CONSTANTS)}, numbers "
                          f"and symbols are written")
    return {"op": name, "args": [_encode(arg, where) for arg in expr.args]}


def decode_expression(node: Any, where: str = "expression", *, limits: Limits | None = None) -> sympy.Basic:
    """The sympy object a tree written by :func:`encode_expression` stands for.

    Only the whitelisted operations are rebuilt (with ``evaluate=False`` where
    the class takes it, so nothing is computed); nothing in the tree is ever
    evaluated as code.

    Parameters
    ----------
    node : dict
        The tree (after ``json.loads``).
    where : str
        The field's name, for error messages.
    limits : Limits, optional
        Bounds on depth, node count and number sizes (defaults: :class:`Limits`).

    Returns
    -------
    sympy.Basic

    Raises
    ------
    FormatError
        If a node has an unknown ``op``, the wrong fields or arguments, or the
        tree exceeds the limits; the message names the node's path.

    Examples
    --------
    >>> decode_expression({"op": "Pow", "args": [{"op": "Symbol", "name": "x"},
    ...                                          {"op": "Rational", "p": 1, "q": 2}]})
    sqrt(x)
    >>> decode_expression({"op": "__import__", "args": []})
    Traceback (most recent call last):
    ...
    cybergames.errors.FormatError: expression: unknown operation '__import__'; ...
    """
    limits = check_limits(limits)
    budget = [limits.max_nodes]
    return _decode(node, where, 0, limits, budget)


def _decode(node: Any, where: str, depth: int, limits: Limits, budget: list[int]) -> sympy.Basic:
    if depth > limits.max_depth:
        raise FormatError(f"{where}: expression nested deeper than {limits.max_depth} levels")
    budget[0] -= 1
    if budget[0] < 0:
        raise FormatError(f"{where}: expression has more than {limits.max_nodes} nodes")
    if not isinstance(node, dict) or not isinstance(node.get("op"), str):
        raise FormatError(f"{where}: expected an expression node {{'op': ..., ...}}, got {_show(node)}")
    op = node["op"]
    if op == "Integer":
        _expect_object(node, where, {"op", "value"}, {"value"})
        return sympy.Integer(_decode_int(node["value"], where + ".value", limits))
    if op == "Rational":
        _expect_object(node, where, {"op", "p", "q"}, {"p", "q"})
        p = _decode_int(node["p"], where + ".p", limits)
        q = _decode_int(node["q"], where + ".q", limits)
        if q <= 0:
            raise FormatError(f"{where}.q: the denominator must be positive, got {q}")
        return sympy.Rational(p, q)
    if op == "Float":
        return _decode_float(node, where, limits)
    if op == "Symbol":
        return _decode_symbol(node, where, limits)
    if op in CONSTANTS:
        _expect_object(node, where, {"op"}, set())
        return CONSTANTS[op]
    if op not in OPERATORS:
        raise FormatError(f"{where}: unknown operation {op[:60]!r}; expected one of "
                          f"{sorted(OPERATORS)}, {sorted(CONSTANTS)}, Integer, Rational, Float or Symbol")
    _expect_object(node, where, {"op", "args"}, {"args"})
    cls, sorts, takes_evaluate = OPERATORS[op]
    args = node["args"]
    if not isinstance(args, list):
        raise FormatError(f"{where}.args: expected a list, got {_show(args)}")
    if isinstance(sorts, tuple):
        if len(args) != len(sorts):
            raise FormatError(f"{where}: {op} takes {len(sorts)} argument(s), got {len(args)}")
        wanted = sorts
    else:
        sort, minimum = sorts
        if len(args) < minimum:
            raise FormatError(f"{where}: {op} takes at least {minimum} argument(s), got {len(args)}")
        wanted = (sort,) * len(args)
    built = []
    for k, (arg, sort) in enumerate(zip(args, wanted)):
        # Deep paths would make messages unreadable: beyond ten levels, elide the middle.
        child = f"{where}.args[{k}]" if depth < 10 else (where if where.endswith("...") else f"{where}...")
        value = _decode(arg, child, depth + 1, limits, budget)
        if not isinstance(value, _SORTS[sort]):
            raise FormatError(f"{where}.args[{k}]: {op} expects a {sort} here, got {str(value)[:60]}")
        built.append(value)
    if cls is sympy.Pow:
        _numbers.check_power(built[1], where, FormatError, limits.max_exponent, "Limits.max_exponent")
    try:
        return cls(*built, evaluate=False) if takes_evaluate else cls(*built)
    except (TypeError, ValueError, ArithmeticError, AttributeError, NotImplementedError) as exc:
        raise FormatError(f"{where}: cannot build {op} from these arguments: {exc}") from exc


def _decode_float(node: dict, where: str, limits: Limits) -> sympy.Float:
    _expect_object(node, where, {"op", "mantissa", "exponent", "precision"},
                   {"mantissa", "exponent", "precision"})
    mantissa = _decode_int(node["mantissa"], where + ".mantissa", limits)
    exponent, precision = node["exponent"], node["precision"]
    if type(exponent) is not int:
        raise FormatError(f"{where}.exponent: expected an integer, got {_show(exponent)}")
    if type(precision) is not int or not 1 <= precision <= 4 * limits.max_number_length:
        raise FormatError(f"{where}.precision: expected a number of bits in 1..{4 * limits.max_number_length}, "
                          f"got {_show(precision)}")
    if abs(mantissa).bit_length() > precision:
        raise FormatError(f"{where}: the mantissa has more bits than the precision ({precision})")
    if mantissa == 0:
        return sympy.Float(0.0, precision=precision)
    return sympy.Float(from_man_exp(mantissa, exponent), precision=precision)


def _decode_symbol(node: dict, where: str, limits: Limits) -> sympy.Symbol:
    _expect_object(node, where, {"op", "name", "assumptions"}, {"name"})
    name = node["name"]
    if not isinstance(name, str) or not name or len(name) > limits.max_number_length:
        raise FormatError(f"{where}.name: expected a non-empty string, got {_show(name)}")
    assumptions = node.get("assumptions", {})
    if not isinstance(assumptions, dict):
        raise FormatError(f"{where}.assumptions: expected an object of true/false facts, got {_show(assumptions)}")
    for key, value in assumptions.items():
        if key not in ASSUMPTIONS:
            raise FormatError(f"{where}.assumptions: unknown assumption {key[:60]!r}; "
                              f"expected some of {sorted(ASSUMPTIONS)}")
        if not isinstance(value, bool):
            raise FormatError(f"{where}.assumptions.{key}: expected true or false, got {_show(value)}")
    try:
        return sympy.Symbol(name, **assumptions)
    except ValueError as exc:  # InconsistentAssumptions
        raise FormatError(f"{where}.assumptions: inconsistent assumptions {assumptions}: {exc}") from exc
