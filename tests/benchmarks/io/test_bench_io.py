"""Benchmarks of cybergames.io: reading and writing a game with 10^6 profiles.

Run with ``python -m pytest tests/benchmarks/io --benchmarks``. The game is a
1000 x 1000 two-player game with small integer payoffs (an exact game), the
largest a reader accepts by default (``Limits.max_profiles``). Reading includes
building the :class:`~cybergames.NormalFormGame`.
"""

from __future__ import annotations

import numpy as np
import pytest

from cybergames import NormalFormGame
from cybergames.io import from_json, read_nfg, to_json, write_nfg

SIDE = 1000
GAME = NormalFormGame([np.arange(SIDE * SIDE).reshape(SIDE, SIDE) % 7 - 3,
                       (np.arange(SIDE * SIDE).reshape(SIDE, SIDE) // 3) % 5])
FLOAT_GAME = NormalFormGame([np.random.default_rng(1).random((SIDE // 2, SIDE // 2)) for _ in range(2)])


@pytest.mark.parametrize("form", ["payoffs", "outcomes"])
def test_write_nfg_million_profiles(benchmark, form):
    text = benchmark(write_nfg, GAME, form=form)
    assert text.startswith("NFG 1 R")


@pytest.mark.parametrize("form", ["payoffs", "outcomes"])
def test_read_nfg_million_profiles(benchmark, form):
    text = write_nfg(GAME, form=form)
    assert benchmark(read_nfg, text) == GAME


def test_read_nfg_float_quarter_million_profiles(benchmark):
    text = write_nfg(FLOAT_GAME)
    back = benchmark(read_nfg, text)
    assert back.payoffs[0].tobytes() == FLOAT_GAME.payoffs[0].tobytes()


def test_to_json_million_profiles(benchmark):
    assert benchmark(to_json, GAME).startswith('{"format": "cybergames"')


def test_from_json_million_profiles(benchmark):
    text = to_json(GAME)
    assert benchmark(from_json, text) == GAME
