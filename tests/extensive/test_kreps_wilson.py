"""Sequential equilibria and Kreps–Wilson consistency: textbook cases by hand, properties on random trees."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ExtensiveGameError, PerfectRecallError
from cybergames.extensive import (ExtensiveGame, chance, check_assessment, decision, read_efg,
                                  sequential_equilibria, weak_perfect_bayesian_equilibria)
from cybergames.extensive.classic import selten_horse
from cybergames.extensive.consistency import node_paths
from cybergames.extensive.kreps_wilson import sample_beliefs
from cybergames.signalling import FrozenMap, to_efg
from cybergames.strategies import extensive_games, signalling_games

HALF = Fraction(1, 2)


def entry_after_chance():
    # Player 1 stays Out (1, 0) or enters; after In chance picks x or y with probability 1/2 and
    # player 2, not seeing which, plays l or r: at x, l -> (0, 2), r -> (2, 0); at y, l -> (0, 0), r -> (2, 3).
    return ExtensiveGame(decision("1", {
        "Out": (1, 0),
        "In": chance({"x": (HALF, decision("2", {"l": (0, 2), "r": (2, 0)}, "2")),
                      "y": (HALF, decision("2", {"l": (0, 0), "r": (2, 3)}, "2"))})}))


def test_weak_pbe_that_is_not_sequential_by_hand():
    # Mas-Colell, Whinston and Green (1995), §9.C: weak PBE puts no restriction on beliefs off the
    # path, sequential equilibrium does. By hand: with mu = mu(In, x), l pays player 2 2 mu and r
    # 3 (1 - mu), so l is optimal iff mu >= 3/5. (Out, l) with mu >= 3/5 is a weak PBE: Out pays 1,
    # In pays 0 against l. But both nodes of player 2's set follow the one tremble In and then
    # chance, so every tremble gives mu = 1/2, where r is strictly better: (Out, l) is not
    # sequential. (In, r): In pays 2 > 1 and on the path mu = 1/2 by Bayes' rule, r optimal.
    game = entry_after_chance()
    weak = {tuple(sorted(eq.behaviour.items())) for eq in weak_perfect_bayesian_equilibria(game)}
    assert weak == {(("1@root", "Out"), ("2", "l")), (("1@root", "In"), ("2", "r"))}
    (eq,) = sequential_equilibria(game)
    assert dict(eq.behaviour) == {"1@root": "In", "2": "r"}
    assert eq.beliefs["2"] == {("In", "x"): HALF, ("In", "y"): HALF} and eq.payoffs == (2, Fraction(3, 2))
    assert verify(eq)
    check = check_assessment(game, {"1@root": "Out", "2": "l"},
                             {"2": {("In", "x"): Fraction(3, 5), ("In", "y"): Fraction(2, 5)}})
    assert check.is_weak_pbe and not check.consistent and not check.holds
    assert check_assessment(game, {"1@root": "Out", "2": "l"}, {"2": {("In", "x"): HALF, ("In", "y"): HALF}}).consistent


def test_selten_horse_sequential_equilibria_by_hand():
    # Selten (1975), Figure 1. Player 3's nodes follow different players' trembles (1's L, 2's L),
    # so every belief there is consistent: orders K(1:L) < K(2:L) put all weight on (L,), the reverse
    # on (R, L), equal orders any ratio. So the sequential equilibria are the weak PBE: (R, R, L)
    # with mu(L) <= 1/3 (L pays 3 mu(R,L) * ... by hand: L gives mu(R,L) * 1, R gives mu(L) * 2).
    game = selten_horse()
    (eq,) = sequential_equilibria(game)
    (weak,) = weak_perfect_bayesian_equilibria(game)
    assert eq.behaviour == weak.behaviour == {"1@root": "R", "2@R": "R", "3": "L"}
    for mu in (Fraction(0), Fraction(1, 5), Fraction(1, 3)):
        assert eq.admits({"3": {("L",): mu, ("R", "L"): 1 - mu}})
        assert check_assessment(game, dict(eq.behaviour), {"3": {("L",): mu, ("R", "L"): 1 - mu}}).holds
    assert not eq.admits({"3": {("L",): Fraction(2, 5), ("R", "L"): Fraction(3, 5)}})
    assert verify(eq)


def coupled_game():
    # Kreps and Wilson (1982), §3 (beliefs at later sets follow from the same trembles): player 1
    # plays Out, A or B; player 2 at {A, B} plays d (end) or c; player 3 at {Ac, Bc} plays u or v.
    return ExtensiveGame(decision("1", {
        "Out": (2, 2, 2),
        "A": decision("2", {"d": (0, 0, 0), "c": decision("3", {"u": (1, 1, 1), "v": (0, 1, 0)}, "3")}, "2"),
        "B": decision("2", {"d": (0, 0, 0), "c": decision("3", {"u": (0, 1, 0), "v": (1, 1, 1)}, "3")}, "2"),
    }))


def test_consistency_ties_beliefs_at_successive_sets_by_hand():
    # By hand: node Ac is reached with eta(A) eta(c) eps^(K(A) + K(c)) and Bc with
    # eta(B) eta(c) eps^(K(B) + K(c)), so mu3(Ac) / mu3(Bc) = mu2(A) / mu2(B) in the limit.
    game = coupled_game()
    behaviour = {"1@root": "Out", "2": "d", "3": "u"}

    def beliefs(p2, p3):
        return {"2": {("A",): p2, ("B",): 1 - p2}, "3": {("A", "c"): p3, ("B", "c"): 1 - p3}}

    assert check_assessment(game, behaviour, beliefs(Fraction(1, 3), Fraction(1, 3))).consistent
    assert check_assessment(game, behaviour, beliefs(Fraction(1), Fraction(1))).consistent
    assert not check_assessment(game, behaviour, beliefs(Fraction(1, 3), HALF)).consistent
    assert not check_assessment(game, behaviour, beliefs(Fraction(1), Fraction(0))).consistent
    # Both are weak-PBE beliefs (Bayes' rule never applies); only consistency tells them apart.
    assert check_assessment(game, behaviour, beliefs(Fraction(1, 3), HALF)).bayes


def test_sequential_equilibria_keep_tied_beliefs_tied():
    # coupled_game by hand: player 2's c pays 1 against d's 0 whatever 3 does, so 2 plays c; Out
    # (2) beats A or B (at most 1). Player 3's u pays mu3(Ac), v pays mu3(Bc). Every profile
    # (Out, c, u or v) is a weak PBE with any beliefs making 3's action optimal; consistency adds
    # mu2(A) = mu3(Ac) (the tie above). So (Out, c, u) needs mu3(Ac) = mu2(A) >= 1/2, (Out, c, v)
    # mu3(Ac) = mu2(A) <= 1/2.
    game = coupled_game()
    found = {eq.behaviour["3"]: eq for eq in sequential_equilibria(game)}
    assert set(found) == {"u", "v"} and all(eq.behaviour["2"] == "c" for eq in found.values())
    assert all(verify(eq) for eq in found.values())

    def beliefs(p2, p3):
        return {"2": {("A",): p2, ("B",): 1 - p2}, "3": {("A", "c"): p3, ("B", "c"): 1 - p3}}

    third, two_thirds = Fraction(1, 3), Fraction(2, 3)
    assert found["u"].admits(beliefs(two_thirds, two_thirds)) and found["u"].admits(beliefs(HALF, HALF))
    assert not found["u"].admits(beliefs(third, third))
    assert found["v"].admits(beliefs(third, third))
    assert not found["v"].admits(beliefs(third, Fraction(1, 4)))      # each in its set, but not tied
    assert not check_assessment(game, dict(found["v"].behaviour), beliefs(third, Fraction(1, 4))).consistent
    for eq in found.values():
        for piece, ties in zip(eq.pieces, eq.ties):
            sample = sample_beliefs(piece, ties)
            assert eq.admits(sample) and check_assessment(game, dict(eq.behaviour), sample).holds


def three_way_game():
    # Player 1: Out (1, 0, 0, 0) or a, b, c. Player 2 at {a, b} plays s or r; player 3 at {(b, s), c}
    # plays t or w; player 4 at {(a, s), (c, t)} plays e or f. Every other payoff is 0.
    zero = (0, 0, 0, 0)
    four = {"e": zero, "f": zero}
    return ExtensiveGame(decision("1", {
        "Out": (1, 0, 0, 0),
        "a": decision("2", {"s": decision("4", four, "4"), "r": zero}, "2"),
        "b": decision("2", {"s": decision("3", {"t": zero, "w": zero}, "3"), "r": zero}, "2"),
        "c": decision("3", {"t": decision("4", four, "4"), "w": zero}, "3"),
    }))


def test_a_tie_of_three_ratios_is_decided_for_given_beliefs_and_refused_for_the_belief_sets():
    # By hand, with Out, s, t played: mu2(b)/mu2(a) = eta(b)/eta(a), mu3(c)/mu3(bs) = eta(c)/eta(b) and
    # mu4(ct)/mu4(as) = eta(c)/eta(a): the third ratio is the product of the first two.
    game = three_way_game()
    behaviour = {"1@root": "Out", "2": "s", "3": "t", "4": "e"}

    def beliefs(p2, p3, p4):      # the probability of each set's second node
        return {"2": {("a",): 1 - p2, ("b",): p2}, "3": {("b", "s"): 1 - p3, ("c",): p3},
                "4": {("a", "s"): 1 - p4, ("c", "t"): p4}}

    # ratios 1 and 2 give 1 * 1 = 1: p4 = 1/2; ratios 1/2 and 3 give 3/2: p4 = 3/5.
    assert check_assessment(game, behaviour, beliefs(HALF, HALF, HALF)).consistent
    assert check_assessment(game, behaviour, beliefs(Fraction(1, 3), Fraction(3, 4), Fraction(3, 5))).consistent
    assert not check_assessment(game, behaviour, beliefs(Fraction(1, 3), Fraction(3, 4), HALF)).consistent
    with pytest.raises(ExtensiveGameError, match="tie the belief ratios"):
        sequential_equilibria(game)


def test_bad_input():
    with pytest.raises(ExtensiveGameError, match="game"):
        sequential_equilibria("game")
    with pytest.raises(ExtensiveGameError, match="max_pieces"):
        sequential_equilibria(selten_horse(), max_pieces=0)
    forgetful = ExtensiveGame(decision("A", {"x": (0,), "y": decision("A", {"x": (1,), "y": (2,)}, "h")}, "h"))
    with pytest.raises(PerfectRecallError, match="perfect recall"):
        sequential_equilibria(forgetful)


def _sample(piece):
    return {label: {n: sum(v[n] for v in s.vertices) / len(s.vertices) for n in s.nodes} for label, s in piece.items()}


@settings(max_examples=30, deadline=None)
@given(extensive_games(num_players=3, max_depth=3, max_actions=2, min_value=0, max_value=3))
def test_sequential_equilibria_are_weak_pbe_and_check_as_sequential(game):
    weak = {eq.behaviour for eq in weak_perfect_bayesian_equilibria(game)}
    for eq in sequential_equilibria(game):
        assert eq.behaviour in weak
        assert verify(eq)
        for piece in eq.pieces:
            beliefs = {**{label: dict(mu) for label, mu in eq.beliefs.items()}, **_sample(piece)}
            assert eq.admits(_sample(piece))
            assert check_assessment(game, dict(eq.behaviour), beliefs).holds


@st.composite
def staged_games(draw):
    """Trees whose information sets reach across subtrees, so that trembles tie beliefs together:
    player 1 stays Out or takes one of 2-3 entries (2 when each is followed by a chance move); player 2
    sees none of it and plays c or d; after c, player 3, who also sees nothing, plays u or v."""
    payoff = st.integers(0, 3)
    with_chance = draw(st.booleans())
    entries = [f"e{i}" for i in range(2 if with_chance else draw(st.integers(2, 3)))]

    def leaf():
        return (draw(payoff), draw(payoff), draw(payoff))

    def stage():
        return decision("2", {"c": decision("3", {"u": leaf(), "v": leaf()}, "3"), "d": leaf()}, "2")

    def entry():
        if not with_chance:
            return stage()
        weight = draw(st.integers(1, 3))
        return chance({"x": (Fraction(weight, 4), stage()), "y": (Fraction(4 - weight, 4), stage())})

    return ExtensiveGame(decision("1", {"Out": leaf(), **{e: entry() for e in entries}}))


@st.composite
def trembled_assessments(draw, games=None):
    """A random tree, a pure profile, orders K in 1..3 and weights in 1..4 for the actions it does not
    take, and the beliefs those trembles give in the limit, computed here from the definition."""
    if games is None:
        games = st.one_of(extensive_games(num_players=2, max_depth=4, max_actions=2, min_value=0, max_value=2),
                          staged_games())
    game = draw(games)
    pick = {s.label: draw(st.sampled_from(s.actions)) for s in game.infosets}
    table = [tuple(1 if a == pick[s.label] else 0 for a in s.actions) for s in game.infosets]
    orders = {(h, a): draw(st.integers(1, 3)) for h, s in enumerate(game.infosets) for a in range(len(s.actions))}
    weights = {key: draw(st.integers(1, 4)) for key in orders}
    paths = node_paths(game, table)
    beliefs = {}
    for infoset in game.infosets:
        live = [n for n in infoset.nodes if paths[n][1] != 0]
        if not live:
            beliefs[infoset.label] = {game.nodes[infoset.nodes[0]].history: 1}
            continue
        order = {n: sum(orders[p] for p in paths[n][0]) for n in live}
        low = min(order.values())
        mass = {n: paths[n][1] * Fraction(1) for n in live if order[n] == low}
        for n in mass:
            for p in paths[n][0]:
                mass[n] *= weights[p]
        total = sum(mass.values())
        beliefs[infoset.label] = {game.nodes[n].history: mass.get(n, 0) / total for n in infoset.nodes}
    return game, pick, beliefs


@settings(max_examples=60, deadline=None)
@given(trembled_assessments())
def test_beliefs_made_by_trembles_are_consistent(case):
    game, pick, beliefs = case
    check = check_assessment(game, pick, beliefs)
    assert check.consistent and check.bayes and check.orders is not None


@settings(max_examples=40, deadline=None)
@given(trembled_assessments(), st.integers(0, 10**6))
def test_moving_a_fixed_ratio_breaks_consistency(case, seed):
    # Where two believed nodes follow the very same trembles, their ratio is fixed; moving weight
    # between them must be caught.
    game, pick, beliefs = case
    table = [tuple(1 if a == pick[s.label] else 0 for a in s.actions) for s in game.infosets]
    paths = node_paths(game, table)
    for infoset in game.infosets:
        mu = beliefs[infoset.label]
        pairs = [(x, y) for x, y in itertools.combinations(infoset.nodes, 2)
                 if paths[x][0] == paths[y][0] and mu.get(game.nodes[x].history, 0) > 0
                 and mu.get(game.nodes[y].history, 0) > 0]
        if pairs:
            x, y = pairs[seed % len(pairs)]
            hx, hy = game.nodes[x].history, game.nodes[y].history
            shift = min(mu[hx], mu[hy]) / 2
            moved = {**mu, hx: mu[hx] + shift, hy: mu[hy] - shift}
            assert not check_assessment(game, pick, {**beliefs, infoset.label: moved}).consistent
            return


@settings(max_examples=30, deadline=None)
@given(signalling_games(max_types=3, max_messages=2, max_actions=2))
def test_in_signalling_games_every_weak_pbe_is_sequential(sg):
    # Each receiver node follows one type's own message, a different tremble per node: every belief
    # off the path is consistent, so the pure sequential equilibria are the pure (weak) PBE.
    game = read_efg(to_efg(sg))
    assert {eq.behaviour for eq in sequential_equilibria(game)} == \
        {eq.behaviour for eq in weak_perfect_bayesian_equilibria(game)}


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(staged_games())
def test_sequential_equilibria_of_staged_games_check_as_sequential(game):
    weak = {eq.behaviour for eq in weak_perfect_bayesian_equilibria(game)}
    for eq in sequential_equilibria(game):
        assert eq.behaviour in weak and verify(eq)
        for piece, ties in zip(eq.pieces, eq.ties):
            sample = sample_beliefs(piece, ties)
            assert eq.admits(sample)
            assert check_assessment(game, dict(eq.behaviour), {**dict(eq.beliefs), **sample}).holds


@settings(max_examples=40, deadline=None)
@given(staged_games())
def test_in_staged_games_player_3_repeats_player_2s_beliefs(game):
    # By hand: when Out is played and 2 plays c, the node (e, c) of player 3 follows the trembles of
    # (e) and nothing else, so mu3((e, c)) = mu2((e)) at every entry node; any other mu3 is inconsistent.
    behaviour = {"1@root": "Out", "2": "c", "3": "u"}
    nodes2 = [game.nodes[n].history for n in game.infoset("2").nodes]
    weight = {e: Fraction(k + 1) for k, e in enumerate(sorted({h[0] for h in nodes2}))}
    mu2 = {h: weight[h[0]] * (game.nodes[game.nodes[n].parent].probabilities[game.nodes[game.nodes[n].parent]
                                                                          .children.index(n)]
                              if len(h) == 2 else 1) for h, n in zip(nodes2, game.infoset("2").nodes)}
    total = sum(mu2.values())
    mu2 = {h: v / total for h, v in mu2.items()}
    same = {h + ("c",): v for h, v in mu2.items()}
    assert check_assessment(game, behaviour, {"2": mu2, "3": same}).consistent
    shifted = dict(same)
    first, last = nodes2[0] + ("c",), nodes2[-1] + ("c",)
    shifted[first], shifted[last] = same[first] + same[last] / 2, same[last] / 2
    assert not check_assessment(game, behaviour, {"2": mu2, "3": shifted}).consistent


def test_myersons_figure_4_2_by_hand():
    # Myerson, Game Theory (1991), Figure 4.2 (as in Gambit's myerson_fig_4_2.efg): player 1 plays A1
    # or B1; player 2, not seeing which, plays W2 or X2; after A1 player 1 moves again without seeing
    # 2's move: Y1 or Z1. Payoffs: A1 W2 Y1 (3, 0), A1 W2 Z1 (0, 0), A1 X2 Y1 (2, 3), A1 X2 Z1 (4, 1),
    # B1 W2 (2, 3), B1 X2 (3, 2).
    # By hand: (B1, W2, Z1) is a weak PBE: B1 pays 2 > 0; 2's W2 pays 3 > 2 at B1; 1's second set is
    # off the path and Z1 pays 4(1 - mu) >= 3 mu + 2(1 - mu) iff mu = mu(A1 W2) <= 2/5. But node
    # (A1, X2) also needs 2's tremble to X2, so it has the higher order: consistency forces mu = 1,
    # where Y1 pays 3 > 0. Not sequential. (A1, X2, Z1) is: 4 > 3 for player 1, X2 pays 1 > 0, Z1 4 > 2.
    game = ExtensiveGame(decision("1", {
        "A1": decision("2", {"W2": decision("1", {"Y1": (3, 0), "Z1": (0, 0)}, "1b"),
                             "X2": decision("1", {"Y1": (2, 3), "Z1": (4, 1)}, "1b")}, "2"),
        "B1": decision("2", {"W2": (2, 3), "X2": (3, 2)}, "2")}, "1a"))
    weak = {eq.behaviour: eq for eq in weak_perfect_bayesian_equilibria(game)}
    assert set(weak) == {FrozenMap({"1a": "A1", "2": "X2", "1b": "Z1"}), FrozenMap({"1a": "B1", "2": "W2", "1b": "Z1"})}
    off = weak[FrozenMap({"1a": "B1", "2": "W2", "1b": "Z1"})].beliefs["1b"]
    assert sorted(v[("A1", "W2")] for v in off.vertices) == [0, Fraction(2, 5)]
    (eq,) = sequential_equilibria(game)
    assert dict(eq.behaviour) == {"1a": "A1", "2": "X2", "1b": "Z1"} and verify(eq)
    check = check_assessment(game, {"1a": "B1", "2": "W2", "1b": "Z1"},
                             {"2": {("A1",): 0, ("B1",): 1}, "1b": {("A1", "W2"): Fraction(1, 5), ("A1", "X2"): Fraction(4, 5)}})
    assert check.is_weak_pbe and not check.consistent
