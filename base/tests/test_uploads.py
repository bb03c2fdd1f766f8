"""Uploads are checked by content and size; documents are served as downloads, never as HTML."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

from base.uploads import document_content_error

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
ZIP = b"PK\x03\x04\x14\x00\x06\x00"


@pytest.mark.parametrize(
    ("name", "head", "accepted"),
    [
        ("informe.pdf", PDF, True),
        ("INFORME.PDF", PDF, True),
        ("planilla.xlsx", ZIP, True),
        ("acta.docx", ZIP, True),
        ("acta.odt", ZIP, True),
        ("datos.zip", ZIP, True),
        ("datos.csv", "comuna;monto\nÑuñoa;1.234\n".encode(), True),
        ("datos.csv", "comuna;monto\nÑuñoa;1.234\n".encode("latin-1"), True),
        ("datos.json", b'{"a": 1}', True),
        ("datos.csv", "año;ñandú".encode()[:-1], True),  # a character cut at the end of the sample
        # Renamed files: the content does not match the name.
        ("informe.pdf", b"<html><script>alert(1)</script></html>", False),
        ("informe.pdf", ZIP, False),
        ("planilla.xlsx", PDF, False),
        ("datos.csv", b"<!DOCTYPE html><html></html>", False),
        ("datos.csv", b"\xef\xbb\xbf  <svg onload=alert(1)>", False),
        ("datos.json", b'<?xml version="1.0"?><svg/>', False),
        ("datos.csv", b"a,b\x00c", False),
        # Executables, whatever their name.
        ("informe.pdf", b"MZ\x90\x00", False),
        ("datos.csv", b"#!/bin/sh\nrm -rf /", False),
        ("datos.zip", b"\x7fELF\x02\x01", False),
        # Empty, unknown and extension-less files.
        ("vacio.pdf", b"", False),
        ("pagina.html", b"<html>", False),
        ("dibujo.svg", b"<svg/>", False),
        ("sin-extension", PDF, False),
    ],
)
def test_document_content_error(name, head, accepted):
    error = document_content_error(name, head)
    assert (error is None) is accepted, error


@pytest.mark.django_db
def test_the_admin_document_form_refuses_a_renamed_html_file():
    from django.utils import translation

    Form = get_document_form(get_document_model())
    html = SimpleUploadedFile("informe.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    with translation.override("es-cl"):
        form = Form({"title": "Informe"}, {"file": html}, user=None)
        assert not form.is_valid()
        assert "no corresponde a un archivo .pdf" in str(form.errors["file"])

    good = SimpleUploadedFile("informe.pdf", PDF, content_type="application/pdf")
    form = Form({"title": "Informe"}, {"file": good}, user=None)
    form.is_valid()
    assert "file" not in form.errors


@pytest.mark.django_db
def test_the_admin_document_form_refuses_oversized_files(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    Form = get_document_form(get_document_model())
    big = SimpleUploadedFile("informe.pdf", PDF + b"0" * 2048, content_type="application/pdf")
    form = Form({"title": "Informe"}, {"file": big}, user=None)
    assert not form.is_valid()
    assert "file" in form.errors


@pytest.mark.django_db
def test_documents_are_downloads_except_pdf(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    Document = get_document_model()
    csv = Document.objects.create(title="Datos", file=SimpleUploadedFile("datos.csv", b"a;b\n1;2\n"))
    pdf = Document.objects.create(title="Informe", file=SimpleUploadedFile("informe.pdf", PDF))

    response = client.get(csv.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]  # sandboxed even if opened

    response = client.get(pdf.url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"


def test_image_limits(settings):
    from django.conf import settings as conf

    assert "svg" not in conf.WAGTAILIMAGES_EXTENSIONS
    assert conf.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert conf.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000  # no decompression bombs
    assert conf.WAGTAILDOCS_INLINE_CONTENT_TYPES == ["application/pdf"]


@pytest.mark.django_db
def test_an_image_that_is_not_an_image_is_refused():
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form

    Form = get_image_form(get_image_model())
    fake = SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script></html>", content_type="image/png")
    form = Form({"title": "Foto"}, {"file": fake}, user=None)
    assert not form.is_valid()
    assert "file" in form.errors
