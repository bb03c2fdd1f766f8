"""Demo content owned by the base app: shared content pages (accessibility statement, about)."""


def load(home):
    """Placeholder until the accessibility statement lands (issue: accessibility)."""
