"""Checks on the files a citizen attaches: extension, size and real content.

The browser's name and content type are not trusted: a file must start with the
signature of its format, and images must be decodable by Pillow.
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from base.filetypes import extension, has_signature

MAX_FILES = 3
MAX_FILE_SIZE = 5 * 1024 * 1024  # per file
KINDS = ("pdf", "jpg", "png")  # their signatures are in base/filetypes.py
EXTENSIONS = {"pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png"}
PILLOW_FORMATS = {"jpg": "JPEG", "png": "PNG"}


def file_kind(name):
    """The kind (pdf, jpg, png) of a file name by its extension, or None if not accepted."""
    return EXTENSIONS.get(extension(name))


def sniff(head):
    """The kind whose signature ``head`` (the first bytes) starts with, or None."""
    return next((kind for kind in KINDS if has_signature(kind, head)), None)


def validate_attachment(upload):
    """Raise ValidationError (in Spanish) unless ``upload`` is a genuine PDF, JPG or PNG within the size limit.

    Returns the detected kind.
    """
    name = upload.name or ""
    kind = file_kind(name)
    if kind is None:
        raise ValidationError(
            _("«%(name)s» no es un tipo de archivo aceptado. Adjunte archivos PDF, JPG o PNG.") % {"name": name},
            code="extension",
        )
    if upload.size == 0:
        raise ValidationError(_("«%(name)s» está vacío.") % {"name": name}, code="empty")
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            _("«%(name)s» pesa %(size)s; el máximo es %(max)s por archivo.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_SIZE)},
            code="size",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if sniff(head) != kind:
        raise ValidationError(
            _("El contenido de «%(name)s» no corresponde a un archivo %(kind)s válido.")
            % {"name": name, "kind": kind.upper()},
            code="content",
        )
    if kind in PILLOW_FORMATS:
        try:
            with Image.open(upload) as image:
                if image.format != PILLOW_FORMATS[kind]:
                    raise ValidationError("format", code="content")
                image.verify()
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            ValidationError,
            Image.DecompressionBombError,
        ):
            raise ValidationError(
                _("La imagen «%(name)s» está dañada o no se puede leer.") % {"name": name}, code="content"
            ) from None
        finally:
            upload.seek(0)
    elif b"%%EOF" not in _tail(upload):
        raise ValidationError(_("El PDF «%(name)s» está incompleto o dañado.") % {"name": name}, code="content")
    return kind


def _tail(upload, size=2048):
    """The last ``size`` bytes of an upload (a complete PDF ends with %%EOF)."""
    upload.seek(max(upload.size - size, 0))
    data = upload.read()
    upload.seek(0)
    return data
