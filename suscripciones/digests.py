"""The daily digest: every change of what an address follows, in one message, at most once a day.

``send_digests`` is idempotent and cheap when there is nothing to send, so it can run as often
as wanted (``manage.py send_digests``, every 15 minutes under ``scripts/supervise.sh`` in
``make run``/``make serve``, or from cron): an address gets a digest only when something it
follows changed and it got none earlier the same day (the site's time zone).
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from participacion.models import InstanciaSession
from programa_gobierno.models import RegistroAvance

from . import mail, services
from .models import Change, Subscriber, Subscription

logger = logging.getLogger(__name__)


def got_digest_today(subscriber, now):
    """True if ``subscriber`` was sent a digest earlier on ``now``'s local day."""
    last = subscriber.last_digest_at
    return last is not None and timezone.localdate(last) == timezone.localdate(now)


def describe(change, language):
    """One line about ``change`` in ``language`` (the active one), or None if its item is gone."""
    if change.kind == Change.Kind.PROGRESS:
        entry = RegistroAvance.objects.filter(pk=change.item_key).first()
        if entry is None:
            return None
        return _("Avance registrado el %(date)s: %(progress)s %% · %(status)s") % {
            "date": date_format(timezone.localtime(entry.recorded_at), "DATE_FORMAT"),
            "progress": _number(entry.progress),
            "status": entry.get_status_display(),
        }
    if change.kind in (Change.Kind.SESSION_NEW, Change.Kind.SESSION_CHANGED):
        sessions = InstanciaSession.objects.filter(translation_key=change.item_key).select_related("locale")
        session = next((s for s in sessions if s.locale.language_code == language), None) or sessions.first()
        if session is None:
            return None
        label = session.title or _("Sesión")
        if change.kind == Change.Kind.SESSION_NEW:
            return _("Sesión nueva: %(title)s (%(when)s)") % {"title": label, "when": session.when_text}
        return _("Sesión actualizada: %(title)s (%(when)s)") % {"title": label, "when": session.when_text}
    if change.kind == Change.Kind.DOCUMENT_NEW:
        document = get_document_model().objects.filter(pk=change.item_key).first()
        return None if document is None else _("Documento nuevo: %(title)s") % {"title": document.title}
    return None


def _number(value):
    from django.utils.formats import number_format

    return number_format(value, 1, use_l10n=True)


def sections_for(subscriber, changes_by_key, language):
    """The digest's sections: one per followed page with news, each with its lines, in ``language``."""
    sections = []
    for subscription in subscriber.confirmed:
        lines = []
        for change in changes_by_key.get(subscription.page_key, []):
            if change.recorded_at > subscription.notified_until:
                line = describe(change, language)
                if line and line not in lines:
                    lines.append(line)
        page = services.page_for_key(subscription.page_key, language) if lines else None
        if page is not None:
            sections.append(
                {
                    "title": page.title,
                    "url": page.get_full_url(),
                    "kind": subscription.get_kind_display(),
                    "lines": lines,
                }
            )
    return sections


def send_digests(now=None):
    """Queue one digest for each address with news that has not had one today. Returns how many.

    Also purges unconfirmed requests and old changes (``services.purge``).
    """
    now = now or timezone.now()
    services.purge(now)
    keys = set(Change.objects.filter(recorded_at__lte=now).values_list("page_key", flat=True))
    if not keys:
        return 0
    changes_by_key = {}
    for change in Change.objects.filter(page_key__in=keys, recorded_at__lte=now):
        changes_by_key.setdefault(change.page_key, []).append(change)
    subscriber_ids = (
        Subscription.objects.filter(page_key__in=keys, confirmed_at__isnull=False)
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    sent = 0
    for subscriber in Subscriber.objects.filter(pk__in=list(subscriber_ids)).order_by("pk"):
        if got_digest_today(subscriber, now):
            continue
        if send_digest(subscriber, changes_by_key, now):
            sent += 1
    return sent


def send_digest(subscriber, changes_by_key, now):
    """Queue ``subscriber``'s digest if it has news; advance its cursors. True if one was queued.

    The claim on ``last_digest_at`` is a conditional update, so two runs at once send one digest.
    """
    language = subscriber.language
    subscriber.confirmed = list(
        subscriber.subscriptions.filter(confirmed_at__isnull=False).filter(
            Q(notified_until__isnull=True) | Q(notified_until__lt=now)
        )
    )
    for subscription in subscriber.confirmed:
        subscription.notified_until = subscription.notified_until or subscription.confirmed_at
    with translation.override(language):
        sections = sections_for(subscriber, changes_by_key, language)
        if not sections:
            return False
        subject = _("Novedades de lo que sigue en Gobierno Abierto")
    with transaction.atomic():
        claimed = Subscriber.objects.filter(pk=subscriber.pk, last_digest_at=subscriber.last_digest_at).update(
            last_digest_at=now
        )
        if not claimed:
            return False  # another run sent it
        Subscription.objects.filter(pk__in=[s.pk for s in subscriber.confirmed]).update(notified_until=now)
        mail.queue(
            subscriber,
            subject,
            "suscripciones/mail/digest",
            {"sections": sections, "date": now},
            services.unsubscribe_url(subscriber, language),
        )
    return True
