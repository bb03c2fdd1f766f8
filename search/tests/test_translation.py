"""The English site: twins for every page, the language switcher, the notice, sitemaps and sync status."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from base.models import StandardPage
from search.translation_status import changed_after_sync, outdated_translations

pytestmark = pytest.mark.django_db


def spanish_pages():
    return Page.objects.live().filter(locale=Locale.get_default(), depth__gte=2).specific()


def test_every_demo_page_has_a_live_english_twin(home):
    english = Locale.objects.get(language_code="en")
    missing = [page.url for page in spanish_pages() if not page.get_translations().filter(locale=english).live()]
    assert missing == []


def test_the_switcher_links_every_page_to_its_twin(client, home):
    english = Locale.objects.get(language_code="en")
    for page in spanish_pages():
        twin = page.get_translation(english)
        spanish_html = client.get(page.url).content.decode()
        assert f'href="{twin.url}" hreflang="en"' in spanish_html, page.url
        english_html = client.get(twin.url).content.decode()
        assert f'href="{page.url}" hreflang="es-CL"' in english_html, twin.url
        assert f'<link rel="alternate" hreflang="en" href="http://testserver{twin.url}">' in spanish_html


def test_an_untranslated_page_links_to_a_notice(client, home):
    page = StandardPage(title="Solo en español", slug="solo-en-espanol", introduction="Sin traducir.")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    notice_url = f"/en/sin-traduccion/?pagina={page.pk}"
    assert f'href="{notice_url}" hreflang="en"' in html
    assert "(página no traducida)" in html
    assert 'hreflang="en" href=' not in html.split("<body")[0]  # no alternate for a missing twin

    notice = client.get(notice_url)
    assert notice.status_code == 200
    assert notice["X-Robots-Tag"] == "noindex"
    text = notice.content.decode()
    assert '<html lang="en">' in text
    assert "Page not translated yet" in text
    notice_text = BeautifulSoup(text, "html.parser").select_one("p.notice").get_text()
    assert "“Solo en español”" in notice_text and "not available" in notice_text  # names the page, in English
    assert f'href="{page.url}" hreflang="es-CL"' in text


def test_the_notice_redirects_when_the_page_is_translated_after_all(client, home, home_en):
    response = client.get("/en/sin-traduccion/", {"pagina": home.pk})
    assert response.status_code == 302
    assert response["Location"] == home_en.url


@pytest.mark.parametrize("value", ["nada", "", "99999999999999999999999", "١٢", "1"])
def test_the_notice_without_a_page_is_a_404_that_still_helps(client, home_en, value):
    response = client.get("/en/sin-traduccion/", {"pagina": value})
    assert response.status_code == 404
    assert "Go to the home page" in response.content.decode()


def test_sitemap_index_lists_one_sitemap_per_language(client, home, home_en):
    index = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/sitemap-es-cl.xml</loc>" in index or "/sitemap-es-cl.xml</loc>" in index
    assert "/sitemap-en.xml</loc>" in index
    spanish = client.get("/sitemap-es-cl.xml").content.decode()
    english = client.get("/sitemap-en.xml").content.decode()
    assert "/en/</loc>" in english
    assert "/en/" not in spanish
    for page in spanish_pages():
        assert f"{page.url}</loc>" in spanish
    assert client.get("/sitemap-fr.xml").status_code == 404


def test_changed_after_sync():
    now = timezone.now()
    assert changed_after_sync(now, now - timezone.timedelta(minutes=5))
    assert not changed_after_sync(now, now)
    assert not changed_after_sync(now - timezone.timedelta(minutes=5), now)
    assert not changed_after_sync(None, now)
    assert not changed_after_sync(now, None)


def test_a_spanish_change_of_words_marks_the_translation_out_of_date_until_synced(home, admin_client):
    assert home not in [row.page for row in outdated_translations()]
    source = TranslationSource.objects.get_for_instance(home)
    home.lead = f"{home.lead} (cambiado)"
    home.save_revision().publish()

    rows = [row for row in outdated_translations() if row.page.pk == home.pk]
    assert len(rows) == 1
    assert rows[0].locales_label == "English"
    report = admin_client.get("/admin/reportes/traducciones-desactualizadas/").content.decode()
    assert home.title in report
    assert rows[0].sync_url in report
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Traducciones desactualizadas" in dashboard

    source.refresh_from_db()
    source.update_from_db()
    assert home.pk not in [row.page.pk for row in outdated_translations()]


def test_a_spanish_publish_without_new_words_leaves_the_translation_up_to_date(home):
    source = TranslationSource.objects.get_for_instance(home)
    TranslationSource.objects.filter(pk=source.pk).update(last_updated_at=timezone.now() - timezone.timedelta(hours=1))
    home.save_revision().publish()
    assert home.pk not in [row.page.pk for row in outdated_translations()]


def spanish_snippet(model_label):
    """The first Spanish instance of a translatable snippet model of the demo."""
    from django.apps import apps

    model = apps.get_model(model_label)
    return model.objects.filter(locale=Locale.get_default()).order_by("pk").first()


SNIPPETS = [
    ("home.Eje", "summary"),
    ("home.Ambito", "description"),
    ("home.Iniciativa", "name"),
    ("programa_gobierno.Tema", "name"),
    ("base.SiteTexts", "tagline"),
]


def test_the_demo_leaves_no_translation_out_of_date(home):
    assert outdated_translations() == []


@pytest.mark.parametrize(("model_label", "field_name"), SNIPPETS, ids=[label for label, _ in SNIPPETS])
def test_a_spanish_snippet_change_marks_its_translation_out_of_date_until_synced(
    admin_client, home, model_label, field_name
):
    snippet = spanish_snippet(model_label)
    source = TranslationSource.objects.get_for_instance(snippet)
    assert source.translations.filter(enabled=True).exists()
    setattr(snippet, field_name, f"{getattr(snippet, field_name)} (cambiado)")
    snippet.save()

    rows = [row for row in outdated_translations() if row.object == snippet]
    assert len(rows) == 1
    row = rows[0]
    assert row.page is None
    assert row.locales_label == "English"
    assert row.kind_label == str(type(snippet)._meta.verbose_name).capitalize()
    viewset = type(snippet).snippet_viewset
    assert row.edit_url == reverse(viewset.get_url_name("edit"), args=[snippet.pk])
    english = snippet.get_translation(Locale.objects.get(language_code="en"))
    assert row.translation_edit_url == reverse(viewset.get_url_name("edit"), args=[english.pk])
    report = admin_client.get("/admin/reportes/traducciones-desactualizadas/").content.decode()
    assert row.edit_url in report
    assert row.translation_edit_url in report
    assert row.sync_url in report
    assert admin_client.get(row.translation_edit_url).status_code == 200

    source.update_from_db()
    assert snippet not in [row.object for row in outdated_translations()]


def test_an_admin_edit_dates_the_snippet_change(admin_client, home):
    from home.models import Eje

    eje = spanish_snippet("home.Eje")
    edit_url = reverse(Eje.snippet_viewset.get_url_name("edit"), args=[eje.pk])
    TranslationSource.objects.filter(pk=TranslationSource.objects.get_for_instance(eje).pk).update(
        last_updated_at=timezone.now() - timezone.timedelta(hours=1)
    )
    # Published (a saved draft changes nothing visitors read, so nothing to translate yet).
    response = admin_client.post(
        edit_url,
        {"name": eje.name, "summary": "Resumen nuevo del eje.", "sort_order": eje.sort_order, "action-publish": "on"},
    )
    assert response.status_code == 302
    rows = [row for row in outdated_translations() if row.object == eje]
    assert len(rows) == 1
    assert rows[0].source_changed_at is not None
    assert rows[0].source_changed_at > rows[0].synced_at
