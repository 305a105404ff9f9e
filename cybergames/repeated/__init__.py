"""Repeated games: monitoring, automaton strategies, values and sustainable discount factors."""

from .game import RepeatedGame
from .monitoring import Monitoring, noisy_attribution, perfect

__all__ = ["Monitoring", "perfect", "noisy_attribution", "RepeatedGame"]
