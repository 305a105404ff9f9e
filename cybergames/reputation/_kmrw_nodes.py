r"""History-dependent play of one KMRW game (internal to :mod:`cybergames.reputation.kmrw_mixed`).

The search of :mod:`cybergames.reputation._kmrw_search` fixes one play per
state :math:`(k, p, x)`. Two histories that reach the same state may need
different continuation values there: one predecessor mixes so that the
rational ROW's value at :math:`(k - 1, p', D)` is :math:`-b`, another needs
another value at the same state to keep its own incentive. No Markov profile
of that search serves both. This module lets them differ.

**Nodes.** A node is a state together with the value of the rational ROW the
predecessor asks of it, :math:`(k, p, x, w)` (``w`` None: any value). Each
node carries its own play :math:`(r, q, p')` and its own two successors
after tit for tat's move, :math:`(k - 1, p', C, w_C)` and
:math:`(k - 1, p', D, w_D)`; after the other move the reputation is 0 and the
successors are the complete-information nodes (value 0). Histories that end
at the same node play alike, histories that end at the same state with
different asked values may not: the profile is a behaviour strategy of the
game tree, given on the nodes (a directed acyclic graph: every history leads
from the first node along its moves to exactly one node).

**Independence.** Beliefs at a node are fixed by its state (Bayes' rule on
the path to it is checked node by node), and the incentives at a node depend
only on the values of its own successors. So a node's play is an equilibrium
of the subgame below it as soon as its successors' are: nodes are solved
once each (memoised, depth first) and never revisited, with no backtracking
across branches.

**Candidates at a node** :math:`(k, p, x, w)`. The posteriors :math:`p'`
after tit for tat's move: for :math:`x = D`, :math:`p` (the rational ROW
defects); for :math:`x = C`, the shared play's posterior, :math:`p` (mimic
for sure), the breakpoints of period :math:`k - 1` above :math:`p`, the roots
of COL's indifference inside their cells, and 1 (reveal). For each, the
values asked of the two successors: none; the values that make the rational
ROW indifferent (:math:`a - 1` after COL's cooperation, :math:`-b` after its
defection); and the values that give the node its asked value ``w``. Values
outside a successor's span (from the shared value functions) are tried after
those inside. With the successors solved, COL's mixing :math:`q` is forced
by the sign of its gain, or, where COL is indifferent, chosen to give the
rational ROW its indifference or the asked value; the local equilibrium is
then checked with the successors' actual values.

*Over value sets.* Given the pieces of :mod:`cybergames.reputation._kmrw_sets`
for the last periods (``pieces``), a node whose successors lie in those
periods tries every pair of successor pieces at its posterior whose
intervals hold the asked values (one per pair of values), instead of
searching below them.

The assembled profile is re-checked (Bayes' rule, successors' states and every
one-shot deviation at every node) before it is returned.
"""

from __future__ import annotations

import bisect
from fractions import Fraction
from typing import Any

from ._kmrw_search import local_plays

ZERO, ONE = Fraction(0), Fraction(1)
C, D = "C", "D"
BUDGET = 40_000         # local games examined in one search
MAX_DEPTH = 300         # periods: the search recurses once per period


class _OutOfBudget(Exception):
    """The search examined BUDGET local games (internal)."""


class NodeSearch:
    """Plays on the nodes (k, p, x, asked value) of one game, solved depth first and memoised."""

    def __init__(self, solver: Any, uncovered: type, budget: int = BUDGET, pieces: Any = None):
        self.solver, self.a, self.b = solver, solver.a, solver.b
        self.pieces = pieces        # value sets (``_kmrw_sets.Pieces``) answering the periods they hold
        self._piece_memo: dict = {}
        self._piece_lines: dict = {}    # piece node -> COL's value the piece claims there
        self._piece_starts: dict = {}
        self.uncovered = uncovered
        self.budget = budget
        self.plays: dict = {}       # node -> (r, q, p', VR, VC, node after (move, C), node after (move, D))
        self.failed: set = set()

    # -- the shared value functions, as a guide
    def _shared(self, k: int, p: Fraction, y: str) -> Any:
        """((VR, VC), (lo, hi)) of the shared value functions at (k, p, y), or None where uncovered."""
        if k == 0 or p == 0:
            return (ZERO, ZERO), (ZERO, ZERO)
        level = self.solver.levels[k]
        try:
            return level.value(p, y), level.span(p, y)
        except self.uncovered:
            return None

    def solve(self, k: int, p: Fraction, x: str, want: Any = None) -> Any:
        """The node (k, p, x, want) with a play fixed below it, or None if the search finds none."""
        node = (k, p, x, want)
        if node in self.plays:
            return node
        if node in self.failed:
            return None
        if p == 0:
            if want not in (None, ZERO):
                self.failed.add(node)
                return None
            self.plays[node] = (ONE if x == D else ZERO, ZERO, ZERO, ZERO, ZERO, None, None)
            return node
        for after, want_c, want_d in self._candidates(k, p, x, want):
            self.budget -= 1
            if self.budget < 0:
                raise _OutOfBudget
            if x == D:
                rs = [ONE]
            elif p == 1:                                    # no belief moves: mimic or not, as it pays
                rs = [ONE, ZERO]
            else:
                rs = [ONE if after == p else (ZERO if after == 1 else p * (1 - after) / ((1 - p) * after))]
            for child_c, child_d in self._children(k, after, want_c, want_d):
                if k == 1:
                    vals = (ZERO, ZERO, ZERO, ZERO)
                else:
                    vals = self._values(child_c) + self._values(child_d)
                for r in rs:
                    for play in local_plays(self.a, self.b, p, x, r, after, vals, want):
                        self.plays[node] = play + (child_c, child_d)
                        return node
        self.failed.add(node)
        return None

    def play(self, node: tuple) -> tuple:
        """The play at a node of this search or of the value sets below it."""
        found = self.plays.get(node)
        if found is None:
            found = self.pieces.plays.get(node)
        if found is None:                                   # a piece's node: realised when first read
            found = self.pieces.plays[self.pieces.node(*node)]
        return found

    def _values(self, node: tuple) -> tuple:
        """(VR, VC) at a node: this search's, or a piece's claim (w, s p + i) without realising it."""
        found = self.plays.get(node)
        if found is not None:
            return found[3:5]
        return node[4], self._piece_lines[node]

    def _children(self, k: int, after: Fraction, want_c: Any, want_d: Any):
        """The successor nodes (after C, after D) to try: this search's, or every matching pair of pieces."""
        if k == 1:
            yield None, None
            return
        if self.pieces is None or k - 1 >= len(self.pieces.levels) or after == 0:
            child_c = self.solve(k - 1, after, C, want_c)
            if child_c is None:
                return
            child_d = self.solve(k - 1, after, D, want_d)
            if child_d is None:
                return
            yield child_c, child_d
            return
        options = {y: self._piece_nodes(k - 1, after, y, want) for y, want in ((C, want_c), (D, want_d))}
        for child_c in options[C]:
            for child_d in options[D]:
                self.budget -= 1
                if self.budget < 0:
                    raise _OutOfBudget
                yield child_c, child_d

    def _piece_nodes(self, k: int, p: Fraction, y: str, want: Any) -> list:
        """Nodes of the value sets at (k, p, y) with ROW's value ``want`` (None: its least), one per pair of values."""
        key = (k, p, y, want)
        found = self._piece_memo.get(key)
        if found is not None:
            return found
        found, seen = [], set()
        level = self.pieces.levels[k][y]
        starts = self._piece_starts.get((k, y))
        if starts is None:
            starts = self._piece_starts[(k, y)] = [piece[0] for piece in level]
        for index in range(bisect.bisect_right(starts, p)):     # (the pieces are sorted by their reputations)
            lo, hi, ell, h = level[index][:4]
            if not (p == lo if lo == hi else lo < p < hi):
                continue
            w = ell if want is None else want
            if not ell <= w <= h:
                continue
            node = (k, p, y, index, w)
            self._piece_lines[node] = level[index][4] * p + level[index][5]
            vals = (w, self._piece_lines[node])
            if vals not in seen:
                seen.add(vals)
                found.append(node)
        self._piece_memo[key] = found
        return found

    # -- candidates
    def _candidates(self, k: int, p: Fraction, x: str, want: Any):
        """(p', value asked after COL's C, value asked after COL's D), the likeliest first."""
        a, b = self.a, self.b
        if k == 1:                                          # the last period: no successors
            yield (p if x == D or p == 1 else ONE), None, None
            return
        seen = set()
        later = []
        for after in self._posteriors(k, p, x):
            shared = (self._shared(k - 1, after, C), self._shared(k - 1, after, D))
            mix = x == C and p < after < 1
            for w_c, w_d in self._asked(p, x, after, mix, want, shared):
                item = (after, w_c, w_d)
                if item in seen:
                    continue
                seen.add(item)
                inside = all(w is None or s is None or s[1][0] <= w <= s[1][1] for w, s in zip((w_c, w_d), shared))
                if inside:
                    yield item
                else:
                    later.append(item)
        yield from later

    def _posteriors(self, k: int, p: Fraction, x: str) -> list:
        if x == D or p == 1:
            return [p]
        out = []
        try:
            out.append(self.solver.local(k, p, x)[2])
        except self.uncovered:
            pass
        level = self.solver.levels[k - 1]
        inner = [t for t in level.points if p < t < 1]
        out += [p] + inner + self._cell_roots(k, p) + [ONE]
        return list(dict.fromkeys(out))

    def _cell_roots(self, k: int, p: Fraction) -> list:
        """Posteriors p' inside the cells of period k - 1 at which COL is indifferent (its gain is linear there)."""
        a, b = self.a, self.b
        fn = self.solver.levels[k - 1]
        roots = []
        for i in range(len(fn.points) - 1):
            lo, hi = fn.points[i], fn.points[i + 1]
            if hi <= p or fn.cells[(i, C)] is None or fn.cells[(i, D)] is None:
                continue
            (_, sc, ic), (_, sd, id_) = fn.cells[(i, C)], fn.cells[(i, D)]
            alpha, beta = 1 - a + ic - id_, sc - sd
            if p * beta + b != 0:
                target = -p * (alpha - b) / (p * beta + b)
                if max(lo, p) < target < hi:
                    roots.append(target)
        return roots

    def _asked(self, p: Fraction, x: str, after: Fraction, mix: bool, want: Any, shared: tuple) -> list:
        """Pairs of values asked of the successors after COL's C and D (None: any)."""
        a, b = self.a, self.b
        pairs = [(None, None)]
        if x == D:
            if want is not None:
                pairs += [(want - a, None), (None, want)]
            return pairs
        if mix:                                             # the rational ROW must be indifferent
            pairs += [(a - 1, None), (None, -b), (a - 1, -b)]
        if want is not None:
            if mix or after == 1:                           # worth q a: q = want / a
                q = want / a
                if 0 < q < 1 and mix:
                    # indifference q (1 + V_C - a) + (1 - q)(b + V_D) = 0: one value kept, the other asked
                    if shared[0] is not None:
                        pairs.append((None, -b - q * (1 + shared[0][0][0] - a) / (1 - q)))
                    if shared[1] is not None:
                        pairs.append((a - 1 - (1 - q) * (b + shared[1][0][0]) / q, None))
            else:                                           # mimic for sure: worth 1 + VR_C or b + VR_D
                pairs += [(want - 1, None), (None, want - b), (want - 1, want - b)]
        return pairs
