"""Receipt codes: 16 random digits, stored only as a slow password hash.

A reporter logs in with the receipt alone, so the report must be found
without the plaintext. Each report keeps a *hint*: 16 bits of the code's
SHA-256. A hint narrows the search to a handful of reports (about one in
65,536 share it) while leaving 10**16 / 2**16 ≈ 1.5·10**11 candidates per
hint, each needing the slow hash: useless to an attacker holding the database.
"""

import hashlib
import secrets

from django.contrib.auth.hashers import check_password, get_hasher, make_password

RECEIPT_DIGITS = 16
# Hash a dummy code when no report matches, so a miss costs what a hit costs
# (one per hasher, since settings may change the hasher).
_DUMMY_HASHES = {}


def new_receipt() -> str:
    """A fresh random receipt of 16 digits (leading zeros kept)."""
    return f"{secrets.randbelow(10**RECEIPT_DIGITS):0{RECEIPT_DIGITS}d}"


def normalize(raw: str) -> str:
    """The digits of what a reporter typed (spaces and dashes are allowed as separators)."""
    return "".join(ch for ch in (raw or "") if ch not in " -\u00a0\t")


def is_well_formed(receipt: str) -> bool:
    """True for exactly 16 ASCII digits."""
    return len(receipt) == RECEIPT_DIGITS and receipt.isascii() and receipt.isdigit()


def hint(receipt: str) -> int:
    """The 16-bit lookup hint of a receipt (see the module docstring)."""
    return int.from_bytes(hashlib.sha256(receipt.encode("ascii")).digest()[:2], "big")


def hash_receipt(receipt: str) -> str:
    """The slow, salted hash stored for a receipt (Django's first password hasher)."""
    return make_password(receipt)


def grouped(receipt: str) -> str:
    """The receipt in groups of four digits, easier to copy down: ``1234 5678 9012 3456``."""
    return " ".join(receipt[i : i + 4] for i in range(0, len(receipt), 4))


def find_match(receipt: str, candidates):
    """The candidate whose ``receipt_hash`` matches ``receipt``, or None.

    Every candidate is checked (no early exit) and at least one hash is always
    computed, so the time taken does not reveal whether a report exists.
    """
    match = None
    checked = 0
    for candidate in candidates:
        checked += 1
        if check_password(receipt, candidate.receipt_hash) and match is None:
            match = candidate
    if checked == 0:
        algorithm = get_hasher().algorithm
        if algorithm not in _DUMMY_HASHES:
            _DUMMY_HASHES[algorithm] = make_password(new_receipt())
        check_password(receipt, _DUMMY_HASHES[algorithm])
    return match
