r"""Judd, Yeltekin & Conklin's hyperplane method, for any finite public monitoring.

For a polygon :math:`W = \{w : N w \le c\}`, a profile :math:`a` and a
direction :math:`h`, the linear program

.. math::
    \max_{w(y)} \; h \cdot \Big[(1 - \delta) u(a) + \delta \sum_y p(y \mid a) w(y)\Big]
    \quad\text{s.t.}\quad N w(y) \le c \;\; \forall y, \qquad
    \delta \sum_y \big(p(y \mid a_i', a_{-i}) - p(y \mid a)\big) w_i(y)
    \le (1 - \delta)\big(u_i(a) - u_i(a_i', a_{-i})\big) \;\; \forall i, a_i'

gives the support of the payoffs :math:`a` generates from :math:`W` in direction
:math:`h`, and its solution a generated point (Judd, Yeltekin & Conklin 2003,
sec. 3). The maximum over profiles is the support of :math:`B(W)`.

* **outer**: :math:`W \cap \{x : h_l \cdot x \le \max_a \sigma_a(h_l)\}` over the
  directions contains :math:`B(W)`, hence every equilibrium payoff if
  :math:`W` does. The directions are a fixed, evenly spread set plus the edge
  normals of the current inner polygon (so that the outer polygon can hug the
  edges the inner one has found); one linear program per profile and
  iteration solves all directions at once (a block-diagonal program).
* **inner**: the generated points are in :math:`B(W)`; their hull together with
  a self-generating :math:`W` is self-generating. Tightened sets are certified
  vertex by vertex with :mod:`~cybergames.repeated.payoff_sets.verify`.

Signals that neither :math:`a` nor a one-shot deviation from it can produce are
dropped from its program, and every equilibrium payoff is at least the pure
minmax vector, which cuts the generated payoffs as under perfect monitoring.
"""

from __future__ import annotations


import numpy as np

from .. import _polytopes
from .._polytopes import EMPTY2, hull2
from ._hulls import outer_box
from .stage import Stage
from .verify import relevant_signals, residuals


def fixed_directions(count: int) -> np.ndarray:
    """``count`` unit vectors at equal angles, starting at (1, 0)."""
    angles = 2 * np.pi * np.arange(count) / count
    return np.column_stack([np.cos(angles), np.sin(angles)])


class HyperplaneOperator:
    r"""Support values and generated points of :math:`B(W)` by linear programming.

    Continuations are written as convex combinations of the vertices of
    :math:`W`, :math:`w(y) = \sum_j \lambda_{yj} V_j`, which keeps each program
    small: one equation per signal and one row per incentive constraint.
    """

    def __init__(self, stage: Stage, delta: float) -> None:
        self.stage, self.delta = stage, delta
        self.allowance = 1e-12 * stage.scale
        self.blocks = []
        for a in range(stage.size):
            signals = relevant_signals(stage, a)
            probability = stage.signals[a, signals]
            weights, rhs = [], []                      # rows: coefficient of w_i(y) per signal
            players = []
            for i, b in stage.deviations[a]:
                weights.append(delta * (stage.signals[b, signals] - probability))
                rhs.append((1 - delta) * (stage.payoffs[a, i] - stage.payoffs[b, i]))
                players.append(i)
            for i in range(2):                                           # the pure-minmax floor
                weights.append(-delta * probability)
                rhs.append((1 - delta) * stage.payoffs[a, i] - stage.floor[i])
                players.append(i)
            self.blocks.append((len(signals), probability, np.array(weights).reshape(-1, len(signals)),
                                np.array(rhs), np.array(players, dtype=int), len(stage.deviations[a])))

    def supports(self, W: np.ndarray, directions: np.ndarray, margin: float = 0.0):
        """Support values (profiles x directions) and generated points.

        A value is ``-inf`` where the profile is not enforceable and ``inf`` where
        its program failed numerically (so that the outer set is not cut by it).
        """
        from scipy.optimize import linprog
        from scipy.sparse import csr_matrix, identity, kron

        stage, delta = self.stage, self.delta
        count = len(directions)
        values = np.full((stage.size, count), -np.inf)
        points = np.zeros((stage.size, count, 2))
        if len(W) == 0:
            return values, points
        if delta == 0:
            for a in np.nonzero(stage.nash)[0]:
                points[a] = stage.payoffs[a]
                values[a] = directions @ stage.payoffs[a]
            return values, points
        nv = len(W)
        heights = directions @ W.T                                      # (directions, vertices)
        for a, (m, probability, weights, rhs, players, deviations) in enumerate(self.blocks):
            # tightened by a margin (incentives and floor); loosened by a rounding allowance of
            # 1e-12 of the payoff scale, so that a constraint holding with equality (a stage Nash
            # payoff at its own floor) is not lost to the last bit of a generated point
            rhs = rhs + (self.allowance - delta * margin)
            # block columns: lambda[y, j] at y * nv + j
            block_ub = np.einsum("ry,rj->ryj", weights, W[:, players].T).reshape(len(rhs), m * nv)
            block_eq = np.kron(np.eye(m), np.ones((1, nv)))
            a_ub = kron(identity(count, format="csr"), csr_matrix(block_ub), format="csr")
            a_eq = kron(identity(count, format="csr"), csr_matrix(block_eq), format="csr")
            cost = -(heights[:, None, :] * probability[None, :, None]).reshape(-1)
            result = linprog(cost, A_ub=a_ub, b_ub=np.tile(rhs, count), A_eq=a_eq, b_eq=np.ones(count * m),
                             bounds=(0, None), method="highs")
            if result.status == 2:
                continue                                     # infeasible: a is not enforceable
            if result.status != 0:                           # pragma: no cover - numerical trouble:
                values[a] = np.inf                           # no cut from a, no point from it
                continue
            weights_l = result.x.reshape(count, m, nv)
            expected = np.einsum("y,lyj,jk->lk", probability, weights_l, W)
            generated = (1 - delta) * stage.payoffs[a] + delta * expected
            points[a] = generated
            bound = _dual_bound(result, cost, a_ub, a_eq, np.tile(rhs, count), count, m, nv)
            values[a] = (1 - delta) * (directions @ stage.payoffs[a]) + delta * bound
            values[a] = np.maximum(values[a], (directions * generated).sum(axis=1))
        return values, points


def _dual_bound(result, cost, a_ub, a_eq, b_ub, count, m, nv) -> np.ndarray:
    r"""Upper bounds of each direction's maximum :math:`-\text{cost} \cdot \lambda`, by weak duality.

    The solver stops when the reduced costs are within its tolerance (about
    :math:`10^{-7}`) of optimal; where the polygon :math:`W` is thinner than
    that (a set shrinking to a point), the point it returns can lie below the
    true support by more than the rounding the outer cuts allow, and an
    equilibrium payoff would be cut away. Any multipliers :math:`y_{ub} \le 0`,
    :math:`y_{eq}` bound the minimum: with the reduced costs
    :math:`r = \text{cost} - A_{ub}^T y_{ub} - A_{eq}^T y_{eq}`, every feasible
    :math:`\lambda \ge 0` (weights summing to one per signal) has
    :math:`\text{cost} \cdot \lambda \ge y_{ub} \cdot b_{ub} + \sum y_{eq} +
    \sum_{y} \min(0, \min_j r_{yj})`. The solver's multipliers, clipped to
    :math:`y_{ub} \le 0`, give a bound that holds whatever its tolerances.
    """
    y_ub = np.minimum(result.ineqlin.marginals, 0.0)
    y_eq = result.eqlin.marginals
    reduced = cost - a_ub.T @ y_ub - a_eq.T @ y_eq
    slack = np.minimum(reduced.reshape(count, m, nv).min(axis=2), 0.0).sum(axis=1)
    lower = (y_ub * b_ub).reshape(count, -1).sum(axis=1) + y_eq.reshape(count, m).sum(axis=1) + slack
    return -lower


def trigger_seed(stage: Stage, delta: float, rounds: int = 2) -> np.ndarray:
    r"""Payoffs of trigger profiles on public signals: a self-generating start for the inner set.

    Play :math:`a` until a signal in a set :math:`S` occurs, then move to a
    payoff :math:`n` already known to be an equilibrium payoff (a stage Nash
    payoff first, then the payoffs found). Its value solves
    :math:`v = (1 - \delta) u(a) + \delta (P_{\bar S}(a) v + P_S(a) n)`; it is kept
    when no one-shot deviation pays. Every kept point is generated by the hull of
    the kept points and the Nash payoffs, so that hull is self-generating.
    r"""
    points = stage.payoffs[stage.nash]
    if len(points) == 0 or delta == 0:
        return points
    signals = stage.signals.shape[1]
    subsets = np.array([[(mask >> y) & 1 for y in range(signals)] for mask in range(1 << min(signals, 10))],
                       dtype=float)                                   # rows: indicator of S
    for _ in range(rounds):
        found = [points]
        for n in points:
            bad = stage.signals @ subsets.T                            # (profiles, subsets): P_S(a)
            good = 1 - bad
            value = ((1 - delta) * stage.payoffs[:, None, :] + delta * bad[..., None] * n) \
                / (1 - delta * good)[..., None]                        # (profiles, subsets, 2)
            ok = np.ones(bad.shape, dtype=bool)
            for a in range(stage.size):
                for i, b in stage.deviations[a]:
                    deviation = (1 - delta) * stage.payoffs[b, i] + delta * (good[b] * value[a, :, i] + bad[b] * n[i])
                    ok[a] &= deviation <= value[a, :, i] + 1e-12 * stage.scale
            found.append(value[ok])
        grown = np.unique(np.vstack(found).round(12), axis=0)
        if len(grown) == len(points):
            break
        points = grown
    return points


def clip_halfplanes2(W: np.ndarray, normals: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The float polygon ``W`` cut by every halfplane ``normals[l] . x <= offsets[l]``."""
    result = W
    for normal, offset in zip(normals, offsets):
        if len(result) == 0:
            return EMPTY2
        value = result @ normal - offset
        if (value <= 0).all():
            continue
        if len(result) == 1 or (value > 0).all():
            return EMPTY2 if (value > 0).all() else result[value <= 0]
        start, edge = _polytopes.edges2(result)
        following = np.empty_like(value)
        following[:-1], following[-1] = value[1:], value[0]
        crossing = (value > 0) != (following > 0)
        t = value[crossing] / (value[crossing] - following[crossing])
        new = start[crossing] + t[:, None] * edge[crossing]
        result = hull2(np.vstack([result[value <= 0], new]))
    return result


def _simplified(polygon: np.ndarray) -> np.ndarray:
    """A polygon inside ``polygon`` with the vertices nearly on a chord dropped (relative 1e-4)."""
    return hull2(polygon, rel_tol=1e-4) if len(polygon) > 8 else polygon


class HyperplaneEngine:
    """The operations :func:`~cybergames.repeated.payoff_sets.result._iterate` needs, by linear programming.

    The outer step searches the fixed directions and the edge normals of the
    inner polygon; the inner steps search the fixed directions and the edge
    normals of the outer polygon (the last one seen), so that each set is
    pushed towards the edges the other has found while the number of
    directions stays bounded.
    """

    max_restarts = 4
    patience = 12                  # iterations without a 0.1% better gap before stopping
    tight_budget = 10              # iterations a tightened sequence gets to be certified

    def __init__(self, stage: Stage, delta: float, directions: int) -> None:
        self.stage, self.delta = stage, delta
        self.operator = HyperplaneOperator(stage, delta)
        self.directions = fixed_directions(directions)
        self.stall_ratio = (1 - delta) / 4
        self.rounding = 1e-7 * stage.scale
        self.outer = EMPTY2

    def _directions(self, polygon: np.ndarray) -> np.ndarray:
        """The fixed directions plus the edge normals of ``polygon`` that are not nearly parallel to them."""
        if len(polygon) < 3:
            return self.directions
        normals = _polytopes.halfspaces2(_simplified(polygon))[0]
        angles = np.sort(np.mod(np.arctan2(normals[:, 1], normals[:, 0]), 2 * np.pi))
        fixed = np.mod(np.arctan2(self.directions[:, 1], self.directions[:, 0]), 2 * np.pi)
        gap = np.pi / (2 * len(self.directions))
        kept: list[float] = []
        for angle in angles:
            near_fixed = np.abs((fixed - angle + np.pi) % (2 * np.pi) - np.pi).min() < 1e-9
            if not near_fixed and (not kept or angle - kept[-1] >= gap):
                kept.append(angle)
        if not kept:
            return self.directions
        return np.vstack([self.directions, np.column_stack([np.cos(kept), np.sin(kept)])])

    def _hull(self, points: np.ndarray) -> np.ndarray:
        return hull2(points, rel_tol=1e-9) if len(points) else EMPTY2

    def initial_outer(self) -> np.ndarray:
        if self.delta == 0:
            self.outer = self._hull(self.stage.payoffs[self.stage.nash])
        else:
            # moved out by the rounding of the cuts, so that a stage Nash payoff on the floor beside a
            # nearly collinear vertex (1e-176 beside 0) is not lost to the float hull
            self.outer = outer_box(self.stage.payoffs, self.stage.floor, self.stage.scale, 1e-2 * self.rounding)[0]
        return self.outer

    def outer_step(self, W: np.ndarray, inner: np.ndarray) -> np.ndarray:
        directions = self._directions(inner)
        values, _ = self.operator.supports(W, directions)
        levels = values.max(axis=0)
        if np.isneginf(levels).all():
            self.outer = EMPTY2
        else:
            # Cut the previous outer set, not the feasible box: every equilibrium payoff lies in both
            # B(W) and W, and a profile whose program failed numerically (level inf) must not let
            # the outer set grow back to the box.
            bound = clip_halfplanes2(W, directions, levels + 1e-2 * self.rounding)
            self.outer = bound if len(bound) else EMPTY2
        return self.outer

    def seed(self) -> np.ndarray:
        return self._hull(trigger_seed(self.stage, self.delta))

    def _generated(self, Z: np.ndarray, margin: float) -> np.ndarray:
        # continuations from a subset of Z with fewer vertices: the points are still generated by Z
        values, points = self.operator.supports(_simplified(Z), self._directions(self.outer), margin)
        return points[np.isfinite(values)]

    def grow(self, Z: np.ndarray) -> np.ndarray:
        if len(Z) == 0:
            return Z
        return self._hull(np.vstack([Z, self._generated(Z, 0.0)]))

    def initial_margin(self, tol: float) -> float:
        return 4 * tol * (1 - self.delta)

    def tight_step(self, T: np.ndarray, margin: float) -> np.ndarray:
        return self._hull(self._generated(T, margin))

    def certify(self, T: np.ndarray) -> bool:
        if len(T) == 0:
            return True
        return max(residuals(self.stage, self.delta, T, T)) <= self.rounding

    def join(self, Z: np.ndarray, T: np.ndarray) -> np.ndarray:
        return self._hull(np.vstack([Z, T]))
