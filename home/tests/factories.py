"""Factories for the home app: a home page on a tree of its own, and the open-government model's snippets.

Tests build the few objects they need with these (wagtail-factories, factory-boy) instead of
fishing them out of the demo site, and assert what follows from the values they chose.
"""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page

from home.models import Ambito, Eje, HomePage, Iniciativa


def spanish():
    """The default locale (Spanish), which every factory-made object uses unless told otherwise."""
    return Locale.get_default()


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page directly under the tree's root, beside the demo's: a tree of its own.

    ``HomePageFactory(site=True)`` also makes it the root of a site answering on ``testserver``,
    the host of Django's test client, so ``client.get(page.url)`` reaches this tree, not the demo.
    Tests take it from the ``own_home`` fixture (root conftest), which clears Wagtail's cached site
    root paths afterwards: the test's rollback removes the site but not that cache.
    """

    title = "Inicio de prueba"
    slug = factory.Sequence(lambda n: f"inicio-de-prueba-{n}")
    parent = factory.LazyFunction(Page.get_first_root_node)
    lead = "Un sitio de prueba."

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    class Params:
        site = factory.Trait(
            serves=factory.RelatedFactory(
                wagtail_factories.SiteFactory,
                factory_related_name="root_page",
                hostname="testserver",
                port=80,
                site_name="Sitio de prueba",
            )
        )


class EjeFactory(DjangoModelFactory):
    """An axis of the model, in Spanish."""

    name = factory.Sequence(lambda n: f"Eje de prueba {n}")
    summary = "Un eje creado por la prueba."
    sort_order = factory.Sequence(lambda n: 100 + n)  # after the demo's axes, when both are listed
    locale = factory.LazyFunction(spanish)

    class Meta:
        model = Eje


class AmbitoFactory(DjangoModelFactory):
    """An ámbito of an axis (a new axis unless one is given)."""

    eje = factory.SubFactory(EjeFactory)
    name = factory.Sequence(lambda n: f"Ámbito de prueba {n}")
    locale = factory.SelfAttribute("eje.locale")

    class Meta:
        model = Ambito


class IniciativaFactory(DjangoModelFactory):
    """A planned initiative of an axis (a new axis unless one is given), with no ámbito or page."""

    eje = factory.SubFactory(EjeFactory)
    name = factory.Sequence(lambda n: f"Iniciativa de prueba {n}")
    status = Iniciativa.Status.PLANNED
    locale = factory.SelfAttribute("eje.locale")

    class Meta:
        model = Iniciativa

    class Params:
        completed = factory.Trait(status=Iniciativa.Status.COMPLETED)
        in_progress = factory.Trait(status=Iniciativa.Status.IN_PROGRESS)
