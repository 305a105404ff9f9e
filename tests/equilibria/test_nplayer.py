"""Mixed equilibria of games with three and more players: support enumeration and logit paths."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from cybergames import NormalFormGame, nash_equilibria, pure_equilibria, verify
from cybergames.equilibria.nplayer import (EquilibriumContinuum, approximate_equilibria,
                                           support_enumeration)
from cybergames.errors import GameError, ParameterError
from cybergames.io import read_nfg
from cybergames.strategies import normal_form_games

from ..gambit_compat import mixed_profiles, needs_pygambit, strategic

# Gambit's catalogue, contrib/games/2x2x2.nfg: "2x2x2 Example from McKelvey-McLennan, with 9 Nash
# equilibria, 2 totally mixed" (McKelvey & McLennan, Handbook of Computational Economics 1, 1996).
MCKELVEY_MCLENNAN = """NFG 1 R "2x2x2 Example from McKelvey-McLennan" { "Player 1" "Player 2" "Player 3" }
{ { "1" "2" } { "1" "2" } { "1" "2" } } ""
{ { "" 9, 8, 12 } { "" 0, 0, 0 } { "" 0, 0, 0 } { "" 9, 8, 2 }
  { "" 0, 0, 0 } { "" 3, 4, 6 } { "" 3, 4, 6 } { "" 0, 0, 0 } }
1 2 3 4 5 6 7 8
"""

# Gambit's catalogue, contrib/games/2x2x2-nau.nfg: "2x2x2 example with 3 pure, 2 incompletely mixed,
# and a continuum of completely mixed NE".
NAU = """NFG 1 R "2x2x2 Nau" { "" "" "" }
{ { "1" "2" } { "1" "2" } { "1" "2" } } ""
{ { "" 0, 0, 2 } { "" 3, 0, 0 } { "" 0, 3, 0 } { "" 0, 0, 0 }
  { "" 1, 1, 0 } { "" 0, 0, 0 } { "" 0, 0, 0 } { "" 0, 0, 3 } }
1 2 3 4 5 6 7 8
"""


def jordan_matching_pennies(kind=int):
    """Three-player matching pennies (Jordan 1993, "Three problems in learning mixed-strategy Nash
    equilibria", Games and Economic Behavior 5): 1 wants to match 2, 2 to match 3, 3 to mismatch 1."""
    a, b, c = np.indices((2, 2, 2))
    return NormalFormGame([((a == b) * 1).astype(kind), ((b == c) * 1).astype(kind), ((c != a) * 1).astype(kind)])


def _floats(eq):
    return tuple(tuple(float(sympy.N(v, 30)) if isinstance(v, sympy.Basic) else float(v) for v in s)
                 for s in eq.strategies)


def _same_profiles(ours, theirs, atol=1e-6):
    ours, theirs = list(ours), list(theirs)
    if len(ours) != len(theirs):
        return False
    for profile in ours:
        match = [k for k, other in enumerate(theirs)
                 if all(np.allclose(x, y, atol=atol) for x, y in zip(profile, other))]
        if not match:
            return False
        theirs.pop(match[0])
    return True


# ------------------------------------------------------------------------ textbook cases
def test_jordan_matching_pennies_has_only_the_uniform_equilibrium():
    # By hand: with x, y, z the probabilities of action 0, player 1 is indifferent iff y = 1/2
    # (matching pays y or 1 - y), player 2 iff z = 1/2, player 3 iff x = 1/2. No pure profile is an
    # equilibrium (someone always wants to switch along the cycle 1 -> 2 -> 3 -> 1), and a profile
    # where one player is pure, say x = 1, makes player 3 strictly prefer action 1, so z = 0, then
    # player 2 plays 1 and player 1 plays 1: x = 0, a contradiction; likewise for y and z. So the
    # uniform profile is the unique equilibrium, with payoffs 1/2.
    equilibria = support_enumeration(jordan_matching_pennies())
    assert equilibria.complete and equilibria.exact and len(equilibria) == 1
    (eq,) = equilibria
    assert [list(s) for s in eq.strategies] == [[Fraction(1, 2)] * 2] * 3
    assert eq.payoffs == (Fraction(1, 2),) * 3 and eq.gains == (0, 0, 0)
    assert verify(equilibria)


def test_mckelvey_mclennan_nine_equilibria_exactly():
    # By hand, with x, y, z the probabilities of each player's action "1":
    #   player 2 indifferent: 8xz + 4(1-x)(1-z) = 8(1-x)z + 4x(1-z)  <=>  (2x - 1)(12z - 4) = 0;
    #   if x = 1/2, player 3: 6y + (1-y) = 3y + 3(1-y) gives y = 2/5, and player 1:
    #   9yz + 3(1-y)(1-z) = 9(1-y)z + 3y(1-z) <=> (2y - 1)(12z - 3) = 0 gives z = 1/4;
    #   if z = 1/3, player 1 gives y = 1/2 and player 3 gives x = 2/5.
    # The two totally mixed equilibria are (1/2, 2/5, 1/4) and (2/5, 1/2, 1/3); with the 4 pure and
    # 3 partially mixed ones they make the catalogue's 9.
    game = read_nfg(MCKELVEY_MCLENNAN)
    equilibria = nash_equilibria(game)
    assert equilibria.complete and equilibria.method == "support enumeration" and len(equilibria) == 9
    assert len(equilibria.pure) == 4
    totally_mixed = {tuple(s[0] for s in eq.strategies) for eq in equilibria
                     if all(len(s) == 2 for s in eq.support)}
    assert totally_mixed == {(Fraction(1, 2), Fraction(2, 5), Fraction(1, 4)),
                             (Fraction(2, 5), Fraction(1, 2), Fraction(1, 3))}
    assert verify(equilibria)


@needs_pygambit
@pytest.mark.parametrize("text", [MCKELVEY_MCLENNAN], ids=["mckelvey-mclennan"])
def test_catalogue_game_matches_gambit_enumpoly(text):
    import pygambit
    game = read_nfg(text)
    ours = [_floats(eq) for eq in support_enumeration(game)]
    table = strategic(*[np.asarray(p, dtype=float) for p in game.payoffs])
    theirs = mixed_profiles(table, pygambit.nash.enumpoly_solve(table))
    assert _same_profiles(ours, theirs, atol=1e-9)


@needs_pygambit
def test_jordan_matching_pennies_matches_gambit_enumpoly():
    import pygambit
    game = jordan_matching_pennies()
    table = strategic(*[np.asarray(p, dtype=float) for p in game.payoffs])
    theirs = mixed_profiles(table, pygambit.nash.enumpoly_solve(table))
    assert _same_profiles([_floats(eq) for eq in support_enumeration(game)], theirs, atol=1e-9)


def test_continuum_is_reported_not_dropped():
    # Gambit's 2x2x2-nau: a continuum of completely mixed equilibria. By hand, with player 1 on "1",
    # player 2 on "2", player 3 is indifferent (0 either way) and player 2 keeps "2" (3z) against
    # "1" (1 - z) iff z >= 1/4: a segment of equilibria from z = 1/4 to the pure profile z = 1.
    game = read_nfg(NAU)
    equilibria = support_enumeration(game)
    assert not equilibria.complete and equilibria.degenerate
    kinds = {(c.support, c.segment) for c in equilibria.components}
    assert ((("1",), ("2",), ("1", "2")), True) in kinds
    segment = next(c for c in equilibria.components if c.support == (("1",), ("2",), ("1", "2")))
    assert sorted(eq.strategies[2][0] for eq in segment.samples) == [Fraction(1, 4), 1]
    full = [c for c in equilibria.components if all(len(s) == 2 for s in c.support)]
    assert len(full) == 1 and not full[0].segment and isinstance(full[0], EquilibriumContinuum)
    assert full[0].samples                                     # a completely mixed sample, exact
    for eq in full[0].samples:
        assert all(len(s) == 2 for s in eq.support) and eq.gains == (0, 0, 0) and verify(eq)
    assert len(equilibria.pure) == 3
    assert verify(equilibria)


def _irrational_game():
    # A 2x2x2 game with distinct payoffs per player whose totally mixed equilibrium is a quadratic
    # irrational, x = (sqrt(4369) - 43)/60 for player 1's first action (found by a search over
    # permutations of 0..7; the indifference conditions are re-checked below from the payoff table,
    # independently of the solver, and Gambit finds the same three equilibria).
    return NormalFormGame([[[[1, 7], [4, 2]], [[6, 5], [0, 3]]],
                           [[[3, 5], [6, 7]], [[0, 4], [2, 1]]],
                           [[[3, 7], [6, 0]], [[2, 1], [5, 4]]]])


def test_irrational_equilibria_are_exact_algebraic_numbers():
    game = _irrational_game()
    equilibria = support_enumeration(game)
    irrational = [eq for eq in equilibria
                  if any(isinstance(v, sympy.Basic) and not v.is_Rational for s in eq.strategies for v in s)]
    assert irrational and equilibria.complete
    assert sympy.simplify(irrational[0].strategies[0][0] - (sympy.sqrt(4369) - 43) / 60) == 0
    for eq in irrational:
        x, y, z = (sympy.nsimplify(s[0]) if not isinstance(s[0], sympy.Basic) else s[0] for s in eq.strategies)
        # the indifference conditions, written out from the payoff table, vanish exactly
        u = [np.asarray(p, dtype=object) for p in game.payoffs]
        mix = [(x, 1 - x), (y, 1 - y), (z, 1 - z)]

        def value(player, action):
            total = 0
            for b in range(2):
                for c in range(2):
                    if player == 0:
                        total += u[0][action, b, c] * mix[1][b] * mix[2][c]
                    elif player == 1:
                        total += u[1][b, action, c] * mix[0][b] * mix[2][c]
                    else:
                        total += u[2][b, c, action] * mix[0][b] * mix[1][c]
            return total
        for player in range(3):
            if len(eq.support[player]) == 2:
                assert sympy.minimal_polynomial(sympy.expand(value(player, 0) - value(player, 1)),
                                                sympy.Symbol("w")) == sympy.Symbol("w")
    assert verify(equilibria)
    floats = support_enumeration(NormalFormGame([np.asarray(p, dtype=float) for p in game.payoffs]))
    assert _same_profiles([_floats(eq) for eq in equilibria], [_floats(eq) for eq in floats], atol=1e-9)


@needs_pygambit
def test_irrational_equilibria_match_gambit_enumpoly():
    import pygambit
    game = _irrational_game()
    table = strategic(*[np.asarray(p, dtype=float) for p in game.payoffs])
    theirs = mixed_profiles(table, pygambit.nash.enumpoly_solve(table))
    assert _same_profiles([_floats(eq) for eq in support_enumeration(game)], theirs, atol=1e-7)


@needs_pygambit
def test_an_equilibrium_gambit_enumpoly_misses_is_confirmed_by_gnm_and_by_hand():
    # pygambit 17.0.0b2's enumpoly_solve returns the two pure equilibria of this generic game (distinct
    # payoffs) but not its totally mixed one, x = (27 - sqrt(465))/44; Gambit's own global Newton method
    # (gnm_solve) finds it, and its regret recomputed in floats from the table is zero.
    import pygambit
    arrays = [np.array([[[0, 3], [7, 6]], [[5, 1], [4, 2]]]), np.array([[[3, 2], [7, 4]], [[5, 0], [1, 6]]]),
              np.array([[[0, 1], [4, 5]], [[3, 2], [6, 7]]])]
    game = NormalFormGame(arrays)
    ours = support_enumeration(game)
    table = strategic(*[a.astype(float) for a in arrays])
    enumpoly = mixed_profiles(table, pygambit.nash.enumpoly_solve(table))
    gnm = mixed_profiles(table, pygambit.nash.gnm_solve(table))
    floats = [_floats(eq) for eq in ours]
    assert len(ours) == 3 and ours.complete and len(enumpoly) == 2
    assert all(any(_same_profiles([f], [e]) for f in floats) for e in enumpoly)
    (mixed,) = [f for f in floats if all(0 < s[0] < 1 for s in f)]
    assert any(_same_profiles([mixed], [g]) for g in gnm)
    x = [np.array(s) for s in mixed]
    for i, u in enumerate(arrays):
        values = np.einsum("abc,b,c->a", np.moveaxis(u.astype(float), i, 0), *[x[j] for j in range(3) if j != i])
        assert values.max() - values @ x[i] < 1e-12
    assert sympy.simplify(ours[2].strategies[0][0] - (27 - sympy.sqrt(465)) / 44) == 0


def test_float_games_give_floats():
    equilibria = nash_equilibria(jordan_matching_pennies(float))
    assert not equilibria.exact and equilibria.complete
    (eq,) = equilibria
    assert eq.strategies[0].dtype == float and np.allclose(eq.strategies[0], 0.5)


def test_larger_games_use_logit_paths():
    rng = np.random.default_rng(7)
    game = NormalFormGame([rng.random((4, 4, 3)) for _ in range(3)])
    equilibria = nash_equilibria(game)
    assert equilibria.method == "logit paths" and not equilibria.complete and len(equilibria) >= 1
    assert all(max(eq.gains) <= 1e-9 for eq in equilibria) and verify(equilibria)


def test_approximate_equilibria_of_an_exact_game_are_exact():
    equilibria = approximate_equilibria(read_nfg(MCKELVEY_MCLENNAN), starts=6, seed=3)
    assert equilibria.exact and not equilibria.complete and verify(equilibria)
    assert all(eq.gains == (0, 0, 0) for eq in equilibria)
    assert set(equilibria) <= set(support_enumeration(read_nfg(MCKELVEY_MCLENNAN)))


def test_inputs_are_not_mutated():
    payoffs = [np.arange(8.0).reshape(2, 2, 2), np.ones((2, 2, 2)), np.eye(4)[:2].reshape(2, 2, 2)]
    copies = [p.copy() for p in payoffs]
    game = NormalFormGame(payoffs)
    support_enumeration(game)
    approximate_equilibria(game, starts=2)
    assert all(np.array_equal(p, c) for p, c in zip(payoffs, copies))


@pytest.mark.parametrize("call, error", [
    (lambda: support_enumeration("not a game"), GameError),
    (lambda: support_enumeration(jordan_matching_pennies(), tol=0), ParameterError),
    (lambda: approximate_equilibria(jordan_matching_pennies(), starts=0), ParameterError),
    (lambda: approximate_equilibria(jordan_matching_pennies(), seed=1.5), ParameterError),
    (lambda: approximate_equilibria([[1]]), GameError),
])
def test_bad_input(call, error):
    with pytest.raises(error):
        call()


# ------------------------------------------------------------------------ properties
three_player_games = normal_form_games(players=3, actions=2, min_value=-20, max_value=20)


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(three_player_games)
def test_every_equilibrium_has_zero_regret_and_pure_ones_are_listed(game):
    equilibria = support_enumeration(game)
    assert len(equilibria) >= 1 or not equilibria.complete               # Nash (1951)
    for eq in equilibria:
        assert eq.gains == (0, 0, 0)
        for i in range(3):                                              # regret recomputed from the game
            values = game.action_payoffs(i, list(eq.strategies))
            assert all(sympy.expand(v - eq.payoffs[i]) <= 0 for v in values)
    assert set(pure_equilibria(game)) <= set(equilibria)
    assert verify(equilibria)


@settings(max_examples=15, deadline=None)
@given(normal_form_games(players=3, actions=2, min_value=-5, max_value=5, distinct=True),
       st.integers(0, 2), st.integers(1, 5), st.integers(-5, 5))
def test_invariant_under_relabelling_and_affine_payoffs(game, player, scale, shift):
    # games with distinct payoffs per player have no continua, so the whole set is determined
    base = support_enumeration(game)
    relabelled = support_enumeration(game.permute_actions(player, [1, 0]))
    swapped = {tuple(tuple(s[::-1]) if i == player else tuple(s) for i, s in enumerate(eq.strategies))
               for eq in relabelled}
    assert {tuple(tuple(s) for s in eq.strategies) for eq in base} == swapped
    assert relabelled.complete == base.complete
    transformed = support_enumeration(game.transform_payoffs(player, scale=scale, shift=shift))
    assert {tuple(tuple(s) for s in eq.strategies) for eq in transformed} == \
        {tuple(tuple(s) for s in eq.strategies) for eq in base}


@settings(max_examples=15, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), distinct=True))
def test_two_player_support_enumeration_agrees_with_vertex_enumeration(game):
    # a second, independent method: nondegenerate-by-construction is not guaranteed, so compare only
    # when vertex enumeration finds the game nondegenerate and support enumeration is complete
    ours = support_enumeration(game)
    reference = nash_equilibria(game)
    if reference.degenerate or not ours.complete:
        return
    assert set(ours) == set(reference)


@pytest.mark.slow
@settings(max_examples=10, deadline=None)
@given(normal_form_games(players=3, actions=2, min_value=0, max_value=3))
def test_logit_paths_find_equilibria_that_enumeration_lists(exact_game):
    # Integer payoffs as floats: a near-tie far below the tolerance (1.2e-38 against 0) makes an
    # approximate equilibrium with regret below tol that the exact enumeration rightly does not list.
    game = NormalFormGame([np.asarray(p, dtype=float) for p in exact_game.payoffs], exact_game.actions)
    approximate = approximate_equilibria(game, starts=3)
    exact = support_enumeration(game)
    assert verify(approximate)
    for eq in approximate:
        assert max(eq.gains) <= 1e-9 * max(1.0, max(float(np.abs(p).max()) for p in game.payoffs))
    if exact.complete and not exact.components:   # a point inside a reported segment is not "listed"
        listed = [_floats(eq) for eq in exact]
        for eq in approximate:
            assert any(all(np.allclose(x, y, atol=1e-6) for x, y in zip(_floats(eq), other)) for other in listed)
    assert set(pure_equilibria(game)) <= set(approximate)


# ------------------------------------------------------------------------ continua, described exactly
# Nau, Gomez Canovas & Hansen, "On the geometry of Nash equilibria and correlated equilibria",
# International Journal of Game Theory 32 (2004), sec. 6; Gambit's catalogue, nau2004/sec6 (2x2x4).
SEC6 = NormalFormGame([[[[2, 1, 1, 2], [0, 0, 0, 0]], [[0, 0, 0, 0], [1, 2, 2, 1]]],
                       [[[0, 0, 0, 0], [1, 2, 1, 2]], [[2, 1, 2, 1], [0, 0, 0, 0]]],
                       [[[0, 2, 1, 1], [1, 1, 2, 0]], [[1, 1, 0, 2], [2, 0, 1, 1]]]],
                      actions=[["Top", "Bottom"], ["Left", "Right"], ["1", "2", "3", "4"]])


def test_sec6_is_one_segment_described_exactly():
    # By hand, with x = P(Bottom), y = P(Right) and z player 3's mix. Player 3 earns x + y from "1",
    # 2 - x - y from "2", 1 - x + y from "3" and 1 + x - y from "4". Player 1 earns (1 - y)(2z1 + z2 + z3 + 2z4)
    # from Top and y(z1 + 2z2 + 2z3 + z4) from Bottom; player 2 x(2z1 + z2 + 2z3 + z4) from Left and
    # (1 - x)(z1 + 2z2 + z3 + 2z4) from Right. No pure profile is an equilibrium (each pure pair leaves a
    # player 0 against 1 or 2), and a player of 1, 2 who mixes makes the other's mix interior, so x, y in
    # (0, 1). Player 3 mixing {1, 2} needs x + y = 1 and, keeping 3 and 4 out, x - y <= 0 <= x - y: x = y
    # = 1/2; mixing {3, 4} needs x = y and 2x <= 1 <= 2x: again 1/2; any other mix of player 3 forces x
    # or y to 1/2 too. At x = y = 1/2 all four of player 3's actions earn 1, and players 1, 2 are
    # indifferent iff z1 + z4 = z2 + z3 = 1/2 and z1 + z3 = z2 + z4 = 1/2: z = (s, s, 1/2 - s, 1/2 - s),
    # s in [0, 1/2]. The equilibria are this segment; its ends s = 0, 1/2 are listed, its inside
    # (full support, s in (0, 1/2)) is one described continuum, and the set is complete.
    half = Fraction(1, 2)
    equilibria = support_enumeration(SEC6)
    assert equilibria.complete and equilibria.degenerate
    ends = {tuple(eq.strategies[2]) for eq in equilibria}
    assert ends == {(half, half, 0, 0), (0, 0, half, half)}
    assert all(list(eq.strategies[0]) == [half, half] == list(eq.strategies[1]) for eq in equilibria)
    (continuum,) = equilibria.components
    assert continuum.described and continuum.support == tuple(tuple(a) for a in SEC6.actions)
    assert {tuple(eq.strategies[2]) for eq in continuum.vertices} == ends
    (t,) = continuum.parameters
    values = dict(zip(continuum.variables, continuum.parametrization))
    z = [1 - values[sympy.Symbol("p2_1")] - values[sympy.Symbol("p2_2")] - values[sympy.Symbol("p2_3")],
         values[sympy.Symbol("p2_1")], values[sympy.Symbol("p2_2")], values[sympy.Symbol("p2_3")]]
    assert sympy.expand(z[0] - z[1]) == 0 and sympy.expand(z[2] - z[3]) == 0 and sympy.expand(z[0] + z[2]) == half
    # the region is the parameter's range over the open segment: s in (0, 1/2) read through t
    low, high = sorted((sympy.solve(z[0] - 0, t)[0], sympy.solve(z[0] - half, t)[0]))
    assert continuum.region == sympy.Interval.open(low, high)
    for eq in continuum.samples:
        assert eq.gains == (0, 0, 0) and verify(eq)
    assert verify(equilibria) and nash_equilibria(SEC6).complete


@needs_pygambit
def test_sec6_agrees_with_gambit():
    # every point pygambit's gnm_solve and enumpoly_solve report lies on the described segment's closure
    from cybergames.io import to_pygambit
    import pygambit
    equilibria = support_enumeration(SEC6)
    for solver in (pygambit.nash.gnm_solve, pygambit.nash.enumpoly_solve):
        gambit_game = to_pygambit(SEC6)
        for theirs in mixed_profiles(gambit_game, solver(gambit_game)):
            assert _on_described_set(SEC6, [np.asarray(p, dtype=float) for p in theirs], equilibria)


def _on_described_set(game, point, equilibria, atol=1e-6, described_only=True):
    """Whether a float profile is a listed equilibrium or lies on (the closure of) a described continuum:
    its support within the continuum's, the equations zero, every inequality holding (with
    ``described_only=False``, on any reported continuum: the equations zero)."""
    if any(all(np.allclose(a, np.asarray(_floats_vector(b)), atol=atol) for a, b in zip(point, eq.strategies))
           for eq in equilibria):
        return True
    for component in equilibria.components:
        if described_only and not component.described:
            continue
        if any(p[k] > atol and game.actions[i][k] not in component.support[i]
               for i, p in enumerate(point) for k in range(len(p))):
            continue
        values = {v: float(point[int(v.name[1:].split("_")[0])][int(v.name.split("_")[1])])
                  for v in component.variables}
        if all(abs(float(e.subs(values))) <= atol for e in component.equations) and \
                all(float(e.subs(values)) >= -atol for e in component.positive + component.nonnegative):
            return True                                  # (the inequalities are empty when undescribed)
    return False


def _floats_vector(vector):
    return [float(sympy.N(v, 30)) if isinstance(v, sympy.Basic) else float(v) for v in vector]


degenerate_games = st.one_of(normal_form_games(players=3, actions=2, min_value=0, max_value=1),
                             normal_form_games(players=3, actions=(2, 3), min_value=0, max_value=1))


@settings(max_examples=12, deadline=None)
@given(degenerate_games)
def test_every_sample_of_every_continuum_is_an_exact_equilibrium(game):
    # Ties everywhere (payoffs 0 or 1) make continua. Every sample has zero regret, recomputed here
    # from the payoff table; a described continuum's parametrization solves its equations identically,
    # its vertices are listed, and its interior samples keep every probability of the support positive.
    equilibria = support_enumeration(game)
    for component in equilibria.components:
        for eq in component.samples:
            for i in range(game.num_players):
                values = game.action_payoffs(i, list(eq.strategies))
                assert all(_sign(v - eq.payoffs[i]) <= 0 for v in values)
            assert all(set(s) <= set(r) for s, r in zip(eq.support, component.support))
        if component.described:
            mapping = dict(zip(component.variables, component.parametrization))
            assert all(sympy.expand(e.subs(mapping)) == 0 for e in component.equations)
            assert set(component.vertices) <= set(equilibria)
            # an interior sample (a segment, one player mixing two actions, records its two ends only)
            assert component.segment or any(eq.support == component.support for eq in component.samples)
    assert equilibria.complete == all(c.described for c in equilibria.components)
    assert verify(equilibria)


def _sign(value):
    value = sympy.nsimplify(value) if isinstance(value, float) else value
    if isinstance(value, sympy.Basic) and not value.is_Rational:
        from cybergames.equilibria.result import _algebraic_sign
        return _algebraic_sign(value)
    return (value > 0) - (value < 0)


def _gnm_points(game, connection):
    """gnm_solve's equilibria of ``game`` as float lists, sent through ``connection`` (run in a child)."""
    import pygambit
    from cybergames.io import to_pygambit
    gambit_game = to_pygambit(game)
    connection.send([[np.asarray(p, dtype=float).tolist() for p in theirs]
                     for theirs in mixed_profiles(gambit_game, pygambit.nash.gnm_solve(gambit_game))])


def _gnm_within(game, seconds):
    """gnm_solve's points, or None when it has not finished within ``seconds`` (it can run on for ever)."""
    import multiprocessing
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_gnm_points, args=(game, send), daemon=True)
    child.start()
    points = receive.recv() if receive.poll(seconds) else None
    child.terminate()
    child.join()
    return points


@needs_pygambit
@settings(max_examples=8, deadline=None)
@given(degenerate_games)
def test_gambits_equilibria_of_degenerate_games_lie_on_what_we_report(game):
    # a second method: every point gnm_solve reports is listed, or lies on a described continuum, or
    # (when the set is incomplete) solves the equations of some reported continuum. On some of these
    # games gnm_solve (pygambit 17.0.0b2) ran for over ten minutes without an answer: such a game
    # tests nothing and is rejected.
    from hypothesis import reject
    theirs = _gnm_within(game, 60)
    if theirs is None:
        reject()
    equilibria = support_enumeration(game)
    for profile in theirs:
        point = [np.asarray(p, dtype=float) for p in profile]
        assert _on_described_set(game, point, equilibria, described_only=equilibria.complete), point


def test_equilibria_in_a_root_of_degree_nine_verify_in_its_number_field():
    # A random 2x2x2x2 game (integer payoffs 0..99, numpy default_rng([7, 3])) with an equilibrium whose
    # coordinates are polynomials of degree 8 in a root of an irreducible polynomial of degree 9, each
    # printed in about 20,000 characters. verify checks it in Q[x]/(m) (expanding the products as sympy
    # expressions took minutes); independently here, its regret at 60 digits is 0, and two altered
    # copies (a recorded payoff plus one, player 0's mix reversed) fail.
    import dataclasses
    rng = np.random.default_rng([7, 3])
    game = NormalFormGame([rng.integers(0, 100, (2, 2, 2, 2)).tolist() for _ in range(4)])
    (eq,) = [eq for eq in support_enumeration(game)
             if any(isinstance(v, sympy.Basic) and v.atoms(sympy.CRootOf) for s in eq.strategies for v in s)]
    assert verify(eq)
    approximate = [[sympy.N(v, 60) for v in s] for s in eq.strategies]
    for i in range(4):                      # sums of payoff times probability products, at 60 digits
        values = [sum(int(game.payoffs[i][index]) * math.prod(approximate[j][k] for j, k in enumerate(index)
                                                               if j != i)
                      for index in np.ndindex(*game.shape) if index[i] == a) for a in range(2)]
        mixed = sum(p * v for p, v in zip(approximate[i], values))
        assert max(abs(v - mixed) for v, p in zip(values, approximate[i]) if p > 1e-40) < 1e-40
    assert not verify(dataclasses.replace(eq, payoffs=(eq.payoffs[0] + 1,) + eq.payoffs[1:]))
    assert not verify(dataclasses.replace(eq, strategies=(eq.strategies[0][::-1],) + eq.strategies[1:]))


# ------------------------------------------------------------------------ pruning by certificates
def test_a_support_dominated_only_by_a_mixture_is_pruned_by_an_exact_certificate():
    # Row's B = (1, 1) is beaten by no pure row against L and R (T = (3, 0), M = (0, 3)), but by
    # T/2 + M/2 = (3/2, 3/2) everywhere (Osborne & Rubinstein, A Course in Game Theory, sec. 4.2:
    # a never-best response). So Row playing only B while Column mixes L and R is no equilibrium;
    # the certificate is mu_T = mu_M = 1/2: w = (T - B)/2 + (M - B)/2 = (1/2, 1/2) >= 0, not 0.
    from cybergames.equilibria import nplayer
    game = NormalFormGame([[[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]]])
    compare = nplayer._comparable(nplayer._exact_payoffs(game))
    floats = [np.asarray(p, dtype=float) for p in compare]
    assert not nplayer._dominated(compare, ((2,), (0, 1)))       # no pure action dominates B ...
    assert nplayer._infeasible(compare, floats, ((2,), (0, 1)))   # ... but the mixture does
    # with Row mixing T and M, Column indifferent everywhere: (1/2, 1/2) for Column keeps Row
    # indifferent (3/2 each) above B (1): an equilibrium, so no certificate may exist
    assert not nplayer._infeasible(compare, floats, ((0, 1), (0, 1)))
    assert any(eq.support == (("0", "1"), ("0", "1")) for eq in support_enumeration(game)) or \
        any(c.support == (("0", "1"), ("0", "1")) for c in support_enumeration(game).components)


def _continuum_key(continuum):
    return continuum.support, tuple(map(str, continuum.equations)), continuum.samples, continuum.described


pruning_games = st.one_of(normal_form_games(players=3, actions=2, min_value=0, max_value=1),
                          normal_form_games(players=3, actions=(2, 3), min_value=-1, max_value=1),
                          normal_form_games(players=3, actions=2, min_value=-2, max_value=2, max_denominator=2),
                          normal_form_games(players=2, actions=(2, 4), min_value=0, max_value=2))


@settings(max_examples=25, deadline=None)
@given(pruning_games)
def test_pruning_by_certificates_loses_no_equilibrium(game):
    # Degenerate games (payoffs from a few values: many ties, continua): the enumeration with the
    # certificates of _infeasible lists exactly the same equilibria, in the same order, and the same
    # non-empty continua; what it drops are only continua on which nothing was found, which a
    # certificate proves empty, so it can be complete where the unpruned run is not.
    from cybergames.equilibria import nplayer
    pruned = nplayer._enumerate(game, 1e-9, prune=True)
    full = nplayer._enumerate(game, 1e-9, prune=False)
    assert tuple(pruned) == tuple(full)
    kept = {_continuum_key(c) for c in pruned.components}
    every = {_continuum_key(c) for c in full.components}
    assert kept <= every
    assert all(not key[2] for key in every - kept)
    assert pruned.complete >= full.complete
    assert verify(pruned)


def test_certificates_take_payoffs_beyond_the_float_range():
    # Jordan's matching pennies with player 1's payoffs times 10**400 (no float holds them): scaling
    # a player's payoffs keeps the equilibria, so the only one is still uniform mixing (see above).
    a, b, c = np.indices((2, 2, 2))
    big = ((a == b) * 1).astype(object) * 10**400
    game = NormalFormGame([big.tolist(), ((b == c) * 1).tolist(), ((c != a) * 1).tolist()])
    (eq,) = support_enumeration(game)
    assert [list(s) for s in eq.strategies] == [[Fraction(1, 2)] * 2] * 3 and verify(eq)
