"""What every cyber-cooperation model shares: parameters, conditions, remedies, results.

A model is a frozen dataclass of named parameters with defaults, validated at
construction (:func:`check_parameter`), whose ``analyse()`` returns a
:class:`ModelAnalysis`: the equilibrium findings, the conditions for
sustainable cooperation (as a formula in the parameters and as a number at the
model's values) and the comparative statics of each remedy. The report and the
plots read only these fields, so every model is shown the same way.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, ClassVar, Mapping

import sympy

from .. import _maths, _numbers, limits
from ..errors import ParameterError

__all__ = ["Condition", "Remedy", "ModelAnalysis", "Model", "check_parameter", "show"]


@dataclass(frozen=True)
class Condition:
    """A condition for sustainable cooperation.

    Attributes
    ----------
    name : str
        What the condition is about, e.g. ``"critical discount factor"``.
    formula : sympy.Basic
        The condition in the model's parameters (a relation such as
        ``delta >= (T - R)/(T - P)``) or the threshold expression.
    value : number or None
        The threshold at the model's parameter values (exact for exact
        parameters), or None where the condition has no single threshold.
    holds : bool or None
        Whether cooperation is sustainable at the model's parameter values.
    explanation : str
        One sentence in words.
    """

    name: str
    formula: Any
    value: Any
    holds: bool | None
    explanation: str = ""


@dataclass(frozen=True)
class Remedy:
    """A remedy's comparative statics: how the condition moves with the remedy's parameter.

    Attributes
    ----------
    name : str
        The remedy, e.g. ``"capacity-building transfer"``.
    parameter : str
        The model parameter the remedy acts on.
    effect : str
        One sentence: what the remedy does to the condition.
    table : tuple of (parameter value, condition value) pairs
        The condition's threshold at a few values of the parameter.
    column : str
        What the table's second column holds, e.g. ``"critical discount factor"``
        or ``"minimal sanction s*"``.
    """

    name: str
    parameter: str
    effect: str
    table: tuple[tuple[Any, Any], ...] = ()
    column: str = "threshold"


@dataclass(frozen=True)
class ModelAnalysis:
    """The analysis of a cyber-cooperation model, as shown by the report.

    Attributes
    ----------
    model : Model
        The analysed model (its parameters identify the answer).
    obstacle : str
        The obstacle to cooperation the model encodes.
    summary : str
        The model in one line.
    findings : tuple of str
        The equilibrium findings, in words with their numbers.
    conditions : tuple of Condition
        The conditions for sustainable cooperation.
    remedies : tuple of Remedy
        The comparative statics of each remedy.
    details : mapping
        Model-specific results (equilibria, delta sets, payoff sets, ...).
    game : cybergames.models.GameAnswer or None
        What the game allows at the parameters, beside the named profile's
        conditions (folk-theorem conditions, the best explicit equilibrium
        found, payoff-set bounds); None for models that do not compute it yet.
    verdict : str
        The one-line verdict of the report, where the model states its own
        (empty: the report derives it from the conditions).
    numbers : tuple of (str, number) pairs
        The numbers of the findings by name (identifiers), which the JSON report carries.
    """

    model: Any
    obstacle: str
    summary: str
    findings: tuple[str, ...]
    conditions: tuple[Condition, ...]
    remedies: tuple[Remedy, ...]
    details: Mapping[str, Any] = field(default_factory=dict, repr=False)
    game: Any = field(default=None, repr=False)
    verdict: str = ""
    numbers: tuple[tuple[str, Any], ...] = field(default=(), repr=False)

    @property
    def sustainable(self) -> bool | None:
        """Whether every condition holds at the model's parameters (None if some is undecided)."""
        flags = [c.holds for c in self.conditions]
        if any(f is False for f in flags):
            return False
        return None if any(f is None for f in flags) else True


class Model:
    """Base of the model dataclasses: parameter listing and overriding."""

    #: The report's short name of the model (``python -m cybergames trust``).
    key: ClassVar[str] = ""
    #: The obstacle the model encodes, in a few words.
    obstacle: ClassVar[str] = ""

    @property
    def is_symbolic(self) -> bool:
        """Whether some parameter is a sympy expression."""
        return _numbers.kind_of(v for v in self.parameters().values()
                                if not isinstance(v, (bool, type(None)))) == _numbers.SYMBOLIC

    def _floats_throughout(self, names: Any = None) -> None:
        """Float in, float out: if one of the ``names`` (default all) is a float, make them all floats.

        Raises
        ------
        ParameterError
            If floats are mixed with sympy expressions.
        """
        names = list(self.parameters()) if names is None else list(names)
        numeric = {n: getattr(self, n) for n in names if not isinstance(getattr(self, n), (bool, type(None)))}
        if not any(isinstance(v, float) for v in numeric.values()):
            return
        if _numbers.kind_of(numeric.values()) == _numbers.SYMBOLIC:
            raise ParameterError(f"{type(self).__name__}: floats and sympy expressions cannot be mixed")
        for name, value in numeric.items():
            object.__setattr__(self, name, float(value))

    #: The parameters as sympy symbols (name -> symbol), for models that derive formulas symbolically.
    symbols: ClassVar[Mapping[str, Any]] = {}

    def _substitute(self, expression: Any, **changes: Any) -> Any:
        """A symbolic formula at the model's parameter values (with ``changes``): a number or expression.

        Returns None where the formula is undefined (a zero denominator).
        """
        values = {**self.parameters(), **changes}
        # xreplace on the resolved values: exact, one pass, and a tenth of the time of subs (which searches
        # for matching subexpressions the parameter symbols never need)
        result = sympy.sympify(expression).xreplace(resolved(
            {self.symbols[name]: _numbers.to_sympy(value) for name, value in values.items() if name in self.symbols}))
        if result.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
            return None
        return _numbers.simplify_exact(_numbers.from_sympy(result)) if result.is_number else result

    def _region(self, region: sympy.Basic, free: Any = None) -> sympy.Basic:
        """``region`` with the parameters not named in ``free`` at their values; simplified when one is free."""
        region = region.xreplace(self._fixed(free))
        return sympy.simplify(region) if free is not None and len(set(free)) == 1 else region

    def _fixed(self, free: Any = None) -> dict:
        """``symbol -> value`` for the parameters in :attr:`symbols` not named in ``free`` (None: all free).

        Raises
        ------
        ParameterError
            If ``free`` names something that is not a parameter with a symbol.
        """
        names = list(self.symbols)
        free = names if free is None else list(free)
        unknown = sorted(set(free) - set(names))
        if unknown:
            raise ParameterError(f"free: unknown parameter(s) {unknown}; expected some of {names}")
        return resolved({self.symbols[n]: _numbers.to_sympy(getattr(self, n)) for n in names if n not in free})

    def parameters(self) -> dict[str, Any]:
        """The model's parameters and their values, in declaration order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def replace(self, **changes: Any) -> "Model":
        """A copy with some parameters changed (validated again).

        Raises
        ------
        ParameterError
            If a name is not a parameter of the model.
        """
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise ParameterError(f"{type(self).__name__}: unknown parameter(s) {unknown}; "
                                 f"expected some of {sorted(names)}")
        return dataclasses.replace(self, **changes)

    def analyse(self) -> ModelAnalysis:  # pragma: no cover - every model overrides it
        raise NotImplementedError


def resolved(values: dict) -> dict:
    """``symbol -> value`` with every value expressed without the symbols being replaced (a fixed point).

    A symbolic parameter may be given in another parameter's symbol (``gain_1 = gain_2``). Substituting
    such a mapping in one pass depends on the order (``{a: b, b: 3}`` leaves ``b`` or gives 3), so each
    value first takes the others' values, until nothing changes (a cycle stays symbolic); the result is
    then substituted with ``simultaneous=True``.

    >>> a, b = sympy.symbols("a b")
    >>> resolved({a: b + 1, b: sympy.Integer(3)})
    {a: 4, b: 3}
    """
    for _ in range(len(values)):
        changed = {k: v.xreplace(values) if isinstance(v, sympy.Basic) else v for k, v in values.items()}
        if changed == values:
            break
        values = changed
    return values


def check_parameter(model: Any, name: str, *, lower: Any = None, upper: Any = None,
                    lower_open: bool = False, upper_open: bool = False, integer: bool = False,
                    symbolic: bool = True) -> Any:
    """Validate and normalise one parameter of ``model`` in place (frozen-dataclass safe).

    The value becomes an int, Fraction, float or sympy expression; bounds are
    checked with the three-valued :func:`cybergames._numbers.require`, so a
    symbol passes unless its assumptions contradict the bounds.

    Raises
    ------
    ParameterError
        If the value is not a number (or, with ``integer=True``, not an
        integer), or lies provably outside the bounds.
    """
    value = getattr(model, name)
    label = f"{type(model).__name__}.{name}"
    if integer:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParameterError(f"{label}: expected an integer, got {value!r}")
    else:
        value = _numbers.normalise(value, label, ParameterError)
        if isinstance(value, sympy.Basic) and not symbolic:
            raise ParameterError(f"{label}: expected a number, got the expression {value!r}")
    bounds = []
    if lower is not None:
        bounds.append((value > lower if lower_open else value >= lower,
                       f"{'>' if lower_open else '>='} {lower}"))
    if upper is not None:
        bounds.append((value < upper if upper_open else value <= upper,
                       f"{'<' if upper_open else '<='} {upper}"))
    for condition, text in bounds:
        _numbers.require(condition, ParameterError, f"{label}: expected a value {text}, got {value!r}")
    object.__setattr__(model, name, value)
    return value


def threshold_table(function: Callable[[Any], Any], values: list[Any]) -> tuple[tuple[Any, Any], ...]:
    """``((v, function(v)) for v in values)``, the comparative-statics table of a remedy."""
    return tuple((v, function(v)) for v in values)


def as_fraction(value: Any) -> Any:
    """A decimal string from the command line as an exact Fraction (``"0.8"`` is 4/5).

    Exponents beyond ``cybergames.limits.MAX_EXPONENT`` and integers of more than
    ``cybergames.limits.MAX_DIGITS`` digits are refused before conversion
    (``1e999999999`` would take hours to expand).
    """
    if isinstance(value, str):
        mantissa, _, exponent = value.strip().lower().partition("e")
        digits = exponent.lstrip("+-").lstrip("0")
        if digits.isdigit() and (len(digits) > len(str(limits.MAX_EXPONENT)) or int(digits) > limits.MAX_EXPONENT):
            raise ParameterError(f"expected a number with an exponent of at most cybergames.limits.MAX_EXPONENT = "
                                 f"{limits.MAX_EXPONENT}, got {value[:40]!r}")
        if len(mantissa) > limits.MAX_DIGITS:
            raise ParameterError(f"expected a number of at most cybergames.limits.MAX_DIGITS = {limits.MAX_DIGITS} "
                                 f"digits, got {len(mantissa)} characters")
    try:
        result = Fraction(value)
    except (ValueError, ZeroDivisionError) as exc:
        raise ParameterError(f"expected a number, got {value!r}") from exc
    return _numbers.simplify_exact(result)


def show(value: Any, digits: int = _maths.DIGITS) -> str:
    """A number for a sentence, in the library's one decimal style (:func:`cybergames._maths.number`).

    Fractions with a short decimal expansion are shown as they are, others with
    their decimal value to four significant digits; algebraic numbers by their
    closed form where it is short, else by their decimal and the polynomial they
    are a root of; None (no threshold) as ``none``; expressions in Unicode maths.

    >>> show(Fraction(9, 10)), show(Fraction(25, 36)), show(None), show(0.69444)
    ('9/10', '25/36 ≈ 0.6944', 'none', '0.6944')
    """
    return _maths.number(value, digits)


def affine_root(expression: Any, symbol: Any, *, factored: bool = False) -> Any:
    """The root of ``expression``, affine in ``symbol``; with ``factored``, numerator and denominator factored."""
    constant, slope = (sympy.expand(expression).coeff(symbol, k) for k in (0, 1))
    root = sympy.cancel(-constant / slope)
    if not factored:
        return root
    numerator, denominator = sympy.fraction(root)
    return sympy.factor(numerator) / sympy.factor(denominator)


def readable(library: Any, arranged: Any) -> Any:
    """``arranged`` (the same expression grouped for reading) if it equals ``library``, else ``library``."""
    return arranged if sympy.cancel(library - arranged) == 0 else library

