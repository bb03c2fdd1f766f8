"""Demo content owned by the base app: the accessibility statement and the privacy policy.

Runs after the area apps (see ``load_demo_content``), so it can link to the
contact page, and it sets the footer's links in site settings (the statement,
the privacy policy, the contact office and the public portals).
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


PRIVACY_SLUG = "politica-de-privacidad"
PRIVACY_INTRO = (
    "Cómo trata este sitio los datos personales de quienes lo visitan y de quienes escriben a la "
    "Oficina de Atención Ciudadana."
)
PRIVACY_SECTIONS = [
    (
        "Datos que pedimos",
        [
            "Solo el formulario de Atención Ciudadana pide datos personales: nombre, correo electrónico, "
            "comuna y, si usted quiere, teléfono, además del mensaje y sus adjuntos. Los usamos únicamente "
            "para responder y dar seguimiento a su solicitud, y no los cedemos a terceros salvo cuando "
            "derivamos la solicitud a la institución competente, lo que le informamos.",
        ],
    ),
    (
        "Sin cookies de seguimiento",
        [
            "Este sitio no usa cookies de publicidad ni de analítica. Solo usa las cookies técnicas "
            "necesarias para enviar formularios de forma segura; si el formulario de contacto pide la "
            "verificación reCAPTCHA de Google contra el envío automático, esta se carga solo en esa página.",
        ],
    ),
    (
        "Sus derechos",
        [
            "Tratamos los datos conforme a la Ley 19.628 sobre protección de la vida privada y a la "
            "Ley 21.719, que la moderniza. Puede pedir acceso, rectificación o eliminación de sus datos "
            "escribiendo a la Oficina de Atención Ciudadana.",
        ],
    ),
]
PRIVACY_ENGLISH = {
    "Política de privacidad": "Privacy policy",
    PRIVACY_INTRO: "How this website treats the personal data of its visitors and of those who write to the "
    "Citizen Service Office.",
    "Datos que pedimos": "Data we ask for",
    PRIVACY_SECTIONS[0][1][0]: "Only the Citizen Service form asks for personal data: name, e-mail address, "
    "commune and, if you wish, telephone, plus the message and its attachments. We use them only to answer and "
    "follow up your request, and we do not pass them on to third parties except when we forward the request to "
    "the competent institution, which we tell you about.",
    "Sin cookies de seguimiento": "No tracking cookies",
    PRIVACY_SECTIONS[1][1][0]: "This website uses no advertising or analytics cookies. It only uses the technical "
    "cookies needed to send forms securely; if the contact form asks for Google's reCAPTCHA check against "
    "automated sending, it is loaded on that page only.",
    "Sus derechos": "Your rights",
    PRIVACY_SECTIONS[2][1][0]: "We treat personal data under Law 19.628 on the protection of private life and "
    "Law 21.719, which updates it. You may ask to access, correct or delete your data by writing to the "
    "Citizen Service Office.",
}

# The public portals every Chilean public body links: Transparencia Activa and access-to-information
# requests (Ley 20.285) on the Consejo para la Transparencia's portal, lobby hearings (Ley 20.730).
PORTALS = {
    "transparency_url": "https://www.portaltransparencia.cl/PortalPdT/",
    "access_request_url": "https://www.portaltransparencia.cl/",
    "lobby_url": "https://www.leylobby.gob.cl/",
}


def text_body(sections):
    """StreamField content for sections of (heading, paragraphs)."""
    blocks = []
    for heading, paragraphs in sections:
        blocks.append(("heading", {"text": heading, "level": "h2"}))
        for paragraph in paragraphs:
            blocks.append(("paragraph", f"<p>{paragraph}</p>"))
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
        home, StandardPage, SLUG, title="Declaración de accesibilidad", introduction=INTRO, body=body(home)
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
        title="Política de privacidad",
        introduction=PRIVACY_INTRO,
        body=text_body(PRIVACY_SECTIONS),
    )
    link_footer(site_settings, home, privacy)
    translate(privacy, PRIVACY_ENGLISH)
