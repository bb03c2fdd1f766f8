"""Attachment checks: extension, size and real content (signature, Pillow)."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError

from contacto import services
from contacto.attachments import MAX_FILE_SIZE, file_kind, sniff, validate_attachment
from contacto.models import CitizenRequest, RequestEvent

from .conftest import PDF_BYTES, jpg_bytes, png_bytes, upload


@pytest.mark.parametrize(
    "name, kind",
    [
        ("a.pdf", "pdf"),
        ("A.PDF", "pdf"),
        ("foto.jpeg", "jpg"),
        ("foto.JPG", "jpg"),
        ("x.png", "png"),
        ("x.gif", None),
        ("x.exe", None),
        ("sin-extension", None),
        ("x.pdf.exe", None),
    ],
)
def test_file_kind(name, kind):
    assert file_kind(name) == kind


def test_sniff():
    assert sniff(PDF_BYTES[:16]) == "pdf"
    assert sniff(png_bytes()[:16]) == "png"
    assert sniff(jpg_bytes()[:16]) == "jpg"
    assert sniff(b"MZ\x90\x00") is None


@pytest.mark.parametrize(
    "name, content, kind",
    [("carta.pdf", PDF_BYTES, "pdf"), ("foto.png", png_bytes(), "png"), ("foto.jpg", jpg_bytes(), "jpg")],
)
def test_genuine_files_pass(name, content, kind):
    assert validate_attachment(upload(name, content)) == kind


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("virus.exe", b"MZ\x90\x00" * 10, "extension"),
        ("falso.pdf", b"MZ\x90\x00 not a pdf", "content"),
        ("falso.png", PDF_BYTES, "content"),  # a PDF renamed .png
        ("falso.jpg", png_bytes(), "content"),  # a PNG renamed .jpg
        ("vacio.pdf", b"", "empty"),
        ("truncado.png", png_bytes()[:30], "content"),  # right signature, broken image
        ("truncado.pdf", b"%PDF-1.4\n1 0 obj<<>>", "content"),  # no %%EOF
        ("script.pdf", b"<script>alert(1)</script>", "content"),
    ],
)
def test_invalid_files_are_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_attachment(upload(name, content))
    assert error.value.code == code
    assert name in error.value.messages[0]


def test_oversized_file_is_refused():
    big = upload("grande.pdf", b"%PDF-1.4\n" + b"0" * MAX_FILE_SIZE + b"\n%%EOF")
    with pytest.raises(ValidationError) as error:
        validate_attachment(big)
    assert error.value.code == "size"
    assert "máximo" in error.value.messages[0]


SUBMISSION = {
    "request_type": "reclamo",
    "name": "Ana Rojas",
    "email": "ana@example.org",
    "phone": "",
    "comuna": "renca",
    "subject": "Paradero sin techo",
    "message": "El paradero de la calle Principal no tiene techo.",
}


def files_on_disk(settings):
    root = Path(settings.CONTACTO_ATTACHMENTS_ROOT)
    return sorted(path.name for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.mark.django_db
def test_a_submission_that_fails_after_its_files_were_written_leaves_no_file(settings, monkeypatch):
    files = [(upload("acta.pdf", PDF_BYTES), "pdf"), (upload("foto.png", png_bytes()), "png")]

    def database_fails(*args, **kwargs):
        raise DatabaseError("the database went away")

    # The files are written with their rows; then the transaction fails (history row, before commit).
    monkeypatch.setattr(RequestEvent.objects, "create", database_fails)
    with pytest.raises(DatabaseError):
        services.submit_request(data=SUBMISSION, files=files)
    assert not CitizenRequest.objects.filter(subject=SUBMISSION["subject"]).exists()
    assert files_on_disk(settings) == []


@pytest.mark.django_db
def test_a_stored_submission_keeps_its_files(settings):
    request = services.submit_request(data=SUBMISSION, files=[(upload("acta.pdf", PDF_BYTES), "pdf")])
    assert [attachment.original_name for attachment in request.attachments.all()] == ["acta.pdf"]
    assert len(files_on_disk(settings)) == 1
