"""Factories of the participation models: small trees built by each test, independent of the demo.

``InstanciaPageFactory()`` makes a body under a fresh ``ParticipacionIndexPageFactory``
page, itself right under the tree's root and outside every site: no address, enough for the
models. A test that requests pages passes ``parent=`` an index placed under the demo's home
page (the conftest's ``fresh_index``). Members and sessions go in as unsaved objects,
agreements inside their session::

    body = InstanciaPageFactory(
        sessions=[InstanciaSessionFactory.build(days=3, agreements=[InstanciaAgreementFactory.build()])],
        members=[InstanciaMemberFactory.build()],
        publish=True,
    )

``publish=True`` publishes a revision, as an editor does.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page

from participacion.models import (
    InstanciaAgreement,
    InstanciaMember,
    InstanciaPage,
    InstanciaSession,
    ParticipacionIndexPage,
)
from tests.factories import PublishingPageFactory


class ParticipacionIndexPageFactory(PublishingPageFactory):
    """A participation index page; without ``parent``, right under the tree's root, outside every site."""

    parent = factory.LazyFunction(Page.get_first_root_node)

    title = "Participación Ciudadana de prueba"
    slug = factory.Sequence(lambda n: f"participacion-de-prueba-{n}")

    class Meta:
        model = ParticipacionIndexPage


class InstanciaPageFactory(PublishingPageFactory):
    """An active thematic round table (mesa temática) with a one-line summary."""

    parent = factory.SubFactory(ParticipacionIndexPageFactory)
    title = factory.Sequence(lambda n: f"Instancia de prueba {n}")
    slug = factory.Sequence(lambda n: f"instancia-de-prueba-{n}")
    type = "mesa_tematica"
    summary = "Una instancia creada por una prueba."

    class Meta:
        model = InstanciaPage


class InstanciaMemberFactory(DjangoModelFactory):
    """A current member (no end date), named, with the position "integrante"."""

    name = factory.Sequence(lambda n: f"Integrante {n}")
    position = InstanciaMember.Position.MEMBER

    class Meta:
        model = InstanciaMember


class InstanciaAgreementFactory(DjangoModelFactory):
    """An agreement of a session, linked to no commitment unless ``commitment`` is given."""

    text = factory.Sequence(lambda n: f"Se acordó el punto {n}.")
    commitment = None

    class Meta:
        model = InstanciaAgreement


class InstanciaSessionFactory(DjangoModelFactory):
    """A session whose day and time are known, starting ``days`` from now (a week by default)."""

    class Params:
        days = 7

    title = factory.Sequence(lambda n: f"Sesión {n}")
    starts_at = factory.LazyAttribute(lambda session: timezone.now() + datetime.timedelta(days=session.days))

    class Meta:
        model = InstanciaSession
