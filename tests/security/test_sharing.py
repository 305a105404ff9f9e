"""Investment and information sharing (after Gordon-Loeb-Lucyshyn 2003, Gal-Or-Ghose 2005): closed forms derived here.

The model is stated in cybergames/security/sharing.py; it is built after the two papers, not taken from them,
so every expected value below is derived here (by hand in the comment) and checked a second way by brute force
over an exact grid of the payoff written out again in this file.
"""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.security import information_sharing

HALF, QUARTER = Fraction(1, 2), Fraction(1, 4)


def u(z, s, z_other, s_other, w, theta, lam, rho, ell, tau=0):
    """Agent i's payoff, written out from the model's definition (with the transfer tau s_i - tau s_j)."""
    level = z + theta * s_other
    return (1 + w) * level - level ** 2 / 2 - z + lam * z * s_other + (rho + tau) * s - tau * s_other - ell * s ** 2 / 2


GRID = [Fraction(k, 8) for k in range(0, 25)]          # 0, 1/8, ..., 3


def brute_best_reply(z_other, s_other, *args):
    return max(((z, s) for z in GRID for s in GRID), key=lambda p: u(p[0], p[1], z_other, s_other, *args))


def brute_joint(*args):
    return max(((z, s) for z in GRID for s in GRID), key=lambda p: u(p[0], p[1], p[0], p[1], *args))


def test_substitutes_after_gordon_loeb_lucyshyn():
    # Derived here: w = 1, theta = 1/2, lambda = 0, rho = 1/2, l = 1. Sharing is dominant at rho/l = 1/2; then
    # z* = w + (lambda - theta) s* = 1 - 1/4 = 3/4. Joint optimum: s = (theta + lambda w + rho)/(l + 2 lambda theta
    # - lambda^2) = 1, z = 1 - 1/2 = 1/2: more sharing, less investment (Gordon, Loeb & Lucyshyn's substitutes;
    # their abstract: "when information is shared, each firm reduces the amount spent on information security").
    args = (1, HALF, 0, HALF, 1)
    r = information_sharing(*args)
    assert (r.relation, r.investment, r.sharing) == ("substitutes", Fraction(3, 4), HALF)
    assert (r.optimal_investment, r.optimal_sharing) == (HALF, 1)
    # Second method: every point is on the exact grid, so brute force over it finds the same answers.
    assert brute_best_reply(r.investment, r.sharing, *args) == (r.investment, r.sharing)
    assert brute_joint(*args) == (r.optimal_investment, r.optimal_sharing)
    # Welfare by hand: sigma = 1 at both, B = 3/2; equilibrium 3/2 - 3/4 + 1/4 - 1/8 = 7/8, optimum 3/2 - 1/2 = 1.
    assert (r.welfare, r.optimal_welfare) == (Fraction(7, 8), 1)
    assert verify(r).ok


def test_complements_when_the_demand_spillover_is_strong_after_gal_or_ghose():
    # Derived here: theta = 0, lambda = 1/2 (the partner's sharing raises the return on investment), rho = 1/2,
    # l = 1: s* = 1/2, z* = 1 + 1/4 = 5/4; optimum s = (0 + 1/2 + 1/2)/(1 - 1/4) = 4/3, z = 1 + 2/3 = 5/3:
    # the optimum raises both (Gal-Or & Ghose's complements; their abstract: investments and sharing "act as
    # strategic complements in equilibrium").
    args = (1, 0, HALF, HALF, 1)
    r = information_sharing(*args)
    assert (r.relation, r.investment, r.sharing) == ("complements", Fraction(5, 4), HALF)
    assert (r.optimal_investment, r.optimal_sharing) == (Fraction(5, 3), Fraction(4, 3))
    assert brute_best_reply(r.investment, r.sharing, *args) == (r.investment, r.sharing)
    assert verify(r).ok


def test_corners_when_shared_information_replaces_all_investment():
    # Derived here: w = 1/10, theta = 2, lambda = 0, rho = 1, l = 1: s* = 1 and w - 2 s* < 0, so z* = 0. The
    # interior optimum s = (2 + 0 + 1)/1 = 3 gives z = 1/10 - 6 < 0, so the corner: s = (2 (11/10) + 1)/(4 + 1)
    # = 16/25, and there d/dz = w - theta s = 1/10 - 32/25 < 0 keeps z = 0.
    r = information_sharing(Fraction(1, 10), 2, 0, 1, 1)
    assert (r.investment, r.sharing, r.optimal_investment, r.optimal_sharing) == (0, 1, 0, Fraction(16, 25))
    assert r.optimal_sharing < r.sharing                 # over-sharing: the partner is over-protected
    assert verify(r).ok


def test_the_subsidy_implements_the_joint_optimum():
    # tau = l s_opt - rho = 1 - 1/2 = 1/2 in the substitutes case: then s* = (1/2 + 1/2)/1 = 1 = s_opt and
    # z* = 1 - 1/2 = 1/2 = z_opt, and the transfer nets out: welfare 1.
    base = information_sharing(1, HALF, 0, HALF, 1)
    assert base.implementing_subsidy == HALF
    subsidised = information_sharing(1, HALF, 0, HALF, 1, subsidy=HALF)
    assert (subsidised.investment, subsidised.sharing, subsidised.welfare) == (HALF, 1, 1)
    assert verify(subsidised).ok


def test_floats_give_floats_and_agree_with_exact():
    exact = information_sharing(1, HALF, QUARTER, QUARTER, 1, subsidy=HALF)
    floats = information_sharing(1.0, 0.5, 0.25, 0.25, 1.0, subsidy=0.5)
    assert isinstance(floats.investment, float) and isinstance(floats.optimal_welfare, float)
    assert floats.optimal_sharing == pytest.approx(float(exact.optimal_sharing))
    assert floats.welfare == pytest.approx(float(exact.welfare))
    assert verify(floats).ok


def test_a_tampered_answer_fails_verification():
    from dataclasses import replace
    r = information_sharing(1, HALF, 0, HALF, 1)
    assert not verify(replace(r, investment=Fraction(1, 2))).ok
    assert not verify(replace(r, optimal_sharing=Fraction(9, 10))).ok
    assert not verify(replace(r, relation="complements")).ok


@pytest.mark.parametrize("args, kwargs, word", [
    ((0, 0, 0, 0, 1), {}, "return_"),
    ((1, -1, 0, 0, 1), {}, "substitution"),
    ((1, 0, -1, 0, 1), {}, "spillover"),
    ((1, 0, 0, -1, 1), {}, "private_benefit"),
    ((1, 0, 0, 0, 0), {}, "leakage"),
    ((1, 0, 2, 0, 1), {}, "leakage"),                  # l = 1 <= lambda (lambda - 2 theta) = 4: not concave
    ((1, 0, 0, 0, 1), {"subsidy": -1}, "subsidy"),
    ((1, 0, 0, 0, "x"), {}, "leakage"),
])
def test_bad_input_names_the_argument(args, kwargs, word):
    with pytest.raises(ParameterError, match=word):
        information_sharing(*args, **kwargs)


small = st.fractions(min_value=0, max_value=2, max_denominator=8)
positive = st.fractions(min_value=Fraction(1, 8), max_value=2, max_denominator=8)


@st.composite
def parameters(draw):
    w, theta, lam, rho, tau = draw(positive), draw(small), draw(small), draw(small), draw(small)
    floor = max(lam * (lam - 2 * theta), 0)
    ell = floor + draw(positive)                      # built to satisfy l > lambda (lambda - 2 theta)
    return w, theta, lam, rho, ell, tau


@settings(max_examples=40)          # each example verifies exactly (sympy / enumeration): slow
@given(parameters())
def test_equilibrium_is_a_best_reply_and_the_optimum_beats_it(p):
    w, theta, lam, rho, ell, tau = p
    r = information_sharing(w, theta, lam, rho, ell, subsidy=tau)
    assert verify(r).ok
    args = (w, theta, lam, rho, ell, tau)
    here = u(r.investment, r.sharing, r.investment, r.sharing, *args)
    for z in (r.investment + d for d in (Fraction(-1, 7), Fraction(1, 7)) if r.investment + d >= 0):
        for s in (r.sharing + e for e in (Fraction(-1, 7), 0, Fraction(1, 7)) if r.sharing + e >= 0):
            assert u(z, s, r.investment, r.sharing, *args) <= here
    assert r.optimal_welfare >= r.welfare                   # the pair's optimum is worth at least the equilibrium


@given(parameters(), st.fractions(min_value=Fraction(1, 16), max_value=1, max_denominator=16))
def test_more_subsidised_sharing_moves_investment_by_the_relation(p, extra):
    # Comparative statics: raising the subsidy raises equilibrium sharing; investment then falls under
    # substitutes, rises under complements, stays under independence (while it is positive).
    w, theta, lam, rho, ell, tau = p
    low = information_sharing(w, theta, lam, rho, ell, subsidy=tau)
    high = information_sharing(w, theta, lam, rho, ell, subsidy=tau + extra)
    assert high.sharing > low.sharing
    if low.investment > 0 and high.investment > 0:
        change = high.investment - low.investment
        assert (change > 0, change < 0) == (low.relation == "complements", low.relation == "substitutes")


@given(parameters())
def test_the_implementing_subsidy_implements_the_optimum(p):
    w, theta, lam, rho, ell, _ = p
    r = information_sharing(w, theta, lam, rho, ell)
    target = r.implementing_subsidy
    if target >= 0:
        implemented = information_sharing(w, theta, lam, rho, ell, subsidy=target)
        assert (implemented.sharing, implemented.investment) == (r.optimal_sharing, r.optimal_investment)
        assert implemented.welfare == r.optimal_welfare


@given(parameters())
def test_float_path_agrees(p):
    exact = information_sharing(*p[:5], subsidy=p[5])
    floats = information_sharing(*(float(x) for x in p[:5]), subsidy=float(p[5]))
    assert math.isclose(floats.optimal_welfare, float(exact.optimal_welfare), rel_tol=1e-9, abs_tol=1e-9)
    assert floats.relation == exact.relation
