"""Models of the fichas area."""
