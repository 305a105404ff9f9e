"""The stage-game data the payoff-set operators need, unpacked once into float arrays.

For each pure profile :math:`a` (in ``np.ndindex`` order) of an n-player
game: the payoff vector :math:`u(a)`, each player's best one-shot deviation
gain

.. math:: g_i(a) = \\max_{a_i' \\ne a_i} u_i(a_i', a_{-i}) - u_i(a)

(``-inf`` when player :math:`i` has a single action), the list of
deviations (player, profile index) for the incentive constraints under public
monitoring, the signal distribution :math:`p(\\cdot \\mid a)`, and the pure
minmax vector, a lower bound on every pure-strategy equilibrium payoff.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ... import _numbers
from ...errors import GameError, ParameterError
from ..game import RepeatedGame


@dataclass(frozen=True, eq=False)
class Stage:
    """Float arrays describing a repeated game for the payoff-set operators."""

    payoffs: np.ndarray          # (|A|, n) payoff vector of each profile
    gains: np.ndarray            # (|A|, n) best one-shot deviation gain, -inf without deviations
    deviations: tuple            # per profile: tuple of (player, deviation profile index)
    signals: np.ndarray          # (|A|, |Y|) p(y | a)
    floor: np.ndarray            # (n,) pure minmax values
    nash: np.ndarray             # (|A|,) bool: pure Nash equilibria of the stage game
    scale: float                 # largest |payoff| (1 when all are 0), for relative tolerances
    profiles: tuple              # the profiles' action-label tuples, in the same order

    @property
    def size(self) -> int:
        """The number of pure action profiles."""
        return len(self.payoffs)


def stage_of(rg: RepeatedGame, *, any_players: bool = False) -> Stage:
    """Unpack a numeric repeated game (two players unless ``any_players``); raise a clear error otherwise."""
    if not isinstance(rg, RepeatedGame):
        raise ParameterError(f"rg: expected a RepeatedGame, got {type(rg).__name__}")
    game = rg.stage
    n = game.num_players
    if n != 2 and not any_players:
        raise GameError(f"rg: equilibrium payoff sets are computed for two-player games, this one has "
                        f"{n} players")
    if rg.is_symbolic:
        raise GameError("rg: expected numeric payoffs and probabilities, got symbols; substitute values first")
    shape = game.shape
    u = [np.asarray(p, dtype=float) for p in game.payoffs]
    index = {idx: k for k, idx in enumerate(np.ndindex(*shape))}
    payoffs = np.array([[u[i][idx] for i in range(n)] for idx in index])
    gains = np.full((len(index), n), -np.inf)
    deviations = []
    for idx, k in index.items():
        devs = []
        for i in range(n):
            for alternative in range(shape[i]):
                if alternative == idx[i]:
                    continue
                other = list(idx)
                other[i] = alternative
                other = tuple(other)
                gains[k, i] = max(gains[k, i], u[i][other] - u[i][idx])
                devs.append((i, index[other]))
        deviations.append(tuple(devs))
    matrix = np.asarray(rg.monitoring.matrix, dtype=float).reshape(len(index), -1)
    floor = np.array([u[i].max(axis=i).min() for i in range(n)])
    nash = (gains <= 0).all(axis=1)
    scale = _numbers.unit_of(payoffs)
    profiles = tuple(tuple(game.actions[j][idx[j]] for j in range(n)) for idx in index)
    return Stage(payoffs, gains, tuple(deviations), matrix, floor, nash, scale, profiles)


def normalised(stage: Stage) -> Stage:
    """The same stage game with every payoff divided by ``stage.scale`` (largest ``|payoff|`` 1).

    Payoff sets scale with the payoffs, so the float engines work on payoffs of
    size 1 and multiply back: linear-program solvers treat numbers beyond about
    :math:`10^{20}` as infinite and tolerate absolute errors near :math:`10^{-9}`,
    which would otherwise decide the answer for payoffs scaled by :math:`10^{\\pm 300}`.
    """
    s = stage.scale
    return Stage(stage.payoffs / s, stage.gains / s, stage.deviations, stage.signals, stage.floor / s, stage.nash,
                 1.0, stage.profiles)


def binary_normalised(stage: Stage) -> tuple[Stage, float]:
    """The stage game with payoffs divided by the power of two ``unit`` nearest below ``stage.scale``, and ``unit``.

    Dividing by a power of two is exact, so the planar engines, run on payoffs
    of size 1 to 2, give the sets of a game of any scale (times ``unit``) with
    the rounding of a game of size 1, and every tolerance inside is relative.
    """
    unit = 2.0 ** (math.frexp(stage.scale)[1] - 1)
    return Stage(stage.payoffs / unit, stage.gains / unit, stage.deviations, stage.signals, stage.floor / unit,
                 stage.nash, stage.scale / unit, stage.profiles), unit
