r"""Incentive constraints as polynomials in the discount factor (internal).

With :math:`D(\delta) = \det(I - \delta P)` and
:math:`N_i(\delta) = \operatorname{adj}(I - \delta P) u_i`, the values are
:math:`V_i = (1 - \delta) N_i / D`, and the gain of player :math:`i`'s one-shot
deviation to :math:`a_i'` in joint state :math:`w` is

.. math::
   g(\delta) = (1 - \delta) u_i(a_i', f_{-i}(w)) + \delta q \cdot V_i - V_i(w)
   = \frac{(1 - \delta)\, h(\delta)}{D(\delta)},
   \qquad h = u_i' D + \delta\, q \cdot N_i - N_i(w),

where :math:`q` is the distribution of the next joint state after the
deviation. :math:`D > 0` on :math:`[0, 1)` (it is 1 at 0 and never vanishes),
so the deviation does not pay iff :math:`h(\delta) \le 0`. Factors
:math:`(1 - \delta)` of :math:`h` are divided out as well.

:math:`D` comes from the characteristic polynomial of :math:`P`
(:math:`D(\delta) = \delta^m \chi_P(1/\delta)`), and :math:`N_i` from the
identity :math:`\operatorname{adj}(I - \delta P) = D(\delta) \sum_k \delta^k P^k`
truncated at degree :math:`m - 1`. Exact chains use integer arithmetic
(Faddeev-LeVerrier on :math:`L P` for a common denominator :math:`L`), float
chains numpy, symbolic chains sympy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._numbers import EXACT, FLOAT, SYMBOLIC
from .joint import Chain


@dataclass(frozen=True)
class RawConstraint:
    """One one-shot deviation: ``gain = (1 - delta)**power * h(delta) / D(delta)``."""

    player: int
    state: int
    action: int
    coefficients: tuple   # h, ascending powers of delta
    power: int


def exact_chain(c: Chain) -> Chain:
    """The chain of a float model with every float as the exact rational it is (internal).

    Integral floats (payoffs such as 5.0, probabilities 0.0 and 1.0) become
    ints, so that a float model with such entries costs what the exact model does.
    """
    import dataclasses

    def exact(array: np.ndarray) -> np.ndarray:
        out = np.empty(array.shape, dtype=object)
        entries = np.asarray(array, dtype=float).ravel().tolist()
        out.ravel()[:] = [int(x) if x.is_integer() else Fraction(x) for x in entries]
        return out

    bound = dataclasses.replace(c.bound, kind=EXACT)
    return Chain(bound, tuple(exact(a) for a in c.payoffs), tuple(exact(a) for a in c.rows), c.own)


def _integer_charpoly(rows: list, m: int) -> list:
    """Coefficients c[0..m] of det(xI - M) (c[m] = 1) for an integer matrix given by sparse rows.

    Faddeev-LeVerrier over the integers: B_1 = I, c_{m-k} = -tr(M B_k)/k (an exact division),
    B_{k+1} = M B_k + c_{m-k} I. Each product costs one pass over the non-zero entries of M.
    """
    c = [0] * m + [1]
    B = np.zeros((m, m), dtype=object)
    diagonal = np.arange(m)
    for k in range(1, m + 1):
        product = np.zeros((m, m), dtype=object)
        for r in range(m):
            for t, v in rows[r]:
                product[r] = product[r] + v * B[t]
        product[diagonal, diagonal] += c[m - k + 1]
        B = product
        trace = sum(v * B[t, r] for r in range(m) for t, v in rows[r])
        c[m - k] = -trace // k
    return c


def _denominator(values: Any) -> int:
    L = 1
    for x in values:
        if isinstance(x, Fraction):
            L = math.lcm(L, x.denominator)
    return L


def _charpoly_exact(P: np.ndarray) -> list:
    """Ascending coefficients of det(I - delta P) for a rational matrix P, exactly."""
    m = P.shape[0]
    L = _denominator(P.flat)
    rows = [[(t, int(P[r, t] * L)) for t in range(m) if P[r, t] != 0] for r in range(m)]
    c = _integer_charpoly(rows, m)
    # det(I - delta P) = delta^m chi_P(1/delta) = sum_j c_{m-j} delta^j / L^j
    return [_numbers.simplify_exact(Fraction(c[m - j], L ** j)) for j in range(m + 1)]


def _constraints_exact(c: Chain, players: Any) -> tuple[list, tuple]:
    """The exact path of :func:`constraints`, in integer arithmetic.

    With L the common denominator of the transition rows and L_u that of the payoffs, M = L P and
    Z_k = M^k (L_u u) are integer, and N_j = Y_j / (L^j L_u) with Y_j = sum_{k <= j} c_{m-j+k} Z_k,
    where c are the coefficients of det(xI - M). A constraint's coefficient of delta^j is then
    (U' c_{m-j} + Q' . Y_{j-1} - Y_j(w)) / (L^j L_u) for the integer payoff U' = L_u u' and row Q' = L q.
    """
    m = c.bound.num_states
    L = _denominator(x for i in players for x in c.rows[i].flat)
    L = math.lcm(L, _denominator(c.equilibrium(0)[1].flat))
    Lu = _denominator(x for i in players for x in c.payoffs[i].flat)
    _, P = c.equilibrium(0)
    M = [[(t, int(P[r, t] * L)) for t in range(m) if P[r, t] != 0] for r in range(m)]
    cM = _integer_charpoly(M, m)
    D = tuple(_numbers.simplify_exact(Fraction(cM[m - j], L ** j)) for j in range(m + 1))
    toeplitz = np.zeros((m, m), dtype=object)
    for j in range(m):
        for k in range(j + 1):
            toeplitz[j, k] = cM[m - j + k]
    scale = [L ** j * Lu for j in range(m + 1)]
    top = np.array([cM[m - j] for j in range(m + 1)], dtype=object)
    out = []
    for i in players:
        U = c.payoffs[i]
        z = np.array([int(x * Lu) for x in c.equilibrium(i)[0]], dtype=object)
        Z = np.zeros((m, m), dtype=object)
        for k in range(m):
            Z[k] = z
            z = np.array([sum(v * z[t] for t, v in M[r]) for r in range(m)], dtype=object)
        Y = toeplitz.dot(Z)                                    # Y[j, state]
        for w in range(m):
            for k in range(U.shape[1]):
                if k == c.own[i][w]:
                    continue
                numerator = top * int(U[w, k] * Lu)
                row = c.rows[i][w, k]
                for t in range(m):
                    if row[t] != 0:
                        numerator[1:] = numerator[1:] + int(row[t] * L) * Y[:, t]
                numerator[:m] = numerator[:m] - Y[:, w]
                h = [_numbers.simplify_exact(Fraction(int(x), d)) for x, d in zip(numerator, scale)]
                h = _trim(h, EXACT)
                h, removed = _strip_one_minus_delta(h, EXACT, 0)
                out.append(RawConstraint(i, w, k, tuple(h), 1 + removed))
    return out, D


def _charpoly_float(P: np.ndarray) -> np.ndarray:
    return np.real(np.poly(P)) if P.shape[0] else np.ones(1)


def _charpoly_symbolic(P: np.ndarray) -> list:
    m = P.shape[0]
    x = sympy.Dummy("x")
    chi = sympy.Matrix(m, m, list(P.flat)).charpoly(x).all_coeffs()   # descending in x
    return [sympy.cancel(c) for c in chi]


def _numerators(D: Any, P: np.ndarray, u: np.ndarray, kind: str) -> list:
    """N[j] (vector over states) with N(delta) = sum_j N[j] delta^j = adj(I - delta P) u."""
    m = P.shape[0]
    powers = []
    w = u
    for _ in range(m):
        powers.append(w)
        w = P.dot(w)
    out = []
    for j in range(m):
        total = D[j] * powers[0]
        for k in range(1, j + 1):
            total = total + D[j - k] * powers[k]
        if kind == SYMBOLIC:
            total = np.array([sympy.expand(x) for x in total], dtype=object)
        out.append(total)
    return out


def _strip_one_minus_delta(h: list, kind: str, tol: float) -> tuple[list, int]:
    """Divide ``h`` by (1 - delta) as long as h(1) = 0; return the quotient and how often."""
    removed = 0
    while len(h) > 1:
        total = sum(h)
        if kind == SYMBOLIC:
            zero = sympy.cancel(total) == 0
        elif kind == FLOAT:
            zero = abs(total) <= tol * max(abs(c) for c in h)
        else:
            zero = total == 0
        if not zero:
            break
        # h = (1 - delta) g  <=>  g_k = sum_{j <= k} h_j
        quotient = []
        running = 0
        for c in h[:-1]:
            running = running + c
            quotient.append(sympy.cancel(running) if kind == SYMBOLIC else running)
        h = quotient
        removed += 1
    return h, removed


def _trim(h: list, kind: str) -> list:
    while len(h) > 1 and (h[-1] == 0 if kind != SYMBOLIC else sympy.cancel(h[-1]) == 0):
        h = h[:-1]
    return h


def _constraints_float(c: Chain, players: Any, tol: float) -> tuple[list, tuple]:
    """The float path of :func:`constraints`, vectorised over states and deviations."""
    _, P = c.equilibrium(0)
    P = np.asarray(P, dtype=float)
    m = P.shape[0]
    D = _charpoly_float(P)                                   # ascending in delta, length m + 1
    toeplitz = np.zeros((m, m))
    for j in range(m):
        toeplitz[j, : j + 1] = D[j::-1][: j + 1]
    out = []
    for i in players:
        U = np.asarray(c.payoffs[i], dtype=float)            # (m, A)
        Q = np.asarray(c.rows[i], dtype=float)               # (m, A, m)
        u = U[np.arange(m), np.asarray(c.own[i])]
        powers = np.empty((m, m))
        w = u
        for k in range(m):
            powers[k] = w
            w = P @ w
        N = toeplitz @ powers                                # N[j, state]: coefficient of delta^j
        H = U[..., None] * D                                 # (m, A, m + 1)
        H[..., 1:] += Q @ N.T
        H[..., :m] -= N.T[:, None, :]
        noise = rounding_floor(U, D, tol)
        for state in range(m):
            for k in range(U.shape[1]):
                if k == c.own[i][state]:
                    continue
                h = H[state, k]
                if np.max(np.abs(h)) <= noise:
                    out.append(RawConstraint(i, state, k, (0.0,), 1))
                    continue
                removed = 0
                while h.size > 1:
                    scale = np.max(np.abs(h))
                    if scale == 0.0 or abs(h.sum()) > tol * scale:
                        break
                    h = np.cumsum(h)[:-1]                    # h = (1 - delta) g, g_k = sum_{j <= k} h_j
                    removed += 1
                out.append(RawConstraint(i, state, k, tuple(h.tolist()), 1 + removed))
    return out, tuple(D.tolist())


def rounding_floor(payoffs: Any, D: Any, tol: float) -> float:
    """The size below which a float model's constraint polynomial is rounding noise: ``tol`` x max|u_i| x max|D|.

    A constraint that vanishes identically for the real numbers the floats stand
    for (the deviation changes neither a payoff nor a continuation value, and the
    probabilities sum to 1) comes out of float or dyadic arithmetic as a polynomial
    of size ~1e-16 of the player's payoff scale. Measured against that scale, not
    against its own coefficients, it is the zero polynomial: it holds at every delta.
    """
    largest = float(np.max(np.abs(np.asarray(payoffs, dtype=float)), initial=0.0))
    return tol * largest * max(abs(float(d)) for d in D)


def without_rounding_noise(raw: list, c: Chain, D: Any, tol: float) -> list:
    """``raw`` (the constraints of a float model solved exactly, :func:`exact_chain`) with
    every constraint below its player's :func:`rounding_floor` made the zero polynomial."""
    floors = {i: rounding_floor(c.payoffs[i], D, tol) for i in {r.player for r in raw}}
    return [RawConstraint(r.player, r.state, r.action, (0,), 1)
            if max(abs(float(x)) for x in r.coefficients) <= floors[r.player] else r for r in raw]


def constraints(c: Chain, players: Any = None, *, tol: float = _numbers.DEFAULT_TOL) -> tuple[list, tuple]:
    """Every one-shot deviation's constraint polynomial, and D's coefficients (ascending)."""
    kind = c.kind
    if kind in (FLOAT, EXACT):
        game = c.bound.rg.stage
        players = range(game.num_players) if players is None else players
        return (_constraints_float(c, players, tol) if kind == FLOAT else _constraints_exact(c, players))
    game = c.bound.rg.stage
    players = range(game.num_players) if players is None else players
    _, P = c.equilibrium(0)
    if kind == EXACT:
        D = _charpoly_exact(P)
    elif kind == FLOAT:
        D = list(_charpoly_float(np.asarray(P, dtype=float)))
    elif all(isinstance(x, (int, Fraction)) or (isinstance(x, sympy.Basic) and x.is_Rational) for x in P.flat):
        numeric = np.array([_numbers.from_sympy(x) if isinstance(x, sympy.Basic) else x for x in P.flat],
                           dtype=object).reshape(P.shape)      # symbolic payoffs, rational transitions
        D = [_numbers.to_sympy(x) for x in _charpoly_exact(numeric)]
    else:
        D = _charpoly_symbolic(P)
    m = c.bound.num_states
    out = []
    for i in players:
        u, _ = c.equilibrium(i)
        if kind == FLOAT:
            u = np.asarray(u, dtype=float)
            Pf = np.asarray(P, dtype=float)
            N = np.array(_numerators(np.asarray(D), Pf, u, kind))        # (m, states)
        else:
            N = _numerators(D, P, u, kind)
        for w in range(m):
            for k in range(game.shape[i]):
                if k == c.own[i][w]:
                    continue
                q = c.rows[i][w, k]
                h = [c.payoffs[i][w, k] * d for d in D]
                for j in range(m):
                    nq = q.dot(N[j]) if kind != FLOAT else float(np.dot(q, N[j]))
                    h[j + 1] = h[j + 1] + nq
                    h[j] = h[j] - N[j][w]
                if kind == SYMBOLIC:
                    h = [sympy.cancel(sympy.expand(x)) for x in h]
                elif kind == FLOAT:
                    h = [float(x) for x in h]
                else:
                    h = [_numbers.simplify_exact(x) if isinstance(x, Fraction) else x for x in h]
                h = _trim(h, kind)
                h, removed = _strip_one_minus_delta(h, kind, tol)
                out.append(RawConstraint(i, w, k, tuple(h), 1 + removed))
    return out, tuple(D)


def evaluate(coefficients: Any, x: Any) -> Any:
    """Horner evaluation of an ascending coefficient sequence at ``x``."""
    result = 0
    for c in reversed(coefficients):
        result = result * x + c
    return result
