r"""Cheap talk: costless messages (Crawford & Sobel 1982).

**Uniform-quadratic model.** The state :math:`\theta` is uniform on
:math:`[0, 1]`; the sender wants the action :math:`\theta + b`, the receiver
the action :math:`\theta`: :math:`u_S = -(y - \theta - b)^2`,
:math:`u_R = -(y - \theta)^2`. In a partition equilibrium with :math:`N`
intervals :math:`[a_{i-1}, a_i)` the sender reports the interval, the receiver
plays its midpoint :math:`y_i = (a_{i-1} + a_i)/2`, and the boundary type
:math:`a_i` is indifferent between :math:`y_i` and :math:`y_{i+1}`:

.. math:: a_i + b = \frac{y_i + y_{i+1}}{2}
          \iff a_{i+1} - a_i = a_i - a_{i-1} + 4b.

With :math:`a_0 = 0, a_N = 1` the intervals grow by :math:`4b` and

.. math:: a_i = \frac{i}{N} + 2 b\, i (i - N), \qquad i = 0, \dots, N.

The first interval has length :math:`a_1 = 1/N - 2b(N - 1)`, positive iff
:math:`2 b N (N - 1) < 1`: the most informative equilibrium has the largest
such :math:`N`, :math:`N(b) = \lceil -\tfrac12 + \tfrac12\sqrt{1 + 2/b}\,\rceil`.
(For :math:`b < 0` the intervals shrink by :math:`4|b|` and the condition is
the same in :math:`|b|`.) The receiver's expected utility is minus the
average conditional variance,

.. math:: EU_R = -\sum_i \frac{(a_i - a_{i-1})^3}{12}
               = -\frac{1}{12 N^2} - \frac{b^2 (N^2 - 1)}{3},

and the sender's is :math:`EU_S = EU_R - b^2`, because the receiver's action
is unbiased on every interval.

**Finite cheap talk.** :func:`cheap_talk_game` builds a
:class:`~cybergames.signalling.SignallingGame` whose payoffs do not depend on
the message, so that :func:`~cybergames.signalling.perfect_bayesian_equilibria`
finds its babbling (pooling) and informative equilibria.

References
----------
Crawford & Sobel (1982), "Strategic information transmission",
*Econometrica* 50(6), 1431–1451, section 4; Gibbons (1992), *Game Theory for
Applied Economists*, ch. 4.3.A.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from .. import _numbers, limits
from ..errors import ParameterError, SignallingGameError
from .game import SignallingGame

__all__ = ["PartitionEquilibrium", "crawford_sobel", "max_intervals", "partition_boundaries",
           "cheap_talk_game", "uniform_quadratic_cheap_talk"]

#: The most partition equilibria :func:`crawford_sobel` lists (small biases have very many).
MAX_INTERVALS = 1000


@dataclass(frozen=True)
class PartitionEquilibrium:
    r"""A partition equilibrium of uniform-quadratic cheap talk.

    Attributes
    ----------
    bias : number
        The sender's bias :math:`b`.
    intervals : int
        The number :math:`N` of intervals.
    boundaries : tuple
        :math:`0 = a_0 < a_1 < \dots < a_N = 1`.
    actions : tuple
        The receiver's action (the midpoint) on each interval.
    sender_utility, receiver_utility : number
        The players' ex-ante expected utilities.
    """

    bias: Any
    intervals: int
    boundaries: tuple
    actions: tuple
    sender_utility: Any
    receiver_utility: Any


def _bias(bias: Any) -> Any:
    b = _numbers.normalise(bias, "bias", ParameterError)
    if isinstance(b, sympy.Basic):
        raise ParameterError(f"bias: crawford_sobel needs a number (the number of intervals depends on it), "
                             f"got {b!r}; use partition_boundaries(bias, intervals) for symbols")
    if b == 0:
        raise ParameterError("bias: expected a non-zero bias; with b = 0 the sender reveals the state "
                             "and there is no largest partition")
    return b


def max_intervals(bias: Any) -> int:
    r"""The largest :math:`N` with :math:`2 |b| N (N - 1) < 1`: the most intervals an equilibrium can have.

    >>> max_intervals(Fraction(1, 20)), max_intervals(Fraction(1, 12)), max_intervals(0.3)
    (3, 2, 1)
    """
    b = abs(Fraction(_bias(bias)))
    bound = 1 / (2 * b)  # N (N - 1) < bound; start from the root of N^2 - N = bound, in integers
    n = max(1, (1 + math.isqrt(1 + 4 * math.ceil(bound))) // 2 - 1)
    while (n + 1) * n < bound:
        n += 1
    while n > 1 and not n * (n - 1) < bound:
        n -= 1
    return n


def partition_boundaries(bias: Any, intervals: int) -> tuple:
    r"""The boundaries :math:`a_i = i/N + 2 b i (i - N)` of the :math:`N`-interval partition.

    Accepts a symbolic bias (the boundaries are then expressions, valid when
    :math:`2|b|N(N-1) < 1`).

    Raises
    ------
    ParameterError
        If ``intervals`` is not a positive integer, or the bias is a number for
        which the partition does not exist.

    Examples
    --------
    >>> partition_boundaries(Fraction(1, 20), 3)
    (0, Fraction(2, 15), Fraction(7, 15), 1)
    >>> partition_boundaries(sympy.Symbol("b"), 2)
    (0, 1/2 - 2*b, 1)
    """
    if isinstance(intervals, bool) or not isinstance(intervals, int) or intervals < 1:
        raise ParameterError(f"intervals: expected a positive integer, got {intervals!r}")
    b = _numbers.normalise(bias, "bias", ParameterError)
    n = intervals
    if not isinstance(b, sympy.Basic) and not (b == 0 or 2 * abs(b) * n * (n - 1) < 1):
        raise ParameterError(f"intervals: no {n}-interval equilibrium for bias {b!r} "
                             f"(needs 2|b|N(N-1) < 1; at most {max_intervals(b)})")
    points = []
    for i in range(n + 1):
        a = _numbers.ratio(i, n) + 2 * b * i * (i - n)
        points.append(sympy.expand(a) if isinstance(a, sympy.Basic) else _numbers.simplify_exact(a))
    points[0], points[-1] = (0.0, 1.0) if isinstance(b, float) else (0, 1)
    return tuple(points)


def crawford_sobel(bias: Any) -> tuple[PartitionEquilibrium, ...]:
    r"""Every partition equilibrium of uniform-quadratic cheap talk, fewest intervals first.

    Parameters
    ----------
    bias : int, Fraction or float
        The sender's bias :math:`b \ne 0`. Exact biases give exact boundaries.

    Returns
    -------
    tuple of PartitionEquilibrium
        One per :math:`N = 1, \dots, N(b)`; the first is babbling.

    Raises
    ------
    ParameterError
        If ``bias`` is zero, symbolic, or so small that more than
        ``MAX_INTERVALS`` equilibria exist.

    References
    ----------
    Crawford & Sobel (1982), section 4; Gibbons (1992), ch. 4.3.A.

    Examples
    --------
    >>> [eq.boundaries for eq in crawford_sobel(Fraction(1, 20))]
    [(0, 1), (0, Fraction(2, 5), 1), (0, Fraction(2, 15), Fraction(7, 15), 1)]
    >>> crawford_sobel(Fraction(1, 20))[-1].receiver_utility   # -1/108 - (1/400)(8)/3
    Fraction(-43, 2700)
    """
    b = _bias(bias)
    top = max_intervals(b)
    if top > MAX_INTERVALS:
        raise ParameterError(f"bias: {b!r} admits {top} partition equilibria, more than {MAX_INTERVALS}; "
                             "use max_intervals and partition_boundaries")
    found = []
    for n in range(1, top + 1):
        points = partition_boundaries(b, n)
        widths = [hi - lo for lo, hi in zip(points, points[1:])]
        actions = tuple(_numbers.simplify_exact(_numbers.ratio(lo + hi, 2)) for lo, hi in zip(points, points[1:]))
        receiver = -sum(_numbers.ratio(w ** 3, 12) for w in widths)
        sender = receiver - b * b
        found.append(PartitionEquilibrium(b, n, points, actions, _numbers.simplify_exact(sender),
                                          _numbers.simplify_exact(receiver)))
    return tuple(found)


def cheap_talk_game(types: Sequence[str], prior: Any, actions: Sequence[str], sender_payoff: Any,
                    receiver_payoff: Any, messages: Sequence[str] | None = None) -> SignallingGame:
    r"""A finite cheap-talk game: a signalling game whose payoffs do not depend on the message.

    Parameters
    ----------
    types, prior, actions
        As for :class:`~cybergames.signalling.SignallingGame`.
    sender_payoff, receiver_payoff : mapping or callable
        :math:`u(t, a)`: a mapping from ``(type, action)`` or a function of the two labels.
    messages : sequence of str, optional
        The messages, every one available to every type (default one per
        type, ``"m1"``, ``"m2"``, ...).

    Raises
    ------
    SignallingGameError
        As for :class:`SignallingGame`, naming the missing ``(type, action)``.

    Examples
    --------
    >>> sg = cheap_talk_game(("left", "right"), [Fraction(1, 2)] * 2, ("L", "R"),
    ...                      lambda t, a: int(a[0] == t[0].upper()), lambda t, a: int(a[0] == t[0].upper()))
    >>> from cybergames.signalling import perfect_bayesian_equilibria
    >>> sorted({eq.kind for eq in perfect_bayesian_equilibria(sg)})
    ['pooling', 'separating']
    """
    if messages is None:
        if isinstance(types, (str, bytes)) or not isinstance(types, Sequence):
            raise SignallingGameError(f"types: expected a sequence of type labels, got {types!r}")
        labels = tuple(f"m{k + 1}" for k in range(len(types)))
    else:
        labels = messages
    return SignallingGame(types, prior, labels, actions, _costless(sender_payoff, "sender_payoff"),
                          _costless(receiver_payoff, "receiver_payoff"))


def _costless(payoff: Any, name: str) -> Callable:
    if isinstance(payoff, Mapping):
        def lookup(t: str, m: str, a: str) -> Any:
            if (t, a) not in payoff:
                raise SignallingGameError(f"{name}: missing the payoff of {(t, a)!r}")
            return payoff[(t, a)]
        return lookup
    if callable(payoff):
        return lambda t, m, a: payoff(t, a)
    raise SignallingGameError(f"{name}: expected a mapping (type, action) -> number or a function, got {payoff!r}")


def uniform_quadratic_cheap_talk(states: int = 3, bias: Any = Fraction(1, 10), *,
                                 messages: int | None = None) -> SignallingGame:
    r"""A discrete uniform-quadratic cheap-talk game.

    The states are the midpoints :math:`\theta_k = (2k - 1)/(2n)` of :math:`n`
    equal cells of :math:`[0, 1]`, equally likely; the receiver's actions are
    the means of every run of consecutive states (so that he can match any
    interval's posterior mean); :math:`u_S = -(y - \theta - b)^2`,
    :math:`u_R = -(y - \theta)^2`. Types, messages and actions are labelled by
    their values (``str``); messages ``"m1"``, ... .

    Raises
    ------
    ParameterError
        If ``states`` or ``messages`` is not a positive integer.

    Examples
    --------
    >>> sg = uniform_quadratic_cheap_talk(2, Fraction(1, 10))
    >>> sg.types, sg.actions["m1"]
    (('1/4', '3/4'), ('1/4', '1/2', '3/4'))
    """
    for name, value in (("states", states), ("messages", messages)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ParameterError(f"{name}: expected a positive integer, got {value!r}")
    limits.check("states", states, "MAX_TYPES")
    # the receiver's actions are the means of the runs of states: one payoff per type, message and action
    entries = states * (states if messages is None else messages) * states * (states + 1) // 2
    limits.check(f"states={states} (payoff entries)", entries, "MAX_PROFILES")
    b = _numbers.normalise(bias, "bias", ParameterError)
    if isinstance(b, sympy.Basic):
        raise ParameterError(f"bias: expected a number, got {b!r}")
    thetas = [Fraction(2 * k + 1, 2 * states) for k in range(states)]
    if isinstance(b, float):
        thetas = [float(t) for t in thetas]
    means = sorted({sum(thetas[i:j]) / (j - i) for i in range(states) for j in range(i + 1, states + 1)})
    by_type = {_label(t): t for t in thetas}
    by_action = {_label(y): y for y in means}
    labels = tuple(f"m{k + 1}" for k in range(states if messages is None else messages))
    prior = [_numbers.ratio(1, states)] * states
    if isinstance(b, float):
        prior = [1.0 / states] * states
    return cheap_talk_game(tuple(by_type), prior, tuple(by_action),
                           lambda t, a: -(by_action[a] - by_type[t] - b) ** 2,
                           lambda t, a: -(by_action[a] - by_type[t]) ** 2, messages=labels)


def _label(value: Any) -> str:
    return str(_numbers.simplify_exact(value)) if not isinstance(value, float) else repr(round(value, 12))
