"""The client's address, taken one way for every limit: contact form, tracking look-up, sign-in lockout.

Behind the reverse proxy every request arrives from the proxy's address (``REMOTE_ADDR``),
and the proxy appends the address it saw to ``X-Forwarded-For``. Keying limits on
``REMOTE_ADDR`` there puts every citizen in one bucket, so a few of them lock out the rest.
Keying them on the header's first entry lets anyone choose their own bucket, since a client
can send the header itself. The one address that can be trusted is the right-most entry that
was not written by one of our own proxies (``TRUSTED_PROXY_IPS``), and only when the request
really comes from one of them.

An IPv6 client usually holds a whole /64 and can pick a new address in it for every request,
so limits key IPv6 by its /64 (``client_key``).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

DEFAULT_TRUSTED_PROXIES = ("127.0.0.1", "::1")
IPV6_PREFIX = 64


def parse_address(value):
    """``value`` as an ``ip_address`` (IPv4-mapped IPv6 as IPv4), or None if it is not an address."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


@lru_cache(maxsize=8)
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue  # a mistyped entry trusts nothing rather than breaking every request
    return tuple(networks)


def trusted_proxies():
    """The networks of ``TRUSTED_PROXY_IPS`` (addresses or CIDR ranges)."""
    return _networks(tuple(getattr(settings, "TRUSTED_PROXY_IPS", DEFAULT_TRUSTED_PROXIES)))


def _is_trusted(address, networks):
    return any(address.version == network.version and address in network for network in networks)


def client_ip(request):
    """The visitor's address as text: the right-most untrusted hop of ``X-Forwarded-For``.

    ``X-Forwarded-For`` is read only when ``REMOTE_ADDR`` is a trusted proxy; it is walked
    from the right (the entries our proxies appended) and the first address that is not one
    of our proxies is the client. Whatever a client wrote further left is never used.
    Without a usable header, ``REMOTE_ADDR`` itself.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    client = parse_address(remote)
    if client is None:
        return remote
    networks = trusted_proxies()
    if not _is_trusted(client, networks):
        return str(client)
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = parse_address(hop)
        if address is None:
            break  # not an address: nothing left of it can be trusted either
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)


def bucket_address(address):
    """The address a limit counts against: an IPv4 address itself, an IPv6 address's /64.

    The /64 is given as its first address (``2001:db8:1:2::``), so it is still a valid IP
    address for code that stores one (django-axes keeps it in a ``GenericIPAddressField``).
    """
    parsed = parse_address(address)
    if parsed is None:
        return address or "unknown"
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return str(parsed)


def client_key(request):
    """The client's bucket for every limit (``AXES_CLIENT_IP_CALLABLE`` too): ``bucket_address(client_ip)``."""
    return bucket_address(client_ip(request))
