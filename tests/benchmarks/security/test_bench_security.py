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
