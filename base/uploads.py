"""Uploaded documents are checked by their content, not only by their name.

Wagtail checks a document's extension (``WAGTAILDOCS_EXTENSIONS``) and size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``); images are opened and checked by Willow. A renamed
file (an HTML page or a program called ``informe.pdf``) would still pass the name check,
so the admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) also reads the first
bytes and refuses any whose content does not match the extension, and any HTML, SVG,
script or executable. Documents are then served as downloads (``Content-Disposition:
attachment``) except PDF, with ``X-Content-Type-Options: nosniff`` and Wagtail's sandboxing CSP.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from .filetypes import EXECUTABLE_SIGNATURES, extension, has_signature, is_text

HEAD_BYTES = 4096

# The formats accepted as documents (their signatures are in ``filetypes``).
DOCUMENT_FORMATS = {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "zip", "csv", "json", "txt"}

# Markup that must never be stored as a text document, whatever its name says.
MARKUP_MARKERS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<iframe", b"<object", b"<body")


def document_content_error(filename, head):
    """Why a document whose name is ``filename`` and whose first bytes are ``head`` is refused, or None.

    Pure function: the extension must match the content's signature; text formats must be
    UTF-8 (or Latin-1) text without NUL bytes and without HTML/SVG/XML markup; nothing
    executable is accepted.
    """
    ext = extension(filename)
    if not head:
        return _("El archivo está vacío.")
    if head.startswith(EXECUTABLE_SIGNATURES):
        return _("El archivo parece un programa ejecutable y no se acepta.")
    if ext not in DOCUMENT_FORMATS:
        return _("No se aceptan archivos .%(ext)s.") % {"ext": ext or "?"}
    if not is_text(ext):
        if not has_signature(ext, head):
            return _("El contenido del archivo no corresponde a un archivo .%(ext)s.") % {"ext": ext}
        return None
    if b"\x00" in head:
        return _("El archivo .%(ext)s no es texto.") % {"ext": ext}
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(marker in lowered for marker in MARKUP_MARKERS):
        return _("El archivo contiene HTML, SVG o XML y no se acepta como .%(ext)s.") % {"ext": ext}
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is fine; anything else is not text.
        if error.start < len(head) - 3:
            try:
                head.decode("latin-1")
            except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
                return _("El archivo .%(ext)s no es texto.") % {"ext": ext}
    return None


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form plus the content check above."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            position = uploaded.tell() if hasattr(uploaded, "tell") else 0
            uploaded.seek(0)
            head = uploaded.read(HEAD_BYTES)
            uploaded.seek(position)
            error = document_content_error(uploaded.name, head)
            if error:
                raise ValidationError(error)
        return uploaded
