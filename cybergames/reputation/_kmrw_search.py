r"""The states of one KMRW game, solved from the start (internal to :mod:`cybergames.reputation.kmrw_mixed`).

The value functions of ``cybergames.reputation._kmrw_values._Solver`` give,
for every reputation :math:`p`, one local equilibrium per state
:math:`(k, p, x)` and, at the breakpoints, the *span* of the rational ROW's
values that COL's mixing (where COL is indifferent) or the successors' spans
reach with COL's value unchanged. A play of the shared functions may assume a
value inside a successor's span (the rational ROW, mixing towards
:math:`p'`, needs :math:`V^R_{k-1}(p', C) = a - 1` after COL cooperated, or
:math:`V^R_{k-1}(p', D) = -b` after COL defected); that value is *realised*
here by fixing COL's mixing there, or the successors' values in turn. Two
states one game reaches may need different values at a state both lead to
(the profile depends on the state :math:`(k, p, x)` only), so the states are
solved from the first period down with backtracking: each state's candidate
plays are the shared play, the shared play with its assumed values realised,
and a search over the posteriors the rational ROW can mix to (the
breakpoints of period :math:`k - 1`, the posteriors already fixed in this
game, :math:`p` itself and 1) together with the successors' play that gives
the rational ROW the value its indifference needs. Whatever it fixes is
re-checked by :func:`cybergames.verify` on the whole profile before it is
returned. Where this search stops, :mod:`cybergames.reputation._kmrw_nodes`
lets the play depend on the history (nodes keyed by the state and the value
asked of it).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

ZERO, ONE = Fraction(0), Fraction(1)
C, D = "C", "D"
BUDGET = 6_000          # local games examined per state, over every search depth
FIRST_BUDGET = 300      # a first, short try (the cases this search closes take a few dozen at most)


_END = object()


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

    # -- solving every state one game reaches, with backtracking
    def solve_all(self, periods: int, prior: Fraction, budget: int = BUDGET) -> None:
        """Fix a local equilibrium at every state reachable from (periods, prior, C), or raise ``uncovered``.

        The states are taken from the first period down; each has a list of candidate plays (the
        shared play, the shared play with the successors' values it assumes realised, then, the
        first time the state is met, the search over posteriors and successors' play). A state
        whose candidates all fail sends the search back to the last choice made above it (within a
        budget of ``budget`` local games in all, over the whole game).
        """
        self.fixed = {}
        self.budget = budget
        self.failed = None
        self.searched: set = set()
        try:
            if self._assign((periods, prior, C)):
                return
        except _OutOfBudget:
            pass
        where = self.failed or (periods, prior, C)
        raise self.uncovered(f"no local equilibrium found at k={where[0]}, p={where[1]}, x={where[2]} "
                             f"(a={self.a}, b={self.b}), searching the successors' play and going back "
                             "to earlier choices")

    def _assign(self, start: tuple) -> bool:
        """Depth-first over the candidates of the states in order (an explicit stack: no recursion limit)."""
        pending, done, stack = {start}, frozenset(), []
        while True:
            while pending:
                key = max(pending)
                rest = pending - {key}
                if key in self.fixed:                           # fixed while realising a predecessor's value
                    done = done | {key}
                    pending = rest | (self._successors(key) - done)
                    continue
                choices = self.candidates(*key)
                if next(choices, _END) is _END:
                    self._note_failure(key)
                    break
                stack.append((key, choices, rest, done))
                done = done | {key}
                pending = rest | (self._successors(key) - done)
            else:
                return True
            while stack:                                        # back to the last choice with another candidate
                key, choices, rest, before = stack[-1]
                if next(choices, _END) is not _END:
                    done = before | {key}
                    pending = rest | (self._successors(key) - done)
                    break
                stack.pop()
                self._note_failure(key)
            else:
                return False

    def _note_failure(self, key: tuple) -> None:
        if self.failed is None or key[0] < self.failed[0]:
            self.failed = key

    def _successors(self, key: tuple) -> set:
        k, p, x = key
        if k <= 1:
            return set()
        after = self.fixed[key][2] if p else ZERO
        return {(k - 1, after, C), (k - 1, after, D), (k - 1, ZERO, C), (k - 1, ZERO, D)}

    def candidates(self, k: int, p: Fraction, x: str):
        """Fix each candidate play at (k, p, x) in turn (with the successors' play it needs); undo between."""
        key = (k, p, x)
        try:
            found = self.solver.local(k, p, x, val=lambda pp, y: self.value(k - 1, pp, y))
            if self.local_values(k, p, x, found[0], found[1], found[2]) is None:
                found = None
        except self.uncovered:
            found = None
        if found is not None:
            self.fixed[key] = found
            if self._predecessors_hold(key):
                yield
            del self.fixed[key]
        yield from self.realize(k, p, x, None)
        if key in self.searched:                                # searched once already: not again
            return
        self.searched.add(key)
        for depth in range(1, k):                               # shallow changes first
            for play, commits in self.search(k, p, x, None, depth):
                saved = dict(self.fixed)
                if self.commit(commits):
                    self.fixed[key] = play
                    if self._predecessors_hold(key):
                        yield
                self.fixed = saved

    # -- realising a value inside a state's span
    def realize(self, k: int, p: Fraction, x: str, want: Any):
        """Fix the play at (k, p, x) and below so that the rational ROW's value there is ``want``; each way in turn.

        ``want`` None: the shared play, with the successors' values it assumes (inside their spans)
        realised in turn. Otherwise the shared play's r and p', with COL's mixing (where it is
        indifferent) or the successors' values moved so that the value is ``want``; COL's value is
        unchanged either way. A generator: the play is fixed while it is suspended, undone when resumed.
        """
        if k == 0 or p == 0:
            if want is None or want == 0:
                yield
            return
        key = (k, p, x)
        if key in self.fixed:
            if want is None or self.fixed[key][3] == want:
                yield
            return
        self.budget -= 1
        if self.budget < 0:
            raise _OutOfBudget
        a, b = self.a, self.b
        try:
            r, q, after, vr, vc = self.solver.local(k, p, x, val=lambda pp, y: self.value(k - 1, pp, y),
                                                    span=lambda pp, y: self.span(k - 1, pp, y))
        except self.uncovered:
            return
        post = p if x == D else after
        shared = []
        if x == C and 0 < r < 1 and q in (0, 1):            # pure COL: the target gives the indifference
            shared = [(C, a - 1)] if q == 1 else [(D, -b)]
        if want is None:
            want, choices = vr, [(q, shared)]
        else:
            choices = self._adjustments(k, p, x, r, q, post, want)
        for qq, needs in choices:
            yield from self._realize_needs(key, r, qq, after, post, needs, want)

    def _realize_needs(self, key: tuple, r: Fraction, q: Fraction, after: Fraction, post: Fraction,
                       needs: list, want: Fraction):
        k, p, x = key
        if needs:
            (y, need), rest = needs[0], needs[1:]
            for _ in self.realize(k - 1, post, y, need):
                yield from self._realize_needs(key, r, q, after, post, rest, want)
            return
        if key in self.fixed:
            return
        got = self.local_values(k, p, x, r, q, after)
        if got is None or got[0] != want:
            return
        self.fixed[key] = (r, q, after, got[0], got[1])
        if self._predecessors_hold(key):
            yield
        del self.fixed[key]

    def _predecessors_hold(self, key: tuple) -> bool:
        """Whether the fixed states of period k + 1 that lead to ``key`` are still local equilibria.

        They were checked with the value functions' values at ``key`` (it was not fixed then); nothing
        to re-check when the play just fixed there has those values, or at reputation 0 (value 0).
        """
        k, p, x = key
        if p == 0 or k >= len(self.solver.levels):             # (the first period has no predecessor)
            return True
        try:
            if self.solver.levels[k].value(p, x) == self.fixed[key][3:]:
                return True
        except self.uncovered:
            pass
        for (kk, pp, xx), play in list(self.fixed.items()):
            if kk == k + 1 and (play[2] == p or (xx == D and pp == p)):
                got = self.local_values(kk, pp, xx, play[0], play[1], play[2])
                if got is None or got != (play[3], play[4]):
                    return False
        return True

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
            elif 0 < r and mix in (0, 1):
                out.append((mix, [(C, a - 1)] if mix == 1 else [(D, -b)]))
        return [(qq, needs) for qq, needs in out if 0 <= qq <= 1]

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
        return local_plays(self.a, self.b, p, x, r, after, vals, want)


def local_plays(a: Fraction, b: Fraction, p: Fraction, x: str, r: Fraction, after: Fraction, vals: tuple,
                want: Any) -> list:
    """The local equilibria (r, q, p', VR, VC) at a state with ROW's mixing r and the successors' values fixed.

    ``vals`` = (VR, VC) after (tit for tat's move, COL's C) and after (its move, COL's D); after the other
    move the continuation values are 0. COL's mixing q is forced by the sign of its gain; where COL is
    indifferent, q is 1, 0, the q that makes the rational ROW indifferent, or the q that gives it ``want``.
    """
    rc, cc, rd, cd = vals
    if x == C:
        pi = p / after
        gain_col = pi * (1 + cc - a - cd) + (1 - pi) * b
        h1, h0 = 1 + rc - a, b + rd                         # ROW's gain from mimicking when q = 1, 0
        hi, lo = 1 + rc, b + rd                             # its value from mimicking when q = 1, 0
    else:
        gain_col = b + cc - cd
        h1, h0 = a + rc - 1, rd - b
        hi, lo = a + rc, rd
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
            elif hi != lo:
                qs.append((want - lo) / (hi - lo))
    plays = []
    for q in dict.fromkeys(qs):
        if not 0 <= q <= 1:
            continue
        h = q * h1 + (1 - q) * h0
        if (r > 0 and h < 0) or (r < 1 and h > 0):
            continue
        if x == C:
            vr = q * hi + (1 - q) * lo if r > 0 else q * a
            vc = q * (pi * (1 + cc) + (1 - pi) * b) + (1 - q) * (pi * (a + cd))
        else:
            vr = q * hi + (1 - q) * lo
            vc = q * (b + cc) + (1 - q) * cd
        if want is None or vr == want:
            plays.append((r, q, after, vr, vc))
    return plays


def _merge(first: dict, second: dict) -> Any:
    for key, play in second.items():
        if key in first and first[key] != play:
            return None
    return {**first, **second}
