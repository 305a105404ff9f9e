r"""The states of one KMRW game, solved from the start (internal to :mod:`cybergames.reputation.kmrw_mixed`).

The value functions of ``cybergames.reputation._kmrw_values._Solver`` fix
one local equilibrium per state :math:`(k, p, x)` for *every* reputation
:math:`p`. Two reputations that need different play at a shared later state
(the rational ROW, mixing towards :math:`p'`, needs
:math:`V^R_{k-1}(p', C) = a - 1` after COL cooperated, while another path
needs a different value of a state both reach) can then leave a state with
no local equilibrium. Only the states reachable from one prior matter, so
this module solves those from the start, top down, taking the shared value
functions where they work and, where they do not, searching the local
equilibria of the state together with those of its successors: the
posteriors the rational ROW can mix to (the breakpoints of period
:math:`k - 1`, the posteriors already fixed in this game, :math:`p` itself
and 1), and at each successor the play that gives the rational ROW exactly
the value the indifference needs (:math:`a - 1` after cooperation,
:math:`-b` after defection, or the value a predecessor asks for), where
COL's indifference leaves its mixing free. Whatever it fixes is re-checked
by :func:`cybergames.verify` on the whole profile before it is returned.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

ZERO, ONE = Fraction(0), Fraction(1)
C, D = "C", "D"
BUDGET = 6_000          # local games examined per state, over every search depth


class _OutOfBudget(Exception):
    """The search at one state examined BUDGET local games without an equilibrium (internal)."""


class Run:
    """The behaviour fixed at the states of one game (prior and horizon), solved from period 1 on."""

    def __init__(self, solver: Any, uncovered: type):
        self.solver, self.a, self.b = solver, solver.a, solver.b
        self.uncovered = uncovered
        self.fixed: dict = {}
        self.budget = BUDGET

    # -- values of period k (the fixed play first, else the shared value functions)
    def value(self, k: int, p: Fraction, x: str) -> tuple:
        if k == 0 or p == 0:
            return ZERO, ZERO
        found = self.fixed.get((k, p, x))
        if found is not None:
            return found[3], found[4]
        return self.solver.levels[k].value(p, x)

    def span(self, k: int, p: Fraction, x: str) -> tuple:
        """The rational ROW's values at (k, p, x) that COL's mixing or the successors' reach (one if fixed)."""
        if k == 0 or p == 0:
            return ZERO, ZERO
        found = self.fixed.get((k, p, x))
        if found is not None:
            return found[3], found[3]
        return self.solver.levels[k].span(p, x)

    def defined(self, k: int, p: Fraction, x: str) -> bool:
        try:
            self.value(k, p, x)
        except self.uncovered:
            return False
        return True

    # -- solving one state
    def solve(self, k: int, p: Fraction, x: str) -> tuple:
        """Fix and return the play (r, q, p', VR, VC) at (k, p, x)."""
        key = (k, p, x)
        if key in self.fixed:
            return self.fixed[key]
        try:
            found = self.solver.local(k, p, x, val=lambda pp, y: self.value(k - 1, pp, y))
            if self.local_values(k, p, x, found[0], found[1], found[2]) is None:
                found = None
        except self.uncovered:
            found = None
        if found is not None:
            self.fixed[key] = found
            return found
        saved = dict(self.fixed)                                # the shared play, its successors realised
        self.budget = BUDGET
        try:
            if self.realize(k, p, x, None) and self.consistent(saved):
                return self.fixed[key]
        except self.uncovered:
            pass
        self.fixed = saved
        self.budget = BUDGET                                    # shared by every depth: the search ends
        for depth in range(1, k):                               # shallow changes first
            try:
                for play, commits in self.search(k, p, x, None, depth):
                    if self.commit(commits):
                        self.fixed[key] = play
                        return play
            except _OutOfBudget:
                break
        raise self.uncovered(f"no local equilibrium found at k={k}, p={p}, x={x} (a={self.a}, b={self.b}), "
                             "searching the successors' play too")

    # -- realising a value inside a state's span
    def realize(self, k: int, p: Fraction, x: str, want: Any) -> bool:
        """Fix the play at (k, p, x) and below so that the rational ROW's value there is ``want``.

        ``want`` None: the shared play, with the successors' values it assumes (inside their spans)
        realised in turn. Otherwise the shared play's r and p', with COL's mixing (where it is
        indifferent) or the successors' values moved so that the value is ``want``; COL's value is
        unchanged either way. Returns False when this does not work (the caller restores ``fixed``).
        """
        if k == 0 or p == 0:
            return want is None or want == 0
        key = (k, p, x)
        if key in self.fixed:
            return want is None or self.fixed[key][3] == want
        self.budget -= 1
        if self.budget < 0:
            return False
        a, b = self.a, self.b
        r, q, after, vr, vc = self.solver.local(k, p, x, val=lambda pp, y: self.value(k - 1, pp, y),
                                                span=lambda pp, y: self.span(k - 1, pp, y))
        post = p if x == D else after
        if x == C and 0 < r < 1 and q in (0, 1):            # pure COL: the target gives the indifference
            y, need = (C, a - 1) if q == 1 else (D, -b)
            if not self.realize(k - 1, post, y, need):
                return False
        if want is None:
            want = vr
        for choice in self._adjustments(k, p, x, r, q, post, want):
            trial = dict(self.fixed)
            ok = True
            for (y, need) in choice[1]:
                if not self.realize(k - 1, post, y, need):
                    ok = False
                    break
            if ok:
                got = self.local_values(k, p, x, r, choice[0], after)
                if got is not None and got[0] == want:
                    self.fixed[key] = (r, choice[0], after, got[0], got[1])
                    return True
            self.fixed = trial
        return False

    def _adjustments(self, k: int, p: Fraction, x: str, r: Fraction, q: Fraction, post: Fraction, want: Any):
        """(q, [(successor move, wanted value)]) that could give the rational ROW ``want`` at (k, p, x)."""
        a, b = self.a, self.b
        (rc, _), (rd, _) = self.value(k - 1, post, C), self.value(k - 1, post, D)
        out = [(q, [])]
        if x == D:
            top, bottom = a + rc, rd
            if top != bottom:
                out.append(((want - bottom) / (top - bottom), []))
            out += [(ONE, [(C, want - a)]), (ZERO, [(D, want)])]
        elif r == 1:
            top, bottom = 1 + rc, b + rd
            if top != bottom:
                out.append(((want - bottom) / (top - bottom), []))
            out += [(ONE, [(C, want - 1)]), (ZERO, [(D, want - b)])]
        else:                                               # r < 1: worth q a; r > 0 needs indifference
            mix = want / a
            out = [(mix, [])]
            if 0 < r and 0 < mix < 1:
                out.append((mix, [(D, -b - mix * (1 + rc - a) / (1 - mix))]))
                out.append((mix, [(C, a - 1 - (1 - mix) * (b + rd) / mix)]))
            elif 0 < r and mix == 1:
                out.append((mix, [(C, a - 1)]))
        return [(qq, needs) for qq, needs in out if 0 <= qq <= 1]

    def consistent(self, saved: dict) -> bool:
        """Whether every state fixed before (``saved``) is still a local equilibrium with its values."""
        for (k, p, x), play in saved.items():
            got = self.local_values(k, p, x, play[0], play[1], play[2])
            if got is None or got != (play[3], play[4]):
                return False
        return True

    def commit(self, commits: dict) -> bool:
        """Fix ``commits`` if they agree with what is fixed and leave every fixed state an equilibrium."""
        for key, play in commits.items():
            if key in self.fixed and self.fixed[key] != play:
                return False
        saved = dict(self.fixed)
        self.fixed.update(commits)
        levels = {key[0] + 1 for key in commits}
        for (k, p, x), play in saved.items():
            if k in levels and (k, p, x) not in commits:
                got = self.local_values(k, p, x, play[0], play[1], play[2])
                if got is None or got != (play[3], play[4]):
                    self.fixed = saved
                    return False
        return True

    def local_values(self, k: int, p: Fraction, x: str, r: Fraction, q: Fraction, after: Fraction) -> Any:
        """(VR, VC) if (r, q) is a local equilibrium at (k, p, x) with the current values, else None."""
        a, b = self.a, self.b
        u = {(C, C): (ONE, ONE), (C, D): (b, a), (D, C): (a, b), (D, D): (ZERO, ZERO)}
        other = D if x == C else C
        try:
            cont = {(post, y): self.value(k - 1, post, y) for post in (after, ZERO) for y in (C, D)}
        except self.uncovered:
            return None
        row = {m: sum((w * (u[(m, y)][0] + cont[(post, y)][0]) for y, w in ((C, q), (D, 1 - q)) if w), ZERO)
               for m, post in ((x, after), (other, ZERO))}
        col = {}
        for y in (C, D):
            col[y] = sum((prob * (u[(m, y)][1] + cont[(post, y)][1])
                          for prob, m, post in ((p, x, after), ((1 - p) * r, x, after),
                                                ((1 - p) * (1 - r), other, ZERO)) if prob), ZERO)
        if (r > 0 and row[other] > row[x]) or (r < 1 and row[x] > row[other]):
            return None
        if (q > 0 and col[D] > col[C]) or (q < 1 and col[C] > col[D]):
            return None
        return r * row[x] + (1 - r) * row[other], q * col[C] + (1 - q) * col[D]

    # -- the search
    def options(self, k: int, p: Fraction, y: str, need: Any, depth: int) -> list:
        """Ways to have (k, p, y)'s values, [((VR, VC), commits)], with VR = need when need is not None."""
        found = []
        if k == 0 or p == 0:
            return [((ZERO, ZERO), {})] if need in (None, ZERO) else []
        if self.defined(k, p, y):
            vals = self.value(k, p, y)
            if need is None or vals[0] == need:
                found.append((vals, {}))
        if depth > 0 and (k, p, y) not in self.fixed and (need is not None or not found):
            for play, commits in self.search(k, p, y, need, depth - 1):
                found.append(((play[3], play[4]), {**commits, (k, p, y): play}))
        return found

    def posteriors(self, k: int, p: Fraction, want: Any, last: bool) -> list:
        """Candidate posteriors p' >= p after tit for tat's cooperation: period k - 1's breakpoints, p, 1.

        A value asked for by a predecessor is passed down unchanged (p' = p) or met at p' = 1; other
        posteriors are tried for it only where the successors' play is not searched further (``last``).
        """
        level = self.solver.levels[k - 1]
        known = {key[1] for key in self.fixed if key[0] == k - 1}
        inner = sorted({t for t in level.points if p < t < 1} | {t for t in known if p < t < 1})
        if want is None:
            return inner + [p, ONE]
        return [p, ONE] + (inner if last else [])

    def search(self, k: int, p: Fraction, x: str, want: Any, depth: int):
        """Local equilibria (r, q, p', VR, VC) at (k, p, x) with their successors' play; VR = want if given."""
        a, b = self.a, self.b
        if p == 0:
            if want in (None, ZERO):
                yield (ONE if x == D else ZERO, ZERO, ZERO, ZERO, ZERO), {}
            return
        afters = [p] if x == D else self.posteriors(k, p, want, depth == 0)
        if x == C:
            needs_c, needs_d = [None, a - 1], [None, -b]
            if want is not None:
                needs_c.insert(0, want - 1)
                needs_d.insert(0, want - b)
        else:
            needs_c, needs_d = [None], [None]
            if want is not None:
                needs_c.insert(0, want - a)
                needs_d.insert(0, want)
        seen = set()
        for after in afters:
            if x == D:
                r = ONE
            else:
                r = ONE if after == p else (ZERO if after == 1 else p * (1 - after) / ((1 - p) * after))
            for need_c in dict.fromkeys(needs_c):
                for (rc, cc), com_c in self.options(k - 1, after, C, need_c, depth):
                    for need_d in dict.fromkeys(needs_d):
                        for (rd, cd), com_d in self.options(k - 1, after, D, need_d, depth):
                            commits = _merge(com_c, com_d)
                            if commits is None:
                                continue
                            self.budget -= 1
                            if self.budget < 0:
                                raise _OutOfBudget
                            for play in self._plays(k, p, x, r, after, (rc, cc, rd, cd), want):
                                sig = (play, tuple(sorted(commits.items())))
                                if sig not in seen:
                                    seen.add(sig)
                                    yield play, commits

    def _plays(self, k: int, p: Fraction, x: str, r: Fraction, after: Fraction, vals: tuple, want: Any) -> list:
        """The local equilibria (r, q, ...) at (k, p, x) with ROW's mixing r fixed and the successors' values."""
        a, b = self.a, self.b
        rc, cc, rd, cd = vals
        if x == C:
            pi = p / after
            gain_col = pi * (1 + cc - a - cd) + (1 - pi) * b
            h1, h0 = 1 + rc - a, b + rd                         # ROW's gain from mimicking when q = 1, 0
        else:
            gain_col = b + cc - cd
            h1, h0 = a + rc - 1, rd - b
        if gain_col > 0:
            qs = [ONE]
        elif gain_col < 0:
            qs = [ZERO]
        else:
            qs = [ONE, ZERO]
            if h1 != h0:
                qs.append(h0 / (h0 - h1))
            if want is not None:
                if x == C and r < 1:
                    qs.append(want / a)
                elif x == C:
                    hi, lo = 1 + rc, b + rd
                    if hi != lo:
                        qs.append((want - lo) / (hi - lo))
                else:
                    hi, lo = a + rc, rd
                    if hi != lo:
                        qs.append((want - lo) / (hi - lo))
        plays = []
        for q in dict.fromkeys(qs):
            if not 0 <= q <= 1:
                continue
            h = q * h1 + (1 - q) * h0
            if (r > 0 and h < 0) or (r < 1 and h > 0):
                continue
            if x == C:
                mimic = q * (1 + rc) + (1 - q) * (b + rd)
                vr = mimic if r > 0 else q * a
                vc = q * (pi * (1 + cc) + (1 - pi) * b) + (1 - q) * (pi * (a + cd))
            else:
                vr = q * (a + rc) + (1 - q) * rd
                vc = q * (b + cc) + (1 - q) * cd
            if want is None or vr == want:
                plays.append((r, q, after, vr, vc))
        return plays


def _merge(first: dict, second: dict) -> Any:
    for key, play in second.items():
        if key in first and first[key] != play:
            return None
    return {**first, **second}
