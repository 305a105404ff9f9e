"""The norms model's constants and closed forms, shared by the model and its report text (internal)."""

from __future__ import annotations

import math
from typing import Any

import sympy

from ..repeated._delta import DELTA

FOLLOW, ABSTAIN = "Follow", "Abstain"
#: Largest group whose n-player game (2^n profiles) the analysis builds with the library.
LIBRARY_MAX_STATES = 10
#: Largest group whose KMR chain (n + 1 states, least-cost trees) the analysis solves.
KMR_MAX_STATES = 200
#: Largest group the model accepts.
MAX_STATES = 1000

R_, T_, P_, S_ = sympy.symbols("R T P S", real=True)
N_ = sympy.Symbol("n", positive=True, integer=True)
ADOPTERS = sympy.Symbol("adopters", nonnegative=True, integer=True)
#: The parameter symbols of the formulas, by parameter name.
GAIN = sympy.Symbol("violation_gain", positive=True)
DELTA_ = DELTA
SYMBOLS = {"n": N_, "R": R_, "T": T_, "P": P_, "S": S_, "adopters": ADOPTERS, "violation_gain": GAIN,
           "delta": DELTA_}


def tipping_share_expr() -> sympy.Expr:
    """:math:`x^* = (P - S)/((R - T) + (P - S))` in the parameter symbols."""
    return (P_ - S_) / ((R_ - T_) + (P_ - S_))


def ceiling(value: Any) -> int:
    """The least integer >= ``value`` (exact for Fractions; floats within 1e-9 of a whole number round to it)."""
    if isinstance(value, float):
        nearest = round(value)
        return nearest if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)) else math.ceil(value)
    return -((-value.numerator) // value.denominator) if hasattr(value, "numerator") else int(value)
