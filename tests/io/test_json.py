"""Tests of cybergames/io/_json.py and _games.py: lossless JSON documents and the type registry."""

import io
import json
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from .io_strategies import exact_games, float_games, same_entries, symbolic_games

from cybergames import NormalFormGame, prisoners_dilemma, public_goods
from cybergames.errors import FormatError, ParameterError
from cybergames.io import (Fields, Limits, dump, encode_number, encode_object, from_json, load, register,
                           registered_types, to_json)


# ------------------------------------------------------------------ round trips
@pytest.mark.slow
@given(exact_games())
def test_exact_games_round_trip_with_types_and_labels(game):
    assert same_entries(from_json(to_json(game)), game)


@pytest.mark.slow
@given(float_games())
def test_float_games_round_trip_bit_for_bit(game):
    back = from_json(to_json(game))
    assert back.kind == "float"
    assert back.payoffs[0].tobytes() == game.payoffs[0].tobytes()
    assert same_entries(back, game)


@pytest.mark.slow
@given(symbolic_games())
def test_symbolic_games_round_trip_structurally(game):
    back = from_json(to_json(game))
    assert back.is_symbolic and back.free_symbols == game.free_symbols
    assert same_entries(back, game)


def test_symbolic_prisoners_dilemma_keeps_assumptions_and_substitutes_like_the_original():
    T, R, P, S = sympy.symbols("T R P S", positive=True)
    game = prisoners_dilemma(T, R, P, S)
    back = from_json(to_json(game, indent=2))
    assert back == game
    assert all(symbol.is_positive for symbol in back.free_symbols)
    values = {T: 5, R: 3, P: 1, S: 0}
    assert back.subs(values) == game.subs(values) == prisoners_dilemma(5, 3, 1, 0)


def test_document_layout_is_the_documented_one():
    # The layout other tools (and future versions) read: envelope, then the game's fields.
    document = json.loads(to_json(NormalFormGame([[[1, Fraction(1, 2)], [0.0, 2]], [[0, 1], [2, 3]]],
                                                 actions=[["a", "b"], ["c", "d"]])))
    assert document == {
        "format": "cybergames", "version": 1, "type": "NormalFormGame",
        "data": {"players": ["0", "1"], "actions": [["a", "b"], ["c", "d"]], "kind": "float",
                 "payoffs": [[[1.0, 0.5], [0.0, 2.0]], [[0.0, 1.0], [2.0, 3.0]]]}}


def test_large_integers_and_fractions_are_exact():
    big = 3**500  # far beyond 2**53, where other JSON readers would round
    game = NormalFormGame([[big, Fraction(-big, 7)]])
    document = json.loads(to_json(game))
    assert document["data"]["payoffs"] == [[{"int": str(big)}, {"fraction": f"{-big}/7"}]]
    assert same_entries(from_json(to_json(game)), game)


def test_integers_beyond_pythons_digit_limit_are_written_in_hexadecimal():
    huge = 7**6000  # about 5070 decimal digits: str() refuses it, so the writer uses hex
    game = NormalFormGame([[huge, -huge]])
    text = to_json(game)
    assert '"0x' in text and '"-0x' in text
    assert same_entries(from_json(text), game)


def test_three_player_game_round_trips():
    game = public_goods(3, multiplier=Fraction(5, 2), cost=1)
    assert same_entries(from_json(to_json(game)), game)


# ------------------------------------------------------------------ files
def test_dump_and_load_with_paths_text_and_binary_files(tmp_path):
    game = prisoners_dilemma(5, 3, 1, 0)
    dump(game, tmp_path / "pd.json")
    assert load(tmp_path / "pd.json") == game
    assert load(str(tmp_path / "pd.json")) == game
    with open(tmp_path / "pd.json", "rb") as handle:
        assert load(handle) == game
    with open(tmp_path / "binary.json", "wb") as handle:
        dump(game, handle)
    assert load(tmp_path / "binary.json") == game
    buffer = io.StringIO()
    dump(game, buffer, indent=1)
    assert from_json(buffer.getvalue()) == game
    assert from_json(buffer.getvalue().encode("utf-8")) == game


def test_load_names_the_file_in_errors(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "cybergames",\n "version": 1,\n "type": ')
    with pytest.raises(FormatError, match=r"broken\.json: line 3, column 10"):
        load(path)


def test_missing_file_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "missing.json")


def test_size_limit_is_checked_before_parsing(tmp_path):
    text = to_json(prisoners_dilemma(5, 3, 1, 0))
    with pytest.raises(FormatError, match="larger than the limit of 100 bytes"):
        from_json(text, limits=Limits(max_bytes=100))
    path = tmp_path / "pd.json"
    path.write_text(text)
    with pytest.raises(FormatError, match="larger than the limit"):
        load(path, limits=Limits(max_bytes=100))
    assert load(path, limits=Limits(max_bytes=len(text))) == prisoners_dilemma(5, 3, 1, 0)


def test_player_and_profile_limits():
    game = NormalFormGame([np.zeros((2, 2, 2), dtype=int)] * 3)
    with pytest.raises(FormatError, match="exceed the limit of 2"):
        from_json(to_json(game), limits=Limits(max_players=2))
    with pytest.raises(FormatError, match="8 profiles exceed the limit of 7"):
        from_json(to_json(game), limits=Limits(max_profiles=7))


# ------------------------------------------------------------------ registry
@dataclass(frozen=True)
class Pair:
    """A test type holding a number and a nested game."""

    weight: object
    game: NormalFormGame


def _encode_pair(pair):
    return {"weight": encode_number(pair.weight), "game": encode_object(pair.game)}


def _decode_pair(fields: Fields):
    fields.check(required={"weight", "game"})
    return Pair(fields.number("weight"), fields.object("game"))


def test_registered_types_nest_and_round_trip():
    register("tests.io.Pair", Pair, _encode_pair, _decode_pair)
    pair = Pair(Fraction(2, 3), prisoners_dilemma(5, 3, 1, 0))
    text = to_json(pair)
    assert json.loads(text)["data"]["game"]["type"] == "NormalFormGame"
    assert from_json(text) == pair
    assert "tests.io.Pair" in registered_types()
    broken = text.replace('"C"', '"D"', 1)  # repeated action label inside the nested game
    with pytest.raises(FormatError, match=r"data\.game\.data: actions\[0\]: action labels must be unique"):
        from_json(broken)


def test_register_refuses_taken_names_and_bad_arguments():
    with pytest.raises(ParameterError, match="already registered"):
        register("NormalFormGame", Pair, _encode_pair, _decode_pair)
    with pytest.raises(ParameterError, match="type_name"):
        register("", Pair, _encode_pair, _decode_pair)
    with pytest.raises(ParameterError, match="cls"):
        register("x", "not a class", _encode_pair, _decode_pair)
    with pytest.raises(ParameterError, match="cannot write a set"):
        to_json({1, 2})


def test_a_decoder_bug_on_bad_data_still_raises_format_error():
    @dataclass(frozen=True)
    class Careless:
        value: int

    register("tests.io.Careless", Careless, lambda c: {"value": c.value},
             lambda fields: Careless(fields.raw("value") + 1))  # TypeError on a string
    assert from_json(to_json(Careless(1))) == Careless(2)
    text = '{"format": "cybergames", "version": 1, "type": "tests.io.Careless", "data": {"value": "a"}}'
    with pytest.raises(FormatError, match="not a valid tests.io.Careless: TypeError"):
        from_json(text)


def test_newer_versions_and_other_formats_are_refused():
    document = json.loads(to_json(prisoners_dilemma(5, 3, 1, 0)))
    with pytest.raises(FormatError, match="version 2, newer than the 1"):
        from_json(json.dumps({**document, "version": 2}))
    with pytest.raises(FormatError, match="format: expected 'cybergames'"):
        from_json(json.dumps({**document, "format": "gambit"}))
