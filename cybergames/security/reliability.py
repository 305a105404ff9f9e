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

Mixed equilibria of the two-agent best shot
-------------------------------------------
Derived here (no source is quoted for them). Let :math:`F_j` be any mixed
strategy of agent :math:`j` (a distribution on :math:`[0, \infty)`, :math:`F_j(x)`
the probability of an effort :math:`\le x`), and :math:`U_i(x) = E[P(\max(x, X_j))]
- r_i x` agent :math:`i`'s payoff divided by :math:`v_i`. Write :math:`u = 1 - x`.

1. *Best replies lie in* :math:`[0, x_i^*]`. For :math:`x' > x \ge x_i^*` and every
   :math:`y`, :math:`P(\max(x', y)) - P(\max(x, y)) \le P(x') - P(x) < r_i(x' - x)`
   (concavity, :math:`P'(x) \le r_i` there), so :math:`U_i(x') < U_i(x)`. An agent with
   :math:`x_i^* = 0` plays 0 for sure; both-mixing needs :math:`x_1^*, x_2^* > 0`.
2. *Kinks.* :math:`U_i` is continuous, with one-sided derivatives
   :math:`U_i'(x^\pm) = F_j(x^\pm) P'(x) - r_i` (:math:`F_j(x^-)` the mass below
   :math:`x`). A support point :math:`x > 0` of :math:`i` is a maximum, so
   :math:`F_j(x^-) P'(x) \ge r_i \ge F_j(x) P'(x)`: :math:`j` has no atom at
   :math:`x` and :math:`F_j(x) = r_i / P'(x) = r_i/(2u)` (*the peak condition*).
3. *Alternation.* :math:`r_i/(2u)` increases with :math:`x`, so between two positive
   support points of :math:`i` agent :math:`j` has mass, hence a support point; a positive
   support point of :math:`i` outside :math:`j`'s support is therefore isolated in the
   union of the supports. Where :math:`F_j` is constant, :math:`U_i` is strictly concave
   (or strictly decreasing where :math:`F_j = 0`): at most one support point of :math:`i`
   per gap of :math:`j`'s support, at the gap's interior peak.
4. *The geometric-mean rule.* If :math:`a < a'` are consecutive positive support
   points of :math:`i` and :math:`b` is the one point of :math:`j` between them,
   :math:`U_i(a) = U_i(a')` with the peak conditions at :math:`a, a'` gives
   :math:`(u_a^2 - u_b^2)/(2u_a) + (u_b^2 - u_{a'}^2)/(2u_{a'}) = u_a - u_{a'}`, i.e.
   :math:`u_b^2 = u_a u_{a'}`: in :math:`\log(1 - x)` every interior point is the
   midpoint of its two neighbours, so runs of consecutive isolated points have a
   constant step in :math:`\log(1 - x) \in [\log(1 - \max x^*), 0]` and are finite.
5. *Common points.* At a positive point :math:`\kappa` of both supports, an empty
   stretch just above it makes :math:`U_i` strictly decreasing there (both peak
   conditions hold at :math:`\kappa`), and one just below makes it strictly
   increasing; with 3 and 4 this leaves only :math:`(0, \kappa]` in both supports,
   up to the top, which needs :math:`F_j(\kappa) = F_i(\kappa) = 1`, so
   :math:`r_1 = r_2`. **Hence when** :math:`r_1 \ne r_2` **every equilibrium has finite
   supports**; when :math:`r_1 = r_2 = r < 2` there is in addition the continuous
   equilibrium :math:`F_1 = F_2 = r/(2(1 - x))` on :math:`[0, x^*]` (an atom :math:`r/2` at 0),
   every effort there a best reply (:math:`U_i' = F_j P' - r = 0`).
6. *Ladders.* With finite supports the merged support is
   :math:`0 = z_0 < z_1 < \dots < z_n`, the agents alternating: agent :math:`A` holds
   0 and the even :math:`z_m` (its atom at 0 makes the peak at :math:`z_1` possible),
   agent :math:`B` the odd ones (a :math:`B` at 0 would be below its own peak
   :math:`z_1`). The top :math:`z_n` is its holder :math:`T`'s own optimum
   :math:`x_T^*` (peak condition with :math:`F_N(z_n) = 1`, :math:`N` the other
   agent). :math:`A`'s indifference between 0 and :math:`z_2` gives
   :math:`P(z_1) = z_2^2`, and rule 4 makes :math:`u_1, \dots, u_n` geometric:
   :math:`u_m = 2\rho^m/(1 + \rho^2)` with :math:`\rho \in (0, 1)` the unique root of
   :math:`\rho^n/(1 + \rho^2) = r_T/4` (the left side increases in :math:`\rho`).
   The peak conditions give every mass. So for each :math:`n \ge 2` and each top
   agent there is exactly one candidate; it is an equilibrium iff
   (a) :math:`T`'s top atom is positive, :math:`\rho < r_T/r_N`, and (b) when
   :math:`x_N^* > x_T^*`, :math:`N` does not gain by working its own optimum above the
   ladder, :math:`(t - s)^2 \le st(1 - \rho)^2/\rho` with :math:`t = r_T/2`,
   :math:`s = r_N/2`. Every other reply is dominated by the peak of its stretch
   (rule 3), which earns the equilibrium payoff. :math:`T` earns
   :math:`v_T (x_T^*)^2`. :math:`n = 1` is a pure equilibrium, :math:`n = 2` one agent
   mixing (:func:`best_shot_mixed`), :math:`n \ge 3` both mixing
   (:func:`best_shot_two_mixers`); :math:`A` uses :math:`\lfloor n/2 \rfloor + 1` levels
   and :math:`B` :math:`\lceil n/2 \rceil`.
7. *Finitely many.* :math:`\rho` increases with :math:`n` towards 1 and both (a) and
   (b) ask :math:`\rho` to stay below a bound, so the valid :math:`n` of each top agent
   run from 2 to a last one, which is finite when :math:`r_1 \ne r_2`
   (:func:`best_shot_ladder_limits` computes it). When :math:`r_1 = r_2` every
   :math:`n` is valid: infinitely many equilibria.

Rules 2–3 are the kink and alternation arguments familiar from all-pay contests;
here :math:`U_i` is continuous (ties cost nothing), and the kinks come from
:math:`P`'s concavity.
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

__all__ = ["MixedBestShot", "ReliabilityGames", "TechnologyAnswer", "TwoMixerBestShot", "best_shot_ladder_limits",
           "best_shot_mixed", "best_shot_two_mixers", "reliability_games"]

#: The most agents :func:`reliability_games` accepts (its certificate enumerates the game).
MAX_AGENTS = 4

#: The most effort levels per agent with which :class:`ReliabilityGames` lists the both-mixing equilibria.
MAX_SUPPORT = 3


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

    @cached_property
    def best_shot_two_mixers(self) -> tuple:
        """Two agents: :func:`best_shot_two_mixers` at these values and costs, up to ``MAX_SUPPORT`` levels each."""
        return best_shot_two_mixers(self.values, self.costs, self.standalone, MAX_SUPPORT)

    @cached_property
    def best_shot_ladder_limits(self) -> tuple:
        """Two agents: :func:`best_shot_ladder_limits` at these values and costs."""
        return best_shot_ladder_limits(self.values, self.costs, self.standalone)

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

    These are every equilibrium of that form: the ladders with :math:`n = 2` levels of
    the module's rule 6 (:math:`z = z_1`, :math:`x_i^* = z_2`). Equilibria in which both
    agents mix, over alternating effort levels, can exist too (at values 1, 1 and
    costs 9/10, 1 agent 1 mixes about 0.064 and 0.55, agent 2 about 0 and 0.351):
    :func:`best_shot_two_mixers` lists them. ``alone`` holds the own optima :math:`x_i^*`. Exact (sympy square roots) for
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


@dataclass(frozen=True)
class TwoMixerBestShot:
    r"""A two-agent best-shot equilibrium in which both agents mix (:func:`best_shot_two_mixers`).

    Attributes
    ----------
    levels : int
        :math:`n`, the number of positive efforts in the two supports together (at least 3).
    top : int
        The agent (0-based) whose highest effort is the highest of all: its own optimum :math:`x_T^*`.
    ratio : number
        :math:`\rho \in (0, 1)`, the root of :math:`\rho^n/(1 + \rho^2) = r_T/4`; the efforts below
        the top are :math:`1 - 2\rho^m/(1 + \rho^2)`.
    supports : tuple of tuple
        Each agent's efforts, increasing (the agent that does not hold the lowest positive effort
        holds 0).
    probabilities : tuple of tuple
        The probability of each effort, in the same order.
    payoffs : tuple
        Each agent's expected payoff (the top agent earns its stand-alone :math:`v_T (x_T^*)^2`).
    """

    levels: int
    top: int
    ratio: Any
    supports: tuple
    probabilities: tuple
    payoffs: tuple


def _exact(value: Any) -> Any:
    """A rational as a sympy Rational (floats and sympy numbers unchanged)."""
    import sympy

    if isinstance(value, (float, sympy.Basic)):
        return value
    value = Fraction(value)
    return sympy.Rational(value.numerator, value.denominator)


def _ladder_ratio(n: int, top_ratio: Any) -> Any:
    r""":math:`\rho \in (0, 1)` with :math:`4\rho^n = r_T(1 + \rho^2)`: a float by bisection, else a sympy root."""
    import sympy

    if isinstance(top_ratio, float):
        lo, hi = 0.0, 1.0
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if 4 * mid ** n < top_ratio * (1 + mid * mid) else (lo, mid)
        return (lo + hi) / 2
    x = sympy.Symbol("x")
    (root,) = [r for r in sympy.Poly(4 * x ** n - _exact(top_ratio) * (1 + x ** 2), x).real_roots() if 0 < r < 1]
    return root


def _ladder_holds(n: int, top: int, ratios: tuple) -> bool:
    r"""Whether the ladder with :math:`n` positive levels topped by agent ``top`` is an equilibrium (module rule 6).

    (a) :math:`\rho < r_T/r_N` when :math:`r_N > r_T`, i.e. :math:`4q^n > r_T(1 + q^2)` at
    :math:`q = r_T/r_N`; (b) :math:`st(1 - \rho)^2 \ge (t - s)^2 \rho` when :math:`r_N < r_T`, i.e.
    :math:`\rho \le \rho_b`, the root in (0, 1) of that quadratic, i.e. :math:`4\rho_b^n \ge r_T(1 + \rho_b^2)`.
    Both decided without :math:`\rho` (exactly for exact ratios), from the monotonicity of
    :math:`\rho^n/(1 + \rho^2)`.
    """
    import sympy

    from .._numbers import sign

    rt, rn = ratios[top], ratios[1 - top]
    if sign(rn - rt) == 1:
        q = _numbers.ratio(rt, rn)
        return sign(4 * q ** n - rt * (1 + q * q)) == 1
    if sign(rn - rt) == -1:
        t, s = _numbers.ratio(rt, 2), _numbers.ratio(rn, 2)
        if isinstance(rt, float):
            d = (t - s) / (s * t) ** 0.5
            y = (-d + (d * d + 4) ** 0.5) / 2
        else:
            d = (_exact(t) - _exact(s)) / sympy.sqrt(_exact(s) * _exact(t))
            y = (-d + sympy.sqrt(d ** 2 + 4)) / 2
        rho_b = y * y
        gap = 4 * rho_b ** n - _exact(rt) * (1 + rho_b ** 2)
        found = sign(gap)
        if found is None:                 # a tie beyond 4000 digits: decide exactly
            found = 0 if sympy.minimal_polynomial(gap, sympy.Symbol("x")) == sympy.Symbol("x") else 1
        return found >= 0
    return True


def best_shot_ladder_limits(values: Sequence, costs: Sequence, alone: Sequence) -> tuple:
    r"""For each agent as the top one, the largest :math:`n \ge 2` whose ladder is a best-shot equilibrium.

    Module rules 6–7: the ladders with :math:`n` positive levels topped by agent :math:`T`
    are equilibria exactly for :math:`n = 2, \dots,` the returned limit, which is 0 when
    none is (or an own optimum is 0) and None when every :math:`n` is (equal ratios,
    :math:`r_1 = r_2 < 2`: infinitely many equilibria). Condition (a) holds iff
    :math:`n < \log(r_T(1 + q^2)/4)/\log q`, (b) iff
    :math:`n \le \log(r_T(1 + \rho_b^2)/4)/\log \rho_b`; the bound is computed in floats and
    confirmed at the boundary by ``_ladder_holds`` (exactly for exact input, up to
    :math:`n = 2000`). Two agents only (else ``()``).

    Examples
    --------
    >>> from fractions import Fraction
    >>> best_shot_ladder_limits([1, 1], [Fraction(9, 10), 1], [Fraction(11, 20), Fraction(1, 2)])
    (8, 7)
    >>> best_shot_ladder_limits([1, 1], [Fraction(1, 2), 1], [Fraction(3, 4), Fraction(1, 2)])
    (2, 0)
    """
    import math

    from .._numbers import sign

    if len(values) != 2:
        return ()
    if sign(alone[0]) != 1 or sign(alone[1]) != 1:
        return (0, 0)
    ratios = tuple(_numbers.ratio(c, v) for v, c in zip(values, costs))
    limits = []
    for top in (0, 1):
        rt, rn = float(ratios[top]), float(ratios[1 - top])
        if ratios[top] == ratios[1 - top]:
            limits.append(None)
            continue
        if rn > rt:
            q = rt / rn
            bound = math.log(rt * (1 + q * q) / 4) / math.log(q)
        else:
            t, s = rt / 2, rn / 2
            d = (t - s) / math.sqrt(s * t)
            rho_b = ((-d + math.sqrt(d * d + 4)) / 2) ** 2
            bound = math.log(rt * (1 + rho_b * rho_b) / 4) / math.log(rho_b)
        n = max(1, int(math.floor(bound)))
        if n <= 2000:
            while n >= 2 and not _ladder_holds(n, top, ratios):
                n -= 1
            while _ladder_holds(n + 1, top, ratios):
                n += 1
        limits.append(n if n >= 2 else 0)
    return tuple(limits)


def _algebraic(value: Any, rho: Any, n: int, top_ratio: Any) -> Any:
    r"""``value``, a rational function of :math:`\rho`, as a root of its own polynomial (sympy ``CRootOf``).

    The polynomial is the resultant in :math:`x` of :math:`4x^n - r_T(1 + x^2)` and
    :math:`y \cdot den(x) - num(x)`; of its real roots the one nearest ``value`` (at 50 digits)
    is ``value`` (the roots are isolated exactly). Faster to show than the rational function.
    """
    import sympy

    x, y = sympy.Symbol("x"), sympy.Symbol("y")
    num, den = sympy.fraction(sympy.together(value.subs(rho, x)))
    if not num.has(x) and not den.has(x):
        return sympy.nsimplify(num / den)
    defining = 4 * x ** n - top_ratio * (1 + x ** 2)
    polynomial = sympy.Poly(sympy.resultant(defining, y * den - num, x), y)
    target = sympy.N(value, 50)
    roots = [r for factor, _ in sympy.factor_list(polynomial)[1] for r in sympy.Poly(factor, y).real_roots()]
    return min(roots, key=lambda r: abs(sympy.N(r, 50) - target))


def _ladder(n: int, top: int, values: tuple, costs: tuple, alone: tuple) -> TwoMixerBestShot:
    """The ladder with ``n`` positive levels topped by agent ``top`` (module rule 6), its masses and payoffs."""
    floats = isinstance(alone[0], float)
    ratios = tuple(_numbers.ratio(c, v) if floats else _exact(_numbers.ratio(c, v)) for v, c in zip(values, costs))
    rho = _ladder_ratio(n, ratios[top])
    low = top if n % 2 == 0 else 1 - top          # A: holds 0 and the even levels
    owner = [low if m % 2 == 0 else 1 - low for m in range(n + 1)]

    efforts = [0.0 if floats else 0] + [1 - 2 * rho ** m / (1 + rho ** 2) for m in range(1, n)] + [alone[top]]
    # the other agent's probability of an effort <= z_m (peak conditions; 0 at z_0 = 0, 1 at the top)
    below = [0] + [ratios[owner[m]] / (2 * (1 - efforts[m])) for m in range(1, n)] + [1]

    def cdf(k: int) -> Any:
        return 0 if k < 0 else 1 if k > n else below[k]

    supports: list = [[], []]
    masses: list = [[], []]
    for m in range(n + 1):
        supports[owner[m]].append(efforts[m])
        masses[owner[m]].append(cdf(m + 1) - cdf(m - 1))

    def expected(agent: int, level: int) -> Any:
        """``agent``'s payoff at the merged level ``level`` (the order of the efforts is known: no comparisons)."""
        total = 0
        for m in range(n + 1):
            if owner[m] != agent:
                level_m = efforts[max(m, level)]           # every effort is below 1: P(G) = G(2 - G)
                total += (cdf(m + 1) - cdf(m - 1)) * level_m * (2 - level_m)
        return values[agent] * total - costs[agent] * efforts[level]

    other = 1 - top
    payoffs = [None, None]
    payoffs[top] = values[top] * alone[top] * alone[top]
    payoffs[other] = expected(other, owner.index(other))
    if not floats:
        payoffs[other] = _algebraic(payoffs[other], rho, n, ratios[top])
    return TwoMixerBestShot(n, top, rho, tuple(tuple(side) for side in supports),
                            tuple(tuple(side) for side in masses),
                            tuple(_numbers.simplify_exact(p) for p in payoffs))


def best_shot_two_mixers(values: Sequence, costs: Sequence, alone: Sequence, max_support: int = 2) -> tuple:
    r"""Every two-agent best-shot equilibrium in which both agents mix, each over at most ``max_support`` efforts.

    By the module's rules 1–6 every mixed equilibrium with finite supports is a *ladder*:
    efforts :math:`0 = z_0 < z_1 < \dots < z_n` held alternately by the two agents, with
    :math:`1 - z_m = 2\rho^m/(1 + \rho^2)` below the top :math:`z_n = x_T^*`, and
    :math:`\rho` the root in (0, 1) of :math:`\rho^n/(1 + \rho^2) = r_T/4`; the masses
    follow from the peak conditions :math:`F_j(x) = r_i/(2(1 - x))`. Both agents mix iff
    :math:`n \ge 3`, and each uses at most :math:`K` efforts iff :math:`n \le 2K - 1`. For
    each :math:`n` from 3 to :math:`2K - 1` and each top agent the one candidate is kept
    iff it passes conditions (a) and (b) of rule 6 (decided exactly), which with rule 3
    is global optimality of every reply. When the ratios differ, supports are finite in
    every equilibrium (rule 5), so this with :func:`best_shot_mixed`, the pure equilibria
    and :func:`best_shot_ladder_limits` accounts for the whole equilibrium set.

    ``alone`` holds the own optima :math:`x_i^*`. Exact input gives exact output (sympy
    algebraic numbers: :math:`\rho` is a root of a polynomial of degree :math:`n`),
    floats give floats. :func:`cybergames.verify` re-checks each listed equilibrium
    against every reply on a grid and at the critical points.

    Raises
    ------
    ParameterError
        If ``max_support`` is not an integer of at least 2.

    Examples
    --------
    Values 1, 1 and costs 9/10, 1 (:math:`x^* = 11/20, 1/2`): with two efforts each, state 1
    mixes about 0.064 and 11/20 against state 2's 0 and about 0.351 (:math:`n = 3`,
    :math:`\rho^3/(1 + \rho^2) = 9/40`), and the mirror ladder topped by state 2 exists too.

    >>> from fractions import Fraction
    >>> first, second = best_shot_two_mixers([1, 1], [Fraction(9, 10), 1], [Fraction(11, 20), Fraction(1, 2)])
    >>> first.levels, first.top, first.supports[0][1]
    (3, 0, Fraction(11, 20))
    >>> [round(float(x), 4) for x in first.supports[0] + first.supports[1]]
    [0.0636, 0.55, 0.0, 0.3509]
    >>> second.top, [round(float(x), 4) for x in second.supports[0] + second.supports[1]]
    (1, [0.0, 0.3106, 0.0495, 0.5])
    """
    if isinstance(max_support, bool) or not isinstance(max_support, int) or max_support < 2:
        raise ParameterError(f"max_support: expected an integer of at least 2, got {max_support!r}")
    if len(values) != 2:
        return ()
    limits = best_shot_ladder_limits(values, costs, alone)
    found = []
    for top in (0, 1):
        last = 2 * max_support - 1 if limits[top] is None else min(limits[top], 2 * max_support - 1)
        for n in range(3, last + 1):
            found.append(_ladder(n, top, tuple(values), tuple(costs), tuple(alone)))
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
    equilibrium payoff, which the support points attain. Both mixing (two agents): the same for
    each listed equilibrium, also at every critical point (:func:`_mixed_failures`); and for each
    top agent whose ladders stop (:func:`best_shot_ladder_limits`), the first ladder past the last
    one (up to 12 levels) fails that check (a probability <= 0 or a reply gaining more than 1e-7).
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
    if len(v) == 2:
        fv, fc = tuple(float(a) for a in v), tuple(float(a) for a in c)
        for e in result.best_shot_two_mixers:
            checked += 2
            failures.extend(_mixed_failures(e, fv, fc, tol))
        for top, limit in enumerate(result.best_shot_ladder_limits):
            n = max(limit, 2) + 1 if limit is not None else None
            if n is None or n > 12 or min(result.standalone) <= 0:
                continue
            checked += 1            # the first ladder past the limit fails: a mass <= 0 or a better reply
            beyond = _ladder(n, top, fv, fc, tuple(float(x) for x in result.standalone))
            if not _mixed_failures(beyond, fv, fc, tol, margin=1e-7):
                failures.append(f"best_shot: the ladder of {n} levels topped by agent {top} is an equilibrium "
                                f"beyond the limit {limit}")
    return Verification(ok=not failures, checked=checked, failures=tuple(failures))


def _mixed_failures(e: TwoMixerBestShot, values: tuple, costs: tuple, tol: float, margin: float = 0.0) -> list:
    """Failures of a both-mixing equilibrium, in floats, from the payoff alone (not the ladder's algebra).

    Each probability must be positive and each agent's sum 1; each agent's expected payoff against
    the other's mixture must equal its claimed payoff at every support point and nowhere exceed it:
    on a grid of step 1/1000 on [0, 1], at every effort of both supports, and at the critical points
    (the peak :math:`1 - r_i/(2F_j)` of each stretch on which the other's distribution :math:`F_j` is
    constant). ``margin`` (> 0) asks a reply to gain by more than it before it counts.
    """
    failures = []
    supports = [[float(x) for x in side] for side in e.supports]
    masses = [[float(p) for p in side] for side in e.probabilities]
    claimed = [float(p) for p in e.payoffs]
    eps = max(tol, 1e-9) * max(1.0, sum(values))
    for agent in (0, 1):
        if min(masses[agent]) <= eps or abs(sum(masses[agent]) - 1) > eps:
            failures.append(f"best_shot two mixers: agent {agent}'s probabilities {masses[agent]} are not a "
                            f"distribution with every effort played")
    for agent in (0, 1):
        other = 1 - agent
        ratio = costs[agent] / values[agent]

        def payoff(effort: float) -> float:
            lottery = zip(masses[other], supports[other])
            return values[agent] * sum(p * reliability(max(effort, y)) for p, y in lottery) - costs[agent] * effort

        peaks = []
        below = 0.0
        for p, y in sorted(zip(masses[other], supports[other]), key=lambda pair: pair[1]):
            below += p
            if below > 0:
                peaks.append(1 - ratio / (2 * below))
        efforts = [t / 1000 for t in range(1001)] + supports[0] + supports[1] + [x for x in peaks if 0 <= x <= 1]
        if any(abs(payoff(x) - claimed[agent]) > eps for x in supports[agent]):
            failures.append(f"best_shot two mixers: agent {agent}'s efforts do not all earn its payoff "
                            f"{claimed[agent]}")
        if max(payoff(x) for x in efforts) > claimed[agent] + eps + margin:
            failures.append(f"best_shot two mixers: agent {agent} has a better reply than its mixture")
    return failures
