"""The attribution game: a symmetric equilibrium by hand and the properties Baliga, Bueno de Mesquita & Wolitzky
(2020, APSR 114(4); the abstract) state: strategic complementarity of attacks, and better detection and fewer
false alarms both lowering attacks."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bayesian import attribution_best_responses, attribution_comparative_statics, attribution_game
from cybergames.bayesian.attribution import DETECT, FALSE_ALARM, IDENTIFY, LOSS, VALUE
from cybergames.errors import ParameterError, ProbabilityError

F = Fraction


def test_symmetric_equilibrium_by_hand():
    # d = 4/5, alpha = 3/4, r = 1/10, L = v = 1: q = 3/5, m = 1/5. Symmetric p = 1 - c:
    # c = (q - r) q p / (q p + m p + 2 (1 - p) r) = (1/2)(3/5) p / ((4/5) p + (1/5)(1 - p)).
    # c = 1/3, p = 2/3: (3/10)(2/3) / ((8/15) + (1/15)) = (1/5) / (9/15) = 1/3. Holds.
    eq = attribution_game(F(4, 5), F(3, 4), F(1, 10))
    assert eq.cutoffs == (F(1, 3), F(1, 3)) and eq.attack == (F(2, 3), F(2, 3))
    # retaliation after a signal at i: v beta = (2/3)(3/5) / ((2/3)(3/5) + (2/3)(1/5) + (2/3)(1/10)) = 2/3
    assert eq.retaliation == (F(2, 3), F(2, 3))
    assert eq.solution.unique and verify(eq.solution).ok


def test_exact_comparative_statics_signs():
    # better detection raises the cutoffs (fewer attacks); more false alarms lowers them (more attacks)
    eq = attribution_game(F(4, 5), F(3, 4), F(1, 10))
    assert all(x > 0 for x in attribution_comparative_statics(eq, DETECT))
    assert all(x < 0 for x in attribution_comparative_statics(eq, FALSE_ALARM))


formulas, (C1, C2) = attribution_best_responses()
PARAMETERS = (DETECT, IDENTIFY, FALSE_ALARM, LOSS, VALUE)
RESPONSE = sympy.lambdify((C1, C2) + PARAMETERS, formulas[0], modules=[{}])     # exact with Fractions
fractions = lambda lo, hi: st.fractions(min_value=lo, max_value=hi, max_denominator=50)   # noqa: E731


@st.composite
def parameters(draw):
    """Parameters with misattribution at least as likely as a false alarm (m >= r) and q > r."""
    d = draw(fractions(F(1, 5), F(1)))
    a = draw(fractions(F(1, 2), F(9, 10)))
    r = min(d * (1 - a), d * a) * draw(fractions(F(1, 20), F(9, 10)))     # built, not filtered: 0 < r < m, q
    return {DETECT: d, IDENTIFY: a, FALSE_ALARM: r, LOSS: draw(fractions(F(1, 2), F(2))),
            VALUE: draw(fractions(F(1, 2), F(1)))}


@settings(max_examples=60, deadline=None)
@given(parameters(), fractions(F(0), F(1)), fractions(F(0), F(1)), fractions(F(0), F(1)))
def test_attacks_are_strategic_complements(values, ci, cj_low, cj_high):
    # BBW (2020): when attacker j attacks more (lower cutoff c_j) attacker i is less suspect, so its best-response
    # cutoff falls: f_i is nondecreasing in c_j. Checked from the formula at exact points, not from the solver.
    low, high = sorted((cj_low, cj_high))
    f = RESPONSE(ci, low, *(values[s] for s in PARAMETERS)), RESPONSE(ci, high, *(values[s] for s in PARAMETERS))
    assert isinstance(f[0], Fraction) and f[0] <= f[1]


@settings(max_examples=15, deadline=None)
@given(parameters(), st.fractions(min_value=F(1, 100), max_value=F(1, 5), max_denominator=100))
def test_better_detection_and_fewer_false_alarms_lower_attacks(values, step):
    base = dict(detection=float(values[DETECT]), identification=float(values[IDENTIFY]),
                false_alarm=float(values[FALSE_ALARM]), loss=float(values[LOSS]), value=float(values[VALUE]))
    before = attribution_game(**base)
    better = attribution_game(**{**base, "detection": min(1.0, base["detection"] * (1 + float(step)))})
    fewer = attribution_game(**{**base, "false_alarm": base["false_alarm"] * (1 - float(step))})
    for i in range(2):
        assert better.attack[i] <= before.attack[i] + 1e-9
        assert fewer.attack[i] <= before.attack[i] + 1e-9


def test_general_benefit_distribution():
    x = sympy.Symbol("x")
    eq = attribution_game(F(4, 5), F(3, 4), F(1, 10), benefits=(x**2, x))   # F(x) = x^2: density 2x
    assert eq.cutoffs[0] == eq.cutoffs[1] and verify(eq.solution).ok
    assert eq.attack[0] == 1 - eq.cutoffs[0] ** 2


def test_bad_input():
    x = sympy.Symbol("x")
    with pytest.raises(ProbabilityError, match="density"):
        attribution_game(F(4, 5), F(3, 4), F(1, 10), benefits=(sympy.Heaviside(x - F(1, 2)), x))
    with pytest.raises(ProbabilityError, match="density"):
        attribution_game(F(4, 5), F(3, 4), F(1, 10), benefits=(sympy.Integer(1), x))
    with pytest.raises(ProbabilityError, match="benefits"):
        attribution_game(F(4, 5), F(3, 4), F(1, 10), benefits="uniform")
    with pytest.raises(ProbabilityError, match="detection"):
        attribution_game(0, F(3, 4), F(1, 10))
    with pytest.raises(ProbabilityError, match="false_alarm"):
        attribution_game(F(4, 5), F(3, 4), F(3, 4))
    with pytest.raises(ParameterError, match="loss"):
        attribution_game(F(4, 5), F(3, 4), F(1, 10), loss=0)
