"""Following by e-mail: what can be followed, subscribing, confirming, unsubscribing, purging.

A subscription names the followed page by its ``translation_key``, so following the Spanish or
the English version is the same thing; it is shown in the subscriber's language.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from participacion.models import InstanciaPage
from programa_gobierno.models import CompromisoPage

from . import mail
from .models import BodySnapshot, Change, FollowedKind, Subscriber, Subscription

CONFIRM_SALT = "suscripciones.confirm"
# How long a confirmation link works, and how long an unconfirmed request is kept.
PENDING_DAYS = 3
# A second confirmation mail for the same request is not sent before this.
RESEND_AFTER = timedelta(hours=1)
# Changes are mailed within a day; older ones are kept a while for a worker that was down.
CHANGES_KEPT_DAYS = 30
FOLLOWED_MODELS = {CompromisoPage: FollowedKind.COMMITMENT, InstanciaPage: FollowedKind.BODY}


def followable_page(page_id):
    """The live, public commitment or body page with id ``page_id``, or None."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    return page if type(page) in FOLLOWED_MODELS else None


def kind_of(page):
    """``FollowedKind`` of a commitment or body page."""
    return FOLLOWED_MODELS[type(page)]


def page_for_key(page_key, language=None):
    """The live page of ``page_key`` in ``language`` (the active one by default), else Spanish, else any."""
    pages = Page.objects.live().filter(translation_key=page_key).select_related("locale")
    language = language or translation.get_language()
    by_language = {page.locale.language_code: page for page in pages}
    fallback = by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()), None)
    page = by_language.get(language) or fallback
    return page.specific if page is not None else None


def site_root():
    """The public site's root URL, for links in mail (``https://…`` without a trailing slash)."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute(path):
    return site_root() + path


def confirmation_token(subscription):
    """A signed, timestamped token naming ``subscription``; it expires after ``PENDING_DAYS``."""
    return signing.dumps(subscription.pk, salt=CONFIRM_SALT)


class TokenExpired(Exception):
    """The confirmation link is genuine but too old."""


def subscription_for_token(token):
    """The pending or confirmed subscription of a confirmation ``token``, or None if altered or unknown.

    Raises ``TokenExpired`` when the signature is right but older than ``PENDING_DAYS``.
    """
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=timedelta(days=PENDING_DAYS))
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Subscription.objects.select_related("subscriber").filter(pk=pk).first()


def unsubscribe_url(subscriber, language):
    with translation.override(language):
        return absolute(reverse("suscripciones:unsubscribe", args=[subscriber.token]))


def request_subscription(email, page, language, now=None):
    """Record a request to follow ``page`` and mail the confirmation link (double opt-in).

    Whatever happens, the caller answers the same: an address already following the page, or
    that asked within the last hour, gets no second mail (no one can flood an inbox from here),
    and nothing else is sent to an address before it confirms. Returns the mail queued, or None.
    """
    now = now or timezone.now()
    email = BaseUserManager.normalize_email(email.strip())
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(
            email__iexact=email, defaults={"email": email, "language": language, "created_at": now}
        )
        subscription, created = Subscription.objects.get_or_create(
            subscriber=subscriber,
            page_key=page.translation_key,
            defaults={"kind": kind_of(page), "language": language, "created_at": now},
        )
        if subscription.confirmed_at is not None:
            return None
        if not created and subscription.confirmation_sent_at and now - subscription.confirmation_sent_at < RESEND_AFTER:
            return None
        subscription.language = language
        subscription.confirmation_sent_at = now
        subscription.save(update_fields=["language", "confirmation_sent_at"])
        with translation.override(language):
            confirm_url = absolute(reverse("suscripciones:confirm", args=[confirmation_token(subscription)]))
            page_url = page.localized.get_full_url()
            title = page.localized.title
            subject = _("Confirme que quiere seguir «%(title)s»") % {"title": title}
        context = {"title": title, "page_url": page_url, "confirm_url": confirm_url, "pending_days": PENDING_DAYS}
        return mail.queue(
            subscriber,
            subject,
            "suscripciones/mail/confirmation",
            context,
            unsubscribe_url(subscriber, language),
            language=language,
        )


def confirm(subscription, now=None):
    """Confirm ``subscription``: the address now gets digests, in the language it subscribed in."""
    now = now or timezone.now()
    with transaction.atomic():
        if subscription.confirmed_at is None:
            subscription.confirmed_at = now
            subscription.notified_until = now
            subscription.save(update_fields=["confirmed_at", "notified_until"])
        Subscriber.objects.filter(pk=subscription.subscriber_id).update(language=subscription.language)
        if subscription.kind == FollowedKind.BODY:
            page = page_for_key(subscription.page_key)
            if page is not None:
                ensure_snapshot(page)
    return subscription


def unsubscribe(token):
    """Delete the address of ``token`` with everything it followed and any mail queued; True if it existed."""
    deleted, _by_model = Subscriber.objects.filter(token=token).delete()
    return bool(deleted)


def purge(now=None):
    """Forget requests never confirmed after ``PENDING_DAYS``, addresses left following nothing, old changes."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=PENDING_DAYS)
    expired = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()[0]
    Subscriber.objects.filter(subscriptions__isnull=True).delete()
    Change.objects.filter(recorded_at__lt=now - timedelta(days=CHANGES_KEPT_DAYS)).delete()
    return expired


def is_followed(page_key):
    return Subscription.objects.filter(page_key=page_key).exists()


# --- Recording what changed -------------------------------------------------------------------


def record_progress(entry):
    """A commitment's progress record (``RegistroAvance``) is a change for its followers."""
    if is_followed(entry.commitment_key):
        Change.objects.create(
            page_key=entry.commitment_key,
            kind=Change.Kind.PROGRESS,
            item_key=str(entry.pk),
            recorded_at=entry.recorded_at,
        )


def session_fingerprint(session):
    """What a follower would notice of a session, as one string (changes when any of it changes)."""
    parts = [
        session.title,
        session.starts_at.isoformat() if session.starts_at else "",
        session.date_precision,
        session.ends_at.isoformat() if session.ends_at else "",
        session.place,
        session.online_url,
        session.agenda,
        str(session.minutes_id or ""),
        str(session.attendance if session.attendance is not None else ""),
    ]
    return "\x1f".join(parts)


def body_state(page):
    """(sessions by translation key -> fingerprint, document ids) of a body page as saved."""
    sessions = {str(session.translation_key): session_fingerprint(session) for session in page.sessions.all()}
    documents = sorted(page.documents.values_list("document_id", flat=True))
    return sessions, documents


def ensure_snapshot(page):
    """Keep a body's state if none is kept yet (the baseline the next publication is compared with)."""
    sessions, documents = body_state(page)
    BodySnapshot.objects.get_or_create(
        page_key=page.translation_key, defaults={"sessions": sessions, "documents": documents}
    )


def record_body_publication(page, now=None):
    """Compare a published body (in the default language) with its last state; record what is new or changed."""
    if page.locale_id != Locale.get_default().pk:
        return []  # translations repeat the same sessions; the original language decides
    now = now or timezone.now()
    sessions, documents = body_state(page)
    snapshot = BodySnapshot.objects.filter(page_key=page.translation_key).first()
    if snapshot is None:
        BodySnapshot.objects.create(page_key=page.translation_key, sessions=sessions, documents=documents)
        return []
    changes = []
    for key, fingerprint in sessions.items():
        if key not in snapshot.sessions:
            changes.append((Change.Kind.SESSION_NEW, key))
        elif snapshot.sessions[key] != fingerprint:
            changes.append((Change.Kind.SESSION_CHANGED, key))
    for document_id in documents:
        if document_id not in snapshot.documents:
            changes.append((Change.Kind.DOCUMENT_NEW, str(document_id)))
    snapshot.sessions, snapshot.documents = sessions, documents
    snapshot.save(update_fields=["sessions", "documents"])
    if not is_followed(page.translation_key):
        return []
    return Change.objects.bulk_create(
        [Change(page_key=page.translation_key, kind=kind, item_key=key, recorded_at=now) for kind, key in changes]
    )
