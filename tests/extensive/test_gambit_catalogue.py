"""Agreement with pygambit 17 on Gambit's test and contributed .efg files, and Gambit's large-payoff game.

The files are fetched by ``tests/extensive/data/gambit/fetch.py`` (they are Gambit's and not
shipped, see the README there); without them the per-file tests skip. Each file goes to one test by
what pygambit reads in it:

* two players, perfect recall: the realisation plans of pygambit's ``enummixed_solve`` equilibria on
  the reduced strategic form, and of its ``lcp_solve`` equilibria, must all be among the realisation
  plans of our sequence-form enumeration, exactly (both sides rational);
* two players, imperfect recall: on the reduced strategic form. pygambit's own reduced form
  (``Game.to_arrays``) is first matched with ours strategy by strategy (each of pygambit's reduced
  strategies names the action it takes at each information set it reaches, and so does ours) and
  the two payoff tables are asserted equal under that matching; then the extreme equilibria of
  pygambit's ``enummixed_solve`` must be exactly ours, and every equilibrium of its ``lcp_solve`` and
  (zero-sum) ``lp_solve`` must have zero gains by our exact arithmetic and lie in one of our maximal
  Nash subsets (an exact LP for the convex hull); the two files beyond ``cybergames.limits`` are
  enumerated with those bounds raised for the call (``RAISED_LIMITS``);
* one player: pygambit's ``enumpure_solve`` optimal strategies must be exactly our pure equilibria;
* three or more players: each equilibrium of pygambit's ``enumpoly_solve`` (on the tree and on the
  strategic form) and ``gnm_solve``, in floats, must be within ``TOL`` (max-norm, per probability) of
  one of our exact ``support_enumeration`` equilibria, or on a segment we report, or, when our set
  reports a continuum, satisfy that continuum's equations within ``TOL`` with regret at most ``TOL``
  times the payoff scale by our payoffs. Conversely, where enumpoly_solve returns equilibria, each of
  our equilibria that solve no reported continuum's equations with their support inside its support
  (so are isolated, see ``_isolated``) must be within ``TOL`` of one of them: enumpoly lists isolated
  equilibria and skips continua.

Ours are each verified exactly. pygambit's floats are never asserted beyond these containments.
Files on which a side needs more than a few seconds are marked ``slow``; pygambit calls that do not
finish in 100 s of CPU time (measured alone in a subprocess under ``ulimit -t 100``) are skipped by name
with that measurement. The tests assert no timings.
"""

import contextlib
import functools
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy

import cybergames.limits
from cybergames import lemke_howson, nash_equilibria, support_enumeration, verify
from cybergames.equilibria._exact_lp import maximise
from cybergames.errors import GameError
from cybergames.extensive import ExtensiveGame, chance, decision, read_efg, sequence_form_equilibria
from cybergames.extensive.behaviour import make_equilibrium, realisation_plans
from cybergames.extensive.forms import reduced_strategies

try:
    import pygambit
except ImportError:                            # the crosscheck extra is not installed
    pygambit = None

FILES = sorted((Path(__file__).parent / "data" / "gambit" / "files").glob("*.efg"))
NOT_FETCHED = "Gambit's files are not fetched (tests/extensive/data/gambit/fetch.py)"

#: Tolerance of the float comparisons with pygambit's enumpoly_solve and gnm_solve (three or more
#: players): per probability, and for regret relative to the largest absolute payoff.
TOL = 1e-6


def _category(path):
    """Which comparison a file goes to, by what pygambit reads in it."""
    try:
        game = pygambit.read_efg(str(path))
    except ValueError:                         # duplicate node or infoset labels, Gambit's XML wrapper
        return "unreadable"
    players = len(game.players)
    if players == 2:
        return "sequence form" if game.is_perfect_recall else "reduced form"
    return "one player" if players == 1 else "n players"


CATEGORY = {p.name: _category(p) for p in FILES} if pygambit is not None and hasattr(pygambit, "H") else {}

#: Files on which pygambit's enummixed_solve takes seconds (measured, 2-core machine, pygambit 17.0.0b2).
SLOW = {
    "2_player_chance.efg": "pygambit enummixed_solve about 22 s",
    "2_player_chance_nonterm_outcomes_and_missing_term_outcomes.efg": "pygambit enummixed_solve about 20 s",
    "2smp.efg": "pygambit enummixed_solve about 5 s",
    "w_ex2.efg": "pygambit enummixed_solve about 5 s",
}

M = 10**19


def large_payoff_game():
    # Gambit's tests/test_games/large_payoff_game.efg, built from its description: chance picks L or R
    # with probability 1/2; player 1 sees it and plays A or B; player 2 sees only 1's move and plays
    # X or Y. Player 1's payoffs (zero-sum): L: AX = M, AY = 1, BX = -1, BY = 0;
    # R: AX = -1, AY = 1, BX = 0, BY = M, with M = 10^19.
    def move(state, table):
        return decision("1", {a: decision("2", {b: (table[a + b], -table[a + b]) for b in "XY"}, infoset=f"2:{a}")
                              for a in "AB"}, infoset=f"1:{state}")
    return ExtensiveGame(chance({
        "L": (Fraction(1, 2), move("L", {"AX": M, "AY": 1, "BX": -1, "BY": 0})),
        "R": (Fraction(1, 2), move("R", {"AX": -1, "AY": 1, "BX": 0, "BY": M}))}), ["1", "2"])


def _assert_large_payoff_equilibria(game, one_a, two_a, two_b):
    # By hand: A at both states guarantees player 1 the payoff 1 if 2 answers A with Y; then, with
    # belief 1/2 on each node after A, X costs player 2 (M - 1)/2 > 1, so Y is optimal. Deviating to B
    # at L gives -q <= 0 (q = Pr(X after B)); at R it gives (1 - q) M, at most 1 iff q >= 1 - 1/M.
    # So the equilibria are (A, A; Y; X with q in [1 - 1/M, 1]), value 1, with two extreme points.
    ours = sequence_form_equilibria(game, method="enumeration")
    assert ours.complete and all(verify(eq) for eq in ours)
    assert {eq.payoffs for eq in ours} == {(1, -1)}
    assert sorted(eq.behaviour[two_b]["X"] for eq in ours) == [1 - Fraction(1, M), 1]
    assert all(eq.behaviour[s]["A"] == 1 for eq in ours for s in one_a) and \
        all(eq.behaviour[two_a]["Y"] == 1 for eq in ours)
    (lp,) = sequence_form_equilibria(game, method="lp")
    assert lp.payoffs == (1, -1) and verify(lp)


def test_the_large_payoff_game_is_solved_exactly():
    _assert_large_payoff_equilibria(large_payoff_game(), ("1:L", "1:R"), "2:A", "2:B")


def _plans(game, table):
    return tuple(tuple(sorted(plan.items(), key=repr)) for plan in realisation_plans(game, table))


def _one_equilibrium_each(game, theirs_game):
    """Games too large to enumerate: ours from the sequence form is verified, and pygambit's sequence-form
    Lemke equilibrium is an equilibrium by our exact deviation gains (nobody gains by deviating)."""
    (ours,) = sequence_form_equilibria(game, method="lp" if game.is_zero_sum else "lemke")
    assert verify(ours)
    theirs = pygambit.nash.lcp_solve(theirs_game, rational=True).equilibrium
    if theirs is not None:
        checked = make_equilibrium(game, _their_table(game, theirs), roots=(0,), method="pygambit")
        assert all(gain <= 0 for gain in checked.gains), checked.gains


def _their_table(game, profile):
    behaviour = profile.as_behavior() if hasattr(profile, "as_behavior") else profile
    table = []
    for infoset in game.infosets:
        mixed = dict(behaviour[pygambit.H.path(*game.nodes[infoset.nodes[0]].history)])
        table.append(tuple(Fraction(str(mixed[a])) for a in infoset.actions))
    return table


def _files(category, slow=()):
    return [pytest.param(p, id=p.name, marks=[pytest.mark.slow] if p.name in slow else [])
            for p in FILES if CATEGORY.get(p.name) == category]


@pytest.mark.skipif(not FILES, reason=NOT_FETCHED)
@pytest.mark.parametrize("path", _files("unreadable"))
def test_the_files_pygambit_cannot_read_are_outside_the_comparison(path):
    # Duplicate node or infoset labels within a player, or Gambit's XML wrapper (4cards.efg).
    with pytest.raises(ValueError):
        pygambit.read_efg(str(path))


@pytest.mark.skipif(not FILES, reason=NOT_FETCHED)
@pytest.mark.parametrize("path", _files("sequence form", SLOW))
def test_sequence_form_equilibria_contain_pygambits(path):
    theirs_game = pygambit.read_efg(str(path))
    game = read_efg(path)
    try:
        ours = sequence_form_equilibria(game, method="enumeration")
    except GameError as exc:                   # too large to enumerate: one certified equilibrium each
        assert "cybergames.limits" in str(exc)
        _one_equilibrium_each(game, theirs_game)
        return
    assert ours.complete and all(verify(eq) for eq in ours)
    our_plans = {_plans(game, eq.table()) for eq in ours}
    mixed = pygambit.nash.enummixed_solve(theirs_game, rational=True).equilibria
    assert {_plans(game, _their_table(game, eq)) for eq in mixed} <= our_plans
    for use_strategic in (False, True):        # on the sequence form, and on the reduced strategic form
        try:
            lcp = pygambit.nash.lcp_solve(theirs_game, rational=True, use_strategic=use_strategic)
        except RuntimeError:                   # pygambit's failure (large_payoff_game.efg), not ours
            continue
        found = lcp.equilibria if use_strategic else [e for e in (lcp.equilibrium,) if e is not None]
        assert {_plans(game, _their_table(game, eq)) for eq in found} <= our_plans
    if game.is_zero_sum:
        (value,) = {eq.payoffs[0] for eq in sequence_form_equilibria(game, method="lp")}
        lp = pygambit.nash.lp_solve(theirs_game, rational=True).equilibrium
        assert Fraction(str(lp.payoffs[list(theirs_game.players)[0]])) == value
    if path.name == "large_payoff_game.efg":
        assert not mixed                       # pygambit finds nothing; we find both extreme points
        _assert_large_payoff_equilibria(game, ("1:1", "1:2"), "2:1", "2:2")


# ---------------------------------------------------------------- the reduced strategic form

def _strategy_maps(game, theirs_game):
    """For each player, the index of our reduced strategy that each of pygambit's strategies is.

    pygambit's strategy names the action it takes at each of the player's information sets that it
    leaves reachable (``get_behavior``); ours does the same (``reduced_strategies``). A match must
    agree at every information set, reachable or not, be unique, and the matching must be one-to-one.
    """
    maps = []
    for i, player in enumerate(game.players):
        ours, _ = reduced_strategies(game, i)
        mine = [h for h, infoset in enumerate(game.infosets) if infoset.player == i]
        index = []
        for label in theirs_game.get_strategies(player):
            behaviour = theirs_game.get_behavior(player, label)
            moves = {h: behaviour.get(pygambit.H.path(*game.nodes[game.infosets[h].nodes[0]].history))
                     for h in mine}
            matches = [k for k, strategy in enumerate(ours)
                       if all(moves[h] == (game.infosets[h].actions[strategy[h]] if h in strategy else None)
                              for h in mine)]
            assert len(matches) == 1, (player, label, moves, matches)
            index.append(matches[0])
        assert sorted(index) == list(range(len(ours))), (player, index)
        maps.append(index)
    return maps


def _assert_same_tables(form, theirs_game, maps):
    """pygambit's reduced strategic form is ours, strategy for strategy, exactly."""
    arrays = theirs_game.to_arrays()
    assert arrays[0].shape == form.shape
    for profile in np.ndindex(*arrays[0].shape):
        mapped = tuple(maps[i][k] for i, k in enumerate(profile))
        for i, array in enumerate(arrays):
            assert Fraction(str(array[profile])) == form.payoffs[i][mapped], (profile, i)


def _mapped(theirs_game, profile, maps, convert):
    """pygambit's mixed strategy profile as ours: each probability moved to the strategy it matches."""
    result = []
    for i, player in enumerate(theirs_game.players):
        mixed = [convert(0)] * len(maps[i])
        for k, label in enumerate(theirs_game.get_strategies(player)):
            mixed[maps[i][k]] += convert(profile[player][label])
        result.append(tuple(mixed))
    return tuple(result)


def _values(payoff, profile, i):
    """The expected payoff of each of player i's pure strategies against the others' mixtures."""
    values = np.asarray(payoff, dtype=object)
    for j in reversed(range(len(profile))):    # the last axes first, so the earlier ones keep their place
        if j != i:
            values = np.tensordot(values, np.asarray(profile[j], dtype=object), axes=([j], [0]))
    return values


def _gains(form, profile):
    """Each player's best-deviation gain at ``profile``, in the arithmetic of the numbers given."""
    gains = []
    for i, payoff in enumerate(form.payoffs):
        values = _values(payoff, profile, i)
        gains.append(max(values) - sum(v * p for v, p in zip(values, profile[i])))
    return tuple(gains)


def _in_a_subset(profile, subsets):
    """Whether each player's part of ``profile`` is a convex combination of the extreme mixed actions
    of one maximal Nash subset (exact LP feasibility)."""
    for subset in subsets:
        if all(maximise([0] * len(vertices), A_eq=[[v[k] for v in vertices] for k in range(len(x))]
                        + [[1] * len(vertices)], b_eq=list(x) + [1], exact=True) is not None
               for x, vertices in zip(profile, subset.actions)):
            return True
    return False


#: (file, pygambit solver) on the reduced strategic form that do not finish within 100 s (measured,
#: pygambit 17.0.0b2, on a 2-core machine under a load of about 12; CPU time limited with ulimit -t).
#: Ours solves each of these in under a second, or refuses it (beyond cybergames.limits).
REDUCED_TIMEOUT = {
    ("noPR-action-big-AM.efg", "enummixed"): "pygambit's enummixed_solve did not finish in 900 s (4x64 strategies)",
    ("subgame-8-roots.efg", "enummixed"): "pygambit's enummixed_solve exceeded 100 s of CPU time (29x24)",
    ("subgame_roots_finder_overlapping_infosets_with_Nature.efg", "enummixed"):
        "pygambit's enummixed_solve exceeded 100 s of CPU time (41x23)",
    ("subgame-roots-finder-multiple-roots-and-merge.efg", "enummixed"):
        "pygambit's enummixed_solve exceeded 100 s of CPU time (28x7)",
    ("subgames.efg", "enummixed"): "pygambit's enummixed_solve exceeded 100 s of CPU time (28x7)",
    ("subgame_roots_finder_small_subgames_and_overlapping_infosets.efg", "enummixed"):
        "pygambit's enummixed_solve exceeded 100 s of CPU time (28x10)",
}


#: Files whose reduced forms are beyond the bounds of cybergames.limits that nash_equilibria checks
#: (both sides above MAX_MIXED_ACTIONS = 16; the exact enumeration's worst-case vertex count, a
#: McMullen-type bound of 2e10 and 2e12, above MAX_EXACT_VERTICES), solved with those bounds raised
#: for the one call: both take about a second of CPU time (2-core machine) and are complete.
RAISED_LIMITS = {
    "subgame-8-roots.efg": dict(MAX_MIXED_ACTIONS=29, MAX_EXACT_VERTICES=10**11),                  # 29x24
    "subgame_roots_finder_overlapping_infosets_with_Nature.efg":                                    # 41x23
        dict(MAX_MIXED_ACTIONS=41, MAX_HULL_DIMENSION=41, MAX_EXACT_VERTICES=10**13),
}


@contextlib.contextmanager
def _raised_limits(**bounds):
    """cybergames.limits with ``bounds`` set, restored afterwards (the override its docstring names)."""
    saved = {name: getattr(cybergames.limits, name) for name in bounds}
    try:
        for name, value in bounds.items():
            setattr(cybergames.limits, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(cybergames.limits, name, value)


@functools.lru_cache(maxsize=None)
def _reduced(path):
    """Our reduced form and equilibria, matched with pygambit's reduced form (asserted equal)."""
    theirs_game = pygambit.read_efg(str(path))
    game = read_efg(path)
    form = game.reduced_normal_form()
    maps = _strategy_maps(game, theirs_game)
    _assert_same_tables(form, theirs_game, maps)
    try:
        ours = nash_equilibria(form)
    except GameError as exc:                   # beyond cybergames.limits: both sides have many strategies
        assert "cybergames.limits" in str(exc)
        ours = None
        if path.name in RAISED_LIMITS:         # the documented override, for this one call
            with _raised_limits(**RAISED_LIMITS[path.name]):
                ours = nash_equilibria(form)
    # pygambit refuses imperfect recall on the tree: its solvers get its reduced strategic form.
    return theirs_game, form, maps, ours, pygambit.StrategicGame.from_arrays(*theirs_game.to_arrays())


def _exact(value):
    return Fraction(str(value))


@pytest.mark.skipif(not FILES, reason=NOT_FETCHED)
@pytest.mark.parametrize("solver", ["enummixed", "lcp"])
@pytest.mark.parametrize("path", _files("reduced form"))
def test_reduced_form_equilibria_of_imperfect_recall_games_are_pygambits(path, solver):
    if (path.name, solver) in REDUCED_TIMEOUT:
        pytest.skip(REDUCED_TIMEOUT[path.name, solver])
    theirs_game, form, maps, ours, strategic = _reduced(path)
    if ours is None:
        if solver == "enummixed":
            pytest.skip(f"our nash_equilibria refuses a {form.shape[0]}x{form.shape[1]} game (both sides beyond "
                        f"cybergames.limits.MAX_MIXED_ACTIONS); the lcp test checks one equilibrium each")
        # One certified equilibrium each: ours by Lemke-Howson, verified; pygambit's has zero exact gains.
        assert verify(lemke_howson(form))
        (theirs,) = pygambit.nash.lcp_solve(strategic, rational=True, stop_after=1).equilibria
        assert _gains(form, _mapped(strategic, theirs, maps, _exact)) == (0, 0)
        return
    assert ours.complete and all(verify(eq) for eq in ours)
    listed = {tuple(tuple(s) for s in eq.strategies) for eq in ours}
    if solver == "enummixed":
        extreme = {_mapped(strategic, eq, maps, _exact)
                   for eq in pygambit.nash.enummixed_solve(strategic, rational=True).equilibria}
        assert extreme == listed               # the same extreme equilibria, exactly
        return
    found = [_mapped(strategic, eq, maps, _exact)
             for eq in pygambit.nash.lcp_solve(strategic, rational=True).equilibria]
    if theirs_game.is_const_sum:
        lp = _mapped(strategic, pygambit.nash.lp_solve(strategic, rational=True).equilibrium, maps, _exact)
        (value,) = {eq.payoffs[0] for eq in ours}       # one value of a constant-sum game
        assert sum(v * p for v, p in zip(_values(form.payoffs[0], lp, 0), lp[0])) == value
        found.append(lp)
    assert found
    for profile in found:
        assert _gains(form, profile) == (0, 0), profile
        assert profile in listed or _in_a_subset(profile, ours.components), profile


@pytest.mark.skipif(not FILES, reason=NOT_FETCHED)
@pytest.mark.parametrize("path", _files("one player"))
def test_one_player_optimal_strategies_are_pygambits(path):
    theirs_game = pygambit.read_efg(str(path))
    game = read_efg(path)
    form = game.reduced_normal_form()
    maps = _strategy_maps(game, theirs_game)
    _assert_same_tables(form, theirs_game, maps)
    ours = nash_equilibria(form)               # one player: the optimal pure strategies (mixed optima are
    assert ours and all(verify(eq) for eq in ours)      # their mixtures, so the set says complete=False)
    strategic = pygambit.StrategicGame.from_arrays(*theirs_game.to_arrays())
    theirs = {_mapped(strategic, eq, maps, _exact) for eq in pygambit.nash.enumpure_solve(strategic).equilibria}
    assert theirs == {tuple(tuple(s) for s in eq.strategies) for eq in ours}


# ---------------------------------------------------------------- three or more players

#: pygambit calls on the files with three or more players that do not finish within 100 s of CPU time
#: (pygambit 17.0.0b2, 2-core machine; each call alone in a subprocess under ``ulimit -t 100``, which
#: killed it). These files are outside "solved by pygambit within 100 s" for that solver.
PYGAMBIT_TIMEOUT = {
    ("cs.efg", "enumpoly"): "killed at 100 s of CPU time (4 players, 16384x2x8x512 pure strategies)",
    ("cs.efg", "enumpoly_strategic"): "killed at 100 s of CPU time on the 134217728-profile strategic form",
    ("cs.efg", "gnm"): "killed at 100 s of CPU time on the 134217728-profile strategic form",
    ("el_farol_bar.efg", "gnm"): "killed at 100 s of CPU time",
}

#: Files on which our exact support enumeration takes more than a few seconds (CPU time of
#: support_enumeration on the reduced form, pygambit 17.0.0b2's enumpoly_solve beside it; 2-core machine).
NPLAYER_SLOW = {
    "el_farol_bar.efg": "about 4 s (2x2x2x2x2)",
    "3_player_PI_2_dev_off_eq_path.efg": "about 63 s (2x5x5, 2883 support profiles; 937 continua)",
    "3_player_PI_2_dev_off_eq_path_strict_dom_for_p1.efg": "about 69 s (2x5x5; 936 continua)",
    "jury_un.efg": "about 21 s (4x4x4, 3375 support profiles, 272 left after the certificates; pygambit's "
                   "enumpoly_solve about 5 s on the tree and 22 s on the strategic form)",
}

#: Files our side does not solve in reasonable time, with the measurement.
OURS_TOO_SLOW = {
    "cs.efg": "our reduced_normal_form refuses it: 16384x2x8x512 = 134217728 profiles, beyond "
              "cybergames.extensive.forms.MAX_PROFILES = 10**6",
}


@functools.lru_cache(maxsize=None)
def _ours(path):
    game = read_efg(path)
    form = game.reduced_normal_form()
    return game, form, support_enumeration(form)


def _floats(profile):
    return tuple(np.array([float(p) for p in mixed]) for mixed in profile)


def _near(point, profile):
    return all(np.allclose(p, q, rtol=0, atol=TOL) for p, q in zip(point, _floats(profile)))


def _on_segment(point, continuum):
    """Whether ``point`` lies on the segment between the continuum's two extreme points."""
    a, b = (np.concatenate(_floats(eq.strategies)) for eq in continuum.samples[:2])
    x = np.concatenate(point)
    direction = b - a
    k = int(np.argmax(abs(direction)))
    t = (x - a)[k] / direction[k] if direction[k] else 0.0
    return -TOL <= t <= 1 + TOL and np.allclose(a + t * direction, x, rtol=0, atol=TOL)


def _on_continuum(form, point, continuum):
    """Whether ``point`` has the continuum's support and solves its indifference equations."""
    inside = all(p[k] <= TOL or form.actions[i][k] in continuum.support[i]
                 for i, p in enumerate(point) for k in range(len(p)))
    by_name = {v.name: v for v in continuum.variables}          # p{player}_{action index}
    values = {by_name[f"p{i}_{k}"]: p[k] for i, p in enumerate(point) for k in range(len(p))
              if f"p{i}_{k}" in by_name}
    return inside and all(abs(float(sympy.sympify(eq).subs(values))) <= TOL for eq in continuum.equations)


def _behaviour_as_mixed(game, profile):
    """pygambit's behaviour profile (perfect recall) as a mixed profile over our reduced strategies."""
    table = [dict(profile[pygambit.H.path(*game.nodes[infoset.nodes[0]].history)]) for infoset in game.infosets]
    mixed = []
    for i in range(game.num_players):
        strategies, _ = reduced_strategies(game, i)
        mixed.append(np.array([np.prod([float(table[h][game.infosets[h].actions[a]]) for h, a in s.items()])
                               for s in strategies]))
    return tuple(mixed)


def _pygambits(game, theirs_game, solver, maps):
    if solver == "enumpoly":                   # on the tree: behaviour profiles
        return [_behaviour_as_mixed(game, eq) for eq in pygambit.nash.enumpoly_solve(theirs_game).equilibria]
    if solver == "enumpoly_strategic":
        found = pygambit.nash.enumpoly_solve(theirs_game, use_strategic=True).equilibria
    else:
        found = pygambit.nash.gnm_solve(theirs_game).equilibria
    return [tuple(np.array(p) for p in _mapped(theirs_game, eq, maps, float)) for eq in found]


@pytest.mark.skipif(not FILES, reason=NOT_FETCHED)
@pytest.mark.parametrize("solver", ["enumpoly", "enumpoly_strategic", "gnm"])
@pytest.mark.parametrize("path", _files("n players", NPLAYER_SLOW))
def test_n_player_equilibria_contain_pygambits(path, solver):
    if (path.name, solver) in PYGAMBIT_TIMEOUT:
        pytest.skip(f"pygambit's {solver} does not finish within 100 s: {PYGAMBIT_TIMEOUT[path.name, solver]}")
    if path.name in OURS_TOO_SLOW:
        pytest.skip(OURS_TOO_SLOW[path.name])
    theirs_game = pygambit.read_efg(str(path))
    game, form, ours = _ours(path)
    assert all(verify(eq) for eq in ours) and all(verify(c) for c in ours.components)
    maps = _strategy_maps(game, theirs_game)
    _assert_same_tables(form, theirs_game, maps)
    theirs = _pygambits(game, theirs_game, solver, maps)
    scale = max(float(abs(np.asarray(payoff, dtype=object)).max()) for payoff in form.payoffs) or 1.0
    for point in theirs:
        if any(_near(point, eq.strategies) for eq in ours):
            continue
        if any(c.segment and _on_segment(point, c) for c in ours.components):
            continue
        assert not ours.complete, ("pygambit's equilibrium is not among ours", point)
        assert any(not c.segment and _on_continuum(form, point, c) for c in ours.components), point
        assert max(_gains(form, point)) <= TOL * scale, point
    if solver != "gnm" and theirs:             # enumpoly lists the isolated equilibria (it skips continua)
        for eq in _isolated(form, ours):
            assert any(_near(point, eq.strategies) for point in theirs), ("ours is not among pygambit's", eq)


def _isolated(form, ours):
    """Our equilibria that solve no reported continuum's equations with their support inside its
    support (within ``TOL``): so they lie in the closure of no continuum, and are isolated.

    An equilibrium with equilibria arbitrarily near has, by finiteness, one support S (containing its
    own) with infinitely many equilibria accumulating at it; S's equations then have a continuum of
    solutions, we report S as a continuum (pruning drops only supports with no equilibrium), and the
    point, a limit of its solutions, solves S's equations with its support inside S. So a point that
    fails this for every continuum we report is isolated.
    """
    return [eq for eq in ours
            if not any(_on_continuum(form, _floats(eq.strategies), c) for c in ours.components)]
