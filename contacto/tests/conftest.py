"""Fixtures of the contacto tests: valid form data, files, the office page, a mail-queue runner."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

OFFICE_SLUG = "oficina-de-atencion-ciudadana"


@pytest.fixture(autouse=True)
def _attachments_in_a_temporary_folder(settings, tmp_path):
    """Uploaded attachments go to a folder of the test's own."""
    settings.CONTACTO_ATTACHMENTS_ROOT = str(tmp_path / "adjuntos")


@pytest.fixture(autouse=True)
def _still_rate_limit_clock(monkeypatch):
    """Rate-limit windows are fixed: hold the clock 130 s into one so no test straddles two."""
    from contacto import ratelimit

    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000 + 130)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    """Rate limits live in the cache (and its in-process fallback): every test starts with a clean slate."""
    from contacto.ratelimit import local_counts

    cache.clear()
    local_counts.clear()
    yield
    cache.clear()
    local_counts.clear()


@pytest.fixture
def office(home):
    """The demo's Spanish office page."""
    from contacto.models import ContactoPage

    return ContactoPage.objects.get(slug=OFFICE_SLUG, locale=home.locale)


@pytest.fixture
def form_data():
    """A valid submission (without files)."""
    return {
        "request_type": "reclamo",
        "name": "María José Pérez",
        "email": "maria.perez@example.org",
        "phone": "+56 9 1234 5678",
        "comuna": "nunoa",
        "subject": "Luminaria apagada en la plaza",
        "message": "La luminaria de la plaza Ñuñoa lleva dos semanas apagada. ¿Pueden revisarla?",
        "consent": "on",
    }


def png_bytes(size=(4, 4)):
    """A real, small PNG image."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def jpg_bytes():
    """A real, small JPEG image."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (30, 30, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name, content, content_type="application/octet-stream"):
    """An uploaded file as the form receives it."""
    return SimpleUploadedFile(name, content, content_type=content_type)
