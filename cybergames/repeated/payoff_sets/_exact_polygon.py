r"""The self-generation operator on polygons in exact rational arithmetic: certificates for a payoff at one delta.

Two players, perfect monitoring, exact payoffs and a rational :math:`\delta`.
The operator is the one of :mod:`~cybergames.repeated.payoff_sets.polygon`,
computed with Fractions: profile :math:`a` with continuation :math:`w` in the
polygon :math:`W` is enforceable iff :math:`w` lies in the quadrant

.. math:: w_i \ge \max\Big(\min_{z \in W} z_i + \tfrac{1 - \delta}{\delta} g_i(a),\;
          \tfrac{m_i - (1 - \delta) u_i(a)}{\delta}\Big), \qquad i = 1, 2,

(the best deviation gain :math:`g_i(a)`, the pure minmax value :math:`m_i`),
and :math:`B(W) = \operatorname{conv} \bigcup_a [(1 - \delta) u(a) + \delta (W \cap Q_a)]`
(Abreu, Pearce & Stacchetti 1990; Abreu & Sannikov 2014, sec. 3). Two finite
certificates follow, with no rounding anywhere:

* **in**: a polygon :math:`Z` with :math:`Z \subseteq B(Z)` (checked vertex by
  vertex) is a set of equilibrium payoffs (APS 1990, Theorem 1); the inner
  sequence :math:`Z_{k+1} = B(Z_k)` from the seed of stage Nash payoffs and
  payoffs sustainable for ever under reversion stays self-generating, and a
  payoff inside some :math:`Z_k` is an equilibrium payoff at :math:`\delta`;
* **out**: the outer sequence :math:`W_{k+1} = B(W_k)` from the feasible set
  cut to the pure minmax vector contains every equilibrium payoff; a payoff
  outside some :math:`W_k` is not one at :math:`\delta`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from .. import _polytopes
from ..game import RepeatedGame


def _fraction(value: Any) -> Fraction:
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    return Fraction(value)


class ExactPolygonOperator:
    """:math:`B` on exact polygons (lists of Fraction pairs, counterclockwise) for one rational delta."""

    def __init__(self, rg: RepeatedGame, delta: Fraction) -> None:
        game = rg.stage
        u = [[[_fraction(x) for x in row] for row in p.tolist()] for p in game.payoffs]
        rows, cols = game.shape
        self.delta = Fraction(delta)
        self.payoffs, self.gains, self.nash = [], [], []
        for r in range(rows):
            for c in range(cols):
                payoff = (u[0][r][c], u[1][r][c])
                gain = (max((u[0][k][c] for k in range(rows) if k != r), default=None),
                        max((u[1][r][k] for k in range(cols) if k != c), default=None))
                gain = tuple(None if g is None else g - v for g, v in zip(gain, payoff))
                self.payoffs.append(payoff)
                self.gains.append(gain)
                self.nash.append(all(g is None or g <= 0 for g in gain))
        self.floor = (min(max(u[0][r][c] for r in range(rows)) for c in range(cols)),
                      min(max(u[1][r][c] for c in range(cols)) for r in range(rows)))

    @staticmethod
    def hull(points: list) -> list:
        """Counterclockwise vertices of the exact convex hull (a point, a segment or a polygon)."""
        return [tuple(v) for v in _polytopes.convex_hull(points, 2, exact=True).vertices] if points else []

    @staticmethod
    def _cut(vertices: list, axis: int, bound: Fraction) -> list:
        """The vertices spanning ``hull(vertices) ∩ {w : w[axis] >= bound}``."""
        if not vertices:
            return []
        normal = (-1, 0) if axis == 0 else (0, -1)
        return _polytopes.clip(_polytopes.convex_hull(vertices, 2, exact=True), normal, -bound, exact=True)

    def apply(self, W: list) -> list:
        """:math:`B(W)` as exact hull vertices (empty when no profile is enforceable on ``W``)."""
        if not W:
            return []
        d = self.delta
        low = (min(w[0] for w in W), min(w[1] for w in W))
        generated = []
        for payoff, gain in zip(self.payoffs, self.gains):
            corner = [(self.floor[i] - (1 - d) * payoff[i]) / d for i in range(2)]
            for i in range(2):
                if gain[i] is not None:
                    corner[i] = max(corner[i], low[i] + (1 - d) / d * gain[i])
            piece = self._cut(self._cut(W, 0, corner[0]), 1, corner[1])
            generated += [tuple((1 - d) * payoff[i] + d * p[i] for i in range(2)) for p in piece]
        return self.hull(generated)

    @staticmethod
    def contains(W: list, point: tuple) -> bool:
        """Whether the exact polygon ``W`` contains ``point`` (boundary included)."""
        if not W:
            return False
        hull = _polytopes.convex_hull(W, 2, exact=True)
        return all(sum(n * x for n, x in zip(normal, point)) <= offset
                   for normal, offset in zip(hull.normals, hull.offsets))

    def box(self) -> list:
        """The feasible set cut to the pure minmax vector: the start of the outer sequence."""
        return self.hull(self._cut(self._cut(self.hull(self.payoffs), 0, self.floor[0]), 1, self.floor[1]))

    def seed(self) -> list:
        """Stage Nash payoffs, then payoffs sustainable for ever under reversion to the worst found, until none is added."""
        d = self.delta
        points = {p for p, nash in zip(self.payoffs, self.nash) if nash}
        while points:
            low = (min(p[0] for p in points), min(p[1] for p in points))
            grown = points | {p for p, g in zip(self.payoffs, self.gains)
                              if all(g[i] is None or p[i] >= (1 - d) * (p[i] + g[i]) + d * low[i] for i in range(2))
                              and p[0] >= self.floor[0] and p[1] >= self.floor[1]}
            if grown == points:
                break
            points = grown
        return self.hull(sorted(points))

    def self_generating(self, Z: list) -> bool:
        """Whether every vertex of ``Z`` lies in :math:`B(Z)`."""
        generated = self.apply(Z)
        return bool(Z) and all(self.contains(generated, z) for z in Z)

    def certify_in(self, point: tuple, steps: int, starts: tuple = ()) -> tuple | None:
        r"""A self-generating polygon containing ``point``, and the steps it took; or None.

        From the seed and from each polygon of ``starts`` (candidates, such as
        a float set with rationalised vertices) that is self-generating, up to
        ``steps`` steps :math:`Z \mapsto B(Z)`.
        """
        for Z in (self.seed(),) + tuple(starts):
            Z = self.hull(list(Z))
            if not Z or not self.self_generating(Z):
                continue
            for k in range(steps + 1):
                if self.contains(Z, point):
                    return Z, k
                Z = self.hull(Z + self.apply(Z))
        return None

    def certify_out(self, point: tuple, steps: int) -> int | None:
        """The first ``k <= steps`` with ``point`` outside the outer :math:`W_k`, or None."""
        W = self.box()
        for k in range(steps + 1):
            if not self.contains(W, point):
                return k
            W = self.apply(W)
        return None
