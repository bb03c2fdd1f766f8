"""Attachment checks: extension, size and real content (signature, Pillow)."""

import pytest
from django.core.exceptions import ValidationError

from contacto.attachments import MAX_FILE_SIZE, file_kind, sniff, validate_attachment

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
