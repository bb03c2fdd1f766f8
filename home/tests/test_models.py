"""The home page's model on objects a test creates: each axis's count, its initiatives and their pages."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from home.progress import Tally

from .factories import AmbitoFactory, EjeFactory, HomePageFactory, IniciativaFactory

pytestmark = pytest.mark.django_db


def axis_of(home, eje):
    """The axis ``eje`` as ``home.get_axes()`` returns it (other axes of the language may be listed too)."""
    return next(axis for axis in home.get_axes() if axis.pk == eje.pk)


def test_an_axis_counts_its_completed_initiatives_of_all():
    home, eje = HomePageFactory(), EjeFactory()
    IniciativaFactory.create_batch(2, eje=eje, completed=True)
    IniciativaFactory(eje=eje, in_progress=True)
    IniciativaFactory(eje=eje)
    IniciativaFactory(completed=True)  # another axis's: not counted here
    axis = axis_of(home, eje)
    assert axis.tally == Tally(completed=2, total=4)
    assert axis.tally.percentage == 50
    assert len(axis.initiative_list) == 4


def test_the_count_follows_status_changes_and_new_initiatives():
    home, eje = HomePageFactory(), EjeFactory()
    planned = IniciativaFactory(eje=eje)
    IniciativaFactory(eje=eje, completed=True)
    assert axis_of(home, eje).tally == Tally(1, 2)
    planned.status = "cumplida"
    planned.save()
    assert axis_of(home, eje).tally == Tally(2, 2)
    IniciativaFactory(eje=eje)
    assert axis_of(home, eje).tally == Tally(2, 3)


def test_an_axis_without_initiatives_counts_zero_of_zero():
    axis = axis_of(HomePageFactory(), EjeFactory())
    assert (axis.tally, axis.tally.percentage, axis.initiative_list) == (Tally(0, 0), 0, [])


def test_both_languages_count_the_spanish_initiatives_even_before_they_are_translated():
    english = Locale.objects.get(language_code="en")
    eje = EjeFactory()
    eje_en = eje.copy_for_translation(english)
    eje_en.name = "Test axis"
    eje_en.save()
    IniciativaFactory(eje=eje, completed=True)  # not translated: still counts in English
    IniciativaFactory(eje=eje)
    spanish_home = HomePageFactory()
    english_home = HomePageFactory(locale=english)
    assert axis_of(spanish_home, eje).tally == axis_of(english_home, eje_en).tally == Tally(1, 2)
    # English shows the untranslated initiatives in Spanish, each marked as Spanish (lang="es-CL").
    listed = axis_of(english_home, eje_en).initiative_list
    assert [i.locale_id for i in listed] == [eje.locale_id, eje.locale_id]
    assert {i.fallback_language for i in listed} == {eje.locale.language_code}


def test_initiatives_are_listed_in_their_order_with_their_live_linked_page():
    home, eje = HomePageFactory(), EjeFactory()
    linked = HomePageFactory(title="Página de la iniciativa")
    second = IniciativaFactory(eje=eje, name="B", sort_order=2)
    first = IniciativaFactory(eje=eje, name="A", sort_order=1, page=linked)
    unpublished = HomePageFactory(live=False)
    hidden = IniciativaFactory(eje=eje, name="C", sort_order=3, page=unpublished)
    axis = axis_of(home, eje)
    assert axis.initiative_list == [first, second, hidden]
    assert [i.linked_page and i.linked_page.pk for i in axis.initiative_list] == [linked.pk, None, None]


def test_an_ambito_of_another_axis_is_refused():
    eje = EjeFactory()
    foreign = AmbitoFactory()
    with pytest.raises(ValidationError) as error:
        IniciativaFactory.build(eje=eje, ambito=foreign).clean()
    assert list(error.value.message_dict) == ["ambito"]
    IniciativaFactory.build(eje=eje, ambito=AmbitoFactory(eje=eje)).clean()  # its own axis's: accepted
