r"""Numbers and formulas for people: one notation for the report, the figures and the models' prose.

* :func:`number` shows a number in the one decimal style of the library: an
  exact value as it is where it is short (``3/4``, ``9/10``), followed by
  ``≈`` and four significant digits where it is long (``8800000/9252791 ≈
  0.9511``); an algebraic number by its closed form where it is short
  (``19/20 − 7√41/60 ≈ 0.2030``), else by its decimal and the polynomial it is
  a root of.
* :func:`formula` prints a sympy expression, relation or logical combination
  in Unicode maths, in the letters of the prose: ``δ ≥ (T − R)/(T − P)``, not
  ``delta >= (-R + T)/(-P + T)``; ``⌈x⌉`` for ``ceiling(x)``, ``max(a, b)``,
  ``x²``, ``√x``, ``or``/``and`` for ``|``/``&``.
* :func:`prose` turns the ASCII maths of a sentence (``delta >= 1/2``,
  ``g_1``, ``T - R``) into the same notation.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, Mapping

import sympy
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter

from . import _numbers

__all__ = ["number", "formula", "prose", "subscript", "DIGITS"]

#: Significant digits of every decimal shown beside an exact value.
DIGITS = 4

_SUPERSCRIPTS = str.maketrans("0123456789n-", "⁰¹²³⁴⁵⁶⁷⁸⁹ⁿ⁻")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_GREEK = {"delta": "δ", "pi": "π", "tau": "τ", "rho": "ρ", "mu": "μ", "theta": "θ", "ell": "ℓ"}


def subscript(text: str) -> str:
    """``g_1`` as ``g₁``, ``delta_2`` as ``δ₂``; other names unchanged but for Greek letters."""
    head, sep, tail = text.partition("_")
    head = _GREEK.get(head, head)
    if sep and tail.isdigit():
        return head + tail.translate(_SUBSCRIPTS)
    return head + sep + tail


def _decimal(value: float, digits: int = DIGITS) -> str:
    return f"{value:.{digits}g}".replace("-", "−")


def _short(value: Fraction) -> bool:
    """A fraction that reads well without a decimal: small denominator or at most three decimals."""
    return value.denominator <= 12 or (value * 1000).denominator == 1


def number(value: Any, digits: int = DIGITS) -> str:
    """A number in the library's one decimal style.

    >>> number(Fraction(3, 4)), number(Fraction(8800000, 9252791)), number(-2), number(0.69444)
    ('3/4', '8800000/9252791 ≈ 0.9511', '−2', '0.6944')
    >>> number(sympy.Rational(19, 20) - 7 * sympy.sqrt(41) / 60)
    '19/20 − 7√41/60 ≈ 0.203'
    >>> number(sympy.CRootOf(sympy.Symbol("x") ** 3 + sympy.Symbol("x") - 1, 0))
    '≈ 0.6823 (the real root of x³ + x − 1 in [0, 1])'
    >>> number(None)
    'none'
    """
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value).replace("-", "−")
    if isinstance(value, float):
        return _decimal(value, digits)
    if isinstance(value, sympy.Rational):
        value = Fraction(int(value.p), int(value.q))
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return number(value.numerator)
        text = str(value).replace("-", "−")
        return text if _short(value) else f"{text} ≈ {_decimal(float(value), digits)}"
    if isinstance(value, sympy.Basic) and value.is_number:
        approx = _numbers.approximate(value)
        if approx is None:
            return formula(value)
        if isinstance(value, sympy.CRootOf) or sympy.count_ops(value) > 12:
            return f"≈ {_decimal(approx, digits)} ({root_description(value)})"
        return f"{formula(value)} ≈ {_decimal(approx, digits)}"
    if isinstance(value, sympy.Basic):
        return formula(value)
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(number(v, digits) for v in value) + ")"
    return str(value)


def algebraic(value: Any) -> tuple[list[int], tuple[Fraction, Fraction]] | None:
    """The minimal polynomial (integer coefficients, highest degree first) and an isolating interval.

    None when ``value`` is not a real algebraic number.

    >>> algebraic(sympy.sqrt(2))
    ([1, 0, -2], (Fraction(1, 1), Fraction(2, 1)))
    """
    x = sympy.Dummy("x")
    try:
        poly = sympy.Poly(sympy.minimal_polynomial(value, x), x)
    except (NotImplementedError, ValueError, sympy.PolynomialError):
        return None
    approx = _numbers.approximate(value)
    if approx is None:
        return None
    for (low, high), _ in poly.intervals():
        low, high = (Fraction(int(sympy.Rational(b).p), int(sympy.Rational(b).q)) for b in (low, high))
        if low <= Fraction(approx) <= high or abs(float(low) - approx) < 1e-12 or abs(float(high) - approx) < 1e-12:
            return [int(c) for c in poly.all_coeffs()], (low, high)
    return None  # pragma: no cover - a real root always lies in one isolating interval


def root_description(value: Any) -> str:
    """``the real root of x³ + x − 1 in [0, 1]``: the polynomial and an interval that isolates the root."""
    found = algebraic(value)
    if found is None:
        return formula(value)
    coefficients, (low, high) = found
    x = sympy.Symbol("x")
    poly = sum(c * x ** k for k, c in enumerate(reversed(coefficients)))
    return f"the real root of {formula(poly)} in [{number(low)}, {number(high)}]"


class _Printer(StrPrinter):
    """sympy's str printer in Unicode and the prose's letters, positive terms first."""

    def __init__(self, letters: Mapping[str, str]):
        super().__init__({"order": "none"})
        self.letters = letters

    def _print_Symbol(self, expr: Any) -> str:
        return self.letters.get(expr.name) or subscript(expr.name)

    _print_Dummy = _print_Symbol

    def _print_Add(self, expr: Any, order: Any = None) -> str:
        terms = list(expr.as_ordered_terms())
        terms.sort(key=lambda t: (t.could_extract_minus_sign(), not t.free_symbols))
        text = ""
        for k, term in enumerate(terms):
            negative = term.could_extract_minus_sign()
            body = self._print(-term if negative else term)
            if precedence(-term if negative else term) < PRECEDENCE["Add"]:
                body = f"({body})"
            if k == 0:
                text = ("−" if negative else "") + body
            else:
                text += (" − " if negative else " + ") + body
        return text

    def _print_Mul(self, expr: Any) -> str:
        if expr.could_extract_minus_sign():
            inner = self._print_Mul(-expr) if isinstance(-expr, sympy.Mul) else self._print(-expr)
            return "−" + inner
        numerator, denominator = sympy.fraction(expr, exact=True)
        if denominator != 1:
            top = self._factor(numerator)
            bottom = self._factor(denominator)
            if isinstance(denominator, (sympy.Mul, sympy.Add)) or (
                    isinstance(denominator, sympy.Pow) and not denominator.exp.is_Integer):
                bottom = f"({self._product(denominator)})" if not bottom.startswith("(") or \
                    isinstance(denominator, sympy.Mul) else bottom
            return f"{top}/{bottom}"
        return self._product(expr)

    def _factor(self, expr: Any) -> str:
        text = self._product(expr) if isinstance(expr, sympy.Mul) else self._print(expr)
        return f"({text})" if isinstance(expr, sympy.Add) else text

    def _product(self, expr: Any) -> str:
        if not isinstance(expr, sympy.Mul):
            return self._print(expr)
        parts = []
        for factor in expr.as_ordered_factors():
            text = self._print(factor)
            if precedence(factor) < PRECEDENCE["Mul"]:
                text = f"({text})"
            parts.append(text)
        out = parts[0]
        for text in parts[1:]:
            joiner = "" if out[-1].isdigit() and not text[0].isdigit() and not text.startswith("(") else "·"
            if out.endswith(")") or text.startswith("("):
                joiner = " " if not (out[-1].isdigit()) else ""
            out += joiner + text
        return out

    def _print_Pow(self, expr: Any, rational: bool = False) -> str:
        base, exp = expr.as_base_exp()
        if exp == sympy.S.Half:
            inner = self._print(base)
            return f"√{inner}" if base.is_Atom else f"√({inner})"
        if exp.is_negative:
            return f"1/{self._factor(base ** -exp)}" if not isinstance(base ** -exp, sympy.Pow) \
                else f"1/{self._print(base ** -exp)}"
        text = self._print(base)
        if precedence(base) <= PRECEDENCE["Pow"] and not base.is_Atom or (base.is_Rational and not base.is_Integer):
            text = f"({text})"
        if exp.is_Integer or (exp.is_Symbol and exp.name == "n"):
            return text + str(exp).translate(_SUPERSCRIPTS)
        return f"{text}^({self._print(exp)})"

    def _print_Rational(self, expr: Any) -> str:
        return f"{expr.p}/{expr.q}" if expr.q != 1 else str(expr.p)

    def _print_Integer(self, expr: Any) -> str:
        return str(expr.p)

    def _print_Relational(self, expr: Any) -> str:
        symbol = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "!=": "≠"}[expr.rel_op]
        return f"{self._print(expr.lhs)} {symbol} {self._print(expr.rhs)}"

    def _print_Equality(self, expr: Any) -> str:
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"

    def _print_Unequality(self, expr: Any) -> str:
        return f"{self._print(expr.lhs)} ≠ {self._print(expr.rhs)}"

    def _logic(self, expr: Any, word: str) -> str:
        parts = []
        for arg in expr.args:
            text = self._print(arg)
            parts.append(f"({text})" if isinstance(arg, (sympy.And, sympy.Or)) else text)
        return f" {word} ".join(parts)

    def _print_Or(self, expr: Any) -> str:
        return self._logic(expr, "or")

    def _print_And(self, expr: Any) -> str:
        return self._logic(expr, "and")

    def _print_Not(self, expr: Any) -> str:
        return f"not ({self._print(expr.args[0])})"

    def _print_ceiling(self, expr: Any) -> str:
        return f"⌈{self._print(expr.args[0])}⌉"

    def _print_floor(self, expr: Any) -> str:
        return f"⌊{self._print(expr.args[0])}⌋"

    def _print_Abs(self, expr: Any) -> str:
        return f"|{self._print(expr.args[0])}|"

    def _print_Max(self, expr: Any) -> str:
        return "max(" + ", ".join(self._print(a) for a in sorted(expr.args, key=lambda a: not a.is_number)) + ")"

    def _print_Min(self, expr: Any) -> str:
        return "min(" + ", ".join(self._print(a) for a in sorted(expr.args, key=lambda a: not a.is_number)) + ")"

    def _print_CRootOf(self, expr: Any) -> str:
        approx = _numbers.approximate(expr)
        return f"≈ {_decimal(approx)}" if approx is not None else super()._print_ComplexRootOf(expr)


def formula(expr: Any, letters: Mapping[str, str] | None = None) -> str:
    """A sympy expression, relation or logical combination in Unicode maths and the prose's letters.

    ``letters`` maps a symbol's name to the letter the prose uses (``{"detect": "q"}``);
    other names keep their own, with Greek names and numeric subscripts shown as such.

    >>> T, R, P, delta = sympy.symbols("T R P delta")
    >>> formula(delta >= (T - R) / (T - P))
    'δ ≥ (T − R)/(T − P)'
    >>> q, r, k = sympy.symbols("detect false_flag k")
    >>> formula(sympy.Or(q >= sympy.Rational(1, 2), sympy.ceiling(k / r) <= 2), {"detect": "q", "false_flag": "r"})
    'q ≥ 1/2 or ⌈k/r⌉ ≤ 2'
    """
    if not isinstance(expr, sympy.Basic):
        return number(expr)
    return _Printer(letters or {}).doprint(expr)


_PROSE = [
    (re.compile(r"\bceiling\(((?:[^()]|\([^()]*\))*)\)"), r"⌈\1⌉"),
    (re.compile(r"\bsqrt\((\d+)\)"), r"√\1"),
    (re.compile(r"\bsqrt\(((?:[^()]|\([^()]*\))*)\)"), r"√(\1)"),
    (re.compile(r"\*\*2\b"), "²"),
    (re.compile(r"\^n\b"), "ⁿ"),
    (re.compile(r"\b(delta|pi|tau|rho)_(\d)\b"), lambda m: _GREEK[m[1]] + m[2].translate(_SUBSCRIPTS)),
    (re.compile(r"\b(delta|pi|tau|rho)\b"), lambda m: _GREEK[m[1]]),
    (re.compile(r"\b(tau|δ|τ)_min\b"), "τ_min"),
    (re.compile(r"\b([gGlLc])_?([12])\b"), lambda m: m[1] + m[2].translate(_SUBSCRIPTS)),
    (re.compile(r"\b([gl])_i\b"), r"\1ᵢ"),
    (re.compile(r" >= "), " ≥ "),
    (re.compile(r" <= "), " ≤ "),
    (re.compile(r" -> "), " → "),
    (re.compile(r" - "), " − "),
    (re.compile(r"(?<![\w\-/.])-(?=[\d(A-Za-zδπτρ])"), "−"),
]


def prose(text: str) -> str:
    """A sentence's ASCII maths in the library's notation.

    >>> prose("it holds iff delta >= (T - R)/(T - P) = 1/2; here delta_1 = -1, g_1 = 3")
    'it holds iff δ ≥ (T − R)/(T − P) = 1/2; here δ₁ = −1, g₁ = 3'
    >>> prose("one-shot, c1 + c2 <= 2 b (1 + delta), s* = ceiling((T - P)/k_u)")
    'one-shot, c₁ + c₂ ≤ 2 b (1 + δ), s* = ⌈(T − P)/k_u⌉'
    """
    for pattern, replacement in _PROSE:
        text = pattern.sub(replacement, text)
    return text
