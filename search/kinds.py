"""What kind of thing a search result is, in words a citizen uses: ficha, compromiso, instancia, página.

A page model says it itself with a ``search_result_kind`` attribute (one of the constants
below); any other page, section pages included, is a page.
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


def result_kind(model):
    """The kind of a page model, one of FICHA, COMPROMISO, INSTANCIA or PAGINA."""
    kind = getattr(model, "search_result_kind", None)
    return kind if kind in LABELS else PAGINA


def kind_label(kind):
    """The visitor-facing name of a kind (translated)."""
    return LABELS.get(kind, LABELS[PAGINA])
