"""Models of the contacto area."""
