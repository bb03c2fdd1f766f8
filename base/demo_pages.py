"""Demo content owned by the base app: the accessibility statement.

Runs after the area apps (see ``load_demo_content``), so it can link to the
contact page, and it sets the statement as the footer link in site settings.
"""

from wagtail.models import Site

from base.demo import get_or_create_page, translate
from base.models import SiteSettings, StandardPage

SLUG = "declaracion-de-accesibilidad"

INTRO = (
    "El Gobierno de Santiago se compromete a que este sitio pueda ser usado por todas las personas, "
    "incluidas las que usan lectores de pantalla, teclado, ampliación o subtítulos."
)

SECTIONS = [
    (
        "Nivel de conformidad",
        [
            "Este sitio busca cumplir el nivel AA de las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2 "
            "del W3C.",
            "Cada cambio se revisa de forma automática en un navegador real con axe-core, en español y en inglés, "
            "en pantallas de teléfono y de escritorio, y con recorridos hechos solo con el teclado.",
        ],
    ),
    (
        "Limitaciones conocidas",
        [
            "Algunos documentos PDF antiguos publicados por terceros pueden no estar etiquetados para lectores de "
            "pantalla. Si necesita uno en otro formato, pídalo y se lo enviaremos.",
            "Los gráficos presupuestarios tienen una tabla equivalente; si algún gráfico no se entiende sin verlo, "
            "avísenos.",
        ],
    ),
    (
        "Cómo informar una barrera",
        [
            "Si encuentra una barrera de accesibilidad, escríbanos desde el formulario de Atención Ciudadana "
            "indicando la página y el problema. Respondemos dentro de los plazos de atención ciudadana.",
        ],
    ),
]

ENGLISH = {
    "Declaración de accesibilidad": "Accessibility statement",
    INTRO: "The Gobierno de Santiago is committed to making this website usable by everyone, including people "
    "who use screen readers, keyboards, magnification or captions.",
    "Nivel de conformidad": "Conformance level",
    SECTIONS[0][1][0]: "This website aims to meet level AA of the W3C Web Content Accessibility Guidelines (WCAG) 2.2.",
    SECTIONS[0][1][1]: "Every change is checked automatically in a real browser with axe-core, in Spanish and "
    "English, on phone and desktop screens, and with keyboard-only journeys.",
    "Limitaciones conocidas": "Known limitations",
    SECTIONS[1][1][0]: "Some older PDF documents published by third parties may not be tagged for screen "
    "readers. If you need one in another format, ask us and we will send it.",
    SECTIONS[1][1][1]: "Budget charts come with an equivalent table; if a chart cannot be understood without "
    "seeing it, let us know.",
    "Cómo informar una barrera": "How to report a barrier",
    SECTIONS[2][1][0]: "If you find an accessibility barrier, write to us through the Citizen Service form "
    "stating the page and the problem. We answer within the citizen-service deadlines.",
    "Escribir a Atención Ciudadana": "Write to Citizen Service",
    "Informar una barrera de accesibilidad": "Report an accessibility barrier",
    "Ir al formulario": "Go to the form",
}


def body(home):
    """The statement's StreamField content; links to the contact page when it exists."""
    blocks = []
    for heading, paragraphs in SECTIONS:
        blocks.append(("heading", {"text": heading, "level": "h2"}))
        for paragraph in paragraphs:
            blocks.append(("paragraph", f"<p>{paragraph}</p>"))
    contact = home.get_children().filter(slug="oficina-de-atencion-ciudadana").first()
    if contact is not None:
        blocks.append(
            (
                "call_to_action",
                {
                    "title": "Informar una barrera de accesibilidad",
                    "text": "Escribir a Atención Ciudadana",
                    "page": contact,
                    "button_label": "Ir al formulario",
                },
            )
        )
    return blocks


def load(home):
    """Create the accessibility statement (once), link it from the footer and translate it."""
    page = get_or_create_page(
        home, StandardPage, SLUG, title="Declaración de accesibilidad", introduction=INTRO, body=body(home)
    )
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = page
        site_settings.save(update_fields=["accessibility_page"])
    translate(page, ENGLISH)
