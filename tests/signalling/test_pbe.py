"""Perfect Bayesian equilibria: textbook games and properties over generated games."""

import copy
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cybergames
from cybergames.signalling import (BeliefSet, PBE, SignallingGame, beer_quiche, perfect_bayesian_equilibria,
                                   spence_job_market)
from cybergames.signalling._strategies import signalling_games

from ._brute import check_pbe, profile_key, pure_pbe_profiles


def outcomes(equilibria):
    return {tuple(sorted(eq.sender.items())) for eq in equilibria}


# ----------------------------------------------------------------------------- Beer-Quiche
def test_beer_quiche_has_exactly_the_two_pooling_equilibria():
    # Cho & Kreps (1987), QJE 102, section II: prior 0.1 weak / 0.9 strong.
    # By hand: pooling on beer: the bully believes the prior after beer, E[duel] = 0.1 < 0.9 = E[not],
    # so he does not duel; the weak type gets 2 and would get 3 from quiche unless the bully duels after
    # quiche, which needs mu(weak | quiche) >= 1/2. Pooling on quiche: symmetric, duel after beer needs
    # mu(weak | beer) >= 1/2. Separating fails both ways (the weak type, found out and dueled, gets 1 or 0
    # and would rather mimic the strong type for 2 or 3). No hybrid: making the bully indifferent needs
    # mu(weak | m) = 1/2 after a shared message, but the weak type's mass is at most 1/10 of the pool
    # after beer, and after quiche the strong type would have to be indifferent between 3 (beer, no duel)
    # and at most 2.
    sg = beer_quiche()
    equilibria = perfect_bayesian_equilibria(sg)
    assert [(dict(eq.sender), dict(eq.receiver), eq.kind) for eq in equilibria] == [
        ({"weak": "beer", "strong": "beer"}, {"beer": "not", "quiche": "duel"}, "pooling"),
        ({"weak": "quiche", "strong": "quiche"}, {"beer": "duel", "quiche": "not"}, "pooling"),
    ]
    beer, quiche = equilibria
    assert beer.beliefs["beer"] == {"weak": Fraction(1, 10), "strong": Fraction(9, 10)}
    assert isinstance(beer.beliefs["quiche"], BeliefSet)
    assert beer.beliefs["quiche"].interval("weak") == (Fraction(1, 2), 1)
    assert quiche.beliefs["beer"].interval("weak") == (Fraction(1, 2), 1)
    # payoffs: beer pool: weak 0 + 2, strong 1 + 2; bully 0.9 (right about the strong type)
    assert beer.sender_payoffs == {"weak": 2, "strong": 3}
    assert beer.receiver_payoff == Fraction(9, 10)
    assert beer.sender_gains == {"weak": 1 - 2, "strong": 0 - 3}
    assert beer.receiver_gains == {"beer": Fraction(1, 10) - Fraction(9, 10)}


def test_beer_quiche_float_game_gives_the_same_equilibria_in_floats():
    exact, approximate = perfect_bayesian_equilibria(beer_quiche()), perfect_bayesian_equilibria(beer_quiche(0.1))
    assert [profile_key(e) for e in exact] == [profile_key(e) for e in approximate]
    assert approximate[0].beliefs["beer"] == {"weak": pytest.approx(0.1), "strong": pytest.approx(0.9)}
    assert all(isinstance(v, float) for v in approximate[0].beliefs["quiche"].interval("weak"))


# ----------------------------------------------------------------------------- Spence
def test_spence_job_market_separating_and_pooling_outcomes():
    # Spence (1973), QJE 87; Gibbons (1992) ch. 4.2.B; Mas-Colell, Whinston & Green (1995) ch. 13.C.
    # Defaults: theta = 1 (low), 3 (high), prior 1/2, cost 4e/(3 theta), e in {0,1,2,3}, wages {1,2,3},
    # receiver payoff -(w - theta)^2, so the wage is the one nearest the expected productivity.
    # By hand: the low type's payoff is at least 1 (e = 0 earns wage >= 1), so the low type chooses e = 0
    # in every pure equilibrium (any e > 0 costs it 4e/3 > 0 at most wage 2 if pooled... and wage 1 if
    # alone). Separating at e*: low must not mimic, 3 - 4e*/3 <= 1 <=> e* >= 3/2; high must not drop to
    # e = 0 (wage 1), 3 - 4e*/9 >= 1 <=> e* <= 9/2: e* in {2, 3}. Pooling at e = 0 pays the prior mean 2
    # and survives with low wages off the path. Pooling at e > 0 fails (low would take e = 0).
    sg = spence_job_market()
    pure = [eq for eq in perfect_bayesian_equilibria(sg) if eq.is_pure]
    assert outcomes(pure) == {
        (("high", "0"), ("low", "0")),
        (("high", "2"), ("low", "0")),
        (("high", "3"), ("low", "0")),
    }
    separating = {eq.sender["high"] for eq in pure if eq.kind == "separating"}
    assert separating == {"2", "3"}
    pooled = [eq for eq in pure if eq.kind == "pooling"]
    assert {eq.receiver["0"] for eq in pooled} == {"2"}
    assert all(eq.sender_payoffs == {"low": 2, "high": 2} for eq in pooled)
    least = [eq for eq in pure if eq.sender["high"] == "2"]
    assert {eq.sender_payoffs["high"] for eq in least} == {3 - Fraction(8, 9)}


def test_spence_hybrids_are_verified():
    for eq in perfect_bayesian_equilibria(spence_job_market()):
        assert cybergames.verify(eq).ok
        assert check_pbe(eq.game, eq) == []


# ----------------------------------------------------------------------------- result object
def test_pbe_is_a_frozen_hashable_result_recording_its_game():
    eq = perfect_bayesian_equilibria(beer_quiche())[0]
    assert isinstance(eq, PBE) and eq.game == beer_quiche()
    with pytest.raises(AttributeError):
        eq.kind = "separating"
    with pytest.raises(TypeError):
        eq.sender["weak"] = "quiche"
    assert len({eq, perfect_bayesian_equilibria(beer_quiche())[0]}) == 1
    assert eq.on_path == ("beer",) and eq.off_path == ("quiche",)
    assert eq.payoffs == (eq.sender_payoffs, eq.receiver_payoff)


def test_verify_rejects_a_tampered_equilibrium():
    sg = beer_quiche()
    eq = perfect_bayesian_equilibria(sg)[0]
    from dataclasses import replace
    from cybergames.signalling import FrozenMap
    bad = replace(eq, receiver=FrozenMap({"beer": "duel", "quiche": "duel"}))
    result = cybergames.verify(bad)
    assert not result.ok and result.failures


def test_three_type_partially_pooling_equilibrium_is_classified_hybrid():
    # Three types, two messages, the receiver's action matches the message: with payoffs where t1 and t2
    # prefer m1 and t3 prefers m2 whatever the receiver does, the unique outcome pools t1, t2 and
    # separates t3 (neither pooling nor separating).
    sg = SignallingGame(("t1", "t2", "t3"), [Fraction(1, 3)] * 3, ("m1", "m2"), ("a",),
                        lambda t, m, a: int((m == "m2") == (t == "t3")), lambda t, m, a: 0)
    (eq,) = perfect_bayesian_equilibria(sg)
    assert eq.kind == "hybrid" and eq.is_pure
    assert eq.beliefs["m1"] == {"t1": Fraction(1, 2), "t2": Fraction(1, 2), "t3": 0}


def test_type_dependent_messages_restrict_off_path_beliefs():
    # Only t2 can send "proof": after it the belief is t2 for sure, even off the path.
    sg = SignallingGame(("t1", "t2"), [Fraction(1, 2)] * 2, ("talk", "proof"), ("trust", "doubt"),
                        lambda t, m, a: (a == "trust") * 2 - (m == "proof") * 3,
                        lambda t, m, a: int((a == "trust") == (t == "t2")), available={"t1": ("talk",)})
    for eq in perfect_bayesian_equilibria(sg):
        if "proof" in eq.off_path:
            assert eq.beliefs["proof"].vertices == ({"t1": 0, "t2": 1},)
            assert eq.receiver["proof"] == "trust"


# ----------------------------------------------------------------------------- properties
@given(signalling_games())
def test_every_pbe_is_sequentially_rational_and_bayes_consistent(sg):
    for eq in perfect_bayesian_equilibria(sg):
        assert check_pbe(sg, eq) == []
        assert cybergames.verify(eq).ok


@given(signalling_games(type_dependent=True, message_dependent=True, max_types=3))
def test_type_dependent_games_pbe_are_verified(sg):
    for eq in perfect_bayesian_equilibria(sg):
        assert check_pbe(sg, eq) == []


@given(signalling_games(type_dependent=True, message_dependent=True))
def test_no_pure_pbe_is_missing_or_extra(sg):
    found = {profile_key(eq) for eq in perfect_bayesian_equilibria(sg, hybrid=False)}
    assert found == pure_pbe_profiles(sg)


@settings(max_examples=50)
@given(signalling_games(exact=False, max_types=3))
def test_no_pure_pbe_is_missing_in_float_games(sg):
    found = {profile_key(eq) for eq in perfect_bayesian_equilibria(sg, hybrid=False)}
    assert found == pure_pbe_profiles(sg)


@given(signalling_games(min_value=-3, max_value=3), st.randoms(use_true_random=False))
def test_relabelling_types_messages_and_actions_permutes_the_answer(sg, rng):
    def renaming(labels, prefix):
        new = [f"{prefix}{k}" for k in range(len(labels))]
        rng.shuffle(new)
        return dict(zip(labels, new))

    types = renaming(sg.types, "T")
    messages = renaming(sg.messages, "M")
    actions = renaming(sorted({a for acts in sg.actions.values() for a in acts}), "A")
    relabelled = sg.relabel(types=types, messages=messages, actions=actions, order=True)

    def mapped(eq):
        def mix(value, names):
            return names[value] if isinstance(value, str) else tuple(sorted((names[k], p) for k, p in value.items()))
        sender = tuple(sorted((types[t], mix(m, messages)) for t, m in eq.sender.items()))
        receiver = tuple(sorted((messages[m], mix(a, actions)) for m, a in eq.receiver.items()))
        return sender, receiver

    def key(eq):
        def norm(value):
            return value if isinstance(value, str) else tuple(sorted(value.items()))
        return (tuple(sorted((t, norm(m)) for t, m in eq.sender.items())),
                tuple(sorted((m, norm(a)) for m, a in eq.receiver.items())))

    original = sorted((mapped(eq) for eq in perfect_bayesian_equilibria(sg)), key=repr)
    assert original == sorted((key(eq) for eq in perfect_bayesian_equilibria(relabelled)), key=repr)
    # belief sets move with the labels too
    by_key = {key(eq): eq for eq in perfect_bayesian_equilibria(relabelled)}
    for eq in perfect_bayesian_equilibria(sg):
        other = by_key[mapped(eq)]
        for m in eq.off_path:
            vertices = {tuple(sorted((types[t], p) for t, p in v.items())) for v in eq.beliefs[m].vertices}
            assert vertices == {tuple(sorted(v.items())) for v in other.beliefs[messages[m]].vertices}


@given(signalling_games(max_types=2), st.lists(st.integers(1, 4), min_size=3, max_size=3),
       st.lists(st.integers(-3, 3), min_size=3, max_size=3))
def test_positive_affine_payoff_transformations_leave_the_equilibria(sg, scales, shifts):
    # u_S(t, .) -> alpha_t u_S(t, .) + beta_t per type and u_R -> alpha u_R + beta (per type: beta_t)
    scale = {t: scales[i] for i, t in enumerate(sg.types)}
    shift = {t: shifts[i] for i, t in enumerate(sg.types)}
    transformed = SignallingGame(sg.types, dict(sg.prior), sg.messages, dict(sg.actions),
                                 {k: scale[k[0]] * v + shift[k[0]] for k, v in sg.sender_payoff.items()},
                                 {k: scales[-1] * v + shift[k[0]] for k, v in sg.receiver_payoff.items()})
    assert sorted(map(profile_key, perfect_bayesian_equilibria(sg)), key=repr) == sorted(
        map(profile_key, perfect_bayesian_equilibria(transformed)), key=repr)


@settings(max_examples=30)
@given(signalling_games())
def test_solving_does_not_mutate_the_inputs(sg):
    tables = {k: v for k, v in sg.sender_payoff.items()}
    prior = dict(sg.prior)
    sender = dict(tables)
    copy_sender = copy.deepcopy(sender)
    game = SignallingGame(sg.types, prior, sg.messages, dict(sg.actions), sender, dict(sg.receiver_payoff))
    perfect_bayesian_equilibria(game)
    assert sender == copy_sender and prior == dict(sg.prior)
    assert game == sg


def test_symbolic_game_is_refused_with_a_pointer_to_pbe_conditions():
    import sympy
    from cybergames.errors import SignallingGameError
    with pytest.raises(SignallingGameError, match="pbe_conditions"):
        perfect_bayesian_equilibria(spence_job_market(cost=sympy.Symbol("k", positive=True)))
