"""KMRW below mu*: the construction from sets of equilibrium values, where the searches on breakpoints stop."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.reputation import kmrw_equilibrium, kmrw_mixed
from cybergames.reputation import _kmrw_sets
from cybergames.reputation._kmrw_values import _Uncovered

from .test_kmrw_mixed import assert_path_follows_bayes_and_links, brute_force_deviations

C, D = "C", "D"


def test_five_periods_that_need_a_posterior_inside_a_cell_by_hand():
    # Refused before (a = 6/5, b = -1, mu = 4/25, N = 5, Gibbons's normalisation; KMRW 1982, Kreps & Wilson 1982
    # chain-store logic, Fudenberg & Tirole 1991 ch. 9.2). The posteriors of periods 2 and 3 lie inside cells
    # of the shared value functions, not at breakpoints. Derivation, backwards (V_R, V_C: values of the rational
    # ROW and of COL; k periods left):
    # k = 1: both defect; V_R = 0, V_C(p, C) = p a (tit for tat cooperates), V_C(p, D) = 0.
    # k = 2, x = D, p < 5/6: COL's repair gain b + p a < 0, so it defects: V_R = V_C = 0.
    # k = 2, p = 1/2, x = C: the continuation is 0, so the rational ROW defects (reveals, p' = 1); COL's gain
    #   p (1 + a - a - 0) + (1 - p) b = 2p - 1 = 0: COL mixes, q = 1/6, so V_R = q a = 1/5 = a - 1; V_C = p a = 3/5.
    # k = 3, p3 = 104/209, x = C: the rational ROW mixes to 1/2 with COL cooperating; indifferent since
    #   1 + V_R(2, 1/2, C) - a = 0; r = p3 (1 - 1/2) / ((1 - p3) 1/2) = 104/105. COL: pi = p3 / (1/2) = 208/209,
    #   gain pi (1 + 3/5 - 6/5 - 0) - (1 - pi) > 0, so q = 1; V_R = a = 6/5, V_C = pi 8/5 - (1 - pi) = 1659/1045.
    # k = 3, p3, x = D: COL's gain -1 + V_C(2, p3, C) - 0 = -1 + p3 a < 0 (at k = 2, p3 < 1/2: COL defects, V_C = p a):
    #   q = 0, V_R = V_C = 0.
    # k = 4, p4, x = C: both mix to p3. The rational ROW: q (1 + 6/5 - 6/5) + (1 - q)(-1 + 0) = 0 gives q = 1/2,
    #   V_R = q a = 3/5. COL: pi (1 + 1659/1045 - 6/5 - 0) - (1 - pi) = pi 499/209 - 1 = 0 gives pi = 209/499,
    #   p4 = pi p3 = 104/499, r = p4 (1 - p3) / ((1 - p4) p3) = 21/79, V_C = pi (a + 0) = 1254/2495.
    # k = 4, p4, x = D: COL does not repair (its gain is below -1 + V_C(3, p4, C) < 0), V_R = V_C = 0.
    # k = 5, mu = 4/25, x = C: both mix to p4. The rational ROW: q (1 + 3/5 - 6/5) + (1 - q)(-1) = 0 gives
    #   q = 5/7, V_R = q a = 6/7. COL: pi (1 + 1254/2495 - 6/5) - (1 - pi) = pi 650/499 - 1 = 0 gives
    #   pi = 499/650 = mu / p4; r = mu (1 - p4) / ((1 - mu) p4) = 395/546; V_C = pi a = 1497/1625.
    eq = kmrw_equilibrium(Fraction(4, 25), 5, a=Fraction(6, 5), b=-1)
    assert verify(eq).ok and brute_force_deviations(eq) == []
    assert [row.reputation for row in eq.path] == [Fraction(4, 25), Fraction(104, 499), Fraction(104, 209),
                                                   Fraction(1, 2), 1]
    assert [row.rational_mimics for row in eq.path] == [Fraction(395, 546), Fraction(21, 79), Fraction(104, 105),
                                                        0, 0]
    assert [row.column_cooperates for row in eq.path] == [Fraction(5, 7), Fraction(1, 2), 1, Fraction(1, 6), 0]
    assert (eq.rational_value, eq.column_value) == (Fraction(6, 7), Fraction(1497, 1625))


@pytest.mark.parametrize("prior, periods, a, b", [
    pytest.param(Fraction(7, 25), 9, Fraction(7, 5), Fraction(-14, 5), marks=pytest.mark.slow),
    (Fraction(9, 100), 11, 2, -2),
    pytest.param(Fraction(13, 50), 10, Fraction(11, 5), -3, marks=pytest.mark.slow),
    (Fraction(21, 100), 13, Fraction(6, 5), Fraction(-6, 5)),
    # longer games: the value sets hold the last 8 periods, the search on nodes the first ones
    pytest.param(Fraction(2, 25), 25, Fraction(9, 5), Fraction(-9, 5), marks=pytest.mark.slow),
    pytest.param(Fraction(17, 100), 28, Fraction(9, 5), Fraction(-13, 5), marks=pytest.mark.slow),
    # refused before the second set of pieces (degenerate both-mix families, implied pieces dropped): the first
    # set grows past its bound at 8 periods and the search on nodes above it finds nothing
    pytest.param(Fraction(2, 25), 9, Fraction(7, 5), Fraction(-11, 5), marks=pytest.mark.slow),
    pytest.param(Fraction(2, 25), 26, Fraction(7, 5), Fraction(-11, 5), marks=pytest.mark.slow),
])
def test_cases_of_the_coverage_sample_refused_by_the_searches_close(prior, periods, a, b):
    # Refused before by both searches (kmrw_coverage.py, seed 2026); the tree has 4^N histories, so the second
    # method here is the construction's own claims re-checked node by node by verify, plus Bayes' rule along the path.
    eq = kmrw_equilibrium(prior, periods, a, b)
    assert verify(eq).ok and eq.exact
    p = prior
    for row in eq.path:
        assert row.reputation == p
        p = row.after_mimic


@settings(max_examples=25, deadline=None)
@given(st.fractions(Fraction(1, 100), Fraction(99, 100)), st.integers(1, 5),
       st.fractions(Fraction(11, 10), 3), st.fractions(-3, Fraction(-1, 10)), st.booleans(), st.booleans())
def test_property_value_sets_give_an_equilibrium_with_a_bayes_consistent_path(prior, periods, a, b, degenerate,
                                                                               lean):
    # The construction from value sets run on its own (not only where the searches stop): every profile it
    # returns passes one-shot deviation at every history of the tree (brute force), and the path's beliefs follow
    # Bayes' rule from the prior along the recorded links; otherwise it says it found no piece.
    try:
        eq = kmrw_mixed._by_value_sets(prior, periods, a, b, True, degenerate, lean)
    except _Uncovered as exc:
        assert "sets of equilibrium values" in str(exc)
        return
    assert verify(eq).ok and brute_force_deviations(eq) == []
    assert_path_follows_bayes_and_links(eq, prior)


@settings(max_examples=25, deadline=None)
@given(st.fractions(Fraction(11, 10), 3), st.fractions(-3, Fraction(-1, 10)), st.fractions(Fraction(1, 20), 1),
       st.integers(1, 5), st.booleans(), st.booleans(), st.data())
def test_property_every_claim_of_a_piece_holds(a, b, floor, k, degenerate, lean, data):
    # A piece claims: at every reputation p in it and every value w in its interval, an equilibrium of the subgame
    # at (k, p, C) gives the rational ROW w and COL s p + i. Second method: the subgame's profile realised from
    # the piece at a drawn (p, w), checked by verify (Bayes' rule and every one-shot deviation) and its values read.
    pieces = _kmrw_sets.Pieces(a, b, floor, degenerate, lean)     # (with the second set's options or not)
    pieces.build(k)
    level = pieces.levels[k][C]
    if not level:
        return
    index = data.draw(st.integers(0, len(level) - 1))
    lo, hi, ell, h, s, i = level[index][:6]
    p = lo if lo == hi else lo + (hi - lo) * data.draw(st.fractions(Fraction(1, 100), Fraction(99, 100)))
    w = ell + (h - ell) * data.draw(st.sampled_from([0, Fraction(1, 3), 1]))
    pieces.plays = {}
    root = pieces.node(k, p, C, index, w)

    def children_of(node):
        kk, pp = node[:2]
        zero = [pieces.node(kk - 1, Fraction(0), y, None, Fraction(0)) for y in (C, D)]
        return (*zero, *zero) if pp == 0 else (pieces.plays[node][5], pieces.plays[node][6], *zero)
    eq = kmrw_mixed._assemble(p, k, a, b, True, root, lambda node: pieces.plays[node][:5], children_of)
    assert verify(eq).ok
    assert (eq.rational_value, eq.column_value) == (w, s * p + i)


@settings(max_examples=25, deadline=None)
@given(st.fractions(Fraction(1, 100), Fraction(99, 100)), st.integers(3, 5),
       st.fractions(Fraction(11, 10), 3), st.fractions(-3, Fraction(-1, 10)), st.integers(1, 3))
def test_property_node_search_over_value_sets_is_an_equilibrium(prior, periods, a, b, held):
    # Long games: the value sets hold the last periods only and the search on nodes solves the first ones, asking
    # the pieces for the values it needs. Forced here on short games (the sets hold `held` periods): every profile
    # found passes one-shot deviation at every history of the tree (brute force); otherwise a clear refusal.
    held = min(held, periods - 2)
    pieces = _kmrw_sets.Pieces(a, b, prior)
    pieces.build(held)
    try:
        eq = kmrw_mixed._nodes_over_value_sets(prior, periods, a, b, True, pieces, "held fixed")
    except _Uncovered as exc:
        assert "search on nodes above" in str(exc)
        return
    assert verify(eq).ok and brute_force_deviations(eq) == []
    p = prior
    for row in eq.path:
        assert row.reputation == p and row.after_mimic == p / (p + (1 - p) * row.rational_mimics)
        p = row.after_mimic


def test_five_periods_that_need_a_range_of_col_values_at_one_reputation_by_hand():
    # Refused before (a = 2, b = -13/5, mu = 43/100, N = 5; Gibbons's normalisation; KMRW 1982, with the
    # chain-store logic of Kreps & Wilson 1982, Fudenberg & Tirole 1991 ch. 9.2). At k = 4 and p = 13/28 COL is
    # indifferent for *every* posterior p3 in (13/18, 13/14), so COL's value there ranges over an interval while
    # the reputation stays fixed; period 5 needs one value of that range, which depends on mu. Derivation,
    # backwards (V_R, V_C: values of the rational ROW and of COL; k periods left):
    # k = 1: both defect; V_R = 0, V_C(p, C) = 2p, V_C(p, D) = 0.
    # k = 2, x = D: COL's repair gain b + 2p < 0: V_R = V_C = 0. x = C, p > 13/18: the rational ROW reveals and
    #   COL's gain p + (1 - p) b > 0, so it cooperates: V_R = 2, V_C = 3p + (1 - p) b = 28p/5 - 13/5.
    # k = 3, 13/18 < p < 13/14, x = C: the rational ROW mimics and COL cooperates (H = 1 + 2 - 2 > 0; COL's gain
    #   1 + V_C(2, p, C) - 2 > 0): V_R = 3, V_C = 28p/5 - 8/5. x = D: COL's repair gain b + 28p/5 - 13/5 < 0 for
    #   p < 13/14: V_R = V_C = 0.
    # k = 4, p = 13/28, x = C: both mix to any p3 in (13/18, 13/14). The rational ROW: q (1 + 3 - 2) + (1 - q) b = 0
    #   gives q = 13/23 and V_R = 2q = 26/23. COL: pi (1 + 28 p3/5 - 8/5 - 2) + (1 - pi) b = 28 p/5 - 13/5 = 0 at
    #   p = pi p3 = 13/28 whatever p3; V_C = 2 pi = (13/14) / p3, anywhere in (1, 9/7) as p3 moves.
    #   x = D: COL's repair gain b + V_C(3, 13/28, C) < 0: V_R = V_C = 0.
    # k = 5, mu = 43/100, x = C: both mix to p4 = 13/28, pi = mu / p4 = 301/325, r = mu (1 - p4) / ((1 - mu) p4)
    #   = 215/247. The rational ROW: q (1 + 26/23 - 2) + (1 - q) b = 0 gives q = 299/314, V_R = 2q = 299/157. COL
    #   indifferent: pi (1 + c4 - 2) + (1 - pi) b = 0 gives c4 = V_C(4, 13/28, C) = 1817/1505 (inside (1, 9/7)),
    #   so p3 = (13/14) / c4 = 2795/3634 and, at k = 4, r = p4 (1 - p3) / ((1 - p4) p3) = 839/3225; V_C = 2 pi
    #   = 602/325. Brute force over the 4^5 histories re-checks it.
    eq = kmrw_equilibrium(Fraction(43, 100), 5, a=2, b=Fraction(-13, 5))
    assert verify(eq).ok and brute_force_deviations(eq) == []
    assert [row.reputation for row in eq.path] == [Fraction(43, 100), Fraction(13, 28), Fraction(2795, 3634),
                                                   Fraction(2795, 3634), 1]
    assert [row.rational_mimics for row in eq.path][:2] == [Fraction(215, 247), Fraction(839, 3225)]
    assert [row.column_cooperates for row in eq.path] == [Fraction(299, 314), Fraction(13, 23), 1, 1, 0]
    assert (eq.rational_value, eq.column_value) == (Fraction(299, 157), Fraction(602, 325))


def test_a_first_period_realised_at_one_prior_is_not_read_by_a_later_game():
    # realise(N) builds period N at the prior only; a later game that holds period N in full (a longer horizon)
    # must read the full period, not that list (it did, and a node of period N read the wrong piece).
    a, b, prior = Fraction(7, 5), Fraction(-11, 5), Fraction(2, 25)
    pieces = _kmrw_sets.Pieces(a, b, prior)
    pieces.build(2)
    assert pieces.realise(3, prior) is not None
    pieces.build(3)
    for x in (C, D):
        for index, piece in enumerate(pieces.levels[3][x]):
            lo, hi, ell, h, s, i = piece[:6]
            p = lo if lo == hi else (lo + hi) / 2
            pieces.plays = {}
            node = pieces.node(3, p, x, index, ell)
            assert pieces.plays[node][3:5] == (ell, s * p + i)


def test_implied_pieces_are_dropped_and_the_rest_kept():
    # Second method: the definition checked pairwise on a built period (every dropped piece is implied by a kept
    # one: its reputations, ROW interval inside, the same COL values there; no kept piece implied by another).
    a, b, prior = Fraction(7, 5), Fraction(-11, 5), Fraction(2, 25)
    full = _kmrw_sets.Pieces(a, b, prior)
    full.build(6)
    for x in (C, D):
        level = full.levels[6][x]
        kept = _kmrw_sets._implied(level)
        assert len(kept) < len(level)

        def implies(o, p):
            if o is p or not (o[2] <= p[2] and p[3] <= o[3]):
                return False
            if p[0] == p[1]:
                return o[0] < p[0] < o[1] and o[4] * p[0] + o[5] == p[5]
            return o[0] < o[1] and o[0] <= p[0] and p[1] <= o[1] and o[4:6] == p[4:6]
        for p in level:
            if p not in kept:
                assert any(implies(o, p) for o in kept)
        for p in kept:
            assert not any(implies(o, p) and o[:4] != p[:4] for o in kept)


@settings(max_examples=30, deadline=None)
@given(st.fractions(Fraction(1, 100), Fraction(99, 100), max_denominator=100), st.integers(1, 6),
       st.fractions(Fraction(11, 10), 4, max_denominator=20), st.fractions(-4, Fraction(-1, 10), max_denominator=20))
def test_property_short_games_are_never_refused(prior, periods, a, b):
    # Up to 6 periods every input gets a profile (a sequential equilibrium exists for every finite game; the
    # construction finds one for all of 230 random short games tried and the hand-derived cases above), and the
    # profile passes one-shot deviation at every history of the tree (brute force) as well as verify.
    eq = kmrw_equilibrium(prior, periods, a, b)
    assert verify(eq).ok and brute_force_deviations(eq) == []
