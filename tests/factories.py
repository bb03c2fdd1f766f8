"""Factory pieces shared by the apps' test factories (``<app>/tests/factories.py``)."""

import factory
import wagtail_factories


class PublishingPageFactory(wagtail_factories.PageFactory):
    """A page factory whose ``publish=True`` publishes a revision after creating the page."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted:
            page.save_revision().publish()
