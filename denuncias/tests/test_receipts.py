"""Receipt codes: format, lookup hint, slow hash and constant work per login."""

from unittest import mock

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings

from denuncias import receipts


def test_new_receipts_have_16_digits_and_differ():
    codes = {receipts.new_receipt() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == 16 and code.isdigit() for code in codes)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1234 5678 9012 3456", "1234567890123456"), ("1234-5678-9012-3456", "1234567890123456"), ("", "")],
)
def test_normalize_drops_separators(raw, expected):
    assert receipts.normalize(raw) == expected


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("1234567890123456", True),
        ("123456789012345", False),
        ("12345678901234567", False),
        ("12345678901234a6", False),
        ("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦", False),
    ],
)
def test_well_formed(code, ok):
    assert receipts.is_well_formed(code) is ok


def test_grouped_for_reading():
    assert receipts.grouped("1234567890123456") == "1234 5678 9012 3456"


def test_hint_is_16_bits_and_stable():
    assert receipts.hint("0000000000000000") == receipts.hint("0000000000000000")
    assert all(0 <= receipts.hint(receipts.new_receipt()) < 2**16 for _ in range(50))


@override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
)
def test_receipts_are_stored_with_a_slow_salted_hash():
    code = "1234567890123456"
    stored = receipts.hash_receipt(code)
    hasher = identify_hasher(stored)
    assert hasher.algorithm == "pbkdf2_sha256"
    assert int(stored.split("$")[1]) >= 1_000_000  # iterations
    assert code not in stored
    assert stored != receipts.hash_receipt(code)  # salted


class _Candidate:
    def __init__(self, code):
        self.receipt_hash = receipts.hash_receipt(code)


def test_find_match_checks_every_candidate_without_early_exit():
    good, other = _Candidate("1111222233334444"), _Candidate("5555666677778888")
    with mock.patch("denuncias.receipts.check_password", wraps=receipts.check_password) as checker:
        assert receipts.find_match("1111222233334444", [good, other]) is good
    assert checker.call_count == 2


def test_find_match_hashes_once_even_when_no_report_has_the_hint():
    receipts.find_match("9999999999999999", [])  # warm the dummy hash
    with mock.patch("denuncias.receipts.check_password", wraps=receipts.check_password) as checker:
        assert receipts.find_match("9999999999999999", []) is None
    assert checker.call_count == 1


def test_find_match_rejects_a_wrong_code():
    assert receipts.find_match("1111222233334445", [_Candidate("1111222233334444")]) is None
