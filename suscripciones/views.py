"""Public views of following by e-mail: the form, "check your mail", confirmation and unsubscribe.

Every refusal is a clear message in the visitor's language with a 4xx status: 400 for invalid
input or a bad link, 404 for something that cannot be followed or an address already gone,
410 for an expired confirmation link, 429 when a client sends too much. The answer to a valid
request is the same whether the address already follows the page or not.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from contacto import ratelimit

from . import services
from .forms import FollowForm

# (limit, window seconds) per client: requests accepted, and POSTs of any kind (floods).
DEFAULT_LIMITS = {"follow": (5, 600), "follow_any": (30, 600)}
MAX_PAGE_ID = 2**31 - 1


def _limits(name):
    return getattr(settings, "SUSCRIPCIONES_RATE_LIMITS", {}).get(name, DEFAULT_LIMITS[name])


def _refuse(request, reason, status):
    return render(request, "suscripciones/refused.html", {"reason": reason}, status=status)


def _followed(page_id):
    return services.followable_page(page_id) if page_id <= MAX_PAGE_ID else None


def _context(page, **extra):
    return {"followed": page.localized, "kind": services.kind_of(page), "pending_days": services.PENDING_DAYS, **extra}


@never_cache
@require_http_methods(["GET", "POST"])
def follow(request, page_id):
    """GET shows the form for a commitment or body; POST asks for the confirmation mail."""
    page = _followed(page_id)
    if page is None:
        return _refuse(request, "unknown", 404)
    template = "suscripciones/follow.html"
    if request.method != "POST":
        return render(request, template, _context(page, form=FollowForm()))

    key = ratelimit.client_key(request)
    wait = ratelimit.consume("follow_any", key, *_limits("follow_any"))
    if wait is None:
        wait = ratelimit.check("follow", key, *_limits("follow"))
    if wait is not None:
        form = FollowForm(initial={"email": request.POST.get("email", "")[:254]})
        minutes = max(1, -(-wait // 60))
        response = render(request, template, _context(page, form=form, retry_minutes=minutes), status=429)
        response["Retry-After"] = str(wait)
        return response
    form = FollowForm(request.POST)
    if form.is_bot:
        return _refuse(request, "bot", 400)
    if not form.is_valid():
        return render(request, template, _context(page, form=form), status=400)
    ratelimit.record("follow", key, _limits("follow")[1])
    services.request_subscription(form.cleaned_data["email"], page, translation.get_language())
    return HttpResponseRedirect(reverse("suscripciones:requested", args=[page_id]), status=303)


@never_cache
def requested(request, page_id):
    """The same answer for every valid request: check your inbox."""
    page = _followed(page_id)
    if page is None:
        return _refuse(request, "unknown", 404)
    return render(request, "suscripciones/requested.html", _context(page))


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners that open links confirm nothing); POST confirms."""
    try:
        subscription = services.subscription_for_token(token)
    except services.TokenExpired:
        return _refuse(request, "expired", 410)
    if subscription is None:
        return _refuse(request, "bad_token", 400)
    page = services.page_for_key(subscription.page_key)
    if page is None:
        return _refuse(request, "unknown", 404)
    if request.method == "POST":
        services.confirm(subscription)
        return render(request, "suscripciones/confirmed.html", _context(page))
    return render(request, "suscripciones/confirm.html", _context(page))


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a button; POST (the button, or a mail client's one-click) deletes the address.

    The random token in the URL is the only credential, so the POST needs no CSRF token.
    """
    if request.method == "POST":
        if not services.unsubscribe(token):
            return _refuse(request, "gone", 404)
        return render(request, "suscripciones/unsubscribed.html")
    if not services.Subscriber.objects.filter(token=token).exists():
        return _refuse(request, "gone", 404)
    return render(request, "suscripciones/unsubscribe.html")
