"""The least discount factor of a three-player game, point by point (run with --benchmarks).

::

    python -m pytest tests/benchmarks/repeated/test_bench_least_delta.py --benchmarks \\
        --benchmark-columns=min,median,rounds

``public_goods(3)`` with ``noisy_attribution(game, 0.9, 0.1)``: the least delta at which half the gain of
all contributing, (1/2, 1/2, 1/2), is a perfect public equilibrium payoff, xtol 1e-3. Before the search
point by point it bisected over whole payoff sets at gaps 1e-3 to 1e-5 and had not finished after 15
minutes (``method="jyc"``) or 5 minutes (``method="projection"``). The bracket, its width and the
number of certificates tried are recorded in extra_info; ``verify`` of the bracket is timed apart.

Measured (2 rounds, load average 3.0-3.4 on 2 cores): min 72.3 s, median 74.7 s for the bracket
[0.3203125, 0.328125] (width 0.0078, wider than xtol: the certificates of one point do not decide in
between; 24 certificates tried); ``verify`` min 7.1 s, median 7.6 s.
"""

import pytest

from cybergames import RepeatedGame, min_discount_factor_for_payoff, noisy_attribution, public_goods, verify

GAME = public_goods(3)
CASE = RepeatedGame(GAME, noisy_attribution(GAME, 0.9, 0.1))


def _bracket():
    return min_discount_factor_for_payoff(CASE, (1.0, 1.0, 1.0), fraction=0.5, xtol=1e-3)


def test_three_player_least_delta(benchmark):
    bracket = benchmark.pedantic(_bracket, rounds=2, iterations=1)
    benchmark.extra_info.update(lower=bracket.lower, upper=bracket.upper, width=bracket.width,
                                evaluations=bracket.evaluations)
    assert bracket.found and bracket.lower < bracket.upper


def test_three_player_least_delta_verified(benchmark):
    bracket = _bracket()
    assert benchmark.pedantic(verify, args=(bracket,), rounds=2, iterations=1).ok
