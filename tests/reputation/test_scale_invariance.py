"""Scale invariance of the finite-horizon solver: stage payoffs times 10**k, from 1e-300 to 1e300.

Subgame perfection compares each player's payoffs with her own, so scaling every
payoff by s > 0 leaves the subgame-perfect paths unchanged and scales every
payoff by s (Benoit & Krishna 1985 use only such comparisons; Osborne &
Rubinstein, *A Course in Game Theory*, 1994, §2.1). The exact game with small
integer payoffs is the reference.
"""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, pure_equilibria
from cybergames.reputation import finite_horizon_equilibria
from cybergames.strategies import normal_form_games


def scaled(game, scale):
    return NormalFormGame([np.asarray(p, dtype=float) * scale for p in game.payoffs], game.actions)


@settings(max_examples=25)
@given(normal_form_games(players=2, actions=(2, 3)), st.integers(-300, 300), st.integers(1, 3))
def test_subgame_perfect_payoffs_scale_with_the_stage_payoffs(game, exponent, horizon):
    scale = 10.0 ** exponent
    assume(pure_equilibria(game))      # the pure class needs a pure stage equilibrium
    unit = finite_horizon_equilibria(scaled(game, 1.0), horizon)
    big_or_small = finite_horizon_equilibria(scaled(game, scale), horizon)
    for t in range(1, horizon + 1):
        got = sorted(tuple(np.round(np.array(v, dtype=float) / scale, 9)) for v in big_or_small.payoffs[t])
        want = sorted(tuple(np.round(np.array(v, dtype=float), 9)) for v in unit.payoffs[t])
        assert got == want


def _paths(solution):
    """The penal codes with mixed stage equilibria as their rounded strategies (pure profiles as labels)."""
    def norm(x):
        if hasattr(x, "strategies"):
            return ("mixed", tuple(tuple(round(float(p), 9) for p in s) for s in x.strategies))
        if isinstance(x, tuple):
            return tuple(norm(y) for y in x)
        return x
    return norm(solution.punishments)


@settings(max_examples=25, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), min_value=-2, max_value=2), st.integers(-300, 300),
       st.integers(1, 3))
def test_the_mixed_class_gives_the_same_paths_at_every_scale(game, exponent, horizon):
    # Small integer payoffs: many ties, so sums of payoffs that are equal in exact arithmetic differ
    # by rounding at most scales. The incentive test allowed only 1e-9 of the values compared, which
    # near 0 is no allowance at all (a 3x3 game at 1e-2 lost SPE paths); and the worst payoff of a
    # penal code was chosen by the raw float, so a rounding difference picked another code.
    scale = 10.0 ** exponent
    unit = finite_horizon_equilibria(scaled(game, 1.0), horizon, mixed=True)
    big_or_small = finite_horizon_equilibria(scaled(game, scale), horizon, mixed=True)
    for t in range(1, horizon + 1):
        got = sorted(tuple(np.round(np.array(v, dtype=float) / scale, 9)) for v in big_or_small.payoffs[t])
        want = sorted(tuple(np.round(np.array(v, dtype=float), 9)) for v in unit.payoffs[t])
        assert got == want
    assert _paths(big_or_small) == _paths(unit)


def test_a_degenerate_three_by_three_game_keeps_its_payoffs_at_one_tenth():
    # Regression (found by the property above): at scale 1e-1 the two-period game of this 3x3 game
    # with mixed stage equilibria lost the payoff vector (4, 2.5) of the six the exact game has
    # (the exact game is the reference: integer payoffs, exact arithmetic, no tolerance), because
    # an incentive constraint that holds with equality came out 1e-17 short.
    payoffs = [[[-2, 0, 2], [2, 2, 0], [-1, 2, 2]], [[1, 0, 2], [-1, 2, 1], [2, 1, -2]]]
    exact = finite_horizon_equilibria(NormalFormGame(payoffs), 2, mixed=True)
    want = sorted(tuple(float(x) for x in v) for v in exact.payoffs[2])
    assert len(want) == 6 and (4.0, 2.5) in want
    for scale in (1.0, 1e-1, 1e-2, 1e300):
        got = finite_horizon_equilibria(scaled(NormalFormGame(payoffs), scale), 2, mixed=True)
        assert sorted(tuple(np.round(np.array(v, dtype=float) / scale, 9)) for v in got.payoffs[2]) == want
