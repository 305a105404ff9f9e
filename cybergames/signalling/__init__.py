"""Signalling games: perfect Bayesian equilibria, refinements and cheap talk."""

__all__: list[str] = []
