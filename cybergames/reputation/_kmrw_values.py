r"""The piecewise value functions of the KMRW prisoner's dilemma (internal to :mod:`cybergames.reputation.kmrw_mixed`).

For each number :math:`k` of periods left, the values of the rational ROW
(constant) and of COL (linear) on the cells of a partition of the reputation
:math:`p \in [0, 1]`, and the local equilibrium chosen at each state; the
maths is in the docstring of :mod:`cybergames.reputation.kmrw_mixed`.
"""

from __future__ import annotations

import bisect
from fractions import Fraction
from typing import Any

from ..errors import ParameterError

C, D = "C", "D"
ZERO, ONE = Fraction(0), Fraction(1)


class _Level:
    """Values of one period count k for x in (C, D): at breakpoints, and per open cell (VR const, VC line)."""

    def __init__(self, points: list, at: dict, cells: dict, spans: dict | None = None):
        self.points = points          # sorted, includes 0 and 1
        self.at = at                  # (p, x) -> (VR, VC)
        self.cells = cells            # (i, x) -> (VR, slope, intercept) on (points[i], points[i+1])
        self.spans = spans or {}      # (p, x) -> (lo, hi): VR's range over COL's mixing at a breakpoint

    def span(self, p: Fraction, x: str) -> tuple:
        """The rational ROW's values at (p, x) that COL's mixing reaches with COL's value unchanged."""
        found = self.spans.get((p, x))
        if found is not None:
            return found
        vr = self.value(p, x)[0]
        return vr, vr

    def value(self, p: Fraction, x: str) -> tuple:
        i = bisect.bisect_right(self.points, p) - 1       # (bisecting first: hashing a Fraction is slow)
        if self.points[i] == p:
            found = self.at[(p, x)]
        else:
            found = self.cells[(i, x)]
            if found is not None:
                vr, slope, intercept = found
                return vr, slope * p + intercept
        if found is None:
            raise _Uncovered(f"p={p}, x={x}")
        return found


class _Values:
    """A level's values, with ``val(p, x)`` (when given) taking precedence: the states one run has fixed."""

    def __init__(self, level: _Level, val: Any, span: Any = None):
        self.points, self.cells, self._level, self._val, self._span = level.points, level.cells, level, val, span

    def value(self, p: Fraction, x: str) -> tuple:
        return self._level.value(p, x) if self._val is None else self._val(p, x)

    def span(self, p: Fraction, x: str) -> tuple:
        return self._level.span(p, x) if self._span is None else self._span(p, x)


class _Uncovered(ParameterError):
    """A state at which the construction found no local equilibrium of its form (internal)."""


def _zero_level() -> _Level:
    at = {(p, x): (ZERO, ZERO) for p in (ZERO, ONE) for x in (C, D)}
    return _Level([ZERO, ONE], at, {(0, x): (ZERO, ZERO, ZERO) for x in (C, D)})


class _Solver:
    r"""The levels of one payoff pair (a, b), on the reputations 0 and [floor, 1].

    One game with prior :math:`\mu` reaches the reputations 0 and :math:`p \ge \mu` only (COL's belief
    never falls after tit for tat's move, and is 0 after the other move), and the local equilibrium at
    :math:`p` reads the previous period's values at :math:`p' \ge p` only. So the levels are built on
    :math:`[\mu, 1]` with ``floor`` :math:`= \mu` (the cell below it is left uncovered): the values there
    are those of the levels on all of :math:`[0, 1]`, and the breakpoints that pile up near 0 (where
    their number grows geometrically in :math:`k` for some payoffs) are never built.
    """

    def __init__(self, a: Fraction, b: Fraction, floor: Fraction = ZERO):
        self.a, self.b, self.floor = a, b, floor
        self.levels = [_zero_level()]

    # -- the local equilibrium at (k, p, x) from the values of period k - 1
    def local(self, k: int, p: Fraction, x: str, val: Any = None, span: Any = None) -> tuple:
        """(r, q, p_after_mimic, VR, VC) at state (k, p, x); ``val(p, x)`` gives period k - 1's values.

        ``span(p, x)`` gives the range of the rational ROW's values that COL's mixing reaches at a
        state of period k - 1 (default: the level's). When the rational ROW mixes (0 < r < 1), its
        value is that of defecting, q a; the play at the target that makes it indifferent (a value
        inside the target's span) is fixed when one game is assembled.
        """
        a, b = self.a, self.b
        prev = _Values(self.levels[k - 1], val, span)
        if p == 0:
            return ONE if x == D else ZERO, ZERO, ZERO, ZERO, ZERO
        if x == D:
            (rc, cc), (rd, cd) = prev.value(p, C), prev.value(p, D)
            gain = b + cc - cd
            mimic_c, mimic_d = a + rc, rd                       # rational ROW defects: a or 0 today
            if gain > 0:
                q = ONE
            elif gain < 0:
                q = ZERO
            else:                                               # indifferent: mix so that V^R = -b if possible
                q = _solve_linear(mimic_c, mimic_d, -b)
            return ONE, q, p, q * mimic_c + (1 - q) * mimic_d, q * (b + cc) + (1 - q) * cd

        def H(q, after):
            (rc, _), (rd, _) = prev.value(after, C), prev.value(after, D)
            return q * (1 + rc - a) + (1 - q) * (b + rd)

        def K(after):
            (_, cc), (_, cd) = prev.value(after, C), prev.value(after, D)
            return 1 + cc - a - cd

        def G(pi, after):
            return pi * K(after) + (1 - pi) * b

        def finish(r, q, after):
            pi = ONE if r == 1 else (p / after if after else p)
            (rc, cc), (rd, cd) = prev.value(after, C), prev.value(after, D)
            mimic = q * (1 + rc) + (1 - q) * (b + rd)
            vr = mimic if r == 1 else q * a
            vc = q * (pi * (1 + cc) + (1 - pi) * b) + (1 - q) * (pi * (a + cd))
            return r, q, after, vr, vc

        if p == 1:                                              # COL is sure; ROW's move does not move beliefs
            g = G(ONE, ONE)
            q = ONE if g >= 0 else ZERO
            return finish(ONE if H(q, ONE) >= 0 else ZERO, q, ONE)
        # A. mimic for sure
        g = G(ONE, p)
        if g > 0 or g < 0:
            q = ONE if g > 0 else ZERO
        else:
            (rc, _), (rd, _) = prev.value(p, C), prev.value(p, D)
            q = _solve_linear(1 + rc, b + rd, a - 1)           # mix so that V^R = a - 1 if possible
            if H(q, p) < 0:
                q = ONE if H(ONE, p) >= 0 else ZERO
        if H(q, p) >= 0:
            return finish(ONE, q, p)
        # B, C. mix to a target where the next period's COL makes ROW indifferent
        shared = val is None and span is None                   # the level's own values: use its indexes
        for q, wants in ((ONE, lambda gg: gg >= 0), (ZERO, lambda gg: gg <= 0)):
            found = self._indexed_targets(k - 1, p, q) if shared else self.targets(k - 1, p, q, prev)
            for target in found:
                if _defined(lambda: G(p / target, target)) and wants(G(p / target, target)):
                    return finish(_mix(p, target), q, target)
        # D. reveal at once: cooperation comes only from tit for tat
        g = G(p, ONE)
        choices = [ONE if g >= 0 else ZERO]
        if g == 0:                                              # indifferent: V^R = q a = a - 1 if possible
            choices = [(a - 1) / a, ONE, ZERO]
        for q in choices:
            if H(q, ONE) <= 0:
                return finish(ZERO, q, ONE)
        # E. both mix
        if shared:          # G(p / t, t) = 0 only at p = -b t / (K(t) - b): the breakpoints t indexed by it
            above = [t for t in self._index(k - 1)[2].get(p, ()) if p < t]
        else:
            above = self.points_above(k - 1, p)
        for target in above:
            if not _defined(lambda: (H(ONE, target), G(ONE, target))):
                continue
            hc, hd = H(ONE, target), H(ZERO, target)
            if hc == hd or (hc > 0) == (hd > 0) and hc != 0 and hd != 0:
                continue
            q = hd / (hd - hc)
            if G(p / target, target) == 0 and 0 <= q <= 1:
                return finish(_mix(p, target), q, target)
        fn = self.levels[k - 1]
        start = max(bisect.bisect_right(fn.points, p) - 1, 0)  # (the cells below p are skipped)
        for i in range(start, len(fn.points) - 1):            # ... inside a cell, where K is linear
            lo, hi = fn.points[i], fn.points[i + 1]
            if hi <= p:
                continue
            if fn.cells[(i, C)] is None or fn.cells[(i, D)] is None:
                continue
            (_, sc, ic), (_, sd, id_) = fn.cells[(i, C)], fn.cells[(i, D)]
            alpha, beta = 1 - a + ic - id_, sc - sd
            if p * beta + b == 0:
                continue
            target = -p * (alpha - b) / (p * beta + b)        # G(p / p', p') = 0 with K(p') = alpha + beta p'
            if not (max(lo, p) < target < hi):
                continue
            hc, hd = H(ONE, target), H(ZERO, target)
            if hc != hd and (hc >= 0) != (hd > 0):
                q = hd / (hd - hc)
                if 0 <= q <= 1:
                    return finish(_mix(p, target), q, target)
        raise _Uncovered(f"no local equilibrium of the searched form at k={k}, p={p}, x={x} "
                             f"(a={a}, b={b}); this construction does not cover these payoffs")

    def span_of(self, k: int, p: Fraction, x: str, play: tuple, val: Any = None, span: Any = None) -> Any:
        r"""(lo, hi): the rational ROW's values at (k, p, x) with ``play``'s r and p' and COL's value unchanged.

        COL's value stays when its action is pure and only the rational ROW's continuation values move
        (within the successors' spans), and when COL is indifferent and mixes. The set of the rational
        ROW's values over these choices, subject to its own incentive (:math:`H \ge 0` if it mimics for
        sure, :math:`H \le 0` if it never mimics, :math:`H = 0` if it mixes), is connected, so an
        interval; None when it is a single point.
        """
        a, b = self.a, self.b
        r, q0, after = play[:3]
        if p == 0 or k == 0:
            return None
        prev = _Values(self.levels[k - 1], val, span)
        post = p if x == D else after
        (_, cc), (_, cd) = prev.value(post, C), prev.value(post, D)
        (lc, hc), (ld, hd) = prev.span(post, C), prev.span(post, D)
        if x == D:
            indifferent = b + cc - cd == 0
            if indifferent:
                ends = [a + lc, a + hc, ld, hd]
            else:
                ends = [a + lc, a + hc] if q0 == 1 else [ld, hd]
        else:
            pi = ONE if r == 1 else p / after
            indifferent = pi * (1 + cc - a - cd) + (1 - pi) * b == 0
            qs = (ZERO, ONE) if indifferent else (q0, q0)
            ends = _row_range(a, b, r, qs, (lc, hc), (ld, hd))
            if ends is None:
                return None
        lo, hi = min(ends), max(ends)
        return (lo, hi) if lo < hi else None

    def targets(self, level: int, p: Fraction, q: Fraction, fn: Any) -> list:
        """Points p' > p of ``level`` where the rational ROW is indifferent when COL plays q (pure)."""
        a, b = self.a, self.b
        found = []
        need, y = (a - 1, C) if q == 1 else (-b, D)
        for t in self.points_above(level, p):
            try:
                lo, hi = fn.span(t, y)
            except _Uncovered:
                continue
            if lo <= need <= hi:
                found.append(t)
        return found

    def _index(self, level: int) -> tuple:
        """Per level: the breakpoints t in (0, 1) where the value a - 1 (after C) or -b (after D) is in the
        span, sorted; and a dict from p = -b t / (K(t) - b), where COL is indifferent when the rational ROW
        mixes to t, to those t (sorted). Built once per level, for the level's own values."""
        cache = self.__dict__.setdefault("_indexes", {})
        found = cache.get(level)
        if found is None:
            a, b = self.a, self.b
            fn = self.levels[level]
            need = {C: a - 1, D: -b}
            lists = {C: [], D: []}
            roots: dict = {}
            for t in fn.points:
                if not 0 < t < 1:
                    continue
                for y in (C, D):
                    try:
                        lo, hi = fn.span(t, y)
                    except _Uncovered:
                        continue
                    if lo <= need[y] <= hi:
                        lists[y].append(t)
                try:
                    (_, cc), (_, cd) = fn.value(t, C), fn.value(t, D)
                except _Uncovered:
                    continue
                k_t = 1 + cc - a - cd
                if k_t != b:
                    roots.setdefault(-b * t / (k_t - b), []).append(t)
            found = cache[level] = (lists[C], lists[D], roots)
        return found

    def _indexed_targets(self, level: int, p: Fraction, q: Fraction) -> list:
        """:meth:`targets` for the level's own values, from its index."""
        ts = self._index(level)[0 if q == 1 else 1]
        return ts[bisect.bisect_right(ts, p):]

    def points_above(self, level: int, p: Fraction) -> list:
        pts = self.levels[level].points
        return [t for t in pts[bisect.bisect_right(pts, p):] if t < 1]

    # -- period k's partition and values
    def build(self, k: int) -> None:
        a, b = self.a, self.b
        prev = self.levels[k - 1]
        candidates = set(prev.points)
        # roots of the gain functions that are linear on the cells of the previous partition
        for i in range(len(prev.points) - 1):
            lo, hi = prev.points[i], prev.points[i + 1]
            m1, m2 = lo + (hi - lo) / 3, lo + 2 * (hi - lo) / 3
            for fn in (lambda p: 1 + prev.value(p, C)[1] - a - prev.value(p, D)[1],      # A: G(1, p)
                       lambda p: b + prev.value(p, C)[1] - prev.value(p, D)[1]):         # x = D: repair
                if not _defined(lambda: (fn(m1), fn(m2))):
                    continue
                root = _root(fn, m1, m2)
                if root is not None and lo < root < hi:
                    candidates.add(root)
            if prev.cells[(i, C)] is not None and prev.cells[(i, D)] is not None:
                # E inside the cell: the p at which the target -p (alpha - b) / (p beta + b) meets an end
                (_, sc, ic), (_, sd, id_) = prev.cells[(i, C)], prev.cells[(i, D)]
                alpha, beta = 1 - a + ic - id_, sc - sd
                for end in (lo, hi):
                    if -(alpha - b) - end * beta != 0:
                        root = end * b / (-(alpha - b) - end * beta)
                        if 0 < root < 1:
                            candidates.add(root)
        for t in prev.points:
            if 0 < t <= 1 and _defined(lambda: (prev.value(t, C), prev.value(t, D))):
                k_t = 1 + prev.value(t, C)[1] - a - prev.value(t, D)[1]
                if k_t != b:                                    # B, C, D: G(p / t, t) = 0
                    root = -b * t / (k_t - b)
                    if 0 < root < 1:
                        candidates.add(root)
        floor = self.floor
        if floor:                                               # 0, floor and the points above it
            candidates = {t for t in candidates if t == 0 or t >= floor} | {floor}
        points = sorted(candidates)
        at, spans = {}, {}
        for p in points:
            for x in (C, D):
                try:
                    play = self.local(k, p, x)
                except _Uncovered:
                    at[(p, x)] = None             # raised again only if a reachable state needs it
                    continue
                at[(p, x)] = play[3:]
                found = self.span_of(k, p, x, play)
                if found is not None:
                    spans[(p, x)] = found
        cells = {}
        for i in range(len(points) - 1):
            lo, hi = points[i], points[i + 1]
            m1, m2, m3 = (lo + (hi - lo) * Fraction(j, 4) for j in (1, 2, 3))
            if hi <= floor:                                     # below the floor: not built
                cells[(i, C)] = cells[(i, D)] = None
                continue
            for x in (C, D):
                try:
                    (r1, c1), (r2, c2), (r3, c3) = (self.local(k, m, x)[3:] for m in (m1, m2, m3))
                except _Uncovered:
                    cells[(i, x)] = None
                    continue
                slope = (c2 - c1) / (m2 - m1)
                if r1 != r2 or r2 != r3 or c3 != c2 + slope * (m3 - m2):
                    cells[(i, x)] = None          # not constant/linear: never interpolated
                    continue
                cells[(i, x)] = (r1, slope, c1 - slope * m1)
        self.levels.append(_merged(points, at, cells, spans))


def _merged(points: list, at: dict, cells: dict, spans: dict) -> _Level:
    """The level without the breakpoints at which nothing changes.

    A point t is dropped when, for both tit-for-tat moves, the cells on its two
    sides carry the same values (ROW's constant, COL's line), the values at t
    lie on them and t has no span: the values of period k are then one
    constant and one line across t. Likewise when t and both sides are
    uncovered. (Period k - 1's breakpoints are all candidates of period k;
    kept where nothing changes, their number grew faster still.)
    """
    keep = [0]
    merged_cells = {(0, x): cells[(0, x)] for x in (C, D)}
    for j in range(1, len(points) - 1):
        t = points[j]
        same = True
        for x in (C, D):
            left, right, here = merged_cells[(len(keep) - 1, x)], cells[(j, x)], at[(t, x)]
            if (t, x) in spans:
                same = False
                break
            if left is None and right is None and here is None:
                continue                                # uncovered on both sides and at t
            if left is None or left != right or here != (left[0], left[1] * t + left[2]):
                same = False
                break
        if not same:
            keep.append(j)
            for x in (C, D):
                merged_cells[(len(keep) - 1, x)] = cells[(j, x)]
    keep.append(len(points) - 1)
    kept = [points[j] for j in keep]
    return _Level(kept, {(t, x): at[(t, x)] for t in kept for x in (C, D)}, merged_cells, spans)


def _row_range(a: Fraction, b: Fraction, r: Fraction, qs: tuple, span_c: tuple, span_d: tuple) -> Any:
    r"""The least and largest value of the rational ROW at a state with tit for tat's move C.

    COL cooperates with a probability q in ``qs = (q_lo, q_hi)``; the rational ROW's continuation
    values after (its mimicking, COL's C) and (its mimicking, COL's D) range over ``span_c`` and
    ``span_d``. With :math:`h_1 = 1 + v_C - a`, :math:`h_0 = b + v_D` its gain from mimicking is
    :math:`H = q h_1 + (1 - q) h_0`; mimicking for sure (r = 1) needs :math:`H \ge 0` and is worth
    :math:`q (1 + v_C) + (1 - q)(b + v_D) = q a + H`, never mimicking (r = 0) needs :math:`H \le 0`,
    mixing needs :math:`H = 0`; the last two are worth :math:`q a`. Each bound is attained where q is
    at an end of its range or H = 0 (H is linear in q for fixed continuation values). None if no
    choice keeps the incentive.
    """
    (lc, hc), (ld, hd) = span_c, span_d
    q_lo, q_hi = qs
    candidates = {q_lo, q_hi}
    for h1, h0 in ((1 + lc - a, b + ld), (1 + hc - a, b + hd), (1 + lc - a, b + hd), (1 + hc - a, b + ld)):
        if h1 != h0:
            root = h0 / (h0 - h1)
            if q_lo <= root <= q_hi:
                candidates.add(root)
    values = []
    for q in candidates:
        h_min, h_max = q * (1 + lc - a) + (1 - q) * (b + ld), q * (1 + hc - a) + (1 - q) * (b + hd)
        if r == 1 and h_max >= 0:
            values += [q * a + max(h_min, ZERO), q * a + h_max]
        elif r == 0 and h_min <= 0:
            values.append(q * a)
        elif 0 < r < 1 and h_min <= 0 <= h_max:
            values.append(q * a)
    return values or None


def _defined(thunk: Any) -> bool:
    try:
        thunk()
    except _Uncovered:
        return False
    return True


def _mix(p: Fraction, target: Fraction) -> Fraction:
    """The mimic probability r with p / (p + (1 - p) r) = target."""
    return p * (1 - target) / ((1 - p) * target)


def _solve_linear(high: Fraction, low: Fraction, want: Fraction) -> Fraction:
    """q in [0, 1] with q high + (1 - q) low = want, or 1 when there is none (ties to cooperation)."""
    if high != low:
        q = (want - low) / (high - low)
        if 0 <= q <= 1:
            return q
    return ONE


def _root(fn: Any, m1: Fraction, m2: Fraction) -> Fraction | None:
    f1, f2 = fn(m1), fn(m2)
    if f1 == f2:
        return None
    return m1 - f1 * (m2 - m1) / (f2 - f1)
