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
