"""Subgame-perfect equilibria: textbook trees by hand, symbolic thresholds, properties on random trees."""

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings

from cybergames import verify
from cybergames.errors import ExtensiveGameError, ParameterError
from cybergames.extensive import ExtensiveGame, decision, subgame_perfect_equilibria
from cybergames.extensive.classic import selten_horse
from cybergames.strategies import extensive_games


def stackelberg(a, c, leader_grid, follower_grid):
    """Gibbons (1992) §2.1.B: price a - q1 - q2, unit cost c; the leader's quantity is observed."""
    def profit(q, other):
        return q * (a - q - other - c) if q + other <= a else q * (-c)
    return ExtensiveGame(decision("leader", {
        str(q1): decision("follower", {str(q2): (profit(q1, q2), profit(q2, q1)) for q2 in follower_grid})
        for q1 in leader_grid}))


def test_stackelberg_outcome_gibbons_2_1_b():
    # Gibbons, A Primer in Game Theory (1992), §2.1.B: R2(q1) = (a - c - q1)/2 and the leader's
    # quantity is q1* = (a - c)/2, the follower's q2* = (a - c)/4. By hand with a - c = 24:
    # leader on the even grid 0..24, follower on 0..24; the follower's best reply 12 - q1/2 is an
    # integer and unique (strictly concave profit), the leader's q1 (12 - q1/2) peaks at q1 = 12
    # (72; q1 = 10 or 14 give 70), so the unique SPE outcome is (12, 6) with profits (72, 36).
    game = stackelberg(25, 1, range(0, 25, 2), range(0, 25))
    (eq,) = subgame_perfect_equilibria(game)
    assert eq.path == ("12", "6") and eq.payoffs == (72, 36)
    # the follower's plan off the path is her best reply everywhere
    for q1 in range(0, 25, 2):
        assert eq.behaviour[f"follower@{q1}"][str(12 - q1 // 2)] == 1
    assert verify(eq)


def test_ties_give_every_pure_spe():
    # Follower indifferent after the leader's 1 (both replies pay 0): two pure SPEs. With the
    # reply 'a' the leader gets 2 from 1 against 1 from 0: play (1, a); with 'b' she gets 0 and
    # prefers 0: play (0).
    game = ExtensiveGame(decision("L", {"0": (1, 0), "1": decision("F", {"a": (2, 0), "b": (0, 0)})}))
    equilibria = subgame_perfect_equilibria(game)
    assert sorted(eq.path for eq in equilibria) == [("0",), ("1", "a")]
    assert equilibria.complete


def test_symbolic_stackelberg_threshold():
    # The leader commits to a high or a low quantity; profits (by hand, Gibbons §2.1.B, with the
    # follower's best reply to each): high -> (h, f_h), low -> (l, f_l). The follower has one
    # reply each. The SPE choice is "high" exactly when h >= l: the threshold comes out as a condition.
    h, l = sympy.symbols("h l")
    game = ExtensiveGame(decision("leader", {"high": decision("follower", {"reply": (h, 1)}),
                                             "low": decision("follower", {"reply": (l, 2)})}))
    found = {eq.path: eq.condition for eq in subgame_perfect_equilibria(game)}
    assert found == {("high", "reply"): h >= l, ("low", "reply"): l >= h}
    for eq in subgame_perfect_equilibria(game):
        assert verify(eq)


def test_entry_threshold_with_a_symbolic_fighting_cost():
    # Incumbent fights iff -k >= 1 (i.e. k <= -1); entrant enters iff the incumbent accommodates.
    k = sympy.Symbol("k", positive=True)
    game = ExtensiveGame(decision("E", {"Out": (0, 2), "In": decision("I", {"Fight": (-1, -k),
                                                                            "Acc": (1, 1)})}))
    (eq,) = subgame_perfect_equilibria(game)       # -k >= 1 is false for positive k
    assert eq.path == ("In", "Acc") and eq.condition == sympy.true


def test_selten_horse_by_hand():
    # Selten (1975), Figure 1 (no proper subgame, so SPE = Nash). Pure equilibria by hand:
    # (R, R, L): 1 gets 1, L would give 0; 2 gets 1, L would give 0; 3 is not reached.
    # (L, R, R): 1 gets 3, R would give 1; 3 gets 2 against 0; 2 is not reached.
    # Every other pure profile has a profitable deviation (e.g. (R, L, R): 3 prefers L, 1 > 0).
    # Mixed, by hand: with q = P(3 plays L), (R, R, q) needs 2's R (1) >= L (4(1 - q)), q >= 3/4, and
    # 1's R (1) >= L (3(1 - q)); with r = P(2 plays R), (L, r, R) needs 1's L (3) >= R (r + 4(1 - r)),
    # r >= 1/3. So the equilibria form two segments, with extreme points q = 3/4 and r = 1/3 besides
    # the pure ones; three-player games are now solved completely (support enumeration).
    equilibria = subgame_perfect_equilibria(selten_horse())
    found, mixed = set(), set()
    for eq in equilibria:
        assert verify(eq)
        if eq.is_pure:
            found.add(tuple(next(a for a, p in eq.behaviour[h].items() if p == 1) for h in ("1@root", "2@R", "3")))
        else:
            mixed.add(tuple(eq.behaviour[h]["R"] for h in ("1@root", "2@R", "3")))
    assert found == {("R", "R", "L"), ("L", "R", "R")}
    assert mixed == {(1, 1, Fraction(1, 4)), (0, Fraction(1, 3), 1)}
    assert equilibria.complete


def chain_store(markets):
    """Selten's (1978) chain store: in each market an entrant stays out (0, 5) or enters, then the
    store fights (-1, 0) or shares (2, 2); payoffs add up over the markets."""
    def expand(history):
        done = [h for h in history]
        k = sum(1 for h in done if h in ("Out", "Fight", "Share"))
        if k == markets:
            entrant = [0] * markets
            store = 0
            market = 0
            for h in done:
                if h == "Out":
                    store += 5
                    market += 1
                elif h == "Fight":
                    entrant[market] = -1
                    market += 1
                elif h == "Share":
                    entrant[market] = 2
                    store += 2
                    market += 1
            return tuple(entrant) + (store,)
        if done and done[-1] == "In":
            return decision("store", ["Fight", "Share"])
        return decision(f"entrant {k + 1}", ["Out", "In"])
    return ExtensiveGame.from_function(expand, [f"entrant {k + 1}" for k in range(markets)] + ["store"])


def test_chain_store_paradox():
    # Selten (1978): in the last market sharing (2) beats fighting (0), so the entrant enters;
    # by induction the same holds in every market: the unique SPE is enter-and-share everywhere.
    (eq,) = subgame_perfect_equilibria(chain_store(3))
    assert eq.path == ("In", "Share") * 3 and eq.payoffs == (2, 2, 2, 6)


def test_imperfect_information_subgames_are_solved_with_the_stage_solver():
    # A first move, then matching pennies in a subgame: its unique equilibrium mixes 1/2 and pays
    # (0, 0); the outside option pays player 1 Fraction(1, 3) > 0, so player 1 takes it.
    pennies = decision("1", {"H": decision("2", {"h": (1, -1), "t": (-1, 1)}, "g"),
                             "T": decision("2", {"h": (-1, 1), "t": (1, -1)}, "g")}, "pick")
    game = ExtensiveGame(decision("1", {"out": (Fraction(1, 3), 0), "in": pennies}, "start"))
    (eq,) = subgame_perfect_equilibria(game)
    assert eq.behaviour["start"]["out"] == 1 and eq.behaviour["g"]["h"] == Fraction(1, 2)
    assert eq.payoffs == (Fraction(1, 3), 0) and verify(eq)


def test_bad_arguments():
    with pytest.raises(ExtensiveGameError):
        subgame_perfect_equilibria("tree")
    with pytest.raises(ParameterError):
        subgame_perfect_equilibria(selten_horse(), max_equilibria=0)
    game = ExtensiveGame(decision("A", {str(k): decision("B", {"x": (0, 0), "y": (0, 0)}) for k in range(12)}))
    with pytest.raises(ExtensiveGameError, match="max_equilibria"):
        subgame_perfect_equilibria(game, max_equilibria=100)     # 12 * 2^12 pure SPEs
    x = sympy.Symbol("x")
    with pytest.raises(ExtensiveGameError, match="symbolic"):
        subgame_perfect_equilibria(ExtensiveGame(decision("1", {
            "H": decision("2", {"h": (x, 0), "t": (0, 1)}, "g"), "T": decision("2", {"h": (0, 1), "t": (1, 0)}, "g")})))


def _is_nash_of_reduced_form(eq):
    nfg = eq.game.reduced_normal_form()
    mixed = eq.mixed_strategies()
    payoffs = nfg.expected_payoffs(mixed)
    for i in range(nfg.num_players):
        best = max(nfg.action_payoffs(i, mixed))
        if eq.game.kind == "float":
            assert best <= payoffs[i] + 1e-7
        else:
            assert best == payoffs[i]
    assert tuple(payoffs) == pytest.approx(eq.payoffs) if eq.game.kind == "float" else tuple(payoffs) == eq.payoffs


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(extensive_games(max_depth=3, max_actions=2, perfect_information=True, num_players=3))
def test_every_pure_spe_of_a_perfect_information_game_is_nash_and_they_are_all_found(game):
    equilibria = subgame_perfect_equilibria(game)
    assert equilibria and equilibria.complete
    for eq in equilibria:
        assert eq.is_pure and verify(eq)
        _is_nash_of_reduced_form(eq)
    # brute force: every pure behaviour profile that is a Nash equilibrium in every subgame
    from cybergames.extensive.behaviour import deviation_gains, subgame_roots
    roots = subgame_roots(game)
    brute = set()
    for choice in itertools.product(*(range(len(s.actions)) for s in game.infosets)):
        table = [tuple(int(a == c) for a in range(len(s.actions))) for s, c in zip(game.infosets, choice)]
        if all(g <= 0 for r in roots for g in deviation_gains(game, table, r)):
            brute.add(tuple(choice))
    found = {tuple(next(a for a, p in enumerate(eq.table()[h]) if p == 1) for h in range(len(game.infosets)))
             for eq in equilibria}
    assert found == brute


@settings(max_examples=40, deadline=None)
@given(extensive_games(max_depth=3))
def test_every_spe_is_a_nash_equilibrium_of_the_reduced_form(game):
    for eq in subgame_perfect_equilibria(game):
        assert verify(eq)
        _is_nash_of_reduced_form(eq)


@settings(max_examples=20, deadline=None)
@given(extensive_games(max_depth=3, exact=False))
def test_float_games_give_float_spe(game):
    for eq in subgame_perfect_equilibria(game):
        assert verify(eq)
        _is_nash_of_reduced_form(eq)


def test_verify_rejects_a_profile_that_is_not_subgame_perfect():
    # Entry game: (Out, Fight) is Nash but not subgame perfect (fighting costs the incumbent 2).
    from cybergames.extensive.behaviour import make_equilibrium, subgame_roots
    game = ExtensiveGame(decision("E", {"Out": (0, 2), "In": decision("I", {"Fight": (-1, -1), "Acc": (1, 1)})}))
    table = [(1, 0), (1, 0)]
    nash = make_equilibrium(game, table, roots=(0,), method="Nash")
    assert verify(nash) and nash.gains == (0, 0)
    fake = make_equilibrium(game, table, roots=subgame_roots(game), method="subgame perfect: by hand")
    assert fake.gains == (0, 2) and not verify(fake)
