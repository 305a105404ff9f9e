"""Benchmarks of the security-economics models (run with --benchmarks); each also checks its answer."""

from fractions import Fraction

from cybergames import verify
from cybergames.security import gordon_loeb, security_game


def test_bench_gordon_loeb_float(benchmark):
    result = benchmark(gordon_loeb, 0.5, 8.0, 1.0)
    assert abs(result.investment - 1.0) < 1e-12


def test_bench_gordon_loeb_exact_class_two(benchmark):
    result = benchmark(gordon_loeb, Fraction(1, 2), 10, 1, kind="II")
    assert verify(result).ok


def test_bench_weakest_link_four_agents_five_efforts(benchmark):
    # 5**4 = 625 profiles, exact payoffs; the equilibria are the common levels 0..2 (lone optimum 2).
    result = benchmark.pedantic(security_game, args=(4, range(5), lambda G: 3 * min(G, 2), 2),
                                kwargs={"technology": "weakest_link"}, rounds=3, iterations=1)
    assert result.equilibrium_efforts == tuple((x,) * 4 for x in range(3)) and verify(result).ok


def test_bench_sharing_model_analyse(benchmark):
    # The report's 'sharing' model at its defaults: well under 0.5 s (the report's budget per model).
    from cybergames.models import SharingInvestmentModel
    analysis = benchmark(SharingInvestmentModel().analyse)
    assert analysis.conditions[0].value == Fraction(45, 76)


def test_bench_reliability_model_analyse(benchmark):
    from cybergames.models import ReliabilityModel
    analysis = benchmark(ReliabilityModel().analyse)
    assert verify(analysis.details["games"]).ok


def test_bench_reliability_certificate_three_agents(benchmark):
    # verify enumerates three security_game grids (up to 11**3 profiles each, exact).
    from cybergames.security import reliability_games
    games = reliability_games([1, 2, 3], [Fraction(1, 2), 1, Fraction(5, 2)])
    result = benchmark.pedantic(verify, args=(games,), rounds=3, iterations=1)
    assert result.ok


def test_bench_best_shot_two_mixers_exact(benchmark):
    # v = (1, 1), c = (9/10, 1): six both-mixing ladders with at most three efforts each (n = 3, 4, 5, either
    # state on top), each rho the root of a polynomial of degree n (cybergames/security/reliability.py, rule 6).
    from cybergames.security.reliability import best_shot_two_mixers
    alone = (Fraction(11, 20), Fraction(1, 2))
    found = benchmark.pedantic(best_shot_two_mixers, args=((1, 1), (Fraction(9, 10), 1), alone, 3),
                               rounds=3, iterations=1)
    assert [(e.levels, e.top) for e in found] == [(3, 0), (4, 0), (5, 0), (3, 1), (4, 1), (5, 1)]


def test_bench_best_shot_two_mixers_floats(benchmark):
    from cybergames.security.reliability import best_shot_two_mixers
    found = benchmark(best_shot_two_mixers, (1.0, 1.0), (0.9, 1.0), (0.55, 0.5), 3)
    assert len(found) == 6
