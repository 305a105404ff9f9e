"""KMRW below mu*: the mixed sequential equilibrium, checked by brute force over every history of the game tree."""

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError, ProbabilityError
from cybergames.reputation import cooperation_prior_threshold, kmrw_equilibrium, noncooperation_bound

C, D = "C", "D"


def assert_path_follows_bayes_and_links(eq, prior):
    """The path's beliefs follow Bayes' rule from ``prior`` along the recorded successor links."""
    p, node = prior, eq.states[0].node
    for row in eq.path:
        assert (row.reputation, row.node) == (p, node)
        assert row.after_mimic == p / (p + (1 - p) * row.rational_mimics)
        p = row.after_mimic
        if row.remaining > 1:
            node = row.successors[0 if row.column_cooperates > 0 else 1]


def brute_force_deviations(eq):
    """Every profitable one-shot deviation at every history of the N-period game tree (4^N histories).

    Independent of the solver's state compression: COL's belief at a history is Bayes' rule on the two
    types' likelihoods of that history (tit for tat: 1 if every ROW move copied COL's previous move;
    rational: the product of its recorded mixing probabilities), 0 after a move neither type makes, and it
    must equal the belief recorded at the node the history reaches. Behaviour is the recorded node's: the
    first node at the start, then the recorded links move by move (histories that reach one state may reach
    different nodes). Values are computed by recursion over the tree itself.
    """
    a, b, mu = Fraction(eq.a), Fraction(eq.b), Fraction(eq.prior)
    nodes = {s.node: s for s in eq.states}
    u = {(C, C): (1, 1), (C, D): (b, a), (D, C): (a, b), (D, D): (0, 0)}
    failures = []

    def visit(node, k, lik_tft, lik_rat, x):
        total = lik_tft * mu + lik_rat * (1 - mu)
        p = lik_tft * mu / total if total else Fraction(0)
        s = nodes.get(node)
        if s is None or (s.remaining, Fraction(s.reputation), s.tit_for_tat_move) != (k, p, x):
            failures.append(f"the history reaching belief {p} at k={k}, x={x} leads to node {node}: "
                            f"{None if s is None else (s.remaining, s.reputation, s.tit_for_tat_move)}")
            return Fraction(0), Fraction(0)
        r, q = Fraction(s.rational_mimics), Fraction(s.column_cooperates)
        other = D if x == C else C
        rational = {x: r, other: 1 - r}
        col_prob = {C: q, D: 1 - q}
        child = {}
        for m in (C, D):
            for y in (C, D):
                if k > 1:
                    link = s.successors[(0 if m == x else 2) + (0 if y == C else 1)]
                    child[(m, y)] = visit(link, k - 1, lik_tft * (m == x), lik_rat * rational[m], y)
                else:
                    child[(m, y)] = (0, 0)
        row_q = {m: sum(col_prob[y] * (u[(m, y)][0] + child[(m, y)][0]) for y in (C, D)) for m in (C, D)}
        col_q = {y: p * (u[(x, y)][1] + child[(x, y)][1])
                 + (1 - p) * sum(rational[m] * (u[(m, y)][1] + child[(m, y)][1]) for m in (C, D)) for y in (C, D)}
        for who, qv, prob in (("ROW", row_q, rational), ("COL", col_q, col_prob)):
            best = max(qv.values())
            for move in (C, D):
                if prob[move] > 0 and qv[move] < best:
                    failures.append(f"k={k}, p={p}, x={x}: {who} plays {move} with probability {prob[move]} "
                                    f"but loses {best - qv[move]}")
        return (sum(rational[m] * row_q[m] for m in (C, D)), sum(col_prob[y] * col_q[y] for y in (C, D)))

    row_value, col_value = visit(eq.states[0].node, eq.periods, Fraction(1), Fraction(1), C)
    if row_value != Fraction(eq.rational_value) or col_value != Fraction(eq.column_value):
        failures.append(f"values {(eq.rational_value, eq.column_value)} differ from the tree's {(row_value, col_value)}")
    return failures


def test_three_periods_below_the_threshold_by_hand():
    # Gibbons (1992), ch. 4.3.C payoffs a = 2, b = -1; t2 = -b/(1 - b) = 1/2 = -b/a. Derivation for mu = 1/10,
    # N = 3 (chain-store logic, Kreps & Wilson 1982): at k = 2 COL is indifferent at p = 1/2 after tit for tat's
    # cooperation (p + (1 - p) b = 0) and after a defection (b + p a = 0). At k = 3 the rational ROW mixes so the
    # posterior is 1/2: r = mu (1 - 1/2) / ((1 - mu) 1/2) = mu / (1 - mu) = 1/9, so ROW cooperates with
    # pi = 2 mu. COL: cooperating pays pi (1 + V_C(2, 1/2, C)) + (1 - pi) b = pi (1 + 1) - (1 - pi) = 3 pi - 1
    # (V_C(2, 1/2, C) = p a = 1, its defection value); defecting pays pi (a + max(b + p a, 0)) = 2 pi; so COL
    # defects (pi < 1). The rational ROW is indifferent iff b + V_R(2, 1/2, D) = 0, i.e. COL repairs at (2, 1/2, D)
    # with probability q and q a = 1: q = 1/2. Values: rational ROW 0 (revealing pays 0 now and later),
    # COL 2 pi = 2/5.
    eq = kmrw_equilibrium(Fraction(1, 10), 3, a=2, b=-1)
    first, second, third = eq.path
    assert (first.rational_mimics, first.column_cooperates, first.after_mimic) == (Fraction(1, 9), 0, Fraction(1, 2))
    assert (second.tit_for_tat_move, second.reputation, second.column_cooperates) == (D, Fraction(1, 2), Fraction(1, 2))
    assert (third.tit_for_tat_move, third.rational_mimics, third.column_cooperates) == (C, 0, 0)
    assert eq.rational_value == 0 and eq.column_value == Fraction(2, 5)
    assert eq.mutual_cooperation == 0 and verify(eq).ok and brute_force_deviations(eq) == []


def test_above_the_threshold_both_cooperate_until_two_periods_from_the_end():
    # mu = 3/4 > mu*(2, -1) = 1/2 (Gibbons 1992, ch. 4.3.C): the KMRW profile, cooperation in periods 1..N-2.
    assert cooperation_prior_threshold(2, -1) == Fraction(1, 2)
    eq = kmrw_equilibrium(Fraction(3, 4), 6, a=2, b=-1)
    assert eq.mutual_cooperation == 4 and eq.defection_periods == 2
    assert brute_force_deviations(eq) == [] and verify(eq).ok


@pytest.mark.parametrize("prior", [Fraction(1, 100), Fraction(1, 10), Fraction(1, 4), Fraction(1, 2), Fraction(9, 10)])
@pytest.mark.parametrize("periods", [1, 2, 3, 4, 5])
def test_every_history_passes_one_shot_deviation(prior, periods):
    eq = kmrw_equilibrium(prior, periods, a=2, b=-1)
    assert brute_force_deviations(eq) == []
    assert verify(eq).ok


@settings(max_examples=30, deadline=None)
@given(st.fractions(Fraction(1, 1000), Fraction(999, 1000)), st.integers(1, 5), st.fractions(Fraction(11, 10), 4))
def test_property_equilibrium_by_two_methods_and_bayes_consistent_path(prior, periods, a):
    # The family a + b = 1 (temptation a, sucker's payoff 1 - a), where the construction closes at every state.
    eq = kmrw_equilibrium(prior, periods, a, 1 - a)
    assert verify(eq).ok and brute_force_deviations(eq) == []
    p = prior
    for row in eq.path:                    # the path's beliefs follow Bayes' rule from the prior
        assert row.reputation == p
        assert row.after_mimic == p / (p + (1 - p) * row.rational_mimics)
        p = row.after_mimic


def test_noncooperation_is_bounded_independently_of_the_horizon():
    # KMRW (1982), first model: in every sequential equilibrium the rounds with noncooperation are bounded by a
    # function of mu, not of N (the statement only; the closed form of the constant is not used or checked).
    # Second method: the count computed for every N from 10 to 40 stops growing.
    counts = {N: kmrw_equilibrium(Fraction(1, 10), N, a=2, b=-1).defection_periods for N in range(10, 41, 5)}
    assert len(set(counts.values())) == 1
    assert noncooperation_bound(Fraction(1, 10)) == counts[40]
    # a smaller prior needs more final periods, a larger one fewer
    assert noncooperation_bound(Fraction(1, 100)) > noncooperation_bound(Fraction(1, 10)) \
        > noncooperation_bound(Fraction(1, 3)) >= 2


def test_a_prior_too_small_to_settle_is_refused_after_two_horizons():
    # Found by the fuzz test: at mu = 1e-320 no period of a 40-period game cooperates, so the count equals N
    # and never settles; every horizon from 1 to 40 was solved before the refusal (over 30 s on a loaded machine).
    with pytest.raises(ParameterError, match="N = 40: 40, N = 39: 39"):
        noncooperation_bound(1e-320)


def test_float_input_gives_floats_equal_to_the_exact_answer():
    exact = kmrw_equilibrium(Fraction(1, 8), 7, a=2, b=-1)
    approx = kmrw_equilibrium(0.125, 7, a=2.0, b=-1.0)
    assert all(isinstance(row.reputation, float) for row in approx.path)
    assert [float(x) for x in exact.reputations] == list(approx.reputations)
    assert verify(approx).ok


def test_a_tampered_equilibrium_fails_verification():
    eq = kmrw_equilibrium(Fraction(1, 10), 4, a=2, b=-1)
    states = list(eq.states)
    i = next(j for j, s in enumerate(states) if 0 < s.rational_mimics < 1)
    states[i] = dataclasses.replace(states[i], rational_mimics=Fraction(1))
    assert not verify(dataclasses.replace(eq, states=tuple(states))).ok


def test_bad_input():
    with pytest.raises(ProbabilityError, match="prior"):
        kmrw_equilibrium(0, 5)
    with pytest.raises(ParameterError, match="MAX_REPUTATION_PERIODS"):
        kmrw_equilibrium(Fraction(1, 2), 10**9)
    with pytest.raises(ParameterError, match="a > 1"):
        kmrw_equilibrium(Fraction(1, 2), 5, a=1, b=-1)
    with pytest.raises(ParameterError, match="b < 0"):
        kmrw_equilibrium(Fraction(1, 2), 5, a=2, b=0)


@settings(max_examples=15, deadline=None)
@given(st.fractions(Fraction(1, 100), Fraction(99, 100)), st.integers(1, 4),
       st.fractions(Fraction(11, 10), 3), st.fractions(-3, Fraction(-1, 10)))
def test_property_any_payoffs_an_equilibrium_or_a_clear_refusal(prior, periods, a, b):
    # Outside a + b = 1 the construction may not close; it then raises, and never returns a non-equilibrium.
    try:
        eq = kmrw_equilibrium(prior, periods, a, b)
    except ParameterError as exc:
        assert "no local equilibrium" in str(exc)
        return
    assert verify(eq).ok and brute_force_deviations(eq) == []


@pytest.mark.parametrize("a", [Fraction(5, 4), Fraction(3, 2), 2, 3])
@pytest.mark.parametrize("prior", [Fraction(1, 100), Fraction(1, 3)])
def test_the_construction_closes_on_the_family_a_plus_b_equal_one_at_longer_horizons(a, prior):
    # The documented coverage: with b = 1 - a the two indifference values a - 1 and -b coincide; 30 periods,
    # every reachable state re-checked by verify (the tree has 4^30 histories: the state check is the method here).
    # The count of final periods without sure cooperation has settled by then (24 for a = 3, mu = 1/100, the
    # slowest case here) and stays put when the horizon grows (KMRW's bound).
    eq = kmrw_equilibrium(prior, 30, a, 1 - a)
    assert verify(eq).ok and eq.mutual_cooperation > 0
    assert eq.defection_periods == kmrw_equilibrium(prior, 36, a, 1 - a).defection_periods


@pytest.mark.parametrize("prior, periods, a, b", [
    (Fraction(1, 10), 4, 3, Fraction(-1, 2)),
    (Fraction(11, 20), 6, Fraction(16, 5), Fraction(-9, 5)),
])
def test_states_the_shared_value_functions_leave_open_are_solved_from_the_start(prior, periods, a, b):
    # a + b != 1: the value functions shared by every prior leave a reachable state without a local equilibrium
    # (the rational ROW's posterior must land on a breakpoint where its value is a - 1, and the shared play
    # there gives another value). Second method: brute force over every history. By hand for (3, -1/2, 1/10, 4)
    # (chain-store logic, Kreps & Wilson 1982): at k = 2 COL repairs after a defection iff b + p a >= 0, i.e.
    # p >= -b/a = 1/6, so the rational ROW's value at (k = 3, p, C) jumps at p = 1/6 from 0 to 5/2, past
    # a - 1 = 2. At p = 1/6 it is 2 if the rational ROW mimics, COL defects (its gain 1 + V^C(2, 1/6, C) - a
    # - V^C(2, 1/6, D) = 1 + 1/6 * 3 - 3 - 0 < 0) and then repairs with probability 5/6 at (2, 1/6, D):
    # b + 5/6 * a = -1/2 + 5/2 = 2. So at k = 4 the rational ROW mixes so that the posterior is 1/6 (COL
    # cooperates there: 3/5 * 1 + 2/5 * b > 0), COL defects in period 2 and repairs with probability 5/6 in period 3.
    eq = kmrw_equilibrium(prior, periods, a, b)
    assert verify(eq).ok and brute_force_deviations(eq) == []
    if (a, b) == (3, Fraction(-1, 2)):
        assert [(row.reputation, row.column_cooperates) for row in eq.path[1:3]] == \
            [(Fraction(1, 6), 0), (Fraction(1, 6), Fraction(5, 6))]


def test_a_value_inside_a_span_realised_by_hand():
    # Previously refused (a = 12/5, b = -9/5, mu = 12/25, N = 4). Derivation (Kreps & Wilson 1982 chain-store logic;
    # Gibbons 1992, ch. 4.3.C normalisation). k = 2, x = D: the rational ROW defects; COL repairs iff b + p a >= 0,
    # indifferent at p = -b/a = 3/4, where repairing with probability q' gives the rational ROW q' a: its span is
    # [0, 12/5]. k = 3, p = 27/50, x = C, the rational ROW mixing to p' = 3/4 (pi = (27/50)/(3/4) = 18/25): COL's
    # gain pi (1 + V^C(2, 3/4, C) - a - V^C(2, 3/4, D)) + (1 - pi) b = 18/25 (1 + 21/10 - 12/5 - 0) - 7/25 * 9/5 = 0
    # (V^C(2, 3/4, C) = p (1 + a) + (1 - p) b = 21/10: 3/4 >= t2 = 9/14, COL cooperates), so COL may mix with any q.
    # The rational ROW's gain from mimicking is q (1 + 12/5 - a) + (1 - q)(b + V^R(2, 3/4, D)); its value is q a.
    # At k = 4 it mixes to p' = 27/50 with COL cooperating (COL's gain 8/9 * 41/125 - 1/5 = 103/1125 > 0), which
    # needs V^R(3, 27/50, C) = a - 1 = 7/5: q = 7/12, then 7/12 + 5/12 (b + V^R(2, 3/4, D)) = 0 gives
    # V^R(2, 3/4, D) = 2/5, i.e. COL repairs there with probability (2/5)/a = 1/6. Mixing probabilities
    # r = p (1 - p') / ((1 - p) p'): 92/117 in period 1, 9/23 in period 2. Second method: brute force over histories.
    eq = kmrw_equilibrium(Fraction(12, 25), 4, Fraction(12, 5), Fraction(-9, 5))
    first, second = eq.path[:2]
    assert (first.rational_mimics, first.column_cooperates, first.after_mimic) == \
        (Fraction(92, 117), 1, Fraction(27, 50))
    assert (second.rational_mimics, second.column_cooperates, second.after_mimic) == \
        (Fraction(9, 23), Fraction(7, 12), Fraction(3, 4))
    repair = next(s for s in eq.states if (s.remaining, s.reputation, s.tit_for_tat_move) == (2, Fraction(3, 4), D))
    assert repair.column_cooperates == Fraction(1, 6)
    assert eq.rational_value == Fraction(12, 5)
    assert verify(eq).ok and brute_force_deviations(eq) == []


@settings(max_examples=25, deadline=None)
@given(st.fractions(Fraction(11, 10), 4), st.fractions(Fraction(1, 10), 1), st.data())
def test_property_span_after_a_defection_two_periods_from_the_end(a, share, data):
    # b = -share * a, so that COL's indifference b + p a = 0 after a defection at k = 2 is at p = share < 1 (by hand:
    # repairing costs b now and buys tit for tat's cooperation, worth a, in the last period). There the rational
    # ROW's values over COL's mixing q are q a: the span [0, a]. Each value in it is realised with q = value / a.
    from cybergames.reputation import _kmrw_search, kmrw_mixed
    b = -share * a
    if share == 1:
        return
    solver = kmrw_mixed._solver(a, b, 3)
    assert solver.levels[2].span(share, D) == (0, a)
    want = data.draw(st.fractions(0, a))
    run = _kmrw_search.Run(solver, kmrw_mixed._Uncovered)
    assert next(run.realize(2, share, D, want), "none") is None
    r, q, after, vr, vc = run.fixed[(2, share, D)]
    assert (r, q, after, vr, vc) == (1, want / a, share, want, 0)


@settings(max_examples=40, deadline=None)
@given(st.fractions(Fraction(11, 10), 4), st.fractions(-3, Fraction(-1, 10)), st.sampled_from([0, Fraction(1, 2), 1]),
       st.lists(st.fractions(0, 5), min_size=4, max_size=4), st.booleans())
def test_property_row_range_bounds_every_choice_on_a_grid(a, b, r, ends, indifferent):
    # Second method for the bounds of the rational ROW's values at a state with tit for tat's move C: brute force
    # over a grid of COL's mixing q and the continuation values, keeping the incentive (H >= 0, <= 0, = 0 by r).
    from cybergames.reputation._kmrw_values import _row_range
    span_c, span_d = tuple(sorted(ends[:2])), tuple(sorted(ends[2:]))
    qs = (Fraction(0), Fraction(1)) if indifferent else (Fraction(1), Fraction(1))
    values = _row_range(a, b, r, qs, span_c, span_d)
    grid = [Fraction(i, 6) for i in range(7)]
    for q in ([qs[0]] if qs[0] == qs[1] else grid):
        for vc in (span_c[0] + t * (span_c[1] - span_c[0]) for t in grid):
            for vd in (span_d[0] + t * (span_d[1] - span_d[0]) for t in grid):
                h = q * (1 + vc - a) + (1 - q) * (b + vd)
                if (r == 1 and h < 0) or (r == 0 and h > 0) or (0 < r < 1 and h != 0):
                    continue
                value = q * a + h if r == 1 else q * a
                assert values is not None and min(values) <= value <= max(values)


def test_history_dependent_play_by_hand():
    # Previously refused (a = 7/5, b = -1, mu = 3/10, N = 5): two histories reach the state (k = 2, p = 5/7, x = D)
    # and need different values of the rational ROW there. Derivation (Kreps & Wilson 1982 chain-store logic;
    # Gibbons 1992, ch. 4.3.C normalisation). k = 1: COL defects at (1, p, C) (cooperating pays 2p - 1 < 7p/5),
    # so V^C(1, p, C) = 7p/5, V^R = 0. k = 2, x = D, p = 5/7: COL's gain from repairing is b + V^C(1, 5/7, C) - 0
    # = -1 + 1 = 0, so it repairs with any q', and the rational ROW (defecting) gets q' a: any value in [0, 7/5].
    # k = 2, x = C, p = 5/7: the rational ROW defects, COL cooperates: V^R = a = 7/5, V^C = 5/7 * 12/5 - 2/7 = 10/7.
    # k = 3, mixing to p' = 5/7: COL's gain pi (1 + 10/7 - 7/5 - 0) + (1 - pi) b = 71 pi / 35 - 1 is 0 at
    # pi = 35/71, i.e. p = 5/7 * 35/71 = 25/71. The rational ROW mixes iff q (1 + 7/5 - a) + (1 - q)(b + v) = 0 with
    # v = V^R(2, 5/7, D); its value is q a.
    #   Path: at k = 4, p = 3/10 it mixes to 25/71 (r = 138/175) with COL cooperating (COL's gain
    #   213/250 * 103/355 - 37/250 > 0), which needs V^R(3, 25/71, C) = a - 1 = 2/5: q = 2/7 and
    #   2/7 + 5/7 (v - 1) = 0, so v = 3/5: COL repairs with probability 3/7 at (2, 5/7, D).
    #   Off the path (COL defected in period 1, then cooperated against tit for tat's D in period 2): at
    #   (3, 3/10, C) pi = 21/50 < 35/71, COL defects, and the rational ROW mixes to 5/7 (r = 6/35) only if
    #   b + v = 0: v = 1, COL repairs with probability 5/7 at (2, 5/7, D).
    # One q' at (2, 5/7, D) cannot serve both: 3/7 makes the off-path mixing strictly worse than defecting, 5/7 makes
    # the path's mixing strictly worse than mimicking. k = 5: the rational ROW mimics, worth 1 + V^R(4, 3/10, C)
    # = 1 + 7/5 = 12/5; COL cooperates (1 + 323/250 - 7/5 - 0 > 0), worth 573/250. Second method: brute force over
    # every history (which follows the recorded links, and checks the belief at each node by Bayes' rule).
    eq = kmrw_equilibrium(Fraction(3, 10), 5, Fraction(7, 5), -1)
    assert not eq.markov
    assert [(row.reputation, row.rational_mimics, row.column_cooperates) for row in eq.path[:3]] == \
        [(Fraction(3, 10), 1, 1), (Fraction(3, 10), Fraction(138, 175), 1), (Fraction(25, 71), Fraction(5, 23),
                                                                              Fraction(2, 7))]
    repairs = {s.column_cooperates for s in eq.states if (s.remaining, s.reputation, s.tit_for_tat_move) ==
               (2, Fraction(5, 7), D)}
    assert repairs == {Fraction(3, 7), Fraction(5, 7)}
    path_repair = eq.states[eq.path[2].successors[1]]
    assert (path_repair.reputation, path_repair.column_cooperates) == (Fraction(5, 7), Fraction(3, 7))
    assert eq.rational_value == Fraction(12, 5) and eq.column_value == Fraction(573, 250)
    assert verify(eq).ok and brute_force_deviations(eq) == []


def test_verify_follows_the_links_of_a_history_dependent_profile():
    # The two nodes at (2, 5/7, D) of the case above, swapped on the path: the rational ROW's mixing at (3, 25/71, C)
    # then loses (its gain from mimicking is 2/7 + 5/7 * 0 > 0), and verify says so; a link to a node of the wrong
    # state breaks Bayes' rule and is reported too.
    eq = kmrw_equilibrium(Fraction(3, 10), 5, Fraction(7, 5), -1)
    states = list(eq.states)
    third = eq.path[2]
    on_path = third.successors[1]
    off_path = next(s.node for s in states if (s.remaining, s.reputation, s.tit_for_tat_move) == (2, Fraction(5, 7), D)
                    and s.node != on_path)
    links = list(third.successors)
    links[1] = off_path
    states[third.node] = dataclasses.replace(states[third.node], successors=tuple(links))
    swapped = verify(dataclasses.replace(eq, states=tuple(states)))
    assert not swapped.ok and any("rational ROW gains" in f for f in swapped.failures)
    links[1] = third.successors[0]                          # (2, 5/7, C): the wrong move of tit for tat
    states[third.node] = dataclasses.replace(states[third.node], successors=tuple(links))
    wrong = verify(dataclasses.replace(eq, states=tuple(states)))
    assert not wrong.ok and any("successor after" in f for f in wrong.failures)


@settings(max_examples=20, deadline=None)
@given(st.fractions(Fraction(1, 100), Fraction(99, 100)), st.integers(1, 4),
       st.fractions(Fraction(11, 10), 3), st.fractions(-3, Fraction(-1, 10)))
def test_property_history_dependent_search_is_an_equilibrium_with_a_bayes_consistent_path(prior, periods, a, b):
    # The search on nodes (state, asked value), run on its own (not only where the Markov search stops): every
    # profile it returns passes one-shot deviation at every history of the tree (brute force), and the path's
    # beliefs follow Bayes' rule from the prior along the recorded links.
    from cybergames.reputation import kmrw_mixed
    try:
        eq = kmrw_mixed._history_dependent(prior, periods, a, b, True, kmrw_mixed._solver(a, b, periods, prior))
    except ParameterError as exc:
        assert "history-dependent" in str(exc)
        return
    assert verify(eq).ok and brute_force_deviations(eq) == []
    assert_path_follows_bayes_and_links(eq, prior)


@settings(max_examples=20, deadline=None)
@given(st.fractions(Fraction(11, 10), 4), st.fractions(-3, Fraction(-1, 10)), st.fractions(Fraction(1, 50), 1),
       st.lists(st.fractions(0, 1), min_size=3, max_size=3))
def test_property_levels_built_from_the_prior_up_agree_with_the_full_levels(a, b, floor, spots):
    # A game with prior mu reaches the reputations 0 and p >= mu only, and period k's play at p reads period k - 1
    # at p' >= p only; so the levels built on [mu, 1] carry the full levels' values there. Second method: the
    # levels built on all of [0, 1], compared at their breakpoints and at random reputations above the floor.
    from cybergames.reputation._kmrw_values import _Solver, _Uncovered
    if floor == 1:
        return
    full, part = _Solver(a, b), _Solver(a, b, floor)
    for k in range(1, 5):
        full.build(k)
        part.build(k)
        spots_k = [p for p in full.levels[k].points if p >= floor] + [floor + t * (1 - floor) for t in spots]
        for p in spots_k:
            for x in (C, D):
                try:
                    want = full.levels[k].value(p, x)
                except _Uncovered:
                    continue
                try:
                    got = part.levels[k].value(p, x)
                except _Uncovered:
                    continue                    # (never seen; allowed: uncovered is a refusal, not an answer)
                assert got == want


def test_float_input_of_a_history_dependent_case_gives_floats_near_the_exact_answer():
    # 0.3, 1.4 and -1.0 are converted exactly (0.3 and 1.4 are not 3/10 and 7/5), so the answer is the exact one
    # for those binary fractions, returned as floats: close to the answer for 3/10, 7/5, -1 derived by hand above.
    exact = kmrw_equilibrium(Fraction(3, 10), 5, Fraction(7, 5), -1)
    approx = kmrw_equilibrium(0.3, 5, 1.4, -1.0)
    assert not approx.markov and verify(approx).ok
    assert all(isinstance(row.reputation, float) for row in approx.path)
    assert [row.reputation for row in approx.path] == pytest.approx([float(p) for p in exact.reputations], abs=1e-12)
    assert approx.rational_value == pytest.approx(float(exact.rational_value), abs=1e-12)


def test_verify_reads_states_without_links_by_state():
    # A profile given by its states alone (no node ids or links, one play per state) is still checked: the
    # successors are looked up by (periods left, belief, tit for tat's move). Stripping the links of a Markov
    # profile keeps it an equilibrium; of a history-dependent one, the state no longer says which play follows.
    markov = kmrw_equilibrium(Fraction(1, 10), 6, a=2, b=-1)
    assert markov.markov
    bare = tuple(dataclasses.replace(s, node=0, successors=()) for s in markov.states)
    assert verify(dataclasses.replace(markov, states=bare)).ok
    odd = kmrw_equilibrium(Fraction(3, 10), 5, Fraction(7, 5), -1)
    bare = tuple(dataclasses.replace(s, node=0, successors=()) for s in odd.states)
    check = verify(dataclasses.replace(odd, states=bare))
    assert not check.ok and any("no single successor" in f for f in check.failures)
