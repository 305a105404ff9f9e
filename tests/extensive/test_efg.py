"""Gambit .efg files: the catalogue, round trips, bounds and malformed files."""

import glob
import os
from fractions import Fraction

import pytest
from hypothesis import given, settings

from cybergames import verify
from cybergames.errors import FormatError
from cybergames.extensive import read_efg, sequence_form_equilibria, write_efg
from cybergames.extensive.classic import kuhn_poker
from cybergames.io import Limits
from cybergames.strategies import extensive_games

pygambit = pytest.importorskip("pygambit")
CATALOGUE = sorted(glob.glob(os.path.join(os.path.dirname(pygambit.__file__), "catalog_data", "**", "*.efg"),
                             recursive=True))


def test_the_catalogue_is_there():
    assert len(CATALOGUE) >= 30


@pytest.mark.parametrize("path", CATALOGUE, ids=[os.path.relpath(p, os.path.dirname(pygambit.__file__))
                                           for p in CATALOGUE])
def test_every_catalogue_file_reads_like_pygambit_and_round_trips(path):
    # Independent reader: pygambit's C++ parser; its reduced strategic form (to_arrays) is
    # built by Gambit's own code and must equal ours entry by entry, in the same order.
    game = read_efg(path)
    theirs = pygambit.read_efg(path)
    assert game.players == tuple(theirs.players)
    assert game.has_perfect_recall == theirs.is_perfect_recall
    nfg = game.reduced_normal_form()
    for ours, array in zip(nfg.payoffs, theirs.to_arrays()):
        assert ours.shape == array.shape
        assert all(a == Fraction(str(b)) for a, b in zip(ours.flat, array.flat))
    assert read_efg(write_efg(game)) == game


@settings(max_examples=40, deadline=None)
@given(extensive_games(max_depth=3, num_players=3))
def test_exact_games_round_trip(game):
    assert read_efg(write_efg(game, title="t", comment='a "quoted" comment')) == game


@settings(max_examples=20, deadline=None)
@given(extensive_games(max_depth=3, exact=False))
def test_float_games_round_trip(game):
    assert read_efg(write_efg(game)) == game


def test_kuhn_poker_round_trips_through_a_file(tmp_path):
    path = tmp_path / "kuhn.efg"
    write_efg(kuhn_poker(), path)
    assert read_efg(path) == kuhn_poker()
    assert read_efg(str(path), numbers="float").kind == "float"


def test_a_50_megabyte_file_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "huge.efg"
    with open(path, "w") as handle:
        handle.write('EFG 2 R "" { "A" } ""\n')
        handle.write(" " * (50 * 2**20))
    with pytest.raises(FormatError, match="larger than the limit"):
        read_efg(path)
    with pytest.raises(FormatError, match="larger than the limit"):
        read_efg(b"EFG 2 R" + b" " * 100, limits=Limits(max_bytes=50))


HEADER = 'EFG 2 R "" { "A" "B" } ""\n'


@pytest.mark.parametrize("body, message", [
    ('p "" 1 1 "" { "x" "y" } 0\nt "" 1 "" { 1, 2 }\n', "the file ends inside the tree"),
    ('p "" 3 1 "" { "x" } 0\nt "" 1 "" { 1, 2 }\n', "player number 1..2"),
    ('p "" 1 1 "" { "x" } 0\nt "" 7\n', "outcome 7 is used before"),
    ('p "" 1 1 0\n', "without its actions"),
    ('c "" 1 "" { "x" 1/2 "y" 1/3 } 0\nt "" 0\nt "" 0\n', "sum to 1"),
    ('c "" 1 "" { "x" 1/0 } 0\nt "" 0\n', "denominator is zero"),
    ('p "" 1 1 "" { "x" } 0\nt "" 1 "" { 1 }\n', "outcome 1 has 1 payoffs"),
    ('q "" 1\n', "expected a node"),
    ('p "" 1 1 "" { "x" } 0\nt "" 1 "" { 1, 2 }\nt "" 0\n', "end of the file"),
    ('p "" 1 1 "" { "x" "y" } 0\np "" 2 1 "" { "u" } 0\nt "" 0\np "" 2 1 "" { "v" } 0\nt "" 0\n',
     "other actions"),
])
def test_malformed_files_name_the_line(body, message):
    with pytest.raises(FormatError, match=message):
        read_efg(HEADER + body)


def test_no_code_in_a_file_is_evaluated():
    with pytest.raises(FormatError, match="expected the probability"):
        read_efg(HEADER + 'c "" 1 "" { "x" __import__("os") } 0\nt "" 0\n')


LARGE = """EFG 2 R "Large payoffs" { "1" "2" } ""
p "" 1 1 "" { "Out" "In" } 0
t "" 1 "" { 3000000000000000000, -3000000000000000000 }
p "" 2 1 "" { "H" "T" } 0
p "" 1 2 "" { "h" "t" } 0
t "" 2 "" { 10000000000000000000, -10000000000000000000 }
t "" 3 "" { -10000000000000000000, 10000000000000000000 }
p "" 1 2 0
t "" 3
t "" 2
"""


def test_payoffs_of_ten_to_the_nineteen_are_solved_exactly():
    # By hand: after In, player 1 guesses player 2's coin unseen (matching pennies with stake
    # S = 10^19, value 0, both mixing 1/2); Out pays 3 * 10^18 > 0, so player 1 takes Out.
    # The value is exactly 3 * 10^18; float64 cannot even hold 10^19 + 1.
    game = read_efg(LARGE)
    (eq,) = sequence_form_equilibria(game)
    assert eq.payoffs == (3 * 10**18, -3 * 10**18)
    assert eq.behaviour["1:1"]["Out"] == 1 and verify(eq)
    (enumerated, *rest) = sequence_form_equilibria(game, method="enumeration")
    assert enumerated.payoffs == (3 * 10**18, -3 * 10**18)
