r"""Finite automata: the strategies of a repeated game with public monitoring.

A (public) strategy of player :math:`i` is an automaton
:math:`(W_i, w_i^0, f_i, \tau_i)`: a finite set of states, an initial state,
an output :math:`f_i(w) \in A_i` (the action played in state :math:`w`) and a
transition :math:`\tau_i(w, y)` to the next state after the public signal
:math:`y` (Mailath & Samuelson, *Repeated Games and Reputations*, 2006,
sections 2.3 and 7.1). A profile of automata is itself an automaton on joint
states, a :class:`JointAutomaton`, whose output is an action profile.

An automaton is validated twice. At construction: states are unique and
hashable, the initial state is one of them, every state has an action label,
and a transition table only names known states. When it meets a repeated game
(:func:`cybergames.repeated.compose`): every output is an action of its player
and every transition from a reachable state on every signal is defined and
lands on a known state. Errors name the state and the signal.

Public randomisation
--------------------
An automaton may declare a *public lottery* (``randomisation``): a
distribution over outcome labels drawn publicly at the end of every round,
independently of the actions and the signal. Such an automaton's transition
reads the pair ``(signal, outcome)`` instead of the signal. All automata of a
profile that use a lottery must declare the same one: it is one public device
seen by all (Mailath & Samuelson 2006, section 2.5.4). :func:`forgiving_trigger`
uses it to forgive with probability ``p``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Hashable, Mapping, Sequence

import sympy

from .. import _numbers, limits
from ..errors import AutomatonError, ProbabilityError

__all__ = ["Automaton", "JointAutomaton"]


def _hashable(value: Any, name: str) -> Hashable:
    try:
        hash(value)
    except TypeError:
        raise AutomatonError(f"{name}: expected a hashable state label, got {value!r}") from None
    if isinstance(value, bool):
        raise AutomatonError(f"{name}: expected a state label, got the boolean {value!r}")
    return value


def _states(values: Any) -> tuple:
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, (Sequence, set, frozenset)):
        raise AutomatonError(f"states: expected a sequence of state labels, got {values!r}")
    limits.check("states", len(values), "MAX_STATES", AutomatonError)
    states = tuple(_hashable(s, f"states[{k}]") for k, s in enumerate(values))
    if not states:
        raise AutomatonError("states: expected at least one state, got none")
    if len(set(states)) != len(states):
        raise AutomatonError(f"states: expected unique state labels, got {values!r}")
    return states


def _accepts_player(function: Callable) -> bool:
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
    return "player" in parameters or any(p.kind is p.VAR_KEYWORD for p in parameters.values())


def _lottery(values: Any) -> tuple | None:
    """A public lottery as a tuple of (outcome, probability) pairs, validated."""
    if values is None:
        return None
    if not isinstance(values, Mapping) or not values:
        raise AutomatonError(f"randomisation: expected a non-empty mapping from outcome labels "
                             f"to probabilities, got {values!r}")
    pairs = []
    for outcome, p in values.items():
        if not isinstance(outcome, str) or not outcome:
            raise AutomatonError(f"randomisation: outcome labels must be non-empty strings, got {outcome!r}")
        p = _numbers.normalise(p, f"randomisation[{outcome!r}]", ProbabilityError)
        if isinstance(p, sympy.Basic):
            _numbers.require(sympy.And(p >= 0, p <= 1), ProbabilityError,
                             f"randomisation[{outcome!r}]: expected a probability in [0, 1], got {p!r}")
        elif not 0 <= p <= 1:
            raise ProbabilityError(f"randomisation[{outcome!r}]: expected a probability in [0, 1], got {p!r}")
        pairs.append((outcome, p))
    total = sum(p for _, p in pairs)
    if isinstance(total, sympy.Basic):
        _numbers.require(sympy.Eq(sympy.simplify(total), 1), ProbabilityError,
                         f"randomisation: expected probabilities summing to one, got {dict(pairs)}")
    elif isinstance(total, float):
        if abs(total - 1) > _numbers.DEFAULT_TOL * len(pairs):
            raise ProbabilityError(f"randomisation: expected probabilities summing to one, got {dict(pairs)}")
    elif total != 1:
        raise ProbabilityError(f"randomisation: expected probabilities summing to one, got {dict(pairs)}")
    return tuple(pairs)


class _Base:
    """What automata of players and joint automata share: states, transitions, lottery."""

    states: tuple
    initial: Hashable
    transition: Any
    randomisation: Any

    def _validate_common(self) -> None:
        states = _states(self.states)
        object.__setattr__(self, "states", states)
        known = set(states)
        try:
            initial_known = self.initial in known
        except TypeError:
            initial_known = False
        if not initial_known:
            raise AutomatonError(f"initial: expected one of the states {states}, got {self.initial!r}")
        transition = self.transition
        if isinstance(transition, Mapping):
            table = {}
            for key, target in transition.items():
                if not (isinstance(key, tuple) and len(key) == 2):
                    raise AutomatonError(f"transition: expected keys (state, signal), got {key!r}")
                state, signal = key
                if state not in known:
                    raise AutomatonError(f"transition[{key!r}]: unknown state {state!r}; the states are {states}")
                try:
                    target_known = target in known
                except TypeError:
                    target_known = False
                if not target_known:
                    raise AutomatonError(f"transition[{key!r}]: leads to unknown state {target!r}; "
                                         f"the states are {states}")
                table[key] = target
            object.__setattr__(self, "transition", MappingProxyType(table))
            object.__setattr__(self, "_with_player", False)
        elif callable(transition):
            object.__setattr__(self, "_with_player", _accepts_player(transition))
        else:
            raise AutomatonError("transition: expected a mapping (state, signal) -> state or a "
                                 f"callable (state, signal) -> state, got {transition!r}")
        object.__setattr__(self, "randomisation", _lottery(self.randomisation))

    @property
    def lottery(self) -> dict | None:
        """The public lottery as a dict outcome -> probability, or None."""
        return None if self.randomisation is None else dict(self.randomisation)

    @property
    def num_states(self) -> int:
        """The number of states."""
        return len(self.states)

    def next_state(self, state: Hashable, signal: Any, player: int | None = None) -> Hashable:
        """The state after ``signal`` in ``state``, validated.

        ``player`` is passed to a transition callable that accepts it (a
        built-in such as :func:`tit_for_tat` needs to know whom it plays for).

        Raises
        ------
        AutomatonError
            If the transition is undefined, fails, or leads to an unknown state.
        """
        transition = self.transition
        if isinstance(transition, Mapping):
            try:
                target = transition[(state, signal)]
            except KeyError:
                raise AutomatonError(f"transition: no transition from state {state!r} on signal {signal!r}"
                                     ) from None
            except TypeError:
                raise AutomatonError(f"transition: signal {signal!r} is not hashable") from None
            return target
        try:
            target = transition(state, signal, player=player) if self._with_player else transition(state, signal)
        except AutomatonError:
            raise
        except Exception as exc:  # a user's callable may fail in any way: report where
            raise AutomatonError(f"transition: evaluating state {state!r} on signal {signal!r} failed: "
                                 f"{exc!r}") from exc
        try:
            known = target in self.states
        except TypeError:
            known = False
        if not known:
            raise AutomatonError(f"transition: from state {state!r} on signal {signal!r} leads to unknown "
                                 f"state {target!r}; the states are {self.states}")
        return target

    def reachable(self, signals: Sequence, player: int | None = None) -> tuple:
        """The states reachable from the initial state on any sequence of ``signals``, in BFS order."""
        order = [self.initial]
        seen = {self.initial}
        k = 0
        while k < len(order):
            state = order[k]
            k += 1
            for signal in signals:
                target = self.next_state(state, signal, player)
                if target not in seen:
                    seen.add(target)
                    order.append(target)
        return tuple(order)


@dataclass(frozen=True, eq=False)
class Automaton(_Base):
    r"""A finite automaton: one player's public strategy in a repeated game.

    Parameters
    ----------
    states : sequence of hashable
        The state labels, unique.
    initial : hashable
        The state in the first round.
    output : mapping
        State -> the action label this player plays there.
    transition : mapping or callable
        ``(state, signal) -> next state``, as a mapping with keys
        ``(state, signal)`` or a callable ``transition(state, signal)``. A
        callable that also takes a keyword argument ``player`` is called with
        the index of the player the automaton plays for. Under perfect
        monitoring the signal is the tuple of action labels played.
    randomisation : mapping, optional
        A public lottery ``{outcome: probability}`` drawn after each round;
        the transition then reads the pair ``(signal, outcome)``.
    name : str, optional
        A name shown by ``repr``.

    Notes
    -----
    Two automata are equal when their states, initial state, outputs and
    lottery agree and their transitions are equal tables, the same callable,
    or built-ins made by the same constructor with the same arguments.

    Raises
    ------
    AutomatonError
        If states repeat, the initial state is unknown, a state has no
        output, or the transition table names unknown states.
    ProbabilityError
        If the lottery is not a probability distribution.

    Examples
    --------
    Grim trigger for the prisoner's dilemma written out as a table:

    >>> signals = [("C", "C"), ("C", "D"), ("D", "C"), ("D", "D")]
    >>> grim = Automaton(["c", "p"], "c", {"c": "C", "p": "D"},
    ...                  {(w, y): "c" if w == "c" and y == ("C", "C") else "p"
    ...                   for w in ("c", "p") for y in signals})
    >>> grim.action("p"), grim.next_state("c", ("C", "D"))
    ('D', 'p')
    """

    states: tuple
    initial: Hashable
    output: Mapping
    transition: Any
    randomisation: Mapping | None = field(default=None, kw_only=True)
    name: str | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        self._validate_common()
        output = self.output
        if not isinstance(output, Mapping):
            raise AutomatonError(f"output: expected a mapping from states to action labels, got {output!r}")
        table = {}
        for state in self.states:
            if state not in output:
                raise AutomatonError(f"output: state {state!r} has no action")
            action = output[state]
            if not isinstance(action, str) or not action:
                raise AutomatonError(f"output[{state!r}]: expected an action label (a non-empty string), "
                                     f"got {action!r}")
            table[state] = action
        extra = [s for s in output if s not in table]
        if extra:
            raise AutomatonError(f"output: unknown states {extra!r}; the states are {self.states}")
        object.__setattr__(self, "output", MappingProxyType(table))

    def action(self, state: Hashable) -> str:
        """The action label played in ``state``."""
        try:
            return self.output[state]
        except (KeyError, TypeError):
            raise AutomatonError(f"state: expected one of {self.states}, got {state!r}") from None

    def __repr__(self) -> str:
        if self.name:
            return self.name
        return f"Automaton(states={self.states!r}, initial={self.initial!r}, output={dict(self.output)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Automaton):
            return NotImplemented
        return (self.states == other.states and self.initial == other.initial
                and dict(self.output) == dict(other.output) and self.randomisation == other.randomisation
                and (self.transition is other.transition
                     or (isinstance(self.transition, Mapping) and isinstance(other.transition, Mapping)
                         and dict(self.transition) == dict(other.transition))
                     or (self._key is not None and self._key == other._key)))

    def __hash__(self) -> int:
        return hash((self.states, self.initial, tuple(self.output.items())))

    @property
    def _key(self) -> tuple | None:
        """What identifies a built-in automaton's transition (its constructor and arguments), else None."""
        return self.__dict__.get("_builtin")


@dataclass(frozen=True, eq=False)
class JointAutomaton(_Base):
    r"""An automaton whose output is an action profile: a whole strategy profile at once.

    This is the representation of Mailath & Samuelson (2006, section 2.3): a
    set of joint states :math:`W`, an initial state, an output
    :math:`f(w) \in A` and a transition :math:`\tau(w, y)` on public signals.
    :func:`cybergames.repeated.compose` builds one from a profile of
    :class:`Automaton`; every solver also accepts one directly.

    Parameters
    ----------
    states, initial, transition, randomisation
        As for :class:`Automaton`.
    output : mapping
        State -> action profile (a tuple with one action label per player).

    Raises
    ------
    AutomatonError
        As for :class:`Automaton`; also if an output is not a tuple of labels.

    Examples
    --------
    Grim trigger in the prisoner's dilemma as one automaton on two joint states:

    >>> grim = JointAutomaton(["cooperate", "punish"], "cooperate",
    ...                       {"cooperate": ("C", "C"), "punish": ("D", "D")},
    ...                       lambda w, y: "cooperate" if w == "cooperate" and y == ("C", "C") else "punish")
    >>> grim.action("punish")
    ('D', 'D')
    """

    states: tuple
    initial: Hashable
    output: Mapping
    transition: Any
    randomisation: Mapping | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        self._validate_common()
        output = self.output
        if not isinstance(output, Mapping):
            raise AutomatonError(f"output: expected a mapping from states to action profiles, got {output!r}")
        table = {}
        for state in self.states:
            if state not in output:
                raise AutomatonError(f"output: state {state!r} has no action profile")
            profile = output[state]
            if not (isinstance(profile, tuple) and profile and all(isinstance(a, str) and a for a in profile)):
                raise AutomatonError(f"output[{state!r}]: expected an action profile (a tuple of action "
                                     f"labels), got {profile!r}")
            table[state] = profile
        extra = [s for s in output if s not in table]
        if extra:
            raise AutomatonError(f"output: unknown states {extra!r}; the states are {self.states}")
        object.__setattr__(self, "output", MappingProxyType(table))

    def action(self, state: Hashable) -> tuple:
        """The action profile played in ``state``."""
        try:
            return self.output[state]
        except (KeyError, TypeError):
            raise AutomatonError(f"state: expected one of {self.states}, got {state!r}") from None

    def __repr__(self) -> str:
        return (f"JointAutomaton(states={self.states!r}, initial={self.initial!r}, "
                f"output={dict(self.output)!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JointAutomaton):
            return NotImplemented
        return (self.states == other.states and self.initial == other.initial
                and dict(self.output) == dict(other.output) and self.randomisation == other.randomisation
                and (self.transition is other.transition
                     or (isinstance(self.transition, Mapping) and isinstance(other.transition, Mapping)
                         and dict(self.transition) == dict(other.transition))))

    def __hash__(self) -> int:
        return hash((self.states, self.initial, tuple(self.output.items())))
