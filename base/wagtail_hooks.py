"""Admin: site texts, two-step sign-in, translations that wait for approval, the readability check."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from base import translation_admin, twofactor, views
from base.models import SiteTexts


class SiteTextsViewSet(SnippetViewSet):
    """Header and footer texts, under Configuración beside the site settings that point at them."""

    model = SiteTexts
    icon = "site"
    menu_label = _("Textos del sitio")
    menu_name = "textos-del-sitio"
    add_to_settings_menu = True
    list_display = ["institution_name", "tagline"]


register_snippet(SiteTextsViewSet)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("dos-pasos/configurar/", twofactor.setup, name=twofactor.SETUP_URL_NAME),
        path("dos-pasos/verificar/", twofactor.verify, name=twofactor.VERIFY_URL_NAME),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """Editors can turn the second step on from their account page (administrators must)."""
    if user_has_device(request.user, confirmed=True):
        return None
    return {
        "url": reverse(twofactor.SETUP_URL_NAME),
        "label": "Verificación en dos pasos",
        "help_text": "Proteja su cuenta con un código de su teléfono además de la contraseña.",
    }


# Translations (base/translation_workflow.py): these run before wagtail-localize's own hooks
# and URL (order=-1), so its "publish" actions never publish Spanish text nor skip approval.


@hooks.register("before_edit_page", order=-1)
def edit_page_translation(request, page):
    return translation_admin.edit_page_translation(request, page)


@hooks.register("before_edit_snippet", order=-1)
def publish_snippet_translation(request, instance):
    if not hasattr(instance, "translation_key"):
        return None
    return translation_admin.edit_snippet_translation(request, instance)


@hooks.register("register_admin_urls", order=-1)
def register_translation_sync_url():
    """Same address as wagtail-localize's "update_translations", matched first."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            translation_admin.SyncTranslationsView.as_view(),
            name="sincronizar_traducciones",
        )
    ]


@hooks.register("register_admin_urls", order=-1)
def register_translations_report_urls():
    """Same addresses as wagtail-localize's "Traducciones" report and its results, matched first."""
    return [
        path("localize/reports/translations/", translation_admin.TranslationsReportView.as_view()),
        path(
            "localize/reports/translations/results/",
            translation_admin.TranslationsReportView.as_view(results_only=True),
        ),
    ]


@hooks.register("register_admin_urls")
def register_readability_url():
    """The JSON endpoint the editor's checks panel calls while the text changes."""
    return [path("legibilidad/", views.readability_check, name="base_readability")]


@hooks.register("insert_editor_js")
def readability_script():
    """The checks panel's plain-language score, refreshed from the form as the editor writes."""
    return format_html('<script src="{}" defer></script>', static("base/js/readability.js"))
