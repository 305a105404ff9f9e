r"""Varian's total-effort, weakest-link and best-shot games with heterogeneous agents, in closed form.

A version of Varian's (2004) reliability games stated here, with a concave
reliability function chosen so that every answer is rational. Agent
:math:`i = 1, \dots, n` chooses an effort :math:`x_i \ge 0`; the system's
security level :math:`G` is the sum, the minimum or the maximum of the efforts,
and agent :math:`i` earns

.. math:: u_i = v_i P(G) - c_i x_i, \qquad P(G) = G(2 - G) \text{ for } G \le 1, \quad P(G) = 1 \text{ above},

with its value :math:`v_i > 0` of a secure system and its unit cost :math:`c_i > 0`
of effort. Everything below is derived here from that payoff (the closed
forms follow from :math:`P'(G) = 2(1 - G)`).

* **Own optimum.** Alone, agent :math:`i` chooses :math:`x_i^* = \max(0, 1 - r_i/2)`,
  where :math:`r_i = c_i/v_i` is its *cost–benefit ratio*; its net value is
  :math:`v_i (x_i^*)^2`. The lower :math:`r_i`, the more capable the agent.
* **Total effort** (:math:`G = \sum_i x_i`). In equilibrium :math:`G = \max_i x_i^*`,
  all of it provided by the agents with the lowest ratio; every other agent free
  rides (exerts nothing). With several lowest-ratio agents any split of that
  total is an equilibrium.
* **Weakest link** (:math:`G = \min_i x_i`). The equilibria are the common levels
  :math:`g \in [0, \min_i x_i^*]`: the least capable agent caps the system.
* **Best shot** (:math:`G = \max_i x_i`). In an equilibrium at most one agent
  works. Agent :math:`i` alone providing :math:`x_i^*` is an equilibrium iff no
  other agent :math:`j` prefers to provide its own :math:`x_j^*`, i.e. iff
  :math:`(x_j^*)^2 \le x_i^*(2 - x_i^*)` for all :math:`j \ne i` (compare
  :math:`v_j P(x_i^*)` with :math:`v_j (x_j^*)^2`). The most capable agent always
  qualifies; a less capable one may too, and then the more capable free-rides on
  it at a lower security level.
* **Social optimum** (maximising :math:`\sum_i u_i`, :math:`V = \sum_i v_i`). Total
  effort and best shot: the lowest-cost agent works alone,
  :math:`G^\circ = \max(0, 1 - \min_i c_i/(2V))`. Weakest link: everyone at
  :math:`g^\circ = \max(0, 1 - \sum_i c_i/(2V))`.

Hence the orderings (derived here, after Varian's qualitative discussion):
equilibrium security is lowest under the weakest link,
:math:`\min_i x_i^* \le \max_i x_i^*`, which total effort and the best-shot
equilibrium of the most capable agent share; and each technology's
equilibrium falls short of its optimum, :math:`\max_i x_i^* \le G^\circ` and
:math:`\min_i x_i^* \le g^\circ \le G^\circ`.

:func:`cybergames.verify` re-checks every claim against the enumerated game of
:func:`cybergames.security.security_game` on an effort grid that contains every
closed-form effort (so that the grid game's equilibria and optimum contain the
closed forms' exactly).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction
from typing import Any, Sequence

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError
from ._checks import floating, positive

__all__ = ["MixedBestShot", "ReliabilityGames", "TechnologyAnswer", "best_shot_mixed", "reliability_games"]

#: The most agents :func:`reliability_games` accepts (its certificate enumerates the game).
MAX_AGENTS = 4


@dataclass(frozen=True)
class TechnologyAnswer:
    r"""One technology's equilibria and social optimum.

    Attributes
    ----------
    technology : str
        ``"total_effort"``, ``"weakest_link"`` or ``"best_shot"``.
    equilibria : tuple of tuple
        Effort profiles of equilibria: for the best shot every one; for the weakest
        link the lowest and the highest common level; for total effort one per
        lowest-ratio agent working alone.
    continuum : bool
        Whether the equilibria between those listed are equilibria too (weakest
        link: every common level in between; total effort: every split when
        several agents share the lowest ratio).
    levels : tuple
        The security level of each listed equilibrium.
    welfare : tuple
        The total payoff :math:`\sum_i u_i` of each listed equilibrium.
    optimum : tuple
        A welfare-maximising effort profile.
    optimal_level, optimal_welfare : number
        Its security level and total payoff.
    """

    technology: str
    equilibria: tuple
    continuum: bool
    levels: tuple
    welfare: tuple
    optimum: tuple
    optimal_level: Any
    optimal_welfare: Any

    @property
    def best_level(self) -> Any:
        """The highest equilibrium security level."""
        return max(self.levels)


@dataclass(frozen=True)
class ReliabilityGames:
    r"""Varian's three games at the same values and costs (module docstring).

    Attributes
    ----------
    values, costs : tuple
        :math:`v_i` and :math:`c_i`.
    ratios : tuple
        :math:`r_i = c_i/v_i`.
    standalone : tuple
        :math:`x_i^* = \max(0, 1 - r_i/2)`.
    total_effort, weakest_link, best_shot : TechnologyAnswer
    providers : tuple of int
        The agents that provide alone in some best-shot equilibrium (0-based); empty
        when no agent's own optimum is positive (then nobody works).
    """

    values: tuple
    costs: tuple
    ratios: tuple
    standalone: tuple
    total_effort: TechnologyAnswer
    weakest_link: TechnologyAnswer
    best_shot: TechnologyAnswer
    providers: tuple

    @cached_property
    def best_shot_mixed(self) -> tuple:
        """Two agents: :func:`best_shot_mixed` at these values and costs (computed when first asked for)."""
        return best_shot_mixed(self.values, self.costs, self.standalone)

    @property
    def perverse(self) -> bool:
        """Whether a best-shot equilibrium has a strictly less capable agent provide (a higher ratio)."""
        lowest = min(self.ratios)
        return any(self.ratios[i] > lowest for i in self.providers)


@dataclass(frozen=True)
class MixedBestShot:
    r"""A two-agent best-shot equilibrium in which one agent mixes (:func:`best_shot_mixed`).

    Attributes
    ----------
    mixer : int
        The agent (0-based) that mixes between nothing and its own optimum.
    work_probability : number
        The probability :math:`1 - k` with which it works (:math:`k = r_j/(2(1 - z))`).
    effort : number
        Its effort when it works, its own optimum :math:`x_i^*`.
    fixed_effort : number
        The other agent's sure effort :math:`z = 1 - \sqrt{1 - (x_i^*)^2}`.
    payoffs : tuple
        Each agent's expected payoff.
    """

    mixer: int
    work_probability: Any
    effort: Any
    fixed_effort: Any
    payoffs: tuple


def _root(value: Any) -> Any:
    """The square root, exact (sympy) for exact input, a float for floats."""
    import math

    import sympy

    if isinstance(value, float):
        return math.sqrt(value)
    if isinstance(value, sympy.Basic):
        return sympy.sqrt(value)
    value = Fraction(value)
    return sympy.sqrt(sympy.Rational(value.numerator, value.denominator))


def best_shot_mixed(values: Sequence, costs: Sequence, alone: Sequence) -> tuple:
    r"""The two-agent best-shot equilibria in which one agent mixes and the other works a sure amount.

    Agent :math:`i` mixes between free-riding and its own optimum :math:`x_i^*`;
    agent :math:`j` works :math:`z` for sure. Against a sure :math:`z < x_i^*`,
    :math:`i`'s best replies are 0 (worth :math:`v_i P(z)`) and :math:`x_i^*`
    (worth :math:`v_i (x_i^*)^2`), so :math:`i` is indifferent iff
    :math:`P(z) = (x_i^*)^2`, i.e. :math:`z = 1 - \sqrt{1 - (x_i^*)^2}`. If
    :math:`i` free-rides with probability :math:`k`, :math:`j`'s payoff on
    :math:`[0, x_i^*]` is :math:`v_j(kP(x) + (1 - k)P(x_i^*)) - c_j x`, strictly
    concave with its peak at :math:`1 - r_j/(2k)`; that peak is :math:`z` iff
    :math:`k = r_j/(2(1 - z))`, a probability in (0, 1) iff :math:`z < x_j^*`.
    Above :math:`x_i^*` agent :math:`j` gets :math:`v_j P(x) - c_j x`, so when
    :math:`x_j^* > x_i^*` the equilibrium needs also
    :math:`v_j(kP(z) + (1 - k)P(x_i^*)) - c_j z \ge v_j (x_j^*)^2`.

    These are every equilibrium of that form, not every mixed equilibrium of
    the continuous game: equilibria in which both agents mix, over alternating
    effort levels, can exist too (at values 1, 1 and costs 9/10, 1 agent 1 mixes
    about 0.064 and 0.55, agent 2 about 0 and 0.351) and are not searched.
    ``alone`` holds the own optima :math:`x_i^*`. Exact (sympy square roots) for
    exact input, floats for floats.

    Examples
    --------
    Values 1, 1 and costs 1/2, 1 (:math:`x^* = 3/4, 1/2`): state 1 mixes, and state 2
    works :math:`1 - \sqrt{7}/4`; state 2 mixing fails state 1's check above 1/2.

    >>> from fractions import Fraction
    >>> (m,) = best_shot_mixed([1, 1], [Fraction(1, 2), 1], [Fraction(3, 4), Fraction(1, 2)])
    >>> m.mixer, m.fixed_effort, m.work_probability
    (0, 1 - sqrt(7)/4, 1 - 2*sqrt(7)/7)
    """
    import sympy

    from .._numbers import sign

    if len(values) != 2:
        return ()
    floats = isinstance(alone[0], float)
    found = []
    for i in (0, 1):
        j = 1 - i
        xi, xj = alone[i], alone[j]
        if sign(xi) != 1 or sign(xj) != 1:
            continue
        z = 1 - _root(1 - xi * xi)
        if sign(xj - z) != 1:
            continue
        rj = _numbers.ratio(costs[j], values[j])
        k = rj / (2 * (1 - z))
        if not floats:
            k = sympy.radsimp(k)
        payoff_j = values[j] * (k * reliability(z) + (1 - k) * reliability(xi)) - costs[j] * z
        if sign(xj - xi) == 1 and sign(payoff_j - values[j] * xj * xj) == -1:
            continue
        payoff_i = values[i] * xi * xi
        if not floats:
            payoff_j, work = sympy.radsimp(sympy.expand(payoff_j)), sympy.radsimp(1 - k)
        else:
            work = 1 - k
        payoffs = (payoff_i, payoff_j) if i == 0 else (payoff_j, payoff_i)
        found.append(MixedBestShot(i, work, xi, z, tuple(_numbers.simplify_exact(p) for p in payoffs)))
    return tuple(found)


def reliability(level: Any) -> Any:
    """:math:`P(G) = G(2 - G)` up to :math:`G = 1`, then 1."""
    if level <= 1:
        return level * (2 - level)
    return 1.0 if isinstance(level, float) else 1


def _welfare(profile: tuple, level: Any, values: tuple, costs: tuple) -> Any:
    return _numbers.simplify_exact(sum(values) * reliability(level) - sum(c * x for c, x in zip(costs, profile)))


def _answer(technology: str, equilibria: list, continuum: bool, optimum: tuple, combine: Any, values: tuple,
            costs: tuple) -> TechnologyAnswer:
    levels = tuple(_numbers.simplify_exact(combine(p)) for p in equilibria)
    best = _numbers.simplify_exact(combine(optimum))
    return TechnologyAnswer(technology, tuple(tuple(p) for p in equilibria), continuum, levels,
                            tuple(_welfare(p, g, values, costs) for p, g in zip(equilibria, levels)),
                            tuple(optimum), best, _welfare(optimum, best, values, costs))


def reliability_games(values: Sequence, costs: Sequence) -> ReliabilityGames:
    r"""Equilibria and optima of Varian's total-effort, weakest-link and best-shot games (module docstring).

    Parameters
    ----------
    values : sequence of numbers
        :math:`v_i > 0`, each agent's value of a secure system (2 to ``MAX_AGENTS`` agents).
    costs : sequence of numbers
        :math:`c_i > 0`, each agent's unit cost of effort.

    Returns
    -------
    ReliabilityGames
        Exact for exact input, floats for floats; :func:`cybergames.verify`
        re-checks every equilibrium and optimum against the enumerated game of
        :func:`cybergames.security.security_game` on a grid containing every
        closed-form effort.

    Raises
    ------
    ParameterError
        If the sequences differ in length, hold fewer than 2 or more than
        ``MAX_AGENTS`` agents, or an entry is not a positive number.

    References
    ----------
    H. R. Varian (2004). System reliability and free riding. In L. J. Camp and
    S. Lewis (eds.), *Economics of Information Security*, Kluwer, 1–15.

    Examples
    --------
    State 1 is the more capable (ratio 1/2 against 1): alone it would choose
    :math:`1 - 1/4 = 3/4`, state 2 :math:`1/2`. Total effort: state 1 provides
    3/4 and state 2 free-rides; weakest link: at most 1/2; best shot: state 1
    provides, and so may state 2, since :math:`(3/4)^2 = 9/16 \le (1/2)(3/2) = 3/4`.

    >>> from fractions import Fraction
    >>> from cybergames.security import reliability_games
    >>> g = reliability_games([1, 1], [Fraction(1, 2), 1])
    >>> g.standalone, g.total_effort.equilibria, g.weakest_link.best_level
    ((Fraction(3, 4), Fraction(1, 2)), ((Fraction(3, 4), 0),), Fraction(1, 2))
    >>> g.providers, g.perverse
    ((0, 1), True)
    >>> g.total_effort.optimal_level        # 1 - (1/2)/(2 * 2): the cheaper state works
    Fraction(7, 8)
    """
    for name, seq in (("values", values), ("costs", costs)):
        if isinstance(seq, (str, bytes)) or not isinstance(seq, Sequence):
            raise ParameterError(f"{name}: expected a sequence of numbers, one per agent, got {seq!r}")
    if len(values) != len(costs) or not 2 <= len(values) <= MAX_AGENTS:
        raise ParameterError(f"values, costs: expected sequences of the same length from 2 to MAX_AGENTS = "
                             f"{MAX_AGENTS}, got {len(values)} and {len(costs)}")
    v = tuple(positive(x, f"values[{i}]") for i, x in enumerate(values))
    c = tuple(positive(x, f"costs[{i}]") for i, x in enumerate(costs))
    if floating(*v, *c):
        v, c = tuple(float(x) for x in v), tuple(float(x) for x in c)
    zero = 0.0 if isinstance(v[0], float) else 0
    n = len(v)
    r = tuple(_numbers.simplify_exact(_numbers.ratio(ci, vi)) for ci, vi in zip(c, v))
    alone = tuple(_numbers.simplify_exact(max(zero, 1 - _numbers.ratio(ri, 2))) for ri in r)
    total_value = sum(v)

    def alone_profile(i: int, effort: Any) -> tuple:
        return tuple(effort if k == i else zero for k in range(n))

    high = max(alone)
    top = [i for i in range(n) if alone[i] == high]
    cheapest = min(range(n), key=lambda i: c[i])
    solo_best = _numbers.simplify_exact(max(zero, 1 - _numbers.ratio(c[cheapest], 2 * total_value)))
    total = _answer("total_effort", [alone_profile(i, high) for i in top] if high > 0 else [(zero,) * n],
                    len(top) > 1 and high > 0,
                    alone_profile(cheapest, solo_best), sum, v, c)
    low = min(alone)
    common = _numbers.simplify_exact(max(zero, 1 - _numbers.ratio(sum(c), 2 * total_value)))
    weakest = _answer("weakest_link", [(zero,) * n] + ([(low,) * n] if low > 0 else []), low > 0,
                      (common,) * n, min, v, c)
    providers = tuple(i for i in range(n) if alone[i] > 0
                      and all(alone[j] ** 2 <= alone[i] * (2 - alone[i]) for j in range(n) if j != i))
    best = _answer("best_shot", [alone_profile(i, alone[i]) for i in providers] or [(zero,) * n], False,
                   alone_profile(cheapest, solo_best), max, v, c)
    return ReliabilityGames(values=v, costs=c, ratios=r, standalone=alone, total_effort=total, weakest_link=weakest,
                            best_shot=best, providers=providers)


@verify.register
def _verify_reliability(result: ReliabilityGames, *, tol: float = DEFAULT_TOL) -> Verification:
    """Re-check every claim against :func:`security_game`'s enumeration on a grid holding every closed-form effort.

    Checked, per technology: each listed equilibrium is a pure equilibrium of the grid
    game; the grid game's welfare maximum equals the recorded optimum, which is among its
    maximisers. Best shot: for every agent *not* listed as a provider, its working alone at
    its own optimum is *not* an equilibrium of the grid game. Weakest link: no common
    level above the highest listed one is an equilibrium on the grid. Mixed best shot: each
    agent's expected payoff against the other's listed strategy, evaluated in floats at every
    effort of a grid of step 1/1000 on [0, 1] and at the support points, nowhere exceeds its
    equilibrium payoff, which the support points attain.
    """
    from .public_good import security_game

    v, c = result.values, result.costs
    floats = isinstance(v[0], float)
    quarter = 0.25 if floats else _numbers.ratio(1, 4)
    points = {k * quarter for k in range(5)} | set(result.standalone)
    for answer in (result.total_effort, result.weakest_link, result.best_shot):
        points |= set(answer.optimum) | {x for p in answer.equilibria for x in p}
    grid = sorted(points)
    n = len(v)
    benefits = [(lambda value: (lambda G: value * reliability(G)))(vi) for vi in v]
    failures: list[str] = []
    checked = 0
    slack = tol * max(1.0, float(sum(v))) if floats else 0
    for answer in (result.total_effort, result.weakest_link, result.best_shot):
        game = security_game(n, grid, benefits, list(c), technology=answer.technology)
        found = set(game.equilibrium_efforts)
        for profile in answer.equilibria:
            checked += 1
            if tuple(profile) not in found:
                failures.append(f"{answer.technology}: {profile} is not an equilibrium of the enumerated game")
        checked += 1
        if abs(game.optimal_welfare - answer.optimal_welfare) > slack or (
                not floats and tuple(answer.optimum) not in set(game.optimum_efforts)):
            failures.append(f"{answer.technology}: the optimum {answer.optimum} (welfare {answer.optimal_welfare}) "
                            f"is not the enumerated game's (welfare {game.optimal_welfare})")
        if answer.technology == "best_shot":
            for i in range(n):
                if i in result.providers or result.standalone[i] == 0:
                    continue
                checked += 1
                alone = tuple(result.standalone[i] if k == i else 0 * result.standalone[i] for k in range(n))
                if alone in found:
                    failures.append(f"best_shot: agent {i} providing alone is an equilibrium but is not listed")
        if answer.technology == "weakest_link":
            checked += 1
            top = answer.best_level
            if any(len(set(p)) == 1 and p[0] > top for p in found):
                failures.append("weakest_link: a common level above the highest listed one is an equilibrium")
    for m in result.best_shot_mixed:
        i, j = m.mixer, 1 - m.mixer
        k, x, z = 1 - float(m.work_probability), float(m.effort), float(m.fixed_effort)
        fv, fc = [float(a) for a in v], [float(a) for a in c]
        efforts = [t / 1000 for t in range(1001)] + [0.0, x, z]

        def against(player: int, effort: float) -> float:
            if player == i:      # the other works z for sure
                return fv[i] * reliability(max(effort, z)) - fc[i] * effort
            return fv[j] * (k * reliability(max(effort, 0.0)) + (1 - k) * reliability(max(effort, x))) \
                - fc[j] * effort

        eps = max(tol, 1e-9) * max(1.0, sum(fv))
        claimed = [float(p) for p in m.payoffs]
        for player, support in ((i, (0.0, x)), (j, (z,))):
            checked += 1
            if any(abs(against(player, s) - claimed[player]) > eps for s in support):
                failures.append(f"best_shot mixed: agent {player}'s support does not earn its payoff {claimed[player]}")
            if max(against(player, e) for e in efforts) > claimed[player] + eps:
                failures.append(f"best_shot mixed: agent {player} has a better reply than its listed strategy")
    return Verification(ok=not failures, checked=checked, failures=tuple(failures))
