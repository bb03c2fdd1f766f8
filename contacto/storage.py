"""Where citizens' attachments are kept: outside the public media, never served by URL.

Staff download them through an admin view that checks permissions
(``admin_views.download_attachment``). The storage is Django's ``private`` alias: the private
bucket when media is on object storage (``base.storage.PrivateMediaStorage``), otherwise
``PrivateAttachmentStorage``, the folder named by the setting or environment variable
``CONTACTO_ATTACHMENTS_ROOT`` (by default ``private-media`` beside MEDIA_ROOT).
"""

import os
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty


def attachments_root():
    """The folder for attachments (read on every use, so tests and deployments can move it)."""
    configured = getattr(settings, "CONTACTO_ATTACHMENTS_ROOT", None) or os.environ.get("CONTACTO_ATTACHMENTS_ROOT")
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "private-media"


@deconstructible
class PrivateAttachmentStorage(FileSystemStorage):
    """A file-system storage rooted at ``attachments_root()``, with no public URL."""

    @property
    def base_location(self):
        return str(attachments_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Citizen attachments have no public URL.")


class PrivateStorage(LazyObject):
    """Django's ``private`` storage alias, looked up on first use (like ``default_storage``)."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def reset_private_storage(*, setting, **kwargs):
    """Tests that switch ``STORAGES`` (to the object store) get the new private storage too."""
    if setting == "STORAGES":
        private_storage._wrapped = empty


def attachment_storage():
    """The storage of citizens' attachments (the field's ``storage``): the ``private`` alias."""
    return private_storage


@contextmanager
def files_removed_on_failure(stored):
    """Delete the attachment files named in the list ``stored`` if the block fails.

    An attachment's file is written when its row is saved, before the transaction commits;
    a rollback forgets the row but not the file. Wrap the transaction in this and append
    each file's name to ``stored`` as it is written: on any exception the files go too, so
    a failed submission leaves no orphan on disk.
    """
    try:
        yield stored
    except BaseException:
        storage = attachment_storage()
        for name in stored:
            storage.delete(name)
        raise
