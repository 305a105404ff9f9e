"""Agreement with Gambit (pygambit 17) on the .efg files of its catalogue.

File set: every two-player file with perfect recall in ``pygambit/catalog_data``
(the ones with three or four players or imperfect recall are outside the
sequence form). Tolerance: none — pygambit solves in rationals
(``rational=True``) and we solve exactly, so payoffs are compared with ``==``.
"""

import glob
import os
from fractions import Fraction

import pytest

from cybergames import verify
from cybergames.extensive import read_efg, sequence_form_equilibria

pygambit = pytest.importorskip("pygambit")
ROOT = os.path.join(os.path.dirname(pygambit.__file__), "catalog_data")
FILES = [p for p in sorted(glob.glob(os.path.join(ROOT, "**", "*.efg"), recursive=True))
         if (lambda g: len(list(g.players)) == 2 and g.is_perfect_recall)(pygambit.read_efg(p))]


def _payoffs(profile, players):
    return tuple(Fraction(str(profile.payoffs[p])) for p in players)


def test_the_file_set():
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=[os.path.relpath(p, ROOT) for p in FILES])
def test_equilibrium_payoffs_agree_with_enummixed_lcp_and_lp(path):
    game = read_efg(path)
    theirs = pygambit.read_efg(path)
    players = list(theirs.players)
    ours = sequence_form_equilibria(game, method="enumeration")
    assert ours.complete and all(verify(eq) for eq in ours)
    mixed = pygambit.nash.enummixed_solve(theirs, rational=True).equilibria
    assert {eq.payoffs for eq in ours} == {_payoffs(eq, players) for eq in mixed}
    lcp = pygambit.nash.lcp_solve(theirs, rational=True).equilibrium
    assert _payoffs(lcp, players) in {eq.payoffs for eq in ours}
    (lemke,) = sequence_form_equilibria(game, method="lemke")
    assert verify(lemke) and lemke.payoffs in {_payoffs(eq, players) for eq in mixed}
    if game.is_zero_sum:
        (eq,) = sequence_form_equilibria(game, method="lp")
        assert eq.payoffs == _payoffs(pygambit.nash.lp_solve(theirs, rational=True).equilibrium, players)
