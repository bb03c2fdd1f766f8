"""Models of the participacion area."""
