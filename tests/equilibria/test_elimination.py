"""iterated_elimination: textbook games by hand, certificates, order independence, Nash supports."""

from fractions import Fraction

import numpy as np

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, iterated_elimination, nash_equilibria, verify
from cybergames.equilibria.elimination import ReducedGame
from cybergames.strategies import normal_form_games

GIBBONS = NormalFormGame([[[1, 1, 0], [0, 0, 2]], [[0, 2, 1], [3, 1, 0]]],
                         actions=[["Up", "Down"], ["Left", "Middle", "Right"]])


def test_gibbons_section_1_1_b():
    # Gibbons, A Primer in Game Theory (1992), sec. 1.1.B, the 2x3 game (Up/Down vs Left/Middle/Right).
    # By hand: player 2's Middle pays (2, 1) against (Up, Down), Right (1, 0): Middle strictly dominates
    # Right. Without Right, Up pays (1, 1) and Down (0, 0) against (Left, Middle): Up dominates Down.
    # Against Up alone, Left pays 0 and Middle 2: Middle dominates Left. (Up, Middle) is left.
    reduced = iterated_elimination(GIBBONS)
    assert reduced.actions == (("Up",), ("Middle",))
    assert [(r.round, r.player, r.action) for r in reduced.eliminated] == [
        (0, 1, "Right"), (1, 0, "Down"), (2, 1, "Left")]
    assert [dict(r.dominator) for r in reduced.eliminated] == [{"Middle": 1}, {"Up": 1}, {"Middle": 1}]
    assert [r.margin for r in reduced.eliminated] == [1, 1, 2]   # least gains: min(2-1, 1-0), 1-0, 2-0
    assert reduced.payoff(("Up", "Middle")) == (1, 2)
    assert verify(reduced).ok
    # the reduced game is a game: its only equilibrium is the one of the full game
    assert [eq.profile for eq in nash_equilibria(reduced)] == [("Up", "Middle")]
    assert [eq.profile for eq in nash_equilibria(GIBBONS)] == [("Up", "Middle")]


def test_dominated_only_by_a_mixed_action():
    # Gibbons (1992), sec. 1.3.A: Bottom pays 1 against both columns; Top pays (3, 0) and Middle
    # (0, 3), so neither dominates Bottom, but the even mix pays (3/2, 3/2) > (1, 1). By hand the
    # best mix: p*3 - 1 and (1 - p)*3 - 1 are both largest at p = 1/2, margin 1/2.
    game = NormalFormGame([[[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]]],
                          actions=[["Top", "Middle", "Bottom"], ["L", "R"]])
    (removal,) = iterated_elimination(game).eliminated
    assert (removal.player, removal.action) == (0, "Bottom")
    assert dict(removal.dominator) == {"Top": Fraction(1, 2), "Middle": Fraction(1, 2)}
    assert removal.margin == Fraction(1, 2)
    assert iterated_elimination(game, mixed=False).eliminated == ()
    floats = iterated_elimination(NormalFormGame([p.astype(float) for p in game.payoffs], game.actions))
    assert floats.actions == (("Top", "Middle"), ("L", "R")) and verify(floats).ok


def test_weak_dominance_can_remove_an_equilibrium():
    # Osborne & Rubinstein (1994), sec. 4.2: in this coordination game (D, R) is a Nash equilibrium,
    # yet D is weakly dominated by U (gains 1, 0) and R by L. Strict elimination removes nothing.
    game = NormalFormGame([[[1, 0], [0, 0]], [[1, 0], [0, 0]]], actions=[["U", "D"], ["L", "R"]])
    assert ("D", "R") in [eq.profile for eq in nash_equilibria(game)]
    assert iterated_elimination(game).eliminated == ()
    weak = iterated_elimination(game, strict=False)
    assert weak.actions == (("U",), ("L",))
    assert [(r.action, r.margin) for r in weak.eliminated] == [("D", 0), ("R", 0)]
    assert verify(weak).ok


def test_weak_dominance_by_a_mixed_action_needs_the_second_programme():
    # Row's Bottom pays (1, 1, 0) against three columns; Top (2, 0, 1), Middle (0, 2, 1). By hand:
    # no pure action dominates Bottom (Top loses at the second column, Middle at the first); the
    # mix (p, 1 - p) gains (2p - 1, 1 - 2p, 1), never all positive (so Bottom is not strictly
    # dominated) but (0, 0, 1) at p = 1/2: weakly dominated.
    game = NormalFormGame([[[2, 0, 1], [0, 2, 1], [1, 1, 0]], [[0] * 3] * 3],
                          actions=[["Top", "Middle", "Bottom"], ["a", "b", "c"]])
    assert iterated_elimination(game).eliminated == ()
    strict = iterated_elimination(game)
    assert verify(strict).ok                   # Bottom's belief: a best response to it (a mix of a and b)
    weak = iterated_elimination(game, strict=False)
    (removal,) = [r for r in weak.eliminated if r.player == 0]
    assert removal.action == "Bottom" and dict(removal.dominator) == {"Top": Fraction(1, 2), "Middle": Fraction(1, 2)}
    assert removal.margin == 0
    assert verify(weak).ok
    # the column player is indifferent everywhere: nothing of theirs is weakly dominated either
    assert weak.actions[1] == ("a", "b", "c")


def test_three_players():
    # Player 3's "out" pays 0 whatever the others do, "in" pays 1: "out" goes first; then in the
    # remaining 2x2 game (a prisoner's dilemma for players 1 and 2, T, R, P, S = 5, 3, 1, 0) D dominates C.
    pd_1 = [[3, 0], [5, 1]]
    pd_2 = [[3, 5], [0, 1]]
    payoffs = [[[[pd_1[a][b]] * 2 for b in range(2)] for a in range(2)],
               [[[pd_2[a][b]] * 2 for b in range(2)] for a in range(2)],
               [[[1, 0]] * 2] * 2]
    game = NormalFormGame(payoffs, actions=[["C", "D"], ["C", "D"], ["in", "out"]])
    reduced = iterated_elimination(game)
    assert reduced.actions == (("D",), ("D",), ("in",))
    assert {(r.player, r.action) for r in reduced.eliminated} == {(0, "C"), (1, "C"), (2, "out")}
    assert verify(reduced).ok


def test_the_reduced_game_records_its_original_and_is_a_game():
    reduced = iterated_elimination(GIBBONS)
    assert isinstance(reduced, NormalFormGame) and isinstance(reduced, ReducedGame)
    assert reduced.original == GIBBONS and reduced.strict and reduced.mixed
    assert reduced.surviving == reduced.actions
    assert "eliminated=3" in repr(reduced)


def test_verify_catches_a_forged_removal():
    from dataclasses import replace
    reduced = iterated_elimination(GIBBONS)
    first = reduced.eliminated[0]
    forged = replace(first, dominator=(("Left", 1),))           # Left does not dominate Right
    bad = ReducedGame(reduced.payoffs, reduced.actions, reduced.players, eliminated=(forged,) + reduced.eliminated[1:],
                      original=GIBBONS, strict=True, mixed=True, beliefs=reduced.beliefs)
    assert not verify(bad).ok


small_games = st.one_of(normal_form_games(2, (1, 4), min_value=-3, max_value=3),
                        normal_form_games(2, (1, 4), exact=False, min_value=-3, max_value=3),
                        normal_form_games(3, 2, min_value=-2, max_value=2))


@settings(max_examples=40, deadline=None)
@given(small_games, st.booleans(), st.booleans())
def test_every_result_verifies(game, strict, mixed):
    reduced = iterated_elimination(game, strict=strict, mixed=mixed)
    assert verify(reduced).ok
    assert all(len(a) >= 1 for a in reduced.actions)


@settings(max_examples=40, deadline=None)
@given(normal_form_games(2, (1, 4), min_value=-3, max_value=3), st.booleans())
def test_strict_survivors_contain_every_equilibrium_support(game, mixed):
    # a strictly dominated action is never a best response, so no equilibrium plays it
    reduced = iterated_elimination(game, mixed=mixed)
    for eq in nash_equilibria(game):
        for i, support in enumerate(eq.support):
            assert set(support) <= set(reduced.actions[i]), (eq, reduced.actions)


@settings(max_examples=40, deadline=None)
@given(st.one_of(normal_form_games(2, (2, 4), min_value=-3, max_value=3),
                 normal_form_games(3, 2, min_value=-2, max_value=2)), st.data())
def test_strict_elimination_does_not_depend_on_the_order(game, data):
    # Remove ONE strictly dominated action at a time, chosen at random among those the first round
    # finds (each certified by verify), until none is left: the same game as the simultaneous rounds.
    expected = iterated_elimination(game)
    current = game
    while True:
        first_round = [r for r in iterated_elimination(current).eliminated if r.round == 0]
        if not first_round:
            break
        choice = data.draw(st.sampled_from(first_round))
        keep = [list(labels) for labels in current.actions]
        keep[choice.player].remove(choice.action)
        current = _restricted(current, keep)
    assert current.actions == expected.actions


@settings(max_examples=30, deadline=None)
@given(normal_form_games(2, (2, 4), min_value=-3, max_value=3))
def test_mixed_dominators_remove_at_least_what_pure_ones_do(game):
    pure, mixed = iterated_elimination(game, mixed=False), iterated_elimination(game)
    assert all(set(m) <= set(p) for m, p in zip(mixed.actions, pure.actions))


def _restricted(game, keep):
    index = [[game.actions[i].index(a) for a in labels] for i, labels in enumerate(keep)]
    return NormalFormGame([p[np.ix_(*index)] for p in game.payoffs], keep, game.players)


@pytest.mark.parametrize("strict", [True, False])
def test_the_input_game_is_not_changed(strict):
    before = [p.copy() for p in GIBBONS.payoffs]
    iterated_elimination(GIBBONS, strict=strict)
    assert all((a == b).all() for a, b in zip(before, GIBBONS.payoffs))


def _gambit_survivors(game, strict):
    """Gambit's pure-strategy elimination (one round per call), repeated until nothing changes."""
    pygambit = pytest.importorskip("pygambit")
    from ..gambit_compat import strategic, support_labels
    arrays = [np.array(p, dtype=object) for p in game.payoffs]
    table = strategic(*arrays)
    support = pygambit.supports.undominated_strategies_solve(table, strict=strict)
    while True:
        after = pygambit.supports.undominated_strategies_solve(support, strict=strict)
        if support_labels(table, after) == support_labels(table, support):
            break
        support = after
    return tuple(tuple(game.actions[i][int(label) - 1] for label in labels)
                 for i, labels in enumerate(support_labels(table, support)))


def _brute_force_survivors(game, strict):
    """Each round removes, for every player at once, each action some other surviving pure action dominates."""
    alive = [list(range(n)) for n in game.shape]
    while True:
        removed = []
        for i, payoff in enumerate(game.payoffs):
            grid = np.asarray(payoff)[np.ix_(*alive)]
            rows = np.moveaxis(grid, i, 0).reshape(len(alive[i]), -1)
            for s, row in enumerate(rows):
                for t, other in enumerate(rows):
                    gains = [other[k] - row[k] for k in range(len(row))]
                    if t != s and (all(g > 0 for g in gains) if strict else
                                   all(g >= 0 for g in gains) and any(g > 0 for g in gains)):
                        removed.append((i, alive[i][s]))
                        break
        if not removed:
            return tuple(tuple(game.actions[i][k] for k in keep) for i, keep in enumerate(alive))
        for i, k in removed:
            alive[i].remove(k)


@settings(max_examples=40, deadline=None)
@given(st.one_of(normal_form_games(2, (1, 4), min_value=-3, max_value=3),
                 normal_form_games(3, (1, 3), min_value=-2, max_value=2)), st.booleans())
def test_pure_elimination_is_the_brute_force_and_agrees_with_gambit_on_strict_dominance(game, strict):
    # The reference: each round removes every action that another pure action dominates (the rule of
    # Gambit's undominated_strategies_solve), by comparing payoff rows directly.
    ours = iterated_elimination(game, strict=strict, mixed=False).actions
    assert ours == _brute_force_survivors(game, strict)
    if strict:                                # weak dominance: see the test below
        assert ours == _gambit_survivors(game, strict)


def test_weak_elimination_where_gambit_17_beta_removes_an_undominated_action():
    # Player 1 is indifferent everywhere; player 2's columns pay (0, -1, 1), (0, 0, 0), (0, 1, 0) and
    # (0, 0, 0) against the three rows. By hand: column '2' weakly dominates '1' and '3' (equal, and 1 > 0
    # against row '1'); nothing dominates '0', the only column paying 1 against row '2'. So '0' and '2'
    # survive. pygambit 17.0.0b2's undominated_strategies_solve(strict=False) also removes '0' in its
    # first round, which no pure strategy dominates: the peer's answer is not asserted.
    game = NormalFormGame([np.zeros((3, 4), dtype=int), [[0, 0, 0, 0], [-1, 0, 1, 0], [1, 0, 0, 0]]],
                          actions=[["0", "1", "2"], ["0", "1", "2", "3"]])
    expected = (("0", "1", "2"), ("0", "2"))
    assert iterated_elimination(game, strict=False, mixed=False).actions == expected
    assert _brute_force_survivors(game, False) == expected


# Gibbons' game (sec. 1.1.B, as above) scaled by 1e-90: Middle still beats Right by at least 1e-90.
# Under an absolute tolerance (gains within 1e-9 count as zero) nothing was removed at this scale.
_GIBBONS = [[[1, 1, 0], [0, 0, 2]], [[0, 2, 1], [3, 1, 0]]]


@settings(max_examples=40, deadline=None)
@given(normal_form_games(2, (1, 3), min_value=-3, max_value=3), st.integers(-300, 300), st.booleans(),
       st.booleans())
@example(NormalFormGame(_GIBBONS), -90, True, True)
@example(NormalFormGame(_GIBBONS), 300, False, True)
def test_scale_invariance(game, k, strict, mixed):
    # Multiplying every payoff by c = 10**k > 0 multiplies every dominance gain by c: the exact game's
    # removals (decided exactly) are the float game's at every scale from 1e-300 to 1e300.
    scaled = NormalFormGame([np.asarray(p, dtype=float) * 10.0 ** k for p in game.payoffs], game.actions)
    exact = iterated_elimination(game, strict=strict, mixed=mixed)
    result = iterated_elimination(scaled, strict=strict, mixed=mixed)
    assert verify(result).ok
    assert [(r.round, r.player, r.action) for r in result.eliminated] == \
        [(r.round, r.player, r.action) for r in exact.eliminated]
