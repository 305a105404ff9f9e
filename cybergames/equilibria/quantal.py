r"""Logit quantal response equilibria: :func:`logit_branch` and :func:`qre_at`.

In a **quantal response equilibrium** (McKelvey & Palfrey 1995) players make
errors, but costly errors less often: each player's mixed action is a smooth
response to the others'. With the **logit** response and precision
:math:`\lambda \ge 0`,

.. math::

    \sigma_{ia} = \frac{\exp(\lambda\, u_i(a, \sigma_{-i}))}{\sum_b \exp(\lambda\, u_i(b, \sigma_{-i}))}
    \quad\text{for every player } i \text{ and action } a .

At :math:`\lambda = 0` every player mixes uniformly; as :math:`\lambda \to
\infty` the responses become best responses and QRE accumulate at Nash
equilibria (McKelvey & Palfrey 1995, Theorem 2). For almost every game the
QRE form a smooth curve through the uniform profile at :math:`\lambda = 0`,
the **principal branch**, which converges to a unique Nash equilibrium: the
logit tracing procedure's selection (Theorem 3; Turocy 2005).

The branch is followed in :math:`(\lambda, \log\sigma)` by predictor–corrector
continuation (see the module ``_logit_path`` and
:doc:`/explanation/quantal-response-equilibrium`). Every point is a
:class:`LogitQRE` carrying its **fixed-point residual**
:math:`\max_{i,a} |\sigma_{ia} - L_{ia}(\sigma)|`, the certificate that
``verify`` recomputes from the game. QRE are transcendental numbers: exact
games are solved in float64 and the results are floats.

References
----------
McKelvey & Palfrey, "Quantal response equilibria for normal form games",
*Games and Economic Behavior* 10 (1995). Turocy, "A dynamic homotopy
interpretation of the logistic quantal response equilibrium correspondence",
*Games and Economic Behavior* 51 (2005). Goeree, Holt & Palfrey, *Quantal
Response Equilibrium: A Stochastic Theory of Games* (2016), ch. 1–2.
Allgower & Georg, *Numerical Continuation Methods* (1990), ch. 2–3.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError
from ..games.normal_form import NormalFormGame
from . import _logit_path
from ._build import check_game, check_tol

__all__ = ["logit_branch", "qre_at", "LogitQRE", "LogitBranch"]


@dataclass(frozen=True, eq=False)
class LogitQRE:
    r"""One logit quantal response equilibrium, with its certificate.

    Attributes
    ----------
    lam : float
        The precision :math:`\lambda \ge 0` (in units of one over the payoffs).
    strategies : tuple of ndarray
        Each player's mixed action (read-only float arrays, all entries positive).
    payoffs : tuple of float
        Each player's expected payoff.
    gains : tuple of float
        Each player's best-deviation gain :math:`\max_a u_i(a, \sigma_{-i}) -
        u_i(\sigma)` (how far from a Nash equilibrium the profile is; it falls
        to zero as :math:`\lambda \to \infty`).
    residual : float
        The certificate: :math:`\max_{i,a} |\sigma_{ia} - L_{ia}(\sigma)|`, the
        largest difference between a probability and the logit response to
        the profile.
    game : NormalFormGame
        The game (not shown in the repr).
    """

    lam: float
    strategies: tuple
    payoffs: tuple
    gains: tuple
    residual: float
    game: NormalFormGame = field(repr=False)

    def __repr__(self) -> str:
        mixed = ", ".join("[" + ", ".join(f"{p:.6g}" for p in s) + "]" for s in self.strategies)
        return f"LogitQRE(lam={self.lam:.6g}, strategies=({mixed}), residual={self.residual:.3g})"


@dataclass(frozen=True, eq=False)
class LogitBranch:
    r"""Points of the principal branch of the logit QRE correspondence, from :math:`\lambda = 0`.

    Attributes
    ----------
    points : tuple of LogitQRE
        In the order of the path (by arc length; :math:`\lambda` increases
        along it except where the branch bends back).
    end : str
        Why the path stopped: ``"max_lambda"`` (the last point is at exactly
        ``max_lambda``) or ``"max_regret"`` (every player's gain is at most
        ``max_regret`` times the payoff scale: an approximate Nash equilibrium).
    max_lambda : float or None
        The ``max_lambda`` asked for (or, without one, the cap ``1e12 / max|u|``
        if the path reached it before ``max_regret``).
    max_regret : float
    game : NormalFormGame
    """

    points: tuple
    end: str
    max_lambda: float | None
    max_regret: float
    game: NormalFormGame = field(repr=False)

    @property
    def lambdas(self) -> np.ndarray:
        """The precisions of the points, in path order."""
        return np.array([p.lam for p in self.points])

    @property
    def last(self) -> LogitQRE:
        """The last point: the branch's approximation of its limit Nash equilibrium (or the point at ``max_lambda``)."""
        return self.points[-1]

    def __repr__(self) -> str:
        return (f"LogitBranch({len(self.points)} points, lam from 0 to {self.points[-1].lam:.6g}, "
                f"end={self.end!r}, last={self.points[-1]!r})")


def check_lambda(lam: Any, name: str = "lam") -> float:
    """``lam`` as a finite float >= 0; a :class:`ParameterError` otherwise."""
    if isinstance(lam, (bool, np.bool_)) or not isinstance(lam, numbers.Real):
        raise ParameterError(f"{name}: expected a finite number >= 0 (the logit precision), got {lam!r}")
    value = float(lam)
    if not math.isfinite(value) or value < 0:
        raise ParameterError(f"{name}: expected a finite number >= 0 (the logit precision), got {lam!r}")
    return value


def float_payoffs(game: NormalFormGame) -> list[np.ndarray]:
    """The payoff arrays in float64 (QRE are transcendental: exact games are solved in floats)."""
    try:
        return [np.asarray(p, dtype=float) for p in game.payoffs]
    except OverflowError as exc:
        raise ParameterError("game: the payoffs exceed the float range, which logit responses need") from exc


def logit_response(values: np.ndarray, lam: float) -> np.ndarray:
    """The logit response to action values (shifted by their maximum: no overflow)."""
    exponents = lam * (values - values.max())
    weights = np.exp(exponents)
    return weights / weights.sum()


def make_point(game: NormalFormGame, strategies: list[np.ndarray], lam: float) -> LogitQRE:
    """The :class:`LogitQRE` of a profile, with its residual, payoffs and gains from the game."""
    payoffs = float_payoffs(game)
    stored = []
    for s in strategies:
        array = np.array(s, dtype=float)
        array.flags.writeable = False
        stored.append(array)
    residual, values, gains = _certificate(payoffs, stored, lam)
    return LogitQRE(lam, tuple(stored), tuple(values), tuple(gains), residual, game)


def _certificate(payoffs: list[np.ndarray], strategies: list[np.ndarray], lam: float):
    """``(residual, expected payoffs, gains)`` of a profile, by plain contractions over the payoff arrays."""
    residual, values, gains = 0.0, [], []
    n = len(payoffs)
    for i, payoff in enumerate(payoffs):
        action_values = payoff
        for k in reversed(range(n)):
            if k != i:
                action_values = np.tensordot(action_values, strategies[k], axes=([k], [0]))
        action_values = np.asarray(action_values, dtype=float)
        value = float(action_values.dot(strategies[i]))
        values.append(value)
        gains.append(float(action_values.max() - value))
        residual = max(residual, float(np.abs(strategies[i] - logit_response(action_values, lam)).max()))
    return residual, values, gains


#: The largest precision, times the payoff scale, that the branch is followed to. Beyond it a payoff
#: difference of 1e-10 relative to the scale already weighs e^100: the logit response is a best
#: response to float precision, and the exponents outgrow the precision of the payoffs.
MAX_SCALED_LAMBDA = 1e12


def largest_lambda(game: NormalFormGame) -> float:
    """``MAX_SCALED_LAMBDA / max|u|``: the largest precision accepted for ``game``."""
    return MAX_SCALED_LAMBDA / _numbers.unit_of(*float_payoffs(game))


def check_lambda_range(game: NormalFormGame, lam: float, name: str = "lam") -> float:
    """``lam`` if it is at most :func:`largest_lambda` of ``game``; a :class:`ParameterError` otherwise."""
    top = largest_lambda(game)
    if lam > top:
        raise ParameterError(f"{name}: expected at most {top:.6g} for this game (1e12 over its largest absolute "
                             f"payoff; beyond it the logit response is a best response to float precision), "
                             f"got {lam!r}")
    return lam


def _trace(game: NormalFormGame, max_lambda: float | None, max_regret: float, tol: float):
    system = _logit_path.LogitSystem(float_payoffs(game))
    # in the system's scaled units (payoffs over their scale, lambda times it); without max_lambda,
    # stop at the regret; the cap only bounds a path that would not reach it
    cap = max_lambda * system.unit if max_lambda is not None else MAX_SCALED_LAMBDA

    def regret(point: np.ndarray) -> float:
        strategies = system.profile(point)
        return max(_certificate(system.payoffs, strategies, point[-1])[2])

    def stop(previous: np.ndarray, point: np.ndarray) -> bool:
        return point[-1] >= cap or (max_lambda is None and regret(point) <= max_regret)

    top = cap / system.unit if max_lambda is None else max_lambda
    if cap == 0:
        return system, [system.start()], "max_lambda", top
    points = _logit_path.trace(system, stop, tol=min(tol, 1e-12))
    if points[-1][-1] >= cap:
        points[-1] = _logit_path.at_lambda(system, points[-2], points[-1], cap, tol=min(tol, 1e-12))
        return system, points, "max_lambda", top
    return system, points, "max_regret", max_lambda


def logit_branch(game: NormalFormGame, *, max_lambda: Any = None, max_regret: float = 1e-8,
                 tol: float = DEFAULT_TOL) -> LogitBranch:
    r"""The principal branch of logit quantal response equilibria, traced from :math:`\lambda = 0`.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game with any number of players (exact games are solved in floats).
    max_lambda : float, optional
        Follow the branch up to this precision; the last point is at exactly
        ``max_lambda``. Default: until the profile is an approximate Nash
        equilibrium (see ``max_regret``), or to ``1e12 / max|u|``, the largest
        precision accepted.
    max_regret : float, optional
        Without ``max_lambda``: stop at the first point where every player's
        best-deviation gain is at most ``max_regret`` times the largest
        absolute payoff (default ``1e-8``, as Gambit's ``logit_solve``).
    tol : float, optional
        The tolerance of the corrector (at most ``1e-12`` is used) and of the
        residual check, relative to :math:`\max(1, \lambda \max|u|)`.

    Returns
    -------
    LogitBranch
        The points, each a :class:`LogitQRE` with its residual.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame`.
    ParameterError
        If ``max_lambda`` is negative, not finite or above ``1e12 / max|u|``,
        ``max_regret`` not in (0, 1) or ``tol`` not in (0, 1).

    Notes
    -----
    The equations, in log-probabilities :math:`w = \log\sigma`, are
    :math:`\sum_a e^{w_{ia}} = 1` and :math:`w_{ia} - w_{i0} = \lambda
    (u_i(a, \sigma_{-i}) - u_i(0, \sigma_{-i}))`; their solutions through
    :math:`(\log(1/m_i), 0)` form the branch, followed by arc length with an
    Euler predictor and Newton corrector (Turocy 2005; Allgower & Georg
    1990). Scaling every payoff by :math:`c > 0` scales the branch's
    :math:`\lambda` by :math:`1/c`. In a non-generic game the branch can
    pass a bifurcation; the path keeps to the branch it is on.

    References
    ----------
    McKelvey & Palfrey (1995), *Games and Economic Behavior* 10, sec. 3;
    Turocy (2005), *Games and Economic Behavior* 51, sec. 3–4.

    Examples
    --------
    In matching pennies every precision gives the even mix (by symmetry; the
    unique Nash equilibrium too):

    >>> from cybergames import matching_pennies, logit_branch
    >>> branch = logit_branch(matching_pennies())
    >>> branch.points[0]
    LogitQRE(lam=0, strategies=([0.5, 0.5], [0.5, 0.5]), residual=0)
    >>> branch.end, [float(round(p, 9)) for p in branch.last.strategies[0]]
    ('max_regret', [0.5, 0.5])
    """
    check_game(game, "logit_branch")
    limit = None if max_lambda is None else check_lambda_range(game, check_lambda(max_lambda, "max_lambda"),
                                                                "max_lambda")
    if isinstance(max_regret, (bool, np.bool_)) or not isinstance(max_regret, numbers.Real) \
            or not 0 < float(max_regret) < 1:
        raise ParameterError(f"max_regret: expected a number in (0, 1) (relative to the payoff scale), "
                             f"got {max_regret!r}")
    max_regret = float(max_regret)
    tol = check_tol(tol)
    system, points, end, limit = _trace(game, limit, max_regret, tol)
    lambdas = [float(p[-1]) / system.unit for p in points]
    if end == "max_lambda":
        lambdas[-1] = limit                     # exactly, not via the scaling's rounding
    results = tuple(make_point(game, system.profile(p), lam) for p, lam in zip(points, lambdas))
    return LogitBranch(results, end, limit, max_regret, game)


def qre_at(game: NormalFormGame, lam: Any, *, tol: float = DEFAULT_TOL) -> LogitQRE:
    r"""The logit QRE at precision ``lam`` on the principal branch.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game with any number of players (exact games are solved in floats).
    lam : float
        The precision :math:`\lambda \ge 0`, at most ``1e12 / max|u|`` (beyond
        it the logit response is a best response to float precision).
    tol : float, optional
        As in :func:`logit_branch`.

    Returns
    -------
    LogitQRE
        The first point of the branch (by arc length from :math:`\lambda = 0`)
        at precision ``lam``; where the branch bends back, a game can have
        other QRE at the same precision, off the principal branch or later on it.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame`.
    ParameterError
        If ``lam`` is negative, not finite or above ``1e12 / max|u|``, or
        ``tol`` not in (0, 1).

    References
    ----------
    McKelvey & Palfrey (1995), *Games and Economic Behavior* 10.

    Examples
    --------
    Goeree, Holt & Palfrey's (2016, ch. 1) asymmetric matching pennies: the
    row player earns 9 at (Top, Left), 1 at (Bottom, Right). Nash has the row
    player mix evenly; a noisy column player makes Top more attractive, and the
    QRE row player plays Top more often than Nash predicts (the "own-payoff
    effect"):

    >>> from cybergames import NormalFormGame, qre_at
    >>> game = NormalFormGame([[[9, 0], [0, 1]], [[0, 1], [1, 0]]])
    >>> qre = qre_at(game, 5)
    >>> [round(float(p), 4) for p in qre.strategies[0]], [round(float(q), 4) for q in qre.strategies[1]]
    ([0.702, 0.298], [0.1171, 0.8829])
    >>> qre.residual < 1e-12
    True
    """
    check_game(game, "qre_at")
    lam = check_lambda_range(game, check_lambda(lam))
    tol = check_tol(tol)
    system, points, _, _ = _trace(game, lam, 1e-8, tol)
    return make_point(game, system.profile(points[-1]), lam)


# ---------------------------------------------------------------- verification
def _residual_bound(game: NormalFormGame, lam: float, tol: float) -> float:
    return tol * max(1.0, lam * _numbers.scale_of(*float_payoffs(game)))


@verify.register(LogitQRE)
def _verify_qre(qre: LogitQRE, *, tol: float | None = None) -> Verification:
    r"""Recompute the logit response to the profile with the game's own payoff methods.

    Checks: each mixed action is a distribution; the residual
    :math:`\max |\sigma - L(\sigma)|` is at most ``tol * max(1, λ max|u|)``
    (the logit map's sensitivity grows with :math:`\lambda`); the recorded
    residual, payoffs and gains are what the profile gives.
    """
    game = qre.game
    tol = DEFAULT_TOL if tol is None else float(tol)
    failures: list[str] = []
    try:
        mixed = game.mixed_profile([np.asarray(s, dtype=float) for s in qre.strategies], tol=tol)
    except ValueError as exc:
        return Verification(False, 1, (f"strategies: not a mixed profile of the game ({exc})",))
    if not (isinstance(qre.lam, float) and math.isfinite(qre.lam) and qre.lam >= 0):
        failures.append(f"lam: {qre.lam!r} is not a finite precision >= 0")
        return Verification(False, 2, tuple(failures))
    bound = _residual_bound(game, qre.lam, tol)
    scale = _numbers.scale_of(*float_payoffs(game))
    residual = 0.0
    for i in range(game.num_players):
        others = [None if j == i else m for j, m in enumerate(mixed)]
        values = np.array([float(v) for v in game.action_payoffs(i, others)])
        response = np.exp(qre.lam * (values - values.max()))
        response /= response.sum()
        residual = max(residual, float(np.abs(np.asarray(mixed[i], dtype=float) - response).max()))
        value = float(values.dot(np.asarray(mixed[i], dtype=float)))
        if abs(value - qre.payoffs[i]) > tol * max(scale, 1e-300) or \
                abs(values.max() - value - qre.gains[i]) > tol * max(scale, 1e-300):
            failures.append(f"player {game.players[i]!r}: recorded payoff/gain {qre.payoffs[i]!r}/{qre.gains[i]!r}, "
                            f"recomputed {value!r}/{values.max() - value!r}")
    if residual > bound:
        failures.append(f"the fixed-point residual is {residual:.3g}, above {bound:.3g}")
    if abs(residual - qre.residual) > bound:
        failures.append(f"the recorded residual {qre.residual:.3g} differs from the recomputed {residual:.3g}")
    return Verification(not failures, 2 + 2 * game.num_players, tuple(failures))


@verify.register(LogitBranch)
def _verify_branch(branch: LogitBranch, *, tol: float | None = None) -> Verification:
    """Verify every point, the start (uniform at λ = 0) and the stopping rule that the branch records."""
    failures: list[str] = []
    checked = 0
    for k, point in enumerate(branch.points):
        result = verify(point, tol=tol)
        checked += result.checked
        failures += [f"point {k}: {f}" for f in result.failures]
    first = branch.points[0]
    checked += 2
    if first.lam != 0 or any(not np.allclose(s, 1 / len(s), rtol=0, atol=1e-12) for s in first.strategies):
        failures.append("the branch does not start at the uniform profile at lam = 0")
    last = branch.points[-1]
    if branch.end == "max_lambda" and last.lam != branch.max_lambda:
        failures.append(f"the branch ends at lam = {last.lam!r}, not at max_lambda = {branch.max_lambda!r}")
    scale = _numbers.scale_of(*float_payoffs(branch.game))
    if branch.end == "max_regret" and max(last.gains) > branch.max_regret * scale * (1 + 1e-6):
        failures.append(f"the last point's largest gain {max(last.gains):.3g} exceeds max_regret")
    return Verification(not failures, checked, tuple(failures))
