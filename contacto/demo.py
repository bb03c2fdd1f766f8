"""Demo content of the contacto area: the citizen attention office and the ethics channel's page.

Texts are written for this site from the seed's description of the Oficina de
Atención Ciudadana (its five ámbitos de acción) and of the Canal de Denuncias.
Idempotent: pages are get-or-create, translations are made once.
"""

from wagtail.models import Site

from base.demo import get_or_create_page, translate

from .models import CanalDenunciasPage, ContactoPage, RoutingSettings

OAC_INTRO = [
    "La Oficina de Atención Ciudadana recibe sus consultas, solicitudes, reclamos, sugerencias y felicitaciones, "
    "para que pueda informarse e interactuar con el Gobierno de Santiago de forma rápida y sencilla.",
    "Nuestro trabajo tiene cinco ámbitos de acción:",
    "Entregar a tiempo y de forma adecuada la información que la ciudadanía pide, en persona, por teléfono o en línea.",
    "Mantener canales presenciales, telefónicos y digitales para recibir y gestionar consultas, sugerencias, "
    "felicitaciones y reclamos.",
    "Cumplir el derecho de las personas a una atención oportuna y de calidad, con buenas prácticas de trato.",
    "Colaborar con las OIRS y las oficinas de atención ciudadana de otras instituciones y servicios públicos.",
    "Derivar a tiempo las consultas que no corresponden a las facultades del Gobierno de Santiago, avisándole a quién "
    "se derivó.",
    "Al enviar el formulario recibirá un código de seguimiento. Respondemos dentro de 10 días hábiles.",
]
OAC_PRIVACY = [
    "Usamos su nombre, correo, teléfono y comuna solo para responder esta solicitud y, si corresponde, derivarla a "
    "la institución competente. No los publicamos ni los usamos con otros fines.",
    "Las estadísticas públicas de atención se calculan sin datos personales. Puede pedir el acceso, la rectificación "
    "o la eliminación de sus datos escribiendo a la Oficina de Atención Ciudadana.",
]
OAC_CONFIRMATION = "Gracias por escribirnos. Revisaremos su solicitud y le responderemos por correo."

CANAL_INTRO = [
    "El Canal de Denuncias recibe, de funcionarias, funcionarios y personas usuarias del Gobierno de Santiago, "
    "denuncias de conductas contrarias a la ética y a la probidad.",
    "Funciona en un servidor externo al Gobierno de Santiago, para que quien denuncia pueda confiar en su "
    "confidencialidad.",
]
CANAL_WHAT = [
    "Faltas a la probidad: uso de recursos públicos para fines privados, conflictos de interés no declarados, "
    "cohecho o tráfico de influencias.",
    "Acoso laboral o sexual y discriminación arbitraria.",
    "Irregularidades en compras, contratos, transferencias o rendiciones de cuentas.",
    "Cualquier otra conducta contraria a la ética de la función pública.",
    "Las consultas, reclamos y sugerencias sobre nuestros servicios se envían a la Oficina de Atención Ciudadana.",
]
CANAL_CONFIDENTIALITY = [
    "Puede denunciar de forma anónima: el canal no pide su nombre ni su correo, no guarda su dirección IP y no "
    "usa cookies de seguimiento.",
    "Al enviar la denuncia recibirá un código de 16 dígitos. Guárdelo: con él puede ver el estado, leer los mensajes "
    "del comité y responderlos, sin dar a conocer quién es.",
    "Si decide identificarse, su identidad queda en reserva y solo la conoce el comité de ética que investiga.",
    "Los textos y archivos se guardan cifrados y cada consulta de una denuncia queda registrada.",
]
CANAL_PROTECTIONS = [
    "La Ley N° 21.592 establece un estatuto de protección para quienes denuncian conductas contrarias a la probidad "
    "en la Administración del Estado.",
    "Quien denuncia tiene derecho a que se mantenga en reserva su identidad y la información que la revele.",
    "Está prohibido tomar represalias contra quien denuncia de buena fe, como despidos, traslados, cambios de "
    "funciones o calificaciones perjudiciales.",
    "El canal sigue también las buenas prácticas de la Directiva (UE) 2019/1937 y de la norma ISO 37002 sobre "
    "sistemas de gestión de denuncias.",
]
CANAL_DEADLINES = [
    "Acuse de recibo: dentro de 7 días desde el envío.",
    "Información sobre el curso de la denuncia: dentro de 3 meses.",
    "Una denuncia cerrada se elimina, con sus archivos, una vez cumplido el plazo de conservación.",
]
CANAL_LINK = "Ir al Canal de Denuncias"


def _paragraphs(items):
    return "".join(f"<p>{item}</p>" for item in items)


def _list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


ENGLISH = {
    "Atención Ciudadana": "Citizen Services",
    OAC_INTRO[0]: "The Citizen Services Office receives your questions, requests, complaints, suggestions and "
    "compliments, so that you can get information and deal with the Gobierno de Santiago quickly and easily.",
    OAC_INTRO[1]: "Our work has five areas of action:",
    OAC_INTRO[2]: "Providing the information people ask for, on time and appropriately, in person, by phone or online.",
    OAC_INTRO[3]: "Keeping in-person, telephone and digital channels to receive and handle questions, suggestions, "
    "compliments and complaints.",
    OAC_INTRO[4]: "Upholding people's right to timely, good-quality service, with good practices in how we treat them.",
    OAC_INTRO[5]: "Working with the OIRS and citizen services offices of other institutions and public services.",
    OAC_INTRO[6]: "Forwarding in good time the requests that fall outside the Gobierno de Santiago's powers, telling "
    "you where they were sent.",
    OAC_INTRO[7]: "When you send the form you get a tracking code. We answer within 10 working days.",
    OAC_PRIVACY[0]: "We use your name, e-mail, phone and comuna only to answer this request and, where appropriate, to "
    "forward it to the competent institution. We do not publish them or use them for anything else.",
    OAC_PRIVACY[1]: "The public service statistics are computed without personal data. You can ask to access, correct "
    "or delete your data by writing to the Citizen Services Office.",
    OAC_CONFIRMATION: "Thank you for writing to us. We will review your request and answer you by e-mail.",
    "Canal de Denuncias": "Whistleblowing Channel",
    CANAL_INTRO[
        0
    ]: "The Whistleblowing Channel receives reports from staff and users of the Gobierno de Santiago about "
    "conduct contrary to ethics and integrity.",
    CANAL_INTRO[1]: "It runs on a server outside the Gobierno de Santiago, so that reporters can trust its "
    "confidentiality.",
    CANAL_WHAT[0]: "Breaches of integrity: use of public resources for private ends, undeclared conflicts of interest, "
    "bribery or influence peddling.",
    CANAL_WHAT[1]: "Workplace or sexual harassment and arbitrary discrimination.",
    CANAL_WHAT[2]: "Irregularities in purchases, contracts, transfers or accounts.",
    CANAL_WHAT[3]: "Any other conduct contrary to the ethics of public service.",
    CANAL_WHAT[4]: "Questions, complaints and suggestions about our services go to the Citizen Services Office.",
    CANAL_CONFIDENTIALITY[0]: "You can report anonymously: the channel does not ask for your name or e-mail, does not "
    "keep your IP address and uses no tracking cookies.",
    CANAL_CONFIDENTIALITY[1]: "When you send the report you get a 16-digit code. Keep it: with it you can see the "
    "status, read the committee's messages and answer them without revealing who you are.",
    CANAL_CONFIDENTIALITY[
        2
    ]: "If you choose to identify yourself, your identity is kept confidential and known only to "
    "the ethics committee that investigates.",
    CANAL_CONFIDENTIALITY[3]: "Texts and files are stored encrypted and every time a report is opened it is logged.",
    CANAL_PROTECTIONS[0]: "Law No. 21,592 establishes a protection statute for people who report conduct contrary to "
    "integrity in the State Administration.",
    CANAL_PROTECTIONS[1]: "Reporters have the right to have their identity, and any information that reveals it, kept "
    "confidential.",
    CANAL_PROTECTIONS[2]: "Retaliation against anyone who reports in good faith is forbidden, such as dismissal, "
    "transfers, changes of duties or unfavourable performance ratings.",
    CANAL_PROTECTIONS[
        3
    ]: "The channel also follows the good practices of Directive (EU) 2019/1937 and of the ISO 37002 "
    "standard on whistleblowing management systems.",
    CANAL_DEADLINES[0]: "Acknowledgement of receipt: within 7 days of sending.",
    CANAL_DEADLINES[1]: "Feedback on the course of the report: within 3 months.",
    CANAL_DEADLINES[2]: "A closed report is deleted, with its files, once the retention period is over.",
    CANAL_LINK: "Go to the Whistleblowing Channel",
}

DEMO_ROUTING = {
    "consulta_recipients": "oac@gobiernosantiago.cl",
    "reclamo_recipients": "oac@gobiernosantiago.cl, calidad@gobiernosantiago.cl",
    "sugerencia_recipients": "oac@gobiernosantiago.cl",
    "felicitacion_recipients": "oac@gobiernosantiago.cl",
}


def load(home):
    """Create the office page and the ethics channel's page under ``home`` (Spanish), then their English versions."""
    office = get_or_create_page(
        home,
        ContactoPage,
        "oficina-de-atencion-ciudadana",
        title="Atención Ciudadana",
        show_in_menus=True,
        introduction=_paragraphs(OAC_INTRO[:2]) + _list(OAC_INTRO[2:7]) + _paragraphs(OAC_INTRO[7:]),
        privacy_notice=_paragraphs(OAC_PRIVACY),
        confirmation_text=OAC_CONFIRMATION,
    )
    channel = get_or_create_page(
        office,
        CanalDenunciasPage,
        "canal-de-denuncias",
        title="Canal de Denuncias",
        introduction=_paragraphs(CANAL_INTRO),
        what_to_report=_list(CANAL_WHAT[:4]) + _paragraphs(CANAL_WHAT[4:]),
        confidentiality=_paragraphs(CANAL_CONFIDENTIALITY),
        protections=_paragraphs(CANAL_PROTECTIONS),
        deadlines=_list(CANAL_DEADLINES),
        channel_link_text=CANAL_LINK,
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
