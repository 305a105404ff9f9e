"""Folk-theorem conditions (cybergames/repeated/folk.py): exact ranks, dimension, NEU, the conclusion."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import (NormalFormGame, RepeatedGame, folk_theorem_conditions, noisy_attribution, perfect,
                        prisoners_dilemma, public_goods, public_signal, verify)
from cybergames.repeated.folk import exact_rank
from cybergames.strategies import repeated_games

PD = prisoners_dilemma(5, 3, 1, 0)
probabilities = st.fractions(0, 1, max_denominator=20)


def _attribution(q, r, game=PD):
    return RepeatedGame(game, noisy_attribution(game, q, r))


@given(probabilities, probabilities)
@settings(max_examples=60, deadline=None)
def test_noisy_attribution_has_pairwise_full_rank_iff_detection_differs_from_false_flags(q, r):
    # Fudenberg, Levine & Maskin (1994), Definition 5.4. By hand: at any pure profile the rows of
    # Pi_ij are product distributions over (blame 0, blame 1) with marginals (x, y), (x', y) and
    # (x, y') where {x, x'} = {y, y'} = {r, q}; three such products are independent iff q != r,
    # and if q == r all four rows are one distribution (rank 1 < 3).
    result = folk_theorem_conditions(_attribution(q, r))
    assert result.pairwise_full_rank == (q != r)
    assert result.individual_full_rank == (q != r)
    assert all(record.pairwise_full_rank == (q != r) for record in result.profiles)
    assert result.holds == (q != r)      # the PD's F* is two-dimensional (checked below)
    assert verify(result)


@pytest.mark.parametrize("q, r, full", [(Fraction(4, 5), Fraction(1, 10), True), (1, 0, True),
                                        (Fraction(1, 2), Fraction(1, 2), False), (0, 1, True),
                                        (Fraction(3, 10), Fraction(1, 10), True)])
def test_pairwise_rank_of_attribution_by_hand(q, r, full):
    # The stacked matrix at (C, C), columns (), (0,), (1,), (0, 1), built here by hand; its exact
    # rank is 3 iff its 3 distinct rows are independent, i.e. iff q != r.
    def row(x, y):
        return [(1 - x) * (1 - y), x * (1 - y), (1 - x) * y, x * y]
    hand = exact_rank([row(r, r), row(q, r), row(r, r), row(r, q)])
    assert (hand == 3) == full
    record = next(p for p in folk_theorem_conditions(_attribution(q, r)).profiles if p.profile == ("C", "C"))
    assert record.pairwise == (((0, 1), hand, 3),)


def test_pairwise_full_rank_fails_when_only_that_someone_attacked_is_public():
    # Only "someone attacked" is public: a deviation of player 0 and one of player 1 from (C, C)
    # both give "attack" for sure, so the signals cannot tell who deviated. Two signals span at
    # most 2 < |A_0| + |A_1| - 1 = 3 dimensions: no profile, pure or mixed, has pairwise full rank.
    alarm = public_signal(PD, lambda a: "attack" if "D" in a else "quiet")
    result = folk_theorem_conditions(RepeatedGame(PD, alarm))
    assert not result.pairwise_full_rank and not result.holds
    assert result.pair_bounds == (((0, 1), 2, 3),)
    assert "cannot tell these players' deviations apart" in result.conclusion
    assert not result.covers((Fraction(29, 10), Fraction(29, 10)))
    assert verify(result)


def test_pairwise_full_rank_fails_when_blame_falls_on_both_together():
    # A blame signal that always names both states (the attacker is known to exist, not who):
    # p(blame | a) = q if anyone attacks, r otherwise, and blame always covers both players.
    def both(profile):
        chance = Fraction(4, 5) if "D" in profile else Fraction(1, 10)
        return {("0", "1"): chance, (): 1 - chance}
    from cybergames import Monitoring
    result = folk_theorem_conditions(RepeatedGame(PD, Monitoring(PD, [(), ("0", "1")], both)))
    # At (C, C) each player alone is detected (rank 2 = |A_i|), but the two deviations give the
    # same distribution (rank 2 < 3); at (D, D) a lone return to C changes nothing (rank 1).
    at = {record.profile: record for record in result.profiles}
    assert at[("C", "C")].individual_full_rank and not at[("C", "C")].pairwise_full_rank
    assert not at[("D", "D")].individual_full_rank
    assert not result.pairwise_full_rank and not result.individual_full_rank
    assert "pairwise full rank for players 0 and 1" in result.conclusion


def test_perfect_monitoring_two_players_needs_no_dimension_condition():
    # Fudenberg & Maskin (1986), Theorem 1: with two players every feasible strictly individually
    # rational payoff is an SPE payoff for delta near 1. A game whose payoffs lie on a line (u_1 = u_0):
    # F* is a segment, yet the theorem applies. Minmax by hand: each player can be held to 0.
    line = NormalFormGame([[[2, 0], [0, 1]], [[2, 0], [0, 1]]])
    result = folk_theorem_conditions(RepeatedGame(line))
    assert result.perfect and result.dimension == 1 and not result.neu and result.holds
    assert result.covers((1, 1)) and not result.covers((0, 0))
    assert verify(result)


def test_three_players_with_equivalent_utilities_fail_neu():
    # Abreu, Dutta & Smith (1994): players 0 and 1 have identical payoffs, so NEU fails; F* is then
    # at most two-dimensional (v_0 = v_1), not full-dimensional: no folk theorem for n = 3.
    shape = (2, 2, 2)
    u0 = np.zeros(shape, dtype=int)
    u2 = np.zeros(shape, dtype=int)
    for a in itertools.product(range(2), repeat=3):
        u0[a] = 2 * (a[0] == a[1]) + a[2]
        u2[a] = 3 * (a[2] == a[0]) - a[1]
    game = NormalFormGame([u0, u0.copy(), u2])
    result = folk_theorem_conditions(RepeatedGame(game))
    assert not result.neu and result.dimension <= 2 and not result.holds
    assert "NEU fails" in result.conclusion


def test_three_player_public_goods_under_attribution():
    # A 3-player public-goods game (m = 2, c = 1): contributions 0..3 give per-capita returns; F* is
    # 3-dimensional, and noisy attribution with q != r has pairwise full rank for every pair.
    game = public_goods(3, 2, 1)
    result = folk_theorem_conditions(RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(1, 10))))
    assert result.dimension == 3 and result.pairwise_full_rank and result.holds
    assert [pair for pair, _ in result.pairs] == [(0, 1), (0, 2), (1, 2)]


def test_float_monitoring_uses_a_stated_tolerance():
    result = folk_theorem_conditions(_attribution(0.8, 0.1))
    assert result.tol is not None and result.pairwise_full_rank
    assert not folk_theorem_conditions(_attribution(0.5, 0.5 + 1e-14)).pairwise_full_rank


@given(repeated_games(actions=(2, 3), max_signals=4))
@settings(max_examples=40, deadline=None)
def test_ranks_agree_with_numpy_and_verify(rg):
    # Independent second method: numpy's SVD rank of the same deviation matrices.
    result = folk_theorem_conditions(rg)
    matrix = np.asarray(rg.monitoring.matrix, dtype=float)
    for record in result.profiles:
        index = tuple(rg.stage.action_index(i, a) for i, a in enumerate(record.profile))
        blocks = [np.array([matrix[index[:i] + (k,) + index[i + 1:]] for k in range(rg.stage.shape[i])])
                  for i in range(2)]
        assert record.individual == tuple((np.linalg.matrix_rank(b), b.shape[0]) for b in blocks)
        assert record.pairwise[0][1] == np.linalg.matrix_rank(np.vstack(blocks))
    assert verify(result)
    if rg.is_perfect:
        assert result.pairwise_full_rank and result.individual_full_rank


def test_verify_catches_a_tampered_result():
    import dataclasses
    result = folk_theorem_conditions(_attribution(Fraction(4, 5), Fraction(1, 10)))
    assert not verify(dataclasses.replace(result, holds=False))
    record = result.profiles[0]
    wrong = dataclasses.replace(record, pairwise=(((0, 1), 2, 3),))
    assert not verify(dataclasses.replace(result, profiles=(wrong,) + result.profiles[1:]))
