"""What kind of thing a search result is, in words a citizen uses: ficha, compromiso, instancia, página.

A page model can say it itself with a ``search_result_kind`` attribute (one of the
constants below). Otherwise pages of the fichas, programa_gobierno and participacion
apps are a ficha, a compromiso or an instancia, except their section (index) pages,
which are pages like any other.
"""

from django.utils.translation import gettext_lazy as _

FICHA = "ficha"
COMPROMISO = "compromiso"
INSTANCIA = "instancia"
PAGINA = "pagina"
DOCUMENTO = "documento"

LABELS = {
    FICHA: _("Ficha presupuestaria"),
    COMPROMISO: _("Compromiso del programa"),
    INSTANCIA: _("Instancia de participación"),
    PAGINA: _("Página"),
    DOCUMENTO: _("Documento"),
}

KIND_BY_APP = {"fichas": FICHA, "programa_gobierno": COMPROMISO, "participacion": INSTANCIA}


def is_section_page(model):
    """Whether ``model`` is a section page that lists others (by convention its name has "Index")."""
    return "index" in model.__name__.lower()


def result_kind(model):
    """The kind of a page model, one of FICHA, COMPROMISO, INSTANCIA or PAGINA."""
    explicit = getattr(model, "search_result_kind", None)
    if explicit in LABELS:
        return explicit
    kind = KIND_BY_APP.get(model._meta.app_label)
    if kind and not is_section_page(model):
        return kind
    return PAGINA


def kind_label(kind):
    """The visitor-facing name of a kind (translated)."""
    return LABELS.get(kind, LABELS[PAGINA])
