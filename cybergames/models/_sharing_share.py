r"""The certified bracket of the least δ for a share of full sharing, without a clearing house (internal).

The question
------------
:math:`n` states, stage payoffs :math:`u_i = \alpha k - \beta [i \text{ shares}]`
with :math:`k` sharers, :math:`\alpha = mc/n`, :math:`\beta = c + \ell`, so
that all sharing pays :math:`R = n\alpha - \beta`, withholding while all others
share :math:`T = (n - 1)\alpha`, and a sharer gains :math:`N = \beta - \alpha > 0`
by withholding; each state is suspected independently, with probability
:math:`q` when it withholds and :math:`r` when it shares. For a share
:math:`f \in (0, 1]`, :func:`share_bracket` brackets the least :math:`\delta` at
which :math:`(fR, \dots, fR)`, the point :math:`f` of the way from the stage
Nash payoff 0 (nobody shares) to full sharing, is a perfect public
equilibrium payoff. The equilibrium notion is the library's
(:func:`~cybergames.repeated.min_discount_factor_for_payoff`,
:func:`~cybergames.repeated.equilibrium_payoff_set`): pure stage actions with
public randomisation, whose payoff sets :math:`E(\delta)` are convex and grow
with :math:`\delta` (Abreu, Pearce & Stacchetti 1990, Theorem 6; Mailath &
Samuelson 2006, section 7.3). That monotonicity is what makes
:math:`\delta^* = \inf\{\delta : fR \cdot \mathbf 1 \in E(\delta)\}` lie in
``[lower, upper]`` when the target is outside :math:`E(\text{lower})` and
inside :math:`E(\text{upper})`; the same assumption as the library's bisection.

Upper end (inner, an explicit equilibrium)
------------------------------------------
The least :math:`\delta` found at which some
:func:`~cybergames.repeated.targeted_retaliation` of the model's family
(``TARGETED_GRID``) is a perfect public equilibrium worth :math:`v \ge fR` to
every state: screened in floats on a grid of discount factors
(:func:`~._sharing_punishment.screen`), refined between grid points, and
confirmed at a rational ``upper`` in exact arithmetic on the profile's
symmetric reduction (:func:`~._sharing_punishment.reduced_check`, the
one-shot deviation principle). The profile is worth :math:`v`, at least
:math:`fR`; a public lottery at the start, the profile with probability
:math:`fR/v` and "nobody ever shares" (the repeated stage Nash equilibrium,
worth 0) otherwise, is a perfect public equilibrium worth exactly :math:`fR`
in the game with public randomisation, which the library's payoff sets
assume. Without public randomisation the upper end certifies only "an
equilibrium worth at least :math:`fR` per state".

Lower end (outer)
-----------------
Two certificates, the larger one is reported.

* **Closed form, any n** (and mixed strategies too): a state that shares in
  some period gives up :math:`(1 - \delta) N` and needs its continuation after
  its two verdicts, told apart with probability :math:`|q - r|`, to differ by
  :math:`(1 - \delta) N / (\delta |q - r|)`; continuations lie between the
  minmax value 0 and the best feasible payoff :math:`T`, so sharing needs
  :math:`\delta \ge N/(N + |q - r| T)`. Any :math:`f > 0` needs some sharing.
* **The score in the direction** :math:`\mathbf 1`, ``n <= 6`` (HiGHS LPs).
  The outer-set argument of Judd, Yeltekin & Conklin (2003) and the score of
  Fudenberg, Levine & Maskin (1994, sec. 3; Mailath & Samuelson 2006,
  sections 7.3 and 9.1) with the continuation set bounded, so that it
  depends on :math:`\delta`: let :math:`\bar K` be the largest sum of
  payoffs over :math:`E(\delta)`. Every point of :math:`E(\delta)` lies in
  :math:`W(\bar K) = F \cap \{w \ge 0\} \cap \{\sum_i w_i \le \bar K\}`
  (:math:`F` the feasible payoffs, 0 the pure minmax value); the point
  attaining :math:`\bar K` is decomposed by a pure profile :math:`a` and
  continuations :math:`w(y) \in W(\bar K)` that satisfy the one-shot
  incentive constraints (a lottery's components cannot all be worth less). So
  :math:`\bar K \le L_a(\bar K)`, where :math:`L_a(K)` is the largest
  :math:`(1 - \delta)\sum_i u_i(a) + \delta \sum_y p(y \mid a) \sum_i w_i(y)`
  over such decompositions into :math:`W(K)`, and :math:`\bar K \le K_a =
  \max\{K : K \le L_a(K)\}`, one linear program in :math:`(w, K)`. Hence
  :math:`\sum_i v_i \le \max_a K_a` for every equilibrium payoff :math:`v`,
  and a target with :math:`n f R > \max_a K_a` is not one at that
  :math:`\delta`. This is the outer iteration in the direction
  :math:`\mathbf 1` taken to its fixed point in one program.

  The programs are solved on a symmetric reduction (exact for them): the
  profiles with :math:`k` sharers are permutations of one another and give
  the same :math:`K_a`, and for one of them the program is invariant under
  permuting the sharers among themselves and the withholders among
  themselves, so an optimal :math:`w` can be taken invariant. A signal is
  then described by the numbers :math:`j` of suspected sharers and :math:`l`
  of suspected withholders, and :math:`w(y)` by four values (suspected and
  unsuspected sharers, suspected and unsuspected withholders), in the
  feasible set averaged over that symmetry: the hull of the class averages of
  the pure profiles, :math:`(s\alpha - \beta c_h/s_h)_h` with :math:`c_h` of
  the :math:`s_h` states of class :math:`h` sharing and :math:`s = \sum_h c_h`.
  :func:`cybergames.verify` re-solves the programs without the reduction (one
  continuation vector per signal, the hull of all :math:`2^n` stage payoffs).

  The programs are solved in floats and the target is declared outside only
  with a margin of :data:`MARGIN` (relative); like the library's float outer
  sets, the certificate is as exact as the solver.

References
----------
* D. Abreu, D. Pearce and E. Stacchetti, "Toward a theory of discounted
  repeated games with imperfect monitoring", *Econometrica* 58(5), 1990, 1041-1063.
* D. Fudenberg, D. Levine and E. Maskin, "The folk theorem with imperfect
  public information", *Econometrica* 62(5), 1994, 997-1039.
* K. Judd, S. Yeltekin and J. Conklin, "Computing supergame equilibria",
  *Econometrica* 71(4), 2003, 1239-1254.
* G. J. Mailath and L. Samuelson, *Repeated Games and Reputations*, 2006,
  chapters 7 to 9.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers
from .._verify import Verification, verify
from ..repeated import DiscountFactorBracket

__all__ = ["SharingShareBracket", "share_bracket", "sum_bound", "full_sum_bound", "MARGIN", "LP_MAX_STATES"]

#: Relative margin by which the target's sum must exceed the programs' bound to be certified outside.
MARGIN = 1e-7
#: Relative relaxation of the incentive constraints (each is loosened by RELAX (1 - delta) N: a sharer's gain
#: from withholding is taken as N (1 - RELAX), a withholder's loss from sharing as N (1 + RELAX)), so that a
#: program found infeasible or bounded by the solver is so with room to spare.
RELAX = 1e-6
#: Largest group for the score programs (beyond: the closed form only).
LP_MAX_STATES = 6
#: How finely the lower end is bisected.
LOWER_XTOL = 1e-3
#: Discount factors screened for the upper end: 1 - delta from 1 - (closed-form lower end) down to 1/1000.
GRID_POINTS = 20
#: Discount factors screened between two grid points, for the profiles that work at the later one first.
REFINE_POINTS = 12
#: How many of those are then bisected, and how finely.
REFINED, REFINE_XTOL = 3, 1e-4
#: The largest discount factor searched.
TOP = 0.999


@dataclass(frozen=True, eq=False)
class SharingShareBracket(DiscountFactorBracket):
    r"""The bracket of the least δ for a share of full sharing (:class:`~cybergames.repeated.DiscountFactorBracket`).

    The ``payoff`` is :math:`(fR, \dots, fR)`; ``lower`` and ``upper`` are
    certified as ``certificate`` says (module docstring of
    ``cybergames/models/_sharing_share.py``). Beside the parent's fields:

    Attributes
    ----------
    share : number
        :math:`f`.
    parameters : tuple
        ``(n, multiplier, cost, leakage, detect, false_flag)``.
    punishment : tuple or None
        ``(K, L, cap, war)`` of the targeted retaliation that certifies ``upper``.
    value : number or None
        Its exact value per state at ``upper`` (at least :math:`fR`).
    closed_lower : number
        The closed-form lower end :math:`N/(N + |q - r| T)`.
    score_lower : float or None
        The lower end from the score programs (None beyond :data:`LP_MAX_STATES` states).
    score_sum : float or None
        At ``score_lower``: the programs' bound on the sum of payoffs, below :math:`n f R`.
    """

    share: Any = None
    parameters: tuple = ()
    punishment: tuple | None = None
    value: Any = None
    closed_lower: Any = None
    score_lower: Any = None
    score_sum: Any = None


def _payoffs(parameters: tuple) -> tuple:
    n, m, c, l, q, r = parameters
    alpha, beta = _numbers.ratio(m * c, n), c + l
    return alpha, beta, n * alpha - beta, (n - 1) * alpha, beta - alpha


def closed_lower(parameters: tuple) -> Any:
    """:math:`N/(N + |q - r| T)`, exact for exact parameters (1 when q = r)."""
    n, m, c, l, q, r = parameters
    _, _, _, T, N = _payoffs(parameters)
    return _numbers.simplify_exact(N / (N + abs(q - r) * T))


# ---------------------------------------------------------------- the score programs, reduced
@functools.lru_cache(maxsize=64)
def _reduced_blocks(n: int, k: int, alpha: float, beta: float, q: float, r: float) -> tuple:
    """The pieces of the reduced program of the profile with ``k`` sharers that do not depend on delta."""
    from math import comb
    orbits = [(j, l) for j in range(k + 1) for l in range(n - k + 1)]
    columns, offset = [], 0
    points = []
    for j, l in orbits:
        sizes = (j, k - j, l, n - k - l)
        hull = np.array([[sum(c) * alpha - (beta * c[h] / sizes[h] if sizes[h] else 0.0) for h in range(4)]
                         for c in itertools.product(*(range(s + 1) for s in sizes))])
        points.append((sizes, hull))
        columns.append(offset)
        offset += len(hull)
    size = offset + 1                                             # the mu's, then K
    at = {o: i for i, o in enumerate(orbits)}

    def binom(count: int, hits: int, p: float) -> float:
        return comb(count, hits) * p ** hits * (1 - p) ** (count - hits) if 0 <= hits <= count else 0.0

    def x(orbit: tuple, h: int) -> np.ndarray:                     # the row giving x_h of an orbit
        row = np.zeros(size)
        i = at[orbit]
        sizes, hull = points[i]
        row[columns[i]:columns[i] + len(hull)] = hull[:, h]
        return row

    eq_rows, ub_rows = [], []
    total_rows = []
    for i, (orbit, (sizes, hull)) in enumerate(zip(orbits, points)):
        row = np.zeros(size)
        row[columns[i]:columns[i] + len(hull)] = 1.0
        eq_rows.append(row)
        for h in range(4):
            if sizes[h]:
                ub_rows.append(-x(orbit, h))                       # individually rational: x_h >= 0
        total = sum(sizes[h] * x(orbit, h) for h in range(4))
        total_rows.append(total)
        cap = total.copy()
        cap[-1] = -1.0                                             # the sum is at most K
        ub_rows.append(cap)
    # Expected sum of continuations under the profile.
    expected = sum(binom(k, j, r) * binom(n - k, l, q) * total_rows[at[(j, l)]] for j, l in orbits)
    # A sharer's continuation after its own verdict (1: suspected), the others' verdicts drawn by the profile.
    share_gap = np.zeros(size)                                     # G0 - G1
    if k:
        for j in range(k):
            for l in range(n - k + 1):
                p = binom(k - 1, j, r) * binom(n - k, l, q)
                share_gap += p * (x((j, l), 1) - x((j + 1, l), 0))
    hold_gap = np.zeros(size)                                      # H1 - H0 for a withholder
    if k < n:
        for j in range(k + 1):
            for l in range(n - k):
                p = binom(k, j, r) * binom(n - k - 1, l, q)
                hold_gap += p * (x((j, l + 1), 2) - x((j, l), 3))
    return np.array(eq_rows), np.array(ub_rows), expected, share_gap, hold_gap, size


def _solve(eq: np.ndarray, ub: np.ndarray, ub_rhs: np.ndarray, size: int) -> float:
    """max K subject to the rows; -inf when infeasible."""
    cost = np.zeros(size)
    cost[-1] = -1.0
    bounds = [(0, None)] * (size - 1) + [(None, None)]
    return _highs(cost, ub, ub_rhs, eq, bounds)


def _highs(cost: np.ndarray, ub: np.ndarray, ub_rhs: np.ndarray, eq: np.ndarray, bounds: list) -> float:
    """max K by HiGHS (simplex, then interior point, then dual simplex on a failure): -inf when the
    program is infeasible, +inf (nothing certified) when no method solves it."""
    from scipy.optimize import linprog
    for method in ("highs", "highs-ipm", "highs-ds"):
        found = linprog(cost, A_ub=ub, b_ub=ub_rhs, A_eq=eq, b_eq=np.ones(len(eq)), bounds=bounds, method=method)
        if found.status == 2:
            return -math.inf
        if found.status == 0:
            return -found.fun
    return math.inf


def _program(blocks: tuple, n: int, k: int, delta: float, R: float, N: float, q: float, r: float) -> tuple:
    eq, ub, expected, share_gap, hold_gap, size = blocks
    rows, rhs = [ub], [np.zeros(len(ub))]
    objective = -delta * expected
    objective[-1] += 1.0                                           # K <= (1 - d) k R + d E[sum w]
    rows.append(objective[None, :])
    rhs.append(np.array([(1 - delta) * k * R]))
    if k:                                                          # sharers: (1 - d) N <= d (q - r)(G0 - G1)
        rows.append((-delta * (q - r) * share_gap)[None, :])
        rhs.append(np.array([-(1 - delta) * N * (1 - RELAX)]))
    if k < n:                                                      # withholders: d (q - r)(H1 - H0) >= -(1 - d) N
        rows.append((-delta * (q - r) * hold_gap)[None, :])
        rhs.append(np.array([(1 - delta) * N * (1 + RELAX)]))
    return eq, np.vstack(rows), np.concatenate(rhs), size


def sum_bound(parameters: tuple, delta: float, stop: float = math.inf) -> float:
    r"""The largest sum of payoffs any equilibrium can have at ``delta``, from above: :math:`\max_a K_a`.

    Floats; ``n <= LP_MAX_STATES``. The profile with nobody sharing gives
    :math:`K \le \delta K`, so 0 (the repeated stage Nash equilibrium attains it).
    With ``stop``: returns as soon as a program's bound reaches it (a value at
    least ``stop``, which is then all that is known).
    """
    n = parameters[0]
    alpha, beta, R, T, N = (float(x) for x in _payoffs(parameters))
    q, r, delta = float(parameters[4]), float(parameters[5]), float(delta)
    best = 0.0
    for k in range(n, 0, -1):
        blocks = _reduced_blocks(n, k, alpha, beta, q, r)
        best = max(best, _solve(*_program(blocks, n, k, delta, R, N, q, r)))
        if best >= stop:
            break
    return best


def full_sum_bound(parameters: tuple, delta: float) -> float:
    r""":func:`sum_bound` without the symmetric reduction (for :func:`cybergames.verify`).

    One pure profile with :math:`k` sharers for each :math:`k` (the others are
    its permutations), one continuation vector per signal :math:`y \in
    \{0, 1\}^n` as a point of the hull of all :math:`2^n` stage payoffs,
    and every state's one-shot incentive constraint read from the product
    distribution of the verdicts.
    """
    n = parameters[0]
    alpha, beta, R, T, N = (float(x) for x in _payoffs(parameters))
    q, r, delta = float(parameters[4]), float(parameters[5]), float(delta)
    profiles = list(itertools.product((1, 0), repeat=n))           # 1: shares
    stage = np.array([[alpha * sum(a) - beta * a[i] for i in range(n)] for a in profiles])    # (2^n, n)
    signals = profiles                                             # 1: suspected
    count = len(profiles)
    size = count * count + 1                                       # mu[y, a'], then K

    def prob(y: tuple, a: tuple) -> float:
        return float(np.prod([(q if not a[i] else r) if y[i] else (1 - (q if not a[i] else r)) for i in range(n)]))

    def w(y_index: int, i: int) -> np.ndarray:
        row = np.zeros(size)
        row[y_index * count:(y_index + 1) * count] = stage[:, i]
        return row

    best = 0.0
    for k in range(1, n + 1):
        a = tuple(1 if i < k else 0 for i in range(n))
        eq = np.zeros((count, size))
        ub = []
        for y in range(count):
            eq[y, y * count:(y + 1) * count] = 1.0
            for i in range(n):
                ub.append((-w(y, i), 0.0))
            total = sum(w(y, i) for i in range(n))
            total[-1] = -1.0
            ub.append((total, 0.0))
        expected = sum(prob(signals[y], a) * sum(w(y, i) for i in range(n)) for y in range(count))
        row = -delta * expected
        row[-1] = 1.0
        ub.append((row, (1 - delta) * sum(stage[profiles.index(a)])))
        for i in range(n):
            b = a[:i] + (1 - a[i],) + a[i + 1:]
            # deviating to b must not pay: (1-d) u_i(b) + d E[w_i | b] <= (1-d) u_i(a) + d E[w_i | a]
            row = sum((prob(signals[y], b) - prob(signals[y], a)) * w(y, i) for y in range(count)) * delta
            ub.append((row, (1 - delta) * (stage[profiles.index(a), i] - stage[profiles.index(b), i] + RELAX * N)))
        cost = np.zeros(size)
        cost[-1] = -1.0
        best = max(best, _highs(cost, np.array([u for u, _ in ub]), np.array([v for _, v in ub]), eq,
                                [(0, None)] * (size - 1) + [(None, None)]))
    return best


def _excluded(parameters: tuple, share: Any, delta: float, full: bool = False) -> tuple:
    """(whether the target is certified outside E(delta), the bound on the sum)."""
    n = parameters[0]
    R = float(_payoffs(parameters)[2])
    threshold = n * float(share) * R - MARGIN * max(1.0, n * R)
    total = full_sum_bound(parameters, delta) if full else sum_bound(parameters, delta, threshold)
    return total < threshold, total


def _score_lower(parameters: tuple, share: Any, start: float, upper: Any = None) -> tuple:
    """The largest delta found (bisection from ``start`` to :data:`TOP`, to :data:`LOWER_XTOL`) at which the
    score programs exclude the target, with their bound on the sum there; ``(None, None)`` when they do not
    exclude it at ``start``.

    At and above ``upper`` an explicit equilibrium gives the target, so the programs cannot exclude it there
    and are not solved (the bisection's steps are the same for every share, which keeps ``lower`` monotone in it).
    """
    def excluded(delta: float) -> tuple:
        if upper is not None and delta >= upper:
            return False, None
        return _excluded(parameters, share, delta)

    lo, hi = start, TOP
    out, total = excluded(hi)
    if out:
        return hi, total
    out, found = excluded(lo)
    if not out:
        return None, None
    while hi - lo > LOWER_XTOL:
        mid = (lo + hi) / 2
        out, total = excluded(mid)
        if out:
            lo, found = mid, total
        else:
            hi = mid
    return lo, found


# ---------------------------------------------------------------- the explicit equilibria
def _upper(model: Any, share: Any, start: float) -> tuple | None:
    """``(delta, (K, L, cap, war), value)``: the least delta found, exact, or None."""
    from ._sharing_punishment import reduced_check, screen
    from .information import TARGETED_GRID
    n = model.n
    pay = (model.reward, model.temptation, _numbers.ratio(model.multiplier * model.cost, n) - model.cost
           - model.leakage, _numbers.ratio(model.multiplier * model.cost, n))
    target = share * model.reward
    q, r = float(model.detect), float(model.false_flag)
    ftarget = float(target)
    start = min(max(float(start), 0.0), TOP)
    grid = 1 - (1 - start) * ((1 - TOP) / (1 - start)) ** np.linspace(0, 1, GRID_POINTS) if start < TOP \
        else np.array([TOP])
    profiles = [(K, L, K + extra, war) for K, L, extra, war in TARGETED_GRID]

    def works(values: np.ndarray, gains: np.ndarray) -> np.ndarray:
        return (gains <= 1e-9) & (values >= ftarget - 1e-9)

    first = {}
    for profile in profiles:
        values, gains = screen(n, pay, q, r, *profile, grid)
        ok = np.flatnonzero(works(values, gains))
        if len(ok):
            first[profile] = ok[0]
    if not first:
        return None
    coarse = []
    for g in sorted(set(first.values()))[:2]:                      # the earliest grid points only
        for profile in (p for p, h in first.items() if h == g):
            fine = np.linspace(grid[g - 1] if g else start, grid[g], REFINE_POINTS)
            values, gains = screen(n, pay, q, r, *profile, fine)
            k = int(np.flatnonzero(works(values, gains))[0]) if works(values, gains).any() else len(fine) - 1
            coarse.append((fine[k], fine[k - 1] if k else fine[0], profile))
    candidates = []
    for hi, lo, profile in sorted(coarse)[:REFINED]:               # fails at lo (or lo is the start), works at hi
        while hi - lo > REFINE_XTOL:
            mid = (lo + hi) / 2
            values, gains = screen(n, pay, q, r, *profile, np.array([mid]))
            lo, hi = (lo, mid) if works(values, gains)[0] else (mid, hi)
        candidates.append((hi, profile))
    candidates += [(hi, profile) for hi, _, profile in sorted(coarse)[REFINED:]]
    for found, profile in sorted(candidates)[:8]:
        for step in range(4):                                      # a rational just above, confirmed exactly
            delta = Fraction(math.ceil(found * 10 ** 4) + step, 10 ** 4)
            if not delta < 1:
                break
            value, gain = reduced_check(n, pay, model.detect, model.false_flag, *profile, delta)
            if gain <= 0 and value >= target:
                return delta, profile, value
    return None


def share_bracket(model: Any, share: Any) -> SharingShareBracket:
    """The certified bracket of the least δ at which ``share`` of full sharing is an equilibrium payoff.

    ``model`` is an :class:`~cybergames.models.InformationSharingModel` with
    exact parameters; ``share`` a number in (0, 1]. See the module docstring.
    """
    parameters = (model.n, model.multiplier, model.cost, model.leakage, model.detect, model.false_flag)
    target_each = _numbers.simplify_exact(share * model.reward)
    target = (Fraction(target_each),) * model.n
    game = model.status_quo_game() if model.uses_library() and model.n <= 3 else None
    closed = closed_lower(parameters)
    common = dict(share=share, parameters=parameters, closed_lower=closed)
    if share == 1:
        vertex = model.full_sharing_bracket()
        if vertex is not None:
            return SharingShareBracket(target, vertex.lower, None, False, 0, game, False, None, vertex.certificate,
                                       **common)
    if closed >= 1:
        return SharingShareBracket(target, Fraction(1), None, False, 0, game, False, None,
                                   "no discount factor below one: q = r, so a state's verdict does not depend on "
                                   "its action and no state can be given a reason to share", **common)
    found = _upper(model, share, float(closed))                 # from the closed form: the same grid for every f
    upper, punishment, value = found if found is not None else (None, None, None)
    lower, words, score_lower, score_sum = closed, [f"lower end {closed} in closed form: no state shares in any "
                                                    f"equilibrium below N/(N + |q − r| T)"], None, None
    if model.n <= LP_MAX_STATES:
        score_lower, score_sum = _score_lower(parameters, share, float(closed), upper)
        if score_lower is not None and score_lower > closed:
            lower = score_lower
            words = [f"lower end {score_lower:.6g} from the score programs: at that δ no equilibrium has a sum of "
                     f"payoffs above {score_sum:.6g} < n f R = {model.n * float(target_each):.6g} (HiGHS, margin "
                     f"{MARGIN:g}); the closed form gives {float(closed):.6g}"]
        else:
            score_lower = score_sum = None
    if upper is not None:
        name = "targeted_retaliation({}, {}, {}{})".format(*punishment[:3], f", war={punishment[3]}"
                                                           if punishment[3] else "")
        words.append(f"upper end {upper} exact: {name} is a perfect public equilibrium there worth {value} ≥ fR "
                     f"per state (one-shot deviation principle on its symmetric reduction, exact arithmetic); "
                     f"a public lottery with the stage Nash payoff 0 gives fR exactly")
    else:
        words.append(f"no equilibrium of the targeted-retaliation family worth fR found up to δ = {TOP}")
    words.append("the least δ lies in the bracket because the equilibrium payoff sets grow with δ under public "
                 "randomisation (the library's assumption for min_discount_factor_for_payoff)")
    return SharingShareBracket(target, lower, upper, upper is not None, 0, game, False, None, "; ".join(words),
                               punishment=punishment, value=value, score_lower=score_lower, score_sum=score_sum,
                               **common)


@verify.register(SharingShareBracket)
def _verify_share_bracket(result: SharingShareBracket, **kwargs: Any) -> Verification:
    """Re-check a :class:`SharingShareBracket`.

    * ``upper``: the recorded targeted retaliation at ``upper``, checked in
      exact arithmetic on its symmetric reduction, has no profitable one-shot
      deviation and is worth at least the target (and, with ``n <= 3``, the
      library's full :func:`~cybergames.repeated.check_equilibrium` of the
      n-state automata agrees);
    * the closed-form lower end is recomputed;
    * a score lower end: the programs are re-solved without the symmetric
      reduction (:func:`full_sum_bound`) at ``lower`` and must exclude the target.
    """
    from ._sharing_punishment import reduced_check
    from .information import InformationSharingModel
    failures, checked = [], 0
    n, m, c, l, q, r = result.parameters
    model = InformationSharingModel(n=n, multiplier=m, cost=c, leakage=l, detect=q, false_flag=r)
    checked += 1
    if closed_lower(result.parameters) != result.closed_lower or result.lower < result.closed_lower:
        failures.append("the closed-form lower end does not match N/(N + |q - r| T)")
    if result.punishment is not None:
        checked += 1
        pay = (model.reward, model.temptation, _numbers.ratio(m * c, n) - c - l, _numbers.ratio(m * c, n))
        value, gain = reduced_check(n, pay, q, r, *result.punishment, result.upper)
        if gain > 0:
            failures.append(f"the targeted retaliation {result.punishment} is not an equilibrium at {result.upper}")
        if value < result.share * model.reward or value != result.value:
            failures.append(f"the targeted retaliation {result.punishment} is worth {value}, not {result.value} "
                            f"(at least {result.share * model.reward})")
        if n <= 3:
            from ..repeated import check_equilibrium
            checked += 1
            K, L, cap, war = result.punishment
            if not check_equilibrium(model.status_quo_game(), model.targeted_profile(K, L, cap, war),
                                     result.upper).holds:
                failures.append("the library's n-state check rejects the targeted retaliation at upper")
    if result.score_lower is not None:
        checked += 1
        out, total = _excluded(result.parameters, result.share, result.score_lower, full=True)
        if not out:
            failures.append(f"without the reduction the score programs bound the sum by {total}, which does not "
                            f"exclude the target at delta = {result.score_lower}")
    return Verification(not failures, checked, tuple(failures))
