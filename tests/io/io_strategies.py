"""Hypothesis strategies shared by the tests of cybergames.io.

Exact and bounded float games come from :func:`cybergames.strategies.normal_form_games`;
this module adds what the readers and writers need beyond them: labels with
quotes, backslashes, spaces and non-ASCII characters, floats from the whole
double range (subnormals, -0.0, 1e308), and symbolic games made by
substituting sympy expressions into exact games.
"""

from __future__ import annotations

import math

import numpy as np
import sympy
from hypothesis import reject
from hypothesis import strategies as st

from cybergames import NormalFormGame
from cybergames.errors import GameError
from cybergames.strategies import normal_form_games

SHAPES = st.lists(st.integers(1, 3), min_size=1, max_size=3).map(tuple)

# Characters that stress quoting: quotes, backslashes, braces, commas, whitespace, non-ASCII.
LABEL_CHARACTERS = st.sampled_from(list('ab Z0"\\{},\t\n\'é∂')) | st.characters(
    blacklist_categories=("Cs",))
LABELS = st.text(LABEL_CHARACTERS, min_size=1, max_size=8)

# Symbols with a few consistent sets of assumptions, one set per name: two symbols of one name with
# different assumptions in one expression (Min(delta, delta) that sympy cannot merge) compare
# unequal or equal depending on the process's hash order, which is no test of the codec.
_FACTS = {"T": {}, "R": {"real": True}, "P": {"positive": True}, "S": {"nonnegative": True},
          "delta": {"real": True, "finite": True}, "q_1": {"integer": True}, "x y": {"real": True}}
SYMBOLS = st.sampled_from(sorted(_FACTS)).map(lambda name: sympy.Symbol(name, **_FACTS[name]))
POSITIVE_SYMBOLS = st.sampled_from(["a", "b", "c"]).map(lambda n: sympy.Symbol(n, positive=True))


@st.composite
def labelled(draw, game: NormalFormGame) -> NormalFormGame:
    """``game`` with random unique player and action labels."""
    players = draw(st.lists(LABELS, min_size=game.num_players, max_size=game.num_players, unique=True))
    actions = [draw(st.lists(LABELS, min_size=m, max_size=m, unique=True)) for m in game.shape]
    return NormalFormGame(game.payoffs, actions, players)


@st.composite
def exact_games(draw, *, max_players: int = 3, labels: bool = True) -> NormalFormGame:
    """Exact games (ints and Fractions, some with large numerators) of up to ``max_players`` players."""
    players = draw(st.integers(1, max_players))
    game = draw(normal_form_games(players, (1, 3), exact=True, min_value=-10**6, max_value=10**6,
                                  max_denominator=draw(st.sampled_from([1, 7, 360]))))
    return draw(labelled(game)) if labels else game


@st.composite
def float_games(draw, *, labels: bool = True) -> NormalFormGame:
    """Float games with payoffs anywhere in the finite double range."""
    shape = draw(SHAPES)
    size = math.prod(shape)
    floats = st.floats(allow_nan=False, allow_infinity=False)
    arrays = [np.array(draw(st.lists(floats, min_size=size, max_size=size)), dtype=float).reshape(shape)
              for _ in shape]
    game = NormalFormGame(arrays)
    return draw(labelled(game)) if labels else game


def _unary(children):
    return st.one_of(
        # exp of a symbol, or of a symbol times a small integer: sympy evaluates exp of a number as it is
        # built, and exp(1e300) makes mpmath compute ln 2 to millions of digits (gigabytes, minutes)
        st.builds(lambda s, k: sympy.exp(k * s), SYMBOLS, st.integers(-3, 3)),
        st.builds(sympy.Abs, children),
        st.builds(lambda s: sympy.log(s), POSITIVE_SYMBOLS),
        st.builds(lambda s, k: s ** sympy.Rational(k, 2), POSITIVE_SYMBOLS, st.integers(-3, 5)),
    )


def _nary(children):
    return st.one_of(
        st.builds(lambda xs: sympy.Add(*xs), st.lists(children, min_size=2, max_size=3)),
        st.builds(lambda xs: sympy.Mul(*xs), st.lists(children, min_size=2, max_size=3)),
        st.builds(lambda x, k: x ** k, SYMBOLS, st.integers(-3, 3)),  # powers of numbers would grow huge
        st.builds(lambda xs: sympy.Min(*xs), st.lists(children, min_size=2, max_size=3)),
        st.builds(lambda xs: sympy.Max(*xs), st.lists(children, min_size=2, max_size=3)),
        st.builds(lambda a, b, c: sympy.Piecewise((a, b > c), (c, True)), children, children, children),
    )


NUMBERS = st.one_of(
    st.integers(-10**30, 10**30).map(sympy.Integer),
    st.fractions(max_denominator=10**6).map(lambda f: sympy.Rational(f.numerator, f.denominator)),
    st.floats(allow_nan=False, allow_infinity=False).map(sympy.Float),
    st.tuples(st.floats(-1e6, 1e6), st.integers(10, 60)).map(lambda t: sympy.Float(repr(t[0]), t[1])),
    st.sampled_from([sympy.pi, sympy.E]),
)

#: Real, finite sympy expressions built from symbols, numbers and the whitelisted operations.
EXPRESSIONS = st.recursive(SYMBOLS | NUMBERS, lambda children: _unary(children) | _nary(children),
                           max_leaves=8)


@st.composite
def symbolic_games(draw, *, labels: bool = True) -> NormalFormGame:
    """Exact games with some entries replaced by sympy expressions (at least one with a symbol)."""
    game = draw(exact_games(max_players=2, labels=labels))
    arrays = [np.array(a, dtype=object) for a in game.payoffs]
    cells = [(i, index) for i, a in enumerate(arrays) for index in np.ndindex(a.shape)]
    chosen = draw(st.lists(st.sampled_from(cells), min_size=1, max_size=len(cells), unique=True))
    for n, (i, index) in enumerate(chosen):
        expression = draw(EXPRESSIONS)
        if n == 0:  # make sure the game is symbolic
            expression = expression + draw(SYMBOLS)
        arrays[i][index] = expression + arrays[i][index] if draw(st.booleans()) else expression
    try:
        return NormalFormGame(arrays, game.actions, game.players)
    except GameError:  # rare: a float subexpression beyond the double range, which games refuse
        reject()


def same_entries(a: NormalFormGame, b: NormalFormGame) -> bool:
    """Equal labels and entries of the same type and value, floats bit for bit."""
    if a.players != b.players or a.actions != b.actions or a.kind != b.kind:
        return False
    for x, y in zip(a.payoffs, b.payoffs):
        if x.shape != y.shape or x.dtype != y.dtype:
            return False
        if x.dtype == float:
            if x.tobytes() != y.tobytes():
                return False
        elif any(type(u) is not type(v) or u != v for u, v in zip(x.flat, y.flat)):
            return False
    return True
