"""Demo content owned by the base app: the accessibility statement and the privacy policy.

Runs after the area apps (see ``load_demo_content``), so it can link to the
contact page, and it sets the footer's links in site settings (the statement,
the privacy policy, the contact office and the public portals). The texts are in
``demo/content.toml``; this module only builds the pages.
"""

from wagtail.models import Site

from base.demo import english_mapping, get_or_create_page, load_content, spanish, translate
from base.models import SiteSettings, StandardPage

CONTENT = load_content(__file__)
STATEMENT = CONTENT["accessibility_statement"]
PRIVACY = CONTENT["privacy_policy"]
SLUG = STATEMENT["slug"]
PRIVACY_SLUG = PRIVACY["slug"]
ENGLISH = english_mapping(STATEMENT)
PRIVACY_ENGLISH = english_mapping(PRIVACY)
PORTALS = CONTENT["portals"]


def text_body(sections):
    """StreamField content for sections of a heading and paragraphs."""
    blocks = []
    for section in spanish(sections):
        blocks.append(("heading", {"text": section["heading"], "level": "h2"}))
        for paragraph in section["paragraphs"]:
            blocks.append(("paragraph", f"<p>{paragraph}</p>"))
    return blocks


def body(home):
    """The statement's StreamField content; links to the contact page when it exists."""
    blocks = text_body(STATEMENT["sections"])
    action = spanish(STATEMENT["call_to_action"])
    contact = home.get_children().filter(slug=action["page"]).first()
    if contact is not None:
        blocks.append(
            (
                "call_to_action",
                {**action, "page": contact},
            )
        )
    return blocks


def link_footer(site_settings, home, privacy_page):
    """Fill in the footer's institutional links that are still empty (an editor's choice is kept)."""
    changed = []
    for field, url in PORTALS.items():
        if not getattr(site_settings, field):
            setattr(site_settings, field, url)
            changed.append(field)
    if site_settings.privacy_page_id is None:
        site_settings.privacy_page = privacy_page
        changed.append("privacy_page")
    contact = home.get_children().filter(slug="oficina-de-atencion-ciudadana").first()
    if site_settings.attention_page_id is None and contact is not None:
        site_settings.attention_page = contact
        changed.append("attention_page")
    if changed:
        site_settings.save(update_fields=changed)


def load(home):
    """Create the accessibility statement and the privacy policy (once), link them from the footer, translate them."""
    page = get_or_create_page(
        home,
        StandardPage,
        SLUG,
        title=spanish(STATEMENT["title"]),
        introduction=spanish(STATEMENT["introduction"]),
        body=body(home),
    )
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = page
        site_settings.save(update_fields=["accessibility_page"])
    translate(page, ENGLISH)
    privacy = get_or_create_page(
        home,
        StandardPage,
        PRIVACY_SLUG,
        title=spanish(PRIVACY["title"]),
        introduction=spanish(PRIVACY["introduction"]),
        body=text_body(PRIVACY["sections"]),
    )
    link_footer(site_settings, home, privacy)
    translate(privacy, PRIVACY_ENGLISH)
