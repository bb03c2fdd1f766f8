"""Models of the programa_gobierno area."""
