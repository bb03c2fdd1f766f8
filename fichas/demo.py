"""Demo content of the citizen budget sheets: both 2023 programmes from the seed document.

Every subtítulo with the seed's amounts (M$) and the official programme totals
as published. Percentages and totals are not copied from the seed: the site
computes them. The seed's own lines do not add up to its official totals
(programme 01 by M$ 99.002 executed and M$ 2 approved; programme 02 by
M$ 178.340 approved), so both sheets show the mismatch note: the feature
working on real data. The seed gives subtítulo 33 only as a total; its split
among the three components here is illustrative (and the page says so), chosen
so that it adds up exactly to the seed's total. Descriptions are written for
this site; English texts feed the wagtail-localize translations.
"""

import json
import uuid

from base.demo import get_or_create_page, translate

from .models import FichaCiudadanaPage, FichasIndexPage

INDEX_SLUG = "fichas-ciudadanas"

INDEX_INTRO = (
    "Las Fichas Ciudadanas explican, de forma clara y simple, cuánto dinero tuvo el Gobierno de Santiago para "
    "funcionar y para invertir en la región, en qué lo gastó y qué parte alcanzó a ejecutar."
)
INDEX_PURPOSE = (
    "Su objetivo es transparentar la ejecución del presupuesto y rendir cuentas a la ciudadanía. Todos los "
    "números se pueden descargar para revisarlos y reutilizarlos."
)

HOW_TO_READ_HEADING = "Cómo leer esta ficha"
HOW_TO_READ = (
    "El presupuesto vigente es el monto autorizado para el año, con sus modificaciones. El devengado es lo que el "
    "Gobierno de Santiago ya se obligó a pagar porque recibió el bien, el servicio o la obra. La ejecución compara "
    "ambos: cuánto del presupuesto vigente se devengó. Todos los montos están en miles de pesos (M$)."
)

SOURCE_01 = (
    "Fuente: Ficha Ciudadana 01 del Gobierno de Santiago, ejecución presupuestaria 2023. Los porcentajes y "
    "totales de esta página se calculan a partir de los montos de cada subtítulo."
)
SOURCE_02 = (
    "Fuente: Ficha Ciudadana 02 del Gobierno de Santiago, ejecución presupuestaria 2023. El documento de origen "
    "informa el subtítulo 33 solo como total: el reparto entre sus tres componentes que se muestra aquí es "
    "ilustrativo y suma exactamente ese total."
)


def line(code, name, approved, executed, description, who_may_apply="", components=()):
    """Raw StreamField data for one budget line (amounts in M$)."""
    return {
        "code": code,
        "name": name,
        "description": description,
        "who_may_apply": who_may_apply,
        "approved": approved,
        "executed": executed,
        "components": list(components),
    }


def component(code, name, approved, executed, description, who_may_apply=""):
    """Raw StreamField data for one component of a line."""
    return {
        "code": code,
        "name": name,
        "description": description,
        "who_may_apply": who_may_apply,
        "approved": approved,
        "executed": executed,
    }


PROGRAMME_01_LINES = [
    line(
        "21",
        "Gastos en Personal",
        8_795_139,
        8_713_930,
        "Las remuneraciones de quienes trabajan en el Gobierno de Santiago, incluidas las horas extraordinarias y "
        "los viáticos por viajes dentro y fuera del país.",
    ),
    line(
        "22",
        "Bienes y Servicios de Consumo",
        2_766_276,
        2_453_174,
        "Lo que la institución compra o contrata para operar: uniformes; agua, luz, gas, telefonía e internet; "
        "aseo y vigilancia; mantención del edificio, de los vehículos y del Parque Lo Errázuriz; combustible; "
        "pasajes; capacitación; sala cuna y jardín infantil; difusión; arriendo de computadores, impresoras y "
        "vehículos; seguros; estudios y asesorías; gastos de representación del Gobernador y caja chica.",
    ),
    line(
        "23",
        "Prestaciones de Seguridad Social",
        69_638,
        69_636,
        "El incentivo que reciben funcionarias y funcionarios que se acogen a retiro voluntario.",
    ),
    line(
        "24",
        "Transferencias Corrientes",
        976_687,
        897_094,
        "Lo necesario para que las consejeras y los consejeros regionales ejerzan su función (dietas, "
        "capacitación, viáticos y reembolsos) y las cuotas de dos organismos internacionales: METROPOLIS, red "
        "mundial que promueve una buena gobernanza de las áreas metropolitanas, y el Fondo Mundial para el "
        "Desarrollo de las Ciudades, que apoya el financiamiento sostenible del desarrollo económico local.",
    ),
    line(
        "26",
        "Otros Gastos Corrientes",
        111_931,
        111_933,
        "Pagos que ordenan los tribunales: sentencias judiciales, intereses y cuotas de juicios.",
    ),
    line(
        "29",
        "Adquisición de Activos no Financieros",
        654_571,
        546_949,
        "Compra de computadores, programas informáticos y mobiliario.",
    ),
]

PROGRAMME_02_LINES = [
    line(
        "22",
        "Bienes y Servicios de Consumo",
        1_769_185,
        1_769_185,
        "Estudios y planes para el desarrollo de las comunas y de la región: estrategias, políticas, "
        "diagnósticos, planes de desarrollo comunal, planes reguladores y planes intercomunales de movilidad y "
        "espacio público.",
        "Municipios, servicios públicos y el Gobierno de Santiago.",
    ),
    line(
        "24",
        "Transferencias Corrientes",
        17_253_351,
        17_253_350,
        "Hasta un 8 % del presupuesto financia actividades de deporte, cultura, seguridad ciudadana, medio "
        "ambiente y educación ambiental, acción social, discapacidad, inclusión y personas mayores. También "
        "financia a corporaciones en que participa el Gobierno de Santiago, como la Corporación de Desarrollo "
        "Regional y de Turismo y la Corporación Fondo de Agua de Santiago, y programas propios como la asistencia "
        "técnica, la secretaría ejecutiva del proyecto Nueva Alameda Providencia y Bosques de Bolsillo.",
        "Municipios, organizaciones privadas sin fines de lucro, organizaciones territoriales y funcionales, y el "
        "Gobierno de Santiago.",
    ),
    line(
        "26",
        "Otros Gastos Corrientes",
        164_860,
        164_859,
        "Pagos derivados de juicios o multas: sentencias judiciales, intereses y costas.",
    ),
    line(
        "29",
        "Adquisición de Activos no Financieros",
        27_817_779,
        27_817_778,
        "Vehículos y equipos para que los municipios trabajen mejor: camiones aljibe, maquinaria para conservar "
        "calles y caminos, equipos de conectividad a internet y otros.",
        "Municipios, servicios públicos y el Gobierno de Santiago.",
    ),
    line(
        "31",
        "Iniciativas de Inversión",
        47_095_731,
        47_095_731,
        "Estudios previos (prefactibilidad, factibilidad y diseño) y obras: recintos deportivos, centros de salud "
        "familiar, redes de agua potable y alcantarillado, paseos peatonales, veredas, áreas verdes y parques, "
        "luminarias, plazas y mejoramiento de recintos municipales, entre otras.",
        "Municipios, servicios públicos, fundaciones, corporaciones y el Gobierno de Santiago.",
    ),
    line(
        "32",
        "Préstamos",
        683_040,
        683_040,
        "Anticipos a las empresas contratistas para empezar las obras. Se descuentan de los pagos a medida que la "
        "obra avanza y, una vez devueltos, se registran como gasto de inversión regional.",
    ),
    line(
        "33",
        "Transferencias de Capital",
        48_818_412,
        48_791_357,
        "Recursos que se transfieren a otras instituciones para que ejecuten inversiones, en tres fondos. El "
        "reparto entre ellos que se muestra aquí es ilustrativo: la fuente publica solo el total del subtítulo.",
        components=[
            component(
                "33.03.125",
                "Fondo Regional de Iniciativa Local (FRIL)",
                14_000_000,
                13_985_420,
                "Obras urbanas menores, de menos de 3.000 UTM, como demarcación vial, pavimentación o mejoramiento "
                "de áreas verdes, que además buscan generar empleo local. Las ejecutan las municipalidades.",
            ),
            component(
                "33.03.150",
                "Otras Transferencias de Capital",
                27_318_412,
                27_305_937,
                "Conservación, reposición y mejoramiento de obras como luminarias, áreas verdes y pavimentos. Las "
                "ejecutan las municipalidades.",
            ),
            component(
                "",
                "Fondo de Innovación para la Competitividad Regional (FIC-R)",
                7_500_000,
                7_500_000,
                "Proyectos de investigación e innovación que generan conocimiento y hacen más competitiva la "
                "economía de la región.",
                "Universidades estatales y universidades reconocidas por el Estado que estén acreditadas; centros "
                "regionales de desarrollo reconocidos por el Estado y acreditados; centros regionales de desarrollo "
                "científico y tecnológico creados por convocatorias de CONICYT, e incubadoras de negocios vigentes "
                "en CORFO.",
            ),
        ],
    ),
]

SHEETS = [
    {
        "slug": "2023-programa-01-gastos-de-funcionamiento",
        "title": "Ficha Ciudadana 01: Gastos de Funcionamiento 2023",
        "year": 2023,
        "programme_number": "01",
        "programme_name": "Gastos de Funcionamiento",
        "introduction": (
            "El programa 01 reúne lo que el Gobierno de Santiago necesita para funcionar día a día: las "
            "remuneraciones de su personal, los bienes y servicios que usa, el trabajo del Consejo Regional, las "
            "cuotas a organismos internacionales, el pago de juicios y la compra de equipos."
        ),
        "table_title": "Ejecución presupuestaria 2023, Programa 01",
        "lines": PROGRAMME_01_LINES,
        "official_approved": 13_374_244,
        "official_executed": 12_693_714,
        "note": SOURCE_01,
    },
    {
        "slug": "2023-programa-02-inversion-regional",
        "title": "Ficha Ciudadana 02: Inversión Regional 2023",
        "year": 2023,
        "programme_number": "02",
        "programme_name": "Inversión Regional",
        "introduction": (
            "El programa 02 financia la inversión pública que impulsa el desarrollo de la Región Metropolitana y "
            "acorta las diferencias entre sus territorios: iniciativas sociales, económicas y culturales que llevan "
            "a cabo municipios, servicios públicos, organizaciones y el propio Gobierno de Santiago. Para cada tipo "
            "de fondo se indica quiénes pueden postular."
        ),
        "table_title": "Ejecución presupuestaria 2023, Programa 02",
        "lines": PROGRAMME_02_LINES,
        "official_approved": 143_780_698,
        "official_executed": 143_575_300,
        "note": SOURCE_02,
    },
]

ENGLISH = {
    # Slugs stay the same in English, so each sheet's URLs differ only by the /en/ prefix.
    INDEX_SLUG: INDEX_SLUG,
    **{sheet["slug"]: sheet["slug"] for sheet in SHEETS},
    "Fichas Ciudadanas": "Citizen Budget Sheets",
    INDEX_INTRO: (
        "The Citizen Budget Sheets explain, clearly and simply, how much money the Gobierno de Santiago had to run "
        "itself and to invest in the region, what it spent it on and how much of it was executed."
    ),
    INDEX_PURPOSE: (
        "Their aim is to make budget execution transparent and to be accountable to citizens. Every figure can be "
        "downloaded to check it and reuse it."
    ),
    HOW_TO_READ_HEADING: "How to read this sheet",
    HOW_TO_READ: (
        "The current budget is the amount authorised for the year, including its amendments. The accrued amount is "
        "what the Gobierno de Santiago is already obliged to pay because it has received the goods, services or "
        "works. Execution compares the two: how much of the current budget was accrued. All amounts are in "
        "thousands of Chilean pesos (M$)."
    ),
    SOURCE_01: (
        "Source: Citizen Budget Sheet 01 of the Gobierno de Santiago, 2023 budget execution. The percentages and "
        "totals on this page are computed from the amounts of each budget heading."
    ),
    SOURCE_02: (
        "Source: Citizen Budget Sheet 02 of the Gobierno de Santiago, 2023 budget execution. The source document "
        "reports heading 33 only as a total: the split among its three components shown here is illustrative and "
        "adds up exactly to that total."
    ),
    # Sheet 01
    "Ficha Ciudadana 01: Gastos de Funcionamiento 2023": "Citizen Budget Sheet 01: Operating Expenses 2023",
    "Gastos de Funcionamiento": "Operating Expenses",
    SHEETS[0]["introduction"]: (
        "Programme 01 covers what the Gobierno de Santiago needs to run day to day: its staff's pay, the goods and "
        "services it uses, the work of the Regional Council, membership fees of international bodies, court "
        "payments and the purchase of equipment."
    ),
    "Ejecución presupuestaria 2023, Programa 01": "Budget execution 2023, Programme 01",
    "Gastos en Personal": "Personnel Expenses",
    PROGRAMME_01_LINES[0]["description"]: (
        "The pay of the people who work at the Gobierno de Santiago, including overtime and allowances for travel "
        "within Chile and abroad."
    ),
    "Bienes y Servicios de Consumo": "Consumer Goods and Services",
    PROGRAMME_01_LINES[1]["description"]: (
        "What the institution buys or contracts to operate: uniforms; water, electricity, gas, telephone and "
        "internet; cleaning and security; upkeep of the building, the vehicles and Parque Lo Errázuriz; fuel; "
        "fares; training; nursery and kindergarten; publicity; rental of computers, printers and vehicles; "
        "insurance; studies and advisory services; the Governor's representation expenses and petty cash."
    ),
    "Prestaciones de Seguridad Social": "Social Security Benefits",
    PROGRAMME_01_LINES[2]["description"]: "The incentive paid to staff who take voluntary retirement.",
    "Transferencias Corrientes": "Current Transfers",
    PROGRAMME_01_LINES[3]["description"]: (
        "What regional councillors need to do their work (allowances, training, travel expenses and "
        "reimbursements) and the fees of two international bodies: METROPOLIS, a worldwide network that promotes "
        "good governance of metropolitan areas, and the Global Fund for Cities Development, which supports "
        "sustainable financing of local economic development."
    ),
    "Otros Gastos Corrientes": "Other Current Expenses",
    PROGRAMME_01_LINES[4]["description"]: "Payments ordered by the courts: judgments, interest and instalments.",
    "Adquisición de Activos no Financieros": "Acquisition of Non-Financial Assets",
    PROGRAMME_01_LINES[5]["description"]: "Purchase of computers, software and furniture.",
    # Sheet 02
    "Ficha Ciudadana 02: Inversión Regional 2023": "Citizen Budget Sheet 02: Regional Investment 2023",
    "Inversión Regional": "Regional Investment",
    SHEETS[1]["introduction"]: (
        "Programme 02 funds the public investment that drives the development of the Metropolitan Region and "
        "narrows the gaps between its territories: social, economic and cultural initiatives carried out by "
        "municipalities, public services, organisations and the Gobierno de Santiago itself. For each kind of fund "
        "the sheet says who may apply."
    ),
    "Ejecución presupuestaria 2023, Programa 02": "Budget execution 2023, Programme 02",
    PROGRAMME_02_LINES[0]["description"]: (
        "Studies and plans for the development of the communes and the region: strategies, policies, diagnoses, "
        "communal development plans, zoning plans and inter-communal plans for mobility and public space."
    ),
    "Municipios, servicios públicos y el Gobierno de Santiago.": (
        "Municipalities, public services and the Gobierno de Santiago."
    ),
    PROGRAMME_02_LINES[1]["description"]: (
        "Up to 8 % of the budget funds activities in sport, culture, public safety, the environment and "
        "environmental education, social action, disability, inclusion and older people. It also funds "
        "corporations in which the Gobierno de Santiago takes part, such as the Regional Development and Tourism "
        "Corporation and the Santiago Water Fund Corporation, and its own programmes such as technical assistance, "
        "the executive secretariat of the Nueva Alameda Providencia project and Pocket Forests."
    ),
    PROGRAMME_02_LINES[1]["who_may_apply"]: (
        "Municipalities, private non-profit organisations, neighbourhood and community organisations, and the "
        "Gobierno de Santiago."
    ),
    PROGRAMME_02_LINES[2]["description"]: "Payments arising from lawsuits or fines: judgments, interest and costs.",
    PROGRAMME_02_LINES[3]["description"]: (
        "Vehicles and equipment so that municipalities can work better: water tanker trucks, machinery to maintain "
        "streets and roads, internet connectivity equipment and more."
    ),
    "Iniciativas de Inversión": "Investment Initiatives",
    PROGRAMME_02_LINES[4]["description"]: (
        "Preliminary studies (pre-feasibility, feasibility and design) and works: sports venues, family health "
        "centres, drinking water and sewerage networks, pedestrian walkways, pavements, green areas and parks, "
        "street lighting, squares and improvements to municipal premises, among others."
    ),
    PROGRAMME_02_LINES[4]["who_may_apply"]: (
        "Municipalities, public services, foundations, corporations and the Gobierno de Santiago."
    ),
    "Préstamos": "Loans",
    PROGRAMME_02_LINES[5]["description"]: (
        "Advances to contractors to start works. They are deducted from payments as the works progress and, once "
        "repaid, are recorded as regional investment expenditure."
    ),
    "Transferencias de Capital": "Capital Transfers",
    PROGRAMME_02_LINES[6]["description"]: (
        "Funds transferred to other institutions so that they carry out investments, through three funds. The "
        "split among them shown here is illustrative: the source publishes only the heading's total."
    ),
    "Fondo Regional de Iniciativa Local (FRIL)": "Regional Local Initiative Fund (FRIL)",
    PROGRAMME_02_LINES[6]["components"][0]["description"]: (
        "Small urban works under 3,000 UTM, such as road markings, paving or improving green areas, which also aim "
        "to create local jobs. Municipalities carry them out."
    ),
    "Otras Transferencias de Capital": "Other Capital Transfers",
    PROGRAMME_02_LINES[6]["components"][1]["description"]: (
        "Upkeep, replacement and improvement of works such as street lighting, green areas and paving. "
        "Municipalities carry them out."
    ),
    "Fondo de Innovación para la Competitividad Regional (FIC-R)": (
        "Innovation Fund for Regional Competitiveness (FIC-R)"
    ),
    PROGRAMME_02_LINES[6]["components"][2]["description"]: (
        "Research and innovation projects that create knowledge and make the region's economy more competitive."
    ),
    PROGRAMME_02_LINES[6]["components"][2]["who_may_apply"]: (
        "Accredited state universities and state-recognised universities; accredited regional development centres "
        "recognised by the State; regional scientific and technological development centres created by CONICYT "
        "calls; and business incubators in good standing with CORFO."
    ),
}


def block_id(*parts):
    """A stable block id, so wagtail-localize finds the same blocks in the saved page it extracted from."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(["fichas-demo", *parts])))


def list_items(items, *parts):
    """ListBlock raw data with stable ids (without ids, Wagtail makes new ones at every load)."""
    return [
        {"type": "item", "value": item, "id": block_id(*parts, str(index), item["code"], item["name"])}
        for index, item in enumerate(items)
    ]


def sheet_body(sheet):
    """The raw StreamField data of a sheet's body: how to read it, then its budget table."""
    slug = sheet["slug"]
    lines = [{**line, "components": list_items(line["components"], slug, line["code"])} for line in sheet["lines"]]
    return json.dumps(
        [
            {"type": "heading", "value": {"text": HOW_TO_READ_HEADING, "level": "h2"}, "id": block_id(slug, "h")},
            {"type": "paragraph", "value": f"<p>{HOW_TO_READ}</p>", "id": block_id(slug, "p")},
            {
                "type": "budget_table",
                "id": block_id(slug, "table"),
                "value": {
                    "title": sheet["table_title"],
                    "lines": list_items(lines, slug),
                    "official_approved": sheet["official_approved"],
                    "official_executed": sheet["official_executed"],
                    "note": sheet["note"],
                },
            },
        ]
    )


def load(home):
    """Create the index and both 2023 sheets in Spanish (once), then their English translations."""
    index = get_or_create_page(
        home,
        FichasIndexPage,
        INDEX_SLUG,
        title="Fichas Ciudadanas",
        show_in_menus=True,
        introduction=f"<p>{INDEX_INTRO}</p><p>{INDEX_PURPOSE}</p>",
    )
    sheets = [
        get_or_create_page(
            index,
            FichaCiudadanaPage,
            sheet["slug"],
            title=sheet["title"],
            year=sheet["year"],
            programme_number=sheet["programme_number"],
            programme_name=sheet["programme_name"],
            introduction=f"<p>{sheet['introduction']}</p>",
            body=sheet_body(sheet),
        )
        for sheet in SHEETS
    ]
    translate(index, ENGLISH)
    for sheet in sheets:
        translate(sheet, ENGLISH)
