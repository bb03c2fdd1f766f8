"""File formats recognised by their first bytes: the one table every upload check reads.

The admin's documents (``base/uploads.py``), the files citizens attach to a request
(``contacto/attachments.py``) and the ethics channel's attachments (``denuncias/uploads.py``,
a separate deployment that imports this module without installing ``base``) each accept
their own formats, and check them all against these signatures. Pure Python: no Django.
"""

ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument files are ZIP archives
JPEG = (b"\xff\xd8\xff",)

# Extension -> (media type, accepted first bytes; None for plain text, which has no signature).
FORMATS = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", JPEG),
    "jpeg": ("image/jpeg", JPEG),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    "odt": ("application/vnd.oasis.opendocument.text", ZIP),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    "zip": ("application/zip", ZIP),
    "txt": ("text/plain", None),
    "csv": ("text/csv", None),
    "json": ("application/json", None),
}

# Content that is never accepted, whatever the file's name says: Windows, Linux and macOS
# programs, and scripts.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce", b"#!")


def extension(name):
    """The lower-case extension of ``name`` without the dot ('' when none), ignoring any folders."""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def media_type(ext):
    """The media type of a known extension."""
    return FORMATS[ext][0]


def is_text(ext):
    """Whether the format is plain text (no signature: its content is checked as text instead)."""
    return FORMATS[ext][1] is None


def has_signature(ext, head):
    """Whether ``head`` (the file's first bytes) starts with a signature of the format ``ext``."""
    signatures = FORMATS[ext][1] or ()
    return any(head.startswith(signature) for signature in signatures)
