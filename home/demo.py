"""Demo content of the home page: the open-government model from the seed document.

The three axes, their ámbitos and every initiative the seed names, with
statuses that reproduce the seed's counts: Modernización 10 of 10,
Transparencia 6 of 8, Participación Ciudadana 4 of 6. Descriptions are
written for this site; English texts feed the wagtail-localize translations.
The texts are in ``demo/content.toml``; this module only builds the objects.
"""

from base.demo import english_mapping as collect_english
from base.demo import load_content, spanish, translate

from .models import Ambito, Eje, HomePage, Iniciativa

CONTENT = load_content(__file__)
HOME_SLUG = CONTENT["home"]["slug"]
# The home page's fields in Spanish.
HOME = {
    **{field: spanish(value) for field, value in CONTENT["home"].items() if field != "slug"},
    "introduction": f"<p>{spanish(CONTENT['home']['introduction'])}</p>",
}
ENGLISH_QUOTE = CONTENT["home"]["quote"]["en"]
TASKS = spanish(CONTENT["tasks"])
AXES = spanish(CONTENT["axes"])


def english_mapping():
    """Spanish string -> English string for every text of the home page and the model."""
    return collect_english(CONTENT)


def load_home(root, locale):
    """Create the Spanish home page under ``root`` (once) and return it."""
    home = HomePage.objects.filter(locale=locale).first()
    if home is not None:
        return home
    home = HomePage(slug=HOME_SLUG, locale=locale, **HOME)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def load_model(home):
    """Create the axes, ámbitos and initiatives in Spanish (once each)."""
    locale = home.locale
    for axis_order, axis in enumerate(AXES):
        eje, _ = Eje.objects.get_or_create(
            locale=locale, name=axis["name"], defaults={"summary": axis["summary"], "sort_order": axis_order}
        )
        by_name = {}
        for order, ambito in enumerate(axis["ambitos"]):
            by_name[ambito["name"]], _ = Ambito.objects.get_or_create(
                locale=locale,
                eje=eje,
                name=ambito["name"],
                defaults={"description": ambito["description"], "sort_order": order},
            )
        for order, initiative in enumerate(axis["initiatives"]):
            Iniciativa.objects.get_or_create(
                locale=locale,
                eje=eje,
                name=initiative["name"],
                defaults={
                    "ambito": by_name[initiative["ambito"]],
                    "description": f"<p>{initiative['description']}</p>",
                    "status": initiative["status"],
                    "sort_order": order,
                },
            )


def load(home):
    """The English home page, then the open-government model in Spanish (before the areas link to it)."""
    translate(home, english_mapping())
    load_model(home)


def finish(home):
    """Once every section exists: link the initiatives to their pages, add the task entries, translate."""
    link_initiatives(home)
    add_tasks(home)
    translate_model(home)


def link_initiatives(home):
    """Point each initiative to the page that carries it out, once those pages exist."""
    slugs = {
        initiative["name"]: initiative["page"]
        for axis in AXES
        for initiative in axis["initiatives"]
        if initiative.get("page")
    }
    for initiative in Iniciativa.objects.filter(locale=home.locale, page__isnull=True, name__in=list(slugs)):
        page = home.get_descendants().filter(slug=slugs[initiative.name]).first()
        if page is not None:
            initiative.page = page
            initiative.save(update_fields=["page"])


def add_tasks(home):
    """Give the home page its task entries (once), linking the pages the tasks are done on."""
    if home.tasks:
        return
    pages = {page.slug: page for page in home.get_descendants().filter(slug__in=[task["page"] for task in TASKS])}
    home.tasks = [
        ("task", {"heading": task["heading"], "text": task["text"], "page": pages[task["page"]]})
        for task in TASKS
        if task["page"] in pages
    ]
    home.save_revision().publish()


def translate_model(home):
    """English versions of the home page, axes, ámbitos and initiatives (in dependency order)."""
    mapping = english_mapping()
    # update: an English home made before the task entries existed gets their English words too.
    translate(home, mapping, update=True)
    for model in (Eje, Ambito, Iniciativa):
        for obj in model.objects.filter(locale=home.locale):
            translate(obj, mapping)
