"""Public views of the citizen attention office, served as routes of ``ContactoPage``.

Every refusal is a clear message (in the page's language) with a 4xx status: 400 for invalid
input, 404 for an unknown code in the look-up, 409 for a repeated submission,
429 when a client sends too much. Nothing is stored unless everything is valid.
"""

from django.conf import settings
from django.core import signing
from django.db import DatabaseError
from django.db.models import Count
from django.db.models.functions import TruncDate, TruncMonth
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Site

from base.numbers import percentage

from . import ratelimit, services, stats
from .forms import ContactForm, LookupForm
from .records import CitizenRequest, RequestStatus, RequestType

# The tracking code travels to the confirmation in a signed cookie set on the redirect itself,
# so showing it needs no session, no database and no second query that could fail.
CONFIRMATION_COOKIE = "contacto_codigo"
CONFIRMATION_SALT = "contacto.confirmation"
CONFIRMATION_MAX_AGE = 60 * 60
# Three 5 MB files plus the text fields and multipart overhead; anything larger is refused unread.
MAX_REQUEST_BYTES = 16 * 1024 * 1024
# Default (limit, window seconds) per client: (accepted requests, any POST). CONTACTO_RATE_LIMITS
# overrides them by name: "submit", "submit_any", "lookup", "lookup_any".
SUBMIT_LIMITS = ((5, 600), (30, 600))
LOOKUP_LIMITS = ((10, 600), (30, 600))


def _limits(name, default):
    return getattr(settings, "CONTACTO_RATE_LIMITS", {}).get(name, default)


def _render(page, request, template, status=200, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _typed(data, fields):
    """What the citizen typed in ``fields``, to fill the form again when it is refused unread."""
    return {name: data.get(name) for name in fields if data.get(name)}


def _refuse_too_many(page, request, template, form, wait_seconds):
    """The form again (429), with what was typed and when to retry; ``Retry-After`` for machines."""
    minutes = max(1, -(-wait_seconds // 60))
    response = _render(page, request, template, status=429, form=form, retry_minutes=minutes)
    response["Retry-After"] = str(wait_seconds)
    return response


def _over_limit(request, action, accepted_default, any_default):
    """Seconds to wait if this client is over a limit of ``action``, else None.

    Two bounds: every POST counts against ``<action>_any`` (a flood of junk is stopped early),
    and only the requests the view accepted count against ``<action>`` (checked here, recorded
    by ``_count_accepted``), so a few failed or empty posts use up nobody's allowance.
    """
    key = ratelimit.client_key(request)
    wait = ratelimit.consume(f"{action}_any", key, *_limits(f"{action}_any", any_default))
    if wait is None:
        wait = ratelimit.check(action, key, *_limits(action, accepted_default))
    return wait


def _count_accepted(request, action, accepted_default):
    _limit, window = _limits(action, accepted_default)
    ratelimit.record(action, ratelimit.client_key(request), window)


def contact_form(request, page):
    """The request form: GET shows it, POST validates, stores and redirects to the confirmation."""
    request_types = page.accepted_types()
    template = "contacto/contacto_page.html"
    if request.method != "POST":
        return _render(page, request, template, form=ContactForm(request_types=request_types))

    wait = _over_limit(request, "submit", *SUBMIT_LIMITS)
    if wait is not None:
        typed = _typed(request.POST, ContactForm.TYPED_FIELDS)
        form = ContactForm(initial=typed, request_types=request_types)
        return _refuse_too_many(page, request, template, form, wait)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_REQUEST_BYTES:
        return _render(page, request, "contacto/refused.html", status=413, reason="too_large")
    form = ContactForm(request.POST, request.FILES, request_types=request_types)
    if form.is_bot:
        return _render(page, request, "contacto/refused.html", status=400, reason="bot")
    if not form.is_valid():
        return _render(page, request, template, status=400, form=form)
    data = form.cleaned_data
    digest = services.submission_digest(data["email"], data["subject"], data["message"])
    if services.is_repeated_submission(digest):
        return _render(page, request, "contacto/refused.html", status=409, reason="repeated")
    citizen_request = services.submit_request(
        data=data,
        files=data["attachments"],
        page=page,
        site=Site.find_for_request(request),
        language=translation.get_language(),
    )
    _count_accepted(request, "submit", SUBMIT_LIMITS[0])
    response = HttpResponseRedirect(page.url + page.reverse_subpage("confirmation_view"), status=303)
    response.set_signed_cookie(
        CONFIRMATION_COOKIE,
        citizen_request.code,
        salt=CONFIRMATION_SALT,
        max_age=CONFIRMATION_MAX_AGE,
        path=page.url,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def confirmed_code(request):
    """The tracking code from the signed confirmation cookie, or None if absent, altered or expired."""
    try:
        return request.get_signed_cookie(CONFIRMATION_COOKIE, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return None


def standalone_confirmation(code, office_url):
    """The confirmation without the site's layout: no database query, for when the database fails.

    The request was committed before the redirect, so the citizen must still get the code.
    """
    html = render_to_string("contacto/confirmation_standalone.html", {"code": code, "office_url": office_url})
    response = HttpResponse(html)
    response["Cache-Control"] = "no-store"
    return response


def confirmation(request, page):
    """The tracking code of the request just sent (from a signed cookie, never in the URL).

    Personal, so never stored by the page cache or a shared cache (``no-store``).
    """
    code = confirmed_code(request)
    if not code:
        return HttpResponseRedirect(page.url)
    try:
        response = _render(page, request, "contacto/confirmation.html", code=code)
    except DatabaseError:
        return standalone_confirmation(code, page.url)
    response["Cache-Control"] = "no-store"
    return response


def lookup(request, page):
    """Status and public answer of a request, given its code and the e-mail it was sent from."""
    template = "contacto/lookup.html"
    if request.method != "POST":
        return _render(page, request, template, form=LookupForm())
    wait = _over_limit(request, "lookup", *LOOKUP_LIMITS)
    if wait is not None:
        form = LookupForm(initial=_typed(request.POST, ["code", "email"]))
        return _refuse_too_many(page, request, template, form, wait)
    form = LookupForm(request.POST)
    if not form.is_valid():
        return _render(page, request, template, status=400, form=form)
    # Every look-up actually made counts, found or not: this is the bound on guessing codes.
    _count_accepted(request, "lookup", LOOKUP_LIMITS[0])
    found = services.find_request(form.cleaned_data["code"], form.cleaned_data["email"])
    if found is None:
        return _render(page, request, template, status=404, form=form, not_found=True)
    return _render(page, request, template, form=LookupForm(), result=found)


def statistics(request, page):
    """Requests per type and month, share answered on time, median working days: counted in SQL.

    Three aggregate queries whatever the number of requests, and no personal data.
    """
    monthly = list(
        CitizenRequest.objects.order_by()
        .annotate(month=TruncMonth("received_on"))
        .values_list("request_type", "month")
        .annotate(count=Count("pk"))
    )
    answered_requests = CitizenRequest.objects.order_by().filter(answered_at__isnull=False)
    answered_on = TruncDate("answered_at", tzinfo=timezone.get_current_timezone())
    on_time = CitizenRequest.on_time_counts()
    answered_pairs = list(
        answered_requests.annotate(answered_on=answered_on)
        .values_list("received_on", "answered_on")
        .annotate(count=Count("pk"))
    )
    types = [value for value, _ in RequestType.choices]
    context = {
        "type_labels": [label for _, label in RequestType.choices],
        "months": stats.monthly_counts(monthly, types),
        "totals": stats.type_totals(monthly, types),
        "on_time_share_percent": None,
        "total": sum(count for _kind, _month, count in monthly),
        "answered_count": on_time["answered"],
        "on_time_share": stats.on_time_share(on_time["answered"], on_time["on_time"]),
        "median_days": stats.median_working_days_to_answer(answered_pairs),
        "status_labels": dict(RequestStatus.choices),
    }
    if context["on_time_share"] is not None:
        context["on_time_share_percent"] = percentage(on_time["on_time"], on_time["answered"], 1)
    return _render(page, request, "contacto/statistics.html", **context)
