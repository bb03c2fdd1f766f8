"""Production settings and security headers.

``check --deploy`` runs in a subprocess with the production settings module and a
production-like environment, as CI would see a real deployment.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from base.security import DEFAULT_PERMISSIONS_POLICY, format_permissions_policy

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra):
    """Environment of a production process: real secret, host names, PostgreSQL and Redis URLs."""
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="gobiernoabierto.example.cl",
        CSRF_TRUSTED_ORIGINS="https://gobiernoabierto.example.cl",
        DATABASE_URL="postgres://gobierno:clave@127.0.0.1:5432/gobierno_abierto",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    env.update(extra)
    return env


def run_python(code, env):
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)


REAL_RECAPTCHA_KEYS = {"RECAPTCHA_PUBLIC_KEY": "6Lc-real-public-key", "RECAPTCHA_PRIVATE_KEY": "6Lc-real-private-key"}
GOOGLE_TEST_KEYS = {
    "RECAPTCHA_PUBLIC_KEY": "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI",
    "RECAPTCHA_PRIVATE_KEY": "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",
}


def check_deploy(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("extra", [REAL_RECAPTCHA_KEYS, {"RECAPTCHA_REQUIRED": "0"}], ids=["real-keys", "switched-off"])
def test_production_settings_pass_check_deploy_without_warnings(extra):
    result = check_deploy(production_env(**extra))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "keys",
    [{}, GOOGLE_TEST_KEYS, {"RECAPTCHA_PUBLIC_KEY": "", "RECAPTCHA_PRIVATE_KEY": ""}],
    ids=["missing", "google-test-keys", "blank"],
)
def test_check_deploy_fails_in_production_without_real_recaptcha_keys(keys):
    env = production_env(**keys)
    for name in ("RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY", "RECAPTCHA_REQUIRED"):
        if name not in keys:
            env.pop(name, None)
    result = check_deploy(env)
    assert result.returncode != 0
    assert "django_recaptcha.recaptcha_test_key_error" in result.stdout + result.stderr


def test_check_deploy_fails_with_a_weak_secret_key():
    """The check is real: a short secret key is reported and fails the run."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(SECRET_KEY="short", **REAL_RECAPTCHA_KEYS),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


# Two requests as a server sees them: Django's request_started / request_finished signals, which
# close the database connection after each request unless it is persistent (CONN_MAX_AGE). The
# test Client cannot show this: it keeps the connection open on purpose. Returns each request's
# connection: the PostgreSQL backend's process id, or the id of SQLite's connection object (kept
# alive in ``seen``, so two requests share an id only if they share the connection).
TWO_REQUESTS = """
from django.core.signals import request_finished, request_started
from django.db import connection

seen = []

def request_connection():
    request_started.send(sender=None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()" if connection.vendor == "postgresql" else "SELECT 1")
        backend = cursor.fetchone()[0]
    seen.append(connection.connection)
    request_finished.send(sender=None)
    return backend if connection.vendor == "postgresql" else id(seen[-1])
"""


def test_production_responses_carry_hsts_and_every_security_header(tmp_path):
    code = (
        """
import json, django
django.setup()
from django.test import Client
response = Client(HTTP_HOST="gobiernoabierto.example.cl").get("/robots.txt", secure=True)
insecure = Client(HTTP_HOST="gobiernoabierto.example.cl").get("/robots.txt")
"""
        + TWO_REQUESTS
        + """
print(json.dumps({"status": response.status_code, "headers": dict(response.headers),
                  "insecure": insecure.status_code, "location": insecure.get("Location", ""),
                  "connections": [request_connection(), request_connection()]}))
"""
    )
    result = run_python(code, production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    headers = data["headers"]
    assert data["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    # Plain HTTP is redirected to HTTPS; the second request reuses the first one's database connection.
    assert data["insecure"] == 301
    assert data["location"].startswith("https://gobiernoabierto.example.cl/")
    first, second = data["connections"]
    assert first == second


@pytest.mark.postgres
@pytest.mark.django_db
def test_production_replaces_a_dead_database_connection_instead_of_failing_the_request():
    """A connection PostgreSQL dropped (a restart, an idle timeout) is checked and replaced before use."""
    from django.db import connection

    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    code = (
        """
import json, os, django, psycopg
django.setup()
"""
        + TWO_REQUESTS
        + """
first, second = request_connection(), request_connection()
with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as other:
    other.execute("SELECT pg_terminate_backend(%s)", [second])
print(json.dumps([first, second, request_connection()]))
"""
    )
    result = run_python(code, production_env(DATABASE_URL=url))
    assert result.returncode == 0, result.stderr
    first, second, after_the_drop = json.loads(result.stdout.strip().splitlines()[-1])
    assert first == second  # persistent
    assert after_the_drop != second  # a fresh connection, and the request did not fail


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/static/css/site.css", "/api/v2/pages/", "/buscar/sugerencias/?q=pr"])
def test_static_files_and_data_carry_the_cross_origin_resource_policy(client, home, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def csp_directives(header):
    """``{"script-src": ["'self'", "'nonce-…'"], ...}`` from a Content-Security-Policy header."""
    directives = {}
    for part in header.split(";"):
        tokens = part.split()
        if tokens:
            directives[tokens[0]] = tokens[1:]
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/", "/robots.txt", "/admin/login/", "/no-existe/"])
def test_every_response_carries_the_security_headers(client, home, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    directives = csp_directives(response["Content-Security-Policy"])
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["base-uri"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name]
        assert "'unsafe-eval'" not in directives[name]
        assert "*" not in directives[name]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "geolocation=()" in response["Permissions-Policy"]
    # HSTS belongs to production (HTTPS) only: development and tests run over plain HTTP.
    assert "Strict-Transport-Security" not in response


@pytest.mark.django_db
def test_an_inline_script_nonce_matches_the_header(rf):
    """{% csp_nonce %} gives the same nonce the CSP header allows, even without request in the context."""
    from django.template import Context, Template
    from django.test import Client

    from base import security

    client = Client()
    response = client.get("/robots.txt")
    assert "nonce-" not in response["Content-Security-Policy"]  # no nonce used, none sent

    def view(request):
        from django.http import HttpResponse

        html = Template('{% load base_security %}<script nonce="{% csp_nonce %}"></script>').render(Context({}))
        return HttpResponse(html)

    from csp.middleware import CSPMiddleware

    middleware = CSPMiddleware(security.SecurityHeadersMiddleware(view))
    response = middleware(rf.get("/"))
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in csp_directives(response["Content-Security-Policy"])["script-src"]
    assert security.current_request() is None  # forgotten after the response


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ({}, ""),
        ({"camera": []}, "camera=()"),
        ({"fullscreen": ["self"]}, "fullscreen=(self)"),
        ({"fullscreen": ["*"]}, "fullscreen=(*)"),
        ({"geolocation": ["self", "https://mapas.example.cl"]}, 'geolocation=(self "https://mapas.example.cl")'),
        ({"camera": [], "microphone": []}, "camera=(), microphone=()"),
    ],
)
def test_format_permissions_policy(policy, expected):
    assert format_permissions_policy(policy) == expected


def test_default_permissions_policy_denies_sensors_and_payment():
    header = format_permissions_policy(DEFAULT_PERMISSIONS_POLICY)
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in header


@pytest.mark.django_db
def test_the_admin_relaxation_applies_to_signed_in_admin_users_only(client, admin_user, home):
    def script_src(path):
        return csp_directives(client.get(path)["Content-Security-Policy"])["script-src"]

    assert "'unsafe-inline'" not in script_src("/admin/login/")
    client.force_login(admin_user)
    assert "'unsafe-inline'" in script_src("/admin/")
    assert "'unsafe-inline'" not in script_src("/")  # public pages stay strict for editors too
    assert "'unsafe-inline'" not in script_src("/en/")


@pytest.mark.django_db
def test_admin_sign_in_is_locked_after_five_failures(client, django_user_model):
    from django.test import override_settings

    django_user_model.objects.create_user("editora2", "editora2@example.org", "una-clave-muy-segura-1")
    with override_settings(AXES_ENABLED=True):
        for _ in range(4):
            response = client.post(
                "/admin/login/", {"username": "editora2", "password": "mala"}, REMOTE_ADDR="203.0.113.7"
            )
            assert response.status_code == 200  # the form again, with its error
        response = client.post("/admin/login/", {"username": "editora2", "password": "mala"}, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 429
        # Locked even with the right password, from that address...
        response = client.post(
            "/admin/login/", {"username": "editora2", "password": "una-clave-muy-segura-1"}, REMOTE_ADDR="203.0.113.7"
        )
        assert response.status_code == 429
        assert "Acceso bloqueado temporalmente" in response.content.decode()
        # ...but nobody can lock the editor out from elsewhere.
        response = client.post(
            "/admin/login/", {"username": "editora2", "password": "una-clave-muy-segura-1"}, REMOTE_ADDR="198.51.100.4"
        )
        assert response.status_code == 302


@pytest.mark.django_db
def test_an_admin_session_ends_with_the_browser_and_after_a_working_day(client, django_user_model):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    django_user_model.objects.create_user("editora3", "editora3@example.org", "una-clave-muy-segura-1")
    response = client.post("/admin/login/", {"username": "editora3", "password": "una-clave-muy-segura-1"})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie.value and not cookie["max-age"] and not cookie["expires"]  # gone when the browser closes
    # Server-side expiry: even with the browser left open, the session dies within eight hours.
    assert Session.objects.get(session_key=cookie.value).expire_date <= timezone.now() + timedelta(hours=8)


@pytest.mark.django_db
def test_superusers_must_set_up_and_then_pass_the_second_step(client, admin_user):
    from django.test import override_settings
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with override_settings(TWO_FACTOR_ENFORCED=True):
        client.force_login(admin_user)
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/dos-pasos/configurar/?next=%2Fadmin%2Fpages%2F"  # URL-encoded
        page = client.get(response["Location"])
        assert page.status_code == 200
        body = page.content.decode()
        assert "<svg" in body and "Código de verificación" in body
        assert "'unsafe-inline'" in page["Content-Security-Policy"]  # admin page, signed in
        device = TOTPDevice.objects.get(user=admin_user, confirmed=False)

        wrong = client.post("/admin/dos-pasos/configurar/", {"token": "000000", "next": "/admin/pages/"})
        assert wrong.status_code == 200
        assert "no es válido" in wrong.content.decode()
        device.refresh_from_db()
        assert device.throttling_failure_count == 1  # failures are throttled (django-otp)
        device.throttle_reset()

        code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
        done = client.post("/admin/dos-pasos/configurar/", {"token": code, "next": "/admin/pages/"})
        assert done.status_code == 302 and done["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == 200
        device.refresh_from_db()
        assert device.confirmed

        # A new sign-in asks for the code (the device exists now), and an outside "next" is refused.
        client.logout()
        client.force_login(admin_user)
        response = client.get("/admin/")
        assert response["Location"].startswith("/admin/dos-pasos/verificar/")
        device.refresh_from_db()
        device.last_t = -1
        device.save()
        code = f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"
        done = client.post("/admin/dos-pasos/verificar/", {"token": code, "next": "https://malicioso.example/"})
        assert done["Location"] == "/admin/"


@pytest.mark.django_db
def test_editors_without_a_device_are_not_asked_for_a_second_step(client, django_user_model):
    from django.contrib.auth.models import Group
    from django.test import override_settings

    editor = django_user_model.objects.create_user("editor2fa", "e@example.org", "una-clave-muy-segura-2")
    editor.groups.set(Group.objects.filter(name="Comunicaciones"))
    with override_settings(TWO_FACTOR_ENFORCED=True):
        client.force_login(editor)
        assert client.get("/admin/").status_code == 200
        account = client.get("/admin/account/").content.decode()
        assert "Verificación en dos pasos" in account  # optional: offered on the account page


def test_recaptcha_inline_callback_carries_the_csp_nonce(rf):
    """With real reCAPTCHA keys the widget's inline callback runs under the strict CSP."""
    from django.http import HttpResponse
    from django_recaptcha.widgets import ReCaptchaV2Checkbox

    from base.security import CSPMiddleware, SecurityHeadersMiddleware

    def view(request):
        widget = ReCaptchaV2Checkbox(attrs={"data-sitekey": "clave-publica"})
        return HttpResponse(widget.render("captcha", None))

    response = CSPMiddleware(SecurityHeadersMiddleware(view))(rf.get("/contacto/"))
    html = response.content.decode()
    nonce = html.split('<script nonce="')[1].split('"')[0]
    assert nonce
    assert f"'nonce-{nonce}'" in csp_directives(response["Content-Security-Policy"])["script-src"]
