"""The deterrence model (Baliga, Bueno de Mesquita & Wolitzky 2020): equilibrium, comparative statics, backfire."""

import json
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bayesian import attribution_game
from cybergames.bayesian.attribution import (DETECT, FALSE_ALARM, IDENTIFY, LOSS, VALUE,
                                             attribution_comparative_statics)
from cybergames.errors import ParameterError
from cybergames.models import DeterrenceModel, REGISTRY
from cybergames.report import render_analysis

F = Fraction


def fixed_point_residual(model, c):
    """c - K(1 - c)/((1 - c)d + 2rc): the symmetric cutoff equation, written out by hand (zero at c*)."""
    d, a, r, L, v = model.detection, model.identification, model.false_alarm, model.loss, model.value
    q = d * a
    c = sympy.sympify(c)
    return sympy.simplify(c - L * v * (q - r) * q * (1 - c) / ((1 - c) * d + 2 * r * c))


def test_defaults_match_the_closed_form_and_the_full_two_attacker_solution():
    # Derived here from BBW (2020)'s model as cybergames.bayesian.attribution states it: d, alpha, r, L, v =
    # 9/10, 2/3, 1/10, 3/2, 1, so q = 3/5 and K = L v (q - r) q = 9/20. (2r - d) c^2 + (d + K) c - K = 0 is
    # -7/10 c^2 + 27/20 c - 9/20 = 0, i.e. 14 c^2 - 27 c + 9 = 0, roots (27 -+ 15)/28: c* = 3/7 (the other, 3/2,
    # lies outside [0, 1]). p* = 4/7; rho = p q/(p d + 2(1 - p) r) = (12/35)/(36/70 + 6/70) = 4/7.
    model = DeterrenceModel()
    assert (model.cutoff(), model.attack_probability(), model.retaliation_probability()) == (F(3, 7), F(4, 7),
                                                                                          F(4, 7))
    # Second method: every fixed point of the two attackers' cutoffs, asymmetric ones included, enumerated
    # exactly (BBW 2020, abstract: "there is a unique equilibrium").
    eq = model.equilibrium()
    assert eq.solution.unique is True and eq.cutoffs == (F(3, 7), F(3, 7)) and eq.retaliation == (F(4, 7), F(4, 7))
    assert verify(eq.solution).ok
    analysis = model.analyse()
    assert [c.holds for c in analysis.conditions] == [True, True, False]          # 4/7 > tau = 1/2
    assert analysis.conditions[2].value == F(4, 7)


def test_comparative_statics_match_the_implicit_function_theorem_of_the_two_attacker_system():
    # Closed form F_theta/F_c on the symmetric quadratic (derived here) against the implicit function theorem
    # on the two cutoffs (cybergames.bayesian.cutoff_comparative_statics), whose dc is -dp. At the defaults
    # F_c = 2(2r - d)c + d + K = -3/5 + 27/20 = 3/4 by hand, and dc/dL = (1 - c) v (q - r) q/F_c
    # = (4/7)(3/10)/(3/4) = 8/35.
    model = DeterrenceModel()
    eq = model.equilibrium()
    pairs = {"detection": DETECT, "identification": IDENTIFY, "false_alarm": FALSE_ALARM, "loss": LOSS,
             "value": VALUE}
    for name, symbol in pairs.items():
        dc = attribution_comparative_statics(eq, symbol)
        assert dc[0] == dc[1] and model.sensitivity(name) == -dc[0], name
    assert model.sensitivity("loss") == F(-8, 35)
    # d up with q = d alpha fixed: d/dd - (alpha/d) d/dalpha, since alpha = q/d moves by -alpha/d.
    along = attribution_comparative_statics(eq, DETECT)[0] - F(2, 3) / F(9, 10) * \
        attribution_comparative_statics(eq, IDENTIFY)[0]
    assert model.sensitivity("misidentified") == -along


def test_better_detection_of_unattributable_attacks_raises_attacks():
    # BBW (2020) (abstract and the section on improving attribution): "detecting more attacks where the attacker
    # is difficult to identify" can weaken deterrence. Derived here: at q = d alpha fixed, F_d = c(1 - c) > 0, so
    # dc/dd = -c(1 - c)/F_c = -(3/7)(4/7)/(3/4) = -16/49 at the defaults: attacks rise at rate 16/49.
    model = DeterrenceModel()
    assert model.sensitivity("misidentified") == F(16, 49)
    # A finite step: d = 1 with alpha = 3/5 keeps q = 3/5. Then (2r - d) c^2 + (d + K) c - K = 0 reads
    # -4/5 c^2 + 29/20 c - 9/20 = 0, i.e. 16 c^2 - 29 c + 9 = 0, c = (29 - sqrt 265)/32, so
    # p* = (3 + sqrt 265)/32 ≈ 0.6025 > 4/7 ≈ 0.5714: more attacks, by each attacker and in total.
    better = model.replace(detection=1, identification=F(3, 5))
    expected = (3 + sympy.sqrt(265)) / 32
    assert sympy.simplify(better.attack_probability() - expected) == 0
    assert expected > sympy.Rational(4, 7)
    # Second method: the full two-attacker solution at the new parameters, all fixed points enumerated.
    eq = better.equilibrium()
    assert eq.solution.unique is True
    assert all(sympy.simplify(sympy.sympify(p) - expected) == 0 for p in eq.attack)
    # The detection that does identify (alpha fixed at 2/3) instead deters: p* falls from 4/7.
    assert model.attack_probability(detection=1) < F(4, 7)
    # The report states the backfire and its mechanism.
    text = " ".join(model.analyse().findings)
    assert "raises attacks" in text and "posterior" in text and "retaliates less" in text


def test_without_informative_signals_nobody_is_deterred():
    # q = (1/5)(1/2) = 1/10 < r = 1/5: attacking does not raise the chance of being blamed, c* = 0.
    model = DeterrenceModel(detection=F(1, 5), identification=F(1, 2), false_alarm=F(1, 5))
    assert model.cutoff() == 0 and model.attack_probability() == 1
    assert model.sensitivity("misidentified") == 0
    analysis = model.analyse()
    assert analysis.conditions[0].holds is False and analysis.verdict.startswith("not sustainable: q ≤ r")
    assert model.equilibrium().cutoffs == (0, 0)                           # the full solution agrees


def test_floats_in_floats_out():
    exact, floats = DeterrenceModel(), DeterrenceModel(detection=0.9, identification=2 / 3, false_alarm=0.1,
                                                       loss=1.5)
    assert isinstance(floats.attack_probability(), float)
    assert floats.attack_probability() == pytest.approx(4 / 7)
    assert floats.sensitivity("misidentified") == pytest.approx(float(exact.sensitivity("misidentified")))
    assert floats.analyse().conditions[1].holds is None                   # uniqueness is not certified in floats


def test_the_report_carries_every_number_in_json_and_text():
    analysis = DeterrenceModel().analyse()
    data = json.loads(render_analysis(analysis, "json"))["models"][0]
    text = " ".join(render_analysis(analysis).split())
    assert set(data["numbers"]) == {name for name, _ in analysis.numbers}
    assert data["numbers"]["attack_probability"]["exact"] == "4/7"
    assert data["numbers"]["d_attack_d_misidentified"]["exact"] == "16/49"
    for number in data["numbers"].values():
        assert number["text"] in text
    assert data["verdict"] == analysis.verdict and "4/7" in analysis.verdict
    assert list(REGISTRY).index("deterrence") > list(REGISTRY).index("crisis")
    jsonschema = pytest.importorskip("jsonschema")
    from cybergames.report import SCHEMA_PATH
    document = json.loads(render_analysis(analysis, "json"))
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()), cls=jsonschema.Draft202012Validator)
    from cybergames.models.deterrence import VERDICT_WIDTH
    from cybergames.report._build import VERDICT_WIDTH as width
    assert VERDICT_WIDTH == width and len(analysis.verdict) <= width


@pytest.mark.parametrize("changes", [dict(detection=0), dict(false_alarm=F(3, 5)), dict(identification=F(11, 10)),
                                     dict(loss=0), dict(value=F(3, 2)), dict(tolerated=1), dict(detection="x")])
def test_bad_parameters_are_refused(changes):
    with pytest.raises(ParameterError):
        DeterrenceModel(**changes)
    with pytest.raises(ParameterError):
        DeterrenceModel().sensitivity("patience")


# ---------------------------------------------------------------- properties
fractions = st.fractions(F(1, 20), 1, max_denominator=20)


@st.composite
def informative_models(draw):
    """Models with q = d alpha > r (retaliation deters some types), built, not filtered."""
    d = draw(fractions)
    a = draw(st.fractions(F(1, 10), 1, max_denominator=10))
    # 0 < r < q: a share below 19/20 of min(q, 1/2), or 1/400 < q (q >= 1/200)
    r = draw(st.fractions(0, 1, max_denominator=20)) * min(d * a, F(1, 2)) * F(19, 20) or F(1, 400)
    return DeterrenceModel(detection=d, identification=a, false_alarm=r,
                           loss=draw(st.fractions(F(1, 4), 4, max_denominator=8)),
                           value=draw(st.fractions(F(1, 4), 1, max_denominator=8)),
                           tolerated=draw(st.fractions(F(1, 10), F(9, 10), max_denominator=10)))


@settings(max_examples=40, deadline=None)
@given(informative_models())
def test_the_cutoff_solves_the_fixed_point_and_the_comparative_statics_have_bbws_signs(model):
    c = model.cutoff()
    assert 0 < c < 1 and fixed_point_residual(model, c) == 0
    # BBW (2020): detection at a fixed identification rate, fewer false alarms and (here) identification and a
    # larger loss deter; detecting misidentified attacks raises attacks (signs derived in the module docstring).
    assert model.sensitivity("detection") < 0 and model.sensitivity("identification") < 0
    assert model.sensitivity("false_alarm") > 0 and model.sensitivity("loss") < 0 and model.sensitivity("value") < 0
    assert model.sensitivity("misidentified") > 0
    # The region condition says exactly whether attacks stay within tau.
    holds = sympy.sympify(model.region_condition(free=[]))
    assert bool(holds) == (model.attack_probability() <= model.tolerated)


@settings(max_examples=40, deadline=None)
@given(informative_models(), st.fractions(F(1, 100), F(1, 2), max_denominator=100))
def test_finite_improvements_move_attacks_as_the_derivatives_say(model, step):
    p = sympy.sympify(model.attack_probability())
    more_loss = sympy.sympify(model.attack_probability(loss=model.loss + step))
    fewer_alarms = sympy.sympify(model.attack_probability(false_alarm=model.false_alarm * (1 - step)))
    assert more_loss < p and fewer_alarms < p
    d, q = model.detection, model.detection * model.identification
    if d < 1:
        e = min(d + step, 1)
        assert sympy.sympify(model.attack_probability(detection=e)) < p                       # alpha fixed: deters
        assert sympy.sympify(model.attack_probability(detection=e, identification=q / e)) > p  # q fixed: backfires


def test_the_attackers_are_strategic_complements():
    # BBW (2020, abstract): "if one attacker becomes more aggressive, that attacker becomes more 'suspect' and the
    # other attackers become less suspect, which leads the other attackers to become more aggressive as well" --
    # and "there is a unique equilibrium". Here attacker 1 fears retaliation less (L_1 = 3/4 < L = 3/2): its
    # cutoff falls, and so does attacker 2's, below the symmetric 3/7 (m = 3/10 >= r = 1/10: the
    # complementarity condition of cybergames.bayesian.attribution).
    model = DeterrenceModel()
    solution = model.asymmetric_equilibrium(F(3, 4))
    assert solution.unique is True and verify(solution).ok
    c1, c2 = (sympy.sympify(c) for c in solution.equilibria[0].cutoffs)
    assert c1 < c2 < sympy.Rational(3, 7)
    # Second method: attacker 2's best response to attacker 1's cutoff, written out by hand from the posterior
    # beta_2 = p_2 q/(p_2 q + p_1 m + (2 - p_1 - p_2) r) and c_2 = L (q - r) v beta_2, is a fixed point at c2,
    # and it falls as attacker 1 attacks more (c1 below 3/7).
    q, m, r, L = sympy.Rational(3, 5), sympy.Rational(3, 10), sympy.Rational(1, 10), sympy.Rational(3, 2)

    def response(c_2, c_1):
        p1, p2 = 1 - c_1, 1 - c_2
        return L * (q - r) * p2 * q / (p2 * q + p1 * m + (2 - p1 - p2) * r)

    assert abs((response(c2, c1) - c2).evalf(60)) < sympy.Float(10) ** -50     # exact roots, checked to 50 digits
    assert response(sympy.Rational(3, 7), c1).evalf(30) < sympy.Rational(3, 7)
