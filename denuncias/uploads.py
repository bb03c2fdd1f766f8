"""What files a reporter may attach, checked by name, size and content.

A file is accepted only when its extension is allowed *and* its first bytes
match that type, so a renamed executable is refused. The checks are pure
functions of (name, size, first bytes) and return a Spanish message or None.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# extension -> (content type, accepted leading bytes; None = plain UTF-8 text)
ALLOWED_TYPES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "txt": ("text/plain", None),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
}
ALLOWED_LABEL = "PDF, JPG, PNG, TXT, DOCX, XLSX, ODT, ODS"


def extension(name: str) -> str:
    """The lower-case extension of ``name`` without the dot ('' when none)."""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def content_type_for(name: str) -> str:
    """The content type stored for an accepted file."""
    return ALLOWED_TYPES[extension(name)][0]


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
    signatures = ALLOWED_TYPES[ext][1]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character may be cut at the end of the sample.
            if error.start < len(head) - 4 or b"\x00" in head:
                return _("El contenido de «%(name)s» no es texto.") % {"name": name}
        if b"\x00" in head:
            return _("El contenido de «%(name)s» no es texto.") % {"name": name}
    elif not any(head.startswith(signature) for signature in signatures):
        return _("El contenido de «%(name)s» no corresponde a un archivo %(ext)s.") % {
            "name": name,
            "ext": ext.upper(),
        }
    return None
