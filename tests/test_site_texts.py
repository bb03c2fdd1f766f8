"""Header and footer texts in the visitor's language: ``SiteTexts``, translated through wagtail-localize.

``SiteSettings`` keeps what is the same in every language and points at the Spanish
``SiteTexts``; the English row is its translation, synchronised from Spanish.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from base.management.commands.load_demo_content import SITE_TEXTS, SITE_TEXTS_ENGLISH
from base.models import SiteSettings, SiteTexts
from search.translation_status import outdated_translations

pytestmark = pytest.mark.django_db

NEW_HOURS = "Lunes a jueves, de 9:00 a 13:00 horas"
NEW_HOURS_ENGLISH = "Monday to Thursday, 9:00 to 13:00"
HOURS_ENGLISH = SITE_TEXTS_ENGLISH[SITE_TEXTS["office_hours"]]  # the demo's translation


@pytest.fixture
def texts(home):
    """The Spanish site texts the demo site's settings point at."""
    return SiteSettings.for_site(home.get_site()).texts


@pytest.fixture
def approver_client(client, django_user_model):
    """A client signed in as a member of "Aprobadores" (who edit settings and synchronise translations)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("aprobadora", "aprobadora@example.org", "x")
    user.groups.add(Group.objects.get(name="Aprobadores"))
    client.force_login(user)
    return client


def english(text):
    return SITE_TEXTS_ENGLISH.get(text, text)


def test_the_demo_has_spanish_texts_and_their_english_translation(texts):
    assert texts.locale == Locale.get_default()
    assert texts.office_hours == SITE_TEXTS["office_hours"]
    translated = texts.get_translation(Locale.objects.get(language_code="en"))
    assert translated.office_hours == HOURS_ENGLISH != texts.office_hours
    assert TranslationSource.objects.get_for_instance(texts).translations.filter(enabled=True).count() == 1


def test_the_english_home_shows_the_english_texts(client, home_en):
    html = client.get("/en/").content.decode()
    for field in ("tagline", "address", "office_hours"):
        assert english(SITE_TEXTS[field]) in html, field
        assert SITE_TEXTS[field] not in html, field
    assert "· Gobierno de Santiago</title>" in html
    assert 'href="/en/declaracion-de-accesibilidad/"' in html


def test_the_spanish_home_shows_the_spanish_texts(client, home):
    html = client.get("/").content.decode()
    for field in ("tagline", "address", "office_hours"):
        assert SITE_TEXTS[field] in html, field
    assert HOURS_ENGLISH not in html
    assert 'href="/declaracion-de-accesibilidad/"' in html


def test_a_spanish_change_reaches_english_after_sync_and_translation(client, approver_client, texts):
    english_locale = Locale.objects.get(language_code="en")
    texts.office_hours = NEW_HOURS
    texts.save()
    assert NEW_HOURS in client.get("/").content.decode()
    assert HOURS_ENGLISH in client.get("/en/").content.decode()  # not synced yet
    assert texts.pk in [row.object.pk for row in outdated_translations() if isinstance(row.object, SiteTexts)]

    # "Sincronizar traducciones", as an approver does it from the report.
    source = TranslationSource.objects.get_for_instance(texts)
    response = approver_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] != "/admin/"  # not turned away for lack of permission
    approver_client.logout()
    assert not [row for row in outdated_translations() if isinstance(row.object, SiteTexts)]
    # Until the new sentence is translated, English keeps its English texts (never the Spanish one).
    english_html = client.get("/en/").content.decode()
    assert NEW_HOURS not in english_html
    assert HOURS_ENGLISH in english_html
    assert english(SITE_TEXTS["address"]) in english_html

    # The translator enters the English sentence in the translation editor.
    source.refresh_from_db()
    segment = source.stringsegment_set.get(string__data=NEW_HOURS)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=english_locale, context=segment.context, data=NEW_HOURS_ENGLISH
    )
    Translation.objects.get(source=source, target_locale=english_locale).save_target(publish=True)
    english_html = client.get("/en/").content.decode()
    assert NEW_HOURS_ENGLISH in english_html
    assert NEW_HOURS not in english_html
    assert texts.get_translation(english_locale).office_hours == NEW_HOURS_ENGLISH


def test_changing_the_texts_purges_the_page_cache(client, page_cache, texts):
    english_locale = Locale.objects.get(language_code="en")
    for url in ("/", "/en/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    texts.tagline = "Gobierno Regional de Santiago"
    texts.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Gobierno Regional de Santiago" in response.content.decode()

    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    translated = texts.get_translation(english_locale)
    translated.tagline = "Santiago Regional Government"
    translated.save()  # what saving a translation in the editor does
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Santiago Regional Government" in response.content.decode()


def test_without_texts_the_layout_falls_back(client, home, texts):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.texts = None
    site_settings.save()
    assert SITE_TEXTS["address"] in client.get("/").content.decode()  # the Spanish row, found by locale
    SiteTexts.objects.all().delete()
    html = client.get("/").content.decode()
    assert "Gobierno de Santiago" in html
    assert "Región Metropolitana de Santiago" in html  # the model's default tagline


def test_only_approvers_edit_the_site_texts():
    from django.contrib.auth.models import Group

    editors = set(Group.objects.get(name="Comunicaciones").permissions.values_list("codename", flat=True))
    approvers = set(Group.objects.get(name="Aprobadores").permissions.values_list("codename", flat=True))
    assert "change_sitetexts" not in editors
    assert {"add_sitetexts", "change_sitetexts", "change_sitesettings", "submit_translation"} <= approvers


def test_the_site_texts_are_edited_and_translated_in_the_admin(admin_client, home, texts):
    english_texts = texts.get_translation(Locale.objects.get(language_code="en"))
    listing = admin_client.get(reverse(SiteTexts.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    edit = admin_client.get(reverse(SiteTexts.snippet_viewset.get_url_name("edit"), args=[texts.pk]))
    assert edit.status_code == 200
    assert SITE_TEXTS["office_hours"] in edit.content.decode()
    # The English row opens wagtail-localize's translation editor.
    translation = admin_client.get(reverse(SiteTexts.snippet_viewset.get_url_name("edit"), args=[english_texts.pk]))
    assert translation.status_code == 200
    assert HOURS_ENGLISH in translation.content.decode()
    settings_page = admin_client.get(reverse("wagtailsettings:edit", args=["base", "sitesettings", home.get_site().pk]))
    assert settings_page.status_code == 200
    assert "textos del encabezado y el pie" in settings_page.content.decode().lower()
