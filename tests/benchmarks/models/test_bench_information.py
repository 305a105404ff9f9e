"""Benchmarks of the information-sharing model's analysis and its optimal anonymity (run with --benchmarks)."""

from fractions import Fraction

from cybergames import verify
from cybergames.models import InformationSharingModel
from cybergames.models import information


def _analyse_fresh():
    information._delta_sets.cache_clear()          # the n-state delta sets are cached across analyses
    return InformationSharingModel().analyse()


def test_bench_information_analysis_at_the_defaults(benchmark):
    analysis = benchmark.pedantic(_analyse_fresh, rounds=5, iterations=1)
    assert analysis.details["anonymity"].kind == "full anonymity"


def test_bench_optimal_anonymity_interior_exact(benchmark):
    model = InformationSharingModel(n=3, detect=Fraction(3, 10))
    best = benchmark(model.optimal_anonymity)
    assert best.kind == "interior" and verify(best).ok


def test_bench_optimal_anonymity_float(benchmark):
    model = InformationSharingModel(n=3, multiplier=2.0, detect=0.3)
    best = benchmark(model.optimal_anonymity)
    assert best.kind == "interior"


def _analyse_share():
    from cybergames.models import _sharing_punishment, _sharing_share
    information._delta_sets.cache_clear()
    _sharing_punishment._screen_arrays.cache_clear()      # the screening chains and program blocks are cached
    _sharing_share._reduced_blocks.cache_clear()
    return InformationSharingModel(cooperation_share=Fraction(1, 2)).analyse()


def test_bench_information_analysis_with_half_the_gain(benchmark):
    analysis = benchmark.pedantic(_analyse_share, rounds=5, iterations=1)
    found = analysis.game.share_bracket
    assert found.found and found.lower < found.upper < Fraction(9, 10)


def test_bench_share_bracket_six_states(benchmark):
    model = InformationSharingModel(n=6)
    found = benchmark.pedantic(model.cooperation_share_bracket, args=(Fraction(1, 2),), rounds=3, iterations=1)
    assert found.found and verify(found).ok
