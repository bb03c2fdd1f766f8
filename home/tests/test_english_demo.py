"""The English home page quotes the memorandum in its own words, not in a back-translation."""

import pytest

from home.demo import ENGLISH_QUOTE, HOME

pytestmark = pytest.mark.django_db

# Barack Obama, Memorandum on Transparency and Open Government, 21 January 2009 (74 FR 4685).
MEMORANDUM = (
    "Government should be transparent. Transparency promotes accountability and provides information for citizens "
    "about what their Government is doing."
)


def test_english_home_quotes_the_original_memorandum(client, home, home_en):
    html = client.get("/en/").content.decode()
    assert ENGLISH_QUOTE == MEMORANDUM
    assert f"<blockquote><p>{MEMORANDUM}</p></blockquote>" in html
    assert "One who provides information" not in html
    assert "Memorandum on Transparency and Open Government" in html
    # The Spanish home keeps the seed's quotation.
    spanish = client.get("/").content.decode()
    assert HOME["quote"] in spanish and MEMORANDUM not in spanish
