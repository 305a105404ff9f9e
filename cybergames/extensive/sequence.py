r"""Equilibria of two-player extensive games through the sequence form.

**Zero-sum games: one linear programme** (Koller, Megiddo and von Stengel
1996, Theorem 3.2; von Stengel 1996). With :math:`A` player 1's sequence-form
payoff matrix and :math:`Ex = e`, :math:`Fy = f` the realisation-plan
constraints (:class:`~cybergames.extensive.SequenceForm`), player 2's best
reply to :math:`x` is the LP :math:`\min_y x^\top A y` s.t. :math:`Fy = f,\
y \ge 0`, whose dual is :math:`\max_q f^\top q` s.t. :math:`F^\top q \le A^\top x`.
So player 1's maxmin realisation plan solves

.. math::

    \max_{x, q}\ f^\top q \quad\text{s.t.}\quad F^\top q - A^\top x \le 0,\quad Ex = e,\quad x \ge 0,

and player 2's solves the dual :math:`\min_{y, p} e^\top p` s.t.
:math:`Ay - E^\top p \le 0,\ Fy = f,\ y \ge 0`. Any feasible pair satisfies
:math:`f^\top q \le x^\top A y \le e^\top p` (weak duality), so
:math:`f^\top q = e^\top p` is a **certificate** that both are optimal and
that this number is the value of the game. Float games are solved by HiGHS
(:func:`scipy.optimize.linprog`); exact games are solved in float, the
supports and tight constraints are re-solved in exact arithmetic, and the
certificate is checked exactly (with sympy's exact simplex as a fallback).

**General-sum games.** One equilibrium by Lemke's algorithm on the
sequence-form LCP (:mod:`cybergames.extensive.lemke`), or every extreme equilibrium of the reduced strategic form
(vertex enumeration, :func:`~cybergames.equilibria.nash_equilibria`), each
mapped to behaviour strategies through its realisation plans (Kuhn's theorem).
The reduced form grows exponentially with the tree, so this is for small games.

References
----------
D. Koller, N. Megiddo and B. von Stengel, "Efficient computation of equilibria
for extensive two-person games", *Games and Economic Behavior* 14 (1996) 247–259.
B. von Stengel, "Efficient computation of behavior strategies", *Games and
Economic Behavior* 14 (1996) 220–246.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import scipy.optimize
import sympy
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix
from sympy.polys.matrices.sdm import SDM
from sympy.solvers.simplex import linprog as sympy_linprog

from .. import _numbers
from .._numbers import DEFAULT_TOL
from ..equilibria import nash_equilibria
from ..errors import ExtensiveGameError, ParameterError
from .behaviour import (ExtensiveEquilibria, behaviour_from_mixed, behaviour_from_plan, make_equilibrium,
                        payoff_scale)
from .forms import SequenceForm, sequence_form
from .game import ExtensiveGame
from .lemke import lemke_plans

__all__ = ["sequence_form_equilibria"]

_LP = "sequence-form linear programme (Koller-Megiddo-von Stengel)"
_ENUMERATION = "reduced strategic form, vertex enumeration"
_LEMKE = "Lemke's algorithm on the sequence-form LCP (Koller-Megiddo-von Stengel)"


def _normalised_behaviour(game: ExtensiveGame, player: int, plan: list) -> dict:
    """Behaviour from a vector that dominates a realisation plan: x(h, a) / sum_b x(h, b)."""
    result = {}
    one = 1.0 if game.kind == "float" else 1
    for h, infoset in enumerate(game.infosets):
        if infoset.player != player:
            continue
        entries = [plan[game._seq_index[player][(h, a)]] for a in range(len(infoset.actions))]
        total = sum(entries)
        if total > 0:
            result[h] = tuple(_numbers.simplify_exact(_numbers.ratio(v, total)) for v in entries)
        else:
            result[h] = tuple(one if a == 0 else 0 * one for a in range(len(entries)))
    return result


def sequence_form_equilibria(game: ExtensiveGame, *, method: str = "auto",
                             tol: float = DEFAULT_TOL) -> ExtensiveEquilibria:
    r"""Nash equilibria of a two-player extensive game with perfect recall, in behaviour strategies.

    Parameters
    ----------
    game : ExtensiveGame
        Two players, perfect recall, exact or float payoffs.
    method : {"auto", "lp", "lemke", "enumeration"}
        ``"lp"``: one equilibrium of a zero-sum game by the sequence-form LP;
        ``"lemke"``: one equilibrium of any two-player game by Lemke's algorithm
        on the sequence-form LCP (:mod:`cybergames.extensive.lemke`; exact
        pivoting for exact games, so for small and medium trees);
        ``"enumeration"``: every extreme equilibrium through the reduced
        strategic form; ``"auto"``: ``"lp"`` for zero-sum games, else ``"enumeration"``.
    tol : float
        Float games only: the tolerance of the certificate checks.

    Returns
    -------
    ExtensiveEquilibria
        Each an :class:`~cybergames.extensive.ExtensiveEquilibrium` with its
        behaviour strategies, realisation plans, payoffs and best-deviation
        gains at the root (exactly zero for exact games; Lemke's end point is
        returned only when this certificate holds). At an information set
        a player's own earlier moves never reach, the behaviour is set to the
        first action (any choice there is equivalent). The LP gives one
        equilibrium (``complete`` False); every equilibrium of a zero-sum game
        has the same payoffs. Enumeration gives every extreme equilibrium of
        the reduced form (``complete`` True), up to behaviour-equivalence.

    Raises
    ------
    ExtensiveGameError
        If the game does not have two players, is symbolic, or ``method="lp"``
        is asked for a game that is not zero-sum.
    PerfectRecallError
        If the game lacks perfect recall.
    ArithmeticError
        If Lemke's path ends in a ray without a certified equilibrium (use ``"enumeration"``).

    References
    ----------
    D. Koller, N. Megiddo and B. von Stengel (1996), *Games and Economic Behavior*
    14, 247–259, Theorem 3.2 (the LP).

    Examples
    --------
    Matching pennies in turn, the second mover not seeing the first move:

    >>> from cybergames.extensive import ExtensiveGame, decision
    >>> game = ExtensiveGame(decision("1", {
    ...     "H": decision("2", {"h": (1, -1), "t": (-1, 1)}, infoset="guess"),
    ...     "T": decision("2", {"h": (-1, 1), "t": (1, -1)}, infoset="guess")}))
    >>> (eq,) = sequence_form_equilibria(game)
    >>> eq
    ExtensiveEquilibrium(1@root: {H: 1/2, T: 1/2}, guess: {h: 1/2, t: 1/2}; payoffs=(0, 0), gains=(0, 0))
    >>> eq.realisation[1]
    {(): 1, ('guess', 'h'): Fraction(1, 2), ('guess', 't'): Fraction(1, 2)}
    """
    if not isinstance(game, ExtensiveGame):
        raise ExtensiveGameError(f"game: expected an ExtensiveGame, got {type(game).__name__}")
    if method not in ("auto", "lp", "enumeration", "lemke"):
        raise ParameterError(f"method: expected 'auto', 'lp', 'lemke' or 'enumeration', got {method!r}")
    if not isinstance(tol, (int, float)) or tol < 0:
        raise ParameterError(f"tol: expected a non-negative number, got {tol!r}")
    if game.is_symbolic:
        raise ExtensiveGameError(f"game: symbolic payoffs (symbols {sorted(map(str, game.free_symbols))}); "
                                 f"substitute numbers with game.subs(...) first")
    game.require_perfect_recall("sequence_form_equilibria")
    if game.num_players != 2:
        raise ExtensiveGameError(f"game: sequence_form_equilibria is for two-player games, "
                                 f"got {game.num_players} players")
    zero_sum = game.is_zero_sum
    if method == "lp" and not zero_sum:
        raise ExtensiveGameError("game: method='lp' needs a zero-sum game (payoffs summing to zero at every "
                                 "terminal node); use method='enumeration'")
    if method == "lp" or (method == "auto" and zero_sum):
        form = sequence_form(game)
        x, y = _zero_sum(form)
        table: list = [None] * len(game.infosets)
        for player, plan in ((0, x), (1, y)):
            for h, probabilities in behaviour_from_plan(game, player, list(plan)).items():
                table[h] = probabilities
        eq = make_equilibrium(game, table, roots=(0,), method=_LP)
        return ExtensiveEquilibria([eq], game=game, method=_LP, complete=False)
    if method == "lemke":
        plans = lemke_plans(sequence_form(game))
        if plans is not None:
            table = [None] * len(game.infosets)
            for player, plan in zip((0, 1), plans):
                for h, probabilities in _normalised_behaviour(game, player, plan).items():
                    table[h] = probabilities
            eq = make_equilibrium(game, table, roots=(0,), method=_LEMKE)
            slack = tol * payoff_scale(game) if game.kind == "float" else 0
            if all(g <= slack for g in eq.gains):
                return ExtensiveEquilibria([eq], game=game, method=_LEMKE, complete=False)
        raise ArithmeticError("Lemke's path on the sequence form ended without a certified equilibrium "
                              "(a ray); use method='enumeration'")
    equilibria = nash_equilibria(game.reduced_normal_form(), tol=tol)
    results, seen = [], set()
    for found in equilibria:
        eq = make_equilibrium(game, behaviour_from_mixed(game, tuple(found.strategies)), roots=(0,),
                              method=_ENUMERATION)
        if eq not in seen:
            seen.add(eq)
            results.append(eq)
    return ExtensiveEquilibria(results, game=game, method=f"{_ENUMERATION} ({equilibria.method})",
                               complete=equilibria.complete)


# ---------------------------------------------------------------------------------------------- the LP
def _float_lp(form: SequenceForm) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """``(x, q, y, p)`` optimal for the two programmes, by HiGHS; None if it fails.

    HiGHS solves the programmes with the payoffs in units of their largest
    absolute value (the plans do not change; the values ``q``, ``p`` are scaled
    back), so that payoffs of 1e-300 or 1e300 solve like payoffs of 1.
    """
    A = np.array(form.A, dtype=float)
    unit = _numbers.unit_of(A)
    A = A / unit
    E, F = np.array(form.E, dtype=float), np.array(form.F, dtype=float)
    e, f = np.array(form.e, dtype=float), np.array(form.f, dtype=float)
    n1, n2 = A.shape
    k1, k2 = E.shape[0], F.shape[0]
    # player 1: variables (x, q); minimise -f q
    first = scipy.optimize.linprog(np.concatenate([np.zeros(n1), -f]),
                                   A_ub=np.hstack([-A.T, F.T]), b_ub=np.zeros(n2),
                                   A_eq=np.hstack([E, np.zeros((k1, k2))]), b_eq=e,
                                   bounds=[(0, None)] * n1 + [(None, None)] * k2, method="highs")
    # player 2: variables (y, p); minimise e p
    second = scipy.optimize.linprog(np.concatenate([np.zeros(n2), e]),
                                    A_ub=np.hstack([A, -E.T]), b_ub=np.zeros(n1),
                                    A_eq=np.hstack([F, np.zeros((k2, k1))]), b_eq=f,
                                    bounds=[(0, None)] * n2 + [(None, None)] * k1, method="highs")
    if first.status != 0 or second.status != 0:
        return None
    return first.x[:n1], first.x[n1:] * unit, second.x[:n2], second.x[n2:] * unit


def _certified(form: SequenceForm, x: list, q: list, y: list, p: list) -> bool:
    """Exact feasibility of both programmes and equal objectives (the optimality certificate)."""
    A, E, F, e, f = form.A, form.E, form.F, form.e, form.f
    if any(v < 0 for v in x) or any(v < 0 for v in y):
        return False
    if list(E.dot(np.array(x, dtype=object))) != list(e) or list(F.dot(np.array(y, dtype=object))) != list(f):
        return False
    x_, y_ = np.array(x, dtype=object), np.array(y, dtype=object)
    q_, p_ = np.array(q, dtype=object), np.array(p, dtype=object)
    if any(v > 0 for v in F.T.dot(q_) - A.T.dot(x_)) or any(v > 0 for v in A.dot(y_) - E.T.dot(p_)):
        return False
    return f.dot(q_) == e.dot(p_)


def _solve_sparse(rows: list[dict], rhs: list, width: int) -> list[Fraction] | None:
    """A solution of the sparse system ``rows @ z = rhs`` (free variables 0), or None if there is
    none, by sympy's sparse exact row reduction over the rationals."""
    data = {}
    for r, (row, b) in enumerate(zip(rows, rhs)):
        entry = {c: QQ(v.numerator, v.denominator) for c, v in row.items() if v}
        if b:
            entry[width] = QQ(b.numerator, b.denominator)
        if entry:
            data[r] = entry
    reduced, pivots = DomainMatrix.from_rep(SDM(data, (len(rows), width + 1), QQ)).rref()
    if width in pivots:
        return None
    table = reduced.rep.to_sdm()
    solution = [Fraction(0)] * width
    for k, c in enumerate(pivots):
        value = table.get(k, {}).get(width, QQ(0))
        solution[c] = Fraction(int(value.numerator), int(value.denominator))
    return solution


def _exact_side(M: np.ndarray, C: np.ndarray, c: np.ndarray, D: np.ndarray, support: list,
                tight: np.ndarray) -> tuple[list, list] | None:
    """Solve ``C z = c``, ``z = 0`` off ``support``, ``(D^T w - M^T z)_j = 0`` for ``j`` in ``tight``, exactly.

    For player 1: ``M = A``, ``C = E``, ``D = F`` (``z = x``, ``w = q``); for
    player 2: ``M = -A^T``, ``C = F``, ``D = E`` (``z = y``, ``w = -p``). The
    unknowns are ``z`` on the support and ``w``."""
    n, k, s = C.shape[1], D.shape[0], len(support)
    rows, rhs = [], []
    for r in range(C.shape[0]):
        rows.append({a: Fraction(C[r, j]) for a, j in enumerate(support) if C[r, j] != 0})
        rhs.append(Fraction(c[r]))
    for j in tight:
        row = {a: Fraction(-M[i, j]) for a, i in enumerate(support) if M[i, j] != 0}
        row.update({s + r: Fraction(D[r, j]) for r in range(k) if D[r, j] != 0})
        rows.append(row)
        rhs.append(Fraction(0))
    solution = _solve_sparse(rows, rhs, s + k)
    if solution is None:
        return None
    z = [0] * n
    for a, j in enumerate(support):
        z[j] = _numbers.simplify_exact(solution[a])
    return z, [_numbers.simplify_exact(v) for v in solution[s:]]


def _exact_from_float(form: SequenceForm, guess: tuple, eps: float) -> tuple[list, list] | None:
    x, q, y, p = guess
    A = np.array(form.A, dtype=float)
    scale = max(1.0, float(np.abs(A).max()))
    E, F = np.array(form.E, dtype=float), np.array(form.F, dtype=float)
    slack_2 = F.T @ q - A.T @ x            # <= 0, zero where y may be positive
    slack_1 = A @ y - E.T @ p              # <= 0, zero where x may be positive
    for tight_2, tight_1 in ((np.flatnonzero(slack_2 >= -eps * scale), np.flatnonzero(slack_1 >= -eps * scale)),
                             (np.flatnonzero(y > eps), np.flatnonzero(x > eps))):
        first = _exact_side(form.A, form.E, form.e, form.F, list(np.flatnonzero(x > eps)), tight_2)
        second = _exact_side(-form.A.T, form.F, form.f, form.E, list(np.flatnonzero(y > eps)), tight_1)
        if first is None or second is None:
            continue
        if _certified(form, first[0], first[1], second[0], [-v for v in second[1]]):
            return first[0], second[0]
    return None


def _sympy_side(M: np.ndarray, C: np.ndarray, c: np.ndarray, D: np.ndarray, objective: np.ndarray):
    """``max objective·w`` s.t. ``D^T w - M^T z <= 0``, ``C z = c``, ``z >= 0``, ``w`` free, by sympy's
    exact simplex (``w = w+ - w-``)."""
    n, k = C.shape[1], D.shape[0]
    R = sympy.Rational
    cost = [0] * n + [-R(v) for v in objective] + [R(v) for v in objective]
    upper = [[-R(M[i, j]) for i in range(n)] + [R(D[r, j]) for r in range(k)] + [-R(D[r, j]) for r in range(k)]
             for j in range(M.shape[1])]
    equal = [[R(v) for v in C[r]] + [0] * (2 * k) for r in range(C.shape[0])]
    _, z = sympy_linprog(cost, A=upper, b=[0] * len(upper), A_eq=equal, b_eq=[R(v) for v in c])
    z = [_numbers.from_sympy(sympy.nsimplify(v)) for v in z]
    return z[:n], [a - b for a, b in zip(z[n:n + k], z[n + k:])]


def _zero_sum(form: SequenceForm) -> tuple[list, list]:
    """Optimal realisation plans ``(x, y)``, certified (exactly for exact games)."""
    guess = _float_lp(form)
    if form.A.dtype == float:
        if guess is None:
            raise ArithmeticError("HiGHS failed on the sequence-form LP")  # pragma: no cover
        x, _, y, _ = guess
        return list(np.maximum(x, 0.0)), list(np.maximum(y, 0.0))
    if guess is not None:
        for eps in (1e-9, 1e-6, 1e-12):
            exact = _exact_from_float(form, guess, eps)
            if exact is not None:
                return exact
    x, q = _sympy_side(form.A, form.E, form.e, form.F, form.f)
    y, p = _sympy_side(-form.A.T, form.F, form.f, form.E, form.e)
    p = [-v for v in p]
    if not _certified(form, x, q, y, p):  # pragma: no cover - the exact simplex is exact
        raise ArithmeticError("internal error: no exact certificate for the sequence-form LP")
    return x, y

