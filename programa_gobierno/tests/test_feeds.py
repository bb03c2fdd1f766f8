"""The programme's Atom feed, read by a feed reader (feedparser): one entry per recorded progress change."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Locale

from programa_gobierno.models import CompromisoPage, ProgramaIndexPage, RegistroAvance, Status
from tests.feeds import read_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgramaIndexPage.objects.get(locale=Locale.get_default())


def test_feed_is_valid_atom_with_id_updated_author_and_self_link(client, programme):
    feed = read_feed(client, f"{programme.url}avances.atom")
    assert feed.feed.id == f"http://testserver{programme.url}"
    assert feed.feed.updated
    assert feed.feed.author == "Gobierno de Santiago"
    assert {link.rel: link.href for link in feed.feed.links}["self"] == f"http://testserver{programme.url}avances.atom"
    assert feed.feed.title == f"{programme.title}: avances de los compromisos"


def test_a_recorded_progress_change_is_the_newest_entry(client, programme):
    commitment = CompromisoPage.objects.child_of(programme).live().first()
    entry = RegistroAvance.objects.create(
        commitment_key=commitment.translation_key,
        page=commitment,
        recorded_at=timezone.now() + timedelta(minutes=1),
        progress=Decimal("37.5"),
        status=Status.LIMITED,
        completed_milestones=2,
        total_milestones=5,
    )
    feed = read_feed(client, f"{programme.url}avances.atom")
    newest = feed.entries[0]
    assert newest.title == f"{commitment.title}: 37,5 % · {Status.LIMITED.label}"
    assert newest.link == f"http://testserver{commitment.url}"
    assert newest.id == f"http://testserver{commitment.url}#avance-{entry.pk}"
    assert "2 de 5 hitos cumplidos" in newest.summary
    keys = set(CompromisoPage.objects.child_of(programme).live().values_list("translation_key", flat=True))
    assert len(feed.entries) == min(50, RegistroAvance.objects.filter(commitment_key__in=keys).count())


def test_english_feed_speaks_english(client, programme):
    programme_en = programme.get_translation(Locale.objects.get(language_code="en"))
    feed = read_feed(client, f"{programme_en.url}avances.atom")
    assert feed.feed.title == f"{programme_en.title}: progress of the commitments"
    assert all(entry.link.startswith("http://testserver/en/") for entry in feed.entries)
    assert feed.entries, "the demo records progress for its commitments"


def test_programme_page_announces_its_feed(client, programme):
    content = client.get(programme.url).content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" href="{programme.url}avances.atom"' in content


def test_a_commitment_feed_holds_only_that_commitment(client, programme):
    commitment = CompromisoPage.objects.child_of(programme).live().first()
    other = CompromisoPage.objects.child_of(programme).live().exclude(pk=commitment.pk).first()
    RegistroAvance.objects.create(
        commitment_key=other.translation_key, page=other, progress=Decimal("10"), status=Status.LIMITED
    )
    feed = read_feed(client, f"{commitment.url}avances.atom")
    assert feed.feed.title == f"{commitment.title}: avances"
    assert {link.rel: link.href for link in feed.feed.links}["self"] == f"http://testserver{commitment.url}avances.atom"
    assert len(feed.entries) == RegistroAvance.objects.filter(commitment_key=commitment.translation_key).count()
    assert feed.entries
    assert all(entry.link == f"http://testserver{commitment.url}" for entry in feed.entries)
    page = client.get(commitment.url).content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" href="{commitment.url}avances.atom"' in page


def test_feed_of_an_unknown_commitment_is_a_404(client, programme):
    assert client.get(f"{programme.url}no-existe/avances.atom").status_code == 404
