r"""Verifiable disclosure and unravelling (Milgrom 1981; Grossman 1981).

The sender knows the quality :math:`v` of what it holds (a state's knowledge
of a threat, a firm's product) and can either *reveal* it, with evidence that
cannot be faked, or stay *silent*. The receiver values the sender at
:math:`a`, with payoff :math:`-(a - v)^2` (so he sets :math:`a` to his
expected quality); the sender wants a high valuation, :math:`u_S = a`.

Only type :math:`v` can send ``"reveal v"``, so after it the receiver knows
:math:`v`; silence is sent by some set :math:`S` of types and earns
:math:`E[v \mid S]`. If :math:`S` held two qualities its best type would
earn less than its quality by silence and reveal instead; so in every
equilibrium at most one type is silent and every type is valued at its true
quality: the market *unravels* to full disclosure.

The receiver's actions are, by default, the mean qualities of every non-empty
set of types, so that he can match any posterior mean exactly.

References
----------
Milgrom (1981), "Good news and bad news: representation theorems and
applications", *Bell Journal of Economics* 12(2), 380–391; Grossman (1981),
"The informational role of warranties and private disclosure about product
quality", *Journal of Law and Economics* 24(3), 461–483.
"""

from __future__ import annotations

import itertools
from typing import Any, Sequence

from .. import _numbers
from ..errors import ParameterError
from .game import SignallingGame

__all__ = ["verifiable_disclosure"]

#: The most qualities accepted (the default action set has 2^n - 1 members).
MAX_QUALITIES = 8


def verifiable_disclosure(qualities: Sequence = (1, 2, 3), prior: Any = None, *,
                          actions: Sequence | None = None) -> SignallingGame:
    r"""A verifiable-disclosure game: reveal the quality truthfully or stay silent.

    Parameters
    ----------
    qualities : sequence of numbers
        The distinct qualities; the types are labelled ``str(v)``.
    prior : mapping or sequence, optional
        The probabilities of the qualities (default uniform).
    actions : sequence of numbers, optional
        The valuations the receiver can choose (labelled ``str(a)``); default
        the mean quality of every non-empty set of types under the prior.

    Returns
    -------
    SignallingGame
        Messages ``"silent"`` (every type) and ``"reveal v"`` (type ``v`` only).

    Raises
    ------
    ParameterError
        If the qualities are fewer than one, more than ``MAX_QUALITIES``,
        repeated or not numbers.

    Examples
    --------
    >>> from cybergames.signalling import perfect_bayesian_equilibria
    >>> sg = verifiable_disclosure((1, 2, 3))
    >>> sg.available["2"]
    ('silent', 'reveal 2')
    >>> {tuple(eq.sender_payoffs.values()) for eq in perfect_bayesian_equilibria(sg)}
    {(1, 2, 3)}
    """
    if isinstance(qualities, (str, bytes)) or not isinstance(qualities, Sequence):
        raise ParameterError(f"qualities: expected a sequence of numbers, got {qualities!r}")
    values = [_numbers.normalise(v, f"qualities[{i}]", ParameterError) for i, v in enumerate(qualities)]
    if not 1 <= len(values) <= MAX_QUALITIES:
        raise ParameterError(f"qualities: expected 1 to {MAX_QUALITIES} qualities, got {len(values)}")
    if _numbers.kind_of(values) == _numbers.SYMBOLIC:
        raise ParameterError(f"qualities: expected numbers, got {qualities!r}")
    types = tuple(str(v) for v in values)
    if len(set(types)) != len(types):
        raise ParameterError(f"qualities: expected distinct qualities, got {qualities!r}")
    if prior is None:
        prior = [1.0 / len(values) if _numbers.kind_of(values) == _numbers.FLOAT
                 else _numbers.ratio(1, len(values))] * len(values)
    game = SignallingGame(types, prior if not isinstance(prior, dict) else dict(prior), ("silent",), ("0",),
                          lambda t, m, a: 0, lambda t, m, a: 0)
    weights = [game.prior[t] for t in types]
    if actions is None:
        means = []
        for size in range(1, len(values) + 1):
            for subset in itertools.combinations(range(len(values)), size):
                mass = sum(weights[i] for i in subset)
                means.append(_numbers.simplify_exact(_numbers.ratio(sum(weights[i] * values[i] for i in subset), mass)))
        valuations = sorted(set(means))
    else:
        if isinstance(actions, (str, bytes)) or not isinstance(actions, Sequence) or not actions:
            raise ParameterError(f"actions: expected a non-empty sequence of numbers, got {actions!r}")
        valuations = [_numbers.normalise(a, f"actions[{i}]", ParameterError) for i, a in enumerate(actions)]
    by_action = {str(a): a for a in valuations}
    if len(by_action) != len(valuations):
        raise ParameterError(f"actions: expected distinct valuations, got {actions!r}")
    quality = dict(zip(types, values))
    messages = ("silent",) + tuple(f"reveal {t}" for t in types)
    available = {t: ("silent", f"reveal {t}") for t in types}
    return SignallingGame(types, dict(game.prior), messages, tuple(by_action),
                          lambda t, m, a: by_action[a], lambda t, m, a: -(by_action[a] - quality[t]) ** 2,
                          available=available)
