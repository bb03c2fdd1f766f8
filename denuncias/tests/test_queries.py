"""Pages make a fixed number of queries whatever the number of messages, files or reports."""

import pytest

from denuncias.models import Attachment, Message
from denuncias.services import add_handler_message

pytestmark = pytest.mark.django_db


def add_conversation(report, handler, size):
    for n in range(size):
        message = Message.objects.create(report=report, author="denunciante", body=f"mensaje {n}")
        Attachment.objects.create(
            report=report, message=message, filename=f"{n}.txt", content_type="text/plain", size=1, content=b"x"
        )
        add_handler_message(report, handler, f"respuesta {n}", False)


@pytest.mark.parametrize("size", [1, 8])
def test_the_reporters_page_makes_fixed_queries(reporter_client, report, handler, size, django_assert_num_queries):
    add_conversation(report[0], handler, size)
    # The same count at both sizes: session, report, messages, files, session save.
    with django_assert_num_queries(8):
        assert reporter_client.get("/mi-denuncia/").status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_the_report_list_makes_fixed_queries(handler_client, make_report, size, django_assert_max_num_queries):
    for _ in range(size):
        make_report()
    with django_assert_max_num_queries(8):
        assert handler_client.get("/gestion/").status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_the_report_detail_makes_fixed_queries(handler_client, report, handler, size, django_assert_max_num_queries):
    add_conversation(report[0], handler, size)
    with django_assert_max_num_queries(14):
        assert handler_client.get(f"/gestion/denuncias/{report[0].pk}/").status_code == 200
