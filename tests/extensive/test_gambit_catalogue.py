"""Agreement with pygambit 17 on Gambit's test and contributed .efg files, and Gambit's large-payoff game.

The files are fetched by ``tests/extensive/data/gambit/fetch.py`` (they are Gambit's and not
shipped, see the README there); without them the per-file test skips. Comparison: the realisation
plans of pygambit's ``enummixed_solve`` equilibria on the reduced strategic form, and of its
``lcp_solve`` equilibrium, must all be among the realisation plans of our sequence-form
enumeration, exactly (both sides rational); ours are each verified exactly. pygambit's floats are
never asserted. Files on which pygambit needs more than a few seconds are marked ``slow``.
"""

import time
from fractions import Fraction
from pathlib import Path

import pytest

from cybergames import verify
from cybergames.extensive import ExtensiveGame, chance, decision, read_efg, sequence_form_equilibria
from cybergames.errors import GameError
from cybergames.extensive.behaviour import make_equilibrium, realisation_plans

FILES = sorted((Path(__file__).parent / "data" / "gambit" / "files").glob("*.efg"))

#: Files on which pygambit's enummixed_solve takes seconds (measured, 2-core machine, pygambit 17.0.0b2).
SLOW = {
    "2_player_chance.efg": "pygambit enummixed_solve about 22 s",
    "2_player_chance_nonterm_outcomes_and_missing_term_outcomes.efg": "pygambit enummixed_solve about 20 s",
    "2smp.efg": "pygambit enummixed_solve about 5 s",
    "w_ex2.efg": "pygambit enummixed_solve about 5 s",
}

M = 10**19


def large_payoff_game():
    # Gambit's tests/test_games/large_payoff_game.efg, built from its description: chance picks L or R
    # with probability 1/2; player 1 sees it and plays A or B; player 2 sees only 1's move and plays
    # X or Y. Player 1's payoffs (zero-sum): L: AX = M, AY = 1, BX = -1, BY = 0;
    # R: AX = -1, AY = 1, BX = 0, BY = M, with M = 10^19.
    def move(state, table):
        return decision("1", {a: decision("2", {b: (table[a + b], -table[a + b]) for b in "XY"}, infoset=f"2:{a}")
                              for a in "AB"}, infoset=f"1:{state}")
    return ExtensiveGame(chance({
        "L": (Fraction(1, 2), move("L", {"AX": M, "AY": 1, "BX": -1, "BY": 0})),
        "R": (Fraction(1, 2), move("R", {"AX": -1, "AY": 1, "BX": 0, "BY": M}))}), ["1", "2"])


def _assert_large_payoff_equilibria(game, one_a, two_a, two_b):
    # By hand: A at both states guarantees player 1 the payoff 1 if 2 answers A with Y; then, with
    # belief 1/2 on each node after A, X costs player 2 (M - 1)/2 > 1, so Y is optimal. Deviating to B
    # at L gives -q <= 0 (q = Pr(X after B)); at R it gives (1 - q) M, at most 1 iff q >= 1 - 1/M.
    # So the equilibria are (A, A; Y; X with q in [1 - 1/M, 1]), value 1, with two extreme points.
    ours = sequence_form_equilibria(game, method="enumeration")
    assert ours.complete and all(verify(eq) for eq in ours)
    assert {eq.payoffs for eq in ours} == {(1, -1)}
    assert sorted(eq.behaviour[two_b]["X"] for eq in ours) == [1 - Fraction(1, M), 1]
    assert all(eq.behaviour[s]["A"] == 1 for eq in ours for s in one_a) and \
        all(eq.behaviour[two_a]["Y"] == 1 for eq in ours)
    (lp,) = sequence_form_equilibria(game, method="lp")
    assert lp.payoffs == (1, -1) and verify(lp)


def test_the_large_payoff_game_is_solved_exactly():
    _assert_large_payoff_equilibria(large_payoff_game(), ("1:L", "1:R"), "2:A", "2:B")


def _plans(game, table):
    return tuple(tuple(sorted(plan.items(), key=repr)) for plan in realisation_plans(game, table))


def _one_equilibrium_each(game, theirs_game, pygambit):
    """Games too large to enumerate: ours from the sequence form is verified, and pygambit's sequence-form
    Lemke equilibrium is an equilibrium by our exact deviation gains (nobody gains by deviating)."""
    (ours,) = sequence_form_equilibria(game, method="lp" if game.is_zero_sum else "lemke")
    assert verify(ours)
    theirs = pygambit.nash.lcp_solve(theirs_game, rational=True).equilibrium
    if theirs is not None:
        checked = make_equilibrium(game, _their_table(game, theirs, pygambit), roots=(0,), method="pygambit")
        assert all(gain <= 0 for gain in checked.gains), checked.gains


def _their_table(game, profile, pygambit):
    behaviour = profile.as_behavior() if hasattr(profile, "as_behavior") else profile
    table = []
    for infoset in game.infosets:
        mixed = dict(behaviour[pygambit.H.path(*game.nodes[infoset.nodes[0]].history)])
        table.append(tuple(Fraction(str(mixed[a])) for a in infoset.actions))
    return table


@pytest.mark.skipif(not FILES, reason="Gambit's files are not fetched (tests/extensive/data/gambit/fetch.py)")
@pytest.mark.parametrize("path", [pytest.param(p, id=p.name, marks=[pytest.mark.slow] if p.name in SLOW else [])
                                  for p in FILES])
def test_sequence_form_equilibria_contain_pygambits(path):
    pygambit = pytest.importorskip("pygambit")
    if not hasattr(pygambit, "H"):
        pytest.skip("needs pygambit 17 (history selectors)")
    try:
        theirs_game = pygambit.read_efg(str(path))
    except ValueError as exc:                  # e.g. duplicate node labels, or Gambit's XML wrapper
        pytest.skip(f"pygambit cannot read it: {exc}")
    if len(theirs_game.players) != 2:
        pytest.skip(f"{len(theirs_game.players)} players: the sequence form is for two")
    if not theirs_game.is_perfect_recall:
        pytest.skip("imperfect recall: the sequence form needs perfect recall")
    game = read_efg(path)
    try:
        ours = sequence_form_equilibria(game, method="enumeration")
    except GameError as exc:                   # too large to enumerate: one certified equilibrium each
        assert "cybergames.limits" in str(exc)
        _one_equilibrium_each(game, theirs_game, pygambit)
        return
    assert ours.complete and all(verify(eq) for eq in ours)
    our_plans = {_plans(game, eq.table()) for eq in ours}
    started = time.perf_counter()
    mixed = pygambit.nash.enummixed_solve(theirs_game, rational=True).equilibria
    elapsed = time.perf_counter() - started
    assert elapsed < 100 or path.name in SLOW, f"pygambit took {elapsed:.0f} s: list the file in SLOW"
    assert {_plans(game, _their_table(game, eq, pygambit)) for eq in mixed} <= our_plans
    for use_strategic in (False, True):        # on the sequence form, and on the reduced strategic form
        try:
            lcp = pygambit.nash.lcp_solve(theirs_game, rational=True, use_strategic=use_strategic)
        except RuntimeError:                   # pygambit's failure (large_payoff_game.efg), not ours
            continue
        found = lcp.equilibria if use_strategic else [e for e in (lcp.equilibrium,) if e is not None]
        assert {_plans(game, _their_table(game, eq, pygambit)) for eq in found} <= our_plans
    if game.is_zero_sum:
        (value,) = {eq.payoffs[0] for eq in sequence_form_equilibria(game, method="lp")}
        lp = pygambit.nash.lp_solve(theirs_game, rational=True).equilibrium
        assert Fraction(str(lp.payoffs[list(theirs_game.players)[0]])) == value
    if path.name == "large_payoff_game.efg":
        assert not mixed                       # pygambit finds nothing; we find both extreme points
        _assert_large_payoff_equilibria(game, ("1:1", "1:2"), "2:1", "2:2")
