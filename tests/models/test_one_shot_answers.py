"""The game's answer of the one-shot models and the decision problem: the named equilibrium *is* the game's.

Deterrence, sharing and reliability are one-shot games and timing is a decision problem, so there is no
folk theorem to apply and no better automaton to search for: the game's answer is its equilibrium set,
computed whole (``GameAnswer.certificate``), each equilibrium with its value. Every value is derived by hand
here by a route other than the code's, and every equilibrium is re-checked by brute-force best replies.
"""

from __future__ import annotations

import json
from fractions import Fraction as F

import pytest
from hypothesis import given, settings, strategies as st

from cybergames.models import (CrisisBargainingModel, CyberTimingModel, DeterrenceModel, InterdependentSecurityModel,
                               ReliabilityModel, SecurityInvestmentModel, SharingInvestmentModel)
from cybergames.report import render_analysis
from cybergames.security.sharing import payoff as sharing_payoff


# ------------------------------------------------------------------ deterrence
def _attacker_value(model, c):
    # A second route to an attacker's expected payoff in the symmetric equilibrium with cutoff c: its benefit
    # when it attacks, E[x 1{x > c}] = (1 - c^2)/2 times the chance 1/2 of the opportunity, less L times the
    # chance that it is retaliated against, rho times the chance that a signal points at it,
    # 1/2 (p q + (1 - p) r) + 1/2 (p m + (1 - p) r) = p d/2 + (1 - p) r (Baliga, Bueno de Mesquita &
    # Wolitzky 2020's signals, as cybergames.bayesian.attribution states them).
    d, q, r, L, v = model.detection, model.detection * model.identification, model.false_alarm, model.loss, model.value
    p = 1 - c
    rho = v * p * q / (p * d + 2 * (1 - p) * r)
    return (1 - c * c) / 4 - L * rho * (p * d / 2 + (1 - p) * r)


def test_deterrence_the_unique_equilibrium_is_the_games_answer():
    # BBW (2020)'s model as cybergames.bayesian.attribution states it, and the uniqueness its abstract states; the defaults
    # d, alpha, r, L, v = 9/10, 2/3, 1/10, 3/2, 1 give c* = 3/7 (the model's docstring: 14c^2 - 27c + 9 = 0).
    # By hand, with p = 4/7 and rho = 4/7: (1 - 9/49)/4 = 10/49; p d/2 + (1 - p) r = 9/35 + 3/70 = 3/10;
    # L rho 3/10 = 9/35; so U = 10/49 - 9/35 = (50 - 63)/245 = -13/245.
    model = DeterrenceModel()
    answer = model.game_answer()
    assert answer.complete and answer.folk is None and answer.patient is None
    assert len(answer.equilibria) == 1 and answer.best is answer.equilibria[0]
    assert answer.best.profile == (F(3, 7), F(3, 7))
    assert answer.best.value == (F(-13, 245),) * 2 == (_attacker_value(model, F(3, 7)),) * 2
    assert answer.certificate.startswith("unique")
    # Attacks within tau = 1/2 iff K tau >= (1 - tau)(d tau + 2r(1 - tau)) with K = L v (q - r) q:
    # L (1/2)(3/5)(1/2) >= (1/2)(9/20 + 1/10)  <=>  L >= (11/40)/(3/20) = 11/6, by hand.
    assert model.least_loss() == F(11, 6)
    analysis = model.analyse()
    assert analysis.verdict == "not sustainable: unique equilibrium c* = 3/7, p* = 4/7 > τ = 1/2; binds: L ≥ 11/6"
    assert analysis.game is not None and analysis.game.verdict == analysis.verdict


def test_deterrence_at_the_least_loss_attacks_reach_the_tolerated_level_exactly():
    # At L = 11/6 the cutoff solves F(1/2) = 0, so p* = tau = 1/2: a tie, sustainable weakly.
    model = DeterrenceModel(loss=F(11, 6))
    assert model.attack_probability() == F(1, 2)
    assert model.analyse().verdict.startswith("sustainable: unique equilibrium c* = 1/2, p* = 1/2 ≤ τ = 1/2")


def test_deterrence_without_informative_signals_the_binding_condition_is_q_above_r():
    model = DeterrenceModel(identification=F(1, 10))                  # q = 9/100 < r = 1/10
    assert model.least_loss() is None
    assert model.analyse().verdict.endswith("binds: q > r")


informative = st.builds(
    lambda d, a, share, L, tau: DeterrenceModel(detection=d, identification=a,
                                                false_alarm=max(share * min(d * a, F(1, 2)), F(1, 400)),
                                                loss=L, tolerated=tau),
    st.fractions(F(1, 2), 1, max_denominator=10), st.fractions(F(1, 2), 1, max_denominator=10),
    st.fractions(F(1, 10), F(9, 10), max_denominator=10), st.fractions(F(1, 4), 4, max_denominator=8),
    st.fractions(F(1, 10), F(9, 10), max_denominator=10))


@settings(max_examples=25, deadline=None)
@given(informative)
def test_deterrence_attacks_stay_within_tau_iff_the_loss_reaches_the_least_loss(model):
    # The comparative static behind "binds": p* falls with L (BBW 2020: a costlier retaliation deters), and
    # L* is where p* = tau, so p* <= tau iff L >= L*.
    least = model.least_loss()
    assert (model.attack_probability() <= model.tolerated) == (model.loss >= least)
    assert model.replace(loss=least).attack_probability() == model.tolerated


@settings(max_examples=15, deadline=None)
@given(informative)
def test_deterrence_the_listed_equilibrium_is_a_best_reply_with_the_value_found_by_hand(model):
    answer = model.game_answer()
    c1, c2 = answer.best.profile
    if c1 == c2:
        assert float(answer.best.value[0]) == pytest.approx(float(_attacker_value(model, c1)), abs=1e-12)
        # The attacker is indifferent at its cutoff, c = L (q - r) rho, with the defender's best reply
        # rho = v beta, beta = p q/(p d + 2 (1 - p) r): a best reply on both sides.
        d, q, r = model.detection, model.detection * model.identification, model.false_alarm
        p = 1 - c1
        rho = model.value * p * q / (p * d + 2 * (1 - p) * r)
        assert float(c1) == pytest.approx(float(model.loss * (q - r) * rho), abs=1e-12)


# ------------------------------------------------------------------ timing
def test_timing_the_optimal_policy_is_the_decision_problems_answer():
    # Axelrod & Iliev (2014), "The model": V = E max(T + wSV, wPV). At the defaults V = 25/7 (test_timing.py)
    # solves it, by hand: at stakes 1, max(1 + (9/20)(25/7), (81/100)(25/7)) = max(73/28, 81/28) = 81/28 (keep);
    # at stakes 4, max(4 + 45/28, 81/28) = 157/28 (use); (3/4)(81/28) + (1/4)(157/28) = 400/112 = 25/7.
    model = CyberTimingModel()
    answer = model.game_answer()
    assert answer.complete and answer.best.value == (F(25, 7),) and answer.best.profile == (False, True)
    assert answer.certificate.startswith("the only optimal policy")
    assert answer.verdict == model.analyse().verdict


def test_timing_at_the_stealth_threshold_both_policies_are_optimal():
    # At S = S* = 167/270 (test_timing.py) using always is worth (7/4)/(1 - (9/10)(167/270)) = 525/133 = 75/19
    # and using only at high stakes 1/(1 - 167/1200 - 729/1200) = 1200/304 = 75/19, by hand: a tie.
    model = CyberTimingModel(stealth=F(167, 270))
    answer = model.game_answer()
    assert [e.profile for e in answer.equilibria] == [(True, True), (False, True)]
    assert all(e.value == (F(75, 19),) for e in answer.equilibria)
    assert "a tie" in answer.certificate


def _policy_value(model, use):
    # Axelrod & Iliev (2014): a stationary policy using the resource at the stakes in `use` is worth
    # V = G/(1 - wSQ - wP(1 - Q)), G the expected stakes when used and Q the chance of using (by hand).
    pairs = ((model.stakes_low, 1 - model.high_probability), (model.stakes_high, model.high_probability))
    G = sum((t * q for (t, q), u in zip(pairs, use) if u), 0)
    Q = sum((q for (_, q), u in zip(pairs, use) if u), 0)
    return F(G) / (1 - model.discount * model.stealth * Q - model.discount * model.persistence * (1 - Q))


unit = st.fractions(0, 1, max_denominator=8)


@settings(max_examples=30, deadline=None)
@given(unit, unit, st.fractions(0, F(7, 8), max_denominator=8), st.fractions(F(1, 8), F(7, 8), max_denominator=8))
def test_timing_the_listed_policies_are_optimal_among_all_four(stealth, persistence, discount, high):
    # The holder has four stationary policies (use at neither, low only, high only, both stakes); Blackwell
    # (1965): an optimal policy is among them. Each listed policy attains the best of the four, by this
    # second computation of their values.
    model = CyberTimingModel(stealth=stealth, persistence=persistence, discount=discount, high_probability=high)
    answer = model.game_answer()
    worth = {use: _policy_value(model, use) for use in ((False, False), (True, False), (False, True), (True, True))}
    best = max(worth.values())
    assert answer.equilibria and all(worth[e.profile] == best == e.value[0] for e in answer.equilibria)


# ------------------------------------------------------------------ sharing
def test_sharing_the_unique_equilibrium_with_its_value_by_hand():
    # The model's defaults (w, theta, lambda, rho, l, tau = 1, 1/2, 1/4, 1/4, 1, 1/2): s* = 3/4, z* = 13/16.
    # By hand: sigma = 13/16 + 3/8 = 19/16; B = 2 sigma - sigma^2/2 = 855/512; -z = -416/512;
    # lambda z s = 78/512; rho s = 96/512; -l s^2/2 = -144/512 (the subsidy nets out): 469/512.
    model = SharingInvestmentModel()
    answer = model.game_answer()
    assert answer.complete and answer.best.value == (F(469, 512),) * 2
    assert answer.best.profile == ((F(13, 16), F(3, 4)),) * 2
    analysis = model.analyse()
    assert analysis.verdict == "not sustainable: unique equilibrium shares 3/4 < s°; binds: τ ≥ 45/76 ≈ 0.5921"
    assert dict(analysis.numbers)["implementing_subsidy"] == F(45, 76)


sharing_models = st.builds(
    lambda w, th, la, rho, extra, tau: SharingInvestmentModel(w, th, la, rho, max(la * (la - 2 * th), 0) + extra,
                                                              tau),
    st.fractions(F(1, 4), 2, max_denominator=4), *(st.fractions(0, 1, max_denominator=4) for _ in range(3)),
    st.fractions(F(1, 4), 2, max_denominator=4), st.fractions(0, 1, max_denominator=4))


@settings(max_examples=25, deadline=None)
@given(sharing_models)
def test_sharing_no_deviation_on_a_grid_pays(model):
    # Brute force: no (z, s) on a grid around the equilibrium beats it, for state 1 against state 2's play
    # (the subsidy's transfer tau (s_1 - s_2) added to u_1 by hand).
    (z, s), (z2, s2) = model.game_answer().best.profile
    args = (model.investment_return, model.substitution, model.spillover, model.private_benefit, model.leakage)

    def u(own_z, own_s):
        return sharing_payoff(own_z, own_s, z2, s2, *args) + model.subsidy * (own_s - s2)
    here = u(z, s)
    for dz in (F(-1, 8), F(-1, 64), 0, F(1, 64), F(1, 8)):
        for ds in (F(-1, 8), F(-1, 64), 0, F(1, 64), F(1, 8)):
            if z + dz >= 0 and s + ds >= 0:
                assert u(z + dz, s + ds) <= here
    assert model.analyse().sustainable == (model.subsidy >= model.implementing_subsidy())


# ------------------------------------------------------------------ reliability
def _reliability_payoffs(model, x, technology):
    level = {"total": x[0] + x[1], "weakest": min(x), "best": max(x)}[technology]
    secure = level * (2 - level) if level <= 1 else 1
    return (model.value_1 * secure - model.cost_1 * x[0], model.value_2 * secure - model.cost_2 * x[1])


def test_reliability_every_pure_equilibrium_with_its_value_by_hand():
    # After Varian (2004): total effort, weakest link and best shot, with P(G) = G(2 - G); at the defaults
    # v = 1, 1 and c = 1/2, 1 the stand-alone efforts are 3/4 and 1/2. By hand: state 1 alone at 3/4 secures
    # 15/16 and earns 15/16 - 3/8 = 9/16, state 2 free-rides on 15/16; both at 1/2 secure 3/4 and earn
    # 3/4 - 1/4 = 1/2 and 3/4 - 1/2 = 1/4; state 2 alone at 1/2 leaves 3/4 to state 1 and 1/4 to itself.
    # The mixed one (tests/models/test_reliability.py derives it): state 1 works 3/4 with probability
    # 1 - 2/sqrt(7), state 2 works 1 - sqrt(7)/4; worth (3/4)^2 = 9/16 and sqrt(7)/7 - 1/16.
    answer = ReliabilityModel().game_answer()
    values = {e.name: e.value for e in answer.equilibria}
    (mixed,) = [name for name in values if name.startswith("best shot, mixed")]
    first, second = values.pop(mixed)
    assert first == F(9, 16) and abs(float(second) - (7 ** 0.5 / 7 - 1 / 16)) < 1e-12
    assert values == {"total effort: state 1 provides 3/4, state 2 free-rides": (F(9, 16), F(15, 16)),
                      "weakest link: neither works": (0, 0),
                      "weakest link: both work 1/2 (and every common level from 0 to it)": (F(1, 2), F(1, 4)),
                      "best shot: state 1 provides 3/4, state 2 free-rides": (F(9, 16), F(15, 16)),
                      "best shot: state 2 provides 1/2, state 1 free-rides": (F(3, 4), F(1, 4))}
    assert ReliabilityModel().analyse().verdict == ("not sustainable: best shot by state 2 (1/2) too; binds: "
                                                    "x_hi*² > x_lo*(2 − x_lo*)")


amounts = st.fractions(min_value=F(1, 8), max_value=3, max_denominator=8)


@settings(max_examples=25, deadline=None)
@given(amounts, amounts, amounts, amounts)
def test_reliability_each_listed_equilibrium_survives_every_deviation_on_a_grid(v1, v2, c1, c2):
    model = ReliabilityModel(v1, v2, c1, c2)
    grid = [F(k, 32) for k in range(33)]
    for found in model.game_answer().equilibria:
        technology = found.name.split()[0]
        x = found.profile
        if "both mix" in found.name:        # each state's lottery: ((effort, probability), ...)
            for k in (0, 1):
                v, c = ((model.value_1, model.cost_1), (model.value_2, model.cost_2))[k]
                against = [(float(q), float(y)) for y, q in x[1 - k]]
                def u(e):
                    return sum(q * float(v) * min(1.0, max(e, y) * (2 - max(e, y))) for q, y in against) \
                        - float(c) * e
                assert all(u(float(e)) <= float(found.value[k]) + 1e-9 for e in grid)
                assert all(abs(u(float(e)) - float(found.value[k])) <= 1e-9 for e, _ in x[k])
            continue
        if "mixed" in found.name:           # one state mixes ((effort, probability)); the other's effort is sure
            i = 0 if isinstance(x[0], tuple) else 1
            (effort, work), z = x[i], float(x[1 - i])
            lottery = [(1 - float(work), 0.0), (float(work), float(effort))]
            for k, against in ((i, [(1.0, z)]), (1 - i, lottery)):
                v, c = ((model.value_1, model.cost_1), (model.value_2, model.cost_2))[k]
                def u(e):
                    return sum(q * float(v) * min(1.0, max(e, y) * (2 - max(e, y))) for q, y in against) \
                        - float(c) * e
                assert all(u(float(e)) <= float(found.value[k]) + 1e-9 for e in grid)
            continue
        here = _reliability_payoffs(model, x, technology)
        assert found.value == tuple(here)
        for i in (0, 1):
            for effort in grid + [x[i]]:
                deviated = (effort, x[1]) if i == 0 else (x[0], effort)
                assert _reliability_payoffs(model, deviated, technology)[i] <= here[i]


# ------------------------------------------------------------------ investment, interdependence, crisis
def test_investment_the_only_optimum_with_its_value_by_hand():
    # Gordon & Loeb (2002), class I, v, L, alpha, beta = 1/2, 8, 1, 1: z* = sqrt(v beta alpha L) - 1 = 2 - 1 = 1,
    # net benefit (1/2 - (1/2)/2) 8 - 1 = 1, by hand; a grid of investments does no better.
    model = SecurityInvestmentModel()
    answer = model.game_answer()
    assert answer.complete and answer.best.profile == (1,) and answer.best.value == (1,)

    def net(z):
        v, L = model.vulnerability, model.loss
        return (v - v / (model.productivity * z + 1) ** model.shape) * L - z
    assert all(net(F(k, 16)) <= 1 for k in range(0, 64))
    assert model.analyse().verdict == "sustainable: optimal investment z* = 1, 1/4 of vL; binds: v > v* = 1/8"


def test_interdependence_every_equilibrium_with_its_value_by_hand():
    # Kunreuther & Heal (2003), p, q, L, c = 1/5, 1/2, 100, 14: (invest, invest) costs 14 each; (not, not) loses
    # pL + (1 - p) q L = 20 + 40 = 60; the mixed equilibrium invests with y* = (c - p(1 - q)L)/(pqL) = 4/10 = 2/5
    # and is worth y(-14) + (1 - y)(-64) = -44, where -64 = -c - qL: a protected state facing an unprotected
    # partner pays c = 14 and still suffers the contagion, with probability q, of the loss L = 100; by hand.
    model = InterdependentSecurityModel()
    answer = model.game_answer()
    values = {e.name: e.value for e in answer.equilibria}
    assert values == {"(invest, invest)": (-14, -14), "(not, not)": (-60, -60),
                      "each invests with probability 2/5": (-44, -44)}
    assert "complete" in answer.certificate
    # (invest, invest) risk-dominates iff c < pL(1 - q/2) = 20 * 3/4 = 15 (Harsanyi & Selten 1988), by hand.
    assert model.analyse().verdict == "sustainable: (invest, invest) risk-dominates; binds: c < pL(1 − q/2) = 15"
    assert InterdependentSecurityModel(cost=16).analyse().verdict.startswith("not sustainable: (not, not) risk-domin")


def test_crisis_the_equilibrium_with_both_states_values():
    # Fearon (1995), section "War due to private information and incentives to misrepresent", at
    # p, c_A = 1/2, 1/10 and c_B uniform on [0, 1/2]: x* = 7/10 (test_crisis.py), A expects 29/50. B, by a
    # midpoint sum that is exact for its piecewise-linear utility (the kink at c_B = x* - p = 1/5 lies on the
    # grid): types above 1/5 accept and get 3/10, types below refuse and get 1/2 - c_B; the mean is 17/50.
    model = CrisisBargainingModel()
    answer = model.game_answer()
    n = 1000
    width = F(1, 2) / n
    mids = [width * (k + F(1, 2)) for k in range(n)]
    b = sum((F(3, 10) if c >= F(1, 5) else F(1, 2) - c) for c in mids) / n
    assert answer.best.value == (F(29, 50), F(17, 50)) == (F(29, 50), b)
    assert model.analyse().verdict == "not sustainable: demand 7/10 refused w.p. 2/5 (unique eq.); binds: c_high ≤ 1/10"


# ------------------------------------------------------------------ the report
@pytest.mark.parametrize("model", [DeterrenceModel(), CyberTimingModel(), SharingInvestmentModel(),
                                   ReliabilityModel(), SecurityInvestmentModel(), InterdependentSecurityModel(),
                                   CrisisBargainingModel()], ids=lambda m: m.key)
def test_the_json_carries_the_games_answer_and_follows_the_schema(model):
    analysis = model.analyse()
    data = json.loads(render_analysis(analysis, "json"))
    entry = data["models"][0]
    game = entry["game"]
    from cybergames import _maths
    assert game["certificate"] == _maths.prose(analysis.game.certificate)
    assert [e["name"] for e in game["equilibria"]] == [e.name for e in analysis.game.equilibria]
    assert all(e["delta"] is None for e in game["equilibria"])
    assert entry["game_verdict"] == analysis.game.verdict and entry["verdict"] == analysis.verdict
    assert set(entry["numbers"]) == {name for name, _ in analysis.numbers}
    text = render_analysis(analysis)
    # only a complete list is called every equilibrium: at its defaults the reliability model's list is complete
    # too (every best-shot ladder is listed: cybergames/security/reliability.py, rules 5-7)
    assert game["complete"] is analysis.game.complete is True
    assert ("the game's answer, every equilibrium" in text) is analysis.game.complete
    assert ("the equilibria certified (not every one)" in text) is not analysis.game.complete
    jsonschema = pytest.importorskip("jsonschema")
    from cybergames.report import SCHEMA_PATH
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()), cls=jsonschema.Draft202012Validator)


def test_float_models_have_no_certified_answer():
    for model in (DeterrenceModel(loss=1.5), CyberTimingModel(stealth=0.5), SharingInvestmentModel(subsidy=0.5),
                  ReliabilityModel(cost_1=0.5), SecurityInvestmentModel(vulnerability=0.5),
                  InterdependentSecurityModel(cost=14.0), CrisisBargainingModel(p=0.5)):
        assert model.game_answer() is None and model.analyse().game is None
