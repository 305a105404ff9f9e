"""Bargaining: Rubinstein's alternating offers, the Nash bargaining solution, Fearon's crisis bargaining.

* :func:`rubinstein` and :func:`rubinstein_finite`: subgame perfect shares of
  alternating-offers bargaining (infinite horizon, and finite by backward induction).
* :func:`nash_bargaining`: the weighted Nash solution over a polytope of utility pairs.
* :func:`bargaining_range` and :func:`crisis_offer`: Fearon's (1995) bargaining range,
  and the optimal demand and probability of war under private information about costs.

The maths and sources are in the explanation page ``docs/explanation/bargaining.rst``.
"""

from .fearon import BargainingRange, CrisisOffer, bargaining_range, crisis_offer
from .nash import NashBargainingResult, nash_bargaining
from .rubinstein import RubinsteinResult, rubinstein, rubinstein_finite

__all__ = [
    "rubinstein",
    "rubinstein_finite",
    "RubinsteinResult",
    "nash_bargaining",
    "NashBargainingResult",
    "bargaining_range",
    "BargainingRange",
    "crisis_offer",
    "CrisisOffer",
]
