r"""Closed-form conditions compiled once to numpy and evaluated over whole grids in one call.

A sympy expression or relation in named symbols, such as the grim-trigger
condition :math:`\delta \ge (T - R)/(T - P)` or a ``Piecewise`` payoff, is
turned into a numpy function by :func:`sympy.lambdify` (module ``"numpy"``).
Nothing is parsed from strings: the condition must already be a sympy object.

This is the float path: parameter values are converted to float64 and the
result is a float64 array (a bool array for relations and their ``And``/``Or``
combinations). Use :func:`cybergames.sweep.sweep` with an exact function for
exact answers. Where the expression is undefined (a zero denominator) numpy
gives ``inf``/``nan`` with its usual ``RuntimeWarning``, and a relation with a
``nan`` side is false; choose grids that avoid such points, or wrap the call in
``numpy.errstate`` to silence the warning deliberately.

Assumptions on symbols are enforced on the values: a symbol declared
``positive=True`` (or ``nonnegative``, ``negative``, ``nonpositive``,
``integer``, ``nonzero``) refuses values that break the declaration, because
sympy may already have simplified the expression using it (``Abs(x)`` is ``x``
for a positive ``x``).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import sympy
from sympy.core.function import AppliedUndef
from sympy.logic.boolalg import Boolean

from .._numbers import normalise, to_sympy
from ._grid import parse_grid
from ._table import SweepTable
from ..errors import ParameterError

__all__ = ["VectorizedCondition", "vectorize", "sweep_vectorized"]

# (assumption, test the values must pass, what the message says)
_ASSUMPTIONS = (
    ("positive", lambda a: a > 0, "positive"),
    ("nonnegative", lambda a: a >= 0, "nonnegative"),
    ("negative", lambda a: a < 0, "negative"),
    ("nonpositive", lambda a: a <= 0, "nonpositive"),
    ("nonzero", lambda a: a != 0, "nonzero"),
    ("integer", lambda a: a == np.round(a), "integer"),
)


def _expression(condition: Any) -> sympy.Basic:
    if isinstance(condition, (str, bytes)):
        raise ParameterError("condition: expected a sympy expression or relation, got a string; build it "
                             "from sympy.symbols(...) (strings are never evaluated)")
    if isinstance(condition, (bool, np.bool_)):
        return sympy.true if condition else sympy.false
    if isinstance(condition, numbers.Real):
        return to_sympy(normalise(condition, "condition", ParameterError))
    if not isinstance(condition, (sympy.Expr, Boolean)):
        raise ParameterError(f"condition: expected a sympy expression or relation, got {condition!r}")
    if condition.atoms(AppliedUndef):
        raise ParameterError(f"condition: undefined functions {sorted(map(str, condition.atoms(AppliedUndef)))} "
                             "cannot be evaluated numerically")
    if condition.has(sympy.I, sympy.zoo, sympy.nan):
        raise ParameterError(f"condition: expected a real expression, got {condition!r}")
    return condition


def _symbols(expression: sympy.Basic, parameters: Any) -> tuple[sympy.Symbol, ...]:
    by_name: dict[str, sympy.Symbol] = {}
    for symbol in expression.free_symbols:
        if symbol.name in by_name and by_name[symbol.name] != symbol:
            raise ParameterError(f"condition: two different symbols are named {symbol.name!r} "
                                 "(different assumptions); rename one")
        by_name[symbol.name] = symbol
    if parameters is None:
        return tuple(sorted(by_name.values(), key=lambda symbol: symbol.name))
    if isinstance(parameters, (str, bytes)) or not isinstance(parameters, Sequence):
        raise ParameterError(f"parameters: expected a sequence of sympy symbols or names, got {parameters!r}")
    symbols = []
    for parameter in parameters:
        if isinstance(parameter, sympy.Symbol):
            if parameter.name in by_name and by_name[parameter.name] != parameter:
                raise ParameterError(f"parameters: {parameter!r} has other assumptions than the symbol of "
                                     "that name in the condition")
            symbols.append(parameter)
        elif isinstance(parameter, str):
            symbols.append(by_name.get(parameter, sympy.Symbol(parameter)))
        else:
            raise ParameterError(f"parameters: expected sympy symbols or names, got {parameter!r}")
    names = [symbol.name for symbol in symbols]
    if len(set(names)) != len(names):
        raise ParameterError(f"parameters: names must be unique, got {names}")
    missing = sorted(set(by_name) - set(names))
    if missing:
        raise ParameterError(f"parameters: the condition's symbols {missing} are missing from {names}")
    return tuple(symbols)


def _values(symbol: sympy.Symbol, value: Any) -> np.ndarray:
    """``value`` as a float64 array, checked against ``symbol``'s assumptions."""
    name = symbol.name
    raw = np.asarray(value) if not isinstance(value, np.ndarray) else value
    if raw.dtype == object:
        if not all(isinstance(item, (numbers.Real, sympy.Basic)) and not isinstance(item, bool)
                   for item in raw.flat):
            raise ParameterError(f"{name}: expected real numbers, got {value!r}")
    elif raw.dtype.kind not in "biuf":
        raise ParameterError(f"{name}: expected real numbers, got {value!r}")
    try:
        array = raw.astype(float)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"{name}: expected real numbers, got {value!r}") from exc
    if not np.isfinite(array).all():
        raise ParameterError(f"{name}: expected finite numbers, got {value!r}")
    for assumption, test, words in _ASSUMPTIONS:
        if getattr(symbol, f"is_{assumption}") and not test(array).all():
            raise ParameterError(f"{name}: the symbol is declared {words}, but some values are not")
    return array


@dataclass(frozen=True)
class VectorizedCondition:
    """A sympy expression or relation compiled to a numpy function of its parameters.

    Call it with one array (or number) per parameter, by keyword or in the order
    of :attr:`parameters`; the arrays broadcast together and the result has
    their broadcast shape: bool for a relation, float64 otherwise.

    Attributes
    ----------
    expression : sympy.Basic
        The condition as given.
    parameters : tuple of sympy.Symbol
        The arguments, in call order.
    function : callable
        The numpy function :func:`sympy.lambdify` made, taking float arrays in
        parameter order (unchecked; call the object itself instead).
    """

    expression: sympy.Basic
    parameters: tuple[sympy.Symbol, ...]
    function: Callable[..., Any] = field(repr=False, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The parameter names, in call order."""
        return tuple(symbol.name for symbol in self.parameters)

    @property
    def is_relation(self) -> bool:
        """Whether the condition is true/false valued (a relation or a logical combination)."""
        return not isinstance(self.expression, sympy.Expr)  # a Symbol is a Boolean too, and an Expr

    def __call__(self, *args: Any, **kwargs: Any) -> np.ndarray:
        names = self.names
        if len(args) > len(names):
            raise ParameterError(f"expected at most {len(names)} positional values for {names}, got {len(args)}")
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in names:
                raise ParameterError(f"{name}: not a parameter of the condition; the parameters are {names}")
            if name in values:
                raise ParameterError(f"{name}: given both by position and by keyword")
            values[name] = value
        missing = [name for name in names if name not in values]
        if missing:
            raise ParameterError(f"missing values for the parameters {missing}")
        arrays = [_values(symbol, values[symbol.name]) for symbol in self.parameters]
        try:
            shape = np.broadcast_shapes(*(array.shape for array in arrays))
        except ValueError as exc:
            shapes = {name: array.shape for name, array in zip(names, arrays)}
            raise ParameterError(f"the parameter arrays do not broadcast together: {shapes}") from exc
        # Broadcast views (no copies): numpy's printer turns And/Or into logical_and.reduce((a, b)),
        # which needs operands of one shape.
        result = np.asarray(self.function(*np.broadcast_arrays(*arrays)))
        dtype = bool if self.is_relation else float
        if result.shape != shape:
            result = np.broadcast_to(result, shape)
        return np.array(result, dtype=dtype)


def vectorize(condition: Any, parameters: Sequence[sympy.Symbol | str] | None = None) -> VectorizedCondition:
    r"""Compile a sympy expression or relation once into a numpy function of its symbols.

    Parameters
    ----------
    condition : sympy.Expr or sympy relation
        For example ``delta >= (T - R)/(T - P)``, ``And(...)`` of relations, a
        ``Piecewise``. Strings are refused: nothing is parsed.
    parameters : sequence of sympy.Symbol or str, optional
        The call order of the parameters; symbols are matched by name. Must
        include every free symbol of the condition and may add others (which
        the result then does not depend on). Default: the free symbols sorted by name.

    Returns
    -------
    VectorizedCondition
        Callable on numpy arrays (float path; see the module docstring).

    Raises
    ------
    ParameterError
        If ``condition`` is not a real sympy expression or relation, uses
        undefined functions, or ``parameters`` misses one of its symbols; when
        called, if values are not finite reals, break a symbol's assumptions or
        do not broadcast together.

    Examples
    --------
    >>> import sympy
    >>> T, R, P, delta = sympy.symbols("T R P delta", positive=True)
    >>> grim = vectorize(delta >= (T - R) / (T - P))
    >>> grim.names
    ('P', 'R', 'T', 'delta')
    >>> grim(T=5, R=3, P=1, delta=np.array([0.25, 0.5, 0.75]))
    array([False,  True,  True])
    >>> x = sympy.Symbol("x")
    >>> vectorize(sympy.Piecewise((x, x < 1), (2 - x, True)))(x=[0.5, 1.5])
    array([0.5, 0.5])
    """
    expression = _expression(condition)
    symbols = _symbols(expression, parameters)
    # plain argument names, so that a symbol called like a numpy function ("sqrt") cannot shadow it
    arguments = [sympy.Symbol(f"_cybergames_arg{k}") for k in range(len(symbols))]
    function = sympy.lambdify(arguments, expression.xreplace(dict(zip(symbols, arguments))), modules="numpy")
    return VectorizedCondition(expression, symbols, function)


def sweep_vectorized(condition: Any, grid: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]], *,
                     name: str = "result") -> SweepTable:
    r"""Evaluate a closed-form condition at every point of ``grid`` in one numpy call.

    The table is the one :func:`cybergames.sweep.sweep` would give for a function
    computing the condition in floats: same parameter columns in the same grid
    order, one result column ``name`` (bool for a relation, float64 otherwise). A
    Cartesian grid is evaluated on an open ``numpy.meshgrid(..., indexing="ij",
    sparse=True)``, so only the result has one entry per point.

    Parameters
    ----------
    condition : sympy expression or relation, or VectorizedCondition
        Its symbols are matched by name to the grid's parameters; the grid may
        have parameters the condition does not use.
    grid : mapping or sequence of mappings
        As for :func:`cybergames.sweep.sweep`; values must be real numbers.
    name : str, default "result"
        The result column's name.

    Returns
    -------
    SweepTable

    Raises
    ------
    ParameterError
        As :func:`vectorize`, and if the grid lacks one of the condition's
        parameters or ``name`` is not a new column name.

    Examples
    --------
    >>> import sympy
    >>> T, R, P, delta = sympy.symbols("T R P delta")
    >>> table = sweep_vectorized(delta >= (T - R) / (T - P),
    ...                          {"T": [5], "R": [3], "P": [1], "delta": np.linspace(0, 0.9, 10)},
    ...                          name="holds")
    >>> table.column("holds")
    array([False, False, False, False, False,  True,  True,  True,  True,  True])
    """
    parsed = parse_grid(grid)
    if not isinstance(name, str) or name in parsed.names:
        raise ParameterError(f"name: expected a string other than the parameter names {parsed.names}, got {name!r}")
    if isinstance(condition, VectorizedCondition):
        compiled = condition
    else:
        expression = _expression(condition)
        used = sorted(symbol.name for symbol in expression.free_symbols)
        missing = [symbol for symbol in used if symbol not in parsed.names]
        if missing:
            raise ParameterError(f"grid: the condition's parameters {missing} are not in the grid {parsed.names}")
        compiled = vectorize(expression, used)
    missing = [symbol for symbol in compiled.names if symbol not in parsed.names]
    if missing:
        raise ParameterError(f"grid: the condition's parameters {missing} are not in the grid {parsed.names}")
    columns = parsed.columns()
    if parsed.axes is not None:
        axes = dict(zip(parsed.names, np.meshgrid(*parsed.axis_columns(), indexing="ij", sparse=True)))
        result = compiled(**{key: axes[key] for key in compiled.names})
        result = np.broadcast_to(result, parsed.shape).ravel()
    else:
        by_name = dict(zip(parsed.names, columns))
        result = compiled(**{key: by_name[key] for key in compiled.names})
        result = np.broadcast_to(result, (parsed.size,))
    result = np.array(result)  # contiguous, owned
    result.flags.writeable = False
    return SweepTable(parsed.names, (name,), columns + (result,))
