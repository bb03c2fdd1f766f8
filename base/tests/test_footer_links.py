"""The footer links what a Chilean public body's site is expected to link, in both languages.

Transparencia Activa, access-to-information requests (Ley 20.285), the lobby register
(Ley 20.730), the citizen attention office, the privacy policy and the accessibility
statement: portals' addresses and pages chosen in ``SiteSettings``, labels translated.
"""

import pytest
from bs4 import BeautifulSoup

from base.demo_pages import PORTALS
from base.models import SiteSettings

pytestmark = pytest.mark.django_db

SPANISH_LABELS = {
    "Transparencia Activa": PORTALS["transparency_url"],
    "Solicitud de acceso a la información (Ley 20.285)": PORTALS["access_request_url"],
    "Ley del Lobby (Ley 20.730)": PORTALS["lobby_url"],
    "Atención Ciudadana": "/oficina-de-atencion-ciudadana/",
    "Política de privacidad": "/politica-de-privacidad/",
    "Declaración de accesibilidad": "/declaracion-de-accesibilidad/",
}
ENGLISH_LABELS = {
    "Active Transparency": PORTALS["transparency_url"],
    "Request for access to information (Law 20.285)": PORTALS["access_request_url"],
    "Lobby Law (Law 20.730)": PORTALS["lobby_url"],
    "Citizen Services": "/en/oficina-de-atencion-ciudadana/",
    "Privacy policy": "/en/politica-de-privacidad/",
    "Accessibility statement": "/en/declaracion-de-accesibilidad/",
}


def footer_links(client, path):
    """The footer's links as {text: href}."""
    response = client.get(path)
    assert response.status_code == 200
    footer = BeautifulSoup(response.content, "html.parser").find("footer", class_="site-footer")
    return {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}


def test_the_spanish_footer_links_the_portals_and_institutional_pages(client, home):
    links = footer_links(client, "/")
    for label, href in SPANISH_LABELS.items():
        assert links.get(label) == href, label


def test_the_english_footer_links_them_with_english_labels_and_english_pages(client, home_en):
    links = footer_links(client, "/en/")
    for label, href in ENGLISH_LABELS.items():
        assert links.get(label) == href, label


def test_the_demo_privacy_policy_is_published_in_both_languages(client, home):
    spanish = client.get("/politica-de-privacidad/").content.decode()
    assert "Ley 19.628" in spanish and "Ley 21.719" in spanish and "cookies" in spanish
    english = client.get("/en/politica-de-privacidad/").content.decode()
    assert "Law 19.628" in english and "Ley 19.628" not in english


def test_an_unpublished_privacy_page_is_not_linked_in_either_language(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    privacy = site_settings.privacy_page
    for page in [privacy, *privacy.get_translations()]:
        page.unpublish()
    assert "/politica-de-privacidad/" not in str(footer_links(client, "/"))
    assert "/politica-de-privacidad/" not in str(footer_links(client, "/en/"))


def test_an_unpublished_english_page_falls_back_to_the_live_spanish_one(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.attention_page.specific.get_translations().get().unpublish()
    links = footer_links(client, "/en/")
    assert links.get("Citizen Services") == "/oficina-de-atencion-ciudadana/"


def test_an_unpublished_accessibility_statement_is_not_linked(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.accessibility_page.unpublish()
    assert "Declaración de accesibilidad" not in footer_links(client, "/")


def test_an_empty_portal_address_leaves_its_link_out(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.lobby_url = ""
    site_settings.save()
    links = footer_links(client, "/")
    assert "Ley del Lobby (Ley 20.730)" not in links
    assert links.get("Transparencia Activa") == PORTALS["transparency_url"]
