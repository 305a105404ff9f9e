"""Benchmarks of the sequence-form LP on Kuhn and Leduc poker, against pygambit's lp_solve (run with --benchmarks).

Kuhn poker (55 nodes, 12 information sets) is solved exactly by both
(``lp_solve(rational=True)`` in pygambit); Leduc hold'em (1936 nodes with
suits merged, 288 information sets) in floats by both (``rational=False``)
and exactly by cybergames.
Both sides read the same game: pygambit from the ``.efg`` text that
``write_efg`` produces. Our answer is checked by ``verify`` (best-deviation
gains recomputed by backward induction); for Kuhn the value must equal
pygambit's exactly. pygambit's answers are recorded with their own
``max_regret``: on Leduc its float LP (17.0.0b2) returned a value of about
-0.268 where ours, certified and re-solved exactly, is -0.0856 (the value
known for Leduc hold'em).
"""

from fractions import Fraction

import pytest

from cybergames import verify
from cybergames.extensive import read_efg, sequence_form_equilibria, write_efg
from cybergames.extensive.classic import kuhn_poker, leduc_poker

pygambit = pytest.importorskip("pygambit")

GAMES = {"kuhn-exact": (kuhn_poker, "exact"), "leduc-float": (leduc_poker, "float"),
         "leduc-exact": (leduc_poker, "exact")}
#: pygambit's rational LP on Leduc is left out: its float LP alone takes about a minute.
THEIRS = ["kuhn-exact", "leduc-float"]


def _ours(name):
    build, numbers = GAMES[name]
    return read_efg(write_efg(build()), numbers=numbers)


def _theirs(name, tmp_path):
    path = tmp_path / f"{name}.efg"
    write_efg(GAMES[name][0](), path)
    return pygambit.read_efg(str(path))


@pytest.mark.parametrize("name", list(GAMES))
def test_bench_sequence_form_lp_cybergames(benchmark, name, tmp_path):
    game = _ours(name)
    (eq,) = benchmark.pedantic(sequence_form_equilibria, args=(game,), rounds=5, iterations=1)
    assert verify(eq)
    if name == "kuhn-exact":
        value = pygambit.nash.lp_solve(_theirs(name, tmp_path), rational=True).equilibrium
        assert eq.payoffs[0] == Fraction(str(value.payoffs[list(value.game.players)[0]]))
    benchmark.extra_info["value"] = str(eq.payoffs[0])


@pytest.mark.parametrize("name", THEIRS)
def test_bench_sequence_form_lp_pygambit(benchmark, name, tmp_path):
    game = _theirs(name, tmp_path)
    rational = GAMES[name][1] == "exact"
    result = benchmark.pedantic(pygambit.nash.lp_solve, args=(game,), kwargs={"rational": rational},
                                rounds=5, iterations=1)
    benchmark.extra_info["value"] = str(result.equilibrium.payoffs[list(game.players)[0]])
    benchmark.extra_info["max_regret"] = str(result.equilibrium.max_regret())
