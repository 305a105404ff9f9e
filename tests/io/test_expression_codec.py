"""Tests of cybergames/io/_expressions.py: numbers and sympy expressions as JSON, from a whitelist."""

import json
import sys
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from .io_strategies import EXPRESSIONS

from cybergames import NormalFormGame
from cybergames.errors import FormatError
from cybergames.io import Limits, decode_expression, decode_number, encode_expression, encode_number, from_json

x, y = sympy.symbols("x y", real=True)
delta = sympy.Symbol("delta", nonnegative=True)


def round_trip(expr):
    return decode_expression(json.loads(json.dumps(encode_expression(expr))))


@pytest.mark.slow
@given(EXPRESSIONS)
def test_expressions_round_trip_structurally(expr):
    # sympy's == compares trees structurally (the same operations, arguments, numbers with their
    # precision, and symbols with their assumptions), not mathematical equivalence.
    back = round_trip(expr)
    assert back == expr and type(back) is type(expr)


@given(st.one_of(st.integers(), st.fractions(), st.floats(allow_nan=False, allow_infinity=False)))
def test_numbers_round_trip_with_their_type(value):
    back = decode_number(json.loads(json.dumps(encode_number(value))))
    assert type(back) is type(value) and back == value
    if isinstance(value, float):
        assert back.hex() == value.hex()  # -0.0 and subnormals too


@pytest.mark.parametrize("expr", [
    sympy.Ge(delta, (x - y) / (x + 1)),                                 # a sustainability condition
    sympy.And(delta > 0, delta < 1),
    sympy.Or(sympy.Eq(x, 0), sympy.Ne(y, 1)),
    sympy.Not(sympy.Symbol("b")),
    sympy.Piecewise((x, x > 1), (y, True)),
    sympy.Interval.Ropen(sympy.Rational(1, 2), 1),
    sympy.Union(sympy.Interval(0, sympy.Rational(1, 3)), sympy.Interval.Lopen(sympy.Rational(1, 2), 1)),
    sympy.Intersection(sympy.Interval(0, x), sympy.Interval(y, 2), evaluate=False),
    sympy.Complement(sympy.Reals, sympy.FiniteSet(0, 1)),
    sympy.Interval(0, sympy.oo),
    sympy.EmptySet,
    sympy.Float("0.1", 50) * x,                                          # a 50-digit float
    sympy.Float(0.0) + y,
    sympy.pi * sympy.E + sympy.floor(x) - sympy.ceiling(y) + sympy.sign(x),
    sympy.exp(-x) * sympy.log(delta + 1) + sympy.Abs(x - y),
    sympy.Symbol("name with spaces and \"quotes\"") + sympy.Symbol("λ"),
    sympy.Add(x, x, evaluate=False),                                     # unevaluated stays unevaluated
])
def test_whitelisted_operations_round_trip(expr):
    back = round_trip(expr)
    assert back == expr and sympy.srepr(back) == sympy.srepr(expr)


def test_symbol_assumptions_survive():
    symbol = sympy.Symbol("q", positive=True, integer=True)
    back = round_trip(symbol)
    assert back == symbol and back.is_integer and back.is_positive
    assert round_trip(sympy.Symbol("q")) != symbol  # assumptions are part of a symbol's identity


@pytest.mark.parametrize("expr, what", [
    (sympy.sin(x), "sin"),
    (sympy.Dummy("d"), "Dummy"),
    (sympy.I * x, "ImaginaryUnit"),
    (sympy.nan, "NaN"),
    (sympy.zoo, "ComplexInfinity"),
    (sympy.Matrix([1]), "expected a sympy expression|ImmutableDenseMatrix|MutableDenseMatrix"),
])
def test_operations_outside_the_whitelist_are_not_written(expr, what):
    with pytest.raises(FormatError, match=what):
        encode_expression(expr)


def test_a_symbolic_game_with_a_function_outside_the_whitelist_names_the_entry():
    game = NormalFormGame([[sympy.sin(x), 1]])
    from cybergames.io import to_json
    with pytest.raises(FormatError, match=r"payoffs\[0\]: cannot write sin"):
        to_json(game)


@pytest.mark.parametrize("node, message", [
    ({"op": "__import__", "args": [{"op": "Symbol", "name": "os"}]}, "unknown operation '__import__'"),
    ({"op": "eval", "args": []}, "unknown operation 'eval'"),
    ({"op": "sympify", "args": []}, "unknown operation 'sympify'"),
    ({"op": "Function", "args": []}, "unknown operation 'Function'"),
    ({"op": "Add"}, r"missing field\(s\) \['args'\]"),
    ({"op": "Add", "args": [], "code": "x"}, r"unknown field\(s\) \['code'\]"),
    ({"op": "Pow", "args": [{"op": "Integer", "value": 2}]}, "Pow takes 2 argument"),
    ({"op": "Min", "args": []}, "Min takes at least 1"),
    ({"op": "And", "args": [{"op": "Integer", "value": 1}, {"op": "true"}]}, "expects a boolean"),
    ({"op": "Add", "args": [{"op": "true"}]}, "expects a expression"),
    ({"op": "Union", "args": [{"op": "Integer", "value": 1}]}, "expects a set"),
    ({"op": "Integer", "value": True}, "expected an integer"),
    ({"op": "Integer", "value": "1e5"}, "expected an integer written in decimal"),
    ({"op": "Rational", "p": 1, "q": 0}, "denominator must be positive"),
    ({"op": "Float", "mantissa": 3, "exponent": 0, "precision": 1}, "more bits than the precision"),
    ({"op": "Float", "mantissa": 3, "exponent": 0.5, "precision": 53}, "exponent: expected an integer"),
    ({"op": "Symbol", "name": ""}, "expected a non-empty string"),
    ({"op": "Symbol", "name": "x", "assumptions": {"evil": True}}, "unknown assumption 'evil'"),
    ({"op": "Symbol", "name": "x", "assumptions": {"positive": "yes"}}, "expected true or false"),
    ({"op": "Symbol", "name": "x", "assumptions": {"positive": True, "negative": True}}, "inconsistent"),
    ("x + 1", "expected an expression node"),
    ([], "expected an expression node"),
])
def test_malformed_trees_are_refused(node, message):
    with pytest.raises(FormatError, match=message):
        decode_expression(node)


def test_a_symbol_name_is_only_a_name():
    # A name that would be code if evaluated is just the name of a symbol.
    name = "__import__('os').system('echo owned')"
    assert decode_expression({"op": "Symbol", "name": name}) == sympy.Symbol(name)


def test_huge_powers_are_refused_by_default_and_rebuilt_without_being_computed_on_request():
    # Issue 13: 10**(10**12) passed the reader and then hung whatever simplified it.
    node = {"op": "Pow", "args": [{"op": "Integer", "value": 10}, {"op": "Integer", "value": "1" + "0" * 100}]}
    with pytest.raises(FormatError, match=r"exceeds Limits.max_exponent = 1000"):
        decode_expression(node)
    value = decode_expression(node, limits=Limits(max_exponent=10**101))   # evaluating it would never finish
    assert isinstance(value, sympy.Pow) and value.exp == sympy.Integer(10**100)


def test_depth_and_node_limits():
    node = {"op": "Symbol", "name": "x"}
    for _ in range(30):
        node = {"op": "exp", "args": [node]}
    with pytest.raises(FormatError, match="deeper than 20 levels"):
        decode_expression(node, limits=Limits(max_depth=20))
    assert decode_expression(node).count(sympy.exp) == 30
    wide = {"op": "Add", "args": [{"op": "Symbol", "name": f"s{k}"} for k in range(50)]}
    with pytest.raises(FormatError, match="more than 40 nodes"):
        decode_expression(wide, limits=Limits(max_nodes=40))


@pytest.mark.parametrize("node, message", [
    (True, "expected a number"),
    (None, "expected a number"),
    ("3", "expected a number"),
    ({"fraction": "1/0"}, "denominator of a fraction must be positive"),
    ({"fraction": "1/2/3"}, "expected a fraction"),
    ({"fraction": "a/b"}, "expected an integer"),
    ({"int": 5}, "digits of an integer as a string"),
    ({"int": "9" * 5000}, "has too many decimal digits"),
    ({"int": "1", "fraction": "1/2"}, "expected a number"),
    ({"expr": {"op": "EmptySet"}, "x": 1}, "expected a number"),
])
def test_malformed_numbers_are_refused(node, message):
    with pytest.raises(FormatError, match=message):
        decode_number(node)


def test_number_length_limit():
    with pytest.raises(FormatError, match="at most 10 characters"):
        decode_number({"int": "1" * 11}, limits=Limits(max_number_length=10))


def test_non_finite_floats_are_neither_written_nor_read():
    with pytest.raises(FormatError, match="non-finite"):
        encode_number(float("inf"))
    with pytest.raises(FormatError, match="not a finite number"):
        from_json('{"format": "cybergames", "version": 1, "type": "NormalFormGame", "data": NaN}')
    # sympy's infinities are constants (an interval may end at oo), but a game refuses them.
    assert encode_number(sympy.oo) == {"expr": {"op": "oo"}}
    text = ('{"format": "cybergames", "version": 1, "type": "NormalFormGame", "data": {"players": ["0"], '
            '"actions": [["a"]], "kind": "symbolic", "payoffs": [[{"expr": {"op": "-oo"}}]]}}')
    with pytest.raises(FormatError, match=r"data: payoffs\[0\]\[0\]: expected a finite number, got -oo"):
        from_json(text)


# ------------------------------------------------------------------ nothing is ever evaluated
_EVENTS: list = []
_WATCHING = [False]
_FORBIDDEN = {"exec", "compile", "pickle.find_class", "os.system", "subprocess.Popen", "os.exec", "os.posix_spawn"}


def _audit(event, args):
    if _WATCHING[0] and event in _FORBIDDEN:
        _EVENTS.append(event)


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one only records while _WATCHING


def test_reading_documents_never_executes_or_compiles_code():
    # Python raises the audit event "exec" for every eval/exec of code and "compile" for every
    # compile(); sympify and parse_expr raise both. Reading hostile and valid documents must raise none.
    T, R = sympy.symbols("T R", positive=True)
    game = NormalFormGame([[sympy.Min(T, R) + sympy.sqrt(T), sympy.Piecewise((T, T > R), (R, True))]])
    from cybergames.io import read_nfg, to_json
    text = to_json(game)
    hostile = [
        text.replace('"Symbol"', '"__import__"', 1),
        '{"format": "cybergames", "version": 1, "type": "NormalFormGame", "data": {"players": ["0"], '
        '"actions": [["a"]], "kind": "symbolic", "payoffs": [[{"expr": "__import__(\'os\').system(\'x\')"}]]}}',
        '{"format": "cybergames", "version": 1, "type": "builtins.eval", "data": {}}',
        '{"format": "cybergames", "version": 1, "type": "NormalFormGame", "data": '
        '{"__reduce__": ["os.system", ["echo"]]}}',
    ]
    nfg = 'NFG 1 R "__import__(\'os\')" { "eval(1)" } { { "exec" "compile" } }\n1 2'
    from_json(text)  # warm up: first uses may import modules, which legitimately executes their code
    read_nfg(nfg)
    _EVENTS.clear()
    _WATCHING[0] = True
    try:
        assert from_json(text) == game
        for document in hostile:
            with pytest.raises(FormatError):
                from_json(document)
        assert read_nfg(nfg).actions == (("exec", "compile"),)
    finally:
        _WATCHING[0] = False
    assert _EVENTS == []


def test_the_audit_hook_does_see_sympify():
    # The check above is only meaningful if the hook catches what sympify does.
    _EVENTS.clear()
    _WATCHING[0] = True
    try:
        sympy.sympify("x + 1")
    finally:
        _WATCHING[0] = False
    assert "exec" in _EVENTS or "compile" in _EVENTS


def test_fraction_payoffs_keep_their_exact_value():
    assert decode_number(encode_number(Fraction(-7, 3))) == Fraction(-7, 3)
