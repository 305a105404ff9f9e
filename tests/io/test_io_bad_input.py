"""Malformed files for the readers of cybergames.io: one table of cases, then fuzzing.

Every malformed ``.nfg`` file must raise :class:`FormatError` naming the line and
column; every malformed JSON document must raise :class:`FormatError` naming the
line and column (syntax) or the field (content). Hypothesis-generated junk,
random bytes and random mutations of valid files must never raise anything else,
and never take long.
"""

import copy
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from .io_strategies import exact_games, float_games

from cybergames import NormalFormGame, prisoners_dilemma
from cybergames.errors import FormatError
from cybergames.io import from_json, read_nfg, to_json, write_nfg

DATA = Path(__file__).parent / "data"
HEADER = 'NFG 1 R "t" { "A" "B" } { 2 2 }\n'
OUTCOMES = 'NFG 1 R "t" { "A" "B" } { 2 2 }\n{ { "x" 1, 2 } { "y" 3 4 } }\n'
PD = json.loads(to_json(prisoners_dilemma(5, 3, 1, 0)))


def doc(**data_changes):
    """The prisoner's dilemma document with some fields of its data replaced."""
    document = copy.deepcopy(PD)
    document["data"].update(data_changes)
    return json.dumps(document)


def top(**changes):
    """The prisoner's dilemma document with some top-level fields replaced (None removes)."""
    document = copy.deepcopy(PD)
    for key, value in changes.items():
        if value is None:
            document.pop(key)
        else:
            document[key] = value
    return json.dumps(document)


NFG_CASES = [
    # (id, file content, expected message)
    ("unknown header", b'EFG 2 R "x" { "a" }', r"^line 1, column 1: expected 'NFG'"),
    ("empty file", b"", r"^line 1, column 1: expected 'NFG' .*got the end of the file"),
    ("version 2", 'NFG 2 R "" { "a" } { 1 }\n0', r"^line 1, column 5: expected the version 1"),
    ("unknown number type", 'NFG 1 X "" { "a" } { 1 }\n0', r"^line 1, column 7: expected 'R' or 'D'"),
    ("missing title", 'NFG 1 R { "a" } { 1 }\n0', r"^line 1, column 9: expected the game's title"),
    ("unterminated title", 'NFG 1 R "title\n{ 1 }', r"^line 1, column 9: unterminated string"),
    ("title closed early", 'NFG 1 R "title { "a" } { 1 }\n0', r"^line 1, column 19: expected '\{' opening the list of player names, got 'a'"),
    ("unterminated player name", 'NFG 1 R "" { "a\n\n\n', r"^line 1, column 14: unterminated string"),
    ("escaped quote at end", 'NFG 1 R "ends with \\"', r"^line 1, column 9: unterminated string"),
    ("players not closed", 'NFG 1 R "" { "a" "b" 2 2 }\n0', r"^line 1, column 22: expected a quoted player name or '}'"),
    ("no players", 'NFG 1 R "" { } { }', r"^line 1, column 12: the game has no players"),
    ("too few counts", HEADER.replace("{ 2 2 }", "{ 2 }") + "1 2 3 4",
     r"^line 1, column 29: expected the number of strategies of player 2 \(of 2\), got '}'"),
    ("too many counts", HEADER.replace("{ 2 2 }", "{ 2 2 2 }") + "1 2 3 4",
     r"^line 1, column 31: expected '}' closing the strategies of the 2 players, got '2'"),
    ("zero strategies", HEADER.replace("{ 2 2 }", "{ 0 2 }"), r"^line 1, column 27: .*got 0"),
    ("fractional count", HEADER.replace("{ 2 2 }", "{ 2.5 2 }"), r"^line 1, column 27: .*positive integer\), got '2.5'"),
    ("negative count", HEADER.replace("{ 2 2 }", "{ -2 2 }"), r"^line 1, column 27: .*got '-2'"),
    ("names and counts mixed", 'NFG 1 R "" { "a" "b" } { { "x" } 3 }',
     r"^line 1, column 34: expected '\{' opening the strategy names of player 2 \(of 2\), got '3'"),
    ("player without strategies", 'NFG 1 R "" { "a" } { { } }', r"^line 1, column 22: player 1 has no strategies"),
    ("unclosed strategy names", 'NFG 1 R "" { "a" } { { "x" 1 } }',
     r"^line 1, column 28: expected a quoted strategy name or '}' closing player 1's strategies"),
    ("header only", HEADER, r"^line 2, column 1: expected the payoffs \(numbers\) or the outcome list"),
    ("comma in the payoff list", HEADER + "1, 2 3 4 5 6 7 8",
     r"^line 2, column 2: expected the payoff of player 2 in contingency 1, got ','"),
    ("bad payoff", HEADER + "1 2 3 4\n5 x 7 8",
     r"^line 3, column 3: expected the payoff of player 2 in contingency 3 \(an integer, a fraction p/q or a decimal\), got 'x'"),
    ("nan payoff", HEADER + "1 2 3 nan 5 6 7 8", r"^line 2, column 7: .*got 'nan'"),
    ("inf payoff", HEADER + "1 2 3 4 5 6 7 inf", r"^line 2, column 15: .*got 'inf'"),
    ("python literal payoff", HEADER + "1 2 3 4 5 6 7 1_000", r"^line 2, column 15: .*got '1_000'"),
    ("hexadecimal payoff", HEADER + "0x10 2 3 4 5 6 7 8", r"^line 2, column 1: .*got '0x10'"),
    ("non-ASCII digits", HEADER + "١ 2 3 4 5 6 7 8", r"^line 2, column 1: .*got '١'"),
    ("call in a payoff", HEADER + "__import__('os') 2 3 4 5 6 7 8", r"^line 2, column 1: .*got \"__import__\('os'\)\""),
    ("zero denominator", HEADER + "1 2 3 4 5 6 7 1/0", r"^line 2, column 15: the payoff of player 2 in contingency 4 '1/0': the denominator is zero"),
    ("exponent beyond the limit", HEADER + "1 2 3 4 5 6 7 1e999999",
     r"^line 2, column 15: .* the exponent exceeds the limit of 1000 \(Limits.max_exponent\)"),
    ("float overflow in a D file", HEADER.replace(" R ", " D ") + "1 2 3 4 5 6 7 1e400",
     r"^line 2, column 15: .*'1e400': too large for a float"),
    ("too many digits", HEADER + "1 2 3 4 5 6 7 " + "9" * 5000, r"^line 2, column 15: .*too many digits"),
    ("truncated payoffs", HEADER + "1 2 3\n4 5", r"^line 3, column 4: the file ends after 5 of the 8 payoffs"),
    ("extra payoff", HEADER + "1 2 3 4 5 6 7 8 9", r"^line 2, column 17: expected the end of the file after the last payoff, got '9'"),
    ("outcome without a name", HEADER + "{ { 1 2 } }", r"^line 2, column 5: expected the name of outcome 1"),
    ("outcome with too few payoffs", HEADER + '{ { "" 1 } }', r"^line 2, column 10: outcome 1 has 1 payoffs; expected 2"),
    ("outcome with too many payoffs", HEADER + '{ { "" 1 2 3 } }',
     r"^line 2, column 12: expected '}' closing outcome 1 after its 2 payoffs, got '3'"),
    ("outcome list not closed", HEADER + '{ { "" 1 2 }\n1 1 1 1', r"^line 3, column 1: expected '\{' opening an outcome or '}'"),
    ("outcome index out of range", OUTCOMES + "1 2\n0 3", r"^line 4, column 3: outcome index 3 of contingency 4 is out of range 0..2"),
    ("negative outcome index", OUTCOMES + "1 -1 0 0", r"^line 3, column 3: expected the outcome index of contingency 2 \(an integer in 0..2\), got '-1'"),
    ("fractional outcome index", OUTCOMES + "1 1.0 0 0", r"^line 3, column 3: .*got '1.0'"),
    ("huge outcome index", OUTCOMES + "1 " + "9" * 50 + " 0 0", r"^line 3, column 3: outcome index 9{20} of contingency 2 is out of range"),
    ("truncated outcome indices", OUTCOMES + "1 2 0", r"^line 3, column 6: the file ends after 3 of the 4 outcome indices"),
    ("extra outcome index", OUTCOMES + "1 2 0 0 1", r"^line 3, column 9: expected the end of the file after the last outcome index"),
    ("braces instead of indices", OUTCOMES + "1 2 { 0", r"^line 3, column 5: expected the outcome index of contingency 3"),
    ("not UTF-8", b'NFG 1 R "\xff" { "a" } { 1 }\n0', r"^text: not UTF-8 text \(byte 9"),
    ("33 players", 'NFG 1 R "" { ' + '"p" ' * 33 + "}", r"^line 1, column 142: more than 32 players \(the limit\)"),
    ("10**6 + 1 contingencies", 'NFG 1 R "" { "a" "b" } { 1001 1000 }',
     r"^line 1, column 31: the game has more than 1000000 contingencies"),
    ("larger than 16 MiB", HEADER + " " * 2**24, r"^text: larger than the limit of 16777216 bytes"),
]


@pytest.mark.parametrize("content, message", [case[1:] for case in NFG_CASES], ids=[case[0] for case in NFG_CASES])
def test_malformed_nfg_files_name_the_line_and_column(content, message):
    with pytest.raises(FormatError, match=message):
        read_nfg(content)


def test_nfg_errors_from_a_file_start_with_its_name(tmp_path):
    path = tmp_path / "broken.nfg"
    path.write_text(HEADER + "1 2 3 4\n5 x 7 8")
    with pytest.raises(FormatError, match=r"broken\.nfg: line 3, column 3: expected the payoff"):
        read_nfg(path)


JSON_CASES = [
    # (id, document, expected message)
    ("not JSON", "{", r"^line 1, column 2: not valid JSON"),
    ("trailing garbage", to_json(prisoners_dilemma()) + "\n]", r"^line 2, column 1: not valid JSON: Extra data"),
    ("empty", "", r"^line 1, column 1: not valid JSON"),
    ("NaN", '{"format": NaN}', r"the JSON constant NaN .* is not allowed"),
    ("Infinity", '[-Infinity]', r"the JSON constant -Infinity"),
    ("repeated field", '{"type": 1, "type": 2}', r"a JSON object repeats the field 'type'"),
    ("deeply nested", "[" * 100_000 + "]" * 100_000, r"nested too deeply"),
    ("integer beyond the digit limit", "[" + "9" * 5000 + "]", r"not valid JSON: Exceeds the limit"),
    ("a list", "[]", r"^document: expected a JSON object, got \[\]"),
    ("missing data", top(data=None), r"^document: missing field\(s\) \['data'\]"),
    ("extra field", top(code="__import__('os')"), r"^document: unknown field\(s\) \['code'\]"),
    ("other format", top(format="gambit"), r"^format: expected 'cybergames', got 'gambit'"),
    ("newer version", top(version=2), r"^version: this document has version 2, newer than the 1"),
    ("version as text", top(version="1"), r"^version: expected a positive integer, got '1'"),
    ("version true", top(version=True), r"^version: expected a positive integer, got True"),
    ("unknown type", top(type="os.system"), r"^type: unknown type 'os.system'; expected one of \[.*'NormalFormGame'"),
    ("type not a string", top(type=["NormalFormGame"]), r"^document.type: expected a string"),
    ("data not an object", top(data=[1, 2]), r"^data: expected a JSON object, got \[1, 2\]"),
    ("unknown data field", doc(pickle="gASV"), r"^data: unknown field\(s\) \['pickle'\]"),
    ("players not a list", doc(players="01"), r"^data.players: expected a list, got '01'"),
    ("player not a string", doc(players=["0", 1]), r"^data.players\[1\]: expected a string, got 1"),
    ("no players", doc(players=[], actions=[], payoffs=[]), r"^data.players: expected at least one player"),
    ("33 players", doc(players=[str(k) for k in range(33)]), r"^data.players: 33 entries exceed the limit of 32"),
    ("actions for one player", doc(actions=[["C", "D"]]), r"^data.actions: expected 2 lists of labels \(one per player\), got 1"),
    ("empty action list", doc(actions=[[], ["C", "D"]]), r"^data.actions\[0\]: every player needs at least one action"),
    ("action not a string", doc(actions=[["C", 0], ["C", "D"]]), r"^data.actions\[0\]: expected a list of strings"),
    ("repeated action", doc(actions=[["C", "C"], ["C", "D"]]), r"^data: actions\[0\]: action labels must be unique"),
    ("empty player label", doc(players=["", "1"]), r"^data: players: player labels must be non-empty strings"),
    ("unknown kind", doc(kind="complex"), r"^data.kind: expected one of \['exact', 'float', 'symbolic'\], got 'complex'"),
    ("kind that lies", doc(payoffs=[[[3, 0], [5, 1.5]], [[3, 5], [0, 1]]]), r"^data.kind: the document says 'exact' but the payoffs make a float game"),
    ("one payoff array", doc(payoffs=[[[3, 0], [5, 1]]]), r"^data.payoffs: expected 2 arrays \(one per player\), got 1"),
    ("ragged payoffs", doc(payoffs=[[[3, 0], [5]], [[3, 5], [0, 1]]]), r"^data.payoffs\[0\]\[1\]: expected a list of 2 entries, got a list of 1"),
    ("payoff as text", doc(payoffs=[[[3, "0"], [5, 1]], [[3, 5], [0, 1]]]), r"^data.payoffs\[0\]\[0\]\[1\]: expected a number .*got '0'"),
    ("payoff true", doc(payoffs=[[[3, 0], [5, 1]], [[3, 5], [0, True]]]), r"^data.payoffs\[1\]\[1\]\[1\]: expected a number .*got True"),
    ("payoff null", doc(payoffs=[[[None, 0], [5, 1]], [[3, 5], [0, 1]]]), r"^data.payoffs\[0\]\[0\]\[0\]: expected a number .*got None"),
    ("zero denominator", doc(payoffs=[[[{"fraction": "1/0"}, 0], [5, 1]], [[3, 5], [0, 1]]]),
     r"^data.payoffs\[0\]\[0\]\[0\]: the denominator of a fraction must be positive"),
    ("code as an operation", doc(payoffs=[[[{"expr": {"op": "__import__", "args": []}}, 0], [5, 1]], [[3, 5], [0, 1]]]),
     r"^data.payoffs\[0\]\[0\]\[0\]: unknown operation '__import__'"),
    ("code as an expression string", doc(payoffs=[[[{"expr": "os.system('rm')"}, 0], [5, 1]], [[3, 5], [0, 1]]]),
     r"^data.payoffs\[0\]\[0\]\[0\]: expected an expression node"),
    ("a set as a payoff", doc(payoffs=[[[{"expr": {"op": "EmptySet"}}, 0], [5, 1]], [[3, 5], [0, 1]]]),
     r"^data.payoffs\[0\]\[0\]\[0\]: expected a number or expression, got EmptySet"),
    ("an infinite payoff", doc(kind="symbolic", payoffs=[[[{"expr": {"op": "oo"}}, 0], [5, 1]], [[3, 5], [0, 1]]]),
     r"^data: payoffs\[0\]\[0, 0\]: expected a finite number, got oo"),
    ("larger than 16 MiB", " " * (2**24 + 1), r"^text: larger than the limit of 16777216 bytes"),
]


@pytest.mark.parametrize("text, message", [case[1:] for case in JSON_CASES], ids=[case[0] for case in JSON_CASES])
def test_malformed_json_documents_name_the_line_or_field(text, message):
    with pytest.raises(FormatError, match=message):
        from_json(text)


# ------------------------------------------------------------------ fuzzing
def _only_format_errors(read, content):
    """``read(content)`` returns a game or raises FormatError; nothing else."""
    try:
        result = read(content)
    except FormatError:
        result = None
    assert result is None or isinstance(result, NormalFormGame)


NFG_ALPHABET = st.sampled_from(list('NFG1RD0123456789{}",\\ \n\t-+/.eE"xé')) | st.characters()


@given(st.text(NFG_ALPHABET, max_size=200))
def test_junk_text_never_raises_anything_but_format_error(text):
    _only_format_errors(read_nfg, io.StringIO(text))
    _only_format_errors(read_nfg, io.StringIO("NFG 1 R " + text))
    _only_format_errors(from_json, text)


@given(st.binary(max_size=200))
def test_junk_bytes_never_raise_anything_but_format_error(data):
    _only_format_errors(read_nfg, data)
    _only_format_errors(read_nfg, b"NFG 1 R " + data)
    _only_format_errors(from_json, data)


@st.composite
def mutated(draw, text):
    """``text`` with a few random edits: deletions, insertions, replacements and truncation."""
    for _ in range(draw(st.integers(1, 4))):
        edit = draw(st.sampled_from(["delete", "insert", "replace", "truncate", "duplicate"]))
        k = draw(st.integers(0, len(text)))
        j = draw(st.integers(k, min(len(text), k + 12)))
        if edit == "delete":
            text = text[:k] + text[j:]
        elif edit == "insert":
            text = text[:k] + draw(st.text(NFG_ALPHABET, max_size=6)) + text[k:]
        elif edit == "replace":
            text = text[:k] + draw(st.text(NFG_ALPHABET, min_size=1, max_size=6)) + text[j:]
        elif edit == "truncate":
            text = text[:k]
        else:
            text = text[:j] + text[k:j] + text[j:]
    return text


VALID_NFG = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.nfg"))]


@pytest.mark.slow
@given(st.data())
def test_mutated_nfg_files_never_raise_anything_but_format_error(data):
    source = data.draw(st.sampled_from(VALID_NFG) | st.builds(
        write_nfg, exact_games() | float_games(), form=st.sampled_from(["payoffs", "outcomes"])))
    _only_format_errors(read_nfg, io.StringIO(data.draw(mutated(source))))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10) | st.sampled_from(["NormalFormGame", "Symbol", "Add", "expr", "fraction", "1/2"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["op", "args", "name", "expr", "fraction", "int", "value", "p", "q", "players",
                         "actions", "kind", "payoffs", "assumptions", "type", "data"]) | st.text(max_size=4),
        children, max_size=4),
    max_leaves=20)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _paths(value, path + (k,))


def _replace(node, path, value):
    if not path:
        return value
    node = copy.deepcopy(node)
    parent = node
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return node


@pytest.mark.slow
@given(st.data())
def test_json_documents_with_a_random_subtree_never_raise_anything_but_format_error(data):
    game = data.draw(st.sampled_from([prisoners_dilemma(5, 3, 1, 0)]) | exact_games(labels=False)
                     | float_games(labels=False))
    document = json.loads(to_json(game))
    path = data.draw(st.sampled_from(list(_paths(document))))
    changed = _replace(document, path, data.draw(JSON_VALUES))
    _only_format_errors(from_json, json.dumps(changed))


@settings(max_examples=50)
@given(st.data())
def test_symbolic_documents_with_a_random_subtree_never_raise_anything_but_format_error(data):
    import sympy
    T, R = sympy.symbols("T R", positive=True)
    game = NormalFormGame([[sympy.Min(T, R) + sympy.sqrt(T) / 3, sympy.Piecewise((T, T > R), (R, True))]])
    document = json.loads(to_json(game))
    path = data.draw(st.sampled_from(list(_paths(document))))
    changed = _replace(document, path, data.draw(JSON_VALUES))
    _only_format_errors(from_json, json.dumps(changed))


@given(JSON_VALUES)
def test_random_json_as_game_data_never_raises_anything_but_format_error(value):
    _only_format_errors(from_json, json.dumps({"format": "cybergames", "version": 1,
                                               "type": "NormalFormGame", "data": value}))


# Expression trees built from the whitelist's own vocabulary, with arguments of any sort and count:
# most are refused (wrong arity or sort), some build odd but valid sympy objects; none may escape
# as another exception when read alone or as a payoff.
OPS = st.sampled_from(["Add", "Mul", "Pow", "exp", "log", "Abs", "Min", "Max", "Piecewise", "ExprCondPair",
                       "Eq", "Lt", "Ge", "And", "Or", "Not", "Xor", "ITE", "Interval", "Union", "FiniteSet",
                       "Complement", "Intersection", "re", "im", "floor", "sign"])
LEAVES = st.one_of(
    st.builds(lambda name: {"op": "Symbol", "name": name}, st.sampled_from(["x", "y"])),
    st.builds(lambda v: {"op": "Integer", "value": v}, st.integers(-3, 3)),
    st.builds(lambda p, q: {"op": "Rational", "p": p, "q": q}, st.integers(-3, 3), st.integers(1, 3)),
    st.sampled_from([{"op": name} for name in ["pi", "E", "oo", "-oo", "true", "false", "EmptySet", "Reals"]]),
    st.builds(lambda m, e, p: {"op": "Float", "mantissa": m, "exponent": e, "precision": p},
              st.integers(-10, 10), st.integers(-2000, 2000), st.integers(1, 80)))
TREES = st.recursive(LEAVES, lambda children: st.builds(lambda op, args: {"op": op, "args": args},
                                                         OPS, st.lists(children, max_size=4)), max_leaves=12)


@given(TREES)
def test_trees_of_whitelisted_operations_never_raise_anything_but_format_error(node):
    from cybergames.io import decode_expression
    try:
        decode_expression(node)
    except FormatError:
        pass
    _only_format_errors(from_json, json.dumps(
        {"format": "cybergames", "version": 1, "type": "NormalFormGame",
         "data": {"players": ["0"], "actions": [["a"]], "kind": "symbolic", "payoffs": [[{"expr": node}]]}}))


def test_an_interval_with_symbolic_openness_is_a_format_error():
    # sympy raises NotImplementedError for Interval(x, x, x, x): found by the property above.
    from cybergames.io import decode_expression
    x = {"op": "Symbol", "name": "x"}
    with pytest.raises(FormatError, match="cannot build Interval"):
        decode_expression({"op": "Interval", "args": [x, x, x, x]})


@pytest.mark.parametrize("content, message", [
    ('NFG 1 R "' + "a" * 2**22, "line 1, column 9: unterminated string"),
    ('NFG 1 R "' + '\\"' * 2**21, "line 1, column 9: unterminated string"),
    (HEADER + "{" + '{ "" 1 1 }' * 100_001, "line 2, column 1000002: more than 100000 outcomes"),
    ('NFG 1 R "" { "a" "b" } { 1000 1000 }\n' + "1 " * (2 * 10**6 + 1),
     "line 2, column 4000001: expected the end of the file after the last payoff, got '1'"),
], ids=["unterminated 4 MiB string", "4 MiB of escaped quotes", "too many outcomes", "one payoff too many"])
def test_large_malformed_files_fail_fast(content, message):
    # Found at the end of megabytes of input (how fast: tests/benchmarks/io).
    from cybergames.io import Limits
    with pytest.raises(FormatError, match=message):
        read_nfg(content, limits=Limits(max_outcomes=100_000))
