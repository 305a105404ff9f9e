"""The capacity-and-free-riding model (after Varian 2004): verdict, conditions, region and capacity building."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.errors import ParameterError
from cybergames.models import ReliabilityModel
from cybergames.report import build_report, render


def test_defaults_either_state_may_provide_under_the_best_shot():
    # Derived in cybergames/security/reliability.py: x* = (3/4, 1/2); (3/4)^2 = 9/16 <= (1/2)(3/2) = 3/4, so
    # state 2 providing is an equilibrium too: the single-provider condition fails, the protection one holds.
    analysis = ReliabilityModel().analyse()
    protect, single = analysis.conditions
    assert (protect.holds, single.holds, analysis.sustainable) == (True, False, False)
    assert "free-ride on the less capable one at 1/2" in analysis.findings[3]
    assert verify(analysis.details["games"]).ok


def test_disparity_gives_one_provider_and_the_verdict_holds():
    # c_1 = 1/5: x_1* = 9/10, 81/100 > 3/4: state 1 alone provides.
    analysis = ReliabilityModel(cost_1=Fraction(1, 5)).analyse()
    assert analysis.sustainable is True
    assert "only state 1 provides" in analysis.findings[3]


def test_a_state_that_would_not_protect_leaves_the_weakest_link_at_zero():
    # c_2 = 2 = 2 v_2: x_2* = 0 (weakly: the first unit just breaks even); weakest link level 0.
    analysis = ReliabilityModel(cost_2=2).analyse()
    assert analysis.conditions[0].holds is False
    assert analysis.details["games"].weakest_link.best_level == 0


def test_capacity_building_tables():
    # Weakest link: min(3/4, 1 - c_2/2); total effort: max(3/4, 1 - c_2/2). At c_2 = 1/4: 3/4 and 7/8.
    remedies = {r.name: dict(r.table) for r in ReliabilityModel().analyse().remedies}
    wl = remedies["capacity building for state 2: weakest-link security"]
    te = remedies["capacity building for state 2: total-effort security"]
    assert wl[Fraction(1, 4)] == Fraction(3, 4) and wl[1] == Fraction(1, 2) and wl[2] == 0
    assert te[Fraction(1, 4)] == Fraction(7, 8) and te[1] == Fraction(3, 4) and te[2] == Fraction(3, 4)
    # Optima: 1 - min(c)/(2 (v_1 + v_2)) = 1 - (1/2)/4 = 7/8 at c_2 = 1; weakest link 1 - (1/2 + 1)/4 = 5/8.
    assert remedies["capacity building for state 2: the pair's optimum, total effort and best shot"][1] == \
        Fraction(7, 8)
    assert remedies["capacity building for state 2: the pair's optimum, weakest link"][1] == Fraction(5, 8)


def test_floats_and_bad_parameters():
    analysis = ReliabilityModel(cost_1=0.5).analyse()
    assert isinstance(analysis.details["games"].standalone[0], float)
    with pytest.raises(ParameterError, match="cost_2"):
        ReliabilityModel(cost_2=0)


def test_the_report_and_json_carry_the_numbers():
    text = render(build_report(["reliability"]), "text")
    assert "7/8" in text and "5/8" in text and "free-rides" in text
    assert '"exact": "7/8"' in render(build_report(["reliability"]), "json")


amounts = st.fractions(min_value=Fraction(1, 8), max_value=3, max_denominator=8)


@settings(max_examples=40)          # each example verifies exactly (sympy / enumeration): slow
@given(amounts, amounts, amounts, amounts)
def test_the_region_condition_agrees_with_the_analysis(v1, v2, c1, c2):
    model = ReliabilityModel(v1, v2, c1, c2)
    analysis = model.analyse()
    assert bool(model.region_condition(free=[])) == (analysis.conditions[0].holds and analysis.conditions[1].holds)


# --- mixed best-shot equilibria --------------------------------------------------------------------------------
# Source of the games: H. R. Varian, "System reliability and free riding" (2004), the best-shot case; the payoff
# P(G) = G(2 - G) is this library's choice, so the numbers are derived by hand here, not quoted from the paper.

def _payoff(value, cost, effort, other_efforts):
    """Expected best-shot payoff of an agent working ``effort`` against [(probability, effort)] of the other."""
    def p(g):
        return g * (2 - g) if g <= 1 else 1.0
    return sum(q * value * p(max(effort, y)) for q, y in other_efforts) - cost * effort


def _best_response_gaps(values, costs, m):
    """Brute force: how much each agent gains by its best reply on a grid of step 1/2000 (<= 0: an equilibrium)."""
    i, j = m.mixer, 1 - m.mixer
    w, x, z = float(m.work_probability), float(m.effort), float(m.fixed_effort)
    mix = [(1 - w, 0.0), (w, x)]
    grid = [t / 2000 for t in range(2001)]
    gap_i = max(_payoff(values[i], costs[i], e, [(1.0, z)]) for e in grid) - float(m.payoffs[i])
    gap_j = max(_payoff(values[j], costs[j], e, mix) for e in grid) - float(m.payoffs[j])
    support_i = [_payoff(values[i], costs[i], e, [(1.0, z)]) - float(m.payoffs[i]) for e in (0.0, x)]
    support_j = _payoff(values[j], costs[j], z, mix) - float(m.payoffs[j])
    return gap_i, gap_j, max(abs(s) for s in support_i + [support_j])


def test_defaults_mixed_best_shot_equilibrium_by_hand():
    # By hand, v = (1, 1), c = (1/2, 1), x* = (3/4, 1/2). State 1 mixes 0 / 3/4, state 2 works z for sure.
    # State 1 indifferent: P(z) = (3/4)^2 = 9/16, so (1 - z)^2 = 7/16, z = 1 - sqrt(7)/4 ~ 0.3386 < 1/2.
    # State 2's payoff on [0, 3/4] is k P(x) + (1 - k) P(3/4) - x, peak where 2k(1 - x) = 1: at z iff
    # k = 1/(2 sqrt(7)/4) = 2/sqrt(7), so state 1 works with probability 1 - 2 sqrt(7)/7 ~ 0.2441.
    # Payoffs: state 1 (3/4)^2 = 9/16; state 2 k 9/16 + (1 - k) 15/16 - z = -1/16 + sqrt(7)/7.
    # State 2 mixing instead: z' = 1 - sqrt(3)/2, k' = (1/2)/(2 sqrt(3)/2) = 1/(2 sqrt 3), and state 1's payoff there,
    # k' P(z') + (1 - k') 3/4 - z'/2 ~ 0.5387 < (3/4)^2 = 0.5625 (working 3/4 above 1/2): not an equilibrium.
    games = ReliabilityModel().games()
    (m,) = games.best_shot_mixed
    assert (m.mixer, m.effort) == (0, Fraction(3, 4))
    assert sympy.simplify(m.fixed_effort - (1 - sympy.sqrt(7) / 4)) == 0
    assert sympy.simplify(m.work_probability - (1 - 2 / sympy.sqrt(7))) == 0
    assert m.payoffs[0] == Fraction(9, 16) and sympy.simplify(m.payoffs[1] - (sympy.sqrt(7) / 7 - Fraction(1, 16))) == 0
    # Second method: a brute-force best-response check on a grid of step 1/2000 and the support's indifference.
    gap_i, gap_j, support = _best_response_gaps((1, 1), (0.5, 1), m)
    assert gap_i <= 1e-12 and gap_j <= 1e-12 and support <= 1e-12
    assert verify(games).ok
    answer = ReliabilityModel().game_answer()
    assert answer.equilibria[-1].name.startswith("best shot, mixed: state 1 works 3/4")
    # rules 5-7 of cybergames/security/reliability.py: the ratios differ (1/2, 1), so supports are finite, and the
    # ladders stop at n = 2 (state 1 on top) and before n = 2 (state 2): the list is the whole equilibrium set
    assert answer.complete and "every ladder that is an equilibrium is listed" in answer.certificate
    assert games.best_shot_ladder_limits == (2, 0) and games.best_shot_two_mixers == ()
    numbers = dict(ReliabilityModel().analyse().numbers)
    assert numbers["best_shot_mixed"] == 1 and numbers["best_shot_mixed_1_work_probability"] == m.work_probability


def test_a_single_provider_has_no_mixed_equilibrium_of_this_form():
    # c_1 = 1/5: x* = (9/10, 1/2). State 1 mixing needs z = 1 - sqrt(1 - 81/100) = 1 - sqrt(19)/10 ~ 0.564 < 1/2: no.
    # State 2 mixing: z = 1 - sqrt(3)/2, k = (1/5)/sqrt(3) ~ 0.115; state 1 earns k 1/4 + (1 - k) 3/4 - z/5 ~ 0.66
    # < (9/10)^2 = 0.81 by working 9/10: no. (Second method: the brute force below finds a better reply.)
    assert ReliabilityModel(cost_1=Fraction(1, 5)).games().best_shot_mixed == ()


def _brute_force_mixed(values, costs):
    """The second method: each candidate of the form by bisection and a grid search, kept if no reply gains."""
    def p(g):
        return g * (2 - g) if g <= 1 else 1.0
    alone = [max(0.0, 1 - c / (2 * v)) for v, c in zip(values, costs)]
    found = {}
    for i in (0, 1):
        j = 1 - i
        if alone[i] <= 0 or alone[j] <= 0:
            continue
        lo, hi = 0.0, alone[i]                 # P(z) = x_i*^2 by bisection
        for _ in range(80):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if p(mid) < alone[i] ** 2 else (lo, mid)
        z = lo
        # j's marginal payoff at z, k P'(z) v_j - c_j = 0, for the free-riding probability k
        k = costs[j] / (values[j] * 2 * (1 - z))
        if not 0 < k < 1:
            continue
        mix = [(k, 0.0), (1 - k, alone[i])]
        claimed = _payoff(values[j], costs[j], z, mix)
        grid = [t / 2000 for t in range(2001)]
        gain = max(_payoff(values[j], costs[j], e, mix) for e in grid) - claimed
        found[i] = gain
    return found


@settings(max_examples=30, deadline=None)
@given(amounts, amounts, amounts, amounts)
def test_listed_mixed_equilibria_are_best_responses_and_agree_with_brute_force(v1, v2, c1, c2):
    games = ReliabilityModel(v1, v2, c1, c2).games()
    values, costs = (float(v1), float(v2)), (float(c1), float(c2))
    for m in games.best_shot_mixed:
        gap_i, gap_j, support = _best_response_gaps(values, costs, m)
        assert gap_i <= 1e-9 and gap_j <= 1e-9 and support <= 1e-9
    listed = {m.mixer for m in games.best_shot_mixed}
    for i, gain in _brute_force_mixed(values, costs).items():
        if gain > 1e-6:                        # the brute force finds a better reply for the other agent
            assert i not in listed
        elif gain <= 1e-12:                    # the candidate holds with room to spare on the grid
            assert i in listed
    assert verify(games).ok


def test_both_states_mix_the_known_example_is_the_three_level_ladder():
    # Derived here (module rules 4 and 6 of cybergames/security/reliability.py): with v = (1, 1), c = (9/10, 1),
    # x* = (11/20, 1/2). State 1 on top mixes z_1 / z_3 = 11/20, state 2 mixes 0 / z_2. Peak conditions
    # F_j(x) = r_i/(2(1 - x)); state 2 indifferent between 0 and z_2 gives P(z_1) = z_2^2; state 1 indifferent
    # between z_1 and z_3 gives (1 - z_2)^2 = (1 - z_1)(1 - z_3). So 1 - z_m = 2 rho^m/(1 + rho^2) with
    # rho^3/(1 + rho^2) = r_1/4 = 9/40, i.e. 40 rho^3 - 9 rho^2 - 9 = 0: rho ~ 0.6932, z ~ 0.0636, 0.3509, 0.55.
    # Second method: the original equations of this example, solved numerically (fsolve), agree, and a
    # brute-force best-response check on a grid of step 1/4000 finds no better reply.
    from scipy.optimize import fsolve

    def p(g):
        return g * (2 - g) if g <= 1 else 1.0

    def equations(u):
        s, a, k, m = u
        return [a - (1 - 0.9 / (2 * s)), s * p(a) + (1 - s) * p(m) - 0.9 * a - 0.55 ** 2,
                m - (1 - 1 / (2 * k)), k * (p(m) - p(a)) - m]

    s, a, k, m = fsolve(equations, [0.48, 0.06, 0.77, 0.35], xtol=1e-12)
    games = ReliabilityModel(cost_1=Fraction(9, 10)).games()
    (e,) = [x for x in games.best_shot_two_mixers if x.levels == 3 and x.top == 0]
    rho = sympy.Symbol("rho")
    assert sympy.simplify(sympy.minimal_polynomial(e.ratio, rho) - (40 * rho ** 3 - 9 * rho ** 2 - 9)) == 0
    (low, high), (zero, middle) = e.supports
    assert high == Fraction(11, 20) and zero == 0
    assert sympy.simplify(low - (1 - 2 * e.ratio / (1 + e.ratio ** 2))) == 0
    assert abs(float(low) - a) < 1e-9 and abs(float(middle) - m) < 1e-9
    assert abs(float(e.probabilities[0][0]) - k) < 1e-9 and abs(float(e.probabilities[1][0]) - s) < 1e-9
    grid = [t / 4000 for t in range(4001)]
    u1 = [_payoff(1, 0.9, x, [(s, 0.0), (1 - s, m)]) for x in grid + [a, 0.55]]
    u2 = [_payoff(1, 1, x, [(k, a), (1 - k, 0.55)]) for x in grid + [0.0, m]]
    assert max(u1) <= min(u1[-2:]) + 1e-9 and abs(u1[-1] - float(e.payoffs[0])) <= 1e-12
    assert max(u2) <= min(u2[-2:]) + 1e-9 and abs(u2[-1] - float(e.payoffs[1])) <= 1e-12
    # the ladders run to n = 8 (state 1 on top) and n = 7 (state 2): more than three efforts each, not listed
    answer = ReliabilityModel(cost_1=Fraction(9, 10)).game_answer()
    assert games.best_shot_ladder_limits == (8, 7) and answer.partial
    assert "not listed: 3 ladders topped by state 1 with 6 to 8 levels" in answer.certificate
    assert verify(games).ok
