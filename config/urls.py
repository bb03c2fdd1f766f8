"""URL configuration: admin, API, sitemap, then every page through Wagtail.

Spanish is served at "/" (no prefix) and English at "/en/".
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from base import health
from base import views as base_views
from base.api import api_router
from contacto.password_reset import RateLimitedPasswordResetView

urlpatterns = [
    # Wagtail's password-reset page with per-client and per-address limits (contacto/password_reset.py).
    path("admin/password_reset/", RateLimitedPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("", include("search.sitemap_urls")),  # sitemap index, one sitemap per language
    path("robots.txt", base_views.robots_txt, name="robots_txt"),
    # The DCAT catalogue of the open data, one for both languages (base/catalog.py).
    path("catalogo/", base_views.catalog_negotiate, name="catalog"),
    re_path(r"^catalogo\.(?P<fmt>ttl|jsonld)$", base_views.catalog_document, name="catalog_file"),
    path("healthz", health.healthz, name="healthz"),  # database, cache, task queue (base/health.py)
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Area apps add their own non-page URLs (exports, feeds, look-ups) in <app>/urls.py.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("fichas.urls")),
    path("", include("participacion.urls")),
    path("", include("programa_gobierno.urls")),
    path("", include("suscripciones.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "base.views.page_not_found"
handler500 = "base.views.server_error"
