"""Models of the search area."""
