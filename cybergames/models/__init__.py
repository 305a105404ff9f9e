"""The cyber-cooperation models, one module per obstacle to cooperation."""

__all__: list[str] = []
