"""Reading the site's Atom feeds in tests, as a feed reader does (feedparser)."""

import feedparser


def read_feed(client, url):
    """GET ``url`` and parse it: a 200 Atom 1.0 document that feedparser reads without error."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed
