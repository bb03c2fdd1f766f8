"""Media on S3-compatible object storage (base/storage.py) against a real S3 server on loopback.

The server is scripts/objectstore.sh (moto's server, the stand-in ``make cluster`` uses); the site
talks to it with django-storages and boto3 exactly as it would to AWS, MinIO or SeaweedFS.
"""

import io
import json
import urllib.request
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage

from base.storage import PUBLIC_PREFIXES

PUBLIC = "gobierno-abierto-media"
PRIVATE = "gobierno-abierto-private"


def png(width=240, height=120):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def keys(s3, bucket):
    return {item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}


def make_image(title="Gráfico"):
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    image = get_image_model()(title=title, collection=Collection.get_first_root_node())
    image.file = ImageFile(io.BytesIO(png()), name=f"grafico-{uuid.uuid4().hex[:8]}.png")
    image.save()
    return image


def make_document(title, collection, content):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"informe-{uuid.uuid4().hex[:8]}.csv", ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.django_db
def test_images_and_renditions_are_in_the_public_bucket_with_plain_urls(s3_media, s3):
    image = make_image()
    rendition = image.get_rendition("width-100")

    assert image.file.name.startswith("original_images/")
    assert rendition.file.name.startswith("images/")
    assert {image.file.name, rendition.file.name} <= keys(s3, PUBLIC)
    assert not {image.file.name, rendition.file.name} & keys(s3, PRIVATE)
    # A browser loads the rendition from the bucket, with an unsigned URL.
    assert rendition.url == f"{s3_media.MEDIA_URL}{rendition.file.name}"
    assert "Signature" not in rendition.url and "X-Amz" not in rendition.url
    with urllib.request.urlopen(rendition.url) as response:
        assert PILImage.open(io.BytesIO(response.read())).size == (100, 50)


def test_the_public_bucket_policy_opens_images_and_renditions_only(objectstore, s3):
    policy = json.loads(s3.get_bucket_policy(Bucket=PUBLIC)["Policy"])
    (statement,) = policy["Statement"]
    assert statement["Principal"] == "*" and statement["Action"] == "s3:GetObject"
    assert sorted(statement["Resource"]) == sorted(f"arn:aws:s3:::{PUBLIC}/{prefix}*" for prefix in PUBLIC_PREFIXES)
    assert not any("documents/" in resource for resource in statement["Resource"])
    # The private bucket has no policy at all: nothing in it is readable without the keys.
    with pytest.raises(s3.exceptions.ClientError):
        s3.get_bucket_policy(Bucket=PRIVATE)


@pytest.mark.django_db
def test_documents_are_streamed_by_wagtails_view_which_applies_collection_privacy(s3_media, s3, client, admin_client):
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    public = make_document("Datos públicos", root, b"comuna;monto\nSantiago;1\n")
    private_collection = root.add_child(name="Reservados")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = make_document("Informe reservado", private_collection, b"reservado;1\n")

    for document in (public, private):
        assert document.file.name.startswith("documents/")
        assert not document.file.name.startswith(PUBLIC_PREFIXES)
        assert document.file.name in keys(s3, PUBLIC)

    response = client.get(public.url)
    assert response.status_code == 200  # streamed by the site, not a redirect to the bucket
    assert b"".join(response.streaming_content) == b"comuna;monto\nSantiago;1\n"

    response = client.get(private.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] and PUBLIC not in response["Location"]

    response = admin_client.get(private.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"reservado;1\n"


@pytest.mark.django_db
def test_private_storage_has_no_url(s3_media, s3):
    from contacto.models import Attachment

    storage = Attachment._meta.get_field("file").storage
    name = storage.save(f"adjuntos/{uuid.uuid4().hex}.pdf", ContentFile(b"%PDF-1.4 prueba"))
    assert name in keys(s3, PRIVATE) and name not in keys(s3, PUBLIC)
    with storage.open(name) as stored:
        assert stored.read() == b"%PDF-1.4 prueba"
    with pytest.raises(ValueError):
        storage.url(name)


@pytest.mark.django_db
def test_replaced_files_are_deleted_by_the_worker_and_no_key_is_queued(
    s3_media, s3, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {**settings.TASKS, "default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    image = make_image("Para borrar")
    name = image.file.name
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    task = DBTaskResult.objects.get(task_path="wagtail.tasks.delete_file_from_storage_task")
    assert task.args_kwargs["args"] == [["base.storage.PublicMediaStorage", [], {}], name]
    assert "objectstore-test-secret" not in json.dumps(task.args_kwargs)
    assert name in keys(s3, PUBLIC)  # not deleted during the request

    call_command("task_worker", "--batch", "--interval", "0", verbosity=0)
    assert name not in keys(s3, PUBLIC)
