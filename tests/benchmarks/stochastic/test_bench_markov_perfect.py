"""Benchmark of the mixed Markov perfect search (run with --benchmarks): two 2x2 states, 80 support patterns."""

from fractions import Fraction

from cybergames import verify
from cybergames.stochastic import StochasticGame, markov_perfect_equilibria

H = Fraction(1, 2)
TWO_STATES = StochasticGame([[[[2, 0], [0, 1]], [[1, 0], [0, 2]]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]],
                            [[[[H, H], [1, 0]], [[1, 0], [0, 1]]], [[[0, 1], [1, 0]], [[1, 0], [0, 1]]]], H)


def test_bench_mixed_markov_perfect_two_states(benchmark):
    result = benchmark.pedantic(markov_perfect_equilibria, args=(TWO_STATES,), kwargs={"mixed": True},
                                rounds=3, iterations=1)
    benchmark.extra_info["equilibria"] = len(result.equilibria)
    assert len(result.equilibria) == 9 and verify(result).ok
