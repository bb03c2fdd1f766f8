"""Fixtures for the ``denuncias`` deployment's tests.

They run in their own pytest process with ``config.settings.denuncias_test``
and ``--confcutdir=denuncias`` (the project's root conftest loads the public
site's demo content, which this deployment does not have): see the Makefile.
"""

import io
import logging
import secrets

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from denuncias import receipts
from denuncias.models import Report
from denuncias.services import file_report

# Headless Chromium fixtures shared with the public site's browser tests.
from tests.browser.conftest import new_page  # noqa: E402,F401
from tests.conftest import browser  # noqa: E402,F401

PASSWORD = "una-clave-larga-de-prueba-2026"


def token_for(device):
    """The TOTP code the handler's authenticator shows right now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def make_user(username, *, in_group=False, is_staff=False, is_superuser=False, with_device=True):
    """A user with a password and (optionally) a confirmed TOTP device."""
    user = User.objects.create_user(username, password=PASSWORD, is_staff=is_staff, is_superuser=is_superuser)
    if in_group:
        user.groups.add(Group.objects.get(name=settings.DENUNCIAS_HANDLER_GROUP))
    if with_device:
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def sign_in(client, user):
    """Sign ``user`` in through the handler login page with password and TOTP; returns the response."""
    device = TOTPDevice.objects.get(user=user)
    return client.post(
        "/gestion/ingresar/", {"username": user.username, "password": PASSWORD, "otp_token": token_for(device)}
    )


@pytest.fixture
def handler(db):
    """A member of the ethics committee with a TOTP device."""
    return make_user("etica", in_group=True)


@pytest.fixture
def handler_client(client, handler):
    """A client signed in as the handler with two factors."""
    response = sign_in(client, handler)
    assert response.status_code == 302, response.content
    return client


@pytest.fixture
def report_data():
    """Cleaned data of a valid report (as ``ReportForm`` would give)."""
    return {
        "category": "corrupcion",
        "description": "Hechos de prueba",
        "when_where": "Ayer, en la oficina",
        "people_involved": "Persona X",
        "identity": "",
        "submission_key": secrets.token_urlsafe(24),
        "files": [],
    }


@pytest.fixture
def make_report(db, report_data):
    """Factory: store a report and return (report, receipt)."""

    def make(**overrides):
        data = {**report_data, "submission_key": secrets.token_urlsafe(24), **overrides}
        return file_report(data)

    return make


@pytest.fixture
def report(make_report):
    """One stored report and its receipt."""
    return make_report()


@pytest.fixture
def reporter_client(client, report):
    """A client logged in with the report's receipt."""
    stored, receipt = report
    response = client.post("/ingresar/", {"receipt": receipt})
    assert response.status_code == 302
    return client


@pytest.fixture
def log_output():
    """Everything the configured log handlers write during a test, as one string."""
    stream = io.StringIO()
    names = ("", "django", "django.request", "django.server")
    handlers = {h for name in names for h in logging.getLogger(name).handlers}
    previous = []
    for handler in handlers:
        if isinstance(handler, logging.StreamHandler):
            previous.append((handler, handler.setStream(stream)))
    yield stream
    for handler, old in previous:
        handler.setStream(old)


__all__ = ["Report", "receipts", "make_user", "sign_in", "token_for"]
