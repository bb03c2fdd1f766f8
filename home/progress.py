"""Counting initiatives: the "N iniciativas cumplidas de M" of each axis.

Plain functions, so the rule is tested directly and the templates only format.
"""

from collections import defaultdict
from dataclasses import dataclass

from base.numbers import percentage

COMPLETED = "cumplida"


@dataclass(frozen=True)
class Tally:
    """How many initiatives an axis has and how many of them are completed."""

    completed: int
    total: int

    @property
    def percentage(self):
        """Share completed, 0-100, a whole number by the site's rule (``base.numbers``); 0 when there is nothing."""
        shown = percentage(self.completed, self.total, 0)
        return 0 if shown is None else int(shown)


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
