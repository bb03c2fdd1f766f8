"""Remember which Wagtail page answered a request, so the shared response can be tagged with it."""

from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Keep ``page`` on the request for ``pagecache.varnish.response_tags`` (routes such as ``datos.csv`` too)."""
    request._pagecache_page = page
