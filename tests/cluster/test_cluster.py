"""``make cluster`` for real: Varnish, two gunicorn nodes, purge on publish, shared state, a node killed.

Requests go over real HTTP to Varnish (as visitors) or straight to one node (to show that state
kept by one node is seen by the other). The node-failure test kills a node, so it comes last.
"""

import gzip
import http.client
import re
import time
import uuid
from urllib.parse import urlencode, urlsplit

import pytest

pytestmark = pytest.mark.cluster

PUBLISH_VISIBLE_SECONDS = 2


def fetch(base, path, method="GET", headers=None, body=None, source=None):
    """``(status, headers, text)`` of one request; ``source`` is the local address to send from."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=60, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def cookies_of(headers):
    """``{name: value}`` of every Set-Cookie (read by hand: the cookies are Secure, the loopback is not)."""
    found = {}
    for line in headers.get_all("Set-Cookie") or []:
        name, _, rest = line.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def csrf_form(base, path, cookies=None):
    """GET a form: ``(cookies with csrftoken, csrfmiddlewaretoken)``."""
    status, headers, text = fetch(base, path, headers={"Cookie": cookie_header(cookies or {})})
    assert status == 200, (path, status)
    cookies = {**(cookies or {}), **cookies_of(headers)}
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
    return cookies, token


def post_form(base, path, cookies, token, fields):
    body = urlencode({"csrfmiddlewaretoken": token, **fields})
    return fetch(
        base,
        path,
        method="POST",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(cookies),
            "Origin": base,
            "Referer": base + path,
        },
    )


@pytest.fixture(scope="module")
def pages(cluster):
    """URLs of demo pages: a page, a sibling, its English twin, and a page of another section."""
    return cluster.python(
        """
import json
from wagtail.models import Locale, Page
spanish = Page.objects.live().filter(locale=Locale.get_default(), depth=4).order_by("path")
page = next(p for p in spanish if p.get_parent().get_children().live().count() > 1)
sibling = page.get_siblings(inclusive=False).live().first()
other = next(p for p in spanish if p.path[:12] != page.path[:12])
twin = page.get_translations().live().first()
print(json.dumps({"id": page.pk, "page": page.url, "sibling": sibling.url, "other": other.url,
                  "twin": twin.url if twin else None, "other_id": other.pk}))
"""
    )


def varnish_hit(cluster, path):
    """GET ``path`` through Varnish until it is a hit (at most a few tries); its X-Varnish ids."""
    for _ in range(3):
        status, headers, _text = fetch(cluster.varnish, path)
        assert status == 200, (path, status)
        if headers["X-Cache"] == "hit":
            return headers["X-Varnish"]
    raise AssertionError(f"{path} is never served from Varnish")


def test_anonymous_pages_are_served_from_varnish(cluster, pages):
    status, headers, _text = fetch(cluster.varnish, pages["page"])
    assert status == 200
    second = varnish_hit(cluster, pages["page"])
    # A hit names two transactions: this one and the one that stored the object.
    assert len(second.split()) == 2
    status, headers, _text = fetch(cluster.varnish, pages["page"])
    assert headers["X-Cache"] == "hit" and int(headers["Age"]) >= 0
    # The tags the bans match on stay inside the cache.
    assert "X-Cache-Tags" not in headers


def test_shared_pages_reach_browsers_gzipped_and_plain_clients_uncompressed(cluster, pages):
    varnish_hit(cluster, pages["other"])
    parts = urlsplit(cluster.varnish)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", pages["other"], headers={"Accept-Encoding": "gzip, deflate, br"})
        response = connection.getresponse()
        compressed = response.read()
    finally:
        connection.close()
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    # The same page for a client that asked for no compression, unzipped by Varnish.
    status, headers, plain = fetch(cluster.varnish, pages["other"])
    assert status == 200 and "Content-Encoding" not in headers
    assert gzip.decompress(compressed).decode() == plain
    assert len(compressed) < len(plain.encode()) / 2


def test_publishing_a_page_bans_it_and_where_it_appears_but_not_unrelated_pages(cluster, pages):
    watched = [path for path in (pages["page"], pages["sibling"], pages["other"], pages["twin"], "/") if path]
    before = {path: varnish_hit(cluster, path) for path in watched}
    marker = f"Descripción publicada {uuid.uuid4().hex[:8]}"
    cluster.python(
        f"""
import json
from wagtail.models import Page
page = Page.objects.get(pk={pages["id"]}).specific
page.search_description = {marker!r}
page.save_revision().publish()
print(json.dumps(page.search_description))
"""
    )
    published = time.monotonic()
    while True:
        status, headers, text = fetch(cluster.varnish, pages["page"])
        if marker in text:
            break
        assert time.monotonic() - published < PUBLISH_VISIBLE_SECONDS, "the change did not reach Varnish"
        time.sleep(0.1)
    assert status == 200
    # The home page (its tallies and listings show every page) was banned too.
    assert fetch(cluster.varnish, "/")[1]["X-Varnish"] != before["/"]
    if pages["twin"]:  # the English twin shares the translation key: banned with it
        assert fetch(cluster.varnish, pages["twin"])[1]["X-Cache"] == "miss"
    # A sibling and a page of another section did not change: still the same stored objects.
    for path in (pages["sibling"], pages["other"]):
        status, headers, _text = fetch(cluster.varnish, path)
        assert headers["X-Cache"] == "hit", path
        assert headers["X-Varnish"].split()[1] == before[path].split()[1], path


@pytest.mark.browser
def test_a_title_published_in_the_admin_of_node_1_is_visible_through_varnish_within_two_seconds(
    cluster, pages, editor, browser
):
    varnish_hit(cluster, pages["other"])
    new_title = f"Título publicado {uuid.uuid4().hex[:8]}"
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{cluster.node1}/admin/login/")
        page.fill("#id_username", editor[0])
        page.fill("#id_password", editor[1])
        page.click("button[type=submit]")
        page.wait_for_url(f"{cluster.node1}/admin/")
        page.goto(f"{cluster.node1}/admin/pages/{pages['other_id']}/edit/")
        page.fill("#id_title", new_title)
        with page.expect_navigation():
            page.evaluate("() => document.querySelector('button[name=action-publish]').click()")
        assert page.url.startswith(cluster.node1 + "/admin/")
    finally:
        context.close()
    published = time.monotonic()
    while new_title not in fetch(cluster.varnish, pages["other"])[2]:
        assert time.monotonic() - published < PUBLISH_VISIBLE_SECONDS, "the new title did not reach Varnish"
        time.sleep(0.1)


def test_no_nonce_or_csrf_token_is_ever_shared(cluster):
    contact = cluster.python(
        "import json; from wagtail.models import Locale; from contacto.models import ContactoPage; "
        "print(json.dumps(ContactoPage.objects.live().filter(locale=Locale.get_default()).first().url))"
    )
    answers = [fetch(cluster.varnish, contact) for _ in range(2)]
    tokens = []
    for status, headers, text in answers:
        assert status == 200
        assert headers["X-Cache"] == "miss"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
        nonces = set(re.findall(r'nonce="([^"]+)"', text))
        tokens.append((token, frozenset(nonces)))
    assert tokens[0][0] != tokens[1][0]
    if tokens[0][1]:
        assert not tokens[0][1] & tokens[1][1]
    # Whatever Varnish does serve from its store carries neither.
    for path in ("/", "/en/"):
        status, headers, text = fetch(cluster.varnish, path)
        fetch(cluster.varnish, path)
        status, headers, text = fetch(cluster.varnish, path)
        if headers["X-Cache"] == "hit":
            assert "csrfmiddlewaretoken" not in text and 'nonce="' not in text
            assert "nonce-" not in headers.get("Content-Security-Policy", "")


def test_signed_in_editors_and_posts_pass(cluster, pages):
    status, headers, _text = fetch(cluster.varnish, pages["other"], headers={"Cookie": "sessionid=abc"})
    assert headers["X-Cache"] == "miss"
    status, headers, _text = fetch(cluster.varnish, pages["other"], headers={"Cookie": "sessionid=abc"})
    assert headers["X-Cache"] == "miss"


def test_purge_and_ban_are_refused_from_an_address_that_is_not_a_node(cluster, pages):
    varnish_hit(cluster, pages["sibling"])
    for method, headers in (("PURGE", {}), ("BAN", {"X-Ban-Tags": "."})):
        status, _headers, _text = fetch(
            cluster.varnish, pages["sibling"], method=method, headers=headers, source="127.0.0.2"
        )
        assert status == 405, method
    assert fetch(cluster.varnish, pages["sibling"])[1]["X-Cache"] == "hit"
    # From a node's address the same BAN drops everything.
    status, _headers, _text = fetch(cluster.varnish, "/", method="BAN", headers={"X-Ban-Tags": "."}, source="127.0.0.1")
    assert status == 200
    assert fetch(cluster.varnish, pages["sibling"])[1]["X-Cache"] == "miss"


def test_a_page_cached_by_one_node_is_a_hit_on_the_other(cluster, pages):
    path = f"{pages['sibling']}?v={uuid.uuid4().hex}"
    # Behind Varnish both nodes see the public host name (the page cache's key includes it).
    host = {"Host": urlsplit(cluster.varnish).netloc}
    assert fetch(cluster.node1, path, headers=host)[1]["X-Page-Cache"] == "miss"
    assert fetch(cluster.node2, path, headers=host)[1]["X-Page-Cache"] == "hit"


def test_a_session_opened_on_one_node_is_valid_on_the_other(cluster, editor):
    cookies, token = csrf_form(cluster.node1, "/admin/login/")
    status, headers, _text = post_form(
        cluster.node2, "/admin/login/", cookies, token, {"username": editor[0], "password": editor[1]}
    )
    assert status == 302, "signing in on node 2 with node 1's CSRF cookie"
    session = {"sessionid": cookies_of(headers)["sessionid"]}
    for node in (cluster.node1, cluster.node2, cluster.node1):
        status, _headers, text = fetch(node, "/admin/", headers={"Cookie": cookie_header(session)})
        assert status == 200, node  # not sent to the sign-in page
        assert 'name="password"' not in text


def test_rate_limits_count_requests_on_both_nodes(cluster):
    statuses = []
    for attempt in range(6):
        node = (cluster.node1, cluster.node2)[attempt % 2]
        cookies, token = csrf_form(node, "/admin/password_reset/")
        status, _headers, _text = post_form(
            node, "/admin/password_reset/", cookies, token, {"email": f"nadie{attempt}@example.org"}
        )
        statuses.append(status)
    # Five requests an hour per client, wherever they land; the sixth is refused.
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429


def test_a_lockout_earned_on_both_nodes_holds_on_both(cluster):
    username = f"intrusa-{uuid.uuid4().hex[:6]}"

    def sign_in(node):
        cookies, token = csrf_form(node, "/admin/login/")
        return post_form(node, "/admin/login/", cookies, token, {"username": username, "password": "x"})[0]

    # Failures alternate between the nodes; the fifth, wherever it lands, locks the name out.
    statuses = [sign_in((cluster.node1, cluster.node2)[attempt % 2]) for attempt in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(cluster.node1) == 429
    assert sign_in(cluster.node2) == 429


def test_a_killed_node_is_taken_out_without_errors_reaching_visitors(cluster, pages):
    """Last: kills node 2 (master and workers, SIGKILL) and keeps sending requests that miss."""
    import os
    import signal

    master = cluster.node_pid(2)
    children = [int(pid) for pid in open(f"/proc/{master}/task/{master}/children").read().split()]
    for pid in (master, *children):
        os.kill(pid, signal.SIGKILL)
    statuses = []
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        # A new query string each time: every request misses and reaches a node.
        statuses.append(fetch(cluster.varnish, f"{pages['other']}?n={uuid.uuid4().hex}")[0])
    assert statuses and set(statuses) == {200}, statuses
