r"""Independent re-checks of repeated-game results, registered with :func:`cybergames.verify`.

The checks rebuild the joint automaton by walking the automata themselves,
solve the value equations with sympy (exact) or numpy least squares (float),
and recompute every one-shot deviation gain from its definition, sharing no
code with the solvers beyond the automata and the monitoring structure.

* :class:`~cybergames.repeated.EquilibriumCheck`: every recorded gain equals
  the recomputed one, and the violations are exactly the positive gains.
* :class:`~cybergames.repeated.DeltaSet`: the certificate's denominator equals
  :math:`\det(I - \delta P)` and every constraint polynomial reproduces the
  recomputed gain, :math:`g(\delta) D(\delta) = (1 - \delta)^e h(\delta)`, at
  more points than the degree (so the identity holds everywhere); then every
  constraint holds at sample points inside each interval and at its closed
  endpoints, and some constraint fails at sample points of every gap and at
  open endpoints.
* :class:`~cybergames.repeated.DeltaCondition`: at sampled parameter values
  satisfying the assumptions, the certificate reproduces the recomputed gains
  and the condition is true exactly where every constraint polynomial is
  non-positive.
* :class:`~cybergames.repeated.NashCheck` (registered in
  ``cybergames.repeated.nash``): the recorded best responses reach the
  recorded gains and admit no one-step improvement (Bellman optimality).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._verify import Verification, verify
from .automata import JointAutomaton
from .delta_sets import DeltaSet, Interval, compare
from .incentives import EquilibriumCheck

__all__: list = []


class _Model:
    """A profile walked independently: states, outputs, transitions and signal probabilities."""

    def __init__(self, rg: Any, profile: Any) -> None:
        self.rg = rg
        game = rg.stage
        monitoring = rg.monitoring
        if isinstance(profile, JointAutomaton):
            members = [profile]
            lottery = profile.randomisation
        else:
            members = list(profile)
            lotteries = {a.randomisation for a in members if a.randomisation is not None}
            lottery = next(iter(lotteries)) if lotteries else None
        outcomes = [(None, 1)] if lottery is None else list(lottery)
        self.signals = [(y, o, monitoring_p) for y in monitoring.signals for o, monitoring_p in outcomes]

        def read(member: Any, y: Any, o: Any) -> Any:
            return y if lottery is None or member.randomisation is None else (y, o)

        if isinstance(profile, JointAutomaton):
            self.output = lambda s: profile.action(s)
            self.step = lambda s, y, o: profile.next_state(s, read(profile, y, o))
            initial = profile.initial
        else:
            self.output = lambda s: tuple(a.action(w) for a, w in zip(members, s))
            self.step = lambda s, y, o: tuple(a.next_state(w, read(a, y, o), i)
                                              for i, (a, w) in enumerate(zip(members, s)))
            initial = tuple(a.initial for a in members)
        self.states = [initial]
        seen = {initial}
        for s in self.states:
            for y, o, _ in self.signals:
                t = self.step(s, y, o)
                if t not in seen:
                    seen.add(t)
                    self.states.append(t)
        self.index = {s: k for k, s in enumerate(self.states)}
        self.monitoring = monitoring
        self.game = game

    def distribution(self, state: Any, actions: tuple) -> list:
        """Next-state distribution (list over states) after ``actions`` in ``state``."""
        row = [0] * len(self.states)
        for y, o, weight in self.signals:
            p = self.monitoring.probability(y, actions) * weight
            if p != 0:
                row[self.index[self.step(state, y, o)]] += p
        return row

    def values(self, delta: Any, exact: bool) -> list:
        m = len(self.states)
        outputs = [self.output(s) for s in self.states]
        P = [self.distribution(s, a) for s, a in zip(self.states, outputs)]
        U = [[self.game.payoff(a, i) for a in outputs] for i in range(self.game.num_players)]
        if exact:
            d = sympy.Rational(*Fraction(delta).as_integer_ratio())
            system = sympy.eye(m) - d * sympy.Matrix(P).applyfunc(_rational)
            result = []
            for u in U:
                solution = system.LUsolve(sympy.Matrix([(1 - d) * _rational(x) for x in u]))
                result.append([Fraction(int(x.p), int(x.q)) for x in solution])
            return result
        d = float(delta)
        system = np.eye(m) - d * np.array(P, dtype=float)
        return [np.linalg.lstsq(system, (1 - d) * np.array(u, dtype=float), rcond=None)[0].tolist() for u in U]

    def gains(self, delta: Any, exact: bool) -> dict:
        V = self.values(delta, exact)
        d = Fraction(delta) if exact else float(delta)
        out = {}
        for s in self.states:
            prescribed = self.output(s)
            for i in range(self.game.num_players):
                for action in self.game.actions[i]:
                    if action == prescribed[i]:
                        continue
                    actions = prescribed[:i] + (action,) + prescribed[i + 1:]
                    row = self.distribution(s, actions)
                    u = self.game.payoff(actions, i)
                    continuation = sum(p * v for p, v in zip(row, V[i]))
                    out[(i, s, action)] = (1 - d) * u + d * continuation - V[i][self.index[s]]
        return out

    def denominator(self, delta: Fraction) -> Fraction:
        outputs = [self.output(s) for s in self.states]
        P = sympy.Matrix([self.distribution(s, a) for s, a in zip(self.states, outputs)]).applyfunc(_rational)
        value = (sympy.eye(len(self.states)) - _rational(delta) * P).det()
        return Fraction(int(value.p), int(value.q))


def _rational(x: Any) -> sympy.Rational:
    if isinstance(x, float):
        return sympy.Rational(*Fraction(x).as_integer_ratio())
    return sympy.Rational(Fraction(x).numerator, Fraction(x).denominator)


@verify.register(EquilibriumCheck)
def _verify_check(result: EquilibriumCheck, **kwargs: Any) -> Verification:
    exact = result.tol is None
    gains = _Model(result.rg, result.profile).gains(result.delta, exact)
    failures = []
    recorded = {(d.player, d.state, d.deviation): d.gain for d in result.deviations}
    if set(recorded) != set(gains):
        failures.append(f"deviations: recorded {len(recorded)}, recomputed {len(gains)}")
    scale = 1.0 if exact else _numbers.scale_of(*result.rg.stage.payoffs)
    threshold = 0 if exact else result.tol * scale
    for key, gain in gains.items():
        if key in recorded and (recorded[key] != gain if exact else abs(recorded[key] - gain) > 1e-7 * scale):
            failures.append(f"gain of {key}: recorded {recorded[key]!r}, recomputed {gain!r}")
    for v in result.violations:
        key = (v.player, v.state, v.deviation)
        if key in gains and (v.gain != gains[key] if exact else abs(v.gain - gains[key]) > 1e-7 * scale):
            failures.append(f"violation {key}: recorded gain {v.gain!r}, recomputed {gains[key]!r}")
    violated = {key for key, gain in gains.items() if gain > threshold}
    listed = {(v.player, v.state, v.deviation) for v in result.violations}
    if violated != listed:
        failures.append(f"violations: listed {sorted(map(str, listed))}, recomputed {sorted(map(str, violated))}")
    if result.holds != (not violated):
        failures.append(f"holds: recorded {result.holds}, recomputed {not violated}")
    return Verification(not failures, len(gains) + 2, tuple(failures))


def _samples(interval: Interval) -> list:
    """Rational points strictly inside a non-degenerate interval."""
    low, high = _approximate(interval.lower, 1), _approximate(interval.upper, -1)
    if interval.is_degenerate:
        return []
    return [low + (high - low) * Fraction(k, 6) for k in range(1, 6)]


def _approximate(x: Any, direction: int) -> Fraction:
    """A rational inside the interval just beyond ``x`` in ``direction`` (exact for rationals)."""
    if isinstance(x, (int, Fraction)):
        return Fraction(x)
    if isinstance(x, float):
        return Fraction(x)
    value = sympy.nsimplify(sympy.N(x, 40), rational=True)
    guess = Fraction(int(value.p), int(value.q))
    step = Fraction(1, 10 ** 30)
    while compare(guess, x) * direction <= 0:
        guess += direction * step
        step *= 2
    return guess


def _holds_at(constraints: tuple, x: Any, exact: bool, tol: float) -> bool:
    for c in constraints:
        if exact:
            if isinstance(x, Fraction):
                h = sum(coefficient * x ** k for k, coefficient in enumerate(c.coefficients))
                if h > 0:
                    return False
            else:
                h = sympy.expand(sum(sympy.sympify(coefficient) * x ** k
                                     for k, coefficient in enumerate(c.coefficients)))
                if h != 0 and compare(h, 0) > 0:
                    return False
        else:
            h = np.asarray(c.coefficients, dtype=float)
            scale = np.max(np.abs(h)) if h.size else 0.0
            if scale and np.polynomial.polynomial.polyval(float(x), h) > tol * scale * 10:
                return False
    return True


@verify.register(DeltaSet)
def _verify_delta_set(result: DeltaSet, **kwargs: Any) -> Verification:
    exact = result.kind != "float"
    tol = result.tol or 0.0
    model = _Model(result.rg, result.profile)
    failures = []
    checked = 0
    constraints = [c for c in result.constraints if result.player is None or c.player == result.player]
    degree = max([len(result.denominator)] + [len(c.coefficients) + c.power for c in constraints]) + 2
    points = [Fraction(k, degree + 1) for k in range(1, degree + 1)]
    denominators = {x: model.denominator(x) for x in points}
    for x in points:
        certificate = sum(Fraction(c) * x ** k for k, c in enumerate(result.denominator))
        checked += 1
        if (certificate != denominators[x]) if exact else abs(certificate - denominators[x]) > 1e-6:
            failures.append(f"denominator at {x}: certificate {certificate}, recomputed {denominators[x]}")
    for x in points:
        gains = model.gains(x, exact)
        for c in constraints:
            checked += 1
            g = gains[(c.player, c.state, c.deviation)]
            lhs = g * (denominators[x] if exact else float(denominators[x]))
            h = sum((Fraction(a) if exact else float(a)) * (x if exact else float(x)) ** k
                    for k, a in enumerate(c.coefficients))
            rhs = (1 - x) ** c.power * h if exact else float(1 - x) ** c.power * h
            if (lhs != rhs) if exact else abs(lhs - rhs) > 1e-6 * max(1.0, abs(rhs)):
                failures.append(f"constraint {(c.player, c.state, c.deviation)} at {x}: gain x D = {lhs}, "
                                f"(1 - delta)^e h = {rhs}")
    edges = [Fraction(0)]
    for interval in result.intervals:
        for x in _samples(interval):
            checked += 1
            if not _holds_at(constraints, x, exact, tol):
                failures.append(f"a constraint fails at {x}, inside {interval}")
        for x, closed in ((interval.lower, interval.lower_closed), (interval.upper, interval.upper_closed)):
            if compare(x, 1) == 0:
                continue
            checked += 1
            exact_x = Fraction(x) if isinstance(x, (int, Fraction)) else x
            if closed != _holds_at(constraints, exact_x, exact, tol) and exact:
                failures.append(f"endpoint {x} of {interval}: closed={closed} but the constraints "
                                f"{'fail' if closed else 'hold'} there")
        edges += [interval.lower, interval.upper]
    edges.append(Fraction(1))
    for low, high in zip(edges[::2], edges[1::2]):
        if compare(low, high) >= 0:
            continue
        gap = Interval(low, high, False, False)
        for x in _samples(gap):
            checked += 1
            if _holds_at(constraints, x, exact, tol):
                failures.append(f"every constraint holds at {x}, in a gap of the set")
    return Verification(not failures, checked, tuple(failures))


def _parameter_points(result: Any, count: int, seed: int) -> list:
    """Rational parameter values satisfying the assumptions (rejection sampling, bounded effort)."""
    import random

    from ..errors import CybergamesError

    rng = random.Random(seed)
    parameters = [s for s in result.parameters]
    points = []
    for attempt in range(4000):
        if len(points) >= count:
            break
        low, high = (0, 1) if attempt % 2 == 0 else (-5, 5)
        values = {s: sympy.Rational(rng.randint(low * 60, high * 60), 60) for s in parameters}
        if not all(bool(fact.subs(values)) for fact in result.assumptions):
            continue
        try:
            rg = result.rg.subs(values)
            _Model(rg, result.profile)
        except CybergamesError:
            continue
        points.append((values, rg))
    return points


def _verify_condition(result: Any, *, samples: int = 4, seed: int = 0, **kwargs: Any) -> Verification:
    """Symbolic conditions: the certificate reproduces the gains at sampled parameter values (satisfying
    the assumptions), and the condition is true exactly where every constraint polynomial is <= 0."""
    failures, checked = [], 0
    points = _parameter_points(result, samples, seed)
    if not points:
        return Verification(False, 0, ("no parameter values satisfying the assumptions were found",))
    delta = result.delta
    constraints = [c for c in result.constraints if result.player is None or c.player == result.player]
    degree = max([len(result.denominator)] + [len(c.coefficients) + c.power for c in constraints]) + 2
    grid = [Fraction(k, degree + 1) for k in range(1, degree + 1)]
    for values, rg in points:
        model = _Model(rg, result.profile)
        polys = [[sympy.sympify(a).subs(values) for a in c.coefficients] for c in constraints]
        for x in grid:
            gains = model.gains(x, True)
            denominator = sum(sympy.sympify(a).subs(values) * _rational(x) ** k
                              for k, a in enumerate(result.denominator))
            for c, poly in zip(constraints, polys):
                checked += 1
                g = _rational(gains[(c.player, c.state, c.deviation)])
                h = sum(a * _rational(x) ** k for k, a in enumerate(poly))
                if sympy.simplify(g * denominator - (1 - _rational(x)) ** c.power * h) != 0:
                    failures.append(f"constraint {(c.player, c.state, c.deviation)} at {values}, delta={x}")
            checked += 1
            expected = all(sum(a * _rational(x) ** k for k, a in enumerate(poly)) <= 0 for poly in polys)
            truth = result.condition.subs({**values, delta: _rational(x)})
            if truth not in (sympy.true, sympy.false) or bool(truth) != expected:
                failures.append(f"condition at {values}, delta={x}: {truth}, constraints say {expected}")
    return Verification(not failures, checked, tuple(failures))


def _register_condition() -> None:
    from .symbolic import DeltaCondition
    verify.register(DeltaCondition)(_verify_condition)


_register_condition()
