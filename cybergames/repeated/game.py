r"""Infinitely repeated games with discounting.

The stage game is played in rounds :math:`t = 0, 1, \dots`; after each round
the public signal of the monitoring structure is seen by all. Payoffs are
discounted by :math:`\delta \in [0, 1)` and normalised,

.. math:: V_i = (1 - \delta) \sum_{t \ge 0} \delta^t u_i(a^t),

so that a repeated-game payoff is on the scale of a stage-game payoff.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import MonitoringError
from ..games.normal_form import NormalFormGame
from .monitoring import Monitoring, perfect

__all__ = ["RepeatedGame"]


@dataclass(frozen=True, eq=False)
class RepeatedGame:
    """A stage game repeated infinitely often under public monitoring.

    Parameters
    ----------
    stage : NormalFormGame
        The game played in every round.
    monitoring : Monitoring, optional
        What the players see after each round; ``None`` means perfect
        monitoring (the signal is the action profile).

    Raises
    ------
    MonitoringError
        If the monitoring structure belongs to a different game.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> rg = RepeatedGame(prisoners_dilemma())
    >>> rg.is_perfect, len(rg.monitoring.signals)
    (True, 4)
    """

    stage: NormalFormGame
    monitoring: Monitoring | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.stage, NormalFormGame):
            raise MonitoringError(f"stage: expected a NormalFormGame, got {type(self.stage).__name__}")
        monitoring = self.monitoring
        if monitoring is None:
            monitoring = perfect(self.stage)
        elif not isinstance(monitoring, Monitoring):
            raise MonitoringError(f"monitoring: expected a Monitoring or None, got {type(monitoring).__name__}")
        elif monitoring.game != self.stage:
            raise MonitoringError("monitoring: expected a monitoring structure of this stage game, "
                                  "got one built on a different game")
        object.__setattr__(self, "monitoring", monitoring)

    @property
    def is_perfect(self) -> bool:
        """Whether the public signal reveals the action profile."""
        return self.monitoring.is_perfect

    @property
    def num_players(self) -> int:
        """The number of players of the stage game."""
        return self.stage.num_players

    @property
    def is_symbolic(self) -> bool:
        """Whether payoffs or probabilities contain sympy symbols."""
        return self.stage.is_symbolic or self.monitoring.is_symbolic

    @property
    def free_symbols(self) -> frozenset:
        """The symbols of the stage game and the monitoring structure."""
        return self.stage.free_symbols | self.monitoring.free_symbols

    def subs(self, *args, **kwargs) -> "RepeatedGame":
        """Substitute values for symbols in the stage game and the monitoring structure."""
        monitoring = self.monitoring.subs(*args, **kwargs)
        return RepeatedGame(monitoring.game, monitoring)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RepeatedGame):
            return NotImplemented
        return self.stage == other.stage and self.monitoring == other.monitoring

    def __hash__(self) -> int:
        return hash((self.stage, self.monitoring))
