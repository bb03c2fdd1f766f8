"""Sitemap URLs (outside i18n_patterns: one address per language's sitemap, not per visitor language)."""

from django.urls import path

from . import sitemaps

urlpatterns = [
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
]
