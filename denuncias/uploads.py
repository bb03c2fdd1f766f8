"""What files a reporter may attach, checked by name, size and content.

A file is accepted only when its extension is allowed *and* its first bytes
match that type, so a renamed executable is refused. The checks are pure
functions of (name, size, first bytes) and return a Spanish message or None.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from base.filetypes import extension, has_signature, is_text, media_type

# The accepted extensions; their media types and signatures are in base/filetypes.py.
ALLOWED_TYPES = ("pdf", "jpg", "jpeg", "png", "txt", "docx", "xlsx", "odt", "ods")
ALLOWED_LABEL = "PDF, JPG, PNG, TXT, DOCX, XLSX, ODT, ODS"

__all__ = ["ALLOWED_LABEL", "ALLOWED_TYPES", "content_type_for", "extension", "file_error"]


def content_type_for(name: str) -> str:
    """The content type stored for an accepted file."""
    return media_type(extension(name))


def file_error(name: str, size: int, head: bytes, max_size: int) -> str | None:
    """Why a file must be refused, in Spanish, or None when it is acceptable."""
    ext = extension(name)
    if ext not in ALLOWED_TYPES:
        return _("El archivo «%(name)s» no es de un tipo permitido. Tipos permitidos: %(types)s.") % {
            "name": name,
            "types": ALLOWED_LABEL,
        }
    if size == 0:
        return _("El archivo «%(name)s» está vacío.") % {"name": name}
    if size > max_size:
        return _("El archivo «%(name)s» pesa %(size)s y supera el máximo de %(max)s por archivo.") % {
            "name": name,
            "size": filesizeformat(size),
            "max": filesizeformat(max_size),
        }
    if is_text(ext):
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character may be cut at the end of the sample.
            if error.start < len(head) - 4 or b"\x00" in head:
                return _("El contenido de «%(name)s» no es texto.") % {"name": name}
        if b"\x00" in head:
            return _("El contenido de «%(name)s» no es texto.") % {"name": name}
    elif not has_signature(ext, head):
        return _("El contenido de «%(name)s» no corresponde a un archivo %(ext)s.") % {
            "name": name,
            "ext": ext.upper(),
        }
    return None
