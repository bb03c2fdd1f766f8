"""Demo content of the home page: the open-government model from the seed document.

The three axes, their ámbitos and every initiative the seed names, with
statuses that reproduce the seed's counts: Modernización 10 of 10,
Transparencia 6 of 8, Participación Ciudadana 4 of 6. Descriptions are
written for this site; English texts feed the wagtail-localize translations.
"""

from base.demo import translate

from .models import Ambito, Eje, HomePage, Iniciativa

DONE, IN_PROGRESS, PLANNED = "cumplida", "en_curso", "planificada"

HOME = {
    "title": "Gobierno Abierto",
    "lead": "Gobernar con sentido público: una nueva forma de gestionar los asuntos públicos.",
    "introduction": (
        "<p>El modelo de Gobierno Abierto del Gobierno de Santiago ordena su trabajo en tres ejes: "
        "modernizar la gestión, transparentar la información y abrir espacios de participación. "
        "Aquí puede revisar cada iniciativa, su estado y lo que se ha logrado.</p>"
    ),
    "quote": (
        "Aquel que proporciona información sobre lo que está haciendo, sobre sus planes de actuación, "
        "sus fuentes de datos y sobre lo que puede ser considerado responsable frente a la sociedad."
    ),
    "quote_source": "Barack Obama, Memorando de transparencia y gobierno abierto",
    "axes_heading": "Ejes del modelo",
}

ENGLISH_QUOTE = (
    "Government should be transparent. Transparency promotes accountability and provides information for citizens "
    "about what their Government is doing."
)

HOME_EN = {
    "Gobierno Abierto": "Open Government",
    HOME["lead"]: "Governing with public purpose: a new way of managing public affairs.",
    (
        "El modelo de Gobierno Abierto del Gobierno de Santiago ordena su trabajo en tres ejes: "
        "modernizar la gestión, transparentar la información y abrir espacios de participación. "
        "Aquí puede revisar cada iniciativa, su estado y lo que se ha logrado."
    ): (
        "The Gobierno de Santiago's open-government model organises its work along three axes: "
        "modernising management, making information transparent and opening spaces for participation. "
        "Here you can review every initiative, its status and what has been achieved."
    ),
    # The memorandum's own words (Barack Obama, 21 January 2009), not a back-translation of the
    # Spanish paraphrase the seed quotes: the passage that paraphrase renders.
    HOME["quote"]: ENGLISH_QUOTE,
    HOME["quote_source"]: "Barack Obama, Memorandum on Transparency and Open Government",
    "Ejes del modelo": "The model's axes",
}

# Each axis: (name, summary, [ámbitos], [initiatives]).
# Ámbito: (name, description). Initiative: (name, description, status, ámbito name, page slug).
AXES = [
    (
        "Modernización",
        "Procesos más simples, personas preparadas y tecnología al servicio de la ciudadanía: "
        "que en lo administrativo lo digital sea la norma y lo presencial, la excepción.",
        [
            (
                "Reingeniería de Procesos",
                "Rediseñar a fondo los procesos para mejorar de manera notable su costo, calidad, servicio y rapidez.",
            ),
            (
                "Capacitación y perfeccionamiento de las personas",
                "Desarrollar capacidades en los equipos y acompañarlos en los cambios, para que la institución "
                "genere valor público.",
            ),
            (
                "Uso y actualización TIC",
                "Combinar tecnologías de la información y de la comunicación para acceder a los datos de forma "
                "eficiente e inmediata, gestionar mejor y servir mejor a la ciudadanía.",
            ),
        ],
        [
            (
                "Sistema de Gestión de Documentos Tributarios Electrónicos (DTE)",
                "Reúne en un solo sistema los documentos tributarios electrónicos de los proveedores, permite "
                "revisarlos en tiempo real y programar su pago para cumplir la ley de pago a 30 días. Se conecta "
                "con la plataforma ACEPTA GORE.",
                DONE,
                "Reingeniería de Procesos",
                "",
            ),
            (
                "Sistema de Rendición Electrónica de Cuentas (SISREC)",
                "Usa la herramienta gratuita de la Contraloría General de la República para que las unidades "
                "técnicas rindan cuentas de las transferencias recibidas con documentos electrónicos.",
                DONE,
                "Reingeniería de Procesos",
                "",
            ),
            (
                "Sistema de Administración y Gestión de Iniciativas de Inversión Regional (SAGIR)",
                "Nueva versión de la plataforma del Fondo Nacional de Desarrollo Regional: muestra la trazabilidad "
                "de cada iniciativa desde su postulación hasta su ejecución y su relación con la Estrategia "
                "Regional de Desarrollo.",
                DONE,
                "Uso y actualización TIC",
                "",
            ),
            (
                "Sistema de Gestión de Abastecimiento (SGA)",
                "Nueva versión de la plataforma de compras de bienes y servicios, que sigue cada compra desde la "
                "solicitud hasta su ejecución y se conecta con el SGD y el DTE.",
                DONE,
                "Reingeniería de Procesos",
                "",
            ),
            (
                "Portal CORE",
                "Nueva versión de la intranet de consejeras y consejeros regionales: una oficina virtual para "
                "guardar datos, comunicarse y ordenar la información de su trabajo.",
                DONE,
                "Uso y actualización TIC",
                "",
            ),
            (
                "Sistema de Gestión Documental (SGD)",
                "Plataforma para elaborar, aprobar, rechazar y tramitar documentos, con avisos por correo electrónico.",
                DONE,
                "Reingeniería de Procesos",
                "",
            ),
            (
                "Nueva intranet",
                "Una intranet co-creada, clara e inclusiva, disponible desde cualquier dispositivo a toda hora, "
                "que ahorra tiempo de búsqueda y gestiona el conocimiento del servicio.",
                DONE,
                "Uso y actualización TIC",
                "",
            ),
            (
                "Creando una cultura de bienestar con sentido de propósito",
                "Trabajo conjunto con Great Place to Work para un ambiente laboral sano y positivo que ponga a las "
                "personas al centro y construya confianza.",
                DONE,
                "Capacitación y perfeccionamiento de las personas",
                "",
            ),
            (
                "Enfrentando el cambio desde las personas",
                "Trabajo conjunto con la consultora Incentivando para formar equipos de alto rendimiento y "
                "gestionar el cambio de forma planificada en toda la organización.",
                DONE,
                "Capacitación y perfeccionamiento de las personas",
                "",
            ),
            (
                "Postulación a la Alianza para el Gobierno Abierto (OGP)",
                "Postulación a la Open Government Partnership, la alianza internacional que promueve compromisos "
                "concretos de transparencia, participación, lucha contra la corrupción y uso de tecnologías.",
                DONE,
                "Reingeniería de Procesos",
                "",
            ),
        ],
    ),
    (
        "Transparencia",
        "Información pública abierta, actualizada y en lenguaje claro, para que cualquier persona pueda "
        "vigilar y exigir cuentas a la gestión.",
        [
            ("Datos Abiertos", "Publicar datos en lenguaje claro para que se usen y reutilicen libremente."),
            (
                "Información Pública",
                "Las actividades y decisiones del gobierno regional están disponibles, abiertas y al día, según "
                "estándares de datos abiertos.",
            ),
            (
                "Rendición de Cuentas",
                "Responder al derecho de las personas a saber y al deber de las autoridades de informar.",
            ),
        ],
        [
            (
                "Ficha Ciudadana 01: Gastos de Funcionamiento",
                "Explica en lenguaje simple cuánto se aprobó y cuánto se gastó para funcionar, subtítulo por "
                "subtítulo.",
                DONE,
                "Rendición de Cuentas",
                "fichas-ciudadanas",
            ),
            (
                "Ficha Ciudadana 02: Inversión Regional",
                "Muestra la composición y la ejecución del presupuesto de inversión regional y quiénes pueden "
                "postular a cada fondo.",
                DONE,
                "Rendición de Cuentas",
                "fichas-ciudadanas",
            ),
            (
                "Canal de Denuncias",
                "Un canal confidencial, alojado fuera de los servidores institucionales, para denunciar conductas "
                "contrarias a la ética.",
                DONE,
                "Información Pública",
                "canal-de-denuncias",
            ),
            (
                "Oficina de Atención Ciudadana Digital",
                "Un espacio para hacer solicitudes, reclamos, sugerencias y felicitaciones, y seguir su respuesta.",
                DONE,
                "Información Pública",
                "oficina-de-atencion-ciudadana",
            ),
            (
                "Actualización de la página web del Gobierno de Santiago",
                "Un sitio más claro, accesible y ordenado, que responde al derecho de las personas a saber.",
                DONE,
                "Información Pública",
                "",
            ),
            (
                "Caracterización del Programa de Gobierno",
                "Cada compromiso del programa del Gobernador, con su avance y la evidencia que lo respalda.",
                DONE,
                "Rendición de Cuentas",
                "programa-de-gobierno",
            ),
            (
                "Datos que pueden aportar a nuestra vida diaria",
                "Publicar como datos abiertos la información regional más útil para la vida cotidiana.",
                IN_PROGRESS,
                "Datos Abiertos",
                "",
            ),
            (
                "Modelo de control del Programa de Gobierno",
                "Seguimiento periódico y público del cumplimiento del programa, para que actores sociales analicen "
                "y critiquen la información.",
                IN_PROGRESS,
                "Rendición de Cuentas",
                "programa-de-gobierno",
            ),
        ],
    ),
    (
        "Participación Ciudadana",
        "Espacios donde la ciudadanía, las organizaciones y las instituciones aportan ideas y co-crean "
        "soluciones a los problemas públicos de la región.",
        [
            (
                "Datos Abiertos",
                "Datos disponibles para todas las personas, sin restricciones, para favorecer la transparencia, "
                "la participación y la colaboración.",
            ),
            (
                "Inteligencia Colectiva",
                "Canalizar ideas, propuestas y sugerencias hacia el gobierno regional para resolver problemas "
                "públicos.",
            ),
            (
                "Colaboración",
                "Crear espacios que involucren a la ciudadanía y agreguen valor a la gestión pública.",
            ),
        ],
        [
            (
                "Consejos Asesores",
                "Diez consejos de personas expertas que diagnostican y proponen mejoras en temas clave para la región.",
                DONE,
                "Inteligencia Colectiva",
                "participacion",
            ),
            (
                "Mesas Temáticas",
                "Dieciocho mesas de trabajo donde actores sociales y autoridades deliberan sobre un tema concreto.",
                DONE,
                "Colaboración",
                "participacion",
            ),
            (
                "Alianzas Público-Privadas",
                "Acuerdos con instituciones públicas y privadas para abordar desafíos comunes.",
                DONE,
                "Colaboración",
                "participacion",
            ),
            (
                "Consejo Regional de la Sociedad Civil",
                "Órgano que canaliza la participación de la sociedad civil y sigue las acciones del gobierno regional.",
                DONE,
                "Colaboración",
                "participacion",
            ),
            (
                "Alianzas Internacionales",
                "Redes internacionales de ciudades y organizaciones sobre clima, agua, resiliencia y calor extremo.",
                IN_PROGRESS,
                "Colaboración",
                "participacion",
            ),
            (
                "Redes Municipales",
                "Redes de trabajo con los municipios de la región en doce temas de gestión local.",
                IN_PROGRESS,
                "Inteligencia Colectiva",
                "participacion",
            ),
        ],
    ),
]

AXES_EN = {
    "Modernización": "Modernisation",
    "Transparencia": "Transparency",
    "Participación Ciudadana": "Citizen Participation",
    AXES[0][1]: "Simpler processes, prepared people and technology at the service of citizens: digital as the norm "
    "and in-person as the exception in administration.",
    AXES[1][1]: "Public information that is open, up to date and in plain language, so that anyone can scrutinise "
    "management and hold it to account.",
    AXES[2][1]: "Spaces where citizens, organisations and institutions contribute ideas and co-create solutions to "
    "the region's public problems.",
    "Reingeniería de Procesos": "Process Re-engineering",
    "Capacitación y perfeccionamiento de las personas": "Staff Training and Development",
    "Uso y actualización TIC": "ICT Use and Upgrading",
    "Datos Abiertos": "Open Data",
    "Información Pública": "Public Information",
    "Rendición de Cuentas": "Accountability",
    "Inteligencia Colectiva": "Collective Intelligence",
    "Colaboración": "Collaboration",
    AXES[0][2][0][1]: "Redesign processes in depth to markedly improve their cost, quality, service and speed.",
    AXES[0][2][1][1]: "Build skills in the teams and support them through change, so that the institution creates "
    "public value.",
    AXES[0][2][2][1]: "Combine information and communication technologies to access data efficiently and "
    "immediately, manage better and serve citizens better.",
    AXES[1][2][0][1]: "Publish data in plain language so that it can be freely used and reused.",
    AXES[1][2][1][1]: "The regional government's activities and decisions are available, open and up to date, "
    "following open-data standards.",
    AXES[1][2][2][1]: "Meet people's right to know and the authorities' duty to inform.",
    AXES[2][2][0][1]: "Data available to everyone, without restrictions, to foster transparency, participation and "
    "collaboration.",
    AXES[2][2][1][1]: "Channel ideas, proposals and suggestions to the regional government to solve public problems.",
    AXES[2][2][2][1]: "Create spaces that involve citizens and add value to public management.",
}

INITIATIVES_EN = [
    # Modernización
    (
        "Electronic Tax Documents Management System (DTE)",
        "Brings suppliers' electronic tax documents into one system, lets them be reviewed in real time and schedules "
        "their payment to meet the 30-day payment law. It connects with the ACEPTA GORE platform.",
    ),
    (
        "Electronic Accountability System (SISREC)",
        "Uses the free tool of the Comptroller General of the Republic so that technical units account for the "
        "transfers they receive with electronic documents.",
    ),
    (
        "Regional Investment Initiatives Management System (SAGIR)",
        "New version of the National Regional Development Fund platform: it traces each initiative from application "
        "to execution and its link with the Regional Development Strategy.",
    ),
    (
        "Procurement Management System (SGA)",
        "New version of the goods and services procurement platform, which follows each purchase from request to "
        "execution and connects with the SGD and the DTE.",
    ),
    (
        "CORE Portal",
        "New version of the regional councillors' intranet: a virtual office to store data, communicate and organise "
        "the information of their work.",
    ),
    (
        "Document Management System (SGD)",
        "Platform to draft, approve, reject and process documents, with e-mail notifications.",
    ),
    (
        "New intranet",
        "A co-created, clear and inclusive intranet, available from any device at any time, that saves search time "
        "and manages the service's knowledge.",
    ),
    (
        "Building a culture of well-being with a sense of purpose",
        "Joint work with Great Place to Work for a healthy, positive workplace that puts people at the centre and "
        "builds trust.",
    ),
    (
        "Managing change through people",
        "Joint work with the consultancy Incentivando to build high-performance teams and manage change in a planned "
        "way across the organisation.",
    ),
    (
        "Application to the Open Government Partnership (OGP)",
        "Application to the Open Government Partnership, the international alliance that promotes concrete "
        "commitments on transparency, participation, the fight against corruption and the use of technology.",
    ),
    # Transparencia
    (
        "Citizen Budget Sheet 01: Operating Expenses",
        "Explains in plain language how much was approved and how much was spent on running the institution, line by "
        "line of the budget.",
    ),
    (
        "Citizen Budget Sheet 02: Regional Investment",
        "Shows the composition and execution of the regional investment budget and who may apply to each fund.",
    ),
    (
        "Whistleblowing Channel",
        "A confidential channel, hosted outside the institution's servers, to report conduct contrary to ethics.",
    ),
    (
        "Digital Citizen Service Office",
        "A place to send requests, complaints, suggestions and compliments, and to follow up on the answers.",
    ),
    (
        "Update of the Gobierno de Santiago website",
        "A clearer, more accessible and better organised website that responds to people's right to know.",
    ),
    (
        "Profile of the Government Programme",
        "Every commitment of the Governor's programme, with its progress and the evidence behind it.",
    ),
    (
        "Data for everyday life",
        "Publish as open data the regional information that is most useful in people's daily lives.",
    ),
    (
        "Government Programme control model",
        "Regular, public monitoring of how the programme is being delivered, so that civil society can analyse and "
        "scrutinise the information.",
    ),
    # Participación
    (
        "Advisory Councils",
        "Ten councils of experts who diagnose and propose improvements on key issues for the region.",
    ),
    (
        "Thematic Round Tables",
        "Eighteen round tables where civil-society organisations and authorities deliberate on a specific issue.",
    ),
    ("Public-Private Alliances", "Agreements with public and private institutions to tackle common challenges."),
    (
        "Regional Civil Society Council",
        "A body that channels civil society's participation and follows the regional government's actions.",
    ),
    (
        "International Alliances",
        "International networks of cities and organisations on climate, water, resilience and extreme heat.",
    ),
    ("Municipal Networks", "Working networks with the region's municipalities on twelve local-management topics."),
]


def english_mapping():
    """Spanish string -> English string for every text of the home page and the model."""
    mapping = dict(HOME_EN)
    mapping.update(AXES_EN)
    spanish = [initiative for axis in AXES for initiative in axis[3]]
    for (name, description, *_), (name_en, description_en) in zip(spanish, INITIATIVES_EN, strict=True):
        mapping[name] = name_en
        mapping[description] = description_en
    return mapping


def load_home(root, locale):
    """Create the Spanish home page under ``root`` (once) and return it."""
    home = HomePage.objects.filter(locale=locale).first()
    if home is not None:
        return home
    home = HomePage(slug="inicio", locale=locale, **HOME)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def load_model(home):
    """Create the axes, ámbitos and initiatives in Spanish (once each)."""
    locale = home.locale
    for axis_order, (axis_name, summary, ambitos, initiatives) in enumerate(AXES):
        eje, _ = Eje.objects.get_or_create(
            locale=locale, name=axis_name, defaults={"summary": summary, "sort_order": axis_order}
        )
        by_name = {}
        for order, (name, description) in enumerate(ambitos):
            by_name[name], _ = Ambito.objects.get_or_create(
                locale=locale, eje=eje, name=name, defaults={"description": description, "sort_order": order}
            )
        for order, (name, description, status, ambito_name, _slug) in enumerate(initiatives):
            Iniciativa.objects.get_or_create(
                locale=locale,
                eje=eje,
                name=name,
                defaults={
                    "ambito": by_name[ambito_name],
                    "description": f"<p>{description}</p>",
                    "status": status,
                    "sort_order": order,
                },
            )


def load(home):
    """The English home page, then the open-government model in Spanish (before the areas link to it)."""
    translate(home, english_mapping())
    load_model(home)


def finish(home):
    """Once every section exists: link the initiatives to their pages and translate the model."""
    link_initiatives(home)
    translate_model(home)


def link_initiatives(home):
    """Point each initiative to the page that carries it out, once those pages exist."""
    slugs = {name: slug for axis in AXES for (name, _d, _s, _a, slug) in axis[3] if slug}
    for initiative in Iniciativa.objects.filter(locale=home.locale, page__isnull=True, name__in=list(slugs)):
        page = home.get_descendants().filter(slug=slugs[initiative.name]).first()
        if page is not None:
            initiative.page = page
            initiative.save(update_fields=["page"])


def translate_model(home):
    """English versions of the home page, axes, ámbitos and initiatives (in dependency order)."""
    mapping = english_mapping()
    translate(home, mapping)
    for model in (Eje, Ambito, Iniciativa):
        for obj in model.objects.filter(locale=home.locale):
            translate(obj, mapping)
