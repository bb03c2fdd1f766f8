"""Admin glue that sends wagtail-localize's "publish" actions through ``base.translation_workflow``.

Three places in wagtail-localize apply a translation: the translation editor's
"Publicar", the same for a snippet, and "Sincronizar traducciones" with "Publicar
inmediatamente". The hooks in ``base/wagtail_hooks.py`` answer the first two before
wagtail-localize does; the third is this module's view, registered at wagtail-localize's
own address so every link to it (the explorer's "Sincronizar", the out-of-date report)
reaches it.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.paginator import WagtailPaginator
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import report as localize_report
from wagtail_localize.views.edit_translation import edit_translation
from wagtail_localize.views.update_translations import UpdateTranslationsForm, UpdateTranslationsView

from base.translation_workflow import DRAFT, PUBLISHED, SUBMITTED, apply_translation


def enabled_translation(instance):
    """The synchronised translation whose target is ``instance``, or None (not a translation)."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def report(request, translation, outcome):
    """Tell the editor what became of the translation, in words that say what visitors see."""
    title = str(outcome.instance) if outcome.instance is not None else translation.source.object_repr
    values = {"title": title, "language": translation.target_locale.get_display_name(), "count": outcome.missing}
    if outcome.action == PUBLISHED:
        messages.success(request, _("«%(title)s» se publicó en %(language)s.") % values)
    elif outcome.action == SUBMITTED:
        messages.success(request, _("«%(title)s» en %(language)s se envió a aprobación.") % values)
    elif outcome.action == DRAFT:
        messages.warning(
            request,
            ngettext(
                "Falta %(count)s texto por traducir en «%(title)s» (%(language)s): se guardó como borrador "
                "y lo publicado no cambió.",
                "Faltan %(count)s textos por traducir en «%(title)s» (%(language)s): se guardó como borrador "
                "y lo publicado no cambió.",
                outcome.missing,
            )
            % values,
        )


def publish_from_editor(request, instance):
    """The translation editor's "Publicar" (pages and snippets): apply, report, back to the editor.

    Returns None when ``instance`` is not a synchronised translation or this is not that action.
    """
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = enabled_translation(instance)
    if translation is None:
        return None
    try:
        with transaction.atomic():
            outcome = apply_translation(translation, request.user)
    except ValidationError:
        messages.error(request, _("La traducción tiene errores de validación; corríjalos y vuelva a intentarlo."))
    else:
        report(request, translation, outcome)
    return redirect(request.path)


class SubmitAsPublish:
    """Page permissions as the translation editor reads them, for those who may only submit.

    wagtail-localize's editor shows its "Publicar" button only to publishers, which
    would leave Comunicaciones no way to finish a translation. For them the button is
    shown and :func:`publish_from_editor` turns it into a submission for approval.
    """

    def __init__(self, permissions):
        self._permissions = permissions

    def __getattr__(self, name):
        return getattr(self._permissions, name)

    def can_publish(self):
        return True


def edit_page_translation(request, page):
    """The translation editor of an English page, with "Publicar" meaning "enviar a aprobación" for editors."""
    if page.alias_of_id:
        return None
    response = publish_from_editor(request, page)
    if response is not None:
        return response
    permissions = page.permissions_for_user(request.user)
    if permissions.can_publish() or not (permissions.can_edit() and page.has_workflow):
        return None  # wagtail-localize's own hook shows the editor unchanged
    translation = enabled_translation(page)
    if translation is None:
        return None
    page.permissions_for_user = lambda user: SubmitAsPublish(permissions)
    return edit_translation(request, translation, page)


def edit_snippet_translation(request, instance):
    """The translation editor of an English snippet, with "Publicar" meaning "enviar a aprobación" for editors."""
    response = publish_from_editor(request, instance)
    if response is not None:
        return response
    model = type(instance)
    user = request.user
    may_edit = user.has_perm(get_permission_name("change", model))
    if user.has_perm(get_permission_name("publish", model)) or not (may_edit and instance.has_workflow):
        return None  # wagtail-localize's own hook shows the editor unchanged
    translation = enabled_translation(instance)
    if translation is None:
        return None
    # wagtail-localize offers a snippet's "Publicar" to whoever has the model's publish permission,
    # which would leave Comunicaciones no way to finish a translation. For this one rendering the
    # editor reads that permission as granted; publish_from_editor turns the button into a
    # submission to the snippet's workflow.
    publish = get_permission_name("publish", model)
    has_perm = user.has_perm
    user.has_perm = lambda perm, obj=None: perm == publish or has_perm(perm, obj)
    try:
        return edit_translation(request, translation, instance)
    finally:
        del user.has_perm


class SyncTranslationsForm(UpdateTranslationsForm):
    """wagtail-localize's form, with the "publish" option explained as it now behaves."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_translations"].label = gettext_lazy("Publicar lo que esté traducido")
        self.fields["publish_translations"].help_text = gettext_lazy(
            "Aplica los textos ya traducidos. Una página completa se publica (o se envía a aprobación si usted "
            "no puede publicar); una página con textos sin traducir queda como borrador y lo publicado no cambia."
        )


class SyncTranslationsView(UpdateTranslationsView):
    """ "Sincronizar traducciones" that never publishes Spanish text into an English page nor skips approval."""

    def get_form(self):
        return SyncTranslationsForm(self.request.POST if self.request.method == "POST" else None)

    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"]:
            return super().form_valid(form)
        self.object.update_from_db()
        translations = self.object.translations.filter(enabled=True).select_related("source", "target_locale")
        for translation in translations:
            with contextlib.suppress(ValidationError):
                report(self.request, translation, apply_translation(translation, self.request.user))
        self.components.save(self.object, sources_and_translations={self.object: list(translations)})
        return redirect(self.get_success_url() or self.get_default_success_url())


class TranslationsReportFilterSet(localize_report.TranslationsReportFilterSet):
    """wagtail-localize's filters, with labels for its two language filters.

    wagtail-localize gives them none, so django-filter makes one from the field names, in English
    ("Source locale", "Target locale") whatever the admin's language.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["source_locale"].label = gettext_lazy("Source locale")
        self.filters["target_locale"].label = gettext_lazy("Target locale")


class TranslationsPaginator(WagtailPaginator):
    """Counts translations in the admin's language ("125 traducciones").

    wagtail-localize's ``Translation`` model has no verbose name, so Django's default, English
    "translations", would follow the count.
    """

    verbose_name = gettext_lazy("translation")
    verbose_name_plural = gettext_lazy("translations")


class TranslationsReportView(localize_report.TranslationsReportView):
    """wagtail-localize's "Traducciones" report, labelled and counted in the admin's language."""

    filterset_class = TranslationsReportFilterSet
    paginator_class = TranslationsPaginator
