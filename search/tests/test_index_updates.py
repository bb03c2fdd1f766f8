"""The search index follows publishing: publish adds, unpublish and delete remove."""

import pytest
from wagtail.models import Page

from base.models import StandardPage

pytestmark = pytest.mark.django_db


def found(query, locale_page):
    return [page.pk for page in Page.objects.live().filter(locale=locale_page.locale).search(query)]


def test_tasks_run_immediately_so_the_index_is_current_at_once(home):
    """Without TASKS_IN_BACKGROUND, an index update has run by the time it is enqueued."""
    from django_tasks.base import TaskResultStatus
    from modelsearch.tasks import insert_or_update_object_task

    Page.objects.filter(pk=home.pk).update(title="Casa de la zarzaparrilla")  # the index does not know yet
    assert home.pk not in found("zarzaparrilla", home)
    result = insert_or_update_object_task.enqueue("wagtailcore", "page", home.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert home.pk in found("zarzaparrilla", home)


def test_publishing_adds_a_page_and_editing_updates_it(home, client):
    page = StandardPage(title="Ferias libres", slug="ferias-libres", introduction="Ferias de barrio.", live=False)
    home.add_child(instance=page)
    assert page.pk not in found("ferias", home)
    page.save_revision().publish()
    assert page.pk in found("ferias", home)
    assert "Ferias libres" in client.get("/buscar/", {"q": "ferias"}).content.decode()

    page.introduction = "Mercados y almácigos."
    page.save_revision().publish()
    assert page.pk in found("almácigos", home)


def test_unpublishing_removes_a_page_from_the_results(home, client):
    page = StandardPage(title="Ciclovías", slug="ciclovias", introduction="Ciclovías de la región.")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Ciclovías" in client.get("/buscar/", {"q": "ciclovías"}).content.decode()
    page.unpublish()
    assert page.pk not in found("ciclovías", home)
    assert "Ciclovías" not in client.get("/buscar/", {"q": "ciclovías"}).content.decode().split("<main")[1]


def test_deleting_removes_the_index_entry(home):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    page_type = ContentType.objects.get_for_model(StandardPage)
    page = StandardPage(title="Humedales", slug="humedales", introduction="Humedales urbanos.")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert IndexEntry.objects.filter(content_type=page_type, object_id=str(page.pk)).exists()
    page_id = page.pk
    page.delete()
    assert not IndexEntry.objects.filter(content_type=page_type, object_id=str(page_id)).exists()
    assert page_id not in found("humedales", home)
