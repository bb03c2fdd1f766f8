"""Encryption at rest: the raw database holds no plaintext, and keys rotate."""

import re

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from denuncias import crypto
from denuncias.models import Attachment, Message, Report

pytestmark = pytest.mark.django_db

SECRETS = {
    "description": "SECRETO-DESCRIPCION-hechos-graves",
    "when_where": "SECRETO-LUGAR-bodega-norte",
    "people_involved": "SECRETO-PERSONA-Juan-Soto",
    "identity": "SECRETO-IDENTIDAD-Ana-Perez",
    "message": "SECRETO-MENSAJE-del-denunciante",
    "handler_message": "SECRETO-RESPUESTA-del-comite",
    "filename": "SECRETO-NOMBRE-ARCHIVO.txt",
    "file": "SECRETO-CONTENIDO-DEL-ARCHIVO adjunto",
}


def raw_database_dump():
    """Every value of every table of the channel, read with plain SQL, as one string."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes | bytearray):
                        chunks.append(bytes(value).decode("latin-1"))
                    else:
                        chunks.append(str(value))
    return "\n".join(chunks)


def file_everything(client, handler_client_factory):
    page = client.get("/denunciar/")
    key = re.search(rb'name="submission_key" value="([^"]+)"', page.content).group(1).decode()
    upload = SimpleUploadedFile(SECRETS["filename"], SECRETS["file"].encode())
    response = client.post(
        "/denunciar/",
        {
            "category": "acoso",
            "description": SECRETS["description"],
            "when_where": SECRETS["when_where"],
            "people_involved": SECRETS["people_involved"],
            "identity_choice": "identificada",
            "identity": SECRETS["identity"],
            "submission_key": key,
            "files": [upload],
        },
    )
    receipt = re.search(rb"<strong>([\d ]{19})</strong>", response.content).group(1).decode()
    client.post("/ingresar/", {"receipt": receipt})
    client.post("/mi-denuncia/", {"body": SECRETS["message"]})
    return receipt.replace(" ", "")


def test_the_raw_database_holds_no_plaintext_of_report_message_identity_or_file(client, handler):
    from denuncias.services import add_handler_message

    receipt = file_everything(client, None)
    add_handler_message(Report.objects.get(), handler, SECRETS["handler_message"], True)
    dump = raw_database_dump()
    for label, secret in SECRETS.items():
        assert secret not in dump, f"{label} is readable in the raw database"
        assert "SECRETO" not in dump
    assert receipt not in dump
    # ... while the application reads everything back.
    report = Report.objects.get()
    assert report.description == SECRETS["description"] and report.identity == SECRETS["identity"]
    assert Attachment.objects.get().content == SECRETS["file"].encode()
    assert {m.body for m in Message.objects.all()} == {SECRETS["message"], SECRETS["handler_message"]}


def test_encrypted_columns_hold_fernet_tokens(report):
    with connection.cursor() as cursor:
        cursor.execute("SELECT description FROM denuncias_report")
        (raw,) = cursor.fetchone()
    assert raw.startswith("gAAAAA")
    assert crypto.decrypt_text(raw) == "Hechos de prueba"


def test_the_same_text_encrypts_differently_each_time():
    assert crypto.encrypt_text("igual") != crypto.encrypt_text("igual")


def test_rotation_re_encrypts_everything_with_the_new_key(settings, make_report):
    stored, _ = make_report(identity="Ana")
    Message.objects.create(report=stored, author="denunciante", body="hola")
    Attachment.objects.create(report=stored, filename="a.txt", content_type="text/plain", size=4, content=b"data")
    old_keys = list(settings.DENUNCIAS_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()

    settings.DENUNCIAS_ENCRYPTION_KEYS = [new_key, *old_keys]
    call_command("denuncias_rotar_claves", verbosity=0)

    # Only the new key remains: everything must still be readable.
    settings.DENUNCIAS_ENCRYPTION_KEYS = [new_key]
    report = Report.objects.get()
    assert (report.description, report.identity) == ("Hechos de prueba", "Ana")
    assert Message.objects.get().body == "hola"
    attachment = Attachment.objects.get()
    assert (attachment.filename, attachment.content) == ("a.txt", b"data")


def test_without_the_key_the_data_cannot_be_read(settings, report):
    settings.DENUNCIAS_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.InvalidToken):
        Report.objects.get()


@override_settings(DENUNCIAS_ENCRYPTION_KEYS=["not-a-key"])
def test_an_invalid_key_is_a_configuration_error():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt_text("x")
