r"""Varian's (2004) security games: system reliability as a public good under three technologies.

Each of :math:`n` agents chooses an effort :math:`x_i` from a finite grid; the
system's security level :math:`G` depends on all efforts through the
technology, and agent :math:`i` earns

.. math:: u_i(x) = b_i\bigl(G(x)\bigr) - c_i x_i ,

where :math:`b_i` is its benefit from the security level and :math:`c_i` its
unit cost of effort. Varian's three technologies are

* **total effort**, :math:`G = \sum_i x_i`: efforts are substitutes and agents
  free ride; in equilibrium only the agents with the highest benefit–cost
  ratio contribute, and the total falls short of the social optimum, which
  counts every agent's benefit;
* **weakest link**, :math:`G = \min_i x_i`: a common effort :math:`x` is an
  equilibrium iff no agent wants to go lower, so every common level up to the
  lowest individual optimum :math:`\min_i \arg\max_x (b_i(x) - c_i x)` is an
  equilibrium (for concave :math:`b_i`);
* **best shot**, :math:`G = \max_i x_i`: the highest effort alone counts, so in
  any equilibrium at most one agent exerts positive effort (others save the cost).

The function builds the n-player game, finds every pure equilibrium
(:func:`cybergames.equilibria.pure_equilibria`) and the social optimum (the
profiles maximising :math:`\sum_i u_i`) by enumeration.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..equilibria import pure_equilibria
from ..errors import ParameterError
from ..games import NormalFormGame
from ._checks import nonnegative

__all__ = ["SecurityGame", "security_game"]

TECHNOLOGIES = {"total_effort": sum, "weakest_link": min, "best_shot": max}

#: The largest number of effort profiles (grid size to the power n) enumerated.
MAX_PROFILES = 200_000

#: The most agents (a game has one array axis per agent).
MAX_AGENTS = 16


@dataclass(frozen=True)
class SecurityGame:
    """A Varian security game, its pure equilibria and its social optimum.

    Attributes
    ----------
    game : NormalFormGame
        The n-player game; actions are the efforts' labels (``str`` of each effort).
    technology : str
        ``"total_effort"``, ``"weakest_link"`` or ``"best_shot"``.
    efforts : tuple
        The effort grid, ascending.
    equilibria : EquilibriumSet
        Every pure Nash equilibrium.
    equilibrium_efforts : tuple of tuple
        The effort profile of each pure equilibrium, in the same order.
    optimum_efforts : tuple of tuple
        Every profile maximising total welfare :math:`\\sum_i u_i`.
    optimal_welfare : number
        That maximum.
    """

    game: NormalFormGame = field(repr=False)
    technology: str
    efforts: tuple
    equilibria: tuple = field(repr=False)
    equilibrium_efforts: tuple
    optimum_efforts: tuple
    optimal_welfare: Any


def _per_player(value: Any, n: int, name: str) -> tuple:
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        if len(value) != n:
            raise ParameterError(f"{name}: expected one entry per player ({n}), got {len(value)}")
        return tuple(value)
    return (value,) * n


def _payoff(benefit: Callable, level: Any, effort: Any, cost: Any, i: int) -> Any:
    try:
        value = benefit(level)
    except Exception as exc:   # a user's callable: report which call failed
        raise ParameterError(f"benefit: benefit[{i}]({level!r}) raised {exc!r}") from exc
    value = _numbers.normalise(value, f"benefit[{i}]({level!r})", ParameterError)
    return value - cost * effort


def security_game(n: int, efforts: Sequence, benefit: Any, cost: Any, *,
                  technology: str = "total_effort") -> SecurityGame:
    r"""Varian's n-player security game on an effort grid: its pure equilibria and its social optimum.

    Parameters
    ----------
    n : int
        The number of agents, ``>= 1``.
    efforts : sequence of numbers
        The effort grid: distinct numbers ``>= 0``.
    benefit : callable or sequence of callables
        :math:`b_i(G)`, the benefit from security level :math:`G` (one for all
        agents, or one per agent).
    cost : number or sequence of numbers
        :math:`c_i \ge 0`, the unit cost of effort (one for all, or one per agent).
    technology : {"total_effort", "weakest_link", "best_shot"}, keyword-only
        How efforts make the security level: sum, minimum or maximum.

    Returns
    -------
    SecurityGame
        Exact when the efforts, costs and benefits are exact; :func:`cybergames.verify`
        re-checks the payoffs, the equilibria and the optimum by enumeration.

    Raises
    ------
    ParameterError
        For a bad ``n``, grid, cost, benefit or technology, more than
        ``MAX_PROFILES`` effort profiles or more than ``MAX_AGENTS`` agents.

    References
    ----------
    Varian, H. R. (2004). System reliability and free riding. In Camp, L. J. and
    Lewis, S. (eds.), *Economics of Information Security*, Kluwer, 1–15
    (total effort, weakest link, best shot).

    Examples
    --------
    Two agents, efforts 0..3, benefit :math:`b(G) = \min(G, 2) \cdot 3`, unit cost 2.
    Under the weakest link each agent alone would choose 2 (marginal benefit 3 >
    2 up to 2), so the common levels 0, 1 and 2 are the equilibria:

    >>> from cybergames.security import security_game
    >>> g = security_game(2, range(4), lambda G: 3 * min(G, 2), 2, technology="weakest_link")
    >>> g.equilibrium_efforts
    ((0, 0), (1, 1), (2, 2))
    >>> g.optimum_efforts, g.optimal_welfare
    (((2, 2),), 4)
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ParameterError(f"n: expected an integer >= 1, got {n!r}")
    if technology not in TECHNOLOGIES:
        raise ParameterError(f"technology: expected one of {sorted(TECHNOLOGIES)}, got {technology!r}")
    if isinstance(efforts, (str, bytes)) or not isinstance(efforts, (Sequence, range)):
        raise ParameterError(f"efforts: expected a sequence of numbers, got {efforts!r}")
    grid = tuple(sorted(nonnegative(e, "efforts") for e in efforts))
    if not grid or len(set(grid)) != len(grid):
        raise ParameterError(f"efforts: expected distinct numbers, at least one, got {efforts!r}")
    if n > MAX_AGENTS or len(grid) ** n > MAX_PROFILES:
        raise ParameterError(f"n: {len(grid)}**{n} effort profiles exceed MAX_PROFILES = {MAX_PROFILES} "
                             f"(or n exceeds MAX_AGENTS = {MAX_AGENTS})")
    benefits = _per_player(benefit, n, "benefit")
    if not all(callable(b) for b in benefits):
        raise ParameterError(f"benefit: expected a callable or one callable per player, got {benefit!r}")
    costs = tuple(nonnegative(c, "cost") for c in _per_player(cost, n, "cost"))
    combine = TECHNOLOGIES[technology]
    shape = (len(grid),) * n
    arrays = [np.empty(shape, dtype=object) for _ in range(n)]
    welfare = {}
    for index in itertools.product(range(len(grid)), repeat=n):
        profile = tuple(grid[k] for k in index)
        level = combine(profile)
        values = [_payoff(benefits[i], level, profile[i], costs[i], i) for i in range(n)]
        for i in range(n):
            arrays[i][index] = values[i]
        welfare[profile] = sum(values)
    labels = [tuple(str(e) for e in grid)] * n
    game = NormalFormGame(arrays, actions=labels)
    equilibria = pure_equilibria(game)
    position = {label: effort for label, effort in zip(labels[0], grid)}
    eq_efforts = tuple(tuple(position[a] for a in eq.profile) for eq in equilibria)
    best = max(welfare.values())
    slack = DEFAULT_TOL * max(1.0, abs(float(best))) if game.kind == _numbers.FLOAT else 0
    optimum = tuple(p for p, w in welfare.items() if w >= best - slack)
    return SecurityGame(game=game, technology=technology, efforts=grid, equilibria=equilibria,
                        equilibrium_efforts=eq_efforts, optimum_efforts=optimum, optimal_welfare=best)


@verify.register
def _verify_security_game(result: SecurityGame, *, tol: float = DEFAULT_TOL) -> Verification:
    """Re-check the equilibria, then the optimum against the welfare of every profile of the game."""
    game = result.game
    float_path = game.kind == _numbers.FLOAT
    total = sum(game.payoffs)                                    # welfare of every profile, from the game itself
    best = total.max()
    slack = tol * max(1.0, abs(float(best))) if float_path else 0
    index = {e: k for k, e in enumerate(result.efforts)}
    failures = []
    if abs(best - result.optimal_welfare) > slack:
        failures.append(f"optimal_welfare {result.optimal_welfare} is not the maximum {best}")
    claimed = {tuple(index[e] for e in p) for p in result.optimum_efforts}
    actual = {k for k in itertools.product(range(len(result.efforts)), repeat=total.ndim) if total[k] >= best - slack}
    if claimed != actual:
        failures.append("optimum_efforts are not the welfare-maximising profiles")
    inner = verify(result.equilibria, tol=tol) if float_path else verify(result.equilibria)
    failures.extend(inner.failures)
    return Verification(ok=not failures, checked=2 + inner.checked, failures=tuple(failures))
