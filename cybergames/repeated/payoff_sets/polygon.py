r"""The self-generation operator on polygons, exactly, under perfect monitoring.

Under perfect monitoring a deviation is seen, so the continuation after it can
be the deviator's worst payoff in the candidate set :math:`W`,
:math:`\underline w_i = \min_{w \in W} w_i`. Profile :math:`a` with
continuation :math:`w \in W` is then enforceable iff for each player

.. math::
    (1 - \delta) u_i(a) + \delta w_i \ge (1 - \delta) \max_{a_i' \ne a_i} u_i(a_i', a_{-i})
    + \delta \underline w_i
    \iff w_i \ge \underline w_i + \tfrac{1 - \delta}{\delta} g_i(a),

so the payoffs it generates are :math:`(1 - \delta) u(a) + \delta (W \cap Q_a)`
with :math:`Q_a` a quadrant, and with public randomisation

.. math:: B(W) = \operatorname{conv} \bigcup_a \big[(1 - \delta) u(a) + \delta (W \cap Q_a)\big]

(Abreu, Pearce & Stacchetti 1990; Abreu & Sannikov 2014, sec. 3). For a
polygon :math:`W`, :math:`W \cap Q_a` is a polygon whose vertices are the
vertices of :math:`W` inside :math:`Q_a`, the crossings of the edges of
:math:`W` with the two sides of the quadrant, and the quadrant's corner when
it lies in :math:`W`: :func:`apply` computes :math:`B(W)` from these points,
for all profiles at once. Every equilibrium payoff is at least the pure minmax
vector :math:`m`, so each generated piece is also cut to :math:`v \ge m`
(which leaves the largest fixed point, the equilibrium set, unchanged).

A ``margin`` :math:`\varepsilon > 0` tightens every incentive constraint
(:math:`w_i \ge \dots + \varepsilon`); the largest fixed point of the tightened
operator is self-generating for the true one, which is how inner
approximations of full-dimensional sets are found.
"""

from __future__ import annotations

import numpy as np

from .. import _polytopes
from .._polytopes import EMPTY2
from . import _planar
from ._planar import hull2
from .stage import Stage


class PolygonOperator:
    r""":math:`B` (and its tightened version) for one stage game and discount factor, on float polygons.

    The profile-dependent constants are computed once: :math:`(1 - \delta) u(a)`,
    the incentive offsets :math:`\tfrac{1 - \delta}{\delta} g_i(a)` and the floor
    corners :math:`(m - (1 - \delta) u(a)) / \delta`.
    """

    def __init__(self, stage: Stage, delta: float) -> None:
        self.stage, self.delta = stage, delta
        self.base = (1 - delta) * stage.payoffs
        self.allowance = 1e-12 * stage.scale / max(delta, 1e-300)
        if delta > 0:
            finite = np.isfinite(stage.gains)
            self.offset = np.full(stage.gains.shape, -np.inf)
            self.offset[finite] = (1 - delta) / delta * stage.gains[finite]
            self.floor = (stage.floor - self.base) / delta

    def corners(self, W: np.ndarray, margin: float = 0.0) -> np.ndarray:
        """The corner of each profile's quadrant :math:`Q_a` (rows: profiles), floor cut included.

        A tightening ``margin`` raises both the incentive and the floor constraints.
        Moved out by a rounding allowance (:math:`10^{-12}` of the payoff scale), so
        that a constraint that holds with equality is not lost to rounding.
        """
        return np.maximum(W.min(axis=0) + self.offset + margin, self.floor + margin) - self.allowance

    def pieces(self, W: np.ndarray, margin: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
        r"""Points spanning each :math:`W \cap Q_a`, and the profile each belongs to."""
        n = len(W)
        if n == 0:
            return EMPTY2, np.zeros(0, dtype=int)
        corner = self.corners(W, margin)
        signed = W[None, :, :] - corner[:, None, :]                  # (profiles, vertices, 2)
        above = signed >= 0
        owner, index = np.nonzero(above[..., 0] & above[..., 1])
        points, owners = [W[index]], [owner]
        if n >= 2:
            following = np.empty_like(signed)
            following[:, :-1], following[:, -1] = signed[:, 1:], signed[:, 0]
            step = following - signed
            crossing = (above != (following >= 0)) & (step != 0)    # edge j crosses x_k = corner_k
            owner, index, k = np.nonzero(crossing)
            if len(owner):
                t = -signed[owner, index, k] / step[owner, index, k]
                start = W[index]
                edge = W[(index + 1) % n] - start
                found = start + t[:, None] * edge
                found[np.arange(len(k)), k] = corner[owner, k]
                other = 1 - k
                keep = found[np.arange(len(k)), other] >= corner[owner, other]
                points.append(found[keep])
                owners.append(owner[keep])
        if n >= 3:
            edge = np.empty_like(W)
            edge[:-1], edge[-1] = W[1:] - W[:-1], W[0] - W[-1]
            rel = corner[:, None, :] - W[None, :, :]
            side = edge[None, :, 0] * rel[..., 1] - edge[None, :, 1] * rel[..., 0]
            owner = np.nonzero((side >= 0).all(axis=1))[0]
            if len(owner):
                points.append(corner[owner])
                owners.append(owner)
        return np.concatenate(points), np.concatenate(owners)

    def generated(self, W: np.ndarray, margin: float = 0.0) -> np.ndarray:
        """Points whose convex hull is :math:`B(W)` (or its tightened version)."""
        if self.delta == 0:
            return self.stage.payoffs[self.stage.nash]
        compiled = _planar.kernel("generated") if len(W) else None
        if compiled is not None:
            return compiled(np.ascontiguousarray(W, dtype=float), self.corners(W, margin), self.base, self.delta)
        points, owners = self.pieces(W, margin)
        return self.base[owners] + self.delta * points

    def apply(self, W: np.ndarray, margin: float = 0.0) -> np.ndarray:
        """:math:`B(W)` (or its tightened version) for a float polygon ``W``, as hull vertices."""
        return hull2(self.generated(W, margin))

    def stationary(self, Z: np.ndarray) -> np.ndarray:
        r"""Payoffs :math:`u(a)` sustained by playing :math:`a` forever, punished within ``Z``.

        :math:`u(a)` is generated by :math:`a` with continuation :math:`u(a)` itself
        iff :math:`u_i(a) \ge (1 - \delta) \max_{a_i'} u_i(a_i', a_{-i}) + \delta
        \min_{z \in Z} z_i` for both players; adding such points to a
        self-generating ``Z`` keeps it self-generating.
        """
        stage = self.stage
        if len(Z) == 0:
            return EMPTY2
        low = Z.min(axis=0)
        with np.errstate(invalid="ignore"):
            slack = stage.payoffs - ((1 - self.delta) * (stage.payoffs + stage.gains) + self.delta * low)
        ok = (slack >= -1e-12 * stage.scale).all(axis=1) & (stage.payoffs >= stage.floor).all(axis=1)
        return stage.payoffs[ok]

    def seed(self) -> np.ndarray:
        """A self-generating start for the inner approximation.

        The stage Nash payoffs (each repeated forever), then every profile that
        is sustainable forever under reversion to the worst of the payoffs found
        so far, until no profile is added.
        """
        points = self.stage.payoffs[self.stage.nash]
        while len(points):
            grown = np.unique(np.vstack([points, self.stationary(hull2(points))]), axis=0)
            if len(grown) == len(points):
                break
            points = grown
        return hull2(points) if len(points) else EMPTY2

    def certify(self, Z: np.ndarray, tol: float) -> bool:
        """Whether every vertex of ``Z`` lies in :math:`B(Z)` (within ``tol``): ``Z`` is self-generating."""
        if len(Z) == 0:
            return True
        return bool(_polytopes.contains2(self.apply(Z), Z, tol).all())

    def grow(self, Z: np.ndarray) -> np.ndarray:
        """One step up from a self-generating ``Z``: the hull of ``Z``, :math:`B(Z)` and stationary points."""
        if len(Z) == 0:
            return Z
        return hull2(np.vstack([Z, self.generated(Z), self.stationary(Z)]))


class PolygonEngine:
    """The operations :func:`~cybergames.repeated.payoff_sets.result._iterate` needs, on float polygons."""

    max_restarts = 6
    patience = 400                   # iterations without a 0.1% better gap before stopping
    tight_budget = 400               # iterations a tightened sequence gets to be certified

    def __init__(self, stage: Stage, delta: float) -> None:
        self.stage, self.delta = stage, delta
        self.operator = PolygonOperator(stage, delta)
        self.stall_ratio = (1 - delta) / 4
        self.rounding = 1e-9 * stage.scale

    def initial_outer(self) -> np.ndarray:
        if self.delta == 0:
            return self.operator.apply(EMPTY2)
        box = _polytopes.clip_box2(hull2(self.stage.payoffs), self.stage.floor)
        # with the stage Nash payoffs, which the float hull can drop as nearly collinear (1e-176 beside 0
        # on the floor): every one is an equilibrium payoff, and the outer set starts with them
        nash = self.stage.payoffs[self.stage.nash]
        return hull2(np.vstack([box, nash])) if len(nash) and not _polytopes.contains2(box, nash, 0.0).all() \
            else box

    def outer_step(self, W: np.ndarray, inner: np.ndarray) -> np.ndarray:
        return self.operator.apply(W)

    def seed(self) -> np.ndarray:
        return self.operator.seed()

    def grow(self, Z: np.ndarray) -> np.ndarray:
        return self.operator.grow(Z)

    def initial_margin(self, tol: float) -> float:
        return tol * (1 - self.delta) / 2

    def tight_step(self, T: np.ndarray, margin: float) -> np.ndarray:
        return self.operator.apply(T, margin)

    def certify(self, T: np.ndarray) -> bool:
        return self.operator.certify(T, self.rounding)

    def join(self, Z: np.ndarray, T: np.ndarray) -> np.ndarray:
        return hull2(np.vstack([Z, T]))
