"""Commitments: computed progress and status, validation of milestones and overrides, history."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programa_gobierno.history import history_for, record_progress
from programa_gobierno.models import CompromisoPage, RegistroAvance, Status

from .factories import EVIDENCE_URL, CompromisoPageFactory, HitoFactory, milestones

DONE = datetime.date(2025, 3, 1)

pytestmark = pytest.mark.django_db


def make_commitment(pairs=(), **fields):
    """A published commitment in a tree of its own, its milestones given as (weight, completed_on) pairs."""
    return CompromisoPageFactory(hitos=milestones(*pairs), publish=True, **fields)


def test_saving_computes_progress_and_status_from_weighted_milestones():
    page = make_commitment([(1, DONE), (3, None)])
    page.refresh_from_db()
    assert page.progress == Decimal("25.0")
    assert page.status == Status.LIMITED


def test_commitment_without_milestones_is_not_started():
    page = make_commitment([])
    assert page.progress == Decimal("0.0")
    assert page.status == Status.NOT_STARTED


def test_all_milestones_completed_is_complete():
    page = make_commitment([(2, DONE), (5, DONE)])
    assert (page.progress, page.status) == (Decimal("100.0"), Status.COMPLETE)


def test_override_with_reason_is_published_and_the_derived_status_kept():
    page = make_commitment(
        [(1, DONE), (1, None)], status_override=Status.COMPLETE, status_override_reason="Meta cumplida por otra vía."
    )
    assert page.status == Status.COMPLETE
    assert page.derived_status == Status.SUBSTANTIAL
    assert page.is_status_overridden


def test_override_without_reason_is_a_validation_error_in_spanish():
    page = make_commitment([(1, DONE)])
    page.status_override = Status.LIMITED
    page.status_override_reason = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert list(error.value.message_dict) == ["status_override_reason"]


def test_end_date_before_start_date_is_refused():
    page = make_commitment([])
    page.end_date = page.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert list(error.value.message_dict) == ["end_date"]
    page.end_date = page.start_date  # a one-day commitment is fine
    page.full_clean()


def _milestone(**fields):
    """An unsaved milestone with no evidence unless ``fields`` give some."""
    return HitoFactory.build(**{"evidence_url": "", "evidence_date": None, **fields})


def test_completing_a_milestone_without_evidence_is_refused_in_spanish():
    milestone = _milestone(completed_on=DONE, evidence_date=DONE)
    with pytest.raises(ValidationError) as error:
        milestone.clean()
    assert list(error.value.message_dict) == ["completed_on"]


def test_completing_a_milestone_needs_the_evidence_date():
    milestone = _milestone(completed_on=DONE, evidence_url="https://example.org/acta.pdf")
    with pytest.raises(ValidationError) as error:
        milestone.clean()
    assert list(error.value.message_dict) == ["evidence_date"]


def test_completion_date_cannot_be_in_the_future():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    milestone = _milestone(completed_on=tomorrow, evidence_url="https://example.org/x", evidence_date=tomorrow)
    with pytest.raises(ValidationError) as error:
        milestone.clean()
    assert list(error.value.message_dict) == ["completed_on"]
    today = timezone.localdate()
    _milestone(completed_on=today, evidence_url="https://example.org/x", evidence_date=today).clean()


@pytest.mark.parametrize("evidence", ["link", "document", "image"])
def test_any_kind_of_evidence_with_a_date_completes_a_milestone(evidence):
    from wagtail_factories import DocumentFactory, ImageFactory

    milestone = _milestone(completed_on=DONE, evidence_date=DONE, evidence_description="Acta")
    if evidence == "link":
        milestone.evidence_url = "https://example.org/acta"
    elif evidence == "document":
        milestone.evidence_document = DocumentFactory(title="Acta de prueba")
    else:
        milestone.evidence_image = ImageFactory(title="Foto de prueba")
    milestone.clean()  # no error
    assert milestone.has_evidence


def test_image_evidence_needs_a_description_as_alt_text():
    from wagtail_factories import ImageFactory

    milestone = _milestone(evidence_image=ImageFactory(title="Foto de prueba"), evidence_description="")
    with pytest.raises(ValidationError) as error:
        milestone.clean()
    assert list(error.value.message_dict) == ["evidence_description"]


def test_pending_milestone_needs_no_evidence():
    _milestone().clean()


def test_admin_form_refuses_a_completed_milestone_without_evidence():
    """The editor sees the messages on the milestone's fields in the page editor."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    page = make_commitment([])
    form_class = CompromisoPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "",
            "tema": page.tema_id,
            "problem": page.problem,
            "description": rich_text(""),
            "lead_institution": page.lead_institution,
            "supporting_actors": "",
            "start_date": "2024-01-01",
            "end_date": "2026-12-31",
            "status_override": "",
            "status_override_reason": "",
            "hitos": inline_formset(
                [{"title": "Hito sin evidencia", "due_date": "2025-01-01", "completed_on": "2025-02-01", "weight": "1"}]
            ),
            "imagenes": inline_formset([]),
            "enlaces": inline_formset([]),
        }
    )
    form = form_class(data, instance=page, for_user=None, parent_page=page.get_parent())
    assert not form.is_valid()
    errors = form.formsets["hitos"].forms[0].errors
    assert set(errors) == {"completed_on", "evidence_date"}
    assert all(errors[field][0] for field in errors)


def test_publishing_records_a_dated_history_entry():
    page = make_commitment([(1, DONE), (1, None)])
    entries = history_for(page)
    assert len(entries) == 1
    assert (entries[0].progress, entries[0].status) == (Decimal("50.0"), Status.SUBSTANTIAL)
    assert (entries[0].completed_milestones, entries[0].total_milestones) == (1, 2)
    assert entries[0].recorded_at.date() == timezone.now().date()


def test_republishing_without_change_adds_no_entry():
    page = make_commitment([(1, DONE)])
    page.save_revision().publish()
    assert len(history_for(page)) == 1


def test_each_change_of_progress_adds_an_entry_and_old_ones_stay():
    page = make_commitment([(1, DONE), (1, None)])
    revision_page = CompromisoPage.objects.get(pk=page.pk)
    second = revision_page.hitos.all()[1]
    second.completed_on = DONE
    second.evidence_url = EVIDENCE_URL
    second.evidence_date = DONE
    revision_page.hitos = [revision_page.hitos.all()[0], second]
    revision_page.save_revision().publish()
    entries = history_for(revision_page)
    assert [e.progress for e in entries] == [Decimal("100.0"), Decimal("50.0")]
    assert [e.status for e in entries] == [Status.COMPLETE, Status.SUBSTANTIAL]


def test_a_status_override_is_a_change_in_the_history():
    page = make_commitment([(1, DONE), (1, None)])
    page.status_override = Status.LIMITED
    page.status_override_reason = "Retraso en la ejecución."
    page.save_revision().publish()
    assert [e.status for e in history_for(page)] == [Status.LIMITED, Status.SUBSTANTIAL]


def complete_every_milestone(page):
    """Mark every milestone of ``page`` completed with a link as evidence (in the page's cluster)."""
    milestones = list(page.hitos.all())
    for milestone in milestones:
        milestone.completed_on = DONE
        milestone.evidence_url = EVIDENCE_URL
        milestone.evidence_date = DONE
    page.hitos = milestones


def test_saving_a_draft_does_not_touch_the_public_history():
    page = make_commitment([(1, None)])
    complete_every_milestone(page)
    page.save_revision()
    assert len(history_for(page)) == 1
    assert CompromisoPage.objects.get(pk=page.pk).progress == Decimal("0.0")


def test_history_is_shared_by_translations():
    """The English page shows the same dated entries as the Spanish one."""
    from wagtail.models import Locale

    spanish = make_commitment([(1, DONE), (1, None)])
    complete_every_milestone(spanish)
    spanish.save_revision().publish()
    english = spanish.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()  # the same figures: nothing new is recorded
    assert [e.pk for e in history_for(english)] == [e.pk for e in history_for(spanish)]
    assert [e.progress for e in history_for(english)] == [Decimal("100.0"), Decimal("50.0")]
    assert record_progress(english) is None


def test_history_entries_survive_as_records_of_the_past():
    page = make_commitment([(1, None)])
    RegistroAvance.objects.filter(commitment_key=page.translation_key).update(
        recorded_at=timezone.now() - datetime.timedelta(days=30)
    )
    before = history_for(page)[0].recorded_at
    complete_every_milestone(page)
    page.save_revision().publish()
    entries = history_for(page)
    assert entries[-1].recorded_at == before
    assert entries[0].progress == Decimal("100.0")
