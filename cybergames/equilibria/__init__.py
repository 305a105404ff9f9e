"""Stage-game solvers: Nash equilibria, minmax and maxmin values, equilibrium selection."""

__all__: list[str] = []
