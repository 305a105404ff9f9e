"""Gordon and Loeb's (2002) optimal security investment: closed forms, the 1/e bound, optimality."""

import math
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError, ProbabilityError
from cybergames.security import gordon_loeb

HALF = Fraction(1, 2)


def test_class_one_with_beta_one():
    # Gordon & Loeb (2002), ACM TISSEC 5(4), class I with beta = 1: z* = (sqrt(v alpha L) - 1)/alpha.
    # By hand, v = 1/2, L = 8, alpha = 1: sqrt(4) - 1 = 1; S = (1/2)/(1 + 1) = 1/4; ENBIS = (1/2 - 1/4) 8 - 1 = 1.
    r = gordon_loeb(HALF, 8, 1)
    assert (r.investment, r.breach_probability, r.net_benefit, r.interior) == (1, Fraction(1, 4), 1, True)
    assert verify(r)


def test_class_one_with_beta_two():
    # Same source, class I: (alpha z + 1)^(beta + 1) = v beta alpha L. By hand, v = 1/2, beta = 2, alpha = 1,
    # L = 8: (z + 1)^3 = 8, z* = 1; S = (1/2)/2^2 = 1/8; ENBIS = (1/2 - 1/8) 8 - 1 = 2.
    r = gordon_loeb(HALF, 8, 1, 2)
    assert (r.investment, r.breach_probability, r.net_benefit) == (1, Fraction(1, 8), 2)


def test_class_one_irrational_optimum_is_exact():
    # Class I, beta = 1, v = 1/2, L = 3, alpha = 1: z* = sqrt(3/2) - 1 by the same closed form.
    r = gordon_loeb(HALF, 3, 1)
    assert sympy.simplify(r.investment - (sympy.sqrt(sympy.Rational(3, 2)) - 1)) == 0
    assert verify(r)


def test_class_two():
    # Gordon & Loeb (2002), class II S = v^(alpha z + 1). By hand, v = 1/2, L = 10, alpha = 1: the
    # first-order condition -alpha L ln v v^(alpha z + 1) = 1 reads 10 ln 2 / 2^(z + 1) = 1, so
    # z* = log2(10 ln 2) - 1 = log2(5 ln 2) ~ 1.79316 and S(z*) = 1/(10 ln 2).
    r = gordon_loeb(HALF, 10, 1, kind="II")
    expected = sympy.log(5 * sympy.log(2), 2)
    assert sympy.simplify(r.investment - expected) == 0
    assert sympy.simplify(r.breach_probability - 1 / (10 * sympy.log(2))) == 0
    floats = gordon_loeb(0.5, 10.0, 1.0, kind="II")
    assert floats.investment == pytest.approx(math.log2(5 * math.log(2)), rel=1e-12)
    assert verify(r) and verify(floats)


@pytest.mark.parametrize("kind", ["I", "II"])
def test_no_investment_when_it_does_not_pay(kind):
    # v = 1/2, L = 1, alpha = 1: class I needs v beta alpha L = 1/2 > 1, class II -alpha v L ln v = ln(2)/2 > 1;
    # both fail, so ENBIS'(0) <= 0 and z* = 0 with net benefit 0.
    r = gordon_loeb(HALF, 1, 1, kind=kind)
    assert (r.investment, r.net_benefit, r.interior) == (0, 0, False)
    assert verify(r)


def test_float_in_float_out():
    r = gordon_loeb(0.5, 8.0, 1.0)
    assert all(isinstance(x, float) for x in (r.investment, r.net_benefit, r.breach_probability, r.bound))


vulnerabilities = st.floats(0.001, 0.999)
losses = st.floats(0.01, 1e4)
productivities = st.floats(1e-3, 1e3)


@given(vulnerabilities, losses, productivities, st.floats(0.05, 20), st.sampled_from(["I", "II"]))
def test_one_over_e_bound(v, L, alpha, beta, kind):
    # Gordon & Loeb (2002): z* <= vL/e for both classes (strict for class I; class II attains it at t = e).
    r = gordon_loeb(v, L, alpha, beta, kind=kind)
    assert 0 <= r.investment <= v * L / math.e * (1 + 1e-12)


@given(st.fractions(Fraction(1, 100), Fraction(99, 100)), st.integers(1, 200), st.fractions(Fraction(1, 10), 10),
       st.sampled_from([1, 2, Fraction(1, 2)]), st.sampled_from(["I", "II"]))
def test_exact_bound_and_certificate(v, L, alpha, beta, kind):
    r = gordon_loeb(v, L, alpha, beta, kind=kind)
    # Strict for class I; for class II the bound is reached only at -alpha v L ln v = e, which rational
    # inputs miss (ln v would be -e/(alpha v L)), so it is strict here too.
    assert sympy.sympify(r.investment < v * L / sympy.E) or r.investment == 0
    assert verify(r)


@pytest.mark.parametrize("v, L", [(sympy.exp(-1), sympy.exp(2)), (math.exp(-1), math.e ** 2)])
def test_class_two_attains_the_one_over_e_bound(v, L):
    # Class II: with t = -alpha v L ln v the optimum is z* = ln(t)/(alpha (-ln v)), so z*/(vL) = ln(t)/t, whose
    # maximum over t is 1/e, at t = e. By hand, v = 1/e, L = e^2, alpha = 1: t = e^2 e^-1 = e, z* = ln(e)/1 = 1
    # and vL/e = e^-1 e^2 e^-1 = 1. So the bound is z* <= vL/e, attained, and the certificate must accept it.
    r = gordon_loeb(v, L, 1, kind="II")
    assert r.investment == pytest.approx(1, rel=1e-12) and r.bound == pytest.approx(1, rel=1e-12)
    assert verify(r)


def test_class_two_certificate_still_rejects_an_investment_above_the_bound():
    # The relaxed check is z* <= vL/e, not "anything goes": an answer 1% above vL/e is refused.
    import dataclasses
    r = gordon_loeb(math.exp(-1), math.e ** 2, 1.0, kind="II")
    assert not verify(dataclasses.replace(r, investment=1.01))


@given(vulnerabilities, losses, productivities, st.floats(0.05, 20), st.sampled_from(["I", "II"]),
       st.floats(0, 1e4))
def test_no_other_investment_does_better(v, L, alpha, beta, kind, z):
    # Second method: evaluate ENBIS(z) = (v - S(z, v)) L - z directly at an arbitrary z.
    r = gordon_loeb(v, L, alpha, beta, kind=kind)
    breach = v / (alpha * z + 1) ** beta if kind == "I" else v ** (alpha * z + 1)
    assert (v - breach) * L - z <= r.net_benefit + 1e-9 * max(1.0, v * L)


@pytest.mark.parametrize("args, kwargs, error, word", [
    ((0, 1, 1), {}, ProbabilityError, "v"),
    ((1, 1, 1), {}, ProbabilityError, "v"),
    ((1.5, 1, 1), {}, ProbabilityError, "v"),
    ((HALF, 0, 1), {}, ParameterError, "L"),
    ((HALF, -2.0, 1), {}, ParameterError, "L"),
    ((HALF, 1, 0), {}, ParameterError, "alpha"),
    ((HALF, 1, 1, -1), {}, ParameterError, "beta"),
    ((HALF, 1, 1), {"kind": "III"}, ParameterError, "kind"),
    ((sympy.Symbol("v"), 1, 1), {}, ProbabilityError, "v"),
])
def test_bad_input(args, kwargs, error, word):
    with pytest.raises(error, match=word):
        gordon_loeb(*args, **kwargs)


def test_verify_catches_a_wrong_investment():
    import dataclasses
    r = gordon_loeb(HALF, 10, 1, kind="II")
    assert not verify(dataclasses.replace(r, investment=r.investment + Fraction(1, 10**30)))
    assert not verify(dataclasses.replace(gordon_loeb(0.5, 8.0, 1.0), investment=1.01))


def test_float_overflow_is_refused_not_returned_as_infinity():
    with pytest.raises(ParameterError, match="overflows"):
        gordon_loeb(0.5, 1e308, 1e308)


@given(st.floats(0.01, 0.98), st.floats(0.001, 0.01), losses, productivities, st.floats(0.05, 20))
def test_class_one_investment_grows_with_vulnerability(v, step, L, alpha, beta):
    # Gordon & Loeb (2002): for class I, z* = ((v beta alpha L)^(1/(beta+1)) - 1)/alpha is
    # nondecreasing in v (the bracket grows with v; the clip at 0 keeps it monotone).
    low = gordon_loeb(v, L, alpha, beta).investment
    high = gordon_loeb(v + step, L, alpha, beta).investment
    assert high >= low - 1e-9 * max(1.0, low)


def test_class_two_investment_is_not_monotone_in_vulnerability():
    # Gordon & Loeb (2002): for class II the most vulnerable information may not be worth protecting.
    # By hand, L = 100, alpha = 1: at v = 19/20, -alpha v L ln v = 95 ln(20/19) ~ 4.87 > 1, so z* > 0; at
    # v = 99/100 it is 99 ln(100/99) ~ 0.995 < 1, so z* = 0.
    assert gordon_loeb(Fraction(19, 20), 100, 1, kind="II").investment > 0
    assert gordon_loeb(Fraction(99, 100), 100, 1, kind="II").investment == 0
    assert gordon_loeb(Fraction(19, 20), 100, 1).investment < gordon_loeb(Fraction(99, 100), 100, 1).investment


def test_an_exact_root_of_huge_index_is_refused_not_computed():
    with pytest.raises(ParameterError, match="MAX_EXPONENT"):
        gordon_loeb(HALF, 10**100, 1, 10**100)
    with pytest.raises(ParameterError, match="float64 resolution"):   # z* ~ 1e-98 rounds to 0 in floats
        gordon_loeb(0.5, 1e100, 1.0, 1e100)
