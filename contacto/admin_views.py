"""Admin-only views of the citizen attention office."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404

from .records import Attachment


def download_attachment(request, pk):
    """Serve a citizen's attachment to staff who may see requests (attachments are never public)."""
    if not (
        request.user.has_perm("contacto.change_citizenrequest") or request.user.has_perm("contacto.view_citizenrequest")
    ):
        raise PermissionDenied
    attachment = get_object_or_404(Attachment, pk=pk)
    content_type = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}[attachment.kind]
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
