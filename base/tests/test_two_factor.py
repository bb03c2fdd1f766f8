"""Two-step sign-in (base/twofactor.py): what a session gets before and after its code.

Before the code, a superuser's session is sent to the code page in the admin (except for
what the sign-in and code pages themselves fetch) and is an anonymous visitor everywhere
else: login-restricted pages, private documents and the API show it nothing more than the
public sees. The browser test (tests/browser/test_two_factor.py) signs in end to end.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from base.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True


@pytest.fixture
def superuser_with_device(django_user_model):
    user = django_user_model.objects.create_superuser("jefa", "jefa@example.org", "una-clave-muy-segura-9")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user, device


def pass_second_step(client, device):
    """Type the device's current code into the code page, as the person would."""
    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    response = client.post("/admin/dos-pasos/verificar/", {"token": code})
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def restricted_page(home):
    """A published page visible only to signed-in people (Wagtail's "login" restriction)."""
    page = home.add_child(instance=StandardPage(title="Solo para personas registradas", slug="solo-registradas"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture
def private_document(settings, tmp_path):
    """A document in a collection restricted to signed-in people."""
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="Documentos internos")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Minuta interna",
        file=ContentFile(b"contenido interno", name="minuta-interna.txt"),
        collection=collection,
    )
    return document


def test_login_restricted_page_needs_the_second_step(client, enforced, superuser_with_device, restricted_page):
    user, device = superuser_with_device
    client.force_login(user)
    before = client.get(restricted_page.url)
    assert before.status_code == 302  # to the sign-in page, as for any anonymous visitor
    assert "Solo para personas registradas" not in before.content.decode()
    pass_second_step(client, device)
    after = client.get(restricted_page.url)
    assert after.status_code == 200
    assert "Solo para personas registradas" in after.content.decode()


def test_private_document_needs_the_second_step(client, enforced, superuser_with_device, private_document):
    user, device = superuser_with_device
    client.force_login(user)
    url = private_document.url
    before = client.get(url)
    assert before.status_code == 302
    assert b"contenido interno" not in b"".join(getattr(before, "streaming_content", [before.content]))
    pass_second_step(client, device)
    after = client.get(url)
    assert after.status_code == 200
    assert b"".join(after.streaming_content) == b"contenido interno"


def test_api_lists_restricted_pages_only_after_the_second_step(
    client, enforced, superuser_with_device, restricted_page, home
):
    user, device = superuser_with_device
    client.force_login(user)

    def listed_ids():
        response = client.get("/api/v2/pages/", {"child_of": home.id, "limit": 20})
        assert response.status_code == 200
        return {item["id"] for item in response.json()["items"]}

    assert restricted_page.id not in listed_ids()
    assert client.get(f"/api/v2/pages/{restricted_page.id}/").status_code == 404
    pass_second_step(client, device)
    assert restricted_page.id in listed_ids()
    assert client.get(f"/api/v2/pages/{restricted_page.id}/").status_code == 200


def test_editors_without_a_device_keep_their_access_to_restricted_pages(
    client, enforced, django_user_model, restricted_page
):
    editor = django_user_model.objects.create_user("redactora", "r@example.org", "una-clave-muy-segura-8")
    client.force_login(editor)
    assert client.get(restricted_page.url).status_code == 200


@pytest.mark.parametrize("path", ["/admin/sprite/", "/admin/jsi18n/", "/admin/login/"])
def test_what_the_sign_in_and_code_pages_fetch_is_not_redirected(client, enforced, superuser_with_device, path):
    user, _ = superuser_with_device
    client.force_login(user)
    response = client.get(path)
    # The sign-in page sends an already signed-in person on (to the admin, which asks for the code).
    assert response.status_code == 200 or "/dos-pasos/" not in response.get("Location", "")
    if path == "/admin/sprite/":
        assert response.status_code == 200
        assert b"<symbol" in response.content and b"<main" not in response.content


def test_the_code_page_keeps_the_address_with_its_query_string(client, enforced, superuser_with_device):
    user, device = superuser_with_device
    client.force_login(user)
    response = client.get("/admin/pages/3/", {"ordering": "title", "p": "2"})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/admin/dos-pasos/verificar/"
    assert parse_qs(location.query) == {"next": ["/admin/pages/3/?ordering=title&p=2"]}

    page = client.get(response["Location"])
    assert page.content.decode().count("<main") == 1
    assert 'name="next" value="/admin/pages/3/?ordering=title&amp;p=2"' in page.content.decode()

    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    done = client.post(response["Location"], {"token": code, "next": "/admin/pages/3/?ordering=title&p=2"})
    assert done["Location"] == "/admin/pages/3/?ordering=title&p=2"


@pytest.mark.parametrize("target", ["https://malicioso.example/", "//malicioso.example/admin/", "/\\malicioso.example"])
def test_the_code_page_never_sends_people_to_another_site(client, enforced, superuser_with_device, target):
    user, device = superuser_with_device
    client.force_login(user)
    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
    done = client.post("/admin/dos-pasos/verificar/", {"token": code, "next": target})
    assert done.status_code == 302 and done["Location"] == "/admin/"
