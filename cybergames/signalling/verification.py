"""Independent re-checks of signalling results (PBE, PartitionEquilibrium) for :func:`cybergames.verify`.

The checker reads only the game's public payoff tables and the result's
strategies and beliefs, and recomputes every condition of a perfect Bayesian
equilibrium from scratch (it shares no code with the solver).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._numbers import DEFAULT_TOL, ratio
from .._verify import Verification, verify
from .beliefs import BeliefSet
from .cheap_talk import PartitionEquilibrium
from .pbe import PBE


def _mixture(value: Any) -> dict:
    return {value: 1} if isinstance(value, str) else dict(value)


@verify.register(PBE)
def _verify_pbe(eq: PBE, *, tol: float = DEFAULT_TOL) -> Verification:
    """Bayes' rule on the path, best responses on and off it, and no profitable message."""
    sg = eq.game
    us, ur = sg.sender_payoff, sg.receiver_payoff
    floaty = sg.kind == "float"
    slack = tol if floaty else 0
    failures: list[str] = []
    checked = 0

    def expect(ok: bool, text: str) -> None:
        nonlocal checked
        checked += 1
        if not ok:
            failures.append(text)

    sender = {t: _mixture(eq.sender[t]) for t in sg.types}
    receiver = {m: _mixture(eq.receiver[m]) for m in sg.messages}
    for t, mix in sender.items():
        expect(all(m in sg.available[t] and p >= -slack for m, p in mix.items())
               and abs(sum(mix.values()) - 1) <= slack, f"sender[{t!r}] is not a distribution over its messages")
    for m, mix in receiver.items():
        expect(all(a in sg.actions[m] and p >= -slack for a, p in mix.items())
               and abs(sum(mix.values()) - 1) <= slack, f"receiver[{m!r}] is not a distribution over its actions")
    if failures:
        return Verification(False, checked, tuple(failures))

    def value(table: Mapping, t: str, m: str, mix: dict) -> Any:
        return sum(p * table[(t, m, a)] for a, p in mix.items())

    for t in sg.types:
        payoff = {m: value(us, t, m, receiver[m]) for m in sg.available[t]}
        best = max(payoff.values())
        for m, p in sender[t].items():
            if p > slack:
                expect(payoff[m] >= best - slack * max(1, abs(best)),
                       f"type {t!r} sends {m!r} but {best} > {payoff[m]} elsewhere")
        expect(abs(sum(p * payoff[m] for m, p in sender[t].items()) - eq.sender_payoffs[t]) <= slack,
               f"sender_payoffs[{t!r}] is wrong")
    for m in sg.messages:
        mass = {t: sg.prior[t] * sender[t].get(m, 0) for t in sg.types}
        total = sum(mass.values())
        belief = eq.beliefs[m]
        if total > slack:
            expect(not isinstance(belief, BeliefSet), f"message {m!r} is on the path but has a belief set")
            if isinstance(belief, BeliefSet):
                continue
            posterior = {t: ratio(mass[t], total) for t in sg.types}
            expect(all(abs(posterior[t] - belief[t]) <= slack for t in sg.types),
                   f"belief after {m!r} is not Bayes' rule: {belief} != {posterior}")
            points = [posterior]
        else:
            expect(isinstance(belief, BeliefSet) and not belief.is_empty,
                   f"message {m!r} is off the path but has no (non-empty) belief set")
            if not isinstance(belief, BeliefSet):
                continue
            points = list(belief.vertices)
            for point in points:
                expect(all(point[t] == 0 or (floaty and abs(point[t]) <= slack) for t in sg.types
                           if m not in sg.available[t]) and abs(sum(point.values()) - 1) <= slack
                       and all(v >= -slack for v in point.values()),
                       f"a belief after {m!r} is not a distribution over the types that can send it")
        for point in points:
            expected = {a: sum(point[t] * ur[(t, m, a)] for t in sg.types if m in sg.available[t])
                        for a in sg.actions[m]}
            best = max(expected.values())
            for a, p in receiver[m].items():
                if p > slack:
                    expect(expected[a] >= best - slack * max(1, abs(best)),
                           f"after {m!r} action {a!r} is not a best response to the belief {dict(point)}")
    return Verification(not failures, checked, tuple(failures))


@verify.register(PartitionEquilibrium)
def _verify_partition(eq: PartitionEquilibrium, *, tol: float = DEFAULT_TOL) -> Verification:
    r"""Boundaries ordered from 0 to 1, midpoint actions, the boundary types' indifference
    :math:`(y_i - a_i - b)^2 = (y_{i+1} - a_i - b)^2`, and the expected utilities recomputed."""
    a, y, b = eq.boundaries, eq.actions, eq.bias
    floaty = isinstance(b, float)
    slack = tol if floaty else 0
    checks = [
        (len(a) == eq.intervals + 1 and len(y) == eq.intervals, "boundaries and actions do not match intervals"),
        (abs(a[0]) <= slack and abs(a[-1] - 1) <= slack, "the partition must run from 0 to 1"),
        (all(lo < hi for lo, hi in zip(a, a[1:])), "boundaries must increase"),
    ]
    if not checks[0][0]:
        return Verification(False, 1, (checks[0][1],))
    checks += [(abs(y[i] - (a[i] + a[i + 1]) / 2) <= slack, f"action {i} is not its interval's midpoint")
               for i in range(eq.intervals)]
    checks += [(abs((y[i - 1] - a[i] - b) ** 2 - (y[i] - a[i] - b) ** 2) <= slack,
                f"boundary type a_{i} is not indifferent") for i in range(1, eq.intervals)]
    receiver = -sum((hi - lo) ** 3 for lo, hi in zip(a, a[1:])) / 12
    checks += [(abs(receiver - eq.receiver_utility) <= slack, "receiver_utility is wrong"),
               (abs(receiver - b * b - eq.sender_utility) <= slack, "sender_utility is wrong")]
    failures = tuple(text for ok, text in checks if not ok)
    return Verification(not failures, len(checks), failures)
