"""Anonymised reports to the clearing house: q(a), r(a), leakage(a), the profile's least delta and the optimum."""

import dataclasses
import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import InformationSharingModel

from .test_information import sharing_dilemmas


def tree_verdicts(a, q0, r0, leakage):
    # The mechanism as a probability tree, derived by hand: the mixer strips the submission (probability a) or
    # not; a named submission is judged on itself (a withholder suspected surely, a sharer cleared); a stripped
    # one only on the background evidence (withholding flagged with q0, sharing with r0), and a stripped report
    # leaks nothing. Summing the branches gives P(suspected | withhold), P(suspected | share), expected leakage.
    branches = {"named": 1 - a, "stripped": a}
    suspected = {("named", "withhold"): 1, ("named", "share"): 0,
                 ("stripped", "withhold"): q0, ("stripped", "share"): r0}
    leak = {"named": leakage, "stripped": 0}
    q = sum(p * suspected[(b, "withhold")] for b, p in branches.items())
    r = sum(p * suspected[(b, "share")] for b, p in branches.items())
    return q, r, sum(p * leak[b] for b, p in branches.items())


def hand_threshold(a, n, m, c, l, q0, r0):
    # Sharing until anyone is suspected under independent suspicion (q, r), as in test_information.hand_thresholds:
    # delta [(1 - r)^n T - (1 - q)(1 - r)^(n-1) R] >= T - R with T = mc(n-1)/n, R = mc - c - l(a).
    q, r, leak = tree_verdicts(a, q0, r0, l)
    T, R = Fraction(m * c * (n - 1), n) if not isinstance(m * c, float) else m * c * (n - 1) / n, m * c - c - leak
    bracket = (1 - r) ** n * T - (1 - q) * (1 - r) ** (n - 1) * R
    if T - R <= 0:
        return 0
    return None if bracket <= T - R else (T - R) / bracket


def test_the_verdicts_follow_the_mechanism():
    model = InformationSharingModel()            # q0 = 4/5, r0 = 1/20, l = 1/2
    # a = 1/2 by hand: q = 1/2 * 1 + 1/2 * 4/5 = 9/10, r = 1/2 * 0 + 1/2 * 1/20 = 1/40, leakage 1/2 * 1/2 = 1/4.
    found = model.anonymised_reports(Fraction(1, 2))
    assert (found.detect, found.false_flag, found.leakage) == (Fraction(9, 10), Fraction(1, 40), Fraction(1, 4))
    for a in (0, Fraction(1, 3), Fraction(7, 8), 1):
        found = model.anonymised_reports(a)
        assert (found.detect, found.false_flag, found.leakage) == tree_verdicts(a, Fraction(4, 5), Fraction(1, 20),
                                                                                Fraction(1, 2))
    # both effects at once: detection falls and false suspicion rises with a, leakage falls
    levels = [model.anonymised_reports(Fraction(k, 10)) for k in range(11)]
    assert all(x.detect > y.detect and x.false_flag < y.false_flag and x.leakage > y.leakage
               for x, y in zip(levels, levels[1:]))


def test_the_default_thresholds_by_hand():
    model = InformationSharingModel()
    # a = 1/2: q, r, l = 9/10, 1/40, 1/4; T = 8/5, R = 2 - 1 - 1/4 = 3/4, T - R = 17/20;
    # (39/40)^4 (39/40 * 8/5 - 1/10 * 3/4) = (2313441/2560000)(297/200) = 687091977/512000000,
    # so delta_s = (17/20)(512000000/687091977) = 435200000/687091977.
    assert model.anonymity_threshold(Fraction(1, 2)) == Fraction(435200000, 687091977)
    # a = 0 is the attributing clearing house (perfect monitoring, 11/16); a = 1 the status quo with l = 0.
    assert model.anonymity_threshold(0) == model.clearing_house_threshold() == Fraction(11, 16)
    assert model.anonymity_threshold(1) == model.replace(leakage=0).status_quo_threshold()
    # The game's lower end at a = 0: N = 11/10, |q - r| T = 8/5, so 11/10 / (11/10 + 8/5) = 11/27.
    assert model.anonymity_lower_bound(0) == Fraction(11, 27)


@pytest.mark.parametrize("n, a", [(2, Fraction(1, 3)), (2, Fraction(3, 4)), (3, Fraction(1, 2)), (3, 1)])
def test_the_closed_form_is_the_librarys_delta_set(n, a):
    # Second method: the library's exact delta set of the trigger profile in the n-state game whose monitoring
    # is noisy_attribution(q(a), r(a)) and whose leakage is l(a).
    model = InformationSharingModel(n=n, detect=Fraction(3, 10))
    library = model.anonymised(a).status_quo_threshold()
    assert library is not None
    assert library == model.anonymity_threshold(a) == hand_threshold(a, n, 2, 1, Fraction(1, 2), Fraction(3, 10),
                                                                     Fraction(1, 20))


def grid_minimum(params, steps=2000):
    """Brute force: the least delta of the profile on a grid of levels, in floats, from the hand formula."""
    best = None
    for k in range(steps + 1):
        a = k / steps
        value = hand_threshold(a, params["n"], float(params["multiplier"]), float(params["cost"]),
                               float(params["leakage"]), float(params["detect"]), float(params["false_flag"]))
        if value is not None and (best is None or value < best[1]):
            best = (a, value)
    return best


def test_an_interior_optimum_found_by_grid_too():
    # n = 3, poorer background detection q0 = 3/10 (other parameters at the defaults): the grid's minimum and the
    # exact stationary point (a root of the cubic Q) agree.
    model = InformationSharingModel(n=3, detect=Fraction(3, 10))
    best = model.optimal_anonymity()
    assert best.kind == "interior" and 0 < best.level < 1
    a, value = grid_minimum(model.parameters())
    assert abs(float(best.level) - a) < 1e-3 and 0 <= value - float(best.least_delta) < 1e-6
    assert best.least_delta < min(model.anonymity_threshold(0), model.anonymity_threshold(1))
    assert verify(best).ok


def test_corners_and_why():
    # Defaults: the least delta falls from 11/16 at a = 0 to 800000/1433531 at a = 1 (the leakage saved wins).
    best = InformationSharingModel().optimal_anonymity()
    assert (best.kind, best.level, best.least_delta) == ("full anonymity", 1, Fraction(800000, 1433531))
    assert "lowest at full anonymity" in best.reason
    # n = 4, r0 = 1/7: false suspicion in the group of four grows faster than the leakage falls: a* = 0.
    best = InformationSharingModel(n=4, false_flag=Fraction(1, 7)).optimal_anonymity()
    assert (best.kind, best.level) == ("no anonymity", 0)
    assert grid_minimum(best.model.parameters())[0] == 0
    # m = 3, n = 2, l = 1: from a = 1/2 on a report pays its sender (mc/n = 3/2 >= c + (1 - a) l).
    best = InformationSharingModel(n=2, multiplier=3, leakage=1).optimal_anonymity()
    assert (best.kind, best.level, best.least_delta) == ("sharing dominant", Fraction(1, 2), 0)


def test_a_wrong_optimum_fails_verification():
    best = InformationSharingModel(n=3, detect=Fraction(3, 10)).optimal_anonymity()
    wrong = dataclasses.replace(best, level=Fraction(0), least_delta=best.candidates[-1][1] - Fraction(1, 10))
    assert not verify(wrong).ok


def test_levels_outside_the_unit_interval_are_refused():
    model = InformationSharingModel()
    for a in (-Fraction(1, 10), Fraction(11, 10), "1/2", True):
        with pytest.raises(ParameterError, match="anonymity level"):
            model.anonymity_threshold(a)


def test_float_parameters_give_float_answers():
    exact = InformationSharingModel(n=3, detect=Fraction(3, 10)).optimal_anonymity()
    floats = InformationSharingModel(n=3, multiplier=2.0, detect=0.3).optimal_anonymity()
    assert isinstance(floats.level, float) and isinstance(floats.least_delta, float)
    assert abs(floats.level - float(exact.level)) < 1e-9 and abs(floats.least_delta - float(exact.least_delta)) < 1e-9


levels = st.fractions(0, 1, max_denominator=12)
background = st.tuples(st.fractions(Fraction(1, 10), 1, max_denominator=10), st.fractions(0, Fraction(1, 2),
                                                                                         max_denominator=20))


@settings(max_examples=40, deadline=None)
@given(sharing_dilemmas(max_n=8), background, levels)
def test_the_game_lower_end_is_never_above_the_profile(params, qr, a):
    # The profile is an equilibrium from delta_s(a) on, so the game's least delta for some sharing is at most
    # delta_s(a); the certified lower end can never exceed it.
    model = InformationSharingModel(**params, detect=qr[0], false_flag=qr[1])
    lower, upper = model.anonymity_lower_bound(a), model.anonymity_threshold(a)
    assert 0 <= lower <= 1
    if upper is not None:
        assert lower <= upper
    assert upper == hand_threshold(a, params["n"], params["multiplier"], params["cost"], params["leakage"], *qr)


@settings(max_examples=40, deadline=None)
@given(sharing_dilemmas(max_n=8), background)
def test_the_optimum_beats_a_brute_force_grid(params, qr):
    model = InformationSharingModel(**params, detect=qr[0], false_flag=qr[1])
    best = model.optimal_anonymity()
    grid = grid_minimum(model.parameters(), steps=400)
    assert float(best.least_delta) <= grid[1] + 1e-9          # a minimum over [0, 1] is below every grid point
    assert grid[1] <= float(best.least_delta) + 5e-3          # and the grid comes close to it
    assert verify(best).ok
    if best.kind in ("no anonymity", "full anonymity"):
        assert best.least_delta == model.anonymity_threshold(best.level)


@settings(max_examples=30, deadline=None)
@given(sharing_dilemmas(max_n=8), background)
def test_the_game_lower_end_alone_has_no_interior_optimum(params, qr):
    # N/(N + |q - r| T) with N and q - r linear in a is monotone wherever q > r: a corner minimises it.
    model = InformationSharingModel(**params, detect=qr[0], false_flag=qr[1])
    values = [model.anonymity_lower_bound(Fraction(k, 20)) for k in range(21)]
    if all(model.anonymised_reports(Fraction(k, 20)).detect > model.anonymised_reports(Fraction(k, 20)).false_flag
           for k in range(21)):
        ups = [y >= x for x, y in itertools.pairwise(values)]
        assert all(ups) or not any(y > x for x, y in itertools.pairwise(values))


def test_the_status_quo_lower_end_by_hand():
    # Defaults: N = 1 + 1/2 - 2/5 = 11/10, T = 8/5, |q - r| = 4/5 - 1/20 = 3/4, so 11/10 / (11/10 + 6/5) = 11/23.
    model = InformationSharingModel()
    assert model.status_quo_lower_bound() == Fraction(11, 23)
    # It is a lower end: the trigger profile's threshold and the explicit targeted equilibrium found at delta = 9/10
    # both lie above it.
    assert model.status_quo_lower_bound() <= model.status_quo_threshold()
    assert model.game_answer().best is not None and model.status_quo_lower_bound() <= model.delta
    # q = r: a state's verdict does not depend on what it does, and no delta < 1 sustains any sharing.
    assert InformationSharingModel(detect=Fraction(1, 5), false_flag=Fraction(1, 5)).status_quo_lower_bound() == 1


@settings(max_examples=30, deadline=None)
@given(sharing_dilemmas(max_n=6), background)
def test_the_status_quo_lower_end_is_never_above_the_profile(params, qr):
    model = InformationSharingModel(**params, detect=qr[0], false_flag=qr[1])
    threshold = model.status_quo_threshold()
    assert threshold is None or model.status_quo_lower_bound() <= threshold


def test_the_formula_in_a_is_the_threshold():
    model = InformationSharingModel(n=3, detect=Fraction(3, 10))
    formula = model.anonymity_formula()
    (a,) = formula.free_symbols
    for level in (0, Fraction(1, 4), Fraction(1, 2), 1):
        assert formula.subs(a, level) == model.anonymity_threshold(level)


def test_the_analysis_states_the_games_outer_bound():
    text = " ".join(InformationSharingModel().analyse().findings)
    assert "below δ = 11/23 ≈ 0.4783 no equilibrium has any state share" in text


def test_an_interior_optimum_is_exact_and_algebraic():
    # n = 3, q0 = 3/10: a* is the root in (0, 1) of the cubic Q (the stationary points of N/D), and the least
    # delta there is an algebraic number of degree at most 3 (a resultant), equal to N(a*)/D(a*) when evaluated.
    model = InformationSharingModel(n=3, detect=Fraction(3, 10))
    best = model.optimal_anonymity()
    a = float(best.level)
    Q = sum(float(c) * a ** k for k, c in enumerate(reversed(best.stationary)))
    assert abs(Q) < 1e-9
    T, R = 4 / 3, 2 - 1 - (1 - a) / 2
    q, r = 1 - a * 0.7, a / 20
    by_hand = (T - R) / ((1 - r) ** 3 * T - (1 - q) * (1 - r) ** 2 * R)
    assert abs(float(best.least_delta) - by_hand) < 1e-12
    assert sympy.degree(sympy.minimal_polynomial(best.least_delta, sympy.Symbol("y"))) <= 3


def test_the_json_report_carries_the_optimum_and_follows_the_schema():
    import json

    from cybergames.report import SCHEMA_PATH, build_report, render

    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(render(build_report(["information", "multimarket"],
                                          {"information.n": 3, "information.detect": Fraction(3, 10)}), "json"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()), cls=jsonschema.Draft202012Validator)
    information, multimarket = data["models"]
    found = information["anonymity"]
    assert found["kind"] == "interior" and abs(found["level"]["float"] - 0.5307490973348147) < 1e-12
    # the level's minimal polynomial is the cubic Q of the module docstring, scaled to integers
    assert found["level"]["algebraic"]["minimal_polynomial"] == [63, -510, 1195, -500]
    assert "algebraic" in found["least_delta"] and "anonymity" not in multimarket
    assert multimarket["game"]["least_delta_for_cooperation"]["lower"]["exact"] == "3/8"


def test_sympy_rationals_are_exact_levels():
    model = InformationSharingModel()
    assert model.anonymity_threshold(sympy.Rational(1, 2)) == model.anonymity_threshold(Fraction(1, 2))
