r"""Conditions for a given pure profile to be a PBE, as sympy relations.

For a symbolic game (payoffs or prior with symbols) the equilibria cannot be
enumerated without values, but the conditions under which a given pure
profile :math:`(\sigma, \rho)` is a PBE can be written down:

* sender: :math:`u_S(t, \sigma(t), \rho(\sigma(t))) \ge u_S(t, m, \rho(m))`
  for every type and available message;
* receiver on the path (beliefs by Bayes' rule, multiplied through by the
  positive probability of the message):
  :math:`\sum_{t : \sigma(t) = m} p(t)\,(u_R(t, m, \rho(m)) - u_R(t, m, a)) \ge 0`;
* receiver off the path: for the given belief the same inequality; with no
  belief given, the existence of a supporting belief, which for a message that
  one type can send is the inequality at that type, and for two types the
  Fourier–Motzkin elimination of :math:`\mu = \mu(t_1)` from
  :math:`c_a + d_a \mu \ge 0,\ 0 \le \mu \le 1` (this needs the sign of every
  :math:`d_a` to be decidable; otherwise pass ``beliefs``).

Priors are assumed positive, as the game's constructor requires.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy

from .. import _numbers
from ..errors import SignallingGameError
from .game import SignallingGame

__all__ = ["pbe_conditions"]


def _relation(lhs: Any, rhs: Any = 0) -> Any:
    difference = sympy.simplify(_numbers.to_sympy(lhs) - _numbers.to_sympy(rhs))
    return sympy.Ge(difference, 0)


def pbe_conditions(sg: SignallingGame, sender: Mapping, receiver: Mapping,
                   beliefs: Mapping | None = None) -> Any:
    r"""The condition (a sympy boolean) under which a pure profile is a perfect Bayesian equilibrium.

    Parameters
    ----------
    sg : SignallingGame
        Exact, float or symbolic.
    sender : mapping type -> message
    receiver : mapping message -> action
    beliefs : mapping message -> (mapping type -> probability), optional
        Beliefs after some unused messages; the others are left free (see the
        module notes).

    Returns
    -------
    sympy.Basic
        ``sympy.true``, ``sympy.false`` or a conjunction of relations
        ``expression >= 0`` in the game's symbols; ``.as_set()`` turns a
        one-symbol condition into a set.

    Raises
    ------
    SignallingGameError
        Unknown or unavailable labels, or an unused message with more than two
        possible senders (or undecidable signs) and no belief given for it.

    Examples
    --------
    The job market separates at education 2 exactly when the cost scale lies
    in [1, 3] (the low type must not mimic, the high type must not drop out):

    >>> from sympy import Symbol
    >>> from cybergames.signalling import spence_job_market
    >>> k = Symbol("k", positive=True)
    >>> condition = pbe_conditions(spence_job_market(cost=k), {"low": "0", "high": "2"},
    ...                            {"0": "1", "1": "1", "2": "3", "3": "1"})
    >>> condition.as_set()
    Interval(1, 3)
    """
    if not isinstance(sg, SignallingGame):
        raise SignallingGameError(f"sg: expected a SignallingGame, got {type(sg).__name__}")
    sigma = _pure(sender, sg.types, "sender", lambda t, m: m in sg.available[t],
                  lambda t: f"a message type {t!r} can send, one of {sg.available[t]}")
    rho = _pure(receiver, sg.messages, "receiver", lambda m, a: a in sg.actions[m],
                lambda m: f"an action after {m!r}, one of {sg.actions[m]}")
    conditions = []
    for t in sg.types:
        own = sg.sender_payoff[(t, sigma[t], rho[sigma[t]])]
        for m in sg.available[t]:
            if m != sigma[t]:
                conditions.append(_relation(own, sg.sender_payoff[(t, m, rho[m])]))
    beliefs = {} if beliefs is None else beliefs
    if not isinstance(beliefs, Mapping):
        raise SignallingGameError(f"beliefs: expected a mapping message -> belief, got {beliefs!r}")
    for m in sg.messages:
        senders = [t for t in sg.types if sigma[t] == m]
        def gap(t: str, a: str) -> Any:
            return sg.receiver_payoff[(t, m, rho[m])] - sg.receiver_payoff[(t, m, a)]
        others = [a for a in sg.actions[m] if a != rho[m]]
        if senders:
            conditions.extend(_relation(sum(sg.prior[t] * gap(t, a) for t in senders)) for a in others)
        elif m in beliefs:
            belief = beliefs[m]
            if not isinstance(belief, Mapping) or set(belief) - set(sg.senders_of(m)):
                raise SignallingGameError(f"beliefs[{m!r}]: expected a mapping over the types {sg.senders_of(m)}, "
                                          f"got {belief!r}")
            conditions.extend(_relation(sum(belief[t] * gap(t, a) for t in belief)) for a in others)
        else:
            conditions.append(_supportable(sg, m, others, gap))
    return sympy.And(*conditions)


def _pure(mapping: Any, keys: tuple, name: str, valid, expected) -> dict:
    if not isinstance(mapping, Mapping):
        raise SignallingGameError(f"{name}: expected a mapping, got {mapping!r}")
    for key in mapping:
        if key not in keys:
            raise SignallingGameError(f"{name}: unknown label {key!r}; expected one of {keys}")
    result = {}
    for key in keys:
        if key not in mapping:
            raise SignallingGameError(f"{name}: missing {key!r}")
        value = mapping[key]
        if not isinstance(value, str) or not valid(key, value):
            raise SignallingGameError(f"{name}[{key!r}]: expected {expected(key)}, got {value!r}")
        result[key] = value
    return result


def _supportable(sg: SignallingGame, m: str, others: list, gap) -> Any:
    senders = sg.senders_of(m)
    if len(senders) == 1:
        return sympy.And(*(_relation(gap(senders[0], a)) for a in others))
    if len(senders) != 2:
        raise SignallingGameError(f"beliefs: give a belief after the unused message {m!r}; with "
                                  f"{len(senders)} possible senders the existence of a supporting belief "
                                  "is not reduced symbolically")
    first, second = senders
    lower, upper, free = [sympy.Integer(0)], [sympy.Integer(1)], []
    for a in others:  # c + d * mu >= 0 with mu the probability of `first`
        c = _numbers.to_sympy(gap(second, a))
        d = sympy.simplify(_numbers.to_sympy(gap(first, a)) - c)
        sign = (_numbers.truth(d > 0), _numbers.truth(d < 0), _numbers.truth(sympy.Eq(d, 0)))
        if sign[0]:
            lower.append(-c / d)
        elif sign[1]:
            upper.append(-c / d)
        elif sign[2]:
            free.append(sympy.Ge(c, 0))
        else:
            raise SignallingGameError(f"beliefs: the sign of {d} is not decidable after {m!r}; "
                                      "give a belief for it (or declare the symbols' signs)")
    return sympy.And(*free, *(_relation(hi, lo) for lo in lower for hi in upper))
