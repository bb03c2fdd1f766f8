"""Counting initiatives: the "N iniciativas cumplidas de M" of each axis.

Plain functions, so the rule is tested directly and the templates only format.
"""

from collections import defaultdict
from dataclasses import dataclass

COMPLETED = "cumplida"


@dataclass(frozen=True)
class Tally:
    """How many initiatives an axis has and how many of them are completed."""

    completed: int
    total: int

    @property
    def percentage(self):
        """Share completed, 0-100, truncated to a whole number; 0 when there is nothing to count."""
        if self.total == 0:
            return 0
        return (self.completed * 100) // self.total


def tally(statuses):
    """Count the completed statuses among ``statuses`` (an iterable of status codes)."""
    statuses = list(statuses)
    return Tally(completed=sum(1 for status in statuses if status == COMPLETED), total=len(statuses))


def tally_by_key(pairs):
    """Tally ``(key, status)`` pairs per key: {key: Tally}.

    The home page passes each Spanish initiative's axis translation key, so every language
    counts the same initiatives.
    """
    groups = defaultdict(list)
    for key, status in pairs:
        groups[key].append(status)
    return {key: tally(statuses) for key, statuses in groups.items()}
