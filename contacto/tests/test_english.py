"""The office in English: labels, errors, dates and the citizen's mails follow the page's language.

The English page is /en/…, the wagtail-localize translation of the Spanish one.
Interface strings come from locale/en (ours) and from Django's own catalogue
(Django's field messages); staff mails and the request history stay Spanish.
"""

import datetime
import gettext
import shutil
from pathlib import Path
from unittest import mock

import polib  # installed with wagtail-localize
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_recaptcha.client import RecaptchaResponse
from wagtail.models import Locale

from contacto import services
from contacto.models import CitizenRequest, OutgoingMail, RequestEvent

from .conftest import PDF_BYTES, upload

pytestmark = pytest.mark.django_db
REAL_KEYS = {"RECAPTCHA_PRIVATE_KEY": "real-private-key-for-tests", "RECAPTCHA_PUBLIC_KEY": "real-public-key"}
CITIZEN = "maria.perez@example.org"
STAFF = "oac@gobiernosantiago.cl, calidad@gobiernosantiago.cl"  # the demo's routing for reclamos


@pytest.fixture
def office_en(office):
    """The English translation of the demo's office page."""
    return office.get_translation(Locale.objects.get(language_code="en"))


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def summary_errors(response):
    """The error summary's entries, as the citizen reads them."""
    return [item.get_text(" ", strip=True) for item in soup_of(response).select("#resumen-errores li")]


def test_english_page_has_english_labels(client, office_en):
    response = client.get(office_en.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "en"
    assert soup.select_one("form.contacto-form").find_previous("h2").get_text() == "Send a request"
    assert soup.select_one("#campo-request_type legend").get_text(" ", strip=True) == "Type of request (required)"
    assert [label.get_text() for label in soup.select("#campo-request_type label")] == [
        "Question or request",
        "Complaint",
        "Suggestion",
        "Compliment",
    ]
    labels = {label["for"]: label.get_text(" ", strip=True) for label in soup.select("form.contacto-form label")}
    assert labels["id_name"] == "Full name (required)"
    assert labels["id_email"] == "Email address (required)"
    assert labels["id_phone"] == "Phone (optional)"
    assert labels["id_comuna"] == "Commune (required)"
    assert labels["id_subject"] == "Subject (required)"
    assert labels["id_message"] == "Message (required)"
    assert labels["id_attachments"] == "Attachments (optional)"
    assert labels["id_consent"].startswith("I accept the privacy notice")
    assert soup.select_one("#id_comuna option[value='']").get_text() == "Choose your commune"
    assert soup.select_one("#id_message_ayuda").get_text() == "Up to 5,000 characters."
    assert soup.select_one("#contacto-submit").get_text() == "Send request"
    links = [a.get_text() for a in soup.select("nav.contacto-links a")]
    assert links[:2] == ["Check the status of a request", "Service statistics"]
    text = soup.select_one("main").get_text(" ", strip=True)
    for spanish in ["Enviar solicitud", "obligatorio", "Tipo de solicitud", "Correo electrónico", "Elija su comuna"]:
        assert spanish not in text


def test_english_lookup_and_statistics_pages_are_english(client, office_en):
    lookup = soup_of(client.get(office_en.url + "seguimiento/"))
    assert lookup.h1.get_text() == "Request tracking"
    assert lookup.select_one("label[for=id_code]").get_text(" ", strip=True) == "Tracking code (required)"
    assert lookup.select_one("form.contacto-form button").get_text() == "Check status"
    statistics = soup_of(client.get(office_en.url + "estadisticas/"))
    assert statistics.h1.get_text() == "Citizen services statistics"
    assert [dt.get_text() for dt in statistics.select(".stat-cards dt")] == [
        "Requests received",
        "Answered on time",
        "Median working days to answer",
    ]


def test_invalid_data_on_the_english_page_gets_english_errors(client, office_en, form_data):
    data = {**form_data, "email": "not-an-address", "comuna": "", "consent": ""}
    response = client.post(office_en.url, data)
    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.title.get_text().startswith("Error:")
    assert soup.select_one("#resumen-errores-titulo").get_text() == "There are 3 problems with the form"
    assert summary_errors(response) == [
        "Enter a valid email address, for example name@example.com.",
        "Choose your commune.",
        "You must accept the privacy notice to send the request.",
    ]
    assert soup.select_one("#id_email_error").get_text(strip=True) == (
        "Enter a valid email address, for example name@example.com."
    )
    assert not CitizenRequest.objects.exists()


def test_one_error_is_announced_in_the_singular(client, office_en, form_data):
    response = client.post(office_en.url, {**form_data, "subject": ""})
    assert response.status_code == 400
    assert soup_of(response).select_one("#resumen-errores-titulo").get_text() == "There is a problem with the form"
    assert summary_errors(response) == ["Enter a subject."]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "x" * 151, "The name can be up to 150 characters long (it has 151)."),
        ("message", "Hola <script>alert('x')</script>", "The text cannot contain HTML code or scripts."),
        ("subject", "line one\r\nBcc: other@example.org", "Please write it on a single line."),
        ("phone", "call me", "Enter a valid phone number: only digits, spaces and the + sign."),
        ("request_type", "denuncia", "Choose a type of request from the list."),
        ("attachments", [upload("programa.exe", b"MZ\x90\x00")], "“programa.exe” is not an accepted file type."),
        ("attachments", [upload(f"f{i}.pdf", PDF_BYTES) for i in range(4)], "You can attach up to 3 files."),
    ],
)
def test_our_own_messages_are_english_on_the_english_page(client, office_en, form_data, field, value, message):
    response = client.post(office_en.url, {**form_data, field: value})
    assert response.status_code == 400
    assert any(error.startswith(message) for error in summary_errors(response)), summary_errors(response)
    assert not OutgoingMail.objects.exists()


def test_djangos_own_field_messages_come_in_english(client, office, office_en):
    """The look-up's e-mail keeps Django's max_length message: Spanish on /, English on /en/."""
    data = {"code": "OAC-2026-000001", "email": "a" * 250 + "@example.org"}
    english = client.post(office_en.url + "seguimiento/", data)
    assert english.status_code == 400
    [error] = summary_errors(english)
    assert error.startswith("Ensure") and "254" in error
    spanish = client.post(office.url + "seguimiento/", data)
    assert spanish.status_code == 400
    assert "254" in summary_errors(spanish)[0] and "Ensure" not in summary_errors(spanish)[0]


@override_settings(**REAL_KEYS)
def test_recaptcha_messages_are_english(client, office_en, form_data):
    with mock.patch("django_recaptcha.fields.client.submit") as submit:
        submit.return_value = RecaptchaResponse(is_valid=False, error_codes=["invalid-input-response"])
        missing = client.post(office_en.url, form_data)
        failed = client.post(office_en.url, {**form_data, "g-recaptcha-response": "token"})
    assert missing.status_code == failed.status_code == 400
    assert soup_of(missing).select_one("#id_captcha_error").get_text(strip=True) == (
        "Please tick the “I’m not a robot” box."
    )
    assert soup_of(failed).select_one("#id_captcha_error").get_text(strip=True) == (
        "We could not verify that you are not a robot. Please try again."
    )


def test_refusals_are_english(client, office_en, form_data):
    assert client.post(office_en.url, form_data).status_code == 303
    repeated = client.post(office_en.url, form_data)
    assert repeated.status_code == 409
    assert soup_of(repeated).h1.get_text() == "We could not receive your request"
    assert "identical request" in repeated.content.decode()


def test_english_submission_is_stored_as_english_and_mailed_in_english(client, office_en, form_data, run_mail_worker):
    response = client.post(office_en.url, form_data)
    assert response.status_code == 303
    assert response["Location"].startswith("/en/")
    request_obj = CitizenRequest.objects.get()
    assert request_obj.language == "en"
    confirmation = soup_of(client.get(response["Location"]))
    assert confirmation.h1.get_text() == "Request received"
    assert confirmation.select_one(".tracking-code").get_text() == request_obj.code

    receipt = OutgoingMail.objects.get(request=request_obj, recipients=CITIZEN)
    with translation.override("en"):
        due = date_format(request_obj.due_on)  # Django's English format, e.g. "Dec. 11, 2026"
    assert receipt.subject == f"We have received your request {request_obj.code}"
    assert receipt.body.startswith("Dear María José Pérez,\n")
    assert "complaint" in receipt.body and request_obj.code in receipt.body
    assert "Subject: Luminaria apagada en la plaza" in receipt.body
    assert f"Answer due by: {due}\n" in receipt.body and " de " not in due
    assert "Citizen Services Office" in receipt.body  # the signature
    assert "Estimada" not in receipt.body and "Plazo" not in receipt.body and " de 20" not in receipt.body

    notice = OutgoingMail.objects.get(request=request_obj, recipients=STAFF)
    assert notice.subject == f"Nueva solicitud {request_obj.code}: Luminaria apagada en la plaza"
    assert notice.body.startswith("Nueva solicitud")
    assert "Tipo: Reclamo" in notice.body and "Plazo de respuesta: " in notice.body
    assert "Idioma: English" in notice.body  # staff know to answer in English
    assert "Complaint" not in notice.body
    event = request_obj.events.get()
    assert event.action == RequestEvent.Action.CREATED and "recibida" in event.description  # Spanish history

    run_mail_worker()
    sent = {message.to[0]: message for message in mail.outbox}
    assert sent[CITIZEN].subject == receipt.subject and sent[CITIZEN].body == receipt.body
    assert sent["oac@gobiernosantiago.cl"].subject.startswith("Nueva solicitud")
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"enviado"}


def test_spanish_submission_stays_spanish(client, office, form_data):
    assert client.post(office.url, form_data).status_code == 303
    request_obj = CitizenRequest.objects.get()
    assert request_obj.language == "es-cl"
    receipt = OutgoingMail.objects.get(request=request_obj, recipients=CITIZEN)
    assert receipt.subject == f"Recibimos su solicitud {request_obj.code}"
    assert receipt.body.startswith("Estimada/o María José Pérez:")
    assert "reclamo" in receipt.body and request_obj.code in receipt.body
    assert " de 20" in receipt.body  # «12 de diciembre de 2026»


def test_dates_on_the_english_lookup_follow_english_formatting(client, office, office_en):
    now = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
    request_obj = services.submit_request(
        data={
            "request_type": "consulta",
            "name": "John Smith",
            "email": "john@example.org",
            "phone": "",
            "comuna": "santiago",
            "subject": "Opening hours",
            "message": "When is the office open?",
        },
        now=now,
        language="en",
    )
    data = {"code": request_obj.code, "email": "john@example.org"}
    facts = {
        dt.get_text(): dt.find_next("dd").get_text(" ", strip=True)
        for dt in soup_of(client.post(office_en.url + "seguimiento/", data)).select(".request-facts dt")
    }
    assert facts["Type"] == "Question or request"
    assert facts["Status"] == "Received"
    assert facts["Received on"] == "March 2, 2026"
    spanish = soup_of(client.post(office.url + "seguimiento/", data)).select(".request-facts dd")
    assert spanish[2].get_text() == "2 de marzo de 2026"


def test_staff_changes_mail_the_citizen_in_their_language_and_keep_staff_text_spanish(client, django_user_model):
    """An English-speaking admin answers and forwards an English request: only the citizen's mails are English."""
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    staff = django_user_model.objects.create_user("oac", password="x", first_name="Olga", last_name="Araya")
    staff.groups.add(Group.objects.get(name="Atención Ciudadana"))
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    data = {
        "request_type": "consulta",
        "name": "John Smith",
        "email": "john@example.org",
        "phone": "",
        "comuna": "santiago",
        "subject": "Bus stop",
        "message": "The bus stop has no roof.",
    }
    request_obj = services.submit_request(data=data, language="en")
    client.force_login(staff)
    url = reverse("citizenrequest:edit", args=[request_obj.pk])
    response = client.post(
        url,
        {
            "status": request_obj.status,
            "assigned_to": "",
            "public_answer": "We have asked the municipality to fix it.",
            "forwarded_institution": "Municipalidad de Santiago",
            "forwarded_email": "oirs@muni.example",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mails = {m.subject: m for m in OutgoingMail.objects.filter(request=request_obj)}
    answer = mails[f"Answer to your request {request_obj.code}"]
    assert answer.body.startswith("Dear John Smith,")
    assert "We have asked the municipality to fix it." in answer.body  # the answer, as the staff member wrote it
    notice = mails[f"Your request {request_obj.code} has been forwarded"]
    assert "forwarded" in notice.body and "Municipalidad de Santiago (oirs@muni.example)" in notice.body
    forward = mails[f"Derivación de la solicitud {request_obj.code}"]
    assert forward.recipients == "oirs@muni.example"
    assert forward.body.startswith("Estimados/as Municipalidad de Santiago:")
    assert "Tipo: Consulta o solicitud" in forward.body
    descriptions = dict(request_obj.events.values_list("action", "description"))
    forwarded = descriptions[RequestEvent.Action.FORWARDED]
    assert forwarded.startswith("Derivada") and "Municipalidad de Santiago <oirs@muni.example>" in forwarded
    assert descriptions[RequestEvent.Action.STATUS].startswith("De «Recibida» a «")


def catalogues():
    """Every English .po of the project (the shared one and the apps' own), never the virtualenv's."""
    root = Path(settings.BASE_DIR)
    found = [
        path
        for path in root.glob("**/locale/en/LC_MESSAGES/django.po")
        if not {".venv", "node_modules", "staticfiles"} & set(path.relative_to(root).parts)
    ]
    assert root / "locale/en/LC_MESSAGES/django.po" in found
    return sorted(found)


@pytest.mark.parametrize("path", catalogues(), ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_english_catalogue_is_complete_and_compiled(path):
    catalogue = polib.pofile(str(path))
    assert not catalogue.metadata_is_fuzzy
    fuzzy = [entry.msgid for entry in catalogue if "fuzzy" in entry.flags and not entry.obsolete]
    assert fuzzy == []
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert untranslated == []
    # The compiled .mo holds exactly these translations (compilemessages was run after the last edit).
    with open(path.with_suffix(".mo"), "rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    for entry in catalogue.translated_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            assert mo._catalog[(key, 1)] == entry.msgstr_plural[1], entry.msgid
        else:
            assert mo._catalog[key] == entry.msgstr, entry.msgid


SHARED_CATALOGUE_IGNORES = [
    ".venv/*",
    "node_modules/*",
    "staticfiles/*",
    "media/*",
    "fichas/*",
    "participacion/*",
    "programa_gobierno/*",
]


# The apps that keep their own catalogue (``<app>/locale/en``); the shared one holds the rest.
APP_CATALOGUES = ["fichas", "participacion", "programa_gobierno"]


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="needs GNU gettext (xgettext, msgmerge)")
@pytest.mark.parametrize("app", [None, *APP_CATALOGUES], ids=lambda app: f"{app or 'shared'} catalogue")
def test_catalogue_holds_every_interface_string(tmp_path, settings, monkeypatch, app):
    """makemessages over a copy of the sources (flags of the catalogue's header) finds nothing new to translate."""
    root = Path(settings.BASE_DIR)
    sources = {".py", ".html", ".txt", ".po"}
    skipped = {".venv", "node_modules", "staticfiles", "media", ".git", "__pycache__"}

    def ignore(directory, names):
        return [
            name
            for name in names
            if name in skipped or (Path(directory, name).is_file() and Path(name).suffix not in sources)
        ]

    copy = tmp_path / "src"
    if app is None:
        shutil.copytree(root, copy, ignore=ignore)
        settings.LOCALE_PATHS = [copy / "locale"]
        ignores = SHARED_CATALOGUE_IGNORES
    else:  # run inside the app, as its catalogue's header says: its own locale/ is the only one
        shutil.copytree(root / app, copy, ignore=ignore)
        settings.LOCALE_PATHS = []
        ignores = []
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], no_obsolete=True, ignore_patterns=ignores, verbosity=0)
    catalogue = polib.pofile(str(copy / "locale/en/LC_MESSAGES/django.po"))
    new_or_changed = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]
    assert new_or_changed == [], "strings missing from the catalogue: run makemessages (see its header) and translate"
