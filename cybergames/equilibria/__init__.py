"""Stage-game solvers: Nash equilibria, minmax and maxmin values, equilibrium selection.

* :func:`nash_equilibria`: every equilibrium of a two-player game (by vertex
  enumeration, exact for exact games), the pure equilibria of other games;
  results are :class:`Equilibrium` objects in an :class:`EquilibriumSet`.
* :func:`pure_equilibria`: the pure equilibria of any game, vectorised.
"""

from .nash import nash_equilibria
from .pure import pure_equilibria
from .result import Equilibrium, EquilibriumSet, NashSubset

__all__ = [
    "nash_equilibria",
    "pure_equilibria",
    "Equilibrium",
    "EquilibriumSet",
    "NashSubset",
]
