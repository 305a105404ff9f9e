"""lemke_howson: hand-derived paths, exact integer pivoting, degenerate games, agreement with nash_equilibria."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cybergames import (NormalFormGame, battle_of_the_sexes, lemke_howson, lemke_howson_equilibria,
                        matching_pennies, nash_equilibria, verify)
from cybergames.strategies import normal_form_games

# von Stengel, "Computing equilibria for two-person games", Handbook of Game Theory 3 (2002), ch. 45,
# the 3x2 example of sec. 2 (eq. 2.7): A = [[3, 3], [2, 5], [0, 6]], B = [[3, 2], [2, 6], [3, 1]].
VON_STENGEL = NormalFormGame([[[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]]])


def _key(eq):
    return tuple(tuple(s) for s in eq.strategies)


def test_battle_of_the_sexes_by_hand():
    # Dropping label 0 (the row's first action) puts weight on row 0; the column player's best reply
    # is column 0 (payoff 2 > 0), and the row's best reply to column 0 is row 0 again: label 0 is
    # picked up and the path ends at the pure equilibrium (0, 0). Label 1 symmetrically ends at (1, 1).
    game = battle_of_the_sexes()
    assert lemke_howson(game, 0).profile == (game.actions[0][0], game.actions[1][0])
    assert lemke_howson(game, 1).profile == (game.actions[0][1], game.actions[1][1])
    # labels 2, 3 (the column's actions) likewise end at a pure equilibrium; the mixed one is never
    # reached: it is the third, "even" equilibrium paired with another by every label's path (Shapley 1974)
    found = lemke_howson_equilibria(game)
    assert all(eq.is_pure for eq in found) and len(found) == 2 and found.complete is False


def test_matching_pennies_has_only_the_mixed_equilibrium():
    # the unique equilibrium (1/2, 1/2) for both, reached from every label (by hand: indifference)
    for label in range(4):
        eq = lemke_howson(matching_pennies(), label)
        assert [list(s) for s in eq.strategies] == [[Fraction(1, 2)] * 2] * 2


def test_von_stengel_example():
    # The three equilibria by hand (von Stengel 2002, sec. 2): ((1, 0, 0), (1, 0)); ((4/5, 1/5, 0),
    # (2/3, 1/3)), where row 1 and 2 tie against (2/3, 1/3): 3 = 2*2/3 + 5/3 and the column is indifferent
    # 3*4/5 + 2/5 = 2*4/5 + 6/5; and ((0, 1/3, 2/3), (1/3, 2/3)), rows 2 and 3 tie at 4 against (1/3, 2/3).
    F = Fraction
    expected = {((1, 0, 0), (1, 0)), ((F(4, 5), F(1, 5), 0), (F(2, 3), F(1, 3))),
                ((0, F(1, 3), F(2, 3)), (F(1, 3), F(2, 3)))}
    assert {_key(eq) for eq in nash_equilibria(VON_STENGEL)} == expected
    reached = {_key(eq) for eq in lemke_howson_equilibria(VON_STENGEL)}
    assert reached <= expected and len(reached) >= 1
    for label in range(5):
        eq = lemke_howson(VON_STENGEL, label)
        assert _key(eq) in expected and eq.gains == (0, 0) and verify(eq).ok


def test_degenerate_game_terminates():
    # Every payoff equal for the column player and two identical rows for the row player: ratio tests
    # tie at every step. The lexicographic rule still ends each path at an equilibrium.
    game = NormalFormGame([[[1, 1, 0], [1, 1, 0], [0, 0, 1]], [[1, 1, 1], [1, 1, 1], [1, 1, 1]]])
    every = {_key(eq) for eq in nash_equilibria(game)}
    for label in range(6):
        eq = lemke_howson(game, label)
        assert verify(eq).ok and all(g == 0 for g in eq.gains)
        # in a degenerate game equilibria form continua; an extreme one is reached
        assert _key(eq) in every


def test_exact_input_gives_exact_output():
    game = NormalFormGame([[[Fraction(1, 3), 2], [1, Fraction(1, 7)]], [[0, 1], [Fraction(5, 2), 0]]])
    eq = lemke_howson(game)
    assert all(isinstance(p, (int, Fraction)) for s in eq.strategies for p in s)
    assert _key(eq) in {_key(e) for e in nash_equilibria(game)}


def test_a_larger_float_game():
    rng = np.random.default_rng(11)
    game = NormalFormGame([rng.random((40, 40)), rng.random((40, 40))])
    eq = lemke_howson(game, 7)
    assert verify(eq).ok and max(eq.gains) <= 1e-9


@settings(max_examples=50, deadline=None)
@given(normal_form_games(2, (1, 4), min_value=-3, max_value=3), st.data())
def test_result_is_among_nash_equilibria(game, data):
    label = data.draw(st.integers(0, sum(game.shape) - 1))
    eq = lemke_howson(game, label)
    assert _key(eq) in {_key(e) for e in nash_equilibria(game)}
    assert all(g == 0 for g in eq.gains) and verify(eq).ok


# Near-degenerate games (a payoff of 2**-23 = 1.19e-7 beside small integers) on which the float path
# once ended at a probability of -1.1e-8 (rejected by verify) or cycled until its pivot limit.
_TINY = 1.1920929e-07
NEAR_DEGENERATE = [
    (NormalFormGame([[[1.0, -3.0, 2.0, 1.0, -2.0], [-2.0, -1.0, 2.0, 3.0, 2.0], [-2.0, 2.0, -2.0, 3.0, -3.0]],
                     [[-3.0, 0.0, 3.0, 0.0, 3.0], [2.0, 0.0, -3.0, 1.0, _TINY], [1.0, -3.0, 1.0, -3.0, 1.0]]]), 2),
    (NormalFormGame([[[-2.0, 3.0, 3.0, 2.0, _TINY], [1.0, 3.0, -2.0, 0.0, 2.0], [-2.0, -2.0, -1.0, 2.0, 0.0]],
                     [[1.0, 0.0, 0.0, 2.0, 1.0], [-3.0, 2.0, -3.0, -1.0, 0.0], [-1.0, 2.0, -2.0, -1.0, 3.0]]]), 5),
    (NormalFormGame([[[-3.0, 3.0, 1.0, -2.0, -2.0], [2.0, -2.0, -1.0, -3.0, 1.0], [2.0, 2.0, 0.0, 0.0, 0.0]],
                     [[1.0, 2.0, -2.0, 3.0, 3.0], [3.0, -3.0, -3.0, -3.0, 2.0], [2.0, 3.0, -2.0, _TINY, 0.0]]]), 0),
    # here the float path still ends at a probability of -5e-13: the exact re-run answers
    (NormalFormGame([[[3.0, 1e-12, 2.0], [-1.0, 2.2e-16, 0.0]], [[-2.0, 2.0, 1.0], [-2.0, -2.0, -1.0]]]), 0),
    # column 2 is dominant; against it rows earn 0, 1e-9, 0. The float path ended at (row 2, column 2), an
    # equilibrium only within the tolerance (gain 1e-9); nash_equilibria tells 1e-9 from 0 and lists (row 1,
    # column 2) alone. Re-run exactly, the path ends there too.
    (NormalFormGame([[[0.0, 2.0, 0.0], [0.0, 0.0, 1e-9], [1.0, 0.0, 0.0]], [[0.0, 0.0, 1.0]] * 3]), 0),
]


@settings(max_examples=40, deadline=None)
@given(normal_form_games(2, (1, 5), exact=False, min_value=-3, max_value=3), st.integers(0, 99))
@example(*NEAR_DEGENERATE[0])
@example(*NEAR_DEGENERATE[1])
@example(*NEAR_DEGENERATE[2])
@example(*NEAR_DEGENERATE[3])
@example(*NEAR_DEGENERATE[4])
def test_float_result_is_among_nash_equilibria(game, label):
    label %= sum(game.shape)
    eq = lemke_howson(game, label)
    assert all((s >= 0).all() and s.sum() == pytest.approx(1, abs=1e-12) for s in eq.strategies)
    assert verify(eq).ok
    candidates = nash_equilibria(game)
    if candidates.degenerate:         # a point of a continuum: check it is an equilibrium (done) only
        return
    assert any(all(np.allclose(a, b, atol=1e-7) for a, b in zip(eq.strategies, other.strategies))
               for other in candidates)


@settings(max_examples=30, deadline=None)
@given(normal_form_games(2, (1, 4), min_value=-3, max_value=3))
def test_every_label_finds_listed_equilibria(game):
    found = lemke_howson_equilibria(game)
    assert {_key(eq) for eq in found} <= {_key(eq) for eq in nash_equilibria(game)}
    assert len(found) >= 1 and verify(found).ok


@pytest.mark.parametrize("label", [0, 3])
def test_the_input_game_is_not_changed(label):
    before = [p.copy() for p in VON_STENGEL.payoffs]
    lemke_howson(VON_STENGEL, label)
    assert all((a == b).all() for a, b in zip(before, VON_STENGEL.payoffs))


def test_a_float_path_ending_below_zero_is_redone_exactly():
    # The float path of the last near-degenerate game ends at y = (0, 1 + 5e-13, -5e-13); such an end is
    # refused (a probability must not be negative) and the exact path from the same label answers.
    from cybergames.equilibria import pivoting
    game, label = NEAR_DEGENERATE[3]
    A, B = game.payoffs
    _, (x, y) = pivoting._race(A, B, [label], False, 1e-9)
    assert min(min(x), min(y)) < -1e-14
    with pytest.raises(ArithmeticError):
        pivoting._accepted(game, x, y, 1e-9)
    eq = lemke_howson(game, label)
    assert verify(eq).ok and all((s >= 0).all() for s in eq.strategies)


@settings(max_examples=30, deadline=None)
@given(normal_form_games(2, (1, 4), min_value=-3, max_value=3), st.integers(-300, 300), st.integers(0, 99))
@example(NEAR_DEGENERATE[0][0], -90, 2)
def test_scale_invariance(game, k, label):
    # Multiplying every payoff by 10**k changes no best response, so the path and its end are the same
    # (up to rounding) at every scale from 1e-300 to 1e300.
    label %= sum(game.shape)
    floats = NormalFormGame([np.asarray(p, dtype=float) for p in game.payoffs], game.actions)
    scaled = NormalFormGame([np.asarray(p, dtype=float) * 10.0 ** k for p in game.payoffs], game.actions)
    first, second = lemke_howson(floats, label), lemke_howson(scaled, label)
    assert verify(second).ok
    assert all(np.allclose(a, b, atol=1e-7) for a, b in zip(first.strategies, second.strategies))


def _float_paths_always_fail(monkeypatch):
    # every float end is refused, as rounding does on near-degenerate games, so the fallbacks run
    from cybergames.equilibria import pivoting

    def refuse(game, x, y, tol):
        raise pivoting.NotAnEquilibrium("refused (forced)")
    monkeypatch.setattr(pivoting, "_accepted", refuse)
    return pivoting


def test_a_large_float_game_whose_float_paths_fail_is_solved_exactly(monkeypatch):
    # 60x60 = 3600 profiles, above EXACT_FALLBACK_PROFILES: the exact re-run is bounded, and ends well
    # within the bound on a random game (its paths take tens of pivots). Before, this raised ArithmeticError.
    pivoting = _float_paths_always_fail(monkeypatch)
    rng = np.random.default_rng(3)
    game = NormalFormGame([rng.random((60, 60)), rng.random((60, 60))])
    assert game.payoffs[0].size > pivoting.EXACT_FALLBACK_PROFILES
    eq = lemke_howson(game)
    assert verify(eq).ok and max(eq.gains) <= 1e-9


def test_an_exact_rerun_beyond_its_bound_raises_a_solver_error(monkeypatch):
    from cybergames.errors import SolverError
    pivoting = _float_paths_always_fail(monkeypatch)
    monkeypatch.setattr(pivoting, "EXACT_FALLBACK_WORK", 0)      # one pivot: no path ends in one
    rng = np.random.default_rng(3)
    game = NormalFormGame([rng.random((60, 60)), rng.random((60, 60))])
    with pytest.raises(SolverError, match=r"lemke_howson: .*within 1 pivots.*Fractions") as info:
        lemke_howson(game, 5)
    assert isinstance(info.value, ArithmeticError) and isinstance(info.value, ValueError)
