"""Repeated games: monitoring, automaton strategies, values and sustainable discount factors."""

__all__: list[str] = []
