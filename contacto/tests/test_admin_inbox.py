"""The staff inbox: visible to the "Atención Ciudadana" group only; filters, export, assign, answer, forward."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from contacto import services
from contacto.models import CitizenRequest, OutgoingMail, RequestEvent

pytestmark = pytest.mark.django_db


def make_request(subject="Consulta de prueba", **overrides):
    data = {
        "request_type": "consulta",
        "name": "Luisa Díaz",
        "email": "luisa@example.org",
        "phone": "",
        "comuna": "santiago",
        "subject": subject,
        "message": "Mensaje.",
    }
    now = overrides.pop("now", None)
    data.update(overrides)
    return services.submit_request(data=data, now=now)


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("oac", password="x", first_name="Olga", last_name="Araya")
    user.groups.add(Group.objects.get(name="Atención Ciudadana"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("comunicaciones", password="x")
    user.groups.add(Group.objects.get(name="Comunicaciones"))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def edit_data(request_obj, **changes):
    data = {
        "status": request_obj.status,
        "assigned_to": request_obj.assigned_to_id or "",
        "public_answer": request_obj.public_answer,
        "forwarded_institution": request_obj.forwarded_institution,
        "forwarded_email": request_obj.forwarded_email,
        "note": "",
    }
    data.update(changes)
    return data


def test_group_created_by_migration_has_inbox_permissions():
    group = Group.objects.get(name="Atención Ciudadana")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_citizenrequest", "change_citizenrequest", "change_routingsettings"} <= codenames
    assert "add_citizenrequest" not in codenames and "delete_citizenrequest" not in codenames


def test_inbox_is_visible_to_the_group_only(client, staff, editor):
    make_request()
    client.force_login(staff)
    response = client.get(reverse("citizenrequest:index"))
    assert response.status_code == 200
    assert "Consulta de prueba" in response.content.decode()
    assert reverse("citizenrequest:index") in client.get("/admin/").content.decode()

    client.force_login(editor)
    assert client.get(reverse("citizenrequest:index")).status_code in (302, 403)
    menu = client.get("/admin/").content.decode()
    assert reverse("citizenrequest:index") not in menu


def test_filters_by_type_status_comuna_and_date(client, staff):
    make_request("Consulta A")
    other = make_request("Reclamo B", request_type="reclamo", comuna="maipu")
    other.status = "en_proceso"
    other.save()
    make_request("Antigua C", now=timezone.now() - timedelta(days=60))
    client.force_login(staff)
    url = reverse("citizenrequest:index")

    def subjects(params):
        html = client.get(url, params).content.decode()
        return {s for s in ["Consulta A", "Reclamo B", "Antigua C"] if s in html}

    assert subjects({"request_type": "reclamo"}) == {"Reclamo B"}
    assert subjects({"status": "en_proceso"}) == {"Reclamo B"}
    assert subjects({"comuna": "maipu"}) == {"Reclamo B"}
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert subjects({"received_on_from": since}) == {"Consulta A", "Reclamo B"}


def test_overdue_requests_are_highlighted(client, staff):
    make_request("Atrasada", now=timezone.now() - timedelta(days=40))
    make_request("Al día")
    client.force_login(staff)
    html = client.get(reverse("citizenrequest:index")).content.decode()
    assert html.count("contacto-overdue") == 1
    assert "Vencida" in html


def test_csv_export(client, staff):
    request_obj = make_request("Para exportar")
    client.force_login(staff)
    response = client.get(reverse("citizenrequest:index"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:3] == ["Código", "Tipo", "Estado"]
    assert rows[1][0] == request_obj.code
    assert rows[1][1] == "Consulta o solicitud"
    assert "luisa@example.org" not in content


@pytest.mark.parametrize(
    ("subject", "cell"),
    [
        ('=HYPERLINK("http://malo.example","clic")', '\'=HYPERLINK("http://malo.example","clic")'),
        ("+56 9 1234 5678", "'+56 9 1234 5678"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\tTabulado", "'\tTabulado"),
        ("\rRetorno", "'\rRetorno"),
        ("Luminaria = apagada", "Luminaria = apagada"),
    ],
)
def test_csv_export_neutralises_cells_a_spreadsheet_would_run_as_formulas(client, staff, subject, cell):
    request_obj = make_request("Provisorio")
    type(request_obj).objects.filter(pk=request_obj.pk).update(subject=subject)  # as typed, past the form
    client.force_login(staff)
    response = client.get(reverse("citizenrequest:index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(content, newline=""))}
    assert rows[request_obj.code][4] == cell


def test_export_needs_the_export_permission(client, staff):
    make_request("No exportable")
    export = Permission.objects.get(codename="export_citizenrequest")
    staff.groups.get().permissions.remove(export)
    client.force_login(staff)
    listing = client.get(reverse("citizenrequest:index"))
    assert listing.status_code == 200
    assert "export=csv" not in listing.content.decode()
    assert "export=xlsx" not in listing.content.decode()
    for export_format in ("csv", "xlsx"):
        refused = client.get(reverse("citizenrequest:index"), {"export": export_format})
        assert refused.status_code == 403
        assert "No tiene permiso para exportar" in refused.content.decode()


def test_staff_with_the_export_permission_see_the_export_buttons(client, staff):
    client.force_login(staff)
    html = client.get(reverse("citizenrequest:index")).content.decode()
    assert "export=csv" in html and "export=xlsx" in html


def test_assign_and_answer_are_recorded_and_the_answer_is_mailed(client, staff):
    request_obj = make_request()
    client.force_login(staff)
    url = reverse("citizenrequest:edit", args=[request_obj.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, edit_data(request_obj, assigned_to=staff.pk, status="en_proceso", note="Revisar"))
    assert response.status_code == 302, response.content.decode()[:2000]
    request_obj.refresh_from_db()
    assert request_obj.assigned_to == staff
    assert request_obj.status == "en_proceso"

    response = client.post(url, edit_data(request_obj, public_answer="Atendemos de 9:00 a 14:00."))
    assert response.status_code == 302
    request_obj.refresh_from_db()
    assert request_obj.status == "respondida"
    assert request_obj.answered_at is not None
    answer_mail = OutgoingMail.objects.get(request=request_obj, subject__startswith="Respuesta")
    assert answer_mail.recipients == "luisa@example.org"
    assert "Atendemos de 9:00 a 14:00." in answer_mail.body

    actions = list(request_obj.events.values_list("action", "actor_id"))
    assert actions == [
        (RequestEvent.Action.CREATED, None),
        (RequestEvent.Action.ASSIGNED, staff.pk),
        (RequestEvent.Action.STATUS, staff.pk),
        (RequestEvent.Action.NOTE, staff.pk),
        (RequestEvent.Action.STATUS, staff.pk),
        (RequestEvent.Action.ANSWERED, staff.pk),
    ]
    history = client.get(url).content.decode()
    assert "Asignada a Olga Araya." in history
    assert "Revisar" in history


def test_forward_notifies_institution_and_citizen(client, staff):
    request_obj = make_request()
    client.force_login(staff)
    url = reverse("citizenrequest:edit", args=[request_obj.pk])
    data = edit_data(
        request_obj, forwarded_institution="Municipalidad de Santiago", forwarded_email="oirs@muni.example"
    )
    assert client.post(url, data).status_code == 302
    request_obj.refresh_from_db()
    assert request_obj.status == "derivada"
    assert request_obj.forwarded_at is not None
    assert not request_obj.is_overdue(today=request_obj.due_on + timedelta(days=30))
    recipients = set(OutgoingMail.objects.filter(request=request_obj).values_list("recipients", flat=True))
    assert {"oirs@muni.example", "luisa@example.org"} <= recipients
    notice = OutgoingMail.objects.get(request=request_obj, subject__contains="fue derivada")
    assert "Municipalidad de Santiago" in notice.body
    forward = OutgoingMail.objects.get(request=request_obj, recipients="oirs@muni.example")
    assert "Mensaje." in forward.body
    assert request_obj.events.filter(action=RequestEvent.Action.FORWARDED).exists()


def test_forward_needs_name_and_email(client, staff):
    request_obj = make_request()
    client.force_login(staff)
    url = reverse("citizenrequest:edit", args=[request_obj.pk])
    response = client.post(url, edit_data(request_obj, forwarded_institution="Municipalidad"))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 1 and "derivar" in errors[0]  # the form's own error, in Spanish...
    assert escape(errors[0]) in response.content.decode()  # ...shown to the staff member
    request_obj.refresh_from_db()
    assert request_obj.status == "recibida"


def test_only_group_members_can_be_assigned(client, staff, editor):
    request_obj = make_request()
    client.force_login(staff)
    url = reverse("citizenrequest:edit", args=[request_obj.pk])
    response = client.post(url, edit_data(request_obj, assigned_to=editor.pk))
    assert response.status_code == 200
    request_obj.refresh_from_db()
    assert request_obj.assigned_to is None


def test_closing_sets_closed_at_and_stops_the_clock(client, staff):
    request_obj = make_request(now=timezone.now() - timedelta(days=40))
    assert request_obj.is_overdue()
    client.force_login(staff)
    client.post(reverse("citizenrequest:edit", args=[request_obj.pk]), edit_data(request_obj, status="cerrada"))
    request_obj.refresh_from_db()
    assert request_obj.closed_at is not None
    assert not request_obj.is_overdue()


def test_attachment_download_is_for_staff_only(client, staff, editor, form_data, office):
    from .conftest import PDF_BYTES, upload

    client.post(office.url, {**form_data, "attachments": [upload("carta.pdf", PDF_BYTES)]})
    attachment = CitizenRequest.objects.get().attachments.get()
    url = reverse("contacto_attachment", args=[attachment.pk])
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert 'filename="carta.pdf"' in response["Content-Disposition"]


def test_inbox_list_query_count_does_not_grow(client, staff, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for index in range(2):
        request_obj = make_request(f"pocas {index}")
        request_obj.assigned_to = staff
        request_obj.save()
    client.force_login(staff)
    url = reverse("citizenrequest:index")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(20):
        request_obj = make_request(f"muchas {index}")
        request_obj.assigned_to = staff
        request_obj.save()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_attachments_on_the_object_store_are_in_the_private_bucket_read_only_by_staff(
    s3_media, s3, client, staff, editor, form_data, office
):
    from .conftest import PDF_BYTES, upload

    client.post(office.url, {**form_data, "attachments": [upload("carta.pdf", PDF_BYTES)]})
    attachment = CitizenRequest.objects.get().attachments.get()

    def stored(bucket):
        return {item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}

    assert attachment.file.name in stored("gobierno-abierto-private")
    assert attachment.file.name not in stored("gobierno-abierto-media")
    with pytest.raises(ValueError):
        _ = attachment.file.url  # no public or presigned URL, ever
    url = reverse("contacto_attachment", args=[attachment.pk])
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
