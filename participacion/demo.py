"""Demo content of the participation section: every body the seed document lists, in its order.

Ten advisory councils, eighteen thematic round tables, eight public-private
alliances, seven international alliances, twelve municipal networks and the
regional civil-society council with its composition, objective and its three
2023 sessions. Names are the seed's; summaries are written for this site.

The seed gives only the year of the council's sessions, not their days: the
dates below are illustrative placeholders for the demo and should be replaced
by the real ones. Idempotent: existing pages are left untouched.
"""

from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from modelsearch.index import insert_or_update_object
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import (
    connect_reference_index_signal_handlers_for_model,
    disconnect_reference_index_signal_handlers_for_model,
)

from base.demo import get_or_create_page, translate

from .models import InstanciaMember, InstanciaPage, InstanciaSession, ParticipacionIndexPage

SANTIAGO = ZoneInfo("America/Santiago")

INDEX = {
    "title": "Participación Ciudadana",
    "introduction": (
        "<p>Consejos, mesas, alianzas y redes a través de los cuales la ciudadanía, personas expertas e "
        "instituciones participan en el Gobierno de Santiago. Encuentre cada instancia, quiénes la integran, "
        "cuándo se reúne y qué ha acordado.</p>"
    ),
}
INDEX_EN = {
    "Participación Ciudadana": "Citizen Participation",
    (
        "Consejos, mesas, alianzas y redes a través de los cuales la ciudadanía, personas expertas e "
        "instituciones participan en el Gobierno de Santiago. Encuentre cada instancia, quiénes la integran, "
        "cuándo se reúne y qué ha acordado."
    ): (
        "Councils, round tables, alliances and networks through which citizens, experts and institutions take "
        "part in the Gobierno de Santiago. Find each body, who sits on it, when it meets and what it has agreed."
    ),
}

# What every body of a type is for (the seed's definitions, in our words): (Spanish, English) paragraphs.
PURPOSES = {
    "consejo_asesor": [
        (
            "Los consejos asesores reúnen a personas expertas en un ámbito para diagnosticar la situación actual, "
            "describir la situación que el Gobierno de Santiago busca alcanzar y proponer mejoras o soluciones.",
            "Advisory councils bring together experts in a field to diagnose the current situation, describe the "
            "situation the Gobierno de Santiago aims for and propose improvements or solutions.",
        ),
        (
            "Su misión es ofrecer alternativas de solución que ayuden a co-crear valor público.",
            "Their mission is to offer alternative solutions that help co-create public value.",
        ),
    ],
    "mesa_tematica": [
        (
            "Las mesas temáticas son espacios de deliberación en que organizaciones sociales, representantes de "
            "la ciudadanía y autoridades del Gobierno de Santiago trabajan juntos sobre un tema concreto.",
            "Thematic round tables are spaces for deliberation where social organisations, citizen "
            "representatives and authorities of the Gobierno de Santiago work together on a specific topic.",
        ),
        (
            "Sus aportes ayudan a co-crear las iniciativas y programas del Gobierno de Santiago.",
            "Their contributions help co-create the Gobierno de Santiago's initiatives and programmes.",
        ),
    ],
    "alianza_publico_privada": [
        (
            "Las alianzas público-privadas unen al Gobierno de Santiago con instituciones públicas, "
            "organizaciones y empresas para avanzar en objetivos compartidos.",
            "Public-private alliances join the Gobierno de Santiago with public institutions, organisations and "
            "companies to advance shared goals.",
        ),
    ],
    "alianza_internacional": [
        (
            "Las alianzas internacionales conectan a la región con redes de ciudades y organismos de otros países "
            "para intercambiar experiencias y sumar apoyo técnico.",
            "International alliances connect the region with networks of cities and organisations in other "
            "countries to exchange experience and gain technical support.",
        ),
    ],
    "red_municipal": [
        (
            "Las redes municipales reúnen a equipos de las municipalidades de la región con el Gobierno de "
            "Santiago para coordinar el trabajo en un área común.",
            "Municipal networks bring together teams from the region's municipalities and the Gobierno de "
            "Santiago to coordinate work in a shared area.",
        ),
    ],
}

# How a person can take part in or follow a body of each type, in our words from the seed's description
# of the type (who sits on it) and what this site publishes: (Spanish, English), one paragraph each.
HOW_TO_PARTICIPATE = {
    "consejo_asesor": (
        "Lo integran personas expertas en su ámbito. Cualquier persona puede seguir su trabajo en esta "
        "página, donde se publican sus integrantes, sesiones, actas y acuerdos. Para hacerle llegar una "
        "propuesta o una pregunta, escriba a la Oficina de Atención Ciudadana.",
        "Its members are experts in its field. Anyone can follow its work on this page, which publishes its "
        "members, sessions, minutes and agreements. To send it a proposal or a question, write to the Citizen "
        "Services Office.",
    ),
    "mesa_tematica": (
        "Participan organizaciones sociales y representantes de la ciudadanía junto a autoridades del Gobierno "
        "de Santiago. Si su organización trabaja en este tema y quiere aportar, escriba a la Oficina de "
        "Atención Ciudadana. Sus sesiones y acuerdos se publican en esta página.",
        "Social organisations and citizen representatives take part together with authorities of the Gobierno "
        "de Santiago. If your organisation works on this topic and wants to contribute, write to the Citizen "
        "Services Office. Its sessions and agreements are published on this page.",
    ),
    "alianza_publico_privada": (
        "Es un trabajo conjunto del Gobierno de Santiago con instituciones públicas, organizaciones y empresas. "
        "Puede seguir sus avances en esta página; para consultas o propuestas de colaboración, escriba a la "
        "Oficina de Atención Ciudadana.",
        "It is joint work of the Gobierno de Santiago with public institutions, organisations and companies. "
        "You can follow its progress on this page; for questions or proposals to collaborate, write to the "
        "Citizen Services Office.",
    ),
    "alianza_internacional": (
        "Conecta a la región con redes de ciudades y organismos de otros países. Puede seguir sus actividades "
        "en esta página; para consultas, escriba a la Oficina de Atención Ciudadana.",
        "It connects the region with networks of cities and organisations in other countries. You can follow "
        "its activities on this page; for questions, write to the Citizen Services Office.",
    ),
    "red_municipal": (
        "La integran equipos de las municipalidades de la región junto al Gobierno de Santiago. Cualquier "
        "persona puede seguir su trabajo en esta página; para consultas, escriba a la Oficina de Atención "
        "Ciudadana.",
        "Its members are teams from the region's municipalities together with the Gobierno de Santiago. "
        "Anyone can follow its work on this page; for questions, write to the Citizen Services Office.",
    ),
    "consejo_sociedad_civil": (
        "Lo integran representantes de organizaciones de la sociedad civil, de las juntas de vecinos y de "
        "mesas regionales. Si pertenece a una de ellas, puede hacer llegar sus inquietudes a través de sus "
        "representantes; cualquier persona puede seguir sus sesiones en esta página o escribir a la Oficina "
        "de Atención Ciudadana.",
        "Its members represent civil-society organisations, neighbourhood councils and regional round tables. "
        "If you belong to one of them, you can raise your concerns through its representatives; anyone can "
        "follow its sessions on this page or write to the Citizen Services Office.",
    ),
}

# Per type, in the seed's order: slug prefix and bodies as (name, English name, summary, English summary).
BODIES = [
    (
        "consejo_asesor",
        "consejo-asesor",
        [
            (
                "Transparencia, probidad y Gobierno Abierto",
                "Transparency, Integrity and Open Government",
                "Propone cómo hacer más transparente y abierta la gestión regional y prevenir la corrupción.",
                "Proposes how to make regional management more transparent and open and how to prevent corruption.",
            ),
            (
                "Reformas legales para el fortalecimiento de la regionalización",
                "Legal Reforms to Strengthen Regionalisation",
                "Estudia los cambios legales que darían más atribuciones y recursos a los gobiernos regionales.",
                "Studies the legal changes that would give regional governments more powers and resources.",
            ),
            (
                "Modernización y transformación digital",
                "Modernisation and Digital Transformation",
                "Asesora sobre procesos más simples y servicios digitales para la ciudadanía.",
                "Advises on simpler processes and digital services for citizens.",
            ),
            (
                "Desarrollo Económico, emprendimiento e innovación",
                "Economic Development, Entrepreneurship and Innovation",
                "Propone medidas para impulsar el empleo, los emprendimientos y la innovación en la región.",
                "Proposes measures to boost jobs, entrepreneurship and innovation in the region.",
            ),
            (
                "Movilidad",
                "Mobility",
                "Asesora sobre transporte público, caminata y ciclismo para moverse mejor por la región.",
                "Advises on public transport, walking and cycling so people can move around the region better.",
            ),
            (
                "Acción Climática",
                "Climate Action",
                "Propone acciones para reducir emisiones y adaptar la región al cambio climático.",
                "Proposes actions to cut emissions and adapt the region to climate change.",
            ),
            (
                "Medio Ambiente y biodiversidad",
                "Environment and Biodiversity",
                "Asesora sobre la protección de los ecosistemas y la biodiversidad de la región.",
                "Advises on protecting the region's ecosystems and biodiversity.",
            ),
            (
                "Género",
                "Gender",
                "Propone cómo incorporar la igualdad de género en las políticas y programas regionales.",
                "Proposes how to build gender equality into regional policies and programmes.",
            ),
            (
                "Vivienda, Ordenamiento Territorial y Desarrollo Urbano",
                "Housing, Land-Use Planning and Urban Development",
                "Asesora sobre vivienda, uso del suelo y ciudades más integradas.",
                "Advises on housing, land use and more integrated cities.",
            ),
            (
                "Seguridad",
                "Safety",
                "Propone estrategias de prevención del delito y de seguridad en los barrios.",
                "Proposes crime-prevention and neighbourhood-safety strategies.",
            ),
        ],
    ),
    (
        "mesa_tematica",
        "mesa",
        [
            (
                "Personas con Discapacidad",
                "People with Disabilities",
                "Trabaja con organizaciones de personas con discapacidad por una región más inclusiva.",
                "Works with organisations of people with disabilities towards a more inclusive region.",
            ),
            (
                "Personas Mayores",
                "Older People",
                "Reúne a organizaciones de personas mayores para mejorar los programas que las atienden.",
                "Brings together older people's organisations to improve the programmes that serve them.",
            ),
            (
                "Personas Cuidadoras",
                "Carers",
                "Da voz a quienes cuidan a otras personas y busca apoyos para su labor.",
                "Gives a voice to people who care for others and looks for support for their work.",
            ),
            (
                "Pueblos Originarios",
                "Indigenous Peoples",
                "Espacio de diálogo con los pueblos originarios que viven en la región.",
                "A space for dialogue with the Indigenous peoples living in the region.",
            ),
            (
                "Bienestar animal y convivencia responsable",
                "Animal Welfare and Responsible Pet Ownership",
                "Promueve la tenencia responsable y el cuidado de los animales.",
                "Promotes responsible pet ownership and the care of animals.",
            ),
            (
                "Migrantes (ONG y Organizaciones)",
                "Migrants (NGOs and Organisations)",
                "Trabaja con ONG y organizaciones de migrantes por la inclusión de quienes llegan a la región.",
                "Works with NGOs and migrant organisations for the inclusion of newcomers to the region.",
            ),
            (
                "Santiago Pedaleable y Caminable",
                "A Bikeable and Walkable Santiago",
                "Impulsa calles más seguras y agradables para caminar y andar en bicicleta.",
                "Pushes for safer, more pleasant streets for walking and cycling.",
            ),
            (
                "Biodiversidad y Medio Ambiente",
                "Biodiversity and Environment",
                "Reúne a organizaciones ambientales para cuidar la naturaleza de la región.",
                "Brings together environmental organisations to look after the region's nature.",
            ),
            (
                "Residuos",
                "Waste",
                "Busca soluciones para reducir, reciclar y gestionar mejor los residuos.",
                "Looks for ways to reduce, recycle and better manage waste.",
            ),
            (
                "Acceso libre a la montaña",
                "Free Access to the Mountains",
                "Trabaja por el acceso libre y seguro a la cordillera y sus cerros.",
                "Works for free and safe access to the Andes and the hills around the city.",
            ),
            (
                "Eventos masivos",
                "Mass Events",
                "Coordina a los actores involucrados para que los eventos masivos sean seguros.",
                "Coordinates those involved so that mass events are safe.",
            ),
            (
                "Empleo",
                "Employment",
                "Reúne a actores públicos y privados para abrir oportunidades de trabajo.",
                "Brings together public and private players to open up job opportunities.",
            ),
            (
                "Intermodal La Cisterna",
                "La Cisterna Interchange",
                "Aborda con la comunidad los desafíos del entorno de la estación intermodal La Cisterna.",
                "Works with the community on the challenges around the La Cisterna interchange station.",
            ),
            (
                "Mesa Regional para abordar comercio ambulante",
                "Regional Round Table on Street Vending",
                "Coordina a instituciones y municipios frente al comercio ambulante.",
                "Coordinates institutions and municipalities in dealing with street vending.",
            ),
            (
                "Brecha Digital",
                "Digital Divide",
                "Busca que más personas tengan conexión y habilidades digitales.",
                "Seeks to give more people internet access and digital skills.",
            ),
            (
                "Turismo",
                "Tourism",
                "Reúne al sector turístico para promover los atractivos de la región.",
                "Brings the tourism sector together to promote the region's attractions.",
            ),
            (
                "Emergencia Hídrica",
                "Water Emergency",
                "Coordina respuestas frente a la escasez de agua en la región.",
                "Coordinates responses to water scarcity in the region.",
            ),
            (
                "Diversidad y contra la discriminación",
                "Diversity and Against Discrimination",
                "Promueve el respeto a la diversidad y la prevención de la discriminación.",
                "Promotes respect for diversity and the prevention of discrimination.",
            ),
        ],
    ),
    (
        "alianza_publico_privada",
        "alianza",
        [
            (
                "Corporación Público y Privada, Fondo del Agua",
                "Public-Private Corporation, Water Fund",
                "Une a actores públicos y privados para proteger las fuentes de agua de la región.",
                "Joins public and private players to protect the region's water sources.",
            ),
            (
                "Asociación de Gobernadores de Chile",
                "Association of Governors of Chile",
                "Reúne a los gobernadores regionales para impulsar la descentralización.",
                "Brings together the regional governors to push for decentralisation.",
            ),
            (
                "Alianza para la Acción Climática (ACA Chile)",
                "Climate Action Alliance (ACA Chile)",
                "Red de organizaciones comprometidas con metas de acción climática.",
                "A network of organisations committed to climate-action targets.",
            ),
            (
                "Alianza Anticorrupción (UNCAC Chile)",
                "Anti-Corruption Alliance (UNCAC Chile)",
                "Colabora para aplicar en Chile la Convención de las Naciones Unidas contra la Corrupción.",
                "Works to apply the United Nations Convention against Corruption in Chile.",
            ),
            (
                "Contraloría General de la República",
                "Office of the Comptroller General",
                "Colaboración con el órgano de control para fortalecer la probidad en la gestión regional.",
                "Collaboration with the oversight body to strengthen integrity in regional management.",
            ),
            (
                "Consejo para la Transparencia",
                "Council for Transparency",
                "Colaboración para mejorar el acceso a la información pública.",
                "Collaboration to improve access to public information.",
            ),
            (
                "Chile Compra",
                "ChileCompra",
                "Colaboración para compras públicas más abiertas y eficientes.",
                "Collaboration for more open and efficient public procurement.",
            ),
            (
                "Unidad Análisis Financiero",
                "Financial Analysis Unit",
                "Colaboración para prevenir el lavado de activos en el sector público.",
                "Collaboration to prevent money laundering in the public sector.",
            ),
        ],
    ),
    (
        "alianza_internacional",
        "alianza-internacional",
        [
            (
                "C40 Cities",
                "C40 Cities",
                "Red mundial de grandes ciudades que enfrentan juntas la crisis climática.",
                "A worldwide network of major cities tackling the climate crisis together.",
            ),
            (
                "Resilient cities Network",
                "Resilient Cities Network",
                "Red internacional que ayuda a las ciudades a prepararse para crisis y desastres.",
                "An international network that helps cities prepare for crises and disasters.",
            ),
            (
                "Megacities Alliance for water and climate",
                "Megacities Alliance for Water and Climate",
                "Alianza de megaciudades para gestionar el agua frente al cambio climático.",
                "An alliance of megacities managing water in the face of climate change.",
            ),
            (
                "Bloomberg philanthropies",
                "Bloomberg Philanthropies",
                "Fundación que apoya con conocimiento y recursos la innovación en ciudades.",
                "A foundation that supports innovation in cities with knowledge and resources.",
            ),
            (
                "Global Fund for Cities Development",
                "Global Fund for Cities Development",
                "Fondo internacional que apoya el financiamiento de proyectos urbanos.",
                "An international fund that helps finance urban projects.",
            ),
            (
                "Chief Heat Officers (Ciudades Líderes contra el calor extremo)",
                "Chief Heat Officers (Cities Leading against Extreme Heat)",
                "Red de ciudades que preparan a sus habitantes frente a las olas de calor.",
                "A network of cities preparing their residents for heatwaves.",
            ),
            (
                "Race to Zero",
                "Race to Zero",
                "Campaña internacional para llegar a cero emisiones netas.",
                "An international campaign to reach net-zero emissions.",
            ),
        ],
    ),
    (
        "red_municipal",
        "red",
        [
            (
                "Transparencia y Probidad",
                "Transparency and Integrity",
                "Comparte entre municipios buenas prácticas de transparencia y probidad.",
                "Shares good transparency and integrity practices among municipalities.",
            ),
            (
                "Desarrollo Comunitario",
                "Community Development",
                "Coordina a los equipos municipales que trabajan con organizaciones vecinales.",
                "Coordinates the municipal teams who work with neighbourhood organisations.",
            ),
            (
                "Mujer y Género",
                "Women and Gender",
                "Coordina a las oficinas municipales de la mujer y de equidad de género.",
                "Coordinates the municipal offices for women and gender equality.",
            ),
            (
                "Personas Mayores",
                "Older People",
                "Coordina a los programas municipales dirigidos a personas mayores.",
                "Coordinates the municipal programmes for older people.",
            ),
            (
                "Diversidad",
                "Diversity",
                "Coordina el trabajo municipal por la inclusión de la diversidad sexual y de género.",
                "Coordinates municipal work for the inclusion of sexual and gender diversity.",
            ),
            (
                "Migrantes",
                "Migrants",
                "Coordina a las oficinas municipales que atienden a personas migrantes.",
                "Coordinates the municipal offices that serve migrants.",
            ),
            (
                "Pueblos Originarios",
                "Indigenous Peoples",
                "Coordina el trabajo municipal con los pueblos originarios.",
                "Coordinates municipal work with Indigenous peoples.",
            ),
            (
                "Desarrollo Económico Regional",
                "Regional Economic Development",
                "Coordina el fomento productivo y el empleo entre los municipios.",
                "Coordinates business support and employment among municipalities.",
            ),
            (
                "Tránsito y Transporte Público",
                "Traffic and Public Transport",
                "Coordina a las direcciones de tránsito en temas de movilidad y transporte público.",
                "Coordinates the municipal traffic departments on mobility and public transport.",
            ),
            (
                "Medio Ambiente",
                "Environment",
                "Coordina la gestión ambiental de los municipios de la región.",
                "Coordinates environmental management across the region's municipalities.",
            ),
            (
                "Planificación y Asesoría Urbana",
                "Planning and Urban Advisory",
                "Reúne a los equipos de planificación urbana para coordinar instrumentos y proyectos.",
                "Brings urban-planning teams together to coordinate plans and projects.",
            ),
            (
                "Seguridad",
                "Safety",
                "Coordina a los equipos municipales de seguridad y prevención del delito.",
                "Coordinates the municipal safety and crime-prevention teams.",
            ),
        ],
    ),
]

COUNCIL_2023_ACTIVITY = (
    "En 2023 el Consejo sesionó tres veces. En esas sesiones modificó su Reglamento y conoció los resultados de "
    "la gestión del Gobernador y del Gobierno de Santiago, la actualización de la Estrategia Regional de "
    "Desarrollo y la propuesta de comisiones temáticas del Consejo."
)
COUNCIL_2023_ACTIVITY_EN = (
    "In 2023 the Council met three times. In those sessions it amended its Rules of Procedure and was briefed "
    "on the results achieved by the Governor and the Gobierno de Santiago, on the update of the Regional "
    "Development Strategy and on the proposal to set up thematic committees of the Council."
)

CIVIL_SOCIETY_COUNCIL = {
    "title": "Consejo Regional de la Sociedad Civil",
    "slug": "consejo-regional-de-la-sociedad-civil",
    "type": "consejo_sociedad_civil",
    "summary": (
        "Órgano de participación que acerca a las organizaciones de la sociedad civil al Gobierno de Santiago "
        "y hace seguimiento de sus acciones públicas."
    ),
    "purpose": (
        "<p>Es un órgano intermedio de participación ciudadana: comparte con los órganos del Estado la "
        "responsabilidad por lo público y permite a la sociedad civil seguir de cerca sus acciones.</p>"
        "<p>Su objetivo es promover y fortalecer la participación de la ciudadanía en el Gobierno de Santiago y "
        "en sus políticas, planes, programas y proyectos, y acercar a la sociedad civil y al Gobierno de "
        "Santiago, porque participar es un derecho de las personas.</p>"
        "<p>Se guía por los principios de participación efectiva, diversidad, equidad territorial, inclusión y "
        "no discriminación arbitraria.</p>"
        f"<p>{COUNCIL_2023_ACTIVITY}</p>"
    ),
}
CIVIL_SOCIETY_COUNCIL_EN = {
    "Consejo Regional de la Sociedad Civil": "Regional Civil Society Council",
    CIVIL_SOCIETY_COUNCIL["summary"]: (
        "A participation body that brings civil-society organisations closer to the Gobierno de Santiago and "
        "follows up on its public actions."
    ),
    (
        "Es un órgano intermedio de participación ciudadana: comparte con los órganos del Estado la "
        "responsabilidad por lo público y permite a la sociedad civil seguir de cerca sus acciones."
    ): (
        "It is an intermediary body for citizen participation: it shares responsibility for public affairs with "
        "State bodies and lets civil society follow their actions closely."
    ),
    (
        "Su objetivo es promover y fortalecer la participación de la ciudadanía en el Gobierno de Santiago y "
        "en sus políticas, planes, programas y proyectos, y acercar a la sociedad civil y al Gobierno de "
        "Santiago, porque participar es un derecho de las personas."
    ): (
        "Its objective is to promote and strengthen citizen participation in the Gobierno de Santiago and in its "
        "policies, plans, programmes and projects, and to bring civil society and the Gobierno de Santiago "
        "closer, because participation is everyone's right."
    ),
    (
        "Se guía por los principios de participación efectiva, diversidad, equidad territorial, inclusión y "
        "no discriminación arbitraria."
    ): (
        "It is guided by the principles of effective participation, diversity, territorial equity, inclusion "
        "and non-discrimination."
    ),
}

# Its composition: each category of representative the seed names.
COUNCIL_CATEGORIES = [
    ("Representantes de la sociedad civil de las comunas", "Representatives of civil society in the municipalities"),
    (
        "Representantes de la Asociación Regional de Consejeros de la Sociedad Civil",
        "Representatives of the Regional Association of Civil Society Councillors",
    ),
    (
        "Representantes de la Federación Regional de Uniones Comunales de Juntas de Vecinos",
        "Representatives of the Regional Federation of Municipal Unions of Neighbourhood Councils",
    ),
    ("Representantes de los Consejeros Regionales de Género", "Representatives of the Regional Gender Councillors"),
    (
        "Representantes de los Consejeros Regionales de Medio Ambiente",
        "Representatives of the Regional Environment Councillors",
    ),
    (
        "Representantes de la Mesa Regional de Pueblos Indígenas",
        "Representatives of the Regional Round Table of Indigenous Peoples",
    ),
    (
        "Representantes de la Mesa Regional de Personas Mayores",
        "Representatives of the Regional Round Table of Older People",
    ),
    (
        "Representantes de la Mesa Regional de Personas en Situación de Discapacidad",
        "Representatives of the Regional Round Table of People with Disabilities",
    ),
    ("Representantes de la Mesa Regional de Cuidadoras", "Representatives of the Regional Round Table of Carers"),
    ("Representante de la Cámara de Comercio de Santiago", "Representative of the Santiago Chamber of Commerce"),
]

COUNCIL_PLACE = "Gobierno de Santiago, Bandera 46, Santiago"
# The seed says only that the council met three times in 2023 and what those sessions dealt with as
# a whole (COUNCIL_2023_ACTIVITY, in the council's text): the sessions are dated by the year alone;
# the stored days (1, 2 and 3 January) only keep them in order, the site shows "2023 (sin día exacto)".
COUNCIL_SESSIONS = [
    ("Primera sesión de 2023", "First session of 2023", datetime(2023, 1, 1, 12, 0)),
    ("Segunda sesión de 2023", "Second session of 2023", datetime(2023, 1, 2, 12, 0)),
    ("Tercera sesión de 2023", "Third session of 2023", datetime(2023, 1, 3, 12, 0)),
]


# A body's page title is its full name, the way people call it: the seed lists councils, round
# tables and networks under their type by topic alone ("Género"), but "Género" alone names nothing.
# Alliances are already named by their own names. (Spanish pattern, English pattern, Spanish prefix
# that makes a seed name already full.)
FULL_NAMES = {
    "consejo_asesor": ("Consejo Asesor de {}", "Advisory Council on {}", "Consejo"),
    "mesa_tematica": ("Mesa de {}", "Round Table on {}", "Mesa"),
    "red_municipal": ("Red Municipal de {}", "Municipal Network on {}", "Red"),
}


def full_names(body_type, name, name_en):
    """The body's full name in Spanish and English: «Consejo Asesor de Género», "Advisory Council on Gender"."""
    if body_type not in FULL_NAMES:
        return name, name_en
    spanish, english, already_full = FULL_NAMES[body_type]
    if name.startswith(already_full):
        return name, name_en
    return spanish.format(name), english.format(name_en)


def body_slug(prefix, name):
    """A URL slug unique across types (several names repeat, e.g. "Seguridad")."""
    return slugify(f"{prefix}-{name}")[:80].strip("-")


def purpose_html(body_type):
    """The type's purpose paragraphs as rich text."""
    return "".join(f"<p>{spanish}</p>" for spanish, _english in PURPOSES.get(body_type, []))


def council_members():
    """The civil-society council's composition: one member entry per category of representative."""
    return [
        InstanciaMember(organisation=category, position=InstanciaMember.Position.REPRESENTATIVE)
        for category, _english in COUNCIL_CATEGORIES
    ]


def council_sessions():
    """The council's three 2023 sessions, known by their year only."""
    return [
        InstanciaSession(
            title=title,
            starts_at=start.replace(tzinfo=SANTIAGO),
            date_precision=InstanciaSession.DatePrecision.YEAR,
            place=COUNCIL_PLACE,
            sort_order=order,
        )
        for order, (title, _title_en, start) in enumerate(COUNCIL_SESSIONS)
    ]


def english_mapping():
    """Every Spanish string of the section -> its English text."""
    mapping = dict(INDEX_EN)
    mapping.update(CIVIL_SOCIETY_COUNCIL_EN)
    for paragraphs in PURPOSES.values():
        mapping.update(paragraphs)
    mapping.update(HOW_TO_PARTICIPATE.values())
    for body_type, _prefix, bodies in BODIES:
        for name, name_en, summary, summary_en in bodies:
            mapping[name] = name_en
            title, title_en = full_names(body_type, name, name_en)
            mapping[title] = title_en
            mapping[summary] = summary_en
    mapping.update(COUNCIL_CATEGORIES)
    mapping[COUNCIL_PLACE] = COUNCIL_PLACE
    for title, title_en, _start in COUNCIL_SESSIONS:
        mapping[title] = title_en
    mapping[COUNCIL_2023_ACTIVITY] = COUNCIL_2023_ACTIVITY_EN
    return mapping


@contextmanager
def indexing_once(model):
    """Index each new ``model`` page once, when the transaction commits, instead of on every save.

    Creating and translating a page saves it several times (page, revision,
    publish, copy; English versions are published when the transaction
    commits), and each save re-indexes it for search and references: with a
    hundred pages that dominated the loader's time. Inside the block the
    automatic indexing of ``model`` is off; the pages saved are indexed once
    on commit (after the translations' publication), and indexing is back on.
    """
    saved = set()

    def collect(instance, **kwargs):
        saved.add(instance.pk)

    def restore():
        post_save.disconnect(collect, sender=model)
        post_save.connect(post_save_signal_handler, sender=model)
        connect_reference_index_signal_handlers_for_model(model)

    def index_saved():
        restore()
        for page in model.objects.filter(pk__in=list(saved)):
            insert_or_update_object(page)
            ReferenceIndex.create_or_update_for_object(page)

    post_save.disconnect(post_save_signal_handler, sender=model)
    disconnect_reference_index_signal_handlers_for_model(model)
    post_save.connect(collect, sender=model, weak=False)
    try:
        yield
    except BaseException:
        restore()
        raise
    transaction.on_commit(index_saved)


def load(home):
    """Create the index and every body in Spanish (once), then their English translations."""
    index = get_or_create_page(home, ParticipacionIndexPage, "participacion", show_in_menus=True, **INDEX)
    existing = set(index.get_children().values_list("slug", flat=True))
    missing = [spec for spec in body_specs() if spec["slug"] not in existing]
    english = Locale.objects.get(language_code="en")
    untranslated = InstanciaPage.objects.child_of(index).exclude(
        translation_key__in=InstanciaPage.objects.filter(locale=english).values("translation_key")
    )
    if missing or untranslated.exists() or not index.has_translation(english):
        with indexing_once(InstanciaPage):
            for spec in missing:
                slug = spec.pop("slug")
                get_or_create_page(index, InstanciaPage, slug, **spec)
            translate_section(index)
    return index


def body_specs():
    """The fields of every body page, in the seed's order (the civil-society council last)."""
    specs = []
    for body_type, prefix, bodies in BODIES:
        for name, name_en, summary, _summary_en in bodies:
            specs.append(
                {
                    # The slug keeps the seed's short name: shorter addresses, the same as before.
                    "slug": body_slug(prefix, name),
                    "title": full_names(body_type, name, name_en)[0],
                    "type": body_type,
                    "summary": summary,
                    "purpose": purpose_html(body_type),
                    "how_to_participate": HOW_TO_PARTICIPATE[body_type][0],
                }
            )
    council = dict(CIVIL_SOCIETY_COUNCIL)
    council.update(
        members=council_members(),
        sessions=council_sessions(),
        how_to_participate=HOW_TO_PARTICIPATE[council["type"]][0],
    )
    specs.append(council)
    return specs


def translate_section(index):
    """English versions: the index first, then each body not yet translated."""
    mapping = english_mapping()
    english = Locale.objects.get(language_code="en")
    translate(index, mapping)
    translated = set(InstanciaPage.objects.filter(locale=english).values_list("translation_key", flat=True))
    for body in InstanciaPage.objects.child_of(index).order_by("path"):
        if body.translation_key not in translated:
            translate(body, mapping)
