"""The index's filter and sort form: a plain GET form, so it works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .progress import Status

#: Sort options: query-string value -> (label, ORDER BY).
SORTS = {
    "tema": (_("Tema"), ["tema__sort_order", "tema__name", "title"]),
    "avance_desc": (_("Mayor avance primero"), ["-progress", "title"]),
    "avance_asc": (_("Menor avance primero"), ["progress", "title"]),
    "termino_asc": (_("Fecha de término más próxima"), ["end_date", "title"]),
    "termino_desc": (_("Fecha de término más lejana"), ["-end_date", "title"]),
}
DEFAULT_SORT = "tema"


class FiltroCompromisosForm(forms.Form):
    """Filter by theme, status and lateness and choose the order; unknown values are errors (shown, with a 400)."""

    tema = forms.ChoiceField(label=_("Tema"), required=False)
    estado = forms.ChoiceField(label=_("Estado"), required=False)
    atrasados = forms.BooleanField(label=_("Solo compromisos atrasados"), required=False)
    orden = forms.ChoiceField(label=_("Ordenar por"), required=False)

    def __init__(self, data=None, *, temas=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["tema"].choices = [("", _("Todos los temas"))] + [(t.slug, t.name) for t in temas]
        self.fields["estado"].choices = [("", _("Todos los estados"))] + list(Status.choices)
        self.fields["orden"].choices = [(key, label) for key, (label, _order) in SORTS.items()]
        invalid = _("El valor «%(value)s» no es una opción válida. Elija una de la lista.")
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = invalid

    def selection(self):
        """The valid choices as a dict (empty strings for "all"); defaults when the form is invalid."""
        if not self.is_valid():
            for name in self.errors:
                if name in self.fields:
                    # Tie the message to its field for assistive technologies.
                    self.fields[name].widget.attrs.update(
                        {"aria-invalid": "true", "aria-describedby": f"{self[name].id_for_label}-error"}
                    )
            return {"tema": "", "estado": "", "atrasados": False, "orden": DEFAULT_SORT}
        data = dict(self.cleaned_data)
        data["orden"] = data.get("orden") or DEFAULT_SORT
        return data

    @staticmethod
    def ordering(sort):
        """The ORDER BY fields for a sort key."""
        return SORTS.get(sort, SORTS[DEFAULT_SORT])[1]
