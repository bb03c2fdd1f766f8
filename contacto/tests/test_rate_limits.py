"""Abuse limits of the contact form and the tracking look-up protect citizens instead of locking them out."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from contacto.models import CitizenRequest
from tests.test_health import closed_port, redis_cache

pytestmark = pytest.mark.django_db
PROXY = {"REMOTE_ADDR": "127.0.0.1"}  # the documented reverse proxy, trusted by default


def submit(client, office, data, **extra):
    return client.post(office.url, data, **extra)


def look_up(client, office, data, **extra):
    return client.post(office.url + "seguimiento/", data, **extra)


def citizen(form_data, n):
    return {**form_data, "email": f"persona{n}@example.org", "subject": f"Solicitud {n}"}


def test_twelve_citizens_behind_the_trusted_proxy_all_get_through(client, office, form_data):
    for n in range(12):
        response = submit(client, office, citizen(form_data, n), HTTP_X_FORWARDED_FOR=f"198.51.100.{n + 1}", **PROXY)
        assert response.status_code == 303, n
    assert CitizenRequest.objects.count() == 12
    for n in range(12):
        response = look_up(
            client,
            office,
            {"code": "OAC-2026-999999", "email": f"persona{n}@example.org"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 1}",
            **PROXY,
        )
        assert response.status_code == 404, n


@override_settings(CONTACTO_RATE_LIMITS={"submit": (2, 600)})
def test_a_spoofed_forwarded_for_from_an_untrusted_address_is_ignored(client, office, form_data):
    statuses = [
        submit(
            client, office, citizen(form_data, n), REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(3)
    ]
    assert statuses == [303, 303, 429]


@override_settings(CONTACTO_RATE_LIMITS={"submit": (1, 600)})
def test_two_ipv6_addresses_in_one_64_share_a_bucket(client, office, form_data):
    first = submit(client, office, citizen(form_data, 1), HTTP_X_FORWARDED_FOR="2001:db8:5:6::1", **PROXY)
    assert first.status_code == 303
    second = submit(client, office, citizen(form_data, 2), HTTP_X_FORWARDED_FOR="2001:db8:5:6:abcd::2", **PROXY)
    assert second.status_code == 429
    other_64 = submit(client, office, citizen(form_data, 3), HTTP_X_FORWARDED_FOR="2001:db8:5:7::1", **PROXY)
    assert other_64.status_code == 303


@override_settings(CONTACTO_RATE_LIMITS={"submit": (2, 600)})
def test_failed_and_empty_posts_use_up_nobodys_allowance(client, office, form_data):
    for _ in range(8):
        assert submit(client, office, {}).status_code == 400
        assert submit(client, office, {**form_data, "email": "no-es-correo"}).status_code == 400
    assert submit(client, office, citizen(form_data, 1)).status_code == 303
    assert submit(client, office, citizen(form_data, 2)).status_code == 303
    assert CitizenRequest.objects.count() == 2


@override_settings(CONTACTO_RATE_LIMITS={"submit": (1, 600)})
def test_a_refused_citizen_gets_the_form_back_with_what_they_typed_and_when_to_retry(client, office, form_data):
    assert submit(client, office, citizen(form_data, 1)).status_code == 303
    typed = {**citizen(form_data, 2), "message": "Texto largo que la persona no quiere perder."}
    response = submit(client, office, typed)
    assert response.status_code == 429
    assert response["Retry-After"] == "470"  # the clock stands 130 s into a 600 s window (conftest)
    soup = BeautifulSoup(response.content, "html.parser")
    notice = soup.select_one("#resumen-errores").get_text(" ", strip=True)
    assert "8 minutos" in notice, notice  # 470 s, rounded up, in Spanish
    assert soup.select_one("input[name=name]")["value"] == "María José Pérez"
    assert soup.select_one("input[name=email]")["value"] == "persona2@example.org"
    assert soup.select_one("input[name=subject]")["value"] == "Solicitud 2"
    assert soup.select_one("textarea[name=message]").get_text().strip() == typed["message"]
    assert soup.select_one("input[name=request_type][value=reclamo]").has_attr("checked")
    assert soup.select_one("#id_comuna option[value=nunoa]").has_attr("selected")
    assert soup.select_one("input[name=consent]").has_attr("checked")
    assert soup.title.get_text().startswith("Error:")
    assert CitizenRequest.objects.count() == 1


@override_settings(CONTACTO_RATE_LIMITS={"submit": (2, 600), "submit_any": (6, 600)})
def test_a_flood_of_any_post_is_bounded_separately(client, office, form_data):
    posts = [{}] * 4 + [citizen(form_data, 1), citizen(form_data, 2), {}]
    statuses = [submit(client, office, data).status_code for data in posts]
    assert statuses == [400, 400, 400, 400, 303, 303, 429]


@override_settings(CONTACTO_RATE_LIMITS={"lookup": (2, 600)})
def test_lookup_counts_real_lookups_only_and_keeps_what_was_typed(client, office):
    for _ in range(5):
        assert look_up(client, office, {"code": "<script>", "email": "x"}).status_code == 400
    data = {"code": "OAC-2026-000001", "email": "x@example.org"}
    assert [look_up(client, office, data).status_code for _ in range(2)] == [404, 404]
    response = look_up(client, office, data)
    assert response.status_code == 429
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Puede intentarlo de nuevo en" in soup.select_one("#resumen-errores").get_text()
    assert soup.select_one("input[name=code]")["value"] == "OAC-2026-000001"
    assert soup.select_one("input[name=email]")["value"] == "x@example.org"


@override_settings(CONTACTO_RATE_LIMITS={"submit": (2, 600), "lookup": (2, 600)})
def test_limits_hold_while_the_shared_cache_is_down(client, office, form_data):
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/0")):
        statuses = [submit(client, office, citizen(form_data, n)).status_code for n in range(3)]
        assert statuses == [303, 303, 429]
        data = {"code": "OAC-2026-000001", "email": "x@example.org"}
        assert [look_up(client, office, data).status_code for _ in range(3)] == [404, 404, 429]
    assert CitizenRequest.objects.count() == 2


def test_the_in_memory_fallback_expires_counts_and_stays_bounded():
    from contacto.ratelimit import LocalCounter

    counter = LocalCounter(max_entries=3)
    assert [counter.incr("a", expires_at=100, now=10) for _ in range(3)] == [1, 2, 3]
    assert counter.get("a", now=99) == 3
    assert counter.get("a", now=100) == 0  # its window is over
    assert counter.incr("a", expires_at=200, now=100) == 1
    for key in ("b", "c", "d", "e"):
        counter.incr(key, expires_at=300, now=150)
    assert len(counter._counts) <= 3
