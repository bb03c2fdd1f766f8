"""Two application servers sharing one database and the object store: a rendition made on node A is
served by node B (no second rendition, no local file), and the CSP lets browsers load it.

The nodes are real gunicorn processes on loopback (free loopback ports, or ``TWO_NODES_PORTS``) over a
SQLite file with the demo content, loaded with media on the object store (scripts/objectstore.sh).
"""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import OBJECTSTORE_KEYS

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "gobierno-abierto-media"

# The demo ships no images: give a demo commitment one (uploaded to the object store), as an editor would.
ADD_IMAGE = """
from wagtail_factories import ImageFactory
from programa_gobierno.models import CompromisoPage, ImagenCompromiso
page = CompromisoPage.objects.live().get(locale__language_code="es-cl", slug="bosques-de-bolsillo")
image = ImageFactory(title="Plantación de un bosque de bolsillo", file__width=800, file__height=600)
alt = "Vecinos plantando árboles nativos en una plaza"
page.imagenes = [ImagenCompromiso(image=image, alt_text=alt, locale=page.locale)]
page.save_revision().publish()
print(page.url)
"""
COUNT_RENDITIONS = "from wagtail.images.models import Rendition; print(Rendition.objects.count())"


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.headers, response.read()


@pytest.fixture(scope="module")
def nodes(objectstore, tmp_path_factory):
    """``(env, [node A URL, node B URL])``: two gunicorn servers on one database and one object store."""
    from tests.browser.conftest import free_port

    ports = os.environ.get("TWO_NODES_PORTS", "").split(",") if os.environ.get("TWO_NODES_PORTS") else None
    ports = [int(port) for port in ports] if ports else [free_port(), free_port()]
    database = tmp_path_factory.mktemp("two-nodes") / "site.sqlite3"
    env = {
        **os.environ,
        **OBJECTSTORE_KEYS,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "AWS_S3_ENDPOINT_URL": objectstore,
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    manage(env, "migrate_once", "-v0")
    manage(env, "load_demo_content", "-v0")
    servers = [
        subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                "120",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        deadline = time.monotonic() + 120
        for url in urls:
            while True:
                try:
                    if get(f"{url}/healthz")[0] == 200:
                        break
                except (urllib.error.URLError, ConnectionError):
                    pass
                assert time.monotonic() < deadline, f"{url} did not start"
                time.sleep(0.5)
        yield env, urls
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def bucket_urls(html, objectstore):
    """The object-store URLs a page's HTML points at (img src and srcset)."""
    return sorted(set(re.findall(re.escape(f"{objectstore}/{BUCKET}/") + r"images/[^\s\"',]+", html)))


def test_a_rendition_made_on_node_a_is_served_by_node_b(nodes, objectstore, s3):
    env, (node_a, node_b) = nodes
    path = manage(env, "shell", "-v0", "-c", ADD_IMAGE)
    renditions_before = int(manage(env, "shell", "-v0", "-c", COUNT_RENDITIONS))

    status, headers_a, body_a = get(node_a + path)
    assert status == 200
    urls_a = bucket_urls(body_a.decode(), objectstore)
    assert urls_a, "the page shows no image from the object store"
    renditions_after_a = int(manage(env, "shell", "-v0", "-c", COUNT_RENDITIONS))
    assert renditions_after_a > renditions_before  # node A made them
    stored = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix="images/").get("Contents", [])}

    status, headers_b, body_b = get(node_b + path)
    assert status == 200
    assert bucket_urls(body_b.decode(), objectstore) == urls_a  # the same objects
    assert int(manage(env, "shell", "-v0", "-c", COUNT_RENDITIONS)) == renditions_after_a  # node B made none
    assert {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET, Prefix="images/").get("Contents", [])} == stored

    for url in urls_a:
        status, headers, body = get(url)  # what the browser then loads, from the bucket
        assert status == 200 and body
        assert headers["Content-Type"].startswith("image/")
    for headers in (headers_a, headers_b):
        img_src = re.search(r"img-src ([^;]+)", headers["Content-Security-Policy"]).group(1).split()
        assert objectstore in img_src
        script_src = re.search(r"script-src ([^;]+)", headers["Content-Security-Policy"]).group(1)
        assert objectstore not in script_src
