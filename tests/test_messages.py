"""Numbers in error messages read as users write them, through one formatter (issue 13)."""

from fractions import Fraction

import numpy as np
import pytest

from cybergames import prisoners_dilemma
from cybergames.errors import GameError, ParameterError, did_you_mean, shown


def test_a_message_shows_fractions_and_numpy_scalars_plainly():
    with pytest.raises(GameError) as info:
        prisoners_dilemma(T=Fraction(3, 2), R=Fraction(5, 2), P=1, S=0)
    assert "T=3/2, R=5/2" in str(info.value) and "Fraction(" not in str(info.value)
    assert str(ParameterError(f"q: got {np.float64(0.25)!r} and {[Fraction(1, 4), Fraction(2, 1)]!r}")) == \
        "q: got 0.25 and [1/4, 2]"


def test_the_formatter_and_the_messages_agree():
    for value in (Fraction(-7, 3), np.int64(4), 0.25, "3/2", [Fraction(1, 2), np.float32(0.5)]):
        assert str(GameError(f"x={value!r}")) == f"x={shown(value)}"


def test_did_you_mean_offers_close_names_only():
    assert did_you_mean("jurisdicton", ["trust", "jurisdiction"]) == " (did you mean 'jurisdiction'?)"
    assert did_you_mean("weather", ["trust", "jurisdiction"]) == ""
    assert did_you_mean(3, ["trust"]) == ""
