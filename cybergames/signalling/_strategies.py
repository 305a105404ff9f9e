r"""Hypothesis strategies for signalling games (re-exported by ``cybergames.strategies``).

``@given(signalling_games())`` runs a test on many finite signalling games,
built valid (never filtered): labelled types ``"t1"``, ... with a positive
prior, messages ``"m1"``, ... (optionally type-dependent, every message
available to some type and every type with some message), actions ``"a1"``,
... and integer payoffs in ``[min_value, max_value]`` (floats with
``exact=False``).

Examples
--------
>>> from hypothesis import given, settings
>>> from cybergames.signalling import perfect_bayesian_equilibria
>>> @settings(max_examples=10)
... @given(signalling_games(max_types=2, max_messages=2, max_actions=2))
... def test_some_pbe_kind(sg):
...     for eq in perfect_bayesian_equilibria(sg):
...         assert eq.kind in ("pooling", "separating", "hybrid")
>>> test_some_pbe_kind()
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from ..errors import StrategyArgumentError
from .game import SignallingGame

__all__ = ["signalling_games"]

#: The largest number of types, messages or actions a generated game has.
MAX_SIZE = 6


def _check_range(name: str, low: int, high: int) -> None:
    for bound, value in ((f"min_{name}", low), (f"max_{name}", high)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise StrategyArgumentError(f"{bound} must be an integer, got {value!r}")
    if not 1 <= low <= high <= MAX_SIZE:
        raise StrategyArgumentError(f"expected 1 <= min_{name} <= max_{name} <= {MAX_SIZE}, "
                                    f"got min_{name}={low!r}, max_{name}={high!r}")


@st.composite
def signalling_games(draw, *, min_types: int = 2, max_types: int = 3, min_messages: int = 2,
                     max_messages: int = 3, min_actions: int = 2, max_actions: int = 3,
                     min_value: int = -5, max_value: int = 5, exact: bool = True,
                     type_dependent: bool = False, message_dependent: bool = False) -> SignallingGame:
    """Finite signalling games with integer (or float) payoffs and a positive prior.

    Parameters
    ----------
    min_types, max_types, min_messages, max_messages, min_actions, max_actions : int
        Bounds on the sizes (between 1 and ``MAX_SIZE``).
    min_value, max_value : int
        Bounds on the payoffs.
    exact : bool
        Fraction prior and int payoffs (default), or floats.
    type_dependent : bool
        Draw which messages each type can send.
    message_dependent : bool
        Draw the number of actions after each message separately.

    Raises
    ------
    StrategyArgumentError
        When drawn from with invalid bounds.
    """
    _check_range("types", min_types, max_types)
    _check_range("messages", min_messages, max_messages)
    _check_range("actions", min_actions, max_actions)
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise StrategyArgumentError(f"{name} must be an integer, got {value!r}")
    if min_value > max_value:
        raise StrategyArgumentError(f"expected min_value <= max_value, got {min_value!r} > {max_value!r}")
    n_types = draw(st.integers(min_types, max_types))
    n_messages = draw(st.integers(min_messages, max_messages))
    types = tuple(f"t{i + 1}" for i in range(n_types))
    messages = tuple(f"m{j + 1}" for j in range(n_messages))
    if message_dependent:
        counts = [draw(st.integers(min_actions, max_actions)) for _ in messages]
    else:
        counts = [draw(st.integers(min_actions, max_actions))] * n_messages
    actions = {m: tuple(f"a{k + 1}" for k in range(c)) for m, c in zip(messages, counts)}
    weights = draw(st.lists(st.integers(1, 9), min_size=n_types, max_size=n_types))
    total = sum(weights)
    prior = {t: Fraction(w, total) if exact else w / total for t, w in zip(types, weights)}
    available = None
    if type_dependent:
        sets = [set(draw(st.sets(st.sampled_from(messages), max_size=n_messages))) for _ in types]
        for m in messages:  # every message is available to some type
            if not any(m in s for s in sets):
                sets[draw(st.integers(0, n_types - 1))].add(m)
        for s in sets:  # every type has some message
            if not s:
                s.add(draw(st.sampled_from(messages)))
        available = {t: tuple(m for m in messages if m in s) for t, s in zip(types, sets)}
    value = st.integers(min_value, max_value)
    sender, receiver = {}, {}
    for t in types:
        for m in (messages if available is None else available[t]):
            for a in actions[m]:
                u_s, u_r = draw(value), draw(value)
                sender[(t, m, a)] = u_s if exact else float(u_s)
                receiver[(t, m, a)] = u_r if exact else float(u_r)
    return SignallingGame(types, prior, messages, actions, sender, receiver, available=available)
