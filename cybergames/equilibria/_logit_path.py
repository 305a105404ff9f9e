r"""The logit QRE correspondence as a system of equations, and a predictor–corrector path follower.

With log-probabilities :math:`w_{ia} = \log \sigma_{ia}` and action 0 of each
player as reference, the logit QRE at precision :math:`\lambda` solves

.. math::

    H_{i0}(w, \lambda) = \sum_a e^{w_{ia}} - 1 = 0, \qquad
    H_{ia}(w, \lambda) = w_{ia} - w_{i0} - \lambda\,(v_{ia} - v_{i0}) = 0 \quad (a \ne 0),

where :math:`v_{ia} = u_i(a, \sigma_{-i})`: :math:`N = \sum_i m_i` equations
in :math:`N + 1` unknowns :math:`(w, \lambda)`, whose solutions form curves
(Turocy 2005, sec. 3). Log coordinates keep the system well conditioned as
probabilities go to zero (a dominated action's :math:`w` falls linearly in
:math:`\lambda`). The branch through :math:`(\log(1/m_i), 0)` is followed
by arc length: an Euler predictor along the unit tangent (the null vector of
the Jacobian, oriented continuously, with :math:`\dot\lambda > 0` at the start),
then Newton corrections with the minimum-norm step (the Moore–Penrose
inverse of the :math:`N \times (N + 1)` Jacobian; Allgower & Georg 1990, ch. 2
and 3). The step length grows after easy corrections and halves after hard
ones.

Everything here is float64 on plain arrays, in *scaled* units: the payoffs
divided by their largest absolute value ``unit`` and :math:`\lambda` multiplied
by it (the points' last coordinate is :math:`\lambda \cdot` ``unit``). The
public modules validate the input and convert the points into results.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from ..errors import SolverError


class LogitSystem:
    """The equations :math:`H(w, \\lambda) = 0` of one game, with their Jacobian."""

    def __init__(self, payoffs: Sequence[np.ndarray]):
        arrays = [np.asarray(p, dtype=float) for p in payoffs]
        # the payoffs divided by their scale, and lambda multiplied by it: lambda * u is unchanged, and
        # the Jacobian's lambda column is of order one at every payoff scale (1e-200 or 1e200)
        self.unit = max(float(np.abs(p).max()) for p in arrays) or 1.0
        self.payoffs = [p / self.unit for p in arrays]
        self.shape = self.payoffs[0].shape
        self.players = len(self.shape)
        self.offsets = np.concatenate([[0], np.cumsum(self.shape)]).astype(int)
        self.size = int(self.offsets[-1])
        self.scale = 1.0
        # payoff arrays with the kept axes first, so that every contraction is a chain of matrix-vector
        # products over the last axis (np.tensordot's overhead dominated small games)
        n = self.players
        self._own = [np.ascontiguousarray(np.moveaxis(p, i, 0)) for i, p in enumerate(self.payoffs)]
        self._own_rest = [[k for k in range(n) if k != i] for i in range(n)]
        self._pairs = {}
        for i, p in enumerate(self.payoffs):
            for j in range(n):
                if j != i:
                    rest = [k for k in range(n) if k not in (i, j)]
                    self._pairs[i, j] = (np.ascontiguousarray(np.transpose(p, [i, j] + rest)), rest)

    def tolerance(self, point: np.ndarray, tol: float) -> np.ndarray:
        """Each equation's residual within rounding at ``point``: ``tol`` for the normalisations,
        ``tol`` times the size of :math:`\\lambda v` for the others (whose terms grow with :math:`\\lambda`)."""
        limits = np.full(self.size, tol * max(1.0, abs(point[-1]) * self.scale))
        limits[self.offsets[:-1]] = tol
        return limits

    def split(self, vector: np.ndarray) -> list[np.ndarray]:
        """One block per player of a vector indexed by (player, action)."""
        return [vector[self.offsets[i]:self.offsets[i + 1]] for i in range(self.players)]

    def start(self) -> np.ndarray:
        """The point at :math:`\\lambda = 0`: uniform mixed actions, as ``(w, 0)``."""
        return np.concatenate([np.full(m, -math.log(m)) for m in self.shape] + [np.zeros(1)])

    def _pair(self, i: int, j: int, sigmas: list[np.ndarray]) -> np.ndarray:
        """:math:`D_{ij}[a, b] = u_i(a, b, \\sigma_{-ij})`, of shape ``(m_i, m_j)``."""
        result, rest = self._pairs[i, j]
        for k in reversed(rest):
            result = result @ sigmas[k]
        return result

    def values(self, sigmas: list[np.ndarray]) -> list[np.ndarray]:
        """:math:`v_{ia} = u_i(a, \\sigma_{-i})` for every player."""
        result = []
        for i in range(self.players):
            value = self._own[i]
            for k in reversed(self._own_rest[i]):
                value = value @ sigmas[k]
            result.append(value)
        return result

    def residual(self, point: np.ndarray) -> np.ndarray:
        w, lam = point[:-1], point[-1]
        blocks = self.split(w)
        sigmas = [np.exp(b) for b in blocks]
        values = self.values(sigmas)
        parts = []
        for b, s, v in zip(blocks, sigmas, values):
            parts.append([s.sum() - 1.0])
            parts.append(b[1:] - b[0] - lam * (v[1:] - v[0]))
        return np.concatenate(parts)

    def jacobian(self, point: np.ndarray) -> np.ndarray:
        """The :math:`N \\times (N + 1)` Jacobian :math:`[H_w \\mid H_\\lambda]`."""
        w, lam = point[:-1], point[-1]
        sigmas = [np.exp(b) for b in self.split(w)]
        values = self.values(sigmas)
        J = np.zeros((self.size, self.size + 1))
        for i in range(self.players):
            o, m = self.offsets[i], self.shape[i]
            J[o, o:o + m] = sigmas[i]
            if m > 1:
                rows = np.arange(o + 1, o + m)
                J[rows, rows] = 1.0
                J[rows, o] = -1.0
                J[rows, -1] = -(values[i][1:] - values[i][0])
            for j in range(self.players):
                if j == i or m == 1:
                    continue
                D = self._pair(i, j, sigmas)
                oj, mj = self.offsets[j], self.shape[j]
                J[o + 1:o + m, oj:oj + mj] = -lam * (D[1:] - D[0]) * sigmas[j]
        return J

    def profile(self, point: np.ndarray) -> list[np.ndarray]:
        """The mixed actions at a point, each normalised (it sums to one within rounding already)."""
        sigmas = [np.exp(b) for b in self.split(point[:-1])]
        return [s / s.sum() for s in sigmas]


def tangent(J: np.ndarray, previous: np.ndarray | None) -> np.ndarray:
    """The unit null vector of ``J``, oriented like ``previous`` (or with increasing λ at the start)."""
    q, _ = np.linalg.qr(J.T, mode="complete")
    t = q[:, -1]
    if previous is None:
        return t if t[-1] >= 0 else -t
    return t if t.dot(previous) >= 0 else -t


def correct(system: LogitSystem, point: np.ndarray, *, fixed_lambda: bool, tol: float,
            iterations: int = 12) -> tuple[np.ndarray, int] | None:
    """Newton's method back onto the curve (minimum-norm steps), or at fixed λ; None if it fails."""
    H = system.residual(point)
    norm = (np.abs(H) / system.tolerance(point, tol)).max()         # in units of the tolerance
    for k in range(1, iterations + 1):
        J = system.jacobian(point)
        if fixed_lambda:
            try:
                step = np.linalg.solve(J[:, :-1], -H)
            except np.linalg.LinAlgError:
                return None
            step = np.append(step, 0.0)
        else:
            step = np.linalg.lstsq(J, -H, rcond=None)[0]
        candidate = point + step
        if not np.isfinite(candidate).all():
            return None
        H = system.residual(candidate)
        new_norm = (np.abs(H) / system.tolerance(candidate, tol)).max()
        if new_norm > 2 * norm and new_norm > 1:
            return None
        point, norm = candidate, new_norm
        if norm <= 1:
            return point, k
    return (point, iterations) if norm <= 1 else None


def trace(system: LogitSystem, stop, *, first_step: float = 0.03, max_accel: float = 1.5,
          tol: float = 1e-12, max_points: int = 20_000) -> list[np.ndarray]:
    """Points ``(w, λ)`` along the principal branch from λ = 0 until ``stop(previous, point)`` is true.

    ``stop`` sees each accepted step; the last point returned is the first one
    for which it is true. Where arc-length steps fail at every length (far out,
    the Jacobian's smallest singular value falls below lstsq's cut-off), the
    branch is continued in λ itself (:func:`restart`), then by arc length
    again. Raises :class:`SolverError` if that fails too, or if the path
    leaves :math:`\\lambda \\ge 0` (a jump off the principal branch).
    """
    point = system.start()
    points = [point]
    t = tangent(system.jacobian(point), None)
    h = first_step
    while len(points) < max_points:
        result = correct(system, point + h * t, fixed_lambda=False, tol=tol)
        if result is not None:
            candidate, iterations = result
            new_t = tangent(system.jacobian(candidate), t)
            if new_t.dot(t) < 0.9 and h > 1e-10:    # a sharp turn: shorter steps, or a branch jump
                h /= 2
                continue
        if result is None:
            h /= 2
            if h >= 1e-13 * max(1.0, abs(point[-1])):
                continue
            candidate = restart(system, point, t, tol) if t[-1] > 0 else None
            if candidate is None:
                raise SolverError(f"the logit branch could not be followed beyond lambda = "
                                  f"{point[-1] / system.unit:.6g} (the corrector failed at every step length); "
                                  f"ask for a smaller max_lambda or a larger max_regret")
            new_t, iterations, h = tangent(system.jacobian(candidate), t), 0, first_step
        if candidate[-1] < 0:
            raise SolverError(f"the logit branch left lambda >= 0 after lambda = {point[-1] / system.unit:.6g} "
                              f"(a jump to another branch); ask for a smaller max_lambda or a larger max_regret")
        previous, point, t = point, candidate, new_t
        points.append(point)
        if stop(previous, point):
            return points
        if iterations <= 3:
            h *= max_accel
    raise SolverError(f"the logit branch took more than {max_points} steps")  # pragma: no cover


def restart(system: LogitSystem, point: np.ndarray, t: np.ndarray, tol: float) -> np.ndarray | None:
    """A point of the branch beyond ``point`` found by continuation in λ; None if there is none.

    Where λ increases along the branch (``t[-1] > 0``), the branch is locally
    the graph :math:`w(\\lambda)`: predict with the slope :math:`dw/d\\lambda`
    and correct by Newton's method at fixed λ, for a step of λ (or 1) times
    1, 1/10, 1/100 and 1/1000 in turn. The point is accepted only if the
    tangent there still points the same way (no jump to another branch).
    """
    try:
        direction = slope(system, point)
    except np.linalg.LinAlgError:
        return None
    lam = point[-1]
    for share in (1.0, 0.1, 0.01, 0.001):
        step = share * max(1.0, abs(lam))
        guess = np.append(point[:-1] + step * direction, lam + step)
        if not np.isfinite(guess).all():
            continue
        result = correct(system, guess, fixed_lambda=True, tol=tol, iterations=30)
        if result is not None and tangent(system.jacobian(result[0]), t).dot(t) > 0:
            return result[0]
    return None


def at_lambda(system: LogitSystem, before: np.ndarray, after: np.ndarray, lam: float,
              tol: float = 1e-12) -> np.ndarray:
    """The point at exactly λ = ``lam`` between two points of the branch that bracket it."""
    span = after[-1] - before[-1]
    share = 0.5 if span == 0 else min(1.0, max(0.0, (lam - before[-1]) / span))
    start = before + share * (after - before)
    start[-1] = lam
    result = correct(system, start, fixed_lambda=True, tol=tol, iterations=30)
    if result is None:                 # bisect the bracket by arc-length steps from `before`
        middle = correct(system, before + 0.5 * (after - before), fixed_lambda=False, tol=tol)
        if middle is None or not min(before[-1], after[-1]) < middle[0][-1] < max(before[-1], after[-1]):
            raise SolverError(f"no logit QRE found at lambda = {lam / system.unit:.6g} between two traced points "
                              f"of the branch (Newton's method failed there); try a nearby lambda")
        middle = middle[0]
        if (middle[-1] - lam) * (before[-1] - lam) <= 0:
            return at_lambda(system, before, middle, lam, tol)
        return at_lambda(system, middle, after, lam, tol)
    return result[0]


def slope(system: LogitSystem, point: np.ndarray) -> np.ndarray:
    """:math:`dw/d\\lambda` at a point where λ parametrises the branch: :math:`-H_w^{-1} H_\\lambda`."""
    J = system.jacobian(point)
    return np.linalg.solve(J[:, :-1], -J[:, -1])
