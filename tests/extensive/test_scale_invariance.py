"""Scale invariance of the extensive-form solvers: payoffs times 10**k, from 1e-300 to 1e300.

Subgame perfection and Nash equilibrium compare each player's payoffs with her
own, so multiplying every payoff by a positive constant changes neither
(Osborne & Rubinstein, *A Course in Game Theory*, 1994, §6.2 and §2.1: the
solution concepts depend on preferences, not on the utility scale). The exact
tree with small integer payoffs is the reference; float multiplication by
10**k keeps such payoffs exactly ordered.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames.extensive import ExtensiveGame, chance, decision, sequence_form_equilibria, subgame_perfect_equilibria
from cybergames.strategies import extensive_games


def scaled(game, scale):
    """The float tree with every payoff multiplied by ``scale`` (and float chance probabilities)."""
    def walk(spec):
        if isinstance(spec, tuple):
            return tuple(float(u) * scale for u in spec)
        if "chance" in spec:
            return chance({a: (float(p), walk(t)) for a, (p, t) in spec["chance"].items()})
        return decision(spec["player"], {a: walk(t) for a, t in spec["actions"].items()}, spec["infoset"])
    return ExtensiveGame(walk(game.to_tree()), game.players)


def pure_behaviours(equilibria):
    """Each equilibrium's behaviour strategy as sorted (infoset, action, probability) triples, rounded."""
    return sorted(repr(sorted((h, a, round(float(p), 6)) for h, plan in eq.behaviour.items() for a, p in plan.items()))
                  for eq in equilibria)


@settings(max_examples=25)
@given(extensive_games(perfect_information=True, max_depth=3), st.integers(-300, 300))
def test_subgame_perfect_equilibria_do_not_depend_on_the_payoff_scale(game, exponent):
    unit = subgame_perfect_equilibria(scaled(game, 1.0))
    assert pure_behaviours(subgame_perfect_equilibria(scaled(game, 10.0 ** exponent))) == pure_behaviours(unit)


@settings(max_examples=15)
@given(extensive_games(zero_sum=True, max_depth=3), st.integers(-300, 300))
def test_the_zero_sum_value_scales_with_the_payoffs(game, exponent):
    scale = 10.0 ** exponent
    unit = sequence_form_equilibria(scaled(game, 1.0))[0]
    big_or_small = sequence_form_equilibria(scaled(game, scale))[0]
    assert np.isclose(big_or_small.payoffs[0] / scale, unit.payoffs[0], rtol=1e-6, atol=1e-9)
