"""The client address every limit keys on (base/clientip.py), and django-axes using it."""

import pytest
from django.test import override_settings

from base.clientip import bucket_address, client_ip, client_key


def request_from(rf, remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **meta)


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.7", None, "203.0.113.7"),
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "198.51.100.4", "198.51.100.4"),
        # What the client wrote itself stays on the left; the proxy's own entry is right-most.
        ("127.0.0.1", "10.9.9.9, 198.51.100.4", "198.51.100.4"),
        # Two proxies of ours in a row (CDN then nginx): skip every trusted hop from the right.
        ("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.2", "198.51.100.4"),
        # Not from a trusted proxy: the header is ignored, it cannot be used to pick a bucket.
        ("203.0.113.7", "198.51.100.4", "203.0.113.7"),
        # Garbage in the header: stop there, never use what is left of it.
        ("127.0.0.1", "198.51.100.4, no-es-una-ip", "127.0.0.1"),
        ("::ffff:127.0.0.1", "2001:db8::1", "2001:db8::1"),
    ],
)
@override_settings(TRUSTED_PROXY_IPS=["127.0.0.1", "::1", "10.0.0.0/8"])
def test_client_ip_is_the_rightmost_untrusted_forwarded_hop_from_a_trusted_proxy(rf, remote, forwarded, expected):
    assert client_ip(request_from(rf, remote, forwarded)) == expected


def test_a_spoofed_forwarded_for_from_an_untrusted_address_is_ignored(rf):
    first = request_from(rf, "203.0.113.7", "198.51.100.1")
    second = request_from(rf, "203.0.113.7", "198.51.100.2")
    assert client_key(first) == client_key(second) == "203.0.113.7"


def test_citizens_behind_the_trusted_proxy_get_keys_of_their_own(rf):
    keys = {client_key(request_from(rf, "127.0.0.1", f"198.51.100.{n}")) for n in range(12)}
    assert len(keys) == 12


def test_ipv6_addresses_in_one_64_share_a_bucket_and_other_64s_do_not():
    assert bucket_address("2001:db8:1:2::1") == bucket_address("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::"
    assert bucket_address("2001:db8:1:3::1") != bucket_address("2001:db8:1:2::1")
    assert bucket_address("198.51.100.4") == "198.51.100.4"


@pytest.mark.django_db
def test_admin_lockout_keys_ipv6_by_64_behind_the_proxy(client, django_user_model):
    """A guesser cannot dodge the sign-in lockout by moving inside its /64 or by faking the header."""
    django_user_model.objects.create_user("editora3", "editora3@example.org", "una-clave-muy-segura-1")
    with override_settings(AXES_ENABLED=True):
        for n in range(5):
            client.post(
                "/admin/login/",
                {"username": "editora3", "password": "mala"},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR=f"2001:db8:1:2::{n + 1}",
            )
        response = client.post(
            "/admin/login/",
            {"username": "editora3", "password": "una-clave-muy-segura-1"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.9, 2001:db8:1:2::99",
        )
        assert response.status_code == 429
        # Another citizen behind the same proxy is not locked out.
        response = client.post(
            "/admin/login/",
            {"username": "editora3", "password": "una-clave-muy-segura-1"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="2001:db8:9:9::1",
        )
        assert response.status_code == 302
