"""Assessments in trees: Selten's horse by hand, signalling games as trees give the same PBEs."""

from fractions import Fraction

import pytest
from hypothesis import given, settings

from cybergames.errors import ExtensiveGameError
from cybergames.extensive import check_assessment, read_efg, weak_perfect_bayesian_equilibria
from cybergames.extensive.classic import selten_horse
from cybergames.signalling import beer_quiche, perfect_bayesian_equilibria, to_efg
from cybergames.strategies import signalling_games


def test_selten_horse_weak_pbe_by_hand():
    # Selten (1975), Figure 1. (L, R, R) is Nash but not sequentially rational: at player 2's
    # node R pays 1 while L pays 4 (player 3 plays R). (R, R, L) is: player 3's set is off the
    # path; L is optimal iff mu(R,L) * 1 >= mu(L) * 2, i.e. mu(L) <= 1/3 (vertices 0 and 1/3).
    (eq,) = weak_perfect_bayesian_equilibria(selten_horse())
    assert dict(eq.behaviour) == {"1@root": "R", "2@R": "R", "3": "L"}
    belief_set = eq.beliefs["3"]
    assert sorted(v[("L",)] for v in belief_set.vertices) == [0, Fraction(1, 3)]
    assert {("L",): Fraction(1, 4), ("R", "L"): Fraction(3, 4)} in belief_set
    assert {("L",): Fraction(1, 2), ("R", "L"): Fraction(1, 2)} not in belief_set


def test_check_assessment_finds_bayes_violations():
    game = selten_horse()
    check = check_assessment(game, {"1@root": "L", "2@R": "L", "3": "R"}, {"3": {("L",): 0, ("R", "L"): 1}})
    assert not check.consistent and any("Bayes" in v for v in check.violations)
    with pytest.raises(ExtensiveGameError):
        check_assessment(game, {"1@root": "L", "2@R": "L", "3": "R"}, {"3": {("L",): 2, ("R", "L"): -1}})


def _as_signalling(eq, sg):
    sender = {t: eq.behaviour[t] for t in sg.types}
    receiver = {m: eq.behaviour[m] for m in sg.messages if m in eq.behaviour}
    return sender, receiver


def test_beer_quiche_as_a_tree_gives_the_same_pbes():
    # Cho and Kreps (1987): two pooling PBEs (both beer, both quiche), each with the off-path
    # beliefs at which a duel is optimal (weight on weak at least 1/2); the tree must agree.
    sg = beer_quiche()
    tree = weak_perfect_bayesian_equilibria(read_efg(to_efg(sg)))
    expected = [eq for eq in perfect_bayesian_equilibria(sg) if eq.kind != "hybrid"]
    assert sorted(map(repr, (_as_signalling(eq, sg) for eq in tree))) == \
        sorted(repr((dict(eq.sender), dict(eq.receiver))) for eq in expected)
    for eq in tree:
        match = next(e for e in expected if dict(e.sender) == _as_signalling(eq, sg)[0])
        for m in sg.messages:
            ours, theirs = eq.beliefs[m], match.beliefs[m]
            if hasattr(theirs, "vertices"):
                assert sorted([v[(t, m)] for t in sg.types] for v in ours.vertices) == \
                    sorted([v[t] for t in sg.types] for v in theirs.vertices)
            else:
                assert {t: ours[(t, m)] for t in sg.types} == dict(theirs)


@settings(max_examples=40, deadline=None)
@given(signalling_games(max_types=3, max_messages=2, max_actions=2))
def test_signalling_games_as_trees_give_the_same_pure_pbes(sg):
    tree = weak_perfect_bayesian_equilibria(read_efg(to_efg(sg)))
    ours = sorted(repr(_as_signalling(eq, sg)) for eq in tree)
    theirs = sorted(repr((dict(eq.sender), dict(eq.receiver))) for eq in perfect_bayesian_equilibria(sg)
                    if all(isinstance(v, str) for v in eq.sender.values())
                    and all(isinstance(v, str) for v in eq.receiver.values()))
    assert ours == theirs
    for eq in tree:
        beliefs = {h: (b.vertices[0] if hasattr(b, "vertices") else b) for h, b in eq.beliefs.items()}
        assert check_assessment(eq.game, dict(eq.behaviour), beliefs).holds
