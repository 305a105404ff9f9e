r"""The logit precision that best explains observed play: :func:`fit_logit`.

Given counts :math:`c_{ia}` of how often each player was seen to play each
action (one population per player role, independent observations), the
log-likelihood of a precision :math:`\lambda` is that of the logit QRE on the
principal branch,

.. math::

    \ell(\lambda) = \sum_{i, a} c_{ia} \log \sigma_{ia}(\lambda)
                  = \sum_{i, a} c_{ia}\, w_{ia}(\lambda),

and the maximum-likelihood estimate :math:`\hat\lambda` maximises it
(McKelvey & Palfrey 1995, sec. 4). Along the branch, where :math:`\lambda`
parametrises it, the implicit function theorem gives the score
:math:`\ell'(\lambda) = c \cdot dw/d\lambda` with :math:`dw/d\lambda =
-H_w^{-1} H_\lambda` (see :mod:`~cybergames.equilibria.quantal`); :math:`\hat\lambda` is the
root of the score next to the best point of the traced branch, found by
Brent's method. The **observed Fisher information** is
:math:`I(\hat\lambda) = -\ell''(\hat\lambda)`, by a central difference of the
exact score, and the asymptotic standard error is :math:`1/\sqrt{I}`.

References
----------
McKelvey & Palfrey, "Quantal response equilibria for normal form games",
*Games and Economic Behavior* 10 (1995), sec. 4. Goeree, Holt & Palfrey,
*Quantal Response Equilibrium* (2016), ch. 6 (estimation). Efron & Hinkley,
"Assessing the accuracy of the maximum likelihood estimator: observed versus
expected Fisher information", *Biometrika* 65 (1978).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Mapping, Sequence

import numpy as np

from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError, ProbabilityError, SolverError
from ..games.normal_form import NormalFormGame
from . import _logit_path
from ._build import check_game, check_tol
from .quantal import LogitQRE, _trace, check_lambda, check_lambda_range, make_point

__all__ = ["fit_logit", "LogitFit"]


@dataclass(frozen=True, eq=False)
class LogitFit:
    r"""The maximum-likelihood logit precision for observed action counts.

    Attributes
    ----------
    lam : float
        The estimate :math:`\hat\lambda`.
    standard_error : float or None
        :math:`1/\sqrt{I(\hat\lambda)}`; None at a boundary of the search
        (``status`` other than ``"interior"``) or if the information is not positive.
    log_likelihood : float
        :math:`\ell(\hat\lambda) = \sum c_{ia} \log \sigma_{ia}`.
    score : float
        :math:`\ell'(\hat\lambda)`: zero (within rounding) at an interior maximum.
    information : float
        The observed Fisher information :math:`-\ell''(\hat\lambda)` (it leaves
        the float range, becoming 0 or inf, only for payoffs beyond about
        :math:`10^{\pm 150}`; the standard error is computed without it then).
    status : str
        ``"interior"``; ``"lower bound"`` (:math:`\hat\lambda = 0`: the data
        are no more concentrated than uniform play along the branch); or
        ``"upper bound"`` (the likelihood still rises at the largest traced
        precision: the data are best explained by the limit Nash equilibrium).
    qre : LogitQRE
        The QRE at :math:`\hat\lambda`, the fitted choice probabilities.
    counts : tuple of ndarray
        The observed counts, one array per player (frequencies times ``observations``).
    game : NormalFormGame
    """

    lam: float
    standard_error: float | None
    log_likelihood: float
    score: float
    information: float
    status: str
    qre: LogitQRE = field(repr=False)
    counts: tuple = field(repr=False)
    game: NormalFormGame = field(repr=False)

    def __repr__(self) -> str:
        se = "None" if self.standard_error is None else f"{self.standard_error:.6g}"
        return (f"LogitFit(lam={self.lam:.6g}, standard_error={se}, log_likelihood={self.log_likelihood:.6g}, "
                f"status={self.status!r})")


def _count(value: Any, name: str) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ProbabilityError(f"{name}: expected a non-negative count or frequency, got {value!r}")
    number = float(Fraction(value)) if isinstance(value, numbers.Rational) else float(value)
    if not math.isfinite(number) or number < 0:
        raise ProbabilityError(f"{name}: expected a non-negative count or frequency, got {value!r}")
    return number


def _counts(game: NormalFormGame, data: Any, observations: Any) -> tuple[np.ndarray, ...]:
    """The data as one float array of counts per player, validated."""
    if isinstance(data, (str, bytes, Mapping)) or not isinstance(data, (Sequence, np.ndarray)) \
            or len(data) != game.num_players:
        raise ProbabilityError(f"data: expected one sequence of action counts (or frequencies) per player, "
                               f"{game.num_players} in all, got {data!r:.200}")
    result = []
    for i, entry in enumerate(data):
        labels = game.actions[i]
        if isinstance(entry, Mapping):
            unknown = [k for k in entry if k not in labels]
            if unknown:
                raise ProbabilityError(f"data[{i}]: unknown actions {unknown!r}; player {game.players[i]!r} "
                                       f"has {list(labels)!r}")
            entry = [entry.get(a, 0) for a in labels]
        if isinstance(entry, (str, bytes)) or not isinstance(entry, (Sequence, np.ndarray)) \
                or len(entry) != len(labels):
            raise ProbabilityError(f"data[{i}]: expected {len(labels)} counts (one per action of player "
                                   f"{game.players[i]!r}), got {entry!r:.200}")
        result.append(np.array([_count(v, f"data[{i}][{a}]") for a, v in enumerate(entry)]))
    if observations is not None:
        sizes = observations if isinstance(observations, (Sequence, np.ndarray)) else [observations] * len(result)
        if len(sizes) != len(result):
            raise ParameterError(f"observations: expected a number or one per player, got {observations!r}")
        for i, (frequencies, size) in enumerate(zip(result, sizes)):
            if isinstance(size, (bool, np.bool_)) or not isinstance(size, numbers.Real) or not size > 0 \
                    or not math.isfinite(float(size)):
                raise ParameterError(f"observations: expected positive numbers of observations, got {observations!r}")
            if abs(frequencies.sum() - 1) > 1e-9:
                raise ProbabilityError(f"data[{i}]: with observations, expected frequencies summing to one, "
                                       f"got {list(data[i])!r} (sum {frequencies.sum()!r})")
            result[i] = frequencies * float(size)
    if not any(c.sum() > 0 for c in result):
        raise ProbabilityError("data: expected at least one observation, got only zero counts")
    for c in result:
        c.flags.writeable = False
    return tuple(result)


class _Likelihood:
    """The log-likelihood and its score along a traced branch, with warm-started corrections."""

    def __init__(self, system: _logit_path.LogitSystem, points: list[np.ndarray], counts: Sequence[np.ndarray]):
        self.system, self.points = system, points
        self.c = np.concatenate(counts)

    def value(self, point: np.ndarray) -> float:
        return float(self.c.dot(point[:-1]))

    def score(self, point: np.ndarray) -> float:
        return float(self.c.dot(_logit_path.slope(self.system, point)))

    def point(self, lam: float, near: int) -> np.ndarray:
        """The branch point at ``lam`` (scaled units), from the traced segment nearest point ``near``."""
        points = self.points
        for j in sorted(range(len(points) - 1), key=lambda j: abs(j - near)):
            low, high = points[j][-1], points[j + 1][-1]
            if min(low, high) <= lam <= max(low, high):
                return _logit_path.at_lambda(self.system, points[j], points[j + 1], lam)
        raise SolverError(f"lam = {lam!r} is outside the traced branch")  # pragma: no cover


def fit_logit(game: NormalFormGame, data: Any, *, observations: Any = None, max_lambda: Any = None,
              tol: float = DEFAULT_TOL) -> LogitFit:
    r"""The maximum-likelihood logit precision for observed play, with its standard error.

    Parameters
    ----------
    game : NormalFormGame
        A numeric game with any number of players.
    data : sequence
        One entry per player: the counts of its actions, as a sequence in action
        order or a mapping from action labels to counts (missing actions: 0).
        Counts need not be integers (weighted data).
    observations : number or sequence, optional
        If given, ``data`` are *frequencies* (each player's summing to one)
        from this many observations (one number, or one per player); the counts
        are their products.
    max_lambda : float, optional
        Search :math:`[0, \text{max_lambda}]`. Default: the principal branch
        up to its approximate Nash limit (as :func:`logit_branch`).
    tol : float, optional
        As in :func:`logit_branch`.

    Returns
    -------
    LogitFit
        ``lam``, ``standard_error``, ``log_likelihood``, the ``qre`` at the
        estimate and the ``status`` of the maximum.

    Raises
    ------
    GameError
        If ``game`` is not a numeric :class:`NormalFormGame`.
    ProbabilityError
        If ``data`` are not counts (negative, non-finite or non-numeric
        entries, the wrong number of players or actions, all zero), or, with
        ``observations``, not frequencies summing to one.
    ParameterError
        If ``observations`` is not positive, ``max_lambda`` is negative or
        above ``1e12 / max|u|``, or ``tol`` not in (0, 1).

    Notes
    -----
    The likelihood is searched along the whole traced branch (it can have
    several local maxima); the estimate refines the best traced point by the
    root of the score between its neighbours. The standard error is
    asymptotic (Efron & Hinkley 1978): it treats the observations as
    independent draws from the QRE.

    References
    ----------
    McKelvey & Palfrey (1995), *Games and Economic Behavior* 10, sec. 4;
    Goeree, Holt & Palfrey (2016), *Quantal Response Equilibrium*, ch. 6.

    Examples
    --------
    Counts drawn near the QRE of asymmetric matching pennies at
    :math:`\lambda = 1` (Top 89, Bottom 11 of 100; Left 31, Right 69):

    >>> from cybergames import NormalFormGame, fit_logit, verify
    >>> game = NormalFormGame([[[9, 0], [0, 1]], [[0, 1], [1, 0]]])
    >>> fit = fit_logit(game, [[89, 11], [31, 69]])
    >>> round(fit.lam, 2), round(fit.standard_error, 2), fit.status
    (1.01, 0.26, 'interior')
    >>> verify(fit).ok
    True
    """
    check_game(game, "fit_logit")
    counts = _counts(game, data, observations)
    limit = None if max_lambda is None else check_lambda_range(game, check_lambda(max_lambda, "max_lambda"),
                                                                "max_lambda")
    tol = check_tol(tol)
    system, points, _, _ = _trace(game, limit, 1e-8, tol)
    likelihood = _Likelihood(system, points, counts)
    values = [likelihood.value(p) for p in points]
    best = int(np.argmax(values))
    estimate, status = _refine(likelihood, best)
    # the path's lambda is lambda * unit: the score and information in lambda carry one and two factors of unit
    unit = system.unit
    scaled_information = _information(likelihood, estimate, best)
    information = scaled_information * unit * unit         # can leave the float range at extreme payoff scales
    lam = float(estimate[-1]) / unit
    standard_error = 1 / (math.sqrt(scaled_information) * unit) \
        if status == "interior" and scaled_information > 0 else None
    qre = make_point(game, system.profile(estimate), lam)
    return LogitFit(lam, standard_error, likelihood.value(estimate), _safe_score(likelihood, estimate) * unit,
                    information, status, qre, counts, game)


def _safe_score(likelihood: _Likelihood, point: np.ndarray) -> float:
    try:
        return likelihood.score(point)
    except np.linalg.LinAlgError:                  # a turning point of the branch
        return float("nan")


def _refine(likelihood: _Likelihood, best: int) -> tuple[np.ndarray, str]:
    """The maximum next to traced point ``best``: a root of the score, or a boundary."""
    from scipy.optimize import brentq
    points = likelihood.points
    score = _safe_score(likelihood, points[best])
    if best == 0 and not score > 0:
        return points[0], "lower bound"
    if best == len(points) - 1 and not score < 0:
        return points[-1], "upper bound"
    side = best + 1 if score > 0 else best - 1           # the root lies towards the rising likelihood
    low, high = sorted((points[best][-1], points[side][-1]))

    def f(lam: float) -> float:
        return likelihood.score(likelihood.point(lam, best))

    try:
        if f(low) * f(high) < 0:
            lam = brentq(f, low, high, xtol=1e-14 * max(1.0, high), rtol=4 * np.finfo(float).eps)
            return likelihood.point(lam, best), "interior"
    except (np.linalg.LinAlgError, ArithmeticError):     # pragma: no cover - a turning point in the bracket
        pass
    return points[best], "interior"                       # pragma: no cover - the traced point is the best found


def _information(likelihood: _Likelihood, estimate: np.ndarray, best: int) -> float:
    """:math:`-\\ell''` at the estimate: a central difference of the exact score (one-sided at zero)."""
    lam = float(estimate[-1])
    top = max(p[-1] for p in likelihood.points)
    h = 1e-4 * max(lam, 1.0)
    try:
        if lam - h >= 0 and lam + h <= top:
            up, down = likelihood.point(lam + h, best), likelihood.point(lam - h, best)
            return -(likelihood.score(up) - likelihood.score(down)) / (2 * h)
        if lam + h <= top:
            return -(likelihood.score(likelihood.point(lam + h, best)) - likelihood.score(estimate)) / h
        return -(likelihood.score(estimate) - likelihood.score(likelihood.point(lam - h, best))) / h
    except (np.linalg.LinAlgError, ArithmeticError):     # pragma: no cover - a turning point
        return float("nan")


# ---------------------------------------------------------------- verification
@verify.register(LogitFit)
def _verify_fit(fit: LogitFit, *, tol: float | None = None) -> Verification:
    r"""Verify the QRE at the estimate and recompute the likelihood from the counts.

    Checks: the QRE verifies at ``lam``; the log-likelihood is
    :math:`\sum c \log \sigma` of its probabilities; it is at least that of
    uniform play (:math:`\lambda = 0`, a point of every branch); at an interior
    estimate the information is positive, the standard error is
    :math:`1/\sqrt{I}` and the score is zero within rounding.
    """
    failures: list[str] = []
    result = verify(fit.qre, tol=tol)
    failures += [f"qre: {f}" for f in result.failures]
    if fit.qre.lam != fit.lam:
        failures.append(f"the QRE is at lam = {fit.qre.lam!r}, the estimate {fit.lam!r}")
    total = sum(float(c.sum()) for c in fit.counts)
    with np.errstate(divide="ignore"):
        recomputed = sum(float(np.where(c > 0, c * np.log(s), 0.0).sum())
                         for c, s in zip(fit.counts, fit.qre.strategies))
    if not abs(recomputed - fit.log_likelihood) <= 1e-8 * max(1.0, abs(recomputed)):
        failures.append(f"the log-likelihood is {recomputed!r}, recorded {fit.log_likelihood!r}")
    uniform = sum(float(c.sum()) * math.log(1 / len(c)) for c in fit.counts)
    if fit.log_likelihood < uniform - 1e-9 * max(1.0, abs(uniform)):
        failures.append(f"the log-likelihood {fit.log_likelihood!r} is below uniform play's {uniform!r}")
    if fit.status == "interior":
        if fit.standard_error is None or not 0 < fit.standard_error < math.inf or not fit.information >= 0:
            failures.append(f"the information {fit.information!r} (standard error {fit.standard_error!r}) is not "
                            f"positive at an interior maximum")
        elif np.finfo(float).tiny <= fit.information < math.inf and \
                abs(fit.standard_error - 1 / math.sqrt(fit.information)) > 1e-9 * fit.standard_error:
            failures.append(f"the standard error {fit.standard_error!r} is not 1/sqrt(information)")
        unit = max(float(np.abs(np.asarray(p, dtype=float)).max()) for p in fit.game.payoffs) or 1.0
        if not abs(fit.score) <= 1e-6 * max(1.0, total) * (1 + fit.lam * unit) * unit:
            failures.append(f"the score {fit.score!r} is not zero at an interior maximum")
    return Verification(not failures, result.checked + 4, tuple(failures))
