r"""Sets of equilibrium values of the KMRW game by backward induction (internal to ``kmrw_mixed``).

The searches of :mod:`cybergames.reputation._kmrw_search` and
:mod:`cybergames.reputation._kmrw_nodes` read one value per state from the
shared value functions (with a *span* of the rational ROW's values at their
breakpoints) and try the posteriors among those breakpoints and a few roots.
A game may need a continuation value that no shared play gives, at a
reputation strictly inside a cell. This module keeps *every* play of a
family per period instead of one.

**Pieces.** For each number :math:`k` of periods left and each tit-for-tat
move :math:`x`, a list of pieces. A piece is a set :math:`J` of reputations
(an open interval or a point), an interval :math:`[\ell, h]` of the rational
ROW's values, a line :math:`v_C(p) = s p + i` for COL, and a *recipe*: the
local play and the two successor pieces after tit for tat's move. It is a
claim, made true by construction: at every :math:`p \in J` and for every
:math:`w \in [\ell, h]` there is a sequential equilibrium of the subgame at
:math:`(k, p, x)` in which the rational ROW gets :math:`w` and COL gets
:math:`v_C(p)`, built by the recipe from the successor pieces' claims.

**Recipes** (the notation of :mod:`cybergames.reputation.kmrw_mixed`;
:math:`u, v` the rational ROW's values after (tit for tat's move, COL's C)
and (its move, COL's D), :math:`c_C, c_D` COL's).

* :math:`x = D`: the rational ROW defects; COL repairs iff
  :math:`b + c_C - c_D \ge 0`. Pure: :math:`w = a + u` or :math:`w = v`;
  indifferent: :math:`w = q(a + u) + (1 - q)v`, any :math:`q`.
* :math:`x = C`, mimic for sure (:math:`p' = p`): COL's pure action by the
  sign of its gain, :math:`H \ge 0`; indifferent COL with :math:`(u, v)` at
  the ends of their intervals and :math:`q` with :math:`H \ge 0`.
* reveal (:math:`p' = 1`): :math:`w = qa` with :math:`H \le 0`.
* mix with COL pure (:math:`u = a - 1` or :math:`v = -b` asked of the
  successor, :math:`w = a` or :math:`0`), to a posterior :math:`p'` that is a
  point piece, the middle of an interval piece, or the root
  :math:`p' = -p(\alpha - b)/(p\beta + b)` of COL's gain (COL's value is
  linear in :math:`p` in each case; :math:`c_C - c_D = \alpha - 1 + a + \beta p'`
  on the successors' pieces).
* both mix: :math:`p'` the root of COL's gain, :math:`q = w/a` for any
  :math:`q` at which some :math:`(u, v)` in the successors' intervals makes
  :math:`H = 0`.
* both mix, degenerate: when :math:`\alpha = b` on an interval :math:`j`
  of posteriors, COL's gain times :math:`p'` is :math:`p(\beta p' + b)`,
  zero at :math:`p_0 = -b/\beta` for *every* :math:`p' \in j`. At the
  point :math:`p_0` COL's value :math:`p_0(a + c_D(p'))/p'` then ranges over
  an open interval as :math:`p'` does; the point piece states the value at
  the middle of :math:`j` and its recipe keeps the range. (These two
  families multiply the pieces for some payoffs; they are built, in a second
  set of pieces, only where the first set closes no game. That set also
  drops every piece whose claim another piece of its period implies — a
  subset of its reputations, of its ROW interval, on the same COL values —
  which slows the growth but also drops the mixing targets the dropped pieces
  offered; it is bounded by ``LEAN_MAX_PIECES``.)
* both mix to such a point :math:`t`, asking it for the COL value in its
  range that makes COL indifferent here: :math:`c_C = a - 1 + c_D - (1 - \pi)b/\pi`
  with :math:`\pi = p/t`, an open interval of :math:`p` on which COL's value
  :math:`\pi (a + c_D)` is linear (at :math:`a = 2, b = -13/5, \mu = 43/100,
  N = 5` the equilibrium needs it: ``tests/reputation/test_kmrw_sets.py``).

Each family's set of reputations is cut at the roots of the gains that decide
its incentives (linear, or linear after clearing :math:`p'`), so that the
incentives hold on each open piece iff at its middle; each piece is evaluated
at three interior points (ROW's interval constant, COL's value on one line),
never interpolated.

**Solving one game.** With the pieces of periods :math:`0..N-1` on the
reputations 0 and :math:`[\mu, 1]`, a piece at the start containing
:math:`\mu` is realised top down: each node :math:`(k, p, x, \text{piece}, w)`
gets its play from the recipe and asks its successor pieces for the values
its indifference (or ``w``) needs. Nothing is searched or backtracked: the
claims hold by construction. The profile is re-checked by ``verify`` before
it is returned. The pieces grow with :math:`k` (two to three times more each
period for some payoffs: the intersections of the successors' partitions and
the preimages of their breakpoints under the root of COL's gain); when a
period would hold more than ``MAX_PIECES`` it is not built, and the search on
nodes of :mod:`cybergames.reputation._kmrw_nodes` solves the periods above,
with the pieces answering the periods they hold.
"""

from __future__ import annotations

import bisect
from fractions import Fraction
from typing import Any

ZERO, ONE = Fraction(0), Fraction(1)
C, D = "C", "D"
MAX_PIECES = 600           # per period and move: a period that would hold more is not built
LEAN_MAX_PIECES = 1000     # the same without the implied pieces (they grow more slowly)


class _TooMany(Exception):
    """A period holds more than MAX_PIECES pieces (internal)."""


class _Broken(Exception):
    """A piece's claim failed when realised (internal; a defect, reported as a refusal)."""


def _linear_root(c0: Fraction, c1: Fraction) -> Any:
    """The root of c0 + c1 p, or None."""
    return -c0 / c1 if c1 else None


class Pieces:
    """The pieces of periods 0..k for payoffs (a, b), on the reputations [floor, 1].

    ``degenerate``: whether to add the degenerate both-mix families (more pieces; tried where the others fail).
    ``lean``: whether to drop the pieces whose claims another piece of the period implies (fewer pieces, and
    fewer mixing targets for the period above; tried where the others fail).
    """

    def __init__(self, a: Fraction, b: Fraction, floor: Fraction, degenerate: bool = False, lean: bool = False):
        self.a, self.b, self.floor = a, b, floor
        self.degenerate, self.lean = degenerate, lean
        self.bound = LEAN_MAX_PIECES if lean else MAX_PIECES
        zero = [(ZERO, ONE, ZERO, ZERO, ZERO, ZERO, None), (ONE, ONE, ZERO, ZERO, ZERO, ZERO, None)]
        self.levels = [{C: zero, D: zero}]
        self.only: Any = None       # set while the first period is built at the prior only
        self.top: Any = None        # (N, pieces of period N at the prior) when realised from them
        self.plays: dict = {}
        self.too_many = False       # whether the next period holds more than MAX_PIECES pieces

    # ---------------------------------------------------------------- building
    def build(self, periods: int) -> None:
        """The pieces of periods 1..periods (raises _TooMany past MAX_PIECES in one period).

        Forgets the first period built at one prior by ``realise`` (a later game, of another horizon, reads the
        full periods: with it kept, a node of that period would read the wrong list).
        """
        self.top = None
        while len(self.levels) < periods + 1:
            k = len(self.levels)
            if self.too_many:                               # (tried before: not again)
                raise _TooMany(k)
            prev = self.levels[k - 1]
            try:
                self.levels.append({x: self._level(k, prev, x) for x in (C, D)})
            except _TooMany:
                self.too_many = True
                raise

    def _level(self, k: int, prev: dict, x: str) -> list:
        out: dict = {}
        pcs, pds = prev[C], prev[D]
        starts = [pd[0] for pd in pds]                      # (the pieces are sorted by their reputations)
        for ic, pc in enumerate(pcs):
            for id_ in range(bisect.bisect_right(starts, pc[1])):
                pd = pds[id_]
                j = _meet(pc, pd)
                if j is None:
                    continue
                for kind, crit, domain in self._families_same(x, pc, pd, j):
                    self._add(out, k, x, kind, ic, id_, domain, crit)
                if x == C:
                    for kind, crit, domain in self._families_mix(pc, pd, j):
                        self._add(out, k, x, kind, ic, id_, domain, crit)
            if len(out) > 4 * self.bound:
                raise _TooMany(k)
        pieces = _prune(list(out.values()))
        if self.lean:
            pieces = _implied(pieces)
        if len(pieces) > self.bound:
            raise _TooMany(k)
        return pieces

    def _families_same(self, x: str, pc: tuple, pd: tuple, j: tuple):
        """Families whose posterior after tit for tat's move is p itself (or 1 at p = 1), on j."""
        a, b = self.a, self.b
        sc, ic_, sd, id_ = pc[4], pc[5], pd[4], pd[5]
        if x == D:
            yield ("D", None), [_linear_root(b + ic_ - id_, sc - sd)], j
            return
        yield ("A", None), [_linear_root(1 - a + ic_ - id_, sc - sd)], j
        if j == (ONE, ONE):
            yield ("P0", None), [], j                     # p = 1: the rational ROW's other move (off its path)
        if j == (ONE, ONE):                                 # reveal: p' = 1, at every p < 1
            k1 = 1 - a + (sc - sd) + ic_ - id_           # K(1) = 1 + c_C - a - c_D at p' = 1
            yield ("R", None), [_linear_root(b, k1 - b)], (ZERO, ONE)

    def _families_mix(self, pc: tuple, pd: tuple, j: tuple):
        """Families in which the rational ROW mixes to a posterior p' in j (above p)."""
        a, b = self.a, self.b
        lo, hi = j
        if lo == ONE or hi == ZERO:
            return
        alpha, beta = 1 - a + pc[5] - pd[5], pc[4] - pd[4]
        targets = [lo] if lo == hi else [(lo + hi) / 2]
        for t in targets:                   # a fixed posterior t: G(p/t, t) t = p (alpha + beta t - b) + t b
            root = _linear_root(t * b, alpha + beta * t - b)
            if pc[2] <= a - 1 <= pc[3]:
                yield ("B1", t), [root, t], (ZERO, t)
            if pd[2] <= -b <= pd[3]:
                yield ("B0", t), [root, t], (ZERO, t)
        if self.degenerate and lo < hi and alpha == b and beta and lo >= -b / beta > 0:
            # G(p/t, t) t = p beta t + t b: COL indifferent at p0 = -b/beta for every posterior t in j, and
            # its value p0 (a + c_D(t)) / t ranges over an open interval as t does (kept with the piece)
            p0 = -b / beta
            ends = [p0 * (a + pd[4] * e + pd[5]) / e for e in (lo, hi)]
            yield ("Md", None, min(ends), max(ends)), [], (p0, p0)
        if self.degenerate and lo == hi and isinstance(pc[6], list):
            for n, part in enumerate(pc[6]):
                if part[4][0][0] == "Md":
                    # both mix to the point t, asking it for the COL value (in the part's open range)
                    # that makes COL indifferent here: an interval of p
                    c_lo, c_hi = part[4][0][2], part[4][0][3]
                    cd = pd[4] * lo + pd[5]
                    cuts = [-lo * b / (1 - a + c - cd - b) for c in (c_lo, c_hi) if 1 - a + c - cd - b]
                    yield ("MC", lo, n, c_lo, c_hi, part[2], part[3]), cuts, (ZERO, lo)
        # p' = -p (alpha - b) / (p beta + b): COL indifferent; p = -p' b / (p' beta + alpha - b)
        crit = [_linear_root(b, beta), _linear_root(alpha, beta)]
        for end in (lo, hi):
            den = end * beta + alpha - b
            if den:
                crit.append(-end * b / den)
        kinds = ["M"]
        if pc[2] <= a - 1 <= pc[3]:
            kinds.append("B1r")
        if pd[2] <= -b <= pd[3]:
            kinds.append("B0r")
        for kind in kinds:
            yield (kind, None), crit, (ZERO, ONE)

    def _add(self, out: dict, k: int, x: str, kind: tuple, ic: int, id_: int, domain: tuple, crit: list) -> None:
        lo, hi = domain
        floor = self.floor
        cuts = sorted({c for c in crit + [floor] if c is not None and lo < c < hi})
        if self.only is not None:                          # the first period: the prior only
            spots = [(self.only, self.only)] if _inside(domain, self.only) else []
        elif lo == hi:
            spots = [(lo, lo)] if lo >= floor else []
        else:
            ends = [lo] + cuts + [hi]
            spots = [(c, c) for c in cuts if c >= floor]
            spots += [(u, w) for u, w in zip(ends, ends[1:]) if u >= floor]
        prev = self.levels[k - 1]
        pc, pd = prev[C][ic], prev[D][id_]
        for u, w in spots:
            if u == w:
                got = self._eval(x, kind, pc, pd, u)
                if got is None:
                    continue
                for ell, h, vc in got:
                    _put(out, (u, u, ell, h, ZERO, vc, (kind, ic, id_)))
                continue
            ms = [u + (w - u) * Fraction(n, 4) for n in (1, 2, 3)]
            middle = self._eval(x, kind, pc, pd, ms[1])
            if middle is None:
                continue
            got = [self._eval(x, kind, pc, pd, ms[0]), middle, self._eval(x, kind, pc, pd, ms[2])]
            if any(g is None for g in got) or len({len(g) for g in got}) != 1:
                continue
            for (l1, h1, c1), (l2, h2, c2), (l3, h3, c3) in zip(*got):
                if (l1, h1) != (l2, h2) or (l2, h2) != (l3, h3):
                    continue
                slope = (c2 - c1) / (ms[1] - ms[0])
                if c3 != c2 + slope * (ms[2] - ms[1]):
                    continue
                _put(out, (u, w, l1, h1, slope, c1 - slope * ms[0], (kind, ic, id_)))

    # ---------------------------------------------------------------- one family at one reputation
    def _eval(self, x: str, kind: tuple, pc: tuple, pd: tuple, p: Fraction) -> Any:
        """[(l, h, COL's value)] of the family at p (one entry per sub-family), or None where it fails."""
        plays = self._plays(x, kind, pc, pd, p)
        if not plays:
            return None
        return [(ell, h, vc) for ell, h, vc, _ in plays]

    def _plays(self, x: str, kind: tuple, pc: tuple, pd: tuple, p: Fraction, col: Any = None) -> list:
        """[(l, h, COL's value, play)]: play = (r, q or None, p', (u or None, v or None, how)).

        ``col``: the COL value asked of a degenerate both-mix part ("Md"), which fixes its posterior.
        """
        a, b = self.a, self.b
        name, t = kind[0], kind[1]
        lc, hc, ld, hd = pc[2], pc[3], pd[2], pd[3]
        if p <= 0 or p > 1:
            return []
        if name in ("D", "A", "P0"):
            after = p
        elif name == "R":
            after = ONE
            if p == 1:
                return []
        elif t is not None:
            after = t
        elif name == "Md":
            after = _meet(pc, pd)
            if after is None or after[0] == after[1]:
                return []
            if col is None:
                after = (after[0] + after[1]) / 2
            else:
                if not kind[2] < col < kind[3] or col == p * pd[4]:
                    return []
                after = p * (a + pd[5]) / (col - p * pd[4])
        else:
            den = p * (pc[4] - pd[4]) + b
            if not den:
                return []
            after = -p * (1 - a + pc[5] - pd[5] - b) / den
        if not (_inside(pc, after) and _inside(pd, after)):
            return []
        cc, cd = pc[4] * after + pc[5], pd[4] * after + pd[5]
        out = []
        if name == "MC":
            # COL indifferent: pi (1 + cc - a - cd) + (1 - pi) b = 0 with the cc asked of the point's part
            if not p < after < 1:
                return []
            pi = p / after
            cc = a - 1 + cd - (1 - pi) * b / pi
            if not kind[3] < cc < kind[4]:
                return []
            rng = _indifference_q(a, b, (kind[5], kind[6]), (pd[2], pd[3]))
            if rng is not None:
                out.append((rng[0] * a, rng[1] * a, pi * (a + cd), ("qmixc", cc)))
            return out
        if name == "D":
            g = b + cc - cd
            if g > 0:
                out.append((a + lc, a + hc, b + cc, ("q1",)))
            elif g < 0:
                out.append((ld, hd, cd, ("q0",)))
            else:
                out.append((min(a + lc, ld), max(a + hc, hd), cd, ("qany",)))
            return out
        if name in ("A", "P0"):
            g = 1 + cc - a - cd
            if name == "P0":                                # p = 1: the rational ROW does not mimic, H <= 0
                qs = [ONE] if g > 0 else [ZERO] if g < 0 else [ONE, ZERO, None]
                for q in qs:
                    if q == 1 and lc <= a - 1:
                        out.append((a, a, 1 + cc, ("r0q1",)))
                    elif q == 0 and ld <= -b:
                        out.append((ZERO, ZERO, a + cd, ("r0q0",)))
                    elif q is None:
                        rng = _q_range(a, b, lc, ld)
                        if rng is not None:
                            out.append((rng[0] * a, rng[1] * a, a + cd, ("r0qany",)))
                return out
            if g > 0 and hc >= a - 1:
                out.append((1 + max(lc, a - 1), 1 + hc, 1 + cc, ("q1",)))
            if g < 0 and hd >= -b:
                out.append((b + max(ld, -b), b + hd, a + cd, ("q0",)))
            if g == 0:
                if hc >= a - 1:
                    out.append((1 + max(lc, a - 1), 1 + hc, a + cd, ("q1",)))
                if hd >= -b:
                    out.append((b + max(ld, -b), b + hd, a + cd, ("q0",)))
                for u in dict.fromkeys((lc, hc)):
                    for v in dict.fromkeys((ld, hd)):
                        rng = _mimic_range(a, b, u, v)
                        if rng is not None:
                            out.append((rng[0], rng[1], a + cd, ("qfix", u, v)))
            return out
        pi = p / after
        g = pi * (1 + cc - a - cd) + (1 - pi) * b
        if name == "R":
            if g > 0 and lc <= a - 1:
                out.append((a, a, p * (1 + cc) + (1 - p) * b, ("q1",)))
            elif g < 0 and ld <= -b:
                out.append((ZERO, ZERO, p * (a + cd), ("q0",)))
            elif g == 0:
                rng = _q_range(a, b, lc, ld)
                if rng is not None:
                    out.append((rng[0] * a, rng[1] * a, p * (a + cd), ("qany",)))
            return out
        if not p < after < 1:
            return []
        if name in ("B1", "B1r") and g >= 0:
            out.append((a, a, pi * (1 + cc) + (1 - pi) * b, ("q1",)))
        elif name in ("B0", "B0r") and g <= 0:
            out.append((ZERO, ZERO, pi * (a + cd), ("q0",)))
        elif name in ("M", "Md") and g == 0:
            rng = _indifference_q(a, b, (lc, hc), (ld, hd))
            if rng is not None:
                out.append((rng[0] * a, rng[1] * a, pi * (a + cd), ("qmix",)))
        return out

    # ---------------------------------------------------------------- realising one game
    def realise(self, N: int, mu: Fraction) -> Any:
        """A root node (N, mu, C, piece, w) and the plays below it; None if no piece holds mu.

        Needs the pieces of periods 0..N-1; those of period N are built at (mu, C) only, unless built already.
        """
        self.plays = {}
        if len(self.levels) > N:
            self.top = None
            first = self.levels[N][C]
        else:
            self.only = mu
            try:
                first = self._level(N, self.levels[N - 1], C)
            finally:
                self.only = None
            self.top = (N, first)
        for index, piece in enumerate(first):
            if _inside(piece, mu):
                return self.node(N, mu, C, index, piece[2])
        return None

    def node(self, k: int, p: Fraction, x: str, index: Any, w: Fraction, asked: Any = None) -> tuple:
        """The node (k, p, x, piece index, w), the plays below it fixed by the recipes (_Broken if a claim fails).

        ``asked``: (part of the piece, COL value) when the parent needs that COL value from a degenerate part.
        """
        node = (k, p, x, index, w) if asked is None else (k, p, x, index, w, asked)
        if node in self.plays:
            return node
        if p == 0 or k == 0:
            self.plays[node] = (ONE if x == D else ZERO, ZERO, ZERO, ZERO, ZERO, None, None)
            return node
        a, b = self.a, self.b
        prev = self.levels[k - 1]
        found = None
        level = self.top[1] if self.top is not None and k == self.top[0] else self.levels[k][x]
        parts = level[index][6] if asked is None else [level[index][6][asked[0]]]
        col = None if asked is None else asked[1]
        for lo, hi, ell, h, recipe in parts:
            if ell <= w <= h and _inside((lo, hi), p):
                kind, ic, id_ = recipe
                pc, pd = prev[C][ic], prev[D][id_]
                plays = [pl for pl in self._plays(x, kind, pc, pd, p, col) if pl[0] <= w <= pl[1]]
                if plays:
                    found = plays[0]
                    break
        if found is None:
            raise _Broken(f"no part of the piece holds k={k}, p={p}, x={x}, w={w}")
        ell, h, vc, how = found
        name = kind[0]
        after = p if name in ("D", "A", "P0") else ONE if name == "R" else None
        if after is None:
            if kind[1] is not None:
                after = kind[1]
            elif name == "Md":
                j = _meet(pc, pd)
                after = (j[0] + j[1]) / 2 if col is None else p * (a + pd[5]) / (col - p * pd[4])
            else:
                after = -p * (1 - a + pc[5] - pd[5] - b) / (p * (pc[4] - pd[4]) + b)
        lc, hc, ld, hd = pc[2], pc[3], pd[2], pd[3]
        tag = how[0]
        u, v = lc, ld
        if x == D:
            r = ONE
            if tag == "q1":
                q, u = ONE, w - a
            elif tag == "q0":
                q, v = ZERO, w
            else:
                q, u, v = _split(w, (a + lc, a + hc), (ld, hd))
                u -= a
        elif name == "A":
            r = ONE
            if tag == "q1":
                q, u = ONE, w - 1
            elif tag == "q0":
                q, v = ZERO, w - b
            else:
                u, v = how[1], how[2]
                q = _solve_q(1 + u, b + v, w)
        elif name == "P0":
            r = ZERO
            q = ONE if tag == "r0q1" else ZERO if tag == "r0q0" else w / a
        elif name == "R":
            r = ZERO
            q = ONE if tag == "q1" else ZERO if tag == "q0" else w / a
        else:
            r = p * (1 - after) / ((1 - p) * after)
            if tag == "q1":
                q, u = ONE, a - 1
            elif tag == "q0":
                q, v = ZERO, -b
            elif tag == "qmixc":
                q = w / a
                u, v = _indifferent_uv(a, b, q, (kind[5], kind[6]), (ld, hd))
            else:
                q = w / a
                u, v = _indifferent_uv(a, b, q, (lc, hc), (ld, hd))
        if name == "MC":
            child_c = self.node(k - 1, after, C, ic, u, (kind[2], how[1]))
        else:
            child_c = self.node(k - 1, after, C, ic, u)
        child_d = self.node(k - 1, after, D, id_, v)
        self.plays[node] = (r, q, after, w, vc, child_c, child_d)
        return node


# -------------------------------------------------------------------- helpers
def _inside(piece: tuple, p: Fraction) -> bool:
    lo, hi = piece[0], piece[1]
    return p == lo if lo == hi else lo < p < hi


def _meet(pc: tuple, pd: tuple) -> Any:
    """The intersection of two pieces' reputations (an open interval or a point), or None."""
    if pc[0] == pc[1]:
        return (pc[0], pc[0]) if _inside(pd, pc[0]) else None
    if pd[0] == pd[1]:
        return (pd[0], pd[0]) if _inside(pc, pd[0]) else None
    lo, hi = max(pc[0], pd[0]), min(pc[1], pd[1])
    return (lo, hi) if lo < hi else None


def _put(out: dict, piece: tuple) -> None:
    key = piece[:6]
    if key not in out:
        out[key] = piece


def _prune(pieces: list) -> list:
    """Merge pieces with the same COL line: ROW intervals that overlap, then neighbouring reputations.

    A merged piece keeps the recipes of its parts, each with the reputations and ROW values it holds:
    ``piece[6]`` is a tuple of (lo, hi, l, h, recipe). The claim of the merged piece is the union of
    its parts' claims, which is what it states (one interval of ROW values over one set of reputations).
    """
    groups: dict = {}
    for piece in pieces:
        groups.setdefault((piece[0], piece[1], piece[4], piece[5]), []).append(piece)
    merged = []
    for (lo, hi, s, i), group in groups.items():
        group.sort(key=lambda pc: (pc[2], -pc[3]))
        cur = None
        for piece in group:
            parts = piece[6] if isinstance(piece[6], list) else [(lo, hi, piece[2], piece[3], piece[6])]
            if cur is not None and piece[2] <= cur[3]:
                cur = (lo, hi, cur[2], max(cur[3], piece[3]), s, i, cur[6] + parts)
            else:
                if cur is not None:
                    merged.append(cur)
                cur = (lo, hi, piece[2], piece[3], s, i, list(parts))
        merged.append(cur)
    # neighbouring reputations: (lo, m), {m}, (m, hi) with the same values -> (lo, hi)
    by_values: dict = {}
    for piece in merged:
        by_values.setdefault(piece[2:6], []).append(piece)
    out = []
    for (ell, h, s, i), group in by_values.items():
        group.sort(key=lambda pc: (pc[0], pc[1]))
        points = {pc[0]: pc for pc in group if pc[0] == pc[1]}
        used = set()
        opens = [pc for pc in group if pc[0] < pc[1]]
        run = None
        for pc in opens:
            if run is not None and run[1] == pc[0] and pc[0] in points and id(points[pc[0]]) not in used:
                used.add(id(points[pc[0]]))
                run = (run[0], pc[1], ell, h, s, i, run[6] + points[pc[0]][6] + pc[6])
                continue
            if run is not None:
                out.append(run)
            run = pc
        if run is not None:
            out.append(run)
        out += [pc for pc in points.values() if id(pc) not in used]
    out.sort(key=lambda pc: (pc[0], pc[1]))
    return out


def _implied(pieces: list) -> list:
    """The pieces without those whose claim another one implies.

    Piece o implies piece p when o holds every reputation of p, o's interval of the rational ROW's values
    holds p's, and o's COL value equals p's at each of p's reputations (the same line, or at p's point).
    Of two pieces with the same claim the first is kept.
    """
    opens = [(m, pc) for m, pc in enumerate(pieces) if pc[0] < pc[1]]      # (sorted by their reputations)
    starts = [pc[0] for _, pc in opens]
    by_line: dict = {}
    for m, pc in opens:
        by_line.setdefault((pc[4], pc[5]), []).append((m, pc))
    keep = []
    for n, pc in enumerate(pieces):
        lo, hi, ell, h, s, i = pc[:6]
        if lo == hi:                                        # a point: inside an open piece with its value there
            implied = any(o[0] < lo < o[1] and o[2] <= ell and h <= o[3] and o[4] * lo + o[5] == i
                          for _, o in opens[:bisect.bisect_left(starts, lo)])
        else:                                               # an open piece: inside one on the same line
            implied = any(o[0] <= lo and hi <= o[1] and o[2] <= ell and h <= o[3]
                          and ((o[0], o[1], o[2], o[3]) != (lo, hi, ell, h) or m < n)
                          for m, o in by_line[(s, i)] if m != n)
        if not implied:
            keep.append(pc)
    return keep


def _q_range(a: Fraction, b: Fraction, u: Fraction, v: Fraction) -> Any:
    """[q0, q1] of q in [0, 1] with H = q (1 + u - a) + (1 - q)(b + v) <= 0, or None."""
    h1, h0 = 1 + u - a, b + v
    ok0, ok1 = h0 <= 0, h1 <= 0
    if ok0 and ok1:
        return ZERO, ONE
    if not ok0 and not ok1:
        return None
    root = h0 / (h0 - h1)
    return (ZERO, root) if ok0 else (root, ONE)


def _mimic_range(a: Fraction, b: Fraction, u: Fraction, v: Fraction) -> Any:
    """[lo, hi] of q (1 + u) + (1 - q)(b + v) over q in [0, 1] with H >= 0 (u, v fixed), or None."""
    h1, h0 = 1 + u - a, b + v
    if h0 >= 0 and h1 >= 0:
        qs = (ZERO, ONE)
    elif h0 < 0 and h1 < 0:
        return None
    else:
        root = h0 / (h0 - h1)
        qs = (root, ONE) if h1 >= 0 else (ZERO, root)
    vals = [q * (1 + u) + (1 - q) * (b + v) for q in qs]
    return min(vals), max(vals)


def _indifference_q(a: Fraction, b: Fraction, span_c: tuple, span_d: tuple) -> Any:
    """[q0, q1]: the q in [0, 1] at which some u, v in the spans make H = 0 (an interval), or None."""
    (lc, hc), (ld, hd) = span_c, span_d
    # H_min(q) = q (1 + lc - a) + (1 - q)(b + ld) <= 0 <= H_max(q) = q (1 + hc - a) + (1 - q)(b + hd)
    lo, hi = ZERO, ONE
    for h1, h0, sign in ((1 + lc - a, b + ld, -1), (1 + hc - a, b + hd, 1)):
        # sign * (q h1 + (1 - q) h0) >= 0
        f0, f1 = sign * h0, sign * h1
        if f0 >= 0 and f1 >= 0:
            continue
        if f0 < 0 and f1 < 0:
            return None
        root = f0 / (f0 - f1)
        if f1 >= 0:
            lo = max(lo, root)
        else:
            hi = min(hi, root)
    return (lo, hi) if lo <= hi else None


def _indifferent_uv(a: Fraction, b: Fraction, q: Fraction, span_c: tuple, span_d: tuple) -> tuple:
    """u, v in the spans with q (1 + u - a) + (1 - q)(b + v) = 0 (q in the range of _indifference_q)."""
    (lc, hc), (ld, hd) = span_c, span_d
    if q == 1:
        return a - 1, ld
    if q == 0:
        return lc, -b
    # v(u) = -b - q (1 + u - a) / (1 - q), decreasing in u: v in [ld, hd] for u in [u_hi_d, u_lo_d]
    def v_of(u):
        return -b - q * (1 + u - a) / (1 - q)

    def u_of(v):
        return a - 1 - (1 - q) * (b + v) / q
    u_lo, u_hi = max(lc, u_of(hd)), min(hc, u_of(ld))
    u = u_lo if u_lo <= u_hi else lc
    return u, v_of(u)


def _split(w: Fraction, top: tuple, bottom: tuple) -> tuple:
    """(q, top value, bottom value) with q top + (1 - q) bottom = w, each value in its interval."""
    if top[0] <= w <= top[1]:
        return ONE, w, bottom[0]
    if bottom[0] <= w <= bottom[1]:
        return ZERO, top[0], w
    for t in top:
        for s in bottom:
            if t != s and min(t, s) <= w <= max(t, s):
                return (w - s) / (t - s), t, s
    raise _Broken(f"the value {w} lies outside the hull of {top} and {bottom}")


def _solve_q(high: Fraction, low: Fraction, w: Fraction) -> Fraction:
    """q with q high + (1 - q) low = w; 0 when high = low (then mimicking pays b + v = 1 + u > 0 at q = 0)."""
    if high == low:
        return ZERO
    return (w - low) / (high - low)
