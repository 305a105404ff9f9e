r"""Equilibrium payoff sets of two-player repeated games, bracketed from outside and inside.

The set :math:`V(\delta)` of pure-strategy subgame perfect (perfect public,
under imperfect public monitoring) equilibrium payoffs with public
randomisation is the largest fixed point of the self-generation operator
:math:`B` of Abreu, Pearce & Stacchetti (1990): :math:`v \in B(W)` iff
:math:`v` is a lottery over payoffs

.. math::
    (1 - \delta) u(a) + \delta \sum_y p(y \mid a)\, w(y), \qquad w(y) \in W,

that satisfy every one-shot incentive constraint
:math:`(1 - \delta) u_i(a_i', a_{-i}) + \delta \sum_y p(y \mid a_i', a_{-i}) w_i(y)
\le (1 - \delta) u_i(a) + \delta \sum_y p(y \mid a) w_i(y)`. Two
monotone facts give a bracket:

* **outer**: if :math:`W \supseteq V` then :math:`B(W) \supseteq V`; iterating
  from the feasible set cut to the pure minmax vector gives sets that shrink
  towards :math:`V` from outside.
* **inner**: if :math:`Z \subseteq B(Z)` (:math:`Z` is *self-generating*) then
  :math:`Z \subseteq V`, and :math:`B(Z)` is self-generating again; iterating
  upwards from a self-generating set gives sets that grow towards :math:`V`
  from inside.

The result holds both polygons and the Hausdorff distance between them, so the
true set is known to within that distance. See
``docs/explanation/equilibrium-payoff-sets.rst`` for the two methods
(``"polygon"``: exact :math:`B` on polygons under perfect monitoring;
``"hyperplane"``: Judd, Yeltekin & Conklin's supporting hyperplanes under any
public monitoring) and for how the inner set is found.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from ... import _numbers
from ..._numbers import DEFAULT_TOL
from ..._verify import Verification, verify
from ...errors import DiscountFactorError, GameError, ParameterError
from .. import _polytopes
from ..game import RepeatedGame
from ..geometry import Polytope, _frozen
from . import _simplex
from .hyperplane import HyperplaneEngine
from .polygon import PolygonEngine
from .stage import binary_normalised, stage_of

__all__ = ["EquilibriumPayoffSet", "equilibrium_payoff_set"]

_METHODS = ("auto", "polygon", "hyperplane", "jyc", "projection")

#: Up to this discount factor ``"auto"`` takes ``"projection"`` under public monitoring with two players
#: when its numba kernel is available (the ``fast`` extra; in plain Python the attribution PD at 0.9 took
#: 85 s against 1.2 s); its iterations grow like 1/(1 - delta), and beyond it ``"hyperplane"`` answers
#: sooner (with a wider gap).
AUTO_PROJECTION_DELTA = 0.95


@dataclass(frozen=True, eq=False)
class EquilibriumPayoffSet:
    r"""The equilibrium payoff set of a two-player repeated game at one discount factor, bracketed.

    The true set :math:`V` satisfies ``inner`` :math:`\subseteq V \subseteq` ``outer``.

    Attributes
    ----------
    game : RepeatedGame
        The repeated game.
    delta : number
        The discount factor, as given (computations are in float64).
    outer : Polytope
        A polygon (or segment, point, empty set) containing every equilibrium payoff.
    inner : Polytope
        A self-generating polygon: every point of it is an equilibrium payoff.
    hausdorff : float
        The Hausdorff distance between ``outer`` and ``inner`` (``inf`` when the
        inner set is empty and the outer one is not).
    iterations : int
        How many times the operator was applied.
    history : tuple of float
        The Hausdorff distance after each iteration.
    converged : bool
        Whether ``hausdorff <= tol`` (or the outer set became empty).
    method : str
        ``"polygon"``, ``"projection"``, ``"hyperplane"`` or ``"jyc"``.
    tol : float
        The requested precision.
    directions : int
        The number of search directions (``"hyperplane"``, ``"jyc"``; 0 for ``"polygon"`` and
        ``"projection"``, whose directions are the sets' own edge normals).
    stopped : str
        Why the iteration stopped: ``"tolerance"`` (the gap reached ``tol``),
        ``"empty"``, ``"max_iter"``, or ``"stalled"`` (the gap stopped shrinking:
        with the hyperplane method the number of directions limits the precision).
    """

    game: RepeatedGame = field(repr=False)
    delta: Any
    outer: Polytope = field(repr=False)
    inner: Polytope
    hausdorff: float
    iterations: int
    history: tuple = field(repr=False)
    converged: bool
    method: str
    tol: float = field(repr=False)
    directions: int = field(repr=False)
    stopped: str = field(repr=False, default="tolerance")

    @property
    def is_empty(self) -> bool:
        """Whether the set is proved empty: no pure-action equilibrium exists at this ``delta``."""
        return self.outer.is_empty

    @property
    def dimension(self) -> int | None:
        """-1 (empty), 0 (point), 1 (segment) or 2 (polygon); None while undecided.

        The dimension of the inner polygon, which the true set contains and lies
        within ``hausdorff`` of; None when no inner set was found but the outer
        set is not empty.
        """
        if self.outer.is_empty:
            return -1
        if self.inner.is_empty:
            return None
        return self.inner.dimension

    @property
    def shape(self) -> str:
        """``"empty"``, ``"point"``, ``"segment"``, ``"polygon"`` or ``"undetermined"``."""
        return {None: "undetermined", -1: "empty", 0: "point", 1: "segment", 2: "polygon"}[self.dimension]

    @property
    def status(self) -> str:
        """``"converged"`` when ``hausdorff <= tol`` (an empty set included), else why it stopped.

        ``"max_iter"`` (the iteration budget ran out) or ``"stalled"`` (the
        ``"hyperplane"`` method only: the gap stopped shrinking). :attr:`summary`
        says the same in a sentence.
        """
        return "converged" if self.converged else self.stopped

    @property
    def summary(self) -> str:
        """A sentence saying what was found."""
        if self.is_empty:
            return (f"empty: no pure-action equilibrium exists at delta = {self.delta} "
                    f"(the outer approximation vanished after {self.iterations} iterations)")
        if self.inner.is_empty:
            return (f"undetermined: no self-generating set found after {self.iterations} iterations; "
                    f"the equilibrium payoffs lie in the outer polygon")
        word = "converged" if self.converged else \
            "stalled" if self.stopped == "stalled" else "not converged"
        return (f"{word}: a {self.shape}, bracketed within Hausdorff distance {self.hausdorff:.3g} "
                f"after {self.iterations} iterations")

    def contains(self, payoff: Any, *, tol: float = DEFAULT_TOL) -> bool | None:
        """True if ``payoff`` is in the inner set, False if outside the outer set, None in between."""
        if self.inner.contains(payoff, tol=tol):
            return True
        if not self.outer.contains(payoff, tol=tol):
            return False
        return None

    def __str__(self) -> str:
        return f"EquilibriumPayoffSet(delta={self.delta}, {self.summary})"


def _progress_printer() -> Callable[[int, float], None]:
    def report(iteration: int, gap: float) -> None:
        sys.stderr.write(f"\rpayoff set: iteration {iteration:5d}, Hausdorff gap {gap:.3e}")
        sys.stderr.flush()
    return report


def equilibrium_payoff_set(rg: RepeatedGame, delta: Any, *, method: str = "auto", directions: int = 32,
                           tol: float = 1e-4, max_iter: int = 5000,
                           progress: bool | Callable[[int, float], None] | None = None) -> EquilibriumPayoffSet:
    r"""Outer and inner approximations of the equilibrium payoff set of a two-player repeated game.

    Pure stage actions, public randomisation, perfect or imperfect public
    monitoring. Subgame perfect equilibria under perfect monitoring, perfect
    public equilibria otherwise.

    Parameters
    ----------
    rg : RepeatedGame
        A two-player repeated game with numeric payoffs and probabilities.
    delta : number
        The common discount factor, :math:`0 \le \delta < 1`.
    method : {"auto", "polygon", "projection", "hyperplane", "jyc"}
        ``"polygon"`` applies the self-generation operator exactly to polygons
        (perfect monitoring only); ``"projection"`` applies it to polygons under
        any public monitoring, finding the edges of each profile's piece by
        linear programs in the set's own edge normals (no direction
        grid: ``cybergames.repeated.payoff_sets.projection``; with three or more
        players on polytopes, facet by facet: ``cybergames.repeated.payoff_sets.projection_space``);
        ``"hyperplane"`` is Judd, Yeltekin & Conklin's
        method with linear programs in fixed and adaptive directions (any
        public monitoring); ``"jyc"`` its version with halfspace continuations
        (any number of players). ``"auto"`` picks ``"polygon"`` when monitoring
        is perfect; for two players otherwise ``"projection"`` up to
        :math:`\delta = 0.95` (``AUTO_PROJECTION_DELTA``) when numba is installed
        (the ``fast`` extra; without it projection runs in plain Python, about
        70 times slower) and ``"hyperplane"`` otherwise; and ``"jyc"`` for three
        or more. ``"projection"`` reaches small
        gaps where ``"hyperplane"`` stalls; it needs about
        :math:`\log(\text{gap}/\text{tol}) / (1 - \delta)` iterations.
    directions : int, default 32
        The number of fixed, evenly spread search directions of ``"hyperplane"``
        (the edge normals of the current inner polygon are added to them).
    tol : float, default 1e-4
        Stop when the Hausdorff distance between the outer and inner sets is at most ``tol``.
    max_iter : int, default 5000
        The most iterations; the result says whether it converged.
    progress : bool or callable, optional
        ``True`` prints the iteration and the gap to standard error; a callable
        is called as ``progress(iteration, gap)`` after every iteration.

    Returns
    -------
    EquilibriumPayoffSet
        With both polygons, the gap, the convergence history and the status.

    Raises
    ------
    DiscountFactorError
        If ``delta`` is not in :math:`[0, 1)`.
    GameError
        If the game does not have two players or is symbolic.
    ParameterError
        If ``method``, ``directions``, ``tol``, ``max_iter`` or ``progress`` is invalid,
        or ``"polygon"`` is asked for under imperfect monitoring.

    Notes
    -----
    All arithmetic is in float64; the inner set is certified self-generating up
    to a relative rounding tolerance of about :math:`10^{-9}`. The iteration runs
    on payoffs divided by a power of two near their largest size, so multiplying
    every payoff by :math:`s > 0` (from :math:`10^{-300}` to :math:`10^{300}`)
    multiplies both sets by :math:`s` when ``tol`` is multiplied by :math:`s`
    too: ``tol`` is in payoff units.

    References
    ----------
    Abreu, Pearce & Stacchetti, "Toward a theory of discounted repeated games
    with imperfect monitoring", *Econometrica* 58(5), 1990, Theorems 1-2.
    Judd, Yeltekin & Conklin, "Computing supergame equilibria",
    *Econometrica* 71(4), 2003. Abreu & Sannikov, "An algorithm for two-player
    repeated games with perfect monitoring", *Theoretical Economics* 9, 2014.

    Examples
    --------
    >>> from cybergames import NormalFormGame, RepeatedGame
    >>> pd = NormalFormGame([[[9, 1], [10, 3]], [[9, 10], [1, 3]]])
    >>> V = equilibrium_payoff_set(RepeatedGame(pd), 0.9)
    >>> V.shape, V.inner.vertices.round(6).tolist()
    ('polygon', [[3.0, 3.0], [9.75, 3.0], [9.0, 9.0], [3.0, 9.75]])
    >>> equilibrium_payoff_set(RepeatedGame(pd), 0.2).inner.vertices.tolist()   # 1/7 <= delta < 1/4
    [[3.0, 3.0], [9.0, 9.0]]
    """
    stage = stage_of(rg, any_players=method in ("auto", "jyc", "projection"))
    value = _numbers.normalise(delta, "delta", DiscountFactorError)
    if _numbers.kind_of([value]) == _numbers.SYMBOLIC or not 0 <= value < 1:
        raise DiscountFactorError(f"delta must satisfy 0 <= delta < 1, got {delta!r}")
    if method not in _METHODS:
        raise ParameterError(f"method: expected one of {_METHODS}, got {method!r}")
    if method == "auto":
        method = "jyc" if stage.payoffs.shape[1] != 2 else "polygon" if rg.is_perfect else \
            "projection" if value <= AUTO_PROJECTION_DELTA and _simplex.compiled() else "hyperplane"
    if method == "polygon" and not rg.is_perfect:
        raise ParameterError("method: 'polygon' needs perfect monitoring; use 'hyperplane' for public monitoring")
    if isinstance(directions, bool) or not isinstance(directions, (int, np.integer)) or directions < 3:
        raise ParameterError(f"directions: expected an integer >= 3, got {directions!r}")
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not 0 < tol < math.inf:
        raise ParameterError(f"tol: expected a positive number, got {tol!r}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, (int, np.integer)) or max_iter < 0:
        raise ParameterError(f"max_iter: expected a non-negative integer, got {max_iter!r}")
    printer = progress is True
    if printer:
        progress = _progress_printer()
    elif progress is False:
        progress = None
    elif progress is not None and not callable(progress):
        raise ParameterError(f"progress: expected True, False, None or a callable, got {progress!r}")
    d = float(value)
    if method == "projection":
        return _run_projection(rg, stage, value, float(tol), int(max_iter), progress, printer)
    if method == "jyc":
        return _run_jyc(rg, stage, value, int(directions), float(tol), int(max_iter), progress, printer)
    # The engines run on payoffs divided by a power of two near their scale (exact; the sets scale
    # with the payoffs): squared distances of 1e300 payoffs overflow and those of 1e-300 vanish, and
    # the linear programs' tolerances are absolute. The sets, gaps and history come back in game units.
    unit_stage, unit = binary_normalised(stage)
    engine = PolygonEngine(unit_stage, d) if method == "polygon" else HyperplaneEngine(unit_stage, d, int(directions))
    outer, inner, iterations, history, stopped = _iterate(
        engine, float(tol) / unit, int(max_iter), None if progress is None else (lambda k, g: progress(k, g * unit)))
    if printer:
        sys.stderr.write("\n")
    outer, inner = _snap(outer, unit_stage.scale), _snap(inner, unit_stage.scale)
    gap = _polytopes.hausdorff2(outer, inner)
    converged = len(outer) == 0 or gap <= tol / unit + 1e-9 * unit_stage.scale     # up to the rounding of _snap
    return EquilibriumPayoffSet(rg, value, _scaled_polygon(outer, unit), _scaled_polygon(inner, unit), gap * unit,
                                iterations, tuple(g * unit for g in history), converged, method, float(tol),
                                0 if method == "polygon" else int(directions), stopped)


def _scaled_polygon(vertices: np.ndarray, unit: float) -> Polytope:
    """The float polygon ``unit * vertices`` (``unit`` a power of two: the normals do not change)."""
    polytope = Polytope._from_float2(vertices)
    if unit == 1.0:
        return polytope
    return Polytope(_frozen(np.asarray(polytope.vertices, dtype=float) * unit, 2, False), polytope.normals,
                    _frozen([[o * unit] for o in np.asarray(polytope.offsets, dtype=float)], 1, False)[:, 0],
                    polytope.dimension, False)


def _polytope(vertices: np.ndarray, n: int, scale: float = 1.0) -> Polytope:
    # The hull is taken of the vertices divided by a power of two near the payoff scale (exact),
    # whose squares stay in the float range for payoffs of any magnitude, and multiplied back.
    unit = 2.0 ** (math.frexp(scale)[1] - 1)
    vertices = vertices / unit
    if n == 2:
        polytope = Polytope._from_float2(_polytopes.hull2(vertices) if len(vertices) else vertices.reshape(0, 2))
    else:
        polytope = Polytope._from_hull(_polytopes.convex_hull(vertices.tolist(), n, exact=False), n, False)
    if unit == 1.0:
        return polytope
    return Polytope(_frozen(np.asarray(polytope.vertices, dtype=float) * unit, n, False), polytope.normals,
                    _frozen([[o * unit] for o in np.asarray(polytope.offsets, dtype=float)], 1, False)[:, 0],
                    polytope.dimension, False)


def _run_jyc(rg, stage, value, directions, tol, max_iter, progress, printer) -> EquilibriumPayoffSet:
    """``method="jyc"``: :mod:`.jyc`'s iteration, any number of players."""
    from . import jyc
    state, iterations, history, stopped, gap = jyc.run(stage, float(value), directions, tol, max_iter, progress)
    if printer:
        sys.stderr.write("\n")
    n = stage.payoffs.shape[1]
    outer = _polytope(state.outer, n, stage.scale)
    inner = _polytope(state.inner, n, stage.scale) if len(state.outer) else _polytope(np.zeros((0, n)), n)
    converged = len(state.outer) == 0 or gap <= tol
    return EquilibriumPayoffSet(rg, value, outer, inner, 0.0 if len(state.outer) == 0 else gap, iterations,
                                tuple(history), converged, "jyc", tol, len(state.directions), stopped)


def _run_projection(rg, stage, value, tol, max_iter, progress, printer) -> EquilibriumPayoffSet:
    """``method="projection"``: :mod:`.projection`'s iteration (two players, any public monitoring).

    Three or more players: :mod:`.projection_space`'s iteration on polytopes.
    """
    n = stage.payoffs.shape[1]
    if n < 2:
        raise GameError(f"rg: method 'projection' needs at least two players, this game has {n}")
    if n != 2:
        from . import projection_space
        outer, inner, iterations, history, stopped, gap = projection_space.run(stage, float(value), tol, max_iter,
                                                                               progress)
        if printer:
            sys.stderr.write("\n")
        empty = len(outer) == 0
        return EquilibriumPayoffSet(rg, value, _polytope(outer, n, stage.scale),
                                    _polytope(np.zeros((0, n)) if empty else inner, n, stage.scale),
                                    0.0 if empty else gap, iterations, tuple(history), empty or gap <= tol,
                                    "projection", tol, 0, stopped)
    from . import projection
    outer, inner, iterations, history, stopped = projection.run(stage, float(value), tol, max_iter, progress)
    if printer:
        sys.stderr.write("\n")
    gap = _polytopes.hausdorff2(outer, inner) if len(outer) else 0.0
    converged = len(outer) == 0 or gap <= tol
    return EquilibriumPayoffSet(rg, value, Polytope._from_float2(outer), Polytope._from_float2(inner), gap,
                                iterations, tuple(history), converged, "projection", tol, 0, stopped)


def _snap(vertices: np.ndarray, scale: float) -> np.ndarray:
    """Vertices rounded to 11 decimals of the payoff scale (below the certification tolerance)."""
    if len(vertices) == 0:
        return vertices
    return _polytopes.hull2(np.round(vertices / scale, 11) * scale)


def _extrapolate(first: np.ndarray | None, second: np.ndarray, third: np.ndarray) -> np.ndarray | None:
    r"""Aitken's extrapolation of three polygons with matching vertices, or None.

    A sequence converging linearly, :math:`x_k \approx x^* + c \rho^k`, has
    :math:`x^* \approx x_k - (\Delta x_k)^2 / \Delta^2 x_k`, applied to each coordinate of each vertex.
    Only a candidate: it is used if it is certified self-generating.
    """
    if first is None or not (len(first) == len(second) == len(third) >= 1):
        return None
    d1, d2 = second - first, third - second
    curvature = d2 - d1
    safe = np.abs(curvature) > 1e-300
    jump = np.where(safe, d2 * d2 / np.where(safe, curvature, 1.0), 0.0)
    if not np.isfinite(jump).all() or np.abs(jump).max() > 10 * max(np.abs(d2).max(), 1e-300):
        return None
    return _polytopes.hull2(third - jump)


def _iterate(engine: Any, tol: float, max_iter: int, progress: Callable | None):
    """Shrink the outer set and grow the inner one until they are within ``tol``.

    The inner set starts from a self-generating seed and grows by the operator.
    When the outer set stops moving it is a fixed point, hence the equilibrium
    set itself, and is certified as such. When the inner set stops growing
    short of the outer set (a smaller fixed point, or no seed at all), a
    tightened sequence (incentive constraints with a margin) is run down from
    the current outer set; once it is certified self-generating it joins the
    inner set. If it vanishes or settles without being certified, the margin
    is reduced.
    """
    outer = engine.initial_outer()
    inner = engine.seed()
    gap = _polytopes.excess2(outer, inner)
    history: list[float] = []
    tight, margin, restarts = None, engine.initial_margin(tol), 0
    iterations, inner_settled, previous_tight = 0, False, None
    best, best_at, tight_since = gap, 0, 0
    outer_steps: list[float] = []
    before_outer = None
    while iterations < max_iter and len(outer) and not gap <= tol:
        if iterations - best_at >= engine.patience:
            return outer, inner, iterations, history, "stalled"
        iterations += 1
        previous_outer, previous_inner, previous_gap = outer, inner, gap
        outer = engine.outer_step(outer, inner)
        outer_step = _outer_movement(previous_outer, outer)
        outer_closing = _soon_fixed(outer_steps, outer_step, engine.rounding)
        outer_steps.append(outer_step)
        # While the outer set is about to become a fixed point (which certifies itself as the
        # equilibrium set), growing the inner set as well would only double the work.
        if not inner_settled and not (outer_closing and len(outer_steps) > 2):
            inner = engine.grow(inner)                        # B(Z) inside Z: growing again changes nothing
            inner_settled = inner.shape == previous_inner.shape and bool((inner == previous_inner).all())
        gap = _polytopes.excess2(outer, inner)
        if gap > tol and outer_closing and len(outer_steps) % 3 == 0 and outer_steps[-1] < 1e-3 * engine.stage.scale:
            # The outer polygons converge linearly to the equilibrium set: Aitken's extrapolation
            # lands next to it, and joins the inner set once certified self-generating.
            candidate = _extrapolate(before_outer, previous_outer, outer)
            if candidate is not None and engine.certify(candidate) \
                    and _polytopes.contains2(outer, candidate, engine.rounding).all():
                inner, inner_settled = engine.join(inner, candidate), True
                gap = _polytopes.excess2(outer, inner)
        before_outer = previous_outer
        if gap > tol and len(outer) and outer.shape == previous_outer.shape \
                and np.abs(outer - previous_outer).max() <= engine.rounding and engine.certify(outer):
            inner, gap = outer, 0.0                             # a fixed point: the set itself
        if tight is None and restarts < engine.max_restarts and gap > tol and not outer_closing \
                and gap > (1 - engine.stall_ratio) * previous_gap \
                and (len(inner) == 0 or _polytopes.excess2(inner, previous_inner) < engine.stall_ratio * gap):
            tight, tight_since = outer, iterations              # neither side is closing the gap
        if tight is not None and gap > tol:
            before, previous = previous_tight, tight
            previous_tight = tight
            tight = engine.tight_step(tight, margin)
            step = _polytopes.excess2(previous, tight)
            if len(tight) == 0:
                tight, margin, restarts = None, margin / 4, restarts + 1
            else:
                candidate = _extrapolate(before, previous, tight) if step <= 100 * margin else None
                certified = candidate if candidate is not None and engine.certify(candidate) else \
                    tight if step <= margin and engine.certify(tight) else None
                if certified is not None:
                    inner = engine.join(inner, certified)
                    tight, restarts, inner_settled = None, restarts + 1, False
                    gap = _polytopes.excess2(outer, inner)
                elif step <= 1e-6 * margin or iterations - tight_since >= engine.tight_budget:
                    tight, margin, restarts = None, margin / 4, restarts + 1   # settled, not self-generating
        history.append(gap)
        if gap < (1 - 1e-3) * best:
            best, best_at = gap, iterations
        if progress is not None:
            progress(iterations, gap)
    stopped = "empty" if len(outer) == 0 else "tolerance" if gap <= tol else "max_iter"
    return outer, inner, iterations, history, stopped


def _outer_movement(previous: np.ndarray, current: np.ndarray) -> float:
    """How far the outer polygon moved in one step (inf when its vertex count changed)."""
    if previous.shape != current.shape:
        return math.inf
    return float(np.abs(previous - current).max()) if len(current) else 0.0


def _soon_fixed(steps: list, step: float, rounding: float, horizon: int = 60) -> bool:
    """Whether the outer sequence, shrinking geometrically, will stop moving within ``horizon`` steps.

    Then the outer set is about to be a certified fixed point (the equilibrium
    set itself), which is cheaper than running a tightened sequence beside it.
    """
    if step <= rounding:
        return False                                   # already fixed: certified above, or not at all
    if not steps or not math.isfinite(step) or not math.isfinite(steps[-1]) or steps[-1] <= 0:
        return True                                    # no rate yet: give the outer set a chance
    rate = step / steps[-1]
    if not 0 < rate < 1:
        return False
    return math.log(rounding / step) / math.log(rate) <= horizon


@verify.register
def _verify_payoff_set(result: EquilibriumPayoffSet, *, tol: float = 1e-7) -> Verification:
    """Re-check that every inner vertex is generated by the inner set (one LP per vertex).

    Independently of the iteration: for each vertex :math:`z` a linear program
    looks for a lottery over profiles and continuation values :math:`w(y)` in
    the inner polygon satisfying every incentive constraint and averaging to
    :math:`z`. Also checks that the inner set lies in the outer one.
    """
    from .verify import generated_residuals, vertex_residuals
    failures = []
    inner = np.asarray(result.inner.vertices, dtype=float)
    stage = stage_of(result.game, any_players=True)
    scale = stage.scale
    if stage.payoffs.shape[1] >= 3:       # polytopes in space: many facets, so lotteries over the vertices
        inner = inner.reshape(-1, stage.payoffs.shape[1])
        residuals = vertex_residuals(stage, float(result.delta), inner, inner)
    else:
        residuals = generated_residuals(result.game, float(result.delta), inner)
    for vertex, residual in zip(inner.tolist(), residuals):
        if not residual <= tol * scale:
            failures.append(f"inner vertex {vertex} is not generated by the inner set (residual {residual:.3g})")
    normals = np.asarray(result.outer.normals, dtype=float)
    offsets = np.asarray(result.outer.offsets, dtype=float)
    if len(inner) and not (inner @ normals.T - offsets <= tol * scale).all():
        failures.append("the inner set is not inside the outer set")
    return Verification(not failures, len(inner) + 1, tuple(failures))

