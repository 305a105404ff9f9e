r"""Bayesian persuasion (Kamenica & Gentzkow 2011): :func:`persuasion`.

A state :math:`\omega` is drawn from a common prior :math:`\mu_0`. Before it is
drawn, the sender commits to a *signal*: a rule :math:`\pi(\cdot \mid \omega)`
for what to report. The receiver sees the report, updates by Bayes' rule and
takes an action :math:`a` maximising its expected :math:`u(a, \omega)`
(breaking ties in the sender's favour, the standard convention); the sender
receives :math:`v(a, \omega)`.

**Linear programme.** By the revelation principle it suffices to recommend
actions; with :math:`q(a, \omega) = \mu_0(\omega)\pi(a \mid \omega)` the
sender's problem is

.. math::

    \max_{q \ge 0} \sum_{a,\omega} q(a, \omega) v(a, \omega) \quad\text{s.t.}\quad
    \sum_a q(a, \omega) = \mu_0(\omega), \qquad
    \sum_\omega q(a, \omega)\bigl[u(a', \omega) - u(a, \omega)\bigr] \le 0 \ (a \ne a'),

the obedience constraints making every recommendation a best response
(Kamenica & Gentzkow 2011, sec. III; Bergemann & Morris 2019, sec. 2). It is
solved exactly for exact data (``_exact_lp``), the dual values of the
states and the obedience multipliers certifying optimality.

**Concavification.** Let :math:`\hat v(\mu)` be the sender's payoff when the
receiver holds belief :math:`\mu`. The sender's optimum is the concave closure
of :math:`\hat v` at the prior (Kamenica & Gentzkow 2011, Corollary 2). With
two states, :math:`\mu \in [0, 1]` is the probability of the second state,
the receiver's payoffs are lines in :math:`\mu`, and :math:`\hat v` is
piecewise linear between the points where the receiver's best response
changes (upper semicontinuous there, by the tie-breaking). The concave closure
is the upper hull of those finitely many points, computed exactly; the hull
edge above the prior is the certificate (a line above :math:`\hat v`
everywhere, through the value at the prior) and its end points the optimal
posteriors.

References
----------
Kamenica & Gentzkow, "Bayesian persuasion", *American Economic Review* 101
(2011), 2590–2615. Bergemann & Morris, "Information design: a unified
perspective", *Journal of Economic Literature* 57 (2019).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Mapping, Sequence

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..errors import ParameterError, ProbabilityError, SignallingGameError, SolverError
from . import _exact_lp
from .result import _show

__all__ = ["persuasion", "Persuasion"]

METHODS = ("lp", "concavification")


@dataclass(frozen=True, eq=False)
class Persuasion:
    """The sender's optimal signal in a persuasion problem, with its certificate.

    Attributes
    ----------
    value : number
        The sender's expected payoff under the optimal signal.
    signal : mapping
        ``signal[state][action]``: the probability of recommending ``action``
        in ``state`` (read-only mappings; every state, every action).
    probabilities : mapping
        How often each action is recommended (those with positive probability).
    posteriors : mapping
        The receiver's belief (``state -> probability``) after each recommendation.
    receiver_value : number
        The receiver's expected payoff.
    no_information : number
        The sender's payoff without information: the receiver acts on the
        prior (ties broken in the sender's favour). Persuasion helps iff
        ``value > no_information``.
    method : str
        ``"lp"`` or ``"concavification"``.
    exact : bool
    certificate : tuple
        ``"lp"``: ``(state_values, multipliers)``, the dual values of the
        states and the obedience multipliers ``((a, a'), y)`` (recommended
        action, deviation, both labels); together they
        bound every signal's value by ``sum(prior * state_values) = value``.
        ``"concavification"``: ``(intercept, slope)`` of a line above the
        sender's payoff at every belief ``mu`` (the second state's
        probability) and equal to ``value`` at the prior.
    states, actions : tuple of str
    prior : mapping
    sender, receiver : tuple of tuple
        The payoff tables, ``[state][action]``.
    """

    value: Any
    signal: Mapping
    probabilities: Mapping
    posteriors: Mapping
    receiver_value: Any
    no_information: Any
    method: str
    exact: bool
    certificate: tuple = field(repr=False)
    states: tuple = field(repr=False, default=())
    actions: tuple = field(repr=False, default=())
    prior: Mapping = field(repr=False, default_factory=dict)
    sender: tuple = field(repr=False, default=())
    receiver: tuple = field(repr=False, default=())

    def __repr__(self) -> str:
        rows = "; ".join(f"{state}: " + ", ".join(f"{a} {_show(p)}" for a, p in row.items() if p > 0)
                         for state, row in self.signal.items())
        return f"Persuasion(value={_show(self.value)}, signal={{{rows}}}, method={self.method!r})"


# ---------------------------------------------------------------- validation
def _labels(values: Any, name: str) -> tuple[str, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)) or len(values) == 0:
        raise SignallingGameError(f"{name}: expected a non-empty sequence of labels, got {values!r}")
    labels = tuple(values)
    if any(not isinstance(v, str) or not v for v in labels) or len(set(labels)) != len(labels):
        raise SignallingGameError(f"{name}: expected unique non-empty string labels, got {values!r}")
    return labels


def _check_prior(prior: Any) -> tuple[tuple[str, ...], list]:
    if not isinstance(prior, Mapping) or not prior:
        raise ProbabilityError(f"prior: expected a mapping state -> probability, got {prior!r}")
    states = tuple(prior)
    if any(not isinstance(s, str) or not s for s in states):
        raise ProbabilityError(f"prior: states must be non-empty string labels, got {list(states)!r}")
    values = [_numbers.normalise(prior[s], f"prior[{s!r}]", ProbabilityError) for s in states]
    for s, v in zip(states, values):
        if isinstance(v, sympy.Basic):
            raise ProbabilityError(f"prior[{s!r}]: expected a number, got the expression {v!r}")
        if v < 0:
            raise ProbabilityError(f"prior[{s!r}]: expected a probability (at least 0), got {v!r}")
    total = sum(values)
    if any(isinstance(v, float) for v in values):
        if abs(total - 1) > DEFAULT_TOL:
            raise ProbabilityError(f"prior: probabilities must sum to one, got {total!r} from {dict(prior)!r}")
    elif total != 1:
        raise ProbabilityError(f"prior: probabilities must sum to one, got {total} from {dict(prior)!r}")
    return states, values


def _table(values: Any, name: str, states: tuple, actions: tuple) -> list[list]:
    table = []
    for s in states:
        row = []
        for a in actions:
            if callable(values) and not isinstance(values, Mapping):
                entry = values(s, a)
            elif isinstance(values, Mapping):
                if (s, a) not in values:
                    raise SignallingGameError(f"{name}: missing the payoff of (state, action) {(s, a)!r}")
                entry = values[(s, a)]
            else:
                raise SignallingGameError(f"{name}: expected a mapping (state, action) -> number or a callable, "
                                          f"got {values!r}")
            entry = _numbers.normalise(entry, f"{name}[{(s, a)!r}]", SignallingGameError)
            if isinstance(entry, sympy.Basic):
                raise SignallingGameError(f"{name}[{(s, a)!r}]: expected a number, got the expression {entry!r}")
            row.append(entry)
        table.append(row)
    return table


def _number(value: Any, is_float: bool) -> Any:
    return float(value) if is_float else _numbers.simplify_exact(Fraction(value))


def _frozen_map(pairs: Any) -> Mapping:
    return MappingProxyType(dict(pairs))


# ---------------------------------------------------------------- the solver
def persuasion(prior: Mapping, actions: Sequence[str], sender_payoff: Any, receiver_payoff: Any, *,
               method: str = "lp") -> Persuasion:
    r"""The sender's optimal signal (Kamenica–Gentzkow persuasion), exact for exact input.

    Parameters
    ----------
    prior : mapping state -> probability
        The common prior over the states (string labels); its order fixes the
        states' order (for ``"concavification"``, beliefs are the probability
        of the *second* state).
    actions : sequence of str
        The receiver's actions.
    sender_payoff, receiver_payoff : mapping or callable
        ``(state, action) -> number``, as a mapping or a function of the two labels.
    method : {"lp", "concavification"}, optional
        The linear programme over recommendations (any number of states,
        default) or the concave closure of the sender's payoff (two states).

    Returns
    -------
    Persuasion
        ``value``, the optimal ``signal`` (recommendation probabilities per
        state), the ``posteriors`` it induces and the optimality ``certificate``.

    Raises
    ------
    ProbabilityError
        If ``prior`` is not a mapping of non-negative probabilities summing to one.
    SignallingGameError
        If ``actions`` are not unique labels, or a payoff is missing or not a number.
    ParameterError
        If ``method`` is unknown, or ``"concavification"`` is asked for with
        other than two states.

    Notes
    -----
    See the module notes. Ties in the receiver's choice are broken in the
    sender's favour, so the supremum is attained.

    References
    ----------
    Kamenica & Gentzkow (2011), *American Economic Review* 101, sec. I
    (the prosecutor) and Corollary 2 (concavification).

    Examples
    --------
    Kamenica and Gentzkow's prosecutor: the defendant is guilty with
    probability 3/10; the judge convicts iff guilt is at least as likely as
    not; the prosecutor wants a conviction. Reporting "guilty" always when
    the defendant is, and 3/7 of the time when not, makes the judge's
    posterior exactly 1/2 after "guilty" and convicts 60% of defendants.

    >>> from cybergames import persuasion
    >>> prior = {"innocent": Fraction(7, 10), "guilty": Fraction(3, 10)}
    >>> judge = lambda state, action: int((state == "guilty") == (action == "convict"))
    >>> prosecutor = lambda state, action: int(action == "convict")
    >>> result = persuasion(prior, ["acquit", "convict"], prosecutor, judge)
    >>> result.value, result.no_information
    (Fraction(3, 5), 0)
    >>> dict(result.signal["innocent"]), dict(result.posteriors["convict"])
    ({'acquit': Fraction(4, 7), 'convict': Fraction(3, 7)}, {'innocent': Fraction(1, 2), 'guilty': Fraction(1, 2)})
    >>> persuasion(prior, ["acquit", "convict"], prosecutor, judge, method="concavification").value
    Fraction(3, 5)
    """
    states, mu = _check_prior(prior)
    actions = _labels(actions, "actions")
    sender = _table(sender_payoff, "sender_payoff", states, actions)
    receiver = _table(receiver_payoff, "receiver_payoff", states, actions)
    if not isinstance(method, str) or method not in METHODS:
        raise ParameterError(f"method: expected one of {METHODS}, got {method!r}")
    if method == "concavification" and len(states) != 2:
        raise ParameterError(f"method: concavification needs exactly two states, got {len(states)}")
    everything = list(mu) + [v for table in (sender, receiver) for row in table for v in row]
    is_float = any(isinstance(v, float) for v in everything)
    if is_float:
        mu = [float(v) for v in mu]
        sender = [[float(v) for v in row] for row in sender]
        receiver = [[float(v) for v in row] for row in receiver]
    if method == "lp":
        joint, certificate = _by_lp(mu, sender, receiver, is_float)
    else:
        joint, certificate = _by_concavification(mu, sender, receiver, is_float)
    return _result(states, actions, mu, sender, receiver, joint, certificate, method, is_float, prior)


def _by_lp(mu: list, sender: list, receiver: list, is_float: bool) -> tuple[list[list], tuple]:
    """The optimal joint ``q[state][action]`` by the obedience LP, and the dual certificate."""
    n_states, n_actions = len(mu), len(sender[0])
    index = {(w, a): w * n_actions + a for w in range(n_states) for a in range(n_actions)}
    size = n_states * n_actions
    objective = [sender[w][a] for w in range(n_states) for a in range(n_actions)]
    equalities = [[1 if k // n_actions == w else 0 for k in range(size)] for w in range(n_states)]
    pairs = [(a, b) for a in range(n_actions) for b in range(n_actions) if a != b]
    obedience = []
    for a, b in pairs:
        row = [0] * size
        for w in range(n_states):
            row[index[(w, a)]] = receiver[w][b] - receiver[w][a]
        obedience.append(row)
    solution = _exact_lp.maximise(objective, obedience, [0] * len(pairs), equalities, list(mu), exact=not is_float)
    if solution is None:  # pragma: no cover - always recommending a best response to the prior is feasible
        raise SolverError("internal error: the persuasion programme is infeasible (a bug: please report the game)")
    joint = [[solution.x[index[(w, a)]] for a in range(n_actions)] for w in range(n_states)]
    certificate = (tuple(_number(z, is_float) for z in solution.y_eq),
                   tuple((pair, _number(y, is_float)) for pair, y in zip(pairs, solution.y_ub)))
    # (the pairs are action indices here; _result turns them into labels)
    return joint, certificate


def _sender_value_at(belief: list, sender: list, receiver: list, slack: float) -> tuple[Any, int]:
    """``v^(belief)`` and the receiver's action attaining it (a best response, the sender's favourite)."""
    n_actions = len(sender[0])
    expected = [sum(p * receiver[w][a] for w, p in enumerate(belief)) for a in range(n_actions)]
    best = max(expected)
    replies = [a for a in range(n_actions) if expected[a] >= best - slack]
    values = {a: sum(p * sender[w][a] for w, p in enumerate(belief)) for a in replies}
    action = max(replies, key=lambda a: values[a])
    return values[action], action


def _kinks(receiver: list, is_float: bool) -> list:
    """0, 1 and every belief (second state's probability) at which two receiver payoff lines cross."""
    points = {0 if not is_float else 0.0, 1 if not is_float else 1.0}
    for a, b in itertools.combinations(range(len(receiver[0])), 2):
        d0 = receiver[0][a] - receiver[0][b]                 # difference at mu = 0
        d1 = receiver[1][a] - receiver[1][b]                 # difference at mu = 1
        if d0 != d1:
            mu = _numbers.ratio(d0, d0 - d1)
            if 0 < mu < 1:
                points.add(mu)
    return sorted(points)


def _upper_hull(points: list[tuple]) -> list[tuple]:
    """The upper concave hull of points sorted by their first coordinate (monotone chain)."""
    hull: list[tuple] = []
    for p in points:
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            if (x2 - x1) * (p[1] - y1) - (y2 - y1) * (p[0] - x1) >= 0:   # hull[-1] is not above the chord
                hull.pop()
            else:
                break
        hull.append(p)
    return hull


def _by_concavification(mu: list, sender: list, receiver: list, is_float: bool) -> tuple[list[list], tuple]:
    """The optimal split of the prior into two posteriors (on the hull edge above it), as a joint ``q``."""
    slack = DEFAULT_TOL if is_float else 0
    prior = mu[1]
    beliefs = sorted(set(_kinks(receiver, is_float)) | {prior})
    points = [(m, _sender_value_at([1 - m, m], sender, receiver, slack)[0]) for m in beliefs]
    merged: dict = {}
    for m, v in points:
        merged[m] = v
    hull = _upper_hull(sorted(merged.items()))
    if len(hull) == 1:                                       # a degenerate prior on a single belief
        (left, value), right = hull[0], None
        intercept, slope = value, 0 * value
    else:
        k = next(k for k in range(len(hull) - 1) if hull[k][0] <= prior <= hull[k + 1][0])
        (left, v_left), (right, v_right) = hull[k], hull[k + 1]
        slope = _numbers.ratio(v_right - v_left, right - left)
        intercept = v_left - slope * left
    split = [(left, 1)] if right is None or prior == left else [(right, 1)] if prior == right else [
        (left, _numbers.ratio(right - prior, right - left)), (right, _numbers.ratio(prior - left, right - left))]
    n_actions = len(sender[0])
    joint = [[0] * n_actions for _ in mu]
    for belief, weight in split:
        _, action = _sender_value_at([1 - belief, belief], sender, receiver, slack)
        joint[0][action] += weight * (1 - belief)
        joint[1][action] += weight * belief
    return joint, (_number(intercept, is_float), _number(slope, is_float))


def _result(states, actions, mu, sender, receiver, joint, certificate, method, is_float, prior) -> Persuasion:
    signal, sent, posteriors = {}, {}, {}
    fallback = max(range(len(actions)), key=lambda a: sum(joint[w][a] for w in range(len(states))))
    for w, state in enumerate(states):
        if mu[w] > 0:
            row = [_number(_numbers.ratio(q, mu[w]) if not is_float else q / mu[w], is_float) for q in joint[w]]
        else:                                                # a null state: any recommendation will do
            row = [_number(int(a == fallback), is_float) for a in range(len(actions))]
        signal[state] = _frozen_map(zip(actions, row))
    for a, action in enumerate(actions):
        total = sum(joint[w][a] for w in range(len(states)))
        if total > (DEFAULT_TOL if is_float else 0):
            sent[action] = _number(total, is_float)
            posteriors[action] = _frozen_map(
                (state, _number(joint[w][a] / total if is_float else Fraction(joint[w][a]) / Fraction(total), is_float))
                for w, state in enumerate(states))
    value = _number(sum(joint[w][a] * sender[w][a] for w in range(len(states)) for a in range(len(actions))),
                    is_float)
    receiver_value = _number(sum(joint[w][a] * receiver[w][a] for w in range(len(states))
                                 for a in range(len(actions))), is_float)
    slack = DEFAULT_TOL if is_float else 0
    no_information = _number(_sender_value_at(mu, sender, receiver, slack)[0], is_float)
    if method == "lp":
        state_values, multipliers = certificate
        certificate = (state_values, tuple(((actions[a], actions[b]), y) for (a, b), y in multipliers))
    return Persuasion(value, _frozen_map(signal), _frozen_map(sent), _frozen_map(posteriors), receiver_value,
                      no_information, method, not is_float, certificate, states, actions,
                      _frozen_map(zip(states, (_number(v, is_float) for v in mu))),
                      tuple(tuple(_number(v, is_float) for v in row) for row in sender),
                      tuple(tuple(_number(v, is_float) for v in row) for row in receiver))


# ---------------------------------------------------------------- verification
@verify.register(Persuasion)
def _verify_persuasion(result: Persuasion, *, tol: float | None = None) -> Verification:
    """Recompute Bayes plausibility, obedience, the values and the optimality certificate from the tables.

    The signal must be a distribution per state; each recommendation must be
    a best response to the posterior it induces; ``value`` and
    ``receiver_value`` must be what the signal gives; and the certificate
    must bound every signal's value by ``value`` (the LP dual is feasible with
    objective ``value``; the concavification line lies above the sender's
    payoff at every belief where the receiver's choice changes and at 0, 1).
    """
    tol = DEFAULT_TOL if tol is None else float(tol)
    slack = tol if not result.exact else 0
    states, actions = result.states, result.actions
    mu = [result.prior[s] for s in states]
    sender, receiver = result.sender, result.receiver
    failures: list[str] = []
    joint = [[mu[w] * result.signal[s][a] for a in actions] for w, s in enumerate(states)]
    for s in states:
        total = sum(result.signal[s].values())
        if any(p < -slack for p in result.signal[s].values()) or abs(total - 1) > slack:
            failures.append(f"the signal in state {s!r} is not a distribution")
    for b, action in enumerate(actions):
        weight = [joint[w][b] for w in range(len(states))]
        if sum(weight) <= slack:
            continue
        obeyed = sum(q * receiver[w][b] for w, q in enumerate(weight))
        for c in range(len(actions)):
            if sum(q * receiver[w][c] for w, q in enumerate(weight)) > obeyed + slack:
                failures.append(f"recommending {action!r} is disobeyed in favour of {actions[c]!r}")
    value = sum(joint[w][a] * sender[w][a] for w in range(len(states)) for a in range(len(actions)))
    if abs(value - result.value) > slack * max(1, abs(value)):
        failures.append(f"the signal is worth {value!r} to the sender, recorded {result.value!r}")
    if result.method == "lp":
        state_values, multipliers = result.certificate
        y = dict(multipliers)
        if any(v < -slack for v in y.values()):
            failures.append("an obedience multiplier is negative")
        for w in range(len(states)):
            for a in range(len(actions)):
                bound = state_values[w] + sum(y.get((actions[a], actions[b]), 0) * (receiver[w][b] - receiver[w][a])
                                              for b in range(len(actions)) if b != a)
                if bound < sender[w][a] - slack * max(1, abs(sender[w][a])):
                    failures.append(f"the dual bound fails at ({states[w]!r}, {actions[a]!r})")
        dual = sum(m * z for m, z in zip(mu, state_values))
        if abs(dual - result.value) > slack * max(1, abs(dual)):
            failures.append(f"the dual value {dual!r} differs from the value {result.value!r}")
    else:
        intercept, slope = result.certificate
        beliefs = set(_kinks([list(r) for r in receiver], not result.exact))
        for m in beliefs:
            v, _ = _sender_value_at([1 - m, m], [list(r) for r in sender], [list(r) for r in receiver], slack)
            if intercept + slope * m < v - slack * max(1, abs(v)):
                failures.append(f"the supporting line lies below the sender's payoff at belief {m!r}")
        at_prior = intercept + slope * mu[1]
        if abs(at_prior - result.value) > slack * max(1, abs(at_prior)):
            failures.append(f"the supporting line gives {at_prior!r} at the prior, not {result.value!r}")
    return Verification(not failures, 4 + len(states) + len(actions), tuple(failures))

