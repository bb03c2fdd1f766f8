"""Uploaded documents are checked by their content, not only by their name.

Wagtail checks a document's extension (``WAGTAILDOCS_EXTENSIONS``) and size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``); images are opened and checked by Willow. A renamed
file (an HTML page or a program called ``informe.pdf``) would still pass the name check,
so the admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) also reads the first
bytes and refuses any whose content does not match the extension, and any HTML, SVG,
script or executable. Documents are then served as downloads (``Content-Disposition:
attachment``) except PDF, with ``X-Content-Type-Options: nosniff`` and Wagtail's sandboxing CSP.
"""

from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

HEAD_BYTES = 4096

# Signatures of the binary formats we accept (first bytes of the file).
ZIP_FORMATS = {"docx", "xlsx", "pptx", "odt", "ods", "zip"}
TEXT_FORMATS = {"csv", "json", "txt"}
SIGNATURES = {"pdf": (b"%PDF-",), **{ext: (b"PK\x03\x04",) for ext in ZIP_FORMATS}}

# Content that must never be stored as a document, whatever its name says.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce", b"#!")
MARKUP_MARKERS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<iframe", b"<object", b"<body")


def document_content_error(filename, head):
    """Why a document whose name is ``filename`` and whose first bytes are ``head`` is refused, or None.

    Pure function: the extension must match the content's signature; text formats must be
    UTF-8 (or Latin-1) text without NUL bytes and without HTML/SVG/XML markup; nothing
    executable is accepted.
    """
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if not head:
        return _("El archivo está vacío.")
    if head.startswith(EXECUTABLE_SIGNATURES):
        return _("El archivo parece un programa ejecutable y no se acepta.")
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            return _("El contenido del archivo no corresponde a un archivo .%(ext)s.") % {"ext": extension}
        return None
    if extension in TEXT_FORMATS:
        if b"\x00" in head:
            return _("El archivo .%(ext)s no es texto.") % {"ext": extension}
        lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if any(marker in lowered for marker in MARKUP_MARKERS):
            return _("El archivo contiene HTML, SVG o XML y no se acepta como .%(ext)s.") % {"ext": extension}
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is fine; anything else is not text.
            if error.start < len(head) - 3:
                try:
                    head.decode("latin-1")
                except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
                    return _("El archivo .%(ext)s no es texto.") % {"ext": extension}
        return None
    return _("No se aceptan archivos .%(ext)s.") % {"ext": extension or "?"}


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
                from django.core.exceptions import ValidationError

                raise ValidationError(error)
        return uploaded
