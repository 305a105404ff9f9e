"""Equilibrium payoff sets under imperfect public monitoring (cybergames/repeated/payoff_sets/hyperplane.py)."""

import numpy as np
import pytest

from cybergames import NormalFormGame, RepeatedGame, noisy_attribution, perfect, stag_hunt, verify
from cybergames.repeated import _polytopes
from cybergames.repeated.payoff_sets import equilibrium_payoff_set
from cybergames.repeated.payoff_sets.derived import best_symmetric_payoff
from cybergames.repeated.payoff_sets.hyperplane import trigger_seed
from cybergames.repeated.payoff_sets.stage import stage_of

PD = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]], actions=[["C", "D"], ["C", "D"]])
COARSE = dict(method="hyperplane", directions=16, tol=0.2, max_iter=12)


def _vertices(polytope):
    return np.asarray(polytope.vertices, dtype=float)


def _noisy(q, r):
    return equilibrium_payoff_set(RepeatedGame(PD, noisy_attribution(PD, q, r)), 0.9, **COARSE)


def test_attribution_without_noise_is_perfect_monitoring_and_gives_the_same_set():
    # With q = 1 and r = 0 the blamed players are exactly the defectors: the signal reveals the
    # profile, so the monitoring is perfect and the set is the perfect-monitoring one.
    rg = RepeatedGame(PD, noisy_attribution(PD, 1, 0))
    assert rg.is_perfect
    noisy = equilibrium_payoff_set(rg, 0.9, tol=1e-4)
    exact = equilibrium_payoff_set(RepeatedGame(PD, perfect(PD)), 0.9, tol=1e-4)
    assert np.array_equal(_vertices(noisy.inner), _vertices(exact.inner))


@pytest.mark.parametrize("game, delta", [(PD, 0.9), (PD, 0.2), (stag_hunt(), 0.9)])
def test_hyperplane_method_under_perfect_monitoring_matches_the_polygon_method(game, delta):
    polygon = equilibrium_payoff_set(RepeatedGame(game), delta, tol=1e-3)
    lp = equilibrium_payoff_set(RepeatedGame(game), delta, method="hyperplane", tol=1e-3)
    assert lp.method == "hyperplane" and lp.converged and lp.shape == polygon.shape
    assert _polytopes.hausdorff2(_vertices(lp.inner), _vertices(polygon.inner)) <= 1e-3
    assert verify(lp).ok


@pytest.mark.slow
def test_the_set_shrinks_as_attribution_gets_noisier():
    # (q, r) -> (q', r) with q' < q, or (q, r') with r' > r, is a garbling of the blame signal
    # (Blackwell), so the set of perfect public equilibrium payoffs can only shrink (Kandori 1992,
    # "The use of information in repeated games with imperfect monitoring", RES 59). Certified:
    # inner(noisier) lies in outer(less noisy) for every step of the chain.
    chain = [(0.95, 0.05), (0.8, 0.05), (0.8, 0.2), (0.6, 0.4)]
    sets = [_noisy(q, r) for q, r in chain]
    for less, more in zip(sets, sets[1:]):
        assert _polytopes.contains2(_vertices(less.outer), _vertices(more.inner), 1e-6).all()
        assert verify(more).ok
    best = [best_symmetric_payoff(V) for V in sets]
    assert all(b.value <= b.upper for b in best)
    # strictly: the most accurate attribution sustains a symmetric payoff the noisiest cannot reach
    assert best[0].value > best[-1].upper
    assert all(a.value >= b.value for a, b in zip(best, best[1:]))     # observed, within the brackets


def test_trigger_seed_contains_grim_trigger_on_blame():
    # Grim trigger on any blame, q = 0.95, r = 0.05, delta = 0.9 (by hand): cooperation continues
    # with probability (1 - r)^2 = 0.9025, so v = (0.1 * 9 + 0.9 * 0.0975 * 3)/(1 - 0.9 * 0.9025)
    # = 1.16325/0.18775; the deviator gets 0.1 * 10 + 0.9 (0.0475 v + 0.9525 * 3) < v.
    stage = stage_of(RepeatedGame(PD, noisy_attribution(PD, 0.95, 0.05)))
    v = 1.16325 / 0.18775
    seeds = trigger_seed(stage, 0.9)
    assert np.isclose(seeds, [v, v]).all(axis=1).any()


def test_public_monitoring_results_are_certified():
    V = _noisy(0.9, 0.1)
    assert not V.is_empty and V.shape == "polygon" and verify(V).ok


def test_a_stalled_gap_stops_the_iteration_and_the_result_says_so():
    # Eight directions cannot bracket the set within 1e-6: the gap stops shrinking long before max_iter.
    V = equilibrium_payoff_set(RepeatedGame(PD, noisy_attribution(PD, 0.8, 0.2)), 0.5, method="hyperplane",
                               directions=8, tol=1e-6, max_iter=300)
    assert V.stopped == "stalled" and not V.converged and V.iterations < 300
    assert V.status == "stalled" and V.summary.startswith("stalled") and verify(V).ok


@pytest.mark.parametrize("exponent", [-200, -150, 300])
def test_the_inner_set_is_certified_at_extreme_payoff_scales(exponent):
    # Regression: the prisoner's dilemma T, R, P, S = 10, 9, 3, 0 at delta = 0.3 with tol = 1e-6 returned
    # an inner set that verify rejected at these scales (an inner vertex near (9, 9) with residual 4e-7 of
    # the scale against verify's 1e-7): the grow steps take the points the linear programs generate, to
    # the solver's tolerance, and the final inner set was not re-certified.
    from cybergames import prisoners_dilemma
    scale = 10.0 ** exponent
    game = NormalFormGame([np.asarray(p, dtype=float) * scale for p in prisoners_dilemma(10, 9, 3, 0).payoffs])
    V = equilibrium_payoff_set(RepeatedGame(game), 0.3, method="hyperplane", tol=1e-6 * scale)
    assert verify(V).ok
    # grim trigger sustains (R, R) from delta = (T - R)/(T - P) = 1/7 on (Mailath & Samuelson 2006, sec. 2.4.1),
    # and the stage Nash payoff (P, P) is always one: both stay in the certified inner set
    assert V.inner.contains((9.0 * scale, 9.0 * scale), tol=1e-9 * scale)
    assert V.inner.contains((3.0 * scale, 3.0 * scale), tol=1e-9 * scale)


def test_an_inner_set_that_fails_its_final_certification_is_replaced_by_the_seed(monkeypatch):
    # A grow step that slips (here on purpose: it adds (T, T) = (10, 10), which is not even feasible,
    # since u1 + u2 <= 18 on the feasible set of PD) must not reach the result: the final inner set is
    # re-certified, fails, and the certified trigger seed takes its place, which the result says.
    from cybergames.repeated.payoff_sets.hyperplane import HyperplaneEngine
    grow = HyperplaneEngine.grow
    monkeypatch.setattr(HyperplaneEngine, "grow", lambda self, Z: self._hull(np.vstack(
        [grow(self, Z), self.stage.payoffs.max(axis=0)])) if len(Z) else Z)     # in the engine's units
    rg = RepeatedGame(PD, noisy_attribution(PD, 0.9, 0.1))
    V = equilibrium_payoff_set(rg, 0.9, **COARSE)
    assert V.inner_fallback and verify(V).ok
    assert not V.inner.contains((10.0, 10.0), tol=1e-6)
    np.testing.assert_allclose(_vertices(V.inner), _polytopes.hull2(trigger_seed(stage_of(rg), 0.9)), atol=1e-9)
    assert "failed its final certification" in V.summary
    assert V.converged == (V.hausdorff <= COARSE["tol"]) and (V.converged or V.status != "tolerance")
