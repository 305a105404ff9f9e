r"""Judd, Yeltekin & Conklin's outer sets with halfspace continuations, any number of players.

For a convex set :math:`W = \{w : H w \le c\}`, a pure profile :math:`a` and a
direction :math:`h`, the linear program

.. math::
    \sigma_a(h; W) = \max_{w(y)} \; h \cdot \Big[(1 - \delta) u(a) + \delta \sum_y p(y \mid a)\, w(y)\Big]
    \quad\text{s.t.}\quad H w(y) \le c \;\; \forall y, \qquad
    \delta \sum_y \big(p(y \mid a_i', a_{-i}) - p(y \mid a)\big) w_i(y)
    \le (1 - \delta)\big(u_i(a) - u_i(a_i', a_{-i})\big) \;\; \forall i, a_i'

has one continuation vector :math:`w(y)` per public signal, each constrained
by the *halfspaces* of :math:`W`; its value is the support function of the
payoffs :math:`a` generates from :math:`W`, and its solution a generated
point (Judd, Yeltekin & Conklin 2003, sec. 3). The constraint matrix does not
depend on :math:`h`, so all directions of one profile are solved as one
block-diagonal program.

* **Outer** (JYC 2003): :math:`W_{k+1} = W_k \cap \bigcap_l \{x : h_l \cdot x \le
  \max_a \sigma_a(h_l; W_k)\}`. Since :math:`B` is monotone and
  :math:`V = B(V)`, :math:`W_k \supseteq V` implies :math:`W_{k+1} \supseteq V`; the
  intersection with :math:`W_k` makes the sequence shrink, and every
  halfspace found is kept, so adding directions never loosens the set.
* **Inner** (Yeltekin, Cai & Judd 2017, sec. 4): the maximisers
  :math:`z_l \in B(Z_k)` of the same programs over the current inner set
  :math:`Z_k`; :math:`Z_{k+1} = \operatorname{conv}(Z_k \cup \{z_l\})`. If
  :math:`Z_k \subseteq B(Z_k)` then :math:`Z_{k+1} \subseteq B(Z_k) \subseteq
  B(Z_{k+1})` (public randomisation makes :math:`B(Z)` convex): every inner set
  is self-generating, hence a set of equilibrium payoffs (APS 1990, Theorem 1),
  growing from a seed of trigger-profile payoffs (:func:`trigger_seed`).
* **Directions**: ``count`` evenly spread ones (the circle in the plane, a
  Fibonacci lattice on the sphere in three dimensions, the nonzero
  :math:`\{-1, 0, 1\}^n` vectors beyond), plus the facet normals of the inner
  set and of the points generated from the outer set, so that the outer set
  can take the facets of the inner one; with nested fixed sets (``count`` and
  ``2 * count`` in the plane) and no adaptive directions, the finer set gives a
  smaller outer set at every iteration. Once the outer set is a fixed point
  and those are used up, the outer vertices farthest from the inner set are
  cut by the mean normal of their facets (:meth:`Iteration.refine`), up to
  eight times ``count`` directions: the directions are refined where the gap is.
* **Newton bound**: the support values are concave in the levels of the
  outer set (linear-programming duality), so the fixed point of their
  linearisation bounds the largest fixed point from above whenever the
  linearised map is a contraction (:meth:`Iteration._newton`); the outer set
  is cut to that bound as well, which takes it to the fixed point of the
  outer map in a few steps instead of :math:`\log(\text{tol}) / \log\delta`.

The iteration runs on payoffs divided by their largest absolute value
(:func:`~.stage.normalised`) and scales the sets back, so that its float
tolerances are relative and payoffs of any magnitude (:math:`10^{\pm 300}`)
give the scaled sets.

The iteration stops when the Hausdorff distance between the two sets, the
largest distance from an outer vertex to the inner set, is at most ``tol``.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix, identity, kron, vstack

from . import _hulls
from .stage import Stage, normalised
from .hyperplane import trigger_seed
from .verify import certified_or_seed, relevant_signals, residuals


def fixed_directions(count: int, n: int = 2) -> np.ndarray:
    """Unit search directions: ``count`` at equal angles in the plane, about ``count`` on the sphere."""
    if n == 2:
        angles = 2 * np.pi * np.arange(count) / count
        return np.column_stack([np.cos(angles), np.sin(angles)])
    if n == 3:
        k = np.arange(count) + 0.5
        z = 1 - 2 * k / count
        phi = np.pi * (1 + 5 ** 0.5) * k
        points = np.column_stack([np.sqrt(1 - z * z) * np.cos(phi), np.sqrt(1 - z * z) * np.sin(phi), z])
        return np.vstack([np.eye(3), -np.eye(3), points])
    grid = np.array(np.meshgrid(*[[-1.0, 0.0, 1.0]] * n, indexing="ij")).reshape(n, -1).T
    grid = grid[(grid != 0).any(axis=1)]
    return grid / np.sqrt((grid ** 2).sum(axis=1))[:, None]


class LinearPrograms:
    r"""The programs :math:`\sigma_a(h; W)` for one stage game and discount factor.

    Per profile the relevant signals (those the profile or a one-shot deviation
    from it can produce), their probabilities and the incentive rows are built
    once; :meth:`solve` adds the halfspaces of :math:`W` and the directions.
    """

    def __init__(self, stage: Stage, delta: float) -> None:
        self.stage, self.delta = stage, delta
        n = stage.payoffs.shape[1]
        self.blocks = []
        for a in range(stage.size):
            signals = relevant_signals(stage, a)
            probability = stage.signals[a, signals]
            rows, rhs = [], []
            for i, b in stage.deviations[a]:
                row = np.zeros((len(signals), n))
                row[:, i] = delta * (stage.signals[b, signals] - probability)
                rows.append(row.ravel())
                rhs.append((1 - delta) * (stage.payoffs[a, i] - stage.payoffs[b, i]))
            incentive = csr_matrix(np.array(rows).reshape(len(rows), len(signals) * n))
            self.blocks.append((len(signals), probability, incentive, np.array(rhs, dtype=float)))

    def solve(self, H: np.ndarray, c: np.ndarray, directions: np.ndarray,
              profiles: np.ndarray | None = None, duals: bool = False):
        r"""Support values (profiles x directions; ``-inf``: not enforceable) and generated points.

        With ``duals``, also the supergradients: ``slopes[a, l]`` (one entry per row
        of ``H``) with :math:`\sigma_a(h_l; \{Hx \le c'\}) \le \sigma_a(h_l; \{Hx \le c\})
        + \text{slopes}[a, l] \cdot (c' - c)` for every :math:`c'` (LP duality: the
        value of a linear program is concave in its right-hand side).
        """
        stage, delta = self.stage, self.delta
        n, count = stage.payoffs.shape[1], len(directions)
        values = np.full((stage.size, count), -np.inf)
        points = np.zeros((stage.size, count, n))
        slopes = np.zeros((stage.size, count, len(H)))
        if len(H) == 0:
            return (values, points, slopes) if duals else (values, points)
        sparse_h = csr_matrix(H)
        for a in (range(stage.size) if profiles is None else profiles):
            m, probability, incentive, rhs = self.blocks[a]
            block = vstack([kron(identity(m, format="csr"), sparse_h), incentive], format="csr")
            a_ub = kron(identity(count, format="csr"), block, format="csr")
            b_ub = np.tile(np.concatenate([np.tile(c, m), rhs]), count)
            cost = -(directions[:, None, :] * probability[None, :, None]).reshape(-1)
            result = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=(None, None), method="highs")
            if result.status != 0:                 # infeasible: a is not enforceable on W
                continue                           # (other statuses: no cut and no point from a)
            w = result.x.reshape(count, m, n)
            generated = (1 - delta) * stage.payoffs[a] + delta * np.einsum("y,lyk->lk", probability, w)
            points[a] = generated
            values[a] = (directions * generated).sum(axis=1)
            if duals:
                marginals = result.ineqlin.marginals.reshape(count, -1)[:, :m * len(H)]
                slopes[a] = -delta * marginals.reshape(count, m, len(H)).sum(axis=1)
        return (values, points, slopes) if duals else (values, points)


def _new_directions(candidates: np.ndarray, known: np.ndarray, limit: int) -> np.ndarray:
    """The unit ``candidates`` not (nearly) among ``known`` nor each other, at most ``limit`` of them."""
    kept: list[np.ndarray] = []
    for h in candidates:
        norm = float(np.sqrt(h @ h))
        if norm == 0 or len(kept) >= limit:
            continue
        h = h / norm
        if (known @ h > 1 - 1e-10).any() or any(k @ h > 1 - 1e-10 for k in kept):
            continue
        kept.append(h)
    return np.array(kept).reshape(-1, known.shape[1])


def _contracting(B: np.ndarray) -> bool:
    r"""Whether some :math:`v > 0` satisfies :math:`\max_a B_a v \le v - 1` (checked after it is found).

    :math:`v` is the value of the "reward one per step" problem
    :math:`v = 1 + \max_a B_a v`, found by policy iteration; the inequality is
    then re-checked directly, so a wrong :math:`v` can only make this say no.
    """
    nd = B.shape[1]
    index = np.arange(nd)
    v = np.ones(nd)
    policy = None
    for _ in range(50):
        new_policy = (B @ v).argmax(axis=0)
        if policy is not None and np.array_equal(new_policy, policy):
            break
        policy = new_policy
        try:
            v = np.linalg.solve(np.eye(nd) - B[policy, index], np.ones(nd))
        except np.linalg.LinAlgError:
            return False
        if not np.isfinite(v).all() or (v <= 0).any():
            return False
    return bool(((B @ v).max(axis=0) <= v - 1 + 1e-9 * np.abs(v)).all())


class Iteration:
    """The state of the outer and inner sequences (see the module docstring)."""

    def __init__(self, stage: Stage, delta: float, count: int, tol: float, adaptive: bool = True) -> None:
        self.stage, self.delta, self.tol = stage, delta, tol
        self.n = n = stage.payoffs.shape[1]
        self.programs = LinearPrograms(stage, delta)
        self.adaptive = adaptive
        self.slack = 1e-9 * stage.scale               # outer cuts moved out by the solver's tolerance
        self.rounding = 1e-7 * stage.scale            # certification tolerance
        # the feasible set above the floor, moved out by the slack: a stage Nash payoff on the floor
        # beside a nearly collinear vertex (1e-176 beside 0) is not lost to the float hull
        self.box, self.base_H, self.base_c = _hulls.outer_box(stage.payoffs, stage.floor, stage.scale, self.slack)
        self.directions = fixed_directions(count, n)
        self.limit = 2 * len(self.directions)
        self.refine_limit = 8 * len(self.directions)
        self.levels = self._support(self.box, self.directions)
        self.outer = self.box
        self.dead = np.zeros(stage.size, dtype=bool)  # not enforceable on the outer set: never again
        self.generated = np.zeros((0, n))             # points generated from the outer set
        seed = trigger_seed(stage, delta)
        self.inner, self.inner_H, self.inner_c = _hulls.hull_of_points(seed, n)

    @staticmethod
    def _support(vertices: np.ndarray, directions: np.ndarray) -> np.ndarray:
        if len(vertices) == 0:
            return np.full(len(directions), -np.inf)
        return (directions @ vertices.T).max(axis=1)

    def halfspaces(self, levels: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Every halfspace of the outer set found so far (or of the set with the given levels)."""
        return np.vstack([self.base_H, self.directions]), \
            np.concatenate([self.base_c, self.levels if levels is None else levels])

    def _vertices(self, levels: np.ndarray) -> np.ndarray:
        if not np.isfinite(levels).all():
            return np.zeros((0, self.n))
        H, c = self.halfspaces(levels)
        hint = self.inner.mean(axis=0) if len(self.inner) > self.n else None
        return _hulls.vertices_of_halfspaces(H, c, self.box, self.stage.scale, hint)

    def _step(self, levels: np.ndarray, vertices: np.ndarray, shift: float, profiles: np.ndarray):
        """One application of the map on levels (continuations in the set moved in by ``shift``).

        Returns the new levels (the plain step), the Newton bound (or None),
        the values and the generated points.
        """
        H, c = self.halfspaces(levels)
        touching = (np.abs(vertices @ H.T - c) <= 1e-7 * self.stage.scale).any(axis=0)
        values, points, slopes = self.programs.solve(H[touching], c[touching] - shift, self.directions,
                                                     profiles, duals=True)
        newton = self._newton(values, slopes, c[touching] - shift, touching, levels, shift)
        return values.max(axis=0), newton, values, points

    def outer_step(self) -> None:
        """Shrink the outer set: one exact step of the map, then its Newton bound when it is valid."""
        alive = np.nonzero(~self.dead)[0]
        step, newton, values, points = self._step(self.levels, self.outer, 0.0, alive)
        self.dead |= np.isneginf(values).all(axis=1)
        self.levels = np.minimum(self.levels, step + self.slack)
        if newton is not None:
            self.levels = np.minimum(self.levels, newton + self.slack)
        self.outer = self._vertices(self.levels)
        if self.dead.all() or len(self.outer) == 0:
            self.outer = np.zeros((0, self.n))
        self.generated = points[np.isfinite(values)]

    def _newton(self, values, slopes, c, touching, levels, shift):
        r"""The fixed point of the linearised map on levels; for the outer map an upper bound of the true one.

        Each support value is concave in the levels, so
        :math:`T_l(\ell') \le L_l(\ell') = \max_a [\text{const}_{a,l} + B_{a,l} \cdot \ell']`
        for every :math:`\ell'` (the slopes are the dual values of the programs).
        When some :math:`v > 0` has :math:`B_{a,l} \cdot v \le v_l - 1` for every
        profile and direction (:func:`_contracting`), :math:`L` is a contraction
        in the sup norm weighted by :math:`v` (modulus :math:`1 - 1/\max v`) and has
        a single fixed point :math:`\ell^N`; the largest fixed point
        :math:`\bar\ell = T(\bar\ell) \le L(\bar\ell)` lies below it (iterate
        :math:`L` upwards from :math:`\bar\ell`). Policy iteration finds
        :math:`\ell^N`. Returns None when the condition fails or the iteration
        does not settle.
        """
        nb, nd = len(self.base_c), len(levels)
        finite = np.isfinite(values)
        if not finite.any(axis=0).all():
            return None
        rows = np.nonzero(touching)[0]
        full = np.zeros(values.shape + (nb + nd,))
        full[..., rows] = slopes
        B = np.where(finite[..., None], full[..., nb:], 0.0)          # (profiles, directions, directions)
        const = values - (slopes * c).sum(axis=2) + full[..., :nb] @ (self.base_c - shift)
        const = np.where(finite, const - B @ np.full(nd, shift), -np.inf)   # B acts on levels - shift
        if not _contracting(B):
            return None
        current = np.where(np.isfinite(levels), levels, 0.0)
        policy = None
        index = np.arange(nd)
        for _ in range(50):
            candidates = const + B @ current
            new_policy = candidates.argmax(axis=0)
            if policy is not None:                            # keep ties where they were (no cycling)
                same = candidates[policy, index] >= candidates[new_policy, index] - 1e-12 * self.stage.scale
                new_policy = np.where(same, policy, new_policy)
                if np.array_equal(new_policy, policy):
                    return current
            policy = new_policy
            try:
                current = np.linalg.solve(np.eye(nd) - B[policy, index], const[policy, index])
            except np.linalg.LinAlgError:
                return None
        return None

    def inner_step(self) -> None:
        """Grow the inner set by the points it generates in every direction (self-generating again).

        The best point of each direction moves geometrically from one step to
        the next; Aitken's extrapolation of the last three guesses where it is
        heading. The hull of the inner set and the extrapolated points (or of
        points part of the way there) joins the inner set only if it is
        certified self-generating, vertex by vertex (:meth:`certify`).
        """
        if len(self.inner) == 0:
            return
        values, points = self.programs.solve(self.inner_H, self.inner_c, self.directions)
        self.join(points[np.isfinite(values)])
        best = np.where(np.isfinite(values).any(axis=0), values.argmax(axis=0), -1)
        tops = np.where((best >= 0)[:, None], points[np.maximum(best, 0), np.arange(len(best))], np.nan)
        history = getattr(self, "_tops", [])
        history = [h for h in history if h.shape == tops.shape] + [tops]
        self._tops = history[-3:]
        if len(self._tops) == 3:
            first, second, third = self._tops
            d1, d2 = second - first, third - second
            curvature = d2 - d1
            with np.errstate(divide="ignore", invalid="ignore"):
                jump = np.where(np.abs(curvature) > 1e-14, d2 * d2 / curvature, 0.0)
            ok = np.isfinite(jump).all(axis=1) & (np.abs(jump) <= 20 * np.abs(d2) + 1e-12).all(axis=1)
            for share in (1.0, 0.5):
                target = third[ok] - share * jump[ok]
                if not len(target):
                    break
                candidate = _hulls.hull_of_points(np.vstack([self.inner, target]), self.n)[0]
                if len(candidate) > len(self.inner) + 64:
                    break
                if self.certify(candidate):
                    self.join(target)
                    self._tops = []
                    break

    def certify(self, vertices: np.ndarray) -> bool:
        """Whether every vertex is generated by the hull of ``vertices`` (one program per vertex)."""
        _, normals, offsets = _hulls.hull_of_points(vertices, self.n)
        found = residuals(self.stage, self.delta, vertices, vertices, halfspaces=(normals, offsets))
        return max(found) <= 1e-8 * self.stage.scale

    def join(self, points: np.ndarray) -> None:
        self.inner, self.inner_H, self.inner_c = _hulls.hull_of_points(np.vstack([self.inner, points]), self.n)

    def refine(self, worst: int = 8) -> bool:
        """Cut the outer vertices farthest from the inner set: add the mean normal of their facets.

        The gap is the largest distance from an outer vertex to the inner set;
        a vertex is where two (in the plane) or more cuts of the outer set
        meet, and the direction halfway between their normals is the one in
        which a new cut can lower it. At most ``worst`` vertices per call, up
        to ``self.refine_limit`` directions in all. Whether any was new.
        """
        if not self.adaptive or len(self.outer) == 0 or len(self.inner) == 0 \
                or len(self.directions) >= self.refine_limit:
            return False
        distance = _hulls.distances_to_hull(self.outer, self.inner)
        order = [k for k in np.argsort(-distance)[:worst] if distance[k] > self.tol]
        if not order:
            return False
        H, c = self.halfspaces()
        candidates = []
        for k in order:
            active = np.abs(H @ self.outer[k] - c) <= 1e-7 * self.stage.scale
            if active.sum() >= 2:
                candidates.append(H[active].sum(axis=0))
        if not candidates:
            return False
        new = _new_directions(np.array(candidates), self.directions, self.refine_limit - len(self.directions))
        if len(new):
            self.directions = np.vstack([self.directions, new])
            self.levels = np.concatenate([self.levels, self._support(self.outer, new) + self.slack])
        return bool(len(new))

    def adapt(self) -> bool:
        """Add the facet normals of the generated points and the inner set; whether any was new."""
        if not self.adaptive or len(self.directions) >= self.limit or len(self.outer) == 0:
            return False
        candidates = [self.inner_H] if len(self.inner) > self.n else []
        if len(self.generated) > self.n:
            candidates.insert(0, _hulls.hull_of_points(self.generated, self.n)[1])
        if not candidates:
            return False
        new = _new_directions(np.vstack(candidates), self.directions, self.limit - len(self.directions))
        if len(new):
            self.directions = np.vstack([self.directions, new])
            self.levels = np.concatenate([self.levels, self._support(self.outer, new) + self.slack])
        return bool(len(new))

    def rescale(self, factor: float) -> None:
        """Multiply every payoff of the state by ``factor`` (the sets, levels and offsets)."""
        if factor == 1.0:
            return
        self.outer, self.inner, self.box = self.outer * factor, self.inner * factor, self.box * factor
        self.inner_c, self.levels, self.base_c = self.inner_c * factor, self.levels * factor, self.base_c * factor
        self.generated = self.generated * factor

    def gap(self) -> float:
        if len(self.outer) == 0:
            return 0.0
        if len(self.inner) == 0:
            return float("inf")
        return float(_hulls.distances_to_hull(self.outer, self.inner).max())


def run(stage: Stage, delta: float, count: int, tol: float, max_iter: int,
        progress: Callable[[int, float], None] | None, adaptive: bool = True):
    """Iterate until the gap is at most ``tol`` or ``max_iter`` iterations; return the final state.

    The iteration runs on payoffs divided by their scale (:func:`~.stage.normalised`;
    the sets scale with the payoffs), so every tolerance inside is relative; the
    state, the gap and the history returned are in the game's own units.
    """
    scale = stage.scale
    state, iterations, history, stopped, gap = _run(normalised(stage), delta, count, tol / scale, max_iter,
                                                    None if progress is None else
                                                    (lambda k, g: progress(k, g * scale)), adaptive)
    state.rescale(scale)
    return state, iterations, [g * scale for g in history], stopped, gap * scale


def _run(stage: Stage, delta: float, count: int, tol: float, max_iter: int,
         progress: Callable[[int, float], None] | None, adaptive: bool):
    state = Iteration(stage, delta, count, tol, adaptive)
    history: list[float] = []
    gap = state.gap()
    iterations = 0
    settled = False                                   # the outer set is a fixed point of its map
    while iterations < max_iter and not gap <= tol:
        iterations += 1
        if not settled:
            before = state.levels.copy()
            state.outer_step()
            settled = len(state.outer) > 0 and np.abs(state.levels - before).max() <= 1e-3 * tol
        if len(state.outer):
            if state.gap() > tol:
                state.inner_step()
            if state.adapt():
                settled = False
            elif settled and state.refine():
                settled = False
        gap = state.gap()
        history.append(gap)
        if progress is not None:
            progress(iterations, gap)
    # Every step should keep the inner set self-generating; where the float programs slipped (badly
    # scaled payoffs), fall back to the trigger seed, or to no inner set at all, rather than return
    # an inner set that is not certified.
    kept, state.fell_back = certified_or_seed(
        state.inner, lambda: _hulls.hull_of_points(trigger_seed(stage, delta), state.n)[0], state.certify)
    if state.fell_back:
        state.inner, state.inner_H, state.inner_c = _hulls.hull_of_points(kept, state.n)
        gap = state.gap()
    stopped = "empty" if len(state.outer) == 0 else "tolerance" if gap <= tol else \
        "uncertified" if state.fell_back and iterations < max_iter else "max_iter"
    return state, iterations, history, stopped, gap
