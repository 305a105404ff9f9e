"""Tests of cybergames/io/_gambit.py and _nfg_lexer.py: Gambit strategic-form (.nfg) files.

The fixtures in ``data/`` are hand-written. ``e02.nfg`` and ``e02_outcomes.nfg`` are
the sample files of the Gambit manual, "Game representation formats", sections
"The strategic game (.nfg) file format, payoff version" and "... outcome version"
(Selten 1975, IJGT, Figure 2, normal form). pygambit, which uses Gambit's own
C++ reader, is the independent reference for what every fixture means.
"""

import io
import itertools
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from ..gambit_compat import needs_pygambit, pygambit
from .io_strategies import exact_games, float_games, same_entries

from cybergames import NormalFormGame, prisoners_dilemma, public_goods
from cybergames.errors import FormatError, GameError, ParameterError
from cybergames.io import Limits, from_pygambit, read_nfg, read_nfg_document, write_nfg

DATA = Path(__file__).parent / "data"
FIXTURES = sorted(DATA.glob("*.nfg"))


# ------------------------------------------------------------------ Gambit's own examples
def test_the_manuals_payoff_form_example():
    game = read_nfg(DATA / "e02.nfg")
    assert game.players == ("Player 1", "Player 2")
    assert game.actions == (("1", "2", "3"), ("1", "2"))  # strategy counts { 3 2 } give "1", "2", ...
    # The manual: the list "1 1 0 2 0 2 1 1 0 3 2 0" runs through the contingencies with player 1's
    # strategy changing fastest: (1,1) -> 1 1, (2,1) -> 0 2, (3,1) -> 0 2, (1,2) -> 1 1, (2,2) -> 0 3, (3,2) -> 2 0.
    expected = {("1", "1"): (1, 1), ("2", "1"): (0, 2), ("3", "1"): (0, 2),
                ("1", "2"): (1, 1), ("2", "2"): (0, 3), ("3", "2"): (2, 0)}
    assert {profile: game.payoff(profile) for profile in game.profiles()} == expected


def test_the_manuals_outcome_form_example_is_the_same_game():
    # The manual: "This file defines the same game as the example in the previous section."
    document = read_nfg_document(DATA / "e02_outcomes.nfg")
    assert document.form == "outcomes" and document.numbers == "exact"
    assert document.title == "Selten (IJGT, 75), Figure 2, normal form"
    assert document.game == read_nfg(DATA / "e02.nfg")


def test_a_three_player_file_written_by_hand_is_the_public_goods_game():
    # Payoffs by hand in the file: with k contributors u_i = 2k/3 - [i contributes].
    document = read_nfg_document(DATA / "public_goods_3.nfg")
    assert document.game == public_goods(3, 2, 1)
    assert document.comment == "contingencies run with player 1's strategy fastest"


def test_quoted_names_with_quotes_spaces_braces_and_backslashes():
    document = read_nfg_document(DATA / "quoted_names.nfg")
    game = document.game
    assert document.title == 'A "quoted" title, with {braces}'
    assert document.comment == "A comment\nover two lines"
    assert game.players == ("State A", 'State "B"')
    assert game.actions == (("Share intel", 'Withhold, "for now"'),
                            ("Attribute publicly", "Stay silent", "C:\\path\\to"))
    # Outcome indices 1 2 2 0 3 1, player 1 fastest; outcome 3 is ".5 , 1.25E1" (a comma before it is
    # allowed); 0 is the null outcome with zero payoffs.
    assert game.payoff(("Share intel", "Attribute publicly")) == (3, 3)
    assert game.payoff(('Withhold, "for now"', "Attribute publicly")) == (Fraction(-1, 2), 4)
    assert game.payoff(("Share intel", "Stay silent")) == (Fraction(-1, 2), 4)
    assert game.payoff(('Withhold, "for now"', "Stay silent")) == (0, 0)
    assert game.payoff(("Share intel", "C:\\path\\to")) == (Fraction(1, 2), Fraction(25, 2))
    assert game.payoff(('Withhold, "for now"', "C:\\path\\to")) == (3, 3)


def test_a_d_file_gives_a_float_game_and_numbers_exact_overrides_it():
    game = read_nfg(DATA / "float_decimals.nfg")
    assert game.kind == "float"
    assert game.payoffs[0].tolist() == [[0.1, -0.0], [0.001, 0.30000000000000004]]
    assert game.payoffs[1].tolist() == [[-0.2, 3.0], [250.0, 1 / 3]]
    exact = read_nfg(DATA / "float_decimals.nfg", numbers="exact")
    assert exact.payoffs[0].tolist() == [[Fraction(1, 10), 0], [Fraction(1, 1000), Fraction(30000000000000004, 10**17)]]
    assert exact.payoffs[1].tolist() == [[Fraction(-1, 5), 3], [250, Fraction(1, 3)]]
    assert read_nfg(DATA / "e02.nfg", numbers="float").kind == "float"


def test_empty_and_repeated_labels_are_made_unique_as_gambit_does():
    game = read_nfg(DATA / "repeated_labels.nfg")
    assert game.players == ("_1", "_2")
    assert game.actions == (("a_1", "a_2", "_1"), ("b",))


@needs_pygambit
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_reads_as_gambit_reads_it(path):
    ours = read_nfg(path, numbers="exact")
    theirs = from_pygambit(pygambit.read_nfg(str(path)))
    assert ours == theirs and ours.players == theirs.players and ours.actions == theirs.actions
    document = read_nfg_document(path)
    reference = pygambit.read_nfg(str(path))
    assert (document.title, document.comment) == (reference.title, reference.description)


# ------------------------------------------------------------------ round trips
@pytest.mark.slow
@given(exact_games(), st.sampled_from(["payoffs", "outcomes"]))
def test_exact_games_round_trip_in_both_forms(game, form):
    assert same_entries(read_nfg(write_nfg(game, form=form)), game)


@pytest.mark.slow
@given(float_games(), st.sampled_from(["payoffs", "outcomes"]))
def test_float_games_round_trip_bit_for_bit_in_both_forms(game, form):
    text = write_nfg(game, form=form)
    assert text.startswith("NFG 1 D ")
    assert same_entries(read_nfg(text), game)


@given(st.text(), st.text())
def test_titles_and_comments_round_trip(title, comment):
    document = read_nfg_document(write_nfg(prisoners_dilemma(5, 3, 1, 0), title=title, comment=comment))
    assert (document.title, document.comment) == (title, comment)


# Gambit 16.7 accepts only labels of printable ASCII with single inner spaces, and keeps a
# backslash that precedes a backslash; labels without those mean the same to Gambit and to us.
GAMBIT_SAFE = st.lists(st.text(st.sampled_from(list('abZ0"{},\'~')), min_size=1, max_size=3),
                       min_size=1, max_size=3).map(" ".join)


@st.composite
def gambit_safe_games(draw):
    game = draw(exact_games(labels=False))
    players = draw(st.lists(GAMBIT_SAFE, min_size=game.num_players, max_size=game.num_players, unique=True))
    actions = [draw(st.lists(GAMBIT_SAFE, min_size=m, max_size=m, unique=True)) for m in game.shape]
    return NormalFormGame(game.payoffs, actions, players)


@pytest.mark.slow
@needs_pygambit
@given(gambit_safe_games(), st.sampled_from(["payoffs", "outcomes"]))
def test_gambit_reads_what_we_write(tmp_path_factory, game, form):
    path = tmp_path_factory.mktemp("nfg") / "game.nfg"
    write_nfg(game, path, form=form, title='a "title"')
    theirs = pygambit.read_nfg(str(path))
    assert theirs.title == 'a "title"'
    assert same_entries(from_pygambit(theirs), game) or from_pygambit(theirs) == game


@needs_pygambit
@given(float_games(labels=False))
def test_gambit_reads_our_floats_as_their_exact_decimal_values(game):
    theirs = from_pygambit(pygambit.read_nfg(io.BytesIO(write_nfg(game).encode())))
    expected = [[Fraction(repr(float(v))) for v in a.flat] for a in game.payoffs]
    assert [list(a.flat) for a in theirs.payoffs] == expected


@needs_pygambit
@given(gambit_safe_games())
def test_we_read_what_gambit_writes(game):
    from cybergames.io import to_pygambit
    assert read_nfg(to_pygambit(game).to_nfg()) == game


# ------------------------------------------------------------------ writing
def test_outcome_form_shares_outcomes_and_uses_the_null_outcome():
    game = NormalFormGame([[[1, 0], [0, 1]], [[1, 0], [0, 1]]])
    text = write_nfg(game, form="outcomes")
    assert text.splitlines()[-4:] == ["{", '{ "" 1, 1 }', "}", "1 0 0 1"]
    assert read_nfg(text) == game


def test_written_exponents_have_no_plus_sign_which_gambit_refuses():
    text = write_nfg(NormalFormGame([[1e16, 1.5e300]]))
    assert "1e16" in text and "1.5e300" in text and "+" not in text
    assert read_nfg("NFG 1 D \"\" { \"a\" } { 2 }\n1e+16 1.5E+300").payoffs[0].tolist() == [1e16, 1.5e300]


def test_write_to_path_and_files(tmp_path):
    game = prisoners_dilemma(Fraction(11, 2), 3, 1, 0)
    text = write_nfg(game, tmp_path / "pd.nfg")
    assert (tmp_path / "pd.nfg").read_text(encoding="utf-8") == text
    assert read_nfg(tmp_path / "pd.nfg") == read_nfg(str(tmp_path / "pd.nfg")) == game
    buffer = io.BytesIO()
    write_nfg(game, buffer)
    assert read_nfg(buffer.getvalue()) == game
    buffer.seek(0)
    assert read_nfg(buffer) == game
    assert read_nfg(io.StringIO(text)) == game


def test_write_refuses_symbolic_games_and_bad_arguments():
    with pytest.raises(GameError, match=r"symbolic game \(symbols \['P', 'R', 'S', 'T'\]\).*game.subs"):
        write_nfg(prisoners_dilemma(*sympy.symbols("T R P S")))
    with pytest.raises(GameError, match="expected a NormalFormGame"):
        write_nfg([[1, 2], [3, 4]])
    with pytest.raises(ParameterError, match="form: expected 'payoffs' or 'outcomes'"):
        write_nfg(prisoners_dilemma(), form="table")
    with pytest.raises(ParameterError, match="title: expected a string"):
        write_nfg(prisoners_dilemma(), title=3)


# ------------------------------------------------------------------ numbers and limits
@pytest.mark.parametrize("word, exact, as_float", [
    ("3", 3, 3.0), ("-7", -7, -7.0), ("3/2", Fraction(3, 2), 1.5), ("-1/3", Fraction(-1, 3), 1 / -3),
    ("0.25", Fraction(1, 4), 0.25), (".5", Fraction(1, 2), 0.5), ("5.", 5, 5.0), ("1e-3", Fraction(1, 1000), 1e-3),
    ("-2.5E2", -250, -250.0), ("2.5E+2", 250, 250.0), ("+4", 4, 4.0), ("0.1", Fraction(1, 10), 0.1),
])
def test_number_syntax(word, exact, as_float):
    text = f'NFG 1 R "" {{ "a" }} {{ 1 }}\n{word}'
    value = read_nfg(text).payoffs[0][0]
    assert value == exact and type(value) is type(exact)
    value = read_nfg(text, numbers="float").payoffs[0][0]
    assert value == as_float


def test_limits_on_players_strategies_contingencies_outcomes_and_size():
    pd = write_nfg(prisoners_dilemma(5, 3, 1, 0), form="outcomes")
    with pytest.raises(FormatError, match="more than 1 players"):
        read_nfg(pd, limits=Limits(max_players=1))
    with pytest.raises(FormatError, match="more than 1 strategies"):
        read_nfg(pd, limits=Limits(max_actions=1))
    with pytest.raises(FormatError, match="more than 3 contingencies"):
        read_nfg(pd, limits=Limits(max_profiles=3))
    with pytest.raises(FormatError, match="more than 2 outcomes"):
        read_nfg(pd, limits=Limits(max_outcomes=2))
    with pytest.raises(FormatError, match="larger than the limit of 50 bytes"):
        read_nfg(pd, limits=Limits(max_bytes=50))
    # Counts are checked before anything is allocated: 1000 x 100000 contingencies.
    with pytest.raises(FormatError, match="line 1, column 31: the game has more than 1000000 contingencies"):
        read_nfg('NFG 1 R "" { "a" "b" } { 1000 100000 }')


def test_a_large_game_reads_quickly_enough():
    game = NormalFormGame([np.arange(300 * 300).reshape(300, 300) % 7, np.ones((300, 300), dtype=int)])
    for form in ("payoffs", "outcomes"):
        assert read_nfg(write_nfg(game, form=form)) == game


def test_source_detection():
    text = write_nfg(prisoners_dilemma(5, 3, 1, 0))
    one_line = " ".join(text.split())
    assert read_nfg(one_line) == prisoners_dilemma(5, 3, 1, 0)  # 'NFG ' and '{' mark text
    with pytest.raises(FileNotFoundError):
        read_nfg("no-such-file.nfg")
    with pytest.raises(ParameterError, match="source: expected the text of an .nfg file"):
        read_nfg(42)
    with pytest.raises(ParameterError, match="numbers: expected None, 'exact' or 'float'"):
        read_nfg(text, numbers="decimal")
    with pytest.raises(ParameterError, match="limits: expected a cybergames.io.Limits"):
        read_nfg(text, limits={"max_players": 3})


def test_contingency_order_against_an_independent_enumeration():
    # Three players with 2, 3 and 2 strategies; payoff of player i at (a, b, c) is 100*i + 10*a + b + c/10.
    shape = (2, 3, 2)
    words = []
    for c, b, a in itertools.product(range(2), range(3), range(2)):  # player 1 (a) fastest
        words += [str(Fraction(1000 * i + 100 * a + 10 * b + c, 10)) for i in range(3)]
    game = read_nfg(f'NFG 1 R "" {{ "1" "2" "3" }} {{ 2 3 2 }}\n' + " ".join(words))
    for i in range(3):
        for a, b, c in np.ndindex(shape):
            assert game.payoffs[i][a, b, c] == Fraction(1000 * i + 100 * a + 10 * b + c, 10)
