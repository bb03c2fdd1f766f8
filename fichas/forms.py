"""The sheet's admin form: a new sheet's title and address come from its year and programme.

For a new sheet the editor may leave "Título" and "Slug" empty: they are computed
from the year, the programme number and name ("Ficha Ciudadana 01: Gastos de
Funcionamiento 2024", ``ficha-ciudadana-01-gastos-de-funcionamiento-2024``).

Wagtail 8 autosaves a new page as a draft as soon as the form is valid enough. If
the editor then leaves and starts the same sheet again, the address is already
taken by that unpublished draft, and Wagtail would refuse the new attempt with a
slug error. An address held by a page that was never published is not a reason
to stop the editor: the new sheet takes the next free one (``…-2024-2``). An
address held by a published sheet is a real conflict and stays an error.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .naming import free_slug, sheet_slug, sheet_title


class FichaPageForm(WagtailAdminPageForm):
    """``WagtailAdminPageForm`` that names new sheets from their year and programme."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_new_sheet:
            for name in ("title", "slug"):
                if name in self.fields:
                    self.fields[name].required = False
            if "title" in self.fields:
                self.fields["title"].help_text = _(
                    "Puede dejarlo vacío: se completa con el año y el programa, por ejemplo "
                    "«Ficha Ciudadana 01: Gastos de Funcionamiento 2024»."
                )

    @property
    def is_new_sheet(self):
        return self.instance.pk is None

    def clean(self):
        data = self.cleaned_data
        if self.is_new_sheet:
            year, number, name = data.get("year"), data.get("programme_number"), data.get("programme_name")
            if year and number and name:
                if not data.get("title"):
                    data["title"] = sheet_title(year, number, name)
                if not data.get("slug"):
                    data["slug"] = sheet_slug(year, number, name)
            slug = data.get("slug")
            if slug and self.parent_page is not None:
                holder = self.parent_page.get_children().filter(slug=slug).first()
                if holder is not None and holder.first_published_at is None and not holder.live:
                    data["slug"] = free_slug(self.parent_page, slug)  # a draft left behind: not a conflict
        return super().clean()
