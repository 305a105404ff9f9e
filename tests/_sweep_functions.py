"""Functions swept by tests/test_sweep.py, defined at module level so that process workers can import them.

The condition is grim trigger in the repeated prisoner's dilemma with payoffs
T > R > P: keeping to cooperation pays R in every period, a deviation pays T once
and P for ever after, so with payoffs normalised by (1 - delta) a player keeps
cooperating iff

    R >= (1 - delta) T + delta P   <=>   delta >= (T - R) / (T - P).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


def grim_trigger(T, R, P, delta):
    """The threshold and whether grim trigger holds, exactly (int/Fraction inputs)."""
    threshold = Fraction(T - R, T - P)
    return {"threshold": threshold, "holds": delta >= threshold}


def grim_trigger_float(T, R, P, delta):
    """Whether grim trigger holds, computed in floats in the order numpy evaluates the relation."""
    return delta >= (T - R) / (T - P)


@dataclass(frozen=True)
class Values:
    keep: Fraction
    deviate: Fraction


@dataclass(frozen=True)
class GrimCheck:
    holds: bool
    values: Values
    gain: Fraction


def grim_trigger_check(T, R, P, delta):
    """A frozen dataclass result with a nested dataclass, from the payoffs themselves."""
    keep = Fraction(R)
    deviate = (1 - delta) * T + delta * P
    return GrimCheck(holds=keep >= deviate, values=Values(keep, deviate), gain=deviate - keep)


def reciprocal(x):
    """1/x exactly; raises ZeroDivisionError at x = 0."""
    return Fraction(1, x)


def product(x, y):
    """x * y, a single value."""
    return x * y


def product_of_x(x):
    """x squared, a single value."""
    return x * x


def dies_at(x, fatal):
    """x squared, except that the worker process evaluating ``x == fatal`` dies on the spot."""
    if x == fatal:
        import os

        os._exit(3)  # what an out-of-memory kill or a segfault looks like to the pool
    return x * x
