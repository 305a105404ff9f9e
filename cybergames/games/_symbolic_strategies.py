"""Hypothesis strategies for symbolic games: payoffs that are sympy expressions in a few symbols.

Users import these from :mod:`cybergames.strategies`.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple, Sequence

import numpy as np
import sympy
from hypothesis import strategies as st

from ..errors import StrategyArgumentError
from .normal_form import NormalFormGame
from ._strategies import _exact, _scale, _shape, _values

__all__ = ["symbolic_games", "SymbolicGame"]


# ------------------------------------------------------------ symbolic games
class SymbolicGame(NamedTuple):
    """A symbolic game, values for its symbols, and the numeric game they give.

    ``numeric`` is computed from the drawn coefficients with plain Python
    arithmetic, independently of sympy, so ``game.subs(values) == numeric``
    holds exactly for exact values (and up to rounding for floats).
    """

    game: NormalFormGame
    values: dict
    numeric: NormalFormGame


@st.composite
def symbolic_games(draw: Any, players: Any = 2, actions: Any = 2, *, names: Sequence[str] = ("x", "y", "z"),
                   exact: bool = True, min_value: Any = -10, max_value: Any = 10,
                   max_denominator: int = 1) -> SymbolicGame:
    r"""Games whose payoffs are polynomials in a few real symbols, with values for the symbols.

    Each payoff is :math:`c_0 + \sum_j c_j s_j + q\, s_1 s_2` with an integer
    constant :math:`c_0` in ``[min_value, max_value]`` and small integer
    coefficients (the product term only with two or more symbols); every symbol
    occurs in some payoff, so the game is symbolic. The symbols are
    ``sympy.Symbol(name, real=True)`` for the first 1 to ``len(names)`` names.

    Parameters
    ----------
    players, actions : as for :func:`normal_form_games`
    names : sequence of str, optional
        Names of the symbols that may be used (default ``("x", "y", "z")``).
    exact : bool, optional
        Exact values for the symbols (integers, or multiples of ``1/d`` with
        ``max_denominator``) or floats.
    min_value, max_value : optional
        Bounds of the constants and of the symbols' values.

    Returns
    -------
    SymbolicGame
        ``(game, values, numeric)``.

    Examples
    --------
    >>> from hypothesis import given
    >>> @given(symbolic_games())
    ... def test_subs(case):
    ...     assert case.game.is_symbolic and case.game.subs(case.values) == case.numeric
    >>> test_subs()
    """
    if isinstance(names, str) or not isinstance(names, Sequence) or not names \
            or not all(isinstance(name, str) and name.isidentifier() for name in names) \
            or len(set(names)) != len(names):
        raise StrategyArgumentError(f"names: expected a non-empty sequence of distinct identifiers, got {names!r}")
    scale = _scale(exact, min_value, max_value, max_denominator)
    shape = _shape(draw, players, actions, symmetric=False, per_entry=len(names) + 2)
    k = draw(st.integers(1, len(names)))
    symbols = [sympy.Symbol(name, real=True) for name in names[:k]]
    d = draw(st.sampled_from(scale.denominators)) if scale.exact else 1
    raw_values = _values(draw, scale, k, d)
    values = [_exact(v, d) for v in raw_values] if scale.exact else raw_values
    entries = len(shape) * math.prod(shape)
    low, high = math.ceil(scale.low), math.floor(scale.high)
    if low > high:
        raise StrategyArgumentError(f"min_value, max_value: the constants are integers; expected one "
                                    f"in [{min_value!r}, {max_value!r}]")
    constants = draw(st.lists(st.integers(low, high), min_size=entries, max_size=entries))
    coefficients = [draw(st.lists(st.integers(-3, 3), min_size=k, max_size=k)) for _ in range(entries)]
    for j in range(k):                          # every symbol occurs somewhere
        where = draw(st.integers(0, entries - 1))
        if coefficients[where][j] == 0:
            coefficients[where][j] = draw(st.sampled_from((1, -1, 2, -2, 3, -3)))
    products = draw(st.lists(st.integers(-2, 2), min_size=entries, max_size=entries)) if k >= 2 \
        else [0] * entries
    symbolic, numeric = [], []
    for c0, cs, q in zip(constants, coefficients, products):
        expression = sympy.Integer(c0) + sum((c * s for c, s in zip(cs, symbols)), sympy.Integer(0))
        number = c0 + sum(c * v for c, v in zip(cs, values))
        if q:
            expression += q * symbols[0] * symbols[1]
            number += q * values[0] * values[1]
        symbolic.append(expression)
        numeric.append(number)
    size = math.prod(shape)
    arrays = [np.array(symbolic[i * size:(i + 1) * size], dtype=object).reshape(shape) for i in range(len(shape))]
    numbers = [np.array(numeric[i * size:(i + 1) * size], dtype=object).reshape(shape) for i in range(len(shape))]
    return SymbolicGame(NormalFormGame(arrays), dict(zip(symbols, values)), NormalFormGame(numbers))
