"""Model fields whose values are encrypted before they reach the database.

The model sees plaintext; the column holds only a Fernet token. Encryption is
not deterministic, so these fields cannot be searched or filtered by value:
that is intended.
"""

from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token (``denuncias.crypto``)."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return crypto.decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return crypto.encrypt_text(str(value))


class EncryptedBinaryField(models.BinaryField):
    """Bytes (an attachment's content) stored as a Fernet token."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return crypto.decrypt_bytes(bytes(value))

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is not None:
            value = crypto.encrypt_bytes(bytes(value))
        return super().get_db_prep_value(value, connection, prepared)
