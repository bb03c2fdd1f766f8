"""The followers report: per followed page, how many addresses confirmed and how many are pending."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render

from . import services
from .models import Subscription

# Granted by migration to the "Atención Ciudadana" group; superusers have it too.
FOLLOWERS_PERMISSION = "suscripciones.view_subscription"


def follower_counts():
    """[(page or None, kind, confirmed, pending)] for every followed page, most followed first."""
    rows = (
        Subscription.objects.order_by()
        .values("page_key", "kind")
        .annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            pending=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        .order_by("-confirmed", "-pending")
    )
    return [
        {
            "page": services.page_for_key(row["page_key"]),
            "kind": row["kind"],
            "confirmed": row["confirmed"],
            "pending": row["pending"],
        }
        for row in rows
    ]


def followers_report(request):
    if not request.user.has_perm(FOLLOWERS_PERMISSION):
        raise PermissionDenied
    return render(request, "suscripciones/admin/report.html", {"rows": follower_counts()})
