"""Demo content of the contacto area: the citizen attention office and the ethics channel's page.

Texts are written for this site from the seed's description of the Oficina de
Atención Ciudadana (its five ámbitos de acción) and of the Canal de Denuncias.
Idempotent: pages are get-or-create, translations are made once. The texts are in
``demo/content.toml``; this module only builds the pages.
"""

from wagtail.models import Site

from base.demo import english_mapping, get_or_create_page, load_content, rich_text, spanish, translate

from .models import CanalDenunciasPage, ContactoPage, RoutingSettings

CONTENT = load_content(__file__)
OFFICE = CONTENT["office"]
CHANNEL = CONTENT["channel"]
ENGLISH = english_mapping(CONTENT)
DEMO_ROUTING = CONTENT["routing"]


def load(home):
    """Create the office page and the ethics channel's page under ``home`` (Spanish), then their English versions."""
    office = get_or_create_page(
        home,
        ContactoPage,
        OFFICE["slug"],
        title=spanish(OFFICE["title"]),
        show_in_menus=True,
        introduction=rich_text(OFFICE["introduction"]),
        privacy_notice=rich_text(OFFICE["privacy_notice"]),
        confirmation_text=spanish(OFFICE["confirmation_text"]),
    )
    channel = get_or_create_page(
        office,
        CanalDenunciasPage,
        CHANNEL["slug"],
        title=spanish(CHANNEL["title"]),
        introduction=rich_text(CHANNEL["introduction"]),
        what_to_report=rich_text(CHANNEL["what_to_report"]),
        confidentiality=rich_text(CHANNEL["confidentiality"]),
        protections=rich_text(CHANNEL["protections"]),
        deadlines=rich_text(CHANNEL["deadlines"]),
        channel_link_text=spanish(CHANNEL["channel_link_text"]),
    )
    translate(office, ENGLISH)
    translate(channel, ENGLISH)
    site = Site.objects.filter(root_page=home).first()
    if site is not None:
        routing = RoutingSettings.for_site(site)
        if not any(getattr(routing, field) for field in DEMO_ROUTING):
            for field, value in DEMO_ROUTING.items():
                setattr(routing, field, value)
            routing.save()
