"""Template tags for the shared layout: menu, breadcrumbs, languages and es-CL numbers.

Templates format; they never compute. Numbers are formatted here with the
active language's separators (es-CL: 1.234.567,89).
"""

import functools
import html
from decimal import Decimal

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import formats, numberformat, translation
from django.utils.html import format_html, strip_tags
from wagtail.models import Page, Site

register = template.Library()

# Depth of each language's home page in the page tree (the tree's root is depth 1).
HOME_DEPTH = 2


# Fields the layout needs of the home page and the menu's pages (URL, title, current section).
LAYOUT_PAGE_FIELDS = ("id", "title", "slug", "path", "depth", "url_path", "locale_id", "content_type_id", "live")


def _layout_pages(request, page=None):
    """``(home, menu items, breadcrumb trail)`` in the active language, looked up once per request.

    On a page, the home is its ancestor at depth 2 (each language has its own tree); it comes
    with its children shown in menus and the page's other ancestors (the breadcrumb trail, home
    first) in one query, without looking up the locale.
    Elsewhere (search, forms) the site's root page in the active language is used, with
    the default language's home as the fallback.
    """
    if request is None:
        return None, [], []
    cached = getattr(request, "_base_layout_pages", None)
    if cached is not None:
        return cached
    if isinstance(page, Page) and page.depth >= HOME_DEPTH:
        home_path = page.path[: HOME_DEPTH * Page.steplen]
    else:
        site = Site.find_for_request(request)
        if site is None:
            return None, [], []
        home_path = site.root_page.localized.path
    # The breadcrumb trail: the page's ancestors from the home page down, in the same query.
    trail_paths = []
    if isinstance(page, Page):
        trail_paths = [page.path[: depth * Page.steplen] for depth in range(HOME_DEPTH + 1, page.depth)]
    in_menu = Q(path__startswith=home_path, depth=HOME_DEPTH + 1, live=True, show_in_menus=True)
    rows = list(
        Page.objects.filter(Q(path=home_path) | in_menu | Q(path__in=trail_paths))
        .only(*LAYOUT_PAGE_FIELDS + ("show_in_menus",))
        .order_by("path")
    )
    home = rows[0] if rows and rows[0].path == home_path else None
    items = [row for row in rows[1:] if row.depth == HOME_DEPTH + 1 and row.live and row.show_in_menus] if home else []
    by_path = {row.path: row for row in rows}
    trail = [home] + [by_path[path] for path in trail_paths if path in by_path] if home else []
    request._base_layout_pages = (home, items, trail)
    return home, items, trail


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the active language (falls back to the default language's home)."""
    return _layout_pages(context.get("request"), context.get("page"))[0]


@register.inclusion_tag("base/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children that are marked "show in menus", in the active language."""
    request = context.get("request")
    current = context.get("page")
    home, items, _trail = _layout_pages(request, current)
    current_path = current.path if isinstance(current, Page) else ""
    for item in items:
        item.is_current = bool(current_path) and current_path.startswith(item.path)
    home_url = home.get_url(request) if home else None
    home_current = bool(home) and isinstance(current, Page) and current.pk == home.pk
    return {"home": home, "home_url": home_url, "home_current": home_current, "items": items, "request": request}


@register.inclusion_tag("base/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current=""):
    """Ancestors of the current page from the home page down (none on the home page itself).

    On a routed sub-page (sessions, tracking, statistics…) the template passes its title as
    ``current``: the page itself then becomes the last link and the trail ends with the sub-page.
    """
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or (page.depth <= HOME_DEPTH and not current):
        return {"ancestors": [], "page": page, "request": request}
    ancestors = _layout_pages(request, page)[2] if page.depth > HOME_DEPTH else []
    if current:
        ancestors = [*ancestors, page]
    # The request lets {% pageurl %} reuse the site root paths it already looked up.
    return {"ancestors": ancestors, "page": page, "current": current, "request": request}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per site language: code, name, URL of this page in it, and whether it exists.

    For a page, the URL is its translation; when it has none the entry links to
    the "not translated yet" notice in that language (search.views.translation_missing).
    Outside the page tree (search, forms), the same path in the other language.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    versions = []
    translations = {}
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    for code, name in settings.LANGUAGES:
        entry = {"code": code, "name": name, "bcp47": to_bcp47(code), "current": code == current, "exists": True}
        if isinstance(page, Page):
            if code in translations:
                entry["url"] = translations[code].get_url(request)
            else:
                # Not translated yet: a notice in that language links to the existing versions.
                entry["exists"] = False
                with translation.override(code):
                    entry["url"] = f"{reverse('translation_missing')}?pagina={page.pk}"
        elif request is not None:
            entry["url"] = translate_url(request.get_full_path(), code)
        else:
            entry["url"] = "/"
        versions.append(entry)
    return versions


@register.filter
def to_bcp47(code):
    """ "es-cl" -> "es-CL", "en" -> "en": the form HTML's lang and hreflang expect."""
    if not code:
        return ""
    parts = str(code).split("-")
    return "-".join([parts[0].lower()] + [p.upper() for p in parts[1:]])


@register.filter
def breakable_email(address):
    """An e-mail address that may wrap after its "@" (``<wbr>``), so a narrow column breaks it there.

    "atencionciudadana@<wbr>gobiernosantiago.cl" reads "atencionciudadana@" / "gobiernosantiago.cl"
    instead of being cut mid-word by ``overflow-wrap: anywhere``, which stays as the last resort.
    """
    local, at, domain = str(address).partition("@")
    return format_html("{}{}<wbr>{}", local, at, domain) if at else address


@register.filter
def fallback_lang(row):
    """' lang="es-CL"' for a snippet shown in Spanish on a page in another language, else "" (WCAG 3.1.2).

    ``row.fallback_language`` is set by ``base.live_snippets``.
    """
    code = getattr(row, "fallback_language", None)
    return format_html(' lang="{}"', to_bcp47(code)) if code else ""


@functools.lru_cache(maxsize=32)
def _number_format(language):
    """(decimal separator, grouping, thousands separator) of ``language``, read once per process."""
    return tuple(
        formats.get_format(name, language, use_l10n=True)
        for name in ("DECIMAL_SEPARATOR", "NUMBER_GROUPING", "THOUSAND_SEPARATOR")
    )


@register.filter
def numero(value, decimals=0):
    """Format a number with the active language's grouping and decimal separators.

    es-CL: 8713930 -> "8.713.930"; numero:2 on 94.91 -> "94,91". Empty values give "—".
    What ``formats.number_format`` does, with the language's separators looked up once
    (budget tables format a few hundred figures per page).
    """
    if value is None or value == "":
        return "—"
    try:
        decimals = int(decimals)
        value = Decimal(str(value))
    except (ValueError, ArithmeticError):
        return value
    decimal_separator, grouping, thousand_separator = _number_format(translation.get_language())
    return numberformat.format(
        value,
        decimal_separator,
        decimal_pos=decimals,
        grouping=grouping,
        thousand_sep=thousand_separator,
        force_grouping=True,
        use_l10n=True,
    )


# Fields that describe a page in its own words, in order of preference, for the meta description
# when the editor left Wagtail's "search description" empty (search engines show it under the title).
DESCRIPTION_FIELDS = ("introduction", "summary", "problem", "purpose")
DESCRIPTION_LENGTH = 160


@register.simple_tag
def meta_description(page):
    """The page's search description, else the plain text of its introduction or summary, ≤ 160 characters."""
    if page is None:
        return ""
    text = getattr(page, "search_description", "")
    if not text:
        text = next((str(value) for name in DESCRIPTION_FIELDS if (value := getattr(page, name, ""))), "")
        text = html.unescape(strip_tags(text))
    text = " ".join(text.split())
    if len(text) > DESCRIPTION_LENGTH:  # cut at a word, never inside one
        text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text
