"""Bounds on what constructors and solvers accept, so that no input hangs or exhausts memory.

Beyond a bound, the library raises a :mod:`cybergames.errors` error that names
the bound and how to raise it. The bounds are module attributes, read at each
call; raise one for a single large computation and restore it afterwards:

>>> import cybergames.limits
>>> cybergames.limits.MAX_ROUNDS
10000000
>>> from cybergames import RepeatedGame, grim_trigger, prisoners_dilemma, simulate
>>> rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
>>> simulate(rg, (grim_trigger(), grim_trigger()), rounds=10**12)
Traceback (most recent call last):
...
cybergames.errors.ParameterError: rounds: 1000000000000 exceeds cybergames.limits.MAX_ROUNDS = 10000000; set cybergames.limits.MAX_ROUNDS to a larger value to allow more

Readers of untrusted files have their own, per-call bounds
(:class:`cybergames.io.Limits`).
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["MAX_EXPRESSION_DEPTH", "MAX_EXPONENT", "MAX_PROFILES", "MAX_STATES", "MAX_ROUNDS", "MAX_TYPES",
           "MAX_CANDIDATES", "MAX_GRID", "MAX_DIGITS", "MAX_MIXED_ACTIONS", "MAX_MIXED_TOTAL_ACTIONS",
           "MAX_HULL_DIMENSION", "check"]

#: Nesting depth of a symbolic payoff or parameter expression.
MAX_EXPRESSION_DEPTH = 200
#: Largest magnitude of an integer exponent in an exact power (``10**(10**12)`` is refused) and of a
#: decimal exponent in a number read from text (``1e999999999``). Below Python's 4300-digit limit on
#: printing integers, so that every accepted number can appear in a message.
MAX_EXPONENT = 4_000
#: Digits of a number read from text (same reason).
MAX_DIGITS = 4_000
#: Pure profiles of a game (players x actions), e.g. 2**30 for 30 players with 2 actions.
MAX_PROFILES = 10**7
#: States of an automaton (``limited_punishment(k)`` has k + 1).
MAX_STATES = 10**5
#: Rounds of a simulated play.
MAX_ROUNDS = 10**7
#: Types, messages, actions or states of a signalling or cheap-talk game.
MAX_TYPES = 1_000
#: Candidate strategy profiles a signalling-game equilibrium search may enumerate.
MAX_CANDIDATES = 10**6
#: Points of a grid given to a constructor (education levels, parameter grids).
MAX_GRID = 10**5
#: All mixed equilibria of a two-player game by vertex enumeration: the smaller player's number of
#: actions (the work grows exponentially with it; a random 15x15 game takes seconds, 20x20 minutes).
MAX_MIXED_ACTIONS = 16
#: ... and both players' actions together.
MAX_MIXED_TOTAL_ACTIONS = 200
#: ... and the larger player's actions, unless the smaller player has at most 8 (then only the smaller
#: player's polytope is built). Convex hulls in more dimensions take minutes (9x30: about a minute)
#: and qhull can crash the process (9x53); ``lemke_howson`` finds one equilibrium of such games.
MAX_HULL_DIMENSION = 30


def check(name: str, value: Any, bound: str, error: type | None = None) -> None:
    """Raise ``error`` (default ParameterError) if ``value`` exceeds the limit ``bound`` (a name above).

    The message names the argument, the bound and how to raise it.

    >>> check("rounds", 10, "MAX_ROUNDS")
    """
    limit = getattr(sys.modules[__name__], bound)
    if value > limit:
        if error is None:
            from .errors import ParameterError
            error = ParameterError
        raise error(f"{name}: {value} exceeds cybergames.limits.{bound} = {limit}; "
                    f"set cybergames.limits.{bound} to a larger value to allow more")


def expression_depth(expr: Any, limit: int | None = None) -> int:
    """The nesting depth of a sympy expression, found without recursion (stops past ``limit``)."""
    limit = MAX_EXPRESSION_DEPTH if limit is None else limit
    deepest, stack = 0, [(expr, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((arg, depth + 1) for arg in getattr(node, "args", ()))
    return deepest

#: Individuals of a finite population (Moran process, KMR dynamics).
MAX_POPULATION = 10**6
#: ... when the answer is exact: the fixation probability's numbers grow with the population
#: (2000 individuals take about a second).
MAX_EXACT_POPULATION = 2_000
#: States of a perturbed Markov chain whose stationary distribution or stochastically stable
#: states are computed (KMR compositions, adaptive-play histories): the work grows with its cube.
MAX_CHAIN_STATES = 2_000
#: ... when its stationary distribution is computed exactly (Fractions; the work grows with the cube).
MAX_EXACT_CHAIN_STATES = 150
#: Recurrent classes of an unperturbed chain among which least-cost trees are found (one
#: Chu–Liu/Edmonds search per class, each up to cubic in their number).
MAX_RECURRENT_CLASSES = 50
__all__ += ["MAX_POPULATION", "MAX_EXACT_POPULATION", "MAX_CHAIN_STATES", "MAX_RECURRENT_CLASSES", "MAX_EXACT_CHAIN_STATES"]
#: All mixed equilibria of a two-player game that the certified fast routes cannot take (a degenerate
#: game, or one within the tolerance of degenerate): the exact double description enumerates every
#: vertex of both best-response polytopes, so the most vertices a polytope with that many facets can
#: have (McMullen's upper bound theorem) bounds its work. A tie-heavy 4x62 game (bound 98,736) takes
#: about a minute; 5x62 (bound 701,624) did not finish in 100 s.
MAX_EXACT_VERTICES = 200_000
__all__ += ["MAX_EXACT_VERTICES"]
#: Periods of a finite-horizon reputation game (chain store, KMRW prisoner's dilemma). The exact chain
#: store works with numbers of O(N) digits (10 000 periods take a few seconds); float paths are linear.
MAX_REPUTATION_PERIODS = 10_000
__all__ += ["MAX_REPUTATION_PERIODS"]
