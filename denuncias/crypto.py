"""Encryption at rest with keys that live only in the environment.

``settings.DENUNCIAS_ENCRYPTION_KEYS`` is a list of Fernet keys, newest first.
``MultiFernet`` encrypts with the first and decrypts with any, so a key can be
rotated in three steps: add a new key first, run ``denuncias_rotar_claves``
(which re-encrypts every value with it), then remove the old key.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = ["InvalidToken", "encrypt_bytes", "decrypt_bytes", "encrypt_text", "decrypt_text", "rotate_token"]


@lru_cache(maxsize=4)
def _fernet_for(keys):
    if not keys:
        raise ImproperlyConfigured("DENUNCIAS_ENCRYPTION_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured("DENUNCIAS_ENCRYPTION_KEYS holds an invalid Fernet key.") from error


def get_fernet():
    """The MultiFernet built from the configured keys (first key encrypts)."""
    return _fernet_for(tuple(settings.DENUNCIAS_ENCRYPTION_KEYS))


def encrypt_bytes(data: bytes) -> bytes:
    """Encrypt ``data`` with the newest key; returns a Fernet token (ASCII bytes)."""
    return get_fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    """Decrypt a Fernet token made with any configured key (raises ``InvalidToken``)."""
    return get_fernet().decrypt(token)


def encrypt_text(text: str) -> str:
    """Encrypt a string; the token is plain ASCII, safe for a text column."""
    return encrypt_bytes(text.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    """Decrypt a token made by :func:`encrypt_text`."""
    return decrypt_bytes(token.encode("ascii")).decode("utf-8")


def rotate_token(token: bytes) -> bytes:
    """Re-encrypt a token with the newest key, keeping its original timestamp."""
    return get_fernet().rotate(token)
