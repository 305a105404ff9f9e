"""Scale invariance of the n-player solvers: payoffs times 10**k, from 1e-300 to 1e300.

A Nash equilibrium compares each player's payoffs with her own, so multiplying
every payoff by s > 0 leaves the equilibria unchanged and multiplies their
payoffs by s (Osborne & Rubinstein, *A Course in Game Theory*, 1994, §2.6;
von Neumann-Morgenstern utility is unique up to positive affine maps). The
float game of small integer payoffs is the reference: multiplying by 10**k
keeps every tie between equal payoffs, so the same supports are degenerate.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import sympy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cybergames import NormalFormGame, nash_equilibria, pure_equilibria, verify
from cybergames.equilibria.nplayer import approximate_equilibria, support_enumeration
from cybergames.io import read_nfg
from cybergames.strategies import normal_form_games


def scaled(game, scale):
    return NormalFormGame([np.asarray(p, dtype=float) * scale for p in game.payoffs], game.actions)


def profiles(equilibria):
    return sorted(tuple(np.round(np.concatenate([np.asarray(s, dtype=float) for s in eq.strategies]), 9))
                  for eq in equilibria)


def payoffs(equilibria, scale):
    return sorted(tuple(np.round(np.asarray(eq.payoffs, dtype=float) / scale, 9)) for eq in equilibria)


@settings(max_examples=15, deadline=None)
@given(normal_form_games(players=3, actions=2, min_value=-3, max_value=3), st.integers(-300, 300))
def test_support_enumeration_and_nash_equilibria_do_not_depend_on_the_payoff_scale(game, exponent):
    scale = 10.0 ** exponent
    unit = support_enumeration(scaled(game, 1.0))
    big_or_small = support_enumeration(scaled(game, scale))
    assert profiles(big_or_small) == profiles(unit)
    assert payoffs(big_or_small, scale) == payoffs(unit, 1.0)
    assert (big_or_small.complete, big_or_small.degenerate) == (unit.complete, unit.degenerate)
    assert [(c.support, len(c.samples)) for c in big_or_small.components] == \
        [(c.support, len(c.samples)) for c in unit.components]
    assert verify(big_or_small).ok
    assert profiles(nash_equilibria(scaled(game, scale))) == profiles(unit)


@settings(max_examples=10, deadline=None)
@given(normal_form_games(players=3, actions=2, min_value=-3, max_value=3), st.integers(-300, 300))
def test_approximate_equilibria_have_regret_relative_to_the_payoff_scale(game, exponent):
    # The logit paths run on payoffs divided by each player's scale; near a continuum the points
    # they stop at depend on the last bit of the payoffs, so the lists of the two runs need not be
    # equal. What must hold: every point found at scale s is an equilibrium of the unit game within
    # the same relative tolerance (its regret in the scaled game, divided by s, is at most 1e-9 of
    # the unit game's payoff scale), and the pure equilibria are the same.
    scale = 10.0 ** exponent
    unit = scaled(game, 1.0)
    size = max(float(np.abs(p).max()) for p in unit.payoffs) or 1.0
    found = approximate_equilibria(scaled(game, scale), starts=3)
    assert verify(found).ok
    for eq in found:
        assert max(eq.gains) <= 1e-9 * size * scale
        strategies = [np.asarray(s, dtype=float) for s in eq.strategies]
        for i in range(unit.num_players):
            values = np.asarray(unit.action_payoffs(i, strategies), dtype=float)
            assert values.max() - strategies[i] @ values <= 1e-9 * size
    pure = pure_equilibria(scaled(game, scale))
    assert profiles(pure) == profiles(pure_equilibria(unit))
    assert set(pure) <= set(found)


@settings(max_examples=8, deadline=None)
@given(normal_form_games(players=3, actions=2, min_value=-5, max_value=5, distinct=True), st.integers(-300, 300))
def test_approximate_equilibria_of_a_game_without_ties_are_the_same_at_every_scale(game, exponent):
    # Distinct payoffs per player: no continua, so the points the paths converge to are isolated
    # equilibria and each run lists the same ones (to the precision of the polish).
    scale = 10.0 ** exponent
    unit = approximate_equilibria(scaled(game, 1.0), starts=3)
    big_or_small = approximate_equilibria(scaled(game, scale), starts=3)
    assert len(big_or_small) == len(unit)
    assert np.allclose(profiles(big_or_small), profiles(unit), atol=1e-7)


NAU = """NFG 1 R "2x2x2 Nau" { "" "" "" }
{ { "1" "2" } { "1" "2" } { "1" "2" } } ""
{ { "" 0, 0, 2 } { "" 3, 0, 0 } { "" 0, 3, 0 } { "" 0, 0, 0 }
  { "" 1, 1, 0 } { "" 0, 0, 0 } { "" 0, 0, 0 } { "" 0, 0, 3 } }
1 2 3 4 5 6 7 8
"""


def test_verify_rejects_a_continuum_whose_equations_are_off_at_any_scale():
    # Gambit's catalogue, contrib/games/2x2x2-nau.nfg: a continuum of completely mixed equilibria
    # (a two-dimensional component, not a segment). Shifting one recorded indifference equation by
    # 1e-6 of the payoff scale makes the samples no longer solve it. verify allowed an absolute
    # 1e-9 for payoffs below 1, so at 1e-300 any shift below 1e-9 went unnoticed. At 1e300 the
    # least-squares search for a sample overflowed and the continuum came back without one.
    for scale in (1.0, 1e-300, 1e300):
        game = scaled(read_nfg(NAU), scale)
        continuum = support_enumeration(game).components[-1]
        assert all(len(s) == 2 for s in continuum.support) and len(continuum.samples) == 1
        assert verify(continuum).ok
        wrong = (continuum.equations[0] + sympy.Float(1e-6 * 3 * scale),) + tuple(continuum.equations[1:])
        assert not verify(dataclasses.replace(continuum, equations=wrong)).ok


@settings(max_examples=12, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), min_value=-5, max_value=5, distinct=True), st.integers(-300, 300),
       st.floats(0, 10, allow_subnormal=False))
@example(NormalFormGame([[[-5, -4, -3], [-2, -1, 5], [1, 4, 3]], [[-5, -4, -3], [-2, 1, 0], [-1, 2, 3]]]), -1, 0.0)
def test_qre_of_scaled_payoffs_at_the_divided_precision_is_the_same(game, exponent, lam):
    # The logit response depends on lam * u only (McKelvey & Palfrey 1995, eq. (3)): the game s u
    # at precision lam / s has the QRE of u at lam, and its branch is the branch of u with every
    # precision divided by s. Distinct payoffs: the branch of a degenerate game can end at a
    # bifurcation the path follower refuses (ArithmeticError) at every scale, scale 1 included.
    from cybergames.equilibria import logit_branch, qre_at
    s = 10.0 ** exponent
    unit, other = qre_at(scaled(game, 1.0), lam), qre_at(scaled(game, s), lam / s)
    assert all(np.allclose(a, b, atol=1e-8) for a, b in zip(unit.strategies, other.strategies))
    assert verify(other).ok
    # A decimal scale rounds every payoff, so the path follower takes other steps and first meets the
    # stopping rule (regret <= max_regret times the payoff scale) at another point of the same branch:
    # the end points agree, not the precisions at which they were reached (0.1% apart for
    # u1 = [[-5, -4, -3], [-2, -1, 5], [1, 4, 3]], u2 = [[-5, -4, -3], [-2, 1, 0], [-1, 2, 3]], s = 0.1).
    first, second = logit_branch(scaled(game, 1.0)), logit_branch(scaled(game, s))
    assert second.end == first.end
    assert all(np.allclose(a, b, atol=1e-6) for a, b in zip(first.last.strategies, second.last.strategies))


@settings(max_examples=12, deadline=None)
@given(normal_form_games(players=2, actions=(2, 3), min_value=-5, max_value=5, distinct=True),
       st.integers(-990, 990))
def test_logit_branch_of_binary_scaled_payoffs_is_the_same_path(game, exponent):
    # A power of two scales every float exactly, so lam / s times s u is lam u to the last bit and the
    # branch of s u is the branch of u point by point, every precision divided by s.
    from cybergames.equilibria import logit_branch
    s = 2.0 ** exponent
    first, second = logit_branch(scaled(game, 1.0)), logit_branch(scaled(game, s))
    assert second.end == first.end and len(second.points) == len(first.points)
    assert np.isclose(second.last.lam * s, first.last.lam, rtol=1e-12)
    assert all(np.array_equal(a, b) for a, b in zip(first.last.strategies, second.last.strategies))


@settings(max_examples=10, deadline=None)
@given(normal_form_games(players=2, actions=2, min_value=-3, max_value=3, distinct=True), st.integers(-300, 300),
       st.lists(st.integers(1, 50), min_size=4, max_size=4))
def test_fitted_precision_scales_inversely_with_the_payoffs(game, exponent, counts):
    # The likelihood of observed play depends on lam * u only, so its maximiser for s u is the
    # maximiser for u divided by s (and the standard error with it).
    from cybergames.equilibria import fit_logit
    s = 10.0 ** exponent
    data = [counts[:2], counts[2:]]
    unit, other = fit_logit(scaled(game, 1.0), data), fit_logit(scaled(game, s), data)
    assert np.isclose(other.lam * s, unit.lam, rtol=1e-6, atol=1e-9)
    assert np.isclose(other.log_likelihood, unit.log_likelihood, rtol=1e-9, atol=1e-9)
    assert verify(other).ok
