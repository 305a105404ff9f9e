"""The intuitive criterion and D1: textbook cases and properties."""

from fractions import Fraction

import pytest
from hypothesis import given, settings

from cybergames.errors import SignallingGameError
from cybergames.signalling import (beer_quiche, d1, intuitive_criterion, perfect_bayesian_equilibria,
                                   spence_job_market)
from cybergames.signalling._strategies import signalling_games

from ._brute import intuitive_criterion_brute


def test_beer_quiche_only_the_beer_pool_survives_the_intuitive_criterion():
    # Cho & Kreps (1987), section II. By hand, quiche pool: the weak type gets 3 in equilibrium and at
    # most 2 from beer (1 for... 0 + 2 without a duel), so beer is equilibrium-dominated for it; the bully
    # must then believe "strong" after beer and not duel, giving the strong type 1 + 2 = 3 > 2 (its quiche
    # payoff without a duel): it deviates. Beer pool: the strong type gets 3 and at most 2 from quiche, so
    # quiche reveals "weak", the bully duels and the weak type gets 1 < 2: no one deviates.
    sg = beer_quiche()
    beer, quiche = perfect_bayesian_equilibria(sg)
    assert intuitive_criterion(sg, beer).survives
    result = intuitive_criterion(sg, quiche)
    assert not result.survives
    assert (result.type, result.message) == ("strong", "beer")
    assert result.breaks[0].equilibrium_payoff == 2 and result.breaks[0].deviation_payoff == 3
    assert result.excluded == {"beer": ("weak",)}
    assert intuitive_criterion(sg, beer).excluded == {"quiche": ("strong",)}
    assert d1(sg, beer).survives and not d1(sg, quiche).survives


def test_spence_refinements_select_the_least_cost_separating_outcome():
    # Spence (1973); Cho & Kreps (1987) section IV; Gibbons (1992) ch. 4.2.B.
    # Defaults: theta 1 / 3, cost 4e/(3 theta), e in {0,1,2,3}, wages {1,2,3}, prior 1/2.
    # By hand, intuitive criterion:
    # - pooling at 0 (both get 2): at e = 1 the low type gets at most 3 - 4/3 = 5/3 < 2, so e = 1 means
    #   "high", the wage is 3 and the high type gets 3 - 4/9 = 23/9 > 2: broken by (high, "1").
    # - separating at 3 (high gets 3 - 4/3 = 5/3): at e = 2 the low type gets at most 3 - 8/3 = 1/3 < 1,
    #   so e = 2 means "high" and pays 3 - 8/9 = 19/9 > 5/3: broken by (high, "2").
    # - separating at 2 (high gets 19/9): e = 1 is not equilibrium-dominated for the low type
    #   (5/3 > 1), so the wage 1 may follow it; at e = 3 both types are dominated: it survives.
    sg = spence_job_market()
    equilibria = perfect_bayesian_equilibria(sg)
    survivors = [eq for eq in equilibria if intuitive_criterion(sg, eq).survives]
    assert survivors and all(eq.kind == "separating" and eq.sender == {"low": "0", "high": "2"}
                             for eq in survivors)
    assert len(survivors) == len([eq for eq in equilibria if eq.sender == {"low": "0", "high": "2"}])
    pooling = next(eq for eq in equilibria if eq.kind == "pooling")
    assert (intuitive_criterion(sg, pooling).type, intuitive_criterion(sg, pooling).message) == ("high", "1")
    wasteful = next(eq for eq in equilibria if eq.sender == {"low": "0", "high": "3"})
    assert intuitive_criterion(sg, wasteful).breaks[0].message == "2"
    assert intuitive_criterion(sg, wasteful).breaks[0].deviation_payoff == Fraction(19, 9)
    # D1 keeps the same outcome, and pins the belief after e = 1 to "low": the high type's set of
    # tempting wages {w >= 23/9} lies inside the low type's strict set {w > 7/3}, so the high type is
    # deleted and only the wage 1 may follow e = 1.
    d1_survivors = [eq for eq in equilibria if d1(sg, eq).survives]
    assert {tuple(sorted(eq.sender.items())) for eq in d1_survivors} == {(("high", "2"), ("low", "0"))}
    assert {eq.receiver["1"] for eq in d1_survivors} == {"1"}
    assert all(d1(sg, eq).excluded["1"] == ("high",) for eq in d1_survivors)


def test_refinement_of_an_equilibrium_of_another_game_is_refused():
    eq = perfect_bayesian_equilibria(beer_quiche())[0]
    with pytest.raises(SignallingGameError, match="eq"):
        intuitive_criterion(spence_job_market(), eq)
    with pytest.raises(SignallingGameError, match="eq"):
        d1(beer_quiche(), "not an equilibrium")


@given(signalling_games(type_dependent=True))
def test_refinements_only_ever_remove_equilibria(sg):
    # D1 is stronger than the intuitive criterion (Cho & Kreps 1987, section IV): whatever D1 keeps,
    # the intuitive criterion keeps; both return a verdict for every equilibrium and a reason for each
    # rejection.
    for eq in perfect_bayesian_equilibria(sg):
        ic, strong = intuitive_criterion(sg, eq), d1(sg, eq)
        if strong.survives:
            assert ic.survives
        for result in (ic, strong):
            assert result.survives == (not result.breaks)
            for b in result.breaks:
                assert b.message in eq.off_path


@settings(max_examples=60)
@given(signalling_games(type_dependent=True, message_dependent=True))
def test_intuitive_criterion_agrees_with_the_definition(sg):
    for eq in perfect_bayesian_equilibria(sg):
        assert intuitive_criterion(sg, eq).survives == intuitive_criterion_brute(sg, eq)


@given(signalling_games(max_types=2, exact=False))
def test_float_games_refine_like_exact_ones(sg):
    exact = type(sg)(sg.types, {t: Fraction(p).limit_denominator(100) for t, p in sg.prior.items()},
                     sg.messages, dict(sg.actions), {k: int(v) for k, v in sg.sender_payoff.items()},
                     {k: int(v) for k, v in sg.receiver_payoff.items()})
    pure_float = [eq for eq in perfect_bayesian_equilibria(sg, hybrid=False)]
    pure_exact = [eq for eq in perfect_bayesian_equilibria(exact, hybrid=False)]
    assert [(dict(e.sender), dict(e.receiver)) for e in pure_float] == [
        (dict(e.sender), dict(e.receiver)) for e in pure_exact]
    for a, b in zip(pure_float, pure_exact):
        assert intuitive_criterion(sg, a).survives == intuitive_criterion(exact, b).survives
        assert d1(sg, a).survives == d1(exact, b).survives


@settings(max_examples=30)
@given(signalling_games(max_types=3, max_messages=3, max_actions=3))
def test_d1_with_the_reply_sets_cached_agrees_with_d1_computed_afresh(sg):
    # The maximal reply sets are cached per game; clearing the cache before each equilibrium
    # recomputes them, and every answer must be the same.
    from cybergames.signalling import refinements
    equilibria = perfect_bayesian_equilibria(sg, hybrid=False)
    warm = [d1(sg, eq) for eq in equilibria]
    cold = []
    for eq in equilibria:
        refinements._REPLY_SETS.pop(sg, None)
        cold.append(d1(sg, eq))
    assert [(r.survives, r.breaks, r.excluded) for r in warm] == [(r.survives, r.breaks, r.excluded) for r in cold]
